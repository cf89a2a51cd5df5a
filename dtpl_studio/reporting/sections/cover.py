"""Sampul (cover): programme, fiscal year, location, BKM, the packages with their KSM and
rounded totals (DOMAIN.md §4.4 item 1)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Spacer

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
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import PagedTable, text_table
from dtpl_studio.reporting.styles import HEADER_BG, INK, TOTAL_BG, grid_style, widths


def build_cover(ctx: BuildContext) -> list[Flowable]:
    """The cover page, on the ``cover`` page template; the next page uses ``body``."""
    s = ctx.styles
    prog = ctx.priced.program
    program_name = L.PROGRAM_NAMES.get(prog.program)
    story: list[Flowable] = [
        ctx.anchor(ctx.template.title("cover"), 0, section=""),
        Spacer(1, 14 * mm),
        Paragraph(esc(L.DOCUMENT_TITLE), s.title),
        Paragraph(f"({L.DOCUMENT_SHORT})", s.subtitle),
        Spacer(1, 9 * mm),
    ]
    if program_name:
        story.append(Paragraph(f"Program {esc(program_name)}<br/>({esc(prog.program)})",
                               s.cover_line))
    else:
        story.append(Paragraph(f"Program {esc(prog.program)}", s.cover_line))
    if prog.title:
        story += [Spacer(1, 5 * mm), Paragraph(esc(prog.title), s.subtitle)]
    if prog.fiscal_year:
        story += [Spacer(1, 3 * mm),
                  Paragraph(f"Tahun Anggaran {prog.fiscal_year}", s.cover_line)]
    story += [Spacer(1, 12 * mm), _location_table(ctx), Spacer(1, 10 * mm),
              _packages_table(ctx), Spacer(1, 14 * mm)]
    closing = [esc(prog.bkm)] if prog.bkm else []
    closing.append(f"Kelurahan {esc(prog.kelurahan)}")
    if prog.kota:
        closing.append(esc(prog.kota))
    if prog.fiscal_year:
        closing.append(str(prog.fiscal_year))
    story += [Paragraph("<br/>".join(f"<b>{c}</b>" if i == 0 else c
                                     for i, c in enumerate(closing)), s.cover_line),
              NextPageTemplate("body")]
    return story


def _location_table(ctx: BuildContext) -> PagedTable:
    prog = ctx.priced.program
    rows = [
        ("Kelurahan/Desa", prog.kelurahan),
        ("Kecamatan", prog.kecamatan),
        ("Kota/Kabupaten", prog.kota),
        ("Provinsi", prog.provinsi),
        ("BKM/LKM", prog.bkm),
    ]
    style = grid_style(header_rows=0, extra=[
        ("GRID", (0, 0), (-1, -1), 0, INK), ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, HEADER_BG),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (0, -1), 6),
    ])
    table = text_table([[k, ":", v or L.UNKNOWN] for k, v in rows],
                       [34 * mm, 4 * mm, 82 * mm], style, fonts={2: FAMILY.bold})
    table.hAlign = "CENTER"
    return table


def _packages_table(ctx: BuildContext) -> PagedTable:
    data: list[list] = []
    for n, pp in enumerate(ctx.priced.packages, start=1):
        pkg = pp.package
        data.append([str(n), pkg.name, L.COMPONENT.get(pkg.component, str(pkg.component)),
                     pkg.ksm or "–", money(pp.rounded)])
    total = len(data)
    data.append(["", "Jumlah seluruh paket (dibulatkan)", "", "", money(program_total(ctx.priced))])
    words = capitalise(program_words(ctx.priced))
    data.append([(f"Terbilang: {words}", FAMILY.italic), "", "", "", ""])
    style = grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
    ])
    return text_table(data, widths(9, 62, 24, 48, 32), style,
                      header=["No", "Paket Kegiatan", "Komponen", "KSM", "Jumlah (Rp)"],
                      nowrap=(0, 4), row_styles={
                          total: [("SPAN", (1, 0), (3, 0)), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                  ("FONT", (0, 0), (-1, 0), FAMILY.bold),
                                  ("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG)],
                          total + 1: [("SPAN", (0, 0), (-1, 0))]},
                      fonts={})
