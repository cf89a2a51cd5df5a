"""The analysis catalogue: search, the A–F detail, "Tambah ke RAB" and its undo."""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.ui.models.catalogue_model import CatalogueFilter, CatalogueModel, CCol
from dtpl_studio.ui.models.rab_model import Col


def test_model_contract(qtmodeltester, book):
    model = CatalogueModel()
    model.set_book(book)
    qtmodeltester.check(model)
    proxy = CatalogueFilter()
    proxy.setSourceModel(model)
    proxy.set_text("plester")
    qtmodeltester.check(proxy)


def test_search_by_code_and_by_words_of_the_name(window):
    panel = window.catalogue
    assert panel.proxy.rowCount() == 6
    panel.search.setText("plester")
    assert [panel.proxy.index(r, CCol.CODE).data() for r in range(panel.proxy.rowCount())] == ["A.4.4.2.4", "X.1"]
    panel.search.setText("A.2.3")
    assert panel.proxy.rowCount() == 2
    panel.search.setText("URUG pasir")  # every word, any case, any order
    assert [panel.proxy.index(r, CCol.CODE).data() for r in range(panel.proxy.rowCount())] == ["A.2.3.1.11"]
    assert panel.count.text() == "1 dari 6 analisa"
    assert panel.current_code() == "A.2.3.1.11"  # the first hit is selected
    panel.search.setText("tidak ada yang cocok")
    assert panel.proxy.rowCount() == 0


def test_catalogue_shows_the_rounded_rate(window):
    panel = window.catalogue
    row = panel.model.row_of("A.2.3.1.1")
    assert panel.model.index(row, CCol.RATE).data() == "80.900"
    assert panel.model.index(row, CCol.UNIT).data() == "m3"


def test_detail_shows_the_a_to_f_breakdown(window):
    panel = window.catalogue
    assert panel.select_code("A.4.4.2.4")
    rows = panel.detail.texts()
    assert rows[0][0] == "A. Tenaga kerja"
    assert ["   Pekerja", "OH", "0,3", "90.000", "27.000"] in rows
    assert ["Jumlah A", "", "", "", "46.200"] in rows
    assert ["   Semen portland", "kg", "6,24", "1.744", "10.882,56"] in rows
    assert ["   Peralatan 5% (bahan)", "%", "5%", "16.101,22", "805,06"] in rows
    assert ["D. Jumlah (A + B + C)", "63.106,28"] in rows
    assert ["E. Biaya umum dan keuntungan 15% × D", "9.465,94"] in rows
    assert ["F. Harga satuan pekerjaan (D + E)", "72.572,22"] in rows
    rule = window.library.meta.rate_rounding.describe()
    assert [f"F dibulatkan ({rule})", "72.500"] in rows


def test_add_to_rab_copies_the_analysis_into_the_package_book_and_undo_removes_it(window):
    doc = window.doc
    package = doc.program.packages[1]
    tanah = package.sections[1]
    galian = tanah.children[0]
    assert "A.4.4.2.4" not in package.book.analyses  # the pinned book holds only what is used
    direct_before = window.rab_editor.summary.values["direct"].text()
    window.rab_editor.select_id(galian.id)
    window.catalogue.select_code("A.4.4.2.4")
    assert window.catalogue.add_button.isEnabled()

    window.catalogue.add_button.click()

    new = tanah.children[1]  # right after the selected item
    assert new.analysis_code == "A.4.4.2.4"
    assert new.unit == "m2" and new.volume == Decimal(0)
    assert new.description == "Pemasangan 1 m2 plesteran 1SP : 4PP tebal 15 mm"
    assert "A.4.4.2.4" in package.book.analyses
    assert window.rab_editor.current_node() is new
    model = window.rab_editor.model
    assert model.data(model.index_for_id(new.id, Col.RATE)) == "72.500"
    assert model.data(model.index_for_id(new.id, Col.AMOUNT)) == "0"
    assert window.rab_editor.summary.values["direct"].text() == direct_before
    assert "peringatan" in window.findings_label.text()  # volume is zero

    window.undo()
    assert new not in tanah.children
    assert "A.4.4.2.4" not in package.book.analyses
    assert window.findings_label.text() == "Temuan: tidak ada"
    window.redo()
    assert tanah.children[1] is new
    assert package.book.unit_rate("A.4.4.2.4") == Decimal(72500)


def test_add_sub_analysis_brings_its_dependencies_along(window):
    package = window.doc.program.packages[1]
    saluran = package.sections[2]
    window.rab_editor.select_id(saluran.id)
    window.catalogue.select_code("X.1")
    item = window.add_from_catalogue("X.1")
    assert saluran.children[-1] is item
    assert {"X.1", "A.4.4.2.4", "A.4.4.2.27"} <= set(package.book.analyses)
    assert package.book.analyses["X.1"] is not window.library.analyses["X.1"]  # copied, not shared
    window.undo()
    assert not {"X.1", "A.4.4.2.4", "A.4.4.2.27"} & set(package.book.analyses)


def test_add_to_planning_package_without_analyses(window):
    window.packages.setCurrentRow(0)
    package = window.doc.program.packages[0]
    assert window.rab_editor.package is package
    window.rab_editor.view.clearSelection()
    item = window.add_from_catalogue("A.2.3.1.1")
    assert package.sections[-1].children[-1] is item  # no selection: end of the last division
    assert window.rab_editor.summary.values["direct"].text() == "Rp 100.000.000"
    assert set(package.book.resources) == {"L.01", "L.04"}  # the resources came along, as copies
    assert package.book.resources["L.01"] is not window.library.resources["L.01"]
    window.undo()
    assert not package.book.resources and not package.book.analyses
