"""No exception may escape into Qt: a Python exception raised inside a Qt virtual (a model's
``data``/``setData``, an undo command's ``redo``/``undo``) leaves Qt half-way through its own
work, and under PySide6 that has ended the process (issue 5, fault 1: a 31-digit factor
killed the window inside ``QUndoStack.push``).

:func:`guarded` wraps such a method: the exception is logged with its traceback, turned
into a message (:func:`dtpl_studio.ui.messages.explain_short`) on the object's rejection
signal, and the method returns a safe default.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def failure_message(exc: BaseException, action: str = "") -> str:
    """The one-line message for an edit that failed inside the GUI (logged by the caller)."""
    from dtpl_studio.errors import DtplError
    from dtpl_studio.ui.messages import explain_short

    if isinstance(exc, DtplError) and exc.code != "error":
        return explain_short(exc)
    return explain_short(DtplError(f"{type(exc).__name__}: {exc}", code="entry.failed",
                                   params={"action": action or "?"}))


def guarded(default: Any, rejected: str | None = None) -> Callable:
    """Decorate a Qt override so that it never raises.

    Args:
        default: returned when the method raised (``False`` for ``setData``, ``None`` for
            ``data``).
        rejected: name of a ``Signal(str)`` of the object to emit the message on.
    """

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def safe(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - never into Qt
                log.exception("%s.%s failed", type(self).__name__, method.__name__)
                if rejected is not None:
                    try:
                        getattr(self, rejected).emit(failure_message(exc))
                    except Exception:  # noqa: BLE001 - the message itself failed: logged above
                        log.exception("cannot report the failure")
                return default

        return safe

    return wrap
