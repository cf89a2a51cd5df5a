"""Memory management shared by every layer (no Qt, no SQLAlchemy): :func:`gc_paused`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (back on after it, if it was on;
    nested blocks leave it to the outermost).

    Opening a project makes ~10 objects per back-up line (rows, model objects, priced
    results, tree rows), none of them garbage in a reference cycle; the collector, run every
    700 allocations, scanned them again and again: ~40 % of reading a 2 000-item RAB and half
    of building its tree (issue 10). Reference counting still frees everything as usual;
    cycles made meanwhile are collected at the next run after the block.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
