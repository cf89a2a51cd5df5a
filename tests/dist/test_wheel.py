"""The wheel works anywhere: built from the repository, installed into a fresh venv in a
temporary folder outside it, it runs demo -> export -> check, import-prices and the window,
reading the price book and the DTPL template from inside the installed package."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.dist.conftest import (
    REPO,
    assert_demo_pdf_cycle,
    assert_team_library_reachable,
    clean_env,
    run,
)

pytestmark = pytest.mark.dist


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv bin folder, work folder, env) with the freshly built wheel installed."""
    root = tmp_path_factory.mktemp("wheel-test")
    assert not root.resolve().is_relative_to(REPO)
    env = clean_env(root)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", root / "dist", REPO],
        root, env, timeout=600)
    wheels = list((root / "dist").glob("dtpl_studio-*.whl"))
    assert len(wheels) == 1, wheels
    venv.EnvBuilder(with_pip=True).create(root / "venv")
    bin_dir = root / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", wheels[0]], root, env, timeout=900)
    work = root / "work"
    work.mkdir()
    return bin_dir, work, env


def test_the_wheel_carries_the_price_book_and_the_template(installed):
    bin_dir, work, env = installed
    out = run([bin_dir / "python", "-c",
               "import dtpl_studio, dtpl_studio.services.paths as p, "
               "dtpl_studio.reporting.template as t;"
               "print(dtpl_studio.__file__); print(p.DEFAULT_EDITION); print(t.DEFAULT_TEMPLATE)"],
              work, env).stdout.splitlines()
    site = (bin_dir.parent).resolve()
    for line in out:
        assert Path(line).resolve().is_relative_to(site), f"{line} is not inside the venv {site}"
        assert not Path(line).resolve().is_relative_to(REPO)
    assert (Path(out[1]) / "edition.json").is_file()
    assert Path(out[2]).is_file()


def test_version(installed):
    bin_dir, work, env = installed
    out = run([bin_dir / "dtpl-studio", "--version"], work, env).stdout
    import dtpl_studio

    assert dtpl_studio.__version__ in out


def test_demo_export_check_from_the_wheel(installed):
    bin_dir, work, env = installed
    assert_demo_pdf_cycle([bin_dir / "dtpl-studio"], work, env)


def test_import_prices_from_the_wheel(installed, public_data):
    bin_dir, work, env = installed
    workbook = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    run([bin_dir / "dtpl-studio", "import-prices", workbook, "--write-edition", "ed",
         "--no-library"], work, env, timeout=600)
    assert (work / "ed" / "edition.json").is_file()
    assert (work / "ed" / "analyses.csv").stat().st_size > 10_000


def test_team_library_on_postgresql_from_the_wheel(installed, pg_server):
    bin_dir, work, env = installed
    assert_team_library_reachable([bin_dir / "dtpl-studio"], work, env, pg_server)


def test_window_starts_from_the_wheel(installed):
    bin_dir, work, env = installed
    if not (work / "demo.dtpl").exists():
        run([bin_dir / "dtpl-studio", "demo", "demo.dtpl"], work, env)
    proc = subprocess.run([str(bin_dir / "dtpl-studio"), "demo.dtpl"], cwd=work,
                          env={**env, "DTPL_STUDIO_SMOKE_EXIT_MS": "2500"},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "window shown" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_wheel_carries_the_user_guide(installed):
    """Bantuan › Panduan from an installed wheel (issue 7 point 5): the guide's Markdown is
    inside the installed package, and the window's guide finds it there (screenshots travel
    when docs/img was generated before the build: `make wheel` runs `make screenshots`)."""
    bin_dir, work, env = installed
    out = run([bin_dir / "python", "-c",
               "from dtpl_studio.ui.guide import guide_markdown; print(guide_markdown())"],
              work, env).stdout.strip()
    index = Path(out)
    site = bin_dir.parent.resolve()
    assert index.is_file() and index.resolve().is_relative_to(site), out
    assert not index.resolve().is_relative_to(REPO)
    assert {"proyek-pertama.md", "backup-volume.md", "cetak-dtpl.md"} <= {p.name for p in index.parent.glob("*.md")}
    if (REPO / "docs" / "img" / "window-id.png").is_file():
        assert (index.parent / "img" / "window-id.png").is_file()
