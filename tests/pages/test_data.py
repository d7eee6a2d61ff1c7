"""Data page: viewers are kept out; editors log in, see versions, roll back, download templates; the data's
date comes from the file or is picked, never silently today; workbooks read sheet by sheet."""
from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from streamlit.testing.v1 import AppTest

from geo import auth
from geo.coverage import area_totals
from geo.config import load_settings
from geo.schema import Col
from geo.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120).run()


def _login(at: AppTest, name: str) -> AppTest:
    at.sidebar.text_input[0].input(name)
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run()


def test_viewer_sees_no_upload(demo_env):
    at = _app()
    assert not at.exception
    assert "Masuk di panel samping" in at.info[-1].value
    assert len(at.tabs) == 0


def test_wrong_password_is_refused(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at = _app()
    at.sidebar.text_input[0].input("petugas1")
    at.sidebar.text_input[1].input("salah-salah-salah")
    at = at.sidebar.button[0].click().run()
    assert at.sidebar.error and len(at.tabs) == 0


def test_editor_rolls_back_a_version_and_figures_change(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    before = area_totals(store, kab)
    at = _login(_app(), "petugas1")
    assert not at.exception
    tab_labels = [t.label for t in at.tabs]
    assert tab_labels == ["Data perekaman", "Batas wilayah", "Titik & berkas lain", "Target & peringatan",
                          "Riwayat versi", "Templat"]
    history = at.tabs[4].dataframe[0].value
    assert len(history) == len(store.history())
    enrollment_version = int(store.history().query("kind == 'enrollment'")["id"].iloc[0])
    box = next(s for s in at.selectbox if s.label == "Versi yang dibatalkan")
    box.set_value(enrollment_version).run()
    next(c for c in at.checkbox if c.label.startswith("Saya yakin")).check().run()
    next(b for b in at.button if b.label == "Batalkan versi").click().run()
    assert not at.exception
    assert at.success and f"Versi {enrollment_version} dibatalkan" in at.success[0].value
    after = area_totals(store, kab)
    assert before[Col.WAJIB] is not None and after[Col.WAJIB] is None  # the only figures were rolled back


def test_templates_carry_the_area_codes(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor", settings=load_settings())
    at = _login(_app(), "petugas1")
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    desa = store.areas(within=kab, level="desa")
    buttons = [b for b in at.get("download_button")]
    assert len(buttons) == 2
    shown = at.tabs[5].dataframe[0].value  # the Templat tab
    assert list(shown[Col.KODE]) == list(desa[Col.KODE][:10])


def test_admin_sees_users_tab(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "kadis", PASSWORD, "admin", settings=load_settings())
    at = _login(_app(), "kadis")
    assert [t.label for t in at.tabs][-1] == "Pengguna"


def test_sso_offers_one_button_per_configured_provider(demo_env):
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120)
    provider = {"client_id": "peta-rekam", "server_metadata_url": "https://sso.example/.well-known/openid-configuration"}
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "kantor": provider, "google": provider}
    at.run()
    assert not at.exception
    labels = [b.label for b in at.sidebar.button]
    assert "Masuk dengan akun instansi (SSO) (kantor)" in labels
    assert "Masuk dengan akun instansi (SSO) (google)" in labels
    assert at.sidebar.text_input  # the password form stays for local accounts


# --- uploads of points (recording sites, schools) ---------------------------------------------
SITES = ("id;nama;jenis;kode_wilayah;lat;lon;alat_total;alat_aktif;status\n"  # Indonesian Excel: ';' and ','
         "LPU1;Kantor Kecamatan Uji;kecamatan;{a};-9,21034;121,05512;2;1;rusak\n"
         "LPU2;Balai Desa Uji;mobile;{b};-9,22000;121,06000;1;1;aktif\n")
SCHOOLS = ("npsn,nama,jenjang,kode_desa,lat,lon,siswa_kelas_12,akan_17_enam_bulan,belum_rekam\n"
           "99988801,SMA Negeri Uji,SMA,{a},-9.21100,121.05600,120,100,40\n"
           "99988802,MA Swasta Uji,MA,{b},-9.22100,121.06100,60,55,12\n")
NIK_SCHOOLS = ("npsn;nama;jenjang;kode_desa;lat;lon;nik_kepala\n"
               "99988803;SMA Uji Tiga;SMA;{a};-9,21;121,05;3674012345678901\n")
NIK_ENROLLMENT = ("kode;nama;wajib_ktp;sudah_rekam;prr;sudah_cetak;nik_kepala\n"
                  "{a};Desa Uji;1000;900;10;880;3674012345678901\n")


def _upload(at: AppTest, label: str, name: str, text: str, kind: str | None = None) -> AppTest:
    """Put a file in the uploader labelled ``label`` (on the points tab after choosing ``kind``)."""
    if kind is not None:
        next(r for r in at.radio if r.label == "Jenis berkas").set_value(kind)
    next(u for u in at.file_uploader if u.label == label).set_value((name, text.encode("utf-8"), "text/csv"))
    return at.run()


def _store_points(at: AppTest, kind: str, name: str, text: str) -> AppTest:
    at = _upload(at, "Unggah berkas (CSV atau XLSX)", name, text, kind)
    return next(b for b in at.button if b.key == "simpan_titik").click().run()


def _two_desa(store: Store) -> dict[str, str]:
    codes = store.areas(level="desa")[Col.KODE].tolist()
    return {"a": codes[0], "b": codes[1]}


def test_editor_uploads_sites_and_schools_and_they_are_stored(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    desa = _two_desa(store)
    sites_before, schools_before = len(store.points("lokasi")), len(store.points("sekolah"))
    at = _login(_app(), "petugas1")

    at = _store_points(at, "lokasi", "lokasi_baru.csv", SITES.format(**desa))
    assert not at.exception and not at.error
    assert "(2 baris)" in at.success[0].value
    sites = store.points("lokasi").set_index("id")
    assert len(sites) == sites_before + 2
    site = sites.loc["LPU1"]
    assert (site[Col.NAMA], site[Col.KODE]) == ("Kantor Kecamatan Uji", desa["a"])
    assert (site["lat"], site["lon"]) == (-9.21034, 121.05512)  # written with a decimal comma
    assert site["atribut"]["status"] == "rusak" and site["atribut"]["alat_aktif"] == "1"

    at = _store_points(at, "sekolah", "sekolah_baru.csv", SCHOOLS.format(**desa))
    assert not at.exception and not at.error
    assert "(2 baris)" in at.success[0].value
    schools = store.points("sekolah").set_index("id")
    assert len(schools) == schools_before + 2
    school = schools.loc["99988802"]
    assert (school[Col.NAMA], school[Col.KODE], school["lat"]) == ("MA Swasta Uji", desa["b"], -9.221)
    assert school["atribut"]["belum_rekam"] == "12" and school["atribut"]["jenjang"] == "MA"
    kinds = store.history()["kind"].tolist()
    assert "points:lokasi" in kinds and "points:sekolah" in kinds


def test_a_points_file_with_nik_is_refused_as_an_enrollment_file_is(demo_env):
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    desa = _two_desa(store)
    versions, schools = len(store.history()), store.points("sekolah")

    at = _upload(_login(_app(), "petugas1"), "Unggah rekap perekaman (CSV atau XLSX)", "rekap.csv",
                 NIK_ENROLLMENT.format(**desa))
    assert not at.exception and len(at.error) == 1
    enrollment_refusal = at.error[0].value
    assert "NIK" in enrollment_refusal and "'nik_kepala'" in enrollment_refusal

    at = _store_points(_login(_app(), "petugas1"), "sekolah", "sekolah_nik.csv", NIK_SCHOOLS.format(**desa))
    assert not at.exception and not at.success
    assert [e.value for e in at.error] == [enrollment_refusal]  # the one NIK rule, the same words
    assert len(store.history()) == versions  # nothing stored
    assert store.points("sekolah").equals(schools)


# --- the date the figures are of: from the file, or picked; never silently today --------------
TITLED = ("REKAP PEREKAMAN KTP-EL KEADAAN 30 SEPTEMBER 2026;;;\n"
          "kode;nama;wajib_ktp;sudah_rekam\n99.01.04.2003;Lubuk Harapan;3183;2749\n99.01.04.2014;Teluk Putih;3379;2986\n")
UNTITLED = "kode;nama;wajib_ktp;sudah_rekam\n99.01.04.2003;Lubuk Harapan;3183;2750\n"
ENROLLMENT_UPLOAD = "Unggah rekap perekaman (CSV atau XLSX)"


def _save(at: AppTest):
    return next(b for b in at.button if b.label == "Simpan sebagai versi baru" and not b.key)


def _editor_app(demo_env) -> tuple[AppTest, Store]:
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    return _login(_app(), "petugas1"), store


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload_bytes(at: AppTest, name: str, data: bytes) -> AppTest:
    next(u for u in at.file_uploader if u.label == ENROLLMENT_UPLOAD).set_value((name, data, XLSX_TYPE))
    return at.run()


def test_the_date_comes_from_the_files_title(demo_env):
    at, store = _editor_app(demo_env)
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap_september.csv", TITLED)
    assert not at.exception
    assert at.date_input[0].value == date(2026, 9, 30)
    assert any(c.value.startswith("Tanggal data dari berkas: 30 September 2026 ('REKAP PEREKAMAN KTP-EL "
                                  "KEADAAN 30 SEPTEMBER 2026')") for c in at.caption)
    assert not _save(at).disabled
    at = _save(at).click().run()
    assert not at.exception
    assert "2026-09-30" in store.snapshot_dates("99.01.04.2003")
    assert "Tersimpan sebagai versi" in " ".join(s.value for s in at.success)


def test_a_date_column_gives_the_date_and_a_future_one_is_said_before_saving(demo_env):
    """A file whose rows carry a 'tanggal' column (15 March 2027): the date field takes it, says where it
    comes from, and the future date is said above Simpan — not "the file states no date"."""
    at, store = _editor_app(demo_env)
    versions = len(store.history())
    text = "tanggal;kode;nama;wajib_ktp;sudah_rekam\n2027-03-15;99.01.04.2003;Lubuk Harapan;3183;2760\n"
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap_tanggal.csv", text)
    assert not at.exception
    assert at.date_input[0].value == date(2027, 3, 15)
    assert any(c.value.startswith("Tanggal data dari berkas: 15 Maret 2027 ('tanggal: 2027-03-15')")
               for c in at.caption)
    assert not any("tidak menyebut tanggal" in c.value for c in at.caption)
    assert any("Tanggal data 15 Maret 2027 ada di masa depan" in w.value for w in at.warning)
    at = _save(at).click().run()
    assert at.error and len(store.history()) == versions  # refused: nothing stored
    mixed = text + "2027-03-22;99.01.04.2014;Teluk Putih;3379;2990\n"  # rows of two dates: never one snapshot
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap_dua_tanggal.csv", mixed)
    assert not at.exception
    assert any("Kolom 'tanggal' memuat angka 2 tanggal (15 Maret 2027, 22 Maret 2027)" in e.value for e in at.error)
    assert len(store.history()) == versions


def test_without_a_date_in_the_file_the_date_must_be_picked(demo_env):
    at, store = _editor_app(demo_env)
    dates = store.snapshot_dates("99.01")
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap.csv", UNTITLED)
    assert at.date_input[0].value is None  # not today
    assert _save(at).disabled
    assert any("tidak menyebut tanggal datanya" in c.value for c in at.caption)
    at.date_input[0].set_value(date(2026, 11, 20)).run()
    assert not _save(at).disabled
    at = _save(at).click().run()
    assert not at.exception
    assert store.snapshot_dates("99.01") == sorted([*dates, "2026-11-20"])


def test_a_future_date_is_refused_until_it_is_checked(demo_env):
    at, store = _editor_app(demo_env)
    versions = len(store.history())
    future = date.today() + timedelta(days=400)
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap.csv", UNTITLED)
    at.date_input[0].set_value(future).run()
    assert any("ada di masa depan" in w.value for w in at.warning)  # said before storing
    at = _save(at).click().run()
    assert at.error and "ada di masa depan" in at.error[0].value
    assert len(store.history()) == versions  # refused: nothing stored
    at.checkbox(key=f"tanggal_diperiksa_{future.isoformat()}").check().run()
    at = _save(at).click().run()
    assert not at.exception and not at.error
    assert future.isoformat() in store.snapshot_dates("99.01")


def test_a_workbook_of_periods_offers_its_sheets(demo_env):
    at, store = _editor_app(demo_env)
    header = ["kode", "nama", "wajib_ktp", "sudah_rekam"]
    book = _xlsx({"Juli": [["REKAP KEADAAN 31 JULI 2026"], header, ["99.01.04.2003", "Lubuk Harapan", 3183, 2700]],
                  "Agustus": [["REKAP KEADAAN 31 AGUSTUS 2026"], header, ["99.01.04.2003", "Lubuk Harapan", 3183, 2749]]})
    at = _upload_bytes(at, "rekap_bulanan.xlsx", book)
    assert "beberapa periode di lembar berbeda (Juli, Agustus)" in at.error[0].value
    picker = next(s for s in at.selectbox if s.label == "Lembar yang diimpor")
    assert picker.options == ["—", "Juli", "Agustus"]
    picker.set_value("Agustus").run()
    assert not at.exception and not at.error
    assert at.date_input[0].value == date(2026, 8, 31)  # the chosen sheet's own date
    assert any(c.value == "Lembar dilewati: Juli: tidak dipilih." for c in at.caption)
    at = _save(at).click().run()
    assert "2026-08-31" in store.snapshot_dates("99.01.04.2003")


def test_two_sheets_with_the_same_row_number_are_fixed_apart(demo_env):
    """A workbook with a sheet per kecamatan: row 3 on each is misspelt; each gets its own picker."""
    at, store = _editor_app(demo_env)
    header = ["nama", "wajib_ktp", "sudah_rekam"]
    book = _xlsx({"Lembah Rindang": [["REKAP KEADAAN 20 NOVEMBER 2026"], header, ["Lubuk Harapan", 3183, 2760],
                                     ["Wtu Lstr", 3000, 2700]],
                  "Golo Sejuk": [["REKAP KEADAAN 20 NOVEMBER 2026"], header, ["Batu Raya", 3453, 2850],
                                 ["Tnjg Hrpn", 2000, 1800]]})
    at = _upload_bytes(at, "rekap_kecamatan.xlsx", book)
    assert not at.exception
    assert any(c.value == "Lembar dibaca: Lembah Rindang (2), Golo Sejuk (2)." for c in at.caption)
    report = at.dataframe[1].value
    assert list(report.columns[:2]) == ["Lembar", "Baris"]
    assert report[report["Cocok lewat"] == "tidak cocok"][["Lembar", "Baris"]].values.tolist() == [
        ["Lembah Rindang", 4], ["Golo Sejuk", 4]]
    fixes = [s for s in at.selectbox if s.label.endswith("adalah:")]
    assert [s.label for s in fixes] == ["Lembar Lembah Rindang, baris 4 — 'Wtu Lstr' adalah:",
                                        "Lembar Golo Sejuk, baris 4 — 'Tnjg Hrpn' adalah:"]
    assert _save(at).disabled
    fixes[0].set_value("99.01.04.2001").run()
    next(s for s in at.selectbox if s.label.startswith("Lembar Golo Sejuk")).set_value("99.01.06.2001").run()
    assert not [s for s in at.selectbox if s.label.endswith("adalah:")]
    at = _save(at).click().run()
    assert not at.exception
    stored = {k: area_totals(store, k, date="2026-11-20")[Col.SUDAH] for k in ("99.01.04.2001", "99.01.06.2001")}
    assert stored == {"99.01.04.2001": 2700, "99.01.06.2001": 1800}  # each row to the area picked for it


def test_a_new_offices_data_page_opens_whole_and_says_what_comes_first(tmp_path, monkeypatch):
    """An empty store (a new office, its first admin logged in): every tab draws (the targets tab crashed
    on no area), the targets tab says targets come after boundaries and figures, and figures uploaded
    before any boundary are refused with where to import the boundaries on this page."""
    url = f"sqlite:///{tmp_path / 'baru.sqlite'}"
    monkeypatch.setenv("REKAM_DB_URL", url)
    store = Store.open(url)
    auth.add_user(store, "admin1", PASSWORD, "admin", settings=load_settings())
    at = _login(_app(), "admin1")
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Data perekaman", "Batas wilayah", "Titik & berkas lain",
                                          "Target & peringatan", "Riwayat versi", "Templat", "Pengguna"]
    assert any(i.value.startswith("Target dan peringatan berlaku untuk wilayah: isi setelah batas wilayah (tab "
                                  "Batas wilayah)") for i in at.info)
    at = _upload(at, ENROLLMENT_UPLOAD, "rekap.csv", "kode;nama;wajib_ktp;sudah_rekam\n99.01.01.2001;Desa Uji;1000;900\n")
    assert not at.exception
    said = " ".join(e.value for e in at.error)
    assert "Belum ada batas wilayah tingkat desa" in said and "di halaman Data, tab Batas wilayah" in said
    assert store.areas().empty and store.history().empty  # nothing stored
