"""A small, hand-made price book and PLP-BK programme for the GUI tests.

Coefficients are the 2016-era values of DOMAIN.md §2.3 (Tegal 2017 / SNI 2008) and the
prices the Kab. Pangandaran 2023 figures of DOMAIN.md §3; the kelurahan is fictional.
"""

from __future__ import annotations

from decimal import Decimal as D

from dtpl_studio.costing.funding import Component, FundingSource, SectionKind, Termin
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
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Program, Section

L, M, E = ResourceKind.LABOUR, ResourceKind.MATERIAL, ResourceKind.EQUIPMENT


def _line(kind: LineKind, ref: str, coefficient: str, unit: str = "") -> AnalysisLine:
    return AnalysisLine(kind, ref, D(coefficient), unit)


def build_sample_book() -> PriceBook:
    """Eight resources and six analyses (one with a sub-analysis, one with % of material)."""
    meta = PriceBookMeta(
        region="Kab. Contoh", province="Jawa Barat", year=2023, edition="uji 1",
        rate_rounding=RoundingRule(D(100), RoundingMode.DOWN), default_overhead_pct=D("0.15"),
        title="Buku harga uji GUI", status="published",
    )
    book = PriceBook(meta)
    for key, name, kind, unit, price in [
        ("L.01", "Pekerja", L, "OH", "90000"),
        ("L.02", "Tukang batu", L, "OH", "105000"),
        ("L.03", "Kepala tukang", L, "OH", "115000"),
        ("L.04", "Mandor", L, "OH", "115000"),
        ("M.PC", "Semen portland", M, "kg", "1744"),
        ("M.PP", "Pasir pasang", M, "m3", "217444"),
        ("M.PU", "Pasir urug", M, "m3", "137210"),
        ("M.BB", "Batu belah 15/20", M, "m3", "203490"),
    ]:
        book.add_resource(Resource(key, name, kind, unit, D(price)))
    lab = LineKind.LABOUR
    mat = LineKind.MATERIAL
    analyses = [
        Analysis("A.2.3.1.1", "Penggalian 1 m3 tanah biasa sedalam 1 m", "m3", [
            _line(lab, "L.01", "0.750"), _line(lab, "L.04", "0.025")]),
        Analysis("A.2.3.1.11", "Pengurugan 1 m3 pasir urug", "m3", [
            _line(lab, "L.01", "0.300"), _line(lab, "L.04", "0.010"), _line(mat, "M.PU", "1.200")]),
        Analysis("A.3.2.1.6", "Pemasangan 1 m3 fondasi batu belah campuran 1SP : 4PP", "m3", [
            _line(lab, "L.01", "1.500"), _line(lab, "L.02", "0.750"), _line(lab, "L.03", "0.075"),
            _line(lab, "L.04", "0.075"), _line(mat, "M.BB", "1.200"), _line(mat, "M.PC", "163"),
            _line(mat, "M.PP", "0.520")]),
        Analysis("A.4.4.2.4", "Pemasangan 1 m2 plesteran 1SP : 4PP tebal 15 mm", "m2", [
            _line(lab, "L.01", "0.300"), _line(lab, "L.02", "0.150"), _line(lab, "L.03", "0.015"),
            _line(lab, "L.04", "0.015"), _line(mat, "M.PC", "6.240"), _line(mat, "M.PP", "0.024"),
            AnalysisLine(LineKind.PCT_OF_MATERIAL, "", D("0.05"), description="Peralatan 5% (bahan)")]),
        Analysis("A.4.4.2.27", "Pekerjaan 1 m2 acian", "m2", [
            _line(lab, "L.01", "0.200"), _line(lab, "L.02", "0.100"), _line(lab, "L.03", "0.010"),
            _line(lab, "L.04", "0.010"), _line(mat, "M.PC", "3.250")]),
        Analysis("X.1", "Plesteran dan acian 1 m2 dinding saluran (gabungan)", "m2", [
            AnalysisLine(LineKind.SUB_ANALYSIS, "A.4.4.2.4", D(1), "m2"),
            AnalysisLine(LineKind.SUB_ANALYSIS, "A.4.4.2.27", D(1), "m2")]),
    ]
    for analysis in analyses:
        book.put_analysis(analysis)
    return book


def _m(description: str, *factors: tuple[str, str, str], sign: int = 1) -> Measurement:
    return Measurement(description, [Factor(lbl, D(v), u) for lbl, v, u in factors], sign)


def build_sample_program(book: PriceBook) -> Program:
    """Planning (custom rates, Rp 100 juta) + a physical package with measured items."""
    planning = Package(
        "Dukungan Perencanaan", Component.PERENCANAAN, book.subset(set()),
        sections=[Section("TENAGA AHLI", kind=SectionKind.TENAGA_AHLI, children=[
            Item("Tenaga ahli perencana", "OB", custom_rate=D(6_000_000), custom_reason="SBU",
                 volume=D(6)),
            Item("Penyusunan DED", "ls", custom_rate=D(64_000_000), custom_reason="penawaran",
                 volume=D(1)),
        ])],
    )
    galian = Item("Galian tanah saluran", "m3", analysis_code="A.2.3.1.1", measurements=[
        _m("Galian saluran", ("p", "100", "m"), ("l", "0.9", "m"), ("t", "0.55", "m")),
    ])
    urug = Item("Urugan pasir bawah pondasi", "m3", analysis_code="A.2.3.1.11", volume=D("4.5"))
    fondasi = Item("Pasangan batu belah 1SP:4PP", "m3", analysis_code="A.3.2.1.6", measurements=[
        _m("Dinding kiri-kanan", ("n", "2", ""), ("p", "100", "m"), ("l", "0.25", "m"), ("t", "0.40", "m")),
        _m("Lubang pipa", ("n", "4", ""), ("p", "0.25", "m"), ("l", "0.25", "m"), ("t", "0.40", "m"), sign=-1),
    ])
    papan = Item("Papan nama kegiatan", "bh", custom_rate=D(450_000), custom_reason="harga pasar",
                 volume=D(1), funding=FundingSource.SWADAYA)
    sections = [
        Section("PEKERJAAN PERSIAPAN", [papan]),
        Section("PEKERJAAN TANAH", [galian, urug]),
        Section("PEKERJAAN SALURAN", [fondasi]),
    ]
    codes = {i.analysis_code for s in sections for i in s.items() if i.analysis_code}
    # no KSM: the sample book's E of 15 % would be a KSM-swakelola warning, and the GUI tests
    # start from a programme without findings
    physical = Package("Saluran RT 03", Component.FISIK, book.subset(codes), sections=sections)
    # the book is a published edition of the kelurahan's own region and year: a clean price basis
    return Program("Sukamaju", kota="Kab. Contoh", fiscal_year=2023, packages=[planning, physical],
                   termins=[Termin(D(60), "Progres fisik 50%"), Termin(D(40), "Progres fisik 100%")])
