"""The *Lampiran* window: the programme's drawings, maps, photos and scans (issue 9 point 1).

A list with thumbnails on the left (in print order), the selected attachment's fields and
a larger preview on the right, and the actions add (file dialog, or files dropped on the
window), replace, remove, move up/down. Every
action and every field change is one core edit pushed on the document's undo stack
(:func:`~dtpl_studio.ui.commands.push_edit`), so Ctrl+Z in the main window undoes it; the
window refreshes itself whenever the document changes (also on undo/redo).

Previews: PNG and JPEG are decoded by Qt. A PDF shows a placeholder with its page count:
PySide6-Essentials has no ``QtPdf`` (it is in PySide6-Addons, not installed), and pypdf
cannot render; the PDF itself is merged whole into the printed package.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.attachments import Attachment, AttachmentKind
from dtpl_studio.services.attachments import attachment_from_path, replacement_from_path
from dtpl_studio.ui import dialogs, settings
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import tr

log = logging.getLogger(__name__)

KINDS = list(AttachmentKind)
THUMB = 96
PREVIEW = 300
#: Highest size limit the window offers, MB (the default is 25: ``attachment_max_mb``).
MAX_LIMIT_MB = 200


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} kB"


def placeholder(att: Attachment, size: int) -> QPixmap:
    """A page-shaped placeholder with "PDF / n halaman" for a PDF (no renderer available)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    w, h = (size * 0.9, size * 0.64) if att.width > att.height else (size * 0.64, size * 0.9)
    x, y = (size - w) / 2, (size - h) / 2
    painter.setPen(QColor("#808080"))
    painter.setBrush(QColor("#f3f5f8"))
    painter.drawRect(int(x), int(y), int(w), int(h))
    font = QFont()
    font.setPixelSize(max(9, size // 9))
    painter.setFont(font)
    painter.setPen(QColor("#b71c1c"))
    painter.drawText(int(x), int(y), int(w), int(h), Qt.AlignmentFlag.AlignCenter,
                     tr("att.pdf_pages", pages=att.pages))
    painter.end()
    return pixmap


def thumbnail(att: Attachment, size: int) -> QPixmap:
    """The image scaled into ``size`` × ``size`` (aspect kept), or :func:`placeholder`."""
    if att.is_pdf:
        return placeholder(att, size)
    image = QImage.fromData(att.data)
    if image.isNull():
        return placeholder(att, size)
    return QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class AttachmentsDialog(QDialog):
    """The Lampiran window over ``doc`` (non-modal; edits go through ``doc.undo_stack``)."""

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(tr("att.title"))
        self.setAcceptDrops(True)
        self._thumbs: dict[str, QIcon] = {}  # sha256 → icon (decoded once)
        self._filling = False
        self._preview_key: str | None = None
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setSpacing(2)
        self.list.setMinimumWidth(360)
        self.list.currentRowChanged.connect(self._show_current)
        left.addWidget(self.list, 1)
        self.empty_label = QLabel(tr("att.empty"))
        self.empty_label.setWordWrap(True)
        left.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("att.add"))
        self.replace_button = QPushButton(tr("att.replace"))
        self.remove_button = QPushButton(tr("att.remove"))
        self.up_button = QPushButton(tr("att.up"))
        self.down_button = QPushButton(tr("att.down"))
        for button in (self.add_button, self.replace_button, self.remove_button, self.up_button,
                       self.down_button):
            buttons.addWidget(button)
        self.add_button.clicked.connect(lambda: self.add_files())
        self.replace_button.clicked.connect(lambda: self.replace_current())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        left.addLayout(buttons)
        limit_row = QHBoxLayout()
        limit_row.addWidget(QLabel(tr("set.attachment_max_mb")))
        self.limit = QSpinBox()  # the user's setting, not the project's
        self.limit.setRange(1, MAX_LIMIT_MB)
        self.limit.setValue(max(1, min(MAX_LIMIT_MB, int(settings.read("attachment_max_mb")))))
        self.limit.valueChanged.connect(lambda mb: settings.write("attachment_max_mb", int(mb)))
        limit_row.addWidget(self.limit)
        limit_row.addStretch(1)
        left.addLayout(limit_row)
        body.addLayout(left, 1)

        right = QVBoxLayout()
        form = QFormLayout()
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(tr(f"att.kind.{kind.value}"), kind)
        self.title_edit = QLineEdit()
        self.sheet_edit = QLineEdit()
        self.scale_edit = QLineEdit()
        self.scale_edit.setPlaceholderText("1 : 100")
        self.scope = QComboBox()
        self.note_edit = QLineEdit()
        form.addRow(tr("att.kind"), self.kind)
        form.addRow(tr("att.field.title"), self.title_edit)
        form.addRow(tr("att.field.sheet"), self.sheet_edit)
        form.addRow(tr("att.field.scale"), self.scale_edit)
        form.addRow(tr("att.field.scope"), self.scope)
        form.addRow(tr("att.field.note"), self.note_edit)
        right.addLayout(form)
        self.kind.activated.connect(lambda _i: self._set("kind", self.kind.currentData()))
        self.scope.activated.connect(lambda _i: self._set("package_id", self.scope.currentData()))
        for name, edit in (("title", self.title_edit), ("sheet", self.sheet_edit),
                           ("scale", self.scale_edit), ("note", self.note_edit)):
            edit.editingFinished.connect(lambda n=name, e=edit: self._set(n, e.text().strip()))
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.file_label)
        self.preview = QLabel()
        self.preview.setMinimumSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("QLabel { background: #ffffff; border: 1px solid #c0c0c0; }")
        right.addWidget(self.preview, 1)
        self.preview_note = QLabel(tr("att.no_preview"))
        self.preview_note.setWordWrap(True)
        right.addWidget(self.preview_note)
        body.addLayout(right, 1)
        close = QPushButton(tr("att.close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        outer.addLayout(row)
        self._stale = False
        doc.repriced.connect(self._on_changed)
        self.resize(900, 620)
        self.refresh()

    # -- view ----------------------------------------------------------------------------------
    @property
    def attachments(self) -> list[Attachment]:
        return self.doc.program.attachments

    def current(self) -> Attachment | None:
        row = self.list.currentRow()
        return self.attachments[row] if 0 <= row < len(self.attachments) else None

    def _icon(self, att: Attachment) -> QIcon:
        key = f"{att.sha256}:{att.width}x{att.height}"
        icon = self._thumbs.get(key)
        if icon is None:
            icon = self._thumbs[key] = QIcon(thumbnail(att, THUMB))
        return icon

    def _label(self, att: Attachment, n: int) -> str:
        label = " · ".join(x for x in (att.sheet, att.title) if x) or att.filename
        text = tr("att.row", n=n, kind=tr(f"att.kind.{att.kind.value}"), label=label)
        if att.package_id:
            text += "\n" + self._scope_text(att.package_id)
        return text

    def _scope_text(self, package_id: str | None) -> str:
        for n, p in enumerate(self.doc.program.packages, start=1):
            if p.id == package_id:
                return tr("att.scope.package", n=n, name=_short(p.name))
        return tr("att.scope.program")

    def _on_changed(self, _structural: bool = False) -> None:
        """The document changed (any edit, undo or redo): rebuild now when shown, else on
        the next show (a hidden window costs nothing per RAB edit)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Files dragged from the file manager can be dropped anywhere on the window."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def refresh(self, select_id: str | None = None) -> None:
        """Rebuild the list from the programme, keeping (or moving to) the selection."""
        keep = select_id or (self.current().id if self.current() else None)
        self._filling = True
        try:
            self.list.clear()
            for n, att in enumerate(self.attachments, start=1):
                item = QListWidgetItem(self._icon(att), self._label(att, n))
                item.setData(Qt.ItemDataRole.UserRole, att.id)
                self.list.addItem(item)
            self.scope.clear()
            self.scope.addItem(tr("att.scope.program"), None)
            for p in self.doc.program.packages:
                self.scope.addItem(self._scope_text(p.id), p.id)
            ids = [a.id for a in self.attachments]
            row = ids.index(keep) if keep in ids else (0 if ids else -1)
            self.list.setCurrentRow(row)
        finally:
            self._filling = False
        self.empty_label.setVisible(not self.attachments)
        self._show_current()

    def _show_current(self, *_args) -> None:
        att = self.current()
        has = att is not None
        for w in (self.kind, self.title_edit, self.sheet_edit, self.scale_edit, self.scope,
                  self.note_edit, self.replace_button, self.remove_button):
            w.setEnabled(has)
        row = self.list.currentRow()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.attachments) - 1)
        if not has:
            for e in (self.title_edit, self.sheet_edit, self.scale_edit, self.note_edit):
                e.clear()
            self.file_label.clear()
            self.preview.clear()
            self._preview_key = None
            self.preview_note.hide()
            return
        self.kind.setCurrentIndex(KINDS.index(att.kind))
        self.title_edit.setText(att.title)
        self.sheet_edit.setText(att.sheet)
        self.scale_edit.setText(att.scale)
        self.note_edit.setText(att.note)
        ids = [self.scope.itemData(i) for i in range(self.scope.count())]
        self.scope.setCurrentIndex(ids.index(att.package_id) if att.package_id in ids else 0)
        self.file_label.setText(tr("att.file", name=att.filename, size=_size_text(att.size),
                                   hash=att.sha256[:16]))
        key = f"{att.sha256}:{att.width}x{att.height}"
        if self._preview_key != key:  # decode a large photo once, not on every refresh
            self._preview_key = key
            self.preview.setPixmap(thumbnail(att, PREVIEW))
        self.preview_note.setVisible(att.is_pdf)

    # -- actions (one undo step each) ----------------------------------------------------------
    def _push(self, edit: edits.Edit, text: str, select_id: str | None = None) -> bool:
        reason = push_edit(self.doc, edit, text)
        if reason:
            dialogs.show_error(self, tr("att.title"), reason)
            return False
        self.refresh(select_id)
        return True

    def _set(self, name: str, value) -> None:
        att = self.current()
        if self._filling or att is None or getattr(att, name) == value:
            return
        self._push(edits.set_attachment(att.id, **{name: value}),
                   tr("cmd.att.edit", title=_short(att.title or att.filename)), att.id)

    def _max_bytes(self) -> int:
        return self.limit.value() * 1024 * 1024

    def _choose(self, many: bool) -> list[str]:
        start = settings.read("last_folder")
        dialog = dialogs.file_dialog(self, tr("att.choose"), start, tr("att.filter"), save=False)
        if many:
            from PySide6.QtWidgets import QFileDialog

            dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        if not dialog.exec():
            return []
        return dialog.selectedFiles()

    def add_files(self, paths: list[str] | None = None) -> int:
        """Attach ``paths`` (None: ask with a file dialog) after the selected attachment,
        to the programme; a refused file is explained and skipped. Returns how many were
        added (each one its own undo step)."""
        if paths is None:
            paths = self._choose(True)
        added = 0
        for path in paths:
            try:
                att = attachment_from_path(path, max_bytes=self._max_bytes())
            except Exception as exc:  # noqa: BLE001 - every refusal is explained, never raised
                log.info("attachment refused: %s", exc)
                dialogs.show_error(self, tr("att.refused"), explain(exc, path))
                continue
            row = self.list.currentRow()
            index = row + 1 if row >= 0 else None
            if self._push(edits.InsertAttachment(att, index),
                          tr("cmd.att.add", title=_short(att.title)), att.id):
                added += 1
        return added

    def replace_current(self, path: str | None = None) -> bool:
        """Replace the selected attachment's file (its fields stay)."""
        att = self.current()
        if att is None:
            return False
        if path is None:
            chosen = self._choose(False)
            if not chosen:
                return False
            path = chosen[0]
        try:
            new = replacement_from_path(att, path, max_bytes=self._max_bytes())
        except Exception as exc:  # noqa: BLE001 - explained, never raised
            dialogs.show_error(self, tr("att.refused"), explain(exc, path))
            return False
        self._thumbs.clear()
        return self._push(edits.ReplaceAttachment(new),
                          tr("cmd.att.replace", title=_short(att.title or att.filename)), att.id)

    def remove_current(self) -> None:
        att = self.current()
        if att is not None:
            self._push(edits.RemoveAttachment(att.id),
                       tr("cmd.att.remove", title=_short(att.title or att.filename)))

    def move_current(self, step: int) -> None:
        att = self.current()
        if att is None:
            return
        edit = edits.move_attachment(self.doc.program, att.id, step)
        if edit is not None:
            self._push(edit, tr("cmd.att.move", title=_short(att.title or att.filename)), att.id)
