"""Regression guard: the installed PySide6 must not drop references to None/True.

PySide6-Essentials 6.12.0 on CPython 3.11 loses one reference per void call or signal emit
and the interpreter aborts (``none_dealloc``/``bool_dealloc``); pyproject.toml pins below it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_long_session_of_void_calls_and_emits_does_not_abort():
    script = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QObject, Signal

        class Probe(QObject):
            fired = Signal(bool)

        probe = Probe()
        probe.fired.connect(lambda flag: None)
        before = sys.getrefcount(None), sys.getrefcount(True)
        for _ in range(200_000):
            probe.setObjectName("x")
            probe.fired.emit(True)
        after = sys.getrefcount(None), sys.getrefcount(True)
        print("leak", before[0] - after[0], before[1] - after[1])
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    leak_none, leak_true = (int(x) for x in result.stdout.split()[1:3])
    assert leak_none < 1000 and leak_true < 1000, result.stdout
