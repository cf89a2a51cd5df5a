"""Attachments: the model, its SHA-256, the check of a file's bytes (the class of bad files
walked: truncated and corrupted PDF/PNG/JPEG, encrypted PDF, zero bytes, wrong extension,
decompression bomb, over the size limit) and the edits with their inverses."""

from __future__ import annotations

import copy
import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dtpl_studio.costing import edits
from dtpl_studio.costing.attachments import (
    AttachmentError,
    AttachmentKind,
    MediaType,
    make_attachment,
    media_type_for_name,
)
from dtpl_studio.costing.edits import EditError
from dtpl_studio.reporting.attachments import MAX_PIXELS, inspect_file
from tests.attachment_samples import (
    bomb_png,
    drawing,
    drawing_pdf,
    encrypted_pdf,
    photo,
    photo_attachment,
)
from tests.storage.storage_samples import make_program

PDF = drawing_pdf(3)
PNG = photo(fmt="PNG")
JPG = photo()


def test_hash_is_sha256_of_the_bytes():
    att = drawing()
    assert att.sha256 == hashlib.sha256(att.data).hexdigest()
    assert att.hash_ok()
    att.data = att.data + b"x"
    assert not att.hash_ok()


def test_media_type_from_the_name():
    assert media_type_for_name("GK-01.PDF") is MediaType.PDF
    assert media_type_for_name("a.jpeg") is MediaType.JPEG
    assert media_type_for_name("foto.JPG") is MediaType.JPEG
    assert media_type_for_name("peta.png") is MediaType.PNG
    assert media_type_for_name("gambar.dwg") is None
    assert media_type_for_name("tanpa-akhiran") is None


# -- inspect_file: the good ones -----------------------------------------------------------------

def test_good_files_are_accepted_with_their_facts():
    pdf = inspect_file(PDF, "gk.pdf")
    assert (pdf.media_type, pdf.pages, pdf.width, pdf.height) == (MediaType.PDF, 3, 1191, 842)
    png = inspect_file(PNG, "foto.png")
    assert (png.media_type, png.pages, png.width, png.height) == (MediaType.PNG, 1, 640, 480)
    jpg = inspect_file(JPG, "foto.JPEG")
    assert jpg.media_type is MediaType.JPEG


# -- the class of bad files ------------------------------------------------------------------------

@pytest.mark.parametrize("data,name,code", [
    (b"", "kosong.pdf", "attachment.empty"),
    (b"", "kosong.png", "attachment.empty"),
    (PDF, "gambar.dwg", "attachment.unknown_type"),
    (PDF, "gambar", "attachment.unknown_type"),
    (JPG, "foto.png", "attachment.type_mismatch"),
    (PNG, "foto.jpg", "attachment.type_mismatch"),
    (PDF, "gambar.png", "attachment.type_mismatch"),
    (JPG, "foto.pdf", "attachment.type_mismatch"),
    (b"hello world, bukan pdf", "x.pdf", "attachment.pdf_broken"),
    (b"hello world, bukan png", "x.png", "attachment.image_broken"),
    (PDF[: len(PDF) // 3], "terpotong.pdf", "attachment.pdf_broken"),
    (PNG[: len(PNG) // 2], "terpotong.png", "attachment.image_broken"),
    (JPG[: len(JPG) // 2], "terpotong.jpg", "attachment.image_broken"),
    (PNG[:8], "kepala.png", "attachment.image_broken"),
    (JPG[:3], "kepala.jpg", "attachment.image_broken"),
    (b"%PDF-1.4\n%%EOF\n", "kosong.pdf", "attachment.pdf_broken"),
])
def test_bad_files_are_refused_with_a_code(data, name, code):
    with pytest.raises(AttachmentError) as info:
        inspect_file(data, name)
    assert info.value.code == code
    assert info.value.params["name"] == name


def test_encrypted_pdf_is_refused():
    with pytest.raises(AttachmentError) as info:
        inspect_file(encrypted_pdf(), "terkunci.pdf")
    assert info.value.code == "attachment.pdf_encrypted"


def test_decompression_bomb_is_refused_without_decoding_it():
    data = bomb_png()  # 144 Mpx in a few kB
    assert len(data) < 100_000
    with pytest.raises(AttachmentError) as info:
        inspect_file(data, "bom.png")
    assert info.value.code == "attachment.image_too_large"
    assert 144_000_000 > MAX_PIXELS


def test_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(AttachmentError) as info:
        inspect_file(PDF, "besar.pdf", max_bytes=len(PDF) - 1)
    assert info.value.code == "attachment.too_big"
    assert set(info.value.params) == {"name", "size", "limit"}
    assert inspect_file(PDF, "pas.pdf", max_bytes=len(PDF)).pages == 3


GOOD = {"gk.pdf": PDF, "foto.png": PNG, "foto.jpg": JPG}
CODES = {"attachment.pdf_broken", "attachment.image_broken", "attachment.pdf_no_pages",
         "attachment.type_mismatch", "attachment.empty", "attachment.image_too_large"}


@pytest.mark.fuzz
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(GOOD)), data=st.data())
def test_mutated_files_never_crash(name, data):
    """Truncate, flip bytes, insert or delete anywhere: the answer is an Inspection or an
    AttachmentError with a known code — never another exception."""
    raw = bytearray(GOOD[name])
    ops = data.draw(st.lists(st.tuples(st.sampled_from(["cut", "flip", "insert", "delete"]),
                                       st.integers(0, len(raw) - 1), st.integers(0, 255)),
                             min_size=1, max_size=4))
    for op, at, value in ops:
        at = min(at, max(len(raw) - 1, 0))
        if op == "cut":
            raw = raw[:at]
        elif op == "flip" and raw:
            raw[at] ^= value or 1
        elif op == "insert":
            raw[at:at] = bytes([value]) * (value % 7 + 1)
        elif op == "delete" and raw:
            del raw[at:at + value % 16 + 1]
    try:
        found = inspect_file(bytes(raw), name)
    except AttachmentError as exc:
        assert exc.code in CODES, exc.code
    else:
        assert found.pages >= 1 and found.width > 0 and found.height > 0


# -- edits and their inverses ----------------------------------------------------------------------

def _state(program):
    return [(a.id, a.kind, a.title, a.sheet, a.scale, a.package_id, a.sha256) for a in program.attachments]


def test_add_replace_move_set_remove_each_undo_exactly():
    program = make_program()
    states = [_state(program)]
    inverses = []
    a, b, c = drawing(sheet="GK-01"), drawing(1, sheet="GK-02"), photo_attachment()
    steps = [
        edits.InsertAttachment(a),
        edits.InsertAttachment(b),
        edits.InsertAttachment(c, 0),
        edits.MoveAttachment(c.id, 2),
        edits.set_attachment(a.id, title="Denah situasi", sheet="SP-01", scale="1 : 500",
                             kind=AttachmentKind.MAP, package_id=program.packages[0].id),
        edits.ReplaceAttachment(make_attachment(JPG, kind=AttachmentKind.PHOTO, title="Foto baru",
                                                filename="baru.jpg", media_type="image/jpeg", id=c.id)),
        edits.RemoveAttachment(b.id),
    ]
    for step in steps:
        inverses.append(step.apply(program))
        states.append(_state(program))
    assert [x[0] for x in _state(program)] == [a.id, c.id]
    assert program.attachments[0].kind is AttachmentKind.MAP
    assert program.attachments[1].title == "Foto baru"
    for k, inverse in enumerate(reversed(inverses)):
        inverse.apply(program)
        assert _state(program) == states[-2 - k]
    assert program.attachments == []


def test_refusals_leave_the_program_unchanged():
    program = make_program()
    att = drawing()
    edits.InsertAttachment(att).apply(program)
    before = copy.deepcopy(_state(program))
    bad = drawing()
    bad.data = b"%PDF-changed"
    for edit in (
        edits.InsertAttachment(att),                       # same id twice
        edits.InsertAttachment(bad),                       # hash does not match
        edits.InsertAttachment(drawing(), 5),              # out of range
        edits.InsertAttachment(drawing(package_id="nope")),
        edits.MoveAttachment(att.id, 1),
        edits.RemoveAttachment("nope"),
        edits.set_attachment(att.id, data=b"x"),           # content only by replacement
        edits.set_attachment(att.id, kind="dwg"),
        edits.set_attachment(att.id, package_id="nope"),
    ):
        with pytest.raises(EditError):
            edit.apply(program)
        assert _state(program) == before
    assert edits.move_attachment(program, att.id, -1) is None
    assert edits.move_attachment(program, att.id, +1) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["add", "remove", "up", "down", "title"]),
                          st.integers(0, 5)), max_size=12))
def test_random_sequences_undo_to_the_start(ops):
    program = make_program()
    inverses = []
    for op, k in ops:
        n = len(program.attachments)
        if op == "add":
            edit = edits.InsertAttachment(photo_attachment(seed=k), min(k, n))
        elif n == 0:
            continue
        elif op == "remove":
            edit = edits.RemoveAttachment(program.attachments[k % n].id)
        elif op in ("up", "down"):
            edit = edits.move_attachment(program, program.attachments[k % n].id, -1 if op == "up" else 1)
            if edit is None:
                continue
        else:
            edit = edits.set_attachment(program.attachments[k % n].id, title=f"judul {k}")
        inverses.append(edit.apply(program))
    for inverse in reversed(inverses):
        inverse.apply(program)
    assert program.attachments == []
