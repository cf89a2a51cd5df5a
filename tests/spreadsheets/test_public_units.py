"""The alias table covers every unit spelling in the construction price files of
``../shared/data/public`` (DOMAIN.md §7.4 item 2); what it does not know is reported."""

from __future__ import annotations

import csv
import io
import json
import re

import openpyxl
import pytest

from dtpl_studio.costing.units import UnknownUnitError, normalize_unit

#: Spellings that are not units and must stay unknown (so an importer reports them).
NOT_UNITS = {"bulan bulan hari hari orang orang hari hari hari/m2"}  # SNI 2025: a merged-cell slip


def _units(public_data):
    found: dict[str, str] = {}

    def add(value, where):
        if value is not None and str(value).strip():
            found.setdefault(str(value), where)

    wb = openpyxl.load_workbook(public_data / "ahsp-sni-2025-flat" / "SNI_2025_AHSP.xlsx", read_only=True)
    for n, row in enumerate(wb.worksheets[0].iter_rows(min_row=2, values_only=True), start=2):
        add(row[6], f"SNI_2025_AHSP.xlsx row {n}")
    wb.close()
    wb = openpyxl.load_workbook(public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx", read_only=True)
    for ws in wb.worksheets:
        if ws.title in ("Sheet1", "Daftar Harga Satuan Pekerjaan"):
            continue
        col = 5 if ws.title == "Upah Bahan" else 4  # F (unit) in Upah Bahan, E in analysis sheets
        for n, row in enumerate(ws.iter_rows(min_row=7, values_only=True), start=7):
            value = row[col] if len(row) > col else None
            if isinstance(value, str) and value not in ("SATUAN", "Sat.") and len(value) < 15:
                add(value, f"AHSP.xlsx {ws.title} row {n}")
    wb.close()
    text = (public_data / "upah-bahan-csv" / "Upah Bahan.csv").read_text(encoding="utf-8-sig")
    for n, row in enumerate(csv.DictReader(io.StringIO(text), delimiter=";"), start=2):
        add(row.get("Satuan"), f"Upah Bahan.csv line {n}")
    for path in sorted((public_data / "hspk-jateng-2025").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data if isinstance(data, list) else data.get("items", []):
            add(item.get("unit"), path.name)
    sql = (public_data / "drainage-payments-2019" / "ppu_excerpt.sql").read_text(encoding="utf-8")
    for m in re.finditer(r"VALUES \(\d+, \d+, '[^']*', '[^']*', [\d.]+, '([^']*)'", sql):
        add(m.group(1), "ppu_excerpt.sql")
    return found


def test_every_construction_unit_spelling_is_known(public_data):
    found = _units(public_data)
    assert len(found) > 60
    unknown = []
    for raw, where in found.items():
        try:
            normalize_unit(raw)
        except UnknownUnitError:
            if raw not in NOT_UNITS:
                unknown.append(f"{raw!r} ({where})")
    assert not unknown, "unit spellings without an alias: " + ", ".join(unknown)
    for raw in NOT_UNITS & set(found):
        with pytest.raises(UnknownUnitError):
            normalize_unit(raw)


def test_drainage_bill_units(public_data):
    # the payment lines use m³, m², m¹, Is (meaning ls), Truk, lot, bln (data/README.md)
    assert [normalize_unit(u) for u in ("m³", "m²", "m¹", "Is", "Truk", "lot", "bln")] == [
        "m3", "m2", "m'", "ls", "rit", "lot", "bulan",
    ]
