#!/usr/bin/env python3
"""Does the PostgreSQL server of the tests answer? ``.ci/run`` calls this before anything else.

The URL is the first argument, else ``$DTPL_STUDIO_TEST_PG``, else the project machines'
default ``postgresql+psycopg://postgres@127.0.0.1:5432/test`` (tests/pg.py reads the same).
``pg_isready`` (Debian package postgresql-client) is used when installed, else a TCP connect.
Standard library only: it runs before the virtual environment exists. Exit 0 when it answers,
1 with a message saying what to do when not.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from urllib.parse import urlsplit

DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def main() -> int:
    url = (sys.argv[1] if len(sys.argv) > 1 else "") or os.environ.get("DTPL_STUDIO_TEST_PG") or DEFAULT
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 5432
    where = f"{host}:{port}"
    if shutil.which("pg_isready"):
        proc = subprocess.run(["pg_isready", "-h", host, "-p", str(port), "-t", "10"],
                              capture_output=True, text=True)
        ok, said = proc.returncode == 0, (proc.stdout + proc.stderr).strip()
    else:
        try:
            with socket.create_connection((host, port), timeout=10):
                ok, said = True, "TCP connect ok"
        except OSError as exc:
            ok, said = False, str(exc)
    if ok:
        print(f"PostgreSQL for the tests: {where} answers ({said})")
        return 0
    print(f"CI needs the PostgreSQL server of the tests at {where}, and it does not answer ({said}).\n"
          "The price-library tests run against it (issue 8 point 6); without it they would be skipped,\n"
          "so CI stops here. Start the server (Debian: apt-get install postgresql; service postgresql\n"
          "start; trust authentication for 127.0.0.1, database 'test'), or set DTPL_STUDIO_TEST_PG to\n"
          "the URL of one (postgresql+psycopg://user@host:port/db).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
