"""Fuzzing the AHSP importer over mutated copies of the real workbook (issue 5, "Fuzzing").

The real ``AHSP.xlsx`` is loaded once; each example changes one to three number cells of an
in-memory copy of its grid — prices in ``Upah Bahan``, coefficients and typed prices in the
analysis sheets — into text numbers in both conventions, huge, tiny and negative values,
Excel errors (``#VALUE!``, ``#REF!``), formulas and empty cells, and imports the copy. The
file in ``../shared`` is never written.

Property, for every mutated cell: no uncaught exception, no silent zero, no dropped row — the
cell's value is taken exactly, or there is a finding at that cell (and an error finding makes
the import not usable (TIDAK DAPAT DIPAKAI) and leaves out what needed the cell).

To keep ``make test`` bounded the copy keeps the price list, the DHSP and two analysis sheets
(``Persiapan``, and ``Pasangan Dinding`` with its text coefficients); ``make fuzz`` runs more
examples (:func:`tests.fuzzing.examples`: 25 here, 400 under ``make fuzz``).
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.findings import Severity
from dtpl_studio.spreadsheets.ahsp_cipta_karya import import_loaded
from dtpl_studio.spreadsheets.cells import cell_name
from dtpl_studio.spreadsheets.xlsx import load_xlsx
from tests.fuzzing import examples

EXAMPLES = examples(25, 400)
KEEP = ("Persiapan", "Pasangan Dinding")
PRICE_COL, COEFFICIENT_COL, LINE_PRICE_COL = 7, 6, 7

pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def reduced(public_data: Path):
    """The real workbook's grid with the price list, the DHSP and the sheets of ``KEEP``."""
    path = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    wb = load_xlsx(path)
    dhsp = next(s for s in wb.sheet_names if s.lower().startswith("daftar harga"))
    keep = {"Upah Bahan", dhsp, *KEEP}
    for name in [s for s in wb.sheet_names if s not in keep]:
        wb.grid.raw.pop(name)
        wb.grid.cached.pop(name, None)
        wb.sheet_states.pop(name, None)
    wb.sheet_names = [s for s in wb.sheet_names if s in keep]
    return wb


@pytest.fixture(scope="module")
def baseline(reduced):
    """The unchanged copy's import and the cells the fuzz may change: ``(sheet, row, col)``
    → what the cell is (a resource key or an analysis code)."""
    book, report = import_loaded(_copy(reduced))
    assert not report.has_errors, report.summary()
    flagged = {f.location.split("!")[-1] for f in report.findings}
    grid = reduced.grid
    targets: dict[tuple[str, int, int], tuple[str, str]] = {}
    for key, resource in book.resources.items():
        row = int(resource.source_ref.rsplit("!G", 1)[1])
        raw = grid.raw_value("Upah Bahan", row, PRICE_COL)
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            targets[("Upah Bahan", row, PRICE_COL)] = ("price", key)
    for code, analysis in book.analyses.items():
        for line in analysis.lines:
            where = line.source_ref.split(" | ")[1]  # Persiapan!D7:H7
            sheet, cells = where.split("!")
            row = int(cells.split(":")[0][1:])
            f_raw = grid.raw_value(sheet, row, COEFFICIENT_COL)
            if (
                isinstance(f_raw, int | float)
                and not isinstance(f_raw, bool)
                and cell_name(COEFFICIENT_COL, row) not in flagged
                and cell_name(LINE_PRICE_COL, row) not in flagged
                and line.coefficient == Decimal(f"{f_raw:.15g}")
            ):
                targets[(sheet, row, COEFFICIENT_COL)] = ("coefficient", code)
    return book, report, targets


def _copy(wb):
    changed = copy.copy(wb)
    changed.grid = copy.copy(wb.grid)
    changed.grid.raw = dict(wb.grid.raw)
    return changed


def _id_text(value: Decimal) -> str:
    whole, _, frac = format(abs(value), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ("-" if value < 0 else "") + ".".join(groups) + ("," + frac if frac else "")


def _us_text(value: Decimal) -> str:
    return f"{value:,.2f}"


positive = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(10**7), places=3)
huge = st.sampled_from([Decimal("1E+30"), Decimal("1E+16"), Decimal("9.99E+307")])
tiny = st.sampled_from([Decimal("1E-30"), Decimal("1E-13"), Decimal("1E-300")])
negative = positive.map(lambda d: -d)

#: (kind, raw content) pairs; the kind says what the importer must do with it
mutations = st.one_of(
    positive.map(lambda d: ("value", float(d))),
    positive.map(lambda d: ("text", _id_text(d))),  # Indonesian text number
    positive.filter(lambda d: d >= 1000).map(lambda d: ("finding", _us_text(d))),  # US text
    st.one_of(huge, tiny, negative).map(lambda d: ("error", float(d))),
    st.one_of(huge, tiny, negative).map(lambda d: ("error", _id_text(d))),
    st.one_of(huge, tiny, negative).map(lambda d: ("error", f"={d}")),
    st.sampled_from(["#VALUE!", "#REF!", "#N/A", "#DIV/0!"]).map(lambda e: ("error", e)),
    st.just(("finding", None)),  # emptied
    st.just(("zero", 0)),
)


def _meaning(raw) -> Decimal:
    if isinstance(raw, float):
        return Decimal(f"{raw:.15g}")
    text = raw.replace(".", "").replace(",", ".")
    return Decimal(text)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_mutated_real_workbook_gives_a_value_or_a_finding(reduced, baseline, data):
    base_book, base_report, targets = baseline
    cells = data.draw(
        st.lists(st.sampled_from(sorted(targets)), min_size=1, max_size=3, unique=True)
    )
    changes = {cell: data.draw(mutations) for cell in cells}
    wb = _copy(reduced)
    for (sheet, row, col), (_, raw) in changes.items():
        wb.grid.raw[sheet] = dict(wb.grid.raw[sheet])
        if raw is None:
            wb.grid.raw[sheet].pop((row, col), None)
        else:
            wb.grid.raw[sheet][(row, col)] = raw
    book, report = import_loaded(wb)  # never an exception: a value or a finding

    for (sheet, row, col), (kind, raw) in changes.items():
        place = f"AHSP.xlsx | {sheet}!{cell_name(col, row)}"
        at_cell = [f for f in report.findings if f.location == place]
        what, key = targets[(sheet, row, col)]
        if kind == "error":
            assert any(f.severity is Severity.ERROR for f in at_cell), (place, raw)
            assert not report.usable
        if kind in ("text", "finding", "error"):
            assert at_cell, f"{place} holds {raw!r}: no finding"
        if what == "price":
            resource = book.resources.get(key)
            if resource is None:  # a dropped row must be said at its cell
                assert at_cell, f"resource {key!r} ({place}) dropped without a finding"
            elif kind in ("value", "text"):
                assert resource.price == _meaning(raw), (place, raw, resource.price)
            elif not at_cell:
                assert resource.price == base_book.resources[key].price or kind == "zero"
            if resource is not None and resource.price == 0 and kind != "zero":
                assert at_cell, f"{place}: silent zero"
        else:
            analysis = book.analyses.get(key)
            if analysis is None:  # left out: an error finding says why
                assert report.has_errors, f"analysis {key} dropped without an error"
                continue
            line = next(
                ln for ln in analysis.lines if ln.source_ref.endswith(f"!D{row}:H{row}")
            )
            if kind in ("value", "text"):
                assert line.coefficient == _meaning(raw), (place, raw, line.coefficient)
            if line.coefficient == 0 and kind != "zero":
                assert at_cell, f"{place}: silent zero"
    # nothing else was dropped: every analysis of the unchanged copy is there or has an error
    if not report.has_errors:
        assert set(book.analyses) == set(base_book.analyses)
        assert len(book.resources) >= len(base_book.resources) - sum(
            1 for _, raw in changes.values() if raw is None
        )
