"""Temporary files the app writes beside a target, named so that they are provably ours.

A save, an upgrade or an export first writes a temporary file in the target's folder and then
moves it over the target (``os.replace``). A crash (power cut, ``kill -9``) between the two
leaves the temporary file behind, and SQLite may leave its ``-journal`` beside it. This module
names those files so that a later run can tell, from the name alone, that

* DTPL Studio made it (the ``~dtpl`` marker and the exact shape below),
* for which target (the target's file name),
* on which computer and by which process (host tag and pid),

and removes it only when that process is gone (same computer, pid no longer running). A file
of any other shape is never touched (issue 5 fault 12: "never delete a file the app did not
create").

Shape: ``.<target name>.~dtpl.<host>.<pid>.<8 hex>.<kind>`` with an optional ``-journal``
(SQLite's rollback journal of that temporary file), e.g.
``.desa-x.dtpl.~dtpl.laptop-7.4242.1a2b3c4d.saving``.

This module imports nothing from the application: every layer may use it.
"""

from __future__ import annotations

import os
import re
import socket
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

MARKER = "~dtpl"
#: The kinds of temporary file the app writes: a project save/upgrade, an export, an edition folder.
KINDS = ("saving", "tmp", "edition", "lock")

_NAME = re.compile(
    r"^\.(?P<target>.+)\." + re.escape(MARKER) + r"\.(?P<host>[A-Za-z0-9-]{0,32})\.(?P<pid>\d{1,10})"
    r"\.(?P<rand>[0-9a-f]{8})\.(?P<kind>" + "|".join(KINDS) + r")(?P<journal>-journal)?$"
)


def host_tag() -> str:
    """This computer's name reduced to ``[A-Za-z0-9-]``, at most 32 characters."""
    return re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:32]


def pid_alive(pid: int) -> bool:
    """True if a process with ``pid`` runs on this machine.

    POSIX: ``kill(pid, 0)``. Windows: ``OpenProcess`` + ``GetExitCodeProcess`` — never
    ``os.kill`` there, which would terminate the process (or send it Ctrl-C for signal 0).
    """
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, owned by someone else
        return True
    return True


def temp_path(target: Path | str, kind: str) -> Path:
    """A new temporary file name for ``target`` in the same folder (see the module docstring).

    Args:
        target: the file (or folder) the temporary file will replace.
        kind: one of :data:`KINDS`.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown temporary file kind {kind!r}")
    target = Path(target)
    return target.with_name(f".{target.name}.{MARKER}.{host_tag()}.{os.getpid()}.{uuid.uuid4().hex[:8]}.{kind}")


@dataclass(frozen=True, slots=True)
class TempName:
    """What a temporary file's name says: target file name, host tag, pid, kind."""

    target: str
    host: str
    pid: int
    kind: str
    journal: bool


def parse_temp_name(name: str) -> TempName | None:
    """The parts of one of our temporary file names; None for any other name."""
    m = _NAME.match(name)
    if m is None:
        return None
    return TempName(m["target"], m["host"], int(m["pid"]), m["kind"], bool(m["journal"]))


def leftovers(folder: Path | str, target_name: str | None = None) -> list[Path]:
    """Our temporary files in ``folder`` whose writer is gone (this computer, pid not running).

    Args:
        folder: where to look (not recursive).
        target_name: only those of this target (a file name such as ``desa-x.dtpl``); all when None.

    Returns:
        The paths, sorted; files of another computer or of a live process are not included,
        nor anything whose name does not have the exact shape of :func:`temp_path`.
    """
    folder = Path(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    me = host_tag()
    out = []
    for entry in entries:
        info = parse_temp_name(entry.name)
        if info is None or info.host != me or (target_name is not None and info.target != target_name):
            continue
        if info.pid == os.getpid() or pid_alive(info.pid):
            continue
        out.append(Path(entry.path))
    return sorted(out)


def remove_leftovers(folder: Path | str, target_name: str | None = None) -> list[Path]:
    """Delete :func:`leftovers` (a folder left by an edition write is removed whole).

    Returns:
        The paths removed; one that cannot be removed (read-only folder) is skipped silently.
    """
    import shutil

    removed = []
    for path in leftovers(folder, target_name):
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


__all__ = ["KINDS", "MARKER", "TempName", "host_tag", "leftovers", "parse_temp_name", "pid_alive",
           "remove_leftovers", "temp_path"]


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder (flushed and
    fsynced), then move it in place: a reader sees the old file or the new one, never half
    of one; a failure removes the temporary file and leaves the old file unchanged.

    Raises:
        OSError: the folder cannot be written.
    """
    path = Path(path)
    tmp = temp_path(path, "tmp")  # provably ours: removed after a crash by the next writer
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
