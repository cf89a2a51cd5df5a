"""Sunting › Ganti edisi harga paket… (issue 10 point 5): the dialog lists the target
editions, shows the report (a row per item, the items without counterpart highlighted, the
division subtotals and the totals old → new); *Terapkan* is one undo step whose undo puts the
old pinned book back exactly; the real HSPK file re-prices the demo (public data)."""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import price_package
from dtpl_studio.services.repricing import Target
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.reprice_dialog import MISSING_BACKGROUND
from tests.costing.test_edits import snapshot

SHOTS = Path(os.environ.get("DTPL_SCREENSHOTS", "/work/notes/shots"))


def other_region(book: PriceBook) -> PriceBook:
    """The sample book in another region: +25 % prices, without A.2.3.1.11 (pengurugan)."""
    target = PriceBook(dataclasses.replace(book.meta, region="Kab. Lain", title="Buku harga Kab. Lain 2025"))
    for key, resource in book.resources.items():
        target.resources[key] = dataclasses.replace(resource, price=resource.price * Decimal("1.25"))
    for code, analysis in book.analyses.items():
        if code != "A.2.3.1.11":
            target.analyses[code] = dataclasses.replace(analysis, lines=list(analysis.lines))
    target.touch()
    return target


def _shot(widget, name: str, tmp_path: Path) -> None:
    folder = SHOTS if SHOTS.parent.is_dir() else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / name))


def test_dialog_report_and_one_undo_step(window, book, tmp_path):
    win = window
    assert win.reprice_action in win.menuBar().actions()[1].menu().actions()
    package = win.rab_editor.package
    target = other_region(package.book)
    before = snapshot(win.doc.program)
    old_book, old_hash = package.book, package.book.content_hash()
    old_total = win.doc.priced_package(package).rounded
    dialog = win.make_reprice_dialog(choices=([Target("bawaan", "Edisi bawaan"), Target("7", "#7 Kab. Lain")], "x", ""),
                                     loader=lambda key: target if key == "7" else package.book)
    assert dialog.target.currentData() == "7"  # the library edition is preselected
    report = dialog.plan.report
    assert dialog.lines.rowCount() == len(report.lines) == len(list(package.items()))
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == tr("dlg.reprice.apply")
    missing = [ln for ln in report.lines if ln.status.value == "missing"]
    assert missing and tr("dlg.reprice.missing", count=len(missing)) == dialog.missing_label.text()
    row = [ln.item_id for ln in report.lines].index(missing[0].item_id)
    assert dialog.lines.item(row, 4).background().color() == MISSING_BACKGROUND
    assert dialog.lines.item(row, 4).toolTip() == missing[0].reason
    assert dialog.divisions.rowCount() == len(report.divisions) + 4
    last = dialog.divisions.rowCount() - 1
    assert dialog.divisions.item(last, 1).text() == tr("reprice.total.rounded")
    assert dialog.divisions.item(last, 3).text() == format_rupiah(report.new.rounded)
    dialog.show()
    _shot(dialog, "reprice-dialog-sample.png", tmp_path)
    dialog.choose("bawaan")  # the same book: refused in the dialog, Terapkan disabled
    assert not dialog.apply_button.isEnabled() and "sudah memakai" in dialog.summary.text()
    dialog.choose("7")
    dialog.close()
    steps = win.doc.undo_stack.count()
    assert win.apply_reprice(dialog.plan)
    assert win.doc.undo_stack.count() == steps + 1
    assert package.book.meta.region == "Kab. Lain"
    assert win.doc.priced_package(package).rounded == report.new.rounded != old_total
    assert ("reprice", package.id) in win.doc.session.audit_details
    win.undo()
    assert package.book is old_book and package.book.content_hash() == old_hash
    assert snapshot(win.doc.program) == before
    assert win.doc.priced_package(package).rounded == old_total
    win.redo()
    assert win.doc.priced_package(package).rounded == report.new.rounded


def test_demo_onto_the_real_hspk_region(public_data, qtbot, tmp_path):
    """The demo (plus three shipped analyses the HSPK decree also prices) against HSPK Kota
    Semarang 2025 imported into the (temporary) library: the screenshot of the issue."""
    from dtpl_studio.services.prices import import_prices, store_in_library
    from dtpl_studio.ui.main_window import MainWindow
    from tests.services.test_repricing_service import HSPK, _demo_with_shipped_items

    hspk, report = import_prices(public_data / HSPK)
    assert report.usable
    edition_id, _, _ = store_in_library(hspk)
    path = tmp_path / "demo.dtpl"
    _demo_with_shipped_items(path)
    win = MainWindow()
    qtbot.addWidget(win)
    win.open_path(path)
    win.packages.setCurrentRow(1)
    win.resize(1400, 900)
    win.show()
    package = win.rab_editor.package
    dialog = win.make_reprice_dialog()
    assert dialog.target.currentData() == str(edition_id)
    report = dialog.plan.report
    assert report.count(report.lines[0].status.__class__("matched")) == 3
    assert len(report.missing) == 11
    assert "11" in dialog.missing_label.text()
    dialog.show()
    dialog.resize(1400, 820)
    _shot(dialog, "reprice-dialog.png", tmp_path)
    dialog.close()
    assert win.apply_reprice(dialog.plan)
    assert package.book.meta.region == "Kota Semarang"
    assert "Kota Semarang" in win.book_label.text()  # the status bar names the new basis
    assert price_package(package).rounded == report.new.rounded
    _shot(win, "reprice-window.png", tmp_path)
    win.undo()
    assert package.book.meta.region == "" and "Kota Semarang" not in win.book_label.text()
