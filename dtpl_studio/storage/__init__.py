"""Storage: the ``.dtpl`` project file and the price library (SQLAlchemy 2 + Alembic).

Public API:

* :func:`save_program`, :func:`load_program`, :class:`ProjectLock`, :class:`ProjectFileError`
  (:mod:`.project_file`);
* :class:`PriceLibrary` and its errors (:mod:`.library`).

Layering (DESIGN.md §3): storage imports :mod:`dtpl_studio.costing` and nothing above it.
"""

from importlib import import_module

#: Public name → its module. Loaded on first use (PEP 562), so that importing one storage
#: module (the project file, to open a project) does not load the price library's ORM
#: classes too (issue 10: start-up time).
_EXPORTS: dict[str, str] = {
    "EditionNotFoundError": "errors", "LibraryError": "errors", "ProjectFileError": "errors",
    "ProjectLockedError": "errors", "PublishedEditionError": "errors",
    "EditionInfo": "library", "PriceLibrary": "library",
    "LockInfo": "locking", "ProjectLock": "locking",
    "AuditEntry": "project_file", "inspect_project_file": "project_file", "load_program": "project_file",
    "read_audit_log": "project_file", "save_program": "project_file", "upgrade_project_file": "project_file",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "AuditEntry", "EditionInfo", "EditionNotFoundError", "LibraryError", "LockInfo", "PriceLibrary",
    "ProjectFileError", "ProjectLock", "ProjectLockedError", "PublishedEditionError",
    "inspect_project_file", "load_program", "read_audit_log", "save_program", "upgrade_project_file",
]
