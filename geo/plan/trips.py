"""A plan's trips, as a map draws them: from the base office, through the stops in visiting order,
back to the base. A day on the base's land is one trip; consecutive days of one unit on one island
are one trip (a stay), crossing over on its first day and back on its last."""
from __future__ import annotations

import pandas as pd

from geo.columns import DARATAN, DAY, LAT, LON, UNIT, URUTAN
from geo.plan.model import Plan
from geo.schema import Col

TRIP_COLUMNS = [UNIT, "hari_awal", "hari_akhir", "kode", "nama", LAT, LON, DARATAN]


def plan_trips(plan: Plan) -> pd.DataFrame:
    """TRIP_COLUMNS, one row per trip in unit and day order: unit, hari_awal and hari_akhir (first and
    last day), kode and nama (lists of the stops in visiting order, a site once per day), lat and lon
    (lists: the base, the stops, the base again; without a base only the stops; stops without
    coordinates are left out), daratan (the trip's land group, 0 = the base's)."""
    where = plan.sites.set_index(Col.KODE)
    visits = plan.visits.sort_values([UNIT, DAY, URUTAN])
    trips: list[dict] = []
    for (unit, day), stops in visits.groupby([UNIT, DAY], sort=True):
        codes = list(stops[Col.KODE])
        group = int(where.at[codes[0], DARATAN])
        last = trips[-1] if trips else None
        if last and group > 0 and last[UNIT] == unit and last[DARATAN] == group and last["hari_akhir"] == day - 1:
            last["hari_akhir"] = int(day)
            last["kode"] += codes[1:] if codes[0] == last["kode"][-1] else codes  # the lodging is not a new stop
            continue
        trips.append({UNIT: int(unit), "hari_awal": int(day), "hari_akhir": int(day), "kode": codes, DARATAN: group})
    home = [(plan.base[LAT], plan.base[LON])] if plan.base else []
    for trip in trips:
        trip["nama"] = [where.at[k, Col.NAMA] for k in trip["kode"]]
        points = [(where.at[k, LAT], where.at[k, LON]) for k in trip["kode"]]
        points = home + [p for p in points if pd.notna(p[0]) and pd.notna(p[1])] + home
        trip[LAT], trip[LON] = [float(p[0]) for p in points], [float(p[1]) for p in points]
    return pd.DataFrame(trips, columns=TRIP_COLUMNS)
