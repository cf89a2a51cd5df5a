"""Which price books, analyses and base prices the document uses (for the analysis sheets
and the price lists): the pinned books of the packages, grouped by content."""

from __future__ import annotations

from dataclasses import dataclass, field

from dtpl_studio.costing.pricebook import LineKind, PriceBook
from dtpl_studio.costing.rab import PricedPackage, PricedProgram


@dataclass
class BookUse:
    """One distinct price book and what the document takes from it.

    Attributes:
        book: the union of the packages' pinned copies (same source, no differing entry).
        packages: ``(number, priced package)`` of every package pinned to this content.
        codes: analysis codes used, in RAB order, each followed by its sub-analyses.
        usage: code → where it is used: ``"Paket 2"`` → item numbers, or
            ``"sub-analisa"`` → parent analysis codes.
        resources: resource keys used by those analyses, in book order.
    """

    book: PriceBook
    packages: list[tuple[int, PricedPackage]] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    usage: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    resources: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """A short name of the book: its title, else region and year, else the hash."""
        meta = self.book.meta
        if meta.title:
            return meta.title
        parts = [p for p in (meta.region, str(meta.year) if meta.year else "", meta.edition) if p]
        return " ".join(parts) if parts else f"Buku harga {self.book.content_hash()[:8]}"


def describe_usage(usage: dict[str, list[str]], limit: int = 8) -> str:
    """``"Paket 2: II.1.a, III.1; sub-analisa RB.12"``, at most ``limit`` references per
    group (``"… dan 16 lainnya"``)."""
    parts = []
    for where, refs in usage.items():
        shown = ", ".join(refs[:limit])
        if len(refs) > limit:
            shown += f" dan {len(refs) - limit} lainnya"
        parts.append(f"{where}: {shown}" if where.startswith("Paket") else f"{where} {shown}")
    return "; ".join(parts)


def _key(book: PriceBook) -> tuple:
    """Provenance of a book (not its content): packages pinned to different subsets of
    one edition share it, so their analyses and prices print once for the programme."""
    m = book.meta
    return (m.title, m.region, m.province, m.year, m.edition, m.legal_ref, m.source_file,
            m.source_sha256, m.kind, m.rate_rounding, m.default_overhead_pct)


def _merge(into: PriceBook, book: PriceBook) -> bool:
    """Add ``book``'s analyses and resources to ``into``; False (and nothing added) when
    one of them differs from the one ``into`` already holds (an edited pinned copy)."""
    for code, analysis in book.analyses.items():
        if code in into.analyses and into.analyses[code] != analysis:
            return False
    for key, resource in book.resources.items():
        if key in into.resources and into.resources[key] != resource:
            return False
    for key, resource in book.resources.items():
        into.resources.setdefault(key, resource)
    for code, analysis in book.analyses.items():
        into.analyses.setdefault(code, analysis)
    into._memo.clear()
    return True


def book_uses(priced: PricedProgram) -> list[BookUse]:
    """Group the packages by price-book source and collect the analyses/resources used.

    Packages pinned to subsets of one edition (the usual case: each package pins what it
    uses) form one group whose analysis sheets and base prices are printed once for the
    programme (issue 9 point 7); a package whose pinned copy was edited (an analysis or a
    price differs) gets a group of its own. Books from which no item uses an analysis are
    left out (a perencanaan package priced only with custom rates prints no analysis
    sheet).
    """
    groups: list[tuple[tuple, BookUse]] = []
    for number, pp in enumerate(priced.packages, start=1):
        book = pp.package.book
        key = _key(book)
        use = None
        for k, candidate in groups:
            if k == key and (candidate.book is book or _merge(candidate.book, book)):
                use = candidate
                break
        if use is None:
            merged = PriceBook(book.meta)
            _merge(merged, book)
            use = BookUse(merged)
            groups.append((key, use))
        use.packages.append((number, pp))
        for pi in pp.items():
            code = pi.item.analysis_code
            if not code or code not in book.analyses:
                continue
            where = use.usage.setdefault(code, {}).setdefault(f"Paket {number}", [])
            where.append(pi.number)
            _visit(use.book, code, use)
    result = []
    for _, use in groups:
        if not use.codes:
            continue
        keys: set[str] = set()
        for code in use.codes:
            for line in use.book.analyses[code].lines:
                if line.kind in (LineKind.LABOUR, LineKind.MATERIAL, LineKind.EQUIPMENT) \
                        and line.price_override is None:
                    keys.add(line.ref)
        use.resources = [k for k in use.book.resources if k in keys]
        result.append(use)
    return result


def _visit(book: PriceBook, code: str, use: BookUse) -> None:
    if code in use.codes:
        return
    use.codes.append(code)
    for line in book.analyses[code].lines:
        if line.kind is LineKind.SUB_ANALYSIS and line.ref in book.analyses:
            parents = use.usage.setdefault(line.ref, {}).setdefault("sub-analisa", [])
            if code not in parents:
                parents.append(code)
            _visit(book, line.ref, use)
