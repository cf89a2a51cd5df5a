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
:attr:`~dtpl_studio.spreadsheets.report.ImportReport.usable` (summary ``TIDAK DAPAT DIPAKAI: …``).

Every value not taken as-is becomes a finding (``dtpl_studio.costing.findings``) located as
``AHSP.xlsx | Sheet!Cell``. After import, every analysis is priced with
:meth:`PriceBook.compute` and compared with the workbook's cached rounded rate; each
difference is diagnosed by re-running the block's formulas the way Excel does
(:class:`~dtpl_studio.spreadsheets.formula.ExcelEmulator`), see
:func:`~dtpl_studio.spreadsheets.ahsp.selfcheck.compare_rates`.

The phases live in :mod:`dtpl_studio.spreadsheets.ahsp` (one module each, run in order by
:func:`import_loaded`); every number a phase reads goes through the shared cell reader
:mod:`dtpl_studio.spreadsheets.cells`.
"""

from __future__ import annotations

import decimal
from pathlib import Path

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.spreadsheets.ahsp.blocks import read_blocks
from dtpl_studio.spreadsheets.ahsp.book import build_book
from dtpl_studio.spreadsheets.ahsp.codes import assign_codes
from dtpl_studio.spreadsheets.ahsp.dhsp import read_dhsp
from dtpl_studio.spreadsheets.ahsp.layout import (  # noqa: F401 - the public names of this importer
    CODE_SCHEME,
    FALLBACK_CODE_SCHEME,
    SHEET1_REASON,
)
from dtpl_studio.spreadsheets.ahsp.resources import read_resources
from dtpl_studio.spreadsheets.ahsp.selfcheck import compare_rates, float_boundary  # noqa: F401
from dtpl_studio.spreadsheets.ahsp.sheets import check_cached_values, find_sheets, read_meta
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.formula import OUT_OF_RANGE
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError
from dtpl_studio.spreadsheets.xlsx import LoadedWorkbook, WorkbookReadError, load_xlsx

IMPORTER = "dtpl_studio.spreadsheets.ahsp_cipta_karya"
IMPORTER_VERSION = "1.2"  # 1.2: shared range-checked cell reader (cells.py)


def run_phases(state: ImportState) -> PriceBook:
    """The phases in order: sheets and defined names, cached values, regulation, the price
    list, the DHSP, the blocks of every analysis sheet, codes, then the book.

    Raises:
        WorkbookImportError: no price list or no analysis sheet.
    """
    find_sheets(state)
    check_cached_values(state)
    read_meta(state)
    state.phase = "daftar harga"
    read_resources(state)
    state.phase = "DHSP"
    read_dhsp(state)
    for sheet in state.analysis_sheets:
        state.phase = f"lembar {sheet!r}"
        read_blocks(state, sheet)
    state.phase = "kode analisa"
    assign_codes(state)
    state.phase = "buku harga"
    return build_book(state)


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
        raise WorkbookImportError(str(exc), report, code="file.not_found", path=path) from exc
    except WorkbookReadError as exc:
        raise WorkbookImportError(str(exc), report, code=exc.code, path=path) from exc
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
    state = ImportState(wb, report)
    try:
        book = run_phases(state)
        state.phase = "perbandingan harga satuan"
        report.comparisons = compare_rates(state, book)
    except WorkbookImportError:
        raise
    except Exception as exc:  # a layout this importer does not know: a message, not a traceback
        why = (
            OUT_OF_RANGE
            if isinstance(exc, decimal.DecimalException)
            else "kesalahan di pengimpor; laporkan dengan berkas ini"
        )
        raise WorkbookImportError(
            f"{path.name}: susunan buku kerja tidak dipahami saat membaca {state.phase}: {why}",
            report,
            where=state.phase,
        ) from exc
    report.counts["rates_identical"] = len(report.matching)
    report.counts["rates_differ"] = len(report.differing)
    return book, report
