"""Deterministic generator of the demo dataset (data contoh sintetis) in ``data/demo``.

A fictional kabupaten, "Kabupaten Contoh Sejahtera" (99.01) in the fictional
"Provinsi Contoh" (99), drawn in the open Savu Sea so that it never sits on a real
kabupaten: a mainland of about 60 × 50 km with 11 kecamatan (one of them the urban
seat, made of kelurahan) and one island kecamatan served offline.

Boundaries are Voronoi cells of seeded points clipped to a noisy coastline, noded and
snapped to a 1e-5° grid in one pass so that neighbours share their borders exactly;
kecamatan are contiguous groups of desa (grown over the adjacency graph), so a
kecamatan is exactly the union of its desa.

The weekly history carries the field realities the product must show (DESIGN.md):
a growing denominator, weekend services, mobile units, a broken device, a blank-card
shortage, a school campaign, an offline island, one data correction and one desa
above 100 %. ``generate`` returns a summary naming each of them; the same summary is
written to ``ringkasan.json``. Same seed → same bytes.

Modules: ``constants`` (the fixed facts), ``geometry`` and ``areas`` (the map), ``records``
(an event, a school), ``places`` (schools, recording sites), ``events`` (dates and stories),
``history`` (the weekly figures), ``write`` (the files and the summary). ``python -m geo.demo``
and ``python -m geo demo --generate`` call ``generate``."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from geo.demo.areas import build_areas
from geo.demo.constants import FILES, JENIS_PERISTIWA, KOREKSI_TANGGAL, SEED
from geo.demo.events import events_and_extras, ribu, snapshot_dates
from geo.demo.history import check_history, populations, weekly_history
from geo.demo.places import place_schools, recording_sites
from geo.demo.records import Event
from geo.demo.write import build_summary, write_all
from geo.schema import DEMO_DIR

__all__ = ["FILES", "JENIS_PERISTIWA", "SEED", "generate"]


def generate(out_dir: Path = DEMO_DIR, seed: int = SEED) -> dict:
    """Write the demo dataset into ``out_dir`` and return its summary.

    Files (see data/demo/README.md): wilayah_desa.geojson, wilayah.csv,
    rekam_mingguan.csv (columns Col.TANGGAL, Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH,
    Col.PRR, Col.CETAK, Col.PEMULA; counts are integers, cakupan is not stored),
    lokasi_perekaman.csv, sekolah.csv, peristiwa.csv and ringkasan.json (the summary).
    The summary is a JSON-ready dict naming the island, the broken-device kecamatan,
    the desa above 100 %, the event dates and the coverage (percent) at both ends.
    The same seed always gives the same bytes. Raises RuntimeError when a seed yields
    a layout or history that breaks the dataset's invariants.
    """
    rng = np.random.default_rng(seed)
    dates = snapshot_dates()
    areas = build_areas(rng)
    w0 = populations(rng, areas)
    schools = place_schools(rng, areas, w0)
    events, extras, boost = events_and_extras(rng, areas, schools, dates)
    history = weekly_history(rng, areas, w0, dates, extras, boost)
    check_history(history, areas, dates)
    events.append(Event(KOREKSI_TANGGAL, KOREKSI_TANGGAL, next(k for k in areas.kecamatan if "koreksi" in k.tags).kode,
                        "koreksi_data", "Pembersihan rekaman ganda hasil pemadanan data pusat: "
                        f"{ribu(int(history['removed'].sum()))} rekaman dikeluarkan dari sudah rekam"))
    sites = recording_sites(rng, areas, events)
    summary = build_summary(areas, dates, history, schools, events, seed)
    write_all(Path(out_dir), areas, dates, history, schools, events, sites, summary)
    return summary
