"""The BLM panel: the programme's verdict, a gauge per ceiling and the swadaya share, and a
programme overview across packages.

Everything shown is the core's :class:`~dtpl_studio.costing.blm.Verdict` (computed by
``price_program`` after every edit, so the panel follows the typing): the verdict words, the
gauge states (:meth:`Verdict.gauge_state`), the rounded figures compared and the figures
before rounding (tooltip), the rule sources (tooltip). The panel decides nothing.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.blm import (
    EMPTY_CODES,
    Gauge,
    Verdict,
    VerdictKind,
    finding_kind,
    not_valid_counts,
)
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import (
    format_number,
    format_percent,
    format_rupiah,
)
from dtpl_studio.costing.funding import FundingSource
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.restyle import set_style

PASS_COLOR = "#1b6e20"
FAIL_COLOR = "#b3261e"
WARN_COLOR = "#8a4b00"
NEUTRAL_COLOR = "#5f6b7a"
PASS_CHUNK = "#4a9b4f"
FAIL_CHUNK = "#d9534f"
WARN_CHUNK = "#e0a030"
NEUTRAL_CHUNK = "#8fa3bf"

STATE_COLORS = {"pass": (PASS_COLOR, PASS_CHUNK), "over": (FAIL_COLOR, FAIL_CHUNK),
                "under": (FAIL_COLOR, FAIL_CHUNK), "incomplete": (WARN_COLOR, WARN_CHUNK),
                "none": (NEUTRAL_COLOR, NEUTRAL_CHUNK)}


def _short_rupiah(amount: Decimal) -> str:
    """``300.000.000`` → ``300 juta``; ``1.000.000.000`` → ``1 miliar`` (for titles)."""
    for step, word in ((Decimal(10) ** 9, "miliar"), (Decimal(10) ** 6, "juta")):
        if amount >= step and amount % (step / 100) == 0:
            return f"{format_number(amount / step)} {word}"
    return format_rupiah(amount)


def verdict_text(verdict: Verdict) -> str:
    """The verdict words in the GUI language (Indonesian = the core's label)."""
    text = tr(f"verdict.{verdict.kind.value}")
    if verdict.passed and verdict.warnings:
        text = f"{text} {tr('verdict.with_notes')}"
    return text


def verdict_color(verdict: Verdict) -> str:
    if verdict.kind is VerdictKind.PASSED:
        return WARN_COLOR if verdict.warnings else PASS_COLOR
    return FAIL_COLOR


def _badge(label: QLabel, text: str, color: str) -> None:
    label.setText(text)
    set_style(label, f"color: white; background: {color}; font-weight: bold; border-radius: 3px; "
                     "padding: 1px 6px;")


class CheckCard(QFrame):
    """One gauge: title, amount / limit / remaining, a bar and the gauge's state."""

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
        self.gauge: Gauge | None = None
        self._shown: tuple | None = None

    def show_gauge(self, gauge: Gauge, verdict: Verdict) -> None:
        """Fill the card from ``gauge`` with the state the verdict gives it (nothing is done
        when the card shows that gauge in that state already: an edit elsewhere leaves it)."""
        self.gauge = gauge
        state = verdict.gauge_state(gauge)
        if self._shown == (gauge, state):
            return
        self._shown = (gauge, state)
        color, chunk = STATE_COLORS[state]
        if gauge.kind == "max":
            self._show_ceiling(gauge, state)
        else:
            self._show_swadaya(gauge, state)
        _badge(self.status, tr(f"blm.state.{state}"), color)
        set_style(self.bar,
                  "QProgressBar { border: 1px solid #9aa4b1; border-radius: 3px; text-align: center; "
                  "background: #f4f6f8; } "
                  f"QProgressBar::chunk {{ background-color: {chunk}; }}")
        tip = [tr("blm.source", source=gauge.source)]
        if gauge.amount.exact != gauge.amount.rounded:
            tip.append(tr("blm.exact", exact=format_rupiah(gauge.amount.exact),
                          rounded=format_rupiah(gauge.amount.rounded)))
        self.setToolTip("\n".join(tip))

    def _show_ceiling(self, gauge: Gauge, state: str) -> None:
        if gauge.limit is None:  # the rule could not be read: no ceiling, no remainder
            self.title.setText(tr("blm.component.unreadable", component=tr(f"component.{gauge.key}")))
        else:
            self.title.setText(tr(f"blm.component.{gauge.key}", ceiling=_short_rupiah(gauge.limit)))
        self.captions["amount"].setText(tr("blm.amount"))
        self.captions["ceiling"].setText(tr("blm.ceiling"))
        self.values["amount"].setText("Rp " + format_rupiah(gauge.amount.rounded))
        self.values["ceiling"].setText("–" if gauge.limit is None else "Rp " + format_rupiah(gauge.limit))
        remaining = gauge.remaining
        if remaining is None:
            self.captions["remaining"].setText(tr("blm.remaining"))
            self.values["remaining"].setText("–")
        else:
            self.captions["remaining"].setText(tr("blm.remaining") if remaining >= 0 else tr("blm.over"))
            self.values["remaining"].setText("Rp " + format_rupiah(abs(remaining)))
        failing = state in ("over", "under")
        set_style(self.values["remaining"], f"color: {FAIL_COLOR}; font-weight: bold;" if failing else "")
        shown = gauge.shown_share(3)
        if shown is None:  # a ceiling of 0 (or none): full when something is over it
            fill = Decimal(1) if failing else Decimal(0)
            self.bar.setFormat("–")
        else:
            fill = shown
            self.bar.setFormat(format_percent(shown))
        self.bar.setValue(int(min(max(fill, Decimal(0)), Decimal(1)) * 1000))

    def _show_swadaya(self, gauge: Gauge, state: str) -> None:
        share = gauge.shown_share(4)  # one rule: a failing share never reads as passing
        if gauge.min_share is None:
            self.title.setText(tr("blm.swadaya.free"))
        else:
            self.title.setText(tr("blm.swadaya.min", share=format_percent(gauge.min_share)))
        self.captions["amount"].setText(tr("blm.swadaya.amount"))
        self.captions["ceiling"].setText(tr("blm.swadaya.share"))
        self.values["amount"].setText("Rp " + format_rupiah(gauge.amount.rounded))
        self.values["ceiling"].setText("–" if share is None else format_percent(share))
        if gauge.limit is None:
            self.captions["remaining"].setText(tr("blm.swadaya.needed"))
            self.values["remaining"].setText("–")
            set_style(self.values["remaining"], "")
            fill = share or Decimal(0)
        else:
            short = gauge.limit - gauge.amount.rounded
            self.captions["remaining"].setText(tr("blm.swadaya.short") if short > 0 else tr("blm.swadaya.needed"))
            self.values["remaining"].setText("Rp " + format_rupiah(abs(short) if short > 0 else gauge.limit))
            set_style(self.values["remaining"], "" if gauge.passed else f"color: {FAIL_COLOR}; font-weight: bold;")
            fill = (share or Decimal(0)) / gauge.min_share if gauge.min_share else Decimal(1)
        self.bar.setValue(int(min(max(fill, Decimal(0)), Decimal(1)) * 1000))
        self.bar.setFormat("–" if share is None else format_percent(gauge.shown_share(3)))


def explanation_text(verdict: Verdict) -> str:
    """The verdict's explanation in the window's language (the same words as
    :attr:`Verdict.explanation`, which the PDF and ``check`` print in Indonesian)."""
    kind = verdict.kind
    errors = sum(1 for f in verdict.findings if finding_kind(f) is kind)
    warnings = sum(1 for f in verdict.findings if f.severity is Severity.WARNING)
    if kind is VerdictKind.PASSED:
        return tr("verdict.explain.passed_notes", n=warnings) if warnings else tr("verdict.explain.passed")
    if kind is VerdictKind.FAILS_RULE:
        return tr("verdict.explain.fails-rule", n=errors)
    if kind is VerdictKind.NOT_VALID:
        if any(f.code == "blm-no-rule" for f in verdict.findings if finding_kind(f) is kind):
            return tr("verdict.explain.no-rule")
        kind_errors = [f for f in verdict.findings if finding_kind(f) is kind]
        if kind_errors and all(f.code in EMPTY_CODES for f in kind_errors):
            return tr("verdict.explain.empty")
        counts = dict(zip(("items", "rules", "settings"), not_valid_counts(verdict.findings), strict=True))
        parts = [tr(f"verdict.explain.part.{key}", n=n) for key, n in counts.items() if n]
        return tr("verdict.explain.not-valid", parts="; ".join(parts) or str(errors))
    return tr("verdict.explain.price-basis", n=errors)


class ProgramOverview(QTextBrowser):
    """The programme across packages: per package its component, KSM and location, rounded
    total, BLM and swadaya share (and other sources), then the programme's sums. Rich text
    that wraps, so it reads in a narrow dock."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("programOverview")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        # as tall as its text (the panel scrolls, not the overview)
        self.document().documentLayout().documentSizeChanged.connect(
            lambda size: self.setFixedHeight(int(size.height()) + 4))
        self.rows: list[tuple[str, dict[str, str]]] = []
        self._html = ""

    @staticmethod
    def _figures(total: Decimal, by_source: dict) -> dict[str, str]:
        out = {"total": format_rupiah(total)}
        for source in FundingSource:
            if source in by_source:
                out[source.value] = format_rupiah(by_source[source].rounded)
        return out

    def show_totals(self, verdict: Verdict) -> None:
        """Fill from ``verdict.totals``; :attr:`rows` keeps ``(name, figures)`` per line."""
        totals = verdict.totals
        self.rows = [(pt.name, self._figures(pt.total.rounded, pt.by_source)) for pt in totals.packages]
        self.rows.append((tr("ov.sum"), self._figures(totals.cost.rounded, totals.by_source)))
        html = []
        for (name, figures), pt in zip(self.rows, [*totals.packages, None], strict=True):
            lines = [f"<b>{escape(name)}</b>"]
            if pt is not None:
                where = " · ".join(x for x in (tr(f"component.{pt.component.value}"), pt.ksm,
                                               pt.location) if x)
                lines.append(f"<span style='color:#555'>{escape(where)}</span>")
            lines.append(f"{tr('ov.total')}: Rp {figures['total']}")
            lines += [f"{tr(f'ov.source.{source.value}')}: Rp {figures[source.value]}"
                      for source in FundingSource if source.value in figures]
            html.append("<p style='margin-top:2px; margin-bottom:6px'>" + "<br/>".join(lines) + "</p>")
        text = "".join(html)
        if text != self._html:  # a new document is laid out and measured again
            self._html = text
            self.setHtml(text)

    def text(self) -> str:
        """The overview as plain text (package names, labels and figures)."""
        return self.toPlainText()


class BlmPanel(QScrollArea):
    """The verdict banner, one :class:`CheckCard` per gauge, and the programme overview, in a
    scroll area (the dock may be shorter than the panel).

    Signals:
        show_findings_requested(): the user asked to see the findings list.
    """

    show_findings_requested = Signal()
    price_basis_requested = Signal()
    #: the user asked for the Program BLM dialog (rules, termins, swadaya, categories)
    program_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blmPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.setWidget(self.content)
        self.cards: list[CheckCard] = []
        self.verdict: Verdict | None = None
        self._layout = QVBoxLayout(self.content)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(6)
        banner = QFrame()
        banner.setObjectName("verdictBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(banner)
        box.setContentsMargins(8, 6, 8, 6)
        caption = QLabel(tr("blm.verdict"))
        font = caption.font()
        font.setBold(True)
        caption.setFont(font)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(caption)
        box.addWidget(self.verdict_label)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        box.addWidget(self.explanation)
        self.findings_button = QPushButton()
        self.findings_button.setFlat(True)
        self.findings_button.setStyleSheet("text-align: left; color: #1a4f8b; text-decoration: underline;")
        self.findings_button.clicked.connect(self.show_findings_requested)
        box.addWidget(self.findings_button)
        self.price_basis_button = QPushButton(tr("blm.price_basis"))
        self.price_basis_button.clicked.connect(self.price_basis_requested)
        self.price_basis_button.hide()
        box.addWidget(self.price_basis_button)
        self.program_button = QPushButton(tr("blm.program"))
        self.program_button.setObjectName("blmProgramButton")
        self.program_button.clicked.connect(self.program_requested)
        box.addWidget(self.program_button)
        self._layout.addWidget(banner)
        self.banner = banner
        self.note = QLabel(tr("blm.note"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020; font-weight: bold;")
        self.errors.hide()
        self._layout.addWidget(self.errors)
        self._cards_at = self._layout.count()
        self._layout.addWidget(self.note)
        self.overview_title = QLabel(tr("ov.title"))
        self.overview_title.setFont(font)
        self._layout.addWidget(self.overview_title)
        self.overview = ProgramOverview()
        self._layout.addWidget(self.overview)
        self._layout.addStretch(1)

    def show_verdict(self, verdict: Verdict) -> None:
        """Show ``verdict`` (creating or dropping cards when the gauge count changed)."""
        self.verdict = verdict
        _badge(self.verdict_label, verdict_text(verdict), verdict_color(verdict))
        self.explanation.setText(explanation_text(verdict))
        self.findings_button.setText(tr("blm.findings", errors=verdict.errors, warnings=verdict.warnings))
        self.findings_button.setVisible(bool(verdict.findings))
        self.price_basis_button.setVisible(verdict.kind is VerdictKind.PRICE_BASIS)
        item_errors = not_valid_counts(verdict.findings)[0]  # distinct items, not findings
        self.errors.setText(tr("blm.errors", n=item_errors))
        self.errors.setVisible(verdict.kind is VerdictKind.NOT_VALID and item_errors > 0)
        gauges = verdict.gauges
        while len(self.cards) < len(gauges):
            card = CheckCard(self.content)
            self._layout.insertWidget(self._cards_at + len(self.cards), card)
            self.cards.append(card)
        while len(self.cards) > len(gauges):
            card = self.cards.pop()
            card.setParent(None)
            card.deleteLater()
        for card, gauge in zip(self.cards, gauges, strict=True):
            card.show_gauge(gauge, verdict)
        self.overview.show_totals(verdict)
