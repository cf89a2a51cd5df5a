"""Fixtures of the storage tests; the sample data lives in ``storage_samples.py``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Program
from tests.storage.storage_samples import make_book, make_program


@pytest.fixture
def program() -> Program:
    return make_program()


@pytest.fixture
def book() -> PriceBook:
    return make_book()


@pytest.fixture(autouse=True)
def _no_user_library(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test may touch the real user data folder."""
    monkeypatch.delenv("DTPL_STUDIO_LIBRARY", raising=False)
    fake = tmp_path_factory.mktemp("userdata")
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(fake))


@pytest.fixture(params=["sqlite", "postgresql"])
def library_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty library's location: an SQLite file, or a PostgreSQL schema of this test."""
    if request.param == "sqlite":
        return str(tmp_path / "library.sqlite")
    return request.getfixturevalue("pg_url")


def raw_sql(url: str, sql: str) -> None:
    """Run ``sql`` with the database's own driver, as any other client would, outside the
    library's API; the driver's error propagates (rolled back)."""
    if "://" not in url:
        con = sqlite3.connect(url)
        try:
            con.execute(sql)
            con.commit()
        finally:
            con.rollback()
            con.close()
        return
    import psycopg
    from sqlalchemy.engine import make_url

    from tests.pg import conninfo

    with psycopg.connect(conninfo(make_url(url))) as con:
        con.execute(sql)


def integrity_errors() -> tuple[type[Exception], ...]:
    import psycopg

    return sqlite3.IntegrityError, psycopg.IntegrityError
