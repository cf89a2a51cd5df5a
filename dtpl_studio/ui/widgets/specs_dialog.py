"""The *Spesifikasi Teknis* window (issue 9 point 2): edit the project's text of a clause
(the shipped template stays the default) and choose the clauses of a RAB item.

Two tabs. *Teks*: the clauses (template order, then the project's own keys), the selected
one's title, keywords and five parts in plain text editors; "Simpan teks" stores the
project's copy, "Kembalikan ke templat" drops it. *Per item*: every RAB item with the
clauses it takes and why (chosen for the item, for its section, or by keyword); a checklist
to choose the item's clauses, or to go back to the automatic match. Every change is one
core edit on the document's undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.specs import PARTS, SpecClause
from dtpl_studio.services.specs import keys_per_item, spec_templates
from dtpl_studio.ui import dialogs
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.strings import tr


class SpecsDialog(QDialog):
    """The Spesifikasi window over ``doc`` (non-modal)."""

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.templates = spec_templates()
        self.setWindowTitle(tr("spec.title"))
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._text_tab(), tr("spec.tab.text"))
        self.tabs.addTab(self._item_tab(), tr("spec.tab.items"))
        close = QPushButton(tr("att.close"))
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        outer.addLayout(row)
        self._stale = False
        doc.repriced.connect(self._on_changed)
        self.resize(1000, 700)
        self.refresh()

    # -- tab 1: texts ----------------------------------------------------------------------------
    def _text_tab(self) -> QWidget:
        tab = QWidget()
        body = QHBoxLayout(tab)
        self.clauses = QListWidget()
        self.clauses.setMinimumWidth(300)
        self.clauses.currentRowChanged.connect(self._show_clause)
        body.addWidget(self.clauses, 1)
        right = QVBoxLayout()
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.keywords_edit = QLineEdit()
        form.addRow(tr("spec.field.title"), self.title_edit)
        form.addRow(tr("spec.field.keywords"), self.keywords_edit)
        right.addLayout(form)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        right.addWidget(self.origin)
        holder = QWidget()
        parts = QVBoxLayout(holder)
        self.part_edits: dict[str, QPlainTextEdit] = {}
        for name, heading in PARTS:
            parts.addWidget(QLabel(f"<b>{heading}</b>"))
            edit = QPlainTextEdit()
            edit.setMinimumHeight(110)
            parts.addWidget(edit)
            self.part_edits[name] = edit
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        right.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(tr("spec.save"))
        self.reset_button = QPushButton(tr("spec.reset"))
        self.save_button.clicked.connect(self.save_text)
        self.reset_button.clicked.connect(self.reset_text)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        body.addLayout(right, 2)
        return tab

    def keys(self) -> list[str]:
        """Template keys in order, then keys only the project has."""
        extra = [k for k in self.doc.program.spec_texts if k not in self.templates]
        return [*self.templates, *extra]

    def clause(self, key: str) -> SpecClause:
        return self.doc.program.spec_texts.get(key) or self.templates[key]

    def current_key(self) -> str | None:
        item = self.clauses.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_clause(self, *_args) -> None:
        key = self.current_key()
        has = key is not None
        self.save_button.setEnabled(has)
        self.reset_button.setEnabled(has and key in self.doc.program.spec_texts)
        if not has:
            return
        clause = self.clause(key)
        self.title_edit.setText(clause.title)
        self.keywords_edit.setText(", ".join(clause.keywords))
        self.keywords_edit.setCursorPosition(0)
        for name, edit in self.part_edits.items():
            edit.setPlainText(getattr(clause, name))
        own = key in self.doc.program.spec_texts
        self.origin.setText(tr("spec.origin.project" if own else "spec.origin.template", key=key))

    def edited_clause(self) -> SpecClause | None:
        """The clause as the editors now show it (None when nothing is selected)."""
        key = self.current_key()
        if key is None:
            return None
        keywords = tuple(k.strip().lower() for k in self.keywords_edit.text().split(",") if k.strip())
        return SpecClause(key=key, title=self.title_edit.text().strip(), keywords=keywords,
                          **{name: edit.toPlainText().strip() for name, edit in self.part_edits.items()})

    def save_text(self) -> bool:
        """Store the edited text as the project's copy (one undo step)."""
        clause = self.edited_clause()
        if clause is None or clause == self.clause(clause.key):
            return False
        return self._push(edits.SetSpecText(clause.key, clause), tr("cmd.spec.text", title=clause.title))

    def reset_text(self) -> bool:
        """Drop the project's copy: the template's text applies again (one undo step)."""
        key = self.current_key()
        if key is None or key not in self.doc.program.spec_texts:
            return False
        return self._push(edits.SetSpecText(key, None), tr("cmd.spec.reset", title=self.clause(key).title))

    # -- tab 2: per item ------------------------------------------------------------------------
    def _item_tab(self) -> QWidget:
        tab = QWidget()
        body = QHBoxLayout(tab)
        self.items = QTreeWidget()
        self.items.setColumnCount(4)
        self.items.setHeaderLabels([tr("spec.col.no"), tr("spec.col.item"), tr("spec.col.specs"),
                                    tr("spec.col.why")])
        self.items.setColumnWidth(0, 70)
        self.items.setColumnWidth(1, 300)
        self.items.setColumnWidth(2, 240)
        self.items.currentItemChanged.connect(self._show_item)
        body.addWidget(self.items, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("spec.choose")))
        self.choice = QListWidget()
        right.addWidget(self.choice, 1)
        self.apply_button = QPushButton(tr("spec.apply"))
        self.auto_button = QPushButton(tr("spec.auto"))
        self.apply_button.clicked.connect(self.apply_choice)
        self.auto_button.clicked.connect(self.auto_choice)
        right.addWidget(self.apply_button)
        right.addWidget(self.auto_button)
        body.addLayout(right, 1)
        return tab

    def current_item_id(self) -> str | None:
        node = self.items.currentItem()
        return node.data(0, Qt.ItemDataRole.UserRole) if node else None

    def _show_item(self, *_args) -> None:
        item_id = self.current_item_id()
        self.apply_button.setEnabled(item_id is not None)
        self.auto_button.setEnabled(item_id in self.doc.program.spec_links)
        self.choice.clear()
        if item_id is None:
            return
        keys = self._keys_of.get(item_id, ())
        for key in self.keys():
            row = QListWidgetItem(self.clause(key).title)
            row.setData(Qt.ItemDataRole.UserRole, key)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked)
            self.choice.addItem(row)

    def checked_keys(self) -> tuple[str, ...]:
        return tuple(self.choice.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.choice.count())
                     if self.choice.item(i).checkState() == Qt.CheckState.Checked)

    def apply_choice(self) -> bool:
        """Choose the checked clauses for the selected item (one undo step)."""
        item_id = self.current_item_id()
        if item_id is None:
            return False
        return self._push(edits.SetSpecLinks(item_id, self.checked_keys()),
                          tr("cmd.spec.links", item=self.items.currentItem().text(0)), item_id)

    def auto_choice(self) -> bool:
        """Back to the automatic choice (section's, else keyword match) for the item."""
        item_id = self.current_item_id()
        if item_id is None or item_id not in self.doc.program.spec_links:
            return False
        return self._push(edits.SetSpecLinks(item_id, None),
                          tr("cmd.spec.links", item=self.items.currentItem().text(0)), item_id)

    # -- common ----------------------------------------------------------------------------------
    def _push(self, edit: edits.Edit, text: str, select_item: str | None = None) -> bool:
        reason = push_edit(self.doc, edit, text)
        if reason:
            dialogs.show_error(self, tr("spec.title"), reason)
            return False
        self.refresh(select_item)
        return True

    def _on_changed(self, _structural: bool = False) -> None:
        """The document changed (any edit, undo or redo): rebuild now when shown, else on
        the next show (a hidden window costs nothing per RAB edit)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def refresh(self, select_item: str | None = None) -> None:
        """Rebuild both tabs from the programme, keeping the selections."""
        key = self.current_key()
        keep_item = select_item or (self.current_item_id() if hasattr(self, "items") else None)
        rows = keys_per_item(self.doc.program, self.doc.priced.packages, self.templates)
        self._keys_of = {node.item.id: keys for _, node, keys, _ in rows}
        used: dict[str, int] = {}
        for _, _, keys, _ in rows:
            for k in keys:
                used[k] = used.get(k, 0) + 1
        self.clauses.blockSignals(True)
        self.clauses.clear()
        for k in self.keys():
            text = self.clause(k).title
            marks = []
            if k in self.doc.program.spec_texts:
                marks.append(tr("spec.mark.project"))
            marks.append(tr("spec.mark.used", n=used.get(k, 0)))
            row = QListWidgetItem(f"{text}\n    {' · '.join(marks)}")
            row.setData(Qt.ItemDataRole.UserRole, k)
            self.clauses.addItem(row)
        keys = self.keys()
        self.clauses.setCurrentRow(keys.index(key) if key in keys else 0)
        self.clauses.blockSignals(False)
        self._show_clause()
        self.items.blockSignals(True)
        self.items.clear()
        selected = None
        for n, node, item_keys, why in rows:
            titles = ", ".join(self.clause(k).title.removeprefix("Pekerjaan ") for k in item_keys
                               if k in self.templates or k in self.doc.program.spec_texts) or "–"
            label = f"{n}/{node.number}" if len(self.doc.program.packages) > 1 else node.number
            row = QTreeWidgetItem([label, node.item.description, titles, tr(f"spec.why.{why}")])
            row.setData(0, Qt.ItemDataRole.UserRole, node.item.id)
            self.items.addTopLevelItem(row)
            if node.item.id == keep_item:
                selected = row
        if selected is not None:
            self.items.setCurrentItem(selected)
        self.items.blockSignals(False)
        self._show_item()
