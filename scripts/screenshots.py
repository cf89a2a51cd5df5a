"""Screenshots of the real window, offscreen, in Indonesian and English (``make screenshots``).

Writes PNGs into the folder given (default ``docs/img``): the main window on the demo project,
the welcome, the About box, the save prompt and Qt's (non-native) file dialog, for each language
(``<name>-id.png``, ``<name>-en.png``). Uses a temporary user data folder, never the real one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

_home = tempfile.mkdtemp(prefix="dtpl-shots-")
# an offscreen screen of a laptop's size (the plugin's default is 800x800)
_screen = Path(_home) / "offscreen.json"
_screen.write_text('{"screens": [{"name": "shots", "x": 0, "y": 0, "width": 1440, "height": 900, '
                   '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}', encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ["DTPL_STUDIO_HOME"] = _home
os.environ["DTPL_STUDIO_SETTINGS"] = str(Path(_home) / "settings.ini")
os.environ["DTPL_STUDIO_LIBRARY"] = str(Path(_home) / "library.sqlite")

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox  # noqa: E402

from dtpl_studio.ui import settings  # noqa: E402
from dtpl_studio.ui.strings import set_language, tr  # noqa: E402


def _settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget, out: Path, app) -> Path:
    widget.show()
    _settle(app)
    widget.grab().save(str(out))
    print(out)
    return out


def shoot(out_dir: Path, languages=("id", "en")) -> list[Path]:
    """Take every screenshot; returns the files written."""
    from dtpl_studio.services.project import create_demo
    from dtpl_studio.ui.about import about_text
    from dtpl_studio.ui.app import create_main_window
    from dtpl_studio.ui.welcome import WelcomeDialog

    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    app = QApplication.instance() or QApplication(["dtpl-studio"])
    app.setStyle("Fusion")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    project = Path(_home) / "Demo Sukamaju.dtpl"
    create_demo(project, force=True)
    for code in languages:
        set_language(code)
        window = create_main_window(project)
        window.resize(1440, 900)
        written.append(_save(window, out_dir / f"window-{code}.png", app))
        welcome = WelcomeDialog(window)
        written.append(_save(welcome, out_dir / f"welcome-{code}.png", app))
        welcome.close()
        about = QMessageBox(QMessageBox.Icon.Information, tr("action.about").replace("&", ""),
                            about_text(), QMessageBox.StandardButton.Ok, window)
        written.append(_save(about, out_dir / f"about-{code}.png", app))
        about.close()
        # the save prompt as dialogs.ask_save_changes builds it (shown, not executed)
        prompt = QMessageBox(QMessageBox.Icon.Question, tr("dlg.unsaved.title"),
                             tr("dlg.unsaved.text", name=project.name),
                             QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                             | QMessageBox.StandardButton.Cancel, window)
        written.append(_save(prompt, out_dir / f"save-prompt-{code}.png", app))
        prompt.close()
        dialog = QFileDialog(window, tr("dlg.open.title"), str(project.parent), tr("dlg.filter.project"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.resize(820, 480)
        written.append(_save(dialog, out_dir / f"file-dialog-{code}.png", app))
        dialog.close()
        window.close()
        _settle(app)
    set_language("id")
    return written


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/img"))
