"""The plain-text tooltip of each area: name, code, counts, coverage and zone, change, date."""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from geo import fmt
from geo.columns import SELISIH_TARGET, TARGET_PERSEN
from geo.render.maps.scales import numeric, pct
from geo.schema import Col, Zone
from geo.text import tr


@lru_cache(maxsize=None)
def _tip_templates(lang: str) -> dict[str, str]:
    """The tooltip's line templates in ``lang``, looked up once (``{}`` where the value goes)."""
    keys = ("map_tip_kode", "map_tip_wajib", "map_tip_sudah", "map_tip_belum", "map_tip_perubahan",
            "map_tip_tanggal")
    out = {key: tr(key, lang, kode="{}", nilai="{}", tanggal="{}") for key in keys}
    out["map_tip_target"] = tr("map_tip_target", lang, target="{}", selisih="{}")
    out["map_tip_cakupan"] = tr("map_tip_cakupan", lang, nilai="{}", zona="{}")
    for key in ("map_tip_cakupan_kosong", "map_tip_di_atas_100", "map_poin"):
        out[key] = tr(key, lang)
    for zone in Zone:
        out[zone.value] = tr(f"map_zona_kata_{zone.value}", lang)
    return out


def tips(frame: pd.DataFrame, cakupan: np.ndarray, zone: np.ndarray, data_date, lang: str) -> list[str]:
    """One plain-text tooltip per row, every number and date formatted by geo.fmt.

    Takes Col.NAMA, KODE; uses Col.WAJIB, SUDAH, BELUM, DI_ATAS_100, PERUBAHAN (points),
    TARGET_PERSEN with SELISIH_TARGET (points) and TANGGAL when present (``data_date`` otherwise)."""
    t = _tip_templates(lang)
    above = (frame[Col.DI_ATAS_100].fillna(False).astype(bool).to_numpy() if Col.DI_ATAS_100 in frame
             else cakupan > 100)
    counts = [[fmt.number(v, lang=lang) for v in numeric(frame, col)] for col in (Col.WAJIB, Col.SUDAH, Col.BELUM)]
    change = ([fmt.signed(v, 2, lang, t["map_poin"]) for v in numeric(frame, Col.PERUBAHAN)]
              if Col.PERUBAHAN in frame else None)
    goal = ([t["map_tip_target"].format(pct(g, lang), fmt.signed(d, 2, lang, t["map_poin"])) if g == g else None
             for g, d in zip(numeric(frame, TARGET_PERSEN), numeric(frame, SELISIH_TARGET))]
            if TARGET_PERSEN in frame else None)
    dates = frame[Col.TANGGAL].to_numpy(dtype=object) if Col.TANGGAL in frame else np.full(len(frame), None)
    long_dates: dict = {}
    out = []
    for i, (nama, kode) in enumerate(zip(frame[Col.NAMA].astype(str), frame[Col.KODE].astype(str))):
        lines = [nama, t["map_tip_kode"].format(kode), t["map_tip_wajib"].format(counts[0][i]),
                 t["map_tip_sudah"].format(counts[1][i]), t["map_tip_belum"].format(counts[2][i])]
        if zone[i] is None:
            lines.append(t["map_tip_cakupan_kosong"])
        else:
            lines.append(t["map_tip_cakupan"].format(fmt.percent(cakupan[i], 2, lang), t[zone[i]]))
            if above[i]:
                lines.append(t["map_tip_di_atas_100"])
        if change is not None:
            lines.append(t["map_tip_perubahan"].format(change[i]))
        if goal is not None and goal[i] is not None:
            lines.append(goal[i])
        when = dates[i] if dates[i] is not None and not pd.isna(dates[i]) else data_date
        if when is not None:
            key = str(when)[:10]
            if key not in long_dates:
                long_dates[key] = fmt.long_date(key, lang)
            lines.append(t["map_tip_tanggal"].format(long_dates[key]))
        out.append("\n".join(lines))
    return out
