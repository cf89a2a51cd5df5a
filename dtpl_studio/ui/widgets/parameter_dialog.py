"""The package's parameter table (``P = 25 m``) used by back-up expressions (issue 10 point 3).

A small dialog over :attr:`Package.parameters`: Nama, Nilai, Satuan, Keterangan. Every change
is one undo step through the core's edits (:class:`~dtpl_studio.costing.edits.InsertParameter`,
:class:`~dtpl_studio.costing.edits.SetParameter`, :class:`~dtpl_studio.costing.edits.RemoveParameter`),
which check the name (not a unit symbol, not taken), the value (0..1.000.000) and the unit;
a refusal is shown under the table with the core's Indonesian reason, and the cell goes back
to what the package holds. Values are read by the window's one number rule
(:func:`dtpl_studio.ui.parsing.read_factor`: comma decimal, ``25 m`` with its unit).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.expressions import Parameter, names_used
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.rab import Package
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.parsing import EntryError, format_for_editor, read_factor
from dtpl_studio.ui.strings import tr

COLUMNS = ("prm.col.name", "prm.col.value", "prm.col.unit", "prm.col.description")


class ParameterDialog(QDialog):
    """Edits the parameters of ``package``; stays in step with undo/redo (``repriced``)."""

    def __init__(self, doc: ProjectDocument, package: Package, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.package = package
        self.setWindowTitle(tr("prm.title", package=package.name))
        self.setObjectName("parameterDialog")
        help_label = QLabel(tr("prm.help"))
        help_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("parameterTable")
        self.table.setHorizontalHeaderLabels([tr(k) for k in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("parameterMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.add_button = QPushButton(tr("prm.add"))
        self.remove_button = QPushButton(tr("prm.remove"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(help_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.resize(560, 320)
        self._filling = False
        self.table.itemChanged.connect(self._on_changed)
        self.add_button.clicked.connect(self.add_parameter)
        self.remove_button.clicked.connect(self.remove_parameter)
        doc.repriced.connect(self._on_repriced)
        self.refresh()

    def _uses(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.package.items():
            for line in item.measurements:
                if line.expression:
                    for name in names_used(line.expression):
                        counts[name] = counts.get(name, 0) + 1
        return counts

    def refresh(self) -> None:
        """Fill the table from the package."""
        self._filling = True
        try:
            uses = self._uses()
            self.table.setRowCount(len(self.package.parameters))
            for r, p in enumerate(self.package.parameters):
                value = format_number(p.value)
                cells = (p.name, value, p.unit, p.description)
                for c, text in enumerate(cells):
                    cell = QTableWidgetItem(text)
                    if c == 1:
                        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        cell.setData(Qt.ItemDataRole.EditRole, format_for_editor(p.value))
                        cell.setData(Qt.ItemDataRole.DisplayRole, value)
                    if c == 0:
                        cell.setToolTip(tr("prm.used_by", count=uses.get(p.name, 0)))
                    self.table.setItem(r, c, cell)
        finally:
            self._filling = False
        self.remove_button.setEnabled(bool(self.package.parameters))

    def _on_repriced(self, _structural: bool) -> None:
        if any(p is self.package for p in self.doc.program.packages):
            self.refresh()

    def _refuse(self, reason: str) -> None:
        self.message.setText(tr("prm.refused", reason=reason))
        self.refresh()

    def _on_changed(self, cell: QTableWidgetItem) -> None:
        if self._filling:
            return
        r, c = cell.row(), cell.column()
        if not 0 <= r < len(self.package.parameters):
            return
        old = self.package.parameters[r]
        text = cell.text().strip()
        name, value, unit, description = old.name, old.value, old.unit, old.description
        if c == 0:
            name = text
        elif c == 1:
            try:
                reading = read_factor(text, old.unit)
            except EntryError as exc:
                self._refuse(explain_short(exc))
                return
            value, unit = reading.value, reading.unit
        elif c == 2:
            try:
                reading = read_factor(f"1 {text}" if text else "1", "")
            except EntryError as exc:
                self._refuse(explain_short(exc))
                return
            unit = reading.unit
        else:
            description = text
        new = Parameter(name, value, unit, description)
        if new == old:
            self.refresh()
            return
        reason = push_edit(self.doc, edits.SetParameter(self.package.id, old.name, new),
                           tr("cmd.set_parameter", name=name))
        if reason:
            self._refuse(reason)
        else:
            self.message.clear()

    def add_parameter(self) -> str:
        """Add a parameter with a free name (P1, P2…), value 0 m; one undo step."""
        taken = {p.name.casefold() for p in self.package.parameters}
        n = 1
        while f"p{n}" in taken:
            n += 1
        parameter = Parameter(f"P{n}", Decimal(0), "m")
        reason = push_edit(self.doc, edits.InsertParameter(self.package.id, parameter),
                           tr("cmd.add_parameter", name=parameter.name))
        if reason:
            self._refuse(reason)
        return reason

    def remove_parameter(self) -> str:
        """Remove the selected parameter (the last one when none is selected)."""
        if not self.package.parameters:
            return ""
        r = self.table.currentRow()
        if not 0 <= r < len(self.package.parameters):
            r = len(self.package.parameters) - 1
        name = self.package.parameters[r].name
        reason = push_edit(self.doc, edits.RemoveParameter(self.package.id, name),
                           tr("cmd.remove_parameter", name=name))
        if reason:
            self._refuse(reason)
        return reason
