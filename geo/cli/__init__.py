"""The command line, ``python -m geo``: a thin layer over the core (see ``geo.cli.main``)."""
from geo.cli.main import main

__all__ = ["main"]
