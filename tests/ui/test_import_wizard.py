"""Berkas › Impor daftar harga…: the import wizard (issue 8 point 4), page by page, on small
files written here (a messy CSV with BOM, ``;``, title and section rows, Indonesian numbers,
an unknown unit; a US-number CSV; an HSPK JSON; a CSV with headings no importer knows), and
on the real public files when they are present."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QWizard

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.numbers import NumberConvention
from dtpl_studio.services.prices import list_editions
from dtpl_studio.ui.widgets import import_wizard
from dtpl_studio.ui.widgets.import_wizard import NEEDS_MAPPING, ImportWizard

SHOTS = Path("/work/notes/shots")

MESSY = (
    "\ufeffDAFTAR HARGA SATUAN UPAH DAN BAHAN;;;;\r\n"
    "Kota Contoh 2024;;;;\r\n"
    ";;;;\r\n"
    "Kode;Komponen;Satuan;Harga_Dasar;Kategori\r\n"
    "UPAH;;;;\r\n"
    "L.01;Pekerja;OH;126.000,00;Upah\r\n"
    "L.02;Tukang batu;OH;175.000,00;Upah\r\n"
    "MATERIAL;;;;\r\n"
    ';"Semen\nPortland";kg;1.450,50;Material\r\n'
    ";Pasir beton;m3;285.000;Material\r\n"
    ";Ijuk;ikat besar;12.500;Material\r\n"
    ";Paku;kg;21.000;Material\r\n"
)
US = (
    "Kode,Komponen,Satuan,Harga_Dasar,Kategori\n"
    'L.01,Pekerja,OH,"126,000.00",Upah\n'
    'M.01,Semen,kg,"1,450.50",Material\n'
    'M.02,Pasir,m3,"285,000.00",Material\n'
)
STRANGE = (  # headings no importer knows: the person maps the columns
    "Nama barang;Unit;Nilai (Rp)\n"
    "Pekerja;OH;126.000\n"
    "Semen;kg;1.450,50\n"
)
BAD = "Kode;Komponen;Satuan;Harga_Dasar;Kategori\nL.01;Pekerja;OH;12,34,5;Upah\nL.02;Mandor;OH;224.000;Upah\n"


def _hspk(tmp_path: Path) -> Path:
    records = [{"item_number": str(n), "work_code": f"1.1.{n}", "work_description": f"Pekerjaan {n}",
                "unit": unit, "unit_price_idr": price, "region": "Kota Contoh", "edition": "Edisi 1",
                "year": "2025", "sector": "Cipta Karya"}
               for n, (unit, price) in enumerate((("m2", 125000), ("m3", 980500), ("ls", 15000)), start=1)]
    path = tmp_path / "hspk_2025_Kota_Contoh.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _wizard(qtbot, path: Path, region: str = "Kota Contoh", year: str = "2024") -> ImportWizard:
    wizard = ImportWizard(path=path, pool=QThreadPool())
    qtbot.addWidget(wizard)
    if wizard.file_page.region.isEnabled() and not wizard.file_page.region.text():
        wizard.file_page.region.setText(region)
    if wizard.file_page.year.isEnabled() and not wizard.file_page.year.text():
        wizard.file_page.year.setText(year)
    wizard.show()
    return wizard


def _to_findings(qtbot, wizard: ImportWizard) -> None:
    wizard.next()
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.import_page
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)


# -- page 1 -----------------------------------------------------------------------------------
def test_file_page_requires_region_and_year_the_file_does_not_say(qtbot, tmp_path):
    wizard = ImportWizard(path=_csv(tmp_path, "harga.csv", MESSY), pool=QThreadPool())
    qtbot.addWidget(wizard)
    page = wizard.file_page
    assert wizard.preview.layout == "harga-csv"
    assert not page.isComplete()
    page.region.setText("Kota Contoh")
    assert not page.isComplete()
    page.year.setText("2024")
    assert page.isComplete()


def test_file_page_prefills_what_the_file_says(qtbot, tmp_path):
    wizard = ImportWizard(path=_hspk(tmp_path), pool=QThreadPool())
    qtbot.addWidget(wizard)
    assert wizard.file_page.region.text() == "Kota Contoh"
    assert wizard.file_page.year.text() == "2025"
    assert wizard.file_page.isComplete()


def test_file_page_says_why_a_file_cannot_be_read(qtbot, tmp_path):
    wizard = ImportWizard(pool=QThreadPool())
    qtbot.addWidget(wizard)
    assert not wizard.file_page.set_path(tmp_path / "tidak-ada.csv")
    assert wizard.file_page.status.text()
    assert not wizard.file_page.isComplete()


# -- page 2 -----------------------------------------------------------------------------------
def test_preview_of_the_messy_csv(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    wizard.next()
    page = wizard.preview_page
    p = wizard.preview
    assert (p.encoding, p.delimiter, p.header_line) == ("utf-8-sig", ";", 4)
    assert page.layout_box.currentData() == "harga-csv"
    assert page.table.item(p.header_index, 1).text() == "Komponen"
    assert page.table.item(p.header_index, 1).background().color().name() == "#fff1c2"
    assert page.table.verticalHeaderItem(p.header_index).text() == "▶ 4"
    assert page.convention.isVisibleTo(page) and page.convention.currentData() == NumberConvention.ID
    assert "utf-8-sig" in page.read_as.text()


def test_preview_detects_us_numbers_and_the_override_reaches_the_importer(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "us.csv", US))
    wizard.next()
    page = wizard.preview_page
    assert wizard.preview.convention is NumberConvention.US
    assert page.convention.currentData() == NumberConvention.US
    page.convention.setCurrentIndex(page.convention.findData(NumberConvention.ID))  # wrong on purpose
    _to_findings_from_preview(qtbot, wizard)
    _, report = wizard.result
    assert wizard.convention_choice is NumberConvention.ID
    assert any("dipilih pengguna" in note for note in report.notes)
    assert not report.usable  # '126,000.00' is no Indonesian number


def _to_findings_from_preview(qtbot, wizard):
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)


def test_preview_of_json_shows_the_convention_read_only(qtbot, tmp_path):
    wizard = _wizard(qtbot, _hspk(tmp_path))
    wizard.next()
    page = wizard.preview_page
    assert not page.convention.isVisibleTo(page)
    assert "JSON" in page.convention_note.text()
    assert page.table.item(0, 1).text() == "work_code"


def test_changing_the_layout_reads_the_file_again(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "aneh.csv", STRANGE))
    assert wizard.preview.layout is None
    wizard.next()
    page = wizard.preview_page
    assert not page.isComplete()
    page.layout_box.setCurrentIndex(page.layout_box.findData("harga-csv"))
    page._layout_chosen()
    assert wizard.preview.layout == "harga-csv" and page.isComplete()


# -- page 3 -----------------------------------------------------------------------------------
def test_mapping_of_a_csv_is_detected_and_overridable(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert page.mapping() == {"kode": 0, "komponen": 1, "satuan": 2, "harga": 3, "kategori": 4}
    page.combos["harga"].setCurrentIndex(0)
    assert not page.isComplete() and "harga" in page.problem.text()
    page.combos["harga"].setCurrentIndex(page.combos["harga"].findData(1))
    assert not page.isComplete() and "komponen" in page.problem.text()  # one column, two roles
    page.combos["harga"].setCurrentIndex(page.combos["harga"].findData(3))
    assert page.isComplete()


def test_unknown_headings_are_mapped_by_hand_and_imported(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "aneh.csv", STRANGE))
    wizard.next()
    preview_page = wizard.preview_page
    preview_page.layout_box.setCurrentIndex(preview_page.layout_box.findData("harga-csv"))
    preview_page._layout_chosen()
    wizard.next()
    page = wizard.mapping_page
    assert not page.isComplete()
    for role, col in (("komponen", 0), ("satuan", 1), ("harga", 2)):
        page.combos[role].setCurrentIndex(page.combos[role].findData(col))
    assert page.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=60000)
    book, report = wizard.result
    assert report.usable
    assert {r.name: r.price for r in book.resources.values()} == {"Pekerja": 126000, "Semen": 1450.5}


def test_mapping_of_a_fixed_layout_is_read_only(qtbot, tmp_path):
    wizard = _wizard(qtbot, _hspk(tmp_path))
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    assert not page.combos and page.fixed.isVisibleTo(page)
    assert page.fixed.item(3, 1).text() == "unit_price_idr"
    assert page.isComplete()


# -- page 4 -----------------------------------------------------------------------------------
def test_findings_filtered_by_severity_and_units_listed_apart(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    _to_findings(qtbot, wizard)
    page = wizard.import_page
    _, report = wizard.result
    assert page.filter.count() == 4
    warnings = [f for f in report.findings if f.severity is Severity.WARNING]
    page.filter.setCurrentIndex(page.filter.findData(Severity.WARNING))
    assert page.findings.topLevelItemCount() == len(warnings) > 0
    assert page.filter.currentText().endswith(f"({len(warnings)})")
    page.filter.setCurrentIndex(0)
    assert page.findings.topLevelItemCount() == len(report.findings)
    assert page.units.topLevelItemCount() == 1
    assert page.units.topLevelItem(0).text(0) == "ikat besar"
    assert page.map_units.isEnabled()  # Petakan satuan… (tests/ui/test_unit_mapping_dialog.py)
    assert "ikat besar" not in {r.unit for r in wizard.result[0].resources.values()}


def test_double_click_on_a_finding_selects_its_row(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    _to_findings(qtbot, wizard)
    page = wizard.import_page
    row = next(page.findings.topLevelItem(i) for i in range(page.findings.topLevelItemCount())
               if page._shown[i].code == NEEDS_MAPPING)
    page.findings.scrollToItem(row)
    rect = page.findings.visualItemRect(row)
    viewport = page.findings.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # press, release,
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # then the double click
    grid = page.cell_grid
    selected = {i.row() for i in grid.selectionModel().selectedRows()}
    assert len(selected) == 1
    (at,) = selected
    assert grid.verticalHeaderItem(at).text() == "12"  # the quoted two-line name took lines 9-10
    assert grid.item(at, 2).text() == "ikat besar"
    assert grid.horizontalHeaderItem(2).text().startswith("▼")
    preview_rows = {i.row() for i in wizard.preview_page.table.selectionModel().selectedRows()}
    assert preview_rows == {next(i for i, (n, _) in enumerate(wizard.preview.rows) if n == 12)}


def test_the_multiline_name_is_found_at_its_first_line(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    _to_findings(qtbot, wizard)
    page = wizard.import_page
    finding = next(f for f in wizard.result[1].findings if f.code == "name-multiline")
    page.show_cell(finding)
    (at,) = {i.row() for i in page.cell_grid.selectionModel().selectedRows()}
    assert page.cell_grid.item(at, 1).text() == "Semen Portland"


def test_cancel_during_the_import_stores_nothing(qtbot, tmp_path, monkeypatch):
    release = threading.Event()
    real = import_wizard.run_import

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_wizard, "run_import", slow)
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    wizard.next()
    wizard.next()
    wizard.next()
    page = wizard.import_page
    task = page.task
    assert page.running() and page.cancel_button.isEnabled()
    page.cancel_button.click()
    assert "dibatalkan" in page.state.text() and not page.isComplete()
    release.set()
    qtbot.waitUntil(task.done.is_set, timeout=20000)
    qtbot.wait(50)
    assert wizard.result is None and not page.isComplete()
    wizard.reject()
    assert list_editions()[0] == []


# -- page 5 -----------------------------------------------------------------------------------
def test_commit_stores_one_edition_and_offers_the_library(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "harga.csv", MESSY))
    _to_findings(qtbot, wizard)
    wizard.next()
    page = wizard.commit_page
    assert wizard.currentPage() is page and page.commit_button.isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    opened = []
    wizard.library_opener = opened.append
    page.publish.setChecked(True)
    with qtbot.waitSignal(wizard.committed) as stored:
        page.commit_button.click()
    editions, _ = list_editions()
    assert len(editions) == 1 and editions[0].id == stored.args[0] == wizard.edition_id
    assert editions[0].published and editions[0].region == "Kota Contoh" and editions[0].year == 2024
    assert f"#{wizard.edition_id}" in page.outcome.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.open_library_requested) as asked:
        page.open_library.click()
    assert asked.args == [wizard.edition_id] and opened == [wizard.edition_id]
    page.commit()  # a second press stores nothing more
    assert len(list_editions()[0]) == 1


def test_a_report_that_is_not_usable_refuses_the_commit(qtbot, tmp_path):
    wizard = _wizard(qtbot, _csv(tmp_path, "rusak.csv", BAD))
    _to_findings(qtbot, wizard)
    assert not wizard.result[1].usable
    wizard.next()
    page = wizard.commit_page
    assert not page.commit_button.isEnabled()
    assert "tidak ada yang disimpan" in page.outcome.text().casefold()
    page.commit()
    assert list_editions()[0] == []


def test_main_window_has_the_menu_entry(qtbot):
    from dtpl_studio.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.import_prices_action in window.menuBar().actions()[0].menu().actions()
    window.import_prices_action.trigger()
    assert isinstance(window.import_wizard, ImportWizard)
    window.import_wizard.close()

    class Library:  # the library window of another branch: reload(), select_edition(id)
        calls: list = []

        def reload(self):
            self.calls.append("reload")

        def select_edition(self, edition_id):
            self.calls.append(edition_id)

    library = Library()
    window.library_window = lambda: library
    window.import_prices_action.trigger()
    window.import_wizard.library_opener(7)
    assert library.calls == ["reload", 7]
    window.import_wizard.close()


# -- the real files ---------------------------------------------------------------------------
@pytest.mark.parametrize(("folder", "name", "layout"), [
    ("upah-bahan-csv", "Upah Bahan.csv", "harga-csv"),
    ("ssh-pangandaran-2023", "tb_ssh_2023.csv", "ssh-csv"),
])
def test_real_price_lists_through_the_wizard(qtbot, public_data, folder, name, layout):
    path = public_data / folder / name
    wizard = _wizard(qtbot, path, region="Kabupaten Contoh")
    assert wizard.preview.layout == layout
    shots = [wizard.grab()]
    wizard.next()
    assert wizard.preview.header_line == 1
    shots.append(wizard.grab())
    wizard.next()
    assert wizard.mapping_page.isComplete()
    shots.append(wizard.grab())
    wizard.next()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=120000)
    page = wizard.import_page
    book, report = wizard.result
    assert report.usable and book.resources
    row = next(page.findings.topLevelItem(i) for i in range(page.findings.topLevelItemCount())
               if page._shown[i].severity is Severity.WARNING and "baris" in page._shown[i].location)
    page._double_clicked(row)
    assert page.cell_grid.selectionModel().selectedRows()
    shots.append(wizard.grab())
    page.tabs.setCurrentIndex(1)
    shots.append(wizard.grab())
    wizard.next()
    wizard.commit_page.commit_button.click()
    assert len(list_editions()[0]) == 1
    shots.append(wizard.grab())
    if SHOTS.is_dir():
        stem = Path(name).stem.replace(" ", "-").lower()
        for n, shot in enumerate(shots, start=1):
            shot.save(str(SHOTS / f"wizard-real-{stem}-{n}.png"))


def test_double_click_on_an_xlsx_finding_shows_the_cell_among_its_neighbours(qtbot, tmp_path):
    from openpyxl import Workbook

    from dtpl_studio.costing.findings import Finding

    wb = Workbook()
    ws = wb.active
    ws.title = "Persiapan"
    for r in range(1, 12):
        for c in range(1, 8):
            ws.cell(r, c, f"{chr(64 + c)}{r}")
    ws["E6"] = "0,1667"
    path = tmp_path / "ahsp.xlsx"
    wb.save(path)
    wizard = _wizard(qtbot, path)
    assert wizard.preview.kind == "xlsx" and wizard.preview.layout == "ahsp-xlsx"
    page = wizard.import_page
    page.show_cell(Finding(Severity.WARNING, "teks angka", location="ahsp.xlsx | Persiapan!E6", raw="0,1667"))
    grid = page.cell_grid
    (at,) = {i.row() for i in grid.selectionModel().selectedRows()}
    assert grid.verticalHeaderItem(at).text() == "6"
    assert [grid.horizontalHeaderItem(c).text() for c in range(grid.columnCount())] == [
        "B", "C", "D", "▼ E", "F", "G", "H"]
    assert grid.item(at, 3).text() == "0,1667"
    assert "Persiapan" in page.cell_label.text() and "E6" in page.cell_label.text()
    page.show_cell(Finding(Severity.WARNING, "x", location="ahsp.xlsx | Tidak ada!A1"))
    assert "Tidak ada" in page.cell_label.text() and page.cell_grid.rowCount() == 0  # the reason, no traceback
    page.show_cell(Finding(Severity.WARNING, "x", location="ahsp.xlsx | Persiapan!B2:B4"))
    assert grid.verticalHeaderItem(next(iter({i.row() for i in grid.selectionModel().selectedRows()}))).text() == "2"


def test_an_edition_package_is_sent_elsewhere(qtbot, tmp_path):
    path = tmp_path / "edisi.dtplharga"
    path.write_bytes(b"DTPL-STUDIO-EDITION-PACKAGE 1\n{}")
    wizard = ImportWizard(path=path, pool=QThreadPool())
    qtbot.addWidget(wizard)
    assert wizard.preview is None and not wizard.file_page.isComplete()
    assert ".dtplharga" in wizard.file_page.status.text()


def test_a_layout_chosen_later_keeps_what_was_typed_and_asks_for_what_it_lacks(qtbot, tmp_path):
    wizard = ImportWizard(path=_csv(tmp_path, "aneh.csv", STRANGE), pool=QThreadPool())
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.file_page.isComplete()  # nothing known from the file: both asked
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.file_page.region.setText("Kota Contoh")
    wizard.file_page.year.setText("2024")
    wizard.next()
    page = wizard.preview_page
    assert wizard.currentPage() is page and not page.isComplete()  # no layout yet
    page.layout_box.setCurrentIndex(page.layout_box.findData("harga-csv"))
    page._layout_chosen()
    assert wizard.file_page.region.text() == "Kota Contoh" and page.isComplete()
    wizard.file_page.region.clear()
    page.show_preview()
    assert not page.isComplete() and "halaman 1" in page.read_as.text()
