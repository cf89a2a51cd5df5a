"""GUI entry: :func:`run_gui` builds the QApplication and the main window and runs them.

Which project opens: the ``project_path`` given on the command line; else the most recent
file that still exists; else (first run) the demo project that
``services.project.ensure_default_project()`` creates in the user data folder.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication

from dtpl_studio.ui import dialogs, display, settings
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import set_language, tr

log = logging.getLogger(__name__)
_STARTED = time.perf_counter()


def initial_project_path(project_path: Path | None = None) -> Path | None:
    """The project to open at start-up (see the module docstring); None when even the demo
    cannot be created (the error is logged and the window opens empty)."""
    if project_path is not None:
        return Path(project_path)
    for recent in settings.recent_files():
        if recent.is_file():
            return recent
    from dtpl_studio.services.project import ensure_default_project

    try:
        return ensure_default_project()
    except Exception:  # noqa: BLE001 - first-run demo is a convenience, not a requirement
        log.exception("cannot create the demo project")
        return None


def install_excepthook() -> None:
    """Log uncaught exceptions and show them as a message box, never as a bare traceback."""

    def hook(exc_type, exc, tb) -> None:
        log.critical("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is not None:
            dialogs.show_error(None, tr("dlg.unexpected.title"), tr("dlg.unexpected.text", error=explain(exc)))

    sys.excepthook = hook


def create_main_window(project_path: Path | None = None, **window_kwargs):
    """Build the :class:`~dtpl_studio.ui.main_window.MainWindow` and open the start-up
    project (an existing QApplication is required)."""
    from dtpl_studio.ui.main_window import MainWindow

    window = MainWindow(**window_kwargs)
    geometry = settings.read("geometry")
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:  # first run: the whole screen for the demo (issue 7 point 6)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    path = initial_project_path(project_path)
    window.opened_at_start = path if path is not None and window.open_path(path) else None
    return window


def app_icon():
    """The application icon (``ui/resources/dtpl-studio.svg``, package data)."""
    from importlib import resources

    from PySide6.QtGui import QIcon

    return QIcon(str(resources.files("dtpl_studio.ui") / "resources" / "dtpl-studio.svg"))


def run_gui(argv: list[str], project_path: Path | str | None = None) -> int:
    """Run the GUI until the main window closes; returns the process exit code.

    Args:
        argv: command-line arguments for Qt (``sys.argv`` style; Qt options are honoured).
        project_path: a ``.dtpl`` file to open instead of the most recent one.
    """
    reason = display.missing_display_reason()
    if reason is not None:
        sys.stderr.write(display.headless_message(reason))
        return display.EXIT_NO_DISPLAY
    display.install_platform_fatal_handler()
    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    app = QApplication.instance() or QApplication(list(argv) or ["dtpl-studio"])
    app.setStyle("Fusion")
    app.setDesktopFileName("dtpl-studio")  # Wayland/X11: matches the installed .desktop entry
    app.setWindowIcon(app_icon())
    try:  # DTPL_STUDIO_LANG (screenshots, a one-off run) wins over the stored choice
        set_language(os.environ.get("DTPL_STUDIO_LANG") or settings.read("language"))
    except KeyError:
        set_language("id")
    install_excepthook()
    window = create_main_window(Path(project_path) if project_path else None)
    window.show()
    if window.doc is None:
        QTimer.singleShot(0, lambda: window.open_dialog())
    else:
        from dtpl_studio.ui.welcome import maybe_welcome

        QTimer.singleShot(0, lambda: maybe_welcome(window, window.opened_at_start))
    _smoke_exit(app, window)
    return app.exec()


def _smoke_exit(app, window) -> None:
    """``DTPL_STUDIO_SMOKE_EXIT_MS=N``: print "window shown" on stderr, close the window after N
    ms (the wheel and bundle smoke tests, `make dist-test`). Unset: nothing happens."""
    ms = os.environ.get("DTPL_STUDIO_SMOKE_EXIT_MS")
    if not ms:
        return
    sys.stderr.write(f"window shown: {window.windowTitle()} "
                     f"({time.perf_counter() - _STARTED:.1f} s after the GUI module loaded)\n")
    sys.stderr.flush()
    QTimer.singleShot(int(ms), window.close)
    QTimer.singleShot(int(ms) + 60_000, lambda: app.exit(4))  # a close that hangs is a failure
