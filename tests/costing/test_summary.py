"""The verdict's figures summed per section while pricing (issue 10, the edit path).

:mod:`dtpl_studio.costing.summary` replaced walks over every item of every package after
every edit by digests kept with the reused results. Two properties walk the class:

* after any sequence of edits (the random edits of ``test_edits``, plus section kinds, KSM,
  custom-rate reasons and funding), each package's digest — and each division's — equals a
  plain walk over its priced items (the rules as the verdict wrote them before);
* the incrementally priced programme's *verdict* (findings with their contributors, totals,
  gauges) equals the verdict of a from-scratch recompute.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.funding import Component, FundingSource, SectionKind
from dtpl_studio.costing.money import ZERO, round_rupiah
from dtpl_studio.costing.rab import Item, PricedPackage, PricedSection, Section, price_program
from dtpl_studio.costing.summary import TOP, states_source
from tests.costing.test_edits import OPS, _nodes, figures, make_edit, values
from tests.ui.ui_sample import build_sample_book, build_sample_program

# -- the rules as a walk over every item ---------------------------------------------------------


def _walk(ps: PricedSection, inherited: SectionKind):
    kind = ps.section.kind or inherited
    for child in ps.children:
        if isinstance(child, PricedSection):
            yield from _walk(child, kind)
        else:
            yield kind, child


def _top(pairs):
    return [(value, id(it)) for value, it in sorted(pairs, key=lambda p: -p[0])[:TOP]]


def reference(pp: PricedPackage, sections: tuple[PricedSection, ...] | None = None) -> tuple:
    """What :class:`~dtpl_studio.costing.summary.Digest.key` must be, by walking every item."""
    book = pp.package.book
    rows = [kv for ps in (sections if sections is not None else pp.sections)
            for kv in _walk(ps, SectionKind.NONE)]
    blm = []
    used = []
    carried = []
    custom = []
    kinds: dict = {}
    for kind, it in rows:
        share = sum((v for s, v in it.funding if s is FundingSource.BLM), ZERO)
        if not it.error and share > 0:
            blm.append((share, it))
        item = it.item
        if item.analysis_code and item.rate_override is None:
            used.append((it.amount, it))
            if not it.error and it.volume is not None:
                try:
                    bd = book.compute(item.analysis_code)
                except (KeyError, ValueError, ArithmeticError):
                    bd = None
                if bd is not None and bd.overhead_pct > 0:
                    carried.append((round_rupiah(it.volume * bd.e), bd.overhead_pct, it))
        if (item.analysis_code is None and item.custom_rate is not None and item.custom_reason
                and not item.custom_source.strip() and not states_source(item.custom_reason)
                and not it.error):
            custom.append(id(it))
        if not it.error:
            kinds[kind] = kinds.get(kind, ZERO) + it.amount
    return (sum((s for s, _ in blm), ZERO), len(blm), _top(blm),
            len(used), sum((a for a, _ in used), ZERO), _top(used),
            len(carried), sum((e for e, _, _ in carried), ZERO), frozenset(p for _, p, _ in carried),
            _top([(e, it) for e, _, it in carried]), custom, kinds, frozenset(k for k, _ in rows))


def verdict_of(priced):
    v = priced.verdict
    return (v.kind, v.findings, v.totals, v.gauges, v.termins, v.explanation)


# -- more edits: what the digest reads ----------------------------------------------------------

MORE = ("kind", "ksm", "reason", "split")


def more_edit(program, op: str, seed: int):
    nodes = _nodes(program)
    items = [n for n in nodes if isinstance(n, Item)]
    sections = [n for n in nodes if isinstance(n, Section)]
    if op == "kind" and sections:
        return edits.set_section(sections[seed % len(sections)].id,
                                 kind=list(SectionKind)[seed % len(SectionKind)])
    if op == "ksm" and program.packages:
        package = program.packages[seed % len(program.packages)]
        return edits.set_package(package.id, ksm="" if seed % 2 else f"KSM {seed}")
    if op == "reason" and items:
        item = items[seed % len(items)]
        return edits.set_item(item.id, custom_reason=("survei pasar", "pokoknya", "")[seed % 3])
    if op == "split" and items:
        item = items[seed % len(items)]
        return edits.set_item(item.id, funding=(None, FundingSource.BLM, FundingSource.SWADAYA,
                                                FundingSource.APBD)[seed % 4])
    return None


steps = st.lists(st.tuples(st.sampled_from(OPS + MORE), st.integers(0, 10_000), values), max_size=25)


def check_digests(priced) -> None:
    for pp in priced.packages:
        assert pp.digest.key() == reference(pp), pp.package.name
        for ps in pp.sections:
            assert pp.section_results[ps.section.id].digest.key() == reference(pp, (ps,)), ps.number


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_digests_and_verdict_follow_any_edits_as_a_walk_and_a_full_recompute(sequence):
    library = build_sample_book()
    program = build_sample_program(library)
    priced = price_program(program)
    check_digests(priced)
    for op, seed, value in sequence:
        try:
            edit = (more_edit(program, op, seed) if op in MORE
                    else make_edit(program, library, op, seed, value))
        except EditError:
            continue
        if edit is None:
            continue
        try:
            inverse = edit.apply(program)
        except EditError:
            continue
        priced = price_program(program, priced, edit.changed_items, same_shape=not edit.structural)
        full = price_program(program, fresh=True)
        check_digests(priced)
        assert figures(priced) == figures(full), op
        assert verdict_of(priced) == verdict_of(full), op
        if seed % 3 == 0:  # undo now and then: the digests come back with the reused results
            inverse.apply(program)
            priced = price_program(program, priced, inverse.changed_items, same_shape=not inverse.structural)
            check_digests(priced)
            assert verdict_of(priced) == verdict_of(price_program(program, fresh=True)), f"undo {op}"


def test_the_digest_counts_the_planning_categories_and_ded_as_the_items_do():
    """A kind set on a sub-section wins below it; an item in error counts in no category but
    its division still 'has' its kind (the structure note)."""
    library = build_sample_book()
    program = build_sample_program(library)
    planning = next(p for p in program.packages if p.component is Component.PERENCANAAN)
    division = planning.sections[0]
    sub = Section("Sub DED", [Item("DED saluran", "ls", custom_rate=Decimal(1_000_000),
                                   custom_reason="penawaran", volume=Decimal(1))], kind=SectionKind.DED)
    bad = Item("Tanpa harga", "ls", volume=Decimal(1))  # no code, no rate: in error
    edits.InsertNode(planning.id, division.id, sub).apply(program)
    edits.InsertNode(planning.id, sub.id, bad).apply(program)
    priced = price_program(program)
    check_digests(priced)
    pp = next(p for p in priced.packages if p.package is planning)
    kinds = pp.section_results[division.id].digest.kinds
    assert kinds[SectionKind.DED] == Decimal(1_000_000)
    assert priced.verdict.totals.planning_by_category[SectionKind.DED] == Decimal(1_000_000)
    assert any(f.code == "ded-in-planning" for f in priced.verdict.findings)
