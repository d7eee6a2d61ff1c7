"""Unrecorded pockets: where are the people not yet recorded, and how many to the next zone?

* ``add_targets`` (with ``coverage.people_to_reach``) — exact integers: how many more recordings lift an area to a
  threshold (a value on the threshold takes the better zone, as in ``ZoneConfig.zone``).
* ``pockets_table`` / ``ranked`` — per area belum rekam, the people to hijau and to the next
  zone up, ranked by absolute belum rekam or by the share not yet recorded.
* ``hotspots`` — Getis–Ord Gi* on the empirical-Bayes smoothed rate of unrecorded people, with
  k-nearest-neighbour weights on projected centroids (an island desa always has neighbours;
  contiguity weights would leave it alone) and a seeded permutation test.
* ``spots`` — the hot then the cold spots found, smallest p first.
* ``schools_pocket`` — schools (SMA/SMK/MA, pesantren) whose students turning 17 within six
  months are not yet recorded: where the first-time cohort is.

The tables, words and map layers for people are in ``geo.present.pockets``.

Percentages are in percent (0–100), never fractions. Rates passed to the statistics are
fractions (belum / wajib) because that is what the smoother takes.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from geo.columns import (
    AKAN_17, GI_Z, HOTSPOT, JENJANG, KELAS, MENUJU_BERIKUT, MENUJU_HIJAU, NAMA_DESA, NAMA_KAB, NPSN, PERINGKAT,
    PERSEN_BELUM, P_SIM, P_VALUE, SISWA_KELAS_12,
)
from geo.codes import kabupaten_names
from geo.config import K_NEIGHBOURS, PERMUTATIONS, SEED
from geo.coverage import coverage_table, people_to_reach
from geo.schema import Col, Level, RekamError, Zone, ZoneConfig, is_country
from geo.store import Store

# --- columns of the frames this module returns -------------------------------------------
KELAS_VALUES = ("panas", "dingin", "tidak_signifikan")

# --- school levels of the first-time cohort (the documented sekolah file, see geo.io.points) ---
SCHOOL_LEVELS = ("SMA", "SMK", "MA", "PESANTREN")

# --- hotspot defaults: fixed so that a result can be reproduced --------------------------
ALPHA = 0.05
MIN_AREAS = 5  # fewer areas than this give no meaningful local statistic
VALUES = ("rate", "belum_rekam")


class PocketError(RekamError):
    """The pockets cannot be computed as asked (too few areas, unknown option)."""


# --- people to a threshold -----------------------------------------------------------------
def _to_threshold(wajib, sudah, pct) -> int | None:
    if pd.isna(wajib) or pd.isna(sudah):
        return None
    return people_to_reach(wajib, sudah, pct)


def add_targets(table: pd.DataFrame, zones: ZoneConfig = ZoneConfig()) -> pd.DataFrame:
    """Add MENUJU_HIJAU and MENUJU_BERIKUT (Int64 people) to a coverage table.

    Takes Col.WAJIB, Col.SUDAH, Col.ZONA (as from ``coverage.coverage_table``). The next zone
    up of merah is kuning, of kuning hijau; hijau needs 0. Areas without data (no zone) get <NA>.
    Above 100 % (stale denominator) needs 0 people. ``zones``: the thresholds (percent) as
    configured; the caller passes its settings' zones.
    """
    next_threshold = {Zone.MERAH.value: zones.kuning, Zone.KUNING.value: zones.hijau}
    out = table.copy()
    to_green, to_next = [], []
    for wajib, sudah, zona in zip(out[Col.WAJIB], out[Col.SUDAH], out[Col.ZONA]):
        has_zone = isinstance(zona, str)
        to_green.append(_to_threshold(wajib, sudah, zones.hijau) if has_zone else None)
        to_next.append(_to_threshold(wajib, sudah, next_threshold[zona]) if zona in next_threshold
                       else (0 if has_zone else None))
    out[MENUJU_HIJAU] = pd.array(to_green, dtype="Int64")
    out[MENUJU_BERIKUT] = pd.array(to_next, dtype="Int64")
    return out


# --- ranking -------------------------------------------------------------------------------
_RANKINGS = ("belum_rekam", "rate")


def most_belum_first(table: pd.DataFrame, zones: ZoneConfig | None = None) -> pd.DataFrame:
    """Areas with belum rekam, the most first; ties (issue #18): fewer people to hijau first — the
    quicker step, even at a lower share — then the larger share not recorded, then code. The one order
    of every "most not yet recorded" list: Beranda's ten, Kantong's list and its image, the bupati's
    PDF. MENUJU_HIJAU comes from the table, or from ``zones`` (``add_targets``) when it lacks it."""
    have = table[table[Col.BELUM].notna()]
    belum = pd.to_numeric(have[Col.BELUM]).to_numpy(dtype="float64")
    wajib = pd.to_numeric(have[Col.WAJIB], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    share = np.divide(belum, wajib, out=np.zeros_like(belum), where=wajib > 0)
    if MENUJU_HIJAU not in have and zones is not None and Col.ZONA in have:
        have = add_targets(have, zones)
    to_green = (have[MENUJU_HIJAU].to_numpy(dtype="float64", na_value=np.inf) if MENUJU_HIJAU in have
                else np.zeros_like(belum))
    return have.iloc[np.lexsort((have[Col.KODE].to_numpy(dtype=str), -share, to_green, -belum))]


def top_belum(table: pd.DataFrame, n: int = 10, zones: ZoneConfig | None = None) -> pd.DataFrame:
    """The ``n`` areas with the most belum rekam, in ``most_belum_first``'s order (ordered among those
    with at least the ``n``-th largest count only: the people to hijau are counted row by row)."""
    belum = pd.to_numeric(table[Col.BELUM], errors="coerce")
    if belum.notna().sum() > n:
        table = table[belum >= belum.nlargest(n).iloc[-1]]
    return most_belum_first(table, zones).head(n)


def ranked(table: pd.DataFrame, by: str = "belum_rekam") -> pd.DataFrame:
    """Areas with data, largest pocket first, with PERSEN_BELUM (percent) and PERINGKAT (1…n).

    ``by='belum_rekam'``: most people not yet recorded (``most_belum_first``: ties by fewer people to
    hijau, then the higher share, then code).
    ``by='rate'``: highest share not yet recorded, 100 × belum / wajib = 100 − cakupan
    (ties: more people, then code). Takes Col.KODE, Col.WAJIB, Col.BELUM; keeps every other
    column. Raises PocketError for an unknown ``by``.
    """
    if by not in _RANKINGS:
        raise PocketError("pilihan_tidak_dikenal", nama="by", nilai=by, pilihan=", ".join(_RANKINGS))
    have = table[table[Col.BELUM].notna() & (pd.to_numeric(table[Col.WAJIB], errors="coerce") > 0)].copy()
    wajib = pd.to_numeric(have[Col.WAJIB]).astype("float64")
    have[PERSEN_BELUM] = 100.0 * pd.to_numeric(have[Col.BELUM]).astype("float64") / wajib
    if by == "belum_rekam":
        out = most_belum_first(have).reset_index(drop=True)
    else:
        out = have.sort_values([PERSEN_BELUM, Col.BELUM, Col.KODE], ascending=[False, False, True], ignore_index=True)
    out.insert(0, PERINGKAT, np.arange(1, len(out) + 1))
    return out


# --- hot spots -----------------------------------------------------------------------------
def neighbour_weights(gdf, k: int = K_NEIGHBOURS):
    """Binary k-nearest-neighbour weights on the areas' centroids (a libpysal ``W``, ids = row order).

    Centroids are taken in a metric CRS (the local UTM zone when ``gdf`` is in degrees), so
    "nearest" means nearest on the ground. Every area gets exactly ``k`` neighbours, an island
    included. ``k`` is lowered to n − 1 when there are fewer areas.
    """
    from libpysal.weights import KNN

    frame = gdf
    if gdf.crs is not None and gdf.crs.is_geographic:
        frame = gdf.to_crs(gdf.estimate_utm_crs())
    centroids = frame.geometry.centroid
    coords = np.column_stack([centroids.x.to_numpy(), centroids.y.to_numpy()])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "not fully connected": an island group is its own component
        return KNN(coords, k=min(k, len(coords) - 1))


def smoothed_rate(belum, wajib) -> np.ndarray:
    """Empirical-Bayes smoothed rate of unrecorded people (fraction), shrunk toward the overall rate.

    A desa of 40 people with 20 unrecorded is pulled far toward the kabupaten's rate; one of
    4,000 barely moves. ``belum`` below 0 (coverage above 100 %) counts as 0.
    """
    from esda.smoothing import Empirical_Bayes

    events = np.clip(np.asarray(belum, dtype="float64"), 0, None).reshape(-1, 1)
    base = np.asarray(wajib, dtype="float64").reshape(-1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(Empirical_Bayes(events, base).r, dtype="float64").ravel()


def hotspots(gdf, value: str = "rate", *, k: int = K_NEIGHBOURS, permutations: int = PERMUTATIONS,
             seed: int = SEED, alpha: float = ALPHA) -> pd.DataFrame:
    """Local Getis–Ord Gi* hot and cold spots of unrecorded people.

    Takes a GeoDataFrame with Col.KODE, Col.WAJIB, Col.BELUM and polygons (any CRS). Areas
    without data (no wajib > 0 or no belum) are left out before the weights are built.
    ``value='rate'`` tests the empirical-Bayes smoothed share unrecorded (so a tiny desa
    does not dominate); ``value='belum_rekam'`` the counts themselves (below 0 → 0).

    Weights: ``neighbour_weights`` (k nearest, binary) plus the area itself (Gi*), row-
    standardised. Inference: ``permutations`` conditional permutations with ``seed`` (the same
    input gives the same output). Returns one row per area tested: Col.KODE, GI_Z (Gi*
    standardised by the permutation mean and spread), P_SIM (two-sided pseudo p-value: twice
    esda's one-sided folded p_sim, at most 1) and KELAS: ``panas`` when P_SIM ≤ ``alpha`` and
    GI_Z > 0, ``dingin`` when P_SIM ≤ ``alpha`` and GI_Z < 0, else ``tidak_signifikan``.
    ``frame.attrs`` records method, k, permutations, seed, alpha and value. No correction for
    testing many areas at once: at alpha 0.05 about 1 area in 20 is flagged by chance.

    Raises PocketError for an unknown ``value`` or fewer than MIN_AREAS areas with data.
    """
    if value not in VALUES:
        raise PocketError("pilihan_tidak_dikenal", nama="value", nilai=value, pilihan=", ".join(VALUES))
    wajib = pd.to_numeric(gdf[Col.WAJIB], errors="coerce")
    belum = pd.to_numeric(gdf[Col.BELUM], errors="coerce")
    usable = (wajib > 0).fillna(False).to_numpy(bool) & belum.notna().to_numpy(bool)
    usable &= ~(gdf.geometry.isna() | gdf.geometry.is_empty).to_numpy(bool)
    n = int(usable.sum())
    if n < MIN_AREAS:
        raise PocketError("hotspot_terlalu_sedikit", jumlah=n, minimum=MIN_AREAS)
    areas = gdf[usable].reset_index(drop=True)
    w_used, b_used = wajib[usable].to_numpy("float64"), belum[usable].to_numpy("float64")
    y = smoothed_rate(b_used, w_used) if value == "rate" else np.clip(b_used, 0, None)

    from esda import G_Local
    from libpysal.weights import fill_diagonal

    k = min(k, n - 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal reports components (an island kecamatan is one): expected
        weights = fill_diagonal(neighbour_weights(areas, k), 1.0)  # Gi*: the area counts in its own sum
        gi = G_Local(y, weights, transform="R", star=True, permutations=permutations, seed=seed, n_jobs=1)
    z = np.asarray(gi.z_sim, dtype="float64")
    p = np.minimum(1.0, 2.0 * np.asarray(gi.p_sim, dtype="float64"))
    significant = p <= alpha
    kelas = np.where(significant & (z > 0), "panas", np.where(significant & (z < 0), "dingin", "tidak_signifikan"))
    out = pd.DataFrame({Col.KODE: areas[Col.KODE].to_numpy(), GI_Z: z, P_SIM: p, KELAS: kelas})
    out.attrs.update(method="Gi*", k=k, permutations=permutations, seed=seed, alpha=alpha, value=value)
    return out


_find_hotspots = hotspots  # pockets_table's flag of the same name hides the function


# --- the pockets table ---------------------------------------------------------------------
def pockets_table(store: Store, within: str, level: Level | str = Level.DESA, *, date: str | None = None,
                  hotspots: bool = False, geometry: bool = False, zones: ZoneConfig = ZoneConfig(),
                  k: int = K_NEIGHBOURS, permutations: int = PERMUTATIONS, seed: int = SEED,
                  alpha: float = ALPHA):
    """Every area at ``level`` inside ``within`` with its pocket of unrecorded people at ``date``.

    Returns the columns of ``coverage.coverage_table`` (Col.KODE, NAMA, KODE_INDUK, counts,
    BELUM, CAKUPAN in percent, ZONA, TANGGAL…; Col.PEMULA_BELUM is the first-timers among the
    belum rekam where the figures give them, else <NA>) plus Col.NAMA_INDUK (the parent's name),
    NAMA_KAB (the kabupaten/kota's name, for kecamatan and desa listed across a provinsi or the
    country, where names repeat from one kabupaten to the next), MENUJU_HIJAU and MENUJU_BERIKUT
    (people, Int64); with ``hotspots=True`` also HOTSPOT
    (panas/dingin/tidak_signifikan; <NA> for areas without data) and P_VALUE (see
    ``hotspots``, whose settings are copied into ``frame.attrs``); a GeoDataFrame with
    ``geometry=True``. Rows in code order. ``zones``: the configured thresholds (percent).
    Raises StoreError, PocketError.
    """
    level = Level(level)
    table = coverage_table(store, level, within=within, date=date, zones=zones, geometry=hotspots or geometry)
    parents = store.areas(within=within, level=level.parent) if level.parent else None
    names = dict(zip(parents[Col.KODE], parents[Col.NAMA])) if parents is not None else {}
    table[Col.NAMA_INDUK] = table[Col.KODE_INDUK].map(names)
    if level.depth > Level.KABUPATEN.depth and (is_country(within) or Level.of_code(within) is Level.PROVINSI):
        table[NAMA_KAB] = kabupaten_names(store, within, table[Col.KODE])
    table = add_targets(table, zones)
    if hotspots:
        found = _find_hotspots(table, k=k, permutations=permutations, seed=seed, alpha=alpha)
        found = found.rename(columns={KELAS: HOTSPOT, P_SIM: P_VALUE})[[Col.KODE, HOTSPOT, P_VALUE]]
        table = table.merge(found, on=Col.KODE, how="left", validate="one_to_one")
        if not geometry:
            table = pd.DataFrame(table.drop(columns=table.geometry.name))
        table.attrs = dict(found.attrs)  # set last: merges and conversions do not all carry attrs
    return table


# --- the first-time cohort at school -------------------------------------------------------
def _count(value) -> int | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


def schools_pocket(store: Store, within: str | None) -> pd.DataFrame:
    """Schools whose students turning 17 within six months are not yet recorded, largest first.

    Reads the stored ``sekolah`` points (attributes from the documented CSV: ``jenjang``,
    ``siswa_kelas_12``, ``akan_17_enam_bulan``, ``belum_rekam``). Keeps SMA, SMK, MA and
    pesantren (and schools whose jenjang is not given) with belum_rekam > 0. Returns NPSN,
    Col.NAMA, JENJANG, Col.KODE (the desa), NAMA_DESA, lat, lon, SISWA_KELAS_12, AKAN_17,
    Col.BELUM (Int64), sorted by belum rekam, then akan 17, descending, then name.
    """
    pts = store.points("sekolah", within=within)
    desa = store.areas(within=within, level=Level.DESA)
    desa_names = dict(zip(desa[Col.KODE], desa[Col.NAMA]))
    rows = []
    for p in pts.to_dict("records"):
        a = p["atribut"]
        jenjang = str(a.get(JENJANG) or "").strip()
        if jenjang and jenjang.upper() not in SCHOOL_LEVELS:
            continue
        rows.append({NPSN: str(p["id"]), Col.NAMA: p[Col.NAMA], JENJANG: jenjang or None, Col.KODE: p[Col.KODE],
                     NAMA_DESA: desa_names.get(p[Col.KODE]), "lat": p["lat"], "lon": p["lon"],
                     SISWA_KELAS_12: _count(a.get(SISWA_KELAS_12)), AKAN_17: _count(a.get(AKAN_17)),
                     Col.BELUM: _count(a.get(Col.BELUM))})
    columns = [NPSN, Col.NAMA, JENJANG, Col.KODE, NAMA_DESA, "lat", "lon", SISWA_KELAS_12, AKAN_17, Col.BELUM]
    out = pd.DataFrame(rows, columns=columns)
    for c in (SISWA_KELAS_12, AKAN_17, Col.BELUM):
        out[c] = out[c].astype("Int64")
    out = out[(out[Col.BELUM] > 0).fillna(False).astype(bool)]
    return out.sort_values([Col.BELUM, AKAN_17, Col.NAMA], ascending=[False, False, True],
                           na_position="last", ignore_index=True)


def spots(table: pd.DataFrame) -> pd.DataFrame:
    """The hot then the cold spots of ``pockets_table(…, hotspots=True)``, smallest p first."""
    order = {"panas": 0, "dingin": 1}
    found = table[table[HOTSPOT].isin(list(order))]
    return found.assign(_o=found[HOTSPOT].map(order)).sort_values(["_o", P_VALUE, Col.KODE]).drop(columns="_o")
