"""The analysis catalogue of a price book as a table model, and its search proxy.

Columns: Kode, Uraian, Satuan, Harga (F). F comes from
:meth:`dtpl_studio.costing.pricebook.PriceBook.unit_rate` (memoised by the book), computed
only for rows that are shown. The proxy keeps a row when every word typed occurs in the code
or the name, ignoring case — the same rule as :meth:`PriceBook.search`.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dtpl_studio.costing.formatting import format_rate
from dtpl_studio.costing.pricebook import Analysis, PriceBook, PriceBookError
from dtpl_studio.ui.strings import tr


class CCol(IntEnum):
    """Columns of the catalogue."""

    CODE = 0
    NAME = 1
    UNIT = 2
    RATE = 3


HEADER_KEYS = {CCol.CODE: "cat.col.code", CCol.NAME: "cat.col.name", CCol.UNIT: "cat.col.unit",
               CCol.RATE: "cat.col.rate"}
Index = QModelIndex | QPersistentModelIndex


class CatalogueModel(QAbstractTableModel):
    """All analyses of one :class:`PriceBook`, in book order."""

    #: the analysis code of a row
    CodeRole = Qt.ItemDataRole.UserRole + 1
    #: lower-cased "code name" used by the search proxy
    SearchRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None):
        super().__init__(parent)
        self.book: PriceBook | None = None
        self._analyses: list[Analysis] = []
        self._search: list[str] = []

    def set_book(self, book: PriceBook | None) -> None:
        """Show the analyses of ``book`` (None for an empty catalogue)."""
        self.beginResetModel()
        self.book = book
        self._analyses = list(book.analyses.values()) if book else []
        self._search = [f"{a.code} {' '.join(a.name.split())}".lower() for a in self._analyses]
        self.endResetModel()

    def analysis(self, row: int) -> Analysis:
        """The analysis at ``row``."""
        return self._analyses[row]

    def row_of(self, code: str) -> int:
        """Row of analysis ``code`` (-1 when absent)."""
        for row, analysis in enumerate(self._analyses):
            if analysis.code == code:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        return 0 if parent.isValid() else len(self._analyses)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        return 0 if parent.isValid() else len(CCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Qt override."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(CCol):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADER_KEYS[CCol(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and section == CCol.RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Qt override."""
        if not index.isValid():
            return None
        analysis = self._analyses[index.row()]
        col = CCol(index.column())
        if role == self.CodeRole:
            return analysis.code
        if role == self.SearchRole:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == CCol.CODE:
                return analysis.code
            if col == CCol.NAME:
                return " ".join(analysis.name.split())
            if col == CCol.UNIT:
                return analysis.unit
            rate, error = self._rate(analysis)
            return tr("rab.error") if error else format_rate(rate)  # as the PDF prints F
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CCol.RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == CCol.RATE and self._rate(analysis)[1]:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CCol.RATE:
                return self._rate(analysis)[1] or None
            return " ".join(analysis.name.split())
        return None

    def _rate(self, analysis: Analysis):
        assert self.book is not None
        try:
            return self.book.unit_rate(analysis.code), ""
        except (PriceBookError, KeyError) as exc:
            return None, str(exc)


class CatalogueFilter(QSortFilterProxyModel):
    """Keeps rows whose code or name contains every typed word (case-insensitive)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        """Filter by the words of ``text`` (empty shows all)."""
        words = text.lower().split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        """Qt override."""
        if not self._words:
            return True
        source = self.sourceModel()
        key = source.data(source.index(source_row, 0, source_parent), CatalogueModel.SearchRole) or ""
        return all(word in key for word in self._words)
