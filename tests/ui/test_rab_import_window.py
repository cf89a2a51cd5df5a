"""Berkas › Impor RAB… (issue 10 point 8): the report dialog with its findings, the package
added to the open project as one undo step; a file that cannot be imported is an error
message, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from dtpl_studio.costing.rab import price_package
from dtpl_studio.ui.strings import tr
from tests.spreadsheets.test_rab_import import typical, write


def test_import_rab_dialog_then_one_undo_step(window, tmp_path):
    win = window
    source = write(tmp_path / "rab.xlsx", {"RAB": typical()})
    before = list(win.doc.program.packages)
    assert win.import_rab_action in win.menuBar().actions()[0].menu().actions()
    dialog = win.make_import_rab_dialog(source)
    assert dialog is not None and dialog.findings.topLevelItemCount() == len(dialog.result.report.findings)
    assert "Rp 1.925.500" in dialog.summary.text()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and ok.text() == tr("dlg.import_rab.add")
    shots = Path(os.environ.get("DTPL_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    dialog.show()
    dialog.grab().save(str(shots / "import-rab-dialog.png"))
    dialog.close()
    assert win.add_imported_rab(dialog.result)
    assert win.doc.program.packages == [*before, dialog.result.package]
    assert win.rab_editor.package is dialog.result.package
    assert price_package(win.doc.program.packages[-1]).direct == 1925500
    win.grab().save(str(shots / "import-rab-window.png"))
    win.undo()
    assert win.doc.program.packages == before
    win.redo()
    assert win.doc.program.packages[-1] is dialog.result.package


def test_unreadable_file_is_an_error_message(window, tmp_path, shown):
    bogus = tmp_path / "bukan.xlsx"
    bogus.write_text("bukan buku kerja", encoding="utf-8")
    assert window.make_import_rab_dialog(bogus) is None
    (title, _text), = shown.errors
    assert title == tr("dlg.import_rab.failed")


def test_unusable_import_cannot_be_added(window, tmp_path):
    rows = typical()
    rows[7][3] = "#REF!"
    dialog = window.make_import_rab_dialog(write(tmp_path / "bad.xlsx", {"RAB": rows}))
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert not window.add_imported_rab(dialog.result)
