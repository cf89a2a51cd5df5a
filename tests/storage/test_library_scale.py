"""The price library at scale (issue 8 "Performance"): a published edition's snapshot gives
exactly the book its rows give, and listing editions reads stored counts, never the content
tables. Timings are in ``benchmarks/library_bench.py``, not here."""

from __future__ import annotations

from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import create_engine, event

from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    Resource,
    ResourceKind,
)
from dtpl_studio.storage import library as library_module
from dtpl_studio.storage import migrate
from dtpl_studio.storage.library import PriceLibrary, book_from_snapshot, snapshot_bytes
from dtpl_studio.storage.library_records import EditionRecord
from tests.storage.conftest import integrity_errors, raw_sql
from tests.storage.storage_samples import make_book


def varied_book() -> PriceBook:
    """make_book plus the values a snapshot could get wrong: an exponent price, a price
    override, an analysis' own rounding, non-ASCII text, empty strings."""
    book = make_book()
    book.add_resource(Resource("Paku", "Paku 5–10 cm “campur”", ResourceKind.MATERIAL, "kg", Decimal("1E+2")))
    analysis = book.analyses["A.4.4.2.4"]
    analysis.rate_rounding = RoundingRule(Decimal("0.5"), RoundingMode.HALF_UP)
    analysis.lines.append(AnalysisLine(LineKind.MATERIAL, "", Decimal("0.0010"), "ls", description="Lain-lain",
                                       price_override=Decimal("12500.00")))
    return book


def _rows_book(lib: PriceLibrary, edition: int) -> PriceBook:
    with lib._sessions() as session:
        return lib._book(session, session.get(EditionRecord, edition))


def _snapshot(lib: PriceLibrary, edition: int) -> bytes | None:
    with lib._sessions() as session:
        return session.get(EditionRecord, edition).snapshot


@pytest.mark.parametrize("directly", [False, True], ids=["publish", "add-published"])
def test_snapshot_gives_the_book_the_rows_give(library_url: str, directly: bool) -> None:
    book = varied_book()
    with PriceLibrary(library_url) as lib:
        if directly:
            book.meta.status = "published"
            edition = lib.add_edition(book)
        else:
            edition = lib.add_edition(book)
            assert _snapshot(lib, edition) is None  # a draft has none: it changes
            lib.publish(edition)
        blob = _snapshot(lib, edition)
        assert blob
        rows = _rows_book(lib, edition)
        loaded = lib.load_edition(edition)
    from_snapshot = book_from_snapshot(rows.meta, blob)
    assert from_snapshot.content_hash() == rows.content_hash() == loaded.content_hash() == book.content_hash()
    for other in (from_snapshot, loaded):
        assert other.meta == rows.meta
        assert list(other.resources.items()) == list(rows.resources.items())
        assert list(other.analyses.items()) == list(rows.analyses.items())
    assert str(loaded.resources["Paku"].price) == "1E+2"


def test_load_edition_reads_the_snapshot_of_a_published_edition(library_url: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    with PriceLibrary(library_url) as lib:
        edition = lib.add_edition(varied_book())
        lib.publish(edition)
        monkeypatch.setattr(PriceLibrary, "_book", lambda *a: pytest.fail("rows read"))
        assert lib.load_edition(edition).content_hash() == varied_book().content_hash()


def test_a_snapshot_that_does_not_give_the_content_hash_is_not_used(library_url: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot is checked against the stored content hash; on a mismatch (or one that
    cannot be read) the rows are read, and they are checked too."""
    with PriceLibrary(library_url) as lib:
        edition = lib.add_edition(varied_book())
        lib.publish(edition)
        other = make_book()
        monkeypatch.setattr(library_module, "book_from_snapshot", lambda meta, blob: other)
        assert lib.load_edition(edition).content_hash() == varied_book().content_hash()
        monkeypatch.setattr(library_module, "book_from_snapshot",
                            lambda meta, blob: book_from_snapshot(meta, blob[:-3]))
        assert lib.load_edition(edition).content_hash() == varied_book().content_hash()


def _tampered(change) -> bytes:
    import json
    import zlib

    data = json.loads(zlib.decompress(snapshot_bytes(make_book())))
    change(data)
    return zlib.compress(json.dumps(data).encode())


@pytest.mark.parametrize("blob", [
    b"", b"not zlib", snapshot_bytes(make_book())[:20],
    _tampered(lambda d: d.update(format="other/1")),
    _tampered(lambda d: d["resources"][0].__setitem__(3, "bahan")),  # unknown kind
    _tampered(lambda d: d["resources"][0].__setitem__(5, 120000)),  # a number, not its text
    _tampered(lambda d: d["resources"][0].__setitem__(5, "NaN")),
    _tampered(lambda d: d["resources"][0].__setitem__(5, "12,5")),
    _tampered(lambda d: d["resources"].append(d["resources"][0])),  # a key twice
    _tampered(lambda d: d["analyses"][0].pop(2)),  # a column missing
    _tampered(lambda d: d["analyses"][0][-1][0].__setitem__(1, "bahan")),  # unknown line kind
], ids=["empty", "not-zlib", "cut", "format", "kind", "number", "nan", "comma", "twice", "short", "line-kind"])
def test_bad_snapshot_bytes_raise(blob: bytes) -> None:
    import zlib

    with pytest.raises((ValueError, zlib.error)):
        book_from_snapshot(make_book().meta, blob)


@pytest.mark.parametrize("sql", ["UPDATE book SET snapshot = NULL", "UPDATE book SET resource_count = 0"])
def test_snapshot_and_counts_of_a_published_edition_are_guarded(library_url: str, sql: str) -> None:
    with PriceLibrary(library_url) as lib:
        lib.publish(lib.add_edition(make_book()))
    with pytest.raises(integrity_errors(), match="published edition is immutable"):
        raw_sql(library_url, sql)


def _content_statements(lib: PriceLibrary, call) -> list[str]:
    """The SQL statements ``call()`` sends that name a content table."""
    seen: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        seen.append(statement)

    event.listen(lib.engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(lib.engine, "before_cursor_execute", record)
    return [s for s in seen if "book_resource" in s or "book_analysis" in s]


def test_list_editions_reads_stored_counts_that_stay_right(library_url: str) -> None:
    with PriceLibrary(library_url) as lib:
        first = lib.add_edition(varied_book())
        smaller = varied_book()
        del smaller.resources["Paku"]
        del smaller.analyses["A.4.4.2.4"]
        lib.update_edition(first, smaller)
        second = lib.derive(first)
        lib.publish(first)
        lib.update_edition(second, varied_book())
        third = lib.add_edition(make_book("published"))
        infos = {i.id: i for i in lib.list_editions()}
        assert _content_statements(lib, lib.list_editions) == []
        assert _content_statements(lib, lambda: lib.info(first)) == []
        for edition in (first, second, third):
            book = lib.load_edition(edition)
            assert (infos[edition].resources, infos[edition].analyses) == (len(book.resources), len(book.analyses))
            assert (lib.info(edition).resources, lib.info(edition).analyses) == (len(book.resources),
                                                                                 len(book.analyses))
        assert (infos[first].resources, infos[second].resources, infos[third].resources) == (3, 4, 3)


def test_first_page_of_an_edition(library_url: str) -> None:
    """``search(edition, "")``: the catalogue's first page, in book order, ``limit`` of each."""
    with PriceLibrary(library_url) as lib:
        edition = lib.add_edition(varied_book())
        hits = lib.search(edition, "")
        assert [(h.kind, h.code) for h in hits] == [
            ("analysis", "A.2.2.1.4"), ("analysis", "A.4.4.2.4"),
            ("resource", "L.01"), ("resource", "M.15"), ("resource", "M.14"), ("resource", "Paku")]
        assert [h.code for h in lib.search(edition, "", limit=1)] == ["A.2.2.1.4", "L.01"]
        assert [h.code for h in lib.search(edition, "semen")] == ["M.15"]


def _engine(library_url: str):
    if "://" not in library_url:
        return migrate.sqlite_engine(library_url, foreign_keys=False)
    return create_engine(library_url)


def test_upgrade_counts_existing_editions_and_keeps_the_guards(library_url: str) -> None:
    """library_0005 on a library with a published edition and a draft: the counts are
    written (through the guard, set aside for that UPDATE alone), the guard is back after."""
    with PriceLibrary(library_url) as lib:
        published = lib.add_edition(make_book("published"))
        draft = lib.add_edition(varied_book())
    engine = _engine(library_url)
    try:
        with engine.begin() as conn:
            command.downgrade(migrate.alembic_config("library", conn), "library_0004_signature")
        with engine.begin() as conn:
            assert migrate.current_revision(conn) == "library_0004_signature"
    finally:
        engine.dispose()
    with PriceLibrary(library_url) as lib:  # upgrades
        infos = {i.id: i for i in lib.list_editions()}
        assert (infos[published].resources, infos[published].analyses) == (3, 2)
        assert (infos[draft].resources, infos[draft].analyses) == (4, 2)
        assert _snapshot(lib, published) is None  # published before: read from its rows
        assert lib.load_edition(published).content_hash() == make_book().content_hash()
    with pytest.raises(integrity_errors(), match="published edition is immutable"):
        raw_sql(library_url, f"UPDATE book SET title = 'x' WHERE id = {published}")
    raw_sql(library_url, f"UPDATE book SET title = 'x' WHERE id = {draft}")


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_edition_page_holds_what_its_analyses_use(library_url: str, limit: int) -> None:
    """The opened edition's first page: its first analyses with the rates of the whole book
    (the sub-analysis and the resources they use are read along), its first resources."""
    from benchmarks.library_bench import generated_book

    for book in (varied_book(), generated_book(40, 12)):
        book.put_analysis(Analysis("Z.1", "1 m2 memakai plesteran", "m2", lines=[
            AnalysisLine(LineKind.SUB_ANALYSIS, next(iter(book.analyses)), Decimal("2"), "m2")]))
        book.analyses = {"Z.1": book.analyses.pop("Z.1"), **book.analyses}  # first: a sub-analysis user
        with PriceLibrary(library_url) as lib:
            edition = lib.add_edition(book)
            page = lib.edition_page(edition, limit=limit)
        first = list(book.analyses)[:limit]
        assert list(page.resources)[:limit] == list(book.resources)[:limit]
        assert [c for c in page.analyses if c in first] == first
        assert list(page.analyses) == [c for c in book.analyses if c in page.analyses]  # book order
        for code in first:
            assert page.unit_rate(code) == book.unit_rate(code)
            assert page.analyses[code] == book.analyses[code]
        assert page.meta == book.meta
