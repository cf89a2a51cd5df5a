"""Long tables, long texts, printed reconciliation, TOC pages, printing once per programme,
determinism and ``dtpl-studio verify`` (issue 9 points 7 and 8), read back with pypdf."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.rab import Item, Section, Signatory, price_program
from dtpl_studio.reporting import build_dtpl_pdf, document_date, document_hash, render_dtpl_pdf
from dtpl_studio.reporting.common import money
from dtpl_studio.reporting.fonts import FAMILY, register_fonts
from dtpl_studio.reporting.longtable import NBSP, fit_size, keep_units, wrap_text

from .conftest import make_program

register_fonts()
D = Decimal


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def parse_id(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


# -- text fitting (properties) --------------------------------------------------------------

words = st.text(alphabet=st.characters(codec="latin-1", exclude_characters="\n\r\x00"),
                min_size=0, max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=40), st.floats(min_value=20, max_value=300))
def test_wrap_text_fits_and_keeps_every_character(parts, width):
    text = "\n".join(parts)
    lines = wrap_text(text, FAMILY.regular, 8, width)
    for line in lines:
        # a line is wider than the column only when it is a single character
        assert stringWidth(line, FAMILY.regular, 8) <= width + 1e-6 or len(line) == 1
    # no character other than breaking spaces is lost, and the text's own line breaks stay
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    assert len(lines) >= len(parts)


def test_wrap_text_never_breaks_a_no_break_space():
    text = keep_units("Rabat beton tebal 5 cm di RT 03/RW 05, lebar 2,5 m " * 6)
    for width in range(40, 200, 7):
        for line in wrap_text(text, FAMILY.regular, 8, width):
            assert not line.endswith("5") or line.endswith("RW\u00a005")
            assert not line.startswith(("cm", "m ", "05"))


def test_keep_units_binds_numbers_to_units_and_tags_to_numbers():
    assert keep_units("tebal 5 cm") == "tebal 5\u00a0cm"
    assert keep_units("RT 03/RW 05") == "RT\u00a003/RW\u00a005"
    assert keep_units("150 m × 2,5 m") == "150\u00a0m × 2,5\u00a0m"
    assert keep_units("5 kali") == "5 kali"  # not a unit


def test_every_diameter_sign_stays_with_its_number():
    """Issue 9 point 7 (units breaking): ``tanaman ∅ | 2 cm`` broke after the sign, which
    the tag list lacked (it had Ø ø ⌀ φ); every sign, after a space or a word, is bound."""
    from dtpl_studio.reporting.longtable import DIAMETER_SIGNS

    for sign in DIAMETER_SIGNS:
        assert keep_units(f"tanaman {sign} 2 cm") == f"tanaman {sign}\u00a02\u00a0cm"
        assert keep_units(f"besi{sign} 10") == f"besi{sign}\u00a010"
        lines = wrap_text(keep_units(f"pipa pvc {sign} 50 mm"), FAMILY.regular, 8, 40)
        assert any(f"{sign}\u00a050" in line for line in lines)


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=D("-1e15"), max_value=D("1e15"), places=9, allow_nan=False),
       st.floats(min_value=30, max_value=90))
def test_money_never_wider_than_its_column(value, width):
    text = money(value)
    size = fit_size(text, FAMILY.bold, 8, width)
    assert 0 < size <= 8
    assert stringWidth(text, FAMILY.bold, size) <= width + 1e-6


# -- long texts: every text field, 3 000 characters with line breaks ----------------------

LONG = "\n".join(f"Baris {i}: " + "uraian panjang pekerjaan tebal 5 cm RT 03/RW 05 " * 3
                 for i in range(1, 25))  # ~3 500 characters, 24 line breaks


def _set_field(program, field: str) -> None:
    fisik = program.packages[1]
    item = fisik.sections[1].children[0].children[0]
    custom = program.packages[0].sections[0].children[0]
    if field == "description":
        item.description = LONG
    elif field == "note":
        item.note = LONG
    elif field == "custom_reason":
        custom.custom_reason = LONG
    elif field == "override":
        item.rate_override, item.override_reason = D(99_000), LONG
    elif field == "section":
        fisik.sections[0].title = LONG
    elif field == "measurement":
        item.measurements[0].description = LONG
    elif field in ("name", "description_pkg", "ksm", "location"):
        attr = {"description_pkg": "description"}.get(field, field)
        setattr(fisik, attr, LONG)
    elif field in ("title", "kelurahan", "bkm"):
        setattr(program, field, LONG)
    elif field == "signatory":
        program.signatories[0].name = LONG
    else:  # pragma: no cover
        raise AssertionError(field)


FIELDS = ["description", "note", "custom_reason", "override", "section", "measurement",
          "name", "description_pkg", "ksm", "location", "title", "kelurahan", "bkm",
          "signatory"]


@pytest.mark.parametrize("field", FIELDS)
def test_long_text_with_line_breaks_exports(field, tmp_path):
    program = make_program()
    _set_field(program, field)
    out = build_dtpl_pdf(price_program(program), tmp_path / "long.pdf")
    text = "\n".join(pages_text(out))
    assert "Baris 24:" in text  # nothing lost


def test_long_description_splits_across_pages_keeping_line_breaks(tmp_path):
    program = make_program()
    item = program.packages[1].sections[1].children[0].children[0]
    item.description = "\n".join(f"BARIS-{i:03d} " + "kata " * 12 for i in range(1, 161))
    out = build_dtpl_pdf(price_program(program), tmp_path / "split.pdf")
    texts = pages_text(out)
    pages = [n for n, t in enumerate(texts) if "BARIS-" in t]
    assert len(set(pages)) >= 2  # the cell continues on the next page
    lines = [ln.strip() for t in texts for ln in t.splitlines() if "BARIS-" in ln]
    # every source line starts a printed line, in order
    numbers = [int(m.group(1)) for ln in lines if (m := re.match(r"BARIS-(\d{3})", ln))]
    # printed in the rincian, then again in the back-up volume, then cut after four lines in
    # the jadwal (BARIS-001 and BARIS-002, each two printed lines), then whole as the largest
    # contributor of a finding in the BLM chapter (its first line after the item number)
    assert numbers == list(range(1, 161)) * 2 + [1, 2] + list(range(2, 161))
    assert any(re.search(r"\S+ BARIS-001 ", ln) for ln in lines)


# -- printed figures ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def priced_pdf(tmp_path_factory):
    priced = price_program(make_program())
    out = build_dtpl_pdf(priced, tmp_path_factory.mktemp("p") / "dtpl.pdf")
    return priced, out, pages_text(out)


def test_every_analysis_sheet_reconciles_as_printed(priced_pdf):
    _, _, texts = priced_pdf
    text = flat("\n".join(texts))
    num = r"(\d{1,3}(?:\.\d{3})*,\d{2})"
    sheets = re.findall(
        r"JUMLAH HARGA TENAGA KERJA " + num + r".*?JUMLAH HARGA BAHAN " + num
        + r".*?JUMLAH HARGA ALAT " + num + r" D Jumlah \(A \+ B \+ C\) " + num
        + r" E Biaya Umum dan Keuntungan \(Overhead & Profit\) (\d+(?:,\d+)?)% × D " + num
        + r" F Harga Satuan Pekerjaan \(D \+ E\) " + num, text)
    assert len(sheets) == 4
    for a, b, c, d, pct, e, f in sheets:
        a, b, c, d, e, f = map(parse_id, (a, b, c, d, e, f))
        assert a + b + c == d
        p = Decimal(pct.replace(",", ".")) / 100
        assert e == (d * p).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert d + e == f


def test_toc_page_numbers_are_the_real_pages(priced_pdf):
    _, out, texts = priced_pdf
    # pypdf gives each TOC line as "dots page" followed by its title
    entries = re.findall(r"\.\s+(\d+)\n([^\n]+)", texts[2])
    assert len(entries) >= 10
    for page, title in entries:
        title = flat(title)
        if title.startswith(("DTPL", "Kode dokumen", "PLP-BK")):
            continue
        assert title[:25] in flat(texts[int(page) - 1]), (title, page)


def test_outline_has_every_section_in_template_order(priced_pdf):
    _, out, _ = priced_pdf
    top = [e["/Title"] for e in PdfReader(out).outline if not isinstance(e, list)]
    order = ["Sampul", "LEMBAR PENGESAHAN", "DAFTAR ISI", "Paket 1", "Paket 2",
             "Analisa Harga Satuan Pekerjaan", "Daftar Harga Satuan Dasar",
             "Pemeriksaan Pagu BLM"]
    positions = [next(i for i, t in enumerate(top) if t.startswith(o)) for o in order]
    assert positions == sorted(positions)


def test_huge_and_unrounded_money_prints_whole(tmp_path):
    program = make_program()
    planning = program.packages[0].sections[0].children
    planning[0].custom_rate = D("1061666.666666667")
    planning[1].custom_rate = D("12345678901234")  # ≥ 10^13
    priced = price_program(program)
    out = build_dtpl_pdf(priced, tmp_path / "big.pdf")
    text = "\n".join(pages_text(out))
    assert "1.061.666,666666667" in text
    assert "12.345.678.901.234" in text
    amount = list(priced.packages[0].items())[1].amount
    assert money(amount) in text


def test_an_analysis_used_by_two_packages_prints_once(tmp_path):
    program = make_program()
    book = program.packages[1].book
    # two packages pinned to different subsets of one edition, both using RB.12
    first = program.packages[1]
    second = type(first)(name="Paket kedua", component=first.component,
                         book=book.subset({"RB.12"}),
                         sections=[Section("JALAN", [Item("Rabat beton", "m2",
                                                          analysis_code="RB.12",
                                                          volume=D(10))])])
    first.book = book.subset({i.analysis_code for i in first.items() if i.analysis_code})
    program.packages.append(second)
    texts = pages_text(build_dtpl_pdf(price_program(program), tmp_path / "once.pdf"))
    text = flat("\n".join(texts[3:]))  # after the Daftar isi
    name = book.analyses["RB.12"].name
    assert text.count(f"RB.12 {name}") == 1
    assert text.count("Buku harga: ") == 1  # one price list for the programme


# -- provable and reproducible --------------------------------------------------------------

def test_bytes_do_not_depend_on_the_environment(monkeypatch):
    a = render_dtpl_pdf(price_program(make_program()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    b = render_dtpl_pdf(price_program(make_program()))
    assert a == b


def test_creation_date_is_the_document_date(tmp_path):
    program = make_program()
    assert str(document_date(program)) == "2025-03-03"  # "3 Maret 2025" of a signatory
    data = render_dtpl_pdf(price_program(program))
    assert b"/CreationDate (D:20250303000000+00'00')" in data
    program.signatories = [Signatory("Dibuat oleh", "X", "Y", "")]
    assert str(document_date(program)) == "2025-01-01"  # the fiscal year


def test_short_hash_in_every_footer(priced_pdf):
    priced, _, texts = priced_pdf
    short = document_hash(priced)[:16]
    assert all(short in t for t in texts)


def test_cli_verify_accepts_the_file_and_refuses_a_one_byte_change(tmp_path, capsys):
    from dtpl_studio.cli import main
    from dtpl_studio.services.project import save_project

    project = tmp_path / "p.dtpl"
    save_project(make_program(), project)
    pdf = tmp_path / "p.pdf"
    assert main(["export", str(project), "--pdf", str(pdf)]) == 0
    capsys.readouterr()
    assert main(["verify", str(pdf), str(project)]) == 0
    assert "COCOK" in capsys.readouterr().out
    data = bytearray(pdf.read_bytes())
    for where in (len(data) // 3, len(data) - 10):
        changed = bytearray(data)
        changed[where] ^= 0x01
        bad = tmp_path / "bad.pdf"
        bad.write_bytes(bytes(changed))
        assert main(["verify", str(bad), str(project)]) == 1
        assert "TIDAK COCOK" in capsys.readouterr().out
    other = make_program(planning_experts=4)
    save_project(other, project)
    assert main(["verify", str(pdf), str(project)]) == 1
    assert "isi perhitungan lain" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "missing.pdf"), str(project)]) == 2


def test_volume_and_formula_columns_hold_numbers_with_units(priced_pdf):
    _, _, texts = priced_pdf
    text = "\n".join(texts)
    # a dimension never breaks between number and unit in the back-up formulas
    assert not re.search(r"\d\n(m|cm)\b", text)
    assert format_number(D("2.5")) in text


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["DTPL", "PLP-BK", "·", "Penataan", "Lingkungan", "Permukiman",
                                 "Berbasis", "Komunitas", "—", "Kawasan", "Prioritas", "RW 05"]),
                min_size=1, max_size=16),
       st.lists(st.sampled_from(["Paket 2", "·", "Rincian", "Rencana", "Anggaran", "Biaya",
                                 "Back-up", "Perhitungan", "Volume"]), max_size=10))
def test_running_header_uses_the_whole_line_and_never_overlaps(left_words, right_words):
    """Issue 9 point 7 (running header cut): the programme is cut only when it does not fit
    beside the section, and the two texts keep the gap between them."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from dtpl_studio.reporting.doc_template import HEADER_GAP, header_texts
    from dtpl_studio.reporting.fonts import FAMILY, register_fonts
    from dtpl_studio.reporting.styles import FRAME_WIDTH

    register_fonts()
    font, size = FAMILY.regular, 7.5
    left, right = " ".join(left_words), " ".join(right_words)
    shown_left, shown_right = header_texts(left, right, font, size, FRAME_WIDTH)
    w_left, w_right = stringWidth(shown_left, font, size), stringWidth(shown_right, font, size)
    assert w_left + w_right + (HEADER_GAP if right else 0) <= FRAME_WIDTH + 1e-6
    if stringWidth(right, font, size) <= FRAME_WIDTH / 2:
        assert shown_right == right
        if stringWidth(left, font, size) + w_right + (HEADER_GAP if right else 0) <= FRAME_WIDTH:
            assert shown_left == left
