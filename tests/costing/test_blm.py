"""The BLM verdict (issue 6): ceilings on the rounded figures just below / at / above, rules as
data, multi-package sums, swadaya minimum, termin plan, price basis, explaining findings."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.blm import EXIT_CODE, VerdictKind, finding_kind, package_totals
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.funding import (
    DEFAULT_PLPBK_RULES,
    PLPBK_SOURCE,
    Component,
    FundingRule,
    FundingSource,
    SwadayaRule,
    Termin,
    applicable_rules,
)
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import PriceBookMeta
from dtpl_studio.costing.rab import Item, Package, PackageSettings, Program, Section, price_program

from .test_pricebook import make_book

JUTA = D(1_000_000)


def lump(description: str, amount: D, funding: FundingSource = FundingSource.BLM) -> Item:
    """A custom-rate item of exactly ``amount`` rupiah (no price book involved)."""
    return Item(description, "ls", custom_rate=amount, custom_reason="survei harga pasar",
                volume=D(1), funding=funding)


def package(name: str, component: Component, *items: Item, rounding: str = "1000",
            mode: RoundingMode = RoundingMode.DOWN, ksm: str = "") -> Package:
    return Package(name, component, make_book().subset(set()), [Section("I", list(items))],
                   ksm=ksm, settings=PackageSettings(total_rounding=RoundingRule(D(rounding), mode)))


def programme(*packages: Package, **kw) -> Program:
    kw.setdefault("termins", [Termin(D(100), "Progres fisik 100%")])
    return Program("Sukamaju", kota="Kota Contoh", fiscal_year=2026, packages=list(packages), **kw)


def codes(priced) -> list[str]:
    return [f.code for f in priced.verdict.findings]


# -- each ceiling just below, at, and just above, on the rounded figure -----------------------

CEILINGS = [(Component.PERENCANAAN, D(300) * JUTA), (Component.FISIK, D(700) * JUTA)]


@pytest.mark.parametrize("component,ceiling", CEILINGS)
@pytest.mark.parametrize("delta,rounded_delta,passes", [
    (D(-1000), D(-1000), True),   # just below
    (D(0), D(0), True),           # at the ceiling
    (D(999), D(0), True),         # above before rounding, at the ceiling after rounding down
    (D(1000), D(1000), False),    # just above on the rounded figure
])
def test_component_ceiling_on_the_rounded_figure(component, ceiling, delta, rounded_delta, passes):
    priced = price_program(programme(package("P", component, lump("x", ceiling + delta))))
    gauge = next(g for g in priced.verdict.gauges if g.key == component.value)
    assert gauge.amount.exact == ceiling + delta          # both figures are carried …
    assert gauge.amount.rounded == ceiling + rounded_delta  # … the rounded one is compared
    assert gauge.passed is passes
    assert priced.verdict.kind is (VerdictKind.PASSED if passes else VerdictKind.FAILS_RULE)
    assert priced.passed is passes
    if not passes:
        finding = next(f for f in priced.verdict.findings if f.code == "blm-ceiling")
        assert finding.severity is Severity.ERROR and finding.source == PLPBK_SOURCE
        assert dict(finding.amounts)["selisih"] == D(1000)
        assert "Rp 1.000 di atas pagu" in finding.remedy


@pytest.mark.parametrize("delta,passes", [(D(-1000), True), (D(0), True), (D(1000), False)])
def test_total_ceiling_is_the_allocation_across_components(delta, passes):
    rules = [FundingRule("PLP-BK", Component.PERENCANAAN, D(600) * JUTA, "uji"),
             FundingRule("PLP-BK", Component.FISIK, D(800) * JUTA, "uji"),
             FundingRule("PLP-BK", Component.TOTAL, D(1000) * JUTA, "uji total")]
    prog = programme(package("Plan", Component.PERENCANAAN, lump("a", D(400) * JUTA)),
                     package("Fis", Component.FISIK, lump("b", D(600) * JUTA + delta)),
                     rules=rules)
    priced = price_program(prog)
    total = next(g for g in priced.verdict.gauges if g.key == "total")
    assert total.amount.rounded == D(1000) * JUTA + delta and total.passed is passes
    assert [g.passed for g in priced.verdict.gauges if g.key in ("perencanaan", "fisik")] == [True, True]
    assert priced.passed is passes
    prog.blm_allocation = D(999) * JUTA  # a smaller kelurahan allocation tightens the total
    assert not price_program(prog).passed


def test_up_rounding_that_crosses_the_ceiling_says_so():
    ceiling = D(299_999_500)  # a ceiling that is not a multiple of the rounding step
    prog = programme(package("P", Component.PERENCANAAN, lump("x", ceiling - 100),
                             mode=RoundingMode.UP),
                     rules=[FundingRule("", Component.PERENCANAAN, ceiling, "uji")])
    priced = price_program(prog)
    finding = next(f for f in priced.verdict.findings if f.code == "blm-ceiling")
    assert "sebelum pembulatan jumlahnya masih dalam pagu" in finding.remedy
    assert dict(finding.amounts)["sebelum pembulatan"] == ceiling - 100
    assert dict(finding.amounts)["pagu"] == ceiling


def test_multi_package_sums_and_the_contributors_that_explain():
    a = package("Paket A", Component.FISIK, lump("Rabat beton", D(300) * JUTA),
                lump("Saluran", D(60) * JUTA), lump("Papan", D(1) * JUTA, FundingSource.SWADAYA))
    b = package("Paket B", Component.FISIK, lump("MCK", D(352_400_000)))
    priced = price_program(programme(a, b))
    fis = next(g for g in priced.verdict.gauges if g.key == "fisik")
    assert fis.amount.rounded == D(712_400_000)  # swadaya is not BLM
    finding = next(f for f in priced.verdict.findings if f.code == "blm-ceiling")
    assert finding.message.startswith("BLM fisik Rp 712.400.000 melebihi pagu Rp 700.000.000")
    assert finding.remedy.startswith("Rp 12.400.000 di atas pagu: pindahkan Rp 12.400.000 dari BLM")
    packages = [c for c in finding.contributors if not c.number]
    items = [c for c in finding.contributors if c.number]
    assert [(c.package, c.amount) for c in packages] == [("Paket A", D(360) * JUTA),
                                                         ("Paket B", D(352_400_000))]
    assert [c.description for c in items] == ["MCK", "Rabat beton", "Saluran"]  # largest first
    assert finding.item_id == b.sections[0].children[0].id  # clicking selects the largest item
    assert finding.package_id == b.id


# -- rules as data ------------------------------------------------------------------------------

def test_rule_table_rows_apply_by_programme_and_year():
    rules = [*DEFAULT_PLPBK_RULES,
             FundingRule("PLP-BK", Component.FISIK, D(500) * JUTA, "Perwal uji 2026", year=2026),
             FundingRule("KOTAKU", Component.FISIK, D(1) * JUTA, "bukan program ini")]
    chosen = applicable_rules(rules, "PLP-BK", 2026)
    assert [(r.component, r.ceiling) for r in chosen] == [
        (Component.PERENCANAAN, D(300) * JUTA), (Component.TOTAL, D(1000) * JUTA),
        (Component.FISIK, D(500) * JUTA)]
    assert [r.ceiling for r in applicable_rules(rules, "PLP-BK", 2025)] == [
        D(300) * JUTA, D(700) * JUTA, D(1000) * JUTA]
    prog = programme(package("F", Component.FISIK, lump("x", D(600) * JUTA)), rules=rules)
    priced = price_program(prog)
    assert priced.verdict.kind is VerdictKind.FAILS_RULE
    assert next(f for f in priced.verdict.findings if f.code == "blm-ceiling").source == "Perwal uji 2026"
    prog.fiscal_year = 2025
    assert price_program(prog).passed


def test_no_applicable_rule_means_the_check_could_not_be_made():
    prog = programme(package("F", Component.FISIK, lump("x", D(1) * JUTA)),
                     rules=[FundingRule("KOTAKU", Component.FISIK, D(1) * JUTA, "lain")])
    priced = price_program(prog)
    assert priced.verdict.kind is VerdictKind.NOT_VALID and priced.verdict.exit_code == 2
    assert "blm-no-rule" in codes(priced)


# -- one verdict: precedence --------------------------------------------------------------------

def test_items_in_error_make_the_verdict_not_valid_even_within_the_ceilings():
    book = make_book()
    pkg = Package("F", Component.FISIK, book, [Section("I", [
        lump("x", D(10) * JUTA), Item("hilang", "m3", analysis_code="TIDAK-ADA", volume=D(1))])],
        price_basis_note="uji")
    priced = price_program(programme(pkg))
    assert all(g.passed for g in priced.verdict.gauges)
    assert priced.verdict.kind is VerdictKind.NOT_VALID and priced.verdict.label == "BELUM SAH"
    assert not priced.passed and priced.verdict.exit_code == 2
    assert {priced.verdict.gauge_label(g) for g in priced.verdict.gauges if g.kind == "max"} == {"BELUM SAH"}
    error = next(f for f in priced.verdict.findings if f.code == "rate")
    assert error.item_id == pkg.sections[0].children[1].id and error.package_id == pkg.id


def test_a_failed_ceiling_outranks_items_in_error():
    pkg = package("F", Component.FISIK, lump("x", D(701) * JUTA),
                  Item("rusak", "ls", volume=D(1)))  # neither code nor rate: an error
    priced = price_program(programme(pkg))
    assert priced.verdict.kind is VerdictKind.FAILS_RULE and priced.verdict.exit_code == 1
    kinds = {finding_kind(f) for f in priced.verdict.findings}
    assert {VerdictKind.FAILS_RULE, VerdictKind.NOT_VALID} <= kinds


def test_exit_codes():
    assert EXIT_CODE == {VerdictKind.PASSED: 0, VerdictKind.FAILS_RULE: 1,
                         VerdictKind.PRICE_BASIS: 1, VerdictKind.NOT_VALID: 2}


# -- swadaya minimum ----------------------------------------------------------------------------

@pytest.mark.parametrize("swadaya,passes", [(D(19_999_000), False), (D(20_000_000), True),
                                            (D(20_001_000), True)])
def test_minimum_swadaya_share_on_the_rounded_figures(swadaya, passes):
    pkg = package("F", Component.FISIK, lump("BLM", D(100) * JUTA - swadaya),
                  lump("Tenaga warga", swadaya, FundingSource.SWADAYA))
    prog = programme(pkg, swadaya_rule=SwadayaRule(D("0.20"), "Kesepakatan rembug warga 2026"))
    priced = price_program(prog)
    gauge = next(g for g in priced.verdict.gauges if g.key == "swadaya")
    assert gauge.limit == D(20) * JUTA and gauge.passed is passes
    assert priced.passed is passes
    if not passes:
        f = next(f for f in priced.verdict.findings if f.code == "swadaya-min")
        assert f.source == "Kesepakatan rembug warga 2026"
        assert dict(f.amounts)["kekurangan"] == D(1000)
        assert f.remedy.startswith("kurang Rp 1.000")
        assert f.contributors and f.contributors[0].description == "BLM"


def test_without_a_minimum_the_swadaya_share_is_only_shown():
    pkg = package("F", Component.FISIK, lump("a", D(90) * JUTA),
                  lump("b", D(10) * JUTA, FundingSource.SWADAYA))
    priced = price_program(programme(pkg))
    gauge = next(g for g in priced.verdict.gauges if g.key == "swadaya")
    assert gauge.share == D("0.1") and gauge.passed and priced.verdict.gauge_state(gauge) == "none"


# -- termin plan ---------------------------------------------------------------------------------

def _termin_programme(*termins: Termin) -> Program:
    return programme(package("F", Component.FISIK, lump("x", D(100_001_000))), termins=list(termins))


def test_termin_amounts_add_up_to_the_blm_exactly_the_last_takes_the_rupiah():
    priced = price_program(_termin_programme(Termin(D("33.33"), "Kontrak"), Termin(D("33.33"), "50%"),
                                             Termin(D("33.34"), "100%")))
    lines = priced.verdict.termins
    assert [x.amount for x in lines] == [D(33_330_333), D(33_330_333), D(33_340_334)]
    assert sum(x.amount for x in lines) == D(100_001_000)
    assert priced.passed


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9_000), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=10 ** 9))
def test_termin_amounts_always_sum_to_the_blm(weights, blm_thousands):
    """Any plan whose percentages (2 decimals) add up to 100: Σ amounts = BLM to the rupiah,
    and every amount but the last is its percentage of the BLM rounded to the rupiah."""
    hundredths = [w * 10_000 // sum(weights) for w in weights]
    hundredths[-1] += 10_000 - sum(hundredths)
    if min(hundredths) <= 0:  # a 0% termin is its own finding (see below)
        return
    percents = [D(h) / 100 for h in hundredths]
    blm = D(blm_thousands) * 1000
    prog = programme(package("F", Component.FISIK, lump("x", blm)),
                     termins=[Termin(p, f"tahap {i}") for i, p in enumerate(percents)],
                     rules=[FundingRule("", Component.FISIK, D(10) ** 13, "uji")])
    lines = price_program(prog).verdict.termins
    assert sum(x.amount for x in lines) == blm
    for x in lines[:-1]:
        assert abs(x.amount - x.percent * blm / 100) <= D("0.5")


def test_termin_percentages_must_sum_to_100():
    priced = price_program(_termin_programme(Termin(D(40), "a"), Termin(D(40), "b"), Termin(D(30), "c")))
    f = next(f for f in priced.verdict.findings if f.code == "termin-sum")
    assert priced.verdict.kind is VerdictKind.FAILS_RULE and "110%" in f.message
    assert "kurangi 10%" in f.remedy


def test_each_termin_needs_a_milestone_and_a_positive_percent():
    priced = price_program(_termin_programme(Termin(D(100), "  "), Termin(D(0), "x")))
    assert {"termin-milestone", "termin-percent"} <= set(codes(priced))
    assert next(f for f in priced.verdict.findings if f.code == "termin-milestone").location == "Termin 1"


def test_a_stated_termin_amount_must_match_its_percentage():
    priced = price_program(_termin_programme(Termin(D(50), "a", D(50_000_000)),
                                             Termin(D(50), "b", D(50_000_500))))
    found = [f for f in priced.verdict.findings if f.code == "termin-amount"]
    assert [f.location for f in found] == ["Termin 1"]  # 50% of 100.001.000 is 50.000.500
    assert "Rp 50.000.500" in found[0].remedy
    assert not priced.passed


def test_a_missing_termin_plan_is_a_warning():
    priced = price_program(_termin_programme())
    f = next(f for f in priced.verdict.findings if f.code == "termin-missing")
    assert f.severity is Severity.WARNING and priced.passed
    assert priced.verdict.label == "LULUS DENGAN CATATAN"


# -- price basis ---------------------------------------------------------------------------------

def book_package(meta: PriceBookMeta, note: str = "", ksm: str = "") -> Package:
    book = make_book()
    book.meta = meta
    return Package("Jalan", Component.FISIK, book, [Section("I", [
        Item("Galian", "m3", analysis_code="G.1", volume=D(10))])], ksm=ksm, price_basis_note=note)


GOOD = dict(region="Kota Contoh", year=2026, status="published")


@pytest.mark.parametrize("change,code", [
    (dict(region=""), "price-basis-region-unknown"),
    (dict(status="draft"), "price-basis-draft"),
    (dict(region="Kab. Lain"), "price-basis-region-other"),
    (dict(year=2025), "price-basis-year-old"),
    (dict(year=None), "price-basis-year-unknown"),
])
def test_each_price_basis_finding_blocks_until_a_reason_is_recorded(change, code):
    meta = PriceBookMeta(**{**GOOD, **change}, default_overhead_pct=D(0))
    priced = price_program(programme(book_package(meta)))
    assert codes(priced) == [code]
    assert priced.verdict.kind is VerdictKind.PRICE_BASIS and not priced.verdict.final
    assert priced.verdict.label == "DASAR HARGA BELUM DITERIMA" and priced.verdict.exit_code == 1
    finding = priced.verdict.findings[0]
    assert finding.source and "catat alasan" in finding.remedy and finding.contributors
    accepted = price_program(programme(book_package(meta, note="buku contoh untuk uji")))
    assert accepted.passed and codes(accepted) == ["price-basis-accepted"]
    assert accepted.verdict.findings[0].raw == code
    assert "buku contoh untuk uji" in accepted.verdict.findings[0].message


def test_a_good_price_basis_has_no_finding_and_region_spellings_match():
    for region in ("Kota Contoh", "kota  contoh", "Contoh"):
        meta = PriceBookMeta(**{**GOOD, "region": region}, default_overhead_pct=D(0))
        assert codes(price_program(programme(book_package(meta)))) == []
    prog = programme(book_package(PriceBookMeta(**{**GOOD, "region": "Kab. Sukoharjo"},
                                                default_overhead_pct=D(0))))
    prog.kota = "Kabupaten Sukoharjo"
    assert price_program(prog).passed
    prog.kota, prog.provinsi = "Kota Lain", "Kab. Sukoharjo"  # a provincial book (Pergub)
    assert price_program(prog).passed


def test_packages_priced_only_with_custom_rates_do_not_need_a_book():
    pkg = package("Plan", Component.PERENCANAAN, lump("TA", D(6) * JUTA))
    pkg.book.meta = PriceBookMeta(status="draft")
    assert price_program(programme(pkg)).passed


def test_overhead_on_a_ksm_package_is_a_warning_with_its_source():
    meta = PriceBookMeta(**GOOD, default_overhead_pct=D("0.10"))
    priced = price_program(programme(book_package(meta, ksm="KSM Maju")))
    f = next(f for f in priced.verdict.findings if f.code == "overhead-ksm")
    assert f.severity is Severity.WARNING and "swakelola" in f.source
    assert "10%" in f.message and dict(f.amounts)["E dalam harga satuan"] > 0
    assert priced.passed
    assert "overhead-ksm" not in codes(price_program(programme(book_package(meta))))  # no KSM


def test_ppn_on_a_ksm_package_carries_the_rule_source_and_amount():
    pkg = package("F", Component.FISIK, lump("x", D(10) * JUTA), ksm="KSM")
    pkg.settings.ppn_rate = D("0.11")
    priced = price_program(programme(pkg))
    f = next(f for f in priced.verdict.findings if f.code == "ppn-ksm")
    assert f.severity is Severity.WARNING and "swakelola" in f.source
    assert dict(f.amounts)["PPN"] == D(1_100_000) and "hapus PPN" in f.remedy


@pytest.mark.parametrize("reason,code", [("", "custom-rate"),
                                         ("perkiraan BKM", "custom-rate-source")])
def test_custom_rate_without_a_stated_source_is_a_warning(reason, code):
    item = lump("Papan", D(450_000))
    item.custom_reason = reason
    priced = price_program(programme(package("F", Component.FISIK, item)))
    f = next(f for f in priced.verdict.findings if f.code == code)
    assert f.severity is Severity.WARNING and f.source and f.item_id == item.id
    assert priced.passed


# -- totals ----------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10 ** 9), st.sampled_from(list(FundingSource))),
                min_size=1, max_size=6),
       st.sampled_from(["0", "0.11"]), st.sampled_from(["1", "1000", "100000"]))
def test_package_totals_agree_with_the_core_shares(amounts, ppn, step):
    pkg = package("F", Component.FISIK, *[lump(str(i), D(a), s) for i, (a, s) in enumerate(amounts)],
                  rounding=step)
    pkg.settings.ppn_rate = D(ppn)
    priced = price_program(programme(pkg))
    pt = package_totals(priced.packages[0])
    assert {s: a.rounded for s, a in pt.by_source.items()} == priced.packages[0].by_source
    blm = pt.by_source.get(FundingSource.BLM)
    assert priced.verdict.totals.blm_total.rounded == (blm.rounded if blm else 0)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.decimals(allow_nan=True, allow_infinity=True),
                          st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False)),
                          st.text(max_size=5)), min_size=1, max_size=4),
       st.one_of(st.none(), st.decimals(allow_nan=False, allow_infinity=False)))
def test_any_termin_plan_or_swadaya_share_gives_a_verdict_never_a_crash(termins, share):
    """The class of stored/typed plan values (huge, negative, NaN, 1E+40): always a verdict,
    and a percentage outside (0, 100] is a termin-percent finding."""
    prog = programme(package("F", Component.FISIK, lump("x", D(100) * JUTA)),
                     termins=[Termin(p, m, a) for p, a, m in termins],
                     swadaya_rule=None if share is None else SwadayaRule(share, "uji"))
    verdict = price_program(prog).verdict
    assert verdict.kind in set(VerdictKind)
    bad = [p for p, _, _ in termins if not (p.is_finite() and 0 < p <= 100)]
    assert bool(bad) <= ("termin-percent" in [f.code for f in verdict.findings])


# -- funding per item / section, splits ----------------------------------------------------------

from dtpl_studio.costing.funding import FundingShare, SectionKind, split_amount  # noqa: E402


def test_a_section_gives_its_funding_to_the_items_that_name_none():
    inner = Section("Sub", [lump("a", D(1000), None)], funding=FundingSource.APBD)
    pkg = Package("F", Component.FISIK, make_book().subset(set()), [
        Section("I", [lump("b", D(2000), None), inner, lump("c", D(4000))],
                funding=FundingSource.SWADAYA)])
    pp = price_program(programme(pkg)).packages[0]
    assert pp.by_source == {FundingSource.SWADAYA: D(2000), FundingSource.APBD: D(1000),
                            FundingSource.BLM: D(4000)}


@pytest.mark.parametrize("amount,shares,expected", [
    # 1/3 each by percent: the percent shares are rounded, the main source takes the rupiah
    (D(1000), [FundingShare(FundingSource.SWADAYA, percent=D("33.333")),
               FundingShare(FundingSource.APBD, percent=D("33.333"))],
     [(FundingSource.BLM, D(334)), (FundingSource.SWADAYA, D(333)), (FundingSource.APBD, D(333))]),
    (D(1001), [FundingShare(FundingSource.SWADAYA, percent=D(50))],
     [(FundingSource.BLM, D(500)), (FundingSource.SWADAYA, D(501))]),  # 500,5 rounds half up
    (D(1000), [FundingShare(FundingSource.LAINNYA, amount=D(250))],
     [(FundingSource.BLM, D(750)), (FundingSource.LAINNYA, D(250))]),
])
def test_split_funding_adds_up_exactly_and_the_main_source_takes_the_rupiah(amount, shares, expected):
    parts = split_amount(amount, FundingSource.BLM, shares, {})
    assert parts == expected and sum(v for _, v in parts) == amount


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 10 ** 12), st.lists(st.decimals(0, 100, places=3), max_size=4))
def test_any_split_that_fits_sums_to_the_item(amount, percents):
    shares = [FundingShare(FundingSource.SWADAYA, percent=p) for p in percents]
    try:
        parts = split_amount(D(amount), FundingSource.BLM, shares, {})
    except ValueError:
        assert sum(percents) > 100 or sum(round(D(amount) * p / 100) for p in percents) > amount
        return
    assert sum(v for _, v in parts) == amount and all(v >= 0 for _, v in parts)


def test_shares_above_the_item_are_an_error_on_the_item():
    item = lump("x", D(1000))
    item.funding_split = [FundingShare(FundingSource.APBD, amount=D(1200))]
    priced = price_program(programme(package("F", Component.FISIK, item)))
    f = next(f for f in priced.verdict.findings if f.code == "funding-split")
    assert f.item_id == item.id and priced.verdict.kind is VerdictKind.NOT_VALID
    assert priced.packages[0].by_source == {}  # an item in error is priced 0 (issue 5, fix5)
    assert next(priced.packages[0].items()).amount == 0


def test_in_kind_labour_is_valued_from_the_book():
    book = make_book()
    item = Item("Galian", "m3", analysis_code="G.1", volume=D(10),
                funding_split=[FundingShare(FundingSource.SWADAYA_TENAGA)])
    pkg = Package("F", Component.FISIK, book, [Section("I", [item])], price_basis_note="uji")
    priced = price_program(programme(pkg))
    it = next(priced.packages[0].items())
    bd = book.compute("G.1")
    labour = (it.amount * bd.a / bd.d).quantize(D(1))
    assert dict(it.funding) == {FundingSource.BLM: it.amount - labour,
                                FundingSource.SWADAYA_TENAGA: labour}
    assert priced.verdict.totals.swadaya.exact == labour
    custom = lump("Papan", D(1000))
    custom.funding_split = [FundingShare(FundingSource.SWADAYA_BAHAN)]  # no analysis: cannot value
    bad = price_program(programme(package("F", Component.FISIK, custom)))
    assert "funding-split" in codes(bad)


def test_programme_structure_planning_categories_and_ded_in_physical():
    plan = Package("Plan", Component.PERENCANAAN, make_book().subset(set()), [
        Section("TA", [lump("TA", D(60) * JUTA)], kind=SectionKind.TENAGA_AHLI),
        Section("Lain", [lump("rapat", D(5) * JUTA)]),
        Section("DED", [lump("DED", D(20) * JUTA)], kind=SectionKind.DED),
    ])
    fis = Package("Fis", Component.FISIK, make_book().subset(set()), [
        Section("DED", [Section("gambar", [lump("DED", D(25) * JUTA)])], kind=SectionKind.DED),
        Section("Jalan", [lump("jalan", D(100) * JUTA)]),
    ])
    priced = price_program(programme(plan, fis))
    totals = priced.verdict.totals
    assert totals.planning_by_category == {SectionKind.TENAGA_AHLI: D(60) * JUTA,
                                           SectionKind.NONE: D(5) * JUTA,
                                           SectionKind.DED: D(20) * JUTA}
    assert totals.ded_in_physical == D(25) * JUTA  # inherited from the DED division
    assert {"planning-category", "ded-in-planning"} <= set(codes(priced))
    assert priced.passed  # structure notes are warnings
