"""Import a flattened analysis CSV (the ``analisa-csv`` layout): AHSP blocks exported from a
spreadsheet as one CSV.

The real file (``../shared/data/public/upah-bahan-csv/analisa-besi-aluminium.csv``,
``../shared/data/README.md``) is a ``;``-separated export with a BOM, CRLF line ends, and per
analysis a block laid out as the AHSP Cipta Karya workbook prints it::

    3.13;PEKERJAAN BESI DAN ALUMINIUM                       chapter heading
    3.13.1;Pemasangan 1 m’ Shalimar Aluminium;;;;   Rp 88,800.00;   Catatan: ;…
    No;Uraian;Sat.;Koefisien;Harga  Satuan (Rp);Jumlah Harga (Rp);…
    A;TENAGA KERJA
    1;Pekerja;OH;0.0430;100,000.00;4,300.00;;;0.0200      (a stray revision coefficient)
    JUMLAH HARGA TENAGA KERJA;;;;;11,567.50
    B;BAHAN … C;PERALATAN … JUMLAH HARGA ALAT;;;;; -      (' - ' is zero)
    D;Jumlah (A+B+C);;;;80,767.50
    E;Biaya Umum dan Keuntungan 10% - 15% x D;;;10%;8,076.75
    F;Harga Satuan Pekerjaan (D+E);;;;88,844.25

Rules (each from that file):

* the number convention is detected once per file over every price, amount, coefficient and
  printed rate (:func:`~dtpl_studio.costing.numbers.detect_convention`): the real file is an
  Indonesian file written with US numbers (``100,000.00``, ``0.0430``); every number goes
  through :func:`~dtpl_studio.spreadsheets.cells.decimal_of` /
  :func:`~dtpl_studio.spreadsheets.cells.check_number` (``Rp`` prefixes, ``' - '`` = 0);
* an analysis starts at a row whose first cell is a dotted code and whose next non-blank row
  is the ``No;Uraian`` heading; a code row followed by anything else is a chapter heading;
* the analysis unit is the unit after ``1`` in its name (``Pemasangan 1 m2 …``) read by
  :func:`~dtpl_studio.costing.units.read_unit`;
* lines under ``A``/``B``/``C`` are labour/material/equipment; their unit and price make the
  resources, keyed by name (case and spaces folded). The same name in another unit is a second
  resource ``name (unit)`` (warning, side by side); the same name and unit at another price
  keeps the first price for the resource and pins the line's own printed price
  (``price_override``) so the analysis stays what the file prints (warning, side by side);
* E's rate is read from the E row (``10%``); D/E/F and the ``JUMLAH`` rows are checked against
  our own A–F computed by the core (:meth:`~dtpl_studio.costing.pricebook.PriceBook.compute`);
  a printed sum that is our sum shown with fewer decimals (``156`` for 156,25) is not a finding;
* the printed rounded rate right of the title (``Rp 88,800.00``) is compared with our F as a
  :class:`~dtpl_studio.spreadsheets.report.RateComparison`. The book's rounding rule is the one
  of :data:`RULES` that reproduces most printed rates (the real file: down to Rp 100, as the
  AHSP Cipta Karya workbook's ``ROUNDDOWN(F,-2)``); an analysis that another rule reproduces
  gets that rule as its own (``Analysis.rate_rounding``) with a warning;
* content in columns right of ``Jumlah Harga`` (revision notes, revised coefficients:
  ``Revisi``, ``Catatan:``, ``0.0200``) is not imported: one info finding per cell.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT, RoundingMode, RoundingRule
from dtpl_studio.costing.numbers import NumberConvention, detect_convention
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    PriceBookError,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity, check_number, decimal_of
from dtpl_studio.spreadsheets.price_lists import _meta, _report, clean_name, read_csv
from dtpl_studio.spreadsheets.report import (
    ImportReport,
    RateComparison,
    WorkbookImportError,
    number,
    rupiah,
)

IMPORTER = "dtpl_studio.spreadsheets.analysis_csv"
IMPORTER_VERSION = "1"

_CODE = re.compile(r"^\d+(?:\.\d+)+$")
_UNIT_IN_NAME = re.compile(r"(?<!\S)1\s+([^\s,;()]+)")
_GROUPS = {"A": ResourceKind.LABOUR, "B": ResourceKind.MATERIAL, "C": ResourceKind.EQUIPMENT}
#: Column names of the heading row (folded) → role.
HEADINGS = {"no": "no", "uraian": "name", "sat.": "unit", "satuan": "unit", "sat": "unit",
            "koefisien": "coef", "harga satuan (rp)": "price", "harga satuan": "price",
            "jumlah harga (rp)": "amount", "jumlah harga": "amount", "jumlah": "amount"}
#: Candidate rounding rules for the printed rate, most usual first (DESIGN.md §5: the
#: AHSP Cipta Karya workbook rounds down to Rp 100; HSPK decrees print whole rupiah).
RULES = (RoundingRule(Decimal(100), RoundingMode.DOWN), RoundingRule(Decimal(100), RoundingMode.HALF_UP),
         RoundingRule(Decimal(1000), RoundingMode.DOWN), RoundingRule(Decimal(1), RoundingMode.HALF_UP),
         RoundingRule(Decimal(1), RoundingMode.DOWN), RoundingRule(Decimal(10), RoundingMode.DOWN),
         RoundingRule(Decimal(0), RoundingMode.HALF_UP))
#: Words of a layout-detecting heading row.
DETECT_HEADS = frozenset({"no", "uraian", "koefisien"})


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def looks_like_analysis_csv(text: str) -> bool:
    """Whether the start of a CSV file (decoded) is an ``analisa-csv`` export: a heading row
    ``No;Uraian;Sat.;Koefisien;…`` within its first 60 lines."""
    for line in text.splitlines()[:60]:
        cells = {_fold(c.strip('"')) for c in re.split(r"[;,\t|]", line)}
        if DETECT_HEADS <= cells:
            return True
    return False


@dataclass
class _Line:
    line: int
    kind: ResourceKind
    name: str
    raw_unit: str
    unit: str
    coef: Decimal
    price: Decimal
    amount: Decimal | None


@dataclass
class _Block:
    code: str
    name: str
    line: int
    chapter: str
    rate_raw: str = ""
    rate: Decimal | None = None
    lines: list[_Line] = field(default_factory=list)
    overhead: Decimal | None = None
    printed: dict[str, tuple[int, str, Decimal]] = field(default_factory=dict)  # A..F → line, raw, value
    broken: bool = False


def import_analysis_csv(path: Path, *, region: str | None = None, year: int | None = None
                        ) -> tuple[PriceBook, ImportReport]:
    """Read an ``analisa-csv`` file (module docstring) into a book of analyses and the
    resources their lines name, with one :class:`RateComparison` per analysis.

    Returns ``(book, report)``. A number that cannot be read is an ``error`` finding naming
    its line and column; the analysis is then left out and the report is not usable (the
    caller stores nothing).

    Raises:
        WorkbookImportError: no ``No;Uraian;…;Koefisien`` heading row in the file.
        OSError: the file cannot be read.
    """
    csv_file = read_csv(path)
    report = _report(csv_file, IMPORTER)
    report.importer_version = IMPORTER_VERSION
    rows = csv_file.rows
    head = next(((i, cells) for i, (_, cells) in enumerate(rows)
                 if DETECT_HEADS <= {_fold(c) for c in cells}), None)
    if head is None:
        raise WorkbookImportError(f"{csv_file.name}: tidak ada baris judul No;Uraian;Sat.;Koefisien", report,
                                  path=Path(path))
    cols = {HEADINGS[_fold(c)]: i for i, c in enumerate(head[1]) if _fold(c) in HEADINGS}
    c_name, c_unit, c_coef = cols.get("name", 1), cols.get("unit", 2), cols.get("coef", 3)
    c_price, c_amount = cols.get("price", 4), cols.get("amount", 5)
    last_col = max(cols.values())
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

    def col_name(i: int) -> str:
        return f"kolom {letters[i] if i < 26 else i + 1}"

    def cell(cells: list[str], i: int) -> str:
        return cells[i] if i < len(cells) else ""

    samples = [cell(c, i) for _, c in rows for i in (c_coef, c_price, c_amount)
               if any(ch.isdigit() for ch in cell(c, i))]
    found = detect_convention(samples)
    convention = found or NumberConvention.ID
    report.notes.append("angka ditulis dalam konvensi " + ("titik desimal (1,234.5)" if convention is NumberConvention.US
                                                          else "Indonesia (1.234,5)")
                        + ("" if found else " (tidak dapat dipastikan; bawaan Indonesia)"))
    if convention is NumberConvention.US:
        report.add(Severity.INFO, "number-convention-us",
                   "berkas berbahasa Indonesia menulis angka dengan titik desimal dan koma ribuan (100,000.00)",
                   raw=next((s for s in samples if "," in s and "." in s), ""),
                   action="setiap angka berkas ini dibaca dengan konvensi itu")
    dashes: list[int] = []

    def num(block: _Block | None, line: int, raw: str, col: int, quantity: Quantity, what: str) -> Decimal | None:
        text = raw.strip()
        if text in ("-", "–", "—"):
            dashes.append(line)
        try:
            return check_number(decimal_of(raw, convention), quantity)
        except CellNumberError as exc:
            report.add(Severity.ERROR, exc.code, f"{what}: {exc}", sheet=f"baris {line}", cell=col_name(col),
                       raw=raw, action="analisa tidak diimpor; perbaiki angkanya")
            if block is not None:
                block.broken = True
            return None

    blocks: list[_Block] = []
    chapter = ""
    block: _Block | None = None
    group: ResourceKind | None = None
    stray = 0

    def next_first(i: int) -> str:
        for _, cells in rows[i + 1:]:
            if any(c.strip() for c in cells):
                return _fold(cells[0])
        return ""

    for i, (line, cells) in enumerate(rows):
        first = cells[0].strip() if cells else ""
        if not any(c.strip() for c in cells):
            continue
        if _CODE.match(first) and next_first(i) != "no":
            chapter = f"{first} {clean_name(cell(cells, 1))}".strip()
            block, group = None, None
            report.add(Severity.INFO, "chapter-heading", f"judul bagian {chapter!r}", sheet=f"baris {line}",
                       raw=chapter, action="dipakai sebagai bab analisa berikutnya")
            continue
        if _CODE.match(first):
            block = _Block(first, clean_name(cell(cells, 1)), line, chapter)
            blocks.append(block)
            group = None
            rate_raw = next((cell(cells, j) for j in range(2, len(cells)) if "rp" in cell(cells, j).lower()), "")
            rate_col = cells.index(rate_raw) if rate_raw else -1
            block.rate_raw = rate_raw.strip()
            if rate_raw:
                block.rate = num(None, line, rate_raw, rate_col, Quantity.PRICE, f"harga satuan tercetak {first}")
            for j, value in enumerate(cells):
                if j > 1 and j != rate_col and value.strip():
                    stray += 1
                    report.add(Severity.INFO, "stray-column", f"{first}: isi di luar tabel analisa tidak diimpor",
                               sheet=f"baris {line}", cell=col_name(j), raw=value.strip(), action="diabaikan")
            continue
        if block is None:
            if first.casefold() != "no":
                report.add(Severity.WARNING, "row-outside-analysis", "baris di luar blok analisa",
                           sheet=f"baris {line}", raw=";".join(c for c in cells if c.strip())[:120],
                           action="tidak diimpor")
            continue
        where = f"baris {line}"
        for j in range(last_col + 1, len(cells)):
            value = cells[j].strip()
            if value and not (first.upper() in "DEF" and _fold(value).endswith("%")) and _fold(first) != "no":
                stray += 1
                report.add(Severity.INFO, "stray-column",
                           f"{block.code}: isi di luar tabel analisa (kolom revisi/catatan) tidak diimpor",
                           sheet=where, cell=col_name(j), raw=value, action="diabaikan")
        if _fold(first) == "no":
            continue
        if first.upper() in _GROUPS and not cell(cells, c_unit).strip():
            group = _GROUPS[first.upper()]
            continue
        label = _fold(first + " " + cell(cells, c_name))
        if first.upper() in ("D", "E", "F") or label.startswith("jumlah harga"):
            key = first.upper() if first.upper() in ("D", "E", "F") else {
                "tenaga": "A", "bahan": "B", "alat": "C", "peralatan": "C"}.get(
                next((w for w in ("tenaga", "bahan", "peralatan", "alat") if w in label), ""), "?")
            raw = cell(cells, c_amount)
            if key == "E":
                pct_raw = cell(cells, c_price) or next((c for c in cells[2:] if c.strip().endswith("%")), "")
                if pct_raw.strip():
                    try:
                        block.overhead = check_number(decimal_of(pct_raw, convention), Quantity.OVERHEAD)
                    except CellNumberError as exc:
                        report.add(Severity.ERROR, exc.code, f"{block.code}: tarif E: {exc}", sheet=where,
                                   cell=col_name(c_price), raw=pct_raw, action="analisa tidak diimpor")
                        block.broken = True
            if raw.strip():
                value = num(block, line, raw, c_amount, Quantity.AMOUNT, f"{block.code} jumlah {key}")
                if value is not None:
                    block.printed[key] = (line, raw.strip(), value)
            continue
        if group is None:
            report.add(Severity.WARNING, "line-without-group", f"{block.code}: baris sebelum A/B/C",
                       sheet=where, raw=";".join(cells[:6]), action="tidak diimpor")
            continue
        name = clean_name(cell(cells, c_name))
        raw_unit = cell(cells, c_unit)
        try:
            reading = read_unit(raw_unit)
        except UnknownUnitError:
            report.add(Severity.ERROR, "unit-needs-mapping", f"{block.code}: satuan {raw_unit.strip()!r} dari "
                       f"{name!r} tidak dikenal", sheet=where, cell=col_name(c_unit), raw=raw_unit,
                       action="analisa tidak diimpor; petakan satuannya (dtpl-studio units --map) lalu impor lagi")
            block.broken = True
            continue
        if reading.note:
            report.add(Severity.INFO, "unit-alias", reading.note, sheet=where, cell=col_name(c_unit), raw=raw_unit,
                       action=f"dibaca {reading.symbol}")
        coef = num(block, line, cell(cells, c_coef), c_coef, Quantity.COEFFICIENT, f"{block.code} koefisien {name!r}")
        price = num(block, line, cell(cells, c_price), c_price, Quantity.PRICE, f"{block.code} harga {name!r}")
        amount_raw = cell(cells, c_amount)
        amount = (num(block, line, amount_raw, c_amount, Quantity.AMOUNT, f"{block.code} jumlah {name!r}")
                  if amount_raw.strip() else None)
        if coef is None or price is None or not name:
            block.broken = True
            continue
        block.lines.append(_Line(line, group, name, raw_unit, reading.symbol, coef, price, amount))

    if dashes:
        report.add(Severity.INFO, "dash-zero", f"tanda '-' dibaca sebagai nol: {len(dashes)} sel "
                   f"(baris {', '.join(map(str, dashes[:8]))}{' …' if len(dashes) > 8 else ''})",
                   sheet=f"baris {dashes[0]}", raw=" - ", action="dibaca 0")
    book = PriceBook(_meta(BookKind.AHSP_HSD, report, region, year, "Analisa"))
    sink = _ResourceSink(book, report)
    kept: list[_Block] = []
    for block in blocks:
        if block.broken:
            report.add(Severity.ERROR, "analysis-skipped", f"analisa {block.code} tidak diimpor (lihat galat di "
                       "blok ini)", sheet=f"baris {block.line}", raw=block.code, action="tidak diimpor")
            continue
        unit = _analysis_unit(report, block)
        analysis = Analysis(block.code, block.name, unit, overhead_pct=block.overhead, code_scheme="analisa-csv",
                            chapter=block.chapter, source_ref=f"{csv_file.name} | baris {block.line}")
        for ln in block.lines:
            key, override = sink.resource(ln)
            kind = LineKind(ln.kind.value)
            analysis.lines.append(AnalysisLine(kind, key, ln.coef, unit=ln.unit, description=ln.name,
                                               price_override=override, group=ln.kind,
                                               source_ref=f"{csv_file.name} | baris {ln.line}"))
            if ln.amount is not None:
                ours = CONTEXT.multiply(ln.coef, ln.price)
                if not _shown_as(ours, ln.amount):
                    why = _shown_coefficient(ln)
                    report.add(Severity.WARNING, "printed-amount-differs",
                               f"{block.code} {ln.name!r}: jumlah tercetak {rupiah(ln.amount)} ≠ koefisien × harga "
                               f"{rupiah(ours)}{why}", sheet=f"baris {ln.line}", cell=col_name(c_amount),
                               raw=ln.amount, action="koefisien seperti tertulis × harga yang dipakai")
        book.analyses[block.code] = analysis
        kept.append(block)
    book.touch()
    _choose_rounding(book, report, kept)
    for block in kept:
        _compare(book, report, block, csv_file.name)
    report.counts.update({"rows_read": len(rows), "analyses": len(book.analyses),
                          "analysis_lines": sum(len(a.lines) for a in book.analyses.values()),
                          "resources": len(book.resources), "stray_cells": stray})
    return book, report


def _analysis_unit(report: ImportReport, block: _Block) -> str:
    """The unit after ``1`` in the analysis name (module docstring)."""
    match = _UNIT_IN_NAME.search(block.name)
    if match:
        try:
            reading = read_unit(match.group(1))
            return reading.symbol
        except UnknownUnitError:
            report.add(Severity.WARNING, "unit-needs-mapping",
                       f"{block.code}: satuan {match.group(1)!r} di nama analisa tidak dikenal",
                       sheet=f"baris {block.line}", cell="kolom B", raw=match.group(1),
                       action="analisa tanpa satuan; petakan satuannya (dtpl-studio units --map) lalu impor lagi")
            return ""
    report.add(Severity.WARNING, "analysis-unit-missing", f"{block.code}: nama analisa tidak menyebut '1 <satuan>'",
               sheet=f"baris {block.line}", cell="kolom B", raw=block.name, action="analisa tanpa satuan; lengkapi")
    return ""


def _shown_coefficient(ln: _Line) -> str:
    """``'; koefisien tampil dibulatkan: …'`` when the printed amount is the price times a
    coefficient that, shown with the written number of decimals, is the written one (the
    spreadsheet computed with 0,0164 and the export shows 0,016), else ``''``."""
    if not ln.price or ln.amount is None:
        return ""
    implied = ln.amount / ln.price
    decimals = -ln.coef.as_tuple().exponent if ln.coef.as_tuple().exponent < 0 else 0
    step = Decimal(1).scaleb(-decimals)
    if implied != ln.coef and RoundingRule(step, RoundingMode.HALF_UP).apply(implied) == ln.coef:
        return (f"; koefisien tampil dibulatkan: jumlah tercetak sesuai dengan koefisien "
                f"{number(implied.normalize())}, tertulis {number(ln.coef)}")
    return ""


def _shown_as(ours: Decimal, printed: Decimal) -> bool:
    """True when ``printed`` is ``ours`` shown with as many decimals as ``printed`` has
    (``156`` for 156,25; ``1,532.13`` for 1 532,125 half up); a display, not a difference."""
    if ours == printed:
        return True
    exponent = min(printed.as_tuple().exponent, 0) if printed != printed.to_integral_value() else 0
    step = Decimal(1).scaleb(exponent)
    return any(RoundingRule(step, mode).apply(ours) == printed
               for mode in (RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP))


class _ResourceSink:
    """Resources of the book from the lines' names, units and prices (module docstring)."""

    def __init__(self, book: PriceBook, report: ImportReport):
        self.book, self.report = book, report
        self.by_name: dict[tuple[str, str], str] = {}  # (folded name, unit) → key
        self.first: dict[str, _Line] = {}

    def resource(self, ln: _Line) -> tuple[str, Decimal | None]:
        """The key of ``ln``'s resource (made on first use) and the price to pin on the line
        when the resource has another price (None otherwise)."""
        folded = _fold(ln.name)
        key = self.by_name.get((folded, ln.unit))
        if key is not None:
            resource = self.book.resources[key]
            if resource.price == ln.price:
                return key, None
            first = self.first[key]
            self.report.add(Severity.WARNING, "duplicate-name-price",
                            f"{ln.name!r} ({ln.unit}) berharga lain: baris {first.line}: {rupiah(first.price)} || "
                            f"baris {ln.line}: {rupiah(ln.price)}", sheet=f"baris {ln.line}", cell="kolom E",
                            raw=ln.price, action=f"harga dasar {rupiah(first.price)} (baris {first.line}); baris ini "
                            "memakai harganya sendiri (dipatok pada baris analisa); putuskan")
            return key, ln.price
        others = [(u, k) for (f, u), k in self.by_name.items() if f == folded]
        key = ln.name if not others else f"{ln.name} ({ln.unit})"
        while key in self.book.resources:
            key = f"{key} *"
        if others:
            side = " | ".join(f"baris {self.first[k].line}: {u} {rupiah(self.book.resources[k].price)}" for u, k in others)
            self.report.add(Severity.WARNING, "duplicate-name-unit",
                            f"{ln.name!r} tercantum dengan satuan lain: {side} || baris {ln.line}: {ln.unit} "
                            f"{rupiah(ln.price)}", sheet=f"baris {ln.line}", cell="kolom C", raw=ln.raw_unit,
                            action=f"keduanya diambil; yang ini sebagai {key!r}; putuskan")
        self.book.resources[key] = Resource(key, ln.name, ln.kind, ln.unit, ln.price,
                                            source_ref=f"{self.report.source_file} | baris {ln.line}",
                                            raw_unit=ln.raw_unit)
        self.by_name[(folded, ln.unit)] = key
        self.first[key] = ln
        return key, None


def _choose_rounding(book: PriceBook, report: ImportReport, blocks: list[_Block]) -> None:
    """The book's rule: the candidate of :data:`RULES` reproducing most printed rates; each
    analysis whose printed rate only another candidate reproduces keeps that one."""
    exact: dict[str, Decimal] = {}
    for block in blocks:
        try:
            exact[block.code] = book.compute(block.code).f_exact
        except (PriceBookError, KeyError, ArithmeticError):
            continue
    printed = {b.code: b.rate for b in blocks if b.rate is not None and b.code in exact}
    votes = Counter()
    for rule in RULES:
        votes[rule] = sum(1 for code, rate in printed.items() if rule.apply(exact[code]) == rate)
    best = max(RULES, key=lambda r: (votes[r], -RULES.index(r))) if printed else RULES[0]
    book.meta.rate_rounding = best
    report.notes.append(f"aturan pembulatan harga satuan: {best.describe()} (menghasilkan kembali "
                        f"{votes[best]} dari {len(printed)} harga tercetak)")
    for code, rate in printed.items():
        if best.apply(exact[code]) == rate:
            continue
        other = next((r for r in RULES if r.apply(exact[code]) == rate), None)
        if other is not None:
            book.analyses[code].rate_rounding = other
            report.add(Severity.WARNING, "analysis-rounding-rule",
                       f"{code}: harga tercetak {rupiah(rate)} mengikuti aturan lain ({other.describe()})",
                       sheet=f"baris {next(b.line for b in blocks if b.code == code)}", raw=rate,
                       action="analisa ini memakai aturan itu")
    book.touch()


def _compare(book: PriceBook, report: ImportReport, block: _Block, file_name: str) -> None:
    """One :class:`RateComparison` for ``block`` and warnings for printed sums that differ."""
    location = f"{file_name} | baris {block.line}"
    try:
        breakdown = book.compute(block.code)
    except (PriceBookError, KeyError, ArithmeticError) as exc:
        report.comparisons.append(RateComparison(block.code, block.name, location, None, None, block.rate,
                                                 block.rate_raw or "(kosong)", reason_code="model-differs",
                                                 reason=str(exc)))
        return
    ours = {"A": breakdown.a, "B": breakdown.b, "C": breakdown.c, "D": breakdown.d, "E": breakdown.e,
            "F": breakdown.f_exact}
    differ = []
    for key, (line, raw, value) in block.printed.items():
        if key in ours and not _shown_as(ours[key], value):
            differ.append(key)
            report.add(Severity.WARNING, "printed-sum-differs",
                       f"{block.code}: {key} tercetak {rupiah(value)}, hitungan kami {rupiah(ours[key])}",
                       sheet=f"baris {line}", raw=raw, action="hitungan kami dipakai")
    comparison = RateComparison(block.code, block.name, location, breakdown.f, breakdown.f_exact, block.rate,
                                block.rate_raw or "(kosong)")
    if block.rate is None:
        comparison.reason_code = "no-cached-value"
        comparison.reason = "tidak ada harga satuan tercetak di kanan judul"
    elif comparison.matches:
        comparison.reason = f"F = {number(breakdown.f_exact)} → {rupiah(breakdown.f)}"
    elif differ:
        comparison.reason_code = "workbook-formula-error"
        comparison.reason = f"jumlah tercetak {', '.join(differ)} berbeda dengan baris-barisnya"
    else:
        comparison.reason_code = "unexplained"
        comparison.reason = f"F = {number(breakdown.f_exact)}; tercetak {rupiah(block.rate)}"
    report.comparisons.append(comparison)
