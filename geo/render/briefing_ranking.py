"""The briefing's first table for an area made of kabupaten/kota (a provinsi): its kabupaten/kota
from the lowest coverage up, with their belum rekam, zone and pace (coverage points per week over
the rate window and when the hijau zone is reached at that pace).

The numbers come from ``geo.coverage.ranking`` (counts summed, then the percent) and
``geo.trend.projection_table``; this module only lays them out on the page.
"""
from __future__ import annotations

import pandas as pd

from geo import fmt
from geo.config import DEFAULT_RATE_WINDOW_DAYS, Settings
from geo.coverage import ranking
from geo.columns import JENDELA_HARI
from geo.present.trend import pace_columns, threshold_text, window_words
from geo.render.pdf_page import PdfPage, zebra_table
from geo.render.style import MUTED, level_words, zones_of
from geo.schema import Col, Level
from geo.text import tr
from geo.trend import projection_table

MAX_RANKED = 12  # rows on the page; the rest counted under the table
ROW_IN = 0.165  # height of a row, inches


def ranked_children(store, within: str, child: Level, date: str | None, data_date: str, settings: Settings,
                    lang: str, today=None) -> pd.DataFrame:
    """The areas at ``child`` inside ``within`` worst first (``coverage.ranking``: Col.KODE, Col.NAMA,
    Col.CAKUPAN, Col.BELUM, …) plus two columns of text: ``pace`` (points per week) and ``when`` (the
    projected hijau date, or why there is none, marked when already past ``today``;
    ``present.trend.pace_columns``) and ``window`` (the days its pace was measured over)."""
    ranked = ranking(store, child, within=within, date=date, zones=settings.zones)
    pace = projection_table(store, within, child, target_pct=settings.zones.hijau,
                            deadline=settings.deadline_for(data_date), window_days=DEFAULT_RATE_WINDOW_DAYS,
                            as_of=date, today=today)
    words = list(pace_columns(pace, ranked[Col.KODE], lang).values())
    window = pace.set_index(Col.KODE)[JENDELA_HARI].reindex(ranked[Col.KODE]).to_numpy()
    return ranked.assign(pace=words[0], when=words[1], window=window)


def table_height(ranked: pd.DataFrame) -> float:
    """Inches the table takes below its title: header, rows and the note under it."""
    return 0.2 + min(len(ranked), MAX_RANKED) * ROW_IN + 0.35


def draw_ranking(page: PdfPage, top: float, ranked: pd.DataFrame, child: Level, settings: Settings,
                 lang: str) -> None:
    """The table with its title at ``top − 0.3`` inches; the rows beyond MAX_RANKED are counted."""
    m = page.MARGIN
    page.text(m, top - 0.3, tr("rb_peringkat", lang, tingkat=level_words(child, lang).capitalize()), 11,
              fontweight="bold")
    end = page.w - m
    # (key, left, right inches, alignment): the projected date gets the widest room after the name,
    # "13 Desember 2026 (lewat)" included; a longer cell shrinks to fit (``zebra_table``)
    cols = [("rb_kol_no", m + 0.05, m + 0.3, "left"), ("rb_kol_wilayah", m + 0.35, m + 2.4, "left"),
            ("rb_kol_cakupan", m + 2.45, m + 3.05, "right"), ("rb_kol_belum", m + 3.1, m + 3.9, "right"),
            ("rb_kol_zona", m + 4.05, m + 4.7, "left"), ("rb_kol_naik", m + 4.75, m + 5.5, "right"),
            ("rb_kol_hijau_pada", m + 5.65, end, "left")]
    shown = ranked.head(MAX_RANKED)
    rows = [{"rb_kol_no": str(i + 1), "rb_kol_wilayah": row[Col.NAMA],
             "rb_kol_cakupan": fmt.percent(row[Col.CAKUPAN], 2, lang),
             "rb_kol_belum": fmt.number(row[Col.BELUM], lang=lang), "rb_kol_naik": row["pace"],
             "rb_kol_hijau_pada": row["when"]} for i, row in enumerate(shown.to_dict("records"))]
    y = zebra_table(page, cols, rows, zones_of(shown[Col.CAKUPAN], settings), top=top, row_h=ROW_IN,
                    bold="rb_kol_cakupan")
    note = tr("rb_peringkat_catatan", lang, hari=window_words(ranked.get("window", []), DEFAULT_RATE_WINDOW_DAYS, lang),
              hijau=threshold_text(settings.zones.hijau, lang))
    if len(ranked) > MAX_RANKED:
        note = tr("rb_peringkat_lainnya", lang, n=len(ranked) - MAX_RANKED) + " " + note
    page.text(m, y + 0.05, note, 7.5, color=MUTED)
