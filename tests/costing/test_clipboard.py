"""Cut/copy/paste of RAB sections and items (issue 10 point 1): over random trees and
selections, a paste (through the JSON of the clipboard) and its undo give back the exact
programme; the target's total grows by exactly the pasted rows' amounts when the rates
match; a rate that differs is reported, never changed; links and expressions that cannot
travel become fixed values with a note."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.clipboard import (
    ClipError,
    clip_from_json,
    clip_to_json,
    clip_tsv,
    copy_nodes,
    cut_edit,
    plan_paste,
)
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.funding import Component, FundingShare, FundingSource
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    Program,
    Section,
    price_package,
)
from tests.costing.test_edits import snapshot
from tests.ui.ui_sample import build_sample_book, build_sample_program

BOOK = build_sample_book()
CODES = list(BOOK.analyses)


def _walk(nodes):
    for node in nodes:
        yield node
        if isinstance(node, Section):
            yield from _walk(node.children)


@st.composite
def programs(draw):
    """Two packages with random trees (sections of any depth, items by analysis or custom
    rate, factor/linked/expression lines, overrides, funding, schedule); the second package's
    book lacks some codes and may price a resource differently; parameters that agree, differ
    or are missing."""
    packages = []
    for p in range(2):
        codes = set(draw(st.sets(st.sampled_from(CODES), min_size=1, max_size=len(CODES)))) if p else set(CODES)
        book = BOOK.subset(codes)
        if p and "L.01" in book.resources:  # every sample analysis has a line of L.01
            book.set_price("L.01", draw(st.sampled_from([D(90000), D(95000), D(120000)])))
        params = [Parameter("P", D(25), "m"), Parameter("T", D("0.5"), "m")] if p == 0 else draw(
            st.sampled_from([[], [Parameter("P", D(25), "m")], [Parameter("P", D(30), "m")]]))
        items: list[Item] = []

        def make_item(codes=codes, params=params, items=items):
            if codes and draw(st.booleans()):
                code = draw(st.sampled_from(sorted(codes)))
                item = Item(f"item {len(items)}", BOOK.analyses[code].unit, analysis_code=code)
            else:
                item = Item(f"custom {len(items)}", "m", custom_rate=D(draw(st.integers(0, 10**6))),
                            custom_reason="uji")
            kind = draw(st.sampled_from(["volume", "factors", "link", "expression"]))
            if kind == "volume":
                item.volume = D(draw(st.integers(0, 10**4))) / 100
            elif kind == "factors" or (kind == "link" and not items):
                item.measurements.append(Measurement("f", [Factor("p", D(draw(st.integers(0, 999))) / 10,
                                                                  "")]))
            elif kind == "link":
                target = draw(st.sampled_from(items))
                if target.unit == item.unit:  # a deduction now and then
                    item.measurements.append(Measurement("tautan", [], sign=draw(st.sampled_from([1, 1, -1])),
                                                         link=target.id))
            elif {p.name for p in params} >= {"P", "T"} or (params and item.unit == "m"):
                # only names the package defines (an undefined one is an item in error)
                expr = "P * T" if item.unit == "m2" else ("P * T * T" if item.unit == "m3" else "P")
                item.measurements.append(Measurement("ekspresi", expression=expr))
            if draw(st.booleans()):
                item.rate_override = D(draw(st.integers(1, 10**6)))
                item.override_reason = "uji"
            if draw(st.booleans()):
                item.funding = FundingSource.SWADAYA
                item.funding_split = [FundingShare(FundingSource.BLM, percent=D(30))]
            if draw(st.booleans()):
                item.start_week, item.duration_weeks = 2, 3
            items.append(item)
            return item

        def make_section(depth):
            section = Section(f"bagian {depth}")
            for _ in range(draw(st.integers(0, 3))):
                if depth < 2 and draw(st.booleans()):
                    section.children.append(make_section(depth + 1))
                else:
                    section.children.append(make_item())
            return section

        sections = [make_section(0) for _ in range(draw(st.integers(1, 3)))]
        packages.append(Package(f"paket {p}", Component.FISIK, book, sections, parameters=params))
    return Program("Uji", packages=packages)


def _amount(pnode):
    return pnode.total if hasattr(pnode, "total") else pnode.amount


def _sections(package):
    return [n for n in _walk(package.sections) if isinstance(n, Section)]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs(), st.data())
def test_paste_through_json_and_undo_is_exact_and_adds_the_pasted_totals(program, data):
    source = program.packages[0]
    nodes = list(_walk(source.sections))
    chosen = data.draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=4))
    priced = price_package(source)
    clip = clip_from_json(clip_to_json(copy_nodes(program, [n.id for n in chosen], priced)))
    target = data.draw(st.sampled_from(program.packages))
    places = [None] + [s.id for s in _sections(target)]
    parent_id = data.draw(st.sampled_from(places))
    if parent_id is None and clip.has_items_on_top:
        with pytest.raises(EditError, match="di dalam bagian"):
            plan_paste(program, clip, target.id, None)
        return
    before = snapshot(program)
    old_direct = price_package(target).direct
    plan = plan_paste(program, clip, target.id, parent_id)
    assert snapshot(program) == before  # planning changes nothing
    event(f"conflicts: {bool(plan.conflicts)}, notes: {bool(plan.notes)}, same: {target is source}")
    inverse = plan.edit.apply(program)
    pasted_ids = {n.id for n in _walk(plan.nodes)}
    assert not pasted_ids & {n.id for n in nodes}  # fresh ids
    if not plan.conflicts:
        expected = sum((_amount(priced.node(n.id)) for n in clip.nodes), D(0))
        assert price_package(target).direct == old_direct + expected
    else:
        assert target is not source
        for conflict in plan.conflicts:  # the target's rate stays the target's
            assert conflict.target_rate != conflict.source_rate
    inverse.apply(program)
    assert snapshot(program) == before


def test_cut_then_paste_is_a_move_keeping_ids_links_and_two_undo_steps():
    program = build_sample_program(build_sample_book())
    physical = program.packages[1]
    galian = physical.sections[1].children[0]
    fondasi = physical.sections[2].children[0]
    fondasi.measurements.append(Measurement("sama dengan galian", [], link=galian.id))
    before = snapshot(program)
    clip = copy_nodes(program, [galian.id], cut=True)
    cut = cut_edit(program, [galian.id])
    undo_cut = cut.apply(program)
    plan = plan_paste(program, clip, physical.id, physical.sections[2].id, 0)
    undo_paste = plan.edit.apply(program)
    assert physical.sections[2].children[0].id == galian.id  # a move: the link still holds
    assert price_package(physical).findings == ()
    second = plan_paste(program, clip, physical.id, physical.sections[0].id)
    assert second.nodes[0].id != galian.id  # a second paste is a copy
    undo_paste.apply(program)
    undo_cut.apply(program)
    assert snapshot(program) == before


def test_a_link_out_of_the_clip_stays_in_the_package_and_is_frozen_across():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    galian = physical.sections[1].children[0]
    urug = physical.sections[1].children[1]
    urug.measurements = [Measurement("sama dengan galian", [], link=galian.id)]
    clip = copy_nodes(program, [urug.id])
    same = plan_paste(program, clip, physical.id, physical.sections[0].id)
    assert same.nodes[0].measurements[0].link == galian.id and not same.notes
    across = plan_paste(program, clip, planning.id, planning.sections[0].id)
    line = across.nodes[0].measurements[0]
    assert line.link is None and "nilai tetap" in line.description
    assert line.factors[0].value == D("49.50") and line.factors[0].unit == "m3"
    assert any("nilai tetap" in n for n in across.notes)
    # the pinned analysis came along with its resources
    assert "A.2.3.1.11" not in planning.book.analyses
    undo = across.edit.apply(program)
    assert "A.2.3.1.11" in planning.book.analyses
    pp = price_package(planning)
    assert pp.node(across.nodes[0].id).amount == price_package(physical).node(urug.id).amount
    undo.apply(program)


def test_a_different_rate_is_a_conflict_reported_or_refused_never_a_changed_price():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    galian = physical.sections[1].children[0]
    planning.book = physical.book.subset({"A.2.3.1.1"})
    planning.book.set_price("L.01", D(100000))
    target_rate = planning.book.unit_rate("A.2.3.1.1")
    clip = copy_nodes(program, [galian.id])
    plan = plan_paste(program, clip, planning.id, planning.sections[0].id)
    (conflict,) = plan.conflicts
    assert conflict.code == "A.2.3.1.1" and conflict.target_rate == target_rate
    assert conflict.source_rate == physical.book.unit_rate("A.2.3.1.1")
    assert "paket tujuan" in conflict.message()
    with pytest.raises(EditError, match="A.2.3.1.1"):
        plan_paste(program, clip, planning.id, planning.sections[0].id, refuse_conflicts=True)
    plan.edit.apply(program)
    assert planning.book.unit_rate("A.2.3.1.1") == target_rate


def test_expression_parameters_are_added_or_frozen():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    physical.parameters = [Parameter("P", D(100), "m")]
    galian = physical.sections[1].children[0]
    galian.measurements = [Measurement("ekspresi", expression="P * 1 m * 0,5 m")]
    clip = copy_nodes(program, [galian.id])
    plan = plan_paste(program, clip, planning.id, planning.sections[0].id)
    assert plan.nodes[0].measurements[0].expression and any("parameter P" in n for n in plan.notes)
    undo = plan.edit.apply(program)
    assert [p.name for p in planning.parameters] == ["P"]
    undo.apply(program)
    planning.parameters = [Parameter("P", D(7), "m")]
    plan = plan_paste(program, clip, planning.id, planning.sections[0].id)
    line = plan.nodes[0].measurements[0]
    assert not line.expression and line.factors[0].value == D(50)


def test_clip_json_keeps_decimals_exactly_and_refuses_foreign_text():
    program = build_sample_program(build_sample_book())
    physical = program.packages[1]
    clip = copy_nodes(program, [physical.sections[2].id])
    again = clip_from_json(clip_to_json(clip))
    assert snapshot(again.nodes) == snapshot(clip.nodes)
    assert snapshot(again.book) == snapshot(clip.book)
    assert again.rates == clip.rates
    for bad in ("", "[]", '{"dtpl_clip": 99}', '{"dtpl_clip": 1}'):
        with pytest.raises(ClipError):
            clip_from_json(bad)


def test_tsv_has_the_printed_rows_in_indonesian_format():
    program = build_sample_program(build_sample_book())
    physical = program.packages[1]
    text = clip_tsv(copy_nodes(program, [physical.sections[1].id]))
    rows = [r.split("\t") for r in text.strip().split("\r\n")]
    assert rows[0] == ["No", "Uraian", "Volume", "Satuan", "Harga Satuan", "Jumlah"]
    assert rows[1][0] == "II" and rows[1][1] == "PEKERJAAN TANAH"
    assert rows[2][:4] == ["II.1", "Galian tanah saluran", "49,50", "m3"]
    assert "." in rows[2][4] and "," not in rows[2][4]  # Rp without sen, thousands with dots


def test_selection_rules():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    section = physical.sections[1]
    clip = copy_nodes(program, [section.children[0].id, section.id])  # the child comes with its parent
    assert [n.id for n in clip.nodes] == [section.id]
    with pytest.raises(EditError, match="paket yang berbeda"):
        copy_nodes(program, [section.id, planning.sections[0].id])
    with pytest.raises(EditError):
        copy_nodes(program, [])
    assert isinstance(cut_edit(program, [section.id]), edits.Compound)
    assert dataclasses.is_dataclass(clip)


def test_an_item_in_error_of_the_target_is_priced_by_a_pinned_code_and_the_undo_is_exact():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    planning.sections[0].children.append(Item("tanpa analisa", "m3", analysis_code="A.2.3.1.1", volume=D(1)))
    before = snapshot(program)
    plan = plan_paste(program, copy_nodes(program, [physical.sections[1].children[0].id]), planning.id,
                      planning.sections[0].id)
    assert any("kini ikut dihargai" in n for n in plan.notes)
    undo = plan.edit.apply(program)
    undo.apply(program)
    assert snapshot(program) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_across_packages_no_rate_of_the_target_changes_and_pasted_items_take_the_targets(program):
    source, target = program.packages
    clip = copy_nodes(program, [s.id for s in source.sections])
    before = snapshot(program)
    old_rates = {row.item.id: row.rate for kind, row in price_package(target).rows() if kind.value == "item"}
    plan = plan_paste(program, clip, target.id, None)
    event(f"conflicts: {bool(plan.conflicts)}")
    undo = plan.edit.apply(program)
    priced = price_package(target)
    for kind, row in priced.rows():
        if kind.value != "item":
            continue
        if row.item.id in old_rates:
            assert row.rate == old_rates[row.item.id]
        elif row.item.analysis_code and row.item.rate_override is None and row.rate is not None:
            assert row.rate == target.book.unit_rate(row.item.analysis_code)
            conflict = {c.code: c for c in plan.conflicts}.get(row.item.analysis_code)
            if conflict is not None:
                assert conflict.target_rate == row.rate
            else:
                assert clip.rates[row.item.analysis_code] == row.rate
    undo.apply(program)
    assert snapshot(program) == before


def _mutables(value, out):
    """Ids of every mutable object reachable from ``value`` (lists, dicts, non-frozen
    dataclasses): a copy must share none of them."""
    if isinstance(value, list | dict):
        out.add(id(value))
        for v in (value.values() if isinstance(value, dict) else value):
            _mutables(v, out)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not type(value).__dataclass_params__.frozen:
            out.add(id(value))
        for f in dataclasses.fields(value):
            _mutables(getattr(value, f.name), out)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programs())
def test_clone_shares_no_mutable_object_and_keeps_every_field(program):
    from dtpl_studio.costing.clipboard import clone

    for section in program.packages[0].sections:
        copied = clone(section)
        assert snapshot(copied) == snapshot(section)
        assert not _mutables(copied, set()) & _mutables(section, set())


def test_a_code_neither_book_has_is_said_not_invented():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    physical.sections[0].children.append(Item("kode hilang", "m3", analysis_code="Z.9", volume=D(1)))
    plan = plan_paste(program, copy_nodes(program, [physical.sections[0].id]), planning.id, None)
    assert any("Z.9" in n and "tanpa harga" in n for n in plan.notes)
    pinned = [a.code for e in plan.edit.edits if isinstance(e, edits.PinAnalyses) for a in e.analyses]
    assert "Z.9" not in pinned
