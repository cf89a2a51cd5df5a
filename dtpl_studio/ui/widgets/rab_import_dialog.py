"""Berkas › Impor RAB…: the import report of an existing RAB before its package is added.

Shows the summary (counts, findings by severity), the imported subtotal against the file's
own, and every finding (severity, location, message, action); *Tambahkan ke proyek* adds the
package as one undo step, disabled when the import is not usable (a refused cell).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.services.rab_import import RabImport, totals_text
from dtpl_studio.ui.strings import tr


class RabImportDialog(QDialog):
    """The report of ``result``; accepted = add the package."""

    def __init__(self, result: RabImport, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(tr("dlg.import_rab.title", file=result.report.source_file))
        layout = QVBoxLayout(self)
        self.summary = QLabel("\n".join([result.report.summary(), *totals_text(result)]))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.findings = QTreeWidget()
        self.findings.setRootIsDecorated(False)
        self.findings.setHeaderLabels([tr("dlg.import_rab.severity"), tr("dlg.import_rab.where"),
                                       tr("dlg.import_rab.message"), tr("dlg.import_rab.action")])
        for finding in result.report.findings:
            where = finding.location.split(" | ", 1)[-1] if " | " in finding.location else ""
            row = QTreeWidgetItem([tr(f"severity.{finding.severity.value}"), where,
                                   finding.message, finding.action])
            row.setToolTip(2, finding.message)
            self.findings.addTopLevelItem(row)
        self.findings.setColumnWidth(0, 90)
        self.findings.setColumnWidth(1, 90)
        self.findings.setColumnWidth(2, 520)
        layout.addWidget(self.findings, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("dlg.import_rab.add"))
        ok.setEnabled(result.report.usable)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1000, 620)
