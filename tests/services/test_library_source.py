"""The library is the catalogue's source (issue 8, "Architecture first"): seeded from the
shipped edition on first run, read back for the demo, new projects and the catalogue."""

from __future__ import annotations

import logging

from dtpl_studio.services import prices
from dtpl_studio.services.prices import (
    SEED_WHO,
    default_catalogue_book,
    library_edition_page,
    library_editions,
    load_default_book,
    load_library_book,
    seed_library,
    store_in_library,
)
from dtpl_studio.services.project import create_demo, open_project
from dtpl_studio.storage.library import PriceLibrary
from tests.services.test_prices_cli import _hspk


def test_first_run_seeds_the_shipped_edition_once(tmp_path):
    url = str(tmp_path / "lib.sqlite")
    first = seed_library(url)
    assert seed_library(url) == first
    with PriceLibrary(url) as lib:
        (info,) = lib.list_editions()
        assert info.id == first and info.content_hash == load_default_book().content_hash()
        assert info.status == load_default_book().meta.status
        assert [e.who for e in lib.audit_entries()][-1] == SEED_WHO


def test_the_catalogue_reads_editions_from_the_library(tmp_path):
    url = str(tmp_path / "lib.sqlite")
    book, _ = prices.import_prices(_hspk(tmp_path, "Kota Semarang", (25285, 2791592)))
    hspk_id, _, _ = store_in_library(book, url, publish=True)
    infos, where, shipped_id = library_editions(url)
    assert where.endswith("lib.sqlite") and {i.id for i in infos} == {hspk_id, shipped_id}
    assert infos[0].published  # published first
    loaded = load_library_book(hspk_id, url)
    assert loaded.content_hash() == book.content_hash() and loaded.meta.region == "Kota Semarang"
    assert load_library_book(hspk_id, url) is loaded  # read once per content hash
    shipped = load_library_book(shipped_id, url)
    assert shipped.content_hash() == load_default_book().content_hash()
    assert shipped.meta is not load_default_book().meta  # its status is the library's


def test_opening_an_edition_reads_its_first_page_only(tmp_path):
    """The shipped edition as the library holds it: the first page's analyses have the whole
    book's unit rates; the info carries the counts."""
    url = str(tmp_path / "lib.sqlite")
    shipped_id = seed_library(url)
    whole = load_default_book()
    info, page = library_edition_page(shipped_id, url, limit=10)
    assert (info.id, info.resources, info.analyses) == (shipped_id, len(whole.resources), len(whole.analyses))
    first = list(whole.analyses)[:10]
    assert [c for c in page.analyses if c in first] == first
    assert len(page.analyses) < len(whole.analyses)
    assert {c: page.unit_rate(c) for c in first} == {c: whole.unit_rate(c) for c in first}


def test_the_demo_and_new_projects_start_from_the_library(tmp_path, monkeypatch):
    url = tmp_path / "lib.sqlite"
    monkeypatch.setenv("DTPL_STUDIO_LIBRARY", str(url))
    program = create_demo(tmp_path / "demo.dtpl")
    with PriceLibrary(str(url)) as lib:
        (info,) = lib.list_editions()
    assert open_project(tmp_path / "demo.dtpl").packages[0].book.content_hash() == \
        program.packages[0].book.content_hash()
    assert info.content_hash == load_default_book().content_hash()


def test_a_broken_library_falls_back_to_the_shipped_files(tmp_path, caplog):
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"bukan basis data" * 100)
    with caplog.at_level(logging.WARNING):
        book = default_catalogue_book(str(broken))
    assert book.content_hash() == load_default_book().content_hash()
    assert "price library not used" in caplog.text
    assert broken.read_bytes() == b"bukan basis data" * 100  # never replaced
