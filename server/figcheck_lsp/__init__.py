"""The figcheck language server (LSP over stdio): ``figcheck server`` or ``python -m figcheck_lsp``.

The package imports nothing (its modules import each other, never the package's own names), so
``python -m figcheck_lsp`` starts with only :mod:`figcheck_lsp.launch`.
"""
