"""``python -m geo plan``: the mobile-unit (jemput bola) schedule, optimised; totals on stderr."""
from __future__ import annotations

import sys

from geo.cli.output import add_common, emit, lang, open_store
from geo.schema import Col
from geo.text import tr


def add_commands(sub) -> None:
    p = add_common(sub.add_parser("plan", help="rencana jemput bola: lokasi kunjungan unit keliling per hari"),
                   fmt_opt=True)
    p.add_argument("--within", required=True, help="kode kabupaten/kota atau kecamatan, mis. 99.01")
    p.add_argument("--units", type=int, required=True, help="jumlah unit keliling")
    p.add_argument("--capacity", type=int, default=40, help="perekaman per unit per hari (default 40)")
    p.add_argument("--days", type=int, required=True, help="jumlah hari kerja")
    p.add_argument("--response", type=float, default=0.5, help="bagian belum rekam yang datang (0–1, default 0,5)")
    p.add_argument("--start", help="tanggal mulai TTTT-BB-HH (default hari ini)")
    p.add_argument("--date", help="data per tanggal (default terbaru)")
    p.add_argument("--weekends", action="store_true", help="Sabtu/Minggu juga hari kerja")
    p.add_argument("--weighted", action="store_true", help="utamakan desa merah/kuning dan desa yang bisa jadi hijau")
    p.add_argument("--base", help="id kantor asal (lokasi perekaman); default kantor Disdukcapil")
    p.add_argument("--max-km", type=float, help="jarak garis lurus terjauh dari kantor asal (km)")
    p.add_argument("--no-schools", action="store_true", help="tanpa sekolah")
    p.add_argument("--time-limit", type=float, default=10, help="batas waktu pemecah (detik)")
    p.add_argument("--save", metavar="NAMA", help="simpan rencana dengan nama ini")
    p.add_argument("--overwrite", action="store_true", help="timpa rencana bernama sama (tanpa realisasi)")
    p.set_defaults(func=cmd_plan)


def cmd_plan(args) -> int:
    from geo import fmt, plan as planner
    from geo.columns import DAY, EXPECTED, UNIT
    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.present.plan import status_text

    language = lang(args)
    store = open_store(args)
    date_ = iso_day(args.date, required=False)
    sites = planner.candidate_sites(store, args.within, date=date_, base_id=args.base, max_km=args.max_km,
                                    include_schools=not args.no_schools, zones=load_settings().zones)
    base = planner.base_point(store, args.within, args.base)
    plan = planner.plan_visits(sites, units=args.units, capacity=args.capacity, days=args.days,
                               response=args.response, start=iso_day(args.start, field="mulai", required=False),
                               weekends=args.weekends, weighted=args.weighted, time_limit=args.time_limit, base=base)
    emit(plan.visits[[UNIT, DAY, Col.KODE, Col.NAMA, EXPECTED]], args.format, language)
    print(tr("rencana_ringkas", language, total=fmt.number(plan.total, lang=language), kunjungan=len(plan.visits),
             unit=args.units, hari=args.days, rakus=fmt.number(plan.greedy_total, lang=language),
             status=status_text(plan, language), gap=fmt.percent(plan.gap, 2, language),
             detik=fmt.number(plan.solve_seconds, 2, language)), file=sys.stderr)
    if args.save:
        planner.save_plan(store, plan, args.save, within=args.within, data_date=date_, user=args.user,
                          overwrite=args.overwrite)
    return 0
