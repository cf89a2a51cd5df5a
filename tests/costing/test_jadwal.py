"""Jadwal pelaksanaan & kurva S (dtpl_studio.costing.jadwal) and its edits."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError, SetItemSchedule, reset_schedule
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.jadwal import (
    DEFAULT_CREW,
    DEFAULT_DAYS_PER_WEEK,
    MAX_WEEKS,
    default_duration,
    item_person_days,
    jadwal_package,
    schedule_problem,
)
from dtpl_studio.costing.kebutuhan import schedule_package
from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.costing.rab import Item, Package, Section, price_package, price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book

D = Decimal


@pytest.fixture(scope="module")
def book():
    return load_default_book()


@pytest.fixture
def program(book):
    return build_demo_program(book)


def fisik(program):
    return next(p for p in program.packages if p.component is Component.FISIK)


def jadwal_of(program, package):
    pp = next(pp for pp in price_program(program).packages if pp.package is package)
    return jadwal_package(pp), pp


def test_defaults_are_documented_assumptions():
    assert (DEFAULT_CREW, DEFAULT_DAYS_PER_WEEK, MAX_WEEKS) == (10, 6, 52)


def test_bobot_sums_to_exactly_100_and_curve_ends_at_100(program):
    for package in program.packages:
        j, pp = jadwal_of(program, package)
        assert j.bobot_total == D("100.00")
        assert j.cumulative[-1] == D("100.00")
        assert all(b >= a for a, b in zip(j.cumulative, j.cumulative[1:], strict=False))
        assert j.total == pp.direct
        for r in j.rows:
            assert sum(r.weekly) == r.bobot
            # every weight but the remainder item's is its own rounding
            if r.item_id != j.remainder_item:
                assert r.bobot == r.bobot_exact.quantize(D("0.01"))
        taker = j.row(j.remainder_item)
        assert taker.amount == max(r.amount for r in j.rows)
        assert taker.bobot - j.remainder == taker.bobot_exact.quantize(D("0.01"))


def test_person_days_are_the_rekap_kebutuhan_labour(program):
    package = fisik(program)
    j, pp = jadwal_of(program, package)
    hok = item_person_days(pp)
    # the labour rows of the rekap kebutuhan, summed per item, give the same HOK
    sched = schedule_package(pp)
    per_item: dict[str, Decimal] = {}
    for r in sched.resources:
        if r.kind is ResourceKind.LABOUR and r.unit == "OH":
            for c in r.contributions:
                per_item[c.item_id] = per_item.get(c.item_id, D(0)) + c.quantity
    for item_id, value in per_item.items():
        if hok[item_id] is not None and package_item(package, item_id).rate_override is None:
            assert abs(hok[item_id] - value) < D("1e-20"), item_id
    for r in j.rows:
        assert r.duration_default == default_duration(r.person_days, 10, 6)
        if r.person_days:
            assert r.duration_default == max(1, math.ceil(r.person_days / 60))


def package_item(package, item_id):
    return next(i for i in package.items() if i.id == item_id)


def test_default_duration_from_hok_and_crew(program, book):
    assert default_duration(None, 10, 6) == 1
    assert default_duration(D(0), 10, 6) == 1
    assert default_duration(D(60), 10, 6) == 1
    assert default_duration(D("60.01"), 10, 6) == 2
    assert default_duration(D(61), 5, 6) == 3
    package = fisik(program)
    j1, _ = jadwal_of(program, package)
    package.settings.crew_size = 2
    j2, _ = jadwal_of(program, package)
    longest = max(j1.rows, key=lambda r: r.person_days or 0)
    assert j2.row(longest.item_id).duration > longest.duration
    assert j2.crew_size == 2


def test_default_start_is_sequential_by_division(program):
    j, pp = jadwal_of(program, fisik(program))
    by_div: dict[str, list] = {}
    for r in j.rows:
        by_div.setdefault(r.division, []).append(r)
    cursor = 1
    for div in [ps.number for ps in pp.sections]:
        rows = by_div.get(div, [])
        assert {r.start for r in rows} == {cursor}
        cursor = max(r.end for r in rows) + 1
    assert j.weeks == cursor - 1


def test_own_values_win_and_move_the_next_divisions(program):
    package = fisik(program)
    j, _ = jadwal_of(program, package)
    first = j.rows[0]
    inverse = SetItemSchedule(first.item_id, 1, 5).apply(program)
    j2, _ = jadwal_of(program, package)
    r = j2.row(first.item_id)
    assert (r.start, r.duration, r.start_set, r.duration_set) == (1, 5, True, True)
    second_div = next(x for x in j2.rows if x.division != first.division)
    assert second_div.start == 6
    inverse.apply(program)
    assert jadwal_of(program, package)[0] == j


def test_validation_messages_name_the_item():
    assert schedule_problem("Galian tanah", 0, 2) == ("Minggu mulai item 'Galian tanah' harus 1 "
                                                     "atau lebih (tertulis 0)")
    assert "Durasi item 'Galian tanah' harus 1 minggu" in schedule_problem("Galian tanah", 1, 0)
    assert "selesai minggu ke-53" in schedule_problem("Galian tanah", 50, 4)
    assert schedule_problem("Galian tanah", 49, 4) is None
    assert schedule_problem("x", None, None) is None


def test_edit_refuses_and_changes_nothing(program):
    package = fisik(program)
    item = next(package.items())
    for start, duration in ((0, 1), (1, 0), (40, 20), (-3, None)):
        with pytest.raises(EditError, match=item.description[:20]):
            SetItemSchedule(item.id, start, duration).apply(program)
        assert (item.start_week, item.duration_weeks) == (None, None)
    with pytest.raises(EditError, match="selesai minggu ke-55"):  # the default duration counts
        SetItemSchedule(item.id, 50, None, effective_duration=6).apply(program)


def test_reset_is_one_step_and_undoable(program):
    package = fisik(program)
    items = list(package.items())
    edits.apply_all(program, [SetItemSchedule(items[0].id, 3, 2), SetItemSchedule(items[2].id, None, 4)])
    before = [(i.start_week, i.duration_weeks) for i in items]
    reset = reset_schedule(program, package.id)
    inverse = reset.apply(program)
    assert all((i.start_week, i.duration_weeks) == (None, None) for i in items)
    inverse.apply(program)
    assert [(i.start_week, i.duration_weeks) for i in items] == before
    assert reset.changed_items == frozenset() and not reset.structural


def test_stored_value_out_of_range_is_a_finding(program):
    package = fisik(program)
    item = next(package.items())
    item.start_week, item.duration_weeks = 0, 400
    j, _ = jadwal_of(program, package)
    assert any(f.code == "jadwal.stored" and f.item_id == item.id for f in j.findings)
    r = j.row(item.id)
    assert (r.start, r.duration, r.start_set) == (r.start_default, r.duration_default, False)


def test_too_long_default_is_a_finding(program):
    package = fisik(program)
    package.settings.crew_size = 1
    package.settings.work_days_per_week = 1
    j, _ = jadwal_of(program, package)
    assert any(f.code == "jadwal.too_long" for f in j.findings)
    assert j.cumulative[-1] == D("100.00")


def test_bad_crew_falls_back_to_default(program):
    package = fisik(program)
    package.settings.crew_size = 0
    j, _ = jadwal_of(program, package)
    assert j.crew_size == DEFAULT_CREW and any(f.code == "jadwal.crew" for f in j.findings)


def test_empty_and_zero_packages(book):
    pkg = Package("Kosong", Component.FISIK, book)
    j = jadwal_package(price_package(pkg))
    assert (j.rows, j.weeks, j.cumulative) == ((), 0, ())
    pkg.sections.append(Section("I", [Item("Nol", "ls", custom_rate=D(0), custom_reason="uji")]))
    j = jadwal_package(price_package(pkg))
    assert j.bobot_total == 0 and j.cumulative == (D(0),)
    assert any(f.code == "jadwal.no_amount" for f in j.findings)


@given(st.lists(st.tuples(st.integers(0, 10**11), st.integers(1, 6), st.integers(1, 12),
                          st.booleans()), min_size=1, max_size=25),
       st.integers(1, 4))
def test_curve_is_monotone_and_ends_at_100(book, rows, divisions):
    sections = [Section(f"Div {d}") for d in range(divisions)]
    for n, (amount, start, duration, own) in enumerate(rows):
        item = Item(f"Item {n}", "ls", custom_rate=D(amount), custom_reason="uji", volume=D(1),
                    start_week=start if own else None, duration_weeks=duration if own else None)
        sections[n % divisions].children.append(item)
    j = jadwal_package(price_package(Package("P", Component.FISIK, book, sections)))
    assert all(b >= a for a, b in zip(j.cumulative, j.cumulative[1:], strict=False))
    assert all(w >= 0 for w in j.weekly)
    assert all(r.bobot >= 0 for r in j.rows)
    if any(a for a, *_ in rows):
        assert j.bobot_total == D("100.00") and j.cumulative[-1] == D("100.00")
    else:
        assert j.cumulative[-1] == 0
    assert len(j.cumulative) == j.weeks == max(r.end for r in j.rows)
