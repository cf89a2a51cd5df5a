"""Qt's translation pipeline (issue 7 point 5): every window text goes through the .ts/.qm
files; the English catalogue is complete and current; no visible text of the window is left
untranslated; Qt's own buttons and file dialog speak Indonesian."""

from __future__ import annotations

import re
import shutil
import string
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTableView,
    QTreeView,
    QWidget,
)

from dtpl_studio.ui import strings
from dtpl_studio.ui.strings import ID, LANGUAGES, i18n_dir, read_ts, set_language, tr

REPO = Path(__file__).resolve().parents[2]
LUPDATE = REPO / ".venv" / "bin" / "pyside6-lupdate"


HOW = ('add it in dtpl_studio/ui/strings.py as "key": QT_TRANSLATE_NOOP("dtpl", "Teks", "key"), '
       'run `make i18n`, then write the English <translation> in dtpl_studio/i18n/dtpl_studio_en.ts')


def test_every_source_text_is_marked_for_lupdate():
    """pyside6-lupdate sees only marked texts: an entry written as a plain string would never
    reach the translators."""
    import ast

    tree = ast.parse((REPO / "dtpl_studio/ui/strings.py").read_text(encoding="utf-8"))
    entries = next(n.value for n in tree.body if isinstance(n, ast.AnnAssign)
                   and getattr(n.target, "id", "") == "ID")
    for key_node, value in zip(entries.keys, entries.values, strict=True):
        key = key_node.value
        ok = (isinstance(value, ast.Call) and getattr(value.func, "id", "") == "QT_TRANSLATE_NOOP"
              and len(value.args) == 3 and value.args[0].value == "dtpl"
              and value.args[2].value == key)
        assert ok, f"{key}: not marked for translation; {HOW}"


def _declared_keys() -> list[str]:
    """The keys written in strings.py's ID literal (error words merged from error_strings.py
    are not in the .ts pipeline yet: their English is error_strings.EN)."""
    import ast

    tree = ast.parse((REPO / "dtpl_studio/ui/strings.py").read_text(encoding="utf-8"))
    entries = next(n.value for n in tree.body if isinstance(n, ast.AnnAssign)
                   and getattr(n.target, "id", "") == "ID")
    return [k.value for k in entries.keys]


def test_every_source_text_has_a_finished_english_translation():
    english = read_ts(i18n_dir() / "dtpl_studio_en.ts")
    missing = sorted(set(_declared_keys()) - set(english))
    assert not missing, f"no English translation for {missing}: {HOW}"


def test_the_ts_files_are_current_with_the_source(tmp_path):
    """What pyside6-lupdate extracts from strings.py today is what the .ts files hold: a new or
    changed Indonesian text without `make i18n` fails here."""
    lupdate = LUPDATE if LUPDATE.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    for code in LANGUAGES:
        ts = i18n_dir() / f"dtpl_studio_{code}.ts"
        copy = tmp_path / ts.name
        shutil.copy(ts, copy)
        subprocess.run([str(lupdate), "-silent", "-locations", "none", "-no-obsolete",
                        "-source-language", "id_ID", str(REPO / "dtpl_studio/ui/strings.py"),
                        "-ts", str(copy)], check=True)
        assert copy.read_text(encoding="utf-8") == ts.read_text(encoding="utf-8"), (
            f"{ts.name} is out of date: run make i18n")


def test_compiled_translations_are_there_and_load():
    for name in ("dtpl_studio_en.qm", "qtbase_id.qm"):
        assert (i18n_dir() / name).is_file(), f"{name} missing: run make i18n"
    set_language("en")
    assert tr("menu.file") == "&File"
    assert tr("dlg.unsaved.text", name="x.dtpl") == "The project x.dtpl has been modified. Save the changes?"
    set_language("id")
    assert tr("menu.file") == "&Berkas"


def test_format_fields_match_in_every_language():
    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for code, catalogue in strings.CATALOGUES.items():
        for key, text in catalogue.items():
            assert fields(text) == fields(ID[key]), (code, key)


def _pattern(text: str) -> re.Pattern:
    """The template as a regex; fields match anything, mnemonics (&) are ignored."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(text):
        parts.append(re.escape(literal.replace("&", "")))
        if field is not None:
            parts.append(r".*?")
    return re.compile("".join(parts), re.S)


#: texts that are data, the same in every language: money, a tax code with its rate
DATA = re.compile(r"Rp -?[\d.,]+|[A-Z]{2,5} [\d.,]+ ?%")


def _has_words(template: str) -> bool:
    literal = "".join(lit for lit, _, _, _ in string.Formatter().parse(template))
    return re.search(r"[A-Za-z]{2}", literal) is not None


def _visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for the window's chrome: actions, menus, docks, labels, buttons, group
    boxes, column headers; data cells are not chrome."""
    found = []
    for action in root.findChildren(QAction):
        if action.text():
            found.append(("action", action.text()))
    for menu in root.findChildren(QMenu):
        found.append(("menu", menu.title()))
    for dock in root.findChildren(QDockWidget):
        found.append(("dock", dock.windowTitle()))
    for label in root.findChildren(QLabel):
        found.append(("label", label.text()))
    for button in root.findChildren(QAbstractButton):
        found.append(("button", button.text()))
    for box in root.findChildren(QGroupBox):
        found.append(("group", box.title()))
    for view in root.findChildren(QAbstractItemView):
        header = view.header() if isinstance(view, QTreeView) else (
            view.horizontalHeader() if isinstance(view, QTableView) else None)
        model = view.model()
        if model is None or header is None or header.isHidden():
            continue
        for col in range(header.count()):
            header = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                found.append(("header", header))
    return [(w, t) for w, t in found if t and re.search(r"[A-Za-z]{2}", t)]


def _untranslated(texts, language):
    """Texts that are not an instance of the language's catalogue, or that are the Indonesian
    source of an entry whose translation differs."""
    catalogue = strings.CATALOGUES[language]
    # a template without words of its own ("{label} {rate}") would match any text
    patterns = [_pattern(t) for t in catalogue.values() if _has_words(t)]
    indonesian_only = [_pattern(ID[k]) for k, t in catalogue.items() if t != ID[k]]
    bad = []
    for where, shown in texts:
        text = shown.replace("&", "")  # a button may drop the menu's mnemonic
        if DATA.fullmatch(text) or text in LANGUAGES.values():  # each language named in itself
            continue
        head = text.split(": ", 1)[0]  # "Terbilang: <words>" = a catalogue label + data
        if ": " in text and any(p.fullmatch(head) for p in patterns):
            continue
        if not any(p.fullmatch(text) for p in patterns):
            bad.append((where, shown))
        elif language != "id" and any(p.fullmatch(text) for p in indonesian_only) and not any(
                _pattern(t).fullmatch(text) for t in catalogue.values() if "{" not in t):
            bad.append((where, shown))
    return bad


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_no_visible_window_text_is_outside_the_catalogue(qtbot, book, program, tmp_path, language):
    from dtpl_studio.ui.main_window import MainWindow
    from dtpl_studio.ui.welcome import WelcomeDialog

    set_language(language)
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    window.open_program(program, tmp_path / "sukamaju.dtpl")
    window.packages.setCurrentRow(1)
    window.show()
    welcome = WelcomeDialog(window)
    texts = _visible_texts(window) + _visible_texts(welcome)
    assert len(texts) > 30
    bad = _untranslated(texts, language)
    assert not bad, f"visible texts with no {language} translation: {bad}"


def test_the_english_window_shows_no_indonesian_source_text(qtbot, book, program, tmp_path):
    from dtpl_studio.ui.main_window import MainWindow

    set_language("en")
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    window.open_program(program, tmp_path / "sukamaju.dtpl")
    texts = {t for _, t in _visible_texts(window)}
    differing = {ID[k] for k, t in strings.CATALOGUES["en"].items() if t != ID[k] and "{" not in ID[k]}
    assert not texts & differing


def test_qt_standard_buttons_and_file_dialog_are_indonesian(qtbot):
    set_language("id")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    texts = [b.text() for b in buttons.buttons()]
    assert set(texts) == {"Simpan", "Buang", "Batal"}, texts
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "") for b in box.buttons()} == {"Ya", "Tidak"}
    dialog = QFileDialog(None, "Buka proyek")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    assert "&Cari di:" in labels and "&Nama berkas:" in labels, labels
    assert QCoreApplication.translate("QFileDialog", "Save As") == "Simpan sebagai"
    set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "Discard") == "Discard"


def test_the_language_menu_switches_the_window_at_once_keeping_the_document(qtbot, book, program,
                                                                              tmp_path):
    """Issue 7 point 4: switchable in the window. The window is rebuilt in the new language
    around the same document: lock, unsaved edits and undo history kept, nothing asked."""
    from dtpl_studio.services.project import save_project
    from dtpl_studio.ui import language, settings
    from dtpl_studio.ui.main_window import MainWindow
    from dtpl_studio.ui.models.rab_model import Col

    set_language("id")
    path = tmp_path / "sukamaju.dtpl"
    save_project(program, path)
    window = MainWindow(library_book=lambda: book)
    qtbot.addWidget(window)
    assert window.open_path(path)
    window.packages.setCurrentRow(1)
    window.show()
    item = window.doc.program.packages[1].sections[1].children[1]
    model = window.rab_editor.model
    assert model.setData(model.index_for_id(item.id, Col.VOLUME), "12,5")
    doc, undo_count = window.doc, window.doc.undo_stack.count()
    actions = {a.data(): a for a in window.language_menu.actions()}
    assert set(actions) == set(LANGUAGES) and actions["id"].isChecked()

    assert window.rab_editor.select_id(item.id)
    window.catalogue.search.setText("beton")
    actions["en"].trigger()
    new = language._windows[-1]
    qtbot.addWidget(new)
    assert new is not window and new.isVisible() and not window.isVisible()
    assert settings.read("language") == "en" and strings.language() == "en"
    assert new.doc is doc and doc.undo_stack.count() == undo_count and not doc.undo_stack.isClean()
    assert doc.session.holds_lock and (tmp_path / "sukamaju.dtpl.lock").exists()
    menus = [a.text().replace("&", "") for a in new.menuBar().actions()]
    assert menus[0] == tr("menu.file").replace("&", "") and menus[0] != ID["menu.file"].replace("&", "")
    assert new.windowTitle().startswith("sukamaju.dtpl")
    assert {a.data(): a for a in new.language_menu.actions()}["en"].isChecked()
    assert new.rab_editor.current_node().id == item.id  # the same item stays selected
    assert new.catalogue.search.text() == "beton"

    new.undo()  # the history survived the switch and still drives the new window's tree
    assert doc.undo_stack.isClean()
    again = language.choose_language(new, "id")
    qtbot.addWidget(again)
    assert strings.language() == "id" and again.doc is doc
    assert language.choose_language(again, "id") is None  # already Indonesian: nothing rebuilt
    again.close()
    assert not (tmp_path / "sukamaju.dtpl.lock").exists()


