"""Re-pricing a package into another price-book edition or region (issue 10 point 5).

:func:`plan_repricing` takes a package and a target :class:`~dtpl_studio.costing.pricebook.PriceBook`
(another edition of the AHSP book, an imported HSPK region…) and returns a
:class:`RepricePlan`: the report (per line, per division, in total) and the one
:class:`~dtpl_studio.costing.edits.SwapBook` edit that applies it (one undo step, exact
inverse). Nothing is changed until the edit is applied.

Matching rule (which analysis of the target is "the same work" as an item's analysis):

1. **By code**, when both analyses belong to the same code system (``code_scheme``; an empty
   scheme is taken as "the same"): codes are compared after :func:`normalize_code` (spaces
   removed, case ignored, a trailing dot dropped: ``"A.1 "`` = ``"a.1"``). The unit must be
   the same canonical unit; the same code with another unit is *not* a counterpart (reported).
   Source: the code is the key of an edition (DESIGN.md §4); the HSPK importer keeps the
   decree's ``work_code`` unchanged so that "the same work has the same code in every
   region's edition" (``spreadsheets/hspk_json.py``). A code of another system means
   something else (HSPK ``1.1.1.1`` is not Permen 28/2016 ``1.1.1.1``), hence the scheme
   condition.
2. **Else by description**: the analysis names are equal after :func:`normalize_name`
   (typographic quotes made plain, the trailing reference ``(Lihat Peraturan …)`` that the
   Jawa Tengah HSPK 2025 files append removed, spaces collapsed, case ignored) **and** the
   canonical unit is the same, **and** exactly one analysis of the target has that
   name and unit. Source: the real data. The shipped AHSP Cipta Karya 2023 book codes its
   analyses by workbook sheet (``A.1``) and the HSPK files by the decree (``1.1.1.1``), so no
   code is shared; but the HSPK descriptions are the Permen PUPR 8/2023 names with a
   reference appended (``Pembuatan 1 m' pagar sementara dari kayu tinggi 2 meter (Lihat …
   Lampiran B U.1.1.1 (c))`` = ``A.1`` ``Pembuatan 1 m’ pagar sementara dari kayu tinggi
   2 meter``). Two candidates are never chosen between: the item is reported without a
   counterpart, naming them.

Anything else is **without counterpart** (*tanpa padanan*): the item keeps its old analysis
(copied into the new pinned book with what it depends on, its overhead and rounding made
explicit so that the new book's rules do not change it), is flagged in the report and keeps
its rate — unless it depends on a basic price (or sub-analysis) whose key the target has
too: one key has one price in a pinned book, the target's wins (the package's new price
basis), and the line says so (``shared``).

Items with a rate override keep the override (their analysis is re-pointed when it has a
counterpart, so the basis stays consistent); items priced by a custom rate keep it.

Totals are the app's own: both sides are priced by :func:`~dtpl_studio.costing.rab.price_package`
(PPN, *pembulatan*, error rows), never recomputed here. Money is Decimal throughout.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from dtpl_studio.costing.edits import SwapBook, copy_resource, find_package
from dtpl_studio.costing.pricebook import Analysis, PriceBook, PriceBookError
from dtpl_studio.costing.rab import Item, Package, PricedItem, PricedPackage, Program, price_package

ZERO = Decimal(0)


class RepriceError(ValueError):
    """The target book cannot be used (empty, or the same book); Indonesian message."""


class LineStatus(StrEnum):
    """What re-pricing does to one item."""

    MATCHED = "matched"            #: re-pointed to the target's analysis
    NO_COUNTERPART = "missing"     #: no counterpart: old analysis kept, flagged
    OVERRIDE_KEPT = "override"     #: a rate override: the rate stays
    CUSTOM_KEPT = "custom"         #: a custom rate (no analysis): the rate stays


#: Indonesian words of each status (report, CLI; the window has its own in ui/strings.py)
STATUS_WORDS: dict[LineStatus, str] = {
    LineStatus.MATCHED: "dipadankan",
    LineStatus.NO_COUNTERPART: "tanpa padanan",
    LineStatus.OVERRIDE_KEPT: "harga override tetap",
    LineStatus.CUSTOM_KEPT: "harga khusus tetap",
}


# -- matching ---------------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
#: a trailing reference in parentheses, closed or cut off: ``(Lihat Peraturan Menteri …``
_REFERENCE = re.compile(r"\s*\(\s*(?:lihat|sesuai|ref\.?|referensi)\b.*$", re.IGNORECASE | re.DOTALL)


def normalize_code(code: str) -> str:
    """The code as compared: without spaces, case-folded, without a trailing dot."""
    return "".join(code.split()).casefold().rstrip(".")


def normalize_name(name: str) -> str:
    """The description as compared: plain quotes, no trailing ``(Lihat …)`` reference,
    collapsed spaces, case-folded, without trailing punctuation."""
    text = _REFERENCE.sub("", name.translate(_QUOTES))
    return " ".join(text.split()).casefold().rstrip(" .,;:")


@dataclass(frozen=True, slots=True)
class Match:
    """The counterpart of one analysis: ``code`` in the target (None = none), ``basis``
    (``"kode"`` / ``"uraian"``; ``""`` when none) and ``reason`` (Indonesian, why none)."""

    code: str | None
    basis: str = ""
    reason: str = ""


class TargetIndex:
    """The target book's analyses by normalized code and by (normalized name, unit);
    analyses that cannot be computed are left out (and said so when an item asks)."""

    def __init__(self, book: PriceBook):
        self.book = book
        self.by_code: dict[str, list[Analysis]] = {}
        self.by_name: dict[tuple[str, str], list[Analysis]] = {}
        self.broken: dict[str, str] = {}
        for analysis in book.analyses.values():
            try:
                book.dependencies(analysis.code)
                book.unit_rate(analysis.code)
            except (KeyError, PriceBookError, ArithmeticError) as exc:
                self.broken[normalize_code(analysis.code)] = f"{analysis.code}: {exc}"
                continue
            self.by_code.setdefault(normalize_code(analysis.code), []).append(analysis)
            self.by_name.setdefault((normalize_name(analysis.name), analysis.unit), []).append(analysis)

    def match(self, analysis: Analysis | None, code: str) -> Match:
        """The counterpart of ``analysis`` (code ``code`` in the old book; None when the old
        book lacks it: then only the code rule applies). Rules: module docstring."""
        key = normalize_code(code)
        scheme = analysis.code_scheme if analysis is not None else ""
        same = [a for a in self.by_code.get(key, ())
                if not scheme or not a.code_scheme or a.code_scheme == scheme]
        if same:
            fitting = [a for a in same if analysis is None or a.unit == analysis.unit]
            if len(fitting) == 1:
                return Match(fitting[0].code, "kode")
            if not fitting:
                return Match(None, reason=f"kode {same[0].code} ada di edisi baru dengan satuan "
                                          f"{same[0].unit}, bukan {analysis.unit}")
        if key in self.broken and not same:
            return Match(None, reason=f"analisa {self.broken[key]} di edisi baru tidak dapat dihitung")
        if analysis is None:
            return Match(None, reason=f"analisa {code} tidak ada di buku harga paket maupun di edisi baru")
        candidates = self.by_name.get((normalize_name(analysis.name), analysis.unit), [])
        if len(candidates) == 1:
            return Match(candidates[0].code, "uraian")
        if len(candidates) > 1:
            codes = ", ".join(a.code for a in candidates[:5])
            return Match(None, reason=f"uraiannya cocok dengan {len(candidates)} analisa edisi baru "
                                      f"({codes}): tidak dipilih")
        return Match(None, reason="tidak ada di edisi baru (menurut kode maupun uraian)")


# -- the report -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RepriceLine:
    """One item: old → new code, rate and amount (Rp; None = the item could not be priced on
    that side, amount 0 then), status and why."""

    item_id: str
    number: str
    description: str
    unit: str
    volume: Decimal | None
    old_code: str | None
    new_code: str | None
    basis: str
    status: LineStatus
    reason: str
    old_rate: Decimal | None
    new_rate: Decimal | None
    old_amount: Decimal
    new_amount: Decimal

    @property
    def change(self) -> Decimal:
        """new − old amount (Rp)."""
        return self.new_amount - self.old_amount


@dataclass(frozen=True, slots=True)
class DivisionChange:
    """A division (top-level section): its subtotal old → new (Rp)."""

    section_id: str
    number: str
    title: str
    old_total: Decimal
    new_total: Decimal

    @property
    def change(self) -> Decimal:
        return self.new_total - self.old_total


@dataclass(frozen=True, slots=True)
class Totals:
    """A package's totals as :func:`~dtpl_studio.costing.rab.price_package` makes them."""

    direct: Decimal
    ppn: Decimal
    total: Decimal
    rounded: Decimal

    @classmethod
    def of(cls, priced: PricedPackage) -> Totals:
        return cls(priced.direct, priced.ppn, priced.total, priced.rounded)


@dataclass(frozen=True, slots=True)
class RepriceReport:
    """The whole report of re-pricing one package.

    ``old_basis``/``new_basis``: the editions as people name them (title, region, year,
    edition). ``lines`` in print order; ``divisions`` in print order.
    """

    package_id: str
    package_name: str
    old_basis: str
    new_basis: str
    lines: tuple[RepriceLine, ...]
    divisions: tuple[DivisionChange, ...]
    old: Totals
    new: Totals

    def count(self, status: LineStatus) -> int:
        return sum(1 for line in self.lines if line.status is status)

    @property
    def missing(self) -> tuple[RepriceLine, ...]:
        """The lines without a counterpart."""
        return tuple(line for line in self.lines if line.status is LineStatus.NO_COUNTERPART)

    @property
    def change(self) -> Decimal:
        """Change of the rounded package total (Rp)."""
        return self.new.rounded - self.old.rounded


@dataclass(frozen=True, slots=True)
class RepricePlan:
    """The report and the edit that applies it (``edit.apply(program)`` returns the undo)."""

    report: RepriceReport
    edit: SwapBook


def basis_label(book: PriceBook) -> str:
    """An edition as people name it: its title, else ``kind region year (edition)``."""
    meta = book.meta
    if meta.title:
        return meta.title
    words = [meta.kind.value, meta.region or meta.province, str(meta.year or ""),
             f"({meta.edition})" if meta.edition else ""]
    return " ".join(w for w in words if w) or "buku harga"


def _kept_copy(analysis: Analysis, old: PriceBook) -> Analysis:
    """A copy of an analysis kept from the old book, with the old book's default overhead
    and rounding written into it, so the new book's rules price it as before."""
    # every field of a line and of the rounding rule (frozen) is an immutable value: a new
    # object per line is a whole copy, without deepcopy's cost (5000 items: half the time)
    rounding = analysis.rate_rounding or old.meta.rate_rounding
    return dataclasses.replace(
        analysis, lines=[dataclasses.replace(line) for line in analysis.lines],
        overhead_pct=old.meta.default_overhead_pct if analysis.overhead_pct is None else analysis.overhead_pct,
        rate_rounding=dataclasses.replace(rounding))


def plan_repricing(program: Program, package_id: str, target: PriceBook) -> RepricePlan:
    """The report of moving package ``package_id`` onto ``target``, and its edit.

    The program is left as it was (the edit is applied to price it and undone by its exact
    inverse before returning, also on an error). The new pinned book is ``target.subset(counterparts)`` (a
    copy: meta, analyses, lines and resources are new objects) plus copies of the old
    analyses kept for items without counterpart (with their dependencies).

    Raises:
        dtpl_studio.costing.edits.EditError: no such package.
        RepriceError: ``target`` is the package's own pinned book, or holds no analysis.
    """
    package = find_package(program, package_id)
    old = package.book
    if target is old:
        raise RepriceError(f"paket {package.name!r} sudah memakai buku harga ini")
    if not target.analyses:
        raise RepriceError(f"edisi {basis_label(target)} tidak memuat analisa")
    index = TargetIndex(target)
    decisions: dict[str, tuple[LineStatus, Match]] = {}
    new_codes: dict[str, str | None] = {}
    for item in package.items():
        decisions[item.id] = _decide(item, old, index)
        match = decisions[item.id][1]
        if match.code is not None and match.code != item.analysis_code:
            new_codes[item.id] = match.code
    matched = {match.code for _, match in decisions.values() if match.code is not None}
    book = target.subset(matched)
    shared = _add_kept(book, old, [i for i in package.items()
                                   if i.analysis_code and decisions[i.id][1].code is None])
    edit = SwapBook(package.id, book, tuple(new_codes.items()), "")
    before = price_package(package)
    # the new figures are the app's own pricing of the package with the edit applied; the
    # exact inverse puts everything back at once (cheaper than a copy of the whole tree)
    inverse = edit.apply(program)
    try:
        after = price_package(package)
    finally:
        inverse.apply(program)
    report = _report(package, before, after, decisions, shared, basis_label(old), basis_label(target))
    return RepricePlan(report, edit)


def _decide(item: Item, old: PriceBook, index: TargetIndex) -> tuple[LineStatus, Match]:
    if not item.analysis_code:
        status = LineStatus.CUSTOM_KEPT if item.rate_override is None else LineStatus.OVERRIDE_KEPT
        return status, Match(None, reason="item tanpa analisa: harganya tetap")
    match = index.match(old.analyses.get(item.analysis_code), item.analysis_code)
    if item.rate_override is not None:
        return LineStatus.OVERRIDE_KEPT, dataclasses.replace(match, reason=(
            f"harga override tetap ({item.override_reason})" if item.override_reason else "harga override tetap")
            + ("" if match.code else f"; {match.reason}"))
    return (LineStatus.MATCHED if match.code else LineStatus.NO_COUNTERPART), match


def _add_kept(book: PriceBook, old: PriceBook, items: list[Item]) -> dict[str, list[str]]:
    """Copy into ``book`` the old analyses of ``items`` with their dependencies (old book
    order, after the target's); returns item id → the keys/codes it depends on that the
    target had already (their target version stays)."""
    codes: set[str] = set()
    keys: set[str] = set()
    closures: dict[str, tuple[set[str], set[str]]] = {}
    for item in items:
        code = item.analysis_code
        if code not in old.analyses:
            continue
        try:
            closures[item.id] = old.dependencies(code)
        except (KeyError, PriceBookError):
            closures[item.id] = ({code}, set())
        codes |= closures[item.id][0]
        keys |= closures[item.id][1]
    clashes: set[str] = set()
    for key in old.resources:
        if key in keys:
            if key in book.resources:
                clashes.add(key)
            else:
                book.resources[key] = copy_resource(old.resources[key])
    for code in old.analyses:
        if code in codes:
            if code in book.analyses:
                clashes.add(code)
            else:
                book.analyses[code] = _kept_copy(old.analyses[code], old)
    book.touch()
    return {item_id: sorted((a | r) & clashes) for item_id, (a, r) in closures.items() if (a | r) & clashes}


def _report(package: Package, before: PricedPackage, after: PricedPackage,
            decisions: dict[str, tuple[LineStatus, Match]], shared: dict[str, list[str]],
            old_basis: str, new_basis: str) -> RepriceReport:
    new_items: dict[str, PricedItem] = {q.item.id: q for q in after.items()}
    lines = []
    for p in before.items():
        item = p.item
        q = new_items[item.id]
        status, match = decisions[item.id]
        reason = match.reason
        if item.id in shared:
            reason += f"; memakai {', '.join(shared[item.id][:3])} dari edisi baru"
        lines.append(RepriceLine(
            item.id, p.number, item.description, item.unit, p.volume, item.analysis_code,
            match.code, match.basis, status,
            reason.strip("; "), p.rate, q.rate, p.amount, q.amount))
    divisions = tuple(DivisionChange(a.section.id, a.number, a.section.title, a.total, b.total)
                      for a, b in zip(before.sections, after.sections, strict=True))
    return RepriceReport(package.id, package.name, old_basis, new_basis, tuple(lines), divisions,
                         Totals.of(before), Totals.of(after))


__all__ = [
    "STATUS_WORDS", "DivisionChange", "LineStatus", "Match", "RepriceError", "RepriceLine", "RepricePlan",
    "RepriceReport", "TargetIndex", "Totals", "basis_label", "normalize_code", "normalize_name",
    "plan_repricing",
]
