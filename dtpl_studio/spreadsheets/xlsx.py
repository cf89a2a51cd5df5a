"""Loading an xlsx into a :class:`~dtpl_studio.spreadsheets.formula.Grid`.

openpyxl reads a workbook either with formulas or with the values Excel cached when it last
saved (``data_only=True``); an importer that checks a workbook against itself needs both, so
the file is loaded twice. Hidden rows, defined names (``upahbahan`` → ``'Upah Bahan'!$E$9:$G$1217``)
and external-link targets are kept on the grid.
"""

from __future__ import annotations

import hashlib
import warnings
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from dtpl_studio.spreadsheets.formula import Grid


class WorkbookReadError(ValueError):
    """The file is not a readable xlsx workbook."""


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
    """

    def __init__(self, path: Path):
        self.path = path
        self.sha256 = ""
        self.grid = Grid()
        self.sheet_names: list[str] = []
        self.sheet_states: dict[str, str] = {}
        self.external_links: dict[int, str] = {}
        self.max_rows: dict[str, int] = {}


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
        raise FileNotFoundError(f"no such file: {path}")
    result = LoadedWorkbook(path)
    result.sha256 = sha256_of(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about data validation / conditional formatting extensions
            warnings.simplefilter("ignore", UserWarning)
            formulas = load_workbook(path, data_only=False)
            values = load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many types on a damaged or foreign file
        reason = (
            "not a zip file"
            if isinstance(exc, zipfile.BadZipFile)
            else f"{type(exc).__name__}: {exc}"
        )
        raise WorkbookReadError(f"{path.name} is not a readable xlsx workbook ({reason})") from exc
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
        text = unquote(target.removeprefix("file:///"))
        base = PureWindowsPath(text).name if "\\" in text else PurePosixPath(text).name
        result.external_links[index] = base or text
    return result
