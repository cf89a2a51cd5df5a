"""Per-user GUI preferences in QSettings (recent files, last folder, window state, language).

One ``_DEFAULTS`` dict is the list of keys and their types (the MNELAB ``settings.py``
pattern). The store is an INI file: ``$DTPL_STUDIO_SETTINGS`` when set (tests point it at a
temporary file), else Qt's per-user location for organisation/application "DTPL Studio".
Per-project settings (PPN, rounding) live in the project file, not here.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "DTPL Studio"
APPLICATION = "DTPL Studio"
MAX_RECENT = 8

_DEFAULTS: dict[str, object] = {
    "recent_files": [],
    "last_folder": "",
    "geometry": QByteArray(),
    "window_state": QByteArray(),
    "language": "id",
    "show_welcome": True,
    # largest file accepted as an attachment, MB (issue 9 point 1; services/attachments.py)
    "attachment_max_mb": 25,
    # the price-library edition the catalogue showed last (its id; 0 = the shipped edition)
    "catalogue_edition": 0,
}


def _store() -> QSettings:
    path = os.environ.get("DTPL_STUDIO_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    home = os.environ.get("DTPL_STUDIO_HOME")
    if home:  # one folder holds everything of that user (README, "user data folder")
        return QSettings(os.path.join(home, "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def read(key: str):
    """The stored value of ``key`` (its default when unset).

    Raises:
        KeyError: ``key`` is not a known setting.
    """
    default = _DEFAULTS[key]
    value = _store().value(key, default)
    if isinstance(default, list):
        if value is None or value == "":
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if isinstance(default, bool):  # INI stores "true"/"false" as text
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray()
    return type(default)(value)


def write(key: str, value) -> None:
    """Store ``value`` under ``key``.

    Raises:
        KeyError: ``key`` is not a known setting.
    """
    _DEFAULTS[key]  # noqa: B018 - validates the key
    store = _store()
    store.setValue(key, value)
    store.sync()


def recent_files() -> list[Path]:
    """Recently opened project files, most recent first (missing files included)."""
    return [Path(p) for p in read("recent_files")]


def add_recent_file(path: Path) -> list[Path]:
    """Put ``path`` first in the recent list (at most :data:`MAX_RECENT`); return the list."""
    resolved = str(Path(path).resolve())
    paths = [p for p in read("recent_files") if p != resolved]
    paths.insert(0, resolved)
    del paths[MAX_RECENT:]
    write("recent_files", paths)
    write("last_folder", str(Path(resolved).parent))
    return [Path(p) for p in paths]


def _project_key(project: Path) -> str:
    import hashlib

    digest = hashlib.sha1(str(Path(project).resolve()).encode("utf-8"), usedforsecurity=False)
    return "export_sections/" + digest.hexdigest()


def export_sections(project: Path | None) -> list[str] | None:
    """The PDF sections chosen last time for ``project`` (issue 9 point 9), or None (never
    chosen, or a project not saved yet: the template's on/off applies)."""
    if project is None:
        return None
    value = _store().value(_project_key(project))
    if value is None:
        return None
    if value == "" or value == []:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def set_export_sections(project: Path | None, ids: list[str]) -> None:
    """Remember the PDF sections chosen for ``project`` (nothing for an unsaved project)."""
    if project is None:
        return
    store = _store()
    store.setValue(_project_key(project), list(ids))
    store.sync()
