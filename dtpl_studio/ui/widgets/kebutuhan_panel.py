"""Rekap kebutuhan bahan & tenaga kerja in the window (issue 10 point 6): per package or for
the whole programme, grouped tenaga kerja / bahan / peralatan, then the items not broken down
and the lines that make it add up to the RAB's direct cost.

The figures come from :mod:`dtpl_studio.costing.kebutuhan` over the document's latest
:class:`~dtpl_studio.costing.rab.PricedProgram`; nothing is computed here. Cheap by
construction: :meth:`KebutuhanPanel.set_priced` (called after every re-pricing) only keeps
the priced programme; the schedule is made when the panel is on screen (its dock the tab in
front: the dock's ``visibilityChanged``), :data:`REFRESH_DELAY_MS` after the last edit, and
when it comes to the front after edits made while it was hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.kebutuhan import (
    EXTRA_DECIMALS,
    KIND_ORDER,
    AdjustmentKind,
    NotBrokenReason,
    Schedule,
    schedule_package,
    schedule_program,
)
from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.ui.strings import tr

COLUMNS = ("rekap.col.name", "rekap.col.unit", "rekap.col.qty", "rekap.col.price",
           "rekap.col.amount", "rekap.col.buy", "rekap.col.users")
GROUP_KEY = {ResourceKind.LABOUR: "rekap.group.labour", ResourceKind.MATERIAL: "rekap.group.material",
             ResourceKind.EQUIPMENT: "rekap.group.equipment"}
REASON_KEY = {NotBrokenReason.OVERRIDE: "rekap.reason.override",
              NotBrokenReason.CUSTOM: "rekap.reason.custom",
              NotBrokenReason.ERROR: "rekap.reason.error"}
ADJUST_KEY = {AdjustmentKind.OVERHEAD: "rekap.adjust.overhead",
              AdjustmentKind.RATE_ROUNDING: "rekap.adjust.rate_rounding",
              AdjustmentKind.SUB_PRICE: "rekap.adjust.sub_price",
              AdjustmentKind.ROUNDING: "rekap.adjust.rounding"}
GROUP_BG = QColor("#eef1f5")
#: After an edit the schedule is made this long after the last re-pricing (typing a volume
#: re-prices on every cell; the totals and the BLM panel update at once, the schedule once
#: the typing pauses). Measured (2026-11-30, this machine): 21 ms for 200 RAB items, 90 ms
#: for 1 000, 117 ms for 2 000, 280 ms for 5 000 (benchmarks.generate programmes).
REFRESH_DELAY_MS = 150
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _money(value) -> str:
    return format_rupiah(value, _places(value))


def _places(value) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class KebutuhanPanel(QWidget):
    """The schedule as a tree: one top-level row per group (with its total), its resources
    below, then the final row equal to the RAB's JUMLAH BIAYA LANGSUNG.

    Signals:
        save_csv_requested(): the user asked for the CSV of the schedule shown.
    """

    save_csv_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scope = QComboBox(self)
        self.scope.setObjectName("rekapScope")
        # a long package name must not widen the dock (and the window) beyond the screen
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.scope.setMinimumContentsLength(16)
        self.scope.currentIndexChanged.connect(lambda _i: self._refresh())
        self.save_button = QPushButton(tr("rekap.save_csv"), self)
        self.save_button.setObjectName("rekapSaveCsv")
        self.save_button.clicked.connect(self.save_csv_requested)
        self.summary = QLabel(self)
        self.summary.setObjectName("rekapSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("rekapTree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([tr(k) for k in COLUMNS])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        head_metrics = QFontMetrics(bold)
        samples = ("Pasir pasang (quarry - lokasi pekerjaan)xx", "liter", "24.091,0500",
                   "10.214.200", "100.000.000", "481,82 zak 50 kg; 602,28 zak 40 kg",
                   "P2 IV.1.a, P2 V.1, P2 V.2")
        for col, sample in enumerate(samples):  # wide enough for the sample and the header
            width = max(metrics.horizontalAdvance(sample), head_metrics.horizontalAdvance(tr(COLUMNS[col])))
            self.tree.setColumnWidth(col, width + 24)
        top = QHBoxLayout()
        top.addWidget(self.scope, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.priced: PricedProgram | None = None
        self.schedule: Schedule | None = None
        self._stale = True
        #: on screen as its dock says (a dock tabbed behind another stays "visible" to Qt);
        #: None when not in a dock: then :meth:`isVisible` decides
        self._dock_shown: bool | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_stale)
        #: number of schedules made (tests: a hidden panel makes none)
        self.builds = 0
        #: makes the schedule of a scope (tests may count calls)
        self.make: Callable[[PricedProgram, int | None], Schedule] = _make

    # -- feeding -------------------------------------------------------------------------
    def set_priced(self, priced: PricedProgram) -> None:
        """Keep the latest priced programme; the schedule is made now if the panel is on
        screen, else on its next show."""
        self.priced = priced
        self._fill_scopes(priced)
        self._stale = True
        if self.on_screen():
            self._timer.start()  # restarted by every re-pricing: one schedule per pause

    def on_screen(self) -> bool:
        """True when the panel can be seen (its dock is the current tab, not closed)."""
        return self.isVisible() and self._dock_shown is not False

    def set_dock_shown(self, shown: bool) -> None:
        """Connected to the dock's ``visibilityChanged``: a stale schedule is made when the
        dock comes to the front."""
        self._dock_shown = shown
        if shown and self._stale:
            self._refresh()

    def _refresh_if_stale(self) -> None:
        if self._stale and self.on_screen():
            self._refresh()

    def clear(self) -> None:
        self._timer.stop()
        self.priced = None
        self.schedule = None
        self.scope.clear()
        self.tree.clear()
        self.summary.clear()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale and self.on_screen():
            self._refresh()

    def selected_package(self) -> int | None:
        """The package number (1-based) the schedule is for; None for the programme."""
        data = self.scope.currentData()
        return data if isinstance(data, int) and data > 0 else None

    def _fill_scopes(self, priced: PricedProgram) -> None:
        keep = self.scope.currentData()
        entries = [(tr("rekap.scope.program"), 0)]
        entries += [(tr("rekap.scope.package", n=n, name=pp.package.name), n)
                    for n, pp in enumerate(priced.packages, start=1)]
        current = [(self.scope.itemText(i), self.scope.itemData(i)) for i in range(self.scope.count())]
        if current == entries:
            return
        self.scope.blockSignals(True)
        self.scope.clear()
        for text, data in entries:
            self.scope.addItem(text, data)
        index = self.scope.findData(keep) if keep is not None else 0
        self.scope.setCurrentIndex(max(index, 0))
        self.scope.blockSignals(False)

    # -- showing -------------------------------------------------------------------------
    def _refresh(self) -> None:
        if self.priced is None:
            return
        self._timer.stop()
        self._stale = False
        package = self.selected_package()
        if package is not None and package > len(self.priced.packages):
            package = None
        self.schedule = self.make(self.priced, package)
        self.builds += 1
        self._show(self.schedule)

    def _show(self, s: Schedule) -> None:
        d = s.decimals
        buy_d = max(d - EXTRA_DECIMALS, 0)
        numbers = ({pp.package.id: n for n, pp in enumerate(self.priced.packages, start=1)}
                   if self.priced is not None and len(s.packages) > 1 else None)

        def where(package_id: str, number: str) -> str:
            return number if numbers is None else f"P{numbers.get(package_id, '?')} {number}"

        bold = QFont(self.tree.font())
        bold.setBold(True)
        rows: list[QTreeWidgetItem] = []

        def group(text: str, amount, qty: str = "", unit: str = "") -> QTreeWidgetItem:
            item = QTreeWidgetItem([text, unit, qty, "", _money(amount), "", ""])
            for col in range(len(COLUMNS)):
                item.setFont(col, bold)
                item.setBackground(col, QBrush(GROUP_BG))
            for col in (2, 3, 4):
                item.setTextAlignment(col, RIGHT)
            rows.append(item)
            return item

        def child(parent: QTreeWidgetItem, cells: list[str], tip: str = "") -> None:
            item = QTreeWidgetItem(cells)
            for col in (2, 3, 4):
                item.setTextAlignment(col, RIGHT)
            if tip:
                for col in range(len(COLUMNS)):
                    item.setToolTip(col, tip)
            parent.addChild(item)

        for kind in KIND_ORDER:
            resources = s.by_kind(kind)
            if not resources:
                continue
            if kind is ResourceKind.LABOUR:
                head = group(tr(GROUP_KEY[kind]), s.kind_total(kind), format_number(s.person_days(), d), "OH")
            else:
                head = group(tr(GROUP_KEY[kind]), s.kind_total(kind))
            for r in resources:
                buy = "; ".join(f"{format_number(p.quantity, buy_d)} {p.unit.label}" for p in r.purchase)
                users = ", ".join(where(c.package_id, c.number) for c in r.contributions)
                tip = "\n".join(f"{where(c.package_id, c.number)} {c.description}: "
                                f"{'–' if c.quantity is None else format_number(c.quantity, d)} {r.unit}"
                                for c in r.contributions)
                child(head, [r.name, r.unit if r.price is not None else "–",
                             "–" if r.quantity is None else format_number(r.quantity, d),
                             "–" if r.price is None else _money(r.price), _money(r.amount), buy, users],
                      tip)
        if s.not_broken_down:
            head = group(tr("rekap.group.not_broken"), s.not_broken_down_total)
            for nb in s.not_broken_down:
                reason = tr(REASON_KEY[nb.reason])
                child(head, [f"{nb.description} ({reason})", nb.unit,
                             "–" if nb.volume is None else format_number(nb.volume, buy_d),
                             "–" if nb.rate is None else _money(nb.rate), _money(nb.amount), "",
                             where(nb.package_id, nb.number)], nb.note)
        if s.resources:
            head = group(tr("rekap.group.adjust"), s.adjustments_total)
            for a in s.adjustments:
                child(head, [tr(ADJUST_KEY[a.kind]), "", "", "", _money(a.amount), "", ""],
                      tr(ADJUST_KEY[a.kind] + ".tip"))
        group(tr("rekap.total"), s.direct)
        self.tree.clear()
        self.tree.addTopLevelItems(rows)
        self.tree.expandAll()
        if not s.resources and not s.not_broken_down:
            self.summary.setText(tr("rekap.empty"))
        else:
            self.summary.setText(tr("rekap.summary", resources=format_rupiah(s.resources_total),
                                    adjust=format_rupiah(s.adjustments_total),
                                    other=format_rupiah(s.not_broken_down_total),
                                    direct=format_rupiah(s.direct),
                                    days=format_number(s.person_days(), d)))


def _make(priced: PricedProgram, package: int | None) -> Schedule:
    if package is None:
        return schedule_program(priced)
    return schedule_package(priced.packages[package - 1])
