"""The open project: the :class:`Program`, its file, its undo stack and the latest prices.

The GUI never computes money. Every undo command changes the programme's dataclasses and
then calls :meth:`ProjectDocument.reprice`, which runs the core's
:func:`~dtpl_studio.costing.rab.price_program` (the one calculation path, DESIGN.md §5) and
emits :attr:`ProjectDocument.repriced`; the views show what came back.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from dtpl_studio.costing.findings import Finding, Severity
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
        self._index: dict[str, PricedItem | PricedSection] = {}
        self._reindex()

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
    def reprice(self, structural: bool = False) -> None:
        """Recompute every total through the core and tell the views."""
        self.priced = price_program(self.program)
        self._reindex()
        self.repriced.emit(structural)

    def _reindex(self) -> None:
        index: dict[str, PricedItem | PricedSection] = {}

        def walk(node: PricedSection) -> None:
            index[node.section.id] = node
            for child in node.children:
                if isinstance(child, PricedSection):
                    walk(child)
                else:
                    index[child.item.id] = child

        for pp in self.priced.packages:
            for ps in pp.sections:
                walk(ps)
        self._index = index

    def priced_package(self, package: Package) -> PricedPackage:
        """The priced result of ``package`` (a package of this programme)."""
        for pp in self.priced.packages:
            if pp.package is package:
                return pp
        raise KeyError(package.name)

    def priced_node(self, node_id: str) -> PricedItem | PricedSection | None:
        """The priced item or section with id ``node_id`` (None when gone)."""
        return self._index.get(node_id)

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
        """All findings of the priced programme, failed ceiling checks first."""
        from dtpl_studio.costing.formatting import format_rupiah
        from dtpl_studio.ui.strings import tr

        out = [
            Finding(
                Severity.ERROR,
                tr("check.failed", component=tr(f"component.{c.component.value}"),
                   amount=format_rupiah(c.amount), ceiling=format_rupiah(c.ceiling)),
                location="BLM",
                code="blm-ceiling",
            )
            for c in self.priced.checks
            if not c.passed
        ]
        for pp in self.priced.packages:
            out.extend(pp.findings)
        return out

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
