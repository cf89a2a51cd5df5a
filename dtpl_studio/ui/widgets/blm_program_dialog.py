"""The "Program BLM" dialog (issue 6 points 2 and 4): the ceiling rule table, the termin plan,
the optional minimum swadaya share and the planning category (or DED) of each division, in
four tabs.

Every change the user commits (a cell left, a row added or removed, the table reset, a
category chosen) is one core edit (:mod:`dtpl_studio.costing.edits`: ``set_rules``,
``set_termins``, ``set_swadaya_rule``, ``set_section``) pushed at once as one undo step
(:func:`~dtpl_studio.ui.commands.push_edit`): the BLM panel behind the dialog shows the new
verdict immediately, the dialog's own verdict line too, and the project file stores it.
What cannot be read or stored is refused with an Indonesian message naming the row and the
column; the table then shows the programme as it is. The dialog computes no money: the
termin amounts, the swadaya share and the category totals are the verdict's.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.formatting import (
    format_number,
    format_percent,
    format_rupiah,
    quantize_shown,
)
from dtpl_studio.costing.funding import (
    PLANNING_CATEGORIES,
    RULE_COLUMNS,
    Component,
    FundingRule,
    SectionKind,
    SwadayaRule,
    Termin,
    rule_problems,
)
from dtpl_studio.costing.numbers import NumberParseError
from dtpl_studio.costing.rab import Section
from dtpl_studio.ui.commands import push_edit
from dtpl_studio.ui.document import ProjectDocument
from dtpl_studio.ui.parsing import EntryError, parse_user_number
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.blm_panel import verdict_color, verdict_text

RULE_COMPONENTS = (Component.PERENCANAAN, Component.FISIK, Component.TOTAL)
#: Termin table columns: percent, milestone, amount written down (optional), amount computed.
TERMIN_COLUMNS = ("percent", "milestone", "stated", "amount")
ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #555;"


class EntryRefused(ValueError):
    """A cell that cannot be read; the message (Indonesian) names the row and the column."""


def _number(text: str) -> Decimal:
    """``"300.000.000"`` / ``"40"`` / ``"12,5 %"`` → Decimal.

    Raises:
        ValueError: not a number under the window's one rule (:func:`parse_user_number`).
    """
    try:
        return parse_user_number(text.replace("%", "").replace("Rp", "").strip())
    except (NumberParseError, EntryError) as exc:
        raise ValueError(text) from exc


def _cell(text: str, editable: bool = True, right: bool = False, muted: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if muted:  # a figure the dialog shows but the user does not type
            item.setForeground(Qt.GlobalColor.darkGray)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class BlmProgramDialog(QDialog):
    """The programme's BLM settings of ``doc``; every committed change is one undo step.

    Attributes:
        tabs: the four tabs (rules, termins, swadaya, categories).
        rules, termins: the two tables; ``categories`` the division table.
        error: the red line with the last refusal ("" hidden).
    """

    def __init__(self, doc: ProjectDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("blmProgramDialog")
        self.setWindowTitle(tr("blmp.title"))
        self.doc = doc
        self._loading = False
        #: the user ticked "minimum swadaya" and is typing (or was refused): the tab keeps
        #: the box ticked and the field enabled with what was typed until it is stored or
        #: unticked — never a disabled field holding a refused value (review, defect 6)
        self._swadaya_typing = False
        layout = QVBoxLayout(self)
        self.verdict_line = QLabel()
        self.verdict_line.setObjectName("blmp_verdict")
        self.verdict_line.setWordWrap(True)
        layout.addWidget(self.verdict_line)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_rules(), tr("blmp.tab.rules"))
        self.tabs.addTab(self._build_termins(), tr("blmp.tab.termins"))
        self.tabs.addTab(self._build_swadaya(), tr("blmp.tab.swadaya"))
        self.tabs.addTab(self._build_categories(), tr("blmp.tab.categories"))
        layout.addWidget(self.tabs, 1)
        self.error = QLabel()
        self.error.setObjectName("blmp_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        stack = doc.undo_stack
        for action, name in ((stack.createUndoAction(self, tr("undo.prefix")), "blmp_undo"),
                             (stack.createRedoAction(self, tr("redo.prefix")), "blmp_redo")):
            action.setShortcut("Ctrl+Z" if name == "blmp_undo" else "Ctrl+Shift+Z")
            self.addAction(action)
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bottom.addWidget(button)
        bottom.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(tr("blmp.close"))
        box.rejected.connect(self.reject)
        bottom.addWidget(box)
        layout.addLayout(bottom)
        doc.repriced.connect(self._on_repriced)
        self.finished.connect(lambda _r: doc.repriced.disconnect(self._on_repriced))
        self.resize(860, 560)
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _build_rules(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_hint(tr("blmp.rules.hint")))
        self.rules = QTableWidget(0, len(RULE_COLUMNS))
        self.rules.setObjectName("blmp_rules")
        self.rules.setHorizontalHeaderLabels([tr(f"blmp.rule.col.{c}") for c in RULE_COLUMNS])
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.setWordWrap(False)
        header = self.rules.horizontalHeader()
        for col, width in enumerate((80, 60, 160, 120, 250)):
            self.rules.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.rules.itemChanged.connect(lambda _item: self._commit_rules())
        box.addWidget(self.rules, 1)
        row = QHBoxLayout()
        for key, slot, name in (("blmp.rules.add", self.add_rule, "blmp_rule_add"),
                                ("blmp.rules.remove", self.remove_rule, "blmp_rule_remove"),
                                ("blmp.rules.reset", self.reset_rules, "blmp_rule_reset")):
            button = QPushButton(tr(key))
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _build_termins(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_hint(tr("blmp.termins.hint")))
        self.termins = QTableWidget(0, len(TERMIN_COLUMNS))
        self.termins.setObjectName("blmp_termins")
        self.termins.setHorizontalHeaderLabels([tr(f"blmp.termin.col.{c}") for c in TERMIN_COLUMNS])
        self.termins.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for col, width in enumerate((80, 330, 150)):
            self.termins.setColumnWidth(col, width)
        self.termins.horizontalHeader().setStretchLastSection(True)
        self.termins.itemChanged.connect(lambda _item: self._commit_termins())
        box.addWidget(self.termins, 1)
        self.termin_sum = QLabel()
        self.termin_sum.setObjectName("blmp_termin_sum")
        box.addWidget(self.termin_sum)
        row = QHBoxLayout()
        for key, slot, name in (("blmp.termins.add", self.add_termin, "blmp_termin_add"),
                                ("blmp.termins.remove", self.remove_termin, "blmp_termin_remove")):
            button = QPushButton(tr(key))
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _build_swadaya(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_hint(tr("blmp.swadaya.hint")))
        form = QFormLayout()
        self.swadaya_on = QCheckBox(tr("blmp.swadaya.on"))
        self.swadaya_on.setObjectName("blmp_swadaya_on")
        self.swadaya_on.toggled.connect(self._on_swadaya_toggled)
        form.addRow(self.swadaya_on)
        share_row = QHBoxLayout()
        self.swadaya_share = QLineEdit()
        self.swadaya_share.setObjectName("blmp_swadaya_share")
        self.swadaya_share.setMaximumWidth(90)
        self.swadaya_share.editingFinished.connect(self._commit_swadaya)
        share_row.addWidget(self.swadaya_share)
        share_row.addWidget(QLabel(tr("blmp.swadaya.of_cost")))
        share_row.addStretch(1)
        form.addRow(tr("blmp.swadaya.share"), share_row)
        self.swadaya_source = QLineEdit()
        self.swadaya_source.setObjectName("blmp_swadaya_source")
        self.swadaya_source.setPlaceholderText(tr("blmp.swadaya.source_hint"))
        self.swadaya_source.editingFinished.connect(self._commit_swadaya)
        form.addRow(tr("blmp.swadaya.source"), self.swadaya_source)
        box.addLayout(form)
        self.swadaya_now = QLabel()
        self.swadaya_now.setObjectName("blmp_swadaya_now")
        self.swadaya_now.setWordWrap(True)
        box.addWidget(self.swadaya_now)
        box.addStretch(1)
        return page

    def _build_categories(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(_hint(tr("blmp.cat.hint")))
        self.categories = QTableWidget(0, 3)
        self.categories.setObjectName("blmp_categories")
        self.categories.setHorizontalHeaderLabels([tr("blmp.cat.col.package"), tr("blmp.cat.col.division"),
                                                   tr("blmp.cat.col.kind")])
        self.categories.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.categories.verticalHeader().hide()
        self.categories.setColumnWidth(0, 190)
        self.categories.setColumnWidth(1, 300)
        self.categories.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.categories, 1)
        self.category_totals = QLabel()
        self.category_totals.setObjectName("blmp_category_totals")
        self.category_totals.setWordWrap(True)
        box.addWidget(self.category_totals)
        return page

    # -- showing the programme -----------------------------------------------------------------
    def _on_repriced(self, _structural: bool) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the programme and its verdict as they are now (after every edit and undo)."""
        self._loading = True
        try:
            self._show_verdict()
            self._show_rules()
            self._show_termins()
            self._show_swadaya()
            self._show_categories()
        finally:
            self._loading = False

    def _show_verdict(self) -> None:
        verdict = self.doc.priced.verdict
        color = verdict_color(verdict)
        self.verdict_line.setText(tr("blmp.verdict", verdict=f"<b style='color:{color}'>"
                                     f"{verdict_text(verdict)}</b>"))

    def _show_rules(self) -> None:
        rules = self.doc.program.rules
        self.rules.setRowCount(len(rules))
        for row, rule in enumerate(rules):
            self.rules.setItem(row, 0, _cell(rule.program))
            self.rules.setItem(row, 1, _cell("" if rule.year is None else str(rule.year)))
            combo = self.rules.cellWidget(row, 2)
            if not isinstance(combo, QComboBox):
                combo = QComboBox()
                for component in RULE_COMPONENTS:
                    combo.addItem(tr(f"blmp.component.{component.value}"), component)
                combo.currentIndexChanged.connect(lambda _i: self._commit_rules())
                self.rules.setCellWidget(row, 2, combo)
            combo.setCurrentIndex(RULE_COMPONENTS.index(rule.component))
            self.rules.setItem(row, 3, _cell(format_rupiah(rule.ceiling) if rule.ceiling.is_finite()
                                             else str(rule.ceiling), right=True))
            self.rules.setItem(row, 4, _cell(rule.source_ref))
            self.rules.setItem(row, 5, _cell(rule.note))
            self.rules.item(row, 4).setToolTip(rule.source_ref)

    def _show_termins(self) -> None:
        verdict = self.doc.priced.verdict
        plan = self.doc.program.termins
        self.termins.setRowCount(len(plan))
        lines = {line.number: line for line in verdict.termins}
        for row, termin in enumerate(plan):
            self.termins.setItem(row, 0, _cell(format_number(termin.percent) if termin.percent.is_finite()
                                               else str(termin.percent), right=True))
            self.termins.setItem(row, 1, _cell(termin.milestone))
            self.termins.setItem(row, 2, _cell("" if termin.amount is None else format_rupiah(termin.amount),
                                               right=True))
            line = lines.get(row + 1)
            self.termins.setItem(row, 3, _cell("" if line is None else "Rp " + format_rupiah(line.amount),
                                               editable=False, right=True))
        total = sum((line.percent for line in verdict.termins if line.percent.is_finite()), Decimal(0))
        blm = verdict.totals.blm_total.rounded
        ok = total == 100
        mark = "✓" if ok else tr("blmp.termins.not_100")
        self.termin_sum.setText(tr("blmp.termins.sum", percent=format_number(total), mark=mark,
                                   blm=format_rupiah(blm)))
        self.termin_sum.setStyleSheet("" if ok or not plan else ERROR_STYLE)

    def _show_swadaya(self) -> None:
        rule = self.doc.program.swadaya_rule
        if self._swadaya_typing:  # the user's entry stays as typed, editable
            self.swadaya_on.setChecked(True)
            self.swadaya_share.setEnabled(True)
            self.swadaya_source.setEnabled(True)
        else:
            self.swadaya_on.setChecked(rule is not None)
            self.swadaya_share.setEnabled(rule is not None)
            self.swadaya_source.setEnabled(rule is not None)
        if rule is not None and not self._swadaya_typing:
            shown = rule.min_share * 100 if rule.min_share.is_finite() else rule.min_share
            self.swadaya_share.setText(format_number(shown))
            self.swadaya_source.setText(rule.source_ref)
        totals = self.doc.priced.verdict.totals
        share = totals.swadaya_share
        self.swadaya_now.setText(tr(
            "blmp.swadaya.now", amount=format_rupiah(totals.swadaya.rounded),
            share="–" if share is None else format_percent(quantize_shown(share, 4)),
            cost=format_rupiah(totals.cost.rounded)))

    def _show_categories(self) -> None:
        rows: list[tuple[str, Section, int, bool]] = []
        for package in self.doc.program.packages:
            planning = package.component is Component.PERENCANAAN

            def walk(sections, depth, package=package, planning=planning):
                for section in sections:
                    rows.append((package.name, section, depth, planning))
                    walk([c for c in section.children if isinstance(c, Section)], depth + 1)
            walk(package.sections, 0)
        sections = [section.id for _, section, _, _ in rows]
        if sections == getattr(self, "_category_sections", None):
            # same divisions: only the choices (the combo whose signal got us here stays alive)
            for row, (_, section, depth, _) in enumerate(rows):
                combo = self.categories.cellWidget(row, 2)
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(SectionKind(section.kind)))
                combo.blockSignals(False)
                title = " ".join(section.title.split())
                self.categories.item(row, 1).setText("    " * depth + title)
        else:
            self._rebuild_categories(rows)
        self._category_sections = sections
        self._show_category_totals()

    def _rebuild_categories(self, rows: list[tuple[str, Section, int, bool]]) -> None:
        self.categories.setRowCount(len(rows))
        for row, (name, section, depth, planning) in enumerate(rows):
            first = row == 0 or rows[row - 1][0] != name  # the package once, on its first row
            self.categories.setItem(row, 0, _cell(name if first else "", editable=False, muted=False))
            title = " ".join(section.title.split())
            self.categories.setItem(row, 1, _cell("    " * depth + title, editable=False, muted=False))
            kinds = [SectionKind.NONE, *PLANNING_CATEGORIES] if planning else [SectionKind.NONE, SectionKind.DED]
            combo = QComboBox()
            combo.setObjectName(f"blmp_kind_{row}")
            for kind in kinds:
                combo.addItem(tr(f"blmp.kind.{kind.value or 'none'}"), kind)
            current = SectionKind(section.kind)
            if current not in kinds:  # a kind the component does not take (from a file): keep it
                combo.addItem(tr(f"blmp.kind.{current.value or 'none'}"), current)
            combo.setCurrentIndex(combo.findData(current))
            combo.currentIndexChanged.connect(
                lambda _i, s=section, c=combo: self.set_kind(s, SectionKind(c.currentData())))
            self.categories.setCellWidget(row, 2, combo)

    def _show_category_totals(self) -> None:
        totals = self.doc.priced.verdict.totals
        parts = [f"{tr(f'blmp.kind.{kind.value}')}: Rp {format_rupiah(totals.planning_by_category.get(kind, Decimal(0)))}"
                 for kind in PLANNING_CATEGORIES]
        none = totals.planning_by_category.get(SectionKind.NONE, Decimal(0))
        if none:
            parts.append(f"{tr('blmp.kind.none')}: Rp {format_rupiah(none)}")
        if totals.ded_in_physical:
            parts.append(f"{tr('blmp.kind.ded')}: Rp {format_rupiah(totals.ded_in_physical)}")
        self.category_totals.setText(tr("blmp.cat.totals") + " " + " · ".join(parts))

    # -- committing ----------------------------------------------------------------------------
    def _push(self, edit: edits.Edit, text: str) -> bool:
        """Push ``edit`` as one undo step; on refusal show why and the programme as it is."""
        reason = push_edit(self.doc, edit, text)
        if reason:
            self._refuse(reason)
            return False
        self.error.hide()
        return True

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.refresh()

    def _text(self, table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def read_rules(self) -> list[FundingRule]:
        """The rule table as typed.

        Raises:
            EntryRefused: a year or ceiling that cannot be read, a blank ceiling, or a row the
                core cannot store (negative ceiling, duplicate component and year); the message
                names the row and the column.
        """
        rules: list[FundingRule] = []
        for row in range(self.rules.rowCount()):
            year_text = self._text(self.rules, row, 1)
            year = None
            if year_text:
                if not year_text.isdigit():
                    raise EntryRefused(tr("blmp.rule.err.year", row=row + 1, column=tr("blmp.rule.col.year"),
                                          text=year_text))
                year = int(year_text)
            ceiling_text = self._text(self.rules, row, 3)
            if not ceiling_text:
                raise EntryRefused(tr("blmp.rule.err.blank", row=row + 1, column=tr("blmp.rule.col.ceiling")))
            try:
                ceiling = _number(ceiling_text)
            except ValueError:
                raise EntryRefused(tr("blmp.rule.err.number", row=row + 1, column=tr("blmp.rule.col.ceiling"),
                                      text=ceiling_text)) from None
            combo = self.rules.cellWidget(row, 2)
            component = Component(combo.currentData()) if isinstance(combo, QComboBox) else Component.TOTAL
            rules.append(FundingRule(self._text(self.rules, row, 0), component, ceiling,
                                     self._text(self.rules, row, 4), self._text(self.rules, row, 5), year))
        problems = rule_problems(rules)
        if problems:
            p = problems[0]
            raise EntryRefused(tr(f"blmp.rule.err.{p.code}", row=p.row, column=tr(f"blmp.rule.col.{p.column}"),
                                  other=p.other))
        return rules

    def _commit(self, read, current, make_edit, text: str) -> None:
        """Read a table (``read()``), refuse what cannot be taken, push one edit when the
        value differs from ``current``."""
        if self._loading:
            return
        try:
            value = read()
        except EntryRefused as exc:
            self._refuse(str(exc))
            return
        if value != current:
            self._push(make_edit(value), text)

    def _commit_rules(self) -> None:
        self._commit(self.read_rules, self.doc.program.rules, edits.set_rules, tr("cmd.blm_rules"))

    def add_rule(self) -> None:
        """A new row for the programme and the fiscal year (a copy of the selected row's
        component and source, ceiling 0), one undo step."""
        program = self.doc.program
        row = self.rules.currentRow()
        base = program.rules[row] if 0 <= row < len(program.rules) else None
        year = program.fiscal_year
        taken = {(r.component, r.year) for r in program.rules}
        component = base.component if base else Component.TOTAL
        if (component, year) in taken:
            component = next((c for c in RULE_COMPONENTS if (c, year) not in taken), component)
        rule = FundingRule(program.program, component, Decimal(0), base.source_ref if base else "",
                           "", year)
        if self._push(edits.set_rules([*program.rules, rule]), tr("cmd.blm_rule_add")):
            self.rules.setCurrentCell(len(program.rules) - 1, 3)

    def remove_rule(self) -> None:
        """Remove the selected row, one undo step."""
        row = self.rules.currentRow()
        rules = self.doc.program.rules
        if 0 <= row < len(rules):
            self._push(edits.set_rules(rules[:row] + rules[row + 1:]), tr("cmd.blm_rule_remove", row=row + 1))

    def reset_rules(self) -> None:
        """Put back the PLP-BK seed table, one undo step."""
        edit = edits.reset_rules()
        if list(edit.values[0][1]) != self.doc.program.rules:
            self._push(edit, tr("cmd.blm_rules_reset"))

    def read_termins(self) -> list[Termin]:
        """The termin plan as typed.

        Raises:
            EntryRefused: a percent that is blank, not a number or outside (0, 100], or an
                amount that is not a number (the message names the row and the column).
        """
        plan: list[Termin] = []
        for row in range(self.termins.rowCount()):
            text = self._text(self.termins, row, 0)
            column = tr("blmp.termin.col.percent")
            if not text:
                raise EntryRefused(tr("blmp.termin.err.blank", row=row + 1, column=column))
            try:
                percent = _number(text)
            except ValueError:
                raise EntryRefused(tr("blmp.termin.err.number", row=row + 1, column=column, text=text)) from None
            if not 0 < percent <= 100:
                raise EntryRefused(tr("blmp.termin.err.range", row=row + 1, column=column, text=text))
            stated_text = self._text(self.termins, row, 2)
            stated = None
            if stated_text:
                try:
                    stated = _number(stated_text)
                except ValueError:
                    raise EntryRefused(tr("blmp.termin.err.number", row=row + 1, text=stated_text,
                                          column=tr("blmp.termin.col.stated"))) from None
                if stated < 0:
                    raise EntryRefused(tr("blmp.termin.err.negative", row=row + 1,
                                          column=tr("blmp.termin.col.stated"), text=stated_text))
            plan.append(Termin(percent, self._text(self.termins, row, 1), stated))
        return plan

    def _commit_termins(self) -> None:
        self._commit(self.read_termins, self.doc.program.termins, edits.set_termins, tr("cmd.blm_termins"))

    def add_termin(self) -> None:
        """Append a termin for what is left to 100 % (or 0 % left: 10 %), one undo step."""
        plan = self.doc.program.termins
        used = sum((t.percent for t in plan if t.percent.is_finite()), Decimal(0))
        rest = Decimal(100) - used
        percent = rest if 0 < rest <= 100 else Decimal(10)
        if self._push(edits.set_termins([*plan, Termin(percent, "")]), tr("cmd.blm_termin_add")):
            self.termins.setCurrentCell(len(plan), 1)

    def remove_termin(self) -> None:
        """Remove the selected termin, one undo step."""
        row = self.termins.currentRow()
        plan = self.doc.program.termins
        if 0 <= row < len(plan):
            self._push(edits.set_termins(plan[:row] + plan[row + 1:]), tr("cmd.blm_termin_remove", row=row + 1))

    def _on_swadaya_toggled(self, on: bool) -> None:
        self.swadaya_share.setEnabled(on)
        self.swadaya_source.setEnabled(on)
        if self._loading:
            return
        if not on:
            self._swadaya_typing = False
            self.error.hide()
            if self.doc.program.swadaya_rule is not None:
                self._push(edits.set_swadaya_rule(None), tr("cmd.blm_swadaya"))
            else:
                self.refresh()
            return
        self._swadaya_typing = self.doc.program.swadaya_rule is None
        if not self.swadaya_share.text().strip():
            self.swadaya_share.setFocus()  # the rule is stored once a share is typed
            return
        self._commit_swadaya()

    def read_swadaya(self) -> SwadayaRule | None:
        """The minimum swadaya as typed (None when the box is not ticked).

        Raises:
            EntryRefused: a share that is not a number or outside 0..100 %.
        """
        if not self.swadaya_on.isChecked():
            return None
        text = self.swadaya_share.text().strip()
        field = tr("blmp.swadaya.share")
        try:
            value = _number(text)
        except ValueError:
            raise EntryRefused(tr("blmp.swadaya.err.number", field=field, text=text)) from None
        if not 0 <= value <= 100:
            raise EntryRefused(tr("blmp.swadaya.err.range", field=field, text=text))
        return SwadayaRule((value / 100).normalize() if value else Decimal(0), self.swadaya_source.text().strip())

    def _commit_swadaya(self) -> None:
        if self._loading or not self.swadaya_on.isChecked():
            return
        try:
            rule = self.read_swadaya()
        except EntryRefused as exc:
            # say why and keep the box ticked, the field enabled with what was typed
            self._swadaya_typing = True
            self._refuse(str(exc))
            self.swadaya_share.setFocus()
            self.swadaya_share.selectAll()
            return
        self._swadaya_typing = False
        if rule != self.doc.program.swadaya_rule:
            self._push(edits.set_swadaya_rule(rule), tr("cmd.blm_swadaya"))
        else:
            self.error.hide()
            self.refresh()

    def set_kind(self, section: Section, kind: SectionKind) -> None:
        """Give ``section`` the planning category (or DED) ``kind``, one undo step."""
        if self._loading or kind is None or kind == section.kind:
            return
        self._push(edits.set_section(section.id, kind=kind),
                   tr("cmd.blm_kind", division=" ".join(section.title.split())[:40]))
