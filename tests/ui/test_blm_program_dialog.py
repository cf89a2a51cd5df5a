"""The Program BLM dialog (issue 6 points 2 and 4): rule table, termin plan, swadaya minimum
and planning categories. Each committed change is one undo step through a core edit, the BLM
panel's verdict follows at once, invalid input is refused naming row and column and leaves
the programme as it was; the menu and the panel open it."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtWidgets import QToolButton

from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.funding import DEFAULT_PLPBK_RULES, Component, SectionKind, SwadayaRule
from dtpl_studio.costing.money import round_rupiah
from dtpl_studio.ui.widgets.blm_program_dialog import BlmProgramDialog


@pytest.fixture
def dialog(qtbot, window):
    dlg = window.make_blm_program_dialog()
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _set(table, row, col, text):
    table.item(row, col).setText(text)  # what leaving an edited cell does (itemChanged)


def test_menu_and_panel_open_the_dialog(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(BlmProgramDialog, "exec", lambda self: opened.append(self) or 0)
    window.blm_program_action.trigger()
    window.blm.program_button.click()
    assert len(opened) == 2 and opened[0].tabs.count() == 4


def test_a_lower_ceiling_fails_the_panel_at_once_and_undo_passes_it(qtbot, window, dialog):
    program = window.doc.program
    assert window.blm.verdict_label.text().startswith("LULUS")
    depth = window.doc.undo_stack.count()
    row = next(i for i, r in enumerate(program.rules) if r.component is Component.PERENCANAAN)
    _set(dialog.rules, row, 3, "1.000")
    assert program.rules[row].ceiling == D(1000)
    assert window.doc.undo_stack.count() == depth + 1  # one step
    assert window.blm.verdict_label.text() == "TIDAK LULUS"
    assert "TIDAK LULUS" in dialog.verdict_line.text()
    undo = dialog.findChild(QToolButton, "blmp_undo")
    assert undo.isEnabled() and "aturan pagu" in undo.text()
    undo.click()  # the dialog's own Undo
    assert program.rules == list(DEFAULT_PLPBK_RULES)
    assert window.blm.verdict_label.text().startswith("LULUS")
    assert dialog.rules.item(row, 3).text() == "300.000.000"  # the table follows the undo


@pytest.mark.parametrize(("col", "text", "words"), [
    (3, "", ("baris 2", "Pagu")),
    (3, "-5", ("baris 2", "Pagu", "negatif")),
    (3, "tiga ratus", ("baris 2", "Pagu", "tiga ratus")),
    (1, "2O24", ("baris 2", "Tahun")),
])
def test_invalid_rule_cells_are_refused_naming_row_and_column(qtbot, window, dialog, col, text, words):
    program = window.doc.program
    before = list(program.rules)
    depth = window.doc.undo_stack.count()
    _set(dialog.rules, 1, col, text)
    assert program.rules == before
    assert window.doc.undo_stack.count() == depth
    message = dialog.error.text()
    assert dialog.error.isVisibleTo(dialog)
    for word in words:
        assert word in message, message
    assert dialog.rules.item(1, col).text() != text  # the table shows the programme again


def test_duplicate_component_and_year_is_refused(qtbot, window, dialog):
    program = window.doc.program
    dialog.add_rule()
    assert len(program.rules) == 4
    new = len(program.rules) - 1
    _set(dialog.rules, new, 3, "5.000.000")
    assert program.rules[new].ceiling == D(5_000_000)
    combo = dialog.rules.cellWidget(new, 2)
    combo.setCurrentIndex(combo.findData(Component.FISIK))
    # the added row has the fiscal year: fisik/2023 is not a duplicate of fisik/(every year)
    assert program.rules[new].component is Component.FISIK
    dialog.add_rule()
    last = len(program.rules) - 1
    combo = dialog.rules.cellWidget(last, 2)
    combo.setCurrentIndex(combo.findData(Component.FISIK))
    assert f"baris {last + 1}" in dialog.error.text() and f"baris {new + 1}" in dialog.error.text()
    assert "Komponen" in dialog.error.text()
    assert program.rules[last].component is not Component.FISIK


def test_add_remove_and_reset_rows_are_undo_steps(qtbot, window, dialog):
    program = window.doc.program
    stack = window.doc.undo_stack
    dialog.add_rule()
    assert len(program.rules) == 4 and dialog.rules.rowCount() == 4
    dialog.rules.setCurrentCell(0, 0)
    dialog.remove_rule()
    assert len(program.rules) == 3 and program.rules[0] == DEFAULT_PLPBK_RULES[1]
    dialog.reset_rules()
    assert program.rules == list(DEFAULT_PLPBK_RULES)
    for _ in range(3):
        stack.undo()
    assert program.rules == list(DEFAULT_PLPBK_RULES) and dialog.rules.rowCount() == 3


def test_termins_sum_live_amounts_from_blm_and_refusals(qtbot, window, dialog):
    program = window.doc.program
    verdict = window.doc.priced.verdict
    assert "100 %" in dialog.termin_sum.text() and "✓" in dialog.termin_sum.text()
    blm = verdict.totals.blm_total.rounded
    _set(dialog.termins, 0, 0, "25")
    assert program.termins[0].percent == D(25)
    assert "harus 100" in dialog.termin_sum.text()
    assert window.blm.verdict_label.text() == "TIDAK LULUS"
    amounts = [dialog.termins.item(r, 3).text() for r in range(dialog.termins.rowCount())]
    assert amounts == ["Rp " + format_rupiah(t.amount) for t in window.doc.priced.verdict.termins]
    assert window.doc.priced.verdict.termins[0].amount == round_rupiah(blm * D("0.25"))
    depth = window.doc.undo_stack.count()
    _set(dialog.termins, 1, 0, "120")
    assert "baris 2" in dialog.error.text() and "Persen" in dialog.error.text()
    assert window.doc.undo_stack.count() == depth
    window.doc.undo_stack.undo()
    assert "✓" in dialog.termin_sum.text()
    assert window.blm.verdict_label.text().startswith("LULUS")
    _set(dialog.termins, 1, 1, "LPJ termin 1 diterima")
    assert program.termins[1].milestone == "LPJ termin 1 diterima"
    n = len(program.termins)
    dialog.add_termin()
    assert len(program.termins) == n + 1 and program.termins[-1].percent == D(10)  # 100 % used


def test_swadaya_minimum_fails_and_clears(qtbot, window, dialog):
    program = window.doc.program
    dialog.tabs.setCurrentIndex(2)
    dialog.swadaya_share.setText("90")
    dialog.swadaya_source.setText("kesepakatan BKM")
    dialog.swadaya_on.setChecked(True)
    assert program.swadaya_rule == SwadayaRule(D("0.9"), "kesepakatan BKM")
    assert window.blm.verdict_label.text() == "TIDAK LULUS"
    dialog.swadaya_share.setText("150")
    dialog.swadaya_share.editingFinished.emit()
    assert "0–100" in dialog.error.text()
    assert program.swadaya_rule.min_share == D("0.9")
    dialog.swadaya_on.setChecked(False)
    assert program.swadaya_rule is None
    assert window.blm.verdict_label.text().startswith("LULUS")


def test_planning_category_of_a_division(qtbot, window, dialog):
    program = window.doc.program
    planning = program.packages[0]
    section = planning.sections[0]
    assert section.kind is SectionKind.TENAGA_AHLI
    combo = dialog.categories.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData(SectionKind.PEMASARAN))
    assert section.kind is SectionKind.PEMASARAN
    assert dialog.categories.cellWidget(0, 2) is combo  # kept: its signal got us here
    assert "Pemasaran hasil perencanaan: Rp" in dialog.category_totals.text()
    window.doc.undo_stack.undo()
    assert section.kind is SectionKind.TENAGA_AHLI
    assert combo.currentData() == SectionKind.TENAGA_AHLI
    fisik_row = next(r for r in range(dialog.categories.rowCount())
                     if dialog.categories.item(r, 0).text() == program.packages[1].name)
    kinds = dialog.categories.cellWidget(fisik_row, 2)
    assert [kinds.itemData(i) for i in range(kinds.count())] == [SectionKind.NONE.value, SectionKind.DED.value]


def test_dialog_changes_are_saved_with_the_project(qtbot, window, dialog, tmp_path):
    from dtpl_studio.services.project import open_project

    _set(dialog.rules, 0, 5, "catatan uji")
    _set(dialog.termins, 0, 1, "MoU ditandatangani")
    assert window.save()
    program = open_project(window.doc.path)
    assert program.rules[0].note == "catatan uji"
    assert program.termins[0].milestone == "MoU ditandatangani"
