"""The safe formula reader: parsing, exact evaluation, Excel emulation rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

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
    assert xl.value("S", 3, 3) == 31800.0  # float lands below 31 900
    assert ExcelEmulator(grid, "exact").value("S", 3, 3) == Decimal("31900")
    assert xl.value("S", 4, 3) == 286299.0  # text in a SUM range is ignored


def test_wildcards():
    assert wildcard_regex("Semen*").match("semen portland")
    assert wildcard_regex('Pipa ?"').match('Pipa 1"')
    assert not wildcard_regex("a~*").match("ab")
    assert wildcard_regex("a~*").match("a*")
