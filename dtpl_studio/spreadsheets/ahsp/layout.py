"""Layout of the AHSP Cipta Karya workbook: columns, section and group words, the parsed shapes
(DHSP items, blocks, block lines) and small text helpers shared by the phases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from dtpl_studio.costing.pricebook import AnalysisLine, ResourceKind
from dtpl_studio.spreadsheets.cells import canonical, shown

CODE_SCHEME = "ahsp-ck-2023-dhsp"
FALLBACK_CODE_SCHEME = "ahsp-ck-2023-sheet"

#: Why ``Sheet1`` is skipped (checked, not assumed: ``sheets._describe_skipped_sheet`` adds counts).
SHEET1_REASON = (
    "bukan lembar analisa: lembar ini 'DAFTAR HARGA SATUAN PEKERJAAN' proyek lain (bab "
    "'A. PEKERJAAN PERSIAPAN', 'II. PEKERJAAN TANAH' …, kolom SAT UPAH / SAT MATRIAL / MATRIAL & "
    "UPAH) yang harganya bertaut ke buku kerja luar ('Analisis Pekerjaan SNI'); lembar ini tidak "
    "memuat blok analisa (tidak ada baris koefisien) dan DHSP tidak merujuknya"
)

GROUPS = {
    "tenaga kerja": ResourceKind.LABOUR,
    "tenaga": ResourceKind.LABOUR,
    "upah": ResourceKind.LABOUR,
    "bahan": ResourceKind.MATERIAL,
    "material": ResourceKind.MATERIAL,
    "peralatan": ResourceKind.EQUIPMENT,
    "alat": ResourceKind.EQUIPMENT,
}
#: The groups of a block as the workbook names them (for messages): A, B, C.
GROUP_WORDS = {
    ResourceKind.LABOUR: "A tenaga kerja",
    ResourceKind.MATERIAL: "B bahan",
    ResourceKind.EQUIPMENT: "C peralatan",
}
SECTION_KINDS = (
    ("upah", ResourceKind.LABOUR),
    ("tenaga", ResourceKind.LABOUR),
    ("peralatan", ResourceKind.EQUIPMENT),
    ("alat", ResourceKind.EQUIPMENT),
    ("material", ResourceKind.MATERIAL),
    ("bahan", ResourceKind.MATERIAL),
)
ROMAN = re.compile(r"^(?=[IVXL])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")
TITLE_UNIT = re.compile(
    r"\b1\s*(m[’'`]|m2|m3|m²|m³|buah|bh|unit|titik|set|kg|ls|btg|batang|tgl|tunggul|ha|m)(?=[\s,.)]|$)",
    re.IGNORECASE,
)
LEGAL = re.compile(r"Permen\s*PUPR\s*No\.?\s*(\d+)\s*Tahun\s*(\d{4})", re.IGNORECASE)

COL_C, COL_D, COL_E, COL_F, COL_G, COL_H, COL_I, COL_K = 3, 4, 5, 6, 7, 8, 9, 11


clean_decimal = canonical


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return shown(value)
    return str(value).strip()


def cell_ref(col: int, row: int) -> str:
    return f"{get_column_letter(col)}{row}"


# --------------------------------------------------------------------------------------
# parsed structures
# --------------------------------------------------------------------------------------


@dataclass
class DhspItem:
    row: int
    chapter: str
    number: int
    name: str
    unit_raw: str
    sheet: str
    rect: tuple[str, int, int, int, int] | None
    cached: Any
    key: str = ""  # the lookup text exactly as in the cell (VLOOKUP does not trim)

    @property
    def code(self) -> str:
        return f"{self.chapter}.{self.number}"


@dataclass
class BlockLine:
    row: int
    group: ResourceKind
    name: str
    lines: list[AnalysisLine] = field(default_factory=list)
    derived_from: int | None = None  # row whose amount this line multiplies
    factor: Decimal | None = None  # F of a derived line
    missing: bool = False


@dataclass
class Block:
    sheet: str
    index: int  # 1-based position in the sheet
    title_row: int
    header_row: int
    raw_title: str
    name: str = ""
    end_row: int = 0
    f_row: int | None = None
    d_row: int | None = None
    e_row: int | None = None
    subtotals: dict[ResourceKind, int] = field(default_factory=dict)
    group_rows: dict[ResourceKind, int] = field(default_factory=dict)
    lines: list[BlockLine] = field(default_factory=list)
    overhead: Decimal | None = None
    rate_digits: int | None = None
    rate_target_row: int | None = None
    code: str = ""
    code_scheme: str = ""
    unit: str = ""
    note: str = ""
    error: str = ""  # why the analysis is not imported (Indonesian, shown in the finding)
    price_missing: bool = False  # that first error is a line without a usable price
    cause: str = ""  # the refused cell (``Upah Bahan!G9``) behind that first error, if any

    def fail(self, reason: str, *, price: bool = False, cause: str = "") -> None:
        """Record why the analysis is not imported (the first reason stays); ``price``: the
        reason is a line without a usable price (reason code ``missing-price``); ``cause``:
        the refused cell it comes from (the report's root cause)."""
        if not self.error:
            self.error, self.price_missing, self.cause = reason, price, cause
    formula_defects: list[str] = field(default_factory=list)  # totals that do not add up the block
    lookup_defects: list[str] = field(default_factory=list)  # price lookups of another row's name


