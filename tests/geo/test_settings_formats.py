"""Zone configuration (file, environment, boundaries) and Indonesian/English formats."""
from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from geo import fmt
from geo.export import neutralise, to_csv_bytes, to_xlsx_bytes
from geo.schema import ConfigError, Zone, ZoneConfig
from geo.config import load_settings
from geo.text import describe


def test_thresholds_on_the_boundary_take_the_better_zone():
    z = ZoneConfig()
    assert [z.zone(v) for v in (92.0, 91.999, 85.0, 84.99, 106.73)] == [
        Zone.HIJAU, Zone.KUNING, Zone.KUNING, Zone.MERAH, Zone.HIJAU]
    assert z.zone(float("nan")) is None


def test_thresholds_from_file_then_environment(tmp_path, monkeypatch):
    conf = tmp_path / "config.toml"
    conf.write_text("[zona]\nhijau = 95\nkuning = 88\n[unggah]\nmaks_mb = 5\n")
    monkeypatch.delenv("REKAM_HIJAU", raising=False)
    s = load_settings(conf)
    assert (s.zones.hijau, s.zones.kuning, s.max_upload_mb) == (95, 88, 5)
    monkeypatch.setenv("REKAM_HIJAU", "97,5")
    assert load_settings(conf).zones.hijau == 97.5
    monkeypatch.setenv("REKAM_HIJAU", "banyak")
    with pytest.raises(ConfigError) as err:
        load_settings(conf)
    assert "REKAM_HIJAU" in describe(err.value)


def test_inconsistent_thresholds_are_refused(tmp_path):
    conf = tmp_path / "config.toml"
    conf.write_text("[zona]\nhijau = 80\nkuning = 90\n")
    with pytest.raises(ConfigError) as err:
        load_settings(conf)
    assert err.value.key == "ambang_zona"


def test_indonesian_and_english_formats():
    assert fmt.number(760097) == "760.097"
    assert fmt.number(760097, lang="en") == "760,097"
    assert fmt.percent(92.28) == "92,28%"
    assert fmt.percent(100 * 380249 / 412048) == "92,28%"
    assert fmt.percent(106.7342, 2, "en") == "106.73%"
    assert fmt.long_date("2017-08-31") == "31 Agustus 2017"
    assert fmt.long_date("2017-08-31", "en") == "31 August 2017"
    assert fmt.signed(-3746) == "-3.746" and fmt.signed(0.45, 2, suffix=" poin") == "+0,45 poin"
    assert fmt.number(None) == "–" and fmt.percent(float("nan")) == "–"


def test_exports_neutralise_formulas():
    frame = pd.DataFrame({"nama": ["=HYPERLINK(\"x\")", "+62", "-", "@SUM(A1)", "Desa Aman"], "n": [1, 2, 3, 4, 5]})
    out = neutralise(frame)
    assert list(out["nama"]) == ["'=HYPERLINK(\"x\")", "'+62", "'-", "'@SUM(A1)", "Desa Aman"]
    assert list(out["n"]) == [1, 2, 3, 4, 5]
    written = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), encoding="utf-8-sig", dtype=str)
    assert list(written["nama"][:2]) == ["'=HYPERLINK(\"x\")", "'+62"]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"Daftar": frame})))
    cells = [c.value for c in book["Daftar"]["A"]]
    assert cells[1] == "'=HYPERLINK(\"x\")" and book["Daftar"]["B"][1].value == 1


def test_target_deadline_and_stale_days_from_the_config_file(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    path.write_text("[target]\npersen = 95\ntenggat = 2027-06-30\n[data]\nbasi_hari = 7\n", encoding="utf-8")
    settings = load_settings(path)
    assert (settings.target, settings.deadline, settings.stale_days) == (95.0, "2027-06-30", 7)
    plain = load_settings(tmp_path / "tidak_ada.toml")
    assert (plain.target, plain.deadline_for("2026-11-16"), plain.stale_days) == (92.0, "2026-12-31", 14)
    path.write_text('[target]\ntenggat = "akhir tahun"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert err.value.key == "config_nilai_salah" and err.value.params["nama"] == "target.tenggat"
