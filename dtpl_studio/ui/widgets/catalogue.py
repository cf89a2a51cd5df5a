"""The analysis catalogue: search by code or name, the A–F breakdown, "Tambah ke RAB"."""

from __future__ import annotations

import html
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import format_number, format_percent, format_rupiah
from dtpl_studio.costing.pricebook import (
    Breakdown,
    PriceBook,
    PriceBookError,
    PriceBookMeta,
    PricedLine,
)
from dtpl_studio.ui.models.catalogue_model import CatalogueFilter, CatalogueModel, CCol
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.delegates import wrap_column

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
GROUP_SHADE = "#eef2f7"
TOTAL_SHADE = "#e3e9f1"
F_SHADE = "#d7ecd9"

def describe_book(meta: PriceBookMeta) -> str:
    """``AHSP+HSD · Permen PUPR No. 8 Tahun 2023 · Kota Contoh · 2024`` from the book's
    metadata; an unknown region is said, not hidden (the edition id is in the tooltip)."""
    parts = [meta.kind.value, meta.legal_ref, meta.region or meta.province or tr("book.region_unknown"),
             str(meta.year) if meta.year else "",
             tr("book.unverified") if meta.verification == "unverified" else ""]
    text = " · ".join(p for p in parts if p)
    return text or meta.title or "—"


def _money(value: Decimal) -> str:
    """Rupiah with two decimals when the value has a fraction (unrounded A–F sums)."""
    return format_rupiah(value, 2) if value != value.to_integral_value() else format_rupiah(value)


class BCol(IntEnum):
    """Columns of the breakdown view."""

    URAIAN = 0
    UNIT = 1
    COEF = 2
    PRICE = 3
    AMOUNT = 4


class BreakdownView(QWidget):
    """The A–F breakdown of one analysis (DOMAIN.md §2.1): the lines of A (tenaga kerja),
    B (bahan) and C (peralatan) with koefisien, harga satuan and jumlah, each group with its
    sum; then D = A + B + C, E with its percentage, F = D + E and F rounded by the book's
    rule. All figures are the core's :class:`Breakdown`; nothing is computed here."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(tr("cat.detail.empty"))
        self.title.setObjectName("breakdownTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setObjectName("breakdownTree")
        self.tree.setColumnCount(len(BCol))
        self.tree.setHeaderLabels([tr("cat.h.uraian"), tr("cat.h.unit"), tr("cat.h.coef"),
                                   tr("cat.h.price"), tr("cat.h.amount")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BCol.URAIAN, QHeaderView.ResizeMode.Stretch)
        wrap_column(self.tree, BCol.URAIAN)
        for col in (BCol.COEF, BCol.PRICE, BCol.AMOUNT):
            self.tree.headerItem().setTextAlignment(col, RIGHT)
        self.tree.headerItem().setTextAlignment(BCol.UNIT, CENTER)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        totals = QFrame()
        totals.setObjectName("breakdownTotals")
        totals.setStyleSheet(f"#breakdownTotals {{ background: {TOTAL_SHADE}; border-radius: 3px; }}")
        grid = QGridLayout(totals)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.total_labels: dict[str, QLabel] = {}
        self.total_values: dict[str, QLabel] = {}
        for row, key in enumerate(("D", "E", "F", "F_rounded")):
            label, value = QLabel(), QLabel()
            label.setWordWrap(True)
            value.setAlignment(RIGHT)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "F_rounded":
                for widget in (label, value):
                    widget.setFont(self._bold)
                    widget.setStyleSheet(f"background: {F_SHADE}; padding: 2px;")
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            self.total_labels[key] = label
            self.total_values[key] = value
        self.totals = totals
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addWidget(totals)
        layout.addWidget(self.source)
        totals.hide()

    def clear(self) -> None:
        """Show the "select an analysis" hint."""
        self.tree.clear()
        self.totals.hide()
        self.title.setText(tr("cat.detail.empty"))
        self.title.setStyleSheet("")
        self.source.setText("")

    def show_error(self, message: str) -> None:
        """Show why the analysis cannot be computed (in red)."""
        self.tree.clear()
        self.totals.hide()
        self.title.setText(tr("cat.detail.error", error=message))
        self.title.setStyleSheet("color: #b3261e;")
        self.source.setText("")

    def _row(self, texts: list[str], bold: bool = False, shade: str = "") -> QTreeWidgetItem:
        row = QTreeWidgetItem(self.tree, texts)
        for col in range(len(BCol)):
            if col in (BCol.COEF, BCol.PRICE, BCol.AMOUNT):
                row.setTextAlignment(col, RIGHT)
            elif col == BCol.UNIT:
                row.setTextAlignment(col, CENTER)
            if bold:
                row.setFont(col, self._bold)
            if shade:
                row.setBackground(col, QBrush(QColor(shade)))
        row.setToolTip(BCol.URAIAN, texts[0])
        return row

    def show_breakdown(self, bd: Breakdown, book: PriceBook) -> None:
        """Fill the view from ``bd`` (an analysis of ``book``)."""
        a = bd.analysis
        self.title.setStyleSheet("")
        self.title.setText(f"<b>{html.escape(a.code)}</b> — {html.escape(' '.join(a.name.split()))}"
                           f"<br><span style='color:#555'>{html.escape(tr('cat.detail.per', unit=a.unit))}</span>")
        self.tree.clear()
        groups: list[tuple[str, tuple[PricedLine, ...], Decimal]] = [
            ("cat.A", bd.labour, bd.a), ("cat.B", bd.material, bd.b), ("cat.C", bd.equipment, bd.c),
        ]
        for title_key, lines, subtotal in groups:
            self._row([tr(title_key), "", "", "", ""], bold=True, shade=GROUP_SHADE)
            for pl in lines:
                coefficient = pl.line.coefficient
                coef = format_percent(coefficient) if pl.unit == "%" else format_number(coefficient)
                self._row(["   " + " ".join(pl.description.split()), pl.unit, coef, _money(pl.price),
                           _money(pl.amount)])
            self._row([tr(title_key.replace("cat.", "cat.sum")), "", "", "", _money(subtotal)], bold=True)
        for key, label, value in (
            ("D", tr("cat.D"), _money(bd.d)),
            ("E", tr("cat.E", pct=format_percent(bd.overhead_pct)), _money(bd.e)),
            ("F", tr("cat.F"), _money(bd.f_exact)),
            ("F_rounded", tr("cat.F_rounded", rule=book.meta.rate_rounding.describe()), format_rupiah(bd.f)),
        ):
            self.total_labels[key].setText(label)
            self.total_values[key].setText(value)
        self.totals.show()
        source = a.source_ref or a.method
        self.source.setText(tr("cat.source", source=source) if source else "")

    def texts(self) -> list[list[str]]:
        """The shown rows as text, then the D, E, F and rounded F rows (for tests and copy)."""
        rows = [[self.tree.topLevelItem(r).text(c) for c in range(len(BCol))]
                for r in range(self.tree.topLevelItemCount())]
        if self.totals.isVisibleTo(self):
            rows += [[self.total_labels[k].text(), self.total_values[k].text()] for k in self.total_labels]
        return rows


class CatalogueTable(QTableView):
    """The catalogue table: rows wrap their name and take the height it needs, measured for
    the rows in view only (after a scroll, a resize or a new filter).

    ``ResizeToContents`` on the rows would measure all 670 rows on every change (issue 10:
    193 000 ``data()`` calls and 1,5 s to show the window); rows out of view keep the
    default two-line height until they are scrolled to.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        header = self.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.fit_visible_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit.start())

    def setModel(self, model) -> None:  # noqa: N802
        """Qt override: refit the rows in view whenever the rows change."""
        super().setModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_: self._fit.start())

    def fit_visible_rows(self) -> None:
        """Give each row in view the height its wrapped text needs."""
        rows = self.model().rowCount() if self.model() else 0
        if not rows:
            return
        first = max(self.rowAt(0), 0)
        last = self.rowAt(self.viewport().height() - 1)
        last = rows - 1 if last < 0 else last
        for row in range(first, min(last + 2, rows)):
            self.resizeRowToContents(row)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Qt override."""
        super().resizeEvent(event)
        self._fit.start()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        """Qt override."""
        super().scrollContentsBy(dx, dy)
        if dy:
            self._fit.start()


class CataloguePanel(QWidget):
    """Searchable list of the analyses of a price book with the selected one's breakdown.

    Keys in the search field (issue 10 point 9): Up/Down move the selection in the list,
    Enter adds the selected analysis (as *Tambah ke RAB*), Escape leaves for the RAB
    (:attr:`search_left`).

    Signals:
        add_requested(str): the user asked to add the analysis with this code to the RAB.
        search_left(): Escape in the search field: the window gives the focus back to the RAB.
    """

    add_requested = Signal(str)
    search_left = Signal()
    #: the user chose another edition of the price library (its id)
    edition_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.book: PriceBook | None = None
        # the library's editions (issue 8: the library is the catalogue's source); filled
        # by the window once the library answered (off the GUI thread)
        self.edition = QComboBox()
        self.edition.setObjectName("catalogueEdition")
        self.edition.setEnabled(False)
        self.edition.addItem(tr("cat.edition.loading"), None)
        self.edition.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.edition.setMinimumContentsLength(20)
        self.edition.activated.connect(self._on_edition)
        self.model = CatalogueModel(self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)

        self.book_label = QLabel()
        self.book_label.setWordWrap(True)
        self.book_label.setStyleSheet("color: #444;")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00;")
        self.warning.hide()
        self.search = QLineEdit()
        self.search.setObjectName("catalogueSearch")
        self.search.setPlaceholderText(tr("cat.search"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        self.view = CatalogueTable()
        self.view.setObjectName("catalogueTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        # Names that differ only at the end (volume brackets, manual/mekanis) must be readable
        # in full: rows wrap and take the height they need.
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CCol.NAME, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        self.view.setColumnWidth(CCol.CODE, metrics.horizontalAdvance("A.2.3.1.10") + 16)
        self.view.setColumnWidth(CCol.UNIT, metrics.horizontalAdvance("Satuan") + 16)
        self.view.setColumnWidth(CCol.RATE, metrics.horizontalAdvance("99.999.999") + 20)
        self.detail = BreakdownView()
        self.detail.setObjectName("catalogueDetail")
        self.add_button = QPushButton(tr("cat.add"))
        self.add_button.setObjectName("catalogueAdd")
        self.add_button.setToolTip(tr("cat.add_tip"))
        self.add_button.setEnabled(False)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        edition_row = QHBoxLayout()
        edition_row.addWidget(QLabel(tr("cat.edition")))
        edition_row.addWidget(self.edition, 1)
        top_layout.addLayout(edition_row)
        top_layout.addWidget(self.book_label)
        top_layout.addWidget(self.warning)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.count)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        bottom_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self.search.textChanged.connect(self._on_search)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(lambda _index: self._request_add())
        self.add_button.clicked.connect(self._request_add)
        self._can_add = False
        self.search.installEventFilter(self)

    def focus_search(self) -> None:
        """Put the focus in the search field with its text selected (Ctrl+F)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Qt override: the search field's Escape, Enter, Up and Down (see the class)."""
        if watched is not self.search or event.type() != QEvent.Type.KeyPress or event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.search_left.emit()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._request_add()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.proxy.rowCount():
            current = self.view.currentIndex()
            row = current.row() + (1 if key == Qt.Key.Key_Down else -1) if current.isValid() else 0
            index = self.proxy.index(max(0, min(row, self.proxy.rowCount() - 1)), 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)
            return True
        return False

    # -- content -------------------------------------------------------------------------------
    def set_editions(self, entries: list[tuple[int, str]], current: int | None, note: str = "") -> None:
        """Offer the library's editions ``[(id, label)]`` with ``current`` selected; an empty
        list (the library could not be read: ``note`` says why) leaves the selector disabled."""
        self.edition.blockSignals(True)
        self.edition.clear()
        for edition_id, label in entries:
            self.edition.addItem(label, edition_id)
        if not entries:
            self.edition.addItem(note or tr("cat.edition.none"), None)
        index = self.edition.findData(current) if current is not None else -1
        self.edition.setCurrentIndex(max(index, 0))
        self.edition.setEnabled(bool(entries))
        self.edition.setToolTip(note)
        self.edition.blockSignals(False)

    def show_edition(self, edition_id: int) -> None:
        """Select ``edition_id`` in the selector (the book shown came from it)."""
        index = self.edition.findData(edition_id)
        if index >= 0:
            self.edition.blockSignals(True)
            self.edition.setCurrentIndex(index)
            self.edition.blockSignals(False)

    def _on_edition(self, index: int) -> None:
        edition_id = self.edition.itemData(index)
        if edition_id is not None:
            self.edition_chosen.emit(int(edition_id))

    def set_book(self, book: PriceBook | None, package_book: PriceBook | None = None) -> None:
        """Show the analyses of ``book``; ``package_book`` is the pinned book of the package
        items are added to (a note is shown when it is another edition)."""
        if book is not self.book:
            self.book = book
            self.model.set_book(book)
            self.detail.clear()
        self.book_label.setText(tr("cat.book", book=describe_book(book.meta)) if book else "")
        other = package_book is not None and book is not None and package_book is not book and (
            describe_book(package_book.meta) != describe_book(book.meta))
        self.warning.setVisible(bool(other))
        if other:
            self.warning.setText(tr("cat.other_book", book=describe_book(package_book.meta)))
        self._update_count()
        self._update_add()

    def set_can_add(self, enabled: bool) -> None:
        """Whether a target for new items exists (a package with a division)."""
        self._can_add = enabled
        self._update_add()

    def current_code(self) -> str | None:
        """The code of the selected analysis."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, CatalogueModel.CodeRole)

    def select_code(self, code: str) -> bool:
        """Select analysis ``code`` (clearing a search that hides it)."""
        row = self.model.row_of(code)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, CCol.CODE))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, CCol.CODE))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    # -- slots ---------------------------------------------------------------------------------
    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _update_count(self) -> None:
        self.count.setText(tr("cat.count", shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def _update_add(self) -> None:
        self.add_button.setEnabled(self._can_add and self.current_code() is not None)

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        code = self.current_code()
        self._update_add()
        if code is None or self.book is None:
            self.detail.clear()
            return
        try:
            bd = self.book.compute(code)
        except (PriceBookError, KeyError) as exc:
            self.detail.show_error(str(exc))
            return
        self.detail.show_breakdown(bd, self.book)

    def _request_add(self) -> None:
        code = self.current_code()
        if code is not None and self._can_add:
            self.add_requested.emit(code)
