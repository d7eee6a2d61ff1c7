"""Stored events (versions, rollback, checks) on SQLite and PostgreSQL; the words of the Tren page."""
from __future__ import annotations

from datetime import date

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import columns, events, trend
from geo.ingest import import_events
from geo.io.events import read_events
from geo.present import trend as trend_words
from geo.config import Settings
from geo.schema import DEMO_DIR, Col, FileRefused, RekamError, ValidationFailed, ZoneConfig
from geo.store import Store
from geo.trend import Status
from geo.text import describe
from tests.pages.pages_run import styled_text

HEADER = "tanggal_mulai,tanggal_selesai,kode,jenis,keterangan\n"


def _areas():
    rows = [
        ("99.01", "Kabupaten Uji", "kabupaten", "99", "kabupaten", box(0, 0, 4, 1)),
        ("99.01.01", "Kec A", "kecamatan", "99.01", "kecamatan", box(0, 0, 2, 1)),
        ("99.01.02", "Kec B", "kecamatan", "99.01", "kecamatan", box(2, 0, 4, 1)),
        ("99.01.01.2001", "Desa A1", "desa", "99.01.01", "desa", box(0, 0, 1, 1)),
        ("99.01.01.1002", "Kel A2", "desa", "99.01.01", "kelurahan", box(1, 0, 2, 1)),
        ("99.01.02.2001", "Desa B1", "desa", "99.01.02", "desa", box(2, 0, 4, 1)),
    ]
    cols = [Col.KODE, Col.NAMA, Col.LEVEL, Col.KODE_INDUK, Col.TIPE, "geometry"]
    return gpd.GeoDataFrame(pd.DataFrame(rows, columns=cols), geometry="geometry", crs="EPSG:4326")


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    s.add_areas(_areas())
    yield s
    s.close()


def _csv(tmp_path, body: str, name="peristiwa.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# --- writing and reading ------------------------------------------------------------------------
def test_add_event_is_one_version_and_reads_back(store):
    version = events.add_event(store, "990101", "alat_rusak", date(2026, 9, 28), None,
                               "  Pemindai   sidik jari rusak ", "petugas1")
    history = store.history()
    row = history.set_index("id").loc[version]
    assert (row["kind"], row["user"], row["row_count"], bool(row["active"])) == ("peristiwa", "petugas1", 1, True)
    got = events.events(store)
    assert got.to_dict("records") == [{
        columns.MULAI: "2026-09-28", columns.SELESAI: "", Col.KODE: "99.01.01", columns.JENIS: "alat_rusak",
        columns.KETERANGAN: "Pemindai sidik jari rusak", columns.BERLANGSUNG: True, Col.VERSI: version,
    }]
    # Still going on: a chart can draw it up to the latest snapshot instead of one day.
    assert events.events(store, open_until="2026-11-16")[columns.SELESAI].tolist() == ["2026-11-16"]
    assert events.events(store, open_until="2026-09-01")[columns.SELESAI].tolist() == [""]  # not started then
    assert store.stamp()[0] == version  # caches keyed on the stamp see the new event


def test_rollback_removes_exactly_that_event(store):
    first = events.add_event(store, "99.01.01", "jaringan_putus", "2026-01-05", "2026-01-09", "kabel", "a")
    second = events.add_event(store, "99.01.02", "jemput_bola", "2026-02-01", "2026-02-01", "pesantren", "a")
    store.rollback(second, user="a")
    assert events.events(store)[Col.VERSI].tolist() == [first]
    store.rollback(first, user="a")
    assert events.events(store).empty


def test_newer_version_of_the_same_event_replaces_it_until_rolled_back(store, tmp_path):
    events.add_event(store, "99.01.01", "alat_rusak", "2026-09-28", None, "rusak", "a")
    fixed = import_events(store, _csv(tmp_path, "2026-09-28,2026-11-20,99.01.01,alat_rusak,sudah diperbaiki\n"),
                                 user="b")
    got = events.events(store)
    assert got[[columns.SELESAI, columns.KETERANGAN, columns.BERLANGSUNG]].values.tolist() == [
        ["2026-11-20", "sudah diperbaiki", False]]
    store.rollback(fixed, user="b")
    assert events.events(store)[[columns.SELESAI, columns.BERLANGSUNG]].values.tolist() == [["", True]]


def test_within_keeps_the_area_its_ancestors_and_descendants_and_kinds(store):
    events.add_event(store, "99.01", "blangko_habis", "2025-09-01", "2025-12-14", "", "a")
    events.add_event(store, "99.01.01", "alat_rusak", "2026-09-28", None, "", "a")
    events.add_event(store, "99.01.01.2001", "jemput_bola", "2026-03-01", "2026-03-02", "", "a")
    events.add_event(store, "99.01.02", "layanan_akhir_pekan", "2026-04-04", "2026-04-05", "", "a")
    got = events.events(store, "99.01.01")
    assert got[Col.KODE].tolist() == ["99.01", "99.01.01.2001", "99.01.01"]  # by start date; no 99.01.02
    shown = events.events(store, "99.01.01", kinds=events.COVERAGE_CHART_KINDS)
    assert shown[columns.JENIS].tolist() == ["blangko_habis", "alat_rusak"]  # mobile-unit visits left to the bars
    related = trend.events_for(got, "99.01.01")  # the frame goes into geo.trend as it is
    assert related[columns.HUBUNGAN].tolist() == ["wilayah_induk", "bagian_wilayah", "wilayah_ini"]
    assert events.events(store, "99.01.02")[Col.KODE].tolist() == ["99.01", "99.01.02"]


@pytest.mark.parametrize(("args", "key", "words"), [
    (("99.01.01", "banjir", "2026-01-01", None, ""), "peristiwa_jenis_salah", "Jenis peristiwa 'banjir'"),
    (("99.01.01", "alat_rusak", "28-09-26", None, ""), "tanggal_salah", "Tanggal mulai '28-09-26'"),
    (("99.01.01", "alat_rusak", "2026-01-01", "2026-13-01", ""), "tanggal_salah", "Tanggal selesai"),
    (("99.01.01", "alat_rusak", "2026-01-10", "2026-01-09", ""), "peristiwa_selesai_sebelum_mulai",
     "Tanggal selesai 2026-01-09 lebih awal dari tanggal mulai 2026-01-10"),
    (("99.01.09", "alat_rusak", "2026-01-01", None, ""), "peristiwa_wilayah_tidak_ada", "kode 99.01.09 tidak ada"),
    (("9901x", "alat_rusak", "2026-01-01", None, ""), "peristiwa_wilayah_tidak_ada", "kode 9901x tidak ada"),
    (("99.01.01", "jemput_bola", "2026-01-01", None, "warga 3674011234567890 direkam"), "peristiwa_keterangan_nik",
     "mirip NIK"),
    (("99.01.01", "jemput_bola", "2026-01-01", None, "x" * 501), "peristiwa_keterangan_panjang", "501 karakter"),
])
def test_add_event_refuses_with_indonesian_messages(store, args, key, words):
    with pytest.raises(RekamError) as err:
        events.add_event(store, *args, user="a")
    assert err.value.key == key
    assert words in describe(err.value)
    assert events.events(store).empty and len(store.history()) == 1  # only the boundaries


# --- importing a file ----------------------------------------------------------------------------
def test_import_events_demo_file_is_one_version(store_url):
    from geo.ingest.demo import load_demo

    s = Store.open(store_url)
    version = load_demo(s)[-1]  # the demo's events are its last version
    stored = events.events(s)
    expected = read_events(DEMO_DIR / "peristiwa.csv")
    assert len(stored) == len(expected) == 49
    assert s.history().set_index("id").loc[version, "row_count"] == 49
    broken = stored[stored[columns.JENIS] == "alat_rusak"].iloc[0]
    assert (broken[Col.KODE], broken[columns.MULAI], broken[columns.BERLANGSUNG]) == ("99.01.08", "2026-09-28", True)
    with pytest.raises(RekamError) as err:  # the very same bytes again
        import_events(s, DEMO_DIR / "peristiwa.csv", user="demo")
    assert err.value.key == "berkas_sudah_diimpor" and str(version) in describe(err.value)
    s.close()


def test_import_events_lists_every_bad_row_and_stores_nothing(store, tmp_path):
    path = _csv(tmp_path, "2026-01-05,2026-01-09,99.01.01,jaringan_putus,ok\n"
                          "2026-01-05,2026-01-04,99.01.01,alat_rusak,mundur\n"
                          "2026-02-01,,99.01.77,alat_rusak,tidak ada\n"
                          "2026-01-05,2026-01-10,99.01.01,jaringan_putus,lagi\n")
    with pytest.raises(ValidationFailed) as err:
        import_events(store, path, user="a")
    assert [(p.row, p.key) for p in err.value.problems] == [
        (3, "peristiwa_selesai_sebelum_mulai"), (4, "peristiwa_wilayah_tidak_ada"), (5, "peristiwa_ganda")]
    text = describe(err.value)
    assert "3 masalah" in text and "Baris 5: Peristiwa jaringan_putus di 99.01.01 mulai 2026-01-05" in text
    assert "juga baris 2" in text
    assert events.events(store).empty and len(store.history()) == 1


def test_import_events_from_bytes_and_bad_files(store, tmp_path):
    data = (HEADER + "2026-03-01,2026-03-02,990102,jemput_bola,pesantren\n").encode()
    version = import_events(store, data, user="a", file_name="unggahan.csv")
    assert store.history().set_index("id").loc[version, "file_name"] == "unggahan.csv"
    assert events.events(store)[Col.KODE].tolist() == ["99.01.02"]
    with pytest.raises(RekamError) as err:
        import_events(store, b"tanggal,kode\n2026-01-01,99.01\n", user="a", file_name="salah.csv")
    assert err.value.key == "peristiwa_kolom_kurang" and "salah.csv" in describe(err.value)
    with pytest.raises(RekamError) as err:
        import_events(store, _csv(tmp_path, "", name="kosong.csv"), user="a")
    assert err.value.key == "peristiwa_kosong"
    with pytest.raises(RekamError) as err:
        import_events(store, tmp_path / "tidak_ada.csv", user="a")
    assert err.value.key == "peristiwa_tidak_terbaca"


def test_import_events_refuses_a_nik_column_as_every_upload(store, tmp_path):
    # A column of 16-digit numbers is a NIK column whatever its header says: the whole file is
    # refused by the one tabular reader, before any row is checked or stored.
    path = tmp_path / "peristiwa_nik.csv"
    path.write_text(HEADER.strip() + ",nomor\n" + "".join(
        f"2026-01-0{i},,99.01.01,jemput_bola,warga direkam,36740112345678{i:02d}\n" for i in range(1, 4)),
        encoding="utf-8")
    with pytest.raises(FileRefused) as err:
        import_events(store, path, user="a")
    assert err.value.key == "berisi_nik" and "nomor" in describe(err.value)
    assert events.events(store).empty and len(store.history()) == 1
    tiny = Settings(zones=ZoneConfig(), max_upload_mb=0.00001)  # the upload size limit, checked before reading
    with pytest.raises(FileRefused) as err:
        import_events(store, _csv(tmp_path, "2026-01-05,,99.01.01,jemput_bola,ok\n"), user="a", settings=tiny)
    assert err.value.key == "berkas_terlalu_besar"


# --- the words of the Tren page ---------------------------------------------------------------
def _series():
    """Kabupaten 99.01 with two kecamatan; Kec B's count falls once (a correction)."""
    days = ["2026-01-05", "2026-01-12", "2026-01-19"]
    counts = {  # kode: [(wajib, sudah) on each day]; the kabupaten is the sum of its kecamatan
        "99.01": [(2000, 1700), (2010, 1760), (2020, 1800)],
        "99.01.01": [(1000, 900), (1005, 950), (1010, 1000)],
        "99.01.02": [(1000, 800), (1005, 810), (1010, 800)],
    }
    rows = [(kode, day, w, s) for kode, values in counts.items() for day, (w, s) in zip(days, values)]
    frame = pd.DataFrame(rows, columns=[Col.KODE, Col.TANGGAL, Col.WAJIB, Col.SUDAH])
    frame[Col.NAMA] = frame[Col.KODE].map({"99.01": "Kabupaten Uji", "99.01.01": "Kec A", "99.01.02": "Kec B"})
    frame[columns.N_SUMBER] = 2
    frame[columns.N_DIBAWA] = 0
    return frame


def test_notes_find_corrections_and_the_changing_denominator():
    facts = events.notes(_series(), "99.01")
    assert facts["n_tanggal"] == 3
    assert (facts["wajib_awal"], facts["wajib_akhir"]) == (2000, 2020)
    assert facts["koreksi"] == [{Col.KODE: "99.01.02", Col.NAMA: "Kec B", columns.TANGGAL_AWAL: "2026-01-12",
                                 Col.TANGGAL: "2026-01-19", columns.REKAM_BARU: -10}]
    lines = trend_words.note_lines(facts, {columns.PERTUMBUHAN_WAJIB: 1.4285, columns.N_KOREKSI: 0})
    assert lines == [
        "Koreksi data: sudah rekam turun 1 kali — Kec B pada 19 Januari 2026 (-10). "
        "Penurunan ditampilkan apa adanya, tidak disembunyikan.",
        "Penyebut berubah: wajib KTP 2.000 pada 5 Januari 2026 menjadi 2.020 pada 19 Januari 2026 (+20). "
        "Cakupan tiap tanggal memakai penyebut tanggal itu, dan proyeksi memperhitungkan pertambahannya "
        "(1,4 orang per hari).",
    ]


def test_notes_single_snapshot_new_desa_and_carried_forward():
    one = _series().query("tanggal == '2026-01-05'")
    assert trend_words.note_lines(events.notes(one, "99.01")) == [
        "Baru ada satu data per 5 Januari 2026: belum ada tren. Proyeksi perlu paling sedikit dua tanggal."]
    grown = _series()
    last = (grown[Col.KODE] == "99.01") & (grown[Col.TANGGAL] == "2026-01-19")
    grown.loc[last, [columns.N_SUMBER, columns.N_DIBAWA]] = [3, 1]  # a desa joined, another is carried forward
    facts = events.notes(grown, "99.01")
    assert (facts["sumber_berubah"], facts["n_dibawa"]) == (["2026-01-19"], 1)
    lines = trend_words.note_lines(facts, lang="en")
    assert "The number of reporting desa changed on 19 January 2026" in lines[-2]
    assert lines[-1].startswith("1 desa has not reported as of 19 January 2026; its last data is used")
    assert events.notes(_series(), "99.01.09")["n_tanggal"] == 0


def _projection(points, *, target=92, deadline="2026-03-31"):
    frame = pd.DataFrame(points, columns=[Col.TANGGAL, Col.WAJIB, Col.SUDAH]).assign(**{Col.KODE: "99.01"})
    return trend.projection(frame, target_pct=target, deadline=deadline)


def test_headline_reached_with_range_and_needed_rate():
    p = _projection([("2026-01-05", 1000, 850), ("2026-01-12", 1000, 870), ("2026-01-19", 1000, 880),
                     ("2026-01-26", 1000, 895)])
    # 920 − 895 = 25 missing at 45/21 a day: 11.7 → 12 days after 26 January; the band is rate ± its
    # standard error (geo.trend's tests check that arithmetic).
    assert (p[columns.STATUS], p[columns.TANGGAL_PROYEKSI]) == (Status.TERCAPAI, "2026-02-07")
    assert (p[columns.TANGGAL_PROYEKSI_AWAL], p[columns.TANGGAL_PROYEKSI_AKHIR]) == ("2026-02-05", "2026-02-10")
    assert trend_words.headline(p, hijau=92) == [
        "Dengan laju saat ini, zona hijau tercapai pada **7 Februari 2026** "
        "(rentang 5 Februari 2026 – 10 Februari 2026).",
        "Perlu **1 perekaman per hari** untuk zona hijau pada 31 Maret 2026.",  # 25 over 64 days
    ]
    assert trend_words.headline(p, hijau=92, lang="en")[0] == (
        "At the current rate, the green zone is reached on **7 February 2026** "
        "(range 5 February 2026 – 10 February 2026).")
    assert trend_words.headline(p, hijau=90)[0].startswith("Dengan laju saat ini, target 92% tercapai")


def test_headline_not_reached_already_reached_one_snapshot_and_late_deadline():
    flat = _projection([("2026-01-05", 1000, 850), ("2026-01-12", 1007, 850)])  # e.g. a broken device
    assert trend_words.headline(flat, 92)[0] == (
        "Zona hijau **tidak tercapai pada laju ini**: tidak ada tambahan perekaman dalam 7 hari terakhir "
        "(5 Januari 2026 – 12 Januari 2026).")
    assert trend_words.when_words(flat) == "tidak tercapai"
    # 7 recorded against 70 new wajib in a week: 1 a day < 0.92 × 10 a day.
    slow = _projection([("2026-01-05", 1000, 850), ("2026-01-12", 1070, 857)], target=92)
    assert trend_words.headline(slow, 92)[0] == (
        "Zona hijau **tidak tercapai pada laju ini**: 1,0 perekaman per hari tidak cukup mengimbangi "
        "pertambahan wajib KTP (10,0 orang per hari).")
    reached = _projection([("2026-01-05", 1000, 930), ("2026-01-12", 1000, 940)])
    assert trend_words.headline(reached, 92) == ["Zona hijau **sudah tercapai**: cakupan 94,00% per 12 Januari 2026."]
    assert trend_words.when_words(reached) == "sudah tercapai"
    one = _projection([("2026-01-05", 1000, 800)])
    assert trend_words.headline(one, 92)[0] == (
        "Baru ada satu data (per 5 Januari 2026): belum ada tren, jadi belum ada proyeksi.")
    assert trend_words.when_words(one) == "–"
    late = _projection([("2026-01-05", 1000, 850), ("2026-01-12", 1000, 870)], deadline="2026-01-10")
    assert trend_words.headline(late, 92)[1] == (
        "Tenggat 10 Januari 2026 tidak sesudah data terakhir (12 Januari 2026); pilih tenggat yang lebih lambat.")
    assert trend_words.headline(_projection([]), 92) == ["Belum ada data perekaman untuk wilayah ini."]


def test_projection_view_keeps_the_order_and_says_the_status():
    frame = pd.concat([
        pd.DataFrame({Col.KODE: "99.01.01", Col.TANGGAL: ["2026-01-05", "2026-01-12"], Col.WAJIB: [1000, 1000],
                      Col.SUDAH: [850, 870], Col.NAMA: "Kec A"}),
        pd.DataFrame({Col.KODE: "99.01.02", Col.TANGGAL: ["2026-01-05", "2026-01-12"], Col.WAJIB: [1000, 1000],
                      Col.SUDAH: [950, 960], Col.NAMA: "Kec B"}),
        pd.DataFrame({Col.KODE: "99.01.03", Col.TANGGAL: ["2026-01-05", "2026-01-12"], Col.WAJIB: [1000, 1010],
                      Col.SUDAH: [800, 800], Col.NAMA: "Kec C"}),
    ])
    table = trend.projections(frame, target_pct=92, deadline="2026-03-31")
    view = trend_words.projection_view(table)
    shown = styled_text(view)
    assert shown["Kode"].tolist() == ["99.01.01", "99.01.03", "99.01.02"]
    assert shown["Status"].tolist() == ["tepat waktu pada laju ini", "tidak tercapai pada laju ini", "sudah tercapai"]
    # 920 − 870 = 50 missing at 20/7 a day: 17.5 → 18 days after 12 January.
    assert shown.iloc[0][["Cakupan", "Laju per hari", "Perkiraan tercapai", "Hari lagi"]].tolist() == [
        "87,00%", "2,9", "30 Januari 2026", "18"]
    assert shown["Perkiraan tercapai"].tolist()[1:] == ["tidak tercapai", "sudah tercapai"]  # as the rankings say
    # numbers and days stay values under their words: a click on a title sorts by them
    assert view.data["Cakupan"].tolist() == pytest.approx([87.0, 100 * 800 / 1010, 96.0])
    assert view.data["Hari lagi"].tolist()[0] == 18
    reached, never, done = view.data["Perkiraan tercapai"].tolist()
    assert done < reached < never  # already reached, 30 January 2026, never at this pace



def test_kind_words_and_headers_as_offices_write_them(store, tmp_path):
    from geo.io.events import event_kind

    assert [event_kind(w) for w in ("Gangguan Jaringan", "JEMPUT BOLA", "blanko habis", "alat_rusak", "banjir")] == [
        "jaringan_putus", "jemput_bola", "blangko_habis", "alat_rusak", None]
    version = events.add_event(store, "99.01.01", "Layanan Sabtu Minggu", "2026-02-14", "2026-02-15", None, "a")
    assert events.events(store).set_index(Col.VERSI).loc[version, columns.JENIS] == "layanan_akhir_pekan"
    path = tmp_path / "kegiatan.csv"
    path.write_text("No;Tgl. Mulai;S/D;Kode Wil;Kejadian;Catatan\n1;14/02/2026;15/02/2026;990101;jebol;Balai desa\n",
                    encoding="utf-8")
    frame = read_events(path)
    assert frame.attrs["kolom"] == {columns.MULAI: "tgl._mulai", columns.SELESAI: "s/d", Col.KODE: "kode_wil",
                                    columns.JENIS: "kejadian", columns.KETERANGAN: "catatan"}
    assert frame.loc[2].tolist() == ["14/02/2026", "15/02/2026", "990101", "jebol", "Balai desa"]


def test_events_read_newest_first_with_those_still_going_on_on_top(store):
    events.add_event(store, "99.01.01", "jaringan_putus", "2026-01-05", "2026-01-09", "kabel putus", "a")
    events.add_event(store, "99.01.02", "alat_rusak", "2026-02-02", None, "pemindai *rusak*", "a")
    events.add_event(store, "99.01.01.2001", "jemput_bola", "2026-03-14", "2026-03-14", None, "a")
    events.add_event(store, "99.01", "layanan_akhir_pekan", "2026-01-31", "2026-02-01", "Sabtu–Minggu", "a")
    frame = trend.events_for(events.events(store, open_until="2026-03-16"), "99.01")
    names = {"99.01.01": "Kec A", "99.01.02": "Kec B", "99.01.01.2001": "Desa A1"}
    assert trend_words.event_lines(frame, names) == [
        ("sejak 2 Februari 2026, masih berlangsung", "Alat rusak", "Kec B (99.01.02)", "pemindai *rusak*"),
        ("14 Maret 2026", "Jemput bola", "Desa A1 (99.01.01.2001)", ""),
        ("31 Januari – 1 Februari 2026", "Layanan akhir pekan", "99.01", "Sabtu–Minggu"),
        ("5–9 Januari 2026", "Jaringan putus", "Kec A (99.01.01)", "kabel putus"),
    ]
    assert [w for w, *_ in trend_words.event_lines(frame, names, "en", n=2)] == [
        "since 2 February 2026, still going on", "14 March 2026"]
    view = trend_words.events_view(frame, names)  # the table in the same order
    assert view["Mulai"].tolist() == ["2 Februari 2026", "14 Maret 2026", "31 Januari 2026", "5 Januari 2026"]
    assert view["Selesai"].tolist()[:2] == ["masih berlangsung", "14 Maret 2026"]
