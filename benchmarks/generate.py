"""A generated RAB of any size over the shipped price book, for ``make bench`` and tests.

:func:`generated_program` builds a PLP-BK programme whose physical package has ``n_items``
items, each priced from an analysis of the book whose unit is a length, an area or a volume
(``m``, ``m'``, ``m2``, ``m3``) and each with ``lines`` back-up volume lines (n × p [× l [× t]]
in metres and centimetres, so every line converts units). Items sit in divisions of 25 items,
every division split into two sub-divisions, as a facilitator's large RAB is laid out. The
values are a deterministic function of the item number: two calls give equal programmes.
"""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.funding import Component, FundingSource
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Program, Section

#: analysis units whose back-up lines are n × lengths (the power of the length)
LENGTH_POWER = {"m": 1, "m'": 1, "m2": 2, "m3": 3}
ITEMS_PER_DIVISION = 25


def _lines(number: int, unit: str, lines: int) -> list[Measurement]:
    power = LENGTH_POWER[unit]
    out = []
    for k in range(lines):
        seed = number * 7 + k * 3
        factors = [Factor("n", Decimal(1 + seed % 3))]
        lengths = [("p", Decimal(10 + seed % 90), "m"), ("l", Decimal(100 + seed % 150), "cm"),
                   ("t", Decimal(f"0.{10 + seed % 40}"), "m")][:power]
        factors += [Factor(label, value, u) for label, value, u in lengths]
        out.append(Measurement(f"Segmen {k + 1}", factors))
    return out


def generated_program(book: PriceBook, n_items: int, lines: int = 3) -> Program:
    """A programme with one physical package of ``n_items`` items (``lines`` back-up lines
    each) priced from a pinned subset of ``book``, and one small planning package (after it).

    Raises:
        ValueError: ``book`` has no analysis with a length/area/volume unit.
    """
    codes = [a.code for a in book.analyses.values() if a.unit in LENGTH_POWER]
    usable = []
    for code in codes:
        try:
            book.unit_rate(code)
        except (ValueError, KeyError):
            continue
        usable.append(code)
    if not usable:
        raise ValueError("the book has no analysis per m, m2 or m3")
    divisions: list[Section] = []
    for number in range(n_items):
        if number % ITEMS_PER_DIVISION == 0:
            d = len(divisions) + 1
            divisions.append(Section(f"DIVISI {d}", [Section(f"Bagian {d}.1"), Section(f"Bagian {d}.2")]))
        code = usable[(number * 37) % len(usable)]
        analysis = book.analyses[code]
        half = 0 if number % ITEMS_PER_DIVISION < ITEMS_PER_DIVISION // 2 else 1
        divisions[-1].children[half].children.append(Item(
            description=f"{number + 1}. {' '.join(analysis.name.split())}",
            unit=analysis.unit,
            analysis_code=code,
            measurements=_lines(number, analysis.unit, lines),
            funding=FundingSource.SWADAYA if number % 10 == 9 else FundingSource.BLM,
        ))
    used = {i.analysis_code for s in divisions for i in s.items() if i.analysis_code}
    physical = Package("Paket besar (dibangkitkan)", Component.FISIK, book.subset(used), divisions,
                       ksm="KSM Bench")
    planning = Package("Perencanaan", Component.PERENCANAAN, book.subset(set()), [
        Section("TENAGA AHLI", [Item("Tenaga ahli perencana", "OH", custom_rate=Decimal(350_000),
                                     custom_reason="SBU kota", volume=Decimal(20))]),
    ], ksm="KSM Bench")
    return Program(kelurahan="Bench", kota="Kota Contoh", blm_allocation=Decimal(10) ** 12,
                   packages=[physical, planning])
