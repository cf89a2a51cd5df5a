"""Price layouts (issue 8 point 2): detection, HSPK JSON, price-list CSV, SSH CSV.

Synthetic files for each layout's messy cases, a hypothesis walk over CSV dialects,
encodings, BOMs and line ends, and the real files of ``../shared/data/public`` (skipped when
the folder is absent) with their figures.
"""

from __future__ import annotations

import io
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.pricebook import BookKind, ResourceKind, unit_price_only
from dtpl_studio.spreadsheets.hspk_json import import_hspk_json
from dtpl_studio.spreadsheets.layouts import LayoutError, detect_layout
from dtpl_studio.spreadsheets.price_lists import (
    import_price_list_csv,
    import_ssh_csv,
    is_construction,
)

D = Decimal


def _hspk(tmp_path: Path, records: list[dict], name: str = "hspk.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _record(code: str, price, unit: str = "m2", region: str = "Kab. Contoh", year: str = "2025") -> dict:
    return {"item_number": "1", "work_code": code, "work_description": f"Pekerjaan {code}", "unit": unit,
            "unit_price_idr": price, "region": region, "edition": "Edisi Ke - 2", "year": year,
            "sector": "Bidang Cipta Karya dan Perumahan"}


def codes(report) -> list[str]:
    return [f.code for f in report.findings]


# -- detection ----------------------------------------------------------------------------------
def test_detects_each_layout_and_refuses_an_unknown_one_naming_the_known(tmp_path):
    assert detect_layout(_hspk(tmp_path, [_record("1.1", 5)])) == "hspk-json"
    (tmp_path / "a.csv").write_bytes(b"\xef\xbb\xbfKode;Komponen;Satuan;Harga_Dasar;Kategori\r\nL.01;Pekerja;OH;1;Upah\r\n")
    assert detect_layout(tmp_path / "a.csv") == "harga-csv"
    (tmp_path / "b.csv").write_text("id_ssh,komponen,spesifikasi,satuan,harga,keterangan,kelompok,tahun\n")
    assert detect_layout(tmp_path / "b.csv") == "ssh-csv"
    assert detect_layout(tmp_path / "x.xlsx") == "ahsp-xlsx"  # by suffix; the importer reads it
    (tmp_path / "c.csv").write_text("nama;jumlah\nA;1\n")
    with pytest.raises(LayoutError) as err:
        detect_layout(tmp_path / "c.csv")
    text = str(err.value)
    assert "tata letak tidak dikenali" in text and all(k in text for k in ("hspk-json", "harga-csv", "ssh-csv"))
    (tmp_path / "d.json").write_text('{"a": 1}')
    with pytest.raises(LayoutError):
        detect_layout(tmp_path / "d.json")


# -- HSPK ---------------------------------------------------------------------------------------
def test_hspk_items_are_priced_work_items_without_breakdown(tmp_path):
    book, report = import_hspk_json(_hspk(tmp_path, [_record("1.1.1.1", 967942, "m'"), _record("1.1.2.1", "1927028", "Buah")]))
    assert report.usable and not report.findings
    assert book.meta.kind is BookKind.HSPK and book.meta.region == "Kab. Contoh" and book.meta.year == 2025
    assert list(book.analyses) == ["1.1.1.1", "1.1.2.1"] and not book.resources
    assert book.unit_rate("1.1.1.1") == D(967942) and book.unit_rate("1.1.2.1") == D(1927028)
    assert book.analyses["1.1.2.1"].unit == "bh"
    assert all(unit_price_only(a) for a in book.analyses.values())
    b = book.compute("1.1.1.1")
    assert b.e == 0 and b.f == b.f_exact == D(967942)


def test_hspk_bad_records_make_the_report_unusable(tmp_path):
    records = [_record("1", 100), _record("1", 200), _record("2", "abc"), _record("3", -5), _record("4", 10, "zz9"),
               {**_record("5", 1), "unit_price_idr": None}]
    book, report = import_hspk_json(_hspk(tmp_path, records))
    assert not report.usable
    assert {"hspk-duplicate-code", "not-a-number", "negative-number", "unit-needs-mapping",
            "hspk-missing-field"} <= set(codes(report))
    assert list(book.analyses) == ["1"] and book.unit_rate("1") == 100
    assert all("rekaman" in f.location for f in report.findings)


def test_hspk_region_and_year_come_from_the_file(tmp_path):
    path = _hspk(tmp_path, [_record("1", 1, region="Kota A"), _record("2", 1, region="Kota B")])
    _book, report = import_hspk_json(path)
    assert "hspk-mixed-region" in codes(report) and not report.usable
    path = _hspk(tmp_path, [_record("1", 1)])
    _book, report = import_hspk_json(path, region="Kab. Lain")
    assert "hspk-option-differs" in codes(report)
    book, report = import_hspk_json(_hspk(tmp_path, [_record("1", 1, region="", year="")]), region="Kab. X", year=2024)
    assert report.usable and (book.meta.region, book.meta.year) == ("Kab. X", 2024)


def test_an_hspk_item_in_a_rab_is_priced_and_not_broken_down():
    from dtpl_studio.costing.funding import Component
    from dtpl_studio.costing.kebutuhan import NotBrokenReason, schedule_package
    from dtpl_studio.costing.pricebook import PriceBook, PriceBookMeta, hspk_item
    from dtpl_studio.costing.rab import Item, Package, Section, price_package

    book = PriceBook(PriceBookMeta(kind=BookKind.HSPK))
    book.put_analysis(hspk_item("1.1.1.5", "Pagar BRC", "m2", D(20770)))
    pp = price_package(Package("Uji", Component.FISIK, book,
                               [Section("I", [Item("Pagar", "m2", analysis_code="1.1.1.5", volume=D("12.5"))])]))
    assert pp.direct == D(259625)
    schedule = schedule_package(pp)
    assert not schedule.resources
    assert [n.reason for n in schedule.not_broken_down] == [NotBrokenReason.HSPK]


# -- price-list CSV -------------------------------------------------------------------------------
MESSY = (
    'Kode;Komponen;Satuan;Harga_Dasar;Kategori\r\n'
    'L.01;Pekerja;OH;126000;Upah\r\n'
    'L.02;Tukang batu;OH ;175000;Upah\n'
    'L.02;Tukang kayu;OH;175000;Upah\r\n'
    ';;;;\r\n'
    'MATERIAL KAYU DAN BAMBU;;;;Material\n'
    ';"PIPA PVC AW ; DN. 1""\n(25 mm) dan\naksesoris";m\';11500;Material\r\n'
    ';Kerikil;kg;210;Material\r\n'
    ';Kerikil;m3;352300.5;Material\r\n'
    ';Thinner;liter;21800;Material\n'
    ';Thinner;liter;35600;Material\n'
    ';Thinner;liter;21800;Material\n'
    ';Lampu Pijar 40 Watt;;;Material\r\n'
    ';Lampu Baret 32 Watt;;15000;Material\r\n'
    ';Kawat;zz9;15000;Material\r\n'
    'SEWA PERALATAN;;;;\r\n'
    ';Sewa molen;hari;250000;\r\n'
)


def test_price_list_messy_cases(tmp_path):
    path = tmp_path / "Upah Bahan.csv"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.encode("utf-8"))
    book, report = import_price_list_csv(path, region="Kab. Contoh", year=2024)
    assert report.usable, report.render()
    r = book.resources
    assert r['PIPA PVC AW ; DN. 1" (25 mm) dan aksesoris'].price == 11500  # multi-line, inch mark
    assert r["Tukang batu"].unit == "OH" and r["Tukang batu"].kind is ResourceKind.LABOUR
    assert r["Kerikil"].unit == "kg" and r["Kerikil (m3)"].price == D("352300.5")
    assert r["Thinner"].price == 21800 and "Thinner (liter)" not in r
    assert r["Sewa molen"].kind is ResourceKind.EQUIPMENT  # from the heading SEWA PERALATAN
    got = codes(report)
    assert {"duplicate-name-unit", "duplicate-name-price", "duplicate-name-same", "section-heading",
            "price-row-no-unit", "unit-needs-mapping", "duplicate-code", "name-multiline", "unit-spaces"} <= set(got)
    side = next(f for f in report.findings if f.code == "duplicate-name-unit")
    assert "kg Rp 210" in side.message and "m3 Rp 352.300,5" in side.message  # side by side
    assert "baris 11" in side.location  # the file's physical line (the quoted name above spans 3 lines)
    assert report.counts["resources"] == len(r) == 8
    assert book.meta.kind is BookKind.AHSP_HSD and (book.meta.region, book.meta.year) == ("Kab. Contoh", 2024)


def test_price_list_unreadable_price_is_an_error(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("Komponen;Satuan;Harga_Dasar\nSemen;zak;abc\nPasir;m3;1e400\n", encoding="utf-8")
    _book, report = import_price_list_csv(path)
    assert not report.usable and report.findings.count(Severity.ERROR) == 2


NAME_CHARS = st.text(alphabet=st.sampled_from(list("abcdeXYZ 019-/()\"';,.éØ½")), min_size=1, max_size=20)
UNITS = ("m3", "kg", "OH", "m'", "bh", "zak", "ltr", "m2")


@st.composite
def price_lists(draw):
    n = draw(st.integers(1, 12))
    rows = []
    for i in range(n):
        base = " ".join(draw(NAME_CHARS).split()) or "x"
        name = f"{base} {i}"
        unit = draw(st.sampled_from(UNITS))
        places = draw(st.sampled_from((0, 2, 4)))
        price = D(draw(st.integers(1, 10**9))).scaleb(-places)
        kind = draw(st.sampled_from(("Upah", "Material", "alat")))
        rows.append((name, unit, price, kind))
    return {
        "rows": rows,
        "delimiter": draw(st.sampled_from((";", ",", "\t"))),
        "encoding": draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252"))),
        "ends": draw(st.lists(st.sampled_from(("\r\n", "\n", "\r")), min_size=1, max_size=3)),
        "split_name": draw(st.booleans()),
        "pad_unit": draw(st.booleans()),
        "heading_at": draw(st.integers(0, n)),
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=price_lists())
def test_price_list_dialects_encodings_boms_line_ends(tmp_path, spec):
    out = io.StringIO()
    ends = spec["ends"]
    lines = [["Kode", "Komponen", "Satuan", "Harga_Dasar", "Kategori"]]
    for i, (name, unit, price, kind) in enumerate(spec["rows"]):
        if i == spec["heading_at"]:
            lines.append(["BAGIAN LAIN", "", "", "", ""])
        shown = name.replace(" ", "\n", 1) if spec["split_name"] else name
        lines.append(["", shown, unit + ("  " if spec["pad_unit"] else ""), f"{price:f}", kind])
    d = spec["delimiter"]

    def excel(cell: str) -> str:  # as Excel writes: quoted when it holds d, a quote or a line end
        # (csv.writer quotes only the characters of its own line terminator)
        if any(ch in cell for ch in (d, '"', "\r", "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    for k, cells in enumerate(lines):
        out.write(d.join(excel(c) for c in cells) + ends[k % len(ends)])
    path = tmp_path / "list.csv"
    path.write_bytes(out.getvalue().encode(spec["encoding"]))
    assert detect_layout(path) == "harga-csv"
    book, report = import_price_list_csv(path)
    assert report.usable, report.render()
    want = {name: (unit, price) for name, unit, price, _ in spec["rows"]}
    got = {r.name: (r.unit, r.price) for r in book.resources.values()}
    from dtpl_studio.costing.units import read_unit

    assert got == {n: (read_unit(u).symbol, p) for n, (u, p) in want.items()}


# -- SSH CSV ------------------------------------------------------------------------------------
SSH = (
    "id_ssh,komponen,spesifikasi,satuan,harga,keterangan,kelompok,tahun\r\n"
    "1,ELBOW 90Â° MASPION,32,Buah,43489,,SSH,2023\r\n"
    "2,Bahan Elektrikal/Mekanikal,Cat Tembok Merk Falcon,25 Kg,593028,,SSH,2023\r\n"
    "3,Semen PC,Semen PC,zak,87210,,SSH,2023\r\n"
    "4,Belanja Obat-Obatan-Obat,Acetazolamid,Pcs,7475,,SSH,2023\r\n"
    "5,Honorarium Tim,Ketua,Orang/Bulan,3000000,,SBU,2023\r\n"
    "6,Ballpoint,Boxy,Buah,8430,,SSH,2023\r\n"
    "7,Semen PC,Semen PC,zak,90000,,SSH,2023\r\n"
    "8,Pipa PVC,\"1/2'''' 15 mm\",Stk,12000,,SSH,2023\r\n"
)


def test_ssh_construction_rows_mojibake_and_embedded_quantity(tmp_path):
    path = tmp_path / "tb_ssh.csv"
    path.write_text(SSH, encoding="utf-8")
    assert detect_layout(path) == "ssh-csv"
    book, report = import_ssh_csv(path, region="Kab. Pangandaran")
    assert report.usable
    assert book.meta.kind is BookKind.SSH and book.meta.year == 2023
    names = list(book.resources)
    assert names == ["ELBOW 90° MASPION — 32", "Bahan Elektrikal/Mekanikal — Cat Tembok Merk Falcon", "Semen PC"]
    paint = book.resources[names[1]]
    assert paint.unit == "kg" and paint.price == D("23721.12") and "25 kg" in paint.note
    got = codes(report)
    assert {"mojibake-repaired", "unit-embedded-quantity", "duplicate-name-price", "unit-needs-mapping"} <= set(got)
    assert report.counts["not_construction"] == 3
    assert any("kelompok SBU" in n for n in report.notes)


def test_construction_rule():
    assert is_construction("SSH", "PIPA HDPE", "") == ""
    assert is_construction("SBU", "Pipa", "") == "sbu"
    assert is_construction("SSH", "Belanja Obat-Obatan-Obat", "Tablet Besi") == "other"
    assert is_construction("SSH", "Kertas", "HVS") == "other"


# -- the real files -----------------------------------------------------------------------------
def _figures(path: Path, book, report, seconds: float) -> str:
    sev = {s.value: report.findings.count(s) for s in Severity}
    return (f"{path.name}: rows {report.counts.get('rows_read')}, resources {len(book.resources)}, "
            f"analyses {len(book.analyses)}, findings {sev}, {seconds:.2f} s")


def test_real_hspk_files_one_edition_per_region_same_codes(public_data):
    files = sorted((public_data / "hspk-jateng-2025").glob("*.json"))
    assert len(files) == 7
    code_sets, regions = set(), set()
    for path in files:
        assert detect_layout(path) == "hspk-json"
        t = time.perf_counter()
        book, report = import_hspk_json(path)
        print(_figures(path, book, report, time.perf_counter() - t))
        assert report.usable and not report.findings and len(book.analyses) == 10
        assert book.meta.year == 2025 and book.meta.region.replace(". ", "_").replace(" ", "_") in path.stem
        code_sets.add(tuple(book.analyses))
        regions.add(book.meta.region)
    assert len(code_sets) == 1 and len(regions) == 7


def test_real_upah_bahan_csv(public_data):
    path = public_data / "upah-bahan-csv" / "Upah Bahan.csv"
    assert detect_layout(path) == "harga-csv"
    t = time.perf_counter()
    book, report = import_price_list_csv(path)
    print(_figures(path, book, report, time.perf_counter() - t))
    assert report.usable
    assert report.counts["rows_read"] == 2823 and len(book.resources) == 2679
    assert report.counts["headings"] == 24
    kinds = {k: sum(1 for r in book.resources.values() if r.kind is k) for k in ResourceKind}
    assert kinds == {ResourceKind.LABOUR: 44, ResourceKind.MATERIAL: 2456, ResourceKind.EQUIPMENT: 179}
    assert book.resources["Pekerja"].price == 126000
    assert not [r for r in book.resources.values() if "\n" in r.name or r.name != r.name.strip()]


def test_real_ssh_csv(public_data):
    path = public_data / "ssh-pangandaran-2023" / "tb_ssh_2023.csv"
    assert detect_layout(path) == "ssh-csv"
    t = time.perf_counter()
    book, report = import_ssh_csv(path, region="Kab. Pangandaran")
    print(_figures(path, book, report, time.perf_counter() - t))
    print("\n".join(report.notes))
    assert report.usable
    assert report.counts["rows_read"] == 10708
    assert report.counts["not_construction"] == 7590 and len(book.resources) == 2863
    assert not [r for r in book.resources.values() if "Â" in r.name or "Ã" in r.name]
    assert book.meta.year == 2023


@pytest.mark.parametrize("komponen,spesifikasi,kept", [
    ("Catridge printer 810", "", False),  # "cat" only as a whole word
    ("Benih Kepiting Soka", "12 ekor/kg", False),  # not "sok"
    ("ID Card", "PVC Polos / Blanko Card", False),
    ("Mistar/Penggaris", "Penggaris Besi 50 Cm", False),
    ("Buku", "Buku Tulis Isi 38 Lembar", False),
    ("Belanja Cetak Peraturan Bupati", "", False),
    ("Cat tembok", "Cat tembok interior 5 kg", True),
    ("PIPA PVC MERK UNILON S-10", "6\" 160 MM", True),
    ("Semen", "Semen portland 50 kg", True),
    ("Kayu Papan Kruing", "Kayu Papan Kruing", True),
    ("Bahan Paku Mur dan Baut", "Duk Angker", True),
])
def test_construction_rows_are_whole_words_and_not_stationery_food_or_seeds(komponen, spesifikasi, kept):
    from dtpl_studio.spreadsheets.price_lists import is_construction

    assert (is_construction("SSH", komponen, spesifikasi) == "") is kept
