"""Data page, boundaries tab: a file without Kemendagri codes (GADM: NAME_1 … NAME_3) is matched by
name to the official code table, reported feature by feature and stored; a feature left unmatched
gets a picker, and the file is stored once its area is picked. Kota Tangerang Selatan's kecamatan
(``tests/geo/tangsel_named.py``) uploaded into a copy of the demo store."""
from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from geo import auth
from geo.schema import Col
from geo.store import Store
from tests.geo import tangsel_named as tn
from tests.pages.test_data import PASSWORD, _app, _login

UNKNOWN = "Kecamatan Yang Tidak Ada"


def gadm_kecamatan(garble: str | None = None) -> bytes:
    """gadm41_IDN_3 as it lays out Tangerang Selatan: NAME_1 provinsi, NAME_2 kota, NAME_3 kecamatan;
    the kecamatan coded ``garble`` written as a name that matches nothing."""
    rows = [({"GID_0": "IDN", "NAME_1": "Banten", "NAME_2": "Tangerang Selatan", "TYPE_2": "Kota",
              "NAME_3": UNKNOWN if kode == garble else tn.written(nama), "TYPE_3": "Kecamatan"}, tn.column(kode))
            for kode, nama in tn.kecamatan().items()]
    return json.dumps(tn.feature_collection(rows)).encode("utf-8")


def _editor(demo_env) -> tuple[Store, AppTest]:
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    at = _login(_app(), "petugas1")
    return store, at


def _upload(at: AppTest, data: bytes) -> AppTest:
    up = next(u for u in at.file_uploader if u.label.startswith("Unggah batas wilayah"))
    return up.set_value(("gadm41_IDN_3.geojson", data, "application/geo+json")).run()


def _save(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.key == "simpan_batas").click().run()


def test_a_gadm_file_is_matched_by_name_and_stored(demo_env):
    store, at = _editor(demo_env)
    at = _upload(at, gadm_kecamatan())
    assert not at.exception and not at.error
    assert "GADM" in at.info[0].value and "7 fitur" in at.info[0].value
    assert any("nama: **7**" in m.value for m in at.markdown)  # every kecamatan by its exact name
    assert "7 Kecamatan" in next(c.value for c in at.caption if c.value.startswith("Akan disimpan"))
    save = next(b for b in at.button if b.key == "simpan_batas")
    assert not save.disabled
    at = _save(at)
    assert not at.exception and not at.error
    assert "Batas wilayah tersimpan" in at.success[0].value
    stored = store.areas(within=tn.TANGSEL, level="kecamatan")
    assert dict(zip(stored[Col.KODE], stored[Col.NAMA])) == tn.kecamatan()  # named as the code table names them


def test_an_unmatched_feature_gets_a_picker_and_is_stored_after_the_pick(demo_env):
    store, at = _editor(demo_env)
    kode = next(iter(tn.kecamatan()))
    at = _upload(at, gadm_kecamatan(garble=kode))
    assert not at.exception
    assert "1 fitur belum cocok" in at.warning[0].value
    assert next(b for b in at.button if b.key == "simpan_batas").disabled  # nothing stored with a feature unknown
    shown = next(d.value for d in at.dataframe if "Nama di berkas" in d.value.columns)
    assert list(shown["Nama di berkas"]) == [UNKNOWN] and list(shown["Cocok lewat"]) == ["tidak cocok"]
    picker = next(s for s in at.selectbox if s.label.startswith("Fitur 1 — "))
    assert f"{tn.kecamatan()[kode]} ({kode})" in picker.options  # the kota's kecamatan, by official name
    at = picker.set_value(kode).run()
    assert not at.exception and not at.warning
    assert any("dipilih manual: **1**" in m.value for m in at.markdown)
    at = _save(at)
    assert not at.exception and not at.error
    stored = store.areas(within=tn.TANGSEL, level="kecamatan")
    assert dict(zip(stored[Col.KODE], stored[Col.NAMA])) == tn.kecamatan()


def test_unmatched_features_can_be_skipped(demo_env):
    store, at = _editor(demo_env)
    kode = next(iter(tn.kecamatan()))
    at = _upload(at, gadm_kecamatan(garble=kode))
    at = next(c for c in at.checkbox if c.key == "batas_lewati").check().run()
    assert not next(b for b in at.button if b.key == "simpan_batas").disabled
    at = _save(at)
    assert not at.exception and not at.error
    stored = store.areas(within=tn.TANGSEL, level="kecamatan")
    assert set(stored[Col.KODE]) == set(tn.kecamatan()) - {kode}


def test_a_bad_file_says_why_in_indonesian(demo_env):
    _, at = _editor(demo_env)
    at = _upload(at, b"{ bukan geojson")
    assert not at.exception
    assert at.error and "tidak bisa dibaca" in at.error[0].value


def test_a_coded_file_is_stored_as_before(demo_env):
    """A file with Kemendagri codes needs no name matching: no feature report, its level from its codes."""
    store, at = _editor(demo_env)
    rows = [({"kode": kode, "nama": nama}, tn.column(kode)) for kode, nama in tn.kecamatan().items()]
    at = _upload(at, json.dumps(tn.feature_collection(rows)).encode("utf-8"))
    assert not at.exception and not at.error and not at.info
    assert "7 Kecamatan" in next(c.value for c in at.caption if c.value.startswith("Akan disimpan"))
    at = _save(at)
    assert not at.exception and "Batas wilayah tersimpan" in at.success[0].value
    stored = store.areas(within=tn.TANGSEL, level="kecamatan")
    assert dict(zip(stored[Col.KODE], stored[Col.NAMA])) == tn.kecamatan()
