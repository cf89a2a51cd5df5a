"""The findings list: failed ceiling checks and the priced packages' findings."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.ui.strings import ID, tr
from dtpl_studio.ui.widgets.delegates import wrap_column

SEVERITY_COLORS = {Severity.ERROR: QColor("#b3261e"), Severity.WARNING: QColor("#8a4b00"),
                   Severity.INFO: QColor("#444444")}


def finding_text(finding: Finding) -> str:
    """The finding in the GUI language: known codes are translated, the core's own text is
    kept as the detail; unknown codes show the core's message as it is."""
    key = f"finding.{finding.code}"
    if finding.code and key in ID:
        try:
            return tr(key, **{"detail": finding.message, **dict(finding.params)})
        except (KeyError, IndexError):  # the words need a parameter this finding lacks
            return finding.message
    return finding.message


class FindingsPanel(QTreeWidget):
    """A flat list of :class:`Finding` (severity, location, message)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setHeaderLabels([tr("find.col.severity"), tr("find.col.location"), tr("find.col.message")])
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setColumnWidth(1, 140)
        wrap_column(self, 1)
        wrap_column(self, 2)

    def show_findings(self, findings: list[Finding]) -> None:
        """Replace the list with ``findings``."""
        self.clear()
        if not findings:
            QTreeWidgetItem(self, ["", "", tr("find.none")])
            return
        for finding in findings:
            row = QTreeWidgetItem(self, [tr(f"severity.{finding.severity.value}"), finding.location,
                                         finding_text(finding)])
            row.setForeground(0, QBrush(SEVERITY_COLORS[finding.severity]))
            row.setToolTip(2, str(finding))
            row.setToolTip(1, finding.location)
