"""matplotlib as the product's images and PDFs use it: a text is drawn as written.

Names and notes come from office files; matplotlib would read ``$…$`` in them as mathtext (a desa
"Dusun $\\alpha$" drawn as "Dusun α", a stray ``$\\frac`` failing the whole image). Every figure is
made here, with that parsing off.
"""
from __future__ import annotations

import matplotlib
from matplotlib.figure import Figure

matplotlib.rcParams["text.parse_math"] = False  # a text from a file is data, never markup

__all__ = ["Figure"]
