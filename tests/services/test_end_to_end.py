"""Demo → .dtpl → PDF → text: the printed totals equal the core's totals; CLI exit codes."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from dtpl_studio.cli import main
from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.services.project import export_pdf, open_project, save_project


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    project = folder / "demo.dtpl"
    assert main(["demo", str(project)]) == 0
    pdf = folder / "demo.pdf"
    assert main(["export", str(project), "--pdf", str(pdf)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    return project, pdf, text


def test_demo_is_a_realistic_plpbk_programme():
    program = build_demo_program(load_default_book())
    priced = price_program(program)
    fisik = next(p for p in priced.packages if p.package.component is Component.FISIK)
    items = list(fisik.items())
    assert len(fisik.sections) >= 4 and len(items) >= 10
    assert all(i.error == "" for i in items)
    beton = next(i for i in items if i.item.description.lower().startswith("beton rabat"))
    # 150 × 2,5 × 0,12 = 45 m3 minus two 0,8 × 0,8 × 0,12 lids
    assert beton.volume == Decimal("44.85")
    assert 100_000_000 < fisik.rounded < 700_000_000
    assert priced.passed


def test_pdf_totals_equal_core_totals(demo_files):
    project, _pdf, text = demo_files
    priced = price_program(open_project(project))
    flat = re.sub(r"\s+", " ", text)
    for pp in priced.packages:
        for figure in (pp.direct, pp.rounded):
            assert format_rupiah(figure) in flat, f"{format_rupiah(figure)} missing from the PDF"
        assert pp.terbilang.split()[0] in flat.lower()
    for chk in priced.checks:
        assert format_rupiah(chk.amount) in flat
        assert format_rupiah(chk.ceiling) in flat


def test_saved_project_prices_like_the_built_one(demo_files):
    project, _pdf, _text = demo_files
    built = price_program(build_demo_program(load_default_book()))
    loaded = price_program(open_project(project))
    assert [p.rounded for p in built.packages] == [p.rounded for p in loaded.packages]


def test_check_exit_code_follows_the_blm_check(demo_files, tmp_path, capsys):
    project, _pdf, _text = demo_files
    assert main(["check", str(project)]) == 0
    program = open_project(project)
    plan = next(p for p in program.packages if p.component is Component.PERENCANAAN)
    next(plan.items()).volume = Decimal(60)  # 60 OB × Rp 6 juta: over the Rp 300 juta ceiling
    over = tmp_path / "over.dtpl"
    save_project(program, over)
    assert main(["check", str(over)]) == 1
    assert "TIDAK LULUS" in capsys.readouterr().out


def test_cli_errors_are_messages_not_tracebacks(tmp_path, capsys):
    bogus = tmp_path / "not-a-project.dtpl"
    bogus.write_text("hello")
    assert main(["check", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert "not-a-project.dtpl" in err and "Traceback" not in err
    assert main(["export", str(tmp_path / "missing.dtpl"), "--pdf", str(tmp_path / "x.pdf")]) == 2


def test_export_writes_a_pdf_with_every_section(tmp_path):
    program = build_demo_program(load_default_book())
    out = export_pdf(program, tmp_path / "out.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(out).pages).lower()
    for heading in ("rekapitulasi", "analisa", "harga satuan", "pagu"):
        assert heading in text


def test_import_prices_stores_a_draft_edition_once(public_data, tmp_path, capsys):
    workbook = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    library = tmp_path / "library.sqlite"
    report = tmp_path / "report.txt"
    assert main(["import-prices", str(workbook), "--library", str(library), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "664 dari 670 sama persis" in out and "ditambahkan sebagai edisi draf #1" in out
    assert "Pasangan Dinding!F297" in report.read_text(encoding="utf-8")
    assert main(["import-prices", str(workbook), "--library", str(library)]) == 0
    assert "sudah tersimpan sebagai edisi #1" in capsys.readouterr().out
    from dtpl_studio.storage.library import PriceLibrary

    with PriceLibrary(str(library)) as lib:
        book = lib.load_edition(1)
    assert book.content_hash() == load_default_book().content_hash()


def test_import_prices_into_a_team_library_on_postgresql(public_data, pg_url, capsys):
    """``--library postgresql+psycopg://…``: the same edition, once, on the server."""
    from sqlalchemy.engine import make_url

    from dtpl_studio.storage.library import PriceLibrary

    workbook = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    url = make_url(pg_url).set(password="rahasia").render_as_string(hide_password=False)
    assert main(["import-prices", str(workbook), "--library", url]) == 0
    out = capsys.readouterr().out
    assert "ditambahkan sebagai edisi draf #1" in out and "rahasia" not in out and "***" in out
    assert main(["import-prices", str(workbook), "--library", pg_url]) == 0
    assert "sudah tersimpan sebagai edisi #1" in capsys.readouterr().out
    with PriceLibrary(pg_url) as lib:
        assert lib.load_edition(1).content_hash() == load_default_book().content_hash()


def test_import_prices_rejects_other_files_with_a_message(tmp_path, capsys):
    bogus = tmp_path / "prices.xlsx"
    bogus.write_bytes(b"not a zip at all")
    assert main(["import-prices", str(bogus), "--no-library"]) == 2
    err = capsys.readouterr().err
    assert "prices.xlsx" in err and "Traceback" not in err
    assert "bukan buku kerja Excel .xlsx" in err and "zip" not in err


def test_export_refuses_targets_that_would_destroy_something(demo_files, tmp_path, capsys):
    project, _pdf, _text = demo_files
    before = project.read_bytes()
    assert main(["export", str(project), "--pdf", str(project)]) == 2
    assert project.read_bytes() == before
    assert main(["export", str(project), "--pdf", str(tmp_path)]) == 2
    assert main(["export", str(project), "--pdf", str(tmp_path / "no" / "x.pdf")]) == 2
    assert main(["export", str(project), "--pdf", str(tmp_path / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert "berkas masukan itu sendiri" in err and "harus berakhiran .pdf" in err and "tidak ada" in err
    assert "tidak terduga" not in err


def test_an_import_with_errors_writes_and_stores_nothing(tmp_path, monkeypatch, capsys):
    from dtpl_studio.costing.findings import Severity
    from dtpl_studio.costing.pricebook import PriceBook
    from dtpl_studio.services import prices
    from dtpl_studio.spreadsheets.report import ImportReport

    report = ImportReport("broken.xlsx")
    report.findings.add(Severity.ERROR, "no cached values", location="broken.xlsx | Beton!H12")
    monkeypatch.setattr(prices, "import_prices", lambda path, **options: (PriceBook(), report))
    library, edition = tmp_path / "library.sqlite", tmp_path / "edition"
    code = main(["import-prices", str(tmp_path / "broken.xlsx"), "--library", str(library),
                 "--write-edition", str(edition)])
    assert code == 1
    assert not edition.exists() and not library.exists()
    assert "TIDAK DAPAT DIPAKAI" in capsys.readouterr().out


def test_cli_never_overwrites_inputs_or_other_kinds_of_file(demo_files, tmp_path, capsys):
    project, pdf, _text = demo_files
    workbook = tmp_path / "AHSP.xlsx"
    workbook.write_bytes(b"PK fake workbook")
    before = {p: p.read_bytes() for p in (project, pdf, workbook)}
    # --report onto the input, a project, a PDF, a folder: refused before any import work
    for target in (workbook, project, pdf, tmp_path):
        assert main(["import-prices", str(workbook), "--report", str(target), "--no-library"]) == 2
    # --write-edition into a folder that is not an edition
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "keep.txt").write_text("mine")
    assert main(["import-prices", str(workbook), "--write-edition", str(tmp_path / "stuff"), "--no-library"]) == 2
    # demo --force only replaces a DTPL project, and the name must end in .dtpl
    library = tmp_path / "library.sqlite"
    library.write_bytes(b"SQLite format 3\x00 not a project")
    assert main(["demo", str(library), "--force"]) == 2
    assert main(["demo", str(pdf), "--force"]) == 2
    assert main(["demo", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "berkas masukan itu sendiri" in err and "harus berakhiran .txt" in err
    assert "bukan folder edisi buku harga" in err
    assert "harus berakhiran .dtpl" in err and "Traceback" not in err
    assert all(p.read_bytes() == b for p, b in before.items())
    assert library.read_bytes().startswith(b"SQLite format 3\x00 not a project")
    assert (tmp_path / "stuff" / "keep.txt").read_text() == "mine"
    assert main(["demo", str(project), "--force"]) == 0  # a project may be replaced


def test_a_project_path_alone_opens_the_window(monkeypatch, tmp_path):
    import dtpl_studio.ui.app as ui_app

    seen = {}
    monkeypatch.setattr(ui_app, "run_gui", lambda argv, path: seen.setdefault("path", path) and 0)
    main([str(tmp_path / "x.dtpl")])
    assert seen["path"] == tmp_path / "x.dtpl"
