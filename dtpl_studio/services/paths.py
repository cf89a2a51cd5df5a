"""Where things live: the shipped price book, the user's data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from dtpl_studio._data import data_path

#: The shipped price books and DTPL templates: ``unit_prices/`` and ``templates/`` at the
#: repository root, carried inside the package (dtpl_studio/_data, importlib.resources).
UNIT_PRICES_DIR = data_path("unit_prices")
DEFAULT_EDITION = data_path("unit_prices", "ahsp-cipta-karya-2023")
TEMPLATES_DIR = data_path("templates")


def data_dir() -> Path:
    """The user data folder: ``$DTPL_STUDIO_HOME`` if set, else platformdirs'
    ``user_data_dir("dtpl-studio")``. Created when missing."""
    root = os.environ.get("DTPL_STUDIO_HOME")
    path = Path(root) if root else Path(user_data_dir("dtpl-studio", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def trusted_keys_dir() -> Path:
    """The folder of the public keys this user trusts to sign price edition packages
    (``kunci-tepercaya`` in :func:`data_dir`; issue 8 point 5). Created when missing."""
    path = data_dir() / "kunci-tepercaya"
    path.mkdir(parents=True, exist_ok=True)
    return path
