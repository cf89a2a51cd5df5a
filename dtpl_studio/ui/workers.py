"""Long work off the GUI thread: a cancellable task on a :class:`QThreadPool`.

The pattern follows Anki's ``CollectionOp`` and Orange's ``TaskState`` (AESTHETICS.md §1.4,
§1.5): the callable runs on a pool thread and receives two plain callables,
``progress(done, total, label)`` and ``cancelled() -> bool`` — the shape the Qt-free services
take (``services.project.export_pdf``). Its outcome arrives on the GUI thread through queued
signals. Thread contract: the callable must not touch any widget.

A task whose callable raises after :meth:`Task.cancel` reports :attr:`TaskSignals.cancelled`
(the service's own "cancelled" exception stays in its layer); any other exception becomes
:attr:`TaskSignals.failed` with a one-line message, and the traceback goes to the log.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)

#: every task from its creation until a while after it finished: a :class:`QRunnable` made
#: in Python must not be collected while its pool thread may still be inside it (a window
#: that drops its own reference when the ``finished`` signal arrives let the garbage
#: collector delete the C++ object under the pool thread: ``make test`` crashed mid-run)
_LIVE: set[Task] = set()
#: how long a finished task is kept before it may be collected (ms)
RELEASE_DELAY_MS = 2000
atexit.register(_LIVE.clear)  # collected while Python still runs, never in its shutdown


class TaskSignals(QObject):
    """Signals of a :class:`Task`, emitted from the pool thread and delivered queued.

    Signals:
        progress(int, int, str): ``done`` of ``total`` steps, with a label.
        succeeded(object): the callable's return value.
        failed(str): the error message (never a traceback).
        cancelled(): the task stopped because :meth:`Task.cancel` was called.
        finished(): emitted last, whatever the outcome.
    """

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable):
    """Run ``fn(*args, progress=…, cancelled=…)`` on a thread pool.

    Create it on the GUI thread (so its signals live there), connect to ``task.signals``,
    then ``pool.start(task)``.
    """

    def __init__(self, fn: Callable, *args, **kwargs):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference until finished
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()
        #: the file the task works on, named in a failure message when the error names none
        self.path = next((a for a in args if isinstance(a, Path)), None)
        _LIVE.add(self)
        self.signals.finished.connect(self._release_later)  # queued: on the GUI thread

    def _release_later(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(RELEASE_DELAY_MS, lambda: _LIVE.discard(self))

    def forget(self) -> None:
        """A task that will not be started after all: let it be collected."""
        _LIVE.discard(self)

    def cancel(self) -> None:
        """Ask the callable to stop (cooperative: it polls ``cancelled()``)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, label: str = "") -> None:
        self.signals.progress.emit(int(done), int(total), str(label))

    def run(self) -> None:
        """Qt override (pool thread)."""
        try:
            result = self.fn(*self.args, progress=self._progress, cancelled=self.is_cancelled, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            if self.is_cancelled():
                self.signals.cancelled.emit()
            else:
                log.exception("background task failed")
                from dtpl_studio.ui.messages import explain

                self.signals.failed.emit(explain(exc, self.path))
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.fn, self.args, self.kwargs = None, (), {}  # what the work held goes now
            self.done.set()
            self.signals.finished.emit()
