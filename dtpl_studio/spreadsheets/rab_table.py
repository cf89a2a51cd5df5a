"""Finding the RAB table in a sheet: the header row, the column roles, the row kinds.

A facilitator's or contractor's RAB workbook (issue 10 point 8, ``data/README.md``) has title
rows above the table; the header is often on row 6 (``NO | URAIAN PEKERJAAN | SAT. | VOL |
HARGA SAT. | TOTAL HARGA``), sometimes over two rows (``Rp`` under the money columns, or a
``BAHAN | UPAH`` split under ``HARGA SATUAN`` and ``JUMLAH HARGA``), sometimes merged
(``URAIAN PEKERJAAN`` over two columns). This module only reads texts: it scores every row of
the first :data:`HEADER_SEARCH_ROWS` for the header words of each column role and names the
roles of the columns. Numbers are read by :mod:`dtpl_studio.spreadsheets.cells`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

#: Rows searched for the header (title blocks are 1–10 rows in the real files; 40 is far).
HEADER_SEARCH_ROWS = 40


class Role(StrEnum):
    """What a column of a RAB table holds."""

    NO = "no"  # item number / section letter
    URAIAN = "uraian"  # description of the work
    SPEC = "spec"  # specification, short description, brand, remarks
    CODE = "code"  # analysis code (Kode AHSP)
    UNIT = "unit"  # satuan
    VOLUME = "volume"
    RATE = "rate"  # harga satuan (one column, or several: material + labour)
    AMOUNT = "amount"  # jumlah harga (one column, or several)


#: The roles that make a header: a row is a RAB header when it names the description, a unit
#: or a volume, and a rate or an amount (a REKAP sheet has no unit/volume column).
CORE_ROLES = (Role.NO, Role.URAIAN, Role.UNIT, Role.VOLUME, Role.RATE, Role.AMOUNT)

_SPEC_WORDS = ("ringkas", "spesifikasi", "spek", "keterangan", "ket", "merk", "merek", "catatan",
               "tipe", "type")


def fold_header(text: Any) -> str:
    """A header text folded for matching: lower case, punctuation and ``Rp`` dropped, spaces
    collapsed (``'HARGA SAT.\\n(Rp)'`` → ``'harga sat'``)."""
    if text is None:
        return ""
    t = str(text).lower().replace("\n", " ")
    t = re.sub(r"[.:;,()\[\]/\\*_'\"-]", " ", t)
    t = re.sub(r"\brp\b", " ", t)
    return " ".join(t.split())


def classify_header(text: Any) -> Role | None:
    """The role a header text names, or None (``'SAT.'`` → UNIT, ``'VOL'`` → VOLUME,
    ``'HARGA SATUAN (Rp)'`` → RATE, ``'TOTAL HARGA'`` → AMOUNT, ``'URAIAN RINGKAS'`` → SPEC).

    Source of the words: the headers of the real RAB files in ``../shared/data/public``
    (``rab-contractor-2025``, ``rab-export-csv``) and the variants named in issue 10 point 8.
    """
    t = fold_header(text)
    if not t:
        return None
    words = t.split()
    if t in ("no", "nomor", "no urut", "nmr", "nomer"):
        return Role.NO
    if t in ("kode", "kode ahsp", "kode analisa", "kode analisis", "no analisa", "analisa",
             "kode pekerjaan", "kode item") or "ahsp" in words:
        return Role.CODE
    if words[0] in ("sat", "satuan", "unit", "sat1") or t in ("satuan", "sat"):
        return Role.UNIT
    if words[0].startswith("vol") or t in ("kuantitas", "qty", "quantity", "banyaknya"):
        return Role.VOLUME
    if "harga" in words or "hrg" in words or "biaya" in words:
        if any(w in words for w in ("jumlah", "total", "jml")):
            return Role.AMOUNT
        return Role.RATE
    if words[0] in ("jumlah", "total", "jml") and len(words) <= 3:
        return Role.AMOUNT
    if "uraian" in words or "pekerjaan" in words or "deskripsi" in words or t in (
            "jenis pekerjaan", "item", "item pekerjaan", "nama pekerjaan", "kegiatan"):
        if any(w in words for w in _SPEC_WORDS):
            return Role.SPEC
        return Role.URAIAN
    if any(w in words for w in _SPEC_WORDS):
        return Role.SPEC
    return None


#: Second header row words (``Rp`` under money columns, a material/labour split, a repeat of
#: the parent's words): such a row is part of the header, not data.
_SUBHEADER_WORDS = {"rp", "bahan", "upah", "material", "jasa", "tenaga", "alat", "satuan", "sat",
                    "jumlah", "total", "volume", "harga", "uraian", "spesifikasi", "idr"}


@dataclass
class Header:
    """A detected RAB table header.

    Attributes:
        row: first header row (1-based); last_row: last header row (``row`` or ``row + 1``).
        roles: column (1-based) → role; several columns may hold RATE or AMOUNT (a split).
        texts: column → header text as read (both rows joined).
        score: how many :data:`CORE_ROLES` it names.
    """

    row: int
    last_row: int
    roles: dict[int, Role] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)
    score: int = 0

    def columns(self, role: Role) -> list[int]:
        return sorted(c for c, r in self.roles.items() if r is role)

    def first(self, role: Role) -> int | None:
        cols = self.columns(role)
        return cols[0] if cols else None

    @property
    def is_rab(self) -> bool:
        """Names a description, a unit or volume, and a rate or amount."""
        have = set(self.roles.values())
        return (Role.URAIAN in have and (Role.UNIT in have or Role.VOLUME in have)
                and (Role.RATE in have or Role.AMOUNT in have))


def _merged_parent(merged: list[tuple[int, int, int, int]], row: int, col: int):
    for c1, r1, c2, r2 in merged:
        if c1 <= col <= c2 and r1 <= row <= r2:
            return c1, r1
    return None


def _header_from(texts_of, row: int, rows: int, merged, max_col: int) -> Header:
    """The header of rows ``row``..``row + rows - 1`` (texts joined per column, a merged
    cell's text over every column and row it covers)."""
    header = Header(row, row + rows - 1)
    for col in range(1, max_col + 1):
        parts: list[str] = []
        for r in range(row, row + rows):
            parent = _merged_parent(merged, r, col)
            text = texts_of(*parent[::-1]) if parent else texts_of(r, col)
            if parent and parent[1] < row:
                text = ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        joined = " ".join(parts)
        role = classify_header(joined) or (classify_header(parts[0]) if parts else None)
        if joined:
            header.texts[col] = joined
        if role is not None:
            header.roles[col] = role
    # unnamed columns right of the description (a merged URAIAN over two columns that was
    # not merged, or a spec column without a header) continue the description
    for col in range(1, max_col + 1):
        if header.roles.get(col) is Role.URAIAN:
            nxt = col + 1
            while nxt <= max_col and nxt not in header.texts:
                header.roles[nxt] = Role.URAIAN
                nxt += 1
    seen = set(header.roles.values())
    header.score = sum(1 for r in CORE_ROLES if r in seen)
    return header


def _is_subheader(texts_of, row: int, max_col: int, numeric) -> bool:
    """Row ``row`` continues a header: only short texts, at least one header word or column
    number, no numbers that look like data."""
    cells = [(c, texts_of(row, c)) for c in range(1, max_col + 1)]
    cells = [(c, t) for c, t in cells if t]
    if not cells or any(numeric(row, c) for c, _ in cells):
        return False
    if any(len(t) > 25 for _, t in cells):
        return False
    return any(fold_header(t) in _SUBHEADER_WORDS or fold_header(t).split()[:1] == ["rp"]
               for _, t in cells if fold_header(t))


def find_header(texts_of, numeric, max_row: int, max_col: int,
                merged: list[tuple[int, int, int, int]] | None = None) -> Header | None:
    """The best RAB header in the first :data:`HEADER_SEARCH_ROWS` rows, or None.

    Args:
        texts_of: ``(row, col) → str`` the shown text of a cell (``''`` when empty or a number).
        numeric: ``(row, col) → bool`` the cell holds a number (or a formula giving one).
        max_row, max_col: extent of the sheet.
        merged: merged ranges ``(c1, r1, c2, r2)``.

    Every row is scored alone and together with the next row (a two-row header); the row
    naming most :data:`CORE_ROLES` wins (the first on a tie). A header must pass
    :attr:`Header.is_rab`.
    """
    merged = merged or []
    best: Header | None = None
    for row in range(1, min(max_row, HEADER_SEARCH_ROWS) + 1):
        one = _header_from(texts_of, row, 1, merged, max_col)
        if one.score < 2:
            continue
        candidate = one
        if row < max_row and _is_subheader(texts_of, row + 1, max_col, numeric):
            two = _header_from(texts_of, row, 2, merged, max_col)
            if two.score >= one.score:
                candidate = two
        elif any(r1 == row and r2 > row for _, r1, _, r2 in merged):
            # a header merged down over two rows (A6:A7, B6:C7…): the second row is header
            two = _header_from(texts_of, row, 2, merged, max_col)
            if two.score >= one.score:
                candidate = two
        if not candidate.is_rab:
            continue
        if best is None or candidate.score > best.score:
            best = candidate
    return best


def column_number_row(values: list[Any]) -> bool:
    """A row of column numbers under the header (``1 2 3 4 5 6`` or ``(1) (2) … (6)``)."""
    numbers = []
    for v in values:
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        text = str(v).strip().strip("()")
        if not (text.isascii() and text.isdigit()):  # '²' and other digit signs are no column number
            return False
        numbers.append(int(text))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


# -- row markers ---------------------------------------------------------------------------

_ROMAN = re.compile(r"^(?=[IVXLC])(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


class Marker(StrEnum):
    """The kind of an entry in the No column."""

    ROMAN = "roman"  # I, II, III…
    UPPER = "upper"  # A, B, C…
    DIGIT = "digit"  # 1, 2, '1.', 1.2
    LOWER = "lower"  # a, b, c…
    NONE = "none"  # empty
    OTHER = "other"  # a bullet or anything else


def marker_of(text: str, previous_upper: str | None, roman_seen: bool, upper_seen: bool) -> Marker:
    """The kind of a No-column entry (``'1.'`` → DIGIT, ``'A'`` → UPPER, ``'IV'`` → ROMAN).

    A single ``I``/``V``/``X``/``L``/``C`` is a letter when it follows the letter before it
    (``H`` → ``I``) or letters are in use and roman numerals are not; otherwise a numeral.
    """
    t = text.strip().rstrip(".)").strip().lstrip("(")
    if not t:
        return Marker.NONE
    if re.fullmatch(r"\d+(\.\d+)*", t):
        return Marker.DIGIT
    if len(t) == 1 and t.isalpha():
        if t.islower():
            return Marker.LOWER
        if t in "IVXLC":
            if previous_upper and ord(t) == ord(previous_upper) + 1:
                return Marker.UPPER
            if upper_seen and not roman_seen:
                return Marker.UPPER
            return Marker.ROMAN
        return Marker.UPPER
    if _ROMAN.fullmatch(t):
        return Marker.ROMAN
    return Marker.OTHER


# -- row labels ------------------------------------------------------------------------------

class Label(StrEnum):
    """Rows that are not items: totals and the lines of a rekap."""

    SUBTOTAL = "subtotal"  # Sub Total A, Jumlah I
    TOTAL = "total"  # Jumlah total, Total biaya langsung, Grand total
    CONTRACTOR = "contractor"  # jasa kontraktor, overhead, keuntungan, biaya umum
    PPN = "ppn"
    ROUNDED = "rounded"  # dibulatkan, pembulatan
    TERBILANG = "terbilang"


def label_of(text: str) -> Label | None:
    """What a row's text says it is, or None (an item or a heading).

    ``'Sub Total A'`` → SUBTOTAL; ``'JUMLAH'`` → SUBTOTAL (the caller decides a grand total
    when no section is open); ``'TOTAL BIAYA LANGSUNG'``, ``'GRAND TOTAL'`` → TOTAL;
    ``'JASA KONTRAKTOR'``, ``'Overhead & Profit'`` → CONTRACTOR; ``'PPN 10.00%'`` → PPN;
    ``'Dibulatkan'``, ``'PEMBULATAN'`` → ROUNDED.
    """
    t = fold_header(text)
    if not t:
        return None
    words = t.split()
    if t.startswith(("sub total", "subtotal", "sub jumlah", "jumlah sub", "sub jml")):
        return Label.SUBTOTAL
    if words[0] in ("dibulatkan", "pembulatan", "dibulatkan", "bulat"):
        return Label.ROUNDED
    if words[0] == "terbilang":
        return Label.TERBILANG
    if words[0] in ("ppn", "pajak") or t.startswith("pajak pertambahan"):
        return Label.PPN
    if (t.startswith(("jasa kontraktor", "jasa pemborong", "overhead", "keuntungan", "biaya umum",
                      "profit", "fee kontraktor", "jasa konstruksi"))):
        return Label.CONTRACTOR
    if words[0] in ("total", "grand") or t.startswith(("jumlah total", "jumlah biaya", "jumlah harga",
                                                      "jumlah keseluruhan", "total biaya")):
        return Label.TOTAL
    if words[0] in ("jumlah", "jml") and len(words) <= 3:
        return Label.SUBTOTAL
    return None
