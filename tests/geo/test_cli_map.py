"""`python -m geo map`: one self-contained HTML file whose figures equal the store's."""
from __future__ import annotations

import re

from geo import fmt
from geo.cli import main
from geo.coverage import coverage_table
from geo.ingest.demo import load_demo
from geo.schema import Col
from geo.store import Store


def test_standalone_map_has_every_desa_and_no_outside_reference(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    load_demo(Store.open(url))
    out = tmp_path / "peta.html"
    code = main(["map", "--level", "desa", "--within", "99.01.04", "--out", str(out), "--db", url])
    assert code == 0, capsys.readouterr().err
    html = out.read_text(encoding="utf-8")
    # Nothing is loaded from outside: no script/link/image URL, no CSS url() (Leaflet's source
    # comments may still mention web pages, which a browser never requests).
    assert not re.findall(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', html)
    assert not re.findall(r'url\(\s*["\']?(?:https?:)?//', html)
    assert not re.findall(r'@import', html)
    expected = coverage_table(Store.open(url), "desa", within="99.01.04")
    for kode in expected[Col.KODE]:
        assert f'"{kode}"' in html
    top = expected.sort_values(Col.BELUM, ascending=False).iloc[0]
    assert fmt.number(top[Col.BELUM]) in html and fmt.percent(top[Col.CAKUPAN]) in html


def test_map_of_an_empty_area_is_explained(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'rekam.sqlite'}"
    code = main(["map", "--level", "desa", "--within", "11.01", "--out", str(tmp_path / "x.html"), "--db", url])
    assert code == 1 and "impor batas" in capsys.readouterr().err
