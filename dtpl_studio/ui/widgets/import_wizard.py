"""Berkas › Impor daftar harga…: the bengkel's import wizard (issue 8 point 4).

Pick a file (region and year: prefilled when the file says them, required when it does not)
→ preview (the detected layout, changeable among :data:`LAYOUTS`; the first rows as read,
the heading row highlighted; the number convention, overridable where the importer takes an
override) → column mapping (overridable for the CSV price lists, read-only for the fixed
layouts) → the import on a worker thread with Cancel, then its findings filtered by severity
(double-click shows the cell) and the units that need a mapping → commit to the price library
(draft or published) or cancel. Nothing is stored before *Simpan ke pustaka*; a report that is
not usable is refused with its reasons.

Everything goes through :mod:`dtpl_studio.services.import_preview` and
:mod:`dtpl_studio.services.prices`; layouts added later (``LAYOUTS``) show up unchanged: the
column mapping is editable as soon as their reader takes ``columns``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.numbers import NumberConvention
from dtpl_studio.services.import_preview import (
    Preview,
    cell_neighbourhood,
    column_index,
    place_of,
    preview_file,
    rows_around,
    run_import,
)
from dtpl_studio.services.prices import is_edition_package, store_in_library
from dtpl_studio.ui import dialogs
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.findings import SEVERITY_COLORS
from dtpl_studio.ui.widgets.unit_mapping_dialog import map_units_and_rerun
from dtpl_studio.ui.workers import Task

HEADER_BRUSH = QBrush(QColor("#fff1c2"))
MARK_BRUSH = QBrush(QColor("#ffd6d1"))
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
#: the code of the findings listed as "units that need a mapping" (price_lists, hspk_json)
NEEDS_MAPPING = "unit-needs-mapping"


def _layouts() -> dict[str, str]:
    from dtpl_studio.services.import_preview import known_layouts

    return known_layouts()


def column_letter(n: int) -> str:
    """Spreadsheet column letters of 1-based column ``n`` (1 → A, 27 → AA)."""
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _fill_table(table: QTableWidget, rows: list[tuple[int, list[str]]], *, letters: bool = False,
                first_col: int = 1, header_index: int | None = None) -> None:
    """``rows`` in ``table``: vertical header = row numbers, columns numbered (or lettered)."""
    width = max((len(c) for _, c in rows), default=0)
    table.clear()
    table.setRowCount(len(rows))
    table.setColumnCount(width)
    table.setHorizontalHeaderLabels([column_letter(first_col + i) if letters else str(first_col + i)
                                     for i in range(width)])
    table.setVerticalHeaderLabels([str(n) for n, _ in rows])
    bold = QFont(table.font())
    bold.setBold(True)
    for r, (_, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            shown = " ".join(text.split()) if "\n" in text or "\r" in text else text
            item = QTableWidgetItem(shown)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if text != shown:
                item.setToolTip(text)
            if r == header_index:
                item.setBackground(HEADER_BRUSH)
                item.setFont(bold)
            table.setItem(r, c, item)
    if header_index is not None and 0 <= header_index < len(rows):
        head = table.verticalHeaderItem(header_index)
        if head is not None:
            head.setText(f"▶ {rows[header_index][0]}")
            head.setToolTip(tr("wiz.preview.header_tip"))
    table.resizeColumnsToContents()
    for c in range(width):
        table.setColumnWidth(c, min(table.columnWidth(c), 320))


def _read_only_table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(False)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
    return table


class FilePage(QWizardPage):
    """1. The file, and the region/year the edition is stored under."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("wiz.file.title"))
        self.setSubTitle(tr("wiz.file.subtitle"))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.browse = QPushButton(tr("wiz.file.browse"))
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.region = QLineEdit()
        self.region.setPlaceholderText(tr("wiz.file.region_placeholder"))
        self.year = QLineEdit()
        self.year.setValidator(QIntValidator(1945, 2100, self))
        self.year.setMaximumWidth(90)
        self.region_hint, self.year_hint = QLabel(), QLabel()
        for edit in (self.region, self.year):
            edit.textChanged.connect(self.completeChanged)
        form = QFormLayout()
        form.addRow(tr("wiz.file.file"), row)
        form.addRow("", self.status)
        region_row, year_row = QHBoxLayout(), QHBoxLayout()
        region_row.addWidget(self.region, 1)
        region_row.addWidget(self.region_hint)
        year_row.addWidget(self.year)
        year_row.addWidget(self.year_hint, 1)
        form.addRow(tr("wiz.file.region"), region_row)
        form.addRow(tr("wiz.file.year"), year_row)
        self.setLayout(form)

    def _browse(self) -> None:
        name = dialogs.open_file_name(self, tr("wiz.file.open"), self.path_edit.text(), tr("wiz.file.filter"))
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> bool:
        """Read ``path``'s preview and prefill region/year; False (reason shown) when unreadable."""
        self.path_edit.setText(str(path))
        if is_edition_package(path):  # a signed edition, not a price list: nothing to map
            self.wiz.preview = None
            self.status.setText(tr("wiz.file.package"))
            self.completeChanged.emit()
            return False
        try:
            preview = preview_file(path)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            self.wiz.preview = None
            self.status.setText(explain(exc, path))
            self.completeChanged.emit()
            return False
        self.wiz.preview = preview
        self.status.setText(tr("wiz.file.detected", layout=preview.layout) if preview.layout
                            else tr("wiz.file.undetected"))
        self._prefill(preview)
        self.completeChanged.emit()
        return True

    def _prefill(self, preview: Preview, *, keep: bool = False) -> None:
        """Region/year from ``preview``; ``keep``: what was typed stays (another layout of the
        same file chosen on the preview page)."""
        own = preview.layout == "edisi-xlsx"  # the edition sheet says them; the reader takes none
        for edit, hint, value in ((self.region, self.region_hint, preview.file_region),
                                  (self.year, self.year_hint, preview.file_year)):
            edit.setEnabled(not own)
            if own:
                edit.clear()
                hint.setText(tr("wiz.file.from_edition"))
            elif value is not None:
                if not (keep and edit.text().strip()):
                    edit.setText(str(value))
                hint.setText(tr("wiz.file.from_file"))
            else:
                if not keep:
                    edit.clear()
                hint.setText(tr("wiz.file.required"))
        self.completeChanged.emit()

    def needs(self) -> tuple[bool, bool]:
        """Whether region and year must be typed (the file does not say them)."""
        p = self.wiz.preview
        if p is None or p.layout == "edisi-xlsx":
            return False, False
        return p.file_region is None, p.file_year is None

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        if self.wiz.preview is None:
            return False
        need_region, need_year = self.needs()
        return not (need_region and not self.region.text().strip()) and not (
            need_year and not self.year.hasAcceptableInput())


class PreviewPage(QWizardPage):
    """2. The file as read: layout, heading row, number convention, first rows."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("wiz.preview.title"))
        self.setSubTitle(tr("wiz.preview.subtitle"))
        self.layout_box = QComboBox()
        for name, words in _layouts().items():
            self.layout_box.addItem(f"{name} — {words}", name)
        self.layout_box.activated.connect(self._layout_chosen)
        self.read_as = QLabel()
        self.read_as.setWordWrap(True)
        self.convention = QComboBox()
        self.convention.addItem(tr("wiz.convention.id"), NumberConvention.ID)
        self.convention.addItem(tr("wiz.convention.us"), NumberConvention.US)
        self.convention_note = QLabel()
        self.convention_note.setWordWrap(True)
        conv_row = QHBoxLayout()
        conv_row.addWidget(self.convention)
        conv_row.addWidget(self.convention_note, 1)
        self.table = _read_only_table()
        form = QFormLayout()
        form.addRow(tr("wiz.preview.layout"), self.layout_box)
        form.addRow(tr("wiz.preview.read_as"), self.read_as)
        form.addRow(tr("wiz.preview.convention"), conv_row)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.table, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.show_preview()

    def _layout_chosen(self) -> None:
        name = self.layout_box.currentData()
        p = self.wiz.preview
        if p is None or name == p.layout:
            return
        try:
            self.wiz.preview = preview_file(p.path, name)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            self.read_as.setText(explain(exc, p.path))
            return
        self.wiz.convention_choice = None
        self.wiz.columns_choice = None
        self.wiz.file_page._prefill(self.wiz.preview, keep=True)
        self.show_preview()

    def show_preview(self) -> None:
        """Show :attr:`ImportWizard.preview`."""
        p = self.wiz.preview
        if p is None:
            return
        at = self.layout_box.findData(p.layout) if p.layout else -1
        self.layout_box.setCurrentIndex(at)
        if p.layout is None:
            self.layout_box.setPlaceholderText(tr("wiz.preview.choose_layout"))
        parts = []
        if p.kind == "csv":
            parts.append(tr("wiz.preview.csv", encoding=p.encoding,
                            delimiter={"\t": "TAB"}.get(p.delimiter, p.delimiter), rows=p.total_rows))
        elif p.kind == "xlsx":
            parts.append(tr("wiz.preview.xlsx", sheet=p.sheet, sheets=len(p.sheets), rows=p.total_rows))
            self.read_as.setToolTip(", ".join(p.sheets))
        elif p.kind == "json":
            parts.append(tr("wiz.preview.json", rows=p.total_rows))
        if p.header_line is not None:
            parts.append(tr("wiz.preview.header", line=p.header_line))
        elif p.kind == "xlsx":
            parts.append(tr("wiz.preview.fixed_header"))
        if p.layout_error and p.layout is None:
            parts.append(p.layout_error)
        if p.layout is not None and not self.wiz.file_page.isComplete():
            parts.append(tr("wiz.preview.needs_region"))
        self.read_as.setText("\n".join(parts))
        self._show_convention(p)
        _fill_table(self.table, p.rows, letters=p.kind == "xlsx", header_index=p.header_index)
        self.completeChanged.emit()

    def _show_convention(self, p: Preview) -> None:
        settable = "convention" in p.overrides
        self.convention.setVisible(settable)
        if settable:
            chosen = self.wiz.convention_choice or p.convention or NumberConvention.ID
            self.convention.setCurrentIndex(self.convention.findData(chosen))
            self.convention_note.setText(tr("wiz.convention.detected") if p.convention
                                         else tr("wiz.convention.undecided"))
        elif p.kind == "json":
            self.convention_note.setText(tr("wiz.convention.json"))
        elif p.kind == "xlsx":
            self.convention_note.setText(tr("wiz.convention.xlsx"))
        else:
            self.convention_note.setText(tr("wiz.convention.fixed"))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        p = self.wiz.preview
        return p is not None and p.layout is not None and self.wiz.file_page.isComplete()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        p = self.wiz.preview
        if p is not None and "convention" in p.overrides:
            chosen = NumberConvention(self.convention.currentData())  # Qt hands the enum back as str
            # an override only when it differs from what the importer would decide itself
            self.wiz.convention_choice = chosen if chosen != (p.convention or NumberConvention.ID) else None
        return True


class MappingPage(QWizardPage):
    """3. Which column holds what: overridable for the CSV price lists, read-only otherwise."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("wiz.mapping.title"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.combos: dict[str, QComboBox] = {}
        self.fixed = _read_only_table()
        self.fixed.setColumnCount(2)
        self.fixed.setHorizontalHeaderLabels([tr("wiz.mapping.field"), tr("wiz.mapping.source")])
        self.fixed.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fixed.verticalHeader().setVisible(False)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b3261e")
        box = QVBoxLayout(self)
        box.addWidget(self.note)
        box.addWidget(self.form_host)
        box.addWidget(self.fixed, 1)
        box.addWidget(self.problem)
        box.addStretch()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        p = self.wiz.preview
        assert p is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos.clear()
        editable = bool(p.columns) and "columns" in p.overrides
        self.form_host.setVisible(editable)
        self.fixed.setVisible(not editable)
        if editable:
            self.setSubTitle(tr("wiz.mapping.subtitle_csv", line=p.header_line or "-"))
            self.note.setText(tr("wiz.mapping.note_csv"))
            chosen = self.wiz.columns_choice or p.columns
            for role, col in p.columns.items():
                combo = QComboBox()
                combo.addItem(tr("wiz.mapping.none"), None)
                for i in range(max(p.width, len(p.heading))):
                    head = p.heading[i].strip() if i < len(p.heading) else ""
                    combo.addItem(f"{i + 1}: {head}" if head else str(i + 1), i)
                combo.setCurrentIndex(combo.findData(chosen.get(role, col)))
                combo.currentIndexChanged.connect(self._changed)
                label = f"{role} *" if role in p.required_columns else role
                self.form.addRow(label, combo)
                self.combos[role] = combo
        else:
            self.setSubTitle(tr("wiz.mapping.subtitle_fixed", layout=p.layout))
            self.note.setText(tr("wiz.mapping.note_fixed"))
            rows = p.fixed_mapping or ((tr("wiz.mapping.all"), tr("wiz.mapping.by_importer", layout=p.layout)),)
            self.fixed.setRowCount(len(rows))
            for r, (what, source) in enumerate(rows):
                self.fixed.setItem(r, 0, QTableWidgetItem(what))
                self.fixed.setItem(r, 1, QTableWidgetItem(source))
            self.fixed.resizeColumnToContents(0)
        self._changed()

    def mapping(self) -> dict[str, int | None]:
        """Role → column chosen (empty for a fixed layout)."""
        return {role: combo.currentData() for role, combo in self.combos.items()}

    def problems(self) -> str:
        """Why the mapping cannot be used ("" when it can)."""
        p = self.wiz.preview
        if not self.combos or p is None:
            return ""
        chosen = self.mapping()
        missing = [r for r in p.required_columns if chosen.get(r) is None]
        if missing:
            return tr("wiz.mapping.missing", roles=", ".join(missing))
        used = Counter(c for c in chosen.values() if c is not None)
        twice = [r for r, c in chosen.items() if c is not None and used[c] > 1]
        return tr("wiz.mapping.twice", roles=", ".join(twice)) if twice else ""

    def _changed(self) -> None:
        self.problem.setText(self.problems())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.problems()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        p = self.wiz.preview
        chosen = self.mapping()
        self.wiz.columns_choice = chosen if self.combos and p is not None and chosen != p.columns else None
        return True


class ImportPage(QWizardPage):
    """4. The import on a worker thread (Cancel), then its findings."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.task: Task | None = None
        self.setTitle(tr("wiz.run.title"))
        self.setSubTitle(tr("wiz.run.subtitle"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.bar = QProgressBar()
        self.cancel_button = QPushButton(tr("wiz.run.cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.again = QPushButton(tr("wiz.run.again"))
        self.again.clicked.connect(self.start)
        run_row = QHBoxLayout()
        run_row.addWidget(self.bar, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.again)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.filter = QComboBox()
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter.currentIndexChanged.connect(self._refilter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(tr("wiz.run.filter")))
        filter_row.addWidget(self.filter)
        filter_row.addStretch()
        self.findings = QTreeWidget()
        self.findings.setRootIsDecorated(False)
        self.findings.setAlternatingRowColors(True)
        self.findings.setHeaderLabels([tr("wiz.run.col.severity"), tr("wiz.run.col.where"),
                                       tr("wiz.run.col.message"), tr("wiz.run.col.raw"),
                                       tr("wiz.run.col.action")])
        self.findings.setColumnWidth(0, 80)
        self.findings.setColumnWidth(1, 150)
        self.findings.setColumnWidth(2, 380)
        self.findings.setColumnWidth(3, 110)
        self.findings.itemDoubleClicked.connect(self._double_clicked)
        self.findings.itemActivated.connect(self._double_clicked)
        self.cell_label = QLabel(tr("wiz.run.cell_hint"))
        self.cell_label.setWordWrap(True)
        self.cell_grid = _read_only_table()
        cell_host = QWidget()
        cell_box = QVBoxLayout(cell_host)
        cell_box.setContentsMargins(0, 0, 0, 0)
        cell_box.addWidget(self.cell_label)
        cell_box.addWidget(self.cell_grid, 1)
        self.units = QTreeWidget()
        self.units.setRootIsDecorated(False)
        self.units.setHeaderLabels([tr("wiz.units.col.unit"), tr("wiz.units.col.count"),
                                    tr("wiz.units.col.where")])
        self.units.setColumnWidth(0, 160)
        self.units.itemDoubleClicked.connect(self._unit_double_clicked)
        self.map_units = QPushButton(tr("wiz.units.map"))
        self.map_units.clicked.connect(self._map_units)
        self.units_note = QLabel()
        self.units_note.setWordWrap(True)
        units_host = QWidget()
        units_box = QVBoxLayout(units_host)
        units_box.setContentsMargins(0, 0, 0, 0)
        units_box.addWidget(self.units, 1)
        units_row = QHBoxLayout()
        units_row.addWidget(self.units_note, 1)
        units_row.addWidget(self.map_units)
        units_box.addLayout(units_row)
        self.tabs = QTabWidget()
        self.tabs.addTab(cell_host, tr("wiz.run.tab.cell"))
        self.tabs.addTab(units_host, tr("wiz.units.tab", n=0))
        findings_host = QWidget()
        f_box = QVBoxLayout(findings_host)
        f_box.setContentsMargins(0, 0, 0, 0)
        f_box.addLayout(filter_row)
        f_box.addWidget(self.findings, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(findings_host)
        self.split.addWidget(self.tabs)
        self.split.setSizes([280, 250])
        box = QVBoxLayout(self)
        box.addWidget(self.state)
        box.addLayout(run_row)
        box.addWidget(self.summary)
        box.addWidget(self.split, 1)
        self._shown: list[Finding] = []

    # -- running ----------------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.start()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        self.cancel()

    def start(self) -> None:
        """Run the import with the wizard's choices on the pool (the result replaces any before)."""
        self.cancel()
        wiz = self.wiz
        p = wiz.preview
        assert p is not None and p.layout is not None
        wiz.result = None
        self._show_report(None)
        header_line = p.header_line if wiz.columns_choice is not None else None
        region, year = wiz.file_page.region.text().strip(), wiz.file_page.year.text().strip()
        self.task = task = Task(run_import, p.path, layout=p.layout, region=region or None,
                                year=int(year) if year else None, columns=wiz.columns_choice,
                                header_line=header_line, convention=wiz.convention_choice)
        task.signals.progress.connect(self._progress)
        task.signals.succeeded.connect(lambda result, t=task: self._succeeded(t, result))
        task.signals.failed.connect(lambda message, t=task: self._failed(t, message))
        task.signals.finished.connect(lambda t=task: self._finished(t))
        self.state.setText(tr("wiz.run.running", file=p.path.name))
        self.bar.setRange(0, 0)  # busy until the reader reports steps (the CSV lists do)
        self.cancel_button.setEnabled(True)
        self.again.setVisible(False)
        wiz.pool.start(task)
        self.completeChanged.emit()

    def running(self) -> bool:
        """An import is under way (not cancelled)."""
        return self.task is not None and not self.task.is_cancelled() and not self.task.done.is_set()

    def cancel(self) -> None:
        """Cancel a running import: its result is dropped when it arrives; nothing is stored."""
        if self.task is None or self.task.done.is_set():
            return
        self.task.cancel()
        self.task = None
        self.wiz.result = None
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.state.setText(tr("wiz.run.cancelled"))
        self.cancel_button.setEnabled(False)
        self.again.setVisible(True)
        self.completeChanged.emit()

    def _progress(self, done: int, total: int, label: str) -> None:
        if self.task is None:
            return  # cancelled: the bar stays as the cancel left it
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _succeeded(self, task: Task, result) -> None:
        if task is not self.task or task.is_cancelled():
            return  # a cancelled import: dropped
        self.wiz.result = result
        _, report = result
        self.state.setText(tr("wiz.run.done", file=self.wiz.preview.path.name))
        self._show_report(report)

    def _failed(self, task: Task, message: str) -> None:
        if task is not self.task:
            return
        self.state.setText(tr("wiz.run.failed", error=message))

    def _finished(self, task: Task) -> None:
        if task is not self.task:
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.cancel_button.setEnabled(False)
        self.again.setVisible(self.wiz.result is None)
        self.completeChanged.emit()

    # -- the findings -----------------------------------------------------------------------
    def _show_report(self, report) -> None:
        self.findings.clear()
        self.units.clear()
        self.cell_grid.clear()
        self.cell_grid.setRowCount(0)
        self.cell_grid.setColumnCount(0)
        self.cell_label.setText(tr("wiz.run.cell_hint"))
        self.filter.blockSignals(True)
        self.filter.clear()
        if report is None:
            self.summary.clear()
            self.filter.blockSignals(False)
            self.tabs.setTabText(1, tr("wiz.units.tab", n=0))
            return
        self.summary.setText(report.summary())
        counts = Counter(f.severity for f in report.findings)
        self.filter.addItem(tr("wiz.run.filter.all", n=len(report.findings)), None)
        for severity in SEVERITIES:
            self.filter.addItem(f"{tr(f'severity.{severity.value}')} ({counts.get(severity, 0)})", severity)
        self.filter.blockSignals(False)
        self._refilter()
        self._show_units(report)

    def _refilter(self) -> None:
        report = self.wiz.result[1] if self.wiz.result else None
        self.findings.clear()
        if report is None:
            return
        wanted = self.filter.currentData()
        order = {s: n for n, s in enumerate(SEVERITIES)}
        self._shown = sorted((f for f in report.findings if wanted is None or f.severity == wanted),
                             key=lambda f: order[f.severity])
        for n, finding in enumerate(self._shown):
            where = finding.location.split(" | ", 1)[-1] if " | " in finding.location else ""
            row = QTreeWidgetItem([tr(f"severity.{finding.severity.value}"), where, finding.message,
                                   finding.raw, finding.action])
            row.setData(0, Qt.ItemDataRole.UserRole, n)
            row.setForeground(0, QBrush(SEVERITY_COLORS[finding.severity]))
            row.setToolTip(2, str(finding))
            self.findings.addTopLevelItem(row)

    def _show_units(self, report) -> None:
        groups: dict[str, list[Finding]] = {}
        for finding in report.findings:
            if finding.code == NEEDS_MAPPING:
                groups.setdefault(finding.raw.strip(), []).append(finding)
        for unit, found in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold())):
            places = [f.location.split(" | ", 1)[-1] for f in found]
            row = QTreeWidgetItem([unit or tr("wiz.units.empty"), str(len(found)),
                                   ", ".join(places[:6]) + (" …" if len(places) > 6 else "")])
            row.setData(0, Qt.ItemDataRole.UserRole, found[0])
            self.units.addTopLevelItem(row)
        total = sum(len(v) for v in groups.values())
        self.tabs.setTabText(1, tr("wiz.units.tab", n=len(groups)))
        hook = ImportWizard.unit_mapping_hook
        self.map_units.setEnabled(bool(groups) and hook is not None)
        self.units_note.setText(tr("wiz.units.none") if not groups else
                                tr("wiz.units.note", units=len(groups), rows=total)
                                + ("" if hook is not None else " " + tr("wiz.units.no_store")))

    def _map_units(self) -> None:
        hook = ImportWizard.unit_mapping_hook
        report = self.wiz.result[1] if self.wiz.result else None
        if hook is not None and report is not None:
            hook(self.wiz, [f for f in report.findings if f.code == NEEDS_MAPPING])

    def _unit_double_clicked(self, row: QTreeWidgetItem, column: int = 0) -> None:
        finding = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(finding, Finding):
            self.show_cell(finding)

    def _double_clicked(self, row: QTreeWidgetItem, column: int = 0) -> None:
        n = row.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(n, int) and 0 <= n < len(self._shown):
            self.show_cell(self._shown[n])

    def show_cell(self, finding: Finding) -> None:
        """Show where ``finding`` points: the CSV row (or JSON record) among its neighbours,
        selected, and in the preview table when it is there; an xlsx cell in a small grid of
        its neighbourhood."""
        p = self.wiz.preview
        place = place_of(finding.location)
        self.tabs.setCurrentIndex(0)
        if p is None or (place.line is None and not place.cell):
            self.cell_label.setText(tr("wiz.run.cell_none"))
            self.cell_grid.setRowCount(0)
            return
        if place.line is not None:
            rows, at = rows_around(p, place.line)
            if at is None:
                self.cell_label.setText(tr("wiz.run.cell_none"))
                return
            header = next((i for i, (n, _) in enumerate(rows) if n == p.header_line), None)
            _fill_table(self.cell_grid, rows, header_index=header)
            col = column_index(p, place.column)
            self.cell_label.setText(tr("wiz.run.cell_line", line=rows[at][0],
                                       column=place.column or "-", raw=finding.raw))
            self._mark(at, col)
            self.wiz.preview_page.table.selectRow(
                next((i for i, (n, _) in enumerate(p.rows) if n == rows[at][0]), -1))
            return
        try:
            rows, first_col, (r, c) = cell_neighbourhood(p.path, place.sheet, place.cell)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            reason = getattr(exc, "params", {}).get("reason") or str(exc)
            self.cell_label.setText(tr("wiz.run.cell_unreadable", sheet=place.sheet, cell=place.cell, reason=reason))
            self.cell_grid.setRowCount(0)
            return
        _fill_table(self.cell_grid, rows, letters=True, first_col=first_col)
        self.cell_label.setText(tr("wiz.run.cell_xlsx", sheet=place.sheet, cell=place.cell, raw=finding.raw))
        self._mark(r, c)

    def _mark(self, row: int, col: int | None) -> None:
        self.cell_grid.selectRow(row)
        if col is not None and self.cell_grid.horizontalHeaderItem(col) is not None:
            head = self.cell_grid.horizontalHeaderItem(col)
            head.setText(f"▼ {head.text()}")
        if col is not None and self.cell_grid.item(row, col) is not None:
            self.cell_grid.item(row, col).setBackground(MARK_BRUSH)
            self.cell_grid.scrollToItem(self.cell_grid.item(row, col))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.wiz.result is not None


class CommitPage(QWizardPage):
    """5. Store the edition (draft or published), or cancel: nothing stored."""

    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.wiz = wizard
        self.setTitle(tr("wiz.commit.title"))
        self.setSubTitle(tr("wiz.commit.subtitle"))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.publish = QCheckBox(tr("wiz.commit.publish"))
        self.publish.setToolTip(tr("wiz.commit.publish_tip"))
        self.commit_button = QPushButton(tr("wiz.commit.store"))
        self.commit_button.clicked.connect(self.commit)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_library = QPushButton(tr("wiz.commit.open_library"))
        self.open_library.setVisible(False)
        self.open_library.clicked.connect(self._open_library)
        grid = QGridLayout(self)
        grid.addWidget(self.what, 0, 0, 1, 2)
        grid.addWidget(self.publish, 1, 0, 1, 2)
        grid.addWidget(self.commit_button, 2, 0)
        grid.addWidget(self.outcome, 3, 0, 1, 2)
        grid.addWidget(self.open_library, 4, 0)
        grid.setRowStretch(5, 1)
        grid.setColumnStretch(1, 1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        book, report = self.wiz.result
        meta = book.meta
        self.what.setText(tr("wiz.commit.what", kind=meta.kind, region=meta.region or "-",
                             year=meta.year or "-", resources=len(book.resources),
                             analyses=len(book.analyses), file=report.source_file))
        usable = report.usable and (len(book.resources) + len(book.analyses)) > 0
        self.commit_button.setEnabled(usable and self.wiz.edition_id is None)
        self.publish.setEnabled(usable and self.wiz.edition_id is None)
        if not usable:
            causes = report.cause_lines() if not report.usable else [tr("wiz.commit.empty")]
            self.outcome.setText(tr("wiz.commit.refused", status=report.status_line()
                                    if not report.usable else "") + "\n" + "\n".join(causes))
            self.outcome.setStyleSheet("color: #b3261e")
        elif self.wiz.edition_id is None:
            self.outcome.setText(tr("wiz.commit.ready"))
            self.outcome.setStyleSheet("")

    def commit(self) -> None:
        """Store the imported book in the library (one transaction), say the edition id."""
        wiz = self.wiz
        if wiz.result is None or wiz.edition_id is not None or not self.commit_button.isEnabled():
            return
        book, _ = wiz.result
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            edition_id, where, added = store_in_library(book, wiz.library_url, publish=self.publish.isChecked())
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            self.outcome.setText(tr("wiz.commit.failed", error=explain(exc)))
            self.outcome.setStyleSheet("color: #b3261e")
            return
        finally:
            QApplication.restoreOverrideCursor()
        wiz.edition_id = edition_id
        self.commit_button.setEnabled(False)
        self.publish.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(tr("wiz.commit.stored" if added else "wiz.commit.existing", id=edition_id,
                                where=where))
        self.open_library.setVisible(wiz.library_opener is not None)
        # stored: no way back to import again, nothing left to cancel; only Close
        wiz.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.FinishButton])
        wiz.committed.emit(edition_id)
        self.completeChanged.emit()

    def _open_library(self) -> None:
        wiz = self.wiz
        if wiz.edition_id is None:
            return
        wiz.open_library_requested.emit(wiz.edition_id)
        if wiz.library_opener is not None:
            wiz.library_opener(wiz.edition_id)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.wiz.edition_id is not None


class ImportWizard(QWizard):
    """The import wizard. ``path``: start with this file chosen.

    Signals:
        committed(int): the edition id stored (or found identical) in the library.
        open_library_requested(int): *Buka pustaka harga* was pressed.

    ``library_opener(edition_id)``: opens the price library at that edition (the window's
    library window, another part); the button is shown after a commit only when it is set.
    """

    committed = Signal(int)
    open_library_requested = Signal(int)

    #: *Petakan satuan…*: a callable ``(wizard, findings)`` given the ``unit-needs-mapping``
    #: findings (:func:`~dtpl_studio.ui.widgets.unit_mapping_dialog.map_units_and_rerun`:
    #: the mappings kept by services.units, then the import again); None disables the button
    unit_mapping_hook: Callable | None = staticmethod(map_units_and_rerun)

    def __init__(self, parent: QWidget | None = None, *, path: Path | None = None,
                 pool: QThreadPool | None = None, library_url: str | None = None,
                 library_opener: Callable[[int], None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("wiz.title"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.pool = pool or QThreadPool.globalInstance()
        self.library_url = library_url
        self.library_opener = library_opener
        self.preview: Preview | None = None
        self.convention_choice: NumberConvention | None = None
        self.columns_choice: dict[str, int | None] | None = None
        self.result = None
        self.edition_id: int | None = None
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.import_page = ImportPage(self)
        self.commit_page = CommitPage(self)
        for page in (self.file_page, self.preview_page, self.mapping_page, self.import_page, self.commit_page):
            self.addPage(page)
        for button, key in ((QWizard.WizardButton.BackButton, "wiz.back"),
                            (QWizard.WizardButton.NextButton, "wiz.next"),
                            (QWizard.WizardButton.CancelButton, "wiz.cancel"),
                            (QWizard.WizardButton.FinishButton, "wiz.finish")):
            self.setButtonText(button, tr(key))
        self.resize(1000, 700)
        if path is not None:
            self.file_page.set_path(Path(path))

    def reject(self) -> None:
        """Cancel: a running import is cancelled; nothing is stored."""
        self.import_page.cancel()
        super().reject()
