"""Where the application's log goes: a log file in the user data folder, never the terminal.

An unexpected failure is shown to the user as an Indonesian message (:mod:`dtpl_studio.ui.messages`)
and its traceback is written to the log file ``<data folder>/dtpl-studio.log`` (rotated at
1 MB, 3 old files kept), which the message asks the user to attach to a report. The
traceback is also printed on stderr only with ``dtpl-studio --debug`` or ``DTPL_STUDIO_DEBUG=1``
(issue 5, fix5 point 3). Without this, Python's last-resort handler would print every logged
traceback on the terminal before the Indonesian message.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_NAME = "dtpl-studio.log"
_MARK = "_dtpl_studio_handler"


def debug_requested(flag: bool = False) -> bool:
    """True with ``--debug`` (``flag``) or ``DTPL_STUDIO_DEBUG`` set to anything but ``""``/``0``."""
    return flag or os.environ.get("DTPL_STUDIO_DEBUG", "") not in ("", "0")


def log_path() -> Path:
    """``<data folder>/dtpl-studio.log`` (:func:`dtpl_studio.services.paths.data_dir`)."""
    from dtpl_studio.services.paths import data_dir

    return data_dir() / LOG_NAME


def configure_logging(debug: bool = False) -> Path | None:
    """Send the ``dtpl_studio`` loggers to the log file (and to stderr when debugging).

    Idempotent: handlers installed by an earlier call are replaced. When the log file cannot
    be opened (a read-only data folder) records are dropped rather than printed.

    Returns:
        The log file's path, or None when it could not be opened.
    """
    logger = logging.getLogger("dtpl_studio")
    for handler in [h for h in logger.handlers if getattr(h, _MARK, False)]:
        logger.removeHandler(handler)
        handler.close()
    handlers: list[logging.Handler] = []
    path: Path | None
    try:
        path = log_path()
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(handler)
    except OSError:
        path = None
        handlers.append(logging.NullHandler())
    if debug_requested(debug):
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(stream)
    for handler in handlers:
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
    # with a handler here, Python's last-resort handler (which prints on the terminal) is
    # never used; records still propagate, to a handler the host application may add
    logger.setLevel(logging.DEBUG if debug_requested(debug) else logging.INFO)
    return path
