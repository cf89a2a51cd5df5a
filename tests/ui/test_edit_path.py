"""What one volume edit costs the window, counted (issue 10, the edit path; not a timed test —
the timings are ``make bench``'s).

* the RAB tree model announces the edited row and its ancestors only, and the view asks it
  for the same number of cells whatever the size of the RAB (200 or 800 items);
* nothing is laid out again: the RAB tree and the summary under it keep their size (the
  terbilang line reserves its lines), and no widget is re-styled when its colours stay
  (the BLM cards, the measurement total, the status bar).
"""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generated_program
from dtpl_studio.ui.models.measurement_model import MCol
from dtpl_studio.ui.models.rab_model import RabTreeModel


class _Events(QObject):
    """Counts Resize and StyleChange events per widget object name/class while ``on``."""

    def __init__(self):
        super().__init__()
        self.on = False
        self.seen: Counter = Counter()

    def eventFilter(self, obj, event):  # noqa: N802
        if self.on and event.type() in (QEvent.Type.Resize, QEvent.Type.StyleChange):
            self.seen[(type(obj).__name__, obj.objectName(), event.type().name)] += 1
        return False


@pytest.fixture
def sized_window(qtbot, monkeypatch):
    """A factory: the window on a generated RAB of ``n`` items (3 back-up lines each), shown,
    with a counter of the RAB tree model's ``data()`` calls."""
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.ui.main_window import MainWindow

    calls = [0]
    original = RabTreeModel.data

    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)

    monkeypatch.setattr(RabTreeModel, "data", counting)
    book = load_default_book()

    def make(n: int):
        win = MainWindow(library_book=lambda: book)
        qtbot.addWidget(win)
        win.open_program(generated_program(book, n), None)
        win.resize(1400, 900)
        win.show()
        qtbot.waitExposed(win)
        qtbot.wait(10)
        return win

    return make, calls


def _edit_once(qtbot, win, calls, value: str) -> tuple[int, list]:
    """Select the middle item, type ``value`` into its first line's p; the data() calls and
    the dataChanged rows it cost."""
    items = list(win.doc.program.packages[0].items())
    assert win.rab_editor.select_id(items[len(items) // 2].id)
    qtbot.wait(10)
    model = win.rab_editor.model
    rows: list = []
    model.dataChanged.connect(lambda tl, br, roles=(): rows.append((model.node_id(tl), tl.row(), br.row())))
    panel = win.measurements.model
    calls[0] = 0
    assert panel.setData(panel.index(0, MCol.P), value, Qt.ItemDataRole.EditRole)
    qtbot.wait(10)
    return calls[0], rows


def test_one_edit_costs_the_same_cells_at_200_and_800_items(qtbot, sized_window):
    make, calls = sized_window
    costs = {}
    for n in (200, 800):
        win = make(n)
        per_edit, rows = _edit_once(qtbot, win, calls, "77 m")
        item = list(win.doc.program.packages[0].items())[n // 2]
        ancestors = {win.doc.parent_id(item.id), win.doc.parent_id(win.doc.parent_id(item.id))}
        assert {r[0] for r in rows} == {item.id} | ancestors  # the row and its two ancestors
        assert all(top == bottom for _, top, bottom in rows)  # one row per signal
        costs[n] = per_edit
        win.close()
    # the same visible rows are painted: the cost does not follow the size of the RAB
    assert costs[800] <= costs[200] * 1.2 + 20, costs


def test_one_edit_lays_nothing_out_again_and_restyles_nothing_that_keeps_its_colour(qtbot, sized_window):
    make, calls = sized_window
    win = make(200)
    _edit_once(qtbot, win, calls, "21 m")  # the first edit may settle the layout
    win.undo()
    qtbot.wait(10)
    events = _Events()
    QApplication.instance().installEventFilter(events)
    try:
        events.on = True
        for value in ("23 m", "97 m"):  # totals and their terbilang change, the verdict does not
            before = win.blm.verdict.kind
            _edit_once(qtbot, win, calls, value)
            assert win.blm.verdict.kind is before
            win.undo()
            qtbot.wait(10)
        events.on = False
    finally:
        QApplication.instance().removeEventFilter(events)
    resized = {k: v for k, v in events.seen.items() if k[2] == "Resize"}
    restyled = {k: v for k, v in events.seen.items() if k[2] == "StyleChange"}
    assert not any(name in ("RabTreeView", "SummaryPanel") for name, _, _ in resized), resized
    assert not restyled, restyled


def test_the_summary_keeps_its_height_whether_the_terbilang_takes_one_line_or_three(qtbot, sized_window):
    """A total typed from Rp 5 juta to Rp 999 triliun changes its words from one line to
    three: the panel under the tree keeps its height, so the tree is not resized and the
    whole window is not repainted on that keystroke."""
    make, _calls = sized_window
    win = make(200)
    summary = win.rab_editor.summary
    heights = []
    for words in ("lima juta rupiah", "sembilan ratus sembilan puluh sembilan triliun sembilan ratus "
                  "sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan "
                  "ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan rupiah"):
        summary.terbilang.setText(f"Terbilang: {words}")
        qtbot.wait(10)
        heights.append((summary.height(), win.rab_editor.view.height()))
    assert heights[0] == heights[1], heights


def test_a_factor_typed_into_one_line_repaints_that_line_only(qtbot, sized_window):
    """The measurement table announces the line the edit replaced (and a line whose volume
    changed), not every cell of every line."""
    make, calls = sized_window
    win = make(200)
    items = list(win.doc.program.packages[0].items())
    assert win.rab_editor.select_id(items[100].id)
    qtbot.wait(10)
    panel = win.measurements.model
    assert panel.rowCount() == 3
    rows: list = []
    panel.dataChanged.connect(lambda tl, br, roles=(): rows.append((tl.row(), br.row())))
    assert panel.setData(panel.index(1, MCol.P), "55 m", Qt.ItemDataRole.EditRole)
    qtbot.wait(10)
    assert set(rows) == {(1, 1)}, rows
    rows.clear()
    win.undo()
    qtbot.wait(10)
    assert set(rows) == {(1, 1)}, rows
