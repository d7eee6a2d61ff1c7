"""Commands that read coverage: the table per area and the standalone HTML map."""
from __future__ import annotations

from geo.cli.output import add_common, emit, lang, open_store
from geo.schema import COUNTRY, LEVELS, Col, RekamError
from geo.text import tr

COVERAGE_COLUMNS = [Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.KELEBIHAN, Col.CAKUPAN, Col.ZONA,
                    Col.TANGGAL, Col.DI_ATAS_100]


def add_commands(sub) -> None:
    p = add_common(sub.add_parser("coverage", help="cakupan per wilayah"), fmt_opt=True)
    p.add_argument("--level", choices=[lvl.value for lvl in LEVELS], required=True)
    p.add_argument("--within", help="kode wilayah (mis. 36 atau 36.03); tanpa ini: seluruh Indonesia")
    p.add_argument("--date")
    p.set_defaults(func=cmd_coverage)

    p = add_common(sub.add_parser("map", help="tulis peta HTML mandiri (tanpa internet)"))
    p.add_argument("--level", choices=[lvl.value for lvl in LEVELS[1:]], required=True)
    p.add_argument("--within")
    p.add_argument("--date")
    p.add_argument("--metric", choices=["zona", "cakupan", "belum_rekam"], default="zona")
    p.add_argument("--out", required=True, help="berkas .html")
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
