"""Data umum and signatories in the project file (issue 9 points 3 and 5): round trip, an
older file (schema project_0003) opened and upgraded, a stored value that cannot be read."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from alembic import command

from dtpl_studio.costing.data_umum import PackageData, ProgramData
from dtpl_studio.costing.rab import Program, Signatory, price_package
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import inspect_project_file, load_program, save_program
from tests.storage.storage_samples import priced_figures

OLDER = "project_0003_blm_funding"

FULL = PackageData(
    ksm_ketua="Sutrisno", rt="03", rw="05", latitude=Decimal("-7.0123"),
    longitude=Decimal("110.4187"), kk=86, jiwa=312, kk_miskin=27, perempuan=158,
    kondisi="Jalan tanah\nberlubang", masalah="Genangan", kpp_nama="KPP Lestari",
    kpp_kegiatan="Kerja bakti", kpp_dana="Iuran Rp 2.000/KK/bulan",
)


def _fill(program: Program) -> None:
    program.data = ProgramData(bkm_ketua="H. Ahmad", sign_place="Sukamaju", sign_date="1 Desember 2026")
    program.packages[0].data = FULL
    program.signatories = [Signatory("Mengetahui", "Drs. B", "Lurah", kind="lurah",
                                     nip="19700312 199503 1 004"),
                           Signatory("Dibuat oleh", "S", "Ketua KSM")]


def test_data_umum_round_trip(program: Program, tmp_path: Path) -> None:
    _fill(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert loaded.data == program.data
    assert [p.data for p in loaded.packages] == [p.data for p in program.packages]
    assert loaded.signatories == program.signatories
    # an empty field has no row; zero is a value, not "empty"
    program.packages[0].data = PackageData(kk=0, jiwa=0)
    save_program(program, path)
    assert load_program(path).packages[0].data == PackageData(kk=0, jiwa=0)


def _downgrade(path: Path, target: str) -> None:
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config("project", conn), target)
    finally:
        engine.dispose()


def test_older_file_opens_with_empty_data_umum(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "lama.dtpl"
    program.signatories = [Signatory("Mengetahui", "Drs. B", "Lurah")]
    save_program(program, path)
    _downgrade(path, OLDER)  # as the app before data umum wrote it
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "data_umum" not in tables
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == OLDER
    assert inspect_project_file(path).state == "older"

    loaded = load_program(path)  # upgraded on open

    assert inspect_project_file(path).state == "current"
    assert loaded.data == ProgramData()
    assert all(p.data == PackageData() for p in loaded.packages)
    assert loaded.signatories == [Signatory("Mengetahui", "Drs. B", "Lurah")]
    assert priced_figures(loaded) == priced_figures(program)
    _fill(loaded)
    save_program(loaded, path)
    assert load_program(path).packages[0].data == FULL


def test_unreadable_stored_number_is_a_finding_not_a_zero(program: Program, tmp_path: Path) -> None:
    _fill(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE data_umum SET value = 'banyak' WHERE key = 'jiwa'")
        con.execute("UPDATE data_umum SET value = '123' WHERE key = 'latitude'")
    loaded = load_program(path)
    data = loaded.packages[0].data
    assert data.jiwa is None and data.latitude is None and data.kk == 86
    findings = price_package(loaded.packages[0]).findings
    texts = [f.message for f in findings if f.code == "data-umum-stored"]
    assert any("Jumlah jiwa" in t for t in texts), texts
    assert any("Lintang" in t for t in texts), texts
