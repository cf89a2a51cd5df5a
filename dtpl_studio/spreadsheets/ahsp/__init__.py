"""The AHSP Cipta Karya block-workbook importer, one module per phase.

:mod:`~dtpl_studio.spreadsheets.ahsp_cipta_karya` runs them in order on an
:class:`~dtpl_studio.spreadsheets.ahsp.state.ImportState`: :mod:`.sheets` (find sheets and
defined names, cached values, regulation), :mod:`.resources` (the price list), :mod:`.dhsp` (the
DHSP list), :mod:`.blocks` and :mod:`.lines` (each block and its lines), :mod:`.codes` (code
assignment), :mod:`.book` (the price book) and :mod:`.selfcheck` (our rates against the cached
ones). Every number goes through the shared :mod:`~dtpl_studio.spreadsheets.cells` reader.
"""
