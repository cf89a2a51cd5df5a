"""Shared test fixtures.

``public_data``: the real public input files (``../shared/data/public`` next to the repository,
see ``../shared/data/README.md``). They are never copied into the repository; a fresh clone
without the folder skips the tests that need them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PUBLIC_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "public"


@pytest.fixture(scope="session")
def public_data() -> Path:
    """Folder of the real public input files; skips the test when it is absent."""
    if not PUBLIC_DATA.is_dir():
        pytest.skip(
            f"public input files not found at {PUBLIC_DATA} (they live outside the repository, "
            "in ../shared/data/public; CI always has them)"
        )
    return PUBLIC_DATA


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user data folder or price library."""
    home = tmp_path_factory.mktemp("user-home")
    monkeypatch.setenv("DTPL_STUDIO_HOME", str(home))
    monkeypatch.setenv("DTPL_STUDIO_LIBRARY", str(home / "library.sqlite"))
    monkeypatch.setenv("DTPL_STUDIO_SETTINGS", str(home / "settings.ini"))
