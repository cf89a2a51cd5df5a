"""Dialogs of an item's rate (issue 10 point 2): an item of one's own (*Item sendiri*: own
unit rate or lump sum, with a required reason and source) and an adjusted unit rate
(*Ubah harga satuan…*, with a required reason).

Both read what was typed the one way the window reads numbers and units
(:func:`dtpl_studio.ui.parsing.read_number`, :func:`dtpl_studio.costing.units.read_unit`)
and refuse, in the dialog and without closing it, an empty reason or source, a number that
cannot be read and an unknown unit. They build no edit themselves: the caller turns
:meth:`CustomItemDialog.item` / :meth:`OverrideDialog.values` into one undo step.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.items import LUMP_SUM_UNIT, custom_item
from dtpl_studio.costing.rab import Item
from dtpl_studio.costing.units import UnitDimensionError, UnknownUnitError, read_unit
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.parsing import EntryError, format_for_editor, read_number
from dtpl_studio.ui.strings import tr

ERROR_STYLE = "color: #b3261e;"


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


class _ReadOnOk(QDialog):
    """A dialog whose OK closes only when :meth:`_read` can read every field; else its
    ``error`` label says what is missing and the dialog stays (the value read is kept in
    ``_result``)."""

    def accept(self) -> None:
        """Qt override (OK)."""
        try:
            self._result = self._read()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        super().accept()


class CustomItemDialog(_ReadOnOk):
    """*Item sendiri*: description, own unit rate × volume or a lump sum, unit, reason and
    source.

    ``item``: an existing item of one's own to change (its fields are shown; the volume is
    read-only when it comes from back-up lines); None for a new one.

    After OK, :meth:`item` is the new :class:`Item` (or, for an existing one, an item
    carrying the new values). :meth:`accept` refuses with a message in the dialog
    (:attr:`error`) and stays open.
    """

    def __init__(self, parent: QWidget | None = None, item: Item | None = None):
        super().__init__(parent)
        self.setObjectName("customItemDialog")
        self.setWindowTitle(tr("custom.edit_title" if item is not None else "custom.title"))
        self._measured = bool(item is not None and item.measurements)
        layout = QVBoxLayout(self)
        layout.addWidget(_note(tr("custom.intro")))
        form = QFormLayout()
        self.description = QLineEdit(item.description if item else "")
        self.description.setObjectName("custom_description")
        form.addRow(tr("custom.description"), self.description)
        kinds = QHBoxLayout()
        self.per_unit = QRadioButton(tr("custom.kind.rate"))
        self.lump_sum = QRadioButton(tr("custom.kind.lump"))
        group = QButtonGroup(self)
        group.addButton(self.per_unit)
        group.addButton(self.lump_sum)
        kinds.addWidget(self.per_unit)
        kinds.addWidget(self.lump_sum)
        kinds.addStretch(1)
        form.addRow(tr("custom.kind"), kinds)
        self.unit = QLineEdit(item.unit if item else "")
        self.unit.setObjectName("custom_unit")
        self.unit.setMaximumWidth(120)
        form.addRow(tr("custom.unit"), self.unit)
        self.rate = QLineEdit("" if item is None or item.custom_rate is None else format_for_editor(item.custom_rate))
        self.rate.setObjectName("custom_rate")
        self.rate.setPlaceholderText("450.000")
        self.rate_label = QLabel(tr("custom.rate"))
        form.addRow(self.rate_label, self.rate)
        volume_text = tr("custom.volume_measured") if self._measured else (
            format_for_editor(item.volume) if item is not None else "")
        self.volume = QLineEdit(volume_text)
        self.volume.setObjectName("custom_volume")
        self.volume.setPlaceholderText("0")
        self.volume.setEnabled(not self._measured)
        self.volume.setMaximumWidth(200)
        form.addRow(tr("custom.volume"), self.volume)
        self.reason = QLineEdit(item.custom_reason if item else "")
        self.reason.setObjectName("custom_reason")
        self.reason.setPlaceholderText(tr("custom.reason_hint"))
        form.addRow(tr("custom.reason"), self.reason)
        self.source = QLineEdit(item.custom_source if item else "")
        self.source.setObjectName("custom_source")
        self.source.setPlaceholderText(tr("custom.source_hint"))
        form.addRow(tr("custom.source"), self.source)
        layout.addLayout(form)
        self.error = _error_label("custom_error")
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        lump = item is not None and item.unit == LUMP_SUM_UNIT and item.volume == 1 and not self._measured
        (self.lump_sum if lump else self.per_unit).setChecked(True)
        self.lump_sum.setEnabled(not self._measured)
        self.lump_sum.toggled.connect(self._on_kind)
        self._on_kind(lump)
        self._result: Item | None = None
        self.resize(560, self.sizeHint().height())

    def _on_kind(self, lump: bool) -> None:
        self.rate_label.setText(tr("custom.amount" if lump else "custom.rate"))
        self.unit.setEnabled(not lump)
        self.volume.setEnabled(not lump and not self._measured)
        if lump:
            self._unit_typed, self._volume_typed = self.unit.text(), self.volume.text()
            self.unit.setText(LUMP_SUM_UNIT)
            self.volume.setText("1")
        elif hasattr(self, "_unit_typed"):
            self.unit.setText(self._unit_typed)
            self.volume.setText(self._volume_typed)

    def _read(self) -> Item:
        """The item as typed.

        Raises:
            ValueError: what is missing or cannot be read (the dialog's message).
        """
        lump = self.lump_sum.isChecked()
        if not self.description.text().strip():
            raise ValueError(tr("custom.need_description"))
        unit = self.unit.text().strip()
        if not lump:
            if not unit:
                raise ValueError(tr("custom.need_unit"))
            try:
                read_unit(unit)
            except (UnknownUnitError, UnitDimensionError):
                raise ValueError(tr("custom.bad_unit", unit=unit)) from None
        if not self.rate.text().strip():
            raise ValueError(tr("custom.need_rate"))
        try:
            rate = read_number(self.rate.text().strip(), "rate")
        except EntryError as exc:
            raise ValueError(tr("custom.bad_rate", reason=explain_short(exc))) from None
        volume = Decimal(0)
        if not lump and not self._measured and self.volume.text().strip():
            try:
                volume = read_number(self.volume.text().strip(), "volume")
            except EntryError as exc:
                raise ValueError(tr("custom.bad_volume", reason=explain_short(exc))) from None
        if not self.reason.text().strip():
            raise ValueError(tr("custom.need_reason"))
        if not self.source.text().strip():
            raise ValueError(tr("custom.need_source"))
        try:
            return custom_item(self.description.text(), unit, rate, self.reason.text(), self.source.text(),
                               volume, lump_sum=lump)
        except EditError as exc:  # the core's own check (same rules; Indonesian)
            raise ValueError(str(exc)) from None

    def item(self) -> Item | None:
        """The item read at OK (None before)."""
        return self._result


class OverrideDialog(_ReadOnOk):
    """*Ubah harga satuan…*: a new unit rate for ``item`` with a required reason; shows the
    rate it replaces (``base_text``, e.g. "Rp 80.900 per m3 (Analisa A.2.3.1.1)").

    After OK, :meth:`values` is ``(rate, reason)``. :meth:`accept` refuses an unreadable
    number or an empty reason with a message in the dialog (:attr:`error`) and stays open.
    """

    def __init__(self, item: Item, number: str, base_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setWindowTitle(tr("override.title"))
        layout = QVBoxLayout(self)
        title = QLabel(tr("override.item", number=number, item=item.description))
        title.setWordWrap(True)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        form = QFormLayout()
        base = QLabel(base_text)
        base.setWordWrap(True)
        form.addRow(tr("override.base"), base)
        self.rate = QLineEdit("" if item.rate_override is None else format_for_editor(item.rate_override))
        self.rate.setObjectName("override_rate")
        form.addRow(tr("override.rate"), self.rate)
        self.reason = QLineEdit(item.override_reason)
        self.reason.setObjectName("override_reason")
        self.reason.setPlaceholderText(tr("override.reason_hint"))
        form.addRow(tr("override.reason"), self.reason)
        layout.addLayout(form)
        layout.addWidget(_note(tr("override.note")))
        self.error = _error_label("override_error")
        layout.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._result: tuple[Decimal, str] | None = None
        self.resize(520, self.sizeHint().height())

    def _read(self) -> tuple[Decimal, str]:
        text = self.rate.text().strip()
        if not text:
            raise ValueError(tr("custom.need_rate"))
        try:
            rate = read_number(text, "rate")
        except EntryError as exc:
            raise ValueError(tr("custom.bad_rate", reason=explain_short(exc))) from None
        reason = " ".join(self.reason.text().split())
        if not reason:
            raise ValueError(tr("override.need_reason"))
        return rate, reason

    def values(self) -> tuple[Decimal, str] | None:
        """``(rate, reason)`` read at OK (None before)."""
        return self._result
