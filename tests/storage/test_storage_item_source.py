"""The project file keeps the source of an item's own rate (migration
project_0009_item_source); an older file opens with the source not said ("")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from dtpl_studio.costing.rab import Program
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import priced_figures, snapshot


def _custom_items(program: Program):
    return [i for p in program.packages for i in p.items() if i.custom_rate is not None]


def test_custom_source_round_trips(program: Program, tmp_path: Path) -> None:
    first, second = _custom_items(program)[:2]
    first.custom_source = "survei 3 toko (Toko Maju, TB Sinar, UD Jaya)"
    second.custom_source = "SBU Kab. Contoh 2024 — honor tenaga ahli"
    before = priced_figures(program)
    path = tmp_path / "p.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == before
    assert [i.custom_source for i in _custom_items(loaded)][:2] == [first.custom_source, second.custom_source]


def test_a_file_before_item_sources_opens_with_none_said(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "old.dtpl"
    save_program(program, path)
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0008_tanda_tangan")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = 'project_0008_tanda_tangan' WHERE key = 'schema_revision'")
        assert "custom_source" not in {r[1] for r in con.execute("PRAGMA table_info(item)")}
    loaded = load_program(path)  # upgraded on open
    assert snapshot(loaded) == snapshot(program)
    assert all(i.custom_source == "" for i in _custom_items(loaded))
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "project_0009_item_source"
