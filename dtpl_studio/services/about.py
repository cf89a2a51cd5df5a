"""What "Tentang DTPL Studio" and ``dtpl-studio --version`` show: version, shipped price-book
edition and licence (Qt-free)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from dtpl_studio import __version__
from dtpl_studio.services.paths import DEFAULT_EDITION

#: The project's licence (SPDX id, also in pyproject.toml ``license`` and LICENSE).
LICENCE = "MIT"


@dataclass(frozen=True)
class AboutInfo:
    """version: ``"0.1.0"``; edition: one line naming the shipped price book (title, year,
    status); licence: SPDX expression of the installed distribution."""

    version: str
    edition: str
    licence: str


@lru_cache(maxsize=1)
def about_info() -> AboutInfo:
    """Read the shipped edition's ``edition.json`` meta (not the whole book) and the installed
    distribution's licence. Never raises: a missing or unreadable edition is named as such."""
    try:
        meta = json.loads((DEFAULT_EDITION / "edition.json").read_text(encoding="utf-8"))["meta"]
        edition = f"{meta['title']} · {meta['year']} · status {meta['status']}"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        edition = f"(buku harga bawaan tidak terbaca: {exc})"
    try:
        dist = metadata.metadata("dtpl-studio")
        licence = dist.get("License-Expression") or dist.get("License") or LICENCE
    except metadata.PackageNotFoundError:  # running from a bundle without dist-info
        licence = LICENCE
    return AboutInfo(version=__version__, edition=edition, licence=licence)
