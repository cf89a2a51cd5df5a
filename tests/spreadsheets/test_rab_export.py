"""The RAB xlsx export (issue 10 point 7) without a spreadsheet program: the formulas'
structure, the literals, and our own evaluation of the formulas (the workbook emulator of
:mod:`dtpl_studio.spreadsheets.formula`, exact mode) against the app's totals, on the demo
and on generated small programmes. The recompute by LibreOffice is in
``test_rab_export_soffice.py``."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook

from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.rab import PricedSection, price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.services.project import ExportTargetError, export_xlsx
from dtpl_studio.spreadsheets.formula import ExcelEmulator, excel_value
from dtpl_studio.spreadsheets.rab_export import (
    MONEY,
    XlsxExportCancelled,
    build_rab_workbook,
    rounding_formula,
    write_rab_xlsx,
)
from tests.spreadsheets.rab_export_helpers import evaluate, figures, grid_of, programs, split_ref


@pytest.fixture(scope="module")
def demo():
    program = build_demo_program(load_default_book())
    priced = price_program(program)
    wb, xmap = build_rab_workbook(priced)
    return priced, wb, xmap


def cell(wb, reference):
    sheet, coord = split_ref(reference)
    return wb[sheet][coord]


def test_rounding_formulas_follow_the_rule():
    assert rounding_formula("F9", RoundingRule(Decimal(1000), RoundingMode.DOWN)) == "ROUNDDOWN(F9,-3)"
    assert rounding_formula("G7", RoundingRule(Decimal(100), RoundingMode.DOWN)) == "ROUNDDOWN(G7,-2)"
    assert rounding_formula("G7", RoundingRule(Decimal(1), RoundingMode.HALF_UP)) == "ROUND(G7,0)"
    assert rounding_formula("G7", RoundingRule(Decimal("0.01"), RoundingMode.UP)) == "ROUNDUP(G7,2)"
    assert rounding_formula("G7", RoundingRule(Decimal(500), RoundingMode.UP)) == "ROUNDUP(G7/500,0)*500"
    assert rounding_formula("G7", RoundingRule(Decimal(0), RoundingMode.DOWN)) == "G7"


def test_sheets_and_layout(demo):
    priced, wb, xmap = demo
    assert wb.sheetnames[:2] == xmap.rab_sheets
    assert set(wb.sheetnames[2:]) == {"Harga Dasar", "Analisa", "Back-up Volume"}
    ws = wb[xmap.rab_sheets[1]]
    assert [ws.cell(7, c).value for c in range(1, 7)] == [
        "NO", "URAIAN PEKERJAAN", "VOLUME", "SAT.", "HARGA SATUAN (Rp)", "JUMLAH HARGA (Rp)"]
    assert ws.freeze_panes == "A9"
    assert ws["A9"].value == "I"  # the first division, numbered in roman


def test_every_line_is_volume_times_rate(demo):
    priced, wb, xmap = demo
    n = 0
    for i, pp in enumerate(priced.packages, start=1):
        for pi in pp.items():
            cells = xmap.items[(i, pi.item.id)]
            row = split_ref(cells["amount"])[1][1:]
            assert cell(wb, cells["amount"]).value == f"=ROUND(C{row}*E{row},0)"
            assert cells["volume"].endswith(f"C{row}") and cells["rate"].endswith(f"E{row}")
            rate = cell(wb, cells["rate"])
            if pi.item.rate_override is None and pi.item.analysis_code:
                assert rate.value == "=" + xmap.rates[(xmap.package_books[i], pi.item.analysis_code)]
            else:  # an own rate or an override: the literal, with its reason
                assert rate.value == pi.rate and rate.comment is not None
                assert (pi.item.override_reason or pi.item.custom_reason) in rate.comment.text
            volume = cell(wb, cells["volume"])
            if pi.item.measurements:
                assert re.fullmatch(r"=ROUND\('Back-up Volume'!\w+\d+,2\)", volume.value)
            else:
                assert volume.value == pi.volume
            assert cell(wb, cells["amount"]).number_format == MONEY
            n += 1
    assert n == sum(1 for pp in priced.packages for _ in pp.items())


def test_subtotals_sum_exactly_their_lines(demo):
    priced, wb, xmap = demo
    for i, pp in enumerate(priced.packages, start=1):
        def walk(ps: PricedSection, i=i):
            expected = set()
            for child in ps.children:
                if isinstance(child, PricedSection):
                    expected.add(split_ref(xmap.subtotals[(i, child.section.id)])[1])
                    walk(child)
                else:
                    expected.add(split_ref(xmap.items[(i, child.item.id)]["amount"])[1])
            formula = cell(wb, xmap.subtotals[(i, ps.section.id)]).value
            args = re.fullmatch(r"=SUM\((.*)\)", formula).group(1).split(",")
            got = set()
            for arg in args:
                a, _, b = arg.partition(":")
                b = b or a
                got |= {f"F{r}" for r in range(int(a[1:]), int(b[1:]) + 1)}
            assert got == expected, (ps.number, formula)
        for ps in pp.sections:
            walk(ps)
        rekap = xmap.rekap[i]
        row = int(split_ref(rekap["ppn"])[1][1:])
        assert cell(wb, rekap["ppn"]).value == f"=ROUND(F{row - 1}*E{row},0)"
        assert cell(wb, rekap["dibulatkan"]).value == f"=ROUNDDOWN(F{row + 1},-3)"


def test_terbilang_is_static_text(demo):
    priced, wb, xmap = demo
    ws = wb[xmap.rab_sheets[1]]
    row = int(split_ref(xmap.rekap[2]["dibulatkan"])[1][1:]) + 1
    assert ws.cell(row, 1).value == f"Terbilang: {priced.packages[1].terbilang}"
    assert "tidak ikut berubah" in ws.cell(row, 1).comment.text


def test_analysis_block_links_the_price_list(demo):
    priced, wb, xmap = demo
    ws = wb["Analisa"]
    prices = [c.value for row in ws.iter_rows(min_col=6, max_col=6) for c in row
              if isinstance(c.value, str) and c.value.startswith("='Harga Dasar'!")]
    assert prices, "no analysis line references the price list"
    f_cells = [cell(wb, r).value for r in xmap.rates.values()]
    assert all(v.startswith("=ROUNDDOWN(G") and v.endswith(",-2)") for v in f_cells)


def test_demo_formulas_give_the_app_totals(demo):
    priced, wb, xmap = demo
    emulator = ExcelEmulator(grid_of(wb), "exact")
    for what, reference, expected in figures(priced, xmap):
        assert evaluate(wb, reference, emulator=emulator) == expected, what


#: the figures that are whole rupiah: equal to the rupiah, whatever the arithmetic
RUPIAH = ("amount", "subtotal", "JUMLAH", "PPN", "TOTAL", "DIBULATKAN")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(programs())
def test_generated_programmes_formulas_give_the_app_totals(program):
    priced = price_program(program)
    wb, xmap = build_rab_workbook(priced)
    exact = ExcelEmulator(grid_of(wb), "exact")
    excel = ExcelEmulator(grid_of(wb), "excel")
    for what, reference, expected in figures(priced, xmap):
        value = evaluate(wb, reference, emulator=exact)
        if what.endswith(RUPIAH):
            assert value == expected, what
        else:  # an unrounded rate: the book sums A+B+C in Python's 28-digit default context
            assert abs(value - expected) <= abs(expected) * Decimal("1e-25"), what
        # the float arithmetic of a spreadsheet, rounding on 15 digits as Excel does: every
        # rupiah figure exact; an unrounded rate (a book without rounding) to 15 digits
        got = excel_value(evaluate(wb, reference, emulator=excel))
        if what.endswith(RUPIAH):
            assert got == expected, what
        else:
            assert abs(got - expected) <= abs(expected) * Decimal("1e-14"), what


def test_export_service_writes_atomically_and_reopens(tmp_path: Path):
    program = build_demo_program(load_default_book())
    out, xmap = export_xlsx(program, tmp_path / "rab.xlsx")
    assert out.exists() and [p.name for p in tmp_path.iterdir()] == ["rab.xlsx"]
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == xmap.rab_sheets
    ref = xmap.rekap[2]["dibulatkan"]
    assert wb[split_ref(ref)[0]][split_ref(ref)[1]].value.startswith("=ROUNDDOWN(")
    with pytest.raises(ExportTargetError):
        export_xlsx(program, tmp_path / "rab.pdf")


def test_cancelled_export_leaves_nothing(tmp_path: Path):
    priced = price_program(build_demo_program(load_default_book()))
    with pytest.raises(XlsxExportCancelled):
        write_rab_xlsx(priced, tmp_path / "x.xlsx", cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_cli_export_xlsx(tmp_path: Path, capsys):
    from dtpl_studio.cli import main
    from dtpl_studio.services.project import create_demo

    create_demo(tmp_path / "demo.dtpl")
    assert main(["export", str(tmp_path / "demo.dtpl"), "--xlsx", str(tmp_path / "rab.xlsx")]) == 0
    assert "RAB xlsx ditulis" in capsys.readouterr().out
    assert (tmp_path / "rab.xlsx").exists()


def test_cli_refuses_bad_targets(tmp_path: Path):
    from dtpl_studio.cli import main
    from dtpl_studio.services.project import create_demo

    project = tmp_path / "demo.dtpl"
    create_demo(project)
    before = project.read_bytes()
    assert main(["export", str(project), "--xlsx", str(project)]) == 2
    assert main(["export", str(project), "--xlsx", str(tmp_path / "x.pdf")]) == 2
    assert main(["export", str(project), "--xlsx", str(tmp_path / "no" / "x.xlsx")]) == 2
    assert project.read_bytes() == before


def test_export_takes_the_target_lock(tmp_path: Path):
    from dtpl_studio.services.session import LockedError, target_lock

    program = build_demo_program(load_default_book())
    out = tmp_path / "rab.xlsx"
    with target_lock(out, "xlsx"), pytest.raises(LockedError):
        export_xlsx(program, out)
    assert not out.exists()
