"""PDF export on the worker pool: progress, completion, a working Cancel, errors as messages.

The real ``services.project.export_pdf`` is used where the reporting layer is installed;
the cancel test gates the worker with an Event so that Cancel is pressed while it runs
(no sleeps, no timing assumptions).
"""

from __future__ import annotations

import errno
import importlib.util
import threading

import pytest
from PySide6.QtWidgets import QPushButton

HAS_REPORTING = importlib.util.find_spec("dtpl_studio.reporting.dtpl_pdf") is not None
needs_reporting = pytest.mark.skipif(not HAS_REPORTING, reason="dtpl_studio.reporting.dtpl_pdf is not there yet")


def click_cancel(job) -> None:
    button = job.dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Batal"
    button.click()


@needs_reporting
def test_real_export_runs_to_completion_with_progress(qtbot, window, tmp_path):
    out = tmp_path / "dtpl.pdf"
    steps = []
    job = window.export_to(out)
    job.task.signals.progress.connect(lambda done, total, label: steps.append((done, total, label)))
    with qtbot.waitSignal(job.done, timeout=60_000) as blocker:
        pass
    assert blocker.args == ["ok", str(out)]
    assert out.read_bytes().startswith(b"%PDF")
    assert steps and steps[-1][0] == steps[-1][1]  # the last report is "done of total"
    assert window.statusBar().currentMessage() == f"PDF tersimpan: {out}"
    assert window.export_job.outcome == ("ok", str(out))


@needs_reporting
def test_real_export_cancel_leaves_no_file(qtbot, window, tmp_path):
    from dtpl_studio.services.project import export_pdf

    gate = threading.Event()
    started = threading.Event()

    def gated(program, out_path, progress=None, cancelled=None):
        started.set()
        assert gate.wait(30)
        return export_pdf(program, out_path, progress=progress, cancelled=cancelled)

    window.export_fn = gated
    out = tmp_path / "dtpl.pdf"
    job = window.export_to(out)
    qtbot.waitUntil(started.is_set)
    click_cancel(job)
    assert job.task.is_cancelled()
    gate.set()
    with qtbot.waitSignal(job.done, timeout=60_000) as blocker:
        pass
    assert blocker.args == ["cancelled", ""]
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if "dtpl.pdf" in p.name]  # no temporary file either
    assert window.statusBar().currentMessage() == "Ekspor PDF dibatalkan"


def test_worker_reports_progress_and_result(qtbot, window, tmp_path):
    seen_program = []

    def fake(program, out_path, progress=None, cancelled=None):
        seen_program.append(program)
        for i in range(1, 6):
            progress(i, 5, f"halaman {i}")
        out_path.write_bytes(b"%PDF-fake")
        return out_path

    window.export_fn = fake
    out = tmp_path / "fake.pdf"
    steps = []
    job = window.export_to(out)
    job.task.signals.progress.connect(lambda d, t, label: steps.append(d))
    with qtbot.waitSignal(job.done) as blocker:
        pass
    assert blocker.args == ["ok", str(out)]
    assert seen_program[0] is not window.doc.program  # the worker gets a snapshot
    assert seen_program[0].packages[1].name == window.doc.program.packages[1].name


def test_cancel_button_stops_a_cooperative_worker(qtbot, window, tmp_path):
    gate = threading.Event()

    class Stopped(Exception):
        pass

    def fake(program, out_path, progress=None, cancelled=None):
        progress(1, 10, "halaman 1")
        assert gate.wait(30)
        if cancelled():
            raise Stopped("dibatalkan")
        return out_path

    window.export_fn = fake
    job = window.export_to(tmp_path / "x.pdf")
    assert window.export_to(tmp_path / "y.pdf") is None  # one export at a time
    click_cancel(job)
    gate.set()
    with qtbot.waitSignal(job.done) as blocker:
        pass
    assert blocker.args == ["cancelled", ""]


def test_export_error_is_a_message_box_not_a_traceback(qtbot, window, tmp_path, shown):
    def broken(program, out_path, progress=None, cancelled=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    window.export_fn = broken
    job = window.export_to(tmp_path / "x.pdf")
    with qtbot.waitSignal(job.done) as blocker:
        pass
    outcome, message = blocker.args
    assert outcome == "failed"
    assert message.startswith("Disk penuh") and str(tmp_path / "x.pdf") in message
    assert "Errno" not in message and "No space" not in message
    assert shown.errors == [("Ekspor PDF gagal", "PDF tidak dapat dibuat.\n\n" + message)]


def test_closing_the_window_cancels_a_running_export(qtbot, window, tmp_path):
    started = threading.Event()

    def fake(program, out_path, progress=None, cancelled=None):
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)  # a worker polling between pages
        raise RuntimeError("stopped")

    window.export_fn = fake
    job = window.export_to(tmp_path / "x.pdf")
    qtbot.waitUntil(started.is_set)
    assert window.close()
    assert job.task.done.is_set()
