"""Phase 2: the resource table ``Upah Bahan`` (sections I. UPAH / II. MATERIAL / III. ALAT, names
as VLOOKUP matches them, duplicates, prices through the shared cell reader).
"""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.pricebook import (
    Resource,
    ResourceKind,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    ROMAN,
    SECTION_KINDS,
    cell_ref,
    text_of,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.cells import Quantity, shown_raw
from dtpl_studio.spreadsheets.report import WorkbookImportError, number, rupiah


def read_resources(st: ImportState) -> None:
    """Read the price list (the ``upahbahan`` range): section rows set the resource kind,
    sub-headings the note; every price through the shared cell reader (refused prices are
    ERROR findings and recorded in ``st.refused``); names as VLOOKUP matches them, a repeated
    name kept under ``<name> (row N)``.

    Raises:
        WorkbookImportError: the lookup range has fewer than three columns."""
    sheet, c1, r1, c2, r2 = st.lookup_rect  # type: ignore[misc]
    name_col, unit_col, price_col = c1, c1 + 1, c1 + 2
    if c2 - c1 < 2:
        raise WorkbookImportError(
            f"{st.file}: rentang pencarian 'upahbahan' kurang dari 3 kolom (nama, satuan, "
            "harga)",
            st.report,
        )
    no_col, note_col = c1 - 1, c1 + 3
    hidden = st.grid.hidden_rows.get(sheet, set())
    # the section in force at the top of the range: scan upwards
    kind: ResourceKind | None = None
    category = ""
    for row in range(1, r1):
        kind, category = _section(st, sheet, row, no_col, name_col, kind, category)
    duplicates = 0
    for row in range(r1, r2 + 1):
        raw_name = st.raw(sheet, row, name_col)
        unit_raw = st.raw(sheet, row, unit_col)
        price_raw = st.raw(sheet, row, price_col)
        if raw_name is None and unit_raw is None and price_raw is None:
            continue
        new_kind, new_category = _section(st, sheet, row, no_col, name_col, kind, category)
        if (new_kind, new_category) != (kind, category):
            kind, category = new_kind, new_category
            continue
        cell = cell_ref(name_col, row)
        if (
            isinstance(raw_name, str)
            and raw_name.startswith("=")
            or (raw_name is not None and not isinstance(raw_name, str | int | float))
        ):
            formula = getattr(raw_name, "text", raw_name)
            cached = st.cached(sheet, row, name_col)
            name = str(formula).lstrip("=").strip()
            st.add(
                Severity.WARNING,
                "name-formula",
                f"nama upah/bahan/alat berupa rumus; Excel menampilkan {cached!r}, sehingga "
                "VLOOKUP tidak dapat menemukan baris ini",
                sheet,
                cell,
                formula,
                f"nama diambil dari teks rumusnya: {name!r}; hapus tanda '=' di awal sel bila "
                "ini memang nama",
            )
            exact = None  # Excel shows an error: VLOOKUP never matches this row
        else:
            name = text_of(raw_name)
            exact = raw_name if isinstance(raw_name, str) else name
            if isinstance(raw_name, str) and name != raw_name:
                st.add(
                    Severity.INFO,
                    "text-cleaned",
                    "spasi di awal atau akhir nama upah/bahan/alat",
                    sheet,
                    cell,
                    raw_name,
                    f"nama dibaca {name!r}; VLOOKUP di Excel tetap memerlukan teks yang persis",
                )
        if not name:
            st.add(
                Severity.WARNING,
                "resource-no-name",
                "baris harga tanpa nama",
                sheet,
                cell,
                price_raw,
                "baris dilewati; isi namanya bila harga ini dipakai",
            )
            continue
        if price_raw is None and unit_raw is None:
            st.add(
                Severity.INFO,
                "subheading",
                "baris dengan nama tanpa satuan dan tanpa harga",
                sheet,
                cell,
                name,
                "dibaca sebagai subjudul, bukan upah/bahan/alat",
            )
            continue
        if kind is None:
            st.add(
                Severity.WARNING,
                "resource-kind",
                "upah/bahan/alat di atas baris bagian mana pun (I. UPAH / II. MATERIAL / "
                "III. ALAT)",
                sheet,
                cell,
                name,
                "dianggap bahan; pindahkan baris ke bagian yang benar bila bukan bahan",
            )
            kind = ResourceKind.MATERIAL
        price = _price(st, sheet, row, price_col, name)
        if price is None:
            continue
        unit = st.unit(unit_raw, sheet, cell_ref(unit_col, row), f"upah/bahan/alat {name!r}")
        if not unit:
            st.add(
                Severity.WARNING,
                "resource-no-unit",
                f"upah/bahan/alat {name!r} tidak punya satuan",
                sheet,
                cell_ref(unit_col, row),
                "",
                "diimpor tanpa satuan; isi satuannya di buku kerja",
            )
        if row in hidden:
            st.add(
                Severity.INFO,
                "hidden-row",
                "baris disembunyikan di buku kerja",
                sheet,
                cell,
                name,
                "diimpor (VLOOKUP juga melihat baris tersembunyi)",
            )
        key = name
        folded = name.casefold()
        if folded in st.lookup_trimmed or key in st.resources:
            first_key = st.lookup_trimmed.get(folded, key)
            first = st.resources[first_key]
            key = f"{name} (row {row})"
            duplicates += 1
            st.add(
                Severity.WARNING,
                "duplicate-name",
                f"nama tercantum lagi (pertama di baris {st.resource_rows[first_key]}: "
                f"{rupiah(first.price)} per {first.unit or '-'}); VLOOKUP di analisa selalu "
                "menemukan baris pertama",
                sheet,
                cell,
                f"{name} | {text_of(unit_raw)} | {text_of(price_raw)}",
                f"disimpan dengan kunci {key!r}; analisa memakai yang pertama; beri nama lain "
                "bila harga ini yang dimaksud",
            )
        note_parts = [p for p in (category, text_of(st.raw(sheet, row, note_col))) if p]
        resource = Resource(
            key=key,
            name=name,
            kind=kind,
            unit=unit,
            price=price,
            source_ref=f"{st.file} | {sheet}!{cell_ref(price_col, row)}",
            raw_unit=text_of(unit_raw),
            note="; ".join(note_parts),
        )
        st.resources[key] = resource
        st.resource_rows[key] = row
        if exact is not None:
            st.lookup.setdefault(exact.casefold(), key)
        st.lookup_trimmed.setdefault(folded, key)
    st.report.counts["resources"] = len(st.resources)
    st.report.counts["resource_duplicate_names"] = duplicates


def _section(st: ImportState, sheet: str, row: int, no_col: int, name_col: int, kind, category):
    no = text_of(st.raw(sheet, row, no_col))
    original = text_of(st.raw(sheet, row, name_col))
    name = original.lower()
    has_price = (
        st.raw(sheet, row, name_col + 2) is not None
        or st.raw(sheet, row, name_col + 1) is not None
    )
    if has_price or not name:
        return kind, category
    if ROMAN.match(no.upper()):
        for word, k in SECTION_KINDS:
            if word in name:
                return k, ""
        return kind, ""
    if not no and original.upper() == original and any(w in name for w, _ in SECTION_KINDS):
        return kind, " ".join(original.split())
    return kind, category


def _price(st: ImportState, sheet: str, row: int, col: int, name: str) -> Decimal | None:
    """The price of a resource row through the shared :class:`CellReader`; None (with a
    finding) when the row has no price or the cell is refused (an ERROR: a text that is
    not a number, an Excel error, a negative or absurd value)."""
    cell = cell_ref(col, row)
    reading = st.cells.read(
        sheet,
        row,
        col,
        Quantity.PRICE,
        action="upah/bahan/alat tidak diimpor; impor TIDAK DAPAT DIPAKAI; perbaiki sel ini "
        "lalu impor lagi",
        code="resource-price",
        subject=f"harga {name!r}",
    )
    if reading is None:
        st.refused.setdefault(name.casefold(), f"{sheet}!{cell}")
        return None
    raw = reading.raw
    if reading.value is None:
        st.add(
            Severity.WARNING,
            "resource-no-price",
            f"upah/bahan/alat {name!r} tidak punya harga",
            sheet,
            cell,
            "",
            "tidak diimpor; isi harganya bila dipakai analisa",
        )
        return None
    value = reading.value
    if reading.source == "cached":
        st.add(
            Severity.WARNING,
            "resource-price",
            f"rumus harga tidak dapat dihitung ({reading.why_cached})",
            sheet,
            cell,
            shown_raw(raw),
            f"nilai tersimpan {number(value)} yang dipakai",
        )
    elif reading.source == "formula":
        st.add(
            Severity.INFO,
            "formula-evaluated",
            "harga berupa rumus",
            sheet,
            cell,
            raw,
            f"dihitung tepat: {number(value)}",
        )
    elif reading.source == "text":
        st.add(
            Severity.WARNING,
            "text-number",
            "harga tersimpan sebagai teks",
            sheet,
            cell,
            raw,
            f"dibaca sebagai {number(value)}",
        )
    if value == 0:
        st.add(
            Severity.WARNING,
            "resource-price",
            f"harga {name!r} adalah 0",
            sheet,
            cell,
            shown_raw(raw),
            "diimpor seperti tertulis; periksa harganya",
        )
    return value
