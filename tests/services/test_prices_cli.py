"""``import-prices`` for every layout, ``editions``, ``catalogue``, ``export-edition``; an
import commits whole or not at all (issue 8 point 2)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.cli import main
from dtpl_studio.services.prices import PricesError, import_prices, store_in_library
from dtpl_studio.spreadsheets.edition import read_edition
from dtpl_studio.storage.library import PriceLibrary


def _hspk(folder: Path, region: str, prices: tuple[int, int], name: str | None = None) -> Path:
    path = folder / (name or f"hspk_{region.replace(' ', '_')}.json")
    path.write_text(json.dumps([
        {"item_number": str(n), "work_code": code, "work_description": f"Pekerjaan {code}", "unit": "m2",
         "unit_price_idr": price, "region": region, "edition": "Edisi Ke - 2", "year": "2025",
         "sector": "Bidang Cipta Karya dan Perumahan"}
        for n, (code, price) in enumerate(zip(("1.1.1.5", "1.1.2.3"), prices, strict=True), start=1)
    ]), encoding="utf-8")
    return path


def _editions(library: Path) -> list:
    with PriceLibrary(str(library)) as lib:
        return lib.list_editions()


def test_import_list_catalogue_export(tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite")
    a = _hspk(tmp_path, "Kota Semarang", (25285, 2791592))
    b = _hspk(tmp_path, "Kab. Klaten", (20371, 2479215))
    assert main(["import-prices", str(a), "--library", library, "--publish"]) == 0
    assert "ditambahkan sebagai edisi terbit #1" in capsys.readouterr().out
    assert main(["import-prices", str(b), "--library", library]) == 0
    assert "ditambahkan sebagai edisi draf #2" in capsys.readouterr().out
    assert main(["import-prices", str(b), "--library", library]) == 0
    assert "sudah tersimpan sebagai edisi #2" in capsys.readouterr().out

    assert main(["editions", "--library", library]) == 0
    out = capsys.readouterr().out
    assert "Wilayah" in out and "Status" in out and "Analisa" in out
    assert "Kota Semarang" in out and "terbit" in out and "Kab. Klaten" in out and "draf" in out and "HSPK" in out

    assert main(["catalogue", "1", "--library", library, "--search", "1.1.2"]) == 0
    out = capsys.readouterr().out
    assert "Rp 2.791.592" in out and "1.1.1.5" not in out and "Harga satuan" in out
    assert main(["catalogue", "--library", library]) == 0  # the newest edition: #2
    assert "Rp 20.371" in capsys.readouterr().out

    out_dir = tmp_path / "ed1"
    assert main(["export-edition", "1", str(out_dir), "--library", library]) == 0
    book = read_edition(out_dir)
    with PriceLibrary(library) as lib:
        assert book.content_hash() == lib.info(1).content_hash
    assert book.unit_rate("1.1.2.3") == Decimal(2791592)
    assert main(["export-edition", "9", str(tmp_path / "ed9"), "--library", library]) == 2


def test_same_codes_and_prices_in_two_regions_stay_two_editions(tmp_path):
    library = str(tmp_path / "lib.sqlite")
    for region in ("Kab. A", "Kab. B"):
        book, report = import_prices(_hspk(tmp_path, region, (1000, 2000)))
        assert report.usable
        _id, _where, added = store_in_library(book, library)
        assert added
    assert [e.region for e in _editions(tmp_path / "lib.sqlite")] == ["Kab. A", "Kab. B"]


def test_layout_named_or_refused(tmp_path, capsys):
    odd = tmp_path / "odd.csv"
    odd.write_text("nama;jumlah\nA;1\n", encoding="utf-8")
    assert main(["import-prices", str(odd), "--no-library"]) == 2
    err = capsys.readouterr().err
    assert "tidak dikenali" in err and "hspk-json" in err and "ssh-csv" in err and "Traceback" not in err
    assert main(["import-prices", str(odd), "--layout", "bogus", "--no-library"]) == 2
    assert "'bogus' tidak dikenal" in capsys.readouterr().err
    # --layout names the reader: a price list read as SSH misses its columns
    listing = tmp_path / "list.csv"
    listing.write_text("Kode;Komponen;Satuan;Harga_Dasar;Kategori\n;Semen;zak;87210;Material\n", encoding="utf-8")
    with pytest.raises(PricesError) as exc:
        import_prices(listing, layout="ssh-csv")
    assert exc.value.code == "prices.list_unreadable"
    book, report = import_prices(listing, layout="harga-csv", region="Kab. Contoh", year=2024)
    assert report.usable and book.meta.region == "Kab. Contoh" and book.meta.year == 2024


def test_an_import_with_errors_stores_nothing(tmp_path, capsys):
    library = tmp_path / "lib.sqlite"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"work_code": "1", "work_description": "x", "unit": "m2",
                                "unit_price_idr": "abc", "region": "Kab. A", "year": "2025"}]))
    assert main(["import-prices", str(bad), "--library", str(library)]) == 1
    assert "tidak ada yang ditulis atau disimpan" in capsys.readouterr().err
    assert not library.exists() or _editions(library) == []


def test_a_failing_write_leaves_the_library_unchanged(tmp_path, monkeypatch):
    """The edition's rows go in one transaction: a failure after some rows were inserted
    leaves no edition, no rows and no audit entry."""
    import dtpl_studio.storage.library as library_module

    library = str(tmp_path / "lib.sqlite")
    book, _ = import_prices(_hspk(tmp_path, "Kab. A", (1000, 2000)))
    store_in_library(book, library)
    with PriceLibrary(library) as lib:
        before = (lib.list_editions(), len(lib.audit_entries()))
    original = library_module._insert_content

    def half_then_fail(session, edition_id, book):
        original(session, edition_id, book)
        session.flush()
        raise OSError("disk penuh (uji)")

    monkeypatch.setattr(library_module, "_insert_content", half_then_fail)
    book2, _ = import_prices(_hspk(tmp_path, "Kab. B", (3000, 4000)))
    with pytest.raises(Exception):  # noqa: B017 - whatever the library raises, nothing is kept
        store_in_library(book2, library, publish=True)
    monkeypatch.setattr(library_module, "_insert_content", original)
    with PriceLibrary(library) as lib:
        assert (lib.list_editions(), len(lib.audit_entries())) == before
    import sqlite3

    with sqlite3.connect(library) as db:  # no orphan rows of the failed edition either
        assert db.execute("SELECT count(*) FROM book_analysis").fetchone()[0] == 2


def test_real_files_into_one_library(public_data, tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite")
    files = [*sorted((public_data / "hspk-jateng-2025").glob("*.json")),
             public_data / "upah-bahan-csv" / "Upah Bahan.csv",
             public_data / "ssh-pangandaran-2023" / "tb_ssh_2023.csv"]
    for path in files:
        assert main(["import-prices", str(path), "--library", library, "--publish",
                     *(["--region", "Kab. Pangandaran"] if "ssh" in path.name else [])]) == 0, path
    capsys.readouterr()
    infos = _editions(tmp_path / "lib.sqlite")
    assert len(infos) == 9 and all(i.published for i in infos)
    assert sorted(i.kind.value for i in infos) == ["AHSP+HSD", *["HSPK"] * 7, "SSH"]
    ssh = next(i for i in infos if i.kind.value == "SSH")
    assert (ssh.region, ssh.year, ssh.resources) == ("Kab. Pangandaran", 2023, 2863)
    assert main(["catalogue", str(ssh.id), "--library", library, "--search", "semen pc"]) == 0
    assert "Rp 87.210" in capsys.readouterr().out


def test_hspk_editions_on_a_team_library_on_postgresql(pg_url, tmp_path, monkeypatch, capsys):
    """The same commands on PostgreSQL; a write failing half-way leaves the server unchanged."""
    import dtpl_studio.storage.library as library_module

    a = _hspk(tmp_path, "Kota Semarang", (25285, 2791592))
    assert main(["import-prices", str(a), "--library", pg_url, "--publish"]) == 0
    assert "edisi terbit #1" in capsys.readouterr().out
    original = library_module._insert_content

    def half_then_fail(session, edition_id, book):
        original(session, edition_id, book)
        session.flush()
        raise OSError("disk penuh (uji)")

    monkeypatch.setattr(library_module, "_insert_content", half_then_fail)
    b = _hspk(tmp_path, "Kab. Klaten", (20371, 2479215))
    assert main(["import-prices", str(b), "--library", pg_url]) == 2
    monkeypatch.undo()
    with PriceLibrary(pg_url) as lib:
        assert [(e.id, e.region) for e in lib.list_editions()] == [(1, "Kota Semarang")]
        assert [h.code for h in lib.search(1, "1.1")] == ["1.1.1.5", "1.1.2.3"]
    assert main(["catalogue", "1", "--library", pg_url]) == 0
    assert "Rp 2.791.592" in capsys.readouterr().out


def test_units_cli_unmapped_then_map_then_reimport(tmp_path, capsys):
    from dtpl_studio.costing.units import register_user_aliases

    csv_path = tmp_path / "analisa.csv"
    csv_path.write_text("1.1;Pasang 1 m2 uji;;;;Rp 1,100.00\r\nNo;Uraian;Sat.;Koefisien;Harga Satuan (Rp);"
                        "Jumlah Harga (Rp)\r\nA;TENAGA KERJA;;;;\r\n1;Pekerja;OH;0.010;100,000.00;1,000.00\r\n"
                        "B;BAHAN;;;;\r\n1;Lem;mtrx;1.000;0.00; - \r\nE;Biaya Umum;;;10%;100.00\r\n", encoding="utf-8")
    try:
        assert main(["import-prices", str(csv_path), "--no-library"]) == 1
        assert main(["units", "--unmapped"]) == 0
        assert "'mtrx': 1 kali" in capsys.readouterr().out
        assert main(["units", "--map", "mtrx=zzz"]) == 2
        assert main(["units", "--map", "mtrx=kg"]) == 0
        assert main(["units", "--unmapped"]) == 0
        assert "(tidak ada)" in capsys.readouterr().out
        assert main(["import-prices", str(csv_path), "--no-library"]) == 0
        assert main(["units"]) == 0
        assert "'mtrx' → kg" in capsys.readouterr().out
    finally:
        register_user_aliases({})


def test_coefficient_only_edition_is_a_draft_never_published(tmp_path, capsys):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "kode_ahsp", "nama_ahsp", "kode_item_lookup", "kategori", "item", "satuan", "koefisien"])
    ws.append([1, "1.1", "Pembuatan 1 m3 uji", "TK.1", "Tenaga Kerja", "Pekerja", "OH", "0.6"])
    ws.append([2, "1.1", "Pembuatan 1 m3 uji", "B.1", "Bahan", "Kerikil", "kg", 83349])
    path = tmp_path / "flat.xlsx"
    wb.save(path)
    library = str(tmp_path / "lib.sqlite")
    assert main(["import-prices", str(path), "--library", library, "--publish"]) == 1
    assert "belum berharga" in capsys.readouterr().err
    assert main(["import-prices", str(path), "--library", library, "--accept-corrections"]) == 0
    out = capsys.readouterr().out
    assert "ditambahkan sebagai edisi draf #1" in out
    prices = tmp_path / "harga.csv"
    prices.write_text("Kode;Komponen;Satuan;Harga_Dasar;Kategori\nL.01;Pekerja;OH;100000;Upah\n"
                      ";Kerikil;kg;300;Material\n", encoding="utf-8")
    assert main(["import-prices", str(path), "--library", library, "--prices", str(prices), "--publish",
                 "--accept-corrections"]) == 0
    assert main(["catalogue", "2", "--library", library, "--search", "1.1"]) == 0
    # 0,6 × 100 000 + 83,349 × 300 = 85 004,7; + 10 % = 93 505,17 → down to Rp 100
    assert "93.500" in capsys.readouterr().out


def test_sni_options_on_another_layout_are_refused(tmp_path, capsys):
    prices = tmp_path / "harga.csv"
    prices.write_text("Kode;Komponen;Satuan;Harga_Dasar;Kategori\nL.01;Pekerja;OH;100000;Upah\n", encoding="utf-8")
    assert main(["import-prices", str(prices), "--no-library", "--accept-corrections"]) == 2
    assert "sni-flat" in capsys.readouterr().err


def test_real_analysis_csv_and_sni_table_through_the_cli(public_data, tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite")
    analysis = public_data / "upah-bahan-csv" / "analisa-besi-aluminium.csv"
    assert main(["import-prices", str(analysis), "--library", library, "--publish"]) == 0
    assert "6 dari 6 sama persis" in capsys.readouterr().out
    assert main(["catalogue", "1", "--library", library, "--search", "3.13.1"]) == 0
    assert "88.800" in capsys.readouterr().out
    table = public_data / "ahsp-sni-2025-flat" / "SNI_2025_AHSP.xlsx"
    prices = public_data / "upah-bahan-csv" / "Upah Bahan.csv"
    assert main(["import-prices", str(table), "--library", library, "--prices", str(prices)]) == 0
    out = capsys.readouterr().out
    assert "ditambahkan sebagai edisi draf #2" in out
    infos = _editions(tmp_path / "lib.sqlite")
    assert infos[1].analyses >= 2290 and not infos[1].published
