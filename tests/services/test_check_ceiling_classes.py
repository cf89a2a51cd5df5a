"""Issue 6 review, defects 1 and 4: every BLM rule at the boundary and every unreadable rule,
through every output (``check`` text and ``--json``, ``export``, ``verify``).

Class 1 — a rule exactly at its limit: a component equal to its ceiling left Rp 0 of room,
and ``g.remaining or 0`` turned the Decimal 0 into an int 0 that the formatters could not
print (``check``, ``export`` and ``verify`` died with AttributeError … is_finite). Walked:
each ceiling (perencanaan, fisik, total), the kelurahan's allocation and the minimum
swadaya share, with the rounded figure one rupiah below, exactly at and one rupiah above
the limit. Exit codes: 0 passed, 1 a rule fails (issue 6 point 8).

Class 2 — a rule that cannot be read: a stored ceiling, allocation or minimum of -1, -5,
1E+30, 700000000.5 or text is "could not check" (BELUM SAH, exit 2) with a finding, never
"fails a rule" (TIDAK LULUS, exit 1) and never a crash.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal as D
from pathlib import Path

import pytest

from dtpl_studio.cli import main
from dtpl_studio.costing.funding import (
    PLPBK_SOURCE,
    Component,
    FundingRule,
    FundingSource,
    SwadayaRule,
    Termin,
)
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.rab import Item, Package, PackageSettings, Program, Section
from dtpl_studio.services.demo import build_demo_program
from dtpl_studio.services.prices import load_default_book
from dtpl_studio.services.project import save_project
from tests.costing.test_pricebook import make_book

JUTA = D(1_000_000)
PLAN = D(120) * JUTA  # BLM perencanaan of the sample
FISIK = D(380) * JUTA  # BLM fisik of the sample (plus the swadaya item)
SWADAYA = D(500) * JUTA  # the total cost is Rp 1 miliar: a minimum share is exact


def _lump(description: str, amount: D, funding: FundingSource = FundingSource.BLM) -> Item:
    return Item(description, "ls", custom_rate=amount, custom_reason="survei harga pasar",
                volume=D(1), funding=funding)


def _package(name: str, component: Component, *items: Item) -> Package:
    # pembulatan to the rupiah: the rounded figure is the amount, so ±1 is exact
    return Package(name, component, make_book().subset(set()), [Section("I", list(items))],
                   settings=PackageSettings(total_rounding=RoundingRule(D(1), RoundingMode.DOWN)))


def _sample(rule: str, delta: int) -> Program:
    """The sample programme with ``rule``'s limit set to its amount + ``delta`` (rupiah):
    delta 1 = one rupiah of room, 0 = exactly at, -1 = one rupiah over."""
    ceilings = {Component.PERENCANAAN: D(300) * JUTA, Component.FISIK: D(700) * JUTA,
                Component.TOTAL: D(1000) * JUTA}
    allocation = D(1000) * JUTA
    swadaya = None
    if rule == "perencanaan":
        ceilings[Component.PERENCANAAN] = PLAN + delta
    elif rule == "fisik":
        ceilings[Component.FISIK] = FISIK + delta
    elif rule == "total":
        ceilings[Component.TOTAL] = PLAN + FISIK + delta
    elif rule == "allocation":
        allocation = PLAN + FISIK + delta
    elif rule == "swadaya":
        # minimum share = what the swadaya is, with delta rupiah of slack (delta -1: one short)
        cost = PLAN + FISIK + SWADAYA
        swadaya = SwadayaRule((SWADAYA - delta) / cost, "AD/ART BKM (contoh)")
    rules = [FundingRule("PLP-BK", c, v, PLPBK_SOURCE) for c, v in ceilings.items()]
    return Program(
        "Sukamaju", kota="Kota Contoh", fiscal_year=2026, blm_allocation=allocation, rules=rules,
        swadaya_rule=swadaya, termins=[Termin(D(100), "Progres fisik 100%")],
        packages=[_package("Perencanaan", Component.PERENCANAAN, _lump("Tenaga ahli", PLAN)),
                  _package("Fisik", Component.FISIK, _lump("Jalan", FISIK),
                           _lump("Gotong royong", SWADAYA, FundingSource.SWADAYA))])


def _run_all(project: Path, tmp_path: Path, capsys) -> dict:
    """check (text, JSON), export and verify on ``project``: exit codes and outputs."""
    out: dict = {}
    out["text"] = main(["check", str(project)])
    out["text_out"] = capsys.readouterr().out
    out["json"] = main(["check", str(project), "--json"])
    out["json_out"] = json.loads(capsys.readouterr().out)
    pdf = tmp_path / f"{project.stem}.pdf"
    out["export"] = main(["export", str(project), "--pdf", str(pdf)])
    out["verify"] = main(["verify", str(pdf), str(project)])
    out["rest"] = capsys.readouterr()
    return out


@pytest.mark.parametrize("rule", ["perencanaan", "fisik", "total", "allocation", "swadaya"])
@pytest.mark.parametrize("delta,exit_code", [(1, 0), (0, 0), (-1, 1)],
                         ids=["below", "exactly-at", "above"])
def test_every_rule_below_at_and_above_through_check_export_and_verify(
        rule: str, delta: int, exit_code: int, tmp_path: Path, capsys) -> None:
    project = tmp_path / f"{rule}.dtpl"
    save_project(_sample(rule, delta), project)
    got = _run_all(project, tmp_path, capsys)
    assert (got["text"], got["json"]) == (exit_code, exit_code), got["rest"]
    assert got["export"] == 0 and got["verify"] == 0, got["rest"]
    assert "Traceback" not in got["rest"].err and "galat tak terduga" not in got["rest"].err.lower()
    verdict = got["json_out"]["verdict"]
    assert verdict["exit_code"] == exit_code
    assert verdict["label"] == ("TIDAK LULUS" if exit_code else verdict["label"])
    if rule != "swadaya":
        key = "total" if rule == "allocation" else rule
        check = next(c for c in got["json_out"]["checks"] if c["key"] == key)
        assert check["state"] == ("over" if exit_code else "pass")
        assert D(check["limit"]) - D(check["amount"]["rounded"]) == delta
        # the text line says the same room (Rp 0 exactly at the ceiling)
        line = next(x for x in got["text_out"].splitlines() if x.strip().startswith(check["label"]))
        assert ("MELEBIHI PAGU" in line) == bool(exit_code)
        if delta == 0:
            assert "sisa              Rp 0" in line
    else:
        check = next(c for c in got["json_out"]["checks"] if c["key"] == "swadaya")
        assert check["state"] == ("under" if exit_code else "pass")


# -- class 2: a stored rule that cannot be read ---------------------------------------------

BAD_STORED = {
    "ceiling -1": "UPDATE funding_rule SET ceiling = '-1' WHERE component = 'fisik'",
    "ceiling -5": "UPDATE funding_rule SET ceiling = '-5' WHERE component = 'perencanaan'",
    "ceiling x": "UPDATE funding_rule SET ceiling = 'x' WHERE component = 'fisik'",
    "ceiling 1E+30": "UPDATE funding_rule SET ceiling = '1E+30' WHERE component = 'total'",
    "ceiling half rupiah": "UPDATE funding_rule SET ceiling = '700000000.5' WHERE component = 'fisik'",
    "ceiling NaN": "UPDATE funding_rule SET ceiling = 'NaN' WHERE component = 'fisik'",
    "allocation -5": "UPDATE program SET blm_allocation = '-5'",
    "allocation x": "UPDATE program SET blm_allocation = 'x'",
    "swadaya min x": "UPDATE program SET swadaya_min_share = 'x'",
    "swadaya min 200": "UPDATE program SET swadaya_min_share = '200'",
    "swadaya min -1": "UPDATE program SET swadaya_min_share = '-1'",
}


@pytest.fixture(scope="module")
def demo_project(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bad-rules") / "demo.dtpl"
    program = build_demo_program(load_default_book())
    for package in program.packages:  # pass on the shipped draft book (docs/cek-blm.md)
        package.price_basis_note = "buku contoh untuk uji"
    program.swadaya_rule = SwadayaRule(D("0.01"), "contoh")
    save_project(program, path)
    assert main(["check", str(path)]) == 0
    return path


@pytest.mark.parametrize("case", sorted(BAD_STORED))
def test_a_stored_rule_that_cannot_be_read_is_could_not_check_never_fails(
        case: str, demo_project: Path, tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    project = tmp_path / "rusak.dtpl"
    project.write_bytes(demo_project.read_bytes())
    with sqlite3.connect(project) as con:
        con.execute(BAD_STORED[case])
    got = _run_all(project, tmp_path, capsys)
    assert (got["text"], got["json"]) == (2, 2), got["text_out"][-600:]
    assert got["export"] == 0 and got["verify"] == 0, got["rest"]
    data = got["json_out"]
    assert data["verdict"]["kind"] == "not-valid" and data["verdict"]["label"] == "BELUM SAH"
    codes = {f["code"] for f in data["findings"] if f["severity"] == "error"}
    assert codes & {"blm-rule-invalid", "swadaya-rule-invalid"}, codes
    assert "blm-ceiling" not in codes and "swadaya-min" not in codes
    assert "stored-value" in codes  # the loader names the table, the row and the column
    # the rule that could not be read has a BELUM SAH gauge, never a pass/over/under one
    bad = [c for c in data["checks"] if c["problem"]]
    assert bad and all(c["state"] == "incomplete" for c in bad)
    assert "aturan pagu/swadaya tidak dapat dibaca" in data["verdict"]["explanation"]
    assert "TIDAK LULUS" not in got["text_out"]
