"""Pengaturan proyek, left-over defects of issue 9: a refusal that outlived its cause (the
PPN error stayed red after unticking *PPN dikenakan*), a NIP flagged only in the PDF, and a
signatory table that showed 2 of its 4 rows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.data_umum import nip_problem
from dtpl_studio.costing.rab import Signatory
from dtpl_studio.ui.widgets.settings_dialog import NIP_COLUMN, ProjectSettingsDialog

FOUR = [Signatory("Dibuat oleh", "Sutrisno", "Ketua KSM Maju Bersama", kind="ketua_ksm"),
        Signatory("Diperiksa oleh", "Ir. Rina Wulandari", "Fasilitator Teknik"),
        Signatory("Disetujui oleh", "H. Ahmad Fauzi", "Koordinator BKM Sukamaju Sejahtera"),
        Signatory("Mengetahui", "Drs. Bambang Hartono", "Lurah Sukamaju", kind="lurah",
                  nip="19700101 199503 1 001")]


@pytest.fixture
def dialog(qtbot, program):
    program.signatories = list(FOUR)
    dlg = ProjectSettingsDialog(program, program.packages[1])
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


# -- a refusal goes with its cause ---------------------------------------------------------

#: (make the field unreadable, make it readable again / take it out of the edit)
BAD_FIELDS = {
    "ppn, unticked": (lambda d: (d.ppn_applies.setChecked(True), d.ppn_rate.setText("sebelas")),
                      lambda d: d.ppn_applies.setChecked(False)),
    "ppn, corrected": (lambda d: (d.ppn_applies.setChecked(True), d.ppn_rate.setText("150")),
                       lambda d: d.ppn_rate.setText("11")),
    "overhead, corrected": (lambda d: d.overhead.setText("x"), lambda d: d.overhead.setText("12,5")),
}


@pytest.mark.parametrize("field", BAD_FIELDS)
def test_the_error_line_goes_when_its_cause_goes(dialog, field):
    spoil, mend = BAD_FIELDS[field]
    spoil(dialog)
    dialog.accept()
    assert not dialog.error.isHidden() and dialog.error.text()
    mend(dialog)
    assert dialog.error.isHidden(), dialog.error.text()
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_with_two_bad_fields_mending_one_names_the_other(dialog):
    dialog.ppn_applies.setChecked(True)
    dialog.ppn_rate.setText("abc")
    dialog.overhead.setText("x")
    dialog.accept()
    first = dialog.error.text()
    dialog.ppn_applies.setChecked(False)
    assert not dialog.error.isHidden() and dialog.error.text() != first
    assert "Overhead" in dialog.error.text() or "overhead" in dialog.error.text()


def test_the_error_line_is_not_shown_before_ok(dialog):
    dialog.ppn_applies.setChecked(True)
    dialog.ppn_rate.setText("abc")  # typing is not refused until OK
    assert dialog.error.isHidden()


# -- NIP in the window ---------------------------------------------------------------------

def _nip_cell(dialog, row):
    return dialog.signatories.item(row, NIP_COLUMN)


def test_a_valid_nip_is_not_flagged(dialog):
    assert dialog.nip_warning.isHidden()
    assert _nip_cell(dialog, 3).toolTip() == ""


def test_a_bad_lurah_nip_is_flagged_at_its_field_in_indonesian(dialog):
    _nip_cell(dialog, 3).setText("1970 0101")
    cell = _nip_cell(dialog, 3)
    assert cell.toolTip() == "NIP '1970 0101' berisi 8 angka, seharusnya 18"
    assert cell.background().color().name() == "#fdecc8"
    text = dialog.nip_warning.text()
    assert not dialog.nip_warning.isHidden()
    assert text.startswith("Baris 4 (Lurah Sukamaju, Drs. Bambang Hartono): NIP '1970 0101' berisi 8 angka")
    assert "18 angka" in text
    dialog.accept()  # a warning (the PDF prints it as a finding), not a refusal
    assert dialog.result() == dialog.DialogCode.Accepted
    _nip_cell(dialog, 3).setText("19700101 199503 1 001")
    assert dialog.nip_warning.isHidden() and _nip_cell(dialog, 3).toolTip() == ""


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="0123456789 .-abO", max_size=24))
def test_the_window_flags_exactly_what_the_pdf_flags(qapp, nip):
    """The class: any NIP text, on any row — the window's mark is the PDF finding's rule."""
    from tests.ui.ui_sample import build_sample_book, build_sample_program

    program = build_sample_program(build_sample_book())
    program.signatories = [Signatory("Mengetahui", "Pak Lurah", "Lurah", kind="lurah", nip=nip)]
    dlg = ProjectSettingsDialog(program, None)
    try:
        problem = nip_problem(nip)
        assert (dlg.signatories.item(0, NIP_COLUMN).toolTip() or None) == problem
        assert dlg.nip_warning.isHidden() == (problem is None)
    finally:
        dlg.deleteLater()


def test_a_removed_row_takes_its_warning_along(dialog):
    _nip_cell(dialog, 3).setText("123")
    dialog.signatories.setCurrentCell(3, 0)
    dialog._remove_signatory()
    assert dialog.nip_warning.isHidden()


# -- every signatory row visible ------------------------------------------------------------

@pytest.mark.parametrize("rows", [0, 1, 4, 6, 8])
def test_the_signatory_table_shows_every_row(qtbot, program, rows):
    program.signatories = [Signatory(f"Peran {i}", f"Nama {i}", "Jabatan") for i in range(rows)]
    dlg = ProjectSettingsDialog(program, program.packages[1])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    table = dlg.signatories
    assert table.verticalScrollBar().maximum() == 0  # nothing hidden below
    for r in range(rows):
        assert table.visualItemRect(table.item(r, 0)).bottom() <= table.viewport().height()
    dlg._add_signatory(Signatory("Tambahan"))  # a row added in the dialog is shown too
    qtbot.wait(10)
    if rows + 1 <= 8:
        assert table.verticalScrollBar().maximum() == 0
