"""Codes and names as offices write them: normalisation, BPS shapes, prefixes, abbreviations."""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from geo.names import (
    code_shape,
    compact_name,
    is_ambiguous_code,
    kabupaten_kind,
    normalize_code,
    normalize_name,
)
from geo.schema import LEVELS, Level

KEMENDAGRI_2025 = "kemendagri_kode_wilayah/kode_wilayah_kepmendagri_2025_targets.csv"
DIFF_2022_2025 = "kemendagri_kode_wilayah/diff_2022_vs_2025_targets.csv"
BPS_2018 = "bps_mfd_2018_kode/kode_wilayah_bps_mfd2018_targets.csv"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("36.74.01.1001", "36.74.01.1001"),
        ("3674011001", "36.74.01.1001"),
        (3674011001, "36.74.01.1001"),
        (np.int64(3674011001), "36.74.01.1001"),
        (3674011001.0, "36.74.01.1001"),
        ("3674011001.0", "36.74.01.1001"),  # a float column written out as text
        ("36.74.1.1001", "36.74.01.1001"),
        ("36.7.1", "36.07.01"),
        ("  36.74.01.1001 ", "36.74.01.1001"),
        ("'3674011001", "36.74.01.1001"),  # Excel's text marker
        ('"36.74"', "36.74"),
        ("‘36.74.01’", "36.74.01"),
        ("36. 74 .01", "36.74.01"),
        ("36", "36"),
        (36, "36"),
        (36.0, "36"),
        ("36.0", "36"),
        ("1903", "19.03"),
        ("367401", "36.74.01"),
        (36.74, "36.74"),
        (36.7, "36.70"),  # the float lost the trailing zero of 36.70
        (36.7401, None),  # 36.74.01 or not? ambiguous
        ("3674010001", None),  # BPS desa: desa segment starts with 0
        ("3674010", None),  # BPS kecamatan
        (3674010, None),
        ("36.74.01.0001", None),
        ("36.74.00", None),
        ("06.74", None),
        ("36.74.01.1001.5", None),
        ("36.740", None),
        ("367", None),
        ("abc", None),
        ("", None),
        (None, None),
        (float("nan"), None),
        (pd.NA, None),
        (True, None),
        (-3674, None),
    ],
)
def test_normalize_code(value, expected):
    assert normalize_code(value) == expected


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("36.74.01.1001", "kemendagri"),
        (3674011001, "kemendagri"),
        ("1903", "kemendagri"),  # ambiguous, see is_ambiguous_code
        ("3674010", "bps"),
        (3674010, "bps"),
        ("3674010001", "bps"),
        (3674010001.0, "bps"),
        ("'3674010001", "bps"),
        ("36.74.01.0001", "unknown"),
        ("36.7401.1001", "unknown"),
        ("JUMLAH", "unknown"),
        (None, "unknown"),
    ],
)
def test_code_shape(value, shape):
    assert code_shape(value) == shape


@pytest.mark.parametrize(
    ("value", "ambiguous"),
    [("1903", True), (1903, True), ("19.03", False), ("3674011001", True),
     (3603121005, True), ("36.74.01.1001", False), ("367401", False), ("36", False), (None, False)],
)
def test_is_ambiguous_code(value, ambiguous):
    assert is_ambiguous_code(value) is ambiguous


@pytest.mark.parametrize(
    ("name", "level", "expected"),
    [
        ("KEC. SERPONG UTARA", Level.KECAMATAN, "SERPONG UTARA"),
        ("Kecamatan Serpong Utara", Level.KECAMATAN, "SERPONG UTARA"),
        ("  serpong   utara ", Level.KECAMATAN, "SERPONG UTARA"),
        ("KEC.SERPONG UTARA", Level.KECAMATAN, "SERPONG UTARA"),
        ("KEL. PD. BENDA", Level.DESA, "PONDOK BENDA"),
        ("Kelurahan Pondok Benda", Level.DESA, "PONDOK BENDA"),
        ("DESA TG. ANAM", Level.DESA, "TANJUNG ANAM"),
        ("Ds. Kp. Baru", Level.DESA, "KAMPUNG BARU"),
        ("Kmp Melayu Tim", Level.DESA, "KAMPUNG MELAYU TIMUR"),
        ("Kmp Melayu Brt", Level.DESA, "KAMPUNG MELAYU BARAT"),
        ("SEI. LIAT", Level.DESA, "SUNGAI LIAT"),
        ("Sei Liat", Level.DESA, "SUNGAI LIAT"),
        ("BT. BETUMPANG", Level.DESA, "BATU BETUMPANG"),
        ("PAMULANG BAR.", Level.DESA, "PAMULANG BARAT"),
        ("Serpong Ut.", Level.KECAMATAN, "SERPONG UTARA"),
        ("Bangka Sel.", Level.KABUPATEN, "BANGKA SELATAN"),
        ("KAB. BANGKA SELATAN", Level.KABUPATEN, "BANGKA SELATAN"),
        ("Kabupaten Pesawaran", Level.KABUPATEN, "PESAWARAN"),
        ("KOTA TANGERANG SELATAN", Level.KABUPATEN, "TANGERANG SELATAN"),
        ("Kota Adm. Jakarta Pusat", Level.KABUPATEN, "JAKARTA PUSAT"),
        ("Provinsi Banten", Level.PROVINSI, "BANTEN"),
        # KOTA is a prefix only for kabupaten/kota: desa and kecamatan are called Kota Baru.
        ("Kota Baru", Level.DESA, "KOTA BARU"),
        ("Kota Agung", Level.KECAMATAN, "KOTA AGUNG"),
        ("Desa Kota Baru", Level.DESA, "KOTA BARU"),
        ("Kota Baru", None, "KOTA BARU"),
        ("KEL. CIATER", None, "CIATER"),
        ("KAB. LEBAK", None, "LEBAK"),
        # Prefixes of another level stay.
        ("Kecamatan Setu", Level.DESA, "KECAMATAN SETU"),
        # A prefix that is the whole name is the name.
        ("Desa", Level.DESA, "DESA"),
        # Words that merely start like a prefix or an abbreviation stay.
        ("Kelapa Dua", Level.DESA, "KELAPA DUA"),
        ("Kademangan", Level.DESA, "KADEMANGAN"),
        ("Desa-Tanjung", Level.DESA, "TANJUNG"),
        ("Ma'rif (Baru)", Level.DESA, "MARIF BARU"),
        ("Cikaratuan/Cikaratuwan", Level.DESA, "CIKARATUAN CIKARATUWAN"),
        ("Sukajaya II", Level.DESA, "SUKAJAYA II"),
        ("Pondok Cabé", Level.DESA, "PONDOK CABE"),
        ("", Level.DESA, ""),
        (None, Level.DESA, ""),
        (float("nan"), Level.DESA, ""),
    ],
)
def test_normalize_name(name, level, expected):
    assert normalize_name(name, level) == expected


def test_level_given_as_text():
    assert normalize_name("Kota Serang", "kabupaten") == "SERANG"


def test_compact_name_ignores_spaces():
    assert compact_name("Ciputat Timur", Level.KECAMATAN) == compact_name("Ciputattimur", Level.KECAMATAN) == "CIPUTATTIMUR"
    assert compact_name("KEC. CIPUTAT TIM.", Level.KECAMATAN) == "CIPUTATTIMUR"
    assert compact_name("Bambuapus") == compact_name("Bambu Apus") == "BAMBUAPUS"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Kota Serang", "kota"), ("KOTA TANGERANG SELATAN", "kota"), ("Kab. Serang", "kabupaten"),
     ("KABUPATEN LEBAK", "kabupaten"), ("Serang", None), ("Kota", None), (None, None)],
)
def test_kabupaten_kind(name, kind):
    assert kabupaten_kind(name) == kind


# --- real tables ---------------------------------------------------------------
def test_every_kemendagri_code_survives_losing_its_dots(real_dir):
    table = pd.read_csv(real_dir / KEMENDAGRI_2025, dtype=str)
    assert len(table) == 1940
    undotted = table["kode"].str.replace(".", "", regex=False)
    assert (undotted.map(normalize_code) == table["kode"]).all()
    assert (undotted.astype("int64").map(normalize_code) == table["kode"]).all()
    assert (undotted.astype("float64").map(normalize_code) == table["kode"]).all()
    assert set(table["kode"].map(code_shape)) == {"kemendagri"}


def test_every_code_of_the_whole_country_is_a_kemendagri_code(real_dir):
    """All 91,599 codes of Kepmendagri 2025, the desa adat of Papua (91.03.01.3007 …) included."""
    path = real_dir / "kemendagri_kode_wilayah" / "kode_wilayah_kepmendagri_2025_indonesia.csv"
    if not path.exists():
        pytest.skip(f"the national code table is not here: {path}")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(table) == 91599
    assert (table["kode"].map(normalize_code) == table["kode"]).all()
    adat = table[table["kode"].str.match(r"^\d\d\.\d\d\.\d\d\.3")]
    assert len(adat) == 14 and (adat["kode"].str.replace(".", "", regex=False).map(normalize_code)
                                == adat["kode"]).all()


def test_bps_codes_are_recognised_by_shape(real_dir):
    bps = pd.read_csv(real_dir / BPS_2018, dtype=str)
    shapes = Counter((len(k), code_shape(k)) for k in bps["kode"])
    # Every 7-digit kecamatan is BPS-shaped; 10-digit desa only when the kecamatan
    # number ends in 0 (…010001). The other 514 (kecamatan …011, …021) read as
    # Kemendagri codes, which is why the join checks undotted codes by name.
    assert shapes == {
        (2, "kemendagri"): 3,
        (4, "kemendagri"): 11,
        (7, "bps"): 180,
        (10, "bps"): 1240,
        (10, "kemendagri"): 514,
    }
    ten = bps["kode"][bps["kode"].str.len() == 10]
    assert ten.map(is_ambiguous_code).all()


def test_2022_names_differing_only_in_case_space_or_prefix_normalise_equal(real_dir):
    diff = pd.read_csv(real_dir / DIFF_2022_2025, dtype=str, keep_default_na=False)
    cosmetic = diff[diff["change"].isin(["whitespace_only", "case_or_prefix_only"])]
    assert len(cosmetic) == 70
    for kode, old, new in cosmetic[["kode", "nama_2022", "nama_2025"]].itertuples(index=False):
        level = LEVELS[kode.count(".")]
        assert normalize_name(old, level) == normalize_name(new, level), kode


def test_2022_renames_that_only_move_spaces_compact_equal(real_dir):
    diff = pd.read_csv(real_dir / DIFF_2022_2025, dtype=str, keep_default_na=False)
    renamed = diff[diff["change"] == "renamed"]
    assert len(renamed) == 28
    same = [k for k, old, new in renamed[["kode", "nama_2022", "nama_2025"]].itertuples(index=False)
            if compact_name(old) == compact_name(new)]
    assert len(same) == 14
    assert {"36.74.06.1007", "36.74.01.1003", "19.03.07", "36.02.23"} <= set(same)


def test_kemendagri_abbreviated_names_equal_bps_spelt_out(real_dir):
    kemendagri = pd.read_csv(real_dir / KEMENDAGRI_2025, dtype=str).set_index("kode")["nama"]
    bps = pd.read_csv(real_dir / BPS_2018, dtype=str).set_index("kode")["nama"]
    # Kabupaten Tangerang, Kec. Teluknaga (BPS 3603200).
    assert kemendagri["36.03.13.2006"] == "Kmp Melayu Tim"
    assert normalize_name(kemendagri["36.03.13.2006"], Level.DESA) == normalize_name(bps["3603200005"], Level.DESA)
    assert normalize_name(kemendagri["36.03.13.2007"], Level.DESA) == normalize_name(bps["3603200006"], Level.DESA)
