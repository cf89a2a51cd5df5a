"""One verdict, three outputs (issue 6 point 1): the window's BLM panel, the PDF (its BLM
chapter and the DRAFT watermark) and ``dtpl-studio check`` say the same thing for the same
project — passed, passed with notes, fails a rule, not valid yet, price basis not accepted.
Also: the findings list selects the item a finding is about; the panel follows edits."""

from __future__ import annotations

import json
import re
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from dtpl_studio.cli import main
from dtpl_studio.costing.blm import VERDICT_LABEL, VerdictKind
from dtpl_studio.costing.funding import Termin
from dtpl_studio.costing.rab import Item, price_program
from dtpl_studio.services.project import export_pdf, open_project, save_project
from dtpl_studio.ui.main_window import MainWindow
from dtpl_studio.ui.strings import ID
from dtpl_studio.ui.widgets.rab_editor import Col
from tests.ui.ui_sample import build_sample_book, build_sample_program


def _passed(program):
    return program


def _with_notes(program):
    program.termins = []  # no termin plan: a warning
    return program


def _over_ceiling(program):
    program.packages[0].sections[0].children[1].volume = D(5)  # DED 5 × 64 juta: > 300 juta
    return program


def _item_in_error(program):
    program.packages[1].sections[1].children[0].analysis_code = "TIDAK-ADA"
    return program


def _draft_book(program):
    program.packages[1].book.meta.status = "draft"
    return program


def _termin_off(program):
    program.termins = [Termin(D(60), "a"), Termin(D(50), "b")]
    return program


CASES = [
    (_passed, VerdictKind.PASSED, "LULUS", 0),
    (_with_notes, VerdictKind.PASSED, "LULUS DENGAN CATATAN", 0),
    (_over_ceiling, VerdictKind.FAILS_RULE, "TIDAK LULUS", 1),
    (_termin_off, VerdictKind.FAILS_RULE, "TIDAK LULUS", 1),
    (_item_in_error, VerdictKind.NOT_VALID, "BELUM SAH", 2),
    (_draft_book, VerdictKind.PRICE_BASIS, "DASAR HARGA BELUM DITERIMA", 1),
]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("change,kind,label,code", CASES, ids=[c[0].__name__ for c in CASES])
def test_window_pdf_and_cli_say_the_same_verdict(qtbot, tmp_path, capsys, change, kind, label, code):
    program = change(build_sample_program(build_sample_book()))
    project = tmp_path / "proyek.dtpl"
    save_project(program, project)
    loaded = open_project(project)
    assert price_program(loaded).verdict.kind is kind

    # CLI: exit code and JSON
    assert main(["check", str(project), "--json"]) == code
    data = json.loads(capsys.readouterr().out)
    assert (data["verdict"]["kind"], data["verdict"]["label"], data["verdict"]["exit_code"]) == (
        kind.value, label, code)
    assert main(["check", str(project)]) == code
    assert f"HASIL: {label} –" in capsys.readouterr().out

    # PDF: the conclusion, the DRAFT watermark on every page unless passed, the document status
    pdf = export_pdf(loaded, tmp_path / "out.pdf")
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    text = _flat(" ".join(pages))
    assert f"Kesimpulan pemeriksaan: {label} –" in text
    drafts = sum(1 for p in pages if "DRAFT" in p.split("\n")[0])
    assert drafts == (0 if kind is VerdictKind.PASSED else len(pages))
    assert ("Status dokumen: Final" in text) is (kind is VerdictKind.PASSED)

    # window: the panel's verdict badge
    window = MainWindow(library_book=build_sample_book)
    qtbot.addWidget(window)
    window.open_program(loaded, project)
    assert window.blm.verdict_label.text() == label
    assert window.blm.explanation.text() == data["verdict"]["explanation"]
    errors = data["verdict"]["errors"]
    assert window.findings_label.text().startswith("Temuan: tidak ada" if not data["findings"]
                                                   else f"Temuan: {errors} galat")


def test_gui_verdict_words_are_the_core_words():
    for kind, label in VERDICT_LABEL.items():
        assert ID[f"verdict.{kind.value}"] == label


def test_check_json_has_totals_per_package_component_source_and_every_finding(tmp_path, capsys):
    program = _over_ceiling(build_sample_program(build_sample_book()))
    project = tmp_path / "p.dtpl"
    save_project(program, project)
    assert main(["check", str(project), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "dtpl-studio/check/1"
    totals = data["totals"]
    assert [p["name"] for p in totals["packages"]] == ["Dukungan Perencanaan", "Saluran RT 03"]
    assert totals["components"]["perencanaan"] == {"exact": "356000000", "rounded": "356000000"}
    assert set(totals["sources"]) == {"BLM", "swadaya"}
    assert totals["packages"][1]["by_source"]["swadaya"]["rounded"] == "450000"
    check = next(c for c in data["checks"] if c["key"] == "perencanaan")
    assert (check["passed"], check["limit"]) == (False, "300000000")
    finding = next(f for f in data["findings"] if f["code"] == "blm-ceiling")
    assert finding["severity"] == "error" and finding["blocks"] == "fails-rule"
    assert ["selisih", "56000000"] in finding["amounts"]
    assert finding["contributors"][0]["description"] == "Penyusunan DED"
    assert finding["remedy"].startswith("Rp 56.000.000 di atas pagu")
    assert [r["applied"] for r in data["rules"]] == [True, True, True]
    assert sum(int(t["amount"]) for t in data["termins"]) == int(totals["blm_total"]["rounded"])


def test_check_json_on_an_unreadable_project_exits_2(tmp_path, capsys):
    bogus = tmp_path / "x.dtpl"
    bogus.write_text("no")
    assert main(["check", str(bogus), "--json"]) == 2
    assert "x.dtpl" in capsys.readouterr().err


def test_clicking_a_finding_selects_its_item(qtbot, program, book):
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    _item_in_error(program)
    window.open_program(program)
    window.packages.setCurrentRow(0)
    target = program.packages[1].sections[1].children[0]
    row = next(window.findings.topLevelItem(i) for i in range(window.findings.topLevelItemCount())
               if window.findings.finding_at(window.findings.topLevelItem(i)).item_id == target.id)
    window.findings.itemClicked.emit(row, 0)
    assert window.rab_editor.package is program.packages[1]
    assert window.rab_editor.current_node() is target


def test_panel_gauges_follow_an_edit_and_say_the_verdict(qtbot, window):
    panel = window.blm
    assert [c.status.text() for c in panel.cards] == ["LULUS", "LULUS", "LULUS", "–"]
    assert panel.verdict_label.text() == "LULUS"
    window.packages.setCurrentRow(0)
    ded = window.doc.program.packages[0].sections[0].children[1]
    model = window.rab_editor.model
    model.setData(model.index_for_id(ded.id, Col.VOLUME), "5")
    assert panel.cards[0].status.text() == "MELEBIHI PAGU"
    assert panel.verdict_label.text() == "TIDAK LULUS"
    assert panel.overview.rows[0][1]["BLM"] == "356.000.000"
    window.undo()
    assert panel.verdict_label.text() == "LULUS"
    assert panel.overview.rows[0][1]["BLM"] == "100.000.000"
    name, figures = panel.overview.rows[-1]
    assert name == "Jumlah program" and figures["swadaya"] == "450.000"
    assert "Rp 450.000" in panel.overview.text()


def test_swadaya_gauge_with_a_minimum(qtbot, program, book):
    from dtpl_studio.costing.funding import SwadayaRule

    program.swadaya_rule = SwadayaRule(D("0.01"), "uji")
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    window.open_program(program)
    card = window.blm.cards[-1]
    assert card.status.text() == "DI BAWAH MINIMUM"
    assert window.blm.verdict_label.text() == "TIDAK LULUS"
    papan = program.packages[1].sections[0].children[0]
    assert isinstance(papan, Item)


def test_recording_a_price_basis_reason_is_undoable_and_changes_the_verdict(qtbot, program, book,
                                                                            monkeypatch):
    program = _draft_book(program)
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    window.open_program(program)
    assert window.blm.verdict_label.text() == "DASAR HARGA BELUM DITERIMA"
    assert not window.blm.price_basis_button.isHidden()
    from PySide6.QtWidgets import QInputDialog

    asked = []

    def fake(parent, title, label, text):
        asked.append(label)
        return "buku contoh untuk uji", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", fake)
    window.packages.setCurrentRow(0)  # the planning package: the button picks the blocked one
    window.blm.price_basis_button.click()
    assert "Saluran RT 03" in asked[0]
    assert program.packages[1].price_basis_note == "buku contoh untuk uji"
    assert window.blm.verdict_label.text() == "LULUS DENGAN CATATAN"
    assert window.blm.price_basis_button.isHidden()
    window.undo()
    assert program.packages[1].price_basis_note == ""
    assert window.blm.verdict_label.text() == "DASAR HARGA BELUM DITERIMA"


def test_item_funding_dialog_splits_and_moves_the_swadaya_gauge(qtbot, window, monkeypatch):
    from dtpl_studio.costing.funding import FundingShare, FundingSource
    from dtpl_studio.ui.widgets.funding_dialog import FundingDialog

    item = window.doc.program.packages[1].sections[2].children[0]  # fondasi: labour and material
    dialog = FundingDialog(item, FundingSource.BLM)
    qtbot.addWidget(dialog)
    dialog.add_share(FundingShare(FundingSource.SWADAYA_TENAGA))
    dialog.add_share(FundingShare(FundingSource.APBD, percent=D("10")))
    dialog.table.item(1, 1).setText("12,5")
    funding, shares = dialog.values()
    assert funding is None and shares == [FundingShare(FundingSource.SWADAYA_TENAGA),
                                          FundingShare(FundingSource.APBD, D("12.5"))]
    before = window.doc.priced.verdict.totals.swadaya.rounded
    window.set_item_funding(item, funding, shares)
    totals = window.doc.priced.verdict.totals
    assert totals.swadaya.rounded > before and FundingSource.APBD in totals.by_source
    priced_item = window.doc.priced_node(item.id)
    assert sum(v for _, v in priced_item.funding) == priced_item.amount
    assert "Swadaya tenaga" in window.blm.overview.text()
    window.undo()
    assert item.funding_split == [] and window.doc.priced.verdict.totals.swadaya.rounded == before
    dialog.table.item(1, 1).setText("abc")
    with pytest.raises(ValueError, match="Baris 2"):
        dialog.values()
