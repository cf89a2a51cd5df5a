"""Alembic from code: scripts ship in the package, models match them, old files upgrade on open."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import dtpl_studio.storage
from dtpl_studio.costing.rab import Program
from dtpl_studio.storage import migrate
from dtpl_studio.storage.library import PriceLibrary
from dtpl_studio.storage.project_file import (
    ProjectFileError,
    inspect_project_file,
    load_program,
    read_audit_log,
    save_program,
)
from tests.storage.storage_samples import make_book, priced_figures, snapshot

PACKAGE_DIR = Path(dtpl_studio.storage.__file__).parent

PROJECT_0002 = '''
"""Test-only revision: a new table and a batch (table-rebuilding) change on item."""
import sqlalchemy as sa
from alembic import op

revision = "project_0002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("site_visit", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("title", sa.String(), nullable=False))
    with op.batch_alter_table("item", recreate="always") as batch:
        batch.add_column(sa.Column("unit_note", sa.String(), nullable=True, server_default=""))


def downgrade():
    with op.batch_alter_table("item") as batch:
        batch.drop_column("unit_note")
    op.drop_table("site_visit")
'''

LIBRARY_0002 = '''
"""Test-only revision of the library."""
import sqlalchemy as sa
from alembic import op

revision = "library_0002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("signature", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():
    op.drop_table("signature")
'''


def _future_scripts(tmp_path: Path, kind: str, source: str, name: str) -> Path:
    """A copy of ``kind``'s script folder with one more revision (after the current head)."""
    dst = tmp_path / f"{kind}-scripts"
    shutil.copytree(migrate.SCRIPT_LOCATIONS[kind], dst,
                    ignore=shutil.ignore_patterns("library", "__pycache__"))
    (dst / "versions" / name).write_text(textwrap.dedent(source).replace("{head}", migrate.head_revision(kind)))
    return dst


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as con:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]


# -- where the scripts are ----------------------------------------------------------------------

@pytest.mark.parametrize("kind,folder,head", [
    ("project", PACKAGE_DIR / "migrations", "project_0009_item_source"),
    ("library", PACKAGE_DIR / "migrations" / "library", "library_0005_snapshot"),
])
def test_scripts_ship_inside_the_package(kind: str, folder: Path, head: str) -> None:
    assert Path(migrate.SCRIPT_LOCATIONS[kind]).resolve() == folder.resolve()
    for name in ("env.py", "script.py.mako", "versions/0001_initial.py"):
        assert (folder / name).is_file(), name
    assert migrate.head_revision(kind) == head  # also: exactly one head
    assert migrate.known_revisions(kind)[0] == f"{kind}_0001"


@pytest.mark.parametrize("kind", ["project", "library"])
def test_models_match_the_migrations(kind: str, tmp_path: Path) -> None:
    engine = migrate.sqlite_engine(tmp_path / "x.sqlite", foreign_keys=False)
    with engine.begin() as conn:
        migrate.upgrade(conn, kind)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, migrate.metadata_for(kind)) == []
    engine.dispose()


@pytest.mark.parametrize("kind", ["project", "library"])
def test_create_at_base_then_upgrade(kind: str, tmp_path: Path) -> None:
    engine = migrate.sqlite_engine(tmp_path / "x.sqlite", foreign_keys=False)
    first = migrate.known_revisions(kind)[0]
    with engine.begin() as conn:
        assert migrate.revision_state(kind, migrate.current_revision(conn)) == "empty"
        migrate.upgrade(conn, kind, first)
        assert migrate.current_revision(conn) == first
    with engine.begin() as conn:
        migrate.upgrade(conn, kind)
        assert migrate.current_revision(conn) == migrate.head_revision(kind)
        assert migrate.foreign_key_violations(conn) == []
    engine.dispose()


def test_revision_states() -> None:
    head = migrate.head_revision("project")
    assert migrate.revision_state("project", None) == "empty"
    assert migrate.revision_state("project", head) == "current"
    assert migrate.revision_state("project", "project_9999") == "unknown"
    assert migrate.revision_state("project", "library_0001") == "unknown"


# -- an older project file is upgraded on open ---------------------------------------------------

def test_older_file_upgrades_in_place_on_open(program: Program, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lama.dtpl"
    save_program(program, path)  # made by "this" app: schema head
    head = migrate.head_revision("project")
    with sqlite3.connect(path) as con:
        lines_before = con.execute("SELECT count(*) FROM measurement").fetchone()[0]

    scripts = _future_scripts(tmp_path, "project", PROJECT_0002, "0002_site_visit.py")
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "project", str(scripts))  # a newer app
    assert inspect_project_file(path).state == "older"

    loaded = load_program(path)

    assert _revision(path) == "project_0002"
    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == priced_figures(program)
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        item_columns = {r[1] for r in con.execute("PRAGMA table_info(item)")}
        # rebuilding `item` did not cascade-delete its measurement lines (FKs off while migrating)
        assert con.execute("SELECT count(*) FROM measurement").fetchone()[0] == lines_before
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "site_visit" in tables and "unit_note" in item_columns
    last = read_audit_log(path)[-1]
    assert (last.action, last.detail) == ("upgrade", f"schema {head} → project_0002")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["lama.dtpl"]


def test_older_file_can_be_read_without_touching_it(program: Program, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lama.dtpl"
    save_program(program, path)
    before = path.read_bytes()
    scripts = _future_scripts(tmp_path, "project", PROJECT_0002, "0002_site_visit.py")
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "project", str(scripts))

    loaded = load_program(path, upgrade=False)  # upgraded on a temporary copy

    assert path.read_bytes() == before
    assert priced_figures(loaded) == priced_figures(program)
    save_program(loaded, path)  # the next save writes the new schema
    assert _revision(path) == "project_0002"


def test_file_from_a_newer_app_is_refused(program: Program, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "baru.dtpl"
    scripts = _future_scripts(tmp_path, "project", PROJECT_0002, "0002_site_visit.py")
    with monkeypatch.context() as m:
        m.setitem(migrate.SCRIPT_LOCATIONS, "project", str(scripts))
        save_program(program, path)  # saved by the newer app
    assert _revision(path) == "project_0002"
    with pytest.raises(ProjectFileError, match=f"file schema project_0002.*knows schemas up to {migrate.head_revision('project')}"):
        load_program(path)


# -- the library --------------------------------------------------------------------------------

def test_library_upgrades_and_keeps_its_guards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "library.sqlite"
    with PriceLibrary(db) as lib:
        edition = lib.add_edition(make_book())
        lib.publish(edition)
    scripts = _future_scripts(tmp_path, "library", LIBRARY_0002, "0002_signature.py")
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "library", str(scripts))
    with PriceLibrary(db) as lib:
        assert lib.load_edition(edition).content_hash() == make_book().content_hash()
        assert [a for _, _, a, _ in lib.audit_log()][-1] == "upgrade"
    assert _revision(db) == "library_0002"
    with sqlite3.connect(db) as con, pytest.raises(sqlite3.IntegrityError, match="immutable"):
        con.execute("DELETE FROM book_resource")
