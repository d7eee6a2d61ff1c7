"""Where a unit may start and where it may go: the base offices and the candidate sites, with
what is left to record at each, the zones of its desa and kecamatan, and how far it is (from the
base, and from the nearest working fixed recording site: ``geo.plan.access``)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo.columns import (
    JARAK, JENIS, KECAMATAN, KODE_DESA, KODE_KEC, LAT, LON, PERLU_HIJAU, SUDAH_DESA, SUDAH_KEC, WAJIB_DESA, WAJIB_KEC,
    ZONA_KEC,
)
from geo.coverage import coverage_table, people_to_reach
from geo.plan.access import add_travel, fixed_sites
from geo.plan.common import SCHOOL, SITE_COLUMNS, PlanError
from geo.plan.travel import Travel, haversine_km
from geo.schema import Col, Level, ZoneConfig, ancestor_code, desa_tipe
from geo.store import Store

BASE_KINDS = ("disdukcapil", "kecamatan")  # offices a unit may start from, preferred first
CENTRE = "tengah_kecamatan"  # a provisional base: a kecamatan's centre, while no office is listed
CENTRE_ID = "tengah:"  # its id: this prefix and the kecamatan's code


def people_to_green(wajib, sudah, zones: ZoneConfig = ZoneConfig()) -> int | None:
    """Fewest extra recordings that put an area in the hijau zone (0 if it is; None without data
    or with a wajib of 0): ``geo.coverage.people_to_reach`` at ``zones.hijau``."""
    if wajib is None or sudah is None or pd.isna(wajib) or pd.isna(sudah) or wajib <= 0:
        return None
    return people_to_reach(wajib, sudah, zones.hijau)


def _kabupaten(within: str) -> str:
    return ancestor_code(within, Level.KABUPATEN) if Level.of_code(within).depth >= 2 else within


_BASE_COLUMNS = ["id", Col.NAMA, JENIS, Col.KODE, LAT, LON]


def bases(store: Store, within: str) -> pd.DataFrame:
    """Places a unit may start from: id, Col.NAMA, jenis, Col.KODE, lat, lon.

    The Disdukcapil office first, then the kantor kecamatan, from the stored 'lokasi' points of
    the kabupaten/kota containing ``within``. While none is listed, each kecamatan's centre
    (``kecamatan_centres``) stands in, so a plan can be made before the site list is uploaded.
    """
    kab = _kabupaten(within)
    pts = store.points("lokasi", within=kab)
    if not pts.empty:
        pts[JENIS] = [a.get(JENIS) for a in pts["atribut"]]
        pts = pts[pts[JENIS].isin(BASE_KINDS)].copy()
    if pts.empty:
        return kecamatan_centres(store, kab)
    pts["_order"] = pts[JENIS].map(BASE_KINDS.index)
    return pts.sort_values(["_order", "id"], ignore_index=True)[_BASE_COLUMNS]


def kecamatan_centres(store: Store, kabupaten: str) -> pd.DataFrame:
    """Each kecamatan of ``kabupaten`` as a provisional base (jenis CENTRE, id CENTRE_ID + its code,
    Col.NAMA the kecamatan's): a point inside it (its representative point) and, as an office's, the
    code of the desa it stands in (the kecamatan's when no desa polygon holds it); the most central
    first (nearest the mean of those points), then by code. Kecamatan without a boundary are left
    out (empty without any)."""
    kec = store.areas(within=kabupaten, level=Level.KECAMATAN, geometry=True)
    kec = kec[kec.geometry.notna() & ~kec.geometry.is_empty].reset_index(drop=True)  # codes without a boundary
    if kec.empty:
        return pd.DataFrame(columns=_BASE_COLUMNS)
    points = kec.geometry.representative_point()
    lat, lon = points.y.to_numpy(float), points.x.to_numpy(float)
    desa = store.areas(within=kabupaten, level=Level.DESA, geometry=True)
    within_desa = desa.sindex.query(points, predicate="within") if len(desa) else np.zeros((2, 0), dtype=int)
    stands_in = dict(zip(within_desa[0], desa[Col.KODE].to_numpy()[within_desa[1]]))
    out = pd.DataFrame({"id": CENTRE_ID + kec[Col.KODE].astype(str), Col.NAMA: kec[Col.NAMA].to_numpy(),
                        JENIS: CENTRE, Col.KODE: [stands_in.get(i, k) for i, k in enumerate(kec[Col.KODE])],
                        LAT: lat, LON: lon, "_km": haversine_km(lat.mean(), lon.mean(), lat, lon),
                        "_kec": kec[Col.KODE].to_numpy()})
    return out.sort_values(["_km", "_kec"], ignore_index=True)[_BASE_COLUMNS]


def base_point(store: Store, within: str, base_id: str | None = None) -> dict:
    """The base office as a dict (id, nama, jenis, kode, lat, lon): ``base_id`` or the first of
    ``bases``. Raises PlanError when there is no office or no office ``base_id``."""
    offices = bases(store, within)
    if offices.empty:
        raise PlanError("rencana_tanpa_basis", wilayah=within)
    if base_id is None:
        return offices.iloc[0].to_dict()
    found = offices[offices["id"] == base_id]
    if found.empty:
        raise PlanError("rencana_basis_tidak_ada", basis=base_id, wilayah=within)
    return found.iloc[0].to_dict()


def _desa_sites(store: Store, within: str, date: str | None, zones: ZoneConfig,
                kec: pd.DataFrame) -> pd.DataFrame:
    """Desa/kelurahan with data at ``date`` as sites (Col.BELUM floored at 0), without travel columns."""
    desa = coverage_table(store, Level.DESA, within=within, date=date, zones=zones, geometry=True)
    desa = desa[desa[Col.WAJIB].notna() & desa[Col.SUDAH].notna()].reset_index(drop=True)
    points = desa.geometry.representative_point()
    need = [people_to_green(w, s, zones) for w, s in zip(desa[Col.WAJIB], desa[Col.SUDAH])]
    kec_codes = [ancestor_code(k, Level.KECAMATAN) for k in desa[Col.KODE]]
    return pd.DataFrame({
        Col.KODE: desa[Col.KODE],
        Col.NAMA: desa[Col.NAMA],
        JENIS: [t if t in ("desa", "kelurahan") else desa_tipe(k) for k, t in zip(desa[Col.KODE], desa[Col.TIPE])],
        KODE_DESA: desa[Col.KODE],
        KECAMATAN: [kec[Col.NAMA].get(k, "") for k in kec_codes],
        LAT: points.y.to_numpy(), LON: points.x.to_numpy(),
        Col.BELUM: desa[Col.BELUM].fillna(0).clip(lower=0).astype(int),
        Col.WAJIB: desa[Col.WAJIB].astype("Int64"), Col.SUDAH: desa[Col.SUDAH].astype("Int64"),
        Col.ZONA: desa[Col.ZONA], PERLU_HIJAU: pd.array(need, dtype="Int64"),
        KODE_KEC: kec_codes, WAJIB_DESA: desa[Col.WAJIB].astype("Int64"), SUDAH_DESA: desa[Col.SUDAH].astype("Int64"),
    })


def _school_sites(store: Store, within: str, desa_sites: pd.DataFrame, kec: pd.DataFrame) -> pd.DataFrame | None:
    """The stored schools as sites (Col.BELUM = their ``belum_rekam``, 0 when missing), with the zone,
    perlu_hijau and counts of the desa they count in; None without schools."""
    by_desa = desa_sites.set_index(Col.KODE)
    rows = []
    for p in store.points(SCHOOL, within=within).to_dict("records"):
        belum = pd.to_numeric(p["atribut"].get(Col.BELUM), errors="coerce")
        known = p[Col.KODE] in by_desa.index
        of_desa = (lambda col: by_desa.at[p[Col.KODE], col] if known else pd.NA)  # noqa: E731
        kec_code = ancestor_code(p[Col.KODE], Level.KECAMATAN)
        rows.append({
            Col.KODE: str(p["id"]), Col.NAMA: p[Col.NAMA], JENIS: SCHOOL, KODE_DESA: p[Col.KODE],
            KECAMATAN: kec[Col.NAMA].get(kec_code, ""),
            LAT: float(p[LAT]), LON: float(p[LON]), Col.BELUM: 0 if pd.isna(belum) else max(0, int(belum)),
            Col.WAJIB: pd.NA, Col.SUDAH: pd.NA, Col.ZONA: of_desa(Col.ZONA) if known else None,
            PERLU_HIJAU: of_desa(PERLU_HIJAU), KODE_KEC: kec_code, WAJIB_DESA: of_desa(WAJIB_DESA),
            SUDAH_DESA: of_desa(SUDAH_DESA),
        })
    if not rows:
        return None
    return pd.DataFrame(rows).astype({Col.WAJIB: "Int64", Col.SUDAH: "Int64", PERLU_HIJAU: "Int64",
                                      WAJIB_DESA: "Int64", SUDAH_DESA: "Int64"})


def filter_sites(sites: pd.DataFrame, *, focus=None, only_zones=None, exclude=(), keep=()) -> pd.DataFrame:
    """The planner's controls on a SITE_COLUMNS frame: only the kecamatan codes in ``focus`` (None:
    all); only sites whose desa is in a zone of ``only_zones`` (e.g. ("merah", "kuning"); None: all);
    none whose code, desa or kecamatan is in ``exclude``. Sites whose code is in ``keep`` (fixed
    visits) always stay. Rows keep their order."""
    mask = pd.Series(True, index=sites.index)
    if focus:
        mask &= sites[KODE_KEC].isin(list(focus))
    if only_zones:
        mask &= sites[Col.ZONA].isin(list(only_zones))
    if exclude:
        gone = set(exclude)
        mask &= ~(sites[Col.KODE].isin(gone) | sites[KODE_DESA].isin(gone) | sites[KODE_KEC].isin(gone))
    mask |= sites[Col.KODE].isin(list(keep))
    return sites[mask].reset_index(drop=True)


def candidate_sites(store: Store, within: str, *, date: str | None = None, base_id: str | None = None,
                    max_km: float | None = None, include_schools: bool = True,
                    zones: ZoneConfig = ZoneConfig(), travel: Travel = Travel(), roads=None, focus=None,
                    only_zones=None, exclude=(), keep=()) -> pd.DataFrame:
    """Sites a unit can visit, with what is left to record there and how far they are.

    Desa/kelurahan of ``within`` with data at ``date`` (Col.BELUM floored at 0) and, when asked,
    the stored schools (Col.BELUM = their ``belum_rekam`` attribute, 0 when missing). Returns
    SITE_COLUMNS: Col.KODE (desa code or school id), Col.NAMA, jenis (desa/kelurahan/sekolah),
    kode_desa (the desa the site counts in), kecamatan (name), lat, lon (a desa's representative
    point), jarak_km (straight-line km from the base), Col.BELUM, Col.WAJIB, Col.SUDAH (desa only),
    Col.ZONA and perlu_hijau (people to reach hijau by ``zones``, of the site's desa),
    kode_kecamatan, zona_kecamatan, wajib/sudah of the desa and of the kecamatan, and the travel
    columns of ``geo.plan.access.add_travel`` (land group, hours from the base, hours to the nearest
    working fixed site at ``date``, the kecamatan office's devices) by ``travel`` and the optional
    road network ``roads``. Sites beyond ``max_km`` (straight line) are left out; ``focus``,
    ``only_zones``, ``exclude`` and ``keep`` as in ``filter_sites``. Raises PlanError when there is
    no base office.
    """
    base = base_point(store, within, base_id)
    kab = _kabupaten(within)
    kec = coverage_table(store, Level.KECAMATAN, within=kab, date=date, zones=zones).set_index(Col.KODE)
    sites = _desa_sites(store, within, date, zones, kec)
    schools = _school_sites(store, within, sites, kec) if include_schools else None
    if schools is not None:
        sites = pd.concat([sites, schools], ignore_index=True)
    sites[ZONA_KEC] = sites[KODE_KEC].map(kec[Col.ZONA])
    sites[WAJIB_KEC] = sites[KODE_KEC].map(kec[Col.WAJIB]).astype("Int64")
    sites[SUDAH_KEC] = sites[KODE_KEC].map(kec[Col.SUDAH]).astype("Int64")
    sites[JARAK] = np.round(haversine_km(base[LAT], base[LON], sites[LAT].to_numpy(float),
                                         sites[LON].to_numpy(float)), 2) if len(sites) else []
    polygons = store.areas(within=kab, level=Level.DESA, geometry=True)[[Col.KODE, "geometry"]]
    sites = add_travel(sites, base, polygons, fixed_sites(store, kab, date), travel, roads)
    if max_km is not None:
        sites = sites[(sites[JARAK] <= max_km) | sites[Col.KODE].isin(list(keep))]
    sites = filter_sites(sites, focus=focus, only_zones=only_zones, exclude=exclude, keep=keep)
    return sites[SITE_COLUMNS].sort_values(Col.KODE, ignore_index=True)
