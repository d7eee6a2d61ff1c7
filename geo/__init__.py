"""Peta Rekam domain core: schema, loaders, join, coverage, store, analysis, renderers, CLI.

Never imports streamlit: the same functions serve the dashboard and ``python -m geo``.
"""
