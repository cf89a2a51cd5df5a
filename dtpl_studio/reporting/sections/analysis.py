"""Analisa harga satuan pekerjaan: the A–F sheet of every analysis the RAB uses, with its
sub-analyses (printed layout of DOMAIN.md §2.1).

Coefficients are printed as written, never rounded (DOMAIN.md §2.2 "Precision"); a
quotient of more than six decimals to four significant digits, its full value kept in the
file (:func:`~dtpl_studio.reporting.common.coefficient`); the intermediate sums A, B, C, D, E and F are the unrounded values of the
:class:`~dtpl_studio.costing.pricebook.Breakdown`, shown to two decimals; the last row is F
rounded by the book's rule, the rate the RAB prints.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from dtpl_studio.costing.formatting import quantize_shown
from dtpl_studio.costing.pricebook import (
    HSPK_LINE_TEXT,
    Breakdown,
    LineKind,
    PriceBook,
    PriceBookError,
    PricedLine,
    unit_price_only,
)
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    COEFFICIENT_SIGNIFICANT,
    BuildContext,
    ChapterBreak,
    Paragraph,
    coefficient,
    esc,
    money,
    money2,
    percent,
    plain,
)
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import (
    PagedTable,
    TextLines,
    fit_size,
    lines_of,
    paged_from_table,
)
from dtpl_studio.reporting.sections.books import BookUse, book_uses, describe_usage
from dtpl_studio.reporting.styles import (
    DIVISION_BG,
    FAIL_INK,
    INK,
    TABLE_FONT_SIZE,
    TABLE_PADDING,
    TOTAL_BG,
    grid_style,
    head,
    widths,
)

#: No | Uraian | Kode | Satuan | Koefisien | Harga Satuan | Jumlah Harga (mm).
ANALYSIS_WIDTHS = (8, 66, 17, 14, 18, 25, 27)


def build_analyses(ctx: BuildContext) -> list[Flowable]:
    """The chapter: one sheet per analysis used, grouped by price book when there are
    several books."""
    title = ctx.template.title("analysis")
    story: list[Flowable] = [ChapterBreak(), ctx.heading(title, 0, section=title)]
    uses = book_uses(ctx.priced)
    if not uses:
        story.append(ctx.p("Tidak ada item RAB yang memakai analisa harga satuan; semua harga "
                           "satuan adalah harga khusus yang alasannya tercantum pada RAB."))
        return story
    several = len(uses) > 1
    for use in uses:
        level = 1
        if several:
            story.append(ctx.heading(f"Buku harga: {use.label}", 1,
                                     section=f"{title} · {use.label}"))
            level = 2
        story.append(ctx.p(_intro(use), ctx.styles.note))
        for code in use.codes:
            ctx.check_cancel()
            story.append(_sheet(ctx, use, code, level))
    return story


def _intro(use: BookUse) -> str:
    meta = use.book.meta
    packages = ", ".join(f"Paket {n}" for n, _ in use.packages)
    pct = percent(meta.default_overhead_pct)
    return (f"Sumber: {use.label} (dipakai oleh {packages}). Koefisien dicetak sebagaimana "
            "tercantum dalam sumber, tanpa pembulatan; koefisien hasil bagi (rumus lembar "
            "kerja atau konversi satuan, mis. kg ke m3) dicetak "
            f"{COEFFICIENT_SIGNIFICANT} angka bermakna, nilai lengkapnya tersimpan dalam "
            "berkas proyek dan dipakai dalam perhitungan. Harga satuan pekerjaan "
            f"{meta.rate_rounding.describe()}. Biaya umum dan keuntungan bawaan buku {pct}, "
            "kecuali analisa menetapkan lain.")


def _sheet(ctx: BuildContext, use: BookUse, code: str, level: int) -> Flowable:
    s = ctx.styles
    book = use.book
    analysis = book.analyses[code]
    heading = ctx.heading(f"{code}  {analysis.name}", level, style=s.h3,
                          in_toc=level <= 2)
    info = [f"Satuan pekerjaan: <b>{esc(analysis.unit)}</b>"]
    if use.usage.get(code):
        info.append("Dipakai pada: " + esc(describe_usage(use.usage[code])))
    if analysis.source_ref:
        info.append("Sumber: " + esc(analysis.source_ref))
    parts: list[Flowable] = [heading, Paragraph(" · ".join(info), s.small)]
    try:
        breakdown = book.compute(code)
    except (KeyError, PriceBookError) as exc:
        color = "#" + FAIL_INK.hexval()[2:]
        parts.append(Paragraph(f'<font color="{color}"><b>Analisa tidak dapat dihitung:</b> '
                               f"{esc(exc)}</font>", s.body))
        return KeepTogether(parts)
    if unit_price_only(analysis):
        # an HSPK work item: the decree publishes the unit price only; no made-up A/B/C
        parts.append(Paragraph(f"{HSPK_LINE_TEXT}: <b>Rp {esc(money(breakdown.f))}</b> per "
                               f"{esc(analysis.unit)}.", s.body))
        return KeepTogether(parts)
    parts.append(_table(ctx, book, breakdown))
    return KeepTogether(parts)


def _line_code(book: PriceBook, pl: PricedLine) -> str:
    line = pl.line
    if line.kind is LineKind.SUB_ANALYSIS:
        return line.ref
    if line.kind is LineKind.PCT_OF_MATERIAL:
        return ""
    resource = book.resources.get(line.ref)
    if resource is None:
        return ""
    return resource.code  # the book's own code, if it has one (the key is often the name)


def _half_up(value: Decimal) -> Decimal:
    """``value`` to the sen, half up: the one rounding of what is shown
    (:func:`dtpl_studio.costing.formatting.quantize_shown`)."""
    return quantize_shown(value, 2)


def printed_totals(b: Breakdown) -> dict[str, Decimal]:
    """The A–F printed on a sheet, rounded to the sen half up so that the sheet reconciles
    as printed: D = A + B + C, E = p × D (to the sen, half up), F = D + E.

    The RAB rate is the core's ``b.f`` (the book's or the analysis' rule over the exact F);
    the printed F differs from the exact F by less than a sen per step.
    """
    a, bb, c = _half_up(b.a), _half_up(b.b), _half_up(b.c)
    d = a + bb + c
    e = _half_up(d * b.overhead_pct)
    return {"A": a, "B": bb, "C": c, "D": d, "E": e, "F": d + e}


def _table(ctx: BuildContext, book: PriceBook, b: Breakdown) -> PagedTable:
    """One sheet's table, plain cells (no Paragraph line breaking); the Kode column is
    printed only when a line of the sheet has a code."""
    groups = (b.labour, b.material, b.equipment)
    codes = [[_line_code(book, pl) for pl in lines] for lines in groups]
    with_code = any(c for cs in codes for c in cs)
    col_mm = ANALYSIS_WIDTHS if with_code else (
        ANALYSIS_WIDTHS[0], ANALYSIS_WIDTHS[1] + ANALYSIS_WIDTHS[2], *ANALYSIS_WIDTHS[3:])
    col = widths(*col_mm)
    k = 1 if with_code else 0  # column offset after Uraian
    text_w = col[1] - 2 * TABLE_PADDING
    wide_w = sum(col[1:-1]) - 2 * TABLE_PADDING
    heads = [h for h in L.ANALYSIS_COLUMNS if with_code or h != "Kode"]
    data: list[list] = [head(heads, col)]
    last = len(heads) - 1
    extra: list[tuple] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (1 + k, -1), "CENTER"),
        ("ALIGN", (2 + k, 1), (2 + k, -1), "CENTER"),
        ("ALIGN", (3 + k, 1), (-1, -1), "RIGHT"),
    ]
    printed = printed_totals(b)

    def fit(r: int, c: int, text: str, font: str = FAMILY.regular) -> None:
        size = fit_size(text, font, TABLE_FONT_SIZE, col[c] - 2 * TABLE_PADDING)
        if size < TABLE_FONT_SIZE:
            extra.append(("FONTSIZE", (c, r), (c, r), size))

    def total_row(letter: str, label: str, value: str, bold_label: bool) -> None:
        r = len(data)
        font = FAMILY.bold if bold_label else FAMILY.regular
        data.append([letter, TextLines(lines_of(label, font, TABLE_FONT_SIZE, wide_w)),
                     *[""] * (last - 2), value])
        extra.extend([("SPAN", (1, r), (last - 1, r)),
                      ("FONT", (last, r), (last, r), FAMILY.bold, TABLE_FONT_SIZE)])
        fit(r, last, value, FAMILY.bold)

    for (letter, title, total_label), lines, line_codes, key in zip(
            L.ANALYSIS_GROUPS, groups, codes, "ABC", strict=True):
        r = len(data)
        data.append([letter, title, *[""] * (last - 1)])
        extra += [("BACKGROUND", (0, r), (-1, r), DIVISION_BG),
                  ("FONT", (0, r), (1, r), FAMILY.bold, TABLE_FONT_SIZE),
                  ("SPAN", (1, r), (-1, r))]
        for i, (pl, code) in enumerate(zip(lines, line_codes, strict=True), start=1):
            is_pct = pl.line.kind is LineKind.PCT_OF_MATERIAL
            r = len(data)
            row = [str(i), TextLines(lines_of(pl.description, FAMILY.regular,
                                              TABLE_FONT_SIZE, text_w))]
            if with_code:
                row.append(plain(code))
            row += ["%" if is_pct else plain(pl.unit),
                    percent(pl.line.coefficient) if is_pct else coefficient(pl.line.coefficient),
                    money2(pl.price), money2(pl.amount)]
            for c in range(2, len(row)):
                fit(r, c, row[c])
            data.append(row)
        total_row("", total_label, money2(printed[key]), True)
    first = len(data)
    pct = percent(b.overhead_pct)
    total_row("D", "Jumlah (A + B + C)", money2(printed["D"]), False)
    total_row("E", f"Biaya Umum dan Keuntungan (Overhead & Profit) {pct} × D",
              money2(printed["E"]), False)
    total_row("F", "Harga Satuan Pekerjaan (D + E)", money2(printed["F"]), False)
    rule = (b.analysis.rate_rounding or book.meta.rate_rounding).describe()
    r = len(data)
    total_row("", f"Harga Satuan Pekerjaan dipakai ({rule})", money(b.f), True)
    extra += [
        ("LINEABOVE", (0, first), (-1, first), 0.8, INK),
        ("FONT", (0, first), (0, r), FAMILY.bold, TABLE_FONT_SIZE),
        ("BACKGROUND", (0, r), (-1, r), TOTAL_BG),
    ]
    return paged_from_table(data, col, grid_style(extra=extra).getCommands())
