"""The library window's work on the price library (issue 8 point 4): browse editions, read one
with the versions an editor needs for optimistic locking, change one resource or one
analysis line of a draft, derive a draft from a published edition, publish, compare two
editions, read the audit log.

Qt-free; the window (``ui/widgets/library_window.py``) calls only this module (the ui layer
never imports storage). Every call opens the library, does its work and closes it again, so a
call may run on a worker thread (an SQLite connection never crosses threads). Writes to an
SQLite library are made under its lock (:func:`~dtpl_studio.services.session.target_lock`),
as imports are (:func:`~dtpl_studio.services.prices.store_in_library`).

Every write goes through :class:`~dtpl_studio.storage.library.PriceLibrary`, which records it
in the library's audit log (who, when, old, new) and refuses a lost update
(:class:`~dtpl_studio.storage.errors.ConflictError`, naming who changed what when).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dtpl_studio.audit import AuditEntry
from dtpl_studio.costing.edition_diff import EditionDiff, diff_books
from dtpl_studio.costing.numbers import NumberParseError, parse_number
from dtpl_studio.costing.pricebook import Analysis, LineKind, PriceBook, PriceBookError, Resource
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.errors import DtplError
from dtpl_studio.services.session import target_lock
from dtpl_studio.storage.errors import (
    ConflictError,
    LibraryError,
    PublishedEditionError,
    ReadOnlyLibraryError,
)
from dtpl_studio.storage.library import (
    EditionInfo,
    EditionVersions,
    PriceLibrary,
    resolve_library_location,
)

__all__ = [
    "ConflictError", "EditionInfo", "EditionView", "LibraryError", "PublishedEditionError", "ReadOnlyLibraryError", "ValueInputError",
    "audit_entries", "compare_editions", "derive_draft", "library_state", "load_edition",
    "parse_coefficient", "parse_price", "parse_unit", "publish_edition", "write_line_coefficient",
    "write_resource", "affected_analyses", "attempt",
]


class ValueInputError(DtplError, ValueError):
    """A value typed in the library window that cannot be used (``code``:
    ``library.bad_number``, ``library.negative``, ``library.bad_unit``, ``library.empty``)."""

    default_code = "library.bad_number"


@dataclass(frozen=True, slots=True)
class LibraryState:
    """What the window shows above the editions: where the library is, its editions (by
    region, year, id) and whether this user may write it (False for a read-only PostgreSQL
    role or a read-only SQLite file)."""

    location: str
    editions: list[EditionInfo]
    writable: bool


@dataclass(slots=True)
class EditionView:
    """One edition as the window holds it: ``info``, the ``book`` (its own copy: the window
    changes it after each successful write), the ``versions`` read *before* the book (an edit
    based on them can only be refused, never overwrite an unseen change), and the unit rate
    F of every analysis (``rates``: code → Decimal, or the error text when it cannot be
    computed)."""

    info: EditionInfo
    book: PriceBook
    versions: EditionVersions
    rates: dict[str, Decimal | str]


def _where(library: PriceLibrary) -> str:
    return str(library.path) if library.path is not None else library.shown_url


@contextlib.contextmanager
def _writing(library_url: str | None) -> Iterator[PriceLibrary]:
    """The library, open for a write: an SQLite file under its lock."""
    _, sqlite_path = resolve_library_location(library_url)
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    with guard, PriceLibrary(library_url) as library:
        yield library


def library_state(library_url: str | None = None) -> LibraryState:
    """The library's location, editions and writability.

    Raises:
        dtpl_studio.storage.errors.LibraryError: the library cannot be opened.
    """
    with PriceLibrary(library_url) as library:
        return LibraryState(_where(library), library.list_editions(), library.can_write())


def compute_rates(book: PriceBook, codes: list[str] | None = None) -> dict[str, Decimal | str]:
    """F (Rp per unit, the book's rounding) of each analysis in ``codes`` (all when None), or
    the reason it cannot be computed (a missing resource, a unit that does not convert)."""
    rates: dict[str, Decimal | str] = {}
    for code in book.analyses if codes is None else codes:
        try:
            rates[code] = book.unit_rate(code)
        except (PriceBookError, KeyError, ArithmeticError, RecursionError) as exc:
            rates[code] = str(exc) or type(exc).__name__
    return rates


def load_edition(edition_id: int, library_url: str | None = None, *,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> EditionView:
    """Read edition ``edition_id`` for browsing and editing (the worker-task shape:
    ``progress``/``cancelled`` as :class:`dtpl_studio.ui.workers.Task` passes them).

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.storage.errors.LibraryError: the library cannot be read, or the stored
            content does not match its content hash.
    """
    with PriceLibrary(library_url) as library:
        versions = library.versions(edition_id)  # first: see the class doc
        book = library.load_edition(edition_id)
        info = library.info(edition_id)
    if progress:
        progress(1, 2, "")
    if cancelled and cancelled():
        raise InterruptedError("cancelled")
    return EditionView(info, book, versions, compute_rates(book))


# -- values typed in the window ---------------------------------------------------------------

def parse_price(text: str) -> Decimal:
    """A price typed in Indonesian format (``85.000``, ``Rp 1.250,50``) as Decimal Rupiah.

    Raises:
        ValueInputError: not a number (``library.bad_number``) or negative (``library.negative``).
    """
    value = _number(text)
    if value < 0:
        raise ValueInputError(f"{text!r}: negative price", code="library.negative", params={"text": text})
    return value


def parse_coefficient(text: str) -> Decimal:
    """A coefficient typed in Indonesian format (``0,0250``); a negative one is refused
    (``library.negative``): an analysis line consumes, never gives back."""
    return parse_price(text)


def _number(text: str) -> Decimal:
    try:
        return parse_number(text)
    except NumberParseError as exc:
        raise ValueInputError(f"{text!r}: not a number ({exc})", code="library.bad_number",
                              params={"text": text}) from exc


def parse_unit(text: str) -> str:
    """A unit typed in the window as its canonical symbol (:func:`dtpl_studio.costing.units.read_unit`).

    Raises:
        ValueInputError: an unknown spelling (``library.bad_unit``), never guessed.
    """
    try:
        return read_unit(text).symbol
    except UnknownUnitError as exc:
        raise ValueInputError(f"{text!r}: unknown unit", code="library.bad_unit", params={"text": text}) from exc


# -- writes (each one audited by the library) ---------------------------------------------------

def write_resource(edition_id: int, resource: Resource, expected_version: int, library_url: str | None = None,
                   *, who: str | None = None) -> int:
    """Store ``resource`` (name, unit, price…; the key is its identity) in draft
    ``edition_id`` if its version there is still ``expected_version``. Returns its new
    version. The library's audit log gets who, when, old and new price.

    Raises:
        dtpl_studio.storage.errors.ConflictError: someone changed it since (names who, when).
        dtpl_studio.storage.errors.PublishedEditionError: the edition is published.
        dtpl_studio.storage.errors.ReadOnlyLibraryError: this user may only read.
        dtpl_studio.services.session.LockedError: another DTPL Studio writes the SQLite library.
    """
    with _writing(library_url) as library:
        return library.update_resource(edition_id, resource, expected_version=expected_version, who=who)


def write_line_coefficient(edition_id: int, analysis: Analysis, index: int, coefficient: Decimal,
                           expected_version: int, library_url: str | None = None, *,
                           who: str | None = None) -> tuple[int, Analysis]:
    """Set the coefficient of line ``index`` (0-based) of ``analysis`` (as the window holds
    it) in draft ``edition_id``: a copy with that one line changed replaces the stored analysis
    if its version is still ``expected_version``. ``analysis`` itself is not changed (the
    call may run on a worker thread). Returns ``(new version, the changed copy)``; the audit
    log gets who, when and ``line N coefficient=old`` → ``…=new``.

    Raises:
        IndexError: no line ``index``.
        as :func:`write_resource`.
    """
    lines = list(analysis.lines)
    lines[index] = dataclasses.replace(lines[index], coefficient=coefficient)
    changed = dataclasses.replace(analysis, lines=lines)
    with _writing(library_url) as library:
        version = library.update_analysis(edition_id, changed, expected_version=expected_version, who=who)
    return version, changed


def affected_analyses(book: PriceBook, *, resource: str | None = None, analysis: str | None = None) -> list[str]:
    """Codes of the analyses whose F may change when resource ``resource`` or analysis
    ``analysis`` changes: those with a line on it, and those using any of them as a
    sub-analysis, transitively (``analysis`` itself included). Book order."""
    users: dict[str, set[str]] = {}
    for a in book.analyses.values():
        for ln in a.lines:
            if ln.kind is LineKind.SUB_ANALYSIS:
                users.setdefault("A:" + ln.ref, set()).add(a.code)
            elif ln.kind is not LineKind.PCT_OF_MATERIAL:
                users.setdefault("R:" + ln.ref, set()).add(a.code)
    found: set[str] = set()
    todo = list(users.get("R:" + resource, ())) if resource is not None else []
    if analysis is not None:
        todo.append(analysis)
    while todo:
        code = todo.pop()
        if code in found:
            continue
        found.add(code)
        todo.extend(users.get("A:" + code, ()))
    return [code for code in book.analyses if code in found]


def derive_draft(edition_id: int, library_url: str | None = None, *, who: str | None = None) -> int:
    """A new draft with the content of (published) edition ``edition_id``; returns its id.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError, ReadOnlyLibraryError, LockedError.
    """
    with _writing(library_url) as library:
        return library.derive(edition_id, who=who)


def publish_edition(edition_id: int, expected_hash: str, library_url: str | None = None, *,
                    who: str | None = None) -> str:
    """Publish draft ``edition_id`` if its content is still ``expected_hash`` (the one the
    user confirmed); from then on it is immutable. Returns the content hash.

    Raises:
        dtpl_studio.storage.errors.ConflictError: it changed since (who, when).
        dtpl_studio.storage.errors.PublishedEditionError: already published.
    """
    with _writing(library_url) as library:
        return library.publish(edition_id, expected_hash=expected_hash, who=who)


# -- reading the log, comparing -----------------------------------------------------------------

def audit_entries(edition_id: int | None = None, library_url: str | None = None) -> list[AuditEntry]:
    """The library's audit log, newest first; with ``edition_id`` only the entries about that
    edition (its import, publishing, and every resource/analysis change)."""
    with PriceLibrary(library_url) as library:
        entries = library.audit_entries()
    if edition_id is not None:
        subject = f"edition {edition_id}"
        entries = [e for e in entries if e.subject == subject or e.subject.startswith(subject + " ")
                   or e.detail.startswith((subject + " ", subject + ":"))]
    return entries[::-1]


def compare_editions(old_id: int, new_id: int, library_url: str | None = None,
                     *, progress: Callable[[int, int, str], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> tuple[str, str, EditionDiff]:
    """``(old label, new label, EditionDiff)`` of two library editions
    (:func:`dtpl_studio.costing.edition_diff.diff_books`: resources by key, analyses by code,
    F before and after).

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
    """
    with PriceLibrary(library_url) as library:
        old_info, new_info = library.info(old_id), library.info(new_id)
        old, new = library.load_edition(old_id), library.load_edition(new_id)
    if cancelled and cancelled():
        raise InterruptedError("cancelled")
    return (f"#{old_info.id} {old_info.label()}", f"#{new_info.id} {new_info.label()}", diff_books(old, new))


def attempt(fn: Callable[..., Any], *args: Any, progress: Callable | None = None, cancelled: Callable | None = None,
            **kwargs: Any) -> tuple[bool, Any]:
    """``(True, fn(*args, **kwargs))``, or ``(False, the exception)`` for a library refusal or
    any other failure of ``fn``: a worker task's shape for a write whose caller must know
    the kind of refusal (a :class:`ConflictError` reloads the edition)."""
    try:
        return True, fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - handed to the caller, who explains it
        return False, exc
