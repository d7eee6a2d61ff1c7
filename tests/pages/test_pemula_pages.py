"""First-timers (pemula) on the pages: once an office file with BELUM REKAM PEMULA is imported into the
demo store, Kantong shows a pemula column and a note, Beranda one line with the share — numbers
summed from the file itself; without such a figure neither says anything about pemula."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo import fmt, ingest
from geo.coverage import coverage_table
from geo.schema import Col
from geo.store import Store
from tests.geo.test_pemula import thousands
from tests.pages.pages_run import shown_text

ROOT = Path(__file__).resolve().parents[2]
DAY = "2026-11-23"  # a week after the demo's last snapshot


def _office_file(store: Store, kab: str) -> tuple[bytes, dict[str, tuple[int, int]]]:
    """Every desa's newest demo figures as an office recap with BELUM REKAM PEMULA (three in ten of
    the belum rekam, by hand); returns the file and {kode: (belum, belum pemula)} as written in it."""
    desa = coverage_table(store, "desa", within=kab)
    desa = desa[desa[Col.WAJIB].notna()]
    lines = ["REKAPITULASI PEREKAMAN KTP-EL", "KODE;DESA/KELURAHAN;WAJIB KTP;SUDAH REKAM;BELUM REKAM;BELUM REKAM PEMULA"]
    written = {}
    for kode, nama, wajib, sudah in zip(desa[Col.KODE], desa[Col.NAMA], desa[Col.WAJIB], desa[Col.SUDAH]):
        belum = max(int(wajib) - int(sudah), 0)  # a desa above 100 % (stale wajib) has none left
        written[kode] = (belum, 3 * belum // 10)
        lines.append(f"{kode};{nama};{thousands(int(wajib))};{thousands(int(sudah))};{thousands(belum)};"
                     f"{written[kode][1]}")
    return "\n".join(lines).encode("utf-8"), written


def _with_pemula(url: str) -> tuple[str, dict[str, tuple[int, int]]]:
    store = Store.open(url)
    kab = store.areas(level="kabupaten")[Col.KODE].iloc[0]
    data, written = _office_file(store, kab)
    prepared = ingest.prepare_enrollment(store, data, level="desa", within=kab, file_name="rekap_pemula.csv")
    ingest.commit_enrollment(store, prepared, tanggal=DAY, user="uji", allow_date=True)
    store.close()
    return kab, written


def test_kantong_shows_the_pemula_column_and_note(demo_env):
    _, written = _with_pemula(demo_env)
    at = AppTest.from_file(str(ROOT / "pages" / "kantong.py"), default_timeout=120).run()
    assert not at.exception
    shown = shown_text(at.dataframe[0])  # as read
    columns = list(shown.columns)
    assert columns[columns.index("Belum rekam") + 1] == "Pemula belum rekam"
    assert shown["Pemula belum rekam"].tolist() == [fmt.number(written[k][1]) for k in shown["Kode"]]
    belum, pemula = (sum(v[i] for v in written.values()) for i in (0, 1))
    note = next(c.value for c in at.caption if "termasuk" in c.value)
    assert note.startswith(f"{fmt.number(belum)} belum rekam, termasuk {fmt.number(pemula)} pemula "
                           f"({fmt.percent(100 * pemula / belum, 1)})")


def test_beranda_says_the_share_of_pemula(demo_env):
    _, written = _with_pemula(demo_env)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    belum, pemula = (sum(v[i] for v in written.values()) for i in (0, 1))
    line = f"{fmt.number(pemula)} dari {fmt.number(belum)} belum rekam adalah pemula ({fmt.percent(100 * pemula / belum, 0)})."
    assert line in [c.value for c in at.caption]
    assert next(m.value for m in at.metric if m.label == "Belum rekam") == fmt.number(belum)


def test_no_pemula_figure_no_line_nor_column(demo_env):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception and not any("pemula" in c.value for c in at.caption)
    at = AppTest.from_file(str(ROOT / "pages" / "kantong.py"), default_timeout=120).run()
    assert not at.exception and "Pemula belum rekam" not in at.dataframe[0].value.columns
    assert not any("termasuk" in c.value for c in at.caption)
