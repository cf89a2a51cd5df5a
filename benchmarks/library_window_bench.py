"""The library window on an SQLite library (issue 8 point 4, "must not freeze"): for the
shipped edition and generated editions (:func:`benchmarks.library_bench.generated_book`,
``resources`` resources and ``resources // 5`` analyses), the time to read an edition for the
window on the worker (:func:`dtpl_studio.services.library_edit.load_edition`: versions, book,
every F), to fill the window's tables on the GUI thread, and of one price edit: the write on
the worker (optimistic lock, the edition's content hash recomputed from the stored rows, audit)
and the GUI thread's part (the F of the analyses using the resource, the audit tab).

Run: ``QT_QPA_PLATFORM=offscreen python -m benchmarks.library_window_bench [sizes…]``.
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _best(fn, repeat: int = 3):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def run(sizes: list[int]) -> list[tuple]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.library_bench import generated_book
    from dtpl_studio.services import library_edit
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.storage.library import PriceLibrary
    from dtpl_studio.ui.widgets.library_window import LibraryWindow

    app = QApplication.instance() or QApplication([])
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        url = str(Path(tmp) / "bench.sqlite")
        books = [("bawaan", load_default_book())] + [(str(n), generated_book(n, n // 5)) for n in sizes]
        with PriceLibrary(url) as lib:
            ids = [(label, lib.add_edition(book), book) for label, book in books]
        win = LibraryWindow(url)
        while win.busy:
            app.processEvents()
        for label, edition, book in ids:
            load, view = _best(lambda edition=edition: library_edit.load_edition(edition, url))
            rates, _ = _best(lambda view=view: (view.book.touch(), library_edit.compute_rates(view.book)))

            def fill(view=view):
                win.view = view
                win._show_view()
                app.processEvents()
            show, _ = _best(fill)
            win.view = view
            key = next(iter(view.book.resources))
            prices = iter(range(1, 100))

            def write(key=key, prices=prices, view=view, edition=edition):
                resource = dataclasses.replace(view.book.resources[key], price=Decimal(next(prices)))
                version = library_edit.write_resource(edition, resource, view.versions.resources[key], url)
                view.versions.resources[key] = version
                return resource, version
            worker, (resource, version) = _best(write)
            gui, _ = _best(lambda e=edition, r=resource, v=version: win.show_resource(e, r, v))
            rows.append((label, len(book.resources), len(book.analyses), load, rates, show, worker, gui))
        win.close()
    return rows


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [200, 1000, 2000, 5000, 15000]
    print(f"{'edition':>8} {'resources':>9} {'analyses':>8} {'load (worker)':>14} {'of it: F':>9} "
          f"{'fill (GUI)':>10} {'edit (worker)':>13} {'edit (GUI)':>10}")
    for label, res, ana, load, rates, show, worker, gui in run(sizes):
        print(f"{label:>8} {res:>9} {ana:>8} {load * 1000:>11.0f} ms {rates * 1000:>6.0f} ms "
              f"{show * 1000:>7.0f} ms {worker * 1000:>10.0f} ms {gui * 1000:>7.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
