"""Attachments in the project file: bytes and SHA-256 round trip, order and scope kept, a
changed byte refused on open, an older file (before attachments) upgraded with none."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from dtpl_studio.costing import edits
from dtpl_studio.costing.attachments import AttachmentKind
from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import (
    ProjectFileError,
    inspect_project_file,
    load_program,
    save_program,
)
from tests.attachment_samples import drawing, photo_attachment
from tests.storage.storage_samples import make_program, priced_figures, snapshot


def _fields(att):
    return (att.id, att.kind, att.title, att.filename, att.media_type, att.sha256, att.data,
            att.pages, att.width, att.height, att.sheet, att.scale, att.package_id, att.note)


def _with_attachments():
    program = make_program()
    package = program.packages[1]
    atts = [drawing(3, sheet="GK-01"), photo_attachment(seed=2),
            drawing(1, title="Peta lokasi", sheet="PL-01", kind=AttachmentKind.MAP,
                    package_id=package.id)]
    atts[1].note = "arah timur"
    for att in atts:
        edits.InsertAttachment(att).apply(program)
    return program


def test_round_trip_keeps_bytes_hash_order_and_scope(tmp_path: Path):
    program = _with_attachments()
    path = tmp_path / "lampiran.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert [_fields(a) for a in loaded.attachments] == [_fields(a) for a in program.attachments]
    assert loaded.attachments[2].package_id == loaded.packages[1].id
    assert all(a.hash_ok() for a in loaded.attachments)
    assert priced_figures(loaded) == priced_figures(program)
    save_program(loaded, path)  # and again: same content
    again = load_program(path)
    assert [_fields(a) for a in again.attachments] == [_fields(a) for a in program.attachments]


def test_a_changed_byte_is_refused_on_open(tmp_path: Path):
    path = tmp_path / "lampiran.dtpl"
    save_program(_with_attachments(), path)
    with sqlite3.connect(path) as con:
        data = bytearray(con.execute("SELECT data FROM attachment WHERE position = 1").fetchone()[0])
        data[len(data) // 2] ^= 0xFF
        con.execute("UPDATE attachment SET data = ? WHERE position = 1", (bytes(data),))
    with pytest.raises(ProjectFileError) as info:
        load_program(path)
    assert info.value.code == "attachment.hash_mismatch"
    assert info.value.params["name"] == "Kondisi jalan 0 %"


def test_attachment_of_a_removed_package_belongs_to_the_program(tmp_path: Path):
    program = _with_attachments()
    edits.RemovePackage(program.packages[1].id).apply(program)
    path = tmp_path / "x.dtpl"
    save_program(program, path)
    assert load_program(path).attachments[2].package_id is None


def test_older_file_without_attachments_upgrades(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "lama.dtpl"
    program = make_program()
    # a file of an app from before attachments: saved today, then taken down to that schema
    # (saving with the old scripts no longer works: later columns, e.g. the jadwal's, are in
    # today's records)
    save_program(program, path)
    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0003_blm_funding")
    engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE meta SET value = 'project_0003_blm_funding' WHERE key = 'schema_revision'")
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "project_0003_blm_funding"
    assert inspect_project_file(path).state == "older"
    loaded = load_program(path)
    assert loaded.attachments == []
    assert snapshot(loaded) == snapshot(program)
    assert inspect_project_file(path).state == "current"
    edits.InsertAttachment(drawing()).apply(loaded)
    save_program(loaded, path)
    assert len(load_program(path).attachments) == 1
