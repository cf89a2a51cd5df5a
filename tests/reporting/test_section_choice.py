"""A DTPL PDF with some sections left out (issue 9 point 9), read back with pypdf: the
unchecked sections are absent, the Daftar isi gives the real pages, "Halaman n dari N"
counts only what is printed, the document hash covers the choice and ``verify`` re-prints
the same choice and says what the PDF leaves out."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import build_dtpl_pdf, document_hash, render_dtpl_pdf
from dtpl_studio.reporting.selection import (
    SectionChoiceError,
    apply_sections,
    canonical_sections,
    empty_reasons,
    section_choices,
    sections_in_pdf,
)
from dtpl_studio.reporting.template import load_template

from .conftest import make_program

ALL = [c.id for c in section_choices(load_template())]
#: what each id prints as a heading (outline title prefix); None: no heading of its own
HEADING = {"cover": "Sampul", "approval": "LEMBAR PENGESAHAN", "toc": "DAFTAR ISI",
           "data_umum": "DATA UMUM", "analysis": "Analisa Harga Satuan Pekerjaan",
           "prices": "Daftar Harga Satuan Dasar", "kebutuhan": "Rekap Kebutuhan",
           "jadwal": "Jadwal Pelaksanaan", "blm": "Pemeriksaan Pagu BLM", "packages": "Paket 1",
           "rekap": "Rekapitulasi Rencana", "rincian": "Rincian Rencana",
           "backup": "Back-up Perhitungan", "document": "Keterangan Dokumen"}

CHOICES = [
    ["cover", "toc", "packages", "rekap", "blm", "document"],
    ["toc", "packages", "rincian", "backup", "analysis"],            # no cover
    ["approval", "toc", "data_umum", "prices", "kebutuhan", "jadwal", "document"],  # no packages
    ["cover", "packages", "rekap", "rincian"],                        # no Daftar isi
]


@pytest.fixture(scope="module")
def priced():
    return price_program(make_program())


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    out = []

    def walk(entries):
        for e in entries:
            if isinstance(e, list):
                walk(e)
            else:
                out.append((e.title, reader.get_destination_page_number(e) + 1))
    walk(reader.outline)
    return out


@pytest.mark.parametrize("chosen", CHOICES, ids=["rekap-only", "no-cover", "no-packages", "no-toc"])
def test_left_out_sections_are_absent_and_pages_are_right(priced, chosen, tmp_path):
    out = build_dtpl_pdf(priced, tmp_path / "part.pdf", sections=chosen)
    reader = PdfReader(out)
    n = len(reader.pages)
    titles = outline(reader)
    printed = [t for t, _ in titles]
    top = [e.title for e in reader.outline if not isinstance(e, list)]
    for sid, prefix in HEADING.items():
        present = any(t.startswith(prefix) for t in
                      (printed if sid in ("rekap", "rincian", "backup", "document") else top))
        wanted = sid in chosen and (sid not in ("rekap", "rincian", "backup") or "packages" in chosen)
        assert present == wanted, (sid, printed)
    texts = [page.extract_text() for page in reader.pages]
    for i, text in enumerate(texts, start=1):  # every footer counts the printed pages
        assert f"Halaman {i} dari {n}" in text
    if "toc" in chosen:  # every Daftar isi line names the page its heading is on
        toc_page = next(p for t, p in titles if t == "DAFTAR ISI")
        entries = re.findall(r"\.\s*(\d+)\n([^\n]+)", texts[toc_page - 1])
        cursor, checked = 0, 0
        for page, title in entries:  # in order: a title printed twice (Rekapitulasi) each time
            title = title.strip()
            at = next((i for i in range(cursor, len(titles)) if titles[i][0] == title), None)
            if at is None:
                continue
            assert int(page) == titles[at][1], (title, page, titles[at][1])
            cursor, checked = at + 1, checked + 1
        assert checked >= 2
    assert sections_in_pdf(out.read_bytes()) is not None


def test_the_full_choice_is_the_full_package_byte_for_byte(priced):
    full = render_dtpl_pdf(priced)
    every = [c.id for c in section_choices(load_template())]
    assert render_dtpl_pdf(priced, sections=every) == full
    # an empty section ticked off changes nothing: the demo-like programme has no photo
    assert "lampiran" in empty_reasons(priced)
    assert render_dtpl_pdf(priced, sections=[i for i in every if i != "lampiran"]) == full
    assert sections_in_pdf(full) is None


def test_the_hash_covers_the_choice(priced):
    layout = load_template()
    chosen = canonical_sections(priced, layout, CHOICES[0])
    assert chosen is not None
    assert document_hash(priced, chosen) != document_hash(priced)
    other = canonical_sections(priced, layout, CHOICES[1])
    assert document_hash(priced, other) != document_hash(priced, chosen)
    data = render_dtpl_pdf(priced, sections=CHOICES[0])
    assert document_hash(priced, chosen).encode() in data


def test_parts_follow_packages(priced):
    layout = apply_sections(load_template(), ["packages", "rekap"])
    assert [p.id for p in layout.enabled_parts()] == ["rekap"]
    assert canonical_sections(priced, load_template(), ["rekap", "blm"]) == ("blm",)


def test_unknown_and_empty_choices_are_refused(priced):
    with pytest.raises(SectionChoiceError) as err:
        render_dtpl_pdf(priced, sections=["cover", "sampul"])
    assert err.value.code == "report.sections" and err.value.params["id"] == "sampul"
    with pytest.raises(SectionChoiceError) as err:
        render_dtpl_pdf(priced, sections=["lampiran"])  # nothing to print in it
    assert err.value.code == "report.sections_empty"


def test_cli_sections_and_verify(tmp_path, capsys):
    from dtpl_studio.cli import main
    from dtpl_studio.services.project import save_project

    project = tmp_path / "p.dtpl"
    save_project(make_program(), project)
    part, full = tmp_path / "part.pdf", tmp_path / "full.pdf"
    assert main(["export", str(project), "--pdf", str(part), "--sections", "cover,toc,packages,blm"]) == 0
    assert main(["export", str(project), "--pdf", str(full)]) == 0
    capsys.readouterr()
    titles = [t for t, _ in outline(PdfReader(part))]
    assert any(t.startswith("Rincian Rencana") for t in titles)  # packages alone: its parts
    assert not any(t.startswith("Analisa Harga") for t in titles)
    assert main(["verify", str(part), str(project)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("COCOK") and "bukan paket lengkap" in said and "Analisa Harga Satuan" in said
    assert main(["verify", str(full), str(project)]) == 0
    assert "bukan paket lengkap" not in capsys.readouterr().out
    # a partial PDF passed off as the full one: its keyword removed, the hash says otherwise
    data = part.read_bytes()
    key = re.search(rb"dtpl-sections:[a-z_,]*", data).group(0)
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(data.replace(key, b"x" * len(key)))
    assert main(["verify", str(forged), str(project)]) == 1
    assert "pilihan bagian" in capsys.readouterr().out
    assert main(["export", str(project), "--pdf", str(tmp_path / "x.pdf"), "--sections", "cover,foo"]) == 2
    err = capsys.readouterr().err
    assert "'foo' tidak dikenal" in err and "lampiran" in err
    assert not (tmp_path / "x.pdf").exists()


def test_the_quick_spec_check_agrees_with_the_printed_list():
    """``uses_any_spec`` (asked when the dialog opens) says what ``specs_in_rab_order`` (what
    the section prints) says: the demo, the sample, every item renamed to match no keyword,
    and one item linked to a clause by hand."""
    from dtpl_studio.costing.specs import specs_in_rab_order, uses_any_spec
    from dtpl_studio.reporting.spec_templates import load_spec_templates
    from dtpl_studio.services.demo import build_demo_program
    from dtpl_studio.services.prices import load_default_book

    templates = load_spec_templates()
    programs = [build_demo_program(load_default_book()), make_program()]
    plain = make_program()
    for pkg in plain.packages:
        for item in pkg.items():
            item.description, item.analysis_code = "zzz", None
            item.custom_rate, item.custom_reason = item.custom_rate or Decimal(1), item.custom_reason or "uji"
    programs.append(plain)
    linked = make_program()
    for pkg in linked.packages:
        for item in pkg.items():
            item.description, item.analysis_code = "zzz", None
            item.custom_rate, item.custom_reason = item.custom_rate or Decimal(1), item.custom_reason or "uji"
    last = list(linked.packages[-1].items())[-1]
    linked.spec_links[last.id] = (next(iter(templates)),)
    programs.append(linked)
    answers = []
    for program in programs:
        priced = price_program(program)
        full = bool(specs_in_rab_order(program, priced.packages, templates))
        assert uses_any_spec(program, priced.packages, templates) == full
        assert ("spesifikasi" in empty_reasons(priced)) == (not full)
        answers.append(full)
    assert answers == [True, True, False, True]
