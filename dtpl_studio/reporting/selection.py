"""Which sections of the DTPL package to print (issue 9 point 9: the export dialog and
``dtpl-studio export … --sections a,b,…``).

A *choice* is a set of section ids of the template (:mod:`dtpl_studio.reporting.template`):
top-level ids (``cover``, ``packages``, ``lampiran`` …) and package part ids (``rekap``,
``rincian``, ``backup``); the two sets do not overlap. A part is printed when it and
``packages`` are chosen. On the command line (:func:`parse_sections`) a choice that names
``packages`` and no part takes the template's parts (``--sections cover,packages`` prints
the packages whole).

:func:`canonical_sections` reduces a choice to what it changes in the printed document:
sections the programme has nothing for (no drawing attached, no RKS clause, no photo) are
left out of both the choice and the template default, and a choice that prints what the
template prints gives None. The document hash (:func:`~dtpl_studio.reporting.hashing.document_hash`)
covers the canonical choice and the PDF names it in its Keywords (:data:`SECTIONS_KEY`),
so ``dtpl-studio verify`` re-prints exactly those sections and says which were left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dtpl_studio.costing.attachments import AttachmentKind
from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.reporting.errors import ReportError
from dtpl_studio.reporting.template import PART_IDS, SECTION_IDS, DtplTemplate

#: Prefix of the printed section choice in the PDF's Keywords (absent for the full package).
SECTIONS_KEY = "dtpl-sections:"
_SECTIONS_RE = re.compile(rb"dtpl-sections:([a-z_,]*)")

#: Why a section would print nothing (its builder returns no page for this programme).
EMPTY_REASONS = {
    "gambar": "tidak ada peta atau gambar terlampir",
    "spesifikasi": "tidak ada spesifikasi untuk item RAB",
    "lampiran": "tidak ada lampiran (foto atau pindaian)",
}


class SectionChoiceError(ReportError):
    """A section id that the template does not have (``--sections lampiran,foo``)."""

    default_code = "report.sections"


@dataclass(frozen=True, slots=True)
class SectionChoice:
    """One row of the export dialog's section list.

    Attributes:
        id: the template id (``lampiran``; a package part: ``rekap``).
        title: the template's title (``packages``: ``Paket kegiatan``, without ``{n}``).
        level: 0 for a top-level section, 1 for a package part.
        default: printed by the template (the default of the checkbox).
        reason: why there is nothing to print for this programme (Indonesian), or None.
    """

    id: str
    title: str
    level: int
    default: bool
    reason: str | None = None


def empty_reasons(priced: PricedProgram) -> dict[str, str]:
    """``{section id: reason}`` of the sections that print nothing for ``priced``: the
    conditions of :func:`~dtpl_studio.reporting.sections.attachments.build_drawings`,
    :func:`~dtpl_studio.reporting.sections.attachments.build_lampiran` and
    :func:`~dtpl_studio.reporting.sections.specs.build_specs`."""
    kinds = {a.kind for a in priced.program.attachments}
    out: dict[str, str] = {}
    if not kinds & {AttachmentKind.MAP, AttachmentKind.DRAWING}:
        out["gambar"] = EMPTY_REASONS["gambar"]
    if not kinds & {AttachmentKind.PHOTO, AttachmentKind.SCAN}:
        out["lampiran"] = EMPTY_REASONS["lampiran"]
    from dtpl_studio.costing.specs import uses_any_spec
    from dtpl_studio.reporting.spec_templates import load_spec_templates

    if not uses_any_spec(priced.program, priced.packages, load_spec_templates()):
        out["spesifikasi"] = EMPTY_REASONS["spesifikasi"]
    return out


def section_choices(layout: DtplTemplate, priced: PricedProgram | None = None) -> list[SectionChoice]:
    """Every section of ``layout`` in print order, the package parts right after
    ``packages``; with ``priced``, the sections it has nothing for carry their reason."""
    empty = empty_reasons(priced) if priced is not None else {}
    rows = []
    for spec in layout.sections:
        title = "Paket kegiatan" if spec.id == "packages" else spec.title
        rows.append(SectionChoice(spec.id, title, 0, spec.enabled, empty.get(spec.id)))
        rows += [SectionChoice(p.id, p.title, 1, p.enabled) for p in spec.parts]
    return rows


def parse_sections(text: str, layout: DtplTemplate) -> frozenset[str]:
    """``"cover,approval, rekap"`` → ``{"cover", "approval", "rekap"}`` (CLI ``--sections``);
    ``packages`` without any part id takes ``layout``'s enabled parts.

    Raises:
        SectionChoiceError: an id that no template section has; the message lists the ids.
    """
    ids = frozenset(w.strip() for w in text.split(",") if w.strip())
    check_ids(ids)
    if "packages" in ids and not ids & set(PART_IDS):
        ids |= {p.id for p in layout.enabled_parts()}
    return ids


def check_ids(ids: Iterable[str]) -> None:
    """Raise :class:`SectionChoiceError` when ``ids`` holds an unknown section id."""
    known = {*SECTION_IDS, *PART_IDS}
    bad = sorted(set(ids) - known)
    if bad:
        raise SectionChoiceError(f"unknown section id {bad[0]!r}", code="report.sections",
                                 params={"id": bad[0], "known": ", ".join([*SECTION_IDS, *PART_IDS])})


def apply_sections(layout: DtplTemplate, chosen: Iterable[str] | None) -> DtplTemplate:
    """``layout`` with only the ``chosen`` sections and parts enabled (None: unchanged).

    Raises:
        SectionChoiceError: an unknown id.
    """
    if chosen is None:
        return layout
    chosen = frozenset(chosen)
    check_ids(chosen)
    sections = []
    for spec in layout.sections:
        parts = tuple(dataclasses.replace(p, enabled=p.id in chosen) for p in spec.parts)
        sections.append(dataclasses.replace(spec, enabled=spec.id in chosen, parts=parts))
    return dataclasses.replace(layout, sections=tuple(sections))


def _printed(layout: DtplTemplate, empty: Iterable[str]) -> tuple[str, ...]:
    """The ids ``layout`` prints something for, in order (parts only under ``packages``)."""
    empty = set(empty)
    out = []
    for spec in layout.enabled():
        if spec.id in empty:
            continue
        out.append(spec.id)
        if spec.id == "packages":
            out += [p.id for p in spec.parts if p.enabled]
    return tuple(out)


def canonical_sections(priced: PricedProgram, layout: DtplTemplate,
                       chosen: Iterable[str] | None) -> tuple[str, ...] | None:
    """The printed sections of ``chosen`` in print order, or None when they are what
    ``layout`` prints anyway (the full package: hash and bytes as without a choice).

    Raises:
        SectionChoiceError: an unknown id, or nothing left to print.
    """
    if chosen is None:
        return None
    empty = empty_reasons(priced)
    printed = _printed(apply_sections(layout, chosen), empty)
    if not printed:
        raise SectionChoiceError("no section chosen", code="report.sections_empty")
    return None if printed == _printed(layout, empty) else printed


def left_out(layout: DtplTemplate, printed: Iterable[str], empty: Iterable[str] = ()) -> list[str]:
    """Titles of the template's enabled sections that ``printed`` leaves out, but for the
    ``empty`` ones (nothing to print anyway): for the ``verify`` message and the
    Keterangan dokumen."""
    printed = set(printed)
    empty = set(empty)
    out = []
    for spec in layout.enabled():
        if spec.id in empty:
            continue
        if spec.id not in printed:
            out.append("Paket kegiatan" if spec.id == "packages" else spec.title)
        elif spec.id == "packages":
            out += [p.title for p in spec.parts if p.enabled and p.id not in printed]
    return out


def sections_in_pdf(data: bytes) -> tuple[str, ...] | None:
    """The section choice a DTPL PDF names in its Keywords, or None (the full package)."""
    m = _SECTIONS_RE.search(data)
    return tuple(w for w in m.group(1).decode("ascii").split(",") if w) if m else None
