"""Issue 10: the window loads the save machinery on its worker pool once a project is shown
(opening needs none of it); an edit made meanwhile is saved, and the file reads back equal."""

from __future__ import annotations

from dtpl_studio.services.project import open_project, save_project
from dtpl_studio.services.session import program_fingerprint
from dtpl_studio.ui import main_window
from dtpl_studio.ui.main_window import MainWindow
from dtpl_studio.ui.models.rab_model import Col


def test_saving_is_prepared_off_the_gui_thread_and_a_save_after_it_reads_back_equal(
        qtbot, book, program, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window, "PREPARE_SAVING_MS", 0)
    path = tmp_path / "desa.dtpl"
    save_project(program, path)
    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    win.packages.setCurrentRow(1)
    item = win.doc.program.packages[1].sections[1].children[1]
    model = win.rab_editor.model
    assert model.setData(model.index_for_id(item.id, Col.VOLUME), "12,5")  # while it may still run
    qtbot.waitUntil(lambda: getattr(win, "_saving_task", None) is not None and win._saving_task.done.is_set(),
                    timeout=20000)
    assert win.save()
    assert program_fingerprint(open_project(path)) == program_fingerprint(win.doc.program)
    assert str(open_project(path).packages[1].sections[1].children[1].volume) == "12.5"
    win._prepare_saving()  # once per window
    assert win.pool.activeThreadCount() == 0


def test_a_window_closed_before_the_warm_up_starts_nothing(qtbot, book, program, tmp_path, monkeypatch):
    """The run_gui subprocess test found it: a window closed in the event-loop turn in which
    the warm-up was due started it anyway, and the process hung at exit."""
    monkeypatch.setattr(main_window, "PREPARE_SAVING_MS", 0)
    path = tmp_path / "desa.dtpl"
    save_project(program, path)
    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.show()
    assert win.open_path(path)
    win.close()
    qtbot.wait(50)
    assert getattr(win, "_saving_task", None) is None
