"""The project file (``.dtpl``): save and load a :class:`~dtpl_studio.costing.rab.Program`.

One SQLite file, self-contained (it carries a copy of the price book each package is pinned
to, so a later library change never changes it silently), rollback journal (no WAL: nothing
beside the file is needed to email it), foreign keys ON (DESIGN.md §4, §7).

* :func:`save_program` is crash-safe: the whole file is written to a temporary file in the
  same folder, in one transaction, fsync'ed, then moved over the target with ``os.replace``
  (atomic on POSIX and Windows). A crash or an error at any point leaves the old file as it
  was; there is never a half-written ``.dtpl``. The audit log of the old file is carried over
  and one entry is appended.
* :func:`load_program` checks, in this order: the file exists; it starts with the SQLite
  header; it is a DTPL project (not a price library or another program's database); SQLite's
  ``integrity_check`` passes; the schema revision is one this app knows. An older revision is
  upgraded on open (on a copy that then replaces the file, atomically), a newer one is
  refused. Every pinned book's content hash is compared with the one recorded at save time.
* :class:`ProjectLock` (from :mod:`.locking`) refuses a second instance.

Round trip guarantee: ``load_program(p)`` after ``save_program(program, p)`` gives a program
whose :func:`~dtpl_studio.costing.rab.price_program` totals and every
:meth:`PriceBook.content_hash` are identical, Decimals digit for digit.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict, namedtuple
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from dtpl_studio import __version__
from dtpl_studio.audit import GENESIS, AuditEntry, first_broken, link
from dtpl_studio.costing.attachments import Attachment, AttachmentKind, MediaType
from dtpl_studio.costing.data_umum import (
    COUNT_FIELDS,
    DataUmumError,
    PackageData,
    ProgramData,
    field_names,
    parse_coordinate,
    parse_count,
)
from dtpl_studio.costing.expressions import MAX_LITERAL as MAX_PARAMETER
from dtpl_studio.costing.expressions import Parameter
from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.formatting import format_stored_value
from dtpl_studio.costing.funding import MAX_AMOUNT as FUNDING_MAX_AMOUNT
from dtpl_studio.costing.funding import (
    Component,
    FundingRule,
    FundingShare,
    FundingSource,
    SectionKind,
    SwadayaRule,
    Termin,
    amount_problem,
)
from dtpl_studio.costing.money import ZERO, RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import (
    MAX_RATE,
    MAX_ROUNDING_STEP,
    MAX_VOLUME,
    MAX_VOLUME_DECIMALS,
    MIN_ROUNDING_STEP,
    Factor,
    Item,
    Measurement,
    Package,
    PackageSettings,
    Program,
    Section,
    Signatory,
)
from dtpl_studio.costing.specs import SpecClause
from dtpl_studio.costing.stored import StoredValueNote
from dtpl_studio.errors import classify, from_os_error, is_sqlite_error
from dtpl_studio.memory import gc_paused
from dtpl_studio.storage import migrate
from dtpl_studio.storage.audit_log import (
    Snapshot,
    file_snapshot,
    price_changes,
    program_snapshot,
    read_entries,
)
from dtpl_studio.storage.conversions import (
    StoredValueError,
    analysis_columns,
    book_from_records,
    decimal_from_text,
    decimal_to_text,
    line_columns,
    meta_columns,
    meta_from_record,
    parse_enum,
    resource_columns,
)
from dtpl_studio.storage.errors import ProjectFileError, ProjectLockedError
from dtpl_studio.storage.locking import LockInfo, ProjectLock, current_user
from dtpl_studio.tempfiles import temp_path

SQLITE_HEADER = b"SQLite format 3\x00"
FORMAT = migrate.FORMATS["project"]
APPLICATION_ID = migrate.APPLICATION_IDS["project"]
#: Suffix of the temporary file a save writes before it replaces the target.
TEMP_SUFFIX = ".saving"


@dataclass(frozen=True, slots=True)
class ProjectFileInfo:
    """What :func:`inspect_project_file` reads without loading the program.

    ``state`` is ``current`` or ``older`` (will be upgraded on open; a file made by a newer
    app raises instead); ``meta`` is the ``meta`` table (``app_version``, ``saved_at``, …).
    """

    path: Path
    revision: str | None
    head: str
    state: str
    meta: dict[str, str]


def default_actor() -> str:
    """``user@host`` of this session, for the audit log."""
    return f"{current_user()}@{socket.gethostname()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# =============================================================================================
# save
# =============================================================================================

def save_program(program: Program, path: Path | str, *, who: str | None = None,
                 what: str | None = None, action: str = "save",
                 extra_meta: dict[str, str] | None = None,
                 details: dict[tuple[str, ...], str] | None = None) -> str:
    """Write ``program`` to the project file ``path``, atomically.

    Steps: a new SQLite file ``.<name>.~dtpl.<host>.<pid>.<random>.saving``
    (:func:`dtpl_studio.tempfiles.temp_path`: provably ours, removable after a crash) is created
    in the target's folder and
    migrated to the current schema; the whole program (packages, pinned books, RAB trees,
    measurements, signatories, funding rules) plus ``meta`` and the audit log is inserted in
    one transaction with foreign keys ON; the file is fsync'ed and moved over ``path`` with
    ``os.replace``; the folder is fsync'ed. A symlinked ``path`` is written through to its target.

    Args:
        program: the in-memory model; not modified.
        path: the ``.dtpl`` file; created or replaced.
        who: audit-log actor (default ``user@host``).
        what: audit-log detail (default a summary such as ``"2 package(s), 14 item(s)"``).
        action: audit-log action (``save``; ``autosave`` for a recovery copy).
        extra_meta: more ``meta`` rows (a recovery copy records which file it recovers).
        details: the ``detail`` of price-change entries by snapshot key
            (:func:`~dtpl_studio.storage.audit_log.price_changes`; a re-pricing's totals).

    Returns:
        The ``save_id`` written into the file's ``meta``: a random id that changes with every
        save (a recovery copy records the save it started from).

    Raises:
        ProjectFileError: the folder does not exist or is not writable, the disk is full, a
            value cannot be stored (a ``float`` where a Decimal belongs, NaN, a price book
            whose dict keys differ from the resource keys). In every case ``path`` is
            unchanged and the temporary file is removed.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    if not folder.is_dir():
        raise ProjectFileError(path, f"cannot save: folder {folder} does not exist",
                               code="project.no_folder", params={"folder": str(folder)})
    history, created_at, note, old_prices = _previous_history(target)
    at, actor = _now(), who or default_actor()
    if old_prices is not None:  # price edits, overrides, re-pricing since the file was saved
        history = [*history, *price_changes(old_prices, program_snapshot(program), at=at, who=actor,
                                                   details=details)]
    tmp = temp_path(target, "saving")
    entry = AuditEntry(at, actor, action, what or _summary(program) + note)
    save_id = uuid.uuid4().hex
    try:
        _write_new_file(tmp, program, history=history, created_at=created_at, entry=entry,
                        extra_meta={**(extra_meta or {}), "save_id": save_id})
        _copy_mode(target, tmp)
        _fsync_file(tmp)
        _replace_file(tmp, target)
        _fsync_dir(folder)
    except BaseException as exc:
        _remove_quietly(tmp)
        if isinstance(exc, ProjectFileError):
            raise
        if isinstance(exc, OSError) or is_sqlite_error(exc):
            known = classify(exc, path)
            raise ProjectFileError(path, f"cannot save: {known.detail}", code=known.code,
                                   params={**known.params, "action": "write"}) from exc
        if _is_sqlalchemy_error(exc) or isinstance(exc, ValueError | TypeError | InvalidOperation):
            raise ProjectFileError(path, f"cannot save: {_short(exc)}", code="project.cannot_store") from exc
        raise
    return save_id


def _summary(program: Program) -> str:
    items = sum(1 for pkg in program.packages for _ in pkg.items())
    return f"{len(program.packages)} paket, {items} item"


def _short(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig) if orig is not None else str(exc).splitlines()[0]


def _write_new_file(tmp: Path, program: Program, *, history: list[AuditEntry],
                    created_at: str | None, entry: AuditEntry,
                    extra_meta: dict[str, str] | None = None) -> None:
    """Create ``tmp`` at the head schema and insert everything in one transaction."""
    with gc_paused():
        _write_rows(tmp, program, history=history, created_at=created_at, entry=entry,
                    extra_meta=extra_meta)


def _write_rows(tmp: Path, program: Program, *, history: list[AuditEntry],
                created_at: str | None, entry: AuditEntry,
                extra_meta: dict[str, str] | None = None) -> None:
    tmp.write_bytes(_empty_project_file(migrate.SCRIPT_LOCATIONS["project"], migrate.head_revision("project")))
    rows = _program_rows(program)
    prev = GENESIS
    audit = rows["audit_log"]
    for i, old in enumerate([*history, entry], start=1):
        if not old.entry_hash:  # new, or written before the chain existed
            old = link(old, prev)
        prev = old.entry_hash
        audit.append({"id": i, **_audit_columns(old)})
    meta = {
        "format": FORMAT,
        "schema_revision": migrate.head_revision("project"),
        "app_version": __version__,
        "created_at": created_at or entry.at,
        "saved_at": entry.at,
        "saved_by": entry.who,
    }
    for key, value in (extra_meta or {}).items():
        meta.setdefault(key, value)
    rows["meta"].extend({"key": k, "value": v} for k, v in meta.items())
    unknown = set(rows) - set(PROJECT_TABLES)
    if unknown:  # a programming error: a table this module does not know the place of
        raise RuntimeError(f"rows for unknown tables {sorted(unknown)}")
    con = sqlite3.connect(tmp.resolve().as_uri() + "?mode=rw", uri=True, timeout=10)
    try:
        con.isolation_level = None  # our own BEGIN/COMMIT: one transaction, DDL-free
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("BEGIN")
        # one executemany per table, parents first (issue 10: one ORM object per row and its
        # flush were 3,6-4 s for 2 000 items; SQLAlchemy's import another 0,3 s)
        for table in PROJECT_TABLES:
            if rows.get(table):
                _insert_many(con, table, rows[table])
        con.execute("COMMIT")
    finally:
        con.close()  # without COMMIT the transaction is rolled back; the file is removed


#: The tables of a project file, parents before children (the order rows are inserted in,
#: foreign keys ON). ``tests/storage/test_storage_startup.py`` checks it against the ORM
#: classes (:mod:`.project_records`): every table, each after the tables it refers to.
PROJECT_TABLES: tuple[str, ...] = (
    "audit_log", "book", "meta", "program", "attachment", "book_analysis", "book_resource",
    "funding_rule", "package", "signatory", "spec_link", "spec_text", "termin",
    "book_analysis_line", "data_umum", "package_parameter", "package_settings", "section", "item",
    "item_funding", "measurement", "factor",
)

#: The Decimal columns (:class:`~.types.DecimalText`: canonical text) of each table; checked
#: against the ORM classes by the same test.
DECIMAL_COLUMNS: dict[str, frozenset[str]] = {
    "book": frozenset({"rate_rounding_step", "default_overhead_pct"}),
    "program": frozenset({"blm_allocation", "swadaya_min_share"}),
    "book_analysis": frozenset({"overhead_pct", "rate_rounding_step"}),
    "book_resource": frozenset({"price"}),
    "funding_rule": frozenset({"ceiling"}),
    "termin": frozenset({"percent", "amount"}),
    "book_analysis_line": frozenset({"coefficient", "price_override"}),
    "package_parameter": frozenset({"value"}),
    "package_settings": frozenset({"ppn_rate", "total_rounding_step"}),
    "item": frozenset({"custom_rate", "volume", "rate_override"}),
    "item_funding": frozenset({"percent", "amount"}),
    "factor": frozenset({"value"}),
}


class _Unstorable(ValueError):
    """A value that a column cannot hold (a float where a Decimal belongs, NaN, a type
    SQLite cannot take); the message names the table and the row."""


_EMPTY_LOCK = threading.Lock()


def _empty_project_file(scripts: str, head: str) -> bytes:
    """:func:`_migrated_empty_file`, computed once even when the window's warm-up thread and
    a save ask at the same moment."""
    with _EMPTY_LOCK:
        return _migrated_empty_file(scripts, head)


@lru_cache(maxsize=2)
def _migrated_empty_file(scripts: str, head: str) -> bytes:
    """The bytes of an empty project file at the ``head`` schema of the migrations in
    ``scripts`` (migrated by Alembic once per process and schema, then copied: running the
    migrations for every save took ~0,15 s)."""
    with tempfile.TemporaryDirectory(prefix="dtpl-schema-") as folder:
        path = Path(folder) / "empty.dtpl"
        engine = migrate.sqlite_engine(path, foreign_keys=False)
        try:
            with engine.begin() as conn:
                migrate.upgrade(conn, "project")
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            engine.dispose()
        return path.read_bytes()


def prepare_saving() -> None:
    """Do now, once per process, what the first save would otherwise do: load Alembic and
    SQLAlchemy and migrate the empty project file (~0,4 s). The window calls it off the GUI
    thread after a project is shown, so that the first save is as quick as the next ones."""
    _empty_project_file(migrate.SCRIPT_LOCATIONS["project"], migrate.head_revision("project"))


def _insert_many(con: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` ``rows`` (dicts with the same keys) into ``table`` with one
    ``executemany``. A Decimal column's value is stored as its canonical text
    (:func:`~.conversions.decimal_to_text`, the rule of :class:`~.types.DecimalText`: a
    float, a bool or NaN is refused); other values go to SQLite as they are.

    Raises:
        _Unstorable: a value the column cannot hold (table and row named).
    """
    names = list(rows[0])
    decimals = [i for i, name in enumerate(names) if name in DECIMAL_COLUMNS.get(table, ())]
    params = []
    for n, row in enumerate(rows):
        values = [row[name] for name in names]
        try:
            for i in decimals:
                values[i] = decimal_to_text(values[i])
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise _Unstorable(f"{table} row {n + 1}: {exc}") from exc
        params.append(values)
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    try:
        con.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', params)
    except (sqlite3.InterfaceError, sqlite3.ProgrammingError) as exc:  # a type SQLite cannot bind
        raise _Unstorable(f"{table}: {exc}") from exc


_Rows = dict[Any, list[dict[str, Any]]]


def _program_rows(program: Program) -> _Rows:
    """Every row of ``program`` per table (primary keys numbered here, 1-based), ready for
    one ``INSERT … executemany`` per table in foreign-key order.

    Raises:
        ValueError: a price book whose dict keys differ from its resource keys/analysis codes.
    """
    rows: _Rows = defaultdict(list)
    rows["program"].append({
        "id": 1, "kelurahan": program.kelurahan, "kecamatan": program.kecamatan,
        "kota": program.kota, "provinsi": program.provinsi, "program": program.program,
        "fiscal_year": program.fiscal_year, "bkm": program.bkm,
        "blm_allocation": program.blm_allocation, "title": program.title,
        "swadaya_min_share": None if program.swadaya_rule is None else program.swadaya_rule.min_share,
        "swadaya_rule_source": "" if program.swadaya_rule is None else program.swadaya_rule.source_ref,
    })
    rows["funding_rule"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "program": r.program,
         "component": Component(r.component).value, "ceiling": r.ceiling, "source_ref": r.source_ref,
         "note": r.note, "year": r.year}
        for i, r in enumerate(program.rules))
    rows["termin"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "percent": t.percent,
         "milestone": t.milestone, "amount": t.amount}
        for i, t in enumerate(program.termins))
    rows["signatory"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "role": s.role, "name": s.name,
         "job_title": s.position, "date": s.date, "kind": s.kind, "nip": s.nip}
        for i, s in enumerate(program.signatories))
    rows["attachment"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "uid": a.id,
         "package_uid": a.package_id or "", "kind": AttachmentKind(a.kind).value,
         "title": a.title, "sheet": a.sheet, "scale": a.scale, "note": a.note,
         "filename": a.filename, "media_type": MediaType(a.media_type).value, "pages": a.pages,
         "width": a.width, "height": a.height, "sha256": a.sha256, "data": bytes(a.data)}
        for i, a in enumerate(program.attachments))
    rows["spec_text"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "key": key, "title": c.title,
         "keywords": ", ".join(c.keywords), "scope": c.scope, "materials": c.materials,
         "method": c.method, "quality": c.quality, "measurement": c.measurement}
        for i, (key, c) in enumerate(program.spec_texts.items()))
    rows["spec_link"].extend(
        {"id": i + 1, "program_id": 1, "position": i, "node_uid": uid, "keys": ",".join(keys)}
        for i, (uid, keys) in enumerate(program.spec_links.items()))
    data_rows = rows["data_umum"]
    for key, value in _data_pairs(program.data):
        data_rows.append({"id": len(data_rows) + 1, "program_id": 1, "package_id": None,
                          "key": key, "value": value})
    books: dict[int, int] = {}  # id(PriceBook) → book row id: a shared book is stored once
    counters: dict[str, int] = defaultdict(int)

    def next_id(table: str) -> int:
        counters[table] += 1
        return counters[table]

    for i, pkg in enumerate(program.packages):
        book_id = books.get(id(pkg.book))
        if book_id is None:
            book_id = books[id(pkg.book)] = next_id("book")
            _book_rows(pkg.book, pkg.name, book_id, rows, next_id)
        package_id = i + 1
        rows["package"].append({
            "id": package_id, "program_id": 1, "position": i, "uid": pkg.id, "name": pkg.name,
            "component": Component(pkg.component).value, "ksm": pkg.ksm, "location": pkg.location,
            "description": pkg.description, "price_basis_note": pkg.price_basis_note,
            "book_id": book_id,
        })
        for key, value in _data_pairs(pkg.data):
            data_rows.append({"id": len(data_rows) + 1, "program_id": 1,
                              "package_id": package_id, "key": key, "value": value})
        settings = pkg.settings
        rows["package_settings"].append({
            "package_id": package_id, "volume_decimals": settings.volume_decimals,
            "ppn_rate": settings.ppn_rate, "ppn_label": settings.ppn_label,
            "total_rounding_step": settings.total_rounding.step,
            "total_rounding_mode": RoundingMode(settings.total_rounding.mode).value,
            "crew_size": settings.crew_size, "work_days_per_week": settings.work_days_per_week,
        })
        rows["package_parameter"].extend(
            {"id": next_id("package_parameter"), "package_id": package_id, "position": k,
             "name": p.name, "value": p.value, "unit": p.unit, "description": p.description}
            for k, p in enumerate(pkg.parameters))
        for j, section in enumerate(pkg.sections):
            _section_rows(section, package_id, None, j, rows, next_id)
    return rows


def _data_pairs(data: ProgramData | PackageData) -> list[tuple[str, str]]:
    """The filled fields of a data umum value as ``(key, text)`` (None and "" are left out)."""
    out = []
    for name in field_names(type(data)):
        value = getattr(data, name)
        if value is None or value == "":
            continue
        out.append((name, str(value)))
    return out


#: Field kinds of the data umum for reading them back.
_DATA_COUNTS = frozenset(COUNT_FIELDS)
_DATA_DEGREES = frozenset({"latitude", "longitude"})


def _data_from_pairs(cls: type, pairs: list[tuple[str, str]], where: str,
                     notes: list[Finding]) -> ProgramData | PackageData:
    """A :class:`ProgramData`/:class:`PackageData` from stored pairs. An unknown key (from a
    newer app) is ignored; a number that cannot be read is left empty and named in a
    warning of ``notes`` (never a silent zero)."""
    known = set(field_names(cls))
    values: dict[str, object] = {}
    for key, text in pairs:
        if key not in known:
            continue
        if key in _DATA_COUNTS or key in _DATA_DEGREES:
            try:
                values[key] = (parse_count(text, key) if key in _DATA_COUNTS
                               else parse_coordinate(text, key))
            except DataUmumError as exc:
                notes.append(Finding(Severity.WARNING, f"{exc}; dibiarkan kosong", location=where,
                                     raw=text, code="data-umum-stored"))
            continue
        values[key] = text
    return cls(**values)


def _book_rows(book: PriceBook, package_name: str, book_id: int, rows: _Rows, next_id) -> None:
    for key, res in book.resources.items():
        if key != res.key:
            raise ValueError(f"price book of package {package_name!r}: resource stored under "
                             f"{key!r} has key {res.key!r}")
    for code, analysis in book.analyses.items():
        if code != analysis.code:
            raise ValueError(f"price book of package {package_name!r}: analysis stored under "
                             f"{code!r} has code {analysis.code!r}")
    rows["book"].append({"id": book_id, **meta_columns(book.meta),
                                       "content_hash": book.content_hash()})
    rows["book_resource"].extend(
        {"id": next_id("book_resource"), "book_id": book_id, **resource_columns(r, i)}
        for i, r in enumerate(book.resources.values()))
    for i, analysis in enumerate(book.analyses.values()):
        analysis_id = next_id("book_analysis")
        rows["book_analysis"].append({"id": analysis_id, "book_id": book_id,
                                                   **analysis_columns(analysis, i)})
        rows["book_analysis_line"].extend(
            {"id": next_id("book_analysis_line"), "analysis_id": analysis_id, **line_columns(ln, k)}
            for k, ln in enumerate(analysis.lines))


def _section_rows(section: Section, package_id: int, parent_id: int | None, position: int,
                  rows: _Rows, next_id) -> None:
    section_id = next_id("section")
    rows["section"].append({
        "id": section_id, "package_id": package_id, "parent_id": parent_id, "position": position,
        "uid": section.id, "title": section.title,
        "funding": None if section.funding is None else FundingSource(section.funding).value,
        "kind": SectionKind(section.kind).value,
    })
    items = rows["item"]
    measurements = rows["measurement"]
    factors = rows["factor"]
    for k, child in enumerate(section.children):
        if isinstance(child, Section):
            _section_rows(child, package_id, section_id, k, rows, next_id)
            continue
        item_id = next_id("item")
        items.append({
            "id": item_id, "section_id": section_id, "position": k, "uid": child.id,
            "description": child.description, "unit": child.unit,
            "analysis_code": child.analysis_code, "custom_rate": child.custom_rate,
            "custom_reason": child.custom_reason, "custom_source": child.custom_source,
            "volume": child.volume,
            "funding": "" if child.funding is None else FundingSource(child.funding).value,
            "rate_override": child.rate_override,
            "override_reason": child.override_reason, "note": child.note,
            "start_week": child.start_week, "duration_weeks": child.duration_weeks,
        })
        rows["item_funding"].extend(
            {"id": next_id("item_funding"), "item_id": item_id, "position": n,
             "source": FundingSource(share.source).value, "percent": share.percent,
             "amount": share.amount}
            for n, share in enumerate(child.funding_split))
        for m, line in enumerate(child.measurements):
            measurement_id = next_id("measurement")
            measurements.append({"id": measurement_id, "item_id": item_id, "position": m,
                                 "uid": line.id, "description": line.description, "sign": line.sign,
                                 "expression": line.expression, "link_uid": line.link})
            factors.extend(
                {"id": next_id("factor"), "measurement_id": measurement_id, "position": f,
                 "label": fac.label, "value": fac.value, "unit": fac.unit}
                for f, fac in enumerate(line.factors))


def _previous_history(target: Path) -> tuple[list[AuditEntry], str | None, str, Snapshot | None]:
    """Audit log, ``created_at`` and prices (:func:`~dtpl_studio.storage.audit_log.file_snapshot`)
    of the file being replaced, best effort.

    Returns ``([], None, "", None)`` for a new file; for a file that is not a readable
    project file the third value is a note appended to the new entry.
    """
    if not target.exists():
        return [], None, "", None
    try:
        with _ro_connect(target) as con:
            history = read_entries(con)
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("format") != FORMAT:
                return [], None, " (mengganti berkas yang bukan proyek DTPL)", None
            try:
                prices: Snapshot | None = file_snapshot(con)
            except (sqlite3.Error, KeyError, TypeError):
                prices = None
        return history, meta.get("created_at"), "", prices
    except (sqlite3.Error, OSError, TypeError):
        return [], None, " (log audit berkas sebelumnya tidak dapat dibaca)", None


def _audit_record(entry: AuditEntry):
    from dtpl_studio.storage.project_records import AuditLogRecord

    return AuditLogRecord(**_audit_columns(entry))


def _audit_columns(entry: AuditEntry) -> dict[str, Any]:
    return {"at": entry.at, "who": entry.who, "action": entry.action, "detail": entry.detail,
            "subject": entry.subject, "old_value": entry.old, "new_value": entry.new,
            "prev_hash": entry.prev_hash, "entry_hash": entry.entry_hash}


def _copy_mode(source: Path, dest: Path) -> None:
    try:
        shutil.copymode(source, dest)
    except OSError:
        pass  # new file (or no permission): keep the default mode


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where directories cannot be opened."""
    if os.name == "nt":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace_file(source: Path, target: Path) -> None:
    """``os.replace`` with a few retries on Windows, where an antivirus or indexer may hold the
    target open for a moment (``PermissionError``)."""
    for attempt in range(10):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.05 * (attempt + 1))  # pragma: no cover


def _remove_quietly(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        try:
            p.unlink()
        except OSError:
            pass


# =============================================================================================
# load
# =============================================================================================

@contextmanager
def _ro_connect(path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    try:
        yield con
    finally:
        con.close()


def inspect_project_file(path: Path | str) -> ProjectFileInfo:
    """Check that ``path`` is a readable DTPL project file and say which schema it has.

    Reads only (``mode=ro``); runs SQLite's ``integrity_check`` and ``foreign_key_check``.

    Raises:
        ProjectFileError: the file is missing, not an SQLite database, not a DTPL project
            (a price library, another program's database), damaged, or made by a newer DTPL
            Studio (``state == "unknown"`` is never returned; it raises with the app version
            that wrote the file).
    """
    path = Path(path)
    if not path.exists():
        raise ProjectFileError(path, "file not found", code="file.not_found")
    if not path.is_file():
        raise ProjectFileError(path, "not a file", code="file.is_folder")
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        known = from_os_error(exc, path, action="read")
        raise ProjectFileError(path, f"cannot read the file: {exc.strerror or exc}", code=known.code,
                               params=known.params) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise ProjectFileError(
            path, "not a DTPL project file: it is not an SQLite database "
                  "(a .dtpl file starts with 'SQLite format 3')", code="project.not_project")
    try:
        with _ro_connect(path) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            meta = dict(con.execute("SELECT key, value FROM meta").fetchall()) if "meta" in tables else {}
            row = (con.execute("SELECT version_num FROM alembic_version").fetchone()
                   if "alembic_version" in tables else None)
            integrity = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
            fk_problems = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(path, f"the file is damaged and cannot be read (SQLite: {exc})",
                               code=_db_code(exc, "project.damaged")) from exc
    except (sqlite3.Error, OSError) as exc:
        raise ProjectFileError(path, f"cannot read the file: {exc}", code=classify(exc, path).code) from exc
    if app_id == migrate.APPLICATION_IDS["library"] or meta.get("format") == migrate.FORMATS["library"]:
        raise ProjectFileError(path, "this is a DTPL Studio price library, not a project file",
                               code="project.is_library")
    if app_id not in (0, APPLICATION_ID) or (meta and meta.get("format") not in (None, FORMAT)):
        raise ProjectFileError(path, "not a DTPL project file: an SQLite database of another application",
                               code="project.not_project")
    if row is None or "program" not in tables:
        raise ProjectFileError(path, "not a DTPL project file: an SQLite database without DTPL project tables",
                               code="project.not_project")
    if integrity != ["ok"]:
        raise ProjectFileError(path, "the file is damaged (SQLite integrity check: "
                                     + "; ".join(integrity[:3]) + ")", code="project.damaged")
    if fk_problems:
        raise ProjectFileError(path, f"the file is damaged: {len(fk_problems)} broken reference(s) "
                                     f"(first in table {fk_problems[0][0]})", code="project.damaged")
    revision = row[0]
    head = migrate.head_revision("project")
    state = migrate.revision_state("project", revision)
    if state == "unknown":
        made_by = meta.get("app_version")
        by = f"DTPL Studio {made_by}" if made_by else "a newer DTPL Studio"
        raise ProjectFileError(
            path, f"this file was saved by {by} (file schema {revision}); this is DTPL Studio "
                  f"{__version__}, which knows schemas up to {head}. Update DTPL Studio to open it.",
            code="project.newer", params={"made_by": made_by or "", "version": __version__})
    return ProjectFileInfo(path, revision, head, state, meta)


def upgrade_project_file(path: Path | str, *, who: str | None = None) -> tuple[str, str]:
    """Upgrade ``path`` to this app's schema in place, atomically.

    The file is copied (SQLite backup API) to a temporary file in the same folder, migrated
    there with foreign keys off (Alembic batch migrations rebuild tables), checked with
    ``foreign_key_check``, given an audit entry, fsync'ed, and moved over ``path``. A failure
    leaves ``path`` untouched.

    Returns:
        ``(old_revision, new_revision)``; equal when there was nothing to do.

    Raises:
        ProjectFileError: as :func:`inspect_project_file`, or the migration failed, or the
            folder is not writable.
    """
    path = Path(path)
    info = inspect_project_file(path)
    assert info.revision is not None
    if info.state == "current":
        return info.revision, info.head
    target = Path(os.path.realpath(path))
    tmp = temp_path(target, "saving")
    try:
        _upgraded_copy(target, tmp, info.revision, who)
        _copy_mode(target, tmp)
        _fsync_file(tmp)
        _replace_file(tmp, target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        _remove_quietly(tmp)
        if isinstance(exc, ProjectFileError):
            raise
        if isinstance(exc, OSError | sqlite3.Error) or _is_sqlalchemy_error(exc):
            raise ProjectFileError(path, f"cannot upgrade the file: {_short(exc)}",
                                   code=_db_code(exc, "project.upgrade_failed")) from exc
        raise
    return info.revision, info.head


def _upgraded_copy(source: Path, dest: Path, from_revision: str, who: str | None) -> None:
    """Copy ``source`` to ``dest`` and migrate ``dest`` to head (one transaction)."""
    with _ro_connect(source) as src:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    from sqlalchemy.orm import Session

    from dtpl_studio.storage.project_records import MetaRecord

    head = migrate.head_revision("project")
    engine = migrate.sqlite_engine(dest, foreign_keys=False)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn, "project")
            problems = migrate.foreign_key_violations(conn)
            if problems:
                raise ProjectFileError(source, f"schema upgrade left {len(problems)} broken "
                                               f"reference(s) (first in table {problems[0][0]})")
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            session = Session(bind=conn)
            last = conn.exec_driver_sql("SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            session.add(_audit_record(link(AuditEntry(_now(), who or default_actor(), "upgrade",
                                                      f"schema {from_revision} → {head}"),
                                           last[0] if last else GENESIS)))
            session.merge(MetaRecord(key="schema_revision", value=head))
            session.merge(MetaRecord(key="format", value=FORMAT))
            session.flush()
            session.close()
    finally:
        engine.dispose()


def load_program(path: Path | str, *, verify: bool = True, upgrade: bool = True,
                 info: ProjectFileInfo | None = None) -> Program:
    """Read the :class:`Program` stored in the project file ``path``.

    A file with an older schema is upgraded first: in place and atomically
    (:func:`upgrade_project_file`) when ``upgrade`` is true and the folder is writable,
    otherwise on a temporary copy (the file on disk then gets the new schema at the next
    save). The file itself is read with ``mode=ro``.

    Args:
        path: the ``.dtpl`` file.
        verify: compare each pinned book's content hash with the hash recorded when it was
            saved; a difference means the file was edited outside DTPL Studio, and is an
            error. Pass False only to rescue such a file after telling the user.
        upgrade: allow the in-place upgrade of an older file.
        info: what :func:`inspect_project_file` just said of ``path`` (the caller checked the
            file a moment ago: its integrity check is not run twice per open).

    Returns:
        A new :class:`Program`: packages in order, each with its own :class:`PriceBook`
        (packages that shared one book object when saved share one again), section trees
        with the mixed order of sections and items, measurement lines and factors in order,
        model ids (``Item.id``…) as saved.

    Raises:
        ProjectFileError: not found, not SQLite, not a DTPL project, a newer schema than this
            app knows, damaged (integrity check, broken references, a value the model cannot
            take, a tree that does not hang together), or (with ``verify``) a pinned book
            that does not match its recorded content hash.
    """
    path = Path(path)
    if info is None or info.path != path:
        info = inspect_project_file(path)
    if info.state == "current":
        return _read_program(path, path, verify)
    real = Path(os.path.realpath(path))
    if upgrade and os.access(real.parent, os.W_OK) and os.access(real, os.W_OK):
        upgrade_project_file(path)
        return _read_program(path, path, verify)
    scratch = Path(tempfile.mkdtemp(prefix="dtpl-upgrade-"))
    try:
        copy = scratch / path.name
        _upgraded_copy(path, copy, info.revision or "", None)
        return _read_program(copy, path, verify)
    except Exception as exc:
        if not isinstance(exc, OSError | sqlite3.Error) and not _is_sqlalchemy_error(exc):
            raise
        raise ProjectFileError(path, f"cannot upgrade the file: {_short(exc)}",
                               code=_db_code(exc, "project.upgrade_failed")) from exc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _read_program(db_path: Path, path: Path, verify: bool) -> Program:
    try:
        con = sqlite3.connect(Path(db_path).resolve().as_uri() + "?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        raise ProjectFileError(path, f"cannot read the file: {exc}", code=_db_code(exc, "project.damaged")) from exc
    try:
        con.isolation_level = None
        con.execute("BEGIN")  # one read transaction: every table as of one moment
        with gc_paused():
            return _assemble(con, verify, _Numbers(path))
    except ProjectFileError:
        raise
    except _HashMismatch as exc:
        raise ProjectFileError(path, str(exc), code="project.book_changed",
                               params={"book": exc.label}) from exc
    except _AttachmentChanged as exc:
        raise ProjectFileError(path, str(exc), code="attachment.hash_mismatch",
                               params={"name": exc.label}) from exc
    except StoredValueError as exc:
        raise ProjectFileError(path, f"the file is damaged: {exc}", code="project.damaged") from exc
    except sqlite3.Error as exc:
        raise ProjectFileError(path, f"the file is damaged: {_short(exc)}",
                               code=_db_code(exc, "project.damaged")) from exc
    except (InvalidOperation, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise ProjectFileError(path, f"the file is damaged: {_short(exc)}", code="project.damaged") from exc
    finally:
        con.close()


class _Corrupt(StoredValueError):
    pass


_Row = Any  # a named tuple of one table's columns (:func:`_table_rows`)


@lru_cache(maxsize=64)
def _row_type(table: str, names: tuple[str, ...]) -> type:
    return namedtuple(f"{table}_row", names)  # columns known at run time


def _table_rows(con: sqlite3.Connection, table: str, *order: str) -> list[_Row]:
    """The rows of ``table`` as named tuples (``row.description``…), ordered by the
    ``order`` columns, each Decimal column (:data:`DECIMAL_COLUMNS`) read by
    :func:`~.conversions.decimal_from_text` as :class:`~.types.DecimalText` reads it: plain
    ``sqlite3``, no ORM object and no SQLAlchemy per row (issue 10: building ORM objects was
    most of opening a 2 000-item project, importing SQLAlchemy 0,3-0,5 s of every open)."""
    sql = f'SELECT * FROM "{table}"'
    if order:
        sql += " ORDER BY " + ", ".join(f'"{name}"' for name in order)
    cursor = con.execute(sql)
    names = tuple(d[0] for d in cursor.description)
    make = _row_type(table, names)._make
    decimals = [i for i, name in enumerate(names) if name in DECIMAL_COLUMNS.get(table, ())]
    if not decimals:
        return [make(r) for r in cursor]
    out = []
    for r in cursor:
        values = list(r)
        for i in decimals:
            values[i] = decimal_from_text(values[i])
        out.append(make(values))
    return out


def _is_sqlalchemy_error(exc: BaseException) -> bool:
    """True for an SQLAlchemy error (only the upgrade and the first save's schema use
    SQLAlchemy; it is not imported to ask)."""
    module = sys.modules.get("sqlalchemy.exc")
    return module is not None and isinstance(exc, module.SQLAlchemyError)


#: Limits of the program-level amounts (BLM allocation, ceilings): those of a unit rate
#: (:data:`dtpl_studio.costing.funding.MAX_AMOUNT`, the one rule of
#: :func:`~dtpl_studio.costing.funding.amount_problem`).
MAX_AMOUNT = FUNDING_MAX_AMOUNT
assert MAX_AMOUNT == MAX_RATE


class _Numbers:
    """Range checks of every number read from the RAB part of a project file (issue 5 fault 2).

    A bad number becomes a :class:`StoredValueNote` (an error finding naming the file, the
    table, the row and the column) attached to the package it belongs to (program-level
    numbers: to the first package), instead of refusing the whole file. A readable number
    out of range is kept as stored; an unreadable one is replaced by ``replacement`` (what the
    finding's ``action`` says). The pinned price books are not read here: they are
    verified as a whole by their content hash.
    """

    def __init__(self, path: Path):
        self.file = path.name
        self.notes: list[tuple[int | None, StoredValueNote]] = []  # (package id, note)

    def _note(self, package: int | None, table: str, row: object, column: str, raw: object,
              message: str, action: str, *target_attribute_value: Any,
              severity: Severity = Severity.ERROR) -> None:
        raw_text = raw if isinstance(raw, str) else ("" if raw is None else _shown(raw))
        finding = Finding(severity, message, location=f"{self.file} | tabel {table} baris {row} kolom {column}",
                          raw=raw_text[:80], action=action, code="stored-value")
        self.notes.append((package, StoredValueNote(finding, *target_attribute_value)))

    def decimal(self, raw: object, table: str, row: object, column: str, package: int | None, *,
                low: Decimal | None = ZERO, high: Decimal | None = None,
                replacement: Decimal | None = ZERO, low_reason: str = "") -> Any:
        """The stored Decimal if it is finite and in ``[low, high]``; else a note and the value
        kept (readable) or ``replacement`` (unreadable). Returns ``(value, problem)`` where
        ``problem`` is the note text to attach once the model object exists, or ""."""
        if isinstance(raw, Decimal) and raw.is_finite():
            if low is not None and raw < low:
                return raw, (f"nilai {_shown(raw)} di bawah batas {_shown(low)}"
                             + (f" ({low_reason})" if low_reason else ""),
                             "dibiarkan seperti tersimpan; salah sampai nilainya diperbaiki")
            if high is not None and abs(raw) > high:
                return raw, (f"nilai {_shown(raw)} di atas batas {_shown(high)}",
                             "dibiarkan seperti tersimpan; salah sampai nilainya diperbaiki")
            return raw, None
        shown = "kosong" if raw in ("", None) else "bukan angka"
        return replacement, (f"nilai tersimpan tidak terbaca ({shown})",
                             f"diganti {_shown(replacement)}; ketik ulang nilainya")

    def enum(self, cls: Any, raw: object, table: str, row: object, column: str, package: int | None,
             default: Any, default_text: str) -> tuple[Any, tuple[str, str] | None]:
        """A text-coded column read as ``cls`` (issue 5, fix5 point 4): the member, or
        ``default`` and a problem naming the raw value and the values allowed, to attach once
        the model object exists, so one bad code never refuses the whole file.

        Returns ``(value, problem)`` (problem None when the value is known).
        """
        try:
            return parse_enum(cls, raw, f"{table} {row}.{column}"), None  # type: ignore[arg-type]
        except (StoredValueError, TypeError, ValueError):
            allowed = ", ".join(repr(m.value) for m in cls if m.value) or "—"
            shown = "kosong" if raw in ("", None) else repr(raw)[:40]
            return default, (f"nilai {shown} tidak dikenal (yang sah: {allowed})", f"dipakai {default_text}")

    def attach(self, problem: tuple[str, str] | None, raw: object, table: str, row: object,
               column: str, package: int | None, target: Any, attribute: str) -> None:
        if problem is None:
            return
        message, action = problem
        if target is None:
            self._note(package, table, row, column, raw, message, action)
        else:
            self._note(package, table, row, column, raw, message, action, target, attribute,
                       getattr(target, attribute))

    def amount(self, raw: object, table: str, row: object, column: str) -> Any:
        """A programme amount (a ceiling, the BLM allocation) under the one rule of
        :func:`~dtpl_studio.costing.funding.amount_problem` — whole rupiah in
        ``[0, MAX_AMOUNT]`` — the rule the Program BLM dialog and the core edit apply, so
        the same content gets the same verdict in the window and after a reload. Returns
        ``(value, problem)`` as :meth:`decimal` (unreadable: 0)."""
        value, problem = self.decimal(raw, table, row, column, None, high=MAX_AMOUNT, replacement=ZERO)
        if problem is None and amount_problem(value) == "fraction":
            problem = (f"nilai {_shown(value)} bukan rupiah bulat",
                       "dibiarkan seperti tersimpan; salah sampai nilainya diperbaiki")
        return value, problem

    def tag_item(self, start: int, item_id: str) -> None:
        """Name ``item_id`` on the notes made since ``start`` (an item's own values: its
        volume, rates, measurement lines, funding shares), so that a finding about them
        selects the item and counts as that item in the verdict."""
        for k in range(start, len(self.notes)):
            pid, note = self.notes[k]
            self.notes[k] = (pid, replace(note, finding=replace(note.finding, item_id=item_id)))

    def within(self, target: Any, owner: Any, attribute: str) -> None:
        """Tie the notes about the frozen ``target`` (a rule row, the swadaya rule) to
        ``owner.attribute`` (:attr:`StoredValueNote.within`)."""
        for k, (pid, note) in enumerate(self.notes):
            if note.target is target:
                self.notes[k] = (pid, replace(note, within=(owner, attribute)))

    def for_package(self, package_id: int, first: bool) -> list[StoredValueNote]:
        return [note for pid, note in self.notes if pid == package_id or (first and pid is None)]


def _shown(value: object) -> str:
    """Every value (stored, limit, replacement) a loader finding shows, through one helper:
    Indonesian numbers, a power of ten beyond 10^18 (``1 × 10^30``), ``kosong`` for nothing
    (:func:`dtpl_studio.costing.formatting.format_stored_value`)."""
    return format_stored_value(value)


def _year(raw: object) -> str:
    """A stored fiscal year in a finding: a whole number of up to four digits as written
    (``1800``, never ``1.800``); anything else as every other stored value (:func:`_shown`)."""
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 9999:
        return str(raw)
    return _shown(raw)


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def _stored_int(raw: object) -> int | None:
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else None


def _assemble(session: sqlite3.Connection, verify: bool, numbers: _Numbers) -> Program:
    programs = _table_rows(session, "program")
    if len(programs) != 1:
        raise _Corrupt(f"expected one program row, found {len(programs)}")
    prec = programs[0]

    rules = []
    for r in _table_rows(session, "funding_rule", "position"):
        component, enum_problem = numbers.enum(Component, r.component, "funding_rule", r.id, "component",
                                               None, None, "")
        if enum_problem is not None:  # a ceiling for an unknown component cannot be applied
            numbers.attach((enum_problem[0], "aturan pagu ini tidak dipakai; perbaiki atau hapus di "
                            "jendela Program BLM (menyimpan akan menghapusnya)"),
                           r.component, "funding_rule", r.id, "component", None, None, "")
            continue
        ceiling, problem = numbers.amount(r.ceiling, "funding_rule", r.id, "ceiling")
        rule = FundingRule(r.program, component, ceiling, r.source_ref, r.note, r.year)
        numbers.attach(problem, r.ceiling, "funding_rule", r.id, "ceiling", None, rule, "ceiling")
        rules.append(rule)
    termins = []
    for t in _table_rows(session, "termin", "position"):
        percent, problem = numbers.decimal(t.percent, "termin", t.id, "percent", None,
                                           high=Decimal(100), replacement=ZERO)
        numbers.attach(problem, t.percent, "termin", t.id, "percent", None, None, "")
        amount = None
        if t.amount is not None:
            amount, problem = numbers.decimal(t.amount, "termin", t.id, "amount", None,
                                              high=MAX_AMOUNT, replacement=None)
            numbers.attach(problem, t.amount, "termin", t.id, "amount", None, None, "")
        termins.append(Termin(percent, t.milestone, amount))
    swadaya_rule = None
    if prec.swadaya_min_share is not None:
        share, problem = numbers.decimal(prec.swadaya_min_share, "program", prec.id,
                                         "swadaya_min_share", None, high=Decimal(1), replacement=ZERO)
        swadaya_rule = SwadayaRule(share, prec.swadaya_rule_source)
        numbers.attach(problem, prec.swadaya_min_share, "program", prec.id, "swadaya_min_share",
                       None, swadaya_rule, "min_share")
    signatories = [
        Signatory(role=s.role, name=s.name, position=s.job_title, date=s.date, kind=s.kind,
                  nip=s.nip)
        for s in _table_rows(session, "signatory", "position")
    ]
    data_notes: dict[int | None, list[Finding]] = defaultdict(list)
    data_pairs: dict[int | None, list[tuple[str, str]]] = defaultdict(list)
    for d in _table_rows(session, "data_umum", "id"):
        data_pairs[d.package_id].append((d.key, d.value))
    books = _read_books(session, verify)

    sections_by_parent: dict[tuple[int, int | None], list[_Row]] = defaultdict(list)
    all_sections = _table_rows(session, "section", "position", "id")
    for s in all_sections:
        sections_by_parent[(s.package_id, s.parent_id)].append(s)
    items_by_section: dict[int, list[_Row]] = defaultdict(list)
    all_items = _table_rows(session, "item", "position", "id")
    for it in all_items:
        items_by_section[it.section_id].append(it)
    lines_by_item: dict[int, list[_Row]] = defaultdict(list)
    for m in _table_rows(session, "measurement", "position"):
        lines_by_item[m.item_id].append(m)
    factors_by_line: dict[int, list[_Row]] = defaultdict(list)
    for f in _table_rows(session, "factor", "position"):
        factors_by_line[f.measurement_id].append(f)

    parameters_by_package: dict[int, list[_Row]] = defaultdict(list)
    for prm in _table_rows(session, "package_parameter", "position"):
        parameters_by_package[prm.package_id].append(prm)

    def build_parameter(rec: _Row) -> Parameter:
        value, problem = numbers.decimal(rec.value, "package_parameter", rec.id, "value", package_id,
                                         high=MAX_PARAMETER, low_reason="pengurangan ditulis sebagai "
                                         "baris 'Kurangi'")
        parameter = Parameter(rec.name, value, rec.unit or "", rec.description or "")
        numbers.attach(problem, rec.value, "package_parameter", rec.id, "value", package_id, parameter, "value")
        return parameter

    built_sections = 0
    built_items = 0

    package_id = 0  # the package being built (for the notes of its rows)

    shares_by_item: dict[int, list[_Row]] = defaultdict(list)
    for sh in _table_rows(session, "item_funding", "position"):
        shares_by_item[sh.item_id].append(sh)

    def build_share(rec: _Row) -> FundingShare:
        percent = amount = None
        if rec.percent is not None:
            percent, problem = numbers.decimal(rec.percent, "item_funding", rec.id, "percent",
                                               package_id, high=Decimal(100), replacement=None)
            numbers.attach(problem, rec.percent, "item_funding", rec.id, "percent", package_id, None, "")
        if rec.amount is not None:
            amount, problem = numbers.decimal(rec.amount, "item_funding", rec.id, "amount",
                                              package_id, high=MAX_AMOUNT, replacement=None)
            numbers.attach(problem, rec.amount, "item_funding", rec.id, "amount", package_id, None, "")
        source, problem = numbers.enum(FundingSource, rec.source, "item_funding", rec.id, "source",
                                       package_id, FundingSource.LAINNYA, "'lainnya' (CSR/lain)")
        share = FundingShare(source, percent, amount)
        numbers.attach(problem, rec.source, "item_funding", rec.id, "source", package_id, share, "source")
        return share

    def build_item(rec: _Row) -> Item:
        nonlocal built_items
        built_items += 1
        notes_before = len(numbers.notes)
        measurements = []
        for m in lines_by_item.get(rec.id, []):
            factors = []
            for f in factors_by_line.get(m.id, []):
                value, problem = numbers.decimal(f.value, "factor", f.id, "value", package_id,
                                                 high=MAX_VOLUME, low_reason="pengurangan ditulis "
                                                 "sebagai baris 'dikurangi'")
                factor = Factor(f.label, value, f.unit)
                numbers.attach(problem, f.value, "factor", f.id, "value", package_id, factor, "value")
                factors.append(factor)
            sign = _stored_int(m.sign)
            line = Measurement(m.description, factors, sign if sign in (1, -1) else 1, id=m.uid,
                               expression=m.expression or "", link=m.link_uid or None)
            if sign not in (1, -1):
                numbers.attach((f"tanda {_shown(m.sign)} bukan 1 atau -1 (-1 = pengurangan)",
                                "dibaca sebagai 1 (ditambahkan); periksa baris ini"),
                               m.sign, "measurement", m.id, "sign", package_id, line, "sign")
            measurements.append(line)
        custom_rate, custom_problem = (None, None) if rec.custom_rate is None else numbers.decimal(
            rec.custom_rate, "item", rec.id, "custom_rate", package_id, high=MAX_RATE, replacement=None)
        override, override_problem = (None, None) if rec.rate_override is None else numbers.decimal(
            rec.rate_override, "item", rec.id, "rate_override", package_id, high=MAX_RATE, replacement=None)
        volume, volume_problem = numbers.decimal(rec.volume, "item", rec.id, "volume", package_id,
                                                 high=MAX_VOLUME)
        funding, funding_problem = (None, None) if rec.funding in ("", None) else numbers.enum(
            FundingSource, rec.funding, "item", rec.id, "funding", package_id, None,
            "sumber dana divisinya")
        item = Item(
            description=rec.description,
            unit=rec.unit,
            analysis_code=rec.analysis_code,
            custom_rate=custom_rate,
            custom_reason=rec.custom_reason,
            custom_source=rec.custom_source,
            volume=volume,
            measurements=measurements,
            funding=funding,
            funding_split=[build_share(sh) for sh in shares_by_item.get(rec.id, [])],
            rate_override=override,
            override_reason=rec.override_reason,
            note=rec.note,
            id=rec.uid,
            # a value out of range is kept and reported by the jadwal (default used there)
            start_week=_stored_int(rec.start_week),
            duration_weeks=_stored_int(rec.duration_weeks),
        )
        numbers.attach(custom_problem, rec.custom_rate, "item", rec.id, "custom_rate", package_id, item, "custom_rate")
        numbers.attach(override_problem, rec.rate_override, "item", rec.id, "rate_override", package_id,
                       item, "rate_override")
        numbers.attach(funding_problem, rec.funding, "item", rec.id, "funding", package_id, item, "funding")
        if volume_problem is not None and not measurements:  # a volume under back-up lines is unused
            numbers.attach(volume_problem, rec.volume, "item", rec.id, "volume", package_id, item, "volume")
        numbers.tag_item(notes_before, item.id)
        return item

    def build_section(rec: _Row, depth: int) -> Section:
        nonlocal built_sections
        if depth > 1000:
            raise _Corrupt("section tree deeper than 1000 levels")
        built_sections += 1
        kids: list[tuple[int, int, int, _Row]] = [
            (s.position, 0, s.id, s) for s in sections_by_parent.get((rec.package_id, rec.id), [])
        ] + [(i.position, 1, i.id, i) for i in items_by_section.get(rec.id, [])]
        kids.sort(key=lambda k: k[:3])
        children: list[Section | Item] = [
            build_section(k[3], depth + 1) if k[1] == 0 else build_item(k[3])
            for k in kids
        ]
        funding, funding_problem = (None, None) if rec.funding in (None, "") else numbers.enum(
            FundingSource, rec.funding, "section", rec.id, "funding", package_id, None,
            "sumber dana divisi di atasnya (BLM di puncak)")
        kind, kind_problem = numbers.enum(SectionKind, rec.kind or "", "section", rec.id, "kind", package_id,
                                          SectionKind.NONE, "'belum dikategorikan'")
        section = Section(rec.title, children, id=rec.uid, funding=funding, kind=kind)
        numbers.attach(funding_problem, rec.funding, "section", rec.id, "funding", package_id, section, "funding")
        numbers.attach(kind_problem, rec.kind, "section", rec.id, "kind", package_id, section, "kind")
        return section

    packages: list[Package] = []
    settings_by_package = {st.package_id: st for st in _table_rows(session, "package_settings")}
    package_rows = _table_rows(session, "package", "position")
    for pr in package_rows:
        if pr.book_id not in books:
            raise _Corrupt(f"package {pr.id} names a missing price book {pr.book_id}")
        st = settings_by_package.get(pr.id)
        if st is None:
            raise _Corrupt(f"package {pr.id} has no settings row")
        package_id = pr.id
        default = PackageSettings()
        decimals = _stored_int(st.volume_decimals)
        decimals_problem = None
        if decimals is None or not 0 <= decimals <= MAX_VOLUME_DECIMALS:
            decimals_problem = (f"jumlah desimal volume {_shown(st.volume_decimals)} tidak di antara "
                                f"{_shown(0)} dan {_shown(MAX_VOLUME_DECIMALS)}",
                                f"dipakai {_shown(default.volume_decimals)}")
            decimals = default.volume_decimals
        ppn, ppn_problem = numbers.decimal(st.ppn_rate, "package_settings", pr.id, "ppn_rate", pr.id,
                                           high=Decimal(1), replacement=ZERO)
        step, step_problem = numbers.decimal(st.total_rounding_step, "package_settings", pr.id,
                                             "total_rounding_step", pr.id, high=MAX_ROUNDING_STEP,
                                             replacement=default.total_rounding.step)
        if step_problem is None and 0 < step and (step < MIN_ROUNDING_STEP or step != step.to_integral_value()):
            step_problem = (f"nilai {_shown(step)} bukan rupiah bulat (minimal {_shown(MIN_ROUNDING_STEP)})",
                            "dibiarkan seperti tersimpan")
        if step < 0:  # a RoundingRule cannot hold it: keep the default, say so
            step_problem, step = (f"nilai {_shown(step)} negatif", f"dipakai {_shown(default.total_rounding.step)}"), \
                default.total_rounding.step
        mode, mode_problem = numbers.enum(RoundingMode, st.total_rounding_mode, "package_settings", pr.id,
                                          "total_rounding_mode", pr.id, default.total_rounding.mode,
                                          f"{default.total_rounding.mode.value!r} (ke bawah)")
        settings = PackageSettings(
            volume_decimals=decimals,
            ppn_rate=ppn,
            ppn_label=st.ppn_label,
            total_rounding=RoundingRule(step, mode),
            # out of range: kept, reported by the jadwal, which uses the default crew
            crew_size=_or(_stored_int(st.crew_size), default.crew_size),
            work_days_per_week=_or(_stored_int(st.work_days_per_week), default.work_days_per_week),
        )
        numbers.attach(decimals_problem, st.volume_decimals, "package_settings", pr.id, "volume_decimals",
                       pr.id, settings, "volume_decimals")
        numbers.attach(ppn_problem, st.ppn_rate, "package_settings", pr.id, "ppn_rate", pr.id, settings, "ppn_rate")
        numbers.attach(step_problem, st.total_rounding_step, "package_settings", pr.id, "total_rounding_step",
                       pr.id, settings, "total_rounding")
        numbers.attach(mode_problem, st.total_rounding_mode, "package_settings", pr.id, "total_rounding_mode",
                       pr.id, settings, "total_rounding")
        component, component_problem = numbers.enum(Component, pr.component, "package", pr.id, "component",
                                                    pr.id, Component.FISIK, "'fisik'")
        package = Package(
            name=pr.name,
            component=component,
            book=books[pr.book_id],
            sections=[build_section(s, 0) for s in sections_by_parent.get((pr.id, None), [])],
            ksm=pr.ksm,
            location=pr.location,
            settings=settings,
            description=pr.description,
            id=pr.uid,
            price_basis_note=pr.price_basis_note,
            data=_data_from_pairs(PackageData, data_pairs.get(pr.id, []), f"data umum {pr.name}",
                                  data_notes[pr.id]),
            parameters=[build_parameter(prm) for prm in parameters_by_package.get(pr.id, [])],
        )
        numbers.attach(component_problem, pr.component, "package", pr.id, "component", pr.id, package, "component")
        packages.append(package)
    if built_sections != len(all_sections) or built_items != len(all_items):
        raise _Corrupt(f"{len(all_sections) - built_sections} section(s) and "
                       f"{len(all_items) - built_items} item(s) are not reachable from any package")
    allocation, allocation_problem = (None, None) if prec.blm_allocation is None else numbers.amount(
        prec.blm_allocation, "program", prec.id, "blm_allocation")
    fiscal_year = _stored_int(prec.fiscal_year)
    if prec.fiscal_year is not None and (fiscal_year is None or not 1900 <= fiscal_year <= 2200):
        numbers._note(None, "program", prec.id, "fiscal_year", prec.fiscal_year,
                      f"tahun anggaran {_year(prec.fiscal_year)} tidak wajar", "dikosongkan")
        fiscal_year = None
    program_data = _data_from_pairs(ProgramData, data_pairs.get(None, []), "data umum program",
                                    data_notes[None])
    program = Program(
        kelurahan=prec.kelurahan,
        kecamatan=prec.kecamatan,
        kota=prec.kota,
        provinsi=prec.provinsi,
        program=prec.program,
        fiscal_year=fiscal_year,
        bkm=prec.bkm,
        blm_allocation=allocation,
        rules=rules,
        packages=packages,
        signatories=signatories,
        title=prec.title,
        termins=termins,
        swadaya_rule=swadaya_rule,
        attachments=_read_attachments(session, {p.id for p in packages}, numbers),
        spec_texts={r.key: SpecClause(
            key=r.key, title=r.title, keywords=tuple(k.strip() for k in r.keywords.split(",") if k.strip()),
            scope=r.scope, materials=r.materials, method=r.method, quality=r.quality,
            measurement=r.measurement) for r in _table_rows(session, "spec_text", "position")},
        spec_links={r.node_uid: tuple(k for k in r.keys.split(",") if k)
                    for r in _table_rows(session, "spec_link", "position")},
        data=program_data,
    )
    numbers.attach(allocation_problem, prec.blm_allocation, "program", prec.id, "blm_allocation", None,
                   program, "blm_allocation")
    for rule in rules:  # an edit replaces a rule row (frozen): its note goes with the row
        numbers.within(rule, program, "rules")
    if swadaya_rule is not None:
        numbers.within(swadaya_rule, program, "swadaya_rule")
    for k, (pid, package) in enumerate(zip((pr.id for pr in package_rows), packages, strict=True)):
        package.load_notes = numbers.for_package(pid, k == 0)
        for finding in data_notes[pid] + (data_notes[None] if k == 0 else []):
            package.load_notes.append(StoredValueNote(finding))
    if not packages and numbers.notes:
        first = numbers.notes[0][1].finding
        raise _Corrupt(f"{first.location}: {first.message}")
    return program


def _read_attachments(session: sqlite3.Connection, package_ids: set[str], numbers: _Numbers | None = None) -> list[Attachment]:
    """The attachments in order; each one's bytes are checked against its stored SHA-256.

    Raises:
        _Corrupt: a hash that does not match (the file was changed outside DTPL Studio or is
            damaged), an unknown media type (an unknown kind is a finding, read as scan).
    """
    attachments = []
    for rec in _table_rows(session, "attachment", "position"):
        where = f"attachment {rec.id}"
        data = bytes(rec.data or b"")
        kind, kind_problem = (numbers or _Numbers(Path("?"))).enum(
            AttachmentKind, rec.kind, "attachment", rec.id, "kind", None, AttachmentKind.SCAN, "'scan' (lampiran)")
        att = Attachment(
            kind=kind,
            title=rec.title, filename=rec.filename,
            media_type=parse_enum(MediaType, rec.media_type, where + ".media_type").value,
            data=data, sha256=rec.sha256, pages=_stored_int(rec.pages) or 1,
            width=_stored_int(rec.width) or 0, height=_stored_int(rec.height) or 0,
            sheet=rec.sheet, scale=rec.scale,
            package_id=rec.package_uid if rec.package_uid in package_ids else None,
            note=rec.note, id=rec.uid)
        if not att.hash_ok():
            raise _AttachmentChanged(att)
        if numbers is not None:
            numbers.attach(kind_problem, rec.kind, "attachment", rec.id, "kind", None, att, "kind")
        attachments.append(att)
    return attachments


class _AttachmentChanged(StoredValueError):
    def __init__(self, att: Attachment):
        self.label = att.title or att.filename
        super().__init__(f"attachment {self.label!r}: the bytes do not match the SHA-256 "
                         f"recorded ({att.sha256[:12]}…)")


def _read_books(session: sqlite3.Connection, verify: bool) -> dict[int, PriceBook]:
    resources: dict[int, list[_Row]] = defaultdict(list)
    for r in _table_rows(session, "book_resource", "position"):
        resources[r.book_id].append(r)
    lines: dict[int, list[_Row]] = defaultdict(list)
    for ln in _table_rows(session, "book_analysis_line", "position"):
        lines[ln.analysis_id].append(ln)
    analyses: dict[int, list[tuple[_Row, list[_Row]]]] = defaultdict(list)
    for a in _table_rows(session, "book_analysis", "position"):
        analyses[a.book_id].append((a, lines.get(a.id, [])))
    books: dict[int, PriceBook] = {}
    for rec in _table_rows(session, "book", "id"):
        where = f"book {rec.id}"
        book = book_from_records(meta_from_record(rec, where), resources.get(rec.id, []),
                                 analyses.get(rec.id, []))
        if verify and rec.content_hash and book.content_hash() != rec.content_hash:
            raise _HashMismatch(rec, book)
        books[rec.id] = book
    return books


def _db_code(exc: BaseException, fallback: str) -> str:
    """The message code of a failure reading/upgrading a project: disk full, read-only,
    locked, I/O (:func:`dtpl_studio.errors.classify`), else ``fallback``."""
    if isinstance(exc, OSError) or is_sqlite_error(exc):
        code = classify(exc).code
        if code not in ("db.damaged", "db.cannot_open"):
            return code
    return fallback


class _HashMismatch(StoredValueError):
    def __init__(self, rec: _Row, book: PriceBook):
        label = " ".join(x for x in (rec.title, rec.region, str(rec.year or ""), rec.edition) if x) or f"#{rec.id}"
        self.label = label
        super().__init__(
            f"the pinned price book {label!r} does not match the content hash recorded when it was "
            f"saved ({rec.content_hash[:12]}… recorded, {book.content_hash()[:12]}… now): the file "
            "was changed outside DTPL Studio")


# =============================================================================================
# audit log
# =============================================================================================

def read_audit_log(path: Path | str, *, checked: bool = False) -> list[AuditEntry]:
    """The audit log of a project file, oldest first (read-only; no upgrade).

    Args:
        checked: the caller has just checked the file (:func:`inspect_project_file`, as an
            open does) or written it: its integrity check (~60 ms at 5 000 items) is not run
            again.

    Raises:
        ProjectFileError: as :func:`inspect_project_file`; the log cannot be read.
    """
    path = Path(path)
    if not checked:
        inspect_project_file(path)
    try:
        with _ro_connect(path) as con:
            entries = read_entries(con)
    except sqlite3.Error as exc:
        raise ProjectFileError(path, f"cannot read the audit log: {exc}",
                               code=_db_code(exc, "project.damaged")) from exc
    return entries


def verify_audit_log(path: Path | str, *, checked: bool = False) -> tuple[list[AuditEntry], int | None]:
    """The audit log of a project file and the index of its first broken entry (an entry
    edited, removed, inserted or reordered outside DTPL Studio), or None when the chain holds.
    ``checked`` as :func:`read_audit_log`.

    Raises:
        ProjectFileError: as :func:`read_audit_log`.
    """
    entries = read_audit_log(path, checked=checked)
    return entries, first_broken(entries)


__all__ = [
    "AuditEntry", "LockInfo", "ProjectFileError", "ProjectFileInfo", "ProjectLock",
    "ProjectLockedError", "default_actor", "inspect_project_file", "load_program", "read_audit_log",
    "verify_audit_log",
    "save_program", "upgrade_project_file",
]
