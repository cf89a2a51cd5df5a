"""Rekap kebutuhan bahan & tenaga kerja: the material, labour and equipment schedule of a
priced package or of the whole programme (issue 10 point 6, DOMAIN.md §5.4: "Σ over items of
volume × coefficient, per resource. Converted back to purchase units").

What it computes, per resource (one row per *resource and price*: the same resource priced
differently by two pinned books is two rows):

* quantity = Σ over the items priced from an analysis of *printed volume × coefficient*,
  walking sub-analyses (a line that is another analysis contributes that analysis' own
  resources times its coefficient), in the resource's unit (a line written in another unit of
  the same dimension is converted through the one unit registry, as pricing does);
* harga satuan = the resource's price in the pinned book (or the line's own pinned price);
* jumlah = printed quantity × harga satuan, rounded to whole rupiah (the row rule of
  DESIGN.md §5: every printed row reconciles);
* the items that contribute, with their share.

Labour is in OH (*orang-hari* = HOK, person-days) per role (Pekerja, Tukang batu, Mandor…);
OJ rows stay OJ (DOMAIN.md §2.2: never convert implicitly).

The walk over an analysis and its sub-analyses is the pricing walk itself:
:meth:`~dtpl_studio.costing.pricebook.PriceBook.compute` (memoised) gives every line with its
price and amount, already unit-converted and checked for cycles; this module only
multiplies those lines by the volumes and, for a sub-analysis line, by its coefficient.

Reconciliation (tested): for the items broken down,

    Σ item amounts = Σ resource amounts + E + pembulatan harga satuan (+ harga analisa
    turunan diganti) + pembulatan jumlah

exactly, before any display rounding, where for every item of printed volume V and rate F:
E = V × E of its analysis (+ V × coefficient × E of each sub-analysis); pembulatan harga
satuan = V × (F − F exact) (the book's step, e.g. down to Rp 100, also inside
sub-analyses); harga analisa turunan diganti = V × coefficient × (pinned price − sub F) for a
sub-analysis line whose price the book pins; pembulatan jumlah = amount − V × F (the RAB row
rounded to the rupiah). The schedule prints each of these as its own line, so that

    Σ printed resource amounts + printed adjustment lines + items not broken down
    = the RAB's JUMLAH BIAYA LANGSUNG

to the rupiah; the last adjustment line (*selisih pembulatan*) takes the RAB rows' rounding
to the rupiah plus the rounding of each printed resource row and of the other lines (a few
rupiah per row at most).

Items not broken down: an item with a rate override (the override replaces the analysis'
rate, so its amount is no longer volume × Σ coefficient × price), an item with a custom rate
(no analysis), and an item that could not be priced (error, amount 0). They are listed with
their amount.

Purchase units (DOMAIN.md §2.2): :class:`PurchaseTable` (data, ``unit_prices/purchase-units.csv``)
gives e.g. "Semen portland: zak = 50 kg"; a resource whose name is in the table gets its
quantity in that unit too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import StrEnum
from functools import lru_cache

from dtpl_studio.costing.formatting import format_percent
from dtpl_studio.costing.money import CONTEXT, ZERO, round_rupiah
from dtpl_studio.costing.pricebook import (
    LineKind,
    PriceBook,
    PriceBookError,
    ResourceKind,
    unit_price_only,
)
from dtpl_studio.costing.rab import PricedItem, PricedPackage, PricedProgram
from dtpl_studio.costing.units import (
    CANONICAL,
    UnitMismatchError,
    UnknownUnitError,
    conversion_factor,
)

#: A printed quantity has the package's volume decimals (DESIGN.md §5: "volume to the
#: project's decimals (default 2)") plus :data:`EXTRA_DECIMALS`, so 4 by default: the printed
#: row is *quantity × harga satuan rounded to the rupiah* (every printed row reconciles), and
#: with 2 decimals a resource priced per m3 (timber at Rp 10 juta/m3) would move its row by
#: up to Rp 50.000; with 4 the demo programme's rows differ from the exact amounts by Rp 1 in
#: total. Purchase quantities (zak, m3 bought) keep the volume decimals.
EXTRA_DECIMALS = 2
#: Volume decimals used when the package's setting is out of range (as pricing does).
DEFAULT_VOLUME_DECIMALS = 2
MAX_VOLUME_DECIMALS = 6

#: Row order of the schedule: tenaga kerja, bahan, peralatan (the A/B/C of an analysis).
KIND_ORDER = (ResourceKind.LABOUR, ResourceKind.MATERIAL, ResourceKind.EQUIPMENT)


class PurchaseTableError(ValueError):
    """A purchase-unit table that cannot be read (missing column, bad number, unknown unit);
    the message names the source and the line."""


@dataclass(frozen=True, slots=True)
class PurchaseUnit:
    """One purchase-unit conversion: one ``unit`` (``zak``) holds ``content``
    ``content_unit`` (``50 kg``) of the resource named ``resource``."""

    resource: str
    unit: str
    content: Decimal
    content_unit: str
    label: str
    source: str


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class PurchaseTable:
    """Purchase-unit conversions by resource name (case and repeated spaces ignored)."""

    rows: tuple[PurchaseUnit, ...] = ()
    source: str = ""

    def for_resource(self, name: str) -> tuple[PurchaseUnit, ...]:
        key = _fold(name)
        return tuple(r for r in self.rows if _fold(r.resource) == key)


PURCHASE_COLUMNS = ("resource", "purchase_unit", "content", "content_unit", "label", "source")


def read_purchase_table(text: str, source: str = "purchase-units.csv") -> PurchaseTable:
    """Parse a purchase-unit CSV (columns :data:`PURCHASE_COLUMNS`, UTF-8 text, header row).

    ``content`` is a plain decimal (``50``, ``7.40``); units are canonical symbols of
    :data:`~dtpl_studio.costing.units.CANONICAL`.

    Raises:
        PurchaseTableError: a missing column, an empty resource, a content that is not a
            positive number, or a unit that is not canonical (message: source, line, value).
    """
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in PURCHASE_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise PurchaseTableError(f"{source}: kolom {', '.join(missing)} tidak ada")
    rows = []
    for n, raw in enumerate(reader, start=2):
        where = f"{source} baris {n}"
        name = (raw["resource"] or "").strip()
        if not name:
            raise PurchaseTableError(f"{where}: nama sumber daya kosong")
        try:
            content = Decimal((raw["content"] or "").strip())
        except InvalidOperation:
            raise PurchaseTableError(f"{where}: isi {raw['content']!r} bukan angka") from None
        if not content.is_finite() or content <= 0:
            raise PurchaseTableError(f"{where}: isi {raw['content']!r} harus lebih dari 0")
        unit, content_unit = (raw["purchase_unit"] or "").strip(), (raw["content_unit"] or "").strip()
        for value in (unit, content_unit):
            if value not in CANONICAL or not value:
                raise PurchaseTableError(f"{where}: satuan {value!r} tidak dikenal")
        rows.append(PurchaseUnit(name, unit, content, content_unit,
                                 (raw["label"] or "").strip() or unit, (raw["source"] or "").strip()))
    return PurchaseTable(tuple(rows), source)


@lru_cache(maxsize=1)
def shipped_purchase_table() -> PurchaseTable:
    """The table shipped in ``unit_prices/purchase-units.csv`` (read once).

    Raises:
        PurchaseTableError: the shipped file is malformed.
    """
    from dtpl_studio._data import data_path

    path = data_path("unit_prices", "purchase-units.csv")
    return read_purchase_table(path.read_text(encoding="utf-8"), "unit_prices/purchase-units.csv")


# -- results -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Contribution:
    """What one RAB item adds to one resource: ``quantity`` (exact, the resource's unit;
    None for a % of material line) and ``amount`` (exact rupiah)."""

    package: str
    number: str
    description: str
    quantity: Decimal | None
    amount: Decimal
    item_id: str = ""
    package_id: str = ""


@dataclass(frozen=True, slots=True)
class PurchaseQuantity:
    """A resource quantity in a purchase unit (``481,82 zak 50 kg``)."""

    unit: PurchaseUnit
    quantity_exact: Decimal
    quantity: Decimal


@dataclass(frozen=True, slots=True)
class ResourceNeed:
    """One row of the schedule.

    Attributes:
        kind: tenaga kerja / bahan / peralatan.
        key: identity of the row (resource key, or the line's own pinned price).
        code, name, unit: as the book lists the resource (unit = its canonical symbol).
        price: harga satuan (Rp per ``unit``); None for a "% of material" equipment line.
        quantity_exact: Σ contributions, unrounded; None for a "% of material" line.
        quantity: ``quantity_exact`` rounded half up to the schedule's decimals (printed).
        amount: printed jumlah: ``round_rupiah(quantity × price)`` (a % line: its exact
            amount rounded to the rupiah).
        amount_exact: Σ of the contributions' exact amounts (what pricing used).
        purchase: the quantity in each purchase unit the table knows for this resource.
        contributions: the items that use it, in RAB order.
    """

    kind: ResourceKind
    key: tuple
    code: str
    name: str
    unit: str
    price: Decimal | None
    quantity_exact: Decimal | None
    quantity: Decimal | None
    amount: Decimal
    amount_exact: Decimal
    purchase: tuple[PurchaseQuantity, ...] = ()
    contributions: tuple[Contribution, ...] = ()


class NotBrokenReason(StrEnum):
    OVERRIDE = "override"  # analysis rate replaced by an own rate (with reason)
    CUSTOM = "custom"  # no analysis: custom rate or lump sum
    ERROR = "error"  # could not be priced (amount 0)
    HSPK = "hspk"  # an HSPK work item: the decree publishes its unit price only


#: Group names as printed (window, PDF, CSV): Indonesian, like the core's finding texts.
KIND_TEXT: dict[ResourceKind, str] = {
    ResourceKind.LABOUR: "Tenaga kerja",
    ResourceKind.MATERIAL: "Bahan",
    ResourceKind.EQUIPMENT: "Peralatan",
}
REASON_TEXT: dict[NotBrokenReason, str] = {
    NotBrokenReason.OVERRIDE: "harga satuan diganti",
    NotBrokenReason.CUSTOM: "harga khusus, tanpa analisa",
    NotBrokenReason.ERROR: "tidak dapat dihitung",
    NotBrokenReason.HSPK: "harga satuan HSPK, tanpa rincian",
}
@dataclass(frozen=True, slots=True)
class NotBrokenDown:
    """An item the schedule cannot break into resources, with its RAB amount."""

    package: str
    number: str
    description: str
    unit: str
    volume: Decimal | None
    rate: Decimal | None
    amount: Decimal
    reason: NotBrokenReason
    note: str = ""
    item_id: str = ""
    package_id: str = ""


class AdjustmentKind(StrEnum):
    OVERHEAD = "overhead"  # E, biaya umum dan keuntungan
    RATE_ROUNDING = "rate-rounding"  # F rounded by the book's step
    SUB_PRICE = "sub-price"  # a sub-analysis line priced by a pinned price instead of its F
    ROUNDING = "rounding"  # RAB rows and printed rows rounded to the rupiah


#: Indonesian wording of each adjustment line (printed and shown).
ADJUSTMENT_TEXT: dict[AdjustmentKind, str] = {
    AdjustmentKind.OVERHEAD: "Biaya umum dan keuntungan (E) dalam harga satuan pekerjaan",
    AdjustmentKind.RATE_ROUNDING: "Pembulatan harga satuan pekerjaan (F) menurut aturan buku harga",
    AdjustmentKind.SUB_PRICE: "Harga analisa turunan yang ditetapkan buku (bukan F analisa turunan)",
    AdjustmentKind.ROUNDING: "Selisih pembulatan: jumlah tiap item RAB dan tiap baris rekap "
                             "dibulatkan ke rupiah",
}


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A line that explains why Σ resource amounts differs from the items' amounts.

    ``amount`` is printed (whole rupiah); ``exact`` is the unrounded value the calculation
    gives (for :attr:`AdjustmentKind.ROUNDING`: Σ (item amount − V × F), the RAB rows'
    own rounding; the printed line also holds the printed rows' rounding)."""

    kind: AdjustmentKind
    amount: Decimal
    exact: Decimal

    @property
    def text(self) -> str:
        return ADJUSTMENT_TEXT[self.kind]


@dataclass(frozen=True, slots=True)
class Schedule:
    """The rekap kebutuhan of one package or of the programme.

    Invariant (printed figures, whole rupiah):
    ``resources_total + adjustments_total + not_broken_down_total == direct``.
    """

    title: str
    decimals: int
    resources: tuple[ResourceNeed, ...]
    not_broken_down: tuple[NotBrokenDown, ...]
    adjustments: tuple[Adjustment, ...]
    #: Σ JUMLAH BIAYA LANGSUNG of the packages covered
    direct: Decimal
    #: Σ amounts of the items broken down (= direct − not broken down)
    broken_down: Decimal
    packages: tuple[str, ...] = ()

    def by_kind(self, kind: ResourceKind) -> tuple[ResourceNeed, ...]:
        return tuple(r for r in self.resources if r.kind is kind)

    def kind_total(self, kind: ResourceKind) -> Decimal:
        return sum((r.amount for r in self.resources if r.kind is kind), ZERO)

    @property
    def resources_total(self) -> Decimal:
        return sum((r.amount for r in self.resources), ZERO)

    @property
    def adjustments_total(self) -> Decimal:
        return sum((a.amount for a in self.adjustments), ZERO)

    @property
    def not_broken_down_total(self) -> Decimal:
        return sum((n.amount for n in self.not_broken_down), ZERO)

    def person_days(self) -> Decimal:
        """Σ printed labour quantities in OH (HOK); OJ rows are not added in."""
        return sum((r.quantity for r in self.resources
                    if r.kind is ResourceKind.LABOUR and r.unit == "OH" and r.quantity is not None),
                   ZERO)

    def adjustment(self, kind: AdjustmentKind) -> Adjustment | None:
        return next((a for a in self.adjustments if a.kind is kind), None)


# -- per unit of an analysis -------------------------------------------------------------

@dataclass(slots=True)
class _Need:
    """A resource per one unit of an analysis (or summed over items)."""

    kind: ResourceKind
    code: str
    name: str
    unit: str
    price: Decimal | None
    quantity: Decimal | None
    amount: Decimal


@dataclass(slots=True)
class _UnitNeeds:
    """Everything one unit of an analysis costs: F = Σ needs' amounts + overhead +
    rate_rounding + sub_price (exactly, up to 34 digits)."""

    needs: dict[tuple, _Need] = field(default_factory=dict)
    overhead: Decimal = ZERO
    rate_rounding: Decimal = ZERO
    sub_price: Decimal = ZERO


def _add(needs: dict[tuple, _Need], key: tuple, need: _Need, factor: Decimal) -> None:
    quantity = None if need.quantity is None else need.quantity * factor
    amount = need.amount * factor
    old = needs.get(key)
    if old is None:
        needs[key] = _Need(need.kind, need.code, need.name, need.unit, need.price, quantity, amount)
    else:
        if old.quantity is not None and quantity is not None:
            old.quantity += quantity
        old.amount += amount


def unit_needs(book: PriceBook, code: str, memo: dict | None = None) -> _UnitNeeds:
    """The resources of one unit of analysis ``code``, sub-analyses expanded, from the
    pricing walk (:meth:`PriceBook.compute`).

    Raises:
        KeyError: no analysis ``code``.
        PriceBookError: the analysis cannot be priced (missing resource, cycle, unit).
        UnitMismatchError: a line's unit does not convert to its resource's (pricing raises
            first).
    """
    memo = {} if memo is None else memo
    if code in memo:
        return memo[code]
    bd = book.compute(code)  # the one pricing walk: prices, unit conversion, cycle check
    result = _UnitNeeds()
    with localcontext(CONTEXT):
        for priced in (*bd.labour, *bd.material, *bd.equipment):
            line = priced.line
            if line.kind is LineKind.SUB_ANALYSIS:
                sub = unit_needs(book, line.ref, memo)
                c = line.coefficient
                for key, need in sub.needs.items():
                    _add(result.needs, key, need, c)
                result.overhead += c * sub.overhead
                result.rate_rounding += c * sub.rate_rounding
                result.sub_price += c * sub.sub_price
                if line.price_override is not None:
                    result.sub_price += c * (line.price_override - book.compute(line.ref).f)
                continue
            if line.kind is LineKind.PCT_OF_MATERIAL:
                key = ("pct", priced.description, str(line.coefficient))
                name = f"{priced.description} ({format_percent(line.coefficient)} bahan)"
                need = _Need(ResourceKind.EQUIPMENT, "", name, "%", None, None, priced.amount)
                _add(result.needs, key, need, Decimal(1))
                continue
            kind = ResourceKind(line.kind.value)
            if line.price_override is not None:
                key = ("line", kind.value, line.ref, priced.unit, str(line.price_override))
                need = _Need(kind, "", priced.description, priced.unit, line.price_override,
                             line.coefficient, priced.amount)
            else:
                res = book.resources[line.ref]
                factor = Decimal(1) if priced.unit == res.unit else conversion_factor(priced.unit, res.unit)
                key = ("res", kind.value, res.key, res.unit, str(res.price))
                need = _Need(kind, res.code, res.name, res.unit, res.price,
                             line.coefficient * factor, priced.amount)
            _add(result.needs, key, need, Decimal(1))
        result.overhead += bd.e
        result.rate_rounding += bd.f - bd.f_exact
    memo[code] = result
    return result


# -- schedules ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Acc:
    need: _Need
    contributions: list[Contribution]


def _volume_decimals(pp: PricedPackage) -> int:
    d = pp.package.settings.volume_decimals
    if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= MAX_VOLUME_DECIMALS:
        return DEFAULT_VOLUME_DECIMALS
    return d


def _shown(value: Decimal, decimals: int) -> Decimal:
    shown = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=CONTEXT)
    return abs(shown) if shown == 0 else shown


def _not_broken(pp: PricedPackage, pi: PricedItem, reason: NotBrokenReason, note: str) -> NotBrokenDown:
    return NotBrokenDown(pp.package.name, pi.number, pi.item.description, pi.item.unit, pi.volume,
                         pi.rate, pi.amount, reason, note, pi.item.id, pp.package.id)


def schedule_packages(packages: Iterable[PricedPackage], title: str,
                      purchase: PurchaseTable | None = None,
                      decimals: int | None = None) -> Schedule:
    """The schedule of several priced packages together (rows merged by resource and price).

    Args:
        packages: priced packages (from :func:`~dtpl_studio.costing.rab.price_package`).
        title: printed title (package name, or the programme).
        purchase: purchase-unit table; None = :func:`shipped_purchase_table`.
        decimals: decimals of the printed quantities; None = the largest volume decimals
            of the packages + :data:`EXTRA_DECIMALS` (4 by default). Purchase quantities
            are printed with ``decimals − EXTRA_DECIMALS`` (at least 0).

    Returns:
        A :class:`Schedule` whose printed figures reconcile with Σ JUMLAH BIAYA LANGSUNG.

    Never raises for a bad item: an item whose analysis cannot be expanded is listed as not
    broken down (reason error), like an item in error.
    """
    with localcontext(CONTEXT):  # 34 digits, half up, for every sum and product below
        return _schedule(tuple(packages), title, purchase, decimals)


def _schedule(packages: tuple[PricedPackage, ...], title: str, purchase: PurchaseTable | None,
              decimals: int | None) -> Schedule:
    purchase = shipped_purchase_table() if purchase is None else purchase
    if decimals is None:
        decimals = EXTRA_DECIMALS + max((_volume_decimals(pp) for pp in packages),
                                        default=DEFAULT_VOLUME_DECIMALS)
    purchase_decimals = max(decimals - EXTRA_DECIMALS, 0)
    acc: dict[tuple, _Acc] = {}
    not_broken: list[NotBrokenDown] = []
    overhead = rate_rounding = sub_price = amount_rounding = ZERO
    direct = broken = ZERO
    for pp in packages:
        direct += pp.direct
        memo: dict = {}
        book = pp.package.book
        for pi in pp.items():
            item = pi.item
            if pi.error or pi.rate is None or pi.volume is None:
                not_broken.append(_not_broken(pp, pi, NotBrokenReason.ERROR, pi.error))
                continue
            if item.rate_override is not None:
                not_broken.append(_not_broken(pp, pi, NotBrokenReason.OVERRIDE, item.override_reason))
                continue
            if not item.analysis_code:
                not_broken.append(_not_broken(pp, pi, NotBrokenReason.CUSTOM, item.custom_reason))
                continue
            analysis = book.analyses.get(item.analysis_code)
            if analysis is not None and unit_price_only(analysis):
                not_broken.append(_not_broken(pp, pi, NotBrokenReason.HSPK, analysis.source_ref))
                continue
            try:
                un = unit_needs(book, item.analysis_code, memo)
            except (KeyError, PriceBookError, UnitMismatchError, UnknownUnitError, ArithmeticError) as exc:
                not_broken.append(_not_broken(pp, pi, NotBrokenReason.ERROR, str(exc)))
                continue
            v = pi.volume
            broken += pi.amount
            for key, need in un.needs.items():
                q = None if need.quantity is None else v * need.quantity
                a = v * need.amount
                slot = acc.get(key)
                if slot is None:
                    slot = acc[key] = _Acc(_Need(need.kind, need.code, need.name, need.unit,
                                                 need.price, None if q is None else ZERO, ZERO), [])
                if slot.need.quantity is not None and q is not None:
                    slot.need.quantity += q
                slot.need.amount += a
                if q != 0 or a != 0:
                    slot.contributions.append(Contribution(pp.package.name, pi.number,
                                                           item.description, q, a, item.id,
                                                           pp.package.id))
            overhead += v * un.overhead
            rate_rounding += v * un.rate_rounding
            sub_price += v * un.sub_price
            amount_rounding += pi.amount - v * pi.rate
    rows = []
    order = {k: i for i, k in enumerate(KIND_ORDER)}
    for key, slot in sorted(acc.items(), key=lambda kv: order[kv[1].need.kind]):  # stable
        need = slot.need
        if need.quantity is None:
            quantity = None
            amount = round_rupiah(need.amount)
        else:
            quantity = _shown(need.quantity, decimals)
            amount = round_rupiah(quantity * need.price)
        rows.append(ResourceNeed(
            need.kind, key, need.code, need.name, need.unit, need.price, need.quantity, quantity,
            amount, need.amount, _purchase(purchase, need, purchase_decimals), tuple(slot.contributions)))
    adjustments = []
    printed = sum((r.amount for r in rows), ZERO)
    for kind, exact in ((AdjustmentKind.OVERHEAD, overhead),
                        (AdjustmentKind.RATE_ROUNDING, rate_rounding),
                        (AdjustmentKind.SUB_PRICE, sub_price)):
        if exact != 0 or kind is AdjustmentKind.OVERHEAD:
            adjustments.append(Adjustment(kind, round_rupiah(exact), exact))
            printed += adjustments[-1].amount
    adjustments.append(Adjustment(AdjustmentKind.ROUNDING, broken - printed, amount_rounding))
    return Schedule(title, decimals, tuple(rows), tuple(not_broken), tuple(adjustments),
                    direct, broken, tuple(pp.package.name for pp in packages))


def _purchase(table: PurchaseTable, need: _Need, decimals: int) -> tuple[PurchaseQuantity, ...]:
    if need.quantity is None or need.kind is ResourceKind.LABOUR:
        return ()
    out = []
    for row in table.for_resource(need.name):
        try:
            factor = conversion_factor(need.unit, row.content_unit)
        except (UnitMismatchError, UnknownUnitError):
            continue  # the row is for another unit of that name
        with localcontext(CONTEXT):
            exact = need.quantity * factor / row.content
        out.append(PurchaseQuantity(row, exact, _shown(exact, decimals)))
    return tuple(out)


def schedule_package(pp: PricedPackage, purchase: PurchaseTable | None = None) -> Schedule:
    """The schedule of one priced package (see :func:`schedule_packages`)."""
    return schedule_packages((pp,), pp.package.name, purchase)


def schedule_program(priced: PricedProgram, purchase: PurchaseTable | None = None) -> Schedule:
    """The schedule of every package of the programme together (see :func:`schedule_packages`)."""
    prog = priced.program
    title = f"Seluruh program — Kelurahan {prog.kelurahan}" if prog.kelurahan else "Seluruh program"
    return schedule_packages(priced.packages, title, purchase)


__all__ = [
    "ADJUSTMENT_TEXT", "Adjustment", "AdjustmentKind", "Contribution", "KIND_ORDER", "KIND_TEXT",
    "REASON_TEXT",
    "NotBrokenDown", "NotBrokenReason", "PurchaseQuantity", "PurchaseTable", "PurchaseTableError",
    "PurchaseUnit", "ResourceNeed", "Schedule", "read_purchase_table", "schedule_package",
    "schedule_packages", "schedule_program", "shipped_purchase_table", "unit_needs",
]
