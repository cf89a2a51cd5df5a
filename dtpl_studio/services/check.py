"""``check``: the programme's BLM verdict as text or as JSON (issue 6 point 8).

Both renderings put words on :class:`~dtpl_studio.costing.blm.Verdict` (computed once by
:func:`~dtpl_studio.costing.rab.price_program`); nothing here decides anything.

JSON shape (``format`` ``dtpl-studio/check/1``; every rupiah amount is a decimal string)::

    {"format", "project",
     "verdict": {"kind", "label", "explanation", "exit_code", "final", "errors", "warnings"},
     "program": {"program", "kelurahan", "kota", "fiscal_year", "blm_allocation"},
     "rules": [{"program", "year", "component", "ceiling", "source", "note"}],
     "totals": {"packages": [{"id", "name", "component", "ksm", "location", "direct", "ppn",
                              "total": {"exact", "rounded"}, "by_source": {src: {"exact", "rounded"}}}],
                "components": {"perencanaan"|"fisik": {"exact", "rounded"}},
                "blm_total": {…}, "sources": {src: {…}}, "cost": {…}, "swadaya": {…},
                "swadaya_share"},
     "checks": [{"key", "label", "kind", "amount": {…}, "limit", "share", "passed", "source",
                 "state", "problem"}],   # state: pass|over|under|incomplete|none (as the window)
     "termins": [{"number", "percent", "milestone", "amount", "stated"}],
     "findings": [{"code", "severity", "blocks", "message", "location", "source",
                   "amounts": [[label, value]], "contributors": [{…}], "remedy",
                   "package_id", "item_id"}]}
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from dtpl_studio.costing.blm import Amount, Verdict, finding_kind, rp
from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.formatting import format_percent, format_rupiah
from dtpl_studio.costing.funding import applicable_rules
from dtpl_studio.costing.rab import PricedProgram

FORMAT = "dtpl-studio/check/1"


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _amount(a: Amount) -> dict[str, str]:
    return {"exact": str(a.exact), "rounded": str(a.rounded)}


def finding_json(f: Finding) -> dict[str, Any]:
    """One finding as JSON (codes, severity, the verdict it forces, amounts as strings)."""
    kind = finding_kind(f)
    return {
        "code": f.code, "severity": f.severity.value, "blocks": kind.value if kind else None,
        "message": f.message, "location": f.location, "source": f.source,
        "amounts": [[label, str(value)] for label, value in f.amounts],
        "contributors": [{"package": c.package, "number": c.number, "description": c.description,
                          "amount": str(c.amount), "package_id": c.package_id,
                          "item_id": c.item_id} for c in f.contributors],
        "remedy": f.remedy, "package_id": f.package_id, "item_id": f.item_id,
    }


def check_json(priced: PricedProgram, project: Path | str | None = None) -> dict[str, Any]:
    """The full check result as a JSON-ready dict (see the module docstring)."""
    v: Verdict = priced.verdict
    prog = priced.program
    t = v.totals
    rules = applicable_rules(prog.rules, prog.program, prog.fiscal_year)
    return {
        "format": FORMAT,
        "project": None if project is None else str(project),
        "verdict": {"kind": v.kind.value, "label": v.label, "explanation": v.explanation,
                    "exit_code": v.exit_code, "final": v.final, "errors": v.errors,
                    "warnings": v.warnings},
        "program": {"program": prog.program, "kelurahan": prog.kelurahan, "kota": prog.kota,
                    "fiscal_year": prog.fiscal_year, "blm_allocation": _s(prog.blm_allocation)},
        "rules": [{"program": r.program, "year": r.year, "component": r.component.value,
                   "ceiling": str(r.ceiling), "source": r.source_ref, "note": r.note,
                   "applied": r in rules} for r in prog.rules],
        "totals": {
            "packages": [{"id": p.package_id, "name": p.name, "component": p.component.value,
                          "ksm": p.ksm, "location": p.location, "direct": str(p.direct),
                          "ppn": str(p.ppn), "total": _amount(p.total),
                          "by_source": {s.value: _amount(a) for s, a in p.by_source.items()}}
                         for p in t.packages],
            "components": {c.value: _amount(a) for c, a in t.blm_by_component.items()},
            "blm_total": _amount(t.blm_total),
            "sources": {s.value: _amount(a) for s, a in t.by_source.items()},
            "cost": _amount(t.cost),
            "swadaya": _amount(t.swadaya),
            "swadaya_share": _s(t.swadaya_share),
            "planning_by_category": {k.value: str(v) for k, v in t.planning_by_category.items()},
            "ded_in_physical": str(t.ded_in_physical),
        },
        "checks": [{"key": g.key, "label": g.label, "kind": g.kind, "amount": _amount(g.amount),
                    "limit": _s(g.limit), "share": _s(g.share), "min_share": _s(g.min_share),
                    "passed": g.passed, "source": g.source, "state": v.gauge_state(g),
                    "problem": g.problem} for g in v.gauges],
        "termins": [{"number": x.number, "percent": str(x.percent), "milestone": x.milestone,
                     "amount": str(x.amount), "stated": _s(x.stated)} for x in v.termins],
        "findings": [finding_json(f) for f in v.findings],
    }


def render_json(priced: PricedProgram, project: Path | str | None = None) -> str:
    """:func:`check_json` as indented JSON text (UTF-8, Indonesian text kept as is)."""
    return json.dumps(check_json(priced, project), ensure_ascii=False, indent=2)


def render_text(priced: PricedProgram) -> str:
    """The check as plain Indonesian text for the terminal."""
    v = priced.verdict
    out: list[str] = []
    for p in v.totals.packages:
        out.append(f"{p.component.value:12} {p.name}")
        out.append(f"{'':12} jumlah Rp {format_rupiah(p.direct)}  PPN Rp {format_rupiah(p.ppn)}  "
                   f"total Rp {format_rupiah(p.total.exact)}  dibulatkan Rp "
                   f"{format_rupiah(p.total.rounded)}")
        shares = "  ".join(f"{s.value} Rp {format_rupiah(a.rounded)}" for s, a in p.by_source.items())
        if shares:
            out.append(f"{'':12} sumber dana: {shares}")
    out.append("Pemeriksaan pagu BLM (angka dibulatkan; sebelum pembulatan di belakang):")
    for g in v.gauges:
        state = v.gauge_label(g)  # the verdict's word for the gauge, as the window and PDF
        if g.kind == "max":
            # a ceiling that could not be read has no limit: "–", never a made-up 0
            limit = "–" if g.limit is None else format_rupiah(g.limit)
            remaining = "–" if g.remaining is None else rp(g.remaining)
            out.append(f"  {g.label:16} Rp {format_rupiah(g.amount.rounded):>15} / pagu Rp "
                       f"{limit:>15}  sisa {remaining:>17}  "
                       f"{state}  (sebelum pembulatan Rp {format_rupiah(g.amount.exact)})")
        else:
            shown = g.shown_share(4)  # one rule: a failing share never reads as passing
            share = "–" if shown is None else format_percent(shown)
            need = ("" if g.min_share is None else
                    f", minimum {format_percent(g.min_share)} {'terpenuhi' if g.passed else 'TIDAK terpenuhi'}")
            if g.problem:
                need = f", minimum tidak dapat diperiksa ({state})"
            out.append(f"  {g.label:16} Rp {format_rupiah(g.amount.rounded):>15} = {share} dari "
                       f"total biaya{need}")
    if v.termins:
        out.append("Termin pencairan BLM:")
        for x in v.termins:
            out.append(f"  {x.number}. {format_percent(x.percent / 100):>5}  Rp "
                       f"{format_rupiah(x.amount):>15}  {x.milestone or '(tanpa tonggak)'}")
    if v.findings:
        out.append("Temuan:")
    for f in v.findings:
        out.append(f"  [{f.severity.value}] {f.code}: {f.location + ': ' if f.location else ''}{f.message}")
        if f.contributors:
            top = "; ".join(f"{c.number + ' ' if c.number else ''}{c.description} ({rp(c.amount)})"
                            for c in f.contributors)
            out.append(f"      terbesar: {top}")
        if f.remedy:
            lead = "agar lulus" if f.severity is Severity.ERROR else "saran"
            out.append(f"      {lead}: {f.remedy}")
        if f.source:
            out.append(f"      sumber aturan: {f.source}")
    out.append(f"HASIL: {v.label} – {v.explanation}")
    return "\n".join(out)


__all__ = ["FORMAT", "check_json", "finding_json", "render_json", "render_text"]
