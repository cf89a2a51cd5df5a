"""Edits of a programme as core operations, each returning its exact inverse (issue 10).

Every change a user makes to a RAB — add, remove or move a section or an item, set a
volume, add/edit/remove a back-up line, set or clear a rate override, pin an analysis of a
library book with what it depends on, remove a pinned analysis that nothing uses, add or
remove a package, change settings — is an :class:`Edit`. ``edit.apply(program)`` changes the
programme in place and returns the edit that undoes it, so that::

    inverse = edit.apply(program)
    inverse.apply(program)          # the programme is exactly as before

holds for every edit (property-tested over random sequences). A ``QUndoCommand`` is a thin
wrapper (``ui/commands.py``), and the Qt-free session applies the same objects.

Edits address nodes by their stable ``id`` (never by position in a view), hold the objects
they insert (an undone removal puts back the very same object, with its ids), and copy what
they take from a library book (:class:`PinAnalysis`): the project's pinned book shares no
mutable object with the library.

Each edit says what it touched (:attr:`Edit.changed_items`, :attr:`Edit.structural`) so that
:func:`~dtpl_studio.costing.rab.price_program` reprices only those items.

Errors: :class:`EditError` (a ``ValueError``) with an Indonesian message when the edit does
not fit the programme (unknown id, index out of range, an analysis still in use, a section
moved into itself); the programme is then unchanged.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.attachments import ATTACHMENT_FIELDS, Attachment, AttachmentKind
from dtpl_studio.costing.data_umum import PackageData, ProgramData, package_data_problems
from dtpl_studio.costing.expressions import (
    ExpressionError,
    Parameter,
    parameter_name_problem,
    parameter_value_problem,
    parse,
)
from dtpl_studio.costing.funding import (
    DEFAULT_PLPBK_RULES,
    FundingRule,
    FundingSource,
    SwadayaRule,
    Termin,
    rule_problems,
)
from dtpl_studio.costing.jadwal import schedule_problem
from dtpl_studio.costing.pricebook import Analysis, PriceBook, PriceBookError, Resource
from dtpl_studio.costing.rab import (
    Item,
    Measurement,
    Package,
    PackageSettings,
    Program,
    Section,
    Signatory,
)
from dtpl_studio.costing.specs import SpecClause
from dtpl_studio.costing.units import CANONICAL


class EditError(ValueError):
    """An edit that does not fit the programme; nothing was changed."""


def _old_values(target: Any, values: tuple[tuple[str, Any], ...], allowed: frozenset[str],
                what: str) -> tuple[tuple[str, Any], ...]:
    """The current ``(name, value)`` of each field named in ``values`` on ``target`` (the
    inverse edit's values).

    Raises:
        EditError: a name not in ``allowed`` (``what`` names the kind of field in the message).
    """
    bad = [name for name, _ in values if name not in allowed]
    if bad:
        raise EditError(f"{what} {bad[0]!r} tidak dapat diubah")
    return tuple((name, getattr(target, name)) for name, _ in values)


# -- finding nodes -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Location:
    """Where a node sits: its package, its parent section (None = a division at the top
    level of the package), its index among the parent's children, and the node."""

    package: Package
    parent: Section | None
    index: int
    node: Section | Item

    @property
    def siblings(self) -> list:
        """The list the node sits in (``parent.children`` or ``package.sections``)."""
        return self.package.sections if self.parent is None else self.parent.children


def _walk(package: Package) -> Iterator[Location]:
    def walk(parent: Section) -> Iterator[Location]:
        for i, child in enumerate(parent.children):
            yield Location(package, parent, i, child)
            if isinstance(child, Section):
                yield from walk(child)

    for i, section in enumerate(package.sections):
        yield Location(package, None, i, section)
        yield from walk(section)


def locate(program: Program, node_id: str) -> Location:
    """The :class:`Location` of the section or item with ``node_id``.

    Raises:
        EditError: no node with that id.
    """
    for package in program.packages:
        for i, section in enumerate(package.sections):
            if section.id == node_id:
                return Location(package, None, i, section)
            found = _find(section, node_id)
            if found is not None:
                parent, index = found
                return Location(package, parent, index, parent.children[index])
    raise EditError(f"bagian/item {node_id!r} tidak ada di program")


def _find(section: Section, node_id: str) -> tuple[Section, int] | None:
    for i, child in enumerate(section.children):
        if child.id == node_id:
            return section, i
        if isinstance(child, Section):
            found = _find(child, node_id)
            if found is not None:
                return found
    return None


def find_package(program: Program, package_id: str) -> Package:
    """The package with ``package_id``.

    Raises:
        EditError: none.
    """
    for package in program.packages:
        if package.id == package_id:
            return package
    raise EditError(f"paket {package_id!r} tidak ada di program")


def find_item(program: Program, item_id: str) -> Item:
    """The item with ``item_id``.

    Raises:
        EditError: none, or the id is a section's.
    """
    node = locate(program, item_id).node
    if not isinstance(node, Item):
        raise EditError(f"{node_id_text(node)} bukan item pekerjaan")
    return node


def find_section(program: Program, section_id: str) -> Section:
    """The section with ``section_id``.

    Raises:
        EditError: none, or the id is an item's.
    """
    node = locate(program, section_id).node
    if not isinstance(node, Section):
        raise EditError(f"{node_id_text(node)} bukan bagian/divisi")
    return node


def node_id_text(node: Section | Item) -> str:
    """A short Indonesian name of a node for messages."""
    if isinstance(node, Section):
        return f"bagian {node.title!r}"
    return f"item {node.description!r}"


def _siblings(program: Program, package_id: str, parent_id: str | None) -> tuple[Package, list]:
    package = find_package(program, package_id)
    if parent_id is None:
        return package, package.sections
    parent = locate(program, parent_id)
    if parent.package is not package or not isinstance(parent.node, Section):
        raise EditError(f"bagian {parent_id!r} tidak ada di paket {package.name!r}")
    return package, parent.node.children


def _all_ids(node: Section | Item) -> Iterator[str]:
    yield node.id
    if isinstance(node, Section):
        for child in node.children:
            yield from _all_ids(child)


# -- the edit protocol ---------------------------------------------------------------------

@dataclass(frozen=True)
class Edit:
    """Base of every edit. Subclasses implement :meth:`apply`."""

    #: True when the edit adds, removes or moves rows (the views rebuild those rows)
    structural = False

    @property
    def changed_items(self) -> frozenset[str]:
        """Ids of the items (or sections) whose own fields this edit changes: they are
        priced again, with the sections above them, and their rows shown again."""
        return frozenset()

    def apply(self, program: Program) -> Edit:
        """Change ``program`` in place; return the edit that undoes it exactly.

        Raises:
            EditError: the edit does not fit ``program`` (nothing changed).
        """
        raise NotImplementedError


@dataclass(frozen=True)
class Compound(Edit):
    """Several edits as one step (one undo step in the window)."""

    edits: tuple[Edit, ...]

    @property
    def structural(self) -> bool:  # type: ignore[override]
        return any(e.structural for e in self.edits)

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset().union(*(e.changed_items for e in self.edits))

    def apply(self, program: Program) -> Edit:
        inverses: list[Edit] = []
        try:
            for edit in self.edits:
                inverses.append(edit.apply(program))
        except EditError:
            for inverse in reversed(inverses):  # all or nothing
                inverse.apply(program)
            raise
        return Compound(tuple(reversed(inverses)))


# -- tree: insert, remove, move ------------------------------------------------------------

@dataclass(frozen=True)
class InsertNode(Edit):
    """Insert ``node`` (a :class:`Section` or an :class:`Item`) into package ``package_id``
    under section ``parent_id`` (None = as a division at the top level) at ``index``
    (None = at the end). Items sit only inside a section."""

    package_id: str
    parent_id: str | None
    node: Section | Item
    index: int | None = None
    structural = True

    def apply(self, program: Program) -> Edit:
        package, siblings = _siblings(program, self.package_id, self.parent_id)
        if self.parent_id is None and not isinstance(self.node, Section):
            raise EditError("item harus berada di dalam bagian/divisi")
        existing = {loc.node.id for p in program.packages for loc in _walk(p)}
        clash = [i for i in _all_ids(self.node) if i in existing]
        if clash:
            raise EditError(f"id {clash[0]!r} sudah ada di program")
        index = len(siblings) if self.index is None else self.index
        if not 0 <= index <= len(siblings):
            raise EditError(f"posisi {index} di luar 0..{len(siblings)}")
        siblings.insert(index, self.node)
        return RemoveNode(self.node.id)


@dataclass(frozen=True)
class RemoveNode(Edit):
    """Remove the section (with everything in it) or item ``node_id``."""

    node_id: str
    structural = True

    def apply(self, program: Program) -> Edit:
        location = locate(program, self.node_id)
        del location.siblings[location.index]
        return InsertNode(location.package.id, location.parent.id if location.parent else None,
                          location.node, location.index)


@dataclass(frozen=True)
class MoveNode(Edit):
    """Move section or item ``node_id`` to package ``package_id``, under ``parent_id``
    (None = top level, sections only) at ``index`` (counted after the node was taken out;
    None = at the end). Move up/down, indent/outdent and drag-and-drop are all this edit."""

    node_id: str
    package_id: str
    parent_id: str | None
    index: int | None = None
    structural = True

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset()

    def apply(self, program: Program) -> Edit:
        source = locate(program, self.node_id)
        node = source.node
        if self.parent_id is None and not isinstance(node, Section):
            raise EditError("item harus berada di dalam bagian/divisi")
        if self.parent_id is not None and self.parent_id in set(_all_ids(node)):
            raise EditError(f"{node_id_text(node)} tidak dapat dipindah ke dalam dirinya sendiri")
        _, target = _siblings(program, self.package_id, self.parent_id)
        del source.siblings[source.index]
        index = len(target) if self.index is None else self.index
        if not 0 <= index <= len(target):
            source.siblings.insert(source.index, node)
            raise EditError(f"posisi {index} di luar 0..{len(target)}")
        target.insert(index, node)
        return MoveNode(node.id, source.package.id, source.parent.id if source.parent else None,
                        source.index)


def move_up_down(program: Program, node_id: str, step: int) -> MoveNode | None:
    """The move of ``node_id`` by ``step`` places among its siblings (−1 up, +1 down); None
    when it is already first/last."""
    loc = locate(program, node_id)
    index = loc.index + step
    if not 0 <= index < len(loc.siblings):
        return None
    return MoveNode(node_id, loc.package.id, loc.parent.id if loc.parent else None, index)


def indent(program: Program, node_id: str) -> MoveNode | None:
    """Move ``node_id`` into the section just above it (as its last child); None when the
    sibling above is not a section (or there is none)."""
    loc = locate(program, node_id)
    if loc.index == 0:
        return None
    above = loc.siblings[loc.index - 1]
    if not isinstance(above, Section):
        return None
    return MoveNode(node_id, loc.package.id, above.id, None)


def outdent(program: Program, node_id: str) -> MoveNode | None:
    """Move ``node_id`` out of its section, just after it; None at the top level, or for an
    item whose section is a division (an item never sits at the top level)."""
    loc = locate(program, node_id)
    if loc.parent is None:
        return None
    parent = locate(program, loc.parent.id)
    if parent.parent is None and not isinstance(loc.node, Section):
        return None
    return MoveNode(node_id, loc.package.id, parent.parent.id if parent.parent else None, parent.index + 1)


# -- values ----------------------------------------------------------------------------------

#: Item fields :class:`SetItemFields` may change (``id`` and ``measurements`` never).
ITEM_FIELDS = frozenset({
    "description", "unit", "analysis_code", "custom_rate", "custom_reason", "custom_source", "volume",
    "funding", "rate_override", "override_reason", "note", "funding_split",
})
#: Fields whose value is a list: the edit stores its own copy, never the caller's list.
_LIST_FIELDS = frozenset({"funding_split", "rules", "termins"})


@dataclass(frozen=True)
class SetItemFields(Edit):
    """Set fields of item ``item_id`` (``values``: field → new value, from
    :data:`ITEM_FIELDS`)."""

    item_id: str
    values: tuple[tuple[str, Any], ...]

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset({self.item_id})

    def apply(self, program: Program) -> Edit:
        item = find_item(program, self.item_id)
        old = _old_values(item, self.values, ITEM_FIELDS, "kolom item")
        for name, value in self.values:
            setattr(item, name, list(value) if name in _LIST_FIELDS else value)
        return SetItemFields(self.item_id, old)


def set_item(item_id: str, **values: Any) -> SetItemFields:
    """``SetItemFields`` from keyword arguments: ``set_item(id, volume=Decimal('4.5'))``."""
    return SetItemFields(item_id, tuple(values.items()))


def set_funding(item_id: str, funding, shares) -> SetItemFields:
    """Set an item's main funding source (None = its division's) and the shares paid by
    other sources (:class:`~dtpl_studio.costing.funding.FundingShare`, a new list).

    Each source is made a :class:`~dtpl_studio.costing.funding.FundingSource` here (a
    window's combo box gives its data back as a plain ``str`` that only compares equal).

    Raises:
        ValueError: a source that is not one of :class:`FundingSource`.
    """
    main = None if funding is None else FundingSource(funding)
    split = [dataclasses.replace(s, source=FundingSource(s.source)) for s in shares]
    return set_item(item_id, funding=main, funding_split=split)


def set_volume(item_id: str, volume: Decimal) -> SetItemFields:
    """Set the directly entered volume of an item (in the item's unit)."""
    return set_item(item_id, volume=volume)


def set_override(item_id: str, rate: Decimal, reason: str) -> SetItemFields:
    """Replace the item's unit rate by ``rate`` (Rp per item unit) with ``reason``."""
    return set_item(item_id, rate_override=rate, override_reason=reason)


def clear_override(item_id: str) -> SetItemFields:
    """Go back to the analysis (or custom) rate."""
    return set_item(item_id, rate_override=None, override_reason="")


@dataclass(frozen=True)
class SetItemSchedule(Edit):
    """Set the jadwal of item ``item_id``: its start week and duration in weeks (issue 9
    point 4); None = the default of :mod:`dtpl_studio.costing.jadwal` (from the labour HOK).

    ``effective_start`` / ``effective_duration``: the start or duration the item has where
    this edit leaves the default (the window knows it from the schedule), so that the limit
    of :data:`~dtpl_studio.costing.jadwal.MAX_WEEKS` is checked on the week the item would
    end; None = only the values given are checked.

    Raises (from :meth:`apply`):
        EditError: start < 1, duration < 1, or an end after week 52, with the Indonesian
            message of :func:`~dtpl_studio.costing.jadwal.schedule_problem` naming the item;
            nothing is changed. An inverse (``check=False``) puts back what was there.
    """

    item_id: str
    start: int | None
    duration: int | None
    effective_start: int | None = None
    effective_duration: int | None = None
    check: bool = True

    def apply(self, program: Program) -> Edit:
        item = find_item(program, self.item_id)
        if self.check:
            start = self.start if self.start is not None else self.effective_start
            duration = self.duration if self.duration is not None else self.effective_duration
            problem = (schedule_problem(item.description, self.start, self.duration)
                       or schedule_problem(item.description, start, duration))
            if problem:
                raise EditError(problem)
        old = SetItemSchedule(self.item_id, item.start_week, item.duration_weeks, check=False)
        item.start_week, item.duration_weeks = self.start, self.duration
        return old


def reset_schedule(program: Program, package_id: str) -> Compound:
    """Every item of package ``package_id`` back to the default jadwal (one step; its inverse
    puts back each item's own values).

    Raises:
        EditError: no such package.
    """
    package = find_package(program, package_id)
    return Compound(tuple(SetItemSchedule(item.id, None, None, check=False)
                          for item in package.items()
                          if item.start_week is not None or item.duration_weeks is not None))


#: Section fields :class:`SetSectionFields` may change.
SECTION_FIELDS = frozenset({"title", "funding", "kind"})


@dataclass(frozen=True)
class SetSectionFields(Edit):
    """Set fields of section ``section_id`` (:data:`SECTION_FIELDS`): its title, the funding
    source its items inherit (None = the parent's), its kind (a PLP-BK planning category or
    DED, :class:`~dtpl_studio.costing.funding.SectionKind`, inherited by the sections below).
    The section is priced again with everything below it (an inherited source changes the
    split of its items)."""

    section_id: str
    values: tuple[tuple[str, Any], ...]

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset({self.section_id})

    def apply(self, program: Program) -> Edit:
        section = find_section(program, self.section_id)
        old = _old_values(section, self.values, SECTION_FIELDS, "kolom bagian")
        for name, value in self.values:
            setattr(section, name, value)
        return SetSectionFields(self.section_id, old)


def set_section(section_id: str, **values: Any) -> SetSectionFields:
    """``SetSectionFields`` from keyword arguments: ``set_section(id, kind=SectionKind.PEMASARAN)``."""
    return SetSectionFields(section_id, tuple(values.items()))


# -- back-up volume lines --------------------------------------------------------------------

@dataclass(frozen=True)
class InsertMeasurement(Edit):
    """Insert back-up line ``line`` into item ``item_id`` at ``index`` (None = at the end)."""

    item_id: str
    line: Measurement
    index: int | None = None

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset({self.item_id})

    def apply(self, program: Program) -> Edit:
        item = find_item(program, self.item_id)
        index = len(item.measurements) if self.index is None else self.index
        if not 0 <= index <= len(item.measurements):
            raise EditError(f"baris {index + 1} di luar 1..{len(item.measurements) + 1}")
        item.measurements.insert(index, self.line)
        return RemoveMeasurement(self.item_id, index)


@dataclass(frozen=True)
class RemoveMeasurement(Edit):
    """Remove back-up line ``index`` of item ``item_id``."""

    item_id: str
    index: int

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset({self.item_id})

    def apply(self, program: Program) -> Edit:
        item = find_item(program, self.item_id)
        if not 0 <= self.index < len(item.measurements):
            raise EditError(f"baris {self.index + 1} tidak ada (item punya {len(item.measurements)} baris)")
        line = item.measurements.pop(self.index)
        return InsertMeasurement(self.item_id, line, self.index)


@dataclass(frozen=True)
class ReplaceMeasurement(Edit):
    """Replace back-up line ``index`` of item ``item_id`` by ``line`` (a new object)."""

    item_id: str
    index: int
    line: Measurement

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset({self.item_id})

    def apply(self, program: Program) -> Edit:
        item = find_item(program, self.item_id)
        if not 0 <= self.index < len(item.measurements):
            raise EditError(f"baris {self.index + 1} tidak ada (item punya {len(item.measurements)} baris)")
        old = item.measurements[self.index]
        item.measurements[self.index] = self.line
        return ReplaceMeasurement(self.item_id, self.index, old)


def set_line_expression(program: Program, item_id: str, index: int, expression: str) -> ReplaceMeasurement:
    """The edit that makes back-up line ``index`` of item ``item_id`` an expression line
    (``expression`` "" = back to its factors), keeping its description, sign and id.

    The expression is checked against the package's parameters first
    (:func:`~dtpl_studio.costing.expressions.parse`): a refused text is an :class:`EditError`
    with the evaluator's Indonesian message naming the line.

    Raises:
        EditError: no such item or line, or the expression is refused.
    """
    line = _line(program, item_id, index)
    text = expression.strip().removeprefix("=").strip()
    if text:
        package = locate(program, item_id).package
        try:
            parse(text, frozenset(p.name for p in package.parameters))
        except ExpressionError as exc:
            raise EditError(f"baris back-up {index + 1}: {exc}") from exc
    return ReplaceMeasurement(item_id, index, dataclasses.replace(line, expression=text, link=None))


def link_line(program: Program, item_id: str, index: int, target_id: str | None) -> ReplaceMeasurement:
    """The edit that links back-up line ``index`` of item ``item_id`` to the printed volume
    of item ``target_id`` of the same package, keeping description and sign (a deduction
    stays one); the line's factors are dropped (the line is that volume). ``target_id`` None
    unlinks (a factor line with the factors it has).

    Raises:
        EditError: no such item or line; the target is not an item of the same package, or
            is the item itself (a longer cycle is a finding of the recompute, naming the chain).
    """
    line = _line(program, item_id, index)
    if target_id is not None:
        here = locate(program, item_id).package
        there = locate(program, target_id)
        if there.package is not here or not isinstance(there.node, Item):
            raise EditError("baris hanya dapat ditautkan ke item lain di paket yang sama")
        if target_id == item_id:
            raise EditError(f"baris back-up {index + 1}: item tidak dapat ditautkan ke dirinya sendiri")
    factors = [] if target_id is not None else list(line.factors)
    return ReplaceMeasurement(item_id, index, dataclasses.replace(line, link=target_id, expression="",
                                                                  factors=factors))


def _line(program: Program, item_id: str, index: int) -> Measurement:
    item = find_item(program, item_id)
    if not 0 <= index < len(item.measurements):
        raise EditError(f"baris {index + 1} tidak ada (item punya {len(item.measurements)} baris)")
    return item.measurements[index]


# -- package parameters of back-up expressions -----------------------------------------------

def _parameter_problem(package: Package, parameter: Parameter, skip: int | None) -> str:
    others = [p.name for i, p in enumerate(package.parameters) if i != skip]
    problem = parameter_name_problem(parameter.name, others) or parameter_value_problem(parameter.value)
    if not problem and parameter.unit not in CANONICAL:
        problem = f"satuan parameter {parameter.unit!r} tidak dikenal"
    return problem


@dataclass(frozen=True)
class InsertParameter(Edit):
    """Insert ``parameter`` into the table of package ``package_id`` at ``index`` (None = at
    the end). Every line using its name is priced again (the recompute compares tables).

    Raises (apply):
        EditError: a bad name (a unit symbol, a name already there), value or unit.
    """

    package_id: str
    parameter: Parameter
    index: int | None = None

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        problem = _parameter_problem(package, self.parameter, None)
        if problem:
            raise EditError(problem)
        index = len(package.parameters) if self.index is None else self.index
        if not 0 <= index <= len(package.parameters):
            raise EditError(f"posisi parameter {index} di luar 0..{len(package.parameters)}")
        package.parameters.insert(index, self.parameter)
        return RemoveParameter(self.package_id, self.parameter.name)


@dataclass(frozen=True)
class RemoveParameter(Edit):
    """Remove parameter ``name`` from package ``package_id`` (lines using it then show an
    error finding until it is defined again)."""

    package_id: str
    name: str

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        index = _parameter_index(package, self.name)
        parameter = package.parameters.pop(index)
        return InsertParameter(self.package_id, parameter, index)


@dataclass(frozen=True)
class SetParameter(Edit):
    """Replace parameter ``name`` of package ``package_id`` by ``parameter`` (new value,
    unit, description or name; a renamed parameter is not renamed inside expressions)."""

    package_id: str
    name: str
    parameter: Parameter

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        index = _parameter_index(package, self.name)
        problem = _parameter_problem(package, self.parameter, index)
        if problem:
            raise EditError(problem)
        old = package.parameters[index]
        package.parameters[index] = self.parameter
        return SetParameter(self.package_id, self.parameter.name, old)


def _parameter_index(package: Package, name: str) -> int:
    for i, p in enumerate(package.parameters):
        if p.name == name:
            return i
    raise EditError(f"parameter {name!r} tidak ada di paket {package.name!r}")


# -- the pinned price book -------------------------------------------------------------------

def copy_analysis(analysis: Analysis) -> Analysis:
    """A deep copy: lines and rounding rule are new objects (Decimals are immutable)."""
    return copy.deepcopy(analysis)


def copy_resource(resource: Resource) -> Resource:
    """A copy of a resource (all its fields are immutable values)."""
    return dataclasses.replace(resource)


@dataclass(frozen=True)
class PinAnalyses(Edit):
    """Add ``analyses`` and ``resources`` (copies, made by :func:`pin_analysis`) to the
    pinned book of package ``package_id``, at the end in the given order. A resource or
    analysis the pinned book has already is refused (the pinned price is never replaced)."""

    package_id: str
    analyses: tuple[Analysis, ...] = ()
    resources: tuple[Resource, ...] = ()
    positions: tuple[int | None, ...] = ()  # where each analysis goes back (undo of a removal)
    resource_positions: tuple[int | None, ...] = ()

    def apply(self, program: Program) -> Edit:
        book = find_package(program, self.package_id).book
        for resource in self.resources:
            if resource.key in book.resources:
                raise EditError(f"harga dasar {resource.key!r} sudah ada di buku harga paket")
        for analysis in self.analyses:
            if analysis.code in book.analyses:
                raise EditError(f"analisa {analysis.code} sudah ada di buku harga paket")
        r_positions = self.resource_positions or (None,) * len(self.resources)
        a_positions = self.positions or (None,) * len(self.analyses)
        for resource, position in sorted(zip(self.resources, r_positions, strict=True), key=_position_key):
            book.insert_resource(resource, position)
        for analysis, position in sorted(zip(self.analyses, a_positions, strict=True), key=_position_key):
            book.insert_analysis(analysis, position)
        # the undo puts the book back as it was, even when an item of the package named one
        # of these codes before it was pinned (an item in error then): no "in use" check
        return UnpinAnalyses(self.package_id, tuple(a.code for a in self.analyses),
                             tuple(r.key for r in self.resources), check=False)


def _position_key(pair: tuple[Any, int | None]) -> tuple[int, int]:
    position = pair[1]
    return (1, 0) if position is None else (0, position)


@dataclass(frozen=True)
class UnpinAnalyses(Edit):
    """Remove analyses ``codes`` and resources ``keys`` from the pinned book of package
    ``package_id``. Refused while an item of the package, or an analysis staying in the
    book, uses one of them. ``check=False`` (the inverse of :class:`PinAnalyses`) skips the
    item check: an undo restores the book exactly, even for an item that named a code before
    it was pinned."""

    package_id: str
    codes: tuple[str, ...]
    keys: tuple[str, ...] = ()
    check: bool = True

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        book = package.book
        used = sorted({i.analysis_code for i in package.items() if i.analysis_code in self.codes})
        if used and self.check:
            raise EditError(f"analisa {', '.join(used)} masih dipakai item di paket {package.name!r}")
        removing = set(self.codes)
        for code in self.codes:
            if code not in book.analyses:
                raise EditError(f"analisa {code} tidak ada di buku harga paket")
            users = [u for u in book.users_of_analysis(code) if u not in removing]
            if users and self.check:
                raise EditError(f"analisa {code} masih dipakai oleh analisa {', '.join(users)}")
        for key in self.keys:
            if key not in book.resources:
                raise EditError(f"harga dasar {key!r} tidak ada di buku harga paket")
            users = [u for u in book.users_of_resource(key) if u not in removing]
            if users and self.check:
                raise EditError(f"harga dasar {key!r} masih dipakai oleh analisa {', '.join(users)}")
        # positions in the book order before the removal, so that the undo restores the order
        a_positions = tuple(list(book.analyses).index(c) for c in self.codes)
        r_positions = tuple(list(book.resources).index(k) for k in self.keys)
        analyses = tuple(book.analyses[c] for c in self.codes)
        resources = tuple(book.resources[k] for k in self.keys)
        for code in self.codes:
            del book.analyses[code]
        for key in self.keys:
            del book.resources[key]
        book.touch()
        return PinAnalyses(self.package_id, analyses, resources, a_positions, r_positions)


def pin_analysis(package: Package, source: PriceBook, code: str) -> PinAnalyses:
    """The edit that copies analysis ``code`` of ``source`` (a library edition) and every
    analysis and resource it depends on into ``package``'s pinned book, skipping what the
    pinned book has already (whose pinned prices stay). The copies share no mutable object
    with ``source``.

    Raises:
        EditError: ``source`` has no analysis ``code`` or cannot list its dependencies.
    """
    if code not in source.analyses:
        raise EditError(f"analisa {code} tidak ada di buku harga sumber")
    book = package.book
    if source is book:
        return PinAnalyses(package.id)
    try:
        codes, keys = source.dependencies(code)
    except (KeyError, PriceBookError) as exc:
        raise EditError(f"analisa {code}: {exc}") from exc
    analyses = tuple(copy_analysis(source.analyses[c]) for c in source.analyses
                     if c in codes and c not in book.analyses)
    resources = tuple(copy_resource(source.resources[k]) for k in source.resources
                      if k in keys and k not in book.resources)
    return PinAnalyses(package.id, analyses, resources)


def remove_unused_analysis(package: Package, code: str) -> UnpinAnalyses:
    """The edit that removes pinned analysis ``code`` and the resources only it used.

    Raises:
        EditError: an item of the package or another analysis uses ``code``.
    """
    book = package.book
    if code not in book.analyses:
        raise EditError(f"analisa {code} tidak ada di buku harga paket")
    others = [a for a in book.analyses.values() if a.code != code]
    used_elsewhere = {ln.ref for a in others for ln in a.lines}
    keys = tuple(k for k in book.resources
                 if k not in used_elsewhere and any(ln.ref == k for ln in book.analyses[code].lines))
    return UnpinAnalyses(package.id, (code,), keys)


def add_item_from_book(package: Package, section_id: str, source: PriceBook, code: str,
                       index: int | None = None, volume: Decimal = Decimal(0)) -> Compound:
    """Pin analysis ``code`` of ``source`` (with its dependencies) and add an item priced
    from it (its name and unit, ``volume``) into section ``section_id`` at ``index``."""
    analysis = source.analyses.get(code)
    if analysis is None:
        raise EditError(f"analisa {code} tidak ada di buku harga sumber")
    item = Item(description=" ".join(analysis.name.split()), unit=analysis.unit,
                analysis_code=code, volume=volume)
    return Compound((pin_analysis(package, source, code), InsertNode(package.id, section_id, item, index)))


@dataclass(frozen=True)
class SwapBook(Edit):
    """Put ``book`` as the pinned book of package ``package_id`` and re-point items to the
    analyses of that book: ``codes`` = ``((item id, analysis code), …)``; ``note`` becomes
    the package's :attr:`~dtpl_studio.costing.rab.Package.price_basis_note` (the reason
    given for the *old* basis does not hold for a new one). Re-pricing (issue 10 point 5,
    :mod:`dtpl_studio.costing.repricing`) builds the book as a pinned copy
    (:meth:`~dtpl_studio.costing.pricebook.PriceBook.subset` of the target edition plus
    copies of the old analyses kept): it shares no mutable object with any library book.

    The package gets a new book *object*: a book shared with other packages stays theirs,
    unchanged. The inverse puts back the very same old book object, codes and note, so an
    undo restores the old pinned book exactly (same content hash, same priced totals).

    Raises (from :meth:`apply`):
        EditError: no such package, or an item id that is not an item of that package
            (nothing is changed).
    """

    package_id: str
    book: PriceBook
    codes: tuple[tuple[str, str | None], ...] = ()
    note: str = ""
    structural = True  # every rate of the package changes: the views walk every row again

    @property
    def changed_items(self) -> frozenset[str]:
        return frozenset(item_id for item_id, _ in self.codes)

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        items = {item.id: item for item in package.items()}
        missing = [item_id for item_id, _ in self.codes if item_id not in items]
        if missing:
            raise EditError(f"item {missing[0]!r} tidak ada di paket {package.name!r}")
        old_codes = tuple((item_id, items[item_id].analysis_code) for item_id, _ in self.codes)
        inverse = SwapBook(package.id, package.book, old_codes, package.price_basis_note)
        package.book = self.book
        package.price_basis_note = self.note
        for item_id, code in self.codes:
            items[item_id].analysis_code = code
        return inverse


# -- packages and settings -------------------------------------------------------------------

@dataclass(frozen=True)
class InsertPackage(Edit):
    """Insert ``package`` into the programme at ``index`` (None = at the end)."""

    package: Package
    index: int | None = None
    structural = True

    def apply(self, program: Program) -> Edit:
        if any(p.id == self.package.id for p in program.packages):
            raise EditError(f"paket {self.package.name!r} sudah ada di program")
        index = len(program.packages) if self.index is None else self.index
        if not 0 <= index <= len(program.packages):
            raise EditError(f"posisi paket {index} di luar 0..{len(program.packages)}")
        program.packages.insert(index, self.package)
        return RemovePackage(self.package.id)


@dataclass(frozen=True)
class RemovePackage(Edit):
    """Remove package ``package_id`` (with its RAB and pinned book)."""

    package_id: str
    structural = True

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        index = program.packages.index(package)
        del program.packages[index]
        return InsertPackage(package, index)


#: Package fields :class:`SetPackageFields` may change.
PACKAGE_FIELDS = frozenset({"name", "component", "ksm", "location", "description", "settings",
                            "price_basis_note", "data"})


@dataclass(frozen=True)
class SetPackageFields(Edit):
    """Set fields of package ``package_id``; ``settings`` takes a whole new
    :class:`PackageSettings` (PPN, pembulatan, decimals), never a shared one; ``data`` a
    whole new (frozen) :class:`~dtpl_studio.costing.data_umum.PackageData`.

    Raises (from :meth:`apply`):
        EditError: a field that cannot be set, or ``data`` with a value the data umum
            refuses (:func:`~dtpl_studio.costing.data_umum.package_data_problems`: the
            message names the field); nothing is changed.
    """

    package_id: str
    values: tuple[tuple[str, Any], ...]
    #: validate a new ``data``; False on an inverse (a value read from a file is put back)
    check: bool = True

    def apply(self, program: Program) -> Edit:
        package = find_package(program, self.package_id)
        old = _old_values(package, self.values, PACKAGE_FIELDS, "kolom paket")
        for name, value in self.values:
            if name == "data" and self.check:
                if not isinstance(value, PackageData):
                    raise EditError(f"data umum paket harus PackageData, bukan {type(value).__name__}")
                problems = package_data_problems(value)
                if problems:
                    raise EditError(problems[0])
        for name, value in self.values:
            setattr(package, name, value)
        return SetPackageFields(self.package_id, old, check=False)


def set_package(package_id: str, **values: Any) -> SetPackageFields:
    """``SetPackageFields`` from keyword arguments."""
    return SetPackageFields(package_id, tuple(values.items()))


def set_settings(package: Package, **changes: Any) -> SetPackageFields:
    """New :class:`PackageSettings` for ``package`` with ``changes`` (``ppn_rate=…``,
    ``total_rounding=…``) applied to a copy of the current ones."""
    return set_package(package.id, settings=dataclasses.replace(package.settings, **changes))


#: Price-book meta fields :class:`SetBookMeta` may change (rules that price every analysis).
BOOK_META_FIELDS = frozenset({"default_overhead_pct", "rate_rounding"})


@dataclass(frozen=True)
class SetBookMeta(Edit):
    """Change rules of the pinned book of package ``package_id``: ``default_overhead_pct``
    (E as a fraction of D for analyses without their own, issue 10 point 4) or
    ``rate_rounding``. The book gets a new meta object (never shared with a library), its
    memo is dropped and its revision counted, so every rate of the package is priced
    again. A book shared by several packages changes for all of them."""

    package_id: str
    values: tuple[tuple[str, Any], ...]

    def apply(self, program: Program) -> Edit:
        book = find_package(program, self.package_id).book
        old = _old_values(book.meta, self.values, BOOK_META_FIELDS, "aturan buku harga")
        book.meta = dataclasses.replace(book.meta, **dict(self.values))
        book.touch()
        return SetBookMeta(self.package_id, old)


#: Programme fields :class:`SetProgramFields` may change.
PROGRAM_FIELDS = frozenset({
    "kelurahan", "kecamatan", "kota", "provinsi", "program", "fiscal_year", "bkm",
    "blm_allocation", "signatories", "title", "rules", "termins", "swadaya_rule", "data",
})


@dataclass(frozen=True)
class SetProgramFields(Edit):
    """Set fields of the programme (location, BKM, allocation, ``signatories`` as a whole
    new list of :class:`Signatory`; the BLM ``rules`` table, the ``termins`` plan as whole
    new lists of their frozen rows; the optional ``swadaya_rule``).

    Raises (from :meth:`apply`):
        EditError: a field that cannot be set, or a rule table with a row that cannot be
            stored (:func:`~dtpl_studio.costing.funding.rule_problems`: the message names the
            row and the column); nothing is changed.
    """

    values: tuple[tuple[str, Any], ...]
    #: validate a new rule table; False on an inverse, which puts back what was there (a
    #: table read from a file may hold rows the window would refuse: undo never fails on it)
    check: bool = True

    def apply(self, program: Program) -> Edit:
        old = _old_values(program, self.values, PROGRAM_FIELDS, "kolom program")
        for name, value in self.values:
            if name == "rules" and self.check:
                problems = rule_problems(list(value))
                if problems:
                    raise EditError(problems[0].message)
        for name, value in self.values:
            if name == "signatories":
                value = [dataclasses.replace(s) for s in value]
            elif name in _LIST_FIELDS:
                value = list(value)
            setattr(program, name, value)
        return SetProgramFields(old, check=False)


def set_program(**values: Any) -> SetProgramFields:
    """``SetProgramFields`` from keyword arguments."""
    return SetProgramFields(tuple(values.items()))


def set_rules(rules: list[FundingRule] | tuple[FundingRule, ...]) -> SetProgramFields:
    """Replace the BLM rule table (issue 6 point 4) by ``rules`` (validated on apply)."""
    return set_program(rules=list(rules))


def reset_rules() -> SetProgramFields:
    """Put back the PLP-BK seed table (:data:`~dtpl_studio.costing.funding.DEFAULT_PLPBK_RULES`)."""
    return set_rules(DEFAULT_PLPBK_RULES)


def set_termins(termins: list[Termin] | tuple[Termin, ...]) -> SetProgramFields:
    """Replace the BLM termin plan by ``termins`` (checked by the verdict, not here)."""
    return set_program(termins=list(termins))


def set_swadaya_rule(rule: SwadayaRule | None) -> SetProgramFields:
    """Set (or clear with None) the optional minimum swadaya share."""
    return set_program(swadaya_rule=rule)


def set_data_umum(program: Program, values: dict[str, Any] | None = None,
                  program_data: ProgramData | None = None,
                  packages: dict[str, dict[str, Any]] | None = None) -> Compound:
    """One undo step for the Data umum dialog: programme fields (``kelurahan``, ``bkm`` …),
    the programme's :class:`ProgramData`, and per package id its fields (``ksm``,
    ``location``, ``data`` = :class:`PackageData`). Only what differs from ``program`` is
    included; validation happens on apply (all or nothing).
    """
    edits: list[Edit] = []
    changed = {k: v for k, v in (values or {}).items() if getattr(program, k) != v}
    if program_data is not None and program_data != program.data:
        changed["data"] = program_data
    if changed:
        edits.append(set_program(**changed))
    for package_id, fields_ in (packages or {}).items():
        package = find_package(program, package_id)
        diff = {k: v for k, v in fields_.items() if getattr(package, k) != v}
        if diff:
            edits.append(set_package(package_id, **diff))
    return Compound(tuple(edits))


def apply_all(program: Program, edits: list[Edit]) -> list[Edit]:
    """Apply ``edits`` in order; returns their inverses in the order that undoes them."""
    inverses = [edit.apply(program) for edit in edits]
    inverses.reverse()
    return inverses


__all__ = [
    "BOOK_META_FIELDS", "ITEM_FIELDS", "PACKAGE_FIELDS", "PROGRAM_FIELDS", "Compound", "Edit", "EditError",
    "InsertMeasurement", "InsertNode", "InsertPackage", "Location", "MoveNode", "PackageSettings",
    "PinAnalyses", "RemoveMeasurement", "RemoveNode", "RemovePackage", "ReplaceMeasurement",
    "SECTION_FIELDS", "SetBookMeta", "SetItemFields", "SetItemSchedule", "SetPackageFields", "SetProgramFields",
    "SetSectionFields", "Signatory", "SwapBook",
    "UnpinAnalyses", "add_item_from_book", "apply_all", "clear_override", "copy_analysis",
    "copy_resource", "find_item", "find_package", "find_section", "indent", "locate",
    "move_up_down", "outdent", "pin_analysis", "set_data_umum", "remove_unused_analysis", "reset_rules", "reset_schedule", "set_funding",
    "set_item", "set_override", "set_package", "set_program", "set_rules", "set_section", "set_settings",
    "set_swadaya_rule", "set_termins", "set_volume",
]


# -- attachments (issue 9 point 1) -----------------------------------------------------------
# Attachment edits change no figure: not structural, no changed item (the window reprices
# nothing and only the attachment views refresh).

def find_attachment(program: Program, attachment_id: str) -> tuple[int, Attachment]:
    """``(index, attachment)`` of the attachment with ``attachment_id``.

    Raises:
        EditError: none.
    """
    for i, att in enumerate(program.attachments):
        if att.id == attachment_id:
            return i, att
    raise EditError(f"lampiran {attachment_id!r} tidak ada di program")


def _check_scope(program: Program, package_id: str | None) -> None:
    if package_id is not None:
        find_package(program, package_id)


@dataclass(frozen=True)
class InsertAttachment(Edit):
    """Insert ``attachment`` into the programme's list at ``index`` (None = at the end).

    Refused when its id is taken, its ``package_id`` names no package, or its
    :attr:`~Attachment.sha256` is not the hash of its bytes."""

    attachment: Attachment
    index: int | None = None

    def apply(self, program: Program) -> Edit:
        if any(a.id == self.attachment.id for a in program.attachments):
            raise EditError(f"lampiran {self.attachment.title!r} sudah ada di program")
        if not self.attachment.hash_ok():
            raise EditError(f"lampiran {self.attachment.title!r}: SHA-256 tidak cocok dengan isinya")
        _check_scope(program, self.attachment.package_id)
        index = len(program.attachments) if self.index is None else self.index
        if not 0 <= index <= len(program.attachments):
            raise EditError(f"posisi lampiran {index} di luar 0..{len(program.attachments)}")
        program.attachments.insert(index, self.attachment)
        return RemoveAttachment(self.attachment.id)


@dataclass(frozen=True)
class RemoveAttachment(Edit):
    """Remove attachment ``attachment_id``; the inverse puts the same object back."""

    attachment_id: str

    def apply(self, program: Program) -> Edit:
        index, att = find_attachment(program, self.attachment_id)
        del program.attachments[index]
        return InsertAttachment(att, index)


@dataclass(frozen=True)
class MoveAttachment(Edit):
    """Move attachment ``attachment_id`` to ``index`` (counted after it was taken out)."""

    attachment_id: str
    index: int

    def apply(self, program: Program) -> Edit:
        old, att = find_attachment(program, self.attachment_id)
        if not 0 <= self.index < len(program.attachments):
            raise EditError(f"posisi lampiran {self.index} di luar 0..{len(program.attachments) - 1}")
        del program.attachments[old]
        program.attachments.insert(self.index, att)
        return MoveAttachment(att.id, old)


def move_attachment(program: Program, attachment_id: str, step: int) -> MoveAttachment | None:
    """The move of ``attachment_id`` by ``step`` places (−1 up, +1 down); None at the end."""
    index, _ = find_attachment(program, attachment_id)
    target = index + step
    if not 0 <= target < len(program.attachments):
        return None
    return MoveAttachment(attachment_id, target)


@dataclass(frozen=True)
class ReplaceAttachment(Edit):
    """Put ``attachment`` (new content, same ``id``) in place of the attachment with that id
    (the replaced object comes back on undo)."""

    attachment: Attachment

    def apply(self, program: Program) -> Edit:
        index, old = find_attachment(program, self.attachment.id)
        if not self.attachment.hash_ok():
            raise EditError(f"lampiran {self.attachment.title!r}: SHA-256 tidak cocok dengan isinya")
        _check_scope(program, self.attachment.package_id)
        program.attachments[index] = self.attachment
        return ReplaceAttachment(old)


@dataclass(frozen=True)
class SetAttachmentFields(Edit):
    """Set description fields (:data:`ATTACHMENT_FIELDS`: kind, title, sheet, scale,
    package_id, note) of attachment ``attachment_id``."""

    attachment_id: str
    values: tuple[tuple[str, Any], ...]

    def apply(self, program: Program) -> Edit:
        _, att = find_attachment(program, self.attachment_id)
        old = _old_values(att, self.values, ATTACHMENT_FIELDS, "kolom lampiran")
        new = dict(self.values)
        if "package_id" in new:
            _check_scope(program, new["package_id"])
        if "kind" in new:
            try:
                new["kind"] = AttachmentKind(new["kind"])
            except ValueError:
                raise EditError(f"jenis lampiran {new['kind']!r} tidak dikenal") from None
        for name, value in new.items():
            setattr(att, name, value)
        return SetAttachmentFields(self.attachment_id, old)


def set_attachment(attachment_id: str, **values: Any) -> SetAttachmentFields:
    """``SetAttachmentFields`` from keyword arguments."""
    return SetAttachmentFields(attachment_id, tuple(values.items()))


__all__ += [
    "InsertAttachment", "MoveAttachment", "RemoveAttachment", "ReplaceAttachment",
    "SetAttachmentFields", "find_attachment", "move_attachment", "set_attachment",
]


# -- specifications (issue 9 point 2) ----------------------------------------------------------

@dataclass(frozen=True)
class SetSpecText(Edit):
    """Put ``clause`` as the project's text of specification ``key`` (None = back to the
    template's text). The clause's own key must be ``key``."""

    key: str
    clause: SpecClause | None

    def apply(self, program: Program) -> Edit:
        if self.clause is not None and self.clause.key != self.key:
            raise EditError(f"spesifikasi {self.clause.key!r} disimpan sebagai {self.key!r}")
        if self.clause is not None and not self.clause.title.strip():
            raise EditError(f"spesifikasi {self.key!r}: judul tidak boleh kosong")
        old = program.spec_texts.get(self.key)
        if self.clause is None:
            program.spec_texts.pop(self.key, None)
        else:
            program.spec_texts[self.key] = self.clause
        return SetSpecText(self.key, old)


@dataclass(frozen=True)
class SetSpecLinks(Edit):
    """Choose the specification clauses of item or section ``node_id`` (``keys``; ``()`` =
    none; None = back to the default: the section's, else the keyword match)."""

    node_id: str
    keys: tuple[str, ...] | None

    def apply(self, program: Program) -> Edit:
        locate(program, self.node_id)  # raises for an unknown node
        old = program.spec_links.get(self.node_id)
        if self.keys is None:
            program.spec_links.pop(self.node_id, None)
        else:
            program.spec_links[self.node_id] = tuple(self.keys)
        return SetSpecLinks(self.node_id, old)


__all__ += ["SetSpecLinks", "SetSpecText"]
