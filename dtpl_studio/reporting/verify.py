"""Provable and reproducible PDFs (issue 9 point 8): the document date, the document hash
written into the PDF, and :func:`verify_pdf_bytes` — is this PDF exactly what a project
prints?

The DTPL PDF is deterministic: the same priced programme gives the same bytes (ReportLab
``invariant`` output, fonts embedded from fixed files, no clock). Its CreationDate is the
project's document date (:func:`document_date`), not the time of printing, and its
Keywords carry ``dtpl-sha256:<document hash>`` so that a file that is not byte-identical
can still be told apart: "changed after printing" (same hash) from "another project or
other figures" (another hash).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dtpl_studio.costing.rab import Program

#: Prefix of the document hash in the PDF's Keywords.
HASH_KEY = "dtpl-sha256:"
_HASH_RE = re.compile(rb"dtpl-sha256:([0-9a-f]{64})")

_MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11,
    "desember": 12,
}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_ID_DATE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\b")

#: The date when the project names none (ReportLab's own invariant date).
FALLBACK_DATE = dt.date(2000, 1, 1)


def _parse(text: str) -> dt.date | None:
    for m in _ISO.finditer(text):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    for m in _ID_DATE.finditer(text):
        month = _MONTHS.get(m[2].lower())
        if month:
            try:
                return dt.date(int(m[3]), month, int(m[1]))
            except ValueError:
                continue
    return None


def document_date(program: Program) -> dt.date:
    """The project's document date, used as the PDF's CreationDate and ModDate.

    The latest date written on a signatory (``3 Maret 2025`` or ``2025-03-03``, the
    *tempat, tanggal* of the lembar pengesahan); else 1 January of the fiscal year; else
    :data:`FALLBACK_DATE`. Deterministic: it depends only on the project.
    """
    dates = [d for s in program.signatories if s.date and (d := _parse(s.date))]
    if dates:
        return max(dates)
    if program.fiscal_year and 1900 <= program.fiscal_year <= 9999:
        return dt.date(program.fiscal_year, 1, 1)
    return FALLBACK_DATE


def hash_in_pdf(data: bytes) -> str | None:
    """The document hash written in a DTPL PDF's Keywords, or None."""
    m = _HASH_RE.search(data)
    return m.group(1).decode("ascii") if m else None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The answer of :func:`verify_pdf_bytes`: ``same`` and an Indonesian message."""

    same: bool
    message: str


def verify_pdf_bytes(data: bytes, expected: bytes, doc_hash: str, *, pdf_name: str,
                     project_name: str, left_out: Sequence[str] = ()) -> Verdict:
    """Compare a PDF (``data``) with what the project prints (``expected``, its document
    hash ``doc_hash``) and explain the difference in Indonesian.

    ``left_out``: titles of the sections the PDF says it leaves out (its section choice,
    :func:`~dtpl_studio.reporting.selection.sections_in_pdf`); ``expected`` and ``doc_hash``
    are then those of the same choice, and a match says the package is not complete."""
    short = doc_hash[:16]
    partial = (f" Catatan: PDF ini bukan paket lengkap; bagian yang tidak dicetak: "
               f"{', '.join(left_out)}.") if left_out else ""
    if data == expected:
        return Verdict(True, f"COCOK: {pdf_name} sama persis (byte demi byte) dengan PDF yang "
                             f"dicetak dari proyek {project_name}"
                             f"{' dengan bagian yang sama' if left_out else ''} "
                             f"(kode dokumen {short}).{partial}")
    found = hash_in_pdf(data)
    if found == doc_hash:
        why = ("PDF memuat kode dokumen proyek ini, tetapi isinya tidak sama persis dengan hasil "
               "cetak proyek: berkas telah diubah setelah dicetak, atau dicetak dengan versi "
               "DTPL Studio atau templat lain.")
    elif found:
        why = (f"PDF dicetak dari isi perhitungan lain (kode dokumen pada PDF {found[:16]}, "
               f"kode dokumen proyek {short}): angka, data, buku harga atau pilihan bagian "
               "yang dicetak berbeda.")
    else:
        why = "PDF tidak memuat kode dokumen DTPL Studio (bukan hasil cetak DTPL Studio)."
    return Verdict(False, f"TIDAK COCOK: {pdf_name} bukan hasil cetak persis proyek "
                          f"{project_name}. {why}{partial}")
