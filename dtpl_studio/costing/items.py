"""RAB items from a book, of one's own, or with an adjusted rate (issue 10 point 2).

Three ways an item gets its unit rate, and the one text that says which (:func:`rate_origin`,
shown in the window's tooltip and "Asal harga" column and printed under the item on the
RAB rincian):

* from an analysis of the package's pinned book — :func:`choose_analysis` pins the analysis
  of a library edition (with what it depends on) and points an item at it, one edit;
* its own rate (*harga sendiri*) or a lump sum — :func:`custom_item`, which refuses an item
  without a reason or a source of the figure;
* an analysis rate replaced (*penyesuaian harga*) — :func:`override_rate`, which refuses an
  adjustment without a reason.

Looking an analysis up by code or words (:class:`AnalysisIndex`): accent- and case-blind,
ranked code prefix first, then every word at a word start, then every word anywhere.

Pure Python; no Qt. Errors are :class:`~dtpl_studio.costing.edits.EditError` with an
Indonesian message that names the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from dtpl_studio.costing.edits import (
    Compound,
    Edit,
    EditError,
    find_item,
    pin_analysis,
    set_item,
)
from dtpl_studio.costing.formatting import format_rate
from dtpl_studio.costing.money import ONE, ZERO
from dtpl_studio.costing.pricebook import PriceBook, PriceBookError, PriceBookMeta
from dtpl_studio.costing.rab import MAX_RATE, MAX_VOLUME, Item, Package, Program
from dtpl_studio.costing.units import UnitDimensionError, UnknownUnitError, read_unit

#: the unit of a lump sum (*lump sum*, "ls"): one of it, at the whole amount
LUMP_SUM_UNIT = "ls"


# -- looking an analysis up -------------------------------------------------------------------

def fold(text: str) -> str:
    """``text`` for matching: accents dropped (NFKD), case folded, runs of space one space
    (``'Pekerjaan  BETÓN'`` → ``'pekerjaan beton'``)."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())




def _at_word_start(word: str, key: str) -> bool:
    """``word`` occurs in ``key`` where a word starts (not after a letter or digit)."""
    return re.search(r"(?<![0-9a-z])" + re.escape(word), key) is not None


@dataclass(frozen=True, slots=True)
class AnalysisHit:
    """One analysis found: its ``code``, ``name`` (spaces collapsed) and ``unit``, the book
    it comes from, ``pinned`` when that is the package's own pinned book, and ``rank``
    (0 = the code starts with the typed text, 1 = every word starts a word of code or name,
    2 = every word occurs somewhere)."""

    code: str
    name: str
    unit: str
    book: PriceBook
    pinned: bool
    rank: int


class AnalysisIndex:
    """The analyses of ``books`` (the package's pinned book first, then the library edition)
    folded once for type-ahead lookup; a code in two books is the first book's (the pinned
    analysis keeps its pinned prices).

    Build cost is linear in the number of analyses (once per book revision: :meth:`fresh`);
    :meth:`search` scans the folded keys, no model is rebuilt per keystroke. Figures: see
    ``tests/costing/test_items.py`` (1 000+ analyses searched in well under a millisecond
    each on the reference machine).
    """

    def __init__(self, books: Sequence[PriceBook | None], pinned: PriceBook | None = None):
        self.books = tuple(b for b in books if b is not None)
        self.pinned = pinned
        self._key = self._revisions()
        entries = []
        seen: set[str] = set()
        for book in self.books:
            for analysis in book.analyses.values():
                if analysis.code in seen:
                    continue
                seen.add(analysis.code)
                name = " ".join(analysis.name.split())
                code = fold(analysis.code)
                entries.append((code, f"{code} {fold(name)}", analysis.code, name, analysis.unit, book))
        self._entries = entries

    def _revisions(self) -> tuple:
        return tuple((id(b), b.revision, len(b.analyses)) for b in self.books) + (id(self.pinned),)

    def fresh(self, books: Sequence[PriceBook | None], pinned: PriceBook | None = None) -> bool:
        """True when this index still describes ``books`` as they are now (same objects,
        same revisions)."""
        other = tuple(b for b in books if b is not None)
        if tuple(map(id, other)) != tuple(map(id, self.books)) or pinned is not self.pinned:
            return False
        return self._revisions() == self._key

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, text: str, limit: int = 30) -> list[AnalysisHit]:
        """At most ``limit`` analyses matching ``text``, best first.

        Ranking: (0) the code starts with the typed text (spaces ignored), shorter codes
        first; (1) every typed word starts a word of the code or name; (2) every typed word
        occurs anywhere in code or name. Within a rank, book order (pinned book first).
        Empty text: nothing.
        """
        query = fold(text)
        if not query:
            return []
        words = query.split()
        compact = query.replace(" ", "")
        ranked: list[tuple[int, int, int, tuple]] = []
        for order, entry in enumerate(self._entries):
            code, key = entry[0], entry[1]
            if code.startswith(compact):
                ranked.append((0, len(code), order, entry))
            elif all(w in key for w in words):
                rank = 1 if all(_at_word_start(w, key) for w in words) else 2
                ranked.append((rank, 0, order, entry))
        ranked.sort(key=lambda r: r[:3])
        return [AnalysisHit(e[2], e[3], e[4], e[5], e[5] is self.pinned, rank)
                for rank, _, _, e in ranked[:limit]]


def choose_analysis(package: Package, item_id: str, source: PriceBook, code: str) -> Compound:
    """The edit that prices item ``item_id`` of ``package`` by analysis ``code`` of ``source``
    (the pinned book or a library edition): the analysis and what it depends on are pinned
    (:func:`~dtpl_studio.costing.edits.pin_analysis`), and the item takes the analysis'
    code, name and unit; a custom rate or adjustment it had is dropped. One step; undone
    whole.

    Raises:
        EditError: ``source`` has no analysis ``code``, or the item is not in ``package``.
    """
    analysis = source.analyses.get(code)
    if analysis is None:
        raise EditError(f"analisa {code} tidak ada di buku harga sumber")
    if not any(i.id == item_id for i in package.items()):
        raise EditError(f"item {item_id!r} tidak ada di paket {package.name!r}")
    fields = set_item(item_id, analysis_code=code, description=" ".join(analysis.name.split()),
                      unit=analysis.unit, custom_rate=None, custom_reason="", custom_source="",
                      rate_override=None, override_reason="")
    return Compound((pin_analysis(package, source, code), fields))


# -- an item of one's own -----------------------------------------------------------------------

def _rate_problem(rate: Decimal, what: str) -> str:
    if not isinstance(rate, Decimal) or not rate.is_finite():
        return f"{what} bukan angka"
    if rate < 0:
        return f"{what} tidak boleh negatif"
    if rate > MAX_RATE:
        return f"{what} Rp {format_rate(rate)} melebihi batas Rp {format_rate(MAX_RATE)}"
    return ""


def custom_item(description: str, unit: str, rate: Decimal, reason: str, source: str,
                volume: Decimal = ZERO, *, lump_sum: bool = False) -> Item:
    """A new item priced by its own rate (*harga sendiri*), or a lump sum.

    Args:
        description: the *uraian* (required).
        unit: as typed (``"m'"``, ``"bh"``, ``"Ls"``); read by the one unit registry
            (:func:`~dtpl_studio.costing.units.read_unit`) into its canonical symbol. Ignored
            for a lump sum (unit ``ls``).
        rate: Rp per unit (for a lump sum: the whole amount), 0..``MAX_RATE``.
        reason: why there is no analysis for it (required).
        source: where the figure comes from, e.g. "survei 3 toko" (required).
        volume: in ``unit``, 0..``MAX_VOLUME``; a lump sum is always 1 ls.
        lump_sum: True for a lump sum (1 ls × the amount).

    Raises:
        EditError: an empty description, reason or source; an unknown unit; a rate or volume
            out of range (Indonesian message naming the field).
    """
    description = " ".join(description.split())
    if not description:
        raise EditError("uraian pekerjaan wajib diisi")
    if lump_sum:
        symbol, volume = LUMP_SUM_UNIT, ONE
    else:
        try:
            symbol = read_unit(unit).symbol
        except (UnknownUnitError, UnitDimensionError):
            raise EditError(f"satuan {unit.strip()!r} tidak dikenal" if unit.strip()
                            else "satuan wajib diisi") from None
    problem = _rate_problem(rate, "jumlah lump sum" if lump_sum else "harga satuan")
    if problem:
        raise EditError(problem)
    if not isinstance(volume, Decimal) or not volume.is_finite() or not ZERO <= volume <= MAX_VOLUME:
        raise EditError(f"volume {volume} di luar 0..{MAX_VOLUME}")
    reason, source = " ".join(reason.split()), " ".join(source.split())
    if not reason:
        raise EditError("alasan harga sendiri wajib diisi (mengapa tidak memakai analisa buku harga)")
    if not source:
        raise EditError("sumber harga wajib diisi (misalnya 'survei 3 toko', 'penawaran CV …', 'SBU')")
    return Item(description=description, unit=symbol, custom_rate=rate, custom_reason=reason,
                custom_source=source, volume=volume)


def override_rate(program: Program, item_id: str, rate: Decimal, reason: str) -> Edit:
    """The edit that replaces item ``item_id``'s unit rate by ``rate`` (Rp per item unit)
    with ``reason`` (*penyesuaian harga*); the analysis (or own rate) stays recorded and is
    printed beside it (:func:`rate_origin`).

    Raises:
        EditError: an empty reason, a rate out of 0..``MAX_RATE``, an unknown item.
    """
    find_item(program, item_id)
    problem = _rate_problem(rate, "harga satuan baru")
    if problem:
        raise EditError(problem)
    reason = " ".join(reason.split())
    if not reason:
        raise EditError("alasan penyesuaian harga wajib diisi")
    return set_item(item_id, rate_override=rate, override_reason=reason)


# -- where the rate comes from ----------------------------------------------------------------

class OriginKind(StrEnum):
    """How an item is priced."""

    BOOK = "book"  # an analysis of the pinned book
    OVERRIDE = "override"  # an analysis (or own) rate replaced, with a reason
    CUSTOM = "custom"  # its own rate or a lump sum, with reason and source
    NONE = "none"  # neither: an error of the RAB


def book_text(meta: PriceBookMeta) -> str:
    """The pinned book as it is named on the item: its title (else region and year), then
    ``edisi …`` (``'AHSP Kota Contoh 2024, edisi 2024-1'``)."""
    name = meta.title or " ".join(p for p in (meta.region, str(meta.year or "")) if p) or "buku harga paket"
    if meta.edition and meta.edition not in name:
        name += f", edisi {meta.edition}"
    return name


@dataclass(frozen=True, slots=True)
class RateOrigin:
    """Where an item's unit rate comes from.

    Attributes:
        kind: see :class:`OriginKind`.
        code: the analysis code ("" for an item of one's own).
        book: :func:`book_text` of the package's pinned book ("" when no analysis).
        base_rate: the rate before an adjustment (the analysis F or the own rate; None
            when it cannot be computed).
        rate: the rate used (None when none).
        reason: the adjustment's reason (or the own rate's, for ``CUSTOM``).
        source: the own rate's source ("" otherwise).
        custom: True when the base is an own rate (also under an adjustment).
        lump_sum: an own amount on ``ls``.
    """

    kind: OriginKind
    code: str = ""
    book: str = ""
    base_rate: Decimal | None = None
    rate: Decimal | None = None
    reason: str = ""
    source: str = ""
    custom: bool = False
    lump_sum: bool = False
    #: the own rate's reason, kept apart from an adjustment's (``reason``)
    reason_of_custom: str = ""

    def short(self) -> str:
        """The marker of the window's "Asal harga" column: the code, ``A.2.3.1 ✎`` when
        adjusted, ``khusus`` / ``ls khusus`` for an own rate, or ``–``."""
        base = self.code or ("ls khusus" if self.lump_sum else "khusus" if self.custom else "–")
        return f"{base} ✎" if self.kind is OriginKind.OVERRIDE else base

    def book_line(self) -> str:
        """``Analisa A.2.3.1 — AHSP Kota Contoh 2024, edisi 2024-1`` ("" without analysis)."""
        if not self.code:
            return ""
        return f"Analisa {self.code} — {self.book}" if self.book else f"Analisa {self.code}"

    def notes(self) -> list[str]:
        """What is printed under the item on the RAB rincian (the code and the book are in
        their own column and heading)::

            Harga khusus: tidak ada AHSP papan nama; sumber: survei 3 toko
            Harga satuan disesuaikan Rp 1.250.000 → Rp 1.100.000: harga toko setempat
        """
        out: list[str] = []
        if self.custom:
            what = "Lump sum khusus" if self.lump_sum else "Harga khusus"
            # an older file has no source: its reason often names one, so nothing is added
            source = f"; sumber: {self.source}" if self.source else ""
            out.append(f"{what}: {self.reason_of_custom or 'tanpa alasan'}{source}")
        if self.kind is OriginKind.OVERRIDE:
            old = "?" if self.base_rate is None else f"Rp {format_rate(self.base_rate)}"
            new = "?" if self.rate is None else f"Rp {format_rate(self.rate)}"
            out.append(f"Harga satuan disesuaikan {old} → {new}: {self.reason or 'tanpa alasan'}")
        if self.kind is OriginKind.NONE:
            out.append("Tanpa analisa maupun harga khusus")
        return out

    def lines(self) -> list[str]:
        """:meth:`book_line` (when any) then :meth:`notes`: the window's tooltip."""
        line = self.book_line()
        return [line, *self.notes()] if line else self.notes()


def rate_origin(item: Item, book: PriceBook) -> RateOrigin:
    """Where ``item``'s unit rate comes from, against the package's pinned ``book``.

    The base rate of an analysis is the book's rounded F
    (:meth:`~dtpl_studio.costing.pricebook.PriceBook.unit_rate`); one that cannot be
    computed is None (the RAB shows the error on the item). Never raises.
    """
    custom = item.analysis_code is None and item.custom_rate is not None
    lump = custom and item.unit == LUMP_SUM_UNIT
    base: Decimal | None = None
    if item.analysis_code:
        try:
            base = book.unit_rate(item.analysis_code) if item.analysis_code in book.analyses else None
        except (PriceBookError, KeyError, ArithmeticError):
            base = None
    elif custom:
        base = item.custom_rate
    code = item.analysis_code or ""
    where = book_text(book.meta) if code else ""
    custom_reason = item.custom_reason if custom else ""
    source = item.custom_source if custom else ""
    if item.rate_override is not None:
        return RateOrigin(OriginKind.OVERRIDE, code, where, base, item.rate_override, item.override_reason,
                          source, custom, lump, custom_reason)
    if code:
        return RateOrigin(OriginKind.BOOK, code, where, base, base)
    if custom:
        return RateOrigin(OriginKind.CUSTOM, "", "", base, base, custom_reason, source, True, lump, custom_reason)
    return RateOrigin(OriginKind.NONE)


__all__ = [
    "LUMP_SUM_UNIT", "AnalysisHit", "AnalysisIndex", "OriginKind", "RateOrigin", "book_text",
    "choose_analysis", "custom_item", "fold", "override_rate", "rate_origin",
]
