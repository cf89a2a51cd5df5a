"""Project use cases: open, save, the default (demo) project, export the DTPL PDF, check."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import PricedProgram, Program, price_program
from dtpl_studio.errors import DtplError
from dtpl_studio.services.paths import data_dir

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def open_project(path: Path) -> Program:
    """Read a ``.dtpl`` project file for reading only (``check``, ``export``): no lock, never
    written (an older schema is upgraded on a temporary copy). To edit and save, open a
    :class:`~dtpl_studio.services.session.ProjectSession`.

    Raises:
        dtpl_studio.storage.project_file.ProjectFileError: not a project file, newer schema,
            corrupt; the message names the file.
    """
    from dtpl_studio.services.session import read_project

    return read_project(Path(path))


def save_project(program: Program, path: Path) -> None:
    """Save atomically (temp file + rename) under the file's lock: a failed save leaves the
    old file intact, and a file open in a DTPL Studio window is never replaced underneath it.

    Raises:
        dtpl_studio.services.session.LockedError: the file is open elsewhere (who, since when).
        dtpl_studio.storage.project_file.ProjectFileError: cannot be written.
    """
    from dtpl_studio.services.session import target_lock
    from dtpl_studio.storage.project_file import save_program

    with target_lock(path, "project"):
        save_program(program, Path(path))


def prepare_saving(**_task) -> bool:
    """Load what the first save of this process needs (SQLAlchemy, Alembic, the empty
    project file at the current schema: ~0,4 s) now rather than during that save; opening
    a project needs none of it (issue 10). Safe from any thread; any failure is logged and
    left to the save itself, which reports it.

    Returns:
        True when the save machinery is ready.
    """
    from dtpl_studio.storage.project_file import prepare_saving as prepare

    try:
        prepare()
    except Exception:  # noqa: BLE001 - a warm-up: the save says what is wrong, if anything
        import logging

        logging.getLogger(__name__).warning("could not prepare saving", exc_info=True)
        return False
    return True


def create_demo(path: Path, *, force: bool = False) -> Program:
    """Build the demo programme from the shipped edition as the price library holds it
    (seeded on first run: :func:`~dtpl_studio.services.prices.default_catalogue_book`) and
    save it to ``path`` (through a
    :class:`~dtpl_studio.services.session.ProjectSession`: locked, atomic).

    Raises:
        FileExistsError: ``path`` exists and ``force`` is false.
        dtpl_studio.services.session.LockedError: ``path`` is open in a DTPL Studio window.
        dtpl_studio.storage.project_file.ProjectFileError: ``path`` exists and is not a DTPL
            project (``--force`` never replaces another kind of file), or cannot be written.
    """
    from dtpl_studio.services.demo import build_demo_program
    from dtpl_studio.services.prices import default_catalogue_book
    from dtpl_studio.services.session import ProjectSession

    path = Path(path)
    if path.exists() and not force:
        raise ExportTargetError(f"{path} exists (use --force to replace it)", code="target.exists", path=path)
    path.parent.mkdir(parents=True, exist_ok=True)
    program = build_demo_program(default_catalogue_book())
    ProjectSession.create(program, path, replace=force).close()
    return program


#: The signature blocks of a new project: (role line, position, template role id of
#: ``templates/dtpl-plpbk.json`` signatory_roles) as on the demo's lembar pengesahan; names
#: left blank for the facilitator (Berkas › Pengaturan proyek… › Penandatangan).
NEW_PROJECT_SIGNATORIES = (
    ("Dibuat oleh", "Ketua KSM", "ketua_ksm"),
    ("Diperiksa oleh", "Fasilitator Teknik", "fasilitator_teknik"),
    ("Disetujui oleh", "Koordinator BKM", "koordinator_bkm"),
    ("Mengetahui", "Lurah", "lurah"),
)


def new_program(book: PriceBook, *, package_name: str = "Paket fisik",
                division: str = "PEKERJAAN PERSIAPAN") -> Program:
    """An empty programme as a facilitator starts one (Berkas › Proyek baru…): no kelurahan,
    kota or year yet, the PLP-BK ceilings, one physical package with one empty division,
    pinned to an empty copy of ``book`` (its edition and metadata; analyses are pinned as
    items are added from the catalogue, as Struktur RAB › Tambah paket does), and the four
    signature blocks (:data:`NEW_PROJECT_SIGNATORIES`) with blank names.

    Args:
        book: the price book the catalogue offers (the shipped edition by default).
        package_name, division: the new package's and division's names (the window passes
            them in its language).
    """
    from dtpl_studio.costing.funding import Component
    from dtpl_studio.costing.rab import Package, Section, Signatory

    return Program(
        kelurahan="",
        packages=[Package(package_name, Component.FISIK, book.subset(set()), [Section(division)])],
        signatories=[Signatory(role, position=position, kind=kind)
                     for role, position, kind in NEW_PROJECT_SIGNATORIES],
    )


def create_project(path: Path, book: PriceBook | None = None, **names: str):
    """Save :func:`new_program` as the new project file ``path`` and return its held
    :class:`~dtpl_studio.services.session.ProjectSession` (locked, as after opening).
    ``book`` defaults to the shipped edition as the library holds it; ``names`` go to
    :func:`new_program`.

    Raises:
        dtpl_studio.services.session.LockedError: ``path`` is open in a DTPL Studio window.
        dtpl_studio.storage.project_file.ProjectFileError: ``path`` exists and is not a DTPL
            project (never replaced), or cannot be written.
    """
    from dtpl_studio.services.prices import default_catalogue_book
    from dtpl_studio.services.session import ProjectSession

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    program = new_program(book if book is not None else default_catalogue_book(), **names)
    # the file dialog asked before replacing; only a DTPL project is ever replaced
    return ProjectSession.create(program, path, replace=True)


def default_project_path() -> Path:
    """Where the demo project opened on first run lives (user data folder)."""
    return data_dir() / "demo-plpbk.dtpl"


def ensure_default_project() -> Path:
    """Create the demo project in the user data folder when missing; return its path."""
    path = default_project_path()
    if not path.exists():
        create_demo(path)
    return path


def check_project(program: Program) -> PricedProgram:
    """Price the programme and run the BLM ceiling check (the one calculation path)."""
    return price_program(program)


class ExportTargetError(DtplError, ValueError):
    """The PDF cannot be written there (not .pdf, the project itself, a device, no folder)."""

    default_code = "target.invalid"


def check_pdf_target(out_path: Path, project_path: Path | None = None, suffix: str = ".pdf") -> Path:
    """Refuse an output path that would destroy something or fail half-way.

    Raises:
        ExportTargetError: the name does not end in ``suffix`` (``.pdf``); it is the project
            file itself; it exists and is not a regular file (a folder, ``/dev/full``); its
            folder is missing.
    """
    out = Path(out_path)
    if project_path is not None and out.exists() and out.resolve() == Path(project_path).resolve():
        raise ExportTargetError(f"{out}: that is the project file itself", code="target.is_input", path=out)
    if out.suffix.lower() != suffix:
        raise ExportTargetError(f"{out}: the output file name must end in {suffix}", code="target.suffix",
                                path=out, params={"suffix": suffix})
    if out.exists() and not out.is_file():
        raise ExportTargetError(f"{out}: exists and is not a regular file", code="target.not_file", path=out)
    if not out.parent.is_dir():
        raise ExportTargetError(f"{out}: the folder {out.parent} does not exist", code="target.no_folder",
                                path=out, params={"folder": str(out.parent)})
    return out


def export_pdf(
    program: Program,
    out_path: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    project_path: Path | None = None,
    sections: Iterable[str] | None = None,
) -> Path:
    """Write the DTPL package PDF for ``program`` to ``out_path`` (atomically, under the
    target's lock; our temporary PDFs left there by a killed export are removed first).

    ``progress(done, 100, text)`` is called from the calling thread per section while the
    story is built and per laid-out flowable (with the page) while pages are laid out;
    ``cancelled()`` is polled at the same points. ``sections``: the section ids to print
    (:mod:`dtpl_studio.reporting.selection`; None: the template's).

    Raises:
        ExportTargetError: see :func:`check_pdf_target`.
        dtpl_studio.reporting.selection.SectionChoiceError: an unknown section id, or none.
        dtpl_studio.services.session.LockedError: another export is writing that PDF.
        dtpl_studio.reporting.dtpl_pdf.ReportCancelled: ``cancelled()`` became true; no file
            is left behind.
    """
    from dtpl_studio.reporting.dtpl_pdf import build_dtpl_pdf
    from dtpl_studio.services.session import target_lock
    from dtpl_studio.tempfiles import remove_leftovers

    out = check_pdf_target(out_path, project_path)
    with target_lock(out, "pdf"):
        remove_leftovers(out.parent, out.name)  # temporary PDFs of an export that was killed
        priced = price_program(program)
        try:
            return build_dtpl_pdf(priced, out, progress=progress, cancelled=cancelled,
                                  sections=sections)
        except OSError as exc:  # ENOSPC names no file (or the temporary one): name the PDF
            from dtpl_studio.errors import from_os_error

            raise from_os_error(exc, out, action="write") from exc


def check_xlsx_target(out_path: Path, project_path: Path | None = None) -> Path:
    """As :func:`check_pdf_target` for the RAB workbook: the name must end in ``.xlsx``."""
    return check_pdf_target(out_path, project_path, suffix=".xlsx")


def export_xlsx(
    program: Program,
    out_path: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    project_path: Path | None = None,
):
    """Write the RAB workbook with live formulas for ``program`` to ``out_path`` (issue 10
    point 7; :mod:`dtpl_studio.spreadsheets.rab_export`): atomically, under the target's lock
    (the PDF export's), our temporary files left there by a killed export removed first.

    Returns:
        ``(path, export_map)``: the written file and where each of the app's figures sits.

    Raises:
        ExportTargetError: see :func:`check_xlsx_target`.
        dtpl_studio.services.session.LockedError: another export is writing that file.
        dtpl_studio.spreadsheets.rab_export.XlsxExportCancelled: ``cancelled()`` became true;
            no file is left behind.
    """
    from dtpl_studio.services.session import target_lock
    from dtpl_studio.spreadsheets.rab_export import write_rab_xlsx
    from dtpl_studio.tempfiles import remove_leftovers

    out = check_xlsx_target(out_path, project_path)
    with target_lock(out, "xlsx"):
        remove_leftovers(out.parent, out.name)
        priced = price_program(program)
        try:
            return out, write_rab_xlsx(priced, out, progress=progress, cancelled=cancelled)
        except OSError as exc:
            from dtpl_studio.errors import from_os_error

            raise from_os_error(exc, out, action="write") from exc


def verify_pdf(pdf_path: Path, project_path: Path):
    """Whether ``pdf_path`` is byte for byte the DTPL PDF that ``project_path`` prints now
    (``dtpl-studio verify``). Returns a :class:`dtpl_studio.reporting.Verdict` (``same``,
    Indonesian ``message``). A PDF printed with some sections left out names its choice in
    its Keywords: the project is printed with the same choice, and the message lists what
    the PDF leaves out.

    Raises:
        OSError: the PDF cannot be read. ProjectFileError (ValueError): the project cannot
            be opened.
    """
    from dtpl_studio.reporting import document_hash, render_dtpl_pdf, verify_pdf_bytes
    from dtpl_studio.reporting.selection import (
        SectionChoiceError,
        canonical_sections,
        empty_reasons,
        left_out,
        sections_in_pdf,
    )
    from dtpl_studio.reporting.template import load_template

    data = Path(pdf_path).read_bytes()
    priced = price_program(open_project(project_path))
    layout = load_template()
    try:
        chosen = canonical_sections(priced, layout, sections_in_pdf(data))
    except SectionChoiceError:  # the Keywords name a section this template does not know
        chosen = None
    expected = render_dtpl_pdf(priced, sections=chosen)
    return verify_pdf_bytes(data, expected, document_hash(priced, chosen), pdf_name=Path(pdf_path).name,
                            project_name=Path(project_path).name,
                            left_out=left_out(layout, chosen, empty_reasons(priced)) if chosen else ())
