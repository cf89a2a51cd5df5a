"""Attachments of a programme: drawings, maps, photos and scans carried inside the project.

A DTPL is more than the cost calculation (issue 9 point 1, DOMAIN.md §4.4 items 5, 6 and 18):
the community's *gambar kerja* (typical cross-sections, details, site plan), the *peta
lokasi*, photos of the existing condition (*foto 0 %*) and scanned papers (*berita acara*,
*daftar hadir*, *surat hibah lahan*, *surat pernyataan swadaya*). Each is an
:class:`Attachment`: the file's bytes (PDF, PNG or JPEG) with their SHA-256, its kind, title,
sheet number and scale, stored inside the ``.dtpl`` file (DESIGN.md §4), in the programme's
order (:attr:`Program.attachments <dtpl_studio.costing.rab.Program.attachments>`), for the
whole programme or for one package (``package_id``).

This module is Qt-free and library-free: it holds the model, the hash and the limits. What
a file's bytes *are* (a readable, unencrypted PDF; a decodable image of sane dimensions) is
checked with pypdf and Pillow by :func:`dtpl_studio.reporting.attachments.inspect_file`,
which raises :class:`AttachmentError` with a code whose Indonesian and English words are in
``dtpl_studio/ui/error_strings.py``. Edits (add, replace, remove, move, set fields) are in
:mod:`dtpl_studio.costing.edits`.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from dtpl_studio.errors import DtplError

__all__ = [
    "ATTACHMENT_FIELDS", "DEFAULT_MAX_BYTES", "EXTENSIONS", "Attachment", "AttachmentError",
    "AttachmentKind", "MediaType", "make_attachment", "media_type_for_name", "sha256_hex",
]

#: Largest file accepted as an attachment, in bytes, unless the user's setting says
#: otherwise (``attachments/max_mb`` in the settings dialog; 25 MB per file: a scanned
#: A3 drawing at 300 dpi is 5–15 MB, and the project file must stay small enough to email).
DEFAULT_MAX_BYTES = 25 * 1024 * 1024


class AttachmentError(DtplError):
    """A file that cannot be attached (too big, empty, encrypted, broken, not a PDF/PNG/JPEG).

    ``code`` is one of ``attachment.too_big``, ``attachment.empty``, ``attachment.unknown_type``,
    ``attachment.type_mismatch``, ``attachment.pdf_encrypted``, ``attachment.pdf_broken``,
    ``attachment.pdf_no_pages``, ``attachment.image_broken``, ``attachment.image_too_large``,
    ``attachment.hash_mismatch``; ``params`` holds ``name`` and what the words need.
    """

    default_code = "attachment.broken"


class AttachmentKind(StrEnum):
    """What an attachment is, which decides where the DTPL prints it (issue 9 point 1)."""

    DRAWING = "gambar"   # gambar kerja: denah, potongan melintang, detail, site plan
    MAP = "peta"         # peta lokasi / situasi kawasan prioritas
    PHOTO = "foto"       # foto kondisi eksisting (0 %)
    SCAN = "scan"        # berita acara, daftar hadir, surat hibah lahan, surat swadaya


class MediaType(StrEnum):
    """The file formats accepted (what the PDF package can merge or draw)."""

    PDF = "application/pdf"
    PNG = "image/png"
    JPEG = "image/jpeg"


#: File name extension (lower case, with the dot) → media type.
EXTENSIONS: dict[str, MediaType] = {
    ".pdf": MediaType.PDF, ".png": MediaType.PNG, ".jpg": MediaType.JPEG,
    ".jpeg": MediaType.JPEG,
}

#: Fields :class:`~dtpl_studio.costing.edits.SetAttachmentFields` may change (the content
#: — ``data``, ``sha256``, ``media_type``… — only changes by a whole replacement).
ATTACHMENT_FIELDS = frozenset({"kind", "title", "sheet", "scale", "package_id", "note"})


def sha256_hex(data: bytes) -> str:
    """SHA-256 of ``data`` as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


def media_type_for_name(name: str) -> MediaType | None:
    """The media type the extension of ``name`` announces, or None (``gambar.PDF`` → PDF)."""
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None


@dataclass(slots=True, eq=False)
class Attachment:
    """One attached file with its description.

    Attributes:
        kind: where it is printed (:class:`AttachmentKind`).
        title: the caption / sheet title (``Potongan melintang saluran``).
        filename: the original file name (no folder), for the window and the audit.
        media_type: :class:`MediaType` value of ``data`` (checked, not guessed from the name).
        data: the file's bytes, exactly as read.
        sha256: SHA-256 of ``data`` (hex); checked when the project is read.
        pages: page count (PDF) or 1 (image).
        width, height: first page size in points (PDF) or image size in pixels.
        sheet: sheet number as written on the drawing (``GK-02``), "" = none.
        scale: scale as written (``1 : 100``, ``NTS``), "" = none.
        package_id: the package it belongs to, None = the whole programme.
        note: free remark.
        id: stable identifier (edits address it).
    """

    kind: AttachmentKind
    title: str
    filename: str
    media_type: str
    data: bytes = field(repr=False)
    sha256: str = ""
    pages: int = 1
    width: int = 0
    height: int = 0
    sheet: str = ""
    scale: str = ""
    package_id: str | None = None
    note: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def size(self) -> int:
        """Size of the file in bytes."""
        return len(self.data)

    @property
    def is_pdf(self) -> bool:
        return self.media_type == MediaType.PDF

    def hash_ok(self) -> bool:
        """True when :attr:`sha256` is the hash of :attr:`data`."""
        return self.sha256 == sha256_hex(self.data)


def make_attachment(data: bytes, *, kind: AttachmentKind, title: str, filename: str,
                    media_type: str, pages: int = 1, width: int = 0, height: int = 0,
                    sheet: str = "", scale: str = "", package_id: str | None = None,
                    note: str = "", id: str | None = None) -> Attachment:
    """An :class:`Attachment` of ``data`` with its SHA-256 computed here (the only way the
    hash is set for new content). ``id`` None draws a fresh one (a replacement keeps the
    replaced attachment's id)."""
    extra = {} if id is None else {"id": id}
    return Attachment(kind=AttachmentKind(kind), title=title, filename=filename,
                      media_type=MediaType(media_type).value, data=bytes(data),
                      sha256=sha256_hex(data), pages=pages, width=width, height=height,
                      sheet=sheet, scale=scale, package_id=package_id, note=note, **extra)
