"""Rencana Jemput Bola page: the figures on screen are the plan geo computes from the store."""
from __future__ import annotations

import json
import re
import struct
from datetime import date
from pathlib import Path

import pandas as pd
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

from geo import auth, fmt
from geo import columns as C
from geo import plan as planner
from geo.config import DEFAULT_THROUGHPUT, load_settings
from geo.coverage import coverage_table
from geo.present import plan as plan_view
from geo.present import plan_explain as why
from geo.schema import Col
from geo.store import Store
from tests.geo.test_plan_store import _without_lokasi

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "rencana.py"), default_timeout=120).run()


def _geo_plan(url: str, **options) -> tuple[Store, str, planner.Plan]:
    """The plan geo makes from the store with the page's defaults (the inventory's working mobile sets,
    else 3, × 10 days, a device's day as Kapasitas counts it, 0.5, menuju-hijau, default travel)."""
    store = Store.open(url)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    latest = store.snapshot_dates(kab)[-1]
    max_km, focus, base_id = options.pop("max_km", None), options.pop("focus", None), options.pop("base_id", None)
    keep = [k for _, _, k in options.get("fixed", ())]
    sites = planner.candidate_sites(store, kab, date=latest, max_km=max_km, focus=focus, keep=keep, base_id=base_id)
    args = dict(units=_working_units(store, kab), capacity=int(DEFAULT_THROUGHPUT), days=10, response=0.5,
                start=date.today(), base=planner.base_point(store, kab, base_id))
    return store, kab, planner.plan_visits(sites, **{**args, **options})


def _working_units(store: Store, kab: str) -> int:
    """The mobile sets of the kabupaten's inventory working now (3 without any), from the inventory itself."""
    from geo.capacity import device_status

    devices = device_status(store, within=kab)
    return int(((devices["jenis"] == "mobile") & (devices["status"] == "aktif")).sum()) or 3


def _frame(at: AppTest, column: str) -> pd.DataFrame:
    """The first table shown with a column of that name."""
    return next(d.value for d in at.dataframe if column in d.value.columns).reset_index(drop=True)


def _metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_totals_schedule_and_coverage_equal_the_geo_plan(demo_env):
    at = _app()
    assert not at.exception
    store, kab, plan = _geo_plan(demo_env)
    shown = _metrics(at)
    assert shown == {label: (value, delta) for label, value, delta, _ in plan_view.plan_metrics(plan)}
    # each figure says what it means under its (?): the score only in comparison, fewer people explained
    helps = {m.label: m.help for m in at.metric}
    assert helps["Skor: menuju hijau"].startswith("Angka yang dimaksimalkan rencana menurut tujuannya")
    assert "Bisa lebih sedikit dari pembanding" in helps["Perkiraan direkam"]
    assert helps["Hasil pemecah"].startswith("Optimal (terbukti): tidak ada rencana lain")
    best = max(b["objective"] for b in plan.baselines.values())
    gain = fmt.signed(plan.objective - best, 1) + " terhadap pembanding"
    assert shown["Skor: menuju hijau"] == (fmt.number(plan.objective, 1), gain)
    assert plan.objective > best  # the plan beats both baselines on its objective
    assert shown["Naik zona (kecamatan · desa)"][0] == f"{plan.zones['kecamatan']} · {plan.zones['desa']}"
    assert shown["Perkiraan direkam"][0] == fmt.number(plan.total)
    assert shown["Hasil pemecah"] == ("optimal", "terbukti · celah 0,00%")  # Indonesian words only
    pd.testing.assert_frame_equal(_frame(at, "Unit 1"), plan_view.schedule_grid(plan))
    visits = why.visits_view(plan)
    pd.testing.assert_frame_equal(_frame(at, "Perkiraan direkam"), visits.drop(columns="Alasan"))
    reasons = [line.replace("\\", "") for m in at.markdown for line in m.value.splitlines()
               if line.startswith("- **Unit ")]
    # one line per stay: the visits of a unit on following days at one site for one reason, read off the table
    stays = []
    for row in visits.to_dict("records"):
        last = stays[-1] if stays else None
        key = (row["Unit"], row["Lokasi"], row["Alasan"])
        if last and last["key"] == key and int(row["Hari ke"]) == int(last["days"][-1]) + 1:
            last["days"].append(row["Hari ke"])
            last["dates"].append(row["Tanggal"])
        else:
            stays.append({"key": key, "days": [row["Hari ke"]], "dates": [row["Tanggal"]]})
    assert len(stays) < len(visits)  # the demo's units stay at some sites two days or more
    assert [line.split("**: ", 1)[1] for line in reasons] == [s["key"][2] for s in stays]
    for line, stay in zip(reasons, stays):
        days = stay["days"][0] if len(stay["days"]) == 1 else f"{stay['days'][0]}–{stay['days'][-1]}"
        assert line.startswith(f"- **Unit {stay['key'][0]}, hari {days} (") and f"— {stay['key'][1]}**:" in line
        assert stay["dates"][-1].split()[-2] in line  # the last day's month
    assert why.headline(plan) in [m.value for m in at.markdown]
    # how many each records, beside the zones: a plan recording fewer than a baseline shows the trade it makes
    assert f"merekam ±{fmt.number(plan.total)} orang" in why.headline(plan)
    assert all(f"±{fmt.number(b['total'])} orang" in why.headline(plan) for b in plan.baselines.values())
    shown_zones = next(d.value for d in at.dataframe if "Setelah rencana" in d.value.columns)
    zones = planner.zones_before_after(store, kab, plan, store.snapshot_dates(kab)[-1])
    pd.testing.assert_frame_equal(shown_zones.reset_index(drop=True), why.zones_view(zones))
    shown_ways = next(d.value for d in at.dataframe if "Cara" in d.value.columns)
    pd.testing.assert_frame_equal(shown_ways.reset_index(drop=True), why.baselines_view(plan))
    after = plan_view.coverage_after_view(planner.coverage_after(store, kab, plan, store.snapshot_dates(kab)[-1]))
    shown_after = next(d.value for d in at.dataframe if "Zona setelah rencana" in d.value.columns)
    pd.testing.assert_frame_equal(shown_after.reset_index(drop=True), after)
    assert "Data contoh sintetis" in " ".join(i.value for i in at.info)
    assert any("garis lurus" in c.value for c in at.caption)
    assert why.objective_sentence("menuju-hijau") in [c.value for c in at.caption]
    # the printable view and the map with one route per trip, fitted when first shown
    printable = next(m.value for m in at.markdown if "**Unit 1**" in m.value)
    assert printable == plan_view.itinerary_markdown(plan)
    script = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    assert script.count("L.polyline(") == len(planner.plan_trips(plan))
    assert "ResizeObserver" in script


def _three_units_of_40() -> AppTest:
    """The page with 3 units recording 40 a day (not the inventory's 2 working sets of 35)."""
    at = _app()
    at.number_input(key="rencana_units").set_value(3).run()
    return at.number_input(key="rencana_capacity").set_value(40).run()


def test_objective_focus_and_longest_trip_change_the_plan(demo_env):
    at = _three_units_of_40()
    at.selectbox(key="rencana_tujuan").set_value("terbanyak").run()
    _, _, most = _geo_plan(demo_env, objective="terbanyak", units=3, capacity=40)
    shown = _metrics(at)
    assert shown["Skor: perekaman terbanyak"][0] == fmt.number(most.objective, 1) and most.total == 1200
    assert shown["Naik zona (kecamatan · desa)"][0] == "0 · 0"  # all of it next to the office
    assert why.objective_sentence("terbanyak") in [c.value for c in at.caption]
    at.selectbox(key="rencana_tujuan").set_value("menuju-hijau").run()
    at.multiselect(key="rencana_fokus").select("99.01.08").run()
    _, _, focused = _geo_plan(demo_env, focus=["99.01.08"], units=3, capacity=40)
    assert _metrics(at)["Perkiraan direkam"][0] == fmt.number(focused.total)
    assert set(focused.visits[C.KECAMATAN]) == {"Sungai Jernih Raya"}
    at.multiselect(key="rencana_fokus").unselect("99.01.08").run()
    at.number_input(key="rencana_max_km").set_value(5).run()
    _, _, near = _geo_plan(demo_env, max_km=5, units=3, capacity=40)
    assert _metrics(at)["Perkiraan direkam"][0] == fmt.number(near.total)
    assert near.visits[C.JARAK].max() <= 5


def test_viewer_cannot_save_editor_saves_and_sees_actuals(demo_env):
    at = _app()
    assert any("Masuk sebagai petugas data" in i.value for i in at.info)
    store, _, plan = _geo_plan(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at.sidebar.text_input[0].input("petugas1")
    at.sidebar.text_input[1].input(PASSWORD)
    at = at.sidebar.button[0].click().run()
    assert not at.exception
    at.text_input(key="rencana_nama").input("Desember Kota").run()
    at.button(key="rencana_simpan").click().run()
    assert "Rencana 'Desember Kota' tersimpan." in [s.value for s in at.success]
    saved = planner.load_plan(store, "Desember Kota")
    assert saved.total == plan.total and saved.visits[[C.UNIT, C.DAY, Col.KODE]].equals(
        plan.visits[[C.UNIT, C.DAY, Col.KODE]])
    first = saved.visits.iloc[0]
    planner.record_actuals(store, "Desember Kota", pd.DataFrame(
        {C.UNIT: [first[C.UNIT]], C.DAY: [first[C.DAY]], C.ACTUAL: [31]}))
    at.run()
    shown = _metrics(at)
    assert shown["Realisasi"] == ("31", fmt.signed(31 - int(first[C.EXPECTED])))
    assert shown["Direncanakan (kunjungan terlapor)"][0] == fmt.number(first[C.EXPECTED])
    assert shown["Kunjungan terlapor"][0] == f"1 dari {plan.unit_days}" == f"1 dari {2 * 10}"  # 2 working sets


def test_english(demo_env):
    at = AppTest.from_file(str(ROOT / "pages" / "rencana.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    _, _, plan = _geo_plan(demo_env)
    shown = _metrics(at)
    assert shown["Expected recorded"][0] == fmt.number(plan.total, lang="en")
    assert shown["Score: towards green"][0] == fmt.number(plan.objective, 1, lang="en")
    assert shown["Solver result"] == ("optimal", "proven · gap 0.00%")
    assert [t.label for t in at.tabs][:3] == ["Schedule", "Edit", "Coverage after the plan"]


def test_the_plan_map_downloads_as_an_image(demo_env, downloads):
    at = _app()
    store, kab, _ = _geo_plan(demo_env)
    day = store.snapshot_dates(kab)[-1]
    button = next(b for b in at.get("download_button") if b.key == "rencana_gambar_dl")
    assert button.proto.label == "Unduh"
    sent = downloads[button.proto.deferred_file_id]
    assert (sent["file_name"], sent["mime"]) == (f"peta-rekam_rencana_{kab}_{day}_1200x675.png", "image/png")
    png = sent["data"]()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 675)
    at.radio(key="rencana_gambar_size").set_value("1080x1350").run()
    at.radio(key="rencana_gambar_fmt").set_value("svg").run()
    button = next(b for b in at.get("download_button") if b.key == "rencana_gambar_dl")
    sent = downloads[button.proto.deferred_file_id]
    assert sent["file_name"].endswith("_1080x1350.svg") and sent["mime"] == "image/svg+xml"
    svg = sent["data"]()
    assert b'width="1080" height="1350"' in svg and "Rencana jemput bola".encode() in svg


def test_a_tie_with_a_baseline_shows_no_arrow_and_the_status_fits(demo_env):
    """With most recordings as the objective the demo plan ties the nearest-first baseline: '±0'
    without an up arrow; the solver's result is one word with what it proved underneath (no text
    cut off)."""
    at = _three_units_of_40()
    at.selectbox(key="rencana_tujuan").set_value("terbanyak").run()
    _, _, plan = _geo_plan(demo_env, objective="terbanyak", units=3, capacity=40)
    assert plan.objective == plan.baselines["terdekat"]["objective"] == 1200
    shown = {m.label: m for m in at.metric}
    assert shown["Skor: perekaman terbanyak"].delta.startswith("±0")
    assert Metric.MetricDirection.Name(shown["Skor: perekaman terbanyak"].proto.direction) == "NONE"
    assert (shown["Hasil pemecah"].value, shown["Hasil pemecah"].delta) == ("optimal", "terbukti · celah 0,00%")
    assert Metric.MetricDirection.Name(shown["Hasil pemecah"].proto.direction) == "NONE"
    assert at.slider[0].value == 50 and at.slider[0].label == "Bagian belum rekam yang datang"


def test_a_promised_school_day_stays_in_the_plan(demo_env):
    """A fixed visit typed into the controls (unit 2, day 3, a school) is kept by the optimiser."""
    store = Store.open(demo_env)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    sites = planner.candidate_sites(store, kab)
    school = sites[sites[C.JENIS] == planner.SCHOOL].iloc[0]
    at = AppTest.from_file(str(ROOT / "pages" / "rencana.py"), default_timeout=120)
    at.session_state["rencana_tetap"] = {"edited_rows": {}, "deleted_rows": [], "added_rows": [
        {"unit": 2, "hari": 3, "lokasi": f"{school[Col.NAMA]} ({school[C.KECAMATAN]})"}]}
    at.run()
    assert not at.exception
    _, _, plan = _geo_plan(demo_env, fixed=[(2, 3, school[Col.KODE])])
    assert plan.visits[plan.visits[Col.KODE] == school[Col.KODE]][[C.UNIT, C.DAY]].values.tolist()[0] == [2, 3]
    reasons = [line for m in at.markdown for line in m.value.splitlines() if line.startswith("- **")]
    assert any(school[Col.NAMA] in line.replace("\\", "") and "kunjungan tetap" in line for line in reasons)
    assert _metrics(at)["Perkiraan direkam"][0] == fmt.number(plan.total)


def test_the_first_week_and_why_there_come_first(demo_env):
    """The planner's question answered above the figures: the places of the plan's first week (from geo's
    visits: the first 7 days), in the order of their first visit, each with its units, weekdays, people
    expected and why there — its desa's zone and coverage as the store has them first."""
    at = _app()
    assert not at.exception
    store, kab, plan = _geo_plan(demo_env)
    desa = coverage_table(store, "desa", within=kab, date=store.snapshot_dates(kab)[-1]).set_index(Col.KODE)
    visits = plan.visits.sort_values([Col.TANGGAL, C.UNIT, C.URUTAN], kind="stable")
    day = pd.to_datetime(visits[Col.TANGGAL])
    week = visits[(day < day.min() + pd.Timedelta(days=7)).to_numpy()]
    order = list(dict.fromkeys(week[Col.KODE]))
    box = re.sub(r"\\(.)", r"\1", at.success[0].value)  # as read: markdown's escapes of names undone
    lines = box.split("\n")
    assert lines[0].startswith(f"**Minggu pertama, {fmt.date_span(week[Col.TANGGAL].min(), week[Col.TANGGAL].max())}: "
                               f"{week[C.UNIT].nunique()} unit keliling ke {len(order)} tempat")
    assert len(lines) == 1 + min(len(order), 5) and (len(order) > 5) == ("5 pertama di bawah" in lines[0])
    for line, kode in zip(lines[1:], order):
        stops = week[week[Col.KODE] == kode]
        units = ", ".join(str(u) for u in sorted(set(stops[C.UNIT].astype(int))))
        assert line.startswith(f"- **{stops[Col.NAMA].iloc[0]}** — Kec. {stops[C.KECAMATAN].iloc[0]} · unit {units}, "
                               f"{fmt.weekdays(stops[Col.TANGGAL])} · ±{fmt.number(stops[C.EXPECTED].sum())} orang: ")
        home = desa.loc[stops[C.KODE_DESA].iloc[0]]
        assert f"orang: {home[Col.ZONA]} {fmt.percent(home[Col.CAKUPAN], 1)}" in line  # why there: its zone first
        assert "belum rekam" in line and "singgah" not in line
    kinds = [type(e).__name__ for e in at.main]
    assert kinds.index("Success") < kinds.index("Metric")  # above the plan's figures


def test_visits_to_a_kecamatan_recording_offline_say_its_figures_arrive_late(demo_env):
    """Kapasitas says the island kecamatan's sites work offline (figures arrive late); the plan that sends
    units there says so too, with the unit-days it spends there, so the planner asks before the boat leaves."""
    from geo.capacity import capacity_table
    from geo.columns import KONEKSI

    at = _app()
    assert not at.exception
    store, kab, plan = _geo_plan(demo_env)
    table = capacity_table(store, kab)
    offline = table[table[KONEKSI] == "offline"]
    assert list(offline[Col.NAMA]) == ["Kepulauan Teduh"]
    kode = offline[Col.KODE].iloc[0]
    there = plan.visits[plan.visits[C.KODE_DESA].str.startswith(kode + ".")]
    unit_days = len(there[[C.UNIT, C.DAY]].drop_duplicates())
    assert unit_days > 0  # the default plan goes to the island
    warnings = [w.value for w in at.warning]
    assert (f"Kecamatan Kepulauan Teduh: lokasi rekamnya offline, jadi angka belum rekam bisa lebih tinggi dari "
            f"kenyataan. Tanyakan angka terbaru ke kantor kecamatan sebelum {unit_days} hari-unit ke sana "
            f"berangkat.") in warnings
    assert sum("offline" in w for w in warnings) == 1  # no other kecamatan of the demo records offline


def test_a_new_office_without_a_site_list_still_gets_a_plan(demo_env):
    """Before an office uploads its recording sites the planner is not left at a dead end: the plan sets
    out from the most central kecamatan's centre, says so above the inputs (and how to give the real
    office), and its figures are the plan geo makes from that centre."""
    _without_lokasi(Store.open(demo_env))
    at = _app()
    assert not at.exception
    store, kab, plan = _geo_plan(demo_env)
    centres = planner.bases(store, kab)
    assert plan.base["id"] == centres["id"].iloc[0] and plan.base[C.JENIS] == planner.CENTRE
    picker = at.selectbox(key="rencana_basis")
    assert picker.options == [why.base_name(b) for b in centres.to_dict("records")] and len(picker.options) == 12
    name = store.areas(level="kabupaten")[Col.NAMA].iloc[0]
    note = why.provisional_base_note(plan.base, name)
    assert f"titik tengah Kec. {plan.base[Col.NAMA]} (perkiraan)" in note
    assert note in [w.value for w in at.warning]
    shown = _metrics(at)
    assert shown["Perkiraan direkam"][0] == fmt.number(plan.total) and plan.total > 0
    pd.testing.assert_frame_equal(_frame(at, "Unit 1"), plan_view.schedule_grid(plan))
    main = list(at.main)
    caveat = next(i for i, e in enumerate(main) if type(e).__name__ == "Warning" and e.value == note)
    kinds = [type(e).__name__ for e in main]
    assert kinds.index("Success") < caveat < kinds.index("Selectbox")  # the answer, the caveat, the inputs
    at.selectbox(key="rencana_basis").set_value(centres["id"].iloc[-1]).run()
    _, _, other = _geo_plan(demo_env, base_id=centres["id"].iloc[-1])
    assert _metrics(at)["Perkiraan direkam"][0] == fmt.number(other.total)
    assert why.provisional_base_note(other.base, name) in [w.value for w in at.warning]


def test_a_span_of_days_says_each_part_once():
    assert fmt.date_span("2026-12-07", "2026-12-11") == "7–11 Desember 2026"
    assert fmt.date_span("2026-11-30", "2026-12-04") == "30 November – 4 Desember 2026"
    assert fmt.date_span("2026-12-29", "2027-01-02", "en") == "29 December 2026 – 2 January 2027"
    assert fmt.date_span("2026-12-07", "2026-12-07") == "7 Desember 2026"
    # a unit's working days over a weekend: each day, the month said once
    assert fmt.day_list(["2026-12-11", "2026-12-14"]) == "11 dan 14 Desember 2026"
    assert fmt.day_list(["2026-12-10", "2026-12-11", "2026-12-14"], "en") == "10, 11 and 14 December 2026"
    assert fmt.day_list(["2026-11-30", "2026-12-02"]) == "30 November dan 2 Desember 2026"
    assert fmt.day_list(["2026-12-31", "2027-01-04"]) == "31 Desember 2026 dan 4 Januari 2027"
    assert fmt.day_list(["2026-12-08", "2026-12-07"]) == "7–8 Desember 2026"  # following days: one span
    assert fmt.weekdays(["2026-12-09", "2026-12-07"]) == "Senin, Rabu"
    assert fmt.weekdays(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-11"]) == "Senin–Rabu, Jumat"
    assert fmt.weekdays([date(2026, 12, 12), date(2026, 12, 13)], "en") == "Saturday, Sunday"


def test_many_red_kecamatan_left_out_are_counted_once_and_explained_one_click_away(banten_url, monkeypatch):
    """A real kabupaten (Pandeglang, Banten's red one) whose plan for ten days leaves dozens of red
    kecamatan unvisited: one warning counts them and the reasons, one per kecamatan, wait in an
    expander — 33 warning boxes pushed the plan's controls and schedule thousands of pixels down."""
    url = banten_url  # the shared store: the page only reads it
    monkeypatch.setenv("REKAM_DB_URL", url)
    at = AppTest.from_file(str(ROOT / "pages" / "rencana.py"), default_timeout=200)
    at.query_params["area"] = "36.01"
    at.run()
    assert not at.exception
    store = Store.open(url)
    latest = store.snapshot_dates("36.01")[-1]
    sites = planner.candidate_sites(store, "36.01", date=latest)
    plan = planner.plan_visits(sites, units=_working_units(store, "36.01"), capacity=int(DEFAULT_THROUGHPUT), days=10,
                               response=0.5, start=date.today(), base=planner.base_point(store, "36.01", None))
    left = planner.red_not_visited(plan)
    assert len(left) > 2  # the case: more than a couple
    said = [w.value for w in at.warning if "kecamatan merah" in w.value or "(merah)" in w.value]
    assert said == [f"{len(left)} kecamatan merah tidak dikunjungi rencana ini. Alasannya per kecamatan ada di bawah; "
                    "untuk mengunjungi salah satunya, tambahkan kunjungan tetap di sana atau pilih kecamatan itu saja."]
    reasons = next(e for e in at.expander if e.label == f"Mengapa {len(left)} kecamatan merah tidak dikunjungi")
    listed = "\n".join(m.value for m in reasons.markdown).replace("\\", "")  # names escaped as markup
    assert all(f"Kecamatan {r['nama']} (merah) tidak dikunjungi" in listed for r in left)


def test_the_plans_settings_stay_after_a_look_at_another_page(demo_env):
    """Units, days and the response set, then a look at Kapasitas: the plan comes back as it was set
    (Streamlit drops the values of widgets a page without them does not draw)."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=200).run()
    at.switch_page("pages/rencana.py").run()
    at.number_input(key="rencana_units").set_value(1).run()  # not the inventory's 2
    at.number_input(key="rencana_days").set_value(5).run()
    at.slider(key="rencana_respons").set_value(70).run()
    at.switch_page("pages/kapasitas.py").run()
    assert not at.exception
    at.switch_page("pages/rencana.py").run()
    assert not at.exception
    assert (at.number_input(key="rencana_units").value, at.number_input(key="rencana_days").value,
            at.slider(key="rencana_respons").value) == (1, 5, 70)
    _, _, plan = _geo_plan(demo_env, units=1, days=5, response=0.7)
    shown = _metrics(at)
    assert shown["Perkiraan direkam"][0] == fmt.number(plan.total)


def test_the_units_default_to_the_inventorys_working_mobile_sets(demo_env):
    """The demo inventory has three mobile sets, one sent to Jakarta for repair: the plan starts with the
    two that work, named under the inputs with the one that does not; asked for three, it warns, and its
    day is a device's day as Kapasitas counts it (one figure on both pages)."""
    from geo.capacity import device_status

    devices = device_status(Store.open(demo_env), within="99.01")
    mobile = devices[devices["jenis"] == "mobile"]
    working, down = mobile[mobile["status"] == "aktif"], mobile[mobile["status"] != "aktif"]
    assert (len(working), list(down["alat_id"])) == (2, ["LP16-A1"])
    at = _app()
    assert at.number_input(key="rencana_units").value == len(working)
    assert at.number_input(key="rencana_capacity").value == DEFAULT_THROUGHPUT == 35
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Inventaris: 2 unit keliling berfungsi — " in said
    assert all(f"{r['nama_lokasi']} ({r['alat_id']})" in said for r in working.to_dict("records"))
    broken = down.iloc[0]
    assert (f"tidak berfungsi: Unit Perekaman Keliling 2 (LP16-A1, dalam perbaikan sejak "
            f"{fmt.long_date(broken['sejak'])})") in said
    assert not any("inventaris mencatat" in w.value for w in at.warning)
    at.number_input(key="rencana_units").set_value(3).run()
    warned = [w.value.replace("\\", "") for w in at.warning if "inventaris mencatat" in w.value]
    assert warned and warned[0].startswith("Rencana ini memakai 3 unit, tetapi inventaris mencatat 2 unit keliling "
                                           "berfungsi")
    # above the first week's places (the plan's answer), not under the inputs below it
    order = [type(e).__name__ + ":" + str(getattr(e, "value", "")) for e in at.main]
    first_warning = next(i for i, e in enumerate(order) if "inventaris mencatat" in e)
    first_week = next(i for i, e in enumerate(order) if "Minggu pertama" in e)
    assert first_warning < first_week
    _, _, plan = _geo_plan(demo_env, units=3)
    assert _metrics(at)["Perkiraan direkam"][0] == fmt.number(plan.total)


def test_the_crews_sheets_download_holds_the_plan_on_screen(demo_env, files):
    """Cetak & unduh offers the crews' sheets: a PDF page per unit with the visits of the plan on screen
    (the same plan geo makes), each visit's date, site and people."""
    import io

    from pypdf import PdfReader

    at = _app()
    assert not at.exception
    _, _, plan = _geo_plan(demo_env)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Unduh lembar kerja unit (PDF, satu halaman per unit)" in labels
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(files["lembar_kerja_unit.pdf"])).pages]
    assert [p.split(" —")[0] for p in pages] == [f"Unit {u}" for u in range(1, plan.params["units"] + 1)]
    for row in plan.visits.to_dict("records"):
        page = pages[row[C.UNIT] - 1]
        assert f"{row[C.DAY]} {fmt.long_date(row[Col.TANGGAL])} {row[Col.NAMA]}" in page
    assert all(f"perkiraan direkam {fmt.number(int(t))} orang" in p for p, t in zip(pages, plan.totals[C.EXPECTED]))


def test_a_zone_change_resting_on_a_few_people_is_said(demo_env):
    """The default plan lifts Golo Sejuk to kuning with a handful of people to spare: a few less who come
    and it stays merah. The answer says so, with the number, above the inputs."""
    from geo.coverage import people_to_reach

    at = _app()
    assert not at.exception
    store, kab, plan = _geo_plan(demo_env)
    after = planner.coverage_after(store, kab, plan, store.snapshot_dates(kab)[-1])
    lifted = after[(after[Col.ZONA] != after["zona_setelah"]) & after[Col.ZONA].notna()]
    thin = [r for r in lifted.to_dict("records") if r["tambahan"] - people_to_reach(
        r[Col.WAJIB], r[Col.SUDAH], 85 if r["zona_setelah"] == "kuning" else 92) < max(1, 0.05 * r["tambahan"])]
    assert thin  # the demo's default plan: Golo Sejuk by a few people
    said = [w.value for w in at.warning]
    for r in thin:
        spare = r["tambahan"] - people_to_reach(r[Col.WAJIB], r[Col.SUDAH], 85 if r["zona_setelah"] == "kuning" else 92)
        assert any(f"Kecamatan {r[Col.NAMA]} naik ke zona {r['zona_setelah']} dengan selisih tipis: cukup "
                   f"{fmt.number(spare + 1)} orang lebih sedikit" in w for w in said), said


def test_each_units_column_of_the_schedule_is_as_wide_as_its_longest_place(demo_env):
    """On a phone the grid cut "Teluk Makmur (30)" to "Telu…": each unit's column (and the dates) is
    given the width of its longest cell, and the grid scrolls sideways instead."""
    import json

    from ui.tables import CELL_PADDING_PX, text_px

    at = _app()
    assert not at.exception
    _, _, plan = _geo_plan(demo_env)
    expected = plan_view.schedule_grid(plan)
    shown = next(d for d in at.dataframe if "Unit 1" in d.value.columns)
    pd.testing.assert_frame_equal(shown.value.reset_index(drop=True), expected)
    widths = {c.get("title", k): c.get("width") for k, c in json.loads(shown.proto.columns).items()}
    for header in expected.columns[1:]:
        widest = max(text_px(v) for v in [*expected[header], header])
        assert widths[header] == int(widest + CELL_PADDING_PX), header
