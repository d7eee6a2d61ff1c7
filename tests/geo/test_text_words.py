"""Words of the catalogue as a reader meets them: English plurals, one English term for each
Indonesian one, subtitles filled with every level, abbreviations said where first shown."""
from __future__ import annotations

import re

import pytest

from geo.render.style import level_words, short_level_words
from geo.schema import Level
from geo.text import capacity, media, plan, pockets, tr, ui

# The catalogue parts these words are checked in (what the English reader sees on the dashboard).
PARTS = (ui, capacity, plan, media, pockets)
CHILD_LEVELS = (Level.PROVINSI, Level.KABUPATEN, Level.KECAMATAN, Level.DESA)


def _english(part) -> dict[str, str]:
    """Each English text of ``part`` without its placeholders (``{n|one|many}`` included)."""
    return {key: re.sub(r"\{[^{}]*\}", "", english) for key, (_, english) in part.TEXTS.items()}


@pytest.mark.parametrize(("kec", "desa", "said"), [
    ("1", "2", "1 district and 2 villages"),
    ("3", "1", "3 districts and 1 village"),
    ("1,311", "0", "1,311 districts and 0 villages"),
])
def test_plan_headlines_count_districts_and_villages_in_english(kec, desa, said):
    baseline = tr("rencana_headline_pembanding", "en", cara="largest backlog first", skor="1,311.5", total="700",
                  kec=kec, desa=desa)
    assert baseline == f"largest backlog first: score 1,311.5, about 700 people, {said}"
    head = tr("rencana_headline", "en", tujuan="most recorded", skor="10.0", total="647", kec=kec, desa=desa,
              pembanding=baseline)
    assert f"records about 647 people and changes the zone of {said};" in head
    assert tr("rencana_headline_pembanding", "id", cara="terdekat dulu", skor="2", total="700", kec="1", desa="2") == \
        "cara terdekat dulu: skor 2, ±700 orang, 1 kecamatan dan 2 desa"


def test_english_says_who_must_hold_an_e_ktp_not_wajib_ktp():
    """The established English term (the column "Must hold e-KTP", the map hovers) everywhere."""
    wajib = {f"{part.__name__}.{key}" for part in PARTS for key, text in _english(part).items()
             if re.search(r"(?i)\bwajib\b", text)}
    assert wajib == set()
    assert tr("kpi_di_atas_100", "en") == "above 100% — check the number who must hold an e-KTP"
    said = tr("kpi_desa_di_atas_100", "en", n="1", orang="148", daftar="")
    assert said.startswith("1 area inside is above 100%: 148 more people recorded than must hold an e-KTP")
    assert said.endswith("— check the number who must hold an e-KTP.")


def test_english_names_a_kabupaten_a_regency_or_city():
    """As the sidebar does ("Regency/city"): no untranslated "kabupaten" in English words."""
    kabupaten = {f"{part.__name__}.{key}" for part in PARTS for key, text in _english(part).items()
                 if re.search(r"(?i)\bkabupaten\b", text)}
    assert kabupaten == set()
    assert tr("kap_ringkasan_hari", "en") == "Regency/city backlog days"
    assert tr("kkap_batas", "en") == "Regency/city backlog (days)"
    assert "the regency/city's overall backlog (12 days)" in tr("kap_pinjam_catatan", "en", batas="12")


@pytest.mark.parametrize("level", CHILD_LEVELS)
def test_map_subtitles_read_well_for_every_level(level):
    """Filled as the builders fill them (plural level words): "zones of the districts", never
    "zones by districts"."""
    short, words = short_level_words(level, "en"), level_words(level, "en")
    subtitle = tr("peta_gambar_sub", "en", tingkat=short, tanggal="16 November 2026")
    assert subtitle == f"e-KTP recording coverage zones of the {short}, data as of 16 November 2026"
    assert tr("rb_peta_anak", "en", tingkat=words) == f"Zones of the {words}"
    assert tr("peta_gambar_sub", "id", tingkat=short_level_words(level), tanggal="16 November 2026") == \
        f"Zona cakupan perekaman KTP-el per {short_level_words(level)}, data per 16 November 2026"


def test_prr_is_said_to_be_print_ready_where_it_shows():
    """PRR, the print-ready records waiting for a card: the card section's heading (the first place
    on the Kapasitas page) says it in both languages, and no English text shows PRR alone."""
    assert tr("kartu_judul", "id") == "Alur kartu: rekam → siap cetak (PRR) → tercetak"
    assert tr("kartu_judul", "en") == "Card pipeline: recorded → print-ready (PRR) → printed"
    bare = {f"{part.__name__}.{key}" for part in PARTS for key, text in _english(part).items()
            if "PRR" in text and "print-ready" not in text.lower()}
    assert bare == set()
    assert tr("blangko_kurang", "en") == "Short for print-ready (PRR)"
