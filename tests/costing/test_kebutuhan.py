"""Rekap kebutuhan bahan & tenaga kerja (dtpl_studio.costing.kebutuhan)."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.kebutuhan import (
    AdjustmentKind,
    NotBrokenReason,
    PurchaseTableError,
    read_purchase_table,
    schedule_package,
    schedule_packages,
    schedule_program,
    shipped_purchase_table,
    unit_needs,
)
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import Item, Package, Section, price_package, price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book

D = Decimal
TINY = D("1e-15")


@pytest.fixture(scope="module")
def book():
    return load_default_book()


@pytest.fixture(scope="module")
def demo(book):
    return price_program(build_demo_program(book))


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(abs(b), D(1)) * D("1e-25")


def reconciles(s) -> bool:
    return s.resources_total + s.adjustments_total + s.not_broken_down_total == s.direct


def exact_identity(s) -> Decimal:
    """Σ exact resource amounts + exact adjustments − the broken-down items' amounts."""
    total = sum((r.amount_exact for r in s.resources), D(0))
    total += sum((a.exact for a in s.adjustments), D(0))
    return total - s.broken_down


# -- the demo programme, by hand ---------------------------------------------------------

def test_demo_programme_hand_computed(demo):
    s = schedule_program(demo)
    assert s.decimals == 4
    rows = {r.name: r for r in s.resources}
    # Pekerja (OH): Σ printed volume × koefisien over the 11 items priced from analyses
    # A.7 510×0,1 + A.22 24,5×0,012 + B.1 111,75×0,75 + C.2 18,75×0,3 + C.1 12,38×0,5
    # + F.26 44,85×1,65 + F.15 36×0,52 + F.51 375×0,02 + E.6 50,25×1,5 + J.4 255×0,2 + J.8 180×0,2
    pekerja = rows["Pekerja"]
    assert pekerja.kind is ResourceKind.LABOUR and pekerja.unit == "OH"
    assert pekerja.quantity_exact == D("409.519")
    assert pekerja.quantity == D("409.5190") and pekerja.price == 100000
    assert pekerja.amount == D("40951900")
    assert len(pekerja.contributions) == 11
    # Semen portland (kg): F.26 44,85×306 + E.6 50,25×163 + J.4 255×6,24 + J.8 180×3,25
    semen = rows["Semen portland"]
    assert semen.quantity_exact == D("24091.05")
    assert semen.amount == D("24091.05") * 1300
    assert [(p.unit.label, p.quantity) for p in semen.purchase] == [
        ("zak 50 kg", D("481.82")), ("zak 40 kg", D("602.28"))]
    assert [c.number for c in semen.contributions] == ["IV.1.a", "V.1", "V.2", "V.3"]
    # Tukang batu (OH): F.26 44,85×0,275 + E.6 50,25×0,5 + J.4 255×0,1 + J.8 180×0,1
    tukang = rows["Tukang batu"]
    assert tukang.quantity_exact == D("80.95875") and tukang.quantity == D("80.9588")
    assert tukang.amount == D("80.9588") * 145000  # printed quantity × harga satuan
    # Pasir beton bought per m3: 44,85 × 832 kg / 1 400 kg/m3
    pasir = rows["Pasir beton"]
    assert pasir.purchase[0].quantity == D("26.65")
    # labour in person-days per role, and in total
    roles = [r.name for r in s.by_kind(ResourceKind.LABOUR)]
    assert set(roles) == {"Pekerja", "Mandor", "Tukang kayu", "Kepala tukang", "Tukang batu"}
    assert s.person_days() == sum(r.quantity for r in s.by_kind(ResourceKind.LABOUR))


def test_demo_reconciles_with_the_rab(demo):
    s = schedule_program(demo)
    assert s.direct == sum(pp.direct for pp in demo.packages)
    assert reconciles(s)
    # custom-rate items are listed with their amount, not broken down
    assert {n.reason for n in s.not_broken_down} == {NotBrokenReason.CUSTOM}
    assert s.not_broken_down_total == D("125500000") + D("25450000")
    # E is its own line: 10 % of D of every analysis, times the volumes
    overhead = s.adjustment(AdjustmentKind.OVERHEAD)
    assert overhead is not None and overhead.amount == D("15939637")
    # the book rounds F down to Rp 100: the RAB pays less than D + E
    assert s.adjustment(AdjustmentKind.RATE_ROUNDING).amount == D("-90364")
    rounding = s.adjustment(AdjustmentKind.ROUNDING)
    assert rounding.exact == 0  # the demo's RAB rows are whole rupiah already
    assert abs(rounding.amount) <= len(s.resources)  # printed rows: at most Rp 0,5 each
    assert abs(exact_identity(s)) < TINY


def test_package_schedule_of_planning_package_has_no_resources(demo):
    s = schedule_package(demo.packages[0])
    assert s.resources == () and s.broken_down == 0
    assert s.not_broken_down_total == s.direct == demo.packages[0].direct
    assert reconciles(s)


def test_every_shipped_analysis_decomposes_exactly(book):
    """F = Σ resource amounts + E + rounding of F for each of the 670 analyses."""
    memo: dict = {}
    for code in book.analyses:
        un = unit_needs(book, code, memo)
        total = sum((n.amount for n in un.needs.values()), D(0))
        assert abs(total + un.overhead + un.rate_rounding + un.sub_price - book.compute(code).f) < TINY, code


# -- overrides, custom items, errors -----------------------------------------------------

def test_override_and_error_items_are_not_broken_down(book):
    program = build_demo_program(book)
    pkg = program.packages[1]
    items = list(pkg.items())
    beton = next(i for i in items if i.analysis_code == "F.26")
    beton.rate_override, beton.override_reason = D("1300000.50"), "harga ready-mix setempat"
    galian = next(i for i in items if i.analysis_code == "B.1")
    galian.analysis_code = "NOPE"  # not in the book: an error item, amount 0
    pp = price_package(pkg)
    s = schedule_package(pp)
    reasons = {n.number: n.reason for n in s.not_broken_down}
    assert reasons["IV.1.a"] is NotBrokenReason.OVERRIDE
    assert reasons["III.1"] is NotBrokenReason.ERROR
    over = next(n for n in s.not_broken_down if n.number == "IV.1.a")
    assert over.amount == pp.node(beton.id).amount and over.note == "harga ready-mix setempat"
    # the override's cement is no longer in the schedule; the other items' cement is
    semen = next(r for r in s.resources if r.name == "Semen portland")
    assert "IV.1.a" not in [c.number for c in semen.contributions]
    assert semen.quantity_exact == D("24091.05") - D("44.85") * 306
    assert reconciles(s)
    assert abs(exact_identity(s)) < TINY


def test_amount_rounding_of_rab_rows_is_its_own_exact_part(book):
    program = build_demo_program(book)
    pkg = program.packages[1]
    pkg.settings.volume_decimals = 3
    pp = price_package(pkg)
    s = schedule_package(pp)
    assert s.decimals == 5
    expected = sum((pi.amount - pi.volume * pi.rate for pi in pp.items()
                    if pi.item.analysis_code and pi.rate is not None), D(0))
    assert s.adjustment(AdjustmentKind.ROUNDING).exact == expected
    assert reconciles(s) and abs(exact_identity(s)) < TINY


# -- nested analyses ---------------------------------------------------------------------

def nested_book() -> PriceBook:
    book = PriceBook(PriceBookMeta(rate_rounding=RoundingRule(D(100), RoundingMode.DOWN),
                                   default_overhead_pct=D("0.10")))
    for key, kind, unit, price in (("Pekerja", ResourceKind.LABOUR, "OH", "100000"),
                                   ("Tukang batu", ResourceKind.LABOUR, "OH", "145000"),
                                   ("Semen", ResourceKind.MATERIAL, "kg", "1300"),
                                   ("Pasir", ResourceKind.MATERIAL, "m3", "275000"),
                                   ("Molen", ResourceKind.EQUIPMENT, "hari", "350000")):
        book.add_resource(Resource(key, key, kind, unit, D(price), code=f"R-{key[:3]}"))
    L = LineKind
    book.put_analysis(Analysis("M.1", "Mortar 1:4", "m3", [
        AnalysisLine(L.LABOUR, "Pekerja", D("1.2"), "OH"),
        AnalysisLine(L.MATERIAL, "Semen", D("0.325"), "ton"),  # written in ton, priced per kg
        AnalysisLine(L.MATERIAL, "Pasir", D("1.04"), "m3"),
        AnalysisLine(L.EQUIPMENT, "Molen", D("0.05"), "hari"),
    ]))
    book.put_analysis(Analysis("P.1", "Pasangan bata 1 m2", "m2", [
        AnalysisLine(L.LABOUR, "Pekerja", D("0.3"), "OH"),
        AnalysisLine(L.LABOUR, "Tukang batu", D("0.1"), "OH"),
        AnalysisLine(L.SUB_ANALYSIS, "M.1", D("0.043"), "m3"),
        AnalysisLine(L.PCT_OF_MATERIAL, "", D("0.05"), description="Alat bantu"),
    ], overhead_pct=D("0.15")))
    book.put_analysis(Analysis("W.1", "Dinding + plester 1 m2", "m2", [
        AnalysisLine(L.SUB_ANALYSIS, "P.1", D("1"), "m2"),
        AnalysisLine(L.SUB_ANALYSIS, "M.1", D("0.015"), "m3", price_override=D("1000000")),
    ]))
    return book


def package_of(book, *items) -> Package:
    return Package("Uji", Component.FISIK, book, [Section("I", list(items))])


def test_nested_analyses_expand_to_their_resources():
    book = nested_book()
    pp = price_package(package_of(book, Item("Dinding", "m2", analysis_code="W.1", volume=D("10"))))
    s = schedule_package(pp)
    rows = {r.name: r for r in s.resources}
    # per m2 of W.1: P.1 once (0,3 Pekerja + 0,043 m3 mortar) + 0,015 m3 mortar
    assert rows["Pekerja"].quantity_exact == 10 * (D("0.3") + (D("0.043") + D("0.015")) * D("1.2"))
    assert rows["Tukang batu"].quantity_exact == D("1.0")
    # semen: line in ton, schedule in the resource's unit (kg)
    assert rows["Semen"].unit == "kg"
    assert rows["Semen"].quantity_exact == 10 * (D("0.043") + D("0.015")) * D("325")
    assert rows["Molen"].kind is ResourceKind.EQUIPMENT
    pct = next(r for r in s.resources if r.price is None)
    assert pct.kind is ResourceKind.EQUIPMENT and pct.quantity is None and "Alat bantu" in pct.name
    kinds = [r.kind for r in s.resources]
    assert kinds == sorted(kinds, key=[ResourceKind.LABOUR, ResourceKind.MATERIAL,
                                       ResourceKind.EQUIPMENT].index)
    # E of P.1 (15 %) and of M.1 inside it (10 %), the sub price pinned on the W.1 line
    assert s.adjustment(AdjustmentKind.SUB_PRICE) is not None
    assert reconciles(s)
    assert abs(exact_identity(s)) < TINY


def test_nested_unit_needs_sum_to_the_rate():
    book = nested_book()
    for code in book.analyses:
        un = unit_needs(book, code)
        total = sum((n.amount for n in un.needs.values()), D(0))
        assert abs(total + un.overhead + un.rate_rounding + un.sub_price - book.unit_rate(code)) < TINY


def test_an_analysis_that_cannot_be_priced_is_an_error_row():
    book = nested_book()
    book.analyses["P.1"].lines.append(AnalysisLine(LineKind.MATERIAL, "Batu", D("1"), "m3"))
    book.touch()
    pp = price_package(package_of(book, Item("Dinding", "m2", analysis_code="W.1", volume=D("2"))))
    s = schedule_package(pp)
    assert [n.reason for n in s.not_broken_down] == [NotBrokenReason.ERROR]
    assert s.resources == () and reconciles(s)


# -- properties ---------------------------------------------------------------------------

CODES = ("A.7", "B.1", "C.2", "E.6", "F.15", "F.26", "J.4")
volumes = st.decimals(min_value=D("0.01"), max_value=D("9999.99"), places=2, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=40)
@given(st.lists(st.tuples(st.sampled_from(CODES), volumes), min_size=1, max_size=8),
       st.integers(min_value=2, max_value=50))
def test_scaling_volumes_scales_quantities_and_it_reconciles(book, lines, k):
    sub = book.subset(set(CODES))

    def schedule(factor):
        items = [Item(f"i{n}", sub.analyses[c].unit, analysis_code=c, volume=v * factor)
                 for n, (c, v) in enumerate(lines)]
        return schedule_package(price_package(package_of(sub, *items)))

    one, many = schedule(1), schedule(k)
    assert [r.key for r in one.resources] == [r.key for r in many.resources]
    for a, b in zip(one.resources, many.resources, strict=True):
        # exact but for the 34th significant digit (F.26's batu split coefficient is a
        # 34-digit 0,7474074…, the book's own quotient)
        assert close(b.quantity_exact, k * a.quantity_exact)
        assert close(b.amount_exact, k * a.amount_exact)
    for s in (one, many):
        assert reconciles(s)
        assert abs(exact_identity(s)) < D("1e-12")


# -- purchase table -------------------------------------------------------------------------

def test_shipped_purchase_table_has_a_source_for_every_row():
    table = shipped_purchase_table()
    assert table.rows and all(r.source for r in table.rows)
    assert [r.label for r in table.for_resource("SEMEN  Portland")] == ["zak 50 kg", "zak 40 kg"]


def test_purchase_table_errors_name_the_line():
    head = "resource,purchase_unit,content,content_unit,label,source\n"
    with pytest.raises(PurchaseTableError, match="baris 2.*bukan angka"):
        read_purchase_table(head + "Semen,zak,lima puluh,kg,zak,x\n")
    with pytest.raises(PurchaseTableError, match="satuan 'karton'"):
        read_purchase_table(head + "Semen,karton,50,kg,zak,x\n")
    with pytest.raises(PurchaseTableError, match="kolom"):
        read_purchase_table("resource,content\nSemen,50\n")


def test_purchase_row_for_another_dimension_is_not_used(demo):
    table = read_purchase_table("resource,purchase_unit,content,content_unit,label,source\n"
                                "Pekerja,zak,50,kg,zak,x\nAir,galon,19,liter,galon 19 L,uji\n")
    s = schedule_packages(demo.packages, "x", table)
    rows = {r.name: r for r in s.resources}
    assert rows["Pekerja"].purchase == ()
    assert rows["Air"].purchase[0].quantity == (rows["Air"].quantity_exact / 19).quantize(D("0.01"))


def test_programme_merges_packages_with_the_same_resource_and_price(book):
    program = build_demo_program(book)
    twin = copy.deepcopy(program.packages[1])
    twin.name = "Paket kembar"
    program.packages.append(twin)
    priced = price_program(program)
    one = schedule_package(priced.packages[1])
    both = schedule_program(priced)
    assert len(both.resources) == len(one.resources)
    for a, b in zip(one.resources, both.resources, strict=True):
        assert close(b.quantity_exact, 2 * a.quantity_exact)
    assert reconciles(both)
