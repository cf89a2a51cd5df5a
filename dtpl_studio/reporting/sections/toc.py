"""Daftar isi: a ReportLab :class:`~reportlab.platypus.tableofcontents.TableOfContents` fed
by the ``TOCEntry`` notifications of :meth:`DtplDocTemplate.afterFlowable` (page numbers are
settled by ``multiBuild``)."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from dtpl_studio.reporting.common import BuildContext
from dtpl_studio.reporting.fonts import FAMILY


def build_toc(ctx: BuildContext) -> list[Flowable]:
    """A page break, the TOC heading (outline only) and the TOC itself.

    The returned :class:`TableOfContents` must stay a top-level story element so that
    ``multiBuild`` finds it.
    """
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILY.regular, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])
    toc = TableOfContents(levelStyles=list(ctx.styles.toc), dotsMinLevel=0,
                          rightColumnWidth=40, tableStyle=style)
    title = ctx.template.title("toc")
    return [
        PageBreak(),
        ctx.heading(title.upper(), 0, in_toc=False, section=title),
        toc,
    ]
