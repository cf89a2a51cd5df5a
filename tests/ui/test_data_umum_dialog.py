"""The Data umum dialog (issue 9 point 3): enter the fields, refuse invalid values naming
the field, one undo step, saved; the settings dialog keeps the signatories' kind and NIP."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.costing.data_umum import PackageData
from dtpl_studio.costing.rab import Signatory
from dtpl_studio.services.project import open_project, save_project


def _fill(dialog) -> None:
    dialog.lines["kecamatan"].setText("Cibeunying")
    dialog.lines["bkm_ketua"].setText("H. Ahmad")
    dialog.lines["ksm_ketua"].setText("Sutrisno")
    dialog.tabs.setCurrentIndex(1)
    dialog.lines["rt"].setText("03")
    dialog.lines["rw"].setText("05")
    dialog.lines["latitude"].setText("-6,9175")
    dialog.lines["longitude"].setText("107,6191")
    dialog.lines["kk"].setText("86")
    dialog.lines["jiwa"].setText("1.312")
    dialog.lines["kk_miskin"].setText("27")
    dialog.lines["perempuan"].setText("658")
    dialog.tabs.setCurrentIndex(2)
    dialog.blocks["kondisi"].setPlainText("Jalan tanah\nberlubang")
    dialog.lines["kpp_nama"].setText("KPP Lestari")


def test_enter_one_undo_step_saved_and_undone(window, tmp_path):
    doc = window.doc
    physical = doc.program.packages[1]
    dialog = window.make_data_umum_dialog()
    assert dialog.package.currentData() == physical.id  # the window's current package
    _fill(dialog)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.apply_data_umum(dialog)
    assert doc.undo_stack.count() == 1
    assert doc.program.kecamatan == "Cibeunying" and doc.program.data.bkm_ketua == "H. Ahmad"
    d = physical.data
    assert (d.ksm_ketua, d.rt, d.rw) == ("Sutrisno", "03", "05")
    assert (d.latitude, d.longitude) == (Decimal("-6.9175"), Decimal("107.6191"))
    assert (d.kk, d.jiwa, d.kk_miskin, d.perempuan) == (86, 1312, 27, 658)
    assert d.kondisi == "Jalan tanah\nberlubang" and d.kpp_nama == "KPP Lestari"
    path = tmp_path / "du.dtpl"
    save_project(doc.program, path)
    again = open_project(path)
    assert again.packages[1].data == d and again.data == doc.program.data
    window.undo()
    assert physical.data == PackageData() and doc.program.kecamatan == ""
    window.redo()
    assert physical.data == d


@pytest.mark.parametrize("field,text,named", [
    ("kk", "-3", "Jumlah KK"),
    ("jiwa", "banyak", "Jumlah jiwa"),
    ("perempuan", "999", "Jumlah perempuan"),  # > jiwa 100
    ("kk_miskin", "50", "Jumlah KK miskin"),  # > KK 40
    ("latitude", "95", "Lintang"),
    ("longitude", "abc", "Bujur"),
])
def test_invalid_values_are_refused_naming_the_field(window, field, text, named):
    dialog = window.make_data_umum_dialog()
    dialog.lines["jiwa"].setText("100")
    dialog.lines["kk"].setText("40")
    dialog.lines[field].setText(text)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert not dialog.error.isHidden() and named in dialog.error.text()
    assert dialog.tabs.currentIndex() == 1  # the field's tab is shown
    assert window.doc.undo_stack.count() == 0
    assert window.doc.program.packages[1].data == PackageData()


def test_switching_package_keeps_what_was_typed(window):
    doc = window.doc
    planning, physical = doc.program.packages[0], doc.program.packages[1]
    dialog = window.make_data_umum_dialog()
    dialog.lines["kk"].setText("12")
    dialog.package.setCurrentIndex(0)
    assert dialog.lines["kk"].text() == ""
    dialog.blocks["kondisi"].setPlainText("Kawasan kumuh")
    dialog.package.setCurrentIndex(1)
    assert dialog.lines["kk"].text() == "12"
    dialog.lines["kk"].setText("x")
    dialog.package.setCurrentIndex(0)  # refused: stays on the package with the bad value
    assert dialog.package.currentData() == physical.id and "Jumlah KK" in dialog.error.text()
    dialog.lines["kk"].setText("12")
    dialog.accept()
    assert window.apply_data_umum(dialog)
    assert physical.data.kk == 12 and planning.data.kondisi == "Kawasan kumuh"
    assert doc.undo_stack.count() == 1


def test_missing_required_fields_are_listed(window):
    dialog = window.make_data_umum_dialog()
    assert "Jumlah KK" in dialog.missing.text() and "Ketua KSM/TPK" in dialog.missing.text()
    dialog.lines["kk"].setText("5")
    assert "Jumlah KK," not in dialog.missing.text() + ","


def test_unchanged_pushes_nothing(window):
    dialog = window.make_data_umum_dialog()
    dialog.accept()
    assert dialog.edit() is None and not window.apply_data_umum(dialog)


def test_menu_has_the_action(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert window.data_umum_action.text() in texts


def test_settings_dialog_keeps_signatory_kind_and_nip(window):
    doc = window.doc
    doc.program.signatories = [Signatory("Mengetahui", "Drs. B", "Lurah", kind="lurah",
                                         nip="19700312 199503 1 004")]
    dialog = window.make_settings_dialog()
    dialog.accept()
    assert dialog.edit() is None  # nothing lost on a plain OK
    dialog = window.make_settings_dialog()
    dialog.signatories.item(0, 4).setText("197003121995031005")
    dialog.accept()
    assert window.apply_settings(dialog)
    assert doc.program.signatories[0].kind == "lurah"
    assert doc.program.signatories[0].nip == "197003121995031005"


def test_screenshot(window, qtbot):
    """Offscreen screenshots of the three tabs (kept when DTPL_SCREENSHOTS names a folder)."""
    dialog = window.make_data_umum_dialog()
    _fill(dialog)
    dialog.lines["perempuan"].setText("2000")
    dialog.accept()  # refused: the message shows
    dialog.show()
    qtbot.waitExposed(dialog)
    folder = Path(os.environ.get("DTPL_SCREENSHOTS", "") or dialog.objectName())
    for i in range(3):
        dialog.tabs.setCurrentIndex(i)
        image = dialog.grab()
        assert not image.isNull()
        if os.environ.get("DTPL_SCREENSHOTS"):
            folder.mkdir(parents=True, exist_ok=True)
            image.save(str(folder / f"data-umum-{i + 1}.png"))
