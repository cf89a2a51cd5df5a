"""One reader for every number taken from a workbook cell: value, formula, cached value, text.

Every importer reads its numbers here, so that one set of rules decides what a cell means and
when it is refused (issue 5, fault 8: a price cell of ``1E+30`` ended the whole import with
"InvalidOperation" naming no cell; a price of ``-100000`` was only a warning):

* a number (int or float) is taken to 15 significant digits, what Excel shows (the rule of
  :func:`~dtpl_studio.costing.money.from_float`); NaN and infinity are refused;
* a text is read with :func:`~dtpl_studio.costing.numbers.parse_number` in the file's
  convention (the Indonesian one for the workbooks of ``../shared/data/public``); an Excel
  error (``#VALUE!``, ``#REF!``) or a text that is not a number is refused;
* a formula is evaluated exactly (:func:`~dtpl_studio.spreadsheets.formula.evaluate_exact`,
  cell references resolved by this reader again); when it cannot be, its cached value is
  taken (and said so by the caller);
* every value is then checked against the :class:`Quantity` it is: finite, at most
  :data:`MAX_SIGNIFICANT_DIGITS` significant digits (the Decimal context of the costing core),
  no negative price, coefficient, amount or share, and a magnitude between
  :data:`MIN_MAGNITUDE` and the quantity's maximum.

A refused cell is an ERROR finding located ``file | Sheet!Cell`` with the raw value, the
reason in Indonesian, and what the importer did (the caller's ``action``); the import is then
not usable and nothing is stored. Nothing in this module lets a ``decimal`` exception escape.
"""

from __future__ import annotations

import datetime
import decimal
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from openpyxl.utils import get_column_letter

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.money import CONTEXT, format_plain
from dtpl_studio.costing.numbers import NumberConvention, NumberParseError, parse_number
from dtpl_studio.costing.rab import MAX_RATE, MAX_VOLUME
from dtpl_studio.spreadsheets.formula import (
    ERROR_CODES,
    OUT_OF_RANGE,
    FormulaError,
    Grid,
    Ref,
    cached_as_value,
    evaluate_exact,
    parse_formula,
    to_decimal,
)
from dtpl_studio.spreadsheets.report import ImportReport

#: Significant digits a read value may carry: the precision of the costing core's context
#: (``money.CONTEXT``, 34). Beyond it arithmetic would round the value silently.
MAX_SIGNIFICANT_DIGITS = CONTEXT.prec

#: Smallest non-zero magnitude taken: far below any real coefficient (AHSP coefficients go
#: down to 0,0001) or price; a smaller value is a typo or a broken formula (``1E-300``).
MIN_MAGNITUDE = Decimal("1E-12")

#: Largest coefficient taken: a billion units of a resource per unit of work is no real
#: analysis (real ones stay below 10^4; plausibility below that is a separate check).
MAX_COEFFICIENT = Decimal(10) ** 9

#: Largest price or amount taken: the costing core's ceiling for a unit rate
#: (:data:`dtpl_studio.costing.rab.MAX_RATE`, Rp 10^15).
MAX_PRICE = MAX_RATE

#: Largest share of another line's amount (a factor, ``=H13*6%``): 10^6.
MAX_SHARE = Decimal(10) ** 6

#: Largest overhead and profit rate: 1 (100 %). Permen PUPR 8/2023 sets at most 15 %
#: (``domain/DOMAIN.md``); above 100 % is a typed ``15`` for ``15 %``, never a real rate.
MAX_OVERHEAD = Decimal(1)


class Quantity(StrEnum):
    """What a number in a cell is; decides its limits (:data:`LIMITS`)."""

    PRICE = "price"  # Rp per unit of a resource (harga satuan)
    COEFFICIENT = "coefficient"  # units of a resource per unit of work (koefisien)
    AMOUNT = "amount"  # Rp (jumlah harga)
    SHARE = "share"  # a factor: share of another line's amount
    OVERHEAD = "overhead"  # overhead and profit rate (biaya umum dan keuntungan), 0..1
    VOLUME = "volume"  # quantity of work of a RAB line, in its unit (volume)


@dataclass(frozen=True, slots=True)
class Limit:
    """Bounds of a :class:`Quantity`: ``noun`` (Indonesian, for messages) and the largest
    magnitude. No quantity read from a price workbook may be negative: the only legitimate
    negative in a RAB is an explicit deduction line, which no price list holds."""

    noun: str
    maximum: Decimal


LIMITS: dict[Quantity, Limit] = {
    Quantity.PRICE: Limit("harga", MAX_PRICE),
    Quantity.COEFFICIENT: Limit("koefisien", MAX_COEFFICIENT),
    Quantity.AMOUNT: Limit("jumlah harga", MAX_PRICE),
    Quantity.SHARE: Limit("faktor bagian", MAX_SHARE),
    Quantity.OVERHEAD: Limit("tarif biaya umum dan keuntungan", MAX_OVERHEAD),
    # a RAB line's volume: the costing core's ceiling (rab.MAX_VOLUME, 10^12); a deduction is
    # an explicit line, never a negative volume cell
    Quantity.VOLUME: Limit("volume", MAX_VOLUME),
}


class CellNumberError(ValueError):
    """A cell content that is not an acceptable number; ``code`` is the finding code
    (``not-a-number``, ``excel-error``, ``number-range``, ``negative-number``) and the
    message says why, in Indonesian."""

    def __init__(self, message: str, code: str = "not-a-number"):
        super().__init__(message)
        self.code = code


def cell_name(col: int, row: int) -> str:
    """``(8, 12)`` → ``'H12'``."""
    return f"{get_column_letter(col)}{row}"


def shown(value: Any) -> str:
    """A raw value as text for a finding (``1e+30``, ``'#REF!'``, formula text); never raises."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        if value == 0 or 1e-9 <= abs(value) < 1e20:
            return format_plain(Decimal(f"{value:.15g}"))
        return repr(value)
    return str(getattr(value, "text", value))


def shown_raw(value: Any) -> str:
    """A raw value for a finding's *tertulis* part: :func:`shown`, but a number the Indonesian
    way, as Excel in Indonesian shows it (``100.000``, ``0,1``, ``1E+30``); never raises."""
    if isinstance(value, float) and math.isfinite(value) and (value == 0 or 1e-9 <= abs(value) < 1e20):
        return format_number(Decimal(f"{value:.15g}"))
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 10**20:
        return format_number(Decimal(value))
    return shown(value)


def _infinite(value: float | Decimal) -> str:
    """``tak hingga`` / ``minus tak hingga`` / ``NaN`` for a message."""
    if value != value:  # NaN
        return "NaN, bukan angka"
    return "minus tak hingga" if value < 0 else "tak hingga"


def decimal_of(raw: Any, convention: NumberConvention = NumberConvention.ID) -> Decimal:
    """A literal cell value (not a formula) as Decimal, unchecked for range.

    Args:
        raw: int, float, Decimal or text.
        convention: how text numbers are written in this file.

    Raises:
        CellNumberError: a logical value, NaN/infinity, an Excel error, a text that is not a
            number in ``convention``, or any other type.
    """
    if isinstance(raw, bool):
        raise CellNumberError(f"nilai logika ({'TRUE' if raw else 'FALSE'}), bukan angka")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise CellNumberError(f"bukan bilangan terhingga ({_infinite(raw)})", "number-range")
        # 15 significant digits, what Excel shows (money.from_float's rule, without its
        # canonical form, which needs a value within range: check_number gives it)
        return Decimal(f"{raw:.15g}")
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise CellNumberError(f"bukan bilangan terhingga ({_infinite(raw)})", "number-range")
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if text.upper() in ERROR_CODES:
            raise CellNumberError(f"sel berisi galat Excel {text.upper()}", "excel-error")
        try:
            return parse_number(raw, convention)
        except NumberParseError as exc:
            raise CellNumberError(
                f"teks {raw!r} bukan angka dalam konvensi "
                f"{'Indonesia (1.234,5)' if convention is NumberConvention.ID else 'Amerika (1,234.5)'}"
            ) from exc
    kind = "tanggal atau waktu" if isinstance(raw, datetime.date | datetime.time) else "nilai lain"
    raise CellNumberError(f"sel berisi {kind}, bukan angka")


def check_number(value: Decimal, quantity: Quantity) -> Decimal:
    """``value`` if it is an acceptable ``quantity``, in canonical form (integers without
    exponent, others normalised in ``money.CONTEXT``).

    Raises:
        CellNumberError: not finite, more than :data:`MAX_SIGNIFICANT_DIGITS` significant
            digits, negative, non-zero below :data:`MIN_MAGNITUDE`, or above the quantity's
            maximum (:data:`LIMITS`).
    """
    limit = LIMITS[quantity]
    if not value.is_finite():
        raise CellNumberError(
            f"{limit.noun} bukan bilangan terhingga ({_infinite(value)})", "number-range"
        )
    if value < 0:
        raise CellNumberError(
            f"{limit.noun} negatif ({_sci(value)}); daftar harga/analisa tidak memuat nilai "
            "negatif",
            "negative-number",
        )
    if value > limit.maximum:
        raise CellNumberError(
            f"{limit.noun} {_sci(value)} tidak wajar (batas {_sci(limit.maximum)})",
            "number-range",
        )
    if value != 0 and value.copy_abs() < MIN_MAGNITUDE:
        raise CellNumberError(
            f"{limit.noun} {_sci(value)} tidak wajar (lebih kecil dari {_sci(MIN_MAGNITUDE)})",
            "number-range",
        )
    digits = len(value.normalize(CONTEXT_WIDE).as_tuple().digits)
    if digits > MAX_SIGNIFICANT_DIGITS:
        raise CellNumberError(
            f"{limit.noun} memiliki {digits} angka penting (batas {MAX_SIGNIFICANT_DIGITS})",
            "number-range",
        )
    return canonical(value)


#: A context wide enough to normalise any value :func:`check_number` may meet without rounding.
CONTEXT_WIDE = decimal.Context(prec=1000, Emax=10**6, Emin=-(10**6))


def canonical(value: Decimal) -> Decimal:
    """Canonical form of an imported Decimal: integers without exponent, others normalised
    (so that ``str()`` and ``format(…, 'f')`` round-trip through the edition files). Only for
    values within :func:`check_number`'s limits (at most 34 digits)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=CONTEXT)
    return value.normalize(CONTEXT)


def _sci(value: Decimal) -> str:
    """A value for a message: plain when short, else with an exponent (``1E+30``)."""
    if value.is_finite() and -6 <= value.adjusted() <= 18:
        from dtpl_studio.costing.formatting import format_number

        return format_number(value)
    return f"{value:E}" if value.is_finite() else str(value)


@dataclass(frozen=True, slots=True)
class CellNumber:
    """A number read from a cell.

    Attributes:
        value: the checked Decimal (canonical form); None for an empty cell.
        source: ``"empty"``, ``"number"``, ``"text"`` (a text number), ``"formula"``
            (evaluated exactly) or ``"cached"`` (a formula taken at its cached value).
        raw: the cell content (the formula text for formulas).
        notes: for formulas, the text numbers met in referenced cells.
        why_cached: for ``"cached"``, why the formula could not be evaluated.
    """

    value: Decimal | None
    source: str
    raw: Any
    notes: tuple[str, ...] = ()
    why_cached: str = ""


class CellReader:
    """Numbers of a :class:`~dtpl_studio.spreadsheets.formula.Grid`, read and checked.

    Args:
        grid: the workbook's cells (formulas and cached values).
        report: where refusals go (ERROR findings located ``file | Sheet!Cell``).
        convention: how text numbers are written in this file.
    """

    def __init__(
        self,
        grid: Grid,
        report: ImportReport,
        convention: NumberConvention = NumberConvention.ID,
    ):
        self.grid = grid
        self.report = report
        self.convention = convention

    # -- plain values ------------------------------------------------------------------
    def literal(self, raw: Any) -> Decimal:
        """:func:`decimal_of` in this file's convention."""
        return decimal_of(raw, self.convention)

    def evaluate(self, sheet: str, formula: str, notes: list[str]) -> Decimal:
        """Evaluate ``formula`` (``=61.56/1400``, ``=F43*2``) exactly on ``sheet``; text
        numbers met in referenced cells are appended to ``notes``.

        Raises:
            FormulaError: a function, a link, an empty or non-numeric referenced cell, a
                division by zero, or any arithmetic the Decimal context refuses.
        """
        try:
            return evaluate_exact(parse_formula(formula), self.resolver(sheet, notes))
        except FormulaError:
            raise
        except (decimal.DecimalException, ArithmeticError, ValueError) as exc:
            raise FormulaError(OUT_OF_RANGE) from exc

    def resolver(self, sheet: str, notes: list[str]) -> Callable[[Ref], Decimal]:
        """Cell resolver for :func:`evaluate_exact`: literal numbers and text numbers (noted
        in ``notes``), formulas evaluated in turn; anything else raises FormulaError."""

        def resolve(ref: Ref, depth: int = 0) -> Decimal:
            if depth > 50:
                raise FormulaError("rantai rujukan terlalu panjang (lebih dari 50 sel)")
            target = ref.sheet or sheet
            if target not in self.grid.raw:
                raise FormulaError(f"lembar {target!r} tidak ada di buku kerja")
            raw = self.grid.raw_value(target, ref.row, ref.col)
            where = f"{target}!{cell_name(ref.col, ref.row)}"
            if raw is None:
                raise FormulaError(f"{where} kosong")
            if isinstance(raw, str) and raw.startswith("="):
                node = parse_formula(raw)
                return evaluate_exact(
                    node, lambda r: resolve(r if r.sheet else Ref(target, r.col, r.row), depth + 1)
                )
            try:
                value = self.literal(raw)
            except CellNumberError as exc:
                raise FormulaError(f"{where}: {exc}") from exc
            if isinstance(raw, str):
                notes.append(f"{where} berupa teks {raw!r}, dibaca sebagai {_sci(value)}")
            return value

        return resolve

    # -- cells -------------------------------------------------------------------------
    def read(
        self,
        sheet: str,
        row: int,
        col: int,
        quantity: Quantity,
        *,
        action: str,
        code: str = "not-a-number",
        subject: str = "",
    ) -> CellNumber | None:
        """Read and check one cell as ``quantity``.

        Args:
            sheet, row, col: the cell.
            quantity: what the number is (its limits).
            action: what the importer does when the cell is refused (``"resource not
                imported"``), said in the finding.
            code: finding code for a content that is not a number at all (the range and
                sign refusals have their own codes, see :class:`CellNumberError`).
            subject: what the cell belongs to, for the message (``resource 'Pekerja'``).

        Returns:
            a :class:`CellNumber` (``source "empty"``, ``value None`` for an empty cell or
            one holding only spaces), or
            None when the cell is refused: an ERROR finding was added.
        """
        raw = self.grid.raw_value(sheet, row, col)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return CellNumber(None, "empty", raw)  # blank text shows as an empty cell
        source, notes, why = "number", (), ""
        try:
            if isinstance(raw, str) and raw.startswith("="):
                found: list[str] = []
                try:
                    value = self.evaluate(sheet, raw, found)
                    source, notes = "formula", tuple(found)
                except FormulaError as exc:
                    value, source, why = self._cached(sheet, row, col, exc), "cached", str(exc)
            elif isinstance(raw, int | float | str | Decimal | datetime.date | datetime.time):
                value = self.literal(raw)
                source = "text" if isinstance(raw, str) else "number"
            else:  # an array formula or another object: only its cached value can be used
                value = self._cached(sheet, row, col, None)
                source, why = "cached", "rumus larik tidak dihitung di sini"
            value = check_number(value, quantity)
        except CellNumberError as exc:
            self.refuse(sheet, row, col, exc, action=action, code=code, subject=subject)
            return None
        return CellNumber(value, source, raw, notes, why)

    def _cached(self, sheet: str, row: int, col: int, exc: FormulaError | None) -> Decimal:
        cached = cached_as_value(self.grid.cached_value(sheet, row, col))
        value = to_decimal(cached)
        if value is None:
            reason = f"rumus tidak dapat dihitung ({exc})" if exc else "rumus tidak dihitung di sini"
            what = "tanpa nilai tersimpan" if cached is None else f"nilai tersimpan {shown_raw(cached)!r}"
            raise CellNumberError(f"{reason} dan {what}")
        return value

    def refuse(
        self,
        sheet: str,
        row: int,
        col: int,
        exc: CellNumberError,
        *,
        action: str,
        code: str = "not-a-number",
        subject: str = "",
    ) -> None:
        """Add the ERROR finding for a refused cell."""
        raw = self.grid.raw_value(sheet, row, col)
        what = f"{subject}: " if subject else ""
        self.report.add(
            Severity.ERROR,
            exc.code if exc.code != "not-a-number" else code,
            f"{what}{exc}",
            sheet=sheet,
            cell=cell_name(col, row),
            raw=shown_raw(raw),
            action=action,
        )
