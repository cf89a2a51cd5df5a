"""The BLM data of issue 6 in the project file: rule years, termin plan, swadaya minimum and
the price-basis reason survive save/load; a file of the first schema opens with neutral
values; a stored termin percentage out of range is a finding, not a refused file."""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D
from pathlib import Path

from alembic import command

from dtpl_studio.costing.funding import Component, FundingRule, SwadayaRule, Termin
from dtpl_studio.costing.rab import Program, price_program
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import snapshot


def _with_blm_data(program: Program) -> Program:
    program.rules.append(FundingRule("PLP-BK", Component.FISIK, D("650000000.00"), "Perwal uji",
                                     "berlaku TA 2026", year=2026))
    program.termins = [Termin(D("40.5"), "Rencana kerja disetujui", D("1000")),
                       Termin(D("59.5"), "Progres fisik 100%")]
    program.swadaya_rule = SwadayaRule(D("0.15"), "Kesepakatan rembug warga")
    program.packages[0].price_basis_note = "buku contoh"
    return program


def test_blm_data_round_trips(program: Program, tmp_path: Path) -> None:
    _with_blm_data(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert snapshot(loaded) == snapshot(program)
    assert loaded.rules[-1].year == 2026 and loaded.termins[0].amount == D("1000")
    assert price_program(loaded).verdict == price_program(program).verdict


def test_a_first_schema_file_opens_with_neutral_blm_values(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "old.dtpl"
    save_program(_with_blm_data(program), path)
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0001")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = 'project_0001' WHERE key = 'schema_revision'")
        assert "termin" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    loaded = load_program(path)  # upgraded on open
    assert loaded.termins == [] and loaded.swadaya_rule is None
    assert all(r.year is None for r in loaded.rules)
    assert all(p.price_basis_note == "" for p in loaded.packages)


def test_a_stored_termin_percent_out_of_range_is_a_finding(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "p.dtpl"
    save_program(_with_blm_data(program), path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE termin SET percent = '1E+40' WHERE position = 0")
    loaded = load_program(path)
    findings = price_program(loaded).verdict.findings
    assert any(f.code == "stored-value" and "termin" in f.location for f in findings)
