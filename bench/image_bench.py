"""Media-pack image benchmark: seconds per downloaded image, through one warm kaleido server.

    .venv/bin/python bench/image_bench.py [--repeat 3]        (or: make bench)

Loads the embedded demo (data contoh sintetis, as ``python -m geo demo --load`` does) into a
fresh SQLite file, then renders every media-pack kind — the plotly ones through kaleido
(``geo.render.images``: one Chromium started once per process), the zone map and the
planner's map with matplotlib — at each size (1200×675, 1080×1080, 1080×1350) and format
(PNG, SVG), ``--repeat`` times each. It prints, per kind and format, the median seconds of

* an image as a download button makes it (``media.chart_image``: the store read, the
  figure built, laid out and rendered; for ``rencana``: ``plan_map.plan_image`` on a plan
  made beforehand, as the page holds one), and
* the rendering alone (the same figure, map table or plan made once beforehand),

and, first, the very first image of the process, which includes starting Chromium. Not a
test. Needs /usr/bin/chromium (Debian's) for kaleido.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.render import media  # noqa: E402
from geo import plan as planner  # noqa: E402
from geo.coverage import coverage_table  # noqa: E402
from geo.ingest.demo import load_demo  # noqa: E402
from geo.render import images, static_map  # noqa: E402
from geo.render.plan_map import plan_image  # noqa: E402
from geo.schema import Level  # noqa: E402
from geo.config import load_settings
from geo.store import Store  # noqa: E402

KAB = "99.01"  # the demo kabupaten
FIRST_KIND = "zona-bar"


def _seconds(make) -> float:
    started = time.perf_counter()
    data = make()
    elapsed = time.perf_counter() - started
    assert len(data) > 1000, "an image this small is not an image"
    return elapsed


def _demo_plan(store: Store, day: str):
    """The planner page's default plan: 3 units × 10 days, 40 a day, response 0.5."""
    sites = planner.candidate_sites(store, KAB, date=day)
    return planner.plan_visits(sites, units=3, capacity=40, days=10, response=0.5, start=date(2026, 11, 23),
                               base=planner.base_point(store, KAB))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="renders per kind, size and format (default 3)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="image-bench-") as folder:
        store = Store.open(f"sqlite:///{Path(folder) / 'rekam.sqlite'}")
        load_demo(store)
        day = store.snapshot_dates(KAB)[-1]
        settings = load_settings()
        name = media.area_name(store, KAB)

        first = _seconds(lambda: media.chart_image(store, KAB, FIRST_KIND))  # starts Chromium
        print(f"First image of the process ({FIRST_KIND}, PNG 1200×675, Chromium started): {first:.2f} s\n")

        # What each kind's rendering starts from, made once: the figure, the map table, the plan.
        desa = coverage_table(store, Level.DESA, within=KAB, date=day, geometry=True)
        kecamatan = coverage_table(store, Level.KECAMATAN, within=KAB, date=day, geometry=True)
        plan = _demo_plan(store, day)
        plan_options = {"outline": kecamatan, "area_name": name, "data_date": day, "settings": settings}
        ready = {kind: media.chart_figure(store, KAB, kind) for kind in media.PLOTLY_KINDS}

        def download(kind, fmt_name, size):
            if kind == "rencana":
                return plan_image(plan, desa, fmt_name=fmt_name, size=size, **plan_options)
            return media.chart_image(store, KAB, kind, fmt_name=fmt_name, size=size)

        def render(kind, fmt_name, size):
            if kind == "rencana":
                return download(kind, fmt_name, size)  # the page already holds the plan and the areas
            if kind == "peta":  # the kecamatan of the kabupaten, as chart_image draws them
                return static_map.zone_map(kecamatan, area_name=name, data_date=day, settings=settings,
                                           fmt_name=fmt_name, size=size)
            return images.to_image(ready[kind], fmt_name, size)

        rows = []
        for kind in (*media.CHART_KINDS, "rencana"):
            engine = "matplotlib" if kind in ("peta", "rencana") else "plotly + kaleido"
            for fmt_name in images.FORMATS:
                whole, alone = [], []
                for size in images.SIZES:
                    for _ in range(args.repeat):
                        whole.append(_seconds(lambda: download(kind, fmt_name, size)))
                        alone.append(_seconds(lambda: render(kind, fmt_name, size)))
                rows.append((kind, engine, fmt_name.upper(), statistics.median(whole), statistics.median(alone),
                             max(whole)))
                print(f"  {kind} {fmt_name}: {statistics.median(whole):.2f} s", file=sys.stderr)
        store.close()

    print(f"Median of {len(images.SIZES)} sizes × {args.repeat} renders, warm server, demo kabupaten "
          f"({len(desa)} desa):\n")
    print("| kind | drawn with | format | image as downloaded | rendering alone | slowest |")
    print("|---|---|---|---:|---:|---:|")
    for kind, engine, fmt_name, whole, alone, slowest in rows:
        print(f"| {kind} | {engine} | {fmt_name} | {whole:.2f} s | {alone:.2f} s | {slowest:.2f} s |")
    print(f"\n(total {time.perf_counter() - started:.0f} s; area {KAB}, data per {day})")


if __name__ == "__main__":
    main()
