"""The .dtpl project file: exact round trip, crash-safe save, clear errors."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.costing.rab import Program
from dtpl_studio.storage import migrate, project_file
from dtpl_studio.storage.library import PriceLibrary
from dtpl_studio.storage.project_file import (
    ProjectFileError,
    inspect_project_file,
    load_program,
    read_audit_log,
    save_program,
)
from tests.storage.storage_samples import MORTAR_COEFFICIENT, make_program, priced_figures, snapshot


def _db(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".saving", "-journal")))


# -- round trip ---------------------------------------------------------------------------------

def test_round_trip_is_exact(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "sukamaju.dtpl"
    save_program(program, path)
    loaded = load_program(path)

    assert snapshot(loaded) == snapshot(program)  # every field, id, order and Decimal exponent
    assert priced_figures(loaded) == priced_figures(program)
    assert [p.book.content_hash() for p in loaded.packages] == [
        p.book.content_hash() for p in program.packages
    ]
    # the two packages shared one book object; they share one again (stored once)
    assert loaded.packages[0].book is loaded.packages[1].book
    with _db(path) as con:
        assert con.execute("SELECT count(*) FROM book").fetchone()[0] == 1


def test_round_trip_of_a_loaded_program_is_stable(program: Program, tmp_path: Path) -> None:
    first, second = tmp_path / "a.dtpl", tmp_path / "b.dtpl"
    save_program(program, first)
    save_program(load_program(first), second)
    assert snapshot(load_program(second)) == snapshot(program)


def test_section_and_item_order_is_kept(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "order.dtpl"
    save_program(program, path)
    saluran = load_program(path).packages[0].sections[1]
    kinds = [type(c).__name__ for c in saluran.children]
    assert kinds == ["Section", "Item", "Section"]
    assert [c.title for c in saluran.children[0].children if hasattr(c, "title")] == ["Perbaikan"]
    assert saluran.children[2].children == []


def test_long_coefficient_is_stored_as_canonical_text(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "precision.dtpl"
    save_program(program, path)
    with _db(path) as con:
        stored, kind = con.execute(
            "SELECT coefficient, typeof(coefficient) FROM book_analysis_line WHERE kind = 'sub_analysis'"
        ).fetchone()
        decimal_types = {row[2] for t in ("book_resource", "item", "factor", "book_analysis_line")
                         for row in con.execute(f"PRAGMA table_info({t})")}
    assert (stored, kind) == ("0.04397142857142857142857142857", "text")
    assert "REAL" not in decimal_types and "FLOAT" not in decimal_types

    line = load_program(path).packages[0].book.analyses["A.4.4.2.4"].lines[1]
    assert line.coefficient == MORTAR_COEFFICIENT
    assert str(line.coefficient) == str(MORTAR_COEFFICIENT)


def test_trailing_zeros_and_exponents_survive(tmp_path: Path) -> None:
    program = make_program()
    item = program.packages[0].sections[0].children[0]
    item.volume = Decimal("1.500")
    item.custom_rate = Decimal("3.5E+5")
    program.blm_allocation = None
    path = tmp_path / "exp.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    again = loaded.packages[0].sections[0].children[0]
    assert (repr(again.volume), repr(again.custom_rate)) == ("Decimal('1.500')", "Decimal('3.5E+5')")
    assert loaded.blm_allocation is None


def test_empty_program_round_trips(tmp_path: Path) -> None:
    program = Program(kelurahan="Kosong", rules=[], blm_allocation=None)
    path = tmp_path / "empty.dtpl"
    save_program(program, path)
    assert snapshot(load_program(path)) == snapshot(program)


def test_awkward_file_names(program: Program, tmp_path: Path) -> None:
    folder = tmp_path / "RAB 2025 #1 (final)?"
    folder.mkdir()
    path = folder / "Kel. Suka Maju #2 ?.dtpl"
    save_program(program, path)
    assert priced_figures(load_program(path)) == priced_figures(program)


def test_file_is_self_contained_sqlite_with_foreign_keys(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "x.dtpl"
    save_program(program, path)
    assert [p.name for p in tmp_path.iterdir()] == ["x.dtpl"]  # no -wal, -journal or temp file
    with _db(path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("PRAGMA application_id").fetchone()[0] == migrate.APPLICATION_IDS["project"]
        meta = dict(con.execute("SELECT key, value FROM meta"))
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert meta["format"] == "dtpl-project"
    assert meta["schema_revision"] == migrate.head_revision("project")
    assert meta["app_version"]
    engine = migrate.sqlite_engine(path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


# -- audit log ----------------------------------------------------------------------------------

def test_audit_log_is_appended_and_carried_over(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "audit.dtpl"
    save_program(program, path, who="ani@laptop", what="RAB dibuat")
    with _db(path) as con:
        created = dict(con.execute("SELECT key, value FROM meta"))["created_at"]
    save_program(load_program(path), path, who="budi@kantor", what="harga diperbarui")
    log = read_audit_log(path)
    assert [(e.who, e.action, e.detail) for e in log] == [
        ("ani@laptop", "save", "RAB dibuat"),
        ("budi@kantor", "save", "harga diperbarui"),
    ]
    with _db(path) as con:
        assert dict(con.execute("SELECT key, value FROM meta"))["created_at"] == created


def test_default_audit_entry_summarises(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "summary.dtpl"
    save_program(program, path)
    [entry] = read_audit_log(path)
    assert entry.detail == "2 paket, 5 item"
    assert "@" in entry.who


# -- crash safety -------------------------------------------------------------------------------

def test_failure_before_replace_leaves_old_file_intact(program: Program, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "safe.dtpl"
    save_program(program, path)
    before = path.read_bytes()
    expected = priced_figures(program)

    changed = make_program()
    changed.packages[0].sections[0].children[0].volume = Decimal(99)

    def power_cut(src: Path, dst: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(project_file, "_replace_file", power_cut)
    with pytest.raises(ProjectFileError, match="cannot save"):
        save_program(changed, path)

    assert path.read_bytes() == before
    assert priced_figures(load_program(path)) == expected
    assert _leftovers(tmp_path) == []


def test_failure_inside_the_transaction_leaves_old_file_intact(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "float.dtpl"
    save_program(program, path)
    before = path.read_bytes()
    bad = make_program()
    bad.packages[0].sections[0].children[0].volume = 1.5  # a float: refused, never stored as REAL
    with pytest.raises(ProjectFileError, match="float"):
        save_program(bad, path)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_save_into_missing_folder(program: Program, tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        save_program(program, tmp_path / "nope" / "x.dtpl")


def test_save_keeps_file_mode(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "mode.dtpl"
    save_program(program, path)
    path.chmod(0o640)
    save_program(program, path)
    assert path.stat().st_mode & 0o777 == 0o640


# -- errors on open ----------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="not found") as info:
        load_program(tmp_path / "missing.dtpl")
    assert info.value.path == tmp_path / "missing.dtpl"


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 this is a zip, not a project", b"x" * 4096])
def test_not_sqlite(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bukan.dtpl"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError, match="not an SQLite database") as info:
        load_program(path)
    assert info.value.path == path
    assert "not an SQLite database" in info.value.message


def test_damaged_file(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "rusak.dtpl"
    save_program(program, path)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page):  # keep the header page, scramble the rest
        data[start + 8:start + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match="damaged"):
        load_program(path)


def test_sqlite_of_another_application(tmp_path: Path) -> None:
    path = tmp_path / "other.dtpl"
    with _db(path) as con:
        con.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(ProjectFileError, match="without DTPL project tables"):
        load_program(path)


def test_price_library_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    PriceLibrary(path).close()
    with pytest.raises(ProjectFileError, match="price library, not a project"):
        load_program(path)


def test_newer_schema_is_refused(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "future.dtpl"
    save_program(program, path)
    with _db(path) as con:
        con.execute("UPDATE alembic_version SET version_num = 'project_9999'")
        con.execute("UPDATE meta SET value = '9.0.0' WHERE key = 'app_version'")
    before = path.read_bytes()
    with pytest.raises(ProjectFileError, match=r"saved by DTPL Studio 9\.0\.0.*Update DTPL Studio"):
        load_program(path)
    assert path.read_bytes() == before  # never touched


def test_bad_stored_code_is_a_finding_and_the_rest_opens(program: Program, tmp_path: Path) -> None:
    """Issue 5 (fix5): an unknown funding code is a finding naming table, row and column;
    the item inherits its section's source (every coded column: test_stored_enums.py)."""
    path = tmp_path / "enum.dtpl"
    save_program(program, path)
    with _db(path) as con:
        con.execute("UPDATE item SET funding = 'bank dunia' WHERE id = 1")
    loaded = load_program(path)
    notes = [n.finding for p in loaded.packages for n in p.load_notes if n.applies()]
    assert [(f.location, f.raw) for f in notes] == [("enum.dtpl | tabel item baris 1 kolom funding", "bank dunia")]


def test_bad_stored_number_is_a_finding_and_the_rest_opens(program: Program, tmp_path: Path) -> None:
    """Issue 5 fault 2: an unreadable number in a RAB row is a finding naming the file,
    table, row and column, not a refusal of the whole project (see test_stored_values.py)."""
    path = tmp_path / "number.dtpl"
    save_program(program, path)
    with _db(path) as con:
        con.execute("UPDATE factor SET value = 'dua' WHERE id = 1")
    loaded = load_program(path)
    notes = [n.finding for p in loaded.packages for n in p.load_notes]
    assert len(notes) == 1
    assert notes[0].location == "number.dtpl | tabel factor baris 1 kolom value"
    assert notes[0].raw == "dua"
    assert sum(1 for p in loaded.packages for _ in p.items()) == sum(1 for p in program.packages for _ in p.items())


def test_pinned_book_changed_outside_the_app(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "tampered.dtpl"
    save_program(program, path)
    with _db(path) as con:
        con.execute("UPDATE book_resource SET price = '1' WHERE key = 'Semen'")
    with pytest.raises(ProjectFileError, match="content hash"):
        load_program(path)
    rescued = load_program(path, verify=False)  # the caller may still rescue it, knowingly
    assert rescued.packages[0].book.resources["Semen"].price == Decimal(1)


def test_orphan_rows_are_damage(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "orphan.dtpl"
    save_program(program, path)
    with _db(path) as con:  # a section that points at itself is reachable from no package
        con.execute("UPDATE section SET parent_id = id WHERE id = (SELECT max(id) FROM section)")
    with pytest.raises(ProjectFileError, match="not reachable"):
        load_program(path)


def test_inspect_reports_revision(program: Program, tmp_path: Path) -> None:
    path = tmp_path / "info.dtpl"
    save_program(program, path)
    info = inspect_project_file(path)
    assert (info.revision, info.state) == (migrate.head_revision("project"), "current")
    assert info.meta["format"] == "dtpl-project"


def test_save_through_a_symlink_replaces_the_target(program: Program, tmp_path: Path) -> None:
    real = tmp_path / "real.dtpl"
    link = tmp_path / "link.dtpl"
    save_program(program, real)
    link.symlink_to(real)
    program.title = "lewat tautan"
    save_program(program, link)
    assert link.is_symlink()
    assert load_program(real).title == "lewat tautan"


def test_an_analysis_own_rounding_rule_survives(program: Program, tmp_path: Path) -> None:
    from dtpl_studio.costing.money import RoundingMode, RoundingRule

    book = program.packages[-1].book
    code = next(iter(book.analyses))
    book.analyses[code].rate_rounding = RoundingRule(Decimal(1), RoundingMode.DOWN)
    book.put_analysis(book.analyses[code])
    path = tmp_path / "rule.dtpl"
    save_program(program, path)
    loaded = load_program(path).packages[-1].book
    assert loaded.analyses[code].rate_rounding == RoundingRule(Decimal(1), RoundingMode.DOWN)
    assert loaded.compute(code).f == book.compute(code).f
    assert loaded.content_hash() == book.content_hash()
