"""One open project, without Qt: lock, open, save, save-as, autosave, recovery, every edit.

:class:`ProjectSession` is what the window (``ui/document.py``, ``ui/main_window.py``) and the
CLI hold while a project file is open. It owns:

* **the lock** (``PROJECT.dtpl.lock``, :mod:`dtpl_studio.storage.locking`): taken on open and
  on save-as, given back on :meth:`~ProjectSession.close`. A file held by another instance is
  refused with :class:`LockedError`, which says who holds it (user, computer, process) and since
  when, in local time and Indonesian (``Senin, 30 November 2026 14.05 WIB``). Every other writer
  (``demo --force``, ``export``, ``import-prices`` targets) takes the same kind of lock on its
  target through :func:`target_lock` (issue 5 fault 9).
* **read-only open**: a project whose folder or file cannot be written opens read-only
  (:attr:`~ProjectSession.read_only`, :attr:`~ProjectSession.read_only_reason`); :meth:`save`
  then raises :class:`ReadOnlyError` and :meth:`save_as` to a writable place works
  (issue 5 fault 10).
* **the program** with its packages' pinned price books (``program.packages[i].book``, saved
  inside the file), and **the hook for every edit**: :meth:`apply` runs an edit, which returns
  its inverse (``costing/edits.py``), and bumps :attr:`revision`; edits made another way (the
  window's undo commands) call :meth:`touch`.
* **autosave and recovery**: :meth:`autosave` writes the program to a recovery copy beside the
  file (``.NAME.dtpl.~dtpl.recovery``; in the user data folder when the project's folder is
  read-only) when it changed since the last autosave. Opening a project whose previous session
  died leaves the recovered state in :attr:`recovery` (its time and a :class:`RecoveryDiff`)
  until :meth:`accept_recovery` or :meth:`discard_recovery`. A clean save or close removes the
  recovery copy. A *declined* copy is not deleted (an accidental "No" loses nothing): it is
  moved aside (``….recovery.declined``, where the next autosave cannot overwrite it), offered
  again on the next open, and removed by the next clean save.
* **crash leftovers**: our own temporary files of that project (``.NAME.dtpl.~dtpl.HOST.PID.…``,
  :mod:`dtpl_studio.tempfiles`) whose process is gone are removed on open
  (:attr:`cleaned`; issue 5 fault 12).

Thread contract: a session is used from one thread (the GUI thread, or the CLI's).
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import logging
import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from dtpl_studio.costing.formatting import format_local_time
from dtpl_studio.costing.rab import Program, price_program
from dtpl_studio.errors import DtplError
from dtpl_studio.tempfiles import MARKER, remove_leftovers

log = logging.getLogger(__name__)

#: Suffix of a recovery copy: ``.desa-x.dtpl`` + this.
RECOVERY_SUFFIX = f".{MARKER}.recovery"
#: Added to a recovery copy the user declined: kept until the next clean save.
DECLINED_SUFFIX = ".declined"
#: Errno values that mean "this place cannot be written" (read-only open, not a failure).
_READ_ONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


# =============================================================================================
# errors (coded: the words are in ui/error_strings.py, chosen where they are shown)
# =============================================================================================

class SessionError(DtplError):
    """A project session cannot do what was asked (``code`` says what; ``path`` the file)."""

    default_code = "project.session"


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a lock: login name, computer, process id, since when (aware, UTC), and
    whether it is this very process (another window of this app)."""

    user: str
    host: str
    pid: int
    since: datetime | None
    this_process: bool = False

    def since_text(self, locale: str = "id", tz: tzinfo | None = None) -> str:
        """:attr:`since` in local time, e.g. ``Senin, 30 November 2026 14.05 WIB`` ("" if unknown)."""
        return format_local_time(self.since, locale, tz) if self.since else ""


class LockedError(SessionError):
    """The file (or output target) is held by another DTPL Studio (window, CLI, computer).

    Codes: ``project.locked_by`` (params ``user``, ``host``, ``pid``, ``since`` — local time,
    Indonesian format, ``Senin, 30 November 2026 14.05 WIB`` —, ``other_computer``, ``lock``),
    ``project.locked_here`` (this process holds it), ``project.locked`` (holder unreadable).

    Attributes:
        holder: a :class:`LockHolder`, or None when the lock file could not be read.
        lock_path: the lock file (to delete by hand if its holder is gone for good).
    """

    default_code = "project.locked"

    def __init__(self, path: Path | str, holder: LockHolder | None, lock_path: Path):
        self.holder = holder
        self.lock_path = Path(lock_path)
        params: dict = {"lock": self.lock_path.name, "name": Path(path).name}
        if holder is None:
            code = "project.locked"
        elif holder.this_process:
            code = "project.locked_here"
        else:
            code = "project.locked_by"
            params.update(user=holder.user or "?", host=holder.host, pid=holder.pid,
                          since=holder.since_text("id") or "?",
                          other_computer=holder.host != socket.gethostname())
        detail = (f"locked by {holder.user}@{holder.host} pid {holder.pid} since {holder.since}"
                  if holder is not None else "locked")
        super().__init__(detail, code=code, params=params, path=path)


#: The code of "the lock of this target cannot be created", by the kind of target: the words
#: name the target as the user knows it (a PDF, the import report…), the folder, and where to
#: write instead (``ui/error_strings.py``).
LOCK_FAILED_CODES: dict[str, str] = {
    "project": "lock_failed.project",
    "pdf": "lock_failed.pdf",
    "xlsx": "lock_failed.xlsx",
    "report": "lock_failed.report",
    "edition": "lock_failed.edition",
    "library": "lock_failed.library",
    "package": "lock_failed.package",
}


class LockFailedError(SessionError):
    """The lock file of a target cannot be created: its folder is read-only, not ours, or
    gone (the write itself would fail there too).

    Code: :data:`LOCK_FAILED_CODES` ``[kind]``; params ``name`` (the target's file or folder
    name), ``folder`` (where it and its lock belong), ``lock`` (the lock file's name) and
    ``cause`` (the errno's code, e.g. ``file.read_only``, whose words follow).
    """

    default_code = "lock_failed.project"

    def __init__(self, path: Path | str, kind: str, params: dict):
        super().__init__(f"cannot create the lock of {kind} {path} ({params.get('cause')})",
                         code=LOCK_FAILED_CODES[kind], params=params, path=path)


class ReadOnlyError(SessionError):
    """The project was opened read-only (its folder or the file cannot be written)."""

    default_code = "project.read_only"


class NoFileError(SessionError):
    """The project has no file yet: use :meth:`ProjectSession.save_as`."""

    default_code = "project.no_file"


# =============================================================================================
# helpers
# =============================================================================================

def _holder(info) -> LockHolder | None:
    if info is None:
        return None
    return LockHolder(info.user, info.host, info.pid, info.since_datetime(),
                      this_process=info.host == socket.gethostname() and info.pid == os.getpid())


def _locked(exc, path: Path) -> LockedError:
    from dtpl_studio.storage.locking import lock_path_for

    return LockedError(path, _holder(exc.holder), lock_path_for(path))


def _acquire(lock, kind: str) -> None:
    """``lock.acquire()`` with the storage errors turned into the session's: held elsewhere →
    :class:`LockedError`; the lock file cannot be created → :class:`LockFailedError` of
    ``kind`` (a key of :data:`LOCK_FAILED_CODES`)."""
    from dtpl_studio.storage.errors import ProjectFileError, ProjectLockedError

    try:
        lock.acquire()
    except ProjectLockedError as exc:
        raise _locked(exc, lock.path) from exc
    except ProjectFileError as exc:
        if exc.code != "lock.failed":
            raise
        raise LockFailedError(lock.path, kind, exc.params) from exc


@contextlib.contextmanager
def target_lock(path: Path | str, kind: str) -> Iterator[None]:
    """Hold the lock of an output ``path`` while writing it: two writers never replace the
    same file at once, and a project open in the window is never replaced underneath it
    (issue 5 fault 9).

    Args:
        path: the target (project, PDF, report, edition folder, library file).
        kind: what it is, a key of :data:`LOCK_FAILED_CODES` (``"pdf"``…): the failure
            message names the target by it.

    Raises:
        LockedError: another instance holds it (who, where, since when).
        LockFailedError: the lock file cannot be created (the folder is missing or read-only;
            the write itself would fail there too): names the target and its folder.
    """
    from dtpl_studio.storage.locking import ProjectLock

    if kind not in LOCK_FAILED_CODES:
        raise ValueError(f"unknown target kind {kind!r}")
    lock = ProjectLock(path)
    _acquire(lock, kind)
    try:
        yield
    finally:
        lock.release()


def read_project(path: Path | str) -> Program:
    """Read a project for reading only (``check``, ``export``): no lock (the file on disk is
    always whole: saves replace it atomically), no upgrade in place, no recovery.

    Raises:
        dtpl_studio.storage.errors.ProjectFileError: not found, not a project, damaged, newer.
    """
    from dtpl_studio.storage.project_file import load_program

    return load_program(Path(path), upgrade=False)


def _not_writable(path: Path) -> str | None:
    """"folder" or "file" when that cannot be written (permissions, or no write bit at all:
    an administrator also honours a folder or file marked read-only); None otherwise."""
    real = Path(os.path.realpath(path))
    try:
        folder_mode = real.parent.stat().st_mode
    except OSError:
        return "folder"
    if not os.access(real.parent, os.W_OK) or not folder_mode & 0o222:
        return "folder"
    if real.exists():
        try:
            mode = real.stat().st_mode
        except OSError:
            return "file"
        if not os.access(real, os.W_OK) or not mode & 0o222:
            return "file"
    return None


def program_fingerprint(program: Program) -> str:
    """A digest of everything a project file keeps of ``program`` (books by content hash), to
    tell whether two programs differ at all."""
    packages = [(dataclasses.replace(p, book=None), p.book.content_hash()) for p in program.packages]
    return hashlib.sha256(repr((dataclasses.replace(program, packages=[]), packages)).encode()).hexdigest()


# =============================================================================================
# recovery
# =============================================================================================

@dataclass(frozen=True, slots=True)
class PackageChange:
    """One package's rounded total in the saved file and in the recovered state (None: absent)."""

    name: str
    saved_total: Decimal | None
    recovered_total: Decimal | None


@dataclass(frozen=True, slots=True)
class RecoveryDiff:
    """What the recovered state changes against the saved file: counts of packages and items,
    the grand total (sum of the packages' rounded totals, Rp), and each package whose total
    differs. The words are chosen where it is shown."""

    saved_packages: int
    recovered_packages: int
    saved_items: int
    recovered_items: int
    saved_total: Decimal
    recovered_total: Decimal
    packages: tuple[PackageChange, ...]


def recovery_diff(saved: Program, recovered: Program) -> RecoveryDiff:
    """Compare two programs by counts and priced totals (the core's ``price_program``)."""
    ps, pr = price_program(saved), price_program(recovered)
    s_tot = {pp.package.id: pp for pp in ps.packages}
    r_tot = {pp.package.id: pp for pp in pr.packages}
    changes = []
    for pid in list(s_tot) + [k for k in r_tot if k not in s_tot]:
        a, b = s_tot.get(pid), r_tot.get(pid)
        ta, tb = (a.rounded if a else None), (b.rounded if b else None)
        if ta != tb:
            changes.append(PackageChange((b or a).package.name, ta, tb))
    return RecoveryDiff(
        saved_packages=len(saved.packages),
        recovered_packages=len(recovered.packages),
        saved_items=sum(1 for p in saved.packages for _ in p.items()),
        recovered_items=sum(1 for p in recovered.packages for _ in p.items()),
        saved_total=sum((pp.rounded for pp in ps.packages), Decimal(0)),
        recovered_total=sum((pp.rounded for pp in pr.packages), Decimal(0)),
        packages=tuple(changes),
    )


@dataclass(frozen=True, slots=True)
class RecoveryOffer:
    """A recovery copy left by a session that did not end cleanly.

    Attributes:
        path: the recovery file.
        saved_at: when it was written (aware, UTC).
        saved_by: ``user@host`` that wrote it.
        program: the recovered program.
        diff: what it changes against the file.
        declined: the user declined this copy before (it was kept until a save).
        older: the other declined copies still kept (path, written at), newest first: each
            is kept until a clean save and offered, newest first, once the newer ones are
            declined (issue 5, fix5 point 5: a declined copy is never replaced silently).
    """

    path: Path
    saved_at: datetime | None
    saved_by: str
    program: Program
    diff: RecoveryDiff
    declined: bool = False
    older: tuple[tuple[Path, datetime | None], ...] = ()


def recovery_path_for(path: Path | str) -> Path:
    """Where the recovery copy of project ``path`` goes: beside it
    (``.desa-x.dtpl.~dtpl.recovery``), or, when that folder cannot be written, in the user data
    folder under ``recovery/`` (named by a digest of the file's full path)."""
    real = Path(os.path.realpath(path))
    if _not_writable(real) != "folder":
        return real.with_name(f".{real.name}{RECOVERY_SUFFIX}")
    from dtpl_studio.services.paths import data_dir

    digest = hashlib.sha256(str(real).encode("utf-8")).hexdigest()[:16]
    return data_dir() / "recovery" / f"{digest}-{real.name}{RECOVERY_SUFFIX}"


def declined_path_for(path: Path | str, number: int = 1) -> Path:
    """Where the ``number``-th declined recovery copy of project ``path`` is kept until the
    next clean save: beside the recovery copy, plus :data:`DECLINED_SUFFIX` (``.2``, ``.3``…
    after the first: a copy declined later never replaces one declined before)."""
    copy = recovery_path_for(path)
    return copy.with_name(copy.name + DECLINED_SUFFIX + ("" if number == 1 else f".{number}"))


def declined_paths_for(path: Path | str) -> list[Path]:
    """Every declined recovery copy of project ``path`` that exists, in the order declined."""
    first = declined_path_for(path)
    found = [first] if first.is_file() else []
    numbered = []
    for other in first.parent.glob(first.name + ".*") if first.parent.is_dir() else ():
        tail = other.name[len(first.name) + 1:]
        if tail.isdigit() and int(tail) >= 2 and other.is_file():
            numbered.append((int(tail), other))
    return found + [p for _, p in sorted(numbered)]


def _free_declined_path(path: Path | str) -> Path:
    """The first declined-copy slot of ``path`` not taken yet."""
    number = 1
    while declined_path_for(path, number).exists():
        number += 1
    return declined_path_for(path, number)


def _parse_time(text: str | None) -> datetime | None:
    try:
        when = datetime.fromisoformat(text or "")
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


# =============================================================================================
# the session
# =============================================================================================

class Edit(Protocol):
    """An edit of a program (``dtpl_studio.costing.edits``): applying it changes the program
    in place and returns the edit that undoes it exactly."""

    def apply(self, program: Program) -> Edit: ...


class ProjectSession:
    """One open project (see the module docstring).

    Create with :meth:`open` (a file), :meth:`create` (a new file, e.g. the demo) or
    :meth:`untitled` (not saved yet).

    Attributes:
        program: the open :class:`Program` (edited in place).
        path: its ``.dtpl`` file, or None when untitled.
        read_only: True when the file or its folder cannot be written (no lock is held).
        read_only_reason: ``"folder"`` or ``"file"`` (None when writable).
        revision: bumped by every edit (:meth:`apply`, :meth:`touch`).
        recovery: a pending :class:`RecoveryOffer` after :meth:`open`, else None.
        cleaned: crash leftovers removed when the file was opened.
        listeners: callables ``f(session)`` run after every change of :attr:`revision` or of
            the dirty state.
    """

    def __init__(self, program: Program, path: Path | None = None, *, _lock=None,
                 read_only_reason: str | None = None, _base: str | None = None):
        self.program = program
        self.path = Path(path) if path is not None else None
        self.read_only_reason = read_only_reason
        self.revision = 0
        self.recovery: RecoveryOffer | None = None
        self.cleaned: list[Path] = []
        self.listeners: list[Callable[[ProjectSession], None]] = []
        self._lock = _lock
        self._saved_revision = 0
        self._autosaved_revision = 0
        self._base = _base  # the file's meta save_id when we last read or wrote it
        self._wrote_recovery = False
        self._declined: Path | None = None  # a declined recovery copy kept until a save
        self._closed = False
        #: notes for the audit log of the next save: snapshot key (``("reprice", package
        #: id)``) → the entry's detail (:func:`~dtpl_studio.storage.audit_log.price_changes`
        #: writes it only when that price really changed against the file); cleared by a save
        self.audit_details: dict[tuple[str, ...], str] = {}

    # -- creation --------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str) -> ProjectSession:
        """Open the project file ``path`` for editing.

        Takes the lock (or opens read-only when the folder or file cannot be written),
        removes our crash leftovers of this file, reads the program, and looks for a recovery
        copy left by a session that died (:attr:`recovery`).

        Raises:
            LockedError: another DTPL Studio holds the file.
            dtpl_studio.storage.errors.ProjectFileError: not found, not a project, damaged, a
                newer schema (the lock is given back).
        """
        from dtpl_studio.storage.locking import ProjectLock
        from dtpl_studio.storage.project_file import inspect_project_file, load_program

        path = Path(path)
        reason = _not_writable(path) if path.exists() else None
        lock = None
        if reason is None:
            lock = ProjectLock(path)
            try:
                _acquire(lock, "project")
            except LockFailedError as exc:
                cause = exc.__cause__.__cause__ if exc.__cause__ is not None else None
                if not (isinstance(cause, OSError) and cause.errno in _READ_ONLY_ERRNOS):
                    raise
                lock, reason = None, "folder"
        try:
            # a missing or foreign file is refused before anything is cleaned or read
            info = inspect_project_file(path)
            base = info.meta.get("save_id")
            real = Path(os.path.realpath(path))
            cleaned = [] if reason == "folder" else remove_leftovers(real.parent, real.name)
            # the autosave writes the recovery copy through a temporary file of its own
            recovery = recovery_path_for(real)
            cleaned += remove_leftovers(recovery.parent, recovery.name) if recovery.parent.is_dir() else []
            program = load_program(path, upgrade=reason is None, info=info)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        session = cls(program, path, _lock=lock, read_only_reason=reason, _base=base)
        session.cleaned = cleaned
        if cleaned:
            log.info("removed crash leftovers of %s: %s", path, [p.name for p in cleaned])
        session.recovery = session._find_recovery()
        return session

    @classmethod
    def create(cls, program: Program, path: Path | str, *, replace: bool = False) -> ProjectSession:
        """Save ``program`` as a new project file ``path`` and hold it (``demo``, New).

        Args:
            replace: allow replacing an existing file, which must then be a DTPL project
                that nobody holds (``demo --force``).

        Raises:
            FileExistsError: ``path`` exists and ``replace`` is false.
            LockedError: ``path`` is open in another DTPL Studio.
            dtpl_studio.storage.errors.ProjectFileError: ``path`` is another kind of file, or
                cannot be written.
        """
        path = Path(path)
        if path.exists() and not replace:
            raise FileExistsError(f"{path} exists (use --force to replace it)")
        session = cls(program, None)
        session.save_as(path, replace_only_projects=True)
        return session

    @classmethod
    def untitled(cls, program: Program) -> ProjectSession:
        """A session for a program not saved anywhere yet (no lock, no autosave)."""
        return cls(program, None)

    # -- state -----------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        """True when saving to :attr:`path` is impossible (see :attr:`read_only_reason`)."""
        return self.read_only_reason is not None

    @property
    def dirty(self) -> bool:
        """True when the program differs from the file (an edit since the last save)."""
        return self.revision != self._saved_revision

    def _changed(self) -> None:
        for listener in list(self.listeners):
            listener(self)

    def apply(self, edit: Edit) -> Edit:
        """Apply ``edit`` to the program; returns its inverse. Marks the session dirty and
        bumps :attr:`revision` (autosave follows it).

        Raises:
            whatever the edit raises for an edit that does not fit the program; the program is
            then unchanged (edits check before they change).
        """
        inverse = edit.apply(self.program)
        self.touch()
        return inverse

    def touch(self) -> None:
        """Record that the program was changed in place (by code that does not go through
        :meth:`apply`, e.g. an undo command)."""
        self.revision += 1
        self._changed()

    def mark_clean(self) -> None:
        """The program equals the saved file again (undo back to the saved state): not dirty,
        and no recovery copy is needed."""
        self._saved_revision = self.revision
        self._autosaved_revision = self.revision
        self._remove_recovery()
        self._changed()

    # -- save ------------------------------------------------------------------------------
    def save(self) -> None:
        """Save to :attr:`path` (atomically); the recovery copy is removed.

        Raises:
            NoFileError: untitled (use :meth:`save_as`).
            ReadOnlyError: opened read-only (use :meth:`save_as` to another place).
            dtpl_studio.storage.errors.ProjectFileError: the disk is full, the folder vanished…
                (the file on disk is unchanged).
        """
        if self.path is None:
            raise NoFileError("the project has no file yet")
        if self.read_only:
            raise ReadOnlyError(f"opened read-only ({self.read_only_reason})", path=self.path,
                                params={"reason": self.read_only_reason})
        self._write(self.path)

    def save_as(self, path: Path | str, *, replace_only_projects: bool = False) -> None:
        """Save to ``path`` and continue there: the lock moves to the new file, the session is
        no longer read-only, the old file's recovery copy is removed.

        Args:
            replace_only_projects: refuse to replace an existing file that is not a DTPL
                project (the CLI's ``demo --force``; the window asks the user instead).

        Raises:
            LockedError: ``path`` is open in another DTPL Studio.
            LockFailedError: its lock file cannot be created (read-only folder…).
            dtpl_studio.storage.errors.ProjectFileError: cannot be written (the file on disk
                is unchanged), or (``replace_only_projects``) is not a project.
        """
        from dtpl_studio.storage.locking import ProjectLock
        from dtpl_studio.storage.project_file import inspect_project_file

        path = Path(path)
        if self.path is not None and self._same_file(path) and not self.read_only:
            self.save()
            return
        lock = ProjectLock(path)
        _acquire(lock, "project")
        try:
            if replace_only_projects and path.exists():
                inspect_project_file(path)
            self._write(path)
        except BaseException:
            lock.release()
            raise
        old_recovery = self._recovery_path()
        if self._lock is not None:
            self._lock.release()
        self._lock = lock
        self.path = path
        self.read_only_reason = None
        if old_recovery is not None and old_recovery != self._recovery_path():
            _unlink(old_recovery)
        self._changed()

    def _write(self, path: Path) -> None:
        from dtpl_studio.storage.project_file import save_program

        self._base = save_program(self.program, path, details=self.audit_details)
        self.audit_details = {}
        self._saved_revision = self.revision
        self._autosaved_revision = self.revision
        self._remove_recovery(saved=True)

    def _same_file(self, path: Path) -> bool:
        assert self.path is not None
        return os.path.realpath(path) == os.path.realpath(self.path)

    def revert(self) -> None:
        """Read the program again from :attr:`path`, dropping unsaved edits (keeps the lock).

        Raises:
            NoFileError: untitled.
            dtpl_studio.storage.errors.ProjectFileError: as :meth:`open`.
        """
        from dtpl_studio.storage.project_file import inspect_project_file, load_program

        if self.path is None:
            raise NoFileError("the project has no file yet")
        self.program = load_program(self.path, upgrade=not self.read_only)
        self._base = inspect_project_file(self.path).meta.get("save_id")
        self.revision += 1
        self.mark_clean()

    # -- autosave and recovery -------------------------------------------------------------
    def _recovery_path(self) -> Path | None:
        return recovery_path_for(self.path) if self.path is not None else None

    def autosave(self) -> Path | None:
        """Write the program to the recovery copy when it changed since the last save or
        autosave; returns the recovery file, or None when there was nothing to do (clean,
        unchanged since the last autosave, untitled, closed).

        Raises:
            dtpl_studio.storage.errors.ProjectFileError: the copy cannot be written (disk full…);
                the previous copy, if any, is unchanged.
        """
        from dtpl_studio.storage.project_file import save_program

        target = self._recovery_path()
        if (self._closed or target is None or not self.dirty
                or self.revision == self._autosaved_revision or self.recovery is not None):
            return None
        target.parent.mkdir(parents=True, exist_ok=True)
        revision = self.revision
        save_program(self.program, target, action="autosave", extra_meta={
            "recovery_of": str(Path(os.path.realpath(self.path))),
            "recovery_base": self._base or "",
        })
        self._autosaved_revision = revision
        self._wrote_recovery = True
        return target

    def _find_recovery(self) -> RecoveryOffer | None:
        """The recovery copy to offer: the copy of a session that died, else the newest copy
        declined before (every declined copy is kept until a save); the offer names the other
        declined copies still kept (:attr:`RecoveryOffer.older`). A copy older than the file
        (saved since) or equal to it is removed, not offered."""
        target = self._recovery_path()
        if target is None:
            return None
        offers = []
        for candidate, declined in ((target, False),
                                    *((p, True) for p in reversed(declined_paths_for(self.path)))):
            offer = self._read_recovery(candidate, declined)
            if offer is not None:
                offers.append(offer)
        if not offers:
            return None
        first, rest = offers[0], offers[1:]
        return dataclasses.replace(first, older=tuple((o.path, o.saved_at) for o in rest))

    def _read_recovery(self, target: Path, declined: bool) -> RecoveryOffer | None:
        from dtpl_studio.storage.errors import ProjectFileError
        from dtpl_studio.storage.project_file import inspect_project_file, load_program

        if not target.is_file():
            return None
        try:
            meta = inspect_project_file(target).meta
            recovered = load_program(target, upgrade=False)
        except ProjectFileError as exc:
            log.warning("unusable recovery copy %s removed: %s", target, exc)
            _unlink(target)
            return None
        if meta.get("recovery_base", "") != (self._base or ""):
            # the file was saved after this copy was written: the copy is older than the file
            log.info("stale recovery copy %s removed (file saved since)", target)
            _unlink(target)
            return None
        if program_fingerprint(recovered) == program_fingerprint(self.program):
            _unlink(target)
            return None
        return RecoveryOffer(target, _parse_time(meta.get("saved_at")), meta.get("saved_by", ""),
                             recovered, recovery_diff(self.program, recovered), declined)

    def accept_recovery(self) -> None:
        """Take the recovered state as the program (dirty: the file still holds the old one;
        the recovery copy stays until the next save or close)."""
        offer = self.recovery
        if offer is None:
            return
        self.program = offer.program
        self.recovery = None
        self._wrote_recovery = True
        self.revision += 1
        self._autosaved_revision = self.revision
        self._changed()

    def discard_recovery(self) -> None:
        """Decline the recovered state: the program stays as in the file, and the copy is
        **kept** (an accidental "No" loses nothing): moved aside to
        :func:`declined_path_for` (the next autosave writes the recovery copy again and must
        not overwrite it), offered again on the next open, removed by the next clean save
        (:meth:`save`, :meth:`save_as`). A close without saving keeps it."""
        offer = self.recovery
        if offer is None:
            return
        self.recovery = None
        # a copy declined before stays where it is; a new one takes a free slot, so it never
        # replaces a copy declined earlier (those are offered again after it, newest first)
        declined = offer.path if offer.declined or self.path is None else _free_declined_path(self.path)
        if offer.path != declined:
            try:
                os.replace(offer.path, declined)
            except OSError as exc:  # kept where it is; the next save removes it
                log.warning("cannot move the declined recovery copy %s aside: %s", offer.path, exc)
                declined = offer.path
        self._declined = declined

    def _remove_recovery(self, *, saved: bool = False) -> None:
        """Remove this session's recovery copy (not while an offer is pending); after a clean
        save (``saved``) also a declined copy."""
        target = self._recovery_path()
        if target is not None and self.recovery is None:
            if target != self._declined:
                _unlink(target)
            self._wrote_recovery = False
            if saved:
                for path in declined_paths_for(self.path):
                    _unlink(path)
                if self._declined is not None:
                    _unlink(self._declined)
                self._declined = None

    # -- close -----------------------------------------------------------------------------
    def close(self) -> None:
        """End the session: the recovery copy is removed (the user saved or chose to discard;
        a pending, undecided :attr:`recovery` and a declined copy are kept) and the lock given
        back. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._remove_recovery()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def holds_lock(self) -> bool:
        """True while the session holds its file's lock."""
        return self._lock is not None and self._lock.held


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("cannot remove %s: %s", path, exc)


__all__ = [
    "DECLINED_SUFFIX", "declined_paths_for", "LOCK_FAILED_CODES", "Edit", "LockFailedError", "LockHolder", "LockedError", "NoFileError",
    "PackageChange", "ProjectSession",
    "ReadOnlyError", "RecoveryDiff", "RecoveryOffer", "SessionError", "format_local_time",
    "declined_path_for", "program_fingerprint", "read_project", "recovery_diff", "recovery_path_for",
    "target_lock",
]
