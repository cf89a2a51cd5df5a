"""Import an existing RAB (workbook or CSV export) as a new package (issue 10 point 8).

What is read, for the *kind* of file (a facilitator's or contractor's RAB; the real examples
are ``rab-contractor-2025/RAB.xlsx`` and ``rab-export-csv/`` in ``../shared/data/public``):

* the table: the header row found by :func:`~dtpl_studio.spreadsheets.rab_table.find_header`
  (title rows above, one or two header rows, merged cells), the sheet chosen by ``sheet`` or
  the first one holding a RAB table (the candidates are listed in the report);
* the hierarchy: section letters/roman numerals in the No column, numbered and lettered
  headings (rows with a description but no unit, volume or rate), or the indentation of the
  description (CSV exports); ``Sub Total`` / ``Jumlah`` rows close a section and are checked,
  never imported as items; headings that hold no item are reported and dropped;
* every item becomes a custom item: its rate the file's (several rate columns — material and
  labour — add up), reason ``impor dari <file>!<cell>``, note ``perlu ditinjau``; a row with
  no rate is kept at rate 0 and flagged; the unit through
  :func:`~dtpl_studio.costing.units.read_unit` (``1s``, ``m1``, ``TTK``, ``Bt``, ``-``…);
* a volume that is a formula (``=(9+9)*2``) becomes back-up lines: one line per term of a
  sum, the factors of each product kept (a parenthesised constant sum is one factor); a term
  that is not such a product (a division that does not end, a function, a link to another
  workbook) makes the whole volume one line with its value and a note;
* totals: the imported direct cost is priced by the costing core (volume to the package's
  decimals, line amount to whole rupiah) and compared with the file's own subtotal (the
  cached values of its ``Sub Total`` rows, or its total line); every difference is explained
  line by line (rounding, a row outside a ``SUM`` range, an amount that is not volume × rate);
* around the table: a REKAP sheet referencing the subtotals, contractor/overhead lines, PPN,
  ``Dibulatkan =ROUNDDOWN(…,-6)``, hidden rows and columns, external links — all reported.

Numbers are read by :class:`~dtpl_studio.spreadsheets.cells.CellReader` (the one range-checked
reader). Every cell not taken as is becomes a finding of the
:class:`~dtpl_studio.spreadsheets.report.ImportReport`, in Indonesian.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, Inexact, localcontext
from pathlib import Path
from typing import Any

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.money import CONTEXT, ZERO, RoundingMode, RoundingRule
from dtpl_studio.costing.numbers import NumberConvention, detect_convention
from dtpl_studio.costing.pricebook import PriceBook, PriceBookMeta
from dtpl_studio.costing.rab import (
    MAX_VOLUME_DECIMALS,
    Factor,
    Item,
    Measurement,
    Package,
    PackageSettings,
    Section,
    price_package,
)
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.cells import (
    CellNumberError,
    CellReader,
    Quantity,
    cell_name,
    shown_raw,
)
from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    FormulaError,
    Grid,
    Node,
    Num,
    Percent,
    Ref,
    Unary,
    cached_as_value,
    evaluate_exact,
    parse_formula,
    to_decimal,
)
from dtpl_studio.spreadsheets.rab_table import (
    Header,
    Label,
    Marker,
    Role,
    column_number_row,
    find_header,
    label_of,
    marker_of,
)
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError, rupiah
from dtpl_studio.spreadsheets.report import number as num

IMPORTER = "dtpl_studio.spreadsheets.rab_import"
IMPORTER_VERSION = "1"

#: The reason every imported rate carries, and the note that marks it for review.
REVIEW_NOTE = "perlu ditinjau: harga satuan dari RAB impor"

SEN = Decimal("0.01")


# -- the source: one sheet of a workbook, or a CSV file as one sheet --------------------------

@dataclass
class Source:
    """One table to read: a :class:`Grid` sheet with its extent and layout facts.

    ``sheet`` names it in findings (the sheet name; a CSV file's stem).
    """

    file: str
    sheet: str
    grid: Grid
    max_row: int
    max_col: int
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    csv: bool = False

    def raw(self, row: int, col: int) -> Any:
        return self.grid.raw_value(self.sheet, row, col)

    def shown(self, row: int, col: int) -> Any:
        """What the cell shows: the cached value of a formula, else the value."""
        raw = self.raw(row, col)
        if isinstance(raw, str) and raw.startswith("="):
            return cached_as_value(self.grid.cached_value(self.sheet, row, col))
        return raw

    def text(self, row: int, col: int) -> str:
        """The cell's text (not a number), stripped; ``''`` otherwise."""
        value = self.shown(row, col)
        return value.strip() if isinstance(value, str) else ""

    def label(self, row: int, col: int) -> str:
        """The cell as a label: text, or a whole number as digits (No column)."""
        value = self.shown(row, col)
        if isinstance(value, bool) or value is None:
            return ""
        if isinstance(value, int | float) and float(value).is_integer():
            return str(int(value))
        return str(value).strip()

    def numeric(self, row: int, col: int) -> bool:
        value = self.shown(row, col)
        return isinstance(value, int | float) and not isinstance(value, bool)


# -- result --------------------------------------------------------------------------------

@dataclass
class RekapLine:
    """A line around the table: a rekap subtotal, contractor/overhead, PPN, total, rounding."""

    label: Label
    text: str
    value: Decimal | None
    where: str
    formula: str = ""


@dataclass
class RabImport:
    """What :func:`import_rab` made.

    Attributes:
        package: the new package (custom items, an empty pinned book named after the file).
        report: findings and counts (``rows_read``, ``items``, ``sections``…).
        sheet: the sheet read (the CSV stem for a CSV file); candidates: sheets holding a RAB
            table, in workbook order.
        imported_total: the package's direct cost as the costing core prices it (Rp).
        workbook_total: the file's own subtotal (Σ cached ``Sub Total`` rows, or its total
            line), None when it has none; workbook_total_where: which cells.
        explained: Σ of the line-by-line differences found; unexplained: what remains of
            ``imported_total − workbook_total`` (0 when fully explained, to the sen).
        rekap: the lines around the table (REKAP sheet, totals, PPN, rounding).
    """

    package: Package
    report: ImportReport
    sheet: str
    candidates: list[str]
    imported_total: Decimal
    workbook_total: Decimal | None
    workbook_total_where: str
    explained: Decimal
    unexplained: Decimal | None
    rekap: list[RekapLine]

    @property
    def matches(self) -> bool:
        """The imported total equals the file's own to the sen."""
        return self.workbook_total is not None and _sen(self.imported_total) == _sen(self.workbook_total)


def _sen(value: Decimal) -> Decimal:
    return value.quantize(SEN, rounding=ROUND_HALF_UP, context=CONTEXT)


# -- reading the files ---------------------------------------------------------------------

def _xlsx_sources(path: Path, report: ImportReport):
    from dtpl_studio.spreadsheets.xlsx import load_xlsx

    loaded = load_xlsx(path)
    report.source_sha256 = loaded.sha256
    sources = []
    for name in loaded.sheet_names:
        cells = loaded.grid.raw.get(name, {})
        max_col = max((c for _, c in cells), default=0)
        sources.append(Source(
            path.name, name, loaded.grid, loaded.max_rows.get(name, 0), max_col,
            set(loaded.grid.hidden_rows.get(name, set())), set(loaded.hidden_cols.get(name, set())),
            list(loaded.merged.get(name, [])),
        ))
    return loaded, sources


def read_csv_grid(path: Path, report: ImportReport) -> Source:
    """A CSV export as one :class:`Source`: encoding (UTF-8 with or without BOMs — one on every
    line in ``rekap_rab_160.csv`` —, else cp1252, said in a finding) and dialect sniffed
    (``;``, ``,``, tab, ``|``); every cell a text (numbers are parsed per column later).

    Raises:
        WorkbookImportError: the file is empty or no delimiter can be found.
    """
    from dtpl_studio.spreadsheets.xlsx import sha256_of

    data = path.read_bytes()
    report.source_sha256 = sha256_of(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        report.add(Severity.WARNING, "rab.encoding", "berkas bukan UTF-8; dibaca sebagai Windows-1252",
                   action="periksa huruf beraksen dan tanda khusus pada uraian")
    boms = text.count("\ufeff")
    if boms:
        text = text.replace("\ufeff", "")
        if boms > 1:
            report.add(Severity.INFO, "rab.bom",
                       f"{num(boms)} tanda BOM UTF-8 di dalam berkas (bukan hanya di awal)",
                       action="semua tanda BOM dibuang")
    if not text.strip():
        raise WorkbookImportError(f"{path.name}: berkas kosong", report, code="rab.layout")
    sample = "\n".join(text.splitlines()[:60])
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";\t|,"}
        delimiter = max(counts, key=counts.get)
        if not counts[delimiter]:
            raise WorkbookImportError(f"{path.name}: pemisah kolom tidak ditemukan (; , tab |)",
                                      report, code="rab.layout") from None
    grid = Grid()
    sheet = path.stem
    raw: dict[tuple[int, int], Any] = {}
    max_row = max_col = 0
    for r, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        max_row = r
        for c, value in enumerate(row, start=1):
            if value.strip():
                raw[(r, c)] = value
                max_col = max(max_col, c)
    grid.raw[sheet], grid.cached[sheet] = raw, dict(raw)
    report.notes.append(f"CSV: pemisah kolom {delimiter!r}, {num(max_row)} baris")
    return Source(path.name, sheet, grid, max_row, max_col, csv=True)


def _header_of(source: Source) -> Header | None:
    return find_header(source.text, source.numeric, source.max_row, source.max_col, source.merged)


# -- volumes: formulas into back-up lines ----------------------------------------------------

def render(node: Node) -> str:
    """A formula tree as text (``(9+9)*2``), parenthesised where needed."""
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Ref):
        prefix = f"[{node.external}]" if node.external else ""
        sheet = f"{prefix}{node.sheet}!" if node.sheet else (f"{prefix}!" if prefix else "")
        return f"{sheet}{node.coord()}"
    if isinstance(node, Unary):
        return f"{node.op}{render(node.operand)}"
    if isinstance(node, Percent):
        return f"{render(node.operand)}%"
    if isinstance(node, Binary):
        def side(n: Node) -> str:
            if isinstance(n, Binary) and _PREC[n.op] < _PREC[node.op]:
                return f"({render(n)})"
            return render(n)
        right = render(node.right)
        if isinstance(node.right, Binary) and _PREC[node.right.op] <= _PREC[node.op]:
            right = f"({right})"
        return f"{side(node.left)}{node.op}{right}"
    if isinstance(node, Call):
        return f"{node.name}({','.join(render(a) for a in node.args)})"
    return str(node)


_PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "^": 3, "&": 0, "=": -1, "<>": -1, "<": -1, ">": -1,
         "<=": -1, ">=": -1}


def _terms(node: Node, sign: int = 1) -> list[tuple[int, Node]]:
    """``a + b - c`` → ``[(1, a), (1, b), (-1, c)]``."""
    if isinstance(node, Binary) and node.op in ("+", "-"):
        return _terms(node.left, sign) + _terms(node.right, sign if node.op == "+" else -sign)
    if isinstance(node, Unary):
        return _terms(node.operand, sign if node.op == "+" else -sign)
    return [(sign, node)]


class _NotSimple(Exception):
    """A term that is not a product of numbers, constant sums and cell references."""


def _factors(node: Node, value_of) -> list[tuple[Decimal, str]]:
    """A product's factors as ``(value, text)``; a constant sum in parentheses is one factor;
    a division only when the quotient is exact. Raises :class:`_NotSimple` otherwise."""
    if isinstance(node, Binary) and node.op == "*":
        return _factors(node.left, value_of) + _factors(node.right, value_of)
    if isinstance(node, Binary) and node.op == "/":
        left = _factors(node.left, value_of)
        divisor = value_of(node.right)
        if divisor == 0:
            raise _NotSimple
        with localcontext(CONTEXT) as ctx:
            ctx.traps[Inexact] = True
            try:
                inverse = Decimal(1) / divisor
            except Inexact:
                raise _NotSimple from None
        return [*left, (inverse, f"1/{render(node.right)}")]
    if isinstance(node, Num | Ref) or (isinstance(node, Binary) and node.op in ("+", "-")):
        value = value_of(node)
        if value < 0:
            raise _NotSimple
        return [(value, render(node))]
    raise _NotSimple


@dataclass
class VolumeReading:
    """A volume cell read: its exact value, the back-up lines (empty for a plain number) and
    what to say about it."""

    value: Decimal
    lines: list[Measurement]
    notes: list[tuple[Severity, str, str]] = field(default_factory=list)  # (severity, code, message)


def volume_lines(formula: str, value: Decimal, value_of, cell: str) -> VolumeReading:
    """Back-up lines of a volume formula (``=(9+9)*2`` → one line 18 × 2;
    ``=(0.5*0.5*0.7)*17+(0.4*0.6*35)`` → two lines).

    Args:
        formula: the formula text (with ``=``).
        value: its exact value (what the lines must add up to).
        value_of: ``Node → Decimal`` for a constant sub-expression or a reference.
        cell: the cell, for descriptions.

    A term that is not a product (or whose lines would not add up to ``value`` exactly) makes
    one line holding ``value`` with a note.
    """
    try:
        node = parse_formula(formula)
        terms = _terms(node)
        lines: list[Measurement] = []
        for k, (sign, term) in enumerate(terms, start=1):
            factors = _factors(term, value_of)
            text = render(term)
            description = f"{cell}: {text}" if len(terms) == 1 else f"{cell} suku {k}: {text}"
            lines.append(Measurement(description, [Factor(label, v) for v, label in
                                                   ((v, t) for v, t in factors)], sign))
        total = ZERO
        for line in lines:
            q = Decimal(line.sign)
            for f in line.factors:
                q = CONTEXT.multiply(q, f.value)
            total = CONTEXT.add(total, q)
        if total != value:
            raise _NotSimple
        notes = []
        if any(isinstance(t, Ref) or _has_ref(t) for _, t in terms):
            notes.append((Severity.INFO, "rab.volume-reference",
                          f"volume merujuk sel lain ({formula}); nilainya disalin ke baris back-up, "
                          "tidak tertaut"))
        return VolumeReading(value, lines, notes)
    except (_NotSimple, FormulaError, ArithmeticError, ValueError):
        line = Measurement(f"{cell}: {formula}", [Factor("nilai", value)])
        return VolumeReading(value, [line], [(
            Severity.INFO, "rab.volume-formula",
            f"rumus volume {formula} bukan jumlah perkalian sederhana; satu baris back-up dengan "
            f"nilainya {num(value)}")])


def _in_unit(lines: list[Measurement], unit: str) -> list[Measurement]:
    """Give each line the item's unit on its first factor (the others stay pure numbers): the
    file's volume formula is in the item's unit, whatever its factors were (``0,5 × 0,5 × 0,7
    × 17`` on an m3 item is 2,975 m3)."""
    for line in lines:
        if line.factors:
            line.factors[0].unit = unit
    return lines


def _has_ref(node: Node) -> bool:
    if isinstance(node, Ref):
        return True
    for child in (getattr(node, "left", None), getattr(node, "right", None),
                  getattr(node, "operand", None)):
        if child is not None and _has_ref(child):
            return True
    return False


# -- the import ------------------------------------------------------------------------------

@dataclass
class _Row:
    """One item row as read, for the checks after pricing."""

    row: int
    item: Item
    file_amount: Decimal | None
    file_volume: Decimal | None
    file_rate: Decimal | None


@dataclass
class _Open:
    level: int
    section: Section
    marker: Marker
    row: int
    indent: int = 0


@dataclass
class _Subtotal:
    row: int
    text: str
    section: Section | None
    value: Decimal | None
    rows: set[int] | None  # rows of the amount column summed; None when not a plain SUM
    formula: str


def import_rab(path: str | Path, sheet: str | None = None, *,
               convention: NumberConvention | None = None) -> RabImport:
    """Import a RAB workbook (``.xlsx``/``.xlsm``) or CSV export (``.csv``/``.txt``) as a new
    :class:`~dtpl_studio.costing.rab.Package` (component *fisik*, an empty pinned book named
    after the file: every item is a custom item).

    Args:
        path: the file.
        sheet: the sheet to read (default: the first sheet holding a RAB table).
        convention: how text numbers are written (default: decided per column of a CSV by
            plausibility — volume × rate = amount — and the file's own marks; Indonesian for
            a workbook's text cells).

    Returns:
        a :class:`RabImport`; its report is not usable (``report.usable`` False) when a cell
        was refused (an Excel error in a volume, a negative rate…).

    Raises:
        FileNotFoundError: no such file.
        WorkbookImportError: not a workbook/CSV, no RAB table found, or ``sheet`` unknown or
            without a RAB table.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"berkas tidak ditemukan: {path}")
    report = ImportReport(path.name, importer=IMPORTER, importer_version=IMPORTER_VERSION)
    suffix = path.suffix.lower()
    loaded = None
    if suffix in (".xlsx", ".xlsm"):
        loaded, sources = _xlsx_sources(path, report)
    elif suffix in (".csv", ".txt"):
        sources = [read_csv_grid(path, report)]
    else:
        raise WorkbookImportError(f"{path.name}: jenis berkas tidak dikenal (pakai .xlsx atau .csv)",
                                  report, code="rab.layout")
    headers = {s.sheet: _header_of(s) for s in sources}
    candidates = [s.sheet for s in sources if headers[s.sheet] is not None]
    if sheet is not None:
        chosen = next((s for s in sources if s.sheet == sheet), None)
        if chosen is None:
            raise WorkbookImportError(
                f"{path.name}: lembar {sheet!r} tidak ada (lembar: {', '.join(s.sheet for s in sources)})",
                report, code="rab.layout")
        if headers[sheet] is None:
            raise WorkbookImportError(
                f"{path.name}: lembar {sheet!r} tidak memuat tabel RAB (kolom uraian, satuan/volume, "
                f"harga/jumlah); lembar dengan tabel RAB: {', '.join(candidates) or '(tidak ada)'}",
                report, code="rab.layout")
    else:
        if not candidates:
            raise WorkbookImportError(
                f"{path.name}: tidak ada tabel RAB (baris judul dengan kolom uraian, satuan/volume, "
                f"harga/jumlah di {HEADER_ROWS_TEXT})", report, code="rab.layout")
        chosen = next(s for s in sources if s.sheet == candidates[0])
    if not chosen.csv:
        others = [s.sheet for s in sources if s.sheet != chosen.sheet]
        report.add(Severity.INFO, "rab.sheets",
                   f"lembar dengan tabel RAB: {', '.join(candidates)}; dibaca: {chosen.sheet}"
                   + (f"; lembar lain: {', '.join(others)}" if others else ""),
                   action="pilih lembar lain dengan --sheet NAMA" if len(candidates) > 1 else "")
    if loaded is not None:
        for index, target in sorted(loaded.external_links.items()):
            report.add(Severity.WARNING, "rab.external-link",
                       f"buku kerja bertaut ke buku kerja lain [{index}] {target}",
                       action="nilai yang diambil dari tautan memakai nilai tersimpan di buku kerja ini")
    if loaded is not None:
        _fill_missing_cache(loaded.grid, [s.sheet for s in sources], report)
    reader = _Reader(chosen, headers[chosen.sheet], report, convention)
    package, rows, subtotals, rekap = reader.read()
    if not rows:
        raise WorkbookImportError(
            f"{path.name}: tabel di lembar {chosen.sheet!r} (judul baris {reader.header.row}) tidak memuat "
            "baris item (uraian dengan satuan, volume, atau harga)", report, code="rab.layout")
    if loaded is not None:
        rekap.extend(_rekap_sheets(loaded, sources, chosen, report))
    return _reconcile(path, package, report, chosen, candidates, rows, subtotals, rekap, reader)


HEADER_ROWS_TEXT = "40 baris pertama"

#: Column roles in the report's words.
ROLE_WORDS = {Role.NO: "no", Role.URAIAN: "uraian", Role.SPEC: "spesifikasi", Role.CODE: "kode",
              Role.UNIT: "satuan", Role.VOLUME: "volume", Role.RATE: "harga satuan",
              Role.AMOUNT: "jumlah harga"}


def _fill_missing_cache(grid: Grid, sheets: list[str], report: ImportReport) -> None:
    """Formulas without a cached value (a workbook saved by a program that does not calculate,
    e.g. openpyxl) are recomputed the way Excel does
    (:class:`~dtpl_studio.spreadsheets.formula.ExcelEmulator`), so that the file's own
    subtotals can still be compared; said in one finding per sheet."""
    from dtpl_studio.spreadsheets.formula import ExcelEmulator

    emulator = ExcelEmulator(grid, "excel")
    for sheet in sheets:
        cached = grid.cached.setdefault(sheet, {})
        missing = [key for key, raw in grid.raw.get(sheet, {}).items()
                   if isinstance(raw, str) and raw.startswith("=") and key not in cached]
        if not missing:
            continue
        for row, col in missing:
            value = emulator.value(sheet, row, col)
            if value is not None and not isinstance(value, Decimal):
                cached[(row, col)] = value if not hasattr(value, "code") else str(value)
        report.add(Severity.INFO, "rab.no-cached-values",
                   f"{num(len(missing))} rumus tanpa nilai tersimpan (buku kerja disimpan oleh program yang "
                   "tidak menghitung)", sheet=sheet,
                   action="dihitung ulang di sini seperti Excel menghitung, untuk dibandingkan")


class _Reader:
    """Reads the rows of one table into sections and items."""

    def __init__(self, source: Source, header: Header, report: ImportReport,
                 convention: NumberConvention | None):
        self.src, self.header, self.report = source, header, report
        self.file = source.file
        self.sections: list[Section] = []
        self.stack: list[_Open] = []
        self.kinds: list[Marker] = []
        self.previous_upper: str | None = None
        self.last_top: _Open | None = None
        self.rows: list[_Row] = []
        self.subtotals: list[_Subtotal] = []
        self.rekap: list[RekapLine] = []
        self.heading_rows: dict[str, int] = {}
        self.stated: list[tuple[int, Section, Decimal]] = []  # heading rows with an amount
        self.rows_read = 0
        self.conventions = self._conventions(convention)
        self.readers = {c: CellReader(source.grid, report, c) for c in NumberConvention}
        self.no_col = header.first(Role.NO)
        self.uraian_cols = header.columns(Role.URAIAN)
        self.spec_cols = header.columns(Role.SPEC)
        self.code_col = header.first(Role.CODE)
        self.unit_col = header.first(Role.UNIT)
        self.volume_col = header.first(Role.VOLUME)
        self.rate_cols = header.columns(Role.RATE)
        self.amount_cols = self._amount_columns()
        self.indent_mode = self._indent_mode()
        self.indents: list[int] = []

    # -- setup ---------------------------------------------------------------------------
    def _amount_columns(self) -> list[int]:
        cols = self.header.columns(Role.AMOUNT)
        if len(cols) > 1:  # a split plus its own total column: the total only
            totals = [c for c in cols if re.search(r"\b(jumlah|total)\s*$",
                                                  self.header.texts.get(c, "").lower())]
            if len(totals) == 1 and len(self.header.texts.get(totals[0], "").split()) > 1:
                return totals
        return cols

    def _indent_mode(self) -> bool:
        """Hierarchy by the description's indentation: no No column, or an empty one."""
        if self.no_col is None:
            return True
        for row in range(self.header.last_row + 1, self.src.max_row + 1):
            if self.src.label(row, self.no_col):
                return False
        return True

    def _conventions(self, forced: NumberConvention | None) -> dict[int, NumberConvention]:
        """Number convention per numeric column: forced, or for a CSV the combination under
        which most rows give volume × rate = amount, ties broken by the column's own marks
        (:func:`~dtpl_studio.costing.numbers.detect_convention`), else Indonesian. Each
        decision is a finding (never silent)."""
        h = self.header
        cols = [c for c in (h.first(Role.VOLUME), *h.columns(Role.RATE), *h.columns(Role.AMOUNT)) if c]
        if forced is not None or not self.src.csv:
            return {c: forced or NumberConvention.ID for c in cols}
        texts = {c: [self.src.text(r, c) for r in range(h.last_row + 1, self.src.max_row + 1)]
                 for c in cols}
        marks = {c: detect_convention(t for t in texts[c] if t) for c in cols}
        out: dict[int, NumberConvention] = {}
        vol, rates, amounts = h.first(Role.VOLUME), h.columns(Role.RATE), h.columns(Role.AMOUNT)
        if vol and len(rates) == 1 and len(amounts) == 1:
            best, best_score = None, -1
            options = list(NumberConvention)
            for cv in options:
                for cr in options:
                    for ca in options:
                        score = 0
                        for r in range(h.last_row + 1, self.src.max_row + 1):
                            v = _try(self.src.text(r, vol), cv)
                            p = _try(self.src.text(r, rates[0]), cr)
                            a = _try(self.src.text(r, amounts[0]), ca)
                            if v is not None and p is not None and a is not None and a > 0:
                                if abs(v * p - a) <= max(Decimal(1), a / 100):
                                    score += 1
                        tie = sum(1 for c, conv in zip((vol, rates[0], amounts[0]), (cv, cr, ca), strict=True)
                                  if marks[c] is conv)
                        key = (score, tie)
                        if best is None or key > best_score:
                            best, best_score = (cv, cr, ca), key
            for c, conv in zip((vol, rates[0], amounts[0]), best, strict=True):
                out[c] = conv
            why = f"{num(best_score[0])} baris cocok volume × harga = jumlah"
        else:
            why = "tanda desimal dan ribuan di kolom itu"
        for c in cols:
            if c not in out:
                out[c] = marks[c] or NumberConvention.ID
        for c in cols:
            name = self.header.texts.get(c, cell_name(c, h.row))
            word = "Indonesia (1.234,5)" if out[c] is NumberConvention.ID else "Amerika (1,234.5)"
            undecided = marks[c] is None and why.startswith("tanda")
            self.report.add(
                Severity.WARNING if undecided else Severity.INFO, "rab.number-convention",
                f"kolom {name!r}: angka dibaca dengan konvensi {word}; dasar: "
                + ("tidak ada tanda yang memastikan, dipakai konvensi Indonesia" if undecided else why),
                sheet=self.src.sheet, cell=cell_name(c, h.row),
                action="periksa beberapa angka kolom ini" if undecided else "")
        return out

    # -- reading -------------------------------------------------------------------------
    def read(self):
        src, h = self.src, self.header
        cols = ", ".join(f"{cell_name(c, h.row)[:-len(str(h.row))]}={ROLE_WORDS[r]}"
                         for c, r in sorted(h.roles.items()))
        rows_text = f"baris {h.row}" + (f"–{h.last_row}" if h.last_row > h.row else "")
        self.report.add(Severity.INFO, "rab.header", f"judul tabel di {rows_text}: {cols}",
                        sheet=src.sheet, cell=cell_name(1, h.row))
        for c in sorted(src.hidden_cols):
            if c in h.roles:
                self.report.add(Severity.WARNING, "rab.hidden-column",
                                f"kolom {h.roles[c].value} tersembunyi", sheet=src.sheet,
                                cell=cell_name(c, h.row), action="tetap dibaca")
        hidden_other = [c for c in sorted(src.hidden_cols) if c not in h.roles]
        if hidden_other:
            self.report.add(Severity.INFO, "rab.hidden-column",
                            f"{num(len(hidden_other))} kolom tersembunyi di luar tabel",
                            sheet=src.sheet, action="tidak dibaca")
        first = h.last_row + 1
        if first <= src.max_row and column_number_row(
                [src.shown(first, c) for c in range(1, src.max_col + 1)]):
            self.report.add(Severity.INFO, "rab.column-numbers", "baris nomor kolom di bawah judul",
                            sheet=src.sheet, cell=cell_name(1, first), action="dilewati")
            first += 1
        ended = False
        for row in range(first, src.max_row + 1):
            if ended:
                if all(src.raw(row, c) is None for c in range(1, src.max_col + 1)):
                    continue
                texts = [src.label(row, c) for c in range(1, src.max_col + 1)]
                if not any(label_of(t) for t in texts if t):
                    self.report.add(Severity.INFO, "rab.table-end",
                                    f"tabel RAB berakhir sebelum baris {row} (sesudah baris total)",
                                    sheet=src.sheet, cell=cell_name(1, row),
                                    raw=next((t for t in texts if t), ""),
                                    action=f"baris {row} sampai {src.max_row} tidak dibaca")
                    break
            result = self._row(row)
            if result == "total":
                ended = True
        self._prune()
        return self._package(), self.rows, self.subtotals, self.rekap

    def _texts(self, row: int, cols: list[int]) -> list[str]:
        return [t for t in (self.src.label(row, c) for c in cols) if t]

    def _row(self, row: int) -> str:
        src = self.src
        if all(src.raw(row, c) is None for c in range(1, src.max_col + 1)):
            return "empty"
        no = src.label(row, self.no_col) if self.no_col else ""
        uraian_raw = next((src.shown(row, c) for c in self.uraian_cols if src.label(row, c)), "")
        uraian = ", ".join(" ".join(t.split()) for t in self._texts(row, self.uraian_cols))
        spec = "; ".join(" ".join(t.split()) for t in self._texts(row, self.spec_cols))
        unit_raw = src.label(row, self.unit_col) if self.unit_col else ""
        has_volume = self.volume_col is not None and src.raw(row, self.volume_col) not in (None, "") \
            and not (isinstance(src.raw(row, self.volume_col), str) and not src.raw(row, self.volume_col).strip())
        has_rate = any(_filled(src.raw(row, c)) for c in self.rate_cols)
        label = label_of(uraian or spec or no) if not unit_raw and not has_volume else None
        if label is None and not unit_raw and not has_volume:
            label = next((lab for lab in (label_of(t) for t in (no, spec)) if lab), None)
        if label is not None:
            return self._labelled(row, label, uraian or spec or no)
        self.rows_read += 1
        if row in src.hidden_rows:
            self.report.add(Severity.WARNING, "rab.hidden-row", f"baris {row} tersembunyi",
                            sheet=src.sheet, cell=cell_name(1, row), raw=uraian or spec,
                            action="tetap diimpor (ikut dijumlah di buku kerja)")
        indent = len(uraian_raw) - len(uraian_raw.lstrip(" ")) if isinstance(uraian_raw, str) else 0
        marker = marker_of(no, self.previous_upper, Marker.ROMAN in self.kinds, Marker.UPPER in self.kinds)
        title = uraian or spec
        if not unit_raw and not has_volume and not has_rate:
            if not title:
                if no:
                    self.report.add(Severity.INFO, "rab.stray", f"baris hanya berisi nomor {no!r}",
                                    sheet=src.sheet, cell=cell_name(self.no_col, row), action="dilewati")
                return "skip"
            amount = self._amount(row)
            is_sum = any(_is_sum(src.raw(row, c)) for c in self.amount_cols)
            if amount and not is_sum and not self.indent_mode and marker not in (Marker.UPPER, Marker.ROMAN):
                self._item(row, marker, indent, title, spec, lump_sum=amount)
                return "item"
            self._heading(row, marker, indent, title, amount)
            return "heading"
        self._item(row, marker, indent, title, spec)
        return "item"

    def _labelled(self, row: int, label: Label, text: str) -> str:
        src = self.src
        cols = self.amount_cols or []
        col = next((c for c in cols if _filled(src.raw(row, c))), None)
        if col is None:  # a rekap line may hold its figure in another column
            col = next((c for c in range(src.max_col, 0, -1) if src.numeric(row, c)
                        or (isinstance(src.raw(row, c), str) and src.raw(row, c).startswith("="))
                        or (src.csv and _try(src.text(row, c), NumberConvention.ID) is not None
                            and label_of(src.text(row, c)) is None)), None)
        raw = src.raw(row, col) if col else None
        value = self._file_number(row, col) if col else None
        filled = [c for c in cols if _filled(src.raw(row, c))]
        if len(filled) > 1:  # a material/labour split: the row's figure is their sum
            value = self._amount(row)
        formula = raw if isinstance(raw, str) and raw.startswith("=") else ""
        where = f"{src.sheet}!{cell_name(col or 1, row)}"
        if label is Label.SUBTOTAL and (self.stack or self.last_top) and not self._after_total():
            top = self.stack[0].section if self.stack else (self.last_top.section if self.last_top else None)
            rows: set[int] | None = set()
            for c in filled or [col]:
                got = self._sum_rows(src.raw(row, c), row) if c else None
                rows = None if got is None or rows is None else rows | got
            self.subtotals.append(_Subtotal(row, text, top, value, rows, formula))
            if self.stack:
                self.last_top = self.stack[0]
            self.stack.clear()
            return "subtotal"
        if label is Label.SUBTOTAL:
            label = Label.TOTAL
        self.rekap.append(RekapLine(label, text, value, f"{src.file} | {where}", formula))
        if label is Label.TOTAL and self.stack:
            self.last_top = self.stack[0]
            self.stack.clear()
        return "total" if label in (Label.TOTAL, Label.PPN, Label.ROUNDED, Label.CONTRACTOR) else "rekap"

    def _after_total(self) -> bool:
        return any(line.label is Label.TOTAL for line in self.rekap)

    def _sum_rows(self, raw: Any, row: int) -> set[int] | None:
        """Rows of the amount column a ``=SUM(H9:H13)`` (or ``=H9+H10``) adds; None else."""
        if not (isinstance(raw, str) and raw.startswith("=")):
            return None
        try:
            node = parse_formula(raw)
        except FormulaError:
            return None
        rows: set[int] = set()

        def walk(n: Node) -> bool:
            if isinstance(n, Call) and n.name == "SUM":
                return all(walk(a) for a in n.args)
            if isinstance(n, Binary) and n.op == "+":
                return walk(n.left) and walk(n.right)
            if isinstance(n, Ref) and n.sheet is None and n.external is None:
                if n.col not in self.amount_cols and (n.col2 or n.col) not in self.amount_cols:
                    return False
                rows.update(range(n.row, (n.row2 or n.row) + 1))
                return True
            return False

        return rows if walk(node) else None

    def _heading(self, row: int, marker: Marker, indent: int, title: str, amount: Decimal | None) -> None:
        if self.indent_mode:
            if indent not in self.indents:
                self.indents.append(indent)
                self.indents.sort()
            level = self.indents.index(indent)
        elif marker is Marker.NONE or marker is Marker.OTHER:
            if not self.stack:
                level = 0
            elif self.stack[-1].marker in (Marker.NONE, Marker.OTHER):
                level = self.stack[-1].level
            else:
                level = self.stack[-1].level + 1
        else:
            if marker not in self.kinds:
                self.kinds.append(marker)
            level = self.kinds.index(marker)
        if marker is Marker.UPPER:
            self.previous_upper = self.src.label(row, self.no_col).strip().rstrip(".)")[:1]
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(title)
        if self.stack:
            self.stack[-1].section.children.append(section)
        else:
            self.sections.append(section)
        self.stack.append(_Open(level, section, marker, row, indent))
        self.heading_rows[section.id] = row
        if amount:
            self.stated.append((row, section, amount))

    def _container(self, row: int, marker: Marker, indent: int) -> Section:
        if self.indent_mode:
            while len(self.stack) > 1 and self.stack[-1].indent >= indent:
                self.stack.pop()
        elif marker in self.kinds:
            level = self.kinds.index(marker)
            while len(self.stack) > 1 and self.stack[-1].level >= level:
                self.stack.pop()
        if not self.stack:
            if self.last_top is not None:
                self.report.add(Severity.WARNING, "rab.after-subtotal",
                                "baris item sesudah baris Sub Total, tanpa judul divisi baru",
                                sheet=self.src.sheet, cell=cell_name(1, row),
                                action=f"dimasukkan ke divisi {self.last_top.section.title!r}")
                self.stack.append(self.last_top)
            else:
                section = Section("PEKERJAAN")
                self.sections.append(section)
                self.stack.append(_Open(0, section, Marker.NONE, row))
                self.report.add(Severity.INFO, "rab.default-section",
                                "item sebelum judul divisi mana pun", sheet=self.src.sheet,
                                cell=cell_name(1, row), action="dimasukkan ke divisi 'PEKERJAAN'")
        return self.stack[-1].section

    # -- numbers ---------------------------------------------------------------------------
    def _number(self, row: int, col: int, quantity: Quantity, action: str, subject: str):
        reader = self.readers[self.conventions.get(col, NumberConvention.ID)]
        got = reader.read(self.src.sheet, row, col, quantity, action=action, subject=subject)
        if got is None:
            return None
        where = cell_name(col, row)
        if got.source == "text":
            self.report.add(Severity.INFO, "rab.text-number",
                            f"{subject}: angka berupa teks, dibaca sebagai {num(got.value)}",
                            sheet=self.src.sheet, cell=where, raw=shown_raw(got.raw)) if not self.src.csv else None
        elif got.source == "cached":
            self.report.add(Severity.WARNING, "rab.cached-value",
                            f"{subject}: rumus tidak dapat dihitung di sini ({got.why_cached}); "
                            f"dipakai nilai tersimpan {num(got.value)}",
                            sheet=self.src.sheet, cell=where, raw=shown_raw(got.raw),
                            action="periksa nilai ini di buku kerja")
        return got

    def _file_number(self, row: int, col: int | None) -> Decimal | None:
        """The file's figure in a cell: the cached value (what the file shows), a text number
        in the column's convention; None when empty or not a number."""
        if col is None:
            return None
        value = self.src.shown(row, col)
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                return self.readers[self.conventions.get(col, NumberConvention.ID)].literal(value)
            except CellNumberError:
                return None
        return to_decimal(value)

    def _amount(self, row: int) -> Decimal | None:
        values = [self._file_number(row, c) for c in self.amount_cols]
        values = [v for v in values if v is not None]
        return sum(values, ZERO) if values else None

    # -- items -----------------------------------------------------------------------------
    def _item(self, row: int, marker: Marker, indent: int, title: str, spec: str,
              lump_sum: Decimal | None = None) -> None:
        src, rep, sheet = self.src, self.report, self.src.sheet
        description = title or spec or f"baris {row}"
        subject = f"baris {row} {description[:40]!r}"
        section = self._container(row, marker, indent)
        # unit
        unit_raw = src.label(row, self.unit_col) if self.unit_col else ""
        unit_cell = cell_name(self.unit_col or 1, row)
        unit = ""
        if lump_sum is not None:
            unit = "ls"
            rep.add(Severity.WARNING, "rab.lump-sum",
                    f"{subject}: hanya jumlah {rupiah(lump_sum)}, tanpa satuan, volume, dan harga",
                    sheet=sheet, cell=cell_name(self.amount_cols[0], row),
                    action="diimpor sebagai 1 ls dengan harga = jumlah")
        elif unit_raw:
            try:
                reading = read_unit(unit_raw)
                unit = reading.symbol
                if reading.note:
                    rep.add(Severity.INFO, "rab.unit-note", f"{subject}: {reading.note}",
                            sheet=sheet, cell=unit_cell, raw=unit_raw, action=f"satuan {unit}")
            except UnknownUnitError:
                rep.add(Severity.WARNING, "unit-needs-mapping", f"{subject}: satuan {unit_raw!r} tidak dikenal",
                        sheet=sheet, cell=unit_cell, raw=unit_raw,
                        action="diimpor sebagai ls; pilih satuan yang benar")
                unit = "ls"
        if not unit:
            found = _unit_in_text(description)
            if found:
                unit = found
                rep.add(Severity.INFO, "rab.unit-from-description",
                        f"{subject}: kolom satuan kosong; satuan {unit} diambil dari uraian",
                        sheet=sheet, cell=unit_cell, action=f"satuan {unit}")
            else:
                unit = "ls"
                rep.add(Severity.WARNING, "rab.unit-missing", f"{subject}: satuan kosong",
                        sheet=sheet, cell=unit_cell, action="diimpor sebagai ls; isi satuannya")
        # volume
        volume, lines, file_volume = ZERO, [], None
        if lump_sum is not None:
            volume = Decimal(1)
        elif self.volume_col is not None and _filled(src.raw(row, self.volume_col)):
            got = self._number(row, self.volume_col, Quantity.VOLUME,
                               "volume 0; perbaiki sel lalu impor lagi", subject)
            if got is not None and got.value is not None:
                file_volume = self._file_number(row, self.volume_col)
                raw = src.raw(row, self.volume_col)
                if got.source in ("formula", "cached") and isinstance(raw, str):
                    if got.source == "cached":
                        line = Measurement(f"{cell_name(self.volume_col, row)}: {raw}",
                                           [Factor("nilai", got.value)])
                        reading = VolumeReading(got.value, [line], [])
                    else:
                        reading = volume_lines(raw, got.value, self._value_of(row),
                                               cell_name(self.volume_col, row))
                    lines = _in_unit(reading.lines, unit)
                    for severity, code, message in reading.notes:
                        rep.add(severity, code, f"{subject}: {message}", sheet=sheet,
                                cell=cell_name(self.volume_col, row), raw=raw)
                else:
                    volume = got.value
        else:
            rep.add(Severity.WARNING, "rab.no-volume", f"{subject}: volume kosong", sheet=sheet,
                    cell=cell_name(self.volume_col or 1, row), action="volume 0; isi volumenya")
        # rate
        rate, rate_cell, file_rate = ZERO, cell_name(self.rate_cols[0], row) if self.rate_cols else "", None
        if lump_sum is not None:
            rate = lump_sum
            rate_cell = cell_name(self.amount_cols[0], row)
        else:
            parts = []
            for c in self.rate_cols:
                if _filled(src.raw(row, c)):
                    got = self._number(row, c, Quantity.PRICE, "harga 0; perbaiki sel lalu impor lagi", subject)
                    if got is not None and got.value is not None:
                        parts.append(got.value)
            rate = sum(parts, ZERO)
            file_rate = rate if parts else None
            if not parts or rate == 0:
                rep.add(Severity.WARNING, "rab.no-rate", f"{subject}: harga satuan kosong",
                        sheet=sheet, cell=rate_cell or cell_name(1, row), raw=description,
                        action="diimpor dengan harga 0 (ditandai untuk ditinjau); isi harganya")
        note = [REVIEW_NOTE]
        if spec and title:
            note.append(f"spesifikasi: {spec}")
        if self.code_col and src.label(row, self.code_col):
            note.append(f"kode di berkas: {src.label(row, self.code_col)}")
        reason = f"impor dari {self.file}!{rate_cell}" if not src.csv else f"impor dari {self.file} baris {row}"
        if not file_rate and lump_sum is None:
            reason += " (harga kosong di berkas)"
        item = Item(description=description, unit=unit, custom_rate=rate, custom_reason=reason,
                    volume=volume, measurements=lines, note="; ".join(note))
        section.children.append(item)
        self.rows.append(_Row(row, item, self._amount(row), file_volume if lines else volume or file_volume,
                              file_rate if lump_sum is None else lump_sum))

    def _value_of(self, row: int):
        """``Node → Decimal`` for back-up factors: constants exactly, references through the
        cell reader (the referenced cell's value)."""
        notes: list[str] = []
        reader = self.readers[self.conventions.get(self.volume_col, NumberConvention.ID)]
        resolve = reader.resolver(self.src.sheet, notes)

        def value_of(node: Node) -> Decimal:
            return evaluate_exact(node, resolve)

        return value_of

    # -- structure -------------------------------------------------------------------------
    def _prune(self) -> None:
        """Drop headings that hold no item (reported)."""
        def prune(children: list) -> list:
            kept = []
            for child in children:
                if isinstance(child, Section):
                    child.children = prune(child.children)
                    if not any(True for _ in child.items()):
                        row = self.heading_rows.get(child.id, 0)
                        self.report.add(Severity.INFO, "rab.empty-heading",
                                        f"judul {child.title!r} tanpa item di bawahnya",
                                        sheet=self.src.sheet, cell=cell_name(1, row) if row else "",
                                        action="tidak dijadikan divisi")
                        continue
                kept.append(child)
            return kept

        self.sections = prune(self.sections)

    def _package(self) -> Package:
        meta = PriceBookMeta(title=f"RAB impor {self.file}", source_file=self.file,
                             source_sha256=self.report.source_sha256,
                             note="buku kosong: semua item RAB impor berharga khusus")
        return Package(name=f"RAB impor {Path(self.file).stem}", component=Component.FISIK,
                       book=PriceBook(meta), sections=self.sections,
                       description=f"diimpor dari {self.file}"
                       + ("" if self.src.csv else f", lembar {self.src.sheet}"))


def _filled(raw: Any) -> bool:
    return raw is not None and not (isinstance(raw, str) and not raw.strip())


def _is_sum(raw: Any) -> bool:
    return isinstance(raw, str) and raw.upper().startswith(("=SUM(", "=+SUM("))


def _try(text: str, convention: NumberConvention) -> Decimal | None:
    from dtpl_studio.costing.numbers import NumberParseError, parse_number

    if not text:
        return None
    try:
        return parse_number(text, convention)
    except NumberParseError:
        return None


_UNIT_IN_TEXT = re.compile(r"(?:^|\s)1\s+([A-Za-z][A-Za-z'’²³0-9]*)")


def _unit_in_text(text: str) -> str:
    """The unit of an AHSP-style description (``'Pemasangan 1 m2 …'`` → ``m2``), or ``''``."""
    for match in _UNIT_IN_TEXT.finditer(text):
        try:
            return read_unit(match.group(1)).symbol
        except UnknownUnitError:
            continue
    return ""


# -- around the table ------------------------------------------------------------------------

def _rekap_sheets(loaded, sources: list[Source], chosen: Source, report: ImportReport) -> list[RekapLine]:
    """Lines of other sheets that reference the chosen sheet (a REKAP): their section totals
    are checked against the chosen sheet's subtotal rows by the caller; contractor, PPN, total
    and rounding lines are reported."""
    lines: list[RekapLine] = []
    pattern = re.compile(rf"(?:'{re.escape(chosen.sheet)}'|\b{re.escape(chosen.sheet)})!", re.IGNORECASE)
    for src in sources:
        if src is chosen:
            continue
        cells = src.grid.raw.get(src.sheet, {})
        if not any(isinstance(v, str) and v.startswith("=") and pattern.search(v) for v in cells.values()):
            continue
        report.notes.append(f"lembar {src.sheet} merujuk lembar {chosen.sheet} (rekap)")
        for row in range(1, src.max_row + 1):
            texts = [src.text(row, c) for c in range(1, src.max_col + 1)]
            label_text = next((t for t in texts if label_of(t)), "")
            formulas = [(c, src.raw(row, c)) for c in range(1, src.max_col + 1)
                        if isinstance(src.raw(row, c), str) and src.raw(row, c).startswith("=")]
            if not formulas:
                continue
            col, formula = formulas[-1]
            value = to_decimal(cached_as_value(src.grid.cached_value(src.sheet, row, col)))
            label = label_of(label_text) if label_text else None
            if label is None and re.search(r"ROUND(DOWN|UP)?\(|MROUND\(|FLOOR\(|CEILING\(", formula.upper()):
                label = Label.ROUNDED
            if label is None:
                continue
            if label is Label.SUBTOTAL:
                label = Label.TOTAL if "sub" not in label_text.lower() else Label.SUBTOTAL
            lines.append(RekapLine(label, label_text or formula, value,
                                   f"{src.file} | {src.sheet}!{cell_name(col, row)}", formula))
    return lines


_REKAP_WORDS = {
    Label.SUBTOTAL: "sub total rekap", Label.TOTAL: "total", Label.CONTRACTOR: "jasa kontraktor/overhead",
    Label.PPN: "PPN", Label.ROUNDED: "dibulatkan", Label.TERBILANG: "terbilang",
}


def _reconcile(path: Path, package: Package, report: ImportReport, src: Source, candidates: list[str],
               rows: list[_Row], subtotals: list[_Subtotal], rekap: list[RekapLine],
               reader: _Reader) -> RabImport:
    """Price the package, compare with the file's own figures, explain the difference."""
    # volume decimals: as many as the file's volumes need (2..6), so that a volume the file
    # holds exactly (11,375; 0,875) is priced as the file prices it
    needed = 2
    for r in rows:
        try:
            v = r.item.exact_volume()
        except (ArithmeticError, ValueError):
            continue
        exp = v.normalize(CONTEXT).as_tuple().exponent
        if isinstance(exp, int):
            needed = max(needed, min(-exp, MAX_VOLUME_DECIMALS))
    settings = PackageSettings(volume_decimals=needed)
    contractor = [line for line in rekap if line.label is Label.CONTRACTOR]
    ppn_line = next((line for line in rekap if line.label is Label.PPN), None)
    if ppn_line is not None and not contractor:
        rate = _percent_in(ppn_line.text)
        if rate is not None:
            settings.ppn_rate = rate
            report.add(Severity.INFO, "rab.ppn", f"baris {ppn_line.text!r}: PPN paket {num(rate * 100)} %",
                       raw=ppn_line.text, action="tarif PPN paket diatur")
    package.settings = settings
    if needed != 2:
        report.add(Severity.INFO, "rab.volume-decimals",
                   f"volume di berkas memakai sampai {num(needed)} desimal"
                   + (" atau lebih (hasil pembagian)" if needed == MAX_VOLUME_DECIMALS else ""),
                   action=f"desimal volume paket {num(needed)} (bawaan 2) agar jumlah sama dengan berkas")
    priced = price_package(package)
    amounts = {r.item.id: priced.item_results[r.item.id].priced.amount for r in rows
               if r.item.id in priced.item_results}
    direct = priced.direct
    # the file's own total
    grand = next((line for line in rekap if line.label is Label.TOTAL and line.value is not None
                  and src.file in line.where and f"{src.sheet}!" in line.where), None)
    workbook_total: Decimal | None = None
    where = ""
    if subtotals and all(s.value is not None for s in subtotals):
        workbook_total = sum((s.value for s in subtotals), ZERO)
        where = ", ".join(f"{src.sheet}!{cell_name(reader.amount_cols[0], s.row)}" for s in subtotals) \
            if len(subtotals) <= 3 else (f"{num(len(subtotals))} baris Sub Total lembar {src.sheet} "
                                        f"(baris {subtotals[0].row}–{subtotals[-1].row})")
    elif grand is not None:
        workbook_total, where = grand.value, grand.where.split(" | ", 1)[-1]
    elif reader.stated:
        tops = [(row, s, v) for row, s, v in reader.stated if s in package.sections]
        if tops:
            workbook_total = sum((v for _, _, v in tops), ZERO)
            where = f"{num(len(tops))} baris judul divisi berjumlah"
    # explanations, line by line
    explained = ZERO
    n_explained = 0
    covered = Counter()
    ranged = subtotals and all(s.rows is not None for s in subtotals)
    if ranged:
        for s in subtotals:
            covered.update(s.rows)
    item_rows = {r.row for r in rows}
    for r in rows:
        ours = amounts.get(r.item.id, ZERO)
        file_amount = r.file_amount or ZERO
        diff = ours - file_amount
        if diff:
            explained += diff
            n_explained += 1
            report.add(Severity.INFO if abs(diff) < 1 else Severity.WARNING,
                       "rab.line-difference",
                       f"baris {r.row} {r.item.description[:40]!r}: jumlah impor {rupiah(ours)}, di berkas "
                       f"{rupiah(file_amount)}, selisih {rupiah(diff)}; sebab: {_why(r, ours, settings)}",
                       sheet=src.sheet, cell=cell_name(reader.amount_cols[0] if reader.amount_cols else 1, r.row))
        if ranged and workbook_total is not None:
            count = covered.get(r.row, 0)
            if count != 1 and file_amount:
                term = file_amount * (1 - count)
                explained += term
                n_explained += 1
                if count == 0:
                    message = (f"baris {r.row} {r.item.description[:40]!r} ({rupiah(file_amount)}) berada di "
                               "luar rentang SUM baris Sub Total mana pun: tidak termasuk subtotal buku kerja")
                else:
                    message = (f"baris {r.row} {r.item.description[:40]!r} ({rupiah(file_amount)}) dijumlah "
                               f"{num(count)} kali oleh baris Sub Total")
                report.add(Severity.WARNING, "rab.outside-subtotal", message, sheet=src.sheet,
                           cell=cell_name(reader.amount_cols[0], r.row),
                           action="tetap diimpor satu kali; periksa rumus Sub Total di buku kerja")
    if ranged and workbook_total is not None:
        for s in subtotals:
            for row in sorted(s.rows):
                if row in item_rows:
                    continue
                value = reader._amount(row)
                if value:
                    explained -= value
                    n_explained += 1
                    report.add(Severity.WARNING, "rab.subtotal-extra",
                               f"Sub Total baris {s.row} ikut menjumlah baris {row} yang bukan item "
                               f"({rupiah(value)})", sheet=src.sheet,
                               cell=cell_name(reader.amount_cols[0], row), action="tidak diimpor")
    if ranged and workbook_total is not None:
        for s in subtotals:
            summed = sum((v for v in (reader._amount(row) for row in s.rows) if v), ZERO)
            if s.value is not None and _sen(summed) != _sen(s.value):
                explained += summed - s.value
                n_explained += 1
                report.add(Severity.WARNING, "rab.subtotal-stale",
                           f"{s.text!r}: nilai tersimpan {rupiah(_sen(s.value))} tidak sama dengan jumlah "
                           f"baris yang dijumlahnya ({rupiah(_sen(summed))})", sheet=src.sheet,
                           cell=cell_name(reader.amount_cols[0], s.row), raw=s.formula,
                           action="hitung ulang buku kerja di Excel, simpan, lalu impor lagi")
    elif workbook_total is not None:
        file_sum = sum((r.file_amount or ZERO for r in rows), ZERO)
        if _sen(file_sum) != _sen(workbook_total):
            explained += file_sum - workbook_total
            n_explained += 1
            report.add(Severity.INFO, "rab.file-total",
                       f"di berkas sendiri, total {rupiah(_sen(workbook_total))} ({where}) tidak sama dengan "
                       f"jumlah baris itemnya {rupiah(_sen(file_sum))}: selisih "
                       f"{rupiah(_sen(file_sum - workbook_total))} (berkas menjumlah nilai yang tak dibulatkan)",
                       action="dijelaskan; lihat juga rab.heading-total per judul")
    # subtotals, section by section
    section_totals = {ps.section.id: ps.total for ps in priced.sections}
    matching = 0
    for s in subtotals:
        ours = section_totals.get(s.section.id) if s.section is not None else None
        if s.value is not None and ours is not None and _sen(ours) == _sen(s.value):
            matching += 1
            continue
        report.add(Severity.INFO, "rab.subtotal",
                   f"{s.text!r}: di buku kerja {rupiah(_sen(s.value)) if s.value is not None else '-'}, impor "
                   f"{rupiah(ours) if ours is not None else '-'}"
                   + (f", selisih {rupiah(_sen(ours - s.value))}" if ours is not None and s.value is not None else ""),
                   sheet=src.sheet, cell=cell_name(reader.amount_cols[0], s.row), raw=s.formula,
                   action="selisih dijelaskan per baris (lihat rab.line-difference/rab.outside-subtotal)")
    file_amounts = {r.item.id: r.file_amount or ZERO for r in rows}
    for row, section, value in reader.stated:
        ours = _section_total(priced, section)
        if ours is not None and _sen(ours) != _sen(value):
            lines_sum = sum((file_amounts.get(i.id, ZERO) for i in section.items()), ZERO)
            report.add(Severity.INFO, "rab.heading-total",
                       f"judul {section.title!r}: jumlah di berkas {rupiah(value)}, impor {rupiah(ours)}, "
                       f"selisih {rupiah(ours - value)}; jumlah baris di berkas {rupiah(_sen(lines_sum))}",
                       sheet=src.sheet, cell=cell_name(reader.amount_cols[0], row),
                       action="selisih dijelaskan per baris (rab.line-difference)")
    unexplained: Decimal | None = None
    if workbook_total is not None:
        difference = direct - workbook_total
        unexplained = _sen(difference - explained)
        if _sen(difference) == 0:
            report.add(Severity.INFO, "rab.total", f"total impor {rupiah(_sen(direct))} sama sampai sen "
                       f"dengan subtotal berkas {rupiah(_sen(workbook_total))}")
        elif unexplained == 0:
            report.add(Severity.INFO, "rab.total",
                       f"total impor {rupiah(_sen(direct))}, subtotal berkas {rupiah(_sen(workbook_total))}: "
                       f"selisih {rupiah(_sen(difference))} dijelaskan seluruhnya oleh {num(n_explained)} baris")
        else:
            report.add(Severity.WARNING, "rab.total-unexplained",
                       f"total impor {rupiah(_sen(direct))}, subtotal berkas {rupiah(_sen(workbook_total))}: "
                       f"selisih {rupiah(_sen(difference))}, {rupiah(unexplained)} di antaranya tidak "
                       "dijelaskan oleh baris mana pun (nilai tersimpan usang?)",
                       action="hitung ulang buku kerja di Excel, simpan, lalu impor lagi")
    else:
        report.add(Severity.WARNING, "rab.no-total", "berkas tidak memuat subtotal atau total sendiri",
                   action="total impor tidak dapat dibandingkan")
    for line in rekap:
        if line.label is Label.TERBILANG:
            continue
        report.add(Severity.INFO, f"rab.rekap-{line.label.value}",
                   f"{_REKAP_WORDS[line.label]}: {line.text!r} = "
                   f"{rupiah(_sen(line.value)) if line.value is not None else '-'}"
                   + (f" ({line.formula})" if line.formula else ""),
                   raw=line.formula, action=_rekap_action(line.label, settings))
        report.findings.items[-1] = _relocate(report.findings.items[-1], line.where)
    if contractor and rekap:
        rounded = next((line for line in rekap if line.label is Label.ROUNDED), None)
        if rounded is not None:
            report.notes.append("baris jasa kontraktor/overhead dan pembulatan rekap tidak diimpor: paket "
                                "menghitung biaya langsung; atur PPN dan pembulatan di pengaturan paket")
    elif (rounded := next((line for line in rekap if line.label is Label.ROUNDED), None)) is not None:
        before = [line for line in rekap[:rekap.index(rounded)]
                  if line.label is Label.TOTAL and line.value is not None]
        rule = _rounding_rule(before[-1].value if before else priced.total, rounded.value)
        if rule is not None:
            settings.total_rounding = rule
            priced = price_package(package)
            report.add(Severity.INFO, "rab.rounding", f"pembulatan {rounded.text!r}: "
                       f"{'ke bawah' if rule.mode is RoundingMode.DOWN else 'ke terdekat'} kelipatan "
                       f"{rupiah(rule.step)}", action="aturan pembulatan paket diatur")
    # counts
    n_sections = sum(1 for _ in _all_sections(package.sections))
    report.counts.update({
        "rows_read": reader.rows_read, "items": len(rows), "sections": n_sections,
        "subtotals": len(subtotals), "subtotals_matching": matching,
        "items_without_rate": sum(1 for r in rows if not r.file_rate),
        "backup_lines": sum(len(r.item.measurements) for r in rows),
    })
    return RabImport(package, report, src.sheet, candidates, direct, workbook_total, where,
                     explained, unexplained, rekap)


def _relocate(finding, where: str):
    from dataclasses import replace

    return replace(finding, location=where)


def _rekap_action(label: Label, settings: PackageSettings) -> str:
    if label is Label.CONTRACTOR:
        return "tidak diimpor: paket menghitung biaya langsung"
    if label is Label.PPN:
        return f"tarif PPN paket {num(settings.ppn_rate * 100)} %"
    return "dibandingkan/dilaporkan saja"


def _why(r: _Row, ours: Decimal, settings: PackageSettings) -> str:
    file_amount = r.file_amount or ZERO
    if r.file_volume is not None and r.file_rate is not None:
        product = r.file_volume * r.file_rate
        if abs(product - file_amount) > max(Decimal("0.01"), abs(file_amount) * Decimal("1E-9")):
            implied = (file_amount / r.file_volume).quantize(SEN, rounding=ROUND_HALF_UP) \
                if r.file_volume else None
            return (f"jumlah di berkas bukan volume × harga tercetak ({num(r.file_volume)} × "
                    f"{num(r.file_rate)} = {num(product)})"
                    + (f"; harga tak dibulatkan di berkas ≈ {num(implied)}" if implied else "")
                    + "; kami memakai harga tercetak")
    if abs(ours - file_amount) < 1:
        return "jumlah baris dibulatkan ke rupiah penuh (DESIGN.md §5), berkas menyimpan pecahan"
    return (f"volume dibulatkan ke {num(settings.volume_decimals)} desimal lalu jumlah ke rupiah penuh "
            "(DESIGN.md §5)")


def _section_total(priced, section: Section) -> Decimal | None:
    def walk(ps):
        if ps.section is section:
            return ps.total
        for child in ps.children:
            if hasattr(child, "section"):
                got = walk(child)
                if got is not None:
                    return got
        return None

    for ps in priced.sections:
        got = walk(ps)
        if got is not None:
            return got
    return None


def _all_sections(sections):
    for s in sections:
        yield s
        yield from _all_sections([c for c in s.children if isinstance(c, Section)])


def _percent_in(text: str) -> Decimal | None:
    """``'PPN 10.00%'`` / ``'PPN 11 %'`` → 0.1 / 0.11."""
    match = re.search(r"(\d+(?:[.,]\d+)?)\s*%", text)
    if not match:
        return None
    value = Decimal(match.group(1).replace(",", ".")) / 100
    return value if 0 < value <= 1 else None


def _rounding_rule(total: Decimal, rounded: Decimal | None) -> RoundingRule | None:
    """The rule that turns ``total`` into ``rounded``: a power of ten, down or nearest."""
    if rounded is None or rounded <= 0:
        return None
    for exp in range(12, -1, -1):
        step = Decimal(10) ** exp
        for mode in (RoundingMode.DOWN, RoundingMode.HALF_UP):
            rule = RoundingRule(step, mode)
            try:
                if rule.apply(total) == rounded:
                    return rule
            except (ArithmeticError, ValueError):
                continue
    return None
