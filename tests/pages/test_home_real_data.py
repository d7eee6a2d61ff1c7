"""Issue 2's promise on real data: Tangsel boundaries + an office spreadsheet → home page figures."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import fmt
from geo.cli import main
from tests.geo.test_cli_end_to_end import TANGSEL, _office_rows, _write_office_xlsx

ROOT = Path(__file__).resolve().parents[2]


def test_home_shows_the_office_figures(real_dir, tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    kab = real_dir / "cahyadsn_wilayah_boundaries" / "kabkota_36_banten_18.09_19.03.geojson"
    kec = real_dir / "cahyadsn_wilayah_boundaries" / "kecamatan_36_banten_18.09_19.03.geojson"
    desa = real_dir / "cahyadsn_wilayah_boundaries" / "desa_kelurahan_36.74_kota_tangerang_selatan.geojson"
    rows = _office_rows(real_dir)
    book = tmp_path / "rekap.xlsx"
    _write_office_xlsx(book, rows)
    assert main(["import-boundaries", str(kab), "--level", "kabupaten", "--db", url]) == 0
    assert main(["import-boundaries", str(kec), "--level", "kecamatan", "--db", url]) == 0
    assert main(["import-boundaries", str(desa), "--level", "desa", "--db", url]) == 0
    assert main(["import-enrollment", str(book), "--date", "2026-08-31", "--within", TANGSEL, "--db", url]) == 0
    capsys.readouterr()

    monkeypatch.setenv("REKAM_DB_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["area"] = TANGSEL
    at.run()
    assert not at.exception
    wajib = sum(r[3] + r[4] for r in rows)
    sudah = sum(r[5] + r[6] for r in rows)
    values = {m.label: m.value for m in at.metric}
    assert values["Wajib KTP"] == fmt.number(wajib)
    assert values["Sudah rekam"] == fmt.number(sudah)
    assert values["Belum rekam"] == fmt.number(wajib - sudah)
    assert values["Cakupan"] == fmt.percent(100 * sudah / wajib)
    assert at.title[0].value.endswith("Kota Tangerang Selatan")
    assert "31 Agustus 2026" in at.caption[0].value
    assert not at.info or "Data contoh sintetis" not in " ".join(i.value for i in at.info)
