"""The findings list: every finding of the programme's verdict (failed rules first).

Clicking (or activating) a finding that names an item or a package emits
:attr:`FindingsPanel.finding_activated`; the window then selects that item (issue 6 point 6).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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


def finding_tooltip(finding: Finding) -> str:
    """The full explanation: the core's message, amounts, largest contributors, what would
    make it pass, and the rule's source."""
    from dtpl_studio.costing.formatting import format_rupiah

    lines = [str(finding)]
    if finding.contributors:
        lines.append(tr("find.top") + " " + "; ".join(
            f"{c.number + ' ' if c.number else ''}{c.description} (Rp {format_rupiah(c.amount)})"
            for c in finding.contributors))
    if finding.remedy:
        lines.append(tr("find.remedy", remedy=finding.remedy))
    if finding.source:
        lines.append(tr("blm.source", source=finding.source))
    return "\n".join(lines)


class FindingsPanel(QTreeWidget):
    """A flat list of :class:`Finding` (severity, location, message).

    Signals:
        finding_activated(object): a :class:`Finding` with an ``item_id`` or ``package_id``
            was clicked.
    """

    finding_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.itemClicked.connect(self._on_clicked)
        self.itemActivated.connect(self._on_clicked)
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
        self._findings = list(findings)
        if not findings:
            QTreeWidgetItem(self, ["", "", tr("find.none")])
            return
        for n, finding in enumerate(findings):
            text = finding_text(finding)
            if finding.remedy and finding.severity is Severity.ERROR:
                text = f"{text}\n→ {finding.remedy}"
            row = QTreeWidgetItem(self, [tr(f"severity.{finding.severity.value}"), finding.location, text])
            row.setData(0, Qt.ItemDataRole.UserRole, n)
            row.setForeground(0, QBrush(SEVERITY_COLORS[finding.severity]))
            row.setToolTip(2, finding_tooltip(finding))
            row.setToolTip(1, finding.location)

    def finding_at(self, row: QTreeWidgetItem | None) -> Finding | None:
        """The :class:`Finding` shown on ``row`` (None for the "no findings" row)."""
        n = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        return self._findings[n] if isinstance(n, int) and 0 <= n < len(self._findings) else None

    def _on_clicked(self, row: QTreeWidgetItem, column: int = 0) -> None:
        finding = self.finding_at(row)
        if finding is not None and (finding.item_id or finding.package_id):
            self.finding_activated.emit(finding)
