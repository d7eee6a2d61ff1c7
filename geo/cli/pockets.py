"""``python -m geo pockets``: desa ranked by belum rekam, people to the next zone, hot spots."""
from __future__ import annotations

import sys
from functools import partial

from geo.cli.output import add_common, command, emit, lang, open_store
from geo.columns import PERINGKAT, HOTSPOT, MENUJU_BERIKUT, MENUJU_HIJAU, P_VALUE
from geo.config import K_NEIGHBOURS, PERMUTATIONS, SEED
from geo.schema import Col, Level
from geo.text import tr


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)
    p = add_common(command(sub, "pockets", t("cli_h_pockets")), language, fmt_opt=True)
    p.add_argument("--within", required=True, help=t("cli_h_induk"))
    p.add_argument("--level", choices=[Level.KECAMATAN.value, Level.DESA.value], default=Level.DESA.value,
                   help=t("cli_h_tingkat", n=Level.DESA.value))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.add_argument("--hotspots", action="store_true", help=t("cli_h_hotspots"))
    p.add_argument("--k", type=int, default=K_NEIGHBOURS, help=t("cli_h_k", n=K_NEIGHBOURS))
    p.add_argument("--permutations", type=int, default=PERMUTATIONS, help=t("cli_h_permutations", n=PERMUTATIONS))
    p.add_argument("--seed", type=int, default=SEED, help=t("cli_h_seed", n=SEED))
    p.set_defaults(func=cmd_pockets)


def cmd_pockets(args) -> int:
    from geo import fmt, pockets
    from geo.config import load_settings
    from geo.dates import iso_day
    from geo.present import pockets as present_pockets

    language = lang(args)
    date = iso_day(args.date, required=False)
    table = pockets.pockets_table(open_store(args), args.within, args.level, date=date, hotspots=args.hotspots,
                                  k=args.k, permutations=args.permutations, seed=args.seed,
                                  zones=load_settings().zones)
    table = pockets.ranked(table, "belum_rekam")  # as documented: the largest pocket first
    pemula = [Col.PEMULA_BELUM] if present_pockets.has_pemula(table) else []  # an office file with BELUM REKAM PEMULA
    columns = [PERINGKAT, Col.KODE, Col.NAMA, Col.BELUM, *pemula, Col.CAKUPAN, Col.ZONA, MENUJU_HIJAU, MENUJU_BERIKUT]
    columns += [HOTSPOT, P_VALUE] if args.hotspots else []
    out = present_pockets.download_frame(table, columns)
    if args.hotspots:
        print(present_pockets.hotspot_note(table, language), file=sys.stderr)  # stderr: keeps csv/json parseable
        if args.format == "table":
            out[P_VALUE] = [fmt.number(v, 3, language) for v in out[P_VALUE]]
    emit(out, args.format, language)
    return 0
