"""Peta lokasi & gambar kerja, and the lampiran (photos, scans): the attachments of the
programme printed at their place in the DTPL (issue 9 point 1, DOMAIN.md §4.4 items 5, 6, 18).

* ``gambar`` — a *Daftar Gambar* page (sheet, title, scale, scope, pages), then every map and
  drawing sheet on its own page, A4 landscape or portrait after the sheet's shape, under the
  running header and above the footer ("Halaman n dari N" continues through them). A PNG or
  JPEG is drawn by ReportLab; each page of a PDF gets an empty box that
  :func:`merge_sheets` fills afterwards with that page, scaled to fit, with pypdf (vector
  drawings stay vector). Each attachment is a bookmark and a *Daftar isi* entry; each further
  page of a multi-page PDF is a bookmark.
* ``lampiran`` — the photos of the existing condition, four per page (2 × 2) with numbered
  captions, then the scans (berita acara, daftar hadir, surat hibah…) appended as sheets.

A section with nothing to print is left out (no empty heading). Order: maps before drawings,
programme-wide before per-package (in package order), then the programme's own order.
"""

from __future__ import annotations

import io
import logging
import warnings

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import (
    Image as RLImage,
)

from dtpl_studio.costing.attachments import Attachment, AttachmentKind
from dtpl_studio.reporting.common import BuildContext, esc
from dtpl_studio.reporting.doc_template import SHEET_LANDSCAPE, SHEET_PORTRAIT
from dtpl_studio.reporting.errors import ReportError
from dtpl_studio.reporting.styles import FRAME_WIDTH, RULE, grid_style, head, widths

__all__ = ["build_drawings", "build_lampiran", "merge_sheets", "sheet_attachments"]

KIND_LABEL = {
    AttachmentKind.MAP: "Peta lokasi / situasi",
    AttachmentKind.DRAWING: "Gambar kerja",
    AttachmentKind.PHOTO: "Foto kondisi 0 %",
    AttachmentKind.SCAN: "Berkas pindaian",
}
PHOTOS_PER_PAGE = 4


def _ordered(ctx: BuildContext, kinds: tuple[AttachmentKind, ...]) -> list[Attachment]:
    program = ctx.priced.program
    packages = {p.id: n for n, p in enumerate(program.packages, start=1)}
    chosen = [(kinds.index(a.kind), packages.get(a.package_id or "", 0), i, a)
              for i, a in enumerate(program.attachments) if a.kind in kinds]
    chosen.sort(key=lambda t: t[:3])
    return [t[3] for t in chosen]


def sheet_attachments(program_attachments: list[Attachment]) -> list[Attachment]:
    """The attachments printed as whole sheets (maps, drawings, scans)."""
    return [a for a in program_attachments if a.kind is not AttachmentKind.PHOTO]


def _scope(ctx: BuildContext, att: Attachment) -> str:
    for n, p in enumerate(ctx.priced.program.packages, start=1):
        if p.id == att.package_id:
            return f"Paket {n}"
    return "Program"


def _pdf_sizes(ctx: BuildContext, att: Attachment) -> list[tuple[float, float]]:
    """Width and height (points, after the page's /Rotate) of every page of a PDF attachment.

    Raises:
        ReportError: the PDF cannot be read any more (it was checked when attached).
    """
    sizes = ctx.pdf_pages.get(att.sha256)
    if sizes is None:
        try:
            reader = _reader(att)
            sizes = []
            for page in reader.pages:
                w, h = float(page.mediabox.width), float(page.mediabox.height)
                if (page.rotation or 0) % 180:
                    w, h = h, w
                sizes.append((w, h))
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds
            raise ReportError(f"lampiran {att.title!r} ({att.filename}) tidak dapat dibaca: {exc}") from exc
        ctx.pdf_pages[att.sha256] = sizes
    return sizes


def _reader(att: Attachment) -> PdfReader:
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return PdfReader(io.BytesIO(att.data), strict=False)


class Sheet(Flowable):
    """One attachment page filling what is left of a sheet page's frame.

    An image is drawn, centred and scaled to fit; for a PDF page the box is recorded in
    ``boxes`` (``(attachment id, page index)`` → ``(page number, x, y, w, h)``) for
    :func:`merge_sheets`, and a hairline frames it.
    """

    def __init__(self, att: Attachment, page_index: int, boxes: dict) -> None:
        super().__init__()
        self.att = att
        self.page_index = page_index
        self.boxes = boxes

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, max(availHeight - 1, 10)
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N803 - ReportLab's signature
        self._at = (x, y)
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        canv = self.canv
        if self.att.is_pdf:
            x, y = self._at
            self.boxes[(self.att.id, self.page_index)] = (canv.getPageNumber(), x, y,
                                                          self.width, self.height)
            return
        reader = ImageReader(io.BytesIO(self.att.data))
        iw, ih = reader.getSize()
        scale = min(self.width / iw, self.height / ih)
        w, h = iw * scale, ih * scale
        canv.drawImage(reader, (self.width - w) / 2, self.height - h, w, h, mask="auto")
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.rect((self.width - w) / 2, self.height - h, w, h)


def _sheet_pages(ctx: BuildContext, att: Attachment, number: str) -> list[Flowable]:
    """The sheet pages of one attachment: each with its caption line (a bookmark; the
    first page also a *Daftar isi* entry) and the :class:`Sheet`."""
    if att.is_pdf:
        sizes = _pdf_sizes(ctx, att)
    else:
        sizes = [(float(att.width or 1), float(att.height or 1))]
    label = " · ".join(x for x in (att.sheet, att.title) if x) or att.filename
    story: list[Flowable] = []
    for k, (w, h) in enumerate(sizes):
        story += [NextPageTemplate(SHEET_LANDSCAPE if w > h else SHEET_PORTRAIT), PageBreak()]
        parts = [f"{number}. {label}"]
        if att.scale:
            parts.append(f"skala {att.scale}")
        shown = " — ".join([*parts, f"halaman {k + 1} dari {len(sizes)}"] if len(sizes) > 1 else parts)
        heading = ctx.heading(shown, 1 if k == 0 else 2, in_toc=k == 0, style=ctx.styles.h3)
        if k == 0 and len(sizes) > 1:  # the TOC entry and bookmark name the whole attachment
            heading.outline_text = " — ".join(parts) + f" ({len(sizes)} halaman)"
        story.append(heading)
        story.append(Sheet(att, k, ctx.sheet_boxes))
    return story


def _index_table(ctx: BuildContext, atts: list[Attachment]) -> Table:
    s = ctx.styles
    cols = widths(10, 24, 83, 24, 18, 16)
    rows = [head(["No", "Lembar", "Judul", "Skala", "Untuk", "Jml hal."], cols)]
    for n, att in enumerate(atts, start=1):
        rows.append([str(n), Paragraph(esc(att.sheet or "–"), s.cell),
                     Paragraph(esc(att.title or att.filename), s.cell),
                     Paragraph(esc(att.scale or "–"), s.cell), Paragraph(esc(_scope(ctx, att)), s.cell),
                     str(len(_pdf_sizes(ctx, att)) if att.is_pdf else 1)])
    table = Table(rows, colWidths=cols, repeatRows=1)
    table.setStyle(grid_style())
    table.setStyle(TableStyle([("ALIGN", (0, 0), (0, -1), "CENTER"), ("ALIGN", (5, 0), (5, -1), "RIGHT")]))
    return table


def build_drawings(ctx: BuildContext) -> list[Flowable]:
    """The ``gambar`` section: Daftar Gambar, then every map and drawing sheet."""
    atts = _ordered(ctx, (AttachmentKind.MAP, AttachmentKind.DRAWING))
    if not atts:
        return []
    title = ctx.template.title("gambar")
    story: list[Flowable] = [PageBreak(), ctx.heading(title, 0, section=title),
                             ctx.p("Daftar gambar (peta lokasi, site plan dan gambar kerja) yang "
                                   "menjadi bagian dokumen ini, dalam urutan cetak:"),
                             Spacer(1, 4), _index_table(ctx, atts)]
    for n, att in enumerate(atts, start=1):
        ctx.check_cancel()
        story += _sheet_pages(ctx, att, str(n))
    story.append(NextPageTemplate("body"))
    return story


def _photo_cell(ctx: BuildContext, att: Attachment, number: int, box_w: float, box_h: float) -> list:
    reader = ImageReader(io.BytesIO(att.data))
    iw, ih = reader.getSize()
    scale = min(box_w / iw, box_h / ih)
    image = RLImage(io.BytesIO(att.data), width=iw * scale, height=ih * scale)
    caption = f"<b>Foto {number}.</b> {esc(att.title or att.filename)}"
    if att.note:
        caption += f" — {esc(att.note)}"
    if att.package_id:
        caption += f" ({esc(_scope(ctx, att))})"
    return [image, Spacer(1, 2), Paragraph(caption, ctx.styles.cell_center)]


def build_lampiran(ctx: BuildContext) -> list[Flowable]:
    """The ``lampiran`` section: photos 2 × 2 per page with captions, then the scans."""
    photos = _ordered(ctx, (AttachmentKind.PHOTO,))
    scans = _ordered(ctx, (AttachmentKind.SCAN,))
    if not photos and not scans:
        return []
    title = ctx.template.title("lampiran")
    story: list[Flowable] = [NextPageTemplate("body"), PageBreak(), ctx.heading(title, 0, section=title)]
    if photos:
        story.append(ctx.heading("Dokumentasi Foto Kondisi Eksisting (0 %)", 1))
        col = FRAME_WIDTH / 2
        box_w, box_h = col - 12, 96 * 2.8346  # 96 mm high picture area
        for start in range(0, len(photos), PHOTOS_PER_PAGE):
            ctx.check_cancel()
            chunk = photos[start:start + PHOTOS_PER_PAGE]
            cells = [_photo_cell(ctx, a, start + i + 1, box_w, box_h) for i, a in enumerate(chunk)]
            rows = [cells[i:i + 2] + [""] * (2 - len(cells[i:i + 2])) for i in range(0, len(cells), 2)]
            table = Table(rows, colWidths=[col, col])
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]))
            if start:
                story.append(PageBreak())
            story.append(table)
    for n, att in enumerate(scans, start=1):
        ctx.check_cancel()
        story += _sheet_pages(ctx, att, f"Lampiran {n}")
    story.append(NextPageTemplate("body"))
    return story


def merge_sheets(data: bytes, boxes: dict, attachments: list[Attachment]) -> bytes:
    """Put every page of the attached PDFs into its box of the ReportLab output ``data``
    (with pypdf: the page scaled to fit and centred, its /Rotate applied first), and return
    the new bytes. The outline, the named destinations and every other page are kept; the
    output is deterministic (the file identifier of ``data`` is kept).

    Raises:
        ReportError: an attached PDF cannot be read or merged.
    """
    if not boxes:
        return data
    by_id = {a.id: a for a in attachments}
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    writer = PdfWriter(clone_from=io.BytesIO(data))
    readers: dict[str, PdfReader] = {}
    for (att_id, index), (page_no, x, y, w, h) in sorted(boxes.items(), key=lambda kv: kv[1][0]):
        att = by_id[att_id]
        try:
            reader = readers.get(att_id) or readers.setdefault(att_id, _reader(att))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                source = reader.pages[index]
                if source.rotation:
                    source.transfer_rotation_to_content()
                box = source.mediabox
                sw, sh = float(box.width), float(box.height)
                scale = min(w / sw, h / sh)
                tx = x + (w - sw * scale) / 2 - float(box.left) * scale
                ty = y + (h - sh * scale) - float(box.bottom) * scale
                writer.pages[page_no - 1].merge_transformed_page(
                    source, Transformation().scale(scale, scale).translate(tx, ty))
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds
            raise ReportError(f"lampiran {att.title!r} ({att.filename}) halaman {index + 1} "
                              f"tidak dapat digabungkan: {exc}") from exc
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
