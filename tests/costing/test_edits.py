"""Edits as core operations: every edit returns its exact inverse; the incremental recompute
equals a full one after every edit; a pinned copy shares nothing with its source; PriceBook
removal is public and exact (issue 10, architecture)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from enum import Enum

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.funding import Component, FundingSource
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import PriceBook, PriceBookError
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    PricedProgram,
    Program,
    Section,
    Signatory,
    price_program,
)
from tests.ui.ui_sample import build_sample_book, build_sample_program

# -- exact snapshots -------------------------------------------------------------------------

def snapshot(value):
    """A plain, exact picture of a programme: every field, Decimals by their digits (so
    ``4.5`` and ``4.50`` differ), pinned books with their order and content."""
    if isinstance(value, PriceBook):
        return ("book", snapshot(value.meta), [snapshot(r) for r in value.resources.values()],
                [snapshot(a) for a in value.analyses.values()], list(value.resources), list(value.analyses))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, snapshot(getattr(value, f.name))) for f in dataclasses.fields(value)))
    if isinstance(value, list | tuple):
        return [snapshot(v) for v in value]
    if isinstance(value, dict):
        return {k: snapshot(v) for k, v in value.items()}
    if isinstance(value, Decimal):
        return ("D", str(value))
    if isinstance(value, Enum):
        return value.value
    return value


def figures(priced: PricedProgram):
    """Everything a price run shows: rows, totals, findings, checks."""
    out = []
    for pp in priced.packages:
        rows = []
        for kind, node in pp.rows():
            if kind.value == "item":
                rows.append((node.item.id, node.number, node.label, node.depth, str(node.volume_exact),
                             str(node.volume), str(node.rate), str(node.amount), node.error))
            else:
                rows.append((kind.value, node.section.id, node.number, node.label, str(node.total)))
        out.append((pp.package.id, rows, str(pp.direct), str(pp.ppn), str(pp.total), str(pp.rounded),
                    pp.terbilang, sorted((k.value, str(v)) for k, v in pp.by_source.items()),
                    [(f.severity.value, f.message, f.location, f.code) for f in pp.findings]))
    checks = [(c.component.value, str(c.amount), c.passed) for c in priced.checks]
    return out, checks, sorted((k.value, str(v)) for k, v in priced.blm_by_component.items())


# -- random edits ------------------------------------------------------------------------------

OPS = ("set_volume", "describe", "add_from_book", "add_custom", "remove", "move_up", "move_down",
       "indent", "outdent", "add_section", "add_line", "remove_line", "replace_line", "override",
       "clear_override", "remove_pinned", "add_package", "remove_package", "settings", "overhead", "program",
       "title", "move_across", "funding", "choose_analysis")

values = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


def _nodes(program: Program):
    out = []
    for package in program.packages:
        for section in package.sections:
            out.append(section)
            out.extend(_descend(section))
    return out


def _descend(section: Section):
    for child in section.children:
        yield child
        if isinstance(child, Section):
            yield from _descend(child)


def make_edit(program: Program, library: PriceBook, op: str, seed: int, value: Decimal):
    """An edit of kind ``op`` on a node chosen by ``seed`` (None when there is nothing to
    edit). May raise EditError while building (e.g. an analysis still in use)."""
    nodes = _nodes(program)
    items = [n for n in nodes if isinstance(n, Item)]
    sections = [n for n in nodes if isinstance(n, Section)]
    item = items[seed % len(items)] if items else None
    section = sections[seed % len(sections)] if sections else None
    packages = program.packages
    package = packages[seed % len(packages)] if packages else None
    if op in {"set_volume", "describe", "add_line", "remove_line", "replace_line", "override",
              "clear_override", "funding", "choose_analysis"} and item is None:
        return None
    if op == "set_volume":
        return edits.set_volume(item.id, value)
    if op == "describe":
        return edits.set_item(item.id, description=f"Item {seed}")
    if op == "funding":
        return edits.set_item(item.id, funding=FundingSource.SWADAYA if seed % 2 else FundingSource.BLM)
    if op in {"add_from_book", "add_custom"}:
        if section is None:
            return None
        owner = edits.locate(program, section.id).package
        if op == "add_custom":
            new = Item(f"Custom {seed}", "bh", custom_rate=value, custom_reason="survei",
                       custom_source=f"toko {seed}", volume=Decimal(seed % 7))
            return edits.InsertNode(owner.id, section.id, new, seed % (len(section.children) + 1))
        code = list(library.analyses)[seed % len(library.analyses)]
        return edits.add_item_from_book(owner, section.id, library, code, None, value)
    if op == "remove":
        return edits.RemoveNode(nodes[seed % len(nodes)].id) if nodes else None
    if op in {"move_up", "move_down", "indent", "outdent"}:
        if not nodes:
            return None
        node = nodes[seed % len(nodes)]
        if op == "indent":
            return edits.indent(program, node.id)
        if op == "outdent":
            return edits.outdent(program, node.id)
        return edits.move_up_down(program, node.id, -1 if op == "move_up" else 1)
    if op == "move_across":
        if not nodes or section is None:
            return None
        node = nodes[(seed // 7) % len(nodes)]
        target = edits.locate(program, section.id).package
        return edits.MoveNode(node.id, target.id, section.id, 0)
    if op == "add_section":
        if package is None:
            return None
        parent = None if section is None or seed % 3 == 0 else section
        if parent is not None and edits.locate(program, parent.id).package is not package:
            package = edits.locate(program, parent.id).package
        return edits.InsertNode(package.id, parent.id if parent else None, Section(f"BAGIAN {seed}"), 0)
    if op == "add_line":
        return edits.InsertMeasurement(item.id, Measurement("baru", [Factor("p", value, "m")]), 0)
    if op == "remove_line":
        return edits.RemoveMeasurement(item.id, 0) if item.measurements else None
    if op == "replace_line":
        if not item.measurements:
            return None
        return edits.ReplaceMeasurement(item.id, 0, Measurement("ganti", [Factor("n", Decimal(seed % 5)),
                                                                         Factor("p", value, "cm")]))
    if op == "override":
        return edits.set_override(item.id, value, "hasil negosiasi")
    if op == "choose_analysis":  # issue 10 point 2: price an item by a library analysis
        from dtpl_studio.costing.items import choose_analysis

        owner = edits.locate(program, item.id).package
        return choose_analysis(owner, item.id, library, list(library.analyses)[seed % len(library.analyses)])
    if op == "clear_override":
        return edits.clear_override(item.id)
    if op == "remove_pinned":
        if package is None or not package.book.analyses:
            return None
        code = list(package.book.analyses)[seed % len(package.book.analyses)]
        return edits.remove_unused_analysis(package, code)
    if op == "add_package":
        return edits.InsertPackage(Package(f"Paket {seed}", Component.FISIK, library.subset(set()),
                                           [Section("UMUM")]), seed % (len(packages) + 1))
    if op == "remove_package":
        return edits.RemovePackage(package.id) if package else None
    if op == "settings":
        if package is None:
            return None
        return edits.set_settings(package, ppn_rate=Decimal(seed % 12) / 100, volume_decimals=seed % 4,
                                  total_rounding=RoundingRule(Decimal(10) ** (seed % 4), RoundingMode.DOWN))
    if op == "overhead":
        if package is None:
            return None
        return edits.SetBookMeta(package.id, (("default_overhead_pct", Decimal(seed % 30) / 100),))
    if op == "program":
        return edits.set_program(kelurahan=f"Kel {seed}", blm_allocation=Decimal(seed) * 1000,
                                 signatories=[Signatory("Ketua BKM", f"Nama {seed}")])
    if op == "title":
        return edits.set_section(section.id, title=f"JUDUL {seed}") if section else None
    raise AssertionError(op)


steps = st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 10_000), values), max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_any_sequence_of_edits_is_undone_exactly_and_reprices_incrementally(sequence):
    library = build_sample_book()
    program = build_sample_program(library)
    original = snapshot(program)
    priced = price_program(program)
    inverses = []
    for op, seed, value in sequence:
        try:
            edit = make_edit(program, library, op, seed, value)
        except EditError:
            continue
        if edit is None:
            continue
        before = snapshot(program)
        try:
            inverse = edit.apply(program)
        except EditError:
            assert snapshot(program) == before, f"{op} refused but changed the programme"
            continue
        inverses.append(inverse)
        # the incremental recompute equals the full one, digit for digit
        priced = price_program(program, priced, edit.changed_items, same_shape=not edit.structural)
        assert figures(priced) == figures(price_program(program, fresh=True)), op
        # undo then redo of this one step is exact too
        redo = inverse.apply(program)
        assert snapshot(program) == before, f"undo of {op} is not exact"
        inverses[-1] = redo.apply(program)
        priced = price_program(program, priced, edit.changed_items | redo.changed_items,
                               same_shape=not (edit.structural or redo.structural))
    for inverse in reversed(inverses):
        inverse.apply(program)
        priced = price_program(program, priced, inverse.changed_items, same_shape=not inverse.structural)
        assert figures(priced) == figures(price_program(program, fresh=True))
    assert snapshot(program) == original


def test_library_is_never_changed_by_edits():
    library = build_sample_book()
    before = snapshot(library)
    program = build_sample_program(library)
    physical = program.packages[1]
    section = physical.sections[0]
    edit = edits.add_item_from_book(physical, section.id, library, "X.1")
    edit.apply(program)
    for analysis in physical.book.analyses.values():
        for line in analysis.lines:
            line.coefficient *= 2
    for resource in physical.book.resources.values():
        resource.price += 1
    assert snapshot(library) == before


# -- the pinned copy is a copy -----------------------------------------------------------------

def _objects(book: PriceBook):
    yield book.meta
    yield book.meta.rate_rounding
    yield from book.resources.values()
    for analysis in book.analyses.values():
        yield analysis
        yield analysis.lines
        yield from analysis.lines


def test_subset_shares_no_mutable_object_with_its_source():
    library = build_sample_book()
    pinned = library.subset({"X.1", "A.2.3.1.1"})
    mine = {id(o) for o in _objects(pinned) if not isinstance(o, RoundingRule)}
    theirs = {id(o) for o in _objects(library) if not isinstance(o, RoundingRule)}
    assert not mine & theirs
    rate = pinned.unit_rate("X.1")
    digest = pinned.content_hash()
    library.set_price("M.PC", Decimal(99_999))
    library.analyses["X.1"].lines[0].coefficient = Decimal(3)
    library.meta.default_overhead_pct = Decimal("0.5")
    assert pinned.unit_rate("X.1") == rate
    assert pinned.content_hash() == digest


def test_shipped_edition_pinned_copy_is_a_copy():
    from dtpl_studio.services.prices import load_default_book

    shipped = load_default_book()
    code = next(iter(shipped.analyses))
    pinned = shipped.subset({code})
    assert not {id(o) for o in _objects(pinned)} & {id(o) for o in _objects(shipped)} - {
        id(o) for o in _objects(shipped) if isinstance(o, RoundingRule)}
    assert pinned.analyses[code] is not shipped.analyses[code]
    assert pinned.analyses[code] == shipped.analyses[code]


def test_pin_analysis_copies_and_keeps_pinned_prices():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    physical.book.set_price("L.01", Decimal(95_000))  # the project's own pinned price
    edit = edits.pin_analysis(physical, library, "X.1")
    assert {a.code for a in edit.analyses} == {"X.1", "A.4.4.2.4", "A.4.4.2.27"}
    assert "L.01" not in {r.key for r in edit.resources}  # already pinned: its price stays
    inverse = edit.apply(program)
    assert physical.book.resources["L.01"].price == Decimal(95_000)
    assert all(physical.book.analyses[a.code] is not library.analyses[a.code] for a in edit.analyses)
    with pytest.raises(EditError, match="sudah ada"):
        edit.apply(program)
    inverse.apply(program)
    assert "X.1" not in physical.book.analyses


# -- PriceBook removal ---------------------------------------------------------------------------

def test_pricebook_removal_is_public_refuses_what_is_used_and_restores_order():
    book = build_sample_book()
    order = list(book.analyses)
    revision = book.revision
    with pytest.raises(PriceBookError, match="X.1"):
        book.remove_analysis("A.4.4.2.4")  # X.1 uses it
    with pytest.raises(PriceBookError, match="masih dipakai"):
        book.remove_resource("L.01")
    rate = book.unit_rate("X.1")
    analysis, position = book.remove_analysis("X.1")
    assert book.revision > revision
    assert "X.1" not in book.analyses
    with pytest.raises(KeyError):
        book.unit_rate("X.1")  # no stale memo
    book.insert_analysis(analysis, position)
    assert list(book.analyses) == order
    assert book.unit_rate("X.1") == rate
    with pytest.raises(PriceBookError, match="duplicate"):
        book.insert_analysis(analysis, 0)


def test_remove_unused_analysis_refuses_an_analysis_in_use_and_takes_its_own_resources():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    with pytest.raises(EditError, match="masih dipakai item"):
        edits.remove_unused_analysis(physical, "A.2.3.1.11").apply(program)
    urug = physical.sections[1].children[1]
    edits.RemoveNode(urug.id).apply(program)
    edit = edits.remove_unused_analysis(physical, "A.2.3.1.11")
    assert edit.keys == ("M.PU",)  # pasir urug: only that analysis used it
    before = snapshot(physical.book)
    inverse = edit.apply(program)
    assert "A.2.3.1.11" not in physical.book.analyses and "M.PU" not in physical.book.resources
    inverse.apply(program)
    assert snapshot(physical.book) == before


# -- tree operations ------------------------------------------------------------------------------

def test_moves_indent_outdent_and_their_refusals():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    persiapan, tanah, saluran = physical.sections
    galian, urug = tanah.children
    assert edits.move_up_down(program, galian.id, -1) is None
    edits.move_up_down(program, galian.id, +1).apply(program)
    assert tanah.children == [urug, galian]
    assert edits.indent(program, tanah.id).apply(program)
    assert persiapan.children[-1] is tanah and len(physical.sections) == 2
    edits.outdent(program, tanah.id).apply(program)
    assert physical.sections == [persiapan, tanah, saluran]
    assert edits.outdent(program, galian.id) is None  # an item never sits at the top level
    with pytest.raises(EditError, match="dirinya sendiri"):
        edits.MoveNode(tanah.id, physical.id, tanah.id).apply(program)
    with pytest.raises(EditError, match="di dalam bagian"):
        edits.InsertNode(physical.id, None, Item("x", "bh")).apply(program)
    with pytest.raises(EditError, match="sudah ada"):
        edits.InsertNode(physical.id, tanah.id, galian).apply(program)
    with pytest.raises(EditError, match="tidak ada"):
        edits.RemoveNode("no-such-id").apply(program)


def test_compound_is_all_or_nothing():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    before = snapshot(program)
    bad = edits.Compound((edits.set_volume(physical.sections[1].children[1].id, Decimal(9)),
                          edits.RemoveNode("no-such-id")))
    with pytest.raises(EditError):
        bad.apply(program)
    assert snapshot(program) == before


def test_incremental_recompute_reprices_only_the_changed_item():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    urug = physical.sections[1].children[1]
    priced = price_program(program)
    edit = edits.set_volume(urug.id, Decimal(5))
    edit.apply(program)
    again = price_program(program, priced, edit.changed_items)
    old_rows = {n.item.id: n for k, n in priced.packages[1].rows() if k.value == "item"}
    new_rows = {n.item.id: n for k, n in again.packages[1].rows() if k.value == "item"}
    assert new_rows[urug.id] is not old_rows[urug.id]
    assert all(new_rows[i] is old_rows[i] for i in new_rows if i != urug.id)  # reused as they were
    assert again.packages[0].sections[0].children[0] is priced.packages[0].sections[0].children[0]
    physical.book.set_price("M.PU", Decimal(1))  # a book edit: nothing of that package is reused
    third = price_program(program, again, frozenset())
    assert all(n is not new_rows[n.item.id] for k, n in third.packages[1].rows() if k.value == "item")
