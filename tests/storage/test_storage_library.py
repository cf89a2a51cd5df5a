"""The price library: editions, publish immutability, find, location, errors.

Every test taking ``lib`` or ``library_url`` runs twice: on an SQLite file and on the test
PostgreSQL server (a schema of its own, ``tests/pg.py``; skipped with the reason when no server
answers)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.storage import library as library_module
from dtpl_studio.storage.library import (
    ConflictError,
    EditionNotFoundError,
    LibraryError,
    PriceLibrary,
    PublishedEditionError,
    resolve_library_location,
)
from dtpl_studio.storage.project_file import save_program
from tests.storage.conftest import integrity_errors, raw_sql
from tests.storage.storage_samples import MORTAR_COEFFICIENT, make_book, make_program


@pytest.fixture
def lib(library_url: str):
    with PriceLibrary(library_url) as library:
        yield library


def _book(region: str = "Kota Contoh", year: int = 2025, edition: str = "2025-1") -> PriceBook:
    book = make_book()
    book.meta.region, book.meta.year, book.meta.edition = region, year, edition
    return book


def test_add_and_load_edition_round_trip(lib: PriceLibrary, book: PriceBook) -> None:
    edition = lib.add_edition(book)
    loaded = lib.load_edition(edition)
    assert loaded.content_hash() == book.content_hash()
    assert loaded.meta == book.meta
    assert list(loaded.resources.items()) == list(book.resources.items())
    assert list(loaded.analyses.items()) == list(book.analyses.items())
    assert str(loaded.analyses["A.4.4.2.4"].lines[1].coefficient) == str(MORTAR_COEFFICIENT)
    assert loaded.unit_rate("A.4.4.2.4") == book.unit_rate("A.4.4.2.4")
    [info] = lib.list_editions()
    assert (info.id, info.status, info.resources, info.analyses) == (edition, "draft", 3, 2)
    assert info.content_hash == book.content_hash()


def test_publish_makes_the_edition_immutable(lib: PriceLibrary, book: PriceBook) -> None:
    edition = lib.add_edition(book)
    digest = lib.publish(edition)
    assert digest == book.content_hash()
    info = lib.info(edition)
    assert info.published and info.published_at
    assert lib.load_edition(edition).meta.status == "published"

    changed = lib.load_edition(edition)
    changed.set_price("Semen", Decimal("1800"))
    with pytest.raises(PublishedEditionError, match="published and immutable"):
        lib.update_edition(edition, changed)
    with pytest.raises(PublishedEditionError):
        lib.publish(edition)
    with pytest.raises(PublishedEditionError):
        lib.delete_edition(edition)
    assert lib.load_edition(edition).content_hash() == digest


@pytest.mark.parametrize("sql", [
    "UPDATE book SET title = 'x'",
    "DELETE FROM book",
    "UPDATE book_resource SET price = '1'",
    "DELETE FROM book_analysis",
    "UPDATE book_analysis_line SET coefficient = '0.5'",
    "INSERT INTO book_resource (book_id, position, key, name, kind, unit, price, code, source_ref,"
    " raw_unit, note) VALUES (1, 99, 'Batu', 'Batu', 'material', 'm3', '1', '', '', '', '')",
])
def test_published_edition_is_guarded_in_the_database_too(library_url: str, sql: str) -> None:
    """SQLite triggers (library_0001) and the plpgsql trigger function (library_0003) refuse
    the same writes with the same words, whoever writes."""
    with PriceLibrary(library_url) as lib:
        lib.publish(lib.add_edition(make_book()))
    with pytest.raises(integrity_errors(), match="published edition is immutable"):
        raw_sql(library_url, sql)
    with PriceLibrary(library_url) as lib:
        assert lib.load_edition(1).content_hash() == make_book().content_hash()


def test_a_draft_stays_writable_from_outside(library_url: str) -> None:
    """The guards refuse only published editions (a draft is changed, then the change is
    detected by the content hash: the next test)."""
    with PriceLibrary(library_url) as lib:
        lib.add_edition(make_book())
    raw_sql(library_url, "UPDATE book_resource SET note = 'x'")
    raw_sql(library_url, "DELETE FROM book_analysis_line")


def test_truncate_is_refused_while_an_edition_is_published(pg_url: str) -> None:
    import psycopg

    with PriceLibrary(pg_url) as lib:
        lib.publish(lib.add_edition(make_book()))
    for table in ("book_resource", "book"):
        with pytest.raises(psycopg.IntegrityError, match="published edition is immutable"):
            raw_sql(pg_url, f"TRUNCATE {table} CASCADE")


def test_draft_can_be_updated_and_deleted(lib: PriceLibrary, book: PriceBook) -> None:
    edition = lib.add_edition(book)
    draft = lib.load_edition(edition)
    draft.set_price("Semen", Decimal("1800.25"))
    del draft.analyses["A.4.4.2.4"]
    digest = lib.update_edition(edition, draft, expected_hash=book.content_hash())
    again = lib.load_edition(edition)
    assert again.content_hash() == digest == draft.content_hash()
    assert list(again.analyses) == ["A.2.2.1.4"]
    lib.delete_edition(edition)
    assert lib.list_editions() == []
    with pytest.raises(EditionNotFoundError):
        lib.load_edition(edition)


def test_optimistic_lock_on_update_and_publish(lib: PriceLibrary, book: PriceBook) -> None:
    edition = lib.add_edition(book)
    seen = lib.info(edition).content_hash
    other = lib.load_edition(edition)
    other.set_price("Pasir", Decimal("300000"))
    lib.update_edition(edition, other, expected_hash=seen)  # another editor saved first
    mine = lib.load_edition(edition)
    with pytest.raises(ConflictError, match="changed by someone else") as refused:
        lib.update_edition(edition, mine, expected_hash=seen)
    assert refused.value.code == "library.conflict"
    assert refused.value.params["edition"] == edition
    with pytest.raises(ConflictError, match="changed since it was reviewed"):
        lib.publish(edition, expected_hash=seen)


def test_derive_a_draft_from_a_published_edition(lib: PriceLibrary, book: PriceBook) -> None:
    published = lib.add_edition(book)
    lib.publish(published)
    draft = lib.derive(published)
    info = lib.info(draft)
    assert (info.status, info.derived_from_id) == ("draft", published)
    assert lib.load_edition(draft).content_hash() == book.content_hash()


def test_add_published_edition_directly(lib: PriceLibrary) -> None:
    edition = lib.add_edition(make_book(status="published"))
    assert lib.info(edition).published
    with pytest.raises(PublishedEditionError):
        lib.delete_edition(edition)


def test_bad_status_is_refused(lib: PriceLibrary) -> None:
    with pytest.raises(ValueError, match="draft or published"):
        lib.add_edition(make_book(status="final"))


def test_find_by_region_and_year(lib: PriceLibrary) -> None:
    old = lib.add_edition(_book(year=2024))
    draft = lib.add_edition(_book(edition="2025-2"))
    published = lib.add_edition(_book())
    lib.publish(published)
    lib.add_edition(_book(region="Kab. Lain"))
    assert [i.id for i in lib.find("  kota   CONTOH ", 2025)] == [published, draft]
    assert [i.id for i in lib.find("Kota Contoh", 2025, status="published")] == [published]
    assert [i.id for i in lib.find("Kota Contoh")] == [published, draft, old]
    assert lib.find("Kota Tidak Ada", 2025) == []


def test_missing_edition(lib: PriceLibrary) -> None:
    with pytest.raises(EditionNotFoundError, match="no edition 42"):
        lib.publish(42)


def test_tampered_edition_is_detected(library_url: str) -> None:
    with PriceLibrary(library_url) as lib:
        edition = lib.add_edition(make_book())
    raw_sql(library_url, "UPDATE book_resource SET price = '2' WHERE key = 'Pasir'")
    with PriceLibrary(library_url) as lib, pytest.raises(LibraryError, match="does not match its content hash"):
        lib.load_edition(edition)


# -- where the library is -----------------------------------------------------------------------

def test_location_argument_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, path = resolve_library_location(None)
    assert path == library_module.default_library_path()
    assert path.name == "library.sqlite" and url == f"sqlite:///{path}"

    monkeypatch.setenv("DTPL_STUDIO_LIBRARY", str(tmp_path / "env.sqlite"))
    assert resolve_library_location(None)[1] == tmp_path / "env.sqlite"
    assert resolve_library_location(tmp_path / "arg.sqlite")[1] == tmp_path / "arg.sqlite"
    assert resolve_library_location(f"sqlite:///{tmp_path}/u.sqlite")[1] == tmp_path / "u.sqlite"
    assert resolve_library_location("postgresql://bengkel@server/prices") == (
        "postgresql://bengkel@server/prices", None)


def test_env_var_library_is_created_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "dir" / "team.sqlite"
    monkeypatch.setenv("DTPL_STUDIO_LIBRARY", str(target))
    with PriceLibrary() as lib:
        lib.add_edition(make_book())
    assert target.is_file()


def test_default_library_lives_in_user_data_folder(book: PriceBook) -> None:
    with PriceLibrary() as lib:  # conftest points platformdirs at a temporary folder
        lib.add_edition(book)
        assert lib.path == library_module.default_library_path()
    assert library_module.default_library_path().is_file()


def test_in_memory_url(book: PriceBook) -> None:
    with PriceLibrary("sqlite://") as lib:
        edition = lib.add_edition(book)
        lib.publish(edition)
        assert lib.load_edition(edition).content_hash() == book.content_hash()


# -- files that are not a library ---------------------------------------------------------------

def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "prices.sqlite"
    path.write_text("kode;uraian;harga\n")
    with pytest.raises(LibraryError, match="not an SQLite database"):
        PriceLibrary(path)


def test_project_file_is_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "x.dtpl"
    save_program(make_program(), path)
    with pytest.raises(LibraryError, match="project file, not a price library"):
        PriceLibrary(path)


def test_other_database_is_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE t (x)")
    with pytest.raises(LibraryError, match="another application"):
        PriceLibrary(path)


def test_newer_library_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    PriceLibrary(path).close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'library_0042'")
    with pytest.raises(LibraryError, match="schema library_0042"):
        PriceLibrary(path)
