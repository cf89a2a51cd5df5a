"""Alembic environment of the project file (``.dtpl``); see :mod:`dtpl_studio.storage.migrate`."""

from dtpl_studio.storage.migrate import run_env
from dtpl_studio.storage.project_records import ProjectBase

run_env(ProjectBase.metadata)
