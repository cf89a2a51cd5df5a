"""The RAB of one package: heading with the package data, rekapitulasi, rincian and the
back-up volume (DOMAIN.md §5.1, §5.2, §5.4).

Every figure is a value of the :class:`~dtpl_studio.costing.rab.PricedPackage`: the rincian
prints ``PricedItem.volume``, ``.rate`` and ``.amount`` (``amount == round(volume × rate)``,
DESIGN.md §5), subtotals are ``PricedSection.total``; nothing is recomputed here.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from dtpl_studio.costing.rab import PricedItem, PricedPackage, PricedSection, RowKind
from dtpl_studio.costing.units import UnitMismatchError, UnknownUnitError
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
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
from dtpl_studio.reporting.styles import (
    DIVISION_BG,
    FAIL_INK,
    HEADER_BG,
    INK,
    TOTAL_BG,
    grid_style,
    widths,
)

INDENT = 9  # points per nesting level in the Uraian column

#: Column widths (mm) of the rincian: No | Uraian | Kode | Volume | Satuan | Harga | Jumlah.
RINCIAN_WIDTHS = (10, 60, 19, 17, 15, 25, 29)
REKAP_WIDTHS = (14, 121, 40)
BACKUP_WIDTHS = (16, 52, 63, 25, 19)


def package_title(ctx: BuildContext, number: int, pp: PricedPackage) -> str:
    """``Paket 2: Rabat beton …`` (the template's ``packages`` title)."""
    return ctx.template.package_title(number, pp.package.name)


def build_package_heading(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """New page, the package chapter heading and a table of the package data."""
    s = ctx.styles
    pkg = pp.package
    prog = ctx.priced.program
    meta = pkg.book.meta
    book = meta.title or " ".join(p for p in (meta.region, str(meta.year or "")) if p)
    rows = [
        ("Paket kegiatan", pkg.name),
        ("Komponen BLM", L.COMPONENT.get(pkg.component, str(pkg.component))),
        ("KSM", pkg.ksm or "–"),
        ("Lokasi", pkg.location or f"Kelurahan {prog.kelurahan}"),
        ("Sumber harga", book or L.UNKNOWN),
    ]
    if pkg.description:
        rows.append(("Keterangan", pkg.description))
    data = [[Paragraph(esc(k), s.cell), Paragraph(esc(v), s.cell_bold)] for k, v in rows]
    table = Table(data, colWidths=widths(34, 141))
    table.setStyle(grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_BG)]))
    title = package_title(ctx, number, pp)
    return [PageBreak(), ctx.heading(title, 0, section=title), table, Spacer(1, 6)]


def build_rab_summary(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Rekapitulasi: divisions with totals, Jumlah, PPN (with its rate, even 0 %), Total,
    Dibulatkan (with the rule), Terbilang in italic; then the share per funding source."""
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
    story: list[Flowable] = [
        ctx.heading(title, 1, section=f"Paket {number} · {title}"),
        table,
    ]
    if pp.by_source:
        story += _funding_table(ctx, pp)
    return story


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


def _note_lines(pi: PricedItem) -> list[str]:
    item = pi.item
    notes = []
    if item.rate_override is not None:
        notes.append(f"Harga satuan diubah: {item.override_reason or 'tanpa alasan'}")
    elif item.analysis_code is None and item.custom_rate is not None:
        notes.append(f"Harga khusus: {item.custom_reason or 'tanpa alasan'}")
    if item.note:
        notes.append(item.note)
    return notes


def build_rab_detail(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Rincian: one row per section / item / subtotal of ``pp.rows()``; the column header
    repeats on every page; a section header never stays alone at a page foot."""
    s = ctx.styles
    decimals = pp.package.settings.volume_decimals
    data: list[list] = [[Paragraph(h, s.cell_head) for h in L.RAB_COLUMNS]]
    extra: list[tuple] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("ALIGN", (5, 1), (6, -1), "RIGHT"),
    ]
    for kind, node in pp.rows():
        ctx.check_cancel()
        r = len(data)
        if kind is RowKind.SECTION:
            assert isinstance(node, PricedSection)
            indent = max(node.depth - 1, 0) * INDENT
            title = esc(node.section.title)
            style = s.cell_bold
            data.append([node.label, _indented(title, style, indent), "", "", "", "", ""])
            extra += [("SPAN", (1, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            if node.depth == 0:
                extra += [("BACKGROUND", (0, r), (-1, r), DIVISION_BG),
                          ("FONT", (0, r), (0, r), FAMILY.bold)]
        elif kind is RowKind.ITEM:
            assert isinstance(node, PricedItem)
            data.append(_item_row(ctx, node, decimals))
        else:
            assert isinstance(node, PricedSection)
            label = f"Sub Total {node.number}"
            data.append([Paragraph(f"<b>{esc(label)}</b>", s.cell_right), "", "", "", "", "",
                         money(node.total)])
            extra += [("SPAN", (0, r), (5, r)), ("FONT", (6, r), (6, r), FAMILY.bold),
                      ("NOSPLIT", (0, r - 1), (-1, r))]
            if node.depth == 0:
                extra += [("BACKGROUND", (0, r), (-1, r), TOTAL_BG),
                          ("LINEABOVE", (0, r), (-1, r), 0.8, INK)]
    r = len(data)
    data.append([Paragraph("<b>JUMLAH BIAYA LANGSUNG</b>", s.cell_right), "", "", "", "", "",
                 money(pp.direct)])
    extra += [("SPAN", (0, r), (5, r)), ("FONT", (6, r), (6, r), FAMILY.bold),
              ("BACKGROUND", (0, r), (-1, r), HEADER_BG), ("LINEABOVE", (0, r), (-1, r), 1, INK)]
    table = Table(data, colWidths=widths(*RINCIAN_WIDTHS), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=extra))
    title = ctx.template.title("rincian")
    return [PageBreak(), ctx.heading(title, 1, section=f"Paket {number} · {title}"), table]


_INDENTED: dict[tuple[str, float], ParagraphStyle] = {}


def _indented(markup: str, style: ParagraphStyle, indent: float) -> Paragraph:
    """A paragraph in ``style`` indented by ``indent`` points (styles cached per indent)."""
    if not indent:
        return Paragraph(markup, style)
    key = (style.name, indent)
    if key not in _INDENTED:
        _INDENTED[key] = ParagraphStyle(f"{style.name}-i{indent:g}", parent=style,
                                        leftIndent=indent)
    return Paragraph(markup, _INDENTED[key])


def _item_row(ctx: BuildContext, pi: PricedItem, decimals: int) -> list:
    s = ctx.styles
    indent = max(pi.depth - 1, 0) * INDENT
    markup = esc(pi.item.description)
    for note in _note_lines(pi):
        markup += f'<br/><font size="6.8" color="#555555"><i>{esc(note)}</i></font>'
    if pi.error:
        color = "#" + FAIL_INK.hexval()[2:]
        markup += (f'<br/><font size="6.8" color="{color}"><b>Kesalahan:</b> '
                   f"{esc(pi.error)}</font>")
    code = pi.item.analysis_code or "–"
    return [
        pi.label,
        _indented(markup, s.cell, indent),
        Paragraph(esc(code), s.cell_center),
        "–" if pi.volume is None else volume(pi.volume, decimals),
        plain(pi.item.unit),
        "–" if pi.rate is None else money(pi.rate),
        money(pi.amount),
    ]


DEDUCTION = "Dikurangi"


def _measurement_text(description: str, sign: int) -> str:
    """The Uraian of a measurement line: a deduction (``sign < 0``) is marked
    ``Dikurangi: …`` unless its description already starts with "dikurangi" (any case)."""
    text = description.strip()
    if sign >= 0 or text.casefold().startswith(DEDUCTION.casefold()):
        return text
    return f"{DEDUCTION}: {text}" if text else DEDUCTION


def build_backup_volume(ctx: BuildContext, number: int, pp: PricedPackage) -> list[Flowable]:
    """Back-up perhitungan volume: per item with measurement lines, each line's formula and
    volume in the item unit, and the total as the RAB uses it."""
    s = ctx.styles
    decimals = pp.package.settings.volume_decimals
    title = ctx.template.title("backup")
    story: list[Flowable] = [PageBreak(),
                             ctx.heading(title, 1, section=f"Paket {number} · {title}")]
    items = [pi for pi in pp.items() if pi.item.measurements]
    if not items:
        story.append(ctx.p("Paket ini tidak memiliki rincian back-up volume: semua volume "
                           "ditetapkan langsung pada RAB.", s.body))
        return story
    data: list[list] = [[Paragraph(h, s.cell_head) for h in L.BACKUP_COLUMNS]]
    extra: list[tuple] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "RIGHT"),
        ("ALIGN", (4, 1), (4, -1), "CENTER"),
    ]
    for pi in items:
        ctx.check_cancel()
        unit = pi.item.unit
        shown_unit = plain(unit)
        start = len(data)
        data.append([pi.number, Paragraph(f"<b>{esc(pi.item.description)}</b>", s.cell),
                     "", "", shown_unit])
        extra += [("SPAN", (1, start), (3, start)), ("BACKGROUND", (0, start), (-1, start),
                                                       DIVISION_BG)]
        for m in pi.item.measurements:
            desc = _measurement_text(m.description, m.sign)
            try:
                value = signed_exact(m.volume_in(unit))
            except (UnitMismatchError, UnknownUnitError) as exc:
                value = "–"
                desc += f" — kesalahan satuan: {exc}"
            data.append(["", Paragraph(esc(desc), s.cell), Paragraph(esc(m.formula()), s.cell),
                         value, shown_unit])
        r = len(data)
        if pi.volume is None:
            label, value = "Jumlah volume (tidak dapat dihitung)", "–"
        else:
            label = "Jumlah volume"
            if pi.volume_exact is not None and pi.volume_exact != pi.volume:
                label += f" ({exact(pi.volume_exact)} dibulatkan {decimals} desimal)"
            value = volume(pi.volume, decimals)
        data.append(["", Paragraph(f"<b>{esc(label)}</b>", s.cell_right), "", value,
                     shown_unit])
        extra += [("SPAN", (1, r), (2, r)), ("FONT", (3, r), (4, r), FAMILY.bold),
                  ("LINEABOVE", (1, r), (-1, r), 0.6, INK)]
        if r - start <= 12:
            extra.append(("NOSPLIT", (0, start), (-1, r)))
    table = Table(data, colWidths=widths(*BACKUP_WIDTHS), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=extra))
    story.append(table)
    direct = sum(1 for pi in pp.items() if not pi.item.measurements)
    if direct:
        story.append(Paragraph(f"{direct} item lain memakai volume yang ditetapkan langsung "
                               "pada RAB (tanpa rincian back-up).", s.note))
    return story
