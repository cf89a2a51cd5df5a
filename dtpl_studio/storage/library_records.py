"""Typed ORM of the price library (SQLite by default, PostgreSQL for a team, DESIGN.md §7).

Tables (migrations in ``dtpl_studio/storage/migrations/library/versions``)::

    meta(key, value)                              format, app_version
    audit_log(id, at, who, action, detail)        add / update / publish / delete of editions
    book(id, …meta…, status, content_hash, created_at, published_at, derived_from_id, version)
      book_resource / book_analysis / book_analysis_line   (same columns as the project file)

A ``book`` row is one *edition*. ``status`` is ``draft`` or ``published``; a published edition
is immutable: :class:`~dtpl_studio.storage.library.PriceLibrary` refuses every write, and
triggers (SQLite: migration ``library_0001``; PostgreSQL: a plpgsql function, ``library_0003``)
refuse any UPDATE/DELETE of it or INSERT/UPDATE/DELETE of its content, even from raw SQL.

Optimistic locking for a library shared by several editors (SQLAlchemy ``version_id_col``:
every UPDATE says ``WHERE version = <the version read>`` and a row count of 0 is a conflict):

* ``book.version`` — counted by SQLAlchemy on every change of the edition row (its content
  hash changes with any content change, so any edit of the edition bumps it);
* ``book_resource.version`` / ``book_analysis.version`` — set by the library itself
  (``version_id_generator=False``): +1 on each edit of that resource/analysis, and a row
  re-created by a whole-edition replace carries on from the old row's number, so a version an
  editor read earlier never comes back (no A-B-A).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index, LargeBinary, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship

from dtpl_studio.storage.records import (
    TYPE_ANNOTATION_MAP,
    AnalysisColumns,
    AnalysisLineColumns,
    AuditColumns,
    BookMetaColumns,
    KeyValueColumns,
    ResourceColumns,
    new_metadata,
)


class LibraryBase(DeclarativeBase):
    """Declarative base of the price library schema (its own MetaData)."""

    metadata = new_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class LibraryMetaRecord(KeyValueColumns, LibraryBase):
    __tablename__ = "meta"


class LibraryAuditLogRecord(AuditColumns, LibraryBase):
    __tablename__ = "audit_log"


class EditionRecord(BookMetaColumns, LibraryBase):
    """One price book edition."""

    __tablename__ = "book"
    __table_args__ = (CheckConstraint("status IN ('draft', 'published')", name="status"),)

    created_at: Mapped[str] = mapped_column(default="")
    published_at: Mapped[str | None]
    derived_from_id: Mapped[int | None]  # provenance only: no FK, so deleting a draft never
    # has to touch (update) a published edition derived from it
    version: Mapped[int] = mapped_column(default=1)
    #: how many resources / analyses the content holds, written with it (library_0005), so
    #: listing editions never counts over the content tables
    resource_count: Mapped[int] = mapped_column(default=0, server_default="0")
    analysis_count: Mapped[int] = mapped_column(default=0, server_default="0")
    #: a published edition's rows as one compressed canonical JSON, written when it is
    #: published (library_0005; None for drafts and older editions); deferred: only
    #: load_edition reads it
    snapshot: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    resources: Mapped[list[EditionResourceRecord]] = relationship(
        order_by="EditionResourceRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    analyses: Mapped[list[EditionAnalysisRecord]] = relationship(
        order_by="EditionAnalysisRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}


class EditionResourceRecord(ResourceColumns, LibraryBase):
    __tablename__ = "book_resource"
    __table_args__ = (UniqueConstraint("book_id", "key"), UniqueConstraint("book_id", "position"),
                      Index("ix_book_resource_book_id_code", "book_id", "code"))  # catalogue search

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class EditionAnalysisRecord(AnalysisColumns, LibraryBase):
    __tablename__ = "book_analysis"

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    lines: Mapped[list[EditionAnalysisLineRecord]] = relationship(
        order_by="EditionAnalysisLineRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class EditionAnalysisLineRecord(AnalysisLineColumns, LibraryBase):
    __tablename__ = "book_analysis_line"


__all__ = [
    "EditionAnalysisLineRecord", "EditionAnalysisRecord", "EditionRecord", "EditionResourceRecord",
    "LibraryAuditLogRecord", "LibraryBase", "LibraryMetaRecord",
]
