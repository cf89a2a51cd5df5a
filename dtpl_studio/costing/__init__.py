"""The costing core: pure Python, ``decimal`` and ``pint``.

No Qt, SQLAlchemy, openpyxl or reportlab may be imported from this package; a test
(``tests/costing/test_layering.py``) checks it in a subprocess.
"""
