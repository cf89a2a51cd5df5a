"""Expressions in back-up volume lines, with named parameters of the package (issue 10 point 3).

A back-up line may hold an expression instead of the factors n × p × l × t::

    2 * (P + L) * T            with P = 25 m, L = 3 m, T = 0,15 m in the package's table
    (12,5 m - 2 * 0,6 m) * 0,3 m * 0,4 m
    3,14 * R^2 * 1,2 m

**Grammar** (a small recursive-descent parser; no ``eval``, no Python ``ast`` of the text)::

    expression := term (("+" | "-" | "−") term)*
    term       := unary (("*" | "×" | "·" | "/" | ":" | "÷") unary | unit)*
    unary      := ("-" | "−" | "+") unary | power
    power      := atom (("^" | "**") whole number 0..MAX_EXPONENT)?
    atom       := number unit? | parameter | unit | "(" expression ")"

**Numbers** follow the one rule of the window (``ui/parsing.py``, issue 5 fault 7): the comma
is the decimal mark, the dot only groups thousands in groups of exactly three digits
(``1.250,5``); ``12.5`` is refused ("tulis 12,5"). There are no functions in an expression,
so a comma is never an argument separator: it is always the decimal mark. Spaces separate
tokens (they never group digits here).

**Names** are parameters of the package (letters, digits and ``_``, starting with a letter;
case-sensitive) or units written as the canonical symbols a RAB prints (:data:`~dtpl_studio.
costing.units.CANONICAL`: ``m``, ``cm``, ``m2``, ``m3``, ``kg``, ``bh``, ``m'``…, exactly
in that case). A number directly followed by a unit is a quantity (``25 m``). A parameter
may not be named like a unit (:func:`parameter_name_problem`), so a name never means two
things. Units are pint's, through the one registry (:mod:`dtpl_studio.costing.units`).

**Bounds**: at most :data:`MAX_LENGTH` characters, :data:`MAX_DEPTH` nested parentheses or
signs, exponents whole numbers 0..:data:`MAX_EXPONENT`, every literal at most the factor
limit :data:`MAX_LITERAL`, and every intermediate magnitude at most :data:`MAX_MAGNITUDE`.
Anything else is an :class:`ExpressionError` with an Indonesian message — the only
exception :func:`evaluate` raises for any text.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pint

from dtpl_studio.costing.units import CANONICAL, Quantity, to_pint

#: Longest expression text accepted (characters).
MAX_LENGTH = 200
#: Deepest nesting of parentheses and unary signs.
MAX_DEPTH = 10
#: Largest exponent (``R^2``, ``S^3``); whole numbers only.
MAX_EXPONENT = 3
#: Largest number written in an expression or held by a parameter: the factor limit of the
#: window (``ui/parsing.py`` ``LIMITS['factor']``, one million).
MAX_LITERAL = Decimal(10) ** 6
#: Most decimals of a written number (the factor limit's 6).
MAX_DECIMALS = 6
#: Largest magnitude of any intermediate result (far below what breaks 34-digit arithmetic;
#: the line's result is then checked against the volume limit by the caller).
MAX_MAGNITUDE = Decimal(10) ** 18
#: Longest parameter name.
MAX_NAME = 32

_CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_UP,
                           traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*'?")
_PARAM_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_NUMBER = re.compile(r"\d[\d.,]*")
_INDONESIAN = re.compile(r"^(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_OPERATORS = {"+": "+", "-": "-", "−": "-", "–": "-", "*": "*", "×": "*", "·": "*", "/": "/",
              ":": "/", "÷": "/", "^": "^", "(": "(", ")": ")"}


class ExpressionError(ValueError):
    """An expression that is refused or cannot be evaluated; ``str()`` is Indonesian.

    Attributes:
        code: ``expr.syntax``, ``expr.number``, ``expr.name``, ``expr.bound``,
            ``expr.dimension``, ``expr.zero_division``, ``expr.negative``.
    """

    def __init__(self, message: str, code: str = "expr.syntax"):
        super().__init__(message)
        self.code = code


@dataclass(slots=True)
class Parameter:
    """A named parameter of a package: ``P = 25 m`` (``value`` ≥ 0, ``unit`` canonical, "" =
    a pure number), with an optional description ("panjang saluran")."""

    name: str
    value: Decimal
    unit: str = ""
    description: str = ""


def parameter_name_problem(name: str, others: tuple[str, ...] | list[str] = ()) -> str:
    """Why ``name`` cannot name a parameter (Indonesian), or "" when it can.

    Rules: letters, digits and ``_``, starting with a letter, at most :data:`MAX_NAME`
    characters; not a unit symbol of :data:`~dtpl_studio.costing.units.CANONICAL` (``m``,
    ``bh``, ``OH``…: a name must never mean two things); not the name of another parameter in
    ``others`` ignoring case (``P`` and ``p`` together would be misread on paper).
    """
    if not _PARAM_NAME.match(name or ""):
        return (f"nama parameter {name!r} tidak sah: huruf, angka dan _ saja, diawali huruf "
                "(contoh P, L_atas, T2)")
    if len(name) > MAX_NAME:
        return f"nama parameter {name!r} lebih dari {MAX_NAME} huruf"
    if name in CANONICAL:
        return f"nama parameter {name!r} adalah simbol satuan; pilih nama lain (misalnya {name.upper()}_1)"
    if any(o.casefold() == name.casefold() for o in others):
        return f"nama parameter {name!r} sudah dipakai (huruf besar/kecil tidak membedakan)"
    return ""


def parameter_value_problem(value: Decimal) -> str:
    """Why ``value`` cannot be a parameter's value (Indonesian), or "" when it can: a finite
    number in 0..:data:`MAX_LITERAL` (a deduction is a *Kurangi* line, never a negative
    parameter; issue 5 fault 3)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return f"nilai parameter {value} bukan bilangan"
    if value < 0:
        return "nilai parameter negatif; pengurangan ditulis sebagai baris 'Kurangi'"
    if value > MAX_LITERAL:
        return f"nilai parameter melebihi batas {MAX_LITERAL:,}".replace(",", ".")
    return ""


# -- syntax tree -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Num:
    value: Decimal
    text: str


@dataclass(frozen=True, slots=True)
class Name:
    """A parameter (``is_unit`` False) or a unit symbol."""

    name: str
    is_unit: bool


@dataclass(frozen=True, slots=True)
class Unary:
    op: str  # "-" or "+"
    operand: object


@dataclass(frozen=True, slots=True)
class Binary:
    op: str  # + - * / ^
    left: object
    right: object


@dataclass(frozen=True, slots=True)
class Parsed:
    """A parsed expression: its tree and the parameter names it uses."""

    tree: object
    names: frozenset[str] = field(default_factory=frozenset)


def _number(text: str) -> Decimal:
    if not _INDONESIAN.match(text):
        if re.match(r"^\d+\.\d+$", text) and "," not in text:
            suggestion = text.replace(".", ",")
            raise ExpressionError(f"angka {text!r}: koma adalah tanda desimal, tulis {suggestion}",
                                  "expr.number")
        raise ExpressionError(f"angka {text!r} tidak dapat dibaca (tanda desimal koma, titik "
                              "hanya pemisah ribuan: 1.250,5)", "expr.number")
    whole, _, frac = text.partition(",")
    if len(frac) > MAX_DECIMALS:
        raise ExpressionError(f"angka {text!r} lebih dari {MAX_DECIMALS} desimal", "expr.bound")
    value = Decimal(whole.replace(".", "") + ("." + frac if frac else ""))
    if value > MAX_LITERAL:
        raise ExpressionError(f"angka {text!r} melebihi batas 1.000.000", "expr.bound")
    return value


def _tokens(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` with kind ``num``, ``name``, ``op``; ``**`` becomes ``^``."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in " \t\u00a0\u202f":
            i += 1
            continue
        if text.startswith("**", i):
            out.append(("op", "^"))
            i += 2
            continue
        if ch in _OPERATORS:
            out.append(("op", _OPERATORS[ch]))
            i += 1
            continue
        if ch.isascii() and ch.isdigit():
            m = _NUMBER.match(text, i)
            assert m is not None
            if m.group()[-1] in ",.":
                raise ExpressionError(f"angka {m.group()!r} berakhir dengan tanda baca", "expr.number")
            out.append(("num", m.group()))
            i = m.end()
            continue
        m = _NAME.match(text, i)
        if m is not None:
            out.append(("name", m.group()))
            i = m.end()
            continue
        raise ExpressionError(f"tanda {ch!r} tidak dikenal dalam ekspresi (yang boleh: angka, "
                              "nama parameter, satuan, + - * / ^ dan kurung)")
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], parameters: frozenset[str] | None):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0
        self.parameters = parameters
        self.names: set[str] = set()

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError(f"ekspresi terlalu bertingkat (lebih dari {MAX_DEPTH} kurung/tanda)",
                                  "expr.bound")

    def expression(self):
        node = self.term()
        while (t := self.peek()) is not None and t[0] == "op" and t[1] in "+-":
            self.take()
            node = Binary(t[1], node, self.term())
        return node

    def term(self):
        node = self.unary()
        while (t := self.peek()) is not None:
            if t[0] == "op" and t[1] in "*/":
                self.take()
                node = Binary(t[1], node, self.unary())
            elif t[0] == "name" and t[1] in CANONICAL:  # 25 m, (P + L) m
                self.take()
                node = Binary("*", node, self.power(Name(t[1], True)))
            else:
                break
        return node

    def unary(self):
        t = self.peek()
        if t is not None and t[0] == "op" and t[1] in "+-":
            self.take()
            self.deeper()
            node = Unary(t[1], self.unary())
            self.depth -= 1
            return node
        return self.power(self.atom())

    def power(self, node):
        t = self.peek()
        if t is not None and t == ("op", "^"):
            self.take()
            e = self.peek()
            if e is None or e[0] != "num" or not e[1].isdigit() or int(e[1]) > MAX_EXPONENT:
                raise ExpressionError(f"pangkat harus bilangan bulat 0..{MAX_EXPONENT}", "expr.bound")
            self.take()
            node = Binary("^", node, Num(Decimal(int(e[1])), e[1]))
            if self.peek() == ("op", "^"):
                raise ExpressionError("pangkat bertingkat tidak diizinkan", "expr.bound")
        return node

    def atom(self):
        t = self.peek()
        if t is None:
            raise ExpressionError("ekspresi berakhir terlalu cepat")
        self.take()
        kind, text = t
        if kind == "num":
            return Num(_number(text), text)
        if kind == "name":
            if self.parameters is not None and text in self.parameters:
                self.names.add(text)
                return Name(text, False)
            if text in CANONICAL:
                return Name(text, True)
            if self.parameters is None and _PARAM_NAME.match(text):
                self.names.add(text)
                return Name(text, False)
            raise ExpressionError(f"nama {text!r} bukan parameter paket ini maupun satuan", "expr.name")
        if text == "(":
            self.deeper()
            node = self.expression()
            if self.peek() != ("op", ")"):
                raise ExpressionError("kurung tutup ')' kurang")
            self.take()
            self.depth -= 1
            return node
        raise ExpressionError(f"tanda {text!r} tidak pada tempatnya")


def parse(text: str, parameters: frozenset[str] | set[str] | None = None) -> Parsed:
    """Parse ``text`` (a leading ``=`` is allowed and ignored).

    Args:
        parameters: the names a parameter may have (the package's table); None = any name
            that is not a unit is taken as a parameter (to list the names a text uses).

    Raises:
        ExpressionError: empty, too long, a token or construct outside the grammar, a bound.
    """
    if not isinstance(text, str):
        raise ExpressionError("ekspresi bukan teks")
    body = text.strip()
    if body.startswith("="):
        body = body[1:].strip()
    if not body:
        raise ExpressionError("ekspresi kosong")
    if len(body) > MAX_LENGTH:
        raise ExpressionError(f"ekspresi lebih dari {MAX_LENGTH} karakter", "expr.bound")
    parser = _Parser(_tokens(body), frozenset(parameters) if parameters is not None else None)
    tree = parser.expression()
    if parser.peek() is not None:
        raise ExpressionError(f"tanda {parser.peek()[1]!r} tidak pada tempatnya")
    return Parsed(tree, frozenset(parser.names))


def names_used(text: str) -> frozenset[str]:
    """The parameter names ``text`` uses (empty when it does not parse)."""
    try:
        return parse(text).names
    except ExpressionError:
        return frozenset()


#: A value while evaluating: a Decimal magnitude in the units ``((symbol, exponent), …)`` of
#: canonical symbols, sorted (``(("m", 2),)`` = m²). Products and quotients only combine the
#: exponents; pint (the one registry) converts, once per pair of unit combinations
#: (:func:`_factor`): parsing units per operation was nearly all of an evaluation.
Units = tuple[tuple[str, int], ...]

_PINT_UNITS: dict[Units, pint.Unit] = {}
_FACTORS: dict[tuple[Units, Units], Decimal | None] = {}


def _pint_units(key: Units) -> pint.Unit:
    unit = _PINT_UNITS.get(key)
    if unit is None:
        unit = to_pint("")
        for symbol, exponent in key:
            unit = unit * to_pint(symbol) ** exponent
        _PINT_UNITS[key] = unit
    return unit


def _factor(source: Units, target: Units) -> Decimal | None:
    """What a magnitude in ``source`` units is multiplied by to be in ``target`` units (what
    pint's ``.to`` multiplies by); None when the dimensions differ. Cached per pair."""
    if source == target:
        return Decimal(1)
    key = (source, target)
    if key not in _FACTORS:
        try:
            _FACTORS[key] = Decimal(Quantity(Decimal(1), _pint_units(source)).to(_pint_units(target)).magnitude)
        except pint.DimensionalityError:
            _FACTORS[key] = None
    return _FACTORS[key]


def _combine(a: Units, b: Units, sign: int) -> Units:
    exponents = dict(a)
    for symbol, exponent in b:
        exponents[symbol] = exponents.get(symbol, 0) + sign * exponent
    return tuple(sorted((k, v) for k, v in exponents.items() if v))


def _unit_key(symbol: str) -> Units:
    return ((symbol, 1),) if symbol else ()


def _dimension_text(key: Units) -> str:
    from dtpl_studio.costing.units import describe_dimension

    return describe_dimension(Quantity(Decimal(1), _pint_units(key)))


def _check(magnitude: Decimal) -> Decimal:
    if not magnitude.is_finite() or abs(magnitude) > MAX_MAGNITUDE:
        raise ExpressionError("hasil antara terlalu besar (batas 10^18)", "expr.bound")
    return magnitude


def _eval(node, params: dict[str, Parameter]) -> tuple[Decimal, Units]:
    if isinstance(node, Num):
        return node.value, ()
    if isinstance(node, Name):
        if node.is_unit:
            return Decimal(1), _unit_key(node.name)
        p = params[node.name]
        return p.value, _unit_key(p.unit)
    if isinstance(node, Unary):
        value, units = _eval(node.operand, params)
        return (-value if node.op == "-" else value), units
    assert isinstance(node, Binary)
    left, lu = _eval(node.left, params)
    if node.op == "^":
        result, units = Decimal(1), ()
        for _ in range(int(node.right.value)):
            result, units = _check(result * left), _combine(units, lu, 1)
        return result, units
    right, ru = _eval(node.right, params)
    if node.op in "+-":
        factor = _factor(ru, lu)
        if factor is None:
            raise ExpressionError(
                f"tidak dapat {'menjumlah' if node.op == '+' else 'mengurangkan'} "
                f"{_dimension_text(lu)} dengan {_dimension_text(ru)}", "expr.dimension")
        right = right if factor == 1 else right * factor
        return _check(left + right if node.op == "+" else left - right), lu
    if node.op == "*":
        return _check(left * right), _combine(lu, ru, 1)
    if right == 0:
        raise ExpressionError("pembagian dengan nol", "expr.zero_division")
    return _check(left / right), _combine(lu, ru, -1)


_PARSED: dict[tuple[str, frozenset[str]], Parsed] = {}


def _evaluate(text: str, parameters) -> tuple[Decimal, Units]:
    params = parameters if isinstance(parameters, dict) else {p.name: p for p in parameters}
    names = frozenset(params)
    parsed = _PARSED.get((text, names))
    if parsed is None:
        parsed = parse(text, names)
        if len(_PARSED) > 4096:  # a bounded memo of parsed texts (parsing is per edit)
            _PARSED.clear()
        _PARSED[(text, names)] = parsed
    try:
        with decimal.localcontext(_CONTEXT):
            return _eval(parsed.tree, params)
    except ExpressionError:
        raise
    except (decimal.DivisionByZero, ZeroDivisionError) as exc:
        raise ExpressionError("pembagian dengan nol", "expr.zero_division") from exc
    except (ArithmeticError, KeyError) as exc:
        raise ExpressionError(f"ekspresi tidak dapat dihitung ({type(exc).__name__})", "expr.bound") from exc
    except pint.errors.PintError as exc:
        raise ExpressionError(f"satuan dalam ekspresi tidak dapat dihitung ({exc})", "expr.dimension") from exc


def evaluate(text: str, parameters: dict[str, Parameter] | list[Parameter] | tuple = ()) -> pint.Quantity:
    """The value of ``text`` as a pint quantity (Decimal magnitude) of the one registry.

    Args:
        parameters: the package's parameters (a list, or name → :class:`Parameter`).

    Raises:
        ExpressionError: refused (syntax, unknown name, bound) or not computable (division by
            zero, adding a length to an area, a magnitude beyond :data:`MAX_MAGNITUDE`); the
            message is Indonesian. Nothing else, for any text.
    """
    magnitude, units = _evaluate(text, parameters)
    return Quantity(magnitude, _pint_units(units))


def evaluate_in(text: str, parameters, unit: str, *, count: bool = False) -> Decimal:
    """The value of ``text`` in the canonical ``unit`` (what ``evaluate(...).to(unit)``
    gives, with the conversion factor cached per unit combination). ``count``: the item
    counts things (bh, titik…), so a dimensionless result is that count (issue 5 fault 6).

    Raises:
        ExpressionError: as :func:`evaluate`; ``expr.dimension`` when the result's dimension
            is not ``unit``'s (``hasil luas (m2) tidak sesuai dengan satuan item m3``).
    """
    magnitude, units = _evaluate(text, parameters)
    factor = _factor(units, ()) if count else None
    if factor is None:
        factor = _factor(units, _unit_key(unit))
    if factor is None:
        raise ExpressionError(f"hasil {_dimension_text(units)} tidak sesuai dengan satuan item {unit}",
                              "expr.dimension")
    try:
        with decimal.localcontext(_CONTEXT):
            return magnitude if factor == 1 else magnitude * factor
    except ArithmeticError as exc:  # pragma: no cover - bounded magnitudes and factors
        raise ExpressionError(f"ekspresi tidak dapat dihitung ({type(exc).__name__})", "expr.bound") from exc


def format_parameter(p: Parameter) -> str:
    """``P = 25 m`` in Indonesian number format."""
    from dtpl_studio.costing.formatting import format_number

    return f"{p.name} = {format_number(p.value)}{(' ' + p.unit) if p.unit else ''}"


__all__ = [
    "MAX_DEPTH", "MAX_EXPONENT", "MAX_LENGTH", "MAX_LITERAL", "ExpressionError", "Parameter",
    "Parsed", "evaluate", "evaluate_in", "format_parameter", "names_used", "parameter_name_problem",
    "parameter_value_problem", "parse",
]
