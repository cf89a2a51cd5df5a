"""The DTPL section layout template (``templates/dtpl-plpbk.json``): shipped file, order,
on/off flags, titles, default signatures and clear errors for a malformed file."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import ReportError, build_dtpl_pdf
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.template import (
    DEFAULT_TEMPLATE,
    PART_IDS,
    SECTION_IDS,
    load_template,
)

from .conftest import make_program


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def _shipped() -> dict:
    return json.loads(DEFAULT_TEMPLATE.read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: object, name: str = "t.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _section(data: dict, sid: str) -> dict:
    return next(s for s in data["sections"] if s["id"] == sid)


def test_shipped_template_is_in_the_top_level_templates_folder():
    root = Path(__file__).resolve().parents[2]
    # editable install: importlib.resources resolves the package data to the root folder
    assert DEFAULT_TEMPLATE.resolve() == (root / "templates" / "dtpl-plpbk.json").resolve()
    assert (root / "templates" / "README.md").is_file()
    t = load_template()
    assert [s.id for s in t.sections] == list(SECTION_IDS)
    assert all(s.enabled for s in t.sections)
    assert [p.id for p in t.enabled_parts()] == list(PART_IDS)
    assert [role for role, _ in t.signatures] == [
        "Dibuat oleh", "Diperiksa oleh", "Disetujui oleh", "Mengetahui"]
    assert t.package_title(2, "Rabat beton") == "Paket 2: Rabat beton"


def test_titles_live_only_in_the_template():
    """No duplication: labels.py carries no section title or default signature."""
    assert not [n for n in vars(L) if n.startswith("SECTION_")]
    assert not hasattr(L, "DEFAULT_SIGNATURES")


def test_disabled_and_reordered_sections_change_the_pdf(tmp_path):
    priced = price_program(make_program())
    default = _text(build_dtpl_pdf(priced, tmp_path / "default.pdf"))
    assert default.index("Analisa Harga Satuan Pekerjaan") < default.index(
        "Pemeriksaan Pagu BLM")
    assert "Back-up Perhitungan Volume" in default

    data = _shipped()
    blm = _section(data, "blm")
    data["sections"].remove(blm)
    data["sections"].insert(data["sections"].index(_section(data, "packages")), blm)
    _section(data, "analysis")["enabled"] = False
    _section(data, "prices")["title"] = "Harga Dasar yang Dipakai"
    parts = _section(data, "packages")["parts"]
    next(p for p in parts if p["id"] == "backup")["enabled"] = False
    parts.reverse()  # backup (off), rincian, rekap
    out = build_dtpl_pdf(priced, tmp_path / "custom.pdf", template=_write(tmp_path, data))
    text = _text(out)

    assert "Analisa Harga Satuan Pekerjaan" not in text  # disabled: not printed, not in TOC
    assert "Back-up Perhitungan Volume" not in text
    assert "Harga Dasar yang Dipakai" in text
    assert "Daftar Harga Satuan Dasar Upah" not in text
    # BLM now comes before the packages, in the TOC and in the body
    toc = _text_page(out, 2)
    assert toc.index("Pemeriksaan Pagu BLM") < toc.index("Paket 1:")
    assert toc.index("Rincian Rencana Anggaran Biaya") < toc.index(
        "Rekapitulasi Rencana Anggaran Biaya")
    body = " ".join(_text_page(out, i) for i in range(3, len(PdfReader(out).pages)))
    assert body.index("Kesimpulan pemeriksaan") < body.index("Paket 1:")
    assert body.index("JUMLAH BIAYA LANGSUNG") < body.index("DIBULATKAN")
    outline = [e["/Title"] for e in PdfReader(out).outline if not isinstance(e, list)]
    assert outline.index("Pemeriksaan Pagu BLM") < outline.index(
        "Paket 1: Perencanaan kawasan prioritas RW 03")
    assert "Analisa Harga Satuan Pekerjaan" not in outline


def _text_page(path: Path, index: int) -> str:
    return re.sub(r"\s+", " ", PdfReader(path).pages[index].extract_text())


def test_without_cover_the_first_page_is_not_blank(tmp_path):
    data = _shipped()
    _section(data, "cover")["enabled"] = False
    out = build_dtpl_pdf(price_program(make_program()), tmp_path / "nocover.pdf",
                         template=_write(tmp_path, data))
    first = _text_page(out, 0)
    assert "LEMBAR PENGESAHAN" in first
    assert "Halaman 1 dari" in first


def test_template_signatures_are_the_default_blocks(tmp_path):
    program = make_program()
    program.signatories = []
    data = _shipped()
    data["signatures"] = [{"role": "Disusun oleh", "position": "Tim Teknis"},
                          {"role": "Mengesahkan"}]
    out = build_dtpl_pdf(price_program(program), tmp_path / "sig.pdf",
                         template=_write(tmp_path, data))
    page = _text_page(out, 1)
    assert "Disusun oleh, Tim Teknis" in page
    assert "Mengesahkan," in page
    assert "Dibuat oleh" not in page


def _broken(mutate) -> dict:
    data = copy.deepcopy(_shipped())
    mutate(data)
    return data


@pytest.mark.parametrize(("data", "key"), [
    ("{ not json", "baris 1"),
    ([], "objek"),
    (_broken(lambda d: d.pop("sections")), "'sections'"),
    (_broken(lambda d: d["sections"][5].update(enabled="ya")), "'sections[5].enabled'"),
    (_broken(lambda d: d["sections"][1].update(enable=False)), "'sections[1].enable'"),
    (_broken(lambda d: d["sections"][0].update(id="sampul")), "'sections[0].id'"),
    (_broken(lambda d: d["sections"][2].update(title="")), "'sections[2].title'"),
    (_broken(lambda d: d["sections"].pop(6)), "'sections'"),
    (_broken(lambda d: d["sections"].append({"id": "toc", "title": "Lagi"})),
     f"'sections[{len(_shipped()['sections'])}].id'"),  # appended after the last
    (_broken(lambda d: d["sections"][6].update(title="Paket {nomor}")),
     "'sections[6].title'"),
    (_broken(lambda d: d["sections"][6]["parts"][1].update(id="x")),
     "'sections[6].parts[1].id'"),
    (_broken(lambda d: d["signatory_roles"][0].update(components=["semua"])),
     "'signatory_roles[0].components'"),
    (_broken(lambda d: d["sheet_signatures"][0].update(roles=["ketua"])),
     "'sheet_signatures[0].roles'"),
    (_broken(lambda d: d["signatures"][2].pop("role")), "'signatures[2].role'"),
    (_broken(lambda d: d.update(format="v2")), "'format'"),
])
def test_malformed_template_gives_a_clear_error(tmp_path, data, key):
    path = _write(tmp_path, data, "rusak.json")
    out = tmp_path / "x.pdf"
    with pytest.raises(ReportError) as info:
        build_dtpl_pdf(price_program(make_program()), out, template=path)
    message = str(info.value)
    assert str(path) in message
    assert key in message
    assert not out.exists()


def test_missing_template_names_the_file(tmp_path):
    path = tmp_path / "tidak-ada.json"
    with pytest.raises(ReportError, match="tidak-ada.json"):
        load_template(path)
