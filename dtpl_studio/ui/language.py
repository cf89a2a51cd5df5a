"""Bahasa Indonesia / English: the language menu of the window.

Choosing a language switches the window at once (issue 7 point 4): the choice is stored in
the settings (``language``), the translators are installed (:func:`strings.set_language`), and
the main window is built again around the *same* open document — session, lock, undo history,
unsaved edits, geometry and dock layout are kept; nothing is saved or asked. Texts are built
once per widget, so rebuilding is what reaches every text (menus, docks, table headers,
delegates) without a ``retranslateUi`` for each widget.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from dtpl_studio.ui import settings
from dtpl_studio.ui.strings import LANGUAGES, language, set_language, tr

log = logging.getLogger(__name__)

# The windows made by a switch: a top-level window without a Python reference would be
# collected; run_gui's own reference covers only the first window.
_windows: list = []


def choose_language(window, code: str):
    """Switch the window to language ``code`` (``"id"``/``"en"``) now.

    Returns:
        The new main window (the old one is closed and deleted), or None when nothing
        changed: ``code`` is already the language, or a PDF export is running in ``window``
        (the status bar says to wait; the choice is not stored).

    Raises:
        KeyError: ``code`` is not in :data:`~dtpl_studio.ui.strings.LANGUAGES`.
    """
    if code not in LANGUAGES:
        raise KeyError(code)
    if code == language():
        settings.write("language", code)
        return None
    if window.export_job is not None and window.export_job.outcome is None:
        window.statusBar().showMessage(tr("status.language_busy"), 8000)
        _check_current(window)
        return None
    settings.write("language", code)
    set_language(code)
    return rebuild_window(window)


def rebuild_window(window):
    """A new main window in the current language around ``window``'s document (kept open,
    with its undo history and unsaved edits), at the same place and dock layout; ``window``
    is closed without a prompt and deleted. Returns the new window."""
    from dtpl_studio.ui.main_window import MainWindow

    library = window.library
    new = MainWindow(library_book=(lambda: library) if library is not None else None,
                     export_fn=window.export_fn)
    new.resize(window.size())  # restoreGeometry does not take before the first show
    new.move(window.pos())
    new.restoreState(window.saveState())
    new.setWindowState(window.windowState())
    row = window.packages.currentRow()
    node = window.rab_editor.current_node() if window.rab_editor is not None else None
    doc = window.take_document()
    if doc is not None:
        new.set_document(doc)
        if 0 <= row < new.packages.count():  # the same package and item stay selected
            new.packages.setCurrentRow(row)
        if node is not None and new.rab_editor is not None:
            new.rab_editor.select_id(node.id)
    new.catalogue.search.setText(window.catalogue.search.text())  # the catalogue's filter too
    new.opened_at_start = getattr(window, "opened_at_start", None)
    new.show()
    window.close()  # empty now: nothing to ask, no session to close
    window.deleteLater()
    if window in _windows:
        _windows.remove(window)
    _windows.append(new)
    log.info("language switched to %s", language())
    return new


def _check_current(window) -> None:
    menu = getattr(window, "language_menu", None)
    if menu is not None:
        for action in menu.actions():
            action.setChecked(action.data() == language())


def add_language_menu(window, parent_menu: QMenu) -> QMenu:
    """Add the "Bahasa / Language" submenu to ``parent_menu`` (one checkable action each,
    each language named in itself)."""
    menu = parent_menu.addMenu(tr("menu.language"))
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    current = language()
    for code, name in LANGUAGES.items():
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == current)
        action.triggered.connect(lambda _=False, c=code: choose_language(window, c))
        group.addAction(action)
        menu.addAction(action)
    return menu
