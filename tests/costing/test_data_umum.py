"""Data umum validation, findings and edits with their inverses (issue 9 points 3 and 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.data_umum import (
    MAX_COUNT,
    DataUmumError,
    PackageData,
    ProgramData,
    data_umum_findings,
    nip_problem,
    package_data_problems,
    parse_coordinate,
    parse_count,
)
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.rab import Signatory
from tests.ui.ui_sample import build_sample_book, build_sample_program

counts = st.one_of(st.none(), st.integers(min_value=-10, max_value=MAX_COUNT + 10))


@given(kk=counts, jiwa=counts, miskin=counts, perempuan=counts)
def test_counts_are_whole_non_negative_and_parts_not_above_the_whole(kk, jiwa, miskin, perempuan):
    data = PackageData(kk=kk, jiwa=jiwa, kk_miskin=miskin, perempuan=perempuan)
    problems = package_data_problems(data)
    in_range = all(v is None or 0 <= v <= MAX_COUNT for v in (kk, jiwa, miskin, perempuan))
    consistent = ((perempuan is None or jiwa is None or perempuan <= jiwa)
                  and (miskin is None or kk is None or miskin <= kk))
    assert (problems == []) == (in_range and consistent)
    if not in_range:
        assert any("bukan bilangan bulat" in p for p in problems)
    elif not consistent:
        assert any("tidak boleh melebihi" in p for p in problems)
        if perempuan is not None and jiwa is not None and perempuan > jiwa:
            assert any(p.startswith("Jumlah perempuan") for p in problems)


degrees = st.decimals(min_value=-400, max_value=400, places=6, allow_nan=False, allow_infinity=False)


@given(lat=degrees, lon=degrees)
def test_coordinates_in_their_range(lat: Decimal, lon: Decimal):
    problems = package_data_problems(PackageData(latitude=lat, longitude=lon))
    assert any("Lintang" in p for p in problems) == (not -90 <= lat <= 90)
    assert any("Bujur" in p for p in problems) == (not -180 <= lon <= 180)


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_parse_count_reads_what_it_prints(n: int):
    assert parse_count(str(n), "kk") == n
    assert parse_count(f"{n:,}".replace(",", "."), "kk") == n


@pytest.mark.parametrize("text", ["-1", "1,5", "dua", "1e3", str(MAX_COUNT + 1), "٣"])
def test_parse_count_refuses_naming_the_field(text: str):
    with pytest.raises(DataUmumError, match="^Jumlah jiwa"):
        parse_count(text, "jiwa")


def test_parse_coordinate():
    assert parse_coordinate("-6,9175", "latitude") == Decimal("-6.9175")
    assert parse_coordinate(" ", "latitude") is None
    with pytest.raises(DataUmumError, match="Lintang.*di luar rentang"):
        parse_coordinate("91", "latitude")
    with pytest.raises(DataUmumError, match="Bujur.*bukan angka"):
        parse_coordinate("110°25'", "longitude")
    with pytest.raises(DataUmumError, match="Bujur"):
        parse_coordinate("nan", "longitude")


@pytest.mark.parametrize("nip,ok", [
    ("", True), ("197003121995031004", True), ("19700312 199503 1 004", True),
    ("19700312.199503.1.004", True), ("1970031219950310", False), ("19700312 199503 1 00A", False),
    ("1970031219950310041", False),
])
def test_nip_is_eighteen_digits(nip: str, ok: bool):
    assert (nip_problem(nip) is None) is ok
    if not ok:
        assert "NIP" in nip_problem(nip)


def _program():
    return build_sample_program(build_sample_book())


def test_findings_list_missing_fields_nip_and_swapped_coordinates():
    program = _program()
    program.signatories = [Signatory("Mengetahui", "Drs. B", "Lurah", nip="123")]
    physical = next(p for p in program.packages if p.component.value == "fisik")
    physical.data = PackageData(latitude=Decimal("110.4"), longitude=Decimal("-7.0"))
    found = data_umum_findings(program)
    codes = [f.code for f in found]
    assert all(f.severity.value == "warning" for f in found)
    assert "nip-format" in codes and "data-umum-outside-id" in codes
    missing = [f for f in found if f.code == "data-umum-missing" and f.package_id == physical.id]
    assert missing and "Jumlah KK" in missing[0].message and "Ketua KSM/TPK" in missing[0].message
    assert "Lintang" not in missing[0].message  # filled (though outside Indonesia)


def test_edit_sets_data_and_undo_is_exact():
    program = _program()
    package = program.packages[0]
    before_pkg, before_prog = package.data, program.data
    new = PackageData(kk=10, jiwa=40, kk_miskin=3, perempuan=20, rt="01", kondisi="x")
    step = edits.set_data_umum(program, {"kecamatan": "Baru", "bkm": "BKM X"},
                               ProgramData(bkm_ketua="Y"), {package.id: {"data": new, "ksm": "KSM Z"}})
    inverse = step.apply(program)
    assert package.data == new and package.ksm == "KSM Z"
    assert program.kecamatan == "Baru" and program.data.bkm_ketua == "Y"
    inverse.apply(program)
    assert package.data == before_pkg and program.data == before_prog
    assert program.kecamatan != "Baru"


def test_invalid_data_is_refused_and_nothing_changes():
    program = _program()
    package = program.packages[0]
    before = (program.kecamatan, package.data)
    step = edits.set_data_umum(program, {"kecamatan": "Baru"}, None,
                               {package.id: {"data": PackageData(jiwa=5, perempuan=6)}})
    with pytest.raises(EditError, match="Jumlah perempuan"):
        step.apply(program)
    assert (program.kecamatan, package.data) == before


def test_no_change_is_an_empty_step():
    program = _program()
    step = edits.set_data_umum(program, {"kecamatan": program.kecamatan}, program.data,
                               {p.id: {"data": p.data} for p in program.packages})
    assert step.edits == ()
