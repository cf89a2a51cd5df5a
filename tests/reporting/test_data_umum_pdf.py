"""Data Umum section and signature blocks in the DTPL PDF, read back with pypdf (issue 9
points 3 and 5): values printed, "–" for empty fields with a finding, a Dibuat/Diperiksa/
Disetujui block under every rekap and rincian sheet that never splits from the table's last
rows nor overlaps them, no KSM on a planning programme's pengesahan, byte-identical output."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.data_umum import PackageData, ProgramData
from dtpl_studio.costing.rab import Item, Section, Signatory, price_program
from dtpl_studio.reporting import build_dtpl_pdf
from dtpl_studio.reporting.template import DEFAULT_TEMPLATE

from .conftest import make_program

DATA = PackageData(ksm_ketua="Sri Wahyuni", rt="03", rw="05", latitude=Decimal("-7.6821"),
                   longitude=Decimal("110.8412"), kk=120, jiwa=430, kk_miskin=35, perempuan=221,
                   kondisi="Jalan tanah becek", masalah="Genangan saat hujan",
                   kpp_nama="KPP Dukuh Lestari", kpp_kegiatan="Kerja bakti bulanan",
                   kpp_dana="Iuran Rp 2.000/KK/bulan")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts(path: Path) -> list[str]:
    return [flat(p.extract_text()) for p in PdfReader(path).pages]


def filled_program():
    program = make_program()
    program.data = ProgramData(bkm_ketua="H. Slamet", sign_place="Dukuh", sign_date="5 Maret 2025")
    program.packages[1].data = DATA
    program.signatories.append(Signatory("Mengetahui", "Drs. Lurah", "Lurah Dukuh",
                                         nip="19700312 199503 1 004"))
    return program


@pytest.fixture(scope="module")
def filled_pdf(tmp_path_factory) -> Path:
    return build_dtpl_pdf(price_program(filled_program()), tmp_path_factory.mktemp("du") / "f.pdf")


def _page(pages: list[str], marker: str) -> int:
    return next(i for i, t in enumerate(pages) if marker in t)


def test_data_umum_section_prints_the_values(filled_pdf):
    pages = texts(filled_pdf)
    start = _page(pages, "DATA UMUM A. Wilayah")
    assert start > _page(pages, "DAFTAR ISI")
    body = " ".join(pages[start:start + 3])
    for text in ("Kelurahan/desa Dukuh", "Kecamatan Sukoharjo", "BKM/LKM BKM Dukuh Makmur",
                 "Koordinator BKM/LKM H. Slamet", "Ketua KSM/TPK Sri Wahyuni", "RT 03 / RW 05",
                 "7,6821° LS, 110,8412° BT", "120 KK", "430 jiwa", "35 KK", "221 jiwa",
                 "Jalan tanah becek", "Genangan saat hujan", "KPP Dukuh Lestari",
                 "Iuran Rp 2.000/KK/bulan"):
        assert text in body, text
    toc = pages[_page(pages, "DAFTAR ISI")]
    assert "DATA UMUM" in toc
    outline = [e["/Title"] for e in PdfReader(filled_pdf).outline if not isinstance(e, list)]
    assert outline.index("DATA UMUM") == outline.index("DAFTAR ISI") + 1


def test_empty_fields_print_a_dash_and_a_finding_lists_them(tmp_path):
    pages = texts(build_dtpl_pdf(price_program(make_program()), tmp_path / "e.pdf"))
    start = _page(pages, "DATA UMUM A. Wilayah")
    body = " ".join(pages[start:start + 3])
    assert "Koordinator BKM/LKM –" in body and "Jumlah KK –" in body
    assert "Peringatan" in body and "data umum belum lengkap" in body
    assert "Koordinator BKM/LKM" in body.split("data umum belum lengkap", 1)[1]


def _sheet_pages(pages: list[str]) -> list[int]:
    """Pages ending a rincian (JUMLAH BIAYA LANGSUNG) or holding a rekap (its TOTAL row)."""
    return [i for i, t in enumerate(pages)
            if ("JUMLAH BIAYA LANGSUNG" in t or "TOTAL (jumlah + PPN)" in t)
            and "Rekap Kebutuhan" not in t]  # the material schedule is not a RAB sheet


def test_every_rekap_and_rincian_sheet_has_the_block(filled_pdf):
    pages = texts(filled_pdf)
    sheets = _sheet_pages(pages)
    assert len(sheets) >= 4  # 2 packages × (rekap + rincian); may share a page
    for i in sheets:
        for label in ("Dibuat oleh,", "Diperiksa oleh,", "Disetujui oleh,", "Dukuh, 5 Maret 2025"):
            assert label in pages[i], (i, label)
    physical = [i for i in sheets if "Rabat beton" in pages[i]]
    assert physical and all("Ketua KSM Sejahtera Bersama" in pages[i] and "Sri Wahyuni" in pages[i]
                            for i in physical)


def test_planning_package_is_not_signed_by_a_ksm(tmp_path):
    program = filled_program()
    program.packages = [program.packages[0]]  # planning only
    pages = texts(build_dtpl_pdf(price_program(program), tmp_path / "p.pdf"))
    approval = pages[_page(pages, "LEMBAR PENGESAHAN")]
    assert "KSM" not in approval
    assert "Diperiksa oleh," in approval and "Lurah Dukuh" in approval
    assert "NIP. 19700312 199503 1 004" in approval
    assert "Dukuh, 5 Maret 2025" in approval
    for i in _sheet_pages(pages):
        assert "Ketua TIPP" in pages[i] and "Ketua KSM" not in pages[i]


def test_physical_programme_pengesahan_keeps_the_ksm(filled_pdf):
    pages = texts(filled_pdf)
    approval = pages[_page(pages, "LEMBAR PENGESAHAN")]
    assert "Ketua KSM Sejahtera Bersama" in approval


def _rincian_only(tmp_path: Path) -> Path:
    data = json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))
    for s in data["sections"]:
        s["enabled"] = s["id"] == "packages"
        for p in s.get("parts", []):
            p["enabled"] = p["id"] == "rincian"
    out = tmp_path / "t.json"
    out.write_text(json.dumps(data), encoding="utf-8")
    return out


def _y_of(page, needle: str) -> float | None:
    found: list[float] = []

    def visit(text, cm, tm, font, size):
        if needle in text:
            found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])  # user-space y

    page.extract_text(visitor_text=visit)
    return found[0] if found else None


@pytest.mark.parametrize("n", range(26, 42, 2))
def test_block_stays_with_the_last_rows_and_never_overlaps(tmp_path, n):
    """Sweep the item count so the table ends at every height of its last page: the block is
    always on the page of the JUMLAH row, below it, with at least one item row before it."""
    program = make_program()
    pkg = program.packages[0]
    pkg.sections = [Section("TENAGA AHLI", [
        Item(f"Tenaga ahli ke-{i}", "OB", custom_rate=Decimal(1_000_000), custom_reason="SBU",
             volume=Decimal(1)) for i in range(n)])]
    program.packages = [pkg]
    out = build_dtpl_pdf(price_program(program), tmp_path / "r.pdf", template=_rincian_only(tmp_path))
    reader = PdfReader(out)
    pages = [flat(p.extract_text()) for p in reader.pages]
    last = _page(pages, "JUMLAH BIAYA LANGSUNG")
    assert [i for i, t in enumerate(pages) if "Dibuat oleh," in t] == [last]
    assert "Tenaga ahli ke-" in pages[last]  # never a page of signatures and totals alone
    y_total = _y_of(reader.pages[last], "JUMLAH BIAYA LANGSUNG")
    y_sign = _y_of(reader.pages[last], "Dibuat oleh,")
    assert y_total is not None and y_sign is not None and y_sign < y_total - 10


def test_re_export_is_byte_identical(tmp_path):
    a = build_dtpl_pdf(price_program(filled_program()), tmp_path / "a.pdf")
    b = build_dtpl_pdf(price_program(filled_program()), tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()


def test_data_umum_changes_the_document_hash():
    from dtpl_studio.reporting import document_hash

    a = document_hash(price_program(filled_program()))
    program = filled_program()
    program.packages[1].data = replace(DATA, jiwa=431)
    assert document_hash(price_program(program)) != a
    assert document_hash(price_program(make_program())) != a
