"""Roles of a team price library on PostgreSQL: editors write, facilitators only read, and the
database itself enforces it (issue 8 point 6; DESIGN.md §7 "roles: editors vs readers").

Two group roles (no login) hold the privileges; people log in with their own roles, made
members of one group:

* ``dtpl_editor`` — reads everything; inserts, updates and deletes editions and their
  resources, analyses and lines; may only *append* to ``audit_log`` (no UPDATE/DELETE, so an
  editor cannot rewrite the history); uses the id sequences. Published editions stay
  immutable for editors too (the triggers of migration ``library_0003``; only the tables'
  owner could drop them).
* ``dtpl_reader`` — SELECT only (also on tables a later migration adds: default privileges).
  Any write is refused by PostgreSQL with "permission denied" (SQLSTATE 42501), which the
  library turns into :class:`~dtpl_studio.storage.errors.ReadOnlyLibraryError`.

Run once by the library's owner (an administrator who may ``CREATE ROLE``), after the schema
exists: :func:`create_library_roles` first opens the library (which creates or upgrades the
schema as the owner), then grants. Re-running is harmless. ``dtpl-studio library-roles URL``
calls it; ``--sql`` prints the statements for a DBA to run with ``psql`` instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from dtpl_studio.storage.errors import LibraryError
from dtpl_studio.storage.library import PriceLibrary

EDITOR_ROLE = "dtpl_editor"
READER_ROLE = "dtpl_reader"
#: tables editors change (the content of editions)
CONTENT_TABLES = ("book", "book_resource", "book_analysis", "book_analysis_line")
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class RolesPlan:
    """What :func:`create_library_roles` does: the SQL, in order, for ``schema``."""

    schema: str
    editor: str
    reader: str
    editors: tuple[str, ...] = ()
    readers: tuple[str, ...] = ()
    statements: list[str] = field(default_factory=list)


def _check_name(name: str, what: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"{what} {name!r}: use lower-case letters, digits and _ (a PostgreSQL "
                         "name that needs no quoting, at most 63 characters)")
    return name


def _create_role(name: str, login: bool) -> str:
    kind = "LOGIN" if login else "NOLOGIN"
    return (f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN "
            f"CREATE ROLE {name} {kind}; END IF; END $$")


def plan_roles(schema: str, *, editor: str = EDITOR_ROLE, reader: str = READER_ROLE,
               editors: Iterable[str] = (), readers: Iterable[str] = ()) -> RolesPlan:
    """The statements that create (if missing) the two group roles and the login roles
    ``editors``/``readers`` (members of them), and grant on the library in ``schema``.

    Raises:
        ValueError: a name that is not a plain lower-case PostgreSQL name.
    """
    for name, what in ((schema, "schema"), (editor, "editor role"), (reader, "reader role")):
        _check_name(name, what)
    editors = tuple(_check_name(n, "editor login") for n in editors)
    readers = tuple(_check_name(n, "reader login") for n in readers)
    s = schema
    sql = [_create_role(editor, False), _create_role(reader, False)]
    sql += [
        f"GRANT USAGE ON SCHEMA {s} TO {editor}, {reader}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {reader}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {reader}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {editor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT ON TABLES TO {editor}",
        "GRANT INSERT, UPDATE, DELETE ON " + ", ".join(f"{s}.{t}" for t in CONTENT_TABLES) + f" TO {editor}",
        f"GRANT INSERT ON {s}.audit_log TO {editor}",  # append only: the history stays as written
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {editor}",
    ]
    for group, members in ((editor, editors), (reader, readers)):
        for login in members:
            sql += [_create_role(login, True), f"GRANT {group} TO {login}"]
    return RolesPlan(schema, editor, reader, editors, readers, sql)


def library_schema(url: str) -> str:
    """The schema the library at ``url`` lives in (the session's ``current_schema()``).

    Raises:
        LibraryError: not a PostgreSQL library, or the server cannot be reached.
    """
    with PriceLibrary(url) as library:
        if library.dialect != "postgresql":
            raise LibraryError(library.shown_url, "roles need a PostgreSQL library (SQLite has no users)",
                               code="library.roles_sqlite")
        with library.engine.connect() as conn:
            return str(conn.execute(text("SELECT current_schema()")).scalar())


def create_library_roles(url: str, *, editor: str = EDITOR_ROLE, reader: str = READER_ROLE,
                         editors: Iterable[str] = (), readers: Iterable[str] = ()) -> RolesPlan:
    """Create or upgrade the library at ``url``, then the roles and grants of
    :func:`plan_roles` in one transaction. Returns the plan that was run.

    Raises:
        LibraryError: not PostgreSQL, unreachable, or the server refused (e.g. the URL's user
            may not create roles: ``library.roles_refused``).
        ValueError: a bad role name.
    """
    schema = library_schema(url)
    plan = plan_roles(schema, editor=editor, reader=reader, editors=editors, readers=readers)
    with PriceLibrary(url) as library:
        try:
            with library.engine.begin() as conn:
                for statement in plan.statements:
                    conn.exec_driver_sql(statement)
        except SQLAlchemyError as exc:
            orig = getattr(exc, "orig", exc)
            raise LibraryError(library.shown_url, f"the server refused the roles: {orig}",
                               code="library.roles_refused",
                               params={"user": library.user, "system": str(orig).strip()}) from exc
    return plan


__all__ = ["CONTENT_TABLES", "EDITOR_ROLE", "READER_ROLE", "RolesPlan", "create_library_roles",
           "library_schema", "plan_roles"]
