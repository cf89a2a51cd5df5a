"""No page holds only a small leftover before the next chapter (issue 9 point 7): a
chapter starts on a new page unless the page before is still nearly empty
(:class:`~dtpl_studio.reporting.common.ChapterBreak`)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting.common import ChapterBreak
from dtpl_studio.reporting.dtpl_pdf import render_dtpl_pdf
from dtpl_studio.reporting.styles import MARGIN_BOTTOM, MARGIN_TOP
from tests.reporting.conftest import make_program


def _lowest_body_text(page, top: float, bottom: float) -> float | None:
    """The lowest baseline of text inside the body frame (header and footer left out)."""
    ys: list[float] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5] if cm else tm[5]
        if text.strip() and bottom + 1 < y < top - 1:
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return min(ys) if ys else None


def _programs():
    from dtpl_studio.services.demo import build_demo_program
    from dtpl_studio.services.prices import load_default_book

    yield "sample", make_program()
    yield "demo", build_demo_program(load_default_book())


@pytest.mark.parametrize("name,program", list(_programs()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_page_before_a_chapter_is_never_a_small_leftover(name, program):
    reader = PdfReader(io.BytesIO(render_dtpl_pdf(price_program(program))))
    starts = {reader.get_destination_page_number(d) for d in reader.outline if not isinstance(d, list)}
    for n in sorted(starts):
        before = n - 1
        if before < 3:  # cover, pengesahan and the table of contents stand alone
            continue
        page, following = reader.pages[before], reader.pages[n]
        height = float(page.mediabox.height)
        if float(page.mediabox.width) > height or float(following.mediabox.width) > float(following.mediabox.height):
            # a landscape schedule or drawing sheet has a page format of its own: the chapter
            # before it cannot share its page (a table's short tail there is a widow-row
            # matter of the long tables, not of chapter breaks)
            continue
        top, bottom = height - MARGIN_TOP, MARGIN_BOTTOM
        lowest = _lowest_body_text(page, top, bottom)
        used = 0.0 if lowest is None else (top - lowest) / (top - bottom)
        assert used > ChapterBreak.USED - 0.05, (
            f"{name}: page {before + 1} is {used:.0%} full and the next chapter starts on page {n + 1}")
