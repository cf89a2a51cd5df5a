"""The RAB xlsx export recomputed by a real spreadsheet engine (issue 10 point 7).

LibreOffice (headless, ``soffice``) opens the exported workbook, which holds formulas
without cached values, computes them and saves a copy; openpyxl reads the computed values
(``data_only``) and every figure must equal the app's to the rupiah: each line's volume,
rate and amount, each subtotal, the rekap (JUMLAH, PPN, TOTAL, DIBULATKAN) and each
analysis rate. The demo's packages and generated small programmes (rates with sen,
deductions, overrides, own rates, unit conversions, every rounding rule) go into one
workbook, so LibreOffice starts once (about 3 s).

``scripts/system-deps.sh`` installs LibreOffice Calc from Debian's packages (best-effort);
on a machine without ``soffice`` the test is skipped and says why.
"""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from dtpl_studio.costing.rab import Program, price_program
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.spreadsheets.rab_export import write_rab_xlsx
from tests.spreadsheets.rab_export_helpers import figures, programs, split_ref

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: `bash scripts/system-deps.sh` installs "
           "libreoffice-calc-nogui from Debian's packages")


def recompute(xlsx: Path, work: Path) -> Path:
    """``xlsx`` opened, recomputed and saved again by LibreOffice headless, in a profile of
    its own (never the user's); returns the recomputed copy."""
    out = work / "recomputed"
    out.mkdir()
    profile = (work / "lo-profile").resolve().as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), str(xlsx)],
        check=True, capture_output=True, timeout=240)
    result = out / xlsx.name
    assert result.exists(), "LibreOffice wrote nothing"
    return result


def as_decimal(value) -> Decimal:
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(repr(value))


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(generated=st.lists(programs(), min_size=6, max_size=6))
def test_libreoffice_recomputes_the_app_totals(generated, tmp_path_factory):
    work = tmp_path_factory.mktemp("soffice")
    program = build_demo_program(load_default_book())
    program = Program(program.kelurahan, kecamatan=program.kecamatan, kota=program.kota,
                      packages=program.packages + [p for g in generated for p in g.packages])
    priced = price_program(program)
    xlsx = work / "rab.xlsx"
    xmap = write_rab_xlsx(priced, xlsx)
    wb = load_workbook(recompute(xlsx, work), data_only=True)
    checked = 0
    for what, reference, expected in figures(priced, xmap):
        sheet, coord = split_ref(reference)
        got = as_decimal(wb[sheet][coord].value)
        if what.endswith("volume") or what.split(":")[1].startswith("rate") or what.endswith(" rate"):
            # a volume or rate may carry sen or decimals: equal as LibreOffice shows 15 digits
            assert abs(got - expected) <= abs(expected) * Decimal("1e-14"), (what, got, expected)
        else:  # every rupiah figure exactly
            assert got == expected, (what, got, expected)
        checked += 1
    assert checked > 100
