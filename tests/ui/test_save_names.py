"""Every save dialog completes the name with its suffix and asks before replacing a file that
exists under the completed name (newcomer review: typing ``b2`` where ``b2.dtpl`` existed
replaced that project silently — Qt's own question looks at the name as typed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.ui import dialogs

_REAL_SAVE_FILE_NAME = dialogs.save_file_name  # taken before the `shown` fixture replaces it
SUFFIXES = ("dtpl", "pdf", "xlsx", "csv")


class _Dialog:
    """Stands in for the Qt dialog: answers the typed names in turn, records re-selections."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.selected: list[str] = []
        self.default_suffix = ""

    def setDefaultSuffix(self, suffix):  # noqa: N802 - Qt's name
        self.default_suffix = suffix

    def selectFile(self, name):  # noqa: N802 - Qt's name
        self.selected.append(name)


@settings(max_examples=60, deadline=None)
@given(suffix=st.sampled_from(SUFFIXES),
       typed=st.sampled_from(["b2", "b2.v1", "Laporan akhir", "b2.{S}", "b2.{U}"]),
       exists=st.booleans(), replace=st.booleans())
def test_the_completed_name_is_asked_about_before_it_is_replaced(tmp_path_factory, suffix, typed,
                                                                 exists, replace):
    folder = tmp_path_factory.mktemp("save")
    typed = typed.replace("{S}", suffix).replace("{U}", suffix.upper())
    final = dialogs.with_suffix(str(folder / typed), suffix)
    assert final.suffix.lower() == f".{suffix}"
    if exists:
        final.write_bytes(b"old")
    asked: list[Path] = []
    dialog = _Dialog([str(folder / typed)])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dialogs, "file_dialog", lambda *a, **k: dialog)
        mp.setattr(dialogs, "_run_file_dialog", lambda d: d.answers.pop(0) if d.answers else "")
        mp.setattr(dialogs, "ask_overwrite", lambda parent, path: asked.append(path) or replace)
        name = _REAL_SAVE_FILE_NAME(None, "t", str(folder), "*", suffix=suffix)
    assert dialog.default_suffix == suffix
    completed = Path(folder / typed) != final
    if exists and completed:  # the case Qt's own question misses
        assert asked == [final]
        assert name == (str(final) if replace else "")  # declined: asked again, then cancelled
        if not replace:
            assert dialog.selected == [final.name]
    else:
        assert asked == []
        assert name == str(final)
    if exists:
        assert final.read_bytes() == b"old"  # choosing a name never writes


def test_every_save_dialog_of_the_window_passes_its_suffix():
    """The window's save dialogs all go through save_file_name with a suffix (a new one
    without would bring the silent replacement back)."""
    import re

    ui = Path(dialogs.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in [ui / "main_window.py", *sorted(ui.glob("widgets/*.py"))])
    calls = re.findall(r"save_file_name\((.*?)\)\n", source, flags=re.S)
    assert len(calls) >= 6  # the window's and its dialogs' (the PDF export's is in export_dialog.py)
    assert all("suffix=" in call for call in calls), calls
