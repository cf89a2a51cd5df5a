"""Phase 4c: the price of a line — ``VLOOKUP(name, upahbahan, 3, FALSE)`` tied to its resource
(optionally ``/ n`` or ``* n`` as a unit conversion), a typed or text price pinned on the line, an
external link or array formula taken at its cached value — and the unit the line is recorded in.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT
from dtpl_studio.costing.pricebook import (
    AnalysisLine,
    LineKind,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.units import (
    UnitMismatchError,
    UnknownUnitError,
    conversion_factor,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_D,
    COL_E,
    COL_F,
    COL_G,
    Block,
    cell_ref,
    clean_decimal,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity
from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    FormulaError,
    Name,
    Node,
    Num,
    Ref,
    Text,
    cached_as_value,
    parse_formula,
    to_decimal,
    walk,
)
from dtpl_studio.spreadsheets.report import number, rupiah


def priced_line(
    st, block: Block, row: int, group: ResourceKind, name: str, coefficient: Decimal
) -> list[AnalysisLine]:
    """The :class:`AnalysisLine` list for a line priced in G: a VLOOKUP into ``upahbahan``
    (optionally ``/ n`` or ``* n``), a typed or text price (range-checked, pinned), or an
    external link / array formula at its cached value. ``[]`` (with ``block.error``) when the
    price cannot be read."""
    sheet = block.sheet
    raw = st.raw(sheet, row, COL_G)
    cell = cell_ref(COL_G, row)
    source = f"{st.file} | {sheet}!D{row}:H{row}"
    kind = LineKind(group.value)
    unit_raw = st.raw(sheet, row, COL_E)
    line_unit = st.unit(unit_raw, sheet, cell_ref(COL_E, row), f"baris {name!r}")
    if raw is None:
        st.add(
            Severity.WARNING,
            "price-empty",
            "baris tidak punya harga; Excel menghitungnya 0",
            sheet,
            cell,
            "",
            "harga dipatok 0; isi harganya bila baris ini dipakai",
        )
        return [
            AnalysisLine(
                kind, name, coefficient, line_unit, name, Decimal(0), source_ref=source
            )
        ]
    if not (isinstance(raw, str) and raw.startswith("=")) and isinstance(
        raw, int | float | str
    ):
        reading = st.cells.read(
            sheet,
            row,
            COL_G,
            Quantity.PRICE,
            action="analisa tidak diimpor; perbaiki sel ini, lalu impor lagi",
            code="price",
            subject=f"harga baris {name!r}",
        )
        if reading is None:
            block.fail(f"{cell}: harga bukan angka yang dapat diterima", price=True)
            return []
        price = reading.value
        if reading.source == "text":
            st.add(
                Severity.WARNING,
                "text-number",
                "harga tersimpan sebagai teks",
                sheet,
                cell,
                raw,
                f"dibaca sebagai {number(price)}, dipatok pada baris ini",
            )
        else:
            st.add(
                Severity.INFO,
                "price-in-analysis",
                "harga diketik langsung di analisa (bukan dari Upah Bahan)",
                sheet,
                cell,
                raw,
                f"harga dipatok {rupiah(price)} pada baris ini",
            )
        return [
            AnalysisLine(kind, name, coefficient, line_unit, name, price, source_ref=source)
        ]
    formula = getattr(raw, "text", raw)
    is_array = not isinstance(raw, str)
    node = None
    if not is_array:
        try:
            node = parse_formula(formula)
        except FormulaError:
            node = None
    lookup, factor_op, factor = _vlookup_parts(node)
    if lookup is not None:
        key_node, col = lookup
        if col != 3:
            st.add(
                Severity.ERROR,
                "price",
                f"VLOOKUP mengambil kolom {col} daftar harga, bukan kolom harga (3)",
                sheet,
                cell,
                formula,
                "analisa tidak diimpor; perbaiki nomor kolom VLOOKUP menjadi 3, lalu impor lagi",
            )
            block.fail(f"{cell}: VLOOKUP kolom {col}", price=True)
            return []
        lookup_name = lookup_key(st, block, row, name, key_node, formula)
        key = st.find_resource(lookup_name)
        if key is None:
            key = st.lookup_trimmed.get(lookup_name.strip().casefold())
            if key is not None:
                st.add(
                    Severity.WARNING,
                    "name-mismatch",
                    f"VLOOKUP tidak menemukan {lookup_name!r} persis (ada spasi berlebih, atau "
                    "nama di baris harganya menampilkan galat); Excel memberi #N/A di sini",
                    sheet,
                    cell,
                    formula,
                    f"dicocokkan dengan upah/bahan/alat {key!r} tanpa memedulikan hal itu; samakan "
                    "namanya di buku kerja",
                )
        if key is None:
            d_raw = st.raw(sheet, row, COL_D)
            why = (
                f"; sel nama D{row} berupa rumus ({getattr(d_raw, 'text', d_raw)}) tanpa nilai "
                "tersimpan"
                if not lookup_name.strip()
                and d_raw is not None
                and not isinstance(d_raw, int | float)
                and (not isinstance(d_raw, str) or d_raw.startswith("="))
                and st.cached(sheet, row, COL_D) is None
                else ""
            )
            refused = st.refused.get(lookup_name.strip().casefold())
            st.add(
                Severity.ERROR,
                "missing-price",
                f"{lookup_name!r} tidak punya harga yang dapat dipakai: sel harganya {refused} "
                "ditolak"
                if refused
                else f"{lookup_name!r} tidak ada di Upah Bahan (Excel: #N/A){why}",
                sheet,
                cell,
                formula,
                "analisa tidak diimpor; tambahkan nama itu ke Upah Bahan (atau perbaiki "
                "harganya), lalu impor lagi",
                cause=refused or "",
            )
            block.fail(f"{cell}: {lookup_name!r} tidak punya harga", price=True, cause=refused or "")
            return []
        resource = st.resources[key]
        if factor is not None:
            coefficient = clean_decimal(
                CONTEXT.divide(coefficient, factor)
                if factor_op == "/"
                else CONTEXT.multiply(coefficient, factor)
            )
            st.add(
                Severity.INFO,
                "price-converted",
                f"harga adalah harga Upah Bahan {factor_op} {number(factor)} (konversi satuan, "
                "mis. m3 ke kg menurut berat isi)",
                sheet,
                cell,
                formula,
                f"koefisien {number(_raw_coefficient(st, sheet, row))} {text_of(unit_raw)} "
                f"dicatat sebagai {number(coefficient)} {resource.unit or '-'} {resource.name!r}",
            )
            return [
                AnalysisLine(
                    kind, key, coefficient, resource.unit, name, None, source_ref=source
                )
            ]
        unit = recorded_unit(st, line_unit, resource, sheet, row, unit_raw)
        return [AnalysisLine(kind, key, coefficient, unit, name, None, source_ref=source)]
    # anything else: external links, array formulas, other functions → the cached value
    cached = to_decimal(cached_as_value(st.cached(sheet, row, COL_G)))
    externals = (
        sorted(
            {n.external for n in walk(node) if isinstance(n, Ref) and n.external is not None}
        )
        if node
        else []
    )
    if is_array or externals:
        externals = externals or [int(m) for m in re.findall(r"\[(\d+)\]", str(formula))]
    source_text = ", ".join(
        f"[{i}] {st.wb.external_links.get(i, '?')}" for i in sorted(set(externals))
    )
    if cached is None:
        st.add(
            Severity.ERROR,
            "price",
            "rumus harga tidak dapat diikuti dan tidak punya angka tersimpan",
            sheet,
            cell,
            formula,
            "analisa tidak diimpor; buka buku kerja di Excel, hitung ulang dan simpan (atau ganti "
            "rumusnya dengan VLOOKUP ke Upah Bahan), lalu impor lagi",
        )
        block.fail(f"{cell}: harga tidak dapat dibaca", price=True)
        return []
    what = f"bertaut ke buku kerja luar {source_text}" if source_text else "tidak dapat diikuti"
    key = st.find_resource(name)
    if key is not None and st.resources[key].price == cached:
        resource = st.resources[key]
        st.add(
            Severity.INFO,
            "external-price",
            f"rumus harga {what}; nilai tersimpannya sama dengan harga {resource.name!r} di "
            "Upah Bahan",
            sheet,
            cell,
            formula,
            f"baris dikaitkan dengan upah/bahan/alat {key!r} ({rupiah(cached)})",
        )
        unit = recorded_unit(st, line_unit, resource, sheet, row, unit_raw)
        return [AnalysisLine(kind, key, coefficient, unit, name, None, source_ref=source)]
    st.add(
        Severity.WARNING,
        "external-price",
        f"rumus harga {what}",
        sheet,
        cell,
        formula,
        f"nilai tersimpan {rupiah(cached)} dipatok pada baris ini; ganti rumusnya dengan VLOOKUP "
        "ke Upah Bahan bila harganya harus mengikuti daftar harga",
    )
    return [
        AnalysisLine(
            kind, name, coefficient, line_unit, name, clean_decimal(cached), source_ref=source
        )
    ]


def _raw_coefficient(st: ImportState, sheet: str, row: int) -> Decimal:
    """F as written (for a message only); 0 when it cannot be read."""
    raw = st.raw(sheet, row, COL_F)
    try:
        if isinstance(raw, str) and raw.startswith("="):
            return st.evaluate(sheet, parse_formula(raw), [])
        return st.cells.literal(raw)
    except (FormulaError, CellNumberError):
        return Decimal(0)


def _vlookup_parts(
    node: Node | None,
) -> tuple[tuple[Node, int] | None, str, Decimal | None]:
    """``VLOOKUP(key, upahbahan, col, FALSE)`` (optionally ``/ n`` or ``* n``) →
    ``((key node, col), op, n)``; ``(None, "", None)`` for anything else."""
    factor_op, factor = "", None
    if isinstance(node, Binary) and node.op in ("/", "*") and isinstance(node.right, Num):
        factor_op, factor = node.op, Decimal(node.right.text)
        node = node.left
    if isinstance(node, Call) and node.name == "VLOOKUP" and len(node.args) == 4:
        key, table, col, exact = node.args
        if (
            isinstance(table, Name)
            and table.name.lower() == "upahbahan"
            and isinstance(col, Num)
        ):
            if (getattr(exact, "value", None) is False) or (
                isinstance(exact, Num) and Decimal(exact.text) == 0
            ):
                return (key, int(Decimal(col.text))), factor_op, factor
    return None, "", None


def lookup_key(st: ImportState, block: Block, row: int, name: str, key_node: Node, formula: str) -> str:
    """The name a line's ``VLOOKUP(key, upahbahan, …)`` is priced with.

    The key should be the line's own name cell (``D<row>``). When it is another cell or a
    literal (``Persiapan!G388 =VLOOKUP(D356,…)`` on the ``Waterpass`` line looks up
    ``Pekerja``), the line is priced as its own name when that name is in Upah Bahan (a
    WARNING finding; the block's cached rate then differs, reason ``lookup-wrong-row``),
    else Excel's lookup is kept (said in the finding)."""
    sheet = block.sheet
    cell = cell_ref(COL_G, row)
    own_text = st.exact_text(sheet, row, COL_D)
    if isinstance(key_node, Ref) and not key_node.is_range and key_node.external is None:
        key_sheet = key_node.sheet or sheet
        if key_sheet == sheet and (key_node.col, key_node.row) == (COL_D, row):
            return own_text
        excel_text = st.exact_text(key_sheet, key_node.row, key_node.col)
        key_place = (
            cell_ref(key_node.col, key_node.row)
            if key_sheet == sheet
            else f"{key_sheet}!{cell_ref(key_node.col, key_node.row)}"
        )
        what = f"sel {key_place} ({excel_text!r})"
    elif isinstance(key_node, Text):
        excel_text = key_node.value
        what = f"teks {excel_text!r}"
    else:
        st.add(
            Severity.WARNING,
            "lookup-key",
            f"kunci pencarian harga berupa ekspresi, bukan sel nama baris ini D{row}",
            sheet,
            cell,
            formula,
            f"diberi harga menurut nama barisnya {name!r}",
        )
        return own_text
    own_key = st.resource_for(own_text)
    excel_key = st.resource_for(excel_text)
    excel_desc = (
        f"{st.resources[excel_key].name!r} ({rupiah(st.resources[excel_key].price)} "
        f"per {st.resources[excel_key].unit or '-'})"
        if excel_key is not None
        else "#N/A (tidak ada di Upah Bahan)"
    )
    message = (
        f"rumus harga mencari {what}, bukan nama baris ini sendiri D{row} ({name!r}); "
        f"Excel memakai harga {excel_desc}"
    )
    if own_key is not None and own_key == excel_key:
        st.add(
            Severity.INFO,
            "lookup-wrong-row",
            message,
            sheet,
            cell,
            formula,
            "tidak berpengaruh: kedua nama menemukan upah/bahan/alat yang sama",
        )
        return own_text
    if own_key is None:
        st.add(
            Severity.WARNING,
            "lookup-wrong-row",
            message + f"; nama baris ini sendiri {name!r} tidak ada di Upah Bahan",
            sheet,
            cell,
            formula,
            f"perilaku Excel dipertahankan: baris diberi harga {excel_text!r} seperti kata "
            "rumusnya; periksa rumus ini di buku kerja",
        )
        return excel_text
    own = st.resources[own_key]
    st.add(
        Severity.WARNING,
        "lookup-wrong-row",
        message,
        sheet,
        cell,
        formula,
        f"baris diberi harga menurut namanya sendiri: upah/bahan/alat {own_key!r} "
        f"({rupiah(own.price)} per {own.unit or '-'}) (kesalahan rumus di buku kerja; harga "
        "satuan tersimpannya berbeda); perbaiki rujukan VLOOKUP ke D" + str(row),
    )
    block.lookup_defects.append(
        f"{sheet}!{cell} {formula}: baris {name!r} mencari {what}, sehingga Excel memakai "
        f"harga {excel_desc}; kami memakai {own.name!r} ({rupiah(own.price)} per "
        f"{own.unit or '-'})"
    )
    return own_text


def recorded_unit(
    st, line_unit: str, resource: Resource, sheet: str, row: int, unit_raw: Any
) -> str:
    """The unit a line is recorded in. Excel multiplies coefficient x price whatever the
    units say, so a line whose unit does not convert 1:1 to the resource's unit is recorded
    in the resource's unit (with a finding) to keep the workbook's amount."""
    if not line_unit or line_unit == resource.unit or not resource.unit:
        if not line_unit and resource.unit:
            st.add(
                Severity.INFO,
                "line-unit",
                "baris tidak punya satuan",
                sheet,
                cell_ref(COL_E, row),
                "",
                f"dipakai satuan upah/bahan/alatnya {resource.unit!r}",
            )
        return resource.unit or line_unit
    try:
        factor = conversion_factor(line_unit, resource.unit)
    except (UnitMismatchError, UnknownUnitError):
        factor = None
    if factor == 1:
        return line_unit
    st.add(
        Severity.WARNING,
        "line-unit",
        f"satuan baris {line_unit!r} berbeda dari satuan {resource.name!r} ({resource.unit!r}); "
        "Excel mengalikan koefisien x harga tanpa konversi",
        sheet,
        cell_ref(COL_E, row),
        text_of(unit_raw),
        f"baris dicatat dalam {resource.unit!r}, seperti hitungan Excel",
    )
    return resource.unit


