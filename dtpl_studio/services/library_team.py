"""A price library shared by a bengkel team on PostgreSQL (issue 8 point 6): the roles that
let editors write and facilitators only read, enforced by the database server.

Qt-free; the CLI (``dtpl-studio library-roles``) and, later, the library window use it.
"""

from __future__ import annotations

from collections.abc import Iterable

from dtpl_studio.storage.library_roles import (
    EDITOR_ROLE,
    READER_ROLE,
    RolesPlan,
    create_library_roles,
    library_schema,
    plan_roles,
)


def library_roles(url: str, *, editor: str = EDITOR_ROLE, reader: str = READER_ROLE,
                  editors: Iterable[str] = (), readers: Iterable[str] = (),
                  dry_run: bool = False) -> RolesPlan:
    """Create (or only plan, ``dry_run``) the editor and reader roles of the library at
    ``url`` and the login roles ``editors``/``readers`` as their members.

    ``dry_run`` still opens the library (it creates or upgrades the schema, as the URL's
    user) to learn its schema, but grants nothing: the plan's statements are for a DBA.

    Raises:
        dtpl_studio.storage.errors.LibraryError: not PostgreSQL, unreachable, or refused.
        ValueError: a role name that is not a plain lower-case PostgreSQL name.
    """
    if dry_run:
        return plan_roles(library_schema(url), editor=editor, reader=reader,
                          editors=editors, readers=readers)
    return create_library_roles(url, editor=editor, reader=reader, editors=editors, readers=readers)


__all__ = ["EDITOR_ROLE", "READER_ROLE", "library_roles"]
