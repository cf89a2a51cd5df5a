"""Cut, copy, paste and drag and drop in the RAB tree (issue 10 points 1 and 9).

:class:`RabClipboard` is the window's clipboard controller; it holds no state of its own
beyond a drag in progress and asks the window (through callables) for the open document,
the RAB editor, the catalogue and where to show a message:

* **Salin / Potong** (Ctrl+C / Ctrl+X) put the selected section or item on the system
  clipboard twice: as our MIME type :data:`~dtpl_studio.services.clipboard.CLIP_MIME` (the
  self-contained clip as JSON, for a paste in this or another DTPL Studio window) and as
  ``text/plain`` tab-separated rows *No, Uraian, Volume, Satuan, Harga Satuan, Jumlah* in the
  Indonesian number format (a paste into a spreadsheet gives rows). A cut is one undo step.
* **Tempel** (Ctrl+V): our clip is pasted by :func:`~dtpl_studio.services.clipboard.plan_paste`
  (one undo step); plain text from a spreadsheet is read by
  :func:`~dtpl_studio.services.clipboard.read_table`. When a paste has rate conflicts, lines
  made fixed values, or cells not read as written, :class:`PasteReviewDialog` lists them
  (row, column, cell, what was done) and the user applies or cancels.
* **Drag and drop** inside the tree: a drop moves the section or item (one
  :class:`~dtpl_studio.costing.edits.MoveNode`); with Ctrl held it copies (a paste). The
  upper quarter of a row drops before it, the lower quarter after it, the middle of a
  section into it. A section dropped inside itself is refused with a message.

Where a paste goes: a clip holding items goes into the selected section (at its end) or
after the selected item; a clip of sections only goes after the selected division (same
level), or after the section of the selected item; with nothing selected, at the end.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QDrag, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRubberBand,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.edits import Edit, EditError, MoveNode, locate
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.rab import Item, Section
from dtpl_studio.services import clipboard as clip_service
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.strings import tr

log = logging.getLogger(__name__)

#: MIME type of a drag inside one window's tree: ``<document key>\n<node id>``.
DRAG_MIME = "application/x-dtpl-studio-rab-node"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(node: Section | Item) -> str:
    return _short(node.title if isinstance(node, Section) else node.description)


def _count(nodes) -> str:
    items = sections = 0
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if isinstance(node, Section):
            sections += 1
            stack.extend(node.children)
        else:
            items += 1
    if not sections:
        return tr("clip.items", items=items)
    return tr("clip.items_n", items=items, sections=sections)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One line of the paste review: severity, row and column (text, may be empty), the
    cell as read, and what was done."""

    severity: Severity
    row: str
    column: str
    raw: str
    message: str


class PasteReviewDialog(QDialog):
    """What a paste will do and what it could not take as written; accepted = apply."""

    def __init__(self, intro: str, rows: list[ReviewRow], parent: QWidget | None = None,
                 column_title: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("dlg.paste.title"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(len(rows), 5)
        self.table.setHorizontalHeaderLabels([tr("dlg.paste.col.severity"), tr("dlg.paste.col.row"),
                                              column_title or tr("dlg.paste.col.column"),
                                              tr("dlg.paste.col.raw"), tr("dlg.paste.col.message")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
        for i, r in enumerate(sorted(rows, key=lambda r: order[r.severity])):
            for col, text in enumerate((tr(f"severity.{r.severity.value}"), r.row, r.column, r.raw, r.message)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(i, col, cell)
        for col, width in enumerate((84, 52, 120, 140)):
            self.table.setColumnWidth(col, width)
            # a column nobody filled (a clip's notes have no row or cell) is not shown
            self.table.setColumnHidden(col, col > 0 and not any((r.row, r.column, r.raw)[col - 1] for r in rows))
        self.table.setWordWrap(True)  # the whole explanation is read, never elided
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().setStretchLastSection(True)
        # rows are measured again at the column's new width (the wrapped text's height)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("dlg.paste.apply"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 420)


_EXIT_HOOK = False


def _release_clipboard() -> None:
    """At exit, while Python still runs: the clipboard lets go of our QMimeData."""
    app = QApplication.instance()
    if app is not None:
        app.clipboard().clear()


class RabClipboard(QObject):
    """The clipboard and drag-and-drop controller of the RAB tree (module docstring).

    Args:
        doc: the open document (None when none).
        editor: the RAB editor shown (None when none).
        library: the catalogue's book (codes of pasted rows are matched to it and pinned).
        message: shows a status message.
        parent: the window (dialogs' parent).
    """

    def __init__(self, doc: Callable, editor: Callable, library: Callable, message: Callable[[str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._doc, self._editor, self._library, self._message = doc, editor, library, message
        self._press: QPoint | None = None
        self._press_id = ""
        self._band: QRubberBand | None = None
        self._viewport: QWidget | None = None
        #: the last review shown (tests and screenshots read it)
        self.last_review: PasteReviewDialog | None = None

    # -- hooks the tests replace -----------------------------------------------------------
    def confirm(self, dialog: PasteReviewDialog) -> bool:
        """Show the review modally; True = apply."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """Ids of the selected rows (the current one when the selection is a single row)."""
        editor = self._editor()
        if editor is None or editor.package is None:
            return []
        model = editor.model
        ids = [model.node_id(i) for i in editor.view.selectionModel().selectedRows()]
        ids = [i for i in ids if i]
        if not ids:
            node = editor.current_node()
            ids = [node.id] if node is not None else []
        return ids

    # -- copy / cut ----------------------------------------------------------------------------
    @staticmethod
    def _put(mime: QMimeData) -> None:
        """Put ``mime`` on the system clipboard (Qt owns it from now on) and make sure it is
        given back before Python shuts down: Qt deletes the clipboard's data in its own
        exit handlers, after the interpreter is gone, and deleting a QMimeData made in
        Python then crashes the process (a segfault at every exit after a copy)."""
        global _EXIT_HOOK
        QApplication.clipboard().setMimeData(mime)
        if not _EXIT_HOOK:
            atexit.register(_release_clipboard)
            _EXIT_HOOK = True

    def _mime(self, clip) -> QMimeData:
        mime = QMimeData()
        mime.setData(clip_service.CLIP_MIME, clip_service.clip_to_json(clip).encode("utf-8"))
        mime.setText(clip_service.clip_tsv(clip))
        return mime

    def _clip(self, ids: list[str], cut: bool = False):
        doc, editor = self._doc(), self._editor()
        return clip_service.copy_nodes(doc.program, ids, doc.priced_package(editor.package), cut=cut)

    def copy(self) -> bool:
        """Sunting › Salin (Ctrl+C)."""
        ids = self.selected_ids()
        if self._doc() is None or not ids:
            self._message(tr("tree.nothing"))
            return False
        clip = self._clip(ids)
        self._put(self._mime(clip))
        self._message(tr("clip.copied", item=_name(clip.nodes[0])))
        return True

    def cut(self) -> bool:
        """Sunting › Potong (Ctrl+X): copy, then remove as one undo step."""
        ids = self.selected_ids()
        doc = self._doc()
        if doc is None or not ids:
            self._message(tr("tree.nothing"))
            return False
        clip = self._clip(ids, cut=True)
        edit = clip_service.cut_edit(doc.program, ids)
        reason = push_edit(doc, edit, tr("cmd.cut", item=_name(clip.nodes[0])))
        if reason:
            self._message(tr("tree.cannot", reason=reason))
            return False
        self._put(self._mime(clip))
        return True

    # -- paste -------------------------------------------------------------------------------
    def _target(self, items_on_top: bool) -> tuple[str | None, int | None] | None:
        """(parent section id, index) where a paste goes (module docstring); None when the
        package has no section for items."""
        editor = self._editor()
        package = editor.package
        doc = self._doc()
        node = editor.current_node()
        if items_on_top:
            if node is None:
                return (package.sections[-1].id, None) if package.sections else None
            if isinstance(node, Section):
                return node.id, None
            where = doc.locate(node)
            return where.parent.id, where.index + 1
        if node is None:
            return None, None
        if isinstance(node, Item):
            node = doc.locate(node).parent
        where = doc.locate(node)
        return (where.parent.id if where.parent else None), where.index + 1

    def paste(self) -> bool:
        """Sunting › Tempel (Ctrl+V): our clip, else spreadsheet rows."""
        doc, editor = self._doc(), self._editor()
        if doc is None or editor is None or editor.package is None:
            return False
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(clip_service.CLIP_MIME):
            try:
                clip = clip_service.clip_from_json(bytes(mime.data(clip_service.CLIP_MIME)).decode("utf-8"))
            except (clip_service.ClipError, UnicodeDecodeError) as exc:
                self._message(tr("tree.cannot", reason=str(exc)))
                return False
            return self.paste_clip(clip)
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not text.strip():
            self._message(tr("clip.empty"))
            return False
        return self.paste_rows(text)

    def paste_clip(self, clip, target: tuple[str | None, int | None] | None = None,
                   text: str | None = None) -> bool:
        """Paste ``clip`` at ``target`` (default: where the selection says), after the
        review when it has something to say; one undo step."""
        doc, editor = self._doc(), self._editor()
        package = editor.package
        target = target or self._target(clip.has_items_on_top)
        if target is None:
            self._message(tr("clip.no_section"))
            return False
        try:
            plan = clip_service.plan_paste(doc.program, clip, package.id, *target)
        except EditError as exc:
            self._message(tr("tree.cannot", reason=str(exc)))
            return False
        messages = plan.messages()
        if messages:
            rows = [ReviewRow(Severity.WARNING, "", c.code, "", c.message()) for c in plan.conflicts]
            rows += [ReviewRow(Severity.INFO, "", "", "", n) for n in plan.notes]
            intro = tr("dlg.paste.clip_intro", what=_count(plan.nodes), source=clip.package_name,
                       where=self._where(target))
            if not self._review(intro, rows, tr("dlg.paste.col.code")):
                return False
        return self._push(plan.edit, text or tr("cmd.paste", item=_name(plan.nodes[0])), plan.nodes[0].id)

    def paste_rows(self, text: str) -> bool:
        """Paste a tab-separated block from a spreadsheet into the selected section (after
        the selected item); the review first when a cell was not taken as written."""
        doc, editor = self._doc(), self._editor()
        package = editor.package
        point = editor.insertion_point()
        if point is None:
            self._message(tr("clip.no_section"))
            return False
        section, index = point
        library = self._library()
        table = clip_service.read_table(doc.program, package.id, text, library)
        if not table.nodes:
            self._message(tr("clip.nothing_read") + " " + "; ".join(f.text() for f in table.findings[:3]))
            return False
        if table.has_problems:
            rows = [ReviewRow(f.severity, str(f.row) if f.row else "",
                              (f"{f.column_name} ({f.column})" if f.column_name else str(f.column)) if f.column
                              else "", f.raw, f.message)
                    for f in table.findings]
            intro = tr("dlg.paste.rows_intro", rows=table.rows, what=_count(table.nodes),
                       where=self._where((section.id, index)))
            if not self._review(intro, rows):
                return False
        edit = clip_service.table_edit(doc.program, package.id, section.id, index, table, library)
        return self._push(edit, tr("cmd.paste_rows", count=table.rows), table.nodes[0].id)

    def _where(self, target: tuple[str | None, int | None]) -> str:
        editor = self._editor()
        parent_id = target[0]
        if parent_id is None:
            return editor.package.name
        section = locate(self._doc().program, parent_id).node
        return f"{editor.package.name} › {_short(section.title)}"

    def _review(self, intro: str, rows: list[ReviewRow], column_title: str | None = None) -> bool:
        dialog = PasteReviewDialog(intro, rows, self.parent() if isinstance(self.parent(), QWidget) else None,
                                   column_title)
        self.last_review = dialog
        if self.confirm(dialog):
            return True
        self._message(tr("clip.cancelled"))
        return False

    def _push(self, edit: Edit, text: str, select_id: str) -> bool:
        reason = push_edit(self._doc(), edit, text)
        if reason:
            self._message(tr("tree.cannot", reason=reason))
            return False
        self._editor().select_id(select_id)
        return True

    # -- drag and drop -----------------------------------------------------------------------
    def attach(self, editor) -> None:
        """Let ``editor``'s tree start drags and take drops (an event filter on its viewport)."""
        viewport = editor.view.viewport()
        if self._viewport is not None:
            try:
                self._viewport.removeEventFilter(self)
            except RuntimeError:  # the previous document's tree is already gone
                pass
        self._viewport = viewport
        viewport.setAcceptDrops(True)
        viewport.installEventFilter(self)
        viewport.destroyed.connect(self._viewport_gone)

    def _viewport_gone(self, *_args) -> None:
        self._viewport = None

    def _doc_key(self) -> str:
        return str(id(self._doc()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Qt override: mouse presses and moves start a drag; drag events place the drop.

        Any other event (a viewport being destroyed with its window sends some) returns at
        once without touching the window: it may be half gone."""
        kind = event.type()
        if kind not in _HANDLED or watched is not self._viewport:
            return False
        editor = self._editor()
        if editor is None:
            return False
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                index = editor.view.indexAt(event.position().toPoint())
                self._press = event.position().toPoint() if index.isValid() else None
                self._press_id = editor.model.node_id(index) if index.isValid() else ""
            return False
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if (self._press is not None and event.buttons() & Qt.MouseButton.LeftButton
                    and editor.view.state() != editor.view.State.EditingState
                    and (event.position().toPoint() - self._press).manhattanLength()
                    >= QApplication.startDragDistance()):
                node_id, self._press = self._press_id, None
                self.start_drag(node_id)
                return True
            return False
        if kind == QEvent.Type.MouseButtonRelease:
            self._press = None
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            return self._drag_move(event)
        if kind == QEvent.Type.DragLeave:
            self._hide_band()
            return True
        if kind == QEvent.Type.Drop:
            self._hide_band()
            return self._drop(event)
        return False

    def start_drag(self, node_id: str) -> None:
        """Start dragging row ``node_id`` (blocks until the drop, as every QDrag)."""
        if not node_id or self._doc() is None:
            return
        mime = self._mime(self._clip([node_id]))
        mime.setData(DRAG_MIME, f"{self._doc_key()}\n{node_id}".encode())
        drag = QDrag(self._editor().view)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction, Qt.DropAction.MoveAction)

    def _dragged(self, event) -> str:
        mime = event.mimeData()
        if mime is None or not mime.hasFormat(DRAG_MIME):
            return ""
        key, _, node_id = bytes(mime.data(DRAG_MIME)).decode().partition("\n")
        return node_id if key == self._doc_key() else ""

    def drop_target(self, node_id: str, pos: QPoint) -> tuple[str | None, int | None, QRect, bool] | None:
        """Where row ``node_id`` dropped at viewport ``pos`` goes: ``(parent id, index
        counted before the node is taken out, rectangle to show, into a section)``; None
        when it cannot go there (an item at the top level, a section into itself)."""
        editor = self._editor()
        doc = self._doc()
        program = doc.program
        node = locate(program, node_id).node
        index = editor.view.indexAt(pos)
        package = editor.package
        if not index.isValid():
            if isinstance(node, Section):
                return None, len(package.sections), QRect(), False
            if not package.sections:
                return None
            last = package.sections[-1]
            return last.id, len(last.children), QRect(), True
        target = locate(program, editor.model.node_id(index))
        rect = editor.view.visualRect(index)
        rect = QRect(0, rect.top(), editor.view.viewport().width(), rect.height())
        y = pos.y() - rect.top()
        if isinstance(target.node, Section) and rect.height() / 4 <= y < rect.height() * 3 / 4:
            parent_id, at, into = target.node.id, len(target.node.children), True
        else:
            after = y >= rect.height() / 2
            parent_id = target.parent.id if target.parent else None
            at, into = target.index + (1 if after else 0), False
            rect = QRect(rect.left(), rect.bottom() if after else rect.top(), rect.width(), 2)
        if parent_id is None and isinstance(node, Item):
            return None
        if isinstance(node, Section) and parent_id is not None:
            inside = {n for n in _ids(node)}
            if parent_id in inside:
                return None
        return parent_id, at, rect, into

    def _show_band(self, rect: QRect, into: bool) -> None:
        viewport = self._editor().view.viewport()
        if self._band is None or self._band.parent() is not viewport:
            self._band = QRubberBand(QRubberBand.Shape.Rectangle, viewport)
        if rect.isNull():
            self._band.hide()
            return
        self._band.setGeometry(rect)
        self._band.show()

    def _hide_band(self) -> None:
        if self._band is not None:
            self._band.hide()

    def _drag_move(self, event: QDragMoveEvent) -> bool:
        node_id = self._dragged(event)
        if not node_id:
            event.ignore()
            return True
        target = self.drop_target(node_id, event.position().toPoint())
        if target is None:
            self._hide_band()
            event.ignore()
            return True
        self._show_band(target[2], target[3])
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
        event.accept()
        return True

    def _drop(self, event: QDropEvent) -> bool:
        node_id = self._dragged(event)
        if not node_id:
            event.ignore()
            return True
        copy = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        done = self.drop(node_id, event.position().toPoint(), copy)
        if done:
            event.setDropAction(Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()
        return True

    def drop(self, node_id: str, pos: QPoint, copy: bool) -> bool:
        """Drop row ``node_id`` at viewport ``pos``: a move (one undo step), or with
        ``copy`` a paste of its copy; False (with a message) when refused."""
        doc = self._doc()
        target = self.drop_target(node_id, pos)
        if target is None:
            self._message(tr("clip.drop_self"))
            return False
        parent_id, at, _, _ = target
        where = locate(doc.program, node_id)
        node = where.node
        if copy:
            return self.paste_clip(self._clip([node_id]), (parent_id, at),
                                   tr("cmd.drag_copy", item=_name(node)))
        old_parent = where.parent.id if where.parent else None
        if old_parent == parent_id and where.package is self._editor().package:
            if at in (where.index, where.index + 1):
                return False  # dropped where it is
            if at > where.index:
                at -= 1  # counted after the node is taken out
        edit = MoveNode(node_id, self._editor().package.id, parent_id, at)
        return self._push(edit, tr("cmd.move", item=_name(node)), node_id)


_HANDLED = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.DragLeave, QEvent.Type.Drop})


def _ids(node: Section | Item):
    yield node.id
    if isinstance(node, Section):
        for child in node.children:
            yield from _ids(child)


__all__ = ["DRAG_MIME", "PasteReviewDialog", "RabClipboard", "ReviewRow"]
