"""The weekly snapshot dates and the dated events: weekend services, mobile units, school visits,
the blank-card shortage, the broken device and the network outages."""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from geo.demo.areas import Areas, basi_desa
from geo.demo.constants import (
    BLANGKO_MULAI, BLANGKO_SELESAI, FIRST_DATE, KAB_KODE, MERAH_PUTUS, N_SNAPSHOTS, PILKADA_AKHIR_PEKAN,
    PULAU_PUTUS, RANK_MERAH, RANK_RUSAK, RUSAK_SEJAK, WEEKEND_BOOST,
)
from geo.demo.records import Event, School


def snapshot_dates() -> list[date]:
    return [FIRST_DATE + timedelta(weeks=i) for i in range(N_SNAPSHOTS)]


def snapshot_after(dates: list[date], day: date) -> int:
    """Index of the first snapshot that counts ``day`` (a Monday snapshot counts up to Sunday)."""
    return next(i for i, d in enumerate(dates) if d > day)


def ribu(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def events_and_extras(rng, areas: Areas, schools: list[School], dates: list[date]):
    """Dated events, extra recordings (desa, snapshot, amount, first-timers) and weekly boosts."""
    kec = areas.kecamatan
    events: list[Event] = []
    extras: list[tuple[int, int, int, bool]] = []
    boost = np.ones((len(areas.desa_kode), len(dates)))
    by_rank = {kc.rank: kc for kc in kec if kc.rank is not None}
    _weekend_services(areas, dates, by_rank, events, boost)
    _mobile_units(rng, areas, dates, by_rank, events, extras)
    for s in schools:
        extras.append((s.desa, snapshot_after(dates, s.kunjungan), s.terekam, True))
        events.append(Event(s.kunjungan, s.kunjungan, areas.desa_kode[s.desa], "kampanye_sekolah",
                            f"Perekaman pemula di {s.nama}: {ribu(s.terekam)} siswa direkam"))

    events.append(Event(BLANGKO_MULAI, BLANGKO_SELESAI, KAB_KODE, "blangko_habis",
                        "Stok blangko KTP-el habis; perekaman berjalan, pencetakan berhenti dan PRR menumpuk"))
    rusak = by_rank[RANK_RUSAK]
    events.append(Event(RUSAK_SEJAK, None, rusak.kode, "alat_rusak",
                        f"Satu-satunya alat perekam di Kantor Kecamatan {rusak.nama} rusak (pemindai sidik jari); "
                        "menunggu suku cadang, belum ada perekaman"))
    pulau = next(kc for kc in kec if kc.peran == "pulau")
    events.append(Event(PULAU_PUTUS[0], PULAU_PUTUS[1], pulau.kode, "jaringan_putus",
                        "Jaringan VSAT putus; perekaman offline, data dikirim setelah jaringan pulih"))
    events.append(Event(MERAH_PUTUS[0], MERAH_PUTUS[1], by_rank[RANK_MERAH].kode, "jaringan_putus",
                        "Jaringan internet kantor kecamatan putus; data dikirim setelah pulih"))
    return events, extras, boost


def _weekend_services(areas: Areas, dates: list[date], by_rank: dict, events: list[Event], boost) -> None:
    """Weekend services: everywhere before the regional elections, then one kecamatan at a time."""
    sunday = PILKADA_AKHIR_PEKAN + timedelta(days=1)
    events.append(Event(PILKADA_AKHIR_PEKAN, sunday, KAB_KODE, "layanan_akhir_pekan",
                        # no date in the words: ``demo --fresh`` moves the dates, not the text
                        "Layanan perekaman Sabtu–Minggu di semua kantor kecamatan menjelang Pilkada"))
    boost[:, snapshot_after(dates, sunday)] *= WEEKEND_BOOST
    kota = next(kc for kc in areas.kecamatan if kc.peran == "kota")
    weekend_plan = [(kota, date(2025, 2, 15)), (by_rank[3], date(2025, 5, 17)), (by_rank[5], date(2025, 8, 9)),
                    (by_rank[RANK_RUSAK], date(2025, 10, 18)), (by_rank[7], date(2026, 1, 24)),
                    (by_rank[8], date(2026, 4, 25)), (by_rank[RANK_MERAH], date(2026, 5, 16)),
                    (kota, date(2026, 10, 10))]
    for kc, saturday in weekend_plan:
        sunday = saturday + timedelta(days=1)
        events.append(Event(saturday, sunday, kc.kode, "layanan_akhir_pekan",
                            f"Layanan perekaman Sabtu–Minggu di Kantor Kecamatan {kc.nama}"))
        boost[kc.desa, snapshot_after(dates, sunday)] *= WEEKEND_BOOST


def _mobile_units(rng, areas: Areas, dates: list[date], by_rank: dict, events: list[Event], extras: list) -> None:
    """Mobile units (jemput bola): 30–40 people a day."""
    kec = areas.kecamatan
    basi = basi_desa(areas)
    merah = by_rank[RANK_MERAH]
    kota = next(kc for kc in kec if kc.peran == "kota")
    pulau = next(kc for kc in kec if kc.peran == "pulau")

    def pick(kc, j):
        return kc.desa[j % len(kc.desa)]

    visits = [
        (date(2025, 1, 20), 2, pick(merah, 3), "warga desa terpencil di balai desa"),
        (date(2025, 3, 10), 1, pick(kota, 5), "warga binaan Rumah Tahanan Negara"),
        (date(2025, 5, 5), 3, pick(pulau, 0), "warga pulau (perjalanan kapal; data dikirim setelah kembali)"),
        (date(2025, 7, 14), 2, basi, "karyawan pabrik pengolahan ikan, termasuk pekerja dari luar daerah"),
        (date(2025, 10, 6), 1, pick(kota, 9), "lansia dan warga sakit di rumah"),
        (date(2026, 2, 23), 2, pick(merah, 8), "warga desa terpencil di balai desa"),
        (date(2026, 5, 4), 3, pick(pulau, 4), "warga pulau (perjalanan kapal; data dikirim setelah kembali)"),
        (date(2026, 6, 8), 1, pick(by_rank[4], 6), "penyandang disabilitas dan warga sakit di rumah"),
        (date(2026, 10, 26), 2, basi, "santri pondok pesantren dari luar daerah"),
        (date(2026, 11, 9), 2, pick(merah, 1), "warga desa terpencil di balai desa"),
    ]
    for start, days, d, who in visits:
        end = start + timedelta(days=days - 1)
        amount = sum(int(rng.integers(30, 41)) for _ in range(days))
        extras.append((d, snapshot_after(dates, end), amount, False))
        events.append(Event(start, end, areas.desa_kode[d], "jemput_bola",
                            f"Unit perekaman keliling: {who}; {ribu(amount)} orang direkam"))
