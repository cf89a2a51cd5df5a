"""Fixtures for the GUI tests (pytest-qt, offscreen).

Every test gets its own settings file and data folder, and the modal dialogs are replaced by
recorders so that no test can block on a message box.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from dtpl_studio.ui import dialogs  # noqa: E402
from dtpl_studio.ui.document import ProjectDocument  # noqa: E402
from dtpl_studio.ui.strings import set_language  # noqa: E402
from tests.ui.ui_sample import build_sample_book, build_sample_program  # noqa: E402


class DialogRecorder:
    """Stands in for :mod:`dtpl_studio.ui.dialogs`: records what would have been shown."""

    def __init__(self):
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.save_questions: list[str] = []
        self.save_answer = dialogs.SaveChoice.DISCARD
        self.recover_questions: list[str] = []
        self.recover_answer = True
        self.file_questions: list[tuple[str, str]] = []
        self.file_answer = ""

    def show_error(self, parent, title, text):
        self.errors.append((title, text))

    def show_info(self, parent, title, text):
        self.infos.append((title, text))

    def ask_save_changes(self, parent, name):
        self.save_questions.append(name)
        return self.save_answer

    def ask_recover(self, parent, text):
        self.recover_questions.append(text)
        return self.recover_answer

    def file_name(self, parent, title, start, filters, suffix=""):
        self.file_questions.append((title, start))
        return self.file_answer


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """A private settings file and user data folder; Indonesian labels."""
    monkeypatch.setenv("DTPL_STUDIO_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("DTPL_STUDIO_HOME", str(tmp_path / "home"))
    set_language("id")
    yield
    set_language("id")


@pytest.fixture(autouse=True)
def shown(monkeypatch) -> DialogRecorder:
    """The dialogs a test caused (never shown for real)."""
    recorder = DialogRecorder()
    monkeypatch.setattr(dialogs, "show_error", recorder.show_error)
    monkeypatch.setattr(dialogs, "show_info", recorder.show_info)
    monkeypatch.setattr(dialogs, "ask_save_changes", recorder.ask_save_changes)
    monkeypatch.setattr(dialogs, "ask_recover", recorder.ask_recover)
    monkeypatch.setattr(dialogs, "open_file_name", recorder.file_name)
    monkeypatch.setattr(dialogs, "save_file_name", recorder.file_name)
    return recorder


@pytest.fixture
def book():
    """The sample library price book (six analyses)."""
    return build_sample_book()


@pytest.fixture
def program(book):
    """A planning + physical programme priced from :func:`book`."""
    return build_sample_program(book)


@pytest.fixture
def doc(qtbot, program):
    """A :class:`ProjectDocument` over :func:`program` (not saved anywhere)."""
    return ProjectDocument(program)


@pytest.fixture
def window(qtbot, book, program, tmp_path):
    """The main window showing the sample programme's physical package."""
    from dtpl_studio.ui.main_window import MainWindow

    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.open_program(program, tmp_path / "sukamaju.dtpl")
    win.packages.setCurrentRow(1)
    win.show()
    return win


@pytest.fixture(scope="session", autouse=True)
def _clipboard_released_before_exit():
    """Whatever a test left on the clipboard is given back while Python runs: Qt deletes it
    in its exit handlers otherwise, after the interpreter, and the process crashes at exit
    (``make test`` ended in a segfault after 1 751 passed tests)."""
    yield
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()


@pytest.fixture(autouse=True)
def _collect_qt_garbage_per_test():
    """Each test's windows, documents and undo stacks are collected right after it, in a
    small garbage cycle of their own: left to pile up over hundreds of tests, one large
    collection deleted a document's commands in an order that crashed the process mid-run
    (the app itself clears a document's history when it is done: ProjectDocument.dispose)."""
    yield
    import gc

    gc.collect()
