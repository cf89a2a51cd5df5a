"""The difference between two editions of a price book (issue 8 point 1): resources and
analyses added, removed or changed, old → new price, and the effect on every analysis's
unit rate (F), including the analyses whose own lines did not change but whose rate moved
because a price or a sub-analysis they use did.

Matching: a resource by its key, an analysis by its code — within one lineage (an edition
derived from another, or a region's next year) keys and codes are stable; two regions of
the same HSPK decree share their work codes. What has no counterpart is *added* or
*removed*, never guessed.

Qt-free and storage-free: the library, the CLI (``dtpl-studio diff-editions``) and the
window all show this one result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from dtpl_studio.costing.pricebook import Analysis, PriceBook, PriceBookError, Resource

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
#: an analysis whose own definition is the same but whose rate moved (a price it uses changed)
RATE_ONLY = "rate"


@dataclass(frozen=True, slots=True)
class ResourceChange:
    """One resource that differs: ``status`` :data:`ADDED`, :data:`REMOVED` or
    :data:`CHANGED`; ``fields`` names what changed (``price``, ``name``, ``unit``, ``kind``,
    ``code``); prices in Rp per unit (Decimal), None where the side lacks it."""

    key: str
    name: str
    unit: str
    status: str
    old_price: Decimal | None
    new_price: Decimal | None
    fields: tuple[str, ...] = ()

    @property
    def change(self) -> Decimal | None:
        """new − old price (Rp), None unless both sides have one."""
        if self.old_price is None or self.new_price is None:
            return None
        return self.new_price - self.old_price


@dataclass(frozen=True, slots=True)
class AnalysisChange:
    """One analysis that differs: ``status`` :data:`ADDED`, :data:`REMOVED`,
    :data:`CHANGED` (its own lines, name, unit, overhead or rounding changed; ``fields``
    says which) or :data:`RATE_ONLY`; ``old_rate``/``new_rate`` are F as the book rounds it
    (Rp per unit), None where the side lacks it or cannot compute it (``error`` says why)."""

    code: str
    name: str
    unit: str
    status: str
    old_rate: Decimal | None
    new_rate: Decimal | None
    fields: tuple[str, ...] = ()
    error: str = ""

    @property
    def change(self) -> Decimal | None:
        if self.old_rate is None or self.new_rate is None:
            return None
        return self.new_rate - self.old_rate

    @property
    def change_pct(self) -> Decimal | None:
        """(new − old) / old × 100, None when old is 0 or missing."""
        if self.change is None or not self.old_rate:
            return None
        return self.change / self.old_rate * 100


@dataclass(slots=True)
class EditionDiff:
    """What changed from ``old`` to ``new`` (lists in the new book's order, removed ones
    after, in the old book's order). ``meta`` lists changed edition fields as
    ``(field, old, new)``."""

    resources: list[ResourceChange] = field(default_factory=list)
    analyses: list[AnalysisChange] = field(default_factory=list)
    meta: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.resources or self.analyses or self.meta)

    def count(self, what: str, status: str) -> int:
        """How many ``what`` (``"resources"``/``"analyses"``) have ``status``."""
        return sum(1 for c in getattr(self, what) if c.status == status)

    def summary(self) -> str:
        """One Indonesian line: ``harga dasar: 2 baru, 1 dihapus, 14 berubah; analisa: …``."""
        def part(what: str, statuses: tuple[tuple[str, str], ...]) -> str:
            counts = [f"{self.count(what, s)} {word}" for s, word in statuses if self.count(what, s)]
            return ", ".join(counts) or "tidak ada perubahan"

        res = part("resources", ((ADDED, "baru"), (REMOVED, "dihapus"), (CHANGED, "berubah")))
        ana = part("analyses", ((ADDED, "baru"), (REMOVED, "dihapus"), (CHANGED, "isinya berubah"),
                                (RATE_ONLY, "harganya berubah karena harga dasar")))
        return f"harga dasar: {res}; analisa: {ana}"


_RESOURCE_FIELDS = ("price", "name", "unit", "kind", "code")
_ANALYSIS_FIELDS = ("name", "unit", "overhead_pct", "rate_rounding", "lines")
_META_FIELDS = ("title", "region", "province", "year", "edition", "kind", "legal_ref", "effective_date",
                "rate_rounding", "default_overhead_pct")


def _rate(book: PriceBook, code: str) -> tuple[Decimal | None, str]:
    try:
        return book.unit_rate(code), ""
    except (PriceBookError, KeyError, ArithmeticError, RecursionError) as exc:
        return None, str(exc)


def _resource_fields(old: Resource, new: Resource) -> tuple[str, ...]:
    return tuple(f for f in _RESOURCE_FIELDS if getattr(old, f) != getattr(new, f))


def _line_keys(analysis: Analysis) -> list[tuple]:
    """What prices a line (its description and source reference do not)."""
    return [(ln.kind, ln.ref, ln.coefficient, ln.unit, ln.price_override, ln.group) for ln in analysis.lines]


def _analysis_fields(old: Analysis, new: Analysis) -> tuple[str, ...]:
    fields = [f for f in _ANALYSIS_FIELDS[:-1] if getattr(old, f) != getattr(new, f)]
    if _line_keys(old) != _line_keys(new):
        fields.append("lines")
    return tuple(fields)


def diff_books(old: PriceBook, new: PriceBook) -> EditionDiff:
    """Compare two price books.

    Prices and coefficients compare as numbers (``72500.50`` equals ``72500.5``); a line
    compares by kind, reference, coefficient, unit, price override and group. An analysis
    is :data:`RATE_ONLY` when its definition is equal but its rounded rate differs.

    Returns:
        :class:`EditionDiff`; ``empty`` when the books price everything alike.
    """
    diff = EditionDiff()
    for name in _META_FIELDS:
        a, b = getattr(old.meta, name), getattr(new.meta, name)
        if a != b:
            diff.meta.append((name, "" if a is None else str(a), "" if b is None else str(b)))
    for key, res in new.resources.items():
        before = old.resources.get(key)
        if before is None:
            diff.resources.append(ResourceChange(key, res.name, res.unit, ADDED, None, res.price))
        elif fields := _resource_fields(before, res):
            diff.resources.append(ResourceChange(key, res.name, res.unit, CHANGED, before.price, res.price, fields))
    for key, res in old.resources.items():
        if key not in new.resources:
            diff.resources.append(ResourceChange(key, res.name, res.unit, REMOVED, res.price, None))
    for code, analysis in new.analyses.items():
        before = old.analyses.get(code)
        new_rate, new_error = _rate(new, code)
        if before is None:
            diff.analyses.append(AnalysisChange(code, analysis.name, analysis.unit, ADDED, None, new_rate,
                                                error=new_error))
            continue
        old_rate, old_error = _rate(old, code)
        fields = _analysis_fields(before, analysis)
        if fields:
            status = CHANGED
        elif old_rate != new_rate or old_error != new_error:
            status = RATE_ONLY
        else:
            continue
        diff.analyses.append(AnalysisChange(code, analysis.name, analysis.unit, status, old_rate, new_rate,
                                            fields, new_error or old_error))
    for code, analysis in old.analyses.items():
        if code not in new.analyses:
            old_rate, old_error = _rate(old, code)
            diff.analyses.append(AnalysisChange(code, analysis.name, analysis.unit, REMOVED, old_rate, None,
                                                error=old_error))
    return diff
