"""A plain Indonesian message instead of Qt's abort when there is no desktop to show a window on
(issue 5 fault 14).

Two layers:

* :func:`missing_display_reason` — before Qt starts: on Linux, no ``DISPLAY``, no
  ``WAYLAND_DISPLAY`` and no ``QT_QPA_PLATFORM`` means no window can open;
* :func:`install_platform_fatal_handler` — when Qt itself cannot load its platform plugin (the
  X server is unreachable, or a library such as ``libxcb-cursor0`` is missing, which Qt reports
  as "xcb-cursor0 is needed"), Qt calls ``qFatal`` and aborts. The handler turns that fatal
  message into the same explanation and exits with :data:`EXIT_NO_DISPLAY` (Qt's own lines are
  kept as a detail at the end).
"""

from __future__ import annotations

import os
import sys

#: Exit code of ``dtpl-studio`` when the window cannot open for lack of a display.
EXIT_NO_DISPLAY = 3

HEADLESS_HELP = (
    "DTPL Studio tidak dapat membuka jendela: {reason}\n"
    "Jendela DTPL Studio membutuhkan sesi desktop (X11 atau Wayland).\n"
    "\n"
    "Tanpa desktop, gunakan salah satu cara ini:\n"
    "  - perintah baris (tanpa jendela):\n"
    "      dtpl-studio demo demo.dtpl\n"
    "      dtpl-studio export demo.dtpl --pdf demo.pdf\n"
    "      dtpl-studio check demo.dtpl\n"
    "      dtpl-studio import-prices AHSP.xlsx\n"
    "  - jendela tanpa layar (untuk uji otomatis dan tangkapan layar):\n"
    "      QT_QPA_PLATFORM=offscreen dtpl-studio\n"
    "  - dari sesi SSH: ssh -X, atau jalankan di bawah Xvfb (xvfb-run dtpl-studio).\n"
)


def missing_display_reason(environ: dict[str, str] | None = None,
                           platform: str | None = None) -> str | None:
    """Why no window can open, or None when a display may be there.

    Args:
        environ: the environment (``os.environ`` by default).
        platform: ``sys.platform`` by default; only Linux/BSD are checked (Windows and macOS
            always have a display in a user session).
    """
    env = os.environ if environ is None else environ
    plat = sys.platform if platform is None else platform
    if not (plat.startswith("linux") or "bsd" in plat):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return "tidak ada layar (variabel DISPLAY dan WAYLAND_DISPLAY kosong)"


def headless_message(reason: str, qt_detail: str = "") -> str:
    """The full message: reason, what is needed, how to run headless; Qt's own lines last."""
    text = HEADLESS_HELP.format(reason=reason)
    if qt_detail.strip():
        text += "\nRincian dari Qt:\n" + "\n".join("  " + line for line in qt_detail.strip().splitlines()) + "\n"
    return text


def install_platform_fatal_handler() -> None:
    """Route Qt's messages so that a platform-plugin failure ends with :func:`headless_message`
    and exit code :data:`EXIT_NO_DISPLAY` instead of an abort. Other messages pass through to
    stderr as Qt prints them. Call before the QApplication is created."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    platform_lines: list[str] = []

    def handler(kind, context, message: str) -> None:
        category = getattr(context, "category", "") or ""
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            detail = "\n".join([*platform_lines, message.splitlines()[0]])
            sys.stderr.write(headless_message("Qt tidak dapat memuat platform tampilannya.", detail))
            sys.stderr.flush()
            os._exit(EXIT_NO_DISPLAY)
        if category.startswith("qt.qpa"):
            platform_lines.append(message)  # shown only if the platform then fails
            return
        sys.stderr.write(message + "\n")
        if kind == QtMsgType.QtFatalMsg:
            sys.stderr.flush()
            os._exit(134)

    qInstallMessageHandler(handler)
