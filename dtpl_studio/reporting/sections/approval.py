"""Lembar pengesahan: the statement, *tempat, tanggal* and the signature blocks (DOMAIN.md
§4.4 item 2; issue 9 point 5).

Blocks come from ``program.signatories`` in their order (``Dibuat oleh`` / ``Diperiksa oleh``
/ ``Disetujui oleh`` / ``Mengetahui`` …); with none, the four default blocks of
the template (``signatures`` of ``templates/dtpl-plpbk.json``) are printed with empty name lines.
A role that signs no package of the programme is left out (a planning package is not signed
by a KSM: :mod:`dtpl_studio.reporting.signing`).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    Paragraph,
    capitalise,
    esc,
    money,
    program_total,
    program_words,
)
from dtpl_studio.reporting.signing import approval_blocks, block_cells, blocks_table, place_date
from dtpl_studio.reporting.styles import FRAME_WIDTH


def build_approval(ctx: BuildContext) -> list[Flowable]:
    """The approval sheet, starting a new page."""
    s = ctx.styles
    prog = ctx.priced.program
    where = [f"Kelurahan {prog.kelurahan}"]
    if prog.kecamatan:
        where.append(f"Kecamatan {prog.kecamatan}")
    if prog.kota:
        where.append(prog.kota)
    if prog.provinsi:
        where.append(f"Provinsi {prog.provinsi}")
    year = f", Tahun Anggaran {prog.fiscal_year}" if prog.fiscal_year else ""
    n = len(ctx.priced.packages)
    title = ctx.template.title("approval")
    text = (
        f"{L.DOCUMENT_TITLE.title()} ({L.DOCUMENT_SHORT}) Program {esc(prog.program)} "
        f"{esc(', '.join(where))}{year}"
        + (f" – <i>{esc(prog.title)}</i>" if prog.title else "")
        + f", yang memuat {n} paket kegiatan dengan jumlah biaya "
        f"<b>Rp {money(program_total(ctx.priced))}</b> "
        f"(<i>{esc(capitalise(program_words(ctx.priced)))}</i>), "
        "telah disusun, diperiksa dan disetujui oleh pihak-pihak sebagai berikut."
    )
    story: list[Flowable] = [
        PageBreak(),
        ctx.heading(title.upper(), 0, section=title),
        Spacer(1, 2 * mm),
        Paragraph(text, s.body),
        Spacer(1, 8 * mm),
        *_signatures(ctx),
    ]
    return story


#: A signatory text longer than this is laid out one block under the other, outside a
#: table, so that it can continue on the next page (a table cell cannot).
LONG_SIGNATORY = 400


def _signatures(ctx: BuildContext) -> list[Flowable]:
    """The *tempat, tanggal* line (right), then the blocks two per row (a row never splits
    across pages), each with a space for the signature, a stamp space for the roles the
    template marks ``stamp`` and a NIP line for officials."""
    program = ctx.priced.program
    blocks = approval_blocks(program, ctx.template)
    place = Paragraph(esc(place_date(program)), ctx.styles.sign_place)
    if any(len(b.label) + len(b.name) + len(b.position) + len(b.date) > LONG_SIGNATORY
           for b in blocks):
        out: list[Flowable] = [place, Spacer(1, 4 * mm)]
        for block in blocks:
            out += [*block_cells(ctx, block, FRAME_WIDTH / 2), Spacer(1, 8 * mm)]
        return out
    return [place, Spacer(1, 4 * mm), blocks_table(ctx, blocks, 2)]
