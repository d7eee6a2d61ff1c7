"""Commands that write the store: boundaries, recording figures, points; history, rollback, demo."""
from __future__ import annotations

import json
import sys
from functools import partial

from geo.cli.output import add_common, command, emit, lang, open_store
from geo.schema import LEVELS, Col, Level, RekamError
from geo.text import describe_problem, tr


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    levels = [lvl.value for lvl in LEVELS[1:]]
    p = add_common(command(sub, "import-boundaries", t("cli_h_import_boundaries")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--level", choices=levels)
    p.add_argument("--code-field")
    p.add_argument("--name-field")
    p.add_argument("--within", help=t("cli_h_batas_within"))
    p.add_argument("--pick", action="append", default=[], metavar=t("cli_mv_pick"), help=t("cli_h_pick"))
    p.add_argument("--skip-unmatched", action="store_true", help=t("cli_h_lewati_fitur"))
    p.add_argument("--force", action="store_true", help=t("cli_h_force"))
    p.set_defaults(func=cmd_import_boundaries)

    p = add_common(command(sub, "import-enrollment", t("cli_h_import_enrollment")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--date", help=t("cli_h_tanggal_berkas"))
    p.add_argument("--level", choices=[Level.KECAMATAN.value, Level.DESA.value], default=Level.DESA.value)
    p.add_argument("--within", help=t("cli_h_induk"))
    p.add_argument("--sheet")
    p.add_argument("--skip-unmatched", action="store_true", help=t("cli_h_lewati_baris"))
    p.add_argument("--force", action="store_true", help=t("cli_h_force"))
    p.add_argument("--allow-date", action="store_true", help=t("cli_h_allow_date"))
    p.add_argument("--report", metavar=t("cli_mv_berkas"), help=t("cli_h_report"))
    p.set_defaults(func=cmd_import_enrollment)

    p = add_common(command(sub, "import-points", t("cli_h_import_points")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--kind", choices=["lokasi", "sekolah"], required=True)
    p.set_defaults(func=cmd_import_points)

    p = add_common(command(sub, "import-events", t("cli_h_import_events")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--force", action="store_true", help=t("cli_h_force"))
    p.set_defaults(func=cmd_import_events)

    p = add_common(command(sub, "history", t("cli_h_history")), language, fmt_opt=True)
    p.set_defaults(func=cmd_history)

    p = add_common(command(sub, "rollback", t("cli_h_rollback")), language)
    p.add_argument("version", type=int, metavar=t("cli_mv_versi"))
    p.set_defaults(func=cmd_rollback)

    p = add_common(command(sub, "demo", t("cli_h_demo")), language)
    p.add_argument("--generate", action="store_true", help=t("cli_h_generate"))
    p.add_argument("--load", action="store_true", help=t("cli_h_load"))
    p.add_argument("--if-empty", action="store_true", help=t("cli_h_if_empty"))
    p.add_argument("--fresh", action="store_true", help=t("cli_h_fresh"))
    p.set_defaults(func=cmd_demo)


def cmd_import_boundaries(args) -> int:
    from geo.ingest import commit_boundaries, prepare_boundaries

    language = lang(args)
    store = open_store(args)
    prepared = prepare_boundaries(store, args.file, level=args.level, code_field=args.code_field,
                                  name_field=args.name_field, within=args.within, overrides=picks(args.pick),
                                  force=args.force)
    if prepared.join is not None:
        print_feature_report(prepared, language)
    version = commit_boundaries(store, prepared, user=args.user, skip_unmatched=args.skip_unmatched, force=args.force)
    report = prepared.loaded.report
    summary = ", ".join(f"{n} {lvl}" for lvl, n in report.get("levels", {}).items())
    print(tr("impor_batas_ok", language, versi=version, ringkas=summary))
    shown = {k: v for k, v in report.items() if k != "cocok"}  # each feature was listed above, when it needed a word
    print(json.dumps(shown, ensure_ascii=False, indent=1, default=str))
    return 0


def picks(values: list[str]) -> dict[int, str]:
    """``--pick 7=36.74.03.1005`` → {7: '36.74.03.1005'}; RekamError('pilihan_fitur_salah') otherwise."""
    out = {}
    for value in values:
        feature, _, kode = value.partition("=")
        if not feature.strip().isdigit() or not kode.strip():
            raise RekamError("pilihan_fitur_salah", nilai=value)
        out[int(feature)] = kode.strip()
    return out


def print_feature_report(prepared, lang: str) -> None:
    """How the features of a file without codes matched: counts, the features that need a look
    (similar names, hand picks, unmatched with candidates), errors and warnings on stderr."""
    report = prepared.join.report
    print(tr("batas_skema_nama", lang, skema=prepared.loaded.report.get("skema"), jumlah=len(report)))
    print(" · ".join(f"{k}: {v}" for k, v in report["cara"].value_counts().items()))
    look = report[(report["cara"] != "nama") | report["alasan"].notna()]
    if len(look):
        cols = ["baris", "tingkat", "nama_induk_file", "nama_file", "cara", "kode", "nama", "skor"]
        shown = look[cols].astype(object)
        print(shown.where(shown.notna(), "–").to_string(index=False))
    for row in prepared.unmatched.to_dict("records"):
        names = "; ".join(f"{c['kode']} {c['nama']} ({c.get('skor') or ''})" for c in row.get("kandidat") or [])
        print("  " + tr("batas_fitur_kandidat", lang, baris=row["baris"], nama=row["nama_file"], kandidat=names or "–"))
    for problem in prepared.join.problems:
        prefix = "" if problem.severity == "error" else f"{tr('peringatan', lang)}: "
        print(prefix + describe_problem(problem, lang), file=sys.stderr)


def print_join_report(prepared, lang: str) -> None:
    """How the rows matched: the counts, then only the rows to look at (not matched, or matched with
    a remark) — a national file has 84,000 rows, ``--report FILE`` writes them all; refusals on
    stderr, candidates for unmatched rows, warnings."""
    from geo import fmt
    from geo.join import MATCHED

    report = prepared.join.report
    sheets = prepared.read.report
    if sheets.get("sheets_read") and len(sheets.get("sheets", [])) > 1:  # every sheet accounted for
        print(tr("lembar_dibaca", lang, daftar=", ".join(f"{s['lembar']} ({s['baris']})" for s in sheets["sheets_read"])))
        if sheets.get("sheets_skipped"):
            print(tr("lembar_dilewati", lang, daftar="; ".join(
                f"{s['lembar']}: {tr(s['alasan'], lang)}" for s in sheets["sheets_skipped"])))
    counts = report["cara"].value_counts().to_dict()
    print(" · ".join(f"{k}: {v}" for k, v in counts.items()))
    cols = (["lembar"] if report["lembar"].notna().any() else []) + ["baris", "kode_file", "nama_file", "cara",
                                                                    "kode", "nama"]
    to_look_at = report[~report["cara"].isin([m.value for m in MATCHED]) | report["alasan"].notna()]
    if len(to_look_at):
        print(report.loc[to_look_at.index, cols].to_string(index=False))
    if len(to_look_at) < len(report):
        print(tr("baris_cocok_lain", lang, jumlah=fmt.number(len(report) - len(to_look_at), lang=lang)))
    for problem in prepared.join.problems:
        if problem.severity == "error":
            print(describe_problem(problem, lang), file=sys.stderr)
    for _, row in prepared.unmatched.iterrows():
        cands = row.get("kandidat") or []
        if len(cands):
            print(f"  baris {row['baris']}: kandidat → {candidates_text(cands)}")
    for problem in prepared.warnings:
        print(f"{tr('peringatan', lang)}: {describe_problem(problem, lang)}", file=sys.stderr)


def cmd_import_enrollment(args) -> int:
    from geo import fmt
    from geo.config import load_settings
    from geo.dates import check_snapshot_day, iso_day
    from geo.ingest import commit_enrollment, prepare_enrollment

    language = lang(args)
    tanggal = iso_day(args.date, field="data", required=False)
    if tanggal:
        check_snapshot_day(tanggal, allow=args.allow_date)  # before reading the file
    store = open_store(args)
    prepared = prepare_enrollment(store, args.file, level=args.level, within=args.within, sheet=args.sheet,
                                  settings=load_settings())
    tanggal = data_date(prepared.read.report, tanggal, language)
    print_join_report(prepared, language)
    if args.report:  # before storing: a refused import's report is the one most needed
        write_join_report(prepared, args.report, language)
    version = commit_enrollment(store, prepared, tanggal=tanggal, user=args.user,
                                skip_unmatched=args.skip_unmatched, force=args.force, allow_date=args.allow_date)
    print(tr("impor_rekam_ok", language, versi=version, jumlah=fmt.number(len(prepared.join.matched), lang=language),
             tanggal=fmt.long_date(tanggal, language)))
    return 0


def candidates_text(candidates: list[dict]) -> str:
    """``36.74.01.1001 Ciater (92.5); …``: the join's closest areas for a row."""
    return "; ".join(f"{c['kode']} {c['nama']} ({c.get('skor') or ''})" for c in candidates)


def write_join_report(prepared, path: str, lang: str) -> None:
    """The whole join report, one row per row of the file (``geo.join.REPORT_COLUMNS``, the
    candidates as text), to ``path``: XLSX when it ends in .xlsx, else CSV. Raises
    RekamError('tidak_bisa_menulis')."""
    from pathlib import Path

    from geo import fmt
    from geo.export import to_csv_bytes, to_xlsx_bytes

    report = prepared.join.report.copy()
    report["kandidat"] = report["kandidat"].map(candidates_text)
    out = Path(path)
    data = (to_xlsx_bytes({"laporan": report}) if out.suffix.lower() == ".xlsx"
            else to_csv_bytes(report, lang))
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise RekamError("tidak_bisa_menulis", path=str(out), detail=exc.strerror or str(exc)) from None
    print(tr("laporan_ditulis", lang, path=str(out), jumlah=fmt.number(len(report), lang=lang)))


def data_date(report: dict, given: str | None, language: str) -> str:
    """The snapshot date: the one given, else the one the file states in its title; never today.
    A given date that differs from the file's is used, with a warning."""
    from geo import fmt

    stated = report.get("tanggal_berkas")
    if given is None and report.get("tanggal_berkas_beda"):
        raise RekamError("tanggal_berkas_beda", berkas=report.get("file_name", "-"),
                         daftar=", ".join(fmt.long_date(d, language) for d in report["tanggal_berkas_beda"]))
    if given is None and stated is None:
        raise RekamError("tanggal_perlu", berkas=report.get("file_name", "-"))
    if given is None:
        print(tr("tanggal_dari_berkas", language, tanggal=fmt.long_date(stated, language),
                 teks=report.get("tanggal_berkas_teks", "")))
        return stated
    if stated and stated != given:
        said = tr("tanggal_beda_berkas", language, tanggal=fmt.long_date(given, language),
                  berkas=fmt.long_date(stated, language))
        print(f"{tr('peringatan', language)}: {said}", file=sys.stderr)
    return given


def cmd_import_points(args) -> int:
    from geo import fmt
    from geo.config import load_settings
    from geo.ingest import import_points

    version, count = import_points(open_store(args), args.file, kind=args.kind, user=args.user,
                                   settings=load_settings())
    language = lang(args)
    print(tr("impor_titik_ok", language, versi=version, jumlah=fmt.number(count, lang=language), jenis=args.kind))
    return 0


def cmd_import_events(args) -> int:
    from geo.config import load_settings
    from geo.ingest import import_events

    language = lang(args)
    store = open_store(args)
    version = import_events(store, args.file, user=args.user, force=args.force, settings=load_settings())
    report = store.history().set_index("id").loc[version, "report"]
    kinds = ", ".join(f"{tr(f'peristiwa_{k}', language)}: {n}" for k, n in report.get("jenis", {}).items())
    print(tr("peristiwa_kolom_dipakai", language,
             daftar=", ".join(f"{c} ← {h}" for c, h in report.get("kolom", {}).items())))
    print(tr("impor_peristiwa_ok", language, versi=version, jumlah=report.get("peristiwa", 0), rincian=kinds))
    return 0


def cmd_history(args) -> int:
    hist = open_store(args).history()
    cols = ["id", "kind", "created_at", "user", "file_name", "row_count", Col.TANGGAL, "active", "rolled_back_at"]
    out = hist[cols].rename(columns={"id": "versi"})
    out["file_hash"] = hist["file_hash"].fillna("").str[:12]
    emit(out, args.format, lang(args))
    return 0


def cmd_rollback(args) -> int:
    open_store(args).rollback(args.version, user=args.user)
    print(tr("rollback_ok", lang(args), versi=args.version))
    return 0


def cmd_demo(args) -> int:
    if args.generate:
        from geo import demo

        print(json.dumps(demo.generate(), ensure_ascii=False, indent=1, default=str))
    if args.load:
        from datetime import date

        from geo.ingest.demo import load_demo

        store = open_store(args)
        if args.if_empty and not store.is_empty():
            print(tr("demo_sudah_ada", lang(args)))
            return 0
        versions = load_demo(store, today=date.today() if args.fresh else None)
        print(tr("demo_dimuat", lang(args), versi=", ".join(map(str, versions))))
    return 0
