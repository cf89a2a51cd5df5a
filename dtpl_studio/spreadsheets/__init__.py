"""Spreadsheet importers and the open price-book edition format (openpyxl lives here).

Public API:

* :func:`~dtpl_studio.spreadsheets.ahsp_cipta_karya.import_ahsp_cipta_karya` — the AHSP Cipta
  Karya 2023 block workbook → ``(PriceBook, ImportReport)``.
* :func:`~dtpl_studio.spreadsheets.edition.write_edition` /
  :func:`~dtpl_studio.spreadsheets.edition.read_edition` — the diffable edition folder
  (``unit_prices/…``).
* :func:`~dtpl_studio.spreadsheets.regenerate.regenerate_edition` — import + write in one call.
* :class:`~dtpl_studio.spreadsheets.report.ImportReport`,
  :class:`~dtpl_studio.spreadsheets.report.RateComparison`,
  :class:`~dtpl_studio.spreadsheets.report.WorkbookImportError`.

Modules are imported on use (``from dtpl_studio.spreadsheets.edition import read_edition``);
this package file imports nothing, so loading it does not load openpyxl.
"""
