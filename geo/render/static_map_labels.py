"""Names on a static zone map: every area named when the image has room, no two names overlapping.

Work is done in display pixels (the axes' final data-to-pixel transform) and text is measured
with the figure's renderer, so what is checked is what gets drawn. Two passes, largest area
first in each: a name goes inside its area (at the normal size, then smaller, down to a floor
that stays readable); the areas left over get their name outside, on the emptiest nearby
spot, joined to the area by a thin leader line — when they are few (MAX_BESIDE): on a map of many
small areas their names go over their centres where no other name is. A name that fits nowhere is
left out. On a map with values a name never goes without its area's coverage: under the name, else
on the same line at the smallest size, inside, beside or over the centre alike.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from matplotlib.lines import Line2D
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from shapely import affinity
from shapely.geometry import LineString, Point, box
from shapely.ops import polylabel

from geo import fmt
from geo.render import charts
from geo.schema import Col

SIZES = (1.0, 0.86, 0.74)  # of the normal size; 0.74 × 18 px is still 13 px at 1200 px wide
INSIDE_FIT = 0.9  # share of each line of a name that must lie on its own area to count as inside it
HALO_PT = 3  # the white outline that keeps names readable over hatches
LEADER_COLOUR = charts.INK
LEADER_REACH = 0.3  # a leader is at most this share of the map's larger side
ANGLES = 24  # directions tried around an area for a name with a leader
MAX_BESIDE = 8  # names beside their areas at most: beyond, the small areas' names go over their centres


@dataclass
class PlacedLabel:
    """One name on the map: its area's code, the text drawn, its size and box (display pixels),
    and the leader line (None when the name sits inside its area)."""
    kode: str
    text: str
    size_px: float
    box: Bbox
    artist: object
    leader: Line2D | None = None


@dataclass
class _Area:
    kode: str
    texts: list[str]  # preferred first: the value under the name, then on its line (the name alone without values)
    shape: object  # the area in display pixels
    anchor: Point  # where a leader ends: the point of the area farthest from its border


def place_labels(ax, areas, *, label_px: float, lang: str, with_value: bool, taken: list, frame: Bbox,
                 font: dict, pt) -> list[PlacedLabel]:
    """Name every area of ``areas`` (projected GeoDataFrame: Col.KODE, Col.NAMA, Col.CAKUPAN in
    percent, geometry in the axes' data coordinates) that can be named.

    ``label_px`` is the normal size; ``with_value`` adds the coverage under the name when it
    fits. ``taken`` holds display boxes already in use (north arrow, scale bar) and receives
    the names' boxes; every name lies within ``frame`` (display coordinates). ``font`` holds
    the text properties, ``pt`` turns pixels into points. Returns the names drawn.
    """
    renderer = ax.figure.canvas.get_renderer()
    limits = ax.get_xlim(), ax.get_ylim()
    to_px = _affine(ax)
    to_data = ax.transData.inverted()
    todo = [_area(row, to_px, with_value, lang) for row in
            areas.assign(_size=areas.geometry.area).sort_values("_size", ascending=False, kind="stable").itertuples()]
    todo = [area for area in todo if area is not None]
    land = shapely.union_all([area.shape for area in todo]) if todo else None
    if land is not None:
        shapely.prepare(land)
    measure = _Measure(ax, renderer, font, pt)
    frame_box = box(frame.x0, frame.y0, frame.x1, frame.y1)
    inside, left = [], []
    for area in todo:  # names inside their areas first: an outside name must not take an inside one's room
        spot = _inside(area, label_px, measure, taken, frame_box)
        if spot is None:
            left.append(area)
        else:
            inside.append((area, *spot, None))
            taken.append(_taken_box(measure, *spot))
    if len(left) > MAX_BESIDE:  # a crowd of leader lines reads as a tangle: names over their areas' centres
        for area in left:
            spot = _centred(area, label_px, measure, taken, frame_box)
            if spot is not None:
                inside.append((area, *spot, None))
                taken.append(_taken_box(measure, *spot))
        left = []
    beside = _beside(left, label_px, measure, taken, frame_box, land)
    if len(beside) < len(left):  # a second try, the areas left out first
        named = {id(spot[0]) for spot in beside}
        again = _beside([a for a in left if id(a) not in named] + [a for a in left if id(a) in named], label_px,
                        measure, taken, frame_box, land)
        beside = again if len(again) > len(beside) else beside
    taken += [_taken_box(measure, *spot[1:4]) for spot in beside]
    placed = [_draw(ax, *spot, to_data, measure, font, pt) for spot in inside + beside]
    ax.set_xlim(limits[0])  # the leaders must not move the view
    ax.set_ylim(limits[1])
    return placed


def _affine(ax) -> list[float]:
    """Shapely's affine parameters of the axes' data-to-pixel transform (linear axes)."""
    m = ax.transData.get_affine().get_matrix()
    return [m[0, 0], m[0, 1], m[1, 0], m[1, 1], m[0, 2], m[1, 2]]


def _area(row, to_px: list[float], with_value: bool, lang: str) -> _Area | None:
    shape = affinity.affine_transform(row.geometry, to_px).simplify(0.5)
    if shape.is_empty or shape.area <= 0:
        return None
    shape = shape if shape.is_valid else shapely.make_valid(shape)
    name = str(getattr(row, Col.NAMA))
    value = getattr(row, Col.CAKUPAN, None)
    texts = [name]
    if with_value and value is not None and not pd.isna(value):  # never the name alone: it would hide the value
        value_text = fmt.percent(value, 2, lang)
        texts = [name + "\n" + value_text, name + " " + value_text]
    return _Area(str(getattr(row, Col.KODE, name)), texts, shape, _centre(shape))


def _scales(area: _Area, text: str, sizes: tuple) -> tuple:
    """The sizes to try ``text`` at: all of ``sizes`` for the preferred text; the smallest only for
    the name and value on one line, the widest text, so that it takes the least room from the names
    still to place."""
    return sizes if text == area.texts[0] else sizes[-1:]


def _centre(shape) -> Point:
    """The point of the largest part farthest from its border (polylabel); a sliver falls back
    to shapely's point on surface."""
    parts = getattr(shape, "geoms", [shape])
    polygons = [p for p in parts if p.geom_type == "Polygon"] or [shape]
    largest = max(polygons, key=lambda p: p.area)
    try:
        point = polylabel(largest, tolerance=1.0)
    except (shapely.errors.GEOSException, ValueError):  # a degenerate ring
        point = largest.point_on_surface()
    return point if largest.contains(point) else largest.point_on_surface()


class _Measure:
    """Sizes in pixels of a text at a size, measured once with the renderer: the whole box
    (width, height) and its lines' boxes (width, height, centre's offset up from the box's centre)."""

    def __init__(self, ax, renderer, font: dict, pt):
        self.ax, self.renderer, self.font, self.pt, self.seen = ax, renderer, font, pt, {}

    def _extent(self, text: str, px: float) -> tuple[float, float]:
        artist = self.ax.text(0, 0, text, fontsize=self.pt(px), **self.font)
        extent = artist.get_window_extent(self.renderer)
        artist.remove()
        return extent.width, extent.height

    def __call__(self, text: str, px: float) -> tuple[float, float, list]:
        key = (text, px)
        if key not in self.seen:
            w, h = self._extent(text, px)
            lines = text.split("\n")
            step = h / len(lines)
            self.seen[key] = (w, h, [(self._extent(line, px)[0], step, h / 2 - (i + 0.5) * step)
                                     for i, line in enumerate(lines)])
        return self.seen[key]

    def margin(self, px: float) -> float:
        """Room around a name's box: its halo and a gap."""
        return HALO_PT * self.ax.figure.dpi / 72 / 2 + 0.2 * px


def _boxes(centres: np.ndarray, w: float, h: float) -> np.ndarray:
    return shapely.box(centres[:, 0] - w / 2, centres[:, 1] - h / 2, centres[:, 0] + w / 2, centres[:, 1] + h / 2)


def _cover(centres: np.ndarray, w: float, h: float, land) -> np.ndarray:
    """Share of each box (centred on ``centres``) that lies on land, from a 7 × 3 sample of points."""
    if land is None:
        return np.zeros(len(centres))
    xs, ys = np.meshgrid(np.linspace(-w / 2, w / 2, 7), np.linspace(-h / 2, h / 2, 3))
    points = centres[:, None, :] + np.stack([xs.ravel(), ys.ravel()], axis=1)[None, :, :]
    return shapely.contains_xy(land, points[..., 0], points[..., 1]).mean(axis=1)


def _crossing(area: _Area, ends: np.ndarray, land) -> np.ndarray:
    """Share of each leader (from the area's centre to ``ends``) that runs over other areas."""
    if land is None:
        return np.zeros(len(ends))
    steps = np.linspace(0, 1, 9)[None, :, None]
    start = np.array([area.anchor.x, area.anchor.y])[None, None, :]
    points = start + (ends[:, None, :] - start) * steps
    xs, ys = points[..., 0], points[..., 1]
    return (shapely.contains_xy(land, xs, ys) & ~shapely.contains_xy(area.shape, xs, ys)).mean(axis=1)


def _free(extent: tuple, taken: list, frame_box) -> bool:
    x0, y0, x1, y1 = extent
    if not frame_box.contains(box(x0, y0, x1, y1)):
        return False
    return not any(x0 < t.x1 and t.x0 < x1 and y0 < t.y1 and t.y0 < y1 for t in taken)


def _inside(area: _Area, label_px: float, measure: _Measure, taken: list, frame_box):
    """(text, size, centre) of the name inside its area, or None: the nearest free spot to the
    area's centre where the box lies on the area, trying smaller sizes, then the next text."""
    x0, y0, x1, y1 = area.shape.bounds
    step = max(label_px * SIZES[-1] / 2, (x1 - x0) / 40, (y1 - y0) / 40)
    grid = np.array([(x, y) for x in np.arange(x0, x1, step) for y in np.arange(y0, y1, step)]).reshape(-1, 2)
    centres = np.vstack([[area.anchor.x, area.anchor.y], [area.shape.point_on_surface().coords[0]], grid])
    centres = centres[shapely.contains_xy(area.shape, centres[:, 0], centres[:, 1])]
    if not len(centres):
        return None
    order = np.argsort(np.hypot(centres[:, 0] - area.anchor.x, centres[:, 1] - area.anchor.y), kind="stable")
    centres = centres[order]
    for text in area.texts:
        for scale in _scales(area, text, SIZES):
            px = label_px * scale
            w, h, lines = measure(text, px)
            if w > x1 - x0 or h > y1 - y0:
                continue
            # each line's own box: a short second line ("92,66%") needs less room than the name
            fit = np.min([shapely.area(shapely.intersection(_boxes(centres + (0, dy), lw, lh), area.shape)) / (lw * lh)
                          for lw, lh, dy in lines], axis=0)
            pad = measure.margin(px)
            for (cx, cy), ok in zip(centres, fit >= INSIDE_FIT):
                if ok and _free((cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad), taken,
                                frame_box):
                    return text, px, (cx, cy)
    return None


def _centred(area: _Area, label_px: float, measure: _Measure, taken: list, frame_box):
    """(text, size, centre) of the name over its area's centre, even where it runs past the area (a
    small kecamatan among many), at the first text and size free of other names; None when none is."""
    cx, cy = area.anchor.x, area.anchor.y
    for text in area.texts:
        for scale in _scales(area, text, SIZES):
            px = label_px * scale
            w, h, _ = measure(text, px)
            pad = measure.margin(px)
            if _free((cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad), taken, frame_box):
                return text, px, (cx, cy)
    return None


def _outside(area: _Area, label_px: float, measure: _Measure, taken: list, leaders: list, frame_box, land,
             others: list):
    """(text, size, centre, leader end) of a name beside its area, or None. Spots around the
    area's centre are scored by the leader's length plus a charge for covering land; a spot
    must be free, within the frame, off other names' leaders and off the centres of the other
    areas still to be named, and its leader must cross no name."""
    frame = frame_box.bounds
    reach = LEADER_REACH * max(frame[2] - frame[0], frame[3] - frame[1])
    angles = np.linspace(0, 2 * math.pi, ANGLES, endpoint=False)
    for text in area.texts:
        for scale in _scales(area, text, SIZES[1:]):
            px = label_px * scale
            w, h, _ = measure(text, px)
            pad = measure.margin(px)
            distances = np.arange(h * 0.9, reach, max(h * 0.5, 2.0))
            centres = np.array([(area.anchor.x + d * math.cos(a) * (1 + w / (2 * h) * abs(math.cos(a))),
                                 area.anchor.y + d * math.sin(a)) for d in distances for a in angles])
            ends = np.column_stack([np.clip(area.anchor.x, centres[:, 0] - w / 2, centres[:, 0] + w / 2),
                                    np.clip(area.anchor.y, centres[:, 1] - h / 2, centres[:, 1] + h / 2)])
            length = np.hypot(ends[:, 0] - area.anchor.x, ends[:, 1] - area.anchor.y)
            cover = _cover(centres, w, h, land)
            score = length * (1 + 2 * _crossing(area, ends, land)) + 4 * h * cover
            for i in np.argsort(score, kind="stable"):
                if length[i] < pad * 2:  # the name would sit on the area's centre: not beside it
                    continue
                cx, cy = centres[i]
                extent = (cx - w / 2 - pad, cy - h / 2 - pad, cx + w / 2 + pad, cy + h / 2 + pad)
                if not _free(extent, taken, frame_box):
                    continue
                padded = box(*extent)
                if any(padded.intersects(line) for line in leaders) or any(padded.contains(p) for p in others):
                    continue
                line = LineString([area.anchor, tuple(ends[i])])
                if any(line.intersects(box(t.x0, t.y0, t.x1, t.y1)) for t in taken) or \
                        any(line.intersects(other) for other in leaders):
                    continue
                return text, px, (cx, cy), Point(ends[i])
    return None


def _taken_box(measure: _Measure, text: str, px: float, centre: tuple) -> Bbox:
    """The display box a name takes: its text's box and a margin for the halo."""
    w, h, _ = measure(text, px)
    pad = measure.margin(px)
    return Bbox.from_extents(centre[0] - w / 2 - pad, centre[1] - h / 2 - pad, centre[0] + w / 2 + pad,
                             centre[1] + h / 2 + pad)


def _beside(areas: list, label_px: float, measure: _Measure, taken: list, frame_box, land) -> list:
    """Names beside their areas, with leaders, in the order of ``areas``: [(area, text, size,
    centre, leader end)] for those that found room (``taken`` is left as it was)."""
    taken, leaders, found = list(taken), [], []
    for area in areas:
        others = [other.anchor for other in areas if other is not area]
        spot = _outside(area, label_px, measure, taken, leaders, frame_box, land, others)
        if spot is not None:
            found.append((area, *spot))
            taken.append(_taken_box(measure, *spot[:3]))
            leaders.append(LineString([area.anchor, spot[3]]))
    return found


def _draw(ax, area: _Area, text: str, px: float, centre: tuple, end: Point | None, to_data, measure: _Measure,
          font: dict, pt) -> PlacedLabel:
    """Draw the name centred on ``centre`` (pixels), and its leader to ``end`` when it has one."""
    x, y = to_data.transform(centre)
    artist = ax.text(x, y, text, ha="center", va="center", fontsize=pt(px), zorder=5, gid=f"label-{area.kode}",
                     path_effects=[withStroke(linewidth=HALO_PT, foreground="white")], **font)
    leader = _leader(ax, area.kode, area.anchor, end, to_data) if end is not None else None
    return PlacedLabel(area.kode, text, px, artist.get_window_extent(measure.renderer), artist, leader)


def _leader(ax, kode: str, start: Point, end: Point, to_data) -> Line2D:
    """A thin line from the area's centre (with a dot) to its name, white-edged over hatches."""
    (x0, y0), (x1, y1) = to_data.transform([(start.x, start.y), (end.x, end.y)])
    line = Line2D([x0, x1], [y0, y1], color=LEADER_COLOUR, linewidth=0.9, zorder=4.9, clip_on=False,
                  marker="o", markevery=[0], markersize=3.2, markeredgecolor="white", markeredgewidth=0.6,
                  gid=f"leader-{kode}",
                  path_effects=[withStroke(linewidth=2.4, foreground="white")])
    ax.add_line(line)
    return line
