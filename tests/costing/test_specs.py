"""Specifications (RKS): the shipped texts parse and round-trip, every work of a community
package has a clause with its five parts, keyword matching, links per item/section, RAB order
without duplicates, edits with their inverses."""

from __future__ import annotations

import dataclasses

import pytest

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.rab import Item, price_program
from dtpl_studio.costing.specs import (
    PARTS,
    SpecError,
    matching_keys,
    parse_clause,
    render_clause,
    specs_in_rab_order,
)
from dtpl_studio.reporting.spec_templates import load_spec_templates
from tests.reporting.conftest import make_program

TEMPLATES = load_spec_templates()
WORKS = ["persiapan", "galian", "urugan", "pasangan-batu", "beton", "pembesian", "bekisting",
         "plesteran", "saluran", "paving", "sumur-resapan", "mck", "pipa-air-bersih"]


def test_every_work_has_a_clause_with_five_parts():
    assert list(TEMPLATES) == WORKS
    for clause in TEMPLATES.values():
        assert [h for h, _ in clause.parts()] == [h for _, h in PARTS], clause.key
        assert all(len(text) > 120 for _, text in clause.parts()), clause.key
        assert clause.keywords and clause.title.startswith("Pekerjaan")
        assert parse_clause(render_clause(clause)) == clause


@pytest.mark.parametrize("text,problem", [
    ("kunci: x\n", "baris 1"),
    ("---\nkunci: x\n", "penutup"),
    ("---\njudul: X\n---\n", "'kunci:'"),
    ("---\nkunci: x\njudul: X\nwarna: merah\n---\n", "baris 4"),
    ("---\nkunci: x\njudul: X\n---\n## Harga\nteks\n", "tidak dikenal"),
    ("---\nkunci: x\njudul: X\n---\nteks lepas\n", "sebelum judul"),
])
def test_bad_spec_files_name_the_line(text, problem):
    with pytest.raises(SpecError, match=problem):
        parse_clause(text, "uji.md")


@pytest.mark.parametrize("text,keys", [
    ("Rabat beton jalan lingkungan tebal 12 cm", ("beton",)),
    ("Galian tanah biasa sedalam 1 m", ("galian",)),
    ("Penggalian 1 m3 tanah biasa", ("galian",)),
    ("Pemasangan paving block tebal 8 cm", ("paving",)),
    ("Pembuatan sumur resapan D 80 cm", ("sumur-resapan",)),
    ("Pemasangan pipa PVC 3/4\" sambungan rumah", ("pipa-air-bersih",)),
    ("Tenaga ahli pendamping masyarakat", ()),
    ("Pembesian dengan besi polos", ("pembesian",)),
    ("Pasangan batu kali 1 PC : 4 PS", ("pasangan-batu",)),
])
def test_keyword_matching(text, keys):
    assert matching_keys(text, TEMPLATES.values()) == keys


def test_rab_order_without_duplicates_and_links():
    program = make_program()
    priced = price_program(program)
    uses = specs_in_rab_order(program, priced.packages, TEMPLATES)
    keys = [u.clause.key for u in uses]
    assert len(keys) == len(set(keys)) and keys[0] == "persiapan"
    rows = [(n, pi.number) for n, pp in enumerate(priced.packages, 1)
            for kind, pi in pp.rows() if kind.value == "item"]
    firsts = [rows.index(u.items[0]) for u in uses]
    assert firsts == sorted(firsts)  # in the order of their first item

    # an item's own choice wins; a section's applies to the items below it
    physical = program.packages[-1]
    section = physical.sections[0]
    item = next(section.items())
    edits.SetSpecLinks(item.id, ("paving",)).apply(program)
    edits.SetSpecLinks(physical.sections[-1].id, ()).apply(program)
    uses = specs_in_rab_order(program, price_program(program).packages, TEMPLATES)
    by_key = {u.clause.key: u for u in uses}
    assert by_key["paving"].items[0][1].startswith("I.")
    last = physical.sections[-1]
    numbers = {pi.number for pp in price_program(program).packages for kind, pi in pp.rows()
               if kind.value == "item" and pi.item in list(last.items())}
    assert not any(n in numbers for u in uses for _, n in u.items)


def test_project_text_wins_and_edits_undo():
    program = make_program()
    own = dataclasses.replace(TEMPLATES["beton"], title="Pekerjaan Beton (teks proyek)",
                              method="Dicor dengan molen.")
    inverse = edits.SetSpecText("beton", own).apply(program)
    uses = specs_in_rab_order(program, price_program(program).packages, TEMPLATES)
    assert any(u.clause.title == "Pekerjaan Beton (teks proyek)" for u in uses)
    inverse.apply(program)
    assert program.spec_texts == {}
    item = next(program.packages[-1].items())
    inverse = edits.SetSpecLinks(item.id, ("galian",)).apply(program)
    again = edits.SetSpecLinks(item.id, ()).apply(program)
    assert program.spec_links[item.id] == ()
    again.apply(program)
    inverse.apply(program)
    assert program.spec_links == {}
    with pytest.raises(EditError):
        edits.SetSpecText("galian", own).apply(program)
    with pytest.raises(EditError):
        edits.SetSpecLinks("tidak-ada", ("beton",)).apply(program)
    with pytest.raises(EditError):
        edits.SetSpecText("beton", dataclasses.replace(own, title=" ")).apply(program)
    assert isinstance(item, Item)
