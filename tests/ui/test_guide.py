"""Bantuan › Panduan pengguna (issue 7 point 5): without a built HTML guide, the shipped
Markdown (dtpl_studio._data.docs) opens in a window of the app."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from dtpl_studio.ui import guide


def test_the_markdown_guide_ships_as_a_package_resource():
    index = guide.guide_markdown()
    assert index is not None and index.name == "index.md"
    chapters = {p.name for p in index.parent.glob("*.md")}
    assert {"proyek-pertama.md", "backup-volume.md", "cetak-dtpl.md", "impor-harga.md"} <= chapters


def test_without_html_the_guide_opens_in_the_window_and_links_work(qtbot, monkeypatch, shown):
    monkeypatch.setattr(guide, "guide_index", lambda: None)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    assert guide.open_guide(parent)
    window = parent._guide_window
    assert window.isVisible() and not shown.infos
    text = window.browser.toPlainText()
    assert "Panduan DTPL Studio" in text and "Proyek pertama" in text
    window.browser.setSource(QUrl("proyek-pertama.md"))  # as a clicked link: the type from the suffix
    assert window.browser.toPlainText().startswith("Proyek pertama sampai PDF")
    assert "#" not in window.browser.toPlainText().splitlines()[0]  # read as Markdown, not text
    window.close()


def test_wide_screenshots_are_scaled_to_the_window(qtbot, tmp_path):
    wide = QImage(1440, 900, QImage.Format.Format_RGB32)
    wide.fill(0xFFFFFF)
    path = tmp_path / "wide.png"
    wide.save(str(path))
    browser = guide.GuideBrowser()
    qtbot.addWidget(browser)
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl.fromLocalFile(str(path)))
    assert image.width() == guide.MAX_IMAGE_WIDTH


def test_without_any_guide_the_user_is_told(qtbot, monkeypatch, shown):
    monkeypatch.setattr(guide, "guide_index", lambda: None)
    monkeypatch.setattr(guide, "guide_markdown", lambda: None)
    assert not guide.open_guide(None)
    assert shown.infos and "make docs" in shown.infos[0][1]
