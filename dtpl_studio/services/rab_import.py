"""Import an existing RAB (workbook or CSV export) as a new package (issue 10 point 8).

The CLI (``dtpl-studio import-rab FILE [--sheet NAME] --out NEW.dtpl``) writes a new project
holding the imported package; the window adds the package to the open project as one undo
step (:func:`insert_edit`). Both read the file through
:func:`dtpl_studio.spreadsheets.rab_import.import_rab` and show its
:class:`~dtpl_studio.spreadsheets.report.ImportReport`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from dtpl_studio.costing.edits import InsertPackage
from dtpl_studio.costing.rab import Program
from dtpl_studio.errors import DtplError
from dtpl_studio.spreadsheets.rab_import import RabImport, import_rab
from dtpl_studio.spreadsheets.report import number, rupiah


class RabImportError(DtplError, ValueError):
    """The RAB file cannot be imported (missing, a folder, an unknown kind)."""

    default_code = "workbook.layout"


def read_rab(path: str | Path, sheet: str | None = None) -> RabImport:
    """Import ``path`` (``.xlsx``/``.xlsm``/``.csv``) into a new package and its report.

    Raises:
        RabImportError: no such file, or a folder.
        dtpl_studio.spreadsheets.report.WorkbookImportError: no RAB table, unknown sheet.
        dtpl_studio.spreadsheets.xlsx.WorkbookReadError: not a readable workbook.
    """
    from dtpl_studio.services.units import load_user_units

    load_user_units()  # the user's unit spellings (dtpl-studio units --map)
    path = Path(path)
    if path.is_dir():
        raise RabImportError(f"{path}: is a folder, not a RAB file", code="file.is_folder", path=path)
    if not path.is_file():
        raise RabImportError(f"{path}: no such file", code="file.not_found", path=path)
    return import_rab(path, sheet)


def new_program(result: RabImport) -> Program:
    """A new programme holding only the imported package (kelurahan and the rest to fill in)."""
    return Program(kelurahan="", title=f"RAB impor {result.report.source_file}",
                   packages=[result.package])


def write_project(result: RabImport, out: str | Path) -> Path:
    """Save a new project holding the imported package to ``out`` (atomically, under the
    file's lock; the caller has checked that ``out`` may be written).

    Raises:
        dtpl_studio.services.session.LockedError: ``out`` is open in another DTPL Studio.
        dtpl_studio.storage.project_file.ProjectFileError: cannot be written.
    """
    from dtpl_studio.services.project import save_project

    out = Path(out)
    save_project(new_program(result), out)
    return out


def insert_edit(result: RabImport, index: int | None = None) -> InsertPackage:
    """The edit that adds the imported package to an open project (one undo step)."""
    return InsertPackage(result.package, index)


def totals_text(result: RabImport) -> list[str]:
    """The lines the CLI prints after the summary: the imported subtotal, the file's own, and
    whether the difference is explained (Indonesian, numbers the Indonesian way)."""
    lines = [f"lembar: {result.sheet}" + (f" (lembar dengan tabel RAB: {', '.join(result.candidates)})"
                                         if len(result.candidates) > 1 else "")]
    lines.append(f"subtotal impor (biaya langsung): {rupiah(result.imported_total)}")
    if result.workbook_total is None:
        lines.append("subtotal berkas sendiri: tidak ada")
        return lines
    own = result.workbook_total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    lines.append(f"subtotal berkas sendiri: {rupiah(own)} ({result.workbook_total_where})")
    if result.matches:
        lines.append("sama sampai sen")
    else:
        difference = (result.imported_total - result.workbook_total).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP)
        state = ("dijelaskan seluruhnya per baris" if result.unexplained == 0 else
                 f"{rupiah(result.unexplained)} tidak terjelaskan")
        lines.append(f"selisih {rupiah(difference)}: {state} (lihat laporan)")
    counts = result.report.counts
    lines.append(f"item {number(counts.get('items', 0))}, divisi {number(counts.get('sections', 0))}, "
                 f"tanpa harga {number(counts.get('items_without_rate', 0))}")
    return lines
