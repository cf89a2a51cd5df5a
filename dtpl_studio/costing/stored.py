"""Numbers read from a file, range-checked where they are read (issue 5 fault 2).

A loader (the project file, see :mod:`dtpl_studio.storage.project_file`) checks every number
it reads against the limits of :mod:`dtpl_studio.costing.rab` and, for a bad one, attaches a
:class:`StoredValueNote` to the package it belongs to: an error finding that names the file,
the table and the row, tied to the model attribute that holds the value. The finding is
reported by :func:`~dtpl_studio.costing.rab.price_package` for as long as that attribute
still holds the value put there when the file was read, so re-typing the value clears it
(and undoing the edit brings it back).

What a loader puts in the model:

* a readable number out of range (``1E+30``, ``-3``) is kept as it is: nothing is lost, and
  the calculation makes its own error finding for it too;
* an unreadable one (text, empty, NaN, infinity) cannot be kept: it is replaced by a value
  that can be saved (``0`` for a factor or a volume, *none* for an optional rate, the default
  for a setting), and the finding says so — never a silent zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.findings import Finding

_UNSET = object()


@dataclass(frozen=True, slots=True, eq=False)
class StoredValueNote:
    """A finding about a stored value, live while the model still holds that value.

    Attributes:
        finding: the finding (severity, Indonesian message, ``location`` = file, table and
            row, ``raw`` = the text in the file, ``action`` = what was put in the model).
        target: the model object holding the value (an ``Item``, ``Factor``…), or None for a
            finding that always applies.
        attribute: the attribute of ``target``.
        value: what the loader put there.
        within: ``(owner, attribute)`` for a frozen ``target`` that an edit replaces rather
            than changes (a :class:`~dtpl_studio.costing.funding.FundingRule` row of
            ``program.rules``, the ``program.swadaya_rule``): the note applies only while
            ``owner.attribute`` is ``target`` or a list holding it (by identity), so re-typing
            the row clears it and undoing the edit brings it back.
    """

    finding: Finding
    target: Any = None
    attribute: str = ""
    value: Any = _UNSET
    within: tuple[Any, str] | None = None

    def applies(self) -> bool:
        """True while ``target.attribute`` still holds :attr:`value` (NaN counts as equal)
        and, with :attr:`within`, while the target is still the owner's."""
        if self.target is None or self.value is _UNSET:
            return True
        if self.within is not None:
            held = getattr(self.within[0], self.within[1], None)
            rows = held if isinstance(held, list | tuple) else (held,)
            if not any(row is self.target for row in rows):
                return False
        now = getattr(self.target, self.attribute, _UNSET)
        if now is self.value:
            return True
        if isinstance(now, Decimal) and isinstance(self.value, Decimal):
            if now.is_nan() or self.value.is_nan():
                return now.is_nan() and self.value.is_nan()
            return now == self.value and str(now) == str(self.value)
        return type(now) is type(self.value) and now == self.value


def unread_values(notes) -> set[tuple[int, str]]:
    """``(id(target), attribute)`` of every live note with a target: the stored values a
    loader could not read (and replaced) or found out of range. The BLM check treats a
    ceiling, the allocation or the minimum swadaya share among them as a rule it could not
    check (:func:`dtpl_studio.costing.rab.price_program`), never as a rule that fails.

    Args:
        notes: :class:`StoredValueNote` objects (all packages' ``load_notes``).
    """
    return {(id(n.target), n.attribute) for n in notes if n.target is not None and n.applies()}
