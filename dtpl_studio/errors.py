"""The application's own error base, and the one place where system failures get a code.

Every error DTPL Studio raises on purpose is a :class:`DtplError`: it carries a **code**
(``"project.damaged"``, ``"file.disk_full"``), the **params** the words need, the **path**
of the file concerned, **where** in it (sheet/cell, table/row, line) and an optional
**hint** code. It carries no user-facing words: the window and the CLI choose them where the
message is shown (``dtpl_studio/ui/messages.py`` with the Indonesian and English texts of
``dtpl_studio/ui/error_strings.py``), so one catalogue says every failure the same way.

``str(error)`` stays a short English technical text (for logs and tracebacks only).

:func:`classify` turns anything raised by the system (``OSError`` by errno, ``sqlite3``
failures — also when wrapped by SQLAlchemy —, ``zipfile.BadZipFile`` for a workbook, a
``decimal`` overflow) into a :class:`DtplError` with one of the codes of :data:`KNOWN_CODES`.
This module imports only the standard library, so every layer (the core too) may use it.
"""

from __future__ import annotations

import decimal
import errno
import sqlite3
import zipfile
from pathlib import Path

__all__ = [
    "DtplError", "KNOWN_CODES", "OS_ERRNO_CODES", "classify", "from_os_error", "from_sqlite_error",
    "workbook_open_error",
]


class DtplError(Exception):
    """Base of every error DTPL Studio raises on purpose.

    Args:
        detail: short English technical text (logs only; never shown as the message).
        code: what happened, a key of the message catalogue (``"file.disk_full"``);
            defaults to the class attribute :attr:`default_code`.
        params: values the words need (``{"limit": "1.000.000"}``); plain str/int/Decimal.
        path: the file concerned (or a library URL), or None.
        where: the place inside the file (``"Sheet1!G12"``, ``"tabel item, baris 4"``).
        hint: a hint code (a catalogue key under ``hint.``) overriding the code's own hint.

    Attributes are the same names; ``code`` is always set.
    """

    default_code = "error"

    def __init__(self, detail: str = "", *, code: str | None = None, params: dict | None = None,
                 path: Path | str | None = None, where: str | None = None, hint: str | None = None):
        self.code = code or self.default_code
        self.params = dict(params or {})
        self.path = path if path is None or isinstance(path, Path) or "://" in str(path) else Path(path)
        self.where = where
        self.hint = hint
        self.detail = detail or self.code
        super().__init__(self.detail)


# -- OS errors -----------------------------------------------------------------------------
#: errno → code. ``file.io`` is the fallback for any other errno.
OS_ERRNO_CODES: dict[int, str] = {
    errno.ENOSPC: "file.disk_full",
    errno.EDQUOT: "file.disk_full",
    errno.EFBIG: "file.too_big",
    errno.EACCES: "file.no_permission",
    errno.EPERM: "file.no_permission",
    errno.EROFS: "file.read_only",
    errno.ENOENT: "file.not_found",
    errno.ENOTDIR: "file.not_found",
    errno.EISDIR: "file.is_folder",
    errno.EEXIST: "file.exists",
    errno.ENAMETOOLONG: "file.name_too_long",
    errno.EIO: "file.device_error",
    errno.EBUSY: "file.busy",
    errno.ETXTBSY: "file.busy",
    errno.EMFILE: "file.too_many_open",
    errno.ENFILE: "file.too_many_open",
    errno.ELOOP: "file.not_found",
    errno.EXDEV: "file.io",
}

#: Every code :func:`classify` can produce (each has words in both languages; a test checks).
KNOWN_CODES: tuple[str, ...] = (
    *sorted(set(OS_ERRNO_CODES.values()) | {"file.io"}),
    "db.cannot_open", "db.locked", "db.damaged", "db.disk_full", "db.read_only", "db.io",
    "workbook.protected", "workbook.old_xls", "workbook.not_xlsx",
    "number.out_of_range", "error",
)


def from_os_error(exc: OSError, path: Path | str | None = None, *, action: str = "") -> DtplError:
    """The :class:`DtplError` for an ``OSError``: code by errno (:data:`OS_ERRNO_CODES`).

    Args:
        exc: the error (``exc.filename`` is used when ``path`` is None).
        path: the file the user asked for (better than the temp file the OS named).
        action: ``"read"``, ``"write"`` or ``""`` (kept in params for the words).
    """
    code = OS_ERRNO_CODES.get(exc.errno or -1, "file.io")
    where = path if path is not None else exc.filename
    params = {"action": action, "errno": errno.errorcode.get(exc.errno or -1, str(exc.errno)),
              "system": exc.strerror or str(exc)}
    error = DtplError(f"{exc.strerror or exc} ({params['errno']})", code=code, params=params, path=where)
    error.__cause__ = exc
    return error


def _sqlite_name(exc: BaseException) -> tuple[str, str]:
    """``(SQLITE_* name or "", lower-case message)`` of a sqlite3 error, also when wrapped
    by SQLAlchemy (``.orig``)."""
    inner = getattr(exc, "orig", None)
    if isinstance(inner, sqlite3.Error):
        exc = inner
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name, str(exc).lower()


def is_sqlite_error(exc: BaseException) -> bool:
    """True for a ``sqlite3.Error`` or an SQLAlchemy error wrapping one."""
    return isinstance(exc, sqlite3.Error) or isinstance(getattr(exc, "orig", None), sqlite3.Error)


def from_sqlite_error(exc: BaseException, path: Path | str | None = None) -> DtplError:
    """The :class:`DtplError` for an SQLite failure (``sqlite3.Error`` or SQLAlchemy's
    wrapper), by SQLite result code, else by its message."""
    name, text = _sqlite_name(exc)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        code = "db.disk_full"
    elif name.startswith("SQLITE_READONLY") or "readonly database" in text:
        code = "db.read_only"
    elif name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        code = "db.locked"
    elif name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        code = "db.cannot_open"
    elif name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "not a database" in text or "malformed" in text:
        code = "db.damaged"
    elif name.startswith("SQLITE_IOERR") or "i/o error" in text:
        code = "db.io"
    else:
        code = "db.damaged"
    error = DtplError(f"SQLite: {text}", code=code, params={"system": text}, path=path)
    error.__cause__ = exc if isinstance(exc, BaseException) else None
    return error


# -- workbooks -----------------------------------------------------------------------------
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_open_error(path: Path | str, cause: BaseException | None = None) -> DtplError:
    """Why an ``.xlsx`` could not be opened as a zip: password protection (an encrypted
    OOXML file is an OLE2 compound file holding an ``EncryptionInfo`` stream, MS-OFFCRYPTO
    §2.3.4), an old binary ``.xls`` (OLE2 without it), or neither.

    Args:
        path: the workbook.
        cause: the original failure (``zipfile.BadZipFile``), chained.
    """
    code = "workbook.not_xlsx"
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError as exc:
        return from_os_error(exc, path, action="read")
    if head.startswith(_OLE2_MAGIC):
        encrypted = "EncryptionInfo".encode("utf-16-le") in head or "EncryptedPackage".encode("utf-16-le") in head
        code = "workbook.protected" if encrypted else "workbook.old_xls"
    error = DtplError(f"not an xlsx zip ({code})", code=code, path=path)
    error.__cause__ = cause
    return error


def classify(exc: BaseException, path: Path | str | None = None) -> DtplError:
    """Any exception as a :class:`DtplError` (the one mapping of system failures to codes).

    A :class:`DtplError` is returned as it is (its path filled in from ``path`` when it had
    none); ``OSError`` by errno; sqlite3/SQLAlchemy by SQLite result code; a
    ``zipfile.BadZipFile`` by the file's first bytes (:func:`workbook_open_error`); a decimal
    overflow is ``number.out_of_range``; anything else is ``error`` with the exception's
    type and text in ``params["system"]``.
    """
    if isinstance(exc, DtplError):
        if exc.path is None and path is not None:
            exc.path = Path(path)
        return exc
    if isinstance(exc, OSError):
        return from_os_error(exc, path)
    if is_sqlite_error(exc):
        return from_sqlite_error(exc, path)
    if isinstance(exc, zipfile.BadZipFile) and path is not None:
        return workbook_open_error(path, exc)
    if isinstance(exc, decimal.InvalidOperation | decimal.Overflow):
        error = DtplError("number outside the Decimal context", code="number.out_of_range", path=path)
        error.__cause__ = exc
        return error
    error = DtplError(f"{type(exc).__name__}: {exc}", code="error",
                      params={"system": f"{type(exc).__name__}: {exc}"}, path=path)
    error.__cause__ = exc
    return error
