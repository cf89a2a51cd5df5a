"""The standalone bundle (PyInstaller one-folder, `make dist`) runs with no Python environment:
the bundled CLI does demo -> export -> check, and the bundled window starts offscreen.

The bundle is built by `make dist` before this test (``make dist-test`` does both); the test
runs it with an environment stripped of every Python variable and of the venv on PATH, from a
temporary folder outside the repository."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.dist.conftest import (
    REPO,
    assert_demo_pdf_cycle,
    assert_team_library_reachable,
    clean_env,
    run,
)

pytestmark = pytest.mark.dist

BUNDLE = REPO / "dist" / "dtpl-studio"
EXE = BUNDLE / ("dtpl-studio.exe" if sys.platform == "win32" else "dtpl-studio")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if not EXE.is_file():
        pytest.fail(f"no bundle at {EXE}: run `make dist` first (make dist-test does)")
    root = tmp_path_factory.mktemp("bundle-test")
    env = clean_env(root, PATH="/usr/bin:/bin")
    work = root / "work"
    work.mkdir()
    return work, env


def test_the_bundle_has_its_own_python_and_data():
    internal = BUNDLE / "_internal"
    assert list(internal.glob("libpython3*")) or list(internal.glob("python3*.dll"))
    assert (internal / "dtpl_studio" / "_data" / "unit_prices" / "ahsp-cipta-karya-2023"
            / "edition.json").is_file()
    assert (internal / "dtpl_studio" / "_data" / "templates" / "dtpl-plpbk.json").is_file()
    assert (internal / "dtpl_studio" / "_data" / "docs" / "index.md").is_file()  # Bantuan › Panduan


def test_bundled_version_and_cli_cycle(bundle):
    work, env = bundle
    started = time.perf_counter()
    out = run([EXE, "--version"], work, env).stdout
    elapsed = time.perf_counter() - started
    import dtpl_studio

    assert dtpl_studio.__version__ in out and "MIT" in out
    print(f"bundle --version: {elapsed:.2f} s")
    assert_demo_pdf_cycle([EXE], work, env)


def test_bundle_opens_a_team_library_on_postgresql(bundle, pg_server):
    work, env = bundle
    assert_team_library_reachable([EXE], work, env, pg_server)


def test_bundled_window_starts_offscreen(bundle):
    work, env = bundle
    if not (work / "demo.dtpl").exists():
        run([EXE, "demo", "demo.dtpl"], work, env)
    started = time.perf_counter()
    proc = subprocess.run([str(EXE), "demo.dtpl"], cwd=work,
                          env={**env, "DTPL_STUDIO_SMOKE_EXIT_MS": "3000"},
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "window shown: demo" in proc.stderr
    assert "Traceback" not in proc.stderr
    print(f"bundle window start + 3 s + close: {time.perf_counter() - started:.2f} s")
