"""Unrecorded pockets: exact people-to-threshold, rankings, Gi* hot spots, schools, and the CLI."""
from __future__ import annotations

import json
from decimal import Decimal

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from tests.pages.pages_run import styled_text

from geo import cli, export, pockets
from geo.coverage import people_to_reach, coverage_table
from geo.present import pockets as present_pockets
from geo.pockets import (
    MENUJU_BERIKUT, MENUJU_HIJAU, PERINGKAT, PERSEN_BELUM, PocketError, hotspots, neighbour_weights,
    pockets_table, ranked, schools_pocket, smoothed_rate,
)
from geo.schema import Col, ZoneConfig
from geo.store import Store
from geo.text import tr

ZONES = ZoneConfig(hijau=92.0, kuning=85.0)


# --- people to a threshold -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("wajib", "sudah", "pct", "expected"),
    [
        (1000, 919, 92, 1),  # 91.9 % → one more person makes 92.0 %
        (1000, 920, 92, 0),  # exactly on the threshold: already there
        (1000, 921, 92, 0),
        (333, 0, 92, 307),  # ⌈306.36⌉
        (333, 306, 92, 1),
        (333, 307, 92, 0),
        (1001, 0, 92.5, 926),  # ⌈925.925⌉
        (1001, 925, 92.5, 1),
        (1001, 926, Decimal("92.5"), 0),
        (1001, 0, "92.5", 926),
        (7500, 0, 92.28, 6921),  # 92.28/100 × 7500 is 6921.000000000001 in floats: ceil would say 6922
        (100, 0, 7, 7),  # 0.07 × 100 is 7.000000000000001 in floats
        (2198, 2346, 92, 0),  # above 100 %: nothing to do
        (0, 0, 92, 0),
    ],
)
def test_people_to_threshold_is_exact(wajib, sudah, pct, expected):
    assert people_to_reach(wajib, sudah, pct) == expected


@pytest.mark.parametrize("pct", [85, 92, 92.5, 92.28, 95, 97.58])
def test_people_to_threshold_agrees_with_the_zone_rule(pct):
    """Adding exactly that many people reaches the zone as coverage computes it; one fewer does not."""
    zones = ZoneConfig(hijau=pct, kuning=min(pct, 85))
    rng = np.random.default_rng(7)
    for wajib in [*range(1, 400), *rng.integers(400, 200_000, 300)]:
        wajib = int(wajib)
        sudah = int(rng.integers(0, wajib + 1))
        need = people_to_reach(wajib, sudah, pct)
        assert zones.zone(100.0 * (sudah + need) / wajib).value == "hijau"
        if need > 0:
            assert zones.zone(100.0 * (sudah + need - 1) / wajib).value != "hijau"


def test_people_to_threshold_refuses_nonsense():
    with pytest.raises(ValueError, match="negative"):
        people_to_reach(-1, 0, 92)
    with pytest.raises(ValueError, match="between 0 and 100"):
        people_to_reach(100, 0, 120)


def test_targets_per_zone():
    table = pd.DataFrame({
        Col.KODE: ["a", "b", "c", "d", "e"],
        Col.WAJIB: pd.array([1000, 1000, 333, 2198, None], dtype="Int64"),
        Col.SUDAH: pd.array([919, 800, 250, 2346, None], dtype="Int64"),
    })
    table[Col.ZONA] = [ZONES.zone(100 * s / w).value if pd.notna(w) else None
                       for w, s in zip(table[Col.WAJIB], table[Col.SUDAH])]
    out = pockets.add_targets(table, ZONES).set_index(Col.KODE)
    assert list(out[Col.ZONA].fillna("-")) == ["kuning", "merah", "merah", "hijau", "-"]
    # kuning 91.9 %: the next zone up is hijau
    assert (out.loc["a", MENUJU_HIJAU], out.loc["a", MENUJU_BERIKUT]) == (1, 1)
    # merah 80 %: 850 − 800 = 50 to kuning, 920 − 800 = 120 to hijau
    assert (out.loc["b", MENUJU_HIJAU], out.loc["b", MENUJU_BERIKUT]) == (120, 50)
    # merah 75.08 %: ⌈283.05⌉ − 250 = 34 to kuning, ⌈306.36⌉ − 250 = 57 to hijau
    assert (out.loc["c", MENUJU_HIJAU], out.loc["c", MENUJU_BERIKUT]) == (57, 34)
    assert (out.loc["d", MENUJU_HIJAU], out.loc["d", MENUJU_BERIKUT]) == (0, 0)  # 106.73 %
    assert pd.isna(out.loc["e", MENUJU_HIJAU]) and pd.isna(out.loc["e", MENUJU_BERIKUT])
    assert str(out[MENUJU_HIJAU].dtype) == "Int64"


def test_ranked_by_number_and_by_share():
    table = pd.DataFrame({
        Col.KODE: ["a", "b", "c", "d", "e"],
        Col.WAJIB: pd.array([10_000, 1_000, 400, 2_000, None], dtype="Int64"),
        Col.BELUM: pd.array([800, 300, 200, 300, None], dtype="Int64"),
    })
    by_number = ranked(table, "belum_rekam")
    # d and b tie on 300 people; b's share (30 %) is higher than d's (15 %). e has no data.
    assert list(by_number[Col.KODE]) == ["a", "b", "d", "c"]
    assert list(by_number[PERINGKAT]) == [1, 2, 3, 4]
    by_share = ranked(table, "rate")
    assert list(by_share[Col.KODE]) == ["c", "b", "d", "a"]
    assert list(by_share[PERSEN_BELUM]) == pytest.approx([50.0, 30.0, 15.0, 8.0])
    with pytest.raises(PocketError):
        ranked(table, "cakupan")


# --- hot spots ---------------------------------------------------------------------------------
def _grid(n: int = 10, *, rate, wajib, seed: int, crs=None) -> gpd.GeoDataFrame:
    """n × n unit squares, row-major; belum drawn as Binomial(wajib, rate) with ``seed``."""
    rng = np.random.default_rng(seed)
    cells = [(i, j) for j in range(n) for i in range(n)]
    belum = rng.binomial(wajib, rate)
    return gpd.GeoDataFrame({
        Col.KODE: [f"99.01.{j + 1:02d}.{2001 + i}" for i, j in cells],
        Col.NAMA: [f"Desa {i}-{j}" for i, j in cells],
        Col.WAJIB: wajib,
        Col.BELUM: belum,
        "i": [i for i, _ in cells],
        "j": [j for _, j in cells],
    }, geometry=[box(i, j, i + 1, j + 1) for i, j in cells], crs=crs)


CLUSTER = {(i, j) for i in (3, 4, 5) for j in (3, 4, 5)}


def _planted(seed: int) -> gpd.GeoDataFrame:
    wajib = np.random.default_rng(seed + 1000).integers(300, 3000, 100)
    rate = np.array([0.25 if (i, j) in CLUSTER else 0.10 for j in range(10) for i in range(10)])
    return _grid(rate=rate, wajib=wajib, seed=seed)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_cluster_is_hot(seed):
    grid = _planted(seed)
    found = hotspots(grid, seed=11).merge(grid[[Col.KODE, "i", "j"]], on=Col.KODE)
    assert set(found[pockets.KELAS]) <= set(pockets.KELAS_VALUES)
    cell = found.set_index(["i", "j"])
    assert cell.loc[(4, 4), pockets.KELAS] == "panas"  # the heart of the cluster
    in_cluster = cell.loc[sorted(CLUSTER), pockets.KELAS]
    assert (in_cluster == "panas").sum() >= 7
    assert not (in_cluster == "dingin").any()
    # Hot spots sit in the cluster or right beside it (Gi* counts a cell's neighbours too).
    hot = found[found[pockets.KELAS] == "panas"]
    assert all(2 <= i <= 6 and 2 <= j <= 6 for i, j in zip(hot["i"], hot["j"]))
    assert (cell.loc[(4, 4), pockets.P_SIM] <= 0.05) and cell.loc[(4, 4), pockets.GI_Z] > 0


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_arrangement_has_few_significant_cells(seed):
    wajib = np.random.default_rng(seed + 1000).integers(300, 3000, 100)
    grid = _grid(rate=0.10, wajib=wajib, seed=seed)
    found = hotspots(grid, seed=11)
    # Two-sided p ≤ 0.05: about 5 of 100 by chance; never a large share.
    assert (found[pockets.KELAS] != "tidak_signifikan").sum() <= 10


def test_hotspots_are_reproducible_and_report_their_settings():
    grid = _planted(1)
    first = hotspots(grid, permutations=499, seed=5)
    again = hotspots(grid, permutations=499, seed=5)
    pd.testing.assert_frame_equal(first, again)
    assert first.attrs == {"method": "Gi*", "k": 6, "permutations": 499, "seed": 5, "alpha": 0.05, "value": "rate"}
    # p-values are multiples of 2/(permutations + 1): pseudo p-values from the permutations.
    steps = first[pockets.P_SIM] * 500 / 2
    assert np.allclose(steps[first[pockets.P_SIM] < 1], np.round(steps[first[pockets.P_SIM] < 1]))


def test_smoothing_keeps_a_tiny_desa_from_dominating():
    """A 20-person desa with 15 unrecorded is shrunk toward the overall rate; a large one barely moves."""
    wajib = np.full(100, 2000)
    wajib[44] = 20
    grid = _grid(rate=0.10, wajib=wajib, seed=3)
    grid.loc[44, Col.BELUM] = 15
    rate = smoothed_rate(grid[Col.BELUM], grid[Col.WAJIB])
    raw = grid[Col.BELUM] / grid[Col.WAJIB]
    assert raw[44] == 0.75
    assert rate[44] < 0.25  # pulled most of the way back toward ~0.10
    assert abs(rate[0] - raw[0]) < 0.01
    found = hotspots(grid, seed=11).set_index(Col.KODE)
    assert found.loc[grid.loc[44, Col.KODE], pockets.KELAS] != "panas"


def _island_areas() -> gpd.GeoDataFrame:
    """A 4 × 4 mainland of 0.05° desa near 121°E 9°S, and one island desa 0.5° (about 55 km) offshore."""
    cells = [box(121 + 0.05 * i, -9.2 + 0.05 * j, 121.05 + 0.05 * i, -9.15 + 0.05 * j)
             for j in range(4) for i in range(4)]
    kode = [f"99.01.01.{2001 + n}" for n in range(16)] + ["99.01.12.2001"]
    wajib = [2000] * 17
    belum = [150, 160, 170, 180, 150, 160, 170, 180, 150, 160, 170, 180, 150, 160, 170, 180, 600]
    return gpd.GeoDataFrame({Col.KODE: kode, Col.NAMA: kode, Col.WAJIB: wajib, Col.BELUM: belum},
                            geometry=cells + [box(121.7, -9.2, 121.75, -9.15)], crs="EPSG:4326")


def test_island_gets_neighbours():
    from libpysal.weights import Queen

    areas = _island_areas()
    island = 16
    queen = Queen.from_dataframe(areas, use_index=False, silence_warnings=True)
    assert island in queen.islands  # contiguity alone leaves the island desa without neighbours
    knn = neighbour_weights(areas, k=6)
    assert knn.islands == []
    assert knn.cardinalities[island] == 6
    # Its nearest neighbours are the mainland's eastern column (i = 3), measured in metres (UTM).
    assert set(knn.neighbors[island]) >= {3, 7, 11, 15}
    found = hotspots(areas, seed=1).set_index(Col.KODE)
    assert found.loc["99.01.12.2001", pockets.KELAS] in pockets.KELAS_VALUES
    assert len(found) == 17


def test_hotspots_refuse_too_few_areas_and_unknown_values():
    areas = _island_areas()
    with pytest.raises(PocketError) as err:
        hotspots(areas.head(4))
    assert err.value.key == "hotspot_terlalu_sedikit"
    with pytest.raises(PocketError):
        hotspots(areas, value="cakupan")


def test_areas_without_data_are_left_out_of_the_test():
    areas = _island_areas()
    areas[Col.WAJIB] = pd.array([*areas[Col.WAJIB][:-1], None], dtype="Int64")
    found = hotspots(areas, seed=1)
    assert "99.01.12.2001" not in set(found[Col.KODE])
    assert len(found) == 16


# --- a store: pockets table, schools, the CLI ---------------------------------------------------
def _areas():
    rows = [
        ("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 3, 1)),
        ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(0, 0, 2, 1)),
        ("99.01.02", "Kec B", "kecamatan", "99.01", "kecamatan", box(2, 0, 3, 1)),
        ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", box(0, 0, 1, 1)),
        ("99.01.01.1002", "=Kel A2", "desa", "99.01.01", "kelurahan", box(1, 0, 2, 1)),
        ("99.01.02.2001", "Desa B1", "desa", "99.01.02", "desa", box(2, 0, 3, 1)),
    ]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


SCHOOLS = pd.DataFrame([
    ("99900001", "SMA Negeri 1", "99.01.01.2001", 0.5, 0.5, {"jenjang": "SMA", "siswa_kelas_12": "200",
                                                             "akan_17_enam_bulan": "150", "belum_rekam": "40"}),
    ("99900002", "Pondok Pesantren Al-Uji", "99.01.02.2001", 0.5, 2.5, {
        "jenjang": "Pesantren", "siswa_kelas_12": "80", "akan_17_enam_bulan": "90", "belum_rekam": "60"}),
    ("99900003", "SMK Bina", "99.01.01.1002", 0.5, 1.5, {"jenjang": "SMK", "siswa_kelas_12": "120",
                                                         "akan_17_enam_bulan": "100", "belum_rekam": "40"}),
    ("99900004", "SMA Lengkap", "99.01.01.1002", 0.6, 1.5, {"jenjang": "SMA", "siswa_kelas_12": "100",
                                                            "akan_17_enam_bulan": "70", "belum_rekam": "0"}),
    ("99900005", "SMP Negeri 3", "99.01.01.1002", 0.7, 1.5, {"jenjang": "SMP", "siswa_kelas_12": "0",
                                                             "akan_17_enam_bulan": "5", "belum_rekam": "5"}),
], columns=["id", Col.NAMA, Col.KODE, "lat", "lon", "atribut"])


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    s.add_areas(_areas())
    s.add_enrollment(pd.DataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.1002", "99.01.02.2001"],
                                   Col.WAJIB: [1000, 333, 1001], Col.SUDAH: [900, 250, 926]}), tanggal="2026-01-05")
    s.add_enrollment(pd.DataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.1002", "99.01.02.2001"],
                                   Col.WAJIB: [1000, 333, 1001], Col.SUDAH: [919, 250, 926]}), tanggal="2026-01-12")
    s.add_points(SCHOOLS, kind="sekolah")
    yield s
    s.close()


def test_pockets_table_from_the_store(store):
    table = pockets_table(store, "99.01", "desa", zones=ZONES).set_index(Col.KODE)
    assert list(table.index) == ["99.01.01.1002", "99.01.01.2001", "99.01.02.2001"]
    assert table.loc["99.01.01.2001", Col.NAMA_INDUK] == "Kec A"
    assert table.loc["99.01.01.2001", MENUJU_HIJAU] == 1  # 919 of 1000
    assert table.loc["99.01.01.1002", MENUJU_HIJAU] == 57  # 250 of 333
    assert table.loc["99.01.01.1002", MENUJU_BERIKUT] == 34
    assert table.loc["99.01.02.2001", MENUJU_HIJAU] == 0  # 926 of 1001 = 92.51 %
    earlier = pockets_table(store, "99.01", "desa", date="2026-01-10", zones=ZONES).set_index(Col.KODE)
    assert earlier.loc["99.01.01.2001", MENUJU_HIJAU] == 20  # 900 of 1000
    kec = pockets_table(store, "99.01", "kecamatan", zones=ZONES).set_index(Col.KODE)
    # Kec A: (919 + 250) of (1000 + 333) = 87.70 % → kuning; ⌈0.92 × 1333⌉ = 1227 → 58 more.
    assert kec.loc["99.01.01", Col.ZONA] == "kuning"
    assert kec.loc["99.01.01", MENUJU_HIJAU] == 58
    assert kec.loc["99.01.01", Col.NAMA_INDUK] == "Kabupaten Uji"


def test_schools_pocket(store):
    schools = schools_pocket(store, "99.01")
    # The SMP is not a school of the first-time cohort; the school with nobody left is not a pocket.
    assert list(schools[pockets.NPSN]) == ["99900002", "99900001", "99900003"]
    assert list(schools[Col.BELUM]) == [60, 40, 40]  # ties broken by akan_17: 150 before 100
    assert list(schools[pockets.NAMA_DESA]) == ["Desa B1", "Desa A1", "=Kel A2"]
    assert schools_pocket(store, "99.01.02")[pockets.NPSN].tolist() == ["99900002"]
    layer = present_pockets.school_layer(schools)
    assert layer["label"][0] == ("Pondok Pesantren Al-Uji (Pesantren): 90 siswa akan 17 tahun dalam 6 bulan, "
                                 "60 belum rekam")
    # its legend row says what a point is ("17 tahun", not "17"), apart from the layer's name above it
    assert set(layer["status"]) == {"Sekolah dengan siswa akan 17 tahun yang belum rekam"}
    assert tr("lapisan_sekolah_kantong") == "Kantong pemula"
    english = present_pockets.school_layer(schools, "en")
    assert set(english["status"]) == {"School with students turning 17 not recorded"}


def test_screen_and_download_tables(store):
    table = pockets_table(store, "99.01", "desa", zones=ZONES)
    top = ranked(table, "belum_rekam")
    styled = present_pockets.display(top, present_pockets.ranked_columns("desa"), "id")
    # numbers stay numbers under the text the reader sees: a click on a column's title sorts by value
    assert styled.data["Belum rekam"].tolist() == top[Col.BELUM].astype(float).tolist()
    assert styled.data["Cakupan"].tolist() == pytest.approx(top[Col.CAKUPAN].tolist())
    shown = styled_text(styled)
    assert list(shown.columns) == ["Peringkat", "Nama wilayah", "Kecamatan", "Kode", "Wajib KTP", "Belum rekam",
                                   "Belum rekam (%)", "Cakupan", "Zona", "Menuju hijau", "Naik zona"]
    assert shown.iloc[0].tolist() == ["1", "=Kel A2", "Kec A", "99.01.01.1002", "333", "83", "24,92%", "75,08%",
                                      "merah", "57", "34"]
    english = styled_text(present_pockets.display(top, present_pockets.ranked_columns("desa"), "en"))
    assert english.iloc[0]["To green"] == "57"
    data = present_pockets.download_frame(top, present_pockets.ranked_columns("desa"))
    assert data[Col.CAKUPAN].tolist() == [75.08, 91.9, 92.51]
    csv = export.to_csv_bytes(data).decode("utf-8-sig")
    assert "'=Kel A2" in csv  # a name that would run as a formula is neutralised


def _cli(capsys, monkeypatch, *argv):
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_json_equals_hand_numbers(store, store_url, capsys, monkeypatch):
    code, out, err = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--format", "json", "--db", store_url)
    assert code == 0, err
    rows = {r[Col.KODE]: r for r in json.loads(out)}
    assert rows["99.01.01.2001"] == {"peringkat": 2, "kode": "99.01.01.2001", "nama": "Desa A1", "belum_rekam": 81,
                                     "cakupan": 91.9, "zona": "kuning", "menuju_hijau": 1, "menuju_zona_berikut": 1}
    assert rows["99.01.01.1002"] == {"peringkat": 1, "kode": "99.01.01.1002", "nama": "=Kel A2", "belum_rekam": 83,
                                     "cakupan": 75.08, "zona": "merah", "menuju_hijau": 57, "menuju_zona_berikut": 34}
    assert [r["kode"] for r in rows.values()][:2] == ["99.01.01.1002", "99.01.01.2001"]  # ranked, not in code order
    assert rows["99.01.02.2001"]["menuju_hijau"] == 0 and rows["99.01.02.2001"]["cakupan"] == 92.51
    code, out, _ = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--level", "kecamatan",
                        "--date", "2026-01-10", "--format", "json", "--db", store_url)
    kec = {r[Col.KODE]: r for r in json.loads(out)}
    # (900 + 250) of 1333 = 86.27 %: ⌈1226.36⌉ − 1150 = 77 to hijau
    assert (kec["99.01.01"]["belum_rekam"], kec["99.01.01"]["menuju_hijau"]) == (183, 77)


def test_cli_table_csv_and_refusals(store, store_url, capsys, monkeypatch):
    code, out, _ = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--db", store_url)
    assert code == 0
    line = next(s for s in out.splitlines() if "99.01.01.1002" in s)
    assert "75,08%" in line and "merah" in line and line.split()[-2:] == ["57", "34"]
    code, out, _ = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--format", "csv", "--db", store_url)
    assert "'=Kel A2" in out
    code, _, err = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--hotspots", "--db", store_url)
    assert code == 1 and "minimal 5 wilayah" in err  # three desa are too few for a local statistic
    code, _, err = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--date", "12-01-26", "--db", store_url)
    assert code == 1 and "Traceback" not in err


def test_cli_hotspots_on_a_grid(store_url, capsys, monkeypatch):
    grid = _planted(1)
    areas = grid[[Col.KODE, Col.NAMA, "geometry"]].assign(
        **{Col.LEVEL: "desa", Col.TIPE: "desa", Col.KODE_INDUK: [k.rsplit(".", 1)[0] for k in grid[Col.KODE]]})
    areas = areas.set_geometry(areas.geometry.scale(0.01, 0.01, origin=(0, 0)).translate(121, -9.5)).set_crs(4326)
    s = Store.open(store_url)
    s.add_areas(areas)
    s.add_enrollment(pd.DataFrame({Col.KODE: grid[Col.KODE], Col.WAJIB: grid[Col.WAJIB],
                                   Col.SUDAH: grid[Col.WAJIB] - grid[Col.BELUM]}), tanggal="2026-01-05")
    s.close()
    code, out, err = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--hotspots", "--format", "json",
                          "--permutations", "499", "--seed", "3", "--db", store_url)
    assert code == 0, err
    rows = {r[Col.KODE]: r for r in json.loads(out)}
    assert set(next(iter(rows.values()))) == {"peringkat", "kode", "nama", "belum_rekam", "cakupan", "zona",
                                              "menuju_hijau", "menuju_zona_berikut", "hotspot", "p_value"}
    centre = grid.loc[(grid["i"] == 4) & (grid["j"] == 4), Col.KODE].item()
    assert rows[centre]["hotspot"] == "panas" and rows[centre]["p_value"] <= 0.05
    assert "499 permutasi, seed 3" in err and "p ≤ 0,05" in err
    # The same numbers as the library with the same settings (degrees are projected to UTM first).
    table = coverage_table(Store.open(store_url), "desa", within="99.01", geometry=True)
    expected = hotspots(table, permutations=499, seed=3).set_index(Col.KODE)
    assert all(rows[k]["hotspot"] == expected.loc[k, pockets.KELAS] for k in rows)
    assert all(rows[k]["p_value"] == round(expected.loc[k, pockets.P_SIM], 4) for k in rows)


def test_cli_ranks_by_belum_rekam_then_people_to_green_and_shows_pemula(store_url, capsys, monkeypatch):
    """Issue #18 item 6: the largest pocket first; on a tie, the one fewer people from hijau first
    (even when its share not recorded is lower); the first-timers column when the figures have it."""
    s = Store.open(store_url)
    s.add_areas(_areas())
    s.add_enrollment(pd.DataFrame({Col.KODE: ["99.01.01.2001", "99.01.01.1002", "99.01.02.2001"],
                                   Col.WAJIB: [1000, 2000, 500], Col.SUDAH: [900, 1900, 450],
                                   Col.PEMULA_BELUM: [30, 40, 10]}), tanggal="2026-01-05")
    s.close()
    code, out, err = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--format", "json", "--db", store_url)
    assert code == 0, err
    rows = json.loads(out)
    # 100 belum each: =Kel A2 (95 %) is already hijau, Desa A1 (90 %) needs 20 more, though its share is higher.
    assert [(r["kode"], r["belum_rekam"], r["menuju_hijau"]) for r in rows] == [
        ("99.01.01.1002", 100, 0), ("99.01.01.2001", 100, 20), ("99.01.02.2001", 50, 10)]
    assert [r[Col.PEMULA_BELUM] for r in rows] == [40, 30, 10]
    assert list(rows[0])[:5] == ["peringkat", "kode", "nama", "belum_rekam", Col.PEMULA_BELUM]
    code, out, _ = _cli(capsys, monkeypatch, "pockets", "--within", "99.01", "--db", store_url)
    assert Col.PEMULA_BELUM in out.splitlines()[0]


def _few(belum: list[int], parents: list[str]) -> pd.DataFrame:
    n = len(belum)
    return pd.DataFrame({Col.KODE: [f"99.01.0{i % 9 + 1}.20{i:02d}" for i in range(n)],
                         Col.NAMA: [f"D{i}" for i in range(n)],
                         Col.NAMA_INDUK: parents, Col.WAJIB: [1000] * n, Col.BELUM: belum,
                         Col.CAKUPAN: [100 - b / 10 for b in belum]})


def test_the_finding_says_only_what_the_list_supports():
    from geo.present.pockets import finding

    lead, rest = finding(ranked(_few([300, 100], ["A", "A"]), "belum_rekam"), "Kab X", "desa")
    assert lead == "Terbanyak belum rekam: D0 (A), 300 orang — 75,0% dari 400 belum rekam di Kab X."
    assert rest == ""  # the two are the whole list: no "top 10" share, no cluster of two
    belum = [50 - i for i in range(12)]
    parents = ["B", "C", "B", "C", "B", "C", "B", "C", "D", "D", "D", "D"]
    lead, rest = finding(ranked(_few(belum, parents), "belum_rekam"), "Kab X", "desa", "en")
    assert rest == "The top 10 villages hold 455 people (85.2%). Of those 10, 4 in B district and 4 in C district."
    assert finding(ranked(_few([0, 0], ["A", "A"]), "belum_rekam"), "Kab X", "desa") is None  # nobody left to record: nothing to say
