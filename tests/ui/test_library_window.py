"""Berkas › Pustaka harga… (issue 8 point 4): the library window browses editions, edits a
draft's resources and analysis lines through the library with optimistic locking (one undo
step each, undo writes the old value back), refuses an edit made behind its back with the
Indonesian message, keeps published editions read-only, derives and publishes, and shows the
difference of two editions (real HSPK regions, public data)."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from dtpl_studio.costing.edition_diff import ADDED, CHANGED, REMOVED
from dtpl_studio.services import library_edit
from dtpl_studio.services.prices import import_prices, load_default_book, store_in_library
from dtpl_studio.storage.library import PriceLibrary
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.library_window import STATUS_COLOURS, LibraryWindow

SHOTS = Path(os.environ.get("DTPL_SCREENSHOTS", "/work/notes/shots"))


def _shot(widget, name: str, tmp_path: Path) -> None:
    folder = SHOTS if SHOTS.parent.is_dir() else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(folder / name))


@pytest.fixture
def library(tmp_path) -> str:
    """A library with the shipped edition as a draft (#1) and published (#2)."""
    url = str(tmp_path / "library.sqlite")
    book = load_default_book()
    store_in_library(book, url)
    published = book.subset(set(list(book.analyses)[:40]))
    published.meta.region = "Kota Contoh"
    store_in_library(published, url, publish=True)
    return url


def _open(qtbot, url: str) -> LibraryWindow:
    win = LibraryWindow(url)
    qtbot.addWidget(win)
    win.show()
    _settle(qtbot, win)
    return win


def _settle(qtbot, win: LibraryWindow) -> None:
    qtbot.waitUntil(lambda: not win.busy and win.view is not None, timeout=20000)
    qtbot.wait(1)


def _idle(qtbot, win: LibraryWindow) -> None:
    """Wait for the window's worker tasks (loads, writes) to end."""
    qtbot.waitUntil(lambda: not win.busy and not win.writing, timeout=20000)


def _edit(qtbot, win: LibraryWindow, started: bool) -> bool:
    assert started
    _idle(qtbot, win)
    return True


def _show(qtbot, win: LibraryWindow, edition_id: int) -> None:
    win.select_edition(edition_id, force=True)
    qtbot.waitUntil(lambda: not win.busy and win.view is not None and win.view.info.id == edition_id,
                    timeout=20000)


def _stored_price(url: str, edition: int, key: str) -> Decimal:
    with PriceLibrary(url) as lib:
        return lib.load_edition(edition).resources[key].price


def test_browse_lists_editions_and_shows_an_edition(qtbot, library, tmp_path):
    win = _open(qtbot, library)
    assert win.location_label.text() == tr("library.location", where=library)
    assert sorted(win.editions_model.keys) == [1, 2]
    rows = {r[0]: r for r in win.editions_model.rows}
    assert rows[1][5] == tr("library.status.draft") and rows[2][5] == tr("library.status.published")
    assert rows[1][7] == 1182 and rows[1][8] == 670  # counts of the shipped edition
    _show(qtbot, win, 1)
    book = win.view.book
    assert win.resources_model.rowCount() == len(book.resources) == 1182
    assert win.analyses_model.rowCount() == 670
    code = next(iter(book.analyses))
    row = win.analyses_model.keys.index(code)
    assert win.analyses_model.rows[row][3] == book.unit_rate(code)  # F as the book computes it
    win.show_analysis(code)
    assert win.lines_model.rowCount() == len(book.analyses[code].lines)
    # the search field filters the resources
    win.resources_search.setText("semen portland")
    assert 0 < win.resources_proxy.rowCount() < 20
    assert all("semen portland" in win.resources_model.text(win.resources_proxy.mapToSource(
        win.resources_proxy.index(r, 0)).row(), 1).casefold() for r in range(win.resources_proxy.rowCount()))
    win.resources_search.clear()
    assert win.editable and win.publish_button.isEnabled()
    assert win.notice.text() == tr("library.notice.draft")
    win.tabs.setCurrentIndex(1)
    _shot(win, "libwin-browse.png", tmp_path)


def test_edit_price_undo_redo_through_the_library(qtbot, library, tmp_path):
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    key = next(k for k, r in win.view.book.resources.items() if r.price > 0)
    old = win.view.book.resources[key].price
    users = win.view.book.users_of_resource(key)
    assert users
    old_rate = win.view.rates[users[0]]
    # through the model, as a double-click edit does
    row = win.resources_model.keys.index(key)
    assert win.resources_model.setData(win.resources_model.index(row, 4), "1.234.567,50")
    assert not win.editable  # while the write runs
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == Decimal("1234567.50")
    assert win.resources_model.text(row, 4) == "1.234.567,50"
    assert win.view.rates[users[0]] != old_rate  # F follows
    entries = library_edit.audit_entries(1, library)
    assert (entries[0].subject, entries[0].old, entries[0].new) == (f"edition 1 resource {key}", str(old),
                                                                      "1234567.50")
    assert win.audit_model.rows[0][4:] == (str(old), "1234567.50")  # the audit tab shows it
    _shot(win, "libwin-edit.png", tmp_path)

    assert win.undo_stack.count() == 1 and win.undo_action.isEnabled()
    win.undo_action.trigger()
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == old  # the library holds the old value again
    assert win.view.book.resources[key].price == old and win.view.rates[users[0]] == old_rate
    assert win.undo_stack.index() == 0 and win.redo_action.isEnabled()
    win.redo()
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == Decimal("1234567.50")
    assert win.view.book.resources[key].price == Decimal("1234567.50")
    win.undo()
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == old
    assert [e.new for e in library_edit.audit_entries(1, library)[:3]] == [str(old), "1234567.50", str(old)]
    # name and unit too; a unit through the one unit reading
    _edit(qtbot, win, win.edit_resource(key, "unit", "M3"))
    with PriceLibrary(library) as lib:
        assert lib.load_edition(1).resources[key].unit == "m3"
        assert lib.info(1).content_hash == win.view.book.content_hash()
    assert not win.edit_resource(key, "unit", "furlong-ish")
    assert "furlong-ish" in win.message.text()
    assert not win.edit_resource(key, "price", "12.5x")
    assert "12.5x" in win.message.text()


def test_edit_coefficient_and_undo(qtbot, library, tmp_path):
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    code = next(c for c, a in win.view.book.analyses.items() if a.lines)
    win.show_analysis(code)
    old = win.view.book.analyses[code].lines[0].coefficient
    old_rate = win.view.rates[code]
    assert win.lines_model.setData(win.lines_model.index(0, 4), "2,5")
    _idle(qtbot, win)
    with PriceLibrary(library) as lib:
        assert lib.load_edition(1).analyses[code].lines[0].coefficient == Decimal("2.5")
    assert win.view.rates[code] != old_rate
    entry = library_edit.audit_entries(1, library)[0]
    assert entry.subject == f"edition 1 analysis {code}"
    assert entry.old == f"line 1 coefficient={old}" and entry.new == "line 1 coefficient=2.5"
    assert win.lines_model.rows[0][4] == Decimal("2.5")
    win.undo()
    _idle(qtbot, win)
    assert win.lines_model.rows[0][4] == old
    with PriceLibrary(library) as lib:
        assert lib.load_edition(1).analyses[code].lines[0].coefficient == old
    assert win.view.rates[code] == old_rate
    win.tabs.setCurrentIndex(2)
    _shot(win, "libwin-audit.png", tmp_path)


def test_conflict_is_refused_with_the_message_and_reloads(qtbot, library):
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    key = next(iter(win.view.book.resources))
    with PriceLibrary(library) as other:  # another editor, behind the window's back
        seen = other.versions(1)
        theirs = other.load_edition(1).resources[key]
        theirs.price = Decimal("777")
        other.update_resource(1, theirs, expected_version=seen.resources[key], who="budi@bengkel")
    _edit(qtbot, win, win.edit_resource(key, "price", "888"))
    assert _stored_price(library, 1, key) == Decimal("777")  # theirs kept
    assert "budi@bengkel" in win.message.text() and key in win.message.text()
    assert "tidak disimpan" in win.message.text()
    assert win.undo_stack.count() == 0
    qtbot.waitUntil(lambda: not win.busy and win.view.book.resources[key].price == Decimal("777"), timeout=20000)
    assert "budi@bengkel" in win.message.text()  # still shown after the reload
    # now the window's edit goes through, and its undo writes 777 back
    _edit(qtbot, win, win.edit_resource(key, "price", "888"))
    assert _stored_price(library, 1, key) == Decimal("888")
    win.undo()
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == Decimal("777")


def test_undo_after_a_change_behind_the_back_is_refused(qtbot, library):
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    key = next(iter(win.view.book.resources))
    _edit(qtbot, win, win.edit_resource(key, "price", "1.000"))
    with PriceLibrary(library) as other:
        theirs = other.load_edition(1).resources[key]
        theirs.price = Decimal("2000")
        other.update_resource(1, theirs, expected_version=other.versions(1).resources[key], who="sri@bengkel")
    win.undo()  # would overwrite sri's 2000 with the old price: refused
    _idle(qtbot, win)
    assert _stored_price(library, 1, key) == Decimal("2000")
    assert "sri@bengkel" in win.message.text()
    assert win.undo_stack.count() == 0  # the refused step is dropped


def test_published_edition_is_read_only_and_derive_publish(qtbot, library):
    win = _open(qtbot, library)
    _show(qtbot, win, 2)
    assert not win.editable and not win.publish_button.isEnabled() and win.derive_button.isEnabled()
    assert win.notice.text() == tr("library.notice.published", hash=win.view.info.content_hash[:12])
    key = next(iter(win.view.book.resources))
    row = win.resources_model.keys.index(key)
    assert not (win.resources_model.flags(win.resources_model.index(row, 4)) & win.resources_model.flags(
        win.resources_model.index(row, 4)).ItemIsEditable)
    assert not win.edit_resource(key, "price", "1")
    assert win.derive()
    qtbot.waitUntil(lambda: not win.busy and win.view is not None and win.view.info.id != 2, timeout=20000)
    new_id = win.view.info.id
    assert not win.view.info.published and win.editable
    assert win.view.info.derived_from_id == 2
    _edit(qtbot, win, win.edit_resource(key, "price", "4.321"))
    asked: list[str] = []
    win.confirm = lambda title, text: asked.append(text) or True
    digest = win.view.book.content_hash()
    assert win.publish()
    assert digest in asked[0]  # the confirmation names the content hash
    qtbot.waitUntil(lambda: not win.busy and win.view.info.id == new_id and win.view.info.published, timeout=20000)
    assert win.view.info.content_hash == digest
    assert not win.editable and win.undo_stack.count() == 0
    actions = [e.action for e in library_edit.audit_entries(new_id, library)]
    assert actions[:3] == ["publish", "update", "add"]
    # declining publishes nothing
    assert win.derive()
    qtbot.waitUntil(lambda: not win.busy and not win.view.info.published, timeout=20000)
    win.confirm = lambda title, text: False
    assert not win.publish() and not win.view.info.published


def test_read_only_library_explains_why(qtbot, library, monkeypatch):
    from dtpl_studio.storage import library as storage_library

    monkeypatch.setattr(storage_library.PriceLibrary, "can_write", lambda self: False)
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    assert not win.editable and not win.publish_button.isEnabled() and not win.derive_button.isEnabled()
    assert win.notice.text() == tr("library.notice.read_only_library")


def test_diff_view_of_two_editions(qtbot, library, tmp_path):
    with PriceLibrary(library) as lib:
        book = lib.load_edition(1)
        key, res = next(iter(book.resources.items()))
        res.price = res.price * 2
        gone = list(book.resources)[-1]
        del book.resources[gone]
        book.touch()
        book.meta.region = "Kota Contoh"
        newer = lib.add_edition(book)
    win = _open(qtbot, library)
    win.compare(1, newer)
    qtbot.waitUntil(lambda: not win.busy and win.diff is not None, timeout=20000)
    assert win.diff_summary.text().startswith("#1 ")
    assert win.diff.summary() in win.diff_summary.text()
    keys = win.diff_resources_model.keys
    assert key in keys and gone in keys
    row = keys.index(key)
    change = win.diff.resources[row]
    assert change.status == CHANGED and win.diff_resources_model.backgrounds[row] == STATUS_COLOURS[CHANGED]
    assert win.diff_resources_model.rows[row][7].startswith("+100")
    assert win.diff.resources[keys.index(gone)].status == REMOVED
    assert win.diff_analyses_model.rowCount() == len(win.diff.analyses) > 0
    _shot(win, "libwin-diff-resources.png", tmp_path)


def test_diff_of_two_real_hspk_regions(qtbot, tmp_path, public_data):
    folder = public_data / "hspk-jateng-2025"
    url = str(tmp_path / "hspk.sqlite")
    ids = []
    for name in ("hspk_2025_Kota_Semarang.json", "hspk_2025_Kab_Klaten.json"):
        book, report = import_prices(folder / name)
        assert report.usable
        ids.append(store_in_library(book, url, publish=True)[0])
    win = _open(qtbot, url)
    win.compare(*ids)
    qtbot.waitUntil(lambda: not win.busy and win.diff is not None, timeout=20000)
    assert "Kota Semarang" in win.diff_summary.text() and "Kab. Klaten" in win.diff_summary.text()
    assert win.diff_analyses_model.rowCount() == len(win.diff.analyses) > 0
    first = win.diff.analyses[0]
    assert win.diff_analyses_model.rows[0][4] == first.old_rate and first.status in (CHANGED, "rate", ADDED)
    win.tabs.setCurrentWidget(win.compare_page)
    _shot(win, "libwin-diff.png", tmp_path)


def test_main_window_menu_opens_the_library_window(window):
    assert window.library_action in window.menuBar().actions()[0].menu().actions()
    lib = window.library_window()
    assert isinstance(lib, LibraryWindow) and lib.isVisible()
    assert window.library_window() is lib  # one at a time
    lib.close()


def test_edit_of_a_draft_published_behind_the_back(qtbot, library):
    win = _open(qtbot, library)
    _show(qtbot, win, 1)
    key = next(iter(win.view.book.resources))
    with PriceLibrary(library) as other:
        other.publish(1, who="budi@bengkel")
    _edit(qtbot, win, win.edit_resource(key, "price", "999"))
    assert "#1" in win.message.text() and "diterbitkan" in win.message.text()
    qtbot.waitUntil(lambda: not win.busy and win.view.info.published, timeout=20000)
    assert not win.editable and win.message.text()
