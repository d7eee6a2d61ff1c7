"""Tren page: the headline, the table and the chart equal geo.trend on the demo store (projected from
today); the chart draws the areas that need attention; editors add events."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo import auth, columns, events, fmt, timeline, trend
from geo.present import trend as trend_words
from geo.render import images, trend_charts
from geo.ingest import import_boundaries
from geo.schema import DEMO_DIR, Col
from geo.config import load_settings
from geo.store import Store
from tests.pages.pages_run import shown_text

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
KAB = "99.01"
DEADLINE = "2026-12-31"  # 31 December of the data year (the demo ends on 2026-11-16)


class _DataDay(date):
    """Today as the page sees it, pinned to the demo's data date (16 November 2026)."""

    @classmethod
    def today(cls):
        return cls(2026, 11, 16)


class _Later(date):
    """Today 18 days after the demo's data date: the projected 21 November has passed."""

    @classmethod
    def today(cls):
        return cls(2026, 12, 4)


@pytest.fixture
def tren_env(demo_env, monkeypatch):
    """The demo store (geo.ingest.demo imports the demo's events too), seen on its data date: the
    page projects from today, and these figures were written for a today of 16 November 2026."""
    monkeypatch.setattr("ui.headline.date", _DataDay)
    return demo_env


def _app(session=None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=120)
    if session is not None:
        at.session_state["auth_session"] = session
    return at.run()


def _projection(url: str, area: str = KAB, deadline: str = DEADLINE) -> dict:
    store = Store.open(url)
    frame = timeline.series(store, area)
    return trend.projection(frame[frame[Col.KODE] == area], target_pct=load_settings().zones.hijau,
                            deadline=deadline, window_days=28)


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _spec(at: AppTest, n: int = 0) -> dict:
    return json.loads(at.get("plotly_chart")[n].proto.spec)


def _legend(name: str | None) -> str | None:
    """A legend item as read: the page wraps long items to a phone's width (``style.compact``)."""
    return name.replace("<br>", " ") if name else name


def test_headline_equals_the_projection_from_the_store(tren_env):
    at = _app()
    assert not at.exception
    p = _projection(tren_env)
    assert (p[columns.STATUS], p[columns.TANGGAL_PROYEKSI], p[columns.LAJU_DIBUTUHKAN]) == ("tercapai", "2026-11-21", 24)
    text = "\n".join(m.value for m in at.markdown)
    assert "Dengan laju saat ini, zona hijau tercapai pada **21 November 2026**" in text
    assert "Perlu **24 perekaman per hari** untuk zona hijau pada 31 Desember 2026." in text
    assert _metrics(at) == {
        "Cakupan terakhir": fmt.percent(p[Col.CAKUPAN]),  # 91,93%
        "Laju saat ini (per hari)": fmt.rate(p[columns.LAJU]),  # 73,6: a tenth where a day's few count
        "Perlu per hari": "24",
        "Perkiraan tercapai": "21 November 2026",
    }
    assert _metrics(at)["Cakupan terakhir"] == "91,93%"
    assert "Data contoh sintetis" in " ".join(i.value for i in at.info)
    assert at.header[0].value == "Tren dan proyeksi — Kabupaten Contoh Sejahtera"
    # Honest notes: the 2025-06-16 correction in Nanga Permai and the growing denominator.
    assert "Koreksi data: sudah rekam turun 1 kali — Nanga Permai pada 16 Juni 2025 (-191)" in text
    assert "wajib KTP 336.075 pada 18 November 2024 menjadi 348.963 pada 16 November 2026 (+12.888)" in text
    assert any(c.value == "Sumber: Dinas Kependudukan dan Pencatatan Sipil, data per 16 November 2026"
               for c in at.caption)


def test_table_rows_equal_projection_table(tren_env):
    at = _app()
    expected = trend.slowest_first(trend.projection_table(Store.open(tren_env), KAB, deadline=DEADLINE))
    shown = shown_text(at.dataframe[0])
    assert list(shown["Kode"]) == list(expected[Col.KODE])
    # worst first, as every ranking: never at this rate (the broken device), then the latest date
    assert shown["Kode"].iloc[0] == "99.01.08" and shown["Status"].iloc[0] == "tidak tercapai pada laju ini"
    dated = [d for d in expected[columns.TANGGAL_PROYEKSI] if isinstance(d, str)]
    assert dated == sorted(dated, reverse=True)
    assert any("Paling atas: yang tidak tercapai" in c.value for c in at.caption)
    assert list(shown["Status"][:6]) == [trend_words.status_label(s) for s in expected[columns.STATUS][:6]]
    assert shown["Perkiraan tercapai"].iloc[0] == "tidak tercapai"
    assert list(shown["Perkiraan tercapai"][1:5]) == [fmt.long_date(d) for d in expected[columns.TANGGAL_PROYEKSI][1:5]]
    assert list(shown["Perlu per hari"][:6]) == [fmt.number(v) for v in expected[columns.LAJU_DIBUTUHKAN][:6]]
    broken = shown.set_index("Kode").loc["99.01.08"]  # the broken device: no recording since 28 Sept
    assert (broken["Status"], broken["Laju per hari"]) == ("tidak tercapai pada laju ini", "0,0")
    assert shown["Status"].iloc[-1] == "sudah tercapai"
    values = at.dataframe[0].value  # what a click on a title sorts by: the numbers and days themselves
    assert values["Perlu per hari"].tolist()[:6] == expected[columns.LAJU_DIBUTUHKAN][:6].astype(float).tolist()
    days = values["Perkiraan tercapai"].tolist()[1:5]
    assert days == [float(str(d)[:10].replace("-", "")) for d in expected[columns.TANGGAL_PROYEKSI][1:5]]


def _event_marks(spec: dict) -> dict[str, list[str]]:
    """The chart's event markers: {kind in words: the hover text of each run}."""
    return {t["name"]: list(t["hovertext"]) for t in spec["data"] if (t.get("meta") or {}).get("jenis") == "peristiwa"}


def test_chart_has_zone_bands_and_event_markers(tren_env):
    spec = _spec(_app())
    names = [_legend(s.get("name")) for s in spec["layout"]["shapes"]]
    assert {"Zona hijau: ≥ 92%", "Zona kuning: 85% – < 92%", "Zona merah: < 85%"} <= set(names)
    # the zones are named on their bands (not three legend rows on a phone)
    words = {a["name"]: a["text"] for a in spec["layout"]["annotations"] if a.get("name", "").startswith("zona_")}
    assert words == {"zona_hijau": "Hijau ≥ 92%", "zona_kuning": "Kuning 85% – < 92%", "zona_merah": "Merah < 85%"}
    assert not any(s.get("showlegend") for s in spec["layout"]["shapes"])
    marks = _event_marks(spec)
    assert "Alat rusak" in marks
    assert any(h.startswith("<b>Perekaman di sekolah (25)</b>") for h in marks["Perekaman di sekolah"])
    ranges = {(s["x0"], s["x1"]) for s in spec["layout"]["shapes"] if s.get("xref") == "x"}
    assert ("2026-09-28", "2026-11-17") in ranges  # still broken: drawn up to the latest data (16 Nov)
    assert ("2026-07-13", "2026-08-21") in ranges  # 25 school visits, 13 July – 20 August, one band
    bars = _spec(_app(), 1)
    kinds = [t["meta"]["jenis"] for t in bars["data"] if t["meta"]["jenis"] != "peristiwa"]
    assert kinds == ["biasa", "akhir_pekan"]  # weekend services marked on the recordings chart
    assert "Layanan akhir pekan" not in _event_marks(bars)  # …as hatched bars, not as markers too


def test_changing_the_deadline_changes_the_needed_rate(tren_env):
    at = _app()
    at.date_input(key="tren_tenggat").set_value(date(2027, 6, 30)).run()
    assert not at.exception
    p = _projection(tren_env, deadline="2027-06-30")
    # 92% of 348.963 − 320.788 = 258 missing over 226 days, plus 0,92 × 19,6 new wajib a day → 20.
    assert p[columns.LAJU_DIBUTUHKAN] == 20
    assert _metrics(at)["Perlu per hari"] == "20"
    text = "\n".join(m.value for m in at.markdown)
    assert "Perlu **20 perekaman per hari** untuk zona hijau pada 30 Juni 2027." in text
    table = trend.slowest_first(trend.projection_table(Store.open(tren_env), KAB, deadline="2027-06-30"))
    assert list(shown_text(at.dataframe[0])["Perlu per hari"]) == [fmt.number(v) for v in table[columns.LAJU_DIBUTUHKAN]]


def test_a_kecamatan_picked_on_the_page(tren_env):
    at = _app()
    at.selectbox(key="tren_area").set_value("99.01.08").run()
    assert not at.exception
    p = _projection(tren_env, "99.01.08")
    assert p[columns.STATUS] == "tidak_tercapai_pada_laju_ini"
    text = "\n".join(m.value for m in at.markdown)
    assert ("Zona hijau **tidak tercapai pada laju ini**: tidak ada tambahan perekaman dalam 28 hari terakhir "
            "(19 Oktober 2026 – 16 November 2026).") in text  # the device broke on 28 September
    assert _metrics(at)["Perkiraan tercapai"] == "tidak tercapai"
    assert f"Perlu **{p[columns.LAJU_DIBUTUHKAN]} perekaman per hari**" in text
    shown = shown_text(at.dataframe[0])
    assert len(shown) == 14 and all(k.startswith("99.01.08.") for k in shown["Kode"])
    assert "Alat rusak" in _event_marks(_spec(at))


def test_editor_adds_an_event_and_it_appears_on_the_chart(tren_env):
    store = Store.open(tren_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at = _app(auth.authenticate(store, "petugas1", PASSWORD, settings=load_settings()))
    assert not at.exception
    note = "Server kantor kecamatan mati"
    at.date_input(key="tren_f_tanggal").set_value((date(2026, 10, 5), date(2026, 10, 9)))
    at.selectbox(key="tren_f_wilayah").set_value("99.01.03")
    at.selectbox(key="tren_f_jenis").set_value("jaringan_putus")
    at.text_input(key="tren_f_keterangan").input(note)
    at = next(b for b in at.button if b.label == "Simpan peristiwa").click().run()
    assert not at.exception
    stored = events.events(store, "99.01.03")
    added = stored[stored[columns.KETERANGAN] == note]
    assert added[[columns.MULAI, columns.SELESAI, columns.JENIS]].values.tolist() == [
        ["2026-10-05", "2026-10-09", "jaringan_putus"]]
    version = int(added[Col.VERSI].iloc[0])
    assert store.history().set_index("id").loc[version, "user"] == "petugas1"
    assert any(f"Peristiwa tersimpan sebagai versi {version}" in s.value for s in at.success)
    spec = _spec(at)
    assert any(h.endswith(f"<br>{note}") for h in _event_marks(spec)["Jaringan putus"])
    ranges = {(s["x0"], s["x1"]) for s in spec["layout"]["shapes"] if s.get("xref") == "x"}
    assert ("2026-10-05", "2026-10-10") in ranges  # 5–9 October, the last day included


def test_events_listed_still_going_on_first_then_newest_all_in_the_table(tren_env):
    """The six events on top, as the demo's events file has them: those without an end first, then
    the latest start; every event (all are in the kabupaten) in the table under the list."""
    at = _app()
    assert not at.exception
    source = pd.read_csv(DEMO_DIR / "peristiwa.csv", dtype=str, keep_default_na=False)
    going = source[source["tanggal_selesai"] == ""]
    done = source[source["tanggal_selesai"] != ""].sort_values("tanggal_mulai", ascending=False, kind="stable")
    expected = pd.concat([going, done]).head(6)
    listed = next(m.value for m in at.markdown if m.value.startswith("- **")).replace("\\", "").split("\n")
    assert [line.split(" — ", 1)[1] for line in listed] == expected["keterangan"].tolist()
    first = expected.iloc[0]
    assert listed[0].startswith(f"- **sejak {fmt.long_date(first['tanggal_mulai'])}, masih berlangsung** · Alat rusak")
    second = expected.iloc[1]
    assert listed[1].startswith(f"- **{fmt.date_span(second['tanggal_mulai'], second['tanggal_selesai'])}** ·")
    table = next(e for e in at.expander if e.label == f"Semua peristiwa ({len(source)}) sebagai tabel")
    shown = table.dataframe[0].value
    assert len(shown) == len(source)
    assert shown["Keterangan"].tolist()[:6] == expected["keterangan"].tolist()


def test_viewers_see_no_form(tren_env):
    store = Store.open(tren_env)
    auth.add_user(store, "pembaca", PASSWORD, "viewer", settings=load_settings())
    for session in (None, auth.authenticate(store, "pembaca", PASSWORD, settings=load_settings())):
        at = _app(session)
        assert not at.exception
        assert not [t for t in at.text_input if t.key == "tren_f_keterangan"]  # the target is the only text input
        assert not [b for b in at.button if b.label == "Simpan peristiwa"]
        assert any("setelah masuk di halaman Data" in c.value for c in at.caption)


def test_a_single_snapshot_says_there_is_no_trend(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'satu.sqlite'}"
    store = Store.open(url)
    import_boundaries(store, DEMO_DIR / "wilayah_desa.geojson", level="desa")
    history = pd.read_csv(DEMO_DIR / "rekam_mingguan.csv", dtype={Col.KODE: str, Col.TANGGAL: str})
    last = history[history[Col.TANGGAL] == "2026-11-16"][[Col.KODE, Col.WAJIB, Col.SUDAH]]
    store.add_enrollment(last, tanggal="2026-11-16")
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = _app()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "Baru ada satu data (per 16 November 2026): belum ada tren, jadi belum ada proyeksi." in text
    assert "belum ada tren. Proyeksi perlu paling sedikit dua tanggal." in text  # the note on the data
    assert _metrics(at)["Laju saat ini (per hari)"] == "–"
    assert _metrics(at)["Cakupan terakhir"] == "91,93%"  # 320.788 of 348.963 on that day
    statuses = set(shown_text(at.dataframe[0])["Status"])
    assert statuses <= {"baru satu data: belum ada tren", "sudah tercapai"} and len(statuses) == 2
    # no rate without a trend: the value stays missing (the grid's own CSV leaves it empty; it once held
    # infinity, written "Infinity") and the grid shows its placeholder
    assert at.dataframe[0].value["Laju per hari"].isna().all()
    assert at.dataframe[0].proto.placeholder == "–"
    assert any("Belum ada peristiwa tercatat" in c.value for c in at.caption)
    # no interval to count recordings in: a sentence, not an empty chart of weeks
    assert [json.loads(c.proto.spec)["layout"]["meta"]["gambar"] for c in at.get("plotly_chart")] == ["tren_cakupan"]
    assert any(i.value.startswith("Baru ada satu tanggal data (16 November 2026): perekaman per minggu")
               for i in at.info)


# --- a chart that reads, inputs as people type them, the projection made today -------------------
def _lines(at: AppTest) -> list[str]:
    """Codes of the coverage lines on the chart, in drawing order."""
    return [t["meta"]["kode"] for t in _spec(at)["data"] if (t.get("meta") or {}).get("jenis") == "cakupan"]


def test_the_chart_draws_the_area_and_those_that_need_attention(tren_env):
    at = _app()
    table = trend.projection_table(Store.open(tren_env), KAB, deadline=DEADLINE)
    attention = trend.needs_attention(table, load_settings().zones, n=5)
    assert "99.01.08" in attention  # the kecamatan whose device broke
    assert _lines(at) == [KAB, *sorted(attention)]  # 6 lines, not 13
    picker = at.multiselect(key=f"tren_garis_{KAB}")
    assert picker.value == attention and len(picker.options) == 12
    picker.set_value(["99.01.01"]).run()
    assert _lines(at) == [KAB, "99.01.01"]
    legend = [_legend(t["name"]) for t in _spec(at)["data"] if (t.get("meta") or {}).get("jenis") == "cakupan"]
    assert legend == ["Kabupaten Contoh Sejahtera (99.01)", "Kota Sejahtera (99.01.01)"]


def test_target_typed_in_indonesian_decimals(tren_env):
    at = _app()
    box = at.text_input(key="tren_target")
    assert box.value == "92"  # the green threshold as people write it, not "92.00"
    assert at.date_input(key="tren_tenggat").value == date.fromisoformat(load_settings().deadline_for("2026-11-16"))
    box.input("92,5").run()
    assert not at.exception
    store = Store.open(tren_env)
    frame = timeline.series(store, KAB)
    p = trend.projection(frame[frame[Col.KODE] == KAB], target_pct=92.5, deadline=DEADLINE, window_days=28,
                         today=date(2026, 11, 16))
    assert _metrics(at)["Perlu per hari"] == fmt.number(p[columns.LAJU_DIBUTUHKAN])
    assert _metrics(at)["Perkiraan tercapai"] == trend_words.when_words(p)
    text = "\n".join(m.value for m in at.markdown)
    assert "target 92,5%" in text
    at.text_input(key="tren_target").input("sembilan puluh").run()
    assert not at.exception and at.error  # named, and the office's target used meanwhile
    assert _metrics(at)["Perlu per hari"] == "24"


def test_on_older_figures_a_past_projected_date_points_to_the_newest_not_to_an_import(tren_env, monkeypatch):
    """A date picked from the past whose projected day has passed said "Impor data terbaru untuk memastikan"
    under a box saying newer data is already in: it points to that date instead."""
    monkeypatch.setattr("ui.headline.date", _Later)
    store = Store.open(tren_env)
    dates = store.snapshot_dates(KAB)
    frame = timeline.series(store, KAB, end=dates[-2])
    p = trend.projection(frame[frame[Col.KODE] == KAB], target_pct=92, deadline=DEADLINE, window_days=28,
                         today=date(2026, 12, 4))
    assert p[columns.PROYEKSI_LEWAT]
    at = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=120)
    at.query_params["date"] = dates[-2]
    at.run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert (f"ini data {fmt.long_date(dates[-2])}, dan data {fmt.long_date(dates[-1])} sudah ada: pilih tanggal itu "
            "(Data per tanggal) untuk melihatnya.") in text
    assert "Impor data terbaru untuk memastikan" not in text


def test_from_a_later_today_a_past_projected_date_is_said_so(tren_env, monkeypatch):
    monkeypatch.setattr("ui.headline.date", _Later)
    at = _app()
    store = Store.open(tren_env)
    frame = timeline.series(store, KAB)
    p = trend.projection(frame[frame[Col.KODE] == KAB], target_pct=92, deadline=DEADLINE, window_days=28,
                         today=date(2026, 12, 4))
    assert p[columns.PROYEKSI_LEWAT] and p[columns.UMUR_DATA] == 18
    text = "\n".join(m.value for m in at.markdown)
    assert "mestinya sudah tercapai sekitar **21 November 2026** — tanggal itu sudah lewat" in text
    assert "Dengan laju saat ini, zona hijau tercapai pada" not in text  # never a past date as the future
    assert _metrics(at)["Perlu per hari"] == fmt.number(p[columns.LAJU_DIBUTUHKAN])  # as the projection counts it
    assert _metrics(at)["Mestinya sudah tercapai"] == "21 November 2026"  # the label says it, the value fits
    assert "Perkiraan tercapai" not in _metrics(at)
    said = [w.value for w in at.warning]  # old data said in the verdict; what to do in the words under it
    assert sum("sudah 18 hari" in w for w in said) == 1 and not [w for w in said if "Data terakhir" in w]
    assert [w for w in said if w.startswith("**Data sudah 18 hari:")]
    assert text.count("Impor data terbaru") == 1 and "data terakhir 16 November 2026 (18 hari lalu)" in text


class _MonthsLater(date):
    """Today on 1 May 2027: some kecamatan's projected dates (26 February, 29 April) have passed."""

    @classmethod
    def today(cls):
        return cls(2027, 5, 1)


def test_the_table_marks_each_projected_date_already_past(tren_env, monkeypatch):
    monkeypatch.setattr("ui.headline.date", _MonthsLater)
    at = _app()
    assert not at.exception
    table = trend.slowest_first(trend.projection_table(Store.open(tren_env), KAB, deadline=DEADLINE,
                                                       today=date(2027, 5, 1)))
    past = table[columns.PROYEKSI_LEWAT].tolist()
    assert 0 < sum(past) < table[columns.TANGGAL_PROYEKSI].notna().sum()  # some past, some still ahead
    without = {"sudah_tercapai": "sudah tercapai", "tidak_tercapai_pada_laju_ini": "tidak tercapai"}
    assert list(shown_text(at.dataframe[0])["Perkiraan tercapai"]) == [
        without[status] if pd.isna(d) else f"{fmt.long_date(d)} (lewat)" if gone else fmt.long_date(d)
        for d, gone, status in zip(table[columns.TANGGAL_PROYEKSI], past, table[columns.STATUS])]


def test_screenshot_mode_keeps_the_story(tren_env):
    at = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=120)
    at.query_params["mode"] = "tangkapan"
    at.run()
    assert not at.exception
    assert not (at.selectbox or at.text_input or at.date_input or at.number_input or at.multiselect)
    assert at.header[0].value == "Tren dan proyeksi — Kabupaten Contoh Sejahtera · data per 16 November 2026"
    assert _lines(at)[0] == KAB and len(_lines(at)) == 6
    assert not at.get("download_button") and not at.expander


def test_chart_titles_are_text_above_the_charts(tren_env):
    """A title drawn inside a chart is cut on a phone; above it, as the page's text, it wraps."""
    at = _app()
    text = [m.value for m in at.markdown]
    assert "**Cakupan dari waktu ke waktu**" in text
    assert r"**Perekaman per minggu — Kabupaten Contoh Sejahtera**" in text
    assert any(c.value.startswith("Garis hitam tebal: Kabupaten Contoh Sejahtera") for c in at.caption)
    for n in (0, 1):
        assert not (_spec(at, n)["layout"].get("title") or {}).get("text")  # not again inside the chart


def test_the_verdict_comes_before_the_pickers(tren_env):
    """On a phone the four pickers stack a screen deep: the answer is above them, first under the title."""
    at = _app()
    blocks = list(at.main.children.values())
    kinds = ("Success", "Warning", "Error")
    verdict = next(i for i, b in enumerate(blocks) if any(type(e).__name__ in kinds for e in getattr(b, "children", {}).values()))
    pickers = next(i for i, b in enumerate(blocks)
                   if hasattr(b, "children") and any(s.key == "tren_area" for s in b.get("selectbox")))
    assert verdict < pickers
    headline = "\n".join(m.value for m in at.markdown)
    box = blocks[verdict].children[0].value
    assert box.startswith("**") and "zona hijau" in box and "zona hijau" in headline  # the answer, then the words


@pytest.mark.skipif(images._browser_path() is None, reason="no Chromium for kaleido (apt chromium)")
def test_the_charts_legends_end_above_their_plots_whole(tren_env):
    """The page's two charts as plotly.js draws them at a phone's width and a laptop's: every legend
    item shown whole (none scrolled out of a capped box, none past the right edge) and the plot starting
    under the last row. The browser sets the rows: on a phone the coverage chart's long items stand one
    per row, short ones side by side, and the plot keeps its height; on a laptop they share rows and the
    plot gets the room."""
    import re

    import plotly.graph_objects as go

    at = _app()
    for n in (0, 1):
        spec = _spec(at, n)
        fig = go.Figure(spec)
        shown = [t for t in spec["data"] if t.get("showlegend") is not False and t.get("name")]
        items = len(shown) + sum(1 for s in spec["layout"]["shapes"] if s.get("showlegend"))
        plot_heights, legend_heights = {}, {}
        for width in (358, 1000):  # a phone's chart, and a laptop's
            svg = images.to_image(fig, "svg", (width, fig.layout.height), styled=False).decode()
            x, top, legend_w, legend_h = (float(v) for v in re.search(
                r'<g class="legend"[^>]*translate\(([\d.]+),\s*([\d.]+)\)"><rect class="bg"[^>]*'
                r'width="([\d.]+)" height="([\d.]+)"', svg).groups())
            plot_y, plot_h = (float(v) for v in re.search(
                r'<clipPath class="axesclip" id="clip\w+xy"><rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" '
                r'height="([\d.]+)"', svg).groups())
            assert top + legend_h <= plot_y + 0.5 and x + legend_w <= width
            scrollbar = re.search(r'<rect class="scrollbar"[^>]*height="([\d.]+)"', svg)
            assert scrollbar is None or float(scrollbar.group(1)) == 0
            assert len(re.findall(r'class="legendtext"', svg)) == items
            plot_heights[width] = plot_h
            legend_heights[width] = legend_h
        assert plot_heights[358] >= trend_charts.PLOT_PX - 1  # on a phone the plot keeps its height
        if n == 0:  # twelve items (six areas, the projection, five event kinds; the zones are named on their
            # bands, not in the legend): on a phone the legend is shorter than the plot; fewer rows on a
            # laptop, a taller plot
            assert items == 12 and plot_heights[1000] > plot_heights[358] + 100, plot_heights
            assert legend_heights[358] < plot_heights[358], (legend_heights, plot_heights)


def test_screenshot_mode_names_only_the_lines_it_shows(tren_env):
    """In screenshot mode the area picker above the chart is hidden: the note under the chart's title
    names the thick line only (it pointed to 'the areas chosen above the chart', not on the screenshot)."""
    at = _app()
    notes = [c.value for c in at.caption]
    assert any(n.startswith("Garis hitam tebal: ") and "dipilih di atas grafik" in n for n in notes)
    shot = AppTest.from_file(str(ROOT / "pages" / "tren.py"), default_timeout=120)
    shot.session_state["screenshot"] = True
    shot.run()
    assert not shot.exception
    notes = [c.value for c in shot.caption]
    assert any(n.startswith("Garis hitam tebal: ") for n in notes)
    assert not any("dipilih di atas grafik" in n for n in notes)


def test_the_table_shows_a_past_days_words_whole(demo_env, monkeypatch):
    """Seen on 4 December, at a target where a kecamatan's projected day is already past: its status
    'mestinya sudah tercapai (data lama)' and its day '… (lewat)' were cut to '(data' and '(lew' at
    1366 px; the columns take the width of their longest words."""
    import json

    from ui.tables import CELL_PADDING_PX, text_px

    monkeypatch.setattr("ui.headline.date", _Later)
    store = Store.open(demo_env)
    goal = next(t for t in range(92, 100) if trend.projection_table(
        store, KAB, target_pct=t, deadline=DEADLINE, today=_Later.today())[columns.PROYEKSI_LEWAT].eq(True).any())
    at = _app()
    at.text_input(key="tren_target").set_value(str(goal)).run()
    assert not at.exception
    element = next(d for d in at.dataframe if "Status" in d.value.columns)
    shown = shown_text(element)
    past = shown[shown["Status"] == "mestinya sudah tercapai (data lama)"]
    assert len(past) and past["Perkiraan tercapai"].str.endswith("(lewat)").all()
    widths = {c.get("title", k): c.get("width") for k, c in json.loads(element.proto.columns).items()}
    for header in ("Status", "Perkiraan tercapai"):
        assert widths[header] >= max(text_px(v) for v in shown[header]) + CELL_PADDING_PX - 1, header
