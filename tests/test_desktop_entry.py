"""Desktop integration (freedesktop): `make install-desktop` puts a valid menu entry, the icon and
the .dtpl MIME type under XDG_DATA_HOME, so a double-click on a project opens DTPL Studio."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "install-desktop.sh"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop")


@pytest.fixture
def installed(tmp_path):
    exe = tmp_path / "bin dir" / "dtpl-studio"  # a space in the path: Exec must be quoted
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/args\"\n")
    exe.chmod(0o755)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    proc = subprocess.run(["bash", str(SCRIPT), str(exe)], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "share", exe, env


def _entry(share: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(share / "applications" / "dtpl-studio.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_entry_starts_the_program_with_the_file(installed):
    share, exe, _ = installed
    entry = _entry(share)
    assert entry["Type"] == "Application" and entry["Name"] == "DTPL Studio"
    assert entry["Exec"] == f'"{exe}" %f'
    assert entry["MimeType"].rstrip(";") == "application/x-dtpl-project"
    assert (share / "icons/hicolor/scalable/apps" / f"{entry['Icon']}.svg").is_file()
    # what a file manager does on double-click: replace %f by the file
    project = share.parent / "my project.dtpl"
    cmd = entry["Exec"].replace('"', "").replace(" %f", "")
    subprocess.run([cmd, str(project)], check=True)
    assert (exe.parent / "args").read_text().strip() == str(project)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_entry_is_valid(installed):
    share, _, _ = installed
    proc = subprocess.run(["desktop-file-validate", str(share / "applications/dtpl-studio.desktop")],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "error" not in proc.stdout.lower(), proc.stdout


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="shared-mime-info")
def test_dtpl_files_get_the_project_mime_type(installed):
    share, _, _ = installed
    globs = (share / "mime" / "globs2").read_text()
    assert "application/x-dtpl-project:*.dtpl" in globs
    weight = next(line for line in globs.splitlines() if "*.dtpl" in line).split(":")[0]
    assert int(weight) > 50  # beats the generic SQLite magic


def test_uninstall_removes_everything(installed):
    share, _, env = installed
    subprocess.run(["bash", str(SCRIPT), "--uninstall"], env=env, check=True, capture_output=True)
    assert not (share / "applications" / "dtpl-studio.desktop").exists()
    assert not (share / "mime/packages/dtpl-studio.xml").exists()
    assert not list((share / "icons").rglob("*.svg"))


def test_no_program_no_entry(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    proc = subprocess.run(["bash", str(SCRIPT), str(tmp_path / "missing")], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "not an executable" in proc.stderr
    assert not (tmp_path / "share" / "applications").exists()
