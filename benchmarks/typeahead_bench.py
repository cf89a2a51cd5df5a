"""Type-ahead of analyses in the RAB's Uraian cell (issue 10 point 2): the time of one
keystroke (search the folded index + refill the popup's rows) and of building the index,
for books of 200 / 1 000 / 2 000 / 5 000 analyses (copies of the shipped AHSP Cipta Karya
2023 analyses under new codes) and the shipped book itself (670).

Run: ``QT_QPA_PLATFORM=offscreen python -m benchmarks.typeahead_bench`` (median of 5 runs
of each query; a loaded machine: read the ratios).
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtWidgets import QApplication, QLineEdit

from dtpl_studio.costing.items import AnalysisIndex
from dtpl_studio.costing.pricebook import Analysis, PriceBook
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.ui.widgets.analysis_completer import AnalysisCompleter

QUERIES = ["a", "a.2", "beton", "galian tanah", "pasang bata merah", "zzz"]


def book_of(size: int, shipped: PriceBook) -> PriceBook:
    """``size`` analyses: the shipped ones, repeated under new codes (name and unit kept)."""
    book = PriceBook(shipped.meta)
    source = list(shipped.analyses.values())
    for k in range(size):
        a = source[k % len(source)]
        book.put_analysis(Analysis(f"{a.code}.{k // len(source)}" if k >= len(source) else a.code,
                                   a.name, a.unit, a.lines))
    return book


def measure(book: PriceBook, editor: QLineEdit) -> tuple[float, float, float]:
    """(build ms, median search ms, median keystroke ms incl. the popup rows)."""
    start = time.perf_counter()
    index = AnalysisIndex([book])
    build = (time.perf_counter() - start) * 1000
    completer = AnalysisCompleter(editor, lambda: index)
    search, keystroke = [], []
    for _ in range(5):
        for q in QUERIES:
            t = time.perf_counter()
            index.search(q, 30)
            search.append(time.perf_counter() - t)
            t = time.perf_counter()
            completer.update(q)
            keystroke.append(time.perf_counter() - t)
    completer.popup.hide()
    completer.deleteLater()
    return build, statistics.median(search) * 1000, statistics.median(keystroke) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    editor = QLineEdit()
    editor.show()
    shipped = load_default_book()
    print(f"{'analyses':>9} {'build ms':>9} {'search ms':>10} {'keystroke ms':>13}")
    for size in (200, len(shipped.analyses), 1000, 2000, 5000):
        book = shipped if size == len(shipped.analyses) else book_of(size, shipped)
        build, search, key = measure(book, editor)
        print(f"{size:>9} {build:>9.1f} {search:>10.2f} {key:>13.2f}")
    app.processEvents()


if __name__ == "__main__":
    main()
