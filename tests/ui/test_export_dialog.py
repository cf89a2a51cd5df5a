"""Berkas › Ekspor PDF… (issue 9 point 9): the section choice reaches the export, Cancel and
failure leave no file and keep an existing one, the window keeps running its event loop,
the choice is remembered per project."""

from __future__ import annotations

import errno
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer

from dtpl_studio.ui import settings


@pytest.fixture
def dialog(qtbot, window):
    return window.export_dialog()  # a child of the window, closed with it


def test_sections_in_template_order_with_defaults_and_reasons(dialog):
    ids = list(dialog.items)
    assert ids[:4] == ["cover", "approval", "toc", "data_umum"]
    assert ids.index("packages") < ids.index("rekap") < ids.index("rincian") < ids.index("backup")
    assert ids.index("backup") < ids.index("analysis") < ids.index("document")
    lampiran = dialog.items["lampiran"]  # the sample programme has no attachment
    assert lampiran.isDisabled() and lampiran.text(1) == "tidak ada lampiran (foto atau pindaian)"
    assert dialog.items["gambar"].isDisabled()
    assert "lampiran" not in dialog.chosen() and "gambar" not in dialog.chosen()
    assert {"cover", "packages", "rekap", "rincian", "backup", "blm", "document"} <= set(dialog.chosen())
    dialog.set_checked("packages", False)  # parts follow their section
    assert dialog.items["rekap"].isDisabled() and "rekap" not in dialog.chosen()
    dialog.set_checked("packages", True)
    assert not dialog.items["rekap"].isDisabled()


def test_choices_reach_the_export_and_are_remembered(qtbot, window, dialog, tmp_path):
    seen = []

    def fake(program, out_path, progress=None, cancelled=None, sections=None):
        seen.append(sections)
        for i in range(1, 5):
            progress(i * 25, 100, f"Menata halaman {i}")
        out_path.write_bytes(b"%PDF-fake")
        return out_path

    window.export_fn = fake
    for sid in ("approval", "analysis", "rincian"):
        dialog.set_checked(sid, False)
    out = tmp_path / "pilihan.pdf"
    dialog.path.setText(str(out))
    bars = []
    dialog.bar.valueChanged.connect(bars.append)
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.export_button.click()
    assert dialog.outcome == "ok" and out.exists()
    assert seen[0] == dialog.chosen()
    assert not {"approval", "analysis", "rincian"} & set(seen[0])
    assert bars and max(bars) == 100
    assert window.statusBar().currentMessage() == f"PDF tersimpan: {out}"
    # the next dialog for this project starts from that choice
    again = window.export_dialog()
    assert again.chosen() == seen[0]
    assert settings.export_sections(window.doc.path) == seen[0]


def test_nothing_chosen_cannot_be_exported(dialog):
    for sid in list(dialog.items):
        dialog.set_checked(sid, False)
    assert not dialog.export_button.isEnabled()
    assert dialog.status.text() == "Pilih paling sedikit satu bagian untuk dicetak."


def test_cancel_leaves_no_file_and_keeps_the_old_one(qtbot, window, dialog, tmp_path):
    from dtpl_studio.services.project import export_pdf

    gate, started = threading.Event(), threading.Event()

    def gated(program, out_path, progress=None, cancelled=None, sections=None):
        started.set()
        assert gate.wait(30)
        return export_pdf(program, out_path, progress=progress, cancelled=cancelled, sections=sections)

    window.export_fn = gated
    out = tmp_path / "lama.pdf"
    out.write_bytes(b"%PDF-old")
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set)
    assert dialog.cancel_button.text() == "Batal" and not dialog.tree.isEnabled()
    dialog.cancel_button.click()
    assert dialog.isVisible()  # stays until the worker has stopped
    gate.set()
    qtbot.waitUntil(lambda: dialog.outcome == "cancelled", timeout=60_000)
    assert out.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir() if "lama" in p.name) == ["lama.pdf"]
    assert dialog.status.text().startswith("Ekspor dibatalkan; tidak ada berkas")
    assert dialog.cancel_button.text() == "Tutup" and dialog.tree.isEnabled()


def test_failure_is_an_indonesian_message_and_leaves_no_file(qtbot, window, dialog, tmp_path, shown,
                                                             monkeypatch):
    """The real export, failing while the temporary file is written (disk full)."""
    import os

    real_fsync = os.fsync

    def full(fd):  # the disk fills up while the PDF's temporary file is written
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "lama.pdf"
    out.write_bytes(b"%PDF-old")
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.outcome == "failed", timeout=60_000)
    assert out.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir() if "lama" in p.name) == ["lama.pdf"]
    (title, text), = shown.errors
    assert title == "Ekspor PDF gagal" and "Disk penuh" in text and str(out) in text
    assert "Errno" not in text and "No space" not in text
    assert dialog.status.text().startswith("Ekspor gagal; tidak ada berkas")


def test_the_window_keeps_running_during_the_export(qtbot, window, dialog, tmp_path, monkeypatch):
    """A 10 ms QTimer keeps firing while the real export runs on the worker. The export of
    the small sample is faster than a few ticks, so each progress report on the worker waits
    5 ms: a window that waited for the worker would not tick in between (a count of events,
    not a timing)."""
    import time

    from dtpl_studio.reporting import dtpl_pdf

    real_call = dtpl_pdf._Progress.__call__

    def slow_call(self, done, text):
        time.sleep(0.005)
        real_call(self, done, text)

    monkeypatch.setattr(dtpl_pdf._Progress, "__call__", slow_call)
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(dialog.job is not None))
    out = tmp_path / "dtpl.pdf"
    dialog.path.setText(str(out))
    labels = []
    timer.start()
    dialog.export_button.click()
    dialog.job.progress.connect(lambda d, t, label: labels.append(label))
    qtbot.waitUntil(lambda: dialog.outcome == "ok", timeout=60_000)
    timer.stop()
    assert sum(ticks) >= 5  # the event loop ran while the export was busy
    assert any(label.startswith("Menyusun") for label in labels)  # per section
    assert any(label.startswith("Menata halaman ") for label in labels)  # per page
    reader = PdfReader(out)
    assert len(reader.pages) > 3
