"""The price library: price book editions per region and year, immutable once published.

Where it lives (first that applies):

1. the ``url`` argument of :class:`PriceLibrary` — a filesystem path or a SQLAlchemy URL
   (``sqlite:///…``; ``postgresql+psycopg://user@host/db`` for a team library, DESIGN.md §7;
   add ``?options=-csearch_path%3Dname`` to keep it in a schema of its own);
2. the environment variable ``DTPL_STUDIO_LIBRARY`` (same forms);
3. ``library.sqlite`` in ``platformdirs.user_data_dir("dtpl-studio")``.

Opening a library creates it if missing and upgrades it to this app's schema (Alembic, script
folder ``dtpl_studio/storage/migrations/library``). A library made by a newer app is refused.

Editions follow DESIGN.md §4: an edition is a draft until :meth:`PriceLibrary.publish`; a
published edition is immutable — every write through this API raises
:class:`~dtpl_studio.storage.errors.PublishedEditionError`, and triggers (SQLite and
PostgreSQL alike) refuse the same writes from any other client. To change a published book,
:meth:`PriceLibrary.derive` a new draft from it. Each edition stores its
:meth:`PriceBook.content_hash`, checked on every load and on publish.

At scale (issue 8: 1 000 editions of 15 000 resources and 3 000 analyses) an edition's row
holds its resource and analysis counts (written with the content: listing editions never
counts content rows) and, once published, a snapshot of its content (one compressed JSON,
written by the publishing UPDATE, read by :meth:`PriceLibrary.load_edition` and checked
against the content hash). Opening an edition in the catalogue reads its first page only
(:meth:`PriceLibrary.edition_page`).

A team library (PostgreSQL) is written by several editors at once. Nobody's change is lost
(optimistic locking, :class:`~dtpl_studio.storage.errors.ConflictError` naming who changed
what when): a whole edition is replaced only if its content hash is still the one the editor
loaded (:meth:`PriceLibrary.update_edition`), one resource or analysis only if its version is
still the one read (:meth:`PriceLibrary.update_resource`, :meth:`PriceLibrary.update_analysis`,
versions from :meth:`PriceLibrary.versions`). Writes take the edition row ``FOR UPDATE``, and
audit entries are chained under a transaction-level advisory lock, so the hash chain never
forks. A facilitator's read-only role (``library_roles``) makes the database refuse writes:
:class:`~dtpl_studio.storage.errors.ReadOnlyLibraryError`.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs
from sqlalchemy import (
    Connection,
    Engine,
    Select,
    create_engine,
    delete,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from dtpl_studio import __version__
from dtpl_studio.audit import GENESIS, AuditEntry, link, local_time
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    Resource,
    ResourceKind,
)
from dtpl_studio.errors import classify
from dtpl_studio.storage import migrate
from dtpl_studio.storage.errors import (
    ConflictError,
    EditionNotFoundError,
    LibraryError,
    PublishedEditionError,
    ReadOnlyLibraryError,
)
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
_IMMUTABLE = "published edition is immutable"  # the trigger message (library_0001, _0003)
#: SQLSTATE of PostgreSQL's "permission denied" (insufficient_privilege)
_PG_NO_PRIVILEGE = "42501"


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
    #: how the edition reached the library (PriceBookMeta.verification / signer)
    verification: str = ""
    signer: str = ""

    @property
    def published(self) -> bool:
        return self.status == "published"

    def label(self) -> str:
        """``"Kota Contoh 2025 (2025-1)"`` for lists."""
        year = f" {self.year}" if self.year is not None else ""
        edition = f" ({self.edition})" if self.edition else ""
        return f"{self.region or self.title or '?'}{year}{edition}"


@dataclass(frozen=True, slots=True)
class EditionVersions:
    """What an editor read, for optimistic locking (:meth:`PriceLibrary.versions`).

    ``content_hash``: pass it as ``expected_hash`` to replace the whole edition;
    ``resources`` (key → version) and ``analyses`` (code → version): pass one as
    ``expected_version`` to change that resource/analysis alone.
    """

    edition_id: int
    content_hash: str
    resources: dict[str, int]
    analyses: dict[str, int]


@dataclass(frozen=True, slots=True)
class CatalogueHit:
    """A row of :meth:`PriceLibrary.search`: ``kind`` is ``"resource"`` or ``"analysis"``;
    ``code`` is the resource's code (its key when it has none) or the analysis code;
    ``price`` is the resource price (Rupiah, Decimal), None for an analysis (its unit rate is
    computed from the loaded edition)."""

    kind: str
    code: str
    name: str
    unit: str
    price: Decimal | None


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
            self.engine = _server_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                migrate.install_sqlite_pragmas(self.engine)
            migrate_engine = self.engine
        #: the database user (PostgreSQL ``current_user``; "" for SQLite)
        self.user = ""
        try:
            self._migrate(migrate_engine)
        except LibraryError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            if isinstance(exc, OperationalError) and self.engine.dialect.name != "sqlite":
                where = self.engine.url
                raise LibraryError(self.shown_url, f"no answer from the library server: {_short(exc)}",
                                   code="library.unreachable",
                                   params={"host": where.host or "localhost", "port": where.port or 5432,
                                           "system": _short(exc)}) from exc
            if _no_privilege(exc):
                raise self._read_only(exc) from exc
            raise LibraryError(self.shown_url, f"cannot open the price library: {_short(exc)}",
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
        return f"PriceLibrary({self.shown_url!r})"

    @property
    def shown_url(self) -> str:
        """The URL as it may be printed: any password hidden."""
        if self.path is not None or "://" not in self.url:
            return self.url
        return make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def can_write(self) -> bool:
        """Whether this user may change editions (False for a read-only role, so a window can
        offer browsing only). SQLite: whether the file (or its folder) is writable."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                return bool(conn.exec_driver_sql(
                    "SELECT has_table_privilege(current_user, 'book', 'INSERT')"
                    " AND has_table_privilege(current_user, 'book_resource', 'UPDATE')").scalar())
        if self.path is not None:
            target = self.path if self.path.exists() else self.path.parent
            return os.access(target, os.W_OK)
        return True

    def _check_file(self, path: Path) -> None:
        if not path.exists() or path.stat().st_size == 0:
            return
        if path.is_dir():
            raise LibraryError(self.shown_url, "is a folder, not a price library file", code="file.is_folder")
        with open(path, "rb") as fh:
            if not fh.read(16).startswith(SQLITE_HEADER):
                raise LibraryError(self.shown_url, "not a DTPL price library: not an SQLite database",
                                   code="library.not_library")

    def _migrate(self, engine: Engine) -> None:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                self.user = conn.exec_driver_sql("SELECT current_user").scalar() or ""
                # two first opens of an empty schema at once: the second waits, then finds it made
                _advisory_lock(conn, "migrate")
            tables = set(inspect(conn).get_table_names())
            meta: dict[str, str] = {}
            if "meta" in tables:
                meta = dict(conn.exec_driver_sql("SELECT key, value FROM meta").fetchall())
            fmt = meta.get("format")
            if fmt == migrate.FORMATS["project"]:
                raise LibraryError(self.shown_url, "this is a DTPL project file, not a price library",
                                   code="library.is_project")
            if (fmt is not None and fmt != FORMAT) or (tables and "alembic_version" not in tables):
                raise LibraryError(self.shown_url, "not a DTPL price library: a database of another application",
                                   code="library.not_library")
            revision = migrate.current_revision(conn)
            state = migrate.revision_state("library", revision)
            if state == "unknown":
                made_by = meta.get("app_version")
                by = f"DTPL Studio {made_by}" if made_by else "a newer DTPL Studio"
                raise LibraryError(
                    self.shown_url, f"this library was last written by {by} (schema {revision}); this is "
                              f"DTPL Studio {__version__}, which knows schemas up to "
                              f"{migrate.head_revision('library')}. Update DTPL Studio.",
                    code="library.newer", params={"made_by": made_by or "", "version": __version__})
            if state == "current":
                return
            migrate.upgrade(conn, "library")
            problems = migrate.foreign_key_violations(conn)
            if problems:
                raise LibraryError(self.shown_url, f"schema upgrade left {len(problems)} broken reference(s)",
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
            raise EditionNotFoundError(self.shown_url, f"no edition {edition_id}", params={"edition": edition_id})
        return found[0]

    def load_edition(self, edition_id: int) -> PriceBook:
        """The :class:`PriceBook` of an edition (``meta.status`` tells draft/published).

        A published edition is read from its snapshot (one row, written at publish time,
        library_0005) when it has one that matches its content hash, else from its rows.

        Raises:
            EditionNotFoundError: no such edition.
            LibraryError: the stored content does not match the edition's content hash, or a
                stored value is not valid.
        """
        with self._sessions() as session:
            rec = self._get(session, edition_id)
            book = self._snapshot_book(session, rec) if rec.status == "published" else None
            if book is not None:  # checked against the content hash already
                return book
            book = self._book(session, rec)
            if rec.content_hash and book.content_hash() != rec.content_hash:
                raise LibraryError(self.shown_url, f"edition {edition_id}: the stored content does not match "
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
                                derived_from_id=derived_from_id, resource_count=len(book.resources),
                                analysis_count=len(book.analyses))
            session.add(rec)
            session.flush()
            _insert_content(session, rec.id, book)
            if status == "published":  # one UPDATE: status, time and snapshot together
                rec.status = "published"
                rec.published_at = now
                rec.snapshot = snapshot_bytes(book)
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
        The edition row is locked (``FOR UPDATE``) from the check to the commit. Resources and
        analyses whose key/code stays get the next version number (an editor holding an
        older one of them gets a conflict, never a silent overwrite).

        Raises:
            EditionNotFoundError, PublishedEditionError: no such edition / it is published.
            ConflictError: the stored content hash is not ``expected_hash``, or another writer
                changed the row during this update (``version`` counter); names who and when.
            ReadOnlyLibraryError: this database user may only read.
        """
        _check_keys(book)
        with self._write(edition_id) as session:
            rec = self._get_draft(session, edition_id, "change")
            self._check_expected(rec, expected_hash)
            for key, value in meta_columns(book.meta).items():
                if key != "status":
                    setattr(rec, key, value)
            res_versions = dict(session.execute(
                select(EditionResourceRecord.key, EditionResourceRecord.version)
                .where(EditionResourceRecord.book_id == edition_id)).all())
            ana_versions = dict(session.execute(
                select(EditionAnalysisRecord.code, EditionAnalysisRecord.version)
                .where(EditionAnalysisRecord.book_id == edition_id)).all())
            res_t, ana_t = EditionResourceRecord.__table__, EditionAnalysisRecord.__table__
            session.execute(delete(ana_t).where(ana_t.c.book_id == edition_id))  # lines: ON DELETE CASCADE
            session.execute(delete(res_t).where(res_t.c.book_id == edition_id))
            _insert_content(session, edition_id, book, res_versions, ana_versions)
            rec.content_hash = book.content_hash()
            rec.resource_count, rec.analysis_count = len(book.resources), len(book.analyses)
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
            ConflictError: the content is not ``expected_hash`` (names who changed it, when).
            LibraryError: the content cannot be read back.
        """
        with self._write(edition_id) as session:
            rec = self._get_draft(session, edition_id, "publish")
            book = self._book(session, rec)
            if expected_hash is not None and book.content_hash() != expected_hash:
                raise _Stale(None, "it changed since it was reviewed")
            rec.content_hash = book.content_hash()
            rec.status = "published"
            rec.published_at = _now()
            rec.snapshot = snapshot_bytes(book)  # the same UPDATE as the status: the guards allow it
            rec.resource_count, rec.analysis_count = len(book.resources), len(book.analyses)
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

    # -- one resource or analysis of a draft (the library window's edits) ---------------------
    def versions(self, edition_id: int) -> EditionVersions:
        """The content hash and the version of every resource and analysis of an edition, as
        an editor reads them with the edition (pass them back as ``expected_*``).

        Raises:
            EditionNotFoundError: no such edition.
        """
        with self._sessions() as session:
            rec = self._get(session, edition_id)
            return EditionVersions(
                edition_id, rec.content_hash,
                dict(session.execute(select(EditionResourceRecord.key, EditionResourceRecord.version)
                                     .where(EditionResourceRecord.book_id == edition_id)).all()),
                dict(session.execute(select(EditionAnalysisRecord.code, EditionAnalysisRecord.version)
                                     .where(EditionAnalysisRecord.book_id == edition_id)).all()))

    def update_resource(self, edition_id: int, resource: Resource, *, expected_version: int,
                        who: str | None = None) -> int:
        """Change one resource of a draft (name, kind, unit, price, code, notes; the key is
        its identity) if nobody changed it since ``expected_version`` was read. The edition's
        content hash is recomputed; the audit log gets who, when, old and new price.

        Returns:
            The resource's new version.

        Raises:
            EditionNotFoundError: no such edition or no resource ``resource.key`` in it.
            PublishedEditionError: the edition is published.
            ConflictError: the resource (or the whole edition) was changed by someone else
                since; names the edition, the resource, who and when.
            ReadOnlyLibraryError: this database user may only read.
        """
        item = ("resource", resource.key)
        with self._write(edition_id, item) as session:
            edition = self._get_draft(session, edition_id, "change")
            rec = session.scalars(select(EditionResourceRecord).where(
                EditionResourceRecord.book_id == edition_id,
                EditionResourceRecord.key == resource.key)).first()
            if rec is None:
                raise EditionNotFoundError(self.shown_url, f"edition {edition_id} has no resource {resource.key!r}",
                                           code="library.no_item", params={"edition": edition_id, "item": resource.key})
            if rec.version != expected_version:
                raise _Stale(item, f"version {rec.version}, not {expected_version}")
            old_price = str(rec.price)  # as stored (even if damaged: it is being replaced)
            columns = resource_columns(resource, rec.position)
            old_text, new_text = _changed_text(rec, columns, "price")
            for key, value in columns.items():
                setattr(rec, key, value)
            rec.version = expected_version + 1  # UPDATE … WHERE version = expected_version
            session.flush()
            edition.content_hash = self._book(session, edition).content_hash()
            subject = f"edition {edition_id} resource {resource.key}"
            detail = f"edition {edition_id}: resource {resource.key}" + (
                "" if old_price != str(resource.price) else " (not the price)")
            session.add(self._audit(who, "update", detail, session, subject=subject,
                                    old=old_text, new=new_text))
            session.flush()
            return rec.version

    def update_analysis(self, edition_id: int, analysis: Analysis, *, expected_version: int,
                        who: str | None = None) -> int:
        """Replace one analysis of a draft (its fields and lines; the code is its identity)
        if nobody changed it since ``expected_version`` was read. Same rules and errors as
        :meth:`update_resource`; the audit log gets the old and new line count.

        Returns:
            The analysis's new version.
        """
        item = ("analysis", analysis.code)
        with self._write(edition_id, item) as session:
            edition = self._get_draft(session, edition_id, "change")
            rec = session.scalars(select(EditionAnalysisRecord).where(
                EditionAnalysisRecord.book_id == edition_id,
                EditionAnalysisRecord.code == analysis.code)).first()
            if rec is None:
                raise EditionNotFoundError(self.shown_url, f"edition {edition_id} has no analysis {analysis.code!r}",
                                           code="library.no_item", params={"edition": edition_id, "item": analysis.code})
            if rec.version != expected_version:
                raise _Stale(item, f"version {rec.version}, not {expected_version}")
            columns = analysis_columns(analysis, rec.position)
            old_text, new_text = _changed_text(rec, columns)
            old_lines, new_lines = _line_changes(rec.lines, analysis)
            old_text = "; ".join(x for x in (old_text, old_lines) if x)
            new_text = "; ".join(x for x in (new_text, new_lines) if x)
            for key, value in columns.items():
                setattr(rec, key, value)
            rec.version = expected_version + 1
            rec.lines.clear()
            session.flush()
            rec.lines.extend(EditionAnalysisLineRecord(**line_columns(ln, k))
                             for k, ln in enumerate(analysis.lines))
            session.flush()
            edition.content_hash = self._book(session, edition).content_hash()
            session.add(self._audit(who, "update", f"edition {edition_id}: analysis {analysis.code}",
                                    session, subject=f"edition {edition_id} analysis {analysis.code}",
                                    old=old_text, new=new_text))
            session.flush()
            return rec.version

    # -- the catalogue -------------------------------------------------------------------------
    def search(self, edition_id: int, text: str = "", *, limit: int = 50) -> list[CatalogueHit]:
        """Resources and analyses of an edition whose code starts with ``text`` or whose name
        contains it (case ignored), analyses first, in book order; at most ``limit`` of each.
        An empty ``text`` gives the first ``limit`` of each: the catalogue's first page when
        an edition is opened (with :meth:`info`, no content loaded).

        Uses the (edition, code) indexes; the name match scans one edition's rows only.
        Raises :class:`EditionNotFoundError` for an unknown edition.
        """
        like = f"%{_escape_like(text.strip())}%"
        prefix = f"{_escape_like(text.strip())}%"
        ana_t, res_t = EditionAnalysisRecord.__table__, EditionResourceRecord.__table__
        ana_match = [] if not text.strip() else [
            or_(ana_t.c.code.like(prefix, escape="\\"), ana_t.c.name.ilike(like, escape="\\"))]
        res_match = [] if not text.strip() else [
            or_(res_t.c.code.like(prefix, escape="\\"), res_t.c.key.ilike(like, escape="\\"),
                res_t.c.name.ilike(like, escape="\\"))]
        with self._sessions() as session:
            self._get(session, edition_id)
            ana = session.execute(
                select(ana_t.c.code, ana_t.c.name, ana_t.c.unit)
                .where(ana_t.c.book_id == edition_id, *ana_match)
                .order_by(ana_t.c.position).limit(limit)).all()
            res = session.execute(
                select(res_t.c.code, res_t.c.key, res_t.c.name, res_t.c.unit, res_t.c.price)
                .where(res_t.c.book_id == edition_id, *res_match)
                .order_by(res_t.c.position).limit(limit)).all()
        return ([CatalogueHit("analysis", c, n, u, None) for c, n, u in ana]
                + [CatalogueHit("resource", c or k, n, u, p if isinstance(p, Decimal) else None)
                   for c, k, n, u, p in res])

    def edition_page(self, edition_id: int, *, limit: int = 50) -> PriceBook:
        """What the catalogue shows when an edition is opened, without loading it whole: a
        partial PriceBook holding the edition's first ``limit`` analyses (book order) with
        every analysis and resource they use (transitively, so
        :meth:`PriceBook.unit_rate` of each gives the whole edition's rate) and its first
        ``limit`` resources. Book order is kept; ``meta`` is the edition's.

        Reads by the ``(book_id, position)`` / ``(book_id, code)`` / ``(book_id, key)``
        indexes and ``analysis_id`` of the lines: a few hundred rows, whatever the edition's
        size or the number of editions (≤ 100 ms at 15 000 resources, 3 000 analyses and
        1 000 editions: ``benchmarks/library_bench.py`` ``open_edition_ms``).

        Raises:
            EditionNotFoundError: no such edition.
            LibraryError: a stored value is not valid.
        """
        res_t, ana_t = EditionResourceRecord.__table__, EditionAnalysisRecord.__table__
        line_t = EditionAnalysisLineRecord.__table__
        where = f"edition {edition_id}"
        with self._sessions() as session:
            rec = self._get(session, edition_id)
            analyses: dict[int, Any] = {}  # id -> row
            lines: dict[int, list[Any]] = defaultdict(list)
            refs: set[str] = set()
            todo = session.execute(select(ana_t).where(ana_t.c.book_id == edition_id)
                                   .order_by(ana_t.c.position).limit(limit)).all()
            while todo:
                new = [a for a in todo if a.id not in analyses]
                analyses.update((a.id, a) for a in new)
                if not new:
                    break
                fresh: set[str] = set()
                for ln in session.execute(select(line_t).where(line_t.c.analysis_id.in_([a.id for a in new]))
                                          .order_by(line_t.c.analysis_id, line_t.c.position)).all():
                    lines[ln.analysis_id].append(ln)
                    if ln.ref not in refs:
                        fresh.add(ln.ref)
                refs |= fresh
                known = {a.code for a in analyses.values()}
                wanted = sorted(fresh - known)
                todo = session.execute(select(ana_t).where(ana_t.c.book_id == edition_id,
                                                           ana_t.c.code.in_(wanted))).all() if wanted else []
            resources = {r.id: r for r in session.execute(
                select(res_t).where(res_t.c.book_id == edition_id).order_by(res_t.c.position).limit(limit)).all()}
            if refs:
                resources.update((r.id, r) for r in session.execute(
                    select(res_t).where(res_t.c.book_id == edition_id, res_t.c.key.in_(sorted(refs)))).all())
            try:
                return book_from_records(
                    meta_from_record(rec, where), sorted(resources.values(), key=lambda r: r.position),
                    [(a, lines.get(a.id, [])) for a in sorted(analyses.values(), key=lambda a: a.position)])
            except StoredValueError as exc:
                raise LibraryError(self.shown_url, f"{where} is damaged: {exc}", code="library.damaged") from exc

    # -- helpers -----------------------------------------------------------------------------
    def _write(self, edition_id: int | None, item: tuple[str, str] | None = None) -> _WriteScope:
        return _WriteScope(self, edition_id, item)

    def _audit(self, who: str | None, action: str, detail: str = "", session: Session | None = None, *,
               subject: str = "", old: str = "", new: str = "") -> LibraryAuditLogRecord:
        """An audit row chained after the last one (:mod:`dtpl_studio.audit`).

        On PostgreSQL the transaction first takes the library's audit advisory lock (held to
        its end), so two editors never chain after the same entry."""
        if session is not None and session.get_bind().dialect.name == "postgresql":
            _advisory_lock(session.connection(), "audit")
        last = session.scalars(select(LibraryAuditLogRecord.entry_hash)
                               .order_by(LibraryAuditLogRecord.id.desc()).limit(1)).first() if session else None
        entry = link(AuditEntry(_now(), who or default_actor(), action, detail, subject, old, new),
                     last or GENESIS)
        return LibraryAuditLogRecord(at=entry.at, who=entry.who, action=entry.action, detail=entry.detail,
                                     subject=entry.subject, old_value=entry.old, new_value=entry.new,
                                     prev_hash=entry.prev_hash, entry_hash=entry.entry_hash)

    def _get(self, session: Session, edition_id: int, *, lock: bool = False) -> EditionRecord:
        """The edition row; ``lock``: ``SELECT … FOR UPDATE`` (PostgreSQL; SQLite locks the
        whole file on write anyway), so concurrent writers of one edition take turns."""
        rec = session.get(EditionRecord, edition_id, with_for_update=lock or None)
        if rec is None:
            raise EditionNotFoundError(self.shown_url, f"no edition {edition_id}", params={"edition": edition_id})
        return rec

    def _get_draft(self, session: Session, edition_id: int, verb: str) -> EditionRecord:
        rec = self._get(session, edition_id, lock=True)
        if rec.status == "published":
            raise PublishedEditionError(
                self.shown_url, f"cannot {verb} edition {edition_id}: it is published and immutable; "
                          "derive a new draft from it instead", params={"edition": edition_id})
        return rec

    def _check_expected(self, rec: EditionRecord, expected_hash: str | None) -> None:
        if expected_hash is not None and rec.content_hash != expected_hash:
            raise _Stale(None, "content hash differs")

    def _conflict(self, edition_id: int | None, item: tuple[str, str] | None, why: str) -> ConflictError:
        """The :class:`ConflictError` for ``edition_id`` (and ``item`` = ``("resource", key)``
        or ``("analysis", code)``), naming the latest audited change of it or of the whole
        edition: who and when. Called after the write session is closed (an SQLite engine
        hands the same connection to every session of a thread)."""
        edition = f"edition {edition_id}"
        subjects = [edition] + ([f"{edition} {item[0]} {item[1]}"] if item else [])
        who, when, label = "?", "?", f"#{edition_id}"
        try:
            with self._sessions() as session:
                last = session.scalars(select(LibraryAuditLogRecord)
                                       .where(LibraryAuditLogRecord.subject.in_(subjects))
                                       .order_by(LibraryAuditLogRecord.id.desc()).limit(1)).first()
                if last is not None:
                    who, when = last.who, local_time(last.at)
                rec = session.get(EditionRecord, edition_id) if edition_id is not None else None
                if rec is not None:
                    label = " ".join(x for x in (rec.region, str(rec.year or ""), rec.edition) if x) or rec.title or label
        except SQLAlchemyError:  # the conflict is the message; who/when are a courtesy
            pass
        what = f"{item[0]} {item[1]!r} of " if item else ""
        params: dict[str, Any] = {"edition": edition_id, "label": label, "who": who, "when": when}
        code = "library.conflict"
        if item is not None:
            params["item"] = item[1]
            code = "library.conflict_resource" if item[0] == "resource" else "library.conflict_analysis"
        return ConflictError(self.shown_url, f"{what}edition {edition_id} was changed by someone else "
                                             f"({who}, {when}) since it was loaded ({why}); reload it",
                             code=code, params=params)

    def _read_only(self, exc: BaseException) -> ReadOnlyLibraryError:
        user = self.user or self.engine.url.username or default_actor()
        return ReadOnlyLibraryError(self.shown_url, f"the library is read-only for {user}: {_short(exc)}",
                                    params={"user": user})

    def _book(self, session: Session, rec: EditionRecord) -> PriceBook:
        """The edition's content as a PriceBook. Read as plain rows (SQLAlchemy Core, with the
        column types' conversions), not ORM objects: a 15 000-resource edition is ~36 000
        rows, and ORM instances cost about as much as building the model itself."""
        where = f"edition {rec.id}"
        res_t, ana_t = EditionResourceRecord.__table__, EditionAnalysisRecord.__table__
        line_t = EditionAnalysisLineRecord.__table__
        try:
            lines: dict[int, list[Any]] = defaultdict(list)
            for ln in session.execute(
                select(line_t).join(ana_t, line_t.c.analysis_id == ana_t.c.id)
                .where(ana_t.c.book_id == rec.id).order_by(line_t.c.analysis_id, line_t.c.position)
            ).all():
                lines[ln.analysis_id].append(ln)
            resources = session.execute(select(res_t).where(res_t.c.book_id == rec.id)
                                        .order_by(res_t.c.position)).all()
            analyses = session.execute(select(ana_t).where(ana_t.c.book_id == rec.id)
                                       .order_by(ana_t.c.position)).all()
            return book_from_records(meta_from_record(rec, where), list(resources),  # type: ignore[arg-type]
                                     [(a, lines.get(a.id, [])) for a in analyses])
        except StoredValueError as exc:
            raise LibraryError(self.shown_url, f"{where} is damaged: {exc}", code="library.damaged") from exc

    def _snapshot_book(self, session: Session, rec: EditionRecord) -> PriceBook | None:
        """The edition's content from its snapshot (:func:`snapshot_bytes`), or None when it
        has none or the snapshot cannot be read, or does not give the stored content hash
        (the caller then reads the rows, which are authoritative). The hash is computed once:
        the book remembers it (:meth:`PriceBook.content_hash` is not cached, so it is compared
        here and load_edition's own check is skipped for this book)."""
        blob = session.execute(select(EditionRecord.snapshot).where(EditionRecord.id == rec.id)).scalar()
        if not blob:
            return None
        where = f"edition {rec.id}"
        try:
            book = book_from_snapshot(meta_from_record(rec, where), blob)
        except (StoredValueError, ValueError, TypeError, zlib.error):
            return None
        return book if book.content_hash() == rec.content_hash else None

    def _infos(self, session: Session, stmt: Select[Any]) -> list[EditionInfo]:
        """The :class:`EditionInfo` of the editions ``stmt`` selects: the ``book`` rows alone
        (counts stored with the content, library_0005; the snapshot column is deferred)."""
        records = session.scalars(stmt).all()
        out = []
        for r in records:
            try:
                kind = parse_enum(BookKind, r.kind, f"edition {r.id}.kind")
            except StoredValueError as exc:
                raise LibraryError(self.shown_url, str(exc), code="library.damaged") from exc
            out.append(EditionInfo(
                id=r.id, region=r.region, province=r.province, year=r.year, edition=r.edition,
                kind=kind, title=r.title, status=r.status, content_hash=r.content_hash,
                legal_ref=r.legal_ref, effective_date=r.effective_date, source_file=r.source_file,
                created_at=r.created_at, published_at=r.published_at,
                derived_from_id=r.derived_from_id, resources=r.resource_count,
                analyses=r.analysis_count, verification=r.verification or "", signer=r.signer or "",
            ))
        return out


class _Stale(Exception):
    """Raised inside a write scope when what the editor read is no longer what is stored;
    the scope rolls back, closes, then raises the :class:`ConflictError`."""

    def __init__(self, item: tuple[str, str] | None, why: str):
        super().__init__(why)
        self.item, self.why = item, why


class _WriteScope:
    """A session in one transaction; database errors become :class:`LibraryError`
    (a lost race on a version counter: :class:`ConflictError` about ``item`` of the edition;
    permission denied: :class:`ReadOnlyLibraryError`)."""

    def __init__(self, library: PriceLibrary, edition_id: int | None, item: tuple[str, str] | None = None):
        self.library = library
        self.edition_id = edition_id
        self.item = item
        self.session: Session | None = None

    def __enter__(self) -> Session:
        self.session = self.library._sessions()
        self.session.begin()
        return self.session

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.session is not None
        try:
            if exc is None:
                try:
                    self.session.commit()
                except SQLAlchemyError as err:
                    self.session.rollback()
                    self.session.close()
                    raise self._translate(err) from err
            else:
                self.session.rollback()
                if isinstance(exc, _Stale):
                    self.session.close()
                    raise self.library._conflict(self.edition_id, exc.item, exc.why) from None
                if isinstance(exc, SQLAlchemyError):
                    self.session.close()
                    raise self._translate(exc) from exc
        finally:
            self.session.close()

    def _translate(self, exc: SQLAlchemyError) -> LibraryError:
        lib, edition_id = self.library, self.edition_id
        if isinstance(exc, IntegrityError) and _IMMUTABLE in str(exc):
            return PublishedEditionError(lib.shown_url, f"edition {edition_id}: {_IMMUTABLE}",
                                         params={"edition": edition_id})
        if isinstance(exc, StaleDataError):
            return lib._conflict(edition_id, self.item, "version counter")
        if _no_privilege(exc):
            return lib._read_only(exc)
        return LibraryError(lib.shown_url, f"the library refused the change: {_short(exc)}")


def _server_engine(url: str) -> Engine:
    """The engine of a URL that is not an SQLite file: a PostgreSQL library gets a connect
    timeout (10 s unless the URL says one) and pre-ping (a server restart or a dropped Wi-Fi
    between two edits is a new connection, not an error)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return create_engine(url)
    connect_args = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _advisory_lock(conn: Connection, purpose: str) -> None:
    """PostgreSQL: take the transaction-level advisory lock ``purpose`` of the library's schema
    (released at commit/rollback; needs no privilege, so readers may take it too)."""
    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext(%(key)s || current_schema()))",
                         {"key": f"dtpl-library-{purpose}:"})


def _no_privilege(exc: BaseException) -> bool:
    """True for PostgreSQL's "permission denied" (SQLSTATE 42501), also when wrapped."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return getattr(orig, "sqlstate", None) == _PG_NO_PRIVILEGE


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def _insert_content(session: Session, book_id: int, book: PriceBook,
                    res_versions: dict[str, int] | None = None,
                    ana_versions: dict[str, int] | None = None) -> None:
    """Insert the resources, analyses and lines of ``book`` under edition ``book_id`` as bulk
    Core INSERTs (executemany; analyses with RETURNING their ids for the lines). A row whose
    key/code had version ``v`` (``*_versions``) gets ``v + 1``, a new one 1."""
    res_t, ana_t = EditionResourceRecord.__table__, EditionAnalysisRecord.__table__
    line_t = EditionAnalysisLineRecord.__table__
    res_versions, ana_versions = res_versions or {}, ana_versions or {}
    if book.resources:
        session.execute(insert(res_t), [
            {**resource_columns(r, i), "book_id": book_id, "version": res_versions.get(r.key, 0) + 1}
            for i, r in enumerate(book.resources.values())])
    if not book.analyses:
        return
    rows = session.execute(
        insert(ana_t).returning(ana_t.c.id, ana_t.c.code, sort_by_parameter_order=True),
        [{**analysis_columns(a, i), "book_id": book_id, "version": ana_versions.get(a.code, 0) + 1}
         for i, a in enumerate(book.analyses.values())]).all()
    ids = {code: id_ for id_, code in rows}
    lines = [{**line_columns(ln, k), "analysis_id": ids[a.code]}
             for a in book.analyses.values() for k, ln in enumerate(a.lines)]
    if lines:
        session.execute(insert(line_t), lines)


#: what a snapshot holds (``format`` key; a reader meeting another value reads the rows)
SNAPSHOT_FORMAT = "dtpl-edition-snapshot/1"


def _snapshot_value(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def snapshot_bytes(book: PriceBook) -> bytes:
    """The content of ``book`` as a published edition's snapshot: the column values its rows
    hold (:func:`~dtpl_studio.storage.records.resource_columns`, ``analysis_columns``,
    ``line_columns``, in that column order; Decimals as their canonical ``str``) as one compact
    JSON ``{"format", "resources": [[…]], "analyses": [[…, [[line…]]]]}`` (UTF-8, keys
    sorted), zlib level 6. 15 000 resources and 3 000 analyses of 6 lines: ~0.4 MB."""
    payload = {
        "format": SNAPSHOT_FORMAT,
        "resources": [[_snapshot_value(v) for v in resource_columns(r, i).values()]
                      for i, r in enumerate(book.resources.values())],
        "analyses": [[*(_snapshot_value(v) for v in analysis_columns(a, i).values()),
                      [[_snapshot_value(v) for v in line_columns(ln, k).values()]
                       for k, ln in enumerate(a.lines)]]
                     for i, a in enumerate(book.analyses.values())],
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def _finite(text: Any) -> Decimal:
    """A snapshot number (its canonical text) as a finite Decimal, else ValueError."""
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a decimal number as text")
    value = Decimal(text)
    if not value.is_finite():
        raise ValueError(f"{text!r} is not a finite decimal number")
    return value


def book_from_snapshot(meta: Any, blob: bytes) -> PriceBook:
    """The PriceBook of ``meta`` with the content of a snapshot (:func:`snapshot_bytes`).

    Built straight from the JSON lists (the models' constructors, enums by a dict lookup),
    not through row objects: at 15 000 resources and 3 000 analyses this is most of the
    load. The caller checks the result against the edition's content hash
    (:meth:`PriceLibrary.load_edition`), which covers any value the model would take but the
    rows would not give.

    Raises:
        ValueError: not a snapshot of this format (bad JSON, wrong shape, unknown enum value,
            a number that is not a finite decimal, a repeated key or code).
        zlib.error: not zlib data.
    """
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError("not a DTPL edition snapshot")
    res_kinds = {m.value: m for m in ResourceKind}
    line_kinds = {m.value: m for m in LineKind}
    modes = {m.value: m for m in RoundingMode}
    book = PriceBook(meta)
    resources, analyses = book.resources, book.analyses
    try:
        for _pos, key, name, kind, unit, price, code, source_ref, raw_unit, note in data["resources"]:
            if key in resources:
                raise ValueError(f"resource {key!r} twice")
            resources[key] = Resource(key, name, res_kinds[kind], unit, _finite(price), code, source_ref,
                                      raw_unit, note)
        for (_pos, code, name, unit, overhead, scheme, chapter, source_ref, method, note, step, mode,
             lines) in data["analyses"]:
            if code in analyses:
                raise ValueError(f"analysis {code!r} twice")
            analyses[code] = Analysis(
                code, name, unit,
                [AnalysisLine(line_kinds[kind], ref, _finite(coefficient), l_unit, description,
                              None if override is None else _finite(override), res_kinds[group], l_source)
                 for _k, kind, ref, coefficient, l_unit, description, override, group, l_source in lines],
                None if overhead is None else _finite(overhead), scheme, chapter, source_ref, method, note,
                None if step is None else RoundingRule(_finite(step), modes[mode]))
    except (KeyError, TypeError, ArithmeticError) as exc:  # unknown enum value, wrong shape, bad number
        raise ValueError(f"not a valid DTPL edition snapshot: {exc!r}") from exc
    return book


def _changed_text(rec: Any, columns: dict[str, Any], alone: str = "") -> tuple[str, str]:
    """``(old, new)`` for the audit log: ``field=value`` of each column that changes, joined by
    ``; ``; when only column ``alone`` changes (a resource's price), its bare values
    (``"1650.5"``, ``"1750"``), as the log has always recorded prices."""
    changed = [name for name, value in columns.items()
               if name not in ("position", "key", "code") and getattr(rec, name) != value]
    if changed == [alone] or (alone and not changed):
        return str(getattr(rec, alone)), str(columns[alone])
    return ("; ".join(f"{name}={getattr(rec, name)}" for name in changed),
            "; ".join(f"{name}={columns[name]}" for name in changed))


def _line_changes(stored: list[Any], analysis: Analysis) -> tuple[str, str]:
    """``(old, new)`` lines of an analysis for the audit log: with the same number of lines,
    ``line N field=value`` of each changed field (N from 1); otherwise the line counts."""
    if len(stored) != len(analysis.lines):
        return f"{len(stored)} lines", f"{len(analysis.lines)} lines"
    old, new = [], []
    for k, (rec, line) in enumerate(zip(stored, analysis.lines, strict=True)):
        columns = line_columns(line, k)
        for name, value in columns.items():
            if name != "position" and getattr(rec, name) != value:
                old.append(f"line {k + 1} {name}={getattr(rec, name)}")
                new.append(f"line {k + 1} {name}={value}")
    return "; ".join(old), "; ".join(new)


def _describe(book: PriceBook) -> str:
    m = book.meta
    return " ".join(x for x in (m.region, str(m.year or ""), m.edition) if x) or m.title or "(untitled)"


__all__ = [
    "ENV_VAR", "CatalogueHit", "ConflictError", "EditionInfo", "EditionNotFoundError",
    "EditionVersions", "LibraryError", "PriceLibrary", "PublishedEditionError",
    "ReadOnlyLibraryError", "default_library_path", "resolve_library_location",
]
