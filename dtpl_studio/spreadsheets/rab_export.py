"""The RAB as an xlsx workbook with live formulas (issue 10 point 7).

Sheets (openpyxl; formulas written as text, no cached values: a spreadsheet computes them):

* ``RAB n <name>`` — one per package, laid out the way Indonesian RABs are printed: a title
  block, the header ``NO | URAIAN PEKERJAAN | VOLUME | SAT. | HARGA SATUAN (Rp) | JUMLAH
  HARGA (Rp)`` (frozen), divisions numbered I, II… with their sub-sections (1, a…), each
  closed by a ``Jumlah`` row ``=SUM(…)`` over exactly its own lines and sub-sections; a line
  is ``=ROUND(volume × rate, 0)``; then the *rekapitulasi*: one row per division, JUMLAH,
  PPN (``=ROUND(JUMLAH × rate, 0)``, the rate in its own cell), TOTAL, DIBULATKAN (the
  package's *pembulatan* as a formula) and the *terbilang* as static text.
* ``Analisa`` — per analysis of the pinned book(s) a block: lines A (tenaga kerja),
  B (bahan), C (peralatan) as ``koefisien × harga satuan`` with the price referencing the
  ``Harga Dasar`` sheet (or the rate cell of a sub-analysis), D = A+B+C, E = p % × D,
  F = D+E and the rate rounded by the book's rule.
* ``Harga Dasar`` — the resources of the pinned book(s): code, name, unit, price.
* ``Back-up Volume`` — each measured item's lines as ``n × p × l × t`` products (a
  deduction is the negated product; a unit conversion is one more factor in the formula)
  and their sum, which the RAB's volume cell rounds.

The rules are the app's, not Excel's habits (DESIGN.md §5, :mod:`dtpl_studio.costing.rab`):
volume rounded half up to the package's decimals (``ROUND``), line amount = printed volume ×
printed rate rounded half up to rupiah (``ROUND(…,0)``), subtotals = Σ printed lines, PPN
rounded to rupiah, *pembulatan* and the rate rounding as :func:`rounding_formula` writes
them. A rate that no formula explains (an own rate, an override, a line priced by hand) is a
literal with a comment naming its reason; so is a volume typed without back-up lines.

Known difference: the app rounds *down* toward minus infinity (``ROUND_FLOOR``) while
Excel's ``ROUNDDOWN`` goes toward zero; they agree on every amount ≥ 0. A negative rate or
total is an error finding in the app already (``negative-rate``/``negative-total``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    LineKind,
    PriceBook,
    PriceBookError,
    PricedLine,
    ResourceKind,
)
from dtpl_studio.costing.rab import (
    PricedItem,
    PricedPackage,
    PricedProgram,
    PricedSection,
    effective_settings,
)

#: Indonesian grouping whatever the spreadsheet's own locale: ``[$-421]`` is the Indonesian
#: locale id (LibreOffice then shows ``1.234.567``; Excel in an Indonesian locale too)
MONEY = "[$-421]#,##0"
MONEY_SEN = "[$-421]#,##0.00"
COEF = "[$-421]0.0000####"
PCT = "[$-421]0.00%"
VOLUME_EXACT = "[$-421]#,##0.00####"
AUTHOR = "DTPL Studio"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="D9E2F3")
_SUB_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

RAB_HEADER = ("NO", "URAIAN PEKERJAAN", "VOLUME", "SAT.", "HARGA SATUAN (Rp)", "JUMLAH HARGA (Rp)")
RAB_WIDTHS = (7, 52, 11, 8, 17, 19)
ANALISA_HEADER = ("NO", "URAIAN", "KODE", "SAT.", "KOEFISIEN", "HARGA SATUAN (Rp)", "JUMLAH HARGA (Rp)")
ANALISA_WIDTHS = (6, 46, 14, 8, 12, 17, 19)
HARGA_HEADER = ("NO", "KODE", "URAIAN", "SAT.", "HARGA SATUAN (Rp)", "JENIS", "SUMBER")
HARGA_WIDTHS = (6, 12, 46, 8, 17, 9, 24)
KIND_WORDS = {ResourceKind.LABOUR: "upah", ResourceKind.MATERIAL: "bahan", ResourceKind.EQUIPMENT: "alat"}

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class XlsxExportCancelled(Exception):
    """``cancelled()`` became true during the export; nothing was written."""


@dataclass
class ExportMap:
    """Where each of the app's figures sits in the workbook (``Sheet!A1`` references), so a
    test can compare what a spreadsheet recomputes with :class:`PricedProgram`.

    Keys: ``items[(package_index, item_id)]`` → dict with ``volume``, ``rate``, ``amount``;
    ``subtotals[(package_index, section_id)]``; ``rekap[package_index]`` → dict with
    ``jumlah``, ``ppn``, ``total``, ``dibulatkan``; ``rates[(book_index, code)]`` the rounded
    F; ``package_books[package_index]`` → book_index.
    """

    items: dict[tuple[int, str], dict[str, str]] = field(default_factory=dict)
    subtotals: dict[tuple[int, str], str] = field(default_factory=dict)
    rekap: dict[int, dict[str, str]] = field(default_factory=dict)
    rates: dict[tuple[int, str], str] = field(default_factory=dict)
    package_books: dict[int, int] = field(default_factory=dict)
    rab_sheets: list[str] = field(default_factory=list)


def ref(sheet: str, col: int, row: int) -> str:
    """``'Sheet name'!C12`` (always quoted: names with spaces and digits need it)."""
    return f"'{sheet}'!{get_column_letter(col)}{row}"


def plain(value: Decimal) -> Decimal:
    """``value`` without exponent (``1E+3`` → ``1000``) so the xlsx holds a plain number."""
    return Decimal(format(value, "f"))


def number_text(value: Decimal) -> str:
    """A Decimal as a formula literal (``0.01``, ``1000``)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def rounding_formula(x: str, rule: RoundingRule) -> str:
    """The Excel expression that rounds ``x`` (a cell reference) by ``rule``, e.g.
    ``ROUNDDOWN(F20,-3)`` for *dibulatkan ke bawah ke kelipatan 1.000*.

    A power-of-ten step 10^k uses the digits form (``ROUND``/``ROUNDDOWN``/``ROUNDUP(x,-k)``),
    any other step the quotient form (``ROUNDDOWN(x/500,0)*500``). Half-up is ``ROUND``
    (halves away from zero, as the app's ``ROUND_HALF_UP``); down and up agree with the app's
    floor and ceiling for x ≥ 0 (see the module docstring). A step of 0 is no rounding.
    """
    step = rule.step
    if step == 0:
        return x
    fn = {RoundingMode.HALF_UP: "ROUND", RoundingMode.DOWN: "ROUNDDOWN", RoundingMode.UP: "ROUNDUP"}[rule.mode]
    normal = step.normalize()
    sign, digits, exponent = normal.as_tuple()
    if digits == (1,) and isinstance(exponent, int):
        return f"{fn}({x},{-exponent})"
    s = number_text(step)
    return f"{fn}({x}/{s},0)*{s}"


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unused sheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\']", " ", text).strip()[:31].strip() or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


_align = lru_cache(maxsize=None)(Alignment)
_font = lru_cache(maxsize=None)(Font)


def _apply(cell, font=None, fill=None, border=None, alignment=None, number_format=None) -> None:
    """Set a cell's style; each combination is made once per workbook and then copied (openpyxl
    hashes every style object on each assignment: a 2 000-item RAB spent most of its time
    there). Style objects must live as long as the export (module constants, ``_align``,
    ``_font``): the cache is keyed by their ``id``."""
    cache = cell.parent.parent.__dict__.setdefault("_dtpl_styles", {})
    key = (tuple(cell._style or ()), id(font), id(fill), id(border), id(alignment), number_format)
    hit = cache.get(key)
    if hit is not None:
        cell._style = copy(hit)
        return
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    cache[key] = copy(cell._style)


def _header(ws: Worksheet, row: int, labels: tuple[str, ...]) -> None:
    for col, label in enumerate(labels, start=1):
        c = ws.cell(row, col, label)
        _apply(c, font=_BOLD)
        _apply(c, fill=_HEAD_FILL)
        _apply(c, border=_BOX)
        _apply(c, alignment=_CENTER)
    ws.row_dimensions[row].height = 30


def _widths(ws: Worksheet, widths: tuple[int, ...]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _page(ws: Worksheet, header_rows: str) -> None:
    """Print setup: A4 portrait, every column on one page width, the header repeated."""
    ws.print_title_rows = header_rows
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _fit_height(ws: Worksheet, row: int, text: str, width: float) -> None:
    """Make ``row`` tall enough for ``text`` wrapped in a column ``width`` characters wide
    (spreadsheets do not grow a row for wrapped text written by a program)."""
    lines = max(1, -(-len(text) // max(1, int(width * 1.2))))
    if lines > 1:
        current = ws.row_dimensions[row].height or 15
        ws.row_dimensions[row].height = max(current, 13.5 * lines + 2)


def _book_title_row(ws: Worksheet, row: int, title: str, ncols: int) -> None:
    """A book's title over the table's width, wrapped (a long title must not widen the page)."""
    _apply(ws.cell(row, 1, title), font=_BOLD, alignment=_WRAP)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)
    ws.row_dimensions[row].height = 30


def _comment(cell, text: str) -> None:
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 320, 90
    cell.comment = comment


def _money_format(value: Decimal | None) -> str:
    return MONEY if value is None or value == value.to_integral_value() else MONEY_SEN


def _box_row(ws: Worksheet, row: int, ncols: int, fill: PatternFill | None = None, bold: bool = False) -> None:
    for col in range(1, ncols + 1):
        c = ws.cell(row, col)
        _apply(c, border=_BOX)
        if fill is not None:
            _apply(c, fill=fill)
        if bold:
            _apply(c, font=_BOLD)


# -- Harga Dasar and Analisa ----------------------------------------------------------------

class _BookSheets:
    """Writes each distinct pinned book once into ``Harga Dasar`` and ``Analisa``."""

    def __init__(self, wb: Workbook, xmap: ExportMap):
        self.xmap = xmap
        self.harga = wb.create_sheet("Harga Dasar")
        self.analisa = wb.create_sheet("Analisa")
        self.harga_row = 1
        self.analisa_row = 1
        self.books: dict[str, int] = {}
        for ws, title, header, widths in (
            (self.harga, "DAFTAR HARGA SATUAN DASAR (UPAH, BAHAN, ALAT)", HARGA_HEADER, HARGA_WIDTHS),
            (self.analisa, "ANALISA HARGA SATUAN PEKERJAAN", ANALISA_HEADER, ANALISA_WIDTHS),
        ):
            _apply(ws.cell(1, 1, title), font=_TITLE)
            _widths(ws, widths)
            if ws is self.harga:  # an Analisa block has its own header
                _header(ws, 3, header)
                ws.freeze_panes = "A4"
                _page(ws, "3:3")
            else:
                _page(ws, "1:1")
        self.harga_row = self.analisa_row = 4

    def book_index(self, book: PriceBook, package_names: list[str]) -> int:
        """The number of ``book`` in these sheets (written at its first use); 0 for a book
        with neither resources nor analyses (a package of own rates only)."""
        if not book.resources and not book.analyses:
            return 0
        key = book.content_hash() + repr(book.meta.rate_rounding)
        if key in self.books:
            return self.books[key]
        index = len(self.books) + 1
        self.books[key] = index
        self._write_book(index, book, package_names)
        return index

    def _book_title(self, book: PriceBook) -> str:
        m = book.meta
        parts = [m.title or m.edition or "buku harga paket"]
        where = ", ".join(x for x in (m.region, m.province) if x)
        if where:
            parts.append(where)
        if m.year:
            parts.append(str(m.year))
        return " · ".join(parts)

    def _write_book(self, index: int, book: PriceBook, package_names: list[str]) -> None:
        title = f"Buku harga {index}: {self._book_title(book)} (paket: {', '.join(package_names)})"
        # Harga Dasar block
        ws, r = self.harga, self.harga_row
        _book_title_row(ws, r, title, 7)
        r += 1
        price_cells: dict[str, str] = {}
        for n, res in enumerate(book.resources.values(), start=1):
            ws.cell(r, 1, n)
            ws.cell(r, 2, res.code or "")
            _apply(ws.cell(r, 3, res.name), alignment=_WRAP)
            _fit_height(ws, r, res.name, HARGA_WIDTHS[2])
            ws.cell(r, 4, res.unit)
            c = ws.cell(r, 5, plain(res.price))
            _apply(c, number_format=_money_format(res.price))
            ws.cell(r, 6, KIND_WORDS.get(res.kind, str(res.kind)))
            ws.cell(r, 7, res.source_ref or "")
            _box_row(ws, r, len(HARGA_HEADER))
            price_cells[res.key] = ref(ws.title, 5, r)
            r += 1
        self.harga_row = r + 1
        # Analisa blocks, sub-analyses first so their rate cells exist when referenced
        ws, r = self.analisa, self.analisa_row
        _book_title_row(ws, r, title, 7)
        self.analisa_row = r + 2
        rate_cells: dict[str, str] = {}
        for code in _dependency_order(book):
            self._write_analysis(index, book, code, price_cells, rate_cells)

    def _write_analysis(self, index: int, book: PriceBook, code: str, price_cells: dict[str, str],
                        rate_cells: dict[str, str]) -> None:
        ws, r = self.analisa, self.analisa_row
        analysis = book.analyses[code]
        _apply(ws.cell(r, 1, code), font=_BOLD)
        _apply(ws.cell(r, 1), alignment=_align(vertical="top"))
        _apply(ws.cell(r, 2, analysis.name), font=_BOLD)
        _apply(ws.cell(r, 2), alignment=_WRAP)
        _fit_height(ws, r, analysis.name, ANALISA_WIDTHS[1])
        _apply(ws.cell(r, 3, "Satuan"), font=_BOLD)
        _apply(ws.cell(r, 4, analysis.unit), font=_BOLD)
        r += 1
        try:
            bd = book.compute(code)
        except (PriceBookError, KeyError, ArithmeticError) as exc:
            c = ws.cell(r, 2, f"tidak dapat dihitung: {exc}")
            _apply(c, font=_font(italic=True, color="B3261E"))
            self.analisa_row = r + 2
            return
        _header(ws, r, ANALISA_HEADER)
        r += 1
        totals: dict[str, str] = {}
        sheet = ws.title
        for letter, words, lines in (("A", "TENAGA KERJA", bd.labour), ("B", "BAHAN", bd.material),
                                     ("C", "PERALATAN", bd.equipment)):
            _apply(ws.cell(r, 1, letter), font=_BOLD)
            _apply(ws.cell(r, 2, words), font=_BOLD)
            _box_row(ws, r, 7)
            r += 1
            first = r
            for n, pl in enumerate(lines, start=1):
                self._write_line(book, r, n, pl, price_cells, rate_cells, totals)
                r += 1
            _apply(ws.cell(r, 2, f"JUMLAH HARGA {words}"), font=_BOLD)
            total = ws.cell(r, 7, f"=SUM(G{first}:G{r - 1})" if lines else Decimal(0))
            _apply(total, number_format=MONEY_SEN)
            _box_row(ws, r, 7, _SUB_FILL, bold=True)
            totals[letter] = f"G{r}"
            r += 1
        rows = [
            ("D", "Jumlah (A+B+C)", f"={totals['A']}+{totals['B']}+{totals['C']}"),
            ("E", "Biaya Umum dan Keuntungan (Overhead & Profit)", f"=G{r}*E{r + 1}"),
            ("F", "Harga Satuan Pekerjaan (D+E)", f"=G{r}+G{r + 1}"),
        ]
        for letter, words, formula in rows:
            _apply(ws.cell(r, 1, letter), font=_BOLD)
            _apply(ws.cell(r, 2, words), font=_BOLD)
            c = ws.cell(r, 7, formula)
            _apply(c, number_format=MONEY_SEN)
            if letter == "E":
                p = ws.cell(r, 5, plain(bd.overhead_pct))
                _apply(p, number_format=PCT)
            _box_row(ws, r, 7, bold=True)
            r += 1
        rule = analysis.rate_rounding or book.meta.rate_rounding
        _apply(ws.cell(r, 2, f"Harga satuan pekerjaan, {rule.describe()}"), font=_BOLD)
        c = ws.cell(r, 7, "=" + rounding_formula(f"G{r - 1}", rule))
        _apply(c, number_format=_money_format(bd.f))
        _box_row(ws, r, 7, _HEAD_FILL, bold=True)
        rate_cells[code] = ref(sheet, 7, r)
        self.xmap.rates[(index, code)] = ref(sheet, 7, r)
        self.analisa_row = r + 2

    def _write_line(self, book: PriceBook, r: int, n: int, pl: PricedLine, price_cells: dict[str, str],
                    rate_cells: dict[str, str], totals: dict[str, str]) -> None:
        ws = self.analisa
        line = pl.line
        ws.cell(r, 1, n)
        _apply(ws.cell(r, 2, pl.description), alignment=_WRAP)
        _fit_height(ws, r, pl.description, ANALISA_WIDTHS[1])
        if line.kind is LineKind.SUB_ANALYSIS:
            ws.cell(r, 3, line.ref)
        elif line.kind is not LineKind.PCT_OF_MATERIAL and line.ref in book.resources:
            ws.cell(r, 3, book.resources[line.ref].code or "")
        ws.cell(r, 4, pl.unit)
        coef = ws.cell(r, 5, plain(line.coefficient))
        _apply(coef, number_format=COEF if line.kind is not LineKind.PCT_OF_MATERIAL else PCT)
        price = ws.cell(r, 6)
        if line.kind is LineKind.PCT_OF_MATERIAL:
            price.value = f"={totals['B']}"
        elif line.price_override is not None:
            price.value = plain(line.price_override)
            _comment(price, "Harga ditetapkan pada baris analisa ini (bukan dari daftar harga dasar)"
                     + (f": {line.source_ref}" if line.source_ref else ""))
        elif line.kind is LineKind.SUB_ANALYSIS:
            price.value = f"={rate_cells[line.ref]}"
        else:
            base = price_cells[line.ref]
            factor = _price_factor(book, line)
            price.value = f"={base}" if factor is None else f"={base}*{number_text(factor)}"
        _apply(price, number_format=_money_format(pl.price))
        amount = ws.cell(r, 7, f"=E{r}*F{r}")
        _apply(amount, number_format=MONEY_SEN)
        _box_row(ws, r, 7)


def _price_factor(book: PriceBook, line) -> Decimal | None:
    """The unit conversion the book applies to a resource's price on ``line`` (None = none),
    as :meth:`PriceBook._line_price` does: price per line unit = price × factor."""
    from dtpl_studio.costing.units import conversion_factor

    resource = book.resources[line.ref]
    unit = line.unit or resource.unit
    return None if unit == resource.unit else conversion_factor(unit, resource.unit)


def _dependency_order(book: PriceBook) -> list[str]:
    """Analysis codes in book order, each after the sub-analyses it uses."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(code: str, stack: tuple[str, ...]) -> None:
        if code in seen or code in stack or code not in book.analyses:
            return
        for line in book.analyses[code].lines:
            if line.kind is LineKind.SUB_ANALYSIS:
                visit(line.ref, (*stack, code))
        seen.add(code)
        order.append(code)

    for code in book.analyses:
        visit(code, ())
    return order


# -- RAB -----------------------------------------------------------------------------------

class _RabSheet:
    """One package's RAB sheet and its back-up lines."""

    def __init__(self, ws: Worksheet, backup: _Backup, pp: PricedPackage, index: int, book_index: int,
                 xmap: ExportMap, program_title: list[str]):
        self.ws, self.backup, self.pp, self.index, self.book_index, self.xmap = ws, backup, pp, index, book_index, xmap
        self.settings = effective_settings(pp.package)
        self.vol_format = "[$-421]#,##0" + ("." + "0" * self.settings.volume_decimals
                                           if self.settings.volume_decimals else "")
        _apply(ws.cell(1, 1, "RENCANA ANGGARAN BIAYA (RAB)"), font=_TITLE)
        ws.merge_cells("A1:F1")
        _apply(ws.cell(1, 1), alignment=_align(horizontal="center"))
        for r, text in enumerate(program_title, start=2):
            ws.cell(r, 1, text)
        _header(ws, 7, RAB_HEADER)
        for col in range(1, 7):
            _apply(ws.cell(8, col, f"({col})"), alignment=_CENTER)
            _apply(ws.cell(8, col), font=_font(italic=True, size=8))
            _apply(ws.cell(8, col), border=_BOX)
        ws.freeze_panes = "A9"
        _widths(ws, RAB_WIDTHS)
        _page(ws, "7:8")
        self.row = 9

    def write(self) -> None:
        ws = self.ws
        division_cells: list[tuple[PricedSection, str]] = []
        for ps in self.pp.sections:
            cell = self._section(ps)
            division_cells.append((ps, cell))
        r = self.row + 1
        _apply(ws.cell(r, 2, "REKAPITULASI"), font=_BOLD)
        _box_row(ws, r, 6, _HEAD_FILL, bold=True)
        r += 1
        first = r
        for ps, cell in division_cells:
            _apply(ws.cell(r, 1, ps.label), alignment=_CENTER)
            ws.cell(r, 2, ps.section.title.upper())
            c = ws.cell(r, 6, f"={cell}")
            _apply(c, number_format=MONEY)
            _box_row(ws, r, 6)
            r += 1
        s = self.settings
        jumlah = r
        ws.cell(r, 2, "JUMLAH")
        ws.cell(r, 6, f"=SUM(F{first}:F{r - 1})" if division_cells else Decimal(0))
        ppn = r + 1
        ws.cell(ppn, 2, s.ppn_label or 'PPN')
        rate = ws.cell(ppn, 5, plain(s.ppn_rate))
        _apply(rate, number_format=PCT)
        ws.cell(ppn, 6, f"=ROUND(F{jumlah}*E{ppn},0)")
        total = r + 2
        ws.cell(total, 2, f"TOTAL (JUMLAH + {s.ppn_label or 'PPN'})")
        ws.cell(total, 6, f"=F{jumlah}+F{ppn}")
        rounded = r + 3
        ws.cell(rounded, 2, f"DIBULATKAN ({s.total_rounding.describe()})")
        ws.cell(rounded, 6, "=" + rounding_formula(f"F{total}", s.total_rounding))
        for row in (jumlah, ppn, total, rounded):
            _apply(ws.cell(row, 6), number_format=MONEY)
            _box_row(ws, row, 6, _SUB_FILL if row != rounded else _HEAD_FILL, bold=True)
        words = ws.cell(rounded + 1, 1, f"Terbilang: {self.pp.terbilang}")
        _apply(words, font=_font(italic=True, bold=True))
        ws.merge_cells(start_row=rounded + 1, start_column=1, end_row=rounded + 1, end_column=6)
        _apply(words, alignment=_align(wrap_text=True, vertical="top"))
        ws.row_dimensions[rounded + 1].height = 30
        _comment(words, "Teks tetap dari DTPL Studio untuk total dibulatkan saat ekspor; tidak ikut "
                 "berubah bila angka di lembar ini diubah.")
        sh = ws.title
        self.xmap.rekap[self.index] = {
            "jumlah": ref(sh, 6, jumlah), "ppn": ref(sh, 6, ppn), "total": ref(sh, 6, total),
            "dibulatkan": ref(sh, 6, rounded),
        }
        ws.print_area = f"A1:F{rounded + 1}"

    def _section(self, ps: PricedSection) -> str:
        ws = self.ws
        r = self.row
        _apply(ws.cell(r, 1, ps.label), alignment=_CENTER)
        title = ps.section.title.upper() if ps.depth == 0 else ps.section.title
        c = ws.cell(r, 2, title)
        _apply(c, alignment=_align(indent=ps.depth, wrap_text=True, vertical="top"))
        _fit_height(ws, r, title, RAB_WIDTHS[1] - 2 * ps.depth)
        _box_row(ws, r, 6, bold=True)
        self.row = r + 1
        parts: list[tuple[int, int, bool]] = []  # (row, row, is a run of item rows)
        for child in ps.children:
            if isinstance(child, PricedSection):
                cell = self._section(child)
                parts.append((int(cell[1:]), int(cell[1:]), False))
            else:
                row = self._item(child)
                if parts and parts[-1][2] and parts[-1][1] == row - 1:
                    parts[-1] = (parts[-1][0], row, True)
                else:
                    parts.append((row, row, True))
        r = self.row
        _apply(ws.cell(r, 2, f"Jumlah {ps.label}. {ps.section.title}"), alignment=_align(indent=ps.depth))
        args = ",".join(f"F{a}" if a == b else f"F{a}:F{b}" for a, b, _ in parts)
        total = ws.cell(r, 6, f"=SUM({args})" if parts else Decimal(0))
        _apply(total, number_format=MONEY)
        _box_row(ws, r, 6, _SUB_FILL, bold=True)
        self.row = r + 1
        self.xmap.subtotals[(self.index, ps.section.id)] = ref(ws.title, 6, r)
        return f"F{r}"

    def _item(self, pi: PricedItem) -> int:
        ws, r, item = self.ws, self.row, pi.item
        self.row = r + 1
        _apply(ws.cell(r, 1, pi.label), alignment=_CENTER)
        _apply(ws.cell(r, 2, item.description), alignment=_align(indent=pi.depth, wrap_text=True, vertical="top"))
        _fit_height(ws, r, item.description, RAB_WIDTHS[1] - 2 * pi.depth)
        _apply(ws.cell(r, 4, item.unit), alignment=_CENTER)
        vol, rate, amount = ws.cell(r, 3), ws.cell(r, 5), ws.cell(r, 6)
        _apply(vol, number_format=self.vol_format)
        _apply(amount, number_format=MONEY)
        _box_row(ws, r, 6)
        if pi.error or pi.volume is None or pi.rate is None:
            if pi.volume is not None:
                vol.value = plain(pi.volume)
            amount.value = Decimal(0)
            _comment(amount, f"Tidak dihitung: {pi.error or 'galat'}")
            return r
        d = self.settings.volume_decimals
        if item.measurements:
            total = self.backup.write(item, pi, self.pp.package.name)
            vol.value = f"=ROUND({total},{d})" if total else plain(pi.volume)
        else:
            vol.value = plain(pi.volume)
            if pi.volume != item.volume:
                _comment(vol, f"Volume {format_number(item.volume)} dibulatkan ke {d} desimal")
        if item.rate_override is not None:
            rate.value = plain(item.rate_override)
            _comment(rate, "Harga satuan diganti" + (f": {item.override_reason}" if item.override_reason
                                                     else " (tanpa alasan)"))
        elif item.analysis_code:
            rate.value = "=" + self.xmap.rates[(self.book_index, item.analysis_code)]
            _comment_code = f"Analisa {item.analysis_code}"
            rate.comment = None
            ws.cell(r, 2).comment = Comment(_comment_code, AUTHOR)
        else:
            rate.value = plain(pi.rate)
            _comment(rate, "Harga khusus" + (f": {item.custom_reason}" if item.custom_reason else " (tanpa alasan)")
                     + (f"; sumber: {item.custom_source}" if item.custom_source else ""))
        _apply(rate, number_format=_money_format(pi.rate))
        amount.value = f"=ROUND(C{r}*E{r},0)"
        self.xmap.items[(self.index, item.id)] = {
            "volume": ref(ws.title, 3, r), "rate": ref(ws.title, 5, r), "amount": ref(ws.title, 6, r)}
        return r


_NPLT = {"n": 0, "p": 1, "l": 2, "t": 3}


def _factor_columns(factors) -> list[int]:
    """The column (0-based from the first factor column) of each factor: ``n``, ``p``, ``l``,
    ``t`` under their headers when a line labels its factors so (each once), else in order."""
    labels = [f.label.strip().lower() for f in factors]
    if all(lab in _NPLT for lab in labels) and len(set(labels)) == len(labels):
        return [_NPLT[lab] for lab in labels]
    return list(range(len(factors)))


class _Backup:
    """The ``Back-up Volume`` sheet: measured items' lines as products."""

    FIRST_FACTOR = 3

    def __init__(self, wb: Workbook, width: int):
        self.ws = None
        self.wb = wb
        self.width = width
        self.row = 4

    def _sheet(self) -> Worksheet:
        if self.ws is None:
            ws = self.ws = self.wb.create_sheet("Back-up Volume")
            _apply(ws.cell(1, 1, "PERHITUNGAN VOLUME (BACK-UP VOLUME)"), font=_TITLE)
            labels = ["n", "p", "l", "t"] + [f"faktor {k}" for k in range(5, self.width + 1)]
            _header(ws, 3, ("NO", "URAIAN", *labels[: self.width], "VOLUME", "SAT."))
            ws.freeze_panes = "A4"
            _widths(ws, (9, 44, *([11] * self.width), 13, 8))
            _page(ws, "3:3")
        return self.ws

    @property
    def volume_col(self) -> int:
        return self.FIRST_FACTOR + self.width

    def write(self, item, pi: PricedItem, package_name: str) -> str | None:
        """Write the item's lines; return the reference of their sum (None: not a product)."""
        try:
            factors = [m.unit_factor(item.unit) for m in item.measurements]
        except Exception:  # noqa: BLE001 - the app prints the item as an error already
            return None
        ws = self._sheet()
        r = self.row
        vc = self.volume_col
        _apply(ws.cell(r, 1, pi.number), font=_BOLD)
        _apply(ws.cell(r, 2, f"{item.description} ({package_name})"), font=_BOLD)
        _apply(ws.cell(r, vc + 1, item.unit), font=_BOLD)
        r += 1
        first = r
        for m, factor in zip(item.measurements, factors, strict=True):
            text = ("dikurangi: " if m.sign < 0 else "") + m.description
            _apply(ws.cell(r, 2, text), alignment=_WRAP)
            _fit_height(ws, r, text, 44)
            cells = []
            for k, f in zip(_factor_columns(m.factors), m.factors, strict=True):
                col = self.FIRST_FACTOR + k
                c = ws.cell(r, col, plain(f.value))
                _apply(c, number_format='[$-421]General' + (f'" {f.unit}"' if f.unit else ""))
                cells.append(f"{get_column_letter(col)}{r}")
            if factor is not None:
                cells.append(number_text(factor))
            product = "*".join(cells) if cells else "1"
            sign = "-" if m.sign < 0 else ""
            vol = ws.cell(r, vc, f"={sign}({product})" if sign else f"={product}")
            _apply(vol, number_format=VOLUME_EXACT)
            if factor is not None:
                _comment(vol, f"× {number_text(factor)}: konversi satuan ke {item.unit}")
            ws.cell(r, vc + 1, item.unit)
            r += 1
        _apply(ws.cell(r, 2, "Jumlah"), font=_BOLD)
        total = ws.cell(r, vc, f"=SUM({get_column_letter(vc)}{first}:{get_column_letter(vc)}{r - 1})")
        _apply(total, number_format=VOLUME_EXACT)
        _apply(total, font=_BOLD)
        ws.cell(r, vc + 1, item.unit)
        self.row = r + 2
        return ref(ws.title, vc, r)


# -- the workbook ------------------------------------------------------------------------

def build_rab_workbook(priced: PricedProgram, progress: ProgressFn | None = None,
                       cancelled: CancelledFn | None = None) -> tuple[Workbook, ExportMap]:
    """The workbook of ``priced`` (every package) and where its figures are.

    Raises:
        XlsxExportCancelled: ``cancelled()`` became true.
    """
    program = priced.program
    wb = Workbook()
    wb.remove(wb.active)
    wb.calculation.fullCalcOnLoad = True  # no cached values: every spreadsheet computes on open
    xmap = ExportMap()
    taken = {"harga dasar", "analisa", "back-up volume"}
    total = len(priced.packages)
    sheets = []
    for i, pp in enumerate(priced.packages, start=1):
        sheets.append(wb.create_sheet(sheet_title(f"RAB {i} {pp.package.name}", taken)))
    books = _BookSheets(wb, xmap)
    width = max([4] + [len(m.factors) for pp in priced.packages for it in pp.package.items()
                       for m in it.measurements])
    backup = _Backup(wb, width)
    place = ", ".join(x for x in (
        f"Kel. {program.kelurahan}" if program.kelurahan else "",
        f"Kec. {program.kecamatan}" if program.kecamatan else "", program.kota, program.provinsi) if x)
    names_by_book: dict[int, list[str]] = {}
    for i, pp in enumerate(priced.packages, start=1):
        if cancelled is not None and cancelled():
            raise XlsxExportCancelled()
        if progress is not None:
            progress(i - 1, total, f"RAB {pp.package.name}")
        same = [p.package.name for p in priced.packages if p.package.book.content_hash() == pp.package.book.content_hash()]
        book_index = books.book_index(pp.package.book, same)
        names_by_book.setdefault(book_index, []).append(pp.package.name)
        xmap.package_books[i] = book_index
        pkg = pp.package
        s = effective_settings(pkg)
        title = [
            f"Program       : {program.program}" + (f" · Tahun Anggaran {program.fiscal_year}"
                                                   if program.fiscal_year else ""),
            f"Kegiatan      : {pkg.name} ({pkg.component.value})",
            f"Lokasi        : {', '.join(x for x in (pkg.location, place) if x)}",
            f"KSM           : {pkg.ksm or '-'}",
            (f"Harga satuan  : buku harga {book_index} (lembar Analisa dan Harga Dasar); "
             if book_index else "Harga satuan  : harga khusus (tanpa analisa); ")
            + f"volume {s.volume_decimals} desimal, jumlah dibulatkan ke rupiah",
        ]
        sheet = _RabSheet(sheets[i - 1], backup, pp, i, book_index, xmap, title)
        sheet.write()
        xmap.rab_sheets.append(sheets[i - 1].title)
    if progress is not None:
        progress(total, total, "")
    return wb, xmap


def write_rab_xlsx(priced: PricedProgram, out_path: Path, progress: ProgressFn | None = None,
                   cancelled: CancelledFn | None = None) -> ExportMap:
    """Build the workbook and write it to ``out_path`` atomically: a temporary file beside it
    (:func:`dtpl_studio.tempfiles.temp_path`, removed after a crash by the next export), then
    :func:`os.replace`.

    Raises:
        XlsxExportCancelled: cancelled before the file was replaced (nothing is left).
        OSError: the file cannot be written (the temporary file is removed).
    """
    from dtpl_studio.tempfiles import temp_path

    wb, xmap = build_rab_workbook(priced, progress, cancelled)
    out = Path(out_path)
    tmp = temp_path(out, "tmp")
    try:
        with open(tmp, "wb") as fh:
            wb.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if cancelled is not None and cancelled():
            raise XlsxExportCancelled()
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return xmap
