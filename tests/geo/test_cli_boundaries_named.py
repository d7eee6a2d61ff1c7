"""``python -m geo import-boundaries`` on files without Kemendagri codes: the per-feature report,
refusal while features are unmatched (exit 1, nothing stored), ``--skip-unmatched``, ``--pick``
and ``--within``; on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import re

from geo.cli import main
from tests.geo import tangsel_named as tn


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def _history(capsys, url) -> list:
    code, out, _ = _cli(capsys, "history", "--format", "json", "--db", url)
    assert code == 0
    return json.loads(out) if out.strip().startswith("[") else []


def test_gadm_file_reports_every_feature_and_is_refused_while_one_is_unmatched(store_url, tmp_path, capsys):
    path = tn.write(tmp_path / "gadm41_IDN_4.geojson", tn.gadm_desa()[0])
    code, out, err = _cli(capsys, "import-boundaries", path, "--db", store_url)
    assert code == 1 and "Traceback" not in err
    assert "Berkas tanpa kode Kemendagri (GADM): 55 fitur dicocokkan menurut nama" in out
    assert "nama: 53 · nama_mirip: 1 · tidak_cocok: 1" in out
    assert re.search(r"38 +desa +Ciputattimur +Cirendeu +nama_mirip +36\.74\.05\.1004 +Cireundeu +94\.1", out)
    assert re.search(r"55 +desa +Ciputattimur +Situ Gintung +tidak_cocok +– +– +40\.0", out)
    assert "fitur 55 'Situ Gintung': kandidat 36.74.05.1004 Cireundeu (40.0); 36.74.05.1006 Rengas" in out
    assert "'Situ Gintung'" in err and "--skip-unmatched" in err and "Tidak ada yang disimpan" in err
    assert _history(capsys, store_url) == []

    code, out, err = _cli(capsys, "import-boundaries", path, "--skip-unmatched", "--db", store_url)
    assert code == 0, err
    assert "Tersimpan sebagai versi 1: 1 kabupaten, 7 kecamatan, 54 desa." in out
    stored = json.loads(out.split("54 desa.\n", 1)[1])
    assert (stored["skema"], stored["tidak_cocok"]) == ("GADM", 1)


def test_a_feature_picked_by_hand(store_url, tmp_path, capsys):
    rows, expected = tn.gadm_desa()
    missing = expected.index("36.74.05.1001")
    del rows[missing]
    path = tn.write(tmp_path / "gadm.geojson", rows)
    code, out, err = _cli(capsys, "--lang", "en", "import-boundaries", path, "--pick", "54=36.74.05.1001",
                          "--db", store_url)
    assert code == 0, err
    assert "manual" in out and "Stored as version 1: 1 kabupaten, 7 kecamatan, 54 desa." in out
    code, _, err = _cli(capsys, "import-boundaries", path, "--pick", "Situ=36.74", "--db", store_url)
    assert code == 1 and "7=36.74.03.1005" in err


def test_geoboundaries_asks_for_the_parent_area(store_url, tmp_path, capsys):
    path = tn.write(tmp_path / "geoBoundaries-IDN-ADM4.geojson", tn.geoboundaries("ADM4")[0])
    code, _, err = _cli(capsys, "import-boundaries", path, "--db", store_url)
    assert code == 1 and "--within" in err and "54 fitur tingkat desa" in err
    code, out, err = _cli(capsys, "import-boundaries", path, "--within", "36.74", "--db", store_url)
    assert code == 0, err
    assert "(geoBoundaries): 54 fitur" in out and "nama: 53 · nama_mirip: 1" in out
    assert "Tersimpan sebagai versi 1: 1 kabupaten, 7 kecamatan, 54 desa." in out


def test_osm_export_with_an_unknown_level(store_url, tmp_path, capsys):
    path = tn.write(tmp_path / "osm.geojson", tn.osm()[0])
    code, out, err = _cli(capsys, "import-boundaries", path, "--db", store_url)
    assert code == 1 and "'RW 05'" in err and "admin_level" in err
    code, out, err = _cli(capsys, "import-boundaries", path, "--skip-unmatched", "--db", store_url)
    assert code == 0, err
    assert "Tersimpan sebagai versi 1: 1 kabupaten, 1 kecamatan, 11 desa." in out
