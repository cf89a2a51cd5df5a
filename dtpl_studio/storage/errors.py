"""Errors of the storage layer, each with the file (or library URL) and a code a message is
made from (:class:`dtpl_studio.errors.DtplError`).

No storage function lets a raw ``sqlite3``/SQLAlchemy/OS exception reach the user for an
expected condition (a wrong file, a newer schema, a damaged file, a lock): it becomes one of
these, with the original chained as ``__cause__``. The words are chosen where the message is
shown (``dtpl_studio/ui/messages.py``); ``message`` here is the English technical detail.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dtpl_studio.errors import DtplError

if TYPE_CHECKING:  # pragma: no cover
    from dtpl_studio.storage.locking import LockInfo


class ProjectFileError(DtplError):
    """A project file that cannot be opened or saved.

    Attributes:
        path: the file concerned.
        message: what is wrong (English technical detail, for logs), without the path.
        code: the message code (``project.*``, ``file.*``, ``db.*``; see ``ui/error_strings.py``).
    """

    default_code = "project.unreadable"

    def __init__(self, path: Path | str, message: str, *, code: str | None = None,
                 params: dict | None = None, where: str | None = None, hint: str | None = None):
        self.message = message
        super().__init__(message, code=code, params=params, path=path, where=where, hint=hint)
        self.path = Path(path)
        self.args = (f"{self.path}: {message}",)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ProjectLockedError(ProjectFileError):
    """The project file is open in another DTPL Studio instance (or this one).

    ``holder`` is the :class:`~dtpl_studio.storage.locking.LockInfo` read from the lock file,
    or None when the lock file could not be read.
    """

    default_code = "project.locked"

    def __init__(self, path: Path | str, message: str, holder: LockInfo | None = None, **kwargs):
        super().__init__(path, message, **kwargs)
        self.holder = holder


class LibraryError(DtplError):
    """The price library cannot be opened or the operation is not allowed.

    Attributes:
        url: the library's database URL or path.
        message: what is wrong (English technical detail).
    """

    default_code = "library.unreadable"

    def __init__(self, url: str, message: str, *, code: str | None = None, params: dict | None = None):
        self.url = url
        self.message = message
        super().__init__(message, code=code, params=params, path=url)
        self.args = (f"{url}: {message}",)

    def __str__(self) -> str:
        return f"{self.url}: {self.message}"


class PublishedEditionError(LibraryError):
    """A write to a published edition (published editions are immutable, DESIGN.md §4)."""

    default_code = "library.published"


class ConflictError(LibraryError):
    """Optimistic locking of a shared library: someone else saved the edition, resource or
    analysis after this editor read it; this change was not written (issue 8 point 6).

    ``params``: ``edition`` (id), ``label`` (region year edition), ``item`` (resource key or
    analysis code; absent for the whole edition), ``who`` and ``when`` (local time) of the
    change that came first, from the library's audit log (``?`` when the log names none).
    """

    default_code = "library.conflict"


class ReadOnlyLibraryError(LibraryError):
    """The database refused a write because this user may only read the library (a
    facilitator's ``dtpl_reader`` role on PostgreSQL, ``library_roles``). ``params["user"]``
    is the database user."""

    default_code = "library.read_only"


class EditionNotFoundError(LibraryError, KeyError):
    """No edition with that id."""

    default_code = "library.no_edition"

    def __str__(self) -> str:  # KeyError would quote the message
        return f"{self.url}: {self.message}"
