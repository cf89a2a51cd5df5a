"""ProjectLock: a second instance is refused, a stale lock is taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dtpl_studio.storage.locking import lock_path_for, pid_alive, read_lock
from dtpl_studio.storage.project_file import ProjectFileError, ProjectLock, ProjectLockedError


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _write_lock(path: Path, pid: int, host: str) -> None:
    lock_path_for(path).write_text(json.dumps({"pid": pid, "host": host, "user": "ani",
                                               "since": "2025-03-01T08:00:00+00:00", "token": "t"}))


def test_lock_file_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "a.dtpl"
    with ProjectLock(path) as lock:
        assert lock.held
        info = read_lock(tmp_path / "a.dtpl.lock")
        assert info is not None
        assert (info.pid, info.host) == (os.getpid(), socket.gethostname())
    assert not (tmp_path / "a.dtpl.lock").exists()
    assert not lock.held


def test_second_lock_in_this_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.dtpl"
    with ProjectLock(path):
        with pytest.raises(ProjectLockedError, match="already open in this DTPL Studio"):
            ProjectLock(path).acquire()
    ProjectLock(path).acquire()  # free again after release


def test_second_instance_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shared.dtpl"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from dtpl_studio.storage.locking import ProjectLock
            lock = ProjectLock({str(path)!r}); lock.acquire()
            print("locked", flush=True)
            sys.stdin.readline()
            lock.release()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(ProjectLockedError) as info:
            ProjectLock(path).acquire()
        message = str(info.value)
        assert f"process {holder.pid}" in message
        assert socket.gethostname() in message
        assert "shared.dtpl.lock" in message  # says which file to delete if the holder is gone
        assert info.value.holder is not None and info.value.holder.pid == holder.pid
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    with ProjectLock(path):
        pass


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "crash.dtpl"
    dead = _dead_pid()
    assert not pid_alive(dead)
    _write_lock(path, dead, socket.gethostname())
    with ProjectLock(path) as lock:
        assert lock.holder() is not None and lock.holder().pid == os.getpid()


def test_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "network.dtpl"
    _write_lock(path, _dead_pid(), "laptop-lain")
    with pytest.raises(ProjectLockedError, match="another computer by ani on laptop-lain"):
        ProjectLock(path).acquire()


def test_unreadable_fresh_lock_is_respected_old_one_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "half.dtpl"
    lock_file = lock_path_for(path)
    lock_file.write_text("")
    with pytest.raises(ProjectLockedError, match="being opened by another"):
        ProjectLock(path).acquire()
    os.utime(lock_file, (1_000_000_000, 1_000_000_000))
    with ProjectLock(path):
        pass


def test_release_does_not_remove_someone_elses_lock(tmp_path: Path) -> None:
    path = tmp_path / "x.dtpl"
    lock = ProjectLock(path)
    lock.acquire()
    _write_lock(path, 1, "laptop-lain")  # e.g. a user deleted ours and another took it
    lock.release()
    assert lock_path_for(path).exists()


def test_lock_in_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot create the lock file"):
        ProjectLock(tmp_path / "missing-folder" / "x.dtpl").acquire()


class _Killed(BaseException):
    """Stands in for SIGKILL at a chosen moment (nothing after it runs)."""


@pytest.mark.parametrize("moment", ["open", "write", "fsync", "close"])
def test_a_kill_while_the_lock_is_written_leaves_no_empty_lock(tmp_path, monkeypatch, moment):
    """The kill test found a lock file left empty by a kill between creating and writing it:
    every opener took it for a live holder. The lock is now written beside it and linked into
    place, so at every moment of the write the lock file is either absent or whole."""
    from dtpl_studio.storage import locking

    project = tmp_path / "p.dtpl"
    project.write_bytes(b"x")
    real = getattr(os, moment)

    def killed(*args, **kwargs):
        raise _Killed

    monkeypatch.setattr(locking.os, moment, killed)
    with pytest.raises(_Killed):
        locking.ProjectLock(project).acquire()
    monkeypatch.setattr(locking.os, moment, real)
    lock_file = tmp_path / "p.dtpl.lock"
    assert not lock_file.exists() or locking.read_lock(lock_file) is not None
    lock = locking.ProjectLock(project)
    lock.acquire()  # the next opener is never refused by a half-written lock
    lock.release()


def test_without_hard_links_the_lock_is_still_taken_and_refused_to_others(tmp_path, monkeypatch):
    """FAT/exFAT sticks make no hard links: the lock falls back to create-then-write."""
    import errno

    from dtpl_studio.storage import locking

    project = tmp_path / "p.dtpl"
    project.write_bytes(b"x")

    def no_link(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(locking.os, "link", no_link)
    first = locking.ProjectLock(project)
    first.acquire()
    info = locking.read_lock(tmp_path / "p.dtpl.lock")
    assert info is not None and info.pid == os.getpid()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".lock") and p.name != "p.dtpl.lock"]
    with pytest.raises(locking.ProjectLockedError):
        locking.ProjectLock(project).acquire()
    first.release()
    assert not (tmp_path / "p.dtpl.lock").exists()
