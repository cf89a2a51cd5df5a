"""The "Jadwal pelaksanaan dan kurva S" window (issue 9 point 4): per package, a table of the
items (No, Uraian, bobot %, start week, duration) with a bar per item over the week columns (a
simple Gantt painted by :class:`WeekBarDelegate`), the planned % per week and the cumulative %
rows, and the kurva S drawn over the week columns by :class:`JadwalView` (QPainter).

Editing a start or a duration cell is one core edit
(:class:`~dtpl_studio.costing.edits.SetItemSchedule`) pushed as one undo step
(:func:`~dtpl_studio.ui.commands.push_edit`); an empty cell goes back to the default; a value
the core refuses (start < 1, duration < 1, an end after week 52) is shown with the core's
Indonesian message naming the item, and nothing changes. The crew spin boxes change the
package settings (one undo step each); "Kembalikan ke jadwal bawaan" is one step too. The
window computes nothing: every figure is :func:`~dtpl_studio.costing.jadwal.jadwal_package`'s
over the document's latest priced programme, shown again after every re-pricing (undo, redo
and edits made elsewhere included).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.jadwal import MAX_CREW, Jadwal, JadwalRow, jadwal_package
from dtpl_studio.costing.rab import Package, PricedPackage, PricedSection
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.strings import tr

FIXED = ("jadwal.col.no", "jadwal.col.name", "jadwal.col.bobot", "jadwal.col.start", "jadwal.col.duration")
COL_START, COL_DURATION = 3, 4
WEEK0 = len(FIXED)
WEEK_WIDTH = 34
#: findings listed under the summary (a sequence past week 52 makes one per item)
MAX_NOTES = 5
BAR = QColor("#7e9cc0")
CURVE = QColor("#b71c1c")
DIVISION_BG = QColor("#eef1f5")
TOTAL_BG = QColor("#e4e8ee")
ERROR_STYLE = "color: #b3261e;"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
#: role of a week cell: the planned % of the item in that week (Decimal) or None outside it
BAR_ROLE = Qt.ItemDataRole.UserRole + 1


def _pct(value) -> str:
    return format_number(value, 2)


class JadwalModel(QAbstractTableModel):
    """Rows: a division heading, its items, …, then the weekly and the cumulative row.
    Columns: the five of :data:`FIXED`, then one per week."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.jadwal: Jadwal | None = None
        #: ("division", number, title) | ("item", JadwalRow) | ("weekly",) | ("cumulative",)
        self.entries: list[tuple] = []
        #: ``f(item_id, column, text) -> bool`` that applies an edited cell (the dialog's)
        self.on_edit = None

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Qt override: an edited start/duration cell goes to :attr:`on_edit` (which pushes
        the core edit; the model is then refilled from the new schedule)."""
        row = self.row_of(index)
        if row is None or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        return bool(self.on_edit(row.item_id, index.column(), "" if value is None else str(value)))

    def set_jadwal(self, jadwal: Jadwal | None, pp: PricedPackage | None) -> None:
        self.beginResetModel()
        self.jadwal = jadwal
        self.entries = []
        if jadwal is not None and pp is not None and jadwal.rows:
            rows = {r.item_id: r for r in jadwal.rows}
            for ps in pp.sections:
                self.entries.append(("division", ps.number, ps.section.title))
                stack = list(ps.children)
                while stack:
                    child = stack.pop(0)
                    if isinstance(child, PricedSection):
                        stack[:0] = list(child.children)
                    elif child.item.id in rows:
                        self.entries.append(("item", rows[child.item.id]))
            self.entries += [("weekly",), ("cumulative",)]
        self.endResetModel()

    @property
    def weeks(self) -> int:
        return self.jadwal.weeks if self.jadwal is not None else 0

    def rowCount(self, parent=None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else len(self.entries)

    def columnCount(self, parent=None) -> int:  # noqa: N802 - Qt override
        return 0 if parent is not None and parent.isValid() else WEEK0 + self.weeks

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(FIXED[section]) if section < WEEK0 else str(section - WEEK0 + 1)
        return None

    def row_of(self, index: QModelIndex) -> JadwalRow | None:
        entry = self.entries[index.row()] if index.isValid() else None
        return entry[1] if entry is not None and entry[0] == "item" else None

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.row_of(index) is not None and index.column() in (COL_START, COL_DURATION):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.jadwal is None:
            return None
        kind, *rest = self.entries[index.row()]
        col = index.column()
        j = self.jadwal
        if kind == "division":
            number, title = rest
            if role == Qt.ItemDataRole.DisplayRole:
                return number if col == 0 else title if col == 1 else None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(DIVISION_BG)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if kind in ("weekly", "cumulative"):
            values = j.weekly if kind == "weekly" else j.cumulative
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 1:
                    return tr("jadwal.row.weekly" if kind == "weekly" else "jadwal.row.cumulative")
                if col == 2 and kind == "weekly":
                    return _pct(j.bobot_total)
                if col >= WEEK0:
                    return _pct(values[col - WEEK0])
                return None
            if role == Qt.ItemDataRole.TextAlignmentRole and col != 1:
                return RIGHT if col == 2 else CENTER
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(TOTAL_BG)
            if role == Qt.ItemDataRole.FontRole and kind == "cumulative":
                font = QFont()
                font.setBold(True)
                return font
            return None
        r: JadwalRow = rest[0]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.number
            if col == 1:
                return r.description
            if col == 2:
                return _pct(r.bobot)
            if col == COL_START:
                return str(r.start)
            if col == COL_DURATION:
                return str(r.duration)
            return None
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_START:
                return str(r.start) if r.start_set else ""
            if col == COL_DURATION:
                return str(r.duration) if r.duration_set else ""
        if role == BAR_ROLE and col >= WEEK0:
            week = col - WEEK0 + 1
            return r.in_week(week) if r.start <= week <= r.end else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col == 2 else CENTER if col in (0, COL_START, COL_DURATION) else None
        if role == Qt.ItemDataRole.FontRole and ((col == COL_START and not r.start_set)
                                                or (col == COL_DURATION and not r.duration_set)):
            font = QFont()
            font.setItalic(True)  # a default, not the user's own value
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col >= WEEK0:
                week = col - WEEK0 + 1
                if r.start <= week <= r.end:
                    return tr("jadwal.tip.week", week=week, value=_pct(r.in_week(week)))
                return None
            if r.person_days is None:
                return tr("jadwal.tip.no_hok", start=r.start_default)
            return tr("jadwal.tip.item", hok=format_number(r.person_days, 2),
                      weeks=r.duration_default, start=r.start_default)
        return None


class WeekBarDelegate(QStyledItemDelegate):
    """Paints the bar of an item in each of its weeks (the Gantt), the week's % on it."""

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        value = index.data(BAR_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        super().paint(painter, option, index)
        rect = option.rect.adjusted(0, 4, 0, -4)
        painter.save()
        painter.fillRect(rect, BAR)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() - 2))
        painter.setFont(font)
        painter.drawText(rect, CENTER, _pct(value))
        painter.restore()


class JadwalView(QTableView):
    """The table with the kurva S drawn over its week columns: 0 % at the bottom of the item
    rows, 100 % at their top, one point at the end of each week."""

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        model = self.model()
        if not isinstance(model, JadwalModel) or model.jadwal is None or not model.jadwal.cumulative:
            return
        items = [i for i, e in enumerate(model.entries) if e[0] in ("item", "division")]
        if not items:
            return
        top = self.rowViewportPosition(items[0])
        last = items[-1]
        bottom = self.rowViewportPosition(last) + self.rowHeight(last)
        x0 = self.columnViewportPosition(WEEK0)
        span = max(bottom - top - 8, 1)
        points = [QPointF(x0, bottom - 4)]
        for w, v in enumerate(model.jadwal.cumulative):
            col = WEEK0 + w
            x = self.columnViewportPosition(col) + self.columnWidth(col)
            points.append(QPointF(x, bottom - 4 - span * float(v) / 100))
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CURVE, 2))
        painter.drawPolyline(points)
        painter.setBrush(CURVE)
        for p in points[1:]:
            painter.drawEllipse(p, 2.5, 2.5)
        painter.setPen(CURVE)
        painter.drawText(QRect(x0 + 3, top + 1, 60, 14), Qt.AlignmentFlag.AlignLeft, "100 %")
        painter.end()


class JadwalDialog(QDialog):
    """The schedule window of the open project (not modal; follows the document)."""

    def __init__(self, doc: ProjectDocument, package: Package | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("jadwalDialog")
        self.setWindowTitle(tr("jadwal.title"))
        self.doc = doc
        self.package_box = QComboBox(self)
        self.package_box.setObjectName("jadwalPackage")
        self.crew = QSpinBox(self)
        self.crew.setObjectName("jadwalCrew")
        self.crew.setRange(1, MAX_CREW)
        self.days = QSpinBox(self)
        self.days.setObjectName("jadwalDays")
        self.days.setRange(1, 7)
        for box in (self.crew, self.days):
            box.setToolTip(tr("jadwal.crew_tip"))
            box.setKeyboardTracking(False)  # one step per finished value, not per keystroke
        self.reset_button = QPushButton(tr("jadwal.reset"), self)
        self.reset_button.setObjectName("jadwalReset")
        self.summary = QLabel(self)
        self.summary.setObjectName("jadwalSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("jadwalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.model = JadwalModel(self)
        self.view = JadwalView(self)
        self.view.setObjectName("jadwalTable")
        self.view.setModel(self.model)
        self.view.setItemDelegate(WeekBarDelegate(self.view))
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                  | QTableView.EditTrigger.AnyKeyPressed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("jadwal.package"), self))
        top.addWidget(self.package_box, 1)
        top.addWidget(QLabel(tr("jadwal.crew"), self))
        top.addWidget(self.crew)
        top.addWidget(QLabel(tr("jadwal.days"), self))
        top.addWidget(self.days)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.jadwal: Jadwal | None = None
        self._filling = False
        self._stale = False
        #: schedules made (tests: a closed window makes none)
        self.builds = 0
        self._fill_packages(package)
        self.package_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.crew.valueChanged.connect(lambda _v: self._set_crew())
        self.days.valueChanged.connect(lambda _v: self._set_crew())
        self.reset_button.clicked.connect(self.reset)
        self.model.on_edit = self.set_week
        doc.repriced.connect(self._on_repriced)
        self.refresh()
        self.resize(1100, 600)

    # -- feeding ----------------------------------------------------------------------------
    def _fill_packages(self, current: Package | None = None) -> None:
        self._filling = True
        keep = current if current is not None else self.package()
        self.package_box.clear()
        for n, pkg in enumerate(self.doc.program.packages, start=1):
            self.package_box.addItem(f"{n}. {pkg.name}", pkg.id)
        ids = [p.id for p in self.doc.program.packages]
        if keep is not None and keep.id in ids:
            self.package_box.setCurrentIndex(ids.index(keep.id))
        self._filling = False

    def package(self) -> Package | None:
        pid = self.package_box.currentData()
        return next((p for p in self.doc.program.packages if p.id == pid), None)

    def _on_repriced(self, structural: bool) -> None:
        if not self.isVisible():  # a closed window costs nothing per edit: made on its next show
            self._stale = True
            return
        if structural or self.package_box.count() != len(self.doc.program.packages):
            self._fill_packages()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._stale = False
            self._fill_packages()
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Make the schedule of the chosen package again from the latest priced programme."""
        if self._filling:
            return
        pkg = self.package()
        pp = None
        if pkg is not None:
            pp = next((p for p in self.doc.priced.packages if p.package is pkg), None)
        self.jadwal = jadwal_package(pp) if pp is not None else None
        self.builds += 1
        self.model.set_jadwal(self.jadwal, pp)
        self._filling = True
        if pkg is not None:
            self.crew.setValue(max(1, min(MAX_CREW, pkg.settings.crew_size)))
            self.days.setValue(max(1, min(7, pkg.settings.work_days_per_week)))
        self._filling = False
        for w in (self.crew, self.days, self.reset_button):
            w.setEnabled(pkg is not None)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        for col, sample in enumerate(("IV.1.a", "Pasangan batu belah 1SP : 4PP dinding dan lantai",
                                      "100,00", "Mulai (minggu ke-)", "Durasi (minggu)")):
            self.view.setColumnWidth(col, max(metrics.horizontalAdvance(sample),
                                              metrics.horizontalAdvance(tr(FIXED[col]))) + 16)
        bold = QFont(self.view.font())
        bold.setBold(True)
        week_w = max(WEEK_WIDTH, QFontMetrics(bold).horizontalAdvance("100,00") + 14)
        for w in range(self.model.weeks):
            self.view.setColumnWidth(WEEK0 + w, week_w)
        j = self.jadwal
        if j is None or not j.rows:
            self.summary.setText(tr("jadwal.empty"))
            return
        text = tr("jadwal.summary", weeks=j.weeks, bobot=_pct(j.bobot_total), crew=j.crew_size,
                  days=j.days_per_week)
        taker = j.row(j.remainder_item)
        if taker is not None and j.remainder:
            text += "\n" + tr("jadwal.remainder", value=_pct(j.remainder), item=taker.number)
        notes = [f.message for f in j.findings[:MAX_NOTES]]
        if len(j.findings) > MAX_NOTES:
            notes.append(tr("jadwal.more", n=len(j.findings) - MAX_NOTES))
        self.summary.setText(text + ("\n" + "\n".join(notes) if notes else ""))

    # -- editing ----------------------------------------------------------------------------
    def set_week(self, item_id: str, column: int, text: str) -> bool:
        """Set the start (``column`` :data:`COL_START`) or duration of an item from the cell's
        ``text`` ("" = the default) as one undo step; False (and the reason shown) when it
        is not a whole number or the core refuses it."""
        row = self.jadwal.row(item_id) if self.jadwal is not None else None
        if row is None:
            return False
        text = text.strip()
        if text and not (text.isdigit() or (text.startswith("-") and text[1:].isdigit())):
            self.message.setText(tr("jadwal.bad_number"))
            return False
        value = int(text) if text else None
        start = row.start if row.start_set else None
        duration = row.duration if row.duration_set else None
        if column == COL_START:
            start = value
        else:
            duration = value
        if (start, duration) == ((row.start if row.start_set else None),
                                 (row.duration if row.duration_set else None)):
            return True
        edit = edits.SetItemSchedule(item_id, start, duration, effective_start=row.start_default,
                                     effective_duration=row.duration_default)
        problem = push_edit(self.doc, edit, tr("cmd.jadwal", item=_short(row.description)))
        self.message.setText(problem)
        return not problem

    def _set_crew(self) -> None:
        pkg = self.package()
        if self._filling or pkg is None:
            return
        crew, days = self.crew.value(), self.days.value()
        if (crew, days) == (pkg.settings.crew_size, pkg.settings.work_days_per_week):
            return
        problem = push_edit(self.doc, edits.set_settings(pkg, crew_size=crew, work_days_per_week=days),
                            tr("cmd.jadwal_crew", item=_short(pkg.name)))
        self.message.setText(problem)

    def reset(self) -> None:
        """Every item of the package back to the default schedule (one undo step)."""
        pkg = self.package()
        if pkg is None:
            return
        edit = edits.reset_schedule(self.doc.program, pkg.id)
        if not edit.edits:
            return
        self.message.setText(push_edit(self.doc, edit, tr("cmd.jadwal_reset", item=_short(pkg.name))))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["JadwalDialog", "JadwalModel", "JadwalView", "WeekBarDelegate"]
