"""What the BLM verdict needs from a priced package, summed per section as it is priced.

The verdict (:func:`dtpl_studio.costing.blm.judge`) asks of every package: the BLM share of
its items and the largest of them, the items priced from the pinned book and their amount,
the overhead E (*biaya umum dan keuntungan*) its items carry, the custom rates without a
named source, and the amount per planning category or DED. Walking every item for that after
every edit made the verdict cost as much as the whole recompute (issue 10: 2 000 items,
about 40 ms of a 53 ms volume edit).

A :class:`Digest` holds those figures for one item, and for a section the merge of its
children's. :func:`~dtpl_studio.costing.rab.price_package` makes an item's digest when it
prices the item and a section's when it prices the section, and keeps both with the reused
results, so after a value edit only the edited item's digest and those of the sections above
it are made again; the verdict reads the package's digest (the merge of its divisions').

The merge is exact: sums are Decimal sums in tree order, and a "largest" list is the first
:data:`TOP` of the children's lists joined in tree order and sorted stably by value,
largest first — the same items in the same order as sorting every item of the package
stably (an item among the package's first :data:`TOP` is among its section's first
:data:`TOP`, and joining in tree order keeps the ties in tree order).
"""

from __future__ import annotations

from decimal import Decimal
from heapq import nlargest
from operator import itemgetter
from typing import TYPE_CHECKING

from dtpl_studio.costing.funding import FundingSource, SectionKind
from dtpl_studio.costing.money import ZERO, round_rupiah

if TYPE_CHECKING:
    from dtpl_studio.costing.pricebook import PriceBook
    from dtpl_studio.costing.rab import PricedItem

#: How many contributors a finding lists (largest first).
TOP = 3

_VALUE = itemgetter(0)
_NONE = SectionKind.NONE
_BLM = FundingSource.BLM


def _source_named(item) -> bool:
    """True when the item names where its custom rate comes from (``custom_source``)."""
    return bool(item.custom_source.strip())


def _largest(entries: list) -> tuple:
    """The first :data:`TOP` of ``entries`` (``(value, …)`` tuples in tree order) by value,
    largest first, ties in tree order: ``sorted(entries, key, reverse=True)[:TOP]``, which
    ``heapq.nlargest`` is documented to equal (stable), in O(n log TOP)."""
    if len(entries) <= 1:
        return tuple(entries)
    return tuple(nlargest(TOP, entries, key=_VALUE))


class Digest:
    """The verdict's figures for an item or a section (everything below it).

    Attributes:
        blm: Σ BLM share (rupiah) of the items not in error whose BLM share is above 0.
        blm_count: how many such items.
        blm_top: the :data:`TOP` largest of them, ``((share, priced item), …)``.
        used_count: items whose rate comes from the pinned book (an analysis code and no
            override), in error or not.
        used_amount: Σ their amounts (rupiah; an item in error counts 0).
        used_top: the :data:`TOP` largest of them by amount, ``((amount, priced item), …)``.
        e_count: items from the book, not in error, whose analysis has an overhead E above 0.
        e_amount: Σ ``round_rupiah(printed volume × E per unit)`` over those items.
        e_rates: their overhead percentages.
        e_top: the :data:`TOP` largest, ``((E rupiah, priced item), …)``.
        custom: priced items with a custom rate whose reason names no source (in tree order;
            :func:`states_source` decides).
        kinds: amount (items not in error) per the nearest section kind set *inside* this
            subtree; ``SectionKind.NONE`` = no kind set below here (the one above applies).
        kinds_present: every such kind with at least one item (in error too).
    """

    __slots__ = ("blm", "blm_count", "blm_top", "custom", "e_amount", "e_count", "e_rates", "e_top",
                 "kinds", "kinds_present", "used_amount", "used_count", "used_top")

    def __init__(self, blm=ZERO, blm_count=0, blm_top=(), used_count=0, used_amount=ZERO, used_top=(),
                 e_count=0, e_amount=ZERO, e_rates=frozenset(), e_top=(), custom=(), kinds=None,
                 kinds_present=frozenset()):
        self.blm = blm
        self.blm_count = blm_count
        self.blm_top = blm_top
        self.used_count = used_count
        self.used_amount = used_amount
        self.used_top = used_top
        self.e_count = e_count
        self.e_amount = e_amount
        self.e_rates = e_rates
        self.e_top = e_top
        self.custom = custom
        self.kinds = {} if kinds is None else kinds
        self.kinds_present = kinds_present

    def key(self) -> tuple:
        """Every figure, the priced items by identity (to compare two digests)."""
        return (self.blm, self.blm_count, [(v, id(p)) for v, p in self.blm_top], self.used_count,
                self.used_amount, [(v, id(p)) for v, p in self.used_top], self.e_count, self.e_amount,
                self.e_rates, [(v, id(p)) for v, p in self.e_top], [id(p) for p in self.custom],
                self.kinds, self.kinds_present)

    def __repr__(self) -> str:
        return (f"Digest(blm={self.blm}, blm_count={self.blm_count}, used={self.used_count}/"
                f"{self.used_amount}, e={self.e_count}/{self.e_amount}, kinds={self.kinds})")


#: the digest of an item that adds nothing (no BLM share, no book rate, no kind amount)
EMPTY = Digest()


#: Words that name where a custom rate comes from (issue 6 point 5: survey, quotation, SBU).
SOURCE_WORDS = ("survei", "survey", "pasar", "penawaran", "quotation", "kuitansi", "nota",
                "faktur", "brosur", "katalog", "toko", "sbu", "ssh", "hspk", "hsd", "perbup",
                "perwal", "pergub", "kontrak", "tarif", "daftar harga")


def states_source(reason: str) -> bool:
    """True when a custom rate's ``reason`` names where the price comes from
    (:data:`SOURCE_WORDS`, case-insensitive)."""
    text = reason.lower()
    return any(w in text for w in SOURCE_WORDS)


def item_digest(pi: PricedItem, book: PriceBook) -> Digest:
    """The digest of one priced item alone (a section's digest sums its items in place,
    :func:`merge`; this one is for tests and callers that want one item's figures)."""
    return merge([pi], _NONE, book)


def merge(children, kind: SectionKind = _NONE, book: PriceBook | None = None) -> Digest:
    """The digest of a section from its children in tree order: a child section's
    :class:`Digest`, or a priced item, whose figures are taken here (no digest object is
    made per item: at 5 000 items those objects alone doubled the garbage collector's work
    of a full recompute). ``kind`` is the section's own kind: what its children left unset
    (``NONE``) becomes ``kind``; ``book`` is the package's pinned book (E per unit of an
    item's analysis).
    """
    out = Digest()
    blm_top: list = []
    used_top: list = []
    e_top: list = []
    custom: list = []
    rates: set = set()
    kinds: dict[SectionKind, Decimal] = {}
    present: set = set()
    for d in children:
        if d.__class__ is not Digest:  # a priced item
            pi = d
            item = pi.item
            error = pi.error
            own = kind or _NONE
            present.add(own)
            if not error:
                blm = ZERO
                for source, value in pi.funding:
                    if source is _BLM:
                        blm += value
                if blm > 0:
                    out.blm += blm
                    out.blm_count += 1
                    blm_top.append((blm, pi))
                kinds[own] = kinds[own] + pi.amount if own in kinds else pi.amount
            code = item.analysis_code
            if code and item.rate_override is None:
                out.used_count += 1
                out.used_amount += pi.amount
                used_top.append((pi.amount, pi))
                if not error and pi.volume is not None and book is not None:
                    try:
                        bd = book.compute(code)
                    except (KeyError, ValueError, ArithmeticError):
                        bd = None
                    if bd is not None and bd.overhead_pct > 0:
                        e = round_rupiah(pi.volume * bd.e)
                        out.e_count += 1
                        out.e_amount += e
                        rates.add(bd.overhead_pct)
                        e_top.append((e, pi))
            elif (code is None and item.custom_rate is not None and item.custom_reason and not error
                  and not _source_named(item) and not states_source(item.custom_reason)):
                custom.append(pi)
            continue
        if d.blm_count:
            out.blm += d.blm
            out.blm_count += d.blm_count
            blm_top += d.blm_top
        if d.used_count:
            out.used_count += d.used_count
            out.used_amount += d.used_amount
            used_top += d.used_top
        if d.e_count:
            out.e_count += d.e_count
            out.e_amount += d.e_amount
            rates |= d.e_rates
            e_top += d.e_top
        if d.custom:
            custom += d.custom
        for k, amount in d.kinds.items():
            k = k or kind
            kinds[k] = kinds[k] + amount if k in kinds else amount
        if kind:
            present.update(k or kind for k in d.kinds_present)
        else:
            present |= d.kinds_present
    out.blm_top = _largest(blm_top)
    out.used_top = _largest(used_top)
    out.e_top = _largest(e_top)
    out.e_rates = frozenset(rates)
    out.custom = tuple(custom)
    out.kinds = kinds
    out.kinds_present = frozenset(present)
    return out


def largest(entries) -> tuple:
    """:func:`_largest` over ``(value, …)`` entries from several digests joined in order."""
    return _largest(list(entries))


__all__ = ["EMPTY", "SOURCE_WORDS", "TOP", "Digest", "item_digest", "largest", "merge", "states_source"]
