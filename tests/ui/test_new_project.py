"""Berkas › Proyek baru… (issue 7 point 2, the guide's first chapter): an empty programme
with one physical package, filled through Pengaturan proyek and the catalogue, saved and
printed."""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.funding import Component
from dtpl_studio.services.project import export_pdf, new_program, open_project
from dtpl_studio.ui.models.rab_model import Col


def test_new_program_is_one_empty_physical_package_with_the_book_pinned_empty(book):
    program = new_program(book)
    assert program.kelurahan == "" and program.fiscal_year is None
    [package] = program.packages
    assert package.component is Component.FISIK
    assert [s.title for s in package.sections] == ["PEKERJAAN PERSIAPAN"]
    assert package.book is not book and not package.book.analyses
    assert package.book.meta == book.meta
    assert [s.role for s in program.signatories][:2] == ["Dibuat oleh", "Diperiksa oleh"]
    assert all(not s.name for s in program.signatories)


def test_new_project_from_the_menu_then_settings_an_item_and_the_pdf(window, shown, tmp_path):
    old = window.doc
    window.doc.undo_stack.setClean()
    target = tmp_path / "Kelurahan Mekarsari"
    shown.file_answer = str(target)  # no suffix typed: .dtpl is added
    assert window.new_project_dialog()
    path = target.with_suffix(".dtpl")
    assert path.exists() and window.doc is not old and window.doc.path == path
    assert window.doc.session.holds_lock and window.doc.undo_stack.count() == 0
    assert shown.file_questions[-1][0] == "Proyek baru: simpan sebagai"
    assert "Proyek baru dibuat" in window.statusBar().currentMessage()
    assert window.rab_editor.package is window.doc.program.packages[0]

    dialog = window.make_settings_dialog()
    dialog.texts["title"].setText("Penataan lingkungan RW 02")
    dialog.texts["kelurahan"].setText("Mekarsari")
    dialog.texts["kota"].setText("Kota Bandung")
    dialog.year.setValue(2027)
    dialog.package_name.setText("Jalan lingkungan RW 02")
    dialog.signatories.item(0, 1).setText("Ibu Sari")
    dialog.accept()
    assert window.apply_settings(dialog)
    program = window.doc.program
    assert (program.title, program.kelurahan, program.kota, program.fiscal_year) == (
        "Penataan lingkungan RW 02", "Mekarsari", "Kota Bandung", 2027)
    assert program.packages[0].name == "Jalan lingkungan RW 02"
    assert program.signatories[0].name == "Ibu Sari"
    assert "Jalan lingkungan RW 02" in window.packages.item(0).text()

    division = program.packages[0].sections[0]
    window.rab_editor.select_id(division.id)
    item = window.add_from_catalogue("A.2.3.1.1")
    model = window.rab_editor.model
    assert model.setData(model.index_for_id(item.id, Col.VOLUME), "12,5")
    assert model.setData(model.index_for_id(division.id, Col.URAIAN), "PEKERJAAN TANAH")
    assert division.title == "PEKERJAAN TANAH"
    assert window.save()
    again = open_project(path)
    assert again.kelurahan == "Mekarsari" and again.packages[0].items().__next__().volume == Decimal("12.5")
    pdf = tmp_path / "dtpl.pdf"
    export_pdf(again, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_settings_dialog_turns_the_package_into_a_planning_one_and_undo_back(window):
    window.packages.setCurrentRow(1)
    package = window.rab_editor.package
    assert package.component is Component.FISIK
    dialog = window.make_settings_dialog()
    dialog.component.setCurrentIndex(0)  # Perencanaan
    dialog.accept()
    assert window.apply_settings(dialog)
    assert package.component is Component.PERENCANAAN
    window.undo()
    assert package.component is Component.FISIK


def test_new_project_cancelled_keeps_the_open_one(window, shown):
    old = window.doc
    window.doc.undo_stack.setClean()
    shown.file_answer = ""
    assert not window.new_project_dialog()
    assert window.doc is old
