"""Items in the window (issue 10 point 2): the Uraian type-ahead over the pinned book and
the catalogue edition, the item-of-one's-own dialog, the adjusted-rate dialog, the origin
column and tooltip; each is one undo step and undoes exactly."""

from __future__ import annotations

import os
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from dtpl_studio.costing.rab import Item
from dtpl_studio.ui.models.rab_model import Col
from dtpl_studio.ui.widgets.analysis_completer import AnalysisCompleter
from dtpl_studio.ui.widgets.item_dialogs import CustomItemDialog, OverrideDialog
from tests.costing.test_edits import snapshot

SHOTS = "/work/notes/shots"


def _shot(widget, name: str) -> None:
    if os.path.isdir(SHOTS):
        widget.grab().save(f"{SHOTS}/items-{name}.png")


def _open_editor(win) -> QLineEdit:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    return editor


def _completer(editor: QLineEdit) -> AnalysisCompleter:
    completer = editor.findChild(AnalysisCompleter)
    assert completer is not None
    return completer


def _type(qtbot, editor: QLineEdit, text: str) -> None:
    editor.clear()
    qtbot.keyClicks(editor, text)


def _physical(win):
    return win.rab_editor.package


# -- type-ahead ---------------------------------------------------------------------------------

def test_typed_code_offers_pinned_and_catalogue_analyses_ranked(qtbot, window):
    win = window
    package = _physical(win)
    win.rab_editor.select_id(package.sections[0].children[0].id)
    item = win.item_actions.add_typed_item()
    assert isinstance(item, Item) and item.analysis_code is None
    editor = _open_editor(win)
    completer = _completer(editor)
    _type(qtbot, editor, "a.4")
    assert [h.code for h in completer.hits] == ["A.4.4.2.4", "A.4.4.2.27"]  # catalogue only
    assert completer.popup.isVisible()
    assert completer.model.rowCount() == 2
    _type(qtbot, editor, "GALIAN")  # words: the pinned analysis first
    assert completer.hits[0].code == "A.2.3.1.1" and completer.hits[0].pinned
    _type(qtbot, editor, "plester")
    assert [h.code for h in completer.hits] == ["A.4.4.2.4", "X.1"]
    assert completer.model.index(0, 3).data() == "katalog"
    _type(qtbot, editor, "zzz tidak ada")
    assert completer.hits == [] and not completer.popup.isVisible()
    _type(qtbot, editor, "acian")
    _shot(win, "completer-window")
    completer.popup.resize(680, 160)
    _shot(completer.popup, "completer-popup")


def test_choosing_pins_and_is_one_step_with_the_new_row(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    before = snapshot(doc.program)
    count = doc.undo_stack.count()
    win.rab_editor.select_id(package.sections[0].children[0].id)
    item = win.item_actions.add_typed_item()
    editor = _open_editor(win)
    completer = _completer(editor)
    _type(qtbot, editor, "x.1")
    assert completer.popup.currentIndex().row() == 0
    qtbot.keyClick(completer.popup, Qt.Key.Key_Return)  # Enter takes the best one
    assert item.analysis_code == "X.1" and item.unit == "m2"
    assert item.description.startswith("Plesteran dan acian")  # not the typed "x.1"
    assert {"X.1", "A.4.4.2.4", "A.4.4.2.27"} <= set(package.book.analyses)
    assert doc.undo_stack.count() == count + 1  # the new row and the choice: one step
    assert doc.undo_stack.undoText() == "Tambah X.1 ke RAB"
    index = win.rab_editor.model.index_for_id(item.id, Col.ORIGIN)
    assert index.data() == "X.1"
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before
    doc.undo_stack.redo()
    assert item.analysis_code == "X.1"
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before


def test_typed_words_without_a_choice_are_the_description(qtbot, window):
    win = window
    package = _physical(win)
    win.rab_editor.select_id(package.sections[0].children[0].id)
    item = win.item_actions.add_typed_item()
    editor = _open_editor(win)
    completer = _completer(editor)
    _type(qtbot, editor, "Pekerjaan tambahan")
    assert completer.hits == []  # "tambahan" is in no analysis
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn
    qtbot.waitUntil(lambda: item.description != "")
    assert item.description == "Pekerjaan tambahan" and item.analysis_code is None


def test_a_priced_item_has_no_type_ahead(qtbot, window):
    win = window
    package = _physical(win)
    galian = next(i for i in package.items() if i.analysis_code == "A.2.3.1.1")
    win.rab_editor.select_id(galian.id, Col.URAIAN)
    win.rab_editor.view.edit(win.rab_editor.view.currentIndex())
    editor = _open_editor(win)
    assert editor.findChild(AnalysisCompleter) is None


def test_choosing_on_an_existing_unpriced_item_is_one_step(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    section = package.sections[1]
    bare = Item("Galian lama (impor)", "m3", volume=D(3))
    from dtpl_studio.costing import edits
    from dtpl_studio.ui.commands import push_edit

    push_edit(doc, edits.InsertNode(package.id, section.id, bare), "x")
    before, count = snapshot(doc.program), doc.undo_stack.count()
    assert win.item_actions.choose_analysis(bare.id, package.book, "A.2.3.1.1")
    assert doc.undo_stack.count() == count + 1 and bare.volume == D(3)
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before


# -- item of one's own -------------------------------------------------------------------------------

def _fill(dialog: CustomItemDialog, **values: str) -> None:
    for name, text in values.items():
        getattr(dialog, name).setText(text)


@pytest.mark.parametrize(("values", "message"), [
    ({"description": ""}, "Uraian pekerjaan wajib diisi."),
    ({"unit": ""}, "Satuan wajib diisi."),
    ({"unit": "furlong"}, "Satuan 'furlong' tidak dikenal."),
    ({"rate": ""}, "Harga wajib diisi."),
    ({"rate": "12.5"}, "Harga tidak dapat dibaca"),
    ({"rate": "abc"}, "Harga tidak dapat dibaca"),
    ({"rate": "-5"}, "Harga tidak dapat dibaca"),
    ({"volume": "1,2,3"}, "Volume tidak dapat dibaca"),
    ({"reason": "  "}, "Alasan wajib diisi"),
    ({"source": ""}, "Sumber harga wajib diisi"),
])
def test_custom_dialog_refuses_in_the_dialog(qtbot, values, message):
    dialog = CustomItemDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, description="Papan nama kegiatan", unit="bh", rate="450.000", volume="2",
          reason="tidak ada AHSP papan nama", source="survei 3 toko")
    _fill(dialog, **values)
    dialog.accept()
    assert dialog.isVisible() is False and dialog.result() == 0  # not accepted
    assert dialog.item() is None
    assert message in dialog.error.text()
    assert not dialog.error.isHidden()


def test_custom_dialog_reads_rate_unit_and_lump_sum(qtbot):
    dialog = CustomItemDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, description="Papan nama", unit="Bh", rate="1.250.000,50", volume="2,5",
          reason="tidak ada AHSP", source="survei 3 toko")
    dialog.accept()
    item = dialog.item()
    assert (item.unit, item.custom_rate, item.volume, item.custom_source) == ("bh", D("1250000.50"), D("2.5"),
                                                                            "survei 3 toko")
    dialog = CustomItemDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, description="Mobilisasi", unit="m3", rate="2.500.000", volume="7",
          reason="tidak ada AHSP", source="penawaran CV Maju")
    dialog.lump_sum.setChecked(True)
    assert not dialog.unit.isEnabled() and dialog.unit.text() == "ls" and dialog.volume.text() == "1"
    dialog.show()
    _shot(dialog, "custom-dialog")
    dialog.accept()
    assert (dialog.item().unit, dialog.item().volume, dialog.item().custom_rate) == ("ls", D(1), D(2_500_000))
    dialog = CustomItemDialog()
    qtbot.addWidget(dialog)
    dialog.lump_sum.setChecked(True)
    dialog.per_unit.setChecked(True)  # back: what was typed comes back
    assert dialog.unit.isEnabled() and dialog.unit.text() == ""


class _Accepting:
    """Stands for a dialog the user filled and accepted (``exec`` returns Accepted)."""

    def __init__(self, dialog):
        self.dialog = dialog
        dialog.accept()
        assert dialog.result() == 1, dialog.error.text()

    def __getattr__(self, name):
        return getattr(self.dialog, name)

    def exec(self):
        return self.dialog.DialogCode.Accepted


def test_custom_item_is_one_step_shows_its_origin_and_undoes_exactly(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    before, count = snapshot(doc.program), doc.undo_stack.count()
    win.rab_editor.select_id(package.sections[0].children[0].id)
    dialog = CustomItemDialog(win)
    qtbot.addWidget(dialog)
    _fill(dialog, description="Spanduk sosialisasi", unit="bh", rate="150.000", volume="2",
          reason="tidak ada AHSP spanduk", source="survei 3 percetakan")
    item = win.item_actions.custom_item_dialog(_Accepting(dialog))
    assert item is not None and doc.undo_stack.count() == count + 1
    assert package.sections[0].children[1] is item
    model = win.rab_editor.model
    assert model.index_for_id(item.id, Col.ORIGIN).data() == "khusus"
    tip = model.index_for_id(item.id, Col.URAIAN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Harga khusus: tidak ada AHSP spanduk" in tip and "Sumber harga: survei 3 percetakan" in tip
    assert model.index_for_id(item.id, Col.AMOUNT).data() == "300.000"
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before
    doc.undo_stack.redo()
    assert package.sections[0].children[1] is item


def test_changing_an_own_rate_goes_through_its_dialog(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    papan = package.sections[0].children[0]
    before = snapshot(doc.program)
    dialog = CustomItemDialog(win, papan)
    qtbot.addWidget(dialog)
    assert dialog.rate.text() == "450.000" and dialog.reason.text() == "harga pasar"
    dialog.accept()  # the old item has no source: refused until one is written
    assert "Sumber harga wajib diisi" in dialog.error.text()
    _fill(dialog, rate="475.000", source="survei 3 toko")
    assert win.item_actions.override_dialog(papan, _Accepting(dialog))
    assert (papan.custom_rate, papan.custom_source, papan.rate_override) == (D(475_000), "survei 3 toko", None)
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before


# -- adjusted rate --------------------------------------------------------------------------------

@pytest.mark.parametrize(("rate", "reason", "message"), [
    ("", "x", "Harga wajib diisi."),
    ("12.5", "x", "Harga tidak dapat dibaca"),
    ("1.000.000.000.000.000.000", "x", "Harga tidak dapat dibaca"),
    ("70.000", "   ", "Alasan penyesuaian harga wajib diisi."),
])
def test_override_dialog_refuses_in_the_dialog(qtbot, rate, reason, message):
    item = Item("Galian", "m3", analysis_code="A.2.3.1.1")
    dialog = OverrideDialog(item, "II.1", "Rp 80.900 per m3")
    qtbot.addWidget(dialog)
    dialog.rate.setText(rate)
    dialog.reason.setText(reason)
    dialog.accept()
    assert dialog.result() == 0 and dialog.values() is None
    assert message in dialog.error.text()
    if not reason.strip():
        dialog.show()
        _shot(dialog, "override-refused")


def test_override_and_clear_are_undoable_and_shown(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    galian = next(i for i in package.items() if i.analysis_code == "A.2.3.1.1")
    model = win.rab_editor.model
    before, priced_before = snapshot(doc.program), model.index_for_id(galian.id, Col.AMOUNT).data()
    win.rab_editor.select_id(galian.id)
    dialog = OverrideDialog(galian, "II.1", "Rp 80.900 per m3 (Analisa A.2.3.1.1 — Buku harga uji GUI, edisi uji 1)", win)
    qtbot.addWidget(dialog)
    dialog.rate.setText("70.000")
    dialog.reason.setText("harga upah setempat (survei faskel)")
    dialog.show()
    _shot(dialog, "override-dialog")
    assert win.item_actions.override_dialog(dialog=_Accepting(dialog))
    assert (galian.rate_override, galian.override_reason) == (D(70_000), "harga upah setempat (survei faskel)")
    assert model.index_for_id(galian.id, Col.RATE).data() == "70.000"
    assert model.index_for_id(galian.id, Col.ORIGIN).data() == "A.2.3.1.1 ✎"
    tip = model.index_for_id(galian.id, Col.RATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "Analisa A.2.3.1.1 — Buku harga uji GUI, edisi uji 1" in tip
    assert "Harga satuan disesuaikan Rp 80.900 → Rp 70.000: harga upah setempat (survei faskel)" in tip
    after_override = snapshot(doc.program)
    win.rab_editor.select_id(galian.id)
    assert win.item_actions.clear_item_override()
    assert galian.rate_override is None and galian.override_reason == ""
    assert model.index_for_id(galian.id, Col.ORIGIN).data() == "A.2.3.1.1"
    assert not win.item_actions.clear_item_override()  # nothing to clear: said, no step
    doc.undo_stack.undo()
    assert snapshot(doc.program) == after_override
    doc.undo_stack.undo()
    assert snapshot(doc.program) == before
    assert model.index_for_id(galian.id, Col.AMOUNT).data() == priced_before
    doc.undo_stack.redo()
    assert galian.rate_override == D(70_000)
    win.resize(1800, 760)
    win.rab_editor.select_id(galian.id, Col.ORIGIN)
    _shot(win, "window")
    doc.undo_stack.redo()
    assert galian.rate_override is None


def test_item_actions_are_in_the_menu_and_the_context_menu(window):
    actions = window.item_actions.actions
    assert all(a in window.rab_editor.view.actions() for a in actions)
    assert window.rab_editor.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [a.text() for a in actions]
    assert texts == ["Tambah item dari buku harga (ketik kode/uraian)", "Item sendiri (harga sendiri atau lump sum)…",
                     "Ubah harga satuan…", "Hapus penyesuaian harga"]


def test_double_click_on_the_rate_asks_for_the_new_rate(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(window.item_actions, "override_dialog", lambda item=None, dialog=None: asked.append(item))
    window.rab_editor.rate_requested.disconnect()
    window.rab_editor.rate_requested.connect(window.item_actions.override_dialog)
    galian = next(i for i in _physical(window).items() if i.analysis_code == "A.2.3.1.1")
    index = window.rab_editor.model.index_for_id(galian.id, Col.RATE)
    window.rab_editor.view.doubleClicked.emit(index)
    assert asked == [galian]


def test_escape_on_the_new_row_leaves_no_empty_item(qtbot, window):
    win = window
    doc = win.doc
    package = _physical(win)
    before, count = snapshot(doc.program), doc.undo_stack.index()
    win.rab_editor.select_id(package.sections[0].children[0].id)
    item = win.item_actions.add_typed_item()
    editor = _open_editor(win)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: doc.undo_stack.index() == count)
    assert snapshot(doc.program) == before
    assert not win.rab_editor.model.index_for_id(item.id).isValid()
