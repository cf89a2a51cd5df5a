"""Build the DTPL package PDF (*Dokumen Teknis Pembangunan Lingkungan*) of a priced programme.

The sections, their order, their titles and which are printed come from the template
``templates/dtpl-plpbk.json`` (:mod:`dtpl_studio.reporting.template`). The shipped order
(DOMAIN.md §4.4, the parts the costing core can fill today):

1. Sampul; 2. Lembar pengesahan; 3. Daftar isi; 3a. Data umum; peta lokasi & gambar kerja (attached
   drawings, their PDF pages merged with pypdf: :mod:`.sections.attachments`); spesifikasi
   teknis (the RKS clauses the RAB uses: :mod:`.sections.specs`);
4. per package: data, Rekapitulasi RAB, Rincian RAB, Back-up perhitungan volume;
5. Analisa harga satuan pekerjaan (A–F of every analysis used, with sub-analyses);
6. Daftar harga satuan dasar (upah/bahan/alat used, with the book's provenance);
6a. Rekap kebutuhan bahan & tenaga kerja (per package; the programme when several packages
    have analyses);
6b. Jadwal pelaksanaan dan kurva S (per package, A4 landscape);
7. Pemeriksaan pagu BLM, the lampiran (photos, scans), then the document hash (Keterangan dokumen).

Every page carries "Halaman n dari N", the programme and kelurahan, and the first 16 hex
digits of the document hash; the DRAFT watermark is drawn on every page when a ceiling
check (or an item) fails, or when the caller asks for a draft.
"""

from __future__ import annotations

import gc
import io
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from dtpl_studio.costing.rab import PricedProgram
from dtpl_studio.reporting.common import BuildContext
from dtpl_studio.reporting.doc_template import DtplDocTemplate, PageTotal
from dtpl_studio.reporting.errors import ReportCancelled
from dtpl_studio.reporting.fonts import collect_replacements
from dtpl_studio.reporting.hashing import document_hash
from dtpl_studio.reporting.sections import (
    build_analyses,
    build_approval,
    build_backup_volume,
    build_blm_check,
    build_cover,
    build_data_umum,
    build_document_info,
    build_jadwal,
    build_kebutuhan,
    build_package_heading,
    build_price_lists,
    build_rab_detail,
    build_rab_summary,
    build_toc,
)
from dtpl_studio.reporting.sections.attachments import build_drawings, build_lampiran, merge_sheets
from dtpl_studio.reporting.sections.specs import build_specs
from dtpl_studio.reporting.selection import (
    SECTIONS_KEY,
    apply_sections,
    canonical_sections,
    empty_reasons,
    left_out,
)
from dtpl_studio.reporting.styles import make_styles
from dtpl_studio.reporting.template import DtplTemplate, load_template
from dtpl_studio.reporting.verify import HASH_KEY
from dtpl_studio.tempfiles import write_atomic

__all__ = ["MAX_PASSES", "PROGRESS_TOTAL", "ReportCancelled", "build_dtpl_pdf", "render_dtpl_pdf",
           "will_be_draft"]

ProgressFn = Callable[[int, int, str], None]

#: Progress scale: ``progress(done, PROGRESS_TOTAL, text)``.
PROGRESS_TOTAL = 100
_STORY_SHARE = 10  # 0–10: building the story; 10–95: laying out pages; 100: written
_LAYOUT_SHARE = 85
_EXPECTED_PASSES = 2  # TOC + page total usually settle in two passes (a third is clamped)
MAX_PASSES = 8


class _Progress:
    """Monotonic, de-duplicated progress reports on a 0–100 scale."""

    def __init__(self, fn: ProgressFn | None) -> None:
        self._fn = fn
        self._last = -1

    def __call__(self, done: int, text: str) -> None:
        done = max(self._last, min(PROGRESS_TOTAL, done))
        if self._fn is not None and done != self._last:
            self._fn(done, PROGRESS_TOTAL, text)
        self._last = done


def will_be_draft(priced: PricedProgram, draft: bool | None = None) -> bool:
    """Whether :func:`build_dtpl_pdf` prints the DRAFT watermark: when ``draft`` is True,
    or when any ceiling check fails or any item could not be priced (``priced.passed`` is
    False). A failing package is never printed without the watermark."""
    return bool(draft) or not priced.passed


def build_dtpl_pdf(
    priced: PricedProgram,
    out_path: Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    draft: bool | None = None,
    template: Path | None = None,
    sections: Iterable[str] | None = None,
) -> Path:
    """Write the DTPL package of ``priced`` to ``out_path`` (A4 PDF) and return the path.

    The figures printed are those of ``priced`` (from
    :func:`dtpl_studio.costing.rab.price_program`), never recomputed: every RAB row prints
    ``PricedItem.volume``, ``.rate`` and ``.amount``, so printed volume × printed rate =
    printed amount (DESIGN.md §5).

    The output is deterministic (ReportLab ``invariant=1``, fixed fonts, CreationDate = the
    project's document date, :func:`~dtpl_studio.reporting.verify.document_date`): the same
    priced content gives the same bytes. The file is written atomically: the whole PDF is
    built in memory, written to a temporary file beside ``out_path``, flushed, and moved in
    place with :func:`os.replace`; an existing ``out_path`` is untouched until then.

    Runs on the caller's thread (call it from a worker, DESIGN.md §8); it takes no lock.

    Args:
        priced: the priced programme.
        out_path: the PDF file to write; its folder must exist.
        progress: called as ``progress(done, 100, text)`` with a non-decreasing ``done``
            (Indonesian ``text``), from the calling thread.
        cancelled: polled between sections and after every laid-out flowable; when it
            returns True the build stops.
        draft: True prints the DRAFT watermark on every page; None or False print it only
            when a check fails (see :func:`will_be_draft`).
        template: the section layout to use; None reads the shipped
            :data:`~dtpl_studio.reporting.template.DEFAULT_TEMPLATE`.
        sections: the section ids to print (:mod:`dtpl_studio.reporting.selection`);
            None prints the template's. A choice that leaves something out is covered by
            the document hash and named in the PDF's Keywords; the Daftar isi and the
            "Halaman n dari N" count only what is printed.

    Returns:
        ``out_path`` as a :class:`~pathlib.Path`.

    Raises:
        ReportError: the template is missing or malformed (the message names the file and
            the key), or ``sections`` names an unknown id; nothing is written.
        ReportCancelled: ``cancelled()`` turned true; no file (and no temporary file) is
            left and an existing ``out_path`` is unchanged.
        OSError: the file cannot be written (the temporary file is removed).
    """
    out_path = Path(out_path)
    data = render_dtpl_pdf(priced, progress=progress, cancelled=cancelled, draft=draft,
                           template=template, sections=sections, _final=False)
    if cancelled is not None and cancelled():
        raise ReportCancelled("pembuatan PDF dibatalkan")
    if progress is not None:
        progress(97, PROGRESS_TOTAL, "Menyimpan berkas")
    _write_atomic(out_path, data)
    if progress is not None:
        progress(PROGRESS_TOTAL, PROGRESS_TOTAL, "Selesai")
    return out_path


def render_dtpl_pdf(
    priced: PricedProgram,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    draft: bool | None = None,
    template: Path | None = None,
    sections: Iterable[str] | None = None,
    _final: bool = True,
) -> bytes:
    """The bytes of the DTPL package PDF of ``priced`` (what :func:`build_dtpl_pdf` writes).

    Deterministic: the same priced programme, draft flag and template give the same bytes
    (used by ``dtpl-studio verify``). Arguments and errors as :func:`build_dtpl_pdf`.
    """
    with _fewer_collections():
        return _render(priced, progress=progress, cancelled=cancelled, draft=draft,
                       template=template, sections=sections, final=_final)


#: Gen-0 threshold of the garbage collector while a PDF is built (Python's default: 700).
GC_THRESHOLD = 10_000
_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, int, int] | None = None


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the body with the objects that exist already (the priced programme, its books)
    kept out of the garbage collector's scans (``gc.freeze``) and a gen-0 threshold of
    :data:`GC_THRESHOLD` allocations: building a package allocates millions of small
    objects (cells, styles, flowables) that live until the page is drawn, and the cyclic
    collector scanned them some 2 000 times, an eighth of the export (issue 9, measured at
    1 000 RAB lines: 4,3 → 3,8 s CPU, peak memory unchanged). Nothing is leaked: the
    thresholds are restored and the objects unfrozen when the last build running ends.
    """
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(max(GC_THRESHOLD, _gc_saved[0]), *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_saved is not None:
                gc.set_threshold(*_gc_saved)
                gc.unfreeze()


def _render(priced: PricedProgram, *, progress, cancelled, draft, template,
            sections: Iterable[str] | None, final: bool) -> bytes:
    report = _Progress(progress)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled("pembuatan PDF dibatalkan")

    full = load_template(template)
    chosen = canonical_sections(priced, full, sections)
    layout = apply_sections(full, sections)
    check_cancel()
    report(0, "Menyiapkan dokumen")
    ctx = BuildContext(priced=priced, styles=make_styles(), template=layout,
                       doc_hash=document_hash(priced, chosen), draft=will_be_draft(priced, draft),
                       check_cancel=check_cancel,
                       left_out=tuple(left_out(full, chosen, empty_reasons(priced))) if chosen else ())
    with collect_replacements():
        story = _story(ctx, report)
    buffer = io.BytesIO()
    with_cover = any(spec.id == "cover" for spec in layout.enabled())
    extra = {} if chosen is None else {"keywords": [f"{HASH_KEY}{ctx.doc_hash}",
                                                    SECTIONS_KEY + ",".join(chosen)]}
    doc = DtplDocTemplate(buffer, priced=priced, doc_hash=ctx.doc_hash, draft=ctx.draft,
                          cover=with_cover, **extra)
    story.append(PageTotal(doc))
    doc.setProgressCallBack(_layout_progress(report, check_cancel, doc))
    doc.build_passes(story, MAX_PASSES)
    check_cancel()
    data = buffer.getvalue()
    if ctx.sheet_boxes:
        report(96, "Menggabungkan gambar PDF")
        data = merge_sheets(data, ctx.sheet_boxes, priced.program.attachments)
    if final:
        report(PROGRESS_TOTAL, "Selesai")
    return data


def _steps(ctx: BuildContext,
           layout: DtplTemplate) -> list[tuple[str, Callable[[], list[Flowable]]]]:
    """``(progress text, builder)`` of every enabled section, in the template's order."""
    single: dict[str, Callable[[BuildContext], list[Flowable]]] = {
        "cover": build_cover,
        "approval": build_approval,
        "toc": build_toc,
        "data_umum": build_data_umum,
        "analysis": build_analyses,
        "prices": build_price_lists,
        "kebutuhan": build_kebutuhan,
        "jadwal": build_jadwal,
        "blm": build_blm_check,
        "document": build_document_info,
        "gambar": build_drawings,
        "lampiran": build_lampiran,
        "spesifikasi": build_specs,
    }
    parts = {"rekap": build_rab_summary, "rincian": build_rab_detail,
             "backup": build_backup_volume}
    steps: list[tuple[str, Callable[[], list[Flowable]]]] = []
    for spec in layout.enabled():
        if spec.id != "packages":
            steps.append((spec.title, lambda b=single[spec.id]: b(ctx)))
            continue
        for number, pp in enumerate(ctx.priced.packages, start=1):
            steps.append((f"Paket {number}",
                          lambda n=number, p=pp: build_package_heading(ctx, n, p)))
            for part in layout.enabled_parts():
                steps.append((f"Paket {number}: {part.title}",
                              lambda b=parts[part.id], n=number, p=pp: b(ctx, n, p)))
    return steps


def _story(ctx: BuildContext, report: _Progress) -> list[Flowable]:
    """All enabled sections in the template's order; one builder per section."""
    steps = _steps(ctx, ctx.template)
    story: list[Flowable] = []
    for i, (text, build) in enumerate(steps):
        ctx.check_cancel()
        report(i * _STORY_SHARE // len(steps), f"Menyusun {text}")
        story += build()
    while story and isinstance(story[0], PageBreak):  # no blank first page without a cover
        story.pop(0)
    return story


def _layout_progress(report: _Progress, check_cancel: Callable[[], None], doc=None):
    """A ReportLab progress callback (``setProgressCallBack``) mapping passes and flowables
    onto the 10–95 range, checking for cancellation on every event; the text names the
    page being laid out (``doc.page``) when ``doc`` is given."""
    state = {"pass": 1, "size": 1}

    def on_progress(kind: str, value: int) -> None:
        check_cancel()
        if kind == "PASS":
            state["pass"] = value
        elif kind == "SIZE_EST":
            state["size"] = max(1, value)
        elif kind == "PROGRESS":
            fraction = (state["pass"] - 1 + value / state["size"]) / _EXPECTED_PASSES
            done = _STORY_SHARE + int(_LAYOUT_SHARE * min(fraction, 1.0))
            page = f" {doc.page}" if doc is not None and getattr(doc, "page", 0) else ""
            report(min(done, 95), f"Menata halaman{page} (lintasan {state['pass']})")

    return on_progress


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    write_atomic(path, data)
