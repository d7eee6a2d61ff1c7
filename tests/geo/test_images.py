"""Media-pack figures and images: what a reader sees, at the exact size asked for.

Figures are checked on the objects the builders return (bar colours, patterns, values,
words); images are rendered for real (kaleido + Debian chromium, matplotlib) and
checked on their bytes: PNG header sizes, SVG text.
"""
from __future__ import annotations

import html
import re
import struct

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from geo.render import axes, charts, images, static_map, style
from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Col, RekamError, Zone, ZoneConfig
from geo.config import Settings
from geo.store import Store
from geo.text import describe

SETTINGS = Settings(zones=ZoneConfig(hijau=92.0, kuning=85.0), source_name="Disdukcapil Kabupaten Uji")
DATE = "2026-11-16"

needs_browser = pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")


def _table(codes=("99.01.01", "99.01.02", "99.01.03", "99.01.04", "99.01.05")) -> pd.DataFrame:
    """Five kecamatan: on the hijau threshold, just under it, on the kuning threshold, just under, no data."""
    counts = [(1000, 920), (10000, 9199), (2000, 1700), (10000, 8499), (None, None)]
    rows = []
    for kode, (wajib, sudah), nama in zip(codes, counts, ["Alfa", "Beta", "Gama", "Delta", "Epsilon"]):
        rows.append({Col.KODE: kode, Col.NAMA: nama, Col.LEVEL: "kecamatan", Col.KODE_INDUK: kode[:5],
                     Col.WAJIB: wajib, Col.SUDAH: sudah})
    frame = pd.DataFrame(rows)
    for c in (Col.WAJIB, Col.SUDAH):
        frame[c] = frame[c].astype("Int64")
    frame[Col.BELUM] = (frame[Col.WAJIB] - frame[Col.SUDAH]).astype("Int64")
    frame[Col.CAKUPAN] = (100.0 * frame[Col.SUDAH].astype("Float64") / frame[Col.WAJIB].astype("Float64")).astype(float)
    frame[Col.DI_ATAS_100] = (frame[Col.CAKUPAN] > 100).fillna(False)
    return frame


def _bars(fig):
    return [t for t in fig.data if t.type == "bar"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


# --- zone_bar -------------------------------------------------------------------------------
def test_zona_bar_of_many_areas_shows_the_lowest_an_image_holds():
    """38 provinsi in a 675-pixel image were written over each other: the image keeps the lowest that its
    height holds readable, the title still counts them all, the subtitle says how many of how many."""
    from geo.render.media import export_rows

    rows = []
    for i in range(38):
        wajib, sudah = 100_000, 88_000 + 200 * i  # 88,0 % … 95,4 %: 18 under the hijau line, 20 on it
        rows.append({Col.KODE: f"{11 + i}", Col.NAMA: f"Provinsi {i:02d}", Col.LEVEL: "provinsi",
                     Col.KODE_INDUK: None, Col.WAJIB: wajib, Col.SUDAH: sudah})
    table = pd.DataFrame(rows)
    table[Col.BELUM] = table[Col.WAJIB] - table[Col.SUDAH]
    table[Col.CAKUPAN] = 100.0 * table[Col.SUDAH] / table[Col.WAJIB]
    hijau = int((table[Col.CAKUPAN] >= 92).sum())
    limit = export_rows(675)
    assert limit == 15 and export_rows(1350) > 38
    fig = charts.zone_bar(table, area_name="Seluruh Indonesia", data_date=DATE, settings=SETTINGS, limit=limit)
    shown = [k for t in _bars(fig) for k in (t.y or ()) if k is not None]
    lowest = table.sort_values(Col.CAKUPAN)[Col.KODE].head(limit)
    assert sorted(shown) == sorted(lowest)
    assert fig.layout.meta["judul"] == f"Seluruh Indonesia: {hijau} dari 38 provinsi di zona hijau"
    assert fig.layout.meta["subjudul"].endswith("<br>15 terendah dari 38 provinsi")
    whole = charts.zone_bar(table, area_name="Seluruh Indonesia", data_date=DATE, settings=SETTINGS, limit=40)
    assert len([k for t in _bars(whole) for k in (t.y or ()) if k is not None]) == 38 and "terendah" not in whole.layout.meta["subjudul"]


def test_zona_bar_colours_patterns_and_values_follow_zones_from_settings():
    table = _table()
    fig = charts.zone_bar(table, area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    seen = {}
    for trace in _bars(fig):
        zone = Zone(trace.meta["zona"]) if trace.meta["zona"] else None
        assert trace.marker.color == (ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR)
        assert trace.marker.pattern.shape == style.ZONE_PATTERNS[zone]
        assert trace.name == style.zone_legend(zone, SETTINGS)
        for kode, x in zip(trace.y, trace.x):
            if kode is not None:  # an empty zone keeps one null point for its legend entry
                seen[kode] = (zone, x)
    expected = {
        "99.01.01": Zone.HIJAU,  # 92.00% exactly: the better zone
        "99.01.02": Zone.KUNING,  # 91.99%
        "99.01.03": Zone.KUNING,  # 85.00% exactly
        "99.01.04": Zone.MERAH,  # 84.99%
        "99.01.05": None,  # no data
    }
    assert {k: z for k, (z, _) in seen.items()} == expected
    for row in table.to_dict("records"):
        wajib, sudah = row[Col.WAJIB], row[Col.SUDAH]
        value = 0.0 if pd.isna(wajib) else 100 * sudah / wajib
        assert seen[row[Col.KODE]][1] == pytest.approx(value)
    # every zone is in the legend with its thresholds in words, and each pattern differs (greyscale)
    assert [t.name for t in _bars(fig)] == ["Hijau ≥ 92%", "Kuning 85% – < 92%", "Merah < 85%", "Tidak ada data"]
    assert len({t.marker.pattern.shape for t in _bars(fig)}) == 4


def test_zona_bar_thresholds_come_from_settings():
    stricter = Settings(zones=ZoneConfig(hijau=95.0, kuning=90.0))
    fig = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=stricter)
    zone_of = {k: t.meta["zona"] for t in _bars(fig) for k in t.y if k is not None}
    assert zone_of["99.01.01"] == "kuning"  # 92% is not hijau at 95%
    assert zone_of["99.01.04"] == "merah"
    lines = {s.name: s.x0 for s in fig.layout.shapes}
    assert lines == {"ambang_hijau": 95.0, "ambang_kuning": 90.0}
    words = [a.text for a in fig.layout.annotations if (a.name or "").startswith("ambang_")]
    assert words == ["Hijau ≥ 95%", "Kuning ≥ 90%"]


def test_zona_bar_labels_sorting_and_words():
    fig = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    column = next(t for t in fig.data if (t.meta or {}).get("role") == style.LABEL_COLUMN_ROLE)
    labels = dict(zip(column.y, column.text))
    assert labels["99.01.01"] == "92,00% (hijau)"
    assert labels["99.01.02"] == "91,99% (kuning)"
    assert labels["99.01.04"] == "84,99% (merah)"
    assert labels["99.01.05"] == "tidak ada data"
    # best on top: plotly lists categories bottom-up, so the array is reversed
    assert list(fig.layout.yaxis.categoryarray)[::-1] == ["99.01.01", "99.01.02", "99.01.03", "99.01.04", "99.01.05"]
    assert dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))["99.01.03"] == "Gama"


def test_every_figure_names_area_date_and_source():
    fig = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    named = {a.name: a.text for a in fig.layout.annotations}
    assert named["judul"] == "<b>Kabupaten Uji: 1 dari 5 kecamatan masih merah</b>"  # Delta, 84,99%: the finding
    assert named["subjudul"] == "Cakupan perekaman KTP-el per kecamatan, data per 16 November 2026"
    source = named["sumber"]
    assert source == "Sumber: Disdukcapil Kabupaten Uji, data per 16 November 2026 · data contoh sintetis"
    assert fig.layout.separators == ",."
    real = charts.zone_bar(_table(codes=("36.74.01", "36.74.02", "36.74.03", "36.74.04", "36.74.05")),
                           area_name="Kota Uji", data_date=DATE, settings=SETTINGS)
    assert next(a.text for a in real.layout.annotations if a.name == "sumber").endswith("16 November 2026")
    english = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS, lang="en")
    assert english.layout.separators == ".,"
    assert next(a.text for a in english.layout.annotations if a.name == "sumber").startswith(
        "Source: Disdukcapil Kabupaten Uji, data as of 16 November 2026")
    assert "Green ≥ 92%" in [t.name for t in _bars(english)]


def test_kantong_bar_lists_most_belum_with_parent_names_and_share():
    table = _table()
    fig = charts.pockets_bar(table, area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS, n=3,
                             parent_names={"99.01": "Induk"})
    values = {k: x for t in _bars(fig) for k, x in zip(t.y, t.x) if k is not None}
    assert values == {"99.01.04": 1501.0, "99.01.02": 801.0, "99.01.03": 300.0}
    assert [t.name for t in _bars(fig)] == ["Hijau ≥ 92%", "Kuning 85% – < 92%", "Merah < 85%"]  # hijau is empty
    assert list(fig.layout.yaxis.categoryarray)[::-1] == ["99.01.04", "99.01.02", "99.01.03"]
    assert "Delta" in fig.layout.yaxis.ticktext[0] and "(Induk)" in fig.layout.yaxis.ticktext[0]
    texts = {k: s for t in _bars(fig) for k, s in zip(t.y, t.text or ()) if k is not None}
    assert texts["99.01.04"] == "1.501 · cakupan 84,99% (merah)"
    total = 80 + 801 + 300 + 1501
    assert f"2.602 dari {total:,} belum rekam".replace(",", ".") in fig.layout.meta["subjudul"]


def test_names_and_notes_are_text_in_every_chart_never_plotly_markup():
    """plotly reads <b>, <i>, <br> and entities in titles, ticks, legends and hovers: a desa named
    "<b>Tebal</b> & Co" was drawn bold and its "& Co" could vanish into an entity. Names from files are
    given to plotly as their characters (plotly draws "&lt;" as "<")."""
    from geo.render import capacity_charts, trend_charts

    name = "<b>Tebal</b> &amp Co"
    shown = "&lt;b&gt;Tebal&lt;/b&gt; &amp;amp Co"
    table = _table()
    table.loc[3, Col.NAMA] = name
    for fig in (charts.zone_bar(table, area_name=name, data_date=DATE, settings=SETTINGS),
                charts.pockets_bar(table, area_name=name, data_date=DATE, settings=SETTINGS, n=3,
                                   parent_names={"99.01": name})):
        ticks = " ".join(fig.layout.yaxis.ticktext)
        assert shown in ticks and "<b>Tebal" not in ticks
        hovers = [c[0] for t in _bars(fig) for c in (t.customdata if t.customdata is not None else [])]
        assert shown in hovers and name not in hovers
        assert fig.layout.meta["judul"].count(shown) == 1 and "<b>Tebal" not in fig.layout.meta["judul"]
    series = pd.DataFrame({Col.KODE: ["99.01"] * 2, Col.NAMA: [name] * 2, Col.TANGGAL: ["2026-11-09", DATE],
                           Col.WAJIB: [100, 100], Col.SUDAH: [80, 82], Col.CAKUPAN: [80.0, 82.0]})
    line = trend_charts.coverage_lines(series, SETTINGS)
    assert [t.name for t in line.data if t.name and "Tebal" in t.name] == [f"{shown} (99.01)"]
    cards = capacity_charts.cards_bar({}, area_name=name, settings=SETTINGS)
    assert shown in cards.layout.meta["judul"]


def test_tren_line_title_direction_and_indonesian_months():
    series = pd.DataFrame({
        Col.KODE: "99.01", Col.TANGGAL: ["2025-01-06", "2025-04-07", "2025-07-07"],
        Col.WAJIB: [1000, 1000, 1000], Col.SUDAH: [800, 850, 905],
    })
    series[Col.CAKUPAN] = 100 * series[Col.SUDAH] / series[Col.WAJIB]
    fig = charts.trend_line(series, area_name="Kabupaten Uji", settings=SETTINGS)
    assert fig.layout.meta["judul"] == "Kabupaten Uji: cakupan naik dari 80,00% menjadi 90,50%"
    assert list(fig.layout.xaxis.ticktext) == ["Mar<br>2025", "Mei", "Jul"]  # every 2 months
    bands = {t.meta["zona"]: t.fillpattern.shape for t in fig.data if (t.meta or {}).get("role") == "pita"}
    assert bands == {"hijau": "", "kuning": "/", "merah": "x"}
    ends = [a.text for a in fig.layout.annotations if a.name == "ujung"]
    assert ends == ["<b>80,00%</b>", "<b>90,50%</b>"]


def test_month_ticks_step_and_years():
    vals, texts = axes.month_ticks("2024-11-18", "2026-11-16")
    assert vals == ["2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"]
    assert texts == ["Jan<br>2025", "Jul", "Jan<br>2026", "Jul"]
    # abbreviated as CLDR does, in each language: four letters fit where "Agustus" and "September" crowd
    assert axes.month_ticks("2026-08-01", "2026-12-31", "id", 5)[1] == ["Agu<br>2026", "Sep", "Okt", "Nov", "Des"]
    assert axes.month_ticks("2026-08-01", "2026-12-31", "en", 5)[1] == ["Aug<br>2026", "Sep", "Oct", "Nov", "Dec"]


# --- export layout ----------------------------------------------------------------------------
@pytest.mark.parametrize("key", list(images.SIZES))
def test_style_for_export_large_type_and_one_left_edge(key):
    size = images.SIZES[key]
    fig = style.style_for_export(
        charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS), size)
    assert (fig.layout.width, fig.layout.height) == size
    assert fig.layout.font.size >= 18 * size[0] / 1080 - 0.5
    named = {a.name: a for a in fig.layout.annotations}
    assert named["judul"].font.size > fig.layout.font.size
    pad = round(0.04 * size[0])
    # title, subtitle, legend and source line start at the same pixel: the image's left padding
    for name in ("judul", "subjudul", "sumber"):
        assert (named[name].x, named[name].xshift) == (0, pytest.approx(pad - fig.layout.margin.l))
    assert fig.layout.legend.x * size[0] == pytest.approx(pad)
    # the source line is the lowest text: its bottom sits on the bottom padding
    assert named["sumber"].yanchor == "bottom" and named["sumber"].yshift == pytest.approx(pad - fig.layout.margin.b)


def test_long_titles_wrap_to_the_width():
    fig = charts.zone_bar(_table(), area_name="Kabupaten Dengan Nama Yang Sangat Panjang Sekali Untuk Diuji",
                          data_date=DATE, settings=SETTINGS)
    styled = style.style_for_export(fig, (1080, 1080))
    title = next(a for a in styled.layout.annotations if a.name == "judul")
    lines = title.text.split("<br>")
    assert len(lines) >= 2
    assert all(style.text_width(line, title.font.size, bold=True) <= 1080 - 2 * round(0.04 * 1080) for line in lines)


# --- sizes and formats ------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["12x5", "1200", "abc", "5000x5000", (100, 100), "0x0"])
def test_bad_size_is_refused_in_indonesian(value):
    with pytest.raises(RekamError) as err:
        images.parse_size(value)
    assert err.value.key == "gambar_ukuran_salah"
    assert "Ukuran gambar" in describe(err.value) and "1200x675" in describe(err.value)


def test_sizes_parse():
    assert images.parse_size("1080×1350") == (1080, 1350)
    assert images.parse_size(" 1200 x 675 ") == (1200, 675)
    assert images.parse_size((1080, 1080)) == (1080, 1080)


@pytest.mark.parametrize("value", ["gif", "jpg", "", ".pdf"])
def test_bad_format_is_refused(value):
    with pytest.raises(RekamError, match="gambar_format_salah"):
        images.parse_format(value)
    assert images.parse_format(".SVG") == "svg"


def test_no_browser_fails_fast_instead_of_hanging(monkeypatch):
    monkeypatch.setattr(images, "_server_started", False)
    monkeypatch.setattr(images, "_browser_path", lambda: None)
    with pytest.raises(RekamError) as err:
        images.to_image(charts.zone_bar(_table(), area_name="K", data_date=DATE, settings=SETTINGS))
    assert err.value.key == "gambar_tanpa_peramban"
    assert "Chromium" in describe(err.value)


# --- rendered images --------------------------------------------------------------------------
@needs_browser
@pytest.mark.parametrize("key", list(images.SIZES))
def test_png_is_exactly_the_size_asked(key):
    fig = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    assert _png_size(images.to_image(fig, "png", images.SIZES[key])) == images.SIZES[key]


@needs_browser
def test_an_empty_zone_stays_in_the_legend_without_a_bar():
    all_green = _table().iloc[:1]
    fig = charts.zone_bar(all_green, area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    svg = images.to_image(fig, "svg", (1080, 1080)).decode("utf-8")
    legend = [html.unescape(t) for t in re.findall(r'class="legendtext"[^>]*>([^<]*)<', svg)]
    assert legend == ["Hijau ≥ 92%", "Kuning 85% – < 92%", "Merah < 85%"]
    assert list(fig.layout.yaxis.tickvals) == ["99.01.01"]


@needs_browser
def test_svg_holds_title_area_and_source_as_text():
    fig = charts.zone_bar(_table(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS)
    svg = images.to_image(fig, "svg", (1200, 675)).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and 'width="1200"' in svg and 'height="675"' in svg
    text = re.sub(r"<[^>]+>", "", svg)
    assert "Kabupaten Uji: 1 dari 5 kecamatan masih merah" in text
    assert "Sumber: Disdukcapil Kabupaten Uji, data per 16 November 2026" in text
    assert "Hijau ≥ 92%" in text and "92,00% (hijau)" in text


# --- static map -------------------------------------------------------------------------------
def _squares() -> gpd.GeoDataFrame:
    table = _table()
    geoms = [box(120 + i * 0.1, -9, 120.09 + i * 0.1, -8.91) for i in range(len(table))]
    return gpd.GeoDataFrame(table, geometry=geoms, crs="EPSG:4326")


def test_map_fills_and_hatches_each_zone():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 4))
    ax = fig.add_axes([0, 0, 1, 1])
    drawn = static_map.draw_zone_map(ax, _squares(), settings=SETTINGS)
    assert drawn["counts"] == {Zone.HIJAU: 1, Zone.KUNING: 2, Zone.MERAH: 1, None: 1}
    fills = {}
    for collection in ax.collections:
        colour = tuple(round(c, 3) for c in collection.get_facecolor()[0][:3])
        fills[colour] = collection.get_hatch() or ""
    from matplotlib.colors import to_rgb

    for zone in (*style.ZONE_ORDER, None):
        colour = tuple(round(c, 3) for c in to_rgb(ZONE_COLOURS[zone] if zone else NO_DATA_COLOUR))
        assert fills[colour] == static_map.MPL_HATCHES[zone]
    labels = [h.get_label() for h in static_map.legend_handles(SETTINGS, "id", drawn["counts"], "kecamatan")]
    assert labels == ["Hijau ≥ 92% · 1 kecamatan", "Kuning 85% – < 92% · 2 kecamatan", "Merah < 85% · 1 kecamatan",
                      "Tidak ada data · 1 kecamatan"]


@pytest.mark.parametrize("key", list(images.SIZES))
def test_map_png_is_exactly_the_size_asked(key):
    data = static_map.zone_map(_squares(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS,
                               size=images.SIZES[key])
    assert _png_size(data) == images.SIZES[key]


def test_map_svg_holds_title_and_source_as_text():
    svg = static_map.zone_map(_squares(), area_name="Kabupaten Uji", data_date=DATE, settings=SETTINGS,
                              size=(1080, 1080), fmt_name="svg").decode("utf-8")
    assert 'width="1080" height="1080"' in svg
    text = re.sub(r"<[^>]+>", "", svg)
    assert "Kabupaten Uji: 1 dari 5 kecamatan masih merah" in text
    assert "Sumber: Disdukcapil Kabupaten Uji, data per 16 November 2026 · data contoh sintetis" in text
    assert "Hijau ≥ 92%" in text


@pytest.mark.parametrize("name", [r"Dusun $\alpha$ Jaya", r"Rp $5 $\frac{ Lama"])
def test_names_from_files_are_drawn_as_written_never_as_mathtext(name):
    """matplotlib reads $…$ as mathtext: a desa "Dusun $\\alpha$ Jaya" was drawn "Dusun α Jaya" on the map
    image and in the PDF, and a stray "$\\frac{" failed the whole image. Names are data: drawn as written."""
    from geo.render.pdf_page import PdfPage

    table = _squares()
    table.loc[0, Col.NAMA] = name
    svg = static_map.zone_map(table, area_name=name, data_date=DATE, settings=SETTINGS, size=(1080, 1080),
                              fmt_name="svg").decode("utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", svg))
    assert f"{name}: 1 dari 5 kecamatan masih merah" in text  # the title, as written
    assert static_map.zone_map(table, area_name=name, data_date=DATE, settings=SETTINGS)[:4] == b"\x89PNG"
    page = PdfPage("id")
    artist = page.text(1, 1, name)
    assert page.pdf()[:4] == b"%PDF" and not artist._preprocess_math(name)[1]  # no mathtext in the briefing


def test_map_refuses_bad_size():
    with pytest.raises(RekamError, match="gambar_ukuran_salah"):
        static_map.zone_map(_squares(), area_name="K", data_date=DATE, settings=SETTINGS, size="10x10")


def test_an_area_above_100_percent_is_marked_on_the_static_map():
    from matplotlib.figure import Figure

    areas = _squares()
    areas.loc[0, Col.CAKUPAN] = 106.7
    fig = Figure(figsize=(6, 4))
    drawn = static_map.draw_zone_map(fig.add_axes([0, 0, 1, 1]), areas, settings=SETTINGS)
    assert drawn["over_100"] == 1
    labels = [h.get_label() for h in static_map.legend_handles(SETTINGS, "id", drawn["counts"], over_100=1)]
    assert labels[-1] == "1 wilayah di atas 100% — periksa data wajib KTP"


def test_the_trend_image_tells_the_story_target_deadline_projection_and_verdict(demo_sqlite):
    """The image a journalist posts: target line, deadline, projection with its band, and the
    verdict as the title — made from the same projection the pages show."""
    from datetime import date

    from geo import trend
    from geo.config import load_settings
    from geo.present.trend import verdict
    from geo.render import media
    from geo.timeline import coverage_over_time

    settings = load_settings()
    store = Store.open(f"sqlite:///{demo_sqlite}")
    data_date = store.snapshot_dates("99.01")[-1]
    today = date.fromisoformat(data_date)
    fig = media.chart_figure(store, "99.01", "tren", settings=settings, today=today)
    series = coverage_over_time(store, "99.01", settings=settings)
    expected = trend.projection(series, target_pct=settings.target, deadline=settings.deadline_for(data_date),
                                today=today)
    title = fig.layout.meta["judul"] if fig.layout.meta else fig.layout.title.text
    # the verdict as a headline: "<area>: <finding>", one colon, no full stop
    said = verdict(expected, settings.zones.hijau)["title"].rstrip(".")
    first, rest = said.split(": ", 1)
    assert title == f"Kabupaten Contoh Sejahtera: {first[0].lower()}{first[1:]} — {rest}"
    assert title.count(":") == 1 and not title.endswith(".")
    roles = [t.meta.get("role") for t in fig.data if isinstance(t.meta, dict)]
    assert "proyeksi" in roles
    projected = next(t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("role") == "proyeksi")
    assert list(projected.x) == [data_date, expected["tanggal_proyeksi"]]
    assert list(projected.y)[-1] == settings.target
    shapes = [s for s in fig.layout.shapes if s.type == "line"]
    assert any(s.y0 == settings.target == s.y1 for s in shapes)  # the target
    assert any(str(s.x0)[:10] == settings.deadline_for(data_date) for s in shapes)  # the deadline
    # seen weeks later, the projected date is past: the title says the data is old, no dashed future
    late = media.chart_figure(store, "99.01", "tren", settings=settings, today=date(2027, 1, 15))
    late_title = late.layout.meta["judul"] if late.layout.meta else late.layout.title.text
    assert late_title.startswith(("Kabupaten Contoh Sejahtera: data sudah", "Kabupaten Contoh Sejahtera: tenggat"))
    assert "proyeksi" not in [t.meta.get("role") for t in late.data if isinstance(t.meta, dict)]
    store.close()


@needs_browser
@pytest.mark.parametrize("key", list(images.SIZES))
def test_the_trend_images_legend_ends_above_the_plot(demo_sqlite, key):
    """Six legend items (three zones, the line, the target, the projection) wrap to rows at every size: the plot
    starts under the last row (the rows covered the plot's top, the green zone and its ticks), as
    plotly draws them."""
    from datetime import date

    from geo.config import load_settings
    from geo.render import media

    store = Store.open(f"sqlite:///{demo_sqlite}")
    today = date.fromisoformat(store.snapshot_dates("99.01")[-1])
    fig = media.chart_figure(store, "99.01", "tren", settings=load_settings(), today=today)
    store.close()
    size = images.SIZES[key]
    svg = images.to_image(fig, "svg", size).decode("utf-8")
    legend = re.search(r'<g class="legend"[^>]*translate\([\d.]+,\s*([\d.]+)\)">'
                       r'<rect class="bg"[^>]*height="([\d.]+)"', svg)
    legend_bottom = float(legend.group(1)) + float(legend.group(2))
    items = re.findall(r'class="legendtext"', svg)
    assert len(items) == 6
    plot_top = style.style_for_export(fig, size).layout.margin.t
    assert legend_bottom <= plot_top + 0.5


def test_the_deadline_label_stands_on_the_side_with_room(demo_sqlite):
    """The deadline's label sits at the foot of its line, on the side of it with more room: left of a
    deadline at the end of the axis (the kabupaten), right of one early on a long axis (Kepulauan Teduh,
    projected to 2029), where on the left it covered the first value's label ('66,58%')."""
    from datetime import date

    from geo.config import load_settings
    from geo.render import media

    settings = load_settings()
    store = Store.open(f"sqlite:///{demo_sqlite}")
    deadline = settings.deadline_for(store.snapshot_dates("99.01")[-1])
    today = date(2026, 12, 4)
    for kode, side in (("99.01", "right"), ("99.01.12", "left")):
        fig = media.chart_figure(store, kode, "tren", settings=settings, today=today)
        label = next(a for a in fig.layout.annotations if a.text.startswith("Tenggat "))
        axis = [pd.Timestamp(str(d)[:10]) for d in fig.layout.xaxis.range]
        at = (pd.Timestamp(deadline) - axis[0]) / (axis[1] - axis[0])
        assert (label.xanchor, at < 0.5) == (side, side == "left"), kode
    store.close()
