"""The audit log in the window: entries after a save, a red notice and a warning finding
when the history was edited outside DTPL Studio, and printing it (issue 5, audit log)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from dtpl_studio.services.project import save_project


def test_saved_price_edits_show_in_the_audit_panel(window, tmp_path):
    path = tmp_path / "proyek.dtpl"
    assert window.save_to(path)
    book = window.doc.program.packages[1].book
    key = next(iter(book.resources))
    old = book.resources[key].price
    book.set_price(key, old + Decimal(1000))
    assert window.save_to(path)
    panel = window.audit
    assert panel.trail is not None and panel.trail.intact
    top = panel.tree.topLevelItem(0)  # newest first
    assert top.text(1) == "Simpan"
    change = panel.tree.topLevelItem(1)
    assert change.text(1) == "Ubah harga upah/bahan/alat"
    assert "→" in change.text(2)
    assert "entri" in panel.summary.text() and "utuh" in panel.summary.text()
    window.audit_dock.show()
    window.audit_dock.raise_()
    window.resize(1400, 900)
    window.grab().save(str(tmp_path / "audit.png"))
    panel.grab().save(str(tmp_path / "audit-panel.png"))


def test_an_edited_history_is_a_warning_finding_on_open(qtbot, window, tmp_path, program):
    path = tmp_path / "proyek.dtpl"
    save_project(program, path)
    save_project(program, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE audit_log SET who = 'orang lain' WHERE id = 1")
    assert window.open_path(path)
    assert not window.audit.trail.intact and window.audit.trail.broken == 0
    assert "PERINGATAN" in window.audit.summary.text() and "#1" in window.audit.summary.text()
    texts = [window.findings.topLevelItem(i).text(2) for i in range(window.findings.topLevelItemCount())]
    assert any("log audit" in t and "#1" in t for t in texts), texts


def test_the_audit_log_prints_to_pdf(window, tmp_path, shown):
    path = tmp_path / "proyek.dtpl"
    assert window.save_to(path)
    out = tmp_path / "riwayat.pdf"
    assert window.export_audit_to(out)
    assert out.read_bytes().startswith(b"%PDF")
    assert not window.export_audit_to(tmp_path / "riwayat.txt")  # refused with a message
    assert shown.errors and "harus berakhiran .pdf" in shown.errors[-1][1]
