"""The BLM programme edits as core operations (issue 6, the "Program BLM" dialog): rule
table, termin plan, swadaya minimum, planning category of a division, funding of an item.
Each is applied, undone by its inverse to the exact previous programme, and redone; the
verdict follows; a rule table that cannot be stored is refused naming row and column."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from dtpl_studio.costing import edits
from dtpl_studio.costing.blm import VerdictKind
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.funding import (
    DEFAULT_PLPBK_RULES,
    Component,
    FundingRule,
    FundingShare,
    FundingSource,
    SectionKind,
    SwadayaRule,
    Termin,
    rule_problems,
)
from dtpl_studio.costing.rab import price_program
from tests.costing.test_edits import figures, snapshot
from tests.ui.ui_sample import build_sample_book, build_sample_program


@pytest.fixture
def program():
    return build_sample_program(build_sample_book())


def _round_trip(program, edit):
    """Apply ``edit``, undo it, redo it: exact each way; returns (before, after) snapshots."""
    before = snapshot(program)
    inverse = edit.apply(program)
    after = snapshot(program)
    assert after != before
    redo = inverse.apply(program)
    assert snapshot(program) == before
    redo.apply(program)
    assert snapshot(program) == after
    return before, after


def test_set_rules_add_remove_edit_and_reset_are_exact(program):
    rules = list(program.rules)
    added = FundingRule("PLP-BK", Component.FISIK, D(650_000_000), "SK Walikota 12/2024", "pagu kota",
                        2024)
    _round_trip(program, edits.set_rules([*rules, added]))
    assert program.rules[-1] == added
    _round_trip(program, edits.set_rules(program.rules[1:]))
    changed = [*program.rules]
    changed[0] = FundingRule("PLP-BK", changed[0].component, D(1), changed[0].source_ref)
    _round_trip(program, edits.set_rules(changed))
    _round_trip(program, edits.reset_rules())
    assert program.rules == list(DEFAULT_PLPBK_RULES)


def test_the_rule_table_is_a_copy_not_the_callers_list(program):
    mine = list(program.rules)
    edits.set_rules(mine).apply(program)
    mine.clear()
    assert len(program.rules) == 3


def test_a_lower_ceiling_fails_the_verdict_and_undo_passes_it_again(program):
    priced = price_program(program)
    fisik = priced.verdict.totals.blm_by_component[Component.FISIK].rounded
    assert fisik > 0
    lowered = [FundingRule(r.program, r.component, fisik - 1 if r.component is Component.FISIK
                           else r.ceiling, r.source_ref) for r in program.rules]
    kind = priced.verdict.kind
    inverse = edits.set_rules(lowered).apply(program)
    assert price_program(program).verdict.kind is VerdictKind.FAILS_RULE
    inverse.apply(program)
    assert price_program(program).verdict.kind is kind
    assert figures(price_program(program)) == figures(priced)


@pytest.mark.parametrize(("bad", "row", "column", "code"), [
    (FundingRule("PLP-BK", Component.FISIK, D(-1), "x", year=2024), 4, "ceiling", "ceiling-negative"),
    (FundingRule("PLP-BK", Component.FISIK, D("NaN"), "x", year=2024), 4, "ceiling", "ceiling-invalid"),
    (FundingRule("PLP-BK", Component.FISIK, D(1), "x", year=1500), 4, "year", "year-range"),
    (FundingRule("plp bk", Component.FISIK, D(1), "x"), 4, "component", "duplicate"),
])
def test_a_rule_table_that_cannot_be_stored_is_refused_naming_row_and_column(program, bad, row, column,
                                                                             code):
    before = snapshot(program)
    problems = rule_problems([*program.rules, bad])
    assert [(p.row, p.column, p.code) for p in problems] == [(row, column, code)]
    with pytest.raises(EditError) as exc:
        edits.set_rules([*program.rules, bad]).apply(program)
    assert f"baris {row}" in str(exc.value)
    assert snapshot(program) == before  # nothing changed


def test_same_component_in_another_year_is_not_a_duplicate(program):
    ok = FundingRule("PLP-BK", Component.FISIK, D(1), "x", year=2025)
    assert rule_problems([*program.rules, ok]) == []
    duplicate = rule_problems([*program.rules, ok, ok])
    assert [(p.row, p.other) for p in duplicate] == [(5, 4)]


def test_undo_of_a_table_read_with_a_duplicate_puts_it_back(program):
    program.rules = [*program.rules, program.rules[0]]  # as a hand-edited file may hold
    before = snapshot(program)
    inverse = edits.set_rules(program.rules[:3]).apply(program)
    inverse.apply(program)  # never refused: it restores what was there
    assert snapshot(program) == before


def test_termins_and_swadaya_minimum_are_exact_and_judged(program):
    _round_trip(program, edits.set_termins([Termin(D(40), "progres fisik 0%"),
                                            Termin(D(60), "progres fisik 50%", D(1))]))
    verdict = price_program(program).verdict
    assert "termin-amount" in {f.code for f in verdict.findings}
    _round_trip(program, edits.set_termins([Termin(D(100), "SPPD")]))
    assert [t.percent for t in price_program(program).verdict.termins] == [D(100)]
    _round_trip(program, edits.set_swadaya_rule(SwadayaRule(D("0.9"), "kesepakatan BKM")))
    assert price_program(program).verdict.kind is VerdictKind.FAILS_RULE
    _round_trip(program, edits.set_swadaya_rule(None))
    assert program.swadaya_rule is None


def test_section_kind_and_funding_are_exact_and_reprice_the_items_below(program):
    planning = program.packages[0]
    section = planning.sections[0]
    _round_trip(program, edits.set_section(section.id, kind=SectionKind.PEMASARAN))
    totals = price_program(program).verdict.totals
    assert totals.planning_by_category.get(SectionKind.PEMASARAN, D(0)) > 0
    fisik = program.packages[1].sections[0]
    full = price_program(program)
    edit = edits.set_section(fisik.id, funding=FundingSource.SWADAYA)
    inverse = edit.apply(program)
    incremental = price_program(program, full, edit.changed_items, same_shape=True)
    assert figures(incremental) == figures(price_program(program, fresh=True))
    assert incremental.verdict.totals.by_source[FundingSource.SWADAYA].rounded > 0
    inverse.apply(program)


def test_item_funding_split_is_one_exact_edit(program):
    item = next(program.packages[1].items())
    edit = edits.set_funding(item.id, FundingSource.BLM, [FundingShare(FundingSource.SWADAYA, D(20))])
    _round_trip(program, edit)
    shares = [FundingShare(FundingSource.APBD, D(10))]
    edits.set_funding(item.id, None, shares).apply(program)
    shares.clear()
    assert item.funding_split == [FundingShare(FundingSource.APBD, D(10))]


def test_price_basis_note_is_a_package_field(program):
    package = program.packages[1]
    _round_trip(program, edits.set_package(package.id, price_basis_note="HSPK 2024 belum terbit"))
