"""gc_paused: the collector is off inside, back as it was after (nested, on error)."""

from __future__ import annotations

import gc

import pytest

from dtpl_studio.memory import gc_paused


def test_paused_inside_restored_after_even_on_error_and_when_nested() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with gc_paused():
            assert not gc.isenabled()
            with gc_paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the inner block leaves it to the outer one
            raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
