"""An item priced Rp 0 is in error, whatever makes its rate 0 (newcomer finding: a RAB
imported with 111 empty rates printed as "Final"): a custom rate written as any zero, an
override to 0, an analysis of a coefficient-only edition; a priced item never is."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.rab import price_program
from tests.reporting.conftest import make_program


def _first_custom_and_analysis(program):
    items = list(program.packages[1].items())
    custom = next(i for i in items if i.analysis_code is None and i.custom_rate is not None)
    analysed = next(i for i in items if i.analysis_code is not None)
    return custom, analysed


def _row(priced, item):
    return next(r for pp in priced.packages for r in pp.items() if r.item.id == item.id)


def _codes(priced):
    return {f.code for pp in priced.packages for f in pp.findings}


@settings(max_examples=40, deadline=None)
@given(zero=st.sampled_from(["0", "0.00", "0E+3", "-0"]), how=st.sampled_from(["custom", "override", "book"]))
def test_every_way_to_a_zero_rate_is_an_error_and_blocks_the_verdict(zero, how):
    program = make_program()
    custom, analysed = _first_custom_and_analysis(program)
    if how == "custom":
        custom.custom_rate, target = Decimal(zero), custom
    elif how == "override":
        analysed.rate_override, analysed.override_reason, target = Decimal(zero), "uji", analysed
    else:  # the book prices the analysis at 0 (a coefficient-only edition): every resource 0
        book = program.packages[1].book
        for key in list(book.resources):
            book.resources[key].price = Decimal(0)
        book.touch()
        target = analysed
    priced = price_program(program, fresh=True)
    row = _row(priced, target)
    assert row.error == "harga satuan Rp 0: item belum dihargai" and row.amount == 0
    assert "zero-rate" in _codes(priced) and not priced.passed


@settings(max_examples=40, deadline=None)
@given(rate=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(10**9), places=2))
def test_a_priced_item_is_never_a_zero_rate(rate):
    program = make_program()
    custom, _ = _first_custom_and_analysis(program)
    custom.custom_rate = rate
    priced = price_program(program, fresh=True)
    assert not _row(priced, custom).error and "zero-rate" not in _codes(priced)
