from decimal import Decimal

import pytest

from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookError,
    PriceBookMeta,
    Resource,
    ResourceKind,
)

L, M, E = ResourceKind.LABOUR, ResourceKind.MATERIAL, ResourceKind.EQUIPMENT


def make_book() -> PriceBook:
    book = PriceBook(PriceBookMeta(rate_rounding=RoundingRule(Decimal(100), RoundingMode.DOWN)))
    for key, kind, unit, price in [
        ("Pekerja", L, "OH", "100000"), ("Tukang batu", L, "OH", "145000"),
        ("Mandor", L, "OH", "145000"), ("Semen portland", M, "kg", "1300"),
        ("Pasir pasang", M, "m3", "250000"), ("Molen", E, "hari", "350000"),
    ]:
        book.add_resource(Resource(key, key, kind, unit, Decimal(price)))
    book.put_analysis(Analysis("G.1", "Galian 1 m3 tanah biasa", "m3", [
        AnalysisLine(LineKind.LABOUR, "Pekerja", Decimal("0.75"), "OH"),
        AnalysisLine(LineKind.LABOUR, "Mandor", Decimal("0.038"), "OH"),
    ], overhead_pct=Decimal("0.10")))
    book.put_analysis(Analysis("M.1", "Mortar 1 m3", "m3", [
        AnalysisLine(LineKind.MATERIAL, "Semen portland", Decimal("325"), "kg"),
        AnalysisLine(LineKind.MATERIAL, "Pasir pasang", Decimal("0.04397142857142857142857142857"), "m3"),
        AnalysisLine(LineKind.EQUIPMENT, "Molen", Decimal("0.05"), "hari"),
        AnalysisLine(LineKind.PCT_OF_MATERIAL, "", Decimal("0.10"), "%", "Alat bantu 10% bahan"),
    ]))
    book.put_analysis(Analysis("P.1", "Pasangan dengan mortar", "m3", [
        AnalysisLine(LineKind.LABOUR, "Tukang batu", Decimal("0.5"), "OH"),
        AnalysisLine(LineKind.SUB_ANALYSIS, "M.1", Decimal("0.3"), "m3"),
        AnalysisLine(LineKind.MATERIAL, "Semen portland", Decimal("1"), "zak", price_override=Decimal("65000")),
    ], overhead_pct=Decimal("0.15")))
    return book


def test_a_to_f_of_a_labour_only_analysis():
    b = make_book().compute("G.1")
    # A = 0.75 × 100.000 + 0.038 × 145.000 = 75.000 + 5.510
    assert b.a == Decimal("80510.000")
    assert b.b == 0 and b.c == 0 and b.d == b.a
    assert b.e == Decimal("8051.0000")
    assert b.f_exact == Decimal("88561.0000")
    assert b.f == Decimal("88500")  # ROUNDDOWN(F, -2)


def test_percentage_of_material_and_exact_coefficients():
    book = make_book()
    b = book.compute("M.1")
    material = Decimal(325) * 1300 + Decimal("0.04397142857142857142857142857") * 250000
    assert b.b == material
    assert b.c == Decimal("0.05") * 350000 + material * Decimal("0.10")
    assert b.overhead_pct == Decimal("0.10")  # book default


def test_sub_analysis_uses_rounded_f_of_the_child():
    book = make_book()
    child = book.compute("M.1")
    parent = book.compute("P.1")
    assert parent.b == Decimal("0.3") * child.f + 65000
    assert parent.overhead_pct == Decimal("0.15")


def test_cycle_is_an_error():
    book = make_book()
    book.analyses["M.1"].lines.append(AnalysisLine(LineKind.SUB_ANALYSIS, "P.1", Decimal(1)))
    book.put_analysis(book.analyses["M.1"])
    with pytest.raises(PriceBookError, match="cycle"):
        book.compute("P.1")


def test_missing_resource_and_unit_mismatch_are_errors():
    book = make_book()
    book.put_analysis(Analysis("X.1", "x", "m3", [AnalysisLine(LineKind.MATERIAL, "Nope", Decimal(1))]))
    with pytest.raises(PriceBookError, match="not in the book"):
        book.compute("X.1")
    book.put_analysis(Analysis("X.2", "x", "m3", [AnalysisLine(LineKind.MATERIAL, "Semen portland", Decimal(1), "m3")]))
    with pytest.raises(PriceBookError, match="does not fit"):
        book.compute("X.2")


def test_line_unit_converted_to_resource_unit():
    book = make_book()
    book.put_analysis(Analysis("X.3", "x", "m3", [AnalysisLine(LineKind.MATERIAL, "Semen portland", Decimal(2), "ton")]))
    assert book.compute("X.3").b == Decimal(2) * 1000 * 1300


def test_subset_keeps_dependencies_and_hash_changes_with_price():
    book = make_book()
    sub = book.subset({"P.1"})
    assert set(sub.analyses) == {"P.1", "M.1"}
    assert set(sub.resources) == {"Tukang batu", "Semen portland", "Pasir pasang", "Molen"}
    assert sub.compute("P.1").f == book.compute("P.1").f
    h = book.content_hash()
    book.set_price("Pekerja", Decimal(100001))
    assert book.content_hash() != h
    assert book.compute("G.1").a != Decimal("80510.000")  # memo cleared


def test_search_by_code_and_name():
    book = make_book()
    assert [a.code for a in book.search("galian")] == ["G.1"]
    assert [a.code for a in book.search("m.1 mortar")] == ["M.1"]
