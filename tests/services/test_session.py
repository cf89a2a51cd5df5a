"""ProjectSession (services/session.py): lock, read-only open, save/save-as, autosave and
recovery, crash leftovers; and every CLI writer going through the same lock (issue 5 faults
9, 10, 12; autosave and recovery)."""

from __future__ import annotations

import json
import os
import socket
import stat
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio import cli
from dtpl_studio.costing.rab import Item
from dtpl_studio.services.project import export_pdf, open_project, save_project
from dtpl_studio.services.session import (
    LockedError,
    NoFileError,
    ProjectSession,
    ReadOnlyError,
    format_local_time,
    program_fingerprint,
    recovery_path_for,
)
from dtpl_studio.storage.errors import ProjectFileError
from dtpl_studio.tempfiles import parse_temp_name, temp_path
from tests.storage.storage_samples import make_program


def _saved(tmp_path: Path, name: str = "desa.dtpl") -> Path:
    path = tmp_path / name
    save_project(make_program(), path)
    return path


def _foreign_lock(path: Path, *, host: str | None = None, pid: int | None = None,
                  since: str = "2026-11-30T07:05:00+00:00") -> Path:
    """A lock file as another live DTPL Studio writes it (pid of a running process)."""
    lock = path.with_name(path.name + ".lock")
    lock.write_text(json.dumps({"pid": pid or os.getppid(), "host": host or socket.gethostname(),
                                "user": "ani", "since": since, "app": "DTPL Studio", "token": "x"}))
    return lock


def _edit(session: ProjectSession, volume: str = "42") -> Item:
    item = next(i for i in session.program.packages[0].items() if not i.measurements)
    item.volume = Decimal(volume)
    session.touch()
    return item


# -- fault 9: one lock for every writer, refused with who and since when -------------------------

def test_lock_refusal_names_user_host_pid_and_local_time_in_indonesian(tmp_path):
    path = _saved(tmp_path)
    _foreign_lock(path)
    with pytest.raises(LockedError) as info:
        ProjectSession.open(path)
    err = info.value
    assert err.holder is not None and err.holder.user == "ani" and err.holder.pid == os.getppid()
    assert err.holder.since == datetime(2026, 11, 30, 7, 5, tzinfo=UTC)
    from babel.dates import get_timezone

    assert err.holder.since_text("id", get_timezone("Asia/Jakarta")) == "Senin, 30 November 2026 14.05 WIB"
    from dtpl_studio.ui.messages import explain

    text = explain(err)
    assert "desa.dtpl sedang dipakai oleh ani di komputer" in text
    assert f"(proses {os.getppid()}) sejak Senin, 30 November 2026" in text
    assert "hapus berkas desa.dtpl.lock" in text
    assert "T07:05" not in text and "+00:00" not in text  # never the raw UTC ISO time


@pytest.mark.parametrize(("zone", "expected"), [
    ("Asia/Jakarta", "Senin, 30 November 2026 14.05 WIB"),
    ("Asia/Makassar", "Senin, 30 November 2026 15.05 WITA"),
    ("Asia/Jayapura", "Senin, 30 November 2026 16.05 WIT"),
])
def test_local_time_is_written_the_indonesian_way(zone, expected):
    from babel.dates import get_timezone

    when = datetime(2026, 11, 30, 7, 5, tzinfo=UTC)
    assert format_local_time(when, "id", get_timezone(zone)) == expected
    assert format_local_time(when.replace(tzinfo=None), "id", get_timezone(zone)) == expected


def test_lock_of_another_computer_is_respected_and_said(tmp_path):
    path = _saved(tmp_path)
    _foreign_lock(path, host="laptop-lain", pid=999_999)
    with pytest.raises(LockedError) as info:
        ProjectSession.open(path)
    assert info.value.params["host"] == "laptop-lain" and info.value.params["other_computer"]


@pytest.mark.parametrize("writer", ["save_project", "demo_force", "session_save_as", "export_target",
                                    "report_target", "edition_target", "library"])
def test_every_writer_goes_through_the_lock(tmp_path, writer, capsys):
    """The CLI ignored the lock (fault 9): each writer is refused while another instance holds
    its target, and the target is unchanged."""
    project = _saved(tmp_path)
    if writer in ("save_project", "demo_force", "session_save_as"):
        target = project
    elif writer == "export_target":
        target = tmp_path / "out.pdf"
    elif writer == "report_target":
        target = tmp_path / "report.txt"
    elif writer == "edition_target":
        target = tmp_path / "edisi"
    else:
        target = tmp_path / "library.sqlite"
    before = target.read_bytes() if target.is_file() else None
    _foreign_lock(target)
    with pytest.raises(LockedError):
        if writer == "save_project":
            save_project(make_program(), target)
        elif writer == "demo_force":
            from dtpl_studio.services.project import create_demo

            create_demo(target, force=True)
        elif writer == "session_save_as":
            ProjectSession.untitled(make_program()).save_as(target)
        elif writer == "export_target":
            export_pdf(open_project(project), target)
        elif writer == "report_target":
            from dtpl_studio.services.prices import write_report

            write_report(target, "laporan")
        elif writer == "edition_target":
            from dtpl_studio.services.prices import write_edition_folder

            write_edition_folder(make_program().packages[0].book, target)
        else:
            from dtpl_studio.services.prices import store_in_library

            store_in_library(make_program().packages[0].book, str(target))
    assert (target.read_bytes() if target.is_file() else None) == before
    assert not (target.is_dir() and any(target.iterdir()))


def test_cli_demo_force_is_refused_while_the_window_holds_the_file(tmp_path, capsys):
    project = _saved(tmp_path)
    session = ProjectSession.open(project)
    before = project.read_bytes()
    assert cli.main(["demo", str(project), "--force"]) == 2
    err = capsys.readouterr().err
    assert "sudah terbuka di DTPL Studio ini" in err and "Traceback" not in err
    assert project.read_bytes() == before
    session.close()
    assert cli.main(["demo", str(project), "--force"]) == 0


# -- fault 10: read-only folder or file ----------------------------------------------------------

@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "arsip"
    folder.mkdir()
    path = folder / "desa.dtpl"
    save_project(make_program(), path)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    yield path
    folder.chmod(0o755)


def test_project_in_a_read_only_folder_opens_read_only(read_only_folder, tmp_path):
    session = ProjectSession.open(read_only_folder)
    assert session.read_only and session.read_only_reason == "folder"
    assert not session.holds_lock
    assert not read_only_folder.with_name("desa.dtpl.lock").exists()
    _edit(session)
    with pytest.raises(ReadOnlyError) as info:
        session.save()
    from dtpl_studio.ui.messages import explain

    assert "dibuka hanya-baca" in explain(info.value)
    copy = tmp_path / "salinan.dtpl"
    session.save_as(copy)
    assert not session.read_only and session.path == copy and session.holds_lock
    assert open_project(copy).packages[0] is not None
    session.close()
    assert not copy.with_name("salinan.dtpl.lock").exists()


def test_read_only_file_opens_read_only(tmp_path):
    path = _saved(tmp_path)
    path.chmod(0o444)
    session = ProjectSession.open(path)
    assert session.read_only_reason == "file"
    with pytest.raises(ReadOnlyError):
        session.save()
    session.close()


def test_a_folder_where_the_lock_cannot_be_created_opens_read_only(tmp_path, monkeypatch):
    """A read-only mount (EROFS) refuses even root: the lock file cannot be created."""
    import errno

    path = _saved(tmp_path)
    real_open = os.open

    def refuse(p, flags, *args):
        if str(p).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(p))
        return real_open(p, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    session = ProjectSession.open(path)
    assert session.read_only_reason == "folder"


# -- save, save-as, dirty ------------------------------------------------------------------------

def test_save_and_save_as_move_the_lock_and_keep_the_edits(tmp_path):
    path = _saved(tmp_path)
    session = ProjectSession.open(path)
    assert session.holds_lock and not session.dirty
    _edit(session, "7")
    assert session.dirty
    session.save()
    assert not session.dirty
    assert program_fingerprint(open_project(path)) == program_fingerprint(session.program)
    other = tmp_path / "baru.dtpl"
    session.save_as(other)
    assert not path.with_name("desa.dtpl.lock").exists()
    assert other.with_name("baru.dtpl.lock").exists()
    with pytest.raises(NoFileError):
        ProjectSession.untitled(make_program()).save()
    session.close()


def test_apply_runs_an_edit_returns_its_inverse_and_bumps_the_revision(tmp_path):
    class SetVolume:
        def __init__(self, item, volume):
            self.item, self.volume = item, volume

        def apply(self, program):
            old = self.item.volume
            self.item.volume = self.volume
            return SetVolume(self.item, old)

    session = ProjectSession.open(_saved(tmp_path))
    item = next(i for i in session.program.packages[0].items() if not i.measurements)
    old = item.volume
    inverse = session.apply(SetVolume(item, Decimal(9)))
    assert item.volume == 9 and session.revision == 1 and session.dirty
    session.apply(inverse)
    assert item.volume == old and session.revision == 2
    session.close()


# -- autosave and recovery -----------------------------------------------------------------------

def test_autosave_then_crash_offers_the_recovered_state_with_a_diff(tmp_path):
    path = _saved(tmp_path)
    session = ProjectSession.open(path)
    assert session.autosave() is None  # nothing to save
    _edit(session, "1000")
    copy = session.autosave()
    assert copy == recovery_path_for(path) and copy.name == ".desa.dtpl.~dtpl.recovery"
    assert session.autosave() is None  # unchanged since
    expected = program_fingerprint(session.program)
    # crash: the session is never closed; the lock names a dead process
    session._lock._token = None
    lock = path.with_name("desa.dtpl.lock")
    data = json.loads(lock.read_text())
    data["pid"] = 999_999
    lock.write_text(json.dumps(data))

    again = ProjectSession.open(path)
    offer = again.recovery
    assert offer is not None and offer.saved_at is not None
    assert abs(offer.saved_at - datetime.now(UTC)) < timedelta(minutes=5)
    assert offer.diff.saved_items == offer.diff.recovered_items
    assert offer.diff.recovered_total > offer.diff.saved_total
    assert [c.name for c in offer.diff.packages] == [again.program.packages[0].name]
    assert again.autosave() is None  # the copy is never overwritten while the offer is open
    again.accept_recovery()
    assert program_fingerprint(again.program) == expected and again.dirty
    again.save()
    assert not copy.exists()
    again.close()
    assert program_fingerprint(open_project(path)) == expected


def test_clean_close_removes_the_copy(tmp_path):
    path = _saved(tmp_path)
    session = ProjectSession.open(path)
    _edit(session)
    copy = session.autosave()
    session.close()  # the user chose to discard: a clean close
    assert not copy.exists()


def _crashed_with_copy(path: Path, volume: str = "42") -> str:
    """A session that edited ``path``, autosaved, and died; returns the copy's fingerprint."""
    session = ProjectSession.open(path)
    _edit(session, volume)
    session.autosave()
    session._lock.release()  # crash without close
    return program_fingerprint(session.program)


def _declined_copies(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob(f".{path.name}*") if "recovery" in p.name)


def test_declined_recovery_is_kept_until_the_next_save(tmp_path):
    """An accidental "No" loses nothing: the declined copy is moved aside (the next autosave
    cannot overwrite it) and removed by the next clean save."""
    path = _saved(tmp_path)
    recovered = _crashed_with_copy(path)
    session = ProjectSession.open(path)
    assert session.recovery is not None
    session.discard_recovery()
    kept = _declined_copies(path)
    assert len(kept) == 1 and kept[0].name.endswith(".declined")
    _edit(session, "7")
    session.autosave()  # a new copy of this session's edits; the declined one is untouched
    assert program_fingerprint(open_project(kept[0])) == recovered
    session.save()
    assert _declined_copies(path) == []
    session.close()


def test_declined_recovery_survives_a_close_without_save_and_is_offered_again(tmp_path):
    path = _saved(tmp_path)
    recovered = _crashed_with_copy(path)
    session = ProjectSession.open(path)
    session.discard_recovery()
    session.close()  # closed without saving: the declined copy stays
    assert len(_declined_copies(path)) == 1
    again = ProjectSession.open(path)
    assert again.recovery is not None and again.recovery.declined
    again.accept_recovery()  # the accidental "No" undone
    assert program_fingerprint(again.program) == recovered
    again.save()
    assert _declined_copies(path) == []
    again.close()


def test_a_declined_copy_older_than_the_file_is_not_offered(tmp_path):
    path = _saved(tmp_path)
    _crashed_with_copy(path)
    session = ProjectSession.open(path)
    session.discard_recovery()
    session.close()
    save_project(make_program(), path)  # saved by another writer: the copy is older than the file
    again = ProjectSession.open(path)
    assert again.recovery is None and _declined_copies(path) == []
    again.close()


def test_undo_back_to_the_saved_state_removes_the_copy(tmp_path):
    session = ProjectSession.open(_saved(tmp_path))
    item = _edit(session, "5")
    copy = session.autosave()
    assert copy.exists()
    item.volume = Decimal(0)
    session.mark_clean()
    assert not copy.exists() and not session.dirty
    session.close()


def test_a_recovery_copy_older_than_the_file_is_not_offered(tmp_path):
    """Saved after the copy was written (crash between the save and removing the copy)."""
    path = _saved(tmp_path)
    session = ProjectSession.open(path)
    _edit(session, "3")
    copy = session.autosave()
    kept = copy.read_bytes()
    _edit(session, "4")
    session.save()
    copy.write_bytes(kept)  # as if killed before the copy was removed
    session._lock.release()
    again = ProjectSession.open(path)
    assert again.recovery is None and not copy.exists()
    again.close()


def test_read_only_project_autosaves_in_the_user_data_folder(read_only_folder):
    session = ProjectSession.open(read_only_folder)
    _edit(session)
    copy = session.autosave()
    assert copy is not None and read_only_folder.parent not in copy.parents
    assert copy.parent.name == "recovery" and copy.is_file()
    session.close()
    assert not copy.exists()


# -- fault 12: crash leftovers -------------------------------------------------------------------

def test_open_removes_only_our_leftovers_of_dead_processes(tmp_path):
    path = _saved(tmp_path)
    host = socket.gethostname()
    ours_dead = [path.with_name(f".desa.dtpl.~dtpl.{_tag()}.999999.0123abcd.saving"),
                 path.with_name(f".desa.dtpl.~dtpl.{_tag()}.999999.0123abcd.saving-journal")]
    kept = [
        path.with_name(f".desa.dtpl.~dtpl.{_tag()}.{os.getppid()}.0123abcd.saving"),  # live process
        path.with_name(".desa.dtpl.~dtpl.laptop-lain.999999.0123abcd.saving"),  # another computer
        path.with_name(".desa.dtpl.0123456789ab.saving"),  # not our shape
        path.with_name("desa.dtpl.saving"),
        path.with_name(f".lain.dtpl.~dtpl.{_tag()}.999999.0123abcd.saving"),  # another project
        path.with_name("catatan.tmp"),
    ]
    for p in ours_dead + kept:
        p.write_bytes(b"x")
    assert host  # the tag is derived from it
    session = ProjectSession.open(path)
    assert sorted(session.cleaned) == sorted(ours_dead)
    assert not any(p.exists() for p in ours_dead)
    assert all(p.exists() for p in kept)
    session.close()


def test_open_removes_the_dead_autosave_temporaries_of_the_recovery_copy(tmp_path):
    """Found by the kill test: an autosave killed mid-write leaves the recovery copy's own
    temporary file (target ``.desa.dtpl.~dtpl.recovery``), which the project's clean-up missed."""
    path = _saved(tmp_path)
    recovery = recovery_path_for(path)
    dead = [recovery.with_name(f".{recovery.name}.~dtpl.{_tag()}.999999.0123abcd.saving"),
            recovery.with_name(f".{recovery.name}.~dtpl.{_tag()}.999999.0123abcd.saving-journal")]
    live = recovery.with_name(f".{recovery.name}.~dtpl.{_tag()}.{os.getppid()}.0123abcd.saving")
    for p in [*dead, live]:
        p.write_bytes(b"x")
    session = ProjectSession.open(path)
    assert sorted(session.cleaned) == sorted(dead)
    assert not any(p.exists() for p in dead) and live.exists()
    session.close()


def test_export_removes_its_own_dead_temporary_pdfs(tmp_path):
    project = _saved(tmp_path)
    out = tmp_path / "dtpl.pdf"
    dead = out.with_name(f".dtpl.pdf.~dtpl.{_tag()}.999999.89abcdef.tmp")
    foreign = out.with_name(".dtpl.pdf.12345.tmp")
    dead.write_bytes(b"%PDF-1.4 half")
    foreign.write_bytes(b"not ours")
    export_pdf(open_project(project), out)
    assert not dead.exists() and foreign.exists()
    assert out.read_bytes().startswith(b"%PDF")


def test_temporary_names_are_recognised_and_carry_the_pid(tmp_path):
    name = temp_path(tmp_path / "a.b.dtpl", "saving").name
    info = parse_temp_name(name)
    assert info is not None and info.target == "a.b.dtpl" and info.pid == os.getpid()
    assert parse_temp_name(name + "-journal").journal
    assert parse_temp_name(".a.b.dtpl.123.tmp") is None


def test_save_failure_leaves_no_temporary_file(tmp_path):
    path = _saved(tmp_path)
    session = ProjectSession.open(path)
    item = _edit(session)
    item.volume = float("nan")  # not storable: the save fails in the middle of the transaction
    with pytest.raises(ProjectFileError):
        session.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["desa.dtpl", "desa.dtpl.lock"]
    session.close()


def _tag() -> str:
    from dtpl_studio.tempfiles import host_tag

    return host_tag()


# -- a target whose lock file cannot be created: the message names the target and its folder -----

LOCK_TARGETS = ["project_save", "project_save_as", "pdf_export", "report_file", "edition_folder", "library"]


def _write_target(kind: str, project: Path, target: Path) -> None:
    if kind == "project_save":
        save_project(make_program(), target)
    elif kind == "project_save_as":
        ProjectSession.untitled(make_program()).save_as(target)
    elif kind == "pdf_export":
        export_pdf(open_project(project), target)
    elif kind == "report_file":
        from dtpl_studio.services.prices import write_report

        write_report(target, "laporan")
    elif kind == "edition_folder":
        from dtpl_studio.services.prices import write_edition_folder

        write_edition_folder(make_program().packages[0].book, target)
    else:
        from dtpl_studio.services.prices import store_in_library

        store_in_library(make_program().packages[0].book, str(target))


@pytest.mark.parametrize("number", ["EROFS", "EACCES", "EPERM"])
@pytest.mark.parametrize("kind", LOCK_TARGETS)
def test_lock_failure_names_the_target_and_its_folder_and_says_choose_another(tmp_path, monkeypatch,
                                                                               kind, number):
    """Exporting a PDF into a read-only folder said the lock could not be created "beside the
    project": for every kind of target the message names that target, the folder where its
    lock belongs, and says to choose another folder (EROFS refuses even root, hence the stub)."""
    import errno

    from dtpl_studio.ui.messages import explain

    project = _saved(tmp_path)
    folder = tmp_path / "hanya-baca"
    folder.mkdir()
    name = {"project_save": "desa.dtpl", "project_save_as": "desa.dtpl", "pdf_export": "paket.pdf",
            "report_file": "laporan.txt", "edition_folder": "edisi", "library": "library.sqlite"}[kind]
    target = folder / name
    real_open = os.open

    def refuse(p, flags, *args):
        if str(p).endswith(".lock") and Path(p).parent == folder and flags & os.O_CREAT:
            raise OSError(getattr(errno, number), "Read-only file system", str(p))
        return real_open(p, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(Exception) as info:
        _write_target(kind, project, target)
    message = explain(info.value)
    first = message.splitlines()[0]
    assert name in first and str(folder) in first, message
    assert "samping proyek" not in message and "Berkas: " + str(tmp_path / "desa.dtpl") not in message
    if kind not in ("project_save", "project_save_as"):
        assert "proyek" not in first.lower(), message
    assert "folder lain" in message.splitlines()[-1], message
    assert "hanya-baca" in message or "izin" in message, message
    assert not target.exists() or kind == "library"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.sampled_from(["decline-edit-crash", "decline-close"]), min_size=1, max_size=4))
def test_no_declined_copy_is_ever_lost_without_a_save(tmp_path_factory, steps):
    """Issue 5 (fix5 point 5), walked over sequences of crashes, declines and closes: every
    state the user once declined stays on disk until a clean save; the newest crash copy is
    offered first and the offer names the declined copies kept; declining the next one never
    replaces an earlier one; the save removes them all."""
    path = _saved(tmp_path_factory.mktemp("decl"))
    kept: set[str] = {_crashed_with_copy(path, "101")}  # fingerprints a user may still want
    volume = 200
    for step in steps:
        session = ProjectSession.open(path)
        offer = session.recovery
        assert offer is not None
        on_disk = {program_fingerprint(open_project(p)) for p in _declined_copies(path)}
        assert kept <= on_disk, "a declined or crashed state was lost without a save"
        assert len(offer.older) == len(_declined_copies(path)) - 1
        session.discard_recovery()
        if step == "decline-edit-crash":
            volume += 1
            _edit(session, str(volume))
            session.autosave()
            kept.add(program_fingerprint(session.program))
            session._lock.release()  # dies without close
        else:
            session.close()
    on_disk = {program_fingerprint(open_project(p)) for p in _declined_copies(path)}
    assert kept <= on_disk
    final = ProjectSession.open(path)
    assert final.recovery is not None
    final.discard_recovery()
    final.save()
    assert _declined_copies(path) == []
    final.close()
