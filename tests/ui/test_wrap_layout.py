"""A word-wrapped column relays its rows out once after resizes (issue 10), and every
geometry read after a resize already sees the new heights."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from dtpl_studio.ui.widgets.delegates import wrap_column


def test_narrowing_the_wrapped_column_makes_rows_taller_before_any_paint(qtbot):
    view = QTreeView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 3)
    for k in range(30):  # the wrapped column in the middle (the last one stretches)
        model.appendRow([QStandardItem(f"{k}"), QStandardItem("Pasangan batu kali 1 PC : 4 PP " * 4),
                         QStandardItem("m3")])
    view.setModel(model)
    wrap_column(view, 1)
    view.resize(1000, 400)
    view.setColumnWidth(1, 800)
    view.show()
    qtbot.waitExposed(view)
    wide = view.visualRect(model.index(0, 1)).height()
    for width in (600, 400, 200):  # several resizes in a row, as a window's layout does
        view.setColumnWidth(1, width)
    narrow = view.visualRect(model.index(0, 1)).height()  # no event loop turn in between
    assert narrow > wide
    assert view.visualRect(model.index(1, 1)).top() >= view.visualRect(model.index(0, 1)).bottom()
