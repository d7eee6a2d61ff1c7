"""``python -m geo alerts``, ``targets`` and ``import-targets``: the trouble the store shows, as a
digest for cron, WhatsApp or e-mail, and the targets each area works to."""
from __future__ import annotations

import argparse
import sys

from geo.cli.output import add_common, emit, lang, open_store

_FORMATS = ("text", "json", "csv")


def add_commands(sub) -> None:
    p = add_common(sub.add_parser("alerts", help="peringatan: alat rusak, blangko, zona, target (ringkasan)"))
    p.add_argument("--within", required=True, help="kode kabupaten/kota (atau kecamatan), mis. 99.01")
    p.add_argument("--since", help="bandingkan perubahan zona dengan data per TTTT-BB-HH (default: data sebelumnya)")
    p.add_argument("--format", choices=_FORMATS, default="text", help="text (satu pesan WhatsApp), json, csv")
    p.add_argument("--today", help=argparse.SUPPRESS)  # tests and replays: the day data is aged against
    what = p.add_mutually_exclusive_group()
    what.add_argument("--digest", action="store_true",
                      help="hanya peringatan yang belum pernah dikirim; dicatat sebagai ringkasan terkirim")
    what.add_argument("--send", action="store_true", help="kirim peringatan baru lewat surel ([surel] di config)")
    p.set_defaults(func=cmd_alerts)

    p = add_common(sub.add_parser("targets", help="target per wilayah: capaian dan siapa tertinggal"), fmt_opt=True)
    p.add_argument("--within", required=True, help="kode wilayah induk, mis. 99.01")
    p.add_argument("--date", help="data per tanggal TTTT-BB-HH (default: terbaru)")
    p.add_argument("--today", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_targets)

    p = add_common(sub.add_parser("import-targets", help="impor target per wilayah dan periode (CSV, XLSX)"))
    p.add_argument("path", help="berkas: kode, tahun, bulan (opsional), target_persen dan/atau target_rekam")
    p.add_argument("--force", action="store_true", help="impor lagi walau berkas yang sama sudah diimpor")
    p.set_defaults(func=cmd_import_targets)


def cmd_alerts(args) -> int:
    from geo import alerts
    from geo.codes import area_name
    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.present.alerts import digest_text
    from geo.text import tr

    language, settings, store = lang(args), load_settings(), open_store(args)
    within = _checked_code(args.within)
    area = area_name(store, within, language)  # an area the store does not hold: said before any work
    since = iso_day(args.since, required=False)
    today = _today(args)
    found = alerts.compute_alerts(store, within, since=since, today=today, settings=settings)
    if args.digest or args.send:
        found = alerts.unsent(store, found)
    dates = store.snapshot_dates(within)
    text = digest_text(found, area=area, data_date=dates[-1] if dates else None, lang=language)
    if args.send:
        return _send(store, args, found, text, area, settings, language)
    if args.format == "text":
        print(text)
    else:
        emit(alerts.as_frame(found), args.format, language)
    if args.digest and found:
        alerts.record_digest(store, found, text=text, user=args.user, within=within, channel="cli")
    elif args.digest:
        print(tr("digest_tidak_ada_yang_baru", language), file=sys.stderr)
    return 0


def _send(store, args, found, text, area, settings, language) -> int:
    from geo import alerts
    from geo.io.mail import send_text
    from geo.text import tr

    if not found:
        print(tr("digest_tidak_ada_yang_baru", language))
        return 0
    to = send_text(settings, tr("digest_subjek", language, wilayah=area, n=len(found)), text)
    alerts.record_digest(store, found, text=text, user=args.user, within=_checked_code(args.within), channel="email", recipients=to)
    print(tr("digest_terkirim", language, kepada=", ".join(to), n=len(found)))
    return 0


def _today(args):
    """The day data is aged against: the system date, or the hidden ``--today`` (tests, replays)."""
    from datetime import date

    from geo.dates import parse_day

    return parse_day(args.today, field="today") if args.today else date.today()


def _checked_code(value: str) -> str:
    from geo.io.events import check_code

    return check_code(value)


def cmd_targets(args) -> int:
    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.present.targets import target_view
    from geo.targets import vs_target

    language = lang(args)
    table = vs_target(open_store(args), _checked_code(args.within), date_=iso_day(args.date, required=False),
                      today=_today(args), settings=load_settings())
    emit(target_view(table, language, for_people=args.format == "table"), args.format, language)
    return 0


def cmd_import_targets(args) -> int:
    from geo.config import load_settings
    from geo.ingest.targets import import_targets
    from geo.text import tr

    version, n = import_targets(open_store(args), args.path, user=args.user, force=args.force,
                                settings=load_settings())
    print(tr("target_diimpor", lang(args), versi=version, n=n))
    return 0
