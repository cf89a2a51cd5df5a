"""Price books: the shipped default edition and importing a workbook."""

from __future__ import annotations

import contextlib
import os
from functools import lru_cache
from pathlib import Path

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.errors import DtplError, classify
from dtpl_studio.services.paths import DEFAULT_EDITION
from dtpl_studio.services.session import target_lock
from dtpl_studio.spreadsheets.edition import read_edition
from dtpl_studio.tempfiles import remove_leftovers, temp_path


class PricesError(DtplError, RuntimeError):
    """A price book could not be read or imported; ``path`` and ``code`` say which file and why."""

    default_code = "prices.unreadable"


@lru_cache(maxsize=1)
def _cached_default() -> PriceBook:
    return read_edition(DEFAULT_EDITION)


def load_default_book() -> PriceBook:
    """The edition shipped in ``unit_prices/ahsp-cipta-karya-2023`` (read once, cached).

    Raises:
        PricesError: the folder is missing or unreadable (a broken checkout).
    """
    if not DEFAULT_EDITION.is_dir():
        raise PricesError(f"the shipped price book is missing: {DEFAULT_EDITION}", code="prices.default_missing",
                          path=DEFAULT_EDITION)
    try:
        return _cached_default()
    except (OSError, ValueError, KeyError) as exc:
        raise PricesError(f"cannot read the shipped price book {DEFAULT_EDITION}: {exc}",
                          code="prices.default_damaged", path=DEFAULT_EDITION) from exc


def import_prices(path: Path):
    """Import a price workbook; returns ``(PriceBook, ImportReport)``.

    Today the AHSP Cipta Karya block layout (``.xlsx``) is recognised.

    Raises:
        PricesError: unknown file type or layout, or a file that cannot be opened.
    """
    from dtpl_studio.spreadsheets.ahsp_cipta_karya import import_ahsp_cipta_karya

    path = Path(path)
    if path.is_dir():
        raise PricesError(f"{path}: is a folder, not a price workbook", code="file.is_folder", path=path)
    if not path.is_file():
        raise PricesError(f"{path}: no such file", code="file.not_found", path=path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise PricesError(f"{path}: only .xlsx AHSP workbooks can be imported so far", code="prices.not_xlsx",
                          path=path, params={"suffix": path.suffix})
    try:
        return import_ahsp_cipta_karya(path)
    except (OSError, ValueError, KeyError) as exc:
        known = classify(exc, path) if isinstance(exc, DtplError | OSError) else None
        params = known.params if known else {
            "reason": "kesalahan di pengimpor; laporkan dengan berkas ini"}
        raise PricesError(f"{path}: {exc}", code=known.code if known else "workbook.layout",
                          params=params, path=path,
                          where=known.where if known else None) from exc


def store_in_library(book: PriceBook, library_url: str | None = None) -> tuple[int, str, bool]:
    """Add ``book`` to the price library as a draft edition, unless an edition with the same
    content hash is already there.

    Returns ``(edition id, library location, added)``; ``added`` is False when an identical
    edition was found. The library is ``library_url``, else ``$DTPL_STUDIO_LIBRARY``, else
    ``library.sqlite`` in the user data folder (platformdirs). An SQLite library is written
    under its lock (:func:`~dtpl_studio.services.session.target_lock`).

    Raises:
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing the library.
    """
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    url, sqlite_path = resolve_library_location(library_url)
    digest = book.content_hash()
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    with guard, PriceLibrary(library_url) as library:
        where = str(sqlite_path or library.shown_url)  # a server URL without its password
        for info in library.list_editions():
            if info.content_hash == digest:
                return info.id, where, False
        return library.add_edition(book), where, True


def write_edition_folder(book: PriceBook, folder: Path, report=None) -> None:
    """Write ``book`` in the open edition format to ``folder`` (replaced whole, atomically),
    under the folder's lock; our temporary folders left there by a killed write are removed.

    Raises:
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing it.
        OSError: the folder cannot be written.
    """
    from dtpl_studio.spreadsheets.edition import write_edition

    folder = Path(folder)
    with target_lock(folder, "edition"):
        remove_leftovers(folder.parent, folder.name)
        write_edition(book, folder, report=report)


def write_report(path: Path, text: str) -> None:
    """Write a text report to ``path`` atomically (temporary file + rename) under its lock.

    Raises:
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing it.
        OSError: the folder cannot be written (the old file is unchanged).
    """
    path = Path(path)
    with target_lock(path, "report"):
        remove_leftovers(path.parent, path.name)
        tmp = temp_path(path, "tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
