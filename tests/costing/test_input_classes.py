"""Issue 5 faults 3–6, each walked over its class of inputs (not its one example).

* fault 3: negative factors and negative rates are error findings; only a deduction line
  (``sign = -1``, *dikurangi*) with positive factors subtracts;
* fault 4: an item whose unit is empty or not a canonical symbol is an error finding;
* fault 5: the alias table never turns one physical dimension into another (``Ml`` is a
  millilitre, not a metre run); typos such as ``1s``/``NOS`` are read with a note;
* fault 6: a bare number on an item counted in things (bh, titik, unit, ls, set, zak, OH…)
  is that count.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    Program,
    Section,
    price_package,
    price_program,
)
from dtpl_studio.costing.units import (
    ALIASES,
    CANONICAL,
    UNIT_NOTES,
    UnknownUnitError,
    conversion_factor,
    is_count_unit,
    normalize_unit,
    read_unit,
    to_pint,
)

from .test_pricebook import make_book

positive = st.decimals(min_value=Decimal("0.01"), max_value=10**4, places=2)
negative = st.decimals(min_value=-(10**6), max_value=Decimal("-0.01"), places=2)


def _program(*items: Item) -> Program:
    pkg = Package("Uji", Component.FISIK, make_book(), [Section("I", list(items))])
    return Program("Sukamaju", packages=[pkg])


def _codes(priced, severity=Severity.ERROR) -> list[str]:
    return [f.code for pp in priced.packages for f in pp.findings if f.severity is severity]


# -- fault 3: negatives ------------------------------------------------------------------

@given(bad=negative, big=st.decimals(min_value=10**5, max_value=10**6, places=0),
       position=st.integers(0, 2))
def test_a_negative_factor_is_an_error_even_when_the_item_total_stays_positive(bad, big, position):
    factors = [Factor("p", Decimal(2), "m"), Factor("l", Decimal(3), "m"), Factor("t", Decimal("0.1"), "m")]
    factors[position] = Factor(factors[position].label, bad, "m")
    item = Item("Galian", "m3", custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("besar", [Factor("n", big, ""), Factor("p", Decimal(1), "m"), Factor("l", Decimal(1), "m"),
                              Factor("t", Decimal(1), "m")]),
        Measurement("salah", factors),
    ])
    priced = price_program(_program(item))
    assert "negative-factor" in _codes(priced)
    assert not priced.passed


@given(factors=st.lists(st.decimals(min_value=Decimal("0.01"), max_value=999, places=2), min_size=1, max_size=3),
       total=st.decimals(min_value=10**3, max_value=10**5, places=0))
def test_a_marked_deduction_with_positive_factors_is_legitimate(factors, total):
    item = Item("Galian", "m3", custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("pekerjaan", [Factor("v", total, "m3")]),
        Measurement("dikurangi", [Factor("v", min(factors), "m3")], sign=-1),
    ])
    priced = price_program(_program(item))
    assert _codes(priced) == []
    assert next(priced.packages[0].items()).volume_exact == total - min(factors)


@given(sign=st.integers(-5, 5).filter(lambda s: s not in (1, -1)))
def test_a_sign_other_than_plus_or_minus_one_is_an_error(sign):
    item = Item("Galian", "m3", custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("x", [Factor("v", Decimal(5), "m3")], sign=sign)])
    assert "measurement-sign" in _codes(price_program(_program(item)))


@given(rate=negative, how=st.sampled_from(["custom", "override"]))
def test_a_negative_rate_is_an_error(rate, how):
    if how == "custom":
        item = Item("Papan", "bh", custom_rate=rate, custom_reason="x", volume=Decimal(1))
    else:
        item = Item("Papan", "bh", analysis_code="P.1", rate_override=rate, override_reason="x", volume=Decimal(1))
    priced = price_program(_program(item))
    assert "negative-rate" in _codes(priced)
    assert not priced.passed


# -- fault 4: empty or unknown unit ---------------------------------------------------------

@given(unit=st.one_of(st.just(""), st.text(max_size=6).filter(lambda u: u not in CANONICAL)))
def test_an_item_with_an_empty_or_unknown_unit_is_an_error(unit):
    item = Item("Papan", unit, custom_rate=Decimal(450000), custom_reason="x", volume=Decimal(1))
    priced = price_program(_program(item))
    assert set(_codes(priced)) & {"unit-empty", "unit-unknown"}
    assert not priced.passed
    row = next(priced.packages[0].items())
    assert row.error and row.amount == 0


@pytest.mark.parametrize("unit", [u for u in CANONICAL if u])
def test_every_canonical_unit_prices(unit):
    item = Item("Apa saja", unit, custom_rate=Decimal(1000), custom_reason="x", volume=Decimal(2))
    priced = price_program(_program(item))
    assert _codes(priced) == [] and next(priced.packages[0].items()).amount == 2000


# -- fault 5: alias collisions ---------------------------------------------------------------

SI = pint.UnitRegistry()  # pint's own SI/imperial definitions: what a symbol means outside RABs
#: the dimensions a RAB measures in; a spelling whose SI meaning is one of them must keep it
PHYSICAL = {"[length]", "[length] ** 2", "[length] ** 3", "[mass]"}
#: spellings whose SI meaning is physical but whose RAB meaning differs, with the reason
RAB_READINGS = {
    "pc": "pieces; a parsec is never priced in a RAB",
    "pcs": "pieces; a parsec is never priced in a RAB",
    "doz": "a dozen (lusin, 12 pieces); nobody writes a deci-ounce",
}


def _case_variants(text: str) -> set[str]:
    choices = [(c.lower(), c.upper()) if c.isalpha() else (c,) for c in text]
    if sum(len(c) > 1 for c in choices) > 6:
        return {text, text.upper(), text.lower(), text.capitalize()}
    return {"".join(p) for p in itertools.product(*choices)}


def _si_dimension(spelling: str) -> str | None:
    try:
        dims = SI.parse_units(spelling).dimensionality
    except Exception:  # not an SI/imperial symbol at all
        return None
    return str(dims)


@pytest.mark.parametrize("alias", sorted(ALIASES))
def test_case_variants_of_every_alias_keep_one_physical_dimension(alias):
    """For every alias, each case variant either maps to the alias's own dimension or is
    refused; and where the variant is an SI/imperial symbol of length, area, volume or mass
    (``ml``, ``mL``, ``Ml``, ``lb``, ``g``…), our reading has that same dimension."""
    ours = to_pint(ALIASES[alias]).dimensionality
    for variant in _case_variants(alias):
        try:
            symbol = normalize_unit(variant)
        except UnknownUnitError:
            continue
        assert to_pint(symbol).dimensionality == ours, (alias, variant, symbol)
        si = _si_dimension(variant)
        if si in PHYSICAL and variant.lower() not in RAB_READINGS:
            assert str(to_pint(symbol).dimensionality) == si, (
                f"{variant!r} means {si} in SI but is read as {symbol!r} ({to_pint(symbol).dimensionality})")


@pytest.mark.parametrize("spelling", ["ml", "mL", "Ml", "ML", "mililiter", "cc"])
def test_millilitre_is_a_volume_never_a_metre_run(spelling):
    assert normalize_unit(spelling) == "ml"
    assert conversion_factor("ml", "liter") == Decimal("0.001")
    assert conversion_factor(normalize_unit("250 ml".split()[1]), "m3") == Decimal("0.000001")


@pytest.mark.parametrize("spelling", ["m'", "M'", "m1", "M1", "m lari", "M Lari"])
def test_metre_run_stays_a_metre_run(spelling):
    assert normalize_unit(spelling) == "m'"


@pytest.mark.parametrize(("spelling", "symbol"), [("1s", "ls"), ("1S", "ls"), ("Is", "ls"), ("IS", "ls"),
                                                  ("NOS", "bh"), ("Nos", "bh"), ("nos.", "bh")])
def test_typos_common_in_real_rabs_are_read_with_a_note(spelling, symbol):
    reading = read_unit(spelling)
    assert reading.symbol == symbol and reading.note
    assert normalize_unit(spelling) == symbol


def test_regular_spellings_carry_no_note_and_every_note_is_for_an_alias():
    assert read_unit("M3").note == "" and read_unit("Bh").note == ""
    assert set(UNIT_NOTES) <= set(ALIASES)


@pytest.mark.parametrize("spelling", ["lb", "LB", "1x", "s", "mls"])
def test_foreign_or_unknown_spellings_are_refused(spelling):
    with pytest.raises(UnknownUnitError):
        normalize_unit(spelling)


# -- fault 6: bare counts on count items ------------------------------------------------------

COUNT_UNITS = sorted(u for u in CANONICAL if is_count_unit(u))


def test_the_issue_s_count_units_are_count_units():
    assert {"bh", "titik", "unit", "ls", "set", "zak", "OH"} <= set(COUNT_UNITS)
    assert not any(is_count_unit(u) for u in ("m", "m'", "m2", "m3", "kg", "liter", "ml", "%", "", "kWh", "VA"))


@given(unit=st.sampled_from(COUNT_UNITS), counts=st.lists(positive, min_size=1, max_size=3))
def test_a_bare_number_on_a_count_item_is_that_count(unit, counts):
    item = Item("Titik lampu", unit, custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("jumlah", [Factor(f"n{k}", c, "") for k, c in enumerate(counts)])])
    expected = Decimal(1)
    for c in counts:
        expected *= c
    priced = price_package(_program(item).packages[0])
    row = next(priced.items())
    assert row.error == "" and row.volume_exact == expected


@given(unit=st.sampled_from(["m", "m2", "m3", "kg", "liter"]), count=positive)
def test_a_bare_number_on_a_physical_item_is_still_an_error(unit, count):
    item = Item("Galian", unit, custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("jumlah", [Factor("n", count, "")])])
    priced = price_package(_program(item).packages[0])
    assert "measurement-unit" in [f.code for f in priced.findings]


# -- fault 2 in the core: settings outside their range never reach the arithmetic ----------------

@given(decimals=st.one_of(st.integers(-10**3, -1), st.integers(7, 10**3)),
       ppn=st.one_of(st.decimals(max_value=Decimal("-0.01"), allow_nan=False, allow_infinity=False),
                     st.decimals(min_value=Decimal("1.01"), allow_nan=False, allow_infinity=False)),
       step=st.one_of(st.decimals(min_value=Decimal("1E-60"), max_value=Decimal("0.0099"), allow_nan=False),
                      st.decimals(min_value=10**12 + 1, allow_nan=False, allow_infinity=False)))
def test_package_settings_out_of_range_are_findings_and_the_default_is_used(decimals, ppn, step):
    from dtpl_studio.costing.money import RoundingMode, RoundingRule
    from dtpl_studio.costing.rab import PackageSettings

    item = Item("Galian", "m3", custom_rate=Decimal("123456.789"), custom_reason="x",
                volume=Decimal("12.3456789123456789"))
    program = _program(item)
    program.packages[0].settings = PackageSettings(decimals, ppn, "PPN", RoundingRule(step, RoundingMode.DOWN))
    priced = price_program(program)  # never InvalidOperation
    assert {"volume-decimals", "ppn-rate", "total-rounding"} <= set(_codes(priced))
    row = next(priced.packages[0].items())
    assert row.volume == Decimal("12.35")  # the default 2 decimals
    assert priced.packages[0].ppn == 0 and not priced.passed


# -- the total pembulatan step: any stored step prices, and the total is said in words -------

@given(step=st.decimals(min_value=0, max_value=Decimal(10) ** 13, places=4,
                        allow_nan=False, allow_infinity=False),
       rate=st.decimals(min_value=1, max_value=10**9, places=2),
       volume=st.decimals(min_value=Decimal("0.01"), max_value=10**4, places=2),
       mode=st.sampled_from(["DOWN", "HALF_UP", "UP"]))
def test_any_stored_rounding_step_prices_and_the_total_is_whole_rupiah(step, rate, volume, mode):
    """Found by the loader fuzz: a fractional step (150499999,9999 from a step of 0,7) reached
    terbilang, which states whole rupiah only. A step is 0 or whole rupiah; any other is an
    error finding and the total is priced without pembulatan."""
    from dtpl_studio.costing.money import RoundingMode, RoundingRule
    from dtpl_studio.costing.rab import PackageSettings

    item = Item("Galian", "m3", custom_rate=rate, custom_reason="survei 3 toko", volume=volume)
    program = _program(item)
    program.packages[0].settings = PackageSettings(
        2, Decimal(0), "PPN", RoundingRule(step, getattr(RoundingMode, mode)))
    priced = price_program(program)  # never ValueError from terbilang
    pp = priced.packages[0]
    assert pp.rounded == pp.rounded.to_integral_value()
    assert pp.terbilang.endswith("rupiah")
    whole = step == 0 or (1 <= step <= 10**12 and step == step.to_integral_value())
    assert ("total-rounding" in _codes(priced)) is not whole
