"""Capacity commands: devices and backlog per kecamatan, where new devices go, inventory and
blank-card stock imports, the blank-stock projection."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from geo.cli.output import add_common, command, emit, lang, number, open_store
from geo.columns import ALAT_AKTIF, HARI_BACKLOG, HARI_SEBELUM, HARI_SESUDAH, MAKS_SEBELUM, MAKS_SESUDAH, OPERATOR
from geo.config import DEFAULT_RATE_WINDOW_DAYS, DEFAULT_THROUGHPUT
from geo.schema import ALLOCATION_UNITS, Col
from geo.text import tr

if TYPE_CHECKING:  # pandas is imported when a command runs, not when the parser is built
    import pandas as pd

CAPACITY_SHOWN = [Col.KODE, Col.NAMA, ALAT_AKTIF, OPERATOR, Col.BELUM, HARI_BACKLOG]  # what `capacity` prints


def add_commands(sub, language: str = "id") -> None:
    t = partial(tr, lang=language)

    def place(p):
        p.add_argument("--within", required=True, help=t("cli_h_kab_within"))
        p.add_argument("--date", help=t("cli_h_tanggal_data"))
        p.add_argument("--throughput", type=float, default=DEFAULT_THROUGHPUT,
                       help=t("cli_h_throughput", n=number(DEFAULT_THROUGHPUT, language)))
        return p

    p = place(add_common(command(sub, "capacity", t("cli_h_capacity")), language, fmt_opt=True))
    p.set_defaults(func=cmd_capacity)

    p = place(add_common(command(sub, "allocate-devices", t("cli_h_allocate")), language, fmt_opt=True))
    p.add_argument("--devices", type=int, required=True, help=t("cli_h_devices"))
    p.add_argument("--unit", choices=ALLOCATION_UNITS, default="alat", help=t("cli_h_unit", n="alat"))
    p.set_defaults(func=cmd_allocate)

    p = add_common(command(sub, "import-inventory", t("cli_h_import_inventory")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--force", action="store_true", help=t("cli_h_force"))
    p.set_defaults(func=cmd_import_inventory)

    p = add_common(command(sub, "import-blank-stock", t("cli_h_import_blank_stock")), language)
    p.add_argument("file", metavar=t("cli_mv_berkas_posisi"))
    p.add_argument("--force", action="store_true", help=t("cli_h_force"))
    p.set_defaults(func=cmd_import_blank_stock)

    p = add_common(command(sub, "blank-stock", t("cli_h_blank_stock")), language, fmt_opt=True)
    p.add_argument("--within", required=True, help=t("cli_h_stok_within"))
    p.add_argument("--date", help=t("cli_h_tanggal_data"))
    p.add_argument("--window-days", type=int, default=DEFAULT_RATE_WINDOW_DAYS,
                   help=t("cli_h_window_days", n=DEFAULT_RATE_WINDOW_DAYS))
    p.set_defaults(func=cmd_blank_stock)


def _jsonable(frame: pd.DataFrame, decimals: int = 2) -> pd.DataFrame:
    """Days rounded; infinity (no working device) becomes null, as JSON has no infinity."""
    import numpy as np
    import pandas as pd

    out = frame.copy()
    for c in out.columns:
        if pd.api.types.is_float_dtype(out[c]):
            out[c] = out[c].replace([np.inf, -np.inf], np.nan).round(decimals)
    return out


def _emit_days(frame: pd.DataFrame, args, day_columns: list[str]) -> None:
    """A table with backlog days as words for a person (``∞ (tanpa alat)``), as numbers for machines."""
    from geo.present.capacity import days_text

    language = lang(args)
    if args.format == "table":
        shown = frame.copy()
        for c in day_columns:
            shown[c] = [days_text(v, language) for v in shown[c]]
    else:
        shown = _jsonable(frame)
    emit(shown, args.format, language)


def _table(args):
    from geo import capacity
    from geo.config import load_settings
    from geo.dates import iso_day

    return capacity.capacity_table(open_store(args), capacity.check_code(args.within),
                                   date=iso_day(args.date, required=False), throughput=args.throughput,
                                   zones=load_settings().zones)


def cmd_capacity(args) -> int:
    _emit_days(_table(args)[CAPACITY_SHOWN], args, [HARI_BACKLOG])
    return 0


def cmd_allocate(args) -> int:
    from geo import capacity
    from geo.present.capacity import days_text

    plan = capacity.allocate_devices(_table(args), args.devices, unit=args.unit)
    _emit_days(plan.steps, args, [HARI_SEBELUM, HARI_SESUDAH, MAKS_SEBELUM, MAKS_SESUDAH])
    if args.format == "table":
        language = lang(args)
        print(tr("kap_maks", language, sebelum=days_text(plan.max_before, language),
                 sesudah=days_text(plan.max_after, language)))
        if plan.unused:
            print(tr("kap_sisa_unit", language, jumlah=plan.unused))
    return 0


def cmd_import_inventory(args) -> int:
    from geo.config import load_settings
    from geo.ingest import import_inventory

    language = lang(args)
    result = import_inventory(open_store(args), args.file, user=args.user, force=args.force,
                              max_bytes=load_settings().max_upload_bytes)
    ringkas = tr("kap_ringkas_inventaris", language, alat=result.summary["alat"], lokasi=result.summary["lokasi"],
                 baris=result.rows)
    print(tr("kap_impor_ok", language, versi=result.version_id, ringkas=ringkas))
    return 0


def cmd_import_blank_stock(args) -> int:
    from geo.config import load_settings
    from geo.ingest import import_blank_stock

    language = lang(args)
    result = import_blank_stock(open_store(args), args.file, user=args.user, force=args.force,
                                max_bytes=load_settings().max_upload_bytes)
    ringkas = tr("kap_ringkas_blangko", language, baris=result.rows)
    print(tr("kap_impor_ok", language, versi=result.version_id, ringkas=ringkas))
    return 0


def cmd_blank_stock(args) -> int:
    import pandas as pd

    from geo import cards
    from geo.capacity import check_code
    from geo.dates import iso_day

    p = cards.blank_projection(open_store(args), check_code(args.within),
                                  date=iso_day(args.date, required=False), window_days=args.window_days)
    _emit_days(pd.DataFrame([p]), args, ["hari_tersisa", "laju_cetak_per_hari"])
    return 0
