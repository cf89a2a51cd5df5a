"""Edition diff (issue 8 point 1): added/removed/changed resources and analyses, old → new
price, and the effect on every analysis's rate."""

from __future__ import annotations

import copy
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.edition_diff import ADDED, CHANGED, RATE_ONLY, REMOVED, diff_books
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)

KEYS = ("L.01", "L.02", "M.01", "M.02", "E.01")
KINDS = {"L": ResourceKind.LABOUR, "M": ResourceKind.MATERIAL, "E": ResourceKind.EQUIPMENT}
LINE_KINDS = {"L": LineKind.LABOUR, "M": LineKind.MATERIAL, "E": LineKind.EQUIPMENT}


def _book() -> PriceBook:
    book = PriceBook(PriceBookMeta(region="Kota Contoh", year=2025))
    for n, key in enumerate(KEYS, start=1):
        book.resources[key] = Resource(key, f"Sumber {key}", KINDS[key[0]], "OH" if key[0] == "L" else "kg",
                                       Decimal(10_000 * n))
    book.analyses["A.1"] = Analysis("A.1", "Galian", "m3", [AnalysisLine(LineKind.LABOUR, "L.01", Decimal("0.75"))])
    book.analyses["A.2"] = Analysis("A.2", "Adukan", "m3", [
        AnalysisLine(LineKind.LABOUR, "L.02", Decimal("1.2")), AnalysisLine(LineKind.MATERIAL, "M.01", Decimal("3.5")),
        AnalysisLine(LineKind.EQUIPMENT, "E.01", Decimal("0.1"))])
    book.analyses["A.3"] = Analysis("A.3", "Pasangan", "m3", [
        AnalysisLine(LineKind.SUB_ANALYSIS, "A.2", Decimal("0.3")), AnalysisLine(LineKind.MATERIAL, "M.02", Decimal("1.1"))])
    return book


def test_identical_books_and_numerically_equal_prices_differ_in_nothing():
    old, new = _book(), _book()
    new.resources["M.01"].price = Decimal("30000.00")  # the same number written otherwise
    assert diff_books(old, new).empty


def test_a_price_change_reaches_every_analysis_that_uses_it_nested_too():
    old, new = _book(), _book()
    new.resources["M.01"].price = Decimal(31_000)
    diff = diff_books(old, new)
    (res,) = diff.resources
    assert (res.key, res.status, res.old_price, res.new_price, res.change) == (
        "M.01", CHANGED, Decimal(30_000), Decimal(31_000), Decimal(1_000))
    assert {(a.code, a.status) for a in diff.analyses} == {("A.2", RATE_ONLY), ("A.3", RATE_ONLY)}
    a2 = next(a for a in diff.analyses if a.code == "A.2")
    assert a2.new_rate == new.unit_rate("A.2") and a2.old_rate == old.unit_rate("A.2") and a2.change_pct > 0
    assert "1 berubah" in diff.summary() and "2 harganya berubah" in diff.summary()


def test_added_removed_and_changed_definitions():
    old, new = _book(), _book()
    del new.analyses["A.1"]
    new.analyses["A.4"] = Analysis("A.4", "Urugan", "m3", [AnalysisLine(LineKind.LABOUR, "L.01", Decimal("0.5"))])
    new.analyses["A.2"].lines[0] = AnalysisLine(LineKind.LABOUR, "L.02", Decimal("1.25"))
    new.analyses["A.2"].lines[1].description = "only words"  # not a change of the price
    del new.resources["E.01"]
    new.resources["E.02"] = Resource("E.02", "Molen", ResourceKind.EQUIPMENT, "jam", Decimal(50_000))
    diff = diff_books(old, new)
    assert {(r.key, r.status) for r in diff.resources} == {("E.01", REMOVED), ("E.02", ADDED)}
    status = {a.code: a for a in diff.analyses}
    assert status["A.1"].status == REMOVED and status["A.1"].new_rate is None
    assert status["A.4"].status == ADDED and status["A.4"].old_rate is None
    assert status["A.2"].status == CHANGED and status["A.2"].fields == ("lines",)
    assert status["A.2"].error  # E.01 is gone from the new book: said, not raised
    assert status["A.3"].status == RATE_ONLY


@settings(max_examples=60, deadline=None)
@given(prices=st.lists(st.integers(1, 500_000), min_size=len(KEYS), max_size=len(KEYS)),
       coefficient=st.decimals(Decimal("0.001"), Decimal("9"), places=3))
def test_the_diff_lists_exactly_the_analyses_whose_rate_or_definition_moved(prices, coefficient):
    old = _book()
    new = copy.deepcopy(old)
    for key, price in zip(KEYS, prices, strict=True):
        new.resources[key].price = Decimal(price)
    new.analyses["A.1"].lines[0].coefficient = coefficient
    new.touch()
    diff = diff_books(old, new)
    moved = {c for c in old.analyses if old.unit_rate(c) != new.unit_rate(c)}
    redefined = {"A.1"} if coefficient != Decimal("0.75") else set()
    assert {a.code for a in diff.analyses} == moved | redefined
    assert {r.key for r in diff.resources} == {k for k in KEYS if old.resources[k].price != new.resources[k].price}
    for a in diff.analyses:
        assert a.new_rate == new.unit_rate(a.code) and a.old_rate == old.unit_rate(a.code)
