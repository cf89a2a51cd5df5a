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


# -- units typed on a back-up line: the core's reading, its notes, the factor's dimension --------

def _case_variants(alias: str) -> list[str]:
    return sorted({alias, alias.upper(), alias.lower(), alias.title(), alias.capitalize()})


def test_every_alias_in_every_case_reads_in_the_window_as_in_the_core():
    """The alias table walked through the window's factor reading: the unit has the alias's
    dimension in every case spelling, and every typo alias (UNIT_NOTES) comes with its note;
    a regular spelling comes with none (one path: costing.units.read_unit)."""
    from dtpl_studio.costing.units import ALIASES, UNIT_NOTES, to_pint
    from dtpl_studio.ui.parsing import read_factor

    for alias, symbol in ALIASES.items():
        for variant in _case_variants(alias):
            reading = read_factor(f"5 {variant}", "m")
            assert reading.value == Decimal(5), variant
            assert to_pint(reading.unit).dimensionality == to_pint(symbol).dimensionality, variant
            assert bool(reading.note) == (alias in UNIT_NOTES), variant
            if alias in UNIT_NOTES:
                assert reading.note == UNIT_NOTES[alias]


def test_a_length_factor_takes_only_lengths_and_says_which_dimension_it_got():
    """p, l and t measure lengths: a volume (5 Ml = millilitre), an area or a count typed
    there is refused at entry naming both dimensions; every length alias is taken."""
    import pytest

    from dtpl_studio.costing.units import ALIASES, dimension_name, to_pint
    from dtpl_studio.ui.messages import explain_short
    from dtpl_studio.ui.parsing import EntryError, read_factor

    length = to_pint("m").dimensionality
    for alias, symbol in ALIASES.items():
        for variant in _case_variants(alias):
            if to_pint(symbol).dimensionality == length:
                assert read_factor(f"5 {variant}", "m", like="m").unit == symbol
                continue
            with pytest.raises(EntryError) as info:
                read_factor(f"5 {variant}", "m", like="m")
            assert info.value.code == "entry.unit_dimension", variant
            text = explain_short(info.value)
            assert dimension_name(symbol) in text and "panjang" in text, text
    with pytest.raises(EntryError) as info:
        read_factor("5 Ml", "m", like="m")
    assert "volume" in explain_short(info.value)


def test_any_number_with_any_alias_spelling_reads_the_number_and_the_alias():
    """Hypothesis over (number as the editor writes it, alias, case, spacing): the number is
    read exactly and the unit is the alias's, with its note, also when the alias begins with a
    digit (``1.000 1s``) and the number has groups (the greedy split must not eat the unit)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from dtpl_studio.costing.units import ALIASES, UNIT_NOTES
    from dtpl_studio.ui.parsing import LIMITS, format_for_editor, read_factor
    from tests.fuzzing import examples

    @settings(max_examples=examples(300), deadline=None)
    @given(value=st.decimals(min_value=0, max_value=LIMITS["factor"].largest, places=3),
           alias=st.sampled_from(sorted(ALIASES)), case=st.sampled_from([str.lower, str.upper, str.title]),
           space=st.sampled_from([" ", "  ", "\u00a0"]))
    def walk(value, alias, case, space):
        reading = read_factor(f"{format_for_editor(value)}{space}{case(alias)}", "m")
        assert (reading.value, reading.unit, reading.note) == (value, ALIASES[alias], UNIT_NOTES.get(alias, ""))

    walk()


def test_1s_is_read_as_ls_with_its_note_or_refused_suggesting_ls():
    import pytest

    from dtpl_studio.ui.messages import explain_short
    from dtpl_studio.ui.parsing import EntryError, read_factor

    for text in ("5 1s", "5 1S", "2,5 1s"):
        reading = read_factor(text, "")
        assert reading.unit == "ls" and "ls" in reading.note, text
    with pytest.raises(EntryError) as info:
        read_factor("1s", "")
    assert info.value.params["suggestion"] == "1 ls"
    assert "1 ls" in explain_short(info.value)


def test_nos_on_a_count_line_becomes_bh_with_a_note_the_panel_shows(qtbot, window):
    papan = window.doc.program.packages[1].sections[0].children[0]  # an item per bh
    model = select(window, papan)
    panel = window.measurements
    panel.add_line()
    panel.view.closePersistentEditor(model.index(0, MCol.URAIAN))
    with qtbot.waitSignal(model.unit_noted) as blocker:
        assert model.setData(model.index(0, MCol.N), "5 NOS")
    assert papan.measurements[0].factors[0].value == Decimal(5)
    assert papan.measurements[0].factors[0].unit == "bh"
    assert "NOS" in blocker.args[0] and "bh" in blocker.args[0]
    tip = model.data(model.index(0, MCol.N), Qt.ItemDataRole.ToolTipRole)
    assert "NOS" in tip and "bh" in tip
    assert panel.notes.isVisibleTo(panel) and "NOS" in panel.notes.text() and "Baris 1" in panel.notes.text()
    window.undo()  # the factor is no longer what was read: no note
    assert not panel.notes.isVisibleTo(panel)
    window.redo()
    assert "NOS" in panel.notes.text()
    assert model.setData(model.index(0, MCol.N), "5 bh")  # a regular spelling: no note
    assert not panel.notes.isVisibleTo(panel)


def test_a_volume_typed_into_a_length_column_is_refused(qtbot, window):
    item = fondasi(window)
    model = select(window, item)
    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(model.index(0, MCol.P), "5 Ml")
    assert "volume" in blocker.args[0] and "panjang" in blocker.args[0]
    assert item.measurements[0].factors[1].unit == "m"
