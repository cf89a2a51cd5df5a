"""Fixtures of the storage tests; the sample data lives in ``storage_samples.py``."""

from __future__ import annotations

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
