"""Import a regional HSPK price set (JSON records) as one edition of kind HSPK.

Layout (``../shared/data/public/hspk-jateng-2025/*.json``, Jawa Tengah HSPK 2025 edisi 2, one
file per kabupaten/kota): a JSON array of records ``item_number, work_code, work_description,
unit, unit_price_idr, region, edition, year, sector``; the same ``work_code`` (``1.1.1.1``…)
in every region's file, priced per region.

Design decision — an HSPK item is a priced work item without breakdown. An HSPK decree
publishes *harga satuan pekerjaan* only: no labour/material/equipment lines (checked: the
files carry one price per work code and nothing else). Two representations were weighed:

1. a new kind of catalogue entry ("priced work item"): honest, but the library tables, the
   edition folder format, the project file's pinned copy, the content hash and the RAB's
   ``item_rate`` would all need a second path;
2. an :class:`~dtpl_studio.costing.pricebook.Analysis` with a single line carrying the whole
   published price (:func:`~dtpl_studio.costing.pricebook.hspk_item`: coefficient 1,
   ``price_override`` = the price, 0 % overhead because the decree's price includes it,
   whole-rupiah rounding so F is exactly the published price).

We take 2: a RAB item references the HSPK code like any analysis code, is priced, pinned,
printed and re-priced by the existing paths. Where a breakdown would be shown the code asks
:func:`~dtpl_studio.costing.pricebook.unit_price_only`: the analysis sheet of the PDF prints
"Harga satuan HSPK, tanpa rincian: Rp …" (never a made-up A/B/C) and the rekap kebutuhan lists
the item as not broken down. Codes are the file's ``work_code`` unchanged (``code_scheme``
``hspk``), so the same work has the same code in every region's edition and a later
re-pricing into another region matches by code.

Region and year come from the file (``region``, ``year`` of every record; they must agree);
``--region``/``--year`` fill them only when the file says nothing, and a different value is
refused (the file's word is the source). One file = one edition.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import BookKind, PriceBook, PriceBookMeta, hspk_item
from dtpl_studio.costing.units import UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.cells import CellNumberError, Quantity, check_number, decimal_of
from dtpl_studio.spreadsheets.report import ImportReport, WorkbookImportError

IMPORTER_VERSION = "1"
FIELDS = ("work_code", "work_description", "unit", "unit_price_idr")


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _agreed(report: ImportReport, records: list[dict], field: str, given: str | None, what: str) -> str:
    """The one value of ``field`` in every record, else ``given``; a disagreement is an error."""
    seen = Counter(_text(r.get(field)) for r in records if _text(r.get(field)))
    if len(seen) > 1:
        values = ", ".join(f"{v!r} ({n} rekaman)" for v, n in seen.most_common())
        report.add(Severity.ERROR, "hspk-mixed-" + field,
                   f"berkas memuat lebih dari satu {what}: {values}; satu berkas = satu edisi",
                   raw=values, action="tidak diimpor; pisahkan berkasnya per " + what)
        return ""
    value = next(iter(seen), "")
    if value and given and _text(given) != value:
        report.add(Severity.ERROR, "hspk-option-differs",
                   f"{what} berkas {value!r} berbeda dengan yang diberikan {given!r}",
                   raw=given, action=f"tidak diimpor; {what} dari berkas yang berlaku (hapus opsinya)")
    return value or _text(given)


def import_hspk_json(path: Path, *, region: str | None = None, year: int | None = None
                     ) -> tuple[PriceBook, ImportReport]:
    """Read one region's HSPK JSON into a PriceBook of kind HSPK.

    Returns ``(book, report)``; the book holds one analysis per work code
    (:func:`~dtpl_studio.costing.pricebook.hspk_item`), no resources. A record that cannot be
    read (missing field, price not a plausible rupiah amount, duplicate code) is an ``error``
    finding and the report is not usable: the caller stores nothing. An unknown unit is a
    ``warning`` and the record is left out (it needs a unit mapping).

    Raises:
        WorkbookImportError: the file is not a JSON array of records.
        OSError: the file cannot be read.
    """
    path = Path(path)
    data = path.read_bytes()
    report = ImportReport(path.name, hashlib.sha256(data).hexdigest(),
                          "dtpl_studio.spreadsheets.hspk_json", IMPORTER_VERSION)
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise WorkbookImportError(f"{path.name}: bukan JSON yang terbaca ({exc})", report, path=path) from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise WorkbookImportError(f"{path.name}: bukan daftar rekaman JSON", report, path=path)
    region_text = _agreed(report, records, "region", region, "wilayah")
    year_text = _agreed(report, records, "year", None if year is None else str(year), "tahun")
    edition = _agreed(report, records, "edition", None, "edisi")
    sector = _agreed(report, records, "sector", None, "bidang")
    try:
        year_value = int(year_text) if year_text else None
    except ValueError:
        report.add(Severity.ERROR, "hspk-year", f"tahun {year_text!r} bukan angka tahun", raw=year_text,
                   action="tidak diimpor")
        year_value = None
    if not region_text:
        report.notes.append("wilayah tidak tertulis di berkas dan tidak diberikan (--region)")
    meta = PriceBookMeta(region=region_text, year=year_value, edition=edition, kind=BookKind.HSPK,
                         source_file=path.name, source_sha256=report.source_sha256,
                         title=" ".join(p for p in ("HSPK", region_text, year_text, edition) if p),
                         note=sector, default_overhead_pct=Decimal(0),
                         rate_rounding=RoundingRule(Decimal(1), RoundingMode.HALF_UP))
    book = PriceBook(meta)
    left_out = 0
    for n, record in enumerate(records, start=1):
        where = f"rekaman {n}"
        missing = [f for f in FIELDS if _text(record.get(f)) == ""]
        if missing:
            report.add(Severity.ERROR, "hspk-missing-field", f"kolom {', '.join(missing)} kosong",
                       sheet=where, raw=_text(record.get("work_code")), action="rekaman tidak diimpor")
            continue
        code = _text(record["work_code"])
        if code in book.analyses:
            report.add(Severity.ERROR, "hspk-duplicate-code",
                       f"kode {code} sudah dipakai oleh {book.analyses[code].source_ref}",
                       sheet=where, cell="work_code", raw=code, action="rekaman tidak diimpor")
            continue
        raw_price = record["unit_price_idr"]
        try:
            price = check_number(decimal_of(raw_price), Quantity.PRICE)
        except CellNumberError as exc:
            report.add(Severity.ERROR, exc.code, f"harga satuan {code}: {exc}", sheet=where,
                       cell="unit_price_idr", raw=raw_price, action="rekaman tidak diimpor")
            continue
        if price == 0:
            report.add(Severity.WARNING, "hspk-zero-price", f"harga satuan {code} nol", sheet=where,
                       cell="unit_price_idr", raw=raw_price, action="diimpor dengan harga 0; periksa")
        raw_unit = _text(record["unit"])
        try:
            reading = read_unit(raw_unit)
        except UnknownUnitError as exc:
            left_out += 1
            report.add(Severity.WARNING, "unit-needs-mapping", f"satuan {raw_unit!r} tidak dikenal ({exc})",
                       sheet=where, cell="unit", raw=raw_unit, action="rekaman tidak diimpor; petakan satuannya")
            continue
        if reading.note:
            report.add(Severity.INFO, "unit-alias", f"satuan {raw_unit!r} dibaca {reading.symbol}: {reading.note}",
                       sheet=where, cell="unit", raw=raw_unit, action=f"dibaca {reading.symbol}")
        source_ref = f"{path.name} | {where} ({code})"
        book.analyses[code] = hspk_item(code, _text(record["work_description"]), reading.symbol, price,
                                        chapter=sector, source_ref=source_ref)
    book.touch()
    report.counts.update({"rows_read": len(records), "analyses": len(book.analyses), "left_out": left_out})
    return book, report
