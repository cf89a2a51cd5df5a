"""The shared cell → Decimal reader: every number a workbook gives is a checked value or an
ERROR finding naming the cell (issue 5, fault 8), never an exception."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.spreadsheets.cells import (
    LIMITS,
    MAX_SIGNIFICANT_DIGITS,
    MIN_MAGNITUDE,
    CellReader,
    Quantity,
    decimal_of,
)
from dtpl_studio.spreadsheets.formula import ERROR_CODES, Grid
from dtpl_studio.spreadsheets.report import ImportReport


def _reader(cells: dict[tuple[int, int], object], cached=None) -> CellReader:
    grid = Grid()
    grid.raw["Upah Bahan"] = dict(cells)
    grid.cached["Upah Bahan"] = dict(cached or {})
    return CellReader(grid, ImportReport(source_file="AHSP.xlsx"))


def _id_text(value: Decimal) -> str:
    """``value`` written the Indonesian way: ``1.234.567,25``."""
    sign = "-" if value < 0 else ""
    whole, _, frac = format(abs(value), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def _acceptable(value: Decimal, quantity: Quantity) -> bool:
    return (
        value.is_finite()
        and 0 <= value <= LIMITS[quantity].maximum
        and (value == 0 or value >= MIN_MAGNITUDE)
        and len(value.normalize().as_tuple().digits) <= MAX_SIGNIFICANT_DIGITS
    )


numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**20), max_value=10**20),
    st.sampled_from([1e30, -100000, 1e-300, 1e15, 1e15 + 2, 1e-12, 0.0, -0.0]),
)


def _cell_contents():
    """Cell contents of every kind a workbook gives: numbers (int, float incl. NaN/inf, huge,
    tiny, negative), the same numbers as Indonesian text, US text, Excel errors, logicals,
    formulas over them, junk text."""
    as_id_text = numbers.filter(lambda v: not (isinstance(v, float) and not math.isfinite(v))).map(
        lambda v: _id_text(Decimal(f"{v:.15g}") if isinstance(v, float) else Decimal(v))
    )
    as_us_text = st.decimals(
        allow_nan=False, allow_infinity=False, places=2, min_value=1000, max_value=10**9
    ).map(lambda d: f"{d:,.2f}")
    return st.one_of(
        numbers,
        as_id_text,
        as_us_text,
        st.sampled_from(sorted(ERROR_CODES)),
        st.booleans(),
        numbers.filter(lambda v: isinstance(v, int) or isinstance(v, Decimal) or math.isfinite(v)).map(
            lambda v: f"={v}"
        ),
        st.text(max_size=8),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_cell_contents(), quantity=st.sampled_from(list(Quantity)))
def test_every_cell_is_a_checked_value_or_an_error_finding(raw, quantity):
    reader = _reader({(9, 7): raw})
    reading = reader.read("Upah Bahan", 9, 7, quantity, action="resource not imported")
    findings = list(reader.report.findings)
    if reading is None:
        assert len(findings) == 1, findings
        finding = findings[0]
        assert finding.severity is Severity.ERROR
        assert finding.location == "AHSP.xlsx | Upah Bahan!G9"
        assert finding.raw, "the raw value is said"
        assert finding.action == "resource not imported"
        return
    assert not findings
    if isinstance(raw, str) and not raw.strip():
        assert reading.source == "empty" and reading.value is None  # the caller decides
        return
    assert reading.value is not None and _acceptable(reading.value, quantity), reading
    # the value is what the cell means, not something else
    if isinstance(raw, bool):
        pytest.fail("a logical value was taken as a number")
    if isinstance(raw, int | Decimal):
        assert reading.value == raw
    elif isinstance(raw, float):
        assert reading.value == Decimal(f"{raw:.15g}")


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (1e30, "number-range", "tidak wajar"),
        ("=1E+30", "number-range", "tidak wajar"),
        (-100000, "negative-number", "negatif"),
        ("-100.000", "negative-number", "negatif"),
        (float("inf"), "number-range", "terhingga"),
        (float("nan"), "number-range", "terhingga"),
        (1e-300, "number-range", "lebih kecil"),
        ("#REF!", "excel-error", "#REF!"),
        ("#VALUE!", "excel-error", "#VALUE!"),
        (True, "resource-price", "logika"),
        ("100,000.00", "resource-price", "konvensi Indonesia"),
        ("0." + "1" * 40, "resource-price", "konvensi"),
        ("0,1" + "1" * 40, "number-range", "angka penting"),
    ],
)
def test_refusals_name_the_cell_the_raw_value_and_why(raw, code, words):
    reader = _reader({(9, 7): raw})
    assert (
        reader.read(
            "Upah Bahan", 9, 7, Quantity.PRICE, action="resource not imported", code="resource-price"
        )
        is None
    )
    (finding,) = reader.report.findings
    assert (finding.severity, finding.code) == (Severity.ERROR, code)
    assert finding.location == "AHSP.xlsx | Upah Bahan!G9"
    assert words in finding.message
    assert finding.raw


def test_formulas_text_numbers_and_cached_values():
    reader = _reader(
        {(1, 1): "=61.56/1400", (2, 1): "0,1667", (3, 1): "=A2*2", (4, 1): "='[1]X'!A1"},
        cached={(4, 1): 125000.0},
    )
    a1 = reader.read("Upah Bahan", 1, 1, Quantity.COEFFICIENT, action="x")
    assert a1.source == "formula" and a1.value * 1400 == pytest.approx(Decimal("61.56"))
    a2 = reader.read("Upah Bahan", 2, 1, Quantity.COEFFICIENT, action="x")
    assert (a2.source, a2.value) == ("text", Decimal("0.1667"))
    a3 = reader.read("Upah Bahan", 3, 1, Quantity.COEFFICIENT, action="x")
    assert a3.value == Decimal("0.3334") and "dibaca sebagai 0,1667" in a3.notes[0]
    a4 = reader.read("Upah Bahan", 4, 1, Quantity.PRICE, action="x")
    assert (a4.source, a4.value) == ("cached", Decimal(125000)) and "buku kerja luar" in a4.why_cached
    assert reader.read("Upah Bahan", 5, 1, Quantity.PRICE, action="x").source == "empty"
    assert not list(reader.report.findings)


def test_decimal_of_keeps_excels_fifteen_digits():
    assert decimal_of(0.1 + 0.2) == Decimal("0.3")
    assert decimal_of(1e30) == Decimal("1E+30")  # no InvalidOperation: range is checked later
    assert decimal_of("1.234,5") == Decimal("1234.5")
