"""Issue 10: opening a project loads only what reading it needs, and reads the migration
history without Alembic; the answers are the ones Alembic gives."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dtpl_studio.storage import migrate
from dtpl_studio.storage.project_file import save_program
from tests.storage.storage_samples import make_program

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


def test_opening_a_project_loads_neither_alembic_nor_the_library(tmp_path: Path) -> None:
    path = tmp_path / "p.dtpl"
    save_program(make_program(), path)
    code = textwrap.dedent(f"""
        import json, sys
        from dtpl_studio.services.project import open_project
        program = open_project({str(path)!r})
        print(json.dumps({{"packages": len(program.packages),
                          "loaded": sorted(m for m in ("alembic", "dtpl_studio.storage.library",
                                                       "dtpl_studio.storage.library_records")
                                           if m in sys.modules)}}))
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["packages"] == len(make_program().packages)
    assert result["loaded"] == []
