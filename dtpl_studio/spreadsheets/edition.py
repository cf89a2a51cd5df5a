"""The project's open, diffable price-book edition format (a folder of UTF-8 text files).

An edition folder holds (DESIGN.md §3 ``unit_prices/``; only the standard library is used):

* ``edition.json`` — format name and version, the book's meta (region/year or ``"unknown"``,
  regulation, kind, rounding rule, default overhead), provenance (source workbook, its SHA-256,
  importer and version, the command that regenerates the folder), counts, the SHA-256 of each
  CSV file and the book's :meth:`PriceBook.content_hash`.
* ``resources.csv`` — ``key,name,kind,unit,price,raw_unit,code,source_ref,note``.
* ``analyses.csv`` — ``code,code_scheme,name,unit,overhead_pct,chapter,method,source_ref,note``
  (an empty ``overhead_pct`` means the book default).
* ``analysis_lines.csv`` — ``analysis_code,line_no,kind,ref,coefficient,unit,price_override,
  group,description,source_ref`` (an empty ``price_override`` means "priced from ``ref``").
* ``import-report.txt`` — the import's findings and rate comparisons, when a report is given.

Rows are written in book order (the source's order), which is part of the content hash, so
the files are stable from one regeneration to the next and a diff shows real changes only.
Decimals are written as plain strings exactly as held (``0.04397142857142857142857142857142857``,
never a float), so :func:`read_edition` rebuilds a book with the same content hash.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dtpl_studio.costing.money import RoundingMode, RoundingRule
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
from dtpl_studio.errors import DtplError, from_os_error
from dtpl_studio.spreadsheets.report import ImportReport
from dtpl_studio.tempfiles import temp_path

FORMAT = "dtpl-studio-price-edition"
FORMAT_VERSION = 1
EDITION_FILE = "edition.json"
RESOURCES_FILE = "resources.csv"
ANALYSES_FILE = "analyses.csv"
LINES_FILE = "analysis_lines.csv"
REPORT_FILE = "import-report.txt"
EDITION_FILES = (EDITION_FILE, RESOURCES_FILE, ANALYSES_FILE, LINES_FILE, REPORT_FILE)

RESOURCE_COLUMNS = (
    "key",
    "name",
    "kind",
    "unit",
    "price",
    "raw_unit",
    "code",
    "source_ref",
    "note",
)
ANALYSIS_COLUMNS = (
    "code",
    "code_scheme",
    "name",
    "unit",
    "overhead_pct",
    "chapter",
    "method",
    "source_ref",
    "note",
    "rate_rounding",
)
LINE_COLUMNS = (
    "analysis_code",
    "line_no",
    "kind",
    "ref",
    "coefficient",
    "unit",
    "price_override",
    "group",
    "description",
    "source_ref",
)

#: How to regenerate the shipped edition (Makefile target ``prices``).
DEFAULT_REGENERATE = (
    "make prices  (= python -m dtpl_studio import-prices SRC --write-edition DEST, or "
    "python -m dtpl_studio.spreadsheets.regenerate SRC DEST)"
)


class EditionError(DtplError, ValueError):
    """An edition folder that cannot be read or written; the message (Indonesian) names the
    file and line, and ``where`` holds ``file:line`` for the window and the CLI."""

    default_code = "edition.damaged"

    def __init__(self, message: str, **fields):
        if "where" not in fields:
            place = re.match(r"([\w.]+\.(?:csv|json)(?::\d+)?):", message)
            fields["where"] = place.group(1) if place else None
        super().__init__(message, **fields)


def decimal_text(value: Decimal) -> str:
    """A Decimal as a plain string that reads back to the same Decimal (same ``str()``):
    ``format(value, 'f')`` when that round-trips, else ``str(value)``."""
    text = format(value, "f")
    if str(Decimal(text)) == str(value):
        return text
    return str(value)


def _csv_text(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue()


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rule_text(rule: RoundingRule | None) -> str:
    """``RoundingRule(1, DOWN)`` → ``'1 down'``; None → ``''`` (the book's rule)."""
    return "" if rule is None else f"{decimal_text(rule.step)} {rule.mode.value}"


def _rule_from_text(text: str, where: str) -> RoundingRule | None:
    if not text:
        return None
    try:
        step, mode = text.split()
        return RoundingRule(Decimal(step), RoundingMode(mode))
    except (ValueError, ArithmeticError) as exc:
        raise EditionError(f"{where}: rate_rounding {text!r} bukan 'LANGKAH MODE'") from exc


def edition_texts(
    book: PriceBook,
    report: ImportReport | None = None,
    regenerate: str = DEFAULT_REGENERATE,
) -> dict[str, str]:
    """The edition's files as ``{file name: text}`` (what :func:`write_edition` writes)."""
    resources = [
        [
            r.key,
            r.name,
            r.kind.value,
            r.unit,
            decimal_text(r.price),
            r.raw_unit,
            r.code,
            r.source_ref,
            r.note,
        ]
        for r in book.resources.values()
    ]
    analyses = [
        [
            a.code,
            a.code_scheme,
            a.name,
            a.unit,
            "" if a.overhead_pct is None else decimal_text(a.overhead_pct),
            a.chapter,
            a.method,
            a.source_ref,
            a.note,
            _rule_text(a.rate_rounding),
        ]
        for a in book.analyses.values()
    ]
    lines = [
        [
            a.code,
            str(i),
            ln.kind.value,
            ln.ref,
            decimal_text(ln.coefficient),
            ln.unit,
            "" if ln.price_override is None else decimal_text(ln.price_override),
            ln.group.value,
            ln.description,
            ln.source_ref,
        ]
        for a in book.analyses.values()
        for i, ln in enumerate(a.lines, start=1)
    ]
    texts = {
        RESOURCES_FILE: _csv_text(RESOURCE_COLUMNS, resources),
        ANALYSES_FILE: _csv_text(ANALYSIS_COLUMNS, analyses),
        LINES_FILE: _csv_text(LINE_COLUMNS, lines),
    }
    if report is not None:
        texts[REPORT_FILE] = report.render_text("id")  # shipped text: always Indonesian
    meta = book.meta
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "content_hash": book.content_hash(),
        "meta": {
            "title": meta.title,
            "region": meta.region,
            "province": meta.province,
            "year": meta.year,
            "edition": meta.edition,
            "kind": meta.kind.value,
            "legal_ref": meta.legal_ref,
            "effective_date": meta.effective_date,
            "source_file": meta.source_file,
            "source_sha256": meta.source_sha256,
            "status": meta.status,
            "rate_rounding": meta.rate_rounding.to_dict(),
            "rate_rounding_text": meta.rate_rounding.describe(),
            "default_overhead_pct": decimal_text(meta.default_overhead_pct),
            "note": meta.note,
            **({"verification": meta.verification, "signer": meta.signer}
               if meta.verification else {}),
        },
        "provenance": {
            "source_file": meta.source_file,
            "source_sha256": meta.source_sha256,
            "regulation": meta.legal_ref or "unknown",
            "region": meta.region or "unknown",
            "province": meta.province or "unknown",
            "year": meta.year if meta.year is not None else "unknown",
            "importer": report.importer if report else "",
            "importer_version": report.importer_version if report else "",
            "regenerate": regenerate,
        },
        "counts": {
            "resources": len(book.resources),
            "analyses": len(book.analyses),
            "analysis_lines": len(lines),
            **(
                {"rates_identical": len(report.matching), "rates_differ": len(report.differing)}
                if report and report.comparisons
                else {}
            ),
        },
        "files": {name: _sha(text) for name, text in sorted(texts.items())},
    }
    texts[EDITION_FILE] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_edition(
    book: PriceBook,
    folder: str | Path,
    report: ImportReport | None = None,
    regenerate: str = DEFAULT_REGENERATE,
) -> Path:
    """Write ``book`` (and ``report``, if given) as an edition folder; returns the folder.

    All files are written to a temporary sibling folder first and swapped in at the end, so a
    reader sees the old edition or the new one, never half of each. An existing ``folder`` is
    replaced only if it holds nothing but edition files.

    Raises:
        EditionError: ``folder`` exists and holds other files, or cannot be written.
    """
    folder = Path(folder)
    texts = edition_texts(book, report, regenerate)
    if folder.exists():
        if not folder.is_dir():
            raise EditionError(f"{folder} sudah ada dan bukan folder", code="target.not_folder",
                               path=folder)
        foreign = sorted(p.name for p in folder.iterdir() if p.name not in EDITION_FILES)
        if foreign:
            raise EditionError(
                f"{folder} berisi berkas yang bukan bagian edisi: {', '.join(foreign)}",
                code="target.not_edition", path=folder,
            )
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(folder, "edition")  # provably ours: removed after a crash by the next write
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    try:
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
        for name, text in texts.items():
            with open(tmp / name, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
    except OSError as exc:
        if old.exists() and not folder.exists():
            old.rename(folder)
        known = from_os_error(exc, folder, action="write")
        raise EditionError(f"edisi {folder} tidak dapat ditulis ({known.code})", code=known.code,
                           params=known.params, path=folder) from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
    return folder


def _read_csv(name: str, text: str | None, columns: tuple[str, ...], where: str) -> list[dict[str, str]]:
    """The rows of edition file ``name`` (its ``text``; None = the file is missing)."""
    if text is None:
        raise EditionError(f"{where}/{name} tidak ada", path=where)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if tuple(reader.fieldnames or ()) != columns:
            raise EditionError(f"{name}: baris kepala {reader.fieldnames} bukan {list(columns)}")
        return list(reader)
    except csv.Error as exc:
        raise EditionError(f"{name}: bukan CSV yang utuh") from exc


def _read_texts(folder: Path) -> dict[str, str]:
    """The edition files present in ``folder`` as ``{name: text}``."""
    texts: dict[str, str] = {}
    for name in EDITION_FILES:
        try:
            with open(folder / name, encoding="utf-8", newline="") as handle:
                texts[name] = handle.read()
        except FileNotFoundError:
            continue
        except UnicodeDecodeError as exc:
            raise EditionError(f"{name}: bukan teks UTF-8 (bita {exc.start})") from exc
    return texts


def _dec(text: str, where: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise EditionError(f"{where}: {text!r} bukan bilangan desimal") from exc


def read_edition(folder: str | Path, verify: bool = True) -> PriceBook:
    """Read an edition folder written by :func:`write_edition` into a :class:`PriceBook`.

    Args:
        folder: the edition folder.
        verify: check the rebuilt book's content hash against ``edition.json`` (a hand edit
            without regeneration is an error).

    Raises:
        EditionError: a file is missing or malformed, a value is not a decimal number or a known
            kind, or (``verify``) the content hash does not match.
    """
    folder = Path(folder)
    return book_from_texts(_read_texts(folder), str(folder), verify=verify)


def book_from_texts(texts: dict[str, str], where: str, verify: bool = True) -> PriceBook:
    """The :class:`PriceBook` of an edition given as ``{file name: text}`` (the files of
    :func:`edition_texts`; an edition folder or a package's members). ``where`` names the
    folder or package in messages.

    Raises:
        EditionError: as :func:`read_edition`.
    """
    text = texts.get(EDITION_FILE)
    if text is None:
        raise EditionError(f"{where}/{EDITION_FILE} tidak ada", path=where)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EditionError(f"{EDITION_FILE}:{exc.lineno}: bukan JSON yang utuh") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise EditionError(f"{EDITION_FILE}: bukan berkas {FORMAT}")
    try:
        version = int(document.get("format_version", 0))
    except (TypeError, ValueError) as exc:
        raise EditionError(f"{EDITION_FILE}: versi format tidak sah") from exc
    if version > FORMAT_VERSION:
        raise EditionError(
            f"{EDITION_FILE}: versi format {document['format_version']} lebih baru daripada "
            "program ini; perbarui DTPL Studio"
        )
    m = document.get("meta", {})
    try:
        meta = PriceBookMeta(
            region=m.get("region", ""),
            province=m.get("province", ""),
            year=m.get("year"),
            edition=m.get("edition", ""),
            kind=BookKind(m.get("kind", BookKind.AHSP_HSD.value)),
            legal_ref=m.get("legal_ref", ""),
            effective_date=m.get("effective_date", ""),
            source_file=m.get("source_file", ""),
            source_sha256=m.get("source_sha256", ""),
            status=m.get("status", "draft"),
            rate_rounding=RoundingRule.from_dict(m["rate_rounding"]),
            default_overhead_pct=_dec(
                m.get("default_overhead_pct", "0.10"), f"{EDITION_FILE} default_overhead_pct"
            ),
            title=m.get("title", ""),
            note=m.get("note", ""),
            verification=m.get("verification", ""),
            signer=m.get("signer", ""),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise EditionError(f"{EDITION_FILE}: bagian meta tidak sah ({type(exc).__name__})") from exc
    book = PriceBook(meta)
    for n, row in enumerate(_read_csv(RESOURCES_FILE, texts.get(RESOURCES_FILE), RESOURCE_COLUMNS, where), start=2):
        where = f"{RESOURCES_FILE}:{n}"
        try:
            kind = ResourceKind(row["kind"])
        except ValueError as exc:
            raise EditionError(f"{where}: jenis {row['kind']!r} tidak dikenal") from exc
        if row["key"] in book.resources:
            raise EditionError(f"{where}: kunci {row['key']!r} ganda")
        book.resources[row["key"]] = Resource(
            key=row["key"],
            name=row["name"],
            kind=kind,
            unit=row["unit"],
            price=_dec(row["price"], where),
            code=row["code"],
            source_ref=row["source_ref"],
            raw_unit=row["raw_unit"],
            note=row["note"],
        )
    analyses: dict[str, Analysis] = {}
    for n, row in enumerate(_read_csv(ANALYSES_FILE, texts.get(ANALYSES_FILE), ANALYSIS_COLUMNS, where), start=2):
        where = f"{ANALYSES_FILE}:{n}"
        if row["code"] in analyses:
            raise EditionError(f"{where}: kode {row['code']!r} ganda")
        analyses[row["code"]] = Analysis(
            code=row["code"],
            name=row["name"],
            unit=row["unit"],
            overhead_pct=_dec(row["overhead_pct"], where) if row["overhead_pct"] else None,
            code_scheme=row["code_scheme"],
            chapter=row["chapter"],
            source_ref=row["source_ref"],
            method=row["method"],
            note=row["note"],
            rate_rounding=_rule_from_text(row["rate_rounding"], where),
        )
    last: dict[str, int] = {}
    for n, row in enumerate(_read_csv(LINES_FILE, texts.get(LINES_FILE), LINE_COLUMNS, where), start=2):
        where = f"{LINES_FILE}:{n}"
        analysis = analyses.get(row["analysis_code"])
        if analysis is None:
            raise EditionError(
                f"{where}: analisa {row['analysis_code']!r} tidak ada di {ANALYSES_FILE}"
            )
        try:
            line_no = int(row["line_no"])
            kind, group = LineKind(row["kind"]), ResourceKind(row["group"])
        except ValueError as exc:
            raise EditionError(
                f"{where}: line_no, kind atau group tidak sah ({row['line_no']!r}, "
                f"{row['kind']!r}, {row['group']!r})"
            ) from exc
        if line_no != last.get(analysis.code, 0) + 1:
            raise EditionError(f"{where}: baris {line_no} dari {analysis.code} tidak berurutan")
        last[analysis.code] = line_no
        analysis.lines.append(
            AnalysisLine(
                kind=kind,
                ref=row["ref"],
                coefficient=_dec(row["coefficient"], where),
                unit=row["unit"],
                description=row["description"],
                price_override=_dec(row["price_override"], where)
                if row["price_override"]
                else None,
                group=group,
                source_ref=row["source_ref"],
            )
        )
    for analysis in analyses.values():
        book.analyses[analysis.code] = analysis
    if verify:
        expected = document.get("content_hash", "")
        actual = book.content_hash()
        if expected != actual:
            raise EditionError(
                f"{where}: hash isi {actual} tidak sama dengan yang tercatat di {EDITION_FILE} "
                f"({expected}); berkasnya diubah dengan tangan — buat ulang edisinya (make prices)",
                path=where,
            )
    return book
