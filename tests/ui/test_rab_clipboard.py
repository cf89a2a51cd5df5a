"""Cut/copy/paste and drag and drop in the RAB tree (issue 10 points 1 and 9): each is one
undo step through the system clipboard (offscreen), our MIME type carries the clip, plain
text gives a spreadsheet rows, spreadsheet rows paste as items after a review of what was
not read as written."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from dtpl_studio.costing.rab import Item, Section
from dtpl_studio.services.clipboard import CLIP_MIME
from dtpl_studio.ui.widgets.rab_clipboard import DRAG_MIME
from tests.costing.test_edits import snapshot

SHOTS = "/work/notes/shots"


@pytest.fixture
def answers(window, monkeypatch):
    """The review dialog is answered by the test (True = apply) and kept for a look."""
    replies: list[bool] = []
    seen = []

    def confirm(dialog):
        seen.append(dialog)
        return replies.pop(0) if replies else True

    monkeypatch.setattr(window.clipboard, "confirm", confirm)
    return replies, seen


def physical(window):
    return window.doc.program.packages[1]


def test_copy_puts_our_clip_and_spreadsheet_rows_on_the_clipboard(window):
    tanah = physical(window).sections[1]
    window.rab_editor.select_id(tanah.id)
    window.copy_action.trigger()
    mime = QApplication.clipboard().mimeData()
    assert mime.hasFormat(CLIP_MIME)
    rows = [r.split("\t") for r in mime.text().strip().split("\r\n")]
    assert rows[0] == ["No", "Uraian", "Volume", "Satuan", "Harga Satuan", "Jumlah"]
    assert rows[2][:4] == ["II.1", "Galian tanah saluran", "49,50", "m3"]
    assert window.doc.undo_stack.count() == 0  # a copy changes nothing


def test_copy_paste_into_another_package_is_one_step_and_undo_restores_exactly(window, answers):
    program = window.doc.program
    start = snapshot(program)
    tanah = physical(window).sections[1]
    window.rab_editor.select_id(tanah.id)
    window.copy_action.trigger()
    window.packages.setCurrentRow(0)  # Dukungan Perencanaan: its book lacks the analyses
    planning = program.packages[0]
    window.rab_editor.select_id(planning.sections[0].id)
    window.paste_action.trigger()
    assert window.doc.undo_stack.count() == 1
    assert [s.title for s in planning.sections] == ["TENAGA AHLI", "PEKERJAAN TANAH"]
    assert {"A.2.3.1.1", "A.2.3.1.11"} <= set(planning.book.analyses)
    pasted = window.doc.priced_package(planning).node(planning.sections[1].id)
    assert pasted.total == window.doc.priced_package(physical(window)).node(tanah.id).total
    window.undo()
    assert snapshot(program) == start


def test_cut_and_paste_is_two_steps_and_a_move(window, answers):
    program = window.doc.program
    start = snapshot(program)
    package = physical(window)
    papan = package.sections[0].children[0]
    window.rab_editor.select_id(papan.id)
    window.cut_action.trigger()
    assert package.sections[0].children == []
    window.rab_editor.select_id(package.sections[2].children[0].id)
    window.paste_action.trigger()
    assert package.sections[2].children[1].id == papan.id  # after the selected item, same id
    assert window.doc.undo_stack.count() == 2
    window.undo()
    window.undo()
    assert snapshot(program) == start


def test_a_rate_conflict_is_reviewed_and_cancel_changes_nothing(window, answers):
    replies, seen = answers
    program = window.doc.program
    planning = program.packages[0]
    planning.book = physical(window).book.subset({"A.2.3.1.1"})
    planning.book.set_price("L.01", D(100000))
    window.doc.reprice(True)
    start = snapshot(program)
    window.rab_editor.select_id(physical(window).sections[1].children[0].id)
    window.copy_action.trigger()
    window.packages.setCurrentRow(0)
    window.rab_editor.select_id(planning.sections[0].id)
    replies.append(False)
    window.paste_action.trigger()
    assert snapshot(program) == start and window.doc.undo_stack.count() == 0
    dialog = seen[-1]
    text = dialog.table.item(0, 4).text()
    assert "A.2.3.1.1" in text and "paket tujuan" in text
    dialog.show()
    QApplication.processEvents()  # the rows are measured at the shown width
    dialog.grab().save(f"{SHOTS}/clip-conflict.png")


def test_spreadsheet_rows_paste_as_items_after_the_review(window, answers):
    _, seen = answers
    package = physical(window)
    section = package.sections[0]
    window.rab_editor.select_id(section.id)
    mime = QMimeData()
    mime.setText("No\tUraian\tSat\tVol\tHarga Satuan\tJumlah\n"
                 "1\tPembersihan lokasi\tm2\t1.234,56\t12.500\t15.432.000\n"
                 "2\tBouwplank\tm'\tdua puluh\t35.000\t700.000\n"
                 "3\tPapan info\tbuah ajaib\t1\t450.000\t450.000\n"
                 "\tJumlah\t\t\t\t16.582.000\n")
    QApplication.clipboard().setMimeData(mime)
    window.paste_action.trigger()
    dialog = seen[-1]
    dialog.show()
    QApplication.processEvents()  # the rows are measured at the shown width
    dialog.grab().save(f"{SHOTS}/clip-paste-findings.png")
    texts = [dialog.table.item(i, 4).text() for i in range(dialog.table.rowCount())]
    assert any("bukan angka" in t for t in texts) and any("satuan tidak dikenal" in t for t in texts)
    assert dialog.table.item(0, 1).text() in ("3", "4")  # errors first, with their row
    descriptions = [c.description for c in section.children]
    assert descriptions[-3:] == ["Pembersihan lokasi", "Bouwplank", "Papan info"]
    bouwplank = section.children[-2]
    assert bouwplank.volume == 0 and "dua puluh" in bouwplank.note  # not lost
    assert window.doc.undo_stack.count() == 1
    window.undo()
    assert [c.description for c in section.children] == descriptions[:-3]


def _drop(window, node_id, target_id, where="middle", copy=False):
    view = window.rab_editor.view
    index = window.rab_editor.model.index_for_id(target_id)
    rect = view.visualRect(index)
    y = {"top": rect.top() + 1, "middle": rect.center().y(), "bottom": rect.bottom() - 1}[where]
    mime = QMimeData()
    mime.setData(DRAG_MIME, f"{id(window.doc)}\n{node_id}".encode())
    mods = Qt.KeyboardModifier.ControlModifier if copy else Qt.KeyboardModifier.NoModifier
    event = QDropEvent(QPointF(QPoint(rect.center().x(), y)), Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                       mime, Qt.MouseButton.LeftButton, mods)
    # Qt delivers a Drop only during a real QDrag (a blocking system loop): the test hands
    # the event to the tree's filter, the code path a real drop takes
    window.clipboard.eventFilter(view.viewport(), event)
    return event


def test_drag_and_drop_moves_copies_and_refuses_a_section_into_itself(window, answers):
    program = window.doc.program
    start = snapshot(program)
    package = physical(window)
    persiapan, tanah, saluran = package.sections
    galian = tanah.children[0]
    _drop(window, galian.id, saluran.id, "middle")  # into the section
    assert saluran.children[-1] is galian and window.doc.undo_stack.count() == 1
    _drop(window, saluran.id, persiapan.id, "top")  # a division before another
    assert package.sections[0] is saluran
    urug = tanah.children[0]
    _drop(window, urug.id, persiapan.id, "middle", copy=True)  # Ctrl: a copy
    assert isinstance(persiapan.children[-1], Item) and persiapan.children[-1].id != urug.id
    assert tanah.children[0] is urug and window.doc.undo_stack.count() == 3
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    _drop(window, saluran.id, saluran.children[0].id, "bottom")  # inside itself
    assert window.doc.undo_stack.count() == 3 and any("dirinya sendiri" in m for m in messages)
    for _ in range(3):
        window.undo()
    assert snapshot(program) == start
    assert isinstance(package.sections[0], Section)


def _drag_move(window, node_id, target_id, where):
    from PySide6.QtGui import QDragMoveEvent

    view = window.rab_editor.view
    rect = view.visualRect(window.rab_editor.model.index_for_id(target_id))
    y = {"top": rect.top() + 1, "middle": rect.center().y(), "bottom": rect.bottom() - 1}[where]
    mime = QMimeData()
    mime.setData(DRAG_MIME, f"{id(window.doc)}\n{node_id}".encode())
    event = QDragMoveEvent(QPoint(rect.center().x(), y), Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                           mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.clipboard.eventFilter(view.viewport(), event)
    return event


def test_drag_over_shows_where_it_goes_and_refuses_a_section_into_itself(window):
    package = physical(window)
    persiapan, tanah, saluran = package.sections
    assert _drag_move(window, tanah.children[0].id, saluran.id, "middle").isAccepted()
    band = window.clipboard._band
    assert band.isVisible() and band.geometry().height() > 4  # a frame round the section
    window.grab().save(f"{SHOTS}/clip-drag-into.png")
    assert _drag_move(window, saluran.id, persiapan.id, "top").isAccepted()
    assert window.clipboard._band.geometry().height() == 2  # a line above the row
    assert not _drag_move(window, tanah.id, tanah.children[1].id, "middle").isAccepted()
    assert not _drag_move(window, tanah.children[0].id, persiapan.id, "top").isAccepted()  # item at top level
    from PySide6.QtGui import QDragMoveEvent

    foreign = QMimeData()  # a row dragged from another window's tree is not moved here
    foreign.setData(DRAG_MIME, f"other-window\n{tanah.id}".encode())
    event = QDragMoveEvent(QPoint(10, 10), Qt.DropAction.MoveAction, foreign, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
    window.clipboard.eventFilter(window.rab_editor.view.viewport(), event)
    assert not event.isAccepted()


def test_a_mouse_drag_starts_from_the_pressed_row(window, monkeypatch):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    started = []
    monkeypatch.setattr(window.clipboard, "start_drag", started.append)
    view = window.rab_editor.view
    galian = physical(window).sections[1].children[0]
    rect = view.visualRect(window.rab_editor.model.index_for_id(galian.id))
    start = QPointF(rect.center())
    far = QPointF(rect.center() + QPoint(0, 3 * QApplication.startDragDistance()))

    def send(kind, pos, buttons):
        event = QMouseEvent(kind, pos, view.viewport().mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        return window.clipboard.eventFilter(view.viewport(), event)

    send(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    assert send(QEvent.Type.MouseMove, far, Qt.MouseButton.LeftButton)
    assert started == [galian.id]


def test_the_keys_work_on_the_focused_tree(window, qtbot, answers):
    package = physical(window)
    papan = package.sections[0].children[0]
    view = window.rab_editor.view
    window.rab_editor.select_id(papan.id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().mimeData().hasFormat(CLIP_MIME)  # our copy, not the cell's text
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [c.description for c in package.sections[0].children] == ["Papan nama kegiatan"] * 2
    qtbot.keyClick(view, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert len(package.sections[0].children) == 1
    assert window.doc.undo_stack.count() == 2


def test_a_copy_does_not_crash_the_process_at_exit(tmp_path):
    """The class: any QMimeData made in Python and handed to the clipboard (our copy, cut,
    drag) must be released before the interpreter ends, or the exit segfaults."""
    import os
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QMimeData
        from PySide6.QtWidgets import QApplication
        from dtpl_studio.ui.widgets.rab_clipboard import RabClipboard
        app = QApplication(sys.argv[:1])
        mime = QMimeData()
        mime.setText("1\\tGalian\\t2,5\\tm3")
        RabClipboard._put(mime)
        print("copied")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env=dict(os.environ, DTPL_STUDIO_HOME=str(tmp_path)))
    assert result.returncode == 0, (result.returncode, result.stderr[-500:])
    assert "copied" in result.stdout
