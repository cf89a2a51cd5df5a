"""Attachments in the DTPL PDF (issue 9 points 1 and 8), read back with pypdf: drawing PDFs
merged at their place with "Halaman n dari N" continuous over them, a bookmark per sheet,
photos four per page with captions, scans appended, byte-identical re-export, and
``dtpl-studio verify`` over a project that carries attachments."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from dtpl_studio.costing import edits
from dtpl_studio.costing.attachments import AttachmentError, AttachmentKind, make_attachment
from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import document_hash, render_dtpl_pdf
from dtpl_studio.reporting.attachments import inspect_file
from tests.attachment_samples import drawing, drawing_pdf, photo, photo_attachment

from .conftest import make_program


def _program():
    program = make_program()
    package = program.packages[-1]
    for att in [
        drawing(3, sheet="GK-01"),
        drawing(1, title="Peta lokasi RW 03", sheet="PL-01", kind=AttachmentKind.MAP),
        make_attachment(photo(800, 1100, fmt="PNG", seed=3), kind=AttachmentKind.DRAWING,
                        title="Detail sumur resapan", filename="d.png", media_type="image/png",
                        width=800, height=1100, sheet="GK-04", scale="1 : 20", package_id=package.id),
        *[photo_attachment(f"Kondisi jalan titik {i}", seed=i) for i in range(1, 6)],
        make_attachment(photo(1240, 1754, seed=9), kind=AttachmentKind.SCAN,
                        title="Berita acara rembug warga", filename="ba.jpg", media_type="image/jpeg",
                        width=1240, height=1754),
        drawing(2, title="Daftar hadir", sheet="", kind=AttachmentKind.SCAN),
    ]:
        edits.InsertAttachment(att).apply(program)
    return program


@pytest.fixture(scope="module")
def rendered():
    program = _program()
    data = render_dtpl_pdf(price_program(program))
    reader = PdfReader(io.BytesIO(data))
    texts = [p.extract_text() or "" for p in reader.pages]
    return program, data, reader, texts


def test_page_numbers_are_continuous_over_merged_pages(rendered):
    _, _, reader, texts = rendered
    total = len(reader.pages)
    plain_reader = PdfReader(io.BytesIO(render_dtpl_pdf(price_program(make_program()))))
    base = len(plain_reader.pages)

    def toc_pages(pages) -> int:  # the TOC grows with the drawings' entries
        return sum(1 for p in pages if "\nDaftar Isi\n" in (p.extract_text() or ""))

    more_toc = toc_pages(reader.pages) - toc_pages(plain_reader.pages)
    # + Daftar Gambar, 1 map, 3 + 1 drawing sheets, 2 photo pages (5 photos), 1 + 2 scan
    # pages, and the Keterangan Dokumen block, which follows the last scan on a page of its own
    assert total == base + more_toc + 1 + 1 + 4 + 2 + 3 + 1
    for n, text in enumerate(texts, start=1):
        assert re.findall(r"Halaman (\d+) dari (\d+)", text) == [(str(n), str(total))], n


def test_drawing_pages_are_merged_at_their_place(rendered):
    _, _, reader, texts = rendered
    sheets = [n for n, t in enumerate(texts)
              if n > 2 and "Potongan melintang saluran — skala 1 : 50 — halaman" in t]
    assert len(sheets) == 3 and sheets == list(range(sheets[0], sheets[0] + 3))
    for k, n in enumerate(sheets, start=1):
        assert f"GAMBAR {k}" in texts[n] and f"Lembar GK-0{k}" in texts[n]
        box = reader.pages[n].mediabox
        assert float(box.width) > float(box.height)  # an A3 landscape sheet on A4 landscape
    scans = [n for n, t in enumerate(texts) if n > 2 and "Daftar hadir — skala 1 : 50 — halaman" in t]
    assert len(scans) == 2 and all("GAMBAR" in texts[n] for n in scans)
    # everything after the drawings: RAB, analyses … then lampiran, document info last
    rincian = next(n for n, t in enumerate(texts) if n > 2 and "Rincian Rencana Anggaran Biaya" in t)
    assert rincian > sheets[-1]
    assert "Keterangan Dokumen" in texts[-1]


def test_bookmarks_per_sheet_and_toc_entries(rendered):
    _, _, reader, texts = rendered

    def walk(outline, depth=0):
        for entry in outline:
            if isinstance(entry, list):
                yield from walk(entry, depth + 1)
            else:
                yield depth, entry["/Title"], reader.get_destination_page_number(entry)

    marks = list(walk(reader.outline))
    titles = [t for _, t, _ in marks]
    top = [t for d, t, _ in marks if d == 0]
    assert top.index("Peta Lokasi dan Gambar Kerja") == top.index("DATA UMUM") + 1 == 4
    assert top.index("Lampiran") > top.index("Pemeriksaan Pagu BLM")
    gk = [(d, p) for d, t, p in marks if "GK-01" in t]
    assert [d for d, _ in gk] == [1, 2, 2] and [p for _, p in gk] == sorted(p for _, p in gk)
    for _, title, page in marks:
        if "GK-01" in title or "PL-01" in title or "Lampiran 1." in title:
            assert title.split(" — ")[0] in re.sub(r"\s+", " ", texts[page])
    assert "Dokumentasi Foto Kondisi Eksisting (0 %)" in titles
    toc = re.sub(r"\s+", " ", texts[2])
    assert "1. PL-01 · Peta lokasi RW 03" in toc and "Lampiran 1. Berita acara rembug warga" in toc
    assert "halaman 2 dari 3" not in toc  # further pages: bookmarks only


def test_photos_four_per_page_with_captions(rendered):
    _, _, _, texts = rendered
    first = next(n for n, t in enumerate(texts) if "Foto 1." in t)
    assert all(f"Foto {k}. Kondisi jalan titik {k}" in texts[first] for k in range(1, 5))
    assert "Foto 5. Kondisi jalan titik 5" in texts[first + 1]


def test_byte_identical_re_export_and_the_hash_covers_attachments(rendered):
    program, data, _, _ = rendered
    assert render_dtpl_pdf(price_program(program)) == data
    before = document_hash(price_program(program))
    edits.set_attachment(program.attachments[0].id, scale="1 : 100").apply(program)
    assert document_hash(price_program(program)) != before
    assert document_hash(price_program(make_program())) == document_hash(price_program(make_program()))


def test_cli_verify_with_attachments(tmp_path, capsys):
    from dtpl_studio.cli import main
    from dtpl_studio.services.project import save_project

    project = tmp_path / "p.dtpl"
    save_project(_program(), project)
    pdf = tmp_path / "p.pdf"
    assert main(["export", str(project), "--pdf", str(pdf)]) == 0
    capsys.readouterr()
    assert main(["verify", str(pdf), str(project)]) == 0
    assert "COCOK" in capsys.readouterr().out
    data = bytearray(pdf.read_bytes())
    data[len(data) // 2] ^= 0x01
    (tmp_path / "bad.pdf").write_bytes(bytes(data))
    assert main(["verify", str(tmp_path / "bad.pdf"), str(project)]) == 1


def test_spesifikasi_printed_in_rab_order_once(rendered):
    program, _, reader, texts = rendered
    flat = [re.sub(r"\s+", " ", t) for t in texts]
    start = next(n for n, t in enumerate(flat) if n > 2 and t.startswith("Spesifikasi Teknis"))
    assert start < next(n for n, t in enumerate(flat) if n > 2 and "Rincian Rencana Anggaran Biaya" in t)
    body = " ".join(flat[start:start + 6])
    titles = re.findall(r"\d+\. (Pekerjaan [A-Z][A-Za-z ]+?) Berlaku untuk item RAB", body)
    assert titles[0] == "Pekerjaan Persiapan" and len(titles) == len(set(titles)) >= 4
    for part in ("Lingkup", "Bahan", "Metode Pelaksanaan", "Pemeriksaan Mutu", "Pengukuran dan Pembayaran"):
        assert body.count(part) >= len(titles)
    outline_titles = []

    def walk(o):
        for e in o:
            walk(e) if isinstance(e, list) else outline_titles.append(e["/Title"])

    walk(reader.outline)
    assert "Spesifikasi Teknis" in outline_titles and "1. Pekerjaan Persiapan" in outline_titles


@pytest.mark.fuzz
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["flip", "delete", "insert"]), st.integers(0, 10**6),
                          st.integers(1, 255)), min_size=1, max_size=3))
def test_a_mutated_pdf_that_is_accepted_also_prints(ops):
    """The check when attaching does what the export does (a trial merge of every page), so
    a damaged PDF is refused when it is added, never when the DTPL is printed."""
    raw = bytearray(drawing_pdf(2))
    for op, at, value in ops:
        at %= len(raw)
        if op == "flip":
            raw[at] ^= value
        elif op == "delete":
            del raw[at:at + value % 20 + 1]
        else:
            raw[at:at] = bytes([value]) * (value % 5 + 1)
    try:
        info = inspect_file(bytes(raw), "gk.pdf")
    except AttachmentError:
        return
    program = make_program()
    edits.InsertAttachment(make_attachment(bytes(raw), kind=AttachmentKind.DRAWING, title="GK",
                                           filename="gk.pdf", media_type="application/pdf",
                                           pages=info.pages, width=info.width,
                                           height=info.height)).apply(program)
    assert len(PdfReader(io.BytesIO(render_dtpl_pdf(price_program(program)))).pages) > info.pages
