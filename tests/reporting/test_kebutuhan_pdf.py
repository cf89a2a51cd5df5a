"""The Rekap kebutuhan bahan & tenaga kerja section of the DTPL PDF, read back with pypdf."""

from __future__ import annotations

import copy
import json
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.kebutuhan import schedule_package
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import Item, Package, Program, Section, price_program
from dtpl_studio.reporting import build_dtpl_pdf
from dtpl_studio.reporting.template import DEFAULT_TEMPLATE
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book

TITLE = "Rekap Kebutuhan Bahan dan Tenaga Kerja"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def demo_pdf(tmp_path_factory):
    priced = price_program(build_demo_program(load_default_book()))
    path = build_dtpl_pdf(priced, tmp_path_factory.mktemp("keb") / "demo.pdf")
    return priced, path, [p.extract_text() for p in PdfReader(path).pages]


def section_pages(texts: list[str]) -> list[int]:
    """Pages of the section: its heading starts the page, or the running header names it
    (``Rekap Kebutuhan … · Paket 2``)."""
    return [i for i, t in enumerate(texts) if t.startswith(TITLE) or f"{TITLE} ·" in t]


def test_section_is_printed_after_the_price_list_and_before_the_blm_check(demo_pdf):
    _, path, texts = demo_pdf
    pages = section_pages(texts)
    assert pages, "no page of the section"
    first = pages[0]
    assert any("Daftar Harga Satuan Dasar" in t for t in texts[:first])
    assert not any(t.startswith("Pemeriksaan Pagu BLM") for t in texts[:first])
    assert any(t.startswith("Pemeriksaan Pagu BLM") for t in texts[pages[-1]:])
    outline = [o.title for o in PdfReader(path).outline if not isinstance(o, list)]
    assert outline.index(TITLE) == outline.index("Daftar Harga Satuan Dasar Upah, Bahan dan Alat") + 1
    toc = flat(texts[2])
    assert TITLE in toc


def test_totals_equal_the_core(demo_pdf):
    priced, _, texts = demo_pdf
    body = flat(" ".join(texts[i] for i in section_pages(texts)))
    for pp in priced.packages:
        s = schedule_package(pp)
        if s.resources:
            assert f"JUMLAH BIAYA LANGSUNG (sama dengan RAB) {format_rupiah(pp.direct)}" in body
        else:  # nothing broken down: one sentence, not the RAB again
            assert f"Jumlah biaya langsung Rp {format_rupiah(pp.direct)} sama dengan RAB" in body
        assert s.resources_total + s.adjustments_total + s.not_broken_down_total == pp.direct
    s = schedule_package(priced.packages[1])
    labour = f"Jumlah tenaga kerja OH {format_number(s.person_days(), 4)} " \
             f"{format_rupiah(s.kind_total(ResourceKind.LABOUR))}"
    assert labour in body
    assert f"JUMLAH KEBUTUHAN (A + B + C) {format_rupiah(s.resources_total)}" in body
    assert "Pekerja" in body and "409,5190" in body and "40.951.900" in body
    assert "481,82 zak 50 kg" in body and "602,28 zak 40 kg" in body
    assert "Biaya umum dan keuntungan (E) dalam harga satuan pekerjaan 15.939.637" in body
    # the planning package has only own rates: counted, not broken down
    assert "6 item harga khusus, tanpa analisa (Rp 125.500.000)" in body


def _chapter_of(texts: list[str], number: int, name: str) -> str:
    """The text of package ``number``'s part of the chapter (its heading to the next one)."""
    body = "\n".join(texts[i] for i in section_pages(texts))
    start = body.index(f"Paket {number}: {name}")
    nxt = body.find(f"Paket {number + 1}: ", start + 1)
    return flat(body[start:nxt if nxt > 0 else None])


@pytest.mark.parametrize("which", ["demo", "sample"])
def test_a_package_with_nothing_to_break_down_is_summarised_not_repeated(which, demo_pdf, tmp_path):
    """The class: every package of a programme whose schedule has no resource (all own
    rates, overrides or HSPK items: the planning package) gets one summary sentence in the
    chapter; a package with resources keeps its table, its not-broken-down items listed."""
    from tests.reporting.conftest import make_program

    if which == "demo":
        priced, _, texts = demo_pdf
    else:
        priced = price_program(make_program())
        path = build_dtpl_pdf(priced, tmp_path / "s.pdf")
        texts = [p.extract_text() for p in PdfReader(path).pages]
    summarised = 0
    for number, pp in enumerate(priced.packages, start=1):
        s = schedule_package(pp)
        part = _chapter_of(texts, number, pp.package.name)
        if s.resources:
            assert "JUMLAH KEBUTUHAN" in part
            for nb in s.not_broken_down:  # listed where they stand beside broken-down items
                assert flat(nb.description)[:20] in part
            continue
        summarised += 1
        assert "tidak ada kebutuhan bahan dan tenaga kerja yang dapat diuraikan" in part
        assert f"{len(s.not_broken_down)} item" in part
        assert "ITEM YANG TIDAK DIURAIKAN" not in part
        for nb in s.not_broken_down:  # the RAB rows are not printed again
            assert flat(nb.description) not in part, nb.description
    assert summarised >= 1


def big_program() -> Program:
    """One analysis of 150 materials: a schedule longer than a page."""
    book = PriceBook()
    lines = [AnalysisLine(LineKind.LABOUR, "Pekerja", Decimal("0.75"), "OH")]
    book.add_resource(Resource("Pekerja", "Pekerja", ResourceKind.LABOUR, "OH", Decimal(100000)))
    for n in range(150):
        key = f"Bahan uji nomor {n:03d} dengan nama yang cukup panjang untuk dua baris"
        book.add_resource(Resource(key, key, ResourceKind.MATERIAL, "kg", Decimal(1000 + n)))
        lines.append(AnalysisLine(LineKind.MATERIAL, key, Decimal("0.5"), "kg"))
    book.put_analysis(Analysis("X.1", "Pekerjaan uji", "m3", lines))
    items = [Item(f"Item {i}", "m3", analysis_code="X.1", volume=Decimal(10 + i)) for i in range(3)]
    pkg = Package("Paket besar", Component.FISIK, book, [Section("I", items)])
    twin = copy.deepcopy(pkg)
    twin.name = "Paket kembar"
    return Program("Uji", packages=[pkg, twin])


def test_long_schedule_splits_across_pages_with_its_header(tmp_path):
    priced = price_program(big_program())
    path = build_dtpl_pdf(priced, tmp_path / "big.pdf")
    texts = [p.extract_text() for p in PdfReader(path).pages]
    pages = section_pages(texts)
    assert len(pages) >= 6  # two packages and the programme, each over two pages
    for i in pages:
        assert "Kuantitas Beli" in texts[i]  # the column header repeats
    body = flat(" ".join(texts[i] for i in pages))
    assert "Seluruh program" in body  # two packages with analyses: the programme too
    assert body.count("JUMLAH BIAYA LANGSUNG (sama dengan RAB)") == 3
    total = sum(pp.direct for pp in priced.packages)
    assert f"JUMLAH BIAYA LANGSUNG (sama dengan RAB) {format_rupiah(total)}" in body
    assert "P2 I.3" in body


def test_a_template_written_before_the_section_prints_without_it(tmp_path):
    data = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    data["sections"] = [s for s in data["sections"] if s["id"] != "kebutuhan"]
    path = tmp_path / "lama.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    priced = price_program(big_program())
    out = build_dtpl_pdf(priced, tmp_path / "lama.pdf", template=path)
    texts = [p.extract_text() for p in PdfReader(out).pages]
    assert not section_pages(texts)
