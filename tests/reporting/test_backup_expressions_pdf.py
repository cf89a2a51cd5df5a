"""The back-up volume section prints expression lines with their value, the package's
parameter table once, and linked lines as ``= volume II.1`` (issue 10 point 3)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.rab import Measurement, item_numbers, price_program
from dtpl_studio.reporting import build_dtpl_pdf

from .conftest import make_program


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_expression_link_and_parameter_table_are_printed(tmp_path):
    program = make_program()
    fisik = program.packages[1]
    items = list(fisik.items())
    galian, rabat = items[2], items[6]  # both m3
    fisik.parameters = [Parameter("P", Decimal(25), "m", "panjang saluran"),
                        Parameter("L", Decimal(3), "m", "lebar"),
                        Parameter("T", Decimal("0.15"), "m", "tebal")]
    galian.measurements.append(Measurement("Saluran keliling", [], expression="2 * (P + L) * T * 0,5 m"))
    galian.measurements.append(Measurement("Dikurangi galian saluran", [], -1, link=rabat.id))
    priced = price_program(program)
    pp = priced.packages[1]
    g = next(pi for pi in pp.items() if pi.item is galian)
    r = next(pi for pi in pp.items() if pi.item is rabat)
    assert g.error == "" and r.error == ""
    path = build_dtpl_pdf(priced, tmp_path / "backup.pdf")
    texts = [flat(p.extract_text()) for p in PdfReader(path).pages]
    pages = [i for i, t in enumerate(texts) if "2 × (P + L) × T × 0,5 m" in t]
    assert pages, "expression not printed"
    page = texts[pages[0]]
    assert "Parameter paket" in page and "panjang saluran" in page and "0,15 m" in page
    assert sum(t.count("Parameter paket (dipakai") for t in texts) == 1  # once per package
    # the expression's value (2 × 28 × 0,15 × 0,5), the linked deduction and the total
    assert "= 2 × (P + L) × T × 0,5 m 4,2 m3" in page
    number = item_numbers(fisik)[rabat.id]
    assert f"Dikurangi galian saluran − (= volume {number}) −21,6 m3" in page
    assert "Jumlah volume 20,10 m3" in page  # 37,5 + 4,2 − 21,6
    folder = os.environ.get("DTPL_SCREENSHOTS")
    if folder and shutil.which("pdftoppm"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(pages[0] + 1), "-l", str(pages[0] + 1),
                        str(path), str(Path(folder) / "backup_page")], check=True)
