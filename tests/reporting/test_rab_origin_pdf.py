"""The origin of every rate is printed on the RAB rincian (issue 10 point 2): the book and
edition under the heading, the code in its column, an adjusted rate marked ``*`` with old →
new and its reason, an own rate marked ``khusus`` with its reason and source."""

from __future__ import annotations

import re
from decimal import Decimal as D
from pathlib import Path

from pypdf import PdfReader

from dtpl_studio.costing.items import book_text
from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import build_dtpl_pdf

from .conftest import make_program


def _rincian_text(path: Path) -> str:
    pages = [p.extract_text() for p in PdfReader(path).pages]
    return re.sub(r"\s+", " ", " ".join(t for t in pages if "Rincian Rencana Anggaran Biaya" in t))


def test_override_reason_and_custom_source_are_printed(tmp_path: Path) -> None:
    program = make_program()
    items = [i for p in program.packages for i in p.items()]
    custom = next(i for i in items if i.custom_rate is not None)
    custom.custom_source = "survei 3 toko TB Maju"
    coded = next(i for i in items if i.analysis_code)
    book = next(p.book for p in program.packages if coded in list(p.items()))
    old = book.unit_rate(coded.analysis_code)
    coded.rate_override, coded.override_reason = old - 1000, "harga upah setempat (survei faskel)"
    text = _rincian_text(build_dtpl_pdf(price_program(program), tmp_path / "d.pdf"))
    assert f"Harga khusus: {custom.custom_reason}; sumber: survei 3 toko TB Maju" in text
    old_text = f"{old:,.0f}".replace(",", ".")
    new_text = f"{old - 1000:,.0f}".replace(",", ".")
    assert (f"Harga satuan disesuaikan Rp {old_text} → Rp {new_text}: harga upah setempat (survei faskel)"
            in text)
    assert f"{coded.analysis_code}*" in text
    assert "khusus" in text
    # the legend names the pinned book with its edition (wrapped lines joined)
    assert re.sub(r"\s+", " ", f"Kode: analisa dari {book_text(book.meta)}") in text
    assert D(0) < old
