"""``make bench``: workbook import time, demo PDF export time, peak memory.

Each step runs in a fresh subprocess so its peak resident memory (``ru_maxrss``) is its own;
no tracing profiler runs during the timed part (tracemalloc would triple the times).
Figures are printed as a table; nothing is asserted (speed is shown, not tested).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKBOOK = REPO.parent / "shared" / "data" / "public" / "ahsp-cipta-karya-2023" / "AHSP.xlsx"

STEP = r"""
import json, resource, sys, time
from pathlib import Path
step, arg, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
t0 = time.perf_counter()
extra = {}
if step == "load":
    from dtpl_studio.spreadsheets.xlsx import load_xlsx
    wb = load_xlsx(arg)
    extra = {"cells": sum(len(c) for c in wb.grid.raw.values())}
elif step == "import":
    from dtpl_studio.services.prices import import_prices
    book, report = import_prices(arg)
    extra = {"analyses": len(book.analyses), "resources": len(book.resources)}
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
elif step == "price":
    from dtpl_studio.costing.rab import price_program
    from dtpl_studio.services.project import open_project
    program = open_project(arg)
    t0 = time.perf_counter()
    for _ in range(100):
        price_program(program)
    extra = {"runs": 100}
elapsed = time.perf_counter() - t0
print(json.dumps({"seconds": elapsed,
                  "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **extra}))
"""


def run(step: str, arg: Path, out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", STEP, step, str(arg), str(out)],
        capture_output=True, text=True, cwd=REPO,
    )
    if result.returncode != 0:
        raise SystemExit(f"{step} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if WORKBOOK.is_file():
            rows.append(("load AHSP.xlsx (formulas + cached values)", run("load", WORKBOOK, tmp / "x")))
            rows.append(("import AHSP.xlsx (workbook → PriceBook + report)", run("import", WORKBOOK, tmp / "x")))
        else:
            print(f"skipped workbook import: {WORKBOOK} not found")
        rows.append(("read shipped edition (unit_prices/)", run("read-edition", tmp, tmp / "x")))
        demo = tmp / "demo.dtpl"
        rows.append(("build + save demo project", run("demo", demo, tmp / "x")))
        rows.append(("price demo programme ×100", run("price", demo, tmp / "x")))
        rows.append(("export demo DTPL PDF", run("pdf", demo, tmp / "demo.pdf")))
    print(f"{'step':52} {'seconds':>9} {'peak RSS MiB':>13}  extra")
    for name, r in rows:
        extra = {k: v for k, v in r.items() if k not in ("seconds", "maxrss_mib")}
        print(f"{name:52} {r['seconds']:9.3f} {r['maxrss_mib']:13.1f}  {extra or ''}")
    print("seconds: wall time of the step, module imports included except for the price and PDF "
          "steps (timed after the project is loaded); peak RSS: the "
          "step's whole process (Python + libraries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
