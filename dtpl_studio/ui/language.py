"""Bahasa Indonesia / English: the language menu of the window.

The choice is stored in the settings (``language``) and applies to the whole window after a
restart, which the menu offers at once (the open project is saved or discarded first, as on
any close, then DTPL Studio starts again on it). Texts are built once per widget, so switching
in place would leave half the window in the old language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from dtpl_studio.ui import settings
from dtpl_studio.ui.strings import LANGUAGES, language, tr


def restart_command(project: Path | None) -> list[str]:
    """The command that starts DTPL Studio again (bundle: its own executable; else this
    Python with ``-m dtpl_studio``), on ``project`` when given."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "dtpl_studio"]
    return [*cmd, "gui", *([str(project)] if project is not None else [])]


def ask_restart(parent: QWidget | None, name: str) -> bool:
    """Ask whether to restart now to apply language ``name`` (replaced in tests)."""
    answer = QMessageBox.question(parent, tr("dlg.language.title"), tr("dlg.language.text", language=name),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_language(window, code: str) -> bool:
    """Store ``code``; offer the restart; True when the window closed for it."""
    if code == settings.read("language"):
        return False
    settings.write("language", code)
    if not ask_restart(window, LANGUAGES[code]):
        return False
    project = getattr(getattr(window, "doc", None), "path", None)
    if not window.close():  # the user cancelled the save prompt
        return False
    program, *args = restart_command(project)
    QProcess.startDetached(program, args)
    return True


def add_language_menu(window, parent_menu: QMenu) -> QMenu:
    """Add the "Bahasa / Language" submenu to ``parent_menu`` (one checkable action each)."""
    menu = parent_menu.addMenu(tr("menu.language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    current = settings.read("language") or language()
    for code, name in LANGUAGES.items():  # each language named in itself
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: choose_language(window, c))
        group.addAction(action)
        menu.addAction(action)
    return menu
