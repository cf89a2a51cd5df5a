"""``dtpl-studio import-rab`` and the import service: the new project saves, reopens, prices
like the import and prints; overwrite refused without ``--force``; one undo step in a session."""

from __future__ import annotations

from decimal import Decimal

from pypdf import PdfReader

from dtpl_studio.cli import main
from dtpl_studio.costing.rab import price_package
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.services.project import export_pdf, open_project
from dtpl_studio.services.rab_import import insert_edit, read_rab
from dtpl_studio.services.session import ProjectSession
from tests.spreadsheets.test_rab_import import typical, write


def test_cli_writes_a_project_that_reopens_and_prints(tmp_path, capsys):
    source = write(tmp_path / "rab.xlsx", {"RAB": typical()})
    out, report = tmp_path / "baru.dtpl", tmp_path / "laporan.txt"
    assert main(["import-rab", str(source), "--out", str(out), "--report", str(report)]) == 0
    printed = capsys.readouterr().out
    assert "subtotal impor (biaya langsung): Rp 1.925.500" in printed
    assert "subtotal berkas sendiri: Rp 1.925.500 (" in printed and "sama sampai sen" in printed
    assert "rab.no-rate" in report.read_text(encoding="utf-8")
    program = open_project(out)
    (package,) = program.packages
    assert price_package(package).direct == Decimal("1925500")
    bouwplank = list(package.items())[1]
    assert [f.value for f in bouwplank.measurements[0].factors] == [18, 2]
    assert bouwplank.custom_reason == "impor dari rab.xlsx!E9"
    pdf = export_pdf(program, tmp_path / "rab.pdf", project_path=out)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Pasang bouwplank" in text and "1.925.500" in text
    # an existing file is never replaced without --force
    assert main(["import-rab", str(source), "--out", str(out)]) == 2
    assert main(["import-rab", str(source), "--out", str(out), "--force"]) == 0
    # not a project name, not a RAB
    assert main(["import-rab", str(source), "--out", str(tmp_path / "x.pdf")]) == 2
    assert main(["import-rab", str(tmp_path / "none.xlsx"), "--out", str(tmp_path / "y.dtpl")]) == 2


def test_cli_writes_nothing_when_a_cell_is_refused(tmp_path, capsys):
    rows = typical()
    rows[7][3] = "#REF!"
    source = write(tmp_path / "bad.xlsx", {"RAB": rows})
    out = tmp_path / "bad.dtpl"
    assert main(["import-rab", str(source), "--out", str(out)]) == 1
    assert not out.exists()
    assert "TIDAK DAPAT DIPAKAI" in capsys.readouterr().out


def test_insert_into_open_project_is_one_undo_step(tmp_path):
    result = read_rab(write(tmp_path / "rab.xlsx", {"RAB": typical()}))
    session = ProjectSession.untitled(build_demo_program(load_default_book()))
    before = len(session.program.packages)
    inverse = session.apply(insert_edit(result))
    assert len(session.program.packages) == before + 1
    assert session.program.packages[-1] is result.package
    session.apply(inverse)
    assert len(session.program.packages) == before


def test_real_workbook_saves_reopens_and_prints(public_data, tmp_path, capsys):
    out = tmp_path / "kontraktor.dtpl"
    assert main(["import-rab", str(public_data / "rab-contractor-2025" / "RAB.xlsx"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "subtotal berkas sendiri: Rp 135.123.857,91" in printed
    assert "subtotal impor (biaya langsung): Rp 135.543.858" in printed
    assert "dijelaskan seluruhnya per baris" in printed
    program = open_project(out)
    assert price_package(program.packages[0]).direct == Decimal("135543858")
    pdf = export_pdf(program, tmp_path / "kontraktor.pdf", project_path=out)
    assert len(PdfReader(pdf).pages) > 3
