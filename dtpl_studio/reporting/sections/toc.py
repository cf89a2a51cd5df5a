"""Daftar isi: a ReportLab :class:`~reportlab.platypus.tableofcontents.TableOfContents` fed
by the ``TOCEntry`` notifications of :meth:`DtplDocTemplate.afterFlowable` (page numbers are
settled by ``multiBuild``)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from dtpl_studio.reporting.common import BuildContext
from dtpl_studio.reporting.fonts import FAMILY

#: a TOC up to this much taller than its page is set compact instead of leaving a near-empty
#: page of two or three lines (issue 9 point 7: "a TOC page with 2 lines")
COMPACT_OVERFLOW = 1.35


def _compact(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_compact", parent=style, leading=round(style.leading * 0.8, 2),
                          spaceBefore=style.spaceBefore * 0.4)


class FittingTableOfContents(TableOfContents):
    """A :class:`TableOfContents` that sets itself compact (80 % leading, less space before
    the chapters, thinner padding) when that makes it fit the page it starts on and the normal
    setting would overflow by at most :data:`COMPACT_OVERFLOW`. Longer tables split over pages
    as usual. The choice depends on the entries only, so every ``multiBuild`` pass and every
    export of the same project make the same choice (byte-identical PDFs)."""

    def __init__(self, *, compact_table_style: TableStyle, **kwargs):
        super().__init__(**kwargs)
        self._normal = (list(self.levelStyles), self.tableStyle)
        self._compact = ([_compact(s) for s in self.levelStyles], compact_table_style)
        self.compact = False

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's signature
        width, height = self._wrap_as(False, availWidth, availHeight)
        if availHeight < height <= availHeight * COMPACT_OVERFLOW:
            width2, height2 = self._wrap_as(True, availWidth, availHeight)
            if height2 <= availHeight:
                return width2, height2
            width, height = self._wrap_as(False, availWidth, availHeight)
        return width, height

    def _wrap_as(self, compact: bool, availWidth, availHeight):  # noqa: N803
        """ReportLab's wrap in the normal or the compact setting, once per canvas, width
        and entries: the table of a paragraph per entry does not depend on the height
        (issue 9: the heading's keep-with-next group and then the frame wrapped the TOC
        of 300 analyses twice per pass)."""
        self.levelStyles, self.tableStyle = self._compact if compact else self._normal
        self.compact = compact
        if self.__dict__.get("_tables_canvas") is not self.canv:
            self._tables_canvas, self._tables = self.canv, {}
        key = (availWidth, tuple(self._lastEntries), compact)
        memo = self._tables.get(key)
        if memo is None:
            size = super().wrap(availWidth, availHeight)
            # the callback drawing the dots and page numbers (availHeight is unused by it)
            memo = (self._table, size, self.canv.getNamedCB("drawTOCEntryEnd"))
            self._tables[key] = memo
        self._table, (self.width, self.height), callback = memo
        self.canv.setNamedCB("drawTOCEntryEnd", callback)
        return self.width, self.height


def build_toc(ctx: BuildContext) -> list[Flowable]:
    """A page break, the TOC heading (outline only) and the TOC itself.

    The returned :class:`TableOfContents` must stay a top-level story element so that
    ``multiBuild`` finds it.
    """
    def table_style(padding: float) -> TableStyle:
        return TableStyle([
            ("FONT", (0, 0), (-1, -1), FAMILY.regular, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ])

    toc = FittingTableOfContents(levelStyles=list(ctx.styles.toc), dotsMinLevel=0,
                                 rightColumnWidth=40, tableStyle=table_style(1.5),
                                 compact_table_style=table_style(0.5))
    title = ctx.template.title("toc")
    return [
        PageBreak(),
        ctx.heading(title.upper(), 0, in_toc=False, section=title),
        toc,
    ]
