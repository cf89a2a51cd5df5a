"""Issue 5 (fix5 point 3): no English text of ours reaches a user.

The class: the texts of the exceptions the core raises while reading numbers and units
(:class:`~dtpl_studio.costing.numbers.NumberParseError`, the unit errors of
:mod:`dtpl_studio.costing.units`), which become finding details and dialog texts; the
unexpected-failure path of the CLI (a traceback only in the log file, or on stderr with
``--debug`` / ``DTPL_STUDIO_DEBUG``); a reader that closes the CLI's output early.
"""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.numbers import NumberConvention, NumberParseError, parse_number
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    Program,
    Section,
    price_program,
)
from dtpl_studio.costing.units import (
    CANONICAL,
    UnitMismatchError,
    UnknownUnitError,
    conversion_factor,
    read_unit,
)

ENGLISH = re.compile(r"\b(unknown|unit|not a number|cannot|converted|digits|decimal mark|group "
                     r"separator|wrong place|convention|is not|under the)\b", re.IGNORECASE)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=12), convention=st.sampled_from(list(NumberConvention)))
def test_number_parse_errors_are_indonesian(text, convention):
    try:
        parse_number(text, convention)
    except NumberParseError as exc:
        assert not ENGLISH.search(_words(str(exc))), str(exc)


def _words(message: str) -> str:
    """The message without the quoted input it repeats (``'UNIT'`` is the user's text)."""
    return re.sub(r"'[^']*'|\"[^\"]*\"", "", message)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=8))
def test_unit_errors_are_indonesian(text):
    try:
        read_unit(text, like="m")
    except (UnknownUnitError, UnitMismatchError) as exc:
        assert not ENGLISH.search(_words(str(exc))), str(exc)


@pytest.mark.parametrize("a, b", [("m", "kg"), ("m2", "m3"), ("bh", "m")])
def test_conversion_errors_are_indonesian(a, b):
    with pytest.raises(UnitMismatchError) as info:
        conversion_factor(a, b)
    assert not ENGLISH.search(str(info.value)), str(info.value)


@pytest.mark.parametrize("unit", ["Ml", "qwerty", "furlong"])
def test_a_stored_factor_unit_not_known_is_an_indonesian_finding(unit):
    """The finding for a stored factor unit not in the registry (``volume: unknown unit 'Ml'``
    before)."""
    from tests.costing.test_pricebook import make_book

    assert unit not in CANONICAL
    item = Item("Galian", "m3", custom_rate=Decimal(1000), custom_reason="x", measurements=[
        Measurement("x", [Factor("p", Decimal(2), unit)])])
    priced = price_program(Program("K", packages=[Package("P", "fisik", make_book(), [Section("I", [item])])]))
    messages = [f.message for pp in priced.packages for f in pp.findings if f.code == "measurement-unit"]
    assert messages == [f"volume: satuan {unit!r} tidak dikenal"]


def test_funding_dialog_says_why_in_indonesian(qtbot):
    from PySide6.QtWidgets import QTableWidgetItem

    from dtpl_studio.costing.funding import FundingShare, FundingSource
    from dtpl_studio.ui.widgets.funding_dialog import FundingDialog

    dialog = FundingDialog(Item("Galian", "m3", custom_rate=Decimal(1000), volume=Decimal(1)), FundingSource.BLM)
    qtbot.addWidget(dialog)
    dialog.add_share(FundingShare(FundingSource.SWADAYA))
    for text in ("abc", "12.5", "1,2,3"):
        dialog.table.setItem(0, 1, QTableWidgetItem(text))
        with pytest.raises(ValueError) as info:
            dialog.values()
        shown = str(info.value)
        assert shown.startswith(f"Baris 1: '{text}'") and not ENGLISH.search(shown), shown


def _run(args):
    return subprocess.run([sys.executable, "-m", "dtpl_studio", *args], capture_output=True, text=True,
                          timeout=120)


def test_an_unexpected_failure_prints_the_message_and_logs_the_traceback(tmp_path, monkeypatch):
    """A failure no code knows: stderr has the Indonesian message and no traceback; the log
    file has the traceback; with ``--debug`` stderr has it too."""
    from dtpl_studio import cli
    from dtpl_studio.services import logs

    def boom(*_a, **_k):
        raise RuntimeError("boom inside")

    monkeypatch.setattr("dtpl_studio.services.project.open_project", boom)
    import io
    from contextlib import redirect_stderr

    err = io.StringIO()
    with redirect_stderr(err):
        code = cli.main(["check", str(tmp_path / "x.dtpl")])
    assert code == 2
    text = err.getvalue()
    assert "Traceback" not in text and "tidak terduga" in text, text
    log = logs.log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "boom inside" in log
    err = io.StringIO()
    with redirect_stderr(err):
        code = cli.main(["--debug", "check", str(tmp_path / "x.dtpl")])
    assert code == 2 and "Traceback" in err.getvalue()
    logs.configure_logging(False)


@pytest.mark.parametrize("args", [["check", "--json"], ["check"]])
def test_a_closed_stdout_ends_quietly(tmp_path, args):
    """``check --json | head``: the reader is gone before the output is written; no
    "Berkas tidak dapat diakses (Broken pipe)", no traceback, the SIGPIPE exit code."""
    import os

    demo = tmp_path / "demo.dtpl"
    assert _run(["demo", str(demo)]).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has already gone: every write fails with EPIPE
    try:
        result = subprocess.run([sys.executable, "-m", "dtpl_studio", args[0], str(demo), *args[1:]],
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141
