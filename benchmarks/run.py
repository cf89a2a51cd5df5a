"""``make bench``: import, demo, PDF, xlsx, and the RAB at 200 … 5 000 items: recompute, edit, open, save.

Each step runs in a fresh subprocess so its peak resident memory (``ru_maxrss``) is its own;
no tracing profiler runs during the timed part (tracemalloc would triple the times).
Figures are printed as a table; nothing is asserted (speed is shown, not tested).

The sized steps use :func:`benchmarks.generate.generated_program` over the shipped book:
``n`` items with 3 back-up lines each (issue 10's targets are for 2 000 items):

* ``save``: write the project file (``services.project.save_project``) in a process that has
  not loaded the storage layer yet (its imports and the empty schema are in the time);
* ``save-warm``: the same file opened, then saved in place, as the window saves (it has
  prepared the save machinery off the GUI thread after showing the project);
* ``recompute``: a full ``price_program`` told nothing (median of 7, after loading: what did
  not change is reused by value), from nothing (``fresh=True``, ``cold_ms``), the first after
  opening, and the core of a back-up edit and of its undo (incremental), wall and CPU time;
* ``open+show``: load the file and show the window on it, tree painted;
* ``edit`` / ``undo``: one back-up factor typed into the measurement table (``setData``) until
  the RAB tree, the totals and the BLM panel are repainted, then Ctrl+Z the same; with the
  number of ``data()`` calls the RAB tree model answered for it.

``import``: every real price file of ``../shared/data/public`` (AHSP workbook, HSPK JSON per
region, Upah Bahan CSV, SSH CSV, the flattened analysis CSV, the SNI 2025 flat coefficient
table) through ``services.prices.import_prices``: rows read,
analyses/resources made, findings by severity, ``call_s`` the import call alone (the file
read and parsed, its importer's modules loaded), ``seconds`` the process from its start
(``--skip-import`` leaves them out).

``pdf-big`` / ``xlsx-big``: the DTPL PDF of a generated RAB (200 … 5 000 items, ≤ 300
analyses, optionally 20 drawing pages merged), with its CPU seconds and pages; the RAB
workbook of the same RAB and, where LibreOffice is installed, ``soffice --headless`` printing
it to PDF; the ratio DTPL PDF / LibreOffice print is printed under the table (issue 9).

``library-pg``: the team price library on PostgreSQL (``benchmarks/library_bench.py``):
generated editions (``DTPL_BENCH_LIB_EDITIONS`` × ``_RESOURCES`` × ``_ANALYSES``, default
20 × 15 000 × 3 000; the issue's 1 000 editions by ``DTPL_BENCH_LIB_EDITIONS=1000``), then
open, list, edition info, opening an edition in the catalogue (info + first page), load a
whole published edition (its snapshot) and a draft (its rows), catalogue search by code and by
name, one resource edit, in ms. Skipped with the reason when no server answers.

Usage: ``benchmarks/run.py [--sizes 200,1000] [--skip-import] [--skip-library] [--only-library]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKBOOK = REPO.parent / "shared" / "data" / "public" / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
SIZES = (200, 1000, 2000, 5000)
PUBLIC = WORKBOOK.parents[1]
#: the other real price files (issue 8 point 2), imported one per subprocess
PRICE_FILES = ("hspk-jateng-2025/*.json", "upah-bahan-csv/Upah Bahan.csv", "ssh-pangandaran-2023/tb_ssh_2023.csv",
               "upah-bahan-csv/analisa-*.csv", "ahsp-sni-2025-flat/*.xlsx")

STEP = r"""
import json, os, resource, sys, time
from pathlib import Path
T_START = time.perf_counter()
sys.path.insert(0, os.getcwd())
step, arg, out, n = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
t0 = time.perf_counter()
extra = {}
elapsed = None

def gui_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("DTPL_STUDIO_HOME", str(out.parent / "home"))
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication([])

if step == "load":
    from dtpl_studio.spreadsheets.xlsx import load_xlsx
    wb = load_xlsx(arg)
    extra = {"cells": sum(len(c) for c in wb.grid.raw.values())}
elif step == "library-pg":
    from benchmarks.library_bench import run as library_run
    extra = library_run()
elif step == "import":
    from dtpl_studio.services.prices import import_prices
    from dtpl_studio.costing.findings import Severity
    from dtpl_studio.costing.units import read_unit
    read_unit("m")  # the unit registry is loaded (it is counted in "seconds", not in call_s)
    t_call = time.perf_counter()
    book, report = import_prices(arg, region="Kab. Pangandaran" if "ssh" in arg.name else None)
    extra = {"call_s": round(time.perf_counter() - t_call, 3),
             "rows": report.counts.get("rows_read"), "analyses": len(book.analyses),
             "resources": len(book.resources),
             **{s.value: report.findings.count(s) for s in Severity},
             **({"suspect_coefficients": report.counts["suspect_coefficients"]}
                if "suspect_coefficients" in report.counts else {}),
             **({"rates_matching": f"{len(report.matching)}/{len(report.comparisons)}"} if report.comparisons else {})}
elif step == "read-edition":
    from dtpl_studio.services.prices import load_default_book
    book = load_default_book()
    extra = {"analyses": len(book.analyses)}
elif step == "demo":
    from dtpl_studio.services.project import create_demo
    create_demo(arg, force=True)
elif step == "pdf":
    from dtpl_studio.services.project import export_pdf, open_project
    program = open_project(arg)
    t0 = time.perf_counter()
    export_pdf(program, out)
    extra = {"pdf_bytes": out.stat().st_size}
elif step == "check":
    from dtpl_studio.cli import main
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", str(arg)])
    elapsed = time.perf_counter() - T_START
    extra = {"exit": code}
elif step == "window-demo":
    app = gui_app()
    from dtpl_studio.services.project import open_project
    from dtpl_studio.ui.main_window import MainWindow
    win = MainWindow()
    win.open_program(open_project(arg), arg)
    win.show()
    app.processEvents()
    win.repaint()
    app.processEvents()
    elapsed = time.perf_counter() - T_START
elif step == "save":
    from benchmarks.generate import generated_program
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.services.project import save_project
    program = generated_program(load_default_book(), n)
    t0 = time.perf_counter()
    save_project(program, arg)
    extra = {"bytes": arg.stat().st_size}
elif step == "save-warm":
    # the save as the window makes it: the project opened (the save machinery prepared off
    # the GUI thread, services.project.prepare_saving), then saved in place
    from dtpl_studio.services.project import open_project, prepare_saving, save_project
    program = open_project(arg)
    prepare_saving()
    t0 = time.perf_counter()
    save_project(program, arg)
    extra = {"bytes": arg.stat().st_size}
elif step == "pdf-big":
    sys.path.insert(0, "benchmarks")
    from big_program import build_big_program
    from dtpl_studio.costing.rab import price_program
    from dtpl_studio.reporting import build_dtpl_pdf
    from dtpl_studio.services.prices import load_default_book
    from pypdf import PdfReader
    items = int(str(arg))
    program = build_big_program(load_default_book(), items)
    if n:  # drawing pages merged into the package (issue 9 point 1)
        from big_program import attach_drawings
        attach_drawings(program, n)
    priced = price_program(program)
    t0 = time.perf_counter()
    c0 = time.process_time()
    build_dtpl_pdf(priced, out)
    extra = {"items": items, "drawing_pages": n, "pages": len(PdfReader(out).pages),
             "cpu_s": round(time.process_time() - c0, 2)}
elif step == "xlsx-big":
    # the RAB workbook with live formulas (issue 10 point 7) of the same generated RAB as
    # pdf-big; then, where LibreOffice is installed, LibreOffice headless printing that
    # workbook to PDF (issue 9: the DTPL PDF export time against a spreadsheet's print)
    import shutil, subprocess, tempfile
    sys.path.insert(0, "benchmarks")
    from big_program import build_big_program
    from dtpl_studio.costing.rab import price_program
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.spreadsheets.rab_export import write_rab_xlsx
    items = int(str(arg))
    priced = price_program(build_big_program(load_default_book(), items))
    t0 = time.perf_counter()
    c0 = time.process_time()
    write_rab_xlsx(priced, out)
    elapsed = time.perf_counter() - t0
    extra = {"items": items, "bytes": out.stat().st_size, "cpu_s": round(time.process_time() - c0, 2)}
    soffice = shutil.which("soffice")
    if soffice:
        with tempfile.TemporaryDirectory() as lo:
            t = time.perf_counter()
            ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([soffice, f"-env:UserInstallation={Path(lo, 'profile').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", lo, str(out)], check=True, capture_output=True)
            extra["soffice_pdf_s"] = round(time.perf_counter() - t, 2)
            ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            extra["soffice_cpu_s"] = round(ch1.ru_utime + ch1.ru_stime - ch0.ru_utime - ch0.ru_stime, 2)
            from pypdf import PdfReader
            extra["soffice_pages"] = len(PdfReader(Path(lo, out.stem + ".pdf")).pages)
    else:
        extra["soffice_pdf_s"] = "not installed"
elif step == "recompute":
    import dataclasses
    from decimal import Decimal
    from dtpl_studio.costing import edits as E
    from dtpl_studio.costing.rab import price_program
    from dtpl_studio.services.project import open_project
    program = open_project(arg)

    def timed(fn, k=7):
        # median wall and CPU seconds of fn() over k runs (CPU: less hurt by a loaded machine)
        wall, cpu = [], []
        for _ in range(k):
            c, t = time.process_time(), time.perf_counter()
            fn()
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        return sorted(wall)[k // 2], sorted(cpu)[k // 2]

    t = time.perf_counter()
    priced = price_program(program, fresh=True)
    first = time.perf_counter() - t
    cold, cold_cpu = timed(lambda: price_program(program, fresh=True))  # from nothing, every time
    warm, warm_cpu = timed(lambda: price_program(program))  # told nothing: reuses by value
    # the core of a back-up edit: one factor replaced, repriced incrementally; then its undo
    pkg = program.packages[0]
    items = list(pkg.items())
    target = items[len(items) // 2]
    state = {"priced": price_program(program), "k": 0}

    def core_edit():
        line = target.measurements[0]
        state["k"] += 1
        factors = [dataclasses.replace(f, value=Decimal(20 + state["k"])) if f.label == "p" else f
                   for f in line.factors]
        edit = E.ReplaceMeasurement(target.id, 0, dataclasses.replace(line, factors=factors))
        state["inverse"] = edit.apply(program)
        state["priced"] = price_program(program, state["priced"], edit.changed_items, same_shape=True)

    def core_undo():
        inverse = state["inverse"]
        inverse.apply(program)
        state["priced"] = price_program(program, state["priced"], inverse.changed_items, same_shape=True)

    edit_w, edit_c, undo_w, undo_c = [], [], [], []
    for _ in range(7):
        c, t = time.process_time(), time.perf_counter()
        core_edit()
        edit_w.append(time.perf_counter() - t)
        edit_c.append(time.process_time() - c)
        c, t = time.process_time(), time.perf_counter()
        core_undo()
        undo_w.append(time.perf_counter() - t)
        undo_c.append(time.process_time() - c)
    med = lambda xs: round(sorted(xs)[len(xs) // 2] * 1000, 2)
    elapsed = warm
    extra = {"first_ms": round(first * 1000, 1), "cold_ms": round(cold * 1000, 1),
             "cold_cpu_ms": round(cold_cpu * 1000, 1), "warm_cpu_ms": round(warm_cpu * 1000, 1),
             "core_edit_ms": med(edit_w), "core_edit_cpu_ms": med(edit_c),
             "core_undo_ms": med(undo_w), "core_undo_cpu_ms": med(undo_c),
             "items": sum(1 for p in program.packages for _ in p.items())}
elif step == "gui":
    app = gui_app()
    from PySide6.QtCore import Qt
    from dtpl_studio.ui.main_window import MainWindow
    from dtpl_studio.ui.models.measurement_model import MCol
    from dtpl_studio.ui.models.rab_model import RabTreeModel
    calls = [0]
    original = RabTreeModel.data
    def counting(self, index, role=Qt.ItemDataRole.DisplayRole):
        calls[0] += 1
        return original(self, index, role)
    RabTreeModel.data = counting  # before any instance: PySide binds the override then
    win = MainWindow()
    win.resize(1400, 900)
    win.show()
    app.processEvents()
    t = time.perf_counter()
    win.open_path(arg)
    app.processEvents()
    win.rab_editor.view.viewport().repaint()
    open_show = time.perf_counter() - t
    pkg = win.doc.program.packages[0]  # the big package, shown first
    assert win.rab_editor.package is pkg
    items = list(pkg.items())
    target = items[len(items) // 2]
    win.rab_editor.select_id(target.id)
    app.processEvents()
    model = win.measurements.model
    assert model.item is target, "measurement panel does not show the selected item"
    # processEvents delivers the posted update requests: the tree rows, the totals under it
    # and the BLM panel are painted inside the timed span (one untimed edit below counts the
    # paint events to show it; an event filter in the timed runs would slow every event)
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        seen = set()
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                w = obj
                while w is not None:
                    if w is win.blm:
                        self.seen.add("blm")
                    elif w is win.rab_editor.view:
                        self.seen.add("tree")
                    elif w is win.rab_editor.summary:
                        self.seen.add("totals")
                    w = w.parentWidget()
            return False
    paints = Paints()
    app.installEventFilter(paints)
    model.setData(model.index(0, MCol.P), "19 m", Qt.ItemDataRole.EditRole)
    app.processEvents()
    app.removeEventFilter(paints)
    win.undo()
    app.processEvents()
    edits, undos, data_calls, edit_cpu, undo_cpu = [], [], [], [], []
    for k in range(max(1, int(os.environ.get("BENCH_EDITS", "7")))):
        calls[0] = 0
        c, t = time.process_time(), time.perf_counter()
        model.setData(model.index(0, MCol.P), f"{20 + k} m", Qt.ItemDataRole.EditRole)
        app.processEvents()
        edits.append(time.perf_counter() - t)
        edit_cpu.append(time.process_time() - c)
        data_calls.append(calls[0])
        c, t = time.process_time(), time.perf_counter()
        win.undo()
        app.processEvents()
        undos.append(time.perf_counter() - t)
        undo_cpu.append(time.process_time() - c)
    med = lambda xs: round(sorted(xs)[len(xs) // 2], 4)
    extra = {"open_show_s": round(open_show, 3), "edit_s": med(edits), "edit_cpu_s": med(edit_cpu),
             "undo_s": med(undos), "undo_cpu_s": med(undo_cpu), "data_calls_per_edit": data_calls[0],
             "painted": sorted(paints.seen)}
    elapsed = open_show
if elapsed is None:
    elapsed = time.perf_counter() - t0
extra["proc_cpu_s"] = round(time.process_time(), 3)  # the whole process: steadier than wall time on a loaded machine
# how loaded the machine was: a fixed pure-Python loop (about 1 ms on an idle core)
_r = time.perf_counter()
sum(i * i for i in range(20000))
extra["ref_ms"] = round((time.perf_counter() - _r) * 1000, 2)
print(json.dumps({"seconds": elapsed,
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}))
"""


def run(step: str, arg: Path, out: Path, n: int = 0) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", STEP, step, str(arg), str(out), str(n)],
        capture_output=True, text=True, cwd=REPO,
    )
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


#: RAB sizes of the PDF export benchmark (``DTPL_BENCH_SIZES=200,1000`` to choose).
PDF_SIZES = tuple(int(n) for n in os.environ.get("DTPL_BENCH_SIZES", "200,1000,2000,5000")
                  .split(",") if n.strip())


#: RAB sizes exported again with :data:`DRAWING_PAGES` PDF drawing pages merged in
#: (``DTPL_BENCH_DRAWING_SIZES=200`` to choose; issue 9 target: 1 000 items + 20 drawing pages).
DRAWING_SIZES = tuple(int(n) for n in os.environ.get("DTPL_BENCH_DRAWING_SIZES", "200,1000")
                      .split(",") if n.strip())
DRAWING_PAGES = 20
#: RAB sizes of the xlsx export benchmark, each also printed by LibreOffice when installed
#: (``DTPL_BENCH_XLSX_SIZES=200`` to choose)
XLSX_SIZES = tuple(int(n) for n in os.environ.get("DTPL_BENCH_XLSX_SIZES", "200,1000,2000")
                   .split(",") if n.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="comma-separated item counts (default 200,1000,2000,5000)")
    parser.add_argument("--skip-import", action="store_true", help="skip the AHSP workbook import")
    parser.add_argument("--skip-library", action="store_true", help="skip the PostgreSQL price library step")
    parser.add_argument("--only-library", action="store_true", help="run only the PostgreSQL library step")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--gui-max", type=int, default=10**9, metavar="N",
                        help="run the window steps only for sizes up to N items")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.skip_library:
            lib = run("library-pg", tmp, tmp / "x")
            if "skipped" in lib:
                print(f"skipped the price library on PostgreSQL: {lib['skipped']}")
            else:
                rows.append((f"library on PostgreSQL: {lib['editions']} editions × {lib['resources']} "
                             f"res. × {lib['analyses']} an.", lib))
        if args.only_library:
            sizes = []
        if args.skip_import or args.only_library:
            pass
        elif WORKBOOK.is_file():
            rows.append(("load AHSP.xlsx (formulas + cached values)", run("load", WORKBOOK, tmp / "x")))
            rows.append(("import AHSP.xlsx (workbook → PriceBook + report)", run("import", WORKBOOK, tmp / "x")))
        else:
            print(f"skipped workbook import: {WORKBOOK} not found")
        if not (args.skip_import or args.only_library):
            for pattern in PRICE_FILES:
                for path in sorted(PUBLIC.glob(pattern)):
                    rows.append((f"import {path.name} (import-prices, layout detected)",
                                 run("import", path, tmp / "x")))
        demo = tmp / "demo.dtpl"
        if not args.only_library:
            rows.append(("read shipped edition (unit_prices/)", run("read-edition", tmp, tmp / "x")))
            rows.append(("build + save demo project", run("demo", demo, tmp / "x")))
            rows.append(("dtpl-studio check demo (process start → verdict)", run("check", demo, tmp / "x")))
            rows.append(("window with the demo up (process start → painted)", run("window-demo", demo, tmp / "x")))
            rows.append(("export demo DTPL PDF", run("pdf", demo, tmp / "demo.pdf")))
        for n in sizes:
            path = tmp / f"rab-{n}.dtpl"
            t = time.perf_counter()
            rows.append((f"RAB {n:>5} items: save (fresh process, first save)", run("save", path, tmp / "x", n)))
            rows.append((f"RAB {n:>5} items: save (project open, as the window)", run("save-warm", path, tmp / "x", n)))
            rows.append((f"RAB {n:>5} items: full recompute (told nothing; median of 7)",
                         run("recompute", path, tmp / "x", n)))
            if n <= args.gui_max:
                rows.append((f"RAB {n:>5} items: open + show tree; edit; undo", run("gui", path, tmp / "x", n)))
            print(f"  ({n} items done in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
        pdf_by_size: dict[int, dict] = {}
        lo_by_size: dict[int, dict] = {}
        for items in () if args.only_library else PDF_SIZES:
            pdf_by_size[items] = run("pdf-big", Path(str(items)), tmp / f"big-{items}.pdf")
            rows.append((f"export DTPL PDF, {items} RAB items (≤300 analyses)", pdf_by_size[items]))
        for items in () if args.only_library else XLSX_SIZES:
            lo_by_size[items] = run("xlsx-big", Path(str(items)), tmp / f"big-{items}.xlsx")
            rows.append((f"export RAB xlsx, {items} RAB items (+ LibreOffice → PDF)", lo_by_size[items]))
        for items in DRAWING_SIZES:
            rows.append((f"export DTPL PDF, {items} RAB items + {DRAWING_PAGES} drawing pages",
                         run("pdf-big", Path(str(items)), tmp / f"draw-{items}.pdf", DRAWING_PAGES)))
    if not shutil.which("soffice"):
        print("not measured: LibreOffice headless printing the RAB xlsx (issue 9): soffice is not "
              "installed here (scripts/system-deps.sh installs it)")
    print(f"{'step':60} {'seconds':>9} {'peak RSS MiB':>13}  extra")
    for name, r in rows:
        extra = {k: v for k, v in r.items() if k not in ("seconds", "maxrss_mib")}
        print(f"{name:60} {r['seconds']:9.3f} {r['maxrss_mib']:13.1f}  {extra or ''}")
    print("proc_cpu_s: CPU time of the step's whole process (imports included)")
    print("seconds: wall time of the step, module imports included except where the step is timed "
          "after loading (PDF, save, recompute, open+show); recompute: seconds = told nothing (what "
          "did not change reused by value), cold_ms = from nothing (fresh=True), first_ms = the "
          "first one after opening, core_edit/undo = one back-up factor replaced and repriced "
          "incrementally, *_cpu_ = the process's CPU time (a loaded machine inflates wall time, "
          "not CPU); edit_s/undo_s: median of 7, setData or Ctrl+Z → tree, totals and BLM panel "
          "repainted ('painted' says which were); peak RSS: the step's whole process; "
          "ref_ms: a fixed Python loop in the same process (machine load: ~1 ms on an idle core)")
    # issue 9: the DTPL PDF export against LibreOffice headless printing the same RAB as xlsx
    for items in sorted(set(pdf_by_size) & set(lo_by_size)):
        pdf, lo = pdf_by_size[items], lo_by_size[items]
        if isinstance(lo.get("soffice_pdf_s"), (int, float)) and lo["soffice_pdf_s"] > 0:
            ratio = pdf["seconds"] / lo["soffice_pdf_s"]
            cpu = (f"; CPU {pdf['cpu_s']} s / {lo['soffice_cpu_s']} s = "
                   f"{pdf['cpu_s'] / lo['soffice_cpu_s']:.2f}" if lo.get("soffice_cpu_s") else "")
            print(f"DTPL PDF ({pdf['pages']} pages) / LibreOffice printing the RAB xlsx "
                  f"({lo['soffice_pages']} pages), {items} items: {pdf['seconds']:.2f} s / "
                  f"{lo['soffice_pdf_s']:.2f} s = {ratio:.2f}{cpu}")
    if args.json:
        args.json.write_text(json.dumps({name: r for name, r in rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
