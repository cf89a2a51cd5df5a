"""Marks this folder as the package ``dtpl_studio._data.docs`` (setup.py maps it there): the
user guide's Markdown and screenshots ship in wheels and bundles and are shown in the window
when no HTML guide was built (dtpl_studio/ui/guide.py). Not part of the MkDocs site."""
