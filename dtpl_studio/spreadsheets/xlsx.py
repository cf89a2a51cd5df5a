"""Loading an xlsx into a :class:`~dtpl_studio.spreadsheets.formula.Grid`.

An importer that checks a workbook against itself needs each formula and the value Excel
cached for it. :mod:`~dtpl_studio.spreadsheets.xlsx_fast` reads both in one pass over the
sheet XML (what openpyxl gives, cell for cell); a workbook it does not know (Strict OOXML) is
read by openpyxl twice, with formulas and with the cached values (``data_only=True``). Hidden rows, defined names (``upahbahan`` → ``'Upah Bahan'!$E$9:$G$1217``)
and external-link targets are kept on the grid.
"""

from __future__ import annotations

import hashlib
import warnings
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from dtpl_studio.errors import DtplError, from_os_error, workbook_open_error
from dtpl_studio.spreadsheets.formula import Grid
from dtpl_studio.spreadsheets.xlsx_fast import UnsupportedWorkbook, read_workbook


class WorkbookReadError(DtplError, ValueError):
    """The file is not a readable xlsx workbook (code ``workbook.protected``,
    ``workbook.old_xls``, ``workbook.not_xlsx`` or ``workbook.unreadable``)."""

    default_code = "workbook.unreadable"


class LoadedWorkbook:
    """A workbook read twice, as a :class:`Grid`, plus what openpyxl says about it.

    Attributes:
        path: the file.
        sha256: SHA-256 of the file bytes (hex).
        grid: raw formulas and cached values of every sheet.
        sheet_names: sheets in workbook order.
        sheet_states: ``visible`` / ``hidden`` / ``veryHidden`` per sheet.
        external_links: ``[n]`` index (1-based) → target file name (no directory).
        max_rows: last used row per sheet.
        hidden_cols: hidden columns per sheet (1-based).
        merged: merged ranges per sheet as ``(c1, r1, c2, r2)``.
    """

    def __init__(self, path: Path):
        self.path = path
        self.sha256 = ""
        self.grid = Grid()
        self.sheet_names: list[str] = []
        self.sheet_states: dict[str, str] = {}
        self.external_links: dict[int, str] = {}
        self.max_rows: dict[str, int] = {}
        self.hidden_cols: dict[str, set[int]] = {}
        self.merged: dict[str, list[tuple[int, int, int, int]]] = {}


def sha256_of(path: Path) -> str:
    """SHA-256 (hex) of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_xlsx(path: str | Path) -> LoadedWorkbook:
    """Read ``path`` twice (formulas, cached values) into a :class:`LoadedWorkbook`.

    Raises:
        FileNotFoundError: no such file.
        WorkbookReadError: the file is not an xlsx workbook openpyxl can read.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"berkas tidak ditemukan: {path}")
    result = LoadedWorkbook(path)
    result.sha256 = sha256_of(path)
    try:
        with zipfile.ZipFile(path) as archive:
            fast = read_workbook(archive)
    except UnsupportedWorkbook:
        pass  # a part the one-pass reader does not know: openpyxl reads it below
    except Exception as exc:  # a damaged archive or part: zipfile/XML raise many types
        raise _read_error(path, exc) from exc
    else:
        grid = result.grid
        result.sheet_names = fast.sheet_names
        result.sheet_states = fast.sheet_states
        grid.raw, grid.cached, grid.hidden_rows = fast.raw, fast.cached, fast.hidden_rows
        grid.names = fast.names
        result.max_rows = fast.max_rows
        result.hidden_cols, result.merged = fast.hidden_cols, fast.merged
        for index, target in enumerate(fast.external_targets, start=1):
            result.external_links[index] = _link_name(target)
        return result
    return _load_with_openpyxl(path, result)


def _read_error(path: Path, exc: Exception) -> WorkbookReadError:
    """Why ``path`` could not be read: not a zip (password-protected, old ``.xls``, or
    neither: :func:`dtpl_studio.errors.workbook_open_error`), a file-system error (by errno),
    or a damaged workbook."""
    code = "workbook.unreadable"
    if isinstance(exc, zipfile.BadZipFile):
        code = workbook_open_error(path).code
    elif isinstance(exc, OSError):
        code = from_os_error(exc, path).code
    reason = READ_ERRORS.get(code) or READ_ERRORS["file.io" if code.startswith("file.") else
                                                  "workbook.unreadable"]
    return WorkbookReadError(f"{path.name} tidak dapat dibaca sebagai buku kerja xlsx: {reason}",
                             code=code, path=path)


#: Why a workbook could not be read, by code, in Indonesian (never Python's exception text:
#: ``BadZipFile: File is not a zip file`` says nothing to a user).
READ_ERRORS: dict[str, str] = {
    "workbook.protected": "buku kerja dilindungi kata sandi (terenkripsi); hapus kata sandinya di "
                          "Excel, simpan sebagai .xlsx, lalu impor lagi",
    "workbook.old_xls": "ini buku kerja format lama .xls (Excel 97-2003); simpan sebagai .xlsx di "
                        "Excel atau LibreOffice, lalu impor lagi",
    "workbook.not_xlsx": "berkas bukan buku kerja xlsx yang utuh atau dilindungi kata sandi; "
                         "pilih berkas AHSP .xlsx",
    "workbook.unreadable": "isi buku kerja rusak atau ditulis program yang tidak cocok; buka di "
                           "Excel, simpan ulang sebagai .xlsx, lalu impor lagi",
    "file.not_found": "berkas tidak ditemukan",
    "file.no_permission": "tidak ada izin membaca berkas ini",
    "file.is_folder": "ini folder, bukan berkas",
    "file.device_error": "perangkat penyimpanan bermasalah (galat masukan/keluaran)",
    "file.io": "berkas tidak dapat diakses",
}


def _link_name(target: str) -> str:
    """``file:///D:\\a%20b\\X.xlsx`` → ``X.xlsx`` (the file name of an external link)."""
    text = unquote(target.removeprefix("file:///"))
    base = PureWindowsPath(text).name if "\\" in text else PurePosixPath(text).name
    return base or text


def _load_with_openpyxl(path: Path, result: LoadedWorkbook) -> LoadedWorkbook:
    """The two openpyxl loads (formulas, cached values) for what :mod:`xlsx_fast` cannot read."""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation / conditional formatting extensions
            warnings.simplefilter("ignore", UserWarning)
            formulas = load_workbook(path, data_only=False)
            values = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many types on a damaged or foreign file
        raise _read_error(path, exc) from exc
    grid = result.grid
    for ws in formulas.worksheets:
        name = ws.title
        result.sheet_names.append(name)
        result.sheet_states[name] = ws.sheet_state
        raw: dict[tuple[int, int], object] = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    raw[(cell.row, cell.column)] = cell.value
        grid.raw[name] = raw
        grid.hidden_rows[name] = {r for r, dim in ws.row_dimensions.items() if dim.hidden}
        result.max_rows[name] = ws.max_row
        result.hidden_cols[name] = {
            col
            for letter, dim in ws.column_dimensions.items() if dim.hidden
            for col in range(dim.min or column_index_from_string(letter),
                             (dim.max or column_index_from_string(letter)) + 1)
        }
        result.merged[name] = [
            (m.min_col, m.min_row, m.max_col, m.max_row) for m in ws.merged_cells.ranges
        ]
    try:
        for ws in values.worksheets:
            cached: dict[tuple[int, int], object] = {}
            for r, row in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
                for c, value in enumerate(row, start=1):
                    if value is not None:
                        cached[(r, c)] = value
            grid.cached[ws.title] = cached
    finally:
        values.close()
    for name, defined in formulas.defined_names.items():
        try:
            destinations = list(defined.destinations)
        except Exception:  # openpyxl raises on names that are formulas or external
            continue
        if len(destinations) != 1:
            continue
        sheet, ref = destinations[0]
        if sheet not in grid.raw:
            continue  # external ('[1]UPAH BAHAN') or broken
        try:
            c1, r1, c2, r2 = range_boundaries(ref.replace("$", ""))
        except ValueError:
            continue
        if None in (c1, r1, c2, r2):
            continue
        grid.names[name.lower()] = (sheet, c1, r1, c2, r2)
    for index, link in enumerate(getattr(formulas, "_external_links", []), start=1):
        target = getattr(getattr(link, "file_link", None), "Target", "") or ""
        result.external_links[index] = _link_name(target)
    return result
