"""Undo commands for the BLM side of the programme: the price-basis reason of a package, the
rule table, the termin plan and the swadaya minimum (issue 6 points 4 and 5).

Like :mod:`dtpl_studio.ui.commands`, each command changes the programme's dataclasses only
and then asks the document to reprice, so the verdict (and the BLM panel) follow at once.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from dtpl_studio.ui.document import ProjectDocument


class SetFieldCommand(QUndoCommand):
    """Set ``target.<field>`` to ``value`` (a deep copy is kept for undo)."""

    def __init__(self, doc: ProjectDocument, target: Any, field: str, value: Any, text: str):
        super().__init__(text)
        self.doc = doc
        self.target = target
        self.field = field
        self.old = copy.deepcopy(getattr(target, field))
        self.new = copy.deepcopy(value)

    def redo(self) -> None:
        """Qt override: set the new value, reprice."""
        setattr(self.target, self.field, copy.deepcopy(self.new))
        self.doc.reprice(False)

    def undo(self) -> None:
        """Qt override: restore the old value, reprice."""
        setattr(self.target, self.field, copy.deepcopy(self.old))
        self.doc.reprice(False)
