"""Item delegates shared by the views."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)


class WrappingDelegate(QStyledItemDelegate):
    """Gives a cell the height its word-wrapped text needs at the column's current width
    (QTreeView itself sizes rows for one line and would elide long text)."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        """Qt override."""
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not text:
            return base
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = max(20, self.view.columnWidth(index.column()) - 2 * margin)
        rect = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), str(text))
        return QSize(base.width(), max(base.height(), rect.height() + 4))


def wrap_column(view: QTreeView, column: int) -> None:
    """Word-wrap ``column`` of ``view``: row heights follow the text and the column width."""
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.setItemDelegateForColumn(column, WrappingDelegate(view))
    header: QHeaderView = view.header()

    def relayout(logical: int, old: int, new: int) -> None:
        if logical == column:
            view.doItemsLayout()

    header.sectionResized.connect(relayout)
