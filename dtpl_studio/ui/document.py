"""The open project: the :class:`Program`, its file, its undo stack and the latest prices.

The GUI never computes money. Every undo command applies a core edit
(:mod:`dtpl_studio.costing.edits`) through :meth:`ProjectDocument.apply`, which reprices
through the core's :func:`~dtpl_studio.costing.rab.price_program` (the one calculation path,
DESIGN.md §5) — only the items the edit changed, the rest is reused — and emits
:attr:`ProjectDocument.repriced`; the views show what came back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dtpl_studio.costing.edits import Edit
from dtpl_studio.costing.findings import Finding
from dtpl_studio.costing.rab import (
    Item,
    Package,
    PricedItem,
    PricedPackage,
    PricedProgram,
    PricedSection,
    Program,
    Section,
    price_program,
)
from dtpl_studio.services.session import ProjectSession


@dataclass(frozen=True, slots=True)
class NodeLocation:
    """Where a section or item sits: its package, its parent section (None at top level),
    and its index among the parent's children (or the package's sections)."""

    package: Package
    parent: Section | None
    index: int


class ProjectDocument(QObject):
    """One open project in the window: a Qt face on a
    :class:`~dtpl_studio.services.session.ProjectSession` (which owns the file, its lock, save,
    autosave and recovery).

    Attributes:
        session: the project session.
        program: the edited :class:`Program` (the session's; mutated only by undo commands).
        path: the ``.dtpl`` file, or None for a project never saved.
        undo_stack: the project's :class:`QUndoStack`; clean = saved. Every change of its
            index is an edit for the session (:meth:`ProjectSession.touch`: autosave follows
            it), and returning to the clean state tells the session it equals the file again.
        priced: the latest :class:`PricedProgram` (recomputed after every edit).

    Signals:
        repriced(bool): prices were recomputed; the argument is True when the RAB tree
            changed shape (an item or section added or removed), False for value edits.
        edit_failed(str): an edit could not be applied and was reverted (the message).
    """

    repriced = Signal(bool)
    #: an undo command failed and was reverted (message for the status bar; logged)
    edit_failed = Signal(str)

    def __init__(self, session: ProjectSession | Program, path: Path | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        if not isinstance(session, ProjectSession):  # a bare program (tests, untitled)
            session = ProjectSession(session, Path(path) if path else None)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.priced: PricedProgram = price_program(self.program)
        #: ids the last recompute was told about (None: everything may have changed)
        self.last_changed: frozenset[str] | None = None

    def dispose(self) -> None:
        """The document is done (another project opened, the window closed): its undo
        history is deleted now, by the stack, while the commands' Python side is alive. Left
        to the garbage collector, the document, its stack and the commands die in one cycle
        in no fixed order, and a command deleted by Python was deleted again by the stack's
        destructor (a segfault mid-``make test``)."""
        self.undo_stack.clear()

    # -- editing ---------------------------------------------------------------------------
    def apply(self, edit: Edit) -> Edit:
        """Apply ``edit`` to the programme, reprice what it changed, tell the views; return
        the edit that undoes it.

        Raises:
            EditError: the edit does not fit the programme (nothing changed).
            Exception: the recompute failed; the edit was undone first.
        """
        inverse = self.session.apply(edit)  # the session marks itself dirty (autosave)
        try:
            self.reprice(edit.structural, edit.changed_items)
        except Exception:
            self.session.apply(inverse)  # the programme stays as it was
            self.reprice(True)
            raise
        return inverse

    @property
    def program(self) -> Program:
        """The open programme (the session's)."""
        return self.session.program

    @property
    def path(self) -> Path | None:
        """The project file (None when untitled)."""
        return self.session.path

    def _on_index_changed(self, _index: int) -> None:
        self.session.touch()

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:
            self.session.mark_clean()

    # -- calculation -----------------------------------------------------------------------
    def reprice(self, structural: bool = False, changed=None) -> None:
        """Recompute the totals through the core and tell the views.

        ``changed``: ids of the items whose own fields changed since the last call (only
        they are priced again, with the sections above them); None prices everything.
        ``structural``: rows were added, removed or moved (then every row is walked again).
        :attr:`last_changed` keeps ``changed`` for the views (None after a structural edit).
        """
        self.priced = price_program(self.program, self.priced, changed,
                                    same_shape=not structural and changed is not None)
        if structural or changed is None:
            self.last_changed = None
        else:  # with the items whose volume follows them (parameters, linked lines)
            self.last_changed = frozenset(changed).union(*(pp.recomputed for pp in self.priced.packages))
        self.repriced.emit(structural)

    def priced_package(self, package: Package) -> PricedPackage:
        """The priced result of ``package`` (a package of this programme)."""
        for pp in self.priced.packages:
            if pp.package is package:
                return pp
        raise KeyError(package.name)

    def priced_node(self, node_id: str) -> PricedItem | PricedSection | None:
        """The priced item or section with id ``node_id`` (None when gone)."""
        for pp in self.priced.packages:
            node = pp.node(node_id)
            if node is not None:
                return node
        return None

    def parent_id(self, node_id: str) -> str | None:
        """Id of the section holding ``node_id`` (None for a division or an unknown id)."""
        for pp in self.priced.packages:
            if node_id in pp.parents:
                return pp.parents[node_id]
        return None

    # -- lookup ----------------------------------------------------------------------------
    def locate(self, node: Section | Item) -> NodeLocation:
        """Find ``node`` in the programme by identity.

        Raises:
            KeyError: the node is not in any package.
        """
        for package in self.program.packages:
            for i, section in enumerate(package.sections):
                if section is node:
                    return NodeLocation(package, None, i)
                found = _find_in(section, node)
                if found is not None:
                    return NodeLocation(package, found[0], found[1])
        raise KeyError(getattr(node, "id", node))

    def findings(self) -> list[Finding]:
        """All findings of the programme's verdict (errors first), as the PDF and ``check``
        print them."""
        return list(self.priced.verdict.findings)

    @property
    def display_name(self) -> str:
        """The file name shown in the window title."""
        from dtpl_studio.ui.strings import tr

        return self.path.name if self.path else tr("dlg.untitled")


def _find_in(section: Section, node: Section | Item) -> tuple[Section, int] | None:
    for i, child in enumerate(section.children):
        if child is node:
            return section, i
        if isinstance(child, Section):
            found = _find_in(child, node)
            if found is not None:
                return found
    return None
