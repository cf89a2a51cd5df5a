"""Issue 5 fault 13: one rounding rule (half up) from calculation to screen to paper.

Every number a user reads is formatted by :mod:`dtpl_studio.costing.formatting`; what it
shows must be the value quantized half up (as ``round_rupiah`` and the volume rounding
compute it), never Babel's default half-even.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    quantize_shown,
)
from dtpl_studio.costing.money import round_rupiah
from dtpl_studio.costing.numbers import NumberConvention, parse_number

ID = NumberConvention.ID


def half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# values with up to 6 decimals, magnitudes up to 10^15 (the rate limit of the core), both signs;
# ties (…5 at the first dropped place) are drawn on purpose: that is where the rules differ
values = st.decimals(min_value=-(10**15), max_value=10**15, places=6, allow_nan=False,
                     allow_infinity=False)
ties = st.builds(lambda n, d: (Decimal(n) + Decimal("0.5")).scaleb(-d),
                 st.integers(min_value=-(10**12), max_value=10**12), st.integers(0, 4))


def _parse(text: str) -> Decimal:
    return parse_number(text.replace("\u2212", "-"), ID)


@given(st.one_of(values, ties), st.integers(min_value=0, max_value=4))
def test_format_number_shows_the_half_up_value(value, decimals):
    shown = format_number(value, decimals)
    assert _parse(shown) == half_up(value, decimals)
    # exactly ``decimals`` decimals are printed
    assert (len(shown.split(",")[1]) if "," in shown else 0) == decimals


@given(st.one_of(values, ties))
def test_format_rupiah_shows_the_rupiah_the_calculation_rounds_to(value):
    assert _parse(format_rupiah(value)) == round_rupiah(value)


@given(st.one_of(values, ties), st.integers(min_value=0, max_value=3))
def test_format_rupiah_with_cents_and_quantize_shown_agree(value, decimals):
    assert _parse(format_rupiah(value, decimals)) == half_up(value, decimals) == quantize_shown(value, decimals)


@given(st.decimals(min_value=0, max_value=2, places=6), st.integers(min_value=0, max_value=2))
def test_format_percent_rounds_half_up(fraction, decimals):
    shown = format_percent(fraction, decimals)
    assert _parse(shown.rstrip("%")) == half_up(fraction * 100, decimals)


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (Decimal("1234.5"), 0, "1.235"),          # the custom rate shown next to its amount 1.235
    (Decimal("12.5"), 0, "13"),               # 12,5 × 3 = 37,5: shown 13 and 38, not 12 and 38
    (Decimal("37.5"), 0, "38"),
    (Decimal("6750.025"), 2, "6.750,03"),     # 10 % × 67 500,25
    (Decimal("0.125"), 2, "0,13"),
    (Decimal("-2.5"), 0, "-3"),
    (Decimal("-0.4"), 0, "0"),                # never "-0"
])
def test_the_issue_examples(value, decimals, text):
    assert format_number(value, decimals) == text
    if decimals == 0:
        assert format_rupiah(value) == text


def test_huge_and_tiny_values_format_without_a_decimal_error():
    assert format_number(Decimal("1E+21")) == "1." + ".".join(["000"] * 7)
    assert format_number(Decimal("1E+30")) == "1,000E+30"  # beyond any real figure: scientific
    assert format_rupiah(Decimal("9" * 40)) == "1,000E+40"
    assert format_number(Decimal("1E+999999"), 2) == "1,000E+999999"  # never a million digits
    assert format_number(Decimal("1E-30")) == "0," + "0" * 29 + "1"
    assert format_number(Decimal("100.00")) == "100"


def test_no_caller_formats_numbers_around_the_one_formatting_path():
    """Babel and bare ``quantize`` (context rounding, half-even by default) appear nowhere
    in the screen and paper layers: they format through costing/formatting.py."""
    root = Path(__file__).resolve().parents[2] / "dtpl_studio"
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "formatting.py" and path.parent.name == "costing":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import) babel", text, re.M):
            offenders.append(f"{path.relative_to(root)} imports babel")
        if path.parts[-2] in ("ui", "widgets", "models", "reporting", "sections"):
            for m in re.finditer(r"\.quantize\(([^()]*(\([^()]*\))?[^()]*)\)", text):
                if "rounding=" not in m.group(1):
                    offenders.append(f"{path.relative_to(root)}: .quantize({m.group(1)}) rounds half-even")
    assert offenders == []


@given(st.integers(0, 2).flatmap(lambda places: st.decimals(min_value=-(10**15), max_value=10**15,
                                                            places=places, allow_nan=False,
                                                            allow_infinity=False)))
def test_format_rate_is_exact_with_sen_and_reads_back(value):
    """The one text of a rate (window and PDF): whole rupiah, or all its decimals (at least
    two) when it has sen — never rounded; read back it is the value."""
    from dtpl_studio.costing.formatting import format_rate

    text = format_rate(value)
    assert _parse(text) == value
    assert ("," in text) == (value != value.to_integral_value())
    if "," in text:
        assert len(text.split(",")[1]) == 2


@given(st.one_of(values, ties, st.decimals(allow_nan=False, allow_infinity=False,
                                           min_value=-(10**23), max_value=10**23)),
       st.integers(min_value=0, max_value=6))
def test_grouping_is_babels_text_for_id_ID(value, decimals):
    """Issue 10: the figures are grouped by Python's ``,`` format with the separators swapped
    (Babel's pattern parser and formatter were most of the BLM panel's update); the text is
    Babel's own for locale id_ID, signs, zeros and every size below the scientific form."""
    import decimal

    from babel.numbers import format_decimal

    shown = quantize_shown(value, decimals)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    with decimal.localcontext(decimal.Context(prec=200, rounding=ROUND_HALF_UP)):
        expected = format_decimal(shown, format=pattern, locale="id_ID", decimal_quantization=True)
    assert format_number(value, decimals) == expected
    if decimals == 0:
        assert format_rupiah(value) == expected
