"""Column types shared by the project file and the price library.

:class:`DecimalText` stores a :class:`decimal.Decimal` as its canonical string
(``str(value)``), never as REAL: ``Decimal('0.04397142857142857142857142857')`` and
``Decimal('100.00')`` come back digit for digit and with the same exponent, so
:meth:`~dtpl_studio.costing.pricebook.PriceBook.content_hash` (which hashes ``str(value)``)
is identical after a round trip (DESIGN.md §5: "Decimal from first parse to last print").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from dtpl_studio.storage.conversions import decimal_from_text, decimal_to_text


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored losslessly as TEXT (``str(value)``).

    Bind: accepts ``Decimal`` and ``int`` (made Decimal); ``None`` stays NULL.

    Raises (at flush time, wrapped by SQLAlchemy in ``StatementError``):
        TypeError: for a ``float`` or ``bool`` (a float has already lost digits; convert it
            with :func:`dtpl_studio.costing.money.from_float` first) or any other type.
        ValueError: for NaN or infinity (no price or coefficient may be either).

    Result: ``Decimal(text)``; a stored text that is not a number (``'dua'``, ``''``, a blob)
    comes back as that text (``str``), unconverted, so that the reader decides per row: the
    project-file loader makes it a finding naming table and row, the price readers'
    :func:`~dtpl_studio.storage.records.check_decimal` a "corrupt file" error. A reader never
    lets a ``str`` into the model.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return decimal_to_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | str | None:
        return decimal_from_text(value)

    def process_literal_param(self, value: Any, dialect: Dialect) -> str:
        text = self.process_bind_param(value, dialect)
        return "NULL" if text is None else text
