"""Alembic environment of the price library; see :mod:`dtpl_studio.storage.migrate`."""

from dtpl_studio.storage.library_records import LibraryBase
from dtpl_studio.storage.migrate import run_env

run_env(LibraryBase.metadata)
