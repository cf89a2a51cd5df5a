"""Attach a file to the programme: read it, check it, and make the edit (issue 9 point 1).

The window and the CLI go through here: the bytes are read once, checked by
:func:`dtpl_studio.reporting.attachments.inspect_file` (pypdf, Pillow), hashed, and turned
into an :class:`~dtpl_studio.costing.attachments.Attachment` that an
:class:`~dtpl_studio.costing.edits.InsertAttachment` or
:class:`~dtpl_studio.costing.edits.ReplaceAttachment` puts into the programme (one undo step).
Nothing is changed when a check fails.
"""

from __future__ import annotations

from pathlib import Path

from dtpl_studio.costing.attachments import (
    DEFAULT_MAX_BYTES,
    Attachment,
    AttachmentError,
    AttachmentKind,
    MediaType,
    make_attachment,
)
from dtpl_studio.errors import classify
from dtpl_studio.reporting.attachments import inspect_file

__all__ = ["DEFAULT_MAX_MB", "attachment_from_path", "default_kind", "replacement_from_path"]

#: The default of the user's setting "largest attachment, MB" (settings key
#: ``attachment_max_mb``): :data:`~dtpl_studio.costing.attachments.DEFAULT_MAX_BYTES`.
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // (1024 * 1024)


def default_kind(media_type: str) -> AttachmentKind:
    """What a new file most likely is: a PDF a drawing, a JPEG a photo, a PNG a drawing."""
    return AttachmentKind.PHOTO if media_type == MediaType.JPEG else AttachmentKind.DRAWING


def _read(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; refused before reading when its size is over ``max_bytes``.

    Raises:
        AttachmentError: ``attachment.too_big``.
        DtplError: the file cannot be read (:func:`dtpl_studio.errors.classify`).
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            mb = lambda n: f"{n / (1024 * 1024):.1f}".replace(".", ",")  # noqa: E731
            raise AttachmentError(f"{path.name}: {size} bytes", code="attachment.too_big",
                                  params={"name": path.name, "size": mb(size), "limit": mb(max_bytes)},
                                  path=path)
        return path.read_bytes()
    except OSError as exc:
        raise classify(exc, path) from exc


def attachment_from_path(path: Path | str, *, kind: AttachmentKind | None = None,
                         title: str | None = None, package_id: str | None = None,
                         max_bytes: int = DEFAULT_MAX_BYTES) -> Attachment:
    """A checked :class:`Attachment` of the file ``path``.

    Args:
        path: the file (PDF, PNG, JPG).
        kind: None = :func:`default_kind` of the content.
        title: None = the file name without its extension.
        package_id: the package it belongs to (None = the whole programme).
        max_bytes: the size limit (the user's setting).

    Raises:
        AttachmentError: the file is refused (code and params say why; ``path`` is set).
        DtplError: the file cannot be read.
    """
    path = Path(path)
    data = _read(path, max_bytes)
    try:
        found = inspect_file(data, path.name, max_bytes=max_bytes)
    except AttachmentError as exc:
        exc.path = path
        raise
    return make_attachment(data, kind=kind or default_kind(found.media_type),
                           title=path.stem if title is None else title, filename=path.name,
                           media_type=found.media_type, pages=found.pages, width=found.width,
                           height=found.height, package_id=package_id)


def replacement_from_path(old: Attachment, path: Path | str, *,
                          max_bytes: int = DEFAULT_MAX_BYTES) -> Attachment:
    """A checked new content for ``old`` from ``path``: same id, kind, title, sheet, scale,
    scope and note; new bytes, hash, file name and sizes.

    Raises:
        As :func:`attachment_from_path`.
    """
    new = attachment_from_path(path, kind=old.kind, title=old.title, package_id=old.package_id,
                               max_bytes=max_bytes)
    new.id, new.sheet, new.scale, new.note = old.id, old.sheet, old.scale, old.note
    return new
