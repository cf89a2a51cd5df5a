"""Phase 4b: one line of an analysis block — its coefficient, an amount that is not F x G, a
share of another line or subtotal (``=F14*H13``, ``=H13*6%``) — into :class:`AnalysisLine`
objects; the price of a line is read by :mod:`.prices`.
"""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT
from dtpl_studio.costing.pricebook import (
    AnalysisLine,
    LineKind,
    ResourceKind,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_D,
    COL_F,
    COL_G,
    COL_H,
    GROUP_WORDS,
    Block,
    BlockLine,
    cell_ref,
    clean_decimal,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.prices import priced_line
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity, check_number, shown_raw
from dtpl_studio.spreadsheets.formula import (
    Binary,
    Call,
    FormulaError,
    Name,
    Node,
    Ref,
    parse_formula,
    walk,
)
from dtpl_studio.spreadsheets.report import number, rupiah


def read_line(st: ImportState, block: Block, row: int, group: ResourceKind) -> BlockLine:
    """Read the line on ``row`` of ``block`` (group ``group``): ``H = F * G`` priced through
    :func:`~dtpl_studio.spreadsheets.ahsp.prices.priced_line`, a share of another line
    (``H = F * H<m>``), or an amount taken as written (with a finding)."""
    sheet = block.sheet
    name = st.shown(sheet, row, COL_D)
    line = BlockLine(row, group, name)
    notes: list[str] = []
    coefficient = read_coefficient(st, sheet, row, notes)
    h_raw = st.raw(sheet, row, COL_H)
    h_node = None
    if isinstance(h_raw, str) and h_raw.startswith("="):
        try:
            h_node = parse_formula(h_raw)
        except FormulaError:
            h_node = None
    derived = _derived_parts(h_node, row)
    if derived is not None:
        target_row, factor_node = derived
        line.derived_from = target_row
        if isinstance(factor_node, Ref) and (factor_node.col, factor_node.row) == (COL_F, row):
            line.factor = coefficient
        else:
            try:
                line.factor = check_number(
                    st.evaluate(sheet, factor_node, notes), Quantity.SHARE
                )
            except (FormulaError, CellNumberError) as exc:
                st.add(
                    Severity.ERROR,
                    "derived-line",
                    f"bagian dari baris {target_row} tidak dapat dibaca ({exc})",
                    sheet,
                    cell_ref(COL_H, row),
                    h_raw,
                    "analisa tidak diimpor; perbaiki rumus jumlah harga ini, lalu impor lagi",
                )
                line.missing = True
                block.error = block.error or f"baris {row}: rumus jumlah harga tidak dapat dibaca"
                return line
            ignored = [
                f"{label} {text_of(st.raw(sheet, row, col))}"
                for label, col in (("koefisien", COL_F), ("harga", COL_G))
                if st.raw(sheet, row, col) is not None
            ]
            if ignored:
                st.add(
                    Severity.WARNING,
                    "amount-ignores-line",
                    f"jumlah harga adalah bagian tetap dari baris {target_row}; Excel mengabaikan "
                    f"{' dan '.join(ignored)} baris ini sendiri",
                    sheet,
                    cell_ref(COL_H, row),
                    h_raw,
                    "jumlah yang dihitung Excel yang dipakai",
                )
        return line
    operands = _product_refs(h_node)
    if operands is not None and {(COL_F, row)} <= {(r.col, r.row) for r in operands}:
        other = next((r for r in operands if (r.col, r.row) != (COL_F, row)), None)
        if (
            other is not None
            and other.col == COL_G
            and other.row == row
            and other.sheet is None
        ):
            if coefficient is None:  # refused, with an ERROR finding at F
                line.missing = True
                block.error = block.error or f"F{row}: koefisien tidak dapat dibaca"
                return line
            line.lines = priced_line(st, block, row, group, name, coefficient)
            if not line.lines:
                line.missing = True
            return line
    # anything else: an amount Excel takes as written
    where = cell_ref(COL_H, row)
    if h_raw is None:
        st.add(
            Severity.WARNING,
            "line-no-amount",
            "baris tidak punya jumlah harga (H); Excel tidak menghitungnya",
            sheet,
            where,
            name,
            "baris tidak diimpor",
        )
        return line
    reading = st.cells.read(
        sheet,
        row,
        COL_H,
        Quantity.AMOUNT,
        action="analisa tidak diimpor; perbaiki sel ini, lalu impor lagi",
        code="line-amount",
        subject=f"jumlah harga baris {name!r}",
    )
    if reading is None or reading.value is None:
        line.missing = True
        block.error = block.error or f"baris {row}: jumlah harga tidak dapat dibaca"
        return line
    amount = reading.value
    st.add(
        Severity.WARNING,
        "line-amount",
        "jumlah harga baris bukan koefisien x harga",
        sheet,
        where,
        getattr(h_raw, "text", h_raw),
        f"diambil sebagai jumlah tetap {rupiah(amount)} (koefisien 1, harga dipatok)",
    )
    line.lines = [
        AnalysisLine(
            kind=LineKind(group.value),
            ref=name,
            coefficient=Decimal(1),
            unit="ls",
            description=name,
            price_override=clean_decimal(amount),
            source_ref=f"{st.file} | {sheet}!D{row}:H{row}",
        )
    ]
    return line


def _derived_parts(node: Node | None, row: int) -> tuple[int, Node] | None:
    """``H<m> * x`` or ``x * H<m>`` (m ≠ row, same sheet) → (m, x), where x is this row's F
    or a constant expression."""
    if not (isinstance(node, Binary) and node.op == "*"):
        return None
    for h, other in ((node.left, node.right), (node.right, node.left)):
        if (
            isinstance(h, Ref)
            and not h.is_range
            and h.sheet is None
            and h.external is None
            and h.col == COL_H
            and h.row != row
        ):
            refs = [n for n in walk(other) if isinstance(n, Ref)]
            if (
                isinstance(other, Ref)
                and (other.col, other.row) == (COL_F, row)
                and other.sheet is None
            ):
                return h.row, other
            if not refs and not any(isinstance(n, Call | Name) for n in walk(other)):
                return h.row, other
    return None


def _product_refs(node: Node | None) -> list[Ref] | None:
    if (
        isinstance(node, Binary)
        and node.op == "*"
        and isinstance(node.left, Ref)
        and isinstance(node.right, Ref)
    ):
        if (
            not node.left.is_range
            and not node.right.is_range
            and node.left.external is None
            and node.right.external is None
        ):
            return [node.left, node.right]
    return None


def read_coefficient(st: ImportState, sheet: str, row: int, notes: list[str]) -> Decimal | None:
    """The coefficient in F through the shared :class:`CellReader`: a number, a text
    number (decimal comma), or a formula evaluated exactly. None (with an ERROR finding)
    when it cannot be read or is out of range (negative, absurd)."""
    cell = cell_ref(COL_F, row)
    reading = st.cells.read(
        sheet,
        row,
        COL_F,
        Quantity.COEFFICIENT,
        action="baris tidak diimpor dan analisanya tidak dimasukkan; perbaiki sel ini, lalu "
        "impor lagi",
        code="coefficient",
        subject="koefisien",
    )
    if reading is None:
        return None
    raw, value = reading.raw, reading.value
    if value is None:
        st.add(
            Severity.WARNING,
            "coefficient-empty",
            "baris tidak punya koefisien; Excel menghitungnya 0",
            sheet,
            cell,
            "",
            "koefisien 0; isi koefisiennya bila baris ini dipakai",
        )
        return Decimal(0)
    if reading.source == "cached":
        st.add(
            Severity.WARNING,
            "coefficient",
            f"rumus koefisien tidak dapat dihitung ({reading.why_cached})",
            sheet,
            cell,
            shown_raw(raw),
            f"nilai tersimpan {number(value)} yang dipakai",
        )
    elif reading.source == "formula":
        extra = f"; {'; '.join(reading.notes)}" if reading.notes else ""
        st.add(
            Severity.INFO,
            "formula-evaluated",
            "koefisien berupa rumus",
            sheet,
            cell,
            raw,
            f"dihitung tepat: {number(value)}{extra}",
        )
        notes.extend(reading.notes)
    elif reading.source == "text":
        excel = _excel_text_reading(raw)
        st.add(
            Severity.WARNING,
            "text-decimal-comma",
            "koefisien tersimpan sebagai teks dengan koma desimal",
            sheet,
            cell,
            raw,
            f"dibaca sebagai {number(value)}; {excel}",
        )
    return value


def _excel_text_reading(text: str) -> str:
    from dtpl_studio.spreadsheets.formula import _US_TEXT_NUMBER

    compact = text.strip().replace(" ", "")
    if _US_TEXT_NUMBER.match(compact):
        thousands = number(Decimal(compact.replace(",", "")))
        return f"Excel membacanya sebagai {thousands} (koma sebagai pemisah ribuan)"
    return "Excel tidak dapat menghitung dengannya (#VALUE!)"


def resolve_derived(st: ImportState, block: Block) -> None:
    """Turn the lines that are a share of another line or subtotal into that share of its
    lines (coefficients multiplied, priced alike); an unsupported target is an ERROR."""
    by_row = {line.row: line for line in block.lines}
    for line in block.lines:
        if line.derived_from is None:
            continue
        _resolve_one(st, block, line, by_row, set())


def _resolve_one(
    st, block: Block, line: BlockLine, by_row: dict[int, BlockLine], seen: set[int]
) -> None:
    if line.lines or line.missing or line.derived_from is None:
        return
    sheet, row = block.sheet, line.row
    if row in seen:
        line.missing = True
        block.error = block.error or f"baris {row}: rujukan antarbaris melingkar"
        return
    seen.add(row)
    source = f"{st.file} | {sheet}!D{row}:H{row}"
    k = line.factor
    target_row = line.derived_from
    if k is None:
        line.missing = True
        return
    formula = st.raw(sheet, row, COL_H)
    target = by_row.get(target_row)
    if target is not None:
        _resolve_one(st, block, target, by_row, seen)
        if target.missing or not target.lines:
            line.missing = True
            block.fail(
                f"baris {row}: bergantung pada baris {target_row} yang tidak punya harga",
                price=True,
            )
            return
        for base in target.lines:
            kind = (
                base.kind
                if base.kind in (LineKind.SUB_ANALYSIS, LineKind.PCT_OF_MATERIAL)
                else LineKind(line.group.value)
            )
            line.lines.append(
                AnalysisLine(
                    kind=kind,
                    ref=base.ref,
                    coefficient=clean_decimal(CONTEXT.multiply(k, base.coefficient)),
                    unit=base.unit,
                    description=line.name or base.description,
                    price_override=base.price_override,
                    group=line.group if kind is LineKind.SUB_ANALYSIS else base.group,
                    source_ref=source,
                )
            )
        st.add(
            Severity.INFO,
            "derived-line",
            f"jumlah harga adalah {number(k)} x jumlah harga baris {target_row} ({target.name!r})",
            sheet,
            cell_ref(COL_H, row),
            formula,
            f"dicatat sebagai {number(k)} x koefisien baris {target_row}, dengan harga yang sama",
        )
        return
    subtotal_group = next((g for g, r in block.subtotals.items() if r == target_row), None)
    if subtotal_group is ResourceKind.MATERIAL and line.group is ResourceKind.EQUIPMENT:
        line.lines.append(
            AnalysisLine(LineKind.PCT_OF_MATERIAL, "", k, "%", line.name, source_ref=source)
        )
        st.add(
            Severity.INFO,
            "derived-line",
            "peralatan berupa persentase dari jumlah bahan B",
            sheet,
            cell_ref(COL_H, row),
            formula,
            f"dicatat sebagai {number(k)} x B",
        )
        return
    if subtotal_group is not None and subtotal_group is not line.group:
        members = [m for m in block.lines if m.group is subtotal_group and m is not line]
        for member in members:
            _resolve_one(st, block, member, by_row, seen)
            for base in member.lines:
                kind = (
                    base.kind
                    if base.kind in (LineKind.SUB_ANALYSIS, LineKind.PCT_OF_MATERIAL)
                    else LineKind(line.group.value)
                )
                line.lines.append(
                    AnalysisLine(
                        kind,
                        base.ref,
                        clean_decimal(CONTEXT.multiply(k, base.coefficient)),
                        base.unit,
                        line.name,
                        base.price_override,
                        base.group,
                        source,
                    )
                )
        st.add(
            Severity.INFO,
            "derived-line",
            f"jumlah harga adalah {number(k)} x subtotal kelompok {GROUP_WORDS[subtotal_group]}",
            sheet,
            cell_ref(COL_H, row),
            formula,
            "dicatat sebagai bagian itu dari setiap baris kelompok tersebut",
        )
        return
    st.add(
        Severity.ERROR,
        "derived-line",
        f"jumlah harga merujuk baris {target_row}, yang bukan baris blok ini",
        sheet,
        cell_ref(COL_H, row),
        formula,
        "analisa tidak diimpor; rujuk baris di dalam blok yang sama",
    )
    line.missing = True
    block.error = block.error or f"baris {row}: rumus jumlah harga tidak didukung"
