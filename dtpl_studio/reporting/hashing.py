"""The document hash: SHA-256 of the priced content of a DTPL package.

The hash is taken over a canonical JSON of what the package *says* (programme data,
signatories, ceiling rules, every printed row with its volume, rate and amount, measurement
lines, totals, ceiling checks, each pinned price book's content hash and provenance, and each
attachment's description and SHA-256), not
over the PDF bytes: two PDFs of the same priced content carry the same hash, and any change
of a printed figure changes it. Random node ids are left out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.data_umum import PackageData, ProgramData
from dtpl_studio.costing.rab import (
    Item,
    PricedItem,
    PricedPackage,
    PricedProgram,
    PricedSection,
    RowKind,
)


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _item(pi: PricedItem) -> dict[str, Any]:
    item: Item = pi.item
    return {
        "number": pi.number,
        "description": item.description,
        "unit": item.unit,
        "analysis_code": item.analysis_code,
        "custom_rate": _s(item.custom_rate),
        "custom_reason": item.custom_reason,
        "rate_override": _s(item.rate_override),
        "override_reason": item.override_reason,
        # left out when empty, so a file without it keeps its hash
        **({"custom_source": item.custom_source} if item.custom_source else {}),
        "funding": item.funding.value if item.funding else None,
        "funding_shares": [[source.value, str(value)] for source, value in pi.funding],
        "note": item.note,
        "measurements": [
            [m.description, m.sign, [[f.label, str(f.value), f.unit] for f in m.factors],
             # an expression or a link is printed: part of the content (left out for a factor
             # line, so a file without them keeps its hash)
             *([m.expression] if m.expression else []),
             *([["link", m.link]] if m.link is not None else [])]
            for m in item.measurements
        ],
        "volume_exact": _s(pi.volume_exact),
        "volume": _s(pi.volume),
        "rate": _s(pi.rate),
        "amount": str(pi.amount),
        "error": pi.error,
        # the jadwal is printed: an item's own start/duration is part of the content (left out
        # when both are the default, so a file without a jadwal keeps its hash)
        **({"schedule": [item.start_week, item.duration_weeks]}
           if item.start_week is not None or item.duration_weeks is not None else {}),
    }


def _package(pp: PricedPackage, book_hashes: dict[int, str]) -> dict[str, Any]:
    pkg = pp.package
    if id(pkg.book) not in book_hashes:
        book_hashes[id(pkg.book)] = pkg.book.content_hash()
    meta = pkg.book.meta
    rows: list[Any] = []
    for kind, node in pp.rows():
        if kind is RowKind.ITEM:
            assert isinstance(node, PricedItem)
            rows.append(["item", _item(node)])
        else:
            assert isinstance(node, PricedSection)
            rows.append([kind.value, node.number, node.section.title, str(node.total)])
    out = _package_content(pkg, meta, rows, pp, book_hashes)
    if pkg.data != PackageData():  # only when filled: an older project keeps its hash
        out["data_umum"] = _data(pkg.data)
    return out


def _data(data: Any) -> dict[str, Any]:
    """A data umum value (:mod:`dtpl_studio.costing.data_umum`) as JSON-ready text."""
    return {f.name: (None if getattr(data, f.name) is None else str(getattr(data, f.name)))
            for f in dataclasses.fields(data)}


def _package_content(pkg, meta, rows, pp: PricedPackage, book_hashes: dict[int, str]) -> dict[str, Any]:
    return {
        "name": pkg.name,
        "component": pkg.component.value,
        "ksm": pkg.ksm,
        "location": pkg.location,
        "description": pkg.description,
        "settings": {
            "volume_decimals": pkg.settings.volume_decimals,
            "ppn_rate": str(pkg.settings.ppn_rate),
            "ppn_label": pkg.settings.ppn_label,
            "total_rounding": pkg.settings.total_rounding.to_dict(),
            **({"crew": [pkg.settings.crew_size, pkg.settings.work_days_per_week]}
               if (pkg.settings.crew_size, pkg.settings.work_days_per_week) != (10, 6) else {}),
        },
        **({"parameters": [[p.name, str(p.value), p.unit, p.description] for p in pkg.parameters]}
           if pkg.parameters else {}),
        "book": {
            "content_hash": book_hashes[id(pkg.book)],
            "region": meta.region, "province": meta.province, "year": meta.year,
            "edition": meta.edition, "kind": meta.kind.value, "legal_ref": meta.legal_ref,
            "effective_date": meta.effective_date, "source_file": meta.source_file,
            "source_sha256": meta.source_sha256, "title": meta.title,
            **({"verification": meta.verification, "signer": meta.signer} if meta.verification else {}),
        },
        "rows": rows,
        "direct": str(pp.direct),
        "ppn": str(pp.ppn),
        "total": str(pp.total),
        "rounded": str(pp.rounded),
        "terbilang": pp.terbilang,
        "by_source": {k.value: str(v) for k, v in sorted(pp.by_source.items())},
        "findings": [[f.severity.value, f.code, f.message, f.location] for f in pp.findings],
    }


def priced_content(priced: PricedProgram) -> dict[str, Any]:
    """The canonical, JSON-ready content that :func:`document_hash` digests."""
    prog = priced.program
    book_hashes: dict[int, str] = {}
    content = {
        "format": "dtpl-studio/priced-program/1",
        "program": {
            "program": prog.program, "title": prog.title, "fiscal_year": prog.fiscal_year,
            "kelurahan": prog.kelurahan, "kecamatan": prog.kecamatan, "kota": prog.kota,
            "provinsi": prog.provinsi, "bkm": prog.bkm,
            "blm_allocation": _s(prog.blm_allocation),
        },
        "signatories": [[s.role, s.name, s.position, s.date] + ([s.kind, s.nip] if s.kind or s.nip else [])
                        for s in prog.signatories],
        "rules": [[r.program, r.component.value, str(r.ceiling), r.source_ref, r.note]
                  for r in prog.rules],
        "packages": [_package(pp, book_hashes) for pp in priced.packages],
        "blm_by_component": {k.value: str(v) for k, v in sorted(priced.blm_by_component.items())},
        "checks": [[c.component.value, str(c.amount), str(c.ceiling), c.source_ref, c.passed]
                   for c in priced.checks],
    }
    if prog.attachments:  # absent when empty: the hash of a project without any is unchanged
        scope = {p.id: n for n, p in enumerate(prog.packages, start=1)}
        content["attachments"] = [
            [a.kind.value, a.title, a.sheet, a.scale, a.note, scope.get(a.package_id or "", 0),
             a.media_type, a.sha256] for a in prog.attachments]
    if prog.spec_texts or prog.spec_links:  # the project's own RKS texts and choices
        content["spec_texts"] = {k: [c.title, list(c.keywords), *(t for _, t in c.parts())]
                                 for k, c in sorted(prog.spec_texts.items())}
        content["spec_links"] = [list(keys) for _, keys in sorted(prog.spec_links.items())]
    if prog.data != ProgramData():  # only when filled: an older project keeps its hash
        content["data_umum"] = _data(prog.data)
    return content


def document_hash(priced: PricedProgram, sections: Sequence[str] | None = None) -> str:
    """SHA-256 (hex, 64 characters) of :func:`priced_content` as canonical JSON.

    Stable across runs and machines for the same priced content; independent of the PDF
    bytes, the page layout and the DRAFT flag.

    Args:
        sections: the printed sections when the package leaves some out (the canonical
            choice of :func:`~dtpl_studio.reporting.selection.canonical_sections`, in print
            order); None for the full package. A partial package never carries the full
            package's code (issue 9 point 9).
    """
    content = priced_content(priced)
    if sections is not None:
        content["sections"] = list(sections)
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
