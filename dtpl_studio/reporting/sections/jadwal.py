"""Jadwal pelaksanaan dan kurva S (DOMAIN.md §4.4 item 13, §5; issue 9 point 4): per package, on
A4 landscape pages, a table of the items (No, Uraian, Bobot %, start week, duration) with one
bar per item over the weeks, the planned % per week and the cumulative % (kurva S), and the
S-curve drawn over the week columns.

Every figure comes from :func:`dtpl_studio.costing.jadwal.jadwal_package`; nothing is computed
here but positions. The table is one :class:`JadwalTable` flowable that splits between rows:
each page repeats the column header and prints the weekly and cumulative rows and the curve
(so every sheet reads alone; the curve is the package's, the same on every page). Division
rows (I, II…) separate the items as in the RAB. The section switches to the landscape page
template and back to the portrait ``body`` template after it.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.shapes import Drawing, PolyLine
from reportlab.graphics.shapes import String as GString
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.jadwal import (
    DEFAULT_CREW,
    DEFAULT_DAYS_PER_WEEK,
    MAX_WEEKS,
    Jadwal,
    jadwal_package,
)
from dtpl_studio.costing.rab import PricedPackage
from dtpl_studio.reporting.common import BuildContext, Paragraph
from dtpl_studio.reporting.doc_template import SHEET_LANDSCAPE
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import lines_of
from dtpl_studio.reporting.styles import (
    DIVISION_BG,
    HEADER_BG,
    INK,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
    RULE,
    TOTAL_BG,
)

#: Fixed columns: No | Uraian | Bobot (%) | Mulai | Durasi (mm); the weeks share the rest.
FIXED_MM = (13, 62, 14, 13, 13)
FIXED_HEAD = ("No", "Uraian Pekerjaan", "Bobot (%)", "Minggu mulai", "Durasi (minggu)")
FONT_SIZE = 7
HEAD_SIZE = 6.5
LEADING = 8.4
PAD = 1.6 * mm
HEAD_H = 11 * mm
#: an Uraian longer than this many lines is cut with "…" (the RAB prints it whole)
MAX_LINES = 4
#: findings printed under a package's table (a sequence past week 52 makes one per item)
MAX_NOTES = 5
BAR = colors.HexColor("#7E9CC0")
CURVE = colors.HexColor("#B71C1C")
GRID = colors.HexColor("#C8CDD4")


def _pct(value: Decimal) -> str:
    return format_number(value, 2)


class _Entry:
    """A row of the table: a division heading (``item`` None) or an item."""

    __slots__ = ("height", "item", "lines", "number")

    def __init__(self, number: str, lines: list, item=None) -> None:
        self.number = number
        self.lines = lines
        self.item = item
        self.height = max(1, len(lines)) * LEADING + 2 * PAD * 0.6


class JadwalTable(Flowable):
    """The schedule table of one package (or the rows of it that fit on one page).

    Draws the header, the rows with their bars, the weekly and cumulative rows, and the
    kurva S over the week columns of the rows' area (0 % at its bottom, 100 % at its top).
    """

    def __init__(self, jadwal: Jadwal, entries: list[_Entry], width: float,
                 continued: bool = False, texts: tuple[list[str], list[str]] | None = None) -> None:
        super().__init__()
        self.jadwal = jadwal
        #: the weekly and cumulative rows as printed, made once and shared by the pages
        self.texts = texts or ([_pct(v) for v in jadwal.weekly], [_pct(v) for v in jadwal.cumulative])
        self.entries = entries
        self.continued = continued
        self.fixed = [w * mm for w in FIXED_MM]
        self.full_width = width
        self.weeks = max(jadwal.weeks, 1)
        self.week_w = (width - sum(self.fixed)) / self.weeks
        sample = "100,00"
        self.num_size = 6.0
        self.rotated = stringWidth(sample, FAMILY.regular, self.num_size) + 1.5 > self.week_w
        if self.rotated:  # a rotated number is as wide as the font is high: shrink to the column
            self.num_size = min(6.0, max(2.5, self.week_w - 0.8))
        self.foot_h = (stringWidth(sample, FAMILY.regular, self.num_size) + 3 if self.rotated
                       else LEADING) + 2 * PAD * 0.6
        widest = str(self.weeks) if self.weeks >= 10 else "88"
        self.week_size = min(6.0, max(2.5, (self.week_w - 0.8) / max(stringWidth(widest, FAMILY.regular, 1), 0.01)))

    # -- layout ---------------------------------------------------------------------------
    def _height(self, entries: list[_Entry]) -> float:
        return HEAD_H + sum(e.height for e in entries) + 2 * self.foot_h

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.full_width
        self.height = self._height(self.entries)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        used = HEAD_H + 2 * self.foot_h
        n = 0
        for e in self.entries:
            if used + e.height > availHeight:
                break
            used += e.height
            n += 1
        if n and n < len(self.entries) and self.entries[n - 1].item is None:
            n -= 1  # a division heading never ends a page
        if n == 0:
            return []
        return [JadwalTable(self.jadwal, self.entries[:n], self.full_width, self.continued, self.texts),
                JadwalTable(self.jadwal, self.entries[n:], self.full_width, True, self.texts)]

    # -- drawing --------------------------------------------------------------------------
    def _x(self, col: int) -> float:
        return sum(self.fixed[:col])

    def _week_x(self, week: int) -> float:
        """Left edge of week ``week`` (1-based)."""
        return sum(self.fixed) + (week - 1) * self.week_w

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        top = self.height
        body_top = top - HEAD_H
        body_bottom = body_top - sum(e.height for e in self.entries)
        foot_bottom = body_bottom - 2 * self.foot_h
        wx0 = sum(self.fixed)
        # header
        c.setFillColor(HEADER_BG)
        c.rect(0, body_top, self.width, HEAD_H, stroke=0, fill=1)
        c.setFillColor(INK)
        for i, title in enumerate(FIXED_HEAD):
            lines = lines_of(title, FAMILY.bold, HEAD_SIZE, self.fixed[i] - 2)
            y = body_top + HEAD_H / 2 + (len(lines) - 1) * LEADING / 2 - HEAD_SIZE / 3
            c.setFont(FAMILY.bold, HEAD_SIZE)
            for text, *_ in lines:
                c.drawCentredString(self._x(i) + self.fixed[i] / 2, y, text)
                y -= LEADING
        c.setFont(FAMILY.bold, FONT_SIZE)
        c.drawCentredString(wx0 + (self.width - wx0) / 2, body_top + HEAD_H * 0.62,
                            "Minggu ke-" + (" (lanjutan)" if self.continued else ""))
        c.setFont(FAMILY.regular, self.week_size)
        for w in range(1, self.weeks + 1):
            c.drawCentredString(self._week_x(w) + self.week_w / 2, body_top + HEAD_H * 0.16, str(w))
        # rows
        y = body_top
        for e in self.entries:
            y0 = y - e.height
            if e.item is None:
                c.setFillColor(DIVISION_BG)
                c.rect(0, y0, self.width, e.height, stroke=0, fill=1)
                c.setFillColor(INK)
                c.setFont(FAMILY.bold, FONT_SIZE)
                c.drawCentredString(self.fixed[0] / 2, y - PAD * 0.6 - FONT_SIZE, e.number)
                ty = y - PAD * 0.6 - FONT_SIZE
                for text, font, size, _color, _indent in e.lines:
                    c.setFont(font, size)
                    c.drawString(self._x(1) + 2, ty, text)
                    ty -= LEADING
            else:
                r = e.item
                c.setFillColor(BAR)
                c.rect(self._week_x(r.start) + 0.4, y0 + e.height * 0.22, r.duration * self.week_w - 0.8,
                       e.height * 0.56, stroke=0, fill=1)
                c.setFillColor(INK)
                base = y - PAD * 0.6 - FONT_SIZE
                c.setFont(FAMILY.regular, FONT_SIZE)
                c.drawCentredString(self.fixed[0] / 2, base, e.number)
                ty = base
                for text, font, size, _color, _indent in e.lines:
                    c.setFont(font, size)
                    c.drawString(self._x(1) + 2, ty, text)
                    ty -= LEADING
                c.setFont(FAMILY.regular, FONT_SIZE)
                c.drawRightString(self._x(3) - 2, base, _pct(r.bobot))
                c.drawCentredString(self._x(3) + self.fixed[3] / 2, base, str(r.start))
                c.drawCentredString(self._x(4) + self.fixed[4] / 2, base, str(r.duration))
                if self.week_w >= stringWidth("10,00", FAMILY.regular, 5.5) + 2:
                    c.setFont(FAMILY.regular, 5.5)
                    c.setFillColor(colors.white)
                    for i, v in enumerate(r.weekly):
                        c.drawCentredString(self._week_x(r.start + i) + self.week_w / 2,
                                            y0 + e.height / 2 - 2, _pct(v))
                    c.setFillColor(INK)
            y = y0
        # footer rows: weekly plan and cumulative
        for k, (label, values) in enumerate((("Rencana per minggu (%)", self.texts[0]),
                                             ("Kumulatif rencana (%) — kurva S", self.texts[1]))):
            fy = body_bottom - (k + 1) * self.foot_h
            c.setFillColor(TOTAL_BG)
            c.rect(0, fy, self.width, self.foot_h, stroke=0, fill=1)
            c.setFillColor(INK)
            c.setFont(FAMILY.bold, FONT_SIZE)
            c.drawString(2, fy + self.foot_h / 2 - FONT_SIZE / 3, label)
            if k == 0:
                c.drawRightString(self._x(3) - 2, fy + self.foot_h / 2 - FONT_SIZE / 3,
                                  _pct(self.jadwal.bobot_total))
            font = FAMILY.bold if k else FAMILY.regular
            c.setFont(font, self.num_size)
            if self.rotated:  # read upwards: one text object, a rotated text matrix per week
                text = c.beginText()
                text.setFont(font, self.num_size)
                for w, v in enumerate(values, start=1):
                    cx = self._week_x(w) + self.week_w / 2
                    text.setTextTransform(0, 1, -1, 0, cx + self.num_size / 3, fy + 1.5)
                    text.textOut(v)
                c.drawText(text)
                continue
            for w, v in enumerate(values, start=1):
                cx = self._week_x(w) + self.week_w / 2
                c.drawCentredString(cx, fy + self.foot_h / 2 - self.num_size / 3, v)
        # grid
        c.setStrokeColor(GRID)
        c.setLineWidth(0.3)
        for w in range(1, self.weeks):
            x = self._week_x(w + 1)
            c.line(x, foot_bottom, x, body_top + HEAD_H * 0.4)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        y = body_top
        for e in self.entries:
            y -= e.height
            c.line(0, y, self.width, y)
        for i in range(1, len(self.fixed) + 1):  # the footer labels span No and Uraian
            c.line(self._x(i), body_bottom if i == 1 else foot_bottom, self._x(i), top)
        c.line(wx0, body_top + HEAD_H * 0.4, self.width, body_top + HEAD_H * 0.4)
        c.line(0, body_bottom - self.foot_h, self.width, body_bottom - self.foot_h)
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.rect(0, foot_bottom, self.width, top - foot_bottom, stroke=1, fill=0)
        c.line(0, body_top, self.width, body_top)
        c.line(0, body_bottom, self.width, body_bottom)
        self._curve(wx0, body_bottom, body_top)
        c.restoreState()

    def _curve(self, x0: float, bottom: float, top: float) -> None:
        """The kurva S as a reportlab graphics drawing over the week columns."""
        if not self.jadwal.cumulative:
            return
        span = top - bottom - 4
        points = [x0, bottom + 2]
        for w, v in enumerate(self.jadwal.cumulative, start=1):
            points += [self._week_x(w) + self.week_w, bottom + 2 + span * float(v) / 100]
        # the drawing's own default font (Helvetica, not embedded) is never used: set ours
        drawing = Drawing(self.width, self.height, initialFontName=FAMILY.regular, initialFontSize=6)
        drawing.add(PolyLine(points, strokeColor=CURVE, strokeWidth=1.4, strokeLineJoin=1))
        drawing.add(GString(x0 + 2, top - 8, "100 %", fontName=FAMILY.bold, fontSize=6,
                            fillColor=CURVE, textAnchor="start"))
        drawing.drawOn(self.canv, 0, 0)
        c = self.canv  # a dot at the end of each week (one path, not one node per point)
        c.saveState()
        c.setFillColor(CURVE)
        path = c.beginPath()
        for i in range(2, len(points), 2):
            path.rect(points[i] - 1.2, points[i + 1] - 1.2, 2.4, 2.4)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


def _entries(jadwal: Jadwal, pp: PricedPackage, text_w: float) -> list[_Entry]:
    rows = {r.item_id: r for r in jadwal.rows}
    out: list[_Entry] = []
    for ps in pp.sections:
        out.append(_Entry(ps.number, _cut(lines_of(ps.section.title.upper(), FAMILY.bold, FONT_SIZE, text_w))))
        stack = list(ps.children)
        while stack:
            child = stack.pop(0)
            children = getattr(child, "children", None)
            if children is not None:
                stack[:0] = list(children)
                continue
            r = rows.get(child.item.id)
            if r is not None:
                out.append(_Entry(r.number, _cut(lines_of(r.description, FAMILY.regular, FONT_SIZE, text_w)), r))
    return out


def _cut(lines: list) -> list:
    if len(lines) <= MAX_LINES:
        return lines
    text, font, size, color, indent = lines[MAX_LINES - 1]
    return [*lines[:MAX_LINES - 1], (text.rstrip() + " …", font, size, color, indent)]


def _note(jadwal: Jadwal) -> str:
    crew = f"{jadwal.crew_size} pekerja × {jadwal.days_per_week} hari kerja per minggu"
    if (jadwal.crew_size, jadwal.days_per_week) == (DEFAULT_CREW, DEFAULT_DAYS_PER_WEEK):
        crew += " (asumsi bawaan)"
    taker = jadwal.row(jadwal.remainder_item)
    text = (f"Durasi bawaan = HOK tenaga kerja item (Σ koefisien OH × volume) ÷ ({crew}), "
            "dibulatkan ke atas, minimal 1 minggu; divisi dikerjakan berurutan. "
            "Bobot = jumlah harga item ÷ jumlah biaya langsung × 100 %, dibulatkan 2 desimal")
    if taker is not None and jadwal.remainder != 0:
        text += (f"; sisa pembulatan {_pct(jadwal.remainder)} % dimasukkan ke item {taker.number} "
                 "(item dengan jumlah harga terbesar)")
    return text + f". Rencana per minggu = bobot dibagi rata selama durasi. Batas jadwal {MAX_WEEKS} minggu."


def build_jadwal(ctx: BuildContext) -> list[Flowable]:
    """The chapter: on landscape pages, one schedule per package that has items."""
    s = ctx.styles
    title = ctx.template.title("jadwal")
    story: list[Flowable] = [NextPageTemplate(SHEET_LANDSCAPE), PageBreak(),
                             ctx.heading(title, 0, section=title)]
    width = PAGE_SIZE[1] - MARGIN_LEFT - MARGIN_RIGHT  # the landscape frame
    text_w = FIXED_MM[1] * mm - 4
    packages = [(n, pp) for n, pp in enumerate(ctx.priced.packages, start=1) if any(True for _ in pp.items())]
    if not packages:
        story.append(ctx.p("Program ini belum memuat item RAB."))
    for i, (number, pp) in enumerate(packages):
        ctx.check_cancel()
        jadwal = jadwal_package(pp)
        if i:
            story.append(PageBreak())
        story.append(ctx.heading(ctx.template.package_title(number, pp.package.name), 1,
                                 section=f"{title} · Paket {number}"))
        story.append(Paragraph(_note(jadwal), s.note))
        story.append(JadwalTable(jadwal, _entries(jadwal, pp, text_w), width))
        for f in jadwal.findings[:MAX_NOTES]:
            story.append(ctx.p(f"Catatan: {f.message}", s.note))
        if len(jadwal.findings) > MAX_NOTES:
            story.append(ctx.p(f"… dan {len(jadwal.findings) - MAX_NOTES} catatan lain tentang jadwal "
                               "paket ini (lihat jendela Jadwal pelaksanaan).", s.note))
    story.append(NextPageTemplate("body"))
    return story


__all__ = ["JadwalTable", "build_jadwal"]
