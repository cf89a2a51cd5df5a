"""Signature blocks (issue 9 point 5): who signs the lembar pengesahan and the
Dibuat/Diperiksa/Disetujui block under every RAB and rekap sheet, and how a block is drawn.

The roles, which role fills which column and which package component a role may sign are
data of the template (``signatory_roles``, ``sheet_signatures`` in ``templates/dtpl-plpbk.json``,
:class:`~dtpl_studio.reporting.template.RoleSpec`). The rule "a planning package is not signed
by a KSM" is ``"components": ["fisik"]`` on ``ketua_ksm``, with its source in the template
(the PLP-BK 2010 summary: the planning BLM pays experts, capacity building, the participatory
planning process and marketing; the KSM is the group that carries out the physical works).

A block is laid out so it never splits and never overlaps: each block is one table row
(a row never splits), and under a RAB table it is the table's *tail*
(:class:`~dtpl_studio.reporting.longtable.PagedTable`), kept on the page of the table's
last rows or moved to the next page with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import Package, Program, Signatory
from dtpl_studio.reporting.common import BuildContext, Paragraph, esc
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.styles import FRAME_WIDTH, MUTED
from dtpl_studio.reporting.template import DtplTemplate, RoleSpec

BLANK_NAME = "(" + "." * 44 + ")"
BLANK_DATE = "." * 30
#: Height of the space left for the signature (and the stamp beside it).
SIGN_SPACE = 20 * mm


@dataclass(frozen=True, slots=True)
class Block:
    """One signature block as printed."""

    label: str  # "Dibuat oleh"
    position: str  # "Ketua KSM Maju Bersama"
    name: str = ""
    nip: str = ""
    date: str = ""
    show_nip: bool = False
    stamp: bool = False
    show_date: bool = True


def role_of(sig: Signatory, template: DtplTemplate) -> RoleSpec | None:
    """The template role of ``sig``: its ``kind`` when set, else the first role one of whose
    ``match`` words is a word of the position (``Ketua KSM Maju`` → ``ketua_ksm``)."""
    if sig.kind:
        return template.role(sig.kind)
    text = sig.position.casefold()
    for role in template.roles:
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in role.match):
            return role
    return None


def _component(package: Package) -> str:
    return Component(package.component).value


def approval_blocks(program: Program, template: DtplTemplate) -> list[Block]:
    """The blocks of the lembar pengesahan: the programme's signatories in order (the
    template's default ``signatures`` when it names none), leaving out a role that signs no
    package of the programme (a programme of planning packages only has no Ketua KSM)."""
    sigs = list(program.signatories) or [Signatory(role, "", position)
                                         for role, position in template.signatures]
    components = {_component(p) for p in program.packages}
    blocks = []
    for sig in sigs:
        role = role_of(sig, template)
        if role is not None and components and not any(role.signs(c) for c in components):
            continue
        blocks.append(Block(sig.role.rstrip(","), sig.position, sig.name, sig.nip, sig.date,
                            show_nip=bool(sig.nip) or (role is not None and role.nip),
                            stamp=role is not None and role.stamp))
    return blocks


def sheet_blocks(program: Program, package: Package, template: DtplTemplate) -> list[Block]:
    """The Dibuat/Diperiksa/Disetujui block of a RAB or rekap sheet of ``package``: per
    template column, the first of its roles that signs this package's component, filled
    from the programme's signatories (by kind or position), then from the data umum (Ketua
    KSM/TPK of the package, Koordinator BKM/LKM of the programme); else a blank name line."""
    component = _component(package)
    blocks = []
    for column in template.sheet_columns:
        role = next((r for r in (template.role(i) for i in column.roles)
                     if r is not None and r.signs(component)), None)
        if role is None:
            continue
        sig = next((s for s in program.signatories if (r := role_of(s, template)) is not None
                    and r.id == role.id), None)
        position, name, nip = role.title, "", ""
        if sig is not None:
            position, name, nip = sig.position or role.title, sig.name, sig.nip
        if role.id == "ketua_ksm":
            position = f"Ketua {package.ksm}" if package.ksm else position
            name = package.data.ksm_ketua or name
        elif role.id == "koordinator_bkm":
            if not name:
                name = program.data.bkm_ketua
            if program.bkm and sig is None:
                position = f"Koordinator {program.bkm}"
        blocks.append(Block(column.label, position, name, nip, show_nip=bool(nip) or role.nip,
                            stamp=False, show_date=False))
    return blocks


def place_date(program: Program) -> str:
    """``Sukamaju, 1 Desember 2026`` (*tempat, tanggal*): the place of the pengesahan (the
    kelurahan when none is set) and its date, or a dotted line to be written by hand."""
    place = program.data.sign_place.strip() or program.kelurahan.strip()
    date = program.data.sign_date.strip() or BLANK_DATE
    return f"{place}, {date}" if place else date


class SignSpace(Flowable):
    """The empty space for a signature; with ``stamp`` a light dashed circle marked *cap*
    on its left, where the stamp goes (it overlaps the left of the signature, as stamps do)."""

    def __init__(self, width: float, height: float = SIGN_SPACE, stamp: bool = False) -> None:
        super().__init__()
        self.width, self.height, self.stamp = width, height, stamp

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        if not self.stamp:
            return
        c = self.canv
        r = min(self.height, 22 * mm) / 2 - 1
        c.saveState()
        c.setStrokeColor(MUTED)
        c.setFillColor(MUTED)
        c.setLineWidth(0.4)
        c.setDash(2, 2)
        c.circle(r + 2, self.height / 2, r, stroke=1, fill=0)
        c.setFont(FAMILY.italic, 6.5)
        c.drawCentredString(r + 2, self.height / 2 - 2, "cap")
        c.restoreState()


def block_cells(ctx: BuildContext, block: Block, width: float) -> list[Flowable]:
    """The flowables of one block, stacked: label, position, signature space, name, NIP,
    date."""
    s = ctx.styles
    name = f"<u>{esc(block.name)}</u>" if block.name.strip() else BLANK_NAME
    out: list[Flowable] = [
        Paragraph(esc(block.label) + ",", s.sign_role),
        Paragraph(esc(block.position) if block.position else "&nbsp;", s.sign_role),
        SignSpace(width - 12, stamp=block.stamp),
        Paragraph(name, s.sign_name),
    ]
    if block.show_nip:
        out.append(Paragraph("NIP. " + (esc(block.nip) if block.nip.strip() else "." * 30), s.sign_role))
    if block.show_date:
        out.append(Paragraph(f"Tanggal: {esc(block.date) if block.date else BLANK_DATE}", s.sign_role))
    return out


def blocks_table(ctx: BuildContext, blocks: list[Block], per_row: int,
                 width: float = FRAME_WIDTH) -> Table:
    """``blocks`` in rows of ``per_row`` columns (an odd last block centred under them).
    Each row is one table row, which never splits across pages."""
    col = width / per_row
    rows: list[list] = []
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FAMILY.regular, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
    ]
    for i in range(0, len(blocks), per_row):
        group = blocks[i:i + per_row]
        cells: list = [block_cells(ctx, b, col) for b in group]
        if len(group) < per_row:
            r = len(rows)
            if per_row == 2:
                commands.append(("SPAN", (0, r), (1, r)))
            else:  # centre the group: leading empty cell(s)
                pad = (per_row - len(group)) // 2
                cells = [""] * pad + cells
            cells += [""] * (per_row - len(cells))
        rows.append(cells)
    table = Table(rows, colWidths=[col] * per_row)
    table.setStyle(TableStyle(commands))
    return table


#: The longest text of a block under a sheet: the block repeats the lembar pengesahan,
#: where the full text is printed; here it must stay a few lines high (it never splits).
SHEET_TEXT_MAX = 120


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHEET_TEXT_MAX else text[:SHEET_TEXT_MAX - 1].rstrip() + "…"


def sheet_signature(ctx: BuildContext, package: Package) -> Flowable | None:
    """The Dibuat/Diperiksa/Disetujui block under a RAB/rekap sheet of ``package`` (the
    *tempat, tanggal* line above its right column), or None when the template has none.

    One table whose rows are the parts of the blocks (label, position, signature space,
    name, NIP), so the names line up even when a position wraps; it never splits (it is
    printed whole, as a table's tail or inside a ``KeepTogether``)."""
    blocks = [Block(_short(b.label), _short(b.position), _short(b.name), _short(b.nip),
                    show_nip=b.show_nip)
              for b in sheet_blocks(ctx.priced.program, package, ctx.template)]
    if not blocks:
        return None
    s = ctx.styles
    n = len(blocks)
    col = FRAME_WIDTH / n
    blank = "(" + "." * 32 + ")"
    rows: list[list] = [
        [""] * (n - 1) + [Paragraph(esc(_short(place_date(ctx.priced.program))), s.sign_role)],
        [Paragraph(esc(b.label) + ",", s.sign_role) for b in blocks],
        [Paragraph(esc(b.position) if b.position else "&nbsp;", s.sign_role) for b in blocks],
        [SignSpace(col - 12, SIGN_SPACE - 4 * mm) for _ in blocks],
        [Paragraph(f"<u>{esc(b.name)}</u>" if b.name.strip() else blank, s.sign_name)
         for b in blocks],
    ]
    if any(b.show_nip for b in blocks):
        rows.append([Paragraph("NIP. " + (esc(b.nip) if b.nip.strip() else "." * 24), s.sign_role)
                     if b.show_nip else "" for b in blocks])
    table = Table(rows, colWidths=[col] * n)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILY.regular, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), 10),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    table.split = lambda availWidth, availHeight: []  # whole or not at all
    return table


__all__ = ["BLANK_DATE", "BLANK_NAME", "Block", "SignSpace", "approval_blocks", "block_cells",
           "blocks_table", "place_date", "role_of", "sheet_blocks", "sheet_signature"]
