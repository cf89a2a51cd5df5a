"""Distribution tests (``make dist-test``): they build a wheel / a bundle and run it outside the
repository. Slow (minutes), so they carry the ``dist`` marker, which ``make test`` deselects."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment that knows nothing of the repository or its venv: no PYTHONPATH, no
    VIRTUAL_ENV, a fresh user data folder, Qt offscreen."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if ".venv" not in p)
    env.update(DTPL_STUDIO_HOME=str(home / "home"), DTPL_STUDIO_LIBRARY=str(home / "lib.sqlite"),
               DTPL_STUDIO_SETTINGS=str(home / "settings.ini"), QT_QPA_PLATFORM="offscreen",
               HOME=str(home))
    env.update(extra)
    return env


def run(cmd: list, cwd: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``cmd``; fail the test with its output when it exits non-zero."""
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)
    assert proc.returncode == 0, (
        f"{cmd} exited {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def assert_demo_pdf_cycle(exe: list, work: Path, env: dict) -> None:
    """demo -> export -> check with the given command prefix, in ``work``: a real PDF results."""
    run([*exe, "demo", "demo.dtpl"], work, env)
    run([*exe, "export", "demo.dtpl", "--pdf", "demo.pdf"], work, env)
    pdf = work / "demo.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
    from pypdf import PdfReader

    text = "".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    assert "RAB" in text.upper()
    check = subprocess.run([*map(str, exe), "check", "demo.dtpl"], cwd=work, env=env,
                           capture_output=True, text=True, timeout=300)
    assert check.returncode in (0, 1), check.stderr  # 1 = a BLM check fails: still a verdict
    assert "HASIL:" in check.stdout


def assert_team_library_reachable(exe: list, work: Path, env: dict, pg_server) -> None:
    """The PostgreSQL driver is there (SQLAlchemy's dialect, psycopg and its libpq): the
    command makes a library in a throwaway schema of the test server and prints its roles'
    SQL (``library-roles URL --sql``)."""
    from tests.pg import in_schema, throwaway_schema

    with throwaway_schema(pg_server) as schema:
        out = run([*exe, "library-roles", in_schema(pg_server, schema), "--sql"], work, env).stdout
    assert f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO dtpl_reader;" in out
