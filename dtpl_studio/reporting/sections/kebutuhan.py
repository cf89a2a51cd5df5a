"""Rekap kebutuhan bahan & tenaga kerja (DOMAIN.md §4.4 item 12, §5.4; issue 9 point 6,
issue 10 point 6): per package, and for the programme when several packages have items
priced from analyses.

Every figure comes from :mod:`dtpl_studio.costing.kebutuhan` (computed from the priced
programme, never re-priced here). One table per schedule, built as a
:class:`~dtpl_studio.reporting.longtable.PagedTable` (splits across pages, column header
repeated):

A. Tenaga kerja (OH per role, with the total person-days), B. Bahan (with the purchase
quantity where the table knows one), C. Peralatan, each with its *Jumlah*; D. the items not
broken down (own or overridden rate) with their RAB amount; E. the explained lines
(biaya umum dan keuntungan, pembulatan); and the total, which equals the RAB's JUMLAH BIAYA
LANGSUNG.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, PageBreak

from dtpl_studio.costing.kebutuhan import (
    EXTRA_DECIMALS,
    KIND_ORDER,
    KIND_TEXT,
    REASON_TEXT,
    ResourceNeed,
    Schedule,
    schedule_package,
    schedule_program,
)
from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.reporting.common import BuildContext, ChapterBreak, Paragraph, money, plain, volume
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import RowTable, lead_in, lines_of
from dtpl_studio.reporting.styles import (
    DIVISION_BG,
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

#: No | Uraian | Satuan | Kuantitas | Harga Satuan | Jumlah Harga | Kuantitas beli (mm).
WIDTHS = (10, 53, 15, 22, 23, 25, 27)
COLUMNS = ("No", "Uraian", "Satuan", "Kuantitas", "Harga Satuan (Rp)", "Jumlah Harga (Rp)",
           "Kuantitas Beli")
GROUP_LETTERS = ("A", "B", "C", "D", "E")


def build_kebutuhan(ctx: BuildContext) -> list[Flowable]:
    """The chapter: an explanation, one schedule per package that has items, then the
    programme's when two or more packages have items priced from analyses."""
    s = ctx.styles
    title = ctx.template.title("kebutuhan")
    story: list[Flowable] = [ChapterBreak(), ctx.heading(title, 0, section=title)]
    schedules = [(n, schedule_package(pp)) for n, pp in enumerate(ctx.priced.packages, start=1)
                 if any(True for _ in pp.items())]
    if not schedules:
        story.append(ctx.p("Program ini belum memuat item RAB."))
        return story
    decimals = schedules[0][1].decimals
    story.append(Paragraph(
        "Kuantitas = Σ volume RAB (seperti tercetak) × koefisien analisa, termasuk analisa "
        "turunan, dalam satuan harga dasar; tenaga kerja dalam OH (orang-hari = HOK) per "
        f"jabatan. Kuantitas dicetak {decimals} desimal; jumlah harga = kuantitas tercetak × "
        "harga satuan, dibulatkan ke rupiah. Kuantitas beli memakai tabel satuan beli "
        "(unit_prices/purchase-units.csv, dengan sumbernya). Item dengan harga khusus atau "
        "harga satuan yang diganti tidak diuraikan dan dicantumkan dengan jumlahnya; biaya "
        "umum dan keuntungan (E) dan pembulatan harga satuan dicantumkan tersendiri, sehingga "
        "jumlah akhir sama dengan jumlah biaya langsung RAB.", s.note))
    broken = [n for n, sch in schedules if sch.resources]
    tables = False
    for i, (number, schedule) in enumerate(schedules):
        ctx.check_cancel()
        pp = ctx.priced.packages[number - 1]
        heading_text = ctx.template.package_title(number, pp.package.name)
        heading = ctx.heading(heading_text, 1, section=f"{title} · Paket {number}")
        if i and tables:  # a summary (a few lines) shares its page with what follows
            story.append(PageBreak())
        if not schedule.resources:  # nothing to break down: say so, do not repeat the RAB
            story += [heading, *_nothing_broken_down(ctx, number, schedule)]
            tables = False
            continue
        story += lead_in([heading], _table(ctx, schedule, None))
        tables = True
    if len(broken) >= 2:
        ctx.check_cancel()
        program = schedule_program(ctx.priced)
        numbers = {pp.package.id: n for n, pp in enumerate(ctx.priced.packages, start=1)}
        heading = ctx.heading("Seluruh program", 1, section=f"{title} · Seluruh program")
        story += [PageBreak(), *lead_in([heading], _table(ctx, program, numbers))]
    return story


def _nothing_broken_down(ctx: BuildContext, number: int, schedule: Schedule) -> list[Flowable]:
    """A package without any item priced from an analysis (a planning package of expert
    fees, training and meetings at SBU or quoted rates): its items are already on its
    Rincian RAB, so the chapter names how many there are, why and their sum, not each row
    again (issue 9 left-over: the planning package's rekap repeated the RAB)."""
    by_reason: dict[str, list] = {}
    for nb in schedule.not_broken_down:
        by_reason.setdefault(REASON_TEXT[nb.reason], []).append(nb)
    parts = [f"{len(rows)} item {text} (Rp {money(sum((r.amount for r in rows), Decimal(0)))})"
             for text, rows in by_reason.items()]
    return [ctx.p(
        "Paket ini tidak memuat item yang dihitung dengan analisa harga satuan, sehingga tidak "
        "ada kebutuhan bahan dan tenaga kerja yang dapat diuraikan: "
        + "; ".join(parts) + f". Jumlah biaya langsung Rp {money(schedule.direct)} sama dengan "
        f"RAB; rincian setiap item ada pada Rincian Rencana Anggaran Biaya Paket {number}.")]


def _users(row: ResourceNeed, numbers: dict[str, int] | None) -> str:
    where = [c.number if numbers is None else f"P{numbers.get(c.package_id, '?')} {c.number}"
             for c in row.contributions]
    return "Item: " + ", ".join(where)


def _table(ctx: BuildContext, schedule: Schedule, numbers: dict[str, int] | None):
    col = widths(*WIDTHS)
    text_w = col[1] - 2 * TABLE_PADDING
    buy_w = col[6] - 2 * TABLE_PADDING
    wide_w = sum(col[1:]) - 2 * TABLE_PADDING  # a group heading spans to the right edge
    note_w = sum(col[1:5]) - 2 * TABLE_PADDING  # an adjustment's text spans to the amount
    d = schedule.decimals
    rt = RowTable(col, [head(COLUMNS, col)], grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ("ALIGN", (3, 1), (5, -1), "RIGHT"),
    ]))
    letters = iter(GROUP_LETTERS)

    def group_row(text: str) -> None:
        rt.add_text_row([next(letters), None, "", "", "", "", ""],
                        {1: lines_of(text, FAMILY.bold, TABLE_FONT_SIZE, wide_w)},
                        [("SPAN", (1, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), DIVISION_BG),
                         ("FONT", (0, 0), (0, 0), FAMILY.bold)], keep_with_next=True)

    def total_row(label: str, amount: str, qty: str = "", unit: str = "",
                  style: list[tuple] | None = None) -> None:
        # the label spans to the Kuantitas column, or to the amount when there is none
        own = [("SPAN", (0, 0), (1, 0) if qty else (4, 0)), ("ALIGN", (0, 0), (0, 0), "RIGHT"),
               ("FONT", (0, 0), (-1, 0), FAMILY.bold, TABLE_FONT_SIZE, TABLE_LEADING),
               *(style or [("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG)])]
        rt.fit(own, 5, amount, FAMILY.bold, TABLE_FONT_SIZE, TABLE_PADDING)
        rt.fit(own, 3, qty, FAMILY.bold, TABLE_FONT_SIZE, TABLE_PADDING)
        rt.keep_with_previous()
        rt.add([plain(label), "", plain(unit), qty, "", amount, ""], own)

    for kind in KIND_ORDER:
        rows = schedule.by_kind(kind)
        if not rows:
            continue
        group_row(KIND_TEXT[kind].upper())
        for n, r in enumerate(rows, start=1):
            ctx.check_cancel()
            lines = lines_of(r.name, FAMILY.regular, TABLE_FONT_SIZE, text_w)
            if r.code:
                lines = lines_of(f"{r.code}  {r.name}", FAMILY.regular, TABLE_FONT_SIZE, text_w)
            lines += lines_of(_users(r, numbers), FAMILY.italic, NOTE_SIZE, text_w, MUTED)
            buy = [line for p in r.purchase for line in lines_of(
                f"{volume(p.quantity, max(d - EXTRA_DECIMALS, 0))} {p.unit.label}",
                FAMILY.regular, TABLE_FONT_SIZE, buy_w)]
            cells = [str(n), None, plain(r.unit if r.price is not None else "–"),
                     "–" if r.quantity is None else volume(r.quantity, d),
                     "–" if r.price is None else money(r.price), money(r.amount),
                     None if buy else ""]
            style: list[tuple] = []
            for c in (3, 4, 5):
                rt.fit(style, c, cells[c], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
            texts = {1: lines}
            if buy:
                texts[6] = buy
            rt.add_text_row(cells, texts, style)
        if kind is ResourceKind.LABOUR:
            total_row(f"Jumlah {KIND_TEXT[kind].lower()}", money(schedule.kind_total(kind)),
                      volume(schedule.person_days(), d), "OH")
        else:
            total_row(f"Jumlah {KIND_TEXT[kind].lower()}", money(schedule.kind_total(kind)))
    if schedule.resources:
        total_row("JUMLAH KEBUTUHAN (A + B + C)" if len({r.kind for r in schedule.resources}) > 1
                  else "JUMLAH KEBUTUHAN", money(schedule.resources_total),
                  style=[("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                         ("LINEABOVE", (0, 0), (-1, 0), 0.8, INK)])
    if schedule.not_broken_down:
        group_row("ITEM YANG TIDAK DIURAIKAN (harga khusus atau harga satuan diganti)")
        vol_d = max(d - EXTRA_DECIMALS, 0)
        for nb in schedule.not_broken_down:
            where = nb.number if numbers is None else f"P{numbers.get(nb.package_id, '?')} {nb.number}"
            lines = lines_of(nb.description, FAMILY.regular, TABLE_FONT_SIZE, text_w)
            note = REASON_TEXT[nb.reason] + (f": {nb.note}" if nb.note else "")
            lines += lines_of(note, FAMILY.italic, NOTE_SIZE, text_w, MUTED)
            cells = [plain(where), None, plain(nb.unit),
                     "–" if nb.volume is None else volume(nb.volume, vol_d),
                     "–" if nb.rate is None else money(nb.rate), money(nb.amount), ""]
            style = []
            for c in (0, 3, 4, 5):
                rt.fit(style, c, cells[c], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
            rt.add_text_row(cells, {1: lines}, style)
        total_row("Jumlah item yang tidak diuraikan", money(schedule.not_broken_down_total))
    if schedule.resources:
        group_row("PENYESUAIAN KE HARGA SATUAN PEKERJAAN RAB")
        for a in schedule.adjustments:
            cells = ["", None, "", "", "", money(a.amount), ""]
            style = [("SPAN", (1, 0), (4, 0))]
            rt.fit(style, 5, cells[5], FAMILY.regular, TABLE_FONT_SIZE, TABLE_PADDING)
            rt.add_text_row(cells, {1: lines_of(a.text, FAMILY.regular, TABLE_FONT_SIZE, note_w)},
                            style)
        total_row("Jumlah penyesuaian", money(schedule.adjustments_total))
    total_row("JUMLAH BIAYA LANGSUNG (sama dengan RAB)", money(schedule.direct),
              style=[("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
                     ("LINEABOVE", (0, 0), (-1, 0), 1, INK)])
    return rt.flowable()
