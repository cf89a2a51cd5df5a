"""``rekap``: the rekap kebutuhan bahan & tenaga kerja of a project as text or CSV (issue 10
point 6), for the CLI (``dtpl-studio rekap PROJECT [--paket N] [--csv OUT.csv]``).

The figures are those of :mod:`dtpl_studio.costing.kebutuhan` (computed from
:func:`~dtpl_studio.costing.rab.price_program`, the one calculation path); nothing here
computes.

CSV format (for a spreadsheet set to Indonesian, and documented in README.md):

* UTF-8 with a byte-order mark (so a spreadsheet reads ``m³``/``Ø`` right), fields separated
  by ``;`` (a decimal comma cannot also separate fields), quoted where needed;
* Indonesian headings; numbers in the Indonesian format (``1.234,5678``: ``.`` groups
  thousands, ``,`` is the decimal mark), quantities with the schedule's decimals (4 by
  default), purchase quantities with the volume decimals, rupiah whole;
* one row per resource grouped *Tenaga kerja*, *Bahan*, *Peralatan*, each group closed by its
  *Jumlah* row; then the items not broken down, the explained adjustment lines (E,
  pembulatan…) and the line that equals the RAB's JUMLAH BIAYA LANGSUNG.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.kebutuhan import (
    EXTRA_DECIMALS,
    KIND_ORDER,
    KIND_TEXT,
    REASON_TEXT,
    ResourceNeed,
    Schedule,
    schedule_package,
    schedule_program,
)
from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.costing.rab import PricedProgram, Program, price_program
from dtpl_studio.errors import DtplError

CSV_COLUMNS = ("Kelompok", "No", "Kode", "Uraian", "Satuan", "Kuantitas", "Harga Satuan (Rp)",
               "Jumlah Harga (Rp)", "Kuantitas Beli", "Dipakai oleh")


class RekapError(DtplError, ValueError):
    """A rekap that cannot be made as asked (no such package, a bad CSV target)."""

    default_code = "target.invalid"


def schedule_of(priced: PricedProgram, package: int | None = None) -> Schedule:
    """The schedule of package number ``package`` (1-based, as printed) or, when None, of
    the whole programme.

    Raises:
        RekapError: no package with that number.
    """
    if package is None:
        return schedule_program(priced)
    if not 1 <= package <= len(priced.packages):
        raise RekapError(f"paket {package} tidak ada (program ini memuat {len(priced.packages)} paket)",
                         code="rekap.no_package", params={"package": str(package)})
    return schedule_package(priced.packages[package - 1])


def project_schedule(program: Program, package: int | None = None) -> tuple[PricedProgram, Schedule]:
    """Price ``program`` and return it with its schedule (see :func:`schedule_of`)."""
    priced = price_program(program)
    return priced, schedule_of(priced, package)


def quantity_text(value, decimals: int) -> str:
    """A quantity in the Indonesian format with ``decimals`` places; ``–`` for None."""
    return "–" if value is None else format_number(value, decimals)


def purchase_text(row: ResourceNeed, decimals: int) -> str:
    """``481,82 zak 50 kg; 602,28 zak 40 kg`` (empty when no purchase unit is known)."""
    places = max(decimals - EXTRA_DECIMALS, 0)
    return "; ".join(f"{format_number(p.quantity, places)} {p.unit.label}" for p in row.purchase)


def users_text(row: ResourceNeed, numbers: dict[str, int] | None = None) -> str:
    """The items that use a resource: ``IV.1.a, V.1``; ``P2 IV.1.a, …`` when ``numbers``
    maps package ids to their printed numbers (a schedule of several packages)."""
    return ", ".join(_where(c.package_id, c.number, numbers) for c in row.contributions)


def _where(package_id: str, number: str, numbers: dict[str, int] | None) -> str:
    if numbers is None:
        return number
    return f"P{numbers.get(package_id, '?')} {number}"


def package_numbers(priced: PricedProgram | None, schedule: Schedule) -> dict[str, int] | None:
    """Package id → printed number when ``schedule`` covers several packages, else None
    (item numbers are then unambiguous)."""
    if priced is None or len(schedule.packages) < 2:
        return None
    return {pp.package.id: n for n, pp in enumerate(priced.packages, start=1)}


def csv_rows(schedule: Schedule, priced: PricedProgram | None = None) -> list[list[str]]:
    """The CSV's rows (header first), as :func:`render_csv` writes them."""
    numbers = package_numbers(priced, schedule)
    d = schedule.decimals
    rows: list[list[str]] = [list(CSV_COLUMNS)]
    for kind in KIND_ORDER:
        group = schedule.by_kind(kind)
        if not group:
            continue
        for n, r in enumerate(group, start=1):
            rows.append([KIND_TEXT[kind], str(n), r.code, r.name, r.unit or "",
                         quantity_text(r.quantity, d),
                         "" if r.price is None else format_rupiah(r.price, _places(r.price)),
                         format_rupiah(r.amount), purchase_text(r, d), users_text(r, numbers)])
        total = [KIND_TEXT[kind], "", "", f"Jumlah {KIND_TEXT[kind].lower()}", "", "", "",
                 format_rupiah(schedule.kind_total(kind)), "", ""]
        if kind is ResourceKind.LABOUR:
            total[4], total[5] = "OH", format_number(schedule.person_days(), d)
        rows.append(total)
    for n, nb in enumerate(schedule.not_broken_down, start=1):
        where = _where(nb.package_id, nb.number, numbers)
        rows.append(["Tidak diuraikan", str(n), "", f"{nb.description} ({REASON_TEXT[nb.reason]})",
                     nb.unit, quantity_text(nb.volume, max(d - EXTRA_DECIMALS, 0)),
                     "" if nb.rate is None else format_rupiah(nb.rate, _places(nb.rate)),
                     format_rupiah(nb.amount), "", where])
    for a in schedule.adjustments:
        rows.append(["Penyesuaian", "", "", a.text, "", "", "", format_rupiah(a.amount), "", ""])
    rows.append(["Jumlah", "", "", "Jumlah biaya langsung RAB", "", "", "",
                 format_rupiah(schedule.direct), "", ""])
    return rows


def _places(value) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def render_csv(schedule: Schedule, priced: PricedProgram | None = None) -> str:
    """The CSV text (see the module docstring), with the byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv_rows(schedule, priced))
    return "\ufeff" + buffer.getvalue()


def render_text(schedule: Schedule) -> str:
    """A plain-text summary for the terminal: every resource with its quantity and amount,
    and the lines that reconcile with the RAB."""
    d = schedule.decimals
    lines = [f"Rekap kebutuhan bahan & tenaga kerja — {schedule.title}"]
    for kind in KIND_ORDER:
        group = schedule.by_kind(kind)
        if not group:
            continue
        lines.append(f"\n{KIND_TEXT[kind]}")
        for r in group:
            buy = purchase_text(r, d)
            name = r.name if len(r.name) <= 44 else r.name[:43].rsplit(" ", 1)[0] + "…"
            lines.append(f"  {name:<44} {quantity_text(r.quantity, d):>14} {r.unit or '':<6}"
                         f" Rp {format_rupiah(r.amount):>15}" + (f"  ({buy})" if buy else ""))
        extra = f"  {format_number(schedule.person_days(), d)} OH" if kind is ResourceKind.LABOUR else ""
        lines.append(f"  {'Jumlah ' + KIND_TEXT[kind].lower():<66} Rp {format_rupiah(schedule.kind_total(kind)):>15}{extra}")
    lines.append("")
    if schedule.not_broken_down:
        lines.append(f"  {'Item tidak diuraikan (' + str(len(schedule.not_broken_down)) + ')':<66}"
                     f" Rp {format_rupiah(schedule.not_broken_down_total):>15}")
    for a in schedule.adjustments:
        text = a.text if len(a.text) <= 66 else a.text[:65].rsplit(" ", 1)[0] + "…"  # at a word, marked
        lines.append(f"  {text:<66} Rp {format_rupiah(a.amount):>15}")
    lines.append(f"  {'Jumlah biaya langsung RAB':<66} Rp {format_rupiah(schedule.direct):>15}")
    return "\n".join(lines)


def check_csv_target(out_path: Path, project_path: Path | None = None) -> Path:
    """The CSV may be new or an existing regular ``.csv`` file, never the project itself.

    Raises:
        RekapError: the name does not end in ``.csv``; it is the project; it exists and is
            not a regular file; its folder is missing.
    """
    out = Path(out_path)
    if project_path is not None and out.exists() and out.resolve() == Path(project_path).resolve():
        raise RekapError(f"{out}: that is the project file itself", code="target.is_input", path=out)
    if out.suffix.lower() != ".csv":
        raise RekapError(f"{out}: the output file name must end in .csv", code="target.suffix",
                         path=out, params={"suffix": ".csv"})
    if out.exists() and not out.is_file():
        raise RekapError(f"{out}: exists and is not a regular file", code="target.not_file", path=out)
    if not out.parent.is_dir():
        raise RekapError(f"{out}: the folder {out.parent} does not exist", code="target.no_folder",
                         path=out, params={"folder": str(out.parent)})
    return out


def write_csv(schedule: Schedule, out_path: Path, priced: PricedProgram | None = None,
              project_path: Path | None = None) -> Path:
    """Write :func:`render_csv` to ``out_path`` atomically (a temporary file beside it,
    then :func:`os.replace`).

    Raises:
        RekapError: see :func:`check_csv_target`.
        OSError: the file cannot be written (the temporary file is removed).
    """
    from dtpl_studio.tempfiles import write_atomic

    out = check_csv_target(out_path, project_path)
    write_atomic(out, render_csv(schedule, priced).encode("utf-8"))
    return out
