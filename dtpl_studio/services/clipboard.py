"""Clipboard use cases for the window (issue 10 points 1 and 9): copy/cut/paste of RAB
selections (the core :mod:`dtpl_studio.costing.clipboard`) and the paste of a block of
spreadsheet rows (:mod:`dtpl_studio.spreadsheets.rab_paste`), each as one edit.

The window never reads a spreadsheet itself (layers): it hands the clipboard text here.
"""

from __future__ import annotations

from dtpl_studio.costing.clipboard import (
    CLIP_MIME,
    Clip,
    ClipError,
    PastePlan,
    clip_from_json,
    clip_to_json,
    clip_tsv,
    copy_nodes,
    cut_edit,
    pin_codes,
    plan_paste,
)
from dtpl_studio.costing.edits import Compound, Edit, InsertNode, find_package
from dtpl_studio.costing.pricebook import PriceBook, PriceBookError
from dtpl_studio.costing.rab import Program
from dtpl_studio.spreadsheets.rab_paste import CodeInfo, PasteFinding, TablePaste, read_block


def _code_infos(*books: PriceBook | None) -> dict[str, CodeInfo]:
    """Code → :class:`CodeInfo` of every analysis of ``books`` (the first book that has a
    code wins: the package's pinned book before the catalogue)."""
    out: dict[str, CodeInfo] = {}
    for book in books:
        if book is None:
            continue
        for code, analysis in book.analyses.items():
            if code in out:
                continue
            try:
                rate = book.unit_rate(code)
            except (KeyError, PriceBookError):
                rate = None
            out[code] = CodeInfo(" ".join(analysis.name.split()), analysis.unit, rate)
    return out


def read_table(program: Program, package_id: str, text: str, library: PriceBook | None = None) -> TablePaste:
    """Read a pasted block of spreadsheet rows for package ``package_id``: a code column is
    matched against the package's pinned book, then ``library`` (the catalogue).

    Raises:
        EditError: no such package.
    """
    package = find_package(program, package_id)
    return read_block(text, _code_infos(package.book, library))


def table_edit(program: Program, package_id: str, parent_id: str, index: int | None, paste: TablePaste,
               library: PriceBook | None = None) -> Compound:
    """The one edit that inserts the nodes of ``paste`` into section ``parent_id`` at
    ``index`` (None = at the end), pinning from ``library`` the analyses the package lacks.

    Raises:
        EditError: no such package or section.
    """
    package = find_package(program, package_id)
    steps: list[Edit] = []
    if library is not None and paste.codes:
        pin = pin_codes(package, library, paste.codes)
        if pin.analyses or pin.resources:
            steps.append(pin)
    for offset, node in enumerate(paste.nodes):
        steps.append(InsertNode(package.id, parent_id, node, None if index is None else index + offset))
    return Compound(tuple(steps))


__all__ = ["CLIP_MIME", "Clip", "ClipError", "PasteFinding", "PastePlan", "TablePaste", "clip_from_json",
           "clip_to_json", "clip_tsv", "copy_nodes", "cut_edit", "plan_paste", "read_table", "table_edit"]
