"""Price outliers (issue 8 point 3): a price far from both its neighbours is a warning with
the reason; a size series that grows step by step is not."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.pricebook import PriceBook, Resource, ResourceKind
from dtpl_studio.spreadsheets.checks import OUTLIER_FACTOR, price_outliers
from dtpl_studio.spreadsheets.report import ImportReport


def _book(prices: list[Decimal], word: str = "Kayu", unit: str = "m3") -> PriceBook:
    book = PriceBook()
    for n, price in enumerate(prices):
        key = f"{word} {n}"
        book.resources[key] = Resource(key, f"{word} ukuran {n}", ResourceKind.MATERIAL, unit, price,
                                       source_ref=f"harga.csv | baris {n + 2}")
    return book


def _outliers(book: PriceBook) -> list:
    report = ImportReport("harga.csv")
    price_outliers(book, report)
    return [f for f in report.findings if f.code == "price-outlier"]


@settings(max_examples=80, deadline=None)
@given(start=st.integers(1_000, 5_000_000), steps=st.lists(st.decimals("1", "3", places=2), min_size=4,
                                                              max_size=25))
def test_a_size_series_is_never_an_outlier(start, steps):
    prices = [Decimal(start)]
    for step in steps:
        prices.append((prices[-1] * step).quantize(Decimal(1)))
    assert _outliers(_book(prices)) == []


@settings(max_examples=80, deadline=None)
@given(base=st.integers(1_000_000, 9_000_000), n=st.integers(5, 20), at=st.integers(0, 19),
       factor=st.sampled_from([Decimal(100), Decimal(1000), Decimal("0.01"), Decimal("0.001")]))
def test_a_typed_zero_too_many_or_a_unit_mixup_is_found_where_it_was_read(base, n, at, factor):
    prices = [Decimal(base + 10_000 * i) for i in range(n)]
    at = at % n
    prices[at] *= factor
    found = _outliers(_book(prices))
    assert [f.location for f in found] == [f"harga.csv | harga.csv | baris {at + 2}"]
    assert "salah satuan atau salah ketik" in found[0].message and "Kayu" in found[0].message


def test_groups_are_kind_unit_and_first_word():
    book = _book([Decimal(3_000_000)] * 5)
    book.resources["Kayu 9"] = Resource("Kayu 9", "Kayu usuk", ResourceKind.MATERIAL, "btg", Decimal(30_000))
    book.resources["Paku 1"] = Resource("Paku 1", "Paku", ResourceKind.MATERIAL, "m3", Decimal(30_000))
    assert _outliers(book) == []  # another unit, another word: other groups
    assert OUTLIER_FACTOR == 20
