"""``dtpl-studio rekap PROJECT [--paket N] [--csv OUT.csv]`` and the CSV it writes."""

from __future__ import annotations

import csv
import io

import pytest

from dtpl_studio.cli import main
from dtpl_studio.costing.numbers import parse_number
from dtpl_studio.services.kebutuhan import CSV_COLUMNS, project_schedule
from dtpl_studio.services.project import open_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    path = tmp_path_factory.mktemp("rekap") / "demo.dtpl"
    assert main(["demo", str(path)]) == 0
    return path


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheets
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def number(text: str):
    return parse_number(text) if text else None


def test_rekap_prints_the_schedule(project, capsys):
    assert main(["rekap", str(project)]) == 0
    out = capsys.readouterr().out
    assert "Rekap kebutuhan bahan & tenaga kerja" in out
    assert "Pekerja" in out and "409,5190 OH" in out
    assert "481,82 zak 50 kg" in out
    assert "Jumlah biaya langsung RAB" in out and "326.195.642" in out


def test_rekap_csv_reconciles_with_the_rab(project, tmp_path, capsys):
    out = tmp_path / "rekap.csv"
    assert main(["rekap", str(project), "--csv", str(out)]) == 0
    assert "rekap kebutuhan ditulis" in capsys.readouterr().out
    rows = read_csv(out)
    assert tuple(rows[0]) == CSV_COLUMNS
    body = rows[1:]
    amount = CSV_COLUMNS.index("Jumlah Harga (Rp)")
    resources = [r for r in body if r[0] in ("Tenaga kerja", "Bahan", "Peralatan") and r[1]]
    others = [r for r in body if r[0] in ("Tidak diuraikan", "Penyesuaian")]
    total = next(r for r in body if r[0] == "Jumlah")
    assert sum(number(r[amount]) for r in resources + others) == number(total[amount])
    _, schedule = project_schedule(open_project(project))
    assert number(total[amount]) == schedule.direct
    pekerja = next(r for r in resources if r[3] == "Pekerja")
    qty, price = CSV_COLUMNS.index("Kuantitas"), CSV_COLUMNS.index("Harga Satuan (Rp)")
    assert number(pekerja[qty]) * number(pekerja[price]) == number(pekerja[amount])
    # a programme schedule names the package of each item
    assert pekerja[-1].startswith("P2 II.1")
    semen = next(r for r in resources if r[3] == "Semen portland")
    assert semen[CSV_COLUMNS.index("Kuantitas Beli")] == "481,82 zak 50 kg; 602,28 zak 40 kg"


def test_rekap_of_one_package(project, tmp_path):
    out = tmp_path / "paket2.csv"
    assert main(["rekap", str(project), "--paket", "2", "--csv", str(out)]) == 0
    rows = read_csv(out)
    pekerja = next(r for r in rows if r[3] == "Pekerja")
    assert pekerja[-1].startswith("II.1,")
    assert sum(1 for r in rows if r[0] == "Tidak diuraikan") == 2


def test_rekap_errors_are_messages(project, tmp_path, capsys):
    assert main(["rekap", str(project), "--paket", "7"]) == 2
    assert "Paket 7 tidak ada" in capsys.readouterr().err
    assert main(["rekap", str(project), "--csv", str(tmp_path / "x.txt")]) == 2
    assert ".csv" in capsys.readouterr().err
    assert main(["rekap", str(project), "--csv", str(project)]) == 2
    assert project.stat().st_size > 0
    assert main(["rekap", str(tmp_path / "missing.dtpl")]) == 2
