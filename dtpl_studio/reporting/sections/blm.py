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
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from dtpl_studio.costing.blm import Gauge, VerdictKind, rp
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import quantize_shown
from dtpl_studio.costing.funding import FundingSource, applicable_rules
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    ChapterBreak,
    Paragraph,
    esc,
    money,
    percent,
    plain,
    signed_money,
)
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import RowTable, lead_in, lines_of
from dtpl_studio.reporting.styles import (
    FAIL_INK,
    MUTED,
    NOTE_SIZE,
    PASS_INK,
    TABLE_FONT_SIZE,
    TABLE_LEADING,
    TABLE_PADDING,
    TOTAL_BG,
    grid_style,
    head,
    widths,
)

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
    story: list[Flowable] = [ChapterBreak(), ctx.heading(title, 0, section=title)]
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
        # a ceiling that could not be read has no limit: "–", never a made-up 0
        return [g.label, money(g.amount.rounded), money(g.amount.exact),
                "–" if g.limit is None else money(g.limit),
                "–" if g.remaining is None else signed_money(g.remaining), state]
    shown = g.shown_share(4)  # one rule: a failing share never reads as passing
    share = percent(shown) if shown is not None else "–"
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
        if state in ("over", "under"):  # a rule that could not be read is not a failed one
            extra.append(("TEXTCOLOR", (4, r), (4, r), FAIL_INK))
    table = Table(data, colWidths=widths(*CHECK_WIDTHS), repeatRows=1)
    table.setStyle(grid_style(extra=extra))
    return table


def _rules(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    prog = ctx.priced.program
    applied = applicable_rules(prog.rules, prog.program, prog.fiscal_year)
    col = widths(9, 20, 14, 30, 26, 76)
    rt = _table(("No", "Program", "Tahun", "Komponen", "Pagu (Rp)", "Sumber aturan / catatan"), col,
                [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "RIGHT")])
    for n, r in enumerate(prog.rules, start=1):
        notes = lines_of(r.source_ref, FAMILY.regular, TABLE_FONT_SIZE, _text_width(col, 5))
        if r.note:
            notes += _lines(f"({r.note})", FAMILY.italic, col, 5)
        if r not in applied:
            notes += _lines("(tidak berlaku untuk program/tahun ini)", FAMILY.italic, col, 5)
        style: list[tuple] = []
        cells = [str(n), None, plain(str(r.year or "semua")),
                 plain(L.CHECK_COMPONENT.get(r.component, str(r.component))), money(r.ceiling), None]
        rt.fit(style, 4, cells[4], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
        rt.add_text_row(cells, {1: _lines(r.program or "semua", FAMILY.regular, col, 1), 5: notes}, style)
    out: list[Flowable] = lead_in([ctx.heading("Tabel aturan pagu dan sumbernya", 2, in_toc=False, style=s.h3)],
                                  rt.flowable())
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


def _table(titles, col: list[float], extra: list[tuple]) -> RowTable:
    """A BLM-page table whose rows may be of any height: built as a
    :class:`~dtpl_studio.reporting.longtable.PagedTable` of pre-wrapped text cells, so a row
    taller than the space left continues on the next page (a long KSM, location, finding
    location or contributor prints whole)."""
    return RowTable(col, [head(titles, col)], grid_style(extra=extra))


def _text_width(col: list[float], c: int) -> float:
    return col[c] - 2 * TABLE_PADDING


def _lines(text: str, font: str, col: list[float], c: int, size: float = TABLE_FONT_SIZE,
           color=None) -> list:
    """``text`` wrapped to column ``c`` as :class:`~dtpl_studio.reporting.longtable.TextLines`
    lines (its own line breaks kept)."""
    return lines_of(text, font, size, _text_width(col, c), color)


def _per_package(ctx: BuildContext) -> list[Flowable]:
    s = ctx.styles
    totals = ctx.priced.verdict.totals
    sources = [src for src in FundingSource if src in totals.by_source]
    head_titles = (["No", "Paket / KSM / lokasi", "Komponen", "Total (dibulatkan)"]
                   + [L.FUNDING.get(x, str(x)) for x in sources])
    money_cols = 1 + len(sources)
    money_width = 27 if money_cols <= 4 else 22
    col = widths(*([9, 175 - 9 - 24 - money_width * money_cols, 24] + [money_width] * money_cols))
    rt = _table(head_titles, col, [
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("BACKGROUND", (3, 1), (3, -1), TOTAL_BG),
    ])
    for n, pt in enumerate(totals.packages, start=1):
        lines = _lines(pt.name, FAMILY.regular, col, 1)
        for label, text in (("KSM", pt.ksm), ("Lokasi", pt.location)):
            if text.strip():
                lines += _lines(f"{label}: {text.strip()}", FAMILY.regular, col, 1, NOTE_SIZE, MUTED)
        cells = [str(n), None, plain(L.COMPONENT.get(pt.component, str(pt.component))),
                 money(pt.total.rounded)] + [money(pt.by_source[x].rounded) if x in pt.by_source else "–"
                                             for x in sources]
        style: list[tuple] = []
        for c in range(3, len(cells)):
            rt.fit(style, c, cells[c], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
        rt.add_text_row(cells, {1: lines}, style)
    return [*lead_in([ctx.heading("Bagian sumber dana per paket", 2, in_toc=False, style=s.h3)], rt.flowable()),
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
    col = widths(16, 22, 37, 100)
    rt = _table(("Termin", "Persentase", "Jumlah (Rp)", "Tonggak kemajuan (syarat pencairan)"), col,
                [("ALIGN", (0, 1), (2, -1), "RIGHT")])
    for t in v.termins:
        cells = [str(t.number), percent(t.percent / 100), money(t.amount), None]
        lines = _lines(t.milestone or "(belum diisi)", FAMILY.regular, col, 3)
        if t.stated is not None and t.stated != t.amount:
            lines += _lines(f"Jumlah tertulis Rp {money(t.stated)}", FAMILY.italic, col, 3, NOTE_SIZE,
                            FAIL_INK)
        style: list[tuple] = []
        for c in (1, 2):
            rt.fit(style, c, cells[c], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
        texts = {3: lines}
        rt.add_text_row(cells, texts, style, keep_with_next=True)
    total_style = [("FONT", (0, 0), (-1, 0), FAMILY.bold, TABLE_FONT_SIZE, TABLE_LEADING),
                   ("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG)]
    rt.add_text_row(["Jumlah", percent(sum(t.percent for t in v.termins) / 100),
                     money(sum(t.amount for t in v.termins)), None],
                    {3: _lines("= BLM total (dibulatkan) " + rp(v.totals.blm_total.rounded), FAMILY.bold, col, 3)},
                    total_style)
    return [*lead_in([heading], rt.flowable()),
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
    col = widths(9, 20, 40, 106)
    rt = _table(("No", "Tingkat", "Lokasi", "Temuan"), col, [("ALIGN", (0, 1), (0, -1), "CENTER")])
    for r, f in enumerate(findings, start=1):
        text = L.FINDING_TEXT.get(f.code, "")
        if not text:
            detail = f.message
        elif f.code in L.FINDING_DETAILED:
            detail = f"{text}: {f.message}"
        else:
            detail = text
        lines = _lines(detail, FAMILY.bold, col, 3)
        if f.contributors:
            top = "; ".join(f"{c.number + ' ' if c.number else ''}{c.description.strip()} "
                            f"({c.package + ', ' if not c.number else ''}{rp(c.amount)})"
                            for c in f.contributors)
            lines += _lines(f"Terbesar: {top}", FAMILY.regular, col, 3)
        if f.remedy:
            lead = "Agar lulus" if f.severity is Severity.ERROR else "Saran"
            lines += _lines(f"{lead}: {f.remedy}", FAMILY.regular, col, 3)
        if f.source:
            lines += _lines(f"Sumber aturan: {f.source}", FAMILY.italic, col, 3)
        style: list[tuple] = []
        if f.severity is Severity.ERROR:
            style.append(("TEXTCOLOR", (1, 0), (1, 0), FAIL_INK))
        elif f.severity is Severity.WARNING:
            style.append(("TEXTCOLOR", (1, 0), (1, 0), WARN_INK))
        rt.add_text_row([str(r), L.SEVERITY_TEXT.get(f.severity.value, f.severity.value), None, None],
                        {2: _lines(f.location, FAMILY.regular, col, 2), 3: lines}, style)
    return lead_in([heading], rt.flowable())
