"""Column types shared by the project file and the price library.

:class:`DecimalText` stores a :class:`decimal.Decimal` as its canonical string
(``str(value)``), never as REAL: ``Decimal('0.04397142857142857142857142857')`` and
``Decimal('100.00')`` come back digit for digit and with the same exponent, so
:meth:`~dtpl_studio.costing.pricebook.PriceBook.content_hash` (which hashes ``str(value)``)
is identical after a round trip (DESIGN.md §5: "Decimal from first parse to last print").
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored losslessly as TEXT (``str(value)``).

    Bind: accepts ``Decimal`` and ``int`` (made Decimal); ``None`` stays NULL.

    Raises (at flush time, wrapped by SQLAlchemy in ``StatementError``):
        TypeError: for a ``float`` or ``bool`` (a float has already lost digits; convert it
            with :func:`dtpl_studio.costing.money.from_float` first) or any other type.
        ValueError: for NaN or infinity (no price or coefficient may be either).

    Result: ``Decimal(text)``; a stored text that is not a number raises
    ``decimal.InvalidOperation``, which the readers turn into a "corrupt file" error.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"a Decimal column got {type(value).__name__} {value!r}; use Decimal")
        if isinstance(value, int):
            value = Decimal(value)
        if not value.is_finite():
            raise ValueError(f"a Decimal column cannot hold {value}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        try:
            result = Decimal(str(value))
        except InvalidOperation as exc:
            raise InvalidOperation(f"stored value {value!r} is not a decimal number") from exc
        return result

    def process_literal_param(self, value: Any, dialect: Dialect) -> str:
        text = self.process_bind_param(value, dialect)
        return "NULL" if text is None else text
