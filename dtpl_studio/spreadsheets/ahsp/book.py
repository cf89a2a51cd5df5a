"""Phase 6: the :class:`PriceBook` from what the phases read (resources, analyses with their
lines, overhead and rounding).
"""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    ResourceKind,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_C,
    cell_ref,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.report import number


def build_book(st: ImportState) -> PriceBook:
    """Build the :class:`PriceBook` from what the phases read: every resource, every block
    without an error as an :class:`Analysis` (the others get an ERROR ``analysis-skipped``),
    the default overhead from the first overhead cell. Counts go into the report."""
    overheads = [b.overhead for b in st.blocks if b.overhead is not None]
    cells = st.overhead_cells
    if cells:
        first_key = next(iter(cells))
        st.meta.default_overhead_pct = cells[first_key]
        for key, value in cells.items():
            st.add(
                Severity.INFO,
                "overhead",
                "sel tarif Biaya Umum dan Keuntungan",
                key.split("!")[0],
                key.split("!")[1],
                value,
                f"tarif {number(value * 100)} %",
            )
        st.report.notes.append(
            "Biaya umum dan keuntungan (E) dibaca dari sel tiap lembar: "
            + ", ".join(f"{k} = {number(v)}" for k, v in cells.items())
            + f"; nilai bawaan buku {number(st.meta.default_overhead_pct)} dari {first_key}."
        )
    elif overheads:
        st.meta.default_overhead_pct = overheads[0]
    book = PriceBook(st.meta)
    for resource in st.resources.values():
        book.add_resource(resource)
    lines_total = 0
    for block in st.blocks:
        missing = [line.row for line in block.lines if line.missing]
        if missing and not block.error:  # never an analysis with a line silently dropped
            block.error = f"baris {missing[0]} tidak dapat dibaca"
        if block.error:
            st.add(
                Severity.ERROR,
                "analysis-skipped",
                f"analisa {block.code} tidak diimpor: {block.error}",
                block.sheet,
                cell_ref(COL_C, block.title_row),
                block.name,
                "tidak dimasukkan ke buku harga; perbaiki sel yang disebut temuan galat blok ini, "
                "lalu impor lagi",
                cause=block.cause,
            )
            continue
        lines: list[AnalysisLine] = []
        for line in block.lines:
            for item in line.lines:
                # the group a line is summed in, stated on every line (PriceBook reads it
                # for sub-analyses only; the edition files are clearer with it)
                if item.kind is LineKind.PCT_OF_MATERIAL:
                    item.group = ResourceKind.EQUIPMENT
                elif item.kind is not LineKind.SUB_ANALYSIS:
                    item.group = ResourceKind(item.kind.value)
                lines.append(item)
        lines_total += len(lines)
        overhead = block.overhead
        if overhead is not None and overhead == st.meta.default_overhead_pct:
            overhead = None
        method = ""
        lowered = block.name.lower()
        if "semi mekanis" in lowered:
            method = "semi-mekanis"
        elif "mekanis" in lowered:
            method = "mekanis"
        elif "manual" in lowered:
            method = "manual"
        book.put_analysis(
            Analysis(
                code=block.code,
                name=block.name,
                unit=block.unit,
                lines=lines,
                overhead_pct=overhead,
                code_scheme=block.code_scheme,
                chapter=block.sheet,
                source_ref=f"{st.file} | {block.sheet}!C{block.title_row}",
                method=method,
                note=block.note,
                rate_rounding=(
                    RoundingRule(Decimal(10) ** -block.rate_digits, RoundingMode.DOWN)
                    if block.rate_digits is not None and block.rate_digits != -2
                    else None
                ),
            )
        )
    st.report.counts["analysis_sheets"] = len(st.analysis_sheets)
    st.report.counts["analysis_blocks"] = len(st.blocks)
    st.report.counts["analyses"] = len(book.analyses)
    st.report.counts["analysis_lines"] = lines_total
    return book
