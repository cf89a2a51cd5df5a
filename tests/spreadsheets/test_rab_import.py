"""Import of an existing RAB workbook or CSV export (issue 10 point 8).

Synthetic workbooks built here with openpyxl cover the variants of the kind (header row
position, two-row header with ``Rp`` or a material/labour split, merged header, roman/letter
sections, ``Sub Total`` rows with ``SUM``, formula volumes, text numbers, unit spellings, a
missing rate, hidden rows and columns, several sheets and a REKAP); openpyxl saves formulas
without cached values, which the importer recomputes as Excel would. The real files are
read through the ``public_data`` fixture (skipped when ``../shared/data/public`` is absent).
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.rab import Section, price_package
from dtpl_studio.spreadsheets.rab_import import import_rab
from dtpl_studio.spreadsheets.rab_table import Label, Role, classify_header, label_of
from dtpl_studio.spreadsheets.report import WorkbookImportError

HEADER = ("NO", "URAIAN PEKERJAAN", "SAT.", "VOL", "HARGA SAT.", "TOTAL HARGA")


def codes(result) -> list[str]:
    return [f.code for f in result.report.findings]


def write(path: Path, sheets: dict[str, list[list]], *, merges: dict | None = None,
          hidden_rows: dict | None = None, hidden_cols: dict | None = None) -> Path:
    """Write ``sheets`` (name → rows from row 1) to ``path``."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for ref in (merges or {}).get(name, ()):
            ws.merge_cells(ref)
        for r in (hidden_rows or {}).get(name, ()):
            ws.row_dimensions[r].hidden = True
        for letter in (hidden_cols or {}).get(name, ()):
            ws.column_dimensions[letter].hidden = True
    wb.save(path)
    return path


def typical(header_row: int = 6, header=HEADER, units=("1s", "m1", "m3", "M3")) -> list[list]:
    """A facilitator's RAB: title rows, header, sections A and B each closed by Sub Total."""
    rows: list[list] = [[None, "RENCANA ANGGARAN BIAYA"], [None, "KEGIATAN", ": JALAN LINGKUNGAN"]]
    rows += [[] for _ in range(header_row - 1 - len(rows))] if header_row > 3 else []
    rows = rows[: header_row - 1]
    while len(rows) < header_row - 1:
        rows.append([])
    h = header_row
    rows.append(list(header))
    r = h + 1
    rows.append(["A", "PEKERJAAN PERSIAPAN"])                                              # r
    rows.append(["1.", "Pembersihan lokasi", units[0], 1, 500000, f"=D{r + 1}*E{r + 1}"])  # r+1
    rows.append([2, "Pasang bouwplank", units[1], "=(9+9)*2", "8000", f"=D{r + 2}*E{r + 2}"])
    rows.append([None, "Sub Total A", None, None, None, f"=SUM(F{r + 1}:F{r + 2})"])      # r+3
    rows.append(["B", "PEKERJAAN TANAH"])                                                  # r+4
    rows.append([1, "Galian tanah", units[2], "=(0.5*0.5*0.7)*17+(0.4*0.6*35)", 100000,
                 f"=D{r + 5}*E{r + 5}"])                                                   # r+5
    rows.append([2, "Urugan kembali", units[3], f"=D{r + 5}/2", None, f"=D{r + 6}*E{r + 6}"])
    rows.append([None, "Sub Total B", None, None, None, f"=SUM(F{r + 5}:F{r + 6})"])      # r+7
    return rows


def test_typical_workbook(tmp_path):
    path = write(tmp_path / "rab.xlsx", {"RAB": typical()})
    result = import_rab(path)
    package = result.package
    assert [s.title for s in package.sections] == ["PEKERJAAN PERSIAPAN", "PEKERJAAN TANAH"]
    items = list(package.items())
    assert [i.description for i in items] == ["Pembersihan lokasi", "Pasang bouwplank", "Galian tanah",
                                              "Urugan kembali"]
    assert [i.unit for i in items] == ["ls", "m'", "m3", "m3"]
    # '=(9+9)*2' keeps its factors: one line 18 × 2 in the item's unit
    (line,) = items[1].measurements
    assert [f.value for f in line.factors] == [18, 2] and line.factors[0].unit == "m'"
    # a sum of products: one line per term
    assert [[f.value for f in m.factors] for m in items[2].measurements] == [
        [Decimal("0.5"), Decimal("0.5"), Decimal("0.7"), 17], [Decimal("0.4"), Decimal("0.6"), 35]]
    assert items[2].exact_volume() == Decimal("11.375")
    assert items[3].exact_volume() == Decimal("5.6875")
    # every item a custom item with the file's rate, its cell, marked for review
    assert items[1].custom_rate == 8000  # a text number
    assert items[0].custom_reason == "impor dari rab.xlsx!E8"
    assert all("perlu ditinjau" in i.note for i in items)
    assert items[3].custom_rate == 0 and "harga kosong" in items[3].custom_reason
    found = codes(result)
    for code in ("rab.header", "rab.unit-note", "rab.no-rate", "rab.no-cached-values", "rab.total",
                 "rab.text-number"):
        assert code in found, code
    assert result.workbook_total == Decimal("1925500")
    assert result.imported_total == Decimal("1925500") and result.matches
    assert result.report.counts["items"] == 4 and result.report.counts["sections"] == 2
    assert result.report.counts["subtotals"] == 2 and result.report.counts["subtotals_matching"] == 2
    assert result.report.usable
    assert price_package(package).direct == result.imported_total


def test_text_number_read_the_indonesian_way_and_the_difference_explained(tmp_path):
    rows = typical()
    rows[11][4] = "100.000"  # text: Excel in English reads 100, the file means Rp 100.000
    result = import_rab(write(tmp_path / "text.xlsx", {"RAB": rows}))
    galian = list(result.package.items())[2]
    assert galian.custom_rate == 100000
    assert result.imported_total == Decimal("1925500")
    assert result.workbook_total == Decimal("789137.5")  # what Excel computes with 100
    assert result.unexplained == 0 and "rab.line-difference" in codes(result)


def test_two_row_header_with_material_labour_split(tmp_path):
    rows = [[None, "RAB"], [], [],
            ["NO", "URAIAN", "SAT", "VOL", "HARGA SATUAN", None, "JUMLAH HARGA", None],
            [None, None, None, None, "BAHAN", "UPAH", "BAHAN", "UPAH"],
            ["I", "PEKERJAAN BETON"],
            [1, "Rabat beton", "m3", 2, 900000, 100000, "=D7*E7", "=D7*F7"],
            [2, "Bekisting", "m2", 4, 50000, 25000, "=D8*E8", "=D8*F8"],
            [None, "JUMLAH I", None, None, None, None, "=SUM(G7:G8)", "=SUM(H7:H8)"]]
    path = write(tmp_path / "split.xlsx", {"RAB": rows}, merges={"RAB": ["E4:F4", "G4:H4"]})
    result = import_rab(path)
    items = list(result.package.items())
    assert [i.custom_rate for i in items] == [1000000, 75000]
    assert result.imported_total == Decimal("2300000")
    assert result.workbook_total == Decimal("2300000") and result.matches


def test_merged_description_and_rp_row(tmp_path):
    rows = [[None, "RAB"], [],
            ["NO", "URAIAN PEKERJAAN", None, "SAT.", "VOL", "HARGA SAT.", "TOTAL HARGA"],
            [None, None, None, None, None, "Rp", "Rp"],
            ["A", "PEKERJAAN KERAMIK"],
            [1, "Pas keramik", None, None, None, None, None],
            ["a", None, "KM/WC Tamu", "m2", "=(2.5+1.3)*2*2.8", 150000, "=E7*F7"],
            ["b", None, "KM/WC Utama", "m2", 5, 150000, "=E8*F8"],
            [2, "Plint", None, "m1", 10, 20000, "=E9*F9"],
            [None, None, "Sub Total A", None, None, None, "=SUM(G6:G9)"]]
    path = write(tmp_path / "merged.xlsx", {"RAB": rows}, merges={"RAB": ["A3:A4", "B3:C4", "D3:D4", "E3:E4"]})
    result = import_rab(path)
    (section,) = result.package.sections
    heading, plint = section.children
    assert isinstance(heading, Section) and heading.title == "Pas keramik"
    assert [i.description for i in heading.children] == ["KM/WC Tamu", "KM/WC Utama"]
    assert plint.description == "Plint"
    (line,) = heading.children[0].measurements
    assert [f.value for f in line.factors] == [Decimal("3.8"), 2, Decimal("2.8")]
    assert result.matches


def test_roman_sections_letter_subsections(tmp_path):
    rows = [["NO", "URAIAN", "SATUAN", "VOLUME", "HARGA SATUAN", "JUMLAH HARGA"],
            ["I", "PEKERJAAN JALAN"],
            ["A", "Persiapan"],
            [1, "Papan nama", "bh", 1, 250000, "=D4*E4"],
            ["B", "Perkerasan"],
            [1, "Rabat beton", "m3", 45, 1200000, "=D6*E6"],
            ["II", "SALURAN"],
            [1, "Galian", "m3", 12, 80000, "=D8*E8"],
            [None, "JUMLAH TOTAL", None, None, None, "=SUM(F4:F8)"],
            [None, "Mengetahui"]]
    result = import_rab(write(tmp_path / "roman.xlsx", {"RAB": rows}))
    first, second = result.package.sections
    assert first.title == "PEKERJAAN JALAN" and [c.title for c in first.children] == ["Persiapan", "Perkerasan"]
    assert second.children[0].description == "Galian"
    assert result.workbook_total == Decimal("55210000") and result.matches
    assert "rab.table-end" in codes(result)


def test_row_outside_the_subtotal_is_explained(tmp_path):
    rows = typical()
    rows.insert(9, [3, "Pagar pengaman", "m1", 10, 42000, "=D10*E10"])  # under Sub Total A's range
    # rows below shift by one: fix their formulas
    path = write(tmp_path / "outside.xlsx", {"RAB": _renumber(rows)})
    result = import_rab(path)
    assert "rab.outside-subtotal" in codes(result)
    assert result.imported_total - result.workbook_total == 420000
    assert result.unexplained == 0 and not result.matches


def _renumber(rows):
    """``typical()`` with one row inserted at index 9 (row 10): formulas below it moved down."""
    import re

    def shift(text, at=10):
        return re.sub(r"([A-Z])(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + (int(m.group(2)) >= at)}", text)

    out = []
    for r, row in enumerate(rows, start=1):
        if r > 10:
            row = [shift(v) if isinstance(v, str) and v.startswith("=") else v for v in row]
        out.append(row)
    return out


def test_hidden_rows_and_columns_are_reported(tmp_path):
    rows = typical()
    for row in rows[6:]:
        while len(row) < 7:
            row.append(None)
        row[6] = "catatan"
    path = write(tmp_path / "hidden.xlsx", {"RAB": rows}, hidden_rows={"RAB": [9]}, hidden_cols={"RAB": ["G"]})
    result = import_rab(path)
    found = codes(result)
    assert "rab.hidden-row" in found and "rab.hidden-column" in found
    assert result.report.counts["items"] == 4  # the hidden row is still imported


def test_several_sheets_rekap_and_sheet_choice(tmp_path):
    second = typical(header_row=3)
    rekap = [[None, "REKAPITULASI"], ["NO", "URAIAN PEKERJAAN", "TOTAL HARGA"],
             ["A", "PERSIAPAN", "='Paket 1'!F10"], ["B", "TANAH", "='Paket 1'!F14"],
             [None, "SUB TOTAL", "=SUM(C3:C4)"], [None, "JASA KONTRAKTOR", "=C5*0.1"],
             [None, "TOTAL", "=C5+C6"], [None, "Dibulatkan", "=ROUNDDOWN(C7,-6)"]]
    path = write(tmp_path / "multi.xlsx", {"REKAP": rekap, "Paket 1": typical(), "Paket 2": second})
    result = import_rab(path)
    assert result.sheet == "Paket 1" and result.candidates == ["Paket 1", "Paket 2"]
    found = codes(result)
    for code in ("rab.sheets", "rab.rekap-contractor", "rab.rekap-rounded", "rab.rekap-subtotal"):
        assert code in found, code
    contractor = next(line for line in result.rekap if line.label is Label.CONTRACTOR)
    assert contractor.value == Decimal("192550")
    other = import_rab(path, "Paket 2")
    assert other.sheet == "Paket 2" and other.matches
    with pytest.raises(WorkbookImportError):
        import_rab(path, "Tidak Ada")
    with pytest.raises(WorkbookImportError):
        import_rab(path, "REKAP")  # no RAB table there


def test_refused_cell_makes_the_import_unusable(tmp_path):
    rows = typical()
    rows[7][3] = "#REF!"
    result = import_rab(write(tmp_path / "bad.xlsx", {"RAB": rows}))
    assert not result.report.usable


def test_no_rab_table(tmp_path):
    with pytest.raises(WorkbookImportError):
        import_rab(write(tmp_path / "none.xlsx", {"S": [["TANGGAL", "KETERANGAN", "SALDO"], [1, "x", 2]]}))


def test_csv_indonesian_with_indentation_and_bom(tmp_path):
    text = ("\ufeffRENCANA ANGGARAN BIAYA\n\ufeffProyek;Uji\n\n"
            "\ufeffUraian Pekerjaan;Kode AHSP;Satuan;Volume;Harga Satuan (Rp);Jumlah Harga (Rp)\n"
            "\ufeffDivisi 1;;;;;3.750.500\n"
            "\ufeff  Pemasangan 1 m2 dinding bata;3.6.1.1;;10,000;300.050;3.000.500\n"
            "\ufeff  Galian;1.3;m3;3.000,000;250;750.000\n\n"
            "\ufeffTOTAL BIAYA LANGSUNG;3.750.500\n\ufeffPPN 11%;412.555\n"
            "\ufeffGRAND TOTAL;4.163.055\n\ufeffPEMBULATAN;4.163.000\n\n\ufeffREKAPITULASI\n\ufeffNo;Uraian;Jumlah\n")
    path = tmp_path / "rab.csv"
    path.write_bytes(text.encode("utf-8"))
    result = import_rab(path)
    (section,) = result.package.sections
    bata, galian = section.children
    assert bata.unit == "m2" and bata.volume == 10 and bata.custom_rate == 300050
    assert galian.volume == 3000 and "kode di berkas: 1.3" in galian.note
    assert result.workbook_total == Decimal("3750500") and result.matches
    assert result.package.settings.ppn_rate == Decimal("0.11")
    assert result.package.settings.total_rounding.step == 1000
    found = codes(result)
    assert "rab.number-convention" in found and "rab.unit-from-description" in found and "rab.bom" in found


def test_csv_us_numbers_decided_by_plausibility(tmp_path):
    text = ('No,Uraian,Satuan,Volume,Harga Satuan,Jumlah Harga\n'
            'A,PEKERJAAN TANAH,,,,\n'
            '1,Galian,m3,"1,000.50",80.5,"80,540.25"\n'
            '2,Urugan,m3,2.5,"12,000.00","30,000.00"\n'
            ',Sub Total A,,,,"110,540.25"\n')
    path = tmp_path / "us.csv"
    path.write_text(text, encoding="utf-8")
    result = import_rab(path)
    galian, urugan = result.package.items()
    assert galian.volume == Decimal("1000.50") and galian.custom_rate == Decimal("80.5")
    assert urugan.custom_rate == 12000
    convention = [f for f in result.report.findings if f.code == "rab.number-convention"]
    assert convention and all("Amerika" in f.message for f in convention)


# -- hypothesis: header words, header position, unit spellings -----------------------------

HEADER_WORDS = {
    "no": ["NO", "No.", "NOMOR"],
    "uraian": ["URAIAN PEKERJAAN", "Uraian", "JENIS PEKERJAAN", "Uraian Pekerjaan"],
    "unit": ["SAT.", "Satuan", "SAT", "SATUAN"],
    "volume": ["VOL", "Volume", "VOL.", "VOLUME"],
    "rate": ["HARGA SAT.", "Harga Satuan (Rp)", "HARGA SATUAN", "Harga Sat"],
    "amount": ["TOTAL HARGA", "JUMLAH HARGA", "Jumlah (Rp)", "JUMLAH", "Jumlah Harga (Rp)"],
}
UNITS = [("1s", "ls"), ("m1", "m'"), ("M1", "m'"), ("TTK", "titik"), ("Bt", "btg"), ("Paket", "paket"),
         ("-", "ls"), ("Bh", "bh"), ("M3", "m3"), ("m²", "m2"), ("Ls", "ls"), ("Unit", "unit"), ("Set", "set"),
         ("bh", "bh"), ("ttk", "titik"), ("m'", "m'"), ("M2", "m2")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header_row=st.integers(1, 14),
       words=st.fixed_dictionaries({k: st.sampled_from(v) for k, v in HEADER_WORDS.items()}),
       units=st.lists(st.sampled_from(UNITS), min_size=4, max_size=4))
def test_header_variants_positions_and_units(header_row, words, units):
    header = tuple(words[k] for k in ("no", "uraian", "unit", "volume", "rate", "amount"))
    rows = typical(header_row=max(header_row, 1), header=header, units=tuple(u for u, _ in units))
    with tempfile.TemporaryDirectory() as folder:
        result = import_rab(write(Path(folder) / "h.xlsx", {"RAB": rows}))
    assert [i.unit for i in result.package.items()] == [symbol for _, symbol in units]
    assert result.report.counts["items"] == 4 and result.matches
    assert result.imported_total == Decimal("1925500")


@pytest.mark.parametrize(("text", "role"), [
    ("NO", Role.NO), ("URAIAN  PEKERJAAN", Role.URAIAN), ("URAIAN RINGKAS", Role.SPEC), ("SAT.", Role.UNIT),
    ("VOL ", Role.VOLUME), ("HARGA SAT.", Role.RATE), ("TOTAL HARGA", Role.AMOUNT),
    ("Jumlah Harga (Rp)", Role.AMOUNT), ("Kode AHSP", Role.CODE), ("TANGGAL", None)])
def test_classify_header(text, role):
    assert classify_header(text) is role


@pytest.mark.parametrize(("text", "label"), [
    ("Sub Total A", Label.SUBTOTAL), ("JUMLAH", Label.SUBTOTAL), ("TOTAL BIAYA LANGSUNG", Label.TOTAL),
    ("JASA KONTRAKTOR", Label.CONTRACTOR), ("PPN 10.00%", Label.PPN), ("Dibulatkan", Label.ROUNDED),
    ("Galian tanah", None)])
def test_label_of(text, label):
    assert label_of(text) is label


# -- the real files ------------------------------------------------------------------------

def test_real_contractor_workbook(public_data):
    result = import_rab(public_data / "rab-contractor-2025" / "RAB.xlsx")
    assert result.sheet == "RAB" and result.candidates == ["RAB"]
    # data/README.md: REKAP sub total 135 123 857,91; jasa kontraktor 13 512 385,79;
    # total 148 636 243,70; dibulatkan 148 000 000
    assert result.workbook_total.quantize(Decimal("0.01")) == Decimal("135123857.91")
    values = {line.label: line.value.quantize(Decimal("0.01")) for line in result.rekap}
    assert values[Label.SUBTOTAL] == Decimal("135123857.91")
    assert values[Label.CONTRACTOR] == Decimal("13512385.79")
    assert values[Label.TOTAL] == Decimal("148636243.70")
    assert values[Label.ROUNDED] == Decimal("148000000.00")
    # row 158 (Pelapis Bordes, Rp 420 000) lies outside Sub Total L's SUM(H155:H157): imported
    # once, and the whole difference is explained line by line to the sen
    assert result.unexplained == 0
    assert "rab.outside-subtotal" in codes(result) and "rab.external-link" in codes(result)
    assert result.imported_total == Decimal("135543858")
    counts = result.report.counts
    assert counts["items"] == 171 and counts["subtotals"] == 17 and counts["items_without_rate"] == 111
    assert result.report.usable
    units = {i.unit for i in result.package.items()}
    assert {"ls", "m'", "bh", "btg", "paket", "set", "titik"} <= units
    bouwplank = next(i for i in result.package.items() if i.description.startswith("Pas. Bouwplank"))
    assert [f.value for f in bouwplank.measurements[0].factors] == [18, 2]
    assert sum(1 for f in result.report.findings if f.severity is Severity.ERROR) == 0


def test_real_csv_export(public_data):
    result = import_rab(public_data / "rab-export-csv" / "rekap_rab_160.csv")
    assert result.workbook_total == Decimal("8012739981")  # TOTAL BIAYA LANGSUNG
    assert result.unexplained == 0
    assert result.report.counts["items"] == 29
    assert result.package.settings.ppn_rate == Decimal("0.1")
    assert result.package.settings.total_rounding.step == 10000  # 8.814.013.979 → 8.814.010.000
    assert [s.title for s in result.package.sections] == ["K1", "Klasifikasi 2", "K3"]
    with pytest.raises(WorkbookImportError):  # a price list, no RAB items
        import_rab(public_data / "rab-export-csv" / "harga_items_160.csv")


@pytest.mark.parametrize("sign", ["²", "³", "¹", "١", "٢", "①", "𝟐"])
def test_a_digit_sign_that_is_no_ascii_number_never_reads_as_a_column_number(sign):
    """The class of the '²' hypothesis found in a pasted row: str.isdigit() is true for
    superscripts and other scripts' digits that int() refuses or that are no column numbers."""
    from dtpl_studio.spreadsheets.rab_table import column_number_row

    assert column_number_row(["1", "2", "3"]) is True
    assert column_number_row(["1", sign, "3"]) is False
    assert column_number_row([sign, sign, sign]) is False
