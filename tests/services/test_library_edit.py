"""The library window's service (issue 8 point 4): values typed in Indonesian format, the
analyses whose F an edit can move, the audit log's old/new of a coefficient edit."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal

import pytest

from dtpl_studio.services import library_edit
from dtpl_studio.services.prices import load_default_book, store_in_library


@pytest.mark.parametrize(("text", "value"), [("85.000", Decimal(85000)), ("Rp 1.250,50", Decimal("1250.50")),
                                             ("0,025", Decimal("0.025")), ("1.234.567", Decimal(1234567)),
                                             (" 12 ", Decimal(12))])
def test_parse_price_indonesian(text, value):
    assert library_edit.parse_price(text) == value


@pytest.mark.parametrize(("text", "code"), [("12.5x", "library.bad_number"), ("", "library.bad_number"),
                                            ("-5", "library.negative"), ("1,2,3", "library.bad_number")])
def test_parse_price_refusals(text, code):
    with pytest.raises(library_edit.ValueInputError) as err:
        library_edit.parse_price(text)
    assert err.value.code == code


def test_parse_unit_through_the_one_reading():
    assert library_edit.parse_unit("M3") == "m3"
    with pytest.raises(library_edit.ValueInputError) as err:
        library_edit.parse_unit("furlong-ish")
    assert err.value.code == "library.bad_unit"


def test_affected_analyses_cover_every_rate_a_price_moves():
    """For resources across the shipped edition: every analysis whose F changes when the
    price doubles is among :func:`affected_analyses` (the window recomputes only those)."""
    book = load_default_book()
    before = library_edit.compute_rates(book)
    keys = list(book.resources)[:: max(1, len(book.resources) // 40)]
    seen = 0
    for key in keys:
        changed = copy.copy(book)
        changed.resources = dict(book.resources)
        changed.resources[key] = dataclasses.replace(book.resources[key], price=book.resources[key].price * 2 + 1)
        changed._memo = {}
        after = library_edit.compute_rates(changed)
        moved = {code for code in before if before[code] != after[code]}
        assert moved <= set(library_edit.affected_analyses(book, resource=key)), key
        seen += len(moved)
    assert seen > 0


def test_coefficient_edit_audited_with_old_and_new(tmp_path):
    url = str(tmp_path / "lib.sqlite")
    edition, _, _ = store_in_library(load_default_book(), url)
    view = library_edit.load_edition(edition, url)
    code = next(c for c, a in view.book.analyses.items() if len(a.lines) > 1)
    analysis = view.book.analyses[code]
    old = analysis.lines[1].coefficient
    version, changed = library_edit.write_line_coefficient(edition, analysis, 1, Decimal("0.5"),
                                                          view.versions.analyses[code], url, who="ani@bengkel")
    assert version == view.versions.analyses[code] + 1
    assert analysis.lines[1].coefficient == old  # the caller's copy is not touched
    assert changed.lines[1].coefficient == Decimal("0.5")
    entry = library_edit.audit_entries(edition, url)[0]
    assert (entry.who, entry.subject, entry.old, entry.new) == (
        "ani@bengkel", f"edition {edition} analysis {code}", f"line 2 coefficient={old}", "line 2 coefficient=0.5")
    with pytest.raises(library_edit.ConflictError):  # the same version again: refused
        library_edit.write_line_coefficient(edition, analysis, 1, Decimal("0.7"), view.versions.analyses[code], url)
