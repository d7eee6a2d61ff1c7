"""Why each visit: a visit claims a zone step only as far as it makes it.

The step of a desa or kecamatan is completed by the visit at which the recordings expected so far
(the plan's visits in the order of date, unit and stop) lift its sudah to the zone's threshold of its
wajib; the visits before it help make it "bersama kunjungan berikutnya" (with the date that completes
it); the visits after it claim it no more. Checked on a one-desa plan worked out by hand and on the
demo, against an oracle written here from the data (wajib, sudah, thresholds), not the planner's code.
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

import pandas as pd
import pytest

from geo import columns as C
from geo import fmt
from geo import plan as P
from geo.coverage import coverage_table
from geo.present import plan_explain
from geo.schema import Col
from geo.store import Store

START = "2026-11-23"  # a Monday
ZONES = ("merah", "kuning", "hijau")


def _zone(sudah: int, wajib: int, zones: dict) -> int:
    """0 merah, 1 kuning, 2 hijau: 100 × sudah / wajib against the plan's thresholds (percent), exactly."""
    cover = Fraction(100 * int(sudah), int(wajib))
    return 2 if cover >= Fraction(str(zones["hijau"])) else 1 if cover >= Fraction(str(zones["kuning"])) else 0


def _oracle(plan: P.Plan, counts: dict[tuple[str, str], tuple[int, int]]) -> list[dict[str, tuple[str, str | None]]]:
    """Per row of plan.visits: {level: (zone, None)} when the visit lifts its area's zone (the highest
    reached), {level: (next zone, ISO date of the first later visit that lifts it)} when a later visit
    does, nothing once the area holds its final zone. ``counts``: (level, kode) → (wajib, sudah)."""
    v = plan.visits.reset_index(drop=True)
    order = v.sort_values([Col.TANGGAL, C.UNIT, C.URUTAN], kind="stable").index
    areas = {row: {"desa": v.at[row, C.KODE_DESA], "kecamatan": v.at[row, C.KODE_DESA].rsplit(".", 1)[0]}
             for row in v.index}
    out: list[dict] = [{} for _ in v.index]
    for level in ("desa", "kecamatan"):
        for kode in {a[level] for a in areas.values()}:
            if (level, kode) not in counts:
                continue
            wajib, sudah = counts[(level, kode)]
            walk, done = [], sudah  # (row, zone before, zone after) in the plan's order
            for row in (r for r in order if areas[r][level] == kode):
                before = _zone(done, wajib, plan.params["zones"])
                done += int(v.at[row, C.EXPECTED])
                walk.append((row, before, _zone(done, wajib, plan.params["zones"])))
            final = walk[-1][2]
            for k, (row, before, after) in enumerate(walk):
                if after > before:
                    out[row][level] = (ZONES[after], None)
                elif after < final:
                    lifts = next(r for r, b, a in walk[k + 1:] if a > after)
                    out[row][level] = (ZONES[after + 1], v.at[lifts, Col.TANGGAL])
    return out


def _said(reasons: list[dict]) -> list[dict[str, tuple[str, str | None]]]:
    """Per visit {level: (zone, completed on)} of its ``langkah`` (a step without a date: completed)."""
    return [{step[0]: (step[2], step[3] if len(step) > 3 else None) for step in r["langkah"]} for r in reasons]


# --- one desa, worked out by hand -------------------------------------------------------------------
def _one_desa() -> pd.DataFrame:
    """Desa Satu: 800 of 1,000 (80%, merah), 200 left; its kecamatan 4,230 of 5,000 (84.6%, merah)."""
    return pd.DataFrame([{Col.KODE: "99.01.01.2001", Col.NAMA: "Desa Satu", C.JENIS: "desa", C.KODE_DESA: "99.01.01.2001",
                          C.KECAMATAN: "Kec Satu", Col.BELUM: 200, Col.WAJIB: 1000, Col.SUDAH: 800, Col.ZONA: "merah",
                          C.WAJIB_DESA: 1000, C.SUDAH_DESA: 800, C.KODE_KEC: "99.01.01", C.ZONA_KEC: "merah",
                          C.WAJIB_KEC: 5000, C.SUDAH_KEC: 4230, C.JAM_TEMPUH: 0.2, C.JAM_AKSES: 1.2}])


def test_each_visit_of_one_desa_claims_only_the_step_it_completes():
    plan = P.plan_visits(_one_desa(), units=1, capacity=40, days=4, response=0.5, start=START,
                         objective="terbanyak", max_stops=1)
    # each visit records min(40, ⌊0.5 × left⌋) of the 200 left: 40 every day
    left, yields = 200, []
    for _ in range(4):
        yields.append(min(40, math.floor(0.5 * left)))
        left -= yields[-1]
    assert list(plan.visits[C.EXPECTED]) == yields == [40, 40, 40, 40]
    days = list(plan.visits[Col.TANGGAL])
    assert days == ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]
    kuning, hijau = (Fraction(str(plan.params["zones"][z])) / 100 for z in ("kuning", "hijau"))
    desa = [800 + sum(yields[:k + 1]) for k in range(4)]  # the desa's sudah after each visit
    kec = [4230 + sum(yields[:k + 1]) for k in range(4)]
    to_kuning = next(k for k, s in enumerate(desa) if s >= kuning * 1000)
    to_hijau = next(k for k, s in enumerate(desa) if s >= hijau * 1000)
    kec_kuning = next(k for k, s in enumerate(kec) if s >= kuning * 5000)
    assert (to_kuning, to_hijau, kec_kuning) == (1, 2, 0) and kec[-1] < hijau * 5000
    said = _said(P.visit_reasons(plan))
    assert said == [
        {"desa": ("kuning", days[to_kuning]), "kecamatan": ("kuning", None)},  # 840: kuning only with day 2
        {"desa": ("kuning", None)},  # 880 ≥ 850
        {"desa": ("hijau", None)},  # 920 ≥ 920
        {},  # already hijau: nothing left to claim
    ]
    assert said == _oracle(plan, {("desa", "99.01.01.2001"): (1000, 800), ("kecamatan", "99.01.01"): (5000, 4230)})
    texts = plan_explain.visits_view(plan)["Alasan"].tolist()
    assert texts[0].startswith("desa Desa Satu → kuning bersama kunjungan berikutnya (24 November 2026); "
                               "Kec. Kec Satu → kuning; ")
    assert texts[1].startswith("desa Desa Satu → kuning; ") and texts[2].startswith("desa Desa Satu → hijau; ")
    assert "→" not in texts[3]
    english = plan_explain.reason_text(P.visit_reasons(plan)[0], "en")
    assert english.startswith("village Desa Satu → yellow together with the later visits (24 November 2026); "
                              "district Kec Satu → yellow; ")
    # one line per stay with one reason: day 1 helps, day 2 completes kuning, day 3 hijau, day 4 nothing
    assert [when for when, _, _ in plan_explain.reason_lines(plan)] == [
        "Unit 1, hari 1 (23 November 2026)", "Unit 1, hari 2 (24 November 2026)",
        "Unit 1, hari 3 (25 November 2026)", "Unit 1, hari 4 (26 November 2026)"]


def test_the_first_week_says_a_stay_that_only_helps_so():
    """780 of 960 (81.25%, merah), 60 left: kuning at 85% needs 36 more; day 1 records 30 (not yet), day 2
    15 more (done). A week holding both days says "→ kuning"; a first "week" of one day says the step
    comes with the later visit, and when."""
    sites = _one_desa().assign(**{Col.BELUM: 60, Col.WAJIB: 960, Col.SUDAH: 780, C.WAJIB_DESA: 960,
                                  C.SUDAH_DESA: 780})
    plan = P.plan_visits(sites, units=1, capacity=40, days=2, response=0.5, start=START, objective="terbanyak")
    threshold = Fraction(str(plan.params["zones"]["kuning"])) / 100 * 960
    yields = [math.floor(0.5 * 60), math.floor(0.5 * 30)]
    assert list(plan.visits[C.EXPECTED]) == yields and 780 + yields[0] < threshold <= 780 + sum(yields)
    said = _said(P.visit_reasons(plan))
    assert said == [{"desa": ("kuning", "2026-11-24"), "kecamatan": ("kuning", None)}, {"desa": ("kuning", None)}]
    now = fmt.percent(100 * 780 / 960, 1)
    week = plan_explain.first_week(plan)[1][0][1]
    assert f"orang: merah {now} → kuning, 60 belum rekam; kecamatannya → kuning; " in week
    day_one = plan_explain.first_week(plan, days=1)[1][0][1]
    assert (f"orang: merah {now} → kuning bersama kunjungan berikutnya (24 November 2026), 60 belum rekam; "
            "kecamatannya → kuning; ") in day_one
    english = plan_explain.first_week(plan, "en", days=1)[1][0][1]
    assert "→ yellow together with the later visits (24 November 2026), 60 not recorded" in english


# --- the demo, with the page's defaults -----------------------------------------------------------
@pytest.fixture(scope="module")
def demo_plan(tmp_path_factory):
    from geo.ingest.demo import load_demo

    store = Store.open(f"sqlite:///{tmp_path_factory.mktemp('reasons') / 'demo.sqlite'}")
    load_demo(store)
    sites = P.candidate_sites(store, "99.01")
    plan = P.plan_visits(sites, units=3, capacity=40, days=10, response=0.5, start=START,
                         base=P.base_point(store, "99.01"))
    day = store.snapshot_dates("99.01")[-1]
    counts = {}
    for level in ("desa", "kecamatan"):
        table = coverage_table(store, level, within="99.01", date=day)
        table = table[table[Col.WAJIB].notna() & table[Col.SUDAH].notna() & (table[Col.WAJIB] > 0)]
        counts.update({(level, k): (int(w), int(s)) for k, w, s in zip(table[Col.KODE], table[Col.WAJIB],
                                                                       table[Col.SUDAH])})
    yield plan, counts
    store.close()


def _first_reaching(visits: pd.DataFrame, sudah: int, threshold: Fraction):
    """The row of the first visit (in the plan's order) at which sudah plus the visits so far reach
    ``threshold``; None if they never do."""
    ordered = visits.sort_values([Col.TANGGAL, C.UNIT, C.URUTAN], kind="stable")
    reached = ordered.index[((sudah + ordered[C.EXPECTED].cumsum()) >= threshold).to_numpy()]
    return reached[0] if len(reached) else None


def test_demo_visits_claim_the_steps_their_recordings_complete(demo_plan):
    plan, counts = demo_plan
    said, truth = _said(P.visit_reasons(plan)), _oracle(plan, counts)
    assert said == truth
    assert any(on is not None for s in said for _, on in s.values())  # visits that only help
    v = plan.visits.reset_index(drop=True)
    steps = 0
    for kode in sorted(set(v[C.KODE_DESA])):
        if ("desa", kode) not in counts:
            continue
        wajib, sudah = counts[("desa", kode)]
        mine = v[v[C.KODE_DESA] == kode].sort_values([Col.TANGGAL, C.UNIT, C.URUTAN], kind="stable")
        for zone in ("kuning", "hijau"):
            threshold = Fraction(str(plan.params["zones"][zone])) / 100 * wajib
            first = _first_reaching(mine, sudah, threshold)
            if sudah >= threshold or first is None:
                continue
            steps += 1
            to, on = said[first]["desa"]  # completed here (hijau too, if this visit reaches both)
            assert on is None and ZONES.index(to) >= ZONES.index(zone)
            for row in mine.index[:list(mine.index).index(first)]:  # the visits before only help
                assert said[row]["desa"] != (zone, None)
                if said[row]["desa"][0] == zone:
                    assert said[row]["desa"][1] == v.at[first, Col.TANGGAL]
    assert steps == sum(1 for s in plan.reached if s.level == "desa") > 0


_CLAIM = re.compile(r"% → (\w+)(?: bersama kunjungan berikutnya \(([^)]*)\))?, ")
_KEC_CLAIM = re.compile(r"kecamatannya → (\w+)(?: bersama kunjungan berikutnya \(([^)]*)\))?(?:;|$)")


def test_demo_first_week_claims_are_true(demo_plan):
    """Each place of the first week: "→ zone" holds by the end of its visits that week; "→ zone bersama
    kunjungan berikutnya (date)" does not yet, and the date is that of the visit that makes it."""
    plan, counts = demo_plan
    v = plan.visits.reset_index(drop=True)
    v = v.assign(**{C.KODE_KEC: [k.rsplit(".", 1)[0] for k in v[C.KODE_DESA]]})
    ordered = v.sort_values([Col.TANGGAL, C.UNIT, C.URUTAN], kind="stable")
    rank = {row: k for k, row in enumerate(ordered.index)}
    day = pd.to_datetime(ordered[Col.TANGGAL])
    week = ordered[(day < day.min() + pd.Timedelta(days=7)).to_numpy()]
    _, places = plan_explain.first_week(plan, shown=1000)
    assert [n for n, _ in places] == [s[Col.NAMA].iloc[0] for _, s in week.groupby(Col.KODE, sort=False)]
    said = {"done": 0, "later": 0}
    for (_, line), (_, stops) in zip(places, week.groupby(Col.KODE, sort=False)):
        last = rank[stops.index[-1]]
        for level, code_col, pattern in (("desa", C.KODE_DESA, _CLAIM), ("kecamatan", C.KODE_KEC, _KEC_CLAIM)):
            claim = pattern.search(line)
            if not claim:
                continue
            wajib, sudah = counts[(level, stops[code_col].iloc[0])]
            threshold = Fraction(str(plan.params["zones"][claim.group(1)])) / 100 * wajib
            first = _first_reaching(v[v[code_col] == stops[code_col].iloc[0]], sudah, threshold)
            assert first is not None
            if claim.group(2) is None:
                assert rank[first] <= last
                said["done"] += 1
            else:
                assert rank[first] > last and claim.group(2) == fmt.long_date(v.at[first, Col.TANGGAL])
                said["later"] += 1
    assert said["done"] and said["later"]  # the demo's first week has both (as Sungai Jaya, 7 Desember)
