"""The Spesifikasi window (issue 9 point 2): edit a clause's text for the project, go back to
the template, choose an item's clauses and go back to automatic — each one undo step."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from dtpl_studio.ui.widgets.specs_dialog import SpecsDialog

SHOTS = Path(os.environ["DTPL_SCREENSHOTS"]) if os.environ.get("DTPL_SCREENSHOTS") else None


def test_edit_text_and_reset_are_undoable(qtbot, doc, shown):
    dialog = SpecsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    stack = doc.undo_stack
    keys = dialog.keys()
    assert keys[:3] == ["persiapan", "galian", "urugan"] and len(keys) == 13
    dialog.clauses.setCurrentRow(keys.index("beton"))
    assert dialog.title_edit.text() == "Pekerjaan Beton dan Rabat Beton"
    assert not dialog.save_button.isEnabled() or not dialog.save_text()  # nothing changed
    dialog.part_edits["method"].setPlainText("Beton diaduk dengan molen 0,35 m3.")
    assert dialog.save_text()
    assert doc.program.spec_texts["beton"].method == "Beton diaduk dengan molen 0,35 m3."
    assert dialog.reset_button.isEnabled() and "teks proyek" in dialog.clauses.currentItem().text()
    assert dialog.reset_text()
    assert doc.program.spec_texts == {} and stack.count() == 2
    stack.undo()
    assert "beton" in doc.program.spec_texts
    stack.undo()
    assert doc.program.spec_texts == {}
    assert shown.errors == []


def test_choose_item_clauses_and_back_to_auto(qtbot, doc):
    dialog = SpecsDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    assert dialog.items.topLevelItemCount() == sum(1 for p in doc.program.packages for _ in p.items())
    row = dialog.items.topLevelItem(dialog.items.topLevelItemCount() - 1)
    dialog.items.setCurrentItem(row)
    item_id = dialog.current_item_id()
    for i in range(dialog.choice.count()):
        entry = dialog.choice.item(i)
        entry.setCheckState(Qt.CheckState.Checked if entry.data(Qt.ItemDataRole.UserRole) == "paving"
                            else Qt.CheckState.Unchecked)
    assert dialog.apply_choice()
    assert doc.program.spec_links[item_id] == ("paving",)
    assert dialog.items.currentItem().text(3) == "dipilih untuk item"
    assert "Paving" in dialog.items.currentItem().text(2)
    assert dialog.auto_choice()
    assert item_id not in doc.program.spec_links
    doc.undo_stack.undo()
    assert doc.program.spec_links[item_id] == ("paving",)
    dialog.resize(1000, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "spesifikasi-item.png"))
        dialog.tabs.setCurrentIndex(0)
        dialog.grab().save(str(SHOTS / "spesifikasi-teks.png"))


def test_main_window_menu_opens_it(qtbot, window):
    window.specs_action.trigger()
    assert window._specs is not None and window._specs.isVisible()
