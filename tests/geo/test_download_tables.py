"""Table downloads in the reader's language: headers and coded words translated, numbers left numbers."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from geo import export, present
from geo.schema import Col


def _data() -> pd.DataFrame:
    return pd.DataFrame({Col.KODE: ["99.01.01", "99.01.02"], Col.CAKUPAN: [92.28, 84.5], Col.ZONA: ["hijau", None],
                         "hotspot": ["panas", "tidak_signifikan"], Col.BELUM: [760097, 12]})


def test_words_follow_the_language_and_numbers_stay_numbers():
    en = present.download_table(_data(), ["Code", "Coverage", "Zone", "Hot/cold spot", "Not recorded"], "en")
    assert en["Zone"].tolist() == ["green", "no data"]
    assert en["Hot/cold spot"].tolist() == ["hot spot", "not significant"]
    assert en["Not recorded"].tolist() == [760097, 12] and en["Coverage"].dtype == float
    id_ = present.download_table(_data(), ["Kode", "Cakupan", "Zona", "Titik panas/dingin", "Belum rekam"], "id")
    assert id_["Zona"].tolist() == ["hijau", "tidak ada data"]
    assert id_["Titik panas/dingin"].tolist() == ["titik panas", "tidak signifikan"]
    with pytest.raises(ValueError, match="4 headers for 5 columns"):
        present.download_table(_data(), ["Kode", "Cakupan", "Zona", "Belum rekam"], "id")


def test_csv_opens_as_numbers_in_the_readers_spreadsheet():
    frame = pd.DataFrame({"Nama": ["=CMD()", "Air Raya"], "Cakupan": [92.28, 106.73], "Belum rekam": [760097, 0]})
    text = export.to_csv_bytes(frame, "id").decode("utf-8-sig")
    assert text.splitlines() == ["Nama;Cakupan;Belum rekam", "'=CMD();92,28;760097", "Air Raya;106,73;0"]
    back = pd.read_csv(io.StringIO(text), sep=";", decimal=",")
    assert back["Cakupan"].tolist() == [92.28, 106.73]
    assert export.to_csv_bytes(frame, "en").decode("utf-8-sig").splitlines()[1] == "'=CMD(),92.28,760097"
