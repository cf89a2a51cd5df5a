"""A price library shared by a team (issue 8 point 6): two editors never overwrite each other
(optimistic locking, per edition and per resource/analysis), a facilitator's read-only role is
enforced by PostgreSQL, the catalogue search, the schema on PostgreSQL.

Tests taking ``library_url`` run on SQLite and on PostgreSQL (``tests/pg.py``); the others need
the PostgreSQL server and are skipped with the reason without one.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from dtpl_studio.audit import first_broken
from dtpl_studio.cli import main
from dtpl_studio.costing.pricebook import AnalysisLine, LineKind
from dtpl_studio.storage import migrate
from dtpl_studio.storage.library import (
    ConflictError,
    LibraryError,
    PriceLibrary,
    PublishedEditionError,
    ReadOnlyLibraryError,
)
from dtpl_studio.storage.library_roles import create_library_roles, plan_roles
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import set_language
from tests.pg import admin, conninfo, in_schema, unique_name
from tests.storage.storage_samples import make_book


@pytest.fixture(autouse=True)
def _indonesian():
    set_language("id")
    yield
    set_language("id")


def _draft(url: str) -> int:
    """A draft edition "Kota Contoh 2025 2025-1" (``make_book``) in the library at ``url``."""
    with PriceLibrary(url) as lib:
        return lib.add_edition(make_book(), who="pengimpor@bengkel")


# -- optimistic locking -------------------------------------------------------------------------

def test_second_editor_of_the_same_resource_gets_a_conflict_naming_the_change(library_url: str) -> None:
    edition = _draft(library_url)
    with PriceLibrary(library_url) as ani, PriceLibrary(library_url) as budi:
        ani_book, ani_seen = ani.load_edition(edition), ani.versions(edition)
        budi_book, budi_seen = budi.load_edition(edition), budi.versions(edition)

        semen = ani_book.resources["Semen"]
        semen.price = Decimal("1750")
        assert ani.update_resource(edition, semen, expected_version=ani_seen.resources["Semen"],
                                   who="ani@bengkel") == ani_seen.resources["Semen"] + 1

        theirs = budi_book.resources["Semen"]
        theirs.price = Decimal("1600")
        with pytest.raises(ConflictError) as refused:
            budi.update_resource(edition, theirs, expected_version=budi_seen.resources["Semen"],
                                 who="budi@bengkel")
        error = refused.value
        assert error.code == "library.conflict_resource"
        assert error.params["item"] == "Semen" and error.params["who"] == "ani@bengkel"
        assert error.params["label"] == "Kota Contoh 2025 2025-1"
        text = explain(error)
        assert "Harga dasar Semen pada edisi Kota Contoh 2025 2025-1 (#1)" in text
        assert "diubah oleh ani@bengkel pada " in text and "perubahan Anda tidak disimpan" in text

        # Ani's price stands; Budi's other edit (another resource) is not a false conflict
        assert budi.load_edition(edition).resources["Semen"].price == Decimal("1750")
        pasir = budi_book.resources["Pasir"]
        pasir.price = Decimal("310000")
        budi.update_resource(edition, pasir, expected_version=budi_seen.resources["Pasir"], who="budi@bengkel")
        # after reloading, Budi may change Semen
        again = budi.versions(edition)
        budi.update_resource(edition, theirs, expected_version=again.resources["Semen"], who="budi@bengkel")

        final = ani.load_edition(edition)  # the stored hash matches the content after item edits
        assert final.resources["Semen"].price == Decimal("1600")
        assert final.resources["Pasir"].price == Decimal("310000")
        assert ani.info(edition).content_hash == final.content_hash()
        log = ani.audit_entries()
        assert first_broken(log) is None
        assert [(e.who, e.subject, e.old, e.new) for e in log if e.subject.endswith("Semen")] == [
            ("ani@bengkel", "edition 1 resource Semen", "1650.5", "1750"),
            ("budi@bengkel", "edition 1 resource Semen", "1750", "1600")]


def test_analysis_edits_are_locked_too(library_url: str) -> None:
    edition = _draft(library_url)
    with PriceLibrary(library_url) as lib:
        seen = lib.versions(edition)
        book = lib.load_edition(edition)
        code = next(iter(book.analyses))
        mine = book.analyses[code]
        mine.lines.append(AnalysisLine(LineKind.MATERIAL, "Pasir", Decimal("0.5"), "m3"))
        assert lib.update_analysis(edition, mine, expected_version=seen.analyses[code], who="ani") == 2
        assert lib.load_edition(edition).analyses[code].lines[-1].coefficient == Decimal("0.5")
        with pytest.raises(ConflictError) as refused:
            lib.update_analysis(edition, mine, expected_version=seen.analyses[code], who="budi")
        assert refused.value.code == "library.conflict_analysis"
        assert f"Analisa {code} pada edisi" in explain(refused.value)


def test_a_whole_edition_replace_invalidates_every_version_read_before(library_url: str) -> None:
    """Replacing the whole edition re-creates its rows; their versions carry on, so an
    editor holding an older version gets a conflict naming the replace (no A-B-A)."""
    edition = _draft(library_url)
    with PriceLibrary(library_url) as lib:
        seen = lib.versions(edition)
        other = lib.load_edition(edition)
        other.set_price("Pasir", Decimal("300000"))
        lib.update_edition(edition, other, who="budi@bengkel", expected_hash=seen.content_hash)
        semen = other.resources["Semen"]
        with pytest.raises(ConflictError) as refused:
            lib.update_resource(edition, semen, expected_version=seen.resources["Semen"], who="ani")
        assert refused.value.params["who"] == "budi@bengkel"
        assert lib.versions(edition).resources["Semen"] == seen.resources["Semen"] + 1


def test_whole_edition_lost_update_names_who_saved_first(library_url: str) -> None:
    edition = _draft(library_url)
    with PriceLibrary(library_url) as ani, PriceLibrary(library_url) as budi:
        seen = ani.info(edition).content_hash
        mine, theirs = ani.load_edition(edition), budi.load_edition(edition)
        theirs.set_price("Semen", Decimal("1900"))
        budi.update_edition(edition, theirs, who="budi@bengkel", expected_hash=seen)
        mine.set_price("Pasir", Decimal("1"))
        with pytest.raises(ConflictError) as refused:
            ani.update_edition(edition, mine, who="ani@bengkel", expected_hash=seen)
        assert refused.value.code == "library.conflict"
        assert "Edisi Kota Contoh 2025 2025-1 (#1) telah diubah oleh budi@bengkel" in explain(refused.value)
        assert ani.load_edition(edition).resources["Semen"].price == Decimal("1900")


def test_item_edits_of_a_published_edition_are_refused(library_url: str) -> None:
    edition = _draft(library_url)
    with PriceLibrary(library_url) as lib:
        seen = lib.versions(edition)
        lib.publish(edition)
        semen = lib.load_edition(edition).resources["Semen"]
        with pytest.raises(PublishedEditionError):
            lib.update_resource(edition, semen, expected_version=seen.resources["Semen"])


def test_concurrent_editors_of_one_resource_exactly_one_wins(pg_url: str) -> None:
    """Eight editors read the same version and save at the same moment (threads, one
    connection each, on the server): one is stored, seven get a conflict, nothing else
    happens (no lost update, no error of another kind) and the audit chain does not fork."""
    edition = _draft(pg_url)
    with PriceLibrary(pg_url) as lib:
        version = lib.versions(edition).resources["Semen"]
        base = lib.load_edition(edition).resources["Semen"]
    start = threading.Barrier(8)
    outcome: dict[int, object] = {}

    def editor(n: int) -> None:
        with PriceLibrary(pg_url) as mine:
            resource = replace(base, price=Decimal(2000 + n))
            start.wait()
            try:
                outcome[n] = mine.update_resource(edition, resource, expected_version=version,
                                                  who=f"editor{n}")
            except Exception as exc:  # noqa: BLE001 - recorded and asserted below
                outcome[n] = exc

    threads = [threading.Thread(target=editor, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    winners = [n for n, r in outcome.items() if r == version + 1]
    assert len(winners) == 1, outcome
    assert all(isinstance(r, ConflictError) for n, r in outcome.items() if n != winners[0]), outcome
    with PriceLibrary(pg_url) as lib:
        assert lib.load_edition(edition).resources["Semen"].price == Decimal(2000 + winners[0])
        assert first_broken(lib.audit_entries()) is None


# -- roles: editors write, readers only read (PostgreSQL) ---------------------------------------

@pytest.fixture
def roles(pg_server):
    """Unique role names for this test (roles are cluster-wide), dropped afterwards."""
    made: list[str] = []

    def name(prefix: str) -> str:
        made.append(unique_name(prefix))
        return made[-1]

    yield name
    with admin(pg_server) as conn:
        for role in reversed(made):
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            if exists:
                conn.execute(f"DROP OWNED BY {role}")
                conn.execute(f"DROP ROLE {role}")


def _schema(url: str) -> str:
    return make_url(url).query["options"].split("=", 1)[1]


def test_reader_role_is_refused_by_postgresql(pg_server, pg_url: str, roles) -> None:
    import psycopg

    edition = _draft(pg_url)
    editor, reader, facilitator = roles("dtpl_editor_t"), roles("dtpl_reader_t"), roles("fasilitator_t")
    create_library_roles(pg_url, editor=editor, reader=reader, readers=[facilitator])
    as_reader = in_schema(pg_server, _schema(pg_url), user=facilitator)

    # the server itself refuses, whatever client writes
    with psycopg.connect(conninfo(make_url(as_reader))) as con, \
            pytest.raises(psycopg.errors.InsufficientPrivilege, match="permission denied"):
        con.execute("UPDATE book_resource SET price = '1'")

    with PriceLibrary(as_reader) as lib:
        assert lib.user == facilitator and not lib.can_write()
        assert lib.load_edition(edition).content_hash() == make_book().content_hash()  # reading works
        assert [h.code for h in lib.search(edition, "semen")] == ["M.15"]
        for write in (lambda: lib.add_edition(make_book()), lambda: lib.publish(edition),
                      lambda: lib.delete_edition(edition),
                      lambda: lib.update_resource(edition, make_book().resources["Semen"], expected_version=1)):
            with pytest.raises(ReadOnlyLibraryError) as refused:
                write()
            assert refused.value.params["user"] == facilitator
        message = explain(refused.value)
    assert message.startswith(f"Pustaka harga hanya-baca untuk pengguna ini ({facilitator})")
    assert "fasilitator hanya dapat membaca" in message


def test_editor_role_writes_but_cannot_rewrite_history_or_drop_guards(pg_server, pg_url: str, roles) -> None:
    import psycopg

    editor, reader, ani = roles("dtpl_editor_t"), roles("dtpl_reader_t"), roles("ani_t")
    create_library_roles(pg_url, editor=editor, reader=reader, editors=[ani])
    create_library_roles(pg_url, editor=editor, reader=reader, editors=[ani])  # again: harmless
    as_editor = in_schema(pg_server, _schema(pg_url), user=ani)
    with PriceLibrary(as_editor) as lib:
        assert lib.can_write()
        edition = lib.add_edition(make_book())
        seen = lib.versions(edition)
        semen = lib.load_edition(edition).resources["Semen"]
        semen.price = Decimal("1700")
        lib.update_resource(edition, semen, expected_version=seen.resources["Semen"])
        lib.publish(edition)
    with psycopg.connect(conninfo(make_url(as_editor))) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("UPDATE audit_log SET who = 'someone else'")
    with psycopg.connect(conninfo(make_url(as_editor))) as con:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="must be owner"):
            con.execute("DROP TRIGGER book_resource_published_guard ON book_resource")
    with psycopg.connect(conninfo(make_url(as_editor))) as con:
        with pytest.raises(psycopg.IntegrityError, match="published edition is immutable"):
            con.execute("UPDATE book_resource SET price = '1'")


def test_roles_sql_is_printed_for_a_dba(pg_url: str, capsys) -> None:
    assert main(["library-roles", pg_url, "--sql", "--reader", "fasilitator1"]) == 0
    out = capsys.readouterr().out
    schema = _schema(pg_url)
    assert f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO dtpl_reader;" in out
    assert "GRANT dtpl_reader TO fasilitator1;" in out
    assert out.splitlines()[1] == "BEGIN;" and out.rstrip().endswith("COMMIT;")


def test_cli_creates_the_roles(pg_url: str, roles, capsys) -> None:
    editor, reader, ani = roles("dtpl_editor_t"), roles("dtpl_reader_t"), roles("ani_t")
    assert main(["library-roles", pg_url, "--editor-role", editor, "--reader-role", reader,
                 "--editor", ani]) == 0
    out = capsys.readouterr().out
    assert f"peran {editor} (baca-tulis) dan {reader} (hanya-baca) siap" in out
    assert f"{ani}: anggota {editor}" in out


def test_roles_need_postgresql_and_plain_names(tmp_path: Path, capsys) -> None:
    assert main(["library-roles", str(tmp_path / "lib.sqlite")]) == 2
    assert "hanya ada pada pustaka harga di server PostgreSQL" in capsys.readouterr().err
    with pytest.raises(ValueError, match="lower-case"):
        plan_roles("public", reader="Fasilitator; DROP TABLE book")


# -- the server --------------------------------------------------------------------------------

def test_models_match_the_migrations_on_postgresql(pg_url: str) -> None:
    PriceLibrary(pg_url).close()
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, migrate.metadata_for("library")) == []
        assert migrate.current_revision(conn) == migrate.head_revision("library")
    engine.dispose()


def test_an_unreachable_server_is_a_clear_message(capsys) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:9/none?connect_timeout=2"
    with pytest.raises(LibraryError) as refused:
        PriceLibrary(url)
    assert refused.value.code == "library.unreachable"
    text = explain(refused.value)
    assert text.startswith("Server pustaka harga 127.0.0.1:9 tidak menjawab.")
    assert "secret" not in text and "secret" not in str(refused.value)


# -- the catalogue ------------------------------------------------------------------------------

def test_search_by_code_prefix_and_name(library_url: str) -> None:
    edition = _draft(library_url)
    with PriceLibrary(library_url) as lib:
        book = lib.load_edition(edition)
        code = next(iter(book.analyses))
        hits = lib.search(edition, code[:3])
        assert code in [h.code for h in hits if h.kind == "analysis"]
        by_name = lib.search(edition, "SEMEN")
        assert [(h.kind, h.name) for h in by_name if h.kind == "resource"] == [
            ("resource", book.resources["Semen"].name)]
        assert by_name[-1].price == book.resources["Semen"].price
        assert lib.search(edition, "100%_") == []  # LIKE wildcards are taken literally
        assert len(lib.search(edition, "", limit=1)) == 2  # one of each kind


def test_a_write_slipping_in_after_the_check_is_caught_by_the_version_column(pg_url: str, monkeypatch) -> None:
    """Another client changes the resource row between the library's version check and its
    UPDATE: the UPDATE … WHERE version = <read> matches no row (SQLAlchemy StaleDataError),
    and the editor still gets the conflict, not a silent overwrite."""
    import psycopg

    from dtpl_studio.storage import library as library_module

    edition = _draft(pg_url)
    real = library_module.resource_columns

    def racing(resource, position):
        with psycopg.connect(conninfo(make_url(pg_url))) as other:
            other.execute("UPDATE book_resource SET price = '999', version = version + 1 WHERE key = 'Semen'")
        return real(resource, position)

    with PriceLibrary(pg_url) as lib:
        seen = lib.versions(edition)
        semen = lib.load_edition(edition).resources["Semen"]
        semen.price = Decimal("1700")
        monkeypatch.setattr(library_module, "resource_columns", racing)
        with pytest.raises(ConflictError, match="version counter"):
            lib.update_resource(edition, semen, expected_version=seen.resources["Semen"], who="ani")
        monkeypatch.undo()
        assert lib.versions(edition).resources["Semen"] == seen.resources["Semen"] + 1


def test_editing_something_another_editor_removed_says_so(library_url: str) -> None:
    from dtpl_studio.storage.library import EditionNotFoundError

    edition = _draft(library_url)
    with PriceLibrary(library_url) as lib:
        book = lib.load_edition(edition)
        gone = book.resources.pop("Pasir")
        del book.analyses["A.2.2.1.4"], book.analyses["A.4.4.2.4"]
        lib.update_edition(edition, book)
        with pytest.raises(EditionNotFoundError) as refused:
            lib.update_resource(edition, gone, expected_version=1)
        assert explain(refused.value).startswith("Edisi #1 tidak memuat Pasir.")
