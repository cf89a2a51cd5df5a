"""Cut, copy and paste of RAB sections and items, within and between packages (issue 10
point 1).

:func:`copy_nodes` takes a selection of a package's tree and makes a :class:`Clip`: a
self-contained copy (the nodes with their back-up lines, overrides, funding, schedule and
specification links; the pinned analyses and resources the items use; the package
parameters their expressions use; the volumes their links and expressions give now; the rows
as printed). A clip shares no mutable object with the programme and travels as JSON
(:func:`clip_to_json`, Decimals as strings) so that another window or another project can
paste it.

:func:`plan_paste` turns a clip into one :class:`~dtpl_studio.costing.edits.Compound` edit
(one undo step) that inserts copies with fresh ids, pins into the target package's book the
analyses they need (with what those depend on), adds the parameters they use, and says what
it could not keep as it was (:class:`PastePlan`). :func:`cut_edit` is the removal that goes
with a cut (one undo step).

Rules (what a facilitator expects; the window shows every point of a plan before applying):

* **Rates are never changed silently.** A package has one pinned book, so one code has one
  rate in it. When the target's book already holds a code of the clip at a different unit
  rate (another edition or region), or pinning the clip's analysis into the target gives a
  different rate (the target's resource prices or rounding differ), the pasted items take
  the target's rate — the target's existing items are never repriced by a paste — and the
  plan lists a :class:`RateConflict` per code with both figures. The window asks before it
  applies such a plan; :func:`plan_paste` with ``refuse_conflicts=True`` raises instead.
  An item with a rate override keeps its override (its printed rate does not change, so no
  conflict is reported for it); a custom-rate item needs no book.
* **Linked back-up lines** (a line that takes another item's volume): a link to an item
  copied with it points to the new copy. A link to an item outside the clip stays linked
  when pasted into the same package (that item is still there); pasted into another
  package it becomes a fixed value — the linked volume at the time of the copy, one factor
  in the item's unit — with a note in the line's description (``nilai tetap …``), and the
  plan says so. A line whose value could not be computed at the copy (a broken link) is
  pasted as it was, and the plan says so.
* **Expression lines** use the package's parameters. Pasted into another package, a
  parameter the target lacks is added with the source's value; a parameter the target has
  with another value or unit makes the line a fixed value (the value at the copy, noted as
  above) so that the pasted volume is the copied one.
* **Ids**: pasted nodes and lines get fresh ids; the first paste of a *cut* clip keeps the
  ids when none of them is in the programme any more (a cut and paste is a move: links of
  other items to a moved item and its specification links survive it).
"""

from __future__ import annotations

import copy
import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from dtpl_studio.costing.edits import (
    Compound,
    Edit,
    EditError,
    InsertNode,
    InsertParameter,
    PinAnalyses,
    RemoveNode,
    SetSpecLinks,
    copy_analysis,
    copy_resource,
    find_package,
    locate,
)
from dtpl_studio.costing.expressions import Parameter, names_used
from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.funding import FundingShare, FundingSource, SectionKind
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    PriceBookError,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    PricedPackage,
    PricedSection,
    Program,
    Section,
    line_volume,
    new_id,
    price_package,
)

#: The clipboard MIME type of a serialized :class:`Clip` (JSON, UTF-8).
CLIP_MIME = "application/x-dtpl-studio-rab+json"
#: Version of the JSON shape; a clip of another version is refused (:class:`ClipError`).
CLIP_VERSION = 1
#: Columns of the text rendering (a spreadsheet gets these rows, tab-separated).
TSV_HEADER = ("No", "Uraian", "Volume", "Satuan", "Harga Satuan", "Jumlah")


class ClipError(ValueError):
    """A clipboard text that is not a clip this version can read (Indonesian message)."""


@dataclass(frozen=True, slots=True)
class LineValue:
    """The volume a linked or expression line gave at the copy, in its item's unit (sign
    applied), with what it was (``"volume II.1"``, ``"= 2 * (P + L)"``) for the note."""

    value: Decimal
    what: str


@dataclass
class Clip:
    """A copied selection: top nodes in tree order and what pasting them needs.

    Attributes:
        nodes: deep copies of the selected sections/items (ids as in the source).
        package_id / package_name: where they were copied from.
        book: the analyses and resources the items use, with their dependencies (a copy).
        rates: analysis code → its unit rate F in the source package when copied.
        parameters: the source package's parameters that the clip's expressions use.
        line_values: measurement line id → :class:`LineValue` for every linked or expression
            line (a broken one is absent).
        spec_links: node id → specification clause keys chosen for it in the source.
        rows: the printed rows (No, Uraian, Volume, Satuan, Harga Satuan, Jumlah) as text.
        cut: the clip was cut (its nodes removed from the source).
    """

    nodes: list[Section | Item]
    package_id: str
    package_name: str = ""
    book: PriceBook = field(default_factory=PriceBook)
    rates: dict[str, Decimal] = field(default_factory=dict)
    parameters: list[Parameter] = field(default_factory=list)
    line_values: dict[str, LineValue] = field(default_factory=dict)
    spec_links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rows: list[tuple[str, ...]] = field(default_factory=list)
    cut: bool = False

    def items(self) -> Iterable[Item]:
        """Every item of the clip, depth first."""
        for node in self.nodes:
            if isinstance(node, Section):
                yield from node.items()
            else:
                yield node

    def ids(self) -> set[str]:
        """Ids of every node of the clip."""
        out: set[str] = set()
        for node in self.nodes:
            out.update(_ids(node))
        return out

    @property
    def has_items_on_top(self) -> bool:
        """A top node is an item (the clip goes inside a section, never at the top level)."""
        return any(isinstance(n, Item) for n in self.nodes)


def clone(node: Section | Item) -> Section | Item:
    """A copy of ``node`` and everything in it sharing no mutable object with it (sections,
    items, back-up lines, factors and lists are new; Decimals, strings, enums and the frozen
    funding shares are immutable). Ids are kept. Several times faster than ``deepcopy`` on a
    large section."""
    if isinstance(node, Section):
        return dataclasses.replace(node, children=[clone(c) for c in node.children])
    return dataclasses.replace(
        node,
        measurements=[dataclasses.replace(m, factors=[dataclasses.replace(f) for f in m.factors])
                      for m in node.measurements],
        funding_split=list(node.funding_split))


def _ids(node: Section | Item) -> Iterable[str]:
    yield node.id
    if isinstance(node, Section):
        for child in node.children:
            yield from _ids(child)


def _selection_roots(program: Program, node_ids: Iterable[str]) -> tuple[Package, list[Section | Item]]:
    """The selected nodes in tree order, a node inside another selected one dropped.

    Raises:
        EditError: no ids, an unknown id, or nodes of two packages.
    """
    wanted = list(dict.fromkeys(node_ids))
    if not wanted:
        raise EditError("tidak ada bagian/item yang dipilih")
    package = locate(program, wanted[0]).package
    for node_id in wanted[1:]:
        if locate(program, node_id).package is not package:
            raise EditError("bagian/item yang dipilih berasal dari paket yang berbeda")
    chosen = set(wanted)
    roots: list[Section | Item] = []

    def walk(nodes: list) -> None:
        for node in nodes:
            if node.id in chosen:
                roots.append(node)
            elif isinstance(node, Section):
                walk(node.children)

    walk(package.sections)
    return package, roots


def copy_nodes(program: Program, node_ids: Iterable[str], priced: PricedPackage | None = None,
               *, cut: bool = False) -> Clip:
    """A :class:`Clip` of the nodes ``node_ids`` (one package; a node inside another selected
    node comes with its parent only). ``priced``: the package's current result (priced here
    when None) for the printed rows and the linked volumes.

    Raises:
        EditError: nothing selected, an unknown id, nodes of two packages.
    """
    package, roots = _selection_roots(program, node_ids)
    if priced is None or priced.package is not package:
        priced = price_package(package)
    nodes = [clone(n) for n in roots]
    clip = Clip(nodes, package.id, package.name, cut=cut)
    book = package.book
    codes = {i.analysis_code for i in clip.items() if i.analysis_code and i.analysis_code in book.analyses}
    try:
        clip.book = book.subset(codes)
    except (KeyError, PriceBookError):  # a broken book: copy what each code can take alone
        clip.book = PriceBook(copy.deepcopy(book.meta))
        for code in codes:
            clip.book.analyses[code] = copy_analysis(book.analyses[code])
        for key, resource in book.resources.items():
            clip.book.resources[key] = copy_resource(resource)
    for code in codes:
        try:
            clip.rates[code] = book.unit_rate(code)
        except (KeyError, PriceBookError):
            pass
    parameters = {p.name: p for p in package.parameters}
    used: set[str] = set()
    for item in clip.items():
        for line in item.measurements:
            if line.expression:
                try:
                    used.update(names_used(line.expression))
                except ValueError:
                    pass
    clip.parameters = [dataclasses.replace(p) for p in package.parameters if p.name in used]
    numbers = {}
    for kind, node in priced.rows():
        numbers[(node.item if kind.value == "item" else node.section).id] = node.number
    units = {i.id: i.unit for i in package.items()}

    def linked(target_id: str) -> tuple[Decimal, str]:
        node = priced.node(target_id)
        volume = getattr(node, "volume", None)
        if volume is None:
            raise ValueError("volume tertaut tidak ada")
        return volume, units[target_id]

    for item in clip.items():
        for line in item.measurements:
            if not (line.expression or line.link is not None):
                continue
            try:
                value = line_volume(line, item.unit, parameters, linked)
            except (ValueError, ArithmeticError, KeyError):
                continue
            what = (f"= {line.expression}" if line.expression
                    else f"volume {numbers.get(line.link, '?')}")
            clip.line_values[line.id] = LineValue(value, what)
    clip.spec_links = {i: tuple(k) for i, k in program.spec_links.items() if i in clip.ids()}
    clip.rows = _rows(roots, priced)
    return clip


def _rows(roots: list[Section | Item], priced: PricedPackage) -> list[tuple[str, ...]]:
    """The printed rows of ``roots`` and what they hold (the TSV of a copy)."""
    decimals = priced.package.settings.volume_decimals
    rows: list[tuple[str, ...]] = []

    def add(node: Section | Item) -> None:
        pnode = priced.node(node.id)
        if isinstance(node, Section):
            total = pnode.total if isinstance(pnode, PricedSection) else None
            rows.append((pnode.number if pnode else "", node.title, "", "", "",
                         format_rupiah(total) if total is not None else ""))
            for child in node.children:
                add(child)
            return
        volume = getattr(pnode, "volume", None)
        rate = getattr(pnode, "rate", None)
        amount = getattr(pnode, "amount", None)
        rows.append((pnode.number if pnode else "", node.description,
                     format_number(volume, decimals) if volume is not None else "", node.unit,
                     format_rupiah(rate) if rate is not None else "",
                     format_rupiah(amount) if amount is not None and rate is not None else ""))

    for root in roots:
        add(root)
    return rows


def clip_tsv(clip: Clip) -> str:
    """The clip as tab-separated text with a header row (:data:`TSV_HEADER`), numbers in the
    Indonesian format (``1.234,56``): what a spreadsheet gets from a paste."""
    lines = ["\t".join(TSV_HEADER)]
    for row in clip.rows:
        lines.append("\t".join(" ".join(str(c).split()) for c in row))
    return "\r\n".join(lines) + "\r\n"


# -- cut ---------------------------------------------------------------------------------------

def cut_edit(program: Program, node_ids: Iterable[str]) -> Compound:
    """The removal that goes with a cut: every selected node (a node inside another selected
    one comes with its parent), one undo step.

    Raises:
        EditError: as :func:`copy_nodes`.
    """
    _, roots = _selection_roots(program, node_ids)
    return Compound(tuple(RemoveNode(n.id) for n in roots))


# -- paste -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RateConflict:
    """Analysis ``code`` has ``source_rate`` in the clip and ``target_rate`` in the target
    package (None: it cannot be computed there); ``items``: how many pasted items it prices."""

    code: str
    name: str
    source_rate: Decimal | None
    target_rate: Decimal | None
    items: int

    def message(self) -> str:
        """Indonesian text for the paste summary."""
        def rp(value: Decimal | None) -> str:
            return "tidak dapat dihitung" if value is None else f"Rp {format_rupiah(value)}"

        return (f"analisa {self.code} ({_short(self.name)}): harga satuan di paket asal "
                f"{rp(self.source_rate)}, di paket tujuan {rp(self.target_rate)}; {self.items} item "
                "yang ditempel memakai harga paket tujuan")


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class PastePlan:
    """What a paste does: ``edit`` (one step), the new top ``nodes``, the rate ``conflicts``
    and the ``notes`` (lines made fixed values, parameters added) to show before applying."""

    edit: Compound
    nodes: list[Section | Item]
    conflicts: list[RateConflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        """Every conflict and note as Indonesian text."""
        return [c.message() for c in self.conflicts] + list(self.notes)


def _freeze(line: Measurement, value: LineValue, unit: str, why: str) -> Measurement:
    """``line`` as a fixed value (one factor in the item's ``unit``), its description noting
    what it was and why."""
    sign = 1 if value.value >= 0 else -1
    note = f"nilai tetap, dulu {value.what}: {why}"
    description = f"{line.description} ({note})" if line.description else note.capitalize()
    factor_unit = unit
    return Measurement(description, [Factor("nilai", abs(value.value), factor_unit)], sign, line.id)


def plan_paste(program: Program, clip: Clip, package_id: str, parent_id: str | None,
               index: int | None = None, *, fresh_ids: bool | None = None,
               refuse_conflicts: bool = False) -> PastePlan:
    """The edit that pastes ``clip`` into package ``package_id`` under section ``parent_id``
    (None = at the top level: sections only) at ``index`` (None = at the end), with the rules
    of this module's docstring.

    ``fresh_ids``: None = fresh ids, except for the first paste of a cut clip whose ids are
    all free; True/False force it.

    Raises:
        EditError: no such package or section; items at the top level; ``refuse_conflicts``
            and a rate conflict (the message lists the codes).
    """
    package = find_package(program, package_id)
    if parent_id is None and clip.has_items_on_top:
        raise EditError("item harus berada di dalam bagian/divisi")
    if parent_id is not None:
        where = locate(program, parent_id)
        if where.package is not package or not isinstance(where.node, Section):
            raise EditError(f"bagian {parent_id!r} tidak ada di paket {package.name!r}")
    existing = {loc for p in program.packages for loc in _program_ids(p)}
    if fresh_ids is None:
        fresh_ids = not (clip.cut and not (clip.ids() & existing))
    same_package = package.id == clip.package_id
    nodes = [clone(n) for n in clip.nodes]
    id_map: dict[str, str] = {}
    for node in nodes:
        for old in _ids(node):
            id_map[old] = new_id() if fresh_ids else old
    plan = PastePlan(Compound(()), nodes)

    # parameters: add what the target lacks; a different one freezes the lines using it
    target_params = {p.name: p for p in package.parameters}
    add_params: list[Parameter] = []
    clashing: set[str] = set()
    if not same_package:
        for prm in clip.parameters:
            mine = target_params.get(prm.name)
            if mine is None:
                add_params.append(dataclasses.replace(prm))
            elif (mine.value, mine.unit) != (prm.value, prm.unit):
                clashing.add(prm.name)
    for prm in add_params:
        users = sum(1 for i in package.items() for ln in i.measurements
                    if ln.expression and prm.name in _names(ln.expression))
        if users:
            plan.notes.append(f"parameter {prm.name} juga dipakai {users} baris back-up paket "
                              f"{package.name!r} yang belum punya nilainya: baris itu kini ikut dihitung")
        plan.notes.append(f"parameter {prm.name} = {format_number(prm.value)} {prm.unit}".rstrip()
                          + f" ditambahkan ke paket {package.name!r}")

    item_ids = {i.id for p in [package] for i in p.items()}

    def renew(node: Section | Item) -> None:
        node.id = id_map[node.id]
        if isinstance(node, Section):
            for child in node.children:
                renew(child)
            return
        lines = []
        for line in node.measurements:
            value = clip.line_values.get(line.id)
            new_line = dataclasses.replace(line, factors=[dataclasses.replace(f) for f in line.factors])
            if line.link is not None:
                if line.link in id_map:
                    new_line.link = id_map[line.link]
                elif not (same_package and line.link in item_ids):
                    new_line = _relink(new_line, value, node, plan, "item tertaut tidak ikut disalin ke paket ini")
            elif line.expression:
                try:
                    names = names_used(line.expression)
                except ValueError:
                    names = set()
                bad = sorted(names & clashing)
                if bad:
                    new_line = _relink(new_line, value, node, plan,
                                       f"parameter {', '.join(bad)} berbeda di paket tujuan")
            if fresh_ids:
                new_line.id = new_id()
            lines.append(new_line)
        node.measurements = lines

    for node in nodes:
        renew(node)

    # the pinned book: what the target lacks, then the rates compared
    book = package.book
    codes = sorted({i.analysis_code for n in nodes for i in _items(n) if i.analysis_code})
    pin = pin_codes(package, clip.book, codes)
    for code in codes:
        if code not in book.analyses and code not in clip.book.analyses:
            plan.notes.append(f"analisa {code} tidak ada di buku harga paket asal maupun tujuan: item yang "
                              "memakainya tetap tanpa harga sampai analisanya dipilih")
    pin_a = {a.code: a for a in pin.analyses}
    revived: dict[str, int] = {}
    for item in package.items():  # items of the target that named a code it lacked
        if item.analysis_code in pin_a:
            revived[item.analysis_code] = revived.get(item.analysis_code, 0) + 1
    for code, count in sorted(revived.items()):
        plan.notes.append(f"analisa {code} disematkan ke buku harga paket {package.name!r}: {count} item "
                          "paket itu yang memakai kode ini tanpa analisanya kini ikut dihargai")
    analyses, resources = pin.analyses, pin.resources
    trial = PriceBook(book.meta)
    trial.resources = {**book.resources, **{r.key: r for r in resources}}
    trial.analyses = {**book.analyses, **{a.code: a for a in analyses}}
    for code in codes:
        users = [i for n in nodes for i in _items(n) if i.analysis_code == code and i.rate_override is None]
        if not users:
            continue
        try:
            target_rate: Decimal | None = trial.unit_rate(code)
        except (KeyError, PriceBookError):
            target_rate = None
        source_rate = clip.rates.get(code)
        if target_rate != source_rate:
            name = (clip.book.analyses.get(code) or trial.analyses.get(code))
            plan.conflicts.append(RateConflict(code, name.name if name else "", source_rate, target_rate,
                                               len(users)))
    if refuse_conflicts and plan.conflicts:
        raise EditError("harga satuan berbeda di paket tujuan: "
                        + ", ".join(c.code for c in plan.conflicts))

    steps: list[Edit] = []
    if analyses or resources:
        steps.append(PinAnalyses(package.id, analyses, resources))
    for prm in add_params:
        steps.append(InsertParameter(package.id, prm))
    for offset, node in enumerate(nodes):
        steps.append(InsertNode(package.id, parent_id, node, None if index is None else index + offset))
    for old, keys in clip.spec_links.items():
        new = id_map.get(old)
        if new is not None and (fresh_ids or new not in program.spec_links):
            steps.append(SetSpecLinks(new, tuple(keys)))
    plan.edit = Compound(tuple(steps))
    return plan


def pin_codes(package: Package, source: PriceBook, codes: Iterable[str]) -> PinAnalyses:
    """One edit pinning into ``package``'s book copies of the analyses ``codes`` of
    ``source`` that it lacks, with every analysis and resource they depend on that it lacks
    (book order of ``source``; what the pinned book has keeps its pinned price). A code
    ``source`` does not have is left out (its items show the missing analysis).
    :func:`~dtpl_studio.costing.edits.pin_analysis` for several codes at once: two codes
    sharing a resource pin it once."""
    book = package.book
    want_a: set[str] = set()
    want_r: set[str] = set()
    for code in codes:
        if code in book.analyses or code not in source.analyses:
            continue
        try:
            dep_a, dep_r = source.dependencies(code)
        except (KeyError, PriceBookError):
            dep_a, dep_r = {code}, set()
        want_a |= {c for c in dep_a if c not in book.analyses and c in source.analyses}
        want_r |= {k for k in dep_r if k not in book.resources and k in source.resources}
    return PinAnalyses(package.id,
                       tuple(copy_analysis(source.analyses[c]) for c in source.analyses if c in want_a),
                       tuple(copy_resource(source.resources[k]) for k in source.resources if k in want_r))


def _relink(line: Measurement, value: LineValue | None, item: Item, plan: PastePlan, why: str) -> Measurement:
    """A linked/expression line made a fixed value (or kept as it was, noted, when its value
    was not known at the copy)."""
    if value is None:
        plan.notes.append(f"item {_short(item.description)!r}: baris back-up {_short(line.description)!r} "
                          f"tidak dapat dihitung saat disalin; ditempel apa adanya ({why})")
        return line
    plan.notes.append(f"item {_short(item.description)!r}: baris back-up {_short(line.description)!r} "
                      f"menjadi nilai tetap {format_number(value.value)} {item.unit} ({why})")
    return _freeze(line, value, item.unit, why)


def _names(expression: str) -> set[str]:
    try:
        return set(names_used(expression))
    except ValueError:
        return set()


def _items(node: Section | Item) -> Iterable[Item]:
    if isinstance(node, Section):
        yield from node.items()
    else:
        yield node


def _program_ids(package: Package) -> Iterable[str]:
    for section in package.sections:
        yield from _ids(section)


# -- JSON --------------------------------------------------------------------------------------

_CLASSES: dict[str, type] = {c.__name__: c for c in (
    Section, Item, Measurement, Factor, FundingShare, Analysis, AnalysisLine, Resource, RoundingRule,
    Parameter, PriceBookMeta, LineValue)}
_ENUMS: dict[str, type[Enum]] = {e.__name__: e for e in (
    FundingSource, SectionKind, LineKind, ResourceKind, RoundingMode, BookKind)}


def _encode(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$d": str(value)}
    if isinstance(value, Enum):
        return {"$e": type(value).__name__, "v": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = type(value).__name__
        if name not in _CLASSES:
            raise TypeError(f"cannot put {name} on the clipboard")
        return {"$t": name, **{f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"$m": [[k, _encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot put {type(value).__name__} on the clipboard")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$d" in value:
        return Decimal(value["$d"])
    if "$e" in value:
        enum = _ENUMS.get(value["$e"])
        if enum is None:
            raise ClipError(f"jenis {value['$e']!r} tidak dikenal")
        return enum(value["v"])
    if "$m" in value:
        return {k: _decode(v) for k, v in value["$m"]}
    if "$t" in value:
        cls = _CLASSES.get(value["$t"])
        if cls is None:
            raise ClipError(f"jenis {value['$t']!r} tidak dikenal")
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: _decode(v) for k, v in value.items() if k in names}
        return cls(**kwargs)
    raise ClipError("isi papan klip tidak dikenal")


def _book_json(book: PriceBook) -> dict[str, Any]:
    return {"meta": _encode(book.meta), "resources": [_encode(r) for r in book.resources.values()],
            "analyses": [_encode(a) for a in book.analyses.values()]}


def _book_of(data: dict[str, Any]) -> PriceBook:
    book = PriceBook(_decode(data["meta"]))
    for r in data["resources"]:
        resource = _decode(r)
        book.resources[resource.key] = resource
    for a in data["analyses"]:
        analysis = _decode(a)
        book.analyses[analysis.code] = analysis
    return book


def clip_to_json(clip: Clip) -> str:
    """The clip as JSON text (Decimals as strings, exact digits; enums by value)."""
    data = {
        "dtpl_clip": CLIP_VERSION,
        "nodes": [_encode(n) for n in clip.nodes],
        "package_id": clip.package_id,
        "package_name": clip.package_name,
        "book": _book_json(clip.book),
        "rates": {k: str(v) for k, v in clip.rates.items()},
        "parameters": [_encode(p) for p in clip.parameters],
        "line_values": {k: _encode(v) for k, v in clip.line_values.items()},
        "spec_links": {k: list(v) for k, v in clip.spec_links.items()},
        "rows": [list(r) for r in clip.rows],
        "cut": clip.cut,
    }
    return json.dumps(data, ensure_ascii=False)


def clip_from_json(text: str | bytes) -> Clip:
    """The :class:`Clip` of :func:`clip_to_json`'s text.

    Raises:
        ClipError: not JSON, another version, or a shape this version does not know.
    """
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ClipError("isi papan klip bukan salinan RAB DTPL Studio") from exc
    if not isinstance(data, dict) or data.get("dtpl_clip") != CLIP_VERSION:
        raise ClipError("salinan RAB dari versi DTPL Studio lain tidak dapat ditempel")
    try:
        nodes = [_decode(n) for n in data["nodes"]]
        if not all(isinstance(n, Section | Item) for n in nodes):
            raise ClipError("isi papan klip tidak dikenal")
        return Clip(
            nodes=nodes,
            package_id=str(data["package_id"]),
            package_name=str(data.get("package_name", "")),
            book=_book_of(data["book"]),
            rates={k: Decimal(v) for k, v in data["rates"].items()},
            parameters=[_decode(p) for p in data["parameters"]],
            line_values={k: _decode(v) for k, v in data["line_values"].items()},
            spec_links={k: tuple(v) for k, v in data["spec_links"].items()},
            rows=[tuple(r) for r in data["rows"]],
            cut=bool(data.get("cut", False)),
        )
    except ClipError:
        raise
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise ClipError(f"salinan RAB rusak: {exc}") from exc


__all__ = ["CLIP_MIME", "Clip", "ClipError", "LineValue", "PastePlan", "RateConflict", "TSV_HEADER",
           "clip_from_json", "clip_to_json", "clip_tsv", "copy_nodes", "cut_edit", "pin_codes", "plan_paste"]
