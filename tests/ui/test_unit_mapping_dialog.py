"""The needs-mapping list resolved once (issue 8 point 3): spellings the import could not
read are mapped in the wizard's dialog, kept for every later import, and the import reruns."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.services.units import user_units
from dtpl_studio.ui.widgets import unit_mapping_dialog
from dtpl_studio.ui.widgets.unit_mapping_dialog import UnitMappingDialog, map_units_and_rerun


def _finding(raw: str, where: str) -> Finding:
    return Finding(Severity.WARNING, f"satuan {raw!r} tidak dikenal", location=f"harga.csv | {where}",
                   code="unit-needs-mapping", raw=raw)


def test_filled_rows_are_kept_a_bad_one_is_refused_on_its_row(qtbot):
    dialog = UnitMappingDialog([_finding("Lembar", "baris 3"), _finding("Lembar", "baris 9"),
                                _finding("Btg.", "baris 4"), _finding("Keg", "baris 5")])
    qtbot.addWidget(dialog)
    assert dialog.spellings == ["Lembar", "Btg.", "Keg"]  # most frequent first
    assert "2×" in dialog.table.item(0, 1).text()
    dialog.editors[0].setText("bh")
    dialog.editors[1].setText("bukan satuan")
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted  # one row refused: the dialog stays
    assert "bukan satuan" in dialog.message.text()
    assert user_units() == {"Lembar": "bh"}
    dialog.editors[1].setText("btg")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert user_units() == {"Lembar": "bh", "Btg.": "btg"}


def test_the_wizard_reruns_the_import_after_mapping(qtbot, monkeypatch):
    runs = []

    class Page:
        def start(self):
            runs.append(1)

    class Wizard:
        import_page = Page()

    def fake_exec(self):
        self.saved = {"Lembar": "bh"}
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(unit_mapping_dialog.UnitMappingDialog, "exec", fake_exec)
    monkeypatch.setattr(unit_mapping_dialog, "UnitMappingDialog",
                        lambda findings, parent: _Dialog(findings, fake_exec))
    assert map_units_and_rerun(Wizard(), [_finding("Lembar", "baris 3")])
    assert runs == [1]


class _Dialog:
    def __init__(self, findings, exec_):
        self.saved = {}
        self._exec = exec_

    def exec(self):
        return self._exec(self)
