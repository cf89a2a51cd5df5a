"""Fixtures for the DTPL PDF tests: a tiny price book and a PLP-BK programme.

Everything is built from the costing dataclasses (no storage, no spreadsheets), so the
tests exercise only ``dtpl_studio.reporting`` over the one calculation path
(:func:`dtpl_studio.costing.rab.price_program`). Prices are illustrative, in the range of
DOMAIN.md §3 (wages Rp 90–150 rb/OH, Pangandaran 2023 materials, SBU tenaga ahli
Rp 6.000.000/OB, DOMAIN.md §6).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from dtpl_studio.costing.funding import Component, FundingSource
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    PackageSettings,
    PricedProgram,
    Program,
    Section,
    Signatory,
    price_program,
)

D = Decimal


def make_book() -> PriceBook:
    """Four wages, five materials, one rental; four analyses, one of them nested."""
    book = PriceBook(
        PriceBookMeta(
            region="Kabupaten Sukoharjo",
            province="Jawa Tengah",
            year=2025,
            edition="Edisi 1",
            legal_ref="Perbup Sukoharjo No. 99 Tahun 2024 (contoh uji)",
            effective_date="2025-01-02",
            source_file="hsd-sukoharjo-2025.xlsx",
            title="HSD dan AHSP Kabupaten Sukoharjo 2025",
            status="published",
            rate_rounding=RoundingRule(D(100), RoundingMode.DOWN),
            default_overhead_pct=D("0.10"),
        )
    )
    lab, mat, eq = ResourceKind.LABOUR, ResourceKind.MATERIAL, ResourceKind.EQUIPMENT
    for key, name, kind, unit, price in [
        ("L.01", "Pekerja", lab, "OH", "110000"),
        ("L.02", "Tukang batu", lab, "OH", "130000"),
        ("L.03", "Kepala tukang", lab, "OH", "145000"),
        ("L.04", "Mandor", lab, "OH", "150000"),
        ("M.01", "Semen portland", mat, "kg", "1860.48"),
        ("M.02", "Pasir beton", mat, "m3", "313956"),
        ("M.03", "Batu pecah mesin 2/3", mat, "m3", "357000"),
        ("M.04", "Air kerja", mat, "liter", "50"),
        ("M.05", "Pasir urug", mat, "m3", "137210"),
        ("E.01", "Sewa molen 0,3 m3", eq, "hari", "350000"),
    ]:
        book.add_resource(Resource(key, name, kind, unit, D(price), code=key,
                                   source_ref=f"HSD!{key}"))
    L = LineKind
    book.put_analysis(Analysis("A.2.3.1.1", "Penggalian 1 m3 tanah biasa sedalam 1 m", "m3", [
        AnalysisLine(L.LABOUR, "L.01", D("0.750")),
        AnalysisLine(L.LABOUR, "L.04", D("0.025")),
    ], overhead_pct=D("0.15"), code_scheme="permen-11-2013"))
    book.put_analysis(Analysis("A.2.3.1.11", "Pengurugan 1 m3 dengan pasir urug", "m3", [
        AnalysisLine(L.LABOUR, "L.01", D("0.300")),
        AnalysisLine(L.LABOUR, "L.04", D("0.010")),
        AnalysisLine(L.MATERIAL, "M.05", D("1.200")),
    ]))
    book.put_analysis(Analysis("A.4.1.1.7", "Membuat 1 m3 beton mutu f'c = 19,3 MPa (K-225), "
                               "slump (12 ± 2) cm, w/c = 0,58", "m3", [
        AnalysisLine(L.LABOUR, "L.01", D("1.650")),
        AnalysisLine(L.LABOUR, "L.02", D("0.275")),
        AnalysisLine(L.LABOUR, "L.03", D("0.028")),
        AnalysisLine(L.LABOUR, "L.04", D("0.083")),
        AnalysisLine(L.MATERIAL, "M.01", D("371")),
        AnalysisLine(L.MATERIAL, "M.02", D("0.499")),
        AnalysisLine(L.MATERIAL, "M.03", D("0.776")),
        AnalysisLine(L.MATERIAL, "M.04", D("215")),
        AnalysisLine(L.EQUIPMENT, "E.01", D("0.04166667")),
        AnalysisLine(L.PCT_OF_MATERIAL, "", D("0.02"), description="Alat bantu 2% x bahan"),
    ]))
    book.put_analysis(Analysis("RB.12", "Rabat beton jalan lingkungan tebal 12 cm "
                               "di atas pasir urug 5 cm", "m2", [
        AnalysisLine(L.SUB_ANALYSIS, "A.4.1.1.7", D("0.12")),
        AnalysisLine(L.SUB_ANALYSIS, "A.2.3.1.11", D("0.05")),
        AnalysisLine(L.LABOUR, "L.01", D("0.0333")),
    ], overhead_pct=D("0")))
    return book


def _m(desc: str, *factors: tuple[str, str, str], sign: int = 1) -> Measurement:
    return Measurement(desc, [Factor(lbl, D(v), u) for lbl, v, u in factors], sign=sign)


def make_program(*, planning_experts: int = 3) -> Program:
    """A PLP-BK programme: one perencanaan package (custom rates) and one fisik package."""
    book = make_book()
    perencanaan = Package(
        name="Perencanaan kawasan prioritas RW 03",
        component=Component.PERENCANAAN,
        book=book,
        ksm="TIPP Kelurahan Dukuh",
        location="Kelurahan Dukuh",
        sections=[
            Section("TENAGA AHLI PENDAMPING", [
                Item("Tenaga ahli perencana kawasan (S1, pengalaman 1-4 tahun)", "OB",
                     custom_rate=D(6_000_000), custom_reason="SBU Kab. Pangandaran 2023",
                     volume=D(planning_experts)),
                Item("Asisten tenaga ahli", "OB", custom_rate=D(3_500_000),
                     custom_reason="SBU Kab. Pangandaran 2023", volume=D(3)),
            ]),
            Section("PENINGKATAN KAPASITAS DAN PEMASARAN RENCANA", [
                Item("Pelatihan KSM dan TIPP", "ls", custom_rate=D(7_250_000),
                     custom_reason="Tiga penawaran", volume=D(1)),
                Item("Rembug warga dan pameran rencana", "kali", custom_rate=D("1275500.50"),
                     custom_reason="Survei harga", volume=D(4)),
            ]),
        ],
    )
    fisik = Package(
        name="Rabat beton jalan lingkungan dan saluran RW 03",
        component=Component.FISIK,
        book=book,
        ksm="KSM Sejahtera Bersama",
        location="RW 03, Kelurahan Dukuh",
        settings=PackageSettings(volume_decimals=2),
        sections=[
            Section("PEKERJAAN PERSIAPAN", [
                Item("Pembersihan lokasi dan pengukuran", "ls", custom_rate=D(1_500_000),
                     custom_reason="Survei harga", volume=D(1), funding=FundingSource.SWADAYA),
                Item("Papan nama kegiatan", "bh", custom_rate=D(750_000),
                     custom_reason="Survei harga", volume=D(1)),
            ]),
            Section("PEKERJAAN JALAN", [
                Section("Rabat beton Gang Melati", [
                    Item("Galian tanah untuk badan jalan", "m3", analysis_code="A.2.3.1.1",
                         measurements=[_m("Badan jalan", ("n", "1", ""), ("p", "150", "m"),
                                          ("l", "2.5", "m"), ("t", "0.10", "m"))]),
                    Item("Rabat beton t = 12 cm di atas pasir urug 5 cm, termasuk "
                         "bekisting tepi dan perawatan beton selama 7 hari", "m2",
                         analysis_code="RB.12",
                         measurements=[
                             _m("Badan jalan", ("p", "150", "m"), ("l", "2.5", "m")),
                             _m("Lubang kontrol", ("n", "2", ""), ("p", "0.6", "m"),
                                ("l", "0.6", "m"), sign=-1),
                         ]),
                ]),
                Section("Rabat beton Gang Mawar", [
                    Section("Ruas utara", [
                        Item("Rabat beton t = 12 cm", "m2", analysis_code="RB.12",
                             measurements=[_m("Ruas utara", ("p", "87.5", "m"),
                                              ("l", "2", "m"))]),
                    ]),
                    Section("Ruas selatan", [
                        Item("Rabat beton t = 12 cm", "m2", analysis_code="RB.12",
                             volume=D("64.333")),
                    ]),
                ]),
            ]),
            Section("PEKERJAAN SALURAN", [
                Item("Galian tanah saluran", "m3", analysis_code="A.2.3.1.1",
                     measurements=[_m("Saluran kiri", ("p", "120", "m"), ("l", "40", "cm"),
                                      ("t", "45", "cm"))]),
                Item("Beton saluran K-225", "m3", analysis_code="A.4.1.1.7",
                     measurements=[
                         _m("Dinding", ("n", "2", ""), ("p", "120", "m"), ("l", "0.1", "m"),
                            ("t", "0.45", "m")),
                         _m("Lantai", ("p", "120", "m"), ("l", "0.5", "m"), ("t", "0.08", "m")),
                     ]),
            ]),
        ],
    )
    return Program(
        kelurahan="Dukuh",
        kecamatan="Sukoharjo",
        kota="Kabupaten Sukoharjo",
        provinsi="Jawa Tengah",
        fiscal_year=2025,
        bkm="BKM Dukuh Makmur",
        title="Penataan Lingkungan Kawasan Prioritas RW 03",
        packages=[perencanaan, fisik],
        signatories=[
            Signatory("Dibuat oleh", "Sri Wahyuni", "Ketua KSM Sejahtera Bersama", "3 Maret 2025"),
            Signatory("Diperiksa oleh", "Ir. Budi Santoso", "Fasilitator Teknik"),
            Signatory("Disetujui oleh", "Hadi Purnomo", "Koordinator BKM Dukuh Makmur"),
            Signatory("Mengetahui", "Drs. Agus Riyanto", "Lurah Dukuh"),
        ],
    )


@pytest.fixture
def program() -> Program:
    """The passing PLP-BK programme."""
    return make_program()


@pytest.fixture
def priced(program: Program) -> PricedProgram:
    """The passing programme, priced."""
    return price_program(program)


@pytest.fixture
def failing_priced() -> PricedProgram:
    """60 OB of tenaga ahli: Rp 360 juta planning, over the Rp 300 juta ceiling."""
    return price_program(make_program(planning_experts=60))
