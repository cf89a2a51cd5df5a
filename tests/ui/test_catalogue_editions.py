"""The catalogue offers the price library's editions (issue 8: the library is the
catalogue's source at run time): listed off the GUI thread, chosen, remembered."""

from __future__ import annotations

import json

from dtpl_studio.services.prices import import_prices, load_default_book, store_in_library
from dtpl_studio.ui.main_window import MainWindow


def _hspk(folder):
    path = folder / "hspk_Kota_Semarang.json"
    path.write_text(json.dumps([
        {"item_number": str(n), "work_code": code, "work_description": f"Pekerjaan {code}", "unit": "m2",
         "unit_price_idr": price, "region": "Kota Semarang", "edition": "Edisi Ke - 2", "year": "2025",
         "sector": "Bidang Cipta Karya dan Perumahan"}
        for n, (code, price) in enumerate((("1.1.1.5", 25285), ("1.1.2.3", 2791592)), start=1)]),
        encoding="utf-8")
    return path


def _window(qtbot, program, tmp_path):
    window = MainWindow()  # the default: the shipped edition first, then the library's editions
    qtbot.addWidget(window)
    window.open_program(program, tmp_path / "p.dtpl")
    window.packages.setCurrentRow(1)
    return window


def _edition_ids(window):
    combo = window.catalogue.edition
    return [combo.itemData(i) for i in range(combo.count())]


def test_the_catalogue_lists_the_library_and_switches_edition(qtbot, program, tmp_path):
    hspk, _ = import_prices(_hspk(tmp_path))
    hspk_id, _, _ = store_in_library(hspk, publish=True)
    window = _window(qtbot, program, tmp_path)
    assert window.catalogue.book.content_hash() == load_default_book().content_hash()
    qtbot.waitUntil(lambda: window.catalogue.edition.isEnabled(), timeout=20_000)
    ids = _edition_ids(window)
    assert hspk_id in ids and len(ids) == 2  # and the shipped edition, seeded
    shipped_text = window.catalogue.edition.currentText()
    assert "bawaan" in shipped_text and "AHSP+HSD" in shipped_text

    window.catalogue.edition.setCurrentIndex(ids.index(hspk_id))
    window.catalogue.edition.activated.emit(ids.index(hspk_id))
    qtbot.waitUntil(lambda: window.library is not None and window.library.meta.region == "Kota Semarang",
                    timeout=20_000)
    assert window.catalogue.model.rowCount() == 2
    assert window.rab_editor.library_book is window.library  # the Uraian type-ahead offers it too
    assert "Kota Semarang" in window.statusBar().currentMessage()

    # remembered: the next window starts from it again
    second = _window(qtbot, program, tmp_path)
    qtbot.waitUntil(lambda: second.library is not None and second.library.meta.region == "Kota Semarang",
                    timeout=20_000)
    assert second.catalogue.edition.currentData() == hspk_id


def test_an_unreadable_library_leaves_the_shipped_edition(qtbot, program, tmp_path, monkeypatch):
    broken = tmp_path / "rusak.sqlite"
    broken.write_bytes(b"bukan basis data" * 100)
    monkeypatch.setenv("DTPL_STUDIO_LIBRARY", str(broken))
    window = _window(qtbot, program, tmp_path)
    qtbot.waitUntil(lambda: window.catalogue.edition.currentData() is None
                    and "memuat" not in window.catalogue.edition.currentText(), timeout=20_000)
    assert not window.catalogue.edition.isEnabled()
    assert window.catalogue.book.content_hash() == load_default_book().content_hash()


def test_choices_in_quick_succession_end_on_the_last(qtbot, program, tmp_path):
    """The class: loads finishing in any order after several choices; the catalogue, the
    selector and the type-ahead's book all show the last choice."""
    ids = []
    for region, prices in (("Kota Semarang", (25285, 2791592)), ("Kab. Klaten", (20371, 2479215))):
        path = tmp_path / f"hspk_{region.replace(' ', '_')}.json"
        path.write_text(json.dumps([
            {"item_number": "1", "work_code": "1.1.1.5", "work_description": "Pekerjaan", "unit": "m2",
             "unit_price_idr": prices[0], "region": region, "edition": "Edisi Ke - 2", "year": "2025",
             "sector": "Bidang Cipta Karya dan Perumahan"}]), encoding="utf-8")
        book, _ = import_prices(path)
        ids.append(store_in_library(book, publish=True)[0])
    window = _window(qtbot, program, tmp_path)
    qtbot.waitUntil(lambda: window.catalogue.edition.isEnabled(), timeout=20_000)
    for edition_id in (ids[0], ids[1], ids[0], ids[1], ids[0]):
        window.choose_library_edition(edition_id)
    window.pool.waitForDone()
    qtbot.wait(50)
    assert window.library.meta.region == "Kota Semarang"
    assert window.catalogue.edition.currentData() == ids[0]
    assert window.rab_editor.library_book is window.library
