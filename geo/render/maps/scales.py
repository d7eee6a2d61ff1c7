"""Colours of a coverage map, vectorised: zone colours, ColorBrewer ramps, the ramp's domain."""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from geo import fmt
from geo.config import Settings
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Zone

# ColorBrewer ramps, 5 stops each (colour-blind safe); interpolated to 256 steps.
RAMPS = {
    "cakupan": ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),  # Blues
    "belum_rekam": ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),  # YlOrRd
    "perubahan": ("#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"),  # PuOr: fell … rose
    "target": ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"),  # RdBu: behind … ahead of target
}


@lru_cache(maxsize=None)
def _palette(stops: tuple[str, ...], steps: int = 256) -> np.ndarray:
    rgb = np.array([[int(s[i : i + 2], 16) for i in (1, 3, 5)] for s in stops], float)
    t = np.linspace(0, 1, steps)
    at = np.linspace(0, 1, len(stops))
    channels = np.column_stack([np.interp(t, at, rgb[:, k]) for k in range(3)]).round().astype(int)
    return np.array([f"#{r:02x}{g:02x}{b:02x}" for r, g, b in channels], dtype=object)


def ramp_colours(values: np.ndarray, low: float, high: float, stops: tuple[str, ...]) -> np.ndarray:
    """Hex colours of ``values`` on a ramp from ``low`` to ``high`` (clipped); NaN → no-data grey."""
    palette = _palette(tuple(stops))
    span = (high - low) or 1.0
    position = np.clip((values - low) / span, 0.0, 1.0)
    index = np.nan_to_num(position * (len(palette) - 1)).round().astype(int)
    return np.where(np.isnan(values), NO_DATA_COLOUR, palette[index])


def zones(cakupan: np.ndarray, settings: Settings) -> np.ndarray:
    """Zone names from coverage in percent and the configured thresholds (on a threshold: better zone)."""
    z = settings.zones
    return np.select(
        [cakupan >= z.hijau, cakupan >= z.kuning, cakupan < z.kuning],
        [Zone.HIJAU.value, Zone.KUNING.value, Zone.MERAH.value],
        default=None,
    ).astype(object)


def zone_fill(zone: np.ndarray) -> np.ndarray:
    """The zone colour of each zone name; no-data grey for None."""
    colours = {z.value: c for z, c in ZONE_COLOURS.items()}
    return pd.Series(zone, dtype=object).map(colours).fillna(NO_DATA_COLOUR).to_numpy(dtype=object)


def numeric(frame: pd.DataFrame, column: str) -> np.ndarray:
    """``column`` as floats (NaN where empty or not a number; all NaN when absent)."""
    if column not in frame:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[column], errors="coerce").astype(float).to_numpy()


def pct(value: float, lang: str) -> str:
    """A threshold with as few decimals as it needs: 92 → ``92%``, 92.5 → ``92,5%``."""
    decimals = next(d for d in (0, 1, 2) if round(value, d) == round(value, 2))
    return fmt.number(value, decimals, lang) + "%"


def plain(value: float, lang: str) -> str:
    """``pct`` without the percent sign."""
    return pct(value, lang)[:-1]


def scale_domain(metric: str, values: np.ndarray, settings: Settings) -> tuple[float, float]:
    """(low, high) of a ramp: coverage always shows both thresholds, change is symmetric around 0."""
    finite = values[np.isfinite(values)]
    if metric == "cakupan":  # always shows both thresholds; >100% takes the top colour
        low = math.floor(min(finite.min(), settings.zones.kuning)) if finite.size else settings.zones.kuning
        high = math.ceil(max(min(finite.max(), 100.0), settings.zones.hijau)) if finite.size else 100.0
        return (low, high) if high > low else (low, low + 1.0)
    if metric == "belum_rekam":
        return 0.0, float(max(finite.max(), 1.0)) if finite.size else 1.0
    reach = float(max(np.abs(finite).max(), 0.5)) if finite.size else 0.5  # perubahan, target: symmetric
    return -reach, reach
