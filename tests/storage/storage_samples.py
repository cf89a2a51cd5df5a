"""Sample data for the storage tests (fixtures in conftest.py).

A small but complete program built from the costing dataclasses, and comparison helpers.

The price book has three resources and two analyses, one used as a sub-analysis of the
other with the long coefficient of a mortar line (0.04397142857142857142857142857 m3 per m2,
DOMAIN.md §2.2 "coefficients are never rounded"). The program has two packages sharing that
book, a section tree three levels deep with sections and items mixed, measurement lines with
units and a deduction, a custom-rate item, a rate override, signatories and its own ceilings.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from dtpl_studio.costing.funding import Component, FundingRule, FundingSource
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
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
    Program,
    Section,
    Signatory,
    price_program,
)

D = Decimal
MORTAR_COEFFICIENT = D("0.04397142857142857142857142857")


def make_book(status: str = "draft") -> PriceBook:
    """Three resources, a mortar analysis and a plastering analysis that uses it."""
    book = PriceBook(PriceBookMeta(
        region="Kota Contoh", province="Jawa Tengah", year=2025, edition="2025-1",
        kind=BookKind.AHSP_HSD, legal_ref="Perwal No. 12 Tahun 2025", effective_date="2025-01-02",
        source_file="ahsp-contoh.xlsx", source_sha256="ab" * 32, status=status,
        rate_rounding=RoundingRule(D(100), RoundingMode.DOWN), default_overhead_pct=D("0.10"),
        title="AHSP Kota Contoh 2025", note="uji",
    ))
    book.add_resource(Resource("Pekerja", "Pekerja", ResourceKind.LABOUR, "OH", D("120000.00"),
                               code="L.01", source_ref="Upah!C5", raw_unit="OH"))
    book.add_resource(Resource("Semen", "Semen Portland", ResourceKind.MATERIAL, "kg", D("1650.5"),
                               code="M.15", source_ref="Bahan!C9", raw_unit="Kg", note="zak 50 kg"))
    book.add_resource(Resource("Pasir", "Pasir pasang", ResourceKind.MATERIAL, "m3", D("285000"),
                               code="M.14", source_ref="Bahan!C8", raw_unit="M3"))
    book.put_analysis(Analysis(
        code="A.2.2.1.4", name="1 m3 adukan 1 PC : 4 PP", unit="m3", code_scheme="permen-28-2016",
        lines=[
            AnalysisLine(LineKind.LABOUR, "Pekerja", D("1.2"), "OH", source_ref="A!F10"),
            AnalysisLine(LineKind.MATERIAL, "Semen", D("325"), "kg"),
            AnalysisLine(LineKind.MATERIAL, "Pasir", D("1.090"), "m3"),
        ],
    ))
    book.put_analysis(Analysis(
        code="A.4.4.2.4", name="1 m2 plesteran 1 PC : 4 PP tebal 15 mm", unit="m2",
        overhead_pct=D("0.15"), code_scheme="permen-28-2016", chapter="Plesteran",
        source_ref="AHSP.xlsx | Plester!C4", method="manual", note="sub-analisis adukan",
        lines=[
            AnalysisLine(LineKind.LABOUR, "Pekerja", D("0.3"), "OH"),
            AnalysisLine(LineKind.SUB_ANALYSIS, "A.2.2.1.4", MORTAR_COEFFICIENT, "m3",
                         description="Adukan 1:4", group=ResourceKind.MATERIAL),
            AnalysisLine(LineKind.PCT_OF_MATERIAL, "", D("0.02"), "%",
                         description="Peralatan 2% bahan"),
            AnalysisLine(LineKind.MATERIAL, "Paku", D("0.1"), "kg", price_override=D("25000")),
        ],
    ))
    return book


def make_program() -> Program:
    """Two packages on one shared book, nested sections, measurements, custom rate, override."""
    book = make_book()
    road = Item(
        "Plesteran dinding saluran", "m2", analysis_code="A.4.4.2.4",
        measurements=[
            Measurement("Dinding kiri", [Factor("n", D(2)), Factor("p", D("150"), "m"),
                                         Factor("t", D("0.60"), "m")]),
            Measurement("Dinding kanan (cm)", [Factor("p", D("150"), "m"), Factor("t", D("45"), "cm")]),
            Measurement("Dikurangi lubang inlet", [Factor("n", D(4)), Factor("p", D("0.5"), "m"),
                                                   Factor("t", D("0.5"), "m")], sign=-1),
        ],
        funding=FundingSource.BLM,
    )
    mortar = Item("Adukan untuk perbaikan", "m3", analysis_code="A.2.2.1.4", volume=D("1.255"),
                  funding=FundingSource.SWADAYA)
    override = Item("Plesteran (harga disepakati)", "m2", analysis_code="A.4.4.2.4", volume=D("10"),
                    rate_override=D("95000"), override_reason="harga musyawarah KSM")
    custom = Item("Papan nama kegiatan", "ls", custom_rate=D("350000.00"),
                  custom_reason="harga toko setempat", volume=D(1), note="sesuai contoh")
    fisik = Package(
        name="Saluran drainase RT 03", component=Component.FISIK, book=book, ksm="KSM Maju",
        location="RT 03 / RW 02", description="Saluran pasangan batu",
        settings=PackageSettings(volume_decimals=2, ppn_rate=D("0.11"), ppn_label="PPN 11%",
                                 total_rounding=RoundingRule(D(1000), RoundingMode.DOWN)),
        sections=[
            Section("Pekerjaan persiapan", [custom]),
            Section("Pekerjaan saluran", [
                Section("Dinding", [road, Section("Perbaikan", [mortar])]),
                override,
                Section("Kosong"),
            ]),
        ],
    )
    planning = Package(
        name="Perencanaan kawasan", component=Component.PERENCANAAN, book=book,
        settings=PackageSettings(volume_decimals=3, total_rounding=RoundingRule(D(100), RoundingMode.HALF_UP)),
        sections=[Section("Survei", [Item("Survei lapangan", "OH", custom_rate=D("150000"),
                                          custom_reason="upah tenaga ahli", volume=D("12.5"),
                                          funding=FundingSource.APBD)])],
    )
    return Program(
        kelurahan="Sukamaju", kecamatan="Cibeunying", kota="Kota Contoh", provinsi="Jawa Tengah",
        fiscal_year=2025, bkm="BKM Sukamaju Sejahtera", blm_allocation=D("950000000"),
        rules=[
            FundingRule("PLP-BK", Component.PERENCANAAN, D(300_000_000), "uji", note="a"),
            FundingRule("PLP-BK", Component.FISIK, D("700000000.00"), "uji"),
            FundingRule("PLP-BK", Component.TOTAL, D(1_000_000_000), "uji"),
        ],
        packages=[fisik, planning],
        signatories=[Signatory("Dibuat oleh", "Ani", "Ketua KSM", "2025-03-01"),
                     Signatory("Disetujui", "Budi", "Koordinator BKM")],
        title="DTPL Kelurahan Sukamaju",
    )


def snapshot(program: Program) -> str:
    """``repr`` of the program with books replaced by their content: Decimal exponents,
    ids, order and every field count (``Decimal('1.50')`` differs from ``Decimal('1.5')``)."""
    def book_state(book: PriceBook) -> tuple:
        return (book.meta, list(book.resources.items()), list(book.analyses.items()))

    packages = [(dataclasses.replace(p, book=None), book_state(p.book)) for p in program.packages]
    return repr((dataclasses.replace(program, packages=[]), packages))


def priced_figures(program: Program) -> list[tuple]:
    """Every figure price_program makes: per package totals and every printed row."""
    priced = price_program(program)
    out: list[tuple] = [tuple(sorted((c.value, str(v)) for c, v in priced.blm_by_component.items()))]
    out += [(c.component.value, str(c.amount), str(c.ceiling), c.passed) for c in priced.checks]
    for pp in priced.packages:
        out.append((pp.package.name, str(pp.direct), str(pp.ppn), str(pp.total), str(pp.rounded),
                    pp.terbilang, tuple(sorted((k.value, str(v)) for k, v in pp.by_source.items()))))
        out += [(it.number, str(it.volume_exact), str(it.volume), str(it.rate), str(it.amount), it.error)
                for it in pp.items()]
    return out
