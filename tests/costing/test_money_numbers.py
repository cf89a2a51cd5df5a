from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.money import D, RoundingMode, RoundingRule, from_float
from dtpl_studio.costing.numbers import (
    NumberConvention,
    NumberParseError,
    detect_convention,
    parse_number,
)

ID, US = NumberConvention.ID, NumberConvention.US


def test_from_float_uses_15_significant_digits():
    assert from_float(0.1 + 0.2) == Decimal("0.3")
    assert from_float(34327.799999999996) == Decimal("34327.8")
    assert from_float(100000.0) == Decimal("100000")
    assert str(from_float(100000.0)) == "100000"
    with pytest.raises(ValueError):
        from_float(float("nan"))


def test_D_rejects_bool_and_accepts_plain_text():
    assert D("12.5") == Decimal("12.5")
    assert D(3) == Decimal(3)
    with pytest.raises(TypeError):
        D(True)


@pytest.mark.parametrize(
    ("value", "rule", "expected"),
    [
        ("792240.70", RoundingRule(Decimal(100), RoundingMode.DOWN), "792200"),
        ("792299.99", RoundingRule(Decimal(100), RoundingMode.DOWN), "792200"),
        ("1205525266.95", RoundingRule(Decimal(100000), RoundingMode.DOWN), "1205500000"),
        ("198978864.71", RoundingRule(Decimal(1000000), RoundingMode.UP), "199000000"),
        ("45.005", RoundingRule(Decimal("0.01"), RoundingMode.HALF_UP), "45.01"),
        ("1234.5", RoundingRule(Decimal(1), RoundingMode.HALF_UP), "1235"),
        ("1234.5", RoundingRule(Decimal(0)), "1234.5"),
    ],
)
def test_rounding_rules(value, rule, expected):
    # Bontang (down to 100.000) and Pagar (up to the million) examples, DOMAIN.md §5.2
    assert rule.apply(Decimal(value)) == Decimal(expected)


def test_rounding_rule_round_trips_as_data():
    rule = RoundingRule(Decimal(1000), RoundingMode.DOWN)
    assert RoundingRule.from_dict(rule.to_dict()) == rule
    assert "ke bawah" in rule.describe()


@pytest.mark.parametrize(
    ("text", "conv", "expected"),
    [
        ("0,1667", ID, "0.1667"),
        ("1.234.567,89", ID, "1234567.89"),
        ("Rp 1.000,-", ID, "1000"),
        ("Rp 1.000.000,00", ID, "1000000.00"),
        ("Rp. 88.800", ID, "88800"),
        (" - ", ID, "0"),
        ("100,000.00", US, "100000.00"),
        ("Rp 88,844.25", US, "88844.25"),
        ("10%", ID, "0.1"),
        ("(1.500)", ID, "-1500"),
        ("3.000,000", ID, "3000.000"),
    ],
)
def test_parse_number(text, conv, expected):
    assert parse_number(text, conv) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "conv"),
    [("1.23,4", ID), ("12.34", ID), ("1,2,3", ID), ("abc", ID), ("", ID), ("1,23.4", US), ("Rp", ID)],
)
def test_parse_number_rejects(text, conv):
    with pytest.raises(NumberParseError):
        parse_number(text, conv)


def test_detect_convention():
    assert detect_convention(["0,75", "1.234,5"]) is ID
    assert detect_convention(["100,000.00", "0.75"]) is US
    assert detect_convention(["abc", ""]) is None


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_format_then_parse_round_trips(value):
    text = format_number(value, 2)
    assert parse_number(text, ID) == value
    assert parse_number("Rp " + format_rupiah(value.quantize(Decimal(1))), ID) == value.quantize(Decimal(1))


def test_a_leading_zero_group_is_never_a_thousands_group():
    # a reviewer typed 0.125 in the GUI and got 125: "0.125" cannot be Indonesian grouping
    with pytest.raises(NumberParseError):
        parse_number("0.125", ID)
    with pytest.raises(NumberParseError):
        parse_number("0,125", US)
    assert parse_number("0.125", US) == Decimal("0.125")
    assert parse_number("1.250", ID) == Decimal(1250)
