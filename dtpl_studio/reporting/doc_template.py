"""The DTPL document template: page kinds, running header and footer, TOC and outline.

Follows ReportLab's own manual template (``tools/docco/rltemplate.py``, AESTHETICS.md §1.7):
one :class:`~reportlab.platypus.PageTemplate` per page kind (``cover`` and ``body``), the
running header and footer drawn at the end of each page, and :meth:`DtplDocTemplate.afterFlowable`
turning every :class:`~dtpl_studio.reporting.common.Heading` into a PDF bookmark, an outline
entry and a ``TOCEntry`` for the *Daftar isi*. Built with ``multiBuild``: the TOC page
numbers and the "Halaman n dari N" total are settled over the passes.
"""

from __future__ import annotations

import calendar
import hashlib
import time

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import Heading, esc
from dtpl_studio.reporting.fonts import FAMILY, printable
from dtpl_studio.reporting.styles import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    RULE,
    WATERMARK,
)
from dtpl_studio.reporting.textcanvas import TextCanvas
from dtpl_studio.reporting.verify import HASH_KEY, document_date

#: Page template names of the sheet pages (drawings, maps, scans).
SHEET_PORTRAIT = "sheet_portrait"
SHEET_LANDSCAPE = "sheet_landscape"


class PageTotal(IndexingFlowable):
    """An invisible indexing flowable that keeps ``multiBuild`` going until the page count
    used in the footers ("dari N") equals the page count of the pass just built."""

    def __init__(self, doc: DtplDocTemplate) -> None:
        super().__init__()
        self._doc = doc
        self._ok = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # nothing to draw
        pass

    def afterBuild(self) -> None:
        pages = self._doc.page
        self._ok = self._doc.page_total == pages
        self._doc.page_total = pages

    def isSatisfied(self) -> bool:
        return self._ok


def _no_draw(*args, **kwargs) -> None:
    """Stands in for ``drawOn`` during a layout-only pass."""


class DtplFrame(Frame):
    """A frame that, while ``dry`` is set, lays flowables out without drawing them.

    A layout-only pass finds the page of every heading and the page count at the cost of
    measuring; the drawing is done once, in the last pass (issue 9: three full passes of
    measuring *and* drawing were a third of the export time).
    """

    dry = False

    def _add(self, flowable, canv, trySplit=0):
        if not self.dry:
            return super()._add(flowable, canv, trySplit)
        flowable.drawOn = _no_draw
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add


def _walk(flowables):
    for f in flowables:
        yield f
        if isinstance(f, KeepTogether):
            yield from _walk(f._content)


class DtplDocTemplate(BaseDocTemplate):
    """A4 portrait document with a ``cover`` and a ``body`` page template.

    Args:
        filename: a path or a binary file object.
        priced: the priced programme (for the footer text).
        doc_hash: the document hash printed in every footer (first 16 hex digits).
        draft: draw the diagonal DRAFT watermark on every page.
        cover: the document starts with the cover page (``cover`` template first); False
            starts directly on a ``body`` page.
    """

    def __init__(self, filename, *, priced: PricedProgram, doc_hash: str, draft: bool,
                 cover: bool = True, **kw) -> None:
        program = priced.program
        kw.setdefault("title", f"{L.DOCUMENT_TITLE} – Kelurahan {program.kelurahan}")
        kw.setdefault("subject", f"{program.program} {program.title}".strip())
        kw.setdefault("author", program.bkm or program.program)
        kw.setdefault("creator", "DTPL Studio")
        kw.setdefault("keywords", [f"{HASH_KEY}{doc_hash}"])
        super().__init__(
            filename,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            initialFontName=FAMILY.regular,
            **kw,
        )
        self.priced = priced
        self.document_date = document_date(program)
        self.doc_hash = doc_hash
        self.draft = draft
        self.page_total: int | None = None
        self.running_section = ""
        self._outline_level = -1
        frame = DtplFrame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, id="main",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates = [
            PageTemplate("cover", [frame], onPage=self._under_page, onPageEnd=self._cover_end),
            PageTemplate("body", [frame], onPage=self._under_page, onPageEnd=self._body_end),
        ]
        # sheet pages (drawings, maps, scans; issue 9 point 1): A4 portrait or landscape,
        # header and footer as on a body page, one sheet filling the frame
        self._frames = [frame]
        sheets = []
        for name, size in ((SHEET_PORTRAIT, PAGE_SIZE), (SHEET_LANDSCAPE, landscape(PAGE_SIZE))):
            sheet_frame = DtplFrame(MARGIN_LEFT, MARGIN_BOTTOM,
                                    size[0] - MARGIN_LEFT - MARGIN_RIGHT,
                                    size[1] - MARGIN_TOP - MARGIN_BOTTOM, id=name,
                                    leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            self._frames.append(sheet_frame)
            sheets.append(PageTemplate(name, [sheet_frame], onPage=self._under_page,
                                       onPageEnd=self._body_end, pagesize=size))
        self.addPageTemplates((templates if cover else templates[::-1]) + sheets)
        self.dry = False

    def _makeCanvas(self, filename=None, canvasmaker=Canvas):
        """The canvas (a :class:`~dtpl_studio.reporting.textcanvas.TextCanvas`: the same
        bytes, one-line strings written faster), dated with the project's document date (CreationDate and ModDate)
        instead of ReportLab's fixed 2000-01-01 or ``SOURCE_DATE_EPOCH``; the PDF's file
        identifier is seeded with the same date, so the bytes stay deterministic."""
        if canvasmaker is Canvas:
            canvasmaker = TextCanvas
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        doc = canv._doc
        day = self.document_date
        stamp = doc._timeStamp
        stamp.t = calendar.timegm(day.timetuple())
        stamp.lt = time.gmtime(stamp.t)
        stamp.YMDhms = tuple(stamp.lt)[:6]
        stamp.dhh = stamp.dmm = 0
        stamp.tzname = "UTC"
        sig = doc.signature = hashlib.md5(usedforsecurity=False)
        sig.update(b"a reportlab document")
        sig.update(ascii(stamp.t).encode("ascii"))
        return canv

    def build_passes(self, story: list[Flowable], max_passes: int) -> int:
        """Lay ``story`` out until the TOC page numbers and the page total are settled,
        then save; returns the number of passes.

        Replaces ``multiBuild``: the Daftar isi is filled beforehand with every heading
        (page numbers unknown), so it already has its final height; pass 1 only lays out
        (no drawing) and finds the pages; pass 2 lays out and draws with those numbers
        and is normally the last. A pass that does not settle is followed by another.

        Raises:
            IndexError: not settled after ``max_passes`` passes.
        """
        indexing = [f for f in story if f.isIndexing()]
        self._indexingFlowables = indexing  # notify() feeds them (as in multiBuild)
        self._prefill_toc(story, indexing)
        self._doSave = 0
        passes = 0
        edits: list[tuple] = []
        self._multiBuildEdits = edits.append  # ReportLab's per-pass undo list
        while True:
            passes += 1
            self.dry = passes == 1
            for frame in self._frames:
                frame.dry = self.dry
            if self._onProgress:
                self._onProgress("PASS", passes)
            for fl in indexing:
                fl.beforeBuild()
            self.build(story[:])
            for fl in indexing:
                fl.afterBuild()
            if not self.dry and all(fl.isSatisfied() for fl in indexing):
                self.canv.save()
                return passes
            if passes >= max_passes:
                raise IndexError(f"daftar isi belum tetap setelah {passes} lintasan")
            while edits:
                edit = edits.pop(0)
                edit[0](*edit[1:])

    def _prefill_toc(self, story: list[Flowable], indexing: list[Flowable]) -> None:
        level_now = -1
        entries = []
        for f in _walk(story):
            if getattr(f, "outline_key", None) is None:
                continue
            level = min(f.outline_level, level_now + 1)
            level_now = level
            if f.in_toc:
                entries.append((level, esc(f.outline_text), 0, f.outline_key))
        for fl in indexing:
            if isinstance(fl, TableOfContents):
                fl._entries = list(entries)

    # -- passes ----------------------------------------------------------------------------
    def beforeDocument(self) -> None:
        """Reset per-pass state (running header, outline depth)."""
        self.running_section = ""
        self._outline_level = -1
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Register headings: bookmark, outline entry, TOC entry, running header text."""
        if getattr(flowable, "outline_key", None) is None:
            return
        level = min(flowable.outline_level, self._outline_level + 1)
        self._outline_level = level
        key = flowable.outline_key
        space = flowable.style.spaceBefore if isinstance(flowable, Heading) else 0
        top = self.frame._y + getattr(flowable, "height", 0) + space
        self.canv.bookmarkHorizontal(key, 0, min(top + 4, self.canv._pagesize[1]))
        self.canv.addOutlineEntry(flowable.outline_text, key, level=level, closed=level >= 1)
        if flowable.in_toc:
            self.notify("TOCEntry", (level, esc(flowable.outline_text), self.page, key))
        if flowable.running_section is not None:
            self.running_section = flowable.running_section

    # -- page decoration -------------------------------------------------------------------
    def _under_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.draft and not self.dry:
            canv.saveState()
            canv.setFillColor(WATERMARK)
            canv.setFont(FAMILY.bold, 130)
            canv.translate(canv._pagesize[0] / 2, canv._pagesize[1] / 2)
            canv.rotate(52)
            canv.drawCentredString(0, -45, L.DRAFT)
            canv.restoreState()

    def _cover_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if not self.dry:
            self._footer(canv)

    def _body_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.dry:
            return
        self._header(canv)
        self._footer(canv)

    def _header(self, canv: Canvas) -> None:
        program = self.priced.program
        page_w, page_h = canv._pagesize
        width = page_w - MARGIN_LEFT - MARGIN_RIGHT
        y = page_h - MARGIN_TOP + 7 * mm
        canv.saveState()
        canv.setFont(FAMILY.regular, 7.5)
        canv.setFillColor(MUTED)
        left = f"{L.DOCUMENT_SHORT} {program.program}"
        if program.title:
            left += f" · {program.title}"
        left, right = header_texts(left, self.running_section, FAMILY.regular, 7.5, width)
        canv.drawString(MARGIN_LEFT, y, left)
        canv.drawRightString(page_w - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, page_w - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()

    def _footer(self, canv: Canvas) -> None:
        program = self.priced.program
        page_w = canv._pagesize[0]
        width = page_w - MARGIN_LEFT - MARGIN_RIGHT
        y = MARGIN_BOTTOM - 9 * mm
        total = str(self.page_total) if self.page_total else "?"
        left = f"{program.program} · Kelurahan {program.kelurahan}"
        if program.kota:
            left += f", {program.kota}"
        if program.fiscal_year:
            left += f" · TA {program.fiscal_year}"
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y + 4 * mm, page_w - MARGIN_RIGHT, y + 4 * mm)
        canv.setFillColor(MUTED)
        canv.setFont(FAMILY.regular, 7.5)
        canv.drawString(MARGIN_LEFT, y, _fit(left, FAMILY.regular, 7.5, width * 0.7))
        canv.setFont(FAMILY.bold, 7.5)
        canv.drawRightString(page_w - MARGIN_RIGHT, y, f"Halaman {self.page} dari {total}")
        canv.setFont(FAMILY.regular, 6.5)
        canv.drawString(MARGIN_LEFT, y - 3.6 * mm, f"Kode dokumen (SHA-256): {self.doc_hash[:16]}")
        canv.restoreState()


#: Space kept between the two halves of the running header (points).
HEADER_GAP = 6 * mm


def header_texts(left: str, right: str, font: str, size: float, width: float) -> tuple[str, str]:
    """The two texts of the running header, ``width`` points wide: the section (right) in
    at most half the width, the programme (left) in all the rest but :data:`HEADER_GAP`
    (issue 9 point 7: the programme title was cut to half the line beside a short section
    name). Each is shortened by :func:`_fit` only when it does not fit; they never meet."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    right = _fit(right, font, size, width * 0.5) if right else ""
    room = width - (stringWidth(right, font, size) + HEADER_GAP if right else 0)
    return _fit(left, font, size, room), right


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened to fit ``width`` points: whole words are dropped from the end and
    an ellipsis marks the cut (issue 9: the running header was cut mid-word); a single
    word wider than the space is cut between characters."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text = printable(text)
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ·,–-:") + " …"
        if stringWidth(candidate, font, size) <= width:
            return candidate
    word = words[0] if words else ""
    while word and stringWidth(word + "…", font, size) > width:
        word = word[:-1]
    return word + "…"
