"""The RAB of one package: heading with the package data, rekapitulasi, rincian and the
back-up volume (DOMAIN.md §5.1, §5.2, §5.4).

Every figure is a value of the :class:`~dtpl_studio.costing.rab.PricedPackage`: the rincian
prints ``PricedItem.volume``, ``.rate`` and ``.amount`` (``amount == round(volume × rate)``,
DESIGN.md §5), subtotals are ``PricedSection.total``; nothing is recomputed here.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from dtpl_studio.costing.expressions import ExpressionError, format_parameter
from dtpl_studio.costing.items import book_text, rate_origin
from dtpl_studio.costing.rab import (
    LinkError,
    PricedItem,
    PricedPackage,
    PricedSection,
    RowKind,
    item_numbers,
    line_volume,
)
from dtpl_studio.costing.units import UnitMismatchError, UnknownUnitError
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    ChapterBreak,
    Paragraph,
    capitalise,
    esc,
    exact,
    money,
    percent,
    plain,
    signed_exact,
    volume,
)
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import RowTable, lead_in, lines_of, text_table
from dtpl_studio.reporting.signing import sheet_signature
from dtpl_studio.reporting.styles import (
    DIVISION_BG,
    FAIL_INK,
    HEADER_BG,
    INK,
    MUTED,
    NOTE_SIZE,
    TABLE_FONT_SIZE,
    TABLE_LEADING,
    TABLE_PADDING,
    TOTAL_BG,
    grid_style,
    head,
    widths,
)

INDENT = 9  # points per nesting level in the Uraian column

#: Column widths (mm) of the rincian: No | Uraian | Kode | Volume | Satuan | Harga | Jumlah.
RINCIAN_WIDTHS = (9, 73, 16, 16, 14, 21, 26)
REKAP_WIDTHS = (14, 121, 40)
BACKUP_WIDTHS = (13, 70, 55, 22, 15)


def package_title(ctx: BuildContext, number: int, pp: PricedPackage) -> str:
    """``Paket 2: Rabat beton …`` (the template's ``packages`` title)."""
    return ctx.template.package_title(number, pp.package.name)


def build_package_heading(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """New page, the package chapter heading and a table of the package data."""
    pkg = pp.package
    prog = ctx.priced.program
    meta = pkg.book.meta
    book = book_text(meta)  # title (or region and year) and edition
    origin = L.book_origin(meta.verification, meta.signer)
    if origin and meta.verification != "verified":
        book = f"{book or L.UNKNOWN} — {origin}"
    rows = [
        ("Paket kegiatan", pkg.name),
        ("Komponen BLM", L.COMPONENT.get(pkg.component, str(pkg.component))),
        ("KSM", pkg.ksm or "–"),
        ("Lokasi", pkg.location or f"Kelurahan {prog.kelurahan}"),
        ("Sumber harga", book or L.UNKNOWN),
    ]
    if pkg.description:
        rows.append(("Keterangan", pkg.description))
    table = text_table([list(r) for r in rows], widths(34, 141),
                       grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1),
                                                         HEADER_BG)]),
                       fonts={1: FAMILY.bold})
    title = package_title(ctx, number, pp)
    return [ChapterBreak(), ctx.heading(title, 0, section=title), table, Spacer(1, 6)]


def build_rab_summary(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Rekapitulasi: divisions with totals, Jumlah, PPN (with its rate, even 0 %), Total,
    Dibulatkan (with the rule), Terbilang in italic; then the share per funding source and
    the Dibuat/Diperiksa/Disetujui block, kept on one page with them."""
    s = ctx.styles
    settings = pp.package.settings
    title = ctx.template.title("rekap")
    head = [Paragraph(h, s.cell_head) for h in L.REKAP_COLUMNS]
    data: list[list] = [head]
    for ps in pp.sections:
        data.append([ps.label, Paragraph(esc(ps.section.title), s.cell), money(ps.total)])
    first_total = len(data)
    ppn_label = f"{settings.ppn_label} {percent(settings.ppn_rate)}"
    rule = settings.total_rounding.describe()
    data += [
        ["", Paragraph("<b>JUMLAH</b> (biaya langsung)", s.cell_right), money(pp.direct)],
        ["", Paragraph(esc(ppn_label), s.cell_right), money(pp.ppn)],
        ["", Paragraph("<b>TOTAL</b> (jumlah + PPN)", s.cell_right), money(pp.total)],
        ["", Paragraph(f"<b>DIBULATKAN</b> ({esc(rule)})", s.cell_right), money(pp.rounded)],
        [Paragraph(f"Terbilang: <i>{esc(capitalise(pp.terbilang))}</i>", s.terbilang), "", ""],
    ]
    last = len(data) - 1
    table = Table(data, colWidths=widths(*REKAP_WIDTHS), repeatRows=1)
    table.setStyle(grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        ("LINEABOVE", (0, first_total), (-1, first_total), 0.8, INK),
        ("FONT", (2, first_total), (2, last - 1), FAMILY.bold),
        ("FONT", (2, first_total + 1), (2, first_total + 1), FAMILY.regular),
        ("BACKGROUND", (0, last - 1), (-1, last - 1), TOTAL_BG),
        ("SPAN", (0, last), (-1, last)),
        ("TOPPADDING", (0, last), (-1, last), 5),
        ("BOTTOMPADDING", (0, last), (-1, last), 6),
    ]))
    body: list[Flowable] = [table]
    if pp.by_source:
        body += _funding_table(ctx, pp)
    sign = sheet_signature(ctx, pp.package)
    if sign is not None:  # the sheet and its signatures stay on one page, or move whole
        body = [KeepTogether([*body, sign])]
    return [ctx.heading(title, 1, section=f"Paket {number} · {title}"), *body]


def _funding_table(ctx: BuildContext, pp: PricedPackage) -> list[Flowable]:
    s = ctx.styles
    rule = pp.package.settings.total_rounding.describe()
    data: list[list] = [[Paragraph("Sumber dana", s.cell_head),
                         Paragraph("Bagian (Rp, dibulatkan)", s.cell_head)]]
    for source in L.FUNDING:
        if source in pp.by_source:
            data.append([L.FUNDING[source], money(pp.by_source[source])])
    table = Table(data, colWidths=[50 * mm, 45 * mm], hAlign="LEFT")
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]))
    return [
        Spacer(1, 8),
        ctx.heading("Pembagian sumber dana", 2, in_toc=False, style=s.h3),
        table,
        Paragraph(f"Bagian tiap sumber dana termasuk PPN-nya dan {esc(rule)} tersendiri; "
                  "bagian BLM dipakai pada pemeriksaan pagu BLM.", s.note),
    ]


def _note_lines(pi: PricedItem, book) -> list[str]:
    """The origin of the item's rate when it is not plainly the book's (an own rate with its
    reason and source, an adjustment old → new with its reason:
    :meth:`~dtpl_studio.costing.items.RateOrigin.notes`), then the item's note."""
    item = pi.item
    notes = rate_origin(item, book).notes() if item.analysis_code is None or item.rate_override is not None else []
    if item.note:
        notes.append(item.note)
    return notes


def build_rab_detail(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Rincian: one row per section / item / subtotal of ``pp.rows()``; the column header
    repeats on every page; a section header never stays alone at a page foot, a subtotal
    never starts a page; built as a :class:`~dtpl_studio.reporting.longtable.PagedTable`
    (linear in the number of rows)."""
    decimals = pp.package.settings.volume_decimals
    col = widths(*RINCIAN_WIDTHS)
    text_w = col[1] - 2 * TABLE_PADDING
    rt = RowTable(col, [head(L.RAB_COLUMNS, col)], grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("ALIGN", (5, 1), (6, -1), "RIGHT"),
    ]))
    for kind, node in pp.rows():
        ctx.check_cancel()
        if kind is RowKind.SECTION:
            assert isinstance(node, PricedSection)
            indent = max(node.depth - 1, 0) * INDENT
            lines = lines_of(node.section.title, FAMILY.bold, TABLE_FONT_SIZE, text_w,
                             indent=indent)
            style = [("SPAN", (1, 0), (-1, 0))]
            if node.depth == 0:
                style += [("BACKGROUND", (0, 0), (-1, 0), DIVISION_BG),
                          ("FONT", (0, 0), (0, 0), FAMILY.bold)]
            rt.add_text_row([node.label, None, "", "", "", "", ""], {1: lines}, style,
                            keep_with_next=True)
        elif kind is RowKind.ITEM:
            assert isinstance(node, PricedItem)
            _item_row(rt, node, decimals, text_w, pp.package.book)
        else:
            assert isinstance(node, PricedSection)
            rt.keep_with_previous()
            _total_row(rt, f"Sub Total {node.number}", money(node.total),
                       [("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG),
                        ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK)] if node.depth == 0 else [])
    rt.keep_with_previous()
    _total_row(rt, "JUMLAH BIAYA LANGSUNG", money(pp.direct),
               [("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                ("LINEABOVE", (0, 0), (-1, 0), 1, INK)])
    title = ctx.template.title("rincian")
    heading = ctx.heading(title, 1, section=f"Paket {number} · {title}")
    text = rincian_legend(pp)
    heads = [heading, ctx.p(text, ctx.styles.note)] if text else [heading]
    return [PageBreak(), *lead_in(heads, rt.flowable(tail=sheet_signature(ctx, pp.package)))]


def _total_row(rt: RowTable, label: str, amount: str, style: list[tuple]) -> None:
    style = [("SPAN", (0, 0), (5, 0)), ("ALIGN", (0, 0), (0, 0), "RIGHT"),
             ("FONT", (0, 0), (-1, 0), FAMILY.bold, TABLE_FONT_SIZE, TABLE_LEADING), *style]
    rt.fit(style, 6, amount, FAMILY.bold, TABLE_FONT_SIZE, TABLE_PADDING)
    rt.add([label, "", "", "", "", "", amount], style)


#: after the code of an item whose rate was adjusted (the legend under the heading says it)
ADJUSTED = "*"


def rincian_legend(pp: PricedPackage) -> str:
    """The line under the rincian heading, for what the package has: where the codes come
    from (book and edition), what ``khusus`` and :data:`ADJUSTED` mean ("" for none)."""
    items = [pi.item for pi in pp.items()]
    parts = []
    if any(i.analysis_code for i in items):
        parts.append(f"Kode: analisa dari {book_text(pp.package.book.meta)}.")
    if any(i.analysis_code is None and i.custom_rate is not None for i in items):
        parts.append("“khusus”: harga khusus, alasan dan sumbernya di bawah uraian.")
    if any(i.rate_override is not None for i in items):
        parts.append(f"“{ADJUSTED}”: harga satuan disesuaikan, harga semula dan alasannya di bawah uraian.")
    return " ".join(parts)


def _item_row(rt: RowTable, pi: PricedItem, decimals: int, text_w: float, book) -> None:
    indent = max(pi.depth - 1, 0) * INDENT
    lines = lines_of(pi.item.description, FAMILY.regular, TABLE_FONT_SIZE, text_w,
                     indent=indent)
    for note in _note_lines(pi, book):
        lines += lines_of(note, FAMILY.italic, NOTE_SIZE, text_w, MUTED, indent)
    if pi.error:
        lines += lines_of(f"Kesalahan: {pi.error}", FAMILY.bold, NOTE_SIZE, text_w, FAIL_INK,
                          indent)
    item = pi.item
    code = item.analysis_code or ("khusus" if item.custom_rate is not None else "–")
    if item.rate_override is not None:
        code += ADJUSTED  # the adjustment is said under the Uraian
    cells = [
        pi.label,
        None,
        plain(code),
        "–" if pi.volume is None else volume(pi.volume, decimals),
        plain(pi.item.unit),
        "–" if pi.rate is None else money(pi.rate),
        money(pi.amount),
    ]
    style: list[tuple] = []
    for c in (2, 3, 4, 5, 6):
        rt.fit(style, c, cells[c], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
    rt.add_text_row(cells, {1: lines}, style)


DEDUCTION = "Dikurangi"


def _measurement_text(description: str, sign: int) -> str:
    """The Uraian of a measurement line: a deduction (``sign < 0``) is marked
    ``Dikurangi: …`` unless its description already starts with "dikurangi" (any case)."""
    text = description.strip()
    if sign >= 0 or text.casefold().startswith(DEDUCTION.casefold()):
        return text
    return f"{DEDUCTION}: {text}" if text else DEDUCTION


#: column widths (fractions) of the parameter table printed above the back-up lines
PARAMETER_WIDTHS = (30, 35, 110)


def _printed_formula(line, numbers: dict[str, str]) -> str:
    """The line's formula as printed: an expression with × for *, a link as ``= volume II.1``."""
    text = line.formula(numbers)
    if line.expression:
        text = text.replace("**", "^").replace("*", "×")
    return text


def build_backup_volume(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Back-up perhitungan volume: per item with measurement lines, each line's formula and
    volume in the item unit, and the total as the RAB uses it (a
    :class:`~dtpl_studio.reporting.longtable.PagedTable`, linear in the number of lines)."""
    s = ctx.styles
    decimals = pp.package.settings.volume_decimals
    title = ctx.template.title("backup")
    heading = ctx.heading(title, 1, section=f"Paket {number} · {title}")
    items = [pi for pi in pp.items() if pi.item.measurements]
    if not items:
        return [heading, ctx.p("Paket ini tidak memiliki rincian back-up volume: semua "
                               "volume ditetapkan langsung pada RAB.", s.body)]
    col = widths(*BACKUP_WIDTHS)
    desc_w = col[1] - 2 * TABLE_PADDING
    formula_w = col[2] - 2 * TABLE_PADDING
    wide_w = col[1] + col[2] + col[3] - 2 * TABLE_PADDING
    rt = RowTable(col, [head(L.BACKUP_COLUMNS, col)], grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
    ]))
    package = pp.package
    parameters = {p.name: p for p in package.parameters}
    numbers = item_numbers(package) if any(m.link is not None for pi in items for m in pi.item.measurements) else {}
    priced_by_id = {pi.item.id: pi for pi in pp.items()} if numbers else {}

    def linked(target_id: str):
        target = priced_by_id.get(target_id)
        if target is None:
            raise LinkError("item tertaut tidak ada lagi di paket ini")
        if target.volume is None:
            raise LinkError(f"volume item {target.number} tidak dapat dihitung")
        return target.volume, target.item.unit

    for pi in items:
        ctx.check_cancel()
        unit = pi.item.unit
        shown_unit = plain(unit)
        rt.add_text_row([pi.number, None, "", "", shown_unit],
                        {1: lines_of(pi.item.description, FAMILY.bold, TABLE_FONT_SIZE, wide_w)},
                        [("SPAN", (1, 0), (3, 0)), ("BACKGROUND", (0, 0), (-1, 0), DIVISION_BG)],
                        keep_with_next=True)
        for m in pi.item.measurements:
            desc = _measurement_text(m.description, m.sign)
            try:
                value = signed_exact(line_volume(m, unit, parameters, linked))
            except (UnitMismatchError, UnknownUnitError) as exc:
                value = "–"
                desc += f" — kesalahan satuan: {exc}"
            except (ExpressionError, LinkError) as exc:
                value = "–"
                desc += f" — kesalahan: {exc}"
            style: list[tuple] = []
            rt.fit(style, 3, value, FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
            rt.add_text_row(["", None, None, value, shown_unit],
                            {1: lines_of(desc, FAMILY.regular, TABLE_FONT_SIZE, desc_w),
                             2: lines_of(_printed_formula(m, numbers), FAMILY.regular, TABLE_FONT_SIZE,
                                         formula_w)}, style)
        if pi.volume is None:
            label, value = "Jumlah volume (tidak dapat dihitung)", "–"
        else:
            label = "Jumlah volume"
            if pi.volume_exact is not None and pi.volume_exact != pi.volume:
                label += f" ({exact(pi.volume_exact)} dibulatkan {decimals} desimal)"
            value = volume(pi.volume, decimals)
        style = [("SPAN", (1, 0), (2, 0)), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                 ("FONT", (1, 0), (-1, 0), FAMILY.bold, TABLE_FONT_SIZE, TABLE_LEADING),
                 ("LINEABOVE", (1, 0), (-1, 0), 0.6, INK)]
        rt.fit(style, 3, value, FAMILY.bold, TABLE_FONT_SIZE, TABLE_PADDING)
        rt.keep_with_previous()
        rt.add(["", plain(label), "", value, shown_unit], style)
    lead: list[Flowable] = [heading]
    if package.parameters:  # the parameter table, once per package, before the lines using it
        lead.append(ctx.p("Parameter paket (dipakai oleh ekspresi baris di bawah):", s.body))
        lead.append(text_table(
            [[p.name, format_parameter(p).split(" = ", 1)[1], p.description] for p in package.parameters],
            widths(*PARAMETER_WIDTHS), grid_style(extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]),
            header=["Nama", "Nilai", "Keterangan"], nowrap=(1,)))
        lead.append(Spacer(1, 3 * mm))
    story: list[Flowable] = lead_in(lead, rt.flowable())
    direct = sum(1 for pi in pp.items() if not pi.item.measurements)
    if direct:
        story.append(Paragraph(f"{direct} item lain memakai volume yang ditetapkan langsung "
                               "pada RAB (tanpa rincian back-up).", s.note))
    return [PageBreak(), *story]
