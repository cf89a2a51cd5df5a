"""Errors of the storage layer, each with the file (or library URL) and a message a user can act on.

No storage function lets a raw ``sqlite3``/SQLAlchemy/OS exception reach the user for an
expected condition (a wrong file, a newer schema, a damaged file, a lock): it becomes one of
these, with the original chained as ``__cause__``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from dtpl_studio.storage.locking import LockInfo


class ProjectFileError(Exception):
    """A project file that cannot be opened or saved.

    Attributes:
        path: the file concerned.
        message: what is wrong and, where possible, what to do, without the path.
    """

    def __init__(self, path: Path | str, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


class ProjectLockedError(ProjectFileError):
    """The project file is open in another DTPL Studio instance (or this one).

    ``holder`` is the :class:`~dtpl_studio.storage.locking.LockInfo` read from the lock file,
    or None when the lock file could not be read.
    """

    def __init__(self, path: Path | str, message: str, holder: LockInfo | None = None):
        super().__init__(path, message)
        self.holder = holder


class LibraryError(Exception):
    """The price library cannot be opened or the operation is not allowed.

    Attributes:
        url: the library's database URL or path.
        message: what is wrong.
    """

    def __init__(self, url: str, message: str):
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


class PublishedEditionError(LibraryError):
    """A write to a published edition (published editions are immutable, DESIGN.md §4)."""


class EditionNotFoundError(LibraryError, KeyError):
    """No edition with that id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return f"{self.url}: {self.message}"
