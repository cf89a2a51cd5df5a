"""The BLM chapter prints long texts whole (issue 6 point 8, issue 9 point 7): a package's
KSM and location, a finding's location and its contributors, a termin milestone and a rule's
source and note may be many lines long; their table rows continue on the next page instead
of being cut to a first line."""

from __future__ import annotations

from decimal import Decimal as D

from dtpl_studio.costing.funding import Component, FundingRule, Termin
from dtpl_studio.costing.rab import price_program
from dtpl_studio.reporting import build_dtpl_pdf

from .conftest import make_program
from .test_paged_and_verify import pages_text


def _long(tag: str, lines: int = 30) -> str:
    return "\n".join(f"{tag}-{i:02d} " + "teks panjang RT 03 RW 05 " * 3 for i in range(1, lines + 1))


def _blm_pages(texts: list[str]) -> str:
    start = max(n for n, t in enumerate(texts) if "Pagu BLM" in t and "Kesimpulan pemeriksaan" in t)
    return "\n".join(texts[start:])


def test_long_blm_rows_print_whole_and_split_across_pages(tmp_path):
    program = make_program()
    fisik = program.packages[1]
    fisik.ksm = _long("KSM")
    fisik.location = _long("LOKASI")
    item = fisik.sections[1].children[0].children[1]  # the largest BLM item of the package
    item.description = _long("URAIAN", 12)
    program.termins = [Termin(D(100), _long("TONGGAK"))]
    # a physical ceiling the package exceeds: the finding lists the item as a contributor
    program.rules = [FundingRule("PLP-BK", Component.FISIK, D(1_000_000), _long("SUMBER", 10),
                                 _long("CATATAN", 10))]
    priced = price_program(program)
    finding = next(f for f in priced.verdict.findings if f.code == "blm-ceiling")
    assert any(c.item_id == item.id for c in finding.contributors)
    out = build_dtpl_pdf(priced, tmp_path / "blm.pdf")
    texts = pages_text(out)
    blm = _blm_pages(texts)
    for tag, n in (("KSM", 30), ("LOKASI", 30), ("TONGGAK", 30), ("SUMBER", 10), ("CATATAN", 10),
                   ("URAIAN", 12)):
        for i in range(1, n + 1):
            assert f"{tag}-{i:02d}" in blm, (tag, i)
    assert "…" not in blm  # nothing cut
    pages_with_ksm = [n for n, t in enumerate(texts) if "KSM-15" in t]
    assert pages_with_ksm  # and the chapter spans several pages
    assert len([t for t in texts if "Temuan pemeriksaan" in t or "KSM-" in t]) >= 2


def test_finding_location_prints_whole(tmp_path):
    program = make_program()
    item = program.packages[0].sections[0].children[0]
    item.custom_reason = "tanpa keterangan"  # a custom rate without a source: a warning located at the item
    item.description = _long("LOKASI-ITEM", 8)
    priced = price_program(program)
    assert any(f.code == "custom-rate-source" for f in priced.verdict.findings)
    blm = _blm_pages(pages_text(build_dtpl_pdf(priced, tmp_path / "loc.pdf")))
    for i in range(1, 9):
        assert f"LOKASI-ITEM-{i:02d}" in blm
