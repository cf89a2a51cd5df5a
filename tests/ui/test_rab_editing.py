"""The RAB tree model: what it shows, volume edits through setData, undo and redo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from dtpl_studio.ui.commands import RemoveItemCommand
from dtpl_studio.ui.models.rab_model import Col, RabTreeModel
from dtpl_studio.ui.parsing import parse_factor, parse_user_number

DISPLAY = Qt.ItemDataRole.DisplayRole


def physical(doc):
    return doc.program.packages[1]


def index_of(model: RabTreeModel, item, col: Col):
    index = model.index_for_id(item.id, col)
    assert index.isValid()
    return index


def test_model_contract(qtmodeltester, doc):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    qtmodeltester.check(model)


def test_tree_shows_the_core_figures_in_indonesian_format(doc):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    assert model.rowCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal).replace("\n", " ") for c in Col] == [
        "No", "Uraian Pekerjaan", "Volume", "Satuan", "Harga Satuan (Rp)", "Jumlah Harga (Rp)",
        "Sumber dana", "Asal harga"]
    tanah = model.index(1, 0)
    assert model.data(tanah) == "II"
    assert model.data(model.index(1, Col.URAIAN)) == "PEKERJAAN TANAH"
    assert model.data(model.index(1, Col.AMOUNT)) == "5.002.200"  # division subtotal
    assert model.data(model.index(1, Col.URAIAN), Qt.ItemDataRole.FontRole).bold()
    urug = physical(doc).sections[1].children[1]
    row = [model.data(index_of(model, urug, c)) for c in Col]
    assert row == ["2", "Urugan pasir bawah pondasi", "4,50", "m3", "221.700", "997.650", "BLM fisik", "A.2.3.1.11"]
    alignment = model.data(index_of(model, urug, Col.AMOUNT), Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignRight
    assert model.headerData(Col.AMOUNT, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole)


def test_measured_volume_is_not_editable_direct_volume_is(doc):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    galian, urug = physical(doc).sections[1].children
    assert not model.flags(index_of(model, galian, Col.VOLUME)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(index_of(model, urug, Col.VOLUME)) & Qt.ItemFlag.ItemIsEditable
    assert "back-up" in model.data(index_of(model, galian, Col.VOLUME), Qt.ItemDataRole.ToolTipRole)
    assert not model.setData(index_of(model, galian, Col.VOLUME), "3")


def test_volume_edit_updates_totals_and_blm_panel_then_undo_redo(qtbot, window):
    doc = window.doc
    model = window.rab_editor.model
    summary = window.rab_editor.summary
    fisik_card = window.blm.cards[1]
    urug = physical(doc).sections[1].children[1]
    index = index_of(model, urug, Col.VOLUME)
    before = {
        "amount": model.data(index_of(model, urug, Col.AMOUNT)),
        "section": model.data(model.index(1, Col.AMOUNT)),
        "direct": summary.values["direct"].text(),
        "rounded": summary.values["rounded"].text(),
        "terbilang": summary.terbilang.text(),
        "blm": fisik_card.values["amount"].text(),
        "bar": fisik_card.bar.value(),
        "title": window.windowTitle(),
    }
    assert before["direct"] == "Rp 25.419.860"
    assert before["blm"] == "Rp 24.969.000"
    assert not window.isWindowModified()

    assert model.setData(index, "12,5")

    assert urug.volume == Decimal("12.5")
    assert model.data(index) == "12,50"
    assert model.data(index_of(model, urug, Col.AMOUNT)) == "2.771.250"
    assert model.data(model.index(1, Col.AMOUNT)) == "6.775.800"
    assert summary.values["direct"].text() == "Rp 27.193.460"
    assert summary.values["rounded"].text() == "Rp 27.193.000"
    assert "dua puluh tujuh juta seratus sembilan puluh tiga ribu" in summary.terbilang.text()
    assert fisik_card.values["amount"].text() == "Rp 26.743.000"  # swadaya papan nama excluded
    assert fisik_card.bar.value() > before["bar"]
    assert window.isWindowModified()
    assert window.undo_action.isEnabled()
    assert "Ubah volume" in window.undo_action.text()

    window.undo_action.trigger()
    after_undo = {
        "amount": model.data(index_of(model, urug, Col.AMOUNT)),
        "section": model.data(model.index(1, Col.AMOUNT)),
        "direct": summary.values["direct"].text(),
        "rounded": summary.values["rounded"].text(),
        "terbilang": summary.terbilang.text(),
        "blm": fisik_card.values["amount"].text(),
        "bar": fisik_card.bar.value(),
        "title": window.windowTitle(),
    }
    assert after_undo == before
    assert urug.volume == Decimal("4.5")
    assert not window.isWindowModified()

    window.redo_action.trigger()
    assert summary.values["direct"].text() == "Rp 27.193.460"
    assert fisik_card.values["amount"].text() == "Rp 26.743.000"


@pytest.mark.parametrize("text, expected", [
    ("12,5", Decimal("12.5")), ("1.250.000", Decimal("1250000")), ("2.125", Decimal("2125")),
    ("1.000", Decimal("1000")), ("1 000", Decimal("1000")), ("44.846", Decimal("44846")),
    ("1.250,75", Decimal("1250.75")), (" 7 ", Decimal("7")), ("0,125", Decimal("0.125")),
])
def test_volume_text_is_read_the_indonesian_way(doc, text, expected):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    urug = physical(doc).sections[1].children[1]
    assert model.setData(index_of(model, urug, Col.VOLUME), text)
    assert urug.volume == expected


@pytest.mark.parametrize("text, message", [
    ("abc", "bukan angka"), ("-3", "negatif"), ("1,2,3", "pemisah ribuan"), ("12.5", "Tulis 12,5"),
    ("0.125", "Tulis 0,125"), ("9" * 40, "terlalu besar"), ("１２", "bukan angka"), ("1e400", "bukan angka"),
    ("1,1234567", "paling banyak 6 angka"),
])
def test_bad_volume_is_rejected_with_a_message(qtbot, doc, text, message):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    urug = physical(doc).sections[1].children[1]
    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(index_of(model, urug, Col.VOLUME), text)
    assert message in blocker.args[0]
    assert urug.volume == Decimal("4.5")
    assert doc.undo_stack.count() == 0


def test_description_edit_is_undoable(doc):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    section_index = model.index(0, Col.URAIAN)
    assert model.setData(section_index, "PERSIAPAN")
    assert physical(doc).sections[0].title == "PERSIAPAN"
    doc.undo_stack.undo()
    assert physical(doc).sections[0].title == "PEKERJAAN PERSIAPAN"


def test_value_edit_keeps_indexes_structural_edit_keeps_expansion_and_selection(qtbot, window):
    editor = window.rab_editor
    model = editor.model
    urug = physical(window.doc).sections[1].children[1]
    saluran = model.index(2, 0)
    editor.view.collapse(saluran)
    assert editor.select_id(urug.id)
    with qtbot.assertNotEmitted(model.modelReset):
        model.setData(index_of(model, urug, Col.VOLUME), "5")
    papan = physical(window.doc).sections[0].children[0]
    editor.select_id(papan.id)
    # structural: only that row is removed (no reset: the view keeps its state by itself)
    with qtbot.waitSignal(model.rowsRemoved) as removed, qtbot.assertNotEmitted(model.modelReset):
        window.doc.undo_stack.push(RemoveItemCommand(window.doc, urug))
    assert removed.args[1:] == [1, 1] and model.node_id(removed.args[0]) == physical(window.doc).sections[1].id
    assert urug not in physical(window.doc).sections[1].children
    assert not editor.view.isExpanded(model.index(2, 0))
    assert editor.view.isExpanded(model.index(1, 0))
    assert editor.current_node() is papan
    assert window.measurements.item is papan
    window.undo()
    assert physical(window.doc).sections[1].children[1] is urug
    assert editor.current_node() is papan
    assert not editor.view.isExpanded(model.index(2, 0))


def test_remove_item_and_undo_restore_the_same_place(window):
    doc = window.doc
    galian, urug = physical(doc).sections[1].children
    window.rab_editor.select_id(galian.id)
    total_before = window.rab_editor.summary.values["direct"].text()
    window.remove_selected_item()
    assert physical(doc).sections[1].children == [urug]
    assert window.rab_editor.summary.values["direct"].text() == "Rp 21.415.310"
    window.undo()
    assert physical(doc).sections[1].children == [galian, urug]
    assert window.rab_editor.summary.values["direct"].text() == total_before


def test_parsing_helpers():
    assert parse_user_number("2,5") == Decimal("2.5")
    assert parse_factor("150 m", "") == (Decimal(150), "m")
    assert parse_factor("12cm", "m") == (Decimal(12), "cm")
    assert parse_factor("2,5", "m") == (Decimal("2.5"), "m")
    assert parse_factor("3 M'", "m") == (Decimal(3), "m'")


def test_invalid_index_is_harmless(doc):
    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    assert model.data(QModelIndex()) is None
    assert not model.setData(QModelIndex(), "1")
    assert model.item_at(QModelIndex()) is None


def test_f2_edits_the_volume_of_the_current_row_and_enter_commits(qtbot, window):
    editor = window.rab_editor
    urug = physical(window.doc).sections[1].children[1]
    editor.select_id(urug.id, Col.NO)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    assert editor.view.state() == editor.view.State.EditingState
    assert editor.view.currentIndex().column() == Col.VOLUME
    line_edit = editor.view.indexWidget(editor.view.currentIndex())
    assert line_edit.text() == "4,5"
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, "7,25")
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)  # Qt commits through a queued call
    qtbot.waitUntil(lambda: urug.volume == Decimal("7.25"))
    assert window.doc.undo_stack.count() == 1


def test_delete_key_removes_the_item_in_the_tree_and_the_line_in_the_table(qtbot, window):
    editor = window.rab_editor
    fondasi = physical(window.doc).sections[2].children[0]
    editor.select_id(fondasi.id)
    panel = window.measurements
    panel.view.selectRow(1)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert [m.description for m in fondasi.measurements] == ["Dinding kiri-kanan"]
    assert fondasi in physical(window.doc).sections[2].children
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert physical(window.doc).sections[2].children == []
    window.undo()
    window.undo()
    assert len(fondasi.measurements) == 2 and physical(window.doc).sections[2].children == [fondasi]


# -- a rate reads the same in the window and in the PDF -------------------------------------------

class _Row:
    """Stands in for the PDF's RowTable: keeps the cells of the row the RAB table adds."""

    def __init__(self):
        self.cells: list = []

    def fit(self, *args) -> None:
        pass

    def add_text_row(self, cells, lines, style) -> None:
        self.cells = cells


def test_rate_text_in_the_window_is_the_pdf_text(doc):
    """A custom rate of 1234,50 showed 1.235 in the window and 1.234,50 in the PDF. Over rates
    with 0, 1 or 2 decimals (hypothesis), the window's Harga Satuan cell is exactly the text
    the PDF's RAB row prints for the same item (one function: costing.formatting.format_rate)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dtpl_studio.costing.rab import MAX_RATE
    from dtpl_studio.reporting.fonts import register_fonts
    from dtpl_studio.reporting.sections.rab import _item_row
    from tests.fuzzing import examples

    register_fonts()

    model = RabTreeModel(doc)
    model.set_package(physical(doc))
    papan = physical(doc).sections[0].children[0]  # a custom rate item
    rates = st.integers(0, 2).flatmap(
        lambda places: st.decimals(min_value=0, max_value=MAX_RATE, places=places,
                                   allow_nan=False, allow_infinity=False))

    @settings(max_examples=examples(150), deadline=None)
    @given(rate=st.one_of(rates, st.sampled_from([Decimal("1234.50"), Decimal("1234.5"), Decimal("0.05"),
                                                   Decimal("1000000.00"), Decimal("999.99")])))
    def walk(rate):
        papan.custom_rate = rate
        doc.reprice()
        priced = doc.priced_node(papan.id)
        assert priced.rate == rate
        row = _Row()
        _item_row(row, priced, 2, 200.0, doc.locate(papan).package.book)
        assert model.data(index_of(model, papan, Col.RATE)) == row.cells[5]

    walk()
    papan.custom_rate = Decimal("1234.50")
    doc.reprice()
    assert model.data(index_of(model, papan, Col.RATE)) == "1.234,50"


# -- the funding column (issue 6 point 3) ----------------------------------------------------

def test_funding_column_shows_inherited_dimmed_and_a_split_by_share(qtbot, window):
    from decimal import Decimal as D

    from dtpl_studio.costing import edits
    from dtpl_studio.costing.formatting import format_rupiah
    from dtpl_studio.costing.funding import FundingShare, FundingSource
    from dtpl_studio.ui.commands import push_edit

    model = window.rab_editor.model
    doc = window.doc
    tanah = physical(doc).sections[1]
    urug = tanah.children[1]
    cell = model.index_for_id(urug.id, Col.FUNDING)
    assert model.data(cell) == "BLM fisik"
    assert model.data(cell, Qt.ItemDataRole.FontRole).italic()  # inherited from the division
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert "ikut divisi" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    division = model.index_for_id(tanah.id, Col.FUNDING)
    assert model.data(division) == "BLM fisik" and model.data(division, Qt.ItemDataRole.FontRole).italic()
    seen = []
    model.dataChanged.connect(lambda a, b, roles=(): seen.append((model.node_id(a), a.column(), b.column(),
                                                                   list(roles))))
    assert not push_edit(doc, edits.set_funding(urug.id, FundingSource.BLM,
                                                [FundingShare(FundingSource.SWADAYA, D(20))]), "uji")
    cell = model.index_for_id(urug.id, Col.FUNDING)
    assert model.data(cell) == "BLM fisik 80 % · Swadaya tunai 20 %"
    assert not model.data(cell, Qt.ItemDataRole.FontRole)  # stated on the item: not italic
    assert [(n, a, b) for n, a, b, _ in seen] == [(urug.id, Col.FUNDING, Col.FUNDING)]
    assert Qt.ItemDataRole.FontRole in seen[0][3]
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    priced = doc.priced_node(urug.id)
    assert "Swadaya tunai: Rp " + format_rupiah(dict(priced.funding)[FundingSource.SWADAYA]) in tip
    seen.clear()
    assert not push_edit(doc, edits.set_section(tanah.id, funding=FundingSource.APBD), "uji")
    galian = tanah.children[0]
    assert model.data(model.index_for_id(galian.id, Col.FUNDING)) == "APBD"  # the row below follows
    assert model.data(model.index_for_id(tanah.id, Col.FUNDING)) == "APBD"
    assert {n for n, *_ in seen} >= {galian.id, tanah.id}
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert model.data(model.index_for_id(galian.id, Col.FUNDING)) == "BLM fisik"
    assert model.data(model.index_for_id(urug.id, Col.FUNDING)) == "BLM fisik"


def test_double_click_on_the_funding_cell_opens_the_item_funding_dialog(qtbot, window, monkeypatch):
    from dtpl_studio.ui.widgets.funding_dialog import FundingDialog

    opened = []
    monkeypatch.setattr(FundingDialog, "exec", lambda self: opened.append(self) or 0)
    editor = window.rab_editor
    urug = physical(window.doc).sections[1].children[1]
    index = editor.model.index_for_id(urug.id, Col.FUNDING)
    editor.view.doubleClicked.emit(index)
    from PySide6.QtWidgets import QLabel

    assert len(opened) == 1
    assert any("Urugan pasir" in label.text() for label in opened[0].findChildren(QLabel))
    editor.view.doubleClicked.emit(editor.model.index_for_id(urug.id, Col.VOLUME))
    assert len(opened) == 1  # other columns edit in place
