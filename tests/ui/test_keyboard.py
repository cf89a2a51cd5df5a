"""Keyboard-first entry (issue 10 point 9): spreadsheet keys in the RAB tree and the back-up
lines table, Ins, Ctrl+Up/Down, Ctrl+F to the catalogue, focus and selection over edits.

The sample's physical package, as the tree shows it::

    I    PEKERJAAN PERSIAPAN
    1      Papan nama kegiatan          volume 1 (typed)
    II   PEKERJAAN TANAH
    1      Galian tanah saluran         volume from back-up lines (not editable)
    2      Urugan pasir bawah pondasi   volume 4,5 (typed)
    III  PEKERJAAN SALURAN
    1      Pasangan batu belah          volume from back-up lines (not editable)
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QStyledItemDelegate

from dtpl_studio.ui.models.measurement_model import MCol
from dtpl_studio.ui.models.rab_model import Col
from dtpl_studio.ui.widgets.cell_navigation import cell_below, cell_beside

EDITING = QAbstractItemView.State.EditingState


def physical(doc):
    return doc.program.packages[1]


def nodes(win):
    persiapan, tanah, saluran = physical(win.doc).sections
    return {"persiapan": persiapan, "papan": persiapan.children[0], "tanah": tanah,
            "galian": tanah.children[0], "urug": tanah.children[1], "saluran": saluran,
            "fondasi": saluran.children[0]}


def at(win) -> tuple[str, int]:
    """(id of the current row, current column) of the RAB tree."""
    index = win.rab_editor.view.currentIndex()
    return win.rab_editor.model.node_id(index), index.column()


def editor_of(view) -> QLineEdit:
    assert view.state() == EDITING
    widget = view.indexWidget(view.currentIndex())
    assert isinstance(widget, QLineEdit)
    return widget


def type_on(qtbot, view, text: str) -> QLineEdit:
    """Type ``text`` on the current cell as a user does: the first key reaches the view and
    opens the editor, which has the focus for the rest (QTest sends to one widget)."""
    qtbot.keyClicks(view, text[0])
    line = editor_of(view)
    qtbot.keyClicks(line, text[1:])
    return line


@pytest.fixture
def tree(window):
    """The window with the RAB tree focused."""
    window.activateWindow()
    window.rab_editor.view.setFocus()
    return window


# -- the RAB tree --------------------------------------------------------------------------------

def test_typed_volume_then_enter_commits_and_moves_to_the_next_editable_volume(qtbot, tree):
    n = nodes(tree)
    editor, view = tree.rab_editor, tree.rab_editor.view
    editor.select_id(n["papan"].id, Col.VOLUME)
    type_on(qtbot, view, "2,5")  # typing on the cell starts its edit with that character
    line = editor_of(view)
    assert line.text() == "2,5"
    assert line.alignment() & Qt.AlignmentFlag.AlignRight  # typed where the figure shows
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert n["papan"].volume == Decimal("2.5")
    assert tree.doc.undo_stack.count() == 1
    # division II has no volume and Galian's comes from back-up lines: both skipped
    assert at(tree) == (n["urug"].id, Col.VOLUME)
    assert view.state() != EDITING
    assert view.selectionModel().isRowSelected(view.currentIndex().row(), view.currentIndex().parent())
    assert tree.focusWidget() is view
    assert editor.summary.values["direct"].text() != ""  # totals followed; the row stayed selected
    # at the last editable volume Enter stays; Shift+Enter goes back up
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert at(tree) == (n["urug"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert at(tree) == (n["papan"].id, Col.VOLUME)


def test_shift_enter_while_editing_commits_and_moves_up(qtbot, tree):
    n = nodes(tree)
    editor, view = tree.rab_editor, tree.rab_editor.view
    editor.select_id(n["urug"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    line = editor_of(view)
    line.selectAll()
    qtbot.keyClicks(line, "6")
    qtbot.keyClick(line, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert n["urug"].volume == Decimal(6)
    assert at(tree) == (n["papan"].id, Col.VOLUME)


def test_enter_in_uraian_goes_through_division_rows(qtbot, tree):
    n = nodes(tree)
    tree.rab_editor.select_id(n["papan"].id, Col.URAIAN)
    qtbot.keyClick(tree.rab_editor.view, Qt.Key.Key_Enter)  # the keypad's Enter too
    assert at(tree) == (n["tanah"].id, Col.URAIAN)


def test_tab_walks_the_editable_cells_and_wraps_to_the_next_row(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["papan"].id, Col.URAIAN)
    seen = [at(tree)]
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        seen.append(at(tree))
    assert seen == [(n["papan"].id, Col.URAIAN), (n["papan"].id, Col.VOLUME), (n["tanah"].id, Col.URAIAN),
                    (n["galian"].id, Col.URAIAN), (n["urug"].id, Col.URAIAN)]  # Galian's volume: no stop
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert at(tree) == (n["galian"].id, Col.URAIAN)
    qtbot.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert at(tree) == (n["tanah"].id, Col.URAIAN)
    assert tree.focusWidget() is view


def test_tab_while_editing_commits_and_moves_without_opening_the_next_cell(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["papan"].id, Col.URAIAN)
    type_on(qtbot, view, "Papan proyek")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Tab)
    assert n["papan"].description == "Papan proyek"
    assert at(tree) == (n["papan"].id, Col.VOLUME) and view.state() != EDITING
    type_on(qtbot, view, "4")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Tab)
    assert n["papan"].volume == 4
    assert at(tree) == (n["tanah"].id, Col.URAIAN)  # wrapped to the next row
    assert tree.doc.undo_stack.count() == 2


def test_arrows_move_between_cells_and_rows(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["urug"].id, Col.URAIAN)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert at(tree) == (n["urug"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert at(tree) == (n["urug"].id, Col.SATUAN)  # arrows visit every cell, editable or not
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert at(tree) == (n["galian"].id, Col.SATUAN)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert at(tree) == (n["galian"].id, Col.NO)
    assert view.state() != EDITING


def test_plus_and_minus_fold_a_division_instead_of_starting_an_edit(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["tanah"].id, Col.URAIAN)
    index = tree.rab_editor.model.index_for_id(n["tanah"].id)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert not view.isExpanded(index) and view.state() != EDITING
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.isExpanded(index) and view.state() != EDITING
    assert n["tanah"].title == "PEKERJAAN TANAH"


def test_escape_cancels_the_edit_and_keeps_the_old_value(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["urug"].id, Col.VOLUME)
    type_on(qtbot, view, "99")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Escape)
    assert view.state() != EDITING
    assert n["urug"].volume == Decimal("4.5") and tree.doc.undo_stack.count() == 0
    index = view.currentIndex()
    assert tree.rab_editor.model.data(index) == "4,50"
    assert at(tree) == (n["urug"].id, Col.VOLUME)


def test_a_refused_value_keeps_the_editor_open_on_the_same_cell(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["papan"].id, Col.VOLUME)
    type_on(qtbot, view, "dua")
    line = editor_of(view)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert view.state() == EDITING and at(tree) == (n["papan"].id, Col.VOLUME)
    assert line.selectedText() == "dua"  # typing replaces it
    assert tree.statusBar().currentMessage()  # the reason, from the model
    qtbot.keyClicks(line, "3")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # still ours: the filter went back in front
    assert n["papan"].volume == 3 and at(tree) == (n["urug"].id, Col.VOLUME)


def test_f2_on_a_cell_that_cannot_be_edited_edits_the_volume(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["urug"].id, Col.AMOUNT)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert editor_of(view).text() == "4,5" and at(tree) == (n["urug"].id, Col.VOLUME)


def test_insert_adds_an_empty_item_after_the_current_one_in_one_undo_step(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    stack = tree.doc.undo_stack
    tree.rab_editor.select_id(n["galian"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    children = n["tanah"].children
    assert len(children) == 3 and children[0] is n["galian"] and children[2] is n["urug"]
    new = children[1]
    assert (new.description, new.unit, new.analysis_code) == ("", "", None)
    assert stack.count() == 1 and stack.undoText() == "Tambah item baru"
    # its Uraian is open: the typing names it
    assert at(tree) == (new.id, Col.URAIAN)
    qtbot.keyClicks(editor_of(view), "Urugan tanah kembali")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Return)
    assert new.description == "Urugan tanah kembali" and stack.count() == 2
    stack.undo()
    stack.undo()
    assert n["tanah"].children == [n["galian"], n["urug"]]
    assert tree.rab_editor.current_node() is not None  # a neighbour row stays current


def test_insert_on_a_division_adds_at_its_end(qtbot, tree):
    n = nodes(tree)
    tree.rab_editor.select_id(n["persiapan"].id)
    qtbot.keyClick(tree.rab_editor.view, Qt.Key.Key_Insert)
    assert len(n["persiapan"].children) == 2 and n["persiapan"].children[0] is n["papan"]


def test_delete_key_is_the_existing_remove_action(qtbot, tree):
    n = nodes(tree)
    tree.rab_editor.select_id(n["urug"].id)
    qtbot.keyClick(tree.rab_editor.view, Qt.Key.Key_Delete)
    assert n["tanah"].children == [n["galian"]] and tree.doc.undo_stack.count() == 1


def test_ctrl_down_and_up_move_the_row_and_the_cell_follows(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["galian"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert n["tanah"].children == [n["urug"], n["galian"]]
    assert at(tree) == (n["galian"].id, Col.VOLUME)
    assert view.selectionModel().isRowSelected(view.currentIndex().row(), view.currentIndex().parent())
    assert tree.focusWidget() is view
    tree.rab_editor.select_id(n["saluran"].id)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert physical(tree.doc).sections[1] is n["saluran"]
    assert at(tree) == (n["saluran"].id, Col.VOLUME)
    assert tree.doc.undo_stack.count() == 2


def test_the_row_stays_current_over_undo_and_redo(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["urug"].id, Col.VOLUME)
    type_on(qtbot, view, "7")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert at(tree) == (n["papan"].id, Col.VOLUME)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert n["urug"].volume == Decimal("4.5")
    assert at(tree) == (n["papan"].id, Col.VOLUME) and tree.focusWidget() is view
    tree.redo()
    assert at(tree) == (n["papan"].id, Col.VOLUME)


# -- Ctrl+F: the catalogue -----------------------------------------------------------------------

def test_ctrl_f_focuses_the_catalogue_search_and_escape_comes_back(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    tree.rab_editor.select_id(n["urug"].id, Col.VOLUME)
    tree.catalogue_dock.hide()
    search = tree.catalogue.search
    search.setText("galian")
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tree.catalogue_dock.isVisible()
    assert tree.focusWidget() is search and search.selectedText() == "galian"
    qtbot.keyClicks(search, "plester")  # the selected text is replaced
    assert tree.catalogue.proxy.rowCount() >= 1
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert tree.focusWidget() is view
    assert at(tree) == (n["urug"].id, Col.VOLUME)


def test_from_the_search_field_down_and_enter_add_the_analysis_to_the_rab(qtbot, tree):
    n = nodes(tree)
    tree.rab_editor.select_id(n["galian"].id, Col.VOLUME)
    qtbot.keyClick(tree.rab_editor.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = tree.catalogue.search
    qtbot.keyClicks(search, "A.4.4.2")
    assert tree.catalogue.proxy.rowCount() == 2
    first = tree.catalogue.current_code()
    qtbot.keyClick(search, Qt.Key.Key_Down)
    second = tree.catalogue.current_code()
    assert {first, second} == {"A.4.4.2.4", "A.4.4.2.27"}
    qtbot.keyClick(search, Qt.Key.Key_Return)
    added = n["tanah"].children[1]
    assert added.analysis_code == second and tree.doc.undo_stack.count() == 1
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    # back in the tree on the new item's volume: type it straight away
    assert at(tree) == (added.id, Col.VOLUME)
    type_on(qtbot, tree.rab_editor.view, "12")
    qtbot.keyClick(editor_of(tree.rab_editor.view), Qt.Key.Key_Return)
    assert added.volume == 12


# -- the back-up lines table ---------------------------------------------------------------------

@pytest.fixture
def lines(tree):
    """The window with Pasangan batu belah selected and its lines table focused."""
    tree.rab_editor.select_id(nodes(tree)["fondasi"].id)
    tree.measurements.view.setFocus()
    return tree


def cell(win) -> tuple[int, int]:
    index = win.measurements.view.currentIndex()
    return index.row(), index.column()


def test_lines_table_enter_and_tab(qtbot, lines):
    fondasi = nodes(lines)["fondasi"]
    view = lines.measurements.view
    view.setCurrentIndex(lines.measurements.model.index(0, MCol.N))
    type_on(qtbot, view, "3")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Return)
    assert fondasi.measurements[0].factors[0].value == 3
    assert cell(lines) == (1, MCol.N)
    assert lines.focusWidget() is view
    # Tab from t wraps past Kurangi and Volume to the next line's Uraian
    view.setCurrentIndex(lines.measurements.model.index(0, MCol.T))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert cell(lines) == (1, MCol.URAIAN)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert cell(lines) == (0, MCol.T)
    type_on(qtbot, view, "50 cm")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Tab)
    assert fondasi.measurements[0].factors[-1].unit == "cm" and cell(lines) == (1, MCol.URAIAN)


def test_lines_table_insert_adds_a_line_after_the_current_one_and_undo_keeps_the_cell(qtbot, lines):
    fondasi = nodes(lines)["fondasi"]
    view = lines.measurements.view
    stack = lines.doc.undo_stack
    view.setCurrentIndex(lines.measurements.model.index(0, MCol.P))
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert len(fondasi.measurements) == 3 and fondasi.measurements[1].description == "Baris baru"
    assert stack.count() == 1
    assert cell(lines) == (1, MCol.URAIAN)
    qtbot.keyClicks(editor_of(view), "Dinding ujung")
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Tab)
    assert fondasi.measurements[1].description == "Dinding ujung" and cell(lines) == (1, MCol.N)
    assert len(physical(lines.doc).sections[2].children) == 1  # Ins in the table adds no RAB item
    stack.undo()
    stack.undo()
    assert len(fondasi.measurements) == 2
    assert cell(lines) == (1, MCol.N)  # the reset kept the cell
    assert lines.rab_editor.current_node() is fondasi


def test_lines_table_expression_line_tab_skips_the_spanned_cells(qtbot, lines):
    view = lines.measurements.view
    model = lines.measurements.model
    assert model.setData(model.index(1, MCol.N), "= 2 * 3")
    assert cell_beside(view, model.index(1, MCol.URAIAN), 1) == model.index(1, MCol.N)
    assert not cell_beside(view, model.index(1, MCol.N), 1).isValid()  # the last editable cell
    assert cell_beside(view, model.index(1, MCol.URAIAN), -1) == model.index(0, MCol.T)
    assert cell_below(view, model.index(0, MCol.P), 1) == QModelIndex()  # p of an expression: none


# -- a completer in the Uraian editor (the type-ahead of the items work) ---------------------------

class CompletingDelegate(QStyledItemDelegate):
    """An Uraian editor with a QCompleter, as a type-ahead would give it."""

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        completer = QCompleter(["Galian tanah biasa", "Galian batu"], editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        editor.setCompleter(completer)
        return editor


def test_while_a_completer_list_is_open_enter_picks_from_it_and_the_next_enter_moves(qtbot, tree):
    n = nodes(tree)
    view = tree.rab_editor.view
    view.setItemDelegateForColumn(Col.URAIAN, CompletingDelegate(view))
    tree.rab_editor.select_id(n["papan"].id, Col.URAIAN)
    line = type_on(qtbot, view, "gal")  # the first character opens the editor, the completer follows
    popup = line.completer().popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert view.state() == EDITING and line.text() == "Galian tanah biasa"  # picked, not committed
    assert n["papan"].description == "Papan nama kegiatan"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert n["papan"].description == "Galian tanah biasa"
    assert at(tree) == (n["tanah"].id, Col.URAIAN)


def test_lines_table_arrows_pass_over_the_cells_under_an_expression(qtbot, lines):
    view = lines.measurements.view
    model = lines.measurements.model
    assert model.setData(model.index(1, MCol.N), "= 2 * 3")
    view.setCurrentIndex(model.index(1, MCol.N))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert cell(lines) == (1, MCol.DEDUCT)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert cell(lines) == (1, MCol.N)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert cell(lines) == (1, MCol.URAIAN)
