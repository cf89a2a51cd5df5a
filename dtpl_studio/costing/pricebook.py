"""Price book: base prices (*harga satuan dasar*) and unit-price analyses (AHSP).

An analysis is a recipe per unit of work (``domain/DOMAIN.md`` §0 and §2.2):

* A = Σ labour (koefisien × upah), B = Σ material, C = Σ equipment;
* D = A + B + C; E = p % × D (*biaya umum dan keuntungan*); F = D + E, the
  *harga satuan pekerjaan*, rounded by the book's :class:`~dtpl_studio.costing.money.RoundingRule`
  (the AHSP Cipta Karya 2023 workbook uses ``ROUNDDOWN(F,-2)``).
* A line may be another analysis (sub-analysis; the analyses form a DAG, a cycle is an
  error) or a percentage of the material sum B (``Peralatan x % (bahan)``).

Coefficients are Decimal and never rounded (DOMAIN.md §2.2 "Precision").
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from dtpl_studio.costing.money import CONTEXT, ZERO, RoundingMode, RoundingRule
from dtpl_studio.costing.units import UnitMismatchError, conversion_factor


class ResourceKind(StrEnum):
    """Kind of a base resource; its line goes into A, B or C."""

    LABOUR = "labour"
    MATERIAL = "material"
    EQUIPMENT = "equipment"


class LineKind(StrEnum):
    """Kind of an analysis line."""

    LABOUR = "labour"
    MATERIAL = "material"
    EQUIPMENT = "equipment"
    SUB_ANALYSIS = "sub_analysis"  # counted in the group given by ``AnalysisLine.group``
    PCT_OF_MATERIAL = "pct_of_material"  # coefficient is a fraction of B, counted in C


class BookKind(StrEnum):
    AHSP_HSD = "AHSP+HSD"
    HSPK = "HSPK"
    SSH = "SSH"


#: ``Analysis.code_scheme`` of a work item priced by a regional HSPK decree without a
#: breakdown (see :func:`unit_price_only`); a scheme such as ``hspk-jateng-2025`` starts with it.
HSPK_SCHEME = "hspk"

#: The description of the one line of an HSPK work item (printed where a breakdown would be).
HSPK_LINE_TEXT = "Harga satuan HSPK, tanpa rincian"


class PriceBookError(ValueError):
    """A price book that cannot compute: missing resource, cycle, unit mismatch."""


@dataclass(slots=True)
class Resource:
    """A base resource with its price (*harga satuan dasar*).

    Attributes:
        key: unique key inside the book (the name as the source lists it, or a code).
        name: display name.
        kind: :class:`ResourceKind`.
        unit: canonical unit symbol (see :mod:`dtpl_studio.costing.units`).
        price: Rp per ``unit``, Decimal.
        code: the source's code if it has one.
        source_ref: where it was read (``Upah Bahan!G9``).
        raw_unit: the unit as spelled in the source.
    """

    key: str
    name: str
    kind: ResourceKind
    unit: str
    price: Decimal
    code: str = ""
    source_ref: str = ""
    raw_unit: str = ""
    note: str = ""


@dataclass(slots=True)
class AnalysisLine:
    """One line of an analysis.

    ``ref`` names a :class:`Resource` key (labour/material/equipment), another analysis code
    (sub-analysis) or nothing (percentage of material). ``coefficient`` is per one unit of
    the analysis, in ``unit``. ``price_override`` pins a price for this line (rare; e.g. a
    line that the source prices by hand). ``group`` decides where a sub-analysis is summed
    (default material).
    """

    kind: LineKind
    ref: str
    coefficient: Decimal
    unit: str = ""
    description: str = ""
    price_override: Decimal | None = None
    group: ResourceKind = ResourceKind.MATERIAL
    source_ref: str = ""


@dataclass(slots=True)
class Analysis:
    """An AHSP analysis.

    Attributes:
        code: unique key inside the book (``A.1``, ``2.2.1.4.5``, ``A.2.3.1.1``…).
        code_scheme: which code system ``code`` belongs to (``"cipta-karya-2023-sheet"``,
            ``"permen-28-2016"``, ``"sni"``…) — DOMAIN.md §1.2.
        name: description (*uraian*).
        unit: canonical unit symbol.
        overhead_pct: E as a fraction of D (``Decimal('0.10')`` = 10 %). None = book default.
        lines: the recipe.
        chapter: the source's chapter/sheet.
        source_ref: ``AHSP.xlsx | Persiapan!C4``.
        rate_rounding: this analysis' own rounding of F when it differs from the book's
            (the AHSP Cipta Karya 2023 workbook rounds the per-kg rebar transport blocks
            ``Beton!I129``/``I143`` with ``ROUNDDOWN(F,0)``, not ``ROUNDDOWN(F,-2)``); None =
            the book's rule.
    """

    code: str
    name: str
    unit: str
    lines: list[AnalysisLine] = field(default_factory=list)
    overhead_pct: Decimal | None = None
    code_scheme: str = ""
    chapter: str = ""
    source_ref: str = ""
    method: str = ""
    note: str = ""
    rate_rounding: RoundingRule | None = None


@dataclass(frozen=True, slots=True)
class PricedLine:
    """A line with its price and amount (coefficient × price, unrounded)."""

    line: AnalysisLine
    description: str
    unit: str
    price: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Breakdown:
    """The A/B/C/D/E/F of one analysis (Rp per one unit of work).

    A, B, C, D, E and ``f_exact`` are unrounded Decimals; ``f`` is ``f_exact`` rounded by
    the book's rule: the *harga satuan* a RAB uses.
    """

    analysis: Analysis
    labour: tuple[PricedLine, ...]
    material: tuple[PricedLine, ...]
    equipment: tuple[PricedLine, ...]
    a: Decimal
    b: Decimal
    c: Decimal
    d: Decimal
    overhead_pct: Decimal
    e: Decimal
    f_exact: Decimal
    f: Decimal


@dataclass(slots=True)
class PriceBookMeta:
    """Provenance and rules of a price book edition (DESIGN.md §4)."""

    region: str = ""
    province: str = ""
    year: int | None = None
    edition: str = ""
    kind: BookKind = BookKind.AHSP_HSD
    legal_ref: str = ""
    effective_date: str = ""
    source_file: str = ""
    source_sha256: str = ""
    status: str = "draft"  # draft | published
    rate_rounding: RoundingRule = field(default_factory=lambda: RoundingRule(Decimal(100), RoundingMode.DOWN))
    default_overhead_pct: Decimal = Decimal("0.10")
    title: str = ""
    note: str = ""
    #: how the edition reached this machine (issue 8 point 5): ``""`` = imported or shipped
    #: here; ``"verified"`` = from a package signed by a trusted key; ``"unverified"`` = from
    #: an unsigned package or one signed by an unknown key (printed wherever its prices are)
    verification: str = ""
    #: who signed the package it came from: ``"Bengkel Kota X (kunci 3f2a-9c1b-…)"``; the
    #: claimed name for an unknown key
    signer: str = ""


def hspk_item(code: str, name: str, unit: str, price: Decimal, *, scheme: str = HSPK_SCHEME,
              chapter: str = "", source_ref: str = "", note: str = "") -> Analysis:
    """A work item priced by an HSPK decree (*harga satuan pekerjaan* of a kab/kota), which
    publishes the unit price only, with no A/B/C breakdown.

    Representation (issue 8, point 2): an :class:`Analysis` whose one line carries the whole
    price (``price_override``, coefficient 1, no resource), with 0 % overhead (the decree's
    price already includes it) and whole-rupiah rounding, so F is exactly the published
    price. Every layer that keeps, pins, hashes or prices analyses (library, edition folder,
    project file, RAB) works on it unchanged and a RAB item references it by its HSPK code;
    the places that show a breakdown ask :func:`unit_price_only` and say
    :data:`HSPK_LINE_TEXT` instead of a made-up one.
    """
    line = AnalysisLine(LineKind.MATERIAL, "", Decimal(1), unit=unit, description=HSPK_LINE_TEXT,
                        price_override=price, source_ref=source_ref)
    return Analysis(code, name, unit, [line], overhead_pct=Decimal(0), code_scheme=scheme,
                    chapter=chapter, source_ref=source_ref, note=note,
                    rate_rounding=RoundingRule(Decimal(1), RoundingMode.HALF_UP))


def unit_price_only(analysis: Analysis) -> bool:
    """True for an HSPK work item (:func:`hspk_item`): a published unit price without a
    breakdown, whose one line must not be printed as labour/material/equipment."""
    return (analysis.code_scheme.startswith(HSPK_SCHEME) and len(analysis.lines) == 1
            and analysis.lines[0].price_override is not None and not analysis.lines[0].ref)


def _insert_at(mapping: dict, key, value, position: int | None) -> dict:
    """``mapping`` (the same dict) with ``key: value`` inserted at ``position`` (None = at
    the end)."""
    if position is None or position >= len(mapping):
        mapping[key] = value
        return mapping
    items = list(mapping.items())
    items.insert(max(position, 0), (key, value))
    mapping.clear()
    mapping.update(items)
    return mapping


class PriceBook:
    """Resources and analyses of one edition, with the one A–F calculation.

    ``compute(code)`` is memoised; editing a price or an analysis through
    :meth:`add_resource`, :meth:`set_price`, :meth:`put_analysis`, :meth:`remove_analysis`
    or :meth:`remove_resource` clears the memo and counts up :attr:`revision` (a RAB
    recompute reuses item rates only while the revision is the same). Code that changes
    ``resources``/``analyses`` directly must call :meth:`touch`.
    """

    def __init__(self, meta: PriceBookMeta | None = None):
        self.meta = meta or PriceBookMeta()
        self.resources: dict[str, Resource] = {}
        self.analyses: dict[str, Analysis] = {}
        self._memo: dict[str, Breakdown] = {}
        #: counts every edit made through the methods below
        self.revision = 0

    def touch(self) -> None:
        """Say that the book's content changed: drop memoised rates, count the revision."""
        self._memo.clear()
        self.revision += 1

    # -- editing -------------------------------------------------------------------------
    def add_resource(self, resource: Resource) -> None:
        """Add a resource. Raises :class:`PriceBookError` for a duplicate key."""
        if resource.key in self.resources:
            raise PriceBookError(f"duplicate resource key {resource.key!r}")
        self.resources[resource.key] = resource
        self.touch()

    def set_price(self, key: str, price: Decimal) -> None:
        self.resources[key].price = price
        self.touch()

    def put_analysis(self, analysis: Analysis) -> None:
        """Add or replace an analysis by code."""
        self.analyses[analysis.code] = analysis
        self.touch()

    def users_of_analysis(self, code: str) -> list[str]:
        """Codes of the analyses that have ``code`` as a sub-analysis line."""
        return [a.code for a in self.analyses.values()
                if any(ln.kind is LineKind.SUB_ANALYSIS and ln.ref == code for ln in a.lines)]

    def users_of_resource(self, key: str) -> list[str]:
        """Codes of the analyses with a line priced from resource ``key``."""
        return [a.code for a in self.analyses.values()
                if any(ln.ref == key and ln.kind not in (LineKind.SUB_ANALYSIS, LineKind.PCT_OF_MATERIAL)
                       for ln in a.lines)]

    def remove_analysis(self, code: str) -> tuple[Analysis, int]:
        """Remove analysis ``code``; returns it and its position (for :meth:`insert_analysis`).

        Raises:
            KeyError: no analysis ``code``.
            PriceBookError: another analysis of the book uses it as a sub-analysis.
        """
        users = self.users_of_analysis(code)
        if users:
            raise PriceBookError(f"analisa {code} masih dipakai oleh {', '.join(users)}")
        position = list(self.analyses).index(code)
        analysis = self.analyses.pop(code)
        self.touch()
        return analysis, position

    def insert_analysis(self, analysis: Analysis, position: int | None = None) -> None:
        """Put ``analysis`` back at ``position`` in book order (None = at the end).

        Raises:
            PriceBookError: an analysis with that code is already in the book.
        """
        if analysis.code in self.analyses:
            raise PriceBookError(f"duplicate analysis code {analysis.code!r}")
        self.analyses = _insert_at(self.analyses, analysis.code, analysis, position)
        self.touch()

    def remove_resource(self, key: str) -> tuple[Resource, int]:
        """Remove resource ``key``; returns it and its position (for :meth:`insert_resource`).

        Raises:
            KeyError: no resource ``key``.
            PriceBookError: an analysis of the book still prices a line from it.
        """
        users = self.users_of_resource(key)
        if users:
            raise PriceBookError(f"harga dasar {key!r} masih dipakai oleh {', '.join(users)}")
        position = list(self.resources).index(key)
        resource = self.resources.pop(key)
        self.touch()
        return resource, position

    def insert_resource(self, resource: Resource, position: int | None = None) -> None:
        """Put ``resource`` back at ``position`` in book order (None = at the end).

        Raises:
            PriceBookError: a resource with that key is already in the book.
        """
        if resource.key in self.resources:
            raise PriceBookError(f"duplicate resource key {resource.key!r}")
        self.resources = _insert_at(self.resources, resource.key, resource, position)
        self.touch()

    # -- calculation ---------------------------------------------------------------------
    def compute(self, code: str) -> Breakdown:
        """Return the :class:`Breakdown` of analysis ``code``.

        Raises:
            KeyError: no analysis with that code.
            PriceBookError: a line names a missing resource or analysis, a line unit cannot
                be converted to the resource unit, or sub-analyses form a cycle.
        """
        return self._compute(code, ())

    def _compute(self, code: str, stack: tuple[str, ...]) -> Breakdown:
        if code in self._memo:
            return self._memo[code]
        if code in stack:
            raise PriceBookError("sub-analysis cycle: " + " → ".join((*stack, code)))
        analysis = self.analyses[code]
        groups: dict[ResourceKind, list[PricedLine]] = {k: [] for k in ResourceKind}
        pct_lines: list[AnalysisLine] = []
        for line in analysis.lines:
            if line.kind is LineKind.PCT_OF_MATERIAL:
                pct_lines.append(line)
                continue
            price, description, unit = self._line_price(analysis, line, (*stack, code))
            amount = CONTEXT.multiply(line.coefficient, price)
            group = line.group if line.kind is LineKind.SUB_ANALYSIS else ResourceKind(line.kind.value)
            groups[group].append(PricedLine(line, description, unit, price, amount))
        a = sum((p.amount for p in groups[ResourceKind.LABOUR]), ZERO)
        b = sum((p.amount for p in groups[ResourceKind.MATERIAL]), ZERO)
        for line in pct_lines:
            amount = CONTEXT.multiply(line.coefficient, b)
            groups[ResourceKind.EQUIPMENT].append(
                PricedLine(line, line.description or "Peralatan (% bahan)", "%", b, amount)
            )
        c = sum((p.amount for p in groups[ResourceKind.EQUIPMENT]), ZERO)
        d = a + b + c
        pct = analysis.overhead_pct if analysis.overhead_pct is not None else self.meta.default_overhead_pct
        e = CONTEXT.multiply(d, pct)
        f_exact = d + e
        result = Breakdown(
            analysis,
            tuple(groups[ResourceKind.LABOUR]),
            tuple(groups[ResourceKind.MATERIAL]),
            tuple(groups[ResourceKind.EQUIPMENT]),
            a, b, c, d, pct, e, f_exact,
            (analysis.rate_rounding or self.meta.rate_rounding).apply(f_exact),
        )
        self._memo[code] = result
        return result

    def _line_price(self, analysis: Analysis, line: AnalysisLine, stack: tuple[str, ...]) -> tuple[Decimal, str, str]:
        if line.kind is LineKind.SUB_ANALYSIS:
            if line.ref not in self.analyses:
                raise PriceBookError(f"{analysis.code}: sub-analysis {line.ref!r} not in the book")
            sub = self._compute(line.ref, stack)
            price = line.price_override if line.price_override is not None else sub.f
            return price, line.description or sub.analysis.name, line.unit or sub.analysis.unit
        if line.price_override is not None:
            return line.price_override, line.description or line.ref, line.unit
        resource = self.resources.get(line.ref)
        if resource is None:
            raise PriceBookError(f"{analysis.code}: resource {line.ref!r} not in the book ({line.source_ref})")
        price = resource.price
        unit = line.unit or resource.unit
        if unit != resource.unit:
            try:
                factor = conversion_factor(unit, resource.unit)
            except UnitMismatchError as exc:
                raise PriceBookError(
                    f"{analysis.code}: line unit {unit} does not fit resource {resource.name!r} "
                    f"priced per {resource.unit} ({line.source_ref})"
                ) from exc
            price = CONTEXT.multiply(price, factor)
        return price, line.description or resource.name, unit

    def unit_rate(self, code: str) -> Decimal:
        """The rounded unit rate F of ``code`` (Rp per analysis unit)."""
        return self.compute(code).f

    def dependencies(self, code: str) -> tuple[set[str], set[str]]:
        """All (analysis codes, resource keys) that ``code`` uses, transitively."""
        analyses: set[str] = set()
        resources: set[str] = set()
        todo = [code]
        while todo:
            current = todo.pop()
            if current in analyses:
                continue
            analyses.add(current)
            for line in self.analyses[current].lines:
                if line.kind is LineKind.SUB_ANALYSIS:
                    todo.append(line.ref)
                elif line.kind is not LineKind.PCT_OF_MATERIAL and line.price_override is None:
                    resources.add(line.ref)
        return analyses, resources

    def subset(self, codes: set[str] | list[str]) -> PriceBook:
        """A copy holding only ``codes`` and what they depend on (the project's pinned copy).

        A pinned copy is a copy (issue 10): the meta, every resource and every analysis with
        its lines are new objects, so a later change to this book (a library edition) never
        changes the copy, nor the other way round. Book order is kept.
        """
        keep_a: set[str] = set()
        keep_r: set[str] = set()
        for code in codes:
            a, r = self.dependencies(code)
            keep_a |= a
            keep_r |= r
        book = PriceBook(copy.deepcopy(self.meta))
        for key in [k for k in self.resources if k in keep_r]:
            book.resources[key] = dataclasses.replace(self.resources[key])
        for code in [c for c in self.analyses if c in keep_a]:
            book.analyses[code] = copy.deepcopy(self.analyses[code])
        return book

    def search(self, text: str, limit: int | None = None) -> list[Analysis]:
        """Analyses whose code or name contains every word of ``text`` (case-insensitive)."""
        words = text.lower().split()
        hits = [
            a for a in self.analyses.values()
            if all(w in (a.code + " " + a.name).lower() for w in words)
        ]
        return hits[:limit] if limit else hits

    def content_hash(self) -> str:
        """SHA-256 of a canonical JSON of the prices and analyses (not the status)."""
        payload = {
            "resources": [
                [r.key, r.name, r.kind.value, r.unit, str(r.price)] for r in self.resources.values()
            ],
            "analyses": [
                [a.code, a.name, a.unit, str(a.overhead_pct),
                 None if a.rate_rounding is None else a.rate_rounding.to_dict(),
                 [[ln.kind.value, ln.ref, str(ln.coefficient), ln.unit,
                   None if ln.price_override is None else str(ln.price_override), ln.group.value]
                  for ln in a.lines]]
                for a in self.analyses.values()
            ],
            "rate_rounding": self.meta.rate_rounding.to_dict(),
            "default_overhead_pct": str(self.meta.default_overhead_pct),
        }
        blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()
