"""*Terbilang*: an amount written in Indonesian words.

Uses ``num2words`` (``lang='id'``) and repairs its known slip: it writes "satu ribu" inside
larger numbers (1.001.000 → "satu juta satu ribu") where standard Indonesian says "seribu"
(``domain/DOMAIN.md`` §5.3, tested with num2words 0.5.14).
"""

from __future__ import annotations

import re
from decimal import Decimal

from num2words import num2words

_SATU_RIBU = re.compile(r"\bsatu ribu\b")


def terbilang(amount: Decimal | int, suffix: str = "rupiah") -> str:
    """Indonesian words for a whole, non-negative amount, lower case, with ``suffix``.

    ``terbilang(1_205_500_000)`` → ``'satu miliar dua ratus lima juta lima ratus ribu rupiah'``;
    ``terbilang(1_001_000)`` → ``'satu juta seribu rupiah'``.

    Raises:
        ValueError: negative or fractional amount.
    """
    value = Decimal(amount)
    if value < 0:
        raise ValueError("terbilang of a negative amount")
    if value != value.to_integral_value():
        raise ValueError(f"terbilang needs a whole amount, got {value}")
    words = num2words(int(value), lang="id")
    # "satu ribu" is only correct as part of "... ratus satu ribu" etc. when preceded by a
    # hundreds/tens word, e.g. 101.000 = "seratus satu ribu"; a bare group of 1 is "seribu".
    words = _fix_seribu(words)
    words = re.sub(r"\s+", " ", words).strip()
    return f"{words} {suffix}".strip() if suffix else words


def _fix_seribu(words: str) -> str:
    tokens = words.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "satu" and i + 1 < len(tokens) and tokens[i + 1] == "ribu":
            prev = out[-1] if out else ""
            # the thousands group is exactly 1 when "satu" starts the group: preceded by
            # nothing or by a larger scale word (juta, miliar, triliun)
            if prev in ("", "juta", "miliar", "triliun", "biliun"):
                out.append("seribu")
                i += 2
                continue
        out.append(tokens[i])
        i += 1
    return " ".join(out)
