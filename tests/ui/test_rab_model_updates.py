"""What one edit costs the RAB tree: which rows it announces and how many ``data()`` calls the
view makes for it (issue 10, performance: not a timed test — the counts are the mechanism).

Before: every recompute announced each division's whole range (and the header sized its
columns to the contents of every row), 1,8 million ``data()`` calls for one edit at 1 000
items. Now: the item and its ancestors, for the figure roles only.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from benchmarks.generate import generated_program
from dtpl_studio.costing import edits
from dtpl_studio.ui.commands import EditCommand
from dtpl_studio.ui.models.measurement_model import MCol
from dtpl_studio.ui.models.rab_model import Col, RabTreeModel


def _record(model: RabTreeModel) -> list[tuple[str, int, int, int, int, list]]:
    seen: list = []

    def on_changed(top_left, bottom_right, roles=()):
        seen.append((model.node_id(top_left), top_left.row(), bottom_right.row(), top_left.column(),
                     bottom_right.column(), list(roles)))

    model.dataChanged.connect(on_changed)
    return seen


def test_volume_edit_announces_the_item_and_its_ancestors_only(window):
    model = window.rab_editor.model
    physical = window.doc.program.packages[1]
    tanah = physical.sections[1]
    urug = tanah.children[1]
    seen = _record(model)
    assert model.setData(model.index_for_id(urug.id, Col.VOLUME), "5")
    assert {s[0] for s in seen} == {urug.id, tanah.id}
    # one signal per row over the cells that show something new: the item's volume to amount,
    # the division's subtotal (the funding cells, "BLM fisik", are the same)
    assert sorted((s[0] == urug.id, s[3], s[4]) for s in seen) == [
        (False, Col.AMOUNT, Col.AMOUNT), (True, Col.VOLUME, Col.AMOUNT)]
    for _node, top, bottom, _left, _right, roles in seen:
        assert top == bottom
        assert Qt.ItemDataRole.DisplayRole in roles and Qt.ItemDataRole.FontRole not in roles
    assert model.data(model.index_for_id(urug.id, Col.VOLUME)) == "5,00"
    seen.clear()
    window.undo()
    assert {s[0] for s in seen} == {urug.id, tanah.id}
    assert model.data(model.index_for_id(urug.id, Col.VOLUME)) == "4,50"


def test_a_rename_of_a_division_repaints_that_row_only(window):
    model = window.rab_editor.model
    tanah = window.doc.program.packages[1].sections[1]
    seen = _record(model)
    assert model.setData(model.index_for_id(tanah.id, Col.URAIAN), "TANAH")
    assert [s[0] for s in seen] == [tanah.id]


def test_insert_move_remove_are_row_signals_not_resets(qtbot, window):
    model = window.rab_editor.model
    doc = window.doc
    physical = doc.program.packages[1]
    persiapan, tanah, _saluran = physical.sections
    galian, urug = tanah.children
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.rowsMoved) as moved:
            doc.undo_stack.push(EditCommand(doc, edits.move_up_down(doc.program, urug.id, -1), "naik"))
        assert moved.args[1:3] == [1, 1] and moved.args[4] == 0
        assert model.node_id(model.index(1, 0, model.index_for_id(tanah.id))) == galian.id
        # renumbered: the moved pair shows 1 and 2 again
        assert model.data(model.index_for_id(urug.id, Col.NO)) == "1"
        with qtbot.waitSignal(model.rowsInserted) as inserted:
            doc.undo_stack.push(EditCommand(doc, edits.indent(doc.program, tanah.id), "indent"))
        assert model.node_id(inserted.args[0]) == persiapan.id
        assert window.rab_editor.view.isExpanded(model.index_for_id(tanah.id))  # shown open
        assert model.data(model.index_for_id(tanah.id, Col.NO)) == "2"  # now I.2, after the papan nama
        doc.undo_stack.undo()
        doc.undo_stack.undo()
    assert physical.sections[1].children == [galian, urug]
    assert model.rowCount() == 3


@pytest.fixture
def big_window(qtbot, monkeypatch):
    """The window on a generated 200-item RAB (3 back-up lines each), shown, with a counter
    of the RAB tree model's ``data()`` calls."""
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.ui.main_window import MainWindow

    calls = [0]
    original = RabTreeModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(RabTreeModel, "data", counting)
    book = load_default_book()
    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.open_program(generated_program(book, 200), None)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(10)
    return win, calls


def test_one_backup_edit_costs_a_few_rows_of_data_calls_not_the_tree(qtbot, big_window):
    win, calls = big_window
    model = win.rab_editor.model
    rows = 0

    def count(parent: QModelIndex) -> None:
        nonlocal rows
        for r in range(model.rowCount(parent)):
            rows += 1
            count(model.index(r, 0, parent))

    count(QModelIndex())
    assert rows == 224  # 200 items in 8 divisions of 2 parts each
    item = list(win.doc.program.packages[0].items())[150]  # far below the visible rows
    assert win.rab_editor.select_id(item.id)
    qtbot.wait(10)
    panel = win.measurements.model
    before_total = win.rab_editor.summary.values["direct"].text()
    calls[0] = 0
    assert panel.setData(panel.index(0, MCol.P), "99 m", Qt.ItemDataRole.EditRole)
    qtbot.wait(10)
    per_edit = calls[0]
    assert win.rab_editor.summary.values["direct"].text() != before_total
    # the edited row, its two ancestors and the visible rows Qt repaints around it: a few
    # hundred calls; announcing whole divisions and sizing columns to contents was ~50 000
    print("data() calls per edit:", per_edit)
    assert per_edit < 1500, per_edit
    calls[0] = 0
    win.undo()
    qtbot.wait(10)
    assert calls[0] < 1500, calls[0]
    assert win.rab_editor.summary.values["direct"].text() == before_total
    assert item.measurements[0].factors[1].value == Decimal(item.measurements[0].factors[1].value)
