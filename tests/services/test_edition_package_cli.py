"""Distribution of price editions (issue 8 point 5) through the command line: ``keygen``,
``export-edition ID OUT.dtplharga --sign``, ``trust-key``, ``import-prices PACKAGE`` and the
unverified mark kept by the library, the project file and the printed DTPL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from dtpl_studio.cli import main
from dtpl_studio.services.prices import read_edition_package
from dtpl_studio.storage.library import PriceLibrary
from tests.services.test_prices_cli import _hspk

BENGKEL = "Bengkel Konstruksi Kota Semarang"


@pytest.fixture
def published(tmp_path, capsys) -> tuple[str, Path, Path]:
    """A library with one published HSPK edition, and the bengkel's key pair."""
    library = str(tmp_path / "bengkel.sqlite")
    assert main(["import-prices", str(_hspk(tmp_path, "Kota Semarang", (25285, 2791592))),
                 "--library", library, "--publish"]) == 0
    assert main(["keygen", BENGKEL, "--out", str(tmp_path / "keys")]) == 0
    out = capsys.readouterr().out
    assert "sidik kunci:" in out and "tanpa kata sandi" in out
    return library, tmp_path / "keys" / "Bengkel-Konstruksi-Kota-Semarang.kunci", \
        tmp_path / "keys" / "Bengkel-Konstruksi-Kota-Semarang.pub"


def test_signed_package_from_bengkel_to_facilitator(published, tmp_path, capsys):
    library, private, public = published
    package = tmp_path / "semarang-2025.dtplharga"
    assert main(["export-edition", "1", str(package), "--sign", str(private), "--library", library]) == 0
    assert f"ditandatangani {BENGKEL}" in capsys.readouterr().out

    laptop = str(tmp_path / "laptop.sqlite")
    # the facilitator has not trusted the bengkel's key yet: refused, nothing stored
    assert main(["import-prices", str(package), "--library", laptop]) == 2
    captured = capsys.readouterr()
    assert "tanda tangan sah, tetapi oleh kunci yang tidak dikenal" in captured.err
    assert "trust-key" in captured.err
    with PriceLibrary(laptop) as lib:
        assert lib.list_editions() == []

    assert main(["trust-key", str(public)]) == 0
    assert main(["import-prices", str(package), "--library", laptop]) == 0
    out = capsys.readouterr().out
    assert f"terverifikasi: ditandatangani {BENGKEL}" in out and "edisi terbit #1" in out
    with PriceLibrary(laptop) as lib:
        (info,) = lib.list_editions()
        book = lib.load_edition(info.id)
    assert info.published and info.verification == "verified" and BENGKEL in info.signer
    assert book.meta.verification == "verified"
    with PriceLibrary(library) as lib:
        assert book.content_hash() == lib.info(1).content_hash
    assert main(["editions", "--library", laptop]) == 0
    assert "paket terverifikasi" in capsys.readouterr().out


def test_one_changed_byte_is_a_clear_refusal(published, tmp_path, capsys):
    library, private, public = published
    package = tmp_path / "p.dtplharga"
    assert main(["export-edition", "1", str(package), "--sign", str(private), "--library", library]) == 0
    data = bytearray(package.read_bytes())
    data[-30] ^= 0x04
    package.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["import-prices", str(package), "--trust", str(public), "--library",
                 str(tmp_path / "l.sqlite")]) == 2
    err = capsys.readouterr().err
    assert "Paket edisi harga ditolak" in err and "tidak ada yang diimpor" in err and str(package) in err
    assert "Traceback" not in err


def test_unsigned_package_only_as_unverified_and_printed_so(published, tmp_path, capsys):
    library, _, _ = published
    package = tmp_path / "unsigned.dtplharga"
    assert main(["export-edition", "1", str(package), "--library", library]) == 0
    assert "TANPA tanda tangan" in capsys.readouterr().out
    laptop = str(tmp_path / "laptop.sqlite")
    assert main(["import-prices", str(package), "--library", laptop]) == 2
    assert "paket tanpa tanda tangan" in capsys.readouterr().err
    assert main(["import-prices", str(package), "--library", laptop, "--allow-unverified"]) == 0
    assert "BELUM TERVERIFIKASI" in capsys.readouterr().out
    assert main(["editions", "--library", laptop]) == 0
    assert "BELUM TERVERIFIKASI" in capsys.readouterr().out


def test_a_draft_is_not_shared_and_a_foreign_file_is_not_replaced(tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite")
    assert main(["import-prices", str(_hspk(tmp_path, "Kab. Klaten", (20371, 2479215))), "--library", library]) == 0
    assert main(["export-edition", "1", str(tmp_path / "d.dtplharga"), "--library", library]) == 2
    assert "belum diterbitkan" in capsys.readouterr().err
    assert not (tmp_path / "d.dtplharga").exists()
    other = tmp_path / "catatan.dtplharga"
    other.write_text("bukan paket")
    with PriceLibrary(library) as lib:
        lib.publish(1)
    assert main(["export-edition", "1", str(other), "--library", library]) == 2
    assert other.read_text() == "bukan paket"


def test_unverified_prices_are_printed_as_unverified(published, tmp_path, capsys):
    """The mark travels: package → library → a project's pinned book → saved file → PDF."""
    from dtpl_studio.services.demo import build_demo_program
    from dtpl_studio.services.prices import load_default_book
    from dtpl_studio.services.project import export_pdf, open_project, save_project

    library, _, _ = published
    package = tmp_path / "unsigned.dtplharga"
    assert main(["export-edition", "1", str(package), "--library", library]) == 0
    book, check = read_edition_package(package)
    assert check.status == "unverified"
    program = build_demo_program(load_default_book())
    pinned = program.packages[0].book
    pinned.meta.verification, pinned.meta.signer = book.meta.verification, book.meta.signer
    path = tmp_path / "proyek.dtpl"
    save_project(program, path)
    reopened = open_project(path)
    assert reopened.packages[0].book.meta.verification == "unverified"
    pdf = export_pdf(reopened, tmp_path / "dtpl.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "BELUM TERVERIFIKASI" in " ".join(text.split())


def test_diff_editions_between_library_folder_package_and_shipped(published, tmp_path, capsys):
    library, private, _ = published
    assert main(["import-prices", str(_hspk(tmp_path, "Kab. Klaten", (20371, 2479215))), "--library", library]) == 0
    package = tmp_path / "p.dtplharga"
    assert main(["export-edition", "1", str(package), "--sign", str(private), "--library", library]) == 0
    capsys.readouterr()
    assert main(["diff-editions", "1", "2", "--library", library]) == 0
    out = capsys.readouterr().out
    assert "analisa: 2 isinya berubah" in out and "wilayah: Kota Semarang → Kab. Klaten" in out
    assert "2.791.592" in out and "2.479.215" in out and "−312.377" in out and "−11,2 %" in out
    assert main(["diff-editions", "1", str(package), "--library", library]) == 0
    assert "kedua edisi sama" in capsys.readouterr().out
    assert main(["diff-editions", "bawaan", "bawaan"]) == 0
    assert main(["diff-editions", "1", str(tmp_path / "tidak-ada"), "--library", library]) == 2
    assert "bukan nomor edisi pustaka" in capsys.readouterr().err


def test_edition_spreadsheet_export_edit_diff_apply(published, tmp_path, capsys):
    """Export → edit in a spreadsheet → diff → apply: a published edition gets a new draft;
    the same sheet applied again changes nothing (said so); another edit from an old export
    is a conflict naming who changed it; a sheet applied to another edition is refused."""
    from openpyxl import load_workbook

    def edit(path, price):
        wb = load_workbook(path)
        wb["Baris analisa"]["G2"] = price
        wb.save(path)

    library, _, _ = published
    sheet = tmp_path / "edisi-1.xlsx"
    assert main(["export-edition", "1", str(sheet), "--library", library]) == 0
    assert "--onto 1" in capsys.readouterr().out
    assert main(["import-prices", str(sheet), "--onto", "1", "--library", library]) == 2  # no edit
    assert "sudah berisi persis isi lembar kerja ini" in capsys.readouterr().err
    edit(sheet, 26_000)
    assert main(["import-prices", str(sheet), "--onto", "1", "--library", library]) == 0
    out = capsys.readouterr().out
    assert "analisa: 1 isinya berubah" in out and "edisi draf baru #2" in out
    with PriceLibrary(library) as lib:
        assert lib.info(1).published and not lib.info(2).published
        assert lib.load_edition(2).unit_rate("1.1.1.5") == 26_000

    draft = tmp_path / "edisi-2.xlsx"
    assert main(["export-edition", "2", str(draft), "--library", library]) == 0
    assert main(["import-prices", str(draft), "--onto", "1", "--library", library]) == 2
    assert "diekspor dari edisi #2, bukan #1" in capsys.readouterr().err
    edit(draft, 27_000)
    capsys.readouterr()
    assert main(["diff-editions", "2", str(draft), "--library", library]) == 0
    assert "26.000" in capsys.readouterr().out
    assert main(["import-prices", str(draft), "--onto", "2", "--library", library]) == 0
    assert "edisi draf #2 diperbarui" in capsys.readouterr().out
    with PriceLibrary(library) as lib:
        assert lib.load_edition(2).unit_rate("1.1.1.5") == 27_000
    assert main(["import-prices", str(draft), "--onto", "2", "--library", library]) == 2  # again
    assert "tidak ada yang diubah" in capsys.readouterr().err
    edit(draft, 28_000)  # another edit made on the old export
    assert main(["import-prices", str(draft), "--onto", "2", "--library", library]) == 2
    assert "telah diubah" in capsys.readouterr().err


def test_publish_a_draft_from_the_command_line(tmp_path, capsys):
    library = str(tmp_path / "lib.sqlite")
    assert main(["import-prices", str(_hspk(tmp_path, "Kab. Klaten", (20371, 2479215))), "--library", library]) == 0
    assert main(["publish", "1", "--library", library]) == 0
    assert "diterbitkan" in capsys.readouterr().out
    with PriceLibrary(library) as lib:
        assert lib.info(1).published
    assert main(["publish", "1", "--library", library]) == 2  # published already: said, not a traceback
    assert "Traceback" not in capsys.readouterr().err
