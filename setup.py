"""Packaging of the shipped data (everything else is in pyproject.toml).

``unit_prices/``, ``templates/`` and ``docs/`` (the user guide's Markdown and screenshots)
stay at the repository root (the project layout) and are mapped into the package as
``dtpl_studio._data.unit_prices`` / ``.templates`` / ``.docs``, so wheels and editable
installs both carry them and the code reads them with importlib.resources (see
dtpl_studio/_data/__init__.py). pyproject.toml cannot add mapped packages next to
``packages.find``, hence this file.
"""

import subprocess
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

DATA = {"dtpl_studio._data.unit_prices": "unit_prices", "dtpl_studio._data.templates": "templates",
        # the user guide's Markdown and whatever screenshots docs/img holds at build time
        # (`make wheel` / `make dist` run `make screenshots` first): Bantuan › Panduan shows
        # it in the window when no HTML guide was built (dtpl_studio/ui/guide.py)
        "dtpl_studio._data.docs": "docs"}



class BuildPyWithTranslations(build_py):
    """build_py, then compile dtpl_studio/i18n/*.ts to .qm with pyside6-lrelease (PySide6 is a
    build requirement in pyproject.toml) into the build folder, so wheels carry the .qm; the
    guide's English screenshots are left out."""

    def run(self):
        super().run()
        if self.editable_mode:  # editable: `make` compiles in place (make i18n)
            return
        # the guide shows the Indonesian screenshots only: the English ones (-en.png, made to
        # check the English window) stay out of wheels (half the guide's pictures)
        for png in (Path(self.build_lib) / "dtpl_studio" / "_data" / "docs" / "img").glob("*-en.png"):
            png.unlink()
        import PySide6

        here = Path(PySide6.__file__).parent
        lrelease = next(p for p in (here / "lrelease.exe", here / "lrelease") if p.exists())
        out = Path(self.build_lib) / "dtpl_studio" / "i18n"
        out.mkdir(parents=True, exist_ok=True)
        for ts in sorted(Path("dtpl_studio/i18n").glob("*.ts")):
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
                           check=True)


setup(
    cmdclass={"build_py": BuildPyWithTranslations},
    # namespace discovery: folders without __init__.py (migrations/versions) are packages too
    packages=find_namespace_packages(include=["dtpl_studio*"], exclude=["*__pycache__*"])
    + list(DATA),
    package_dir=DATA,
    package_data={
        "dtpl_studio": ["**/*.txt", "**/*.ini", "**/*.mako", "storage/migrations/**/*",
                        "i18n/*.ts", "i18n/*.qm", "ui/resources/*",
                        "guide/**/*"],  # the user guide, when `make docs` built it
        **{name: ["**/*"] for name in DATA},
    },
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
