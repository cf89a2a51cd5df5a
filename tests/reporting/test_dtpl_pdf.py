"""The DTPL package PDF, read back with pypdf: totals, reconciliation, BLM verdict, DRAFT,
TOC/outline, footer, determinism, cancellation and atomic writing."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.rab import PricedProgram, price_program
from dtpl_studio.reporting import (
    ReportCancelled,
    build_dtpl_pdf,
    document_hash,
    will_be_draft,
)

from .conftest import make_program

# -- helpers ----------------------------------------------------------------------------

NUM = r"\d{1,3}(?:\.\d{3})*"


def pages_text(path: Path) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces (Paragraph line breaks fall anywhere)."""
    return re.sub(r"\s+", " ", text).strip()


def parse_id(text: str) -> Decimal:
    """``'1.275.500,50'`` → ``Decimal('1275500.50')``."""
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.fixture
def pdf(priced: PricedProgram, tmp_path: Path) -> Path:
    """The passing programme's PDF."""
    return build_dtpl_pdf(priced, tmp_path / "dtpl.pdf")


@pytest.fixture
def texts(pdf: Path) -> list[str]:
    return pages_text(pdf)


@pytest.fixture
def alltext(texts: list[str]) -> str:
    return flat("\n".join(texts))


# -- the file ---------------------------------------------------------------------------

def test_returns_path_and_writes_a_pdf(priced, tmp_path):
    out = build_dtpl_pdf(priced, tmp_path / "a.pdf")
    assert out == tmp_path / "a.pdf"
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]  # no temporary file left


def test_page_count_and_footer_on_every_page(texts, priced):
    n = len(texts)
    assert n > 10
    short = document_hash(priced)[:16]
    for i, text in enumerate(texts, start=1):
        assert f"Halaman {i} dari {n}" in text
        assert "PLP-BK · Kelurahan Dukuh" in text
        assert short in text


def test_all_fonts_are_embedded_truetype(pdf):
    reader = PdfReader(pdf)
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            assert font["/Subtype"] == "/TrueType"
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert any("DejaVuSans" in name for name in seen)  # scripts/system-deps.sh installs it


def test_full_document_hash_on_last_page(texts, priced):
    digest = document_hash(priced)
    assert len(digest) == 64
    assert digest in flat(texts[-1])


def test_section_titles_and_outline(pdf, texts):
    toc = flat(texts[2])
    assert toc.startswith("DAFTAR ISI")
    for title in ("LEMBAR PENGESAHAN", "Rekapitulasi Rencana Anggaran Biaya",
                  "Rincian Rencana Anggaran Biaya", "Back-up Perhitungan Volume",
                  "Analisa Harga Satuan Pekerjaan", "Daftar Harga Satuan Dasar",
                  "Pemeriksaan Pagu BLM"):
        assert title in toc
    # the TOC page numbers point at the pages that carry the heading
    m = re.search(r"Analisa Harga Satuan Pekerjaan[ .]*?(\d+)\b", toc)
    assert m
    assert flat(texts[int(m.group(1)) - 1]).find("Analisa Harga Satuan Pekerjaan") >= 0
    outline = PdfReader(pdf).outline
    top = [entry["/Title"] for entry in outline if not isinstance(entry, list)]
    assert top[:3] == ["Sampul", "LEMBAR PENGESAHAN", "DAFTAR ISI"]
    assert "Paket 1: Perencanaan kawasan prioritas RW 03" in top
    assert "Pemeriksaan Pagu BLM" in top


# -- figures ----------------------------------------------------------------------------

def test_cover_lists_packages_and_total(texts, priced):
    cover = flat(texts[0])
    assert "DOKUMEN TEKNIS PEMBANGUNAN LINGKUNGAN" in cover
    assert "Tahun Anggaran 2025" in cover
    for pp in priced.packages:
        assert format_rupiah(pp.rounded) in cover
    assert "KSM Sejahtera Bersama" in cover
    assert "195.862.000" in cover  # 40.852.000 + 155.010.000
    assert "Seratus sembilan puluh lima juta delapan ratus enam puluh dua ribu rupiah" in cover


def test_rekap_totals_rounding_and_terbilang(alltext, priced):
    for pp in priced.packages:
        rule = pp.package.settings.total_rounding.describe()
        expected = (
            f"JUMLAH (biaya langsung) {format_rupiah(pp.direct)} "
            f"PPN 0% {format_rupiah(pp.ppn)} "
            f"TOTAL (jumlah + PPN) {format_rupiah(pp.total)} "
            f"DIBULATKAN ({rule}) {format_rupiah(pp.rounded)}"
        )
        assert expected in alltext
        words = pp.terbilang[0].upper() + pp.terbilang[1:]
        assert f"Terbilang: {words}" in alltext
    fisik = priced.packages[1]
    assert fisik.direct == Decimal("155010891")
    assert "155.010.891" in alltext and "155.010.000" in alltext
    assert "Seratus lima puluh lima juta sepuluh ribu rupiah" in alltext


def test_every_item_row_reconciles(texts, priced):
    """Parse Volume | Satuan | Harga Satuan | Jumlah Harga back from the rincian pages."""
    row = re.compile(rf"^({NUM},\d+)\n(\S+)\n({NUM}(?:,\d+)?)\n({NUM})$", re.M)
    found = []
    for text in texts:
        if "Rincian Rencana Anggaran Biaya" in text:
            found += row.findall(text)
    expected = [
        (format_number(pi.volume, pp.package.settings.volume_decimals), pi.item.unit,
         pi.rate, pi.amount)
        for pp in priced.packages for pi in pp.items()
    ]
    assert len(found) == len(expected) == 12
    for (vol, unit, rate, amount), (e_vol, e_unit, e_rate, e_amount) in zip(
            found, expected, strict=True):
        assert (vol, unit) == (e_vol, e_unit)
        v, r, a = parse_id(vol), parse_id(rate), parse_id(amount)
        assert (r, a) == (e_rate, e_amount)
        assert (v * r).quantize(Decimal(1), rounding=ROUND_HALF_UP) == a
    # the custom rate with cents is printed with them, and still reconciles
    assert ("4,00", "kali", "1.275.500,50", "5.102.002") in found
    assert ("3,00", "OB", "6.000.000", "18.000.000") in found


def test_rincian_layout_rows(alltext):
    assert "Sub Total I " in alltext and "Sub Total II.2.a" in alltext
    assert "Harga khusus: SBU Kab. Pangandaran 2023" in alltext
    assert "JUMLAH BIAYA LANGSUNG 155.010.891" in alltext


def test_backup_volume(alltext):
    assert "Back-up Perhitungan Volume" in alltext
    assert "1 × 150 m × 2,5 m × 0,1 m 37,5 m3" in alltext
    assert "Dikurangi: Lubang kontrol − (2 × 0,6 m × 0,6 m) −0,72 m2" in alltext
    assert "Jumlah volume 374,28 m2" in alltext
    assert "120 m × 40 cm × 45 cm 21,6 m3" in alltext


def test_analysis_sheets(alltext, priced):
    book = priced.packages[1].package.book
    for code in ("A.2.3.1.1", "A.2.3.1.11", "A.4.1.1.7", "RB.12"):  # incl. sub-analyses
        b = book.compute(code)
        assert f"{code} {b.analysis.name}" in alltext
        assert format_rupiah(b.f) in alltext
    # coefficients as written, never rounded; a quotient to 4 significant digits (issue 9
    # point 7), its full value kept in the file
    assert "Pekerja L.01 OH 0,750 110.000,00 82.500,00" in alltext
    assert "E.01 hari 0,04167 350.000,00" in alltext
    assert "Biaya Umum dan Keuntungan (Overhead & Profit) 15% × D 12.937,50" in alltext
    assert "Harga Satuan Pekerjaan (D + E) 99.187,50" in alltext
    assert ("Harga Satuan Pekerjaan dipakai (dibulatkan ke bawah ke kelipatan 100) 99.100"
            in alltext)
    assert "JUMLAH HARGA TENAGA KERJA 86.250,00" in alltext
    assert "Alat bantu 2% x bahan % 2% 1.134.684,12 22.693,68" in alltext


def test_price_list_with_provenance(alltext):
    assert "Daftar Harga Satuan Dasar Upah, Bahan dan Alat" in alltext
    assert "Perbup Sukoharjo No. 99 Tahun 2024 (contoh uji)" in alltext
    assert "Kabupaten Sukoharjo, Jawa Tengah" in alltext
    assert "SHA-256 berkas sumber tidak diketahui" in alltext
    assert "Semen portland kg 1.860,48" in alltext
    assert "Sewa molen 0,3 m3 hari 350.000" in alltext


def test_price_list_unknown_provenance(tmp_path):
    program = make_program()
    meta = program.packages[1].book.meta
    for name in ("region", "province", "legal_ref", "source_file", "title", "edition"):
        setattr(meta, name, "")
    meta.year = None
    text = flat("\n".join(pages_text(build_dtpl_pdf(price_program(program),
                                                    tmp_path / "u.pdf"))))
    assert "Wilayah tidak diketahui" in text
    assert "Tahun tidak diketahui" in text
    assert "Dasar hukum tidak diketahui" in text


# -- BLM check and DRAFT ----------------------------------------------------------------

def test_blm_check_passes(alltext, texts):
    # component, rounded amount (compared), before rounding, ceiling, remaining, state
    assert "BLM perencanaan 40.852.000 40.852.002 300.000.000 259.148.000 LULUS" in alltext
    assert "BLM fisik 153.510.000 153.510.891 700.000.000 546.490.000 LULUS" in alltext
    assert "Total BLM 194.362.000 194.362.893 1.000.000.000 805.638.000 LULUS" in alltext
    assert "Kesimpulan pemeriksaan: LULUS" in alltext
    assert "TIDAK LULUS" not in alltext
    assert "Ringkasan Program PLP-BK, PNPM Mandiri Perkotaan (2010)" in alltext
    assert "angka yang telah dibulatkan" in alltext
    assert not any("DRAFT" in t for t in texts)


def test_failing_check_prints_draft_on_every_page(failing_priced, tmp_path):
    assert not will_be_draft(price_program(make_program()))
    assert will_be_draft(failing_priced)
    texts = pages_text(build_dtpl_pdf(failing_priced, tmp_path / "f.pdf"))
    assert all("DRAFT" in t for t in texts)
    text = flat("\n".join(texts))
    assert "BLM perencanaan 382.852.000 382.852.002 300.000.000 −82.852.000 MELEBIHI PAGU" in text
    assert "Kesimpulan pemeriksaan: TIDAK LULUS" in text
    assert "Rp 82.852.000 di atas pagu" in text


def test_draft_on_request(priced, tmp_path):
    texts = pages_text(build_dtpl_pdf(priced, tmp_path / "d.pdf", draft=True))
    assert all("DRAFT" in t for t in texts)
    # draft=False cannot hide a failing check
    assert will_be_draft(priced, draft=True)
    assert not will_be_draft(priced, draft=False)


def test_failing_check_cannot_be_printed_final(failing_priced, tmp_path):
    texts = pages_text(build_dtpl_pdf(failing_priced, tmp_path / "f.pdf", draft=False))
    assert all("DRAFT" in t for t in texts)


# -- signatures -------------------------------------------------------------------------

def test_signatories(texts):
    approval = flat(texts[1])
    for text in ("Dibuat oleh,", "Ketua KSM Sejahtera Bersama", "Sri Wahyuni",
                 "Tanggal: 3 Maret 2025", "Diperiksa oleh,", "Disetujui oleh,",
                 "Mengetahui,", "Lurah Dukuh"):
        assert text in approval


def test_default_signature_blocks(tmp_path):
    program = make_program()
    program.signatories = []
    text = flat(pages_text(build_dtpl_pdf(price_program(program), tmp_path / "s.pdf"))[1])
    for role, position in (("Dibuat oleh,", "Ketua KSM"), ("Diperiksa oleh,",
                           "Fasilitator Teknik"), ("Disetujui oleh,", "Koordinator BKM/LKM"),
                           ("Mengetahui,", "Lurah/Kepala Desa")):
        assert f"{role} {position}" in text
    assert text.count("(....") == 4


# -- determinism, hash ------------------------------------------------------------------

def test_same_input_same_bytes(tmp_path):
    # two independent builds of the programme (fresh random node ids)
    a = build_dtpl_pdf(price_program(make_program()), tmp_path / "a.pdf")
    b = build_dtpl_pdf(price_program(make_program()), tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()


def test_hash_follows_priced_content(priced):
    same = price_program(make_program())
    assert document_hash(same) == document_hash(priced)
    program = make_program()
    program.packages[1].book.set_price("L.01", Decimal("111000"))
    assert document_hash(price_program(program)) != document_hash(priced)
    program = make_program()
    program.packages[0].sections[0].children[0].volume = Decimal(4)
    assert document_hash(price_program(program)) != document_hash(priced)


# -- progress, cancellation, atomic write -----------------------------------------------

def test_progress_reports(priced, tmp_path):
    events: list[tuple[int, int, str]] = []
    build_dtpl_pdf(priced, tmp_path / "p.pdf", progress=lambda d, t, s: events.append((d, t, s)))
    done = [d for d, _, _ in events]
    assert done == sorted(done) and len(set(done)) == len(done)
    assert {t for _, t, _ in events} == {100}
    assert events[-1][0] == 100 and events[-1][2] == "Selesai"
    assert len(events) > 5


@pytest.mark.parametrize("after", [0, 3, 40])
def test_cancel_raises_and_leaves_no_file(priced, tmp_path, after):
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > after

    out = tmp_path / "c.pdf"
    with pytest.raises(ReportCancelled):
        build_dtpl_pdf(priced, out, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_existing_file(priced, tmp_path):
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 20

    with pytest.raises(ReportCancelled):
        build_dtpl_pdf(priced, out, cancelled=cancelled)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_overwrites_atomically(priced, tmp_path):
    out = tmp_path / "o.pdf"
    out.write_bytes(b"old")
    build_dtpl_pdf(priced, out)
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["o.pdf"]


def test_missing_folder_raises_oserror(priced, tmp_path):
    with pytest.raises(OSError):
        build_dtpl_pdf(priced, tmp_path / "nope" / "x.pdf")
    assert list(tmp_path.iterdir()) == []


# -- robustness -------------------------------------------------------------------------

def test_item_errors_print_and_force_draft(tmp_path):
    from dtpl_studio.costing.rab import Item

    program = make_program()
    program.packages[1].sections[0].children.append(
        Item("Item tanpa analisa <uji & escape>", "m3", analysis_code="X.9", volume=Decimal(2)))
    priced = price_program(program)
    assert not priced.passed
    texts = pages_text(build_dtpl_pdf(priced, tmp_path / "e.pdf"))
    text = flat("\n".join(texts))
    assert "Item tanpa analisa <uji & escape>" in text
    assert "Kesalahan:" in text
    assert all("DRAFT" in t for t in texts)
    assert "Harga satuan tidak dapat dihitung" in text


def test_ppn_rate_is_printed(tmp_path):
    program = make_program()
    fisik = program.packages[1]
    fisik.settings = replace(fisik.settings, ppn_rate=Decimal("0.11"))
    priced = price_program(program)
    pp = priced.packages[1]
    text = flat("\n".join(pages_text(build_dtpl_pdf(priced, tmp_path / "ppn.pdf"))))
    assert f"PPN 11% {format_rupiah(pp.ppn)}" in text
    assert pp.ppn == Decimal("17051198")


def test_long_coefficient_prints_four_significant_digits_without_mark(alltext):
    """Issue 9 point 7: no ``≈0,041667`` and no footnote with the full value (which stays
    in the file and in the calculation: the amount is 0,04166667 × 350.000)."""
    assert "Sewa molen 0,3 m3 E.01 hari 0,04167 350.000,00 14.583,33" in alltext
    assert "≈" not in alltext
    assert "0,04166667" not in alltext
    assert "4 angka bermakna" in alltext


def test_characters_missing_from_the_font_are_substituted(tmp_path):
    from dtpl_studio.costing.rab import Item

    program = make_program()
    program.packages[1].sections[0].children.append(
        Item("Besi φ10 mm, air 5 ℓ, Σ ⌀ 50 ∅, gudang 漢", "ls", custom_rate=Decimal(1000),
             custom_reason="uji", volume=Decimal(1)))
    text = flat("\n".join(pages_text(build_dtpl_pdf(price_program(program), tmp_path / "g.pdf"))))
    assert "Besi φ10 mm, air 5 ℓ, Σ ⌀ 50 ∅, gudang ?" in text
    # the character the font lacks is a finding, with its code point and what was printed
    assert "U+6F22" in text and "dicetak sebagai “?”" in text


def test_programme_without_packages_or_analyses(tmp_path):
    program = make_program()
    program.packages = program.packages[:1]  # only custom rates: no analysis, no book used
    priced = price_program(program)
    text = flat("\n".join(pages_text(build_dtpl_pdf(priced, tmp_path / "p.pdf"))))
    assert "Tidak ada item RAB yang memakai analisa harga satuan" in text
    assert "Tidak ada harga satuan dasar yang dipakai" in text
    program.packages = []
    priced = price_program(program)
    texts = pages_text(build_dtpl_pdf(priced, tmp_path / "e.pdf"))
    assert "Pemeriksaan Pagu BLM" in flat("\n".join(texts))


# -- negative totals, PPN zero, deductions, price-list count ----------------------------

def replace_packages(program, packages):
    """A copy of ``program`` holding only ``packages``."""
    import dataclasses

    return dataclasses.replace(program, packages=list(packages))


def _negative_program(*, with_other_packages: bool) -> tuple:
    """A fisik package whose deductions exceed the works (total Rp −200.000, PPN 0 %)."""
    from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Section

    program = make_program()
    book = program.packages[1].book
    negative = Package(
        name="Pembongkaran tutup bak kontrol", component=program.packages[1].component,
        book=book, ksm="KSM Sejahtera Bersama",
        sections=[Section("PEKERJAAN PENGURANGAN", [
            Item("Pelat tutup bak", "m2", custom_rate=Decimal(100_000), custom_reason="uji",
                 measurements=[
                     Measurement("Dikurangi tutup bak", [Factor("p", Decimal(2), "m"),
                                                         Factor("l", Decimal(1), "m")],
                                 sign=-1),
                     Measurement("dikurangi: lubang kontrol", [Factor("p", Decimal(1), "m"),
                                                                Factor("l", Decimal(1), "m")],
                                 sign=-1),
                     Measurement("Lantai kerja", [Factor("p", Decimal(1), "m"),
                                                  Factor("l", Decimal(1), "m")]),
                 ]),
        ])],
    )
    program.packages = [*program.packages, negative] if with_other_packages else [negative]
    return program, price_program(program)


def test_deductions_above_the_work_print_the_item_in_error_and_zero(tmp_path):
    """Issue 5 (fix5): an item whose deductions exceed its work is in error and priced 0;
    the package never goes below 0 and no rupiah figure prints negative."""
    program, priced = _negative_program(with_other_packages=False)
    pp = priced.packages[0]
    item = next(pp.items())
    assert item.error and item.amount == 0 and item.volume is None
    assert pp.rounded == 0 and not pp.terbilang.startswith("minus ")
    assert not any(f.code == "negative-total" for f in pp.findings)
    assert any(f.code == "negative-volume" for f in pp.findings)
    texts = pages_text(build_dtpl_pdf(priced, tmp_path / "neg.pdf"))
    text = flat("\n".join(texts))
    assert "−200.000" not in text and "Minus" not in text
    assert "Kesalahan: volume negatif -2: pengurangan melebihi pekerjaan" in text
    assert all("DRAFT" in t for t in texts)


def test_an_item_in_error_leaves_the_programme_total_of_the_others(tmp_path):
    program, priced = _negative_program(with_other_packages=True)
    program.packages[-1].sections[0].children[0].custom_rate = Decimal(100_000_000)
    priced = price_program(program)
    total = sum(pp.rounded for pp in priced.packages)
    assert priced.packages[-1].rounded == 0
    assert total == sum(pp.rounded for pp in price_program(
        replace_packages(program, program.packages[:-1])).packages)
    cover = flat(pages_text(build_dtpl_pdf(priced, tmp_path / "negp.pdf"))[0])
    assert format_rupiah(total) in cover
    assert "Minus" not in cover and "DRAFT" in cover


def test_ppn_zero_never_prints_minus_zero(tmp_path):
    _, priced = _negative_program(with_other_packages=False)
    pp = priced.packages[0]
    assert pp.ppn == 0
    text = flat("\n".join(pages_text(build_dtpl_pdf(priced, tmp_path / "ppn0.pdf"))))
    assert "PPN 0% 0 TOTAL" in text
    assert "-0" not in text and "−0 " not in text


def test_deduction_prefix_is_not_doubled(tmp_path):
    _, priced = _negative_program(with_other_packages=False)
    text = flat("\n".join(pages_text(build_dtpl_pdf(priced, tmp_path / "ded.pdf"))))
    assert "Dikurangi tutup bak − (2 m × 1 m) −2 m2" in text
    assert "dikurangi: lubang kontrol − (1 m × 1 m) −1 m2" in text
    assert "Dikurangi: Dikurangi" not in text and "Dikurangi: dikurangi" not in text
    assert "Lantai kerja 1 m × 1 m 1 m2" in text


def test_deduction_prefix_added_once(alltext):
    assert "Dikurangi: Lubang kontrol" in alltext
    assert "Dikurangi: Dikurangi" not in alltext


def test_price_list_counts_prices_used_by_the_analyses(alltext):
    assert "Dicantumkan 10 harga satuan dasar yang dipakai analisa Paket 2." in alltext
    assert " dari " not in alltext.split("Dicantumkan", 1)[1].split(".", 1)[0]


def test_item_errors_make_the_verdict_not_valid_yet(tmp_path):
    program = make_program()
    item = next(program.packages[-1].items())
    item.analysis_code, item.custom_rate, item.rate_override = "NOT-IN-BOOK", None, None
    priced = price_program(program)
    assert all(c.passed for c in priced.checks) and not priced.passed
    text = flat("\n".join(pages_text(build_dtpl_pdf(priced, tmp_path / "e.pdf"))))
    assert "Kesimpulan pemeriksaan: BELUM SAH" in text
    assert "Kesimpulan pemeriksaan: LULUS" not in text
    assert "BLM fisik" in text and " LULUS " not in text.split("Kesimpulan pemeriksaan", 1)[1]


def test_hspk_item_prints_its_unit_price_without_a_made_up_breakdown(tmp_path):
    """An HSPK work item (issue 8): priced in the RAB by its code; its analysis sheet says
    'Harga satuan HSPK, tanpa rincian' with the decree's price, no A/B/C table."""
    from dtpl_studio.costing.pricebook import hspk_item
    from dtpl_studio.costing.rab import Item

    program = make_program()
    fisik = program.packages[1]
    fisik.book.put_analysis(hspk_item("1.1.1.5", "Pembuatan 1 m2 Pagar BRC Galvanis", "m2", Decimal(20770),
                                      source_ref="hspk_2025_Kab_Boyolali.json | rekaman 5 (1.1.1.5)"))
    fisik.sections[0].children.append(Item("Pagar BRC", "m2", analysis_code="1.1.1.5", volume=Decimal(10)))
    text = flat("\n".join(pages_text(build_dtpl_pdf(price_program(program), tmp_path / "h.pdf"))))
    assert "Pagar BRC 1.1.1.5 10,00 m2 20.770 207.700" in text  # the RAB row
    at = text.index("Satuan pekerjaan: m2 · Dipakai pada: Paket 2: I.3")
    sheet = text[at:text.index("A.2.3.1.1 Penggalian", at)]
    assert "Harga satuan HSPK, tanpa rincian: Rp 20.770 per m2." in sheet
    assert "TENAGA" not in sheet and "BAHAN" not in sheet and "No Uraian" not in sheet
    # the rekap kebutuhan lists it among the items not broken down
    assert "I.3 Pagar BRC harga satuan HSPK, tanpa rincian" in text
