"""Column sets and conversions shared by the project file and the price library.

Both databases hold price-book content in the same four tables (``book``,
``book_resource``, ``book_analysis``, ``book_analysis_line``): the project file keeps the
*pinned* copy each package uses (DESIGN.md §4, so a later library change never changes a
project silently), the library keeps every edition. The column sets are mixins here; each
database declares its own concrete ``*Record`` classes on its own ``DeclarativeBase``
(:mod:`.project_records`, :mod:`.library_records`) so the two schemas migrate separately.

Rules kept by every table:

* money, coefficients and percentages are :class:`~.types.DecimalText` (canonical string,
  never REAL);
* every ordered list has a ``position`` column (0-based), so dict/list order — which
  :meth:`PriceBook.content_hash` depends on — survives;
* enums are stored as their ``.value`` text and checked on the way back
  (:class:`StoredValueError` names the table and row).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, MetaData, String, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from dtpl_studio.costing.pricebook import BookKind, ResourceKind

# the conversions between model and rows need no SQLAlchemy (a project is read without it,
# issue 10); they are named here too, where the column sets they fill are
from dtpl_studio.storage.conversions import (  # noqa: F401
    StoredValueError,
    analysis_columns,
    analysis_from_records,
    book_from_records,
    check_decimal,
    line_columns,
    meta_columns,
    meta_from_record,
    parse_enum,
    resource_columns,
    resource_from_record,
)
from dtpl_studio.storage.types import DecimalText

#: Constraint names fixed by convention, so later Alembic batch migrations on SQLite (which
#: rebuild tables) can refer to them by name.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: ``Mapped[Decimal]`` means a lossless text column in both databases.
TYPE_ANNOTATION_MAP: dict[Any, Any] = {Decimal: DecimalText, str: String}


def new_metadata() -> MetaData:
    """A MetaData with :data:`NAMING_CONVENTION` (one per database)."""
    return MetaData(naming_convention=NAMING_CONVENTION)


# -- column sets ------------------------------------------------------------------------------

class KeyValueColumns:
    """``meta`` table: one row per key (``format``, ``schema_revision``, ``app_version``…)."""

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str] = mapped_column(default="")


class AuditColumns:
    """``audit_log`` table: who did what, when (UTC ISO-8601 text), in insertion order; what
    changed from which value to which; a hash chain (``prev_hash``/``entry_hash``,
    :mod:`dtpl_studio.audit`) so that an edited history is detected."""

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str]
    who: Mapped[str] = mapped_column(default="")
    action: Mapped[str] = mapped_column(default="")
    detail: Mapped[str] = mapped_column(default="")
    subject: Mapped[str] = mapped_column(default="", server_default="")
    old_value: Mapped[str] = mapped_column(default="", server_default="")
    new_value: Mapped[str] = mapped_column(default="", server_default="")
    prev_hash: Mapped[str] = mapped_column(default="", server_default="")
    entry_hash: Mapped[str] = mapped_column(default="", server_default="")


class BookMetaColumns:
    """The columns of :class:`PriceBookMeta` plus the content hash at the time of writing.

    ``rate_rounding`` is split into ``rate_rounding_step`` / ``rate_rounding_mode``.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(default="")
    province: Mapped[str] = mapped_column(default="")
    year: Mapped[int | None]
    edition: Mapped[str] = mapped_column(default="")
    kind: Mapped[str] = mapped_column(default=BookKind.AHSP_HSD.value)
    legal_ref: Mapped[str] = mapped_column(default="")
    effective_date: Mapped[str] = mapped_column(default="")
    source_file: Mapped[str] = mapped_column(default="")
    source_sha256: Mapped[str] = mapped_column(default="")
    status: Mapped[str] = mapped_column(default="draft")
    rate_rounding_step: Mapped[Decimal]
    rate_rounding_mode: Mapped[str]
    default_overhead_pct: Mapped[Decimal]
    title: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    content_hash: Mapped[str] = mapped_column(default="")
    #: issue 8 point 5: "" | "verified" | "unverified", and who signed the package
    verification: Mapped[str] = mapped_column(default="", server_default="")
    signer: Mapped[str] = mapped_column(default="", server_default="")


class ResourceColumns:
    """``book_resource``: a :class:`Resource` of a book, ``position`` = order in the book."""

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("book_id", "key"), UniqueConstraint("book_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id", ondelete="CASCADE"))
    position: Mapped[int]
    key: Mapped[str]
    name: Mapped[str] = mapped_column(default="")
    kind: Mapped[str]
    unit: Mapped[str] = mapped_column(default="")
    price: Mapped[Decimal]
    code: Mapped[str] = mapped_column(default="")
    source_ref: Mapped[str] = mapped_column(default="")
    raw_unit: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")


class AnalysisColumns:
    """``book_analysis``: an :class:`Analysis` of a book (lines in ``book_analysis_line``)."""

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("book_id", "code"), UniqueConstraint("book_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str]
    name: Mapped[str] = mapped_column(default="")
    unit: Mapped[str] = mapped_column(default="")
    overhead_pct: Mapped[Decimal | None]
    code_scheme: Mapped[str] = mapped_column(default="")
    chapter: Mapped[str] = mapped_column(default="")
    source_ref: Mapped[str] = mapped_column(default="")
    method: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    #: the analysis' own rounding of F (None = the book's rule)
    rate_rounding_step: Mapped[Decimal | None]
    rate_rounding_mode: Mapped[str | None]


class AnalysisLineColumns:
    """``book_analysis_line``: one :class:`AnalysisLine`; ``ref`` is a resource key or an
    analysis code as text (a line with a price override may name nothing in the book)."""

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("analysis_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    analysis_id: Mapped[int] = mapped_column(ForeignKey("book_analysis.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[str]
    ref: Mapped[str] = mapped_column(default="")
    coefficient: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(default="")
    price_override: Mapped[Decimal | None]
    line_group: Mapped[str] = mapped_column(default=ResourceKind.MATERIAL.value)
    source_ref: Mapped[str] = mapped_column(default="")
