"""The edition spreadsheet (issue 8 point 2): export → edit → re-import → diff → apply; the
round trip without edits is lossless (same content hash)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.spreadsheets.edition import edition_texts
from dtpl_studio.spreadsheets.edition_xlsx import (
    is_edition_workbook,
    read_edition_workbook,
    write_edition_workbook,
)
from dtpl_studio.spreadsheets.report import WorkbookImportError


def test_the_shipped_edition_round_trips_to_the_same_files_and_hash(tmp_path):
    book = load_default_book()
    path = tmp_path / "edisi.xlsx"
    write_edition_workbook(book, path)
    assert is_edition_workbook(path)
    back, report, exported = read_edition_workbook(path)
    assert report.usable, report.render()
    assert back.content_hash() == book.content_hash() == exported
    assert edition_texts(back) == edition_texts(book)  # every column, the metadata too


# Decimals as a bengkel's book holds them: prices with sen and trailing zeros, coefficients
# with many digits, 34-digit values, integers, exponents that the canonical form keeps
_DECIMALS = st.one_of(
    st.decimals(min_value=0, max_value=Decimal("1E12"), places=2),
    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10_000), places=6),
    st.integers(0, 10**14).map(Decimal),
    st.decimals(min_value=Decimal("1E-10"), max_value=Decimal(1000), allow_nan=False, allow_infinity=False)
    .filter(lambda d: len(d.as_tuple().digits) <= 34),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prices=st.lists(_DECIMALS, min_size=3, max_size=3),
       coefficients=st.lists(_DECIMALS.filter(lambda d: d <= 10**9), min_size=3, max_size=3),
       overhead=st.sampled_from([None, Decimal("0.10"), Decimal("0.15"), Decimal("0.1"), Decimal(0)]))
def test_any_decimal_survives_the_spreadsheet_exactly(tmp_path, prices, coefficients, overhead):
    book = PriceBook(PriceBookMeta(region="Kota Contoh", year=2026, title="=bukan rumus"))
    for n, price in enumerate(prices):
        book.resources[f"M.{n}"] = Resource(f"M.{n}", f"Bahan {n}", ResourceKind.MATERIAL, "kg", price, code=str(n))
    book.analyses["A.1"] = Analysis("A.1", "Pekerjaan", "m3", [
        AnalysisLine(LineKind.MATERIAL, f"M.{n}", c) for n, c in enumerate(coefficients)], overhead_pct=overhead)
    path = tmp_path / "x.xlsx"
    write_edition_workbook(book, path)
    back, report, _ = read_edition_workbook(path)
    assert report.usable, report.render()
    assert edition_texts(back) == edition_texts(book)


def _edit(path: Path, sheet: str, cell: str, value) -> None:
    wb = load_workbook(path)
    wb[sheet][cell] = value
    wb.save(path)


@pytest.fixture
def sheet(tmp_path) -> Path:
    book = PriceBook(PriceBookMeta(region="Kota Contoh", year=2026))
    book.resources["L.01"] = Resource("L.01", "Pekerja", ResourceKind.LABOUR, "OH", Decimal(120_000))
    book.analyses["A.1"] = Analysis("A.1", "Galian", "m3", [AnalysisLine(LineKind.LABOUR, "L.01", Decimal("0.75"))])
    path = tmp_path / "edisi.xlsx"
    write_edition_workbook(book, path)
    return path


@pytest.mark.parametrize("sheet_name,cell,value,words", [
    ("Harga dasar", "E2", "seratus ribu", "Harga dasar!E2"),
    ("Harga dasar", "E2", -5, "negatif"),
    ("Baris analisa", "E2", "#VALUE!", "Baris analisa!E2"),
    ("Baris analisa", "B2", 1.5, "bukan bilangan bulat"),
    ("Baris analisa", "C2", "tukang", "Baris analisa!A2"),  # an unknown kind: the row is named
    ("Analisa", "E2", 15, "tarif biaya umum"),  # 15 for 15 %: refused, not taken as 1 500 %
    ("Edisi", "B7", "dua ribu", "Edisi!B7"),  # the year
    ("Baris analisa", "D2", "TidakAda", "tidak dapat dihitung"),  # a line naming no resource
])
def test_a_bad_cell_is_an_error_naming_its_sheet_and_cell(sheet, sheet_name, cell, value, words):
    _edit(sheet, sheet_name, cell, value)
    book, report, _ = read_edition_workbook(sheet)
    assert not report.usable and not book.analyses
    assert words in report.render()


def test_indonesian_text_numbers_and_edits_are_taken(sheet):
    _edit(sheet, "Harga dasar", "E2", "125.000,50")
    back, report, _ = read_edition_workbook(sheet)
    assert report.usable and back.resources["L.01"].price == Decimal("125000.50")


def test_another_workbook_is_not_an_edition_sheet(sheet, tmp_path):
    wb = load_workbook(sheet)
    wb["Harga dasar"]["A1"] = "kunci"
    wb.save(sheet)
    with pytest.raises(WorkbookImportError, match="baris 1 sheet Harga dasar"):
        read_edition_workbook(sheet)
    other = tmp_path / "lain.xlsx"
    load_workbook(sheet).save(other)
    wb = load_workbook(other)
    wb["Edisi"]["B1"] = "lain"
    wb.save(other)
    assert not is_edition_workbook(other) and not is_edition_workbook(tmp_path / "tidak-ada.xlsx")
