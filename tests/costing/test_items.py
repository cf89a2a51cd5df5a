"""Items from a book, of one's own, with an adjusted rate, and where each rate comes from
(issue 10 point 2): :mod:`dtpl_studio.costing.items`."""

from __future__ import annotations

import time
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.items import (
    AnalysisIndex,
    OriginKind,
    choose_analysis,
    custom_item,
    fold,
    override_rate,
    rate_origin,
)
from dtpl_studio.costing.pricebook import Analysis, AnalysisLine, LineKind, PriceBook, PriceBookMeta
from dtpl_studio.costing.rab import Item, price_program
from tests.costing.test_edits import figures, snapshot
from tests.ui.ui_sample import build_sample_book, build_sample_program

# -- looking up --------------------------------------------------------------------------------

def test_fold_drops_accents_case_and_spaces():
    assert fold("  Pekerjaan   BETÓN  ") == "pekerjaan beton"
    assert fold("Pemasangan 1 m² plesteran") == "pemasangan 1 m2 plesteran"


@given(st.text(max_size=30))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def _index():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    return AnalysisIndex([physical.book, library], pinned=physical.book), physical, library


def test_code_prefix_ranks_first_then_word_starts_then_anywhere():
    index, physical, library = _index()
    hits = index.search("a.4")
    assert [h.code for h in hits] == ["A.4.4.2.4", "A.4.4.2.27"]  # shorter code first
    assert {h.rank for h in hits} == {0}
    # "plester" starts a word of A.4.4.2.4 and of X.1: word-start rank; code prefix wins none
    hits = index.search("PLESTER")
    assert [h.code for h in hits] == ["A.4.4.2.4", "X.1"]
    assert [h.rank for h in hits] == [1, 1]
    # "lester" is inside a word only: the last rank
    assert [h.rank for h in index.search("lester")] == [2, 2]
    # every word must match, in any order, accents ignored
    assert [h.code for h in index.search("pásir  urug")] == ["A.2.3.1.11"]
    assert [h.code for h in index.search("urug galian")] == []
    assert index.search("   ") == []


def test_pinned_book_first_and_a_code_in_both_books_is_the_pinned_one():
    index, physical, library = _index()
    hits = {h.code: h for h in index.search("a.")}
    assert hits["A.2.3.1.1"].pinned and hits["A.2.3.1.1"].book is physical.book
    x1 = index.search("x.1")[0]
    assert x1.code == "X.1" and not x1.pinned and x1.book is library
    codes = [h.code for h in index.search("a.")]
    assert len(codes) == len(set(codes))


def test_index_is_fresh_until_a_book_changes():
    index, physical, library = _index()
    assert index.fresh([physical.book, library], physical.book)
    assert not index.fresh([library], physical.book)
    physical.book.touch()
    assert not index.fresh([physical.book, library], physical.book)


def _big_book(n: int) -> PriceBook:
    book = PriceBook(PriceBookMeta(title="besar"))
    words = ["galian", "urugan", "beton", "bekisting", "plesteran", "acian", "pasangan", "besi"]
    for k in range(n):
        book.put_analysis(Analysis(f"{chr(65 + k % 20)}.{k}", f"Pekerjaan 1 m3 {words[k % 8]} tipe {k}", "m3",
                                   [AnalysisLine(LineKind.MATERIAL, "", D(1), price_override=D(1000))]))
    return book


def test_search_stays_fast_over_a_big_book():
    """Measured, not a benchmark: a search over 2 000 analyses stays far below a keystroke
    (about 1 ms on the reference machine; the bound is loose for a loaded machine)."""
    book = _big_book(2000)
    index = AnalysisIndex([book])
    start = time.perf_counter()
    for text in ("a.1", "beton", "pasangan tipe 19", "x"):
        index.search(text)
    assert (time.perf_counter() - start) / 4 < 0.05


# -- choosing an analysis ------------------------------------------------------------------------

def test_choose_analysis_pins_with_dependencies_and_undoes_exactly():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    empty = Item("", "")
    edits.InsertNode(physical.id, physical.sections[0].id, empty).apply(program)
    before = snapshot(program)
    assert "X.1" not in physical.book.analyses
    edit = choose_analysis(physical, empty.id, library, "X.1")
    inverse = edit.apply(program)
    assert (empty.analysis_code, empty.unit) == ("X.1", "m2")
    assert empty.description.startswith("Plesteran dan acian")
    assert {"X.1", "A.4.4.2.27"} <= set(physical.book.analyses)  # its sub-analyses too
    priced = price_program(program)
    assert priced.packages[1].item_results[empty.id].priced.rate == physical.book.unit_rate("X.1")
    inverse.apply(program)
    assert snapshot(program) == before


def test_choose_analysis_replaces_an_own_rate_and_refuses_unknowns():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    papan = next(i for i in physical.items() if i.custom_rate is not None)
    papan.custom_source = "survei"
    choose_analysis(physical, papan.id, library, "A.2.3.1.1").apply(program)
    assert (papan.custom_rate, papan.custom_reason, papan.custom_source) == (None, "", "")
    with pytest.raises(EditError, match="tidak ada di buku"):
        choose_analysis(physical, papan.id, library, "Z.9")
    with pytest.raises(EditError, match="tidak ada di paket"):
        choose_analysis(physical, "nope", library, "A.2.3.1.1")


# -- an item of one's own --------------------------------------------------------------------------

def test_custom_item_reads_the_unit_through_the_registry():
    item = custom_item(" Papan  nama ", "BH", D(450_000), "tidak ada AHSP", "survei 3 toko", D(2))
    assert (item.description, item.unit, item.custom_rate, item.volume) == ("Papan nama", "bh", D(450_000), D(2))
    assert (item.custom_reason, item.custom_source) == ("tidak ada AHSP", "survei 3 toko")
    assert item.analysis_code is None


def test_lump_sum_is_one_ls_at_the_amount():
    item = custom_item("Mobilisasi", "m3", D(2_500_000), "tidak ada AHSP", "penawaran CV Maju", D(7), lump_sum=True)
    assert (item.unit, item.volume, item.custom_rate) == ("ls", D(1), D(2_500_000))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"description": "  "}, "uraian pekerjaan wajib diisi"),
    ({"reason": " "}, "alasan harga sendiri wajib diisi"),
    ({"source": ""}, "sumber harga wajib diisi"),
    ({"unit": "furlong"}, "satuan 'furlong' tidak dikenal"),
    ({"unit": ""}, "satuan wajib diisi"),
    ({"rate": D(-1)}, "tidak boleh negatif"),
    ({"rate": D(10) ** 16}, "melebihi batas"),
    ({"volume": D(-2)}, "volume"),
])
def test_custom_item_refuses_what_is_missing_or_wrong(kwargs, message):
    args = {"description": "Papan nama", "unit": "bh", "rate": D(1000), "reason": "r", "source": "s",
            "volume": D(1), **kwargs}
    with pytest.raises(EditError, match=message):
        custom_item(**args)


# -- an adjusted rate ---------------------------------------------------------------------------

def test_override_rate_needs_a_reason_and_undoes_exactly():
    library = build_sample_book()
    program = build_sample_program(library)
    galian = next(i for i in program.packages[1].items() if i.analysis_code == "A.2.3.1.1")
    with pytest.raises(EditError, match="alasan penyesuaian harga wajib diisi"):
        override_rate(program, galian.id, D(70_000), "  ")
    with pytest.raises(EditError, match="negatif"):
        override_rate(program, galian.id, D(-5), "x")
    before, priced_before = snapshot(program), figures(price_program(program))
    inverse = override_rate(program, galian.id, D(70_000), "harga upah setempat").apply(program)
    assert (galian.rate_override, galian.override_reason) == (D(70_000), "harga upah setempat")
    back = edits.clear_override(galian.id).apply(program)
    assert galian.rate_override is None
    back.apply(program)
    inverse = edits.clear_override(galian.id).apply(program)  # clear again, then undo the clear
    inverse.apply(program)
    assert galian.rate_override == D(70_000)
    edits.clear_override(galian.id).apply(program)
    assert snapshot(program) == before
    assert figures(price_program(program)) == priced_before


# -- origin ---------------------------------------------------------------------------------------

def test_origin_of_a_book_item_names_code_book_and_edition():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    galian = next(i for i in physical.items() if i.analysis_code == "A.2.3.1.1")
    origin = rate_origin(galian, physical.book)
    assert origin.kind is OriginKind.BOOK
    assert origin.short() == "A.2.3.1.1"
    assert origin.lines() == ["Analisa A.2.3.1.1 — Buku harga uji GUI, edisi uji 1"]
    assert origin.notes() == []


def test_origin_of_an_adjusted_rate_says_old_new_and_reason():
    library = build_sample_book()
    program = build_sample_program(library)
    physical = program.packages[1]
    galian = next(i for i in physical.items() if i.analysis_code == "A.2.3.1.1")
    old = physical.book.unit_rate("A.2.3.1.1")
    galian.rate_override, galian.override_reason = D("70000.50"), "harga upah setempat"
    origin = rate_origin(galian, physical.book)
    assert origin.kind is OriginKind.OVERRIDE and origin.short() == "A.2.3.1.1 ✎"
    assert origin.base_rate == old
    assert old == D(80_900)
    assert origin.notes() == ["Harga satuan disesuaikan Rp 80.900 → Rp 70.000,50: harga upah setempat"]


def test_origin_of_own_rate_and_lump_sum_say_reason_and_source():
    item = custom_item("Papan nama", "bh", D(450_000), "tidak ada AHSP", "survei 3 toko")
    origin = rate_origin(item, build_sample_book())
    assert origin.kind is OriginKind.CUSTOM and origin.short() == "khusus"
    assert origin.lines() == ["Harga khusus: tidak ada AHSP; sumber: survei 3 toko"]
    lump = custom_item("Mobilisasi", "", D(1_000_000), "alasan", "penawaran", lump_sum=True)
    assert rate_origin(lump, build_sample_book()).lines() == ["Lump sum khusus: alasan; sumber: penawaran"]
    lump.rate_override, lump.override_reason = D(900_000), "negosiasi"
    origin = rate_origin(lump, build_sample_book())
    assert origin.short() == "ls khusus ✎"
    assert origin.notes()[1] == "Harga satuan disesuaikan Rp 1.000.000 → Rp 900.000: negosiasi"
    old = Item("Lama", "bh", custom_rate=D(5), custom_reason="harga pasar")  # a file without a source
    assert rate_origin(old, build_sample_book()).notes() == ["Harga khusus: harga pasar"]
    assert rate_origin(Item("x", "m"), build_sample_book()).kind is OriginKind.NONE


# -- the ranking rule, walked over the shipped book ------------------------------------------

_SHIPPED: list = []


def _shipped_index() -> AnalysisIndex:
    if not _SHIPPED:
        from dtpl_studio.services.prices import load_default_book

        _SHIPPED.append(AnalysisIndex([load_default_book()]))
    return _SHIPPED[0]


def _pieces() -> list[str]:
    index = _shipped_index()
    words = sorted({w for e in index._entries for w in e[1].split()})
    return words


@given(st.data())
def test_every_hit_matches_and_ranks_never_go_back(data):
    """For queries made of pieces of real codes and names (any case, accents added): every
    hit has every word; code-prefix hits are exactly the codes starting with the query; the
    ranks never decrease down the list; no code twice."""
    index = _shipped_index()
    pieces = _pieces()
    words = data.draw(st.lists(st.sampled_from(pieces), min_size=1, max_size=3))
    cut = [w[: data.draw(st.integers(1, len(w)))] for w in words]
    query = " ".join(w.upper() if data.draw(st.booleans()) else w for w in cut).replace("a", "á")
    hits = index.search(query, limit=10_000)
    folded = fold(query)
    compact = folded.replace(" ", "")
    for hit in hits:
        key = fold(f"{hit.code} {hit.name}")
        assert hit.rank == 0 or all(w in key for w in folded.split())
        assert (hit.rank == 0) == fold(hit.code).startswith(compact)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert len({h.code for h in hits}) == len(hits)
    every = [e for e in index._entries if e[0].startswith(compact) or all(w in e[1] for w in folded.split())]
    assert len(hits) == len(every)  # nothing matching is left out
