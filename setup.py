"""Packaging of the shipped data (everything else is in pyproject.toml).

``unit_prices/`` and ``templates/`` stay at the repository root (the project layout) and are
mapped into the package as ``dtpl_studio._data.unit_prices`` / ``dtpl_studio._data.templates``, so
wheels and editable installs both carry them and the code reads them with importlib.resources
(see dtpl_studio/_data/__init__.py). pyproject.toml cannot add mapped packages next to
``packages.find``, hence this file.
"""

from setuptools import find_namespace_packages, setup

DATA = {"dtpl_studio._data.unit_prices": "unit_prices", "dtpl_studio._data.templates": "templates"}

setup(
    # namespace discovery: folders without __init__.py (migrations/versions) are packages too
    packages=find_namespace_packages(include=["dtpl_studio*"], exclude=["*__pycache__*"])
    + list(DATA),
    package_dir=DATA,
    package_data={
        "dtpl_studio": ["**/*.txt", "**/*.ini", "**/*.mako", "storage/migrations/**/*",
                        "i18n/*.qm", "resources/*"],
        **{name: ["**/*"] for name in DATA},
    },
    exclude_package_data={"": ["__pycache__/*", "*.pyc"]},
)
