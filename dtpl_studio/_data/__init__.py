"""Data that ships inside the package: the price book, the DTPL templates and the user guide's
Markdown (``dtpl_studio._data.docs``, read by :mod:`dtpl_studio.ui.guide`).

The repository keeps them at its root (``unit_prices/``, ``templates/``: the project layout of
DESIGN.md §3); the build maps them into this package as ``dtpl_studio._data.unit_prices`` and
``dtpl_studio._data.templates`` (``setup.py``'s ``package_dir``), so an editable install, a wheel
and a PyInstaller bundle all read them through :mod:`importlib.resources`, never through a path
relative to the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The folders that ship, by the name they have at the repository root.
SHIPPED = ("unit_prices", "templates")


class MissingDataError(RuntimeError):
    """Shipped data is missing from the installation (a broken install or build)."""


def data_path(folder: str, *parts: str) -> Path:
    """The file-system path of a shipped file or folder.

    Args:
        folder: ``"unit_prices"`` or ``"templates"``.
        parts: path parts inside it (``"ahsp-cipta-karya-2023"``).

    Returns:
        A :class:`~pathlib.Path` (packages are installed as plain folders: wheel, editable
        install and PyInstaller bundle alike; a zipped install is not supported).

    Raises:
        ValueError: ``folder`` is not one of :data:`SHIPPED`.
        MissingDataError: the package is not importable from the file system.
    """
    if folder not in SHIPPED:
        raise ValueError(f"unknown shipped data folder {folder!r}; one of {SHIPPED}")
    try:
        root = resources.files(f"{__name__}.{folder}")
    except ModuleNotFoundError as exc:
        raise MissingDataError(
            f"data bawaan '{folder}' tidak ada di instalasi DTPL Studio ({exc}); "
            "pasang ulang paketnya"
        ) from exc
    target = root.joinpath(*parts) if parts else root
    if not isinstance(target, Path):
        raise MissingDataError(
            f"data bawaan '{folder}' tidak berada di sistem berkas ({target!r}); "
            "pasang DTPL Studio sebagai folder, bukan arsip zip"
        )
    return target
