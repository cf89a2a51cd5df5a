"""Re-pricing a package into another edition (issue 10 point 5): the report per line, per
division and in total on a synthetic book pair (matched by code, by description, nested
analyses, no counterpart, override and custom kept, shared basic prices), the edit's exact
inverse (hypothesis over which analyses the target lacks and which items are overridden), and
the pinned copy sharing nothing with the target."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing.edits import EditError, SwapBook, set_override
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    Resource,
    ResourceKind,
    hspk_item,
)
from dtpl_studio.costing.rab import Item, Package, PackageSettings, Program, Section, price_package
from dtpl_studio.costing.repricing import (
    LineStatus,
    RepriceError,
    TargetIndex,
    normalize_code,
    normalize_name,
    plan_repricing,
)
from tests.costing.test_edits import snapshot
from tests.ui.ui_sample import build_sample_book

PAGAR_OLD = "Pembuatan 1 m’ pagar sementara dari kayu tinggi 2 meter"
PAGAR_HSPK = ("Pembuatan 1 m' pagar sementara dari kayu tinggi 2 meter (Lihat Peraturan Menteri Pekerjaan "
              "Umum dan Perumahan Rakyat Nomor 8 Tahun 2023 Lampiran B U.1.1.1 (c))")


def old_book() -> PriceBook:
    """The sample book plus a fence analysis (name match only) and one only this book has."""
    book = build_sample_book()
    book.add_resource(Resource("M.KY", "Kayu kelas III", ResourceKind.MATERIAL, "m3", D("3500000")))
    book.add_resource(Resource("M.X", "Bahan khusus", ResourceKind.MATERIAL, "kg", D("12345")))
    book.put_analysis(Analysis("P.1", PAGAR_OLD, "m", [
        AnalysisLine(LineKind.LABOUR, "L.01", D("0.2")), AnalysisLine(LineKind.MATERIAL, "M.KY", D("0.05"))]))
    book.put_analysis(Analysis("P.2", "Pekerjaan khusus dengan bahan khusus", "m2", [
        AnalysisLine(LineKind.MATERIAL, "M.X", D("3"))]))
    return book


def target_book(drop: frozenset[str] = frozenset()) -> PriceBook:
    """Another region: every price +20 %, other rules, no pengurugan (A.2.3.1.11), no P.2,
    the fence as an HSPK item under another code; ``drop`` removes more analyses."""
    source = old_book()
    book = PriceBook(dataclasses.replace(
        source.meta, region="Kab. Lain", edition="uji 2", title="Buku harga uji wilayah lain",
        default_overhead_pct=D("0.10"), rate_rounding=RoundingRule(D(1000), RoundingMode.HALF_UP)))
    for key, resource in source.resources.items():
        if key != "M.X":
            book.resources[key] = dataclasses.replace(resource, price=resource.price * D("1.2"))
    for code, analysis in source.analyses.items():
        if code not in ("A.2.3.1.11", "P.1", "P.2"):
            book.analyses[code] = copy.deepcopy(analysis)
    book.put_analysis(hspk_item("1.1.1.1", PAGAR_HSPK, "m", D("967942")))
    for code in drop:
        book.analyses.pop(code, None)
    for code in list(book.analyses):  # a nested analysis without its sub-analysis goes too
        if code == "X.1" and not {"A.4.4.2.4", "A.4.4.2.27"} <= set(book.analyses):
            book.analyses.pop(code)
    book.touch()
    return book


def program(book: PriceBook | None = None) -> Program:
    book = book or old_book()
    items = {
        "galian": Item("Galian tanah", "m3", "A.2.3.1.1", volume=D("10"), id="galian"),
        "urug": Item("Urugan pasir", "m3", "A.2.3.1.11", volume=D("5"), id="urug"),
        "fondasi": Item("Fondasi batu belah", "m3", "A.3.2.1.6", volume=D("3"), id="fondasi",
                        rate_override=D("500000"), override_reason="harga pasar"),
        "plester": Item("Plester dan acian", "m2", "X.1", volume=D("20"), id="plester"),
        "pagar": Item("Pagar sementara", "m", "P.1", volume=D("12"), id="pagar"),
        "khusus": Item("Pekerjaan khusus", "m2", "P.2", volume=D("2"), id="khusus"),
        "papan": Item("Papan nama", "bh", None, custom_rate=D("450000"), volume=D("1"), id="papan"),
    }
    sections = [
        Section("PEKERJAAN TANAH", [items["galian"], items["urug"]], id="div1"),
        Section("PEKERJAAN PASANGAN", [items["fondasi"], Section("Saluran", [items["plester"]], id="sub"),
                                      items["pagar"], items["khusus"], items["papan"]], id="div2"),
    ]
    package = Package("Paket uji", Component.FISIK, book.subset({"A.2.3.1.1", "A.2.3.1.11", "A.3.2.1.6",
                                                                 "X.1", "P.1", "P.2"}),
                      sections, settings=PackageSettings(ppn_rate=D("0.11")), id="pkg",
                      price_basis_note="buku uji")
    return Program("Kelurahan Uji", packages=[package])


def lines_by_id(report):
    return {line.item_id: line for line in report.lines}


def test_report_per_line_division_and_total():
    prog = program()
    target = target_book()
    plan = plan_repricing(prog, "pkg", target)
    report = plan.report
    lines = lines_by_id(report)
    assert lines["galian"].status is LineStatus.MATCHED and lines["galian"].basis == "kode"
    assert lines["galian"].new_code == "A.2.3.1.1"
    assert lines["galian"].new_rate == target.unit_rate("A.2.3.1.1") != lines["galian"].old_rate
    assert lines["plester"].status is LineStatus.MATCHED  # nested: X.1 with two sub-analyses
    assert lines["plester"].new_rate == target.unit_rate("X.1")
    assert lines["pagar"].status is LineStatus.MATCHED and lines["pagar"].basis == "uraian"
    assert lines["pagar"].new_code == "1.1.1.1" and lines["pagar"].new_rate == D("967942")
    # override and custom rates stay, and the line says so
    assert lines["fondasi"].status is LineStatus.OVERRIDE_KEPT
    assert lines["fondasi"].old_rate == lines["fondasi"].new_rate == D("500000")
    assert "harga pasar" in lines["fondasi"].reason
    assert lines["papan"].status is LineStatus.CUSTOM_KEPT and lines["papan"].change == 0
    # no counterpart: old analysis kept; one keeps its rate exactly, the other uses the
    # target's basic prices of the keys both books have (and says which)
    assert lines["khusus"].status is LineStatus.NO_COUNTERPART and lines["khusus"].new_code is None
    assert lines["khusus"].new_rate == lines["khusus"].old_rate
    assert lines["urug"].status is LineStatus.NO_COUNTERPART
    assert "L.01" in lines["urug"].reason and "edisi baru" in lines["urug"].reason
    assert [ln.item_id for ln in report.missing] == ["urug", "khusus"]
    for line in report.lines:
        assert line.change == line.new_amount - line.old_amount
    # divisions and totals are the app's own pricing of the package before / after the edit
    before = price_package(prog.packages[0])
    assert (report.old.direct, report.old.ppn, report.old.rounded) == (before.direct, before.ppn, before.rounded)
    assert [d.old_total for d in report.divisions] == [s.total for s in before.sections]
    assert [d.title for d in report.divisions] == ["PEKERJAAN TANAH", "PEKERJAAN PASANGAN"]
    plan.edit.apply(prog)
    after = price_package(prog.packages[0])
    assert (report.new.direct, report.new.ppn, report.new.total, report.new.rounded) == (
        after.direct, after.ppn, after.total, after.rounded)
    assert [d.new_total for d in report.divisions] == [s.total for s in after.sections]
    assert sum((ln.new_amount for ln in report.lines), D(0)) == report.new.direct
    assert report.new.ppn > 0  # PPN 11 % computed by the package pricing
    assert report.old_basis == "Buku harga uji GUI" and report.new_basis == "Buku harga uji wilayah lain"


def test_edit_records_new_basis_and_shares_nothing_with_the_target():
    prog = program()
    target = target_book()
    package = prog.packages[0]
    old = package.book
    plan_repricing(prog, "pkg", target).edit.apply(prog)
    book = package.book
    assert book is not old and book is not target
    assert book.meta.region == "Kab. Lain" and book.meta.edition == "uji 2"
    assert package.price_basis_note == ""  # the reason given for the old basis is dropped
    assert {i.id: i.analysis_code for i in package.items()} == {
        "galian": "A.2.3.1.1", "urug": "A.2.3.1.11", "fondasi": "A.3.2.1.6", "plester": "X.1",
        "pagar": "1.1.1.1", "khusus": "P.2", "papan": None}
    target_ids = {id(target.meta)} | {id(r) for r in target.resources.values()} | {
        id(x) for a in target.analyses.values() for x in (a, *a.lines, a.rate_rounding) if x is not None}
    mine = {id(book.meta)} | {id(r) for r in book.resources.values()} | {
        id(x) for a in book.analyses.values() for x in (a, *a.lines, a.rate_rounding) if x is not None}
    assert not target_ids & mine
    old_ids = {id(r) for r in old.resources.values()} | {id(a) for a in old.analyses.values()}
    assert not old_ids & mine
    target.resources["L.01"].price = D(1)  # a later change of the library changes nothing here
    target.touch()
    assert book.resources["L.01"].price != D(1)


def _items_signature(prog):
    return price_package(prog.packages[0])


@given(drop=st.frozensets(st.sampled_from(["A.2.3.1.1", "A.3.2.1.6", "A.4.4.2.4", "X.1", "1.1.1.1"])),
       overridden=st.frozensets(st.sampled_from(["galian", "plester", "pagar", "urug"])))
def test_undo_is_exact_and_redo_gives_the_report(drop, overridden):
    prog = program()
    for item_id in overridden:
        set_override(item_id, D("123456"), "uji").apply(prog)
    before = snapshot(prog)
    book_hash = prog.packages[0].book.content_hash()
    priced = price_package(prog.packages[0])
    plan = plan_repricing(prog, "pkg", target_book(drop))
    assert snapshot(prog) == before  # planning changes nothing
    inverse = plan.edit.apply(prog)
    after = snapshot(prog)
    assert price_package(prog.packages[0]).rounded == plan.report.new.rounded
    redo = inverse.apply(prog)
    assert snapshot(prog) == before
    assert prog.packages[0].book.content_hash() == book_hash
    again = price_package(prog.packages[0])
    assert (again.direct, again.total, again.rounded) == (priced.direct, priced.total, priced.rounded)
    redo.apply(prog)
    assert snapshot(prog) == after
    for line in plan.report.lines:
        if line.item_id in overridden:
            assert line.status is LineStatus.OVERRIDE_KEPT and line.new_rate == line.old_rate == D("123456")
        if line.status is LineStatus.NO_COUNTERPART and line.item_id in ("khusus",):
            assert line.new_rate == line.old_rate


def test_a_book_shared_by_two_packages_stays_with_the_other():
    prog = program()
    first = prog.packages[0]
    second = dataclasses.replace(first, name="Paket kedua", id="pkg2",
                                 sections=[Section("A", [Item("Galian", "m3", "A.2.3.1.1", volume=D(1), id="g2")])])
    prog.packages.append(second)
    assert second.book is first.book
    shared = first.book
    hash_before = shared.content_hash()
    inverse = plan_repricing(prog, "pkg", target_book()).edit.apply(prog)
    assert second.book is shared and shared.content_hash() == hash_before
    assert first.book is not shared
    inverse.apply(prog)
    assert first.book is shared


def test_matching_rules():
    assert normalize_code(" A.1. ") == normalize_code("a.1")
    assert normalize_name(PAGAR_HSPK) == normalize_name(PAGAR_OLD)
    assert normalize_name("Pembuatan 1 m2 Pagar BRC Galvanis (Lihat Peraturan Menteri Pekerjaan Umum dan") == \
        normalize_name("Pembuatan 1 m2 pagar BRC Galvanis")
    target = target_book()
    index = TargetIndex(target)
    old = old_book()
    # same code, other unit: not a counterpart, and the reason says why
    odd = dataclasses.replace(old.analyses["A.2.3.1.1"], unit="m2")
    match = index.match(odd, "A.2.3.1.1")
    assert match.code is None and "satuan" in match.reason
    # a code of another code system is not the same work
    other = dataclasses.replace(old.analyses["A.2.3.1.1"], code_scheme="permen-28-2016", name="lain")
    target.analyses["A.2.3.1.1"].code_scheme = "sni"
    assert TargetIndex(target).match(other, "A.2.3.1.1").code is None
    # two analyses with the same name and unit: none is chosen
    target = target_book()
    target.put_analysis(hspk_item("1.1.1.9", PAGAR_OLD, "m", D("1")))
    match = TargetIndex(target).match(old.analyses["P.1"], "P.1")
    assert match.code is None and "1.1.1.1" in match.reason and "1.1.1.9" in match.reason


def test_refusals():
    prog = program()
    with pytest.raises(RepriceError):
        plan_repricing(prog, "pkg", prog.packages[0].book)
    with pytest.raises(RepriceError):
        plan_repricing(prog, "pkg", PriceBook())
    with pytest.raises(EditError):
        plan_repricing(prog, "nope", target_book())
    with pytest.raises(EditError):
        SwapBook("pkg", PriceBook(), (("nope", "A.1"),)).apply(prog)
