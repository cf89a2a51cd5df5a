"""Numbers written as text, in the Indonesian and the US conventions.

Real workbooks carry both (``data/README.md``): ``'0,1667'``, ``1.234.567,89``,
``Rp 1.000,-``, ``Rp 1.000.000,00`` (Indonesian: ``.`` groups thousands, ``,`` is the decimal
mark) and ``100,000.00`` (US). The convention is chosen per file
(:func:`detect_convention`), never guessed per cell, because ``1.000`` means one thousand in
one file and one in the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from enum import StrEnum


class NumberConvention(StrEnum):
    """How a file writes numbers."""

    ID = "id"  # 1.234.567,89
    US = "us"  # 1,234,567.89


class NumberParseError(ValueError):
    """Raised when a text cannot be read as a number in the given convention."""


_CURRENCY = re.compile(r"^\s*(?:rp\.?|idr)\s*", re.IGNORECASE)
_DASH_ZERO = {"-", "–", "—", "- ", " - "}


def parse_number(text: str, convention: NumberConvention = NumberConvention.ID) -> Decimal:
    """Parse a number written as text.

    Handles a ``Rp``/``IDR`` prefix, the ``,-`` suffix (``Rp 1.000,-``), spaces and
    non-breaking spaces, a lone dash meaning zero (``' - '``), a leading minus or
    parentheses for negatives, and a trailing ``%`` (returned as a fraction: ``'10%'`` →
    ``0.1``).

    Args:
        text: the raw text.
        convention: :attr:`NumberConvention.ID` (``1.234,5``) or ``US`` (``1,234.5``).

    Returns:
        The value as Decimal, exact as written.

    Raises:
        NumberParseError: empty text, letters, misplaced group separators, or more than
            one decimal mark.
    """
    if not isinstance(text, str):
        raise NumberParseError(f"bukan teks: {text!r}")
    raw = text
    s = text.replace("\u00a0", " ").strip()
    if s in _DASH_ZERO or s.strip() == "-":
        return Decimal(0)
    s = _CURRENCY.sub("", s)
    if s.endswith(",-") or s.endswith(".-"):
        s = s[:-2]
    percent = s.endswith("%")
    if percent:
        s = s[:-1]
    s = s.replace(" ", "")
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.startswith("-"):
        negative, s = not negative, s[1:]
    elif s.startswith("+"):
        s = s[1:]
    if not s:
        raise NumberParseError(f"tidak ada angka dalam {raw!r}")
    group, decimal_mark = (".", ",") if convention is NumberConvention.ID else (",", ".")
    if s.count(decimal_mark) > 1:
        raise NumberParseError(f"lebih dari satu tanda desimal {decimal_mark!r} dalam {raw!r}")
    int_part, _, frac_part = s.partition(decimal_mark)
    if group in int_part:
        groups = int_part.split(group)
        leading_zero = groups[0].startswith("0")  # "0.125" is no thousands grouping
        if not groups[0] or len(groups[0]) > 3 or leading_zero or any(len(g) != 3 for g in groups[1:]):
            raise NumberParseError(
                f"pemisah ribuan {group!r} dalam {raw!r} salah tempat "
                f"menurut aturan {convention.value.upper()}"
            )
        int_part = "".join(groups)
    if group in frac_part:
        raise NumberParseError(f"pemisah ribuan sesudah tanda desimal dalam {raw!r}")
    if not (int_part or frac_part) or not (int_part + frac_part).isdigit():
        raise NumberParseError(f"bukan angka: {raw!r}")
    try:
        value = Decimal(f"{int_part or '0'}.{frac_part}" if frac_part else int_part)
    except InvalidOperation as exc:  # pragma: no cover - guarded by isdigit above
        raise NumberParseError(f"bukan angka: {raw!r}") from exc
    if percent:
        value = value / 100
    return -value if negative else value


def detect_convention(samples: Iterable[str]) -> NumberConvention | None:
    """Decide a file's number convention from its texts.

    Votes per text: ``1.234,5`` or ``0,75`` → ID; ``1,234.5`` or ``0.75`` → US; a lone
    group pattern such as ``1.000`` or ``100,000`` votes weakly (it is ambiguous).
    Returns ``None`` when nothing decides.
    """
    id_votes = us_votes = 0
    for text in samples:
        s = _CURRENCY.sub("", str(text).replace("\u00a0", " ").strip()).rstrip("-").rstrip(",")
        s = s.replace(" ", "")
        if not s or not any(ch.isdigit() for ch in s):
            continue
        if "," in s and "." in s:
            if s.rfind(",") > s.rfind("."):
                id_votes += 2
            else:
                us_votes += 2
        elif "," in s:
            head, _, tail = s.rpartition(",")
            if len(tail) == 3 and head and head.replace(",", "").isdigit():
                us_votes += 1  # 100,000 reads as US grouping; weak
            else:
                id_votes += 2
        elif "." in s:
            head, _, tail = s.rpartition(".")
            if len(tail) == 3 and head and head.replace(".", "").isdigit():
                id_votes += 1
            else:
                us_votes += 2
    if id_votes == us_votes:
        return None
    return NumberConvention.ID if id_votes > us_votes else NumberConvention.US
