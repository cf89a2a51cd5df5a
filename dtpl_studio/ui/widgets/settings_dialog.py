"""Project settings (issue 10 point 4): where the programme is, who signs, and for the current
package PPN, pembulatan and the overhead (E) default of its pinned book.

The dialog edits nothing itself: :meth:`ProjectSettingsDialog.edit` returns one
:class:`~dtpl_studio.costing.edits.Compound` of what changed (None when nothing did), which
the window pushes as one undo step; the project file stores every field.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.data_umum import nip_problem
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.numbers import NumberParseError
from dtpl_studio.costing.rab import Package, Program, Signatory
from dtpl_studio.ui.parsing import NumberEntryError, parse_user_number
from dtpl_studio.ui.strings import tr

#: pembulatan steps offered (Rp); 0 = no rounding
ROUNDING_STEPS = (Decimal(0), Decimal(1), Decimal(10), Decimal(100), Decimal(1000), Decimal(10_000),
                  Decimal(100_000), Decimal(1_000_000))
ROUNDING_MODES = (RoundingMode.DOWN, RoundingMode.HALF_UP, RoundingMode.UP)
#: PPN offered when the box is ticked on a package without PPN (PMK 131/2024: effective 11 %)
DEFAULT_PPN = Decimal("0.11")
SIGNATORY_COLUMNS = ("set.sig.role", "set.sig.name", "set.sig.position", "set.sig.date", "set.sig.nip")
NIP_COLUMN = SIGNATORY_COLUMNS.index("set.sig.nip")
#: rows of the signatory table shown without scrolling (the template has eight roles)
VISIBLE_SIGNATORIES = 8
#: a field whose value is kept but flagged (a NIP that is not 18 digits)
WARNING_BG, WARNING_TEXT = "#fdecc8", "#8a4b00"
#: the template role id of a row (``Signatory.kind``), kept on its first cell
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
#: the package components offered, in the order of the combo box
COMPONENTS = (Component.PERENCANAAN, Component.FISIK)


def add_error_and_buttons(dialog: QDialog, layout, object_name: str) -> QLabel:
    """The foot of an editing dialog: a hidden red error line (returned; the dialog shows its
    refusals there) and the OK / Batal buttons wired to accept/reject."""
    error = QLabel()
    error.setObjectName(object_name)
    error.setStyleSheet("color: #b3261e;")
    error.setWordWrap(True)
    error.hide()
    layout.addWidget(error)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(tr("set.ok"))
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("set.cancel"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    layout.addWidget(box)
    return error


class SettingsError(ValueError):
    """A field that cannot be read; the message names the field."""


def _percent(text: str, field: str) -> Decimal:
    """``"11"``/``"11,5"``/``"11 %"`` → ``Decimal('0.11')``/``0.115``; 0..100."""
    cleaned = text.replace("%", "").strip()
    try:
        value = parse_user_number(cleaned)
    except (NumberParseError, NumberEntryError) as exc:
        raise SettingsError(tr("set.bad_number", field=field, text=text)) from exc
    if not 0 <= value <= 100:
        raise SettingsError(tr("set.bad_percent", field=field, text=text))
    return (value / 100).normalize() if value else Decimal(0)


class ProjectSettingsDialog(QDialog):
    """Settings of ``program`` and of ``package`` (one of its packages, or None)."""

    def __init__(self, program: Program, package: Package | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("projectSettings")
        self.setWindowTitle(tr("set.title"))
        self.program = program
        self.package = package
        layout = QVBoxLayout(self)

        where = QGroupBox(tr("set.location"))
        form = QFormLayout(where)
        self.texts: dict[str, QLineEdit] = {}
        for name in ("title", "kelurahan", "kecamatan", "kota", "provinsi", "bkm"):
            edit = QLineEdit(getattr(program, name))
            edit.setObjectName(f"set_{name}")
            self.texts[name] = edit
            form.addRow(tr(f"set.{'program_title' if name == 'title' else name}"), edit)
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText("—")
        self.year.setValue(program.fiscal_year or 0)
        self.year.setMaximumWidth(110)
        form.addRow(tr("set.fiscal_year"), self.year)
        layout.addWidget(where)

        self.package_box = QGroupBox(tr("set.package", name=package.name if package else "—"))
        pform = QFormLayout(self.package_box)
        settings = package.settings if package else None
        self.package_name = QLineEdit(package.name if package else "")
        self.package_name.setObjectName("set_package_name")
        pform.addRow(tr("set.package_name"), self.package_name)
        self.component = QComboBox()
        self.component.setObjectName("set_component")
        for component in COMPONENTS:
            self.component.addItem(tr(f"component.{component.value}"), component)
        if package is not None:
            self.component.setCurrentIndex(COMPONENTS.index(package.component))
        pform.addRow(tr("set.component"), self.component)
        self.ppn_applies = QCheckBox(tr("set.ppn_applies"))
        self.ppn_rate = QLineEdit()
        self.ppn_rate.setObjectName("set_ppn_rate")
        self.ppn_rate.setMaximumWidth(90)
        self.ppn_label = QLineEdit(settings.ppn_label if settings else "PPN")
        self.ppn_label.setMaximumWidth(140)
        rate = settings.ppn_rate if settings else Decimal(0)
        self.ppn_applies.setChecked(rate > 0)
        self.ppn_rate.setText(format_number((rate if rate > 0 else DEFAULT_PPN) * 100))
        self.ppn_rate.setEnabled(rate > 0)
        self.ppn_applies.toggled.connect(self.ppn_rate.setEnabled)
        ppn_row = QHBoxLayout()
        ppn_row.addWidget(self.ppn_applies)
        ppn_row.addWidget(self.ppn_rate)
        ppn_row.addWidget(QLabel("%"))
        ppn_row.addSpacing(12)
        ppn_row.addWidget(QLabel(tr("set.ppn_label")))
        ppn_row.addWidget(self.ppn_label)
        ppn_row.addStretch(1)
        pform.addRow(tr("set.ppn"), ppn_row)
        self.rounding_step = QComboBox()
        self.rounding_step.setObjectName("set_rounding_step")
        self._steps = list(ROUNDING_STEPS)
        for step in ROUNDING_STEPS:
            self.rounding_step.addItem(tr("set.no_rounding") if step == 0 else "Rp " + format_number(step))
        self.rounding_mode = QComboBox()
        for mode in ROUNDING_MODES:
            self.rounding_mode.addItem(tr(f"set.mode.{mode.value}"))
        if settings:
            rule = settings.total_rounding
            step_index = next((i for i, s in enumerate(ROUNDING_STEPS) if s == rule.step), -1)
            if step_index < 0:  # a step not offered (from a file): keep it selectable
                self._steps.append(rule.step)
                self.rounding_step.addItem("Rp " + format_number(rule.step))
                step_index = self.rounding_step.count() - 1
            self.rounding_step.setCurrentIndex(step_index)
            self.rounding_mode.setCurrentIndex(ROUNDING_MODES.index(RoundingMode(rule.mode)))
        self.rounding_step.currentIndexChanged.connect(
            lambda _i: self.rounding_mode.setEnabled(self._step() != 0))
        self.rounding_mode.setEnabled(self._step() != 0)
        rounding_row = QHBoxLayout()
        rounding_row.addWidget(self.rounding_step)
        rounding_row.addWidget(self.rounding_mode)
        rounding_row.addStretch(1)
        pform.addRow(tr("set.rounding"), rounding_row)
        self.overhead = QLineEdit()
        self.overhead.setObjectName("set_overhead")
        self.overhead.setMaximumWidth(90)
        if package:
            self.overhead.setText(format_number(package.book.meta.default_overhead_pct * 100))
        overhead_row = QHBoxLayout()
        overhead_row.addWidget(self.overhead)
        overhead_row.addWidget(QLabel("%"))
        overhead_row.addStretch(1)
        pform.addRow(tr("set.overhead"), overhead_row)
        overhead_hint = QLabel(tr("set.overhead_hint"))  # its own row: a wrapped hint beside
        overhead_hint.setStyleSheet("color: #555;")      # the field was cut to one line
        overhead_hint.setWordWrap(True)
        pform.addRow("", overhead_hint)
        self.ksm = QLineEdit(package.ksm if package else "")
        self.package_location = QLineEdit(package.location if package else "")
        pform.addRow(tr("set.ksm"), self.ksm)
        pform.addRow(tr("set.package_location"), self.package_location)
        self.package_box.setEnabled(package is not None)
        layout.addWidget(self.package_box)

        signers = QGroupBox(tr("set.signatories"))
        slayout = QVBoxLayout(signers)
        self.signatories = QTableWidget(0, len(SIGNATORY_COLUMNS))
        self.signatories.setObjectName("set_signatories")
        self.signatories.setHorizontalHeaderLabels([tr(k) for k in SIGNATORY_COLUMNS])
        self.signatories.verticalHeader().hide()
        self.signatories.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.signatories.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for s in program.signatories:
            self._add_signatory(s)
        buttons_row = QHBoxLayout()
        add = QPushButton(tr("set.sig.add"))
        remove = QPushButton(tr("set.sig.remove"))
        add.clicked.connect(lambda: self._add_signatory(Signatory("")))
        remove.clicked.connect(self._remove_signatory)
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)
        slayout.addWidget(self.signatories)
        self.nip_warning = QLabel()
        self.nip_warning.setObjectName("set_nip_warning")
        self.nip_warning.setStyleSheet(f"color: {WARNING_TEXT};")
        self.nip_warning.setWordWrap(True)
        self.nip_warning.hide()
        slayout.addWidget(self.nip_warning)
        slayout.addLayout(buttons_row)
        layout.addWidget(signers, 1)

        self.error = add_error_and_buttons(self, layout, "set_error")
        self._edit: edits.Edit | None = None
        self._check_nips()
        self._fit_signatories()
        self.signatories.itemChanged.connect(self._on_signatory_changed)
        self.signatories.model().rowsInserted.connect(self._fit_signatories)
        self.signatories.model().rowsRemoved.connect(self._fit_signatories)
        self.signatories.model().rowsRemoved.connect(self._check_nips)
        for edit in (*self.texts.values(), self.package_name, self.ppn_rate, self.ppn_label,
                     self.overhead, self.ksm, self.package_location):
            edit.textChanged.connect(self._refresh_error)
        self.ppn_applies.toggled.connect(self._refresh_error)
        for combo in (self.component, self.rounding_step, self.rounding_mode):
            combo.currentIndexChanged.connect(self._refresh_error)
        self.year.valueChanged.connect(self._refresh_error)
        self.resize(680, max(660, self.sizeHint().height()))

    def _fit_signatories(self, *_args) -> None:
        """Make the signatory table tall enough for every row (up to
        :data:`VISIBLE_SIGNATORIES`; more scroll), so none hides behind a scroll bar."""
        table = self.signatories
        rows = min(table.rowCount(), VISIBLE_SIGNATORIES)
        body = sum(table.rowHeight(r) for r in range(rows)) if rows else table.verticalHeader().defaultSectionSize()
        height = table.horizontalHeader().sizeHint().height() + body + 2 * table.frameWidth() + 2
        table.setMinimumHeight(height)

    def _on_signatory_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == NIP_COLUMN:
            self._check_nips()
        self._refresh_error()

    def _check_nips(self, *_args) -> list[str]:
        """Mark every NIP cell that is not a NIP (:func:`~dtpl_studio.costing.data_umum.nip_problem`,
        the rule the PDF's finding uses) and list the problems under the table; returns them.
        A warning, not a refusal: the PDF prints the NIP as written and lists the finding."""
        table = self.signatories
        messages = []
        table.blockSignals(True)
        try:
            for row in range(table.rowCount()):
                cell = table.item(row, NIP_COLUMN)
                if cell is None:
                    continue
                problem = nip_problem(cell.text())
                cell.setBackground(QBrush(QColor(WARNING_BG)) if problem else QBrush())
                cell.setToolTip(problem or "")
                if problem:
                    who = ", ".join(t for t in (self._cell(row, 2), self._cell(row, 1)) if t) \
                        or self._cell(row, 0)
                    messages.append(tr("set.sig.nip_problem", row=row + 1, who=who or "—", problem=problem))
        finally:
            table.blockSignals(False)
        self.nip_warning.setText("\n".join([*messages, tr("set.sig.nip_rule")]) if messages else "")
        self.nip_warning.setVisible(bool(messages))
        return messages

    def _cell(self, row: int, column: int) -> str:
        item = self.signatories.item(row, column)
        return item.text().strip() if item is not None else ""

    def _refresh_error(self, *_args) -> None:
        """Re-read the fields while a refusal is shown: it goes as soon as its cause does
        (unticking *PPN dikenakan* clears a bad PPN rate), or names the next problem."""
        if self.error.isHidden():
            return
        try:
            self.build_edit()
        except SettingsError as exc:
            self.error.setText(str(exc))
        else:
            self.error.clear()
            self.error.hide()

    def _step(self) -> Decimal:
        return self._steps[max(self.rounding_step.currentIndex(), 0)]

    def _add_signatory(self, signatory: Signatory) -> None:
        row = self.signatories.rowCount()
        self.signatories.insertRow(row)
        for col, value in enumerate((signatory.role, signatory.name, signatory.position, signatory.date,
                                     signatory.nip)):
            self.signatories.setItem(row, col, QTableWidgetItem(value))
        self.signatories.item(row, 0).setData(KIND_ROLE, signatory.kind)

    def _remove_signatory(self) -> None:
        row = self.signatories.currentRow()
        if row >= 0:
            self.signatories.removeRow(row)

    def _signatories(self) -> list[Signatory]:
        out = []
        for row in range(self.signatories.rowCount()):
            cells = [(self.signatories.item(row, c).text().strip() if self.signatories.item(row, c) else "")
                     for c in range(len(SIGNATORY_COLUMNS))]
            if any(cells):
                first = self.signatories.item(row, 0)
                kind = (first.data(KIND_ROLE) if first is not None else "") or ""
                role, name, position, date, nip = cells
                out.append(Signatory(role, name, position, date, kind=kind, nip=nip))
        return out

    def build_edit(self) -> edits.Edit | None:
        """The edit of everything changed in the dialog (None when nothing changed).

        Raises:
            SettingsError: a percentage that cannot be read or is outside 0..100.
        """
        program_values = {}
        for name, widget in self.texts.items():
            text = widget.text().strip()
            if text != getattr(self.program, name):
                program_values[name] = text
        year = self.year.value() or None
        if year != self.program.fiscal_year:
            program_values["fiscal_year"] = year
        signatories = self._signatories()
        if signatories != self.program.signatories:
            program_values["signatories"] = signatories
        parts: list[edits.Edit] = []
        if program_values:
            parts.append(edits.set_program(**program_values))
        package = self.package
        if package is not None:
            ppn = _percent(self.ppn_rate.text(), tr("set.ppn")) if self.ppn_applies.isChecked() else Decimal(0)
            step = self._step()
            mode = ROUNDING_MODES[max(self.rounding_mode.currentIndex(), 0)]
            rule = RoundingRule(step, mode if step else RoundingMode.HALF_UP)
            if step == 0 and package.settings.total_rounding.step == 0:
                rule = package.settings.total_rounding
            changes = {}
            if ppn != package.settings.ppn_rate:
                changes["ppn_rate"] = ppn
            label = self.ppn_label.text().strip() or "PPN"
            if label != package.settings.ppn_label:
                changes["ppn_label"] = label
            if rule != package.settings.total_rounding:
                changes["total_rounding"] = rule
            if changes:
                parts.append(edits.set_settings(package, **changes))
            fields = {}
            name = self.package_name.text().strip()
            if name and name != package.name:
                fields["name"] = name
            component = COMPONENTS[max(self.component.currentIndex(), 0)]
            if component is not package.component:
                fields["component"] = component
            if self.ksm.text().strip() != package.ksm:
                fields["ksm"] = self.ksm.text().strip()
            if self.package_location.text().strip() != package.location:
                fields["location"] = self.package_location.text().strip()
            if fields:
                parts.append(edits.set_package(package.id, **fields))
            overhead = _percent(self.overhead.text(), tr("set.overhead"))
            if overhead != package.book.meta.default_overhead_pct:
                parts.append(edits.SetBookMeta(package.id, (("default_overhead_pct", overhead),)))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else edits.Compound(tuple(parts))

    def accept(self) -> None:
        """Qt override: refuse (with the reason shown) while a field cannot be read."""
        try:
            self._edit = self.build_edit()
        except SettingsError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    def edit(self) -> edits.Edit | None:
        """After ``exec()`` returned Accepted: the edit to push (None = nothing changed)."""
        return self._edit

