"""The section choice of a PDF export (issue 9 point 9), for the window's export dialog and
the CLI's ``--sections``: the template's sections with what this programme has to print.
The rules live in :mod:`dtpl_studio.reporting.selection`."""

from __future__ import annotations

from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.reporting.selection import SectionChoice, SectionChoiceError, parse_sections
from dtpl_studio.reporting.selection import section_choices as _section_choices
from dtpl_studio.reporting.template import load_template

__all__ = ["SectionChoice", "SectionChoiceError", "parse_sections_text", "section_choices"]


def section_choices(priced: PricedProgram) -> list[SectionChoice]:
    """The shipped template's sections in print order (package parts after ``packages``),
    each with its template on/off and, when ``priced`` has nothing for it, the Indonesian
    reason (``tidak ada lampiran (foto atau pindaian)``).

    Raises:
        dtpl_studio.reporting.errors.ReportError: the template is missing or malformed.
    """
    return _section_choices(load_template(), priced)


def parse_sections_text(text: str) -> frozenset[str]:
    """``--sections cover,packages,rekap`` → the ids (``packages`` alone takes the
    template's parts).

    Raises:
        SectionChoiceError: an unknown id (the message lists the known ones).
    """
    return parse_sections(text, load_template())
