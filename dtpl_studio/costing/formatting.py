"""Indonesian number formats for print and screen (locale ``id_ID``: Babel's texts).

``format_rupiah(Decimal('1205500000'))`` → ``'1.205.500.000'``;
``format_number(Decimal('0.0440'), 4)`` → ``'0,0440'``. Babel is a formatting library, not a
UI one, so the core may use it.

One rounding rule from calculation to screen to paper (DESIGN.md §5, issue 5 fault 13): a
value shown with fewer decimals than it has is rounded **half up** (``1234,5`` → ``1.235``,
``6.750,025`` → ``6.750,03``), exactly as :func:`~dtpl_studio.costing.money.round_rupiah`
and the volume rounding of :func:`~dtpl_studio.costing.rab.price_package` do — never
Babel's default half-even. Every screen and paper caller formats through this module;
:func:`quantize_shown` is the rounding step itself, for callers that need the shown value.
"""

from __future__ import annotations

import decimal
from datetime import UTC, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_datetime, get_timezone

LOCALE = "id_ID"

#: Most decimals a shown number may ask for; more is a programming error, not data.
MAX_SHOWN_DECIMALS = 100


def _context(value: Decimal, decimals: int) -> decimal.Context:
    """A context wide enough to hold ``value`` with ``decimals`` places, rounding half up."""
    exponent = value.adjusted() if value and value.is_finite() else 0
    return decimal.Context(prec=max(34, exponent + decimals + 3), rounding=ROUND_HALF_UP,
                           Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def quantize_shown(value: Decimal, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places: the number a user reads.

    ``quantize_shown(Decimal('1234.5'), 0)`` → ``Decimal('1235')``;
    ``quantize_shown(Decimal('-2.5'), 0)`` → ``Decimal('-3')`` (half up = away from zero, as
    Excel's ROUND and :data:`~dtpl_studio.costing.money.CONTEXT`); a value that rounds to
    zero is ``0`` without a sign.

    Raises:
        ValueError: ``decimals`` outside ``0..MAX_SHOWN_DECIMALS``, or ``value`` not finite.
    """
    if not 0 <= decimals <= MAX_SHOWN_DECIMALS:
        raise ValueError(f"decimals must be 0..{MAX_SHOWN_DECIMALS}, got {decimals}")
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    shown = value.quantize(Decimal(1).scaleb(-decimals), context=_context(value, decimals))
    return abs(shown) if shown == 0 else shown  # never '-0'


#: Beyond this many integer digits a number is shown in scientific form (``1,000E+30``): no
#: real figure is that large, and writing out a stored ``1E+999999`` would hang the screen.
MAX_SHOWN_DIGITS = 24


def _scientific(value: Decimal) -> str:
    """``1,000E+30`` (three decimals, Indonesian decimal comma, half up)."""
    rounded = decimal.Context(prec=4, rounding=ROUND_HALF_UP, Emax=decimal.MAX_EMAX).plus(value)
    mantissa = rounded.scaleb(-rounded.adjusted()).quantize(Decimal("0.001"))
    return f"{mantissa:f}".replace(".", ",") + f"E+{rounded.adjusted()}"


def _too_long(value: Decimal) -> bool:
    return value.is_finite() and value != 0 and value.adjusted() >= MAX_SHOWN_DIGITS

#: the Indonesian separators (CLDR ``id``: ``.`` groups thousands, ``,`` before decimals)
_ID_SEPARATORS = str.maketrans(",.", ".,")


def _grouped(shown: Decimal, decimals: int) -> str:
    """``shown`` (already rounded to exactly ``decimals`` places) with Indonesian grouping:
    ``1.234.567,50``. Python's own ``,`` grouping with the separators swapped — the text
    Babel's ``#,##0.00`` pattern gives for locale ``id_ID`` (property-tested against it), at a
    fraction of the cost (issue 10: formatting was most of the BLM panel's update)."""
    return format(shown, f",.{decimals}f").translate(_ID_SEPARATORS)


def format_rupiah(value: Decimal, decimals: int = 0) -> str:
    """Whole rupiah with ``.`` grouping (``1.205.500.000``); ``decimals`` adds ``,00``.

    Rounded half up to ``decimals`` places (``1234,5`` → ``1.235``). A value of
    :data:`MAX_SHOWN_DIGITS` digits or more is shown as ``1,000E+30``.

    Raises:
        ValueError: ``value`` not finite.
    """
    if _too_long(value):
        return _scientific(value)
    return _grouped(quantize_shown(value, decimals), decimals)


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """A number the Indonesian way: ``1.234,5``.

    With ``decimals`` the number is shown with exactly that many decimals (``2`` → ``45,00``),
    rounded half up; without, as many as it has (no trailing zeros, never rounded). A value
    of :data:`MAX_SHOWN_DIGITS` digits or more is shown as ``1,000E+30``.

    Raises:
        ValueError: ``value`` not finite.
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    if _too_long(value):
        return _scientific(value)
    if decimals is None:
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        decimals = len(text.split(".")[1]) if "." in text else 0
        decimals = min(decimals, MAX_SHOWN_DECIMALS)
    return _grouped(quantize_shown(value, decimals), decimals)


#: A stored value shown in a finding is written out in full between these magnitudes, and as
#: ``1,5 × 10^30`` outside them (a readable power of ten instead of 31 digits or ``1E+30``).
STORED_LARGEST = Decimal(10) ** 18
STORED_SMALLEST = Decimal("1E-6")
#: Most decimals of a stored value written out in full (more are rounded half up).
STORED_DECIMALS = 12


def _power_of_ten(value: Decimal) -> str:
    """``1 × 10^30``, ``-2,5 × 10^-9``: at most four significant digits, rounded half up,
    Indonesian decimal comma, no trailing zeros."""
    rounded = decimal.Context(prec=4, rounding=ROUND_HALF_UP, Emax=decimal.MAX_EMAX,
                              Emin=decimal.MIN_EMIN).plus(value)
    exponent = rounded.adjusted()
    mantissa = rounded.scaleb(-exponent, context=_context(rounded, 4))
    return f"{format_number(mantissa.normalize())} × 10^{exponent}"


def format_stored_value(raw: object) -> str:
    """A value read from a file, as a finding about it shows it (the one helper of the
    project-file loader's findings, issue 5): numbers the Indonesian way.

    * a finite number (``Decimal``, ``int``, ``float``, or text that is one) between
      :data:`STORED_SMALLEST` and :data:`STORED_LARGEST` in magnitude, or zero: written out,
      every decimal up to :data:`STORED_DECIMALS` (``0.7`` → ``0,7``; ``1234567`` →
      ``1.234.567``; ``-150`` → ``-150``);
    * beyond them: a power of ten (``1E+30`` → ``1 × 10^30``; ``1.5E-9`` → ``1,5 × 10^-9``);
    * NaN → ``bukan angka (NaN)``; infinity → ``tak terhingga`` (with its sign);
    * None or blank text → ``kosong``; other text → the text quoted (``'dua'``), at most 40
      characters; bytes → ``data biner``.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return "kosong"
    if isinstance(raw, bytes | bytearray | memoryview):
        return "data biner"
    value: Decimal | None
    if isinstance(raw, bool):
        value = Decimal(int(raw))
    elif isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int | float):
        value = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    else:
        try:
            value = Decimal(str(raw).strip())
        except decimal.InvalidOperation:
            value = None
        if value is None or "," in str(raw):  # "1,5" is text here, not a number
            text = str(raw)
            return repr(text if len(text) <= 40 else text[:39] + "…")
    if value.is_nan():
        return "bukan angka (NaN)"
    if value.is_infinite():
        return ("-" if value < 0 else "") + "tak terhingga"
    if value == 0:
        return "0"
    if not STORED_SMALLEST <= abs(value) < STORED_LARGEST:
        return _power_of_ten(value)
    exponent = value.as_tuple().exponent
    decimals = min(max(-exponent, 0), STORED_DECIMALS) if isinstance(exponent, int) else 0
    return format_number(quantize_shown(value, decimals) if decimals else value)


#: The true minus sign (U+2212) a shown or printed negative amount starts with.
MINUS = "\u2212"


def _places(value: Decimal) -> int:
    """How many decimals ``value`` has once trailing zeros are dropped (``1234.50`` → 1),
    read from its digits (no context: exact for any finite Decimal)."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0 or value == 0:
        return 0
    places, i = -exponent, len(digits) - 1
    while places and i >= 0 and digits[i] == 0:
        places, i = places - 1, i - 1
    return min(places, MAX_SHOWN_DECIMALS)


def format_rate(value: Decimal) -> str:
    """A unit rate (or any rupiah amount) exactly as priced: the one text the window and the
    PDF show for it, so that a rate on screen and on paper read the same.

    ``1546200`` → ``1.546.200``; ``1234.5`` and ``1234.50`` → ``1.234,50`` (a value with sen
    keeps all its decimals, at least two; never rounded, so printed rate × printed volume
    gives the printed amount); ``-5000`` → ``−5.000`` (true minus sign, U+2212); zero, also
    ``-0``, or a value that prints as zero → ``0``. Beyond :data:`MAX_SHOWN_DIGITS` digits,
    ``1,000E+30``.

    Raises:
        ValueError: ``value`` not finite.
    """
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    magnitude = abs(value)
    places = _places(magnitude)
    text = format_rupiah(magnitude) if places == 0 else format_number(magnitude, max(2, places))
    if value < 0 and text.strip("0.,") != "":
        return MINUS + text
    return text


def format_percent(fraction: Decimal, decimals: int | None = None) -> str:
    """``Decimal('0.11')`` → ``'11%'``; ``Decimal('0.125')`` → ``'12,5%'``; with ``decimals``
    the percentage is rounded half up to that many places (``0.12345``, 1 → ``'12,3%'``)."""
    return format_number(fraction * 100, decimals) + "%"


def format_local_time(when: datetime, locale: str = "id", tz: tzinfo | None = None) -> str:
    """``when`` in the computer's time zone (or ``tz``), with the weekday and the zone:
    ``Senin, 30 November 2026 14.05 WIB`` (Babel's CLDR names; Indonesian writes a dot
    between hours and minutes, PUEBI). A naive ``when`` is taken as UTC. Used for "since when"
    in lock messages and the time of a recovery copy."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    pattern = "EEEE, d MMMM y HH.mm zzz" if locale.startswith("id") else "EEEE, d MMMM y HH:mm zzz"
    return format_datetime(when, pattern, tzinfo=tz or get_timezone(), locale=locale)
