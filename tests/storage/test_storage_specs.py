"""The project's specification texts and links survive save and load."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from dtpl_studio.costing import edits
from dtpl_studio.reporting.spec_templates import load_spec_templates
from dtpl_studio.storage.project_file import load_program, save_program
from tests.storage.storage_samples import make_program


def test_spec_texts_and_links_round_trip(tmp_path: Path):
    program = make_program()
    beton = dataclasses.replace(load_spec_templates()["beton"], method="Baris satu.\nBaris dua.\n\nParagraf dua.")
    edits.SetSpecText("beton", beton).apply(program)
    item = next(program.packages[0].items())
    edits.SetSpecLinks(item.id, ("beton", "galian")).apply(program)
    edits.SetSpecLinks(program.packages[0].sections[0].id, ()).apply(program)
    path = tmp_path / "rks.dtpl"
    save_program(program, path)
    loaded = load_program(path)
    assert loaded.spec_texts == program.spec_texts
    assert loaded.spec_links == program.spec_links
