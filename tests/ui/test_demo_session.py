"""The issue's GUI scenario on the real shipped demo: first run opens the demo, a volume edit
moves the totals and the BLM panel at once, undo restores them exactly."""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.formatting import format_rupiah
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import price_program
from dtpl_studio.ui.app import create_main_window
from dtpl_studio.ui.models.measurement_model import MCol


def test_first_run_opens_the_demo_and_a_volume_edit_is_undone_exactly(qtbot):
    window = create_main_window()  # DTPL_STUDIO_HOME is a fresh folder: first run
    qtbot.addWidget(window)
    assert window.doc is not None and window.doc.path.name == "demo-plpbk.dtpl"
    fisik_index = next(i for i, p in enumerate(window.doc.program.packages) if p.component is Component.FISIK)
    window.packages.setCurrentRow(fisik_index)
    package = window.doc.program.packages[fisik_index]
    assert window.rab_editor.package is package
    before = price_program(window.doc.program)
    fisik_before = before.packages[fisik_index]
    blm_card = window.blm.cards[[c.component for c in before.checks].index(Component.FISIK)]
    blm_text_before = blm_card.grab().toImage()

    # the back-up volume line "Urugan kembali sisi luar saluran" 150 × 0,15 × 0,55 m:
    # widen it to 0,25 m in the measurement panel
    item = next(i for i in package.items() if i.description.startswith("Urugan kembali"))
    assert window.rab_editor.select_id(item.id)
    lines = window.measurements.model
    assert lines.setData(lines.index(0, MCol.L), "0,25 m")
    after = window.doc.priced.packages[fisik_index]
    printed = next(i for i in after.items() if i.item is item)
    assert printed.volume == Decimal("20.63")  # 150 × 0,25 × 0,55 = 20,625
    assert after.direct == fisik_before.direct - next(
        i.amount for i in fisik_before.items() if i.item is item) + printed.amount
    assert window.rab_editor.summary.values["direct"].text() == "Rp " + format_rupiah(after.direct)
    fisik_check = next(c for c in window.doc.priced.checks if c.component is Component.FISIK)
    assert fisik_check.amount != next(c for c in before.checks if c.component is Component.FISIK).amount
    assert blm_card.grab().toImage() != blm_text_before  # the panel changed at once

    # a plain volume (no back-up lines): the swadaya signboard, 1 → 2 bh
    sign = next(i for i in package.items() if i.description.startswith("Papan nama"))
    rab = window.rab_editor.model
    from dtpl_studio.ui.models.rab_model import Col

    assert rab.setData(rab.index_for_id(sign.id, Col.VOLUME), "2")
    assert window.doc.priced.packages[fisik_index].direct == after.direct + 450_000
    window.undo()
    assert window.doc.priced.packages[fisik_index].direct == after.direct

    window.undo()
    restored = window.doc.priced.packages[fisik_index]
    assert (restored.direct, restored.rounded) == (fisik_before.direct, fisik_before.rounded)
    assert [c.amount for c in window.doc.priced.checks] == [c.amount for c in before.checks]
    assert window.rab_editor.summary.values["direct"].text() == "Rp " + format_rupiah(fisik_before.direct)
    assert window.doc.undo_stack.isClean()
