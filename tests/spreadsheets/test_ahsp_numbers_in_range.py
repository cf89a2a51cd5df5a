"""Issue 5, fault 8: a number out of range in a price workbook is an ERROR finding naming the
cell, the import is not usable (TIDAK DAPAT DIPAKAI) and nothing is stored; never an exception naming no cell.

The class is walked with hypothesis on a miniature workbook loaded once (its grid is copied
and changed per example); the exact cases of the fault (``1E+30``, ``-100000`` in the price
list of the real workbook) are checked once end to end through ``dtpl-studio import-prices``.
"""

from __future__ import annotations

import copy
import math
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.spreadsheets.ahsp_cipta_karya import import_loaded
from dtpl_studio.spreadsheets.xlsx import load_xlsx
from tests.spreadsheets.test_ahsp_cipta_karya import _PLAIN, _build

# the miniature workbook of test_ahsp_cipta_karya: 'Pekerja' priced in Upah Bahan!G9, its
# coefficient in the one analysis block at Persiapan!F7
PRICE = ("Upah Bahan", 9, 7, "G9")
COEFFICIENT = ("Persiapan", 7, 6, "F7")


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    path = _build(tmp_path_factory.mktemp("mini") / "AHSP.xlsx", [_PLAIN])
    return load_xlsx(path)


def _import_with(wb, sheet: str, row: int, col: int, raw):
    changed = copy.copy(wb)
    changed.grid = copy.deepcopy(wb.grid)
    changed.grid.raw[sheet][(row, col)] = raw
    return import_loaded(changed)


bad_numbers = st.one_of(
    st.floats(max_value=-1e-9, allow_nan=False, allow_infinity=False),  # negative
    st.integers(max_value=-1),
    st.floats(min_value=1e16, allow_infinity=False),  # absurd: above Rp 10^15 and 10^9
    st.integers(min_value=10**16, max_value=10**60),
    st.floats(min_value=1e-300, max_value=1e-13),  # absurd: tiny but not zero
    st.sampled_from([math.inf, -math.inf, math.nan]),  # not finite
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.sampled_from([PRICE, COEFFICIENT]),
    value=bad_numbers,
    form=st.sampled_from(["number", "formula", "text"]),
)
def test_out_of_range_numbers_are_errors_naming_the_cell(mini, target, value, form):
    sheet, row, col, cell = target
    if form == "formula" and math.isfinite(value):
        raw = f"={value!r}".replace("e+", "E+").replace("e-", "E-")
    elif form == "text" and math.isfinite(value):
        raw = format(Decimal(f"{value:.15g}"), "f").replace(".", ",")  # Indonesian decimal comma
    else:
        raw = value
    book, report = _import_with(mini, sheet, row, col, raw)  # no exception, whatever the value
    at_cell = [f for f in report.findings if f.location == f"AHSP.xlsx | {sheet}!{cell}"]
    errors = [f for f in at_cell if f.severity is Severity.ERROR]
    assert errors, [str(f) for f in report.findings]
    assert errors[0].code in ("negative-number", "number-range")
    assert errors[0].raw  # the raw value is said
    assert not report.usable and report.status_line().startswith("TIDAK DAPAT DIPAKAI")
    # the analysis that needs the cell is left out, not priced with a wrong or zero number
    assert "A.1" not in book.analyses
    _root_cause_first(report, f"{sheet}!{cell}", derived=target is PRICE)


def _root_cause_first(report, cell: str, *, derived: bool) -> None:
    """Issue 5 (fix5 point 2): the summary names the refused cell right after the status
    line, with what it caused; in the report no finding derived from it comes before it."""
    lines = report.summary().splitlines()
    assert lines[1].startswith("penyebab: [galat]") and f"| {cell} " in lines[1], lines[:3]
    if derived:
        assert re.fullmatch(rf"  → \d+ analisa memakai harga {cell.split('!')[1]} yang ditolak "
                            r"\([\d.]+ galat turunan\)", lines[2]), lines[2]
    text = report.render_text().splitlines()
    root = next(i for i, x in enumerate(text) if f"| {cell} " in x)
    consequences = [i for i, x in enumerate(text) if f"sel harganya {cell} ditolak" in x]
    assert all(root < i for i in consequences)


good_numbers = st.one_of(
    st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(10**6), places=4),
    st.integers(min_value=1, max_value=10**9),
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from([PRICE, COEFFICIENT]), value=good_numbers)
def test_numbers_in_range_are_taken_exactly(mini, target, value):
    sheet, row, col, _ = target
    book, report = _import_with(mini, sheet, row, col, float(value))
    assert report.usable, report.summary()
    expected = Decimal(f"{float(value):.15g}")
    if target is PRICE:
        assert book.resources["Pekerja"].price == expected
    else:
        assert book.analyses["A.1"].lines[0].coefficient == expected


def _with_cell(source: Path, target: Path, sheet_xml: str, cell: str, value: str) -> Path:
    """A copy of ``source`` whose ``cell`` in ``sheet_xml`` holds the number ``value``."""
    with zipfile.ZipFile(source) as zin:
        items = {n: zin.read(n) for n in zin.namelist()}
    xml = items[sheet_xml].decode("utf-8")
    pattern = re.compile(rf'<c r="{cell}"([^>]*?)(/>|>.*?</c>)', re.S)
    match = pattern.search(xml)
    assert match, f"{cell} not in {sheet_xml}"
    attrs = re.sub(r'\s+t="[^"]*"', "", match.group(1))
    xml = xml[: match.start()] + f'<c r="{cell}"{attrs}><v>{value}</v></c>' + xml[match.end() :]
    items[sheet_xml] = xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items.items():
            zout.writestr(name, data)
    return target


def _sheet_xml(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        workbook = z.read("xl/workbook.xml").decode("utf-8")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    rid = re.search(rf'<sheet [^>]*name="{re.escape(name)}"[^>]*r:id="([^"]+)"', workbook).group(1)
    target = re.search(rf'<Relationship [^>]*Id="{rid}"[^>]*Target="([^"]+)"', rels)
    if target is None:
        target = re.search(rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid}"', rels)
    return "xl/" + target.group(1).lstrip("/").removeprefix("xl/")


@pytest.mark.parametrize("value", ["1E+30", "-100000"])
def test_real_workbook_with_a_bad_price_stores_nothing(public_data, tmp_path, capsys, value):
    """The fault as found: Upah Bahan!G9 ('Pekerja', Rp 100 000) set to 1E+30 or -100000 in a
    copy of the real workbook; ``import-prices`` names the cell, says TIDAK DAPAT DIPAKAI, exits 1 and
    leaves the price library without a new edition."""
    from dtpl_studio.cli import main

    source = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    if not source.is_file():
        pytest.skip(f"{source} not found")
    copy_path = tmp_path / "AHSP.xlsx"
    shutil.copyfile(source, copy_path)
    _with_cell(source, copy_path, _sheet_xml(source, "Upah Bahan"), "G9", value)
    library = tmp_path / "library.sqlite"
    report_path = tmp_path / "report.txt"
    args = ["import-prices", str(copy_path), "--library", f"sqlite:///{library}"]
    code = main([*args, "--report", str(report_path)])
    out = capsys.readouterr()
    assert code == 1, out
    assert out.out.startswith("TIDAK DAPAT DIPAKAI")
    second, third = out.out.splitlines()[1:3]
    assert second.startswith("penyebab: [galat] AHSP.xlsx | Upah Bahan!G9 ")
    assert third == "  → 669 analisa memakai harga G9 yang ditolak (1.338 galat turunan)"
    assert "tidak ada yang ditulis atau disimpan" in out.err
    text = report_path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if "[galat] AHSP.xlsx | Upah Bahan!G9 " in x)
    assert ("tidak wajar" if value == "1E+30" else "negatif") in line
    assert not library.exists() or _editions(library) == 0


def _editions(library: Path) -> int:
    from dtpl_studio.storage.library import PriceLibrary

    with PriceLibrary(f"sqlite:///{library}") as lib:
        return len(lib.list_editions())


@pytest.mark.parametrize("text", ["NaN", "nan", "INF", "-Infinity", "1E+400", "seratus", "1..5"])
def test_a_non_number_in_a_numeric_cell_is_a_finding_naming_the_cell(tmp_path, text):
    """Issue 5 (fix5 point 4): a numeric cell (``t="n"``) whose ``<v>`` is NaN, infinity or
    no number at all (hand-edited or written by another program) is a finding naming the
    sheet and cell, never "the workbook cannot be read" naming none."""
    (tmp_path / "src").mkdir()
    source = _build(tmp_path / "src" / "AHSP.xlsx", [_PLAIN])
    path = _with_cell(source, tmp_path / "AHSP.xlsx", _sheet_xml(source, "Upah Bahan"), "G9", text)
    book, report = import_loaded(load_xlsx(path))  # no WorkbookReadError
    at_cell = [f for f in report.findings if f.location == "AHSP.xlsx | Upah Bahan!G9"
               and f.severity is Severity.ERROR]
    assert at_cell, [str(f) for f in report.findings]
    assert not report.usable and "A.1" not in book.analyses
