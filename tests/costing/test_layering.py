"""The core must not load Qt, SQLAlchemy, openpyxl or reportlab (DESIGN.md §3)."""

import subprocess
import sys


def test_costing_core_imports_no_ui_storage_or_report_library():
    code = (
        "import sys, dtpl_studio.costing.rab, dtpl_studio.costing.pricebook, "
        "dtpl_studio.costing.formatting;"
        "bad = [m for m in ('PySide6', 'sqlalchemy', 'openpyxl', 'reportlab') if m in sys.modules];"
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"costing loaded: {result.stdout} {result.stderr}"


def test_services_do_not_import_qt():
    code = (
        "import sys, dtpl_studio.services.project, dtpl_studio.services.demo, dtpl_studio.cli;"
        "sys.exit(1 if 'PySide6' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
