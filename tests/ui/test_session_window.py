"""The window on a ProjectSession: read-only open (title, banner, Save disabled, Save As
offered), autosave timers and the recovery offer, the lock said in Indonesian local time,
Qt's own (non-native) file dialog in Indonesian."""

from __future__ import annotations

import json
import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from dtpl_studio.services.project import open_project, save_project
from dtpl_studio.services.session import program_fingerprint, recovery_path_for
from dtpl_studio.ui import dialogs
from dtpl_studio.ui.main_window import MainWindow
from dtpl_studio.ui.models.rab_model import Col

_REAL_ASK_SAVE = dialogs.ask_save_changes  # taken before the fixtures replace it


def _window(qtbot, book):
    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    return win


def _edit_volume(win, text="12,5"):
    win.packages.setCurrentRow(1)
    item = win.doc.program.packages[1].sections[1].children[1]
    model = win.rab_editor.model
    assert model.setData(model.index_for_id(item.id, Col.VOLUME), text)
    return item


@pytest.fixture
def read_only_project(tmp_path, program):
    folder = tmp_path / "arsip"
    folder.mkdir()
    path = folder / "sukamaju.dtpl"
    save_project(program, path)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield path
    folder.chmod(0o755)


def test_read_only_open_says_so_disables_save_and_offers_save_as(qtbot, book, read_only_project,
                                                                 tmp_path, shown):
    win = _window(qtbot, book)
    assert win.open_path(read_only_project)
    assert win.windowTitle() == "sukamaju.dtpl [hanya-baca][*] — DTPL Studio"
    assert not win.read_only_banner.isHidden()
    assert "foldernya tidak dapat ditulisi" in win.read_only_label.text()
    assert not win.save_action.isEnabled()
    _edit_volume(win)
    copy = tmp_path / "salinan.dtpl"
    shown.file_answer = str(copy)
    assert win.save()  # Ctrl+S on a read-only project asks where to save a copy
    assert shown.file_questions and shown.file_questions[-1][0] == "Simpan proyek sebagai"
    start = Path(shown.file_questions[-1][1])
    assert read_only_project.parent not in start.parents  # starts where a copy can be written
    assert win.windowTitle() == "salinan.dtpl[*] — DTPL Studio"
    assert win.read_only_banner.isHidden() and win.save_action.isEnabled()
    assert open_project(copy).packages[1].sections[1].children[1].volume == 12.5


def test_locked_file_message_names_the_holder_and_local_time(qtbot, book, program, tmp_path, shown):
    import os

    path = tmp_path / "dipakai.dtpl"
    save_project(program, path)
    path.with_name("dipakai.dtpl.lock").write_text(json.dumps({
        "pid": os.getppid(), "host": socket.gethostname(), "user": "ani",
        "since": "2026-11-30T07:05:00+00:00", "token": "t"}))
    win = _window(qtbot, book)
    assert not win.open_path(path)
    text = shown.errors[-1][1]
    assert "oleh ani di komputer" in text and f"(proses {os.getppid()})" in text
    assert "sejak Senin, 30 November 2026" in text and "+00:00" not in text


def test_idle_autosave_writes_the_recovery_copy_and_a_crash_offers_it(qtbot, book, program, tmp_path, shown):
    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    win = _window(qtbot, book)
    assert win.open_path(path)
    win.idle_timer.setInterval(10)
    _edit_volume(win, "77")
    copy = recovery_path_for(path)
    qtbot.waitUntil(copy.exists, timeout=5000)
    expected = program_fingerprint(win.doc.program)
    # crash: nothing closes the session, the lock is left to a dead process
    lock = path.with_name("sukamaju.dtpl.lock")
    data = json.loads(lock.read_text())
    win.doc.session._lock._token = None
    data["pid"] = 999_999
    lock.write_text(json.dumps(data))

    shown.recover_answer = True
    other = _window(qtbot, book)
    assert other.open_path(path)
    question = shown.recover_questions[-1]
    assert "sukamaju.dtpl" in question and "Item pekerjaan: 6 → 6" in question
    assert "Total semua paket: Rp" in question and "Saluran RT 03: Rp " in question
    assert program_fingerprint(other.doc.program) == expected
    assert other.isWindowModified()  # the file still holds the old state
    assert other.save()
    assert not copy.exists()
    assert program_fingerprint(open_project(path)) == expected


def test_declining_the_recovery_keeps_the_copy_until_the_next_save(qtbot, book, program, tmp_path, shown):
    """An accidental "No" to the recovery offer loses nothing: the question says the copy is
    kept until the next save; closing without saving keeps it (offered again, marked as
    declined before); saving removes it."""
    from dtpl_studio.services.session import declined_path_for

    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    win = _window(qtbot, book)
    assert win.open_path(path)
    _edit_volume(win, "77")
    win.autosave_now()
    expected = program_fingerprint(win.doc.program)
    win.doc.session._lock.release()  # crash: the window never closes its session

    shown.recover_answer = False
    other = _window(qtbot, book)
    assert other.open_path(path)
    assert "disimpan sampai proyek disimpan lagi" in shown.recover_questions[-1]
    declined = declined_path_for(path)
    assert declined.exists() and not other.isWindowModified()
    shown.save_answer = dialogs.SaveChoice.DISCARD
    other.close()
    assert declined.exists()

    shown.recover_answer = True
    third = _window(qtbot, book)
    assert third.open_path(path)
    assert "pernah tidak Anda pulihkan" in shown.recover_questions[-1]
    assert program_fingerprint(third.doc.program) == expected
    assert third.save()
    assert not declined.exists() and not recovery_path_for(path).exists()


def test_clean_close_removes_the_recovery_copy(qtbot, book, program, tmp_path, shown):
    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    win = _window(qtbot, book)
    assert win.open_path(path)
    _edit_volume(win)
    win.autosave_now()
    copy = recovery_path_for(path)
    assert copy.exists()
    shown.save_answer = dialogs.SaveChoice.DISCARD
    win.close()
    assert not copy.exists() and not path.with_name("sukamaju.dtpl.lock").exists()


def test_undo_to_the_saved_state_removes_the_copy(qtbot, book, program, tmp_path):
    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    win = _window(qtbot, book)
    assert win.open_path(path)
    _edit_volume(win)
    win.autosave_now()
    assert recovery_path_for(path).exists()
    win.undo()
    assert not recovery_path_for(path).exists()


def test_file_dialog_is_qt_own_and_in_indonesian(qtbot):
    dialog = dialogs.file_dialog(None, "Simpan proyek sebagai", "", "Proyek DTPL (*.dtpl)", save=True)
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.labelText(QFileDialog.DialogLabel.Accept) == "Simpan"
    assert dialog.labelText(QFileDialog.DialogLabel.Reject) == "Batal"
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "Nama berkas:"


def test_save_prompt_buttons_are_in_indonesian(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        seen.extend(b.text() for b in box.buttons())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert _REAL_ASK_SAVE(None, "x.dtpl") is dialogs.SaveChoice.CANCEL
    assert sorted(seen) == ["Batal", "Jangan simpan", "Simpan"]


def test_a_second_crash_after_a_decline_offers_the_newest_and_names_the_declined(
        qtbot, book, program, tmp_path, shown):
    """Issue 5 (fix5 point 5): decline a recovery copy, edit, crash again: the newest copy is
    offered first, the question says an older declined copy is kept too, and declining the
    newest keeps both (offered again, newest first) until a save."""
    from dtpl_studio.services.session import declined_paths_for

    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    win = _window(qtbot, book)
    assert win.open_path(path)
    _edit_volume(win, "77")
    win.autosave_now()
    first = program_fingerprint(win.doc.program)
    win.doc.session._lock.release()  # crash 1

    shown.recover_answer = False
    second = _window(qtbot, book)
    assert second.open_path(path)
    _edit_volume(second, "88")
    second.autosave_now()
    newest = program_fingerprint(second.doc.program)
    second.doc.session._lock.release()  # crash 2, with the first copy declined

    shown.recover_answer = False
    third = _window(qtbot, book)
    assert third.open_path(path)
    question = shown.recover_questions[-1]
    assert "Masih ada 1 salinan pemulihan lain yang pernah tidak Anda pulihkan" in question
    kept = {program_fingerprint(open_project(p)) for p in declined_paths_for(path)}
    assert kept == {first, newest}  # neither was replaced
    shown.save_answer = dialogs.SaveChoice.DISCARD
    third.close()

    shown.recover_answer = True
    fourth = _window(qtbot, book)
    assert fourth.open_path(path)
    assert program_fingerprint(fourth.doc.program) == newest  # the newest first
    assert fourth.save()
    assert declined_paths_for(path) == []
