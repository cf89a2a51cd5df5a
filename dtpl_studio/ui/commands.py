"""Undo commands: every edit of the RAB goes through one of these (Orange ``commands.py``).

Each command changes the programme's dataclasses only (never a widget) and then asks the
:class:`~dtpl_studio.ui.document.ProjectDocument` to reprice; the item models follow the
document's ``repriced`` signal. Commands hold the edited objects by reference, which stay
valid for the life of the document (one undo stack per open project). Remove commands
remember their index so that undo re-inserts at the same place.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from decimal import Decimal

from PySide6.QtGui import QUndoCommand

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Item, Measurement, Package, Section
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.guard import failure_message
from dtpl_studio.ui.strings import tr

log = logging.getLogger(__name__)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _DocCommand(QUndoCommand):
    """Base: a command on a document; subclasses implement ``_do``/``_undo``."""

    structural = False

    def __init__(self, doc: ProjectDocument, text: str):
        super().__init__(text)
        self.doc = doc

    def redo(self) -> None:
        """Qt override: apply the edit, then reprice through the core.

        Never raises into Qt (:mod:`dtpl_studio.ui.guard`): when the edit or the repricing
        fails, the edit is reverted, the command is marked obsolete (``QUndoStack.push``
        then drops it), and the document reports the message on ``edit_failed``.
        """
        try:
            self._do()
            self.doc.reprice(self.structural)
        except Exception as exc:  # noqa: BLE001 - never into Qt
            self._fail(exc, self._undo)

    def undo(self) -> None:
        """Qt override: revert the edit, then reprice through the core (guarded as
        :meth:`redo`, reverting by re-applying the edit)."""
        try:
            self._undo()
            self.doc.reprice(self.structural)
        except Exception as exc:  # noqa: BLE001 - never into Qt
            self._fail(exc, self._do)

    def _fail(self, exc: Exception, revert) -> None:
        log.exception("undo command %r failed", self.text())
        try:
            revert()
            self.doc.reprice(True)
        except Exception:  # noqa: BLE001 - nothing more to do than log it
            log.exception("cannot revert %r", self.text())
        self.setObsolete(True)
        self.doc.edit_failed.emit(failure_message(exc, self.text()))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SetVolumeCommand(_DocCommand):
    """Set the directly entered volume of an item (one without measurement lines)."""

    def __init__(self, doc: ProjectDocument, item: Item, volume: Decimal):
        super().__init__(doc, tr("cmd.set_volume", item=_short(item.description)))
        self.item = item
        self.old = item.volume
        self.new = volume

    def _do(self) -> None:
        self.item.volume = self.new

    def _undo(self) -> None:
        self.item.volume = self.old


class SetTextCommand(_DocCommand):
    """Change the description of an item or the title of a section."""

    def __init__(self, doc: ProjectDocument, node: Item | Section, text: str):
        self.attr = "title" if isinstance(node, Section) else "description"
        old = getattr(node, self.attr)
        super().__init__(doc, tr("cmd.set_text", item=_short(old)))
        self.node = node
        self.old = old
        self.new = text

    def _do(self) -> None:
        setattr(self.node, self.attr, self.new)

    def _undo(self) -> None:
        setattr(self.node, self.attr, self.old)


class EditMeasurementCommand(_DocCommand):
    """Replace measurement line ``index`` of ``item`` by ``line`` (a new object)."""

    def __init__(self, doc: ProjectDocument, item: Item, index: int, line: Measurement):
        super().__init__(doc, tr("cmd.edit_line", item=_short(item.description)))
        self.item = item
        self.index = index
        self.old = item.measurements[index]
        self.new = line

    def _do(self) -> None:
        self.item.measurements[self.index] = self.new

    def _undo(self) -> None:
        self.item.measurements[self.index] = self.old


class AddMeasurementCommand(_DocCommand):
    """Insert measurement line ``line`` at ``index`` (None = at the end)."""

    def __init__(self, doc: ProjectDocument, item: Item, line: Measurement, index: int | None = None):
        super().__init__(doc, tr("cmd.add_line", item=_short(item.description)))
        self.item = item
        self.line = line
        self.index = len(item.measurements) if index is None else index

    def _do(self) -> None:
        self.item.measurements.insert(self.index, self.line)

    def _undo(self) -> None:
        del self.item.measurements[self.index]


class RemoveMeasurementCommand(_DocCommand):
    """Remove measurement line ``index`` of ``item``."""

    def __init__(self, doc: ProjectDocument, item: Item, index: int):
        super().__init__(doc, tr("cmd.remove_line", item=_short(item.description)))
        self.item = item
        self.index = index
        self.line = item.measurements[index]

    def _do(self) -> None:
        del self.item.measurements[self.index]

    def _undo(self) -> None:
        self.item.measurements.insert(self.index, self.line)


class AddItemCommand(_DocCommand):
    """Insert ``item`` into ``section`` at ``index`` (None = at the end)."""

    structural = True

    def __init__(self, doc: ProjectDocument, section: Section, item: Item, index: int | None = None,
                 text: str | None = None):
        super().__init__(doc, text or tr("cmd.add_item", item=_short(item.description)))
        self.section = section
        self.item = item
        self.index = len(section.children) if index is None else index

    def _do(self) -> None:
        self.section.children.insert(self.index, self.item)

    def _undo(self) -> None:
        del self.section.children[self.index]


class AddItemFromCatalogueCommand(AddItemCommand):
    """Add analysis ``code`` of ``source`` as a new item (volume 0, the analysis unit).

    When the package's pinned book lacks the analysis (the catalogue shows the library
    edition, the package holds only the analyses it uses), the analysis and whatever it
    depends on are copied into the pinned book, and removed again on undo. Resources the
    pinned book already has keep their pinned prices.
    """

    def __init__(self, doc: ProjectDocument, package: Package, section: Section, source: PriceBook,
                 code: str, index: int | None = None):
        analysis = source.analyses[code]
        item = Item(description=" ".join(analysis.name.split()), unit=analysis.unit,
                    analysis_code=code, volume=Decimal(0))
        super().__init__(doc, section, item, index, tr("cmd.add_item_catalogue", code=code))
        self.book = package.book
        if source is package.book:
            codes, keys = set(), set()
        else:
            codes, keys = source.dependencies(code)
        self.new_analyses = [copy.deepcopy(source.analyses[c]) for c in source.analyses
                             if c in codes and c not in self.book.analyses]
        self.new_resources = [dataclasses.replace(source.resources[k]) for k in source.resources
                              if k in keys and k not in self.book.resources]

    def _do(self) -> None:
        for resource in self.new_resources:
            self.book.add_resource(resource)
        for analysis in self.new_analyses:
            self.book.put_analysis(analysis)
        super()._do()

    def _undo(self) -> None:
        super()._undo()
        for analysis in self.new_analyses:
            del self.book.analyses[analysis.code]
        for resource in self.new_resources:
            del self.book.resources[resource.key]
        # PriceBook has no remove API yet; drop its memo so nothing stale survives.
        self.book._memo.clear()


class RemoveItemCommand(_DocCommand):
    """Remove ``item`` from its section; undo puts it back at the same index."""

    structural = True

    def __init__(self, doc: ProjectDocument, item: Item):
        super().__init__(doc, tr("cmd.remove_item", item=_short(item.description)))
        location = doc.locate(item)
        if location.parent is None:
            raise ValueError("an item always sits inside a section")
        self.section = location.parent
        self.index = location.index
        self.item = item

    def _do(self) -> None:
        del self.section.children[self.index]

    def _undo(self) -> None:
        self.section.children.insert(self.index, self.item)
