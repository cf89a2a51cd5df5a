"""The Rekap kebutuhan dock: grouped tenaga/bahan/alat, per package or the programme, follows
edits while shown, computes nothing while hidden, saves its CSV (issue 10 point 6)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.kebutuhan import schedule_package, schedule_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.ui.commands import SetVolumeCommand
from dtpl_studio.ui.strings import set_language

SHOTS = Path(os.environ.get("DTPL_SCREENSHOTS", "")) if os.environ.get("DTPL_SCREENSHOTS") else None


def show_rekap(window) -> None:
    window.rekap_dock.show()
    window.rekap_dock.raise_()


def top_texts(panel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def find_row(panel, name: str):
    for i in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == name:
                return group.child(j)
    raise AssertionError(name)


def test_hidden_rekap_computes_nothing_until_shown(window):
    panel = window.rekap
    assert not panel.on_screen()  # tabbed behind the catalogue
    assert panel.builds == 0 and panel.priced is window.doc.priced
    show_rekap(window)
    assert panel.on_screen() and panel.builds == 1
    s = panel.schedule
    assert s.direct == sum(pp.direct for pp in window.doc.priced.packages)
    texts = top_texts(panel)
    assert texts[0] == "Tenaga kerja" and texts[-1] == "Jumlah biaya langsung RAB"
    assert panel.tree.topLevelItem(len(texts) - 1).text(4) == format_rupiah(s.direct)


def test_rekap_follows_edits_while_shown(window, qtbot):
    show_rekap(window)
    panel = window.rekap
    panel.scope.setCurrentIndex(2)  # package 2 (physical)
    assert panel.selected_package() == 2
    doc = window.doc
    pp = doc.priced.packages[1]
    item = next(pi.item for pi in pp.items() if pi.item.analysis_code and not pi.item.measurements)
    before = schedule_package(pp)
    builds = panel.builds
    doc.undo_stack.push(SetVolumeCommand(doc, item, item.volume * 2))
    doc.undo_stack.push(SetVolumeCommand(doc, item, item.volume * 2))  # typing on
    assert panel.builds == builds  # made once the edits pause, not per edit
    qtbot.waitUntil(lambda: panel.builds == builds + 1, timeout=2000)
    after = panel.schedule
    assert after.direct == doc.priced.packages[1].direct != before.direct
    assert after.resources_total + after.adjustments_total + after.not_broken_down_total == after.direct
    assert panel.selected_package() == 2  # the scope is kept across re-pricing
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.schedule.direct == before.direct, timeout=2000)
    # hidden: edits only mark it stale
    window.catalogue_dock.raise_()
    builds = panel.builds
    doc.undo_stack.push(SetVolumeCommand(doc, item, item.volume * 3))
    qtbot.wait(300)
    assert panel.builds == builds
    show_rekap(window)
    assert panel.builds == builds + 1
    assert panel.schedule.direct == doc.priced.packages[1].direct


def test_rekap_of_the_demo_programme_and_its_screenshot(qtbot, tmp_path):
    from dtpl_studio.ui.main_window import MainWindow

    book = load_default_book()
    program = build_demo_program(book)
    win = MainWindow(library_book=lambda: book)
    qtbot.addWidget(win)
    win.open_program(program, tmp_path / "demo.dtpl")
    win.packages.setCurrentRow(1)
    win.show()
    win.resize(1400, 900)
    show_rekap(win)
    panel = win.rekap
    expected = schedule_program(win.doc.priced)
    pekerja = find_row(panel, "Pekerja")
    assert pekerja.text(1) == "OH" and pekerja.text(2) == format_number(Decimal("409.519"), 4)
    assert pekerja.text(4) == "40.951.900"
    semen = find_row(panel, "Semen portland")
    assert semen.text(5) == "481,82 zak 50 kg; 602,28 zak 40 kg"
    assert "P2 IV.1.a" in semen.text(6)
    assert format_rupiah(expected.direct) in panel.summary.text()
    assert "524,0336 OH" in panel.summary.text()
    out = SHOTS or tmp_path
    out.mkdir(parents=True, exist_ok=True)
    win.rekap_dock.setFloating(True)
    win.rekap_dock.resize(1100, 760)
    panel.grab().save(str(out / "rekap-kebutuhan.png"))
    win.rekap_dock.setFloating(False)
    win.resize(1400, 900)
    qtbot.wait(50)  # let the re-docked panel take the dock's width
    assert win.width() <= 1400  # the dock does not push the window wider than asked
    assert panel.width() <= win.rekap_dock.width()
    win.grab().save(str(out / "rekap-kebutuhan-window.png"))


def test_rekap_saves_the_csv_of_the_scope_shown(window, tmp_path, shown):
    show_rekap(window)
    window.rekap.scope.setCurrentIndex(2)
    shown.file_answer = str(tmp_path / "rekap")
    window.rekap.save_button.click()
    out = tmp_path / "rekap.csv"
    assert out.is_file() and not shown.errors
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("Kelompok;No;Kode;Uraian")
    assert "Jumlah biaya langsung RAB" in text
    assert format_rupiah(window.doc.priced.packages[1].direct) in text
    assert "Rekap kebutuhan tersimpan" in window.statusBar().currentMessage()


def test_rekap_texts_in_english(window, qtbot):
    set_language("en")
    from dtpl_studio.ui.widgets.kebutuhan_panel import KebutuhanPanel

    panel = KebutuhanPanel()
    panel.show()
    panel.set_priced(window.doc.priced)
    panel._refresh_if_stale()
    texts = top_texts(panel)
    assert texts[0] == "Labour" and texts[-1] == "RAB direct cost"
    assert panel.scope.itemText(0) == "Whole programme"
    panel.close()
