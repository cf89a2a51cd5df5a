"""What the phases of one AHSP import share: the workbook, the report, the resources read so far
and the VLOOKUP indexes, with the cell helpers (raw, cached, shown text, exact text, unit,
exact formula evaluation through the shared
:class:`~dtpl_studio.spreadsheets.cells.CellReader`).
"""

from __future__ import annotations

from decimal import Decimal, DecimalException
from typing import Any

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.pricebook import (
    PriceBookMeta,
    Resource,
)
from dtpl_studio.costing.units import (
    UnknownUnitError,
    read_unit,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    Block,
    DhspItem,
    text_of,
)
from dtpl_studio.spreadsheets.cells import (
    CellReader,
)
from dtpl_studio.spreadsheets.formula import (
    OUT_OF_RANGE,
    FormulaError,
    Node,
    evaluate_exact,
    wildcard_regex,
)
from dtpl_studio.spreadsheets.report import ImportReport
from dtpl_studio.spreadsheets.xlsx import LoadedWorkbook


class ImportState:
    """One import in progress: the loaded workbook, its report, and what the phases found.

    Attributes filled phase by phase: ``lookup_rect`` / ``dhsp_sheet`` / ``analysis_sheets``
    (:mod:`.sheets`), ``resources``, ``lookup``, ``lookup_trimmed``, ``resource_rows``,
    ``refused`` (:mod:`.resources`), ``dhsp_items`` (:mod:`.dhsp`), ``blocks`` and
    ``overhead_cells`` (:mod:`.blocks`), ``meta`` (:mod:`.sheets`, :mod:`.book`).
    """

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
        self.dhsp_items: list[DhspItem] = []
        self.blocks: list[Block] = []
        self.analysis_sheets: list[str] = []
        self.meta = PriceBookMeta()
        self.lookup_cache: dict = {}  # VLOOKUP indexes shared by the emulators of compare_rates
        self.cells = CellReader(self.grid, report)
        self.refused: dict[str, str] = {}  # casefold name → price cell refused (Sheet!G9)
        self.title_index: dict[tuple, list[tuple[int, str]]] = {}  # VLOOKUP ranges of the DHSP
        self.title_first: dict[tuple, dict[str, int]] = {}
        self.overhead_cells: dict[str, Decimal] = {}  # Sheet!N7 → overhead rate read there
        self.phase = "susunan lembar"  # what is being read, for a layout failure's message

    def raw(self, sheet: str, row: int, col: int) -> Any:
        return self.grid.raw_value(sheet, row, col)

    def cached(self, sheet: str, row: int, col: int) -> Any:
        return self.grid.cached_value(sheet, row, col)

    def shown(self, sheet: str, row: int, col: int) -> str:
        """The text a cell shows: its cached value for a formula, else its content."""
        raw = self.raw(sheet, row, col)
        if isinstance(raw, str) and raw.startswith("="):
            return text_of(self.cached(sheet, row, col))
        if raw is not None and not isinstance(raw, str | int | float):
            return text_of(self.cached(sheet, row, col))
        return text_of(raw)

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
        return value if isinstance(value, str) else text_of(value)

    def add(
        self,
        severity: Severity,
        code: str,
        message: str,
        sheet: str = "",
        cell: str = "",
        raw: Any = "",
        action: str = "",
        cause: str = "",
    ) -> None:
        """Add a finding; ``cause``: the cell (``Sheet!G9``) whose refusal made it (a
        consequence, grouped under that root cause in the report)."""
        finding = self.report.add(severity, code, message, sheet=sheet, cell=cell, raw=raw, action=action)
        if cause:
            self.report.derive(finding, cause)

    def unit(self, raw: Any, sheet: str, cell: str, what: str) -> str:
        """Canonical unit; unknown spellings are kept as written, with a finding."""
        text = "" if raw is None else str(raw)
        if not text.strip():
            return ""
        try:
            reading = read_unit(text)
        except UnknownUnitError:
            self.add(
                Severity.WARNING,
                "unit-needs-mapping",
                f"ejaan satuan {what} tidak dikenal",
                sheet,
                cell,
                text,
                f"disimpan seperti tertulis ({text.strip()!r}); tulis satuan baku (m, m2, m3, kg, "
                "bh, ls …) di buku kerja",
            )
            return text.strip()
        if reading.note:  # a typo read as a unit (1s → ls, NOS → bh): never silently
            self.add(Severity.INFO, "unit-typo", reading.note, sheet, cell, text,
                     f"dibaca sebagai satuan {reading.symbol!r}")
        return reading.symbol

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
            raise FormulaError(OUT_OF_RANGE) from exc

    def resource_for(self, text: str) -> str | None:
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

