"""Media commands: ``chart KIND`` (PNG/SVG images of the media pack) and ``briefing`` (the PDF)."""
from __future__ import annotations

from functools import partial
from pathlib import Path

from geo.cli.output import add_common, check_out, command, lang, open_store, write_file
from geo.text import tr

# The renderers' names (geo.render.media.CHART_KINDS, geo.render.images.SIZES), repeated so that
# building the parser does not import the renderers (a second: ``python -m geo --help`` would
# wait for it); tests/geo/test_cli_lazy.py keeps them equal.
CHART_KINDS = ("zona-bar", "tren", "kantong", "peta", "kartu", "kartu-riwayat", "blangko")
SIZE_NAMES = ("1200x675", "1080x1080", "1080x1350")


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    p = add_common(command(sub, "briefing", t("cli_h_briefing")), language)
    p.add_argument("--within", required=True, help=t("cli_h_media_within"))
    p.add_argument("--out", required=True, help=t("cli_h_out_pdf"))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.set_defaults(func=cmd_briefing)

    p = add_common(command(sub, "chart", t("cli_h_chart")), language)
    p.add_argument("kind", choices=CHART_KINDS, help=t("cli_h_chart_kind"))
    p.add_argument("--within", required=True, help=t("cli_h_media_within"))
    p.add_argument("--out", required=True, help=t("cli_h_out_image"))
    p.add_argument("--size", default="1200x675", help=t("cli_h_size", ukuran=", ".join(SIZE_NAMES)))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.set_defaults(func=cmd_chart)


def cmd_chart(args) -> int:
    import datetime as dt

    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.render import images
    from geo.render.media import chart_image

    language = lang(args)
    size = images.parse_size(args.size)
    fmt_name = images.parse_format(Path(args.out).suffix or args.out)
    date = iso_day(args.date, required=False)
    check_out(args.out)
    data = chart_image(open_store(args), args.within, args.kind, fmt_name=fmt_name, size=size, date=date,
                       lang=language, settings=load_settings(), today=dt.date.today())
    write_file(args.out, data)
    print(tr("gambar_tersimpan", language, path=args.out, ukuran=f"{size[0]}×{size[1]}", format=fmt_name.upper()))
    return 0


def cmd_briefing(args) -> int:
    import datetime as dt

    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.render.briefing import briefing_pdf

    language = lang(args)
    date = iso_day(args.date, required=False)
    check_out(args.out)
    write_file(args.out, briefing_pdf(open_store(args), args.within, date=date, lang=language, settings=load_settings(),
                                  today=dt.date.today()))
    print(tr("ringkasan_tersimpan", language, path=args.out))
    return 0
