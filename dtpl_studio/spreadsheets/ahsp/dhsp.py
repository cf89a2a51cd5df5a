"""Phase 3: the DHSP list (chapters, numbered items, the VLOOKUP that ties each item to a block
title).
"""

from __future__ import annotations

import re

from dtpl_studio.costing.findings import Severity
from dtpl_studio.spreadsheets.ahsp.layout import (
    DhspItem,
    cell_ref,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.formula import (
    Call,
    FormulaError,
    Name,
    Ref,
    parse_formula,
)


def read_dhsp(st: ImportState) -> None:
    """Read the DHSP sheet below its ``URAIAN`` header: chapter letters, numbered items and
    the VLOOKUP range each item's price looks into (``st.dhsp_items``)."""
    sheet = st.dhsp_sheet
    if sheet is None:
        return
    rows = st.grid.raw[sheet]
    header = next(
        (
            r
            for (r, c), v in sorted(rows.items())
            if isinstance(v, str) and v.strip().upper().startswith("URAIAN")
        ),
        None,
    )
    if header is None:
        st.add(
            Severity.WARNING,
            "layout",
            "baris kepala DHSP (URAIAN PEKERJAAN) tidak ditemukan",
            sheet,
            action="analisa diberi kode menurut lembar dan urutannya",
        )
        return
    cols = {
        str(v).strip().upper(): c
        for (r, c), v in rows.items()
        if r == header and isinstance(v, str)
    }
    col_name = next((c for k, c in cols.items() if k.startswith("URAIAN")), 3)
    col_no = cols.get("NO", col_name - 1)
    col_unit = cols.get("SATUAN", col_name + 1)
    col_price = next((c for k, c in cols.items() if k.startswith("HARGA")), col_name + 2)
    chapter = ""
    last_row = max(r for r, c in rows)
    for row in range(header + 1, last_row + 1):
        no = text_of(st.raw(sheet, row, col_no))
        name_raw = st.raw(sheet, row, col_name)
        price_raw = st.raw(sheet, row, col_price)
        if not no and name_raw is None:
            continue
        if re.fullmatch(r"[A-Z]{1,2}", no) and price_raw is None:
            chapter = no
            continue
        if not re.fullmatch(r"\d+", no):
            if price_raw is not None or name_raw is not None:
                st.add(
                    Severity.WARNING,
                    "dhsp-row",
                    "baris DHSP tanpa nomor item",
                    sheet,
                    cell_ref(col_no, row),
                    no,
                    "baris diabaikan; isi nomornya bila ini item pekerjaan",
                )
            continue
        number = int(no)
        if isinstance(st.raw(sheet, row, col_no), str):
            st.add(
                Severity.INFO,
                "text-number",
                "nomor DHSP tersimpan sebagai teks",
                sheet,
                cell_ref(col_no, row),
                no,
                f"dibaca sebagai {number}",
            )
        if not chapter:
            st.add(
                Severity.WARNING,
                "dhsp-row",
                "item DHSP sebelum huruf bab mana pun",
                sheet,
                cell_ref(col_no, row),
                no,
                "bab '?' yang dipakai; tambahkan huruf bab di atasnya",
            )
        name = st.shown(sheet, row, col_name)
        key_text = st.exact_text(sheet, row, col_name)
        rect = None
        target_sheet = ""
        if isinstance(price_raw, str) and price_raw.startswith("="):
            try:
                node = parse_formula(price_raw)
            except FormulaError:
                node = None
            if isinstance(node, Call) and node.name == "VLOOKUP" and len(node.args) >= 2:
                table = node.args[1]
                if isinstance(table, Name):
                    rect = st.grid.names.get(table.name.lower())
                elif isinstance(table, Ref) and table.is_range and table.external is None:
                    rect = (table.sheet or sheet, table.col, table.row, table.col2, table.row2)
                key_node = node.args[0]
                if isinstance(key_node, Ref) and not key_node.is_range:
                    name = st.shown(key_node.sheet or sheet, key_node.row, key_node.col)
                    key_text = st.exact_text(
                        key_node.sheet or sheet, key_node.row, key_node.col
                    )
        if rect is not None:
            target_sheet = rect[0]
        else:
            st.add(
                Severity.WARNING,
                "dhsp-row",
                "harga DHSP bukan VLOOKUP ke lembar analisa",
                sheet,
                cell_ref(col_price, row),
                price_raw,
                "item tidak dapat dikaitkan dengan blok analisa",
            )
        st.dhsp_items.append(
            DhspItem(
                row,
                chapter or "?",
                number,
                name,
                text_of(st.raw(sheet, row, col_unit)),
                target_sheet,
                rect,
                st.cached(sheet, row, col_price),
                key_text,
            )
        )
    st.report.counts["dhsp_items"] = len(st.dhsp_items)
