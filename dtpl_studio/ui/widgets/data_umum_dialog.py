"""The Data umum dialog (issue 9 point 3, issue 10 point 4): the programme's area and
institutions, and per package its KSM/TPK, location, beneficiaries, condition and KPP.

Three tabs: *Wilayah & kelembagaan*, *Lokasi & penerima manfaat*, *Kondisi & KPP*. The
package fields show the package chosen at the top; switching package keeps what was typed.
The dialog edits nothing itself: :meth:`DataUmumDialog.edit` returns one
:class:`~dtpl_studio.costing.edits.Compound` of every change (None when nothing changed),
which the window pushes as one undo step. A value that cannot be taken (a count that is not
a whole number ≥ 0, perempuan > jiwa, KK miskin > KK, a coordinate out of range) is refused
with the field named, and the dialog stays open.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dtpl_studio.costing import edits
from dtpl_studio.costing.data_umum import (
    COUNT_FIELDS,
    MAX_COUNT,
    REQUIRED_PHYSICAL,
    REQUIRED_PROGRAM,
    PackageData,
    ProgramData,
    is_filled,
)
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import Program
from dtpl_studio.ui.strings import tr
from dtpl_studio.ui.widgets.settings_dialog import add_error_and_buttons

#: Programme fields on the first tab: (name, on Program itself or in ProgramData).
PROGRAM_TEXTS = ("kelurahan", "kecamatan", "kota", "provinsi", "bkm")
PROGRAM_DATA_TEXTS = ("bkm_ketua", "sign_place", "sign_date")
#: Package text fields per tab (``ksm``/``location`` on Package, the rest in PackageData).
PACKAGE_LINES = ("ksm", "ksm_ketua", "location", "rt", "rw", "kpp_nama", "kpp_dana")
PACKAGE_BLOCKS = ("kondisi", "masalah", "kpp_kegiatan")
DEGREES = ("latitude", "longitude")
MAX_DEGREES = {"latitude": Decimal(90), "longitude": Decimal(180)}


class DataUmumInputError(ValueError):
    """A field that cannot be taken; the message (window language) names the field, and
    ``field`` is its name (the dialog shows its tab and puts the cursor in it)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def _label(name: str) -> str:
    return tr(f"du.{name}")


def parse_count_entry(text: str, name: str) -> int | None:
    """A count as typed (``""`` → None; ``1.250`` → 1250).

    Raises:
        DataUmumInputError: not a whole number 0..MAX_COUNT; names the field.
    """
    raw = text.strip()
    if not raw:
        return None
    cleaned = raw.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not (cleaned.isascii() and cleaned.isdigit()) or int(cleaned) > MAX_COUNT:
        raise DataUmumInputError(tr("du.bad_count", field=_label(name), text=raw), name)
    return int(cleaned)


def parse_degrees_entry(text: str, name: str) -> Decimal | None:
    """Decimal degrees as typed (``-6,9175``); ``""`` → None.

    Raises:
        DataUmumInputError: not a number or outside −90..90 / −180..180; names the field.
    """
    raw = text.strip()
    if not raw:
        return None
    try:
        value = Decimal(raw.replace(",", "."))
    except ArithmeticError:
        value = None
    if value is None or not value.is_finite():
        raise DataUmumInputError(tr("du.bad_degrees", field=_label(name), text=raw), name)
    limit = MAX_DEGREES[name]
    if not -limit <= value <= limit:
        raise DataUmumInputError(tr("du.bad_range", field=_label(name), text=raw,
                                    limit=format_number(limit)), name)
    return value


def _degrees_text(value: Decimal | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


class DataUmumDialog(QDialog):
    """Data umum of ``program`` (the package shown first: ``package_id``, or the first)."""

    def __init__(self, program: Program, package_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataUmum")
        self.setWindowTitle(tr("du.title"))
        self.program = program
        self._edit: edits.Edit | None = None
        #: package id → {field: value} typed so far (ksm, location, data)
        self._staged: dict[str, dict] = {}
        self._current: str | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("du.package")))
        self.package = QComboBox()
        self.package.setObjectName("du_package")
        for pkg in program.packages:
            self.package.addItem(pkg.name, pkg.id)
        top.addWidget(self.package, 1)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("du_tabs")
        self.lines: dict[str, QLineEdit] = {}
        self.blocks: dict[str, QPlainTextEdit] = {}

        def line(name: str, value: str = "", placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(value)
            edit.setObjectName(f"du_{name}")
            if placeholder:
                edit.setPlaceholderText(placeholder)
            self.lines[name] = edit
            return edit

        def block(name: str) -> QPlainTextEdit:
            edit = QPlainTextEdit()
            edit.setObjectName(f"du_{name}")
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(70)
            self.blocks[name] = edit
            return edit

        # tab 1: wilayah & kelembagaan
        tab1 = QWidget()
        f1 = QFormLayout(tab1)
        for name in PROGRAM_TEXTS:
            f1.addRow(_label(name), line(name, getattr(program, name)))
        f1.addRow(_label("bkm_ketua"), line("bkm_ketua", program.data.bkm_ketua))
        f1.addRow(_label("sign_place"), line("sign_place", program.data.sign_place,
                                             tr("du.sign_place_hint")))
        f1.addRow(_label("sign_date"), line("sign_date", program.data.sign_date,
                                            tr("du.sign_date_hint")))
        self.package_heading = QLabel()
        self.package_heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
        f1.addRow(self.package_heading)
        f1.addRow(_label("ksm"), line("ksm"))
        f1.addRow(_label("ksm_ketua"), line("ksm_ketua"))
        self.tabs.addTab(tab1, tr("du.tab.wilayah"))

        # tab 2: lokasi & penerima manfaat
        tab2 = QWidget()
        f2 = QFormLayout(tab2)
        f2.addRow(_label("location"), line("location"))
        rtrw = QHBoxLayout()
        rtrw.addWidget(line("rt"))
        rtrw.addWidget(QLabel(_label("rw")))
        rtrw.addWidget(line("rw"))
        f2.addRow(_label("rt"), rtrw)
        f2.addRow(_label("latitude"), line("latitude", placeholder="-6,9175"))
        f2.addRow(_label("longitude"), line("longitude", placeholder="110,4203"))
        for name in COUNT_FIELDS:
            f2.addRow(_label(name), line(name))
        self.tabs.addTab(tab2, tr("du.tab.lokasi"))

        # tab 3: kondisi & KPP
        tab3 = QWidget()
        f3 = QFormLayout(tab3)
        f3.addRow(_label("kondisi"), block("kondisi"))
        f3.addRow(_label("masalah"), block("masalah"))
        f3.addRow(_label("kpp_nama"), line("kpp_nama"))
        f3.addRow(_label("kpp_kegiatan"), block("kpp_kegiatan"))
        f3.addRow(_label("kpp_dana"), line("kpp_dana"))
        self.tabs.addTab(tab3, tr("du.tab.kondisi"))
        layout.addWidget(self.tabs, 1)

        self.missing = QLabel()
        self.missing.setObjectName("du_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #8a5a00;")
        layout.addWidget(self.missing)
        self.error = add_error_and_buttons(self, layout, "du_error")

        start = 0
        if package_id is not None:
            start = max(0, next((i for i, p in enumerate(program.packages) if p.id == package_id), 0))
        self.package.setCurrentIndex(start)
        self._show_package(self.package.currentData())
        self.package.currentIndexChanged.connect(self._switch)
        for edit in self.lines.values():
            edit.textChanged.connect(self._update_missing)
        for edit in self.blocks.values():
            edit.textChanged.connect(self._update_missing)
        self._update_missing()
        self.resize(620, 560)

    # -- package fields --------------------------------------------------------------------
    def _package_obj(self, package_id: str):
        return next(p for p in self.program.packages if p.id == package_id)

    def _values_of(self, package_id: str) -> dict:
        staged = self._staged.get(package_id)
        if staged is not None:
            return staged
        pkg = self._package_obj(package_id)
        return {"ksm": pkg.ksm, "location": pkg.location, "data": pkg.data}

    def _show_package(self, package_id: str | None) -> None:
        self._current = package_id
        enabled = package_id is not None
        for name in (*PACKAGE_LINES, *DEGREES, *COUNT_FIELDS):
            self.lines[name].setEnabled(enabled)
        for edit in self.blocks.values():
            edit.setEnabled(enabled)
        if package_id is None:
            self.package_heading.setText(tr("du.no_package"))
            return
        pkg = self._package_obj(package_id)
        self.package_heading.setText(tr("du.package_heading", name=pkg.name))
        values = self._values_of(package_id)
        data: PackageData = values["data"]
        self.lines["ksm"].setText(values["ksm"])
        self.lines["location"].setText(values["location"])
        for name in ("ksm_ketua", "rt", "rw", "kpp_nama", "kpp_dana"):
            self.lines[name].setText(getattr(data, name))
        for name in DEGREES:
            self.lines[name].setText(_degrees_text(getattr(data, name)))
        for name in COUNT_FIELDS:
            value = getattr(data, name)
            self.lines[name].setText("" if value is None else str(value))
        for name in PACKAGE_BLOCKS:
            self.blocks[name].setPlainText(getattr(data, name))

    def _read_package(self) -> dict:
        """The shown package's values from the widgets.

        Raises:
            DataUmumInputError: a field that cannot be taken (named).
        """
        texts = {n: self.lines[n].text().strip() for n in ("ksm_ketua", "rt", "rw", "kpp_nama", "kpp_dana")}
        counts = {n: parse_count_entry(self.lines[n].text(), n) for n in COUNT_FIELDS}
        degrees = {n: parse_degrees_entry(self.lines[n].text(), n) for n in DEGREES}
        if counts["perempuan"] is not None and counts["jiwa"] is not None and counts["perempuan"] > counts["jiwa"]:
            raise DataUmumInputError(tr("du.part_above", part=_label("perempuan"), whole=_label("jiwa"),
                                        a=counts["perempuan"], b=counts["jiwa"]), "perempuan")
        if counts["kk_miskin"] is not None and counts["kk"] is not None and counts["kk_miskin"] > counts["kk"]:
            raise DataUmumInputError(tr("du.part_above", part=_label("kk_miskin"), whole=_label("kk"),
                                        a=counts["kk_miskin"], b=counts["kk"]), "kk_miskin")
        blocks = {n: self.blocks[n].toPlainText().strip() for n in PACKAGE_BLOCKS}
        data = PackageData(**texts, **counts, **degrees, **blocks)
        return {"ksm": self.lines["ksm"].text().strip(),
                "location": self.lines["location"].text().strip(), "data": data}

    def _stage_current(self) -> None:
        if self._current is not None:
            self._staged[self._current] = self._read_package()

    def _switch(self, _index: int) -> None:
        try:
            self._stage_current()
        except DataUmumInputError as exc:  # stay on the package until it is fixed
            self.package.blockSignals(True)
            self.package.setCurrentIndex(self.package.findData(self._current))
            self.package.blockSignals(False)
            self._show_error(exc)
            return
        self.error.hide()
        self._show_package(self.package.currentData())
        self._update_missing()

    def _show_error(self, exc: DataUmumInputError) -> None:
        self.error.setText(str(exc))
        self.error.show()
        widget = self.lines.get(exc.field)
        if widget is not None:  # show the field's tab, cursor in the field
            for i in range(self.tabs.count()):
                if self.tabs.widget(i).isAncestorOf(widget):
                    self.tabs.setCurrentIndex(i)
            widget.setFocus()
            widget.selectAll()

    def _update_missing(self) -> None:
        """The required fields still empty (programme and the shown package): a hint, the
        PDF prints the same list as a warning."""
        missing = [_label(n) for n in REQUIRED_PROGRAM
                   if not (self.lines[n].text().strip() if n in self.lines else "")]
        if self._current is not None:
            pkg = self._package_obj(self._current)
            if Component(pkg.component) is Component.FISIK:
                for name in REQUIRED_PHYSICAL:
                    widget = self.lines.get(name) or self.blocks.get(name)
                    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
                    if not is_filled(text):
                        missing.append(_label(name))
        self.missing.setText(tr("du.missing", fields=", ".join(missing)) if missing else "")

    # -- result ----------------------------------------------------------------------------
    def build_edit(self) -> edits.Edit | None:
        """One undo step of everything changed (None when nothing changed).

        Raises:
            DataUmumInputError: a field that cannot be taken (named).
        """
        self._stage_current()
        values = {n: self.lines[n].text().strip() for n in PROGRAM_TEXTS}
        program_data = ProgramData(**{n: self.lines[n].text().strip() for n in PROGRAM_DATA_TEXTS})
        step = edits.set_data_umum(self.program, values, program_data, self._staged)
        if not step.edits:
            return None
        return step

    def accept(self) -> None:
        """Qt override: refuse (the field named) while a value cannot be taken."""
        try:
            self._edit = self.build_edit()
        except DataUmumInputError as exc:
            self._show_error(exc)
            return
        super().accept()

    def edit(self) -> edits.Edit | None:
        """After ``exec()`` returned Accepted: the edit to push (None = nothing changed)."""
        return self._edit


__all__ = ["DataUmumDialog", "DataUmumInputError", "parse_count_entry", "parse_degrees_entry"]
