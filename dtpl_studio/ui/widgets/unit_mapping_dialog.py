"""The needs-mapping list resolved once (issue 8 point 3): every unit spelling an import
could not read, with where it was seen, and a field for what it means. The answers are kept
by :mod:`dtpl_studio.services.units` (``satuan-pengguna.json``) and every later import reads
them; the import is then run again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.findings import Finding
from dtpl_studio.services.units import canonical_units, map_unit
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.strings import tr


class UnitMappingDialog(QDialog):
    """One row per spelling (``findings`` of code ``unit-needs-mapping`` grouped by their
    raw text): the spelling, how often and where, and the unit it means (typed; canonical
    symbols offered by a completer). *Simpan* keeps the filled rows; a target that is not a
    unit is refused on its row and nothing of that row is kept."""

    def __init__(self, findings: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("units.map.title"))
        groups: dict[str, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.raw.strip(), []).append(finding)
        self.spellings = sorted(groups, key=lambda s: (-len(groups[s]), s.casefold()))
        self.table = QTableWidget(len(self.spellings), 3)
        self.table.setObjectName("unitMappingTable")
        self.table.setHorizontalHeaderLabels([tr("units.map.h.spelling"), tr("units.map.h.where"),
                                              tr("units.map.h.target")])
        self.table.verticalHeader().hide()
        self.editors: list[QLineEdit] = []
        completer_words = canonical_units()
        for row, spelling in enumerate(self.spellings):
            found = groups[spelling]
            places = [f.location.split(" | ", 1)[-1] for f in found]
            first = QTableWidgetItem(spelling or tr("wiz.units.empty"))
            first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsEditable)
            where = QTableWidgetItem(f"{len(found)}× · " + ", ".join(places[:4]) + (" …" if len(places) > 4 else ""))
            where.setFlags(where.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, first)
            self.table.setItem(row, 1, where)
            editor = QLineEdit()
            editor.setPlaceholderText(tr("units.map.placeholder"))
            completer = QCompleter(completer_words, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
            self.table.setCellWidget(row, 2, editor)
            self.editors.append(editor)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("units.map.save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("wiz.cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("units.map.intro")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self.saved: dict[str, str] = {}

    def save(self) -> None:
        """Keep every filled row (:func:`~dtpl_studio.services.units.map_unit`); a refused
        row stays open with the reason, and the dialog closes when none was refused."""
        problems = []
        for spelling, editor in zip(self.spellings, self.editors, strict=True):
            target = editor.text().strip()
            if not target:
                continue
            try:
                self.saved[spelling] = map_unit(spelling, target)
                editor.setStyleSheet("")
            except ValueError as exc:  # UnknownUnitError is a ValueError
                editor.setStyleSheet("background: #fde7e9;")
                problems.append(tr("units.map.refused", spelling=spelling, target=target,
                                   reason=explain_short(exc)))
        self.message.setText("\n".join(problems))
        if not problems:
            self.accept()


def map_units_and_rerun(wizard, findings: list[Finding]) -> bool:
    """The import wizard's *Petakan satuan…*: the dialog, then the import again when
    something was kept. Returns whether it ran again."""
    dialog = UnitMappingDialog(findings, wizard)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.saved:
        return False
    wizard.import_page.start()
    return True
