"""The Jadwal Pelaksanaan dan Kurva S section of the DTPL PDF, read back with pypdf."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.jadwal import jadwal_package
from dtpl_studio.costing.rab import Item, Package, Program, Section, price_program
from dtpl_studio.reporting import build_dtpl_pdf
from dtpl_studio.reporting.dtpl_pdf import render_dtpl_pdf
from dtpl_studio.reporting.template import DEFAULT_TEMPLATE
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book

TITLE = "Jadwal Pelaksanaan dan Kurva S"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory):
    priced = price_program(build_demo_program(load_default_book()))
    path = build_dtpl_pdf(priced, tmp_path_factory.mktemp("jadwal") / "demo.pdf")
    reader = PdfReader(path)
    return priced, path, reader, [p.extract_text() for p in reader.pages]


def section_pages(texts: list[str]) -> list[int]:
    return [i for i, t in enumerate(texts) if t.startswith(TITLE) or f"{TITLE} ·" in t]


def test_section_is_landscape_after_the_rekap_kebutuhan(demo_pdf):
    priced, _, reader, texts = demo_pdf
    pages = section_pages(texts)
    assert len(pages) == len(priced.packages)  # one landscape page per (small) package
    for i in pages:
        box = reader.pages[i].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    for i in set(range(len(texts))) - set(pages):
        assert float(reader.pages[i].mediabox.width) < float(reader.pages[i].mediabox.height)
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert outline.index(TITLE) == outline.index("Rekap Kebutuhan Bahan dan Tenaga Kerja") + 1
    assert outline.index("Pemeriksaan Pagu BLM") == outline.index(TITLE) + 1
    assert TITLE in flat(texts[2])  # daftar isi


def test_printed_bobot_and_curve_equal_the_core(demo_pdf):
    priced, _, _, texts = demo_pdf
    pages = section_pages(texts)
    for pp, i in zip(priced.packages, pages, strict=True):
        j = jadwal_package(pp)
        text = flat(texts[i])
        tokens = text.split(" ")
        # the cumulative row, in week order, right after its label
        label = "Kumulatif rencana (%) — kurva S"
        assert label in text
        after = text.split(label, 1)[1].split()
        assert after[:j.weeks] == [format_number(v, 2) for v in j.cumulative]
        assert after[j.weeks - 1] == "100,00"
        before = text.split("Rencana per minggu (%)", 1)[1].split()
        assert before[:j.weeks + 1] == ["100,00", *(format_number(v, 2) for v in j.weekly)]
        for r in j.rows:
            assert format_number(r.bobot, 2) in tokens
            assert r.number in tokens
        taker = j.row(j.remainder_item)
        if j.remainder:
            assert f"dimasukkan ke item {taker.number}" in text


def test_export_is_deterministic(demo_pdf):
    priced, path, _, _ = demo_pdf
    assert render_dtpl_pdf(priced) == path.read_bytes()


def many_items() -> Program:
    book = load_default_book()
    sections = []
    for d in range(5):
        items = [Item(f"Pekerjaan {d}.{n} dengan uraian yang agak panjang", "ls",
                      custom_rate=Decimal(1_000_000 + 50_000 * n), custom_reason="uji", volume=Decimal(1),
                      duration_weeks=1 + n % 3)
                 for n in range(14)]
        sections.append(Section(f"Divisi {d + 1}", items))
    return Program("Uji", packages=[Package("Paket banyak item", Component.FISIK, book, sections)])


def test_many_items_split_over_pages_repeating_header_rows_and_curve(tmp_path):
    priced = price_program(many_items())
    path = build_dtpl_pdf(priced, tmp_path / "big.pdf")
    reader = PdfReader(path)
    texts = [p.extract_text() for p in reader.pages]
    pages = section_pages(texts)
    assert len(pages) >= 2
    j = jadwal_package(priced.packages[0])
    for i in pages:
        assert float(reader.pages[i].mediabox.width) > float(reader.pages[i].mediabox.height)
        assert "Uraian Pekerjaan" in texts[i] and "Minggu ke-" in texts[i]
        assert "Kumulatif rencana" in texts[i]
    body = flat(" ".join(texts[i] for i in pages))
    for r in j.rows:
        assert f"{r.number} {r.description}" in body
    assert "(lanjutan)" in texts[pages[1]]


def test_a_template_written_before_the_section_prints_without_it(tmp_path):
    data = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data["sections"] = [s for s in data["sections"] if s["id"] != "jadwal"]
    path = tmp_path / "lama.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = build_dtpl_pdf(price_program(many_items()), tmp_path / "lama.pdf", template=path)
    reader = PdfReader(out)
    assert not section_pages([p.extract_text() for p in reader.pages])
    assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages)
