"""``dtpl-studio``: the GUI without arguments; headless subcommands for CI and batch work.

Subcommands (DESIGN.md §8):

* ``demo OUT.dtpl`` — build the demo PLP-BK project from the shipped price book;
* ``export PROJECT --pdf OUT.pdf [--sections a,b,…]`` — print the DTPL package (only the
  named template sections with ``--sections``: :mod:`dtpl_studio.reporting.selection`);
* ``export PROJECT --xlsx OUT.xlsx`` — the RAB, analyses and price list as a workbook with
  live formulas (:mod:`dtpl_studio.spreadsheets.rab_export`);
* ``check PROJECT [--json]`` — price the programme and print its BLM verdict (totals per
  package/component/source, every finding with code, severity, amounts); exit 0 passed,
  1 a rule fails (ceiling, swadaya, termin, price basis), 2 could not check (items in error,
  no rule, unreadable project);
* ``rekap PROJECT [--paket N] [--csv OUT.csv]`` — the rekap kebutuhan bahan & tenaga kerja
  (material and labour schedule) of the programme or of package N: printed as text, or
  written as CSV (Indonesian headings and number format, ``;``-separated, see
  :mod:`dtpl_studio.services.kebutuhan`);
* ``audit PROJECT [--pdf OUT.pdf]`` — the audit log (price edits, overrides, re-pricing, saves)
  with its hash chain checked; exit 1 when it was edited outside DTPL Studio;
* ``verify FILE.pdf PROJECT`` — exit 0 when the PDF is byte for byte what the project
  prints, 1 (with the reason, in Indonesian) when not;
* ``import-prices FILE [--layout L] [--region R] [--year Y] [--publish] [--write-edition DIR]
  [--report FILE] [--library URL | --no-library]`` — import a price file of any known layout
  (``ahsp-xlsx``, ``edisi-xlsx``, ``hspk-json``, ``harga-csv``, ``ssh-csv``, ``analisa-csv``,
  ``sni-flat``; detected unless ``--layout``
  names it; an unknown one is refused naming the known ones), print the import report
  summary, store the edition in the price library in one transaction (a draft, or published
  with ``--publish``); nothing is stored when the report has errors; with
  ``--write-edition`` also write it in the project's open format (this is how
  ``unit_prices/`` is regenerated: ``make prices``);
  ``sni-flat`` only: ``--accept-corrections`` applies the proposed ÷1000 corrections of
  coefficients that lost their decimal separator, ``--prices SPEC`` prices the coefficient
  table from a price file, a library edition or ``bawaan``; ``--publish`` is refused while a
  used resource has no price;
* ``units [--unmapped] [--map SPELLING=unit]`` — the user's unit spellings: the ones the last
  imports could not read, and remembering one (:mod:`dtpl_studio.services.units`);
* ``editions [--library URL]`` — the library's editions: id, region, year, edition, kind,
  status, counts;
* ``catalogue [EDITION] [--search TEXT] [--library URL]`` — code, name, unit and unit rate
  (Indonesian number format) of an edition (default: the newest);
* ``export-edition ID OUT [--library URL]`` — write a library edition as an edition folder;
* ``import-rab FILE [--sheet NAME] --out NEW.dtpl [--force] [--report R.txt]`` — import an
  existing RAB workbook or CSV export as a new package in a new project: prints the report
  summary, the imported subtotal and the file's own; exit 1 (nothing written) when a cell was
  refused;
* ``library-roles URL [--editor LOGIN]… [--reader LOGIN]… [--sql]`` — on a team price library
  (PostgreSQL), create the roles ``dtpl_editor`` (read/write) and ``dtpl_reader`` (read only,
  enforced by the server) and make the given logins members; ``--sql`` prints the SQL instead;
* ``gui [PROJECT]`` — the window (also the default; ``dtpl-studio PROJECT.dtpl`` is the same).

Exit codes: 0 ok, 1 check failed or import not usable, 2 usage or input error (message on
stderr, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dtpl_studio.errors import DtplError


def version_text() -> str:
    """``dtpl-studio 0.1.0`` plus the shipped price-book edition and the licence (one line
    each), as ``--version`` prints it."""
    from dtpl_studio import __version__
    from dtpl_studio.services.about import about_info

    info = about_info()
    return (f"dtpl-studio {__version__}\nbuku harga bawaan: {info.edition}\n"
            f"lisensi: {info.licence}")


class _VersionAction(argparse.Action):
    """``--version`` printed as is (argparse's own action re-wraps the lines)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_text())
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dtpl-studio", description="DTPL Studio — RAB dan DTPL PLP-BK")
    p.add_argument("--version", action=_VersionAction, help="version, price book, licence")
    p.add_argument("--debug", action="store_true",
                   help="also print the log (tracebacks) on stderr; same as DTPL_STUDIO_DEBUG=1")
    sub = p.add_subparsers(dest="command")
    g = sub.add_parser("gui", help="open the window (default)")
    g.add_argument("project", nargs="?", type=Path)
    d = sub.add_parser("demo", help="build the demo project")
    d.add_argument("out", type=Path)
    d.add_argument("--force", action="store_true", help="replace an existing file")
    e = sub.add_parser("export", help="export the DTPL package")
    e.add_argument("project", type=Path)
    out = e.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", type=Path, help="output PDF path")
    out.add_argument("--xlsx", type=Path, help="the RAB as an xlsx workbook with live formulas")
    e.add_argument("--sections", metavar="A,B,…",
                   help="print only these sections (template ids: cover, approval, toc, data_umum, "
                        "gambar, spesifikasi, packages, rekap, rincian, backup, analysis, prices, "
                        "kebutuhan, jadwal, blm, lampiran, document; packages without a part id "
                        "prints the template's parts); default: the template's")
    c = sub.add_parser("check", help="price the project and check the BLM ceilings")
    c.add_argument("project", type=Path)
    c.add_argument("--json", action="store_true", help="print the verdict as JSON")
    r = sub.add_parser("rekap", help="material and labour schedule (rekap kebutuhan)")
    r.add_argument("project", type=Path)
    r.add_argument("--paket", type=int, metavar="N", help="package number (default: whole programme)")
    r.add_argument("--csv", type=Path, metavar="OUT.csv", help="write it as CSV")
    a = sub.add_parser("audit", help="show and check the project's audit log (hash chain)")
    a.add_argument("project", type=Path)
    a.add_argument("--pdf", type=Path, help="also print it to this PDF")
    v = sub.add_parser("verify", help="is FILE.pdf exactly what PROJECT.dtpl prints?")
    v.add_argument("pdf", type=Path)
    v.add_argument("project", type=Path)
    i = sub.add_parser("import-prices", help="import a price file (AHSP workbook, HSPK JSON, price-list or SSH CSV, "
                                             "or a .dtplharga edition package)")
    i.add_argument("file", type=Path)
    i.add_argument("--layout", metavar="L", help="ahsp-xlsx, edisi-xlsx, hspk-json, harga-csv, ssh-csv, analisa-csv "
                                               "or sni-flat (default: detected)")
    i.add_argument("--region", metavar="R", help="region (kab/kota) when the file does not say it")
    i.add_argument("--year", type=int, metavar="Y", help="year when the file does not say it")
    i.add_argument("--publish", action="store_true", help="store the edition published (immutable)")
    i.add_argument("--accept-corrections", action="store_true",
                   help="sni-flat: apply the proposed decimal corrections of implausible coefficients (÷1000)")
    i.add_argument("--prices", metavar="SPEC",
                   help="sni-flat: price the resources from a price file, a library edition id or 'bawaan'")
    i.add_argument("--write-edition", type=Path, metavar="DIR", help="write the edition in the open format")
    i.add_argument("--report", type=Path, metavar="FILE", help="write the full import report")
    i.add_argument("--onto", type=int, metavar="ID",
                   help="edition spreadsheet: apply it to library edition ID (a published one gets a new draft)")
    i.add_argument("--trust", type=Path, action="append", default=[], metavar="KEY.pub",
                   help="edition package: also trust this public key (repeatable)")
    i.add_argument("--allow-unverified", action="store_true",
                   help="edition package: import it even unsigned or signed by an unknown key (marked so)")
    lib = i.add_mutually_exclusive_group()
    lib.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    lib.add_argument("--no-library", action="store_true", help="do not store the edition in the library")
    ed = sub.add_parser("editions", help="list the price library's editions")
    ed.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    ca = sub.add_parser("catalogue", help="list an edition's codes, names, units and unit rates")
    ca.add_argument("edition", nargs="?", type=int, metavar="EDITION", help="edition id (default: the newest)")
    ca.add_argument("--search", default="", metavar="TEXT", help="only codes/names containing every word")
    ca.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    ex = sub.add_parser("export-edition", help="write a library edition in the open edition format, "
                                               "or as one package file (OUT.dtplharga), signed with --sign")
    ex.add_argument("edition", type=int, metavar="ID")
    ex.add_argument("out", type=Path, metavar="OUT",
                    help="edition folder (new, empty or an edition), a package file ending in .dtplharga, "
                         "or the edition spreadsheet OUT.xlsx (edit it, then import-prices OUT.xlsx --onto ID)")
    ex.add_argument("--sign", type=Path, metavar="KEY.kunci",
                    help="package: sign it with this private key (passphrase: $DTPL_STUDIO_KEY_PASSPHRASE)")
    df = sub.add_parser("diff-editions", help="what changed between two price editions (prices, analyses, rates)")
    df.add_argument("old", metavar="OLD", help="edition id, 'bawaan', an edition folder or a .dtplharga package")
    df.add_argument("new", metavar="NEW", help="the same kinds as OLD")
    df.add_argument("--all", action="store_true", help="every changed row (default: the 40 largest per table)")
    df.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    pb = sub.add_parser("publish", help="publish a draft edition of the price library (immutable from then on)")
    pb.add_argument("edition", type=int, metavar="ID")
    pb.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    kg = sub.add_parser("keygen", help="make a bengkel's key pair for signing edition packages")
    kg.add_argument("name", metavar="NAME", help='the signer, e.g. "Bengkel Konstruksi Kota Semarang"')
    kg.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="folder for the key files")
    tk = sub.add_parser("trust-key", help="trust a bengkel's public key (KEY.pub) for edition packages")
    tk.add_argument("key", type=Path, metavar="KEY.pub")
    ex.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    ir = sub.add_parser("import-rab", help="import an existing RAB workbook or CSV as a new package")
    ir.add_argument("file", type=Path)
    ir.add_argument("--sheet", metavar="NAME", help="sheet to read (default: the first with a RAB table)")
    ir.add_argument("--out", type=Path, required=True, metavar="NEW.dtpl", help="new project file")
    ir.add_argument("--force", action="store_true", help="replace an existing project file")
    ir.add_argument("--report", type=Path, metavar="FILE", help="write the full import report")
    rp = sub.add_parser("reprice", help="move packages to another price-book edition or region: report; "
                                         "--apply applies and saves")
    rp.add_argument("project", type=Path)
    rp.add_argument("--edition", required=True, metavar="ID",
                    help="library edition id (see 'editions'), or 'bawaan' for the shipped edition")
    rp.add_argument("--paket", type=int, metavar="N", help="package number (default: every package)")
    rp.add_argument("--apply", action="store_true", help="apply and save (audit-log entry per package)")
    rp.add_argument("--json", action="store_true", help="print the whole report as JSON")
    rp.add_argument("--library", metavar="URL", help="price library (default: user data folder)")
    un = sub.add_parser("units", help="unit spellings: the user's mappings, the unmapped list, --map")
    un.add_argument("--unmapped", action="store_true", help="spellings the last imports could not read")
    un.add_argument("--map", action="append", default=[], metavar="SPELLING=unit",
                    help='remember a spelling, e.g. --map "mtr2=m2" (repeatable); re-import afterwards')
    r = sub.add_parser("library-roles", help="team price library (PostgreSQL): editor and reader roles")
    r.add_argument("url", metavar="URL", help="postgresql+psycopg://owner@host/db (the library's owner)")
    r.add_argument("--editor", action="append", default=[], metavar="LOGIN",
                   help="a login role to make an editor (repeat for several)")
    r.add_argument("--reader", action="append", default=[], metavar="LOGIN",
                   help="a login role to make a read-only reader, e.g. a facilitator (repeatable)")
    r.add_argument("--editor-role", default="dtpl_editor", metavar="NAME", help="group role of editors")
    r.add_argument("--reader-role", default="dtpl_reader", metavar="NAME", help="group role of readers")
    r.add_argument("--sql", action="store_true", help="print the SQL for a DBA instead of running it")
    return p


COMMANDS = ("gui", "demo", "export", "check", "rekap", "audit", "verify", "import-prices", "import-rab",
            "library-roles", "editions", "catalogue", "export-edition", "keygen", "trust-key",
            "diff-editions", "reprice", "units", "publish")


class TargetError(DtplError, ValueError):
    """An output path that would overwrite something it must not (``code`` says why)."""

    default_code = "target.invalid"


def check_text_target(path: Path, *, inputs: tuple[Path, ...] = ()) -> Path:
    """A report file may be new, or an existing plain-text report (``.txt``/``.md``); never an
    input, a folder, a device or a file of another kind (workbook, project, library, PDF).

    Raises:
        TargetError: with the path and the reason.
    """
    if any(path.exists() and p.exists() and path.resolve() == p.resolve() for p in inputs):
        raise TargetError(f"{path}: that is the input file itself", code="target.is_input", path=path)
    if path.exists() and not path.is_file():
        raise TargetError(f"{path}: exists and is not a regular file", code="target.not_file", path=path)
    if path.suffix.lower() not in (".txt", ".md", ".log"):
        raise TargetError(f"{path}: a report file name must end in .txt, .md or .log", code="target.suffix",
                          path=path, params={"suffix": ".txt, .md, .log"})
    if not path.parent.is_dir():
        raise TargetError(f"{path}: the folder {path.parent} does not exist", code="target.no_folder",
                          path=path, params={"folder": str(path.parent)})
    return path


def check_edition_target(folder: Path) -> Path:
    """An edition folder may be new, empty, or an existing edition (it is replaced whole).

    Raises:
        TargetError: an existing file, or a non-empty folder that is not an edition.
    """
    if folder.exists():
        if not folder.is_dir():
            raise TargetError(f"{folder}: exists and is not a folder", code="target.not_folder", path=folder)
        if any(folder.iterdir()) and not (folder / "edition.json").is_file():
            raise TargetError(f"{folder}: not empty and not a price-book edition (no edition.json)",
                              code="target.not_edition", path=folder)
    elif not folder.parent.is_dir():
        raise TargetError(f"{folder}: the folder {folder.parent} does not exist", code="target.no_folder",
                          path=folder, params={"folder": str(folder.parent)})
    return folder


def check_project_target(path: Path, force: bool) -> Path:
    """A project file name ends in ``.dtpl``; ``--force`` replaces only a DTPL project.

    Raises:
        TargetError / FileExistsError: with the path and the reason.
    """
    if path.suffix.lower() != ".dtpl":
        raise TargetError(f"{path}: a project file name must end in .dtpl", code="target.suffix",
                          path=path, params={"suffix": ".dtpl"})
    if path.exists():
        if not force:
            raise TargetError(f"{path} exists (use --force to replace it)", code="target.exists", path=path)
        from dtpl_studio.services.project import open_project

        if not path.is_file():
            raise TargetError(f"{path}: exists and is not a regular file", code="target.not_file", path=path)
        open_project(path)  # raises ProjectFileError: --force never replaces another kind of file
    return path


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``dtpl-studio`` and ``python -m dtpl_studio``; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv = ["gui", *argv]  # dtpl-studio PROJECT.dtpl opens the window on that file
    args = _parser().parse_args(argv)
    command = args.command or "gui"
    from dtpl_studio.services.logs import configure_logging

    configure_logging(args.debug)  # tracebacks to the log file, not the terminal
    try:
        if command == "gui":
            from dtpl_studio.ui.app import run_gui

            return run_gui(sys.argv[:1], getattr(args, "project", None))
        if command == "demo":
            from dtpl_studio.services.project import create_demo

            check_project_target(args.out, args.force)
            program = create_demo(args.out, force=args.force)
            print(f"proyek demo ditulis: {args.out} ({len(program.packages)} paket)")
            return 0
        if command == "export" and args.xlsx:
            from dtpl_studio.services.project import check_xlsx_target, export_xlsx, open_project

            check_xlsx_target(args.xlsx, args.project)
            out, xmap = export_xlsx(open_project(args.project), args.xlsx, project_path=args.project)
            print(f"RAB xlsx ditulis: {out} ({len(xmap.rab_sheets)} lembar RAB, rumus dihitung ulang "
                  "saat dibuka; terbilang berupa teks tetap)")
            return 0
        if command == "export":
            from dtpl_studio.services.project import check_pdf_target, export_pdf, open_project

            check_pdf_target(args.pdf, args.project)
            sections = None
            if args.sections is not None:
                from dtpl_studio.services.export_choice import parse_sections_text

                sections = parse_sections_text(args.sections)
            out = export_pdf(open_project(args.project), args.pdf, project_path=args.project,
                             sections=sections)
            print(f"PDF DTPL ditulis: {out}")
            return 0
        if command == "check":
            from dtpl_studio.services.check import render_json, render_text
            from dtpl_studio.services.project import check_project, open_project

            priced = check_project(open_project(args.project))
            print(render_json(priced, args.project) if args.json else render_text(priced))
            _print_audit_warning(args.project)
            return priced.verdict.exit_code
        if command == "rekap":
            from dtpl_studio.services.kebutuhan import (
                check_csv_target,
                project_schedule,
                render_text,
                write_csv,
            )
            from dtpl_studio.services.project import open_project

            if args.csv is not None:
                check_csv_target(args.csv, args.project)
            priced, schedule = project_schedule(open_project(args.project), args.paket)
            if args.csv is None:
                print(render_text(schedule))
            else:
                out = write_csv(schedule, args.csv, priced, args.project)
                print(f"rekap kebutuhan ditulis: {out} ({len(schedule.resources)} sumber daya, "
                      f"{len(schedule.not_broken_down)} item tidak diuraikan)")
            return 0
        if command == "verify":
            from dtpl_studio.services.project import verify_pdf

            verdict = verify_pdf(args.pdf, args.project)
            print(verdict.message)
            return 0 if verdict.same else 1
        if command == "import-prices":
            return _import_prices(args)
        if command == "units":
            return _units(args)
        if command == "import-rab":
            return _import_rab(args)
        if command == "audit":
            return _audit(args)
        if command == "library-roles":
            return _library_roles(args)
        if command == "editions":
            return _editions(args)
        if command == "reprice":
            return _reprice(args)
        if command == "catalogue":
            return _catalogue(args)
        if command == "keygen":
            return _keygen(args)
        if command == "diff-editions":
            return _diff_editions(args)
        if command == "publish":
            from dtpl_studio.services.prices import publish_edition

            digest = publish_edition(args.edition, args.library)
            print(f"edisi #{args.edition} diterbitkan (tidak dapat diubah lagi); sha256 {digest}")
            return 0
        if command == "trust-key":
            from dtpl_studio.services.prices import trust_key

            key = trust_key(args.key)
            print(f"kunci dipercaya: {key.label()} — paket yang ditandatanganinya kini terverifikasi")
            return 0
        if command == "export-edition" and args.out.suffix.lower() == PACKAGE_SUFFIX:
            return _export_package(args)
        if command == "export-edition" and args.out.suffix.lower() == ".xlsx":
            from dtpl_studio.services.prices import export_edition_workbook
            from dtpl_studio.services.project import check_xlsx_target

            check_xlsx_target(args.out)
            book = export_edition_workbook(args.edition, args.out, args.library)
            print(f"lembar kerja edisi #{args.edition} ditulis: {args.out} ({len(book.resources)} upah/bahan/alat, "
                  f"{len(book.analyses)} analisa; sha256 {book.content_hash()}); sunting lalu "
                  f"dtpl-studio import-prices {args.out.name} --onto {args.edition}")
            return 0
        if command == "export-edition":
            from dtpl_studio.services.prices import export_edition

            if args.sign:
                raise TargetError(f"{args.out}: --sign needs a package file", code="target.suffix",
                                  path=args.out, params={"suffix": PACKAGE_SUFFIX})
            check_edition_target(args.out)
            book = export_edition(args.edition, args.out, args.library)
            print(f"edisi #{args.edition} ditulis: {args.out} ({len(book.resources)} upah/bahan/alat, "
                  f"{len(book.analyses)} analisa; sha256 {book.content_hash()})")
            return 0
    except BrokenPipeError:
        return _closed_stdout()
    except Exception as exc:  # noqa: BLE001 - every failure: a message, never a traceback
        from dtpl_studio.ui.messages import explain  # the one place failures get words

        print(f"dtpl-studio {command}: {explain(exc)}", file=sys.stderr)
        return 2
    return 2


#: Exit code of a command whose reader closed its output (``check --json | head``): what a
#: process killed by SIGPIPE reports in a shell (128 + 13), without a message.
EXIT_CLOSED_PIPE = 141


def _closed_stdout() -> int:
    """The reader of stdout went away (``| head``): end quietly, as a CLI killed by SIGPIPE
    does. stdout is pointed at /dev/null so that the interpreter's last flush at exit does
    not fail again (the recipe of the Python documentation, "Note on SIGPIPE")."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_CLOSED_PIPE


PACKAGE_SUFFIX = ".dtplharga"  # dtpl_studio.spreadsheets.edition_package.PACKAGE_SUFFIX


def _passphrase() -> str | None:
    import os

    return os.environ.get("DTPL_STUDIO_KEY_PASSPHRASE") or None


META_WORDS = {"title": "judul", "region": "wilayah", "province": "provinsi", "year": "tahun", "edition": "edisi",
              "kind": "jenis", "legal_ref": "dasar hukum", "effective_date": "tanggal berlaku",
              "rate_rounding": "pembulatan harga satuan", "default_overhead_pct": "biaya umum & keuntungan"}


def _diff_editions(args) -> int:
    """``diff-editions OLD NEW [--all]``: counts, then the changed prices and rates (largest
    change first), Indonesian number format."""
    from dtpl_studio.costing.edition_diff import ADDED, CHANGED, RATE_ONLY, REMOVED
    from dtpl_studio.costing.formatting import format_number, format_rate
    from dtpl_studio.services.prices import diff_editions

    old_title, new_title, diff = diff_editions(args.old, args.new, args.library)
    print(f"perbandingan {old_title} → {new_title}")
    print(diff.summary())
    for name, old, new in diff.meta:
        print(f"  {META_WORDS.get(name, name)}: {old or '-'} → {new or '-'}")
    words = {ADDED: "baru", REMOVED: "dihapus", CHANGED: "berubah", RATE_ONLY: "harga"}
    limit = None if args.all else 40

    def money(value) -> str:
        return "-" if value is None else format_rate(value)

    def pct(change, old) -> str:
        if change is None or not old:
            return ""
        return f"{format_number(change / old * 100, 1)} %".replace("-", "−")

    def table(title: str, heads: list[str], changes: list, name_of) -> None:
        if not changes:
            return
        ordered = sorted(changes, key=lambda c: -abs(c.change) if c.change is not None else 0)
        shown = ordered if limit is None else ordered[:limit]
        print()
        print(f"{title} ({len(changes)}):")
        rows = [[name_of(c), (c.name if len(c.name) <= 60 else c.name[:59] + "…"), c.unit,
                 words[c.status], *cells(c)] for c in shown]
        for text in _table(heads, rows, right={4, 5, 6, 7}):
            print(text)
        if len(ordered) > len(shown):
            print(f"… dan {len(ordered) - len(shown)} lagi (--all)")

    def cells(c) -> list[str]:
        old = getattr(c, "old_price", None) if hasattr(c, "old_price") else c.old_rate
        new = getattr(c, "new_price", None) if hasattr(c, "new_price") else c.new_rate
        return [money(old), money(new), "" if c.change is None else money(c.change), pct(c.change, old)]

    table("Harga dasar", ["Kunci", "Uraian", "Satuan", "Status", "Lama (Rp)", "Baru (Rp)", "Selisih", "%"],
          diff.resources, lambda c: c.key)
    table("Analisa (harga satuan pekerjaan F)", ["Kode", "Uraian", "Satuan", "Status", "Lama (Rp)", "Baru (Rp)",
                                                  "Selisih", "%"], diff.analyses, lambda c: c.code)
    if diff.empty:
        print("kedua edisi sama")
    return 0


def _keygen(args) -> int:
    """``keygen NAME [--out DIR]``: the bengkel's key pair (private key encrypted when
    ``$DTPL_STUDIO_KEY_PASSPHRASE`` is set)."""
    from dtpl_studio.services.prices import make_signing_key

    private, public, key = make_signing_key(args.name, args.out, _passphrase())
    print(f"kunci privat: {private} (simpan baik-baik; jangan dibagikan"
          + ("" if _passphrase() else "; tanpa kata sandi") + ")")
    print(f"kunci publik: {public} (berikan ke fasilitator: dtpl-studio trust-key {public.name})")
    print(f"sidik kunci: {key.key_id} (bacakan saat menyerahkan kunci publik, untuk dicocokkan)")
    return 0


def _export_package(args) -> int:
    """``export-edition ID OUT.dtplharga [--sign KEY]``."""
    from dtpl_studio.services.prices import export_edition_package

    if args.out.exists() and not args.out.is_file():
        raise TargetError(f"{args.out}: exists and is not a regular file", code="target.not_file", path=args.out)
    if args.out.exists():
        from dtpl_studio.services.prices import is_edition_package

        if not is_edition_package(args.out):  # replace only another package, never another file
            raise TargetError(f"{args.out} exists and is not a package", code="target.exists", path=args.out)
    book, signer = export_edition_package(args.edition, args.out, key_path=args.sign,
                                          passphrase=_passphrase(), library_url=args.library)
    who = f"ditandatangani {signer.label()}" if signer else "TANPA tanda tangan (penerima hanya dapat " \
        "mengimpornya sebagai belum terverifikasi)"
    print(f"paket edisi #{args.edition} ditulis: {args.out} ({len(book.resources)} upah/bahan/alat, "
          f"{len(book.analyses)} analisa; sha256 {book.content_hash()}; {who})")
    return 0


def _import_package(args) -> int:
    """``import-prices FILE.dtplharga [--trust KEY.pub] [--allow-unverified]``."""
    from dtpl_studio.services.prices import read_edition_package, store_in_library
    from dtpl_studio.spreadsheets.edition_package import UNVERIFIED, PackageError

    book, check = read_edition_package(args.file, tuple(args.trust))
    meta = book.meta
    name = meta.title or " ".join(p for p in (meta.region, str(meta.year or "")) if p) or "-"
    print(f"paket edisi harga {args.file}: {name} ({meta.kind.value}; {len(book.resources)} upah/bahan/alat, {len(book.analyses)} analisa; "
          f"hash isi {check.content_hash[:12]})")
    print(f"tanda tangan: {check.describe()}")
    if check.status == UNVERIFIED and not args.allow_unverified:
        raise PackageError("unverified package", code="package.unverified", path=args.file,
                           params={"reason": check.why_unverified()})
    if args.write_edition:
        from dtpl_studio.services.prices import write_edition_folder

        write_edition_folder(book, args.write_edition)
        print(f"edisi ditulis: {args.write_edition}")
    if not args.no_library:
        edition_id, where, added = store_in_library(book, args.library, publish=True)
        state = "ditambahkan sebagai edisi terbit" if added else "sudah tersimpan sebagai edisi"
        from dtpl_studio.services.prices import list_editions

        stored = next((i for i in list_editions(args.library)[0] if i.id == edition_id), None)
        marked = stored.verification if stored is not None else check.status
        print(f"pustaka harga {where}: {state} #{edition_id}"
              + (" (BELUM TERVERIFIKASI)" if marked == UNVERIFIED else
                 " (terverifikasi)" if marked == "verified" else ""))
    return 0


def _import_prices(args) -> int:
    from dtpl_studio.services.prices import import_prices, is_edition_package, is_edition_workbook

    if args.layout is None and is_edition_package(args.file):
        if args.write_edition:
            check_edition_target(args.write_edition)
        return _import_package(args)
    if args.report:  # checked before the import: no work is lost to a bad output path
        check_text_target(args.report, inputs=(args.file,))
    if args.write_edition:
        check_edition_target(args.write_edition)
    exported_hash = ""
    if args.onto is not None and args.layout in (None, "edisi-xlsx") and is_edition_workbook(args.file):
        from dtpl_studio.services.prices import read_edition_workbook_file

        book, report, exported_hash = read_edition_workbook_file(args.file)
    else:
        book, report = import_prices(args.file, layout=args.layout, region=args.region, year=args.year,
                                     accept_corrections=args.accept_corrections, prices=args.prices,
                                     library_url=args.library)
    print(report.summary())
    _remember_unmapped(report)
    if args.report:
        from dtpl_studio.services.prices import write_report

        write_report(args.report, report.render())
        print(f"laporan impor ditulis: {args.report}")
    if not report.usable:
        # an import commits whole or not at all: nothing is written or stored
        print("tidak ada yang ditulis atau disimpan: impor ini mengandung galat (lihat laporan impor); "
              "perbaiki sel yang disebut di laporan lalu impor lagi", file=sys.stderr)
        return 1
    if args.write_edition:
        from dtpl_studio.services.prices import write_edition_folder

        write_edition_folder(book, args.write_edition, report=report)
        print(f"edisi ditulis: {args.write_edition}")
    if args.onto is not None:
        return _apply_onto(args, book, exported_hash)
    if args.publish:
        from dtpl_studio.services.prices import book_has_unpriced

        unpriced = book_has_unpriced(book)
        if unpriced:
            print(f"tidak diterbitkan: {len(unpriced)} upah/bahan/alat belum berharga (mis. {unpriced[0]}); "
                  "lengkapi dengan --prices DAFTAR_HARGA, atau simpan sebagai draf (tanpa --publish)",
                  file=sys.stderr)
            return 1
    if not args.no_library:
        from dtpl_studio.services.prices import store_in_library

        edition_id, where, added = store_in_library(book, args.library, publish=args.publish)
        status = "terbit" if args.publish else "draf"
        state = f"ditambahkan sebagai edisi {status}" if added else "sudah tersimpan sebagai edisi"
        print(f"pustaka harga {where}: {state} #{edition_id}")
    return 0


def _remember_unmapped(report) -> None:
    """Keep the import's unknown unit spellings for ``dtpl-studio units --unmapped``."""
    from dtpl_studio.services.units import remember_unmapped

    if remember_unmapped(report):
        print("satuan yang belum dikenal dicatat: lihat dtpl-studio units --unmapped, petakan dengan "
              'dtpl-studio units --map "EJAAN=satuan", lalu impor lagi')


def _units(args) -> int:
    """``units [--unmapped] [--map SPELLING=unit]…``."""
    from dtpl_studio.services.units import map_unit, unmapped_path, unmapped_units, user_units

    for pair in args.map:
        spelling, sep, target = pair.partition("=")
        if not sep or not spelling.strip() or not target.strip():
            print(f"--map {pair!r}: tulis EJAAN=satuan, mis. --map \"mtr2=m2\"", file=sys.stderr)
            return 2
        from dtpl_studio.costing.units import UnknownUnitError

        try:
            symbol = map_unit(spelling, target.strip())
        except UnknownUnitError:
            print(f"--map {pair!r}: satuan {target.strip()!r} tidak dikenal; tulis satuan yang dikenal "
                  "(m, m2, m3, kg, liter, OH, bh, ls, …)", file=sys.stderr)
            return 2
        print(f"dipetakan: {spelling.strip()!r} → {symbol}")
    if args.unmapped:
        rows = unmapped_units()
        print(f"satuan belum dipetakan ({unmapped_path()}):")
        if not rows:
            print("(tidak ada)")
        for spelling, count, places in rows:
            print(f"  {spelling!r}: {count} kali; {'; '.join(places)}")
    elif not args.map:
        mappings = user_units()
        print("pemetaan satuan pengguna:" if mappings else "(belum ada pemetaan satuan pengguna)")
        for spelling, symbol in sorted(mappings.items()):
            print(f"  {spelling!r} → {symbol}")
    return 0


def _apply_onto(args, book, exported_hash: str) -> int:
    """``import-prices FILE --onto ID``: the imported book applied to edition ID (an edited
    edition spreadsheet, with the optimistic lock of the hash it was exported with; or any
    price file, e.g. next year's list of the same region)."""
    from dtpl_studio.services.prices import apply_edition_workbook

    applied = apply_edition_workbook(book, exported_hash, args.onto, args.library)
    print(f"perubahan terhadap edisi #{args.onto}: {applied.diff.summary()}")
    if applied.derived:
        print(f"edisi #{args.onto} sudah terbit (tidak berubah): perubahan disimpan sebagai edisi draf baru "
              f"#{applied.edition_id}")
    else:
        print(f"edisi draf #{applied.edition_id} diperbarui (sha256 {applied.content_hash})")
    return 0


def _import_rab(args) -> int:
    from dtpl_studio.services.rab_import import read_rab, totals_text, write_project

    check_project_target(args.out, args.force)  # checked before the import: no work is lost
    if args.report:
        check_text_target(args.report, inputs=(args.file, args.out))
    result = read_rab(args.file, args.sheet)
    print(result.report.summary())
    _remember_unmapped(result.report)
    for line in totals_text(result):
        print(line)
    if args.report:
        from dtpl_studio.services.prices import write_report

        write_report(args.report, result.report.render())
        print(f"laporan impor ditulis: {args.report}")
    if not result.report.usable:
        print("tidak ada yang ditulis: impor ini mengandung galat (lihat laporan impor); perbaiki sel "
              "yang disebut di laporan lalu impor lagi", file=sys.stderr)
        return 1
    out = write_project(result, args.out)
    print(f"proyek ditulis: {out} (1 paket: {result.package.name})")
    return 0


KIND_WORDS = {"AHSP+HSD": "AHSP+HSD", "HSPK": "HSPK", "SSH": "SSH"}
STATUS_WORDS = {"draft": "draf", "published": "terbit"}
VERIFICATION_WORDS = {"": "impor sendiri", "verified": "paket terverifikasi", "unverified": "BELUM TERVERIFIKASI"}


def _table(heads: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    """Plain text columns (``right``: right-aligned column indexes)."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(heads)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return [line(heads), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _editions(args) -> int:
    """``editions``: the library's editions, Indonesian headings."""
    from decimal import Decimal

    from dtpl_studio.costing.formatting import format_number
    from dtpl_studio.services.prices import list_editions

    infos, where = list_editions(args.library)
    print(f"pustaka harga: {where}")
    if not infos:
        print("(belum ada edisi; impor dengan dtpl-studio import-prices BERKAS)")
        return 0
    rows = [[str(i.id), i.region or "-", str(i.year or "-"), i.edition or "-", KIND_WORDS.get(i.kind, str(i.kind)),
             STATUS_WORDS.get(i.status, i.status), format_number(Decimal(i.resources)), format_number(Decimal(i.analyses)),
             i.source_file or "-", VERIFICATION_WORDS.get(i.verification, i.verification)] for i in infos]
    for text in _table(["ID", "Wilayah", "Tahun", "Edisi", "Jenis", "Status", "Harga dasar", "Analisa", "Berkas",
                        "Asal"], rows, right={0, 6, 7}):
        print(text)
    return 0


def _catalogue(args) -> int:
    """``catalogue [EDITION] [--search TEXT]``: code, name, unit, unit rate (Indonesian format)."""
    from dtpl_studio.costing.formatting import format_rate
    from dtpl_studio.services.prices import catalogue

    title, rows = catalogue(args.edition, args.search, args.library)
    print(f"katalog {title}" + (f", pencarian {args.search!r}" if args.search else "") + f": {len(rows)} baris")
    table = [[r.code or "-", r.name if len(r.name) <= 70 else r.name[:69] + "…", r.unit,
              f"Rp {format_rate(r.rate)}" if r.rate is not None else f"tidak dapat dihitung: {r.error}"]
             for r in rows]
    for text in _table(["Kode", "Uraian", "Satuan", "Harga satuan"], table, right={3}):
        print(text)
    return 0


def _reprice(args) -> int:
    """``reprice PROJECT --edition ID [--paket N] [--apply] [--json]``: the re-pricing report
    of each package (summary, Indonesian numbers); ``--apply`` applies it and saves through
    the project session (its lock; the save writes the audit-log entries)."""
    import json

    from dtpl_studio.costing.edits import EditError
    from dtpl_studio.services.repricing import (
        RepriceError,
        apply_plan,
        load_target,
        plan,
        report_json,
        summary_lines,
    )
    from dtpl_studio.services.session import ProjectSession, read_project

    if args.edition != "bawaan" and not args.edition.isdigit():
        print(f"dtpl-studio reprice: edisi {args.edition!r} bukan nomor edisi pustaka maupun 'bawaan'",
              file=sys.stderr)
        return 2
    book = load_target(args.edition, args.library)
    session = ProjectSession.open(args.project) if args.apply else None
    try:
        if session is not None and session.recovery is not None:
            print(f"dtpl-studio reprice: {args.project} punya salinan pemulihan yang belum diputuskan; "
                  "buka di jendela DTPL Studio dulu", file=sys.stderr)
            return 2
        program = session.program if session is not None else read_project(args.project)
        packages = list(program.packages)
        if args.paket is not None:
            if not 1 <= args.paket <= len(packages):
                print(f"dtpl-studio reprice: paket {args.paket} tidak ada (proyek punya {len(packages)} paket)",
                      file=sys.stderr)
                return 2
            packages = [packages[args.paket - 1]]
        reports = []
        for package in packages:
            try:
                repricing = plan(program, package.id, book)
            except (RepriceError, EditError) as exc:
                print(f"dtpl-studio reprice: {exc}", file=sys.stderr)
                return 2
            if session is not None:
                apply_plan(session, repricing)
            reports.append(repricing.report)
        if session is not None:
            session.save()
        if args.json:
            print(json.dumps({"proyek": str(args.project), "diterapkan": bool(args.apply),
                              "paket": [report_json(r) for r in reports]}, ensure_ascii=False, indent=2))
        else:
            for report in reports:
                for text in summary_lines(report):
                    print(text)
            print(f"diterapkan dan disimpan: {args.project}" if args.apply
                  else "belum diterapkan (tambahkan --apply untuk menerapkan dan menyimpan)")
        return 0
    finally:
        if session is not None:
            session.close()


def _library_roles(args) -> int:
    from dtpl_studio.services.library_team import library_roles

    plan = library_roles(args.url, editor=args.editor_role, reader=args.reader_role,
                         editors=args.editor, readers=args.reader, dry_run=args.sql)
    if args.sql:
        print(f"-- peran pustaka harga DTPL Studio, skema {plan.schema}; jalankan sebagai pemiliknya (psql)")
        print("BEGIN;")
        for statement in plan.statements:
            print(f"{statement};")
        print("COMMIT;")
        return 0
    print(f"pustaka harga skema {plan.schema}: peran {plan.editor} (baca-tulis) dan {plan.reader} "
          "(hanya-baca) siap")
    for group, members in ((plan.editor, plan.editors), (plan.reader, plan.readers)):
        for login in members:
            print(f"  {login}: anggota {group}")
    return 0


def _print_audit_warning(path: Path) -> None:
    """A warning on stderr when the project's audit log was edited outside DTPL Studio."""
    from dtpl_studio.services.audit import audit_findings, audit_trail

    for finding in audit_findings(audit_trail(path)):
        print(f"PERINGATAN: {finding.message}", file=sys.stderr)


def _audit(args) -> int:
    """``audit PROJECT [--pdf OUT]``: the log, oldest first; exit 1 when it was edited."""
    from dtpl_studio.audit import local_time, value_text
    from dtpl_studio.services.audit import audit_findings, audit_trail, export_audit_pdf

    trail = audit_trail(args.project)
    for n, e in enumerate(trail.entries, start=1):
        change = f"  {value_text(e.old) or '—'} → {value_text(e.new) or '—'}" if (e.old or e.new) else ""
        about = f"{e.subject} — {e.detail}" if e.subject and e.detail else (e.subject or e.detail)
        print(f"{n:4} {local_time(e.at)}  {e.who:20} {e.action:15} {about}{change}")
    for finding in audit_findings(trail):
        print(f"PERINGATAN: {finding.message}", file=sys.stderr)
    if trail.intact:
        print(f"log audit utuh: {len(trail.entries)} entri")
    if args.pdf:
        print(f"riwayat perubahan (PDF) tersimpan: {export_audit_pdf(args.project, args.pdf)}")
    return 0 if trail.intact else 1
