"""``python -m geo …``: the same functions as the dashboard, from a terminal.

Exit codes: 0 done, 1 refused (the reason is printed; nothing stored), 2 usage error.
Never a traceback (set REKAM_DEBUG=1 to see one for an unexpected failure).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import traceback

import pandas as pd

from geo import fmt
from geo.schema import LEVELS, Col, Level, RekamError
from geo.text import describe, describe_problem, tr



def _lang(args) -> str:
    return getattr(args, "lang", None) or os.environ.get("REKAM_LANG", "id")


def _store(args):
    from geo.store import Store

    return Store.open(args.db)


def _emit(frame: pd.DataFrame, fmt_name: str, lang: str) -> None:
    """Print a frame as a readable table, CSV (neutralised) or JSON (a list of objects)."""
    if fmt_name == "json":
        records = json.loads(frame.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt_name == "csv":
        from geo.export import neutralise

        sys.stdout.write(neutralise(frame).to_csv(index=False))
    else:
        print(_human_table(frame, lang) if len(frame) else tr("cli_tidak_ada_data", lang))


def _human_table(frame: pd.DataFrame, lang: str) -> str:
    shown = frame.copy()
    for c in shown.columns:
        if c == Col.CAKUPAN:
            shown[c] = [fmt.percent(v, 2, lang) for v in shown[c]]
        elif pd.api.types.is_integer_dtype(shown[c]) or pd.api.types.is_float_dtype(shown[c]):
            shown[c] = [fmt.number(v, 0, lang) for v in shown[c]]
        else:
            shown[c] = shown[c].map(lambda v: "–" if v is None or (isinstance(v, float) and v != v) else str(v))
    return shown.to_string(index=False)


# --- commands -------------------------------------------------------------------
def cmd_import_boundaries(args) -> int:
    from geo.ingest import import_boundaries

    store = _store(args)
    result = import_boundaries(
        store, args.file, level=args.level, code_field=args.code_field, name_field=args.name_field,
        force=args.force, user=args.user,
    )
    levels = result.loaded.report.get("levels", {})
    summary = ", ".join(f"{n} {lvl}" for lvl, n in levels.items())
    print(tr("impor_batas_ok", _lang(args), versi=result.version_id, ringkas=summary))
    print(json.dumps(result.loaded.report, ensure_ascii=False, indent=1, default=str))
    return 0


def _print_join_report(prepared, lang: str) -> None:
    report = prepared.join.report
    counts = report["cara"].value_counts().to_dict()
    print(" · ".join(f"{k}: {v}" for k, v in counts.items()))
    cols = ["baris", "kode_file", "nama_file", "cara", "kode", "nama"]
    print(report[cols].to_string(index=False))
    for problem in prepared.join.problems:
        if problem.severity == "error":
            print(describe_problem(problem, lang), file=sys.stderr)
    bad = prepared.unmatched
    for _, row in bad.iterrows():
        cands = row.get("kandidat") or []
        if len(cands):
            names = "; ".join(f"{c['kode']} {c['nama']} ({c.get('skor') or ''})" for c in cands)
            print(f"  baris {row['baris']}: kandidat → {names}")
    for problem in prepared.warnings:
        print(f"{tr('peringatan', lang)}: {describe_problem(problem, lang)}", file=sys.stderr)


def cmd_import_enrollment(args) -> int:
    from geo.ingest import commit_enrollment, parse_date, prepare_enrollment

    lang = _lang(args)
    tanggal = parse_date(args.date)
    store = _store(args)
    prepared = prepare_enrollment(store, args.file, level=args.level, within=args.within, sheet=args.sheet)
    _print_join_report(prepared, lang)
    version = commit_enrollment(
        store, prepared, tanggal=tanggal, user=args.user, skip_unmatched=args.skip_unmatched, force=args.force
    )
    print(tr("impor_rekam_ok", lang, versi=version, jumlah=len(prepared.join.matched), tanggal=tanggal))
    return 0


COVERAGE_COLUMNS = [Col.KODE, Col.NAMA, Col.WAJIB, Col.SUDAH, Col.BELUM, Col.CAKUPAN, Col.ZONA, Col.TANGGAL,
                    Col.DI_ATAS_100]


def cmd_coverage(args) -> int:
    from geo.coverage import coverage_table
    from geo.ingest import parse_date

    date = parse_date(args.date) if args.date else None
    table = coverage_table(_store(args), args.level, within=args.within, date=date)
    out = table[COVERAGE_COLUMNS].copy()
    out[Col.CAKUPAN] = out[Col.CAKUPAN].round(2)
    _emit(out, args.format, _lang(args))
    return 0


def cmd_import_points(args) -> int:
    from geo.ingest import import_points

    version, count = import_points(_store(args), args.file, kind=args.kind, user=args.user)
    print(tr("impor_titik_ok", _lang(args), versi=version, jumlah=count, jenis=args.kind))
    return 0


def cmd_map(args) -> int:
    """One self-contained HTML map (Leaflet inlined): opens in a browser with no network."""
    from pathlib import Path

    from geo.coverage import coverage_table
    from geo.ingest import parse_date
    from geo.render.assets import standalone_html
    from geo.render.maps import coverage_map
    from geo.schema import load_settings
    from geo.shapes import ShapeCache

    store, lang = _store(args), _lang(args)
    date = parse_date(args.date) if args.date else None
    table = coverage_table(store, args.level, within=args.within, date=date, geometry=True)
    if table.empty:
        raise RekamError("peta_kosong", level=args.level, within=args.within or "-")
    shown_date = date or (table[Col.TANGGAL].dropna().max() if table[Col.TANGGAL].notna().any() else None)
    areas = store.areas(within=args.within)
    names = dict(zip(areas[Col.KODE], areas[Col.NAMA]))
    title = tr("peta_judul_berkas", lang, tingkat=tr(f"tingkat_{args.level}", lang),
                          wilayah=names.get(args.within) or tr("semua_wilayah", lang))
    # A file on its own fills the browser window and names its area in the legend.
    m = coverage_map(table, metric=args.metric, settings=load_settings(), lang=lang, data_date=shown_date,
                     shapes=ShapeCache(store), height="100%", title=title)
    out = Path(args.out)
    try:
        out.write_text(standalone_html(m), encoding="utf-8")
    except OSError as exc:
        raise RekamError("tidak_bisa_menulis", path=str(out), detail=exc.strerror or str(exc)) from None
    print(tr("peta_ditulis", lang, path=str(out), jumlah=len(table)))
    return 0


def cmd_history(args) -> int:
    hist = _store(args).history()
    cols = ["id", "kind", "created_at", "user", "file_name", "row_count", Col.TANGGAL, "active", "rolled_back_at"]
    out = hist[cols].rename(columns={"id": "versi"})
    out["file_hash"] = hist["file_hash"].fillna("").str[:12]
    _emit(out, args.format, _lang(args))
    return 0


def cmd_rollback(args) -> int:
    _store(args).rollback(args.version, user=args.user)
    print(tr("rollback_ok", _lang(args), versi=args.version))
    return 0


def cmd_demo(args) -> int:
    from geo import demo

    if args.generate:
        summary = demo.generate()
        print(json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    if args.load:
        from geo.demo_load import load_demo

        store = _store(args)
        if args.if_empty and not store.is_empty():
            print(tr("demo_sudah_ada", _lang(args)))
            return 0
        versions = load_demo(store)
        print(tr("demo_dimuat", _lang(args), versi=", ".join(map(str, versions))))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Peta Rekam e-KTP: impor, cakupan, peta.")
    parser.add_argument("--lang", choices=("id", "en"), help="bahasa keluaran / output language (default id)")
    sub = parser.add_subparsers(dest="command", required=True)
    levels = [lvl.value for lvl in LEVELS[1:]]

    def common(p, fmt_opt=False):
        p.add_argument("--db", help="SQLAlchemy URL (default: REKAM_DB_URL or data/rekam.sqlite)")
        p.add_argument("--user", default=os.environ.get("REKAM_USER", "cli"), help=argparse.SUPPRESS)
        if fmt_opt:
            p.add_argument("--format", choices=("table", "csv", "json"), default="table")
        return p

    p = common(sub.add_parser("import-boundaries", help="impor batas wilayah (GeoJSON, GPKG, SHP zip)"))
    p.add_argument("file")
    p.add_argument("--level", choices=levels)
    p.add_argument("--code-field")
    p.add_argument("--name-field")
    p.add_argument("--force", action="store_true", help="impor walau berkas yang sama sudah ada")
    p.set_defaults(func=cmd_import_boundaries)

    p = common(sub.add_parser("import-enrollment", help="impor data perekaman (CSV, XLSX)"))
    p.add_argument("file")
    p.add_argument("--date", required=True, help="tanggal data, TTTT-BB-HH")
    p.add_argument("--level", choices=[Level.KECAMATAN.value, Level.DESA.value], default=Level.DESA.value)
    p.add_argument("--within", help="kode wilayah induk, mis. 36.74")
    p.add_argument("--sheet")
    p.add_argument("--skip-unmatched", action="store_true", help="simpan tanpa baris yang tidak cocok")
    p.add_argument("--force", action="store_true", help="impor walau berkas yang sama sudah ada")
    p.set_defaults(func=cmd_import_enrollment)

    p = common(sub.add_parser("import-points", help="impor titik: lokasi perekaman atau sekolah (CSV, XLSX)"))
    p.add_argument("file")
    p.add_argument("--kind", choices=["lokasi", "sekolah"], required=True)
    p.set_defaults(func=cmd_import_points)

    p = common(sub.add_parser("coverage", help="cakupan per wilayah"), fmt_opt=True)
    p.add_argument("--level", choices=levels, required=True)
    p.add_argument("--within")
    p.add_argument("--date")
    p.set_defaults(func=cmd_coverage)

    p = common(sub.add_parser("map", help="tulis peta HTML mandiri (tanpa internet)"))
    p.add_argument("--level", choices=[Level.KECAMATAN.value, Level.DESA.value], required=True)
    p.add_argument("--within")
    p.add_argument("--date")
    p.add_argument("--metric", choices=["zona", "cakupan", "belum_rekam"], default="zona")
    p.add_argument("--out", required=True, help="berkas .html")
    p.set_defaults(func=cmd_map)

    p = common(sub.add_parser("history", help="daftar versi impor"), fmt_opt=True)
    p.set_defaults(func=cmd_history)

    p = common(sub.add_parser("rollback", help="batalkan satu versi impor"))
    p.add_argument("version", type=int)
    p.set_defaults(func=cmd_rollback)

    p = common(sub.add_parser("demo", help="buat/muat data contoh sintetis"))
    p.add_argument("--generate", action="store_true", help="tulis ulang data/demo dari generator")
    p.add_argument("--load", action="store_true", help="muat data/demo ke basis data")
    p.add_argument("--if-empty", action="store_true", help="hanya bila basis data masih kosong")
    p.set_defaults(func=cmd_demo)

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_commands(sub, common)
    return parser


# Modules that add their own subcommands: each has add_commands(subparsers, common), where
# common(parser, fmt_opt=False) adds --db/--user (and --format) and returns the parser.
COMMAND_MODULES: list[str] = ["geo.auth", "geo.trend", "geo.pockets", "geo.capacity", "geo.plan", "geo.briefing"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "demo" and not (args.generate or args.load):
        args.generate = True
    lang = _lang(args)
    try:
        return int(args.func(args) or 0)
    except RekamError as err:
        print(describe(err, lang), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 — the CLI promises no traceback
        if os.environ.get("REKAM_DEBUG"):
            traceback.print_exc()
        print(tr("galat_tak_terduga", lang, jenis=type(exc).__name__, detail=str(exc)[:300]), file=sys.stderr)
        return 1
