"""Analisa harga satuan pekerjaan: the A–F sheet of every analysis the RAB uses, with its
sub-analyses (printed layout of DOMAIN.md §2.1).

Coefficients are printed with all their decimals, never rounded (DOMAIN.md §2.2
"Precision"); the intermediate sums A, B, C, D, E and F are the unrounded values of the
:class:`~dtpl_studio.costing.pricebook.Breakdown`, shown to two decimals; the last row is F
rounded by the book's rule, the rate the RAB prints.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table

from dtpl_studio.costing.pricebook import Breakdown, LineKind, PriceBook, PriceBookError, PricedLine
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    coefficient,
    coefficient_fits,
    esc,
    full_number,
    money,
    money2,
    percent,
    plain,
)
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.sections.books import BookUse, book_uses, describe_usage
from dtpl_studio.reporting.styles import DIVISION_BG, FAIL_INK, INK, TOTAL_BG, grid_style, widths

#: No | Uraian | Kode | Satuan | Koefisien | Harga Satuan | Jumlah Harga (mm).
ANALYSIS_WIDTHS = (9, 56, 19, 15, 22, 26, 28)


def build_analyses(ctx: BuildContext) -> list[Flowable]:
    """The chapter: one sheet per analysis used, grouped by price book when there are
    several books."""
    title = ctx.template.title("analysis")
    story: list[Flowable] = [PageBreak(), ctx.heading(title, 0, section=title)]
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
            f"tercantum dalam sumber, tanpa pembulatan. Harga satuan pekerjaan "
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
    parts.append(_table(ctx, book, breakdown))
    long = [pl for pl in (*breakdown.labour, *breakdown.material, *breakdown.equipment)
            if pl.line.kind is not LineKind.PCT_OF_MATERIAL
            and not coefficient_fits(pl.line.coefficient)]
    if long:
        values = "; ".join(f"{pl.description} = {full_number(pl.line.coefficient)}" for pl in long)
        parts.append(Paragraph(
            "≈ koefisien dicetak 6 desimal; nilai lengkap yang dipakai dalam perhitungan: "
            + esc(values), s.note))
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


def _table(ctx: BuildContext, book: PriceBook, b: Breakdown) -> Table:
    s = ctx.styles
    data: list[list] = [[Paragraph(h, s.cell_head) for h in L.ANALYSIS_COLUMNS]]
    extra: list[tuple] = [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (6, -1), "RIGHT"),
    ]
    groups = (b.labour, b.material, b.equipment)
    sums = (b.a, b.b, b.c)
    for (letter, title, total_label), lines, total in zip(L.ANALYSIS_GROUPS, groups, sums,
                                                          strict=True):
        r = len(data)
        data.append([letter, Paragraph(f"<b>{title}</b>", s.cell), "", "", "", "", ""])
        extra += [("BACKGROUND", (0, r), (-1, r), DIVISION_BG), ("FONT", (0, r), (0, r),
                                                                FAMILY.bold)]
        for i, pl in enumerate(lines, start=1):
            is_pct = pl.line.kind is LineKind.PCT_OF_MATERIAL
            data.append([
                str(i),
                Paragraph(esc(pl.description), s.cell),
                Paragraph(esc(_line_code(book, pl)), s.cell_center),
                "%" if is_pct else plain(pl.unit),
                percent(pl.line.coefficient) if is_pct else coefficient(pl.line.coefficient),
                money2(pl.price),
                money2(pl.amount),
            ])
        r = len(data)
        data.append(["", Paragraph(f"<b>{total_label}</b>", s.cell_right), "", "", "", "",
                     money2(total)])
        extra += [("SPAN", (1, r), (5, r)), ("FONT", (6, r), (6, r), FAMILY.bold)]
    pct = percent(b.overhead_pct)
    rows = [
        ("D", "Jumlah (A + B + C)", money2(b.d)),
        ("E", f"Biaya Umum dan Keuntungan (Overhead &amp; Profit) {pct} × D", money2(b.e)),
        ("F", "Harga Satuan Pekerjaan (D + E)", money2(b.f_exact)),
    ]
    first = len(data)
    for letter, label, value in rows:
        data.append([letter, Paragraph(label, s.cell), "", "", "", "", value])
        extra.append(("SPAN", (1, len(data) - 1), (5, len(data) - 1)))
    r = len(data)
    rule = book.meta.rate_rounding.describe()
    data.append(["", Paragraph(f"<b>Harga Satuan Pekerjaan dipakai</b> ({esc(rule)})",
                               s.cell_right), "", "", "", "", money(b.f)])
    extra += [
        ("LINEABOVE", (0, first), (-1, first), 0.8, INK),
        ("FONT", (0, first), (0, r), FAMILY.bold),
        ("FONT", (6, first), (6, r), FAMILY.bold),
        ("SPAN", (1, r), (5, r)),
        ("BACKGROUND", (0, r), (-1, r), TOTAL_BG),
    ]
    table = Table(data, colWidths=widths(*ANALYSIS_WIDTHS), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=extra))
    return table
