"""The safe formula reader: parsing, exact evaluation, Excel emulation rules."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    ExcelEmulator,
    FormulaError,
    Grid,
    Name,
    Percent,
    Ref,
    XlError,
    evaluate_exact,
    parse_formula,
    wildcard_regex,
)


def test_parse_references_and_precedence():
    node = parse_formula("=VLOOKUP(D7,upahbahan,3,FALSE)/1400")
    assert isinstance(node, Binary) and node.op == "/"
    call = node.left
    assert isinstance(call, Call) and call.name == "VLOOKUP"
    assert call.args[0] == Ref(None, 4, 7) and call.args[1] == Name("upahbahan")
    assert parse_formula("=$N$7") == Ref(None, 14, 7)
    ext = parse_formula("='[1]Daftar HSP'!D120")
    assert isinstance(ext, Ref) and ext.external == 1 and ext.sheet == "Daftar HSP"
    assert parse_formula("=SUM(H7:H11)").args[0] == Ref(None, 8, 7, 8, 11)
    assert isinstance(parse_formula("=H156*10%").right, Percent)
    # Excel: negation binds tighter than ^ (-2^2 = 4), * before +
    assert evaluate_exact(parse_formula("=-2^2")) == 4
    assert evaluate_exact(parse_formula("=1+2*3")) == 7


def test_evaluate_exact_is_decimal_and_refuses_what_it_cannot_do():
    assert evaluate_exact(parse_formula("=61.56/1400")) * 1400 == pytest.approx(Decimal("61.56"))
    assert evaluate_exact(parse_formula("=0.1+0.2")) == Decimal("0.3")
    assert evaluate_exact(parse_formula("=35/100")) == Decimal("0.35")
    assert evaluate_exact(parse_formula("=F43"), lambda ref: Decimal("0.5")) == Decimal("0.5")
    for bad in ("=F43", "=SUM(1,2)", '="a"*2', "=1/0", "='[1]X'!A1"):
        with pytest.raises(FormulaError):
            evaluate_exact(parse_formula(bad))
    with pytest.raises(FormulaError):
        parse_formula("=(1+2")


def _grid(cells: dict[str, object]) -> Grid:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    grid = Grid()
    grid.raw["S"] = {}
    grid.cached["S"] = {}
    for coord, value in cells.items():
        letters, row = coordinate_from_string(coord)
        grid.raw["S"][(row, column_index_from_string(letters))] = value
    return grid


def test_excel_text_coercion():
    grid = _grid(
        {
            "A1": "2,625",
            "A2": "0,1667",
            "A3": "0,120",
            "A4": 3000,
            "B1": "=A1*A4",
            "B2": "=A2*A4",
            "B3": "=A3*A4",
        }
    )
    xl = ExcelEmulator(grid, "excel")
    assert xl.value("S", 1, 2) == 7875000.0  # the comma read as a thousands separator
    assert xl.value("S", 2, 2) == XlError("#VALUE!")
    assert xl.value("S", 3, 2) == XlError("#VALUE!")  # a leading 0 group is not a number
    assert "S!A1" in xl.trace.text_as_thousands and "S!A2" in xl.trace.text_value_error
    exact = ExcelEmulator(grid, "exact")
    assert exact.value("S", 1, 2) == Decimal("7875")
    assert exact.value("S", 2, 2) == Decimal("500.1")


def test_excel_rounddown_sum_and_vlookup():
    grid = _grid(
        {
            "A1": "Semen",
            "B1": 1300,
            "A2": "semen",
            "B2": 9999,
            "A3": "Pasir",
            "B3": 275000,
            "C1": '=VLOOKUP("SEMEN",A1:B3,2,FALSE)',
            "C2": '=VLOOKUP("Kerikil",A1:B3,2,FALSE)',
            "C3": "=ROUNDDOWN(0.29*100000+0.29*100000*0.1,-2)",
            "C4": "=SUM(B1:B3,A1)",
        }
    )
    xl = ExcelEmulator(grid, "excel")
    assert xl.value("S", 1, 3) == 1300.0  # case-insensitive, first match wins
    assert xl.value("S", 2, 3) == XlError("#N/A")
    # the float sum is 31 899.999999999996, but Excel rounds the value as shown to 15
    # significant digits (31 900.0000000000): ROUNDDOWN keeps 31 900
    assert xl.value("S", 3, 3) == 31900.0
    assert ExcelEmulator(grid, "exact").value("S", 3, 3) == Decimal("31900")
    assert xl.value("S", 4, 3) == 286299.0  # text in a SUM range is ignored


def test_wildcards():
    assert wildcard_regex("Semen*").match("semen portland")
    assert wildcard_regex('Pipa ?"').match('Pipa 1"')
    assert not wildcard_regex("a~*").match("ab")
    assert wildcard_regex("a~*").match("a*")


@pytest.mark.parametrize(
    ("formula", "excel", "float_rounding"),
    [
        # the published cases (issue 8; Apache POI MathX.round, PhpSpreadsheet PR #1404)
        ("=ROUND(1.005,2)", 1.01, 1.0),
        ("=ROUND(0.285,2)", 0.29, 0.28),
        ("=ROUNDDOWN(SUM(2.26,2.94),2)", 5.2, 5.19),
        ("=ROUND(21.9/0.2,0)", 110.0, 109.0),
        ("=ROUNDUP(SUM(2.21,2.19),2)", 4.4, 4.41),
        # symmetric about zero: half away from zero, ROUNDUP away, ROUNDDOWN toward zero
        ("=ROUND(-2.5,0)", -3.0, None),
        ("=ROUNDUP(-0.2,0)", -1.0, None),
        ("=ROUNDDOWN(-0.8,0)", 0.0, None),
        ("=ROUND(1234.5,-2)", 1200.0, None),
        ("=ROUNDDOWN(0.29*100000+0.29*100000*0.1,-2)", 31900.0, 31800.0),
    ],
)
def test_excel_rounding_works_on_the_value_as_shown(formula, excel, float_rounding):
    """Excel's ROUND/ROUNDUP/ROUNDDOWN round the 15-significant-digit value, not the binary
    float; the third column is what rounding the float itself gives (the old emulation)."""
    grid = _grid({"A1": formula})
    assert ExcelEmulator(grid, "excel").value("S", 1, 1) == excel
    if float_rounding is not None:
        assert float_rounding != excel


def test_float_boundary_needs_more_than_float_noise():
    from dtpl_studio.spreadsheets.ahsp_cipta_karya import float_boundary

    step = Decimal(100)
    # ordinary noise: Excel's 15-digit view is 31 900, nothing is missed
    assert float_boundary(Decimal("31900"), 31899.999999999996, step) is None
    # an error beyond 15 digits (a cancellation): Excel's view is 31 899.9999999 → 31 800
    assert float_boundary(Decimal("31900"), 31899.9999999, step) == Decimal("31900")
    assert float_boundary(Decimal("31950"), 31949.9, step) is None  # not on a multiple


_SHAPES = [
    "=F{0}*G{1}",
    "=VLOOKUP(D{0},upahbahan,3,FALSE)/1400",
    "=SUM(H{0}:H{1})",
    "=H{0}+H{1}+H{2}",
    "=ROUNDDOWN(H{0},-2)",
    "=$M${0}",
    "='[1]Analisis Pekerjaan SNI'!H{0}",
    '=VLOOKUP("A{0}",x,2,0)&B{1}',
    "=Persiapan!F{0}*-G{1}%",
    "=LOG10(A{0})+SUM(B{1}:C{2},2)",
]


@given(
    shape=st.sampled_from(_SHAPES),
    rows=st.lists(st.integers(min_value=1, max_value=1048576), min_size=3, max_size=3),
)
def test_formulas_of_one_shape_parse_as_if_parsed_alone(shape, rows):
    """The parse shared by formulas that differ only in reference rows gives the tree a
    parse of the text alone gives (ranges written backwards and text literals included)."""
    from dtpl_studio.spreadsheets.formula import _Parser

    text = shape.format(*rows)
    assert parse_formula(text) == _Parser(text).parse()
