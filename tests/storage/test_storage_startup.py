"""Issue 10: opening a project loads only what reading it needs, and reads the migration
history without Alembic; the answers are the ones Alembic gives."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from benchmarks.generate import generated_program
from dtpl_studio.storage import migrate, project_file
from dtpl_studio.storage.project_file import ProjectFileError, load_program, save_program
from dtpl_studio.storage.project_records import ProjectBase
from dtpl_studio.storage.types import DecimalText
from tests.storage.storage_samples import make_book, make_program, priced_figures, snapshot

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("kind", ["project", "library"])
def test_revisions_read_without_alembic_are_alembics(kind: str) -> None:
    alembic_order = [s.revision for s in reversed(list(migrate.script_directory(kind).walk_revisions()))]
    assert migrate.known_revisions(kind) == alembic_order
    assert migrate.head_revision(kind) == migrate.script_directory(kind).get_heads()[0]


def _script(revision: str, down: object) -> str:
    return textwrap.dedent(f'''
        """{revision}"""
        from collections.abc import Sequence

        revision: str = {revision!r}
        down_revision: str | Sequence[str] | None = {down!r}
        branch_labels = None


        def upgrade():
            pass
        ''')


def _folder(tmp_path: Path, scripts: dict[str, object]) -> Path:
    versions = tmp_path / "scripts" / "versions"
    versions.mkdir(parents=True)
    for k, (revision, down) in enumerate(scripts.items()):
        (versions / f"{k:04d}_{revision}.py").write_text(_script(revision, down))
    return tmp_path / "scripts"


def test_a_merge_lists_both_parents_before_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, {"p1": None, "p2a": "p1", "p2b": "p1", "p3": ("p2a", "p2b"), "p4": "p3"})
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "project", str(folder))
    order = migrate.known_revisions("project")
    assert migrate.head_revision("project") == "p4"
    assert set(order) == {"p1", "p2a", "p2b", "p3", "p4"}
    assert order.index("p1") < order.index("p2a") < order.index("p3")
    assert order.index("p2b") < order.index("p3") < order.index("p4")
    assert migrate.revision_state("project", "p2b") == "older"
    assert migrate.revision_state("project", "p9") == "unknown"


def test_a_revision_added_later_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, {"p1": None, "p2": "p1"})
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "project", str(folder))
    assert migrate.head_revision("project") == "p2"
    (folder / "versions" / "0009_p3.py").write_text(_script("p3", "p2"))
    assert migrate.head_revision("project") == "p3"
    assert migrate.revision_state("project", "p2") == "older"


@pytest.mark.parametrize("scripts", [
    {"p1": None, "p2a": "p1", "p2b": "p1"},  # two heads
    {"p2": "p1"},  # a parent no script defines
])
def test_a_broken_history_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scripts) -> None:
    monkeypatch.setitem(migrate.SCRIPT_LOCATIONS, "project", str(_folder(tmp_path, scripts)))
    with pytest.raises(RuntimeError):
        migrate.head_revision("project")


def test_opening_a_project_loads_neither_sqlalchemy_nor_alembic_nor_the_library(tmp_path: Path) -> None:
    path = tmp_path / "p.dtpl"
    save_program(make_program(), path)
    code = textwrap.dedent(f"""
        import json, sys
        from dtpl_studio.services.project import open_project
        program = open_project({str(path)!r})
        print(json.dumps({{"packages": len(program.packages),
                          "loaded": sorted(m for m in ("sqlalchemy", "alembic", "dtpl_studio.storage.library",
                                                       "dtpl_studio.storage.library_records")
                                           if m in sys.modules)}}))
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["packages"] == len(make_program().packages)
    assert result["loaded"] == []


# -- the plain-sqlite3 reader and writer know the schema as the ORM classes declare it -------------

def test_the_insert_order_has_every_table_after_the_tables_it_refers_to() -> None:
    order = project_file.PROJECT_TABLES
    assert sorted(order) == sorted(t.name for t in ProjectBase.metadata.sorted_tables)
    for table in ProjectBase.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is table:  # section.parent_id: a parent's row comes before its children's
                continue
            assert order.index(fk.column.table.name) < order.index(table.name), (table.name, fk.target_fullname)


def test_the_decimal_columns_are_the_orms_decimal_columns() -> None:
    declared = {}
    for table in ProjectBase.metadata.sorted_tables:
        names = frozenset(c.name for c in table.columns if isinstance(c.type, DecimalText))
        if names:
            declared[table.name] = names
    assert project_file.DECIMAL_COLUMNS == declared


def _shipped_book():
    from dtpl_studio.services.prices import load_default_book

    return load_default_book()


@pytest.mark.parametrize("items", [1, 60])
def test_a_generated_rab_round_trips_through_two_saves(items: int, tmp_path: Path) -> None:
    program = generated_program(_shipped_book(), items)
    first, second = tmp_path / "a.dtpl", tmp_path / "b.dtpl"
    save_program(program, first)
    loaded = load_program(first)
    assert snapshot(loaded) == snapshot(program)
    assert priced_figures(loaded) == priced_figures(program)
    assert [p.book.content_hash() for p in loaded.packages] == [p.book.content_hash() for p in program.packages]
    save_program(loaded, second)  # what was read is written back the same
    assert snapshot(load_program(second)) == snapshot(program)


def test_decimals_come_back_digit_for_digit(tmp_path: Path) -> None:
    from decimal import Decimal

    program = make_program()
    item = program.packages[0].sections[0].children[0]
    values = [Decimal("1.50"), Decimal("0.04397142857142857142857142857"), Decimal("1E+3"), Decimal("-0.000")]
    for value in values:
        item.volume = value
        save_program(program, tmp_path / "d.dtpl")
        back = load_program(tmp_path / "d.dtpl").packages[0].sections[0].children[0].volume
        assert (str(back), back.as_tuple()) == (str(value), value.as_tuple())


@pytest.mark.parametrize("bad", [1.5, True, "12", object()])
def test_a_value_a_column_cannot_hold_is_refused_and_the_old_file_kept(bad, tmp_path: Path) -> None:
    path = tmp_path / "p.dtpl"
    save_program(make_program(), path)
    before = path.read_bytes()
    program = make_program()
    program.packages[0].sections[0].children[0].volume = bad
    with pytest.raises(ProjectFileError) as err:
        save_program(program, path)
    assert err.value.code == "project.cannot_store"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.dtpl"]


def test_an_unbindable_text_value_is_refused_naming_the_table(tmp_path: Path) -> None:
    program = make_program()
    program.packages[0].sections[0].children[0].description = object()  # not text
    with pytest.raises(ProjectFileError, match="item") as err:
        save_program(program, tmp_path / "p.dtpl")
    assert err.value.code == "project.cannot_store"


def test_a_shared_book_is_stored_once_and_shared_again(tmp_path: Path) -> None:
    program = make_program()
    assert program.packages[0].book is program.packages[1].book
    save_program(program, tmp_path / "p.dtpl")
    loaded = load_program(tmp_path / "p.dtpl")
    assert loaded.packages[0].book is loaded.packages[1].book
    assert make_book().content_hash() == loaded.packages[0].book.content_hash()


def test_the_audit_log_of_a_file_just_checked_is_read_without_a_second_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.dtpl"
    save_program(make_program(), path)
    save_program(make_program(), path)
    expected = project_file.verify_audit_log(path)

    def no_second_check(_path):
        raise AssertionError("integrity check run again")

    monkeypatch.setattr(project_file, "inspect_project_file", no_second_check)
    assert project_file.verify_audit_log(path, checked=True) == expected
    assert len(expected[0]) >= 2 and expected[1] is None  # both saves logged, the chain holds
    with pytest.raises(AssertionError):
        project_file.read_audit_log(path)  # unchecked: the check runs
