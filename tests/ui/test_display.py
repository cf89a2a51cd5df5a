"""No display (issue 5 fault 14): the window command explains in Indonesian that a desktop
session is needed and how to run headless, instead of Qt's "xcb-cursor0 is needed" abort."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest

from dtpl_studio.ui.display import EXIT_NO_DISPLAY, missing_display_reason

VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.parametrize("present", list(itertools.product([False, True], repeat=3)))
@pytest.mark.parametrize("platform", ["linux", "win32", "darwin", "freebsd13"])
def test_every_combination_of_the_display_variables(present, platform):
    env = {var: (":0" if var == "DISPLAY" else "x") for var, on in zip(VARS, present, strict=True) if on}
    env["HOME"] = "/home/u"
    reason = missing_display_reason(env, platform)
    headless = platform in ("linux", "freebsd13") and not any(present)
    assert (reason is not None) == headless
    # an empty variable is no display either
    if headless:
        assert missing_display_reason({v: "" for v in VARS}, platform) is not None


def _run_window(tmp_path, **overrides):
    env = {k: v for k, v in os.environ.items() if k not in VARS}
    env.update(DTPL_STUDIO_HOME=str(tmp_path), DTPL_STUDIO_SETTINGS=str(tmp_path / "s.ini"),
               DTPL_STUDIO_LIBRARY=str(tmp_path / "lib.sqlite"))
    env.update(overrides)
    return subprocess.run([sys.executable, "-m", "dtpl_studio"], env=env, capture_output=True,
                          text=True, timeout=120)


def _assert_plain_message(proc):
    assert proc.returncode == EXIT_NO_DISPLAY, proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith("DTPL Studio tidak dapat membuka jendela")
    assert "sesi desktop" in proc.stderr
    assert "QT_QPA_PLATFORM=offscreen" in proc.stderr
    assert "dtpl-studio export" in proc.stderr
    assert "Traceback" not in proc.stderr and "core dumped" not in proc.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland variables")
def test_no_display_variables_gives_the_plain_message(tmp_path):
    proc = _run_window(tmp_path)
    _assert_plain_message(proc)
    assert "xcb" not in proc.stderr  # Qt was never asked


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11")
def test_unreachable_display_gives_the_plain_message_not_a_qt_abort(tmp_path):
    proc = _run_window(tmp_path, DISPLAY=":97")  # no X server there: Qt's plugin fails
    _assert_plain_message(proc)
    # Qt's own reason is kept as a detail, after our explanation
    assert proc.stderr.index("Rincian dari Qt") > proc.stderr.index("sesi desktop")
