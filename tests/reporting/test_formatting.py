"""The number helpers of the report: decimals chosen, never a re-rounded figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.formatting import quantize_shown
from dtpl_studio.reporting.common import (
    amount_words,
    capitalise,
    coefficient,
    coefficient_fits,
    esc,
    exact,
    money,
    money2,
    percent,
    signed_exact,
    signed_money,
    volume,
)
from dtpl_studio.reporting.fonts import printable

D = Decimal


@pytest.mark.parametrize(("value", "text"), [
    (D("0.750"), "0,750"),
    (D("0.75"), "0,75"),
    (D("371"), "371"),
    (D("0.0333"), "0,0333"),
    (D("0.00016"), "0,00016"),
    (D("1.200000000"), "1,200000"),
    (D("0.04166667"), "0,04167"),
    (D("0.7474074074074074074074074074074074"), "0,7474"),  # AHSP.xlsx Beton!F454
    (D("0.0002228571428571428571428571428571"), "0,0002229"),
    (D("0.9999999999"), "1,0000"),  # places from the value, not from the rounded one
    (D("1234.5"), "1.234,5"),
])
def test_coefficient(value, text):
    assert coefficient(value) == text


@given(st.decimals(min_value=D("0.000001"), max_value=D("100000"), places=34,
                   allow_nan=False, allow_infinity=False))
def test_coefficient_is_what_was_written_or_four_significant_digits(value):
    """Issue 9 point 7: no ``≈`` mark; a written coefficient (≤ 6 decimals) prints exactly;
    a longer quotient prints half up to 4 significant digits."""
    text = coefficient(value)
    assert "≈" not in text
    shown = D(text.replace(".", "").replace(",", "."))
    if coefficient_fits(value):
        assert shown == value
    else:
        places = max(0, 3 - value.adjusted())
        assert shown == quantize_shown(value, places)


@pytest.mark.parametrize(("value", "text"), [
    (D("1546200"), "1.546.200"),
    (D("1275500.50"), "1.275.500,50"),
    (D("1275500.5"), "1.275.500,50"),
    (D("99.125"), "99,125"),  # never rounded: rate × volume must reconcile
    (D("0"), "0"),
    (D("-0"), "0"),  # −x × 0 % gives Decimal('-0'): never "-0"
    (D("-0.00"), "0"),
    (D("-200000"), "−200.000"),  # a true minus sign
])
def test_money(value, text):
    assert money(value) == text


def test_other_helpers():
    assert money2(D("12937.5")) == "12.937,50"
    assert signed_money(D("-82852000")) == "−82.852.000"
    assert signed_money(D("5")) == "5"
    assert volume(D("374.28"), 2) == "374,28"
    assert volume(D("1"), 3) == "1,000"
    assert exact(D("21.6000")) == "21,6"
    assert exact(D("0.123456789")) == "0,123457"
    assert signed_exact(D("-0.72")) == "−0,72"
    assert money2(D("-0")) == "0,00"
    assert money2(D("-0.001")) == "0,00"
    assert volume(D("-0.001"), 2) == "0,00"
    assert volume(D("-2"), 2) == "−2,00"
    assert exact(D("-0")) == "0"
    assert percent(D("-0")) == "0%"
    assert percent(D("0.11")) == "11%"
    assert amount_words(D("-200000")) == "minus dua ratus ribu rupiah"
    assert amount_words(D("-0")) == "nol rupiah"
    assert capitalise("seratus ribu rupiah") == "Seratus ribu rupiah"
    assert esc("a < b & c") == "a &lt; b &amp; c"


def test_printable():
    assert printable("Besi φ10, 5 ℓ, 2 m") == "Besi φ10, 5 ℓ, 2 m"  # DejaVu draws them
    assert printable("± ≤ × − ² ³ é") == "± ≤ × − ² ³ é"
    assert printable("ascii only") == "ascii only"
    assert printable("\u4e2d") == "?"
    assert printable("s.d. tanaman ∅ 2 cm") == "s.d. tanaman ∅ 2 cm"
    assert printable("Ď ≡ ∓") == "Ď ≡ ∓"
