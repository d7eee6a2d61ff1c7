"""Commands that read coverage: the table per area and the standalone HTML map."""
from __future__ import annotations

from functools import partial

from geo.cli.output import add_common, command, emit, lang, open_store
from geo.schema import COUNTRY, LEVELS, Col, RekamError
from geo.text import tr

COVERAGE_COLUMNS = [Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.KELEBIHAN, Col.CAKUPAN, Col.ZONA,
                    Col.TANGGAL, Col.DI_ATAS_100]


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    p = add_common(command(sub, "coverage", t("cli_h_coverage")), language, fmt_opt=True)
    p.add_argument("--level", choices=[lvl.value for lvl in LEVELS], required=True)
    p.add_argument("--within", help=t("cli_h_cakupan_within"))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.set_defaults(func=cmd_coverage)

    p = add_common(command(sub, "map", t("cli_h_map")), language)
    p.add_argument("--level", choices=[lvl.value for lvl in LEVELS[1:]], required=True)
    p.add_argument("--within", help=t("cli_h_peta_within"))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.add_argument("--metric", choices=["zona", "cakupan", "belum_rekam"], default="zona", help=t("cli_h_metric"))
    p.add_argument("--out", required=True, help=t("cli_h_out_html"))
    p.set_defaults(func=cmd_map)


def cmd_coverage(args) -> int:
    from geo.config import load_settings
    from geo.coverage import coverage_table
    from geo.dates import iso_day

    date = iso_day(args.date, required=False)
    table = coverage_table(open_store(args), args.level, within=args.within or COUNTRY, date=date,
                           zones=load_settings().zones)
    out = table[COVERAGE_COLUMNS].copy()
    out[Col.CAKUPAN] = out[Col.CAKUPAN].round(2)
    emit(out, args.format, lang(args))
    return 0


def cmd_map(args) -> int:
    """One self-contained HTML map (Leaflet inlined): opens in a browser with no network."""
    from pathlib import Path

    from geo.config import load_settings
    from geo.coverage import coverage_table
    from geo.dates import iso_day
    from geo.render.assets import standalone_html
    from geo.render.maps import coverage_map
    from geo.shapes import ShapeCache

    store, language, settings = open_store(args), lang(args), load_settings()
    date = iso_day(args.date, required=False)
    table = coverage_table(store, args.level, within=args.within, date=date, geometry=True, zones=settings.zones)
    if table.empty:
        raise RekamError("peta_kosong", level=args.level, within=args.within or "-")
    shown_date = date or (table[Col.TANGGAL].dropna().max() if table[Col.TANGGAL].notna().any() else None)
    areas = store.areas(within=args.within)
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    title = tr("peta_judul_berkas", language, tingkat=tr(f"tingkat_{args.level}", language),
               wilayah=names.get(args.within) or tr("semua_wilayah", language))
    # A file on its own fills the browser window and names its area in the legend.
    m = coverage_map(table, metric=args.metric, settings=settings, lang=language, data_date=shown_date,
                     shapes=ShapeCache(store), height="100%", title=title)
    out = Path(args.out)
    try:
        out.write_text(standalone_html(m), encoding="utf-8")
    except OSError as exc:
        raise RekamError("tidak_bisa_menulis", path=str(out), detail=exc.strerror or str(exc)) from None
    print(tr("peta_ditulis", language, path=str(out), jumlah=len(table)))
    return 0
