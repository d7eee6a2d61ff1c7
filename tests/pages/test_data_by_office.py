"""The Data page for an office's editor: limited to their area, opened on it, refused elsewhere.

The demo store holds kabupaten 99.01; a second kabupaten 99.02 is added here so that an editor
of one is an outsider to the other.
"""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import box
from streamlit.testing.v1 import AppTest

from geo import auth
from geo.config import load_settings
from geo.schema import Col
from geo.store import Store
from ui.context import home_area

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
SITES = "id;nama;jenis;kode_wilayah;lat;lon\nLPX1;Kantor Uji;kecamatan;{kode};-9,21;121,05\n"


def _second_kabupaten(store: Store) -> None:
    rows = [("99.02", "Kabupaten Tetangga", "kabupaten", "99", "kabupaten", box(122, -10, 123, -9)),
            ("99.02.01", "Kec Tetangga", "kecamatan", "99.02", "kecamatan", box(122, -10, 123, -9)),
            ("99.02.01.2001", "Desa Tetangga", "desa", "99.02.01", "desa", box(122, -10, 123, -9))]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    store.add_areas(gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326"))


def _login(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120).run()
    at.sidebar.text_input[0].input(name)
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run()


def test_home_area_opens_the_users_own_area():
    codes = ["36.01", "36.02", "36.03", "99.01"]
    assert home_area("36.02", "36.01", codes) == "36.02"
    assert home_area("36.02.05", "99.01", codes) == "36.02"  # a kecamatan editor: its kabupaten
    assert home_area("36", "36.03", codes) == "36.03"  # already inside the province: stays
    assert home_area("36", "99.01", codes) == "36.01"  # a provinsi not offered: its first kabupaten
    assert home_area(None, "99.01", codes) == "99.01"  # no area: the page's choice stays
    assert home_area("51.01", "36.01", codes) == "36.01"  # an area the store does not hold yet
    offered = ["ID", "36", "36.01", "36.02", "51", "51.01", "51.02"]  # the pickers of a national store
    assert home_area("36", "ID", offered) == "36"  # a provinsi officer opens on the provinsi's ranking
    assert home_area("51.02", "36", offered) == "51.02"  # an office editor on its kabupaten
    assert home_area("36.02", "36", offered) == "36.02"  # even from its own provinsi's view
    assert home_area("51.02.03", "ID", offered) == "51.02"


def test_an_editor_opens_on_their_kabupaten_and_is_refused_the_other(demo_env):
    store = Store.open(demo_env)
    _second_kabupaten(store)
    auth.add_user(store, "kantor.tetangga", PASSWORD, "editor", wilayah="99.02", settings=load_settings())
    demo_desa = store.areas(within="99.01", level="desa")[Col.KODE].iloc[0]
    versions, sites = len(store.history()), store.points("lokasi")

    at = _login("kantor.tetangga")
    assert not at.exception
    assert at.session_state["area"] == "99.02"  # the demo's 99.01 comes first; the editor's own opens
    assert "Wilayah Anda: Kabupaten Tetangga (99.02)" in [c.value for c in at.sidebar.caption]

    next(r for r in at.radio if r.label == "Jenis berkas").set_value("lokasi")
    upload = next(u for u in at.file_uploader if u.label == "Unggah berkas (CSV atau XLSX)")
    at = upload.set_value(("lokasi.csv", SITES.format(kode=demo_desa).encode(), "text/csv")).run()
    at = next(b for b in at.button if b.key == "simpan_titik").click().run()
    assert not at.exception and not at.success
    assert len(at.error) == 1
    refusal = at.error[0].value
    assert refusal.startswith("Ditolak: Anda hanya boleh mengubah data wilayah Kabupaten Tetangga (99.02)")
    assert demo_desa in refusal and "Tidak ada yang disimpan" in refusal
    assert len(store.history()) == versions and store.points("lokasi").equals(sites)

    # a demo version (99.01's) cannot be rolled back by 99.02's office either
    demo_version = int(store.history().query("kind == 'enrollment'")["id"].iloc[0])
    next(s for s in at.selectbox if s.label == "Versi yang dibatalkan").set_value(demo_version).run()
    next(c for c in at.checkbox if c.label.startswith("Saya yakin")).check().run()
    at = next(b for b in at.button if b.label == "Batalkan versi").click().run()
    assert not at.exception and not at.success
    assert at.error[0].value.startswith(f"Ditolak: versi {demo_version} berisi data")
    assert bool(store.history().set_index("id").loc[demo_version, "active"])


def test_an_admin_gives_a_new_account_its_area(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "kadis", PASSWORD, "admin", settings=load_settings())
    at = _login("kadis")
    next(t for t in at.text_input if t.label == "Nama pengguna" and t not in at.sidebar.text_input).input("kantor1")
    next(t for t in at.text_input if t.label.startswith("Wilayah")).input("9901")
    next(s for s in at.selectbox if s.label == "Peran").set_value("editor")
    next(t for t in at.text_input if t.label == "Kata sandi" and t not in at.sidebar.text_input).input(PASSWORD)
    at = next(b for b in at.button if b.label == "Tambah pengguna").click().run()
    assert not at.exception and not at.error
    users = auth.list_users(store).set_index("username")
    assert (users.loc["kantor1", "role"], users.loc["kantor1", "wilayah"]) == ("editor", "99.01")
