"""Sample attachment files made in the tests (no binary is committed): multi-page PDF
drawings drawn with reportlab, photos with Pillow, an encrypted PDF with pypdf."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfgen.canvas import Canvas

from dtpl_studio.costing.attachments import Attachment, AttachmentKind, make_attachment

A3_LANDSCAPE = landscape(A3)


def drawing_pdf(pages: int = 2, *, size=A3_LANDSCAPE, label: str = "GAMBAR") -> bytes:
    """A deterministic PDF of ``pages`` drawing sheets (a frame, a cross-section, a title
    block with the sheet number)."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=size, invariant=1)
    w, h = size
    for n in range(1, pages + 1):
        canvas.setLineWidth(2)
        canvas.rect(20, 20, w - 40, h - 40)
        canvas.setLineWidth(1)
        # a trapezoidal channel cross-section
        cx, cy = w / 2, h / 2
        pts = [(cx - 200, cy + 120), (cx - 120, cy - 80), (cx + 120, cy - 80), (cx + 200, cy + 120)]
        canvas.lines([(*p, *q) for p, q in zip(pts, pts[1:], strict=False)])
        canvas.line(cx - 260, cy + 120, cx + 260, cy + 120)
        canvas.setFont("Helvetica-Bold", 28)
        canvas.drawCentredString(cx, h - 90, f"{label} {n}")
        canvas.setFont("Helvetica", 14)
        canvas.rect(w - 320, 20, 300, 90)
        canvas.drawString(w - 310, 80, f"Lembar GK-{n:02d}")
        canvas.drawString(w - 310, 50, "Skala 1 : 50")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def photo(width: int = 640, height: int = 480, *, fmt: str = "JPEG", seed: int = 1) -> bytes:
    """A deterministic photo-like image (a sky, a road and a channel)."""
    img = Image.new("RGB", (width, height), (150 + seed % 50, 190, 230))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, height // 2, width, height], fill=(120, 110, 100))
    draw.polygon([(width // 3, height), (width // 2, height // 2), (width // 2 + 20, height // 2),
                  (2 * width // 3, height)], fill=(90, 90, 90))
    draw.rectangle([width // 10, height // 2 - 60, width // 10 + 80, height // 2], fill=(200, 60, 40))
    buf = io.BytesIO()
    img.save(buf, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    """A one-page PDF encrypted with a user password."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(drawing_pdf(1))).pages:
        writer.add_page(page)
    writer.encrypt("rahasia", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def bomb_png(width: int = 12_000, height: int = 12_000) -> bytes:
    """A small PNG (1-bit, compresses to a few kB) that claims ``width`` × ``height`` pixels."""
    buf = io.BytesIO()
    Image.new("1", (width, height), 0).save(buf, format="PNG")
    return buf.getvalue()


def drawing(pages: int = 2, *, title: str = "Potongan melintang saluran", sheet: str = "GK-01",
            kind: AttachmentKind = AttachmentKind.DRAWING, package_id: str | None = None) -> Attachment:
    data = drawing_pdf(pages)
    w, h = landscape(A3)
    return make_attachment(data, kind=kind, title=title, filename=f"{sheet}.pdf",
                           media_type="application/pdf", pages=pages, width=round(w),
                           height=round(h), sheet=sheet, scale="1 : 50", package_id=package_id)


def photo_attachment(title: str = "Kondisi jalan 0 %", seed: int = 1) -> Attachment:
    data = photo(seed=seed)
    return make_attachment(data, kind=AttachmentKind.PHOTO, title=title, filename=f"foto{seed}.jpg",
                           media_type="image/jpeg", width=640, height=480)


__all__ = ["A4", "bomb_png", "drawing", "drawing_pdf", "encrypted_pdf", "photo", "photo_attachment"]
