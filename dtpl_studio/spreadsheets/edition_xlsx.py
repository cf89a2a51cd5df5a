"""The project's own spreadsheet of a price edition (issue 8 point 2): export an edition to
xlsx, edit it in Excel or LibreOffice, re-import it, see the diff, apply it. The round trip
without edits is lossless: the re-imported book has the same content hash.

Sheets (every column of the open edition format, :mod:`dtpl_studio.spreadsheets.edition`):

* ``Petunjuk`` — what the sheets are and how to edit them (Indonesian);
* ``Edisi`` — ``kunci | nilai`` rows: the format marker, the edition's fields
  (``meta`` of ``edition.json``) and the content hash at export (for optimistic locking
  when the edit is applied back to the library);
* ``Harga dasar`` / ``Analisa`` / ``Baris analisa`` — one row per resource / analysis /
  analysis line, row 1 the column keys of ``resources.csv`` / ``analyses.csv`` /
  ``analysis_lines.csv`` (each with a comment saying in Indonesian what it holds).

Numbers: a Decimal is written as a spreadsheet number when reading that number back
(15 significant digits, :func:`~dtpl_studio.spreadsheets.cells.decimal_of`) gives the same
Decimal *text* (``0.75``, ``120000``); otherwise as a text in the Indonesian convention
(``72500,50``, ``0,0100``: trailing zeros, which the content hash keeps, or more than 15
digits). On reading, a number cell is taken to 15 digits, a text cell in the Indonesian
convention (``1.500`` is fifteen hundred) — the shared cell reader of every importer.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.numbers import NumberConvention
from dtpl_studio.costing.pricebook import PriceBook, PriceBookError
from dtpl_studio.spreadsheets.cells import (
    CellNumberError,
    Quantity,
    cell_name,
    check_number,
    decimal_of,
)
from dtpl_studio.spreadsheets.edition import (
    ANALYSES_FILE,
    ANALYSIS_COLUMNS,
    EDITION_FILE,
    FORMAT,
    FORMAT_VERSION,
    LINE_COLUMNS,
    LINES_FILE,
    RESOURCE_COLUMNS,
    RESOURCES_FILE,
    EditionError,
    book_from_texts,
    decimal_text,
    edition_texts,
)
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError

LAYOUT = "edisi-xlsx"
MARKER = "dtpl-studio-price-edition-xlsx"
IMPORTER_VERSION = "1.0"
INFO_SHEET, META_SHEET = "Petunjuk", "Edisi"
#: sheet → (edition file, its columns, the numeric columns and what each number is)
TABLES: dict[str, tuple[str, tuple[str, ...], dict[str, Quantity | None]]] = {
    "Harga dasar": (RESOURCES_FILE, RESOURCE_COLUMNS, {"price": Quantity.PRICE}),
    "Analisa": (ANALYSES_FILE, ANALYSIS_COLUMNS, {"overhead_pct": Quantity.OVERHEAD}),
    "Baris analisa": (LINES_FILE, LINE_COLUMNS, {"line_no": None, "coefficient": Quantity.COEFFICIENT,
                                                  "price_override": Quantity.PRICE}),
}
#: the ``meta`` keys of ``edition.json`` written to the Edisi sheet, in order
META_KEYS = ("title", "region", "province", "year", "edition", "kind", "legal_ref", "effective_date",
             "source_file", "source_sha256", "status", "rate_rounding", "default_overhead_pct", "note")
#: Indonesian words of every column key (header comments and the Petunjuk sheet)
WORDS: dict[str, str] = {
    "key": "kunci unik harga dasar di edisi ini (dirujuk kolom ref di Baris analisa)",
    "name": "nama / uraian", "kind": "jenis: labour (upah), material (bahan), equipment (alat)",
    "unit": "satuan baku (m3, kg, OH, jam, …)", "price": "harga satuan dasar, Rp per satuan",
    "raw_unit": "satuan seperti tertulis di sumber", "code": "kode di sumber",
    "source_ref": "asal (berkas | sheet!sel)", "note": "catatan",
    "code_scheme": "sistem kode", "overhead_pct": "biaya umum dan keuntungan (0,1 = 10 %; kosong = bawaan edisi)",
    "chapter": "bab / sheet sumber", "method": "cara kerja",
    "rate_rounding": "pembulatan harga satuan sendiri 'LANGKAH MODE' (mis. '100 down'; kosong = aturan edisi)",
    "analysis_code": "kode analisa pemilik baris", "line_no": "nomor baris dalam analisa (1, 2, …)",
    "ref": "kunci harga dasar atau kode sub-analisa", "coefficient": "koefisien per satuan pekerjaan",
    "price_override": "harga tetap baris ini (kosong = dari harga dasar)",
    "group": "dijumlah ke: labour, material atau equipment", "description": "uraian baris",
}
_EXPONENT = re.compile(r"^-?\d+(\.\d+)?E[+-]?\d+$")
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F3")


def _number_cell(value: Decimal) -> int | float | str:
    """What to write for ``value`` so that :func:`_read_number` gives back its exact text."""
    text = decimal_text(value)
    if re.fullmatch(r"-?\d+", text) and abs(value) < 10**15:
        return int(text)
    as_float = float(value)
    if decimal_text(decimal_of(as_float)) == text:
        return as_float
    if _EXPONENT.match(text):
        return text
    return text.replace(".", ",")  # the Indonesian convention, no thousands separator


def _read_number(raw: Any) -> Decimal:
    """A number cell back as Decimal (raises CellNumberError)."""
    if isinstance(raw, str) and _EXPONENT.match(raw.strip()):
        return Decimal(raw.strip())
    return decimal_of(raw, NumberConvention.ID)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def write_edition_workbook(book: PriceBook, path: Path, edition_id: int | None = None) -> None:
    """Write ``book`` as the edition spreadsheet at ``path`` (the caller makes it atomic);
    ``edition_id``: the library edition it was exported from (recorded, so that applying it
    to another edition is refused by name).

    Raises:
        OSError: the file cannot be written.
    """
    texts = edition_texts(book)
    document = json.loads(texts[EDITION_FILE])
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    lines = [
        "Lembar kerja edisi harga DTPL Studio",
        "",
        "Sunting harga, nama, koefisien atau tambah/hapus baris di sheet Harga dasar, Analisa dan "
        "Baris analisa, lalu impor lagi:",
        "    dtpl-studio diff-editions NOMOR BERKAS.xlsx      (lihat perubahannya)",
        "    dtpl-studio import-prices BERKAS.xlsx --onto NOMOR   (terapkan ke edisi NOMOR)",
        "Edisi terbit tidak berubah: perubahan menjadi edisi draf turunan baru.",
        "Angka boleh berupa angka lembar kerja atau teks gaya Indonesia (1.500,25). Jangan ubah "
        "baris 1 (kunci kolom) dan sheet Edisi baris format.",
        "",
        "Kolom:",
        *(f"    {key}: {words}" for key, words in WORDS.items()),
    ]
    for n, text in enumerate(lines, start=1):
        info.cell(n, 1, text)
    info.column_dimensions["A"].width = 110
    meta_ws = wb.create_sheet(META_SHEET)
    meta = document["meta"]
    rows = [("format", MARKER), ("format_version", FORMAT_VERSION),
            ("content_hash", document["content_hash"])]
    for key in META_KEYS:
        value = meta.get(key)
        if key == "rate_rounding":
            value = f"{value['step']} {value['mode']}"
        elif key == "default_overhead_pct":
            value = _number_cell(Decimal(value))
        rows.append((key, "" if value is None else value))
    rows.append(("edition_id", "" if edition_id is None else edition_id))
    for n, (key, value) in enumerate(rows, start=1):
        meta_ws.cell(n, 1, key).font = Font(bold=True)
        cell = meta_ws.cell(n, 2, value)
        if isinstance(value, str):
            cell.data_type = "s"
    meta_ws.column_dimensions["A"].width = 22
    meta_ws.column_dimensions["B"].width = 90
    for sheet, (name, columns, numeric) in TABLES.items():
        ws = wb.create_sheet(sheet)
        for col, key in enumerate(columns, start=1):
            head = ws.cell(1, col, key)
            head.font, head.fill = Font(bold=True), _HEAD_FILL
            head.comment = Comment(WORDS.get(key, key), "DTPL Studio")
            ws.column_dimensions[get_column_letter(col)].width = 40 if key in ("name", "description", "note") \
                else 16
        for r, values in enumerate(_csv_rows(texts[name])[1:], start=2):
            for col, (key, text) in enumerate(zip(columns, values, strict=True), start=1):
                if text == "":
                    continue
                if key in numeric:
                    ws.cell(r, col, _number_cell(Decimal(text)))
                else:
                    cell = ws.cell(r, col, text)
                    cell.data_type = "s"  # a text that starts with '=' stays a text
        ws.freeze_panes = "B2"
    wb.save(path)


def is_edition_workbook(path: Path) -> bool:
    """Whether ``path`` is an xlsx written by :func:`write_edition_workbook` (its Edisi
    sheet starts with the format marker). False for any other workbook or unreadable file."""
    import zipfile

    try:  # quick refusal first (layout detection of every workbook asks): the sheet names
        with zipfile.ZipFile(path) as archive:
            names = archive.read("xl/workbook.xml")
        if not all(f'name="{sheet}"'.encode() in names for sheet in (META_SHEET, *TABLES)):
            return False
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any unreadable file is simply not this layout
        return False
    try:
        if META_SHEET not in wb.sheetnames or not set(TABLES) <= set(wb.sheetnames):
            return False
        first = next(wb[META_SHEET].iter_rows(min_row=1, max_row=1, max_col=2, values_only=True), ())
        return tuple(first) == ("format", MARKER)
    finally:
        wb.close()


def read_edition_workbook(path: Path) -> tuple[PriceBook, ImportReport, str]:
    """Read an edition spreadsheet back.

    Returns ``(book, report, exported_hash)``: ``exported_hash`` is the content hash the
    sheet was exported with ("" when absent), for applying the edit with optimistic locking,
    followed by ``@ID`` when the sheet names the library edition it came from.
    Every cell that cannot be taken is an ``error`` finding naming its sheet and cell; the
    report is then not usable and the book is empty (nothing to store).

    Raises:
        WorkbookImportError: not an edition spreadsheet (sheets or the header row missing).
        OSError: the file cannot be read.
    """
    path = Path(path)
    data = path.read_bytes()
    report = ImportReport(path.name, hashlib.sha256(data).hexdigest(),
                          "dtpl_studio.spreadsheets.edition_xlsx", IMPORTER_VERSION)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip/xml errors of a damaged file
        raise WorkbookImportError(f"{path.name}: bukan buku kerja xlsx yang terbaca", report, path=path, code="edition_sheet.layout") from exc
    try:
        missing = [s for s in (META_SHEET, *TABLES) if s not in wb.sheetnames]
        if missing:
            raise WorkbookImportError(f"{path.name}: sheet {', '.join(missing)} tidak ada; bukan lembar kerja "
                                      "edisi harga DTPL Studio", report, path=path, code="edition_sheet.layout")
        meta, exported_hash = _read_meta(wb[META_SHEET], report, path)
        texts = {EDITION_FILE: json.dumps({"format": FORMAT, "format_version": FORMAT_VERSION, "meta": meta})}
        for sheet, (name, columns, numeric) in TABLES.items():
            texts[name] = _read_table(wb[sheet], sheet, columns, numeric, report, path)
    finally:
        wb.close()
    if report.has_errors:
        return PriceBook(), report, exported_hash  # not usable: nothing to store
    try:
        book = book_from_texts(texts, path.name, verify=False)
    except EditionError as exc:
        where = exc.where or ""
        sheet, cell = _place(where)
        report.add(Severity.ERROR, "edition-invalid", str(exc).split(": ", 1)[-1], sheet=sheet, cell=cell,
                   action="tidak diimpor")
        return PriceBook(), report, exported_hash
    for row, code in enumerate(book.analyses, start=2):  # every analysis must still price
        try:
            book.unit_rate(code)
        except (PriceBookError, KeyError, ArithmeticError, RecursionError) as exc:
            report.add(Severity.ERROR, "analysis-unpriceable", f"analisa {code} tidak dapat dihitung: {exc}",
                       sheet="Analisa", cell=f"A{row}", raw=code,
                       action="tidak diimpor; periksa kolom ref di Baris analisa")
    if report.has_errors:
        return PriceBook(), report, exported_hash
    report.counts.update(resources=len(book.resources), analyses=len(book.analyses),
                         analysis_lines=sum(len(a.lines) for a in book.analyses.values()))
    return book, report, exported_hash


def _place(where: str) -> tuple[str, str]:
    """``analysis_lines.csv:12`` → ``("Baris analisa", "A12")``: CSV line n is sheet row n."""
    match = re.match(r"([\w.]+\.csv):(\d+)", where)
    if not match:
        return META_SHEET, ""
    sheet = next(s for s, (name, _, _) in TABLES.items() if name == match.group(1))
    return sheet, f"A{match.group(2)}"


def _read_meta(ws, report: ImportReport, path: Path) -> tuple[dict, str]:
    values: dict[str, Any] = {}
    for n, row in enumerate(ws.iter_rows(max_col=2, values_only=True), start=1):
        key = "" if row[0] is None else str(row[0]).strip()
        if key:
            values[key] = (row[1] if len(row) > 1 else None, n)
    if values.get("format", (None,))[0] != MARKER:
        raise WorkbookImportError(f"{path.name}: sheet {META_SHEET} tidak diawali format {MARKER}", report,
                                  path=path, code="edition_sheet.layout")
    meta: dict[str, Any] = {}
    for key in META_KEYS:
        raw, row = values.get(key, (None, 0))
        text = "" if raw is None else str(raw).strip() if not isinstance(raw, float | int) else raw
        if key == "year":
            if text in ("", None):
                meta[key] = None
                continue
            try:
                meta[key] = int(Decimal(str(text)))
            except ArithmeticError:
                report.add(Severity.ERROR, "edition-year", f"tahun {raw!r} bukan angka tahun", sheet=META_SHEET,
                           cell=f"B{row}", raw=raw, action="tidak diimpor")
            continue
        if key == "rate_rounding":
            step, _, mode = str(text).partition(" ")
            meta[key] = {"step": step.replace(",", "."), "mode": mode.strip()}
            continue
        if key == "default_overhead_pct":
            try:
                value = _read_number(raw)
                check_number(value, Quantity.OVERHEAD)  # the range only: the text is kept as written
                meta[key] = decimal_text(value)
            except CellNumberError as exc:
                report.add(Severity.ERROR, exc.code, f"biaya umum dan keuntungan: {exc}", sheet=META_SHEET,
                           cell=f"B{row}", raw=raw, action="tidak diimpor")
            continue
        meta[key] = str(text)
    exported = str(values.get("content_hash", ("",))[0] or "")
    edition = values.get("edition_id", (None,))[0]
    if edition not in (None, ""):
        exported += f"@{int(edition)}" if str(edition).strip().isdigit() or isinstance(edition, int | float) else ""
    return meta, exported


def _read_table(ws, sheet: str, columns: tuple[str, ...], numeric: dict[str, Quantity | None],
                report: ImportReport, path: Path) -> str:
    rows = ws.iter_rows(values_only=True)
    head = tuple("" if v is None else str(v).strip() for v in next(rows, ()))
    while head and head[-1] == "":
        head = head[:-1]
    if head != columns:
        raise WorkbookImportError(f"{path.name}: baris 1 sheet {sheet} harus {', '.join(columns)} "
                                  f"(terbaca: {', '.join(head)})", report, path=path, code="edition_sheet.layout")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for r, row in enumerate(rows, start=2):
        cells = list(row[:len(columns)]) + [None] * (len(columns) - len(row))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells):
            continue  # an empty row left by a deletion
        texts = []
        for c, (key, raw) in enumerate(zip(columns, cells, strict=True), start=1):
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                texts.append("")
            elif key in numeric:
                try:
                    value = _read_number(raw)
                    quantity = numeric[key]
                    if quantity is None:
                        if value != value.to_integral_value():
                            raise CellNumberError(f"{raw!r} bukan bilangan bulat")
                        texts.append(str(int(value)))
                        continue
                    check_number(value, quantity)
                except CellNumberError as exc:
                    report.add(Severity.ERROR, exc.code, f"{key}: {exc}", sheet=sheet, cell=cell_name(c, r),
                               raw=raw, action="tidak diimpor")
                    texts.append("0")
                    continue
                texts.append(decimal_text(value))
            elif isinstance(raw, float) and raw.is_integer():
                texts.append(str(int(raw)))  # a code typed as a number (12 → "12")
            else:
                texts.append(str(raw) if not isinstance(raw, float) else decimal_text(decimal_of(raw)))
        writer.writerow(texts)
    return out.getvalue()
