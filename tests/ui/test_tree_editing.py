"""Tree editing in the window and the project settings dialog (issue 10 points 1 and 4):
each action is one undo step of a core edit; numbering follows the tree; settings are
undoable and saved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.rab import Item, Program, Signatory
from dtpl_studio.services.project import open_project, save_project
from dtpl_studio.ui.models.rab_model import Col
from tests.costing.test_edits import snapshot


@pytest.fixture
def empty_window(qtbot, book, tmp_path):
    from dtpl_studio.ui.main_window import MainWindow

    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.open_program(Program("Kosong"), tmp_path / "kosong.dtpl")
    return win


def labels(win) -> list[tuple[str, str]]:
    """(No, Uraian) of every row of the shown tree, depth first."""
    model = win.rab_editor.model
    out = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            out.append((model.data(model.index(row, Col.NO, parent)), model.data(model.index(row, Col.URAIAN, parent))))
            walk(model.index(row, 0, parent))

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return out


def test_an_empty_project_is_filled_step_by_step_and_undone_to_empty(empty_window):
    win = empty_window
    doc = win.doc
    start = snapshot(doc.program)
    stack = doc.undo_stack
    package = win.add_package()
    assert package is not None and win.rab_editor.package is package
    assert stack.count() == 1
    assert labels(win) == [("I", "PEKERJAAN PERSIAPAN")]
    division = package.sections[0]
    win.rab_editor.select_id(division.id)
    tanah = win.add_section()  # a second division after the first
    assert stack.count() == 2 and package.sections[1] is tanah
    win.rab_editor.select_id(division.id)
    item = win.add_from_catalogue("A.2.3.1.1")  # pins the analysis into the package's book
    assert isinstance(item, Item) and "A.2.3.1.1" in package.book.analyses
    assert stack.count() == 3
    model = win.rab_editor.model
    assert model.setData(model.index_for_id(item.id, Col.VOLUME), "12,5")
    assert stack.count() == 4
    win.rab_editor.select_id(item.id)
    sub = win.add_section()  # inside the item's division, after it
    assert division.children == [item, sub]
    win.rab_editor.select_id(item.id)
    assert win.shift_selected(True) is False  # the row above an item is not a section
    win.rab_editor.select_id(item.id)
    assert win.move_selected(+1)
    assert division.children == [sub, item]
    assert win.shift_selected(False) is False  # an item never sits at the top level
    win.rab_editor.select_id(sub.id)
    assert win.shift_selected(False)  # the sub-section becomes a division
    assert [s.title for s in package.sections] == ["PEKERJAAN PERSIAPAN", "BAGIAN BARU", "BAGIAN BARU"]
    win.rab_editor.select_id(package.sections[1].id)
    assert win.shift_selected(True)  # back into division I
    assert labels(win) == [("I", "PEKERJAAN PERSIAPAN"), ("1", item.description), ("2", "BAGIAN BARU"),
                           ("II", "BAGIAN BARU")]
    steps = stack.count()
    assert steps == 8  # the two refused moves pushed nothing
    assert win.rab_editor.summary.values["direct"].text() != "Rp 0"
    while stack.canUndo():
        stack.undo()
    assert snapshot(doc.program) == start
    while stack.canRedo():
        stack.redo()
    assert labels(win)[1] == ("1", item.description)


def test_numbering_goes_roman_number_letter(empty_window):
    win = empty_window
    package = win.add_package()
    division = package.sections[0]
    win.rab_editor.select_id(division.id)
    first = win.add_from_catalogue("A.2.3.1.1")
    win.rab_editor.select_id(first.id)
    sub = win.add_section()
    win.rab_editor.select_id(sub.id)
    inner = win.add_from_catalogue("A.2.3.1.11")
    assert labels(win) == [("I", division.title), ("1", first.description), ("2", sub.title),
                           ("a", inner.description)]


def test_remove_and_move_packages_and_sections_are_undoable(empty_window):
    win = empty_window
    first = win.add_package()
    second = win.add_package()
    assert win.doc.program.packages == [first, second]
    assert win.rab_editor.package is second
    assert win.remove_package()
    assert win.doc.program.packages == [first]
    win.undo()
    assert win.doc.program.packages == [first, second]
    win.packages.setCurrentRow(1)
    assert win.rab_editor.select_id(second.sections[0].id)
    win.remove_selected_item()  # a division goes with what it holds
    assert second.sections == []
    win.undo()
    assert len(second.sections) == 1


def test_settings_dialog_changes_are_one_undo_step_and_saved(window, tmp_path):
    doc = window.doc
    physical = doc.program.packages[1]
    window.packages.setCurrentRow(1)
    assert window.rab_editor.package is physical
    before_total = window.rab_editor.summary.values["total"].text()
    dialog = window.make_settings_dialog()
    dialog.texts["kecamatan"].setText("Cibeunying")
    dialog.year.setValue(2027)
    dialog.ppn_applies.setChecked(True)
    dialog.ppn_rate.setText("11")
    dialog.rounding_step.setCurrentIndex(5)  # Rp 10.000
    dialog.rounding_mode.setCurrentIndex(1)  # terdekat
    dialog.overhead.setText("12")
    dialog.ksm.setText("KSM Maju")
    dialog._add_signatory(Signatory("Ketua BKM", "Ibu Sari", "Koordinator"))
    dialog.accept()
    assert window.apply_settings(dialog)
    assert doc.undo_stack.count() == 1
    assert doc.program.kecamatan == "Cibeunying" and doc.program.fiscal_year == 2027
    assert physical.settings.ppn_rate == Decimal("0.11")
    assert physical.settings.total_rounding == RoundingRule(Decimal(10_000), RoundingMode.HALF_UP)
    assert physical.book.meta.default_overhead_pct == Decimal("0.12")
    assert physical.ksm == "KSM Maju"
    assert doc.program.signatories[-1].name == "Ibu Sari"
    assert window.rab_editor.summary.values["total"].text() != before_total
    path = tmp_path / "setelan.dtpl"
    save_project(doc.program, path)
    again = open_project(path)
    assert again.kecamatan == "Cibeunying" and again.fiscal_year == 2027
    assert again.packages[1].settings.ppn_rate == Decimal("0.11")
    assert again.packages[1].settings.total_rounding.step == Decimal(10_000)
    assert again.packages[1].book.meta.default_overhead_pct == Decimal("0.12")
    assert again.signatories[-1].name == "Ibu Sari"
    window.undo()
    assert doc.program.kecamatan == "" and physical.settings.ppn_rate == 0
    assert physical.book.meta.default_overhead_pct == Decimal("0.15")
    assert window.rab_editor.summary.values["total"].text() == before_total


@pytest.mark.parametrize("text", ["sebelas", "150", "-1"])
def test_settings_dialog_refuses_an_unreadable_percentage_and_says_which(window, text):
    window.packages.setCurrentRow(1)
    dialog = window.make_settings_dialog()
    dialog.ppn_applies.setChecked(True)
    dialog.ppn_rate.setText(text)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and "PPN" in dialog.error.text()
    assert window.doc.undo_stack.count() == 0


def test_unchanged_settings_push_nothing(window):
    dialog = window.make_settings_dialog()
    dialog.accept()
    assert dialog.edit() is None
    assert not window.apply_settings(dialog)
    assert window.doc.undo_stack.count() == 0


def test_a_move_that_cannot_be_done_says_why(empty_window):
    """Every refused Struktur RAB move names its reason in the status bar (the guide
    promises it; before, nothing happened and nothing was said)."""
    from dtpl_studio.ui.strings import tr

    win = empty_window
    package = win.add_package()
    division = package.sections[0]
    win.rab_editor.select_id(division.id)
    item = win.add_from_catalogue("A.2.3.1.1")
    steps = win.doc.undo_stack.count()
    cases = [(item, lambda: win.move_selected(-1), "tree.first"),
             (item, lambda: win.move_selected(+1), "tree.last"),
             (item, lambda: win.shift_selected(True), "tree.no_indent"),
             (item, lambda: win.shift_selected(False), "tree.no_outdent"),
             (division, lambda: win.shift_selected(False), "tree.no_outdent")]
    for node, action, key in cases:
        win.statusBar().clearMessage()
        win.rab_editor.select_id(node.id)
        assert action() is False
        assert win.statusBar().currentMessage() == tr(key), key
    assert win.doc.undo_stack.count() == steps
