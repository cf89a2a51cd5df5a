"""First run (issue 7 point 6) and Bantuan → Tentang (point 3): the window opens maximised on
the demo with a dismissible welcome whose "don't show again" sticks; About names version,
price-book edition and licence."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dtpl_studio import __version__
from dtpl_studio.services.project import default_project_path
from dtpl_studio.ui import settings
from dtpl_studio.ui.about import about_text
from dtpl_studio.ui.app import create_main_window
from dtpl_studio.ui.strings import set_language
from dtpl_studio.ui.welcome import WelcomeDialog, maybe_welcome, should_welcome


def _first_window(qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    return window


def test_first_run_opens_the_demo_maximised_with_the_welcome(qtbot):
    window = _first_window(qtbot)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.opened_at_start == default_project_path()
    dialog = maybe_welcome(window, window.opened_at_start)
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert "proyek demo" in dialog.body.text() and "Proyek baru" in dialog.body.text()
    dialog.accept()  # dismissed without the box: shown again next time
    assert settings.read("show_welcome") is True
    assert maybe_welcome(window, window.opened_at_start) is not None


def test_dont_show_again_is_stored(qtbot):
    window = _first_window(qtbot)
    dialog = maybe_welcome(window, window.opened_at_start)
    dialog.dont_show.setChecked(True)
    dialog.accept()
    assert settings.read("show_welcome") is False
    assert maybe_welcome(window, window.opened_at_start) is None
    # a second start: remembered geometry, no welcome
    settings.write("geometry", window.saveGeometry())
    again = create_main_window()
    qtbot.addWidget(again)
    assert maybe_welcome(again, again.opened_at_start) is None


@pytest.mark.parametrize("stored", ["false", "0", "no"])
def test_the_setting_read_back_from_ini_text(stored, tmp_path):
    settings.write("show_welcome", stored)
    assert settings.read("show_welcome") is False


def test_no_welcome_over_an_own_project(qtbot, tmp_path):
    assert not should_welcome(tmp_path / "own.dtpl", default_project_path())
    assert not should_welcome(None, default_project_path())


def test_recent_files_lead_back_to_the_last_project(qtbot):
    window = _first_window(qtbot)
    assert settings.recent_files()[0] == default_project_path().resolve()
    window._fill_recent_menu()
    assert str(default_project_path().resolve()) in [a.text() for a in window.recent_menu.actions()]


@pytest.mark.parametrize("lang,word", [("id", "Lisensi"), ("en", "Licence")])
def test_about_names_version_edition_and_licence(lang, word):
    set_language(lang)
    text = about_text()
    assert __version__ in text and "MIT" in text and word in text
    assert "AHSP Bidang Cipta Karya" in text and "2023" in text


def test_the_application_icon_is_shipped_and_loads(qapp):
    from dtpl_studio.ui.app import app_icon

    icon = app_icon()
    assert not icon.isNull() and not icon.pixmap(64, 64).isNull()


def test_help_opens_the_guide_or_says_how_to_build_it(window, shown, monkeypatch):
    from dtpl_studio.ui import guide

    opened = []
    monkeypatch.setattr(guide.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(guide, "guide_index", lambda: None)
    assert window.guide_action.text() == "&Panduan pengguna"
    window.guide_action.trigger()  # no HTML: the shipped Markdown in a window of the app
    assert window._guide_window.isVisible() and not shown.infos and not opened
    window._guide_window.close()
    monkeypatch.setattr(guide, "guide_markdown", lambda: None)
    window.guide_action.trigger()
    assert shown.infos and "make docs" in shown.infos[-1][1] and not opened
    monkeypatch.setattr(guide, "guide_index", lambda: Path("/x/guide/index.html"))
    window.guide_action.trigger()
    assert opened and opened[0].toLocalFile() == "/x/guide/index.html"
