"""Property: any Decimal volumes, factors, prices and coefficients survive the round trip."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Program, Section
from dtpl_studio.storage.library import PriceLibrary
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import priced_figures, snapshot


def scaled(max_digits: int, min_places: int, max_places: int) -> st.SearchStrategy[Decimal]:
    """Decimals built as ``n × 10^-k``: trailing zeros and exponents vary (``1.500``, ``0E-7``).

    Magnitudes stay within what a RAB meets (prices below Rp 10^10, coefficients below 10^4,
    volumes below 10^7) so that pricing itself stays inside ``decimal``'s default precision.
    """
    return st.builds(lambda n, k: Decimal(n).scaleb(-k),
                     st.integers(0, 10**max_digits - 1), st.integers(min_places, max_places))


prices = scaled(12, 2, 6)
coefficients = scaled(29, 25, 32)
volumes = scaled(10, 3, 8)
deductions = st.booleans()


def lines(factors: list[tuple[Decimal, Decimal, bool]]) -> list[Measurement]:
    """``p × l`` lines, each optionally followed by a deduction of a fifth of it (net ≥ 0)."""
    out = []
    for i, (p, q, deduct) in enumerate(factors):
        out.append(Measurement(f"baris {i}", [Factor("p", p, "m"), Factor("l", q, "m")]))
        if deduct:
            out.append(Measurement(f"potongan {i}", [Factor("p", p / 5, "m"), Factor("l", q, "m")], sign=-1))
    return out


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(
    price=prices,
    coefficient=coefficients,
    item_volumes=st.lists(volumes, min_size=1, max_size=4),
    factors=st.lists(st.tuples(volumes, volumes, deductions), max_size=3),
    custom=st.none() | prices,
)
def test_decimals_survive_the_round_trip(price: Decimal, coefficient: Decimal,
                                         item_volumes: list[Decimal],
                                         factors: list[tuple[Decimal, Decimal, bool]],
                                         custom: Decimal | None) -> None:
    book = PriceBook()
    book.add_resource(Resource("Pekerja", "Pekerja", ResourceKind.LABOUR, "OH", price))
    book.put_analysis(Analysis("X.1", "galian", "m3",
                               lines=[AnalysisLine(LineKind.LABOUR, "Pekerja", coefficient, "OH")]))
    items: list[Section | Item] = [Item(f"item {i}", "m3", analysis_code="X.1", volume=v)
                                   for i, v in enumerate(item_volumes)]
    items.append(Item("diukur", "m2", custom_rate=custom if custom is not None else Decimal(1),
                      measurements=lines(factors)))
    program = Program("Uji", packages=[Package("P", Component.FISIK, book, [Section("I", items)])])

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.dtpl"
        save_program(program, path)
        loaded = load_program(path)
        with PriceLibrary(Path(tmp) / "lib.sqlite") as lib:
            from_library = lib.load_edition(lib.add_edition(book))

    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == priced_figures(program)
    assert loaded.packages[0].book.content_hash() == book.content_hash()
    assert from_library.content_hash() == book.content_hash()
    assert str(loaded.packages[0].book.analyses["X.1"].lines[0].coefficient) == str(coefficient)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(price=prices, coefficient=coefficients)
def test_decimals_survive_a_postgresql_library(pg_url: str, price: Decimal, coefficient: Decimal) -> None:
    """The same TEXT columns on PostgreSQL (never NUMERIC): digits, trailing zeros and
    exponents come back as stored, so the content hash is the same (one schema for the test,
    one edition per example)."""
    book = PriceBook()
    book.add_resource(Resource("Pekerja", "Pekerja", ResourceKind.LABOUR, "OH", price))
    book.put_analysis(Analysis("X.1", "galian", "m3",
                               lines=[AnalysisLine(LineKind.LABOUR, "Pekerja", coefficient, "OH")]))
    with PriceLibrary(pg_url) as lib:
        loaded = lib.load_edition(lib.add_edition(book))
    assert loaded.content_hash() == book.content_hash()
    assert str(loaded.resources["Pekerja"].price) == str(price)
    assert str(loaded.analyses["X.1"].lines[0].coefficient) == str(coefficient)
