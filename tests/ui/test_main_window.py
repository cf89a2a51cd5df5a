"""The main window: title and modified mark, save/open through the services, close prompt,
recent files, start-up project, shortcuts, status bar, BLM panel colours, strings."""

from __future__ import annotations

import os
import string
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from dtpl_studio.services.project import open_project, save_project
from dtpl_studio.ui import app as ui_app
from dtpl_studio.ui import settings
from dtpl_studio.ui.dialogs import SaveChoice
from dtpl_studio.ui.main_window import MainWindow
from dtpl_studio.ui.models.rab_model import Col
from dtpl_studio.ui.strings import CATALOGUES, ID, set_language, tr


def edit_volume(window, text="12,5"):
    urug = window.doc.program.packages[1].sections[1].children[1]
    model = window.rab_editor.model
    assert model.setData(model.index_for_id(urug.id, Col.VOLUME), text)
    return urug


def test_title_shows_file_name_and_modified_mark(window):
    assert window.windowTitle() == "sukamaju.dtpl[*] — DTPL Studio"
    assert not window.isWindowModified()
    edit_volume(window)
    assert window.isWindowModified()
    window.undo()
    assert not window.isWindowModified()  # back to the clean state


def test_save_marks_clean_and_round_trips_through_the_services(window, tmp_path):
    path = tmp_path / "sukamaju.dtpl"
    edit_volume(window)
    assert window.save()
    assert not window.isWindowModified()
    assert open_project(path).packages[1].sections[1].children[1].volume == Decimal("12.5")
    assert settings.recent_files()[0] == path.resolve()
    edit_volume(window, "7")
    assert window.isWindowModified()
    assert window.save_to(tmp_path / "copy.dtpl")
    assert window.windowTitle().startswith("copy.dtpl")
    assert [p.name for p in settings.recent_files()] == ["copy.dtpl", "sukamaju.dtpl"]


def test_save_failure_is_a_message_not_a_traceback(window, tmp_path, shown):
    edit_volume(window)
    assert not window.save_to(tmp_path / "no-such-folder" / "x.dtpl")
    assert shown.errors and shown.errors[0][0] == "Gagal menyimpan"
    assert "Traceback" not in shown.errors[0][1]
    assert window.isWindowModified()


def test_open_path_loads_the_file_and_failure_shows_a_message(qtbot, window, program, tmp_path, shown):
    other = tmp_path / "other.dtpl"
    save_project(program, other)
    assert window.open_path(other)
    assert window.windowTitle().startswith("other.dtpl")
    assert window.doc.undo_stack.count() == 0
    assert window.packages.count() == 2
    bad = tmp_path / "rusak.dtpl"
    bad.write_text("bukan proyek")
    assert not window.open_path(bad)
    assert shown.errors[-1][0] == "Gagal membuka proyek"
    assert "rusak.dtpl" in shown.errors[-1][1]
    assert window.windowTitle().startswith("other.dtpl")  # the open project stays


def test_open_asks_to_save_unsaved_changes_and_cancel_keeps_them(window, program, tmp_path, shown):
    other = tmp_path / "other.dtpl"
    save_project(program, other)
    edit_volume(window)
    shown.save_answer = SaveChoice.CANCEL
    assert not window.open_path(other)
    assert shown.save_questions == ["sukamaju.dtpl"]
    assert window.isWindowModified()


def test_close_prompts_on_unsaved_changes(qtbot, window, shown, tmp_path):
    edit_volume(window)
    shown.save_answer = SaveChoice.CANCEL
    assert not window.close()
    assert window.isVisible()
    shown.save_answer = SaveChoice.SAVE
    assert window.close()
    assert open_project(tmp_path / "sukamaju.dtpl").packages[1].sections[1].children[1].volume == Decimal("12.5")
    assert len(shown.save_questions) == 2


def test_close_without_changes_does_not_ask(window, shown):
    assert window.close()
    assert shown.save_questions == []


def test_undo_redo_shortcuts_and_edit_menu(window):
    assert window.undo_action.shortcuts() == [QKeySequence("Ctrl+Z")]
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert window.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    edit_menu = window.menuBar().actions()[1].menu()
    assert window.undo_action in edit_menu.actions() and window.redo_action in edit_menu.actions()
    assert not window.undo_action.isEnabled()
    edit_volume(window)
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()


def test_status_bar_shows_book_and_findings(window):
    assert window.book_label.text() == "Buku harga: AHSP+HSD · Kab. Contoh · 2023"
    assert "uji 1" in window.book_label.toolTip()
    assert window.findings_label.text() == "Temuan: tidak ada"
    edit_volume(window, "0")
    assert window.findings_label.text() == "Temuan: 0 galat · 1 peringatan"
    assert window.findings.topLevelItemCount() == 1


def test_blm_panel_says_lulus_or_melebihi_pagu_with_the_rule_source(window):
    planning = window.blm.cards[0]
    assert planning.status.text() == "LULUS"
    assert planning.values["ceiling"].text() == "Rp 300.000.000"
    assert planning.values["remaining"].text() == "Rp 200.000.000"
    assert planning.toolTip() == "Sumber aturan: " + window.doc.priced.checks[0].source_ref
    window.packages.setCurrentRow(0)
    ded = window.doc.program.packages[0].sections[0].children[1]
    model = window.rab_editor.model
    model.setData(model.index_for_id(ded.id, Col.VOLUME), "4")  # 36 + 4 × 64 = 292 juta
    assert planning.values["amount"].text() == "Rp 292.000.000"
    assert planning.status.text() == "LULUS"
    model.setData(model.index_for_id(ded.id, Col.VOLUME), "5")  # 356 juta > 300 juta
    assert planning.status.text() == "MELEBIHI PAGU"
    assert planning.captions["remaining"].text() == "Lebih"
    assert planning.values["remaining"].text() == "Rp 56.000.000"
    assert planning.bar.value() == planning.bar.maximum()
    assert "1 galat" in window.findings_label.text()
    window.undo()
    assert planning.status.text() == "LULUS"


def test_package_list_follows_totals(window):
    assert "Rp 25.419.000" in window.packages.item(1).text()
    edit_volume(window)
    assert "Rp 27.193.000" in window.packages.item(1).text()


def test_startup_project_explicit_then_recent_then_demo(tmp_path, monkeypatch):
    demo = tmp_path / "demo.dtpl"
    monkeypatch.setattr("dtpl_studio.services.project.ensure_default_project", lambda: demo)
    assert ui_app.initial_project_path(None) == demo  # first run
    recent = tmp_path / "recent.dtpl"
    recent.write_bytes(b"")
    settings.add_recent_file(recent)
    assert ui_app.initial_project_path(None) == recent.resolve()
    assert ui_app.initial_project_path(Path("/x/given.dtpl")) == Path("/x/given.dtpl")
    recent.unlink()
    assert ui_app.initial_project_path(None) == demo


def test_create_main_window_opens_the_first_run_project(qtbot, program, book, tmp_path, monkeypatch):
    demo = tmp_path / "demo-plpbk.dtpl"
    save_project(program, demo)
    monkeypatch.setattr("dtpl_studio.services.project.ensure_default_project", lambda: demo)
    window = ui_app.create_main_window(library_book=lambda: book)
    qtbot.addWidget(window)
    assert window.doc is not None and window.doc.path == demo
    assert window.windowTitle().startswith("demo-plpbk.dtpl")
    assert window.rab_editor.package is window.doc.program.packages[0]


def test_window_without_library_book_uses_the_package_book(qtbot, program):
    def broken():
        raise RuntimeError("no edition shipped")

    window = MainWindow(library_book=broken)
    qtbot.addWidget(window)
    window.open_program(program)
    window.packages.setCurrentRow(1)
    assert window.catalogue.book is program.packages[1].book
    assert window.windowTitle().startswith("Tanpa judul")


def test_every_language_has_every_key():
    for code, catalogue in CATALOGUES.items():
        assert set(catalogue) == set(ID), code


def test_english_labels(qtbot, program, book):
    set_language("en")
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    window.open_program(program)
    assert window.rab_editor.model.headerData(Col.URAIAN, Qt.Orientation.Horizontal) == "Description"
    assert window.blm.cards[0].status.text() == "PASS"
    assert tr("menu.file") == "&File"


def test_format_fields_are_consistent_across_languages():
    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for key, text in ID.items():
        for code, catalogue in CATALOGUES.items():
            assert fields(catalogue[key]) == fields(text), (code, key)


def test_findings_are_listed_in_indonesian_with_the_core_detail(window):
    edit_volume(window, "0")
    row = window.findings.topLevelItem(0)
    assert [row.text(0), row.text(2)] == ["peringatan", "Volume nol"]
    assert "II.2" in row.text(1)
    assert "volume nol" in row.toolTip(2)  # the core's own words stay available


def test_run_gui_starts_and_exits_cleanly_in_a_subprocess(program, tmp_path):
    """``run_gui`` is what the CLI calls; a second QApplication cannot live in this process."""
    project = tmp_path / "proyek.dtpl"
    save_project(program, project)
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication(sys.argv[:1])
        titles = []

        def close_all():
            for widget in app.topLevelWidgets():
                if widget.objectName() == "mainWindow":
                    titles.append(widget.windowTitle())
                    widget.close()

        QTimer.singleShot(0, close_all)
        from dtpl_studio.ui.app import run_gui
        code = run_gui(sys.argv[:1], {str(project)!r})
        print(code, titles)
    """)
    env = dict(os.environ, DTPL_STUDIO_HOME=str(tmp_path / "home"),
               DTPL_STUDIO_SETTINGS=str(tmp_path / "gui.ini"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "0 ['proyek.dtpl[*] — DTPL Studio']"


def test_a_file_open_in_one_window_is_refused_in_another(qtbot, tmp_path, monkeypatch):
    """DESIGN.md §7: a second instance opening the same file is refused with a message."""
    from dtpl_studio.services.project import save_project
    from dtpl_studio.ui import dialogs
    from dtpl_studio.ui.main_window import MainWindow
    from tests.ui.ui_sample import build_sample_book, build_sample_program

    path = tmp_path / "shared.dtpl"
    save_project(build_sample_program(build_sample_book()), path)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    first, second = MainWindow(), MainWindow()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert first.open_path(path)
    assert path.with_name("shared.dtpl.lock").exists()
    assert not second.open_path(path)
    assert "sudah terbuka di jendela DTPL Studio lain" in errors[-1]
    first.close()
    assert not path.with_name("shared.dtpl.lock").exists()
    assert second.open_path(path)


def test_blm_panel_says_when_errors_make_the_check_invalid(window):
    assert window.blm.errors.isHidden()
    item = window.doc.program.packages[1].sections[1].children[1]
    item.analysis_code = "NOT-IN-BOOK"  # e.g. a file edited elsewhere: an error finding
    window.doc.reprice()
    assert not window.blm.errors.isHidden()
    assert "1 galat" in window.blm.errors.text()
