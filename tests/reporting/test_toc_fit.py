"""Daftar isi (issue 9 point 7: "a TOC page with 2 lines"): a table of contents that would
overflow its page by a little is set compact and stays on one page; a long one still splits
over pages; both choices are deterministic."""

from __future__ import annotations

import copy
import re

from pypdf import PdfReader

from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import build_dtpl_pdf
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book


def _toc_pages(path) -> list[int]:
    """Indexes of the pages that hold TOC entries (a dot leader ending in a page number)."""
    leader = re.compile(r"(\.\s+){8,}\d+")
    reader = PdfReader(str(path))
    return [i for i, page in enumerate(reader.pages) if leader.search(page.extract_text() or "")]


def test_the_demo_toc_fits_one_page(tmp_path):
    """The demo's TOC ran onto a second page holding two lines; compact, it fits one."""
    priced = price_program(build_demo_program(load_default_book()))
    path = build_dtpl_pdf(priced, tmp_path / "demo.pdf")
    assert len(_toc_pages(path)) == 1


def test_a_long_toc_still_splits_over_pages(tmp_path):
    """Six packages: far more than a compact page holds, so the table splits as before."""
    program = build_demo_program(load_default_book())
    physical = program.packages[1]
    for n in range(5):
        twin = copy.deepcopy(physical)
        twin.id = f"{physical.id}-{n}"
        twin.name = f"{physical.name} ({n + 2})"
        program.packages.append(twin)
    path = build_dtpl_pdf(price_program(program), tmp_path / "long.pdf")
    assert len(_toc_pages(path)) >= 2
