"""Issue 5 fault 2: every number read from a project file is range-checked where it is read.

A bad one (huge, negative, unreadable text, NaN, empty…) is an error finding naming the file,
the table, the row and the column; the rest of the project opens, prices and prints. The
class is walked twice: every numeric column of the RAB tables × every kind of bad value (one
file per kind, all columns mutated at once), then a hypothesis fuzz over random cells of a
saved demo project with random stored values (bounded in ``make test``, long in ``make fuzz``).
Property: no uncaught exception, no silent zero, no dropped row — a value or a finding.
"""

from __future__ import annotations

import shutil
import sqlite3
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.rab import price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.storage.project_file import ProjectFileError, load_program, save_program
from tests.fuzzing import examples
from tests.storage.storage_samples import make_program

LIMIT = Decimal(10) ** 12
RATE_LIMIT = Decimal(10) ** 15


def _decimal_ok(low: Decimal, high: Decimal):
    def check(raw: object) -> bool:
        if raw is None:
            return False
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            return False
        return value.is_finite() and low <= value <= high
    return check


def _int_ok(low: int, high: int):
    return lambda raw: isinstance(raw, int) and low <= raw <= high


def _step_ok(raw: object) -> bool:
    """0 (no pembulatan) or a whole number of rupiah (a fractional step gives sen totals)."""
    if not _decimal_ok(Decimal(0), LIMIT)(raw):
        return False
    step = Decimal(str(raw).strip())
    return step == 0 or (step >= 1 and step == step.to_integral_value())


def _whole_rupiah_ok(raw: object) -> bool:
    """A ceiling or the BLM allocation: whole rupiah in [0, 10^15] — the one rule of
    :func:`dtpl_studio.costing.funding.amount_problem` (dialog, core edit, loader)."""
    if not _decimal_ok(Decimal(0), RATE_LIMIT)(raw):
        return False
    value = Decimal(str(raw).strip())
    return value == value.to_integral_value()


#: (table, column, nullable, oracle): what the loader must accept without a finding.
COLUMNS = [
    ("factor", "value", False, _decimal_ok(Decimal(0), LIMIT)),
    ("item", "volume", False, _decimal_ok(Decimal(0), LIMIT)),
    ("item", "custom_rate", True, _decimal_ok(Decimal(0), RATE_LIMIT)),
    ("item", "rate_override", True, _decimal_ok(Decimal(0), RATE_LIMIT)),
    ("measurement", "sign", False, lambda raw: raw in (1, -1) and not isinstance(raw, float)),
    ("package_settings", "volume_decimals", False, _int_ok(0, 6)),
    ("package_settings", "ppn_rate", False, _decimal_ok(Decimal(0), Decimal(1))),
    ("package_settings", "total_rounding_step", False, _step_ok),
    ("program", "blm_allocation", True, _whole_rupiah_ok),
    ("program", "fiscal_year", True, _int_ok(1900, 2200)),
    ("funding_rule", "ceiling", False, _whole_rupiah_ok),
]
KEYS = {"package_settings": "package_id"}

BAD_KINDS = {
    "huge": "1E+30",
    "overflow": "1E+999999",
    "negative": "-3",
    "negative-150": -150,
    "nan": "NaN",
    "infinity": "-Infinity",
    "text": "dua",
    "empty": "",
    "blob": b"\x00\xff",
    "float": 2.5e40,
}


def _rows(con: sqlite3.Connection, table: str, column: str) -> list[int]:
    key = KEYS.get(table, "id")
    where = ""
    if (table, column) == ("item", "volume"):  # under back-up lines the volume is not used
        where = " WHERE id NOT IN (SELECT item_id FROM measurement)"
    return [r[0] for r in con.execute(f"SELECT {key} FROM {table}{where} ORDER BY {key}")]


def _notes(program) -> list:
    return [n.finding for p in program.packages for n in p.load_notes if n.applies()]


def _shows_everything(priced) -> None:
    """What the window and the PDF print: every figure formats (no decimal error)."""
    for pp in priced.packages:
        for value in (pp.direct, pp.ppn, pp.total, pp.rounded):
            format_rupiah(value)
        for row in pp.items():
            format_rupiah(row.amount)
            for value in (row.volume, row.rate):
                if value is not None:
                    format_number(value)


def _count_items(program) -> int:
    return sum(1 for p in program.packages for _ in p.items())


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stored") / "contoh.dtpl"
    save_program(make_program(), path)
    return path


@pytest.mark.parametrize("kind", sorted(BAD_KINDS))
def test_every_numeric_column_with_a_bad_value_is_a_finding_naming_table_row_and_column(
        sample_file: Path, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "rusak.dtpl"
    shutil.copyfile(sample_file, path)
    bad = BAD_KINDS[kind]
    expected = set()
    with sqlite3.connect(path) as con:
        items_before = con.execute("SELECT count(*) FROM item").fetchone()[0]
        for table, column, _nullable, ok in COLUMNS:
            row = _rows(con, table, column)[0]
            con.execute(f"UPDATE {table} SET {column} = ? WHERE {KEYS.get(table, 'id')} = ?", (bad, row))
            stored = con.execute(f"SELECT {column} FROM {table} WHERE {KEYS.get(table, 'id')} = ?",
                                 (row,)).fetchone()[0]
            if not ok(stored):
                expected.add(f"rusak.dtpl | tabel {table} baris {row} kolom {column}")
    assert expected, "every kind is bad for some column"
    program = load_program(path)  # opens: never a refusal of the whole project
    assert _count_items(program) == items_before  # no dropped row
    notes = _notes(program)
    assert {f.location for f in notes} == expected
    assert all(f.severity is Severity.ERROR and f.code == "stored-value" for f in notes)
    priced = price_program(program)  # never an InvalidOperation
    _shows_everything(priced)
    assert not priced.passed


def test_issue_examples_check_and_export(sample_file: Path, tmp_path: Path) -> None:
    """A factor of 1e30 and volume_decimals = 50: check and export work, the PDF is a draft."""
    from dtpl_studio.reporting.dtpl_pdf import build_dtpl_pdf, will_be_draft

    path = tmp_path / "besar.dtpl"
    shutil.copyfile(sample_file, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE factor SET value = '1E+30' WHERE id = 1")
        con.execute("UPDATE item SET volume = '1E+30' WHERE id = 4")
        con.execute("UPDATE package_settings SET volume_decimals = 50")
    priced = price_program(load_program(path))
    assert not priced.passed and will_be_draft(priced)
    out = build_dtpl_pdf(priced, tmp_path / "besar.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_a_project_opened_with_findings_saves_and_the_fixed_value_clears_its_finding(
        sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "perbaiki.dtpl"
    shutil.copyfile(sample_file, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE factor SET value = 'dua' WHERE id = 1")
        con.execute("UPDATE item SET custom_rate = '-6000000' WHERE id = 1")
    program = load_program(path)
    assert len(_notes(program)) == 2
    save_program(program, path)  # the replacements can be saved: nothing blocks the user's other work
    again = load_program(path)
    assert [f.location for f in _notes(again)] == ["perbaiki.dtpl | tabel item baris 1 kolom custom_rate"]
    item = next(i for p in again.packages for i in p.items() if i.custom_rate is not None and i.custom_rate < 0)
    item.custom_rate = Decimal(350000)  # the user re-types it
    assert _notes(again) == []
    assert "stored-value" not in [f.code for pp in price_program(again).packages for f in pp.findings]


# -- fuzz: random cells of a saved demo project, random stored values ----------------------------

@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.dtpl"
    save_program(build_demo_program(load_default_book()), path)
    return path


stored_values = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(min_value=-(10**16), max_value=10**16, places=4).map(str),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", " ", "dua", "1,5", "1.000,00", "Rp 5.000", "1e30", "-0", "0E-50", "sNaN",
                     "1E-999999", "9" * 60]),
    st.text(max_size=12),
    st.binary(max_size=6),
    st.none(),
)


@pytest.mark.fuzz
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_the_loader_over_mutated_rows(demo_file: Path, tmp_path_factory, data) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "demo.dtpl"
    shutil.copyfile(demo_file, path)
    expected: set[str] = set()
    with sqlite3.connect(path) as con:
        items_before = con.execute("SELECT count(*) FROM item").fetchone()[0]
        cells = data.draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=6), label="columns")
        for table, column, nullable, ok in cells:
            rows = _rows(con, table, column)
            row = data.draw(st.sampled_from(rows), label=f"{table}.{column} row")
            value = data.draw(stored_values, label=f"{table}.{column} value")
            key = KEYS.get(table, "id")
            try:
                con.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (value, row))
            except sqlite3.IntegrityError:  # NULL in a NOT NULL column: SQLite refuses it
                continue
            except OverflowError:  # an int beyond SQLite's 64 bits cannot even be stored
                continue
            stored = con.execute(f"SELECT {column} FROM {table} WHERE {key} = ?", (row,)).fetchone()[0]
            location = f"demo.dtpl | tabel {table} baris {row} kolom {column}"
            expected.discard(location)
            if not ((stored is None and nullable) or ok(stored)):
                expected.add(location)
    try:
        program = load_program(path)
    except ProjectFileError as exc:  # pragma: no cover - the property says this never happens
        pytest.fail(f"the whole project was refused: {exc}")
    assert _count_items(program) == items_before
    notes = _notes(program)
    assert {f.location for f in notes} == expected  # a bad value is always a finding, a good one never
    priced = price_program(program)
    _shows_everything(priced)
    if expected:
        assert not priced.passed  # no silent value: the verdict cannot pass over a bad number


# -- every number a loader finding shows is Indonesian (one helper: format_stored_value) ---------

#: the loader's numeric columns beyond COLUMNS (rows exist in the demo project)
MORE_COLUMNS = [
    ("termin", "percent", False, _decimal_ok(Decimal(0), Decimal(100))),
    ("termin", "amount", True, _decimal_ok(Decimal(0), RATE_LIMIT)),
    ("program", "swadaya_min_share", True, _decimal_ok(Decimal(0), Decimal(1))),
]
#: a dot between digits that is not a thousands separator (1.000 is one; 0.7, 1.000E+30 are not)
NOT_INDONESIAN = __import__("re").compile(r"\d\.(?!\d{3}(?!\d))|\d[eE][+-]?\d|\.\.")

numeric_values = st.one_of(
    st.decimals(min_value=Decimal("-1E+40"), max_value=Decimal("1E+40"), allow_nan=False,
                allow_infinity=False, places=None).map(str),
    st.decimals(min_value=-10**6, max_value=10**6, places=3),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(min_value=-1e300, max_value=1e300, allow_nan=False),
    st.sampled_from(["0.7", "1E+30", "1E+999999", "1E-30", "-3", "12.5", "1000000.25", "2.5E-7"]),
)


@pytest.mark.fuzz
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_numbers_in_loader_findings_are_indonesian(demo_file: Path, tmp_path_factory, data) -> None:
    """A stored rounding step of 0.7 printed "nilai 0.7" and a huge value "1.000E+30": every
    number a loader finding shows (the value, the limit, the replacement, the raw value) is
    written the Indonesian way, a huge or tiny one as a power of ten (1 × 10^30)."""
    from dtpl_studio.costing.formatting import format_stored_value

    path = tmp_path_factory.mktemp("angka") / "demo.dtpl"
    shutil.copyfile(demo_file, path)
    with sqlite3.connect(path) as con:
        table, column, _nullable, _ok = data.draw(st.sampled_from(COLUMNS + MORE_COLUMNS), label="column")
        rows = _rows(con, table, column)
        assert rows, (table, column)
        row = data.draw(st.sampled_from(rows), label="row")
        value = data.draw(numeric_values, label="value")
        key = KEYS.get(table, "id")
        con.execute(f"UPDATE {table} SET {column} = ? WHERE {key} = ?", (str(value) if isinstance(value, Decimal)
                                                                            else value, row))
        stored = con.execute(f"SELECT {column} FROM {table} WHERE {key} = ?", (row,)).fetchone()[0]
    program = load_program(path)
    notes = [n.finding for p in program.packages for n in p.load_notes]
    for finding in notes:
        for text in (finding.message, finding.action, finding.raw):
            assert not NOT_INDONESIAN.search(text), (text, stored)
    mine = [f for f in notes if f.location.endswith(f"tabel {table} baris {row} kolom {column}")]
    if mine and column != "fiscal_year":
        shown = format_stored_value(stored)
        assert shown in mine[0].message or shown == mine[0].raw, (mine[0].message, shown)


@pytest.mark.parametrize("stored, shown", [
    ("0.7", "0,7"), ("1E+30", "1 × 10^30"), ("-1.5E-9", "-1,5 × 10^-9"), ("1234567.5", "1.234.567,5"),
    (-150, "-150"), (2.5e40, "2,5 × 10^40"), ("1E+999999", "1 × 10^999999"), ("NaN", "bukan angka (NaN)"),
    ("", "kosong"), (None, "kosong"), ("dua", "'dua'"), ("1,5", "'1,5'"), (Decimal("12.50"), "12,5"),
])
def test_the_stored_value_helper(stored, shown):
    from dtpl_studio.costing.formatting import format_stored_value

    assert format_stored_value(stored) == shown


def test_the_rounding_step_example_reads_indonesian(sample_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "langkah.dtpl"
    shutil.copyfile(sample_file, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE package_settings SET total_rounding_step = '0.7'")
        con.execute("UPDATE item SET volume = '1E+30' WHERE id NOT IN (SELECT item_id FROM measurement)")
    messages = [f.message for f in _notes(load_program(path))]
    assert any("nilai 0,7 bukan rupiah bulat" in m for m in messages), messages
    assert any("nilai 1 × 10^30 di atas batas 1.000.000.000.000" in m for m in messages), messages
