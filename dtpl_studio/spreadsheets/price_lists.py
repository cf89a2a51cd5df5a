"""Import price lists (CSV) as resource-only editions: the ``harga-csv`` and ``ssh-csv`` layouts.

Both become a :class:`~dtpl_studio.costing.pricebook.PriceBook` with resources and no
analyses (DESIGN.md §4 *harga satuan dasar*); kind ``AHSP+HSD`` for a wage/material/equipment
list, ``SSH`` for a kab/kota *standar satuan harga*. Every row not taken as written is a
finding located ``file | baris N!column`` (N is the file's physical line where the record
starts, counting a multi-line quoted name once at its first line).

Reading any CSV (:func:`read_csv`), rules and their source (the real files,
``../shared/data/README.md``):

* encoding: a BOM decides (UTF-8, UTF-16); else UTF-8; else Windows-1252 (an Excel export on
  Windows), said in the report notes;
* line ends: CRLF, LF and CR, mixed in one file, all read (``Upah Bahan.csv`` mixes them);
  quoted fields may span lines and hold doubled quotes (inch marks ``1""``);
* dialect: the delimiter is the one of ``; , TAB |`` that occurs most often in the heading
  line (``csv.Sniffer`` is fooled by inch marks and multi-line names, so it is not used);
* numbers: :func:`~dtpl_studio.costing.numbers.detect_convention` over the price column
  (exports write ``12345.6789``), else the Indonesian convention; each price through
  :func:`~dtpl_studio.spreadsheets.cells.check_number` (``Quantity.PRICE``);
* units through :func:`~dtpl_studio.costing.units.read_unit`; an unknown spelling leaves the
  row out with a ``unit-needs-mapping`` warning (never guessed);
* names: inner line breaks and runs of spaces become one space, outer spaces go (counted);
* a name listed again: same unit and price → left out (info); same unit, other price →
  the first is kept, the other left out, both shown side by side (warning); another unit →
  both kept, the later one keyed ``name (unit)``, both shown side by side (warning): a
  decision for the person who keeps the prices.

``harga-csv`` (``Kode;Komponen;Satuan;Harga_Dasar;Kategori``): rows with text but neither
unit nor price are section headings (``MATERIAL KAYU DAN BAMBU``, ``SEWA PERALATAN``), also
when the text sits in the second column; ``Kategori`` ``Upah``/``Material``/``alat`` gives the
resource kind, else the current heading does (``UPAH``/``SEWA PERALATAN``/``MATERIAL``). The
file's ``Kode`` is kept as the resource code (the real file gives codes to labour only, and
``L.02`` to 15 different trades: a warning).

``ssh-csv`` (``id_ssh,komponen,spesifikasi,satuan,harga,keterangan,kelompok,tahun``): text is
repaired with ``ftfy`` (``90Â°`` → ``90°``; each repaired cell is an info finding). Which rows
are construction resources — the rule (:func:`is_construction`): ``kelompok`` is ``SSH`` (the
``SBU`` rows are honoraria, travel and service rates), and ``komponen`` or ``spesifikasi``
names a construction material, fitting or building part (:data:`CONSTRUCTION_WORDS`), and not
a medicine (``obat``). Everything else is left out and counted by reason in the report notes.
A unit with an embedded quantity (``20 Kg``, ``25 Kg``) is read as the base unit (kg) with
the price divided by the quantity, exact in Decimal; the package is kept in the resource's
note (``dibeli per 20 kg seharga Rp …``) and a warning says so. The name is ``komponen`` and,
when it adds something, ``— spesifikasi``; the code is ``id_ssh``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import CONTEXT
from dtpl_studio.costing.numbers import NumberConvention, detect_convention
from dtpl_studio.costing.pricebook import BookKind, PriceBook, PriceBookMeta, Resource, ResourceKind
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity, check_number, decimal_of
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError, rupiah

IMPORTER_VERSION = "1"
#: rows between two progress reports / cancellation checks of a reader
STEP = 250


class ImportCancelledError(Exception):
    """The reader's ``cancelled()`` answered True: it stopped, nothing was returned."""


def _steps(rows: list, progress: Callable[[int, int, str], None] | None,
           cancelled: Callable[[], bool] | None, label: str, offset: int = 0, total: int | None = None
           ) -> Iterable:
    """``rows`` as they are, reporting ``progress(done, total, label)`` and asking
    ``cancelled()`` every :data:`STEP` rows.

    Raises:
        ImportCancelledError: ``cancelled()`` answered True.
    """
    total = len(rows) + offset if total is None else total
    for n, row in enumerate(rows):
        if n % STEP == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelledError(label)
            if progress is not None:
                progress(offset + n, total, label)
        yield row
DELIMITERS = (";", ",", "\t", "|")


# -- reading any CSV --------------------------------------------------------------------------
def decode_text(data: bytes, *, partial: bool = False) -> tuple[str, str]:
    """``(text, encoding)`` of a CSV file's bytes (BOM removed). ``partial``: ``data`` is the
    file's start, which may end inside a multi-byte character."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            cut = data if not partial or name != "utf-16" else data[: len(data) // 2 * 2]
            return cut.decode(name, errors="replace" if partial else "strict"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8"), "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


class _Dialect(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = False


def sniff_dialect(text: str) -> type[csv.Dialect]:
    """The dialect of ``text``: the delimiter most frequent in the first non-blank line
    (``;`` on a tie or when none occurs), standard double quotes."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ";"))
    return type("Sniffed", (_Dialect,), {"delimiter": best if counts[best] else ";"})


@dataclass
class CsvFile:
    """A decoded CSV: ``rows`` as ``(line number, cells)``, and how it was read."""

    name: str
    sha256: str
    encoding: str
    delimiter: str
    line_ends: dict[str, int]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def read_csv(path: Path) -> CsvFile:
    """Read ``path`` as CSV (module docstring: encoding, line ends, dialect).

    Raises:
        OSError: the file cannot be read.
        WorkbookImportError: the CSV is malformed beyond reading (``csv.Error``).
    """
    path = Path(path)
    data = path.read_bytes()
    text, encoding = decode_text(data)
    crlf = text.count("\r\n")
    ends = {"CRLF": crlf, "LF": text.count("\n") - crlf, "CR": text.count("\r") - crlf}
    dialect = sniff_dialect(text)
    out = CsvFile(path.name, hashlib.sha256(data).hexdigest(), encoding, dialect.delimiter,
                  {k: v for k, v in ends.items() if v})
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    start = 1
    try:
        for cells in reader:
            out.rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise WorkbookImportError(f"{path.name}: CSV tidak terbaca mulai baris {start}: {exc}",
                                  path=path) from exc
    return out


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def clean_name(raw: str) -> str:
    """A name as kept: inner line breaks and space runs → one space, outer spaces removed."""
    return " ".join(raw.split())


def _report(csv_file: CsvFile, importer: str) -> ImportReport:
    report = ImportReport(csv_file.name, csv_file.sha256, importer, IMPORTER_VERSION)
    ends = ", ".join(f"{k} {v}" for k, v in csv_file.line_ends.items())
    delimiter = {"\t": "TAB"}.get(csv_file.delimiter, csv_file.delimiter)
    report.notes.append(f"dibaca sebagai CSV {csv_file.encoding}, pemisah {delimiter!r}, akhir baris {ends}")
    if csv_file.encoding in ("cp1252", "latin-1"):
        report.add(Severity.WARNING, "csv-encoding", f"berkas bukan UTF-8; dibaca sebagai {csv_file.encoding}",
                   raw=csv_file.encoding, action="periksa huruf beraksen di nama")
    return report


def _convention(report: ImportReport, samples: list[str], chosen: NumberConvention | None = None
                ) -> NumberConvention:
    found = detect_convention([s for s in samples if s.strip()])
    words = {NumberConvention.ID: "Indonesia (1.234,5)", NumberConvention.US: "titik desimal (1234.5)"}
    if chosen is not None:
        seen = words[found] if found else "tidak dapat dipastikan"
        report.notes.append(f"angka harga dibaca dalam konvensi {words[chosen]}: dipilih pengguna "
                            f"(terdeteksi: {seen})")
        return chosen
    convention = found or NumberConvention.ID
    report.notes.append(f"angka harga ditulis dalam konvensi {words[convention]}"
                        + ("" if found else " (tidak dapat dipastikan; bawaan Indonesia)"))
    return convention


#: The columns of each CSV layout: role → the heading words (folded, spaces as ``_``) that name
#: it, first match wins; the roles a file must have are in :data:`REQUIRED_COLUMNS`.
COLUMN_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "harga-csv": {"kode": ("kode",), "komponen": ("komponen",), "satuan": ("satuan",),
                  "harga": ("harga_dasar", "harga", "harga_satuan"), "kategori": ("kategori",)},
    "ssh-csv": {"id_ssh": ("id_ssh",), "komponen": ("komponen",), "spesifikasi": ("spesifikasi",),
                "satuan": ("satuan",), "harga": ("harga",), "kelompok": ("kelompok",), "tahun": ("tahun",)},
}
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "harga-csv": ("komponen", "satuan", "harga"),
    "ssh-csv": ("komponen", "satuan", "harga", "kelompok"),
}


def detect_columns(layout: str, heading: list[str]) -> dict[str, int | None]:
    """Role → 0-based column of ``heading`` (a heading row's cells) for CSV ``layout``
    (``harga-csv``/``ssh-csv``); None for a role the heading does not name."""
    cols = _heading_map(heading)
    return {role: next((cols[w] for w in words if w in cols), None)
            for role, words in COLUMN_ROLES[layout].items()}


def _given_columns(layout: str, columns: dict[str, int | None], name: str, report: ImportReport,
                   path: Path) -> dict[str, int]:
    """``columns`` checked: known roles, every required role present, no column used twice.

    Raises:
        WorkbookImportError: a required role has no column, or a column is given two roles.
    """
    roles = COLUMN_ROLES[layout]
    given = {role: int(col) for role, col in columns.items() if role in roles and col is not None}
    missing = [r for r in REQUIRED_COLUMNS[layout] if r not in given]
    if missing:
        raise WorkbookImportError(f"{name}: pemetaan kolom tanpa {', '.join(missing)}", report, path=path)
    used = Counter(given.values())
    twice = sorted(r for r, c in given.items() if used[c] > 1)
    if twice:
        raise WorkbookImportError(f"{name}: satu kolom dipetakan ke {', '.join(twice)}", report, path=path)
    report.notes.append("pemetaan kolom dipilih pengguna: " + ", ".join(
        f"{role} = kolom {col + 1}" for role, col in given.items()))
    return given


def _head_index(csv_file: CsvFile, header_line: int | None, report: ImportReport, path: Path) -> int | None:
    """Index in ``csv_file.rows`` of the row starting at physical line ``header_line``.

    Raises:
        WorkbookImportError: no row starts at that line.
    """
    if header_line is None:
        return None
    found = next((i for i, (line, _) in enumerate(csv_file.rows) if line == header_line), None)
    if found is None:
        raise WorkbookImportError(f"{csv_file.name}: tidak ada baris judul pada baris {header_line}", report,
                                  path=path)
    return found


class _Tally:
    """Cells of one kind of small repair, reported once with a count and the first lines."""

    def __init__(self) -> None:
        self.lines: dict[str, list[int]] = {}

    def note(self, kind: str, line: int) -> None:
        self.lines.setdefault(kind, []).append(line)

    def report(self, report: ImportReport, texts: dict[str, tuple[str, str]]) -> None:
        for kind, lines in self.lines.items():
            message, action = texts[kind]
            first = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
            report.add(Severity.INFO, kind, f"{message}: {len(lines)} sel (baris {first})",
                       sheet=f"baris {lines[0]}", action=action)


class _Resources:
    """Resources of the book in file order, with the duplicate-name rules (module docstring)."""

    def __init__(self, book: PriceBook, report: ImportReport):
        self.book, self.report = book, report
        self.by_name: dict[str, list[tuple[int, Resource]]] = {}
        self.duplicates = 0

    def add(self, line: int, resource: Resource, column: str) -> bool:
        where = f"baris {line}"
        seen = self.by_name.setdefault(_fold(resource.name), [])
        if not seen and resource.key not in self.book.resources:  # the usual case: a new name
            seen.append((line, resource))
            self.book.resources[resource.key] = resource
            return True
        here = f"baris {line}: {resource.unit} {rupiah(resource.price)}"
        side = " | ".join(f"baris {n}: {r.unit} {rupiah(r.price)}" for n, r in seen)
        same_unit = [(n, r) for n, r in seen if r.unit == resource.unit]
        if same_unit:
            self.duplicates += 1
            n, first = same_unit[0]
            if first.price == resource.price:
                self.report.add(Severity.INFO, "duplicate-name-same", f"{resource.name!r} sama persis dengan "
                                f"baris {n}", sheet=where, cell=column, raw=resource.name,
                                action="tidak diambil lagi")
            else:
                self.report.add(Severity.WARNING, "duplicate-name-price",
                                f"{resource.name!r} tercantum lagi dengan satuan sama, harga lain: {side} || {here}",
                                sheet=where, cell=column, raw=resource.name,
                                action=f"yang pertama (baris {n}) dipakai; baris ini tidak diambil; putuskan")
            return False
        if seen:
            self.duplicates += 1
            resource.key = f"{resource.name} ({resource.unit})"
            if resource.key in self.book.resources:
                resource.key = f"{resource.name} ({resource.unit}, baris {line})"
            self.report.add(Severity.WARNING, "duplicate-name-unit",
                            f"{resource.name!r} tercantum lagi dengan satuan lain: {side} || {here}",
                            sheet=where, cell=column, raw=resource.name,
                            action=f"keduanya diambil; yang ini sebagai {resource.key!r}; putuskan")
        elif resource.key in self.book.resources:  # another name folding to this key
            resource.key = f"{resource.name} (baris {line})"
        seen.append((line, resource))
        self.book.resources[resource.key] = resource
        return True


def _price(report: ImportReport, raw: str, convention: NumberConvention, where: str, column: str,
           name: str) -> Decimal | None:
    try:
        return check_number(decimal_of(raw.strip(), convention), Quantity.PRICE)
    except CellNumberError as exc:
        report.add(Severity.ERROR, exc.code, f"harga {name!r}: {exc}", sheet=where, cell=column, raw=raw,
                   action="baris tidak diimpor; perbaiki harganya")
        return None


def _unit(report: ImportReport, raw: str, where: str, column: str) -> str | None:
    try:
        reading = read_unit(raw)
    except UnknownUnitError:
        report.add(Severity.WARNING, "unit-needs-mapping", f"satuan {raw.strip()!r} tidak dikenal",
                   sheet=where, cell=column, raw=raw, action="baris tidak diambil; petakan satuannya")
        return None
    if reading.note:
        report.add(Severity.INFO, "unit-alias", f"satuan {raw.strip()!r} dibaca {reading.symbol}: {reading.note}",
                   sheet=where, cell=column, raw=raw, action=f"dibaca {reading.symbol}")
    return reading.symbol


def _meta(kind: BookKind, report: ImportReport, region: str | None, year: int | None, title: str) -> PriceBookMeta:
    if not region:
        report.notes.append("wilayah tidak tertulis di berkas dan tidak diberikan (--region)")
    if year is None:
        report.notes.append("tahun tidak tertulis di berkas dan tidak diberikan (--year)")
    return PriceBookMeta(region=region or "", year=year, kind=kind, source_file=report.source_file,
                         source_sha256=report.source_sha256,
                         title=" ".join(p for p in (title, region or "", str(year or "")) if p))


def _heading_map(cells: list[str]) -> dict[str, int]:
    return {_fold(c).replace(" ", "_"): i for i, c in enumerate(cells) if c.strip()}


# -- harga-csv ----------------------------------------------------------------------------------
KIND_WORDS: dict[str, ResourceKind] = {
    "upah": ResourceKind.LABOUR, "tenaga": ResourceKind.LABOUR, "tenaga kerja": ResourceKind.LABOUR,
    "material": ResourceKind.MATERIAL, "bahan": ResourceKind.MATERIAL,
    "alat": ResourceKind.EQUIPMENT, "peralatan": ResourceKind.EQUIPMENT, "sewa": ResourceKind.EQUIPMENT,
}


def _kind_of_heading(text: str) -> ResourceKind | None:
    words = _fold(text)
    for word, kind in (("upah", ResourceKind.LABOUR), ("tenaga", ResourceKind.LABOUR),
                       ("alat", ResourceKind.EQUIPMENT), ("material", ResourceKind.MATERIAL),
                       ("bahan", ResourceKind.MATERIAL)):
        if word in words:
            return kind
    return None


def import_price_list_csv(path: Path, *, region: str | None = None, year: int | None = None,
                          columns: dict[str, int | None] | None = None, header_line: int | None = None,
                          convention: NumberConvention | None = None,
                          progress: Callable[[int, int, str], None] | None = None,
                          cancelled: Callable[[], bool] | None = None) -> tuple[PriceBook, ImportReport]:
    """Read a ``harga-csv`` price list (module docstring) as a resource-only book.

    The import wizard may override what is detected: ``columns`` (role of
    :data:`COLUMN_ROLES` ``["harga-csv"]`` → 0-based column; ``komponen``, ``satuan``, ``harga``
    required), ``header_line`` (the physical line of the heading row; with ``columns`` and no
    heading found, every row is data) and ``convention`` (how prices are written). None keeps
    the detection described in the module docstring. ``progress(done, total, label)`` and
    ``cancelled()`` (a worker's callables, :mod:`dtpl_studio.ui.workers`) are called every
    :data:`STEP` rows.

    Returns ``(book, report)``; an unreadable price is an ``error`` (the report is then not
    usable and the caller stores nothing).

    Raises:
        WorkbookImportError: no heading row with ``Komponen``, ``Satuan`` and a price column
            (and no ``columns``); a ``columns`` mapping without a required role or with one
            column given two roles; no row at ``header_line``.
        ImportCancelledError: ``cancelled()`` answered True.
        OSError: the file cannot be read.
    """
    csv_file = read_csv(path)
    report = _report(csv_file, "dtpl_studio.spreadsheets.price_lists.harga_csv")
    head_at = _head_index(csv_file, header_line, report, Path(path))
    if head_at is None:
        head_at = next((i for i, (_, cells) in enumerate(csv_file.rows)
                        if {"komponen", "satuan"} <= set(_heading_map(cells))), None)
    if head_at is None and columns is None:
        raise WorkbookImportError(f"{csv_file.name}: tidak ada baris judul dengan Komponen dan Satuan",
                                  report, path=Path(path))
    head_line, head_cells = csv_file.rows[head_at] if head_at is not None else (0, [])
    if columns is None:
        found = detect_columns("harga-csv", head_cells)
        if found["harga"] is None:
            raise WorkbookImportError(f"{csv_file.name}: baris judul {head_line} tanpa kolom harga", report,
                                      path=Path(path))
    else:
        found = dict(_given_columns("harga-csv", columns, csv_file.name, report, Path(path)))
    price_col = found["harga"]
    names = {i: c.strip() for i, c in enumerate(head_cells)}
    c_code, c_name, c_unit, c_kind = found.get("kode"), found["komponen"], found["satuan"], found.get("kategori")
    data = csv_file.rows[head_at + 1:] if head_at is not None else csv_file.rows

    def cell(cells: list[str], col: int | None) -> str:
        return cells[col] if col is not None and col < len(cells) else ""

    convention = _convention(report, [cell(c, price_col) for _, c in data], convention)
    book = PriceBook(_meta(BookKind.AHSP_HSD, report, region, year, "Harga satuan dasar"))
    sink = _Resources(book, report)
    tally = _Tally()
    codes: dict[str, list[int]] = {}
    heading_kind: ResourceKind | None = None
    blank = headings = left_out = 0
    for line, cells in _steps(data, progress, cancelled, csv_file.name):
        where = f"baris {line}"
        if not any(c.strip() for c in cells):
            blank += 1
            continue
        raw_name, raw_unit, raw_price = cell(cells, c_name), cell(cells, c_unit), cell(cells, price_col)
        if head_cells and [c.strip() for c in cells] == [c.strip() for c in head_cells]:
            headings += 1
            report.add(Severity.INFO, "repeated-heading", "baris judul kolom diulang", sheet=where,
                       raw=raw_name, action="dilewati")
            continue
        if not raw_unit.strip() and not raw_price.strip():
            text = clean_name(" ".join(c for c in cells if c.strip()))
            headings += 1
            kind = _kind_of_heading(text)
            heading_kind = kind or heading_kind
            report.add(Severity.INFO, "section-heading", f"judul bagian {text!r}", sheet=where, raw=text,
                       action="dilewati" + (f"; jenis berikutnya {kind.value}" if kind else ""))
            continue
        name = clean_name(raw_name)
        if not name:
            left_out += 1
            report.add(Severity.WARNING, "price-row-no-name", "baris berharga tanpa nama komponen", sheet=where,
                       cell=names.get(c_name, ""), raw=";".join(cells), action="tidak diambil")
            continue
        if not raw_price.strip() or not raw_unit.strip():
            left_out += 1
            what = "harga" if not raw_price.strip() else "satuan"
            report.add(Severity.WARNING, f"price-row-no-{'price' if what == 'harga' else 'unit'}",
                       f"{name!r} tanpa {what}", sheet=where, raw=name, action="tidak diambil")
            continue
        if "\n" in raw_name or "\r" in raw_name:
            tally.note("name-multiline", line)
        elif raw_name != name:
            tally.note("name-spaces", line)
        if raw_unit != raw_unit.strip():
            tally.note("unit-spaces", line)
        unit = _unit(report, raw_unit, where, names.get(c_unit, ""))
        price = _price(report, raw_price, convention, where, names.get(price_col, ""), name)
        if unit is None or price is None:
            left_out += 1
            continue
        raw_kind = _fold(cell(cells, c_kind))
        kind = KIND_WORDS.get(raw_kind) or heading_kind
        if kind is None:
            kind = ResourceKind.MATERIAL
            report.add(Severity.WARNING, "resource-kind", f"jenis {name!r} tidak tertulis", sheet=where,
                       raw=cell(cells, c_kind), action="dianggap bahan")
        code = cell(cells, c_code).strip()
        if code:
            codes.setdefault(code, []).append(line)
        resource = Resource(name, name, kind, unit, price, code=code,
                            source_ref=f"{csv_file.name} | baris {line}", raw_unit=raw_unit)
        if not sink.add(line, resource, names.get(c_name, "")):
            left_out += 1
    for code, lines in codes.items():
        if len(lines) > 1:
            report.add(Severity.WARNING, "duplicate-code",
                       f"kode {code} dipakai oleh {len(lines)} baris ({', '.join(map(str, lines[:10]))})",
                       sheet=f"baris {lines[1]}", raw=code, action="kode disimpan apa adanya; kunci = nama")
    tally.report(report, {
        "name-multiline": ("nama tertulis dalam beberapa baris (tanda kutip)", "digabung dengan spasi"),
        "name-spaces": ("spasi berlebih di nama", "dihapus"),
        "unit-spaces": ("spasi di ujung satuan", "dihapus"),
    })
    book.touch()
    report.counts.update({"rows_read": len(data), "resources": len(book.resources), "headings": headings,
                          "blank_rows": blank, "duplicates": sink.duplicates, "left_out": left_out})
    return book, report


# -- ssh-csv ------------------------------------------------------------------------------------
#: Words (at a word start, case ignored) that name a construction material, fitting or
#: building part in ``komponen``/``spesifikasi`` of an SSH list; chosen on the Pangandaran 2023
#: list (``../shared/data/README.md``: ≈1 600 construction materials among 10 708 rows).
CONSTRUCTION_WORDS = (
    "pipa", "pipe", "elbow", "bend", "tee", "reducer", "reducing", "socket", "soket", "fitting", "flange",
    "flens", "valve", "stop kran", "kran", "keran", "end cap", "dop", "sok", "klem", "gate valve",
    "semen", "pasir", "batu", "bata", "batako", "hebel", "kerikil", "split", "sirtu", "agregat", "tanah urug",
    "beton", "readymix", "ready mix", "besi", "baja", "wiremesh", "wire mesh", "kawat", "paku", "baut",
    "mur", "dynabolt", "kayu", "papan", "balok", "reng", "usuk", "kaso", "triplek", "tripleks", "multiplek",
    "plywood", "gypsum", "gipsum", "kalsiboard", "asbes", "seng", "genteng", "genting", "atap", "nok",
    "bubungan", "sirap", "spandek", "galvalum", "keramik", "granit", "tegel", "ubin", "cat", "plamir",
    "meni", "thinner", "dempul", "kaca", "kusen", "pintu", "jendela", "engsel", "kunci", "grendel",
    "closet", "kloset", "wastafel", "urinal", "floor drain", "aspal", "paving", "conblock", "buis",
    "gorong", "u-ditch", "bronjong", "geotekstil", "geomembran", "kabel", "saklar", "stop kontak", "mcb",
    "talang", "plafon", "plafond", "list", "hollow", "siku", "profil", "aluminium", "alumunium",
    "stainless", "galvanis", "pvc", "hdpe", "lem", "sealant", "waterproof", "bahan bangunan",
    "bahan elektrikal", "bahan penutup", "bahan paku", "bahan kayu", "bahan besi", "bahan cat",
    "bahan sanitasi", "bahan pintu", "bahan kaca", "bahan plafon", "bahan lantai", "bahan dinding",
    "dreser", "pralon", "maspion", "indopipe", "vinilon", "unilon", "rucika", "wavin",
)
# whole words only: a word start alone let "cat" take "Catridge printer", "sok" take "Benih
# Kepiting Soka" and "pvc" an ID card (newcomer finding; ~270 office, food and fishery rows)
_CONSTRUCTION = re.compile(r"(?<![a-z])(" + "|".join(re.escape(w) for w in CONSTRUCTION_WORDS) + r")(?![a-z])",
                           re.IGNORECASE)
#: words that make a row something else even when it names a material (medicine, stationery,
#: printing, food, seeds, clothing, office cards)
_NOT_CONSTRUCTION = re.compile(
    r"(?<![a-z])(obat|tablet|kapsul|ampul|injeksi|sirup|alat tulis|atk|cetak|benih|bibit|pakan|makan|minum|"
    r"snack|kertas|tinta|printer|toner|catridge|cartridge|buku|seragam|kaos|sepatu|id card|stempel|"
    r"mistar|penggaris|hekter|stapler)(?![a-z])", re.IGNORECASE)
_EMBEDDED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([^\d\s].*?)\s*$")


def is_construction(kelompok: str, komponen: str, spesifikasi: str) -> str:
    """Why a row of an SSH list is not a construction resource, or ``""`` when it is (the
    rule in the module docstring)."""
    if kelompok.strip().upper() != "SSH":
        return "sbu"
    text = f"{komponen} {spesifikasi}"
    if _NOT_CONSTRUCTION.search(text) or not _CONSTRUCTION.search(text):
        return "other"
    return ""


def import_ssh_csv(path: Path, *, region: str | None = None, year: int | None = None,
                   columns: dict[str, int | None] | None = None, header_line: int | None = None,
                   convention: NumberConvention | None = None,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> tuple[PriceBook, ImportReport]:
    """Read an ``ssh-csv`` standard price list (module docstring): its construction rows as a
    resource-only book of kind SSH.

    ``columns`` (role of :data:`COLUMN_ROLES` ``["ssh-csv"]`` → 0-based column),
    ``header_line`` (physical line of the heading row; the first row when None) and
    ``convention`` override what is detected, ``progress``/``cancelled`` are called, as in
    :func:`import_price_list_csv`.

    Raises:
        WorkbookImportError: no heading with ``komponen``, ``satuan``, ``harga``, ``kelompok``
            (or a ``columns`` mapping without one of them, or one column given two roles); no
            row at ``header_line``.
        ImportCancelledError: ``cancelled()`` answered True.
        OSError: the file cannot be read.
    """
    import ftfy

    csv_file = read_csv(path)
    report = _report(csv_file, "dtpl_studio.spreadsheets.price_lists.ssh_csv")
    if not csv_file.rows:
        raise WorkbookImportError(f"{csv_file.name}: berkas kosong", report, path=Path(path))
    head_at = _head_index(csv_file, header_line, report, Path(path)) or 0
    if columns is None:
        cols = _heading_map(csv_file.rows[head_at][1])
        need = REQUIRED_COLUMNS["ssh-csv"]
        if not all(k in cols for k in need):
            raise WorkbookImportError(
                f"{csv_file.name}: baris judul tanpa {', '.join(k for k in need if k not in cols)}",
                report, path=Path(path))
    else:
        cols = _given_columns("ssh-csv", columns, csv_file.name, report, Path(path))
    data = csv_file.rows[head_at + 1:]

    def cell(cells: list[str], key: str) -> str:
        col = cols.get(key)
        return cells[col] if col is not None and col < len(cells) else ""

    years = Counter(cell(c, "tahun").strip() for _, c in data if cell(c, "tahun").strip())
    file_year = int(years.most_common(1)[0][0]) if years and years.most_common(1)[0][0].isdigit() else None
    if len(years) > 1:
        report.add(Severity.WARNING, "ssh-mixed-year", f"kolom tahun memuat {dict(years)}", raw=str(dict(years)),
                   action=f"tahun edisi {file_year}")
    if year is not None and file_year is not None and year != file_year:
        report.add(Severity.ERROR, "ssh-option-differs", f"tahun berkas {file_year} berbeda dengan yang "
                   f"diberikan {year}", raw=str(year), action="tidak diimpor; tahun dari berkas yang berlaku")
    book = PriceBook(_meta(BookKind.SSH, report, region, file_year or year, "SSH"))
    sink = _Resources(book, report)
    left = Counter()
    repaired = 0
    chosen: list[tuple[int, list[str], str, str, str]] = []
    for line, cells in _steps(data, progress, cancelled, csv_file.name, total=len(data) * 2):
        if not any(c.strip() for c in cells):
            left["blank"] += 1
            continue
        fixed = {}
        for key in ("komponen", "spesifikasi", "satuan"):
            raw = cell(cells, key)
            good = raw if raw.isascii() else ftfy.fix_text(raw)  # mojibake needs non-ASCII
            if good != raw:
                repaired += 1
                report.add(Severity.INFO, "mojibake-repaired", f"teks diperbaiki menjadi {good!r}",
                           sheet=f"baris {line}", cell=key, raw=raw, action="diperbaiki (ftfy)")
            fixed[key] = good
        why = is_construction(cell(cells, "kelompok"), fixed["komponen"], fixed["spesifikasi"])
        if why:
            left[why] += 1
            continue
        chosen.append((line, cells, fixed["komponen"], fixed["spesifikasi"], fixed["satuan"]))
    convention = _convention(report, [cell(c, "harga") for _, c in data], convention)  # the whole column
    for line, cells, komponen, spesifikasi, raw_unit in _steps(chosen, progress, cancelled, csv_file.name,
                                                               offset=len(data), total=len(data) + len(chosen)):
        where = f"baris {line}"
        name = clean_name(komponen)
        spec = clean_name(spesifikasi)
        if spec and _fold(spec) != _fold(name) and _fold(spec) not in _fold(name):
            name = f"{name} — {spec}"
        if not name:
            left["invalid"] += 1
            report.add(Severity.WARNING, "price-row-no-name", "baris tanpa komponen", sheet=where,
                       raw=",".join(cells), action="tidak diambil")
            continue
        price = _price(report, cell(cells, "harga"), convention, where, "harga", name)
        note = ""
        embedded = _EMBEDDED.match(raw_unit)
        unit: str | None
        if embedded and price is not None:
            quantity = check_number(decimal_of(embedded.group(1), NumberConvention.ID), Quantity.COEFFICIENT)
            unit = _unit(report, embedded.group(2), where, "satuan")
            if unit is not None and quantity > 0:
                note = f"dibeli per {embedded.group(1)} {unit} seharga {rupiah(price)}"
                per = CONTEXT.divide(price, quantity)
                report.add(Severity.WARNING, "unit-embedded-quantity",
                           f"satuan {raw_unit.strip()!r} memuat jumlah: {rupiah(price)} per {embedded.group(1)} "
                           f"{unit} dibaca {rupiah(per)} per {unit}", sheet=where, cell="satuan", raw=raw_unit,
                           action=f"harga per {unit}; kemasan dicatat di keterangan")
                price = check_number(per, Quantity.PRICE)
        else:
            unit = _unit(report, raw_unit, where, "satuan")
        if unit is None or price is None:
            left["invalid"] += 1
            continue
        code = cell(cells, "id_ssh").strip()
        resource = Resource(name, name, ResourceKind.MATERIAL, unit, price, code=code,
                            source_ref=f"{csv_file.name} | baris {line}", raw_unit=raw_unit, note=note)
        if not sink.add(line, resource, "komponen"):
            left["duplicate"] += 1
    words = {"sbu": "kelompok SBU (honorarium, perjalanan, jasa)",
             "other": "kelompok SSH bukan bahan konstruksi (obat, alat kantor, kendaraan, pangan, …)",
             "blank": "baris kosong", "invalid": "harga/satuan tidak terbaca", "duplicate": "nama ganda"}
    report.notes.append("aturan pilihan: kelompok SSH dan komponen/spesifikasi menyebut bahan, perlengkapan "
                        "atau bagian bangunan (daftar kata di dtpl_studio.spreadsheets.price_lists), bukan obat")
    for why, n in left.most_common():
        report.notes.append(f"tidak diambil: {n} baris — {words[why]}")
    book.touch()
    report.counts.update({"rows_read": len(data), "resources": len(book.resources),
                          "not_construction": left["sbu"] + left["other"], "repaired_text": repaired,
                          "duplicates": sink.duplicates, "left_out": sum(left.values())})
    return book, report


def iter_resources(book: PriceBook) -> Iterator[Resource]:
    """The book's resources in file order (for listings)."""
    return iter(book.resources.values())
