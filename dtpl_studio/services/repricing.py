"""Re-pricing use cases (issue 10 point 5), Qt-free, for the window and the CLI.

* :func:`targets`: the editions a package can be moved to: the shipped edition
  (``unit_prices/``) and every edition of the price library, with the library's location.
* :func:`load_target`: one of them as a :class:`~dtpl_studio.costing.pricebook.PriceBook`.
* :func:`plan`: the report and the edit (:func:`~dtpl_studio.costing.repricing.plan_repricing`).
* :func:`apply_plan`: apply it through the session (one edit) and note the totals for the
  audit log: the next save writes a ``reprice`` entry with who, when, the old and the new
  basis (:mod:`dtpl_studio.storage.audit_log`) and, as its detail, the total old → new
  (:func:`note_audit`).
* :func:`summary_lines` / :func:`report_json`: the report as Indonesian text lines (numbers
  in Indonesian format) and as JSON-ready data (Decimals as strings).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from dtpl_studio.costing.edits import Edit
from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Program
from dtpl_studio.costing.repricing import (
    STATUS_WORDS,
    LineStatus,
    RepriceError,
    RepricePlan,
    RepriceReport,
    plan_repricing,
)
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.services.session import ProjectSession

#: the key of the shipped edition among :func:`targets`
SHIPPED = "bawaan"


@dataclass(frozen=True, slots=True)
class Target:
    """An edition to re-price into: ``key`` (:data:`SHIPPED` or the library id as text),
    ``label`` as shown (``#3 HSPK Kota Semarang 2025 (Edisi Ke - 2)``)."""

    key: str
    label: str


def targets(library_url: str | None = None) -> tuple[list[Target], str, str]:
    """The shipped edition, then the library's other editions (published first, newest
    first; the library's copy of the shipped edition is the first entry, not listed twice).

    Returns ``(targets, library location, error)``; ``error`` is the Indonesian reason the
    library could not be read ("" when it could): the shipped edition is offered anyway.
    """
    from dtpl_studio.services.paths import DEFAULT_EDITION
    from dtpl_studio.services.prices import library_editions

    out = [Target(SHIPPED, f"Edisi bawaan ({DEFAULT_EDITION.name})")]
    try:
        infos, where, shipped_id = library_editions(library_url)
    except Exception as exc:  # noqa: BLE001 - a library that cannot be opened is said, not raised
        return out, "", f"pustaka harga tidak dapat dibuka: {exc}"
    out += [Target(str(info.id), f"#{info.id} {info.kind.value} {info.label()}") for info in infos
            if info.id != shipped_id]
    return out, where, ""


def load_target(key: str, library_url: str | None = None) -> PriceBook:
    """The edition ``key`` (:data:`SHIPPED` or a library edition id).

    Raises:
        dtpl_studio.services.prices.PricesError: the shipped edition is missing.
        dtpl_studio.storage.errors.EditionNotFoundError: no such library edition.
        ValueError: ``key`` is neither.
    """
    if key == SHIPPED:
        return load_default_book()
    from dtpl_studio.services.prices import load_library_book

    return load_library_book(int(key), library_url)


def plan(program: Program, package_id: str, book: PriceBook) -> RepricePlan:
    """The report and edit of moving the package onto ``book`` (nothing changed yet).

    Raises:
        RepriceError: ``book`` is the package's own, or empty.
        dtpl_studio.costing.edits.EditError: no such package.
    """
    return plan_repricing(program, package_id, book)


def audit_detail(report: RepriceReport, old_rounded: Decimal | None = None) -> str:
    """The audit entry's detail: ``Total Rp X → Rp Y (selisih …); N item tanpa padanan``."""
    old = report.old.rounded if old_rounded is None else old_rounded
    change = report.new.rounded - old
    sign = "+" if change > 0 else ("−" if change < 0 else "")
    return (f"Total Rp {format_rupiah(old)} → Rp {format_rupiah(report.new.rounded)} "
            f"(selisih {sign}Rp {format_rupiah(abs(change))}); "
            f"{len(report.missing)} item tanpa padanan")


def note_audit(session: ProjectSession, report: RepriceReport) -> None:
    """Note the totals of an applied re-pricing for the next save's ``reprice`` entry. A
    package re-priced again before the save keeps the total it had in the file."""
    key = ("reprice", report.package_id)
    previous = session.audit_details.get(key)
    old = _first_total(previous) if previous else None
    session.audit_details[key] = audit_detail(report, old)


def _first_total(detail: str) -> Decimal | None:
    from dtpl_studio.costing.numbers import parse_number

    try:
        return parse_number(detail.split("Rp ", 1)[1].split(" ", 1)[0])
    except (IndexError, ValueError, ArithmeticError):
        return None


def apply_plan(session: ProjectSession, repricing: RepricePlan) -> Edit:
    """Apply the plan's edit through the session (one step) and note it for the audit log;
    returns the inverse.

    Raises:
        dtpl_studio.costing.edits.EditError: the programme changed so that it does not fit.
    """
    inverse = session.apply(repricing.edit)
    note_audit(session, repricing.report)
    return inverse


def _signed(value: Decimal) -> str:
    if value > 0:
        return "+" + format_rupiah(value)
    if value < 0:
        return "−" + format_rupiah(-value)
    return "0"


def summary_lines(report: RepriceReport) -> list[str]:
    """The report summary in Indonesian (numbers ``1.234.567``): bases, counts, divisions,
    totals (jumlah, PPN, total, dibulatkan) old → new, and every item without counterpart."""
    out = [f"Paket {report.package_name}: {report.old_basis} → {report.new_basis}"]
    counts = ", ".join(f"{report.count(s)} {STATUS_WORDS[s]}" for s in LineStatus)
    out.append(f"  {len(report.lines)} item: {counts}")
    out.append("  Per divisi (lama → baru, selisih):")
    for d in report.divisions:
        out.append(f"    {d.number}. {d.title}: Rp {format_rupiah(d.old_total)} → Rp {format_rupiah(d.new_total)}"
                   f" ({_signed(d.change)})")
    for word, a, b in (("Jumlah", report.old.direct, report.new.direct),
                       ("PPN", report.old.ppn, report.new.ppn),
                       ("Total", report.old.total, report.new.total),
                       ("Dibulatkan", report.old.rounded, report.new.rounded)):
        out.append(f"  {word}: Rp {format_rupiah(a)} → Rp {format_rupiah(b)} ({_signed(b - a)})")
    if report.missing:
        out.append(f"  Item tanpa padanan ({len(report.missing)}; analisa lama tetap dipakai):")
        for line in report.missing:
            out.append(f"    {line.number} {line.description} [{line.old_code}]: {line.reason}")
    return out


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def report_json(report: RepriceReport) -> dict:
    """The report as JSON-ready data (money as Decimal strings, Rp)."""
    def totals(t) -> dict:
        return {"jumlah": str(t.direct), "ppn": str(t.ppn), "total": str(t.total), "dibulatkan": str(t.rounded)}

    return {
        "paket": report.package_name, "paket_id": report.package_id,
        "dasar_lama": report.old_basis, "dasar_baru": report.new_basis,
        "jumlah_status": {s.value: report.count(s) for s in LineStatus},
        "item": [{"no": ln.number, "uraian": ln.description, "satuan": ln.unit,
                  "volume": _money(ln.volume), "kode_lama": ln.old_code, "kode_baru": ln.new_code,
                  "dasar_padanan": ln.basis, "status": ln.status.value, "keterangan": ln.reason,
                  "harga_lama": _money(ln.old_rate), "harga_baru": _money(ln.new_rate),
                  "jumlah_lama": str(ln.old_amount), "jumlah_baru": str(ln.new_amount),
                  "selisih": str(ln.change)} for ln in report.lines],
        "divisi": [{"no": d.number, "judul": d.title, "lama": str(d.old_total), "baru": str(d.new_total),
                    "selisih": str(d.change)} for d in report.divisions],
        "lama": totals(report.old), "baru": totals(report.new),
    }


__all__ = ["SHIPPED", "RepriceError", "Target", "apply_plan", "audit_detail", "load_target",
           "note_audit", "plan", "report_json", "summary_lines", "targets"]
