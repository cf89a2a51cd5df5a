"""Findings: every value not taken as-is, every check that failed, said with where and what.

One shape for importer reports, validation and the BLM check (DESIGN.md §6: "every cell that
is not taken as-is becomes a finding with file, sheet, cell, raw value, what was done, and
severity").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Severity(StrEnum):
    """How much a finding matters: ``info`` taken with a note, ``warning`` taken but to be
    looked at, ``error`` not taken (or a check that fails)."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Contributor:
    """A package or item that contributes to a finding (largest first), so the user sees
    where the money is: ``package`` name, RAB ``number`` (``"II.1"``; "" for a whole
    package), ``description``, ``amount`` in rupiah, and the model ids to select it."""

    package: str
    number: str
    description: str
    amount: Decimal
    package_id: str = ""
    item_id: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One observation.

    Attributes:
        severity: :class:`Severity`.
        message: what is wrong, in plain words.
        location: where, e.g. ``AHSP.xlsx | Persiapan!F18`` or ``RAB II.1 line 2``.
        raw: the raw value as read (text), if any.
        action: what was done with it (``"read 0,1667 as 0.1667"``, ``"row skipped"``).
        code: a short stable key for grouping (``"text-number"``, ``"cached-error"``); the
            words shown for it are chosen where it is shown (``finding.<code>`` in
            ``ui/strings.py``), ``message`` is the default (Indonesian) text.
        params: ``(name, value)`` pairs the shown words are filled with.
        source: the rule and its source (regulation, guideline, table) a check finding rests on.
        amounts: named rupiah (or share) figures, in print order (``(("BLM fisik", …),
            ("pagu", …), ("selisih", …))``).
        contributors: the packages/items that contribute most, largest first.
        remedy: what would make it pass, in plain words.
        package_id / item_id: the model ids of the package and item it is about ("" = none),
            so a view can select the item.
    """

    severity: Severity
    message: str
    location: str = ""
    raw: str = ""
    action: str = ""
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()
    source: str = ""
    amounts: tuple[tuple[str, Decimal], ...] = ()
    contributors: tuple[Contributor, ...] = ()
    remedy: str = ""
    package_id: str = ""
    item_id: str = ""

    def __str__(self) -> str:
        parts = [f"[{self.severity.value}]"]
        if self.location:
            parts.append(self.location)
        parts.append(self.message)
        if self.raw:
            parts.append(f"(tertulis {self.raw!r})")
        if self.action:
            parts.append(f"→ {self.action}")
        return " ".join(parts)


@dataclass
class FindingList:
    """An ordered list of findings with counts by severity."""

    items: list[Finding] = field(default_factory=list)

    def add(self, severity: Severity, message: str, **kw: str) -> Finding:
        finding = Finding(severity, message, **kw)
        self.items.append(finding)
        return finding

    def extend(self, other: FindingList | list[Finding]) -> None:
        self.items.extend(other.items if isinstance(other, FindingList) else other)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.items if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.items)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
