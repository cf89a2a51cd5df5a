"""services.import_preview: what the wizard shows and how it runs the import (issue 8 point 4)."""

from __future__ import annotations

import pytest

from dtpl_studio.costing.numbers import NumberConvention
from dtpl_studio.services.import_preview import (
    ImportCancelled,
    Place,
    column_index,
    place_of,
    preview_file,
    rows_around,
    run_import,
)
from dtpl_studio.services.prices import PricesError
from dtpl_studio.spreadsheets import price_lists

ROWS = "Kode;Komponen;Satuan;Harga_Dasar;Kategori\n" + "".join(
    f"M.{n};Bahan {n};kg;{n}.000;Material\n" for n in range(1, 601))


@pytest.mark.parametrize(("location", "place"), [
    ("a.csv | baris 12!Satuan", Place(line=12, column="Satuan")),
    ("a.csv | baris 7", Place(line=7)),
    ("h.json | rekaman 3!unit", Place(line=3, column="unit")),
    ("AHSP.xlsx | Persiapan!G18", Place(sheet="Persiapan", cell="G18")),
    ("AHSP.xlsx | Upah Bahan", Place(sheet="Upah Bahan")),
    ("a.csv", Place()),
])
def test_place_of_every_location_shape(location, place):
    assert place_of(location) == place


def test_preview_and_neighbourhood_of_a_csv(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(ROWS, encoding="utf-8")
    p = preview_file(path)
    assert (p.layout, p.header_line, p.convention, len(p.rows), p.total_rows) == (
        "harga-csv", 1, NumberConvention.ID, 30, 601)
    rows, at = rows_around(p, 400, radius=2)
    assert [n for n, _ in rows] == [398, 399, 400, 401, 402] and at == 2
    assert column_index(p, "Satuan") == 2 and column_index(p, "harga") == 3
    assert rows_around(p, 9999, radius=1)[0][-1][0] == 601


def test_a_missing_file_is_a_prices_error(tmp_path):
    with pytest.raises(PricesError):
        preview_file(tmp_path / "nope.csv")


def test_run_import_reports_progress_and_stops_inside_the_reader(tmp_path, monkeypatch):
    monkeypatch.setattr(price_lists, "STEP", 100)
    path = tmp_path / "a.csv"
    path.write_text(ROWS, encoding="utf-8")
    seen = []
    book, _ = run_import(path, layout="harga-csv", region="X", year=2024,
                         progress=lambda d, t, label: seen.append((d, t)))
    assert len(book.resources) == 600 and len(seen) >= 6 and seen[-1] == (1, 1)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3  # after two steps inside the reader

    with pytest.raises(ImportCancelled):
        run_import(path, layout="harga-csv", region="X", year=2024, cancelled=cancelled)
    assert len(calls) == 4  # stopped at the third step, not at the end of the file
