"""The audit log: every price edit, override, custom rate and re-pricing saved is appended with
who, when, old and new value, in a hash chain; an edited history is found on open, at its
first broken entry (issue 5, audit log). The library logs imports and publications the same
way."""

from __future__ import annotations

import dataclasses
import sqlite3
from decimal import Decimal as D
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.audit import GENESIS, AuditEntry, chain, first_broken, hash_entry
from dtpl_studio.costing.rab import Program
from dtpl_studio.storage.library import PriceLibrary
from dtpl_studio.storage.project_file import read_audit_log, save_program, verify_audit_log
from tests.storage.conftest import raw_sql
from tests.storage.storage_samples import make_book, make_program


def _items(program: Program):
    return {item.description: item for package in program.packages for item in package.items()}


def _edit_prices(program: Program) -> None:
    fisik = program.packages[0]
    fisik.book.set_price("Semen", D("1700"))
    items = _items(program)
    items["Plesteran (harga disepakati)"].rate_override = D("99000")
    items["Adukan untuk perbaikan"].rate_override = D("1250000")
    items["Adukan untuk perbaikan"].override_reason = "harga toko"
    items["Papan nama kegiatan"].custom_rate = D("400000")


def test_price_edits_are_logged_with_who_when_old_and_new(tmp_path: Path):
    path = tmp_path / "proyek.dtpl"
    program = make_program()
    save_program(program, path, who="ani@laptop")
    _edit_prices(program)
    save_program(program, path, who="budi@pc")

    entries, broken = verify_audit_log(path)
    assert broken is None
    changes = [(e.action, e.subject, e.old, e.new, e.who) for e in entries if e.action.startswith("price.")]
    assert ("price.resource", "Saluran drainase RT 03 › Semen Portland (kg)", "1650.5", "1700", "budi@pc") in changes
    assert ("price.resource", "Perencanaan kawasan › Semen Portland (kg)", "1650.5", "1700", "budi@pc") in changes
    assert ("price.override", "Saluran drainase RT 03 › Plesteran (harga disepakati)", "95000", "99000",
            "budi@pc") in changes
    assert ("price.override", "Saluran drainase RT 03 › Adukan untuk perbaikan", "", "1250000", "budi@pc") in changes
    assert ("price.custom", "Saluran drainase RT 03 › Papan nama kegiatan", "350000.00", "400000",
            "budi@pc") in changes
    assert len(changes) == 5
    assert entries[0].action == "save" and entries[-1].action == "save"
    assert all(e.at for e in entries) and entries[1].at == entries[-1].at


def test_saving_without_price_changes_adds_only_the_save_entry(tmp_path: Path):
    path = tmp_path / "proyek.dtpl"
    program = make_program()
    save_program(program, path)
    save_program(program, path)
    assert [e.action for e in read_audit_log(path)] == ["save", "save"]


def test_clearing_an_override_and_repricing_are_logged(tmp_path: Path):
    path = tmp_path / "proyek.dtpl"
    program = make_program()
    save_program(program, path)
    _items(program)["Plesteran (harga disepakati)"].rate_override = None
    newer = make_book()
    newer.meta = dataclasses.replace(newer.meta, edition="2026-1", year=2026)
    program.packages[1].book = newer
    save_program(program, path)
    entries = read_audit_log(path)
    assert any(e.action == "price.override" and e.old == "95000" and e.new == "" for e in entries)
    repriced = [e for e in entries if e.action == "reprice"]
    assert len(repriced) == 1 and repriced[0].subject == "Perencanaan kawasan"
    assert "2025-1" in repriced[0].old and "2026-1" in repriced[0].new


def _tamper(path: Path, sql: str, *args) -> None:
    with sqlite3.connect(path) as con:
        con.execute(sql, args)


def test_an_edited_history_is_found_at_its_first_broken_entry(tmp_path: Path):
    path = tmp_path / "proyek.dtpl"
    program = make_program()
    save_program(program, path)
    _edit_prices(program)
    save_program(program, path)
    save_program(program, path)
    entries, broken = verify_audit_log(path)
    assert broken is None and len(entries) == 8  # save, 5 price edits, save, save
    _tamper(path, "UPDATE audit_log SET new_value = '1' WHERE id = 4")
    assert verify_audit_log(path)[1] == 3
    # the next save keeps the stored (broken) chain: the edit stays visible
    save_program(program, path)
    assert verify_audit_log(path)[1] == 3


def test_a_deleted_entry_is_found(tmp_path: Path):
    path = tmp_path / "proyek.dtpl"
    program = make_program()
    for _ in range(4):
        save_program(program, path)
    _tamper(path, "DELETE FROM audit_log WHERE id = 2")
    assert verify_audit_log(path)[1] == 1


ENTRY = st.builds(AuditEntry, at=st.text(max_size=25), who=st.text(max_size=10), action=st.text(max_size=10),
                  detail=st.text(max_size=20), subject=st.text(max_size=20), old=st.text(max_size=8),
                  new=st.text(max_size=8))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(ENTRY, min_size=1, max_size=12), data=st.data())
def test_any_single_change_to_a_chain_is_found_where_it_was_made(entries, data):
    chained = chain(entries)
    assert first_broken(chained) is None
    index = data.draw(st.integers(0, len(chained) - 1))
    kind = data.draw(st.sampled_from(["field", "delete", "swap", "insert"]))
    tampered = list(chained)
    if kind == "field":
        name = data.draw(st.sampled_from(["at", "who", "action", "detail", "subject", "old", "new"]))
        value = data.draw(st.text(max_size=8).filter(lambda v: v != getattr(chained[index], name)))
        tampered[index] = dataclasses.replace(chained[index], **{name: value})
        expected = index
    elif kind == "delete":
        del tampered[index]
        expected = index if index < len(tampered) else None
    elif kind == "swap":
        if index + 1 >= len(tampered) or tampered[index] == tampered[index + 1]:
            return
        tampered[index], tampered[index + 1] = tampered[index + 1], tampered[index]
        expected = index
    else:
        forged = data.draw(ENTRY)
        prev = tampered[index - 1].entry_hash if index else GENESIS
        tampered.insert(index, dataclasses.replace(forged, prev_hash=prev, entry_hash=hash_entry(forged, prev)))
        expected = index + 1  # a correctly forged entry links; the next one no longer does
    assert first_broken(tampered) == expected


def test_older_files_get_their_history_chained_on_upgrade(tmp_path: Path):
    from dtpl_studio.storage.project_file import load_program

    path = tmp_path / "lama.dtpl"
    program = make_program()
    save_program(program, path, who="ani@pc")
    save_program(program, path, who="budi@pc")
    # the file as schema project_0001 wrote it: every later migration undone (not only the
    # audit columns: others may follow project_0002_audit)
    from alembic import command

    from dtpl_studio.storage import migrate

    engine = migrate.sqlite_engine(path, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config("project", conn), "project_0001")
    engine.dispose()
    with sqlite3.connect(path) as con:
        assert "prev_hash" not in {r[1] for r in con.execute("PRAGMA table_info(audit_log)")}
    load_program(path)  # upgraded in place
    entries, broken = verify_audit_log(path)
    assert broken is None
    assert [(e.action, e.who) for e in entries][:2] == [("save", "ani@pc"), ("save", "budi@pc")]
    assert entries[-1].action == "upgrade" and entries[-1].prev_hash == entries[-2].entry_hash


def test_library_imports_and_publications_are_chained_and_checked(library_url: str):
    db = library_url  # an SQLite file or a PostgreSQL schema (tests/storage/conftest.py)
    with PriceLibrary(db) as lib:
        edition = lib.add_edition(make_book(), who="ani@pc")
        lib.publish(edition, who="budi@pc")
        entries = lib.audit_entries()
    assert first_broken(entries) is None
    assert [(e.action, e.who) for e in entries][-2:] == [("add", "ani@pc"), ("publish", "budi@pc")]
    assert (entries[-1].old, entries[-1].new) == ("draft", "published")
    raw_sql(db, "UPDATE audit_log SET who = 'mallory' WHERE action = 'add'")
    with PriceLibrary(db) as lib:
        assert first_broken(lib.audit_entries()) == len(entries) - 2


def test_cli_audit_lists_checks_and_prints(tmp_path: Path, capsys):
    from dtpl_studio.cli import main

    path = tmp_path / "proyek.dtpl"
    program = make_program()
    save_program(program, path)
    _edit_prices(program)
    save_program(program, path)
    assert main(["audit", str(path), "--pdf", str(tmp_path / "riwayat.pdf")]) == 0
    out = capsys.readouterr().out
    assert "1.650,5 → 1.700" in out and "log audit utuh: 7 entri" in out
    assert (tmp_path / "riwayat.pdf").read_bytes().startswith(b"%PDF")
    _tamper(path, "UPDATE audit_log SET old_value = '1' WHERE id = 3")
    assert main(["audit", str(path)]) == 1
    assert "mulai entri #3" in capsys.readouterr().err
    assert main(["check", str(path)]) in (0, 1)
    assert "PERINGATAN" in capsys.readouterr().err
