"""Price books: the shipped default edition; importing price files of every known layout into
the price library (one transaction each); listing the library, its catalogue, exporting an
edition."""

from __future__ import annotations

import contextlib
import copy
import os
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.errors import DtplError, classify
from dtpl_studio.services.paths import DEFAULT_EDITION
from dtpl_studio.services.session import target_lock
from dtpl_studio.spreadsheets.edition import read_edition
from dtpl_studio.tempfiles import remove_leftovers, temp_path, write_atomic


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


def import_prices(path: Path, *, layout: str | None = None, region: str | None = None,
                  year: int | None = None, accept_corrections: bool = False, prices: str | None = None,
                  library_url: str | None = None, **overrides):
    """Import a price file of any known layout; returns ``(PriceBook, ImportReport)``, with
    the checks every layout gets (:func:`~dtpl_studio.spreadsheets.checks.price_outliers`).

    See :func:`_import_layout` for the layouts, the options, the import wizard's
    ``overrides`` and errors.
    """
    from dtpl_studio.spreadsheets.checks import price_outliers

    book, report = _import_layout(path, layout=layout, region=region, year=year,
                                  accept_corrections=accept_corrections, prices=prices,
                                  library_url=library_url, **overrides)
    price_outliers(book, report)
    return book, report


def _import_layout(path: Path, *, layout: str | None = None, region: str | None = None,
                   year: int | None = None, accept_corrections: bool = False, prices: str | None = None,
                   library_url: str | None = None, progress=None, cancelled=None, **overrides):
    """Import a price file of any known layout; returns ``(PriceBook, ImportReport)``.

    ``overrides`` (the import wizard's choices: ``columns``, ``header_line``, ``convention``)
    go to the layout's reader when they are not None; :func:`layout_overrides` says which
    ones a layout's reader takes (the CSV price lists take all three; the fixed layouts none).
    ``progress``/``cancelled`` (a worker's callables) go to a reader that takes them and are
    dropped for the others (which then run to their end).

    The layout is detected from the file (:func:`~dtpl_studio.spreadsheets.layouts.detect_layout`)
    unless ``layout`` names it (``ahsp-xlsx``, ``edisi-xlsx``, ``hspk-json``, ``harga-csv``,
    ``ssh-csv``, ``analisa-csv``, ``sni-flat``).
    ``region``/``year`` fill the edition's region and year when the file does not say them;
    a file that says other ones wins and the difference is an ``error`` finding (HSPK, SSH).
    Nothing is stored: see :func:`store_in_library` (the caller stores only a usable report).

    ``sni-flat`` (the flat coefficient table, no prices): ``accept_corrections`` applies the
    proposed ÷ 1 000 corrections of coefficients that lost their decimal separator (else they
    are only reported); ``prices`` (a price file of a resource layout, a library edition id or
    ``bawaan``) prices the resources by name and unit
    (:func:`~dtpl_studio.spreadsheets.sni_flat.join_prices`); without it the edition is a
    coefficient-only draft (every price 0, a ``prices-missing`` warning).

    Raises:
        PricesError: a folder, a missing file, an unknown layout (the message lists the known
            ones), a file that cannot be read as its layout, or ``prices``/``accept_corrections``
            given for another layout than ``sni-flat`` (``prices.option_layout``).
        dtpl_studio.spreadsheets.price_lists.ImportCancelledError: ``cancelled()`` answered True.
    """
    from dtpl_studio.services.units import load_user_units
    from dtpl_studio.spreadsheets.layouts import LayoutError, check_layout, detect_layout
    from dtpl_studio.spreadsheets.report import WorkbookImportError

    load_user_units()  # the user's unit spellings (units --map) are read by every importer
    path = Path(path)
    if path.is_dir():
        raise PricesError(f"{path}: is a folder, not a price workbook", code="file.is_folder", path=path)
    if not path.is_file():
        raise PricesError(f"{path}: no such file", code="file.not_found", path=path)
    try:
        name = check_layout(layout) if layout else detect_layout(path)
    except LayoutError as exc:
        raise PricesError(str(exc), code=exc.code, params=exc.params, path=path) from exc
    except OSError as exc:
        known = classify(exc, path)
        raise PricesError(f"{path}: {exc}", code=known.code, params=known.params, path=path) from exc
    for option, given in (("--prices", prices), ("--accept-corrections", accept_corrections)):
        if given and name != "sni-flat":
            raise PricesError(f"{path}: {option} is for sni-flat only, this is {name}", code="prices.option_layout",
                              path=path, params={"option": option, "layout": name})
    if name == "ahsp-xlsx":
        if path.suffix.lower() not in (".xlsx", ".xlsm"):
            raise PricesError(f"{path}: only .xlsx AHSP workbooks can be imported so far", code="prices.not_xlsx",
                              path=path, params={"suffix": path.suffix})
        book, report = _import_ahsp(path)
        if region and not book.meta.region:
            book.meta.region = region
        if year is not None and book.meta.year is None:
            book.meta.year = year
        return book, report
    if name == "edisi-xlsx":
        book, report, _ = read_edition_workbook_file(path)
        return book, report
    if name == "sni-flat":
        return _import_sni_flat(path, region, year, accept_corrections, prices, library_url)
    reader = _list_readers()[name]
    given = {k: v for k, v in overrides.items() if v is not None}
    refused = sorted(set(given) - set(layout_overrides(name)))
    if refused:
        raise PricesError(f"{path}: layout {name} takes no {', '.join(refused)}", code="prices.list_unreadable",
                          path=path, params={"reason": f"tata letak {name} tidak menerima {', '.join(refused)}"})
    try:
        return reader(path, region=region, year=year, **given,
                      **{k: v for k, v in (("progress", progress), ("cancelled", cancelled))
                         if v is not None and k in _reader_params(name)})
    except WorkbookImportError as exc:
        raise PricesError(str(exc), code="prices.list_unreadable", path=path,
                          params={"reason": str(exc).split(": ", 1)[-1]}) from exc
    except (OSError, UnicodeError) as exc:
        known = classify(exc, path) if isinstance(exc, OSError) else None
        raise PricesError(f"{path}: {exc}", code=known.code if known else "prices.list_unreadable",
                          params=known.params if known else {"reason": str(exc)}, path=path) from exc


def _import_sni_flat(path: Path, region, year, accept_corrections: bool, prices: str | None,
                     library_url: str | None):
    """The flat coefficient table (``sni-flat``), joined with ``prices`` when given."""
    from dtpl_studio.spreadsheets.report import WorkbookImportError
    from dtpl_studio.spreadsheets.sni_flat import import_sni_flat, join_prices

    try:
        book, report = import_sni_flat(path, region=region, year=year, accept_corrections=accept_corrections)
    except WorkbookImportError as exc:
        raise PricesError(str(exc), code="prices.list_unreadable", path=path,
                          params={"reason": str(exc).split(": ", 1)[-1]}) from exc
    except OSError as exc:
        known = classify(exc, path)
        raise PricesError(f"{path}: {exc}", code=known.code, params=known.params, path=path) from exc
    if prices:
        label, source = _price_source(prices, library_url)
        join_prices(book, source, report, label)
    return book, report


def _price_source(spec: str, library_url: str | None):
    """``(label, PriceBook)`` of ``--prices SPEC``: a library edition id, ``bawaan``, an edition
    folder or package, or a price file of any resource layout (imported, not stored)."""
    path = Path(spec)
    if path.is_file() and not is_edition_package(path):
        book, report = import_prices(path, library_url=library_url)
        if not report.usable:
            raise PricesError(f"{path}: not usable", code="prices.list_unreadable", path=path,
                              params={"reason": (report.cause_lines() or ["galat"])[0]})
        return path.name, book
    return load_any_edition(spec, library_url)


def book_has_unpriced(book: PriceBook) -> list[str]:
    """Keys of resources priced 0 that an analysis uses (a coefficient-only edition must not
    be published)."""
    used = {ln.ref for a in book.analyses.values() for ln in a.lines}
    return [k for k, r in book.resources.items() if not r.price and k in used]


def _list_readers() -> dict:
    """Layout name → reader ``(path, *, region, year, …) -> (book, report)`` of the layouts
    read by a list reader (everything but the AHSP and edition workbooks and the SNI table,
    which has options of its own)."""
    from dtpl_studio.spreadsheets.analysis_csv import import_analysis_csv
    from dtpl_studio.spreadsheets.hspk_json import import_hspk_json
    from dtpl_studio.spreadsheets.price_lists import import_price_list_csv, import_ssh_csv

    return {"hspk-json": import_hspk_json, "harga-csv": import_price_list_csv, "ssh-csv": import_ssh_csv,
            "analisa-csv": import_analysis_csv}


def layout_overrides(layout: str) -> tuple[str, ...]:
    """Which of the import wizard's overrides (``columns``, ``header_line``, ``convention``)
    the reader of ``layout`` takes: read from its signature, so a layout added later gets the
    wizard's column mapping as soon as its reader takes ``columns``. A layout read by the
    AHSP/edition workbook readers (fixed cells) takes none."""
    import inspect

    if layout in ("ahsp-xlsx", "edisi-xlsx"):
        return ()
    reader = _list_readers().get(layout)
    if reader is None:
        return ()
    params = inspect.signature(reader).parameters
    return tuple(k for k in ("columns", "header_line", "convention") if k in params)


def _reader_params(layout: str) -> frozenset[str]:
    """The keyword parameters of ``layout``'s list reader."""
    import inspect

    reader = _list_readers().get(layout)
    return frozenset(inspect.signature(reader).parameters) if reader else frozenset()


def _import_ahsp(path: Path):
    """The AHSP block workbook (``ahsp-xlsx``)."""
    from dtpl_studio.spreadsheets.ahsp_cipta_karya import import_ahsp_cipta_karya

    try:
        return import_ahsp_cipta_karya(path)
    except (OSError, ValueError, KeyError) as exc:
        known = classify(exc, path) if isinstance(exc, DtplError | OSError) else None
        params = known.params if known else {
            "reason": "kesalahan di pengimpor; laporkan dengan berkas ini"}
        raise PricesError(f"{path}: {exc}", code=known.code if known else "workbook.layout",
                          params=params, path=path,
                          where=known.where if known else None) from exc


def store_in_library(book: PriceBook, library_url: str | None = None, *,
                     publish: bool = False) -> tuple[int, str, bool]:
    """Add ``book`` to the price library as one edition, in one transaction (all of it or
    nothing), unless the same edition is already there: same content hash, region, year and
    kind (two regions may publish identical prices; they stay two editions).

    ``publish``: the edition is stored published (immutable, content hash certified) in that
    same transaction; an identical draft already there is published.

    Returns ``(edition id, library location, added)``; ``added`` is False when an identical
    edition was found. The library is ``library_url``, else ``$DTPL_STUDIO_LIBRARY``, else
    ``library.sqlite`` in the user data folder (platformdirs). An SQLite library is written
    under its lock (:func:`~dtpl_studio.services.session.target_lock`).

    Raises:
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing the library.
        dtpl_studio.storage.errors.LibraryError: the database refused the write (nothing stored).
    """
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    url, sqlite_path = resolve_library_location(library_url)
    digest = book.content_hash()
    meta = book.meta
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    with guard, PriceLibrary(library_url) as library:
        where = str(sqlite_path or library.shown_url)  # a server URL without its password
        for info in library.list_editions():
            if (info.content_hash == digest and info.region == meta.region and info.year == meta.year
                    and info.kind == meta.kind):
                if publish and not info.published:
                    library.publish(info.id)
                return info.id, where, False
        if publish:
            book.meta.status = "published"
        return library.add_edition(book), where, True


def list_editions(library_url: str | None = None):
    """The library's editions (:class:`~dtpl_studio.storage.library.EditionInfo`), oldest first,
    and the library's location shown to the user.

    Raises:
        dtpl_studio.storage.errors.LibraryError: the library cannot be opened.
    """
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    _, sqlite_path = resolve_library_location(library_url)
    with PriceLibrary(library_url) as library:
        return library.list_editions(), str(sqlite_path or library.shown_url)


@dataclass(frozen=True, slots=True)
class CatalogueRow:
    """One line of ``dtpl-studio catalogue``: an analysis (unit rate F, rounded by the
    book's rule) or a resource (its price); ``rate`` None when the analysis cannot be
    computed (``error`` says why)."""

    kind: str  # "analysis" | "resource"
    code: str
    name: str
    unit: str
    rate: Decimal | None
    error: str = ""


def catalogue(edition_id: int | None = None, text: str = "", library_url: str | None = None,
              ) -> tuple[str, list[CatalogueRow]]:
    """The catalogue of an edition: analyses then resources whose code or name contains every
    word of ``text`` (case ignored), in book order. ``edition_id`` None: the library's newest
    edition, or the shipped edition when the library is empty.

    Returns ``(title, rows)``; ``title`` names the edition (``#3 HSPK Kota Semarang 2025 …``).

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        PricesError: the library is empty and the shipped edition is missing.
    """
    from dtpl_studio.costing.pricebook import PriceBookError
    from dtpl_studio.storage.library import PriceLibrary

    with PriceLibrary(library_url) as library:
        if edition_id is None:
            infos = library.list_editions()
            edition_id = max((i.id for i in infos), default=None)
        if edition_id is None:
            book, title = load_default_book(), f"edisi bawaan {DEFAULT_EDITION.name} (pustaka kosong)"
        else:
            info = library.info(edition_id)
            book, title = library.load_edition(edition_id), f"#{info.id} {info.label()} {info.kind}"
    words = text.casefold().split()

    def hit(*parts: str) -> bool:
        blob = " ".join(parts).casefold()
        return all(w in blob for w in words)

    rows: list[CatalogueRow] = []
    for a in book.analyses.values():
        if not hit(a.code, a.name):
            continue
        try:
            rows.append(CatalogueRow("analysis", a.code, a.name, a.unit, book.unit_rate(a.code)))
        except (KeyError, PriceBookError, ArithmeticError) as exc:
            rows.append(CatalogueRow("analysis", a.code, a.name, a.unit, None, str(exc)))
    for r in book.resources.values():
        if hit(r.code, r.key, r.name):
            rows.append(CatalogueRow("resource", r.code, r.name, r.unit, r.price))
    return title, rows


def export_edition(edition_id: int, folder: Path, library_url: str | None = None) -> PriceBook:
    """Write library edition ``edition_id`` to ``folder`` in the open edition format
    (:mod:`dtpl_studio.spreadsheets.edition`; replaced whole, atomically). Returns the book.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing the folder.
        OSError: the folder cannot be written.
    """
    from dtpl_studio.storage.library import PriceLibrary

    with PriceLibrary(library_url) as library:
        book = library.load_edition(edition_id)
    write_edition_folder(book, folder)
    return book


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
        write_atomic(path, text.encode("utf-8"))


# -- signed edition packages (issue 8 point 5) -----------------------------------------------

def make_signing_key(name: str, folder: Path, passphrase: str | None = None):
    """Make a bengkel's Ed25519 key pair in ``folder``: ``NAME.kunci`` (private, mode 0600,
    encrypted when ``passphrase`` is given) and ``NAME.pub`` (to give to facilitators).

    Returns ``(private path, public path, PublicKey)``.

    Raises:
        dtpl_studio.spreadsheets.edition_package.PackageError: empty name, or a key file of
            that name exists already (never replaced).
        OSError: the folder cannot be written.
    """
    from dtpl_studio.spreadsheets.edition_package import new_signing_key, write_key_pair

    key = new_signing_key(name)
    Path(folder).mkdir(parents=True, exist_ok=True)
    private, public = write_key_pair(key, Path(folder), passphrase)
    return private, public, key.public


def trust_key(path: Path):
    """Trust the public key in ``path`` from now on: copied into
    :func:`~dtpl_studio.services.paths.trusted_keys_dir` under its key id. Returns the
    :class:`~dtpl_studio.spreadsheets.edition_package.PublicKey`.

    Raises:
        dtpl_studio.spreadsheets.edition_package.PackageError: not a public key file.
        OSError: the file cannot be read or the folder written.
    """
    from dtpl_studio.services.paths import trusted_keys_dir
    from dtpl_studio.spreadsheets.edition_package import PUBLIC_SUFFIX, load_public_key

    key = load_public_key(Path(path))
    (trusted_keys_dir() / f"{key.key_id}{PUBLIC_SUFFIX}").write_text(key.text(), encoding="utf-8")
    return key


def trusted_keys(extra: tuple[Path, ...] = ()) -> tuple:
    """The public keys trusted here: those in the trusted-keys folder and the ``extra`` files
    (``--trust FILE.pub``). An unreadable file in the folder is skipped (logged), not fatal.

    Raises:
        dtpl_studio.spreadsheets.edition_package.PackageError: an ``extra`` file is not a key.
    """
    import logging

    from dtpl_studio.services.paths import trusted_keys_dir
    from dtpl_studio.spreadsheets.edition_package import (
        PUBLIC_SUFFIX,
        PackageError,
        load_public_key,
    )

    keys = []
    for path in sorted(trusted_keys_dir().glob(f"*{PUBLIC_SUFFIX}")):
        try:
            keys.append(load_public_key(path))
        except (PackageError, OSError) as exc:
            logging.getLogger(__name__).warning("skipped trusted key %s: %s", path, exc)
    keys.extend(load_public_key(Path(p)) for p in extra)
    return tuple(keys)


def export_edition_package(edition_id: int, out: Path, *, key_path: Path | None = None,
                           passphrase: str | None = None, library_url: str | None = None):
    """Write published library edition ``edition_id`` as one package file ``out``
    (``.dtplharga``), signed with the private key in ``key_path`` when given. Written to a
    temporary file beside ``out`` and renamed (never half a package), under ``out``'s lock.

    Returns ``(PriceBook, PublicKey | None)``: the edition and the key that signed it.

    Raises:
        dtpl_studio.spreadsheets.edition_package.PackageError: the edition is a draft
            (``package.not_published``), or the key cannot be read.
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        OSError: the file cannot be written.
    """
    from dtpl_studio.spreadsheets.edition_package import (
        PackageError,
        load_signing_key,
        package_bytes,
    )
    from dtpl_studio.storage.library import PriceLibrary

    signer = load_signing_key(Path(key_path), passphrase) if key_path else None
    with PriceLibrary(library_url) as library:
        info = library.info(edition_id)
        if not info.published:
            raise PackageError(f"edition {edition_id} is a draft", code="package.not_published",
                               params={"edition": edition_id})
        book = library.load_edition(edition_id)
    data = package_bytes(book, signer=signer)
    out = Path(out)
    with target_lock(out, "package"):
        remove_leftovers(out.parent, out.name)
        write_atomic(out, data)
    return book, signer.public if signer else None


def read_edition_package(path: Path, trust: tuple[Path, ...] = ()):
    """Check a package file against the trusted keys (and ``trust`` key files).

    Returns ``(PriceBook, PackageCheck)``; the book's ``meta.verification`` and ``signer``
    say what was found.

    Raises:
        dtpl_studio.spreadsheets.edition_package.PackageError: the file is not a package, or
            any byte of it differs from what was signed or hashed (nothing imported).
        OSError: the file cannot be read.
    """
    from dtpl_studio.spreadsheets.edition_package import read_package

    path = Path(path)
    return read_package(path.read_bytes(), str(path), trusted_keys(tuple(trust)))


def is_edition_package(path: Path) -> bool:
    """Whether ``path`` starts like a price edition package (``.dtplharga``)."""
    from dtpl_studio.spreadsheets.edition_package import MAGIC, looks_like_package

    try:
        with open(path, "rb") as fh:
            return looks_like_package(fh.read(len(MAGIC)))
    except OSError:
        return False


# -- comparing editions (issue 8 point 1) ----------------------------------------------------

def load_any_edition(spec: str, library_url: str | None = None) -> tuple[str, PriceBook]:
    """An edition named by ``spec``: a library edition id (``3``), ``bawaan`` (the shipped
    edition), an edition folder, or a package file (``.dtplharga``; its signature is not
    required for a comparison). Returns ``(title, book)``.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such library edition.
        PricesError: the path is neither an edition folder nor a package.
        dtpl_studio.spreadsheets.edition.EditionError /
            dtpl_studio.spreadsheets.edition_package.PackageError: the folder or package is damaged.
    """
    if spec.strip().isdigit():
        from dtpl_studio.storage.library import PriceLibrary

        with PriceLibrary(library_url) as library:
            info = library.info(int(spec))
            return f"#{info.id} {info.label()} {info.kind}", library.load_edition(info.id)
    if spec.strip().casefold() == "bawaan":
        return f"edisi bawaan {DEFAULT_EDITION.name}", load_default_book()
    path = Path(spec)
    if path.is_dir():
        return f"folder {path}", read_edition(path)
    if is_edition_package(path):
        from dtpl_studio.spreadsheets.edition_package import read_package

        book, _ = read_package(path.read_bytes(), str(path))
        return f"paket {path.name}", book
    if path.suffix.lower() == ".xlsx" and path.is_file():
        from dtpl_studio.spreadsheets.edition_xlsx import is_edition_workbook

        if is_edition_workbook(path):
            book, report, _ = read_edition_workbook_file(path)
            if not report.usable:
                raise PricesError(f"{path}: not usable", code="prices.list_unreadable", path=path,
                                  params={"reason": report.cause_lines()[0] if report.cause_lines() else "galat"})
            return f"lembar kerja {path.name}", book
    raise PricesError(f"{path}: not an edition id, folder or package", code="prices.not_edition", path=path,
                      params={"spec": spec})


def diff_editions(old: str, new: str, library_url: str | None = None):
    """Compare two editions (each as :func:`load_any_edition` reads it).

    Returns ``(old title, new title, EditionDiff)``.

    Raises:
        as :func:`load_any_edition`.
    """
    from dtpl_studio.costing.edition_diff import diff_books

    old_title, old_book = load_any_edition(old, library_url)
    new_title, new_book = load_any_edition(new, library_url)
    return old_title, new_title, diff_books(old_book, new_book)


# -- the edition spreadsheet: export, edit, re-import, diff, apply (issue 8 point 2) --------

def export_edition_workbook(edition_id: int | str, out: Path, library_url: str | None = None) -> PriceBook:
    """Write library edition ``edition_id`` (or ``bawaan``) as the edition spreadsheet
    ``out`` (:mod:`dtpl_studio.spreadsheets.edition_xlsx`): temporary file beside it, then
    renamed, under its lock. Returns the book.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing ``out``.
        OSError: the file cannot be written.
    """
    from dtpl_studio.spreadsheets.edition_xlsx import write_edition_workbook

    _, book = load_any_edition(str(edition_id), library_url)
    out = Path(out)
    with target_lock(out, "xlsx"):
        remove_leftovers(out.parent, out.name)
        tmp = temp_path(out, "tmp")
        try:
            write_edition_workbook(book, tmp, int(edition_id) if str(edition_id).isdigit() else None)
            os.replace(tmp, out)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    return book


def is_edition_workbook(path: Path) -> bool:
    """Whether ``path`` is an edition spreadsheet written by DTPL Studio."""
    from dtpl_studio.spreadsheets.edition_xlsx import is_edition_workbook as check

    path = Path(path)
    return path.suffix.lower() == ".xlsx" and path.is_file() and check(path)


def read_edition_workbook_file(path: Path):
    """``(book, ImportReport, exported content hash)`` of an edition spreadsheet.

    Raises:
        PricesError: not an edition spreadsheet, or unreadable.
    """
    from dtpl_studio.spreadsheets.edition_xlsx import read_edition_workbook
    from dtpl_studio.spreadsheets.report import WorkbookImportError

    try:
        return read_edition_workbook(Path(path))
    except WorkbookImportError as exc:
        raise PricesError(str(exc), code="prices.list_unreadable", path=path,
                          params={"reason": exc.params.get("reason", str(exc))}) from exc


@dataclass(frozen=True, slots=True)
class AppliedEdit:
    """What :func:`apply_edition_workbook` did: ``edition_id`` holds the edit now (a new
    draft when ``onto`` was published: ``derived`` True), ``diff`` is what changed."""

    edition_id: int
    derived: bool
    diff: object
    content_hash: str


def apply_edition_workbook(book: PriceBook, exported_hash: str, onto: int, library_url: str | None = None,
                           *, who: str | None = None) -> AppliedEdit:
    """Apply an edited edition spreadsheet's ``book`` to library edition ``onto``.

    A draft is replaced in place, only if its content is still the one the spreadsheet was
    exported from (``exported_hash``: optimistic locking, a ConflictError otherwise). A
    published edition never changes: a new draft is derived from it and receives the edit.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no edition ``onto``.
        dtpl_studio.storage.errors.ConflictError: the draft changed since the export.
        dtpl_studio.services.session.LockedError: another DTPL Studio writes the library.
    """
    from dtpl_studio.costing.edition_diff import diff_books
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    exported_hash, _, exported_id = exported_hash.partition("@")
    if exported_id and int(exported_id) != onto:
        raise PricesError(f"sheet of edition {exported_id} applied to {onto}", code="prices.other_edition",
                          params={"sheet": exported_id, "edition": onto})
    _, sqlite_path = resolve_library_location(library_url)
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    with guard, PriceLibrary(library_url) as library:
        info = library.info(onto)
        if info.content_hash == book.content_hash():
            raise PricesError(f"edition {onto} already holds this content", code="prices.nothing_to_apply",
                              params={"edition": onto})
        diff = diff_books(library.load_edition(onto), book)
        derived = info.published
        target = library.derive(onto, who=who) if derived else onto
        digest = library.update_edition(target, book, who=who,
                                        expected_hash=None if derived else (exported_hash or None))
    return AppliedEdit(target, derived, diff, digest)


# -- the library as the catalogue's source (issue 8, "Architecture first") -------------------

#: who the seeding is recorded as in the library's audit log
SEED_WHO = "DTPL Studio (edisi bawaan)"


def seed_library(library_url: str | None = None) -> int | None:
    """Make sure the library holds the shipped edition (``unit_prices/``): on first run it is
    added as it ships (status as in its ``edition.json``); later runs find it by content hash
    and add nothing. Returns its edition id, or None when the library is read-only for this
    user (a facilitator on a team server: the bengkel seeds it) — never an error for that.

    Raises:
        PricesError: the shipped edition is missing or damaged.
        dtpl_studio.storage.errors.LibraryError: the library cannot be opened.
        dtpl_studio.services.session.LockedError: another DTPL Studio is writing the library.
    """
    from dtpl_studio.storage.errors import ReadOnlyLibraryError
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    shipped = load_default_book()
    digest = shipped.content_hash()
    _, sqlite_path = resolve_library_location(library_url)
    with PriceLibrary(library_url) as library:
        for info in library.list_editions():
            if info.content_hash == digest and info.kind == shipped.meta.kind and not info.region:
                return info.id
        if not library.can_write():
            return None
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    try:
        with guard, PriceLibrary(library_url) as library:
            for info in library.list_editions():  # a second DTPL Studio may have seeded it meanwhile
                if info.content_hash == digest and info.kind == shipped.meta.kind and not info.region:
                    return info.id
            return library.add_edition(shipped, who=SEED_WHO)  # read only: no copy needed
    except ReadOnlyLibraryError:
        return None


def library_editions(library_url: str | None = None):
    """The editions a catalogue can offer, after :func:`seed_library`: ``(infos, location,
    shipped id)`` — infos newest first within published, then drafts; ``shipped id`` is the
    seeded shipped edition's id (None when the library could not take it).

    Raises:
        dtpl_studio.storage.errors.LibraryError: the library cannot be opened.
    """
    shipped_id = seed_library(library_url)
    infos, where = list_editions(library_url)
    infos = sorted(infos, key=lambda i: (not i.published, -i.id))
    return infos, where, shipped_id


_BOOK_CACHE: dict[tuple[str, int, str], PriceBook] = {}


def load_library_book(edition_id: int, library_url: str | None = None) -> PriceBook:
    """Library edition ``edition_id`` as a PriceBook for the catalogue (read-only use: callers
    pin copies, never change it). An edition whose content hash is the shipped edition's is
    served from the shipped files (read once); others are read once per content hash.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.storage.errors.LibraryError: the library cannot be read.
    """
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    url, _ = resolve_library_location(library_url)
    with PriceLibrary(library_url) as library:
        info = library.info(edition_id)
        key = (url, edition_id, info.content_hash)
        if key in _BOOK_CACHE:
            return _BOOK_CACHE[key]
        shipped = load_default_book()
        if info.content_hash == shipped.content_hash() and info.kind == shipped.meta.kind and not info.region:
            book = copy.copy(shipped)
            book.meta = copy.deepcopy(shipped.meta)
            book.meta.status = info.status
        else:
            book = library.load_edition(edition_id)
    _BOOK_CACHE[key] = book
    return book


def library_edition_page(edition_id: int, library_url: str | None = None, *, limit: int = 50):
    """What the catalogue shows first when library edition ``edition_id`` is opened, without
    loading it whole: ``(info, page)`` — its :class:`~dtpl_studio.storage.library.EditionInfo`
    (with its resource and analysis counts) and a partial PriceBook of its first ``limit``
    analyses, what they use (their :meth:`PriceBook.unit_rate` is the whole edition's) and its
    first ``limit`` resources (:meth:`PriceLibrary.edition_page`). The whole book, for pinning
    and search: :func:`load_library_book`.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.storage.errors.LibraryError: the library cannot be read.
    """
    from dtpl_studio.storage.library import PriceLibrary

    with PriceLibrary(library_url) as library:
        return library.info(edition_id), library.edition_page(edition_id, limit=limit)


def default_catalogue_book(library_url: str | None = None) -> PriceBook:
    """The book a new project or the demo starts from: the shipped edition as the library
    holds it (seeded on first run, :func:`seed_library`). When the library cannot be opened
    or seeded (a damaged file, a read-only team library without it), the shipped files
    themselves — the same content — and the reason goes to the log.

    Raises:
        PricesError: the shipped edition is missing or damaged.
    """
    import logging

    from dtpl_studio.storage.errors import LibraryError

    try:
        edition_id = seed_library(library_url)
        if edition_id is not None:
            return load_library_book(edition_id, library_url)
    except (LibraryError, OSError) as exc:
        logging.getLogger(__name__).warning("price library not used, shipped edition instead: %s", exc)
    return load_default_book()


def publish_edition(edition_id: int, library_url: str | None = None) -> str:
    """Publish draft edition ``edition_id``: from now on it is immutable (content hash
    certified; a later change becomes a new derived draft). Returns the content hash.

    Raises:
        dtpl_studio.storage.errors.EditionNotFoundError: no such edition.
        dtpl_studio.storage.errors.PublishedEditionError: it is published already.
        dtpl_studio.services.session.LockedError: another DTPL Studio writes the library.
    """
    from dtpl_studio.storage.library import PriceLibrary, resolve_library_location

    _, sqlite_path = resolve_library_location(library_url)
    guard = target_lock(sqlite_path, "library") if sqlite_path is not None else contextlib.nullcontext()
    with guard, PriceLibrary(library_url) as library:
        return library.publish(edition_id)
