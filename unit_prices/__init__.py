"""Marks this folder as the package ``dtpl_studio._data.unit_prices`` (setup.py maps it there), so
the app reads it with importlib.resources in editable installs, wheels and bundles alike."""
