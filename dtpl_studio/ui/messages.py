"""Words for failures, in one place: :func:`explain` turns any exception into the message a
user reads (window and CLI alike), in the current language of :mod:`dtpl_studio.ui.strings`.

A message has up to four lines: what happened (``err.<code>``), the file (``Berkas: …``),
the place in it (``Lokasi: …``) and what to do (``Yang dapat dilakukan: …``). The code
comes from :func:`dtpl_studio.errors.classify` (our own :class:`~dtpl_studio.errors.DtplError`
as it is; ``OSError`` by errno; SQLite; zip). No Qt here: the CLI uses it too.
"""

from __future__ import annotations

import logging
import string
from pathlib import Path

from dtpl_studio.errors import DtplError, classify
from dtpl_studio.ui.strings import CATALOGUES, language, tr

log = logging.getLogger(__name__)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _words(key: str, params: dict) -> str | None:
    text = CATALOGUES[language()].get(key) or CATALOGUES["id"].get(key)
    if text is None:
        return None
    fields = _Lenient({k: ("" if v is None else v) for k, v in params.items()})
    return string.Formatter().vformat(text, (), fields).replace("  ", " ").strip()


def describe(error: DtplError) -> tuple[str, str]:
    """``(what happened, what to do)`` for a coded error; an unknown code falls back to the
    error's own detail under the generic ``err.error`` words.

    A ``cause`` param holding another code (``"file.read_only"``: why the lock file of a
    target could not be created) adds that code's words as a second sentence of what
    happened, so the reason is said the same way everywhere."""
    what = _words(f"err.{error.code}", error.params)
    if what is None:
        what = _words("err.error", {"system": error.detail})
        hint = _words("hint.error", {})
    else:
        hint = _words(f"hint.{error.hint or error.code}", error.params)
        cause = error.params.get("cause")
        because = _words(f"err.{cause}", error.params) if isinstance(cause, str) else None
        if because:
            what = f"{what} {because}"
    return what or "", hint or ""


def explain(exc: BaseException, path: Path | str | None = None, *, named: bool = False) -> str:
    """The user's message for ``exc``: what happened, which file, where in it, what to do.

    Args:
        exc: any exception (ours, ``OSError``, sqlite3/SQLAlchemy, ``BadZipFile``…).
        path: the file the user was working on, used when the error names none.
        named: the text around the message already names ``path`` (a dialog saying
            "Berkas X tidak dapat dibuka"): the file line is left out when it is ``path``.

    Returns:
        Lines joined by ``\\n`` in the current GUI language (Indonesian by default).
    """
    error = classify(exc, path)
    what, hint = describe(error)
    lines = [what]
    shown = error.path if error.path is not None else path
    already = named and path is not None and shown is not None and str(shown) == str(path)
    if shown is not None and str(shown) not in what and not already:
        lines.append(tr("msg.file", path=shown))
    if error.where:
        lines.append(tr("msg.where", where=error.where))
    if hint:
        lines.append(tr("msg.todo", hint=hint))
    if error.code == "error":
        log.error("unexpected failure shown to the user", exc_info=exc)
    return "\n".join(lines)


def explain_short(exc: BaseException) -> str:
    """One line for the status bar: what happened and what to do (``'12.5': tanda desimal
    adalah koma; … Tulis 12,5.``), no file line."""
    what, hint = describe(classify(exc))
    return f"{what} {hint[:1].upper()}{hint[1:]}".strip()
