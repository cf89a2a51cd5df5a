"""Conversions between the model and the rows of the price-book tables, and the checks of
stored values, without SQLAlchemy.

A project file is read with the standard library's ``sqlite3`` alone (issue 10: importing
SQLAlchemy and building its ORM classes was ~0,5 s of every open and of ``dtpl-studio
check``); the price library reads through SQLAlchemy. Both use these functions, which take
any row object with the columns as attributes (a SQLAlchemy ``Row``, a named tuple of
:mod:`.project_read`), and :func:`decimal_from_text`, the one rule by which a stored
Decimal text comes back (:class:`~.types.DecimalText` applies it too).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

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


def decimal_from_text(value: Any) -> Decimal | str | None:
    """A stored Decimal column's value as the model reads it: ``Decimal(text)``; NULL is
    None; a text that is not a number (``'dua'``, ``''``) or a blob comes back as text
    (``str``), unconverted, so that the reader decides per row (a finding naming table and
    row, or a "corrupt file" error through :func:`check_decimal`)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    text = str(value).strip()
    if not text:
        return str(value)
    try:
        return Decimal(text)
    except InvalidOperation:
        return str(value)


def decimal_to_text(value: Any) -> str | None:
    """A Decimal as it is stored: ``str(value)`` (canonical, digit for digit); an ``int`` is
    made Decimal; None stays NULL.

    Raises:
        TypeError: a ``float`` or ``bool`` (a float has already lost digits; convert it with
            :func:`dtpl_studio.costing.money.from_float` first) or any other type.
        ValueError: NaN or infinity (no price or coefficient may be either).
    """
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"a Decimal column got {type(value).__name__} {value!r}; use Decimal")
    if isinstance(value, int):
        value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"a Decimal column cannot hold {value}")
    return str(value)


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


# -- conversions ----------------------------------------------------------------------------

def meta_columns(meta: PriceBookMeta) -> dict[str, Any]:
    """The ``book`` column values (:class:`~.records.BookMetaColumns`) of ``meta`` (without ``id``/``content_hash``)."""
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


def meta_from_record(rec: Any, where: str) -> PriceBookMeta:
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


def resource_from_record(rec: Any) -> Resource:
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


def analysis_from_records(rec: Any, lines: list[Any]) -> Analysis:
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
    resources: list[Any],
    analyses: list[tuple[Any, list[Any]]],
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
