"""What an attached file is: checked with pypdf (PDF) and Pillow (PNG/JPEG) before it is
accepted into a project, so that a broken file is refused when it is added, not when the
DTPL is printed (issue 9 point 1).

:func:`inspect_file` is the one gate. It raises
:class:`~dtpl_studio.costing.attachments.AttachmentError` (a code plus params; the Indonesian
and English words are in ``dtpl_studio/ui/error_strings.py``) for:

* a file over the size limit (``attachment.too_big``) or of zero bytes (``attachment.empty``);
* a name whose extension is not ``.pdf``, ``.png``, ``.jpg`` or ``.jpeg``
  (``attachment.unknown_type``), or whose content is another format than its extension says
  (``attachment.type_mismatch``: a JPEG renamed ``.png`` …);
* an encrypted PDF (``attachment.pdf_encrypted``: pypdf could not merge it without the
  password, and the printed package must be readable by anyone), a PDF pypdf cannot read or
  whose pages cannot be merged and written as the export will (a trial merge of every page:
  ``attachment.pdf_broken``), a PDF without pages
  (``attachment.pdf_no_pages``);
* an image Pillow cannot decode completely (``attachment.image_broken``: truncated or
  corrupted), or one larger than :data:`MAX_PIXELS` (``attachment.image_too_large``: Pillow's
  decompression-bomb guard, a 10 kB PNG can claim 50 000 × 50 000 pixels).

The content decides the media type (magic bytes), never the name alone.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass

from PIL import Image
from pypdf import PdfReader, PdfWriter, Transformation

from dtpl_studio.costing.attachments import (
    DEFAULT_MAX_BYTES,
    AttachmentError,
    MediaType,
    media_type_for_name,
)

__all__ = ["MAX_PIXELS", "Inspection", "inspect_file", "sniff"]

#: Largest image accepted, in pixels (width × height): 80 megapixels, an A1 scan at 300 dpi
#: (7 016 × 9 933 = 70 Mpx) still fits. Pillow's own guard warns at 89 Mpx and refuses
#: at twice that; we refuse earlier and say why.
MAX_PIXELS = 80_000_000


@dataclass(frozen=True, slots=True)
class Inspection:
    """What :func:`inspect_file` found: the media type (from the content), the page count,
    and the first page size (points for a PDF, pixels for an image)."""

    media_type: MediaType
    pages: int
    width: int
    height: int


def sniff(data: bytes) -> MediaType | None:
    """The media type the first bytes of ``data`` announce, or None."""
    head = data[:1024]
    if b"%PDF-" in head:
        return MediaType.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return MediaType.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    return None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".replace(".", ",")


def inspect_file(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Inspection:
    """Check that ``data`` (the bytes of file ``name``) can be attached and printed.

    Args:
        data: the file's bytes.
        name: its file name (the extension must be one of
            :data:`~dtpl_studio.costing.attachments.EXTENSIONS`).
        max_bytes: the size limit (the user's setting; default 25 MB).

    Returns:
        :class:`Inspection`.

    Raises:
        AttachmentError: with the codes listed in the module docstring; ``params`` always
            holds ``name``.
    """
    params = {"name": name}
    if len(data) > max_bytes:
        raise AttachmentError(f"{name}: {len(data)} bytes > {max_bytes}", code="attachment.too_big",
                              params={**params, "size": _mb(len(data)), "limit": _mb(max_bytes)})
    if not data:
        raise AttachmentError(f"{name}: empty", code="attachment.empty", params=params)
    announced = media_type_for_name(name)
    if announced is None:
        raise AttachmentError(f"{name}: extension not pdf/png/jpg", code="attachment.unknown_type",
                              params=params)
    found = sniff(data)
    if found is None:
        kind = "pdf" if announced is MediaType.PDF else "image"
        raise AttachmentError(f"{name}: content is not {announced}",
                              code=f"attachment.{kind}_broken", params=params)
    if found is not announced:
        raise AttachmentError(f"{name}: content is {found}, name says {announced}",
                              code="attachment.type_mismatch",
                              params={**params, "found": _FORMAT_NAMES[found],
                                      "announced": _FORMAT_NAMES[announced]})
    if found is MediaType.PDF:
        return _inspect_pdf(data, name)
    return _inspect_image(data, name, found)


_FORMAT_NAMES = {MediaType.PDF: "PDF", MediaType.PNG: "PNG", MediaType.JPEG: "JPEG"}


def _inspect_pdf(data: bytes, name: str) -> Inspection:
    params = {"name": name}
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise AttachmentError(f"{name}: encrypted", code="attachment.pdf_encrypted",
                                      params=params)
            count = len(reader.pages)
            if count == 0:
                raise AttachmentError(f"{name}: no pages", code="attachment.pdf_no_pages",
                                      params=params)
            trial = PdfWriter()  # what the DTPL export will do: merge every page, write
            for page in reader.pages:
                box = page.mediabox
                width, height = float(box.width), float(box.height)
                if not (width > 0 and height > 0):
                    raise ValueError(f"page without size: {box}")
                if page.rotation:
                    page.transfer_rotation_to_content()
                trial.add_blank_page(width, height).merge_transformed_page(page, Transformation())
            trial.write(io.BytesIO())
            first = reader.pages[0].mediabox
            return Inspection(MediaType.PDF, count, round(float(first.width)),
                              round(float(first.height)))
    except AttachmentError:
        raise
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: pypdf raises any kind
        raise AttachmentError(f"{name}: {type(exc).__name__}: {exc}", code="attachment.pdf_broken",
                              params=params) from None


def _inspect_image(data: bytes, name: str, media: MediaType) -> Inspection:
    params = {"name": name}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
                if width * height > MAX_PIXELS:
                    raise AttachmentError(
                        f"{name}: {width}x{height}", code="attachment.image_too_large",
                        params={**params, "width": str(width), "height": str(height),
                                "limit": str(MAX_PIXELS // 1_000_000)})
                img.load()  # decode everything: a truncated file fails here
    except AttachmentError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise AttachmentError(f"{name}: {exc}", code="attachment.image_too_large",
                              params={**params, "width": "?", "height": "?",
                                      "limit": str(MAX_PIXELS // 1_000_000)}) from None
    except Exception as exc:  # noqa: BLE001 - untrusted bytes: any decoder failure is "broken"
        raise AttachmentError(f"{name}: {type(exc).__name__}: {exc}", code="attachment.image_broken",
                              params=params) from None
    if width <= 0 or height <= 0:
        raise AttachmentError(f"{name}: empty image", code="attachment.image_broken", params=params)
    return Inspection(media, 1, width, height)
