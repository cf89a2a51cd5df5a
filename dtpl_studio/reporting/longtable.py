"""Long tables laid out in linear time: row heights measured once, pages cut by slicing.

ReportLab's :class:`~reportlab.platypus.Table` splits a long table page by page: each split
builds a new table of *all the remaining rows* and measures it again, and copies every style
command, so a table of n rows costs O(n²) (the back-up volume of 2 000 items took 134 s and
4,9 GB, issue 9). :class:`PagedTable` measures every row once (one ReportLab table of all the
rows, measured once per column width) and keeps prefix sums of the row heights; a page is
cut by a binary search over the prefix sums and drawn as a small ReportLab table of that
page's rows, with the column header repeated and every row's own style commands re-indexed.
The remainder is another :class:`PagedTable` over the same shared rows (O(1)).
The cell styles (fonts, alignment, padding, colours) of all the rows are computed once by
ReportLab's own ``setStyle`` and shared by every page's table, which applies only its lines,
backgrounds and spans (:meth:`_Rows._cell_grid`).

Rows are built with :class:`RowTable` (:meth:`RowTable.add`): cells (plain strings are
preferred: they are drawn without Paragraph line breaking), the row's own style commands
with row index 0 meaning "this row", and ``keep_with_next`` (no page break after this row).
Text that must wrap is wrapped once with :func:`wrap_text` (breaks at spaces only, never at
a no-break space, keeps the line breaks of the text, cuts a word longer than the column);
a cell of more lines than :data:`MAX_CELL_LINES` continues on further rows, so a cell of any
length splits across pages instead of raising a LayoutError.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import LINECOMMANDS

#: Most lines of one cell kept in one table row; longer text continues on the next rows.
MAX_CELL_LINES = 40
#: Rows measured per ReportLab table in :meth:`_Rows.measure`.
MEASURE_ROWS = 200
NBSP = "\u00a0"

_UNIT_AFTER_NUMBER = re.compile(
    r"(?<=\d) +(?=(?:mm|cm|m|km|m1|m'|m²|m³|m2|m3|kg|ton|ltr|liter|OH|bh|buah|unit|titik|"
    r"ls|set|hari|jam|%|MPa|K)(?![\w]))")
#: every diameter sign a price book writes (Ø ø ⌀ φ ∅: AHSP.xlsx A.7 "tanaman ∅ 2 cm")
DIAMETER_SIGNS = "Øø⌀φ∅"
_NUMBER_AFTER_TAG = re.compile(
    r"(?:\b(RT|RW|No\.?|Kel\.|Kec\.|Gg\.|K|Rp|D|t|l|p)|([" + DIAMETER_SIGNS + r"])) +(?=\d)")


def keep_units(text: str) -> str:
    """``text`` with the spaces that must not break a quantity made no-break spaces:
    between a number and its unit (``5 cm``, ``150 m``, ``10 %``) and between a tag and
    its number (``RT 03``, ``RW 05``, ``No. 5``, ``Rp 5.000``, ``Ø 10``, ``∅ 2``, ``t 12``).

    A line break is still allowed at every other space. Source: issue 9 point 7
    (``tebal 5 | cm``, ``RT 03/RW | 05`` split over two lines).
    """
    text = _UNIT_AFTER_NUMBER.sub(NBSP, text)
    return _NUMBER_AFTER_TAG.sub(lambda m: (m.group(1) or m.group(2)) + NBSP, text)


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points in ``font`` at ``size``.

    Breaks at ordinary spaces only (a no-break space keeps its two sides on one line), keeps
    the text's own line breaks (``\\n``, ``\\r\\n``), and cuts a word wider than ``width``
    between characters. An empty text gives ``[""]``.
    """
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for para in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if stringWidth(para, font, size) <= width:  # the common case: one line
            lines.append(" ".join(w for w in para.split(" ") if w))
            continue
        words = [w for w in para.split(" ") if w]
        if not words:
            lines.append("")
            continue
        current, cur_w = "", 0.0
        for word in words:
            w = stringWidth(word, font, size)
            if current and cur_w + space + w <= width:
                current += " " + word
                cur_w += space + w
                continue
            if current:
                lines.append(current)
            while w > width and len(word) > 1:  # a word wider than the column: cut it
                cut = _fit_prefix(word, font, size, width)
                lines.append(word[:cut])
                word = word[cut:]
                w = stringWidth(word, font, size)
            current, cur_w = word, w
        lines.append(current)
    return lines


def _fit_prefix(word: str, font: str, size: float, width: float) -> int:
    lo, hi = 1, len(word)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if stringWidth(word[:mid], font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return lo


def fit_size(text: str, font: str, size: float, width: float) -> float:
    """The largest font size ≤ ``size`` at which ``text`` (one line) fits ``width`` points;
    used for money and numbers, which never wrap and never overflow their column."""
    w = stringWidth(text, font, size)
    if w <= width or w == 0:
        return size
    return int(size * width / w * 20) / 20  # rounded down to 0,05 pt


#: One printed line of a :class:`TextLines` cell: text, font, size (pt), colour, indent.
Line = tuple[str, str, float, object, float]


def lines_of(text: str, font: str, size: float, width: float, color: object = None,
             indent: float = 0) -> list[Line]:
    """:func:`wrap_text` of ``text`` (with :func:`keep_units`) as styled lines for
    :class:`TextLines`; ``indent`` points are kept free on the left."""
    from dtpl_studio.reporting.fonts import printable

    return [(line, font, size, color, indent)
            for line in wrap_text(keep_units(printable(text)), font, size, width - indent)]


class TextLines(Flowable):
    """A table cell of pre-wrapped lines, each with its own font, size, colour and indent:
    measured in O(lines) and drawn with ``drawString`` (no Paragraph line breaking)."""

    def __init__(self, lines: list, leading: float = 1.2) -> None:
        super().__init__()
        self.lines = lines
        self._leading = leading
        self.height = sum(size * leading for _, _, size, _, _ in lines)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        current: tuple | None = None
        for text, font, size, color, indent in self.lines:
            y -= size * self._leading
            if not text:
                continue
            if current != (font, size, color):
                canv.setFont(font, size)
                if color is not None:
                    canv.setFillColor(color)
                current = (font, size, color)
            canv.drawString(indent, y + size * 0.22, text)


def head_cells(titles: Sequence[str], col_widths: Sequence[float], font: str, size: float,
               padding: float) -> list[str]:
    """Column titles as plain cells wrapped to their columns (a table header drawn on
    every page: plain strings are measured and drawn without Paragraph line breaking)."""
    return ["\n".join(wrap_text(t, font, size, w - 2 * padding))
            for t, w in zip(titles, col_widths, strict=True)]


@dataclass
class _Rows:
    """The rows of one long table, shared by the table and all its remainders."""

    col_widths: list[float]
    header: list[list]
    header_style: list[tuple]
    style: list[tuple]
    rows: list[list] = field(default_factory=list)
    row_styles: list[list[tuple]] = field(default_factory=list)
    keep: list[bool] = field(default_factory=list)
    heights: list[float] | None = None
    header_heights: list[float] | None = None
    prefix: list[float] | None = None
    #: the cell styles of every row (header first), made once from the cell commands
    #: (FONT, ALIGN, padding …) and shared by every page's table; False: some table-wide
    #: cell command depends on where a page starts or ends, so each table applies them
    grid: list | bool | None = None
    #: the table-wide commands that are not cell styles (lines, backgrounds, spans)
    frame_style: list[tuple] = field(default_factory=list)

    def measure(self) -> None:
        """Measure every row once, :data:`MEASURE_ROWS` rows at a time (ReportLab's height
        calculation looks for the next unmeasured row from the start of the table, so one
        table of n rows costs O(n²))."""
        if self.heights is not None:
            return
        n = len(self.header)
        heights: list[float] = []
        header_heights: list[float] = []
        for start in range(0, max(len(self.rows), 1), MEASURE_ROWS):
            end = min(start + MEASURE_ROWS, len(self.rows))
            table = self._table_of(start, end, None)
            table.wrap(sum(self.col_widths), 1e9)
            header_heights = list(table._rowHeights[:n])
            heights += table._rowHeights[n:]
        self.header_heights = header_heights
        self.heights = heights
        self.prefix = [0.0, *accumulate(self.heights)]

    def _row_commands(self, start: int, end: int) -> list[tuple]:
        offset = len(self.header) - start
        out = []
        for r in range(start, end):
            for cmd in self.row_styles[r]:
                op, (c0, r0), (c1, r1), *rest = cmd
                out.append((op, (c0, r0 + r + offset), (c1, r1 + r + offset), *rest))
        return out

    def table(self, start: int, end: int) -> Table:
        """A ReportLab table of the header and rows ``start:end`` with their heights."""
        self.measure()
        assert self.heights is not None and self.header_heights is not None
        return self._table_of(start, end, self.header_heights + self.heights[start:end])

    def _table_of(self, start: int, end: int, row_heights: list[float] | None) -> Table:
        """The header and rows ``start:end`` as a ReportLab table: with the shared cell
        styles of :meth:`_cell_grid` (only lines, backgrounds and spans are applied per
        table), else with every command applied to the table's cells."""
        grid = self._cell_grid()
        data = self.header + self.rows[start:end]
        if grid is False:
            return Table(data, colWidths=self.col_widths, rowHeights=row_heights,
                         style=TableStyle(self.header_style + self.style
                                          + self._row_commands(start, end)))
        n = len(self.header)
        own = [c for c in self._row_commands(start, end) if not _is_cell_command(c)]
        return Table(data, colWidths=self.col_widths, rowHeights=row_heights,
                     cellStyles=grid[:n] + grid[n + start:n + end],
                     style=TableStyle(self.frame_style + own))

    def _cell_grid(self) -> list | bool:
        """The cell styles of all rows, once (issue 9: every page's table and every
        measuring table made a style object per cell and applied every command to it; for
        1 000 RAB lines that was a tenth of the export).

        ReportLab's own ``setStyle`` computes them, on one table of all the rows: the
        header's and the table-wide cell commands, then each row's own. Only possible when
        every table-wide cell command means the same rows on every page (starts at a row
        ≥ 0 and ends in the header or at the last row, ``-1``); otherwise False.
        """
        if self.grid is not None:
            return self.grid
        n = len(self.header)
        table_wide = self.header_style + self.style
        cells = [c for c in table_wide if _is_cell_command(c)]
        if not all(_same_on_every_page(c, n) for c in cells):
            self.grid = False
            return False
        own = [c for c in self._row_commands(0, len(self.rows)) if _is_cell_command(c)]
        ncols = len(self.col_widths)
        shape = [[""] * ncols for _ in range(n + len(self.rows))]
        self.grid = Table(shape, colWidths=self.col_widths,
                          style=TableStyle(cells + own))._cellStyles
        self.frame_style = [c for c in table_wide if not _is_cell_command(c)]
        return self.grid


#: TableStyle commands that are not cell styles (ReportLab's ``Table._addCommand`` keeps
#: them in lists of their own and applies them when the table is drawn or split)
_NOT_CELL = {"BACKGROUND", "ROWBACKGROUNDS", "COLBACKGROUNDS", "SPAN", "NOSPLIT",
             "ROUNDEDCORNERS", *LINECOMMANDS}


def _is_cell_command(cmd: tuple) -> bool:
    return cmd[0] not in _NOT_CELL and not (len(cmd) > 1 and isinstance(cmd[1][1], str))


def _same_on_every_page(cmd: tuple, header_rows: int) -> bool:
    """A cell command that covers the same rows of every page's table: header rows only,
    or from a header row or the first body row to the last row (``-1``)."""
    (_, r0), (_, r1) = cmd[1], cmd[2]
    return 0 <= r0 <= header_rows and (r1 == -1 or (r0 < header_rows and 0 <= r1 < header_rows))


class PagedTable(Flowable):
    """A long table of :class:`RowTable` rows that splits in O(rows on the page).

    ``wrap`` returns the height of the header plus the remaining rows; ``split`` cuts at
    the last allowed break (not after a ``keep_with_next`` row) that fits, falling back to
    any row boundary when one group is taller than the space, so a page is never empty.
    """

    def __init__(self, rows: _Rows, start: int = 0, tail: Flowable | None = None) -> None:
        super().__init__()
        self._rows = rows
        self._start = start
        #: a flowable printed right under the last row (a signature block): it stays on
        #: the page of the table's last group of rows, or moves with them to the next page
        self._tail = tail
        self.width = sum(rows.col_widths)
        self.height = 0.0
        self.hAlign = "LEFT"

    def _tail_height(self) -> float:
        if self._tail is None:
            return 0.0
        return self._tail.wrap(self.width, 10_000)[1]

    def _header_height(self) -> float:
        self._rows.measure()
        return sum(self._rows.header_heights or ())

    def _span(self, end: int) -> float:
        prefix = self._rows.prefix
        assert prefix is not None
        return prefix[end] - prefix[self._start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self._header_height() + self._span(len(self._rows.rows)) + self._tail_height()
        return self.width, self.height

    def first_block_height(self) -> float:
        """Header plus the rows up to the first allowed break (what must share a page with
        a heading above the table)."""
        self._rows.measure()
        end = self._start
        n = len(self._rows.rows)
        while end < n:
            end += 1
            if not self._rows.keep[end - 1]:
                break
        return self._header_height() + self._span(end)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        rows = self._rows
        rows.measure()
        assert rows.prefix is not None
        n = len(rows.rows)
        room = availHeight - self._header_height()
        if room <= 0 or self._start >= n:
            return []
        # last row end whose cumulative height fits
        limit = rows.prefix[self._start] + room + 1e-6
        end = bisect.bisect_right(rows.prefix, limit) - 1
        if end <= self._start:
            return []
        tail_h = self._tail_height()
        if end >= n:
            if self._tail is None:
                return [_Chunk(rows, self._start, n)]
            if rows.prefix[n] - rows.prefix[self._start] + tail_h <= room + 1e-6:
                return [_Chunk(rows, self._start, n), self._tail]
            end = n - 1  # the rows fit, the tail does not: the last group goes with it
        cut = end
        while cut > self._start and rows.keep[cut - 1]:
            cut -= 1
        if cut == self._start:
            frame = getattr(self, "_frame", None)
            if frame is not None and not getattr(frame, "_atTop", False):
                return []  # the group moves to the next page whole
            cut = end  # a group taller than a page: break it
            if cut <= self._start:
                return [_Chunk(rows, self._start, n), self._tail] if self._tail else []
        return [_Chunk(rows, self._start, cut), PagedTable(rows, cut, self._tail)]

    def draw(self) -> None:
        tail_h = self._tail_height()
        t = self._rows.table(self._start, len(self._rows.rows))
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, tail_h)
        if self._tail is not None:
            self._tail.wrapOn(self.canv, self.width, tail_h)
            self._tail.drawOn(self.canv, 0, 0)


class _Chunk(Flowable):
    """The rows ``start:end`` of a :class:`PagedTable` (one page's part): its height is
    known from the measured rows, the ReportLab table is built only when it is drawn (a
    layout-only pass builds none)."""

    def __init__(self, rows: _Rows, start: int, end: int) -> None:
        super().__init__()
        self._rows, self._start, self._end = rows, start, end
        assert rows.prefix is not None and rows.header_heights is not None
        self.width = sum(rows.col_widths)
        self.height = sum(rows.header_heights) + rows.prefix[end] - rows.prefix[start]
        self.hAlign = "LEFT"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        t = self._rows.table(self._start, self._end)
        t.wrapOn(self.canv, self.width, self.height)
        t.drawOn(self.canv, 0, 0)


class RowTable:
    """Builder of a :class:`PagedTable`.

    Args:
        col_widths: column widths in points.
        header: the header row(s), repeated on every page.
        style: TableStyle commands for every page's table (header rows are rows
            ``0 … len(header) − 1``; ``(c, 1), (c, -1)`` is "every body row").
    """

    def __init__(self, col_widths: Sequence[float], header: list[list],
                 style: list[tuple] | TableStyle) -> None:
        commands = style.getCommands() if isinstance(style, TableStyle) else list(style)
        self._rows = _Rows(list(col_widths), header, [], list(commands))

    def __len__(self) -> int:
        return len(self._rows.rows)

    def add(self, cells: list, style: Sequence[tuple] = (), *,
            keep_with_next: bool = False) -> int:
        """Append a row; ``style`` commands use row 0 for this row. Returns its index."""
        self._rows.rows.append(cells)
        self._rows.row_styles.append(list(style))
        self._rows.keep.append(keep_with_next)
        return len(self._rows.rows) - 1

    def add_text_row(self, cells: list, texts: dict[int, list],
                     style: Sequence[tuple] = (), *, keep_with_next: bool = False) -> None:
        """Append a row whose columns ``texts`` (column → styled lines of :func:`lines_of`)
        hold :class:`TextLines`; beyond :data:`MAX_CELL_LINES` lines a text continues on
        further rows (other cells empty, the row's style kept), so a cell of any length
        splits across pages."""
        count = max((len(lines) for lines in texts.values()), default=0)
        for i, start in enumerate(range(0, max(count, 1), MAX_CELL_LINES)):
            row = list(cells) if i == 0 else [""] * len(cells)
            for c, lines in texts.items():
                row[c] = TextLines(lines[start:start + MAX_CELL_LINES])
            last = start + MAX_CELL_LINES >= count
            self.add(row, style, keep_with_next=keep_with_next if last else False)

    def keep_last_with_next(self) -> None:
        """No page break after the last row added."""
        if self._rows.keep:
            self._rows.keep[-1] = True

    def keep_with_previous(self) -> None:
        """No page break before the row about to be added (a subtotal after its items)."""
        self.keep_last_with_next()

    def fit(self, style: list[tuple], col: int, text: str, font: str, size: float,
            padding: float) -> None:
        """Append to ``style`` a smaller FONTSIZE for cell ``col`` of the row being built
        when ``text`` (a number, one line) is wider than its column at ``size``: money and
        numbers never wrap and never overflow into the next column."""
        room = self._rows.col_widths[col] - 2 * padding
        fitted = fit_size(text, font, size, room)
        if fitted < size:
            style.append(("FONTSIZE", (col, 0), (col, 0), fitted))

    def flowable(self, tail: Flowable | None = None) -> PagedTable:
        """The table as a flowable (the builder must not be used afterwards); ``tail`` is
        printed right under its last row and kept with the last group of rows (never alone
        at the top of a page when the rows could come along, never overlapping them)."""
        return PagedTable(self._rows, tail=tail)


class NeedSpace(Flowable):
    """Start a new page unless the headings before a :class:`PagedTable` and the table's
    first rows fit in the space left (replaces ``keepWithNext``, which would move the whole
    long table to a new page, or leave the heading alone at the page foot)."""

    locChanger = 1

    def __init__(self, heads: list[Flowable], table: PagedTable) -> None:
        super().__init__()
        self._heads = heads
        self._table = table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        need = 0.0
        for f in self._heads:
            need += f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        need += self._table.first_block_height()
        frame = getattr(self, "_frame", None)
        if need > availHeight and frame is not None and not getattr(frame, "_atTop", False):
            from reportlab.platypus.doctemplate import FrameBreak

            frame.add_generated_content(FrameBreak)
        return 0, 0

    def draw(self) -> None:  # nothing visible
        pass


def lead_in(heads: list[Flowable], table: PagedTable) -> list[Flowable]:
    """``heads`` (headings, notes) followed by ``table``, kept together as far as the
    table's first block: a :class:`NeedSpace`, the heads without ``keepWithNext``, the
    table."""
    for f in heads:
        f.keepWithNext = 0
    return [NeedSpace(heads, table), *heads, table]


def text_table(rows: list[list], col_widths: Sequence[float], style: list[tuple] | TableStyle,
               *, header: list[str] | None = None, fonts: dict[int, str] | None = None,
               nowrap: Sequence[int] = (), size: float = 8, padding: float = 2.6,
               row_styles: dict[int, list[tuple]] | None = None) -> PagedTable:
    """A small table of text cells that can never be too tall for a page: every string
    cell is wrapped to its column (``fonts[col]``, else the style's regular font) and
    continues on the next rows when longer than :data:`MAX_CELL_LINES` lines; the columns
    in ``nowrap`` (money, numbers) stay one line, shrunk to fit. Non-string cells are kept
    as they are; a ``(text, font)`` cell sets its own font. ``row_styles[i]`` are commands for row ``i`` (row index 0 = that row)."""
    from dtpl_studio.reporting.fonts import FAMILY

    fonts = fonts or {}
    head = [head_cells(header, col_widths, FAMILY.bold, size, padding)] if header else []
    rt = RowTable(col_widths, head, style)
    for i, cells in enumerate(rows):
        own = list((row_styles or {}).get(i, ()))
        texts: dict[int, list] = {}
        out = list(cells)
        for c, cell in enumerate(cells):
            font = fonts.get(c, FAMILY.regular)
            if isinstance(cell, tuple):  # (text, font) for one cell
                cell, font = cell
            if not isinstance(cell, str):
                continue
            if c in nowrap:
                out[c] = cell
                rt.fit(own, c, cell, font, size, padding)
                continue
            span = _span_width(own, c, col_widths)
            texts[c] = lines_of(cell, font, size, span - 2 * padding)
            out[c] = None
        rt.add_text_row(out, texts, own)
    return rt.flowable()


def _span_width(style: list[tuple], col: int, col_widths: Sequence[float]) -> float:
    """Width of cell ``col`` of a row, taking a ``SPAN`` of that row that starts at it."""
    n = len(col_widths)
    for cmd in style:
        if cmd[0] == "SPAN" and cmd[1][0] % n == col:
            end = cmd[2][0] % n
            return sum(col_widths[col:end + 1])
    return col_widths[col]


def paged_from_table(data: list[list], col_widths: Sequence[float], commands: list[tuple],
                     *, keep_together: bool = True) -> PagedTable:
    """A :class:`PagedTable` from the data and TableStyle commands of an ordinary table with
    one header row (absolute row indices): commands on one or more body rows become those
    rows' own commands, column-wide ones (to row ``-1``) stay table-wide.

    ``keep_together`` chains every row to the next: the table moves to a new page whole
    unless it is taller than a page, where it breaks between rows (a KeepTogether that is
    measured once instead of on every pass).
    """
    rt = RowTable(col_widths, data[:1], [])
    body = data[1:]
    own: list[list[tuple]] = [[] for _ in body]
    base: list[tuple] = []
    for cmd in commands:
        op, (c0, r0), (c1, r1), *rest = cmd
        if r1 < 0 or r0 < 0 or (r0 == 0 and r1 == 0):
            base.append(cmd)
            continue
        for r in range(max(r0, 1), r1 + 1):
            own[r - 1].append((op, (c0, 0), (c1, 0), *rest))
        if r0 == 0:
            base.append((op, (c0, 0), (c1, 0), *rest))
    rt._rows.style = base
    for i, cells in enumerate(body):
        rt.add(cells, own[i], keep_with_next=keep_together and i < len(body) - 1)
    return rt.flowable()
