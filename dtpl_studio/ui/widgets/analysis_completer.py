"""Type-ahead of analyses in the RAB's Uraian cell (issue 10 point 2).

Typing in the Uraian cell of an item that has no price yet (no analysis, no own rate)
opens a list of the analyses of the package's pinned book and of the catalogue's edition
whose code starts with, or whose code and name contain, what was typed
(:class:`~dtpl_studio.costing.items.AnalysisIndex`: accent- and case-blind, code prefix
first). Choosing one (Enter, click) prices the item by it in one undo step.

Speed: the index is folded once per book revision; each keystroke searches it (about 1 ms
over 670 analyses) and refills a list of at most :data:`LIMIT` rows: no model of the whole
book is filtered or rebuilt per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QRect, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from dtpl_studio.costing.items import AnalysisHit, AnalysisIndex, book_text
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.delegates import WrappingDelegate

#: rows offered at most (the best ones; typing more narrows them)
LIMIT = 30
#: the popup is at least this wide (px): code, a readable part of the name, unit and book
POPUP_WIDTH = 680


class AnalysisCompleter(QObject):
    """A completer popup over ``index()`` for ``editor`` (a :class:`QLineEdit`).

    Signals:
        chosen(object): the :class:`AnalysisHit` picked (Enter or click).
    """

    chosen = Signal(object)

    def __init__(self, editor: QLineEdit, index: Callable[[], AnalysisIndex | None]):
        super().__init__(editor)
        self.editor = editor
        self._index = index
        self.hits: list[AnalysisHit] = []
        self.model = QStandardItemModel(0, 4, self)
        self.popup = QTreeView()
        self.popup.setObjectName("analysisPopup")
        self.popup.setHeaderHidden(True)
        self.popup.setRootIsDecorated(False)
        self.popup.setUniformRowHeights(True)
        self.popup.setAlternatingRowColors(True)
        self.popup.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(editor)
        self.completer.setPopup(self.popup)  # after setModel: the popup shows our model
        self.completer.setMaxVisibleItems(12)
        header = self.popup.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.completer.activated[QModelIndex].connect(self._activated)
        editor.textEdited.connect(self.update)
        self._bold = QFont(editor.font())
        self._bold.setBold(True)

    def update(self, text: str) -> None:
        """Search ``text`` and show the best :data:`LIMIT` analyses (hide when none)."""
        index = self._index()
        self.hits = index.search(text, LIMIT) if index is not None else []
        self.model.removeRows(0, self.model.rowCount())
        for hit in self.hits:
            tip = tr("items.hit.tip", code=hit.code, name=hit.name, unit=hit.unit, book=book_text(hit.book.meta))
            cells = [QStandardItem(hit.code), QStandardItem(hit.name), QStandardItem(hit.unit),
                     QStandardItem(tr("items.hit.pinned" if hit.pinned else "items.hit.library"))]
            for cell in cells:
                cell.setEditable(False)
                cell.setToolTip(tip)
            cells[0].setFont(self._bold)
            cells[2].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.model.appendRow(cells)
        if not self.hits:
            self.popup.hide()
            return
        metrics = self.popup.fontMetrics()
        self.popup.setColumnWidth(0, max(metrics.horizontalAdvance(h.code) for h in self.hits) + 16)
        self.popup.setColumnWidth(2, metrics.horizontalAdvance("m3 kg") + 8)
        self.popup.setColumnWidth(3, metrics.horizontalAdvance(tr("items.hit.pinned")) + 16)
        rect = QRect(0, 0, max(self.editor.width(), POPUP_WIDTH), self.editor.height())
        self.completer.complete(rect)
        self.popup.setCurrentIndex(self.model.index(0, 0))  # Enter takes the best one

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.hits):
            self.chosen.emit(self.hits[index.row()])


class UraianDelegate(WrappingDelegate):
    """The RAB's Uraian column: word-wrapped rows (:class:`WrappingDelegate`) and, on an item
    without a price, the analysis type-ahead (:class:`AnalysisCompleter`).

    Signals:
        analysis_chosen(str, object, str): item id, source book, analysis code.
    """

    analysis_chosen = Signal(str, object, str)

    def __init__(self, view: QTreeView, index: Callable[[], AnalysisIndex | None]):
        super().__init__(view)
        self._index = index

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        """Qt override: a line edit; with the analysis type-ahead on an unpriced item."""
        editor = super().createEditor(parent, option, index)
        item_at = getattr(index.model(), "item_at", None)
        item = item_at(index) if item_at is not None else None
        if (isinstance(editor, QLineEdit) and item is not None and item.analysis_code is None
                and item.custom_rate is None):
            completer = AnalysisCompleter(editor, self._index)
            completer.setObjectName("analysisCompleter")
            completer.chosen.connect(lambda hit, e=editor, item_id=item.id: self._choose(e, item_id, hit))
            editor.setToolTip(tr("items.uraian_tip"))
            editor.setPlaceholderText(tr("items.uraian_tip"))
        return editor

    def _choose(self, editor: QLineEdit, item_id: str, hit: AnalysisHit) -> None:
        editor.setProperty("dtplChosen", True)  # the typed words are not the new description
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.analysis_chosen.emit(item_id, hit.book, hit.code)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # noqa: N802
        """Qt override: nothing when an analysis was chosen (that edit names the item)."""
        if editor.property("dtplChosen"):
            return
        super().setModelData(editor, model, index)
