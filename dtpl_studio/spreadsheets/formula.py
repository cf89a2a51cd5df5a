"""A small, safe reader for the Excel formulas met in price workbooks.

Nothing here executes code: a formula is tokenised with openpyxl's tokenizer, parsed into a
tiny tree (:class:`Node` subclasses) and evaluated by walking that tree. Two evaluations
exist, for two different questions:

* :func:`evaluate_exact` answers "what number does this formula *mean*?" in exact
  :class:`~decimal.Decimal` arithmetic: numbers, ``+ - * / ^``, unary signs, ``%``,
  parentheses and cell references resolved through a callback. Anything else (functions,
  text, external links) raises :class:`FormulaError`, which the importer reports as a finding.
* :class:`ExcelEmulator` answers "what did Excel compute and cache?" It walks the formulas of
  a workbook grid with IEEE floats (as Excel does), coerces text in arithmetic the way an
  English-locale Excel does (``'2,625'`` becomes 2625, ``'0,1667'`` becomes ``#VALUE!``) and
  knows ``SUM``, ``ROUNDDOWN``, ``ROUND``, ``ROUNDUP`` (on the value as shown to 15
  significant digits, as Excel rounds: :func:`excel_round`) and exact-match ``VLOOKUP``. Cells whose
  formula it cannot follow (external links, array formulas, other functions) are taken at
  their cached value and recorded as *opaque*. The same walker also runs in ``exact`` mode
  (Decimal, Indonesian decimal comma), which shows what the workbook's own formulas give
  without float noise and without the text-number defect.

Excel's operator precedence (from high to low): unary ``-``/``+``, ``%``, ``^``, ``* /``,
``+ -``, ``&``, comparisons (Microsoft, "Calculation operators and precedence in Excel").
"""

from __future__ import annotations

import decimal
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, DecimalException
from functools import lru_cache
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import column_index_from_string

from dtpl_studio.costing.money import CONTEXT
from dtpl_studio.costing.numbers import NumberParseError, parse_number


class FormulaError(ValueError):
    """A formula that cannot be parsed or evaluated here; the message says why, in Indonesian
    (it is embedded in the import findings: ``rumus tidak dapat dihitung (…)``)."""


#: Why arithmetic the Decimal context refuses (overflow, 0/0, a huge power) failed, for a
#: message: never Python's ``InvalidOperation`` text.
OUT_OF_RANGE = "hitungan di luar jangkauan angka (terlalu besar, terlalu kecil, atau tak terdefinisi)"


# --------------------------------------------------------------------------------------
# tree
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Node:
    """Base class of the formula tree."""


@dataclass(frozen=True, slots=True)
class Num(Node):
    text: str  # as written, e.g. "61.56"


@dataclass(frozen=True, slots=True)
class Text(Node):
    value: str


@dataclass(frozen=True, slots=True)
class Bool(Node):
    value: bool


@dataclass(frozen=True, slots=True)
class ErrorLit(Node):
    value: str  # "#N/A", "#REF!"…


@dataclass(frozen=True, slots=True)
class Ref(Node):
    """A single cell or a rectangle. ``sheet`` None = the formula's own sheet;
    ``external`` is the ``[n]`` index of an external workbook, or None."""

    sheet: str | None
    col: int
    row: int
    col2: int | None = None
    row2: int | None = None
    external: int | None = None

    @property
    def is_range(self) -> bool:
        return self.col2 is not None

    def coord(self) -> str:
        from openpyxl.utils import get_column_letter

        text = f"{get_column_letter(self.col)}{self.row}"
        if self.is_range:
            text += f":{get_column_letter(self.col2)}{self.row2}"
        return text


@dataclass(frozen=True, slots=True)
class Name(Node):
    name: str


@dataclass(frozen=True, slots=True)
class Unary(Node):
    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Percent(Node):
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call(Node):
    name: str  # upper case, without "("
    args: tuple[Node, ...]


_REF = re.compile(
    r"^(?:(?P<sheet>'(?:[^']|'')+'|[^'!:]+)!)?"
    r"(?P<c1>\$?[A-Za-z]{1,3})(?P<r1>\$?\d+)"
    r"(?::(?P<c2>\$?[A-Za-z]{1,3})(?P<r2>\$?\d+))?$"
)
_EXTERNAL = re.compile(r"^\[(\d+)\](.*)$")


def _parse_ref(text: str) -> Node:
    m = _REF.match(text)
    if not m:
        if "!" in text or ":" in text:
            raise FormulaError(f"rujukan {text!r} tidak didukung")
        return Name(text)
    sheet = m.group("sheet")
    external = None
    if sheet is not None:
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        ext = _EXTERNAL.match(sheet)
        if ext:
            external, sheet = int(ext.group(1)), ext.group(2)
    c1 = column_index_from_string(m.group("c1").lstrip("$").upper())
    r1 = int(m.group("r1").lstrip("$"))
    if m.group("c2"):
        c2 = column_index_from_string(m.group("c2").lstrip("$").upper())
        r2 = int(m.group("r2").lstrip("$"))
        return Ref(sheet, min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2), external)
    return Ref(sheet, c1, r1, external=external)


class _Parser:
    _BINARY = [("=", "<>", "<", ">", "<=", ">="), ("&",), ("+", "-"), ("*", "/"), ("^",)]

    def __init__(self, formula: str):
        self.formula = formula
        try:
            items = Tokenizer(formula).items
        except Exception as exc:  # openpyxl raises bare TokenizerError/ValueError
            raise FormulaError(f"rumus {formula!r} tidak dapat diurai") from exc
        self.tokens = [t for t in items if t.type != Token.WSPACE]
        self.pos = 0

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise FormulaError(f"rumus {self.formula!r} berakhir terlalu cepat")
        self.pos += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise FormulaError(f"rumus kosong {self.formula!r}")
        node = self.binary(0)
        if self.peek() is not None:
            raise FormulaError(f"{self.peek().value!r} tidak terduga dalam {self.formula!r}")
        return node

    def binary(self, level: int) -> Node:
        if level == len(self._BINARY):
            return self.unary()
        node = self.binary(level + 1)
        while True:
            token = self.peek()
            if token is None or token.type != Token.OP_IN or token.value not in self._BINARY[level]:
                return node
            self.take()
            node = Binary(token.value, node, self.binary(level + 1))

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.type == Token.OP_PRE:
            self.take()
            return Unary(token.value, self.unary())
        return self.postfix()

    def postfix(self) -> Node:
        node = self.primary()
        while (token := self.peek()) is not None and token.type == Token.OP_POST:
            self.take()
            node = Percent(node)
        return node

    def primary(self) -> Node:
        token = self.take()
        if token.type == Token.OPERAND:
            if token.subtype == Token.NUMBER:
                return Num(token.value)
            if token.subtype == Token.TEXT:
                return Text(token.value[1:-1].replace('""', '"'))
            if token.subtype == Token.LOGICAL:
                return Bool(token.value.upper() == "TRUE")
            if token.subtype == Token.ERROR:
                return ErrorLit(token.value)
            return _parse_ref(token.value)
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper()
            args: list[Node] = []
            if (
                (nxt := self.peek()) is not None
                and nxt.type == Token.FUNC
                and nxt.subtype == Token.CLOSE
            ):
                self.take()
                return Call(name, ())
            while True:
                args.append(self.binary(0))
                sep = self.take()
                if sep.type == Token.SEP and sep.subtype == Token.ARG:
                    continue
                if sep.type == Token.FUNC and sep.subtype == Token.CLOSE:
                    return Call(name, tuple(args))
                raise FormulaError(f"{sep.value!r} tidak terduga dalam {self.formula!r}")
        if token.type == Token.PAREN and token.subtype == Token.OPEN:
            node = self.binary(0)
            close = self.take()
            if not (close.type == Token.PAREN and close.subtype == Token.CLOSE):
                raise FormulaError(f"kurang ')' dalam {self.formula!r}")
            return node
        raise FormulaError(f"{token.value!r} tidak terduga dalam {self.formula!r}")


def parse_formula(formula: str) -> Node:
    """Parse ``formula`` (with or without the leading ``=``) into a :class:`Node` tree.

    Trees are immutable and cached by formula text (workbooks repeat the same formulas).

    Raises:
        FormulaError: the text is not a formula this parser understands (array constants,
            3-D references, unbalanced parentheses…).
    """
    text = formula if formula.startswith("=") else "=" + formula
    return _parse_cached(text)


@lru_cache(maxsize=65536)
def _parse_cached(text: str) -> Node:
    """Parse once per text; formulas that differ only in the rows of their cell references
    (``=F12*G12``, ``=F13*G13``: a workbook has thousands and few shapes) share one parse."""
    rows: list[int] = []

    def row_out(match: re.Match[str]) -> str:
        rows.append(int(match.group(3)))
        return f"{match.group(1)}{match.group(2)}#"

    key = _ROW_REF.sub(row_out, text)
    shape = _SHAPES.get(key, _UNKNOWN)
    if shape is _UNKNOWN:
        node = _Parser(text).parse()
        if len(_SHAPES) > 65536:
            _SHAPES.clear()
        # the shape is reusable only when every row the pattern found is a reference row of
        # the tree, in text order (not a text literal "A1", not a range written backwards)
        _SHAPES[key] = (node, tuple(rows)) if _ref_rows(node) == rows else None
        return node
    if shape is None:
        return _Parser(text).parse()
    node, first_rows = shape
    return node if tuple(rows) == first_rows else _with_rows(node, iter(rows))


#: A cell reference's column and row (``H12``, ``$N$7``, the parts of ``H10:H15``), not part of a
#: longer word (a name, a sheet name) and not a function name (``LOG10(``).
_ROW_REF = re.compile(r"(?<![A-Za-z0-9_.])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\w(])")
_SHAPES: dict[str, tuple[Node, tuple[int, ...]] | None] = {}
_UNKNOWN = object()


def _ref_rows(node: Node) -> list[int]:
    """Rows of the references of ``node`` in text order (``row``, then ``row2`` of a range)."""
    rows: list[int] = []
    for n in walk(node):
        if isinstance(n, Ref):
            rows.append(n.row)
            if n.row2 is not None:
                rows.append(n.row2)
    return rows


def _with_rows(node: Node, rows) -> Node:
    """``node`` with its reference rows taken in text order from ``rows``."""
    if isinstance(node, Ref):
        first = next(rows)
        if node.row2 is None:
            return Ref(node.sheet, node.col, first, None, None, node.external)
        second = next(rows)
        return Ref(
            node.sheet, node.col, min(first, second), node.col2, max(first, second), node.external
        )
    if isinstance(node, Binary):
        left = _with_rows(node.left, rows)
        return Binary(node.op, left, _with_rows(node.right, rows))
    if isinstance(node, Unary):
        return Unary(node.op, _with_rows(node.operand, rows))
    if isinstance(node, Percent):
        return Percent(_with_rows(node.operand, rows))
    if isinstance(node, Call):
        return Call(node.name, tuple(_with_rows(arg, rows) for arg in node.args))
    return node


def walk(node: Node):
    """Yield ``node`` and every node below it."""
    yield node
    if isinstance(node, Unary | Percent):
        yield from walk(node.operand)
    elif isinstance(node, Binary):
        yield from walk(node.left)
        yield from walk(node.right)
    elif isinstance(node, Call):
        for arg in node.args:
            yield from walk(arg)


# --------------------------------------------------------------------------------------
# exact evaluation (the importer's)
# --------------------------------------------------------------------------------------


def evaluate_exact(node: Node, resolve: Callable[[Ref], Decimal] | None = None) -> Decimal:
    """Evaluate arithmetic exactly with Decimal (34 significant digits, ``money.CONTEXT``).

    Supports numbers, ``+ - * / ^`` (integer powers), unary ``+``/``-``, postfix ``%`` and
    single-cell references resolved by ``resolve`` (which returns the referenced cell's
    Decimal value, or raises :class:`FormulaError`).

    Raises:
        FormulaError: a function call, text, a range, a name, an external link, a division
            by zero, or a reference with no ``resolve`` callback.
    """
    if isinstance(node, Num):
        return Decimal(node.text)
    if isinstance(node, Unary):
        value = evaluate_exact(node.operand, resolve)
        return -value if node.op == "-" else value
    if isinstance(node, Percent):
        return CONTEXT.divide(evaluate_exact(node.operand, resolve), Decimal(100))
    if isinstance(node, Binary):
        a = evaluate_exact(node.left, resolve)
        b = evaluate_exact(node.right, resolve)
        if node.op == "+":
            return CONTEXT.add(a, b)
        if node.op == "-":
            return CONTEXT.subtract(a, b)
        if node.op == "*":
            return CONTEXT.multiply(a, b)
        if node.op == "/":
            if b == 0:
                raise FormulaError("pembagian dengan nol")
            return CONTEXT.divide(a, b)
        if node.op == "^":
            if b != b.to_integral_value():
                raise FormulaError("pangkat bukan bilangan bulat")
            return CONTEXT.power(a, b)
        raise FormulaError(f"operator {node.op!r} bukan operator hitung")
    if isinstance(node, Ref):
        if node.is_range:
            raise FormulaError(f"rentang ({node.coord()}) bukan angka")
        if node.external is not None:
            raise FormulaError(f"tautan ke buku kerja luar [{node.external}]")
        if resolve is None:
            raise FormulaError(f"rujukan sel {node.coord()} tidak boleh di sini")
        return resolve(node)
    if isinstance(node, Call):
        raise FormulaError(f"fungsi {node.name} tidak dihitung di sini")
    if isinstance(node, Text):
        raise FormulaError(f"teks {node.value!r} dalam hitungan")
    if isinstance(node, Name):
        raise FormulaError(f"nama terdefinisi {node.name!r} dalam hitungan")
    raise FormulaError("bagian rumus ini tidak dapat dihitung")


# --------------------------------------------------------------------------------------
# Excel emulation (the diagnosis)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class XlError:
    """An Excel error value (``#VALUE!``, ``#N/A``…)."""

    code: str

    def __str__(self) -> str:
        return self.code


VALUE_ERROR = XlError("#VALUE!")
NA_ERROR = XlError("#N/A")
DIV0_ERROR = XlError("#DIV/0!")
REF_ERROR = XlError("#REF!")
NUM_ERROR = XlError("#NUM!")
ERROR_CODES = {
    "#VALUE!",
    "#N/A",
    "#DIV/0!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
}

#: An English-locale Excel accepts ``1,234`` and ``12,345.5`` as numbers when text is used in
#: arithmetic (the comma is a thousands separator); ``0,1667`` or ``12,50`` are not numbers.
_US_TEXT_NUMBER = re.compile(r"^[+-]?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d*)?$|^[+-]?\.\d+$")


@dataclass
class Trace:
    """What an emulation met on its way: coordinates as ``Sheet!A1``."""

    text_as_thousands: dict[str, tuple[str, Any]] = field(default_factory=dict)
    text_value_error: dict[str, str] = field(default_factory=dict)
    text_decimal_comma: dict[str, str] = field(default_factory=dict)
    opaque: dict[str, Any] = field(default_factory=dict)
    lookups_missing: dict[str, str] = field(default_factory=dict)


class Grid:
    """Cell contents of a workbook loaded twice (formulas and cached values).

    ``raw[sheet][(row, col)]`` holds what openpyxl gives with ``data_only=False`` (a number,
    a text, a formula text starting with ``=``, or an ``ArrayFormula``); ``cached`` the same
    keys with ``data_only=True``. ``names`` maps a defined name (lower case) to
    ``(sheet, col1, row1, col2, row2)``.
    """

    def __init__(self) -> None:
        self.raw: dict[str, dict[tuple[int, int], Any]] = {}
        self.cached: dict[str, dict[tuple[int, int], Any]] = {}
        self.names: dict[str, tuple[str, int, int, int, int]] = {}
        self.hidden_rows: dict[str, set[int]] = {}

    def raw_value(self, sheet: str, row: int, col: int) -> Any:
        return self.raw.get(sheet, {}).get((row, col))

    def cached_value(self, sheet: str, row: int, col: int) -> Any:
        return self.cached.get(sheet, {}).get((row, col))


def cached_as_value(value: Any) -> Any:
    """A cached cell value with Excel error strings turned into :class:`XlError`."""
    if isinstance(value, str) and value in ERROR_CODES:
        return XlError(value)
    return value


class ExcelEmulator:
    """Recompute cells of a :class:`Grid` from their formulas.

    Args:
        grid: the workbook.
        mode: ``"excel"`` (IEEE float, English-locale text coercion: what Excel cached) or
            ``"exact"`` (Decimal with 34 digits, text read with the Indonesian decimal comma:
            what the formulas mean).
        lookup_cache: a dict shared between emulators of one grid, holding the ``VLOOKUP``
            indexes (name → first row) so that each block's re-run does not rebuild them.

    :meth:`value` returns a float/Decimal, a text, a bool, None (empty) or an
    :class:`XlError`; each call records what it met in :attr:`trace`.
    """

    def __init__(self, grid: Grid, mode: str = "excel", lookup_cache: dict | None = None):
        if mode not in ("excel", "exact"):
            raise ValueError(f"mode must be 'excel' or 'exact', not {mode!r}")
        self.grid = grid
        self.mode = mode
        self.trace = Trace()
        self._memo: dict[tuple[str, int, int], Any] = {}
        self._stack: set[tuple[str, int, int]] = set()
        self._lookup_index: dict[tuple[str, int, int, int, int], dict[str, int]] = (
            lookup_cache if lookup_cache is not None else {}
        )

    # -- numbers -------------------------------------------------------------------------
    def _num(self, value: float | int) -> Any:
        if self.mode == "excel":
            try:
                number = float(value)
            except OverflowError:
                return NUM_ERROR
            return number if math.isfinite(number) else NUM_ERROR
        if isinstance(value, float):
            return to_decimal(value) if math.isfinite(value) else XlError("#NUM!")
        return Decimal(value)

    def _literal(self, text: str) -> Any:
        return float(text) if self.mode == "excel" else Decimal(text)

    def _coerce(self, value: Any, where: str) -> Any:
        """A value used in arithmetic: number, or XlError."""
        if isinstance(value, XlError):
            return value
        if value is None:
            return self._num(0)
        if isinstance(value, bool):
            return self._num(1 if value else 0)
        if isinstance(value, int | float | Decimal):
            return self._num(value) if not isinstance(value, Decimal) else value
        if isinstance(value, str):
            text = value.strip()
            if self.mode == "excel":
                if _US_TEXT_NUMBER.match(text.replace(" ", "")):
                    number = float(text.replace(",", "").replace(" ", ""))
                    if "," in text:
                        self.trace.text_as_thousands[where] = (value, number)
                    return number
                self.trace.text_value_error[where] = value
                return VALUE_ERROR
            try:
                number = parse_number(text)
            except NumberParseError:
                self.trace.text_value_error[where] = value
                return VALUE_ERROR
            if "," in text:
                self.trace.text_decimal_comma[where] = value
            return number
        return VALUE_ERROR

    # -- cells ---------------------------------------------------------------------------
    def value(self, sheet: str, row: int, col: int) -> Any:
        """The recomputed value of one cell (see class docstring)."""
        key = (sheet, row, col)
        if key in self._memo:
            return self._memo[key]
        if key in self._stack:
            return XlError("#CIRC!")
        self._stack.add(key)
        try:
            result = self._compute(sheet, row, col)
        finally:
            self._stack.discard(key)
        self._memo[key] = result
        return result

    def _where(self, sheet: str, row: int, col: int) -> str:
        from openpyxl.utils import get_column_letter

        return f"{sheet}!{get_column_letter(col)}{row}"

    def _opaque(self, sheet: str, row: int, col: int) -> Any:
        cached = cached_as_value(self.grid.cached_value(sheet, row, col))
        self.trace.opaque[self._where(sheet, row, col)] = cached
        if isinstance(cached, int | float) and not isinstance(cached, bool):
            return self._num(cached)
        return cached

    def _compute(self, sheet: str, row: int, col: int) -> Any:
        raw = self.grid.raw_value(sheet, row, col)
        if raw is None:
            return None
        if isinstance(raw, str) and raw.startswith("="):
            try:
                node = parse_formula(raw)
            except FormulaError:
                return self._opaque(sheet, row, col)
            if any(isinstance(n, Ref) and n.external is not None for n in walk(node)):
                return self._opaque(sheet, row, col)
            try:
                return self._eval(node, sheet, self._where(sheet, row, col))
            except _Opaque:
                return self._opaque(sheet, row, col)
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, Decimal):  # a workbook built in memory (the RAB export) holds Decimals
            return raw if self.mode == "exact" else self._num(float(raw))
        if isinstance(raw, int | float):
            return self._num(raw)
        if isinstance(raw, str):
            return cached_as_value(raw) if raw in ERROR_CODES else raw
        # ArrayFormula, DataTableFormula, dates…
        return self._opaque(sheet, row, col)

    # -- tree ----------------------------------------------------------------------------
    def _eval(self, node: Node, sheet: str, where: str) -> Any:
        if isinstance(node, Num):
            return self._literal(node.text)
        if isinstance(node, Text):
            return node.value
        if isinstance(node, Bool):
            return node.value
        if isinstance(node, ErrorLit):
            return XlError(node.value)
        if isinstance(node, Ref):
            if node.is_range:
                return VALUE_ERROR  # implicit intersection is not emulated
            return self.value(node.sheet or sheet, node.row, node.col)
        if isinstance(node, Unary):
            value = self._coerce(
                self._eval(node.operand, sheet, where), self._ref_where(node.operand, sheet, where)
            )
            if isinstance(value, XlError):
                return value
            return -value if node.op == "-" else value
        if isinstance(node, Percent):
            value = self._coerce(self._eval(node.operand, sheet, where), where)
            if isinstance(value, XlError):
                return value
            return value / 100 if self.mode == "excel" else CONTEXT.divide(value, Decimal(100))
        if isinstance(node, Binary):
            return self._binary(node, sheet, where)
        if isinstance(node, Call):
            return self._call(node, sheet, where)
        raise _Opaque()

    def _ref_where(self, node: Node, sheet: str, where: str) -> str:
        if isinstance(node, Ref) and not node.is_range:
            return self._where(node.sheet or sheet, node.row, node.col)
        return where

    def _binary(self, node: Binary, sheet: str, where: str) -> Any:
        left = self._eval(node.left, sheet, where)
        right = self._eval(node.right, sheet, where)
        if node.op == "&":
            if isinstance(left, XlError):
                return left
            if isinstance(right, XlError):
                return right
            return f"{'' if left is None else left}{'' if right is None else right}"
        if node.op in ("=", "<>", "<", ">", "<=", ">="):
            raise _Opaque()
        a = self._coerce(left, self._ref_where(node.left, sheet, where))
        b = self._coerce(right, self._ref_where(node.right, sheet, where))
        if isinstance(a, XlError):
            return a
        if isinstance(b, XlError):
            return b
        if self.mode == "excel":
            try:
                if node.op == "+":
                    result = a + b
                elif node.op == "-":
                    result = a - b
                elif node.op == "*":
                    result = a * b
                elif node.op == "/":
                    if b == 0:
                        return DIV0_ERROR
                    result = a / b
                elif node.op == "^":
                    result = float(a) ** float(b)
                else:
                    raise _Opaque()
            except (OverflowError, ZeroDivisionError):
                return NUM_ERROR
            # Excel's numbers stop at ±1.8E+308: beyond, a formula gives #NUM!
            return result if isinstance(result, float) and math.isfinite(result) else NUM_ERROR
        else:
            if node.op == "+":
                return CONTEXT.add(a, b)
            if node.op == "-":
                return CONTEXT.subtract(a, b)
            if node.op == "*":
                return CONTEXT.multiply(a, b)
            if node.op == "/":
                return DIV0_ERROR if b == 0 else CONTEXT.divide(a, b)
            if node.op == "^":
                try:
                    return CONTEXT.power(a, b)
                except (DecimalException, ArithmeticError):
                    return NUM_ERROR
        raise _Opaque()

    def _range_values(self, node: Node, sheet: str, where: str) -> list[Any]:
        if isinstance(node, Ref) and node.is_range:
            name = node.sheet or sheet
            return [
                self.value(name, r, c)
                for r in range(node.row, node.row2 + 1)
                for c in range(node.col, node.col2 + 1)
            ]
        if isinstance(node, Name) and node.name.lower() in self.grid.names:
            s, c1, r1, c2, r2 = self.grid.names[node.name.lower()]
            return [self.value(s, r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
        raise _Opaque()

    def _call(self, node: Call, sheet: str, where: str) -> Any:
        name, args = node.name, node.args
        if name == "SUM":
            total = self._num(0)
            for arg in args:
                if isinstance(arg, Ref | Name) and (not isinstance(arg, Ref) or arg.is_range):
                    for value in self._range_values(arg, sheet, where):
                        if isinstance(value, XlError):
                            return value
                        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                            total = (
                                total + value if self.mode == "excel" else CONTEXT.add(total, value)
                            )
                    continue
                raw = self._eval(arg, sheet, where)
                if isinstance(arg, Ref):
                    # a single-cell reference: text and logicals are ignored, like a range
                    if isinstance(raw, XlError):
                        return raw
                    if not isinstance(raw, int | float | Decimal) or isinstance(raw, bool):
                        continue
                    value = raw
                else:
                    value = self._coerce(raw, where)
                    if isinstance(value, XlError):
                        return value
                total = total + value if self.mode == "excel" else CONTEXT.add(total, value)
            if isinstance(total, float) and not math.isfinite(total):
                return NUM_ERROR
            return total
        if name in ("ROUNDDOWN", "ROUNDUP", "ROUND"):
            if len(args) != 2:
                raise _Opaque()
            x = self._coerce(self._eval(args[0], sheet, where), where)
            n = self._coerce(self._eval(args[1], sheet, where), where)
            if isinstance(x, XlError):
                return x
            if isinstance(n, XlError):
                return n
            if isinstance(x, float) and not math.isfinite(x):
                return NUM_ERROR
            try:
                return self._round(name, x, int(n))
            except (OverflowError, ValueError, DecimalException, ArithmeticError):
                return NUM_ERROR
        if name == "VLOOKUP":
            return self._vlookup(args, sheet, where)
        raise _Opaque()

    def _round(self, name: str, x: Any, digits: int) -> Any:
        if self.mode == "excel":
            return excel_round(name, x, digits)
        mode = _ROUNDING[name]
        quantum = Decimal(1).scaleb(-digits)
        return (
            x.quantize(quantum, rounding=mode, context=CONTEXT)
            if digits >= 0
            else ((x / quantum).quantize(Decimal(1), rounding=mode, context=CONTEXT) * quantum)
        )

    def _vlookup(self, args: tuple[Node, ...], sheet: str, where: str) -> Any:
        if len(args) < 3:
            raise _Opaque()
        if len(args) == 4:
            exact = self._eval(args[3], sheet, where)
            if exact not in (False, 0) and not (
                isinstance(exact, int | float | Decimal) and exact == 0
            ):
                raise _Opaque()  # approximate match is not emulated
        else:
            raise _Opaque()
        key = self._eval(args[0], sheet, where)
        if isinstance(key, XlError):
            return key
        table = args[1]
        if isinstance(table, Name) and table.name.lower() in self.grid.names:
            rect = self.grid.names[table.name.lower()]
        elif isinstance(table, Ref) and table.is_range and table.external is None:
            rect = (table.sheet or sheet, table.col, table.row, table.col2, table.row2)
        else:
            raise _Opaque()
        col = self._coerce(self._eval(args[2], sheet, where), where)
        if isinstance(col, XlError):
            return col
        col = int(col)
        s, c1, r1, c2, r2 = rect
        if col < 1 or col > c2 - c1 + 1:
            return REF_ERROR
        row = self.lookup_row(rect, key)
        if row is None:
            self.trace.lookups_missing[where] = str(key)
            return NA_ERROR
        return self.value(s, row, c1 + col - 1)

    def lookup_row(self, rect: tuple[str, int, int, int, int], key: Any) -> int | None:
        """Row of the first exact (case-insensitive, wildcard-aware) match of ``key`` in the
        first column of ``rect``, as Excel's ``VLOOKUP(key, rect, n, FALSE)`` finds it."""
        s, c1, r1, c2, r2 = rect
        if isinstance(key, str):
            if any(ch in key for ch in "*?~"):
                pattern = wildcard_regex(key)
                for r in range(r1, r2 + 1):
                    v = self.value(s, r, c1)
                    if isinstance(v, str) and pattern.match(v):
                        return r
                return None
            index = self._lookup_index.get(rect)
            if index is None:
                index = {}
                for r in range(r1, r2 + 1):
                    v = self.value(s, r, c1)
                    if isinstance(v, str):
                        index.setdefault(v.casefold(), r)
                self._lookup_index[rect] = index
            return index.get(key.casefold())
        if key is None:
            return None
        for r in range(r1, r2 + 1):
            v = self.value(s, r, c1)
            if isinstance(v, int | float | Decimal) and not isinstance(v, bool) and v == key:
                return r
        return None


#: Excel's rounding functions and the Decimal rounding with the same direction: ``ROUND``
#: halves away from zero, ``ROUNDUP`` away from zero, ``ROUNDDOWN`` toward zero, all symmetric
#: about zero (Microsoft, "ROUND function", "ROUNDUP function", "ROUNDDOWN function").
_ROUNDING = {"ROUND": ROUND_HALF_UP, "ROUNDUP": ROUND_UP, "ROUNDDOWN": ROUND_DOWN}


def excel_value(x: float) -> Decimal:
    """A float as Excel shows and uses it: its 15 significant digits (``0.1+0.2`` → ``0.3``,
    ``21.9/0.2`` = 109.49999999999999 → ``109.5``).

    Raises:
        ValueError: NaN or infinity (Excel has neither: it gives ``#NUM!``).
    """
    if not math.isfinite(x):
        raise ValueError(f"not a finite number: {x!r}")
    return Decimal(f"{x:.15g}")


def excel_round(name: str, x: float, digits: int) -> float:
    """``ROUND``/``ROUNDUP``/``ROUNDDOWN(x, digits)`` as Excel computes them: on the value as
    shown to 15 significant digits (:func:`excel_value`), not on the binary float, so
    ``ROUND(1.005,2)`` = 1.01, ``ROUND(0.285,2)`` = 0.29, ``ROUNDDOWN(SUM(2.26,2.94),2)`` = 5.2
    and ``ROUND(21.9/0.2,0)`` = 110 (a float rounding would give 1.0, 0.28, 5.19 and 109).

    Sources: Apache POI ``MathX.round`` (rounds ``NumberToTextConverter.toText(n)``, Excel's
    15-digit rendering, with ``BigDecimal.setScale``; POI's tests compare with Excel), the
    Excel-compatibility fixes of PhpSpreadsheet (PR #1404: ``ROUNDDOWN(SUM(2.26,2.94),2)`` is
    5.2 in Excel) and EPPlus (issue #251: "15 significant figures (for Excel compatibility) in
    rounding functions"); Microsoft documents that Excel keeps 15 significant digits
    ("Floating-point arithmetic may give inaccurate results in Excel").

    Raises:
        ValueError: ``name`` is not one of the three, or ``x`` is not finite.
    """
    if name not in _ROUNDING:
        raise ValueError(f"not an Excel rounding function: {name!r}")
    shown = excel_value(float(x))
    quantum = Decimal(1).scaleb(-digits)
    rounded = (shown / quantum).quantize(Decimal(1), rounding=_ROUNDING[name], context=_WIDE)
    return float(rounded * quantum) + 0.0  # no -0.0: Excel shows 0


#: Enough digits for any double's 15-digit view divided by any power of ten Excel allows.
_WIDE = decimal.Context(prec=400, Emax=10**6, Emin=-(10**6))


class _Opaque(Exception):
    """Internal: this formula cannot be followed; use the cached value."""


def wildcard_regex(pattern: str) -> re.Pattern[str]:
    """Excel's match pattern (``*`` any run, ``?`` one character, ``~`` escapes) as a
    case-insensitive, whole-text regular expression."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "~" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        out.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
        i += 1
    return re.compile("^" + "".join(out) + "$", re.IGNORECASE | re.DOTALL)


def to_decimal(value: Any) -> Decimal | None:
    """A recomputed or cached number as Decimal (floats through 15 significant digits);
    None for anything that is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        return Decimal(f"{value:.15g}")  # 15 significant digits, as Excel shows it
    return None
