"""Funding rules and the BLM ceiling check.

Ceilings are data (:class:`FundingRule`), never constants in code (DESIGN.md §5,
DOMAIN.md §4.2). The default PLP-BK table is seeded from the 2010 PLP-BK summary
(``shared/domain/plpbk-2010-summary.txt``): "Maksimum Rp 300 juta … dukungan perencanaan
kawasan …; Rp 700 juta … pelaksanaan kegiatan fisik di kawasan prioritas", and the news
reports of Rp 1 miliar BLM per kelurahan (DOMAIN.md §0 item 5) [V].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Component(StrEnum):
    """BLM component a package belongs to."""

    PERENCANAAN = "perencanaan"  # planning support
    FISIK = "fisik"  # physical works in the kawasan prioritas (may include DED)
    TOTAL = "total"  # the whole allocation of the kelurahan


class FundingSource(StrEnum):
    """Who pays an item (DOMAIN.md §4.3). BLM counts for the package's component (BLM
    perencanaan or BLM fisik); swadaya is cash, or in kind as labour or material (valued from
    the book: the labour part A or material part B of the item's analysis); APBD; CSR/other."""

    BLM = "BLM"
    SWADAYA = "swadaya"  # swadaya tunai (cash)
    SWADAYA_TENAGA = "swadaya-tenaga"  # in kind: labour
    SWADAYA_BAHAN = "swadaya-bahan"  # in kind: material
    APBD = "APBD"
    LAINNYA = "lainnya"  # CSR / other


#: The community's own contribution (cash or in kind).
SWADAYA_SOURCES = frozenset({FundingSource.SWADAYA, FundingSource.SWADAYA_TENAGA,
                             FundingSource.SWADAYA_BAHAN})


class SectionKind(StrEnum):
    """What a division is, for the programme structure (issue 6 point 2): one of the four
    planning categories of the PLP-BK planning component (``plpbk-2010-summary.txt``: "(1)
    biaya tenaga ahli pendamping masyarakat, (2) biaya pengembangan kapasitas masyarakat, (3)
    dukungan proses perencanaan partisipatif dan (4) pemasaran hasil-hasil perencanaan"), or
    DED inside the physical component ("dapat pula dipergunakan untuk penyiapan DED")."""

    NONE = ""
    TENAGA_AHLI = "tenaga-ahli"
    KAPASITAS = "pengembangan-kapasitas"
    PROSES_PERENCANAAN = "perencanaan-partisipatif"
    PEMASARAN = "pemasaran"
    DED = "ded"


PLANNING_CATEGORIES = (SectionKind.TENAGA_AHLI, SectionKind.KAPASITAS,
                       SectionKind.PROSES_PERENCANAAN, SectionKind.PEMASARAN)


@dataclass(frozen=True, slots=True)
class FundingShare:
    """A share of an item paid by ``source``: ``percent`` of the item's amount (rounded to the
    rupiah), or a fixed ``amount``; an in-kind swadaya share with neither is valued from the
    book (the labour part A or the material part B of the item's analysis). The item's main
    source takes what is left, so the shares always add up to the item exactly."""

    source: FundingSource
    percent: Decimal | None = None
    amount: Decimal | None = None


class SplitError(ValueError):
    """A funding split that cannot be applied (shares above the item, a bad percentage)."""


def split_amount(amount: Decimal, main: FundingSource, shares: list[FundingShare] | tuple,
                 in_kind_fraction: dict[FundingSource, Decimal | None]
                 ) -> list[tuple[FundingSource, Decimal]]:
    """Split an item's printed ``amount`` (whole rupiah) over its funding sources.

    Each share is ``round_half_up(amount × percent / 100)``, or its ``amount``, or (in kind,
    no figure) ``round_half_up(amount × fraction)`` with the fraction from the book; the
    ``main`` source takes the remainder — the rupiah left by rounding go to the main source.

    Returns:
        ``[(source, rupiah), …]`` in order (main first), summing to ``amount`` exactly.

    Raises:
        SplitError: a percentage outside [0, 100], a negative amount, an in-kind share that
            cannot be valued from the book, or shares that add up to more than the item.
    """
    from dtpl_studio.costing.money import round_rupiah

    parts: list[tuple[FundingSource, Decimal]] = []
    for share in shares:
        if share.percent is not None:
            if not (share.percent.is_finite() and 0 <= share.percent <= 100):
                raise SplitError(f"persentase {share.source} {share.percent} di luar 0–100")
            value = round_rupiah(amount * share.percent / 100)
        elif share.amount is not None:
            if not share.amount.is_finite() or share.amount < 0:
                raise SplitError(f"jumlah {share.source} {share.amount} tidak sah")
            value = share.amount
        else:
            fraction = in_kind_fraction.get(share.source)
            if fraction is None:
                raise SplitError(f"bagian {share.source} tanpa persen/jumlah hanya dapat "
                                 "dinilai dari buku untuk item beranalisa (upah atau bahan)")
            value = round_rupiah(amount * fraction)
        parts.append((share.source, value))
    rest = amount - sum((v for _, v in parts), Decimal(0))
    if amount >= 0 and rest < 0:
        raise SplitError(f"bagian sumber dana ({sum((v for _, v in parts), Decimal(0))}) melebihi "
                         f"jumlah item ({amount})")
    return [(main, rest), *parts]


def shares_of(parts: tuple[tuple[FundingSource, Decimal], ...] | list) -> list[tuple[FundingSource, Decimal, Decimal | None]]:
    """``(source, rupiah, fraction of the item)`` of an item's split (``PricedItem.funding``:
    main source first); the fraction is None when the item's amount is 0. For display: the
    window's funding column says "BLM fisik 80 % · Swadaya tunai 20 %"."""
    total = sum((v for _, v in parts), Decimal(0))
    return [(source, value, value / total if total else None) for source, value in parts]


@dataclass(frozen=True, slots=True)
class FundingRule:
    """One row of the rule table: ``component`` of ``program`` may not exceed ``ceiling``
    rupiah in fiscal ``year`` (None = every year), citing ``source_ref``.

    The table is stored in the project file and printed with its source (issue 6 point 4).
    """

    program: str
    component: Component
    ceiling: Decimal
    source_ref: str
    note: str = ""
    year: int | None = None

    def applies_to(self, program: str, year: int | None) -> bool:
        """True when this row is for ``program`` (an empty program name matches any) and
        ``year`` (a row without a year matches any year)."""
        same_program = not self.program or _fold(self.program) == _fold(program)
        return same_program and (self.year is None or year is None or self.year == year)


def _fold(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def applicable_rules(rules: tuple[FundingRule, ...] | list[FundingRule], program: str,
                     year: int | None) -> list[FundingRule]:
    """The rows of ``rules`` that apply to ``program`` in ``year``, one per component.

    A row with the matching year wins over a row without a year for the same component;
    among equals the first row of the table wins. Order: the table's order.
    """
    best: dict[Component, FundingRule] = {}
    for rule in rules:
        if not rule.applies_to(program, year):
            continue
        current = best.get(rule.component)
        if current is None or (current.year is None and rule.year is not None):
            best[rule.component] = rule
    return [r for r in rules if best.get(r.component) is r]


#: Columns of the rule table as the window and the messages name them.
RULE_COLUMNS = ("program", "year", "component", "ceiling", "source_ref", "note")
#: Years a rule row may name (an empty year = every year).
RULE_YEARS = (1990, 2100)
#: The largest ceiling or BLM allocation: Rp 10^15, the limit of a unit rate
#: (:data:`dtpl_studio.costing.rab.MAX_RATE`), which the project-file loader applies to both.
MAX_AMOUNT = Decimal(10) ** 15


def amount_problem(value: object) -> str | None:
    """The one range rule of a programme amount — a ceiling of the rule table or the BLM
    allocation — applied where it is typed (the Program BLM dialog), in the core edit
    (:func:`rule_problems`), where it is read from a project file and in the verdict (a
    stored amount that breaks it is a rule the check could not read).

    Returns:
        None for a whole number of rupiah in ``[0, MAX_AMOUNT]``; else the problem:
        ``"invalid"`` (not a finite Decimal), ``"negative"``, ``"range"`` (above
        :data:`MAX_AMOUNT`) or ``"fraction"`` (sen: a ceiling is compared with rounded whole
        rupiah, so ``700.000.000,5`` would read as one rupiah more than is checked).
    """
    if not isinstance(value, Decimal) or not value.is_finite():
        return "invalid"
    if value < 0:
        return "negative"
    if value > MAX_AMOUNT:
        return "range"
    if value != value.to_integral_value():
        return "fraction"
    return None


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """Why a row of the rule table cannot be stored: ``row`` (1-based), ``column`` (one of
    :data:`RULE_COLUMNS`), ``code`` (``ceiling-negative``, ``ceiling-invalid``,
    ``ceiling-range``, ``ceiling-fraction``, ``year-range``, ``duplicate``) and ``other``
    (the earlier row a duplicate repeats)."""

    row: int
    column: str
    code: str
    other: int = 0

    @property
    def message(self) -> str:
        """The Indonesian message naming the row and the column."""
        where = f"aturan pagu baris {self.row}, kolom {_COLUMN_TEXT[self.column]}"
        if self.code == "ceiling-negative":
            return f"{where}: pagu tidak boleh negatif"
        if self.code == "ceiling-invalid":
            return f"{where}: pagu harus berupa angka rupiah"
        if self.code == "ceiling-range":
            return f"{where}: pagu paling banyak Rp 1.000.000.000.000.000 (10^15)"
        if self.code == "ceiling-fraction":
            return f"{where}: pagu harus rupiah bulat (tanpa sen)"
        if self.code == "year-range":
            return f"{where}: tahun harus antara {RULE_YEARS[0]} dan {RULE_YEARS[1]} (kosong = semua tahun)"
        return (f"{where}: program, komponen dan tahun sama dengan baris {self.other} "
                "(satu pagu per komponen dan tahun)")


_COLUMN_TEXT = {"program": "Program", "year": "Tahun", "component": "Komponen", "ceiling": "Pagu",
                "source_ref": "Sumber", "note": "Catatan"}


def rule_problems(rules: tuple[FundingRule, ...] | list[FundingRule]) -> list[RuleProblem]:
    """The rows of ``rules`` that cannot be stored, in row order: a ceiling that breaks
    :func:`amount_problem` (not a finite number, negative, above :data:`MAX_AMOUNT`, not
    whole rupiah), a year outside :data:`RULE_YEARS`, or a row for the same programme
    (compared case- and punctuation-blind), component and year as an earlier row
    (:func:`applicable_rules` would silently take the first of them)."""
    problems: list[RuleProblem] = []
    seen: dict[tuple[str, Component, int | None], int] = {}
    for row, rule in enumerate(rules, start=1):
        problem = amount_problem(rule.ceiling)
        if problem is not None:
            problems.append(RuleProblem(row, "ceiling", f"ceiling-{problem}"))
        if rule.year is not None and not RULE_YEARS[0] <= rule.year <= RULE_YEARS[1]:
            problems.append(RuleProblem(row, "year", "year-range"))
        key = (_fold(rule.program), rule.component, rule.year)
        if key in seen:
            problems.append(RuleProblem(row, "component", "duplicate", seen[key]))
        else:
            seen[key] = row
    return problems


@dataclass(frozen=True, slots=True)
class Termin:
    """One disbursement tranche (*termin / tahap pencairan*) of the BLM.

    Attributes:
        percent: share of the programme's BLM total, in percent (``Decimal('40')``).
        milestone: the progress milestone that releases it ("progres fisik 50%", "LPJ tahap
            I diterima"); required.
        amount: the amount the user wrote down, if any; checked against ``percent`` × BLM.

    The percentages and triggers of PNPM-MP/PLP-BK could not be verified (DOMAIN.md §4.5):
    the plan is user data, validated for Σ percent = 100 and consistent amounts.
    """

    percent: Decimal
    milestone: str = ""
    amount: Decimal | None = None


#: Printed on the BLM check page; the developer-side source is the module docstring above.
PLPBK_SOURCE = (
    "Ringkasan Program PLP-BK, PNPM Mandiri Perkotaan (2010): BLM maks. Rp 300 juta untuk "
    "dukungan perencanaan kawasan dan Rp 700 juta untuk kegiatan fisik di kawasan prioritas; "
    "BLM PLP-BK Rp 1 miliar per kelurahan"
)

#: The default PLP-BK ceiling table (a setting: a project may carry its own).
DEFAULT_PLPBK_RULES: tuple[FundingRule, ...] = (
    FundingRule("PLP-BK", Component.PERENCANAAN, Decimal(300_000_000), PLPBK_SOURCE),
    FundingRule("PLP-BK", Component.FISIK, Decimal(700_000_000), PLPBK_SOURCE),
    FundingRule("PLP-BK", Component.TOTAL, Decimal(1_000_000_000), PLPBK_SOURCE),
)


#: Source printed with the KSM-swakelola warnings (overhead E and PPN). DOMAIN.md §4.3 item 4
#: and §10 question 5: common practice, the governing text was not read [U].
KSM_SWAKELOLA_SOURCE = (
    "Praktik swakelola KSM PNPM Mandiri Perkotaan/PLP-BK: masyarakat bukan kontraktor, "
    "sehingga biaya umum dan keuntungan (E) dan PPN lazimnya tidak dimasukkan dalam RAB "
    "(belum diverifikasi terhadap pedoman teknis; periksa dengan faskel/korkot)"
)

#: Source printed with the price-basis findings (DESIGN.md §4 "pinned price book", DOMAIN.md
#: §6: an HSPK/SSH is a regional, yearly regulation with editions).
PRICE_BASIS_SOURCE = (
    "Harga satuan memakai buku harga resmi wilayah (Perbup/Perwal HSPK/SSH atau AHSP dengan "
    "daftar harga setempat) yang terbit untuk tahun anggaran kegiatan"
)

#: Source printed with the custom-rate finding (DOMAIN.md §4.4 item 11: the price source of
#: every rate is listed in the package — SK/Perwal/HSPK, or a market survey with quotes).
CUSTOM_RATE_SOURCE = (
    "Setiap harga satuan di luar buku harga menyebut sumbernya: survei harga pasar, "
    "penawaran/kuitansi toko, atau SBU/SSH daerah (daftar harga satuan DTPL)"
)

#: Source of the termin checks (DOMAIN.md §4.3 item 5 and §4.5; percentages unverified).
TERMIN_SOURCE = (
    "Tahapan pencairan BLM: jumlah termin sama dengan BLM dan setiap termin terikat pada "
    "kemajuan pekerjaan (Juknis Pencairan BLM PNPM-MP 2014 §IV.A.2; persentase diisi pengguna)"
)


@dataclass(frozen=True, slots=True)
class SwadayaRule:
    """An optional minimum community share: swadaya ≥ ``min_share`` × the programme's total
    cost (all sources). No verified PLP-BK minimum exists (DOMAIN.md §4.3 item 3, §10 q. 4):
    the user sets it with its source."""

    min_share: Decimal
    source_ref: str = ""


def _shown_amount(value: object) -> Decimal:
    """``value`` when it is a finite Decimal (to name it in a finding), else 0."""
    return value if isinstance(value, Decimal) and value.is_finite() else Decimal(0)


@dataclass(frozen=True, slots=True)
class CeilingCheck:
    """Result of one ceiling comparison (rounded figures, DESIGN.md §5).

    ``problem`` is "" for a ceiling that could be read; else why the comparison could not be
    made — ``ceiling-<code>`` (the rule's ceiling breaks :func:`amount_problem`),
    ``allocation-<code>`` (the BLM allocation does), with ``<code>`` ``stored`` when the
    project file held a value that could not be read (its stored-value finding names it).
    A check with a problem neither passes nor fails: the verdict says "could not check".
    """

    component: Component
    amount: Decimal
    ceiling: Decimal
    source_ref: str
    problem: str = ""

    @property
    def passed(self) -> bool:
        """Within the ceiling (False when the check could not be made, see :attr:`problem`)."""
        return not self.problem and self.amount <= self.ceiling

    @property
    def remaining(self) -> Decimal | None:
        """Ceiling − amount; None when the check could not be made."""
        return None if self.problem else self.ceiling - self.amount


def check_ceilings(
    blm_by_component: dict[Component, Decimal],
    rules: tuple[FundingRule, ...] | list[FundingRule],
    allocation: Decimal | None = None,
    *,
    unread_rules: tuple[FundingRule, ...] | list[FundingRule] = (),
    allocation_unread: bool = False,
) -> list[CeilingCheck]:
    """Compare BLM-funded totals with the ceilings.

    Args:
        blm_by_component: rounded BLM-funded sums for ``PERENCANAAN`` and ``FISIK``.
        rules: the ceiling table; ``TOTAL`` applies to the sum of both components.
        allocation: the kelurahan's own BLM allocation; when given and lower than the
            ``TOTAL`` rule, it is the total ceiling (source "alokasi BLM program").
        unread_rules: rows (by identity) whose ceiling the project file held unreadable or
            out of range (a live stored-value note): their check is not made.
        allocation_unread: the same for the allocation (the total check is not made).

    Returns:
        One :class:`CeilingCheck` per rule, in rule order; a ceiling (or allocation) that
        breaks :func:`amount_problem` gives a check with a ``problem`` whose ``ceiling`` is
        the offending value (0 when it is not a finite number).
    """
    checks: list[CeilingCheck] = []
    total = sum(blm_by_component.get(c, Decimal(0)) for c in (Component.PERENCANAAN, Component.FISIK))
    for rule in rules:
        problem = amount_problem(rule.ceiling)
        if any(rule is r for r in unread_rules):
            problem = problem or "stored"
        problem = f"ceiling-{problem}" if problem else ""
        ceiling = _shown_amount(rule.ceiling)
        if rule.component is Component.TOTAL:
            source = rule.source_ref
            if allocation is not None and not problem:
                alloc_problem = amount_problem(allocation) or ("stored" if allocation_unread else None)
                if alloc_problem:
                    problem, ceiling = f"allocation-{alloc_problem}", _shown_amount(allocation)
                    source = "Alokasi BLM kelurahan (data program)"
                elif allocation < ceiling:
                    ceiling, source = allocation, "Alokasi BLM kelurahan (data program)"
            checks.append(CeilingCheck(Component.TOTAL, total, ceiling, source, problem))
        else:
            amount = blm_by_component.get(rule.component, Decimal(0))
            checks.append(CeilingCheck(rule.component, amount, ceiling, rule.source_ref, problem))
    return checks
