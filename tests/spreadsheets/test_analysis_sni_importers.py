"""The analisa-csv and sni-flat importers (issue 8 points 2-3): synthetic files for each rule,
a hypothesis walk over units and resource kinds for the decimal-lost coefficients, the user's
unit mappings, and the real files through ``public_data``."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.plausibility import CEILINGS, ceiling, check_coefficient, unit_family
from dtpl_studio.costing.units import register_user_aliases
from dtpl_studio.spreadsheets.analysis_csv import import_analysis_csv
from dtpl_studio.spreadsheets.layouts import detect_layout
from dtpl_studio.spreadsheets.sni_flat import import_sni_flat

HEAD = "No;Uraian;Sat.;Koefisien;Harga  Satuan (Rp);Jumlah Harga (Rp);;;;"


def _analysis_csv(tmp_path, *, us: bool = True, name="a.csv"):
    def n(text_us: str, text_id: str) -> str:
        return text_us if us else text_id

    lines = [
        "\ufeff;;;;;;;;;",
        "3.13;PEKERJAAN UJI;;;;;;;;",
        f"3.13.1;Pemasangan 1 m2 uji;;;;   Rp {n('88,800.00', '88.800,00')};   Catatan: ;;;",
        HEAD + ";10%",
        "A;TENAGA KERJA;;;;;;;;",
        f"1;Pekerja;OH;{n('0.0430', '0,0430')};{n('100,000.00', '100.000,00')};{n('4,300.00', '4.300,00')};;;0.0200;",
        f"2;Tukang;oh;{n('0.0430', '0,0430')};{n('145,000.00', '145.000,00')};{n('6,235.00', '6.235,00')};;;;",
        f"JUMLAH HARGA TENAGA KERJA;;;;;{n('10,535.00', '10.535,00')};;;;",
        "B;BAHAN;;;;;;;;",
        f"1;Profil;m';{n('1.100', '1,100')};{n('60,000.00', '60.000,00')};{n('66,000.00', '66.000,00')};;;;",
        f"JUMLAH HARGA BAHAN;;;;;{n('66,000.00', '66.000,00')};;;;",
        "C;PERALATAN;;;;;;;;",
        "JUMLAH HARGA ALAT;;;;; - ;;;;",
        f"D;Jumlah (A+B+C);;;;{n('76,535.00', '76.535,00')};;;;",
        f"E;Biaya Umum dan Keuntungan 10% x D;;;10%;{n('7,653.50', '7.653,50')};;;;",
        f"F;Harga Satuan Pekerjaan (D+E);;;;{n('84,188.50', '84.188,50')};;;;",
        ";;;;;;;;;",
        f"3.13.2;Pemasangan 1 m' uji dua;;;;   Rp {n('6,600.00', '6.600,00')};;;;",
        HEAD,
        "A;TENAGA KERJA;;;;;;;;",
        f"1;pekerja ;OH;{n('0.0600', '0,0600')};{n('100,000.00', '100.000,00')};{n('6,000.00', '6.000,00')};;;;",
        "D;Jumlah;;;;;;;;",
        "E;Biaya Umum;;;10%;;;;;",
        "F;Harga;;;;;;;;",
    ]
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path


@pytest.mark.parametrize("us", [True, False])
def test_analysis_csv_reads_either_convention_rp_dash_and_reports_stray_columns(tmp_path, us):
    path = _analysis_csv(tmp_path, us=us)
    assert detect_layout(path) == "analisa-csv"
    book, report = import_analysis_csv(path)
    assert report.usable, report.render_text()
    assert list(book.analyses) == ["3.13.1", "3.13.2"]
    a = book.analyses["3.13.1"]
    assert a.unit == "m2" and a.overhead_pct == Decimal("0.1") and a.chapter.startswith("3.13")
    assert book.compute("3.13.1").f_exact == Decimal("84188.5")
    # every line is summed in its own group (A tenaga kerja, B bahan, C peralatan)
    assert all(ln.group.value == ln.kind.value for x in book.analyses.values() for ln in x.lines)
    # printed Rp 88 800 is not our 84 188,50 rounded: a comparison that differs, not a match
    cmp = {c.code: c for c in report.comparisons}
    assert cmp["3.13.2"].matches and cmp["3.13.2"].ours == Decimal(6600)
    assert not cmp["3.13.1"].matches
    codes = {f.code for f in report.findings}
    assert "dash-zero" in codes and "stray-column" in codes
    assert ("number-convention-us" in codes) is us
    # one resource per name (case/spaces folded) used by both analyses
    assert sum(1 for r in book.resources.values() if r.name.casefold().strip() == "pekerja") == 1
    stray = [f for f in report.findings if f.code == "stray-column"]
    assert all(f.severity is Severity.INFO for f in stray) and any(f.raw == "0.0200" for f in stray)


def test_analysis_csv_conflicting_price_pins_the_line_and_warns(tmp_path):
    path = _analysis_csv(tmp_path)
    text = path.read_text(encoding="utf-8-sig").replace(
        "1;pekerja ;OH;0.0600;100,000.00;6,000.00", "1;pekerja ;OH;0.0600;110,000.00;6,600.00")
    path.write_text(text, encoding="utf-8")
    book, report = import_analysis_csv(path)
    assert [f for f in report.findings if f.code == "duplicate-name-price"]
    line = book.analyses["3.13.2"].lines[0]
    assert line.price_override == Decimal(110000) and book.resources[line.ref].price == Decimal(100000)


def test_analysis_csv_bad_number_is_an_error_naming_line_and_column(tmp_path):
    path = _analysis_csv(tmp_path)
    text = path.read_text(encoding="utf-8-sig").replace("1;Profil;m';1.100", "1;Profil;m';1.1.0x")
    path.write_text(text, encoding="utf-8")
    book, report = import_analysis_csv(path)
    assert not report.usable and "3.13.1" not in book.analyses
    bad = next(f for f in report.findings if f.severity is Severity.ERROR)
    assert "baris 10" in bad.location and "kolom D" in bad.location


def test_real_analysis_csv_reproduces_printed_rates(public_data):
    book, report = import_analysis_csv(public_data / "upah-bahan-csv" / "analisa-besi-aluminium.csv")
    assert report.usable
    assert book.unit_rate("3.13.1") == Decimal(88800)
    assert len(report.comparisons) == 6 and len(report.matching) == 6
    assert book.meta.rate_rounding.step == Decimal(100)
    assert report.counts["analyses"] == 6
    # 'Alat Las Listrik' per jam and per kg: two resources, shown side by side
    assert [f for f in report.findings if f.code == "duplicate-name-unit"]


# -- decimal-lost coefficients ----------------------------------------------------------------
FAMILY_UNITS = {"OH": "OH", "OJ": "OJ", "hari": "hari", "jam": "jam", "bulan": "bulan", "mass": "kg",
                "volume-liter": "liter", "volume": "m3", "area": "m2", "length": "m'", "count": "bh",
                "other": "%"}


def test_every_ceiling_family_has_a_unit():
    assert set(FAMILY_UNITS) == set(CEILINGS)
    for family, unit in FAMILY_UNITS.items():
        assert unit_family(unit) == family


three_decimals = st.integers(min_value=1000, max_value=999_999).map(lambda n: Decimal(n).scaleb(-3))


@settings(max_examples=300, deadline=None)
@given(family=st.sampled_from(sorted(FAMILY_UNITS)), work=st.sampled_from(["m3", "m2", "bh", "m'"]),
       kind=st.sampled_from(["labour", "material", "equipment"]), true=three_decimals)
def test_decimal_lost_walk_over_units_and_kinds(family, work, kind, true):
    unit = FAMILY_UNITS[family]
    damaged = true * 1000  # '83,349' read as a thousands grouping
    top = ceiling(unit, work)
    # the same value written with decimals is never suspect
    assert check_coefficient(true, written_with_decimals=True, unit=unit, work_unit=work, kind=kind) is None
    # without references: suspect exactly when the damaged value is above the ceiling
    found = check_coefficient(damaged, written_with_decimals=False, unit=unit, work_unit=work, kind=kind)
    assert (found is not None) == (damaged > top)
    if found is not None:
        assert found.proposed == true and found.reason
    # with the same item elsewhere near the true value: always suspect, proposal ÷ 1000
    refs = [true, true * Decimal("1.5"), true / 2]
    found = check_coefficient(damaged, written_with_decimals=False, unit=unit, work_unit=work, kind=kind,
                              references=refs)
    assert found is not None and found.proposed == true and found.reference is not None
    # an integer that the same item elsewhere confirms is not suspect
    assert check_coefficient(damaged, written_with_decimals=False, unit=unit, work_unit=work,
                             references=[damaged, damaged * 2]) is None
    # far above every one of five references, though within √1000 of their median: suspect
    many = [damaged / 25, damaged / 20, damaged / 10, damaged / 8, damaged / 4]
    found = check_coefficient(damaged, written_with_decimals=False, unit=unit, work_unit=work, references=many)
    assert found is not None and "nilai terbesar" in found.reason


@given(value=st.integers(min_value=0, max_value=999))
def test_small_integers_cannot_have_lost_a_separator(value):
    assert check_coefficient(Decimal(value), written_with_decimals=False, unit="OH", work_unit="m3") is None


def _flat(tmp_path, rows, name="flat.xlsx"):
    wb = Workbook()
    ws = wb.active
    ws.title = "Tabel"
    ws.append(["id", "kode_ahsp", "nama_ahsp", "kode_item_lookup", "kategori", "item", "satuan", "koefisien",
               "source_file", "sumber_ahsp"])
    for i, row in enumerate(rows, start=1):
        ws.append([i, *row, "x.xlsx", "AHSP 2025"])
    path = tmp_path / name
    wb.save(path)
    return path


ROWS = [
    ("1.1", "Pembuatan 1 m3 uji", "TK.1", "Tenaga Kerja", "Pekerja", "OH", "0.6"),
    ("1.1", "Pembuatan 1 m3 uji", "B.1", "Bahan", "Kerikil", "kg", 83349),
    ("1.1", "Pembuatan 1 m3 uji", "B.2", "Bahan", "Geotekstil", "mÂ²", "0.2"),
    ("1.1", "Pembuatan 1 m3 uji", "A.1", "Peralatan", "Molen", "Hari", "0.25"),
    ("1.2", "Pembuatan 1 m2 uji dua", "TK.1", "Tenaga Kerja", "Pekerja", "oh", 1351),
    ("1.2", "Pembuatan 1 m2 uji dua", "B.1", "Bahan", "Kerikil", "Kg", 83.349),
    ("1.2", "Pembuatan 1 m2 uji dua", "B.3", "Bahan", "Pompa", "Unit", 2),
]


def test_sni_flat_reports_decimal_lost_coefficients_and_keeps_them(tmp_path):
    path = _flat(tmp_path, ROWS)
    assert detect_layout(path) == "sni-flat"
    book, report = import_sni_flat(path)
    assert report.usable, report.render_text()
    lost = {f.location.split("!")[-1]: f for f in report.findings if f.code == "coefficient-decimal-lost"}
    assert set(lost) == {"H3", "H6"}
    assert all(f.severity is Severity.WARNING and "83,349" in f.message or "1,351" in f.message
               for f in lost.values())
    assert "barang yang sama" in lost["H3"].message  # 83,349 kg elsewhere (a float cell)
    kerikil = next(ln for ln in book.analyses["1.1"].lines if ln.description == "Kerikil")
    assert kerikil.coefficient == Decimal(83349)  # never applied silently
    geo = next(ln for ln in book.analyses["1.1"].lines if ln.description == "Geotekstil")
    assert geo.unit == "m2" and geo.coefficient == Decimal("0.2")
    assert any(f.code == "mojibake-repaired" and f.raw == "mÂ²" for f in report.findings)
    assert {r.unit for r in book.resources.values()} >= {"OH", "kg", "m2", "hari", "unit"}
    assert book.analyses["1.1"].unit == "m3" and book.analyses["1.2"].unit == "m2"
    assert all(r.price == 0 for r in book.resources.values())
    assert any(f.code == "prices-missing" for f in report.findings)
    assert report.counts["suspect_coefficients"] == 2


def test_sni_flat_accept_corrections_applies_and_says_so(tmp_path):
    book, report = import_sni_flat(_flat(tmp_path, ROWS), accept_corrections=True)
    kerikil = next(ln for ln in book.analyses["1.1"].lines if ln.description == "Kerikil")
    assert kerikil.coefficient == Decimal("83.349")
    assert len([f for f in report.findings if f.code == "coefficient-corrected"]) == 2


def test_sni_flat_unknown_unit_needs_mapping_then_reimport_succeeds(tmp_path, monkeypatch):
    from dtpl_studio.services.prices import import_prices
    from dtpl_studio.services.units import map_unit, remember_unmapped, unmapped_units

    rows = [*ROWS, ("1.3", "Pembuatan 1 m2 tiga", "B.9", "Bahan", "Lem", "kaleng kecil", "0.5")]
    path = _flat(tmp_path, rows)
    try:
        book, report = import_prices(path)
        assert not report.usable and "1.3" not in book.analyses
        assert remember_unmapped(report) == 1
        assert unmapped_units()[0][0] == "kaleng kecil"
        assert map_unit("kaleng kecil", "kaleng") == "kaleng"
        assert unmapped_units() == []
        book, report = import_prices(path)
        assert report.usable and book.analyses["1.3"].lines[0].unit == "kaleng"
    finally:
        register_user_aliases({})


def test_sni_flat_prices_joined_from_a_price_list(tmp_path):
    from dtpl_studio.services.prices import book_has_unpriced, import_prices

    prices = tmp_path / "harga.csv"
    prices.write_text("Kode;Komponen;Satuan;Harga_Dasar;Kategori\nL.01;Pekerja;OH;100000;Upah\n"
                      ";kerikil;m3;300000;Material\n;Geotekstil;m2;25000;Material\n", encoding="utf-8")
    book, report = import_prices(_flat(tmp_path, ROWS), prices=str(prices))
    by_name = {r.name: r for r in book.resources.values()}
    assert by_name["Pekerja"].price == Decimal(100000) and by_name["Geotekstil"].price == Decimal(25000)
    assert by_name["Kerikil"].price == 0  # m3 in the list, kg here: not the same dimension
    left = [f for f in report.findings if f.code == "prices-missing"]
    assert len(left) == 1 and "Kerikil" in left[0].message
    assert book_has_unpriced(book)


def test_real_sni_flat_counts_and_suspects(public_data):
    book, report = import_sni_flat(public_data / "ahsp-sni-2025-flat" / "SNI_2025_AHSP.xlsx")
    assert report.usable, report.summary()
    assert report.counts["rows_read"] == 13899
    assert 2290 <= len(book.analyses) <= 2310
    # every one of the 725 integer coefficients ≥ 1000 is implausible for its unit and kind
    # (31 of them, 1 704 kg of cement in analyses named "1 m3 plint", only because the same
    # cement is at most 468 kg in 41 other analyses per m3)
    assert report.counts["suspect_coefficients"] == 725
    lost = [f for f in report.findings if f.code == "coefficient-decimal-lost"]
    assert all(f.severity is Severity.WARNING for f in lost)
    first = next(f for f in lost if f.location.endswith("!H12"))
    assert "83,349" in first.message and "Kerikil" in first.message
    assert report.counts["text_coefficients"] > 13000
    assert any(f.code == "mojibake-repaired" and f.raw == "mÂ²" for f in report.findings)


# -- fuzz: any content in a number cell is taken or refused at that cell ------------------------
CELL_TEXTS = st.one_of(
    st.text(alphabet="0123456789.,- Rp%eE#!A", max_size=12),
    st.sampled_from(["#VALUE!", "1e30", "-5", "Rp 1.000,-", " - ", "1,234.5", "1.234,5", "0,1667", ""]),
)


@settings(max_examples=60, deadline=None)
@given(column=st.sampled_from([3, 4, 5]), raw=CELL_TEXTS)
def test_analysis_csv_any_number_cell_is_taken_or_refused_there(tmp_path_factory, column, raw):
    path = _analysis_csv(tmp_path_factory.mktemp("fz"))
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    cells = lines[9].split(";")  # line 10: the material line of 3.13.1
    cells[column] = raw.replace(";", "")
    lines[9] = ";".join(cells)
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    book, report = import_analysis_csv(path)  # never raises
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    if "3.13.1" in book.analyses:
        assert not [f for f in errors if "baris 10" in f.location]
    else:
        assert any("baris 10" in f.location for f in errors) and not report.usable


@settings(max_examples=60, deadline=None)
@given(raw=st.one_of(CELL_TEXTS, st.integers(-10, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                     st.none()))
def test_sni_flat_any_coefficient_is_taken_or_refused_there(tmp_path_factory, raw):
    rows = [list(r) for r in ROWS]
    rows[2][6] = raw
    book, report = import_sni_flat(_flat(tmp_path_factory.mktemp("fz"), [tuple(r) for r in rows]))
    at_cell = [f for f in report.findings if f.severity is Severity.ERROR and f.location.endswith("!H4")]
    if "1.1" in book.analyses:
        assert not at_cell
        line = next(ln for ln in book.analyses["1.1"].lines if ln.description == "Geotekstil")
        assert line.coefficient is not None
    else:
        assert at_cell and not report.usable
