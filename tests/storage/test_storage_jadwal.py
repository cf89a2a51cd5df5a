"""The jadwal (issue 9 point 4) in the project file: start/duration per item and the crew per
package survive save/load; a file of the schema before it opens with the default jadwal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from dtpl_studio.costing.jadwal import jadwal_package
from dtpl_studio.costing.rab import Program, price_program
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import snapshot


def _with_jadwal(program: Program) -> Program:
    items = list(program.packages[0].items())
    items[0].start_week, items[0].duration_weeks = 2, 3
    items[-1].duration_weeks = 4
    program.packages[0].settings.crew_size = 7
    program.packages[0].settings.work_days_per_week = 5
    return program


def _jadwal(program: Program):
    return [jadwal_package(pp) for pp in price_program(program).packages]


def test_jadwal_round_trips(program: Program, tmp_path: Path) -> None:
    _with_jadwal(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert snapshot(loaded) == snapshot(program)
    first = next(loaded.packages[0].items())
    assert (first.start_week, first.duration_weeks) == (2, 3)
    assert (loaded.packages[0].settings.crew_size, loaded.packages[0].settings.work_days_per_week) == (7, 5)
    assert [(j.rows, j.cumulative) for j in _jadwal(loaded)] == [(j.rows, j.cumulative) for j in _jadwal(program)]


def test_a_file_before_the_jadwal_opens_with_the_default_jadwal(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "old.dtpl"
    save_program(_with_jadwal(program), path)
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0005_specs")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = 'project_0005_specs' WHERE key = 'schema_revision'")
        assert "start_week" not in {r[1] for r in con.execute("PRAGMA table_info(item)")}
    loaded = load_program(path)  # upgraded on open
    assert all((i.start_week, i.duration_weeks) == (None, None)
               for p in loaded.packages for i in p.items())
    assert all((p.settings.crew_size, p.settings.work_days_per_week) == (10, 6) for p in loaded.packages)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision("project")


def test_a_stored_value_out_of_range_opens_and_is_a_finding(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE item SET start_week = -4, duration_weeks = 900 WHERE position = 0")
        con.execute("UPDATE package_settings SET crew_size = 0")
    loaded = load_program(path)
    findings = [f for j in _jadwal(loaded) for f in j.findings]
    assert any(f.code == "jadwal.stored" for f in findings)
    assert any(f.code == "jadwal.crew" for f in findings)


def test_an_edit_through_the_session_is_saved_and_undone(program: Program, tmp_path: Path) -> None:
    from dtpl_studio.costing.edits import SetItemSchedule, reset_schedule
    from dtpl_studio.services.session import ProjectSession

    path = tmp_path / "s.dtpl"
    session = ProjectSession.create(program, path)
    try:
        item = next(program.packages[0].items())
        inverse = session.apply(SetItemSchedule(item.id, 3, 2))
        assert session.dirty
        session.save()
        session.apply(reset_schedule(program, program.packages[0].id))
        assert (item.start_week, item.duration_weeks) == (None, None)
    finally:
        session.close()
    reopened = load_program(path)
    first = next(reopened.packages[0].items())
    assert (first.start_week, first.duration_weeks) == (3, 2)
    inverse.apply(reopened)
    assert (first.start_week, first.duration_weeks) == (None, None)
