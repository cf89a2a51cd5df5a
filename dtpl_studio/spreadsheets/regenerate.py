"""Regenerate a shipped price-book edition from its source workbook.

Usage::

    python -m dtpl_studio.spreadsheets.regenerate SRC DEST

e.g. ``SRC = ../shared/data/public/ahsp-cipta-karya-2023/AHSP.xlsx`` and
``DEST = unit_prices/ahsp-cipta-karya-2023`` (what ``make prices`` does through the CLI's
``import-prices FILE --write-edition DIR``). The folder is written whole or not at all
(:func:`~dtpl_studio.spreadsheets.edition.write_edition`). An import with errors (the report's
first line says ``TIDAK DAPAT DIPAKAI``: an analysis left out, a copy without cached values…) is not
written. Exit code 0 on success, 1 when the import is not usable or the write fails (the
reason is printed, no traceback), 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import sys
import time
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.spreadsheets.ahsp_cipta_karya import import_ahsp_cipta_karya
from dtpl_studio.spreadsheets.edition import DEFAULT_REGENERATE, EditionError, write_edition
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError, number


def regenerate_edition(
    src: str | Path, dest: str | Path, regenerate: str = DEFAULT_REGENERATE
) -> tuple[PriceBook, ImportReport]:
    """Import ``src`` (the AHSP Cipta Karya workbook) and write the edition folder ``dest``.

    Returns:
        ``(book, report)`` as :func:`import_ahsp_cipta_karya` gives them.

    Raises:
        WorkbookImportError: the workbook cannot be imported, or the import has errors (the
            report is not :attr:`~ImportReport.usable`); nothing is written.
        EditionError: the folder cannot be written (the previous edition, if any, is kept).
    """
    book, report = import_ahsp_cipta_karya(src)
    if not report.usable:
        raise WorkbookImportError(f"{Path(src).name}: {report.status_line()}", report)
    write_edition(book, dest, report, regenerate)
    return book, report


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; see the module docstring."""
    parser = argparse.ArgumentParser(
        prog="python -m dtpl_studio.spreadsheets.regenerate",
        description="Impor buku kerja AHSP Cipta Karya dan tulis folder edisi buku harga.",
    )
    parser.add_argument("src", type=Path, help="buku kerja AHSP.xlsx")
    parser.add_argument("dest", type=Path, help="folder edisi yang ditulis (ulang)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        book, report = regenerate_edition(args.src, args.dest)
    except (WorkbookImportError, EditionError) as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    print(f"hash isi: {book.content_hash()}")
    seconds = number(Decimal(f"{time.perf_counter() - started:.1f}"))
    print(f"ditulis: {args.dest} ({seconds} detik)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
