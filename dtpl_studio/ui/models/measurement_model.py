"""The back-up volume (*perhitungan volume*) lines of one item as a table model.

Columns: Uraian, n, p, l, t (each a factor with its unit, ``150 m``), Kurangi (sign, a
check box), Volume (the line in the item's unit, computed by
:meth:`dtpl_studio.costing.rab.Measurement.volume_in`; the core's printable formula is its
tooltip). A line whose factors do
not make the item's unit (``m × m`` for an ``m3`` item) shows the mismatch as an error in
red on that line, never a silent number (DESIGN.md §4).

Edits build a new :class:`~dtpl_studio.costing.rab.Measurement` and push an
:class:`~dtpl_studio.ui.commands.EditMeasurementCommand`.

Typed units are read by the core's one reading (:func:`dtpl_studio.ui.parsing.read_factor` →
:func:`dtpl_studio.costing.units.read_unit`); p, l and t measure lengths (DESIGN.md §4:
n × p × l × t), so a unit of another dimension is refused there (``5 Ml`` is a millilitre).
A typo or foreign spelling read as a unit (``5 NOS`` → 5 bh, ``5 1s`` → 5 ls) is never silent:
its note stays on the factor (tooltip, :meth:`MeasurementModel.unit_notes`, the panel's note
line) for as long as the factor holds what was read, and :attr:`MeasurementModel.unit_noted`
tells the status bar.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from dtpl_studio.costing import edits
from dtpl_studio.costing.expressions import ExpressionError
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    LinkError,
    Measurement,
    Package,
    PricedItem,
    item_numbers,
)
from dtpl_studio.costing.rab import line_volume as core_line_volume
from dtpl_studio.costing.units import UnitMismatchError, UnknownUnitError, to_pint
from dtpl_studio.ui.commands import EditMeasurementCommand, push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.guard import guarded
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.parsing import EntryError, format_for_editor, read_factor
from dtpl_studio.ui.strings import tr


class MCol(IntEnum):
    """Columns of the measurement table."""

    URAIAN = 0
    N = 1
    P = 2
    L = 3
    T = 4
    DEDUCT = 5
    VOLUME = 6


FACTOR_COLUMNS = {MCol.N: "n", MCol.P: "p", MCol.L: "l", MCol.T: "t"}
FACTOR_ORDER = ("n", "p", "l", "t")
#: The factors that measure a length (panjang, lebar, tinggi/tebal): a unit typed there must
#: have the dimension of this symbol. n (a count or a number) takes any unit.
FACTOR_LIKE = {"p": "m", "l": "m", "t": "m"}
NOTE_COLOR = QColor("#1a5fb4")
HEADER_KEYS = {
    MCol.URAIAN: "mp.col.uraian", MCol.N: "mp.col.n", MCol.P: "mp.col.p", MCol.L: "mp.col.l",
    MCol.T: "mp.col.t", MCol.DEDUCT: "mp.col.deduct", MCol.VOLUME: "mp.col.volume",
}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ERROR_COLOR = QColor("#b3261e")
ERROR_BACKGROUND = QColor("#fbe9e7")
DEDUCT_COLOR = QColor("#8a4b00")

Index = QModelIndex | QPersistentModelIndex


def default_line(unit: str, description: str) -> Measurement:
    """A new line whose factors make ``unit``: m3 → n, p, l, t; m2 → n, p, l; m → n, p."""
    try:
        dims = to_pint(unit).dimensionality
        length_power = int(dims.get("[length]", 0)) if len(dims) == 1 else 0
    except UnknownUnitError:
        length_power = 0
    factors = [Factor("n", Decimal(1), "")]
    for label in ("p", "l", "t")[:length_power]:
        factors.append(Factor(label, Decimal(1), "m"))
    return Measurement(description, factors)


def line_volume(line: Measurement, unit: str) -> tuple[Decimal | None, str]:
    """``(volume, "")`` of a line in ``unit``, or ``(None, Indonesian error text)``.

    The volume is the core's (:meth:`Measurement.volume_in`); the text says what the factors
    make instead of ``unit`` (``10 m × 0,4 m menghasilkan m², bukan m3``).
    """
    try:
        return line.volume_in(unit), ""
    except UnknownUnitError as exc:
        return None, tr("mp.unknown_unit", unit=exc.raw)
    except UnitMismatchError:
        try:
            got = f"{line.quantity().to_base_units().units:~P}" or "—"
        except UnknownUnitError as exc:  # pragma: no cover - volume_in raised it first
            return None, tr("mp.unknown_unit", unit=exc.raw)
        return None, tr("mp.mismatch_line", formula=line.formula(), got=got, unit=unit)


def _with_factor(line: Measurement, label: str, factor: Factor | None) -> Measurement:
    """A copy of ``line`` with factor ``label`` replaced, added (in n, p, l, t order) or
    removed (``factor`` None)."""
    factors = [f for f in line.factors if f.label != label]
    if factor is not None:
        position = len(factors)
        if label in FACTOR_ORDER:
            rank = FACTOR_ORDER.index(label)
            for i, f in enumerate(factors):
                if f.label in FACTOR_ORDER and FACTOR_ORDER.index(f.label) > rank:
                    position = i
                    break
        factors.insert(position, factor)
    return dataclasses.replace(line, factors=factors)


def special_line_volume(doc: ProjectDocument, package: Package, line: Measurement,
                        unit: str) -> tuple[Decimal | None, str]:
    """``(volume, "")`` of an expression or linked line in ``unit`` — the core's
    :func:`~dtpl_studio.costing.rab.line_volume` with the package's parameters and the
    linked item's printed volume from the latest prices — or ``(None, Indonesian error)``."""
    def linked(target_id: str) -> tuple[Decimal, str]:
        node = doc.priced_node(target_id)
        if not isinstance(node, PricedItem):
            raise LinkError(tr("mp.link_gone"))
        if node.volume is None:
            raise LinkError(tr("mp.link_error", number=node.number))
        return node.volume, node.item.unit

    try:
        return core_line_volume(line, unit, {p.name: p for p in package.parameters}, linked), ""
    except (ExpressionError, LinkError, UnitMismatchError, UnknownUnitError) as exc:
        return None, str(exc)


class MeasurementModel(QAbstractTableModel):
    """Table model over the measurement lines of one item of a :class:`ProjectDocument`.

    Signals:
        edit_rejected(str): a typed factor could not be read (message for the status bar).
        unit_noted(str): a typed unit was a typo or foreign spelling, read with a note
            (message for the status bar; the note also stays on the factor).
        notes_changed(): a factor's unit note was set or dropped (the panel's note line).
    """

    edit_rejected = Signal(str)
    unit_noted = Signal(str)
    notes_changed = Signal()

    def __init__(self, doc: ProjectDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.item: Item | None = None
        self._count = 0
        self._volumes: dict[int, tuple[Decimal | None, str]] = {}
        self._shown: list[tuple] = []
        #: (line id, factor label) → (the factor as read, its unit note); shown while the
        #: factor still holds that value (an undo or a later edit ends it)
        self._notes: dict[tuple[str, str], tuple[Factor, str]] = {}
        doc.repriced.connect(self._on_repriced)

    def set_item(self, item: Item | None) -> None:
        """Show the lines of ``item`` (None for none)."""
        self.beginResetModel()
        self.item = item
        self._count = len(item.measurements) if item else 0
        self._volumes.clear()
        self._shown = self._rows_shown()
        self.endResetModel()

    def _on_repriced(self, structural: bool) -> None:
        if self.item is None:
            return
        if self.doc.priced_node(self.item.id) is None:  # the item was removed
            self.set_item(None)
            return
        if len(self.item.measurements) != self._count:
            self.set_item(self.item)
            return
        self._volumes.clear()
        # only the rows that show something new (issue 10: a factor typed into one line
        # repainted every cell of every line): a line replaced by the edit, or a line whose
        # volume or error changed (a parameter, a linked item, the item's unit)
        shown = self._rows_shown()
        for row, (old, new) in enumerate(zip(self._shown, shown, strict=False)):
            if structural or old != new:  # a move renumbers the item a linked line names
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(MCol) - 1))
        self._shown = shown

    def _rows_shown(self) -> list[tuple]:
        """Per row what its cells show: the line object (an edit replaces it, or changes it
        in place — its fields are compared too), its volume and error."""
        if self.item is None:
            return []
        return [(id(line), line.description, line.sign, line.expression, line.link,
                 tuple((f.label, f.value, f.unit) for f in line.factors), self.line_volume(row),
                 self.item.unit)
                for row, line in enumerate(self.item.measurements)]

    def line(self, row: int) -> Measurement:
        """The measurement at ``row``."""
        assert self.item is not None
        return self.item.measurements[row]

    def factor_note(self, row: int, label: str) -> str:
        """The unit note of factor ``label`` of line ``row`` ("" when none): how a typed typo
        or foreign unit was read, while the factor still holds what was read."""
        assert self.item is not None
        line = self.item.measurements[row]
        kept = self._notes.get((line.id, label))
        if kept is None:
            return ""
        factor = next((f for f in line.factors if f.label == label), None)
        return kept[1] if factor == kept[0] else ""

    def unit_notes(self) -> list[tuple[int, str, str]]:
        """``(row, factor label, note)`` of every factor of this item read with a unit note."""
        if self.item is None:
            return []
        return [(row, label, note) for row in range(self._count) for label in FACTOR_ORDER
                if (note := self.factor_note(row, label))]

    def line_volume(self, row: int) -> tuple[Decimal | None, str]:
        """``(volume, error)`` of line ``row`` in the item's unit (cached until the next edit)."""
        if row not in self._volumes:
            assert self.item is not None
            line = self.item.measurements[row]
            if line.expression or line.link is not None:
                self._volumes[row] = special_line_volume(self.doc, self.package(), line, self.item.unit)
            else:
                self._volumes[row] = line_volume(line, self.item.unit)
        return self._volumes[row]

    def package(self) -> Package:
        """The package of the shown item."""
        assert self.item is not None
        return self.doc.locate(self.item).package

    def formula(self, line: Measurement) -> str:
        """The core's printable formula of ``line`` (a linked line names its item's number)."""
        if line.link is None:
            return line.formula()
        return line.formula(item_numbers(self.package()))

    # -- Qt overrides ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        return 0 if parent.isValid() else len(MCol)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Qt override."""
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(MCol):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADER_KEYS[MCol(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (*FACTOR_COLUMNS, MCol.VOLUME):
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            if section in FACTOR_COLUMNS:
                return tr("mp.factor_tip")
            if section == MCol.DEDUCT:
                return tr("mp.deduct_tip")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt override: description and factors editable, sign a check box."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        special = self.item is not None and self.item.measurements[index.row()].kind != "factors"
        if col == MCol.URAIAN or col == MCol.N or (col in FACTOR_COLUMNS and not special):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif col == MCol.DEDUCT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    @guarded(None)
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Qt override."""
        if not index.isValid() or self.item is None:
            return None
        line = self.item.measurements[index.row()]
        col = MCol(index.column())
        volume, error = self.line_volume(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(line, col, volume, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.CheckStateRole and col == MCol.DEDUCT:
            return Qt.CheckState.Checked if line.sign < 0 else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and (col in FACTOR_COLUMNS or col == MCol.VOLUME):
            if col == MCol.N and line.kind != "factors":  # spans n..t (the panel): read from the left
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(RIGHT)
        note = self.factor_note(index.row(), FACTOR_COLUMNS[col]) if col in FACTOR_COLUMNS else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if error and col == MCol.VOLUME:
                return QBrush(ERROR_COLOR)
            if note:
                return QBrush(NOTE_COLOR)
            if line.sign < 0 and col == MCol.VOLUME:
                return QBrush(DEDUCT_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            if col == MCol.VOLUME:
                return self.formula(line)
            if col == MCol.URAIAN:
                return f"{line.description}\n{self.formula(line)}"
            if col == MCol.N and line.kind != "factors":
                return tr("mp.expression_tip")
            if col == MCol.N:  # the factor's tip, then how to type an expression
                tip = f"{tr('mp.unit_note', note=note)}\n{tr('mp.factor_tip')}" if note else tr("mp.factor_tip")
                return f"{tip}\n{tr('mp.expression_tip')}"
            if col in FACTOR_COLUMNS:
                return f"{tr('mp.unit_note', note=note)}\n{tr('mp.factor_tip')}" if note else tr("mp.factor_tip")
        return None

    def _text(self, line: Measurement, col: MCol, volume: Decimal | None, edit: bool) -> str | None:
        if col == MCol.URAIAN:
            return line.description
        if line.kind != "factors" and col in FACTOR_COLUMNS:
            if col != MCol.N:
                return "" if edit else None
            if line.expression:
                return "= " + line.expression
            return self.formula(line).removeprefix("− (").removesuffix(")")
        if col in FACTOR_COLUMNS:
            factor = next((f for f in line.factors if f.label == FACTOR_COLUMNS[col]), None)
            if factor is None:
                return "" if edit else None
            if edit:  # read back unchanged by read_factor (dtpl_studio/ui/parsing.py)
                return format_for_editor(factor.value, factor.unit)
            value = format_number(factor.value)
            return f"{value} {factor.unit}" if factor.unit else value
        if col == MCol.VOLUME:
            if volume is None:
                return tr("mp.mismatch")
            return format_number(volume, 3)
        return None

    @guarded(False, rejected="edit_rejected")
    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Qt override: push an :class:`EditMeasurementCommand` for the changed line.

        A factor is read by :func:`dtpl_studio.ui.parsing.read_factor` (the one number rule,
        the factor range, the core's unit reading, a length in p/l/t); a refused value emits
        :attr:`edit_rejected` and returns False; a unit read with a note emits
        :attr:`unit_noted` and keeps the note on the factor.
        Never raises into Qt."""
        if not index.isValid() or self.item is None:
            return False
        row, col = index.row(), MCol(index.column())
        line = self.item.measurements[row]
        new: Measurement | None = None
        if role == Qt.ItemDataRole.CheckStateRole and col == MCol.DEDUCT:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            sign = -1 if checked else 1
            if sign != line.sign:
                new = dataclasses.replace(line, factors=list(line.factors), sign=sign)
        elif role == Qt.ItemDataRole.EditRole and col == MCol.URAIAN:
            text = str(value).strip()
            if text and text != line.description:
                new = dataclasses.replace(line, factors=list(line.factors), description=text)
        elif role == Qt.ItemDataRole.EditRole and col in FACTOR_COLUMNS and str(value).strip().startswith("="):
            return self._expression_edit(row, line, str(value))
        elif role == Qt.ItemDataRole.EditRole and col in FACTOR_COLUMNS and line.kind != "factors":
            if str(value).strip() == self._text(line, col, None, True):
                return True  # the shown text back unchanged
            # a number typed over an expression or a link: a factor line again, n = that number
            new = self._factor_edit(dataclasses.replace(line, factors=[], expression="", link=None),
                                    FACTOR_COLUMNS[col], str(value))
            if new is None:
                return False
            self.doc.undo_stack.push(EditMeasurementCommand(self.doc, self.item, row, new))
            return True
        elif role == Qt.ItemDataRole.EditRole and col in FACTOR_COLUMNS:
            new = self._factor_edit(line, FACTOR_COLUMNS[col], str(value))
            if new is None:
                return False
        else:
            return False
        if new is not None and (new.factors != line.factors or new.sign != line.sign
                                or new.description != line.description):
            self.doc.undo_stack.push(EditMeasurementCommand(self.doc, self.item, row, new))
        if col in FACTOR_COLUMNS:  # a note may have been set or dropped without a change
            self.dataChanged.emit(index, index)
            self.notes_changed.emit()
        return True

    def _expression_edit(self, row: int, line: Measurement, text: str) -> bool:
        """Make line ``row`` an expression line (one undo step); a refused expression emits
        :attr:`edit_rejected` with the evaluator's Indonesian reason."""
        assert self.item is not None
        body = text.strip().removeprefix("=").strip()
        if body == line.expression:
            return True
        try:
            edit = edits.set_line_expression(self.doc.program, self.item.id, row, body)
        except edits.EditError as exc:
            self.edit_rejected.emit(tr("mp.expression_refused", reason=str(exc)))
            return False
        reason = push_edit(self.doc, edit, tr("cmd.set_expression", row=row + 1))
        if reason:
            self.edit_rejected.emit(tr("mp.expression_refused", reason=reason))
            return False
        return True

    def link(self, row: int, target_id: str) -> str:
        """Link line ``row`` to the volume of item ``target_id`` (one undo step); returns ""
        or the Indonesian reason it was refused."""
        assert self.item is not None
        try:
            edit = edits.link_line(self.doc.program, self.item.id, row, target_id)
        except edits.EditError as exc:
            return str(exc)
        return push_edit(self.doc, edit, tr("cmd.link_line", row=row + 1))

    def _factor_edit(self, line: Measurement, label: str, text: str) -> Measurement | None:
        current = next((f for f in line.factors if f.label == label), None)
        if not text.strip():
            return _with_factor(line, label, None)
        default_unit = current.unit if current is not None else ("" if label == "n" else "m")
        try:
            reading = read_factor(text, default_unit, like=FACTOR_LIKE.get(label))
        except EntryError as exc:
            self.edit_rejected.emit(tr("mp.refused", label=label, reason=explain_short(exc)))
            return None
        factor = Factor(label, reading.value, reading.unit)
        if reading.note:
            self._notes[(line.id, label)] = (factor, reading.note)
            self.unit_noted.emit(tr("mp.unit_noted", label=label, note=reading.note))
        else:
            self._notes.pop((line.id, label), None)
        return _with_factor(line, label, factor)
