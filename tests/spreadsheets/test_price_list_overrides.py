"""The import wizard's overrides of the CSV price-list readers (issue 8 point 4): ``columns``,
``header_line`` and ``convention``; None keeps the detection (the existing tests of
``test_price_layouts.py`` hold it)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.costing.numbers import NumberConvention
from dtpl_studio.services.prices import PricesError, import_prices, layout_overrides
from dtpl_studio.spreadsheets.layouts import detect_layout
from dtpl_studio.spreadsheets.price_lists import (
    detect_columns,
    import_price_list_csv,
    import_ssh_csv,
)
from dtpl_studio.spreadsheets.report import WorkbookImportError

TITLED = ("\ufeffDAFTAR HARGA;;;;\r\n;;;;\r\nKode;Komponen;Satuan;Harga_Dasar;Kategori\r\n"
          "L.01;Pekerja;OH;126.000;Upah\r\n")
STRANGE = "Nama barang;Unit;Nilai (Rp)\nPekerja;OH;126.000\nSemen;kg;1.450,50\n"
SSH = ("no,nama,spek,unit,nilai,ket,grup,thn\n"
       "1,Semen Portland,50 kg,Zak,\"65.000\",,SSH,2023\n"
       "2,Honor narasumber,,OJ,900000,,SBU,2023\n")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_heading_below_title_rows_is_detected(tmp_path):
    assert detect_layout(_write(tmp_path, "a.csv", TITLED)) == "harga-csv"


def test_columns_and_heading_line_read_a_list_with_unknown_headings(tmp_path):
    path = _write(tmp_path, "a.csv", STRANGE)
    with pytest.raises(WorkbookImportError):
        import_price_list_csv(path)
    book, report = import_price_list_csv(path, columns={"komponen": 0, "satuan": 1, "harga": 2}, header_line=1)
    assert {r.name: r.price for r in book.resources.values()} == {"Pekerja": Decimal(126000),
                                                                  "Semen": Decimal("1450.50")}
    assert report.usable and any("dipilih pengguna" in n for n in report.notes)


def test_columns_without_a_heading_read_every_row(tmp_path):
    path = _write(tmp_path, "a.csv", "Pekerja;OH;126.000\nSemen;kg;1.450,50\n")
    book, _ = import_price_list_csv(path, columns={"komponen": 0, "satuan": 1, "harga": 2})
    assert len(book.resources) == 2


@pytest.mark.parametrize("columns", [{"komponen": 0, "satuan": 1}, {"komponen": 0, "satuan": 0, "harga": 2}])
def test_a_mapping_without_a_required_role_or_with_a_column_twice_is_refused(tmp_path, columns):
    with pytest.raises(WorkbookImportError):
        import_price_list_csv(_write(tmp_path, "a.csv", STRANGE), columns=columns, header_line=1)


def test_a_heading_line_that_is_no_row_is_refused(tmp_path):
    with pytest.raises(WorkbookImportError):
        import_price_list_csv(_write(tmp_path, "a.csv", TITLED), header_line=99)


def test_the_convention_override_wins_over_detection(tmp_path):
    path = _write(tmp_path, "a.csv", "Kode;Komponen;Satuan;Harga;Kategori\nM.01;Semen;kg;1.450;Material\n")
    book, _ = import_price_list_csv(path)
    assert next(iter(book.resources.values())).price == Decimal(1450)
    book, report = import_price_list_csv(path, convention=NumberConvention.US)
    assert next(iter(book.resources.values())).price == Decimal("1.450")
    assert any("dipilih pengguna" in n for n in report.notes)


def test_ssh_columns_by_hand(tmp_path):
    path = _write(tmp_path, "ssh.csv", SSH)
    with pytest.raises(WorkbookImportError):
        import_ssh_csv(path)
    columns = {"id_ssh": 0, "komponen": 1, "spesifikasi": 2, "satuan": 3, "harga": 4, "kelompok": 6, "tahun": 7}
    book, report = import_ssh_csv(path, columns=columns, convention=NumberConvention.ID)
    assert [r.code for r in book.resources.values()] == ["1"]
    assert book.meta.year == 2023


def test_detect_columns_names_the_roles():
    assert detect_columns("harga-csv", ["Kode", "Komponen", "Satuan", "Harga_Dasar", "Kategori"]) == {
        "kode": 0, "komponen": 1, "satuan": 2, "harga": 3, "kategori": 4}
    assert detect_columns("harga-csv", ["Nama"])["komponen"] is None


def test_import_prices_passes_overrides_only_to_readers_that_take_them(tmp_path):
    assert layout_overrides("harga-csv") == ("columns", "header_line", "convention")
    assert layout_overrides("hspk-json") == () and layout_overrides("ahsp-xlsx") == ()
    path = _write(tmp_path, "a.csv", STRANGE)
    book, _ = import_prices(path, layout="harga-csv", columns={"komponen": 0, "satuan": 1, "harga": 2},
                            header_line=1, convention=None)
    assert len(book.resources) == 2
    json_path = _write(tmp_path, "h.json", '[{"work_code": "1", "work_description": "a", "unit": "m2", '
                                           '"unit_price_idr": 1000, "region": "X", "year": "2025"}]')
    with pytest.raises(PricesError):
        import_prices(json_path, columns={"kode": 0})
