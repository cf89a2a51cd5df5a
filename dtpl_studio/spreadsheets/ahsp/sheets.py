"""Phase 1: find the price list (defined name ``upahbahan``), the DHSP and the analysis sheets;
check that formulas carry cached values; read the regulation and year from the DHSP heading.
"""

from __future__ import annotations

import re
from decimal import Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    BookKind,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_C,
    COL_D,
    COL_E,
    COL_G,
    LEGAL,
    SHEET1_REASON,
    cell_ref,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.report import WorkbookImportError, number


def find_sheets(st: ImportState) -> None:
    """Find the price list (defined name ``upahbahan``, else sheet ``Upah Bahan``), the DHSP
    sheet and the analysis sheets; report hidden and skipped sheets.

    Raises:
        WorkbookImportError: no price list, or no analysis sheet."""
    names = st.wb.sheet_names
    rect = st.grid.names.get("upahbahan")
    if rect is None:
        price_sheet = next((s for s in names if s.strip().lower() == "upah bahan"), None)
        if price_sheet is None:
            raise WorkbookImportError(
                f"{st.file}: tidak ada daftar harga (tidak ada nama terdefinisi 'upahbahan' "
                "maupun lembar 'Upah Bahan')",
                st.report,
            )
        st.add(
            Severity.WARNING,
            "layout",
            "nama terdefinisi 'upahbahan' tidak ada; kolom E:G lembar ini yang dipakai",
            price_sheet,
            action="rentang pencarian diambil E9:G<baris terakhir>; periksa bahwa harga ada di "
            "kolom G",
        )
        rect = (price_sheet, COL_E, 9, COL_G, st.wb.max_rows.get(price_sheet, 9))
    st.lookup_rect = rect
    for sheet in names:
        rows = st.grid.raw[sheet]
        if sheet == rect[0]:
            continue
        if any(
            str(v).strip().upper().startswith("DAFTAR HARGA SATUAN PEKERJAAN")
            for (r, c), v in rows.items()
            if r <= 3 and isinstance(v, str)
        ) and any(
            isinstance(v, str) and v.upper().startswith("=VLOOKUP(")
            for (r, c), v in rows.items()
        ):
            if st.dhsp_sheet is None:
                st.dhsp_sheet = sheet
                continue
        if _has_blocks(st, sheet):
            st.analysis_sheets.append(sheet)
        else:
            _describe_skipped_sheet(st, sheet)
    if not st.analysis_sheets:
        raise WorkbookImportError(
            f"{st.file}: tidak ada lembar analisa (tidak ada blok dengan kepala 'No | Uraian' di "
            "kolom C:D)",
            st.report,
        )
    if st.dhsp_sheet is None:
        st.add(
            Severity.WARNING,
            "layout",
            "tidak ada lembar 'Daftar Harga Satuan Pekerjaan': analisa diberi kode menurut "
            "lembar dan urutannya",
            action="kode analisa <lembar>#<n>; tambahkan lembar DHSP bila kode bab dibutuhkan",
        )
    for sheet, state in st.wb.sheet_states.items():
        if state != "visible":
            st.add(
                Severity.INFO,
                "hidden-sheet",
                f"lembar tersembunyi ({state})",
                sheet,
                action="dibaca seperti lembar lain",
            )
    report_hidden_rows_and_columns(st)


def _ranges(numbers: set[int], name=str) -> str:
    """``{3, 4, 5, 9}`` → ``3–5, 9`` (``name`` turns a number into its label)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(name(r[0]) if len(r) == 1 else f"{name(r[0])}–{name(r[-1])}" for r in runs)


def report_hidden_rows_and_columns(st: ImportState) -> None:
    """Hidden rows and columns anywhere in the workbook (issue 8 point 3): one warning per
    sheet naming them, since a hidden row may hold an analysis line or a price that is
    summed although nobody sees it. The price list's hidden rows are reported row by row
    by the resource phase (:mod:`.resources`), not here."""
    from openpyxl.utils import get_column_letter

    price_sheet = st.lookup_rect[0] if st.lookup_rect else None
    for sheet in st.wb.sheet_names:
        rows = set() if sheet == price_sheet else set(st.grid.hidden_rows.get(sheet, set()))
        cols = set(st.wb.hidden_cols.get(sheet, set()))
        parts = []
        if rows:
            parts.append(f"baris {_ranges(rows)} ({number(len(rows))} baris)")
        if cols:
            parts.append(f"kolom {_ranges(cols, get_column_letter)} ({number(len(cols))} kolom)")
        if parts:
            st.add(Severity.WARNING, "hidden-rows-columns", "tersembunyi: " + "; ".join(parts), sheet,
                   action="dibaca seperti baris/kolom lain; periksa apakah isinya memang dipakai")


def check_cached_values(st: ImportState) -> None:
    """Excel stores each formula's last value next to it; a file saved by a program that
    does not calculate (openpyxl, most scripts) has none. Without them the names and prices
    that are formulas cannot be read and there is no workbook rate to compare with, so a
    workbook where at least half the formulas of the sheets read have no cached value is an
    error (the import is not usable); a few missing ones are a warning."""
    sheets = [
        s for s in (st.lookup_rect[0] if st.lookup_rect else None, st.dhsp_sheet) if s
    ]
    sheets += st.analysis_sheets
    total = 0
    missing: list[str] = []
    for sheet in sheets:
        for (row, col), raw in sorted(st.grid.raw[sheet].items()):
            is_formula = (isinstance(raw, str) and raw.startswith("=")) or (
                raw is not None and not isinstance(raw, str | int | float | bool)
            )
            if not is_formula:
                continue
            total += 1
            if st.cached(sheet, row, col) is None:
                missing.append(f"{sheet}!{cell_ref(col, row)}")
    if not missing:
        return
    st.report.counts["formulas_without_cached_value"] = len(missing)
    first = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
    if 2 * len(missing) >= total:
        st.add(
            Severity.ERROR,
            "no-cached-values",
            f"{number(len(missing))} dari {number(total)} sel rumus tidak punya nilai tersimpan "
            f"(yang pertama: {first}): berkas disimpan oleh program yang tidak menghitung (mis. "
            "openpyxl), sehingga nama dan harga yang berupa rumus tidak dapat dibaca dan tidak ada "
            "harga buku kerja untuk pembanding",
            action="impor TIDAK DAPAT DIPAKAI; buka buku kerja di Excel atau LibreOffice Calc, "
            "hitung ulang, simpan, lalu impor lagi",
        )
    else:
        st.add(
            Severity.WARNING,
            "no-cached-values",
            f"{number(len(missing))} dari {number(total)} sel rumus tidak punya nilai tersimpan "
            f"(yang pertama: {first})",
            action="sel-sel itu dibaca kosong; hitung ulang dan simpan buku kerja di Excel",
        )


def _has_blocks(st: ImportState, sheet: str) -> bool:
    for (row, col), value in st.grid.raw[sheet].items():
        if col == COL_C and isinstance(value, str) and value.strip().lower() == "no":
            if text_of(st.raw(sheet, row, COL_D)).lower().startswith("uraian"):
                return True
    return False


def _describe_skipped_sheet(st: ImportState, sheet: str) -> None:
    rows = st.grid.raw[sheet]
    external = sum(
        1
        for v in rows.values()
        if isinstance(v, str) and v.startswith("=") and re.search(r"\[\d+\]", v)
    )
    links = sorted(
        {
            int(m)
            for v in rows.values()
            if isinstance(v, str)
            for m in re.findall(r"\[(\d+)\]", v)
        }
    )
    targets = ", ".join(f"[{i}] {st.wb.external_links.get(i, '?')}" for i in links)
    looks_like_list = any(
        isinstance(v, str) and v.strip().upper().startswith("DAFTAR HARGA SATUAN PEKERJAAN")
        for (r, c), v in rows.items()
        if r <= 3
    )
    reason = (
        SHEET1_REASON
        if looks_like_list
        else "bukan lembar analisa: tidak ada kepala blok 'No | Uraian'"
    )
    detail = (
        f"{reason}; {number(len(rows))} sel berisi, {number(external)} rumus bertaut ke buku "
        "kerja luar"
    )
    if targets:
        detail += f" ({targets})"
    st.add(Severity.INFO, "sheet-skipped", detail, sheet, action="lembar tidak diimpor")
    st.report.notes.append(f"Lembar {sheet!r} dilewati — {detail}.")


def read_meta(st: ImportState) -> None:
    """The book's metadata: kind, regulation and year from the DHSP heading (``Permen PUPR
    No.8 Tahun 2023``), rounding ``ROUNDDOWN(F,-2)``, the Indonesian title and note; the region
    is not stated in the workbook (WARNING)."""
    meta = st.meta
    meta.kind = BookKind.AHSP_HSD
    meta.source_file = st.file
    meta.source_sha256 = st.wb.sha256
    meta.rate_rounding = RoundingRule(Decimal(100), RoundingMode.DOWN)
    heading: list[str] = []
    if st.dhsp_sheet:
        for (r, _c), v in sorted(st.grid.raw[st.dhsp_sheet].items()):
            if r <= 5 and isinstance(v, str):
                heading.append(" ".join(v.split()))
    text = " | ".join(heading)
    legal = LEGAL.search(text)
    if legal:
        meta.legal_ref = f"Permen PUPR No. {legal.group(1)} Tahun {legal.group(2)}"
        meta.year = int(legal.group(2))
    else:
        st.add(
            Severity.WARNING,
            "meta",
            "judul DHSP tidak menyebut 'Permen PUPR No.x Tahun yyyy'",
            st.dhsp_sheet or "",
            action="peraturan dan tahun buku harga dibiarkan kosong",
        )
    bidang = next((h for h in heading if h.upper().startswith("BIDANG")), "")
    bidang = bidang.title() if bidang else ""
    # title, edition and note are printed in the Indonesian documents (DTPL price list)
    subject = f"AHSP {bidang}" if bidang else "AHSP"
    law = f" (Permen PUPR No. {legal.group(1)}/{legal.group(2)})" if legal else ""
    meta.title = f"{subject}{law} — DHSP dan daftar harga upah/bahan/alat"
    meta.edition = f"{st.file} (sha256 {st.wb.sha256[:12]})"
    meta.region = ""
    meta.province = ""
    price_sheet = st.lookup_rect[0] if st.lookup_rect else "Upah Bahan"
    year = (
        f"Tahun {meta.year} adalah tahun {meta.legal_ref}"
        f"{' (' + bidang + ')' if bidang else ''}; daftar harga tidak bertanggal."
        if legal
        else "Tahun tidak diketahui: workbook tidak menyebut Permen PUPR; daftar harga "
        "tidak bertanggal."
    )
    meta.note = (
        f"Wilayah tidak diketahui: {st.file} tidak menyebut kabupaten/kota atau provinsi "
        f"untuk daftar harganya (sheet {price_sheet}). {year} Harga satuan pekerjaan "
        "dibulatkan ke bawah ke kelipatan Rp 100 seperti ROUNDDOWN(F,-2) pada workbook."
    )
    st.add(
        Severity.WARNING,
        "meta",
        "buku kerja tidak menyebut wilayah (kabupaten/kota, provinsi) daftar harganya",
        st.dhsp_sheet or "",
        "B2:B4",
        text,
        "wilayah buku harga dibiarkan kosong ('tidak diketahui'); pastikan harganya berlaku "
        "untuk lokasi pekerjaan",
    )
