"""Helpers shared by the section builders: text formatting, headings, the build context.

Numbers are printed only through :mod:`dtpl_studio.costing.formatting` (Babel, ``id_ID``);
the helpers here only choose *how many* decimals, never round a value the costing core
already rounded (DESIGN.md §5: the PDF prints the priced values, it does not recompute).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, Flowable
from reportlab.platypus import Paragraph as _ReportLabParagraph

from dtpl_studio.costing.formatting import (
    MINUS,
    format_number,
    format_percent,
    format_rate,
    format_rupiah,
)
from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.costing.terbilang import terbilang
from dtpl_studio.reporting.fonts import printable
from dtpl_studio.reporting.styles import Styles
from dtpl_studio.reporting.template import DtplTemplate


def plain(text: object) -> str:
    """``text`` for a plain (non-Paragraph) table cell: only made printable by the font."""
    return printable(str(text))


def esc(text: object) -> str:
    """``text`` made safe for Paragraph markup (``&``, ``<``, ``>`` escaped) and for the
    embedded font (:func:`~dtpl_studio.reporting.fonts.printable`)."""
    return escape(printable(str(text)))


def _decimals(value: Decimal) -> int:
    """Decimals of ``value`` without its trailing zeros, exactly (``normalize()`` would
    round to the context's 28 digits: ``0,000001000…0001`` of 34 digits is not ``0,000001``)."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or not any(digits):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing))


def _signed(value: Decimal, fmt: Callable[[Decimal], str]) -> str:
    """``fmt(value)`` with a true minus sign (U+2212) for a negative value; a zero (also a
    negative zero, ``Decimal('-0')`` from ``-x × 0 %``) or a value that prints as zero
    prints without a sign: ``0``, never ``-0``."""
    if value < 0:
        text = fmt(-value)
        return text if text.strip("0.,") == "" else MINUS + text
    return fmt(abs(value))  # abs() turns Decimal('-0') into Decimal('0')


def money(value: Decimal) -> str:
    """A rupiah amount exactly as priced: ``1.546.200``; ``1.275.500,50`` when it has cents;
    ``−5.000`` (true minus sign) when negative; ``0`` for zero (never ``-0``).

    The window shows rates through the very same function
    (:func:`dtpl_studio.costing.formatting.format_rate`), so a rate reads the same on screen
    and on paper; with fractions it keeps all its decimals (at least two), never rounded, so
    that a printed rate times a printed volume gives the printed amount.
    """
    return format_rate(value)


def money2(value: Decimal) -> str:
    """An intermediate amount of an analysis sheet, shown with two decimals (``67.500,00``)."""
    return _signed(value, lambda v: format_rupiah(v, 2))


def signed_money(value: Decimal) -> str:
    """Like :func:`money` (kept for the callers that want to say a sign may occur)."""
    return money(value)


def volume(value: Decimal, decimals: int) -> str:
    """A RAB volume with the package's fixed number of decimals (``374,28``, ``−0,15``)."""
    return _signed(value, lambda v: format_number(v, decimals))


def exact(value: Decimal, cap: int = 6) -> str:
    """A number with as many decimals as it has (trailing zeros dropped), up to ``cap``.

    Used for measurement-line volumes; beyond ``cap`` decimals the value is shown rounded to
    ``cap`` places (a back-up line only explains the volume, the RAB prints the rounded one).
    """
    places = min(_decimals(value), cap)
    return _signed(value, lambda v: format_number(v, places))


def signed_exact(value: Decimal) -> str:
    """Like :func:`exact` (which already prints a true minus sign, U+2212)."""
    return exact(value)


def percent(fraction: Decimal) -> str:
    """A rate as a percentage (``11%``, ``12,5%``), ``0%`` for a (negative) zero."""
    return _signed(fraction, format_percent)


def amount_words(amount: Decimal) -> str:
    """*Terbilang* of a whole rupiah amount as the costing core writes it for a package
    total: ``'minus lima ribu rupiah'`` for a negative amount (the core's
    :attr:`~dtpl_studio.costing.rab.PricedPackage.terbilang` rule), never an exception."""
    if amount < 0:
        return "minus " + terbilang(-amount)
    return terbilang(abs(amount))


def program_words(priced: PricedProgram) -> str:
    """*Terbilang* of the programme total (the sum of the packages' rounded totals): the
    package's own :attr:`~dtpl_studio.costing.rab.PricedPackage.terbilang` when there is one
    package, else :func:`amount_words` of the sum (``minus …`` when it is negative)."""
    if len(priced.packages) == 1:
        return priced.packages[0].terbilang
    return amount_words(program_total(priced))


def program_total(priced: PricedProgram) -> Decimal:
    """The sum of the packages' rounded totals (cover and lembar pengesahan)."""
    return sum((pp.rounded for pp in priced.packages), Decimal(0))


#: Most decimals a coefficient is printed with as written (DOMAIN.md §2.2: books carry up
#: to 4–5); longer ones are quotients, not written figures (``0,747407407…``).
COEFFICIENT_PLACES = 6
#: Significant digits of a coefficient longer than :data:`COEFFICIENT_PLACES` decimals.
COEFFICIENT_SIGNIFICANT = 4


def coefficient_fits(value: Decimal) -> bool:
    """True when ``value`` has at most :data:`COEFFICIENT_PLACES` significant decimals."""
    return _decimals(value) <= COEFFICIENT_PLACES


def coefficient(value: Decimal) -> str:
    """A coefficient as the source printed it: as many decimals as it carries, including the
    zeros it was written with (``0,750``, ``0,0333``, ``371``), never rounded — up to
    :data:`COEFFICIENT_PLACES` decimals.

    A coefficient with more decimals is not a figure anyone wrote but a quotient: a
    workbook formula (``=61.56/1400``) or the importer's unit conversion (AHSP.xlsx
    Beton!F454: ``1.009`` kg of batu split recorded as 1009/1350 m3 = 0,7474074…). It is
    printed rounded half up to :data:`COEFFICIENT_SIGNIFICANT` significant digits
    (``0,7474``, ``0,04397``, ``0,0002229``), without a mark or a footnote (issue 9 point 7:
    ``≈0,747407`` with a 28-digit footnote); the project file keeps the full value and
    every calculation uses it. The analysis chapter's introduction says so once.
    """
    if not coefficient_fits(value):
        places = max(0, COEFFICIENT_SIGNIFICANT - 1 - value.adjusted())
        return format_number(value, places)
    written = value.as_tuple().exponent
    written_places = max(0, -written) if isinstance(written, int) else 0
    places = max(_decimals(value), min(written_places, COEFFICIENT_PLACES))
    return format_number(value, places)


def full_number(value: Decimal) -> str:
    """Every decimal of ``value`` (trailing zeros dropped), Indonesian style."""
    return format_number(value, _decimals(value))


def capitalise(text: str) -> str:
    """First letter upper case, the rest unchanged (``'seratus …'`` → ``'Seratus …'``)."""
    return text[:1].upper() + text[1:]


class Paragraph(_ReportLabParagraph):
    """ReportLab's :class:`~reportlab.platypus.Paragraph` whose lines are broken once per
    width: a repeated ``wrap`` at the same width (the frame trying it, a ``KeepTogether``
    measuring its content, :class:`~dtpl_studio.reporting.longtable.NeedSpace`, the second
    layout pass) returns the lines of the first (issue 9: line breaking of the same
    paragraphs was a quarter of the layout time). The text and style of a paragraph never
    change after it is made, so its lines depend on the width only.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo = self.__dict__.get("_wrap_memo")
        if memo is not None and memo[0] == availWidth:
            _, self.width, self.height, self.blPara, self._wrapWidths = memo
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        blpara = getattr(self, "blPara", None)
        if blpara is not None:
            self._wrap_memo = (availWidth, width, height, blpara, self._wrapWidths)
        return width, height


class Heading(Paragraph):
    """A paragraph that is also a TOC entry and a PDF bookmark.

    ``level`` 0, 1 or 2 is both the outline depth and the TOC style; ``key`` is the
    bookmark name (unique in the document); ``in_toc`` False keeps it out of the Daftar isi
    but still in the PDF outline; ``section`` is the running-header text it sets.
    """

    def __init__(self, text: str | None, style, *, level: int = 0, key: str | None = None,
                 plain: str = "", in_toc: bool = True, section: str | None = None,
                 **kw) -> None:
        super().__init__(text, style, **kw)
        self.outline_level = level
        self.outline_key = key
        self.outline_text = plain
        self.in_toc = in_toc
        self.running_section = section

    def split(self, availWidth: float, availHeight: float) -> list:
        """A heading too long for the space left continues on the next page; only its
        first part is the bookmark/TOC entry."""
        parts = super().split(availWidth, availHeight)
        if parts:
            first = parts[0]
            for name in ("outline_level", "outline_key", "outline_text", "in_toc",
                         "running_section"):
                setattr(first, name, getattr(self, name))
            for part in parts[1:]:
                part.outline_key = None
        return parts


class ChapterBreak(CondPageBreak):
    """A chapter starts on a new page — unless the page it would leave is still nearly empty
    (at most :attr:`USED` of the body frame filled, e.g. a price list's last table of one
    row), then it starts there (issue 9 point 7: no page holding one sentence or one small
    table). Only on the portrait body pages: after a landscape schedule or a drawing sheet
    it always breaks, so a chapter never starts on a page of another format."""

    #: the share of the frame a page may hold before the next chapter needs a page of its own
    USED = 0.25

    def __init__(self) -> None:
        super().__init__(0)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        frame = self._doctemplateAttr("frame")
        template = self._doctemplateAttr("pageTemplate")
        if frame is None:
            return 0, 0
        if getattr(template, "id", "body") != "body":
            self.height = frame._height + 1  # always: never start on another page format
        else:
            self.height = frame._height * (1 - self.USED)
        return super().wrap(availWidth, availHeight)

    def __repr__(self) -> str:
        return "ChapterBreak()"


class Anchor(Flowable):
    """An invisible, zero-size bookmark/outline/TOC target (same attributes as
    :class:`Heading`), for a page that prints no heading of its own (the cover)."""

    def __init__(self, *, level: int, key: str, plain: str, in_toc: bool = False,
                 section: str | None = None) -> None:
        super().__init__()
        self.outline_level = level
        self.outline_key = key
        self.outline_text = plain
        self.in_toc = in_toc
        self.running_section = section

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:  # nothing visible
        pass


@dataclass
class BuildContext:
    """What every section builder receives.

    Attributes:
        priced: the priced programme (never recomputed here).
        styles: paragraph styles.
        template: the section layout (titles, order, default signature blocks).
        doc_hash: SHA-256 of the priced content (:func:`~dtpl_studio.reporting.hashing.document_hash`).
        draft: the DRAFT watermark is printed.
        check_cancel: raises :class:`~dtpl_studio.reporting.errors.ReportCancelled` when the
            caller asked to stop.
    """

    priced: PricedProgram
    styles: Styles
    template: DtplTemplate
    doc_hash: str
    draft: bool
    check_cancel: Callable[[], None] = lambda: None
    #: titles of the template's sections this print leaves out (a section choice), or ()
    left_out: tuple[str, ...] = ()
    _keys: int = field(default=0, repr=False)
    #: where each page of an attached PDF is merged: ``(attachment id, page index)`` →
    #: ``(page number, x, y, width, height)`` in points, filled while the last pass draws
    #: (:mod:`dtpl_studio.reporting.sections.attachments`)
    sheet_boxes: dict = field(default_factory=dict, repr=False)
    #: page sizes ``[(width, height), …]`` of each attached PDF, by SHA-256 (read once)
    pdf_pages: dict = field(default_factory=dict, repr=False)

    def heading(self, text: str, level: int, *, in_toc: bool = True,
                section: str | None = None, style=None) -> Heading:
        """A :class:`Heading` with a fresh bookmark key; ``text`` is plain (escaped here)."""
        self._keys += 1
        styles = (self.styles.h1, self.styles.h2, self.styles.h3)
        return Heading(esc(text), style or styles[min(level, 2)], level=level,
                       key=f"dtpl-{self._keys:04d}", plain=text, in_toc=in_toc,
                       section=section)

    def anchor(self, text: str, level: int, *, in_toc: bool = False,
               section: str | None = None) -> Anchor:
        """An invisible :class:`Anchor` with a fresh bookmark key."""
        self._keys += 1
        return Anchor(level=level, key=f"dtpl-{self._keys:04d}", plain=text, in_toc=in_toc,
                      section=section)

    def p(self, text: str, style=None) -> Paragraph:
        """A paragraph of plain ``text`` (escaped) in ``style`` (body by default)."""
        return Paragraph(esc(text), style or self.styles.body)
