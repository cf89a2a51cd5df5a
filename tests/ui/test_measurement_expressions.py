"""The back-up panel with expression lines (``= 2 * (P + L) * T``), linked lines and the
package's parameter table (issue 10 point 3): each change one undo step, refusals said in
Indonesian, dependents shown again after a parameter or a linked item changes."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt

from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.rab import Measurement
from dtpl_studio.ui.commands import AddMeasurementCommand
from dtpl_studio.ui.models.measurement_model import MCol
from dtpl_studio.ui.models.rab_model import Col


def _items(window):
    package = window.doc.program.packages[1]
    galian = package.sections[1].children[0]
    fondasi = package.sections[2].children[0]
    return package, galian, fondasi


def select(window, item):
    assert window.rab_editor.select_id(item.id)
    assert window.measurements.item is item
    return window.measurements.model


def amount_text(window, item):
    model = window.rab_editor.model
    return model.data(model.index_for_id(item.id, Col.AMOUNT))


def _with_parameters(window):
    package, galian, fondasi = _items(window)
    dialog_panel = window.measurements
    select(window, galian)
    dialog_panel.show_parameters()
    dialog = dialog_panel.parameter_dialog
    for _ in range(3):
        assert dialog.add_parameter() == ""
    for row, (name, value) in enumerate((("P", "25 m"), ("L", "3 m"), ("T", "0,15 m"))):
        dialog.table.item(row, 0).setText(name)
        dialog.table.item(row, 1).setText(value)
    return dialog


def test_parameter_table_each_change_one_undo_step(window):
    package, _, _ = _items(window)
    start = window.doc.undo_stack.count()
    dialog = _with_parameters(window)
    assert [(p.name, p.value, p.unit) for p in package.parameters] == [
        ("P", Decimal(25), "m"), ("L", Decimal(3), "m"), ("T", Decimal("0.15"), "m")]
    assert window.doc.undo_stack.count() == start + 9  # 3 added, 3 renamed, 3 values
    # refusals: a unit symbol as a name, a negative value, a decimal point
    dialog.table.item(0, 0).setText("m")
    assert "simbol satuan" in dialog.message.text()
    assert package.parameters[0].name == "P" and dialog.table.item(0, 0).text() == "P"
    dialog.table.item(1, 1).setText("-3 m")
    assert package.parameters[1].value == Decimal(3)
    dialog.table.item(2, 1).setText("0.15 m")
    assert "0,15" in dialog.message.text()
    assert window.doc.undo_stack.count() == start + 9
    window.undo()
    assert package.parameters[2].value == Decimal(0)
    window.redo()
    assert package.parameters[2].value == Decimal("0.15")


def test_expression_line_typed_with_equals_updates_totals_and_parameter_change_propagates(window):
    package, galian, _ = _items(window)
    _with_parameters(window)
    model = select(window, galian)
    before = amount_text(window, galian)
    assert model.setData(model.index(0, MCol.N), "= 2 * (P + L) * T * 0,5 m")
    line = galian.measurements[0]
    assert line.expression == "2 * (P + L) * T * 0,5 m" and line.kind == "expression"
    assert model.data(model.index(0, MCol.N)) == "= 2 * (P + L) * T * 0,5 m"
    assert model.data(model.index(0, MCol.P)) is None
    assert not model.flags(model.index(0, MCol.P)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(0, MCol.VOLUME)) == "4,200"  # 2 × 28 × 0,15 × 0,5
    assert "4,20 m3" in window.measurements.total.text()
    assert amount_text(window, galian) != before
    # the shown text goes back unchanged; a number makes it a factor line again
    assert model.setData(model.index(0, MCol.N), model.data(model.index(0, MCol.N), Qt.ItemDataRole.EditRole))
    count = window.doc.undo_stack.count()
    # a parameter change reprices the item and its row
    dialog = window.measurements.parameter_dialog
    dialog.table.item(0, 1).setText("30 m")
    assert model.data(model.index(0, MCol.VOLUME)) == "4,950"
    assert "4,95 m3" in window.measurements.total.text()
    assert window.doc.undo_stack.count() == count + 1
    window.undo()
    assert model.data(model.index(0, MCol.VOLUME)) == "4,200"


def test_refused_expression_is_said_and_nothing_changes(window, qtbot):
    _, galian, _ = _items(window)
    model = select(window, galian)
    count = window.doc.undo_stack.count()
    with qtbot.waitSignal(model.edit_rejected) as signal:
        assert not model.setData(model.index(0, MCol.N), "= __import__('os')")
    assert "Ekspresi tidak diubah" in signal.args[0]
    with qtbot.waitSignal(model.edit_rejected) as signal:
        assert not model.setData(model.index(0, MCol.N), "= X * 2")
    assert "bukan parameter" in signal.args[0]
    assert window.doc.undo_stack.count() == count and not galian.measurements[0].expression


def test_dimension_mismatch_is_an_error_on_that_line(window):
    _, galian, _ = _items(window)
    model = select(window, galian)
    assert model.setData(model.index(0, MCol.N), "= 2 m * 3 m")  # an area into m3
    volume, error = model.line_volume(0)
    assert volume is None and "luas (m2)" in error
    assert model.data(model.index(0, MCol.VOLUME)) == "satuan salah"
    assert "Baris 1" in window.measurements.total.text()
    assert amount_text(window, galian) == "0"


def test_linked_deduction_line_follows_the_linked_item_and_undo_is_exact(window):
    _, galian, fondasi = _items(window)
    model = select(window, galian)
    window.measurements.add_line()
    row = len(galian.measurements) - 1
    model.setData(model.index(row, MCol.URAIAN), "Dikurangi pasangan")
    model.setData(model.index(row, MCol.DEDUCT), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    choices = window.measurements.link_choices()
    assert any(label.startswith("III.1") for label, _ in choices)
    assert window.measurements.link_to(row, fondasi.id) == ""
    line = galian.measurements[row]
    assert (line.link, line.sign, line.factors) == (fondasi.id, -1, [])
    assert model.data(model.index(row, MCol.N)) == "= volume III.1"
    assert model.data(model.index(row, MCol.VOLUME)) == "-19,900"  # 49,50 − 19,90
    assert "29,60 m3" in window.measurements.total.text()
    # the linked item changes: the dependent line follows
    fmodel = select(window, fondasi)
    assert fmodel.setData(fmodel.index(0, MCol.P), "120 m")
    assert amount_text(window, galian) == window.rab_editor.model.data(
        window.rab_editor.model.index_for_id(galian.id, Col.AMOUNT))
    gp = window.doc.priced_node(galian.id)
    assert gp.volume == Decimal("49.50") - Decimal("23.90")
    window.undo()
    assert window.doc.priced_node(galian.id).volume == Decimal("29.60")
    window.undo()  # the link
    assert galian.measurements[row].link is None


def test_a_link_cycle_is_an_error_naming_the_chain(window):
    _, galian, fondasi = _items(window)
    select(window, galian)
    window.measurements.add_line()
    assert window.measurements.link_to(len(galian.measurements) - 1, fondasi.id) == ""
    select(window, fondasi)
    window.measurements.add_line()
    assert window.measurements.link_to(len(fondasi.measurements) - 1, galian.id) == ""
    messages = [f.message for f in window.doc.findings() if f.code == "measurement-link-cycle"]
    assert any("III.1 → II.1 → III.1" in m for m in messages)


def test_screenshot_of_panel_and_parameter_table(window):
    """Offscreen pictures for the report (written when DTPL_SCREENSHOTS names a folder)."""
    package, galian, fondasi = _items(window)
    dialog = _with_parameters(window)
    model = select(window, galian)
    model.setData(model.index(0, MCol.URAIAN), "Saluran keliling 2 × (P + L)")
    model.setData(model.index(0, MCol.N), "= 2 * (P + L) * T * 0,5 m")
    urug = package.sections[1].children[1]
    window.doc.undo_stack.push(AddMeasurementCommand(window.doc, galian, Measurement("Dikurangi urugan pasir", [], -1)))
    window.measurements.link_to(1, urug.id)
    window.doc.undo_stack.push(AddMeasurementCommand(window.doc, galian, Measurement("Galian tambahan", [])))
    model.setData(model.index(2, MCol.N), "= 12,5 m * 0,8 m * 0,6 m")
    assert window.measurements.view.columnSpan(1, MCol.N) == 4
    window.resize(1400, 900)
    folder = os.environ.get("DTPL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / "measurement_expressions.png"))
        dialog.grab().save(str(Path(folder) / "parameter_table.png"))
    assert window.doc.priced_node(galian.id).volume == Decimal("4.20") - Decimal("4.50") + Decimal("6.00")
    assert [p.name for p in package.parameters] == ["P", "L", "T"]
    assert isinstance(package.parameters[0], Parameter)
