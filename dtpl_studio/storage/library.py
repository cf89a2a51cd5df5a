"""The price library: price book editions per region and year, immutable once published.

Where it lives (first that applies):

1. the ``url`` argument of :class:`PriceLibrary` — a filesystem path or a SQLAlchemy URL
   (``sqlite:///…``; a ``postgresql://…`` URL for a team library, DESIGN.md §7, untested here);
2. the environment variable ``DTPL_STUDIO_LIBRARY`` (same forms);
3. ``library.sqlite`` in ``platformdirs.user_data_dir("dtpl-studio")``.

Opening a library creates it if missing and upgrades it to this app's schema (Alembic, script
folder ``dtpl_studio/storage/migrations/library``). A library made by a newer app is refused.

Editions follow DESIGN.md §4: an edition is a draft until :meth:`PriceLibrary.publish`; a
published edition is immutable — every write through this API raises
:class:`~dtpl_studio.storage.errors.PublishedEditionError`, and on SQLite triggers refuse the
same writes from any other client. To change a published book, :meth:`PriceLibrary.derive`
a new draft from it. Each edition stores its :meth:`PriceBook.content_hash`, checked on every
load and on publish.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlalchemy import Engine, Select, create_engine, func, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from dtpl_studio import __version__
from dtpl_studio.audit import GENESIS, AuditEntry, link
from dtpl_studio.costing.pricebook import BookKind, PriceBook
from dtpl_studio.errors import classify
from dtpl_studio.storage import migrate
from dtpl_studio.storage.errors import EditionNotFoundError, LibraryError, PublishedEditionError
from dtpl_studio.storage.library_records import (
    EditionAnalysisLineRecord,
    EditionAnalysisRecord,
    EditionRecord,
    EditionResourceRecord,
    LibraryAuditLogRecord,
    LibraryMetaRecord,
)
from dtpl_studio.storage.project_file import SQLITE_HEADER, default_actor
from dtpl_studio.storage.records import (
    StoredValueError,
    analysis_columns,
    book_from_records,
    line_columns,
    meta_columns,
    meta_from_record,
    parse_enum,
    resource_columns,
)

ENV_VAR = "DTPL_STUDIO_LIBRARY"
FORMAT = migrate.FORMATS["library"]
STATUSES = ("draft", "published")
_IMMUTABLE = "published edition is immutable"  # the trigger message (migration library_0001)


def default_library_path() -> Path:
    """``<user data dir>/library.sqlite``: ``$DTPL_STUDIO_HOME`` when set, else
    ``platformdirs.user_data_dir("dtpl-studio")`` (the same folder as services.paths.data_dir)."""
    home = os.environ.get("DTPL_STUDIO_HOME")
    return Path(home or platformdirs.user_data_dir("dtpl-studio", appauthor=False)) / "library.sqlite"


def resolve_library_location(url: str | os.PathLike[str] | None = None) -> tuple[str, Path | None]:
    """Where the library is: ``(url, sqlite_path)``.

    ``sqlite_path`` is the database file for SQLite (None for a server database or an
    in-memory SQLite URL). Order: ``url`` argument, ``$DTPL_STUDIO_LIBRARY``, the user data
    folder (:func:`default_library_path`). A value with ``://`` is a SQLAlchemy URL, anything
    else a filesystem path (``~`` expanded).
    """
    value: str | os.PathLike[str] | None = url if url is not None else (os.environ.get(ENV_VAR) or None)
    if value is None:
        path = default_library_path()
        return f"sqlite:///{path}", path
    text = os.fspath(value)
    if "://" not in text:
        path = Path(text).expanduser()
        return f"sqlite:///{path}", path
    parsed = make_url(text)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            return text, Path(database).expanduser()
    return text, None


@dataclass(frozen=True, slots=True)
class EditionInfo:
    """A row of :meth:`PriceLibrary.list_editions` (no content loaded).

    ``resources``/``analyses`` are counts; times are UTC ISO-8601 text.
    """

    id: int
    region: str
    province: str
    year: int | None
    edition: str
    kind: BookKind
    title: str
    status: str
    content_hash: str
    legal_ref: str
    effective_date: str
    source_file: str
    created_at: str
    published_at: str | None
    derived_from_id: int | None
    resources: int
    analyses: int

    @property
    def published(self) -> bool:
        return self.status == "published"

    def label(self) -> str:
        """``"Kota Contoh 2025 (2025-1)"`` for lists."""
        year = f" {self.year}" if self.year is not None else ""
        edition = f" ({self.edition})" if self.edition else ""
        return f"{self.region or self.title or '?'}{year}{edition}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


class PriceLibrary:
    """The price library database.

    Args:
        url: path or SQLAlchemy URL; None = ``$DTPL_STUDIO_LIBRARY`` or the user data folder.

    Raises:
        LibraryError: the file is not an SQLite database, is a project file or another
            program's database, is damaged, or has a schema made by a newer app.

    Use as a context manager or call :meth:`close` to release the database.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None):
        self.url, self.path = resolve_library_location(url)
        if self.path is not None:
            self._check_file(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = migrate.sqlite_engine(self.path)
            migrate_engine = migrate.sqlite_engine(self.path, foreign_keys=False)
        else:
            self.engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                migrate.install_sqlite_pragmas(self.engine)
            migrate_engine = self.engine
        try:
            self._migrate(migrate_engine)
        except LibraryError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise LibraryError(self.url, f"cannot open the price library: {_short(exc)}",
                               code=classify(exc).code) from exc
        finally:
            if migrate_engine is not self.engine:
                migrate_engine.dispose()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- lifecycle ---------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database connections."""
        self.engine.dispose()

    def __enter__(self) -> PriceLibrary:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"PriceLibrary({self.url!r})"

    def _check_file(self, path: Path) -> None:
        if not path.exists() or path.stat().st_size == 0:
            return
        if path.is_dir():
            raise LibraryError(self.url, "is a folder, not a price library file", code="file.is_folder")
        with open(path, "rb") as fh:
            if not fh.read(16).startswith(SQLITE_HEADER):
                raise LibraryError(self.url, "not a DTPL price library: not an SQLite database",
                                   code="library.not_library")

    def _migrate(self, engine: Engine) -> None:
        with engine.begin() as conn:
            tables = set(inspect(conn).get_table_names())
            meta: dict[str, str] = {}
            if "meta" in tables:
                meta = dict(conn.exec_driver_sql("SELECT key, value FROM meta").fetchall())
            fmt = meta.get("format")
            if fmt == migrate.FORMATS["project"]:
                raise LibraryError(self.url, "this is a DTPL project file, not a price library",
                                   code="library.is_project")
            if (fmt is not None and fmt != FORMAT) or (tables and "alembic_version" not in tables):
                raise LibraryError(self.url, "not a DTPL price library: a database of another application",
                                   code="library.not_library")
            revision = migrate.current_revision(conn)
            state = migrate.revision_state("library", revision)
            if state == "unknown":
                made_by = meta.get("app_version")
                by = f"DTPL Studio {made_by}" if made_by else "a newer DTPL Studio"
                raise LibraryError(
                    self.url, f"this library was last written by {by} (schema {revision}); this is "
                              f"DTPL Studio {__version__}, which knows schemas up to "
                              f"{migrate.head_revision('library')}. Update DTPL Studio.",
                    code="library.newer", params={"made_by": made_by or "", "version": __version__})
            if state == "current":
                return
            migrate.upgrade(conn, "library")
            problems = migrate.foreign_key_violations(conn)
            if problems:
                raise LibraryError(self.url, f"schema upgrade left {len(problems)} broken reference(s)",
                                   code="library.damaged")
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql(f"PRAGMA application_id = {migrate.APPLICATION_IDS['library']}")
            session = Session(bind=conn)
            session.merge(LibraryMetaRecord(key="format", value=FORMAT))
            session.merge(LibraryMetaRecord(key="app_version", value=__version__))
            session.merge(LibraryMetaRecord(key="schema_revision", value=migrate.head_revision("library")))
            head = migrate.head_revision("library")
            session.add(self._audit(None, "create" if revision is None else "upgrade",
                                    f"schema {head}" if revision is None else f"schema {revision} → {head}",
                                    session))
            session.flush()
            session.close()

    # -- reading -----------------------------------------------------------------------------
    def list_editions(self) -> list[EditionInfo]:
        """All editions, by region, year and id (no content loaded)."""
        with self._sessions() as session:
            return self._infos(session, select(EditionRecord).order_by(
                EditionRecord.region, EditionRecord.year, EditionRecord.id))

    def find(self, region: str, year: int | None = None, *, status: str | None = None) -> list[EditionInfo]:
        """Editions of ``region`` (case and spacing ignored) and ``year`` (None = any year).

        Published editions come first, then drafts; newest first within each. ``status``
        (``"draft"``/``"published"``) filters. ``find(r, y)[0]`` is the edition to pin when
        the first result is published.
        """
        with self._sessions() as session:
            stmt = select(EditionRecord)
            if year is not None:
                stmt = stmt.where(EditionRecord.year == year)
            if status is not None:
                stmt = stmt.where(EditionRecord.status == status)
            infos = [i for i in self._infos(session, stmt) if _fold(i.region) == _fold(region)]
        infos.sort(key=lambda i: (not i.published, -(i.year or 0), -i.id))
        return infos

    def info(self, edition_id: int) -> EditionInfo:
        """One edition's :class:`EditionInfo`. Raises :class:`EditionNotFoundError`."""
        with self._sessions() as session:
            found = self._infos(session, select(EditionRecord).where(EditionRecord.id == edition_id))
        if not found:
            raise EditionNotFoundError(self.url, f"no edition {edition_id}", params={"edition": edition_id})
        return found[0]

    def load_edition(self, edition_id: int) -> PriceBook:
        """The :class:`PriceBook` of an edition (``meta.status`` tells draft/published).

        Raises:
            EditionNotFoundError: no such edition.
            LibraryError: the stored content does not match the edition's content hash, or a
                stored value is not valid.
        """
        with self._sessions() as session:
            rec = self._get(session, edition_id)
            book = self._book(session, rec)
            if rec.content_hash and book.content_hash() != rec.content_hash:
                raise LibraryError(self.url, f"edition {edition_id}: the stored content does not match "
                                             "its content hash (changed outside DTPL Studio)",
                                   code="library.changed_outside", params={"edition": edition_id})
            return book

    def audit_log(self) -> list[tuple[str, str, str, str]]:
        """``(at, who, action, detail)`` rows, oldest first."""
        return [(e.at, e.who, e.action, e.detail) for e in self.audit_entries()]

    def audit_entries(self) -> list[AuditEntry]:
        """The audit log (imports as ``add``, ``publish``, ``update``, ``delete``…), oldest
        first, with its hash chain; :func:`dtpl_studio.audit.first_broken` checks it."""
        with self._sessions() as session:
            return [AuditEntry(r.at, r.who, r.action, r.detail, r.subject, r.old_value, r.new_value,
                               r.prev_hash, r.entry_hash) for r in
                    session.scalars(select(LibraryAuditLogRecord).order_by(LibraryAuditLogRecord.id))]

    # -- writing -----------------------------------------------------------------------------
    def add_edition(self, book: PriceBook, *, who: str | None = None,
                    derived_from_id: int | None = None) -> int:
        """Store ``book`` as a new edition and return its id.

        ``book.meta.status`` decides the status: ``"draft"`` (editable) or ``"published"``
        (stored and published in the same transaction, e.g. an edition shipped with the app).
        The content hash is computed and stored.

        Raises:
            ValueError: ``meta.status`` is neither draft nor published, or a resource/analysis
                is stored under a dict key other than its own key/code.
            LibraryError: the database refused the write.
        """
        status = book.meta.status
        if status not in STATUSES:
            raise ValueError(f"edition status must be draft or published, not {status!r}")
        _check_keys(book)
        now = _now()
        with self._write(None) as session:
            rec = EditionRecord(**{**meta_columns(book.meta), "status": "draft"},
                                content_hash=book.content_hash(), created_at=now,
                                derived_from_id=derived_from_id)
            _fill(rec, book)
            session.add(rec)
            session.flush()
            if status == "published":
                rec.status = "published"
                rec.published_at = now
            session.add(self._audit(who, "add", f"edition {rec.id} {_describe(book)} ({status})", session,
                                    subject=f"edition {rec.id}", new=status))
            session.flush()
            return rec.id

    def update_edition(self, edition_id: int, book: PriceBook, *, who: str | None = None,
                       expected_hash: str | None = None) -> str:
        """Replace a draft's metadata and content with ``book``; returns the new content hash.

        The status stays draft whatever ``book.meta.status`` says (use :meth:`publish`).
        ``expected_hash`` is optimistic locking across sessions: pass the content hash the
        editor loaded, and the update is refused if someone saved another content since.

        Raises:
            EditionNotFoundError, PublishedEditionError: no such edition / it is published.
            LibraryError: the stored content hash is not ``expected_hash``, or another writer
                changed the row during this update (``version`` counter).
        """
        _check_keys(book)
        with self._write(edition_id) as session:
            rec = self._get_draft(session, edition_id, "change")
            self._check_expected(rec, expected_hash)
            for key, value in meta_columns(book.meta).items():
                if key != "status":
                    setattr(rec, key, value)
            rec.resources.clear()
            rec.analyses.clear()
            session.flush()
            _fill(rec, book)
            rec.content_hash = book.content_hash()
            session.add(self._audit(who, "update", f"edition {edition_id} {_describe(book)}", session,
                                    subject=f"edition {edition_id}"))
            session.flush()
            return rec.content_hash

    def publish(self, edition_id: int, *, who: str | None = None,
                expected_hash: str | None = None) -> str:
        """Publish a draft: from now on it is immutable. Returns its content hash.

        The hash is recomputed from the stored content (so it certifies exactly what is
        published) and stored with ``published_at``. ``expected_hash``: publish only if the
        content is still the one the reviewer saw.

        Raises:
            EditionNotFoundError: no such edition.
            PublishedEditionError: already published (publishing is a write too).
            LibraryError: the content is not ``expected_hash``, or cannot be read back.
        """
        with self._write(edition_id) as session:
            rec = self._get_draft(session, edition_id, "publish")
            book = self._book(session, rec)
            if expected_hash is not None and book.content_hash() != expected_hash:
                raise LibraryError(self.url, f"edition {edition_id} changed since it was reviewed "
                                             "(content hash differs); reload it",
                                   code="library.changed", params={"edition": edition_id})
            rec.content_hash = book.content_hash()
            rec.status = "published"
            rec.published_at = _now()
            session.add(self._audit(who, "publish", session=session, subject=f"edition {edition_id}",
                                    old="draft", new="published", detail=f"edition {edition_id} {_describe(book)} "
                                                    f"sha256 {rec.content_hash}"))
            session.flush()
            return rec.content_hash

    def derive(self, edition_id: int, *, who: str | None = None) -> int:
        """A new draft edition with the content of ``edition_id`` (usually a published one),
        recording where it came from. Returns the new id."""
        book = self.load_edition(edition_id)
        book.meta.status = "draft"
        return self.add_edition(book, who=who, derived_from_id=edition_id)

    def delete_edition(self, edition_id: int, *, who: str | None = None) -> None:
        """Delete a draft edition.

        Raises:
            EditionNotFoundError, PublishedEditionError: no such edition / it is published.
        """
        with self._write(edition_id) as session:
            rec = self._get_draft(session, edition_id, "delete")
            session.delete(rec)
            session.add(self._audit(who, "delete", f"edition {edition_id}", session,
                                    subject=f"edition {edition_id}", old="draft"))
            session.flush()

    # -- helpers -----------------------------------------------------------------------------
    def _write(self, edition_id: int | None) -> _WriteScope:
        return _WriteScope(self, edition_id)

    def _audit(self, who: str | None, action: str, detail: str = "", session: Session | None = None, *,
               subject: str = "", old: str = "", new: str = "") -> LibraryAuditLogRecord:
        """An audit row chained after the last one (:mod:`dtpl_studio.audit`)."""
        last = session.scalars(select(LibraryAuditLogRecord.entry_hash)
                               .order_by(LibraryAuditLogRecord.id.desc()).limit(1)).first() if session else None
        entry = link(AuditEntry(_now(), who or default_actor(), action, detail, subject, old, new),
                     last or GENESIS)
        return LibraryAuditLogRecord(at=entry.at, who=entry.who, action=entry.action, detail=entry.detail,
                                     subject=entry.subject, old_value=entry.old, new_value=entry.new,
                                     prev_hash=entry.prev_hash, entry_hash=entry.entry_hash)

    def _get(self, session: Session, edition_id: int) -> EditionRecord:
        rec = session.get(EditionRecord, edition_id)
        if rec is None:
            raise EditionNotFoundError(self.url, f"no edition {edition_id}", params={"edition": edition_id})
        return rec

    def _get_draft(self, session: Session, edition_id: int, verb: str) -> EditionRecord:
        rec = self._get(session, edition_id)
        if rec.status == "published":
            raise PublishedEditionError(
                self.url, f"cannot {verb} edition {edition_id}: it is published and immutable; "
                          "derive a new draft from it instead", params={"edition": edition_id})
        return rec

    def _check_expected(self, rec: EditionRecord, expected_hash: str | None) -> None:
        if expected_hash is not None and rec.content_hash != expected_hash:
            raise LibraryError(self.url, f"edition {rec.id} was changed by someone else since it was "
                                         "loaded (content hash differs); reload it",
                               code="library.changed", params={"edition": rec.id})

    def _book(self, session: Session, rec: EditionRecord) -> PriceBook:
        where = f"edition {rec.id}"
        try:
            lines: dict[int, list[EditionAnalysisLineRecord]] = defaultdict(list)
            for ln in session.scalars(
                select(EditionAnalysisLineRecord)
                .join(EditionAnalysisRecord, EditionAnalysisLineRecord.analysis_id == EditionAnalysisRecord.id)
                .where(EditionAnalysisRecord.book_id == rec.id)
                .order_by(EditionAnalysisLineRecord.position)
            ):
                lines[ln.analysis_id].append(ln)
            resources = session.scalars(select(EditionResourceRecord)
                                        .where(EditionResourceRecord.book_id == rec.id)
                                        .order_by(EditionResourceRecord.position)).all()
            analyses = session.scalars(select(EditionAnalysisRecord)
                                       .where(EditionAnalysisRecord.book_id == rec.id)
                                       .order_by(EditionAnalysisRecord.position)).all()
            return book_from_records(meta_from_record(rec, where), list(resources),
                                     [(a, lines.get(a.id, [])) for a in analyses])
        except StoredValueError as exc:
            raise LibraryError(self.url, f"{where} is damaged: {exc}", code="library.damaged") from exc

    def _infos(self, session: Session, stmt: Select[Any]) -> list[EditionInfo]:
        records = session.scalars(stmt).all()
        ids = [r.id for r in records]
        n_res = dict(session.execute(
            select(EditionResourceRecord.book_id, func.count()).where(EditionResourceRecord.book_id.in_(ids))
            .group_by(EditionResourceRecord.book_id)).all()) if ids else {}
        n_ana = dict(session.execute(
            select(EditionAnalysisRecord.book_id, func.count()).where(EditionAnalysisRecord.book_id.in_(ids))
            .group_by(EditionAnalysisRecord.book_id)).all()) if ids else {}
        out = []
        for r in records:
            try:
                kind = parse_enum(BookKind, r.kind, f"edition {r.id}.kind")
            except StoredValueError as exc:
                raise LibraryError(self.url, str(exc), code="library.damaged") from exc
            out.append(EditionInfo(
                id=r.id, region=r.region, province=r.province, year=r.year, edition=r.edition,
                kind=kind, title=r.title, status=r.status, content_hash=r.content_hash,
                legal_ref=r.legal_ref, effective_date=r.effective_date, source_file=r.source_file,
                created_at=r.created_at, published_at=r.published_at,
                derived_from_id=r.derived_from_id, resources=n_res.get(r.id, 0),
                analyses=n_ana.get(r.id, 0),
            ))
        return out


class _WriteScope:
    """A session in one transaction; database errors become :class:`LibraryError`."""

    def __init__(self, library: PriceLibrary, edition_id: int | None):
        self.library = library
        self.edition_id = edition_id
        self.session: Session | None = None

    def __enter__(self) -> Session:
        self.session = self.library._sessions()
        self.session.begin()
        return self.session

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.session is not None
        url = self.library.url
        try:
            if exc is None:
                try:
                    self.session.commit()
                except SQLAlchemyError as err:
                    self.session.rollback()
                    raise _translate(url, self.edition_id, err) from err
            else:
                self.session.rollback()
                if isinstance(exc, SQLAlchemyError):
                    raise _translate(url, self.edition_id, exc) from exc
        finally:
            self.session.close()


def _translate(url: str, edition_id: int | None, exc: SQLAlchemyError) -> LibraryError:
    if isinstance(exc, IntegrityError) and _IMMUTABLE in str(exc):
        return PublishedEditionError(url, f"edition {edition_id}: {_IMMUTABLE}")
    if isinstance(exc, StaleDataError):
        return LibraryError(url, f"edition {edition_id} was changed by someone else meanwhile; reload it")
    return LibraryError(url, f"the library refused the change: {_short(exc)}")


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]


def _check_keys(book: PriceBook) -> None:
    for key, res in book.resources.items():
        if key != res.key:
            raise ValueError(f"resource stored under {key!r} has key {res.key!r}")
    for code, analysis in book.analyses.items():
        if code != analysis.code:
            raise ValueError(f"analysis stored under {code!r} has code {analysis.code!r}")


def _fill(rec: EditionRecord, book: PriceBook) -> None:
    rec.resources.extend(EditionResourceRecord(**resource_columns(r, i))
                         for i, r in enumerate(book.resources.values()))
    rec.analyses.extend(
        EditionAnalysisRecord(**analysis_columns(a, i),
                              lines=[EditionAnalysisLineRecord(**line_columns(ln, k))
                                     for k, ln in enumerate(a.lines)])
        for i, a in enumerate(book.analyses.values())
    )


def _describe(book: PriceBook) -> str:
    m = book.meta
    return " ".join(x for x in (m.region, str(m.year or ""), m.edition) if x) or m.title or "(untitled)"


__all__ = [
    "ENV_VAR", "EditionInfo", "EditionNotFoundError", "LibraryError", "PriceLibrary",
    "PublishedEditionError", "default_library_path", "resolve_library_location",
]
