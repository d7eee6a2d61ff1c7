"""The crews' sheets of a jemput bola plan (``geo.render.crew_sheet``): a page per unit holding the
plan's own visits, dates and expected numbers, why each site (once per stay), a box to write what
was recorded; long plans run over pages; names drawn as written; the CLI writes them."""
from __future__ import annotations

import dataclasses
import io
import re

from pypdf import PdfReader

from geo import cli, fmt
from geo import columns as C
from geo import plan as P
from geo.present.plan_explain import reason_text
from geo.render.crew_sheet import crew_pages, crew_sheets
from geo.render.pdf_page import pages_pdf
from geo.schema import Col
from geo.store import Store

START = "2026-12-07"
AREA = "Kabupaten Contoh Sejahtera"


def _plan(store: Store, units: int, days: int) -> P.Plan:
    return P.plan_visits(P.candidate_sites(store, "99.01"), units=units, capacity=35, days=days, response=0.5,
                         start=START, base=P.base_point(store, "99.01"))


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_page_per_unit_with_its_own_visits_dates_and_people(demo_store):
    plan = _plan(demo_store, 2, 10)
    pages = _pages(crew_sheets(plan, area_name=AREA, data_date="2026-11-30"))
    assert len(pages) == 2
    for unit, text in enumerate(pages, start=1):
        mine = plan.visits[plan.visits[C.UNIT] == unit]
        first, last = mine[Col.TANGGAL].min(), mine[Col.TANGGAL].max()
        assert text.startswith(f"Unit {unit} — jadwal jemput bola, {fmt.date_span(first, last)}")
        total = int(plan.totals.set_index(C.UNIT).at[unit, C.EXPECTED])
        assert f"perkiraan direkam {fmt.number(total)} orang" in text and f"{mine[C.DAY].nunique()} hari kerja" in text
        for row in mine.to_dict("records"):  # each visit: its day, date, site, kecamatan and people, in one line
            assert re.search(rf"{row[C.DAY]} {re.escape(fmt.long_date(row[Col.TANGGAL]))} {re.escape(row[Col.NAMA])} "
                             rf"{re.escape(row[C.KECAMATAN])} {row[C.EXPECTED]}\b", text), row
        elsewhere = set(plan.visits.loc[plan.visits[C.UNIT] != unit, Col.NAMA]) - set(mine[Col.NAMA])
        assert elsewhere and not [n for n in elsewhere if f" {n} " in text]  # another crew's sites are not here
        assert "Direkam*" in text and "Simpan & realisasi" in text  # the box, and where its figure goes
        assert "Sumber: Dinas Kependudukan dan Pencatatan Sipil, data per 30 November 2026" in text


def test_why_a_site_is_said_once_per_stay(demo_store):
    plan = _plan(demo_store, 2, 10)
    reasons = [reason_text(r) for r in P.visit_reasons(plan)]
    text = " ".join(_pages(crew_sheets(plan, area_name=AREA)))
    visits = plan.visits.assign(_why=reasons)
    stays = visits[visits[Col.KODE] != visits.groupby(C.UNIT)[Col.KODE].shift()]
    assert len(stays) < len(visits)  # the demo's sites take several days each
    said = [" ".join(why.split()[:10]) for why in stays["_why"]]
    for start in set(said):  # as often as stays begin with it, not once a day
        assert text.count(start) == said.count(start), start


def test_a_long_plan_runs_over_pages_each_visit_once(demo_store):
    plan = _plan(demo_store, 1, 30)
    pages = crew_pages(plan, area_name=AREA)
    texts = _pages(pages_pdf(pages))
    assert len(texts) > 1 and texts[1].startswith("Unit 1 — jadwal jemput bola (lanjutan)")
    joined = " ".join(texts)
    for day, when in plan.visits.drop_duplicates(C.DAY)[[C.DAY, Col.TANGGAL]].itertuples(index=False):
        assert len(re.findall(rf"(?<!\d){day} {re.escape(fmt.long_date(when))}", joined)) == (
            (plan.visits[C.DAY] == day).sum())


def test_names_are_drawn_as_written_and_english(demo_store):
    plan = _plan(demo_store, 1, 3)
    nasty = r"<b>Dusun</b> $\alpha$ & Co"
    plan = dataclasses.replace(plan, visits=plan.visits.assign(**{Col.NAMA: nasty}))
    text = " ".join(_pages(crew_sheets(plan, area_name=AREA, lang="en")))
    assert text.count(nasty) == len(plan.visits)
    assert text.startswith("Unit 1 — mobile recording schedule") and "Recorded*" in text


def test_the_cli_writes_the_sheets_and_refuses_a_missing_folder(demo_store, tmp_path, capsys):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "lembar.pdf"
    code = cli.main(["plan", "--within", "99.01", "--days", "3", "--start", START, "--db", url, "--sheets", str(out)])
    err = capsys.readouterr().err
    assert code == 0
    pages = _pages(out.read_bytes())
    assert f"Lembar kerja unit ditulis ke {out} ({len(pages)} halaman)." in err
    assert [p.split(" —")[0] for p in pages] == [f"Unit {u}" for u in range(1, len(pages) + 1)]
    code = cli.main(["plan", "--within", "99.01", "--days", "3", "--db", url, "--sheets", str(tmp_path / "x" / "y.pdf")])
    assert code == 1 and "folder" in capsys.readouterr().err and not (tmp_path / "x").exists()


def test_each_sheet_names_the_set_its_crew_takes_and_the_island_nights(demo_store):
    """Unit k takes the k-th working mobile set of the inventory (a crew could take "Unit 2" for the set
    under repair); a unit beyond them says none is listed; an island stay says the crew sleeps there and
    on which days it crosses (only the map's legend said so)."""
    from geo.capacity import mobile_units
    from geo.present.plan import crew_sets

    sets = crew_sets(mobile_units(demo_store, "99.01"))
    assert len(sets) == 2 and all("(LP" in s for s in sets)  # the third set is under repair: not offered
    plan = _plan(demo_store, 3, 10)
    pages = _pages(crew_sheets(plan, area_name=AREA, sets=sets))
    assert [p.split("Set perekam: ")[1].startswith(s) for p, s in zip(pages, sets)] == [True, True]
    assert "Set perekam: tidak ada set keliling yang berfungsi untuk unit ini di inventaris" in pages[2]
    trips = P.plan_trips(plan)
    island = trips[(trips[C.DARATAN] > 0) & (trips["hari_akhir"] > trips["hari_awal"])].iloc[0]
    first, last = int(island["hari_awal"]), int(island["hari_akhir"])
    assert (f"Menginap di pulau, hari {first}–{last}: menyeberang pada hari {first}, kembali pada hari {last}."
            in pages[int(island[C.UNIT]) - 1])
    assert "Set perekam" not in " ".join(_pages(crew_sheets(plan, area_name=AREA)))  # no inventory: not said
