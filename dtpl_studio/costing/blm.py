"""The BLM verdict: one judgement of the priced programme, as data (issue 6 point 1).

:func:`judge` is called by :func:`~dtpl_studio.costing.rab.price_program`; the window's BLM
panel, the PDF (BLM chapter and DRAFT watermark) and ``dtpl-studio check`` only put words
on the :class:`Verdict` it returns — none of them decides anything.

Kinds (:class:`VerdictKind`), most serious first:

* ``fails-rule`` (TIDAK LULUS): a rule fails — a BLM component above its ceiling, the BLM
  total above the allocation, the swadaya share below the programme's minimum, a termin
  plan that does not add up;
* ``not-valid`` (BELUM SAH): the figures are incomplete — items in error count as 0, or no
  ceiling rule applies to the programme and year, so nothing can be concluded yet;
* ``price-basis`` (DASAR HARGA BELUM DITERIMA): a package is priced from a book with an
  unknown region, a draft (unpublished) edition, another region than the kelurahan's, or a
  year older than the fiscal year, and the user has not recorded a reason to accept it;
* ``passed`` (LULUS): nothing blocks; warnings may remain (LULUS DENGAN CATATAN).

Every comparison is made on the *rounded* figures (DESIGN.md §5, DOMAIN.md §5.2: "compare
the rounded figure and show both values"); the figures before rounding are carried beside
them. Each finding says its rule and source, its amounts, the packages/items that contribute
most, and what would make it pass (issue 6 point 6).

Sources: ceilings from the rule table (:mod:`dtpl_studio.costing.funding`, seeded from
``plpbk-2010-summary.txt``); swadaya minimum and termin plan are user data (DOMAIN.md §4.3,
§4.5, percentages unverified); KSM swakelola overhead/PPN practice [U] DOMAIN.md §4.3 item 4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from dtpl_studio.costing.findings import Contributor, Finding, Severity
from dtpl_studio.costing.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    quantize_shown,
)
from dtpl_studio.costing.funding import (
    CUSTOM_RATE_SOURCE,
    KSM_SWAKELOLA_SOURCE,
    PRICE_BASIS_SOURCE,
    SWADAYA_SOURCES,
    TERMIN_SOURCE,
    CeilingCheck,
    Component,
    FundingSource,
    SectionKind,
)
from dtpl_studio.costing.money import CONTEXT, ZERO, round_rupiah
from dtpl_studio.costing.stored import unread_values
from dtpl_studio.costing.summary import largest

if TYPE_CHECKING:
    from dtpl_studio.costing.rab import Package, PricedItem, PricedPackage, Program

HUNDRED = Decimal(100)


class VerdictKind(StrEnum):
    """What the programme's check concluded (see the module docstring)."""

    PASSED = "passed"
    FAILS_RULE = "fails-rule"
    NOT_VALID = "not-valid"
    PRICE_BASIS = "price-basis"


#: The words every output puts on a verdict (Indonesian, as printed on the package).
VERDICT_LABEL: dict[VerdictKind, str] = {
    VerdictKind.PASSED: "LULUS",
    VerdictKind.FAILS_RULE: "TIDAK LULUS",
    VerdictKind.NOT_VALID: "BELUM SAH",
    VerdictKind.PRICE_BASIS: "DASAR HARGA BELUM DITERIMA",
}
#: The words on one gauge (see :meth:`Verdict.gauge_state`).
GAUGE_LABEL: dict[str, str] = {
    "pass": "LULUS",
    "over": "MELEBIHI PAGU",
    "under": "DI BAWAH MINIMUM",
    "incomplete": "BELUM SAH",
    "none": "–",
}
#: Suffix of a passed verdict that still has warnings.
WITH_NOTES = "DENGAN CATATAN"

#: Exit code of ``dtpl-studio check`` per verdict: 0 passed, 1 a rule fails, 2 could not check.
EXIT_CODE: dict[VerdictKind, int] = {
    VerdictKind.PASSED: 0,
    VerdictKind.FAILS_RULE: 1,
    VerdictKind.PRICE_BASIS: 1,
    VerdictKind.NOT_VALID: 2,
}

#: Error codes that make the verdict ``fails-rule``; ``price-basis`` codes make it
#: ``price-basis``; every other error (an item that cannot be priced, no rule) ``not-valid``.
FAILS_RULE_CODES = frozenset({
    "blm-ceiling", "swadaya-min", "termin-sum", "termin-percent", "termin-milestone",
    "termin-amount",
})
PRICE_BASIS_PREFIX = "price-basis-"


_COMPONENT_TEXT = {
    Component.PERENCANAAN: "BLM perencanaan",
    Component.FISIK: "BLM fisik",
    Component.TOTAL: "Total BLM",
}


def rp(value: Decimal) -> str:
    """``Rp 12.400.000`` (negative as ``-Rp 5.000``)."""
    return ("-" if value < 0 else "") + "Rp " + format_rupiah(abs(value))


# -- results ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Amount:
    """A figure before and after *pembulatan*: ``rounded`` is the one compared and printed."""

    exact: Decimal
    rounded: Decimal


@dataclass(frozen=True, slots=True)
class PackageTotals:
    """Totals of one package; ``by_source`` = the share of each funding source."""

    package_id: str
    name: str
    component: Component
    ksm: str
    location: str
    direct: Decimal
    ppn: Decimal
    total: Amount
    by_source: dict[FundingSource, Amount]


@dataclass(frozen=True, slots=True)
class ProgramTotals:
    """Programme-wide totals (rupiah): BLM per component, per source, all costs, swadaya.

    ``swadaya_share`` = rounded swadaya / rounded cost (None when the cost is 0).
    """

    packages: tuple[PackageTotals, ...]
    blm_by_component: dict[Component, Amount]
    blm_total: Amount
    by_source: dict[FundingSource, Amount]
    cost: Amount
    swadaya: Amount
    swadaya_share: Decimal | None
    #: Σ item amounts (all sources) of the planning packages per PLP-BK planning category
    #: (``SectionKind.NONE`` = not categorised yet), and of the DED divisions of physical packages
    planning_by_category: dict[SectionKind, Decimal] = field(default_factory=dict)
    ded_in_physical: Decimal = ZERO


@dataclass(frozen=True, slots=True)
class Gauge:
    """One line of the BLM panel / PDF summary.

    ``kind`` ``"max"``: ``amount.rounded`` ≤ ``limit`` (a ceiling); ``"min"``: the swadaya
    share ≥ its minimum (``limit`` = the rupiah needed; None when no minimum is set).
    ``share`` is amount / limit for a ceiling, and swadaya / total cost for the swadaya line.
    """

    key: str
    label: str
    amount: Amount
    limit: Decimal | None
    kind: str
    share: Decimal | None
    passed: bool
    source: str
    min_share: Decimal | None = None
    #: "" when the rule could be read; else why it could not (``CeilingCheck.problem``,
    #: ``swadaya-<code>``): the gauge is then "could not check" (``limit`` None)
    problem: str = ""

    @property
    def remaining(self) -> Decimal | None:
        """Ceiling − amount (negative = over) for a ``max`` gauge; None otherwise (and when
        the rule could not be read)."""
        if self.kind != "max" or self.limit is None or self.problem:
            return None
        return self.limit - self.amount.rounded

    def shown_share(self, decimals: int = 3) -> Decimal | None:
        """:attr:`share` as the window, the PDF and ``check`` print it (``decimals`` places
        of the fraction: 3 = one decimal of a percentage): :func:`shown_fraction` against
        the gauge's bound (1 for a ceiling, the minimum share for swadaya), so a failing
        gauge never reads as passing (Rp 0,04 % over a ceiling is never "100 %") and a
        passing one never reads as failing. None when there is no share."""
        if self.share is None:
            return None
        if self.problem:
            return quantize_shown(self.share, decimals)
        bound = Decimal(1) if self.kind == "max" else self.min_share
        return shown_fraction(self.share, bound, self.kind, self.passed, decimals)


@dataclass(frozen=True, slots=True)
class TerminLine:
    """A termin of the plan with the amount it releases (computed from the BLM total; the
    last termin takes the rupiah left by rounding) and the amount the user wrote down."""

    number: int
    percent: Decimal
    milestone: str
    amount: Decimal
    stated: Decimal | None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The programme's verdict with the findings behind it, its totals and gauges."""

    kind: VerdictKind
    findings: tuple[Finding, ...]
    totals: ProgramTotals
    gauges: tuple[Gauge, ...]
    termins: tuple[TerminLine, ...]
    explanation: str

    @property
    def passed(self) -> bool:
        return self.kind is VerdictKind.PASSED

    @property
    def final(self) -> bool:
        """The package may be printed as Final (no DRAFT watermark)."""
        return self.passed

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity is Severity.WARNING)

    @property
    def label(self) -> str:
        """``LULUS``, ``LULUS DENGAN CATATAN``, ``TIDAK LULUS``, ``BELUM SAH``, …"""
        text = VERDICT_LABEL[self.kind]
        if self.passed and self.warnings:
            text = f"{text} {WITH_NOTES}"
        return text

    @property
    def exit_code(self) -> int:
        return EXIT_CODE[self.kind]

    @property
    def incomplete(self) -> bool:
        """Some figures are missing (items in error, no rule): a passing gauge proves nothing."""
        return any(finding_kind(f) is VerdictKind.NOT_VALID for f in self.findings)

    def gauge_state(self, gauge: Gauge) -> str:
        """The state of one gauge, the same in every output: ``pass``, ``over`` (a ceiling
        exceeded), ``under`` (swadaya below its minimum), ``incomplete`` (within the limit
        but items are in error, or its own rule could not be read) or ``none`` (swadaya
        without a minimum)."""
        if gauge.problem:
            return "incomplete"
        if gauge.kind == "min" and gauge.min_share is None:
            return "none"
        if not gauge.passed:
            return "over" if gauge.kind == "max" else "under"
        return "incomplete" if self.incomplete else "pass"

    def gauge_label(self, gauge: Gauge) -> str:
        """:data:`GAUGE_LABEL` of :meth:`gauge_state`."""
        return GAUGE_LABEL[self.gauge_state(gauge)]

    def blocking(self) -> tuple[Finding, ...]:
        """The error findings (what stops the verdict from passing)."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


#: Extra places :func:`shown_fraction` may add before it rounds toward the true side.
_MORE_DECIMALS = 4


def shown_fraction(value: Decimal, bound: Decimal | None, kind: str, passed: bool,
                   decimals: int = 3) -> Decimal:
    """``value`` (a fraction: 1 = 100 %) rounded for display without changing which side of
    ``bound`` it reads on — the one rule of every gauge percentage.

    ``kind`` ``"max"``: passing means ``value ≤ bound``; ``"min"``: ``value ≥ bound``.
    ``value`` is rounded half up to ``decimals`` places; when the shown figure would sit on
    the other side of ``bound`` than ``passed`` says (``1.0004`` over a ceiling shown as
    ``1.000`` = "100 %"), up to :data:`_MORE_DECIMALS` more places are shown ("100,04 %");
    failing that, it is rounded toward the true side (up for a failing ceiling, down for a
    failing minimum). Without a ``bound`` it is plain half-up rounding.

    Raises:
        ValueError: ``value`` not finite (from :func:`quantize_shown`).
    """
    def honest(shown: Decimal) -> bool:
        if bound is None:
            return True
        failing_side = shown > bound if kind == "max" else shown < bound
        return failing_side != passed

    for places in range(decimals, decimals + _MORE_DECIMALS + 1):
        shown = quantize_shown(value, places)
        if honest(shown):
            return shown
    up = (kind == "max") != passed  # failing ceiling or passing minimum: toward larger
    return value.quantize(Decimal(1).scaleb(-(decimals + _MORE_DECIMALS)),
                          rounding=ROUND_CEILING if up else ROUND_FLOOR)


def finding_kind(finding: Finding) -> VerdictKind | None:
    """The verdict an error finding forces (None for warnings and info)."""
    if finding.severity is not Severity.ERROR:
        return None
    if finding.code in FAILS_RULE_CODES:
        return VerdictKind.FAILS_RULE
    if finding.code.startswith(PRICE_BASIS_PREFIX):
        return VerdictKind.PRICE_BASIS
    return VerdictKind.NOT_VALID


_PRECEDENCE = (VerdictKind.FAILS_RULE, VerdictKind.NOT_VALID, VerdictKind.PRICE_BASIS)


# -- totals -------------------------------------------------------------------------------

def package_totals(pp: PricedPackage) -> PackageTotals:
    """Totals of one priced package: each source's share before and after the package's
    *pembulatan*, as ``price_package`` made them (``by_source_exact`` / ``by_source``)."""
    pkg = pp.package
    by_source = {source: Amount(pp.by_source_exact.get(source, rounded), rounded)
                 for source, rounded in pp.by_source.items()}
    return PackageTotals(pkg.id, pkg.name, pkg.component, pkg.ksm, pkg.location, pp.direct,
                         pp.ppn, Amount(pp.total, pp.rounded), by_source)


def program_totals(packages: tuple[PricedPackage, ...]) -> ProgramTotals:
    """Sum the package totals over the programme (rounded figures are sums of rounded
    package shares, as the ceiling check compares them)."""
    pts = tuple(package_totals(pp) for pp in packages)
    comp: dict[Component, list[Decimal]] = {Component.PERENCANAAN: [ZERO, ZERO],
                                            Component.FISIK: [ZERO, ZERO]}
    src: dict[FundingSource, list[Decimal]] = {}
    cost = [ZERO, ZERO]
    for pt in pts:
        cost[0] += pt.total.exact
        cost[1] += pt.total.rounded
        for source, amount in pt.by_source.items():
            acc = src.setdefault(source, [ZERO, ZERO])
            acc[0] += amount.exact
            acc[1] += amount.rounded
            if source is FundingSource.BLM:
                acc = comp.setdefault(pt.component, [ZERO, ZERO])
                acc[0] += amount.exact
                acc[1] += amount.rounded
    blm = {c: Amount(*v) for c, v in comp.items()}
    by_source = {s: Amount(*src[s]) for s in FundingSource if s in src}
    blm_total = Amount(sum((a.exact for a in blm.values()), ZERO),
                       sum((a.rounded for a in blm.values()), ZERO))
    swadaya = Amount(sum((a.exact for s, a in by_source.items() if s in SWADAYA_SOURCES), ZERO),
                     sum((a.rounded for s, a in by_source.items() if s in SWADAYA_SOURCES), ZERO))
    share = _ratio(swadaya.rounded, cost[1])
    categories: dict[SectionKind, Decimal] = {}
    ded = ZERO
    for pp in packages:  # the package's digest: amounts of the items not in error per kind
        planning = pp.package.component is Component.PERENCANAAN
        for kind, amount in pp.digest.kinds.items():
            if planning:
                categories[kind] = categories.get(kind, ZERO) + amount
            elif kind is SectionKind.DED:
                ded += amount
    return ProgramTotals(pts, blm, blm_total, by_source, Amount(*cost), swadaya, share,
                         categories, ded)


# -- the judgement ------------------------------------------------------------------------

def judge(program: Program, packages: tuple[PricedPackage, ...],
          checks: tuple[CeilingCheck, ...]) -> Verdict:
    """Judge the priced programme.

    Args:
        program: the programme (rules, allocation, termins, swadaya minimum, fiscal year).
        packages: its priced packages (``price_package`` results, in order).
        checks: the ceiling checks of the applicable rules (rounded BLM shares).

    Returns:
        The :class:`Verdict`: kind, every finding (the packages' own findings, enriched with
        their rule source, plus the programme checks), totals, gauges, termin lines.
    """
    totals = program_totals(packages)
    findings: list[Finding] = []
    gauges: list[Gauge] = []
    for check in checks:
        gauge, finding = _ceiling(check, totals, packages)
        gauges.append(gauge)
        if finding is not None:
            findings.append(finding)
    if not checks:
        findings.append(Finding(
            Severity.ERROR,
            f"tidak ada aturan pagu BLM untuk program {program.program or '(tanpa nama)'} "
            f"tahun {program.fiscal_year or '(tanpa tahun)'}: pagu tidak dapat diperiksa",
            location="Aturan pagu", code="blm-no-rule",
            remedy="tambahkan baris aturan pagu (program, tahun, komponen, pagu, sumber) untuk "
                   "program dan tahun anggaran ini"))
    unread = unread_values(note for pp in packages for note in pp.package.load_notes)
    swadaya_gauge, swadaya_finding = _swadaya(program, totals, packages, unread)
    gauges.append(swadaya_gauge)
    if swadaya_finding is not None:
        findings.append(swadaya_finding)
    termin_lines, termin_findings = _termins(program, totals)
    findings += termin_findings
    findings += _empty(packages)
    for pp in packages:
        findings += _price_basis(program, pp)
        findings += _package_findings(pp)
        findings += _structure(pp)
    kinds = {k for k in (finding_kind(f) for f in findings) if k is not None}
    kind = next((k for k in _PRECEDENCE if k in kinds), VerdictKind.PASSED)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    findings.sort(key=lambda f: order[f.severity])  # stable: rule order inside a severity
    return Verdict(kind, tuple(findings), totals, tuple(gauges), termin_lines,
                   _explain(kind, findings))


def _explain(kind: VerdictKind, findings: list[Finding]) -> str:
    errors = [f for f in findings if finding_kind(f) is kind]
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    if kind is VerdictKind.PASSED:
        base = "semua jumlah BLM berada dalam pagunya dan tidak ada aturan yang dilanggar"
        return base + (f"; {warnings} catatan peringatan perlu dibaca." if warnings else ".")
    if kind is VerdictKind.FAILS_RULE:
        return (f"{len(errors)} aturan tidak terpenuhi (lihat temuan); dokumen dicetak sebagai "
                "DRAFT dan belum dapat disahkan.")
    if kind is VerdictKind.NOT_VALID:
        if any(f.code == "blm-no-rule" for f in errors):
            return "tidak ada aturan pagu yang berlaku, sehingga pagu belum dapat diperiksa."
        if errors and all(f.code in EMPTY_CODES for f in errors):
            return "belum ada item pekerjaan, sehingga pagu belum dapat diperiksa."
        items, rules, settings = not_valid_counts(findings)
        parts = [text.format(n=n) for n, text in ((items, NOT_VALID_PARTS["items"]),
                                                   (rules, NOT_VALID_PARTS["rules"]),
                                                   (settings, NOT_VALID_PARTS["settings"])) if n]
        # items are counted once however many findings they have (review of issue 6)
        text = "; ".join(parts) or f"{len(errors)} galat"
        return text + ", sehingga kesimpulan pagu belum sah; perbaiki galat lalu periksa ulang."
    return (f"{len(errors)} temuan dasar harga: buku harga paket belum dapat diterima tanpa "
            "alasan yang dicatat; dokumen tidak dapat berstatus Final.")


#: The parts of a ``not-valid`` explanation (counted by :func:`not_valid_counts`).
NOT_VALID_PARTS = {
    "items": "{n} item bergalat dihitung 0",
    "rules": "{n} aturan pagu/swadaya tidak dapat dibaca",
    "settings": "{n} pengaturan paket bergalat",
}
#: Codes of a rule the check could not read (its gauge says BELUM SAH).
RULE_INVALID_CODES = frozenset({"blm-rule-invalid", "swadaya-rule-invalid"})
#: Stored-value findings about a rule's own value (counted with its rule, not again).
_RULE_COLUMNS = ("tabel funding_rule", "kolom blm_allocation", "kolom swadaya_min_share")


def not_valid_counts(findings: list[Finding] | tuple[Finding, ...]) -> tuple[int, int, int]:
    """``(items, rules, settings)`` behind a ``not-valid`` verdict: the number of distinct
    *items* in error (by ``item_id``, not findings: one item with two findings counts once),
    of rules that could not be read (:data:`RULE_INVALID_CODES`), and of the other errors —
    package settings or stored values that are not an item's (``volume_decimals`` 50)."""
    errors = [f for f in findings if finding_kind(f) is VerdictKind.NOT_VALID]
    items = {f.item_id for f in errors if f.item_id}
    rules = sum(1 for f in errors if f.code in RULE_INVALID_CODES)
    settings = sum(1 for f in errors if not f.item_id and f.code not in RULE_INVALID_CODES
                   and f.code != "blm-no-rule" and f.code not in EMPTY_CODES
                   and not (rules and f.code == "stored-value"
                            and any(c in f.location for c in _RULE_COLUMNS)))
    return len(items), rules, settings


def blm_share(it: PricedItem) -> Decimal:
    """The BLM part of a priced item (0 for an item in error)."""
    return sum((v for s, v in it.funding if s is FundingSource.BLM), ZERO)


def _blm_packages(packages: tuple[PricedPackage, ...], component: Component | None
                  ) -> list[PricedPackage]:
    """The packages of ``component`` that have items with a BLM share (``None`` or
    ``TOTAL`` = all packages)."""
    return [pp for pp in packages
            if (component in (None, Component.TOTAL) or pp.package.component is component)
            and pp.digest.blm_count]


def _top_items(packages: list[PricedPackage]) -> tuple[Contributor, ...]:
    """The :data:`~dtpl_studio.costing.summary.TOP` items with the largest BLM share over ``packages`` (ties in order),
    from each package's digest (:mod:`dtpl_studio.costing.summary`)."""
    ranked = largest((share, it, pp) for pp in packages for share, it in pp.digest.blm_top)
    return tuple(Contributor(pp.package.name, it.number, it.item.description, share,
                             pp.package.id, it.item.id) for share, it, pp in ranked)


def _ratio(amount: Decimal, limit: Decimal) -> Decimal | None:
    """``amount / limit`` for a positive ``limit``; None when it is not, or when the quotient
    is not representable (a stored ceiling of 1E-999999 is a finding elsewhere, never a crash)."""
    try:
        return CONTEXT.divide(amount, limit) if limit > 0 else None
    except ArithmeticError:
        return None


def _ceiling(check: CeilingCheck, totals: ProgramTotals, packages: tuple[PricedPackage, ...]
             ) -> tuple[Gauge, Finding | None]:
    amount = (totals.blm_total if check.component is Component.TOTAL
              else totals.blm_by_component.get(check.component, Amount(ZERO, ZERO)))
    # check.amount is the core's rounded figure; it is the one compared
    amount = Amount(amount.exact, check.amount)
    label = _COMPONENT_TEXT[check.component]
    if check.problem:
        return _unreadable_ceiling(check, label, amount)
    share = _ratio(check.amount, check.ceiling)
    gauge = Gauge(check.component.value, label, amount, check.ceiling, "max", share,
                  check.passed, check.source_ref)
    if check.passed:
        return gauge, None
    over = check.amount - check.ceiling
    blm_packages = _blm_packages(packages, check.component)
    items = _top_items(blm_packages)
    by_package: dict[str, list] = {}
    for pp in blm_packages:
        entry = by_package.setdefault(pp.package.id, [pp.package.name, ZERO])
        entry[1] += pp.digest.blm
    package_contributors = tuple(
        Contributor(name, "", "seluruh paket (bagian BLM)", value, pid)
        for pid, (name, value) in sorted(by_package.items(), key=lambda kv: -kv[1][1])
    ) if len(by_package) > 1 else ()
    remedy = (f"{rp(over)} di atas pagu: pindahkan {rp(over)} dari BLM ke swadaya, APBD atau "
              "sumber lain")
    if items:
        top = items[0]
        remedy += f", atau kurangi volume item terbesar ({top.number} {top.description}, {rp(top.amount)})"
    if amount.exact <= check.ceiling < check.amount:
        remedy += ("; sebelum pembulatan jumlahnya masih dalam pagu: bulatkan total paket ke "
                   "bawah")
    message = f"{label} {rp(check.amount)} melebihi pagu {rp(check.ceiling)} sebesar {rp(over)}"
    if amount.exact != check.amount:
        message += f" (angka dibulatkan; sebelum pembulatan {rp(amount.exact)})"
    finding = Finding(
        Severity.ERROR, message, location="Pagu BLM", code="blm-ceiling",
        source=check.source_ref,
        amounts=((f"{label} (dibulatkan)", check.amount), ("sebelum pembulatan", amount.exact),
                 ("pagu", check.ceiling), ("selisih", over)),
        contributors=package_contributors + items, remedy=remedy + ".",
        package_id=items[0].package_id if items else "", item_id=items[0].item_id if items else "")
    return gauge, finding


_PROBLEM_TEXT = {
    "invalid": "bukan angka rupiah", "negative": "negatif", "range": "di atas Rp 10^15",
    "fraction": "bukan rupiah bulat", "stored": "tersimpan tidak terbaca atau di luar batas",
}


def _unreadable_ceiling(check: CeilingCheck, label: str, amount: Amount) -> tuple[Gauge, Finding]:
    """A ceiling (or the allocation) that could not be read: the gauge is "could not check"
    and the finding (``blm-rule-invalid``) makes the verdict ``not-valid``, never
    ``fails-rule`` — a rule that cannot be read has not been failed (issue 6, review)."""
    what, _, code = check.problem.partition("-")
    value = ("" if code in ("invalid", "stored")
             else f" Rp {format_number(check.ceiling)}" if code == "fraction"  # the sen as stored
             else f" {rp(check.ceiling)}")
    subject = "alokasi BLM kelurahan" if what == "allocation" else f"pagu {label}"
    gauge = Gauge(check.component.value, label, amount, None, "max", None, False,
                  check.source_ref, problem=check.problem)
    where = ("data program (alokasi BLM)" if what == "allocation"
             else "tabel aturan pagu (Sunting → Program BLM…)")
    return gauge, Finding(
        Severity.ERROR,
        f"{subject}{value} {_PROBLEM_TEXT.get(code, code)}: {label} {rp(check.amount)} tidak dapat "
        "diperiksa", location="Aturan pagu", code="blm-rule-invalid", source=check.source_ref,
        raw=check.problem, amounts=((f"{label} (dibulatkan)", check.amount),),
        remedy=f"perbaiki {subject} pada {where}: rupiah bulat antara 0 dan Rp 10^15.")


def _swadaya(program: Program, totals: ProgramTotals, packages: tuple[PricedPackage, ...],
             unread: set[tuple[int, str]] | frozenset = frozenset()
             ) -> tuple[Gauge, Finding | None]:
    rule = program.swadaya_rule
    cost = totals.cost.rounded
    if rule is None:
        return Gauge("swadaya", "Swadaya", totals.swadaya, None, "min", totals.swadaya_share, True,
                     "tidak ada batas minimum swadaya"), None
    stored = (id(rule), "min_share") in unread
    if stored or not (isinstance(rule.min_share, Decimal) and rule.min_share.is_finite()
                      and ZERO <= rule.min_share <= 1):
        # a minimum that could not be read: the swadaya rule could not be checked
        what = ("minimum swadaya tersimpan tidak terbaca" if stored else
                f"minimum swadaya {rule.min_share} tidak wajar")
        return (Gauge("swadaya", "Swadaya", totals.swadaya, None, "min", totals.swadaya_share, False,
                      rule.source_ref, problem="swadaya-stored" if stored else "swadaya-invalid"),
                Finding(Severity.ERROR, f"{what}: harus antara 0% dan 100% dari total biaya; "
                        "aturan swadaya tidak dapat diperiksa", location="Swadaya",
                        code="swadaya-rule-invalid", source=rule.source_ref,
                        remedy="isi minimum swadaya antara 0% dan 100% (Sunting → Program BLM…, "
                               "tab Swadaya), atau hapus minimumnya."))
    needed = CONTEXT.multiply(rule.min_share, cost)
    passed = totals.swadaya.rounded >= needed
    gauge = Gauge("swadaya", "Swadaya", totals.swadaya, needed, "min", totals.swadaya_share,
                  passed, rule.source_ref, rule.min_share)
    if passed:
        return gauge, None
    short = round_rupiah(needed - totals.swadaya.rounded)
    if short <= 0:  # the shortfall is below half a rupiah: round it up to one
        short = Decimal(1)
    shown = gauge.shown_share(4)  # Decimal: the share exists whenever the cost is not 0
    items = _top_items(_blm_packages(packages, None))
    message = (f"swadaya {rp(totals.swadaya.rounded)} = "
               f"{'–' if shown is None else format_percent(shown)} "
               f"dari total biaya {rp(cost)}, di bawah minimum {format_percent(rule.min_share)} "
               f"({rp(round_rupiah(needed))})")
    remedy = (f"kurang {rp(short)}: catat swadaya (tunai atau natura) sebesar itu, misalnya "
              "pindahkan bagian item berikut dari BLM ke swadaya")
    return gauge, Finding(
        Severity.ERROR, message, location="Swadaya", code="swadaya-min",
        source=rule.source_ref or "minimum swadaya program (diisi pengguna)",
        amounts=(("swadaya (dibulatkan)", totals.swadaya.rounded),
                 ("sebelum pembulatan", totals.swadaya.exact), ("total biaya", cost),
                 ("minimum", round_rupiah(needed)), ("kekurangan", short)),
        contributors=items, remedy=remedy + ".")


def _termins(program: Program, totals: ProgramTotals) -> tuple[tuple[TerminLine, ...], list[Finding]]:
    blm = totals.blm_total.rounded
    findings: list[Finding] = []
    plan = program.termins
    if not plan:
        if blm > 0:
            findings.append(Finding(
                Severity.WARNING, "rencana termin pencairan BLM belum diisi", location="Termin",
                code="termin-missing", source=TERMIN_SOURCE, amounts=(("BLM", blm),),
                remedy="isi tahapan pencairan: persentase (jumlah 100%) dan tonggak kemajuan "
                       "tiap termin."))
        return (), findings
    # a percentage outside (0, 100] is its own finding and releases nothing; this also keeps
    # a stored 1E+40 from breaking the arithmetic
    valid = [t.percent.is_finite() and ZERO < t.percent <= HUNDRED for t in plan]
    total_pct = sum((t.percent for t, ok in zip(plan, valid, strict=True) if ok), ZERO)
    amounts = [round_rupiah(CONTEXT.divide(CONTEXT.multiply(t.percent, blm), HUNDRED)) if ok else ZERO
               for t, ok in zip(plan, valid, strict=True)]
    if total_pct == HUNDRED:
        if all(valid):  # the last termin takes the rupiah left by rounding
            amounts[-1] = blm - sum(amounts[:-1], ZERO)
    else:
        findings.append(Finding(
            Severity.ERROR,
            f"jumlah persentase termin {format_percent(total_pct / HUNDRED)}, seharusnya 100%",
            location="Termin", code="termin-sum", source=TERMIN_SOURCE,
            amounts=(("jumlah persentase", total_pct), ("BLM", blm),
                     ("jumlah termin", sum(amounts, ZERO))),
            remedy=f"ubah persentase termin sehingga jumlahnya 100% "
                   f"({'kurangi' if total_pct > HUNDRED else 'tambah'} "
                   f"{format_percent(abs(HUNDRED - total_pct) / HUNDRED)})."))
    lines = []
    for n, (termin, amount) in enumerate(zip(plan, amounts, strict=True), start=1):
        where = f"Termin {n}"
        lines.append(TerminLine(n, termin.percent, termin.milestone, amount, termin.amount))
        if not valid[n - 1]:
            findings.append(Finding(
                Severity.ERROR, f"persentase termin {n} harus lebih dari 0% dan paling banyak 100%",
                location=where,
                code="termin-percent", source=TERMIN_SOURCE, amounts=(("persentase", termin.percent),),
                remedy="hapus termin ini atau isi persentasenya."))
        if not termin.milestone.strip():
            findings.append(Finding(
                Severity.ERROR, f"termin {n} tidak terikat pada tonggak kemajuan pekerjaan",
                location=where, code="termin-milestone", source=TERMIN_SOURCE,
                remedy="isi syarat pencairan termin, misalnya \"progres fisik 50%\" atau "
                       "\"LPJ termin sebelumnya diterima\"."))
        if termin.amount is not None and valid[n - 1] and termin.amount != amount:
            findings.append(Finding(
                Severity.ERROR,
                f"jumlah termin {n} tertulis {rp(termin.amount)}, sedangkan "
                f"{format_percent(termin.percent / HUNDRED)} × BLM {rp(blm)} = {rp(amount)}",
                location=where, code="termin-amount", source=TERMIN_SOURCE,
                amounts=(("tertulis", termin.amount), ("seharusnya", amount),
                         ("selisih", termin.amount - amount)),
                remedy=f"ubah jumlah termin {n} menjadi {rp(amount)} atau kosongkan agar dihitung "
                       "dari persentasenya."))
    return tuple(lines), findings


def _region_key(text: str) -> str:
    """``"Kab. Magelang"``, ``"Kabupaten Magelang"`` → ``"magelang"``; ``"Kota Semarang"`` →
    ``"kotasemarang"`` is avoided too: the administrative prefix is dropped."""
    folded = " ".join(text.lower().replace(".", ". ").split())
    folded = re.sub(r"^(kabupaten|kab\.|kota administrasi|kota adm\.|kota)\s+", "", folded)
    return "".join(ch for ch in folded if ch.isalnum())


def _price_basis(program: Program, pp: PricedPackage) -> list[Finding]:
    """Price-basis findings of one package (only when items take their rate from the book)."""
    pkg = pp.package
    digest = pp.digest  # the items priced from the book (an analysis code, no override)
    if not digest.used_count:
        return []
    meta = pkg.book.meta
    problems: list[tuple[str, str, str]] = []  # (code, message, remedy)
    if not meta.region.strip():
        problems.append(("price-basis-region-unknown",
                         "wilayah buku harga tidak diketahui",
                         "pakai buku harga wilayah kelurahan (HSPK/SSH kab/kota)"))
    elif program.kota.strip():
        book_key, kota_key = _region_key(meta.region), _region_key(program.kota)
        prov_key = _region_key(program.provinsi)
        if book_key not in (kota_key, prov_key):
            problems.append(("price-basis-region-other",
                             f"buku harga untuk wilayah {meta.region}, kelurahan berada di "
                             f"{program.kota}",
                             f"pakai buku harga {program.kota}"))
    if meta.status != "published":
        problems.append(("price-basis-draft",
                         "buku harga berstatus konsep, belum diterbitkan",
                         "pakai edisi yang telah diterbitkan"))
    if program.fiscal_year is not None:
        if meta.year is None:
            problems.append(("price-basis-year-unknown", "tahun buku harga tidak diketahui",
                             f"pakai buku harga tahun {program.fiscal_year}"))
        elif meta.year < program.fiscal_year:
            problems.append(("price-basis-year-old",
                             f"buku harga tahun {meta.year}, lebih tua dari tahun anggaran "
                             f"{program.fiscal_year}",
                             f"pakai buku harga tahun {program.fiscal_year}"))
    if not problems:
        return []
    priced_from_book = digest.used_amount
    items = tuple(Contributor(pkg.name, it.number, it.item.description, amount, pkg.id,
                              it.item.id)
                  for amount, it in digest.used_top)
    note = pkg.price_basis_note.strip()
    amounts = (("dihitung dari buku harga", priced_from_book),)
    if note:  # accepted by the user: one warning that says what was accepted and why
        return [Finding(
            Severity.WARNING,
            f"dasar harga diterima dengan alasan tercatat: {note} (kekurangan buku harga: "
            + "; ".join(message for _, message, _ in problems) + ")",
            location=pkg.name, code="price-basis-accepted", raw=",".join(c for c, _, _ in problems),
            source=PRICE_BASIS_SOURCE, amounts=amounts,
            remedy="; ".join(remedy for _, _, remedy in problems) + " bila tersedia.",
            package_id=pkg.id)]
    return [Finding(
        Severity.ERROR, message, location=pkg.name, code=code, source=PRICE_BASIS_SOURCE,
        amounts=amounts, contributors=items,
        remedy=f"{remedy}, atau catat alasan menerima buku harga ini pada paket.", package_id=pkg.id)
        for code, message, remedy in problems]



def _package_findings(pp: PricedPackage) -> list[Finding]:
    """The package's own findings (from ``price_package``) with their rule source, plus the
    KSM swakelola overhead and custom-rate source warnings."""
    pkg = pp.package
    out: list[Finding] = []
    for f in pp.findings:
        if f.code == "ppn-ksm":
            f = replace(f, source=KSM_SWAKELOLA_SOURCE, amounts=(("PPN", pp.ppn),),
                        package_id=pkg.id,
                        remedy=f"hapus PPN ({pkg.settings.ppn_label}) dari paket swakelola KSM, atau "
                               "catat dasar pengenaannya.")
        elif f.code == "custom-rate":
            f = replace(f, source=CUSTOM_RATE_SOURCE,
                        remedy="tulis sumber harga (survei pasar, penawaran toko, SBU/SSH).")
        elif f.code == "override" and not f.remedy:
            f = replace(f, remedy="tulis alasan penggantian harga satuan beserta sumbernya.")
        if not f.package_id:
            f = replace(f, package_id=pkg.id)
        out.append(f)
    for it in pp.digest.custom:  # custom rates whose reason names no source
        item = it.item
        out.append(Finding(
            Severity.WARNING,
            f"harga khusus {rp(item.custom_rate)} tanpa sumber harga yang disebut "
            f"(alasan: {item.custom_reason})",
            location=f"RAB {it.number} {item.description}", code="custom-rate-source",
            source=CUSTOM_RATE_SOURCE, amounts=(("jumlah", it.amount),),
            remedy="sebutkan sumbernya: survei harga pasar, penawaran/kuitansi toko, atau "
                   "SBU/SSH daerah.", package_id=pkg.id, item_id=item.id))
    if pkg.ksm.strip():
        out += _overhead_ksm(pp)
    return out


def _overhead_ksm(pp: PricedPackage) -> list[Finding]:
    """E (overhead and profit) above 0 on a KSM swakelola package: one warning per package
    with the E amount carried by its items (volume × E per unit, to the rupiah)."""
    pkg = pp.package
    digest = pp.digest  # E per item: round_rupiah(printed volume × E per unit), summed per section
    if not digest.e_count:
        return []
    total_e = digest.e_amount
    rate_text = ", ".join(format_percent(r) for r in sorted(digest.e_rates))
    items = tuple(Contributor(pkg.name, it.number, it.item.description, e, pkg.id, it.item.id)
                  for e, it in digest.e_top)
    return [Finding(
        Severity.WARNING,
        f"biaya umum dan keuntungan (E) {rate_text} pada {digest.e_count} item paket swakelola "
        f"KSM, sekitar {rp(total_e)}",
        location=pkg.name, code="overhead-ksm", source=KSM_SWAKELOLA_SOURCE,
        amounts=(("E dalam harga satuan", total_e),), contributors=items,
        remedy=f"pakai E 0% untuk paket KSM (mengurangi paket sekitar {rp(total_e)}), atau catat "
               "dasar pengenaannya.", package_id=pkg.id)]


#: Codes of "nothing to check yet": a programme without packages, a package without items.
EMPTY_CODES = frozenset({"program-empty", "package-empty"})


def _empty(packages: tuple[PricedPackage, ...]) -> list[Finding]:
    """Nothing to check is not a pass: a programme without packages, or a package without a
    single item, is an error finding (the verdict is ``not-valid``), so a new, empty
    project never reads LULUS (newcomer review of issue 6)."""
    if not packages:
        return [Finding(Severity.ERROR, "program belum berisi paket kegiatan: belum ada yang dapat "
                        "diperiksa terhadap pagu", location="Program", code="program-empty",
                        remedy="tambahkan paket (Struktur RAB → Tambah paket) lalu item pekerjaannya.")]
    return [Finding(Severity.ERROR, f"paket {pp.package.name} belum berisi item pekerjaan",
                    location=pp.package.name, code="package-empty", package_id=pp.package.id,
                    remedy="tambahkan item dari katalog analisa atau item dengan harga sendiri, "
                           "atau hapus paket ini.")
            for pp in packages if next(iter(pp.package.items()), None) is None]


def _structure(pp: PricedPackage) -> list[Finding]:
    """Programme structure notes (issue 6 point 2): a planning division without one of the
    four PLP-BK categories; DED paid from the planning component (the 2010 summary puts DED
    in the physical component)."""
    from dtpl_studio.costing.funding import PLPBK_SOURCE

    pkg = pp.package
    out: list[Finding] = []
    if pkg.component is not Component.PERENCANAAN:
        return out
    for ps in pp.sections:  # the kinds of the division's items (its digest)
        kinds = pp.section_results[ps.section.id].digest.kinds_present
        if SectionKind.NONE in kinds and ps.total:
            out.append(Finding(
                Severity.WARNING, f"divisi {ps.number} {ps.section.title} belum diberi kategori "
                "perencanaan PLP-BK", location=pkg.name, code="planning-category",
                source=PLPBK_SOURCE, amounts=(("jumlah divisi", ps.total),),
                remedy="pilih kategorinya: tenaga ahli pendamping, pengembangan kapasitas, proses "
                       "perencanaan partisipatif, atau pemasaran hasil perencanaan.",
                package_id=pkg.id))
        if SectionKind.DED in kinds:
            out.append(Finding(
                Severity.WARNING, f"DED pada divisi {ps.number} dibiayai dari komponen perencanaan",
                location=pkg.name, code="ded-in-planning", source=PLPBK_SOURCE,
                amounts=(("jumlah divisi", ps.total),),
                remedy="pindahkan penyiapan DED ke paket fisik (komponen fisik boleh membiayai DED).",
                package_id=pkg.id))
    return out


def verdict_words(verdict: Verdict) -> tuple[str, str]:
    """``(label, explanation)``: the words the window, the PDF and the CLI print."""
    return verdict.label, verdict.explanation


def package_by_id(program: Program, package_id: str) -> Package | None:
    """The package with ``package_id`` (None when gone)."""
    return next((p for p in program.packages if p.id == package_id), None)


__all__ = [
    "EXIT_CODE", "GAUGE_LABEL", "VERDICT_LABEL", "Amount", "Gauge", "PackageTotals", "ProgramTotals",
    "NOT_VALID_PARTS", "TerminLine", "Verdict", "VerdictKind", "finding_kind", "judge",
    "not_valid_counts", "package_by_id", "shown_fraction",
    "package_totals", "program_totals", "rp", "verdict_words",
]
