"""Berkas › Ekspor xlsx… (issue 10 point 7): the RAB workbook is written on the worker pool
like the PDF, with the status message, a working Cancel and no file left when cancelled."""

from __future__ import annotations

import threading

from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton


def test_menu_has_the_xlsx_export(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "Ekspor &xlsx (RAB dengan rumus)…" in texts


def test_xlsx_export_runs_off_the_gui_thread(qtbot, window, tmp_path):
    out = tmp_path / "rab.xlsx"
    job = window.export_xlsx_to(out)
    with qtbot.waitSignal(job.done, timeout=60_000) as blocker:
        pass
    assert blocker.args == ["ok", str(out)]
    assert window.statusBar().currentMessage() == f"RAB xlsx tersimpan: {out}"
    wb = load_workbook(out)
    assert {"Analisa", "Harga Dasar"} <= set(wb.sheetnames)
    assert any(name.startswith("RAB 1") for name in wb.sheetnames)


def test_xlsx_export_cancel_leaves_no_file(qtbot, window, tmp_path):
    from dtpl_studio.services.project import export_xlsx

    gate, started = threading.Event(), threading.Event()

    def gated(program, out_path, progress=None, cancelled=None):
        started.set()
        assert gate.wait(30)
        return export_xlsx(program, out_path, progress=progress, cancelled=cancelled)

    out = tmp_path / "rab.xlsx"
    job = window.export_xlsx_to(out, gated)
    qtbot.waitUntil(started.is_set)
    button = job.dialog.findChild(QPushButton)
    button.click()
    gate.set()
    with qtbot.waitSignal(job.done, timeout=30_000) as blocker:
        pass
    assert blocker.args == ["cancelled", ""]
    assert window.statusBar().currentMessage() == "Ekspor xlsx dibatalkan"
    assert list(tmp_path.iterdir()) == []
