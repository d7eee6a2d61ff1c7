"""Home page (pages/beranda.py, opened through dashboard.py's navigation as a visitor does): the verdict,
the old-data warning and the KPI figures on screen equal geo's, in Indonesian format."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from geo import fmt, timeline, trend
from geo.columns import TANGGAL_PROYEKSI, UMUR_DATA
from geo.config import load_settings
from geo.coverage import area_totals, coverage_table, previous_date
from geo.pockets import top_belum
from geo.present import trend as trend_words
from geo.schema import Col
from geo.store import Store
from tests.damaged_store import damage_unread_pages
from tests.pages.pages_run import shown_text

ROOT = Path(__file__).resolve().parents[2]


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()


def test_kpis_equal_the_store(demo_env):
    at = _app()
    assert not at.exception
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    now = area_totals(store, kab)
    before = area_totals(store, kab, date=previous_date(store, kab))
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(now[Col.WAJIB])
    assert values["Sudah rekam"] == fmt.number(now[Col.SUDAH])
    assert values["Belum rekam"] == fmt.number(now[Col.BELUM])
    assert values["Cakupan"] == fmt.percent(now[Col.CAKUPAN])
    deltas = {m.label: m.delta for m in at.metric}
    assert deltas["Sudah rekam"].startswith(fmt.signed(now[Col.SUDAH] - before[Col.SUDAH]))
    assert "Data contoh sintetis" in " ".join(i.value for i in at.info)
    assert any(f"Zona {now[Col.ZONA]}" in m.value for m in at.markdown)


def test_kpi_arrows_follow_the_sign_of_the_change(demo_env):
    """Up for a rise, down for a fall, no arrow for no change (a "±0" with an up arrow misleads)."""
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    now = area_totals(store, kab)
    before = area_totals(store, kab, date=previous_date(store, kab))
    labels = {"Wajib KTP": Col.WAJIB, "Sudah rekam": Col.SUDAH, "Belum rekam": Col.BELUM, "Cakupan": Col.CAKUPAN}
    for metric in at.metric:
        if metric.label in labels:
            change = now[labels[metric.label]] - before[labels[metric.label]]
            expected = "UP" if change > 0 else ("DOWN" if change < 0 else "NONE")
            assert Metric.MetricDirection.Name(metric.proto.direction) == expected, (metric.label, change)


def test_top_ten_desa_and_map(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    expected = top_belum(coverage_table(store, "desa", within=kab), 10, load_settings().zones)
    shown = shown_text(at.dataframe[-1])  # the last table: the target table comes before it
    assert list(shown["Kode"]) == list(expected[Col.KODE])
    # each desa with its kecamatan: names repeat between kecamatan (Tanjung Baru in two of the demo's)
    kecamatan = store.areas(within=kab, level="kecamatan").set_index(Col.KODE)[Col.NAMA]
    assert list(shown["Kecamatan"]) == [kecamatan[k.rsplit(".", 1)[0]] for k in expected[Col.KODE]]
    assert list(shown["Belum rekam"]) == [fmt.number(v) for v in expected[Col.BELUM]]
    assert at.dataframe[-1].value["Belum rekam"].tolist() == expected[Col.BELUM].astype(float).tolist()  # sorts
    # The map is drawn with every kecamatan of the kabupaten, coloured by zone.
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    script = args["script"]
    n_kec = len(store.areas(within=kab, level="kecamatan"))
    assert script.count('"kode"') >= n_kec


def test_english_switch(demo_env):
    at = _app()
    at.sidebar.radio[0].set_value("en").run()
    labels = [m.label for m in at.metric]
    assert labels == ["Coverage", "Recorded", "Not yet recorded", "Must hold e-KTP"]  # coverage first
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    assert at.metric[3].value == fmt.number(area_totals(store, kab)[Col.WAJIB], lang="en")


def test_date_picker_changes_the_figures(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    first = store.snapshot_dates(kab)[0]
    at.sidebar.selectbox[1].set_value(first).run()
    assert at.metric[1].value == fmt.number(area_totals(store, kab, date=first)[Col.SUDAH])


def test_media_downloads_are_offered(demo_env):
    at = _app()
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh" in labels and "Ringkasan untuk bupati (PDF)" in labels
    popover_boxes = [s.label for s in at.selectbox]
    assert "Gambar" in popover_boxes


def test_screenshot_mode_hides_the_chrome_and_downloads(demo_env):
    at = _app()
    at.sidebar.toggle[0].set_value(True).run()
    assert not at.exception
    css = " ".join(m.value for m in at.markdown)
    assert 'data-testid="stSidebar"' in css and "display: none" in css
    assert not [b for b in at.get("download_button")]
    assert [b.label for b in at.button] == ["Keluar dari mode tangkapan layar"]
    at.button[0].click().run()
    assert at.sidebar.toggle[0].value is False


# --- the first screen answers: verdict, old data, honest denominators -------------------------
def _outlook(store: Store, kab: str) -> dict:
    """geo's projection as the home page makes it: the office's target and deadline, today."""
    settings = load_settings()
    frame = timeline.series(store, kab)
    data_date = store.snapshot_dates(kab)[-1]
    return trend.projection(frame[frame[Col.KODE] == kab], target_pct=settings.target,
                            deadline=settings.deadline_for(data_date), window_days=28, today=date.today())


def test_the_verdict_comes_first_and_equals_geo(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    verdict = trend_words.verdict(_outlook(store, kab), load_settings().zones.hijau, "id")
    boxes = {"success": at.success, "info": at.info, "warning": at.warning, "error": at.error}[verdict["kind"]]
    shown = boxes[0].value
    advice = trend_words.stale_advice(_outlook(store, kab), load_settings().stale_days, "id")
    # the answer on the message's first line, the rate needed against the current rate under it,
    # and — when the verdict names the data's age — what to do about old data last
    assert shown == "  \n".join([f"**{verdict['title']}**", *(line for line in (verdict["detail"], advice) if line)])
    # The demo ends on 16 November 2026: from a later today, the projected date is past and the
    # data is old, and the page says so rather than showing a past date as the future.
    if date(2026, 11, 21) < date.today() <= date(2026, 12, 31):
        assert verdict["kind"] == "warning" and "Data sudah" in verdict["title"]
    elif date.today() > date(2026, 12, 31):  # and from the new year: the deadline of 2026 has passed
        assert verdict["kind"] == "error" and verdict["title"].startswith("Tenggat 31 Desember 2026 sudah lewat")
    first = at.main.children[1]  # under the title
    assert first.value == shown


def test_old_data_is_announced(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    projection = _outlook(store, kab)
    expected = trend_words.stale_warning(projection, load_settings().stale_days, "id")
    advice = trend_words.stale_advice(projection, load_settings().stale_days, "id")
    warnings = [w.value for w in at.warning]
    if expected is None:
        assert not [w for w in warnings if "Data terakhir" in w]
    elif advice:  # the verdict already says how old the data is: said once, in it, with what to do
        assert [w for w in warnings if "Data terakhir" in w] == [warnings[0]] and warnings[0].endswith(advice)
        age = f"sudah {fmt.number(projection[UMUR_DATA])} hari"
        assert sum(w.count(age) for w in warnings) == 1 and f"Data {age}" in warnings[0]
        assert "16 November 2026" in advice
    else:
        assert expected in warnings
        assert "16 November 2026" in expected
    if expected is not None:  # said above: the Peringatan panel does not say it again (the digest does)
        from datetime import date

        from geo.alerts import compute_alerts

        assert "data_basi" in [a.kind for a in compute_alerts(store, kab, today=date.today())]
        assert not [m.value for m in at.markdown if "**Data lama**" in m.value]


def test_desa_above_100_are_counted_with_their_surplus(demo_env):
    at = _app()
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    now = area_totals(store, kab)
    assert (now[Col.N_DI_ATAS_100], now[Col.KELEBIHAN]) == (1, 148)  # one desa of the demo, 148 people beyond
    text = " ".join(m.value for m in at.markdown)
    assert "1 wilayah di dalamnya di atas 100%: 148 orang direkam melebihi wajib KTP" in text
    desa = coverage_table(store, "desa", within=kab)
    over = desa[desa[Col.DI_ATAS_100]]
    named = f"{over[Col.NAMA].iloc[0]} {fmt.percent(over[Col.CAKUPAN].iloc[0])}"
    assert f"— periksa data wajib KTP: {named}" in text  # which one, by name (the PDF named it, the page not)
    assert now[Col.BELUM] == sum(max(w - s, 0) for w, s in zip(  # belum rekam never offset by the surplus
        *coverage_table(store, "desa", within=kab)[[Col.WAJIB, Col.SUDAH]].T.values))


def test_an_area_above_100_gets_its_own_marker_not_a_green_badge(demo_env):
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    desa = coverage_table(store, "desa", within=kab)
    beyond = desa.assign(**{Col.SUDAH: (desa[Col.WAJIB] * 1.05).round().astype(int)})
    store.add_enrollment(beyond[[Col.KODE, Col.WAJIB, Col.SUDAH]], tanggal="2026-11-23")
    at = _app()
    assert not at.exception
    now = area_totals(store, kab)
    assert now[Col.CAKUPAN] > 100 and now[Col.ZONA] == "hijau"
    values = {m.label: m.value for m in at.metric}
    assert values["Cakupan"] == fmt.percent(now[Col.CAKUPAN])
    badges = " ".join(m.value for m in at.markdown)
    assert "di atas 100% — periksa data wajib KTP" in badges
    assert "Zona hijau" not in badges  # never shown as good news
    assert f"{len(desa)} wilayah di dalamnya di atas 100%: {fmt.number(now[Col.KELEBIHAN])} orang" in badges


def test_desa_left_out_of_newer_files_are_named_with_the_date_of_their_data(demo_env):
    """A file dated 1 December holds every desa but two: Beranda names those two with their own date
    (16 November, more than basi_hari days older); their figures are carried, not current."""
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    rows = store.enrollment(within=kab, latest=True)
    rows = rows[rows[Col.KODE].str.count(r"\.") == 3]  # the desa
    left_out = rows[Col.KODE].iloc[:2].tolist()
    newer = rows[~rows[Col.KODE].isin(left_out)][[Col.KODE, Col.WAJIB, Col.SUDAH]]
    store.add_enrollment(newer.assign(**{Col.SUDAH: newer[Col.SUDAH] + 1}), tanggal="2026-12-01")
    names = dict(zip(*store.areas(within=kab).pipe(lambda a: (a[Col.KODE], a[Col.NAMA]))))
    store.close()
    at = _app()
    assert not at.exception
    listed = ", ".join(f"{names[k]} (16 November 2026)" for k in sorted(left_out))
    assert (f"Data 2 desa/kelurahan lebih dari 14 hari lebih tua dari 1 Desember 2026: {listed}. Angka mereka di "
            "halaman ini bukan keadaan 1 Desember 2026; minta data terbaru.") in [w.value for w in at.warning]
    # the Peringatan panel (and so the digest sent by WhatsApp or e-mail) says it as its first alert
    alert = (f"**Data desa tertinggal** — 2 dari {len(rows)} desa/kelurahan {names[kab]} tidak ada di data terbaru "
             f"(1 Desember 2026): angka mereka lebih dari 14 hari lebih tua, yang tertua per 16 November 2026, tetapi "
             f"ikut dijumlah dengan data terbaru: {', '.join(names[k] for k in sorted(left_out))}.")
    panel = [m.value.replace("\\", "") for m in at.markdown if "**" in m.value and " — " in m.value]  # as markup
    assert panel and alert in panel[0], panel[:2]


def test_the_demo_make_run_loads_is_not_old(tmp_path, monkeypatch):
    """``make run`` loads the demo dated this week: its first screen tells the demo's story, not its age."""
    from geo.ingest.demo import load_demo

    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    load_demo(Store.open(url), today=date.today())
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = _app()
    assert not at.exception
    newest = Store.open(url).snapshot_dates()[-1]
    assert 0 <= (date.today() - date.fromisoformat(newest)).days < 7
    shown = [w.value for w in at.warning] + [e.value for e in at.error] + [s.value for s in at.success]
    assert not [w for w in shown if "Data terakhir" in w]  # no old-data banner
    # the demo's story (green within days at its rate) while that day is to come; from the day after
    # it (a Sunday: the data is of Monday), the verdict says honestly that it should have come by now
    projected = _outlook(Store.open(url), "99.01")[TANGGAL_PROYEKSI]
    aged = [w for w in shown if "hari:" in w.split(".")[0]]
    assert bool(aged) == (date.fromisoformat(projected) < date.today())
    assert any(fmt.long_date(newest) in c.value for c in at.caption)  # the source line's date is this week's


def test_a_damaged_store_is_named_on_the_first_screen(demo_env):
    """The dashboard checks its store whole once when it opens it: damage in pages the first
    screen never reads is still said at once, in words, not met as a traceback on another page."""
    path = Path(demo_env.split(":///", 1)[1])
    damage_unread_pages(path)
    at = _app()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(f"Berkas basis data {path} rusak")
    assert "Pulihkan dari cadangan" in errors[0] and not at.metric  # no figure read from a damaged file


def test_figures_summed_over_more_desa_than_before_are_not_compared(demo_env):
    """A desa sends figures for the first time: the sums now count one desa more than those of the data
    before, so their difference is partly that desa — no change shown, and the caption says why (a national
    store filling up showed '+183.741.084 sudah rekam' and a coverage 'drop')."""
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box

    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    rows = store.enrollment(within=kab, latest=True)
    desa = rows[rows[Col.KODE].str.count(r"\.") == 3][[Col.KODE, Col.WAJIB, Col.SUDAH]]
    kec = desa[Col.KODE].iloc[0].rsplit(".", 1)[0]
    new = f"{kec}.2999"
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame([(new, "Desa Baru", "desa", kec, "desa")],
                                                  columns=[Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE]),
                                     geometry=[box(120.0, -9.0, 120.01, -8.99)], crs="EPSG:4326"))
    newer = pd.concat([desa, pd.DataFrame([{Col.KODE: new, Col.WAJIB: 500, Col.SUDAH: 400}])], ignore_index=True)
    store.add_enrollment(newer, tanggal="2026-12-01")
    before_date = previous_date(store, kab, "2026-12-01")
    now, before = area_totals(store, kab), area_totals(store, kab, date=before_date)
    assert (now["n_sumber"], before["n_sumber"]) == (len(desa) + 1, len(desa))
    store.close()
    at = _app()
    assert not at.exception
    assert [m.proto.delta for m in at.metric[:4]] == [""] * 4  # no change under any of the four figures
    captions = [c.value for c in at.caption]
    assert (f"Tidak dibandingkan dengan data {fmt.long_date(before_date)}: angka itu dijumlah dari "
            f"{fmt.number(len(desa))} wilayah, sekarang dari {fmt.number(len(desa) + 1)}") in " ".join(captions)
    assert not [c for c in captions if c.startswith("Perubahan dibanding data")]


def test_beranda_names_the_red_areas_and_who_is_late_before_the_alerts_and_the_map(demo_env):
    """The bupati's 'which areas are red' and 'will we make it' answered under the figures, on the first
    screen: the red kecamatan by name (from the store, as Peta and the map image say it) and how many
    will not reach the target in time — before the alerts panel and the map (they came 1,900 px down)."""
    from geo import targets
    from geo.present.targets import summary_words
    from geo.schema import Zone
    from ui.tables import plain

    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    kec = coverage_table(store, "kecamatan", within=kab)
    red = kec[kec[Col.ZONA] == Zone.MERAH.value].sort_values(Col.CAKUPAN)
    names = ", ".join(f"{n} {fmt.percent(c, 2)}" for n, c in zip(red[Col.NAMA], red[Col.CAKUPAN]))
    zones_said = f"**Kabupaten Contoh Sejahtera: {len(red)} dari {len(kec)} kecamatan masih merah**: {names}"
    table = targets.vs_target(store, kab, today=date.today(), settings=load_settings())
    in_time = table.loc[table[Col.KODE] == kab, "status_target"].isin(["tercapai", "di_jalur"]).all()
    late_said = plain(summary_words(table[table[Col.KODE] != kab], "target_beranda_ringkas", named=3, despite=in_time))
    late = table[table["status_target"] == "tertinggal"].sort_values("selisih_target")
    assert late_said.startswith(("Namun " if in_time else "") + f"{len(late)} dari 12 kecamatan tidak tepat")
    assert plain(late[Col.NAMA].iloc[0]) in late_said  # the furthest behind by name
    at = _app()
    assert not at.exception
    said = [m.value for m in at.markdown]
    assert zones_said in said and late_said in said
    assert said.count(late_said) == 1  # once, not again above the table
    alerts_at = next(i for i, m in enumerate(said) if m.startswith("**Peringatan ("))
    assert said.index(zones_said) < said.index(late_said) < alerts_at


def test_a_past_date_says_it_is_not_the_newest_data(demo_env):
    """A date picked from the past: the answer says these are not the newest figures and names the newest
    date (it read 'Tepat waktu' as if current), and is not shown as done; the alerts say they are of the
    newest data (they keep the newest figures beside the older table)."""
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    dates = store.snapshot_dates(kab)
    older, newest = dates[-2], dates[-1]
    at = _app()
    boxes = [b.value for kind in (at.success, at.info, at.warning, at.error) for b in kind]
    assert not any("Bukan data terbaru" in b for b in boxes)
    at.sidebar.selectbox[1].set_value(older).run()
    assert not at.exception
    said = f"Bukan data terbaru: ini data {fmt.long_date(older)}; sudah ada data {fmt.long_date(newest)}."
    assert any(said in b.value for b in at.warning) or any(said in b.value for b in at.error)
    assert sum(said in b.value for kind in (at.warning, at.error, at.info) for b in kind) == 1  # said once
    assert not any(said in b.value for b in at.success)  # an answer on past figures is never shown as done
    assert any(m.value.startswith("**Peringatan (") and f"pada data terbaru, {fmt.long_date(newest)}**" in m.value
               for m in at.markdown)
