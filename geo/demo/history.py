"""The weekly history per desa: wajib KTP, sudah rekam, PRR, sudah cetak and pemula, with the
field realities of the stories, and the invariants every consumer may rely on."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from geo.demo.areas import Areas, basi_desa
from geo.demo.constants import (
    BASI_CAKUPAN, BLANGKO_MULAI, BLANGKO_SELESAI, DESA_MAX_COVERAGE, HOLIDAYS, KOREKSI_FRAKSI,
    KOREKSI_TANGGAL, MERAH_PUTUS, PEMULA_SHARE, PRINTED_SHARE, PULAU_PUTUS, RUSAK_SEJAK, VERIFIED_SHARE,
)
from geo.demo.events import snapshot_after


def populations(rng, areas: Areas) -> np.ndarray:
    """Wajib KTP per desa at the first snapshot: the seat's kelurahan are dense, the island sparse."""
    w0 = np.zeros(len(areas.desa_kode), dtype=np.int64)
    for kc in areas.kecamatan:
        lo, hi = {"kota": (4200, 9000), "pulau": (550, 1400), "desa": (900, 3400)}[kc.peran]
        for d in kc.desa:
            w0[d] = int(np.exp(rng.uniform(np.log(lo), np.log(hi))))
    basi = basi_desa(areas)  # a denominator that lands the stale desa on 106,73 % exactly
    while round(100 * round(w0[basi] * BASI_CAKUPAN) / w0[basi], 2) != round(100 * BASI_CAKUPAN, 2):
        w0[basi] += 1
    return w0


def _week_weights(rng, areas: Areas, dates: list[date], boost: np.ndarray) -> np.ndarray:
    """Relative recording effort per desa per week (column t = the week ending at snapshot t)."""
    n_desa, n = len(areas.desa_kode), len(dates)
    kec_noise = np.exp(rng.normal(0, 0.15, (len(areas.kecamatan), n)))
    w = np.exp(rng.normal(0, 0.25, (n_desa, n))) * kec_noise[areas.desa_kec] * boost
    for first, last, weight in HOLIDAYS:
        for t in range(1, n):
            if dates[t - 1] <= last and first < dates[t]:
                w[:, t] *= weight
    w[:, 0] = 0.0
    rusak = next(k for k in areas.kecamatan if "rusak" in k.tags)
    flat = [t for t in range(n) if dates[t] > RUSAK_SEJAK]
    w[np.ix_(rusak.desa, flat)] = 0.0
    return w


def _sync_mask(rng, areas: Areas, dates: list[date]) -> np.ndarray:
    """Per kecamatan and snapshot: did the regional server receive the site's data that week?"""
    sync = np.ones((len(areas.kecamatan), len(dates)), dtype=bool)
    for k, kc in enumerate(areas.kecamatan):
        outage = PULAU_PUTUS if kc.peran == "pulau" else MERAH_PUTUS if "merah" in kc.tags else None
        if kc.peran == "pulau":
            # Recorded offline, sent when the connection allows: most weeks within a few
            # days, but often a week or two passes with nothing, then a catch-up.
            sync[k] = rng.uniform(size=len(dates)) < 0.55
            sync[k, 0] = True
            for t in range(2, len(dates)):
                if not sync[k, t - 2 : t + 1].any():
                    sync[k, t] = True
        if outage:
            for t, d in enumerate(dates):
                if outage[0] < d <= outage[1] + timedelta(days=1):
                    sync[k, t] = False
    return sync


def weekly_history(rng, areas: Areas, w0: np.ndarray, dates: list[date], extras, boost) -> dict[str, np.ndarray]:
    """Per desa (rows) and snapshot (columns): wajib, sudah (as the regional server shows it), prr,
    cetak, pemula; with the data correction (removed, t_koreksi) and the weeks data arrived (sync).

    The random draws run in one fixed order (wajib, coverage, weekly effort, arrivals, first-timers):
    the same seed gives the same history."""
    wajib = _wajib(rng, areas, w0, dates)
    start, end = _start_and_end(rng, areas, wajib)
    extra, extra_pemula = _extra_recordings(extras, len(areas.desa_kode), len(dates))
    true, base_gain, removed, t_koreksi = _recorded(rng, areas, dates, boost, wajib, start, end, extra)
    sync = _sync_mask(rng, areas, dates)
    seen = _seen(areas, sync)
    sudah = true[np.arange(len(areas.desa_kode))[:, None], seen]
    pemula = _pemula(rng, dates, wajib, base_gain, extra_pemula, seen)
    prr, cetak = _verified_and_printed(sudah, dates)
    return {"wajib": wajib, "sudah": sudah, "prr": prr, "cetak": cetak, "pemula": pemula,
            "removed": removed, "t_koreksi": t_koreksi, "sync": sync}


def _wajib(rng, areas: Areas, w0: np.ndarray, dates: list[date]) -> np.ndarray:
    """wajib KTP: the denominator is refreshed on the first snapshot of each month."""
    n_desa, n = len(areas.desa_kode), len(dates)
    basi = basi_desa(areas)
    new_month = np.array([t > 0 and dates[t].month != dates[t - 1].month for t in range(n)])
    wajib = np.zeros((n_desa, n), dtype=np.int64)
    for kc in areas.kecamatan:
        for d in kc.desa:
            wajib[d, 0] = w0[d]
            for t in range(1, n):
                step = 0
                if new_month[t] and d != basi:  # the stale desa's denominator is never refreshed
                    step = max(1, int(round(wajib[d, t - 1] * kc.tumbuh * rng.uniform(0.7, 1.3))))
                wajib[d, t] = wajib[d, t - 1] + step
    return wajib


def _start_and_end(rng, areas: Areas, wajib: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sudah rekam at the first and last snapshot: coverage per desa around the kecamatan's."""
    n_desa = len(areas.desa_kode)
    basi = basi_desa(areas)
    start = np.zeros(n_desa, dtype=np.int64)
    end = np.zeros(n_desa, dtype=np.int64)
    for kc in areas.kecamatan:
        for d in kc.desa:
            cov_end = min(kc.akhir + rng.normal(0, 1.6), DESA_MAX_COVERAGE)
            cov_start = max(cov_end - kc.naik + rng.normal(0, 2.0), 50.0)
            if d == basi:
                cov_start, end[d] = 95.4, int(round(wajib[d, -1] * BASI_CAKUPAN))
            else:
                end[d] = int(round(wajib[d, -1] * cov_end / 100))
            start[d] = int(round(wajib[d, 0] * cov_start / 100))
    return start, end


def _extra_recordings(extras, n_desa: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Recordings of campaigns and mobile units per desa and snapshot: all, and by first-timers."""
    extra = np.zeros((n_desa, n), dtype=np.int64)
    extra_pemula = np.zeros((n_desa, n), dtype=np.int64)
    for d, t, amount, first_timers in extras:
        extra[d, t] += amount
        if first_timers:
            extra_pemula[d, t] += amount
    return extra, extra_pemula


def _recorded(rng, areas: Areas, dates: list[date], boost, wajib, start, end, extra):
    """What was really recorded per desa and snapshot (before it reaches the server), the ordinary
    recordings per week, the duplicates removed and the snapshot of the data correction."""
    n_desa, n = len(areas.desa_kode), len(dates)
    koreksi = next(k for k in areas.kecamatan if "koreksi" in k.tags)
    t_koreksi = snapshot_after(dates, KOREKSI_TANGGAL)
    weights = _week_weights(rng, areas, dates, boost)
    cum_w = np.cumsum(weights, axis=1)

    true = np.zeros((n_desa, n), dtype=np.int64)
    base_gain = np.zeros((n_desa, n), dtype=np.int64)
    removed = np.zeros(n_desa, dtype=np.int64)
    for d in range(n_desa):
        corr = 0
        if d in koreksi.desa:  # duplicates found: about 1 % of what was recorded by then
            corr = int(round(KOREKSI_FRAKSI * (start[d] + (end[d] - start[d]) * t_koreksi / n)))
        # Ordinary recording brings at least 4 % of wajib KTP over two years; where campaigns
        # and mobile units already bring most of the growth, the desa simply started lower.
        floor_total = int(round(0.04 * wajib[d, 0]))
        first = min(start[d], end[d] - int(extra[d].sum()) + corr - floor_total)
        base_total = end[d] - first - int(extra[d].sum()) + corr
        base_cum = np.round(base_total * cum_w[d] / cum_w[d, -1]).astype(np.int64)
        base_gain[d] = np.diff(base_cum, prepend=0)
        series = first + base_cum + np.cumsum(extra[d])
        series[t_koreksi:] -= corr
        removed[d] = corr
        true[d] = series
    return true, base_gain, removed, t_koreksi


def _seen(areas: Areas, sync: np.ndarray) -> np.ndarray:
    """Per desa and snapshot, the snapshot whose data the regional server shows: offline sites
    arrive in bursts."""
    n_kec, n = sync.shape
    last_sync = np.zeros((n_kec, n), dtype=np.int64)
    for k in range(n_kec):
        s = 0
        for t in range(n):
            s = t if sync[k, t] else s
            last_sync[k, t] = s
    return last_sync[areas.desa_kec]


def _pemula(rng, dates: list[date], wajib, base_gain, extra_pemula, seen) -> np.ndarray:
    """First-timers, counted from 1 January (perekaman pemula tahun berjalan), as the server shows them."""
    rows = np.arange(wajib.shape[0])[:, None]
    pemula_gain = rng.binomial(np.maximum(base_gain, 0), PEMULA_SHARE) + extra_pemula
    pemula_cum = np.cumsum(pemula_gain, axis=1)[rows, seen]
    before_2024 = np.round(wajib[:, 0] * rng.uniform(0.011, 0.015, wajib.shape[0])).astype(np.int64)
    pemula = np.zeros_like(pemula_cum)
    for t, d in enumerate(dates):
        prev_year_last = max((i for i, dd in enumerate(dates) if dd.year < d.year), default=None)
        if prev_year_last is None:
            pemula[:, t] = before_2024 + pemula_cum[:, t]
        else:
            pemula[:, t] = pemula_cum[:, t] - pemula_cum[:, prev_year_last]
    return pemula


def _verified_and_printed(sudah: np.ndarray, dates: list[date]) -> tuple[np.ndarray, np.ndarray]:
    """(prr, cetak): verified at the centre (PRR) and printed (sudah cetak); printing stops without blanks."""
    verified = np.floor(VERIFIED_SHARE * np.concatenate([sudah[:, :1], sudah[:, :-1]], axis=1)).astype(np.int64)
    verified = np.minimum(verified, sudah)
    cetak = np.zeros_like(sudah)
    cetak[:, 0] = np.floor(PRINTED_SHARE * verified[:, 0] * 0.995)
    shortage = np.array([BLANGKO_MULAI < d <= BLANGKO_SELESAI + timedelta(days=1) for d in dates])
    after = np.array([d > BLANGKO_SELESAI + timedelta(days=1) for d in dates])
    catch_up = np.maximum(np.ceil(0.012 * sudah[:, -1]), 1).astype(np.int64)
    for t in range(1, len(dates)):
        if shortage[t]:
            cetak[:, t] = cetak[:, t - 1]
            continue
        target = np.floor(PRINTED_SHARE * verified[:, t - 1]).astype(np.int64)
        if after[t]:
            target = np.minimum(target, cetak[:, t - 1] + catch_up)
        cetak[:, t] = np.clip(target, cetak[:, t - 1], verified[:, t])
    return np.maximum(verified - cetak, 0), cetak


def check_history(h: dict, areas: Areas, dates: list[date]) -> None:
    """The invariants every consumer may rely on; a seed that breaks them is refused."""
    w, s, p, c, pe = h["wajib"], h["sudah"], h["prr"], h["cetak"], h["pemula"]
    problems = []
    if (np.array([w, s, p, c, pe]) < 0).any():
        problems.append("negative count")
    if (p + c > s).any():
        problems.append("prr + sudah_cetak > sudah_rekam")
    if (pe > w).any():
        problems.append("pemula > wajib_ktp")
    if (np.diff(c, axis=1) < 0).any():
        problems.append("sudah_cetak decreases")
    drops = np.argwhere(np.diff(s, axis=1) < 0)
    koreksi = next(k for k in areas.kecamatan if "koreksi" in k.tags)
    if any(t + 1 != h["t_koreksi"] or d not in koreksi.desa for d, t in drops):
        problems.append("sudah_rekam decreases outside the data correction")
    rusak = next(k for k in areas.kecamatan if "rusak" in k.tags)
    broken = [t for t, d in enumerate(dates) if d >= RUSAK_SEJAK]
    if (s[np.ix_(rusak.desa, broken)] != s[rusak.desa, broken[0]][:, None]).any():
        problems.append("sudah_rekam moves while the only device is broken")
    over = np.flatnonzero(s[:, -1] > w[:, -1])
    if list(over) != [basi_desa(areas)]:
        problems.append(f"desa above 100 % at the last date: {[areas.desa_kode[d] for d in over]}")
    if problems:
        raise RuntimeError("demo history: " + "; ".join(problems))
