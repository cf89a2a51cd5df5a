"""Undo commands: thin ``QUndoCommand`` wrappers around the core's edits.

Every change of the RAB is a :class:`~dtpl_studio.costing.edits.Edit` (``costing/edits.py``):
``redo`` applies it through :meth:`ProjectDocument.apply`, which keeps the edit's exact
inverse; ``undo`` applies that inverse (and keeps *its* inverse for the next redo). The
document reprices only what the edit changed and tells the views. Commands never touch a
widget, a price book's caches or the tree directly.

An edit that does not fit the programme any more (:class:`EditError`) makes the command
obsolete: Qt drops it from the stack instead of keeping a step that did nothing.

The named classes below (``SetVolumeCommand``…) only build the edit and the step's text.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtGui import QUndoCommand

from dtpl_studio.costing import edits
from dtpl_studio.costing.edits import Edit, EditError
from dtpl_studio.costing.items import choose_analysis
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item, Measurement, Package, Section
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.guard import failure_message
from dtpl_studio.ui.strings import tr

log = logging.getLogger(__name__)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class EditCommand(QUndoCommand):
    """One undo step: ``edit`` and, once applied, its inverse.

    Attributes:
        edit: what redo applies next.
        inverse: what undo applies next (None before the first redo).
        error: the :class:`EditError` text when the edit could not be applied.
    """

    def __init__(self, doc: ProjectDocument, edit: Edit, text: str, applied: Edit | None = None):
        super().__init__(text)
        self.doc = doc
        self.edit = edit
        #: ``applied``: the inverse of ``edit`` when the caller applied it already (see
        #: :func:`push_edit`); the first redo then does nothing
        self.inverse: Edit | None = applied
        self._skip_redo = applied is not None
        self.error = ""

    def redo(self) -> None:
        """Qt override: apply the edit through the document (which reprices).

        Never raises into Qt (:mod:`dtpl_studio.ui.guard`): an edit that does not fit or a
        recompute that fails leaves the programme as it was (:meth:`ProjectDocument.apply`
        reverts), the command is marked obsolete (``QUndoStack.push`` then drops it) and the
        document reports the message on ``edit_failed``.
        """
        if self._skip_redo:
            self._skip_redo = False
            return
        try:
            self.inverse = self.doc.apply(self.edit)
        except Exception as exc:  # noqa: BLE001 - never into Qt
            self._fail(exc)

    def undo(self) -> None:
        """Qt override: apply the inverse; its own inverse is the next redo (guarded as
        :meth:`redo`)."""
        if self.inverse is None:
            return
        try:
            self.edit = self.doc.apply(self.inverse)
        except Exception as exc:  # noqa: BLE001 - never into Qt
            self._fail(exc)
            return
        self.inverse = None

    def _fail(self, exc: Exception) -> None:
        if isinstance(exc, EditError):
            log.info("edit refused: %s", exc)
        else:
            log.exception("undo command %r failed", self.text())
        self.error = str(exc)
        self.inverse = None
        self.setObsolete(True)
        self.doc.edit_failed.emit(failure_message(exc, self.text()))


class SetVolumeCommand(EditCommand):
    """Set the directly entered volume of an item (one without measurement lines)."""

    def __init__(self, doc: ProjectDocument, item: Item, volume: Decimal):
        super().__init__(doc, edits.set_volume(item.id, volume),
                         tr("cmd.set_volume", item=_short(item.description)))
        self.item = item


class SetTextCommand(EditCommand):
    """Change the description of an item or the title of a section."""

    def __init__(self, doc: ProjectDocument, node: Item | Section, text: str):
        if isinstance(node, Section):
            edit: Edit = edits.set_section(node.id, title=text)
            old = node.title
        else:
            edit = edits.set_item(node.id, description=text)
            old = node.description
        super().__init__(doc, edit, tr("cmd.set_text", item=_short(old)))
        self.node = node


class EditMeasurementCommand(EditCommand):
    """Replace measurement line ``index`` of ``item`` by ``line`` (a new object)."""

    def __init__(self, doc: ProjectDocument, item: Item, index: int, line: Measurement):
        super().__init__(doc, edits.ReplaceMeasurement(item.id, index, line),
                         tr("cmd.edit_line", item=_short(item.description)))
        self.item = item


class AddMeasurementCommand(EditCommand):
    """Insert measurement line ``line`` at ``index`` (None = at the end)."""

    def __init__(self, doc: ProjectDocument, item: Item, line: Measurement, index: int | None = None):
        super().__init__(doc, edits.InsertMeasurement(item.id, line, index),
                         tr("cmd.add_line", item=_short(item.description)))
        self.item = item
        self.line = line


class RemoveMeasurementCommand(EditCommand):
    """Remove measurement line ``index`` of ``item``."""

    def __init__(self, doc: ProjectDocument, item: Item, index: int):
        super().__init__(doc, edits.RemoveMeasurement(item.id, index),
                         tr("cmd.remove_line", item=_short(item.description)))
        self.item = item


class AddItemCommand(EditCommand):
    """Insert ``item`` into ``section`` at ``index`` (None = at the end)."""

    def __init__(self, doc: ProjectDocument, section: Section, item: Item, index: int | None = None,
                 text: str | None = None):
        package = doc.locate(section).package
        super().__init__(doc, edits.InsertNode(package.id, section.id, item, index),
                         text or tr("cmd.add_item", item=_short(item.description)))
        self.item = item


class AddItemFromCatalogueCommand(EditCommand):
    """Add analysis ``code`` of ``source`` as a new item (volume 0, the analysis unit).

    When the package's pinned book lacks the analysis (the catalogue shows the library
    edition, the package holds only the analyses it uses), copies of the analysis and of
    whatever it depends on are pinned into the package's book in the same step
    (:func:`~dtpl_studio.costing.edits.add_item_from_book`), and removed again on undo.
    Resources the pinned book already has keep their pinned prices.
    """

    def __init__(self, doc: ProjectDocument, package: Package, section: Section, source: PriceBook,
                 code: str, index: int | None = None):
        edit = edits.add_item_from_book(package, section.id, source, code, index)
        super().__init__(doc, edit, tr("cmd.add_item_catalogue", code=code))
        self.item = edit.edits[-1].node


class RemoveItemCommand(EditCommand):
    """Remove ``item`` (or a section) from its parent; undo puts the same object back."""

    def __init__(self, doc: ProjectDocument, item: Item | Section):
        description = item.description if isinstance(item, Item) else item.title
        super().__init__(doc, edits.RemoveNode(item.id), tr("cmd.remove_item", item=_short(description)))
        self.item = item


#: :meth:`QUndoCommand.id` of a new empty item and the analysis then chosen for it: the two
#: merge into one step ("Tambah A.2.3.1.1 ke RAB")
ITEM_ENTRY_ID = 1010


class AddEmptyItemCommand(EditCommand):
    """Insert a new item without price into ``section`` at ``index`` (None = at the end), to
    be priced by typing in its Uraian cell. When the next step chooses its analysis
    (:class:`ChooseAnalysisCommand`), the two merge into one undo step."""

    def __init__(self, doc: ProjectDocument, section: Section, index: int | None = None):
        self.item = Item("", "")
        package = doc.locate(section).package
        super().__init__(doc, edits.InsertNode(package.id, section.id, self.item, index), tr("cmd.add_empty_item"))
        self._merged = False

    def id(self) -> int:
        """Qt override: merges with the choice of this item's analysis."""
        return ITEM_ENTRY_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Qt override: take the analysis chosen for this very item (once)."""
        if (self._merged or not isinstance(other, ChooseAnalysisCommand) or other.item_id != self.item.id
                or self.inverse is None or other.inverse is None):
            return False
        self.edit = edits.Compound((self.edit, other.edit))
        self.inverse = edits.Compound((other.inverse, self.inverse))
        self._merged = True
        self.setText(other.add_text)
        return True


class ChooseAnalysisCommand(EditCommand):
    """Price ``item`` of ``package`` by analysis ``code`` of ``source`` (pinned with what it
    depends on: :func:`~dtpl_studio.costing.items.choose_analysis`), one step.

    Raises:
        EditError: the analysis is not in ``source`` (from building the edit).
    """

    def __init__(self, doc: ProjectDocument, package: Package, item: Item, source: PriceBook, code: str):
        edit = choose_analysis(package, item.id, source, code)
        super().__init__(doc, edit, tr("cmd.choose_analysis", code=code, item=_short(item.description or code)))
        self.item_id = item.id
        self.add_text = tr("cmd.add_item_catalogue", code=code)

    def id(self) -> int:
        """Qt override: see :class:`AddEmptyItemCommand`."""
        return ITEM_ENTRY_ID


def push_edit(doc: ProjectDocument, edit: Edit, text: str) -> str:
    """Apply ``edit`` and push it as one undo step; returns "" or, when the edit does not
    fit the programme, the Indonesian reason (nothing changed, nothing pushed)."""
    try:
        inverse = doc.apply(edit)
    except EditError as exc:
        return str(exc)
    doc.undo_stack.push(EditCommand(doc, edit, text, applied=inverse))
    return ""
