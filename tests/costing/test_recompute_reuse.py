"""A recompute told nothing reuses what did not change, found by value (issue 10).

``price_program(program)`` called again on the programme it priced last, and
``price_program(program, previous)`` with ``changed`` None, reuse an item's result only while
the item's fields equal those it was priced with (``rab._inputs``) and its volume follows
no other item or parameter. The class: any sequence of edits *and* of changes made behind
the edits' back (a factor's value changed in place, a line appended to the list, a parameter
replaced, a line linked or given an expression, a section's kind or funding set directly),
then both kinds of recompute equal a recompute from nothing (``fresh=True``), figure for
figure and verdict for verdict.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.funding import FundingSource, SectionKind
from dtpl_studio.costing.rab import Factor, Item, Measurement, Section, price_program
from tests.costing.test_edits import OPS, _nodes, figures, make_edit, values
from tests.costing.test_summary import verdict_of
from tests.ui.ui_sample import build_sample_book, build_sample_program

BEHIND = ("factor_in_place", "append_line", "volume_in_place", "parameter", "expression", "link",
          "kind_in_place", "funding_in_place", "sign_in_place", "description_in_place")


def change_behind(program, op: str, seed: int, value: Decimal) -> None:
    """Change the programme without an edit (what an importer or a careless caller may do)."""
    nodes = _nodes(program)
    items = [n for n in nodes if isinstance(n, Item)]
    sections = [n for n in nodes if isinstance(n, Section)]
    if not items:
        return
    item = items[seed % len(items)]
    lines = item.measurements
    if op == "factor_in_place" and lines and lines[0].factors:
        lines[0].factors[0].value = value
    elif op == "append_line":
        lines.append(Measurement("tambah", [Factor("n", Decimal(seed % 4 + 1)), Factor("p", value, "m")]))
    elif op == "volume_in_place":
        item.volume = value
    elif op == "sign_in_place" and lines:
        lines[-1].sign = -lines[-1].sign
    elif op == "description_in_place":
        item.description = f"Diubah {seed}"
    elif op == "parameter":
        package = next(p for p in program.packages if any(i is item for i in p.items()))
        package.parameters[:] = [Parameter("P", value, "m")]
    elif op == "expression" and lines:
        lines[0].expression = "P * 2 m" if seed % 2 else "P"
        lines[0].link = None
    elif op == "link" and lines:
        package = next(p for p in program.packages if any(i is item for i in p.items()))
        others = [i for i in package.items() if i is not item]
        if others:
            lines[0].link = others[seed % len(others)].id
            lines[0].expression = ""
    elif op == "kind_in_place" and sections:
        sections[seed % len(sections)].kind = list(SectionKind)[seed % len(SectionKind)]
    elif op == "funding_in_place" and sections:
        sections[seed % len(sections)].funding = (None, FundingSource.SWADAYA, FundingSource.BLM)[seed % 3]


steps = st.lists(st.tuples(st.sampled_from(OPS + BEHIND), st.integers(0, 10_000), values), max_size=25)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_a_recompute_told_nothing_equals_one_from_nothing_after_any_changes(sequence):
    library = build_sample_book()
    program = build_sample_program(library)
    previous = price_program(program)
    for op, seed, value in sequence:
        if op in BEHIND:
            change_behind(program, op, seed, value)
        else:
            try:
                edit = make_edit(program, library, op, seed, value)
                if edit is not None:
                    edit.apply(program)
            except EditError:
                continue
        fresh = price_program(program, fresh=True)
        told_nothing = price_program(program, previous)  # changed None: found by value
        again = price_program(program)  # the last programme priced: reused by value too
        for priced in (told_nothing, again):
            assert figures(priced) == figures(fresh), op
            assert verdict_of(priced) == verdict_of(fresh), op
        previous = told_nothing if seed % 2 else again


def test_unchanged_items_are_reused_and_a_changed_factor_is_priced_again():
    """The mechanism, not a timing: a second recompute prices nothing again; a factor changed
    in place is found and only its item is priced again."""
    program = build_sample_program(build_sample_book())
    first = price_program(program, fresh=True)
    assert first.packages[0].recomputed  # from nothing: every item priced
    second = price_program(program)
    assert all(not pp.recomputed for pp in second.packages)
    assert all(a.priced is b.priced for pp1, pp2 in zip(first.packages, second.packages, strict=True)
               for a, b in zip(pp1.item_results.values(), pp2.item_results.values(), strict=True))
    item = next(i for p in program.packages for i in p.items()
                if i.measurements and i.measurements[0].factors and not i.measurements[0].expression)
    item.measurements[0].factors[0].value += 1
    third = price_program(program)
    assert set().union(*(pp.recomputed for pp in third.packages)) == {item.id}
    assert figures(third) == figures(price_program(program, fresh=True))
