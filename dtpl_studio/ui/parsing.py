"""Reading what a user types into a cell, and writing what the cell editor shows.

**The one rule (Indonesian locale, DOMAIN.md §5.4)**: the comma ``,`` is the decimal mark;
the dot ``.`` (or a space) only groups thousands, in groups of exactly three digits
(``1.250.000,5``). Anything else is refused with a suggestion, never guessed: ``12.5`` →
"tulis 12,5"; ``0.125`` → "tulis 0,125". So ``1.000`` is one thousand and ``2,125`` is two
and an eighth, in every cell, and the text an editor shows (:func:`format_for_editor`) is
read back to the very same value (:func:`parse_user_number`).

Every number field has an entry range (:data:`LIMITS`: smallest, largest, most decimals); a
value outside it is refused **at entry** with the limit in the message
(:class:`EntryError`), so no out-of-range value ever reaches an undo command or the core.
Units go through the core's one reading of unit spellings,
:func:`dtpl_studio.costing.units.read_unit`: the same aliases, the same notes for typos and
foreign abbreviations (``5 NOS`` is 5 bh, *with* the note that NOS was read as bh; ``5 1s``
is 5 ls with its note), and the dimension of the factor's place (a length factor refuses
``5 Ml``, a millilitre). :func:`read_factor` returns the note so the window shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from dtpl_studio.costing.rab import MAX_RATE, MAX_VOLUME
from dtpl_studio.costing.units import (
    UnitDimensionError,
    UnitReading,
    UnknownUnitError,
    read_unit,
)
from dtpl_studio.errors import DtplError


@dataclass(frozen=True)
class Limit:
    """The entry range of one kind of number field.

    Attributes:
        largest: the largest value accepted (inclusive).
        decimals: the most digits after the decimal comma.
        smallest: the smallest value accepted (0: negatives are refused; a deduction is
            the *Kurangi* check box, not a negative number).
    """

    largest: Decimal
    decimals: int
    smallest: Decimal = Decimal(0)


#: Entry ranges. Volume and rate follow the core's plausibility limits
#: (:data:`dtpl_studio.costing.rab.MAX_VOLUME`, ``MAX_RATE``); a factor (a count or a
#: dimension) is at most one million, so that four factors never exceed what the core
#: computes and prints exactly (28 significant digits).
LIMITS: dict[str, Limit] = {
    "volume": Limit(MAX_VOLUME, 6),
    "factor": Limit(Decimal(10) ** 6, 6),
    "rate": Limit(MAX_RATE, 2),
}


class EntryError(DtplError):
    """A typed value that is refused; ``code`` is one of ``entry.not_number``,
    ``entry.decimal_point``, ``entry.grouping``, ``entry.too_large``, ``entry.negative``,
    ``entry.too_precise``, ``entry.unknown_unit``, ``entry.unit_without_number``,
    ``entry.unit_dimension``; ``params`` has ``text`` and, where it
    applies, ``limit``/``decimals``/``suggestion``/``unit``."""

    default_code = "entry.not_number"


class NumberEntryError(EntryError, ValueError):
    """The text is not a number under the rule of this module."""


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_INDONESIAN = re.compile(r"^(?P<sign>[-+]?)(?P<int>[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?$")
_FACTOR = re.compile(r"^\s*(?P<number>[-+]?[\d.,\s\u00a0\u202f]*\d)\s*(?P<unit>.*?)\s*$")


def _suggest(text: str) -> str:
    """``12.5`` → ``12,5``; ``1,234.5`` → ``1.234,5`` (US written the Indonesian way)."""
    return text.translate(str.maketrans({".": ",", ",": "."}))


def parse_user_number(text: str) -> Decimal:
    """A number typed into a cell, under the one rule of this module.

    ``12,5`` is twelve and a half; ``1.000`` and ``1 000`` are one thousand;
    ``1.234.567,89`` is grouped. Only ASCII digits are read.

    Raises:
        NumberEntryError: ``entry.decimal_point`` for a dot that cannot be a thousands
            separator (``12.5``, ``0.125``: suggestion in ``params["suggestion"]``),
            ``entry.grouping`` for misplaced separators, ``entry.not_number`` otherwise.
    """
    raw = text
    s = _SPACES.sub(".", str(text).strip())  # a space groups thousands like the dot
    m = _INDONESIAN.match(s)
    if m is None or not s.isascii():
        code, params = "entry.not_number", {"text": raw}
        body = s.lstrip("+-")
        if body.isascii() and body.replace(".", "").replace(",", "").isdigit() and body:
            head, dot, tail = body.rpartition(".")
            us_grouped = re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", head) is not None
            if body.count(".") == 1 and us_grouped and tail.isdigit():
                code = "entry.decimal_point"  # 12.5, 0.125, 1,234.5: a US decimal point
                params["suggestion"] = _suggest(raw.strip())
            else:
                code = "entry.grouping"
        raise NumberEntryError(f"not a number under the Indonesian rule: {raw!r}", code=code, params=params)
    value = Decimal(m.group("int").replace(".", "") + ("." + m.group("frac") if m.group("frac") else ""))
    return -value if m.group("sign") == "-" else value


def check_range(value: Decimal, kind: str, text: str = "") -> Decimal:
    """``value`` when it is inside the entry range of ``kind`` (:data:`LIMITS`).

    Raises:
        EntryError: ``entry.negative``, ``entry.too_large`` (``params["limit"]`` is the
            largest value, Indonesian format) or ``entry.too_precise`` (``params["decimals"]``).
    """
    limit = LIMITS[kind]
    params = {"text": text or format_for_editor(value) if value.is_finite() else text, "kind": kind}
    if not value.is_finite():
        raise EntryError(f"{kind}: not finite", code="entry.not_number", params=params)
    if value < limit.smallest:
        raise EntryError(f"{kind}: negative", code="entry.negative", params=params)
    if value > limit.largest:
        raise EntryError(f"{kind}: above {limit.largest}", code="entry.too_large",
                         params={**params, "limit": format_for_editor(limit.largest)})
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > limit.decimals:
        raise EntryError(f"{kind}: more than {limit.decimals} decimals", code="entry.too_precise",
                         params={**params, "decimals": limit.decimals})
    return value


def read_number(text: str, kind: str) -> Decimal:
    """:func:`parse_user_number` then :func:`check_range` (what every number cell does).

    Raises:
        EntryError: see both.
    """
    return check_range(parse_user_number(text), kind, text)


@dataclass(frozen=True)
class FactorReading:
    """A factor cell as read: ``value`` (inside ``LIMITS["factor"]``), canonical ``unit``, and
    the ``note`` (Indonesian, :data:`dtpl_studio.costing.units.UNIT_NOTES`) when the typed
    unit was a typo or foreign spelling read as ``unit`` ("" otherwise)."""

    value: Decimal
    unit: str
    note: str = ""


def _factor_splits(text: str) -> list[tuple[str, str]]:
    """Ways to split a factor cell into ``(number, unit)``, the usual one first.

    The number part may hold digits, dots, commas and spaces, so the greedy split takes the
    leading digit of a unit that begins with one (``5 1s`` → ``5 1`` and ``s``); the other
    splits start the unit at each space-separated digit inside the number (``5`` and ``1s``),
    and last the whole text as a unit with no number (``1s``)."""
    match = _FACTOR.match(text)
    if not match:
        return []
    number, unit = match.group("number").strip(), match.group("unit")
    splits = [(number, unit)]
    for i in range(len(number) - 1, 0, -1):
        if number[i].isdigit() and number[i - 1].isspace():
            splits.append((number[:i].strip(), number[i:] + unit))
    splits.append(("", text.strip()))
    return splits


def _read_unit(unit: str) -> UnitReading | None:
    """The core's reading of ``unit`` (:func:`~dtpl_studio.costing.units.read_unit`), or None
    when the spelling is not known."""
    try:
        return read_unit(unit)
    except UnknownUnitError:
        return None


def read_factor(text: str, default_unit: str, *, like: str | None = None) -> FactorReading:
    """Read a factor cell such as ``150 m``, ``2,5``, ``12 cm``, ``1.250 m``, ``7``, ``5 NOS``.

    Args:
        text: what was typed.
        default_unit: the unit to use when none is typed (the factor's current unit).
        like: a canonical symbol whose dimension a typed unit must have (``"m"`` for the
            length factors p, l, t), or None for any.

    Returns:
        a :class:`FactorReading`; its ``note`` says how a typo/foreign unit was read.

    Raises:
        EntryError: the number part cannot be read or is out of range (:func:`read_number`);
            ``entry.unknown_unit``; ``entry.unit_without_number`` for a unit alone
            (``1s``: ``params["suggestion"]`` is ``1 ls``); ``entry.unit_dimension`` (params ``unit``,
            ``got``, ``expected``: ``5 Ml`` as a length is a volume).
    """
    splits = _factor_splits(text)
    if not splits:
        raise NumberEntryError(f"no number in {text!r}", code="entry.not_number", params={"text": text})
    number, unit = splits[0]
    if not unit:
        return FactorReading(read_number(number, "factor"), default_unit)
    # the first split whose unit is a known spelling (5 1s: the greedy split cut the 1 off)
    found = next(((n, u, r) for n, u in splits if (r := _read_unit(u)) is not None), None)
    if found is None:
        raise EntryError(f"unknown unit {unit!r}", code="entry.unknown_unit",
                         params={"text": text, "unit": unit.strip()})
    number, unit, reading = found
    if not number:  # a unit and no number (1s): refused, showing how to write it
        raise EntryError(f"unit {unit!r} without a number", code="entry.unit_without_number",
                         params={"text": text, "unit": unit, "symbol": reading.symbol,
                                 "suggestion": f"1 {reading.symbol}"})
    try:
        reading = read_unit(unit, like)
    except UnitDimensionError as exc:
        raise EntryError(str(exc), code="entry.unit_dimension",
                         params={"text": text, "unit": exc.raw, "got": exc.got, "expected": exc.expected}) from exc
    return FactorReading(read_number(number, "factor"), reading.symbol, reading.note)


def parse_factor(text: str, default_unit: str) -> tuple[Decimal, str]:
    """``(value, canonical unit)`` of a factor cell (:func:`read_factor` without the note
    and without a dimension check).

    Raises:
        EntryError: see :func:`read_factor`.
    """
    reading = read_factor(text, default_unit)
    return reading.value, reading.unit


def format_for_editor(value: Decimal, unit: str = "") -> str:
    """What a cell editor shows for ``value``: Indonesian, every decimal kept, no trailing
    zeros, never rounded (``Decimal("1000")`` → ``1.000``; ``2.125`` → ``2,125``;
    ``1250`` with ``"m"`` → ``1.250 m``). :func:`parse_user_number` reads it back exactly.

    Exact for any finite Decimal (no arithmetic context involved); ``-`` for a negative.
    """
    sign, digits, exponent = value.as_tuple()
    if not value.is_finite() or not isinstance(exponent, int):
        return str(value)
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, frac = text + "0" * exponent, ""
    else:
        text = text.rjust(-exponent + 1, "0")
        whole, frac = text[:exponent], text[exponent:].rstrip("0")
    whole = whole.lstrip("0") or "0"
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    grouped = ".".join([whole, *groups])
    number = ("-" if sign and (grouped != "0" or frac) else "") + grouped + ("," + frac if frac else "")
    return f"{number} {unit}" if unit else number
