"""The demo project: a PLP-BK kelurahan programme priced from the shipped book.

Built by code from the book (never hand-edited data), so it always prices with the
analyses and prices that ship in ``unit_prices/``. The kelurahan is fictional; the
quantities are those of a typical PLP-BK physical package: a rabat-beton neighbourhood road
150 m × 2,5 m × 12 cm on a 5 cm sand bed, with a stone-masonry side drain along it
(inside 30 × 40 cm), plus the planning component (tenaga ahli, rembug warga, DED).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from dtpl_studio.costing.data_umum import PackageData, ProgramData
from dtpl_studio.costing.funding import Component, FundingShare, FundingSource, SectionKind, Termin
from dtpl_studio.costing.pricebook import Analysis, PriceBook
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    PackageSettings,
    Program,
    Section,
    Signatory,
)
from dtpl_studio.errors import DtplError

#: The demo's recorded price basis: the shipped book has no region, no price-list date and is
#: not a published regional edition, so the BLM verdict refuses it unless a reason is stated
#: (issue 6 point 5). A real project uses its kab/kota's published HSPK/SSH instead.
DEMO_PRICE_BASIS = (
    "Buku harga contoh: AHSP Cipta Karya 2023 (Permen PUPR No. 8/2023) tanpa wilayah dan "
    "belum diterbitkan sebagai edisi daerah, dipakai untuk demo"
)

#: A termin plan for the demo. The PNPM-MP/PLP-BK percentages and triggers could not be
#: verified (DOMAIN.md §4.5): these are example values, editable per project.
DEMO_TERMINS = (
    Termin(Decimal(40), "Rencana kerja KSM disetujui BKM dan rekening KSM dibuka"),
    Termin(Decimal(40), "Progres fisik 50% dan LPJ termin I diterima"),
    Termin(Decimal(20), "Progres fisik 100% dan LPJ termin II diterima"),
)


#: Data umum of the demo's physical package (fictional, plausible for a RW in Central Java:
#: coordinates near Semarang; about 3,6 people per KK; women about half of the jiwa).
DEMO_PHYSICAL_DATA = PackageData(
    ksm_ketua="Sutrisno",
    rt="03",
    rw="05",
    latitude=Decimal("-7.0123"),
    longitude=Decimal("110.4187"),
    kk=86,
    jiwa=312,
    kk_miskin=27,
    perempuan=158,
    kondisi=("Jalan lingkungan RT 03/RW 05 sepanjang 150 m masih berupa tanah dan sirtu, "
             "berlubang dan becek saat hujan; saluran samping berupa galian tanah tanpa "
             "pasangan, sebagian tertutup sampah dan sedimen."),
    masalah=("Genangan setinggi 10–20 cm setiap hujan lebat merendam jalan dan halaman rumah, "
             "akses warga (termasuk anak sekolah dan lansia) terganggu, dan air kotor meresap "
             "ke sumur dangkal warga."),
    kpp_nama="KPP Maju Lestari RW 05 (ketua: Slamet Riyadi)",
    kpp_kegiatan=("Kerja bakti membersihkan saluran sebulan sekali, menambal retak rabat beton, "
                  "dan memeriksa saluran setelah hujan lebat"),
    kpp_dana="Iuran warga Rp 2.000 per KK per bulan, dikelola bendahara KPP dan dilaporkan ke BKM",
)

#: Data umum of the demo programme (fictional names).
DEMO_PROGRAM_DATA = ProgramData(
    bkm_ketua="H. Ahmad Fauzi",
    sign_place="Sukamaju",
    sign_date="",
)


class DemoError(DtplError, RuntimeError):
    """The shipped book lacks an analysis the demo needs."""

    default_code = "prices.default_damaged"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())


def find_analysis(book: PriceBook, *phrases: str) -> Analysis:
    """The first analysis (in book order) whose name contains every phrase (case and
    spacing ignored).

    Raises:
        DemoError: none matches.
    """
    wanted = [_fold(p) for p in phrases]
    for analysis in book.analyses.values():
        name = _fold(analysis.name)
        if all(w in name for w in wanted):
            return analysis
    raise DemoError(f"no analysis in the book matches {phrases!r}")


def _m(description: str, *factors: tuple[str, str, str], sign: int = 1) -> Measurement:
    return Measurement(
        description,
        [Factor(label, Decimal(value), unit) for label, value, unit in factors],
        sign=sign,
    )


def _item(book: PriceBook, phrases: tuple[str, ...], measurements: list[Measurement], description: str | None = None) -> Item:
    analysis = find_analysis(book, *phrases)
    return Item(
        description=description or " ".join(analysis.name.split()),
        unit=analysis.unit,
        analysis_code=analysis.code,
        measurements=measurements,
    )


def build_physical_package(book: PriceBook) -> Package:
    """Paket fisik: Jalan rabat beton RT 03/RW 05 with its side drain (DESIGN.md §10 item 6)."""
    L = "150"  # road length, m
    # DED inside the physical component ("dapat pula dipergunakan untuk penyiapan DED",
    # plpbk-2010-summary.txt), reported as such
    ded = Section("PENYIAPAN DED", [
        Item("Penyusunan DED dan DTPL kawasan prioritas", "ls", custom_rate=Decimal(25_000_000),
             custom_reason="Penawaran konsultan perencana lokal (paket DED serupa)", volume=Decimal(1)),
    ], kind=SectionKind.DED)
    persiapan = Section("PEKERJAAN PERSIAPAN", [
        _item(book, ("pembersihan dan pengupasan permukaan tanah",), [
            _m("Badan jalan + saluran", ("p", L, "m'"), ("l", "3.40", "m")),
        ], "Pembersihan dan pengupasan permukaan tanah (striping)"),
        _item(book, ("bouwplank",), [
            _m("Patok as jalan dan tepi, tiap 25 m", ("n", "7", ""), ("p", "2.5", "m'")),
            _m("Profil saluran, tiap 25 m", ("n", "7", ""), ("p", "1.0", "m'")),
        ], "Pengukuran dan pemasangan bouwplank"),
        Item(
            "Papan nama kegiatan PLP-BK (rangka kayu, cat, tulisan)", "bh",
            custom_rate=Decimal(450_000),
            custom_reason="Harga pasar 3 toko di kelurahan (survei faskel); tidak ada AHSP untuk papan nama",
            volume=Decimal(1),
        ),
    ])
    tanah = Section("PEKERJAAN TANAH", [
        _item(book, ("penggalian 1 m3 tanah biasa sedalam 0 s.d. 1 m untuk volume s.d. 200 m3",), [
            _m("Kotak jalan (kupasan 10 cm)", ("p", L, "m"), ("l", "2.5", "m"), ("t", "10", "cm")),
            _m("Galian saluran", ("p", L, "m"), ("l", "0.90", "m"), ("t", "0.55", "m")),
        ], "Galian tanah biasa sedalam s.d. 1 m"),
        _item(book, ("urukan pasir uruk untuk volume s.d 200 m3",), [
            _m("Lapis pasir bawah rabat, tebal 5 cm", ("p", L, "m"), ("l", "2.5", "m"), ("t", "5", "cm")),
        ], "Urugan pasir bawah rabat, tebal 5 cm"),
        _item(book, ("urukan kembali galian tanah",), [
            _m("Urugan kembali sisi luar saluran", ("p", L, "m"), ("l", "0.15", "m"), ("t", "0.55", "m")),
        ], "Urugan kembali tanah galian"),
    ])
    badan_jalan = Section("Badan Jalan Rabat Beton", [
        _item(book, ("beton mutu rendah f'c 15 mpa", "secara manual"), [
            _m("Rabat beton 150 × 2,5 × 0,12 m", ("p", L, "m"), ("l", "2.5", "m"), ("t", "12", "cm")),
            _m("Tutup bak kontrol eksisting (tidak dicor ulang)", ("n", "2", ""), ("p", "0.8", "m"), ("l", "0.8", "m"), ("t", "12", "cm"), sign=-1),
        ], "Beton rabat f'c 15 MPa, tebal 12 cm (manual)"),
        _item(book, ("bekisting untuk sloof",), [
            _m("Bekisting tepi kiri dan kanan", ("n", "2", ""), ("p", L, "m"), ("t", "12", "cm")),
        ], "Bekisting tepi rabat (3 kali pakai)"),
    ])
    perawatan = Section("Perawatan Beton", [
        _item(book, ("menyirami 1 m2 permukaan beton",), [
            _m("Permukaan rabat", ("p", L, "m"), ("l", "2.5", "m")),
        ], "Perawatan beton dengan terpal basah 4 hari"),
    ])
    rabat = Section("PEKERJAAN JALAN RABAT BETON", [badan_jalan, perawatan])
    saluran = Section("PEKERJAAN SALURAN SAMPING (DRAINASE)", [
        _item(book, ("pondasi batu belah mortar tipe n", "cara manual"), [
            _m("Dinding saluran kiri-kanan, 25 × 40 cm", ("n", "2", ""), ("p", L, "m"), ("l", "0.25", "m"), ("t", "0.40", "m")),
            _m("Lantai saluran, 90 × 15 cm", ("p", L, "m"), ("l", "0.90", "m"), ("t", "0.15", "m")),
        ], "Pasangan batu belah 1SP : 4PP dinding dan lantai saluran"),
        _item(book, ("plesteran 1sp : 4pp tebal 15 mm",), [
            _m("Dinding dalam", ("n", "2", ""), ("p", L, "m"), ("t", "0.40", "m")),
            _m("Lantai dalam", ("p", L, "m"), ("l", "0.40", "m")),
            _m("Puncak dinding", ("n", "2", ""), ("p", L, "m"), ("l", "0.25", "m")),
        ], "Plesteran 1SP : 4PP tebal 15 mm"),
        _item(book, ("acian",), [
            _m("Dinding dan lantai dalam", ("p", L, "m"), ("l", "1.20", "m")),
        ], "Acian permukaan dalam saluran"),
    ])
    # gotong royong: the labour of the drain's stone masonry is the community's, valued from
    # the book (the labour part A of its analysis); BLM pays the rest
    saluran.children[0].funding_split = [FundingShare(FundingSource.SWADAYA_TENAGA)]
    return Package(
        name="Jalan Rabat Beton dan Saluran RT 03/RW 05",
        component=Component.FISIK,
        book=book.subset(_codes([persiapan, tanah, rabat, saluran])),
        sections=[ded, persiapan, tanah, rabat, saluran],
        ksm="KSM Maju Bersama",
        location="RT 03/RW 05, kawasan prioritas Kel. Sukamaju",
        settings=PackageSettings(),
        description="Jalan lingkungan rabat beton 150 m × 2,5 m dengan saluran samping pasangan batu",
        price_basis_note=DEMO_PRICE_BASIS,
        data=DEMO_PHYSICAL_DATA,
    )


def _codes(sections: list[Section]) -> set[str]:
    return {i.analysis_code for s in sections for i in s.items() if i.analysis_code}


def build_planning_package(book: PriceBook) -> Package:
    """Paket perencanaan: tenaga ahli, participatory planning, DED (custom rates with reasons).

    The planning component pays for (1) tenaga ahli pendamping, (2) capacity building,
    (3) participatory planning, (4) marketing of the plan (``plpbk-2010-summary.txt``).
    Rates follow SBU-style honoraria (DOMAIN.md §6: Tenaga Ahli S1 Rp 6.000.000 per OB).
    """
    sbu = "Tarif SBU Kab. Pangandaran 2023: tenaga ahli S1 pengalaman 1–4 th, Rp 6.000.000 per orang-bulan"
    items_ta = [
        Item("Tenaga ahli perencana kawasan (S1, 1–4 th)", "OB", custom_rate=Decimal(6_000_000), custom_reason=sbu, volume=Decimal(6)),
        Item("Tenaga ahli teknik sipil (S1, 1–4 th)", "OB", custom_rate=Decimal(6_000_000), custom_reason=sbu, volume=Decimal(4)),
    ]
    items_pm = [
        Item("Rembug warga dan FGD perencanaan partisipatif", "kali", custom_rate=Decimal(2_500_000), custom_reason="Survei harga 3 warung: konsumsi 50 orang × Rp 40.000 + alat tulis", volume=Decimal(6)),
        Item("Pelatihan peningkatan kapasitas KSM dan TIPP", "paket", custom_rate=Decimal(12_500_000), custom_reason="SBU Kab. Pangandaran 2023 (honor dan konsumsi); pelatihan 2 hari, 30 peserta", volume=Decimal(2)),
        Item("Pemasaran rencana kawasan (pameran, cetak dokumen)", "ls", custom_rate=Decimal(7_500_000), custom_reason="Penawaran percetakan lokal", volume=Decimal(1)),
    ]
    survei = Item("Survei topografi dan pengukuran kawasan prioritas", "ls", custom_rate=Decimal(18_000_000), custom_reason="Penawaran juru ukur lokal", volume=Decimal(1))
    rembug, pelatihan, pemasaran = items_pm
    sections = [
        Section("TENAGA AHLI PENDAMPING", items_ta, kind=SectionKind.TENAGA_AHLI),
        Section("PENGEMBANGAN KAPASITAS MASYARAKAT", [pelatihan], kind=SectionKind.KAPASITAS),
        Section("PROSES PERENCANAAN PARTISIPATIF", [rembug, survei],
                kind=SectionKind.PROSES_PERENCANAAN),
        Section("PEMASARAN HASIL PERENCANAAN", [pemasaran], kind=SectionKind.PEMASARAN),
    ]
    return Package(
        name="Dukungan Perencanaan Kawasan",
        component=Component.PERENCANAAN,
        book=book.subset(set()),
        sections=sections,
        ksm="",
        location="Kel. Sukamaju",
        description="Dukungan perencanaan kawasan prioritas (maks. Rp 300 juta)",
    )


def build_demo_program(book: PriceBook) -> Program:
    """A complete PLP-BK programme (planning + one physical package) priced from ``book``.

    Raises:
        DemoError: ``book`` lacks an analysis the demo uses (matched by name).
    """
    program = Program(
        kelurahan="Sukamaju",
        kecamatan="Sukajaya",
        kota="Kota Contoh",
        provinsi="Jawa Tengah",
        program="PLP-BK",
        fiscal_year=2026,
        bkm="BKM Sukamaju Sejahtera",
        blm_allocation=Decimal(1_000_000_000),
        title="Penataan Lingkungan Permukiman Berbasis Komunitas — Kawasan Prioritas RW 05",
        packages=[build_planning_package(book), build_physical_package(book)],
        termins=list(DEMO_TERMINS),
        signatories=[
            Signatory("Dibuat oleh", "Sutrisno", "Ketua KSM Maju Bersama", kind="ketua_ksm"),
            Signatory("Diperiksa oleh", "Ir. Rina Wulandari", "Fasilitator Teknik",
                      kind="fasilitator_teknik"),
            Signatory("Disetujui oleh", "H. Ahmad Fauzi", "Koordinator BKM Sukamaju Sejahtera",
                      kind="koordinator_bkm"),
            Signatory("Mengetahui", "Drs. Bambang Hartono", "Lurah Sukamaju", kind="lurah",
                      nip="19700312 199503 1 004"),
        ],
        data=DEMO_PROGRAM_DATA,
    )
    for item in program.packages[1].items():
        if "Papan nama" in item.description:
            item.funding = FundingSource.SWADAYA
    return program
