"""Shared test fixtures.

``public_data``: the real public input files (``../shared/data/public`` next to the repository,
see ``../shared/data/README.md``). They are never copied into the repository; a fresh clone
without the folder skips the tests that need them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# pint's definition cache (dtpl_studio.costing.units) goes to a folder of this test run, never
# to the user's cache folder; set before any test module imports the registry.
os.environ.setdefault("DTPL_STUDIO_CACHE", tempfile.mkdtemp(prefix="dtpl-test-cache-"))

# Hypothesis profiles: ``make test`` runs every property and fuzz test bounded ("default");
# ``make fuzz`` selects the long run with HYPOTHESIS_PROFILE=fuzz (tests marked ``fuzz``).
# Under CI (CI=true) the bounded run is derandomized: the same examples on every run, so a CI
# verdict never depends on luck; exploring new examples is the job of ``make fuzz`` and of
# developers' own runs (random, with the example database).
settings.register_profile("default", max_examples=100, deadline=None,
                          derandomize=os.environ.get("CI", "").lower() == "true",
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

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


@pytest.fixture(scope="session")
def pg_server():
    """The test PostgreSQL server's SQLAlchemy URL (``tests/pg.py``); skips the test with the
    reason when no server answers (fails when DTPL_STUDIO_REQUIRE_PG=1, as in .ci/run)."""
    from tests.pg import require_server

    return require_server()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """A PostgreSQL library URL whose sessions work in a schema of this test alone (created
    before, dropped after)."""
    from tests.pg import in_schema, throwaway_schema

    with throwaway_schema(pg_server) as schema:
        yield in_schema(pg_server, schema)
