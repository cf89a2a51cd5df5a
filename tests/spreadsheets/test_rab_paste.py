"""A block of spreadsheet rows pasted into the RAB (issue 10 point 9): items in the
Indonesian number format, codes matched to the book, headings as sections, every cell not
taken as written a finding with its row and column; our own copy's TSV reads back."""

from __future__ import annotations

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.clipboard import clip_tsv, copy_nodes
from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.rab import Item, Section, price_package
from dtpl_studio.services.clipboard import read_table, table_edit
from dtpl_studio.spreadsheets.rab_paste import CodeInfo, read_block, split_block
from tests.costing.test_edits import snapshot
from tests.ui.ui_sample import build_sample_book, build_sample_program

BLOCK = (
    "No\tUraian Pekerjaan\tSat.\tVol\tHarga Satuan (Rp)\tJumlah Harga (Rp)\r\n"
    "A\tPEKERJAAN PERSIAPAN\t\t\t\t\r\n"
    "1\tPembersihan lokasi\tm2\t1.234,56\tRp 12.500\t15.432.000\r\n"
    "2\tPapan nama\tbh\t1\t450.000,00\t450.000\r\n"
    "\tJumlah A\t\t\t\t15.882.000\r\n"
)


def test_a_block_with_a_header_gives_a_section_with_custom_items():
    paste = read_block(BLOCK)
    (section,) = paste.nodes
    assert isinstance(section, Section) and section.title == "PEKERJAAN PERSIAPAN"
    first, second = section.children
    assert (first.description, first.unit, first.volume, first.custom_rate) == (
        "Pembersihan lokasi", "m2", D("1234.56"), D(12500))
    assert second.custom_rate == D(450000) and "ditempel" in second.custom_reason
    assert not paste.has_problems  # the jumlah row is skipped with an info note
    assert any("dilewati" in f.message for f in paste.findings)


def test_bad_cells_are_findings_with_row_and_column_and_nothing_is_lost():
    text = ("Uraian\tSatuan\tVolume\tHarga Satuan\n"
            "Galian\tm3\tdua\t50.000\n"
            "Urugan\tmeter kubik ajaib\t3,5\t\n")
    paste = read_block(text)
    galian, urug = paste.nodes
    assert galian.volume == 0 and "dua" in galian.note
    bad = [f for f in paste.findings if f.severity is Severity.ERROR]
    assert [(f.row, f.column, f.column_name) for f in bad] == [(2, 3, "Volume"), (3, 2, "Satuan")]
    assert "baris 2, kolom 3 (Volume): 'dua' bukan angka" in bad[0].text()
    assert urug.unit == "meter kubik ajaib" and urug.custom_rate is None
    assert paste.has_problems


def test_a_block_without_header_has_its_columns_guessed_and_codes_matched():
    codes = {"A.2.3.1.1": CodeInfo("Galian", "m3", D(80900))}
    paste = read_block("1\tA.2.3.1.1\tGalian tanah biasa\tm3\t12,5\t80.000\n"
                       "2\t\tPapan nama kegiatan\tbh\t1\t450.000\n", codes)
    galian, papan = paste.nodes
    assert galian.analysis_code == "A.2.3.1.1" and galian.custom_rate is None and galian.volume == D("12.5")
    assert papan.custom_rate == D(450000)
    assert any("tanpa baris judul" in f.message for f in paste.findings)
    assert any("berbeda dari analisa" in f.message for f in paste.findings)  # 80.000 vs 80.900


def test_us_numbers_are_read_when_the_block_says_so():
    paste = read_block("Uraian\tSat\tVol\tHarga\nPipa\tm'\t1,250.50\t25,000.00\n")
    assert paste.nodes[0].volume == D("1250.50") and paste.nodes[0].custom_rate == D(25000)


def test_quoted_cells_keep_tabs_and_line_breaks():
    assert split_block('a\t"b\tc"\t"d\nе ""x"""\r\n\r\n') == [["a", "b\tc", 'd\nе "x"']]


def test_our_own_copy_pasted_back_as_text_gives_the_same_amounts():
    program = build_sample_program(build_sample_book())
    planning, physical = program.packages
    text = clip_tsv(copy_nodes(program, [physical.sections[0].id, physical.sections[1].id]))
    paste = read_table(program, planning.id, text)
    assert [n.title for n in paste.nodes] == ["PEKERJAAN PERSIAPAN", "PEKERJAAN TANAH"]
    before = snapshot(program)
    old = price_package(planning).direct
    undo = table_edit(program, planning.id, planning.sections[0].id, None, paste).apply(program)
    pp = price_package(physical)
    added = pp.node(physical.sections[0].id).total + pp.node(physical.sections[1].id).total
    assert price_package(planning).direct == old + added
    undo.apply(program)
    assert snapshot(program) == before


def test_catalogue_codes_are_pinned_with_the_paste_as_one_step():
    book = build_sample_book()
    program = build_sample_program(book)
    planning = program.packages[0]
    paste = read_table(program, planning.id, "Kode\tUraian\tSat\tVol\nA.3.2.1.6\tFondasi\tm3\t2\n", book)
    edit = table_edit(program, planning.id, planning.sections[0].id, 0, paste, book)
    undo = edit.apply(program)
    assert "A.3.2.1.6" in planning.book.analyses and planning.sections[0].children[0].analysis_code == "A.3.2.1.6"
    undo.apply(program)
    assert "A.3.2.1.6" not in planning.book.analyses


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30),
                          st.sampled_from(["m", "m2", "m3", "bh", "ls", "OH"]), amounts, amounts),
                min_size=1, max_size=12))
def test_any_rows_in_indonesian_format_read_back_exactly(rows):
    lines = ["Uraian\tSatuan\tVolume\tHarga Satuan"]
    kept = []
    for text, unit, volume, rate in rows:
        text = " ".join(text.replace('"', "").split()) or "x"
        lines.append(f"{text}\t{unit}\t{format_number(volume, 2)}\t{format_rupiah(rate, 2)}")
        kept.append((text, unit, volume, rate))
    paste = read_block("\n".join(lines))
    items = [n for n in paste.nodes if isinstance(n, Item)]
    # every row is an item with its exact figures, or a total row skipped with a finding
    skipped = {f.row for f in paste.findings if "dilewati" in f.message}
    assert len(items) + len(skipped) == len(kept) and paste.rows == len(items)
    taken = [k for line, k in enumerate(kept, start=2) if line not in skipped]
    assert [(i.description, i.unit, i.volume, i.custom_rate) for i in items] == taken
    assert not [f for f in paste.findings if f.severity is not Severity.INFO]
