"""Targets per area and period: the file, the store, and target against actual on the demo."""
from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest
from openpyxl import Workbook

from geo.cli.main import main as cli
from geo.columns import SELISIH_TARGET, STATUS, STATUS_TARGET, SUMBER_TARGET, TANGGAL_PROYEKSI, TARGET_PERSEN, TENGGAT
from geo.coverage import coverage_table
from geo.ingest.targets import import_targets, save_edited_targets, save_targets
from geo.present.targets import editor_view
from geo.io.targets import read_targets
from geo.schema import Col, FileRefused, Level, RekamError, ValidationFailed
from geo.store import Store
from geo.targets import area_projection, current_targets, target_for, vs_target
from geo.config import DEFAULTS, Settings
from geo.schema import ZoneConfig
from geo.text import describe
from geo.timeline import series
from geo.trend import Status, projection

TODAY = date(2026, 12, 4)


@pytest.fixture
def demo(demo_sqlite, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_sqlite, path)
    return Store.open(f"sqlite:///{path}")


def _xlsx(tmp_path, rows, header=("kode", "tahun", "bulan", "target_persen", "target_rekam", "keterangan")):
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(list(r))
    path = tmp_path / "target.xlsx"
    wb.save(path)
    return path


# --- the file ----------------------------------------------------------------------------------
def test_target_file_reads_months_percent_forms_and_counts(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("kode_wilayah;tahun;bulan;target_persen;target_rekam\n"
                    "99.01;2026;;95;\n"
                    "99.01.06;2026;Desember;85,5%;\n"
                    "990112;2026;3;;6.000\n"
                    "99.01.01;2026;Mar;0,9;\n", encoding="utf-8")
    frame = read_targets(path)
    rows = {(r[Col.KODE], r["bulan"]): r for r in frame.to_dict("records")}
    assert rows[("99.01", 0)]["target_persen"] == 95.0
    assert rows[("99.01.06", 12)]["target_persen"] == 85.5
    assert rows[("99.01.12", 3)]["target_rekam"] == 6000 and pd.isna(rows[("99.01.12", 3)]["target_persen"])
    assert rows[("99.01.01", 3)]["target_persen"] == 90.0  # an Excel percent cell read as 0,9


def test_target_file_names_each_bad_row_and_column(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("kode,tahun,bulan,target_persen,target_rekam\n"
                    "99.01,2026,,95,\n"
                    "xx,2026,,95,\n"
                    "99.01,26,,95,\n"
                    "99.01.02,2026,Brumaire,95,\n"
                    "99.01.03,2026,,120,\n"
                    "99.01.04,2026,,,\n"
                    "99.01.05,2026,,,-5\n"
                    "99.01,2026,,96,\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as err:
        read_targets(path)
    found = {(p.key, p.row, p.column) for p in err.value.problems}
    assert found == {("target_kode_salah", 3, "kode"), ("target_tahun_salah", 4, "tahun"),
                     ("target_bulan_salah", 5, "bulan"), ("target_persen_salah", 6, "target_persen"),
                     ("target_kosong", 7, None), ("angka_negatif", 8, "target_rekam"), ("target_ganda", 9, None)}
    text = describe(err.value)
    assert "Baris 9" in text and "baris 2" in text  # the duplicate names the row it repeats


def test_target_file_without_target_column_or_with_nik_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("kode,tahun,catatan\n99.01,2026,x\n", encoding="utf-8")
    with pytest.raises(FileRefused) as err:
        read_targets(path)
    assert err.value.key == "target_kolom_hilang" and "catatan" in describe(err.value)
    path.write_text("kode,tahun,target_persen,nik\n99.01,2026,95,3201234567890001\n", encoding="utf-8")
    with pytest.raises(RekamError) as err:
        read_targets(path)
    assert "NIK" in describe(err.value)


# --- into the store ----------------------------------------------------------------------------
def test_import_is_a_version_unknown_codes_refused_and_rollback_undoes_it(demo, tmp_path):
    bad = _xlsx(tmp_path, [("99.01.77", 2026, None, 95, None, None)])
    with pytest.raises(RekamError) as err:
        import_targets(demo, bad)
    assert err.value.key == "target_wilayah_tidak_ada" and "99.01.77" in describe(err.value)
    assert current_targets(demo).empty  # nothing stored
    good = _xlsx(tmp_path, [("99.01", 2026, None, 95, None, "kontrak kinerja")])
    version, n = import_targets(demo, good)
    assert n == 1 and demo.history().set_index("id").loc[version, "kind"] == "target"
    assert current_targets(demo, "99.01.06")["target_persen"].tolist() == [95.0]  # the parent's row is found
    demo.rollback(version)
    assert current_targets(demo).empty


def test_an_editor_change_is_a_new_version_and_a_cleared_row_clears_the_target(demo, tmp_path):
    import_targets(demo, _xlsx(tmp_path, [("99.01.06", 2026, 12, 85, None, None)]))
    frame = current_targets(demo)
    frame.loc[0, "target_persen"] = 88.0
    save_targets(demo, frame, user="editor1")
    assert current_targets(demo)["target_persen"].tolist() == [88.0]
    frame.loc[0, "target_persen"] = None
    save_targets(demo, frame, user="editor1")
    assert current_targets(demo).empty
    assert demo.history().iloc[0]["user"] == "editor1"


def test_the_data_pages_table_typed_as_people_write_saves_only_what_changed(demo, tmp_path):
    import_targets(demo, _xlsx(tmp_path, [("99.01", 2026, None, 95, None, "kontrak"),
                                          ("99.01.06", 2026, 12, 85, None, None)]))
    before = current_targets(demo)
    shown = editor_view(before)
    assert shown.values.tolist() == [["99.01", "2026", "", "95", "", "kontrak"], ["99.01.06", "2026", "12", "85", "", ""]]
    versions = len(demo.history())
    assert save_edited_targets(demo, before, shown, user="editor1") is None  # nothing changed, nothing stored
    assert len(demo.history()) == versions
    edited = pd.concat([shown.iloc[[0]], pd.DataFrame([{"kode": "99.01.03", "tahun": "2026", "bulan": "Maret",
                                                        "target_persen": "90,5", "target_rekam": "12.345"}])],
                       ignore_index=True)  # the kecamatan's December target deleted, a March one added
    save_edited_targets(demo, before, edited, user="editor1")
    after = current_targets(demo).set_index(Col.KODE)
    assert list(after.index) == ["99.01", "99.01.03"]
    assert (after.loc["99.01.03", "bulan"], after.loc["99.01.03", "target_persen"],
            after.loc["99.01.03", "target_rekam"]) == (3, 90.5, 12345)
    assert demo.history().iloc[0]["report"]["target"] == 2  # the new row and the cleared one, one version
    bad = edited.copy()
    bad.loc[1, "target_persen"] = "sembilan puluh"
    with pytest.raises(ValidationFailed) as caught:
        save_edited_targets(demo, current_targets(demo), bad, user="editor1")
    assert [(p.key, p.row, p.column) for p in caught.value.problems] == [("target_persen_salah", 2, "target_persen")]


# --- which target holds -------------------------------------------------------------------------
def test_month_beats_year_beats_parent_beats_default(demo, tmp_path):
    import_targets(demo, _xlsx(tmp_path, [("99.01", 2026, None, 95, None, None),
                                          ("99.01.06", 2026, None, 90, None, None),
                                          ("99.01.06", 2026, 12, 85, None, None)]))
    targets = current_targets(demo, "99.01")
    dec, jul = date(2026, 12, 4), date(2026, 7, 1)
    assert (target_for(targets, "99.01.06", dec)[TARGET_PERSEN], target_for(targets, "99.01.06", dec)[TENGGAT]) == \
        (85.0, "2026-12-31")
    assert target_for(targets, "99.01.06", jul)[SUMBER_TARGET] == "tahun"
    assert target_for(targets, "99.01.06.2001", jul)[TARGET_PERSEN] == 90.0  # the kecamatan's year target
    assert target_for(targets, "99.01.03", jul)[SUMBER_TARGET] == "induk"
    other_year = target_for(targets, "99.01.03", date(2027, 2, 1))
    assert other_year[SUMBER_TARGET] == "bawaan" and other_year[TARGET_PERSEN] == 92.0


def test_without_a_configured_deadline_the_default_is_the_end_of_the_datas_year(demo):
    """As every page says it (``Settings.deadline_for`` the data's date): seen in January 2027, data of
    16 November 2026 is measured against 31 December 2026, not a deadline a year later."""
    settings = Settings(zones=ZoneConfig())  # no tenggat
    january = date(2027, 1, 5)
    goal = target_for(current_targets(demo, "99.01"), "99.01", january, settings, data_day=date(2026, 11, 16))
    assert (goal[SUMBER_TARGET], goal[TENGGAT]) == ("bawaan", "2026-12-31")
    assert target_for(current_targets(demo, "99.01"), "99.01", january, settings)[TENGGAT] == "2027-12-31"
    seen = area_projection(demo, "99.01", today=january, settings=settings)
    assert seen[TENGGAT] == settings.deadline_for(demo.snapshot_dates("99.01")[-1]) == "2026-12-31"


def test_vs_target_on_demo_matches_the_coverage_and_projection_of_each_kecamatan(demo, tmp_path):
    """A kontrak kinerja imported from XLSX: 95% for the kabupaten this year, December steps for two
    kecamatan (one in people). Every row's figures equal the coverage table's and the projection's."""
    import_targets(demo, _xlsx(tmp_path, [("99.01", 2026, None, 95, None, None),
                                          ("99.01.06", 2026, 12, 85, None, None),
                                          ("99.01.12", 2026, 12, None, 6000, None)]))
    table = vs_target(demo, "99.01", today=TODAY).set_index(Col.KODE)
    cover = coverage_table(demo, Level.KECAMATAN, within="99.01").set_index(Col.KODE)
    frame = series(demo, "99.01", Level.KECAMATAN)
    assert list(table.index) == ["99.01", *sorted(cover.index)]
    for kode, row in table.drop(index="99.01").iterrows():
        assert row[Col.CAKUPAN] == pytest.approx(cover.loc[kode, Col.CAKUPAN])
        want = {"99.01.06": 85.0, "99.01.12": 100 * 6000 / cover.loc["99.01.12", Col.WAJIB]}.get(kode, 95.0)
        assert row[TARGET_PERSEN] == pytest.approx(want)
        assert row[SELISIH_TARGET] == pytest.approx(row[Col.CAKUPAN] - want)
        p = projection(frame[frame[Col.KODE] == kode], target_pct=want, deadline="2026-12-31", today=TODAY)
        expected = {Status.SUDAH_TERCAPAI.value: "tercapai", Status.TERCAPAI.value: "di_jalur"}.get(p[STATUS],
                                                                                                  "tertinggal")
        assert row[STATUS_TARGET] == expected, kode
        assert (None if pd.isna(row[TANGGAL_PROYEKSI]) else row[TANGGAL_PROYEKSI]) == p[TANGGAL_PROYEKSI]
    assert table.loc["99.01.12", STATUS_TARGET] == "tercapai"  # 6.009 recorded of a 6.000 target
    assert table.loc["99.01.06", STATUS_TARGET] == "tertinggal"


def test_the_target_table_marks_a_projected_date_already_past(demo):
    """Seen later than its projected date, an area 'di jalur' says its date has passed (the data is
    old) rather than showing a past date as the day the target will be reached."""
    from geo.columns import PROYEKSI_LEWAT
    from geo.fmt import long_date
    from geo.present.targets import target_view

    table = vs_target(demo, "99.01", today=TODAY)
    dated = table[table[TANGGAL_PROYEKSI].notna()]
    past = dated[dated[TANGGAL_PROYEKSI] < TODAY.isoformat()]
    assert len(past) and past[PROYEKSI_LEWAT].all() and not dated.loc[~dated.index.isin(past.index), PROYEKSI_LEWAT].any()
    shown = target_view(table).set_index(table[Col.KODE])["Perkiraan tercapai"]
    for kode, day in zip(dated[Col.KODE], dated[TANGGAL_PROYEKSI]):
        assert shown[kode] == (f"{long_date(day)} (lewat)" if day < TODAY.isoformat() else long_date(day)), kode


def test_cli_import_targets_and_targets_table(demo, tmp_path, capsys):
    url = str(demo.engine.url)
    path = _xlsx(tmp_path, [("99.01.06", 2026, 12, 85, None, None)])
    assert cli(["import-targets", str(path), "--db", url]) == 0
    assert "versi" in capsys.readouterr().out
    assert cli(["import-targets", str(path), "--db", url]) == 1  # the same file twice
    assert "sudah diimpor" in capsys.readouterr().err
    assert cli(["targets", "--within", "99.01", "--db", url, "--today", "2026-12-04", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    golo = next(line for line in lines if line.startswith("99.01.06,"))
    assert ",85.0," in golo and "terlambat pada laju ini" in golo


def test_the_trend_image_tells_the_target_in_force(demo, tmp_path):
    """A 95% target for the kabupaten: the media pack's trend image gives the verdict Beranda and Tren give
    (``area_projection``: the target in force), not one against the default hijau threshold."""
    from geo.present.trend import image_title
    from geo.render import media
    from geo.targets import area_projection

    import_targets(demo, _xlsx(tmp_path, [("99.01", 2026, None, 95, None, None)]))
    settings = DEFAULTS
    fig = media.chart_figure(demo, "99.01", "tren", settings=settings, today=TODAY)
    in_force = area_projection(demo, "99.01", today=TODAY, settings=settings)
    assert in_force["target_pct"] == 95
    title = image_title("Kabupaten Contoh Sejahtera", in_force, settings.zones.hijau, "id")
    assert fig.layout.meta["judul"] == title and "target 95%" in title
    assert any(t.name == "Target 95%" for t in fig.data)


def test_an_old_datas_trend_image_states_what_the_data_shows_not_a_guess(demo):
    """Read long after the newest data, the verdict can only guess that the target "should have been
    reached by now"; the trend image's title states the coverage on the data's date and the recordings
    still needed to hijau (from the store's sums) instead."""
    from geo.present.trend import image_title
    from geo.render import media

    settings = DEFAULTS
    newest = demo.snapshot_dates("99.01")[-1]
    kab = coverage_table(demo, Level.KABUPATEN, within="99")
    row = kab[kab[Col.KODE] == "99.01"].iloc[0]
    late = date.fromisoformat(newest) + pd.Timedelta(days=40)  # still before the deadline (31 December)
    old = area_projection(demo, "99.01", today=late, settings=settings)
    assert old["proyeksi_lewat"] and old[Col.CAKUPAN] < settings.zones.hijau
    need = -(-int(settings.zones.hijau * int(row[Col.WAJIB])) // 100) - int(row[Col.SUDAH])
    from geo import fmt
    said = (f"Kabupaten Contoh Sejahtera: {fmt.percent(row[Col.CAKUPAN], 2)} per {fmt.long_date(newest)} — "
            f"{fmt.number(need)} perekaman lagi menuju zona hijau")
    assert image_title("Kabupaten Contoh Sejahtera", old, settings.zones.hijau, "id") == said
    assert "mestinya" not in said
    fig = media.chart_figure(demo, "99.01", "tren", settings=settings, today=late)
    assert fig.layout.meta["judul"] == said


def test_the_target_table_says_each_status_in_trens_words(demo):
    """Beranda's target table and Tren's ranking say one area's state in one vocabulary: 'terlambat pada
    laju ini', 'tidak tercapai pada laju ini', 'sudah tercapai' (not 'tertinggal' beside 'terlambat');
    an area in time whose projected day is already behind today (old data: the kabupaten seen on
    TODAY) 'should be reached by now', never 'in time' beside a past date."""
    from geo.columns import PROYEKSI_LEWAT
    from geo.present.targets import target_view
    from geo.present.trend import projection_view
    from geo.trend import projection_table

    table = vs_target(demo, "99.01", today=TODAY)
    shown = dict(zip(table[Col.KODE], target_view(table)["Status target"]))
    late_or_never = table[table[STATUS_TARGET] == "tertinggal"]
    assert {shown[k] for k in late_or_never[Col.KODE]} == {"terlambat pada laju ini", "tidak tercapai pada laju ini"}
    assert {shown[k] for k in table[table[STATUS_TARGET] == "tercapai"][Col.KODE]} == {"sudah tercapai"}
    in_time_past = table[(table[STATUS] == Status.TERCAPAI.value) & (table[PROYEKSI_LEWAT] == True)]  # noqa: E712
    assert list(in_time_past[Col.KODE]) == ["99.01"]  # its projected day (5 Dec) is behind TODAY… 
    assert shown["99.01"] == "mestinya sudah tercapai (data lama)"  # … so it is no longer 'in time'
    english = dict(zip(table[Col.KODE], target_view(table, "en")["Target status"]))
    assert english["99.01"] == "should be reached by now (old data)"
    assert "di jalur" not in shown.values() and "tertinggal" not in shown.values()
    for within, level in (("99.01", None), ("99", "kabupaten")):  # Tren's rankings on the same day say the same
        ranking = projection_table(demo, within, level, target_pct=92, deadline="2026-12-31", today=TODAY)
        tren = dict(zip(ranking[Col.KODE], projection_view(ranking).data["Status"]))
        assert tren and all(tren[kode] == shown[kode] for kode in tren), within


def test_tables_say_a_rate_as_the_sentences_do(demo):
    """A rate per day reads the same in a table as in a sentence (``fmt.rate``): whole from a hundred
    up (a kabupaten's 510 a day, not 510,1), a tenth below (a kecamatan's 6,9)."""
    from geo.columns import LAJU
    from geo.fmt import rate
    from tests.pages.pages_run import styled_text
    from geo.present.targets import target_view
    from geo.present.trend import projection_view
    from geo.trend import projection_table

    table = vs_target(demo, "99.01", today=TODAY)
    ranking = projection_table(demo, "99.01", target_pct=92, deadline="2026-12-31", today=TODAY)
    big = table.assign(**{LAJU: table[LAJU] * 73.3})  # the same table at a province's scale
    assert (big[LAJU] >= 100).any() and (table[LAJU].dropna() < 100).all()
    for frame in (table, big):
        shown = target_view(frame)["Laju per hari"]
        assert list(shown) == [rate(v) for v in frame[LAJU]]
    assert "," not in "".join(s for s, v in zip(target_view(big)["Laju per hari"], big[LAJU]) if v >= 100)
    scaled = ranking.assign(**{LAJU: ranking[LAJU] * 73.3})
    shown = styled_text(projection_view(scaled))["Laju per hari"]
    assert list(shown) == [rate(v) for v in scaled[LAJU]] and any(v >= 100 for v in scaled[LAJU])


def test_the_target_sentence_names_the_late_furthest_behind_first_and_says_but_under_an_area_in_time(demo):
    """The first screen's answer to 'will we make it' names who will not (the kabupaten in time beside
    "6 of 12 kecamatan late" read as a contradiction): furthest behind first, the rest counted, "Namun"
    when the area above is in time; a count of none is left out."""
    from geo.present.targets import summary_words

    table = vs_target(demo, "99.01", today=TODAY).iloc[1:]
    late = table[table[STATUS_TARGET] == "tertinggal"].sort_values(SELISIH_TARGET)
    assert len(late) > 3
    first = list(late[Col.NAMA][:3])
    assert summary_words(table, "target_beranda_ringkas", named=3, despite=True).startswith(
        f"Namun {len(late)} dari 12 kecamatan tidak tepat waktu mencapai target pada laju ini: {', '.join(first)}, "
        f"dan {len(late) - 3} lainnya; ")
    english = summary_words(table, "target_beranda_ringkas", "en", named=3)
    assert english.startswith(f"{len(late)} of 12 districts will not reach the target in time at this rate: "
                              f"{', '.join(first)}, and {len(late) - 3} more; ")
    reached = table[table[STATUS_TARGET] == "tercapai"]
    assert summary_words(reached, "target_beranda_ringkas", named=3, despite=True) == (
        f"0 dari {len(reached)} kecamatan tidak tepat waktu mencapai target pada laju ini; {len(reached)} sudah "
        "mencapainya.")  # nobody late: no "Namun", no names


def test_the_target_summary_counts_as_the_rows_say_and_the_table_sorts_by_value(demo):
    """Beranda's sentence counts an area whose projected day is past apart (its row says 'mestinya sudah
    tercapai', not 'tepat waktu'); the table holds numbers and days (a click sorts -12,65 before -2,52 and
    2029 after 2027) and leaves out a target column saying 92% on every row."""
    from geo.present.targets import summary_words, target_table
    from tests.pages.pages_run import styled_text

    table = vs_target(demo, "99.01", today=TODAY)  # the kabupaten's own row: in time, its day (5 Dec) past
    assert table.loc[0, STATUS_TARGET] == "di_jalur"
    behind = int((table[STATUS_TARGET] == "tertinggal").sum())
    reached = int((table[STATUS_TARGET] == "tercapai").sum())
    assert summary_words(table, "target_beranda_ringkas") == (
        f"{behind} dari 13 kecamatan tidak tepat waktu mencapai target pada laju ini; {reached} sudah mencapainya. "
        "1 lainnya mestinya sudah tercapai menurut laju terakhir, tetapi datanya lama.")  # "0 tepat waktu" left out
    assert summary_words(table.iloc[1:], "target_beranda_ringkas") == (
        f"{behind} dari 12 kecamatan tidak tepat waktu mencapai target pada laju ini; {reached} sudah mencapainya.")
    view = target_table(table.iloc[1:])
    assert "Target" not in view.data.columns  # 92% on every row: the page says it once, under the table
    assert view.data["Selisih dari target"].dtype == float and view.data["Perlu per hari"].dtype == float
    shown = styled_text(view)
    assert list(shown["Selisih dari target"]) == [f"{v:+.2f} poin".replace(".", ",") for v in table.iloc[1:][SELISIH_TARGET]]
    order = view.data.sort_values("Perkiraan tercapai")["Nama wilayah"].tolist()  # by day, not by its words
    days = table.iloc[1:].set_index(Col.NAMA)[TANGGAL_PROYEKSI].dropna().sort_values()
    assert [n for n in order if n in days.index] == list(days.index)
    varied = table.iloc[1:].assign(**{TARGET_PERSEN: [92.0] * 11 + [95.0]})
    assert "Target" in target_table(varied).data.columns
