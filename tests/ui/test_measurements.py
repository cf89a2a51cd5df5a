"""The back-up volume panel: editing a line, units, a unit mismatch shown as an error, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from dtpl_studio.ui.models.measurement_model import MCol, MeasurementModel, default_line
from dtpl_studio.ui.models.rab_model import Col


def fondasi(window):
    return window.doc.program.packages[1].sections[2].children[0]


def select(window, item):
    assert window.rab_editor.select_id(item.id)
    assert window.measurements.item is item
    return window.measurements.model


def amount_text(window, item):
    model = window.rab_editor.model
    return model.data(model.index_for_id(item.id, Col.AMOUNT))


def test_model_contract(qtmodeltester, doc):
    model = MeasurementModel(doc)
    model.set_item(doc.program.packages[1].sections[2].children[0])
    qtmodeltester.check(model)


def test_lines_show_factors_with_units_sign_and_volume(window):
    model = select(window, fondasi(window))
    assert model.rowCount() == 2
    first = [model.data(model.index(0, c)) for c in MCol if c != MCol.DEDUCT]
    assert first == ["Dinding kiri-kanan", "2", "100 m", "0,25 m", "0,4 m", "20,000"]
    assert model.data(model.index(1, MCol.DEDUCT), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(model.index(1, MCol.VOLUME)) == "-0,100"
    assert "19,90 m3" in window.measurements.total.text()


def test_editing_a_factor_updates_the_item_totals_and_undo_restores(window):
    item = fondasi(window)
    model = select(window, item)
    direct_before = window.rab_editor.summary.values["direct"].text()
    blm_before = window.blm.cards[1].values["amount"].text()

    assert model.setData(model.index(0, MCol.P), "120 m")

    assert item.measurements[0].factors[1].value == Decimal(120)
    assert model.data(model.index(0, MCol.VOLUME)) == "24,000"
    assert amount_text(window, item) == "23.981.260"  # 23,90 m3 × 1.003.400
    assert "23,90 m3" in window.measurements.total.text()
    assert window.rab_editor.summary.values["direct"].text() != direct_before
    assert window.blm.cards[1].values["amount"].text() != blm_before

    window.undo()
    assert item.measurements[0].factors[1].value == Decimal(100)
    assert amount_text(window, item) == "19.967.660"
    assert window.rab_editor.summary.values["direct"].text() == direct_before
    assert window.blm.cards[1].values["amount"].text() == blm_before
    window.redo()
    assert amount_text(window, item) == "23.981.260"


def test_units_convert_and_unknown_units_are_refused(qtbot, window):
    item = fondasi(window)
    model = select(window, item)
    assert model.setData(model.index(0, MCol.T), "40 cm")
    assert model.data(model.index(0, MCol.VOLUME)) == "20,000"
    assert model.data(model.index(0, MCol.T)) == "40 cm"
    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(model.index(0, MCol.T), "40 jengkal")
    assert "jengkal" in blocker.args[0]
    assert model.setData(model.index(0, MCol.L), "0,3")  # no unit typed: keeps the factor's unit
    assert model.data(model.index(0, MCol.L)) == "0,3 m"


def test_unit_mismatch_is_an_error_on_the_line_never_a_number(window):
    item = fondasi(window)
    model = select(window, item)
    assert model.setData(model.index(0, MCol.T), "")  # drop t: m × m is not m3

    assert model.data(model.index(0, MCol.VOLUME)) == "satuan salah"
    assert model.data(model.index(0, MCol.VOLUME), Qt.ItemDataRole.ForegroundRole) is not None
    tip = model.data(model.index(0, MCol.VOLUME), Qt.ItemDataRole.ToolTipRole)
    assert "m²" in tip and "m3" in tip
    assert "Baris 1" in window.measurements.total.text()
    rab = window.rab_editor.model
    assert rab.data(rab.index_for_id(item.id, Col.VOLUME)) == "galat"
    assert amount_text(window, item) == "0"
    assert "1 galat" in window.findings_label.text()

    window.undo()
    assert model.data(model.index(0, MCol.VOLUME)) == "20,000"
    assert window.findings_label.text() == "Temuan: tidak ada"


def test_deduction_checkbox_flips_the_sign(window):
    item = fondasi(window)
    model = select(window, item)
    assert model.setData(model.index(1, MCol.DEDUCT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert item.measurements[1].sign == 1
    assert "20,10 m3" in window.measurements.total.text()
    window.undo()
    assert item.measurements[1].sign == -1


def test_add_and_remove_lines_are_undoable(window):
    item = fondasi(window)
    model = select(window, item)
    panel = window.measurements
    panel.add_line()
    assert len(item.measurements) == 3
    assert [f.label for f in item.measurements[2].factors] == ["n", "p", "l", "t"]  # fits m3
    assert model.rowCount() == 3
    assert "20,90 m3" in panel.total.text()  # the new 1 × 1 × 1 × 1 m line
    panel.view.closePersistentEditor(model.index(2, MCol.URAIAN))
    window.undo()
    assert len(item.measurements) == 2 and model.rowCount() == 2
    panel.view.selectRow(0)
    assert panel.remove_button.isEnabled()
    panel.remove_line()
    assert [m.description for m in item.measurements] == ["Lubang pipa"]
    window.undo()
    assert [m.description for m in item.measurements] == ["Dinding kiri-kanan", "Lubang pipa"]


def test_direct_volume_item_shows_a_hint_and_division_shows_none(window):
    urug = window.doc.program.packages[1].sections[1].children[1]
    select(window, urug)
    assert "diisi langsung" in window.measurements.total.text()
    window.rab_editor.select_id(window.doc.program.packages[1].sections[1].id)
    assert window.measurements.item is None
    assert not window.measurements.add_button.isEnabled()


def test_default_lines_fit_the_unit():
    assert [f.label for f in default_line("m2", "x").factors] == ["n", "p", "l"]
    assert [f.label for f in default_line("m'", "x").factors] == ["n", "p"]
    assert [f.label for f in default_line("bh", "x").factors] == ["n"]
    assert [f.label for f in default_line("ls", "x").factors] == ["n"]


def test_typed_decimal_point_after_zero_is_refused_never_read_as_thousands():
    import pytest

    from dtpl_studio.ui.parsing import EntryError, parse_factor, parse_user_number

    with pytest.raises(EntryError) as info:
        parse_user_number("0.125")
    assert info.value.code == "entry.decimal_point" and info.value.params["suggestion"] == "0,125"
    assert parse_user_number("12,5") == Decimal("12.5")
    assert parse_factor("0,250 m", "m") == (Decimal("0.250"), "m")
    with pytest.raises(EntryError):
        parse_factor("0.250 m", "m")
