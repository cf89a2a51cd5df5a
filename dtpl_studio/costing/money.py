"""Money as :class:`decimal.Decimal` and rounding rules kept as data.

Rules (``../shared/DESIGN.md`` §5, ``domain/DOMAIN.md`` §2.2 and §5.2):

* money and coefficients are ``Decimal`` from first parse to last print, never ``float``;
* a float that arrives from a spreadsheet becomes Decimal through 15 significant digits
  (what Excel itself displays), never ``Decimal(float)``;
* every rounding step (unit rate F, volume, line amount, total *pembulatan*) is a
  :class:`RoundingRule` stored with the book or project and printed on the package.
"""

from __future__ import annotations

import decimal
import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

ZERO = Decimal(0)
ONE = Decimal(1)

#: Context for all core arithmetic: 34 significant digits, far above Excel's 15, so
#: that a chain coefficient × price × (1 + p) never loses a rupiah.
CONTEXT = decimal.Context(prec=34, rounding=ROUND_HALF_UP)


def D(value: object) -> Decimal:
    """Return ``value`` as a Decimal.

    Accepts ``Decimal``, ``int``, ``str`` (plain ``123.45`` syntax only; for Indonesian or
    US text use :func:`dtpl_studio.costing.numbers.parse_number`) and ``float``, which is
    converted through 15 significant digits (Excel's precision) so that ``0.1`` stays
    ``Decimal('0.1')``.

    Raises:
        TypeError: for ``bool`` or any other type.
        decimal.InvalidOperation: for a string that is not a plain decimal number.
    """
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return from_float(value)
    if isinstance(value, str):
        return Decimal(value.strip())
    raise TypeError(f"cannot make a Decimal of {type(value).__name__}")


def from_float(value: float) -> Decimal:
    """Convert a spreadsheet float to Decimal through 15 significant digits.

    ``0.1 + 0.2`` (``0.30000000000000004``) becomes ``Decimal('0.3')``, as Excel shows it.
    Trailing zeros are removed; integers come back without an exponent.

    Raises:
        ValueError: for NaN or infinity.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    text = f"{value:.15g}"
    result = Decimal(text)
    if result == result.to_integral_value():
        return result.quantize(ONE)
    return result.normalize()


class RoundingMode(StrEnum):
    """Direction of a rounding step."""

    HALF_UP = "half_up"  # 0,5 and above goes up (Excel ROUND)
    DOWN = "down"  # toward minus infinity (Excel ROUNDDOWN for positive amounts)
    UP = "up"  # toward plus infinity (Excel ROUNDUP for positive amounts)

    @property
    def decimal_rounding(self) -> str:
        return {
            RoundingMode.HALF_UP: ROUND_HALF_UP,
            RoundingMode.DOWN: ROUND_FLOOR,
            RoundingMode.UP: ROUND_CEILING,
        }[self]


@dataclass(frozen=True, slots=True)
class RoundingRule:
    """A rounding step as data: a multiple (``step``) and a direction (``mode``).

    ``step`` is a positive Decimal: ``1`` whole rupiah, ``100`` for the
    ``ROUNDDOWN(F,-2)`` of the AHSP Cipta Karya workbook, ``1000`` for the usual
    *dibulatkan ke bawah ribuan*, ``0.01`` for volumes to two decimals. A step of ``0``
    means "no rounding".

    Source: practice observed in ``domain/DOMAIN.md`` §2.2 (unit rate) and §5.2 (total); no
    regulation fixes it [U], so it is always a setting.
    """

    step: Decimal = ONE
    mode: RoundingMode = RoundingMode.HALF_UP

    def __post_init__(self) -> None:
        if self.step < 0:
            raise ValueError(f"rounding step must be ≥ 0, got {self.step}")

    def apply(self, value: Decimal) -> Decimal:
        """Round ``value`` to a multiple of ``step`` in this rule's direction."""
        if self.step == 0:
            return value
        units = (value / self.step).quantize(ONE, rounding=self.mode.decimal_rounding, context=CONTEXT)
        result = units * self.step
        if self.step >= 1:
            return result.quantize(ONE)
        return result.quantize(self.step)

    def describe(self) -> str:
        """Indonesian description printed on the package, e.g. ``dibulatkan ke bawah ke kelipatan 1.000``."""
        if self.step == 0:
            return "tanpa pembulatan"
        from dtpl_studio.costing.formatting import format_number

        word = {RoundingMode.HALF_UP: "terdekat", RoundingMode.DOWN: "ke bawah", RoundingMode.UP: "ke atas"}[self.mode]
        return f"dibulatkan {word} ke kelipatan {format_number(self.step)}"

    def to_dict(self) -> dict[str, str]:
        return {"step": str(self.step), "mode": self.mode.value}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> RoundingRule:
        return cls(step=Decimal(data["step"]), mode=RoundingMode(data["mode"]))


def round_rupiah(value: Decimal) -> Decimal:
    """Round to whole rupiah, half up (the line-amount rule of DESIGN.md §5)."""
    return value.quantize(ONE, rounding=ROUND_HALF_UP, context=CONTEXT)


def format_plain(value: Decimal) -> str:
    """Format without exponent and without trailing zeros: ``Decimal('1E+2')`` → ``'100'``."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
