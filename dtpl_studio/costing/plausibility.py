"""Plausibility of analysis coefficients: which ones lost their decimal separator.

The damage (``../shared/data/README.md``, ``SNI_2025_AHSP.xlsx``: hundreds of cells): a
coefficient typed the Indonesian way with three decimals (``83,349`` kg) was read by a
spreadsheet in the US convention, where the comma groups thousands, and stored as the integer
``83349``. Only a value with a non-zero integer part and exactly three decimals can be hit
(``0,6`` is no thousands grouping and stays text), so the damaged value is an integer of at
least 1 000 written without decimals and the correction is always ÷ 1 000 (the same mechanism
the AHSP workbook importer diagnoses as ``text-decimal-comma-thousands``).

A value with that signature is **suspect** when it is implausible:

1. the same item (same resource, same unit) elsewhere in the file, written with decimals,
   gives a reference: the median of those values (in analyses of the same unit of work when
   there are any). The value is suspect when its corrected value is nearer to the reference
   than the value itself (on a log scale: ``value / reference > √1000 ≈ 31,6``), or when it
   is more than 3 × the largest of at least 5 references (``1704`` kg of cement in an
   analysis per m3, where the same cement is at most 468 kg in 41 others);
2. with no reference, the value is suspect when it exceeds the ceiling for its unit family and
   the analysis' unit of work (:data:`CEILINGS`).

A suspect value is never changed here: :func:`check_coefficient` returns the proposal and the
reason, the importer reports it, and only the user's decision applies it.

Ceilings (per one unit of work) are 1,3–1,5 × the largest value written with decimals in the
AHSP Cipta Karya 2023 workbook and the SNI 2025 table (measured on the real files, session 6),
rounded up: labour 50 OH (47,839 OH per set observed), material 2 500 kg per m3 of work
(1 920 kg of grout per m3; concrete weighs ≈ 2 400 kg/m3), 1 100 liter per m3 (963 observed;
a m3 holds 1 000 liter), counted pieces 1 000 per m3 (786 observed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from dtpl_studio.costing.units import UnknownUnitError, dimension_name, is_count_unit

#: Smallest damaged value: three decimals of a number ≥ 1 became an integer ≥ 1 000.
SIGNATURE_MIN = Decimal(1000)
#: The correction: the comma that was read as a thousands separator stands 3 digits left.
CORRECTION = Decimal(1000)
#: value / reference above which the corrected value is nearer (√1000, log-scale midpoint).
REFERENCE_RATIO = CORRECTION.sqrt()

#: A value above this many times the largest reference (with at least
#: :data:`MIN_REFERENCES_FOR_MAX` of them) is suspect too: the same item never comes near it.
MAX_RATIO = Decimal(3)
MIN_REFERENCES_FOR_MAX = 5

#: unit family → (ceiling per m3 of work, ceiling per any other unit of work).
CEILINGS: dict[str, tuple[Decimal, Decimal]] = {
    "OH": (Decimal(50), Decimal(50)),
    "OJ": (Decimal(400), Decimal(400)),
    "hari": (Decimal(30), Decimal(30)),
    "jam": (Decimal(240), Decimal(240)),
    "bulan": (Decimal(12), Decimal(12)),
    "mass": (Decimal(2500), Decimal(400)),
    "volume-liter": (Decimal(1100), Decimal(250)),
    "volume": (Decimal(20), Decimal(20)),
    "area": (Decimal(50), Decimal(50)),
    "length": (Decimal(100), Decimal(100)),
    "count": (Decimal(1000), Decimal(200)),
    "other": (Decimal(1000), Decimal(1000)),
}


def unit_family(symbol: str) -> str:
    """The :data:`CEILINGS` key of a canonical unit symbol (``kg`` → ``mass``, ``bh`` →
    ``count``, ``liter`` → ``volume-liter``)."""
    if symbol in ("OH", "OJ", "hari", "jam", "bulan"):
        return symbol
    if symbol in ("liter", "ml"):
        return "volume-liter"
    try:
        name = dimension_name(symbol)
    except UnknownUnitError:
        return "other"
    for word, family in (("berat", "mass"), ("volume", "volume"), ("luas", "area"), ("panjang", "length")):
        if name.startswith(word):
            return family
    return "count" if is_count_unit(symbol) else "other"


def ceiling(symbol: str, work_unit: str) -> Decimal:
    """The largest plausible coefficient in ``symbol`` per one ``work_unit`` (:data:`CEILINGS`)."""
    per_m3, other = CEILINGS[unit_family(symbol)]
    return per_m3 if work_unit == "m3" else other


def has_signature(value: Decimal, written_with_decimals: bool) -> bool:
    """True when ``value`` can be a coefficient that lost its decimal separator: an integer
    ≥ 1 000 written without a decimal mark."""
    return (not written_with_decimals and value >= SIGNATURE_MIN
            and value == value.to_integral_value())


@dataclass(frozen=True, slots=True)
class Suspect:
    """A coefficient that probably lost its decimal separator.

    Attributes:
        value: as written (``83349``).
        proposed: the correction (``83.349``), value ÷ 1 000.
        reason: why, in Indonesian (reference values or the ceiling).
        reference: the median of the same item elsewhere, or None when the ceiling decided.
    """

    value: Decimal
    proposed: Decimal
    reason: str
    reference: Decimal | None = None


def _shown(value: Decimal) -> str:
    from dtpl_studio.costing.formatting import format_number

    return format_number(value)


def check_coefficient(value: Decimal, *, written_with_decimals: bool, unit: str, work_unit: str,
                      kind: str = "", references: Iterable[Decimal] = ()) -> Suspect | None:
    """Whether ``value`` (a coefficient in canonical ``unit`` per one ``work_unit``) lost its
    decimal separator (module docstring). ``references``: the same item's values elsewhere
    written with decimals (ideally in analyses of the same ``work_unit``). ``kind`` only
    words the reason (``labour``/``material``/``equipment``).

    Returns the :class:`Suspect`, or None when the value is plausible or cannot be damaged.
    Never raises for a canonical unit.
    """
    if not has_signature(value, written_with_decimals):
        return None
    proposed = value / CORRECTION
    refs = sorted(r for r in references if r > 0)
    what = {"labour": "tenaga kerja", "material": "bahan", "equipment": "peralatan"}.get(kind, "komponen")
    if refs:
        reference = Decimal(median(refs))
        tail = f"bilangan bulat tanpa desimal: koma desimal '{_shown(proposed)}' terbaca sebagai pemisah ribuan"
        if value / reference > REFERENCE_RATIO:
            return Suspect(value, proposed,
                           f"barang yang sama di tempat lain bernilai {_shown(reference)} {unit} (median {len(refs)} "
                           f"koefisien bertanda desimal); {_shown(value)} {unit} {_shown((value / reference).quantize(Decimal('0.1')))} kali "
                           f"lipatnya; {tail}", reference)
        if len(refs) >= MIN_REFERENCES_FOR_MAX and value > MAX_RATIO * refs[-1]:
            return Suspect(value, proposed,
                           f"lebih dari {_shown(MAX_RATIO)} kali nilai terbesar barang yang sama di tempat lain "
                           f"({_shown(refs[-1])} {unit}, dari {len(refs)} koefisien bertanda desimal); {tail}",
                           reference)
        return None
    top = ceiling(unit, work_unit)
    if value <= top:
        return None
    return Suspect(value, proposed,
                   f"{_shown(value)} {unit} {what} per 1 {work_unit or 'satuan pekerjaan'} di atas batas wajar "
                   f"{_shown(top)} {unit}; bilangan bulat tanpa desimal: koma desimal '{_shown(proposed)}' "
                   "terbaca sebagai pemisah ribuan")
