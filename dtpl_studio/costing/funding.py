"""Funding rules and the BLM ceiling check.

Ceilings are data (:class:`FundingRule`), never constants in code (DESIGN.md §5,
DOMAIN.md §4.2). The default PLP-BK table is seeded from the 2010 PLP-BK summary
(``shared/domain/plpbk-2010-summary.txt``): "Maksimum Rp 300 juta … dukungan perencanaan
kawasan …; Rp 700 juta … pelaksanaan kegiatan fisik di kawasan prioritas", and the news
reports of Rp 1 miliar BLM per kelurahan (DOMAIN.md §0 item 5) [V].
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Component(StrEnum):
    """BLM component a package belongs to."""

    PERENCANAAN = "perencanaan"  # planning support
    FISIK = "fisik"  # physical works in the kawasan prioritas (may include DED)
    TOTAL = "total"  # the whole allocation of the kelurahan


class FundingSource(StrEnum):
    """Who pays an item (DOMAIN.md §4.3)."""

    BLM = "BLM"
    SWADAYA = "swadaya"
    APBD = "APBD"
    LAINNYA = "lainnya"


@dataclass(frozen=True, slots=True)
class FundingRule:
    """One ceiling: ``component`` of ``program`` may not exceed ``ceiling`` rupiah."""

    program: str
    component: Component
    ceiling: Decimal
    source_ref: str
    note: str = ""


#: Printed on the BLM check page; the developer-side source is the module docstring above.
PLPBK_SOURCE = (
    "Ringkasan Program PLP-BK, PNPM Mandiri Perkotaan (2010): BLM maks. Rp 300 juta untuk "
    "dukungan perencanaan kawasan dan Rp 700 juta untuk kegiatan fisik di kawasan prioritas; "
    "BLM PLP-BK Rp 1 miliar per kelurahan"
)

#: The default PLP-BK ceiling table (a setting: a project may carry its own).
DEFAULT_PLPBK_RULES: tuple[FundingRule, ...] = (
    FundingRule("PLP-BK", Component.PERENCANAAN, Decimal(300_000_000), PLPBK_SOURCE),
    FundingRule("PLP-BK", Component.FISIK, Decimal(700_000_000), PLPBK_SOURCE),
    FundingRule("PLP-BK", Component.TOTAL, Decimal(1_000_000_000), PLPBK_SOURCE),
)


@dataclass(frozen=True, slots=True)
class CeilingCheck:
    """Result of one ceiling comparison (rounded figures, DESIGN.md §5)."""

    component: Component
    amount: Decimal
    ceiling: Decimal
    source_ref: str

    @property
    def passed(self) -> bool:
        return self.amount <= self.ceiling

    @property
    def remaining(self) -> Decimal:
        return self.ceiling - self.amount


def check_ceilings(
    blm_by_component: dict[Component, Decimal],
    rules: tuple[FundingRule, ...] | list[FundingRule],
    allocation: Decimal | None = None,
) -> list[CeilingCheck]:
    """Compare BLM-funded totals with the ceilings.

    Args:
        blm_by_component: rounded BLM-funded sums for ``PERENCANAAN`` and ``FISIK``.
        rules: the ceiling table; ``TOTAL`` applies to the sum of both components.
        allocation: the kelurahan's own BLM allocation; when given and lower than the
            ``TOTAL`` rule, it is the total ceiling (source "alokasi BLM program").

    Returns:
        One :class:`CeilingCheck` per rule, in rule order.
    """
    checks: list[CeilingCheck] = []
    total = sum(blm_by_component.get(c, Decimal(0)) for c in (Component.PERENCANAAN, Component.FISIK))
    for rule in rules:
        if rule.component is Component.TOTAL:
            ceiling, source = rule.ceiling, rule.source_ref
            if allocation is not None and allocation < ceiling:
                ceiling, source = allocation, "Alokasi BLM kelurahan (data program)"
            checks.append(CeilingCheck(Component.TOTAL, total, ceiling, source))
        else:
            amount = blm_by_component.get(rule.component, Decimal(0))
            checks.append(CeilingCheck(rule.component, amount, rule.ceiling, rule.source_ref))
    return checks
