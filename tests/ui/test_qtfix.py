"""The guard against PySide6's dropped references to None/True (see dtpl_studio/ui/qtfix.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from dtpl_studio.ui import qtfix


def test_guard_is_applied_exactly_when_the_binding_leaks():
    if qtfix.install():
        assert sys.version_info < (3, 12)
        assert sys.getrefcount(None) > qtfix.HEADROOM // 2
        assert sys.getrefcount(True) > qtfix.HEADROOM // 2
    else:
        assert sys.version_info >= (3, 12) or not qtfix.leaks_none()


def test_a_long_session_of_void_calls_and_emits_does_not_abort():
    script = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import dtpl_studio.ui  # applies the guard
        from PySide6.QtCore import QObject, Signal

        class Probe(QObject):
            fired = Signal(bool)

        probe = Probe()
        probe.fired.connect(lambda flag: None)
        for _ in range(200_000):
            probe.setObjectName("x")
            probe.fired.emit(True)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
