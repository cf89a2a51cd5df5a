"""Issue 6 review, defects 3 and 6: the Program BLM dialog applies the loader's range rule
to ceilings, and the minimum-swadaya field never traps the user.

Defect 3 (class: every text a user may type in a ceiling cell): the dialog took 1E+30 and
700.000.000,5; the window then said LULUS while ``check`` after saving said BELUM SAH. One
rule now (:func:`dtpl_studio.costing.funding.amount_problem`, whole rupiah in [0, 10^15])
at entry, in the core edit and where the file is read. Property: the dialog accepts a text
⇔ the same value stored in the project file loads without a stored-value finding; and when
it accepts, the window's verdict is the verdict after save + reload.

Defect 6: tick "minimum swadaya", type 150, Enter → refused; the box unticked and the field
was disabled still holding 150 (re-ticking re-refused at once). Now the box stays ticked and
the field enabled, holding what was typed, with the refusal shown; a correction is stored.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.funding import MAX_AMOUNT, Component
from dtpl_studio.costing.rab import price_program
from dtpl_studio.services.project import open_project, save_project
from dtpl_studio.ui.parsing import parse_user_number

TRICKY = ["1.000.000.000.000.000.000.000.000.000.000", "700.000.000,5", "700.000.000", "0", "-1",
          "-700.000.000", "1E+30", "1e15", "1.000.000.000.000.000", "1.000.000.000.000.001",
          "0,4", "300000000", "tujuh ratus juta", "", "12,50", "999.999.999.999.999,99"]
amounts = st.one_of(
    st.sampled_from(TRICKY),
    st.decimals(min_value=D(-10), max_value=MAX_AMOUNT * 10, places=0).map(format_number),
    st.decimals(min_value=D(0), max_value=D(10) ** 10, places=2).map(format_number),
    st.text(alphabet="0123456789.,-eE ", max_size=14),
)


def _stored_ceiling_findings(program) -> list:
    return [n.finding for p in program.packages for n in p.load_notes
            if n.applies() and "funding_rule" in n.finding.location]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=amounts)
def test_the_dialog_accepts_a_ceiling_exactly_when_the_loader_does(qtbot, window, tmp_path, text):
    dialog = window.make_blm_program_dialog()
    qtbot.addWidget(dialog)
    depth = window.doc.undo_stack.index()
    try:
        _accepts_exactly_when_the_loader_does(window, dialog, tmp_path, text)
    finally:  # hypothesis runs every example in the same window: leave it as found
        while window.doc.undo_stack.index() > depth:
            window.undo()
        dialog.close()


def _accepts_exactly_when_the_loader_does(window, dialog, tmp_path, text):
    program = window.doc.program
    row = next(i for i, r in enumerate(program.rules) if r.component is Component.FISIK)
    before = program.rules[row]
    depth = window.doc.undo_stack.index()
    dialog.rules.item(row, 3).setText(text)
    accepted = not dialog.error.isVisibleTo(dialog)
    pushed = window.doc.undo_stack.index() - depth
    assert pushed == (1 if accepted and program.rules[row] != before else 0)
    try:
        value = parse_user_number(text.replace("Rp", "").strip())
    except ValueError:
        value = None
    if value is None:
        assert not accepted and program.rules[row] is before
        return
    # the same value stored in the project file: a finding exactly when the dialog refused it
    path = tmp_path / "aturan.dtpl"
    save_project(program, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE funding_rule SET ceiling = ? WHERE component = 'fisik'", (str(value),))
    loaded = open_project(path)
    assert accepted == (not _stored_ceiling_findings(loaded)), (text, value)
    if accepted:  # same content, same verdict in the window and after the reload
        again = price_program(loaded).verdict
        assert program.rules[row].ceiling == value
        assert (again.kind, again.label) == (window.doc.priced.verdict.kind, window.doc.priced.verdict.label)
        assert window.blm.verdict_label.text() == again.label
    else:
        assert program.rules[row] is before


def test_a_refused_swadaya_minimum_stays_ticked_and_editable_until_corrected(qtbot, window):
    dialog = window.make_blm_program_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(2)
    program = window.doc.program
    assert program.swadaya_rule is None
    dialog.swadaya_on.setChecked(True)
    assert dialog.swadaya_share.isEnabled()
    dialog.swadaya_share.setText("150")
    dialog.swadaya_share.editingFinished.emit()  # Enter
    assert program.swadaya_rule is None  # refused
    assert dialog.error.isVisible() and "150" in dialog.error.text()
    assert dialog.swadaya_on.isChecked() and dialog.swadaya_share.isEnabled()
    assert dialog.swadaya_share.text() == "150"  # what was typed, to correct
    # an edit elsewhere (the verdict is shown again) keeps the entry as it is
    dialog.refresh()
    assert dialog.swadaya_on.isChecked() and dialog.swadaya_share.isEnabled()
    dialog.swadaya_share.setText("20")
    dialog.swadaya_share.editingFinished.emit()
    assert program.swadaya_rule is not None and program.swadaya_rule.min_share == D("0.2")
    assert dialog.error.isHidden()
    assert dialog.swadaya_share.text() == "20"
    # refused again over a stored minimum: the stored one stays, the field keeps the typing
    dialog.swadaya_share.setText("-5")
    dialog.swadaya_share.editingFinished.emit()
    assert program.swadaya_rule.min_share == D("0.2")
    assert dialog.swadaya_on.isChecked() and dialog.swadaya_share.isEnabled()
    assert dialog.swadaya_share.text() == "-5" and dialog.error.isVisible()
    dialog.swadaya_on.setChecked(False)  # unticking clears the minimum and the refusal
    assert program.swadaya_rule is None and dialog.error.isHidden()
    assert not dialog.swadaya_share.isEnabled()


def test_ticking_with_an_empty_field_stays_ticked_through_a_refresh(qtbot, window):
    dialog = window.make_blm_program_dialog()
    qtbot.addWidget(dialog)
    dialog.swadaya_share.setText("")
    dialog.swadaya_on.setChecked(True)
    dialog.refresh()  # any re-pricing (another edit) while the user is about to type
    assert dialog.swadaya_on.isChecked() and dialog.swadaya_share.isEnabled()
