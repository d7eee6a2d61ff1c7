"""What the static zone map draws over its areas besides names: the numbered markers of the
briefing's top-10 list (each clear of the others, of names and of leader lines, else stepped aside
with a leader of its own) and rings round areas above 100% too small for their dashed border; and the
units the static map is drawn in (pixels at DPI, points for matplotlib)."""
from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from matplotlib.patches import Circle
from matplotlib.patheffects import withStroke
from matplotlib.transforms import Bbox
from shapely import affinity
from shapely.geometry import LineString, Point, box

from geo.render.maps.layers import OVER_100
from geo.schema import Col

DPI = 100  # pixels = inches × DPI: a 1200×675 image is a 12 × 6.75 in figure
FONT_FAMILY = ["Liberation Sans", "DejaVu Sans"]  # DejaVu has every glyph (≥, –) if Liberation lacks one


def _pt(px: float) -> float:
    return px * 72 / DPI


def _renderer(ax):
    """A renderer to measure text with (the figure gets an Agg canvas if it has none)."""
    figure = ax.figure
    if not hasattr(figure.canvas, "get_renderer"):
        FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()


MARKER_GAP_PX = 2.0  # white space kept around a numbered marker
LEADER_CLEAR_PX = 2.5  # and from a leader line: its end dot and white edge are wider than the line
RING_MAX_PX = 4.0  # an area above 100% smaller than this many label sizes across gets a ring


def _rings(ax, over: gpd.GeoDataFrame, label_px: float, taken: list) -> list[str]:
    """A dashed circle around each area of ``over`` too small on the map for its own dashed border to
    be seen; its box joins ``taken``. Returns the codes circled."""
    to_px = ax.transData
    circled = []
    for row in over.itertuples():
        x0, y0, x1, y1 = row.geometry.bounds
        (a, b), (c, d) = to_px.transform([(x0, y0), (x1, y1)])
        if max(c - a, d - b) > RING_MAX_PX * label_px:
            continue
        centre = ((a + c) / 2, (b + d) / 2)
        radius = max(math.hypot(c - a, d - b) / 2 + 3, label_px * 1.1)
        ax.add_patch(Circle(ax.transData.inverted().transform(centre), radius / _px_per_unit(ax), fill=False,
                            edgecolor=OVER_100, linewidth=1.6, linestyle=(0, (3, 1.5)), zorder=4.5,
                            gid=f"over-100-{getattr(row, Col.KODE)}"))
        taken.append(Bbox.from_extents(centre[0] - radius, centre[1] - radius, centre[0] + radius,
                                       centre[1] + radius))
        circled.append(getattr(row, Col.KODE))
    return circled


def _px_per_unit(ax) -> float:
    """Display pixels per data unit along x (the map is drawn at an equal aspect)."""
    (a, _), (b, _) = ax.transData.transform([(0, 0), (1, 0)])
    return abs(b - a)


def _segment(ax, line) -> LineString:
    """A drawn leader line (data coordinates) as a segment in display pixels."""
    return LineString(ax.transData.transform(line.get_xydata()))


def _numbers(ax, shapes: gpd.GeoDataFrame, numbers: dict[str, int], label_px: float, taken: list,
             leaders: list, frame: Bbox) -> dict:
    """Numbered markers on areas (``numbers``: kode → n), each on a free point of its area when
    one is; else beside it, on the nearest free spot, joined to the area by a leader line. A marker
    never covers another marker, a box of ``taken`` (names, arrow, scale bar, rings), a leader line
    (``leaders``, display segments, which receives the markers' own) or another marked area's point,
    and stays within ``frame``. Returns {kode: marker artist}."""
    renderer = _renderer(ax)
    rows = sorted(shapes[shapes[Col.KODE].isin(list(numbers))].itertuples(),
                  key=lambda r: numbers[getattr(r, Col.KODE)])
    anchors = {getattr(r, Col.KODE): _free_point(ax, r.geometry, taken, leaders) for r in rows}
    artists = {}
    for row in rows:
        kode = getattr(row, Col.KODE)
        artist = ax.annotate(str(numbers[kode]), ax.transData.inverted().transform(anchors[kode]), xytext=(0, 0),
                             textcoords="offset points", ha="center", va="center", fontsize=_pt(label_px * 0.85),
                             color="white", fontweight="bold", fontfamily=FONT_FAMILY, zorder=6,
                             gid=f"number-{numbers[kode]}",
                             bbox={"boxstyle": "circle,pad=0.25", "facecolor": "#111111", "edgecolor": "white",
                                   "linewidth": 1})
        artist.update_bbox_position_size(renderer)
        artists[kode] = artist
    radius = max((a.get_bbox_patch().get_window_extent(renderer).width / 2 for a in artists.values()), default=0)
    radius += MARKER_GAP_PX
    others = lambda kode: [Point(p) for k, p in anchors.items() if k != kode]  # noqa: E731
    aside = []
    for kode, artist in artists.items():  # on their own areas first: a marker aside must not take that room
        if _marker_fits(anchors[kode], radius, taken, leaders, frame, others(kode)):
            taken.append(_marker_box(anchors[kode], radius))
        else:
            aside.append(kode)
    spots = _spots_aside(aside, anchors, radius, taken, leaders, frame, others)
    points_per_px = 72 / ax.figure.dpi  # offsets in points: the PDF backend redraws at 72 dpi
    for kode in aside:
        spot = spots.get(kode)
        if spot is None:  # nowhere free within the frame: the marker stays on its area
            taken.append(_marker_box(anchors[kode], radius))
            continue
        artists[kode].xyann = ((spot[0] - anchors[kode][0]) * points_per_px,
                               (spot[1] - anchors[kode][1]) * points_per_px)
        taken.append(_marker_box(spot, radius))
        edge = _towards(spot, anchors[kode], radius - MARKER_GAP_PX)
        leaders.append(LineString([anchors[kode], edge]))
        start, end = ax.transData.inverted().transform([anchors[kode], edge])
        ax.add_line(Line2D([start[0], end[0]], [start[1], end[1]], color="#111111", linewidth=0.8, zorder=5,
                           marker="o", markevery=[0], markersize=2.6, markeredgecolor="white",
                           markeredgewidth=0.5, gid=f"number-leader-{numbers[kode]}",
                           path_effects=[withStroke(linewidth=2.2, foreground="white")]))
    return artists


def _spots_aside(aside: list, anchors: dict, radius: float, taken: list, leaders: list, frame: Bbox,
                 others) -> dict:
    """{kode: centre} of the markers of ``aside`` beside their areas (``_aside``), in their order; when
    one finds no room, tried again with those left out first (as many times as there are markers),
    keeping the order that places the most. ``taken`` and ``leaders`` are left as they were."""
    best: dict = {}
    order = list(aside)
    for _ in range(max(1, len(aside))):
        boxes, lines, found = list(taken), list(leaders), {}
        for kode in order:
            spot = _aside(anchors[kode], radius, boxes, lines, frame, others(kode))
            if spot is not None:
                found[kode] = spot
                boxes.append(_marker_box(spot, radius))
                lines.append(LineString([anchors[kode], _towards(spot, anchors[kode], radius - MARKER_GAP_PX)]))
        if len(found) > len(best):
            best = found
        if len(found) == len(aside):
            break
        order = [k for k in order if k not in found] + [k for k in order if k in found]
    return best


def _free_point(ax, geometry, taken: list, leaders: list) -> tuple[float, float]:
    """The point (display pixels) a marker points at: the area's representative point, or the
    point of the area nearest to it that no name or mark covers and no leader line runs by."""
    shape = affinity.affine_transform(geometry, _affine_params(ax))
    start = shape.representative_point()
    x0, y0, x1, y1 = shape.bounds
    step = max((x1 - x0) / 12, (y1 - y0) / 12, 1.0)
    grid = [Point(x, y) for x in np.arange(x0, x1 + step, step) for y in np.arange(y0, y1 + step, step)]
    for point in [start, *sorted((p for p in grid if shape.contains(p)), key=start.distance)]:
        if not any(t.contains(point.x, point.y) for t in taken) and \
                not any(point.distance(line) < 2 * MARKER_GAP_PX for line in leaders):
            return point.x, point.y
    return start.x, start.y


def _affine_params(ax) -> list[float]:
    m = ax.transData.get_affine().get_matrix()
    return [m[0, 0], m[0, 1], m[1, 0], m[1, 1], m[0, 2], m[1, 2]]


def _marker_box(centre, radius: float) -> Bbox:
    return Bbox.from_extents(centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)


def _marker_fits(centre, radius: float, taken: list, leaders: list, frame: Bbox, points: list) -> bool:
    """Whether a marker centred on ``centre`` is clear of every box, leader and other area's point,
    and inside ``frame``."""
    x, y = centre
    if not (frame.x0 <= x - radius and x + radius <= frame.x1 and frame.y0 <= y - radius and y + radius <= frame.y1):
        return False
    if any(x - radius < t.x1 and t.x0 < x + radius and y - radius < t.y1 and t.y0 < y + radius for t in taken):
        return False
    centre = Point(x, y)  # a leader's dot and white edge reach LEADER_CLEAR_PX beyond its line
    return all(line.distance(centre) >= radius + LEADER_CLEAR_PX for line in leaders) and \
        all(p.distance(centre) >= radius + LEADER_CLEAR_PX for p in points)


CROSSING_PX = 4  # a marker's leader crossing another leader costs as much as this many marker radii of length


def _aside(anchor, radius: float, taken: list, leaders: list, frame: Bbox, points: list):
    """The centre for a marker beside ``anchor``, free (``_marker_fits``) and with a leader that
    crosses no box, nearest first, each other leader its leader crosses counted as CROSSING_PX
    radii more (lines crossing can be read; a marker on a line cannot). None when the frame holds no
    free spot."""
    best, best_cost = None, math.inf
    for distance in np.arange(2.2 * radius, max(frame.width, frame.height), 0.6 * radius):
        if distance >= best_cost:
            break
        for angle in np.linspace(0, 2 * math.pi, 24, endpoint=False):
            spot = (anchor[0] + distance * math.cos(angle), anchor[1] + distance * math.sin(angle))
            if not _marker_fits(spot, radius, taken, leaders, frame, points):
                continue
            line = LineString([anchor, _towards(spot, anchor, radius)])
            if any(line.intersects(box(t.x0, t.y0, t.x1, t.y1)) for t in taken):
                continue
            cost = distance + CROSSING_PX * radius * sum(line.intersects(other) for other in leaders)
            if cost < best_cost:
                best, best_cost = spot, cost
    return best


def _towards(centre, target, radius: float) -> tuple[float, float]:
    """The point on a circle of ``radius`` around ``centre`` facing ``target``."""
    dx, dy = target[0] - centre[0], target[1] - centre[1]
    length = math.hypot(dx, dy) or 1.0
    return centre[0] + dx / length * radius, centre[1] + dy / length * radius
