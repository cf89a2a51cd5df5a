"""The BLM panel: each ceiling check of the programme with amount, pagu, sisa and a verdict.

The figures are the core's :class:`~dtpl_studio.costing.funding.CeilingCheck` list (rounded
BLM shares, DESIGN.md §5); the rule's source is the tooltip.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    quantize_shown,
)
from dtpl_studio.costing.funding import CeilingCheck
from dtpl_studio.ui.strings import tr

PASS_COLOR = "#1b6e20"
FAIL_COLOR = "#b3261e"
PASS_CHUNK = "#4a9b4f"
FAIL_CHUNK = "#d9534f"


def _short_rupiah(amount: Decimal) -> str:
    """``300.000.000`` → ``300 juta``; ``1.000.000.000`` → ``1 miliar`` (for titles)."""
    for step, word in ((Decimal(10) ** 9, "miliar"), (Decimal(10) ** 6, "juta")):
        if amount >= step and amount % (step / 100) == 0:
            return f"{format_number(amount / step)} {word}"
    return format_rupiah(amount)


class CheckCard(QFrame):
    """One ceiling check: title, amount / pagu / sisa, a bar and LULUS or MELEBIHI PAGU."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setObjectName("blmStatus")
        grid.addWidget(self.title, 0, 0, 1, 2)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for row, key in enumerate(("amount", "ceiling", "remaining"), start=1):
            caption = QLabel(tr(f"blm.{key}"))
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[key] = caption
            self.values[key] = value
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.bar.setFixedHeight(self.bar.fontMetrics().height() + 6)
        bar_row = QHBoxLayout()
        bar_row.setSpacing(6)
        bar_row.addWidget(self.bar, 1)
        bar_row.addWidget(self.status)
        grid.addLayout(bar_row, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def show_check(self, check: CeilingCheck) -> None:
        """Fill the card from ``check``."""
        component = check.component.value
        self.title.setText(tr(f"blm.component.{component}", ceiling=_short_rupiah(check.ceiling)))
        self.values["amount"].setText("Rp " + format_rupiah(check.amount))
        self.values["ceiling"].setText("Rp " + format_rupiah(check.ceiling))
        remaining = check.remaining
        self.captions["remaining"].setText(tr("blm.remaining") if remaining >= 0 else tr("blm.over"))
        self.values["remaining"].setText("Rp " + format_rupiah(abs(remaining)))
        passed = check.passed
        color = PASS_COLOR if passed else FAIL_COLOR
        self.status.setText(tr("blm.pass") if passed else tr("blm.fail"))
        self.status.setStyleSheet(
            f"color: white; background: {color}; font-weight: bold; border-radius: 3px; padding: 1px 6px;"
        )
        self.values["remaining"].setStyleSheet("" if passed else f"color: {FAIL_COLOR}; font-weight: bold;")
        share = check.amount / check.ceiling if check.ceiling > 0 else Decimal(1 if check.amount else 0)
        self.bar.setValue(int(min(share, Decimal(1)) * 1000))
        self.bar.setFormat(format_percent(quantize_shown(share, 3)))
        chunk = PASS_CHUNK if passed else FAIL_CHUNK
        self.bar.setStyleSheet(
            "QProgressBar { border: 1px solid #9aa4b1; border-radius: 3px; text-align: center; "
            "background: #f4f6f8; } "
            f"QProgressBar::chunk {{ background-color: {chunk}; }}"
        )
        self.setToolTip(tr("blm.source", source=check.source_ref))


class BlmPanel(QWidget):
    """All ceiling checks of the programme, one :class:`CheckCard` each."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.cards: list[CheckCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)
        self.note = QLabel(tr("blm.note"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self._layout.addWidget(self.note)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020; font-weight: bold;")
        self.errors.hide()
        self._layout.addWidget(self.errors)
        self._layout.addStretch(1)

    def show_errors(self, count: int) -> None:
        """Say that the RAB has ``count`` error findings: the ceiling figures leave those
        items out, so the check is not valid until they are fixed (the PDF prints DRAFT)."""
        self.errors.setText(tr("blm.errors", n=count))
        self.errors.setVisible(count > 0)

    def show_checks(self, checks: tuple[CeilingCheck, ...] | list[CeilingCheck]) -> None:
        """Show ``checks`` (creating or dropping cards when the rule count changed)."""
        while len(self.cards) < len(checks):
            card = CheckCard(self)
            self._layout.insertWidget(len(self.cards), card)
            self.cards.append(card)
        while len(self.cards) > len(checks):
            card = self.cards.pop()
            card.setParent(None)
            card.deleteLater()
        for card, check in zip(self.cards, checks, strict=True):
            card.show_check(check)
