"""Issue 6 review, defect 2: the item funding dialog with real Qt combo data.

Qt hands a combo box's item data back as a plain ``str``; a ``FundingShare`` holding a
string that merely compares equal to a ``FundingSource`` broke the RAB's "Sumber dana" cell
(blank until reopen) and turned an out-of-range share into an "unexpected error" dialog that
lost the typed split. The class walked: every source in every row position, through the
dialog's own combos (never StrEnum-equal strings passed in by the test), and shares out of
range (percent < 0 or > 100, negative amount, percentages above 100 % in all): refused in
the dialog naming the row, the typed values kept, no error dialog, the item unchanged.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from dtpl_studio.costing.funding import FundingSource
from dtpl_studio.ui.models.rab_model import Col
from dtpl_studio.ui.widgets.funding_dialog import FundingDialog


def _item(window):
    return window.doc.program.packages[1].sections[2].children[0]


def _fill(dialog: FundingDialog, rows: list[tuple[FundingSource, str, str]]) -> None:
    """Type ``rows`` (source, percent text, amount text) the way a user does: the add
    button, the combo chosen by its index, the cells typed."""
    for source, percent, amount in rows:
        dialog.add_button.click()
        row = dialog.table.rowCount() - 1
        combo = dialog.table.cellWidget(row, 0)
        combo.setCurrentIndex(combo.findData(source))
        dialog.table.item(row, 1).setText(percent)
        dialog.table.item(row, 2).setText(amount)


def _cell(window, item) -> str:
    model = window.rab_editor.model
    return model.data(model.index_for_id(item.id, Col.FUNDING), Qt.ItemDataRole.DisplayRole)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sources=st.lists(st.sampled_from(list(FundingSource)), min_size=1, max_size=3),
       main=st.sampled_from([None, *FundingSource]))
def test_a_valid_split_typed_in_the_dialog_holds_funding_sources_and_shows_in_the_rab(
        qtbot, window, shown, sources, main):
    item = _item(window)
    dialog = FundingDialog(item, FundingSource.BLM)
    qtbot.addWidget(dialog)
    dialog.main.setCurrentIndex(dialog.main.findData(main) if main is not None else 0)
    _fill(dialog, [(s, "33,33", "") for s in sources])
    dialog.accept()
    assert dialog.result() == FundingDialog.DialogCode.Accepted
    funding, shares = dialog.values()
    assert funding is None or type(funding) is FundingSource
    assert [type(s.source) for s in shares] == [FundingSource] * len(sources)
    window.set_item_funding(item, funding, shares)
    assert all(type(s.source) is FundingSource for s in item.funding_split)
    text = _cell(window, item)
    assert text  # the "Sumber dana" cell is never blank after a split
    assert not shown.errors
    window.undo()


@pytest.mark.parametrize("percent,amount,row_text", [
    ("150", "", "Baris 1"), ("-10", "", "Baris 1"), ("", "-5.000", "Baris 1"),
    ("100,01", "", "Baris 1"), ("abc", "", "Baris 1"),
])
def test_an_out_of_range_share_is_refused_in_the_dialog_keeping_what_was_typed(
        qtbot, window, shown, monkeypatch, percent, amount, row_text):
    item = _item(window)
    before = (item.funding, list(item.funding_split))
    count = window.doc.undo_stack.count()
    opened: list[FundingDialog] = []

    def user(dialog: FundingDialog):
        opened.append(dialog)
        _fill(dialog, [(FundingSource.SWADAYA, percent, amount)])
        dialog.accept()  # OK: refused, the dialog stays open
        assert dialog.result() != FundingDialog.DialogCode.Accepted
        assert dialog.error.isVisibleTo(dialog) and row_text in dialog.error.text()
        assert (dialog.table.item(0, 1).text(), dialog.table.item(0, 2).text()) == (percent, amount)
        return dialog.result()  # the user then cancels

    monkeypatch.setattr(FundingDialog, "exec", user)
    window.funding_dialog(item)
    assert opened and not shown.errors  # no "unexpected error", no error dialog
    assert (item.funding, list(item.funding_split)) == before
    assert window.doc.undo_stack.count() == count


def test_percentages_above_100_in_all_are_refused(qtbot, window):
    dialog = FundingDialog(_item(window), FundingSource.BLM)
    qtbot.addWidget(dialog)
    _fill(dialog, [(FundingSource.SWADAYA, "60", ""), (FundingSource.APBD, "50", "")])
    dialog.accept()
    assert dialog.result() != FundingDialog.DialogCode.Accepted
    assert "110" in dialog.error.text()
    dialog.table.item(1, 1).setText("40")
    dialog.accept()
    assert dialog.result() == FundingDialog.DialogCode.Accepted
    assert [s.percent for s in dialog.values()[1]] == [D(60), D(40)]


def test_the_core_edit_converts_a_plain_string_source():
    from dtpl_studio.costing.edits import set_funding
    from dtpl_studio.costing.funding import FundingShare

    edit = set_funding("x", "APBD", [FundingShare("swadaya", D(10))])  # type: ignore[arg-type]
    values = dict(edit.values)
    assert type(values["funding"]) is FundingSource
    assert type(values["funding_split"][0].source) is FundingSource
    with pytest.raises(ValueError):
        set_funding("x", "martian", [])
