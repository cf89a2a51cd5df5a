"""How many examples a fuzz test runs: bounded in ``make test``, many more under ``make fuzz``
(``HYPOTHESIS_PROFILE=fuzz``, see ``tests/conftest.py``)."""

from __future__ import annotations

import os

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(bounded: int, long: int | None = None) -> int:
    """``bounded`` examples in ``make test``; ``long`` (default 30 × bounded) under ``make fuzz``."""
    return (long or bounded * 30) if LONG else bounded
