"""The Data page as a clerk goes through it: a refused file does not swallow the next one, what blocks
Simpan is said before saving, the date's warning stands by the date field, and the version history
reads as the office does (Indonesian numbers, office time, each version named in the rollback picker)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import auth, fmt
from geo.store import Store
from ui.tables import text_px

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "rahasia-sekali-123"
ENROLLMENT_UPLOAD = "Unggah rekap perekaman (CSV atau XLSX)"
POINTS_UPLOAD = "Unggah berkas (CSV atau XLSX)"
HEADER = "kode;nama;wajib_ktp;sudah_rekam\n"
GOOD = HEADER + "99.01.04.2003;Lubuk Harapan;3183;2750\n99.01.04.2014;Teluk Putih;3379;2986\n"
NO_RECORDED_COLUMN = "kode;nama;wajib_ktp;prr\n99.01.04.2003;Lubuk Harapan;3183;10\n"  # 'sudah_rekam' missing
TEXT_IN_NUMBERS = HEADER + "99.01.04.2003;Lubuk Harapan;tiga ribu;2750\n"
# rows 2 and 4 are the same desa: the file cannot be stored until one goes
SAME_AREA_TWICE = HEADER + ("99.01.04.2003;Lubuk Harapan;3183;2750\n99.01.04.2014;Teluk Putih;3379;2986\n"
                            "99.01.04.2003;Lubuk Harapan;3183;2750\n")
# row 3 repeats row 2's code under another desa's name: the code was copied, the name is the truth
SAME_CODE_OTHER_NAME = HEADER + "99.01.04.2003;Lubuk Harapan;3183;2750\n99.01.04.2003;Teluk Putih;3379;2986\n"


def _editor_app(demo_env) -> tuple[AppTest, Store]:
    store = Store.open(demo_env)
    auth.add_user(store, "petugas1", PASSWORD, "editor")
    at = AppTest.from_file(str(ROOT / "pages" / "data.py"), default_timeout=120).run()
    at.sidebar.text_input[0].input("petugas1")
    at.sidebar.text_input[1].input(PASSWORD)
    return at.sidebar.button[0].click().run(), store


def _upload(at: AppTest, text: str, name: str = "rekap.csv", label: str = ENROLLMENT_UPLOAD) -> AppTest:
    next(u for u in at.file_uploader if u.label == label).set_value((name, text.encode("utf-8"), "text/csv"))
    return at.run()


def _save(at: AppTest):
    return next(b for b in at.button if b.label == "Simpan sebagai versi baru" and not b.key)


def _errors(at: AppTest) -> str:
    return "\n".join(e.value for e in at.error)


# --- 1. a refused file, then the next one -----------------------------------------------------------
def test_after_a_refused_file_the_next_file_is_read_on_the_first_try(demo_env):
    at, store = _editor_app(demo_env)
    at = _upload(at, NO_RECORDED_COLUMN, "kolom_salah.csv")
    assert not at.exception
    first_refusal = _errors(at)
    assert first_refusal  # refused, and said
    assert not at.dataframe or all("Pratinjau" not in s.value for s in at.subheader)  # nothing previewed

    at = _upload(at, TEXT_IN_NUMBERS, "teks_angka.csv")  # refused too: its own refusal, at once
    assert not at.exception
    second_refusal = _errors(at)
    assert second_refusal and second_refusal != first_refusal
    assert "tiga ribu" in second_refusal

    at = _upload(at, GOOD, "baik.csv")  # a good file: previewed at once, the refusals gone
    assert not at.exception and not at.error
    assert [s.value for s in at.subheader][:1] == ["Pratinjau isi berkas"]
    preview = at.dataframe[0].value
    assert "99.01.04.2014" in preview.astype(str).to_numpy()  # the good file's own rows
    at.date_input[0].set_value(date(2026, 11, 20)).run()
    at = _save(at).click().run()
    assert not at.exception and "2026-11-20" in store.snapshot_dates("99.01.04.2003")


def test_a_refused_points_file_does_not_swallow_the_next_one(demo_env):
    """The points tab keeps a refused file (nothing rotates its uploader): the next file is stored."""
    at, store = _editor_app(demo_env)
    next(r for r in at.radio if r.label == "Jenis berkas").set_value("lokasi")
    at = _upload(at, "id;nama\nX;tanpa koordinat\n", "lokasi_salah.csv", POINTS_UPLOAD)
    at = next(b for b in at.button if b.key == "simpan_titik").click().run()
    assert at.error and not at.exception
    desa = store.areas(level="desa")["kode"].iloc[0]
    at = _upload(at, f"id;nama;jenis;kode_wilayah;lat;lon\nLPU9;Balai Uji;mobile;{desa};-9,2;121,0\n",
                 "lokasi.csv", POINTS_UPLOAD)
    at = next(b for b in at.button if b.key == "simpan_titik").click().run()
    assert not at.exception and not at.error
    assert "LPU9" in set(store.points("lokasi")["id"])


# --- 2. what blocks Simpan, said before it --------------------------------------------------------
def test_two_rows_on_one_area_are_said_above_simpan_which_stays_disabled(demo_env):
    at, store = _editor_app(demo_env)
    versions = len(store.history())
    at = _upload(at, SAME_AREA_TWICE, "baris_ganda.csv")
    assert not at.exception
    said = _errors(at)
    assert said.startswith("Belum bisa disimpan (Simpan dinonaktifkan): 1 masalah harus diselesaikan dulu.")
    assert "- Baris 2, 4 menunjuk wilayah yang sama, Lubuk Harapan (99.01.04.2003)." in said
    assert "Baris 2, kolom" not in said  # the rows are named once
    assert _save(at).disabled
    report = at.dataframe[1].value.set_index("Baris")
    notes = report.iloc[:, -2]  # the reason column: on both rows of the pair
    assert "menunjuk wilayah yang sama" in notes[2] and "menunjuk wilayah yang sama" in notes[4]
    assert notes[3] == ""
    assert len(store.history()) == versions


def test_a_duplicated_code_under_another_name_says_so(demo_env):
    at, _ = _editor_app(demo_env)
    at = _upload(at, SAME_CODE_OTHER_NAME)
    assert not at.exception
    unmatched = next(w.value for w in at.warning if w.value.startswith("1 baris belum cocok"))
    assert ("- Baris 3: kode 99.01.04.2003 juga tertulis di baris 2 — kode ganda di berkas. Kode 99.01.04.2003 "
            "adalah Lubuk Harapan, tetapi nama di berkas 'Teluk Putih' tidak cocok") in unmatched
    assert _save(at).disabled


def test_the_same_file_again_is_said_before_simpan(demo_env):
    at, store = _editor_app(demo_env)
    at = _upload(at, GOOD)
    at.date_input[0].set_value(date(2026, 11, 20)).run()
    at = _save(at).click().run()
    versions = len(store.history())
    at = _upload(at, GOOD)  # the very same bytes
    at.date_input[0].set_value(date(2026, 11, 20)).run()
    said = _errors(at)
    assert "Belum bisa disimpan" in said and "sudah diimpor sebagai versi" in said and "WIB" in said
    assert _save(at).disabled
    next(c for c in at.checkbox if c.label == "Impor ulang berkas yang sama").check().run()
    assert not at.error and not _save(at).disabled
    assert len(store.history()) == versions


# --- 3. the date's warning by the date field ---------------------------------------------------------
def test_a_future_date_is_warned_of_beside_the_date_field(demo_env):
    at, _ = _editor_app(demo_env)
    at = _upload(at, HEADER + "99.01.04.2003;Lubuk Harapan;3183;2750\n", "tanggal_depan.csv")
    future = date.today() + timedelta(days=400)
    at.date_input[0].set_value(future).run()
    date_column = next(c for c in at.columns if c.date_input)
    assert any("ada di masa depan" in w.value for w in date_column.warning)
    assert date_column.checkbox(key=f"tanggal_diperiksa_{future.isoformat()}").label == "Tanggal sudah diperiksa"


# --- 4. the version history --------------------------------------------------------------------------
def test_history_reads_as_the_office_does_and_the_picker_names_each_version(demo_env):
    at, store = _editor_app(demo_env)
    hist = store.history().set_index("id")
    history = at.tabs[4].dataframe[0]
    shown = history.value.set_index("Versi")
    assert list(shown.columns) == ["Jenis", "Waktu (WIB)", "Oleh", "Berkas", "Baris", "Data per", "Status"]
    enrollment = int(hist.index[hist["kind"] == "enrollment"][0])
    assert shown.loc[enrollment, "Baris"] == f"{hist.loc[enrollment, 'row_count']:,}".replace(",", ".")
    assert "." in shown.loc[enrollment, "Baris"]  # the demo's thousands of rows: 15.750, not 15750
    stamp = datetime.fromisoformat(hist.loc[enrollment, "created_at"])
    assert shown.loc[enrollment, "Waktu (WIB)"] == f"{stamp.astimezone(timezone(timedelta(hours=7))):%Y-%m-%d %H:%M}"
    widths = {c["title"] if "title" in c else k: c.get("width") for k, c in _column_config(history).items()}
    assert widths["Status"] >= text_px("dibatalkan") + 20  # rolled-back versions read whole

    box = next(s for s in at.selectbox if s.label == "Versi yang dibatalkan")
    label = box.format_func(enrollment)
    assert label == (f"Versi {enrollment} — data perekaman, {hist.loc[enrollment, 'file_name']}, data per "
                     f"{fmt.long_date(hist.loc[enrollment, 'tanggal'])}")  # e.g. "16 November 2026"
    events = int(hist.index[hist["kind"] == "peristiwa"][0])
    day = stamp.astimezone(timezone(timedelta(hours=7))).date()
    assert box.format_func(events).startswith(f"Versi {events} — peristiwa, {hist.loc[events, 'file_name']}, diimpor ")
    assert box.format_func(events).endswith(f" {day.year}")


def _column_config(frame) -> dict:
    import json

    return json.loads(frame.proto.columns)
