from decimal import Decimal

import pytest

from dtpl_studio.costing.units import (
    UnitMismatchError,
    UnknownUnitError,
    conversion_factor,
    normalize_unit,
    units_compatible,
)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("M3", "m3"), ("m³", "m3"), ("mÂ³", "m3"), ("m2", "m2"), ("mÂ²", "m2"), ("M2 ", "m2"),
        ("m'", "m'"), ("m’", "m'"), ("m1", "m'"), ("m¹", "m'"), ("Bh", "bh"), ("buah", "bh"),
        ("Is", "ls"), ("Ls", "ls"), ("LS", "ls"), ("OH", "OH"), ("oh", "OH"), ("OJ", "OJ"),
        ("Zak", "zak"), ("sak", "zak"), ("btg", "btg"), ("Batang", "btg"), ("lbr", "lbr"),
        ("lembar", "lbr"), ("Unit", "unit"), ("set", "set"), ("Titik", "titik"), ("ttk", "titik"),
        ("kg", "kg"), ("Kg", "kg"), ("liter", "liter"), ("L", "liter"), ("hari", "hari"),
        ("unit hari", "hari"), ("Jam", "jam"), ("Truk", "rit"), ("lot", "lot"), ("bln", "bulan"),
    ],
)
def test_aliases(raw, canonical):
    assert normalize_unit(raw) == canonical


def test_unknown_unit_is_reported_not_dropped():
    with pytest.raises(UnknownUnitError) as info:
        normalize_unit("furlong-ish")
    assert info.value.raw == "furlong-ish"


def test_conversions_and_mismatch():
    assert conversion_factor("cm", "m") == Decimal("0.01")
    assert conversion_factor("m'", "m") == 1
    assert conversion_factor("ton", "kg") == 1000
    assert not units_compatible("OH", "OJ")  # never converted implicitly (DOMAIN.md §2.2)
    assert not units_compatible("bh", "titik")
    with pytest.raises(UnitMismatchError):
        conversion_factor("m2", "m3")
    with pytest.raises(UnitMismatchError):
        conversion_factor("hari", "jam")
