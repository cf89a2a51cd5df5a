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
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ForeignKey, MetaData, String, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
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


class StoredValueError(ValueError):
    """A stored value that the model cannot take (unknown enum value, bad number).

    The readers turn it into ``ProjectFileError`` / ``LibraryError`` ("corrupt file").
    """


E = TypeVar("E", bound=StrEnum)


_MEMBERS: dict[type, dict[str, Any]] = {}


def parse_enum(cls: type[E], value: str, where: str) -> E:
    """``cls(value)``, or :class:`StoredValueError` naming ``where`` (table/row).

    A dict lookup first (``Enum.__call__`` is ~4 µs, and an edition of the team library has
    ~50 000 enum cells)."""
    members = _MEMBERS.get(cls)
    if members is None:
        members = _MEMBERS[cls] = {m.value: m for m in cls}
    found = members.get(value)
    if found is not None:
        return found
    try:
        return cls(value)
    except ValueError as exc:
        raise StoredValueError(f"{where}: {value!r} is not a valid {cls.__name__}") from exc


def check_decimal(value: Any, where: str) -> Decimal:
    """Return ``value`` if it is a finite Decimal, else raise :class:`StoredValueError`."""
    if not isinstance(value, Decimal) or not value.is_finite():
        raise StoredValueError(f"{where}: {value!r} is not a finite decimal number")
    return value


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


# -- conversions ----------------------------------------------------------------------------

def meta_columns(meta: PriceBookMeta) -> dict[str, Any]:
    """The :class:`BookMetaColumns` values of ``meta`` (without ``id``/``content_hash``)."""
    return {
        "region": meta.region,
        "province": meta.province,
        "year": meta.year,
        "edition": meta.edition,
        "kind": BookKind(meta.kind).value,
        "legal_ref": meta.legal_ref,
        "effective_date": meta.effective_date,
        "source_file": meta.source_file,
        "source_sha256": meta.source_sha256,
        "status": meta.status,
        "rate_rounding_step": meta.rate_rounding.step,
        "rate_rounding_mode": RoundingMode(meta.rate_rounding.mode).value,
        "default_overhead_pct": meta.default_overhead_pct,
        "title": meta.title,
        "note": meta.note,
        "verification": meta.verification,
        "signer": meta.signer,
    }


def meta_from_record(rec: BookMetaColumns, where: str) -> PriceBookMeta:
    """Rebuild :class:`PriceBookMeta` from a book row.

    Raises:
        StoredValueError: an enum or number in the row is not valid.
    """
    try:
        rounding = RoundingRule(
            check_decimal(rec.rate_rounding_step, f"{where}.rate_rounding_step"),
            parse_enum(RoundingMode, rec.rate_rounding_mode, f"{where}.rate_rounding_mode"),
        )
    except ValueError as exc:
        if isinstance(exc, StoredValueError):
            raise
        raise StoredValueError(f"{where}: {exc}") from exc
    return PriceBookMeta(
        region=rec.region,
        province=rec.province,
        year=rec.year,
        edition=rec.edition,
        kind=parse_enum(BookKind, rec.kind, f"{where}.kind"),
        legal_ref=rec.legal_ref,
        effective_date=rec.effective_date,
        source_file=rec.source_file,
        source_sha256=rec.source_sha256,
        status=rec.status,
        rate_rounding=rounding,
        default_overhead_pct=check_decimal(rec.default_overhead_pct, f"{where}.default_overhead_pct"),
        title=rec.title,
        note=rec.note,
        verification=rec.verification or "",
        signer=rec.signer or "",
    )


def resource_columns(resource: Resource, position: int) -> dict[str, Any]:
    """Column values of one resource row."""
    return {
        "position": position,
        "key": resource.key,
        "name": resource.name,
        "kind": ResourceKind(resource.kind).value,
        "unit": resource.unit,
        "price": resource.price,
        "code": resource.code,
        "source_ref": resource.source_ref,
        "raw_unit": resource.raw_unit,
        "note": resource.note,
    }


def resource_from_record(rec: ResourceColumns) -> Resource:
    """Rebuild a :class:`Resource`. Raises :class:`StoredValueError`."""
    where = f"book_resource {rec.id} ({rec.key!r})"
    return Resource(
        key=rec.key,
        name=rec.name,
        kind=parse_enum(ResourceKind, rec.kind, where + ".kind"),
        unit=rec.unit,
        price=check_decimal(rec.price, where + ".price"),
        code=rec.code,
        source_ref=rec.source_ref,
        raw_unit=rec.raw_unit,
        note=rec.note,
    )


def analysis_columns(analysis: Analysis, position: int) -> dict[str, Any]:
    """Column values of one analysis row (lines separately: :func:`line_columns`)."""
    return {
        "position": position,
        "code": analysis.code,
        "name": analysis.name,
        "unit": analysis.unit,
        "overhead_pct": analysis.overhead_pct,
        "code_scheme": analysis.code_scheme,
        "chapter": analysis.chapter,
        "source_ref": analysis.source_ref,
        "method": analysis.method,
        "note": analysis.note,
        "rate_rounding_step": None if analysis.rate_rounding is None else analysis.rate_rounding.step,
        "rate_rounding_mode": None if analysis.rate_rounding is None
        else RoundingMode(analysis.rate_rounding.mode).value,
    }


def line_columns(line: AnalysisLine, position: int) -> dict[str, Any]:
    """Column values of one analysis line row."""
    return {
        "position": position,
        "kind": LineKind(line.kind).value,
        "ref": line.ref,
        "coefficient": line.coefficient,
        "unit": line.unit,
        "description": line.description,
        "price_override": line.price_override,
        "line_group": ResourceKind(line.group).value,
        "source_ref": line.source_ref,
    }


def analysis_from_records(rec: AnalysisColumns, lines: list[AnalysisLineColumns]) -> Analysis:
    """Rebuild an :class:`Analysis` from its row and its line rows (in position order).

    Raises:
        StoredValueError: an enum or number is not valid.
    """
    where = f"book_analysis {rec.id} ({rec.code!r})"
    out: list[AnalysisLine] = []
    for ln in lines:
        lw = f"{where} line {ln.position}"
        out.append(
            AnalysisLine(
                kind=parse_enum(LineKind, ln.kind, lw + ".kind"),
                ref=ln.ref,
                coefficient=check_decimal(ln.coefficient, lw + ".coefficient"),
                unit=ln.unit,
                description=ln.description,
                price_override=None if ln.price_override is None
                else check_decimal(ln.price_override, lw + ".price_override"),
                group=parse_enum(ResourceKind, ln.line_group, lw + ".line_group"),
                source_ref=ln.source_ref,
            )
        )
    return Analysis(
        code=rec.code,
        name=rec.name,
        unit=rec.unit,
        lines=out,
        overhead_pct=None if rec.overhead_pct is None
        else check_decimal(rec.overhead_pct, where + ".overhead_pct"),
        code_scheme=rec.code_scheme,
        chapter=rec.chapter,
        source_ref=rec.source_ref,
        method=rec.method,
        note=rec.note,
        rate_rounding=None if rec.rate_rounding_step is None else RoundingRule(
            check_decimal(rec.rate_rounding_step, where + ".rate_rounding_step"),
            parse_enum(RoundingMode, rec.rate_rounding_mode, where + ".rate_rounding_mode"),
        ),
    )


def book_from_records(
    meta: PriceBookMeta,
    resources: list[ResourceColumns],
    analyses: list[tuple[AnalysisColumns, list[AnalysisLineColumns]]],
) -> PriceBook:
    """Assemble a :class:`PriceBook` from rows already sorted by ``position``.

    Resources and analyses are put straight into the dicts (not through ``add_resource``),
    keeping the stored order, which :meth:`PriceBook.content_hash` depends on.

    Raises:
        StoredValueError: a row holds a value the model cannot take, or a key repeats.
    """
    book = PriceBook(meta)
    for rec in resources:
        res = resource_from_record(rec)
        if res.key in book.resources:
            raise StoredValueError(f"book_resource: duplicate key {res.key!r}")
        book.resources[res.key] = res
    for rec, lines in analyses:
        analysis = analysis_from_records(rec, lines)
        if analysis.code in book.analyses:
            raise StoredValueError(f"book_analysis: duplicate code {analysis.code!r}")
        book.analyses[analysis.code] = analysis
    return book
