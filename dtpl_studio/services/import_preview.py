"""What the import wizard shows before and after an import (issue 8 point 4): the file's first
rows as read, the detected layout, heading row, number convention and column mapping, the
region/year the file says, and the neighbourhood of a finding's cell. Qt-free; the wizard
(``ui/widgets/import_wizard.py``) calls nothing below ``services``.

The detections are the importers' own (:mod:`dtpl_studio.spreadsheets.price_lists`:
encoding, delimiter, heading row, columns; :func:`~dtpl_studio.costing.numbers.detect_convention`
over the price column), so the preview shows what the import will do, not a second guess.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dtpl_studio.costing.numbers import NumberConvention, detect_convention
from dtpl_studio.services.prices import PricesError, import_prices, layout_overrides

#: rows shown in the preview table
PREVIEW_ROWS = 30

#: the fields of the fixed layouts and where each comes from (shown read-only); a layout not
#: named here shows "fixed by its importer" (the wizard's words)
FIXED_MAPPINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "hspk-json": (("kode", "work_code"), ("uraian", "work_description"), ("satuan", "unit"),
                  ("harga", "unit_price_idr"), ("wilayah", "region"), ("tahun", "year"),
                  ("edisi", "edition"), ("bidang", "sector")),
    "ahsp-xlsx": (("analisa", "blok analisa di setiap lembar (kode, uraian, satuan; baris A–F)"),
                  ("upah/bahan/alat", "lembar Upah Bahan: nama, satuan, harga"),
                  ("koefisien", "kolom koefisien tiap baris analisa")),
    "edisi-xlsx": (("edisi", "lembar Edisi (wilayah, tahun, jenis, aturan pembulatan)"),
                   ("upah/bahan/alat", "lembar sumber daya"), ("analisa", "lembar analisa dan barisnya")),
}


@dataclass
class Preview:
    """What the wizard shows of ``path`` read as ``layout``.

    ``rows``: up to :data:`PREVIEW_ROWS` ``(number, cells)`` — the CSV's physical line, the
    sheet's row, or the JSON record's number (``0`` for the keys row); ``header_index`` the
    index in ``rows`` of the heading row (None: none detected, or a fixed layout).
    ``columns``: role → 0-based column detected for a CSV layout (None: not found);
    ``overrides``: which of ``columns``/``header_line``/``convention`` the importer takes.
    """

    path: Path
    layout: str | None
    detected_layout: str | None
    layout_error: str = ""
    kind: str = "other"  # "csv" | "xlsx" | "json" | "other"
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    total_rows: int = 0
    header_index: int | None = None
    convention: NumberConvention | None = None
    columns: dict[str, int | None] = field(default_factory=dict)
    required_columns: tuple[str, ...] = ()
    heading: list[str] = field(default_factory=list)
    fixed_mapping: tuple[tuple[str, str], ...] = ()
    overrides: tuple[str, ...] = ()
    file_region: str | None = None
    file_year: int | None = None
    all_rows: list[tuple[int, list[str]]] = field(default_factory=list, repr=False)

    @property
    def header_line(self) -> int | None:
        """The heading row's number (CSV physical line), None when none."""
        return self.rows[self.header_index][0] if self.header_index is not None else None

    @property
    def width(self) -> int:
        """Columns of the widest row shown."""
        return max((len(c) for _, c in self.rows), default=0)


def known_layouts() -> dict[str, str]:
    """Layout name → Indonesian description, every layout the importers know
    (:data:`~dtpl_studio.spreadsheets.layouts.LAYOUTS`, read at call time)."""
    from dtpl_studio.spreadsheets.layouts import LAYOUTS

    return dict(LAYOUTS)


def preview_file(path: Path, layout: str | None = None, max_rows: int = PREVIEW_ROWS) -> Preview:
    """Read the start of ``path`` as ``layout`` (detected when None) for the wizard.

    A file whose layout cannot be detected still gets its rows (as CSV/JSON/xlsx by its
    suffix) with ``layout`` None and ``layout_error`` saying why, so the person can choose one.

    Raises:
        PricesError: the file does not exist, is a folder, or cannot be read at all.
    """
    from dtpl_studio.spreadsheets.layouts import LayoutError, check_layout, detect_layout

    path = Path(path)
    if not path.is_file():
        raise PricesError(f"{path}: no such file", code="file.is_folder" if path.is_dir() else "file.not_found",
                          path=path)
    detected, error = None, ""
    try:
        detected = detect_layout(path)
    except LayoutError as exc:
        error = str(exc)
    except OSError as exc:
        raise PricesError(f"{path}: {exc}", code="prices.list_unreadable", path=path,
                          params={"reason": str(exc)}) from exc
    chosen = check_layout(layout) if layout else detected
    preview = Preview(path, chosen, detected, error)
    preview.overrides = layout_overrides(chosen) if chosen else ()
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            _xlsx(preview, max_rows)
        elif suffix == ".json" or chosen == "hspk-json":
            _json(preview, max_rows)
        else:
            _csv(preview, max_rows)
    except (OSError, ValueError, KeyError) as exc:
        raise PricesError(f"{path}: {exc}", code="prices.list_unreadable", path=path,
                          params={"reason": str(exc)}) from exc
    if chosen in FIXED_MAPPINGS:
        preview.fixed_mapping = FIXED_MAPPINGS[chosen]
    return preview


def _csv(preview: Preview, max_rows: int) -> None:
    from dtpl_studio.spreadsheets.price_lists import (
        COLUMN_ROLES,
        REQUIRED_COLUMNS,
        detect_columns,
        read_csv,
    )

    csv_file = read_csv(preview.path)
    preview.kind, preview.encoding, preview.delimiter = "csv", csv_file.encoding, csv_file.delimiter
    preview.all_rows = csv_file.rows
    preview.total_rows = len(csv_file.rows)
    preview.rows = csv_file.rows[:max_rows]
    layout = preview.layout
    head_at: int | None = None
    if layout == "ssh-csv":
        head_at = 0 if csv_file.rows else None
    elif layout == "harga-csv":
        head_at = next((i for i, (_, cells) in enumerate(csv_file.rows)
                        if {"komponen", "satuan"} <= {" ".join(c.split()).casefold() for c in cells}), None)
    if head_at is None:  # any other layout, or none found: the first row with two words
        head_at = next((i for i, (_, cells) in enumerate(csv_file.rows)
                        if sum(1 for c in cells if re.search(r"[A-Za-z]", c)) >= 2), None)
    if head_at is not None and head_at < len(preview.rows):
        preview.header_index = head_at
    preview.heading = list(csv_file.rows[head_at][1]) if head_at is not None else []
    if layout in COLUMN_ROLES:
        preview.columns = detect_columns(layout, preview.heading)
        preview.required_columns = REQUIRED_COLUMNS[layout]
        price = preview.columns.get("harga")
        data = csv_file.rows[(head_at or 0) + 1:]
        if price is not None:
            preview.convention = detect_convention(
                [c[price] for _, c in data if price < len(c) and c[price].strip()])
        year_col = preview.columns.get("tahun")
        if year_col is not None:
            years = Counter(c[year_col].strip() for _, c in data if year_col < len(c) and c[year_col].strip())
            top = years.most_common(1)[0][0] if years else ""
            preview.file_year = int(top) if top.isdigit() else None


def _json(preview: Preview, max_rows: int) -> None:
    records = json.loads(preview.path.read_bytes().decode("utf-8-sig"))
    preview.kind = "json"
    if not isinstance(records, list):
        return
    dicts = [r for r in records if isinstance(r, dict)]
    keys: list[str] = []
    for record in dicts[:max_rows]:
        keys.extend(k for k in record if k not in keys)
    preview.heading = keys
    rows = [(0, list(keys))]
    rows += [(n, [_cell_text(r.get(k)) for k in keys]) for n, r in enumerate(dicts, start=1)]
    preview.all_rows = rows
    preview.rows = rows[:max_rows + 1]
    preview.total_rows = len(dicts)
    preview.header_index = 0
    regions = {str(r.get("region")).strip() for r in dicts if r.get("region")}
    years = {str(r.get("year")).strip() for r in dicts if r.get("year")}
    preview.file_region = regions.pop() if len(regions) == 1 else None
    year = years.pop() if len(years) == 1 else ""
    preview.file_year = int(year) if year.isdigit() else None


def _sheet_rows(ws, first: int, last: int, max_col: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, values in enumerate(ws.iter_rows(min_row=first, max_row=last, max_col=max_col,
                                                 values_only=True), start=first):
        rows.append((number, [_cell_text(v) for v in values]))
    return rows


def _xlsx(preview: Preview, max_rows: int) -> None:
    from openpyxl import load_workbook

    preview.kind = "xlsx"
    wb = load_workbook(preview.path, read_only=True, data_only=True, keep_links=False)
    try:
        names = tuple(wb.sheetnames)
        preview.sheets = names
        # the relevant sheet: the price list of an AHSP workbook, else the first
        sheet = next((n for n in names if preview.layout == "ahsp-xlsx" and "upah" in n.casefold()), names[0])
        preview.sheet = sheet
        ws = wb[sheet]
        preview.rows = _sheet_rows(ws, 1, max_rows, 16)
        while preview.rows and not any(c for c in preview.rows[-1][1]):
            preview.rows.pop()
        preview.total_rows = ws.max_row or len(preview.rows)
    finally:
        wb.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


# -- where a finding points -------------------------------------------------------------------
_LINE = re.compile(r"^(?:baris|rekaman) (\d+)$")
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


@dataclass(frozen=True, slots=True)
class Place:
    """A finding's place: ``line`` (CSV line / JSON record) or ``sheet`` + ``cell`` (xlsx);
    ``column`` the CSV column named (heading text or role), "" when none."""

    sheet: str = ""
    cell: str = ""
    line: int | None = None
    column: str = ""


def place_of(location: str) -> Place:
    """Parse a finding's location (``file | baris 12!satuan``, ``file | rekaman 3``,
    ``file | Persiapan!G18``); an empty :class:`Place` when it names none."""
    place = location.split(" | ", 1)[1] if " | " in location else ""
    if not place:
        return Place()
    sheet, _, cell = place.partition("!")
    line = _LINE.match(sheet.strip())
    if line:
        return Place(line=int(line.group(1)), column=cell)
    return Place(sheet=sheet, cell=cell)


def rows_around(preview: Preview, number: int, radius: int = 4) -> tuple[list[tuple[int, list[str]]], int | None]:
    """The rows of a CSV/JSON preview around row ``number`` (a CSV physical line; a multi-line
    record is the row starting at or before it) and the index of that row in the list
    (None when the file has no such row)."""
    rows = preview.all_rows
    at = None
    for i, (n, _) in enumerate(rows):
        if n <= number:
            at = i
        else:
            break
    if at is None:
        return [], None
    lo = max(0, at - radius)
    return rows[lo:at + radius + 1], at - lo


def column_index(preview: Preview, column: str) -> int | None:
    """The 0-based column a finding's column text names: a heading text or a role."""
    if not column:
        return None
    folded = " ".join(column.split()).casefold()
    for i, head in enumerate(preview.heading):
        if " ".join(head.split()).casefold() == folded:
            return i
    return preview.columns.get(column)


def cell_neighbourhood(path: Path, sheet: str, cell: str, radius: int = 3):
    """The cells around ``sheet!cell`` of an xlsx workbook, read-only (``cell`` may be a range
    ``B2:B4``: its first cell).

    Returns ``(rows, first column number, (row index, column index) of the cell)``; ``rows``
    as ``(row number, texts)``.

    Raises:
        PricesError: no such sheet, a cell reference that is not ``A1``-style, or the file
            cannot be read.
    """
    from openpyxl import load_workbook
    from openpyxl.utils import column_index_from_string

    found = _CELL.match(cell.strip().upper().split(":", 1)[0])  # a range: its first cell
    if not found:
        raise PricesError(f"{path}: {cell!r} is not a cell", code="prices.list_unreadable", path=Path(path),
                          params={"reason": f"{cell!r} bukan alamat sel"})
    col, row = column_index_from_string(found.group(1)), int(found.group(2))
    try:
        wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except (OSError, ValueError, KeyError) as exc:
        raise PricesError(f"{path}: {exc}", code="prices.list_unreadable", path=Path(path),
                          params={"reason": str(exc)}) from exc
    try:
        if sheet not in wb.sheetnames:
            raise PricesError(f"{path}: no sheet {sheet!r}", code="prices.list_unreadable", path=Path(path),
                              params={"reason": f"tidak ada lembar {sheet!r}"})
        first_row, first_col = max(1, row - radius), max(1, col - radius)
        rows = []
        for number, values in enumerate(wb[sheet].iter_rows(min_row=first_row, max_row=row + radius,
                                                            min_col=first_col, max_col=col + radius,
                                                            values_only=True), start=first_row):
            rows.append((number, [_cell_text(v) for v in values]))
    finally:
        wb.close()
    return rows, first_col, (row - first_row, col - first_col)


# -- the import itself (run on the wizard's worker thread) ------------------------------------
class ImportCancelled(Exception):
    """The person cancelled the import; nothing was stored."""


def run_import(path: Path, *, layout: str, region: str | None, year: int | None,
               columns: dict[str, int | None] | None = None, header_line: int | None = None,
               convention: NumberConvention | None = None, progress=None, cancelled=None):
    """:func:`~dtpl_studio.services.prices.import_prices` with the wizard's overrides, in the
    worker shape (``progress(done, total, label)``, ``cancelled()``). Nothing is stored.

    ``progress``/``cancelled`` reach the readers that take them (the CSV price lists: every
    :data:`~dtpl_studio.spreadsheets.price_lists.STEP` rows); for the others ``cancelled`` is
    asked before and after reading, so a cancelled import's result is dropped (never stored).

    Returns ``(book, report)``.

    Raises:
        ImportCancelled: ``cancelled()`` was true.
        PricesError: as :func:`import_prices`.
    """
    progress = progress or (lambda *a: None)
    cancelled = cancelled or (lambda: False)
    if cancelled():
        raise ImportCancelled()
    progress(0, 1, path.name)
    overrides = {k: v for k, v in (("columns", columns), ("header_line", header_line),
                                   ("convention", convention)) if v is not None and k in layout_overrides(layout)}
    from dtpl_studio.spreadsheets.price_lists import ImportCancelledError

    try:
        result = import_prices(path, layout=layout, region=region or None, year=year, progress=progress,
                               cancelled=cancelled, **overrides)
    except ImportCancelledError as exc:
        raise ImportCancelled() from exc
    if cancelled():
        raise ImportCancelled()
    progress(1, 1, path.name)
    return result
