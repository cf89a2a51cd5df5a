"""The window's item actions (issue 10 point 2), kept out of ``main_window.py``:

* *Tambah item dari buku harga* — a new item row whose Uraian cell opens for typing a code
  or words; choosing an analysis prices it (one undo step with the new row);
* *Item sendiri…* — an item of one's own (own rate or lump sum, reason and source);
* *Ubah harga satuan…* — an adjusted unit rate with its reason (on an own-rate item: its
  own rate, reason and source);
* *Hapus penyesuaian harga* — back to the analysis (or own) rate.

Each is one undo step of a core edit (:mod:`dtpl_studio.costing.items`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import EditError
from dtpl_studio.costing.formatting import format_rate
from dtpl_studio.costing.items import override_rate
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item
from dtpl_studio.ui.commands import (
    AddEmptyItemCommand,
    AddItemCommand,
    ChooseAnalysisCommand,
    push_edit,
)
from dtpl_studio.ui.models.rab_model import Col
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.item_dialogs import CustomItemDialog, OverrideDialog

if TYPE_CHECKING:
    from dtpl_studio.ui.main_window import MainWindow


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ItemActions(QObject):
    """The actions and their slots, for ``window`` (its ``doc``, ``rab_editor``,
    ``catalogue`` and status bar).

    Attributes:
        add_typed, custom, override, clear_override: the :class:`QAction` objects.
    """

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        tree = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # Ins (spreadsheet habit, issue 10 point 9) and Ctrl+Shift+I
        self.add_typed = self._action("action.add_typed_item", self.add_typed_item, "Ins")
        self.add_typed.setShortcuts([QKeySequence("Ins"), QKeySequence("Ctrl+Shift+I")])
        self.add_typed.setShortcutContext(tree)
        self.custom = self._action("action.custom_item", lambda: self.custom_item_dialog(), "")
        self.override = self._action("action.override", lambda: self.override_dialog(), "")
        self.clear_override = self._action("action.clear_override", lambda: self.clear_item_override(), "")

    def _action(self, key: str, slot, shortcut: str) -> QAction:
        action = QAction(tr(key), self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    @property
    def actions(self) -> list[QAction]:
        """In menu order."""
        return [self.add_typed, self.custom, self.override, self.clear_override]

    @property
    def context_actions(self) -> list[QAction]:
        """For the RAB tree's context menu: a separator, then :attr:`actions`."""
        if not hasattr(self, "_separator"):
            self._separator = QAction(self.window)
            self._separator.setSeparator(True)
        return [self._separator, *self.actions]

    # -- helpers ---------------------------------------------------------------------------------
    def _editor(self):
        w = self.window
        if w.doc is None or w.rab_editor is None or w.rab_editor.package is None:
            return None
        return w.rab_editor

    def _current_item(self) -> Item | None:
        editor = self._editor()
        node = editor.current_node() if editor is not None else None
        if not isinstance(node, Item):
            self.window._show_message(tr("items.no_item"))
            return None
        return node

    def _push(self, edit: edits.Edit, text: str) -> bool:
        reason = push_edit(self.window.doc, edit, text)
        if reason:
            self.window._show_message(tr("items.cannot", reason=reason))
        return not reason

    def _number(self, item: Item) -> str:
        pp = self.window.doc.priced_package(self.window.rab_editor.package)
        result = pp.item_results.get(item.id)
        return result.priced.number if result is not None else "?"

    # -- from the book: an empty row, then type-ahead ----------------------------------------------
    def add_typed_item(self) -> Item | None:
        """A new empty item after the selection, its Uraian cell open for typing a code or
        words (the choice merges with this step)."""
        editor = self._editor()
        if editor is None:
            return None
        target = editor.insertion_point()
        if target is None:
            self.window._show_message(tr("items.no_section"))
            return None
        section, index = target
        command = AddEmptyItemCommand(self.window.doc, section, index)
        self.window.doc.undo_stack.push(command)
        if command.isObsolete():
            return None
        editor.select_id(command.item.id, Col.URAIAN)
        delegate = editor.uraian_delegate

        def closed(widget, _hint=None) -> None:  # once: the row's own editor
            delegate.closeEditor.disconnect(closed)
            if not widget.property("dtplChosen"):
                QTimer.singleShot(0, lambda: self._drop_if_untouched(command))

        delegate.closeEditor.connect(closed)
        editor.view.edit(editor.view.currentIndex())
        return command.item

    def _drop_if_untouched(self, command: AddEmptyItemCommand) -> None:
        """The new row's editor closed with nothing typed or chosen (Esc, or Enter on an
        empty cell): the row goes again (its step is undone), so no empty item is left."""
        doc = self.window.doc
        item = command.item
        if doc is None or item.description or item.analysis_code or item.custom_rate is not None:
            return
        stack = doc.undo_stack
        if stack.index() > 0 and stack.command(stack.index() - 1) is command:
            stack.undo()

    def choose_analysis(self, item_id: str, source: PriceBook, code: str) -> bool:
        """Price item ``item_id`` by analysis ``code`` of ``source`` (the type-ahead's
        choice), one undo step (merged with the new row's when it is the step before)."""
        editor = self._editor()
        if editor is None:
            return False
        item = next((i for i in editor.package.items() if i.id == item_id), None)
        if item is None:
            return False
        try:
            command = ChooseAnalysisCommand(self.window.doc, editor.package, item, source, code)
        except EditError as exc:
            self.window._show_message(tr("items.cannot", reason=str(exc)))
            return False
        self.window.doc.undo_stack.push(command)
        editor.select_id(item_id)
        self.window._show_message(tr("items.chosen", code=code, number=self._number(item)))
        return item.analysis_code == code

    # -- of one's own --------------------------------------------------------------------------------
    def custom_item_dialog(self, dialog: CustomItemDialog | None = None) -> Item | None:
        """Sunting › Item sendiri…: a new item with its own rate or lump sum where the RAB
        selection points. ``dialog``: a prepared dialog (tests); else one is shown."""
        editor = self._editor()
        if editor is None:
            return None
        target = editor.insertion_point()
        if target is None:
            self.window._show_message(tr("items.no_section"))
            return None
        dialog = dialog or CustomItemDialog(self.window)
        if dialog.exec() != CustomItemDialog.DialogCode.Accepted or dialog.item() is None:
            return None
        item = dialog.item()
        section, index = target
        self.window.doc.undo_stack.push(AddItemCommand(self.window.doc, section, item, index,
                                                       tr("cmd.custom_item", item=_short(item.description))))
        editor.select_id(item.id)
        return item

    def _edit_custom(self, item: Item, dialog: CustomItemDialog | None) -> bool:
        dialog = dialog or CustomItemDialog(self.window, item)
        if dialog.exec() != CustomItemDialog.DialogCode.Accepted or dialog.item() is None:
            return False
        new = dialog.item()
        values = {"description": new.description, "unit": new.unit, "custom_rate": new.custom_rate,
                  "custom_reason": new.custom_reason, "custom_source": new.custom_source}
        if not item.measurements:
            values["volume"] = new.volume
        changed = {k: v for k, v in values.items() if getattr(item, k) != v}
        if not changed:
            return False
        return self._push(edits.set_item(item.id, **changed), tr("cmd.edit_custom", item=_short(item.description)))

    # -- adjusted rate ------------------------------------------------------------------------------
    def override_dialog(self, item: Item | None = None, dialog=None) -> bool:
        """Sunting › Ubah harga satuan…: the selected item's (or ``item``'s) unit rate. On an
        analysis item: a new rate with a reason (the analysis stays recorded); on an own-rate
        item: its own rate, reason and source (:class:`CustomItemDialog`)."""
        item = item or self._current_item()
        if item is None or self._editor() is None:
            return False
        if item.analysis_code is None and item.custom_rate is not None and item.rate_override is None:
            return self._edit_custom(item, dialog)
        model = self.window.rab_editor.model
        origin = model.origin_of(item)
        where = origin.book_line() or (tr("rab.origin.custom_short") if origin.custom else "–")
        base = "?" if origin.base_rate is None else format_rate(origin.base_rate)
        dialog = dialog or OverrideDialog(item, self._number(item),
                                          tr("override.base_text", rate=base, unit=item.unit or "–", origin=where),
                                          self.window)
        if dialog.exec() != OverrideDialog.DialogCode.Accepted or dialog.values() is None:
            return False
        rate, reason = dialog.values()
        if (rate, reason) == (item.rate_override, item.override_reason):
            return False
        try:
            edit = override_rate(self.window.doc.program, item.id, rate, reason)
        except EditError as exc:
            self.window._show_message(tr("items.cannot", reason=str(exc)))
            return False
        return self._push(edit, tr("cmd.override", item=_short(item.description)))

    def clear_item_override(self, item: Item | None = None) -> bool:
        """Sunting › Hapus penyesuaian harga: back to the analysis (or own) rate."""
        item = item or self._current_item()
        if item is None or self._editor() is None:
            return False
        if item.rate_override is None:
            self.window._show_message(tr("items.no_override"))
            return False
        return self._push(edits.clear_override(item.id), tr("cmd.clear_override", item=_short(item.description)))
