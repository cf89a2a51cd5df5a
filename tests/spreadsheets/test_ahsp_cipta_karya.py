"""The AHSP Cipta Karya 2023 importer, on the real workbook and on small synthetic ones.

The real workbook (``../shared/data/public/ahsp-cipta-karya-2023/AHSP.xlsx``) is imported once
per module; the synthetic workbooks are built with openpyxl in ``tmp_path`` and given cached
values (openpyxl writes formulas without them) by :func:`_inject_cached`.
"""

from __future__ import annotations

import copy
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT, RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import LineKind, ResourceKind
from dtpl_studio.costing.units import CANONICAL
from dtpl_studio.spreadsheets.ahsp_cipta_karya import CODE_SCHEME, import_ahsp_cipta_karya
from dtpl_studio.spreadsheets.checks import price_outliers
from dtpl_studio.spreadsheets.edition import EditionError, read_edition, write_edition
from dtpl_studio.spreadsheets.formula import ExcelEmulator, XlError
from dtpl_studio.spreadsheets.regenerate import main as regenerate_main
from dtpl_studio.spreadsheets.report import REASONS, WorkbookImportError
from dtpl_studio.spreadsheets.xlsx import load_xlsx

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "unit_prices" / "ahsp-cipta-karya-2023"


# --------------------------------------------------------------------------------------
# the real workbook
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook_path(public_data: Path) -> Path:
    path = public_data / "ahsp-cipta-karya-2023" / "AHSP.xlsx"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


@pytest.fixture(scope="module")
def imported(workbook_path: Path):
    return import_ahsp_cipta_karya(workbook_path)


def _finding(report, code: str, cell: str):
    matches = [f for f in report.findings if f.code == code and f.location.endswith(cell)]
    assert matches, f"no {code} finding at {cell}"
    return matches[0]


def test_counts(imported):
    book, report = imported
    assert len(book.analyses) == 670
    assert report.counts["analysis_blocks"] == 670
    assert report.counts["analysis_sheets"] == 24
    assert report.counts["dhsp_items"] == 670
    assert len(book.resources) == 1182
    assert len(report.comparisons) == 670
    assert not report.has_errors and report.usable
    assert report.summary().splitlines()[0] == "Laporan impor: AHSP.xlsx"
    assert report.summary("en").splitlines()[0] == "Import report: AHSP.xlsx"
    assert "formulas_without_cached_value" not in report.counts


def test_at_least_632_rates_identical_and_every_difference_explained(imported):
    _, report = imported
    assert len(report.matching) >= 632
    for c in report.differing:
        assert c.reason_code in REASONS and c.reason_code not in ("match", "unexplained"), c.line()
        assert c.reason, c.line()
    # no analysis silently priced at zero: a zero rate always has its own finding
    for c in report.comparisons:
        if c.ours == 0:
            _finding(report, "zero-rate", c.location.split("!")[-1])


def test_known_example_persiapan_first_block(imported):
    book, _ = imported
    a = book.analyses["A.1"]
    assert a.name == "Pembuatan 1 m’ pagar sementara dari kayu tinggi 2 meter"
    assert a.unit == "m'" and a.code_scheme == CODE_SCHEME and a.chapter == "Persiapan"
    breakdown = book.compute("A.1")
    assert breakdown.f == Decimal("792200")
    assert breakdown.a == Decimal("125885")
    # =61.56/1400 evaluated exactly, not through a float
    sand = next(ln for ln in a.lines if ln.ref == "Pasir beton (quarry - lokasi pekerjaan)")
    assert sand.coefficient == CONTEXT.divide(Decimal("61.56"), Decimal("1400"))
    assert book.meta.rate_rounding.step == 100 and book.meta.default_overhead_pct == Decimal("0.1")
    assert book.meta.legal_ref == "Permen PUPR No. 8 Tahun 2023" and book.meta.year == 2023
    # title, edition and note are printed in the Indonesian DTPL (price list "Catatan")
    meta = book.meta
    assert meta.region == "" and meta.note.startswith("Wilayah tidak diketahui: AHSP.xlsx ")
    assert "Tahun 2023 adalah tahun Permen PUPR No. 8 Tahun 2023 (Bidang Cipta Karya)" in meta.note
    assert "ROUNDDOWN(F,-2)" in meta.note
    assert meta.title == (
        "AHSP Bidang Cipta Karya (Permen PUPR No. 8/2023) — DHSP dan daftar harga upah/bahan/alat"
    )
    assert meta.edition == f"AHSP.xlsx (sha256 {meta.source_sha256[:12]})"


def test_named_defects_are_found_and_classified(imported):
    book, report = imported
    by_code = {c.code: c for c in report.comparisons}
    # text decimal comma Excel could not use -> cached #VALUE!
    for code in ("F.45", "F.46", "H.16"):
        assert by_code[code].cached_raw == "#VALUE!"
        assert by_code[code].reason_code == "text-decimal-comma-value-error"
    assert by_code["H.16"].ours == Decimal("281600")
    _finding(report, "text-decimal-comma", "Pasangan Dinding!F297")
    # Excel read '2,625' as 2625: cached rate about 1000x too high
    plint = by_code["L.15"]
    assert plint.reason_code == "text-decimal-comma-thousands"
    assert plint.cached == Decimal("8680800") and plint.ours == Decimal("26900")
    # row D adds the Mandor line instead of the labour subtotal
    assert by_code["N.7"].reason_code == "workbook-formula-error"
    assert "H117" in by_code["N.7"].reason
    # two per-kg blocks round with ROUNDDOWN(F,0): they keep their own rule and match
    for code, cached in (("F.7", "56"), ("F.8", "26")):
        assert book.analyses[code].rate_rounding == RoundingRule(Decimal(1), RoundingMode.DOWN)
        assert by_code[code].ours == by_code[code].cached == Decimal(cached)
        _finding(report, "rate-rounding", by_code[code].location.split("!")[-1])
    # Persiapan!G388 on the 'Waterpass' line is =VLOOKUP(D356,…): D356 is 'Pekerja'
    bouwplank = by_code["A.22"]
    assert bouwplank.reason_code == "lookup-wrong-row" and "Persiapan!G388" in bouwplank.reason
    assert bouwplank.cached == Decimal("171400") and bouwplank.ours == Decimal("171200")
    wrong = _finding(report, "lookup-wrong-row", "Persiapan!G388")
    assert wrong.severity is Severity.WARNING
    assert wrong.raw == "=VLOOKUP(D356,upahbahan,3,FALSE)" and "'Waterpass'" in wrong.action
    waterpass = next(ln for ln in book.analyses["A.22"].lines if ln.description == "Waterpass")
    assert (waterpass.ref, waterpass.unit) == ("Waterpass", "hari")
    assert book.resources["Waterpass"].price == Decimal("75000")
    # it is the only lookup of another row's name in the workbook
    assert [f.location for f in report.findings if f.code == "lookup-wrong-row"] == [
        "AHSP.xlsx | Persiapan!G388"
    ]
    assert len(report.differing) == 6 and len(report.matching) == 664
    assert sorted(c.code for c in report.differing) == [
        "A.22",
        "F.45",
        "F.46",
        "H.16",
        "L.15",
        "N.7",
    ]
    # duplicates: the first row keeps the name (what VLOOKUP finds), the next gets a row key
    assert book.resources["Dolken kayu φ 8-10 panjang 400 cm"].unit == "m'"
    assert book.resources["Dolken kayu φ 8-10 panjang 400 cm (row 111)"].unit == "btg"
    assert report.counts["resource_duplicate_names"] == 14
    _finding(report, "duplicate-name", "Upah Bahan!E111")
    # hidden rows, names that are #NAME? formulas, external links, Sheet1
    assert len([f for f in report.findings if f.code == "hidden-row"]) == 15
    _finding(report, "name-formula", "Upah Bahan!E1141")
    external = _finding(report, "external-price", "Sanitair!G199")
    assert "AHSP CIPTA KARYA 2023.xlsx" in external.message
    sheet1 = _finding(report, "sheet-skipped", "Sheet1")
    assert "buku kerja luar" in sheet1.message
    # per-line share of another line (=F14*H13) is kept exactly
    assert any(f.code == "derived-line" for f in report.findings)


def test_resources_units_and_kinds(imported):
    book, _ = imported
    assert all(r.unit in CANONICAL for r in book.resources.values())
    assert book.resources["Pekerja"].kind is ResourceKind.LABOUR
    assert book.resources["Semen portland"].kind is ResourceKind.MATERIAL
    assert book.resources["Molen beton mixer 350 liter"].kind is ResourceKind.EQUIPMENT
    assert book.resources["BP (Biaya Penyambungan)"].unit == "VA"


def test_findings_are_located(imported):
    _, report = imported
    for f in report.findings:
        assert f.location.startswith("AHSP.xlsx"), f
        assert f.code, f
    text = report.render_text()
    assert "[text-decimal-comma-thousands] 1" in text


def test_model_matches_the_workbook_formulas(imported):
    """Self-check: every block's formulas evaluated exactly give our F, except the two blocks
    whose formulas are wrong in the workbook (a price lookup of another row, a row D that is
    not A + B + C)."""
    _, report = imported
    checks = [f for f in report.findings if f.code == "model-check"]
    assert [f.location for f in checks] == ["AHSP.xlsx | Persiapan!H392", "AHSP.xlsx | Kaca!H126"]


def test_edition_round_trip(imported, tmp_path):
    book, report = imported
    folder = write_edition(book, tmp_path / "edition", report)
    again = read_edition(folder)
    assert again.content_hash() == book.content_hash()
    assert again.meta.rate_rounding == book.meta.rate_rounding
    assert again.meta.source_sha256 == book.meta.source_sha256
    assert again.compute("A.1").f == Decimal("792200")
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    write_edition(book, folder, report)  # deterministic: same bytes again
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == first
    # a hand edit without regeneration is refused
    lines = folder / "resources.csv"
    lines.write_text(
        lines.read_text(encoding="utf-8").replace(",100000,", ",100001,", 1), encoding="utf-8"
    )
    with pytest.raises(EditionError, match="hash isi"):
        read_edition(folder)


def test_shipped_edition_equals_a_fresh_import(imported):
    book, report = imported
    if not (SHIPPED / "edition.json").is_file():
        pytest.fail(f"{SHIPPED} missing: run `make prices`")
    shipped = read_edition(SHIPPED)
    assert shipped.content_hash() == book.content_hash()
    assert shipped.meta.source_sha256 == book.meta.source_sha256
    # the shipped report is the text a fresh import writes (Indonesian, whatever the language),
    # with the checks every layout gets in services.prices.import_prices (price outliers)
    report = copy.deepcopy(report)
    price_outliers(book, report)
    text = (SHIPPED / "import-report.txt").read_text(encoding="utf-8")
    assert text == report.render_text("id"), "the shipped import report is stale: run `make prices`"


@pytest.fixture(scope="module")
def resaved(workbook_path: Path, tmp_path_factory):
    """The real workbook loaded and saved again with openpyxl: every cached value is lost."""
    path = tmp_path_factory.mktemp("resaved") / "AHSP.xlsx"
    wb = openpyxl.load_workbook(workbook_path)
    wb.save(path)
    wb.close()
    return import_ahsp_cipta_karya(path)


def test_copy_without_cached_values_is_not_usable(resaved):
    book, report = resaved
    assert report.has_errors and not report.usable
    first = report.summary().splitlines()[0]
    assert re.fullmatch(
        r"TIDAK DAPAT DIPAKAI: [\d.]+ galat; \d+ dari 670 analisa tidak dapat dibaca .*", first
    )
    assert report.render_text().splitlines()[0] == first
    assert re.fullmatch(
        r"NOT USABLE: [\d.]+ error\(s\); \d+ of 670 analyses could not be read .*",
        report.summary("en").splitlines()[0],
    )
    unread = [c for c in report.comparisons if c.ours is None]
    assert unread and f"{len(unread)} dari 670" in first
    assert len(book.analyses) == 670 - len(unread)
    cause = _finding(report, "no-cached-values", "AHSP.xlsx")
    assert cause.severity is Severity.ERROR and "openpyxl" in cause.message
    assert "TIDAK DAPAT DIPAKAI" in cause.action
    assert report.counts["formulas_without_cached_value"] > 10000
    # no comparison pretends the cache is stale: there is none
    assert {c.reason_code for c in report.comparisons} == {"no-cached-value", "missing-price"}
    assert not report.matching


def test_excel_emulation_reproduces_the_cache(workbook_path):
    """The float re-run gives the cached rate for the text-comma block (#VALUE!) and for the
    '2,625' block (1000x): the emulation of Excel's text coercion is checked on real caches."""
    wb = load_xlsx(workbook_path)
    xl = ExcelEmulator(wb.grid, "excel")
    assert xl.value("Pasangan Dinding", 294, 9) == XlError("#VALUE!")
    assert xl.value("Penutup Lantai dan Dinding", 276, 9) == 8680800.0
    assert xl.value("Persiapan", 4, 9) == 792200.0


# --------------------------------------------------------------------------------------
# synthetic workbooks
# --------------------------------------------------------------------------------------

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _inject_cached(path: Path, overrides: dict[str, dict[str, object]] | None = None) -> None:
    """Give every formula cell a cached value, as Excel would on save: the value the Excel
    emulation computes, or ``overrides[sheet][cell]`` (a number, a text or ``XlError``)."""
    overrides = overrides or {}
    wb = load_xlsx(path)
    xl = ExcelEmulator(wb.grid, "excel")
    ET.register_namespace("", _MAIN_NS)
    with zipfile.ZipFile(path) as zin:
        items = {name: zin.read(name) for name in zin.namelist()}
    for index, sheet in enumerate(wb.sheet_names, start=1):
        name = f"xl/worksheets/sheet{index}.xml"
        root = ET.fromstring(items[name])
        for cell in root.iter(f"{{{_MAIN_NS}}}c"):
            formula = cell.find(f"{{{_MAIN_NS}}}f")
            if formula is None:
                continue
            ref = cell.get("r")
            col_letters = re.match(r"[A-Z]+", ref).group()
            row = int(ref[len(col_letters) :])
            col = openpyxl.utils.column_index_from_string(col_letters)
            value = overrides.get(sheet, {}).get(ref, xl.value(sheet, row, col))
            v = cell.find(f"{{{_MAIN_NS}}}v")
            if v is None:
                v = ET.SubElement(cell, f"{{{_MAIN_NS}}}v")
            if isinstance(value, XlError):
                cell.set("t", "e")
                v.text = value.code
            elif isinstance(value, str):
                cell.set("t", "str")
                v.text = value
            elif value is None:
                cell.remove(v)
            else:
                cell.attrib.pop("t", None)
                v.text = repr(float(value))
        items[name] = ET.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items.items():
            zout.writestr(name, data)


_RESOURCES = [
    ("I.", "UPAH", None),
    (1, "Pekerja", "OH", 100000),
    (2, "Tukang batu", "OH", 145000),
    (3, "Mandor", "OH", 145000),
    ("II.", "MATERIAL", None),
    (1, "Semen portland", "kg", 1300),
    (2, "Pasir pasang", "m3", 275000),
    (3, "Pasir pasang", "m3", 999999),  # a duplicate name: VLOOKUP finds the row above
    ("III", "SEWA PERALATAN", None),
    (1, "Molen", "hari", 300000),
]


def _build(
    path: Path,
    blocks: list[dict],
    resources: list[tuple] = _RESOURCES,
    overrides: dict[str, dict[str, object]] | None = None,
    hide: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] | None = None,
) -> Path:
    """A miniature AHSP.xlsx: DHSP, Upah Bahan (header row 6, D..H) and one analysis sheet
    ``Persiapan`` with the blocks given as ``{"title", "unit", "A": [...], "B": [...],
    "C": [...]}``; a line is ``(name, unit, coefficient[, price cell content])``."""
    wb = openpyxl.Workbook()
    dhsp = wb.active
    dhsp.title = "Daftar Harga Satuan Pekerjaan"
    ub = wb.create_sheet("Upah Bahan")
    sheet = wb.create_sheet("Persiapan")
    dhsp["B2"] = "DAFTAR HARGA SATUAN PEKERJAAN (DHSP)"
    dhsp["B3"] = "BIDANG CIPTA KARYA"
    dhsp["B4"] = "Berdasarkan Permen PUPR No.8 Tahun 2023"
    for col, text in zip(
        "BCDEF", ("NO", "URAIAN PEKERJAAN", "SATUAN", "HARGA SATUAN", "KETERANGAN"), strict=True
    ):
        dhsp[f"{col}6"] = text
    dhsp["B7"], dhsp["C7"] = "A", "PEKERJAAN PERSIAPAN"
    for col, text in zip(
        "DEFGH",
        ("NO", "UPAH - MATERIAL - ALAT", "SATUAN", "HARGA SATUAN", "KETERANGAN"),
        strict=True,
    ):
        ub[f"{col}6"] = text
    row = 8
    for item in resources:
        if item[2] is None:
            ub[f"D{row}"], ub[f"E{row}"] = item[0], item[1]
        else:
            ub[f"D{row}"], ub[f"E{row}"], ub[f"F{row}"], ub[f"G{row}"] = item
        row += 1
    wb.defined_names["upahbahan"] = DefinedName(
        "upahbahan", attr_text=f"'Upah Bahan'!$E$9:$G${row - 1}"
    )
    sheet["C3"], sheet["D3"] = "A", "PEKERJAAN PERSIAPAN"
    sheet["K7"], sheet["N7"] = "Biaya Umum dan Keuntungan", 0.1
    r = 4
    for number, block in enumerate(blocks, start=1):
        title = r
        sheet[f"C{title}"] = block["title"]
        for col, text in zip(
            "CDEFGH",
            ("No", "Uraian", "Sat.", "Koefisien", "Harga  Satuan (Rp)", "Jumlah Harga (Rp)"),
            strict=True,
        ):
            sheet[f"{col}{title + 1}"] = text
        r = title + 2
        subtotals = []
        for letter, label, total in (
            ("A", "TENAGA KERJA", "JUMLAH HARGA TENAGA KERJA"),
            ("B", "BAHAN", "JUMLAH HARGA BAHAN"),
            ("C", "PERALATAN", "JUMLAH HARGA ALAT"),
        ):
            sheet[f"C{r}"], sheet[f"D{r}"] = letter, label
            r += 1
            first = r
            for i, line in enumerate(block.get(letter, []), start=1):
                name, unit, coefficient = line[:3]
                sheet[f"C{r}"], sheet[f"D{r}"], sheet[f"E{r}"], sheet[f"F{r}"] = (
                    i,
                    name,
                    unit,
                    coefficient,
                )
                sheet[f"G{r}"] = line[3] if len(line) > 3 else f"=VLOOKUP(D{r},upahbahan,3,FALSE)"
                sheet[f"H{r}"] = f"=F{r}*G{r}"
                r += 1
            sheet[f"C{r}"] = total
            sheet[f"H{r}"] = f"=SUM(H{first}:H{r - 1})" if r > first else 0
            subtotals.append(r)
            r += 1
        d, e, f = r, r + 1, r + 2
        sheet[f"C{d}"], sheet[f"D{d}"], sheet[f"H{d}"] = (
            "D",
            "Jumlah (A+B+C)",
            "=" + "+".join(f"H{s}" for s in subtotals),
        )
        sheet[f"C{e}"], sheet[f"D{e}"] = "E", "Biaya Umum dan Keuntungan 10%-15% x D"
        sheet[f"G{e}"], sheet[f"H{e}"] = "=$N$7", f"=H{d}*G{e}"
        sheet[f"C{f}"], sheet[f"D{f}"], sheet[f"H{f}"] = (
            "F",
            "Harga Satuan Pekerjaan (D+E)",
            f"=SUM(H{d}:H{e})",
        )
        sheet[f"I{title}"] = f"=ROUNDDOWN(H{f},-2)"
        dhsp_row = 7 + number
        dhsp[f"B{dhsp_row}"], dhsp[f"C{dhsp_row}"], dhsp[f"D{dhsp_row}"] = (
            number,
            block["title"],
            block.get("unit", "m2"),
        )
        dhsp[f"E{dhsp_row}"] = f"=VLOOKUP(C{dhsp_row},persiapan,7,FALSE)"
        r = f + 2
    wb.defined_names["persiapan"] = DefinedName("persiapan", attr_text=f"Persiapan!$C$4:$I${r}")
    for name, (rows, cols) in (hide or {}).items():  # sheet → hidden rows and columns
        for n in rows:
            wb[name].row_dimensions[n].hidden = True
        for letter in cols:
            wb[name].column_dimensions[letter].hidden = True
    wb.save(path)
    _inject_cached(path, overrides)
    return path


_PLAIN = {
    "title": "Pemasangan 1 m2 contoh",
    "unit": "m2",
    "A": [("Pekerja", "OH", 0.6), ("Mandor", "OH", 0.013)],
    "B": [("Semen portland", "kg", 26.406), ("Pasir pasang", "m3", "=61.56/1400")],
}


def test_hidden_rows_and_columns_anywhere_are_reported(tmp_path):
    """Issue 8 point 3: a hidden analysis line is still summed; the report says where."""
    path = _build(tmp_path / "AHSP.xlsx", [_PLAIN], hide={
        "Persiapan": ((8, 9, 10, 14), ("J", "K")), "Daftar Harga Satuan Pekerjaan": ((), ("F",))})
    book, report = import_ahsp_cipta_karya(path)
    hidden = {f.location: f for f in report.findings if f.code == "hidden-rows-columns"}
    assert set(hidden) == {"AHSP.xlsx | Persiapan", "AHSP.xlsx | Daftar Harga Satuan Pekerjaan"}
    text = hidden["AHSP.xlsx | Persiapan"].message
    assert "baris 8–10, 14 (4 baris)" in text and "kolom J–K (2 kolom)" in text
    assert hidden["AHSP.xlsx | Persiapan"].severity is Severity.WARNING
    assert report.comparisons[0].matches  # read as any other row


def test_synthetic_plain_block_matches(tmp_path):
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [_PLAIN]))
    assert list(book.analyses) == ["A.1"]
    comparison = report.comparisons[0]
    assert comparison.matches, comparison.line()
    # the duplicate 'Pasir pasang' keeps the first price (VLOOKUP), the second is kept aside
    assert book.resources["Pasir pasang"].price == 275000
    assert "Pasir pasang (row 15)" in book.resources
    _finding(report, "duplicate-name", "Upah Bahan!E15")
    _finding(report, "formula-evaluated", "Persiapan!F12")


def test_synthetic_text_decimal_comma_value_error(tmp_path):
    block = dict(_PLAIN, A=[("Pekerja", "OH", "0,1667"), ("Mandor", "OH", 0.013)])
    path = _build(tmp_path / "AHSP.xlsx", [block])
    book, report = import_ahsp_cipta_karya(path)
    finding = _finding(report, "text-decimal-comma", "Persiapan!F7")
    assert finding.raw == "0,1667" and finding.severity is Severity.WARNING
    assert "0,1667" in finding.action and "#VALUE!" in finding.action
    comparison = report.comparisons[0]
    assert comparison.cached_raw == "#VALUE!"
    assert comparison.reason_code == "text-decimal-comma-value-error"
    assert "Persiapan!F7" in comparison.reason
    line = book.analyses["A.1"].lines[0]
    assert line.coefficient == Decimal("0.1667") and line.kind is LineKind.LABOUR


def test_synthetic_text_read_as_thousands(tmp_path):
    block = dict(_PLAIN, A=[], B=[("Semen portland", "kg", "2,625")])
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [block]))
    comparison = report.comparisons[0]
    assert comparison.reason_code == "text-decimal-comma-thousands"
    assert comparison.cached is not None and comparison.ours is not None
    assert comparison.cached > 100 * comparison.ours
    assert "2.625" in _finding(report, "text-decimal-comma", "Persiapan!F9").action


def test_synthetic_unknown_unit(tmp_path):
    resources = [*_RESOURCES[:4], (4, "Tukang ajaib", "xyz", 150000), *_RESOURCES[4:]]
    block = dict(_PLAIN, A=[("Pekerja", "OH", 0.6), ("Tukang ajaib", "xyz", 0.1)])
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [block], resources))
    finding = _finding(report, "unit-needs-mapping", "Upah Bahan!F12")
    assert finding.raw == "xyz"
    assert book.resources["Tukang ajaib"].unit == "xyz"  # kept, never dropped
    assert report.comparisons[0].matches  # the unit is reported, the price still counts


def test_synthetic_missing_resource(tmp_path):
    block = dict(_PLAIN, B=[("Semen portland", "kg", 26.406), ("Semen ajaib", "kg", 2)])
    book, report = import_ahsp_cipta_karya(
        _build(tmp_path / "AHSP.xlsx", [block, dict(_PLAIN, title="Blok kedua")])
    )
    finding = _finding(report, "missing-price", "Persiapan!G12")
    assert finding.severity is Severity.ERROR and "Semen ajaib" in finding.message
    assert "A.1" not in book.analyses and "A.2" in book.analyses  # the rest is imported
    comparison = report.comparisons[0]
    assert comparison.ours is None and comparison.reason_code == "missing-price"
    assert comparison.cached_raw == "#N/A"
    assert report.has_errors


def test_synthetic_lookup_of_another_row(tmp_path):
    # row 15 'Molen' prices itself with =VLOOKUP(D7,…): D7 is 'Pekerja' (100 000 per OH)
    block = dict(_PLAIN, C=[("Molen", "hari", 0.1, "=VLOOKUP(D7,upahbahan,3,FALSE)")])
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [block]))
    finding = _finding(report, "lookup-wrong-row", "Persiapan!G15")
    assert finding.severity is Severity.WARNING
    assert finding.raw == "=VLOOKUP(D7,upahbahan,3,FALSE)"
    assert "D7 ('Pekerja')" in finding.message and "'Molen' (Rp 300.000 per hari)" in finding.action
    line = book.analyses["A.1"].lines[-1]
    assert (line.ref, line.unit, line.price_override) == ("Molen", "hari", None)
    comparison = report.comparisons[0]
    assert comparison.reason_code == "lookup-wrong-row", comparison.line()
    assert "Persiapan!G15" in comparison.reason and "D7" in comparison.reason
    # Excel: 0.1 x 100 000 for the Molen line; ours: 0.1 x 300 000, + 10 % overhead
    assert comparison.ours_exact - comparison.cached >= Decimal("21900")
    assert not [f for f in report.findings if f.code == "line-unit"]  # priced in its own unit


def test_synthetic_lookup_of_another_row_without_own_price(tmp_path):
    block = dict(
        _PLAIN,
        # a literal key naming the line's own resource: harmless, an info finding
        B=[("Semen portland", "kg", 26.406, '=VLOOKUP("semen portland",upahbahan,3,FALSE)')],
        # 'Alat ajaib' is not in Upah Bahan: Excel's lookup of D7 ('Pekerja') is kept
        C=[("Alat ajaib", "hari", 0.1, "=VLOOKUP(D7,upahbahan,3,FALSE)")],
    )
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [block]))
    same = _finding(report, "lookup-wrong-row", "Persiapan!G11")
    assert same.severity is Severity.INFO and "tidak berpengaruh" in same.action
    kept = _finding(report, "lookup-wrong-row", "Persiapan!G14")
    assert kept.severity is Severity.WARNING and "tidak ada di Upah Bahan" in kept.message
    assert "perilaku Excel dipertahankan" in kept.action
    assert book.analyses["A.1"].lines[-1].ref == "Pekerja"
    assert report.comparisons[0].matches, report.comparisons[0].line()
    assert not report.has_errors


def test_synthetic_float_noise_at_a_rounding_boundary(tmp_path):
    # 0.29 OH x 100 000 x 1.1 = 31 900 exactly; in floats 31 899.999999999996, which Excel
    # shows (and rounds) as 31 900.0000000000: ROUNDDOWN(F,-2) caches 31 900, like ours
    block = {"title": "Pekerjaan batas", "unit": "m2", "A": [("Pekerja", "OH", 0.29)]}
    book, report = import_ahsp_cipta_karya(_build(tmp_path / "AHSP.xlsx", [block]))
    comparison = report.comparisons[0]
    assert comparison.ours == Decimal("31900") and comparison.cached == Decimal("31900")
    assert comparison.matches, comparison.line()


def test_synthetic_stale_cache(tmp_path):
    path = _build(tmp_path / "AHSP.xlsx", [_PLAIN], overrides={"Persiapan": {"I4": 123400}})
    _, report = import_ahsp_cipta_karya(path)
    comparison = report.comparisons[0]
    assert comparison.reason_code == "stale-cached-value"
    assert "I4 tersimpan 123.400" in comparison.reason


def test_synthetic_line_share_and_price_conversion(tmp_path):
    block = dict(
        _PLAIN,
        B=[
            ("Semen portland", "kg", 10),
            ("Asesoris", "ls", 0.35, None),  # G empty; H rewritten below to =F*H(previous line)
            ("Pasir pasang", "kg", 499, "=VLOOKUP(D13,upahbahan,3,FALSE)/1400"),
        ],
        C=[("Molen", "hari", 0.1309, 300000)],
    )
    path = tmp_path / "AHSP.xlsx"
    _build(path, [block])
    wb = openpyxl.load_workbook(path)
    ws = wb["Persiapan"]
    assert ws["D12"].value == "Asesoris" and ws["D13"].value == "Pasir pasang"
    ws["G12"] = None
    ws["H12"] = "=F12*H11"
    wb.save(path)
    _inject_cached(path)
    book, report = import_ahsp_cipta_karya(path)
    assert report.comparisons[0].matches, report.comparisons[0].line()
    lines = book.analyses["A.1"].lines
    share = lines[3]
    assert share.ref == "Semen portland" and share.coefficient == Decimal("3.5")
    sand = lines[4]
    assert sand.unit == "m3" and sand.coefficient == CONTEXT.divide(Decimal(499), Decimal(1400))
    assert lines[5].price_override == Decimal(300000)
    _finding(report, "derived-line", "Persiapan!H12")
    _finding(report, "price-converted", "Persiapan!G13")
    _finding(report, "price-in-analysis", "Persiapan!G16")
    folder = write_edition(book, tmp_path / "edition", report)
    assert read_edition(folder).content_hash() == book.content_hash()


def test_not_a_workbook(tmp_path):
    bad = tmp_path / "AHSP.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    with pytest.raises(WorkbookImportError, match="tidak dapat dibaca sebagai buku kerja xlsx"):
        import_ahsp_cipta_karya(bad)
    with pytest.raises(WorkbookImportError, match="berkas tidak ditemukan"):
        import_ahsp_cipta_karya(tmp_path / "missing.xlsx")


def test_regenerate_command(tmp_path, capsys):
    path = _build(tmp_path / "AHSP.xlsx", [_PLAIN])
    assert regenerate_main([str(path), str(tmp_path / "out")]) == 0
    assert "1 dari 1 sama persis" in capsys.readouterr().out
    assert read_edition(tmp_path / "out").content_hash()
    assert regenerate_main([str(tmp_path / "missing.xlsx"), str(tmp_path / "out2")]) == 1
    assert not (tmp_path / "out2").exists()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine", encoding="utf-8")
    assert regenerate_main([str(path), str(tmp_path / "busy")]) == 1
    assert (tmp_path / "busy" / "keep.txt").read_text(encoding="utf-8") == "mine"
    # an import with errors (an analysis left out) is not written
    block = dict(_PLAIN, B=[("Semen ajaib", "kg", 2)])
    (tmp_path / "broken").mkdir()
    broken = _build(tmp_path / "broken" / "AHSP.xlsx", [block])
    capsys.readouterr()
    assert regenerate_main([str(broken), str(tmp_path / "out3")]) == 1
    assert "TIDAK DAPAT DIPAKAI: 2 galat; 1 dari 1 analisa tidak dapat dibaca" in capsys.readouterr().err
    assert not (tmp_path / "out3").exists()
