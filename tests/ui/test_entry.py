"""Issue 5, faults 1 and 7: no text typed into any cell may end the process or leak an
exception into Qt; out-of-range values are refused at entry with the limit; and whatever an
editor shows is read back unchanged under the one Indonesian number rule.

The risky part (the real window, the real editor, a 31-digit factor that used to kill the
process inside ``QUndoStack.push``) runs in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from dtpl_studio.costing.rab import Factor, Item, Measurement
from dtpl_studio.ui.commands import SetVolumeCommand
from dtpl_studio.ui.models.measurement_model import FACTOR_COLUMNS, MCol, MeasurementModel
from dtpl_studio.ui.models.rab_model import Col, RabTreeModel
from dtpl_studio.ui.parsing import (
    LIMITS,
    EntryError,
    format_for_editor,
    parse_factor,
    parse_user_number,
    read_number,
)
from tests.fuzzing import examples

ROOT = Path(__file__).resolve().parents[2]

# -- the class of texts a user (or a cat on the keyboard) can type ---------------------------
HUGE = st.integers(min_value=13, max_value=80).map(lambda n: "1" + "0" * (n - 1))
TINY = st.integers(min_value=7, max_value=60).map(lambda n: "0," + "0" * (n - 1) + "1")
NEGATIVE = st.decimals(min_value=-10**9, max_value=Decimal("-0.001"), places=3).map(format_for_editor)
SPECIAL = st.sampled_from(["NaN", "nan", "-nan", "inf", "-Infinity", "sNaN", "1e30", "1E+30",
                           "1e-30", "٣", "１２", "0x10", "1_000", "--1", "+-1", "", " ", ",", ".",
                           "1.000.000.000.000.000.000.000.000.000.000", "9" * 31, "12.5", "2.125"])
UNITS = st.sampled_from(["", " m", " cm", " m2", " kg", " jengkal", "m3", " %"])
NUMBERISH = st.one_of(HUGE, TINY, NEGATIVE, SPECIAL,
                      st.decimals(min_value=0, max_value=10**7, places=4).map(format_for_editor))
TYPED = st.one_of(st.tuples(NUMBERISH, UNITS).map("".join), st.text(max_size=40))
FUZZ = settings(max_examples=examples(150), deadline=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def fondasi(doc):
    return doc.program.packages[1].sections[2].children[0]


def urug(doc):
    return doc.program.packages[1].sections[1].children[1]


# -- fault 7: the editor's own text is accepted back unchanged -----------------------------
@settings(max_examples=examples(400), deadline=None)
@given(kind=st.sampled_from(sorted(LIMITS)), data=st.data())
def test_parse_of_editor_text_is_the_value(kind, data):
    limit = LIMITS[kind]
    value = data.draw(st.decimals(min_value=0, max_value=limit.largest, places=limit.decimals,
                                  allow_nan=False, allow_infinity=False))
    text = format_for_editor(value)
    assert parse_user_number(text) == value
    assert read_number(text, kind) == value


@settings(max_examples=examples(300), deadline=None)
@given(value=st.decimals(min_value=0, max_value=LIMITS["factor"].largest, places=6),
       unit=st.sampled_from(["m", "cm", "m2", "kg", "bh", "m'"]))
def test_factor_editor_text_is_the_factor(value, unit):
    assert parse_factor(format_for_editor(value, unit), "") == (value, unit)


@pytest.mark.parametrize("value, text", [
    (Decimal(1000), "1.000"), (Decimal(2125), "2.125"), (Decimal("1250"), "1.250"),
    (Decimal("12.5"), "12,5"), (Decimal("0.125"), "0,125"), (Decimal("1234567.891"), "1.234.567,891"),
    (Decimal("1.000"), "1"), (Decimal(0), "0"),
])
def test_editor_text_examples(value, text):
    assert format_for_editor(value) == text
    assert parse_user_number(text) == value


@pytest.mark.parametrize("volume", [Decimal(1000), Decimal(2125), Decimal("44846"), Decimal("1.25")])
def test_volume_editor_text_enter_unchanged_is_accepted(qtbot, doc, volume):
    item = urug(doc)
    item.volume = volume
    doc.reprice()
    model = RabTreeModel(doc)
    model.set_package(doc.program.packages[1])
    index = model.index_for_id(item.id, Col.VOLUME)
    text = model.data(index, Qt.ItemDataRole.EditRole)
    with qtbot.assertNotEmitted(model.edit_rejected):
        assert model.setData(index, text)
    assert item.volume == volume
    assert doc.undo_stack.count() == 0  # nothing changed: nothing to undo


@pytest.mark.parametrize("value, unit", [(Decimal(1250), "m"), (Decimal(1000), "cm"), (Decimal("2.125"), "m")])
def test_factor_editor_text_enter_unchanged_is_accepted(qtbot, doc, value, unit):
    item = fondasi(doc)
    item.measurements[0] = Measurement("x", [Factor("n", Decimal(1), ""), Factor("p", value, unit)])
    doc.reprice()
    model = MeasurementModel(doc)
    model.set_item(item)
    index = model.index(0, MCol.P)
    text = model.data(index, Qt.ItemDataRole.EditRole)
    with qtbot.assertNotEmitted(model.edit_rejected):
        assert model.setData(index, text)
    assert item.measurements[0].factors[1] == Factor("p", value, unit)
    assert doc.undo_stack.count() == 0


# -- fault 1: every editable cell, every kind of text ----------------------------------------
def _all_cells_render(model, rows: int, cols: int, parent=None) -> None:
    for row in range(rows):
        for col in range(cols):
            index = model.index(row, col) if parent is None else model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
                model.data(index, role)


@pytest.mark.fuzz
@FUZZ
@given(text=TYPED, column=st.sampled_from([MCol.URAIAN, *FACTOR_COLUMNS]))
def test_any_text_in_any_measurement_cell_is_applied_or_refused_with_a_message(qtbot, doc, text, column):
    item = fondasi(doc)
    model = MeasurementModel(doc)
    model.set_item(item)
    before = [m for m in item.measurements]
    messages: list[str] = []
    model.edit_rejected.connect(messages.append)
    accepted = model.setData(model.index(0, column), text)  # pytest-qt fails on a leaked exception
    expression = column != MCol.URAIAN and text.strip().startswith("=")  # issue 10 point 3
    if column == MCol.URAIAN:
        assert accepted
    elif accepted and expression:
        assert item.measurements[0].expression == text.strip()[1:].strip()
    elif accepted:
        label = FACTOR_COLUMNS[column]
        factor = next((f for f in item.measurements[0].factors if f.label == label), None)
        if text.strip():
            value, _unit = parse_factor(text, "m")
            assert factor is not None and factor.value == value
            assert 0 <= value <= LIMITS["factor"].largest
        else:
            assert factor is None
    else:
        assert item.measurements == before
        assert len(messages) == 1 and messages[0].startswith("Ekspresi " if expression else "Faktor ")
        assert "Traceback" not in messages[0] and "Error" not in messages[0]
    _all_cells_render(model, model.rowCount(), model.columnCount())
    doc.undo_stack.clear()
    item.measurements[:] = before
    doc.reprice()


@pytest.mark.fuzz
@FUZZ
@given(text=TYPED, column=st.sampled_from([Col.URAIAN, Col.VOLUME]))
def test_any_text_in_any_rab_cell_is_applied_or_refused_with_a_message(qtbot, doc, text, column):
    item = urug(doc)
    model = RabTreeModel(doc)
    model.set_package(doc.program.packages[1])
    index = model.index_for_id(item.id, column)
    messages: list[str] = []
    model.edit_rejected.connect(messages.append)
    accepted = model.setData(index, text)
    if column == Col.VOLUME:
        if accepted:
            assert item.volume == read_number(text.strip(), "volume")
        else:
            assert item.volume == Decimal("4.5")
            assert len(messages) == 1 and messages[0].startswith("Volume tidak diubah")
            with pytest.raises(EntryError):
                read_number(text.strip(), "volume")
    _all_cells_render(model, model.rowCount(), model.columnCount())
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert item.volume == Decimal("4.5")


def test_refusals_say_the_limit_in_indonesian(qtbot, doc):
    model = MeasurementModel(doc)
    model.set_item(fondasi(doc))
    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(model.index(0, MCol.P), "1000000000000000000000000000000 m")
    assert "terlalu besar: paling besar 1.000.000" in blocker.args[0]
    with qtbot.waitSignal(model.edit_rejected) as blocker:
        assert not model.setData(model.index(0, MCol.P), "-3 m")
    assert "tidak boleh negatif" in blocker.args[0] and "Kurangi" in blocker.args[0]


def test_a_failing_command_is_reverted_and_reported_never_raised(qtbot, doc, monkeypatch):
    import dtpl_studio.ui.document as document

    item = urug(doc)
    real = document.price_program
    calls = {"n": 0}

    def flaky(program):
        calls["n"] += 1
        if calls["n"] == 1:
            raise ArithmeticError("simulated failure in the core")
        return real(program)

    monkeypatch.setattr(document, "price_program", flaky)
    with qtbot.waitSignal(doc.edit_failed) as blocker:
        doc.undo_stack.push(SetVolumeCommand(doc, item, Decimal(7)))
    assert item.volume == Decimal("4.5")  # reverted
    assert doc.undo_stack.count() == 0  # obsolete: dropped by push
    assert "dibatalkan" in blocker.args[0] and "Traceback" not in blocker.args[0]


def test_item_with_huge_stored_volume_still_renders(qtbot, doc):
    """A value that did get in (an old file) must not make ``data()`` raise into Qt."""
    item = urug(doc)
    item.volume = Decimal("1E+40")
    doc.reprice()
    model = RabTreeModel(doc)
    model.set_package(doc.program.packages[1])
    index = model.index_for_id(item.id, Col.VOLUME)
    assert model.data(index, Qt.ItemDataRole.EditRole) == format_for_editor(Decimal("1E+40"))
    _all_cells_render(model, model.rowCount(), model.columnCount(), None)
    assert isinstance(item, Item)


# -- fault 1 in the real window, typed through the editor, in a subprocess -------------------
SCRIPT = textwrap.dedent("""
    import json, os, sys
    from decimal import Decimal
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {root!r})
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from tests.ui.ui_sample import build_sample_book, build_sample_program
    from dtpl_studio.ui.main_window import MainWindow
    from dtpl_studio.ui.models.measurement_model import MCol
    from dtpl_studio.ui.models.rab_model import Col
    book = build_sample_book(); program = build_sample_program(book)
    win = MainWindow(library_book=lambda: book)
    win.open_program(program, None)
    win.packages.setCurrentRow(1)
    win.show()
    fondasi = program.packages[1].sections[2].children[0]
    urug = program.packages[1].sections[1].children[1]
    texts = json.loads(sys.argv[1])
    out = []

    def type_into(view, index, text):
        view.setCurrentIndex(index)
        view.edit(index)
        editor = view.indexWidget(index)
        editor.selectAll()
        QTest.keyClicks(editor, text)
        QTest.keyClick(editor, Qt.Key.Key_Return)
        app.processEvents()

    for text in texts:
        win.rab_editor.select_id(fondasi.id)
        model = win.measurements.model
        for col in (MCol.N, MCol.P, MCol.L, MCol.T):
            before = [str(f.value) for f in fondasi.measurements[0].factors]
            type_into(win.measurements.view, model.index(0, col), text)
            after = [str(f.value) for f in fondasi.measurements[0].factors]
            out.append(["factor", text, int(col), before == after, win.statusBar().currentMessage()])
        win.rab_editor.select_id(urug.id)
        index = win.rab_editor.model.index_for_id(urug.id, Col.VOLUME)
        before = str(urug.volume)
        type_into(win.rab_editor.view, index, text)
        out.append(["volume", text, int(Col.VOLUME), before == str(urug.volume),
                    win.statusBar().currentMessage()])
        while win.doc.undo_stack.canUndo():
            win.doc.undo_stack.undo()
        app.processEvents()
    print("RESULT " + json.dumps(out))
""")


def test_typing_out_of_range_values_into_the_window_never_ends_the_process(tmp_path):
    texts = ["1000000000000000000000000000000", "1" + "0" * 60, "-3", "NaN", "1e30",
             "0," + "0" * 40 + "1", "12.5", "abc"]
    script = tmp_path / "type_cells.py"
    script.write_text(SCRIPT.format(root=str(ROOT)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DTPL_STUDIO_HOME": str(tmp_path / "home"),
           "DTPL_STUDIO_SETTINGS": str(tmp_path / "settings.ini"), "DTPL_STUDIO_LANG": "id"}
    result = subprocess.run([sys.executable, str(script), json.dumps(texts)], capture_output=True,
                            text=True, timeout=240, env=env)
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr and "Error calling Python override" not in result.stderr, \
        result.stderr[-3000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("RESULT "))
    rows = json.loads(line[len("RESULT "):])
    assert len(rows) == len(texts) * 5
    for kind, text, _col, unchanged, message in rows:
        assert unchanged, (kind, text)  # every one of these is refused …
        assert message and ("tidak diubah" in message), (kind, text, message)  # … with a message
    big = [m for k, t, _c, _u, m in rows if t == texts[0]]
    assert all("paling besar" in m for m in big)
