"""Fuzz (hypothesis) of number parsing in both conventions, unit parsing and the
measurement-line evaluation (issue 5 "Fuzzing"). Property everywhere: no uncaught exception,
no silent zero, no dropped row — a value or a finding. Bounded in ``make test``; ``make fuzz``
runs the same tests with many more examples (marker ``fuzz``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.numbers import NumberConvention, NumberParseError, parse_number
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Section, price_package
from dtpl_studio.costing.units import (
    ALIASES,
    CANONICAL,
    UnknownUnitError,
    normalize_unit,
    read_unit,
)
from tests.fuzzing import examples

from .test_pricebook import make_book

pytestmark = pytest.mark.fuzz
ID, US = NumberConvention.ID, NumberConvention.US
SEPARATORS = {ID: (".", ","), US: (",", ".")}


def written(value: Decimal, convention: NumberConvention, grouped: bool) -> str:
    """``value`` written by hand in ``convention`` (grouping optional)."""
    group, mark = SEPARATORS[convention]
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, frac = text.partition(".")
    if grouped:
        head = len(whole) % 3 or 3
        whole = whole[:head] + "".join(group + whole[i:i + 3] for i in range(head, len(whole), 3))
    return sign + whole + (mark + frac if frac else "")


amounts = st.decimals(min_value=-(10**15), max_value=10**15, places=4, allow_nan=False)
dressing = st.sampled_from(["{}", "Rp {}", "Rp. {}", "IDR {}", " {} ", "\u00a0{}\u00a0", "Rp{},-"])


@settings(max_examples=examples(200))
@given(value=amounts, convention=st.sampled_from([ID, US]), grouped=st.booleans(), dress=dressing)
def test_a_number_written_in_its_convention_reads_back_exactly(value, convention, grouped, dress):
    text = written(value, convention, grouped)
    if dress.endswith(",-") and (convention is US or "," in text):
        dress = "Rp {}"  # ",-" closes a whole Indonesian amount only
    assert parse_number(dress.format(text), convention) == value


@settings(max_examples=examples(300))
@given(text=st.one_of(st.text(max_size=20), st.text(alphabet="0123456789.,-+() %Rp\u00a0eE", max_size=20)),
       convention=st.sampled_from([ID, US]))
def test_any_text_is_a_finite_number_or_a_parse_error_never_a_silent_zero(text, convention):
    try:
        value = parse_number(text, convention)
    except NumberParseError:
        return
    assert isinstance(value, Decimal) and value.is_finite()
    if value == 0:  # a zero must have been written: a digit 0 or a dash meaning nil
        stripped = text.replace("\u00a0", " ").strip()
        assert "0" in stripped or stripped.strip("-–— ") == "", text


@settings(max_examples=examples(200))
@given(value=st.decimals(min_value=Decimal("0.001"), max_value=10**9, places=3), grouped=st.booleans())
def test_the_two_conventions_never_read_one_text_as_two_different_numbers_silently(value, grouped):
    """A text read in both conventions either gives the same number or the other one
    refuses it, except for the known ambiguous shape d.ddd / d,ddd (one separator and
    exactly three digits), which is why a file's convention is chosen per file."""
    text = written(value, ID, grouped)
    try:
        other = parse_number(text, US)
    except NumberParseError:
        return
    if other != value:
        digits = text.lstrip("-")
        assert digits.count(".") + digits.count(",") == 1 and len(digits.split("." if "." in digits else ",")[1]) == 3


# -- units -------------------------------------------------------------------------------------

@settings(max_examples=examples(300))
@given(text=st.one_of(st.text(max_size=10), st.sampled_from(sorted(ALIASES)).map(lambda a: a.upper())))
def test_any_unit_text_is_a_canonical_symbol_or_refused(text):
    try:
        reading = read_unit(text)
    except UnknownUnitError as exc:
        assert exc.raw == text
        return
    assert reading.symbol in CANONICAL


@settings(max_examples=examples(200))
@given(alias=st.sampled_from(sorted(ALIASES)), pad=st.sampled_from(["", " ", "\u00a0", "  "]),
       case=st.sampled_from([str.upper, str.lower, str.title, str.capitalize]))
def test_every_alias_reads_the_same_whatever_its_spacing_and_case(alias, pad, case):
    assert normalize_unit(pad + case(alias) + pad) == ALIASES[alias]


# -- measurement-line evaluation ----------------------------------------------------------------

factor_values = st.one_of(
    st.decimals(min_value=0, max_value=10**4, places=3),
    st.decimals(min_value=-(10**4), max_value=0, places=3),
    st.sampled_from([Decimal("1E+30"), Decimal("1E-30"), Decimal("1E+400"), Decimal(0)]),
)
factor_units = st.sampled_from(["", "m", "m'", "cm", "mm", "m2", "m3", "kg", "bh", "OH", "liter", "ml", "ls"])
lines = st.lists(st.tuples(st.lists(st.tuples(factor_values, factor_units), min_size=0, max_size=4),
                           st.sampled_from([1, 1, 1, -1])), min_size=0, max_size=4)


@settings(max_examples=examples(150))
@given(unit=st.sampled_from(sorted(u for u in CANONICAL if u)), take_off=lines,
       rate=st.decimals(min_value=0, max_value=10**7, places=2))
def test_measurement_lines_give_a_value_or_a_finding(unit, take_off, rate):
    item = Item("Uji", unit, custom_rate=rate, custom_reason="uji", measurements=[
        Measurement(f"baris {n}", [Factor(f"f{k}", v, u) for k, (v, u) in enumerate(factors)], sign=sign)
        for n, (factors, sign) in enumerate(take_off)])
    priced = price_package(Package("Uji", Component.FISIK, make_book(), [Section("I", [item])]))
    rows = list(priced.items())
    assert len(rows) == 1  # no dropped row
    row = rows[0]
    codes = {f.code for f in priced.findings if f.severity is Severity.ERROR}
    if row.error:
        assert codes, "an item in error has an error finding"
        assert row.amount == 0
    else:
        assert row.volume is not None and row.volume.is_finite()
        format_number(row.volume)
        format_rupiah(row.amount)
        if row.volume == 0:
            assert "zero-volume" in {f.code for f in priced.findings}  # never a silent zero
    if any(v < 0 for factors, _ in take_off for v, _ in factors):
        assert "negative-factor" in codes
