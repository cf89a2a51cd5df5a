"""Checks every price import gets, whatever its layout (issue 8 point 3): price outliers.

A price far from its neighbours is usually a wrong unit (a timber price per m³ entered
per batang, or the reverse) or a typed zero too many: it is a ``warning`` finding with the
reason, never changed. Neighbours are the resources of the same kind and unit whose names
start with the same word (``Kayu …`` m³, ``Semen …`` zak); a group needs
:data:`MIN_NEIGHBOURS` members for a median to mean anything.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from decimal import Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.pricebook import PriceBook, Resource
from dtpl_studio.spreadsheets.report import ImportReport

#: A price at least this many times its group's median (or at most 1/this) is an outlier.
#: A setting with a default, not a rule from a regulation: the issue's example is a timber
#: price ~100× its neighbours; real lists of one region spread 5–10× within a first word
#: (``Kayu`` from lath to beam), so 20× leaves that spread alone.
OUTLIER_FACTOR = Decimal(20)
#: members a group needs (the price itself included) before its median is used
MIN_NEIGHBOURS = 4

_WORD = re.compile(r"[a-z]{3,}")


def _group_key(resource: Resource) -> tuple[str, str, str] | None:
    match = _WORD.search(resource.name.casefold())
    if match is None:
        return None
    return resource.kind.value, resource.unit, match.group(0)


def price_outliers(book: PriceBook, report: ImportReport) -> int:
    """Add a ``price-outlier`` warning for every resource whose price is at least
    :data:`OUTLIER_FACTOR` times (or at most 1/that of) **both** its neighbours in the list —
    the resources of the same kind, unit and first word just before and after it in the
    source's order (one neighbour and the group's median at either end of a group). A
    size series (pipes ½" … 24", elbows DN 14 … 28) grows step by step and is left alone;
    a typed zero too many or a price per m³ among prices per batang jumps against both
    sides. Returns the count; zero prices are left to the importers' own zero checks.

    The finding is located where the resource was read (its ``source_ref``) and names the
    price, its neighbours and the ratio.
    """
    groups: dict[tuple[str, str, str], list[Resource]] = defaultdict(list)
    for resource in book.resources.values():
        key = _group_key(resource)
        if key is not None and resource.price > 0:
            groups[key].append(resource)
    found = 0
    for (_, unit, word), members in groups.items():
        if len(members) < MIN_NEIGHBOURS:
            continue
        median = statistics.median(r.price for r in members)
        for i, r in enumerate(members):
            sides = [members[j] for j in (i - 1, i + 1) if 0 <= j < len(members)]
            refs = [(s.price, f"{s.name!r} Rp {format_number(s.price)}") for s in sides]
            if len(refs) == 1:
                refs.append((median, f"median {len(members)} harga Rp {format_number(median)}"))
            ratios = [r.price / price for price, _ in refs]
            if all(x >= OUTLIER_FACTOR for x in ratios) or all(x <= 1 / OUTLIER_FACTOR for x in ratios):
                low = min(ratios, key=lambda x: abs(x.ln()))
                times = (f"{format_number(low, 0)}×" if low >= 1 else f"1/{format_number(1 / low, 0)}")
                report.add(
                    Severity.WARNING, "price-outlier",
                    f"harga {r.name!r} Rp {format_number(r.price)}/{unit} sedikitnya {times} harga "
                    f"tetangganya ({'; '.join(text for _, text in refs)}) di antara harga "
                    f"'{word.capitalize()} …' /{unit} (batas {format_number(OUTLIER_FACTOR, 0)}×): "
                    "mungkin salah satuan atau salah ketik",
                    sheet=r.source_ref or r.key, raw=str(r.price), action="diimpor apa adanya; periksa")
                found += 1
    return found
