"""Re-pricing through the session, the audit log and the CLI (issue 10 point 5): save →
re-price → undo → save keeps the pinned books byte-for-byte; an applied re-pricing is one
audit entry with who, when, old and new basis and the total old → new; ``dtpl-studio
reprice`` prints the summary in Indonesian number format and ``--apply`` saves; the real
HSPK file (public data) matches the shipped book's items by description."""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from dtpl_studio.cli import main
from dtpl_studio.costing.repricing import LineStatus
from dtpl_studio.services import repricing
from dtpl_studio.services.prices import import_prices, load_default_book, store_in_library
from dtpl_studio.services.project import create_demo
from dtpl_studio.services.session import ProjectSession, program_fingerprint, read_project
from dtpl_studio.storage.project_file import read_audit_log
from tests.costing.test_repricing import program, target_book

HSPK = "hspk-jateng-2025/hspk_2025_Kota_Semarang.json"


def books(prog):
    return [p.book.content_hash() for p in prog.packages]


def totals(prog):
    from dtpl_studio.costing.rab import price_program

    return [(p.direct, p.ppn, p.total, p.rounded) for p in price_program(prog).packages]


def test_save_reprice_undo_save_is_identical(tmp_path):
    path = tmp_path / "uji.dtpl"
    session = ProjectSession.create(program(), path)
    try:
        saved = read_project(path)
        plan = repricing.plan(session.program, "pkg", target_book())
        inverse = repricing.apply_plan(session, plan)
        assert totals(session.program)[0][3] == plan.report.new.rounded
        session.apply(inverse)
        session.save()
    finally:
        session.close()
    again = read_project(path)
    assert books(again) == books(saved)
    assert totals(again) == totals(saved)
    assert program_fingerprint(again) == program_fingerprint(saved)
    # the undone re-pricing left no reprice entry (the basis in the file did not change)
    assert [e.action for e in read_audit_log(path)] == ["save", "save"]


def test_applied_repricing_is_one_audit_entry_with_the_totals(tmp_path):
    path = tmp_path / "uji.dtpl"
    session = ProjectSession.create(program(), path)
    try:
        plan = repricing.plan(session.program, "pkg", target_book())
        repricing.apply_plan(session, plan)
        session.save()
    finally:
        session.close()
    entries = [e for e in read_audit_log(path) if e.action == "reprice"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.subject == "Paket uji" and entry.who and entry.at
    assert "Buku harga uji GUI" in entry.old and "Buku harga uji wilayah lain" in entry.new
    old, new = plan.report.old.rounded, plan.report.new.rounded
    from dtpl_studio.costing.formatting import format_rupiah

    assert f"Total Rp {format_rupiah(old)} → Rp {format_rupiah(new)}" in entry.detail
    assert "2 item tanpa padanan" in entry.detail
    reopened = read_project(path)
    assert reopened.packages[0].book.meta.region == "Kab. Lain"


def test_repriced_twice_before_saving_keeps_the_file_total(tmp_path):
    path = tmp_path / "uji.dtpl"
    session = ProjectSession.create(program(), path)
    try:
        first = repricing.plan(session.program, "pkg", target_book())
        repricing.apply_plan(session, first)
        second = repricing.plan(session.program, "pkg", target_book(frozenset({"X.1"})))
        repricing.apply_plan(session, second)
        detail = session.audit_details[("reprice", "pkg")]
    finally:
        session.close()
    from dtpl_studio.costing.formatting import format_rupiah

    assert detail.startswith(f"Total Rp {format_rupiah(first.report.old.rounded)} → "
                             f"Rp {format_rupiah(second.report.new.rounded)}")


def test_cli_reprice_onto_the_shipped_edition(tmp_path, capsys):
    """The demo is pinned from the shipped edition: every analysis item matches by code and
    nothing changes; the summary is Indonesian (``Rp 200.695.000``)."""
    path = tmp_path / "demo.dtpl"
    create_demo(path)
    assert main(["reprice", str(path), "--edition", "bawaan", "--paket", "2"]) == 0
    out = capsys.readouterr().out
    assert "Paket Jalan Rabat Beton" in out and "11 dipadankan" in out and "0 tanpa padanan" in out
    assert "Dibulatkan: Rp " in out and "(0)" in out and "belum diterapkan" in out
    before = path.read_bytes()
    assert main(["reprice", str(path), "--edition", "bawaan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["jumlah_status"]["matched"] for p in data["paket"]] == [0, 11]
    assert data["paket"][1]["baru"]["dibulatkan"] == data["paket"][1]["lama"]["dibulatkan"]
    assert path.read_bytes() == before  # no --apply: the file is untouched
    assert main(["reprice", str(path), "--edition", "bawaan", "--paket", "9"]) == 2
    assert "paket 9 tidak ada" in capsys.readouterr().err
    assert main(["reprice", str(path), "--edition", "kemarin"]) == 2
    assert "bukan nomor edisi" in capsys.readouterr().err


def _demo_with_shipped_items(path: Path) -> None:
    """The demo plus three shipped analyses whose works the HSPK file prices (A.1, A.4, A.6)."""
    from dtpl_studio.costing.edits import add_item_from_book

    create_demo(path)
    session = ProjectSession.open(path)
    try:
        package = session.program.packages[1]
        book = load_default_book()
        for code in ("A.1", "A.4", "A.6"):
            session.apply(add_item_from_book(package, package.sections[1].id, book, code, volume=D(10)))
        session.save()
    finally:
        session.close()


def test_real_hspk_file_end_to_end(public_data, tmp_path, capsys):
    book, report = import_prices(public_data / HSPK)
    assert report.usable
    edition_id, _, _ = store_in_library(book)
    path = tmp_path / "demo.dtpl"
    _demo_with_shipped_items(path)
    prog = read_project(path)
    plan = repricing.plan(prog, prog.packages[1].id, repricing.load_target(str(edition_id)))
    lines = {line.old_code: line for line in plan.report.lines}
    for old, new, price in (("A.1", "1.1.1.1", "1023075"), ("A.4", "1.1.1.5", "25285"),
                            ("A.6", "1.1.2.3", "2791592")):
        assert lines[old].status is LineStatus.MATCHED and lines[old].basis == "uraian"
        assert (lines[old].new_code, lines[old].new_rate) == (new, D(price))
        assert lines[old].new_amount == D(price) * 10
    assert lines["B.1"].status is LineStatus.NO_COUNTERPART
    assert lines["B.1"].new_rate == lines["B.1"].old_rate  # kept exactly (no shared key)
    targets, _, error = repricing.targets()
    assert not error and [t.key for t in targets] == ["bawaan", str(edition_id)]
    assert main(["reprice", str(path), "--edition", str(edition_id), "--paket", "2", "--apply"]) == 0
    out = capsys.readouterr().out
    assert "3 dipadankan" in out and "11 tanpa padanan" in out and "diterapkan dan disimpan" in out
    saved = read_project(path)
    assert saved.packages[1].book.meta.region == "Kota Semarang"
    assert totals(saved)[1][3] == plan.report.new.rounded
    entry = [e for e in read_audit_log(path) if e.action == "reprice"][0]
    assert "HSPK Kota Semarang" in entry.new and "Total Rp" in entry.detail
    assert main(["audit", str(path)]) == 0
    assert "reprice" in capsys.readouterr().out


def test_targets_offer_the_shipped_edition_with_an_empty_library():
    found, _, error = repricing.targets()
    assert [t.key for t in found] == ["bawaan"] and not error
    with pytest.raises(repricing.RepriceError):
        prog = program()
        repricing.plan(prog, "pkg", prog.packages[0].book)


def test_repricing_onto_another_edition_of_the_same_label_is_logged(tmp_path):
    """A bengkel's derived draft keeps the title, region and source of its parent: the
    label does not change, but the prices do, and the re-pricing is still one entry."""
    import copy

    path = tmp_path / "uji.dtpl"
    session = ProjectSession.create(program(), path)
    try:
        same_label = copy.deepcopy(session.program.packages[0].book)
        key = next(iter(same_label.resources))
        same_label.set_price(key, same_label.resources[key].price + 1000)
        plan = repricing.plan(session.program, "pkg", same_label)
        repricing.apply_plan(session, plan)
        session.save()
    finally:
        session.close()
    entries = [e for e in read_audit_log(path) if e.action == "reprice"]
    assert len(entries) == 1 and "Total Rp" in entries[0].detail
