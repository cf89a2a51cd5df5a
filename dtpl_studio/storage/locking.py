"""One instance per project file: a lock file next to it with the holder's pid and host.

``desa-x.dtpl`` is locked by ``desa-x.dtpl.lock`` (JSON: pid, host, user, since, app, token),
created with ``O_CREAT | O_EXCL`` so that two instances can never both create it. A lock is
*stale*, and is taken over, when it names this host and a process that no longer runs (the
app crashed or the laptop lost power). A lock from another host (a shared folder) cannot be
checked and is always respected: the message says which computer holds it and which file to
delete if that computer is not using it.

A lock file rather than an OS lock on the database itself: saving replaces the ``.dtpl``
(write to a temp file, then ``os.replace``), which would drop an OS lock held on the old
inode; and OS locks are unreliable on the network and USB drives facilitators use.

Known limit: pid reuse after a reboot can make a stale lock look alive (the user is told who
holds it and which file to delete), and two instances racing to take over the *same* stale
lock in the same millisecond could both succeed.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from dtpl_studio import __version__
from dtpl_studio.errors import from_os_error
from dtpl_studio.storage.errors import ProjectFileError, ProjectLockedError
from dtpl_studio.tempfiles import pid_alive, remove_leftovers, temp_path

#: Locks this process holds (normalised lock paths). A lock file that names this pid but is
#: not in here was left by an earlier process that had the same pid: it is stale.
_HELD: set[str] = set()

#: An unreadable lock file younger than this is being written right now by another instance.
UNREADABLE_GRACE_SECONDS = 10.0
#: errno values of a filesystem that makes no hard links (the lock then falls back to O_EXCL)
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV})


@dataclass(frozen=True, slots=True)
class LockInfo:
    """Who holds a lock (the content of the lock file)."""

    pid: int
    host: str
    user: str = ""
    since: str = ""  # UTC ISO-8601
    app: str = ""
    token: str = ""

    def describe(self) -> str:
        """``"ani on LAPTOP-7 (process 4242) since 2025-03-01T08:00:00+00:00"``."""
        who = self.user or "someone"
        since = f" since {self.since}" if self.since else ""
        return f"{who} on {self.host} (process {self.pid}){since}"

    def since_datetime(self) -> datetime | None:
        """:attr:`since` as an aware datetime (UTC), or None when missing or unreadable."""
        try:
            when = datetime.fromisoformat(self.since)
        except (TypeError, ValueError):
            return None
        return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def current_user() -> str:
    """The login name, or ``"unknown"`` when the OS cannot say."""
    try:
        return getpass.getuser()
    except Exception:  # getpass raises OSError, KeyError or ImportError depending on platform
        return "unknown"


def lock_path_for(path: Path | str) -> Path:
    """The lock file of a project file: the same name plus ``.lock``, in the same folder.

    Symlinks are resolved first, so two names for one file share one lock.
    """
    p = Path(os.path.realpath(path))
    return p.with_name(p.name + ".lock")


def lock_failure_params(path: Path | str, exc: OSError) -> dict[str, str]:
    """The params of "the lock file of ``path`` cannot be created": the target's ``name``,
    the ``folder`` the lock belongs in (where the target itself would be written, symlinks
    resolved), the ``lock`` file name and the ``cause`` (the errno's code, e.g.
    ``file.read_only``; its words follow the message's own) with the OS's ``system`` text."""
    lock = lock_path_for(path)
    return {"name": Path(path).name, "folder": str(lock.parent), "lock": lock.name,
            "cause": from_os_error(exc).code, "system": exc.strerror or str(exc)}


def read_lock(lock_path: Path) -> LockInfo | None:
    """The :class:`LockInfo` in ``lock_path``, or None if it is missing or unreadable."""
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        return LockInfo(
            pid=int(data["pid"]),
            host=str(data["host"]),
            user=str(data.get("user", "")),
            since=str(data.get("since", "")),
            app=str(data.get("app", "")),
            token=str(data.get("token", "")),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _key(lock_path: Path) -> str:
    return os.path.normcase(os.path.realpath(lock_path))


class ProjectLock:
    """An exclusive claim on a project file for one app instance.

    Usage::

        with ProjectLock(path):          # raises ProjectLockedError if held elsewhere
            program = load_program(path)
            ...
            save_program(program, path)

    or ``lock.acquire()`` … ``lock.release()`` around the time a window has the file open.

    Attributes:
        path: the project file.
        lock_path: ``<path>.lock``.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.lock_path = lock_path_for(self.path)
        self._token: str | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._token is not None

    def holder(self) -> LockInfo | None:
        """Who holds the lock now (None if nobody or unreadable)."""
        return read_lock(self.lock_path)

    def acquire(self) -> None:
        """Take the lock, taking over a stale one.

        Raises:
            ProjectLockedError: another live instance (or another object in this process)
                holds it, or another computer does; the message names who, since when, and
                the lock file to delete if that holder is gone.
            ProjectFileError: the lock file cannot be created (read-only folder…): code
                ``lock.failed``, params of :func:`lock_failure_params`.
        """
        if self.held:
            return
        token = uuid.uuid4().hex
        info = LockInfo(
            pid=os.getpid(),
            host=socket.gethostname(),
            user=current_user(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
            app=f"DTPL Studio {__version__}",
            token=token,
        )
        payload = json.dumps(asdict(info), ensure_ascii=False).encode("utf-8")
        # The lock appears whole or not at all: written beside it, then hard-linked into place
        # (a kill between creating and writing left an empty lock file that every opener took
        # for a live holder). Filesystems without hard links (FAT/exFAT sticks) fall back to
        # create-then-write, where an unreadable lock counts as stale after a grace period.
        staged = self._stage(payload)
        try:
            for _attempt in range(5):
                try:
                    self._publish(staged, payload)
                except FileExistsError:
                    held = read_lock(self.lock_path)
                    if self._is_stale(held):
                        self._break()
                        continue
                    raise ProjectLockedError(self.path, self._refusal(held), held) from None
                except OSError as exc:
                    raise self._cannot_create(exc) from exc
                self._token = token
                _HELD.add(_key(self.lock_path))
                return
        finally:
            if staged is not None:
                try:
                    staged.unlink()
                except OSError:
                    pass
        raise ProjectLockedError(
            self.path, "another instance is opening this file at the same moment; try again",
            read_lock(self.lock_path),
        )

    def _cannot_create(self, exc: OSError) -> ProjectFileError:
        return ProjectFileError(
            self.path, f"cannot create the lock file {self.lock_path}: {exc.strerror or exc}",
            code="lock.failed", params=lock_failure_params(self.path, exc),
        )

    def _stage(self, payload: bytes) -> Path | None:
        """The lock's content in a temporary file beside it (None when the folder takes no
        file: the error then comes from :meth:`_publish`)."""
        # a staged lock left by a writer killed between staging and linking (any target kind:
        # project, PDF, edition folder…) goes first, so no stray lock file outlives its writer
        remove_leftovers(self.lock_path.parent, self.lock_path.name)
        staged = temp_path(self.lock_path, "lock")
        try:
            fd = os.open(staged, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except OSError as exc:
            raise self._cannot_create(exc) from exc
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)
        return staged

    def _publish(self, staged: Path | None, payload: bytes) -> None:
        """Put the lock file in place; FileExistsError when one is there."""
        if staged is not None:
            try:
                os.link(staged, self.lock_path)
                return
            except FileExistsError:
                raise
            except OSError as exc:
                if exc.errno not in _NO_HARD_LINKS:
                    raise
        fd = os.open(self.lock_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        try:
            os.write(fd, payload)
            os.fsync(fd)
        finally:
            os.close(fd)

    def release(self) -> None:
        """Give the lock back (delete the lock file if it is still ours). Idempotent."""
        if self._token is None:
            return
        info = read_lock(self.lock_path)
        if info is not None and info.token == self._token:
            try:
                self.lock_path.unlink()
            except FileNotFoundError:
                pass
        _HELD.discard(_key(self.lock_path))
        self._token = None

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    # -- helpers ---------------------------------------------------------------------------
    def _is_stale(self, info: LockInfo | None) -> bool:
        if info is None:
            try:
                age = time.time() - self.lock_path.stat().st_mtime
            except FileNotFoundError:
                return True
            return age > UNREADABLE_GRACE_SECONDS
        if info.host != socket.gethostname():
            return False
        if info.pid == os.getpid():
            return _key(self.lock_path) not in _HELD
        return not pid_alive(info.pid)

    def _break(self) -> None:
        aside = self.lock_path.with_name(f"{self.lock_path.name}.stale-{uuid.uuid4().hex[:8]}")
        try:
            os.replace(self.lock_path, aside)
        except FileNotFoundError:
            return  # someone else removed it; try again
        try:
            aside.unlink()
        except OSError:
            pass

    def _refusal(self, info: LockInfo | None) -> str:
        if info is None:
            return (f"the file is being opened by another DTPL Studio instance "
                    f"(lock file {self.lock_path.name})")
        if info.host == socket.gethostname() and info.pid == os.getpid():
            return "the file is already open in this DTPL Studio window"
        where = "" if info.host == socket.gethostname() else " on another computer"
        return (
            f"the file is already open{where} by {info.describe()}. Close it there first; "
            f"if that program is no longer running, delete {self.lock_path.name} next to the file."
        )


__all__ = ["LockInfo", "ProjectLock", "current_user", "lock_failure_params", "lock_path_for", "pid_alive",
           "read_lock"]
