"""Issue 5 (fix5 point 4): one bad text-coded value never refuses the whole project file.

The class: every enum (text-coded) column the project loader reads from the RAB tables, each
holding a value that is not one of its codes (``'martian'``, ``'sideways'``, a wrong case, an
empty text, a number). Each is an error finding naming the file, table, row and column with
the raw value; the documented fallback is used (item/section funding: inherited; section
kind: none; rounding mode: down; package component: fisik; share source: lainnya;
attachment kind: scan; a ceiling rule of an unknown component is not used) and the rest
opens, prices and checks. The pinned price books are verified as a whole by their content
hash, so their coded columns are not part of this class.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.rab import price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.storage import project_file
from dtpl_studio.storage.project_file import load_program, save_program
from tests.attachment_samples import drawing

#: (table, column, key column): every text-coded column the RAB loader reads
ENUM_COLUMNS = [
    ("funding_rule", "component"),
    ("item_funding", "source"),
    ("item", "funding"),
    ("section", "funding"),
    ("section", "kind"),
    ("package_settings", "total_rounding_mode"),
    ("package", "component"),
    ("attachment", "kind"),
]
KEYS = {"package_settings": "package_id"}
GARBAGE = ["martian", "sideways", "FISIK", "Blm", " ", "5", "tenaga ahli"]


def test_the_list_walks_every_coded_column_the_loader_reads():
    """A new coded column read by the loader must be added to :data:`ENUM_COLUMNS`."""
    source = Path(project_file.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r'\.enum\(\s*\w+,\s*[^,]+,\s*"(\w+)",\s*[^,]+,\s*"(\w+)"', source))
    assert read == set(ENUM_COLUMNS)
    # two calls: _Numbers.enum, and the attachment media type (unknown = unreadable bytes: damage)
    assert source.count("parse_enum(") == 2


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    program = build_demo_program(load_default_book())
    edits.InsertAttachment(drawing(1, sheet="GK-01")).apply(program)
    path = tmp_path_factory.mktemp("enums") / "demo.dtpl"
    save_program(program, path)
    return path


def _open_with(demo_file: Path, folder: Path, table: str, column: str, value: object):
    path = folder / "kode.dtpl"
    shutil.copyfile(demo_file, path)
    key = KEYS.get(table, "id")
    with sqlite3.connect(path) as con:
        row = con.execute(f"SELECT min({key}) FROM {table}").fetchone()[0]
        assert row is not None, f"the demo has no {table} row"
        con.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, row))
    return row, load_program(path)


@pytest.mark.parametrize("table, column", ENUM_COLUMNS)
@pytest.mark.parametrize("value", GARBAGE)
def test_a_bad_code_is_a_finding_and_the_rest_opens(demo_file, tmp_path, table, column, value):
    row, program = _open_with(demo_file, tmp_path, table, column, value)  # never "rusak"
    notes = [n.finding for p in program.packages for n in p.load_notes if n.applies()]
    where = f"kode.dtpl | tabel {table} baris {row} kolom {column}"
    assert [f.location for f in notes] == [where]
    finding = notes[0]
    assert finding.severity is Severity.ERROR and finding.code == "stored-value"
    assert finding.raw == value and "tidak dikenal" in finding.message and finding.action
    assert sum(1 for p in program.packages for _ in p.items()) == 19  # nothing dropped
    priced = price_program(program)
    assert not priced.passed
    assert where in [f.location for f in priced.verdict.findings]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(ENUM_COLUMNS), value=st.one_of(st.text(max_size=10), st.integers(-(2**63), 2**63 - 1)))
def test_fuzz_coded_columns(demo_file, tmp_path_factory, column, value):
    table, name = column
    _, program = _open_with(demo_file, tmp_path_factory.mktemp("f"), table, name, value)
    price_program(program)


def test_check_json_prints_json_for_a_bad_code(demo_file, tmp_path, capsys):
    import json

    from dtpl_studio.cli import main

    path = tmp_path / "kode.dtpl"
    shutil.copyfile(demo_file, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE item SET funding = 'martian' WHERE id = (SELECT min(id) FROM item)")
        con.execute("UPDATE package_settings SET total_rounding_mode = 'sideways'")
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    found = {f["location"].split(" | ")[-1]: f["message"] for f in data["findings"] if f["code"] == "stored-value"}
    assert "'martian'" in found["tabel item baris 1 kolom funding"]
    assert any("'sideways'" in m for w, m in found.items() if w.endswith("kolom total_rounding_mode"))
