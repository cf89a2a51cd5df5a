"""The audit log of the open project as a list (issue 5, audit log): who changed which price,
when, from what to what; a red notice when the history was edited outside DTPL Studio; a
button to print it (PDF).

Fed with a :class:`dtpl_studio.services.audit.AuditTrail` after every open and save.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.audit import local_time, value_text
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.delegates import wrap_column

BROKEN = QColor("#b3261e")
COLUMNS = ("audit.col.no", "audit.col.action", "audit.col.subject", "audit.col.at", "audit.col.who")


def action_text(action: str) -> str:
    """The words for an audit action code (the code itself when unknown)."""
    key = f"audit.action.{action}"
    try:
        return tr(key)
    except KeyError:
        return action


class AuditPanel(QWidget):
    """Newest entry on top; entries from the first broken one on are red.

    Signals:
        print_requested(): the user asked for the PDF of the log.
    """

    print_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(tr("audit.none"))
        self.summary.setObjectName("auditSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("auditList")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setHeaderLabels([tr(k) for k in COLUMNS])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        for col, sample in enumerate(("9999", "Ganti harga satuan", "x" * 30, "30-11-2026 07.54",
                                      "pengguna@komputer")):
            self.tree.setColumnWidth(col, metrics.horizontalAdvance(sample) + 16)
        wrap_column(self.tree, 1)
        wrap_column(self.tree, 2)
        self.print_button = QPushButton(tr("audit.print"))
        self.print_button.setObjectName("auditPrint")
        self.print_button.clicked.connect(self.print_requested)
        self.print_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.trail = None

    def show_trail(self, trail) -> None:
        """Show an :class:`~dtpl_studio.services.audit.AuditTrail` (None: nothing saved yet)."""
        self.trail = trail
        self.tree.clear()
        self.print_button.setEnabled(trail is not None)
        if trail is None:
            self.summary.setText(tr("audit.none"))
            self.summary.setStyleSheet("")
            return
        if trail.broken is None:
            self.summary.setText(tr("audit.intact", n=len(trail.entries)))
            self.summary.setStyleSheet("")
        else:
            entry = trail.entries[min(trail.broken, len(trail.entries) - 1)] if trail.entries else None
            self.summary.setText(tr("audit.broken", entry=trail.broken + 1,
                                    at=local_time(entry.at) if entry else "?", who=entry.who if entry else "?"))
            self.summary.setStyleSheet("color: #b3261e; font-weight: bold;")
        rows = []
        for n, e in enumerate(trail.entries, start=1):
            what = e.subject or e.detail
            if e.old or e.new:
                what = tr("audit.change", what=what, old=value_text(e.old) or "—", new=value_text(e.new) or "—")
            item = QTreeWidgetItem([str(n), action_text(e.action), what, local_time(e.at), e.who])
            item.setToolTip(2, "\n".join(x for x in (what, e.detail) if x))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if trail.broken is not None and n - 1 >= trail.broken:
                for col in range(len(COLUMNS)):
                    item.setForeground(col, QBrush(BROKEN))
            rows.append(item)
        self.tree.addTopLevelItems(rows[::-1])
