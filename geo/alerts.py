"""Alerts: the trouble the store already shows, found without anyone opening the right page.

Each alert names its kind, the area (and the device or site), the figures behind it and the
page that explains it. Kinds, most urgent first (``SEVERITY``):

- ``data_basi``: the newest snapshot is older than ``Settings.stale_days`` (every other
  figure is then doubtful);
- ``tanpa_data``: some desa of the area have sent no figures (its sums are theirs only), with the
  kecamatan (or kabupaten/kota) that sent none;
- ``data_tertinggal``: some desa were left out of the newer files: their newest figures are more
  than ``Settings.stale_days`` older than the area's newest, yet summed with them as today's;
- ``lokasi_lumpuh``: a recording site has no working recording device;
- ``blangko_habis``: blank cards are gone or run out within ``Settings.alert_blank_days``;
- ``tanpa_rekam``: a kecamatan recorded no one in the last ``alert_no_recording_days`` days;
- ``zona_turun``: a kecamatan or desa fell a zone since the comparison date;
- ``terlambat_target``: an area projected to reach its target after the period's end (or never);
- ``alat_rusak``: a device broken for more than ``alert_device_days`` days (its site still records);
- ``zona_merah``: a kecamatan in the red zone;
- ``di_atas_100``: a kecamatan or desa newly above 100% (a stale denominator).

Changes (zone drops, newly above 100%) are measured between the newest snapshot and the one
before it, or the data at ``since``. Memory: an alert is identified by ``key`` (kind, area,
subject) and what it says by ``fingerprint``; ``unsent`` drops those already sent unchanged,
``record_digest`` keeps a digest (who, when, to whom, what) and marks its alerts sent.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from sqlalchemy import delete, insert, select

from geo.capacity import sites_down
from geo.cards import blank_outlook, blank_projection
from geo.columns import (ALAT_ID, HARI, JENIS, KODE_KEC, LAJU, LAJU_DIBUTUHKAN, LOKASI_ID, LOKASI_LUMPUH, NAMA_KEC,
                         NAMA_LOKASI, SEJAK, STATUS, STATUS_TARGET, TANGGAL_PROYEKSI, TARGET_PERSEN, TENGGAT)
from geo.codes import official_name
from geo.config import DEFAULTS, Settings
from geo.coverage import coverage_table, data_reach, lagging, previous_date
from geo.schema import Col, Level
from geo.store import Store
from geo.store.core import now
from geo.store.tables import alerts_sent_table, digests_table
from geo.targets import vs_target
from geo.timeline import series

SEVERITY = {"data_basi": 0, "tanpa_data": 1, "data_tertinggal": 2, "lokasi_lumpuh": 3, "blangko_habis": 4,
            "tanpa_rekam": 5, "zona_turun": 6, "terlambat_target": 7, "alat_rusak": 8, "zona_merah": 9,
            "di_atas_100": 10}
# The page that explains each kind (a page of the dashboard, by its file name).
PAGE = {"data_basi": "data", "tanpa_data": "data", "data_tertinggal": "data", "lokasi_lumpuh": "kapasitas", "blangko_habis": "kapasitas", "tanpa_rekam": "tren",
        "zona_turun": "peta", "terlambat_target": "tren", "alat_rusak": "kapasitas", "zona_merah": "peta",
        "di_atas_100": "peta"}
ZONE_RANK = {"merah": 0, "kuning": 1, "hijau": 2}
COLUMNS = ["jenis", "urutan", Col.KODE, Col.NAMA, "subjek", "halaman", "sejak", "rincian", "kunci", "sidik"]


@dataclass(frozen=True)
class Alert:
    kind: str
    kode: str
    nama: str
    subject: str = ""  # a device or site id, when the alert is about one
    figures: dict = field(default_factory=dict)  # what the words say: counts, dates, percentages
    since: str | None = None  # the day the trouble started, when known
    weight: float = 0.0  # within one kind, larger first (people left, days down)
    same_while: tuple = ()  # figures that, unchanged, make it the same alert (no resending)

    @property
    def key(self) -> str:
        return f"{self.kind}|{self.kode}|{self.subject}"

    @property
    def fingerprint(self) -> str:
        kept = {k: self.figures.get(k) for k in self.same_while} if self.same_while else self.figures
        return hashlib.sha256(json.dumps(kept, sort_keys=True, default=str).encode()).hexdigest()[:16]

    @property
    def page(self) -> str:
        return PAGE[self.kind]


def _plain(value):
    """A figure as plain JSON-able Python (numpy and pandas scalars, NA as None)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return value.item() if hasattr(value, "item") else value


def _fig(**values) -> dict:
    return {k: _plain(v) for k, v in values.items()}


def compute_alerts(store: Store, within: str, *, since: str | None = None, today: date | None = None,
                   settings: Settings = DEFAULTS) -> list[Alert]:
    """Every alert for ``within`` (a kabupaten/kota or kecamatan code) on the newest data, most
    urgent first (``SEVERITY``, then the larger ``weight``, then the code). ``today`` (default:
    the system date) ages the data; ``since`` is the comparison date for changes."""
    dates = store.snapshot_dates(within)
    if not dates:
        return []
    newest = dates[-1]
    before = since if since else previous_date(store, within, newest)
    desa = coverage_table(store, Level.DESA, within=within, date=newest, zones=settings.zones)
    found = [*_stale(store, within, newest, today or date.today(), settings),
             *_missing(store, within, desa, newest, settings), *_behind(store, within, desa, newest, settings),
             *_devices(store, within, settings), *_blanks(store, within, today or date.today(), settings),
             *_no_recording(store, within, newest, settings),
             *_zones(store, within, newest, before, settings),
             *_late(store, within, today, settings)]
    return sorted(found, key=lambda a: (SEVERITY[a.kind], -a.weight, a.kode, a.subject))


def _stale(store: Store, within: str, newest: str, today: date, settings: Settings) -> list[Alert]:
    age = (today - date.fromisoformat(newest)).days
    if age <= settings.stale_days:
        return []
    name = _names(store, within)[within]
    return [Alert("data_basi", within, name, figures=_fig(tanggal=newest, umur=age, batas=settings.stale_days),
                  since=newest, weight=age, same_while=("tanggal",))]


def _missing(store: Store, within: str, desa: pd.DataFrame, newest: str, settings: Settings) -> list[Alert]:
    """Some desa of ``within`` (``desa``: their coverage at ``newest``) have no figures on or before the
    newest date: how many of how many, and the areas one level down that sent none
    (``coverage.data_reach``)."""
    below = Level.of_code(within).child or Level.DESA
    parents = desa if below is Level.DESA else coverage_table(store, below, within=within, date=newest,
                                                              zones=settings.zones)
    reach = data_reach(desa, parents)
    missing = reach["semua"] - reach["ada"]
    if missing <= 0 or not reach["ada"]:
        return []
    name = _names(store, within)[within]
    return [Alert("tanpa_data", within, name, weight=missing, same_while=("kosong",), figures=_fig(
        kosong=missing, semua=reach["semua"], daftar=", ".join(str(n) for n in reach["induk_kosong"][:6]),
        lainnya=max(0, len(reach["induk_kosong"]) - 6)))]


def _behind(store: Store, within: str, desa: pd.DataFrame, newest: str, settings: Settings) -> list[Alert]:
    """Desa of ``within`` (``desa``: their coverage at ``newest``) whose newest figures are more than
    ``stale_days`` older than ``newest`` (``coverage.lagging``: left out of the newer files, carried
    forward): how many of those with figures, the oldest date, the first of them by name (oldest first)."""
    late = lagging(desa, newest, settings.stale_days)
    if late.empty:
        return []
    name = _names(store, within)[within]
    names = [str(n) for n in late[Col.NAMA]]
    return [Alert("data_tertinggal", within, name, weight=len(late), since=str(late[Col.TANGGAL].iloc[0]),
                  same_while=("jumlah", "tertua"), figures=_fig(
                      jumlah=len(late), ada=int(desa[Col.TANGGAL].notna().sum()), tertua=late[Col.TANGGAL].iloc[0],
                      tanggal=newest, batas=settings.stale_days, daftar=", ".join(names[:6]),
                      lainnya=max(0, len(names) - 6)))]


def _names(store: Store, within: str) -> dict:
    """{code: name} of ``within`` and its areas; a provinsi the store holds only the parts of is
    named from the official code table."""
    areas = store.areas(within=within)
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    return {within: official_name(within) or within, **names}


def _devices(store: Store, within: str, settings: Settings) -> list[Alert]:
    """A site with no working recording device (at once), and devices down longer than the limit."""
    if Level.of_code(within) is not Level.KABUPATEN:
        return []
    down = sites_down(store, within)
    out = []
    for site, rows in down[down[LOKASI_LUMPUH]].groupby(LOKASI_ID, sort=False):
        first = rows.sort_values(SEJAK).iloc[0]
        days = int(rows[HARI].min())  # the site has been without a working device since its last one broke
        out.append(Alert("lokasi_lumpuh", first[KODE_KEC], str(first[NAMA_KEC]), subject=str(site),
                         figures=_fig(lokasi=first[NAMA_LOKASI], hari=days, alat=", ".join(rows[ALAT_ID]),
                                      sejak=rows[SEJAK].max()),
                         since=str(rows[SEJAK].max()), weight=days, same_while=("alat", "sejak")))
    for r in down[~down[LOKASI_LUMPUH] & (down[HARI] > settings.alert_device_days)].to_dict("records"):
        out.append(Alert("alat_rusak", r[KODE_KEC], str(r[NAMA_KEC]), subject=str(r[ALAT_ID]),
                         figures=_fig(alat=r[ALAT_ID], jenis=r[JENIS], status=r[STATUS], lokasi=r[NAMA_LOKASI],
                                      hari=r[HARI], sejak=r[SEJAK]),
                         since=r[SEJAK], weight=r[HARI], same_while=("status", "sejak")))
    return out


def _blanks(store: Store, within: str, today: date, settings: Settings) -> list[Alert]:
    """Blank cards gone, or running out within the limit at the current printing rate; the days left
    counted from ``today``, as Kapasitas counts them (``blank_outlook``), not from the data's date."""
    if Level.of_code(within) is not Level.KABUPATEN:
        return []
    p = blank_projection(store, within)
    left = blank_outlook(p, today.isoformat())["hari_lagi"]
    if p["stok_perkiraan"] is None or left is None or left > settings.alert_blank_days:
        return []
    name = _names(store, within)[within]
    figures = _fig(stok=p["stok_perkiraan"], tanggal=p["tanggal"], hari=int(left), tanggal_habis=p["tanggal_habis"],
                   laju=round(p["laju_cetak_per_hari"] or 0.0, 1), prr=p["prr"], kurang=p["kurang"],
                   tanggal_stok=p["tanggal_stok"])
    return [Alert("blangko_habis", within, name, figures=figures, since=p["tanggal"],
                  weight=settings.alert_blank_days - left, same_while=("tanggal_habis", "tanggal_stok"))]


def _no_recording(store: Store, within: str, newest: str, settings: Settings) -> list[Alert]:
    """Areas one level down whose sudah rekam has not risen for the limit's days or longer."""
    level = Level.of_code(within).child
    if level is None:
        return []
    frame = series(store, within, level, end=newest)
    frame = frame[frame[Col.KODE] != within].sort_values([Col.KODE, Col.TANGGAL])
    out = []
    for kode, rows in frame.groupby(Col.KODE, sort=True):
        if len(rows) < 2 or rows.iloc[-1][Col.TANGGAL] != newest:
            continue
        sudah = rows[Col.SUDAH].astype("float").to_numpy()
        rises = [i for i in range(1, len(sudah)) if sudah[i] > sudah[i - 1]]
        last = rows.iloc[rises[-1] if rises else 0][Col.TANGGAL]
        days = (date.fromisoformat(newest) - date.fromisoformat(last)).days
        if days >= settings.alert_no_recording_days:
            r = rows.iloc[-1]
            out.append(Alert("tanpa_rekam", kode, str(r[Col.NAMA]),
                             figures=_fig(hari=days, sejak=last, sudah=r[Col.SUDAH], tanggal=newest),
                             since=last, weight=days, same_while=("sejak",)))
    return out


def _levels(within: str) -> list[Level]:
    """The levels whose zones are watched: one and two below ``within``."""
    child = Level.of_code(within).child
    return [lvl for lvl in (child, child.child if child else None) if lvl is not None]


def _zones(store: Store, within: str, newest: str, before: str | None, settings: Settings) -> list[Alert]:
    """Zone drops and areas newly above 100% (against ``before``); red areas one level down."""
    out = []
    for depth, level in enumerate(_levels(within)):
        now_t = coverage_table(store, level, within=within, date=newest, zones=settings.zones)
        now_t = now_t[now_t[Col.CAKUPAN].notna()]
        then = (coverage_table(store, level, within=within, date=before, zones=settings.zones)
                .set_index(Col.KODE) if before else None)
        for r in now_t.to_dict("records"):
            old = then.loc[r[Col.KODE]] if then is not None and r[Col.KODE] in then.index else None
            out.extend(_zone_alerts(r, old, depth == 0))
    return out


def _zone_alerts(r: dict, old, top: bool) -> list[Alert]:
    kode, name, zone = r[Col.KODE], str(r[Col.NAMA]), str(r[Col.ZONA])
    figures = _fig(zona=zone, cakupan=round(float(r[Col.CAKUPAN]), 2), wajib=r[Col.WAJIB], sudah=r[Col.SUDAH],
                   belum=r[Col.BELUM], tanggal=r[Col.TANGGAL])
    old_cover = None if old is None or pd.isna(old[Col.CAKUPAN]) else float(old[Col.CAKUPAN])
    out = []
    if old_cover is not None and ZONE_RANK[zone] < ZONE_RANK[str(old[Col.ZONA])]:
        out.append(Alert("zona_turun", kode, name, figures={**figures, **_fig(
            zona_lama=old[Col.ZONA], cakupan_lama=round(old_cover, 2), tanggal_lama=old[Col.TANGGAL])},
            since=r[Col.TANGGAL], weight=old_cover - float(r[Col.CAKUPAN]),
            same_while=("zona", "zona_lama", "tanggal")))
    if top and zone == "merah":
        out.append(Alert("zona_merah", kode, name, figures=figures, weight=float(r[Col.BELUM] or 0),
                         same_while=("zona",)))
    if float(r[Col.CAKUPAN]) > 100 and (old_cover is None or old_cover <= 100):
        out.append(Alert("di_atas_100", kode, name, figures={**figures, **_fig(
            kelebihan=int(r[Col.SUDAH]) - int(r[Col.WAJIB]))}, since=r[Col.TANGGAL],
            weight=float(r[Col.CAKUPAN]), same_while=("tanggal",)))
    return out


def _late(store: Store, within: str, today: date | None, settings: Settings) -> list[Alert]:
    """``within`` and the areas one level down projected to reach their target late or never."""
    if Level.of_code(within).child is None:
        return []
    table = vs_target(store, within, today=today, settings=settings)
    out = []
    for r in table[table[STATUS_TARGET] == "tertinggal"].to_dict("records"):
        figures = _fig(cakupan=round(r[Col.CAKUPAN], 2), target=r[TARGET_PERSEN], tenggat=r[TENGGAT],
                       tanggal_proyeksi=r[TANGGAL_PROYEKSI], laju=round(r[LAJU] or 0.0, 1),
                       laju_dibutuhkan=None if r[LAJU_DIBUTUHKAN] is None else round(r[LAJU_DIBUTUHKAN], 1),
                       sumber=r["sumber_target"], tanggal=r[Col.TANGGAL], status=r[STATUS_TARGET])
        out.append(Alert("terlambat_target", r[Col.KODE], str(r[Col.NAMA]), figures=figures,
                         weight=(1e6 if r[Col.KODE] == within else 0) + r[TARGET_PERSEN] - r[Col.CAKUPAN],
                         same_while=("target", "tenggat", "status")))
    return out


# --- memory ---------------------------------------------------------------------------------------
def unsent(store: Store, alerts: list[Alert]) -> list[Alert]:
    """The alerts not yet sent in a digest, or sent saying something else (a new fingerprint)."""
    if not alerts:
        return []
    t = alerts_sent_table
    with store.engine.connect() as conn:
        sent = dict(conn.execute(select(t.c.key, t.c.fingerprint).where(t.c.key.in_([a.key for a in alerts]))).all())
    return [a for a in alerts if sent.get(a.key) != a.fingerprint]


def record_digest(store: Store, alerts: list[Alert], *, text: str, user: str, within: str, channel: str,
                  recipients: tuple[str, ...] = ()) -> int:
    """Keep a digest as sent (who, when, through what, to whom, its text) and mark its alerts sent;
    returns the digest's id. One transaction."""
    at = now()
    with store.transaction() as conn:
        digest = conn.execute(insert(digests_table).values(
            created_at=at, user=user, within=within, channel=channel, recipients=", ".join(recipients) or None,
            n_alerts=len(alerts), text=text)).inserted_primary_key[0]
        keys = [a.key for a in alerts]
        if keys:
            conn.execute(delete(alerts_sent_table).where(alerts_sent_table.c.key.in_(keys)))
            conn.execute(insert(alerts_sent_table), [
                {"key": a.key, "fingerprint": a.fingerprint, "digest_id": digest, "sent_at": at} for a in alerts])
    return int(digest)


def digests(store: Store, within: str | None = None, limit: int = 50) -> pd.DataFrame:
    """The digests kept, newest first: id, created_at, user, within, channel, recipients, n_alerts, text."""
    t = digests_table
    query = select(t).order_by(t.c.id.desc()).limit(limit)
    if within:
        query = query.where((t.c.within == within) | t.c.within.like(within + ".%"))
    with store.engine.connect() as conn:
        return pd.DataFrame(conn.execute(query).mappings().all(), columns=[c.name for c in t.columns])


def as_frame(alerts: list[Alert]) -> pd.DataFrame:
    """Alerts as a table (COLUMNS; ``rincian`` the figures as JSON) for CSV and JSON output."""
    rows = [{"jenis": a.kind, "urutan": i + 1, Col.KODE: a.kode, Col.NAMA: a.nama, "subjek": a.subject or None,
             "halaman": a.page, "sejak": a.since, "rincian": json.dumps(a.figures, ensure_ascii=False, default=str),
             "kunci": a.key, "sidik": a.fingerprint} for i, a in enumerate(alerts)]
    return pd.DataFrame(rows, columns=COLUMNS)
