"""Pemeriksaan pagu BLM dan sumber dana: the words on the programme's one verdict.

Everything printed here comes from :class:`~dtpl_studio.costing.blm.Verdict`
(``priced.verdict``): the conclusion and its explanation, the ceiling gauges on the rounded
figures with the figures before rounding beside them, the swadaya share, the rule table with
its sources, the shares per package and per funding source, the termin plan and every
finding with its rule, amounts, largest contributors and what would make it pass
(issue 6 points 1, 4, 6, 8; DESIGN.md §5; DOMAIN.md §4.2–4.5). Nothing is decided here.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from dtpl_studio.costing.blm import Gauge, VerdictKind, rp
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import quantize_shown
from dtpl_studio.costing.funding import FundingSource, applicable_rules
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import BuildContext, esc, money, percent, signed_money
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.styles import FAIL_INK, PASS_INK, TOTAL_BG, grid_style, widths

WARN_INK = colors.HexColor("#8A4B00")

#: Komponen | Jumlah (dibulatkan) | Sebelum pembulatan | Pagu | Sisa | Hasil (mm, 175 total).
CHECK_WIDTHS = (35, 26, 26, 27, 27, 34)


def _hex(c: colors.Color) -> str:
    return "#" + c.hexval()[2:]


def verdict_ink(kind: VerdictKind, warnings: int) -> colors.Color:
    if kind is VerdictKind.PASSED:
        return WARN_INK if warnings else PASS_INK
    return FAIL_INK


def build_blm_check(ctx: BuildContext) -> list[Flowable]:
    """The chapter on a new page."""
    s = ctx.styles
    priced = ctx.priced
    v = priced.verdict
    prog = priced.program
    title = ctx.template.title("blm")
    story: list[Flowable] = [PageBreak(), ctx.heading(title, 0, section=title)]
    alloc = (f" Alokasi BLM kelurahan: Rp {money(prog.blm_allocation)}."
             if prog.blm_allocation is not None else "")
    year = f" tahun anggaran {prog.fiscal_year}" if prog.fiscal_year else ""
    story.append(Paragraph(
        f"Jumlah dana BLM tiap komponen dari seluruh paket Kelurahan {esc(prog.kelurahan)}"
        f" dibandingkan dengan pagu program {esc(prog.program)}{esc(year)}.{esc(alloc)}", s.body))
    ink = _hex(verdict_ink(v.kind, v.warnings))
    story += [
        Spacer(1, 4),
        Paragraph(f'Kesimpulan pemeriksaan: <font color="{ink}"><b>{esc(v.label)}</b></font>'
                  f" – {esc(v.explanation)}", s.body),
    ]
    if not v.final:
        story.append(Paragraph("Dokumen ini dicetak sebagai <b>DRAFT</b> dan belum dapat "
                               "disahkan sampai kesimpulan pemeriksaan LULUS.", s.body))
    story.append(Spacer(1, 4))
    story.append(_checks_table(ctx))
    rules = [p.package.settings.total_rounding.describe() for p in priced.packages]
    distinct = sorted(set(rules), key=rules.index)
    story.append(Paragraph(
        "Angka yang dibandingkan adalah angka yang telah dibulatkan (bagian BLM tiap paket, "
        f"{esc('; '.join(distinct))}); angka sebelum pembulatan dicetak di sampingnya.", s.note))
    story += _rules(ctx)
    story += _structure(ctx)
    story += _per_package(ctx)
    story += _per_source(ctx)
    story += _termins(ctx)
    story += _findings(ctx)
    return story


def _gauge_row(g: Gauge, state: str) -> list:
    if g.kind == "max":
        return [g.label, money(g.amount.rounded), money(g.amount.exact), money(g.limit or 0),
                signed_money(g.remaining or 0), state]
    share = percent(quantize_shown(g.share, 4)) if g.share is not None else "–"
    limit = "tanpa minimum" if g.min_share is None else f"min. {percent(g.min_share)}"
    return [f"Swadaya ({share} dari total biaya)", money(g.amount.rounded), money(g.amount.exact),
            limit, "", state]


def _checks_table(ctx: BuildContext) -> Table:
    s = ctx.styles
    head = ("Komponen", "Jumlah (dibulatkan)", "Sebelum pembulatan", "Pagu (Rp)", "Sisa (Rp)", "Hasil")
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    extra: list[tuple] = [("ALIGN", (1, 1), (4, -1), "RIGHT"), ("ALIGN", (5, 1), (5, -1), "CENTER")]
    v = ctx.priced.verdict
    for r, g in enumerate(v.gauges, start=1):
        state = v.gauge_state(g)
        row = _gauge_row(g, v.gauge_label(g))
        row[0] = Paragraph(esc(row[0]), s.cell)
        data.append(row)
        ink = {"pass": PASS_INK, "incomplete": WARN_INK, "none": colors.black}.get(state, FAIL_INK)
        extra += [("FONT", (5, r), (5, r), FAMILY.bold), ("TEXTCOLOR", (5, r), (5, r), ink)]
        if not g.passed:
            extra.append(("TEXTCOLOR", (4, r), (4, r), FAIL_INK))
    table = Table(data, colWidths=widths(*CHECK_WIDTHS), repeatRows=1)
    table.setStyle(grid_style(extra=extra))
    return table


def _rules(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    prog = ctx.priced.program
    applied = applicable_rules(prog.rules, prog.program, prog.fiscal_year)
    head = ("No", "Program", "Tahun", "Komponen", "Pagu (Rp)", "Sumber aturan / catatan")
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    for n, r in enumerate(prog.rules, start=1):
        note = esc(r.source_ref) + (f" <i>({esc(r.note)})</i>" if r.note else "")
        if r not in applied:
            note += " <i>(tidak berlaku untuk program/tahun ini)</i>"
        data.append([str(n), Paragraph(esc(r.program or "semua"), s.cell), str(r.year or "semua"),
                     L.CHECK_COMPONENT.get(r.component, str(r.component)), money(r.ceiling),
                     Paragraph(note, s.cell)])
    table = Table(data, colWidths=widths(9, 20, 14, 30, 26, 76), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (0, 1), (0, -1), "CENTER"),
                                     ("ALIGN", (4, 1), (4, -1), "RIGHT")]))
    out: list[Flowable] = [ctx.heading("Tabel aturan pagu dan sumbernya", 2, in_toc=False, style=s.h3),
                           table]
    rule = prog.swadaya_rule
    if rule is not None:
        out.append(Paragraph(f"Minimum swadaya: {percent(rule.min_share)} dari total biaya "
                             f"program. Sumber: {esc(rule.source_ref or 'diisi pengguna')}.", s.small))
    return out


def _structure(ctx: BuildContext) -> list[Flowable]:
    """Programme structure: the planning component by PLP-BK category, DED in the physical."""
    s = ctx.styles
    totals = ctx.priced.verdict.totals
    if not totals.planning_by_category and not totals.ded_in_physical:
        return []
    data: list[list] = [[Paragraph(h, s.cell_head) for h in ("Komponen / kategori", "Jumlah (Rp)")]]
    for kind, amount in totals.planning_by_category.items():
        data.append([Paragraph("Perencanaan: " + esc(L.DIVISION_KIND.get(kind.value, kind.value)), s.cell),
                     money(amount)])
    if totals.ded_in_physical:
        data.append([Paragraph("Fisik: " + esc(L.DIVISION_KIND["ded"]), s.cell),
                     money(totals.ded_in_physical)])
    table = Table(data, colWidths=widths(120, 55), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (1, -1), "RIGHT")]))
    return [KeepTogether([ctx.heading("Struktur program", 2, in_toc=False, style=s.h3), table]),
            Paragraph("Jumlah harga item (semua sumber dana) menurut kategori komponen perencanaan "
                      "PLP-BK; DED yang dibiayai komponen fisik dilaporkan tersendiri.", s.note)]


def _first_line(text: str, limit: int = 80) -> str:
    """The first line of a KSM, location or item description, cut at ``limit`` characters:
    a row of these tables does not split across pages (the texts are printed whole on the
    cover and in the RAB)."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit and line == text.strip() else line[:limit].rstrip() + "…"


def _per_package(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    totals = ctx.priced.verdict.totals
    sources = [src for src in FundingSource if src in totals.by_source]
    head = (["No", "Paket / KSM / lokasi", "Komponen", "Total (dibulatkan)"]
            + [L.FUNDING.get(x, str(x)) for x in sources])
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    for n, pt in enumerate(totals.packages, start=1):
        where = " · ".join(_first_line(x) for x in (pt.ksm, pt.location) if x)
        name = esc(pt.name) + (f"<br/><font size=7>{esc(where)}</font>" if where else "")
        data.append([str(n), Paragraph(name, s.cell),
                     L.COMPONENT.get(pt.component, str(pt.component)), money(pt.total.rounded)]
                    + [money(pt.by_source[x].rounded) if x in pt.by_source else "–" for x in sources])
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
                      "berbeda sedikit dari total paket. Item yang dibagi ke beberapa sumber: bagian "
                      "persen dibulatkan ke rupiah, swadaya natura (tenaga/bahan) dinilai dari buku "
                      "harga (bagian upah/bahan analisa), dan sumber utama item menerima sisanya, "
                      "sehingga pembagian tepat sama dengan jumlah item.", s.note)]


def _per_source(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    totals = ctx.priced.verdict.totals
    cost = totals.cost.rounded
    head = ("Sumber dana", "Jumlah (dibulatkan)", "Sebelum pembulatan", "Bagian dari total")
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    for src, amount in totals.by_source.items():
        share = percent(quantize_shown(amount.rounded / cost, 4)) if cost else "–"
        data.append([L.FUNDING.get(src, str(src)), money(amount.rounded), money(amount.exact), share])
    data.append(["Total biaya program", money(cost), money(totals.cost.exact), "100%" if cost else "–"])
    table = Table(data, colWidths=widths(55, 40, 40, 40), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                                     ("FONT", (0, -1), (-1, -1), FAMILY.bold),
                                     ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG)]))
    return [ctx.heading("Rekapitulasi per sumber dana", 2, in_toc=False, style=s.h3), table]


def _termins(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    v = ctx.priced.verdict
    heading = ctx.heading("Rencana termin pencairan BLM", 2, in_toc=False, style=s.h3)
    if not v.termins:
        return [heading, Paragraph("Rencana termin belum diisi.", s.small)]
    head = ("Termin", "Persentase", "Jumlah (Rp)", "Tonggak kemajuan (syarat pencairan)")
    data: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    for t in v.termins:
        stated = "" if t.stated is None or t.stated == t.amount else f" (tertulis {money(t.stated)})"
        data.append([str(t.number), percent(t.percent / 100), money(t.amount) + stated,
                     Paragraph(esc(t.milestone or "(belum diisi)"), s.cell)])
    data.append(["Jumlah", percent(sum(t.percent for t in v.termins) / 100),
                 money(sum(t.amount for t in v.termins)), Paragraph("= BLM total (dibulatkan) "
                                                                    + rp(v.totals.blm_total.rounded), s.cell)])
    table = Table(data, colWidths=widths(16, 22, 37, 100), repeatRows=1)
    table.setStyle(grid_style(extra=[("ALIGN", (0, 1), (2, -1), "RIGHT"),
                                     ("FONT", (0, -1), (-1, -1), FAMILY.bold),
                                     ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BG)]))
    return [KeepTogether([heading, table]),
            Paragraph("Jumlah tiap termin = persentase × BLM total, dibulatkan ke rupiah; termin "
                      "terakhir menerima sisa pembulatan sehingga jumlahnya tepat sama dengan BLM.",
                      s.note)]


def _findings(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    findings = ctx.priced.verdict.findings
    heading = ctx.heading("Temuan pemeriksaan", 2, in_toc=False, style=s.h3)
    if not findings:
        return [heading, Paragraph("Tidak ada temuan: semua item dapat dihitung dan semua aturan "
                                   "terpenuhi.", s.small)]
    data: list[list] = [[Paragraph(h, s.cell_head) for h in ("No", "Tingkat", "Lokasi", "Temuan")]]
    extra: list[tuple] = [("ALIGN", (0, 1), (0, -1), "CENTER")]
    for r, f in enumerate(findings, start=1):
        text = L.FINDING_TEXT.get(f.code, "")
        if not text:
            detail = esc(f.message)
        elif f.code in L.FINDING_DETAILED:
            detail = f"{esc(text)}: {esc(f.message)}"
        else:
            detail = esc(text)
        parts = [f"<b>{detail}</b>"]
        if f.contributors:
            top = "; ".join(f"{esc(c.number + ' ') if c.number else ''}{esc(_first_line(c.description))} "
                            f"({esc(c.package) + ', ' if not c.number else ''}{rp(c.amount)})"
                            for c in f.contributors)
            parts.append(f"Terbesar: {top}")
        if f.remedy:
            lead = "Agar lulus" if f.severity is Severity.ERROR else "Saran"
            parts.append(f"{lead}: {esc(f.remedy)}")
        if f.source:
            parts.append(f"<i>Sumber aturan: {esc(f.source)}</i>")
        data.append([str(r), L.SEVERITY_TEXT.get(f.severity.value, f.severity.value),
                     Paragraph(esc(_first_line(f.location, 120)), s.cell), Paragraph("<br/>".join(parts), s.cell)])
        if f.severity is Severity.ERROR:
            extra.append(("TEXTCOLOR", (1, r), (1, r), FAIL_INK))
        elif f.severity is Severity.WARNING:
            extra.append(("TEXTCOLOR", (1, r), (1, r), WARN_INK))
    table = Table(data, colWidths=widths(9, 20, 40, 106), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=extra))
    return [KeepTogether([heading, table])]
