"""The fast paths of the PDF export write exactly what the slow ones wrote (issue 9): the
text canvas what ReportLab's own canvas writes, a long table's pages with shared cell styles
what they were with every command applied to each page's table."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import doc_template, render_dtpl_pdf
from dtpl_studio.reporting.fonts import FAMILY, register_fonts
from dtpl_studio.reporting.longtable import RowTable
from dtpl_studio.reporting.textcanvas import TextCanvas
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book

#: Latin text, digits, units and the symbols of issue 9 point 7 (more than 256 distinct
#: characters over a run, so the embedded font needs several subsets)
TEXT = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x20, 0x7F)] + list("²³ÄÖÜäöüé·–—…≈×∅φ⌀ΣΩµ±≤≥\u00a0")
    + [chr(c) for c in range(0x400, 0x460)]), max_size=30)
CALLS = st.lists(st.tuples(
    st.sampled_from(["drawString", "drawRightString", "drawCentredString"]),
    st.sampled_from([FAMILY.regular, FAMILY.bold]), st.sampled_from([6.5, 7.5, 8, 9.25]),
    st.floats(0, 500, allow_nan=False), st.floats(0, 800, allow_nan=False), TEXT),
    min_size=1, max_size=40)


def _page(maker, calls) -> bytes:
    buf = io.BytesIO()
    canv = maker(buf, invariant=1)
    for method, font, size, x, y, text in calls:
        canv.setFont(font, size)
        getattr(canv, method)(x, y, text)
    canv.showPage()
    for method, font, size, x, y, text in reversed(calls):  # strings met again
        canv.setFont(font, size)
        getattr(canv, method)(x, y, text)
    canv.save()
    return buf.getvalue()


@settings(max_examples=60, deadline=None)
@given(CALLS)
def test_same_bytes_as_reportlab_canvas(calls):
    register_fonts()
    assert _page(TextCanvas, calls) == _page(Canvas, calls)


def test_plain_canvas_and_text_canvas_give_the_same_dtpl(monkeypatch):
    priced = price_program(build_demo_program(load_default_book()))
    fast = render_dtpl_pdf(priced)
    monkeypatch.setattr(doc_template, "TextCanvas", Canvas)
    assert render_dtpl_pdf(priced) == fast


ROW = st.integers(-2, 1)  # rows every page's table has (header + at least one)
COL = st.integers(-1, 2)
COMMAND = st.one_of(
    st.tuples(st.just("FONT"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just(FAMILY.bold),
              st.sampled_from([7, 9])),
    st.tuples(st.just("TEXTCOLOR"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just(colors.red)),
    st.tuples(st.just("ALIGN"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just("RIGHT")),
    st.tuples(st.just("LEFTPADDING"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just(6)),
    st.tuples(st.just("BACKGROUND"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just(colors.grey)),
    st.tuples(st.just("LINEBELOW"), st.tuples(COL, ROW), st.tuples(COL, ROW), st.just(0.5),
              st.just(colors.black)),
)
OWN = st.one_of(
    st.tuples(st.just("FONT"), st.tuples(COL, st.just(0)), st.tuples(COL, st.just(0)),
              st.just(FAMILY.bold), st.just(8)),
    st.tuples(st.just("BACKGROUND"), st.tuples(COL, st.just(0)), st.tuples(COL, st.just(0)),
              st.just(colors.yellow)),
    st.just(("SPAN", (1, 0), (2, 0))),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(COMMAND, max_size=6), st.lists(st.lists(OWN, max_size=2), min_size=1, max_size=12),
       st.lists(st.integers(0, 12), max_size=4))
def test_pages_with_shared_cell_styles_draw_the_same(table_wide, own, cuts):
    register_fonts()

    def draw(shared: bool) -> bytes:
        rt = RowTable([60, 90, 50], [["No", "Uraian", "Jumlah"]],
                      [("FONT", (0, 0), (-1, -1), FAMILY.regular, 8), *table_wide])
        for i, cmds in enumerate(own):
            rt.add([str(i), "teks " * (i % 4), f"{i * 1000:,}"], cmds)
        rows = rt._rows
        if not shared:
            rows.grid = False
        bounds = sorted({0, len(own), *(min(c, len(own)) for c in cuts)})
        buf = io.BytesIO()
        canv = Canvas(buf, invariant=1)
        for start, end in zip(bounds, bounds[1:], strict=False):
            table = rows.table(start, end)
            table.wrapOn(canv, 200, 800)
            table.drawOn(canv, 20, 20)
            canv.showPage()
        canv.save()
        return buf.getvalue()

    assert draw(True) == draw(False)


def test_collector_settings_are_restored_after_a_build_and_a_cancelled_one(priced):
    """The export runs with fewer garbage collections (issue 9) and leaves the collector as
    it found it, also when it is cancelled."""
    import gc

    import pytest

    from dtpl_studio.reporting import ReportCancelled

    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    render_dtpl_pdf(priced)
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
    with pytest.raises(ReportCancelled):
        render_dtpl_pdf(priced, cancelled=lambda: True)
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_paragraph_lines_kept_per_width_give_the_same_dtpl(monkeypatch):
    """Paragraphs broken into lines once per width (issue 9) print what breaking them on
    every wrap printed."""
    from reportlab.platypus import Paragraph as ReportLabParagraph

    from dtpl_studio.reporting import common

    priced = price_program(build_demo_program(load_default_book()))
    kept = render_dtpl_pdf(priced)
    monkeypatch.setattr(common.Paragraph, "wrap", ReportLabParagraph.wrap)
    assert render_dtpl_pdf(priced) == kept
