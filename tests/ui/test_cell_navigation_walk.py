"""The navigation helpers walk every RAB shape the same way a reader does (issue 10 point 9):
for any tree of divisions, sub-divisions and items (typed or measured volumes), any folded
divisions and any column order, Tab visits exactly the editable cells shown, row by row in
the shown column order, Shift+Tab the same backwards, and Enter in a column exactly the rows
editable in that column."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QTreeView

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Program, Section
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.models.rab_model import Col, RabTreeModel
from dtpl_studio.ui.widgets.cell_navigation import cell_below, cell_beside, is_editable


def _item(measured: bool) -> Item:
    lines = [Measurement("ukuran", [Factor("p", D(2), "m")])] if measured else []
    return Item("item", "m", custom_rate=D(1000), custom_reason="uji", volume=D(1), measurements=lines)


children = st.recursive(
    st.builds(_item, st.booleans()),
    lambda inner: st.builds(lambda kids: Section("sub", kids), st.lists(inner, max_size=3)),
    max_leaves=8,
)
divisions = st.lists(st.builds(lambda kids: Section("DIVISI", kids), st.lists(children, max_size=4)),
                     min_size=1, max_size=3)


def shown_cells(view: QTreeView) -> list[QModelIndex]:
    """Every editable cell shown, rows top to bottom, columns in the shown order."""
    model, header = view.model(), view.header()
    columns = sorted(range(model.columnCount()), key=header.visualIndex)
    cells: list[QModelIndex] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            cells.extend(c for c in (index.siblingAtColumn(col) for col in columns) if is_editable(c))
            if view.isExpanded(index):
                walk(index)

    walk(QModelIndex())
    return cells


def key(index: QModelIndex) -> tuple[str, int]:
    return index.model().node_id(index), index.column()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sections=divisions, fold=st.lists(st.integers(0, 30), max_size=3),
       order=st.permutations(list(Col)))
def test_tab_and_enter_visit_exactly_the_editable_cells_shown(qtbot, book, sections, fold, order):
    package = Package("P", Component.FISIK, book.subset(set()), sections=sections)
    doc = ProjectDocument(Program("Uji", packages=[package]))
    model = RabTreeModel(doc)
    model.set_package(package)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    all_sections = [s for s in _sections(sections)]
    for n in fold:
        if all_sections:
            view.collapse(model.index_for_id(all_sections[n % len(all_sections)].id))
    for visual, col in enumerate(order):
        view.header().moveSection(view.header().visualIndex(col), visual)

    expected = [key(c) for c in shown_cells(view)]
    assert expected  # every division's title can be edited
    first = shown_cells(view)[0]
    forward, cell = [key(first)], first
    while (cell := cell_beside(view, cell, 1)).isValid():
        forward.append(key(cell))
    assert forward == expected
    backward, cell = [key(shown_cells(view)[-1])], shown_cells(view)[-1]
    while (cell := cell_beside(view, cell, -1)).isValid():
        backward.append(key(cell))
    assert backward == expected[::-1]
    for column in (Col.URAIAN, Col.VOLUME):
        in_column = [c for c in shown_cells(view) if c.column() == column]
        if not in_column:
            continue
        down, cell = [key(in_column[0])], in_column[0]
        while (cell := cell_below(view, cell, 1)).isValid():
            down.append(key(cell))
        assert down == [key(c) for c in in_column]


def _sections(nodes):
    for node in nodes:
        if isinstance(node, Section):
            yield node
            yield from _sections(node.children)
