"""The audit log as a printable appendix: *Riwayat perubahan harga* (issue 5, audit log).

A small separate builder (it is not one of the DTPL package's template sections): one table of
every entry — number, time (local, Indonesian), who, what was done, to what, old and new value —
and, when the hash chain is broken (:func:`dtpl_studio.audit.first_broken`), a red notice naming
the first entry changed outside DTPL Studio. :func:`build_audit_pdf` writes it alone
(``dtpl-studio audit PROJECT --pdf OUT``, the window's audit panel); :func:`audit_flowables`
gives the same content to a document that wants it as an appendix.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table

from dtpl_studio.audit import AuditEntry, local_time, value_text
from dtpl_studio.reporting.common import Paragraph, esc
from dtpl_studio.reporting.styles import (
    FAIL_INK,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    grid_style,
    make_styles,
)

#: action code → words in the appendix (Indonesian, as the package is)
ACTIONS = {
    "save": "Simpan", "upgrade": "Perbarui format berkas", "create": "Buat pustaka",
    "price.resource": "Ubah harga upah/bahan/alat", "price.override": "Ganti harga satuan item",
    "price.custom": "Harga satuan khusus", "reprice": "Ganti edisi buku harga",
    "add": "Impor edisi buku harga", "publish": "Terbitkan edisi", "update": "Ubah edisi draf",
    "delete": "Hapus edisi draf",
}
TITLE = "Riwayat Perubahan Harga (Log Audit)"


def audit_flowables(entries: list[AuditEntry], broken: int | None, source: str = "") -> list:
    """Heading, integrity notice and the table of ``entries`` (oldest first)."""
    s = make_styles()
    out: list = [Paragraph(esc(TITLE), s.h1)]
    if source:
        out.append(Paragraph(esc(f"Berkas: {source}"), s.small))
    if broken is None:
        out.append(Paragraph(esc(f"{len(entries)} entri; rantai hash utuh: tidak ada entri yang diubah di "
                                 "luar DTPL Studio."), s.body))
    else:
        out.append(Paragraph(
            f'<font color="{FAIL_INK.hexval()}"><b>{esc("PERINGATAN")}</b>: '
            + esc(f"riwayat ini telah diubah di luar DTPL Studio mulai entri #{broken + 1}; entri itu "
                  "dan sesudahnya tidak dapat dipercaya.") + "</font>", s.body))
    out.append(Spacer(1, 3 * mm))
    header = ["No", "Waktu", "Oleh", "Tindakan", "Apa", "Lama", "Baru"]
    rows: list[list] = [[Paragraph(esc(h), s.cell_bold) for h in header]]
    red = ParagraphStyle("audit-broken", parent=s.cell, textColor=FAIL_INK)
    red_right = ParagraphStyle("audit-broken-right", parent=s.cell_right, textColor=FAIL_INK)
    for n, e in enumerate(entries, start=1):
        bad = broken is not None and n - 1 >= broken
        cell, right = (red, red_right) if bad else (s.cell, s.cell_right)
        what = e.subject or e.detail
        rows.append([Paragraph(esc(f"{n} (!)" if bad else str(n)), cell), Paragraph(esc(local_time(e.at)), cell),
                     Paragraph(esc(e.who), cell), Paragraph(esc(ACTIONS.get(e.action, e.action)), cell),
                     Paragraph(esc(what), cell), Paragraph(esc(value_text(e.old)), right),
                     Paragraph(esc(value_text(e.new)), right)])
    widths = [10 * mm, 24 * mm, 25 * mm, 28 * mm, 0, 22 * mm, 22 * mm]
    widths[4] = FRAME_WIDTH - sum(widths)
    out.append(Table(rows, colWidths=widths, repeatRows=1, style=grid_style()))
    return out


def build_audit_pdf(entries: list[AuditEntry], broken: int | None, out_path: Path, source: str = "") -> Path:
    """Write the audit appendix alone to ``out_path`` (atomically: temp file + rename).

    Raises:
        OSError: the file cannot be written (the caller words it: ``ui/messages.py``).
    """
    out_path = Path(out_path)
    fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp", dir=out_path.parent)
    os.close(fd)
    try:
        doc = SimpleDocTemplate(tmp, pagesize=PAGE_SIZE, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                                topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=TITLE,
                                author="DTPL Studio", invariant=True)
        doc.build(audit_flowables(entries, broken, source))
        os.replace(tmp, out_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out_path
