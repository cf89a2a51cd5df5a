"""Import the flat coefficient table of the 2025 AHSP (the ``sni-flat`` layout).

The real file (``../shared/data/public/ahsp-sni-2025-flat/SNI_2025_AHSP.xlsx``,
``../shared/data/README.md``): one sheet, heading row 1 ``id, kode_ahsp, nama_ahsp,
kode_item_lookup, kategori, item, satuan, koefisien, source_file, sumber_ahsp``; one row per
component; 13 899 rows, ≈2 305 analyses; **no prices**.

Rules:

* rows with the same ``kode_ahsp`` make one analysis (code scheme ``sni-2025``), its unit the
  one after ``1`` in ``nama_ahsp`` (``Pembuatan 1 m3 pagar …``) or after ``Satuan Pekerjaan :``;
* ``kategori`` ``Tenaga Kerja``/``Bahan``/``Peralatan`` → a labour/material/equipment line on
  the resource keyed by ``kode_item_lookup`` (``TK.0008``), else by the item name and unit.
  A row without ``kategori`` whose item names another analysis of the file is a sub-analysis
  line; one without ``kategori`` and without a known unit is a parameter of an equipment cost
  calculation (capacity, depreciation), not a component: left out with a warning; any other
  is taken as material with a warning;
* ``koefisien`` through :class:`~dtpl_studio.spreadsheets.cells.CellReader` (numbers, text
  numbers in the file's convention — detected over the text coefficients: ``'0.6'`` is US —,
  limits of :data:`~dtpl_studio.spreadsheets.cells.Quantity.COEFFICIENT`); a refused cell is an
  error and its analysis is left out;
* coefficients that lost their decimal separator (``83349`` kg for 83,349 kg) are found by
  :func:`~dtpl_studio.costing.plausibility.check_coefficient` per unit and resource kind, with
  the same item elsewhere as the reference. Each is a WARNING with the proposed value (÷ 1 000)
  and the reason; the value is **kept as written** unless the caller passes
  ``accept_corrections=True`` (``import-prices --accept-corrections``): then each proposal is
  applied and said so (info, ``coefficient-corrected``). Never silently;
* text is repaired with ``ftfy`` where it carries mojibake (``mÂ²`` → ``m²``, ``Ã˜`` → ``Ø``):
  one info finding per repaired text with its rows; units then go through
  :func:`~dtpl_studio.costing.units.read_unit` (case folded: ``Unit``/``unit``, ``Hari``); an
  unknown spelling is an ERROR ``unit-needs-mapping`` (its analysis is left out: a missing line
  would be a wrong rate) until the user maps it (``dtpl-studio units --map``);
* hidden rows and columns are reported (info; their rows are imported like the others).

Prices — decision: the file has none, so every resource is created at **price 0** and the
edition is a *coefficient-only draft*; one WARNING ``prices-missing`` says so and how to
complete it. ``import-prices FILE --prices SPEC`` (SPEC: a price file of a resource layout, a
library edition id or ``bawaan``) completes it in the same import by joining on the item name
and unit (:func:`join_prices`); what stays unpriced is listed. Why: the coefficients are the
2025 national table while prices are regional and yearly, so one coefficient edition is
joined with many price lists; a later price list can also complete a stored draft with
``import-prices LIST --onto ID``. ``--publish`` is refused while a resource has no price.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.numbers import NumberConvention, detect_convention
from dtpl_studio.costing.plausibility import check_coefficient
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    BookKind,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.cells import CellReader, Quantity, cell_name
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError, number, rupiah

IMPORTER = "dtpl_studio.spreadsheets.sni_flat"
IMPORTER_VERSION = "1"
#: Headings (lower case) a flat table must have.
REQUIRED = ("kode_ahsp", "nama_ahsp", "kategori", "item", "satuan", "koefisien")
KINDS = {"tenaga kerja": ResourceKind.LABOUR, "upah": ResourceKind.LABOUR, "bahan": ResourceKind.MATERIAL,
         "material": ResourceKind.MATERIAL, "peralatan": ResourceKind.EQUIPMENT, "alat": ResourceKind.EQUIPMENT}
_UNIT_IN_NAME = re.compile(r"(?<!\S)1\s+([^\s,;()]+)")
_UNIT_AFTER = re.compile(r"satuan pekerjaan\s*:\s*([^\s,;()]+)", re.IGNORECASE)
_UNIT_PER = re.compile(r"(?<![^\s(])per[-\s]\s*([^\s,;()]+)", re.IGNORECASE)
_WORK_UNIT_PATTERNS = (_UNIT_IN_NAME, _UNIT_AFTER, _UNIT_PER)


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def is_flat_table(path: Path) -> bool:
    """Whether the first sheet of the xlsx ``path`` starts with the flat table's heading
    (:data:`REQUIRED`). False for any other or unreadable workbook."""
    import zipfile

    from openpyxl import load_workbook

    try:  # quick refusal first: the heading words are in no text part of another workbook
        with zipfile.ZipFile(path) as archive:
            # the heading is in the shared strings (Excel, LibreOffice) or inline in the first
            # sheet (openpyxl): reading every sheet of an AHSP workbook cost 0,1 s per import
            listed = archive.namelist()
            first = sorted((n for n in listed if n.startswith("xl/worksheets/sheet")),
                           key=lambda n: (len(n), n))[:1]
            parts = [n for n in listed if n == "xl/sharedStrings.xml"] + first
            if not any(b"kode_ahsp" in archive.read(n) for n in parts):
                return False
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - an unreadable file is simply not this layout
        return False
    try:
        ws = wb[wb.sheetnames[0]]
        first = next(ws.iter_rows(min_row=1, max_row=1, max_col=40, values_only=True), ())
        return set(REQUIRED) <= {_fold(c) for c in first if c is not None}
    finally:
        wb.close()


@dataclass
class _Row:
    row: int
    code: str
    name: str
    item_code: str
    kind: ResourceKind | None
    item: str
    raw_unit: str
    unit: str
    coef: Decimal
    with_decimals: bool


def import_sni_flat(path: Path, *, region: str | None = None, year: int | None = None,
                    accept_corrections: bool = False) -> tuple[PriceBook, ImportReport]:
    """Read the flat coefficient table ``path`` (module docstring) into a coefficient-only
    book: analyses with lines on resources priced 0.

    ``accept_corrections``: apply each proposed decimal correction (÷ 1 000) instead of only
    reporting it.

    Returns ``(book, report)``; ``report.counts['suspect_coefficients']`` counts the
    coefficients that probably lost their decimal separator.

    Raises:
        WorkbookImportError: the first sheet has no heading row with :data:`REQUIRED`.
        dtpl_studio.spreadsheets.xlsx.WorkbookReadError / FileNotFoundError: not readable.
    """
    import ftfy

    from dtpl_studio.spreadsheets.xlsx import load_xlsx

    wb = load_xlsx(path)
    report = ImportReport(Path(path).name, wb.sha256, IMPORTER, IMPORTER_VERSION)
    sheet = wb.sheet_names[0]
    cells = wb.grid.raw.get(sheet, {})
    heads = {_fold(v): c for (r, c), v in cells.items() if r == 1 and isinstance(v, str)}
    missing = [h for h in REQUIRED if h not in heads]
    if missing:
        raise WorkbookImportError(f"{report.source_file}: baris judul tanpa {', '.join(missing)}", report,
                                  path=Path(path))
    for other in wb.sheet_names[1:]:
        report.notes.append(f"lembar {other!r} tidak dibaca (tabel datar hanya di lembar pertama)")
    for name in wb.sheet_names:
        for r in sorted(wb.grid.hidden_rows.get(name, ())):
            report.add(Severity.INFO, "hidden-row", f"baris {r} tersembunyi", sheet=name, cell=f"A{r}",
                       action="tetap dibaca")
        for c in sorted(wb.hidden_cols.get(name, ())):
            report.add(Severity.INFO, "hidden-column", f"kolom {cell_name(c, 1)[:-1]} tersembunyi", sheet=name,
                       cell=cell_name(c, 1), action="tetap dibaca" if c in heads.values() else "tidak dipakai")
    last = max((r for r, _ in cells), default=1)
    col = {h: heads[h] for h in REQUIRED}
    c_item_code = heads.get("kode_item_lookup")

    def text(r: int, c: int | None) -> str:
        value = cells.get((r, c)) if c is not None else None
        return "" if value is None else str(value)

    texts = [text(r, col["koefisien"]) for r in range(2, last + 1)
             if isinstance(cells.get((r, col["koefisien"])), str)]
    found = detect_convention(texts)
    convention = found or NumberConvention.ID
    report.notes.append(f"koefisien berupa teks ditulis dalam konvensi "
                        f"{'titik desimal (0.6)' if convention is NumberConvention.US else 'Indonesia (0,6)'}"
                        + ("" if found else " (tidak dapat dipastikan; bawaan Indonesia)"))
    reader = CellReader(wb.grid, report, convention)
    repaired: dict[tuple[str, str], list[int]] = defaultdict(list)
    fixes: dict[str, str] = {}

    def fixed(r: int, key: str) -> str:
        raw = text(r, col[key]).strip()
        if raw.isascii():
            return raw
        good = fixes.get(raw)
        if good is None:
            good = fixes[raw] = ftfy.fix_text(raw)
        if good != raw:
            repaired[(key, raw)].append(r)
        return good

    rows: list[_Row] = []
    broken: dict[str, str] = {}  # analysis code → first refused cell
    names: dict[str, str] = {}
    units_seen: Counter = Counter()
    kinds_missing: list[int] = []
    parameters: list[int] = []
    text_coefs = 0
    for r in range(2, last + 1):
        code = text(r, col["kode_ahsp"]).strip()
        if not code:
            if any(cells.get((r, c)) not in (None, "") for c in col.values()):
                report.add(Severity.WARNING, "row-without-code", "baris tanpa kode_ahsp", sheet=sheet,
                           cell=cell_name(col["kode_ahsp"], r), action="tidak diimpor")
            continue
        name = " ".join(fixed(r, "nama_ahsp").split())
        names.setdefault(code, name)
        item = " ".join(fixed(r, "item").split())
        raw_unit = fixed(r, "satuan")
        kind = KINDS.get(_fold(text(r, col["kategori"])))
        units_seen[raw_unit] += 1
        where = cell_name(col["satuan"], r)
        try:
            reading = read_unit(raw_unit)
        except UnknownUnitError:
            if kind is None:  # no category and no unit of ours: a parameter, not a component
                parameters.append(r)
                continue
            report.add(Severity.ERROR, "unit-needs-mapping", f"{code}: satuan {raw_unit!r} dari {item!r} tidak dikenal",
                       sheet=sheet, cell=where, raw=text(r, col["satuan"]),
                       action="analisa tidak diimpor; petakan satuannya (dtpl-studio units --map) lalu impor lagi")
            broken.setdefault(code, f"{sheet}!{where}")
            continue
        if reading.note:
            report.add(Severity.INFO, "unit-alias", reading.note, sheet=sheet, cell=where, raw=raw_unit,
                       action=f"dibaca {reading.symbol}")
        got = reader.read(sheet, r, col["koefisien"], Quantity.COEFFICIENT, subject=f"{code} koefisien {item!r}",
                          action="analisa tidak diimpor; perbaiki koefisiennya")
        if got is None or got.value is None:
            if got is not None:
                report.add(Severity.ERROR, "coefficient-empty", f"{code}: koefisien {item!r} kosong", sheet=sheet,
                           cell=cell_name(col["koefisien"], r), action="analisa tidak diimpor")
            broken.setdefault(code, f"{sheet}!{cell_name(col['koefisien'], r)}")
            continue
        raw = got.raw
        if got.source == "text":
            text_coefs += 1
        with_decimals = isinstance(raw, float) or (isinstance(raw, str) and any(m in raw for m in ".,"))
        if kind is None:
            kinds_missing.append(r)
        rows.append(_Row(r, code, name, text(r, c_item_code).strip(), kind, item, raw_unit, reading.symbol,
                         got.value, with_decimals))
    for (key, raw), where_rows in repaired.items():
        report.add(Severity.INFO, "mojibake-repaired", f"teks {key} diperbaiki menjadi {ftfy.fix_text(raw)!r}: "
                   f"{len(where_rows)} sel (baris {', '.join(map(str, where_rows[:8]))}"
                   f"{' …' if len(where_rows) > 8 else ''})",
                   sheet=sheet, cell=cell_name(col[key], where_rows[0]), raw=raw, action="diperbaiki (ftfy)")
    if parameters:
        report.add(Severity.WARNING, "parameter-row",
                   f"{len(parameters)} baris tanpa kategori dan tanpa satuan yang dikenal (parameter perhitungan biaya alat: "
                   f"kapasitas, depresiasi…; baris {', '.join(map(str, parameters[:10]))}"
                   f"{' …' if len(parameters) > 10 else ''})", sheet=sheet,
                   cell=cell_name(col["kategori"], parameters[0]), action="bukan komponen; tidak diimpor")
    if text_coefs:
        report.add(Severity.INFO, "coefficient-text", f"{text_coefs} koefisien tersimpan sebagai teks",
                   sheet=sheet, cell=cell_name(col["koefisien"], rows[0].row) if rows else "",
                   action="dibaca sebagai angka dalam konvensi berkas")

    book = PriceBook(PriceBookMeta(region=region or "", year=year, kind=BookKind.AHSP_HSD,
                                   source_file=report.source_file, source_sha256=report.source_sha256,
                                   title=" ".join(p for p in ("AHSP SNI 2025 (koefisien)", region or "",
                                                              str(year or "")) if p),
                                   note="koefisien saja: harga dasar belum ada (0)"))
    suspects = _check_plausibility(report, sheet, col, rows, names, accept_corrections)
    by_name = {_fold(n): c for c, n in names.items()}
    resources: dict[tuple[str, str], str] = {}
    bases: dict[str, list[str]] = {}
    first_seen: dict[str, _Row] = {}
    analyses: dict[str, Analysis] = {}
    for row in rows:
        if row.code in broken:
            continue
        analysis = analyses.get(row.code)
        if analysis is None:
            analysis = Analysis(row.code, row.name, _work_unit(report, sheet, col, row), code_scheme="sni-2025",
                                chapter=".".join(row.code.split(".")[:2]),
                                source_ref=f"{report.source_file} | {sheet}!{cell_name(col['kode_ahsp'], row.row)}")
            analyses[row.code] = analysis
        coef = suspects.get(row.row, row.coef)
        source = f"{report.source_file} | {sheet}!{cell_name(col['koefisien'], row.row)}"
        sub = by_name.get(_fold(row.item)) if row.kind is None else None
        if sub is not None and sub != row.code:
            analysis.lines.append(AnalysisLine(LineKind.SUB_ANALYSIS, sub, coef, unit=row.unit, description=row.item,
                                               source_ref=source))
            continue
        kind = row.kind or ResourceKind.MATERIAL
        key = _resource_key(report, sheet, col, book, resources, bases, first_seen, row, kind)
        analysis.lines.append(AnalysisLine(LineKind(kind.value), key, coef, unit=row.unit, description=row.item,
                                           source_ref=source))
    if kinds_missing:
        report.add(Severity.WARNING, "category-missing",
                   f"{len(kinds_missing)} baris tanpa kategori yang tidak menamai analisa lain (baris "
                   f"{', '.join(map(str, kinds_missing[:10]))}{' …' if len(kinds_missing) > 10 else ''})",
                   sheet=sheet, cell=cell_name(col["kategori"], kinds_missing[0]), action="dianggap bahan; periksa")
    for code, cell in broken.items():
        report.add(Severity.ERROR, "analysis-skipped", f"analisa {code} tidak diimpor (lihat galat di sel {cell})",
                   sheet=cell.split("!")[0], cell=cell.split("!")[1], raw=code, action="tidak diimpor")
    for code in names:
        if code in analyses:
            book.analyses[code] = analyses[code]
        elif code not in broken:
            report.add(Severity.WARNING, "analysis-without-components",
                       f"analisa {code} hanya memuat baris parameter, tanpa komponen", raw=code,
                       action="tidak diimpor")
    _check_sub_cycles(book, report)
    book.touch()
    if book.resources:
        report.add(Severity.WARNING, "prices-missing",
                   f"berkas tidak memuat harga: {len(book.resources)} upah/bahan/alat berharga 0; edisi ini hanya "
                   "koefisien (draf)", raw="", action="lengkapi dengan import-prices BERKAS --prices DAFTAR_HARGA, "
                   "atau nanti dengan import-prices DAFTAR_HARGA --onto ID; tidak dapat diterbitkan selama ada harga 0")
    report.counts.update({"rows_read": last - 1, "analyses": len(book.analyses),
                          "analysis_lines": sum(len(a.lines) for a in book.analyses.values()),
                          "resources": len(book.resources), "text_coefficients": text_coefs,
                          "suspect_coefficients": len(suspects), "parameter_rows": len(parameters)})
    return book, report


def _work_unit(report: ImportReport, sheet: str, col: dict[str, int], row: _Row) -> str:
    for pattern in _WORK_UNIT_PATTERNS:
        for match in pattern.finditer(row.name):
            try:
                return read_unit(match.group(1).rstrip(".")).symbol
            except UnknownUnitError:
                continue
    report.add(Severity.WARNING, "analysis-unit-missing",
               f"{row.code}: nama analisa tidak menyebut satuan ('1 m3 …' atau 'Satuan Pekerjaan : …')",
               sheet=sheet, cell=cell_name(col["nama_ahsp"], row.row), raw=row.name[:120],
               action="analisa tanpa satuan; lengkapi")
    return ""


def _resource_key(report: ImportReport, sheet: str, col: dict[str, int], book: PriceBook,
                  resources: dict[tuple[str, str], str], bases: dict[str, list[str]],
                  first_seen: dict[str, _Row], row: _Row, kind: ResourceKind) -> str:
    """The key of ``row``'s resource: its item code (``TK.0008``), else its name; the same code
    in another unit is a second resource ``code (unit)`` with a warning."""
    base = row.item_code or row.item
    ident = (_fold(base), row.unit)
    key = resources.get(ident)
    if key is not None:
        return key
    others = bases.setdefault(ident[0], [])
    key = base if not others else f"{base} ({row.unit})"
    while key in book.resources:
        key += " *"
    if others:
        first = first_seen[others[0]]
        report.add(Severity.WARNING, "duplicate-name-unit",
                   f"{base} {row.item!r} tercantum dengan satuan lain: baris {first.row}: {first.unit} || "
                   f"baris {row.row}: {row.unit}", sheet=sheet, cell=cell_name(col["satuan"], row.row),
                   raw=row.raw_unit, action=f"keduanya diambil; yang ini sebagai {key!r}; putuskan")
    book.resources[key] = Resource(key, row.item, kind, row.unit, Decimal(0), code=row.item_code,
                                   source_ref=f"{report.source_file} | {sheet}!{cell_name(col['item'], row.row)}",
                                   raw_unit=row.raw_unit, note="harga belum ada (tabel koefisien)")
    resources[ident] = key
    others.append(key)
    first_seen[key] = row
    return key


def _check_plausibility(report: ImportReport, sheet: str, col: dict[str, int], rows: list[_Row],
                        names: dict[str, str], accept: bool) -> dict[int, Decimal]:
    """Warnings for coefficients that lost their decimal separator; returns ``{row: value to
    use}`` for the suspects (the proposal when ``accept``, else the value as written)."""
    work_units: dict[str, str] = {}
    for row in rows:
        if row.code not in work_units:
            match = next((m for p in _WORK_UNIT_PATTERNS for m in p.finditer(row.name)), None)
            try:
                work_units[row.code] = read_unit(match.group(1).rstrip(".")).symbol if match else ""
            except UnknownUnitError:
                work_units[row.code] = ""
    # the same item's values written with decimals, per unit of work and over all (one pass)
    refs: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    refs_work: dict[tuple[str, str, str], list[Decimal]] = defaultdict(list)
    for row in rows:
        if row.with_decimals:
            item = (_fold(row.item_code or row.item), row.unit)
            refs[item].append(row.coef)
            refs_work[(*item, work_units[row.code])].append(row.coef)
    out: dict[int, Decimal] = {}
    for row in rows:
        work = work_units[row.code]
        item = (_fold(row.item_code or row.item), row.unit)
        suspect = check_coefficient(row.coef, written_with_decimals=row.with_decimals, unit=row.unit,
                                    work_unit=work, kind=row.kind.value if row.kind else "",
                                    references=refs_work.get((*item, work)) or refs.get(item, ()))
        if suspect is None:
            continue
        cell = cell_name(col["koefisien"], row.row)
        if accept:
            out[row.row] = suspect.proposed
            report.add(Severity.INFO, "coefficient-corrected",
                       f"{row.code} {row.item!r}: koefisien {number(row.coef)} {row.unit} dibaca "
                       f"{number(suspect.proposed)} ({suspect.reason})", sheet=sheet, cell=cell, raw=row.coef,
                       action=f"dikoreksi menjadi {number(suspect.proposed)} (--accept-corrections)")
        else:
            out[row.row] = row.coef
            report.add(Severity.WARNING, "coefficient-decimal-lost",
                       f"{row.code} {row.item!r}: koefisien {number(row.coef)} {row.unit} tidak wajar; usulan "
                       f"{number(suspect.proposed)} ({suspect.reason})", sheet=sheet, cell=cell, raw=row.coef,
                       action=f"disimpan apa adanya; usulan {number(suspect.proposed)}: terapkan dengan "
                       "--accept-corrections atau perbaiki berkasnya")
    return out


def _check_sub_cycles(book: PriceBook, report: ImportReport) -> None:
    """A sub-analysis cycle makes the book unusable: each analysis in one is an error."""
    from dtpl_studio.costing.pricebook import PriceBookError

    for code in list(book.analyses):
        try:
            book.compute(code)
        except PriceBookError as exc:
            if "cycle" in str(exc):
                report.add(Severity.ERROR, "sub-analysis-cycle", f"{code}: {exc}", raw=code, action="tidak diimpor")
        except (KeyError, ArithmeticError):
            continue


def join_prices(book: PriceBook, prices: PriceBook, report: ImportReport, label: str) -> int:
    """Price ``book``'s unpriced resources from ``prices`` (a price list or edition): same
    name (case and spaces folded) and a unit of the same dimension (converted by the one
    registry). Returns how many were priced; the rest stay 0 and are listed in one warning.
    Each priced resource's note names the source."""
    from dtpl_studio.costing.money import CONTEXT
    from dtpl_studio.costing.units import UnitMismatchError, conversion_factor

    index: dict[str, list[Resource]] = defaultdict(list)
    for resource in prices.resources.values():
        index[_fold(resource.name)].append(resource)
    priced, left = 0, []
    for resource in book.resources.values():
        if resource.price:
            continue
        match = None
        for candidate in index.get(_fold(resource.name), []):
            try:
                factor = conversion_factor(resource.unit, candidate.unit)
            except (UnitMismatchError, UnknownUnitError):
                continue
            match = (candidate, factor)
            break
        if match is None:
            left.append(resource)
            continue
        candidate, factor = match
        resource.price = CONTEXT.multiply(candidate.price, factor)
        resource.note = f"harga dari {label}: {candidate.name} {rupiah(candidate.price)}/{candidate.unit}"
        priced += 1
    book.touch()
    report.notes.append(f"harga digabung dari {label}: {priced} dari {len(book.resources)} upah/bahan/alat")
    report.findings.items = [f for f in report.findings if f.code != "prices-missing"]
    if left:
        shown = ", ".join(f"{r.key} {r.name!r} ({r.unit})" for r in left[:15])
        report.add(Severity.WARNING, "prices-missing",
                   f"{len(left)} upah/bahan/alat tanpa harga di {label}: {shown}{' …' if len(left) > 15 else ''}",
                   action="tetap berharga 0; lengkapi daftar harganya; tidak dapat diterbitkan selama ada harga 0")
    report.counts["priced_from_list"] = priced
    return priced
