"""Reading an xlsx in one pass: formulas and cached values from the same sheet XML.

openpyxl reads a workbook either with formulas or with cached values, so the importer used to
load the file twice (≈1,1 s of the 2,5 s AHSP import). Excel stores both in the same cell
element (``<c r="H8"><f>F8*G8</f><v>79200</v></c>``), so one streaming parse with the
standard library's ``xml.etree.ElementTree.iterparse`` gives both. Each cell becomes what
openpyxl gives for it — the same helpers decide: ``_cast_number`` (int or float),
``Text.from_tree`` (shared and inline strings), ``Translator`` (shared formulas),
``ArrayFormula``/``DataTableFormula``, date styles through ``is_date_format`` and
``from_excel`` — and ``tests/spreadsheets/test_xlsx_fast.py`` checks that the grid equals
openpyxl's on the real workbook, cell by cell.

Only the Transitional SpreadsheetML namespace that Excel, LibreOffice and openpyxl write is
read; anything else raises :class:`UnsupportedWorkbook` and the caller falls back to openpyxl.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import PurePosixPath
from typing import Any
from xml.etree.ElementTree import fromstring, iterparse

from openpyxl.cell.text import Text
from openpyxl.formula.translate import Translator
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    CALENDAR_WINDOWS_1900,
    from_excel,
    from_ISO8601,
)
from openpyxl.worksheet._reader import _cast_number
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

_C, _V, _F, _IS, _ROW = (f"{{{MAIN}}}{t}" for t in ("c", "v", "f", "is", "row"))
_NAME_TARGET = re.compile(
    r"^(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^'!\[\]]+))!(?P<ref>\$?[A-Za-z]{1,3}\$?\d+"
    r"(?::\$?[A-Za-z]{1,3}\$?\d+)?)$"
)


class UnsupportedWorkbook(ValueError):
    """A workbook part this reader does not know (Strict OOXML, no workbook part…)."""


class FastWorkbook:
    """What :func:`read_workbook` found: per sheet (workbook order) formulas and cached values
    as openpyxl gives them, sheet states, hidden rows, last used rows, workbook-scope defined
    names as ``name → (sheet, c1, r1, c2, r2)`` and external-link targets in workbook order."""

    def __init__(self) -> None:
        self.sheet_names: list[str] = []
        self.sheet_states: dict[str, str] = {}
        self.raw: dict[str, dict[tuple[int, int], Any]] = {}
        self.cached: dict[str, dict[tuple[int, int], Any]] = {}
        self.hidden_rows: dict[str, set[int]] = {}
        #: hidden columns per sheet (1-based indexes, from ``<cols><col hidden="1">``)
        self.hidden_cols: dict[str, set[int]] = {}
        #: merged ranges per sheet as ``(c1, r1, c2, r2)`` (from ``<mergeCells>``)
        self.merged: dict[str, list[tuple[int, int, int, int]]] = {}
        self.max_rows: dict[str, int] = {}
        self.names: dict[str, tuple[str, int, int, int, int]] = {}
        self.external_targets: list[str] = []


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (absolute part name or external target, TargetMode) of ``part``."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        data = archive.read(rels_name)
    except KeyError:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for _, node in iterparse(_stream(data)):
        if node.tag == f"{{{PKG}}}Relationship":
            target, mode = node.get("Target", ""), node.get("TargetMode", "")
            if mode != "External":
                target = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
            out[node.get("Id", "")] = (target, mode)
    return out


def _stream(data: bytes):
    import io

    return io.BytesIO(data)


def _shared_strings(archive: zipfile.ZipFile, part: str | None) -> list[str]:
    if not part:
        return []
    try:
        data = archive.read(part)
    except KeyError:
        return []
    strings: list[str] = []
    for _, node in iterparse(_stream(data)):
        if node.tag == f"{{{MAIN}}}si":
            strings.append(Text.from_tree(node).content.replace("x005F_", ""))
            node.clear()
    return strings


def _date_styles(archive: zipfile.ZipFile, part: str | None) -> tuple[set[int], set[int]]:
    """Indexes of cell formats that show dates / durations (openpyxl's rule)."""
    if not part:
        return set(), set()
    try:
        data = archive.read(part)
    except KeyError:
        return set(), set()
    custom: dict[int, str] = {}
    formats: list[int] = []
    in_xfs = False
    for event, node in iterparse(_stream(data), events=("start", "end")):
        tag = node.tag
        if tag == f"{{{MAIN}}}numFmt" and event == "end":
            custom[int(node.get("numFmtId", "0"))] = node.get("formatCode", "")
        elif tag == f"{{{MAIN}}}cellXfs":
            in_xfs = event == "start"
        elif tag == f"{{{MAIN}}}xf" and event == "end" and in_xfs:
            formats.append(int(node.get("numFmtId", "0")))
    dates, durations = set(), set()
    for index, fmt_id in enumerate(formats):
        fmt = custom[fmt_id] if fmt_id in custom else builtin_format_code(fmt_id)
        if fmt and is_date_format(fmt):
            dates.add(index)
        if fmt and is_timedelta_format(fmt):
            durations.add(index)
    return dates, durations


def read_workbook(data: zipfile.ZipFile) -> FastWorkbook:
    """Read every worksheet of an open xlsx archive (formulas and cached values at once).

    Raises:
        UnsupportedWorkbook: no SpreadsheetML workbook part in the Transitional namespace.
        KeyError, ValueError, SyntaxError: a damaged part (the caller reports the file as
            unreadable).
    """
    archive = data
    root_rels = _rels(archive, "")
    workbook_part = next(
        (t for t, _ in root_rels.values() if t.endswith(".xml") and "workbook" in t), None
    )
    if workbook_part is None:
        raise UnsupportedWorkbook("no workbook part")
    wb_rels = _rels(archive, workbook_part)
    result = FastWorkbook()
    sheets: list[tuple[str, str]] = []
    names: list[tuple[str, str]] = []
    externals: list[str] = []
    epoch = CALENDAR_WINDOWS_1900
    seen_main = False
    for _, node in iterparse(_stream(archive.read(workbook_part))):
        tag = node.tag
        if tag == f"{{{MAIN}}}workbook":
            seen_main = True
        elif tag == f"{{{MAIN}}}sheet":
            target = wb_rels.get(node.get(f"{{{REL}}}id", ""), ("", ""))[0]
            if "worksheets/" not in target:
                continue  # chartsheets and dialog sheets: openpyxl's worksheets skip them too
            name = node.get("name", "")
            sheets.append((name, target))
            result.sheet_states[name] = node.get("state", "visible")
        elif tag == f"{{{MAIN}}}definedName" and node.get("localSheetId") is None:
            names.append((node.get("name", ""), (node.text or "").strip()))
        elif tag == f"{{{MAIN}}}externalReference":
            externals.append(wb_rels.get(node.get(f"{{{REL}}}id", ""), ("", ""))[0])
        elif tag == f"{{{MAIN}}}workbookPr" and node.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904
    if not seen_main:
        raise UnsupportedWorkbook("workbook part is not Transitional SpreadsheetML")
    kinds = {kind: target for kind, (target, _) in _typed_rels(archive, workbook_part)}
    strings = _shared_strings(archive, kinds.get("sharedStrings"))
    dates, durations = _date_styles(archive, kinds.get("styles"))
    for name, part in sheets:
        result.sheet_names.append(name)
        _read_sheet(archive, part, name, strings, dates, durations, epoch, result)
    for name, text in names:
        match = _NAME_TARGET.match(text)
        if not match:
            continue
        sheet = match.group("quoted")
        sheet = sheet.replace("''", "'") if sheet is not None else match.group("plain")
        if sheet not in result.raw:
            continue
        c1, r1, c2, r2 = range_boundaries(match.group("ref").replace("$", ""))
        result.names[name.lower()] = (sheet, c1, r1, c2, r2)
    for part in externals:
        link_rels = _rels(archive, part)
        target = next((t for t, mode in link_rels.values() if mode == "External"), "")
        result.external_targets.append(target)
    return result


def _typed_rels(archive: zipfile.ZipFile, part: str):
    """(kind, target) of ``part``'s relationships, kind being the last word of the type."""
    folder, name = posixpath.split(part)
    try:
        data = archive.read(posixpath.join(folder, "_rels", name + ".rels"))
    except KeyError:
        return []
    out = []
    for _, node in iterparse(_stream(data)):
        if node.tag == f"{{{PKG}}}Relationship" and node.get("TargetMode") != "External":
            kind = PurePosixPath(node.get("Type", "")).name
            target = node.get("Target", "")
            target = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            out.append((kind, (target, "")))
    return out


_COLUMNS: dict[str, int] = {}


def _number(text: str) -> int | float | str:
    """A numeric cell's ``<v>`` as openpyxl casts it (int, else float); ``NaN``/``INF``
    (which Excel never writes, but other programs and hand edits do) as a float NaN/infinity,
    and text that is no number as that text, so that the importer's cell reader
    (:mod:`dtpl_studio.spreadsheets.cells`) refuses it with a finding naming the sheet and the
    cell instead of the whole workbook being unreadable (issue 5, fix5 point 4)."""
    try:
        return _cast_number(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _coordinate(ref: str) -> tuple[int, int]:
    """``'H12'`` → ``(12, 8)`` (row, column), columns cached."""
    letters = ref.rstrip("0123456789")
    col = _COLUMNS.get(letters)
    if col is None:
        col = _COLUMNS[letters] = column_index_from_string(letters)
    return int(ref[len(letters) :]), col


def _read_sheet(
    archive: zipfile.ZipFile,
    part: str,
    name: str,
    strings: list[str],
    dates: set[int],
    durations: set[int],
    epoch,
    result: FastWorkbook,
) -> None:
    raw: dict[tuple[int, int], Any] = {}
    cached: dict[tuple[int, int], Any] = {}
    hidden: set[int] = set()
    shared: dict[str, Translator] = {}
    max_row = 0
    root = fromstring(archive.read(part))
    if root.tag != f"{{{MAIN}}}worksheet":
        raise UnsupportedWorkbook(f"{part} is not a Transitional SpreadsheetML worksheet")
    sheet_data = root.find(f"{{{MAIN}}}sheetData")
    row_counter = 0
    for row_node in sheet_data if sheet_data is not None else ():
        if row_node.tag != _ROW:
            continue
        r = row_node.get("r")
        row_counter = int(r) if r else row_counter + 1
        if row_node.get("hidden") in ("1", "true"):
            hidden.add(row_counter)
        col_counter = 0
        for node in row_node:
            if node.tag != _C:
                continue
            coordinate = node.get("r")
            if coordinate:
                row, col = _coordinate(coordinate)
                col_counter = col
            else:
                col_counter += 1
                row, col = row_counter, col_counter
                coordinate = f"{get_column_letter(col)}{row}"
            if row > max_row:
                max_row = row
            data_type = node.get("t", "n")
            value = None
            if data_type != "inlineStr":
                value = node.findtext(_V) or None
            if value is not None:
                if data_type == "n":
                    value = _number(value)
                    style = node.get("s")
                    if style and int(style) in dates:
                        try:
                            value = from_excel(value, epoch, timedelta=int(style) in durations)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"
                elif data_type == "s":
                    value = strings[int(value)]
                elif data_type == "b":
                    value = bool(int(value))
                elif data_type == "d":
                    value = from_ISO8601(value)
            elif data_type == "inlineStr":
                child = node.find(_IS)
                if child is not None:
                    value = Text.from_tree(child).content
            formula = node.find(_F)
            if formula is not None:
                text = "=" + (formula.text or "")
                kind = formula.get("t")
                if kind == "shared":
                    index = formula.get("si")
                    if index in shared:
                        text = shared[index].translate_formula(coordinate)
                    elif text != "=":
                        shared[index] = Translator(text, coordinate)
                elif kind == "array":
                    text = ArrayFormula(ref=formula.get("ref"), text=text)
                elif kind == "dataTable":
                    text = DataTableFormula(**formula.attrib)
                raw[(row, col)] = text
                if value is not None:
                    cached[(row, col)] = value
            elif value is not None:
                raw[(row, col)] = value
                cached[(row, col)] = value
    result.raw[name] = raw
    result.cached[name] = cached
    result.hidden_rows[name] = hidden
    result.max_rows[name] = max_row
    hidden_cols: set[int] = set()
    cols = root.find(f"{{{MAIN}}}cols")
    for col in cols if cols is not None else ():
        if col.get("hidden") in ("1", "true"):
            first, last = int(col.get("min", "0")), int(col.get("max", "0"))
            if 0 < first <= last <= 16384:
                hidden_cols.update(range(first, last + 1))
    result.hidden_cols[name] = hidden_cols
    merged: list[tuple[int, int, int, int]] = []
    merges = root.find(f"{{{MAIN}}}mergeCells")
    for merge in merges if merges is not None else ():
        try:
            c1, r1, c2, r2 = range_boundaries(merge.get("ref", ""))
        except (ValueError, TypeError):
            continue
        if None not in (c1, r1, c2, r2):
            merged.append((c1, r1, c2, r2))
    result.merged[name] = merged
