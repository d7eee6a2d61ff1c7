"""Many offices, one store: editors limited to their area (``users.wilayah``), on SQLite and PostgreSQL.

Two kabupaten share one store: the tiny kabupaten 99.01 (tests/geo/tiny_kabupaten.py) and a
one-desa kabupaten 99.02 with its own recording site S9. An editor of 99.01 is refused every
write that touches 99.02 (or the province above), with the store left as it was; the same
write inside 99.01 goes through.
"""
from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timezone

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from sqlalchemy import text

import geo.cli
from geo import auth, events, ingest
from geo import plan as planner
from geo.columns import ACTUAL, DAY, UNIT
from geo.config import Settings
from geo.ingest.rights import OutsideArea, clean_area, may_write, version_codes
from geo.ingest.targets import save_targets
from geo.io.targets import COLUMNS as TARGET_COLUMNS
from geo.schema import Col, RekamError, ZoneConfig
from geo.store import Store
from geo.text import describe
from tests.geo.tiny_kabupaten import tiny_store, write_file

SETTINGS = Settings(zones=ZoneConfig(), bcrypt_rounds=4)
PW = "sandi-rahasia-2026"
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
OWN, OTHER = "99.01", "99.02"
OTHER_DESA = "99.02.01.2001"


def _other_kabupaten() -> gpd.GeoDataFrame:
    rows = [(OTHER, "Kabupaten Lain", "kabupaten", "99", "kabupaten", box(3, 0, 4, 1)),
            ("99.02.01", "Kec Lain", "kecamatan", OTHER, "kecamatan", box(3, 0, 4, 1)),
            (OTHER_DESA, "Desa Lain", "desa", "99.02.01", "desa", box(3, 0, 4, 1))]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


@pytest.fixture
def two(store_url, tmp_path):
    """The tiny kabupaten, its inventory, and kabupaten 99.02 with site S9 (each its own version)."""
    from tests.geo.tiny_kabupaten import INVENTORY

    s = tiny_store(store_url)
    s.add_areas(_other_kabupaten())
    s.add_points(pd.DataFrame([{"id": "S9", Col.NAMA: "Kantor Lain", Col.KODE: OTHER_DESA, "lat": 0.5, "lon": 3.5,
                                "atribut": {"jenis": "kecamatan"}}]), kind="lokasi")
    ingest.import_inventory(s, write_file(tmp_path, "perangkat.csv", INVENTORY), "admin")
    yield s
    s.close()


def _state(store: Store):
    """What a refused write must leave unchanged: the version stamp and the number of versions."""
    return store.stamp(), len(store.history())


def _refused_outside(store: Store, call, *args, key="di_luar_wilayah_pengguna", **kwargs) -> str:
    before = _state(store)
    with pytest.raises(OutsideArea) as err:
        call(*args, **kwargs)
    assert err.value.key == key
    assert _state(store) == before
    return describe(err.value)


# --- the rule ----------------------------------------------------------------------------------
@pytest.mark.parametrize("area, kode, ok", [
    (None, "99.02.01.2001", True),  # no area: everywhere
    ("99.01", "99.01", True),
    ("99.01", "99.01.03.2001", True),
    ("99.01", "99.02.01", False),  # beside
    ("99.01", "99", False),  # above: the province is not the kabupaten's
    ("99.01", "99.011", False),  # a code merely starting alike
    ("99", "99.02.01.2001", True),  # a province editor
    ("99.01.03", "99.01.02.2001", False),  # a kecamatan editor
    ("99.01", None, False),  # a row without a code
])
def test_may_write(area, kode, ok):
    assert may_write(area, kode) is ok


def test_an_area_is_a_kemendagri_code_however_written():
    assert clean_area("3601") == "36.01" and clean_area(" 36.01.05 ") == "36.01.05"
    assert clean_area("") is None and clean_area(None) is None
    with pytest.raises(RekamError) as err:
        clean_area("Kabupaten Lebak")
    assert err.value.key == "wilayah_tidak_sah"


# --- accounts ----------------------------------------------------------------------------------
def test_an_account_carries_its_area_into_the_session_and_a_change_applies_at_once(store_url):
    store = Store.open(store_url)
    auth.add_user(store, "budi", PW, "editor", wilayah="3601", actor="admin1", settings=SETTINGS)
    auth.add_user(store, "sari", PW, "editor", settings=SETTINGS)
    users = auth.list_users(store).set_index("username")
    assert users.loc["budi", "wilayah"] == "36.01" and pd.isna(users.loc["sari", "wilayah"])
    session = auth.authenticate(store, "budi", PW, now=T0, settings=SETTINGS)
    assert session.wilayah == "36.01"
    assert auth.authenticate(store, "sari", PW, now=T0, settings=SETTINGS).wilayah is None

    assert auth.set_area(store, "budi", "36.02", actor="admin1") == "36.02"
    assert auth.require(session, "editor", store=store, now=T0).wilayah == "36.02"  # read again, not at login
    assert auth.require(session, "editor", now=T0).wilayah == "36.01"  # without the store: as at login
    assert auth.set_area(store, "budi", "") is None
    assert auth.require(session, "editor", store=store, now=T0).wilayah is None

    log = auth.audit_log(store)
    area_changes = log[log["action"] == "user_area"]
    assert [json.loads(d)["wilayah"] for d in area_changes["detail"]] == [None, "36.02"]
    assert json.loads(log[log["action"] == "user_add"]["detail"].iloc[-1])["wilayah"] == "36.01"
    with pytest.raises(auth.AuthError) as err:
        auth.set_area(store, "budi", "bukan kode")
    assert err.value.key == "wilayah_tidak_sah"
    with pytest.raises(auth.AuthError) as err:
        auth.set_area(store, "tidakada", "36.01")
    assert err.value.key == "pengguna_tidak_ada"
    store.close()


def test_an_older_store_gets_the_area_column_and_keeps_its_accounts(store_url):
    store = Store.open(store_url)
    auth.add_user(store, "budi", PW, "editor", settings=SETTINGS)
    with store.engine.begin() as conn:
        conn.execute(text('ALTER TABLE users DROP COLUMN "wilayah"'))
    store.close()
    store = Store.open(store_url)  # the upgrade on open
    assert pd.isna(auth.list_users(store).loc[0, "wilayah"])
    assert auth.authenticate(store, "budi", PW, now=T0, settings=SETTINGS).wilayah is None
    auth.set_area(store, "budi", "99.01")
    assert auth.authenticate(store, "budi", PW, now=T0, settings=SETTINGS).wilayah == "99.01"
    store.close()


# --- every write path --------------------------------------------------------------------------
def _enrollment_csv(tmp_path, rows: list[tuple[str, str, int, int]], name="rekap.csv"):
    body = "kode,nama,wajib_ktp,sudah_rekam\n" + "".join(f"{k},{n},{w},{s}\n" for k, n, w, s in rows)
    return write_file(tmp_path, name, body)


def test_enrollment_of_another_kabupaten_is_refused_at_prepare_and_at_commit(two, tmp_path):
    mixed = _enrollment_csv(tmp_path, [("99.01.01.2001", "Desa A1", 1200, 800), (OTHER_DESA, "Desa Lain", 900, 450)])
    message = _refused_outside(two, ingest.prepare_enrollment, two, mixed, level="desa", writer_area=OWN)
    assert "Kabupaten Uji (99.01)" in message and OTHER_DESA in message and "Tidak ada yang disimpan" in message
    # on the editor's own kabupaten the other's row is not joined at all, and still named as outside
    assert OTHER_DESA in _refused_outside(two, ingest.prepare_enrollment, two, mixed, level="desa", within=OWN,
                                          writer_area=OWN)
    # a province editor on 99.01 keeps the join's own answer: the row is not used (another kabupaten)
    on_own = ingest.prepare_enrollment(two, mixed, level="desa", within=OWN, writer_area="99")
    assert list(on_own.unmatched["kode_file"]) == [OTHER_DESA]
    # prepared by someone without a limit, committed by the 99.01 editor: refused too
    prepared = ingest.prepare_enrollment(two, mixed, level="desa")
    _refused_outside(two, ingest.commit_enrollment, two, prepared, tanggal="2026-01-12", writer_area=OWN)
    # the editor's own rows go in; a province editor may write both kabupaten
    own = _enrollment_csv(tmp_path, [("99.01.01.2001", "Desa A1", 1200, 800)], name="own.csv")
    version = ingest.commit_enrollment(two, ingest.prepare_enrollment(two, own, level="desa", writer_area=OWN),
                                       tanggal="2026-01-12", writer_area=OWN)
    assert two.history().iloc[0]["id"] == version
    assert ingest.commit_enrollment(two, prepared, tanggal="2026-01-12", writer_area="99") > version


def test_boundaries_of_another_kabupaten_are_refused(two, tmp_path):
    feature = {"type": "Feature", "properties": {"kode": "99.02.01.2002", "nama": "Desa Baru"},
               "geometry": {"type": "Polygon", "coordinates": [[[3, 0], [3.5, 0], [3.5, 1], [3, 1], [3, 0]]]}}
    path = write_file(tmp_path, "batas.geojson", json.dumps({"type": "FeatureCollection", "features": [feature]}))
    message = _refused_outside(two, ingest.import_boundaries, two, path, level="desa", writer_area=OWN)
    assert "99.02.01.2002" in message
    assert "99.02.01.2002" not in set(two.areas()[Col.KODE])
    assert ingest.import_boundaries(two, path, level="desa", writer_area=OTHER).version_id > 0


def test_points_outside_or_replacing_a_point_outside_are_refused(two, tmp_path):
    header = "id,nama,jenis,kode_wilayah,lat,lon\n"
    other = write_file(tmp_path, "lokasi.csv", header + f"S10,Kantor Baru,kecamatan,{OTHER_DESA},0.5,3.5\n")
    _refused_outside(two, ingest.import_points, two, other, kind="lokasi", writer_area=OWN)
    # S1 stands in 99.01: an office of 99.02 reusing the id would move it into its own area
    taken = write_file(tmp_path, "lokasi2.csv", header + f"S1,Kantor Kami,kecamatan,{OTHER_DESA},0.5,3.5\n")
    assert "99.01.01.2001" in _refused_outside(two, ingest.import_points, two, taken, kind="lokasi",
                                               writer_area=OTHER)
    assert two.points("lokasi").set_index("id").loc["S1", Col.KODE] == "99.01.01.2001"
    version, n = ingest.import_points(two, other, kind="lokasi", writer_area=OTHER)
    assert n == 1 and "S10" in set(two.points("lokasi", within=OTHER)["id"])


def test_inventory_and_blank_stock_of_another_kabupaten_are_refused(two, tmp_path):
    header = "lokasi_id,alat_id,jenis,tanggal_mulai,status,operator,koneksi,keterangan\n"
    at_s9 = write_file(tmp_path, "inv.csv", header + "S9,S9-A1,statis,2026-01-01,aktif,,,\n")
    _refused_outside(two, ingest.import_inventory, two, at_s9, "budi", writer_area=OWN)
    # a device of 99.01 (S1-A1) booked at 99.02's site by 99.02's office
    moved = write_file(tmp_path, "inv2.csv", header + "S9,S1-A1,,2026-02-01,aktif,,,dipinjam\n")
    _refused_outside(two, ingest.import_inventory, two, moved, "sari", writer_area=OTHER)
    assert ingest.import_inventory(two, at_s9, "sari", writer_area=OTHER).rows == 1

    blanks = "tanggal;kode;diterima;dipakai;keterangan\n2026-01-05;{kode};100;0;\n"
    other = write_file(tmp_path, "blangko.csv", blanks.format(kode="99.02.01"))
    _refused_outside(two, ingest.import_blank_stock, two, other, "budi", writer_area=OWN)
    own = write_file(tmp_path, "blangko2.csv", blanks.format(kode="99.01.02"))
    assert ingest.import_blank_stock(two, own, "budi", writer_area=OWN).rows == 1


def test_events_and_targets_outside_are_refused(two, tmp_path):
    header = "tanggal_mulai,tanggal_selesai,kode,jenis,keterangan\n"
    path = write_file(tmp_path, "peristiwa.csv", header + "2026-01-05,,99.02.01,alat_rusak,\n")
    _refused_outside(two, ingest.import_events, two, path, "budi", writer_area=OWN)
    _refused_outside(two, events.add_event, two, "99.02", "alat_rusak", "2026-01-05", None, "", "budi",
                     writer_area=OWN)
    assert events.add_event(two, "9901", "alat_rusak", "2026-01-05", None, "", "budi", writer_area=OWN) > 0

    frame = pd.DataFrame([{Col.KODE: "99.02", "tahun": 2026, "bulan": 0, "target_persen": 95.0,
                           "target_rekam": None, "keterangan": None}], columns=TARGET_COLUMNS)
    _refused_outside(two, save_targets, two, frame, user="budi", writer_area=OWN)
    assert save_targets(two, frame, user="sari", writer_area=OTHER) > 0


def test_rollback_of_a_version_holding_other_areas_is_refused(two):
    history = two.history().set_index("id")
    other_areas = int(history.index[(history["kind"] == "boundaries")].max())  # 99.02's boundaries
    assert version_codes(two, other_areas) == {OTHER, "99.02.01", OTHER_DESA}
    message = _refused_outside(two, ingest.rollback, two, other_areas, user="budi", writer_area=OWN,
                               key="versi_di_luar_wilayah")
    assert f"versi {other_areas}" in message and OTHER in message
    inventory = int(history.index[history["kind"] == "inventaris"][0])
    assert version_codes(two, inventory) == {"99.01.01.2001", "99.01.01.1002", "99.01.02.2001", "99.01.03.2001"}
    assert ingest.rollback(two, inventory, user="budi", writer_area=OWN)["id"] == inventory  # all its sites are 99.01's
    assert not two.history().set_index("id").loc[inventory, "active"]
    assert ingest.rollback(two, other_areas, user="sari", writer_area=OTHER)["id"] == other_areas


def test_plans_of_another_kabupaten_are_neither_saved_nor_overwritten_nor_reported(two):
    plan = planner.plan_visits(planner.candidate_sites(two, OWN), units=1, days=1, start="2026-01-12")
    _refused_outside(two, planner.save_plan, two, plan, "Rencana Lain", within=OTHER, writer_area=OWN)
    planner.save_plan(two, plan, "Rencana Januari", within=OWN, user="budi", writer_area=OWN)
    with pytest.raises(OutsideArea):  # 99.02's office may not replace 99.01's plan of the same name
        planner.save_plan(two, plan, "Rencana Januari", within=OTHER, overwrite=True, writer_area=OTHER)
    first = plan.visits.iloc[0]
    actual = pd.DataFrame({UNIT: [first[UNIT]], DAY: [first[DAY]], ACTUAL: [30]})
    with pytest.raises(OutsideArea):
        planner.record_actuals(two, "Rencana Januari", actual, writer_area=OTHER)
    assert planner.record_actuals(two, "Rencana Januari", actual, writer_area=OWN) == 1


# --- the CLI -----------------------------------------------------------------------------------
@pytest.fixture
def cli(monkeypatch, store_url, capsys):
    monkeypatch.setenv("REKAM_BCRYPT_ROUNDS", "4")

    def run(*argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = geo.cli.main([*argv, "--db", store_url])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_cli_adds_an_editor_for_one_kabupaten_and_changes_the_area(cli, store_url):
    code, out, _ = cli("user", "add", "kantor.lebak", "--role", "editor", "--within", "3602", "--password-stdin",
                       stdin=PW + "\n")
    assert (code, out) == (0, "Pengguna 'kantor.lebak' ditambahkan dengan peran editor, terbatas pada wilayah "
                              "36.02.\n")
    listed = json.loads(cli("user", "list", "--format", "json")[1])
    assert [(u["username"], u["wilayah"]) for u in listed] == [("kantor.lebak", "36.02")]
    assert cli("user", "area", "kantor.lebak", "36")[:2] == (0, "Wilayah 'kantor.lebak' sekarang 36.\n")
    assert cli("user", "area", "kantor.lebak", "--everywhere")[:2] == (
        0, "Wilayah 'kantor.lebak' sekarang semua wilayah.\n")
    assert json.loads(cli("user", "list", "--format", "json")[1])[0]["wilayah"] is None

    code, out, err = cli("user", "add", "kantor.x", "--within", "Lebak", "--password-stdin", stdin=PW + "\n")
    assert code == 1 and out == "" and "Wilayah 'Lebak' bukan kode Kemendagri" in err
    code, _, err = cli("user", "area", "tidakada", "36.01")
    assert code == 1 and "Pengguna 'tidakada' tidak ada." in err
    store = Store.open(store_url)
    assert list(auth.list_users(store)["username"]) == ["kantor.lebak"]
    store.close()
