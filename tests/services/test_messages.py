"""Issue 5, fault 11: every failure a user can see is said in Indonesian (English second),
names the file, and says what to do; system failures (errno, SQLite, zip) are mapped in one
place (:func:`dtpl_studio.errors.classify`)."""

from __future__ import annotations

import errno
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from dtpl_studio.errors import KNOWN_CODES, OS_ERRNO_CODES, DtplError, classify
from dtpl_studio.ui.error_strings import EN as ERR_EN
from dtpl_studio.ui.error_strings import ID as ERR_ID
from dtpl_studio.ui.messages import explain
from dtpl_studio.ui.strings import set_language

#: words that betray an English or raw system text in a message meant to be Indonesian
ENGLISH = re.compile(r"\b(ambiguous|no number in|Errno|unable to open|not a zip file|No space left|"
                     r"Permission denied|Read-only file system|No such file|Is a directory|cannot|"
                     r"database|the file|unexpected)\b", re.IGNORECASE)
TARGET = Path("/data/proyek/jalan-rabat.dtpl")


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


def _codes_in_sources() -> set[str]:
    """Every ``code="…"`` written in the package, so that no code lacks words."""
    root = Path(__file__).resolve().parents[2] / "dtpl_studio"
    found: set[str] = set()
    for source in root.rglob("*.py"):
        found |= set(re.findall(r'code="([a-z_]+\.[a-z_.]+)"', source.read_text(encoding="utf-8")))
        found |= set(re.findall(r'default_code = "([a-z_]+\.[a-z_.]+)"', source.read_text(encoding="utf-8")))
    return found


def test_every_code_has_indonesian_and_english_words_and_a_hint():
    codes = set(KNOWN_CODES) | _codes_in_sources()
    assert len(codes) > 60
    for code in codes:
        for catalogue in (ERR_ID, ERR_EN):
            assert f"err.{code}" in catalogue, code
            assert f"hint.{code}" in catalogue, code
    assert set(ERR_ID) == set(ERR_EN)


@pytest.mark.parametrize("number", sorted(set(OS_ERRNO_CODES) | {errno.EIO, errno.EAGAIN, errno.ENOMEM}))
def test_each_errno_is_an_indonesian_message_naming_the_file(number):
    exc = OSError(number, "system text", str(TARGET) + ".tmp")
    message = explain(exc, TARGET)
    assert str(TARGET) in message
    assert "Yang dapat dilakukan:" in message
    assert not ENGLISH.search(message), message


def test_full_disk_says_the_disk_is_full():
    assert explain(OSError(errno.ENOSPC, "No space left on device"), TARGET).startswith("Disk penuh")
    assert "Disk penuh" in explain(sqlite3.OperationalError("database or disk is full"), TARGET)


@pytest.mark.parametrize("text, code", [
    ("unable to open database file", "db.cannot_open"), ("database is locked", "db.locked"),
    ("file is not a database", "db.damaged"), ("database disk image is malformed", "db.damaged"),
    ("database or disk is full", "db.disk_full"), ("attempt to write a readonly database", "db.read_only"),
    ("disk I/O error", "db.io"),
])
def test_each_sqlite_failure_kind_is_mapped_and_worded(text, code):
    exc = sqlite3.OperationalError(text)
    assert classify(exc).code == code
    message = explain(exc, TARGET)
    assert str(TARGET) in message and not ENGLISH.search(message), message

    class Wrapped(Exception):  # what SQLAlchemy raises: the sqlite3 error in .orig
        orig = exc

    assert classify(Wrapped()).code == code


def _ole2(tmp_path: Path, name: str, encrypted: bool) -> Path:
    path = tmp_path / name
    stream = ("EncryptionInfo" if encrypted else "Workbook").encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + stream + b"\0" * 1024)
    return path


def test_protected_workbook_is_said_to_be_protected(tmp_path):
    path = _ole2(tmp_path, "AHSP-terkunci.xlsx", encrypted=True)
    message = explain(zipfile.BadZipFile("File is not a zip file"), path)
    assert "dilindungi kata sandi" in message and str(path) in message
    assert classify(zipfile.BadZipFile("x"), _ole2(tmp_path, "lama.xlsx", False)).code == "workbook.old_xls"
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"hello")
    assert classify(zipfile.BadZipFile("x"), junk).code == "workbook.not_xlsx"


def test_protected_workbook_through_the_importer_and_the_cli(tmp_path, capsys):
    from dtpl_studio.cli import main

    path = _ole2(tmp_path, "AHSP-terkunci.xlsx", encrypted=True)
    assert main(["import-prices", str(path), "--no-library"]) == 2
    err = capsys.readouterr().err
    assert "dilindungi kata sandi" in err and "AHSP-terkunci.xlsx" in err
    assert "not a zip" not in err and "Traceback" not in err


def test_cli_full_disk_on_save_says_disk_full(tmp_path, capsys, monkeypatch):
    from dtpl_studio.cli import main
    from dtpl_studio.storage import project_file

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(project_file, "_fsync_file", full)
    out = tmp_path / "demo.dtpl"
    assert main(["demo", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Disk penuh" in err and str(out) in err and "Errno" not in err
    assert not out.exists()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS])
def test_cli_export_write_failure_names_the_pdf(tmp_path, capsys, monkeypatch, code):
    """Found by the newcomer review: ENOSPC during the PDF write named no file."""
    from dtpl_studio.cli import main
    from dtpl_studio.reporting import dtpl_pdf

    project = tmp_path / "demo.dtpl"
    assert main(["demo", str(project)]) == 0

    def fail(*args, **kwargs):
        raise OSError(code, "write failed")  # no filename, as ENOSPC from write() has none

    monkeypatch.setattr(dtpl_pdf, "build_dtpl_pdf", fail)
    out = tmp_path / "keluar.pdf"
    capsys.readouterr()
    assert main(["export", str(project), "--pdf", str(out)]) == 2
    err = capsys.readouterr().err
    assert "keluar.pdf" in err and "Errno" not in err and "Traceback" not in err


def test_open_errors_of_each_kind_are_indonesian(tmp_path):
    from dtpl_studio.services.project import open_project

    folder = tmp_path / "folder.dtpl"
    folder.mkdir()
    not_sqlite = tmp_path / "catatan.dtpl"
    not_sqlite.write_text("bukan proyek")
    other_db = tmp_path / "lain.dtpl"
    with sqlite3.connect(other_db) as con:
        con.execute("CREATE TABLE x (a)")
    for path, words in [(tmp_path / "hilang.dtpl", "tidak ditemukan"), (folder, "folder"),
                        (not_sqlite, "bukan berkas proyek"), (other_db, "bukan berkas proyek")]:
        with pytest.raises(DtplError) as info:
            open_project(path)
        message = explain(info.value)
        assert words in message and str(path) in message and not ENGLISH.search(message), message


def test_english_is_the_second_language():
    set_language("en")
    message = explain(OSError(errno.ENOSPC, "x"), TARGET)
    assert message.startswith("The disk is full") and str(TARGET) in message


def test_findings_carry_a_code_and_params_and_are_worded_where_shown():
    from decimal import Decimal

    from dtpl_studio.costing.findings import Finding, Severity
    from dtpl_studio.costing.funding import Component
    from dtpl_studio.costing.pricebook import PriceBook
    from dtpl_studio.costing.rab import Item, Package, PackageSettings, Section, price_package
    from dtpl_studio.ui.widgets.findings import finding_text

    package = Package("P", Component.FISIK, PriceBook(), settings=PackageSettings(),
                      sections=[Section("S", [Item("Papan", "ls", custom_rate=Decimal("1E+16"),
                                                  custom_reason="x", volume=Decimal(1))])])
    finding = next(f for f in price_package(package).findings if f.code == "implausible-rate")
    assert dict(finding.params)["limit"] == "1.000.000.000.000.000"
    assert finding_text(finding).startswith("Harga satuan Rp 10.000.000.000.000.000 tidak wajar")
    set_language("en")
    assert finding_text(finding).startswith("Implausible unit rate Rp 10.000.000.000.000.000")
    bare = Finding(Severity.ERROR, "pesan inti", code="implausible-volume")  # no params: the message
    assert finding_text(bare) == "pesan inti"


def test_every_kind_of_lock_failure_has_words_naming_target_and_folder():
    """The lock-failure codes are built per kind of target (services/session.py)."""
    from dtpl_studio.services.session import LOCK_FAILED_CODES

    for code in LOCK_FAILED_CODES.values():
        for catalogue in (ERR_ID, ERR_EN):
            assert "{name}" in catalogue[f"err.{code}"] and "{folder}" in catalogue[f"err.{code}"], code
            assert f"hint.{code}" in catalogue, code
