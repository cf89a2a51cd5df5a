"""The one-pass xlsx reader gives what openpyxl gives, cell for cell (formulas, shared and
array formulas, cached values of every type, hidden rows, names, external links)."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from dtpl_studio.spreadsheets import xlsx
from dtpl_studio.spreadsheets.xlsx import LoadedWorkbook, load_xlsx
from dtpl_studio.spreadsheets.xlsx_fast import UnsupportedWorkbook


def _comparable(value):
    if isinstance(value, ArrayFormula):
        return ("array", value.ref, value.text)
    if isinstance(value, DataTableFormula):
        return ("dataTable", dict(value))
    return (type(value).__name__, value)


def _assert_same(fast: LoadedWorkbook, slow: LoadedWorkbook) -> None:
    assert fast.sheet_names == slow.sheet_names
    assert fast.sheet_states == slow.sheet_states
    assert fast.max_rows == slow.max_rows
    assert fast.external_links == slow.external_links
    assert fast.grid.names == slow.grid.names
    assert fast.grid.hidden_rows == slow.grid.hidden_rows
    for sheet in slow.sheet_names:
        for label, a, b in (
            ("formulas", fast.grid.raw[sheet], slow.grid.raw[sheet]),
            ("cached values", fast.grid.cached[sheet], slow.grid.cached[sheet]),
        ):
            mine = {k: _comparable(v) for k, v in a.items()}
            theirs = {k: _comparable(v) for k, v in b.items()}
            differ = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
            assert not differ, (sheet, label, [(k, mine.get(k), theirs.get(k)) for k in differ[:5]])


def _slow(path: Path) -> LoadedWorkbook:
    result = LoadedWorkbook(path)
    return xlsx._load_with_openpyxl(path, result)


def test_real_workbook_reads_like_openpyxl(public_data):
    path = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    fast = load_xlsx(path)
    _assert_same(fast, _slow(path))
    # what the importer relies on, read in the same pass
    assert fast.grid.raw["Upah Bahan"][(9, 5)] == "Pekerja"
    assert fast.grid.raw["Persiapan"][(4, 9)].startswith("=ROUNDDOWN(")
    assert fast.grid.cached["Persiapan"][(4, 9)] == 792200
    assert fast.grid.names["upahbahan"] == ("Upah Bahan", 5, 9, 7, 1217)
    assert fast.external_links[1] == "AHSP CIPTA KARYA 2023.xlsx"


def test_synthetic_cell_kinds_read_like_openpyxl(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws["A1"], ws["A2"], ws["A3"], ws["A4"] = "teks", 12, 0.1667, True
    ws["A5"] = datetime.datetime(2024, 5, 12)
    ws["A6"] = "=A2*2"
    ws["B1"] = ArrayFormula("B1", "=SUM(A2:A3)")
    ws["A7"] = "_x000D_ ada"
    ws.row_dimensions[3].hidden = True
    hidden = wb.create_sheet("Tersembunyi")
    hidden.sheet_state = "hidden"
    hidden["C3"] = "=Data!A2"
    wb.defined_names["daftar"] = DefinedName("daftar", attr_text="Data!$A$1:$A$7")
    path = tmp_path / "kinds.xlsx"
    wb.save(path)
    _assert_same(load_xlsx(path), _slow(path))


def test_unknown_parts_fall_back_to_openpyxl(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=1+1"
    path = tmp_path / "x.xlsx"
    wb.save(path)

    def unsupported(archive):
        raise UnsupportedWorkbook("strict")

    monkeypatch.setattr(xlsx, "read_workbook", unsupported)
    loaded = load_xlsx(path)
    assert loaded.grid.raw["Sheet"][(1, 1)] == "=1+1"


def test_damaged_archive_is_a_read_error(tmp_path):
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("_rels/.rels", "<not xml")
    with pytest.raises(xlsx.WorkbookReadError, match="tidak dapat dibaca sebagai buku kerja xlsx"):
        load_xlsx(path)
