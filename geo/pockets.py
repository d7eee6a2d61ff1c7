"""Unrecorded pockets: where are the people not yet recorded, and how many to the next zone?

* ``add_targets`` (with ``coverage.people_to_reach``) — exact integers: how many more recordings lift an area to a
  threshold (a value on the threshold takes the better zone, as in ``ZoneConfig.zone``).
* ``pockets_table`` / ``ranked`` — per area belum rekam, the people to hijau and to the next
  zone up, ranked by absolute belum rekam or by the share not yet recorded.
* ``hotspots`` — Getis–Ord Gi* on the empirical-Bayes smoothed rate of unrecorded people, with
  k-nearest-neighbour weights on projected centroids (an island desa always has neighbours;
  contiguity weights would leave it alone) and a seeded permutation test.
* ``schools_pocket`` — schools (SMA/SMK/MA, pesantren) whose students turning 17 within six
  months are not yet recorded: where the first-time cohort is.

Percentages are in percent (0–100), never fractions. Rates passed to the statistics are
fractions (belum / wajib) because that is what the smoother takes.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from geo.columns import (
    GI_Z, HOTSPOT, JENJANG, KELAS, MENUJU_BERIKUT, MENUJU_HIJAU, NAMA_DESA, NPSN, PERINGKAT, PERSEN_BELUM,
    P_SIM, P_VALUE,
)
from geo import fmt
from geo import points as _points  # noqa: F401 — registers the "sekolah_label" message used below
from geo.coverage import coverage_table, people_to_reach
from geo import present
from geo.present import display_table
from geo.schema import Col, Level, RekamError, Zone, ZoneConfig
from geo.config import K_NEIGHBOURS, PERMUTATIONS, SEED, load_settings
from geo.store import Store
from geo.text import tr

# --- columns of the frames this module returns -------------------------------------------
KELAS_VALUES = ("panas", "dingin", "tidak_signifikan")

# --- school attributes (the documented sekolah CSV, see geo.points) ----------------------
SISWA_KELAS_12 = "siswa_kelas_12"
AKAN_17 = "akan_17_enam_bulan"
SCHOOL_LEVELS = ("SMA", "SMK", "MA", "PESANTREN")

# --- hotspot defaults: fixed so that a result can be reproduced --------------------------
ALPHA = 0.05
MIN_AREAS = 5  # fewer areas than this give no meaningful local statistic
VALUES = ("rate", "belum_rekam")

HOTSPOT_COLOURS = {"panas": "#b2182b", "dingin": "#2166ac"}
SCHOOL_COLOUR = "#7b3294"


class PocketError(RekamError):
    """The pockets cannot be computed as asked (too few areas, unknown option)."""




# --- people to a threshold -----------------------------------------------------------------
def _to_threshold(wajib, sudah, pct) -> int | None:
    if pd.isna(wajib) or pd.isna(sudah):
        return None
    return people_to_reach(wajib, sudah, pct)


def add_targets(table: pd.DataFrame, zones: ZoneConfig | None = None) -> pd.DataFrame:
    """Add MENUJU_HIJAU and MENUJU_BERIKUT (Int64 people) to a coverage table.

    Takes Col.WAJIB, Col.SUDAH, Col.ZONA (as from ``coverage.coverage_table``). The next zone
    up of merah is kuning, of kuning hijau; hijau needs 0. Areas without data (no zone) get <NA>.
    Above 100 % (stale denominator) needs 0 people.
    """
    zones = zones or load_settings().zones
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
_RANKINGS = {  # by -> (sort columns, ascending)
    "belum_rekam": ([Col.BELUM, PERSEN_BELUM, Col.KODE], [False, False, True]),
    "rate": ([PERSEN_BELUM, Col.BELUM, Col.KODE], [False, False, True]),
}


def ranked(table: pd.DataFrame, by: str = "belum_rekam") -> pd.DataFrame:
    """Areas with data, largest pocket first, with PERSEN_BELUM (percent) and PERINGKAT (1…n).

    ``by='belum_rekam'``: most people not yet recorded (ties: higher share, then code).
    ``by='rate'``: highest share not yet recorded, 100 × belum / wajib = 100 − cakupan
    (ties: more people, then code). Takes Col.KODE, Col.WAJIB, Col.BELUM; keeps every other
    column. Raises PocketError for an unknown ``by``.
    """
    if by not in _RANKINGS:
        raise PocketError("pilihan_tidak_dikenal", nama="by", nilai=by, pilihan=", ".join(_RANKINGS))
    have = table[table[Col.BELUM].notna() & (pd.to_numeric(table[Col.WAJIB], errors="coerce") > 0)].copy()
    wajib = pd.to_numeric(have[Col.WAJIB]).astype("float64")
    have[PERSEN_BELUM] = 100.0 * pd.to_numeric(have[Col.BELUM]).astype("float64") / wajib
    columns, ascending = _RANKINGS[by]
    out = have.sort_values(columns, ascending=ascending, ignore_index=True)
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
                  hotspots: bool = False, geometry: bool = False, zones: ZoneConfig | None = None,
                  k: int = K_NEIGHBOURS, permutations: int = PERMUTATIONS, seed: int = SEED,
                  alpha: float = ALPHA):
    """Every area at ``level`` inside ``within`` with its pocket of unrecorded people at ``date``.

    Returns the columns of ``coverage.coverage_table`` (Col.KODE, NAMA, KODE_INDUK, counts,
    BELUM, CAKUPAN in percent, ZONA, TANGGAL…) plus Col.NAMA_INDUK (the parent's name),
    MENUJU_HIJAU and MENUJU_BERIKUT (people, Int64); with ``hotspots=True`` also HOTSPOT
    (panas/dingin/tidak_signifikan; <NA> for areas without data) and P_VALUE (see
    ``hotspots``, whose settings are copied into ``frame.attrs``); a GeoDataFrame with
    ``geometry=True``. Rows in code order. Raises StoreError, PocketError.
    """
    level = Level(level)
    zones = zones or load_settings().zones
    table = coverage_table(store, level, within=within, date=date, zones=zones, geometry=hotspots or geometry)
    parents = store.areas(within=within, level=level.parent) if level.parent else None
    names = dict(zip(parents[Col.KODE], parents[Col.NAMA])) if parents is not None else {}
    table[Col.NAMA_INDUK] = table[Col.KODE_INDUK].map(names)
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


# --- for people: map layers, screen tables, downloads ----------------------------------------
def school_layer(schools: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """A map point layer (lat, lon, label, status, colour) of ``schools_pocket``'s schools."""
    status = tr("lapisan_sekolah_kantong", lang)
    labels = [tr("sekolah_label", lang, nama=r[Col.NAMA], jenjang=r[JENJANG] or "",
                            akan_17=fmt.number(r[AKAN_17], lang=lang), belum=fmt.number(r[Col.BELUM], lang=lang))
              for r in schools.to_dict("records")]
    return pd.DataFrame({"lat": schools["lat"], "lon": schools["lon"], "label": labels, "status": status,
                         "colour": SCHOOL_COLOUR}, columns=["lat", "lon", "label", "status", "colour"])


def hotspot_layer(table, lang: str = "id") -> pd.DataFrame:
    """A map point layer (lat, lon, label, status, colour) of the hot and cold spots in
    ``pockets_table(…, hotspots=True, geometry=True)``: one point inside each such area."""
    spots = table[table[HOTSPOT].isin(list(HOTSPOT_COLOURS))]
    where = spots.geometry.representative_point().to_crs("EPSG:4326") if len(spots) else spots.geometry
    kelas = [tr(f"kelas_{c}", lang) for c in spots[HOTSPOT]]
    labels = [tr("hotspot_label", lang, nama=n, kelas=c, p=fmt.number(p, 3, lang))
              for n, c, p in zip(spots[Col.NAMA], kelas, spots[P_VALUE])]
    return pd.DataFrame({"lat": list(where.y), "lon": list(where.x), "label": labels, "status": kelas,
                         "colour": [HOTSPOT_COLOURS[c] for c in spots[HOTSPOT]]},
                        columns=["lat", "lon", "label", "status", "colour"])


def hotspot_note(table: pd.DataFrame, lang: str = "id") -> str:
    """One sentence naming the method, k, permutations, seed, alpha and how many spots were found."""
    a = table.attrs
    counts = table[HOTSPOT].value_counts() if HOTSPOT in table else pd.Series(dtype=int)
    return tr("hotspot_metode", lang, k=a.get("k", K_NEIGHBOURS),
                         permutasi=fmt.number(a.get("permutations", PERMUTATIONS), lang=lang),
                         seed=a.get("seed", SEED), alpha=fmt.number(a.get("alpha", ALPHA), 2, lang),
                         panas=int(counts.get("panas", 0)), dingin=int(counts.get("dingin", 0)))


_HEADERS = {
    PERINGKAT: "kol_peringkat", PERSEN_BELUM: "kol_persen_belum", MENUJU_HIJAU: "kol_menuju_hijau",
    MENUJU_BERIKUT: "kol_menuju_zona_berikut", HOTSPOT: "kol_hotspot", P_VALUE: "kol_p_value", NPSN: "kol_npsn",
    JENJANG: "kol_jenjang", NAMA_DESA: "kol_nama_desa", SISWA_KELAS_12: "kol_siswa_kelas_12", AKAN_17: "kol_akan_17",
}
_FORMATTERS = {  # value, lang -> text
    PERINGKAT: lambda v, lang: fmt.number(v, lang=lang),
    PERSEN_BELUM: lambda v, lang: fmt.percent(v, 2, lang),
    MENUJU_HIJAU: lambda v, lang: fmt.number(v, lang=lang),
    MENUJU_BERIKUT: lambda v, lang: fmt.number(v, lang=lang),
    HOTSPOT: lambda v, lang: tr(f"kelas_{v}", lang) if isinstance(v, str) else "–",
    P_VALUE: lambda v, lang: fmt.number(v, 3, lang),
    NPSN: lambda v, lang: str(v),
    JENJANG: lambda v, lang: v or "–",
    NAMA_DESA: lambda v, lang: v or "–",
    SISWA_KELAS_12: lambda v, lang: fmt.number(v, lang=lang),
    AKAN_17: lambda v, lang: fmt.number(v, lang=lang),
}

SCHOOL_COLUMNS = [Col.NAMA, JENJANG, NAMA_DESA, NPSN, SISWA_KELAS_12, AKAN_17, Col.BELUM]
SCHOOL_DOWNLOAD_COLUMNS = [NPSN, Col.NAMA, JENJANG, Col.KODE, NAMA_DESA, SISWA_KELAS_12, AKAN_17, Col.BELUM]


def ranked_columns(level: Level | str) -> list[str]:
    """Columns of a ranked list on screen and in a download (the parent's name only for desa)."""
    parent = [Col.NAMA_INDUK] if Level(level) == Level.DESA else []
    return [PERINGKAT, Col.NAMA, *parent, Col.KODE, Col.WAJIB, Col.BELUM, PERSEN_BELUM, Col.CAKUPAN, Col.ZONA,
            MENUJU_HIJAU, MENUJU_BERIKUT]


def hotspot_columns(level: Level | str) -> list[str]:
    parent = [Col.NAMA_INDUK] if Level(level) == Level.DESA else []
    return [Col.NAMA, *parent, Col.KODE, HOTSPOT, P_VALUE, Col.BELUM, Col.CAKUPAN]


def spots(table: pd.DataFrame) -> pd.DataFrame:
    """The hot then the cold spots of ``pockets_table(…, hotspots=True)``, smallest p first."""
    order = {"panas": 0, "dingin": 1}
    found = table[table[HOTSPOT].isin(list(order))]
    return found.assign(_o=found[HOTSPOT].map(order)).sort_values(["_o", P_VALUE, Col.KODE]).drop(columns="_o")


def targets_note(lang: str = "id", zones: ZoneConfig | None = None) -> str:
    """What MENUJU_HIJAU and MENUJU_BERIKUT mean, with the configured thresholds."""
    zones = zones or load_settings().zones
    pct = lambda v: fmt.percent(v, 0 if float(v).is_integer() else 2, lang)  # noqa: E731
    return tr("kantong_target", lang, hijau=pct(zones.hijau), kuning=pct(zones.kuning))


def display(frame: pd.DataFrame, columns: list[str], lang: str = "id") -> pd.DataFrame:
    """``columns`` of ``frame`` as text for a screen (``geo.fmt`` numbers, localised headers).

    The coverage columns are formatted by ``geo.present.display_table``; this module's own
    columns here. In a school table Col.NAMA is headed "Sekolah".
    """
    own = [c for c in columns if c in _FORMATTERS]
    base = display_table(frame, [c for c in columns if c not in own], lang)
    rest = iter(base.columns)
    parts = []
    for c in columns:
        if c in own:
            parts.append(pd.Series([_FORMATTERS[c](v, lang) for v in frame[c]], name=tr(_HEADERS[c], lang)))
        else:
            parts.append(base[next(rest)])
    out = pd.concat([p.reset_index(drop=True) for p in parts], axis=1)
    if NPSN in columns and Col.NAMA in columns:
        out = out.rename(columns={tr("kol_nama", lang): tr("kol_sekolah", lang)})
    return out


def download_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``columns`` of ``frame`` for a CSV/XLSX file: numbers stay numbers, percentages to 2 decimals."""
    out = frame[columns].copy()
    for c in (Col.CAKUPAN, PERSEN_BELUM):
        if c in out:
            out[c] = out[c].astype("float64").round(2)
    if P_VALUE in out:
        out[P_VALUE] = out[P_VALUE].astype("float64").round(4)
    return out.reset_index(drop=True)


def download_table(frame: pd.DataFrame, columns: list[str], lang: str = "id") -> pd.DataFrame:
    """``download_frame`` headed and worded as the screen shows it (``display``) in ``lang``."""
    headers = display(frame.iloc[:0], columns, lang).columns  # the screen's headers, no rows to format
    return present.download_table(download_frame(frame, columns), headers, lang)
