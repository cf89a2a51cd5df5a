"""Lembar pengesahan: the statement and the signature blocks (DOMAIN.md §4.4 item 2).

Blocks come from ``program.signatories`` in their order (``Dibuat oleh`` / ``Diperiksa oleh``
/ ``Disetujui oleh`` / ``Mengetahui`` …); with none, the four default blocks of
the template (``signatures`` of ``templates/dtpl-plpbk.json``) are printed with empty name lines.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from dtpl_studio.costing.rab import Signatory
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    capitalise,
    esc,
    money,
    program_total,
    program_words,
)
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.styles import FRAME_WIDTH

BLANK_NAME = "(" + "." * 44 + ")"
BLANK_DATE = "." * 30


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
        *_signatures(ctx, prog.signatories),
    ]
    return story


#: A signatory text longer than this is laid out one block under the other, outside a
#: table, so that it can continue on the next page (a table cell cannot).
LONG_SIGNATORY = 400


def _signatures(ctx: BuildContext, signatories: list[Signatory]) -> list[Flowable]:
    if any(len(s.role) + len(s.name) + len(s.position) + len(s.date) > LONG_SIGNATORY
           for s in signatories):
        out: list[Flowable] = []
        for sig in signatories:
            out += [*_block(ctx, sig), Spacer(1, 8 * mm)]
        return out
    return [_signature_grid(ctx, signatories)]


def _block(ctx: BuildContext, sig: Signatory) -> list[Flowable]:
    s = ctx.styles
    role = sig.role.rstrip(",") + ","
    name = f"<u>{esc(sig.name)}</u>" if sig.name else BLANK_NAME
    date = esc(sig.date) if sig.date else BLANK_DATE
    return [
        Paragraph(esc(role), s.sign_role),
        Paragraph(esc(sig.position) if sig.position else "&nbsp;", s.sign_role),
        Spacer(1, 22 * mm),
        Paragraph(name, s.sign_name),
        Paragraph(f"Tanggal: {date}", s.sign_role),
    ]


def _signature_grid(ctx: BuildContext, signatories: list[Signatory]) -> Table:
    sigs = list(signatories) or [Signatory(role, "", position)
                                 for role, position in ctx.template.signatures]
    half = FRAME_WIDTH / 2
    rows: list[list] = []
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FAMILY.regular, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9 * mm),
    ]
    for i in range(0, len(sigs), 2):
        pair = sigs[i:i + 2]
        if len(pair) == 2:
            rows.append([_block(ctx, pair[0]), _block(ctx, pair[1])])
        else:  # a last block alone is centred under the others
            r = len(rows)
            rows.append([_block(ctx, pair[0]), ""])
            commands.append(("SPAN", (0, r), (1, r)))
    table = Table(rows, colWidths=[half, half])
    table.setStyle(TableStyle(commands))
    return table
