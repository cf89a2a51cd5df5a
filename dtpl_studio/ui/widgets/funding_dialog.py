"""The funding of one RAB item: its main source (or the division's) and the shares paid by
other sources — by percent, by amount, or in kind valued from the book (issue 6 point 3).

The dialog only collects values; the window pushes them as one undoable edit and the core
splits the amount (:func:`~dtpl_studio.costing.funding.split_amount`).

The combo boxes hold each :class:`FundingSource` as item data, which Qt hands back as a
plain ``str``: :meth:`FundingDialog.values` converts at this boundary (``FundingSource(…)``),
so the model never holds a string that merely compares equal to a source. A share the core
would refuse (a percentage outside 0–100, a negative amount, percentages above 100 % in all)
is refused here, on OK, with an Indonesian message naming the row; the dialog stays open with
what was typed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.funding import MAX_AMOUNT, FundingShare, FundingSource
from dtpl_studio.costing.rab import Item
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.parsing import parse_user_number
from dtpl_studio.ui.strings import tr

SOURCES = list(FundingSource)


def source_text(source: FundingSource) -> str:
    return tr(f"ov.source.{source.value}")


class FundingDialog(QDialog):
    """Edit ``item``'s funding; :meth:`values` gives ``(funding, shares)`` after OK.

    Raises (from :meth:`values`):
        ValueError: a percent or amount that is not a number, a percent outside 0–100, an
            amount below 0 or above Rp 10^15, percentages adding up to more than 100
            (Indonesian message naming the row). :meth:`accept` shows it in the dialog
            (:attr:`error`) and keeps the dialog open with what was typed.
    """

    def __init__(self, item: Item, inherited: FundingSource, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("fund.title"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("fund.item", item=item.description)))
        form = QFormLayout()
        self.main = QComboBox()
        self.main.addItem(tr("fund.inherit", source=source_text(inherited)), None)
        for source in SOURCES:
            self.main.addItem(source_text(source), source)
        self.main.setCurrentIndex(0 if item.funding is None else SOURCES.index(item.funding) + 1)
        form.addRow(tr("fund.main"), self.main)
        layout.addLayout(form)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("fund.col.source"), tr("fund.col.percent"),
                                              tr("fund.col.amount")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 170)  # "Swadaya tenaga" and "CSR/lainnya" in full
        layout.addWidget(self.table)
        buttons_row = QHBoxLayout()
        self.add_button = QPushButton(tr("fund.add"))
        self.remove_button = QPushButton(tr("fund.remove"))
        self.add_button.clicked.connect(lambda: self.add_share(FundingShare(FundingSource.SWADAYA)))
        self.remove_button.clicked.connect(self._remove_current)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)
        note = QLabel(tr("fund.note"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.error = QLabel()
        self.error.setObjectName("fund_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        for share in item.funding_split:
            self.add_share(share)
        self.resize(520, 360)

    def add_share(self, share: FundingShare) -> None:
        """Append a row for ``share``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for source in SOURCES:
            combo.addItem(source_text(source), source)
        combo.setCurrentIndex(SOURCES.index(share.source))
        self.table.setCellWidget(row, 0, combo)
        self.table.setItem(row, 1, QTableWidgetItem("" if share.percent is None else format_number(share.percent)))
        self.table.setItem(row, 2, QTableWidgetItem("" if share.amount is None else format_number(share.amount)))

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def accept(self) -> None:
        """OK: close only when :meth:`values` can be read; else say why (naming the row) and
        stay open with everything as typed."""
        try:
            self.values()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        super().accept()

    def values(self) -> tuple[FundingSource | None, list[FundingShare]]:
        """The main source (None = the division's) and the shares as entered, each source a
        :class:`FundingSource` (Qt gives the combo's data back as ``str``)."""
        shares: list[FundingShare] = []
        total_percent = Decimal(0)
        for row in range(self.table.rowCount()):
            source = FundingSource(self.table.cellWidget(row, 0).currentData())
            numbers: list[Decimal | None] = []
            for col in (1, 2):
                cell = self.table.item(row, col)
                text = cell.text().strip() if cell is not None else ""
                if not text:
                    numbers.append(None)
                    continue
                try:
                    value = parse_user_number(text.rstrip("%").strip())
                except ValueError as exc:  # the reason in the window's words, never the exception's
                    raise ValueError(tr("fund.bad_number", row=row + 1, text=text,
                                        error=explain_short(exc))) from exc
                # the core's rule (split_amount): a percent in 0..100, an amount ≥ 0
                if col == 1 and not 0 <= value <= 100:
                    raise ValueError(tr("fund.err.percent", row=row + 1, text=text))
                if col == 2 and not 0 <= value <= MAX_AMOUNT:
                    raise ValueError(tr("fund.err.amount", row=row + 1, text=text))
                numbers.append(value)
            if numbers[0] is not None:
                total_percent += numbers[0]
            shares.append(FundingShare(source, numbers[0], numbers[1]))
        if total_percent > 100:
            raise ValueError(tr("fund.err.sum", percent=format_number(total_percent)))
        main = self.main.currentData()
        return (None if main is None else FundingSource(main)), shares
