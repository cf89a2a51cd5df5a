"""Each phase of the AHSP importer (``dtpl_studio/spreadsheets/ahsp/``) on its own, on the
miniature workbook of ``test_ahsp_cipta_karya`` loaded once; the end-to-end behaviour on the
real workbook is in ``test_ahsp_cipta_karya``."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT
from dtpl_studio.costing.pricebook import LineKind, ResourceKind
from dtpl_studio.spreadsheets.ahsp.blocks import clean_title, read_blocks
from dtpl_studio.spreadsheets.ahsp.book import build_book
from dtpl_studio.spreadsheets.ahsp.codes import assign_codes
from dtpl_studio.spreadsheets.ahsp.dhsp import read_dhsp
from dtpl_studio.spreadsheets.ahsp.lines import read_coefficient
from dtpl_studio.spreadsheets.ahsp.prices import _vlookup_parts
from dtpl_studio.spreadsheets.ahsp.resources import read_resources
from dtpl_studio.spreadsheets.ahsp.selfcheck import compare_rates
from dtpl_studio.spreadsheets.ahsp.sheets import check_cached_values, find_sheets, read_meta
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.formula import parse_formula
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError
from dtpl_studio.spreadsheets.xlsx import load_xlsx
from tests.spreadsheets.test_ahsp_cipta_karya import _PLAIN, _build

_CONVERTED = dict(
    _PLAIN,
    title="Pasangan dengan konversi",
    B=[("Pasir pasang", "kg", 499, "=VLOOKUP(D27,upahbahan,3,FALSE)/1400")],
)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return load_xlsx(_build(tmp_path_factory.mktemp("phases") / "AHSP.xlsx", [_PLAIN, _CONVERTED]))


def _state(loaded, **cells) -> ImportState:
    wb = copy.copy(loaded)
    wb.grid = copy.deepcopy(loaded.grid)
    for where, value in cells.items():
        sheet, row, col = where.split("_")
        wb.grid.raw[sheet.replace("-", " ")][(int(row), int(col))] = value
    return ImportState(wb, ImportReport(source_file="AHSP.xlsx"))


def _codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_sheets_phase_finds_the_price_list_the_dhsp_and_the_analysis_sheets(loaded):
    st = _state(loaded)
    find_sheets(st)
    assert st.lookup_rect == ("Upah Bahan", 5, 9, 7, 17)
    assert st.dhsp_sheet == "Daftar Harga Satuan Pekerjaan"
    assert st.analysis_sheets == ["Persiapan"]
    check_cached_values(st)
    assert "no-cached-values" not in _codes(st.report)
    read_meta(st)
    assert st.meta.legal_ref == "Permen PUPR No. 8 Tahun 2023" and st.meta.year == 2023


def test_sheets_phase_refuses_a_workbook_without_a_price_list(loaded):
    st = _state(loaded)
    st.grid.names.pop("upahbahan")
    st.wb.sheet_names = [s for s in st.wb.sheet_names if s != "Upah Bahan"]
    with pytest.raises(WorkbookImportError, match="tidak ada daftar harga"):
        find_sheets(st)


def test_resources_phase_kinds_duplicates_and_refused_prices(loaded):
    st = _state(loaded, **{"Upah-Bahan_10_7": -5})  # 'Tukang batu' priced negative
    find_sheets(st)
    read_resources(st)
    assert st.resources["Pekerja"].kind is ResourceKind.LABOUR
    assert st.resources["Semen portland"].kind is ResourceKind.MATERIAL
    assert st.resources["Molen"].kind is ResourceKind.EQUIPMENT
    # VLOOKUP finds the first 'Pasir pasang'; the second is kept under its row
    assert st.find_resource("PASIR PASANG") == "Pasir pasang"
    assert st.resources["Pasir pasang (row 15)"].price == 999999
    assert "Tukang batu" not in st.resources
    assert st.refused == {"tukang batu": "Upah Bahan!G10"}
    refused = next(f for f in st.report.findings if f.location.endswith("Upah Bahan!G10"))
    assert refused.severity is Severity.ERROR and refused.code == "negative-number"


def test_dhsp_phase_ties_items_to_the_analysis_sheet(loaded):
    st = _state(loaded)
    find_sheets(st)
    read_dhsp(st)
    assert [(i.code, i.sheet, i.name) for i in st.dhsp_items] == [
        ("A.1", "Persiapan", "Pemasangan 1 m2 contoh"),
        ("A.2", "Persiapan", "Pasangan dengan konversi"),
    ]


def test_block_and_line_phases(loaded):
    st = _state(loaded)
    find_sheets(st)
    read_resources(st)
    read_blocks(st, "Persiapan")
    first, second = st.blocks
    title = first.title_row
    assert (first.d_row, first.e_row, first.f_row) == (title + 12, title + 13, title + 14)
    assert first.overhead == Decimal("0.1") and not first.error
    assert [line.name for line in first.lines] == [
        "Pekerja",
        "Mandor",
        "Semen portland",
        "Pasir pasang",
    ]
    sand = first.lines[-1].lines[0]  # =61.56/1400 evaluated exactly
    assert sand.coefficient == CONTEXT.divide(Decimal("61.56"), Decimal(1400))
    converted = second.lines[-1].lines[0]  # VLOOKUP(…)/1400: 499 kg recorded in m3
    assert converted.unit == "m3" and converted.kind is LineKind.MATERIAL
    assert converted.coefficient == CONTEXT.divide(Decimal(499), Decimal(1400))


def test_coefficient_reader_refuses_what_is_not_a_coefficient(loaded):
    st = _state(loaded, **{"Persiapan_7_6": "#REF!"})
    assert read_coefficient(st, "Persiapan", 7, []) is None
    (finding,) = st.report.findings
    assert finding.code == "excel-error" and finding.location.endswith("Persiapan!F7")


def test_title_cleaning_and_price_formula_shapes():
    st = ImportState.__new__(ImportState)
    st.report = ImportReport(source_file="AHSP.xlsx")
    assert clean_title(st, "Pemasangan 1 m\n2\n dinding ", "S", "C4") == "Pemasangan 1 m2 dinding"
    assert _codes(st.report) == ["text-cleaned"]
    lookup, op, factor = _vlookup_parts(parse_formula("=VLOOKUP(D7,upahbahan,3,FALSE)/1400"))
    assert lookup[1] == 3 and (op, factor) == ("/", Decimal(1400))
    assert _vlookup_parts(parse_formula("=D7*2")) == (None, "", None)


def test_codes_book_and_selfcheck_phases(loaded):
    st = _state(loaded)
    find_sheets(st)
    read_meta(st)
    read_resources(st)
    read_dhsp(st)
    read_blocks(st, "Persiapan")
    assign_codes(st)
    assert [(b.code, b.unit) for b in st.blocks] == [("A.1", "m2"), ("A.2", "m2")]
    st.blocks[1].error = "made up for the test"
    book = build_book(st)
    assert list(book.analyses) == ["A.1"]
    skipped = next(f for f in st.report.findings if f.code == "analysis-skipped")
    assert skipped.severity is Severity.ERROR and "made up" in skipped.message
    comparisons = compare_rates(st, book)
    assert comparisons[0].matches, comparisons[0].line()
    assert comparisons[1].ours is None


def test_unit_typos_are_read_with_a_finding(loaded):
    st = _state(loaded, **{"Upah-Bahan_17_6": "1s"})  # 'Molen' per '1s' (a typo for ls)
    find_sheets(st)
    read_resources(st)
    assert st.resources["Molen"].unit == "ls"
    typo = next(f for f in st.report.findings if f.code == "unit-typo")
    assert typo.severity is Severity.INFO and typo.location.endswith("Upah Bahan!F17")
    assert typo.raw == "1s"
