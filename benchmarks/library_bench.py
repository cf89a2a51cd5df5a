"""The team price library on PostgreSQL at scale, for ``make bench`` (issue 8 "Performance":
1 000 generated editions of 15 000 resources and 3 000 analyses each; opening an edition and
searching the catalogue ≤ 100 ms, with indexes on edition and code).

:func:`run` makes a schema of its own on the server, stores one generated edition through the
library (:meth:`PriceLibrary.add_edition`), copies it server-side (``INSERT … SELECT``) until
there are ``editions`` editions, publishes all but the last, then times with a fresh
:class:`PriceLibrary`: open, list, ``info`` of one edition,
``load_edition`` (the whole edition as a PriceBook), ``search`` by code prefix and by name, and
one resource edit of the draft (optimistic lock + content hash). The schema is dropped after.

Sizes: ``DTPL_BENCH_LIB_EDITIONS`` (default 20), ``DTPL_BENCH_LIB_RESOURCES`` (15 000),
``DTPL_BENCH_LIB_ANALYSES`` (3 000); the issue's run is ``DTPL_BENCH_LIB_EDITIONS=1000``
(≈ 15 M resource rows and 18 M lines, ~6 GB: a few minutes when the bench's user may skip
the guard triggers while copying, :func:`_skip_guards`, else about an hour). The first edition is
published through the library (so it has its snapshot, library_0005) and the copies take its
stored counts and snapshot along; the last edition stays a draft (no snapshot: read from its
rows, ``load_draft_ms``). ``open_edition_ms`` is what the catalogue does when an edition is
opened (:func:`open_edition`: info, first page, its analyses' unit rates); ``first_hits_ms``
the first page of :meth:`PriceLibrary.search` (empty text). ``DTPL_BENCH_LIB_KEEP=1``
keeps the schema (named in ``kept_schema``) for EXPLAIN ANALYZE; drop it by hand. Server:
``DTPL_BENCH_PG``, else ``DTPL_STUDIO_TEST_PG``, else the project machines' default.
"""

from __future__ import annotations

import os
import statistics
import time
import uuid
from decimal import Decimal

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

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
WORDS = ("Semen Portland", "Pasir pasang", "Batu kali", "Besi beton", "Kayu kelas II", "Paku",
         "Cat tembok", "Keramik", "Pipa PVC", "Kawat beton", "Bata merah", "Kerikil")
KINDS = (ResourceKind.MATERIAL, ResourceKind.MATERIAL, ResourceKind.LABOUR, ResourceKind.EQUIPMENT)
LINE_KIND = {ResourceKind.LABOUR: LineKind.LABOUR, ResourceKind.MATERIAL: LineKind.MATERIAL,
             ResourceKind.EQUIPMENT: LineKind.EQUIPMENT}


def sizes() -> tuple[int, int, int]:
    """``(editions, resources, analyses)`` from the environment (see the module doc)."""
    env = os.environ.get
    return (int(env("DTPL_BENCH_LIB_EDITIONS", "20")), int(env("DTPL_BENCH_LIB_RESOURCES", "15000")),
            int(env("DTPL_BENCH_LIB_ANALYSES", "3000")))


def generated_book(resources: int, analyses: int) -> PriceBook:
    """A deterministic edition: ``resources`` resources (codes ``M.00001``…), ``analyses``
    analyses (codes ``A.<chapter>.<n>``) of 6 lines each over them."""
    book = PriceBook(PriceBookMeta(region="Kota Bench", province="Jawa Tengah", year=2025, edition="1",
                                   kind=BookKind.AHSP_HSD, status="draft",
                                   rate_rounding=RoundingRule(Decimal(100), RoundingMode.DOWN),
                                   default_overhead_pct=Decimal("0.10"), title="bench"))
    keys = []
    for i in range(resources):
        kind = KINDS[i % len(KINDS)]
        key = f"R{i:05d}"
        prefix = {"labour": "L", "material": "M", "equipment": "E"}[kind.value]
        book.add_resource(Resource(key, f"{WORDS[i % len(WORDS)]} mutu {i}", kind, "kg",
                                   Decimal(1000 + (i * 37) % 900000) / 100, code=f"{prefix}.{i:05d}"))
        keys.append((key, kind))
    for j in range(analyses):
        lines = []
        for k in range(6):
            key, kind = keys[(j * 7 + k * 131) % len(keys)]
            lines.append(AnalysisLine(LINE_KIND[kind], key, Decimal(f"0.{(j + k) % 997:03d}"), "kg"))
        book.put_analysis(Analysis(f"A.{j % 12 + 1}.{j}", f"1 m2 pekerjaan {WORDS[j % len(WORDS)]} {j}",
                                   "m2", lines=lines))
    return book


def _skip_guards(conn) -> bool:
    """Let this transaction's copies skip the published-edition guard triggers
    (``session_replication_role = replica``, a superuser setting): the per-row plpgsql guard
    makes 1 000 copies take about an hour instead of minutes. What is timed afterwards does
    not depend on it. Returns whether it could (else the copies go through the guards)."""
    import sqlalchemy.exc

    try:
        with conn.begin_nested():
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        return True
    except sqlalchemy.exc.DBAPIError:
        return False


def _clone(conn, source: int, count: int) -> list[int]:
    """``count`` copies of edition ``source`` (as drafts), server-side. Returns their ids."""
    ids = []
    for n in range(count):
        new = conn.exec_driver_sql(
            "INSERT INTO book (region, province, year, edition, kind, legal_ref, effective_date,"
            " source_file, source_sha256, status, rate_rounding_step, rate_rounding_mode,"
            " default_overhead_pct, title, note, content_hash, created_at, published_at,"
            " derived_from_id, version, resource_count, analysis_count, snapshot)"
            " SELECT %(region)s, province, year, edition, kind, legal_ref, effective_date, source_file,"
            " source_sha256, 'draft', rate_rounding_step, rate_rounding_mode, default_overhead_pct,"
            " title, note, content_hash, created_at, NULL, id, 1, resource_count, analysis_count, snapshot"
            " FROM book WHERE id = %(src)s RETURNING id",
            {"region": f"Kab. Bench {n + 2:04d}", "src": source}).scalar()
        conn.exec_driver_sql(
            "INSERT INTO book_resource (book_id, position, key, name, kind, unit, price, code,"
            " source_ref, raw_unit, note, version) SELECT %(new)s, position, key, name, kind, unit,"
            " price, code, source_ref, raw_unit, note, 1 FROM book_resource WHERE book_id = %(src)s",
            {"new": new, "src": source})
        conn.exec_driver_sql(
            "INSERT INTO book_analysis (book_id, position, code, name, unit, overhead_pct, code_scheme,"
            " chapter, source_ref, method, note, rate_rounding_step, rate_rounding_mode, version)"
            " SELECT %(new)s, position, code, name, unit, overhead_pct, code_scheme, chapter, source_ref,"
            " method, note, rate_rounding_step, rate_rounding_mode, 1 FROM book_analysis"
            " WHERE book_id = %(src)s", {"new": new, "src": source})
        conn.exec_driver_sql(
            "INSERT INTO book_analysis_line (analysis_id, position, kind, ref, coefficient, unit,"
            " description, price_override, line_group, source_ref)"
            " SELECT na.id, l.position, l.kind, l.ref, l.coefficient, l.unit, l.description,"
            " l.price_override, l.line_group, l.source_ref FROM book_analysis_line l"
            " JOIN book_analysis sa ON sa.id = l.analysis_id"
            " JOIN book_analysis na ON na.book_id = %(new)s AND na.code = sa.code"
            " WHERE sa.book_id = %(src)s", {"new": new, "src": source})
        ids.append(new)
    return ids


def open_edition(lib, edition_id: int, limit: int = 50) -> tuple:
    """What the catalogue does when an edition is opened: ``(info, page, rates)`` — the
    edition's :class:`EditionInfo`, its first page (:meth:`PriceLibrary.edition_page`) and the
    unit rate of each of its first ``limit`` analyses."""
    info = lib.info(edition_id)
    page = lib.edition_page(edition_id, limit=limit)
    rates = {code: page.unit_rate(code) for code in list(page.analyses)[:limit]}
    return info, page, rates


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _timed(fn, repeat: int = 1):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def run() -> dict:
    """Generate, measure, drop. Returns the figures (milliseconds) or ``{"skipped": why}``."""
    import psycopg
    from sqlalchemy.engine import make_url

    from dtpl_studio.storage.library import PriceLibrary

    server = make_url(os.environ.get("DTPL_BENCH_PG") or os.environ.get("DTPL_STUDIO_TEST_PG") or DEFAULT_URL)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        psycopg.connect(admin, connect_timeout=3).close()
    except psycopg.Error as exc:
        return {"skipped": f"no PostgreSQL at {server.host}:{server.port}: {str(exc).splitlines()[0]}"}
    editions, n_res, n_ana = sizes()
    schema = f"dtpl_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    url = server.set(query={**server.query, "options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    out: dict = {"editions": editions, "resources": n_res, "analyses": n_ana}
    try:
        t = time.perf_counter()
        book = generated_book(n_res, n_ana)
        out["generate_s"] = round(time.perf_counter() - t, 2)
        with PriceLibrary(url) as lib:
            t = time.perf_counter()
            first = lib.add_edition(book, who="bench")
            out["add_edition_s"] = round(time.perf_counter() - t, 2)
            t = time.perf_counter()
            lib.publish(first, who="bench")  # writes its snapshot, which the copies take along
            out["publish_s"] = round(time.perf_counter() - t, 2)
            t = time.perf_counter()
            with lib.engine.begin() as conn:
                out["copies_without_guards"] = _skip_guards(conn)
                ids = [first, *_clone(conn, first, editions - 1)]
                conn.exec_driver_sql("UPDATE book SET status = 'published', published_at = created_at"
                                     " WHERE id <> %(last)s AND status = 'draft'", {"last": ids[-1]})
                conn.exec_driver_sql("UPDATE book SET snapshot = NULL WHERE id = %(last)s", {"last": ids[-1]})
            with lib.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
            out["copies_s"] = round(time.perf_counter() - t, 2)
        middle, draft = ids[len(ids) // 2], ids[-1]
        t = time.perf_counter()
        lib = PriceLibrary(url)
        out["open_ms"] = _ms(time.perf_counter() - t)
        try:
            out["list_editions_ms"] = _ms(_timed(lib.list_editions, 3)[0])
            out["info_ms"] = _ms(_timed(lambda: lib.info(middle), 5)[0])
            # opening an edition in the catalogue: its info and the first page of analyses (with
            # their unit rates) and resources (with prices), without loading the edition
            seconds, _ = _timed(lambda: open_edition(lib, middle), 5)
            out["open_edition_ms"] = _ms(seconds)
            seconds, hits = _timed(lambda: lib.search(middle, ""), 5)
            assert len(hits) == 100
            out["first_hits_ms"] = _ms(seconds)
            seconds, loaded = _timed(lambda: lib.load_edition(middle), 3)
            assert len(loaded.resources) == n_res and loaded.content_hash() == book.content_hash()
            out["load_edition_ms"] = _ms(seconds)
            seconds, loaded = _timed(lambda: lib.load_edition(draft), 3)  # a draft: from its rows
            assert loaded.content_hash() == book.content_hash()
            out["load_draft_ms"] = _ms(seconds)
            codes = [f"M.{(i * 7919) % n_res:05d}"[:6] for i in range(5)] + [f"A.{i + 1}.1" for i in range(5)]
            out["search_code_ms"] = _ms(statistics.median(
                _timed(lambda c=c: lib.search(middle, c), 3)[0] for c in codes))
            names = ["semen", "besi beton", "mutu 1234", "keramik", "tidak ada"]
            out["search_name_ms"] = _ms(statistics.median(
                _timed(lambda w=w: lib.search(middle, w), 3)[0] for w in names))
            seen = lib.versions(draft)
            resource = loaded.resources["R00001"]
            resource.price = Decimal("12345")
            seconds, _ = _timed(lambda: lib.update_resource(draft, resource,
                                                            expected_version=seen.resources["R00001"]))
            out["edit_resource_ms"] = _ms(seconds)
        finally:
            lib.close()
        with psycopg.connect(admin) as conn:
            out["schema_mib"] = round(float(conn.execute(
                "SELECT sum(pg_total_relation_size(format('%%I.%%I', schemaname, tablename)))"
                " FROM pg_tables WHERE schemaname = %s", (schema,)).fetchone()[0]) / 2**20, 1)
    finally:
        if os.environ.get("DTPL_BENCH_LIB_KEEP"):  # to profile it (EXPLAIN ANALYZE); drop it after
            out["kept_schema"] = schema
        else:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    return out
