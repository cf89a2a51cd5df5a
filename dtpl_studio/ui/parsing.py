"""Reading what a user types into a cell: numbers (``12,5`` or ``12.5``) and ``150 m``.

Indonesian is tried first (``.`` groups thousands, ``,`` is the decimal mark, DOMAIN.md §5.4),
then the US convention, so ``12,5`` and ``12.5`` both mean twelve and a half while
``1.000`` means one thousand. Units go through :func:`dtpl_studio.costing.units.normalize_unit`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dtpl_studio.costing.numbers import NumberConvention, NumberParseError, parse_number
from dtpl_studio.costing.units import normalize_unit

_FACTOR = re.compile(r"^\s*([-+]?[\d.,]*\d)\s*(.*?)\s*$")


class AmbiguousNumberError(NumberParseError):
    """``2.125`` could be two thousand one hundred twenty-five (Indonesian) or two and an
    eighth (US): the user is asked to write it unambiguously."""


_AMBIGUOUS = re.compile(r"^[+-]?[1-9]\d{0,2}\.\d{3}$")
_ASCII_NUMBER = re.compile(r"^[\s+\-()0-9.,%]*$")


def parse_user_number(text: str) -> Decimal:
    """A number typed by the user, Indonesian first, then US.

    ``12,5`` and ``12.5`` are twelve and a half; ``1.234.567`` is Indonesian grouping;
    ``0.125`` is a decimal. A single dot before exactly three digits (``2.125``) is
    ambiguous and refused, as is any digit other than ASCII ``0``–``9``.

    Raises:
        AmbiguousNumberError: ``d.ddd`` with one dot.
        NumberParseError: neither convention reads it.
    """
    if not _ASCII_NUMBER.match(text):
        raise NumberParseError(f"not a number: {text!r}")
    if _AMBIGUOUS.match(text.strip()):
        raise AmbiguousNumberError(f"ambiguous: {text!r}")
    try:
        return parse_number(text, NumberConvention.ID)
    except NumberParseError as first:
        try:
            return parse_number(text, NumberConvention.US)
        except NumberParseError:
            raise first from None


def parse_factor(text: str, default_unit: str) -> tuple[Decimal, str]:
    """Read a factor cell such as ``150 m``, ``2,5``, ``12 cm`` or ``7``.

    Args:
        text: what was typed.
        default_unit: the unit to use when none is typed (the factor's current unit).

    Returns:
        ``(value, canonical unit symbol)``.

    Raises:
        NumberParseError: the number part cannot be read.
        UnknownUnitError: the unit part is not a known spelling.
    """
    match = _FACTOR.match(text)
    if not match:
        raise NumberParseError(f"no number in {text!r}")
    number, unit = match.group(1), match.group(2)
    value = parse_user_number(number)
    return value, (normalize_unit(unit) if unit else default_unit)
