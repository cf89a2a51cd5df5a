"""Phase 4a: the analysis blocks of a sheet (title, rate cell, groups A/B/C, subtotals, rows
D/E/F, overhead) and the checks of their totals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import format_plain
from dtpl_studio.costing.pricebook import (
    ResourceKind,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_C,
    COL_D,
    COL_E,
    COL_F,
    COL_G,
    COL_H,
    COL_I,
    COL_K,
    GROUP_WORDS,
    GROUPS,
    Block,
    cell_ref,
    clean_decimal,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.lines import read_line, resolve_derived
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity, check_number, shown_raw
from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    FormulaError,
    Node,
    Ref,
    parse_formula,
)
from dtpl_studio.spreadsheets.report import number


def read_blocks(st: ImportState, sheet: str) -> None:
    """Read every analysis block of ``sheet`` (a header row ``No | Uraian`` in C:D, the title
    above it) into ``st.blocks``, each through :func:`read_block`."""
    rows = st.grid.raw[sheet]
    headers = sorted(
        r
        for (r, c), v in rows.items()
        if c == COL_C
        and isinstance(v, str)
        and v.strip().lower() == "no"
        and text_of(st.raw(sheet, r, COL_D)).lower().startswith("uraian")
    )
    last_row = max((r for r, c in rows), default=0)
    blocks: list[Block] = []
    for i, header in enumerate(headers):
        title_row = next(
            (
                r
                for r in range(header - 1, max(header - 4, 0), -1)
                if st.shown(sheet, r, COL_C)
            ),
            header - 1,
        )
        raw_title = st.exact_text(sheet, title_row, COL_C)
        end = (headers[i + 1] - 1) if i + 1 < len(headers) else last_row
        block = Block(sheet, i + 1, title_row, header, raw_title, end_row=end)
        blocks.append(block)
    for i, block in enumerate(blocks):
        if i + 1 < len(blocks):
            block.end_row = blocks[i + 1].title_row - 1
        read_block(st, block)
    st.blocks.extend(blocks)


def read_block(st: ImportState, block: Block) -> None:
    """Read one block: title, rate cell, groups A/B/C and their lines (:func:`read_line`),
    rows D/E/F; then its derived lines, totals and overhead. A block that cannot be read gets
    ``block.error`` (and an ERROR finding) and is left out of the book."""
    sheet = block.sheet
    block.name = clean_title(st, block.raw_title, sheet, cell_ref(COL_C, block.title_row))
    if not block.name:
        st.add(
            Severity.WARNING,
            "block-title",
            "blok analisa tanpa judul",
            sheet,
            cell_ref(COL_C, block.title_row),
            "",
            "dinamai menurut urutannya; isi judulnya di kolom C",
        )
        block.name = f"{sheet} blok {block.index}"
    read_rate_cell(st, block)
    group: ResourceKind | None = None
    for row in range(block.header_row + 1, block.end_row + 1):
        c = st.shown(sheet, row, COL_C)
        d = st.shown(sheet, row, COL_D)
        c_up, d_low = c.upper(), d.lower()
        if block.f_row is not None:
            if any(st.raw(sheet, row, col) is not None for col in range(COL_C, COL_I + 1)):
                st.add(
                    Severity.INFO,
                    "note-row",
                    "teks di bawah baris F blok",
                    sheet,
                    cell_ref(COL_C, row),
                    c or d,
                    "bukan bagian analisa",
                )
            continue
        if c_up in ("A", "B", "C") and d_low in GROUPS:
            group = GROUPS[d_low]
            block.group_rows[group] = row
            _stray(st, block, row, (COL_F, COL_G, COL_H))
            continue
        if c_up.startswith("JUMLAH"):
            target = group
            for word, k in GROUPS.items():
                if word in c.lower():
                    target = k
                    break
            if target is None:
                st.add(
                    Severity.WARNING,
                    "block-structure",
                    "baris subtotal sebelum kelompok mana pun",
                    sheet,
                    cell_ref(COL_C, row),
                    c,
                    "diabaikan",
                )
                continue
            block.subtotals[target] = row
            _stray(st, block, row, (COL_F, COL_G))
            continue
        if c_up == "D" and d_low.startswith("jumlah"):
            block.d_row = row
            continue
        if c_up == "E" and (
            "biaya umum" in d_low or "overhead" in d_low or "keuntungan" in d_low
        ):
            block.e_row = row
            continue
        if c_up == "F" and d_low.startswith("harga satuan"):
            block.f_row = row
            continue
        if not d and all(
            st.raw(sheet, row, col) is None for col in (COL_E, COL_F, COL_G, COL_H)
        ):
            if c:
                st.add(
                    Severity.INFO,
                    "note-row",
                    "baris teks di dalam blok",
                    sheet,
                    cell_ref(COL_C, row),
                    c,
                    "diabaikan",
                )
            continue
        if group is None:
            st.add(
                Severity.WARNING,
                "block-structure",
                "baris sebelum kelompok A/B/C",
                sheet,
                cell_ref(COL_D, row),
                d or c,
                "diabaikan; pindahkan ke dalam kelompok bila ini baris analisa",
            )
            continue
        if (
            st.raw(sheet, row, COL_H) is None
            and st.raw(sheet, row, COL_F) is None
            and st.raw(sheet, row, COL_G) is None
        ):
            st.add(
                Severity.INFO,
                "note-row",
                "baris teks di dalam kelompok (tanpa koefisien, harga, atau jumlah)",
                sheet,
                cell_ref(COL_D, row),
                d,
                "diabaikan",
            )
            continue
        block.lines.append(read_line(st, block, row, group))
    for name, row in (("D", block.d_row), ("E", block.e_row), ("F", block.f_row)):
        if row is None:
            block.error = (
                block.error or f"baris {name} (Jumlah / Biaya Umum / Harga Satuan) tidak ditemukan"
            )
            st.add(
                Severity.ERROR,
                "block-structure",
                f"blok tidak punya baris {name}",
                sheet,
                cell_ref(COL_C, block.title_row),
                block.name,
                f"analisa tidak diimpor; tambahkan baris {name} di kolom C",
            )
    resolve_derived(st, block)
    check_sums(st, block)
    read_overhead(st, block)


def _stray(st: ImportState, block: Block, row: int, cols: Iterable[int]) -> None:
    for col in cols:
        raw = st.raw(block.sheet, row, col)
        if raw is not None:
            st.add(
                Severity.INFO,
                "stray-cell",
                "nilai pada baris judul kelompok/subtotal",
                block.sheet,
                cell_ref(col, row),
                getattr(raw, "text", raw),
                f"diabaikan (Excel menampilkan {_excel_shows(st.cached(block.sheet, row, col))}; "
                "tidak ikut dijumlahkan)",
            )


def _excel_shows(value: Any) -> str:
    """What Excel shows for a cached value, for a message: ``'#N/A'``, ``1.234,5``, ``(kosong)``."""
    if value is None:
        return "(kosong)"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return number(value)
    return repr(value)


def clean_title(st: ImportState, raw: str, sheet: str, cell: str) -> str:
    """Analysis names: superscripts lost as line breaks (``m\\n2\\n`` → ``m2``), then runs of
    white space folded to one space and the ends trimmed."""
    text = re.sub(r"\bm\s*\n\s*([23])\s*\n", r"m\1 ", raw)
    text = " ".join(text.split())
    if text != raw:
        inner = " ".join(raw.split()) != raw.strip() or text != " ".join(raw.split())
        st.add(
            Severity.INFO,
            "text-cleaned",
            "ganti baris atau spasi berlebih dalam uraian"
            if inner
            else "spasi atau ganti baris di akhir uraian",
            sheet,
            cell,
            raw,
            f"dibaca sebagai {text!r}",
        )
    return text


def read_rate_cell(st: ImportState, block: Block) -> None:
    """The cached rounded rate right of the title (``I = ROUNDDOWN(H<F>,-2)``): its target row and
    digits; another rule is kept as the analysis' own rounding (WARNING ``rate-rounding``)."""
    sheet, row = block.sheet, block.title_row
    raw = st.raw(sheet, row, COL_I)
    cell = cell_ref(COL_I, row)
    k = st.raw(sheet, row, COL_K)
    if isinstance(k, int | float) and not isinstance(k, bool):
        try:
            older = check_number(st.cells.literal(k), Quantity.PRICE)
        except CellNumberError as exc:
            st.add(
                Severity.WARNING,
                "older-rate",
                f"harga lama di kanan judul tidak dapat dibaca ({exc})",
                sheet,
                cell_ref(COL_K, row),
                shown_raw(k),
                "tidak dicatat pada analisa",
            )
        else:
            block.note = f"older rate in {sheet}!{cell_ref(COL_K, row)}: {format_plain(older)}"
    if not (isinstance(raw, str) and raw.startswith("=")):
        st.add(
            Severity.WARNING,
            "rate-cell",
            "tidak ada rumus ROUNDDOWN di kanan judul",
            sheet,
            cell,
            raw,
            "tidak ada harga tersimpan untuk pembanding",
        )
        return
    try:
        node = parse_formula(raw)
    except FormulaError:
        node = None
    if (
        isinstance(node, Call)
        and node.name == "ROUNDDOWN"
        and len(node.args) == 2
        and isinstance(node.args[0], Ref)
    ):
        block.rate_target_row = node.args[0].row
        digits = node.args[1]
        try:
            block.rate_digits = int(st.evaluate(sheet, digits, []))
        except FormulaError:
            block.rate_digits = None
        if block.rate_digits is not None and abs(block.rate_digits) > 15:
            block.rate_digits = None  # Excel rounds to at most 15 digits either way
        if block.rate_digits != -2:
            st.add(
                Severity.WARNING,
                "rate-rounding",
                "blok ini membulatkan harga satuannya dengan aturan lain daripada buku kerja "
                "selebihnya (ROUNDDOWN(F,-2))",
                sheet,
                cell,
                raw,
                "analisa ini memakai aturan pembulatannya sendiri seperti di buku kerja",
            )
    else:
        st.add(
            Severity.WARNING,
            "rate-cell",
            "sel harga satuan bukan ROUNDDOWN(H,n)",
            sheet,
            cell,
            raw,
            "dibandingkan seperti tertulis",
        )


def _rows_of(st: ImportState, sheet: str, row: int, col: int = COL_H) -> tuple[set[int] | None, Any]:
    """Rows of column H a total formula adds (SUM ranges and + chains); None if the cell is
    not such a formula."""
    raw = st.raw(sheet, row, col)
    if raw is None or (isinstance(raw, int | float) and not isinstance(raw, bool) and raw == 0):
        return set(), raw
    if not (isinstance(raw, str) and raw.startswith("=")):
        return None, raw
    try:
        node = parse_formula(raw)
    except FormulaError:
        return None, raw
    rows: set[int] = set()

    def collect(n: Node) -> bool:
        if isinstance(n, Call) and n.name == "SUM":
            return all(collect(a) for a in n.args)
        if isinstance(n, Binary) and n.op == "+":
            return collect(n.left) and collect(n.right)
        if (
            isinstance(n, Ref)
            and n.external is None
            and (n.sheet in (None, sheet))
            and n.col == COL_H
            and (n.col2 in (None, COL_H))
        ):
            rows.update(range(n.row, (n.row2 or n.row) + 1))
            return True
        return False

    return (rows if collect(node) else None), raw


def check_sums(st: ImportState, block: Block) -> None:
    """Check the block's totals against its lines: subtotals cover their group's lines, D adds
    the subtotals, F is D + E; a faulty total is recorded in ``block.formula_defects``."""
    sheet = block.sheet
    for group, row in block.subtotals.items():
        covered, raw = _rows_of(st, sheet, row)
        members = {line.row for line in block.lines if line.group is group and line.lines}
        if covered is None:
            st.add(
                Severity.WARNING,
                "block-structure",
                f"subtotal kelompok {GROUP_WORDS[group]} bukan SUM kolom H",
                sheet,
                cell_ref(COL_H, row),
                raw,
                "setiap baris kelompok itu dihitung",
            )
            continue
        for missing in sorted(members - covered):
            message = (
                f"baris {missing} berada di luar subtotal kelompok {GROUP_WORDS[group]}; Excel "
                "tidak menghitungnya"
            )
            block.formula_defects.append(f"{cell_ref(COL_H, row)} {raw}: {message}")
            st.add(
                Severity.WARNING,
                "sum-range",
                message,
                sheet,
                cell_ref(COL_H, row),
                raw,
                "baris itu dihitung (analisa mencantumkannya); perbaiki rentang SUM di buku kerja",
            )
    for group in {line.group for line in block.lines}:
        if group not in block.subtotals:
            st.add(
                Severity.WARNING,
                "block-structure",
                f"kelompok {GROUP_WORDS[group]} punya baris tetapi tidak punya baris JUMLAH",
                sheet,
                cell_ref(COL_C, block.group_rows.get(group, block.header_row)),
                "",
                "baris-barisnya dihitung",
            )
    if block.d_row is not None:
        covered, raw = _rows_of(st, sheet, block.d_row)
        expected = set(block.subtotals.values())
        if covered is None or covered != expected:
            lines = {line.row: line.name for line in block.lines}
            detail = ""
            if covered is not None:
                wrong = [
                    f"H{r} ({'baris ' + repr(lines[r]) if r in lines else 'bukan subtotal'})"
                    for r in sorted(covered - expected)
                ]
                left_out = [
                    f"H{r} (JUMLAH {GROUP_WORDS[g]})"
                    for g, r in block.subtotals.items()
                    if r not in covered
                ]
                detail = "; ".join(
                    p
                    for p in (
                        "menjumlahkan " + ", ".join(wrong) if wrong else "",
                        "tidak menjumlahkan " + ", ".join(left_out) if left_out else "",
                    )
                    if p
                )
            message = f"baris D bukan A + B + C{': ' + detail if detail else ''}"
            block.formula_defects.append(f"{cell_ref(COL_H, block.d_row)} {raw}: {message}")
            st.add(
                Severity.WARNING,
                "sum-range",
                message,
                sheet,
                cell_ref(COL_H, block.d_row),
                raw,
                "dipakai D = A + B + C; perbaiki rumus baris D di buku kerja",
            )
    if block.f_row is not None:
        covered, raw = _rows_of(st, sheet, block.f_row)
        needed = {block.d_row, block.e_row}
        extra = {
            r for r in (covered or set()) - needed if st.raw(sheet, r, COL_H) is not None
        }
        if covered is None or not needed <= covered or extra:
            block.formula_defects.append(
                f"{cell_ref(COL_H, block.f_row)} {raw}: baris F bukan D + E"
            )
            st.add(
                Severity.WARNING,
                "sum-range",
                "baris F bukan D + E",
                sheet,
                cell_ref(COL_H, block.f_row),
                raw,
                "dipakai F = D + E",
            )
    if (
        block.rate_target_row is not None
        and block.f_row is not None
        and block.rate_target_row != block.f_row
    ):
        st.add(
            Severity.WARNING,
            "rate-cell",
            f"harga satuan membulatkan baris {block.rate_target_row}, bukan baris F "
            f"({block.f_row})",
            sheet,
            cell_ref(COL_I, block.title_row),
            st.raw(sheet, block.title_row, COL_I),
            "F kami adalah D + E blok itu",
        )


def read_overhead(st: ImportState, block: Block) -> None:
    """The overhead rate of row E (``H_E = H_D * G_E``, ``G_E = $N$7``), range-checked (0..1);
    unreadable is an ERROR and leaves the analysis out."""
    sheet, row = block.sheet, block.e_row
    if row is None:
        return
    raw = st.raw(sheet, row, COL_H)
    cell = cell_ref(COL_H, row)
    try:
        node = parse_formula(raw) if isinstance(raw, str) and raw.startswith("=") else None
    except FormulaError:
        node = None
    pct: Decimal | None = None
    if isinstance(node, Binary) and node.op == "*":
        left, right = node.left, node.right
        if isinstance(right, Ref) and right.col == COL_H and right.row == block.d_row:
            left, right = right, left
        if isinstance(left, Ref) and left.col == COL_H and left.row == block.d_row:
            try:
                pct = check_number(st.evaluate(sheet, right, []), Quantity.OVERHEAD)
            except (FormulaError, CellNumberError) as exc:
                st.add(
                    Severity.ERROR,
                    getattr(exc, "code", "overhead")
                    if isinstance(exc, CellNumberError)
                    else "overhead",
                    f"tarif biaya umum dan keuntungan tidak dapat dibaca ({exc})",
                    sheet,
                    cell,
                    raw,
                    "analisa tidak diimpor; perbaiki tarifnya (mis. 10% atau 0,1), lalu impor "
                    "lagi",
                )
                block.error = (
                    block.error or f"{cell}: tarif biaya umum dan keuntungan tidak dapat dibaca"
                )
                return
            if isinstance(right, Ref) and pct is not None:
                g = st.raw(sheet, right.row, right.col)
                if isinstance(g, str) and g.startswith("="):
                    try:
                        gnode = parse_formula(g)
                    except FormulaError:
                        gnode = None
                    if isinstance(gnode, Ref):
                        _note_overhead_cell(st, gnode.sheet or sheet, gnode.row, gnode.col)
    if pct is None:
        st.add(
            Severity.WARNING,
            "overhead",
            "baris E bukan D x tarif",
            sheet,
            cell,
            raw,
            "dipakai tarif biaya umum dan keuntungan bawaan buku",
        )
        return
    block.overhead = clean_decimal(pct)


def _note_overhead_cell(st: ImportState, sheet: str, row: int, col: int) -> None:
    key = f"{sheet}!{cell_ref(col, row)}"
    if key not in st.overhead_cells:
        try:
            value = check_number(st.cells.literal(st.raw(sheet, row, col)), Quantity.OVERHEAD)
        except CellNumberError:
            return  # refused where a block reads it (read_overhead)
        st.overhead_cells[key] = value
