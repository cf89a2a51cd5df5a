"""Phase 5: code assignment (DHSP chapter + number, or sheet + position for blocks the DHSP does
not reach) and the analysis unit.
"""

from __future__ import annotations

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.units import (
    UnknownUnitError,
    normalize_unit,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    CODE_SCHEME,
    COL_C,
    FALLBACK_CODE_SCHEME,
    TITLE_UNIT,
    Block,
    cell_ref,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.formula import (
    wildcard_regex,
)


def assign_codes(st: ImportState) -> None:
    """Give each block its code: ``<chapter>.<No>`` from the DHSP row whose VLOOKUP finds the
    block's title (scheme :data:`CODE_SCHEME`, unit from the DHSP), else ``<sheet>#<n>``
    (:data:`FALLBACK_CODE_SCHEME`, unit read from the title) with a WARNING."""
    titles: dict[tuple[str, int], Block] = {(b.sheet, b.title_row): b for b in st.blocks}
    seen_codes: dict[str, int] = {}
    for item in st.dhsp_items:
        where = cell_ref(3, item.row)
        if item.code in seen_codes:
            st.add(
                Severity.WARNING,
                "dhsp-code",
                f"kode {item.code} dipakai dua kali (pertama di baris {seen_codes[item.code]})",
                st.dhsp_sheet or "",
                where,
                item.name,
                "item kedua diabaikan; perbaiki nomornya di DHSP",
            )
            continue
        seen_codes[item.code] = item.row
        if item.rect is None:
            continue
        s, c1, r1, c2, r2 = item.rect
        row = _match_title(st, s, c1, r1, r2, item.key or item.name)
        if row is None:
            st.add(
                Severity.WARNING,
                "dhsp-unmatched",
                f"item DHSP {item.code} tidak menyebut judul blok mana pun di lembar {s!r} "
                "(Excel: #N/A)",
                st.dhsp_sheet or "",
                where,
                item.name,
                "tidak ada analisa yang mendapat kode ini; samakan uraiannya dengan judul blok",
            )
            continue
        block = titles.get((s, row))
        if block is None:
            st.add(
                Severity.WARNING,
                "dhsp-unmatched",
                f"item DHSP {item.code} cocok dengan {s}!C{row}, yang bukan judul blok",
                st.dhsp_sheet or "",
                where,
                item.name,
                "tidak ada analisa yang mendapat kode ini",
            )
            continue
        if block.code:
            st.add(
                Severity.WARNING,
                "dhsp-code",
                f"blok ini sudah berkode {block.code}",
                st.dhsp_sheet or "",
                where,
                item.name,
                f"{item.code} diabaikan",
            )
            continue
        block.code, block.code_scheme = item.code, CODE_SCHEME
        block.unit = st.unit(
            item.unit_raw, st.dhsp_sheet or "", cell_ref(4, item.row), f"analisa {item.code}"
        )
        if not block.unit:
            st.add(
                Severity.WARNING,
                "analysis-unit",
                f"DHSP tidak memberi satuan untuk {item.code}",
                st.dhsp_sheet or "",
                cell_ref(4, item.row),
                "",
                "satuan dibiarkan kosong; isi satuannya di DHSP",
            )
    counters: dict[str, int] = {}
    for block in st.blocks:
        counters[block.sheet] = counters.get(block.sheet, 0) + 1
        if block.code:
            continue
        block.code, block.code_scheme = f"{block.sheet}#{block.index}", FALLBACK_CODE_SCHEME
        m = TITLE_UNIT.search(block.name)
        unit = ""
        if m:
            try:
                unit = normalize_unit(m.group(1))
            except UnknownUnitError:
                unit = ""
        block.unit = unit
        st.add(
            Severity.WARNING,
            "dhsp-missing",
            "analisa tidak tercantum di Daftar Harga Satuan Pekerjaan",
            block.sheet,
            cell_ref(COL_C, block.title_row),
            block.name,
            f"kode {block.code!r} menurut lembar dan urutannya; satuan {unit or '?'!r} dibaca "
            "dari judulnya",
        )


def _match_title(st: ImportState, sheet: str, col: int, r1: int, r2: int, name: str) -> int | None:
    """First row of ``sheet`` column ``col`` in ``r1..r2`` that VLOOKUP(name, …, FALSE) finds."""
    key = (sheet, col, r1, r2)
    index = st.title_index.get(key)
    if index is None:  # built once per lookup range: texts in row order
        index = st.title_index[key] = [
            (row, str(st.exact_text(sheet, row, col)))
            for row in range(r1, r2 + 1)
            if st.raw(sheet, row, col) is not None
        ]
        st.title_first[key] = {}
        for row, text in reversed(index):
            st.title_first[key][text.casefold()] = row
    if any(ch in name for ch in "*?~"):
        pattern = wildcard_regex(name)
        return next((row for row, text in index if pattern.match(text)), None)
    return st.title_first[key].get(name.casefold())
