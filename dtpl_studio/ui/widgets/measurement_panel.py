"""The back-up volume panel: the measurement lines of the selected item, add/remove lines."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.rab import Item, PricedItem, Section
from dtpl_studio.ui.commands import AddMeasurementCommand, RemoveMeasurementCommand
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.models.measurement_model import MCol, MeasurementModel, default_line
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.cell_navigation import SpreadsheetNavigation, keep_current_cell
from dtpl_studio.ui.widgets.restyle import set_style


class LinesTableView(SpreadsheetNavigation, QTableView):
    """The lines table: spreadsheet keys (:mod:`~dtpl_studio.ui.widgets.cell_navigation`)."""


class MeasurementPanel(QWidget):
    """Shows and edits the :class:`~dtpl_studio.costing.rab.Measurement` lines of one item.

    The item volume printed under the table is the core's (``PricedItem.volume``); a line
    with a unit mismatch is red with the reason in its tooltip, and the item shows the error.
    A factor whose typed unit was read with a note (``5 NOS`` → 5 bh) is blue, and the note
    line under the table (:attr:`notes`) says how each such unit was read.
    """

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.item: Item | None = None
        self.model = MeasurementModel(doc, self)
        self.header = QLabel(tr("mp.none"))
        self.header.setObjectName("measurementHeader")
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.view = LinesTableView(self)
        self.view.setObjectName("measurementTable")
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(True)  # long line descriptions wrap; rows take the height they need
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MCol.URAIAN, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()
        factor_width = metrics.horizontalAdvance("1.234,5 m'") + 12
        for col in (MCol.N, MCol.P, MCol.L, MCol.T):
            self.view.setColumnWidth(col, factor_width)
        self.view.setColumnWidth(MCol.N, metrics.horizontalAdvance("1.234") + 20)
        self.view.setColumnWidth(MCol.DEDUCT, metrics.horizontalAdvance(tr("mp.col.deduct")) + 20)
        volume_width = max(metrics.horizontalAdvance(t) for t in ("-12.345,678", tr("mp.mismatch")))
        self.view.setColumnWidth(MCol.VOLUME, volume_width + 14)

        self.add_button = QPushButton(tr("mp.add"))
        self.add_button.setObjectName("addLineButton")
        self.remove_button = QPushButton(tr("mp.remove"))
        self.remove_button.setObjectName("removeLineButton")
        self.link_button = QPushButton(tr("mp.link"))
        self.link_button.setObjectName("linkLineButton")
        self.link_button.setToolTip(tr("mp.link_tip"))
        self.parameters_button = QPushButton(tr("mp.parameters"))
        self.parameters_button.setObjectName("parametersButton")
        self.parameters_button.setToolTip(tr("mp.parameters_tip"))
        self.parameter_dialog = None
        self.notes = QLabel()
        self.notes.setObjectName("measurementUnitNotes")
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #1a5fb4;")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.hide()
        self.total = QLabel()
        self.total.setObjectName("measurementTotal")
        self.total.setWordWrap(True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.parameters_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.total, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_line)
        self.link_button.clicked.connect(self.pick_link)
        self.parameters_button.clicked.connect(self.show_parameters)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_spans)
        self.model.notes_changed.connect(self._show_notes)
        keep_current_cell(self.view, lambda: self.model.item)  # a line added or removed, an undo
        doc.repriced.connect(self._on_repriced)
        self.set_node(None)

    def set_node(self, node: Item | Section | None) -> None:
        """Show the lines of ``node`` when it is an item; a hint otherwise."""
        self.item = node if isinstance(node, Item) else None
        self.model.set_item(self.item)
        self.view.setEnabled(self.item is not None)
        if self.item is None:
            self.header.setText(tr("mp.section") if isinstance(node, Section) else tr("mp.none"))
        self._on_repriced(False)

    def _priced(self) -> PricedItem | None:
        if self.item is None:
            return None
        node = self.doc.priced_node(self.item.id)
        return node if isinstance(node, PricedItem) else None

    def _on_repriced(self, structural: bool) -> None:
        pi = self._priced()
        if self.item is not None and pi is None:  # the item was removed
            self.set_node(None)
            return
        if pi is None:
            self.total.setText("")
        else:
            self.header.setText(tr("mp.header", number=pi.number, item=pi.item.description, unit=pi.item.unit))
            if pi.volume is None:
                self.total.setText(tr("mp.total_error", error=self._first_line_error() or pi.error))
                set_style(self.total, "color: #b3261e; font-weight: bold;")
            elif not pi.item.measurements:
                self.total.setText(tr("mp.direct", volume=format_number(pi.volume), unit=pi.item.unit))
                set_style(self.total, "")
            else:
                self.total.setText(tr("mp.total", volume=format_number(pi.volume, self._decimals()), unit=pi.item.unit))
                set_style(self.total, "font-weight: bold;")
        self._show_notes()
        self._update_buttons()
        self._update_spans()

    def _update_spans(self) -> None:
        """An expression or linked line shows its text over the n, p, l and t cells."""
        for row in range(self.model.rowCount()):
            span = 4 if self.model.line(row).kind != "factors" else 1
            if self.view.columnSpan(row, MCol.N) != span:
                self.view.setSpan(row, MCol.N, 1, span)

    def _show_notes(self) -> None:
        """The note line: how each typo/foreign unit typed on this item's lines was read."""
        notes = self.model.unit_notes()
        self.notes.setText("\n".join(tr("mp.unit_note_line", row=row + 1, label=label, note=note)
                                     for row, label, note in notes))
        self.notes.setVisible(bool(notes))

    def _first_line_error(self) -> str:
        for row in range(self.model.rowCount()):
            volume, error = self.model.line_volume(row)
            if error:
                return tr("mp.line_error", row=row + 1, line=self.model.line(row).description, error=error)
        return ""

    def _decimals(self) -> int:
        location = self.doc.locate(self.item) if self.item else None
        return location.package.settings.volume_decimals if location else 2

    def _update_buttons(self, *args) -> None:
        self.add_button.setEnabled(self.item is not None)
        self.remove_button.setEnabled(self.item is not None and self.current_row() >= 0)
        self.link_button.setEnabled(self.item is not None and self.current_row() >= 0)
        self.parameters_button.setEnabled(self.item is not None)

    def current_row(self) -> int:
        """The selected line (-1 for none)."""
        index = self.view.currentIndex()
        return index.row() if index.isValid() and self.view.selectionModel().isRowSelected(index.row()) else -1

    def add_line(self) -> None:
        """Append a line whose factors fit the item unit (undoable) and start editing it."""
        if self.item is not None:
            self._add_line_at(len(self.item.measurements))

    def insert_line(self) -> None:
        """Ins in the table: a new line after the selected one (at the end when none is),
        one undo step, its Uraian open for typing."""
        if self.item is not None:
            row = self.current_row()
            self._add_line_at(row + 1 if row >= 0 else len(self.item.measurements))

    def _add_line_at(self, row: int) -> None:
        assert self.item is not None
        line = default_line(self.item.unit, tr("mp.new_line"))
        self.doc.undo_stack.push(AddMeasurementCommand(self.doc, self.item, line, row))
        index = self.model.index(row, MCol.URAIAN)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.setFocus()
        self.view.edit(index)

    def remove_line(self) -> None:
        """Remove the selected line (undoable)."""
        row = self.current_row()
        if self.item is None or row < 0:
            return
        self.doc.undo_stack.push(RemoveMeasurementCommand(self.doc, self.item, row))

    def link_choices(self) -> list[tuple[str, str]]:
        """``(label, item id)`` of the items the selected line may take its volume from:
        every other item of the package, by RAB number (``II.1 Galian tanah (m3)``)."""
        if self.item is None:
            return []
        package = self.doc.locate(self.item).package
        pp = self.doc.priced_package(package)
        return [(f"{pi.number}  {pi.item.description} ({pi.item.unit})", pi.item.id)
                for pi in pp.items() if pi.item is not self.item]

    def pick_link(self) -> None:
        """Ask which item the selected line takes its volume from, and link it (undoable)."""
        row = self.current_row()
        if self.item is None or row < 0:
            return
        choices = self.link_choices()
        if not choices:
            return
        label, ok = QInputDialog.getItem(self, tr("mp.link_title"), tr("mp.link_prompt", row=row + 1),
                                         [c[0] for c in choices], 0, False)
        if ok:
            self.link_to(row, dict(choices)[label])

    def link_to(self, row: int, target_id: str) -> str:
        """Link line ``row`` to item ``target_id`` (one undo step); "" or the reason shown."""
        reason = self.model.link(row, target_id)
        if reason:
            self.model.edit_rejected.emit(tr("mp.link_refused", reason=reason))
        return reason

    def show_parameters(self) -> None:
        """Show the package's parameter table (one dialog per panel, kept for reuse)."""
        if self.item is None:
            return
        from dtpl_studio.ui.widgets.parameter_dialog import ParameterDialog

        package = self.doc.locate(self.item).package
        if self.parameter_dialog is None or self.parameter_dialog.package is not package:
            if self.parameter_dialog is not None:
                self.parameter_dialog.deleteLater()
            self.parameter_dialog = ParameterDialog(self.doc, package, self)
        self.parameter_dialog.refresh()
        self.parameter_dialog.show()
        self.parameter_dialog.raise_()
