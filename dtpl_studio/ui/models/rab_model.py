"""The RAB tree of one package as a :class:`QAbstractItemModel` (divisions → items).

Columns follow the printed RAB (DOMAIN.md §5.1): No, Uraian Pekerjaan, Volume, Satuan,
Harga Satuan (Rp), Jumlah Harga (Rp), then Sumber dana (issue 6 point 3): the item's source,
or its split as "BLM fisik 80 % · Swadaya tunai 20 %" (the core's split, in rupiah, as
shares of the item); a source the item or division inherits is dimmed and italic. Division
rows are bold and carry their subtotal in the Jumlah column. Every figure is read from the document's latest
:class:`~dtpl_studio.costing.rab.PricedPackage` and formatted the Indonesian way
(:mod:`dtpl_studio.costing.formatting`); nothing is computed here.

``setData`` never mutates the programme: it pushes an undo command (AESTHETICS.md §2.4).

After every recompute the model walks the new priced tree beside its rows (issue 10,
performance): a row whose priced object is the same one as before (the core reused it) is
left alone; a row whose shown figures changed gets one ``dataChanged`` over the cells that
show something new (display/colour/tooltip roles; the font too when a funding cell turns
inherited or explicit) — for a volume edit that is the item's volume to amount cells and its
ancestors' amount cell.
Rows added, removed or moved are announced with ``rowsInserted``/``rowsRemoved``/
``rowsMoved`` under their own parent, so the view keeps expansion and selection. Formatted
texts are cached per row until its priced object changes.
"""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from dtpl_studio.costing.formatting import format_number, format_rate, format_rupiah, quantize_shown
from dtpl_studio.costing.funding import Component, FundingSource, shares_of
from dtpl_studio.costing.items import OriginKind, RateOrigin, rate_origin
from dtpl_studio.costing.rab import Item, Package, PricedItem, PricedSection, Section
from dtpl_studio.ui.commands import SetTextCommand, SetVolumeCommand
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.guard import guarded
from dtpl_studio.ui.messages import explain_short
from dtpl_studio.ui.parsing import EntryError, check_range, format_for_editor, read_number
from dtpl_studio.ui.strings import tr


class Col(IntEnum):
    """Columns of the RAB tree."""

    NO = 0
    URAIAN = 1
    VOLUME = 2
    SATUAN = 3
    RATE = 4
    AMOUNT = 5
    FUNDING = 6
    ORIGIN = 7  # where the unit rate comes from (issue 10 point 2)


HEADER_KEYS = {
    Col.NO: "col.no", Col.URAIAN: "col.uraian", Col.VOLUME: "col.volume",
    Col.SATUAN: "col.satuan", Col.RATE: "col.rate", Col.AMOUNT: "col.amount",
    Col.FUNDING: "col.funding", Col.ORIGIN: "col.origin",
}
NUMERIC = (Col.VOLUME, Col.RATE, Col.AMOUNT)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
ERROR_COLOR = QColor("#b3261e")
SECTION_BACKGROUND = QColor("#e8eef6")
INHERITED_COLOR = QColor("#6b7480")
ADJUSTED_COLOR = QColor("#8a4b00")  # an adjusted unit rate: its rate and origin cells

Index = QModelIndex | QPersistentModelIndex


def _percent_text(share: Decimal | None) -> str:
    """``0.8`` → ``80 %``; ``0.125`` → ``12,5 %`` (to a tenth of a percent); None → ``–``."""
    if share is None:
        return "–"
    value = quantize_shown(share * 100, 1)
    if value == value.to_integral_value():
        value = quantize_shown(value, 0)  # already whole: drop the ",0"
    return f"{format_number(value)} %"


class _Node:
    """One row: a priced section or item, with its parent and children rows, and the texts
    already formatted for it (``cache``: ``role * 8 + column`` → value) and what it showed
    when they were made (``shown``, see :func:`_shown`: the programme's objects change in
    place, so the old values are kept here)."""

    __slots__ = ("cache", "children", "id", "inherited", "parent", "priced", "row", "shown")

    def __init__(self, priced: PricedSection | PricedItem | None, parent: _Node | None, row: int,
                 inherited: FundingSource | None = None):
        self.priced = priced
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []
        self.cache: dict[int, object] = {}
        #: the funding source a division takes from above (None for items: their split says it)
        self.inherited = inherited
        self.shown = None if priced is None else _shown(priced, inherited)
        if priced is None:
            self.id = ""
        elif isinstance(priced, PricedSection):
            self.id = priced.section.id
        else:
            self.id = priced.item.id

    @property
    def is_section(self) -> bool:
        """True for a division row."""
        return isinstance(self.priced, PricedSection)


def _build(sections, parent: _Node, inherited: dict[str, FundingSource | None]) -> None:
    for row, ps in enumerate(sections):
        node = _Node(ps, parent, row, inherited.get(_priced_id(ps)))
        parent.children.append(node)
        if isinstance(ps, PricedSection):
            _build(ps.children, node, inherited)


def _inherited(pp) -> dict[str, FundingSource | None]:
    """Section id → the funding source it inherits (the core's, from pricing)."""
    return {sid: result.inherited for sid, result in pp.section_results.items()}


def _priced_id(priced: PricedSection | PricedItem) -> str:
    return priced.section.id if isinstance(priced, PricedSection) else priced.item.id


def _shown(priced: PricedSection | PricedItem, inherited: FundingSource | None = None) -> tuple:
    """What each cell of a row shows (one entry per :class:`Col`): a cell whose entry changed
    needs a repaint. The programme's objects change in place, so the values are copied."""
    if isinstance(priced, PricedSection):
        section = priced.section
        return (priced.label, section.title, None, None, None, priced.total,
                (section.funding is None, section.funding, inherited), None)
    item = priced.item
    error = priced.error
    origin = (item.analysis_code, item.rate_override, item.override_reason, item.custom_rate,
              item.custom_reason, item.custom_source, item.unit, priced.rate)
    return (priced.label,
            (item.description, error, *origin),
            (priced.volume, item.volume, len(item.measurements), error),
            item.unit,
            (error, *origin),
            (priced.amount, error),
            # the shares, not the rupiah: a volume edit does not repaint "BLM fisik"
            (item.funding is None and not item.funding_split, item.funding,
             tuple((source, share) for source, _, share in shares_of(priced.funding)), error),
            origin)


#: roles that change with the figures (alignment, fonts and flags do not)
_FIGURE_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.ToolTipRole]
#: a funding cell that turns inherited (italic) or explicit: its font changes too
_FONT_ROLES = [*_FIGURE_ROLES, Qt.ItemDataRole.FontRole]


class RabTreeModel(QAbstractItemModel):
    """Tree model over one package of a :class:`ProjectDocument`.

    Signals:
        edit_rejected(str): a typed value could not be used (message for the status bar).
    """

    #: the node id (section or item ``id``) of a row
    NodeIdRole = Qt.ItemDataRole.UserRole + 1
    #: ``"section"`` or ``"item"``
    KindRole = Qt.ItemDataRole.UserRole + 2

    edit_rejected = Signal(str)

    def __init__(self, doc: ProjectDocument, parent=None):
        super().__init__(parent)
        self.doc = doc
        self.package: Package | None = None
        self._root = _Node(None, None, 0)
        self._nodes: dict[str, _Node] = {}  # node id → row, for the rows a value edit touched
        self._inherit: dict[str, FundingSource | None] = {}  # section id → inherited source
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)
        doc.repriced.connect(self._on_repriced)

    # -- package selection -------------------------------------------------------------------
    def set_package(self, package: Package | None) -> None:
        """Show ``package`` (one of the document's packages, or None)."""
        self.beginResetModel()
        self.package = package
        self._root = self._new_root()
        self._map_nodes()
        self.endResetModel()

    def _map_nodes(self) -> None:
        nodes: dict[str, _Node] = {}
        todo = list(self._root.children)
        while todo:
            node = todo.pop()
            nodes[node.id] = node
            todo.extend(node.children)
        self._nodes = nodes

    def _new_root(self) -> _Node:
        root = _Node(None, None, 0)
        if self.package is not None:
            pp = self.doc.priced_package(self.package)
            self._inherit = _inherited(pp)
            _build(pp.sections, root, self._inherit)
        return root

    def _on_repriced(self, structural: bool) -> None:
        if self.package is None:
            return
        if not any(p is self.package for p in self.doc.program.packages):
            self.set_package(None)  # the package was removed
            return
        changed = self.doc.last_changed
        pp = self.doc.priced_package(self.package)
        self._inherit = _inherited(pp)
        if not structural and changed is not None:
            self._update_paths(changed)
            return
        self._sync(self._root, pp.sections, QModelIndex())
        self._map_nodes()

    def _refresh(self, node: _Node, priced: PricedSection | PricedItem) -> None:
        """Give ``node`` its new priced object; one ``dataChanged`` over the cells that show
        something new (from the first to the last of them)."""
        inherited = self._inherit.get(node.id) if isinstance(priced, PricedSection) else None
        shown = _shown(priced, inherited)
        node.priced = priced
        node.inherited = inherited
        node.cache.clear()
        old = node.shown
        if shown == old:
            return
        node.shown = shown
        cols = [c for c in range(len(Col)) if old is None or shown[c] != old[c]]
        font = Col.FUNDING in cols and (old is None or shown[Col.FUNDING][0] != old[Col.FUNDING][0])
        # one signal per row (the view measures the row's height once per signal), over the
        # columns from the first to the last that changed
        self.dataChanged.emit(self.createIndex(node.row, cols[0], node),
                              self.createIndex(node.row, cols[-1], node), _FONT_ROLES if font else _FIGURE_ROLES)

    def _update_paths(self, changed) -> None:
        """A value edit: only the changed items' rows and the rows above them can show
        something new (the core reused every other priced object)."""
        priced = self.doc.priced_package(self.package)
        seen: set[int] = set()
        for node_id in changed:
            node = self._nodes.get(node_id)
            if node is not None and node.is_section:
                # a division's own fields (its funding source) reach every row below it
                new = priced.node(node_id)
                if isinstance(new, PricedSection):
                    self._sync(node, new.children, self.createIndex(node.row, 0, node))
            while node is not None and node is not self._root and id(node) not in seen:
                seen.add(id(node))
                new = priced.node(node.id)
                if new is not None and (new is not node.priced or node.id in changed):
                    self._refresh(node, new)
                node = node.parent

    def _sync(self, node: _Node, priced_children, parent_index: QModelIndex) -> None:
        """Bring ``node``'s rows to ``priced_children``: move, remove and insert rows with
        the matching signals, then update the rows that stayed (recursively)."""
        new_ids = [_priced_id(p) for p in priced_children]
        if [c.id for c in node.children] != new_ids:
            self._reshape(node, priced_children, new_ids, parent_index)
        for child, priced in zip(node.children, priced_children, strict=True):
            if child.priced is priced:
                continue  # reused by the core: nothing below changed
            self._refresh(child, priced)
            if isinstance(priced, PricedSection):
                self._sync(child, priced.children, self.index(child.row, 0, parent_index))

    def _reshape(self, node: _Node, priced_children, new_ids: list[str], parent_index: QModelIndex) -> None:
        wanted = set(new_ids)
        # 1. rows that are gone
        for row in range(len(node.children) - 1, -1, -1):
            if node.children[row].id not in wanted:
                self.beginRemoveRows(parent_index, row, row)
                del node.children[row]
                self._renumber(node)
                self.endRemoveRows()
        # 2. rows that stay, in the new order
        present = {c.id for c in node.children}
        order = [i for i in new_ids if i in present]
        for target, node_id in enumerate(order):
            current = next(r for r in range(target, len(node.children)) if node.children[r].id == node_id)
            if current != target:
                self.beginMoveRows(parent_index, current, current, parent_index, target)
                node.children.insert(target, node.children.pop(current))
                self._renumber(node)
                self.endMoveRows()
        # 3. new rows
        for row, (node_id, priced) in enumerate(zip(new_ids, priced_children, strict=True)):
            if node_id not in present:
                self.beginInsertRows(parent_index, row, row)
                child = _Node(priced, node, row, self._inherit.get(node_id))
                if isinstance(priced, PricedSection):
                    _build(priced.children, child, self._inherit)
                node.children.insert(row, child)
                self._renumber(node)
                self.endInsertRows()

    @staticmethod
    def _renumber(node: _Node) -> None:
        for row, child in enumerate(node.children):
            child.row = row

    # -- lookups -------------------------------------------------------------------------------
    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def node_id(self, index: Index) -> str:
        """Id of the section or item at ``index`` ("" for the root)."""
        return self._node(index).id

    def priced_at(self, index: Index) -> PricedSection | PricedItem | None:
        """The priced section or item shown at ``index``."""
        return self._node(index).priced

    def item_at(self, index: Index) -> Item | None:
        """The :class:`Item` at ``index``, or None for a division row."""
        priced = self._node(index).priced
        return priced.item if isinstance(priced, PricedItem) else None

    def section_at(self, index: Index) -> Section | None:
        """The :class:`Section` at ``index``, or None for an item row."""
        priced = self._node(index).priced
        return priced.section if isinstance(priced, PricedSection) else None

    def index_for_id(self, node_id: str, column: int = 0) -> QModelIndex:
        """The index of the node with ``node_id`` (invalid when not shown)."""
        def walk(node: _Node, parent_index: QModelIndex) -> QModelIndex | None:
            for child in node.children:
                idx = self.index(child.row, column, parent_index)
                if child.id == node_id:
                    return idx
                found = walk(child, self.index(child.row, 0, parent_index))
                if found is not None:
                    return found
            return None

        return walk(self._root, QModelIndex()) or QModelIndex()

    # -- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt override."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt override."""
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Qt override."""
        return len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Qt override: Indonesian column titles, numeric columns right-aligned."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADER_KEYS[Col(section)])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section in NUMERIC:
                return int(RIGHT)
            if section in (Col.NO, Col.SATUAN):
                return int(CENTER)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Qt override: Uraian is editable; Volume too for items without back-up lines."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        if col == Col.URAIAN:
            flags |= Qt.ItemFlag.ItemIsEditable
        elif col == Col.VOLUME:
            item = self.item_at(index)
            if item is not None and not item.measurements:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @guarded(None)
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        """Qt override: display, edit text, alignment, bold divisions, errors in red."""
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        key = role * 8 + index.column()
        cache = node.cache
        if key in cache:
            return cache[key]
        col = Col(index.column())
        priced = node.priced
        if role == self.NodeIdRole:
            value = node.id
        elif role == self.KindRole:
            value = "section" if node.is_section else "item"
        elif isinstance(priced, PricedSection):
            value = self._section_data(priced, col, role, node.inherited)
        else:
            value = self._item_data(priced, col, role)
        cache[key] = value
        return value

    def _section_data(self, ps: PricedSection, col: Col, role: int, inherited: FundingSource | None = None):
        if col == Col.FUNDING:
            return self._section_funding(ps, role, inherited)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == Col.NO:
                return ps.label
            if col == Col.URAIAN:
                return ps.section.title
            if col == Col.AMOUNT:
                return format_rupiah(ps.total)
            return None
        if role == Qt.ItemDataRole.EditRole and col == Col.URAIAN:
            return ps.section.title
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and ps.depth == 0:
            return QBrush(SECTION_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (Col.URAIAN, Col.AMOUNT):
            return tr("rab.subtotal_tip", number=ps.number, amount=format_rupiah(ps.total))
        return None

    def _item_data(self, pi: PricedItem, col: Col, role: int):
        item = pi.item
        if col == Col.FUNDING:
            return self._item_funding(pi, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._item_display(pi, col)
        if role == Qt.ItemDataRole.EditRole:
            if col == Col.VOLUME:
                return format_for_editor(item.volume)
            if col == Col.URAIAN:
                return item.description
            return self._item_display(pi, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(col)
        if role == Qt.ItemDataRole.ForegroundRole and pi.error:
            return QBrush(ERROR_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and col in (Col.RATE, Col.ORIGIN) and item.rate_override is not None:
            return QBrush(ADJUSTED_COLOR)
        if role == Qt.ItemDataRole.FontRole and col == Col.ORIGIN and item.analysis_code is None:
            return self._italic  # an own rate, not a book's
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._item_tooltip(pi, col)
        return None

    def _item_display(self, pi: PricedItem, col: Col) -> str | None:
        if col == Col.NO:
            return pi.label
        if col == Col.URAIAN:
            return pi.item.description
        if col == Col.SATUAN:
            return pi.item.unit
        if col == Col.VOLUME:
            if pi.volume is None:
                return tr("rab.error")
            return format_number(pi.volume, self._volume_decimals())
        if col == Col.RATE:
            # the PDF's text for the rate (reporting.common.money): 1.234,50 on both
            return tr("rab.error") if pi.rate is None else format_rate(pi.rate)
        if col == Col.AMOUNT:
            return format_rupiah(pi.amount)
        if col == Col.ORIGIN:
            return self._origin_short(self.origin_of(pi.item))
        return None

    # -- where the rate comes from (issue 10 point 2) --------------------------------------------
    def origin_of(self, item: Item) -> RateOrigin:
        """:func:`~dtpl_studio.costing.items.rate_origin` of ``item`` against the package's book."""
        assert self.package is not None
        return rate_origin(item, self.package.book)

    @staticmethod
    def _origin_short(origin: RateOrigin) -> str:
        """The code (``A.2.3.1.1``), ``khusus`` / ``ls khusus``, ``–``; `` ✎`` when adjusted."""
        if origin.code:
            text = origin.code
        elif origin.custom:
            text = tr("rab.origin.lump_short" if origin.lump_sum else "rab.origin.custom_short")
        else:
            text = "–"
        return f"{text} ✎" if origin.kind is OriginKind.OVERRIDE else text

    def origin_lines(self, item: Item) -> list[str]:
        """The origin of ``item``'s rate, in the window's language: analysis and book with
        its edition (and the analysis name); own rate or lump sum with reason and source;
        an adjustment old → new with its reason."""
        origin = self.origin_of(item)
        none = tr("rab.origin.no_reason")
        lines: list[str] = []
        if origin.code:
            lines.append(tr("rab.origin.book", code=origin.code, book=origin.book))
            analysis = self.package.book.analyses.get(origin.code) if self.package else None
            if analysis is not None:
                lines.append(tr("rab.origin.name", name=" ".join(analysis.name.split())))
        elif origin.custom:
            lines.append(tr("rab.origin.lump" if origin.lump_sum else "rab.origin.custom",
                            reason=origin.reason_of_custom or none))
            lines.append(tr("rab.origin.source", source=origin.source) if origin.source
                         else tr("rab.origin.no_source"))
        if origin.kind is OriginKind.OVERRIDE:
            old = "?" if origin.base_rate is None else f"Rp {format_rate(origin.base_rate)}"
            new = "?" if origin.rate is None else f"Rp {format_rate(origin.rate)}"
            lines.append(tr("rab.origin.override", old=old, new=new, reason=origin.reason or none))
        if origin.kind is OriginKind.NONE:
            lines.append(tr("rab.origin.none"))
        return lines

    def _item_tooltip(self, pi: PricedItem, col: Col) -> str | None:
        item = pi.item
        lines: list[str] = []
        if col in (Col.URAIAN, Col.RATE, Col.ORIGIN):
            lines.extend(self.origin_lines(item))
            if col != Col.URAIAN:
                lines.append(tr("rab.origin.hint"))
        if col == Col.VOLUME:
            if item.measurements:
                lines.append(tr("rab.measured_tip", n=len(item.measurements)))
            else:
                lines.append(tr("rab.edit_volume_tip"))
        if pi.error:
            lines.append(pi.error)
        return "\n".join(lines) or None

    # -- the funding column (issue 6 point 3) ---------------------------------------------------
    def _source_text(self, source: FundingSource) -> str:
        """``BLM fisik`` / ``BLM perencanaan`` (the package's component) or the source's name."""
        if source is FundingSource.BLM and self.package is not None:
            if self.package.component is Component.PERENCANAAN:
                return tr("fund.blm.perencanaan")
            if self.package.component is Component.FISIK:
                return tr("fund.blm.fisik")
        return tr(f"ov.source.{source.value}")

    def _split_text(self, pi: PricedItem) -> str:
        """``BLM fisik 80 % · Swadaya tunai 20 %`` (shares of the item's rupiah, as split by
        the core); one source alone is its name."""
        parts = shares_of(pi.funding)
        if len(parts) <= 1:
            source = parts[0][0] if parts else (pi.item.funding or FundingSource.BLM)
            return self._source_text(source)
        return " · ".join(f"{self._source_text(source)} {_percent_text(share)}" for source, _, share in parts)

    def _item_funding(self, pi: PricedItem, role: int):
        item = pi.item
        inherited = item.funding is None and not item.funding_split
        if role == Qt.ItemDataRole.DisplayRole:
            if not pi.funding:  # an item in error: no split, only its source
                parent = self._node_parent_source(item.id)
                return self._source_text(item.funding or parent or FundingSource.BLM)
            return self._split_text(pi)
        if role == Qt.ItemDataRole.FontRole and inherited:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and inherited:
            return QBrush(INHERITED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{self._source_text(source)}: Rp {format_rupiah(value)}" for source, value in pi.funding]
            if inherited:
                lines.insert(0, tr("rab.funding_inherited", source=self._split_text(pi)))
            lines.append(tr("rab.funding_tip"))
            return "\n".join(lines)
        return None

    def _node_parent_source(self, node_id: str) -> FundingSource | None:
        node = self._nodes.get(node_id)
        parent = node.parent if node is not None else None
        if parent is None or not parent.is_section:
            return None
        return parent.priced.section.funding or parent.inherited

    def _section_funding(self, ps: PricedSection, role: int, inherited: FundingSource | None):
        own = ps.section.funding
        source = own or inherited or FundingSource.BLM
        if role == Qt.ItemDataRole.DisplayRole:
            return self._source_text(source)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if own is None else self._bold
        if role == Qt.ItemDataRole.ForegroundRole and own is None:
            return QBrush(INHERITED_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and ps.depth == 0:
            return QBrush(SECTION_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and own is None:
            return tr("rab.funding_inherited", source=self._source_text(source))
        return None

    @staticmethod
    def _alignment(col: Col):
        if col in NUMERIC:
            return int(RIGHT)
        if col in (Col.NO, Col.SATUAN):
            return int(CENTER)
        return None

    def _volume_decimals(self) -> int:
        return self.package.settings.volume_decimals if self.package else 2

    @guarded(False, rejected="edit_rejected")
    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Qt override: push an undo command for a new volume or description.

        ``value`` for Volume is text read by :func:`dtpl_studio.ui.parsing.read_number`
        (``"12,5"``, ``"1.250"``) or a Decimal/int. Returns False (and emits
        :attr:`edit_rejected` with the reason and the limit) when it cannot be read or is out
        of the entry range; never raises into Qt.
        """
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        col = index.column()
        node: _Node = index.internalPointer()
        if col == Col.URAIAN:
            text = str(value).strip()
            target = node.priced.section if node.is_section else node.priced.item
            current = target.title if node.is_section else target.description
            if not text or text == current:
                return False
            self.doc.undo_stack.push(SetTextCommand(self.doc, target, text))
            return True
        if col == Col.VOLUME and not node.is_section:
            item = node.priced.item
            if item.measurements:
                return False
            volume = self._read_volume(value)
            if volume is None:
                return False
            if volume != item.volume:
                self.doc.undo_stack.push(SetVolumeCommand(self.doc, item, volume))
            return True
        return False

    def _read_volume(self, value) -> Decimal | None:
        try:
            if isinstance(value, Decimal | int) and not isinstance(value, bool):
                return check_range(Decimal(value), "volume")
            return read_number(str(value).strip(), "volume")
        except EntryError as exc:
            self.edit_rejected.emit(tr("rab.refused", reason=explain_short(exc)))
            return None
