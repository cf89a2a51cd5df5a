"""Keterangan dokumen, at the very end: the full document hash and what it covers
(DESIGN.md §10 "deterministic output with a document hash")."""

from __future__ import annotations

import unicodedata

from reportlab.platypus import Flowable, Spacer

from dtpl_studio.reporting.common import BuildContext, Paragraph, esc
from dtpl_studio.reporting.fonts import replaced_characters


def build_document_info(ctx: BuildContext) -> list[Flowable]:
    """The closing block with the SHA-256 of the priced content (not of the PDF bytes)."""
    s = ctx.styles
    status = ("<b>DRAFT</b>: pemeriksaan belum lulus atau dokumen ditandai sebagai konsep; "
              "belum untuk disahkan." if ctx.draft else
              "Final: semua pemeriksaan lulus.")
    return [
        Spacer(1, 10),
        ctx.heading(ctx.template.title("document"), 1),
        Paragraph(f"Kode dokumen (SHA-256 isi perhitungan): <b>{ctx.doc_hash}</b>", s.small),
        Paragraph("Kode ini dihitung dari isi RAB yang telah dihitung (data program, setiap "
                  "baris dengan volume, harga satuan dan jumlah, back-up volume, total, "
                  "pemeriksaan pagu dan kode isi buku harga), bukan dari berkas PDF. Setiap "
                  "perubahan angka mengubah kode ini; 16 digit pertamanya tercetak di kaki "
                  "setiap halaman.", s.note),
        Paragraph(f"Status dokumen: {status}", s.small),
        *([Paragraph("Cetakan sebagian: dokumen ini bukan paket DTPL lengkap; bagian yang tidak "
                     f"dicetak: {esc(', '.join(ctx.left_out))}. Pilihan bagian ini termasuk dalam "
                     "kode dokumen.", s.small)] if ctx.left_out else []),
        *_replaced_note(ctx),
    ]


def _replaced_note(ctx: BuildContext) -> list[Flowable]:
    """The characters of the project's texts the embedded font cannot draw, each with
    what was printed instead (a finding, never a silent change)."""
    found = replaced_characters()
    if not found:
        return []
    parts = []
    for ch, shown in sorted(found.items()):
        name = unicodedata.name(ch, "tanpa nama").lower()
        parts.append(f"U+{ord(ch):04X} ({name}) dicetak sebagai “{shown or '(dihapus)'}”")
    return [Paragraph("Temuan: karakter yang tidak tersedia pada huruf tertanam dan diganti: "
                      + esc("; ".join(parts)) + ".", ctx.styles.small)]
