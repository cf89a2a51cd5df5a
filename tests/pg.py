"""The PostgreSQL server the tests use (issue 8 point 6): where it is, and throwaway schemas.

The server is ``$DTPL_STUDIO_TEST_PG`` (an SQLAlchemy URL), by default
``postgresql+psycopg://postgres@127.0.0.1:5432/test`` — the server every project machine and CI
runs (trust authentication). Each test gets its own schema (``dtpl_t<pid>_<random>``),
created before and dropped (CASCADE) after the test, so tests running at the same time on the
same server never see each other's tables. Roles are cluster-wide: tests that make roles give
them names from :func:`unique_name` and drop them afterwards.

Without a server the tests that need it are skipped, with the reason, for a user's
``make test``; with ``DTPL_STUDIO_REQUIRE_PG=1`` (set by ``.ci/run``, which also checks the
server before anything else: ``scripts/check-test-pg.py``) it is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.engine import URL, make_url

ENV_VAR = "DTPL_STUDIO_TEST_PG"
DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def server_url() -> URL:
    """The server's SQLAlchemy URL (``$DTPL_STUDIO_TEST_PG`` or :data:`DEFAULT_URL`)."""
    return make_url(os.environ.get(ENV_VAR) or DEFAULT_URL)


def conninfo(url: URL) -> str:
    """A libpq connection string (``postgresql://…``) for psycopg from an SQLAlchemy URL."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def unique_name(prefix: str) -> str:
    """``<prefix><pid>_<8 hex>``: a schema or role name no concurrent test run uses."""
    return f"{prefix}{os.getpid()}_{uuid.uuid4().hex[:8]}"


def unavailable_reason(url: URL) -> str | None:
    """None when the server answers within 3 s, else why not (for the skip message)."""
    import psycopg

    try:
        with psycopg.connect(conninfo(url), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        shown = url.render_as_string(hide_password=True)
        return (f"no PostgreSQL server answers at {shown} ({str(exc).strip().splitlines()[0]}); "
                f"start one or set {ENV_VAR} to its URL (CI has one: .ci/run refuses to run without it)")
    return None


def admin(url: URL):
    """An autocommit psycopg connection as the server URL's user (DDL, roles)."""
    import psycopg

    return psycopg.connect(conninfo(url), autocommit=True, connect_timeout=5)


def in_schema(url: URL, schema: str, *, user: str | None = None) -> str:
    """``url`` whose sessions work in ``schema`` (libpq ``options=-csearch_path=…``), optionally
    as another ``user``, as a string for ``PriceLibrary``."""
    if user is not None:
        url = url.set(username=user, password=None)
    query = dict(url.query)
    query["options"] = f"-csearch_path={schema}"
    return url.set(query=query).render_as_string(hide_password=False)


@contextmanager
def throwaway_schema(url: URL) -> Iterator[str]:
    """A new empty schema, dropped with everything in it afterwards. Yields its name."""
    schema = unique_name("dtpl_t")
    with admin(url) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        with admin(url) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def require_server() -> URL:
    """The server URL, or skip the calling test when it does not answer (fail when
    ``$DTPL_STUDIO_REQUIRE_PG`` is ``1``)."""
    url = server_url()
    reason = unavailable_reason(url)
    if reason is not None:
        if os.environ.get("DTPL_STUDIO_REQUIRE_PG") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return url
