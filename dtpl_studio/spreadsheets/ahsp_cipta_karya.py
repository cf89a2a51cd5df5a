"""Importer for the AHSP Cipta Karya 2023 block workbook (``AHSP.xlsx``).

Source: ``../shared/data/public/ahsp-cipta-karya-2023/AHSP.xlsx`` (a contractor's full AHSP
workbook per Permen PUPR 8/2023 with a regional price list; provenance in
``../shared/data/README.md``). Layout, as read from the file itself:

* ``Upah Bahan`` — the price list (*harga satuan dasar*). Header row ``NO | UPAH - MATERIAL -
  ALAT | SATUAN | HARGA SATUAN | KETERANGAN`` (row 6, columns D..H); section rows ``I. UPAH``,
  ``II. MATERIAL``, ``III SEWA PERALATAN`` decide the :class:`ResourceKind`; sub-heading rows
  (``MATERIAL KAYU DAN BAMBU``) are kept as the resource's note. The analyses price a line
  with ``VLOOKUP(name, upahbahan, 3, FALSE)`` where the defined name ``upahbahan`` is
  ``'Upah Bahan'!$E$9:$G$1217``: an exact, case-insensitive match on the name in which the
  **first** row wins. A name listed twice is therefore imported twice, the first under its
  name (what the analyses get), later ones under ``"<name> (row N)"``, each with a finding.
* ``Daftar Harga Satuan Pekerjaan`` (DHSP) — chapter rows (``A | PEKERJAAN PERSIAPAN``) and
  numbered items ``No | URAIAN | SATUAN | =VLOOKUP(C8,persiapan,7,FALSE)``. The defined name
  (``persiapan`` → ``Persiapan!$C$4:$I$403``) names the analysis sheet and the VLOOKUP finds the
  block by its title; an analysis gets code ``<chapter>.<No>`` (``A.1``; scheme
  ``ahsp-ck-2023-dhsp``) and the DHSP unit. A block no DHSP row reaches gets
  ``<sheet>#<n>`` (scheme ``ahsp-ck-2023-sheet``) and a finding.
* 24 analysis sheets (``Persiapan`` … ``Jaringan Listrik``), blocks of: title row (C =
  description, I = ``=ROUNDDOWN(H<F row>,-2)`` the cached rounded rate, K sometimes an older
  rate), header row ``No | Uraian | Sat. | Koefisien | Harga Satuan | Jumlah Harga``, groups
  ``A TENAGA KERJA`` / ``B BAHAN`` / ``C PERALATAN`` with lines (D name, E unit, F coefficient,
  G price, H amount ``=F*G``) and a ``JUMLAH HARGA …`` subtotal each, then rows D
  (``=Ha+Hb+Hc``), E (overhead: ``G = =$N$7`` or ``=$M$7``, the sheet's overhead cell, or a
  literal ``=H*10%``) and F (``=SUM(HD:HE)``).
* ``Sheet1`` is not an analysis sheet (see :data:`SHEET1_REASON`).

Rules for what the workbook's cells become (each one reported as a finding):

* coefficient (F): a number through :func:`~dtpl_studio.costing.money.from_float`; text with a
  decimal comma (``'0,1667'``) through :func:`~dtpl_studio.costing.numbers.parse_number`
  (Indonesian convention); a formula (``=61.56/1400``, ``=F43``) evaluated exactly with
  :func:`~dtpl_studio.spreadsheets.formula.evaluate_exact`;
* price (G): ``VLOOKUP(D, upahbahan, 3, FALSE)`` links the line to that resource;
  ``VLOOKUP(…)/1400`` (a bulk-density conversion, ``Pondasi!G217``) records the coefficient in
  the resource's unit (``499 kg / 1400`` m3) so the resource still prices it; a typed number
  pins the price on the line (``price_override``); a link to an external workbook
  (``Sanitair!G199``) or an array formula pins its cached value, or links the resource of the
  same name when its price is the same (``Pondasi!G262``); a name not in ``Upah Bahan`` is a
  missing price: that analysis is left out (error finding); a lookup whose key is not the
  line's own name cell ``D<row>`` (``Persiapan!G388 =VLOOKUP(D356,…)`` on the ``Waterpass``
  line, D356 = ``Pekerja``) prices the line by its own name (warning ``lookup-wrong-row``;
  the rate differs from the cache with reason ``lookup-wrong-row``), unless that name is not
  in ``Upah Bahan``, when Excel's lookup is kept (also said in the finding);
* amount (H): ``=F*G`` is the normal line; ``=F14*H13`` / ``=H13*6%`` (a share of another
  line, ``Perpipaan Gedung``, ``Sanitair!H14``) becomes that share of the other line's
  coefficient, priced like it, so the amount Excel computes is kept; a share of the material
  subtotal in group C becomes a ``PCT_OF_MATERIAL`` line;
* totals: subtotals, D and F are checked against the lines (``Kaca!H124`` adds a line instead
  of the labour subtotal); the analysis is always A + B + C, E = rate × D;
* units through :func:`~dtpl_studio.costing.units.normalize_unit`; a line whose unit does not
  convert 1:1 to its resource's unit is recorded in the resource's unit (Excel multiplies
  without converting); unknown spellings are kept as written;
* names: analysis titles have white space folded (``m\n2\n`` → ``m2``); resource names are
  matched exactly as VLOOKUP does (case-insensitive, first row wins), trimmed only with a finding.

A workbook whose formulas have no cached values (re-saved by openpyxl or a script) cannot be
read: names and prices that are formulas show nothing and there is no rate to compare with; the
import then has an error finding ``no-cached-values`` and its report is not
:attr:`~dtpl_studio.spreadsheets.report.ImportReport.usable` (summary ``NOT USABLE: …``).

Every value not taken as-is becomes a finding (``dtpl_studio.costing.findings``) located as
``AHSP.xlsx | Sheet!Cell``. After import, every analysis is priced with
:meth:`PriceBook.compute` and compared with the workbook's cached rounded rate; each
difference is diagnosed by re-running the block's formulas the way Excel does
(:class:`~dtpl_studio.spreadsheets.formula.ExcelEmulator`), see :func:`_compare_rates`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, DecimalException
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT, RoundingMode, RoundingRule, format_plain
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    PriceBookError,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.units import (
    UnitMismatchError,
    UnknownUnitError,
    conversion_factor,
    normalize_unit,
)
from dtpl_studio.spreadsheets.cells import (
    CellNumberError,
    CellReader,
    Quantity,
    canonical,
    check_number,
    shown,
)
from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    ExcelEmulator,
    FormulaError,
    Name,
    Node,
    Num,
    Ref,
    Text,
    XlError,
    cached_as_value,
    evaluate_exact,
    excel_value,
    parse_formula,
    to_decimal,
    walk,
    wildcard_regex,
)
from dtpl_studio.spreadsheets.report import ImportReport, RateComparison, WorkbookImportError
from dtpl_studio.spreadsheets.xlsx import LoadedWorkbook, WorkbookReadError, load_xlsx

IMPORTER = "dtpl_studio.spreadsheets.ahsp_cipta_karya"
IMPORTER_VERSION = "1.2"  # 1.2: shared range-checked cell reader (cells.py)
CODE_SCHEME = "ahsp-ck-2023-dhsp"
FALLBACK_CODE_SCHEME = "ahsp-ck-2023-sheet"

#: Why ``Sheet1`` is skipped (checked, not assumed: :func:`_describe_skipped_sheet` adds counts).
SHEET1_REASON = (
    "not an analysis sheet: it is a 'DAFTAR HARGA SATUAN PEKERJAAN' of another project "
    "(chapters 'A. PEKERJAAN PERSIAPAN', 'II. PEKERJAAN TANAH' …, columns SAT UPAH / SAT MATRIAL "
    "/ MATRIAL & UPAH) whose prices are links into an external workbook ('Analisis Pekerjaan SNI'); "
    "it has no analysis blocks (no coefficient lines) and the DHSP does not refer to it"
)

_GROUPS = {
    "tenaga kerja": ResourceKind.LABOUR,
    "tenaga": ResourceKind.LABOUR,
    "upah": ResourceKind.LABOUR,
    "bahan": ResourceKind.MATERIAL,
    "material": ResourceKind.MATERIAL,
    "peralatan": ResourceKind.EQUIPMENT,
    "alat": ResourceKind.EQUIPMENT,
}
_SECTION_KINDS = (
    ("upah", ResourceKind.LABOUR),
    ("tenaga", ResourceKind.LABOUR),
    ("peralatan", ResourceKind.EQUIPMENT),
    ("alat", ResourceKind.EQUIPMENT),
    ("material", ResourceKind.MATERIAL),
    ("bahan", ResourceKind.MATERIAL),
)
_ROMAN = re.compile(r"^(?=[IVXL])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")
_TITLE_UNIT = re.compile(
    r"\b1\s*(m[’'`]|m2|m3|m²|m³|buah|bh|unit|titik|set|kg|ls|btg|batang|tgl|tunggul|ha|m)(?=[\s,.)]|$)",
    re.IGNORECASE,
)
_LEGAL = re.compile(r"Permen\s*PUPR\s*No\.?\s*(\d+)\s*Tahun\s*(\d{4})", re.IGNORECASE)

COL_C, COL_D, COL_E, COL_F, COL_G, COL_H, COL_I, COL_K = 3, 4, 5, 6, 7, 8, 9, 11


_clean_decimal = canonical


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return shown(value)
    return str(value).strip()


def _cell(col: int, row: int) -> str:
    return f"{get_column_letter(col)}{row}"


# --------------------------------------------------------------------------------------
# parsed structures
# --------------------------------------------------------------------------------------


@dataclass
class _DhspItem:
    row: int
    chapter: str
    number: int
    name: str
    unit_raw: str
    sheet: str
    rect: tuple[str, int, int, int, int] | None
    cached: Any
    key: str = ""  # the lookup text exactly as in the cell (VLOOKUP does not trim)

    @property
    def code(self) -> str:
        return f"{self.chapter}.{self.number}"


@dataclass
class _Line:
    row: int
    group: ResourceKind
    name: str
    lines: list[AnalysisLine] = field(default_factory=list)
    derived_from: int | None = None  # row whose amount this line multiplies
    factor: Decimal | None = None  # F of a derived line
    missing: bool = False


@dataclass
class _Block:
    sheet: str
    index: int  # 1-based position in the sheet
    title_row: int
    header_row: int
    raw_title: str
    name: str = ""
    end_row: int = 0
    f_row: int | None = None
    d_row: int | None = None
    e_row: int | None = None
    subtotals: dict[ResourceKind, int] = field(default_factory=dict)
    group_rows: dict[ResourceKind, int] = field(default_factory=dict)
    lines: list[_Line] = field(default_factory=list)
    overhead: Decimal | None = None
    rate_digits: int | None = None
    rate_target_row: int | None = None
    code: str = ""
    code_scheme: str = ""
    unit: str = ""
    note: str = ""
    error: str = ""  # why the analysis is not imported
    formula_defects: list[str] = field(default_factory=list)  # totals that do not add up the block
    lookup_defects: list[str] = field(default_factory=list)  # price lookups of another row's name


class _Importer:
    def __init__(self, wb: LoadedWorkbook, report: ImportReport):
        self.wb = wb
        self.grid = wb.grid
        self.report = report
        self.file = wb.path.name
        self.resources: dict[str, Resource] = {}
        self.lookup: dict[str, str] = {}  # casefold exact name → key of the FIRST row (VLOOKUP)
        self.lookup_trimmed: dict[str, str] = {}  # the same, names trimmed (fallback, reported)
        self.resource_rows: dict[str, int] = {}
        self.lookup_rect: tuple[str, int, int, int, int] | None = None
        self.dhsp_sheet: str | None = None
        self.dhsp_items: list[_DhspItem] = []
        self.blocks: list[_Block] = []
        self.analysis_sheets: list[str] = []
        self.meta = PriceBookMeta()
        self.lookup_cache: dict = {}  # VLOOKUP indexes shared by the emulators of compare_rates
        self.cells = CellReader(self.grid, report)
        self.refused: dict[str, str] = {}  # casefold name → price cell refused (Sheet!G9)
        self._title_index: dict[tuple, list[tuple[int, str]]] = {}  # VLOOKUP ranges of the DHSP
        self._title_first: dict[tuple, dict[str, int]] = {}

    # -- helpers -------------------------------------------------------------------------
    def raw(self, sheet: str, row: int, col: int) -> Any:
        return self.grid.raw_value(sheet, row, col)

    def cached(self, sheet: str, row: int, col: int) -> Any:
        return self.grid.cached_value(sheet, row, col)

    def shown(self, sheet: str, row: int, col: int) -> str:
        """The text a cell shows: its cached value for a formula, else its content."""
        raw = self.raw(sheet, row, col)
        if isinstance(raw, str) and raw.startswith("="):
            return _text(self.cached(sheet, row, col))
        if raw is not None and not isinstance(raw, str | int | float):
            return _text(self.cached(sheet, row, col))
        return _text(raw)

    def exact_text(self, sheet: str, row: int, col: int) -> str:
        """A cell's text exactly as Excel compares it (no trimming); numbers as shown."""
        raw = self.raw(sheet, row, col)
        if isinstance(raw, str) and not raw.startswith("="):
            return raw
        value = (
            self.cached(sheet, row, col)
            if isinstance(raw, str) or raw is not None and not isinstance(raw, int | float)
            else raw
        )
        return value if isinstance(value, str) else _text(value)

    def add(
        self,
        severity: Severity,
        code: str,
        message: str,
        sheet: str = "",
        cell: str = "",
        raw: Any = "",
        action: str = "",
    ) -> None:
        self.report.add(severity, code, message, sheet=sheet, cell=cell, raw=raw, action=action)

    def unit(self, raw: Any, sheet: str, cell: str, what: str) -> str:
        """Canonical unit; unknown spellings are kept as written, with a finding."""
        text = "" if raw is None else str(raw)
        if not text.strip():
            return ""
        try:
            return normalize_unit(text)
        except UnknownUnitError:
            self.add(
                Severity.WARNING,
                "unknown-unit",
                f"unknown unit spelling for {what}",
                sheet,
                cell,
                text,
                f"kept as written ({text.strip()!r}); add an alias in dtpl_studio/costing/units.py",
            )
            return text.strip()

    def resolver(self, sheet: str, notes: list[str]):
        """Cell resolver for :func:`evaluate_exact` (the shared :class:`CellReader`'s)."""
        return self.cells.resolver(sheet, notes)

    def evaluate(self, sheet: str, node: Node, notes: list[str]) -> Decimal:
        """Evaluate a parsed formula exactly; every failure (including arithmetic outside the
        Decimal context) is a :class:`FormulaError`."""
        try:
            return evaluate_exact(node, self.resolver(sheet, notes))
        except FormulaError:
            raise
        except (DecimalException, ArithmeticError, ValueError) as exc:
            raise FormulaError(f"arithmetic outside the Decimal context ({exc!r})") from exc

    # -- workbook ------------------------------------------------------------------------
    def run(self) -> PriceBook:
        self.find_sheets()
        self.check_cached_values()
        self.read_meta()
        self.read_resources()
        self.read_dhsp()
        for sheet in self.analysis_sheets:
            self.read_blocks(sheet)
        self.assign_codes()
        return self.build_book()

    def find_sheets(self) -> None:
        names = self.wb.sheet_names
        rect = self.grid.names.get("upahbahan")
        if rect is None:
            price_sheet = next((s for s in names if s.strip().lower() == "upah bahan"), None)
            if price_sheet is None:
                raise WorkbookImportError(
                    f"{self.file}: no price list (neither the defined name 'upahbahan' nor a sheet "
                    "'Upah Bahan'); is this the AHSP Cipta Karya workbook?",
                    self.report,
                )
            self.add(
                Severity.WARNING,
                "layout",
                "defined name 'upahbahan' missing; using columns E:G of the sheet",
                price_sheet,
                action="lookup range taken as E9:G<last row>",
            )
            rect = (price_sheet, COL_E, 9, COL_G, self.wb.max_rows.get(price_sheet, 9))
        self.lookup_rect = rect
        for sheet in names:
            rows = self.grid.raw[sheet]
            if sheet == rect[0]:
                continue
            if any(
                str(v).strip().upper().startswith("DAFTAR HARGA SATUAN PEKERJAAN")
                for (r, c), v in rows.items()
                if r <= 3 and isinstance(v, str)
            ) and any(
                isinstance(v, str) and v.upper().startswith("=VLOOKUP(")
                for (r, c), v in rows.items()
            ):
                if self.dhsp_sheet is None:
                    self.dhsp_sheet = sheet
                    continue
            if self._has_blocks(sheet):
                self.analysis_sheets.append(sheet)
            else:
                self._describe_skipped_sheet(sheet)
        if not self.analysis_sheets:
            raise WorkbookImportError(f"{self.file}: no analysis sheets found", self.report)
        if self.dhsp_sheet is None:
            self.add(
                Severity.WARNING,
                "layout",
                "no 'Daftar Harga Satuan Pekerjaan' sheet: analyses get sheet-based codes",
            )
        for sheet, state in self.wb.sheet_states.items():
            if state != "visible":
                self.add(
                    Severity.INFO,
                    "hidden-sheet",
                    f"sheet is {state}",
                    sheet,
                    action="read like the others",
                )

    def check_cached_values(self) -> None:
        """Excel stores each formula's last value next to it; a file saved by a program that
        does not calculate (openpyxl, most scripts) has none. Without them the names and prices
        that are formulas cannot be read and there is no workbook rate to compare with, so a
        workbook where at least half the formulas of the sheets read have no cached value is an
        error (the import is not usable); a few missing ones are a warning."""
        sheets = [
            s for s in (self.lookup_rect[0] if self.lookup_rect else None, self.dhsp_sheet) if s
        ]
        sheets += self.analysis_sheets
        total = 0
        missing: list[str] = []
        for sheet in sheets:
            for (row, col), raw in sorted(self.grid.raw[sheet].items()):
                is_formula = (isinstance(raw, str) and raw.startswith("=")) or (
                    raw is not None and not isinstance(raw, str | int | float | bool)
                )
                if not is_formula:
                    continue
                total += 1
                if self.cached(sheet, row, col) is None:
                    missing.append(f"{sheet}!{_cell(col, row)}")
        if not missing:
            return
        self.report.counts["formulas_without_cached_value"] = len(missing)
        first = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        if 2 * len(missing) >= total:
            self.add(
                Severity.ERROR,
                "no-cached-values",
                f"{len(missing)} of {total} formula cells have no cached value (first: {first}): "
                "the file was saved by a program that does not calculate (e.g. openpyxl), so names "
                "and prices that are formulas cannot be read and there are no workbook rates to "
                "compare with",
                action="import NOT USABLE; open the workbook in Excel or LibreOffice Calc, "
                "recalculate, save, and import again",
            )
        else:
            self.add(
                Severity.WARNING,
                "no-cached-values",
                f"{len(missing)} of {total} formula cells have no cached value (first: {first})",
                action="those cells read as empty; recalculate and save the workbook in Excel",
            )

    def _has_blocks(self, sheet: str) -> bool:
        for (row, col), value in self.grid.raw[sheet].items():
            if col == COL_C and isinstance(value, str) and value.strip().lower() == "no":
                if _text(self.raw(sheet, row, COL_D)).lower().startswith("uraian"):
                    return True
        return False

    def _describe_skipped_sheet(self, sheet: str) -> None:
        rows = self.grid.raw[sheet]
        external = sum(
            1
            for v in rows.values()
            if isinstance(v, str) and v.startswith("=") and re.search(r"\[\d+\]", v)
        )
        links = sorted(
            {
                int(m)
                for v in rows.values()
                if isinstance(v, str)
                for m in re.findall(r"\[(\d+)\]", v)
            }
        )
        targets = ", ".join(f"[{i}] {self.wb.external_links.get(i, '?')}" for i in links)
        looks_like_list = any(
            isinstance(v, str) and v.strip().upper().startswith("DAFTAR HARGA SATUAN PEKERJAAN")
            for (r, c), v in rows.items()
            if r <= 3
        )
        reason = (
            SHEET1_REASON
            if looks_like_list
            else "not an analysis sheet: no 'No | Uraian' block header"
        )
        detail = (
            f"{reason}; {len(rows)} filled cells, {external} formulas link to external workbooks"
        )
        if targets:
            detail += f" ({targets})"
        self.add(Severity.INFO, "sheet-skipped", detail, sheet, action="sheet not imported")
        self.report.notes.append(f"Sheet {sheet!r} skipped — {detail}.")

    def read_meta(self) -> None:
        meta = self.meta
        meta.kind = BookKind.AHSP_HSD
        meta.source_file = self.file
        meta.source_sha256 = self.wb.sha256
        meta.rate_rounding = RoundingRule(Decimal(100), RoundingMode.DOWN)
        heading: list[str] = []
        if self.dhsp_sheet:
            for (r, _c), v in sorted(self.grid.raw[self.dhsp_sheet].items()):
                if r <= 5 and isinstance(v, str):
                    heading.append(" ".join(v.split()))
        text = " | ".join(heading)
        legal = _LEGAL.search(text)
        if legal:
            meta.legal_ref = f"Permen PUPR No. {legal.group(1)} Tahun {legal.group(2)}"
            meta.year = int(legal.group(2))
        else:
            self.add(
                Severity.WARNING,
                "meta",
                "no 'Permen PUPR No.x Tahun yyyy' in the DHSP heading",
                self.dhsp_sheet or "",
            )
        bidang = next((h for h in heading if h.upper().startswith("BIDANG")), "")
        bidang = bidang.title() if bidang else ""
        # title, edition and note are printed in the Indonesian documents (DTPL price list)
        subject = f"AHSP {bidang}" if bidang else "AHSP"
        law = f" (Permen PUPR No. {legal.group(1)}/{legal.group(2)})" if legal else ""
        meta.title = f"{subject}{law} — DHSP dan daftar harga upah/bahan/alat"
        meta.edition = f"{self.file} (sha256 {self.wb.sha256[:12]})"
        meta.region = ""
        meta.province = ""
        price_sheet = self.lookup_rect[0] if self.lookup_rect else "Upah Bahan"
        year = (
            f"Tahun {meta.year} adalah tahun {meta.legal_ref}"
            f"{' (' + bidang + ')' if bidang else ''}; daftar harga tidak bertanggal."
            if legal
            else "Tahun tidak diketahui: workbook tidak menyebut Permen PUPR; daftar harga "
            "tidak bertanggal."
        )
        meta.note = (
            f"Wilayah tidak diketahui: {self.file} tidak menyebut kabupaten/kota atau provinsi "
            f"untuk daftar harganya (sheet {price_sheet}). {year} Harga satuan pekerjaan "
            "dibulatkan ke bawah ke kelipatan Rp 100 seperti ROUNDDOWN(F,-2) pada workbook."
        )
        self.add(
            Severity.WARNING,
            "meta",
            "region of the price list is not stated in the workbook",
            self.dhsp_sheet or "",
            "B2:B4",
            text,
            "book region left empty ('unknown')",
        )

    # -- Upah Bahan ----------------------------------------------------------------------
    def read_resources(self) -> None:
        sheet, c1, r1, c2, r2 = self.lookup_rect  # type: ignore[misc]
        name_col, unit_col, price_col = c1, c1 + 1, c1 + 2
        if c2 - c1 < 2:
            raise WorkbookImportError(
                f"{self.file}: lookup range 'upahbahan' has fewer than 3 columns", self.report
            )
        no_col, note_col = c1 - 1, c1 + 3
        hidden = self.grid.hidden_rows.get(sheet, set())
        # the section in force at the top of the range: scan upwards
        kind: ResourceKind | None = None
        category = ""
        for row in range(1, r1):
            kind, category = self._section(sheet, row, no_col, name_col, kind, category)
        duplicates = 0
        for row in range(r1, r2 + 1):
            raw_name = self.raw(sheet, row, name_col)
            unit_raw = self.raw(sheet, row, unit_col)
            price_raw = self.raw(sheet, row, price_col)
            if raw_name is None and unit_raw is None and price_raw is None:
                continue
            new_kind, new_category = self._section(sheet, row, no_col, name_col, kind, category)
            if (new_kind, new_category) != (kind, category):
                kind, category = new_kind, new_category
                continue
            cell = _cell(name_col, row)
            if (
                isinstance(raw_name, str)
                and raw_name.startswith("=")
                or (raw_name is not None and not isinstance(raw_name, str | int | float))
            ):
                formula = getattr(raw_name, "text", raw_name)
                cached = self.cached(sheet, row, name_col)
                name = str(formula).lstrip("=").strip()
                self.add(
                    Severity.WARNING,
                    "name-formula",
                    f"resource name is a formula; Excel shows {cached!r}, so VLOOKUP cannot find this row",
                    sheet,
                    cell,
                    formula,
                    f"name taken from the formula text: {name!r}",
                )
                exact = None  # Excel shows an error: VLOOKUP never matches this row
            else:
                name = _text(raw_name)
                exact = raw_name if isinstance(raw_name, str) else name
                if isinstance(raw_name, str) and name != raw_name:
                    self.add(
                        Severity.INFO,
                        "text-cleaned",
                        "spaces around a resource name",
                        sheet,
                        cell,
                        raw_name,
                        f"name {name!r}; VLOOKUP still needs the exact text",
                    )
            if not name:
                self.add(
                    Severity.WARNING,
                    "resource-no-name",
                    "price row without a name",
                    sheet,
                    cell,
                    price_raw,
                    "row skipped",
                )
                continue
            if price_raw is None and unit_raw is None:
                self.add(
                    Severity.INFO,
                    "subheading",
                    "row with a name but no unit and no price",
                    sheet,
                    cell,
                    name,
                    "read as a sub-heading, not a resource",
                )
                continue
            if kind is None:
                self.add(
                    Severity.WARNING,
                    "resource-kind",
                    "resource above any section row (I. UPAH / II. MATERIAL / III. ALAT)",
                    sheet,
                    cell,
                    name,
                    "taken as material",
                )
                kind = ResourceKind.MATERIAL
            price = self._price(sheet, row, price_col, name)
            if price is None:
                continue
            unit = self.unit(unit_raw, sheet, _cell(unit_col, row), f"resource {name!r}")
            if not unit:
                self.add(
                    Severity.WARNING,
                    "resource-no-unit",
                    f"resource {name!r} has no unit",
                    sheet,
                    _cell(unit_col, row),
                    "",
                    "imported without a unit",
                )
            if row in hidden:
                self.add(
                    Severity.INFO,
                    "hidden-row",
                    "row is hidden in the workbook",
                    sheet,
                    cell,
                    name,
                    "imported (VLOOKUP sees hidden rows)",
                )
            key = name
            folded = name.casefold()
            if folded in self.lookup_trimmed or key in self.resources:
                first_key = self.lookup_trimmed.get(folded, key)
                first = self.resources[first_key]
                key = f"{name} (row {row})"
                duplicates += 1
                self.add(
                    Severity.WARNING,
                    "duplicate-name",
                    f"name listed again (first at row {self.resource_rows[first_key]}: "
                    f"{format_plain(first.price)} per {first.unit or '-'}); VLOOKUP in the analyses "
                    f"always finds the first row",
                    sheet,
                    cell,
                    f"{name} | {_text(unit_raw)} | {_text(price_raw)}",
                    f"kept under key {key!r}; the analyses use the first",
                )
            note_parts = [p for p in (category, _text(self.raw(sheet, row, note_col))) if p]
            resource = Resource(
                key=key,
                name=name,
                kind=kind,
                unit=unit,
                price=price,
                source_ref=f"{self.file} | {sheet}!{_cell(price_col, row)}",
                raw_unit=_text(unit_raw),
                note="; ".join(note_parts),
            )
            self.resources[key] = resource
            self.resource_rows[key] = row
            if exact is not None:
                self.lookup.setdefault(exact.casefold(), key)
            self.lookup_trimmed.setdefault(folded, key)
        self.report.counts["resources"] = len(self.resources)
        self.report.counts["resource_duplicate_names"] = duplicates

    def _section(self, sheet: str, row: int, no_col: int, name_col: int, kind, category):
        no = _text(self.raw(sheet, row, no_col))
        original = _text(self.raw(sheet, row, name_col))
        name = original.lower()
        has_price = (
            self.raw(sheet, row, name_col + 2) is not None
            or self.raw(sheet, row, name_col + 1) is not None
        )
        if has_price or not name:
            return kind, category
        if _ROMAN.match(no.upper()):
            for word, k in _SECTION_KINDS:
                if word in name:
                    return k, ""
            return kind, ""
        if not no and original.upper() == original and any(w in name for w, _ in _SECTION_KINDS):
            return kind, " ".join(original.split())
        return kind, category

    def _price(self, sheet: str, row: int, col: int, name: str) -> Decimal | None:
        """The price of a resource row through the shared :class:`CellReader`; None (with a
        finding) when the row has no price or the cell is refused (an ERROR: a text that is
        not a number, an Excel error, a negative or absurd value)."""
        cell = _cell(col, row)
        reading = self.cells.read(
            sheet,
            row,
            col,
            Quantity.PRICE,
            action="resource not imported; import NOT USABLE",
            code="resource-price",
            subject=f"harga {name!r}",
        )
        if reading is None:
            self.refused.setdefault(name.casefold(), f"{sheet}!{cell}")
            return None
        raw = reading.raw
        if reading.value is None:
            self.add(
                Severity.WARNING,
                "resource-no-price",
                f"resource {name!r} has no price",
                sheet,
                cell,
                "",
                "resource not imported",
            )
            return None
        value = reading.value
        if reading.source == "cached":
            self.add(
                Severity.WARNING,
                "resource-price",
                f"price formula cannot be evaluated ({reading.why_cached})",
                sheet,
                cell,
                shown(raw),
                f"cached value {format_plain(value)} taken",
            )
        elif reading.source == "formula":
            self.add(
                Severity.INFO,
                "formula-evaluated",
                "price is a formula",
                sheet,
                cell,
                raw,
                f"evaluated exactly: {format_plain(value)}",
            )
        elif reading.source == "text":
            self.add(
                Severity.WARNING,
                "text-number",
                "price stored as text",
                sheet,
                cell,
                raw,
                f"read as {format_plain(value)}",
            )
        if value == 0:
            self.add(
                Severity.WARNING,
                "resource-price",
                f"price of {name!r} is 0",
                sheet,
                cell,
                shown(raw),
                "imported as written",
            )
        return value

    # -- DHSP ----------------------------------------------------------------------------
    def read_dhsp(self) -> None:
        sheet = self.dhsp_sheet
        if sheet is None:
            return
        rows = self.grid.raw[sheet]
        header = next(
            (
                r
                for (r, c), v in sorted(rows.items())
                if isinstance(v, str) and v.strip().upper().startswith("URAIAN")
            ),
            None,
        )
        if header is None:
            self.add(
                Severity.WARNING,
                "layout",
                "DHSP header row (URAIAN PEKERJAAN) not found",
                sheet,
                action="analyses get sheet-based codes",
            )
            return
        cols = {
            str(v).strip().upper(): c
            for (r, c), v in rows.items()
            if r == header and isinstance(v, str)
        }
        col_name = next((c for k, c in cols.items() if k.startswith("URAIAN")), 3)
        col_no = cols.get("NO", col_name - 1)
        col_unit = cols.get("SATUAN", col_name + 1)
        col_price = next((c for k, c in cols.items() if k.startswith("HARGA")), col_name + 2)
        chapter = ""
        last_row = max(r for r, c in rows)
        for row in range(header + 1, last_row + 1):
            no = _text(self.raw(sheet, row, col_no))
            name_raw = self.raw(sheet, row, col_name)
            price_raw = self.raw(sheet, row, col_price)
            if not no and name_raw is None:
                continue
            if re.fullmatch(r"[A-Z]{1,2}", no) and price_raw is None:
                chapter = no
                continue
            if not re.fullmatch(r"\d+", no):
                if price_raw is not None or name_raw is not None:
                    self.add(
                        Severity.WARNING,
                        "dhsp-row",
                        "DHSP row without a chapter number",
                        sheet,
                        _cell(col_no, row),
                        no,
                        "row ignored",
                    )
                continue
            number = int(no)
            if isinstance(self.raw(sheet, row, col_no), str):
                self.add(
                    Severity.INFO,
                    "text-number",
                    "DHSP number stored as text",
                    sheet,
                    _cell(col_no, row),
                    no,
                    f"read as {number}",
                )
            if not chapter:
                self.add(
                    Severity.WARNING,
                    "dhsp-row",
                    "DHSP item before any chapter letter",
                    sheet,
                    _cell(col_no, row),
                    no,
                    "chapter '?' used",
                )
            name = self.shown(sheet, row, col_name)
            key_text = self.exact_text(sheet, row, col_name)
            rect = None
            target_sheet = ""
            if isinstance(price_raw, str) and price_raw.startswith("="):
                try:
                    node = parse_formula(price_raw)
                except FormulaError:
                    node = None
                if isinstance(node, Call) and node.name == "VLOOKUP" and len(node.args) >= 2:
                    table = node.args[1]
                    if isinstance(table, Name):
                        rect = self.grid.names.get(table.name.lower())
                    elif isinstance(table, Ref) and table.is_range and table.external is None:
                        rect = (table.sheet or sheet, table.col, table.row, table.col2, table.row2)
                    key_node = node.args[0]
                    if isinstance(key_node, Ref) and not key_node.is_range:
                        name = self.shown(key_node.sheet or sheet, key_node.row, key_node.col)
                        key_text = self.exact_text(
                            key_node.sheet or sheet, key_node.row, key_node.col
                        )
            if rect is not None:
                target_sheet = rect[0]
            else:
                self.add(
                    Severity.WARNING,
                    "dhsp-row",
                    "DHSP price is not a VLOOKUP into an analysis sheet",
                    sheet,
                    _cell(col_price, row),
                    price_raw,
                    "item cannot be tied to a block",
                )
            self.dhsp_items.append(
                _DhspItem(
                    row,
                    chapter or "?",
                    number,
                    name,
                    _text(self.raw(sheet, row, col_unit)),
                    target_sheet,
                    rect,
                    self.cached(sheet, row, col_price),
                    key_text,
                )
            )
        self.report.counts["dhsp_items"] = len(self.dhsp_items)

    # -- analysis blocks -----------------------------------------------------------------
    def read_blocks(self, sheet: str) -> None:
        rows = self.grid.raw[sheet]
        headers = sorted(
            r
            for (r, c), v in rows.items()
            if c == COL_C
            and isinstance(v, str)
            and v.strip().lower() == "no"
            and _text(self.raw(sheet, r, COL_D)).lower().startswith("uraian")
        )
        last_row = max((r for r, c in rows), default=0)
        blocks: list[_Block] = []
        for i, header in enumerate(headers):
            title_row = next(
                (
                    r
                    for r in range(header - 1, max(header - 4, 0), -1)
                    if self.shown(sheet, r, COL_C)
                ),
                header - 1,
            )
            raw_title = self.exact_text(sheet, title_row, COL_C)
            end = (headers[i + 1] - 1) if i + 1 < len(headers) else last_row
            block = _Block(sheet, i + 1, title_row, header, raw_title, end_row=end)
            blocks.append(block)
        for i, block in enumerate(blocks):
            if i + 1 < len(blocks):
                block.end_row = blocks[i + 1].title_row - 1
            self.read_block(block)
        self.blocks.extend(blocks)

    def read_block(self, block: _Block) -> None:
        sheet = block.sheet
        block.name = self.clean_title(block.raw_title, sheet, _cell(COL_C, block.title_row))
        if not block.name:
            self.add(
                Severity.WARNING,
                "block-title",
                "analysis block without a title",
                sheet,
                _cell(COL_C, block.title_row),
                "",
                "named after its position",
            )
            block.name = f"{sheet} block {block.index}"
        self.read_rate_cell(block)
        group: ResourceKind | None = None
        for row in range(block.header_row + 1, block.end_row + 1):
            c = self.shown(sheet, row, COL_C)
            d = self.shown(sheet, row, COL_D)
            c_up, d_low = c.upper(), d.lower()
            if block.f_row is not None:
                if any(self.raw(sheet, row, col) is not None for col in range(COL_C, COL_I + 1)):
                    self.add(
                        Severity.INFO,
                        "note-row",
                        "text below the F row of the block",
                        sheet,
                        _cell(COL_C, row),
                        c or d,
                        "not part of the analysis",
                    )
                continue
            if c_up in ("A", "B", "C") and d_low in _GROUPS:
                group = _GROUPS[d_low]
                block.group_rows[group] = row
                self._stray(block, row, (COL_F, COL_G, COL_H))
                continue
            if c_up.startswith("JUMLAH"):
                target = group
                for word, k in _GROUPS.items():
                    if word in c.lower():
                        target = k
                        break
                if target is None:
                    self.add(
                        Severity.WARNING,
                        "block-structure",
                        "subtotal row before any group",
                        sheet,
                        _cell(COL_C, row),
                        c,
                        "ignored",
                    )
                    continue
                block.subtotals[target] = row
                self._stray(block, row, (COL_F, COL_G))
                continue
            if c_up == "D" and d_low.startswith("jumlah"):
                block.d_row = row
                continue
            if c_up == "E" and (
                "biaya umum" in d_low or "overhead" in d_low or "keuntungan" in d_low
            ):
                block.e_row = row
                continue
            if c_up == "F" and d_low.startswith("harga satuan"):
                block.f_row = row
                continue
            if not d and all(
                self.raw(sheet, row, col) is None for col in (COL_E, COL_F, COL_G, COL_H)
            ):
                if c:
                    self.add(
                        Severity.INFO,
                        "note-row",
                        "text row inside the block",
                        sheet,
                        _cell(COL_C, row),
                        c,
                        "ignored",
                    )
                continue
            if group is None:
                self.add(
                    Severity.WARNING,
                    "block-structure",
                    "row before the A/B/C groups",
                    sheet,
                    _cell(COL_D, row),
                    d or c,
                    "ignored",
                )
                continue
            if (
                self.raw(sheet, row, COL_H) is None
                and self.raw(sheet, row, COL_F) is None
                and self.raw(sheet, row, COL_G) is None
            ):
                self.add(
                    Severity.INFO,
                    "note-row",
                    "text row inside a group (no coefficient, price or amount)",
                    sheet,
                    _cell(COL_D, row),
                    d,
                    "ignored",
                )
                continue
            block.lines.append(self.read_line(block, row, group))
        for name, row in (("D", block.d_row), ("E", block.e_row), ("F", block.f_row)):
            if row is None:
                block.error = (
                    block.error or f"row {name} (Jumlah / Biaya Umum / Harga Satuan) not found"
                )
                self.add(
                    Severity.ERROR,
                    "block-structure",
                    f"block has no {name} row",
                    sheet,
                    _cell(COL_C, block.title_row),
                    block.name,
                    "analysis not imported",
                )
        self.resolve_derived(block)
        self.check_sums(block)
        self.read_overhead(block)

    def _stray(self, block: _Block, row: int, cols: Iterable[int]) -> None:
        for col in cols:
            raw = self.raw(block.sheet, row, col)
            if raw is not None:
                self.add(
                    Severity.INFO,
                    "stray-cell",
                    "value on a heading/subtotal row",
                    block.sheet,
                    _cell(col, row),
                    getattr(raw, "text", raw),
                    f"ignored (Excel shows {self.cached(block.sheet, row, col)!r}; it is not summed)",
                )

    def clean_title(self, raw: str, sheet: str, cell: str) -> str:
        """Analysis names: superscripts lost as line breaks (``m\\n2\\n`` → ``m2``), then runs of
        white space folded to one space and the ends trimmed."""
        text = re.sub(r"\bm\s*\n\s*([23])\s*\n", r"m\1 ", raw)
        text = " ".join(text.split())
        if text != raw:
            inner = " ".join(raw.split()) != raw.strip() or text != " ".join(raw.split())
            self.add(
                Severity.INFO,
                "text-cleaned",
                "line breaks or extra spaces in a description"
                if inner
                else "spaces or a line break at the end of a description",
                sheet,
                cell,
                raw,
                f"read as {text!r}",
            )
        return text

    def read_rate_cell(self, block: _Block) -> None:
        sheet, row = block.sheet, block.title_row
        raw = self.raw(sheet, row, COL_I)
        cell = _cell(COL_I, row)
        k = self.raw(sheet, row, COL_K)
        if isinstance(k, int | float) and not isinstance(k, bool):
            try:
                older = check_number(self.cells.literal(k), Quantity.PRICE)
            except CellNumberError as exc:
                self.add(
                    Severity.WARNING,
                    "older-rate",
                    f"older rate right of the title cannot be read ({exc})",
                    sheet,
                    _cell(COL_K, row),
                    shown(k),
                    "not noted on the analysis",
                )
            else:
                block.note = f"older rate in {sheet}!{_cell(COL_K, row)}: {format_plain(older)}"
        if not (isinstance(raw, str) and raw.startswith("=")):
            self.add(
                Severity.WARNING,
                "rate-cell",
                "no ROUNDDOWN formula right of the title",
                sheet,
                cell,
                raw,
                "no cached rate to compare",
            )
            return
        try:
            node = parse_formula(raw)
        except FormulaError:
            node = None
        if (
            isinstance(node, Call)
            and node.name == "ROUNDDOWN"
            and len(node.args) == 2
            and isinstance(node.args[0], Ref)
        ):
            block.rate_target_row = node.args[0].row
            digits = node.args[1]
            try:
                block.rate_digits = int(self.evaluate(sheet, digits, []))
            except FormulaError:
                block.rate_digits = None
            if block.rate_digits is not None and abs(block.rate_digits) > 15:
                block.rate_digits = None  # Excel rounds to at most 15 digits either way
            if block.rate_digits != -2:
                self.add(
                    Severity.WARNING,
                    "rate-rounding",
                    "this block rounds its rate differently from the rest of the workbook (ROUNDDOWN(F,-2))",
                    sheet,
                    cell,
                    raw,
                    "this analysis keeps the workbook's own rule (its rate_rounding)",
                )
        else:
            self.add(
                Severity.WARNING,
                "rate-cell",
                "rate cell is not ROUNDDOWN(H,n)",
                sheet,
                cell,
                raw,
                "compared as written",
            )

    # -- lines ---------------------------------------------------------------------------
    def read_line(self, block: _Block, row: int, group: ResourceKind) -> _Line:
        sheet = block.sheet
        name = self.shown(sheet, row, COL_D)
        line = _Line(row, group, name)
        notes: list[str] = []
        coefficient = self.coefficient(sheet, row, notes)
        h_raw = self.raw(sheet, row, COL_H)
        h_node = None
        if isinstance(h_raw, str) and h_raw.startswith("="):
            try:
                h_node = parse_formula(h_raw)
            except FormulaError:
                h_node = None
        derived = self._derived_parts(h_node, row)
        if derived is not None:
            target_row, factor_node = derived
            line.derived_from = target_row
            if isinstance(factor_node, Ref) and (factor_node.col, factor_node.row) == (COL_F, row):
                line.factor = coefficient
            else:
                try:
                    line.factor = check_number(
                        self.evaluate(sheet, factor_node, notes), Quantity.SHARE
                    )
                except (FormulaError, CellNumberError) as exc:
                    self.add(
                        Severity.ERROR,
                        "derived-line",
                        f"share of row {target_row} cannot be read ({exc})",
                        sheet,
                        _cell(COL_H, row),
                        h_raw,
                        "analysis not imported",
                    )
                    line.missing = True
                    block.error = block.error or f"row {row}: amount formula cannot be read"
                    return line
                ignored = [
                    f"{label} {_text(self.raw(sheet, row, col))}"
                    for label, col in (("coefficient", COL_F), ("price", COL_G))
                    if self.raw(sheet, row, col) is not None
                ]
                if ignored:
                    self.add(
                        Severity.WARNING,
                        "amount-ignores-line",
                        f"amount is a fixed share of row {target_row}; Excel ignores this line's own {' and '.join(ignored)}",
                        sheet,
                        _cell(COL_H, row),
                        h_raw,
                        "the amount Excel computes is kept",
                    )
            return line
        operands = self._product_refs(h_node)
        if operands is not None and {(COL_F, row)} <= {(r.col, r.row) for r in operands}:
            other = next((r for r in operands if (r.col, r.row) != (COL_F, row)), None)
            if (
                other is not None
                and other.col == COL_G
                and other.row == row
                and other.sheet is None
            ):
                if coefficient is None:  # refused, with an ERROR finding at F
                    line.missing = True
                    block.error = block.error or f"F{row}: coefficient cannot be read"
                    return line
                line.lines = self.priced_line(block, row, group, name, coefficient)
                if not line.lines:
                    line.missing = True
                return line
        # anything else: an amount Excel takes as written
        where = _cell(COL_H, row)
        if h_raw is None:
            self.add(
                Severity.WARNING,
                "line-no-amount",
                "line has no amount (H); Excel does not count it",
                sheet,
                where,
                name,
                "line not imported",
            )
            return line
        reading = self.cells.read(
            sheet,
            row,
            COL_H,
            Quantity.AMOUNT,
            action="analysis not imported",
            code="line-amount",
            subject=f"jumlah harga baris {name!r}",
        )
        if reading is None or reading.value is None:
            line.missing = True
            block.error = block.error or f"line {row}: amount cannot be read"
            return line
        amount = reading.value
        self.add(
            Severity.WARNING,
            "line-amount",
            "line amount is not coefficient x price",
            sheet,
            where,
            getattr(h_raw, "text", h_raw),
            f"taken as a fixed amount {format_plain(amount)} (coefficient 1, price pinned)",
        )
        line.lines = [
            AnalysisLine(
                kind=LineKind(group.value),
                ref=name,
                coefficient=Decimal(1),
                unit="ls",
                description=name,
                price_override=_clean_decimal(amount),
                source_ref=f"{self.file} | {sheet}!D{row}:H{row}",
            )
        ]
        return line

    @staticmethod
    def _derived_parts(node: Node | None, row: int) -> tuple[int, Node] | None:
        """``H<m> * x`` or ``x * H<m>`` (m ≠ row, same sheet) → (m, x), where x is this row's F
        or a constant expression."""
        if not (isinstance(node, Binary) and node.op == "*"):
            return None
        for h, other in ((node.left, node.right), (node.right, node.left)):
            if (
                isinstance(h, Ref)
                and not h.is_range
                and h.sheet is None
                and h.external is None
                and h.col == COL_H
                and h.row != row
            ):
                refs = [n for n in walk(other) if isinstance(n, Ref)]
                if (
                    isinstance(other, Ref)
                    and (other.col, other.row) == (COL_F, row)
                    and other.sheet is None
                ):
                    return h.row, other
                if not refs and not any(isinstance(n, Call | Name) for n in walk(other)):
                    return h.row, other
        return None

    @staticmethod
    def _product_refs(node: Node | None) -> list[Ref] | None:
        if (
            isinstance(node, Binary)
            and node.op == "*"
            and isinstance(node.left, Ref)
            and isinstance(node.right, Ref)
        ):
            if (
                not node.left.is_range
                and not node.right.is_range
                and node.left.external is None
                and node.right.external is None
            ):
                return [node.left, node.right]
        return None

    def coefficient(self, sheet: str, row: int, notes: list[str]) -> Decimal | None:
        """The coefficient in F through the shared :class:`CellReader`: a number, a text
        number (decimal comma), or a formula evaluated exactly. None (with an ERROR finding)
        when it cannot be read or is out of range (negative, absurd)."""
        cell = _cell(COL_F, row)
        reading = self.cells.read(
            sheet,
            row,
            COL_F,
            Quantity.COEFFICIENT,
            action="line not imported; analysis left out",
            code="coefficient",
            subject="koefisien",
        )
        if reading is None:
            return None
        raw, value = reading.raw, reading.value
        if value is None:
            self.add(
                Severity.WARNING,
                "coefficient-empty",
                "line has no coefficient; Excel counts it as 0",
                sheet,
                cell,
                "",
                "coefficient 0",
            )
            return Decimal(0)
        if reading.source == "cached":
            self.add(
                Severity.WARNING,
                "coefficient",
                f"coefficient formula cannot be evaluated ({reading.why_cached})",
                sheet,
                cell,
                shown(raw),
                f"cached value {format_plain(value)} taken",
            )
        elif reading.source == "formula":
            extra = f"; {'; '.join(reading.notes)}" if reading.notes else ""
            self.add(
                Severity.INFO,
                "formula-evaluated",
                "coefficient is a formula",
                sheet,
                cell,
                raw,
                f"evaluated exactly: {format_plain(value)}{extra}",
            )
            notes.extend(reading.notes)
        elif reading.source == "text":
            excel = self._excel_text_reading(raw)
            self.add(
                Severity.WARNING,
                "text-decimal-comma",
                "coefficient stored as text with an Indonesian decimal comma",
                sheet,
                cell,
                raw,
                f"read as {format_plain(value)}; {excel}",
            )
        return value

    @staticmethod
    def _excel_text_reading(text: str) -> str:
        from dtpl_studio.spreadsheets.formula import _US_TEXT_NUMBER

        compact = text.strip().replace(" ", "")
        if _US_TEXT_NUMBER.match(compact):
            return f"Excel reads it as {format_plain(Decimal(compact.replace(',', '')))} (comma as thousands separator)"
        return "Excel cannot compute with it (#VALUE!)"

    def priced_line(
        self, block: _Block, row: int, group: ResourceKind, name: str, coefficient: Decimal
    ) -> list[AnalysisLine]:
        sheet = block.sheet
        raw = self.raw(sheet, row, COL_G)
        cell = _cell(COL_G, row)
        source = f"{self.file} | {sheet}!D{row}:H{row}"
        kind = LineKind(group.value)
        unit_raw = self.raw(sheet, row, COL_E)
        line_unit = self.unit(unit_raw, sheet, _cell(COL_E, row), f"line {name!r}")
        if raw is None:
            self.add(
                Severity.WARNING,
                "price-empty",
                "line has no price; Excel counts it as 0",
                sheet,
                cell,
                "",
                "price pinned to 0",
            )
            return [
                AnalysisLine(
                    kind, name, coefficient, line_unit, name, Decimal(0), source_ref=source
                )
            ]
        if not (isinstance(raw, str) and raw.startswith("=")) and isinstance(
            raw, int | float | str
        ):
            reading = self.cells.read(
                sheet,
                row,
                COL_G,
                Quantity.PRICE,
                action="analysis not imported",
                code="price",
                subject=f"harga baris {name!r}",
            )
            if reading is None:
                block.error = block.error or f"{cell}: price is not an acceptable number"
                return []
            price = reading.value
            if reading.source == "text":
                self.add(
                    Severity.WARNING,
                    "text-number",
                    "price stored as text",
                    sheet,
                    cell,
                    raw,
                    f"read as {format_plain(price)}, pinned on this line",
                )
            else:
                self.add(
                    Severity.INFO,
                    "price-in-analysis",
                    "price typed into the analysis (not from Upah Bahan)",
                    sheet,
                    cell,
                    raw,
                    f"price pinned to {format_plain(price)} on this line",
                )
            return [
                AnalysisLine(kind, name, coefficient, line_unit, name, price, source_ref=source)
            ]
        formula = getattr(raw, "text", raw)
        is_array = not isinstance(raw, str)
        node = None
        if not is_array:
            try:
                node = parse_formula(formula)
            except FormulaError:
                node = None
        lookup, factor_op, factor = self._vlookup_parts(node)
        if lookup is not None:
            key_node, col = lookup
            if col != 3:
                self.add(
                    Severity.ERROR,
                    "price",
                    f"VLOOKUP takes column {col} of the price list, not the price",
                    sheet,
                    cell,
                    formula,
                    "analysis not imported",
                )
                block.error = block.error or f"{cell}: VLOOKUP column {col}"
                return []
            lookup_name = self.lookup_key(block, row, name, key_node, formula)
            key = self.find_resource(lookup_name)
            if key is None:
                key = self.lookup_trimmed.get(lookup_name.strip().casefold())
                if key is not None:
                    self.add(
                        Severity.WARNING,
                        "name-mismatch",
                        f"VLOOKUP cannot find {lookup_name!r} exactly (extra spaces, or the price row's "
                        "name shows an error); Excel gives #N/A here",
                        sheet,
                        cell,
                        formula,
                        f"matched to resource {key!r} ignoring that",
                    )
            if key is None:
                d_raw = self.raw(sheet, row, COL_D)
                why = (
                    f"; the name cell D{row} is a formula ({getattr(d_raw, 'text', d_raw)}) with no "
                    "cached value"
                    if not lookup_name.strip()
                    and d_raw is not None
                    and not isinstance(d_raw, int | float)
                    and (not isinstance(d_raw, str) or d_raw.startswith("="))
                    and self.cached(sheet, row, COL_D) is None
                    else ""
                )
                refused = self.refused.get(lookup_name.strip().casefold())
                self.add(
                    Severity.ERROR,
                    "missing-price",
                    f"{lookup_name!r} has no usable price: its price cell {refused} was refused"
                    if refused
                    else f"{lookup_name!r} is not in Upah Bahan (Excel: #N/A){why}",
                    sheet,
                    cell,
                    formula,
                    "analysis not imported",
                )
                block.error = block.error or f"{cell}: {lookup_name!r} has no price"
                return []
            resource = self.resources[key]
            if factor is not None:
                coefficient = _clean_decimal(
                    CONTEXT.divide(coefficient, factor)
                    if factor_op == "/"
                    else CONTEXT.multiply(coefficient, factor)
                )
                self.add(
                    Severity.INFO,
                    "price-converted",
                    f"price is the Upah Bahan price {factor_op} {format_plain(factor)} (a unit conversion, e.g. m3 to kg by bulk density)",
                    sheet,
                    cell,
                    formula,
                    f"coefficient {format_plain(self._raw_coefficient(sheet, row))} {_text(unit_raw)} recorded as {format_plain(coefficient)} {resource.unit or '-'} of {resource.name!r}",
                )
                return [
                    AnalysisLine(
                        kind, key, coefficient, resource.unit, name, None, source_ref=source
                    )
                ]
            unit = self.line_unit(line_unit, resource, sheet, row, unit_raw)
            return [AnalysisLine(kind, key, coefficient, unit, name, None, source_ref=source)]
        # anything else: external links, array formulas, other functions → the cached value
        cached = to_decimal(cached_as_value(self.cached(sheet, row, COL_G)))
        externals = (
            sorted(
                {n.external for n in walk(node) if isinstance(n, Ref) and n.external is not None}
            )
            if node
            else []
        )
        if is_array or externals:
            externals = externals or [int(m) for m in re.findall(r"\[(\d+)\]", str(formula))]
        source_text = ", ".join(
            f"[{i}] {self.wb.external_links.get(i, '?')}" for i in sorted(set(externals))
        )
        if cached is None:
            self.add(
                Severity.ERROR,
                "price",
                "price formula cannot be followed and has no cached number",
                sheet,
                cell,
                formula,
                "analysis not imported",
            )
            block.error = block.error or f"{cell}: price cannot be read"
            return []
        what = f"links to external workbook {source_text}" if source_text else "cannot be followed"
        key = self.find_resource(name)
        if key is not None and self.resources[key].price == cached:
            resource = self.resources[key]
            self.add(
                Severity.INFO,
                "external-price",
                f"price formula {what}; its cached value equals Upah Bahan's price of {resource.name!r}",
                sheet,
                cell,
                formula,
                f"line tied to resource {key!r} ({format_plain(cached)})",
            )
            unit = self.line_unit(line_unit, resource, sheet, row, unit_raw)
            return [AnalysisLine(kind, key, coefficient, unit, name, None, source_ref=source)]
        self.add(
            Severity.WARNING,
            "external-price",
            f"price formula {what}",
            sheet,
            cell,
            formula,
            f"cached value {format_plain(cached)} pinned on this line",
        )
        return [
            AnalysisLine(
                kind, name, coefficient, line_unit, name, _clean_decimal(cached), source_ref=source
            )
        ]

    def _raw_coefficient(self, sheet: str, row: int) -> Decimal:
        """F as written (for a message only); 0 when it cannot be read."""
        raw = self.raw(sheet, row, COL_F)
        try:
            if isinstance(raw, str) and raw.startswith("="):
                return self.evaluate(sheet, parse_formula(raw), [])
            return self.cells.literal(raw)
        except (FormulaError, CellNumberError):
            return Decimal(0)

    @staticmethod
    def _vlookup_parts(
        node: Node | None,
    ) -> tuple[tuple[Node, int] | None, str, Decimal | None]:
        """``VLOOKUP(key, upahbahan, col, FALSE)`` (optionally ``/ n`` or ``* n``) →
        ``((key node, col), op, n)``; ``(None, "", None)`` for anything else."""
        factor_op, factor = "", None
        if isinstance(node, Binary) and node.op in ("/", "*") and isinstance(node.right, Num):
            factor_op, factor = node.op, Decimal(node.right.text)
            node = node.left
        if isinstance(node, Call) and node.name == "VLOOKUP" and len(node.args) == 4:
            key, table, col, exact = node.args
            if (
                isinstance(table, Name)
                and table.name.lower() == "upahbahan"
                and isinstance(col, Num)
            ):
                if (getattr(exact, "value", None) is False) or (
                    isinstance(exact, Num) and Decimal(exact.text) == 0
                ):
                    return (key, int(Decimal(col.text))), factor_op, factor
        return None, "", None

    def lookup_key(self, block: _Block, row: int, name: str, key_node: Node, formula: str) -> str:
        """The name a line's ``VLOOKUP(key, upahbahan, …)`` is priced with.

        The key should be the line's own name cell (``D<row>``). When it is another cell or a
        literal (``Persiapan!G388 =VLOOKUP(D356,…)`` on the ``Waterpass`` line looks up
        ``Pekerja``), the line is priced as its own name when that name is in Upah Bahan (a
        WARNING finding; the block's cached rate then differs, reason ``lookup-wrong-row``),
        else Excel's lookup is kept (said in the finding)."""
        sheet = block.sheet
        cell = _cell(COL_G, row)
        own_text = self.exact_text(sheet, row, COL_D)
        if isinstance(key_node, Ref) and not key_node.is_range and key_node.external is None:
            key_sheet = key_node.sheet or sheet
            if key_sheet == sheet and (key_node.col, key_node.row) == (COL_D, row):
                return own_text
            excel_text = self.exact_text(key_sheet, key_node.row, key_node.col)
            key_place = (
                _cell(key_node.col, key_node.row)
                if key_sheet == sheet
                else f"{key_sheet}!{_cell(key_node.col, key_node.row)}"
            )
            what = f"cell {key_place} ({excel_text!r})"
        elif isinstance(key_node, Text):
            excel_text = key_node.value
            what = f"the text {excel_text!r}"
        else:
            self.add(
                Severity.WARNING,
                "lookup-key",
                f"price lookup key is an expression, not this line's name cell D{row}",
                sheet,
                cell,
                formula,
                f"priced as the line's name {name!r}",
            )
            return own_text
        own_key = self._resource_for(own_text)
        excel_key = self._resource_for(excel_text)
        excel_desc = (
            f"{self.resources[excel_key].name!r} at {format_plain(self.resources[excel_key].price)} "
            f"per {self.resources[excel_key].unit or '-'}"
            if excel_key is not None
            else "#N/A (not in Upah Bahan)"
        )
        message = (
            f"price formula looks up {what} instead of this line's own name D{row} ({name!r}); "
            f"Excel gives {excel_desc}"
        )
        if own_key is not None and own_key == excel_key:
            self.add(
                Severity.INFO,
                "lookup-wrong-row",
                message,
                sheet,
                cell,
                formula,
                "no effect: both names find the same resource",
            )
            return own_text
        if own_key is None:
            self.add(
                Severity.WARNING,
                "lookup-wrong-row",
                message + f"; the line's own name {name!r} is not in Upah Bahan",
                sheet,
                cell,
                formula,
                f"Excel's behaviour kept: the line is priced by {excel_text!r} as the formula says",
            )
            return excel_text
        own = self.resources[own_key]
        self.add(
            Severity.WARNING,
            "lookup-wrong-row",
            message,
            sheet,
            cell,
            formula,
            f"line priced as its own name: resource {own_key!r} at {format_plain(own.price)} per "
            f"{own.unit or '-'} (a workbook formula error; the cached rate differs)",
        )
        block.lookup_defects.append(
            f"{sheet}!{cell} {formula}: the line {name!r} looks up {what}, so Excel prices it at "
            f"{excel_desc}; we use {own.name!r} at {format_plain(own.price)} per {own.unit or '-'}"
        )
        return own_text

    def _resource_for(self, text: str) -> str | None:
        """The resource a lookup of ``text`` gets: what VLOOKUP finds, else the same name with
        spaces trimmed (the importer's fallback, reported where it is used)."""
        key = self.find_resource(text)
        if key is None:
            key = self.lookup_trimmed.get(text.strip().casefold())
        return key

    def find_resource(self, name: str) -> str | None:
        """Key of the resource ``VLOOKUP(name, upahbahan, 3, FALSE)`` finds: exact,
        case-insensitive, first row; ``*``/``?`` are wildcards, ``~`` escapes."""
        if any(ch in name for ch in "*?~"):
            pattern = wildcard_regex(name)
            for key, resource in self.resources.items():
                if self.lookup.get(resource.name.casefold()) == key and pattern.match(
                    resource.name
                ):
                    return key
            return None
        return self.lookup.get(name.casefold())

    def line_unit(
        self, line_unit: str, resource: Resource, sheet: str, row: int, unit_raw: Any
    ) -> str:
        """The unit a line is recorded in. Excel multiplies coefficient x price whatever the
        units say, so a line whose unit does not convert 1:1 to the resource's unit is recorded
        in the resource's unit (with a finding) to keep the workbook's amount."""
        if not line_unit or line_unit == resource.unit or not resource.unit:
            if not line_unit and resource.unit:
                self.add(
                    Severity.INFO,
                    "line-unit",
                    "line has no unit",
                    sheet,
                    _cell(COL_E, row),
                    "",
                    f"resource unit {resource.unit!r} used",
                )
            return resource.unit or line_unit
        try:
            factor = conversion_factor(line_unit, resource.unit)
        except (UnitMismatchError, UnknownUnitError):
            factor = None
        if factor == 1:
            return line_unit
        self.add(
            Severity.WARNING,
            "line-unit",
            f"line unit {line_unit!r} differs from the unit of {resource.name!r} ({resource.unit!r}); "
            "Excel multiplies coefficient x price without converting",
            sheet,
            _cell(COL_E, row),
            _text(unit_raw),
            f"line recorded in {resource.unit!r}",
        )
        return resource.unit

    def resolve_derived(self, block: _Block) -> None:
        by_row = {line.row: line for line in block.lines}
        for line in block.lines:
            if line.derived_from is None:
                continue
            self._resolve_one(block, line, by_row, set())

    def _resolve_one(
        self, block: _Block, line: _Line, by_row: dict[int, _Line], seen: set[int]
    ) -> None:
        if line.lines or line.missing or line.derived_from is None:
            return
        sheet, row = block.sheet, line.row
        if row in seen:
            line.missing = True
            block.error = block.error or f"row {row}: circular line reference"
            return
        seen.add(row)
        source = f"{self.file} | {sheet}!D{row}:H{row}"
        k = line.factor
        target_row = line.derived_from
        if k is None:
            line.missing = True
            return
        formula = self.raw(sheet, row, COL_H)
        target = by_row.get(target_row)
        if target is not None:
            self._resolve_one(block, target, by_row, seen)
            if target.missing or not target.lines:
                line.missing = True
                block.error = (
                    block.error or f"row {row}: depends on row {target_row} which has no price"
                )
                return
            for base in target.lines:
                kind = (
                    base.kind
                    if base.kind in (LineKind.SUB_ANALYSIS, LineKind.PCT_OF_MATERIAL)
                    else LineKind(line.group.value)
                )
                line.lines.append(
                    AnalysisLine(
                        kind=kind,
                        ref=base.ref,
                        coefficient=_clean_decimal(CONTEXT.multiply(k, base.coefficient)),
                        unit=base.unit,
                        description=line.name or base.description,
                        price_override=base.price_override,
                        group=line.group if kind is LineKind.SUB_ANALYSIS else base.group,
                        source_ref=source,
                    )
                )
            self.add(
                Severity.INFO,
                "derived-line",
                f"amount is {format_plain(k)} x the amount of row {target_row} ({target.name!r})",
                sheet,
                _cell(COL_H, row),
                formula,
                f"recorded as {format_plain(k)} x the coefficient of row {target_row}, priced like it",
            )
            return
        subtotal_group = next((g for g, r in block.subtotals.items() if r == target_row), None)
        if subtotal_group is ResourceKind.MATERIAL and line.group is ResourceKind.EQUIPMENT:
            line.lines.append(
                AnalysisLine(LineKind.PCT_OF_MATERIAL, "", k, "%", line.name, source_ref=source)
            )
            self.add(
                Severity.INFO,
                "derived-line",
                "equipment is a percentage of the material sum B",
                sheet,
                _cell(COL_H, row),
                formula,
                f"recorded as {format_plain(k)} x B",
            )
            return
        if subtotal_group is not None and subtotal_group is not line.group:
            members = [m for m in block.lines if m.group is subtotal_group and m is not line]
            for member in members:
                self._resolve_one(block, member, by_row, seen)
                for base in member.lines:
                    kind = (
                        base.kind
                        if base.kind in (LineKind.SUB_ANALYSIS, LineKind.PCT_OF_MATERIAL)
                        else LineKind(line.group.value)
                    )
                    line.lines.append(
                        AnalysisLine(
                            kind,
                            base.ref,
                            _clean_decimal(CONTEXT.multiply(k, base.coefficient)),
                            base.unit,
                            line.name,
                            base.price_override,
                            base.group,
                            source,
                        )
                    )
            self.add(
                Severity.INFO,
                "derived-line",
                f"amount is {format_plain(k)} x the subtotal of group {subtotal_group.value}",
                sheet,
                _cell(COL_H, row),
                formula,
                "recorded as that share of every line of the group",
            )
            return
        self.add(
            Severity.ERROR,
            "derived-line",
            f"amount refers to row {target_row}, which is not a line of this block",
            sheet,
            _cell(COL_H, row),
            formula,
            "analysis not imported",
        )
        line.missing = True
        block.error = block.error or f"row {row}: unsupported amount formula"

    # -- block totals --------------------------------------------------------------------
    def _rows_of(self, sheet: str, row: int, col: int = COL_H) -> tuple[set[int] | None, Any]:
        """Rows of column H a total formula adds (SUM ranges and + chains); None if the cell is
        not such a formula."""
        raw = self.raw(sheet, row, col)
        if raw is None or (isinstance(raw, int | float) and not isinstance(raw, bool) and raw == 0):
            return set(), raw
        if not (isinstance(raw, str) and raw.startswith("=")):
            return None, raw
        try:
            node = parse_formula(raw)
        except FormulaError:
            return None, raw
        rows: set[int] = set()

        def collect(n: Node) -> bool:
            if isinstance(n, Call) and n.name == "SUM":
                return all(collect(a) for a in n.args)
            if isinstance(n, Binary) and n.op == "+":
                return collect(n.left) and collect(n.right)
            if (
                isinstance(n, Ref)
                and n.external is None
                and (n.sheet in (None, sheet))
                and n.col == COL_H
                and (n.col2 in (None, COL_H))
            ):
                rows.update(range(n.row, (n.row2 or n.row) + 1))
                return True
            return False

        return (rows if collect(node) else None), raw

    def check_sums(self, block: _Block) -> None:
        sheet = block.sheet
        for group, row in block.subtotals.items():
            covered, raw = self._rows_of(sheet, row)
            members = {line.row for line in block.lines if line.group is group and line.lines}
            if covered is None:
                self.add(
                    Severity.WARNING,
                    "block-structure",
                    f"subtotal of group {group.value} is not a SUM of column H",
                    sheet,
                    _cell(COL_H, row),
                    raw,
                    "every line of the group is counted",
                )
                continue
            for missing in sorted(members - covered):
                message = f"line row {missing} is outside the subtotal of group {group.value}; Excel does not count it"
                block.formula_defects.append(f"{_cell(COL_H, row)} {raw}: {message}")
                self.add(
                    Severity.WARNING,
                    "sum-range",
                    message,
                    sheet,
                    _cell(COL_H, row),
                    raw,
                    "the line is counted (the analysis lists it)",
                )
        for group in {line.group for line in block.lines}:
            if group not in block.subtotals:
                self.add(
                    Severity.WARNING,
                    "block-structure",
                    f"group {group.value} has lines but no JUMLAH row",
                    sheet,
                    _cell(COL_C, block.group_rows.get(group, block.header_row)),
                    "",
                    "lines counted",
                )
        if block.d_row is not None:
            covered, raw = self._rows_of(sheet, block.d_row)
            expected = set(block.subtotals.values())
            if covered is None or covered != expected:
                lines = {line.row: line.name for line in block.lines}
                detail = ""
                if covered is not None:
                    wrong = [
                        f"H{r} ({'line ' + repr(lines[r]) if r in lines else 'not a subtotal'})"
                        for r in sorted(covered - expected)
                    ]
                    left_out = [
                        f"H{r} (JUMLAH {g.value})"
                        for g, r in block.subtotals.items()
                        if r not in covered
                    ]
                    detail = "; ".join(
                        p
                        for p in (
                            "adds " + ", ".join(wrong) if wrong else "",
                            "leaves out " + ", ".join(left_out) if left_out else "",
                        )
                        if p
                    )
                message = f"row D is not A + B + C{': ' + detail if detail else ''}"
                block.formula_defects.append(f"{_cell(COL_H, block.d_row)} {raw}: {message}")
                self.add(
                    Severity.WARNING,
                    "sum-range",
                    message,
                    sheet,
                    _cell(COL_H, block.d_row),
                    raw,
                    "D = A + B + C used",
                )
        if block.f_row is not None:
            covered, raw = self._rows_of(sheet, block.f_row)
            needed = {block.d_row, block.e_row}
            extra = {
                r for r in (covered or set()) - needed if self.raw(sheet, r, COL_H) is not None
            }
            if covered is None or not needed <= covered or extra:
                block.formula_defects.append(
                    f"{_cell(COL_H, block.f_row)} {raw}: row F is not D + E"
                )
                self.add(
                    Severity.WARNING,
                    "sum-range",
                    "row F is not D + E",
                    sheet,
                    _cell(COL_H, block.f_row),
                    raw,
                    "F = D + E used",
                )
        if (
            block.rate_target_row is not None
            and block.f_row is not None
            and block.rate_target_row != block.f_row
        ):
            self.add(
                Severity.WARNING,
                "rate-cell",
                f"rate rounds row {block.rate_target_row}, not the F row {block.f_row}",
                sheet,
                _cell(COL_I, block.title_row),
                self.raw(sheet, block.title_row, COL_I),
                "our F is D + E of the block",
            )

    def read_overhead(self, block: _Block) -> None:
        sheet, row = block.sheet, block.e_row
        if row is None:
            return
        raw = self.raw(sheet, row, COL_H)
        cell = _cell(COL_H, row)
        try:
            node = parse_formula(raw) if isinstance(raw, str) and raw.startswith("=") else None
        except FormulaError:
            node = None
        pct: Decimal | None = None
        if isinstance(node, Binary) and node.op == "*":
            left, right = node.left, node.right
            if isinstance(right, Ref) and right.col == COL_H and right.row == block.d_row:
                left, right = right, left
            if isinstance(left, Ref) and left.col == COL_H and left.row == block.d_row:
                try:
                    pct = check_number(self.evaluate(sheet, right, []), Quantity.OVERHEAD)
                except (FormulaError, CellNumberError) as exc:
                    self.add(
                        Severity.ERROR,
                        getattr(exc, "code", "overhead")
                        if isinstance(exc, CellNumberError)
                        else "overhead",
                        f"overhead rate cannot be read ({exc})",
                        sheet,
                        cell,
                        raw,
                        "analysis not imported",
                    )
                    block.error = block.error or f"{cell}: overhead rate cannot be read"
                    return
                if isinstance(right, Ref) and pct is not None:
                    g = self.raw(sheet, right.row, right.col)
                    if isinstance(g, str) and g.startswith("="):
                        try:
                            gnode = parse_formula(g)
                        except FormulaError:
                            gnode = None
                        if isinstance(gnode, Ref):
                            self._note_overhead_cell(gnode.sheet or sheet, gnode.row, gnode.col)
        if pct is None:
            self.add(
                Severity.WARNING,
                "overhead",
                "row E is not D x rate",
                sheet,
                cell,
                raw,
                "book default overhead used",
            )
            return
        block.overhead = _clean_decimal(pct)

    def _note_overhead_cell(self, sheet: str, row: int, col: int) -> None:
        key = f"{sheet}!{_cell(col, row)}"
        if not hasattr(self, "_overhead_cells"):
            self._overhead_cells: dict[str, Decimal] = {}
        if key not in self._overhead_cells:
            try:
                value = check_number(self.cells.literal(self.raw(sheet, row, col)), Quantity.OVERHEAD)
            except CellNumberError:
                return  # refused where a block reads it (read_overhead)
            self._overhead_cells[key] = value

    # -- codes ---------------------------------------------------------------------------
    def assign_codes(self) -> None:
        titles: dict[tuple[str, int], _Block] = {(b.sheet, b.title_row): b for b in self.blocks}
        seen_codes: dict[str, int] = {}
        for item in self.dhsp_items:
            where = _cell(3, item.row)
            if item.code in seen_codes:
                self.add(
                    Severity.WARNING,
                    "dhsp-code",
                    f"code {item.code} used twice (first at row {seen_codes[item.code]})",
                    self.dhsp_sheet or "",
                    where,
                    item.name,
                    "second entry ignored",
                )
                continue
            seen_codes[item.code] = item.row
            if item.rect is None:
                continue
            s, c1, r1, c2, r2 = item.rect
            row = self._match_title(s, c1, r1, r2, item.key or item.name)
            if row is None:
                self.add(
                    Severity.WARNING,
                    "dhsp-unmatched",
                    f"DHSP item {item.code} names no block title in sheet {s!r} (Excel: #N/A)",
                    self.dhsp_sheet or "",
                    where,
                    item.name,
                    "no analysis gets this code",
                )
                continue
            block = titles.get((s, row))
            if block is None:
                self.add(
                    Severity.WARNING,
                    "dhsp-unmatched",
                    f"DHSP item {item.code} matches {s}!C{row}, which is not a block title",
                    self.dhsp_sheet or "",
                    where,
                    item.name,
                    "no analysis gets this code",
                )
                continue
            if block.code:
                self.add(
                    Severity.WARNING,
                    "dhsp-code",
                    f"block already has code {block.code}",
                    self.dhsp_sheet or "",
                    where,
                    item.name,
                    f"{item.code} ignored",
                )
                continue
            block.code, block.code_scheme = item.code, CODE_SCHEME
            block.unit = self.unit(
                item.unit_raw, self.dhsp_sheet or "", _cell(4, item.row), f"analysis {item.code}"
            )
            if not block.unit:
                self.add(
                    Severity.WARNING,
                    "analysis-unit",
                    f"DHSP gives no unit for {item.code}",
                    self.dhsp_sheet or "",
                    _cell(4, item.row),
                    "",
                    "unit left empty",
                )
        counters: dict[str, int] = {}
        for block in self.blocks:
            counters[block.sheet] = counters.get(block.sheet, 0) + 1
            if block.code:
                continue
            block.code, block.code_scheme = f"{block.sheet}#{block.index}", FALLBACK_CODE_SCHEME
            m = _TITLE_UNIT.search(block.name)
            unit = ""
            if m:
                try:
                    unit = normalize_unit(m.group(1))
                except UnknownUnitError:
                    unit = ""
            block.unit = unit
            self.add(
                Severity.WARNING,
                "dhsp-missing",
                "analysis is not listed in the Daftar Harga Satuan Pekerjaan",
                block.sheet,
                _cell(COL_C, block.title_row),
                block.name,
                f"code {block.code!r} from its sheet and position; unit {unit or '?'!r} read from the title",
            )

    def _match_title(self, sheet: str, col: int, r1: int, r2: int, name: str) -> int | None:
        """First row of ``sheet`` column ``col`` in ``r1..r2`` that VLOOKUP(name, …, FALSE) finds."""
        key = (sheet, col, r1, r2)
        index = self._title_index.get(key)
        if index is None:  # built once per lookup range: texts in row order
            index = self._title_index[key] = [
                (row, str(self.exact_text(sheet, row, col)))
                for row in range(r1, r2 + 1)
                if self.raw(sheet, row, col) is not None
            ]
            self._title_first[key] = {}
            for row, text in reversed(index):
                self._title_first[key][text.casefold()] = row
        if any(ch in name for ch in "*?~"):
            pattern = wildcard_regex(name)
            return next((row for row, text in index if pattern.match(text)), None)
        return self._title_first[key].get(name.casefold())

    # -- book ----------------------------------------------------------------------------
    def build_book(self) -> PriceBook:
        overheads = [b.overhead for b in self.blocks if b.overhead is not None]
        cells = getattr(self, "_overhead_cells", {})
        if cells:
            first_key = next(iter(cells))
            self.meta.default_overhead_pct = cells[first_key]
            for key, value in cells.items():
                self.add(
                    Severity.INFO,
                    "overhead",
                    "overhead rate cell (Biaya Umum dan Keuntungan)",
                    key.split("!")[0],
                    key.split("!")[1],
                    format_plain(value),
                    f"rate {format_plain(value * 100)} %",
                )
            self.report.notes.append(
                "Overhead and profit (E) read from each sheet's cell: "
                + ", ".join(f"{k} = {format_plain(v)}" for k, v in cells.items())
                + f"; book default {format_plain(self.meta.default_overhead_pct)} from {first_key}."
            )
        elif overheads:
            self.meta.default_overhead_pct = overheads[0]
        book = PriceBook(self.meta)
        for resource in self.resources.values():
            book.add_resource(resource)
        lines_total = 0
        for block in self.blocks:
            missing = [line.row for line in block.lines if line.missing]
            if missing and not block.error:  # never an analysis with a line silently dropped
                block.error = f"line row {missing[0]} cannot be read"
            if block.error:
                self.add(
                    Severity.ERROR,
                    "analysis-skipped",
                    f"analysis {block.code} not imported: {block.error}",
                    block.sheet,
                    _cell(COL_C, block.title_row),
                    block.name,
                    "left out of the book",
                )
                continue
            lines: list[AnalysisLine] = []
            for line in block.lines:
                for item in line.lines:
                    # the group a line is summed in, stated on every line (PriceBook reads it
                    # for sub-analyses only; the edition files are clearer with it)
                    if item.kind is LineKind.PCT_OF_MATERIAL:
                        item.group = ResourceKind.EQUIPMENT
                    elif item.kind is not LineKind.SUB_ANALYSIS:
                        item.group = ResourceKind(item.kind.value)
                    lines.append(item)
            lines_total += len(lines)
            overhead = block.overhead
            if overhead is not None and overhead == self.meta.default_overhead_pct:
                overhead = None
            method = ""
            lowered = block.name.lower()
            if "semi mekanis" in lowered:
                method = "semi-mekanis"
            elif "mekanis" in lowered:
                method = "mekanis"
            elif "manual" in lowered:
                method = "manual"
            book.put_analysis(
                Analysis(
                    code=block.code,
                    name=block.name,
                    unit=block.unit,
                    lines=lines,
                    overhead_pct=overhead,
                    code_scheme=block.code_scheme,
                    chapter=block.sheet,
                    source_ref=f"{self.file} | {block.sheet}!C{block.title_row}",
                    method=method,
                    note=block.note,
                    rate_rounding=(
                        RoundingRule(Decimal(10) ** -block.rate_digits, RoundingMode.DOWN)
                        if block.rate_digits is not None and block.rate_digits != -2
                        else None
                    ),
                )
            )
        self.report.counts["analysis_sheets"] = len(self.analysis_sheets)
        self.report.counts["analysis_blocks"] = len(self.blocks)
        self.report.counts["analyses"] = len(book.analyses)
        self.report.counts["analysis_lines"] = lines_total
        return book


# --------------------------------------------------------------------------------------
# comparison with the workbook's cached rates
# --------------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format_plain(value)
    return "" if value is None else str(value)


def _compare_rates(imp: _Importer, book: PriceBook) -> list[RateComparison]:
    """One :class:`RateComparison` per analysis block, our F against the cached rounded rate.

    Diagnosis (every differing block gets one reason):

    1. the block's rate cell is re-run the way Excel computes (IEEE floats, text read by an
       English-locale Excel) by :class:`ExcelEmulator`; when that reproduces the cache, the
       cause is what the emulation met on the way — a text coefficient Excel could not use
       (``#VALUE!``), a text coefficient read with the comma as thousands separator, a block
       rounding rule other than ``ROUNDDOWN(F,-2)``, or a float landing just below a multiple
       of Rp 100;
    2. when it does not, the cached value is stale (the emulation lists the first cells whose
       cache disagrees with their formula).
    """
    grid = imp.grid
    out: list[RateComparison] = []
    exact = ExcelEmulator(grid, "exact", imp.lookup_cache)  # memo shared: one exact re-run
    for block in imp.blocks:
        location = f"{imp.file} | {block.sheet}!{_cell(COL_I, block.title_row)}"
        cached_raw = cached_as_value(grid.cached_value(block.sheet, block.title_row, COL_I))
        cached = to_decimal(cached_raw)
        ours = ours_exact = None
        if block.code in book.analyses:
            try:
                breakdown = book.compute(block.code)
            except (PriceBookError, KeyError, ValueError) as exc:
                imp.add(
                    Severity.ERROR,
                    "compute",
                    f"analysis {block.code} cannot be priced: {exc}",
                    block.sheet,
                    _cell(COL_C, block.title_row),
                    block.name,
                    "no unit rate",
                )
            else:
                ours, ours_exact = breakdown.f, breakdown.f_exact
                if ours == 0:
                    imp.add(
                        Severity.WARNING,
                        "zero-rate",
                        f"unit rate of {block.code} is Rp 0 under the book's rounding ({imp.meta.rate_rounding.describe()}); "
                        f"unrounded F = {format_plain(breakdown.f_exact)}",
                        block.sheet,
                        _cell(COL_I, block.title_row),
                        grid.raw_value(block.sheet, block.title_row, COL_I),
                        "kept; price this item with care (the workbook rounds it to whole rupiah)",
                    )
        comparison = RateComparison(
            code=block.code,
            name=block.name,
            location=location,
            ours=ours,
            ours_exact=ours_exact,
            cached=cached,
            cached_raw=_fmt(cached_raw) if cached_raw is not None else "(empty)",
        )
        _diagnose(imp, block, comparison, exact)
        out.append(comparison)
    return out


def float_boundary(ours_exact: Decimal | None, xl_f: Any, step: Decimal) -> Decimal | None:
    """The multiple of ``step`` that Excel's ROUNDDOWN missed because of binary floating point,
    or None.

    Excel rounds the value as shown to 15 significant digits
    (:func:`~dtpl_studio.spreadsheets.formula.excel_round`), so the usual float noise
    (31 899,999999999996 for 31 900) does not lower a rate; a multiple is missed only when the
    exact F is (within 1e-6) on it and Excel's float F, even at 15 significant digits, is below
    it (a float error larger than Excel's 15-digit view: a long chain or a cancellation).
    """
    if ours_exact is None or not isinstance(xl_f, float) or not step or not math.isfinite(xl_f):
        return None
    nearest = (ours_exact / step).to_integral_value() * step
    if abs(ours_exact - nearest) <= Decimal("1E-6") and excel_value(xl_f) < nearest <= ours_exact + Decimal("1E-6"):
        return nearest
    return None


def _diagnose(
    imp: _Importer, block: _Block, comparison: RateComparison, ex: ExcelEmulator
) -> None:
    """Self-check the block (``ex``, the exact re-run shared by all blocks, must give our F)
    and, when the rates differ, find the reason by re-running the block the way Excel does."""
    sheet, row = block.sheet, block.title_row
    f_row = block.f_row or block.rate_target_row
    ex_f = ex.value(sheet, f_row, COL_H) if f_row else None
    ours, ours_exact, cached = comparison.ours, comparison.ours_exact, comparison.cached
    # a self-check of the import: the block's own formulas, evaluated exactly, must give our F
    ex_f_dec = to_decimal(ex_f) if not isinstance(ex_f, XlError) else None
    if (
        ours_exact is not None
        and ex_f_dec is not None
        and abs(ex_f_dec - ours_exact) > Decimal("1E-12")
    ):
        imp.add(
            Severity.WARNING,
            "model-check",
            f"the block's formulas evaluated exactly give F = {format_plain(ex_f_dec)}, the imported analysis {format_plain(ours_exact)}",
            sheet,
            _cell(COL_H, f_row),
            "",
            "see the other findings of this block",
        )
    if comparison.matches:
        comparison.reason_code, comparison.reason = "match", ""
        return
    # a fresh Excel re-run per differing block: its trace is what this block met
    xl = ExcelEmulator(imp.grid, "excel", imp.lookup_cache)
    xl_rate = xl.value(sheet, row, COL_I)
    xl_f = xl.value(sheet, f_row, COL_H) if f_row else None
    comparison.excel_recomputed = _fmt(xl_rate)

    def cells(found: dict) -> str:
        return ", ".join(
            f"{k} {v!r}" if not isinstance(v, tuple) else f"{k} {v[0]!r}→{_fmt(v[1])}"
            for k, v in sorted(found.items())
        )

    if ours is None:
        comparison.reason_code = "missing-price" if "price" in block.error else "model-differs"
        comparison.reason = f"not imported: {block.error or 'cannot be priced'}"
        return
    rate_raw = imp.grid.raw_value(sheet, row, COL_I)
    if (
        comparison.cached_raw == "(empty)"
        and isinstance(rate_raw, str)
        and rate_raw.startswith("=")
    ):
        comparison.reason_code = "no-cached-value"
        comparison.reason = (
            f"the rate cell {_cell(COL_I, row)} {rate_raw} has no cached value (Excel's re-run: "
            f"{_fmt(xl_rate)}); our F = {format_plain(ours_exact)} → {format_plain(ours)}"
        )
        return
    xl_rate_dec = to_decimal(xl_rate) if not isinstance(xl_rate, XlError) else None
    reproduced = (
        isinstance(xl_rate, XlError)
        and isinstance(comparison.cached_raw, str)
        and str(xl_rate) == comparison.cached_raw
    ) or (xl_rate_dec is not None and cached is not None and xl_rate_dec == cached)
    if reproduced:
        if isinstance(xl_rate, XlError):
            if xl.trace.text_value_error:
                comparison.reason_code = "text-decimal-comma-value-error"
                comparison.reason = (
                    f"text coefficients {cells(xl.trace.text_value_error)}: Excel gives {xl_rate} "
                    f"(reproduced); read with the decimal comma F = {format_plain(ours_exact)} → {format_plain(ours)}"
                )
                return
            if xl.trace.lookups_missing:
                comparison.reason_code = "missing-price"
                comparison.reason = f"VLOOKUP finds no price for {cells(xl.trace.lookups_missing)}"
                return
        if xl.trace.text_as_thousands:
            comparison.reason_code = "text-decimal-comma-thousands"
            comparison.reason = (
                f"text coefficients {cells(xl.trace.text_as_thousands)} (Excel, reproduced: F = {_fmt(xl_f)}); "
                f"read with the decimal comma F = {format_plain(ours_exact)} → {format_plain(ours)}"
            )
            return
        if block.rate_digits is not None and block.rate_digits != -2:
            comparison.reason_code = "workbook-rounding-rule"
            comparison.reason = (
                f"the rate cell is ROUNDDOWN(F,{block.rate_digits}) = {comparison.cached_raw}; "
                f"the book rounds F = {format_plain(ours_exact)} down to Rp 100 → {format_plain(ours)}"
            )
            return
        nearest = float_boundary(ours_exact, xl_f, imp.meta.rate_rounding.step)
        if nearest is not None:
            comparison.reason_code = "float-rounddown-boundary"
            comparison.reason = (
                f"exact F = {format_plain(ours_exact)}; Excel's float F = {xl_f!r}, to its 15 "
                f"significant digits {format_plain(excel_value(xl_f))}, below "
                f"{format_plain(nearest)}, so ROUNDDOWN gives {comparison.cached_raw}"
            )
            return
        if block.lookup_defects and ex_f_dec is not None and ex_f_dec != ours_exact:
            comparison.reason_code = "lookup-wrong-row"
            comparison.reason = (
                "; ".join(block.lookup_defects + block.formula_defects)
                + f" (Excel, reproduced: F = {_fmt(xl_f)}); with every line priced by its own "
                f"name, F = {format_plain(ours_exact)} → {format_plain(ours)}"
            )
            return
        if block.formula_defects and ex_f_dec is not None and ex_f_dec != ours_exact:
            comparison.reason_code = "workbook-formula-error"
            comparison.reason = (
                "; ".join(block.formula_defects)
                + f" (Excel, reproduced: F = {_fmt(xl_f)}); with D = A + B + C, F = {format_plain(ours_exact)} → {format_plain(ours)}"
            )
            return
        comparison.reason_code = (
            "model-differs" if ex_f_dec is not None and ex_f_dec != ours_exact else "unexplained"
        )
        comparison.reason = f"Excel's float re-run reproduces the cache ({_fmt(xl_rate)}); exact F of the formulas {_fmt(ex_f_dec)}, ours {format_plain(ours_exact)}"
        return
    # the cache does not follow from the formulas: find where it departs
    stale: list[str] = []
    end = block.f_row or block.end_row
    for r in range(block.title_row, end + 1):
        for col in (COL_F, COL_G, COL_H, COL_I):
            raw = imp.grid.raw_value(sheet, r, col)
            if not (isinstance(raw, str) and raw.startswith("=")):
                continue
            mine = xl.value(sheet, r, col)
            theirs = cached_as_value(imp.grid.cached_value(sheet, r, col))
            if (
                isinstance(mine, float)
                and isinstance(theirs, int | float)
                and not isinstance(theirs, bool)
            ):
                if abs(mine - theirs) <= 1e-9 * max(1.0, abs(theirs)):
                    continue
            elif mine == theirs:
                continue
            stale.append(
                f"{_cell(col, r)} cached {_fmt(theirs)} but its formula {raw} gives {_fmt(mine)}"
            )
    comparison.reason_code = "stale-cached-value"
    comparison.reason = (
        ("; ".join(stale[:3]) + (f"; … {len(stale) - 3} more" if len(stale) > 3 else ""))
        if stale
        else f"Excel re-run gives {_fmt(xl_rate)}"
    ) + f"; our F = {format_plain(ours_exact)} → {format_plain(ours)}"


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------


def import_ahsp_cipta_karya(path: str | Path) -> tuple[PriceBook, ImportReport]:
    """Import the AHSP Cipta Karya 2023 workbook into a :class:`PriceBook`.

    Args:
        path: the ``.xlsx`` file (layout in the module docstring).

    Returns:
        ``(book, report)``. The book holds every resource of ``Upah Bahan`` (Rp per unit,
        Decimal) and every analysis block that can be priced, coded ``<chapter>.<No>`` from the
        DHSP; ``meta`` carries the regulation, year, source file name and SHA-256, rounding
        ``RoundingRule(100, DOWN)`` (the workbook's ``ROUNDDOWN(F,-2)``) and the default
        overhead read from the first analysis sheet's overhead cell (``Persiapan!N7`` = 0.1).
        The report holds every finding and one :class:`RateComparison` per block (our F from
        :meth:`PriceBook.compute` against the cached ``I`` cell, with a diagnosed reason when
        they differ). An analysis with an error-level finding (e.g. a line whose name is not in
        ``Upah Bahan``) is left out of the book and listed in the report.

    Raises:
        WorkbookImportError: the file is missing, not an xlsx, or has no price list / analysis
            sheets; nothing is imported (``exc.report`` has what was found so far).
    """
    path = Path(path)
    report = ImportReport(
        source_file=path.name, importer=IMPORTER, importer_version=IMPORTER_VERSION
    )
    try:
        wb = load_xlsx(path)
    except FileNotFoundError as exc:
        raise WorkbookImportError(str(exc), report) from exc
    except WorkbookReadError as exc:
        raise WorkbookImportError(str(exc), report) from exc
    return import_loaded(wb, report)


def import_loaded(
    wb: LoadedWorkbook, report: ImportReport | None = None
) -> tuple[PriceBook, ImportReport]:
    """Import an already loaded workbook (see :func:`import_ahsp_cipta_karya`); lets a caller
    that reads the file once import changed copies of its grid (the importer fuzz test).

    Raises:
        WorkbookImportError: no price list or analysis sheets; a layout this importer does not
            know.
    """
    path = wb.path
    if report is None:
        report = ImportReport(
            source_file=path.name, importer=IMPORTER, importer_version=IMPORTER_VERSION
        )
    report.source_sha256 = wb.sha256
    importer = _Importer(wb, report)
    try:
        book = importer.run()
        report.comparisons = _compare_rates(importer, book)
    except WorkbookImportError:
        raise
    except Exception as exc:  # a layout this importer does not know: a message, not a traceback
        raise WorkbookImportError(
            f"{path.name}: layout not understood ({type(exc).__name__}: {exc}); nothing imported",
            report,
        ) from exc
    report.counts["rates_identical"] = len(report.matching)
    report.counts["rates_differ"] = len(report.differing)
    return book, report
