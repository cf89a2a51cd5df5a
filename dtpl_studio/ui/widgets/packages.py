"""The package selector: one entry per *paket kegiatan* with its component and rounded total."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.rab import Package, PricedProgram
from dtpl_studio.ui.strings import tr


class PackageList(QListWidget):
    """Lists the programme's packages; the current one is shown in the RAB editor.

    Signals:
        package_selected(object): the chosen :class:`Package` (None when the list is empty).
    """

    package_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("packageList")
        self.setWordWrap(True)
        self.setSpacing(2)
        self._packages: list[Package] = []
        self.currentRowChanged.connect(self._on_row)

    def show_program(self, priced: PricedProgram, keep_row: bool = True) -> None:
        """Rebuild the entries from ``priced``; the current row is kept when ``keep_row``
        and still valid, else the first package is selected."""
        packages = [pp.package for pp in priced.packages]
        if not keep_row or [id(p) for p in packages] != [id(p) for p in self._packages]:
            current = self.currentRow() if keep_row else 0
            self.blockSignals(True)
            self.clear()
            self._packages = packages
            for _ in packages:
                QListWidgetItem(self)
            self.blockSignals(False)
            self.setCurrentRow(min(max(current, 0), len(packages) - 1) if packages else -1)
            if not packages:
                self.package_selected.emit(None)
        self.update_totals(priced)

    def update_totals(self, priced: PricedProgram) -> None:
        """Refresh each entry's text (name, component, rounded total)."""
        for row, pp in enumerate(priced.packages):
            entry = self.item(row)
            if entry is None:
                continue
            entry.setText(tr("pkg.entry", name=pp.package.name,
                             component=tr(f"component.{pp.package.component.value}"),
                             amount=format_rupiah(pp.rounded)))
            entry.setToolTip(pp.package.description or pp.package.name)
            entry.setData(Qt.ItemDataRole.UserRole, pp.package.id)

    def current_package(self) -> Package | None:
        """The selected package."""
        row = self.currentRow()
        return self._packages[row] if 0 <= row < len(self._packages) else None

    def _on_row(self, row: int) -> None:
        self.package_selected.emit(self.current_package())
