"""Guard against a reference-count bug of the installed PySide6 on CPython 3.11.

Seen with PySide6 6.12.0 (``cp310-abi3`` wheel) on CPython 3.11.7: every call from Python
of a C++ method returning ``void`` (``label.setText(...)``), every ``signal.emit(...)``
(which returns ``True``) and every Python virtual whose result is ``None`` hands the
interpreter ``None``/``True`` *without* a new reference. CPython 3.12+ makes those
singletons immortal (PEP 683), so the binding's missing ``Py_INCREF`` is harmless there;
on 3.11 each call takes one reference away, and after some tens of thousands of calls
(a few hundred RAB edits) the interpreter aborts with ``Fatal Python error: none_dealloc``
or ``bool_dealloc``.

:func:`install` probes the binding once; when the bug is present on a CPython without
immortal objects, it raises the reference counts of ``None``, ``True`` and ``False`` by
:data:`HEADROOM` — the PEP 683 behaviour the binding assumes, by other means. It changes
nothing when the probe finds no leak (a fixed PySide6, or CPython ≥ 3.12). The real fix
is a PySide6 without the bug or CPython ≥ 3.12; this keeps a session from aborting.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

#: references added to each singleton: far more than any session can leak
HEADROOM = 1 << 40
_PROBE_CALLS = 64
_installed = False


def leaks_none() -> bool:
    """True when calling a ``void`` C++ method from Python drops a reference to ``None``."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def install() -> bool:
    """Apply the guard when needed (idempotent); True when it was applied."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not leaks_none():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject (CPython ≤ 3.11 object layout).
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    _installed = True
    log.info("PySide6 drops references to None/True on this Python; guard installed "
                "(use CPython ≥ 3.12 or a fixed PySide6)")
    return True


install()
