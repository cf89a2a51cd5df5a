"""Storage: the ``.dtpl`` project file and the price library (SQLAlchemy 2 + Alembic).

Public API:

* :func:`save_program`, :func:`load_program`, :class:`ProjectLock`, :class:`ProjectFileError`
  (:mod:`.project_file`);
* :class:`PriceLibrary` and its errors (:mod:`.library`).

Layering (DESIGN.md §3): storage imports :mod:`dtpl_studio.costing` and nothing above it.
"""

from dtpl_studio.storage.errors import (
    EditionNotFoundError,
    LibraryError,
    ProjectFileError,
    ProjectLockedError,
    PublishedEditionError,
)
from dtpl_studio.storage.library import EditionInfo, PriceLibrary
from dtpl_studio.storage.locking import LockInfo, ProjectLock
from dtpl_studio.storage.project_file import (
    AuditEntry,
    inspect_project_file,
    load_program,
    read_audit_log,
    save_program,
    upgrade_project_file,
)

__all__ = [
    "AuditEntry", "EditionInfo", "EditionNotFoundError", "LibraryError", "LockInfo", "PriceLibrary",
    "ProjectFileError", "ProjectLock", "ProjectLockedError", "PublishedEditionError",
    "inspect_project_file", "load_program", "read_audit_log", "save_program", "upgrade_project_file",
]
