"""Screenshots of the real window, offscreen, in Indonesian and English (``make screenshots``).

Writes PNGs into the folder given (default ``docs/img``): the main window on the demo project,
the welcome, the About box, the save prompt and Qt's (non-native) file dialog, the BLM panel in
its pass, warning and fail states and each tab of the Program BLM dialog, the Jadwal
pelaksanaan dan kurva S window, Pengaturan proyek, back-up lines, the Rekap kebutuhan dock, the
Impor RAB report (a small CSV), the Lampiran and Spesifikasi windows, and the window after Berkas › Proyek baru… (empty, then with three items), for each language
(``<name>-id.png``, ``<name>-en.png``). Uses a temporary user data folder, never the real one.

``--blm-pdf`` also exports the demo's PDF in the three BLM states and renders the first page
of its BLM chapter with ``pdftoppm -r 60`` (``blm-pdf-<state>.png``; Poppler must be installed).

The three states are the demo project edited through the window's own undoable edits:
*warning* is the demo as shipped (LULUS DENGAN CATATAN: its book is accepted with a recorded
reason, KSM overhead); *pass* prices it from a regional, published edition of the same book
(the shipped book re-labelled, for the picture only) with no overhead E; *fail* lowers the
physical ceiling below the package.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

_home = tempfile.mkdtemp(prefix="dtpl-shots-")
# an offscreen screen of a laptop's size (the plugin's default is 800x800)
_screen = Path(_home) / "offscreen.json"
_screen.write_text('{"screens": [{"name": "shots", "x": 0, "y": 0, "width": 1440, "height": 900, '
                   '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ["DTPL_STUDIO_HOME"] = _home
os.environ["DTPL_STUDIO_SETTINGS"] = str(Path(_home) / "settings.ini")
os.environ["DTPL_STUDIO_LIBRARY"] = str(Path(_home) / "library.sqlite")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from dtpl_studio.ui import settings  # noqa: E402
from dtpl_studio.ui.strings import set_language, tr  # noqa: E402


def _settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget, out: Path, app) -> Path:
    widget.show()
    _settle(app)
    widget.grab().save(str(out))
    print(out)
    return out


BLM_STATES = ("pass", "warning", "fail")


def blm_state(window, state: str) -> None:
    """Bring the open demo to ``state`` (see the module docstring) through undoable edits."""
    from dtpl_studio.costing import edits
    from dtpl_studio.costing.funding import Component, FundingRule
    from dtpl_studio.ui.commands import push_edit

    doc = window.doc
    while doc.undo_stack.canUndo():  # back to the demo as shipped (the warning state)
        doc.undo_stack.undo()
    program = doc.program
    relabelled = getattr(window, "_shots_books", {})
    for package in program.packages:  # the book as shipped again
        if package.id in relabelled:
            package.book.meta = dataclasses.replace(package.book.meta, **relabelled[package.id])
    window._shots_books = {}
    if state == "pass":
        for package in program.packages:
            meta = package.book.meta
            window._shots_books[package.id] = {"region": meta.region, "status": meta.status, "year": meta.year}
            package.book.meta = dataclasses.replace(meta, region=program.kota, status="published",
                                                    year=program.fiscal_year)
            push_edit(doc, edits.Compound((
                edits.set_package(package.id, price_basis_note=""),
                edits.SetBookMeta(package.id, (("default_overhead_pct", Decimal(0)),)),
            )), tr("cmd.settings"))
    elif state == "fail":
        fisik = [r for r in program.rules if r.component is Component.FISIK]
        amount = doc.priced.verdict.totals.blm_by_component[Component.FISIK].rounded
        step = Decimal(10_000_000)
        low = FundingRule(fisik[0].program, Component.FISIK, amount // step * step, fisik[0].source_ref,
                          "pagu contoh untuk gambar", program.fiscal_year)
        push_edit(doc, edits.set_rules([*program.rules, low]), tr("cmd.blm_rule_add"))
    window._on_repriced(False)


def shoot_blm(window, out_dir: Path, code: str, app) -> list[Path]:
    """The BLM panel in each state and the Program BLM dialog's tabs (in the fail state)."""
    written = []
    window.blm_dock.raise_()
    for state in BLM_STATES:
        blm_state(window, state)
        _settle(app)
        written.append(_save(window.blm_dock, out_dir / f"blm-panel-{state}-{code}.png", app))
    dialog = window.make_blm_program_dialog()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        written.append(_save(dialog, out_dir / f"blm-program-{tab + 1}-{code}.png", app))
    dialog.close()
    return written


#: A small RAB export as a kelurahan keeps one (semicolon CSV, Indonesian numbers) for the
#: Impor RAB report: one division, a rate missing, a subtotal that does not add up.
RAB_SAMPLE = """RENCANA ANGGARAN BIAYA
Kegiatan;MCK komunal RW 04
;
No;Uraian Pekerjaan;Volume;Satuan;Harga Satuan (Rp);Jumlah Harga (Rp)
A;PEKERJAAN PERSIAPAN;;;;
1;Pembersihan lokasi;24,00;m2;11.700;280.800
2;Pengukuran dan pemasangan bouwplank;18,00;m';171.200;3.081.600
3;Papan nama kegiatan;1;NOS;450.000;450.000
;Sub Total A;;;;3.812.400
B;PEKERJAAN TANAH;;;;
1;Galian tanah biasa;14,40;m3;88.500;1.274.400
2;Urugan pasir bawah lantai;1,44;m3;;
;Sub Total B;;;;1.274.400
"""


def shoot_guide_pictures(window, out_dir: Path, code: str, app) -> list[Path]:
    """The pictures of the guide's chapters on the demo: Pengaturan proyek, Data umum, an item's back-up
    lines (the physical package's galian, a deducting line shown), the Rekap kebutuhan dock,
    the Lampiran and Spesifikasi windows."""
    written = []
    window.packages.setCurrentRow(len(window.doc.program.packages) - 1)
    _settle(app)
    settings_dialog = window.make_settings_dialog()
    written.append(_save(settings_dialog, out_dir / f"settings-{code}.png", app))
    settings_dialog.close()
    data_umum = window.make_data_umum_dialog()
    written.append(_save(data_umum, out_dir / f"data-umum-{code}.png", app))
    data_umum.close()
    package = window.rab_editor.package
    item = (next((i for i in package.items() if any(m.sign < 0 for m in i.measurements)), None)
            or next((i for i in package.items() if len(i.measurements) > 1), None) or next(package.items()))
    window.rab_editor.select_id(item.id)
    _settle(app)
    written.append(_save(window.centralWidget(), out_dir / f"backup-{code}.png", app))
    window.rekap_dock.raise_()
    window.rekap_dock.setFloating(True)  # wide enough for its quantity columns
    window.rekap_dock.resize(940, 640)
    _settle(app)
    written.append(_save(window.rekap_dock, out_dir / f"rekap-{code}.png", app))
    window.rekap_dock.setFloating(False)
    window.catalogue_dock.raise_()
    sample = Path(_home) / "RAB MCK RW 04.csv"
    sample.write_text(RAB_SAMPLE, encoding="utf-8")
    report = window.make_import_rab_dialog(sample)
    if report is not None:
        report.resize(1000, 560)
        written.append(_save(report, out_dir / f"impor-rab-{code}.png", app))
        report.close()
    window.attachments_dialog()
    attachments = window._attachments
    attachments.resize(1000, 560)
    written.append(_save(attachments, out_dir / f"lampiran-{code}.png", app))
    attachments.close()
    window.specs_dialog()
    if window._specs is not None:
        window._specs.resize(1100, 640)
        written.append(_save(window._specs, out_dir / f"spesifikasi-{code}.png", app))
        window._specs.close()
    return written


def shoot_new_project(out_dir: Path, code: str, app) -> list[Path]:
    """The window right after Berkas › Proyek baru… (one empty physical package)."""
    from dtpl_studio.ui.app import create_main_window

    project = Path(_home) / "Demo Sukamaju.dtpl"
    window = create_main_window(project)
    window.resize(1440, 900)
    folder = Path(_home) / code
    folder.mkdir(exist_ok=True)
    window.new_project(folder / "Kelurahan Mekarsari 2025.dtpl")
    window.statusBar().clearMessage()  # it names the temporary folder
    _settle(app)
    shots = [_save(window, out_dir / f"new-project-{code}.png", app)]
    # then filled as a facilitator would: items from the catalogue, volumes typed in the tree
    from PySide6.QtCore import Qt

    from dtpl_studio.ui.models.rab_model import Col

    for item_code, volume in (("A.22", "48"), ("B.1", "36,5"), ("F.26", "12,75")):
        item = window.add_from_catalogue(item_code)
        editor = window.rab_editor
        editor.select_id(item.id, Col.VOLUME)
        editor.model.setData(editor.view.currentIndex(), volume, Qt.ItemDataRole.EditRole)
    window.statusBar().clearMessage()
    _settle(app)
    shots.append(_save(window, out_dir / f"new-project-filled-{code}.png", app))
    window.save()  # else closing asks about the unsaved items (a modal box: the script would wait)
    window.close()
    _settle(app)
    return shots


def shoot_blm_pdf(out_dir: Path) -> list[Path]:
    """The first page of the PDF's BLM chapter in each state (``pdftoppm -r 60``)."""
    from pypdf import PdfReader

    from dtpl_studio.services.project import export_pdf
    from dtpl_studio.ui.app import create_main_window

    app = QApplication.instance()
    project = Path(_home) / "Demo Sukamaju.dtpl"
    window = create_main_window(project)
    written = []
    for state in BLM_STATES:
        blm_state(window, state)
        pdf = Path(_home) / f"blm-{state}.pdf"
        export_pdf(window.doc.program, pdf)
        pages = [n for n, page in enumerate(PdfReader(pdf).pages, start=1)
                 if "Kesimpulan pemeriksaan" in (page.extract_text() or "")]
        stem = out_dir / f"blm-pdf-{state}"
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(pages[0]), "-l", str(pages[-1] + 1),
                        str(pdf), str(stem)], check=True)
        for png in sorted(out_dir.glob(f"blm-pdf-{state}-*.png")):
            print(png)
            written.append(png)
    blm_state(window, "warning")
    window.doc.undo_stack.setClean()
    window.close()
    _settle(app)
    return written


def shoot(out_dir: Path, languages=("id", "en"), blm_pdf: bool = False) -> list[Path]:
    """Take every screenshot; returns the files written."""
    from dtpl_studio.services.project import create_demo
    from dtpl_studio.ui.about import about_text
    from dtpl_studio.ui.app import create_main_window
    from dtpl_studio.ui.welcome import WelcomeDialog

    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    app = QApplication.instance() or QApplication(["dtpl-studio"])
    app.setStyle("Fusion")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    project = Path(_home) / "Demo Sukamaju.dtpl"
    create_demo(project, force=True)
    for code in languages:
        set_language(code)
        window = create_main_window(project)
        window.resize(1440, 900)
        written.append(_save(window, out_dir / f"window-{code}.png", app))
        welcome = WelcomeDialog(window)
        written.append(_save(welcome, out_dir / f"welcome-{code}.png", app))
        welcome.close()
        about = QMessageBox(QMessageBox.Icon.Information, tr("action.about").replace("&", ""),
                            about_text(), QMessageBox.StandardButton.Ok, window)
        written.append(_save(about, out_dir / f"about-{code}.png", app))
        about.close()
        # the save prompt as dialogs.ask_save_changes builds it (shown, not executed)
        prompt = QMessageBox(QMessageBox.Icon.Question, tr("dlg.unsaved.title"),
                             tr("dlg.unsaved.text", name=project.name),
                             QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                             | QMessageBox.StandardButton.Cancel, window)
        written.append(_save(prompt, out_dir / f"save-prompt-{code}.png", app))
        prompt.close()
        dialog = QFileDialog(window, tr("dlg.open.title"), str(project.parent), tr("dlg.filter.project"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.resize(820, 480)
        written.append(_save(dialog, out_dir / f"file-dialog-{code}.png", app))
        dialog.close()
        written += shoot_blm(window, out_dir, code, app)
        jadwal = window.make_jadwal_dialog()  # the physical package's schedule and kurva S
        jadwal.package_box.setCurrentIndex(jadwal.package_box.count() - 1)
        jadwal.resize(1200, 620)
        written.append(_save(jadwal, out_dir / f"jadwal-{code}.png", app))
        jadwal.close()
        written += shoot_guide_pictures(window, out_dir, code, app)
        blm_state(window, "warning")
        window.doc.undo_stack.setClean()  # the pictures' edits are not saved
        window.close()
        _settle(app)
        written += shoot_new_project(out_dir, code, app)
    set_language("id")
    if blm_pdf:
        if shutil.which("pdftoppm") is None:
            print("pdftoppm not found (Poppler): no BLM PDF pages", file=sys.stderr)
        else:
            written += shoot_blm_pdf(out_dir)
    return written


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shoot(Path(args[0]) if args else Path("docs/img"), blm_pdf="--blm-pdf" in sys.argv)
