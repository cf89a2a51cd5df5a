"""Indonesian number formats for print and screen, through Babel (locale ``id_ID``).

``format_rupiah(Decimal('1205500000'))`` → ``'1.205.500.000'``;
``format_number(Decimal('0.0440'), 4)`` → ``'0,0440'``. Babel is a formatting library, not a
UI one, so the core may use it.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "id_ID"


def format_rupiah(value: Decimal, decimals: int = 0) -> str:
    """Whole rupiah with ``.`` grouping (``1.205.500.000``); ``decimals`` adds ``,00``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=True)


def format_number(value: Decimal, decimals: int | None = None) -> str:
    """A number the Indonesian way: ``1.234,5``.

    With ``decimals`` the number is shown with exactly that many decimals (``2`` → ``45,00``);
    without, as many as it has (no trailing zeros).
    """
    if decimals is None:
        text = format(value.normalize(), "f")
        decimals_found = len(text.split(".")[1]) if "." in text else 0
        pattern = "#,##0" + ("." + "#" * decimals_found if decimals_found else "")
        return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=False)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_percent(fraction: Decimal) -> str:
    """``Decimal('0.11')`` → ``'11%'``; ``Decimal('0.125')`` → ``'12,5%'``."""
    return format_number(fraction * 100) + "%"
