"""Pemeriksaan pagu BLM: one row per :class:`~dtpl_studio.costing.funding.CeilingCheck`,
the rule sources, the overall verdict, the BLM share per package and the findings of the
calculation (DESIGN.md §5 "BLM check compares the rounded figures"; DOMAIN.md §4.2–4.3)."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.funding import FundingSource
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import BuildContext, esc, money, signed_money
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.styles import FAIL_INK, PASS_INK, TOTAL_BG, grid_style, widths

#: Komponen | Jumlah BLM | Pagu | Sisa | Hasil (mm).
CHECK_WIDTHS = (48, 33, 33, 33, 28)


def build_blm_check(ctx: BuildContext) -> list[Flowable]:
    """The chapter on a new page."""
    s = ctx.styles
    priced = ctx.priced
    prog = priced.program
    title = ctx.template.title("blm")
    story: list[Flowable] = [PageBreak(), ctx.heading(title, 0, section=title)]
    alloc = (f" Alokasi BLM kelurahan: Rp {money(prog.blm_allocation)}."
             if prog.blm_allocation is not None else "")
    story.append(Paragraph(
        f"Jumlah dana BLM tiap komponen dari seluruh paket Kelurahan {esc(prog.kelurahan)}"
        f" dibandingkan dengan pagu program {esc(prog.program)}.{esc(alloc)}", s.body))
    story.append(_checks_table(ctx))
    checks_ok = all(c.passed for c in priced.checks)
    errors = [f for pp in priced.packages for f in pp.findings if f.severity is Severity.ERROR]
    if checks_ok and errors:
        # items in error count as 0, so "within the ceiling" is not yet a valid conclusion
        verdict, ok_ink = "BELUM SAH", False
        explain = ("jumlah BLM berada dalam pagunya, tetapi item yang bergalat dihitung 0; "
                   "perbaiki galat lalu cetak ulang.")
    else:
        verdict, ok_ink = (L.PASSED, True) if checks_ok else (L.FAILED, False)
        explain = ("semua jumlah BLM berada dalam pagunya." if checks_ok else
                   "ada komponen yang melampaui pagunya; dokumen ini dicetak sebagai DRAFT dan "
                   "belum dapat disahkan.")
    color = "#" + (PASS_INK if ok_ink else FAIL_INK).hexval()[2:]
    story += [
        Spacer(1, 6),
        Paragraph(f'Kesimpulan pemeriksaan pagu: <font color="{color}"><b>{verdict}</b></font>'
                  f" – {explain}", s.body),
    ]
    if errors:
        story.append(Paragraph(
            f'<font color="#{FAIL_INK.hexval()[2:]}"><b>Perhatian:</b></font> {len(errors)} '
            "kesalahan perhitungan (lihat catatan di bawah); dokumen dicetak sebagai DRAFT.",
            s.body))
    rules = [p.package.settings.total_rounding.describe() for p in priced.packages]
    distinct = sorted(set(rules), key=rules.index)
    story.append(Paragraph(
        "Angka yang dibandingkan adalah angka yang telah dibulatkan (bagian BLM tiap paket, "
        f"{esc('; '.join(distinct))}), bukan angka sebelum pembulatan.", s.note))
    sources = sorted({c.source_ref for c in priced.checks}, key=[c.source_ref for c in
                                                                 priced.checks].index)
    if sources:
        story.append(ctx.heading("Sumber aturan pagu", 2, in_toc=False, style=s.h3))
        for i, src in enumerate(sources, start=1):
            story.append(Paragraph(f"{i}. {esc(src)}", s.small))
    story += _per_package(ctx)
    story += _findings(ctx)
    return story


def _checks_table(ctx: BuildContext) -> Table:
    s = ctx.styles
    data: list[list] = [[Paragraph(h, s.cell_head) for h in L.BLM_COLUMNS]]
    extra: list[tuple] = [("ALIGN", (1, 1), (3, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1),
                                                                "CENTER")]
    for r, check in enumerate(ctx.priced.checks, start=1):
        ok = check.passed
        data.append([
            L.CHECK_COMPONENT.get(check.component, str(check.component)),
            money(check.amount),
            money(check.ceiling),
            signed_money(check.remaining),
            L.PASSED if ok else L.FAILED,
        ])
        extra += [("FONT", (4, r), (4, r), FAMILY.bold),
                  ("TEXTCOLOR", (4, r), (4, r), PASS_INK if ok else FAIL_INK)]
        if not ok:
            extra.append(("TEXTCOLOR", (3, r), (3, r), FAIL_INK))
    table = Table(data, colWidths=widths(*CHECK_WIDTHS), repeatRows=1)
    table.setStyle(grid_style(extra=extra))
    return table


def _per_package(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    sources = [src for src in FundingSource
               if any(src in pp.by_source for pp in ctx.priced.packages)]
    head = ["No", "Paket", "Komponen", "Total (dibulatkan)"] + [L.FUNDING[x] for x in sources]
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    for n, pp in enumerate(ctx.priced.packages, start=1):
        data.append([str(n), Paragraph(esc(pp.package.name), s.cell),
                     L.COMPONENT.get(pp.package.component, str(pp.package.component)),
                     money(pp.rounded)]
                    + [money(pp.by_source[x]) if x in pp.by_source else "–" for x in sources])
    money_cols = 1 + len(sources)
    money_width = 27 if money_cols <= 4 else 22
    table_widths = [9, 175 - 9 - 24 - money_width * money_cols, 24] + [money_width] * money_cols
    table = Table(data, colWidths=widths(*table_widths), repeatRows=1)
    table.setStyle(grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (3, 1), (3, -1), TOTAL_BG),
    ]))
    return [ctx.heading("Bagian sumber dana per paket", 2, in_toc=False, style=s.h3), table,
            Paragraph("Bagian tiap sumber dana dibulatkan tersendiri, sehingga jumlahnya dapat "
                      "berbeda sedikit dari total paket.", s.note)]


def _findings(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    rows = [(n, f) for n, pp in enumerate(ctx.priced.packages, start=1) for f in pp.findings]
    if not rows:
        return [ctx.heading("Catatan perhitungan", 2, in_toc=False, style=s.h3),
                Paragraph("Tidak ada catatan: semua item dapat dihitung.", s.small)]
    data: list[list] = [[Paragraph(h, s.cell_head) for h in ("Paket", "Tingkat", "Lokasi",
                                                             "Catatan")]]
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    for r, (n, f) in enumerate(rows, start=1):
        text = L.FINDING_TEXT.get(f.code, "")
        if not text:
            detail = f.message
        elif f.code in L.FINDING_DETAILED:
            detail = f"{text}: {f.message}"
        else:
            detail = text
        data.append([str(n), L.SEVERITY_TEXT.get(f.severity.value, f.severity.value),
                     Paragraph(esc(f.location), s.cell), Paragraph(esc(detail), s.cell)])
        if f.severity is Severity.ERROR:
            extra.append(("TEXTCOLOR", (1, r), (1, r), FAIL_INK))
    table = Table(data, colWidths=widths(14, 22, 55, 84), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=extra))
    return [ctx.heading("Catatan perhitungan", 2, in_toc=False, style=s.h3), table]
