"""The process the kill test kills: it saves, autosaves, stores price editions and exports, in
a loop, until it receives SIGKILL (``python -m tests.services.kill_worker FOLDER SEED``).

Every write goes through the same services the window and the CLI use:

* project: ``ProjectSession.open`` → edit → ``autosave`` → edit → ``save`` → ``close``
  (iteration ``k`` sets the probe item's volume to ``k`` then ``k + 0.5``);
* ``import-prices`` targets: ``store_in_library`` (edition ``k``: the probe resource's price is
  ``1000 + k``), ``write_edition_folder`` and ``write_report``;
* ``export``: ``export_pdf`` of the project to ``dtpl.pdf``.

It prints ``ready`` once imported and ``step k …`` as it goes, and ``done k`` when a step
finished (the parent kills at random moments after ``ready``).
"""

from __future__ import annotations

import copy
import random
import sys
from decimal import Decimal
from pathlib import Path

from dtpl_studio.services.prices import store_in_library, write_edition_folder, write_report
from dtpl_studio.services.project import export_pdf
from dtpl_studio.services.session import ProjectSession, read_project
from tests.storage.storage_samples import make_program

PROBE_RESOURCE_INDEX = 0


def probe_item(program):
    """The item whose volume the worker changes (the first without measurement lines)."""
    return next(i for p in program.packages for i in p.items() if not i.measurements)


def edition(k: int):
    """Price book ``k``: the sample book with the probe resource at Rp 1000 + k."""
    book = copy.deepcopy(make_program().packages[0].book)
    resource = list(book.resources.values())[PROBE_RESOURCE_INDEX]
    resource.price = Decimal(1000 + k)
    return book


def main(folder: Path, seed: int) -> None:
    rng = random.Random(seed)
    project, pdf = folder / "proyek.dtpl", folder / "dtpl.pdf"
    library, editions, report = folder / "library.sqlite", folder / "edisi", folder / "laporan.txt"
    print("ready", flush=True)
    k = seed * 1000  # each run numbers its states apart from the others
    while True:
        step = rng.choice(["project", "project", "prices", "export"])
        print(f"step {k} {step}", flush=True)
        if step == "project":
            session = ProjectSession.open(project)
            if session.recovery is not None:
                session.discard_recovery()
            probe_item(session.program).volume = Decimal(k)
            session.touch()
            session.autosave()
            probe_item(session.program).volume = Decimal(k) + Decimal("0.5")
            session.touch()
            session.save()
            session.close()
        elif step == "prices":
            book = edition(k)
            store_in_library(book, str(library))
            write_edition_folder(book, editions)
            write_report(report, f"laporan impor edisi {k}\n" * 2000)
        else:
            export_pdf(read_project(project), pdf)
        print(f"done {k}", flush=True)
        k += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
