"""Spesifikasi Teknis (RKS): the clauses the RAB uses, in RAB order, each once (issue 9
point 2, DOMAIN.md §4.4 item 7).

Which clauses and their order come from :func:`dtpl_studio.costing.specs.specs_in_rab_order`
(links per item/section, else the keyword match against the shipped texts of
``templates/spesifikasi``); a clause's text is the project's own copy when it has one. Each
clause is a numbered heading (TOC entry and bookmark) with its five parts and the RAB items
it covers. The section is left out when no item calls for a clause.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from dtpl_studio.costing.specs import specs_in_rab_order
from dtpl_studio.reporting.common import BuildContext, ChapterBreak, Paragraph, esc
from dtpl_studio.reporting.spec_templates import load_spec_templates

__all__ = ["build_specs"]


def _paragraphs(ctx: BuildContext, text: str) -> list[Flowable]:
    """Blank-line separated paragraphs; single line breaks are kept."""
    out: list[Flowable] = []
    for block in text.strip().split("\n\n"):
        block = block.strip()
        if block:
            out.append(Paragraph("<br/>".join(esc(line) for line in block.split("\n")), ctx.styles.body))
    return out


def _covers(ctx: BuildContext, items: list[tuple[int, str]]) -> str:
    many = len(ctx.priced.packages) > 1
    by_package: dict[int, list[str]] = {}
    for n, number in items:
        by_package.setdefault(n, []).append(number)
    parts = []
    for n, numbers in by_package.items():
        shown = ", ".join(numbers[:12]) + (f" dan {len(numbers) - 12} item lain" if len(numbers) > 12 else "")
        parts.append(f"Paket {n}: {shown}" if many else shown)
    return "; ".join(parts)


def build_specs(ctx: BuildContext) -> list[Flowable]:
    """The ``spesifikasi`` section."""
    uses = specs_in_rab_order(ctx.priced.program, ctx.priced.packages, load_spec_templates())
    if not uses:
        return []
    title = ctx.template.title("spesifikasi")
    story: list[Flowable] = [
        ChapterBreak(), ctx.heading(title, 0, section=title),
        ctx.p("Spesifikasi teknis (Rencana Kerja dan Syarat) berikut berlaku untuk pekerjaan pada "
              "RAB dokumen ini, diurutkan menurut kemunculan pertamanya dalam RAB. Setiap pasal "
              "menyebut lingkup, bahan, cara pelaksanaan, pemeriksaan mutu, serta cara volume "
              "item RAB diukur dan dibayar. Acuan SNI berlaku dalam edisi yang berlaku saat "
              "pelaksanaan."),
        Spacer(1, 4),
    ]
    for k, use in enumerate(uses, start=1):
        ctx.check_cancel()
        clause = use.clause
        head = ctx.heading(f"{k}. {clause.title}", 1)
        covers = Paragraph(f"<i>Berlaku untuk item RAB: {esc(_covers(ctx, use.items))}</i>", ctx.styles.note)
        first, *rest = clause.parts() or [("", "")]
        story.append(KeepTogether([head, covers, *_part(ctx, *first)]))
        for heading, text in rest:
            story += _part(ctx, heading, text)
    return story


def _part(ctx: BuildContext, heading: str, text: str) -> list[Flowable]:
    if not heading:
        return []
    return [Paragraph(f"<b>{esc(heading)}</b>", ctx.styles.h3), *_paragraphs(ctx, text)]
