"""Where things live: the shipped price book, the user's data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

#: The repository root (the app is installed editable from a clone; DESIGN.md §3).
REPO_ROOT = Path(__file__).resolve().parents[2]
UNIT_PRICES_DIR = REPO_ROOT / "unit_prices"
DEFAULT_EDITION = UNIT_PRICES_DIR / "ahsp-cipta-karya-2023"
TEMPLATES_DIR = REPO_ROOT / "templates"


def data_dir() -> Path:
    """The user data folder: ``$DTPL_STUDIO_HOME`` if set, else platformdirs'
    ``user_data_dir("dtpl-studio")``. Created when missing."""
    root = os.environ.get("DTPL_STUDIO_HOME")
    path = Path(root) if root else Path(user_data_dir("dtpl-studio", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
