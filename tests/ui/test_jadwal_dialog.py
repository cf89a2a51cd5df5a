"""The Jadwal pelaksanaan dan kurva S window (issue 9 point 4): the table shows the core's
schedule, editing a start or a duration cell is one undo step, a refused value is explained
and changes nothing, the crew and the reset are undoable, the curve is drawn over the weeks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dtpl_studio.costing.edits import SetItemSchedule
from dtpl_studio.costing.jadwal import jadwal_package
from dtpl_studio.ui.widgets.jadwal_dialog import COL_DURATION, COL_START, WEEK0, JadwalDialog


@pytest.fixture
def dialog(qtbot, window):
    window.jadwal_action.trigger()  # Sunting › Jadwal pelaksanaan dan kurva S…
    dlg = window.findChild(JadwalDialog)
    assert dlg is not None and dlg.isVisible()
    return dlg


def _core(window, dlg):
    pkg = dlg.package()
    pp = next(p for p in window.doc.priced.packages if p.package is pkg)
    return jadwal_package(pp)


def _row_index(dlg, item_id):
    return next(i for i, e in enumerate(dlg.model.entries) if e[0] == "item" and e[1].item_id == item_id)


def test_opens_on_the_current_package_and_shows_the_core_schedule(window, dialog):
    assert dialog.package() is window.rab_editor.package
    j = _core(window, dialog)
    model = dialog.model
    assert model.columnCount() == WEEK0 + j.weeks
    item_rows = [e[1] for e in model.entries if e[0] == "item"]
    assert [r.item_id for r in item_rows] == [r.item_id for r in j.rows]
    last = model.rowCount() - 1
    assert model.data(model.index(last, WEEK0 + j.weeks - 1)) == "100,00"
    assert model.data(model.index(last - 1, 2)) == "100,00"  # Σ bobot
    r = j.rows[0]
    i = _row_index(dialog, r.item_id)
    assert model.data(model.index(i, 2)) == f"{r.bobot:.2f}".replace(".", ",")
    assert model.data(model.index(i, WEEK0 + r.start - 1), Qt.ItemDataRole.UserRole + 1) == r.weekly[0]
    assert model.data(model.index(i, COL_START), Qt.ItemDataRole.FontRole).italic()  # a default


def test_editing_a_cell_is_one_undo_step(window, dialog):
    stack = window.doc.undo_stack
    depth = stack.count()
    j = _core(window, dialog)
    r = j.rows[0]
    i = _row_index(dialog, r.item_id)
    assert dialog.model.setData(dialog.model.index(i, COL_DURATION), "3")
    assert stack.count() == depth + 1
    item = next(it for it in dialog.package().items() if it.id == r.item_id)
    assert item.duration_weeks == 3
    assert dialog.model.data(dialog.model.index(i, COL_DURATION)) == "3"
    assert dialog.model.setData(dialog.model.index(i, COL_START), "2")
    assert stack.count() == depth + 2 and item.start_week == 2
    assert dialog.model.columnCount() == WEEK0 + _core(window, dialog).weeks
    stack.undo()
    assert item.start_week is None and item.duration_weeks == 3
    stack.undo()
    assert item.duration_weeks is None
    assert _core(window, dialog) == j
    stack.redo()
    assert item.duration_weeks == 3 and dialog.model.data(dialog.model.index(i, COL_DURATION)) == "3"


def test_a_refused_value_is_explained_and_changes_nothing(window, dialog):
    stack = window.doc.undo_stack
    depth = stack.count()
    r = _core(window, dialog).rows[0]
    i = _row_index(dialog, r.item_id)
    assert not dialog.model.setData(dialog.model.index(i, COL_START), "0")
    assert "Minggu mulai item" in dialog.message.text() and r.description[:15] in dialog.message.text()
    assert not dialog.model.setData(dialog.model.index(i, COL_START), "60")
    assert "52 minggu" in dialog.message.text()
    assert not dialog.model.setData(dialog.model.index(i, COL_DURATION), "dua")
    assert "bilangan bulat" in dialog.message.text()
    assert stack.count() == depth
    assert dialog.model.setData(dialog.model.index(i, COL_DURATION), "2")
    assert dialog.message.text() == ""
    assert dialog.model.setData(dialog.model.index(i, COL_DURATION), "")  # back to the default
    item = next(it for it in dialog.package().items() if it.id == r.item_id)
    assert item.duration_weeks is None and stack.count() == depth + 2


def test_crew_and_reset_are_undoable_steps(window, dialog):
    stack = window.doc.undo_stack
    pkg = dialog.package()
    depth = stack.count()
    dialog.crew.setValue(1)
    assert pkg.settings.crew_size == 1 and stack.count() == depth + 1
    assert _core(window, dialog).crew_size == 1
    first = _core(window, dialog).rows[0]
    dialog.model.setData(dialog.model.index(_row_index(dialog, first.item_id), COL_START), "4")
    dialog.reset_button.click()
    assert all(it.start_week is None for it in pkg.items())
    assert stack.count() == depth + 3
    stack.undo()
    assert next(it for it in pkg.items() if it.id == first.item_id).start_week == 4
    stack.undo()
    stack.undo()
    assert pkg.settings.crew_size == 10 and dialog.crew.value() == 10


def test_follows_edits_made_elsewhere_and_the_package_choice(window, dialog):
    dialog.package_box.setCurrentIndex(0)
    assert dialog.package() is window.doc.program.packages[0]
    assert dialog.model.rowCount() > 2


def test_screenshot(window, dialog, qtbot):
    """Rendered offscreen for a look (DTPL_SCREENSHOTS=folder keeps the PNG)."""
    dialog.resize(1200, 560)
    r = _core(window, dialog).rows[2]
    dialog.model.setData(dialog.model.index(_row_index(dialog, r.item_id), COL_DURATION), "2")
    qtbot.wait(50)
    image = dialog.grab()
    assert not image.isNull()
    folder = os.environ.get("DTPL_SCREENSHOTS")
    if folder:
        image.save(str(Path(folder) / "jadwal-dialog.png"))


def test_a_closed_window_makes_no_schedule_until_shown_again(window, dialog):
    dialog.close()
    builds = dialog.builds
    r = _core(window, dialog).rows[0]
    item = next(it for it in dialog.package().items() if it.id == r.item_id)
    window.doc.apply(SetItemSchedule(item.id, 2, None))
    assert dialog.builds == builds
    dialog.show()
    assert dialog.builds == builds + 1
    assert dialog.model.data(dialog.model.index(_row_index(dialog, r.item_id), COL_START)) == "2"
