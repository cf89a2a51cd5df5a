"""Page geometry, paragraph styles and table styles of the DTPL package.

One place for the look of every section, so that the section builders only arrange content.
Sizes are points (1 pt = 1/72 in); widths of table columns are millimetres converted with
:data:`reportlab.lib.units.mm` and always add up to :data:`FRAME_WIDTH`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from dtpl_studio.reporting.fonts import FAMILY, register_fonts

PAGE_SIZE = A4
MARGIN_LEFT = 20 * mm
MARGIN_RIGHT = 15 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT  # 175 mm
FRAME_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

INK = colors.black
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#808080")
HEADER_BG = colors.HexColor("#E4E8EE")
DIVISION_BG = colors.HexColor("#F3F5F8")
TOTAL_BG = colors.HexColor("#EEF1F5")
PASS_INK = colors.HexColor("#1B5E20")
FAIL_INK = colors.HexColor("#B71C1C")
WATERMARK = colors.Color(0.80, 0.10, 0.10, alpha=0.13)

TABLE_FONT_SIZE = 8
TABLE_LEADING = 9.6
TABLE_PADDING = 2.6
NOTE_SIZE = 6.8


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style the builders use."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_note: ParagraphStyle
    terbilang: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    sign_role: ParagraphStyle
    sign_name: ParagraphStyle
    #: *tempat, tanggal* above the signature blocks (right-aligned)
    sign_place: ParagraphStyle


def make_styles() -> Styles:
    """Build the paragraph styles (registers the fonts first)."""
    f = register_fonts()

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base = {"fontName": f.regular, "fontSize": 9.5, "leading": 12.5, "textColor": INK}
        base.update(kw)
        return ParagraphStyle(name, **base)

    cell = ps("cell", fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING)
    return Styles(
        title=ps("title", fontName=f.bold, fontSize=19, leading=24, alignment=TA_CENTER,
                 spaceAfter=4),
        subtitle=ps("subtitle", fontName=f.bold, fontSize=13, leading=17, alignment=TA_CENTER,
                    spaceAfter=2),
        cover_line=ps("cover_line", fontSize=11, leading=15, alignment=TA_CENTER),
        h1=ps("h1", fontName=f.bold, fontSize=13, leading=17, spaceBefore=2, spaceAfter=8,
              keepWithNext=1),
        h2=ps("h2", fontName=f.bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=5,
              keepWithNext=1),
        h3=ps("h3", fontName=f.bold, fontSize=9, leading=11.5, spaceBefore=9, spaceAfter=2,
              keepWithNext=1),
        body=ps("body", alignment=TA_LEFT, spaceAfter=4),
        small=ps("small", fontSize=8, leading=10.2, textColor=INK, spaceAfter=2),
        note=ps("note", fontName=f.italic, fontSize=7.8, leading=10, textColor=MUTED,
                spaceBefore=3, spaceAfter=2),
        cell=cell,
        cell_bold=ps("cell_bold", parent=cell, fontName=f.bold, fontSize=TABLE_FONT_SIZE,
                     leading=TABLE_LEADING),
        cell_center=ps("cell_center", parent=cell, alignment=TA_CENTER, fontSize=TABLE_FONT_SIZE,
                       leading=TABLE_LEADING),
        cell_right=ps("cell_right", parent=cell, alignment=TA_RIGHT, fontSize=TABLE_FONT_SIZE,
                      leading=TABLE_LEADING),
        cell_right_bold=ps("cell_right_bold", parent=cell, alignment=TA_RIGHT, fontName=f.bold,
                           fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING),
        cell_head=ps("cell_head", parent=cell, alignment=TA_CENTER, fontName=f.bold,
                     fontSize=TABLE_FONT_SIZE, leading=TABLE_LEADING),
        cell_note=ps("cell_note", parent=cell, fontName=f.italic, fontSize=7, leading=8.6,
                     textColor=MUTED),
        terbilang=ps("terbilang", fontSize=9, leading=12),
        toc=(
            ps("toc0", fontName=f.bold, fontSize=10, leading=14, leftIndent=0,
               firstLineIndent=0, spaceBefore=5),
            ps("toc1", fontSize=9, leading=12, leftIndent=14, firstLineIndent=0),
            ps("toc2", fontSize=8, leading=10.5, leftIndent=28, firstLineIndent=0,
               textColor=MUTED),
        ),
        sign_role=ps("sign_role", fontSize=9, leading=12, alignment=TA_CENTER),
        sign_name=ps("sign_name", fontName=f.bold, fontSize=9, leading=12, alignment=TA_CENTER),
        sign_place=ps("sign_place", fontSize=9, leading=12, alignment=TA_RIGHT, rightIndent=12),
    )


def grid_style(*, header_rows: int = 1, extra: list[tuple] | None = None) -> TableStyle:
    """The common table look: thin grid, shaded header, top-aligned cells.

    ``header_rows`` rows are shaded and bold; ``extra`` appends TableStyle commands.
    """
    f = FAMILY
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), f.regular, TABLE_FONT_SIZE, TABLE_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
            ("FONT", (0, 0), (-1, header_rows - 1), f.bold, TABLE_FONT_SIZE, TABLE_LEADING),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, INK),
        ]
    commands += extra or []
    return TableStyle(commands)


def widths(*millimetres: float) -> list[float]:
    """Column widths in points from millimetres; the last column takes what is left of
    :data:`FRAME_WIDTH` (so rounding never makes a table wider than the frame)."""
    pts = [w * mm for w in millimetres[:-1]]
    pts.append(FRAME_WIDTH - sum(pts))
    return pts


def head(titles, col_widths) -> list[str]:
    """Header cells of a table: the titles wrapped to their columns, bold
    (:func:`~dtpl_studio.reporting.longtable.head_cells`)."""
    from dtpl_studio.reporting.longtable import head_cells

    return head_cells(titles, col_widths, FAMILY.bold, TABLE_FONT_SIZE, TABLE_PADDING)
