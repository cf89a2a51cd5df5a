"""Jadwal pelaksanaan & kurva S: when each RAB item is built, its weight, and the planned
cumulative progress of a package (issue 9 point 4; DOMAIN.md §4.4 item 13, §5 "Time schedule &
kurva S": "rows = items with bobot (%) = item total / grand total × 100; columns = weeks
(minggu ke-). Each cell holds the share of the item's bobot planned that week; the cumulative
rencana line forms the S-curve").

Per item (:class:`JadwalRow`):

* **start week** and **duration in weeks**: the item's own (``Item.start_week`` /
  ``Item.duration_weeks``) or the default below;
* **person-days (HOK/OH)** = printed volume × Σ labour coefficients in OH of its analysis,
  sub-analyses expanded — taken from the rekap kebutuhan walk
  (:func:`dtpl_studio.costing.kebutuhan.unit_needs`, the pricing walk itself). Labour lines in
  OJ (person-hours) are not converted (DOMAIN.md §2.2: never convert implicitly) and not
  counted. An item with a custom rate has no analysis and no HOK;
* **default duration** = ⌈HOK ÷ (crew × working days per week)⌉ weeks, at least 1; the crew
  is a package setting (:attr:`PackageSettings.crew_size`, default :data:`DEFAULT_CREW` = 10
  workers on site per day, :attr:`PackageSettings.work_days_per_week`, default
  :data:`DEFAULT_DAYS_PER_WEEK` = 6). Both defaults are an assumption [U] — a typical KSM
  swakelola team works six days a week with about ten people; no guideline was read that
  fixes them. An item without HOK lasts 1 week by default;
* **default start**: the divisions (top-level sections) follow each other in RAB order; the
  items of one division start together, in the week after the last item of the division
  before ends (that division's items as scheduled, own values included). The first division
  starts in week 1;
* **bobot** = item amount ÷ Σ item amounts × 100 (the amounts as printed in the RAB, whole
  rupiah; the package's direct cost before PPN — PPN does not change the shares). Printed
  with 2 decimals, rounded half up; the rounding remainder (the hundredths by which the
  rounded weights miss 100,00) is added to the **item with the largest amount** (the first in
  RAB order if several), so the printed weights sum to exactly 100,00 % and only that item
  may differ from its own rounding, by at most a few hundredths. An item with an amount of 0
  or less has bobot 0 (a negative amount is a warning: it is left out of the total);
* **planned progress per week**: the bobot spread evenly over the duration: after k of its d
  weeks the item has done round(bobot × k ÷ d, 2) (half up), so every weekly cell is ≥ 0 and
  they sum to the item's bobot exactly.

Per package (:class:`Jadwal`): the weekly planned % (Σ items), and the **kurva S** = the
cumulative sum, non-decreasing and ending at exactly 100,00 (when any item has an amount).

Limits: start ≥ 1, duration ≥ 1, and an item must finish by week :data:`MAX_WEEKS` (52 — one
fiscal year; an assumption [U], BLM packages are planned within the year). An edit that
breaks one is refused (:func:`schedule_problem`, Indonesian text naming the item); a stored
value out of range (older or hand-edited file) is a finding and the default is used; a
default that ends after week 52 is a finding (more workers or a shorter duration is needed).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, localcontext

from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.kebutuhan import unit_needs
from dtpl_studio.costing.money import CONTEXT, ZERO
from dtpl_studio.costing.pricebook import PriceBookError, ResourceKind
from dtpl_studio.costing.rab import PackageSettings, PricedItem, PricedPackage, PricedSection
from dtpl_studio.costing.units import UnitMismatchError, UnknownUnitError

#: Workers on site per day assumed for a default duration [U] (see the module docstring).
DEFAULT_CREW = PackageSettings().crew_size
#: Working days per week assumed for a default duration [U].
DEFAULT_DAYS_PER_WEEK = PackageSettings().work_days_per_week
#: The last week an item may end in (one fiscal year) [U].
MAX_WEEKS = 52
#: Largest crew accepted as a setting (a bigger figure is a typing error).
MAX_CREW = 1000
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def _pct(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP, context=CONTEXT)


def schedule_problem(description: str, start: int | None, duration: int | None,
                     limit: int = MAX_WEEKS) -> str | None:
    """Why ``start``/``duration`` cannot be an item's schedule, in Indonesian, naming the
    item by ``description``; None when they can (None values = the default, always allowed
    here).

    Rules: start ≥ 1, duration ≥ 1, start + duration − 1 ≤ ``limit`` (:data:`MAX_WEEKS`).
    """
    name = " ".join(description.split()) or "tanpa uraian"
    if len(name) > 60:
        name = name[:59] + "…"
    for value, what in ((start, "Minggu mulai"), (duration, "Durasi")):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return f"{what} item '{name}' harus bilangan bulat minggu"
    if start is not None and start < 1:
        return f"Minggu mulai item '{name}' harus 1 atau lebih (tertulis {start})"
    if duration is not None and duration < 1:
        return f"Durasi item '{name}' harus 1 minggu atau lebih (tertulis {duration})"
    if start is not None and start > limit:
        return f"Item '{name}' mulai minggu ke-{start}, melewati batas {limit} minggu"
    if duration is not None and duration > limit:
        return f"Durasi item '{name}' {duration} minggu melewati batas {limit} minggu"
    if start is not None and duration is not None and start + duration - 1 > limit:
        return (f"Item '{name}' selesai minggu ke-{start + duration - 1} (mulai minggu ke-{start}, "
                f"{duration} minggu), melewati batas {limit} minggu")
    return None


def crew_problem(crew_size: object, days_per_week: object) -> str | None:
    """Why a crew setting cannot be used (Indonesian), or None: 1 ≤ crew ≤ :data:`MAX_CREW`,
    1 ≤ days per week ≤ 7, both whole numbers."""
    for value, what, high in ((crew_size, "Jumlah pekerja per hari", MAX_CREW),
                              (days_per_week, "Hari kerja per minggu", 7)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            return f"{what} harus bilangan bulat 1 sampai {high} (tertulis {value})"
    return None


@dataclass(frozen=True, slots=True)
class JadwalRow:
    """One item of the schedule.

    Attributes:
        item_id, number, label, description, unit: the RAB item (number ``"II.1"``, label
            as in the No column).
        division: number of its top-level section (``"II"``).
        amount: the item's RAB amount (Rp, as printed).
        person_days: HOK (OH) of the item, exact; None without an analysis (custom rate, or
            an analysis that cannot be expanded).
        bobot: printed weight in % (2 decimals); Σ over the package = 100,00 exactly.
        bobot_exact: amount ÷ Σ amounts × 100, unrounded.
        start, duration: the weeks used (own or default).
        start_default, duration_default: the defaults (what a reset gives).
        start_set, duration_set: the item has its own value (stored and valid).
        weekly: planned % of the package per week of the item, ``weekly[0]`` = week ``start``;
            Σ = ``bobot``.
    """

    item_id: str
    number: str
    label: str
    description: str
    unit: str
    division: str
    amount: Decimal
    person_days: Decimal | None
    bobot: Decimal
    bobot_exact: Decimal
    start: int
    duration: int
    start_default: int
    duration_default: int
    start_set: bool
    duration_set: bool
    weekly: tuple[Decimal, ...]

    @property
    def end(self) -> int:
        """The last week of the item."""
        return self.start + self.duration - 1

    def in_week(self, week: int) -> Decimal:
        """Planned % of the package in ``week`` (0 outside the item's weeks)."""
        i = week - self.start
        return self.weekly[i] if 0 <= i < len(self.weekly) else ZERO


@dataclass(frozen=True, slots=True)
class Jadwal:
    """The schedule of one package.

    Attributes:
        package_id, package_name: the package.
        crew_size, days_per_week: the crew used for the default durations.
        rows: the items in RAB order.
        weeks: the last week of any item (0 when there are no items).
        weekly: planned % per week 1…``weeks`` (``weekly[0]`` = week 1).
        cumulative: the kurva S: Σ ``weekly`` up to each week; non-decreasing, ends at 100,00
            when any item has an amount.
        total: Σ positive item amounts (the 100 %).
        remainder_item: id of the item that took the bobot rounding remainder ("" = none).
        remainder: that remainder (%, may be 0 or negative).
        findings: problems (stored values out of range, limits, negative amounts).
    """

    package_id: str
    package_name: str
    crew_size: int
    days_per_week: int
    rows: tuple[JadwalRow, ...]
    weeks: int
    weekly: tuple[Decimal, ...]
    cumulative: tuple[Decimal, ...]
    total: Decimal
    remainder_item: str = ""
    remainder: Decimal = ZERO
    findings: tuple[Finding, ...] = ()

    @property
    def bobot_total(self) -> Decimal:
        return sum((r.bobot for r in self.rows), ZERO)

    def row(self, item_id: str) -> JadwalRow | None:
        return next((r for r in self.rows if r.item_id == item_id), None)


def item_person_days(pp: PricedPackage) -> dict[str, Decimal | None]:
    """HOK (OH) per item id: printed volume × Σ OH labour coefficients of the item's analysis
    (sub-analyses expanded by :func:`~dtpl_studio.costing.kebutuhan.unit_needs`); None for an
    item without analysis, without a volume, in error (priced 0), or whose analysis cannot be expanded. An item
    whose rate is overridden keeps its analysis' labour (the work is the same).
    """
    memo: dict = {}
    out: dict[str, Decimal | None] = {}
    book = pp.package.book
    with localcontext(CONTEXT):
        for pi in pp.items():
            code = pi.item.analysis_code
            if not code or pi.volume is None or pi.error:  # an item in error is priced 0
                out[pi.item.id] = None
                continue
            try:
                needs = unit_needs(book, code, memo)
            except (KeyError, PriceBookError, UnitMismatchError, UnknownUnitError, ArithmeticError):
                out[pi.item.id] = None
                continue
            per_unit = sum((n.quantity for n in needs.needs.values()
                            if n.kind is ResourceKind.LABOUR and n.unit == "OH" and n.quantity is not None),
                           ZERO)
            out[pi.item.id] = pi.volume * per_unit
    return out


def default_duration(person_days: Decimal | None, crew_size: int, days_per_week: int) -> int:
    """⌈HOK ÷ (crew × days per week)⌉ weeks, at least 1 (1 without HOK)."""
    if person_days is None or person_days <= 0:
        return 1
    with localcontext(CONTEXT):
        weeks = (person_days / (crew_size * days_per_week)).to_integral_value(rounding=ROUND_CEILING)
    return max(1, int(weeks))


def _divisions(pp: PricedPackage) -> list[tuple[str, list[PricedItem]]]:
    def items(ps: PricedSection):
        for child in ps.children:
            if isinstance(child, PricedSection):
                yield from items(child)
            else:
                yield child

    return [(ps.number, list(items(ps))) for ps in pp.sections]


def _finding(severity: Severity, code: str, message: str, pp: PricedPackage, pi: PricedItem | None,
             **params: object) -> Finding:
    return Finding(severity, message, location=f"Jadwal {pp.package.name}" + (f", item {pi.number}" if pi else ""),
                   code=code, params=tuple((k, str(v)) for k, v in params.items()),
                   package_id=pp.package.id, item_id=pi.item.id if pi else "")


def _spread(bobot: Decimal, duration: int) -> tuple[Decimal, ...]:
    with localcontext(CONTEXT):
        done = [ZERO] + [_pct(bobot * k / duration) for k in range(1, duration + 1)]
        return tuple(done[k] - done[k - 1] for k in range(1, duration + 1))


def _bobot(amounts: list[Decimal]) -> tuple[list[Decimal], list[Decimal], int, Decimal]:
    """(printed, exact, index of the remainder item or -1, remainder)."""
    total = sum((a for a in amounts if a > 0), ZERO)
    if total <= 0:
        return [ZERO] * len(amounts), [ZERO] * len(amounts), -1, ZERO
    with localcontext(CONTEXT):
        exact = [a * HUNDRED / total if a > 0 else ZERO for a in amounts]
        printed = [_pct(e) for e in exact]
        remainder = HUNDRED - sum(printed, ZERO)
        largest = max(range(len(amounts)), key=lambda i: (amounts[i], -i))
        if printed[largest] + remainder >= 0:
            printed[largest] += remainder
            return printed, exact, largest, remainder
        # cannot happen below ~140 equal items; then the hundredths go one by one to the
        # items that lost most in rounding (largest remainder method), never below 0
        floors = [e.quantize(CENT, rounding="ROUND_FLOOR") for e in exact]
        cents = int((HUNDRED - sum(floors, ZERO)) / CENT)
        order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
        for i in order[:cents]:
            floors[i] += CENT
        return floors, exact, -1, ZERO


def jadwal_package(pp: PricedPackage) -> Jadwal:
    """The schedule and kurva S of one priced package (see the module docstring).

    Args:
        pp: a package priced by :func:`~dtpl_studio.costing.rab.price_package`.

    Returns:
        A :class:`Jadwal`. Never raises for a bad item or a stored value out of range: each is
        a finding and the default is used.
    """
    pkg = pp.package
    findings: list[Finding] = []
    crew, days = pkg.settings.crew_size, pkg.settings.work_days_per_week
    problem = crew_problem(crew, days)
    if problem:
        findings.append(_finding(Severity.WARNING, "jadwal.crew",
                                 f"{problem}; dipakai {DEFAULT_CREW} pekerja × {DEFAULT_DAYS_PER_WEEK} hari",
                                 pp, None))
        crew, days = DEFAULT_CREW, DEFAULT_DAYS_PER_WEEK
    hok = item_person_days(pp)
    divisions = _divisions(pp)
    flat = [(div, pi) for div, items in divisions for pi in items]
    printed, exact, largest, remainder = _bobot([pi.amount for _, pi in flat])
    for _, pi in flat:
        if pi.amount < 0:
            findings.append(_finding(Severity.WARNING, "jadwal.negative",
                                     f"Item '{pi.item.description}' berjumlah negatif: bobotnya 0 dan "
                                     "tidak ikut dalam 100 %", pp, pi))
    rows: list[JadwalRow] = []
    cursor = 1
    n = 0
    for div, items in divisions:
        end = 0
        for pi in items:
            item = pi.item
            d_default = default_duration(hok.get(item.id), crew, days)
            start_set, dur_set = item.start_week, item.duration_weeks
            problem = schedule_problem(item.description, start_set, dur_set)
            if problem:
                findings.append(_finding(Severity.WARNING, "jadwal.stored",
                                         f"{problem}; dipakai jadwal bawaan", pp, pi))
                start_set = dur_set = None
            start = cursor if start_set is None else start_set
            duration = d_default if dur_set is None else dur_set
            if start + duration - 1 > MAX_WEEKS:
                findings.append(_finding(
                    Severity.WARNING, "jadwal.too_long",
                    f"Item '{item.description}' selesai minggu ke-{start + duration - 1}, melewati "
                    f"batas {MAX_WEEKS} minggu"
                    + (f" (HOK {format_number(hok[item.id], 2)} OH ÷ {crew} pekerja × {days} hari)"
                       if dur_set is None and hok.get(item.id) else ""),
                    pp, pi, end=start + duration - 1, limit=MAX_WEEKS))
            end = max(end, start + duration - 1)
            b = printed[n]
            rows.append(JadwalRow(item.id, pi.number, pi.label, item.description, item.unit, div,
                                  pi.amount, hok.get(item.id), b, exact[n], start, duration,
                                  cursor, d_default, start_set is not None, dur_set is not None,
                                  _spread(b, duration)))
            n += 1
        if items:
            cursor = max(cursor, end + 1)
    weeks = max((r.end for r in rows), default=0)
    weekly = [ZERO] * weeks
    for r in rows:
        for i, v in enumerate(r.weekly):
            weekly[r.start - 1 + i] += v
    cumulative, run = [], ZERO
    for v in weekly:
        run += v
        cumulative.append(run)
    total = sum((pi.amount for _, pi in flat if pi.amount > 0), ZERO)
    if flat and total <= 0:
        findings.append(_finding(Severity.WARNING, "jadwal.no_amount",
                                 "Belum ada item bernilai: bobot dan kurva S semuanya 0", pp, None))
    return Jadwal(pkg.id, pkg.name, crew, days, tuple(rows), weeks, tuple(weekly), tuple(cumulative),
                  total, flat[largest][1].item.id if largest >= 0 else "", remainder if largest >= 0 else ZERO,
                  tuple(findings))


__all__ = [
    "DEFAULT_CREW", "DEFAULT_DAYS_PER_WEEK", "MAX_CREW", "MAX_WEEKS", "Jadwal", "JadwalRow",
    "crew_problem", "default_duration", "item_person_days", "jadwal_package", "schedule_problem",
]
