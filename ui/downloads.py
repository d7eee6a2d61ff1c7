"""Downloads for media staff and officers: charts and maps as images, the bupati's one-page
PDF, and tables as CSV/XLSX. Images and the PDF are built only when their button is clicked."""
from __future__ import annotations

from datetime import date
from functools import partial

import streamlit as st

from geo import export
from ui import queries
from ui.context import Context
from ui.state import media_allowed

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(label: str, data, *, where=st, **options) -> None:
    """A download button that does not rerun the page: the file is all the click asks for (a rerun
    redrew every map and chart, and an action taken meanwhile, e.g. opening a tab, could be lost)."""
    where.download_button(label, data, on_click="ignore", **options)


def download_menu(ctx: Context, kinds: tuple[str, ...], *, key: str, within: str | None = None) -> None:
    """A popover to download a chart/map image (PNG 1200×675, 1080×1080, 1080×1350 or SVG).

    The image is rendered only when the button is clicked (kaleido, one warm server). Today's
    date gives the trend image its verdict (on time, late, or old data).
    """
    from geo.render import media

    area = within or ctx.area
    with st.popover(ctx.t("unduh_gambar"), icon=":material/download:"):
        kind = st.selectbox(ctx.t("unduh_jenis"), kinds, key=f"{key}_kind",
                            format_func=lambda k: ctx.t(f"grafik_{k.replace('-', '_')}"))
        _image_choices(ctx, partial(media.chart_image, queries.store(ctx.url), area, kind, date=ctx.date,
                                    lang=ctx.lang, settings=ctx.settings, today=date.today()),
                       key=key, area=area, kind=kind)


def image_menu(ctx: Context, render, *, key: str, kind: str) -> None:
    """A popover to download ``render(fmt_name=, size=)`` (an image built from the page's own
    state, e.g. the current plan) at the media sizes, named like ``download_menu``'s files."""
    with st.popover(ctx.t("unduh_gambar"), icon=":material/download:"):
        _image_choices(ctx, render, key=key, area=ctx.area, kind=kind)


def _image_choices(ctx: Context, render, *, key: str, area: str, kind: str) -> None:
    from geo.render import images, media

    size = st.radio(ctx.t("unduh_ukuran"), list(images.SIZES), key=f"{key}_size", horizontal=True,
                    format_func=lambda v: ctx.t(f"ukuran_{v}"))
    fmt_name = st.radio(ctx.t("unduh_format"), list(images.FORMATS), key=f"{key}_fmt", horizontal=True,
                        format_func=str.upper)
    download(
        ctx.t("unduh"), partial(render, fmt_name=fmt_name, size=size),
        file_name=media.download_name(area, kind, data_date=ctx.date, size=size, fmt_name=fmt_name),
        mime=images.MIME[fmt_name], key=f"{key}_dl", type="primary", icon=":material/image:")


def briefing_button(ctx: Context, *, key: str = "briefing") -> None:
    """The bupati's one-page PDF (KPIs, zone map, pockets, trend, date and source); a provinsi's
    leads with its red kabupaten/kota, maps and ranks them; the country's leads with its red provinsi
    and kabupaten/kota, ranks the provinsi and maps the kabupaten/kota (``geo.render.briefing``)."""
    from geo.render import briefing, media

    label = ctx.t("unduh_ringkasan_negara" if ctx.is_country else "unduh_ringkasan_provinsi" if ctx.is_province
                  else "unduh_ringkasan")
    download(
        label, partial(briefing.briefing_pdf, queries.store(ctx.url), ctx.area, date=ctx.date, lang=ctx.lang,
                            settings=ctx.settings, today=date.today()),  # the verdict as the page says it
        file_name=media.download_name(ctx.area, "ringkasan", data_date=ctx.date, fmt_name="pdf"),
        mime="application/pdf", key=key, icon=":material/picture_as_pdf:")


def table_downloads(ctx: Context, data, *, stem: str, sheet: str, key: str) -> None:
    """CSV and XLSX of a table as shown (numbers as numbers, headers in the chosen language); none in
    screenshot mode (a screenshot shows no buttons). The XLSX is written when its button is clicked
    (a workbook of hundreds of rows costs a rerun ≈ 0.15 s; the CSV is cheap)."""
    if not media_allowed():
        return
    row = st.container(horizontal=True)  # side by side, each as wide as its label
    download(ctx.t("kantong_unduh_csv"), export.to_csv_bytes(data, ctx.lang), where=row, file_name=f"{stem}.csv",
             mime="text/csv", key=f"{key}_csv")
    download(ctx.t("kantong_unduh_xlsx"), partial(export.to_xlsx_bytes, {sheet: data}), where=row,
             file_name=f"{stem}.xlsx", mime=XLSX_MIME, key=f"{key}_xlsx")


def template_downloads(ctx: Context, frame, kind: str) -> None:
    """An import template as CSV (plain ``,`` and ``.``, as the importers read it) and XLSX."""
    c1, c2 = st.columns(2)
    download(ctx.t("unduh_csv"), export.to_csv_bytes(frame), where=c1, file_name=f"templat_{ctx.area}_{kind}.csv",
             mime="text/csv")
    download(ctx.t("unduh_xlsx"), export.to_xlsx_bytes({"data": frame}), where=c2,
             file_name=f"templat_{ctx.area}_{kind}.xlsx", mime=XLSX_MIME)
