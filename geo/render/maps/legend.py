"""The map's legend: a Leaflet control of inline HTML (no d3, no CDN) naming every colour in words.

Added before the areas: its fit of the view (room for the legend) happens before anything is drawn.
"""
from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from geo import fmt
from geo.config import Settings
from geo.render.maps.layers import OVER_100, RawScript
from geo.render.maps.scales import RAMPS, pct, plain
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Zone
from geo.text import tr

BACKGROUND = "#f4f4f1"  # plain light background when basemap tiles are off
# The zoom step of the fit around the legend (Leaflet zoomSnap while fitting). The shapes are
# simplified for the whole-level fit of an 800-px map (geo.simplify.fit_zoom); at most 3/4 of a
# level further in, their error on screen grows by at most 2**0.75 (< 1.7×), as it does anyway
# once the reader zooms in by one level.
FIT_SNAP = 0.25


class Legend(RawScript, MacroElement):
    """A Leaflet control holding ``html``; also sets the map's background and attribution prefix."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            map.getContainer().style.background = {{ this.background|tojson }};
            if (map.attributionControl) { map.attributionControl.setPrefix("Leaflet"); }
            var legend = L.control({position: "bottomright"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "peta-rekam-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo(map);
            // Keep every area clear of the legend: fit with room for it on the side (right
            // of the areas, or above the legend) that lets the areas be drawn larger.
            // Fit again when the map's size changes (a page lays its frame out after the map
            // is made) until the reader moves or zooms the map.
            var bounds = {{ this.bounds|tojson }};
            if (bounds) {
                var fitting = false, moved = false;
                var fit = function () {
                    // Fitted to a quarter level (the reader's own zooms stay whole levels): a
                    // whole-level fit leaves the areas up to half the size the map has room for.
                    var snap = map.options.zoomSnap;
                    map.options.zoomSnap = {{ this.fit_snap|tojson }};
                    // The legend's own box: its control wrapper may still be page-wide while
                    // leaflet.css loads (st_folium adds it after the script has run).
                    var box = legend.getContainer().firstElementChild, size = map.getSize();
                    if (!size.x || !size.y) { map.options.zoomSnap = snap; return; }  // a hidden tab: no size yet
                    // the room the legend takes from the map's bottom edge: its box and the
                    // attribution under it in the same corner (sizes only: positions are not
                    // final until leaflet.css has arrived)
                    // (+ 10 px: a marker drawn at the bounds' edge reaches past it by its radius)
                    var credit = map.attributionControl ? map.attributionControl.getContainer().offsetHeight : 0;
                    var w = box.offsetWidth + 22, h = box.offsetHeight + 22 + credit;
                    var options = {paddingTopLeft: [10, 10], animate: false};
                    // room beside the legend (right of it: a map wider than it; above it: taller), the
                    // side that draws the areas larger; neither on a map too small for both
                    var right = size.x > w + 60 ? map.getBoundsZoom(bounds, false, L.point(10 + w, 20)) : -Infinity;
                    var above = size.y > h + 60 ? map.getBoundsZoom(bounds, false, L.point(20, 10 + h)) : -Infinity;
                    if (right > -Infinity || above > -Infinity) {
                        options.paddingBottomRight = right >= above ? [w, 10] : [10, h];
                    }
                    fitting = true;
                    map.fitBounds(bounds, options);
                    fitting = false;
                    map.options.zoomSnap = snap;
                };
                fit();
                map.on("movestart zoomstart", function () { if (!fitting) { moved = true; } });
                map.on("resize", function () { if (!moved) { fit(); } });
                // and when the legend's own size changes (its words wrap anew once fonts and
                // leaflet.css arrive): the room measured first was too small on a phone
                var box = legend.getContainer().firstElementChild;
                if (window.ResizeObserver && box) {
                    new ResizeObserver(function () { if (!moved) { fit(); } }).observe(box);
                }
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str, background: str = BACKGROUND, bounds: list | None = None):
        super().__init__()
        self._name = "Legend"
        self.html = html
        self.background = background
        self.bounds = bounds  # [[south, west], [north, east]] of the areas, refitted around the legend
        self.fit_snap = FIT_SNAP


BOX = ("background:#ffffff;padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);"
        "font:12px/1.45 'Liberation Sans',Arial,sans-serif;color:#222;max-width:260px")


def _swatch(colour: str, round_: bool = False) -> str:
    radius = "50%" if round_ else "2px"
    return (f'<span style="display:inline-block;width:13px;height:13px;margin-right:6px;vertical-align:-2px;'
            f'background:{colour};border:1px solid #777;border-radius:{radius}"></span>')


def _row(colour: str, text: str, round_: bool = False) -> str:
    return f"<div>{_swatch(colour, round_)}{_escape(text)}</div>"


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bar(stops: tuple[str, ...], labels: list[tuple[float, str]], marks: list[float] = ()) -> str:
    """A gradient bar with ``labels`` under it and tick ``marks`` on it (positions 0–1)."""
    ticks = "".join(
        f'<div style="position:absolute;left:{p * 100:.1f}%;top:0;height:18px;border-left:2px solid #222"></div>'
        for p in marks
    )
    text = "".join(
        f'<div style="position:absolute;left:{p * 100:.1f}%;top:20px;transform:translateX(-{p * 100:.0f}%);'
        f'white-space:nowrap">{_escape(label)}</div>'
        for p, label in labels
    )
    gradient = f"linear-gradient(to right,{','.join(stops)})"
    return (f'<div style="position:relative;height:38px;margin:4px 4px 4px 2px">'
            f'<div style="height:14px;margin-top:2px;background:{gradient};border:1px solid #777"></div>'
            f"{ticks}{text}</div>")


def legend_html(metric: str, settings: Settings, lang: str, *, counts: dict[str, int], domain: tuple[float, float],
                data_date=None, notes: list[str] = (), point_rows: list[tuple[str, list[tuple[str, str]]]] = (),
                title: str | None = None, over_100: int = 0) -> str:
    """The legend's HTML: title, each colour with its words and thresholds, the dashed border of
    the ``over_100`` areas above 100%, notes, source.

    ``counts``: areas per zone name (``none``: without data); ``domain``: the ramp's (low, high).
    ``title`` (e.g. the area's name) heads the box, above the measure's name."""
    parts = []
    if title:
        parts.append(f"<div style=\"font-weight:bold;font-size:14px;margin-bottom:2px\">{_escape(title)}</div>")
    parts.append(f"<div style=\"font-weight:bold;margin-bottom:4px\">{_escape(tr(f'map_judul_{metric}', lang))}</div>")
    if metric == "zona":
        parts += _zone_rows(settings, lang, counts)
    else:
        parts += _ramp_parts(metric, settings, lang, domain)
    parts.append(_row(NO_DATA_COLOUR, f"{tr('map_tidak_ada_data', lang)} ({counts.get('none', 0)})"))
    if over_100:  # the dashed border's own row: an area above 100% is never just "green"
        parts.append(f"<div style=\"margin-top:3px\"><span style=\"display:inline-block;width:14px;height:10px;"
                     f"border:2px dashed {OVER_100};margin-right:6px;vertical-align:middle\"></span>"
                     f"{_escape(tr('map_di_atas_100_jumlah', lang, jumlah=over_100))}</div>")
    for note in notes:
        parts.append(f"<div style=\"color:#555;margin-top:3px\">{_escape(note)}</div>")
    for name, rows in point_rows:
        parts.append(f"<div style=\"font-weight:bold;margin-top:6px\">{_escape(name)}</div>")
        parts += [_row(colour, text, round_=True) for colour, text in rows]
    if data_date is not None:
        when = tr("map_data_per", lang, tanggal=fmt.long_date(data_date, lang))
        parts.append(f"<div style=\"margin-top:4px\">{_escape(when)}</div>")
    parts.append(f"<div style=\"color:#555\">{_escape(tr('map_sumber', lang, sumber=settings.source_name))}</div>")
    return f'<div style="{BOX}">{"".join(parts)}</div>'


def _zone_words(settings: Settings, lang: str) -> dict[str, str]:
    """Each zone's words with the configured thresholds ("hijau: 92% or more"…)."""
    z = settings.zones
    hijau, kuning = pct(z.hijau, lang), pct(z.kuning, lang)
    return {"hijau": tr("map_zona_hijau", lang, hijau=hijau),
            "kuning": tr("map_zona_kuning", lang, kuning=plain(z.kuning, lang), hijau=hijau),
            "merah": tr("map_zona_merah", lang, kuning=kuning)}


def _zone_rows(settings: Settings, lang: str, counts: dict[str, int]) -> list[str]:
    words = _zone_words(settings, lang)
    return [_row(ZONE_COLOURS[zone], f"{words[zone.value]} ({counts.get(zone.value, 0)})")
            for zone in (Zone.HIJAU, Zone.KUNING, Zone.MERAH)]


def _ramp_parts(metric: str, settings: Settings, lang: str, domain: tuple[float, float]) -> list[str]:
    """The gradient bar of ``metric`` with its end values (and coverage's thresholds)."""
    low, high = domain
    if metric == "cakupan":
        return _coverage_parts(settings, lang, low, high)
    if metric == "belum_rekam":
        return [_bar(RAMPS[metric], [(0.0, fmt.number(low, lang=lang)), (1.0, fmt.number(high, lang=lang))])]
    # perubahan, target: diverging around 0. Under the bar only the numbers (short: three labels fit a
    # phone's legend), the words for each side on a line of their own (they overlapped the numbers).
    suffix = tr("map_poin", lang)
    below, above = ("map_turun", "map_naik") if metric == "perubahan" else ("map_di_bawah_target", "map_di_atas_target")
    sides = (f'<div style="display:flex;justify-content:space-between;gap:8px;margin:0 4px 0 2px">'
             f"<span>◀ {_escape(tr(below, lang))}</span><span>{_escape(tr(above, lang))} ▶</span></div>")
    return [_bar(RAMPS[metric], [(0.0, fmt.signed(low, 2, lang, suffix)), (0.5, "0"),
                                 (1.0, fmt.signed(high, 2, lang, suffix))], marks=[0.5]), sides]


def _coverage_parts(settings: Settings, lang: str, low: float, high: float) -> list[str]:
    """Coverage's bar with the thresholds marked, their words below, then the zones in words."""
    z = settings.zones
    at = lambda v: (v - low) / ((high - low) or 1.0)  # noqa: E731
    thresholds = [(at(value), f"{pct(value, lang)} {tr('map_batas', lang, zona=tr(f'map_zona_kata_{name}', lang))}")
                  for value, name in ((z.kuning, "kuning"), (z.hijau, "hijau"))]
    thresholds = [(p, text) for p, text in thresholds if 0 <= p <= 1]
    words = _zone_words(settings, lang)
    # Ticks mark the thresholds on the bar; their words go below (ticks may sit close).
    bar = _bar(RAMPS["cakupan"], [(0.0, pct(low, lang)), (1.0, pct(high, lang))], marks=[p for p, _ in thresholds])
    return [bar, *[f"<div>▏{_escape(text)}</div>" for _, text in thresholds],
            f"<div style=\"color:#555\">{_escape(words['hijau'])} · {_escape(words['kuning'])} · "
            f"{_escape(words['merah'])}</div>"]
