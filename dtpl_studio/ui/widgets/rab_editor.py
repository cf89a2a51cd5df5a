"""The RAB editor: the tree of one package and its summary footer (Jumlah … Terbilang)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import format_percent, format_rupiah
from dtpl_studio.costing.items import AnalysisIndex
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item, Package, PricedPackage, Section
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.models.rab_model import Col, RabTreeModel
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.analysis_completer import UraianDelegate
from dtpl_studio.ui.widgets.cell_navigation import SpreadsheetNavigation
from dtpl_studio.ui.widgets.delegates import one_line_columns, wrap_column


class RabTreeView(SpreadsheetNavigation, QTreeView):
    """The RAB tree view: spreadsheet keys (:mod:`~dtpl_studio.ui.widgets.cell_navigation`);
    F2 on a cell that cannot be edited edits the row's volume (or its *uraian* when the
    volume comes from back-up lines).

    The Uraian column takes the width the fixed columns leave, but never less than
    :attr:`MIN_URAIAN` pixels: in a narrow window the tree scrolls sideways instead of
    wrapping each description over five lines (the window at 1 440 px with both docks open
    left it 60 px)."""

    MIN_URAIAN = 260

    def fit_uraian(self) -> None:
        """Give Uraian what the viewport leaves after the other columns (at least
        :attr:`MIN_URAIAN`)."""
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != Col.URAIAN and not header.isSectionHidden(c))
        width = max(self.MIN_URAIAN, self.viewport().width() - others)
        if header.sectionSize(Col.URAIAN) != width:
            header.resizeSection(Col.URAIAN, width)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Qt override: Uraian follows the view's width (:meth:`fit_uraian`)."""
        super().resizeEvent(event)
        self.fit_uraian()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Qt override."""
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_F2 and index.isValid() and self.state() != self.State.EditingState:
            model = self.model()
            for column in (index.column(), Col.VOLUME, Col.URAIAN):
                target = model.index(index.row(), column, index.parent())
                if model.flags(target) & Qt.ItemFlag.ItemIsEditable:
                    self.setCurrentIndex(target)
                    self.edit(target)
                    event.accept()
                    return
        super().keyPressEvent(event)


class SummaryPanel(QFrame):
    """Footer with the package totals as the core returned them: Jumlah, PPN, Total,
    Dibulatkan and Terbilang (DOMAIN.md §5.2)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("summaryPanel")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for row, key in enumerate(("direct", "ppn", "total", "rounded")):
            label = QLabel(tr("sum.ppn", label="PPN", rate="") if key == "ppn" else tr(f"sum.{key}"))
            value = QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setMinimumWidth(value.fontMetrics().horizontalAdvance("Rp 9.999.999.999.999") + 8)
            if key == "rounded":
                label.setFont(bold)
                value.setFont(bold)
            grid.addWidget(label, row, 1)
            grid.addWidget(value, row, 2)
            self.labels[key] = label
            self.values[key] = value
        self.terbilang = QLabel()
        self.terbilang.setWordWrap(True)
        self.terbilang.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.terbilang.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        italic = QFont(self.font())
        italic.setItalic(True)
        self.terbilang.setFont(italic)
        # three lines reserved (a terbilang up to the triliun fits at the usual width): a total
        # whose words wrap onto one line more or less while typing does not resize the panel,
        # and with it the RAB tree and the whole window (issue 10: every edit repainted it all)
        self.terbilang.setMinimumHeight(3 * self.terbilang.fontMetrics().lineSpacing())
        grid.addWidget(self.terbilang, 4, 0, 1, 3)

    def show_package(self, pp: PricedPackage | None) -> None:
        """Show the totals of ``pp`` (blank when None)."""
        if pp is None:
            for value in self.values.values():
                value.setText("")
            self.terbilang.setText("")
            return
        settings = pp.package.settings
        self.labels["ppn"].setText(tr("sum.ppn", label=settings.ppn_label, rate=format_percent(settings.ppn_rate)))
        for key, amount in (("direct", pp.direct), ("ppn", pp.ppn), ("total", pp.total), ("rounded", pp.rounded)):
            self.values[key].setText("Rp " + format_rupiah(amount))
        self.values["rounded"].setToolTip(tr("sum.rounding_tip", rule=settings.total_rounding.describe()))
        self.labels["rounded"].setToolTip(self.values["rounded"].toolTip())
        self.terbilang.setText(f"{tr('sum.terbilang')}: {pp.terbilang}")


class RabEditor(QWidget):
    """Tree of one package (:class:`RabTreeModel`) with the summary footer.

    Signals:
        current_changed(object): the selected :class:`Item` or :class:`Section` (or None).
    """

    current_changed = Signal(object)
    #: the user double-clicked an item's funding cell: open its funding dialog
    funding_requested = Signal(object)
    #: an analysis was chosen in an item's Uraian type-ahead: (item id, source book, code)
    analysis_chosen = Signal(str, object, str)
    #: the user double-clicked an item's rate or origin cell: open "Ubah harga satuan…"
    rate_requested = Signal(object)

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.model = RabTreeModel(doc, self)
        self.view = RabTreeView(self)
        self.view.setObjectName("rabTree")
        self.view.setModel(self.model)
        wrap_column(self.view, Col.URAIAN)  # long descriptions wrap as on the printed RAB
        #: the catalogue's edition, offered by the Uraian type-ahead after the pinned book
        self.library_book: PriceBook | None = None
        self._analysis_index: AnalysisIndex | None = None
        self.uraian_delegate = UraianDelegate(self.view, self.analysis_index)  # wraps too
        self.view.setItemDelegateForColumn(Col.URAIAN, self.uraian_delegate)
        self.uraian_delegate.analysis_chosen.connect(self.analysis_chosen)
        # every other column is one line: its height is known without asking the model
        one_line_columns(self.view, [c for c in Col if c != Col.URAIAN])
        self.view.setAlternatingRowColors(True)
        self.view.setIndentation(14)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed  # typing on a cell starts its edit
        )
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        # Widths from the font, never "resize to contents": that re-reads every row of the
        # tree on each change (issue 10: 1,8 million data() calls per edit at 1 000 items).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        self._set_column_widths()
        self.view.fit_uraian()
        # a fixed column widened or narrowed by hand: Uraian takes up the difference
        header.sectionResized.connect(
            lambda index, _old, _new: self.view.fit_uraian() if index != Col.URAIAN else None)
        self.summary = SummaryPanel(self)
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

        self._collapsed: set[str] = set()
        self._selected = ""
        self._selected_column = int(Col.URAIAN)
        self._switching = False
        self.model.modelAboutToBeReset.connect(self._remember_state)
        self.model.modelReset.connect(self._restore_state)
        self.model.rowsInserted.connect(self._expand_inserted)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.doubleClicked.connect(self._on_double_click)
        doc.repriced.connect(self._on_repriced)

    #: the widest figure each fixed column is sized for (a division amount of Rp 9,9 miliar,
    #: a unit rate of Rp 99 juta, a volume of 999 ribu); the user can widen any of them
    COLUMN_SAMPLES = {Col.NO: "VIII", Col.VOLUME: "999.999,99", Col.SATUAN: "m3",
                      Col.RATE: "99.999.999", Col.AMOUNT: "9.999.999.999",
                      Col.FUNDING: "BLM perencanaan",  # a split is elided; its tooltip lists it
                      Col.ORIGIN: "A.4.4.2.27 ✎"}

    def _set_column_widths(self) -> None:
        bold = QFont(self.view.font())
        bold.setBold(True)
        figures = QFontMetrics(bold)
        titles = self.view.header().fontMetrics()
        for col, sample in self.COLUMN_SAMPLES.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(figures.horizontalAdvance(sample),
                        *(titles.horizontalAdvance(t) for t in title.split("\n"))) + 16
            if col == Col.NO:
                width += 2 * self.view.indentation()
            self.view.setColumnWidth(col, width)

    def analysis_index(self) -> AnalysisIndex | None:
        """The look-up of the Uraian type-ahead: the package's pinned book, then the
        catalogue's edition (:attr:`library_book`); made again only when one of them
        changed (:meth:`AnalysisIndex.fresh`). None without a package."""
        package = self.package
        if package is None:
            return None
        books = [package.book, self.library_book]
        if self._analysis_index is None or not self._analysis_index.fresh(books, package.book):
            self._analysis_index = AnalysisIndex(books, pinned=package.book)
        return self._analysis_index

    # -- package -------------------------------------------------------------------------------
    @property
    def package(self) -> Package | None:
        """The package shown."""
        return self.model.package

    def set_package(self, package: Package | None) -> None:
        """Show ``package``: the tree fully expanded, nothing selected."""
        self._selected = ""
        self._collapsed = set()
        self._switching = True  # no state to carry over from the previous package
        try:
            self.model.set_package(package)
        finally:
            self._switching = False
        self.view.expandAll()
        self._on_repriced(False)
        self.current_changed.emit(None)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == Col.FUNDING:
            item = self.model.item_at(index)
            if item is not None:
                self.funding_requested.emit(item)
        elif index.column() in (Col.RATE, Col.ORIGIN):
            item = self.model.item_at(index)
            if item is not None:
                self.rate_requested.emit(item)

    def _on_repriced(self, structural: bool) -> None:
        self.summary.show_package(self.doc.priced_package(self.package) if self.package else None)

    # -- selection -----------------------------------------------------------------------------
    def current_node(self) -> Item | Section | None:
        """The selected item or division (None when nothing is selected)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.item_at(index) or self.model.section_at(index)

    def select_id(self, node_id: str, column: int | None = None) -> bool:
        """Select and scroll to the row of ``node_id``, in ``column`` (by default the column
        of the current cell, else Uraian: a moved row keeps its cell); False when it is not
        shown."""
        if column is None:
            current = self.view.currentIndex()
            column = current.column() if current.isValid() else Col.URAIAN
        index = self.model.index_for_id(node_id, column)
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
        return True

    def insertion_point(self) -> tuple[Section, int | None] | None:
        """Where a new item goes: after the selected item in its division, or at the end of
        the selected division, or of the last division; None when the package has none."""
        package = self.package
        if package is None or not package.sections:
            return None
        node = self.current_node()
        if isinstance(node, Section):
            return node, None
        if isinstance(node, Item):
            location = self.doc.locate(node)
            if location.parent is not None:
                return location.parent, location.index + 1
        last = package.sections[-1]
        return last, None

    def _on_current_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._selected = self.model.node_id(current) if current.isValid() else ""
        self.current_changed.emit(self.current_node())

    def _expand_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """New sections (added, pasted, moved in from another parent) show their rows."""
        for row in range(first, last + 1):
            index = self.model.index(row, 0, parent)
            if self.model.rowCount(index):
                self.view.expandRecursively(index)

    def _remember_state(self) -> None:
        if self._switching:
            return
        self._collapsed = set()
        current = self.view.currentIndex()
        self._selected = self.model.node_id(current) if current.isValid() else ""
        self._selected_column = current.column() if current.isValid() else Col.URAIAN

        def walk(parent: QModelIndex) -> None:
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                if self.model.rowCount(index):
                    if not self.view.isExpanded(index):
                        self._collapsed.add(self.model.node_id(index))
                    walk(index)

        walk(QModelIndex())

    def _restore_state(self) -> None:
        if self._switching:
            return
        self.view.expandAll()
        for node_id in self._collapsed:
            index = self.model.index_for_id(node_id)
            if index.isValid():
                self.view.collapse(index)
        if not (self._selected and self.select_id(self._selected, self._selected_column)):
            self.current_changed.emit(self.current_node())
