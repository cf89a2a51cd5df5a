"""Issue 6 review, by class: the gauge percentage never reads on the wrong side of its bound
(defect 7), "N item bergalat" counts items, not findings (defect 5), one range rule for
ceilings and the allocation (defect 3, core side), a rule that cannot be read is "could
not check" (defect 4, core side)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.blm import VerdictKind, not_valid_counts, shown_fraction
from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.formatting import format_percent
from dtpl_studio.costing.funding import (
    MAX_AMOUNT,
    PLPBK_SOURCE,
    Component,
    FundingRule,
    FundingSource,
    SwadayaRule,
    amount_problem,
    rule_problems,
)
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.rab import MAX_RATE, PackageSettings, price_program

from .test_blm import JUTA, lump, package, programme

# -- defect 7: the gauge's figure ------------------------------------------------------------

fractions = st.decimals(min_value=D(0), max_value=D(3), allow_nan=False, allow_infinity=False, places=9)


@given(value=fractions, bound=st.decimals(min_value=D("0.001"), max_value=D(1), places=6),
       kind=st.sampled_from(["max", "min"]), decimals=st.sampled_from([3, 4]))
def test_a_shown_share_is_on_the_same_side_of_its_bound_as_the_amount(value, bound, kind, decimals):
    passed = value <= bound if kind == "max" else value >= bound
    shown = shown_fraction(value, bound, kind, passed, decimals)
    reads_passing = shown <= bound if kind == "max" else shown >= bound
    assert reads_passing == passed, (value, bound, kind, shown)
    assert abs(shown - value) <= D(1).scaleb(-decimals)  # never far from the figure


@pytest.mark.parametrize("over,text", [(D("0.0004"), "100,04%"), (D("0.00004"), "100,004%"),
                                       (D("0.0000001"), "100,00001%"), (D("0.004"), "100,4%"),
                                       (D(0), "100%"), (D("-0.0004"), "100%")])
def test_a_ceiling_gauge_over_by_a_hair_never_reads_100_percent(over, text):
    ceiling = D(700) * JUTA
    amount = ceiling * (1 + over)
    prog = programme(package("Fisik", Component.FISIK, lump("Jalan", amount), rounding="1"))
    gauge = next(g for g in price_program(prog).verdict.gauges if g.key == "fisik")
    assert gauge.passed == (over <= 0)
    assert format_percent(gauge.shown_share(3)) == text


def test_a_swadaya_share_a_hair_under_its_minimum_never_reads_as_the_minimum():
    # swadaya Rp 40 short of 20 % of Rp 1 miliar: 19,999996 %, which half-up shows as "20%"
    prog = programme(
        package("Fisik", Component.FISIK, lump("Jalan", D(800) * JUTA + 40),
                lump("Gotong royong", D(200) * JUTA - 40, FundingSource.SWADAYA), rounding="1"),
        swadaya_rule=SwadayaRule(D("0.2"), "contoh"))
    gauge = next(g for g in price_program(prog).verdict.gauges if g.key == "swadaya")
    assert not gauge.passed
    assert gauge.shown_share(4) < D("0.2")
    assert format_percent(gauge.shown_share(4)) == "19,999996%"


# -- defect 5: items, not findings ----------------------------------------------------------

def _error(code: str, item_id: str = "", location: str = "") -> Finding:
    return Finding(Severity.ERROR, "x", location=location, code=code, item_id=item_id)


def test_one_item_with_two_findings_counts_once_and_settings_are_counted_apart():
    findings = [_error("unit", "a"), _error("stored-value", "a"), _error("rate", "b"),
                _error("volume-decimals"), _error("stored-value", location="f | tabel package_settings")]
    assert not_valid_counts(findings) == (2, 0, 2)


def test_volume_decimals_50_is_package_settings_in_error_not_items():
    prog = programme(package("Fisik", Component.FISIK, lump("Jalan", D(100) * JUTA)),
                     package("Fisik 2", Component.FISIK, lump("Saluran", D(50) * JUTA)))
    for p in prog.packages:
        p.settings = PackageSettings(50, p.settings.ppn_rate, p.settings.ppn_label,
                                     RoundingRule(D(1000), RoundingMode.DOWN))
    verdict = price_program(prog).verdict
    assert verdict.kind is VerdictKind.NOT_VALID
    assert not_valid_counts(verdict.findings) == (0, 0, 2)
    assert "item bergalat" not in verdict.explanation
    assert verdict.explanation.startswith("2 pengaturan paket bergalat")


# -- defects 3 and 4, core side: one range rule; a rule that cannot be read -------------------

def test_the_limit_is_the_loaders():
    assert MAX_AMOUNT == MAX_RATE


@given(st.one_of(st.decimals(allow_nan=True, allow_infinity=True),
                 st.decimals(min_value=D(-10), max_value=MAX_AMOUNT * 10, places=2)))
def test_a_rule_row_is_refused_exactly_when_its_ceiling_breaks_the_one_rule(value):
    problems = rule_problems([FundingRule("PLP-BK", Component.FISIK, value, PLPBK_SOURCE)])
    ok = value.is_finite() and 0 <= value <= MAX_AMOUNT and value == value.to_integral_value()
    assert (amount_problem(value) is None) == ok
    assert (not problems) == ok


@pytest.mark.parametrize("ceiling", [D(-1), D(-5), D("1E+30"), D("700000000.5"), D("NaN")])
def test_a_ceiling_that_breaks_the_rule_is_could_not_check_not_a_failed_rule(ceiling):
    rules = [FundingRule("PLP-BK", Component.FISIK, ceiling, PLPBK_SOURCE)]
    prog = programme(package("Fisik", Component.FISIK, lump("Jalan", D(100) * JUTA)), rules=rules)
    verdict = price_program(prog).verdict
    assert verdict.kind is VerdictKind.NOT_VALID and verdict.exit_code == 2
    assert "blm-ceiling" not in {f.code for f in verdict.findings}
    gauge = verdict.gauges[0]
    assert verdict.gauge_state(gauge) == "incomplete" and gauge.limit is None and gauge.remaining is None


@pytest.mark.parametrize("allocation", [D(-5), D("0.5"), D("1E+16")])
def test_an_allocation_that_breaks_the_rule_is_could_not_check(allocation):
    prog = programme(package("Fisik", Component.FISIK, lump("Jalan", D(100) * JUTA)),
                     blm_allocation=allocation)
    verdict = price_program(prog).verdict
    assert verdict.kind is VerdictKind.NOT_VALID
    total = next(g for g in verdict.gauges if g.key == "total")
    assert total.problem.startswith("allocation-") and verdict.gauge_state(total) == "incomplete"


def test_nothing_to_check_is_not_a_pass():
    """An empty programme or a package without items is not LULUS: 'not valid' with a
    finding that says what to add (a new project read LULUS in the newcomer review)."""
    from dtpl_studio.costing.blm import VerdictKind
    from dtpl_studio.costing.funding import Component
    from dtpl_studio.costing.pricebook import PriceBook
    from dtpl_studio.costing.rab import Package, Program, Section, price_program

    empty = price_program(Program("Kosong")).verdict
    assert empty.kind is VerdictKind.NOT_VALID
    assert [f.code for f in empty.findings if f.severity.value == "error"] == ["program-empty"]
    assert empty.explanation.startswith("belum ada item pekerjaan")
    program = Program("Satu paket")
    program.packages.append(Package("Paket fisik", Component.FISIK, PriceBook(), [Section("PERSIAPAN")]))
    one = price_program(program).verdict
    assert one.kind is VerdictKind.NOT_VALID
    assert [f.code for f in one.findings if f.severity.value == "error"] == ["package-empty"]
