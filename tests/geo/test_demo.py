"""The demo generator: deterministic, committed output in sync, and every field reality present."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from itertools import combinations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, shape

from geo import demo
from geo.schema import DEMO_DIR, Col, ZoneConfig, desa_tipe

COUNTS = [Col.WAJIB, Col.SUDAH, Col.PRR, Col.CETAK, Col.PEMULA]


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    return out, demo.generate(out)


@pytest.fixture(scope="session")
def out(generated):
    return generated[0]


@pytest.fixture(scope="session")
def summary(generated):
    return generated[1]


@pytest.fixture(scope="session")
def history(out):
    return pd.read_csv(out / "rekam_mingguan.csv", dtype={Col.KODE: str, Col.TANGGAL: str})


@pytest.fixture(scope="session")
def by_kecamatan(history):
    frame = history.assign(kec=history[Col.KODE].str[:8])
    return frame.groupby(["kec", Col.TANGGAL])[COUNTS].sum()


@pytest.fixture(scope="session")
def desa(out):
    features = json.loads((out / "wilayah_desa.geojson").read_text(encoding="utf-8"))["features"]
    return {f["properties"][Col.KODE]: (f["properties"], shape(f["geometry"])) for f in features}


@pytest.fixture(scope="session")
def kecamatan_geoms(desa):
    groups: dict[str, list] = {}
    for kode, (_, geom) in desa.items():
        groups.setdefault(kode[:8], []).append(geom)
    return {k: shapely.union_all(v) for k, v in sorted(groups.items())}


@pytest.fixture(scope="session")
def events(out):
    return pd.read_csv(out / "peristiwa.csv", dtype=str, keep_default_na=False)


# --- determinism and the committed copy -------------------------------------------------------
def test_same_seed_gives_the_same_bytes(out, tmp_path):
    again = demo.generate(tmp_path)
    assert again == json.loads((out / "ringkasan.json").read_text(encoding="utf-8"))
    for name in demo.FILES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_another_seed_gives_another_kabupaten(out, tmp_path):
    other = demo.generate(tmp_path, seed=7)
    assert other["jumlah_kecamatan"] == 12
    assert (tmp_path / "rekam_mingguan.csv").read_bytes() != (out / "rekam_mingguan.csv").read_bytes()


def test_committed_demo_equals_a_fresh_generation(out):
    for name in demo.FILES:
        committed = DEMO_DIR / name
        assert committed.exists(), f"{committed} missing: run python -m geo.demo"
        assert committed.read_bytes() == (out / name).read_bytes(), (
            f"data/demo/{name} differs from the generator: run python -m geo.demo and commit")


def test_committed_demo_is_small():
    total = sum(p.stat().st_size for p in DEMO_DIR.iterdir())
    assert total < 3_000_000
    assert (DEMO_DIR / "wilayah_desa.geojson").stat().st_size < 1_000_000


def test_readme_names_what_the_summary_names(summary):
    readme = (DEMO_DIR / "README.md").read_text(encoding="utf-8")
    for fact in (summary["kecamatan_pulau"]["kode"], summary["alat_rusak"]["kode"],
                 summary["desa_di_atas_100"]["kode"], summary["koreksi_data"]["kode"],
                 summary["kecamatan_kota"]["kode"], summary["kecamatan_merah_darat"]["kode"],
                 summary["tanggal_awal"], summary["tanggal_akhir"], summary["alat_rusak"]["mulai"]):
        assert fact in readme, fact
    for name in demo.FILES:
        assert f"`{name}`" in readme, name


def test_generator_does_not_import_streamlit():
    code = "import sys, geo.demo; sys.exit('streamlit' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=DEMO_DIR.parents[1]).returncode == 0


# --- areas ---------------------------------------------------------------------------------------
def test_codes_counts_and_types(out, summary):
    wilayah = pd.read_csv(out / "wilayah.csv", dtype={Col.KODE: str, Col.KODE_INDUK: str})
    assert list(wilayah.columns) == [Col.KODE, Col.NAMA, Col.LEVEL, Col.TIPE, Col.KODE_INDUK]
    levels = wilayah[Col.LEVEL].value_counts()
    assert levels[1] == 1 and levels[2] == 1 and levels[3] == 12
    assert 140 <= levels[4] <= 160
    rows = wilayah.set_index(Col.KODE)
    assert rows.loc["99", Col.NAMA] == "Provinsi Contoh"
    assert rows.loc["99.01", Col.NAMA] == "Kabupaten Contoh Sejahtera"
    desa_rows = wilayah[wilayah[Col.LEVEL] == 4]
    assert desa_rows[Col.KODE].str.fullmatch(r"99\.01\.(0[1-9]|1[0-2])\.[12]\d{3}").all()
    assert (desa_rows[Col.TIPE] == desa_rows[Col.KODE].map(desa_tipe)).all()
    assert (desa_rows[Col.KODE_INDUK] == desa_rows[Col.KODE].str[:8]).all()
    tipe_per_kec = desa_rows.groupby(Col.KODE_INDUK)[Col.TIPE].agg(set)
    kelurahan_only = [k for k, t in tipe_per_kec.items() if t == {"kelurahan"}]
    assert kelurahan_only == [summary["kecamatan_kota"]["kode"]]
    assert summary["jumlah_desa"] + summary["jumlah_kelurahan"] == len(desa_rows)


def test_names_repeat_across_kecamatan_but_never_within_one(out, summary):
    wilayah = pd.read_csv(out / "wilayah.csv", dtype=str)
    desa_rows = wilayah[wilayah[Col.LEVEL] == "4"]
    assert not desa_rows.duplicated([Col.KODE_INDUK, Col.NAMA]).any()
    repeated = desa_rows.groupby(Col.NAMA)[Col.KODE_INDUK].nunique()
    assert sorted(repeated[repeated > 1].index) == summary["nama_desa_ganda"]
    assert "Sukamaju" in summary["nama_desa_ganda"]


def test_geojson_properties_and_precision(out, desa):
    assert len(desa) == len(pd.read_csv(out / "rekam_mingguan.csv", usecols=[Col.KODE])[Col.KODE].unique())
    for kode, (props, _) in desa.items():
        assert set(props) == {Col.KODE, Col.NAMA, "kecamatan", "kabupaten"}
        assert props["kabupaten"] == "Kabupaten Contoh Sejahtera"
    coords = np.concatenate([shapely.get_coordinates(g) for _, g in desa.values()])
    assert np.allclose(coords, np.round(coords, 5), atol=1e-12, rtol=0)
    frame = gpd.read_file(out / "wilayah_desa.geojson")  # the loaders' reader accepts it
    assert len(frame) == len(desa) and frame.crs.to_epsg() == 4326


def test_geometry_valid_and_desa_tile_their_kecamatan(desa, kecamatan_geoms):
    geoms = [g for _, g in desa.values()]
    assert all(shapely.is_valid(geoms))
    tree = shapely.STRtree(geoms)
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i < j:
            assert shapely.intersection(geoms[i], geoms[j]).area < 1e-10
    for kode, kec in kecamatan_geoms.items():
        members = [g for k, (_, g) in desa.items() if k.startswith(kode + ".")]
        assert abs(sum(g.area for g in members) - kec.area) < 1e-9, kode
        assert shapely.symmetric_difference(shapely.union_all(members), kec).area < 1e-10
    for a, b in combinations(kecamatan_geoms.values(), 2):
        assert shapely.intersection(a, b).area < 1e-10


def test_mainland_kecamatan_are_contiguous_and_leave_no_gaps(kecamatan_geoms, summary):
    island = summary["kecamatan_pulau"]["kode"]
    mainland = {k: g for k, g in kecamatan_geoms.items() if k != island}
    assert len(mainland) == 11
    assert all(g.geom_type == "Polygon" for g in mainland.values())
    whole = shapely.union_all(list(mainland.values()))
    assert whole.geom_type == "Polygon" and len(whole.interiors) == 0
    # about 60 × 50 km
    minx, miny, maxx, maxy = whole.bounds
    assert 50 < (maxx - minx) * 110 < 70 and 40 < (maxy - miny) * 111 < 60


def test_island_kecamatan_is_offshore(kecamatan_geoms, desa, summary):
    island = summary["kecamatan_pulau"]["kode"]
    mainland = shapely.union_all([g for k, g in kecamatan_geoms.items() if k != island])
    assert shapely.disjoint(kecamatan_geoms[island], mainland)
    assert kecamatan_geoms[island].distance(mainland) > 0.05  # more than 5 km of sea
    assert 6 <= sum(k.startswith(island + ".") for k in desa) <= 10


def test_seat_kelurahan_are_small_and_dense(history, desa, summary):
    kota = summary["kecamatan_kota"]["kode"]
    last = history[history[Col.TANGGAL] == summary["tanggal_akhir"]].set_index(Col.KODE)
    density = {k: last.loc[k, Col.WAJIB] / g.area for k, (_, g) in desa.items()}
    in_kota = [v for k, v in density.items() if k.startswith(kota + ".")]
    elsewhere = [v for k, v in density.items() if not k.startswith(kota + ".")]
    assert np.median(in_kota) > 5 * np.median(elsewhere)


# --- the weekly history ---------------------------------------------------------------------------
def test_history_shape_and_invariants(history, summary, desa):
    assert list(history.columns) == [Col.TANGGAL, Col.KODE, Col.NAMA, *COUNTS]
    dates = sorted(history[Col.TANGGAL].unique())
    assert len(dates) == summary["jumlah_tanggal"] == 105
    assert dates[0] == summary["tanggal_awal"] and dates[-1] == summary["tanggal_akhir"] == "2026-11-16"
    assert all(date.fromisoformat(d).weekday() == 0 for d in dates)
    assert len(history) == 105 * len(desa)
    assert all(history[c].dtype.kind == "i" for c in COUNTS)
    assert (history[COUNTS] >= 0).all().all()
    assert (history[Col.PRR] + history[Col.CETAK] <= history[Col.SUDAH]).all()
    assert (history[Col.PEMULA] <= history[Col.WAJIB]).all()


def test_coverage_rises_to_the_green_threshold(by_kecamatan, summary):
    kab = by_kecamatan.groupby(level=Col.TANGGAL).sum()
    cov = 100 * kab[Col.SUDAH] / kab[Col.WAJIB]
    assert 76 <= cov.iloc[0] <= 80 and 91 <= cov.iloc[-1] <= 93
    assert round(cov.iloc[-1], 2) == summary["cakupan_akhir"]
    zones = ZoneConfig()
    last = by_kecamatan.xs(summary["tanggal_akhir"], level=Col.TANGGAL)
    zone = {k: zones.zone(100 * r[Col.SUDAH] / r[Col.WAJIB]).value for k, r in last.iterrows()}
    assert zone == {k: v["zona_akhir"] for k, v in summary["kecamatan"].items()}
    counts = pd.Series(zone).value_counts()
    assert counts["hijau"] >= 3 and counts["kuning"] >= 3 and counts["merah"] == 2
    assert zone[summary["kecamatan_pulau"]["kode"]] == "merah"
    assert zone[summary["kecamatan_merah_darat"]["kode"]] == "merah"


def test_exactly_one_desa_above_100_percent_at_the_last_date(history, summary):
    last = history[history[Col.TANGGAL] == summary["tanggal_akhir"]]
    above = last[last[Col.SUDAH] > last[Col.WAJIB]]
    assert list(above[Col.KODE]) == [summary["desa_di_atas_100"]["kode"]]
    row = above.iloc[0]
    assert round(100 * row[Col.SUDAH] / row[Col.WAJIB], 2) == summary["desa_di_atas_100"]["cakupan"] == 106.73


def test_wajib_grows_every_month(history, summary):
    monthly = history.assign(bulan=history[Col.TANGGAL].str[:7]).groupby(["bulan", Col.KODE])[Col.WAJIB].last()
    per_desa = monthly.unstack(Col.KODE)
    growth = per_desa.diff().iloc[1:]
    assert (growth.sum(axis=1) > 0).all()  # the kabupaten, month over month
    total = per_desa.sum(axis=1)
    rate = (total.diff() / total.shift()).iloc[1:]
    assert rate.between(0.001, 0.002).all()
    stale = summary["desa_di_atas_100"]["kode"]
    assert (growth.drop(columns=stale) > 0).all().all()  # every desa whose DKB is refreshed
    assert (growth[stale] == 0).all()  # the stale denominator never moves


def test_broken_device_kecamatan_is_flat_while_broken(by_kecamatan, summary, out, events):
    broken = summary["alat_rusak"]
    sudah = by_kecamatan.loc[broken["kode"], Col.SUDAH]
    during = sudah[sudah.index >= broken["mulai"]]
    assert list(during.index) == broken["tanggal_datar"]
    assert 6 <= len(during) - 1 <= 8  # weeks without a single recording
    assert during.nunique() == 1
    assert sudah[sudah.index < broken["mulai"]].diff().iloc[1:].gt(0).all()
    sites = pd.read_csv(out / "lokasi_perekaman.csv", dtype=str, keep_default_na=False)
    site = sites[(sites["jenis"] == "kecamatan") & sites["kode_wilayah"].str.startswith(broken["kode"] + ".")]
    assert site[["status", "rusak_sejak", "alat_aktif"]].values.tolist() == [["rusak", broken["mulai"], "0"]]
    ev = events[events["jenis"] == "alat_rusak"]
    assert ev[["tanggal_mulai", Col.KODE, "tanggal_selesai"]].values.tolist() == [[broken["mulai"], broken["kode"], ""]]


def test_sudah_rekam_falls_only_at_the_data_correction(by_kecamatan, history, summary, events):
    gains = by_kecamatan[Col.SUDAH].groupby(level=0).diff()
    falls = gains[gains < 0]
    koreksi = summary["koreksi_data"]
    assert list(falls.index) == [(koreksi["kode"], koreksi["tanggal"])]
    desa_gains = history.pivot(index=Col.TANGGAL, columns=Col.KODE, values=Col.SUDAH).diff()
    falling = desa_gains.columns[(desa_gains < 0).any()]
    assert all(k.startswith(koreksi["kode"] + ".") for k in falling)
    ev = events[events["jenis"] == "koreksi_data"]
    assert list(ev[Col.KODE]) == [koreksi["kode"]]


def test_blank_cards_run_out_printing_stops_while_prr_grows(by_kecamatan, summary, events):
    kab = by_kecamatan.groupby(level=Col.TANGGAL).sum()
    shortage = summary["blangko_habis"]
    during = kab[(kab.index > shortage["mulai"]) & (kab.index <= shortage["selesai"])]
    assert len(during) >= 12
    assert during[Col.CETAK].nunique() == 1
    assert during[Col.PRR].iloc[-1] > 2 * during[Col.PRR].iloc[0]
    after = kab[kab.index > shortage["selesai"]]
    assert after[Col.CETAK].iloc[3] > during[Col.CETAK].iloc[-1]  # printing catches up
    assert after[Col.PRR].iloc[3] < during[Col.PRR].iloc[-1] / 2
    assert (events["jenis"] == "blangko_habis").sum() == 1


def test_school_campaign_lifts_pemula_and_recordings_in_school_desa(history, summary, out, events):
    schools = pd.read_csv(out / "sekolah.csv", dtype=str)
    assert 20 <= len(schools) <= 30
    wide = history.pivot(index=Col.TANGGAL, columns=Col.KODE, values=Col.SUDAH)
    school_gains = wide[schools["kode_desa"].unique()].diff().sum(axis=1)
    campaign = school_gains[(school_gains.index > summary["kampanye_sekolah"]["mulai"])
                            & (school_gains.index <= "2026-08-24")]
    june = school_gains["2026-06-01":"2026-06-29"]
    assert campaign.mean() > 2.5 * june.mean()
    pemula = history.groupby(Col.TANGGAL)[Col.PEMULA].sum()
    assert pemula["2026-08-24"] - pemula["2026-07-13"] > 4 * (pemula["2026-07-13"] - pemula["2026-06-01"])
    assert set(events.loc[events["jenis"] == "kampanye_sekolah", Col.KODE]) == set(schools["kode_desa"])


def test_pemula_counts_from_the_first_of_january(history):
    pemula = history.groupby(Col.TANGGAL)[Col.PEMULA].sum()
    first_2026 = next(d for d in pemula.index if d.startswith("2026"))
    assert pemula[first_2026] < pemula.shift()[first_2026] / 10


def test_weekend_services_make_visibly_larger_weeks(by_kecamatan, summary, events):
    gains = by_kecamatan[Col.SUDAH].groupby(level=0).diff()
    weekends = events[events["jenis"] == "layanan_akhir_pekan"]
    assert len(weekends) >= 5
    for _, ev in weekends.iterrows():
        sunday = date.fromisoformat(ev["tanggal_selesai"])
        assert sunday.weekday() == 6 and date.fromisoformat(ev["tanggal_mulai"]).weekday() == 5
        monday = date.fromordinal(sunday.toordinal() + 1).isoformat()
        kecs = [k for k in gains.index.levels[0] if k.startswith(ev[Col.KODE])]
        if summary["kecamatan_pulau"]["kode"] in kecs:  # offline: the island's gain comes later
            kecs.remove(summary["kecamatan_pulau"]["kode"])
        week = sum(gains[(k, monday)] for k in kecs)
        usual = sum(gains.loc[k].median() for k in kecs)
        assert week > 1.8 * usual, (ev[Col.KODE], monday)


def test_island_numbers_arrive_in_bursts(by_kecamatan, summary):
    gains = by_kecamatan[Col.SUDAH].groupby(level=0).diff().unstack(0).iloc[1:]
    island = summary["kecamatan_pulau"]["kode"]
    quiet = gains.index[gains[island] == 0]
    assert len(quiet) >= 10
    assert set(summary["kecamatan_pulau"]["minggu_tanpa_kiriman"]) >= set(quiet)
    assert gains[island].max() > 3 * gains[island][gains[island] > 0].median()  # the catch-up
    others = (island, summary["alat_rusak"]["kode"], summary["kecamatan_merah_darat"]["kode"],
              summary["koreksi_data"]["kode"])
    online = [k for k in gains.columns if k not in others]
    assert (gains[online] > 0).all().all()  # online sites show recordings every single week


# --- points and events ------------------------------------------------------------------------------
def test_recording_sites(out, desa, summary):
    sites = pd.read_csv(out / "lokasi_perekaman.csv", dtype={"kode_wilayah": str, "rusak_sejak": str},
                        keep_default_na=False)
    assert list(sites.columns) == ["id", "nama", "jenis", "kode_wilayah", "lat", "lon", "alat_total", "alat_aktif",
                                   "status", "rusak_sejak", "koneksi"]
    assert sites["id"].is_unique
    jenis = sites["jenis"].value_counts().to_dict()
    assert jenis == {"kecamatan": 12, "mobile": 2, "disdukcapil": 1, "mpp": 1}
    assert set(sites["status"]) <= {"aktif", "rusak", "perbaikan"}
    assert ((sites["rusak_sejak"] != "") == (sites["status"] != "aktif")).all()
    assert (sites["alat_aktif"] <= sites["alat_total"]).all()
    for kind in ("disdukcapil", "mpp"):
        assert sites.loc[sites["jenis"] == kind, "kode_wilayah"].iloc[0].startswith(summary["kecamatan_kota"]["kode"])
    island = sites[sites["kode_wilayah"].str.startswith(summary["kecamatan_pulau"]["kode"] + ".")]
    assert list(island["koneksi"]) == ["offline"]
    for _, s in sites.iterrows():
        assert desa[s["kode_wilayah"]][1].contains(Point(s["lon"], s["lat"])), s["id"]


def test_schools(out, desa):
    schools = pd.read_csv(out / "sekolah.csv", dtype={"npsn": str, "kode_desa": str})
    assert list(schools.columns) == ["npsn", "nama", "jenjang", "kode_desa", "lat", "lon", "siswa_kelas_12",
                                     "akan_17_enam_bulan", "belum_rekam"]
    assert schools["npsn"].str.fullmatch(r"999\d{5}").all() and schools["npsn"].is_unique
    assert set(schools["jenjang"]) == {"SMA", "SMK", "MA", "Pesantren"}
    assert (schools["belum_rekam"] <= schools["akan_17_enam_bulan"]).all()
    for _, s in schools.iterrows():
        assert desa[s["kode_desa"]][1].contains(Point(s["lon"], s["lat"])), s["npsn"]


def test_events(events, desa, summary):
    assert list(events.columns) == ["tanggal_mulai", "tanggal_selesai", Col.KODE, "jenis", "keterangan"]
    assert set(events["jenis"]) == set(demo.JENIS_PERISTIWA)
    known = set(desa) | {k[:8] for k in desa} | {"99.01"}
    assert set(events[Col.KODE]) <= known
    for _, ev in events.iterrows():
        start = date.fromisoformat(ev["tanggal_mulai"])
        assert date.fromisoformat(summary["tanggal_awal"]) <= start <= date.fromisoformat(summary["tanggal_akhir"])
        if ev["tanggal_selesai"]:
            assert date.fromisoformat(ev["tanggal_selesai"]) >= start
    assert (events["keterangan"].str.len() > 20).all()
    assert events.equals(events.sort_values(["tanggal_mulai", Col.KODE, "jenis"], kind="stable"))
