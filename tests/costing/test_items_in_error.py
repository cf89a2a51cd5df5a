"""Issue 5 (fix5 point 1): an item in error is priced 0 everywhere.

The class: any programme in which some items are in error (a negative volume stored or typed,
a deduction line larger than the work, a negative custom rate or override, a negative factor,
a sign other than ±1, an unknown unit, a funding split above the item). Property: every
figure made from the programme (package totals, funding shares, BLM per component, the
verdict's totals, the rekap kebutuhan, the jadwal weights) equals the figure of the same
programme with the items in error removed, and no rupiah figure is negative (only a marked
deduction line inside an item whose volume stays ≥ 0 subtracts).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.blm import program_totals
from dtpl_studio.costing.funding import Component, FundingShare, FundingSource
from dtpl_studio.costing.jadwal import jadwal_package
from dtpl_studio.costing.kebutuhan import schedule_program
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    Program,
    Section,
    price_program,
)

from .test_pricebook import make_book

BAD_KINDS = ("neg-volume", "big-deduction", "neg-custom", "neg-override", "neg-factor",
             "bad-sign", "unknown-unit", "split-over")
GOOD_KINDS = ("volume", "measured", "deduction", "analysis", "split")

money = st.decimals(min_value=1, max_value=10**7, places=0)
volume = st.decimals(min_value=Decimal("0.01"), max_value=10**4, places=2)
source = st.sampled_from([FundingSource.BLM, FundingSource.APBD, FundingSource.SWADAYA, None])


@st.composite
def item_spec(draw, kinds):
    return (draw(st.sampled_from(kinds)), draw(volume), draw(volume), draw(money), draw(source))


def make_item(n: int, spec) -> Item:
    """A fresh item (id ``i<n>``) of the drawn kind; the same spec always gives the same item."""
    kind, a, b, rate, funding = spec
    item = Item(f"item {n} {kind}", "m3", custom_rate=rate, custom_reason="survei pasar",
                volume=a, funding=funding, id=f"i{n}")
    work = Measurement("pekerjaan", [Factor("p", a, "m"), Factor("l", Decimal(1), "m"),
                                     Factor("t", Decimal(1), "m")])
    if kind == "measured":
        item.measurements = [work]
    elif kind == "deduction":  # a marked deduction smaller than the work: legitimate
        item.measurements = [work, Measurement("dikurangi", [Factor("v", a / 2, "m3")], sign=-1)]
    elif kind == "analysis":
        item.custom_rate, item.analysis_code = None, "G.1"
    elif kind == "split":
        item.funding_split = [FundingShare(FundingSource.APBD, percent=Decimal(40))]
    elif kind == "neg-volume":
        item.volume = -a
    elif kind == "big-deduction":
        item.measurements = [work, Measurement("dikurangi", [Factor("v", a + b, "m3")], sign=-1)]
    elif kind == "neg-custom":
        item.custom_rate = -rate
    elif kind == "neg-override":
        item.rate_override, item.override_reason = -rate, "salah ketik"
    elif kind == "neg-factor":
        item.measurements = [Measurement("besar", [Factor("v", a + b + 10, "m3")]),
                             Measurement("salah", [Factor("v", -b, "m3")])]
    elif kind == "bad-sign":
        item.measurements = [Measurement("salah", [Factor("v", a, "m3")], sign=3)]
    elif kind == "unknown-unit":
        item.unit = "qwerty"
    elif kind == "split-over":
        item.volume, item.custom_rate = Decimal(1), rate
        item.funding_split = [FundingShare(FundingSource.APBD, amount=rate + 1)]
    return item


def make_program(specs_by_package, keep=lambda n: True) -> Program:
    book = make_book()
    packages = []
    n = 0
    for p, (component, specs) in enumerate(specs_by_package):
        items = []
        for spec in specs:
            if keep(n):
                items.append(make_item(n, spec))
            n += 1
        half = len(items) // 2
        packages.append(Package(f"P{p}", component, book, [Section("I", items[:half]), Section("II", items[half:])],
                                ksm="KSM Maju", price_basis_note="uji", id=f"p{p}"))
    return Program("Sukamaju", packages=packages)


def rupiah_figures(priced):
    """Every rupiah figure the programme prints (items, sections, packages, shares)."""
    for pp in priced.packages:
        yield pp.package.name, pp.direct
        yield pp.package.name, pp.rounded
        yield from ((pp.package.name, v) for v in pp.by_source.values())
        for _kind, node in pp.rows():
            yield getattr(node, "number", ""), getattr(node, "amount", getattr(node, "total", Decimal(0)))
        for it in pp.items():
            yield from ((it.number, v) for _, v in it.funding)
    for f in priced.verdict.findings:
        yield from ((f.code, v) for _, v in f.amounts)
        yield from ((f.code, c.amount) for c in f.contributors)


programmes = st.tuples(
    st.lists(item_spec(GOOD_KINDS + BAD_KINDS), min_size=1, max_size=5),
    st.lists(item_spec(GOOD_KINDS + BAD_KINDS), min_size=1, max_size=6),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes)
def test_items_in_error_count_as_removed_everywhere(specs):
    plan, fis = specs
    layout = [(Component.PERENCANAAN, plan), (Component.FISIK, fis)]
    priced = price_program(make_program(layout))
    in_error = {it.item.id for pp in priced.packages for it in pp.items() if it.error}
    bad = {f"i{n}" for n, s in enumerate(plan + fis) if s[0] in BAD_KINDS}
    assert in_error == bad  # every kind in error is flagged, no good one is
    for pp in priced.packages:
        for it in pp.items():
            if it.error:
                assert it.amount == 0 and it.funding == ()
    clean = price_program(make_program(layout, keep=lambda n: f"i{n}" not in in_error))
    for a, b in zip(priced.packages, clean.packages, strict=True):
        assert (a.direct, a.ppn, a.total, a.rounded, a.terbilang) == (b.direct, b.ppn, b.total, b.rounded, b.terbilang)
        assert a.by_source == b.by_source and a.by_source_exact == b.by_source_exact
        ja, jb = jadwal_package(a), jadwal_package(b)
        assert ja.total == jb.total
        assert {r.item_id: r.bobot for r in ja.rows if r.item_id not in in_error} == {r.item_id: r.bobot for r in jb.rows}
        assert all(r.bobot == 0 and r.person_days is None for r in ja.rows if r.item_id in in_error)
    assert priced.blm_by_component == clean.blm_by_component
    assert program_totals(priced.packages) == program_totals(clean.packages)
    assert priced.verdict.totals == clean.verdict.totals
    ka, kb = schedule_program(priced), schedule_program(clean)
    def needs(schedule):  # numbers shift when items are removed: compare what is needed
        return [(r.key, r.quantity, r.amount, tuple(c.item_id for c in r.contributions)) for r in schedule.resources]
    assert (needs(ka), ka.direct, ka.broken_down) == (needs(kb), kb.direct, kb.broken_down)
    negatives = [(where, v) for where, v in rupiah_figures(priced) if v < 0]
    assert negatives == []
    for f in priced.verdict.findings:
        assert "-Rp" not in f.message and "−Rp" not in f.message, f.message
    if in_error:
        assert not priced.passed


def test_a_deduction_larger_than_the_work_is_priced_zero_not_negative():
    """The window's case: Beton rabat with a deduction n = 2000: the item is in error, its
    amount 0, and the package total is the other items' (it never goes below 0)."""
    good = (("volume", Decimal(10), Decimal(1), Decimal(500_000), None),)
    bad = (("big-deduction", Decimal(5), Decimal(2000), Decimal(1_000_000), None),)
    priced = price_program(make_program([(Component.FISIK, good + bad)]))
    pp = priced.packages[0]
    rabat = next(it for it in pp.items() if it.item.id == "i1")
    assert rabat.error.startswith("volume negatif") and rabat.amount == 0 and rabat.volume is None
    assert pp.direct == Decimal(5_000_000)
    assert [f.code for f in pp.findings if f.code == "negative-volume"] == ["negative-volume"]
    assert not any(f.code == "negative-total" for f in pp.findings)
