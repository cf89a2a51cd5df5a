"""The project file keeps back-up expressions, linked lines and package parameters
(migration project_0007_ekspresi); an older file opens with factor lines only; a stored
parameter value out of range is a finding naming the table and row."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from alembic import command

from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.rab import Measurement, Program, price_program
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import priced_figures, snapshot


def _with_expressions(program: Program) -> Program:
    package = program.packages[0]
    items = list(package.items())
    package.parameters = [Parameter("P", Decimal("12.5"), "m", "panjang"),
                          Parameter("T", Decimal("0.40"), "m")]
    items[1].measurements.append(Measurement("Sisi tambahan", [], expression="2 * P * T"))
    items[1].measurements.append(Measurement("Dikurangi sisi", [], -1, expression="P * 10 cm"))
    items[3].measurements = [Measurement("Sama dengan plesteran", [], link=items[1].id)]
    return program


def test_expressions_links_and_parameters_round_trip(program: Program, tmp_path: Path) -> None:
    _with_expressions(program)
    before = priced_figures(program)
    assert all(row[-1] == "" for row in before if len(row) == 6)  # no item in error
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == before
    lines = [line for item in loaded.packages[0].items() for line in item.measurements]
    assert [line.expression for line in lines if line.expression] == ["2 * P * T", "P * 10 cm"]
    assert [line.sign for line in lines if line.expression] == [1, -1]
    assert sum(line.link is not None for line in lines) == 1


def test_a_file_before_expressions_opens_with_factor_lines(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "old.dtpl"
    save_program(program, path)
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0006_data_umum")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = 'project_0006_data_umum' WHERE key = 'schema_revision'")
        assert "expression" not in {r[1] for r in con.execute("PRAGMA table_info(measurement)")}
    loaded = load_program(path)  # upgraded on open
    assert snapshot(loaded) == snapshot(program)
    assert all(p.parameters == [] for p in loaded.packages)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision("project")
    _with_expressions(loaded)
    save_program(loaded, path)  # and the upgraded file takes them
    assert snapshot(load_program(path)) == snapshot(loaded)


def test_a_stored_parameter_out_of_range_is_a_finding(program: Program, tmp_path: Path) -> None:
    _with_expressions(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE package_parameter SET value = '-1E+30' WHERE name = 'P'")
        con.execute("UPDATE package_parameter SET name = 'm' WHERE name = 'T'")
    loaded = load_program(path)  # opens
    findings = price_program(loaded).packages[0].findings
    stored = [f for f in findings if f.code == "stored-value"]
    assert any("package_parameter" in f.location and "value" in f.location for f in stored)
    assert any(f.code == "parameter" and "simbol satuan" in f.message for f in findings)
    assert any(f.code == "measurement-expression" for f in findings)  # 'T' is gone


def test_edits_through_the_session_are_saved_and_undone(program: Program, tmp_path: Path) -> None:
    from dtpl_studio.costing import edits as E
    from dtpl_studio.services.session import ProjectSession

    package = program.packages[0]
    items = list(package.items())
    before = snapshot(program)
    session = ProjectSession.untitled(program)
    inverses = [session.apply(E.InsertParameter(package.id, Parameter("P", Decimal(3), "m")))]
    inverses.append(session.apply(E.InsertMeasurement(items[1].id, Measurement("baru", []))))
    index = len(items[1].measurements) - 1
    inverses.append(session.apply(E.set_line_expression(program, items[1].id, index, "= P * 2 m")))
    inverses.append(session.apply(E.InsertMeasurement(items[3].id, Measurement("tautan", []))))
    inverses.append(session.apply(E.link_line(program, items[3].id, 0, items[1].id)))
    assert session.dirty
    path = tmp_path / "s.dtpl"
    session.save_as(path)
    loaded = load_program(path)
    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == priced_figures(program)
    for inverse in reversed(inverses):
        session.apply(inverse)
    assert snapshot(program) == before
    session.close()
