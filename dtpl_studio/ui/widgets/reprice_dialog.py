"""Sunting › Ganti edisi harga…: re-price a package into another edition or region
(issue 10 point 5).

The user chooses the target edition (the shipped one or a library edition,
:func:`dtpl_studio.services.repricing.targets`); the dialog shows the report of
:func:`~dtpl_studio.costing.repricing.plan_repricing`: one row per item (old → new code,
rate, amount, change, status and why), the division subtotals and the package totals
(jumlah, PPN, total, dibulatkan) old → new, and how many items have no counterpart
(highlighted, as their rows). *Terapkan* accepts; the window pushes :attr:`plan` ``.edit``
as one undo step. Nothing changes the programme here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.rab import Package, Program
from dtpl_studio.costing.repricing import (
    LineStatus,
    RepriceError,
    RepricePlan,
    RepriceReport,
    basis_label,
)
from dtpl_studio.services import repricing
from dtpl_studio.ui.strings import tr

log = logging.getLogger(__name__)

#: background of a row (and of the count) without counterpart; text colour of a loss/gain
MISSING_BACKGROUND = QColor("#fdecc8")
MISSING_TEXT = QColor("#7a4b00")
UP_COLOR = QColor("#b3261e")
DOWN_COLOR = QColor("#1b6e3a")

#: line table columns
LINE_COLUMNS = ("reprice.col.no", "reprice.col.item", "reprice.col.old_code", "reprice.col.new_code",
                "reprice.col.status", "reprice.col.old_rate", "reprice.col.new_rate",
                "reprice.col.old_amount", "reprice.col.new_amount", "reprice.col.change", "reprice.col.reason")
#: money columns (right-aligned)
_MONEY = {5, 6, 7, 8, 9}


def _money(value: Decimal | None) -> str:
    return "—" if value is None else format_rupiah(value)


def _signed(value: Decimal) -> str:
    if value > 0:
        return "+" + format_rupiah(value)
    if value < 0:
        return "−" + format_rupiah(-value)
    return "0"


def _cell(text: str, *, money: bool = False, tip: str = "") -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if money:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        cell.setToolTip(tip)
    return cell


def _change_cell(value: Decimal) -> QTableWidgetItem:
    cell = _cell(_signed(value), money=True)
    if value:
        cell.setForeground(QBrush(UP_COLOR if value > 0 else DOWN_COLOR))
    return cell


class RepriceDialog(QDialog):
    """The re-pricing report of ``package``; accepted = apply :attr:`plan`.

    Args:
        program: the open programme (not changed).
        package: the package to re-price.
        loader: ``key → PriceBook`` (default :func:`dtpl_studio.services.repricing.load_target`).
        choices: ``(targets, library location, error)`` (default
            :func:`dtpl_studio.services.repricing.targets`).
    """

    def __init__(self, program: Program, package: Package, parent: QWidget | None = None, *,
                 loader: Callable | None = None, choices=None):
        super().__init__(parent)
        self.program = program
        self.package = package
        self.loader = loader or repricing.load_target
        self.plan: RepricePlan | None = None
        self.setWindowTitle(tr("dlg.reprice.title", package=package.name))
        layout = QVBoxLayout(self)
        self.current = QLabel(tr("dlg.reprice.current", package=package.name, book=basis_label(package.book)))
        self.current.setWordWrap(True)
        layout.addWidget(self.current)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("dlg.reprice.target")))
        self.target = QComboBox()
        self.target.setMinimumWidth(420)
        row.addWidget(self.target, 1)
        layout.addLayout(row)
        targets, where, error = choices if choices is not None else repricing.targets()
        self.library_note = QLabel(tr("dlg.reprice.library_error", error=error) if error
                                   else tr("dlg.reprice.library", where=where or "—"))
        self.library_note.setWordWrap(True)
        self.library_note.setStyleSheet("color: #6b7480;")
        layout.addWidget(self.library_note)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        layout.addWidget(self.missing_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        self.lines = QTableWidget(0, len(LINE_COLUMNS))
        self.lines.setHorizontalHeaderLabels([tr(k) for k in LINE_COLUMNS])
        self.lines.verticalHeader().setVisible(False)
        self.lines.setWordWrap(False)
        row_height = self.fontMetrics().height() + 8
        self.lines.verticalHeader().setDefaultSectionSize(row_height)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        split.addWidget(self.lines)
        self.divisions = QTableWidget(0, 5)
        self.divisions.setHorizontalHeaderLabels([tr("reprice.col.no"), tr("reprice.col.division"),
                                                  tr("reprice.col.old"), tr("reprice.col.new"),
                                                  tr("reprice.col.change")])
        self.divisions.verticalHeader().setVisible(False)
        self.divisions.verticalHeader().setDefaultSectionSize(row_height)
        self.divisions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        split.addWidget(self.divisions)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.split = split
        layout.addWidget(split, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(tr("dlg.reprice.apply"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("dlg.reprice.cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for choice in targets:
            self.target.addItem(choice.label, choice.key)
        self.target.currentIndexChanged.connect(self._load)
        # a library edition is the usual target: preselect the newest one when there is one
        self.target.setCurrentIndex(self.target.count() - 1)
        if self.target.count() <= 1:
            self._load()
        self.resize(1180, 760)

    # -- loading ---------------------------------------------------------------------------
    def choose(self, key: str) -> None:
        """Select the target ``key`` (an edition id as text, or ``bawaan``) and load it."""
        index = self.target.findData(key)
        if index < 0:
            raise KeyError(key)
        if index == self.target.currentIndex():
            self._load()
        else:
            self.target.setCurrentIndex(index)

    def _load(self, *_args) -> None:
        self.plan = None
        key = self.target.currentData()
        if key is None:
            self._show_error(tr("dlg.reprice.no_target"))
            return
        try:
            book = self.loader(key)
            self.plan = repricing.plan(self.program, self.package.id, book)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
            from dtpl_studio.ui.messages import explain

            log.warning("re-pricing %s onto %s failed: %s", self.package.name, key, exc)
            self._show_error(str(exc) if isinstance(exc, RepriceError | EditError) else explain(exc))
            return
        self._show(self.plan.report)

    def _show_error(self, text: str) -> None:
        self.summary.setText(text)
        self.missing_label.clear()
        self.missing_label.setStyleSheet("")
        self.lines.setRowCount(0)
        self.divisions.setRowCount(0)
        self.apply_button.setEnabled(False)

    # -- the report ------------------------------------------------------------------------
    def _show(self, report: RepriceReport) -> None:
        self.summary.setText(tr("dlg.reprice.summary", old=report.old_basis, new=report.new_basis,
                                items=len(report.lines), matched=report.count(LineStatus.MATCHED),
                                override=report.count(LineStatus.OVERRIDE_KEPT),
                                custom=report.count(LineStatus.CUSTOM_KEPT)))
        missing = len(report.missing)
        self.missing_label.setText(tr("dlg.reprice.missing", count=missing) if missing
                                   else tr("dlg.reprice.none_missing"))
        self.missing_label.setStyleSheet(
            f"background: {MISSING_BACKGROUND.name()}; color: {MISSING_TEXT.name()}; padding: 4px; "
            "font-weight: bold;" if missing else "color: #1b6e3a; padding: 4px;")
        self._fill_lines(report)
        self._fill_divisions(report)
        self.apply_button.setEnabled(True)

    def _fill_lines(self, report: RepriceReport) -> None:
        table = self.lines
        table.setRowCount(len(report.lines))
        for row, line in enumerate(report.lines):
            status = tr(f"reprice.status.{line.status.value}")
            if line.basis:
                status += " " + tr(f"reprice.basis.{'code' if line.basis == 'kode' else 'name'}")
            cells = [
                _cell(line.number), _cell(line.description, tip=line.description),
                _cell(line.old_code or "—"), _cell(line.new_code or "—"),
                _cell(status, tip=line.reason or status),
                _cell(_money(line.old_rate), money=True), _cell(_money(line.new_rate), money=True),
                _cell(_money(line.old_amount), money=True), _cell(_money(line.new_amount), money=True),
                _change_cell(line.change),
                _cell(line.reason, tip=line.reason),
            ]
            for column, cell in enumerate(cells):
                if line.status is LineStatus.NO_COUNTERPART:
                    cell.setBackground(QBrush(MISSING_BACKGROUND))
                    if column not in (9,):
                        cell.setForeground(QBrush(MISSING_TEXT))
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        table.setColumnWidth(4, min(table.columnWidth(4), 220))
        table.setColumnWidth(10, min(table.columnWidth(10), 300))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _fill_divisions(self, report: RepriceReport) -> None:
        table = self.divisions
        rows = [(d.number, d.title, d.old_total, d.new_total, False) for d in report.divisions]
        rows += [("", tr("reprice.total.direct"), report.old.direct, report.new.direct, True),
                 ("", tr("reprice.total.ppn"), report.old.ppn, report.new.ppn, True),
                 ("", tr("reprice.total.total"), report.old.total, report.new.total, True),
                 ("", tr("reprice.total.rounded"), report.old.rounded, report.new.rounded, True)]
        table.setRowCount(len(rows))
        for row, (number, title, old, new, total) in enumerate(rows):
            cells = [_cell(number), _cell(title), _cell(_money(old), money=True), _cell(_money(new), money=True),
                     _change_cell(new - old)]
            for column, cell in enumerate(cells):
                if total:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(row, column, cell)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # every division and the four totals visible without scrolling (up to a limit)
        shown = min(len(rows), 14)
        height = table.horizontalHeader().height() + shown * table.verticalHeader().defaultSectionSize() + 4
        table.setMinimumHeight(height)
        self.split.setSizes([max(self.split.height() - height, 200), height])
