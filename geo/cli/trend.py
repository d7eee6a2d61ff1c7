"""``python -m geo trend``: recording rate, projected date to reach the target, rate needed."""
from __future__ import annotations

from functools import partial

from geo.cli.output import add_common, command, emit, lang, open_store
from geo.schema import Col, Level
from geo.text import tr

WINDOW_DAYS = "28"  # --window's default: the recent rate over four weeks


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    p = add_common(command(sub, "trend", t("cli_h_trend")), language, fmt_opt=True)
    p.add_argument("--within", required=True, help=t("cli_h_trend_within"))
    p.add_argument("--level", choices=[Level.KECAMATAN.value, Level.DESA.value], help=t("cli_h_trend_level"))
    p.add_argument("--target", help=t("cli_h_target"))
    p.add_argument("--deadline", help=t("cli_h_deadline"))
    p.add_argument("--window", default=WINDOW_DAYS, help=t("cli_h_window", n=WINDOW_DAYS))
    p.add_argument("--as-of", dest="as_of", help=t("cli_h_as_of"))
    p.set_defaults(func=cmd_trend)


def cmd_trend(args) -> int:
    from geo import fmt, trend
    from geo.columns import LAJU, LAJU_DIBUTUHKAN, STATUS, TANGGAL_PROYEKSI
    from geo.config import load_settings
    from geo.dates import parse_day
    from geo.present.trend import status_label
    from geo.timeline import check_area, check_levels

    language = lang(args)
    within = check_area(args.within)
    check_levels(within, args.level)
    target = trend.parse_target(args.target) if args.target is not None else None
    deadline = parse_day(args.deadline, field="tenggat", required=False)
    window = trend.parse_window(args.window)
    as_of = parse_day(args.as_of, field="as_of", required=False)
    store, settings = open_store(args), load_settings()
    if target is None or deadline is None:  # the Tren page's: the target in force for the area, or the settings'
        from datetime import date

        from geo.columns import TARGET, TENGGAT
        from geo.targets import area_projection

        in_force = area_projection(store, within, date_=str(as_of) if as_of else None, today=date.today(),
                                   settings=settings)
        target = target if target is not None else in_force.get(TARGET)
        deadline = deadline or str(in_force.get(TENGGAT) or settings.deadline_for(None))[:10]
    table = trend.projection_table(store, within, args.level, target_pct=target, deadline=deadline,
                                   window_days=window, as_of=as_of, settings=settings)
    table = trend.slowest_first(table)  # as the Tren page ranks them: those that will not make it first
    out = table[[Col.KODE, Col.NAMA, Col.CAKUPAN, LAJU, TANGGAL_PROYEKSI, STATUS, LAJU_DIBUTUHKAN]].copy()
    out[Col.CAKUPAN] = out[Col.CAKUPAN].round(2)
    out[LAJU] = out[LAJU].round(2)
    if args.format == "table":  # a person reads it: words for the status, one decimal for the rate
        out[STATUS] = [status_label(s, language) for s in out[STATUS]]
        out[LAJU] = [fmt.rate(v, language) for v in out[LAJU]]
    emit(out, args.format, language)
    return 0
