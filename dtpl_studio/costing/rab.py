"""The RAB (*Rencana Anggaran Biaya*) tree, measurement lines and the one calculation path.

Shapes (DESIGN.md §4):

* :class:`Program` — a kelurahan programme (PLP-BK by default) with its BLM allocation, the
  ceiling rules that apply, and its :class:`Package` list.
* :class:`Package` (*paket kegiatan*) — component (perencanaan | fisik), KSM, location, the
  pinned :class:`~dtpl_studio.costing.pricebook.PriceBook`, settings, and a tree of
  :class:`Section` (*divisi*, any depth) holding :class:`Item`.
* :class:`Item` — an analysis code (or a custom rate with a reason), a unit, a funding source,
  a volume given directly or as :class:`Measurement` lines (*back-up volume*).

:func:`price_package` and :func:`price_program` are the only place totals are made; the GUI,
the PDF and the CLI all print what they return (DESIGN.md §5, "one calculation path").

Rounding (DESIGN.md §5): unit rate F by the book's rule; volume to ``volume_decimals``
(default 2, half up); line amount = printed volume × printed rate rounded to whole rupiah;
subtotals = Σ printed lines; PPN = rate × total rounded to whole rupiah; the total is then
*dibulatkan* by ``total_rounding`` (default down to Rp 1.000) and written out (*terbilang*).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from dtpl_studio.costing.attachments import Attachment
from dtpl_studio.costing.data_umum import PackageData, ProgramData
from dtpl_studio.costing.expressions import (
    ExpressionError,
    Parameter,
    evaluate_in,
    names_used,
    parameter_name_problem,
    parameter_value_problem,
)
from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.funding import (
    DEFAULT_PLPBK_RULES,
    CeilingCheck,
    Component,
    FundingRule,
    FundingShare,
    FundingSource,
    SectionKind,
    SplitError,
    SwadayaRule,
    Termin,
    applicable_rules,
    check_ceilings,
    split_amount,
)
from dtpl_studio.costing.money import CONTEXT, ONE, ZERO, RoundingMode, RoundingRule, round_rupiah
from dtpl_studio.costing.pricebook import PriceBook, PriceBookError
from dtpl_studio.costing.specs import SpecClause
from dtpl_studio.costing.stored import StoredValueNote, unread_values
from dtpl_studio.costing.summary import EMPTY, Digest, merge
from dtpl_studio.costing.terbilang import terbilang
from dtpl_studio.costing.units import (
    CANONICAL,
    Quantity,
    UnitMismatchError,
    UnknownUnitError,
    is_count_unit,
    product_factor,
    to_pint,
)

if TYPE_CHECKING:
    from dtpl_studio.costing.blm import Verdict


def new_id() -> str:
    """A fresh stable identifier for a tree node."""
    return uuid.uuid4().hex


class RabError(ValueError):
    """An item that cannot be priced (missing analysis, bad measurement)."""


@dataclass(slots=True)
class Factor:
    """One factor of a measurement line: a value in a unit (``p = 150 m``)."""

    label: str
    value: Decimal
    unit: str = ""  # canonical symbol; "" = a pure number (n, count)


_SIGNS = {1: Decimal(1), -1: Decimal(-1)}
#: ``is_count_unit`` once per unit symbol (it builds a pint unit: too slow per line)
_is_count = lru_cache(maxsize=512)(is_count_unit)


@dataclass(slots=True)
class Measurement:
    """A back-up volume line: ``sign × Π factors``, converted to the item's unit.

    Example: "Badan jalan", n = 1, p = 150 m, l = 2,5 m, t = 0,12 m → 45 m3.
    ``sign = -1`` for a deduction (*dikurangi*): the only way a line subtracts. Factors are
    never negative; a negative factor, or a sign other than ±1, is an error finding of
    :func:`price_package` (issue 5 fault 3).
    """

    description: str
    factors: list[Factor] = field(default_factory=list)
    sign: int = 1
    id: str = field(default_factory=new_id)
    #: an expression with the package's parameters (``2 * (P + L) * T``,
    #: :mod:`dtpl_studio.costing.expressions`); when set, ``factors`` are not used
    expression: str = ""
    #: id of another item of the same package whose printed volume this line takes (× the
    #: factors, if any), recomputed whenever that item changes; None = not a linked line
    link: str | None = None

    @property
    def kind(self) -> str:
        """``"expression"``, ``"link"`` or ``"factors"``."""
        if self.expression:
            return "expression"
        if self.link is not None:
            return "link"
        return "factors"

    def quantity(self):
        """The pint quantity ``sign × Π factors``.

        Raises:
            UnknownUnitError: a factor's unit is not canonical.
        """
        q = Quantity(Decimal(self.sign), to_pint(""))
        for f in self.factors:
            q = q * Quantity(f.value, to_pint(f.unit))
        return q

    def volume_in(self, unit: str) -> Decimal:
        """The line's volume in the canonical ``unit``.

        On an item counted in things (:func:`~dtpl_studio.costing.units.is_count_unit`:
        ``bh``, ``titik``, ``unit``, ``ls``, ``set``, ``zak``, ``OH``…) a line of bare numbers
        is that count: ``5`` on an item per bh is 5 bh (issue 5 fault 6).

        Raises:
            UnitMismatchError: the factors' dimension is not ``unit``'s (``m × m`` into
                ``m3``): the error is shown on the line, never a silent number.
        """
        magnitude = _SIGNS.get(self.sign) or Decimal(self.sign)
        for f in self.factors:
            magnitude = magnitude * f.value
        factor = self.unit_factor(unit)
        return magnitude if factor is None else magnitude * factor

    def unit_factor(self, unit: str) -> Decimal | None:
        """What ``sign × Π factor values`` is multiplied by to be in the canonical ``unit``
        (``cm × m`` into ``m2`` → ``0.01``), or None when the product is already in it; the
        xlsx export writes the line as that product (:mod:`dtpl_studio.spreadsheets.rab_export`).

        Raises:
            UnitMismatchError / UnknownUnitError: as :meth:`volume_in`.
        """
        symbols = tuple(f.unit for f in self.factors)
        if self.factors and _is_count(unit):
            try:  # a dimensionless product on a count item is that count (5 → 5 bh)
                return product_factor(symbols, "")
            except UnitMismatchError:
                pass
        return product_factor(symbols, unit)

    def formula(self, numbers: dict[str, str] | None = None) -> str:
        """Printable formula, e.g. ``1 × 150 m × 2,5 m × 0,12 m``; an expression line prints
        its expression (``= 2 * (P + L) * T``), a linked line ``= volume II.1`` (× its factors)
        with the linked item's RAB number from ``numbers`` (item id → number)."""
        from dtpl_studio.costing.formatting import format_number

        parts = [f"{format_number(f.value)}{(' ' + f.unit) if f.unit else ''}" for f in self.factors]
        if self.expression:
            text = "= " + self.expression.strip().removeprefix("=").strip()
        elif self.link is not None:
            number = (numbers or {}).get(self.link, "?")
            text = " × ".join([f"= volume {number}", *parts])
        else:
            text = " × ".join(parts) if parts else "0"
        return f"− ({text})" if self.sign < 0 else text


@dataclass(slots=True)
class Item:
    """A RAB item.

    Exactly one of ``analysis_code`` / ``custom_rate`` prices it; ``rate_override`` (with
    ``override_reason``) replaces the analysis rate. ``volume`` is used when there are no
    ``measurements``. A custom rate (*harga sendiri*) carries why (``custom_reason``) and
    where the figure comes from (``custom_source``: "survei 3 toko", "penawaran CV …",
    "SBU Kab. …"); a lump sum is a custom rate on the unit ``ls`` with volume 1 (issue 10
    point 2; :func:`~dtpl_studio.costing.items.custom_item`).
    """

    description: str
    unit: str
    analysis_code: str | None = None
    custom_rate: Decimal | None = None
    custom_reason: str = ""
    volume: Decimal = ZERO
    measurements: list[Measurement] = field(default_factory=list)
    #: the main funding source (takes what the split leaves); None = the section's
    funding: FundingSource | None = None
    rate_override: Decimal | None = None
    override_reason: str = ""
    note: str = ""
    id: str = field(default_factory=new_id)
    #: shares paid by other sources than ``funding`` (percent, amount, or in kind from the book)
    funding_split: list[FundingShare] = field(default_factory=list)
    #: jadwal pelaksanaan: the week the item starts (1 = the first week) and its duration in
    #: weeks; None = the default of :mod:`dtpl_studio.costing.jadwal` (from the labour HOK)
    start_week: int | None = None
    duration_weeks: int | None = None
    #: where a custom rate comes from ("survei 3 toko"); "" = not said (a warning finding)
    custom_source: str = ""

    def exact_volume(self) -> Decimal:
        """Σ measurement lines in the item unit, or ``volume`` when there are none.

        Raises:
            UnitMismatchError / UnknownUnitError: from a measurement line.
        """
        if not self.measurements:
            return self.volume
        total = ZERO
        for m in self.measurements:
            total = total + m.volume_in(self.unit)
        return total


@dataclass(slots=True)
class Section:
    """A division (*divisi*) of the RAB; ``children`` are sections or items, in order."""

    title: str
    children: list[Section | Item] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    #: funding of the items below that name none (None = the parent's; BLM at the top)
    funding: FundingSource | None = None
    #: planning category or DED (None of them = ``SectionKind.NONE``); inherited downwards
    kind: SectionKind = SectionKind.NONE

    def items(self):
        """All items below, depth first."""
        for child in self.children:
            if isinstance(child, Section):
                yield from child.items()
            else:
                yield child


@dataclass(slots=True)
class PackageSettings:
    """Calculation settings printed on the package (DESIGN.md §5).

    ``ppn_rate`` defaults to 0: community swakelola (KSM) packages usually carry no PPN
    [U, DOMAIN.md §5.2]; a contractor package sets 0,11 (PMK 131/2024, effective 11 %).
    """

    volume_decimals: int = 2
    ppn_rate: Decimal = ZERO
    ppn_label: str = "PPN"
    total_rounding: RoundingRule = field(default_factory=lambda: RoundingRule(Decimal(1000), RoundingMode.DOWN))
    #: jadwal pelaksanaan: workers on site per day and working days per week, from which an
    #: item's default duration follows from its labour person-days (HOK); an assumption [U],
    #: see :mod:`dtpl_studio.costing.jadwal`
    crew_size: int = 10
    work_days_per_week: int = 6


@dataclass(slots=True)
class Package:
    """A *paket kegiatan*: one RAB priced from one pinned book."""

    name: str
    component: Component
    book: PriceBook
    sections: list[Section] = field(default_factory=list)
    ksm: str = ""
    location: str = ""
    settings: PackageSettings = field(default_factory=PackageSettings)
    description: str = ""
    id: str = field(default_factory=new_id)
    #: findings made when the package was read from a file (a stored number out of range,
    #: unreadable…), naming file, table and row; not saved; :func:`price_package` reports
    #: each while the model still holds the value read (:mod:`dtpl_studio.costing.stored`)
    load_notes: list[StoredValueNote] = field(default_factory=list)
    #: the user's recorded reason for accepting the pinned book as price basis despite its
    #: price-basis findings (draft edition, unknown or other region, older year); "" = none
    price_basis_note: str = ""
    #: data umum of the package: site, beneficiaries, condition, KPP (issue 9 point 3)
    data: PackageData = field(default_factory=PackageData)
    #: named parameters of back-up expressions (``P = 25 m``), defined once per package
    #: (:mod:`dtpl_studio.costing.expressions`)
    parameters: list[Parameter] = field(default_factory=list)

    def items(self):
        for section in self.sections:
            yield from section.items()


@dataclass(slots=True)
class Signatory:
    """A signature block of the lembar pengesahan.

    ``role`` is the line above the signature (``Dibuat oleh``), ``position`` the position
    under the name (``Ketua KSM Maju Bersama``); ``kind`` the role id of the template
    (``ketua_ksm``, ``lurah`` …; "" = found from ``position`` by the template's words);
    ``nip`` the civil servant number of an official (18 digits, checked as a warning).
    """

    role: str
    name: str = ""
    position: str = ""
    date: str = ""
    kind: str = ""
    nip: str = ""


@dataclass(slots=True)
class Program:
    """A kelurahan programme (PLP-BK by default) with its packages."""

    kelurahan: str
    kecamatan: str = ""
    kota: str = ""
    provinsi: str = ""
    program: str = "PLP-BK"
    fiscal_year: int | None = None
    bkm: str = ""
    blm_allocation: Decimal | None = Decimal(1_000_000_000)
    rules: list[FundingRule] = field(default_factory=lambda: list(DEFAULT_PLPBK_RULES))
    packages: list[Package] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    title: str = ""
    #: the BLM disbursement plan (termin), checked by :mod:`dtpl_studio.costing.blm`
    termins: list[Termin] = field(default_factory=list)
    #: optional minimum swadaya share (None = no minimum)
    swadaya_rule: SwadayaRule | None = None
    #: drawings, maps, photos and scans in print order (:mod:`dtpl_studio.costing.attachments`)
    attachments: list[Attachment] = field(default_factory=list)
    #: the project's own texts of specification clauses (key → clause), which win over the
    #: shipped template (:mod:`dtpl_studio.costing.specs`); a clause not here is the template's
    spec_texts: dict[str, SpecClause] = field(default_factory=dict)
    #: clauses chosen for an item or section (node id → keys; ``()`` = none); a node not
    #: here takes its section's, else the keyword match
    spec_links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: data umum of the programme: Koordinator BKM/LKM, tempat/tanggal pengesahan
    data: ProgramData = field(default_factory=ProgramData)


# -- priced results ---------------------------------------------------------------------

class RowKind(StrEnum):
    SECTION = "section"
    ITEM = "item"
    SUBTOTAL = "subtotal"


@dataclass(frozen=True, slots=True)
class PricedItem:
    """An item as printed: ``amount == round(volume × rate)`` exactly."""

    item: Item
    number: str  # full number, e.g. "II.1"
    label: str  # number shown in the No column, e.g. "1"
    depth: int
    volume_exact: Decimal | None
    volume: Decimal | None
    rate: Decimal | None
    amount: Decimal
    error: str = ""
    #: the amount split over its funding sources ``((source, rupiah), …)``, Σ = amount
    funding: tuple[tuple[FundingSource, Decimal], ...] = ()


@dataclass(frozen=True, slots=True)
class PricedSection:
    section: Section
    number: str
    label: str
    depth: int
    total: Decimal
    children: tuple[PricedSection | PricedItem, ...]


@dataclass(frozen=True, slots=True)
class ItemResult:
    """What pricing one item (or one section with all it holds) gave: its row, its findings
    and its share per funding source.

    Kept by :class:`PricedPackage` so that a recompute after an edit reprices only the
    items that changed (:func:`price_package` with ``previous`` and ``changed``).
    """

    priced: PricedItem | PricedSection
    findings: tuple[Finding, ...]
    by_source: tuple[tuple[FundingSource, Decimal], ...]
    #: the funding source inherited from the sections above when it was priced
    inherited: FundingSource | None = None
    #: what the item's volume depends on besides its own fields: ``"param:NAME"`` for a
    #: parameter its expressions use, an item id for a line linked to that item
    depends: frozenset[str] = frozenset()
    #: what the verdict needs of a section (:class:`~dtpl_studio.costing.summary.Digest`),
    #: summed from its items and sub-sections when it was priced (an item has none of its own)
    digest: Digest = EMPTY
    #: the item's fields its price follows, as they were when it was priced
    #: (:func:`_inputs`): a recompute told nothing reuses the result while they are equal
    inputs: tuple = ()
    #: a section's own kind when it was priced (its digest maps its children's kinds by it)
    kind: SectionKind = SectionKind.NONE


@dataclass(frozen=True, slots=True)
class PricedPackage:
    """Totals of one package.

    ``direct`` = Σ section totals; ``ppn`` = ``direct × ppn_rate`` rounded to rupiah;
    ``total`` = direct + PPN; ``rounded`` = total by ``total_rounding``; ``by_source`` = the
    rounded share per funding source (BLM share used by the ceiling check).
    """

    package: Package
    sections: tuple[PricedSection, ...]
    direct: Decimal
    ppn: Decimal
    total: Decimal
    rounded: Decimal
    terbilang: str
    by_source: dict[FundingSource, Decimal]
    findings: tuple[Finding, ...]
    #: each source's share before *pembulatan* (its items + their PPN): ``by_source`` rounded
    by_source_exact: dict[FundingSource, Decimal] = field(default_factory=dict)
    #: item id → :class:`ItemResult`, for an incremental recompute (not part of the value)
    item_results: dict[str, ItemResult] = field(default_factory=dict, compare=False, repr=False)
    #: what every item result depends on besides the item: (book, book revision, decimals)
    basis: tuple = field(default=(), compare=False, repr=False)
    #: section id → its :class:`ItemResult` (the priced section, its findings and shares)
    section_results: dict[str, ItemResult] = field(default_factory=dict, compare=False, repr=False)
    #: node id → id of the section holding it (None for a division)
    parents: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    #: item id → :attr:`ItemResult.depends` (only items that depend on something)
    dependencies: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    #: the package's parameters when priced: ``((name, value, unit), …)``
    parameters_key: tuple = field(default=(), compare=False, repr=False)
    #: ids of the items priced again by this recompute (the edited ones and those whose
    #: volume follows them: a parameter's expressions, lines linked to a changed item)
    recomputed: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    #: the verdict's figures of the whole package (its divisions' digests merged), read by
    #: :func:`dtpl_studio.costing.blm.judge` instead of walking every item
    digest: Digest = field(default=EMPTY, compare=False, repr=False)

    def node(self, node_id: str) -> PricedSection | PricedItem | None:
        """The priced section or item with ``node_id`` (None when not in this package)."""
        result = self.item_results.get(node_id) or self.section_results.get(node_id)
        return result.priced if result is not None else None

    def rows(self):
        """Flatten to ``(kind, node)`` in print order: section header, children, subtotal."""
        def walk(ps: PricedSection):
            yield RowKind.SECTION, ps
            for child in ps.children:
                if isinstance(child, PricedSection):
                    yield from walk(child)
                else:
                    yield RowKind.ITEM, child
            yield RowKind.SUBTOTAL, ps

        for s in self.sections:
            yield from walk(s)

    def items(self):
        for kind, node in self.rows():
            if kind is RowKind.ITEM:
                yield node


@dataclass(frozen=True, slots=True)
class PricedProgram:
    """The priced programme and its one verdict (:class:`~dtpl_studio.costing.blm.Verdict`),
    which the window, the PDF and ``check`` only put words on (issue 6 point 1)."""

    program: Program
    packages: tuple[PricedPackage, ...]
    blm_by_component: dict[Component, Decimal]
    checks: tuple[CeilingCheck, ...]
    verdict: Verdict

    @property
    def passed(self) -> bool:
        """True when the verdict is *passed* (warnings allowed)."""
        return self.verdict.passed


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


@lru_cache(maxsize=1024)
def roman(n: int) -> str:
    """Roman numeral for ``n ≥ 1`` (division numbers I, II, …)."""
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


@lru_cache(maxsize=4096)
def child_label(depth: int, index: int) -> str:
    """Label of the ``index``-th (1-based) node at ``depth`` (0 = division): I / 1 / a / i…"""
    if depth == 0:
        return roman(index)
    if depth % 2 == 1:
        return str(index)
    return _letters(index)


#: Plausibility limits: far above any neighbourhood work (a volume of 10^12 m3, a unit rate
#: of Rp 10^15) and far below what breaks the 34-digit arithmetic. Beyond them an item is an
#: error finding, never a crash (a typo such as forty nines must not stop the app).
MAX_VOLUME = Decimal(10) ** 12
MAX_RATE = Decimal(10) ** 15
#: Most decimals a package may round its volumes to (DESIGN.md §5 default 2; a millimetre on
#: a kilometre run needs 6). Beyond it the setting is an error and the default 2 is used.
MAX_VOLUME_DECIMALS = 6
#: A PPN rate is a fraction in [0, 1] (0,11 = 11 %, PMK 131/2024).
MAX_PPN_RATE = ONE
#: The total *pembulatan* step: 0 (none) or a whole number of rupiah from Rp 1 to Rp 10^12.
#: A fractional step (Rp 0,5; Rp 1,5) would give a total in sen, which neither the rupiah
#: rows nor *terbilang* ("... rupiah") can state (DESIGN.md §5: totals are whole rupiah).
MIN_ROUNDING_STEP = Decimal(1)
MAX_ROUNDING_STEP = Decimal(10) ** 12


def _fmt(value: Decimal) -> str:
    """Indonesian number format for finding messages (``1.000.000.000.000``)."""
    from dtpl_studio.costing.formatting import format_number

    if not value.is_finite():
        return str(value)
    if abs(value) >= Decimal(10) ** 30:
        return f"{value:.3E}"
    return format_number(value)


def item_rate(item: Item, book: PriceBook) -> Decimal:
    """The printed unit rate of ``item``: override, custom rate, or the book's rounded F.

    Raises:
        RabError: no analysis code and no custom rate, or the code is not in the book.
        PriceBookError: the analysis cannot be computed.
    """
    if item.rate_override is not None:
        return item.rate_override
    if item.analysis_code:
        if item.analysis_code not in book.analyses:
            raise RabError(f"analisa {item.analysis_code!r} tidak ada di buku harga paket")
        return book.unit_rate(item.analysis_code)
    if item.custom_rate is not None:
        return item.custom_rate
    raise RabError("item tidak memiliki kode analisa maupun harga khusus")


def _funding_shares(item: Item, amount: Decimal, main: FundingSource, book: PriceBook, where: str,
                    findings: list[Finding]) -> list[tuple[FundingSource, Decimal]]:
    """The item's amount split over its sources (:func:`~dtpl_studio.costing.funding.split_amount`);
    in-kind labour/material are valued from the book (A/D or B/D of the item's analysis). A
    split that cannot be applied is an error finding and the whole amount stays with ``main``."""
    if not item.funding_split:
        return [(main, amount)]
    fractions: dict[FundingSource, Decimal | None] = {}
    if item.analysis_code and item.rate_override is None and item.analysis_code in book.analyses:
        try:
            bd = book.compute(item.analysis_code)
            if bd.d > 0:
                fractions = {FundingSource.SWADAYA_TENAGA: bd.a / bd.d,
                             FundingSource.SWADAYA_BAHAN: bd.b / bd.d}
        except (PriceBookError, ArithmeticError, KeyError):
            fractions = {}
    try:
        return [(s, v) for s, v in split_amount(amount, main, item.funding_split, fractions) if v or s is main]
    except (SplitError, ArithmeticError) as exc:
        findings.append(Finding(Severity.ERROR, f"pembagian sumber dana: {exc}", location=where,
                                code="funding-split", item_id=item.id))
        return [(main, amount)]


class LinkError(ValueError):
    """A linked back-up line whose item cannot give a volume (gone, in error, other unit)."""


class LinkCycleError(LinkError):
    """Linked lines that go round: ``chain`` is the item ids from the first back to it."""

    def __init__(self, chain: tuple[str, ...]):
        super().__init__("tautan volume melingkar")
        self.chain = chain


def line_volume(line: Measurement, unit: str, parameters: dict[str, Parameter],
                linked=None) -> Decimal:
    """The volume of one back-up line in the item's canonical ``unit`` (sign applied).

    * factors: :meth:`Measurement.volume_in`;
    * expression: :func:`~dtpl_studio.costing.expressions.evaluate` with ``parameters``,
      converted to ``unit`` through pint; a dimensionless result on a count item is that
      count (issue 5 fault 6); a negative result is refused (a deduction is ``sign = -1``);
    * link: ``linked(item_id)`` gives the linked item's printed volume and unit, times the
      line's factors, converted to ``unit``.

    Raises:
        ExpressionError: the expression is refused or cannot be evaluated.
        UnitMismatchError / UnknownUnitError: the result's dimension is not ``unit``'s.
        LinkError / LinkCycleError: the linked item gives no volume.
    """
    sign = _SIGNS.get(line.sign) or Decimal(line.sign)
    if line.expression:
        magnitude = evaluate_in(line.expression, parameters, unit, count=_is_count(unit))
        if magnitude < 0:
            raise ExpressionError("hasil ekspresi negatif; pengurangan ditulis sebagai baris "
                                  "'Kurangi'", "expr.negative")
        return sign * magnitude
    if line.link is not None:
        if linked is None:
            raise LinkError("baris tertaut dihitung tanpa paketnya")
        volume, other = linked(line.link)
        magnitude = sign * volume
        for f in line.factors:
            magnitude = magnitude * f.value
        symbols = (other, *(f.unit for f in line.factors))
        factor = product_factor(symbols, unit)
        return magnitude if factor is None else magnitude * factor
    return line.volume_in(unit)


def _inputs(item: Item) -> tuple:
    """What an item's priced row, findings and funding shares follow among its own fields,
    by value: description (it names the item in findings), unit, code, custom rate, reason
    and source, volume, funding and split, override and reason, and every back-up line's sign,
    expression, link and factor values with units. Not ``note``, ids, labels or the jadwal.

    A flat tuple (issue 10: building and comparing it costs about 2 µs an item, a fraction of
    pricing the item again; a tuple of numbers and texts is left alone by the garbage
    collector, a list would be scanned at every full collection).
    """
    out = [item.description, item.unit, item.analysis_code, item.custom_rate, item.custom_reason,
           item.custom_source, item.volume, item.funding, item.rate_override, item.override_reason]
    if item.funding_split:
        out += item.funding_split  # FundingShare is frozen: compared by value
    for m in item.measurements:
        out += (None, m.sign, m.expression, m.link)
        for f in m.factors:
            out += (f.value, f.unit)
    return tuple(out)


def _parameters_key(package: Package) -> tuple:
    return tuple((p.name, p.value, p.unit) for p in package.parameters)


def _item_depends(item: Item) -> frozenset[str]:
    keys: set[str] = set()
    for line in item.measurements:
        if line.expression:
            keys.update("param:" + n for n in names_used(line.expression))
        elif line.link is not None:
            keys.add(line.link)
    return frozenset(keys)


def item_numbers(package: Package) -> dict[str, str]:
    """Item and section id → RAB number (``II.1``) in ``package``."""
    out: dict[str, str] = {}

    def walk(section: Section, number: str, depth: int) -> None:
        out[section.id] = number
        for i, child in enumerate(section.children, start=1):
            num = f"{number}.{child_label(depth + 1, i)}"
            if isinstance(child, Section):
                walk(child, num, depth + 1)
            else:
                out[child.id] = num

    for i, s in enumerate(package.sections, start=1):
        walk(s, roman(i), 0)
    return out


def price_package(package: Package, previous: PricedPackage | None = None,
                  changed: Collection[str] | None = None, *, same_shape: bool = False) -> PricedPackage:
    """Price every item of ``package`` and make its totals (the one calculation path).

    Errors on an item (missing analysis, unit mismatch on a measurement line) do not stop
    the calculation: the item prints with amount 0 and an error finding that says where.

    Incremental recompute (issue 10): with ``previous`` (this package's result before an
    edit) and ``changed`` (ids of the items whose own fields changed since), an item that is
    not in ``changed``, is the same object and keeps its number, label and depth reuses its
    :class:`ItemResult` (row, findings, funding share) instead of being priced again; every
    subtotal, total and package finding is made again. Nothing is reused when the pinned
    book was edited since (its ``revision``) or the volume decimals changed. With
    ``previous`` and ``changed`` None (told nothing), the changed items are found by value:
    an item whose fields differ from those it was priced with (:func:`_inputs`), or whose
    volume follows other items or parameters, is priced again, and the rest reused as after
    a structural edit. The result equals a full recompute (property-tested).

    ``same_shape=True`` promises that no section or item was added, removed or moved since
    ``previous`` (a value edit): then a section holding no changed item is reused whole
    (row, subtotal, findings, funding share) without visiting what it holds, so the cost of
    an edit follows the depth of the tree, not its size.
    """
    # Finding messages here are user-facing (GUI, PDF, CLI) and therefore Indonesian.
    findings: list[Finding] = [note.finding for note in package.load_notes if note.applies()]
    settings = _checked_settings(package, findings)
    q = Decimal(1).scaleb(-settings.volume_decimals)
    by_source_exact: dict[FundingSource, Decimal] = {}
    # the book itself, not its id: a result kept past the life of its book (the memo of
    # price_program) must never match a new book that happens to get the same address
    basis = (package.book, package.book.revision, settings.volume_decimals)
    same_basis = (previous is not None and len(previous.basis) == 3 and previous.basis[0] is package.book
                  and previous.basis[1:] == basis[1:])
    reuse: dict[str, ItemResult] = {}
    reuse_sections: dict[str, ItemResult] = {}
    dirty: set[str] = set()
    params_key = _parameters_key(package)
    seen: list[str] = []
    for prm in package.parameters:  # a stored table may hold what the edits refuse
        problem = (parameter_name_problem(prm.name, seen) or parameter_value_problem(prm.value)
                   or ("" if prm.unit in CANONICAL else f"satuan parameter {prm.unit!r} tidak dikenal"))
        seen.append(prm.name)
        if problem:
            findings.append(Finding(Severity.ERROR, f"parameter {prm.name}: {problem}", location=package.name,
                                    raw=prm.name, code="parameter", params=(("name", prm.name),)))
    dependencies: dict[str, frozenset[str]] = {}
    if (previous is not None and changed is None and previous.package is package
            and same_basis):
        # told nothing: an item is changed when its fields differ from those it was priced
        # with, or when its volume follows other items or parameters; then as a structural edit
        old = previous.item_results
        changed = set()
        for item in package.items():
            result = old.get(item.id)
            if result is None or result.depends or result.inputs != _inputs(item):
                changed.add(item.id)
        same_shape = False
    if previous is not None and changed is not None and previous.package is package and same_basis:
        reuse = previous.item_results
        dependencies = dict(previous.dependencies)
        changed = _with_dependents(changed, dependencies, previous.parameters_key, params_key,
                                   everything=not same_shape)
        if same_shape:
            reuse_sections = previous.section_results
            for node_id in changed:  # the sections above a changed item are priced again
                parent = previous.parents.get(node_id)
                while parent is not None and parent not in dirty:
                    dirty.add(parent)
                    parent = previous.parents.get(parent)
    else:
        changed = ()
    recomputed: set[str] = set()
    parameters = {p.name: p for p in package.parameters}
    item_map: dict[str, Item] = {}
    number_map: dict[str, str] = {}
    link_memo: dict[str, tuple[Decimal, str] | LinkError] = {}
    link_stack: list[str] = []

    def numbers() -> dict[str, str]:
        if not number_map:
            number_map.update(item_numbers(package))
        return number_map

    def exact_of(item: Item) -> Decimal:
        """Σ lines of an item with expression or linked lines (its id on the link stack)."""
        link_stack.append(item.id)
        try:
            total = ZERO
            for line in item.measurements:
                total = total + line_volume(line, item.unit, parameters, linked_volume)
            return total
        finally:
            link_stack.pop()

    def linked_volume(target_id: str) -> tuple[Decimal, str]:
        if target_id in link_stack:
            raise LinkCycleError((*link_stack[link_stack.index(target_id):], target_id))
        known = link_memo.get(target_id)
        if isinstance(known, LinkError):
            raise known
        if known is not None:
            return known
        if not item_map:
            item_map.update((i.id, i) for i in package.items())
        target = item_map.get(target_id)
        if target is None:
            raise LinkError("item tertaut tidak ada lagi di paket ini")
        number = numbers().get(target_id, "?")
        old = reuse.get(target_id)
        if old is not None and target_id not in changed and old.priced.item is target:
            if old.priced.volume is None:
                error = LinkError(f"volume item {number} tidak dapat dihitung")
                link_memo[target_id] = error
                raise error
            result = (old.priced.volume, target.unit)
        else:
            if target.unit not in CANONICAL or not target.unit:
                raise LinkError(f"satuan item {number} tidak dikenal")
            try:
                if any(m.expression or m.link is not None for m in target.measurements):
                    exact = exact_of(target)
                else:
                    exact = target.exact_volume()
            except LinkCycleError:
                raise
            except (ValueError, ArithmeticError) as exc:
                error = LinkError(f"volume item {number} tidak dapat dihitung")
                link_memo[target_id] = error
                raise error from exc
            if not exact.is_finite() or abs(exact) > MAX_VOLUME:
                error = LinkError(f"volume item {number} tidak wajar")
                link_memo[target_id] = error
                raise error
            volume = exact.quantize(q, rounding=ROUND_HALF_UP, context=CONTEXT)
            # what makes the target's own row an error (a negative volume, a line with a
            # negative factor or a sign other than ±1) leaves it without a volume to take,
            # as when its priced row is reused (found by the recompute-reuse class test)
            if volume < 0 or any(m.sign not in (1, -1) or any(f.value.is_finite() and f.value < 0
                                                              for f in m.factors)
                                 for m in target.measurements):
                error = LinkError(f"volume item {number} tidak dapat dihitung")
                link_memo[target_id] = error
                raise error
            result = (volume, target.unit)
        link_memo[target_id] = result
        return result
    # a section whose children all came back as the very results they were is reused too
    prior_sections = previous.section_results if reuse else {}
    # same shape: every node is still there, so the previous maps stay true where not redone
    results: dict[str, ItemResult] = dict(reuse) if reuse_sections else {}
    section_results: dict[str, ItemResult] = dict(reuse_sections) if reuse_sections else {}
    parents: dict[str, str | None] = previous.parents if reuse_sections else {}

    def price_item(item: Item, number: str, label: str, depth: int,
                   inherited: FundingSource = FundingSource.BLM) -> PricedItem:
        where = f"RAB {number} {item.description}"
        if not item.unit or item.unit not in CANONICAL:
            if not item.unit:
                message, code = "satuan item kosong", "unit-empty"
            else:
                message, code = f"satuan item {item.unit!r} tidak dikenal", "unit-unknown"
            findings.append(Finding(Severity.ERROR, message, location=where, raw=item.unit, code=code))
            return PricedItem(item, number, label, depth, None, None, None, ZERO, message)
        exact: Decimal | PricedItem | None = None
        # an item in error is priced 0 everywhere (totals, BLM, funding, rekap, jadwal): its
        # row keeps what could be read and says the error; it never adds a negative amount
        line_error = ""
        for n, line in enumerate(item.measurements, start=1):
            bad = [f for f in line.factors if f.value.is_finite() and f.value < 0]
            if line.sign not in (1, -1):
                message = f"baris back-up {n}: tanda {line.sign} bukan +1 atau −1 (pengurangan)"
                findings.append(Finding(Severity.ERROR, message, location=where, raw=str(line.sign),
                                        code="measurement-sign"))
                line_error = line_error or message
            if bad:
                message = (f"baris back-up {n}: faktor negatif {_fmt(bad[0].value)}; pengurangan ditulis "
                           "sebagai baris 'dikurangi' dengan faktor positif")
                findings.append(Finding(Severity.ERROR, message, location=where, raw=str(bad[0].value),
                                        code="negative-factor"))
                line_error = line_error or message
        if any(m.expression or m.link is not None for m in item.measurements):
            exact = special_volume(item, where, number, label, depth)
            if isinstance(exact, PricedItem):
                return exact
        try:
            exact = item.exact_volume() if exact is None else exact
        except (UnitMismatchError, UnknownUnitError) as exc:
            findings.append(Finding(Severity.ERROR, f"volume: {exc}", location=where, code="measurement-unit"))
            return PricedItem(item, number, label, depth, None, None, None, ZERO, str(exc))
        except ArithmeticError as exc:
            message = f"volume tidak dapat dihitung ({type(exc).__name__})"
            findings.append(Finding(Severity.ERROR, message, location=where, code="implausible-volume"))
            return PricedItem(item, number, label, depth, None, None, None, ZERO, message)
        if not exact.is_finite() or abs(exact) > MAX_VOLUME:
            message = f"volume {_fmt(exact)} tidak wajar (batas {_fmt(MAX_VOLUME)})"
            findings.append(Finding(Severity.ERROR, message, location=where, raw=str(exact), code="implausible-volume",
                                    params=(("value", _fmt(exact)), ("limit", _fmt(MAX_VOLUME)))))
            return PricedItem(item, number, label, depth, None, None, None, ZERO, message)
        volume = exact.quantize(q, rounding=ROUND_HALF_UP, context=CONTEXT)
        if line_error:
            return PricedItem(item, number, label, depth, exact, None, None, ZERO, line_error)
        if volume < 0:
            message = f"volume negatif {_fmt(volume)}: pengurangan melebihi pekerjaan"
            findings.append(Finding(Severity.ERROR, message, location=where, raw=str(volume),
                                    code="negative-volume", params=(("value", _fmt(volume)),)))
            return PricedItem(item, number, label, depth, exact, None, None, ZERO, message)
        try:
            rate = item_rate(item, package.book)
        except (RabError, PriceBookError) as exc:
            findings.append(Finding(Severity.ERROR, str(exc), location=where, code="rate"))
            return PricedItem(item, number, label, depth, exact, volume, None, ZERO, str(exc))
        except ArithmeticError as exc:
            message = f"harga satuan tidak dapat dihitung ({type(exc).__name__})"
            findings.append(Finding(Severity.ERROR, message, location=where, code="rate"))
            return PricedItem(item, number, label, depth, exact, volume, None, ZERO, message)
        if not rate.is_finite() or abs(rate) > MAX_RATE:
            message = f"harga satuan Rp {_fmt(rate)} tidak wajar (batas Rp {_fmt(MAX_RATE)})"
            findings.append(Finding(Severity.ERROR, message, location=where, raw=str(rate), code="implausible-rate",
                                    params=(("value", _fmt(rate)), ("limit", _fmt(MAX_RATE)))))
            return PricedItem(item, number, label, depth, exact, volume, None, ZERO, message)
        if rate < 0:
            message = f"harga satuan negatif Rp {_fmt(rate)}"
            findings.append(Finding(Severity.ERROR, message, location=where, raw=str(rate), code="negative-rate"))
            return PricedItem(item, number, label, depth, exact, volume, None, ZERO, message)
        if rate == 0:
            # an unpriced line (a RAB imported with its rates still empty, a custom rate left at
            # 0) is not a free one: it is in error until priced, so the document prints DRAFT
            message = "harga satuan Rp 0: item belum dihargai"
            findings.append(Finding(Severity.ERROR, message, location=where, raw="0", code="zero-rate",
                                    remedy="isi harga satuannya (analisa, harga khusus dengan sumbernya, "
                                           "atau hapus itemnya)"))
            return PricedItem(item, number, label, depth, exact, volume, rate, ZERO, message)
        amount = round_rupiah(volume * rate)
        split_findings: list[Finding] = []
        shares = _funding_shares(item, amount, item.funding or inherited, package.book, where, split_findings)
        findings.extend(split_findings)
        if split_findings:  # a split that cannot be applied: the item is in error, priced 0
            return PricedItem(item, number, label, depth, exact, volume, rate, ZERO, split_findings[0].message)
        for source, share in shares:
            by_source_exact[source] = by_source_exact.get(source, ZERO) + share
        if item.rate_override is not None and not item.override_reason:
            findings.append(Finding(Severity.WARNING, "harga satuan diganti tanpa alasan", location=f"RAB {number}", code="override"))
        if item.analysis_code is None and item.custom_rate is not None and not item.custom_reason:
            findings.append(Finding(Severity.WARNING, "harga khusus tanpa alasan", location=f"RAB {number}", code="custom-rate"))
        if volume == 0:
            findings.append(Finding(Severity.WARNING, "volume nol", location=where, code="zero-volume"))
        return PricedItem(item, number, label, depth, exact, volume, rate, amount, "", tuple(shares))

    def special_volume(item: Item, where: str, number: str, label: str, depth: int) -> Decimal | PricedItem:
        """The exact volume of an item with expression or linked lines, or its error row; an
        error names the line (``baris back-up 2: …``) and, for a cycle, the chain."""
        total = ZERO
        for n, line in enumerate(item.measurements, start=1):
            link_stack.append(item.id)
            try:
                total = total + line_volume(line, item.unit, parameters, linked_volume)
            except LinkCycleError as exc:
                chain = " → ".join(numbers().get(i, "?") for i in exc.chain)
                message = f"baris back-up {n}: tautan volume melingkar {chain}"
                findings.append(Finding(Severity.ERROR, message, location=where, code="measurement-link-cycle",
                                        params=(("line", str(n)), ("chain", chain))))
                return PricedItem(item, number, label, depth, None, None, None, ZERO, message)
            except (ExpressionError, LinkError, UnitMismatchError, UnknownUnitError) as exc:
                code = ("measurement-expression" if line.expression else
                        "measurement-link" if line.link is not None else "measurement-unit")
                message = f"baris back-up {n}: {exc}"
                findings.append(Finding(Severity.ERROR, message, location=where, code=code,
                                        raw=line.expression, params=(("line", str(n)),)))
                return PricedItem(item, number, label, depth, None, None, None, ZERO, message)
            finally:
                link_stack.pop()
        return total

    def item_result(item: Item, number: str, label: str, depth: int,
                    inherited: FundingSource = FundingSource.BLM) -> ItemResult:
        old = reuse.get(item.id)
        if old is not None and item.id not in changed and old.inherited == inherited:
            pi = old.priced
            if pi.item is item and pi.label == label and pi.depth == depth and pi.number == number:
                findings.extend(old.findings)
                for source, share in old.by_source:
                    by_source_exact[source] = by_source_exact.get(source, ZERO) + share
                results[item.id] = old
                return old
        start = len(findings)
        before = dict(by_source_exact)
        pi = price_item(item, number, label, depth, inherited)
        for k in range(start, len(findings)):  # the item's findings name it by id
            findings[k] = replace(findings[k], item_id=item.id, package_id=package.id)
        shares = tuple((source, total - before.get(source, ZERO))
                       for source, total in by_source_exact.items() if before.get(source) is not total)
        depends = _item_depends(item) if item.measurements else frozenset()
        result = results[item.id] = ItemResult(pi, tuple(findings[start:]), shares, inherited, depends,
                                               inputs=_inputs(item))
        recomputed.add(item.id)
        if depends:
            dependencies[item.id] = depends
        else:
            dependencies.pop(item.id, None)
        return result

    def price_section(section: Section, number: str, label: str, depth: int,
                      inherited: FundingSource = FundingSource.BLM
                      ) -> tuple[list[PricedSection | PricedItem], Decimal, list[Digest]]:
        inherited = section.funding or inherited
        children: list[PricedSection | PricedItem] = []
        digests: list[Digest | PricedItem] = []
        total = ZERO
        for i, child in enumerate(section.children, start=1):
            lab = child_label(depth + 1, i)
            num = f"{number}.{lab}"
            if not reuse_sections:
                parents[child.id] = section.id
            is_section = isinstance(child, Section)
            if is_section:
                result = section_result(child, num, lab, depth + 1, inherited)
                total += result.priced.total
            else:
                result = item_result(child, num, lab, depth + 1, inherited)
                total += result.priced.amount
            children.append(result.priced)
            digests.append(result.digest if is_section else result.priced)
        return children, total, digests

    def section_result(section: Section, number: str, label: str, depth: int,
                       inherited: FundingSource = FundingSource.BLM) -> ItemResult:
        old = reuse_sections.get(section.id)
        if (old is not None and section.id not in dirty and section.id not in changed
                and old.inherited == inherited):
            ps = old.priced
            if ps.section is section and ps.label == label and ps.depth == depth and ps.number == number:
                findings.extend(old.findings)
                for source, share in old.by_source:
                    by_source_exact[source] = by_source_exact.get(source, ZERO) + share
                return old
        start = len(findings)
        before = dict(by_source_exact)
        children, total, digests = price_section(section, number, label, depth, inherited)
        old = prior_sections.get(section.id)
        if old is not None and old.inherited == inherited and old.kind == section.kind:
            ps = old.priced  # every child the very result it was: so is the section
            if (ps.section is section and ps.label == label and ps.depth == depth and ps.number == number
                    and len(ps.children) == len(children)
                    and all(a is b for a, b in zip(ps.children, children, strict=True))):
                section_results[section.id] = old
                return old
        shares = tuple((source, amount - before.get(source, ZERO))
                       for source, amount in by_source_exact.items() if before.get(source) is not amount)
        result = section_results[section.id] = ItemResult(
            PricedSection(section, number, label, depth, total, tuple(children)), tuple(findings[start:]),
            shares, inherited, digest=merge(digests, section.kind, package.book), kind=section.kind)
        return result

    if not reuse_sections:
        for s in package.sections:
            parents[s.id] = None
    top = [section_result(s, roman(i), roman(i), 0) for i, s in enumerate(package.sections, start=1)]
    sections = tuple(r.priced for r in top)
    direct = sum((s.total for s in sections), ZERO)
    ppn = round_rupiah(direct * settings.ppn_rate)
    total = direct + ppn
    rounded = settings.total_rounding.apply(total)
    by_source: dict[FundingSource, Decimal] = {}
    shares_exact: dict[FundingSource, Decimal] = {}
    for source, amount in by_source_exact.items():
        share = amount + round_rupiah(amount * settings.ppn_rate)
        shares_exact[source] = share
        by_source[source] = settings.total_rounding.apply(share)
    if settings.ppn_rate > 0 and package.ksm:
        findings.append(Finding(Severity.WARNING, "PPN pada paket swakelola KSM tidak lazim", location=package.name, code="ppn-ksm"))
    if rounded < 0:
        findings.append(Finding(Severity.ERROR, "total paket negatif: pengurangan melebihi pekerjaan", location=package.name, code="negative-total"))
        words = "minus " + _words(-rounded)
    else:
        words = _words(rounded)
    return PricedPackage(
        package, sections, direct, ppn, total, rounded, words, by_source, tuple(findings),
        by_source_exact=shares_exact,
        item_results=results, basis=basis, section_results=section_results, parents=parents,
        dependencies=dependencies if reuse_sections else {k: v for k, v in dependencies.items() if k in results},
        parameters_key=params_key, recomputed=frozenset(recomputed),
        digest=merge([r.digest for r in top]),
    )


def _with_dependents(changed: Collection[str], dependencies: dict[str, frozenset[str]],
                     old_params: tuple, new_params: tuple, *, everything: bool) -> set[str]:
    """``changed`` with every item whose volume follows a changed item (a linked line, at
    any distance) or a changed parameter (``old_params`` → ``new_params``); ``everything``
    (a structural edit: an item may have gone or moved) adds every item that depends on
    anything."""
    out = set(changed)
    keys = set(changed)
    if old_params != new_params:
        keys.update("param:" + name for name, *_ in set(old_params) ^ set(new_params))
    if everything:
        out.update(dependencies)
        keys.update(dependencies)
    if not dependencies:
        return out
    reverse: dict[str, list[str]] = {}
    for item_id, depends in dependencies.items():
        for key in depends:
            reverse.setdefault(key, []).append(item_id)
    frontier = list(keys)
    while frontier:
        for item_id in reverse.get(frontier.pop(), ()):
            if item_id not in out:
                out.add(item_id)
                frontier.append(item_id)
    return out


@lru_cache(maxsize=256)
def _words(amount: Decimal) -> str:
    """*Terbilang* of a non-negative amount; a rounding step in sen (0,01..) can leave sen,
    which are said after the rupiah ("… rupiah sembilan puluh sen")."""
    whole = amount.to_integral_value(rounding=ROUND_DOWN)
    sen = ((amount - whole) * 100).to_integral_value(rounding=ROUND_HALF_UP)
    return terbilang(whole) if sen == 0 else f"{terbilang(whole)} {terbilang(sen, suffix='sen')}"


def _checked_settings(package: Package, findings: list[Finding]) -> PackageSettings:
    """The package settings, each in its range; an out-of-range one is an error finding and
    the default is used for the calculation (the package itself is not changed).

    Ranges: ``volume_decimals`` 0..:data:`MAX_VOLUME_DECIMALS`; ``ppn_rate`` 0..1;
    ``total_rounding.step`` 0 or a whole number in :data:`MIN_ROUNDING_STEP`..:data:`MAX_ROUNDING_STEP`.
    """
    s = package.settings
    default = PackageSettings()
    decimals, ppn, rounding = s.volume_decimals, s.ppn_rate, s.total_rounding
    where = package.name
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= MAX_VOLUME_DECIMALS:
        findings.append(Finding(
            Severity.ERROR, f"jumlah desimal volume {decimals} di luar 0..{MAX_VOLUME_DECIMALS}; "
            f"dihitung dengan {default.volume_decimals}", location=where, raw=str(decimals),
            code="volume-decimals"))
        decimals = default.volume_decimals
    if not isinstance(ppn, Decimal) or not ppn.is_finite() or not ZERO <= ppn <= MAX_PPN_RATE:
        findings.append(Finding(
            Severity.ERROR, f"tarif {s.ppn_label or 'PPN'} {ppn} di luar 0..1 (0,11 = 11 %); dihitung "
            "tanpa PPN", location=where, raw=str(ppn), code="ppn-rate"))
        ppn = ZERO
    step = rounding.step
    if not step.is_finite() or not (step == 0 or (
            MIN_ROUNDING_STEP <= step <= MAX_ROUNDING_STEP and step == step.to_integral_value())):
        findings.append(Finding(
            Severity.ERROR, f"kelipatan pembulatan total {_fmt(step) if step.is_finite() else step} "
            "bukan 0 atau rupiah bulat 1..10^12; dihitung tanpa pembulatan", location=where,
            raw=str(step), code="total-rounding"))
        rounding = RoundingRule(ZERO, rounding.mode)
    if (decimals, ppn, rounding) == (s.volume_decimals, s.ppn_rate, s.total_rounding):
        return s
    return PackageSettings(decimals, ppn, s.ppn_label, rounding)


def effective_settings(package: Package) -> PackageSettings:
    """The settings :func:`price_package` calculates with: the package's own, or the default
    for each one out of its range (see :func:`_checked_settings`; the findings are
    :func:`price_package`'s)."""
    return _checked_settings(package, [])


#: the programme priced last and its result: :func:`price_program` called again on the same
#: programme without ``previous`` (the PDF and xlsx exports, ``check``, a second window
#: update) reuses what did not change, found by value (issue 10); one entry, replaced by
#: every call, so a programme no longer priced is kept only until the next one is
_LAST: list[tuple[Program, PricedProgram]] = []


def price_program(program: Program, previous: PricedProgram | None = None,
                  changed: Collection[str] | None = None, *, same_shape: bool = False,
                  fresh: bool = False) -> PricedProgram:
    """Price all packages and check the BLM ceilings on the rounded BLM shares.

    ``previous``/``changed``/``same_shape``: reprice only the changed items (see
    :func:`price_package`). Without ``previous``, the result of the last call on this same
    programme object (if it was the last one priced) serves as ``previous`` with ``changed``
    None: items are reused only where their fields are equal by value to those they were
    priced with, so the result is that of a full recompute (property-tested). ``fresh=True``
    prices everything again and reuses nothing (the reference the tests compare against).
    """
    if fresh or (_LAST and _LAST[0][0] is not program):
        _LAST.clear()  # let the result no longer wanted go before this one is made
    if fresh:
        previous = None
    elif previous is None and _LAST:
        previous, changed, same_shape = _LAST[0][1], None, False
    before = {id(pp.package): pp for pp in previous.packages} if previous is not None else {}
    priced = tuple(price_package(p, before.get(id(p)), changed, same_shape=same_shape)
                   for p in program.packages)
    blm: dict[Component, Decimal] = {Component.PERENCANAAN: ZERO, Component.FISIK: ZERO}
    for pp in priced:
        blm[pp.package.component] = blm.get(pp.package.component, ZERO) + pp.by_source.get(FundingSource.BLM, ZERO)
    rules = applicable_rules(program.rules, program.program, program.fiscal_year)
    # a ceiling or allocation the file held unreadable or out of range: could not check
    unread = unread_values(note for p in program.packages for note in p.load_notes)
    checks = tuple(check_ceilings(
        blm, rules, program.blm_allocation,
        unread_rules=[r for r in rules if (id(r), "ceiling") in unread],
        allocation_unread=(id(program), "blm_allocation") in unread))
    from dtpl_studio.costing.blm import judge

    result = PricedProgram(program, priced, blm, checks, judge(program, priced, checks))
    _LAST[:] = [(program, result)]
    return result


__all__ = [
    "ONE", "Factor", "Item", "ItemResult", "Measurement", "Package", "PackageSettings", "PricedItem",
    "PricedPackage", "PricedProgram", "PricedSection", "Program", "RabError", "RowKind",
    "Section", "Signatory", "child_label", "effective_settings", "item_rate", "price_package", "price_program", "roman",
]
