"""``python -m geo plan``: the mobile-unit (jemput bola) schedule, optimised; totals on stderr."""
from __future__ import annotations

import argparse
import sys
from functools import partial

from geo import config
from geo.cli.output import add_common, check_out, command, emit, lang, number, open_store, write_file
from geo.schema import Col, Level
from geo.text import tr

# option → (Travel field, default); its help is the catalogue's "cli_h_" + the field
TRAVEL_OPTIONS = {
    "--road-factor": ("road_factor", config.PLAN_ROAD_FACTOR),
    "--road-kmh": ("road_kmh", config.PLAN_ROAD_KMH),
    "--boat-kmh": ("boat_kmh", config.PLAN_BOAT_KMH),
    "--crossing-wait": ("crossing_wait_h", config.PLAN_CROSSING_WAIT_H),
    "--day-hours": ("day_h", config.PLAN_DAY_H),
    "--service-hours": ("service_h", config.PLAN_SERVICE_H),
    "--easy-reach": ("easy_reach_h", config.PLAN_EASY_REACH_H),
}


def _fixed(text: str, language: str = "id") -> tuple[int, int, str]:
    """``UNIT:HARI:KODE`` → (unit, day, kode)."""
    try:
        unit, day, kode = text.split(":", 2)
        return int(unit), int(day), kode
    except ValueError:
        raise argparse.ArgumentTypeError(tr("cli_fixed_salah", language, nilai=text)) from None


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    p = add_common(command(sub, "plan", t("cli_h_plan")), language, fmt_opt=True)
    p.add_argument("--within", required=True, help=t("cli_h_plan_within"))
    p.add_argument("--units", type=int, help=t("cli_h_units", n=config.PLAN_UNITS))
    p.add_argument("--capacity", type=int, default=int(config.DEFAULT_THROUGHPUT),
                   help=t("cli_h_capacity_unit", n=int(config.DEFAULT_THROUGHPUT)))
    p.add_argument("--days", type=int, required=True, help=t("cli_h_days"))
    p.add_argument("--response", type=float, default=0.5, help=t("cli_h_response", n=number(0.5, language)))
    p.add_argument("--objective", choices=config.PLAN_OBJECTIVES, default=config.PLAN_OBJECTIVES[0],
                   help=t("cli_h_objective"))
    p.add_argument("--start", help=t("cli_h_start"))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.add_argument("--weekends", action="store_true", help=t("cli_h_weekends"))
    p.add_argument("--base", help=t("cli_h_base"))
    p.add_argument("--max-km", type=float, help=t("cli_h_max_km"))
    p.add_argument("--no-schools", action="store_true", help=t("cli_h_no_schools"))
    p.add_argument("--kecamatan", type=_codes, help=t("cli_h_kecamatan"))
    p.add_argument("--only-red-yellow", action="store_true", help=t("cli_h_only_red_yellow"))
    p.add_argument("--exclude", type=_codes, default=[], help=t("cli_h_exclude"))
    p.add_argument("--fixed", type=partial(_fixed, language=language), action="append", default=[],
                   metavar=t("cli_mv_fixed"), help=t("cli_h_fixed"))
    p.add_argument("--max-stops", type=int, default=config.PLAN_MAX_STOPS,
                   help=t("cli_h_max_stops", n=config.PLAN_MAX_STOPS))
    p.add_argument("--roads", metavar=t("cli_mv_berkas"), help=t("cli_h_roads"))
    for option, (field, default) in TRAVEL_OPTIONS.items():
        p.add_argument(option, type=float, default=default, help=t(f"cli_h_{field}", n=number(default, language)))
    p.add_argument("--time-limit", type=float, default=10, help=t("cli_h_time_limit", n=10))
    p.add_argument("--save", metavar=t("cli_mv_nama"), help=t("cli_h_save"))
    p.add_argument("--sheets", metavar=t("cli_mv_berkas"), help=t("cli_h_sheets"))
    p.add_argument("--overwrite", action="store_true", help=t("cli_h_overwrite"))
    p.set_defaults(func=cmd_plan)


def cmd_plan(args) -> int:
    from geo import fmt, plan as planner
    from geo.codes import area_name
    from geo.columns import DAY, EXPECTED, UNIT
    from geo.config import load_settings
    from geo.coverage import coverage_table, data_reach
    from geo.dates import iso_day
    from geo.present.common import reach_note
    from geo.capacity import mobile_units
    from geo.columns import STATUS
    from geo.present.plan import crew_sets, status_text, units_note
    from geo.present.plan_explain import baseline_label, objective_label, provisional_base_note, reason_text

    language = lang(args)
    if args.sheets:
        check_out(args.sheets)  # a folder that does not exist: said before the plan is solved
    store = open_store(args)
    date_ = iso_day(args.date, required=False)
    travel = planner.Travel(**{field: getattr(args, option[2:].replace("-", "_"))
                               for option, (field, _) in TRAVEL_OPTIONS.items()})
    roads = planner.RoadNetwork.read(args.roads) if args.roads else None
    sites = planner.candidate_sites(store, args.within, date=date_, base_id=args.base, max_km=args.max_km,
                                    include_schools=not args.no_schools, zones=load_settings().zones, travel=travel,
                                    roads=roads, focus=args.kecamatan,
                                    only_zones=("merah", "kuning") if args.only_red_yellow else None,
                                    exclude=args.exclude, keep=[k for _, _, k in args.fixed])
    base = planner.base_point(store, args.within, args.base)
    mobiles = mobile_units(store, args.within, date=date_)  # the page's default: the sets that work
    units = args.units if args.units is not None else int((mobiles[STATUS] == "aktif").sum()) or config.PLAN_UNITS
    plan = planner.plan_visits(sites, units=units, capacity=args.capacity, days=args.days,
                               response=args.response, start=iso_day(args.start, field="mulai", required=False),
                               weekends=args.weekends, objective=args.objective, time_limit=args.time_limit,
                               base=base, travel=travel, zones=load_settings().zones, fixed=args.fixed,
                               max_stops=args.max_stops, road_network=roads.name if roads else None)
    table = plan.visits[[UNIT, DAY, Col.KODE, Col.NAMA, EXPECTED]].assign(
        reason=[reason_text(r, language) for r in planner.visit_reasons(plan)])
    emit(table, args.format, language)
    name = area_name(store, args.within, language)
    reach = data_reach(coverage_table(store, Level.DESA, within=args.within, date=date_),
                       coverage_table(store, Level.KECAMATAN, within=args.within, date=date_))
    inventory = units_note(mobiles, units, language)
    for note in (reach_note(reach, name, language, key="rencana_sebagian"),  # desa without data: never visited
                 provisional_base_note(base, name, language), inventory[1] if inventory else None):
        if note:
            print(note, file=sys.stderr)
    num = lambda v: fmt.number(v, lang=language)  # noqa: E731
    others = "; ".join(tr("rencana_ringkas_pembanding", language, cara=baseline_label(n, language),
                          skor=fmt.number(b["objective"], 1, language), total=num(b["total"]), kec=num(b["kecamatan"]),
                          desa=num(b["desa"])) for n, b in plan.baselines.items())
    print(tr("rencana_ringkas", language, total=num(plan.total), kunjungan=len(plan.visits), unit=units,
             hari=args.days, tujuan=objective_label(args.objective, language),
             skor=fmt.number(plan.objective, 1, language), kec=num(plan.zones["kecamatan"]),
             desa=num(plan.zones["desa"]), pembanding=others, status=status_text(plan, language),
             gap=fmt.percent(plan.gap, 2, language), detik=fmt.number(plan.solve_seconds, 2, language)),
          file=sys.stderr)
    if args.save:
        planner.save_plan(store, plan, args.save, within=args.within, data_date=date_, user=args.user,
                          overwrite=args.overwrite)
    if args.sheets:  # the crews' sheets, to print: a page per unit
        from geo.render.crew_sheet import crew_pages
        from geo.render.pdf_page import pages_pdf

        newest = store.snapshot_dates(args.within)
        pages = crew_pages(plan, area_name=name, data_date=date_ or (newest[-1] if newest else None), lang=language,
                           settings=load_settings(), sets=crew_sets(mobiles))
        write_file(args.sheets, pages_pdf(pages))
        print(tr("kru_tertulis", language, berkas=args.sheets, n=len(pages)), file=sys.stderr)
    return 0
