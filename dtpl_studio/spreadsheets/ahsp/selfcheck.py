"""Phase 7: self-check against the workbook's cached rates. Every analysis is priced with
:meth:`PriceBook.compute` and compared with the cached rounded rate; the block's formulas re-
run exactly must give our F, and a difference is diagnosed by re-running the block the way
Excel computes (:class:`~dtpl_studio.spreadsheets.formula.ExcelEmulator`).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.money import format_plain
from dtpl_studio.costing.pricebook import (
    PriceBook,
    PriceBookError,
)
from dtpl_studio.spreadsheets.ahsp.layout import (
    COL_C,
    COL_F,
    COL_G,
    COL_H,
    COL_I,
    Block,
    cell_ref,
)
from dtpl_studio.spreadsheets.ahsp.state import ImportState
from dtpl_studio.spreadsheets.formula import (
    ExcelEmulator,
    XlError,
    cached_as_value,
    excel_value,
    to_decimal,
)
from dtpl_studio.spreadsheets.report import RateComparison, number


def _fmt(value: Any) -> str:
    """A value for a reason: numbers the Indonesian way (a float as Excel holds it, noise and
    all: ``171.438,96000000002``), Excel errors as Excel writes them."""
    if isinstance(value, float | Decimal | int) and not isinstance(value, bool):
        return number(value)
    return "" if value is None else str(value)


def _raw(value: Any) -> str:
    """A cached value as held (``792200``, ``#VALUE!``): :attr:`RateComparison.cached_raw`."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format_plain(value)
    return str(value)


def _why_not_priced(exc: Exception) -> str:
    """Why :meth:`PriceBook.compute` refused an imported analysis, in Indonesian (the core's
    own message is technical English)."""
    text = str(exc)
    if "cycle" in text:
        return "analisa-bagiannya saling merujuk (melingkar)"
    if "not in the book" in text:
        return "sebuah barisnya merujuk upah/bahan/alat atau analisa yang tidak ada di buku harga"
    if "does not fit" in text or "unit" in text:
        return "satuan sebuah baris tidak cocok dengan satuan upah/bahan/alatnya"
    return "perhitungannya gagal"


def compare_rates(imp: ImportState, book: PriceBook) -> list[RateComparison]:
    """One :class:`RateComparison` per analysis block, our F against the cached rounded rate.

    Diagnosis (every differing block gets one reason):

    1. the block's rate cell is re-run the way Excel computes (IEEE floats, text read by an
       English-locale Excel) by :class:`ExcelEmulator`; when that reproduces the cache, the
       cause is what the emulation met on the way — a text coefficient Excel could not use
       (``#VALUE!``), a text coefficient read with the comma as thousands separator, a block
       rounding rule other than ``ROUNDDOWN(F,-2)``, or a float landing just below a multiple
       of Rp 100;
    2. when it does not, the cached value is stale (the emulation lists the first cells whose
       cache disagrees with their formula).
    """
    grid = imp.grid
    out: list[RateComparison] = []
    exact = ExcelEmulator(grid, "exact", imp.lookup_cache)  # memo shared: one exact re-run
    for block in imp.blocks:
        location = f"{imp.file} | {block.sheet}!{cell_ref(COL_I, block.title_row)}"
        cached_raw = cached_as_value(grid.cached_value(block.sheet, block.title_row, COL_I))
        cached = to_decimal(cached_raw)
        ours = ours_exact = None
        if block.code in book.analyses:
            try:
                breakdown = book.compute(block.code)
            except (PriceBookError, KeyError, ValueError) as exc:
                imp.add(
                    Severity.ERROR,
                    "compute",
                    f"analisa {block.code} tidak dapat dihitung: {_why_not_priced(exc)}",
                    block.sheet,
                    cell_ref(COL_C, block.title_row),
                    block.name,
                    "tidak ada harga satuan; periksa baris-baris blok ini di buku kerja",
                )
            else:
                ours, ours_exact = breakdown.f, breakdown.f_exact
                if ours == 0:
                    imp.add(
                        Severity.WARNING,
                        "zero-rate",
                        f"harga satuan {block.code} menjadi Rp 0 dengan pembulatan buku "
                        f"({imp.meta.rate_rounding.describe()}); F sebelum dibulatkan = "
                        f"{number(breakdown.f_exact)}",
                        block.sheet,
                        cell_ref(COL_I, block.title_row),
                        grid.raw_value(block.sheet, block.title_row, COL_I),
                        "dipertahankan; hati-hati memakai analisa ini (buku kerja membulatkannya "
                        "ke rupiah utuh)",
                    )
        comparison = RateComparison(
            code=block.code,
            name=block.name,
            location=location,
            ours=ours,
            ours_exact=ours_exact,
            cached=cached,
            cached_raw=_raw(cached_raw) if cached_raw is not None else "(empty)",
        )
        _diagnose(imp, block, comparison, exact)
        out.append(comparison)
    return out


def float_boundary(ours_exact: Decimal | None, xl_f: Any, step: Decimal) -> Decimal | None:
    """The multiple of ``step`` that Excel's ROUNDDOWN missed because of binary floating point,
    or None.

    Excel rounds the value as shown to 15 significant digits
    (:func:`~dtpl_studio.spreadsheets.formula.excel_round`), so the usual float noise
    (31 899,999999999996 for 31 900) does not lower a rate; a multiple is missed only when the
    exact F is (within 1e-6) on it and Excel's float F, even at 15 significant digits, is below
    it (a float error larger than Excel's 15-digit view: a long chain or a cancellation).
    """
    if ours_exact is None or not isinstance(xl_f, float) or not step or not math.isfinite(xl_f):
        return None
    nearest = (ours_exact / step).to_integral_value() * step
    if abs(ours_exact - nearest) <= Decimal("1E-6") and excel_value(xl_f) < nearest <= ours_exact + Decimal("1E-6"):
        return nearest
    return None


def _diagnose(
    imp: ImportState, block: Block, comparison: RateComparison, ex: ExcelEmulator
) -> None:
    """Self-check the block (``ex``, the exact re-run shared by all blocks, must give our F)
    and, when the rates differ, find the reason by re-running the block the way Excel does."""
    sheet, row = block.sheet, block.title_row
    f_row = block.f_row or block.rate_target_row
    ex_f = ex.value(sheet, f_row, COL_H) if f_row else None
    ours, ours_exact, cached = comparison.ours, comparison.ours_exact, comparison.cached
    # a self-check of the import: the block's own formulas, evaluated exactly, must give our F
    ex_f_dec = to_decimal(ex_f) if not isinstance(ex_f, XlError) else None
    if (
        ours_exact is not None
        and ex_f_dec is not None
        and abs(ex_f_dec - ours_exact) > Decimal("1E-12")
    ):
        imp.add(
            Severity.WARNING,
            "model-check",
            f"rumus blok ini, dihitung tepat, memberi F = {number(ex_f_dec)}, analisa hasil "
            f"impor {number(ours_exact)}",
            sheet,
            cell_ref(COL_H, f_row),
            "",
            "lihat temuan lain untuk blok ini",
        )
    if comparison.matches:
        comparison.reason_code, comparison.reason = "match", ""
        return
    # a fresh Excel re-run per differing block: its trace is what this block met
    xl = ExcelEmulator(imp.grid, "excel", imp.lookup_cache)
    xl_rate = xl.value(sheet, row, COL_I)
    xl_f = xl.value(sheet, f_row, COL_H) if f_row else None
    comparison.excel_recomputed = _fmt(xl_rate)

    def cells(found: dict) -> str:
        return ", ".join(
            f"{k} {v!r}" if not isinstance(v, tuple) else f"{k} {v[0]!r}→{_fmt(v[1])}"
            for k, v in sorted(found.items())
        )

    if ours is None:
        comparison.reason_code = "missing-price" if block.price_missing else "model-differs"
        comparison.reason = f"tidak diimpor: {block.error or 'tidak dapat dihitung'}"
        return
    rate_raw = imp.grid.raw_value(sheet, row, COL_I)
    if (
        comparison.cached_raw == "(empty)"
        and isinstance(rate_raw, str)
        and rate_raw.startswith("=")
    ):
        comparison.reason_code = "no-cached-value"
        comparison.reason = (
            f"sel harga satuan {cell_ref(COL_I, row)} {rate_raw} tidak punya nilai tersimpan "
            f"(hitungan ulang cara Excel: {_fmt(xl_rate)}); F kami = {number(ours_exact)} → "
            f"{number(ours)}"
        )
        return
    xl_rate_dec = to_decimal(xl_rate) if not isinstance(xl_rate, XlError) else None
    reproduced = (
        isinstance(xl_rate, XlError)
        and isinstance(comparison.cached_raw, str)
        and str(xl_rate) == comparison.cached_raw
    ) or (xl_rate_dec is not None and cached is not None and xl_rate_dec == cached)
    if reproduced:
        if isinstance(xl_rate, XlError):
            if xl.trace.text_value_error:
                comparison.reason_code = "text-decimal-comma-value-error"
                comparison.reason = (
                    f"koefisien teks {cells(xl.trace.text_value_error)}: Excel memberi {xl_rate} "
                    f"(terulang di hitungan kami); dibaca dengan koma desimal F = "
                    f"{number(ours_exact)} → {number(ours)}"
                )
                return
            if xl.trace.lookups_missing:
                comparison.reason_code = "missing-price"
                comparison.reason = (
                    f"VLOOKUP tidak menemukan harga untuk {cells(xl.trace.lookups_missing)}"
                )
                return
        if xl.trace.text_as_thousands:
            comparison.reason_code = "text-decimal-comma-thousands"
            comparison.reason = (
                f"koefisien teks {cells(xl.trace.text_as_thousands)} (Excel, terulang: F = "
                f"{_fmt(xl_f)}); dibaca dengan koma desimal F = {number(ours_exact)} → "
                f"{number(ours)}"
            )
            return
        if block.rate_digits is not None and block.rate_digits != -2:
            comparison.reason_code = "workbook-rounding-rule"
            comparison.reason = (
                f"sel harga satuan ROUNDDOWN(F,{block.rate_digits}) = {_fmt(cached)}; buku "
                f"membulatkan F = {number(ours_exact)} ke bawah ke Rp 100 → {number(ours)}"
            )
            return
        nearest = float_boundary(ours_exact, xl_f, imp.meta.rate_rounding.step)
        if nearest is not None:
            comparison.reason_code = "float-rounddown-boundary"
            comparison.reason = (
                f"F tepat = {number(ours_exact)}; F titik-mengambang Excel = {_fmt(xl_f)}, "
                f"dengan 15 angka pentingnya {number(excel_value(xl_f))}, di bawah "
                f"{number(nearest)}, sehingga ROUNDDOWN memberi {_fmt(cached)}"
            )
            return
        if block.lookup_defects and ex_f_dec is not None and ex_f_dec != ours_exact:
            comparison.reason_code = "lookup-wrong-row"
            comparison.reason = (
                "; ".join(block.lookup_defects + block.formula_defects)
                + f" (Excel, terulang: F = {_fmt(xl_f)}); bila setiap baris diberi harga "
                f"menurut namanya sendiri, F = {number(ours_exact)} → {number(ours)}"
            )
            return
        if block.formula_defects and ex_f_dec is not None and ex_f_dec != ours_exact:
            comparison.reason_code = "workbook-formula-error"
            comparison.reason = (
                "; ".join(block.formula_defects)
                + f" (Excel, terulang: F = {_fmt(xl_f)}); dengan D = A + B + C, F = "
                f"{number(ours_exact)} → {number(ours)}"
            )
            return
        comparison.reason_code = (
            "model-differs" if ex_f_dec is not None and ex_f_dec != ours_exact else "unexplained"
        )
        comparison.reason = (
            f"hitungan ulang cara Excel menghasilkan kembali nilai tersimpan ({_fmt(xl_rate)}); "
            f"F tepat dari rumusnya {_fmt(ex_f_dec)}, F kami {number(ours_exact)}"
        )
        return
    # the cache does not follow from the formulas: find where it departs
    stale: list[str] = []
    end = block.f_row or block.end_row
    for r in range(block.title_row, end + 1):
        for col in (COL_F, COL_G, COL_H, COL_I):
            raw = imp.grid.raw_value(sheet, r, col)
            if not (isinstance(raw, str) and raw.startswith("=")):
                continue
            mine = xl.value(sheet, r, col)
            theirs = cached_as_value(imp.grid.cached_value(sheet, r, col))
            if (
                isinstance(mine, float)
                and isinstance(theirs, int | float)
                and not isinstance(theirs, bool)
            ):
                if abs(mine - theirs) <= 1e-9 * max(1.0, abs(theirs)):
                    continue
            elif mine == theirs:
                continue
            stale.append(
                f"{cell_ref(col, r)} tersimpan {_fmt(theirs)} tetapi rumusnya {raw} memberi "
                f"{_fmt(mine)}"
            )
    comparison.reason_code = "stale-cached-value"
    comparison.reason = (
        ("; ".join(stale[:3]) + (f"; … {len(stale) - 3} lagi" if len(stale) > 3 else ""))
        if stale
        else f"hitungan ulang cara Excel memberi {_fmt(xl_rate)}"
    ) + f"; F kami = {number(ours_exact)} → {number(ours)}"
