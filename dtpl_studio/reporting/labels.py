"""Indonesian labels of the DTPL package (report texts are data, not logic).

The section titles, their order and the default signature blocks are not here: they are in
the editable template ``templates/dtpl-plpbk.json`` (:mod:`dtpl_studio.reporting.template`).
Everything else the package prints is here: column headers follow the RAB layout of
DOMAIN.md §5.1 and the analysis sheet of §2.1.
"""

from __future__ import annotations

from dtpl_studio.costing.funding import Component, FundingSource
from dtpl_studio.costing.pricebook import BookKind, ResourceKind

DOCUMENT_TITLE = "DOKUMEN TEKNIS PEMBANGUNAN LINGKUNGAN"
DOCUMENT_SHORT = "DTPL"

#: Full names of the programmes a package may belong to (cover page).
PROGRAM_NAMES: dict[str, str] = {
    "PLP-BK": "Penataan Lingkungan Permukiman Berbasis Komunitas",
    "KOTAKU": "Kota Tanpa Kumuh",
    "PNPM-MP": "PNPM Mandiri Perkotaan",
}

COMPONENT: dict[Component, str] = {
    Component.PERENCANAAN: "Perencanaan",
    Component.FISIK: "Fisik",
    Component.TOTAL: "Total",
}

CHECK_COMPONENT: dict[Component, str] = {
    Component.PERENCANAAN: "BLM perencanaan",
    Component.FISIK: "BLM fisik",
    Component.TOTAL: "Total BLM kelurahan",
}

FUNDING: dict[FundingSource, str] = {
    FundingSource.BLM: "BLM",
    FundingSource.SWADAYA: "Swadaya tunai",
    FundingSource.SWADAYA_TENAGA: "Swadaya tenaga",
    FundingSource.SWADAYA_BAHAN: "Swadaya bahan",
    FundingSource.APBD: "APBD",
    FundingSource.LAINNYA: "CSR/lainnya",
}

#: Planning categories of PLP-BK and DED (``plpbk-2010-summary.txt``).
DIVISION_KIND: dict[str, str] = {
    "tenaga-ahli": "Tenaga ahli pendamping masyarakat",
    "pengembangan-kapasitas": "Pengembangan kapasitas masyarakat",
    "perencanaan-partisipatif": "Dukungan proses perencanaan partisipatif",
    "pemasaran": "Pemasaran hasil perencanaan",
    "ded": "Penyiapan DED (dalam komponen fisik)",
    "": "Belum dikategorikan",
}

RESOURCE_KIND: dict[ResourceKind, str] = {
    ResourceKind.LABOUR: "Upah Tenaga Kerja",
    ResourceKind.MATERIAL: "Bahan",
    ResourceKind.EQUIPMENT: "Peralatan",
}

BOOK_KIND: dict[BookKind, str] = {
    BookKind.AHSP_HSD: "AHSP + HSD",
    BookKind.HSPK: "HSPK",
    BookKind.SSH: "SSH",
}

BOOK_STATUS: dict[str, str] = {"draft": "konsep (belum diterbitkan)", "published": "diterbitkan"}


def book_origin(verification: str, signer: str) -> str:
    """How a price book reached the project (issue 8 point 5), printed with its prices:
    "" for a book imported or shipped here."""
    if verification == "verified":
        return f"paket bertanda tangan terverifikasi: {signer}"
    if verification == "unverified":
        who = f"; penanda tangan tidak dikenal: {signer}" if signer else "; tanpa tanda tangan"
        return f"BELUM TERVERIFIKASI (paket edisi{who}) — asal harga belum dapat dipastikan"
    return ""

UNKNOWN = "tidak diketahui"
PASSED = "LULUS"
FAILED = "TIDAK LULUS"
DRAFT = "DRAFT"

RAB_COLUMNS = (
    "No", "Uraian Pekerjaan", "Kode", "Volume", "Satuan", "Harga Satuan (Rp)", "Jumlah Harga (Rp)",
)
REKAP_COLUMNS = ("No", "Uraian Pekerjaan", "Jumlah Harga (Rp)")
ANALYSIS_COLUMNS = (
    "No", "Uraian", "Kode", "Satuan", "Koefisien", "Harga Satuan (Rp)", "Jumlah Harga (Rp)",
)
BACKUP_COLUMNS = ("No", "Uraian / Keterangan", "Perhitungan", "Volume", "Satuan")
PRICE_COLUMNS = ("No", "Kode", "Uraian", "Satuan", "Harga Satuan (Rp)", "Sumber")
BLM_COLUMNS = ("Komponen", "Jumlah BLM (Rp)", "Pagu (Rp)", "Sisa (Rp)", "Hasil")

ANALYSIS_GROUPS = (
    ("A", "TENAGA KERJA", "JUMLAH HARGA TENAGA KERJA"),
    ("B", "BAHAN", "JUMLAH HARGA BAHAN"),
    ("C", "PERALATAN", "JUMLAH HARGA ALAT"),
)

#: Indonesian wording of the costing core's finding codes (rab.price_package).
FINDING_TEXT: dict[str, str] = {
    "measurement-unit": "Satuan baris back-up volume tidak sesuai satuan item",
    "rate": "Harga satuan tidak dapat dihitung",
    "override": "Harga satuan diubah tanpa alasan",
    "custom-rate": "Harga khusus tanpa alasan",
    "zero-volume": "Volume nol",
    "ppn-ksm": "PPN pada paket swakelola KSM tidak lazim",
    "implausible-volume": "Volume tidak wajar",
    "implausible-rate": "Harga satuan tidak wajar",
    "negative-volume": "Volume negatif (pengurangan melebihi pekerjaan)",
    "negative-total": "Total paket negatif (pengurangan melebihi pekerjaan)",
}
#: Codes whose core message carries specifics (the error, the value) worth printing after
#: the Indonesian text; for the others the message only repeats the text in English.
FINDING_DETAILED = frozenset({"measurement-unit", "rate", "implausible-volume",
                              "implausible-rate"})
SEVERITY_TEXT = {"info": "Info", "warning": "Peringatan", "error": "Kesalahan"}
