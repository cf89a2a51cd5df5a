"""The Lampiran window (issue 9 point 1): add, replace, remove, move, edit fields — each one
undo step of the main window's stack — thumbnails, the PDF placeholder, refusals explained
(never raised), and a screenshot for a human to look at."""

from __future__ import annotations

import os
from pathlib import Path

from dtpl_studio.costing.attachments import AttachmentKind
from dtpl_studio.ui.widgets.attachments_dialog import AttachmentsDialog
from tests.attachment_samples import drawing_pdf, encrypted_pdf, photo

SHOTS = Path(os.environ.get("DTPL_SCREENSHOTS", "")) if os.environ.get("DTPL_SCREENSHOTS") else None


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "gk.pdf": drawing_pdf(3),
        "foto1.jpg": photo(seed=1),
        "peta.png": photo(900, 600, fmt="PNG", seed=4),
        "terkunci.pdf": encrypted_pdf(),
        "rusak.jpg": photo()[:500],
        "kosong.pdf": b"",
        "gambar.dwg": b"AC1032",
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name] = tmp_path / name
    return out


def test_add_edit_move_replace_remove_each_one_undo_step(qtbot, doc, tmp_path, shown):
    files = _files(tmp_path)
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    stack = doc.undo_stack
    assert dialog.list.count() == 0 and not dialog.empty_label.isHidden()

    assert dialog.add_files([str(files["gk.pdf"]), str(files["foto1.jpg"])]) == 2
    assert stack.count() == 2
    atts = doc.program.attachments
    assert [a.filename for a in atts] == ["gk.pdf", "foto1.jpg"]
    assert (atts[0].kind, atts[0].pages, atts[1].kind) == (AttachmentKind.DRAWING, 3, AttachmentKind.PHOTO)
    assert dialog.list.count() == 2 and dialog.list.currentRow() == 1

    dialog.list.setCurrentRow(0)
    dialog.sheet_edit.setText("GK-01")
    dialog.sheet_edit.editingFinished.emit()
    dialog.scale_edit.setText("1 : 50")
    dialog.scale_edit.editingFinished.emit()
    dialog.kind.setCurrentIndex(1)
    dialog.kind.activated.emit(1)
    dialog.scope.setCurrentIndex(2)
    dialog.scope.activated.emit(2)
    assert stack.count() == 6
    assert (atts[0].sheet, atts[0].scale, atts[0].kind) == ("GK-01", "1 : 50", AttachmentKind.MAP)
    assert atts[0].package_id == doc.program.packages[1].id
    dialog.sheet_edit.editingFinished.emit()  # unchanged: no step
    assert stack.count() == 6

    dialog.move_current(1)
    assert [a.filename for a in doc.program.attachments] == ["foto1.jpg", "gk.pdf"]
    assert dialog.current().filename == "gk.pdf"
    assert dialog.replace_current(str(files["peta.png"]))
    replaced = dialog.current()
    assert (replaced.filename, replaced.sheet, replaced.media_type) == ("peta.png", "GK-01", "image/png")
    dialog.remove_current()
    assert len(doc.program.attachments) == 1 and stack.count() == 9

    for _ in range(9):  # every step undoes: back to nothing
        stack.undo()
    assert doc.program.attachments == [] and dialog.list.count() == 0
    for _ in range(9):
        stack.redo()
    assert [a.filename for a in doc.program.attachments] == ["foto1.jpg"]
    assert shown.errors == []


def test_refused_files_are_explained_and_nothing_changes(qtbot, doc, tmp_path, shown):
    files = _files(tmp_path)
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = [files[n] for n in ("terkunci.pdf", "rusak.jpg", "kosong.pdf", "gambar.dwg")]
    assert dialog.add_files([str(p) for p in bad]) == 0
    assert doc.program.attachments == [] and doc.undo_stack.count() == 0
    texts = [t for _, t in shown.errors]
    assert len(texts) == 4
    assert "terkunci dengan kata sandi" in texts[0]
    assert "rusak atau terpotong" in texts[1]
    assert "kosong (0 byte)" in texts[2]
    assert "bukan PDF, PNG atau JPG" in texts[3]
    assert all("Yang dapat dilakukan" in t for t in texts)


def test_size_limit_setting(qtbot, doc, tmp_path, shown):
    from dtpl_studio.ui import settings

    settings.write("attachment_max_mb", 1)
    big = tmp_path / "besar.png"
    big.write_bytes(photo(fmt="PNG") + b"\0" * (1024 * 1024))
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.limit.value() == 1
    assert dialog.add_files([str(big)]) == 0
    assert "melebihi batas 1,0 MB" in shown.errors[0][1]
    dialog.limit.setValue(3)  # the window changes the user's setting
    assert settings.read("attachment_max_mb") == 3
    assert dialog.add_files([str(big)]) == 1


def test_thumbnails_and_pdf_placeholder(qtbot, doc, tmp_path):
    files = _files(tmp_path)
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_files([str(files["gk.pdf"]), str(files["peta.png"]), str(files["foto1.jpg"])])
    for row in range(3):
        assert not dialog.list.item(row).icon().isNull()
    dialog.list.setCurrentRow(0)
    assert dialog.preview_note.isVisibleTo(dialog)  # PDF: placeholder and its note
    dialog.list.setCurrentRow(1)
    assert not dialog.preview_note.isVisibleTo(dialog)
    assert dialog.preview.pixmap().width() == 300
    dialog.resize(960, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.list.setCurrentRow(0)
        dialog.grab().save(str(SHOTS / "lampiran-pdf.png"))
        dialog.list.setCurrentRow(1)
        dialog.grab().save(str(SHOTS / "lampiran-png.png"))


def test_main_window_opens_the_window_and_undo_reaches_it(qtbot, window, tmp_path):
    files = _files(tmp_path)
    window.attachments_action.trigger()
    dialog = window._attachments
    assert dialog is not None and dialog.isVisible()
    dialog.add_files([str(files["foto1.jpg"])])
    window.undo_action.trigger()
    assert window.doc.program.attachments == [] and dialog.list.count() == 0
    window.redo_action.trigger()
    assert dialog.list.count() == 1


def test_a_hidden_window_refreshes_when_shown_again(qtbot, doc, tmp_path):
    files = _files(tmp_path)
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_files([str(files["foto1.jpg"])])
    dialog.hide()
    doc.undo_stack.undo()  # while hidden: nothing rebuilt yet
    assert dialog.list.count() == 1
    dialog.show()
    assert dialog.list.count() == 0


def test_files_dropped_on_the_window_are_attached(qtbot, doc, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    files = _files(tmp_path)
    dialog = AttachmentsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["gk.pdf"])), QUrl.fromLocalFile(str(files["kosong.pdf"]))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(drop)
    assert [a.filename for a in doc.program.attachments] == ["gk.pdf"]  # the empty one refused
