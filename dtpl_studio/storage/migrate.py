"""Alembic, run from code: where the migration scripts are, and how a database is upgraded.

Two independent migration histories, one per kind of database, both inside the package so
they ship with it (``pyproject.toml`` package-data ``storage/migrations/**/*``):

* ``project`` — the ``.dtpl`` project file: ``dtpl_studio/storage/migrations/``
  (``env.py``, ``script.py.mako``, ``versions/0001_initial.py``; revision ids ``project_NNNN``);
* ``library`` — the price library: ``dtpl_studio/storage/migrations/library/`` (same layout;
  revision ids ``library_NNNN``). Alembic only reads ``<script_location>/versions``, so the
  nested folder is not seen by the project history.

The location is found at run time with ``importlib.resources.files("dtpl_studio.storage")``,
which is the source tree under the editable install and ``site-packages`` under a wheel. No
``alembic.ini`` is needed: :func:`alembic_config` builds an :class:`alembic.config.Config` in
memory and hands the open connection to ``env.py`` through ``config.attributes``.

New revision (developers)::

    .venv/bin/python -m dtpl_studio.storage.migrate project revision -m "add attachment" --autogenerate

which autogenerates against a scratch database at head; review the script before committing.
"""

from __future__ import annotations

import argparse
import ast
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # Alembic and SQLAlchemy are imported where they are used (issue 10: reading
    # a project file's revision must not load them: ~0,1 s of Alembic at every start)
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine, MetaData

Kind = Literal["project", "library"]

#: Held while Alembic runs (the window prepares the first save's schema on a worker thread
#: while the GUI thread may upgrade an older file).
_UPGRADE_LOCK = threading.RLock()

_ROOT = files("dtpl_studio.storage").joinpath("migrations")

#: Script folder per database kind. Tests may point an entry at a copy with extra revisions.
SCRIPT_LOCATIONS: dict[str, str] = {
    "project": str(_ROOT),
    "library": str(_ROOT.joinpath("library")),
}

#: ``meta.format`` value written into each kind of database.
FORMATS: dict[str, str] = {"project": "dtpl-project", "library": "dtpl-price-library"}

#: ``PRAGMA application_id`` of each kind (ASCII ``DTPL`` / ``DTPB``), so ``file(1)`` and our
#: own checks can tell a project file from a library or any other SQLite database.
APPLICATION_IDS: dict[str, int] = {"project": 0x4454504C, "library": 0x44545042}


def alembic_config(kind: Kind, connection: Connection | None = None) -> Config:
    """An in-memory Alembic config for ``kind`` (no ini file).

    ``connection`` (optional) is used by ``env.py`` instead of opening its own; pass one that
    already has the pragmas you want (see :func:`sqlite_engine`).
    """
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATIONS[kind])
    cfg.attributes["connection"] = connection
    cfg.attributes["kind"] = kind
    return cfg


def script_directory(kind: Kind) -> ScriptDirectory:
    """The :class:`ScriptDirectory` of ``kind`` (reads the ``versions`` folder)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(kind))


def _versions_key(kind: Kind) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The scripts folder of ``kind`` and its revision files with their mtimes and sizes: a
    file added or changed (tests point :data:`SCRIPT_LOCATIONS` at a copy and add one) is
    a new key of :func:`_revision_graph`'s cache."""
    folder = os.path.join(SCRIPT_LOCATIONS[kind], "versions")
    entries = []
    with os.scandir(folder) as it:
        for entry in it:
            if entry.name.endswith(".py") and entry.is_file():
                st = entry.stat()
                entries.append((entry.name, st.st_mtime_ns, st.st_size))
    return folder, tuple(sorted(entries))


def _script_revisions(source: str) -> tuple[str | None, tuple[str, ...]]:
    """``revision`` and ``down_revision`` (as a tuple: none, one, or the parents of a merge)
    of one Alembic script, read from its module-level assignments without running it."""
    found: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        else:
            continue
        if name in ("revision", "down_revision"):
            found[name] = ast.literal_eval(value)
    down = found.get("down_revision")
    parents = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    return found.get("revision"), parents


@lru_cache(maxsize=8)
def _revision_graph(key: tuple[str, tuple[tuple[str, int, int], ...]]) -> tuple[str, ...]:
    """The revisions of one scripts folder (``key`` from :func:`_versions_key`), oldest
    first, the head last.

    Read from the scripts' ``revision``/``down_revision`` assignments, as Alembic reads them,
    without importing Alembic or running the scripts (issue 10: Alembic's import and its
    ``ScriptDirectory`` were ~0,15 s of every open; ``tests/storage`` checks this against
    Alembic's own answer).

    Raises:
        RuntimeError: not exactly one head, or a parent that no script defines.
    """
    folder, entries = key
    parents: dict[str, tuple[str, ...]] = {}
    for name, _mtime, _size in entries:
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            revision, down = _script_revisions(fh.read())
        if revision is not None:
            parents[revision] = down
    children = {p for down in parents.values() for p in down}
    heads = sorted(r for r in parents if r not in children)
    if len(heads) != 1:
        raise RuntimeError(f"migrations in {folder} have {len(heads)} heads: {heads}")
    order: list[str] = []
    done: set[str] = set()

    def visit(revision: str) -> None:  # parents before children (depth of a few dozen)
        if revision in done:
            return
        if revision not in parents:
            raise RuntimeError(f"migrations in {folder}: revision {revision!r} is missing")
        done.add(revision)
        for parent in parents[revision]:
            visit(parent)
        order.append(revision)

    visit(heads[0])
    return tuple(order)


def head_revision(kind: Kind) -> str:
    """The newest revision this app knows for ``kind``.

    Raises:
        RuntimeError: the history has more than one head (a packaging error).
    """
    return _revision_graph(_versions_key(kind))[-1]


def known_revisions(kind: Kind) -> list[str]:
    """All revisions of ``kind``, oldest first."""
    return list(_revision_graph(_versions_key(kind)))


def revision_state(kind: Kind, revision: str | None) -> Literal["empty", "current", "older", "unknown"]:
    """Classify a database's revision against this app's history.

    ``empty``: no revision (new database); ``current``: at head; ``older``: a known earlier
    revision (upgrade it); ``unknown``: not in this app's history, i.e. made by a newer app
    (or another program) — never touch it.
    """
    if revision is None:
        return "empty"
    known = known_revisions(kind)
    if revision not in known:
        return "unknown"
    return "current" if revision == known[-1] else "older"


def current_revision(connection: Connection) -> str | None:
    """The revision stamped in the database (``alembic_version``), or None."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, kind: Kind, target: str = "head") -> None:
    """Run the migrations of ``kind`` on ``connection`` up to ``target``.

    The caller owns the transaction: use ``with engine.begin() as conn: upgrade(conn, …)`` so
    the migration commits whole or not at all (our SQLite engines make DDL transactional).
    On SQLite, open the connection with foreign keys OFF (``sqlite_engine(…,
    foreign_keys=False)``): batch migrations rebuild tables, which with foreign keys ON would
    cascade deletes; :func:`foreign_key_violations` checks the result afterwards.
    """
    from alembic import command

    with _UPGRADE_LOCK:  # Alembic's context and op are module-wide proxies: one run at a time
        command.upgrade(alembic_config(kind, connection), target)


def foreign_key_violations(connection: Connection) -> list[tuple[Any, ...]]:
    """Rows of ``PRAGMA foreign_key_check`` (empty list = consistent). SQLite only."""
    if connection.dialect.name != "sqlite":
        return []
    return [tuple(r) for r in connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()]


def sqlite_engine(path: Path | str, *, foreign_keys: bool = True, readonly: bool = False) -> Engine:
    """A SQLAlchemy engine on the SQLite file ``path`` with the settings every file needs.

    * ``PRAGMA foreign_keys`` ON (or OFF for migrations, see :func:`upgrade`);
    * real transactions: the ``sqlite3`` driver's legacy mode is switched off and SQLAlchemy
      emits ``BEGIN`` itself, so DDL and SELECTs are inside the transaction (the recipe of the
      SQLAlchemy SQLite documentation, "Enabling Non-Legacy SQLite Transactional Modes");
    * ``readonly``: opened with ``mode=ro`` (never creates or changes the file);
    * rollback journal (no WAL), so the file is complete on its own and can be emailed.

    The path goes through :meth:`Path.as_uri`, so spaces and ``#``/``?`` in names are safe.
    """
    from sqlalchemy import create_engine

    uri = Path(path).resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)

    engine = create_engine("sqlite://", creator=connect)
    install_sqlite_pragmas(engine, foreign_keys=foreign_keys)
    return engine


def install_sqlite_pragmas(engine: Engine, *, foreign_keys: bool = True) -> None:
    """Add the connect/begin listeners of :func:`sqlite_engine` to any SQLite ``engine``."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN (below)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")


# -- developer command ------------------------------------------------------------------------

@contextmanager
def _scratch_at_head(kind: Kind) -> Iterator[Connection]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = sqlite_engine(Path(tmp) / "scratch.sqlite", foreign_keys=False)
        try:
            with engine.begin() as conn:
                upgrade(conn, kind)
            with engine.connect() as conn:
                yield conn
        finally:
            engine.dispose()


def metadata_for(kind: Kind) -> MetaData:
    """The ORM MetaData that ``kind``'s migrations must match."""
    if kind == "project":
        from dtpl_studio.storage.project_records import ProjectBase

        return ProjectBase.metadata
    from dtpl_studio.storage.library_records import LibraryBase

    return LibraryBase.metadata


def main(argv: list[str] | None = None) -> int:
    """``python -m dtpl_studio.storage.migrate {project|library} {heads|history|revision}``."""
    parser = argparse.ArgumentParser(prog="python -m dtpl_studio.storage.migrate")
    parser.add_argument("kind", choices=["project", "library"])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("heads")
    sub.add_parser("history")
    rev = sub.add_parser("revision")
    rev.add_argument("-m", "--message", required=True)
    rev.add_argument("--rev-id", help="e.g. project_0002 (default: next number)")
    rev.add_argument("--autogenerate", action="store_true")
    args = parser.parse_args(argv)
    kind: Kind = args.kind
    from alembic import command
    if args.cmd == "heads":
        command.heads(alembic_config(kind))
    elif args.cmd == "history":
        command.history(alembic_config(kind))
    else:
        number = len(known_revisions(kind)) + 1
        rev_id = args.rev_id or f"{kind}_{number:04d}"
        if args.autogenerate:
            with _scratch_at_head(kind) as conn:
                script = command.revision(alembic_config(kind, conn), message=args.message,
                                          autogenerate=True, rev_id=rev_id)
        else:
            script = command.revision(alembic_config(kind), message=args.message, rev_id=rev_id)
        for s in script if isinstance(script, list) else [script]:
            if s is not None:  # name it like versions/0001_initial.py
                path = Path(s.path)
                path.rename(path.with_name(path.name.replace(f"{kind}_", "", 1)))
                print(f"wrote {path.with_name(path.name.replace(f'{kind}_', '', 1))}")
    return 0


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Autogenerate writes :class:`~.types.DecimalText` as plain ``sa.Text()``: a migration
    must not import app code that may change later (the column is TEXT either way)."""
    from dtpl_studio.storage.types import DecimalText

    if type_ == "type" and isinstance(obj, DecimalText):
        return "sa.Text()"
    return False


def run_env(metadata: MetaData) -> None:
    """Body of both ``env.py`` files: migrate the connection handed over in
    ``config.attributes["connection"]`` (or open ``sqlalchemy.url``), or emit SQL offline.

    ``render_as_batch`` makes autogenerate write SQLite-safe batch operations.
    """
    from alembic import context

    config = context.config
    options: dict[str, Any] = {
        "target_metadata": metadata,
        "render_as_batch": True,
        "compare_type": True,
        "render_item": _render_item,
    }
    if context.is_offline_mode():
        context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, transactional_ddl=True, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    from sqlalchemy import create_engine

    if not url:
        raise RuntimeError("no connection in config.attributes and no sqlalchemy.url")
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        install_sqlite_pragmas(engine, foreign_keys=False)
    try:
        with engine.begin() as conn:
            context.configure(connection=conn, transactional_ddl=True, **options)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
