"""Texts of the whole country as a picked area: the picker, Beranda's roll-up and rankings, the
national map and the areas loaded for the map's viewport."""
from __future__ import annotations

TEXTS = {
    "seluruh_indonesia": ("Seluruh Indonesia", "All of Indonesia"),
    "pilih_wilayah_negara": ("Wilayah (negara, provinsi atau kabupaten/kota)",
                             "Area (country, province or regency/city)"),
    "home_peta_negara": ("Peta zona kabupaten/kota — seluruh Indonesia", "Zone map of regencies/cities — all of Indonesia"),
    "home_peringkat_negara": ("Provinsi dan kabupaten/kota, dari cakupan terendah",
                              "Provinces and regencies/cities, lowest coverage first"),
    "home_peringkat_cari": ("Cari nama", "Search by name"),
    "home_peringkat_cari_bantuan": ("Sebagian nama wilayah atau provinsinya, mis. serang",
                                    "Part of the area's or its province's name, e.g. serang"),
    "home_peringkat_jumlah": ("{jumlah} dari {semua} wilayah · klik judul kolom untuk mengurutkan",
                              "{jumlah} of {semua} areas · click a column's title to sort"),
    "kol_provinsi": ("Provinsi", "Province"),
    "negara_kab_belum_hijau": (
        "**{n} dari {total} kabupaten/kota belum di zona hijau** ({merah} merah, {kuning} kuning); terendah: "
        "{terendah}. Semuanya di tab Kabupaten/kota di bawah.",
        "**{n} of {total} regencies/cities {n|is|are} not green yet** ({merah} red, {kuning} yellow); lowest: "
        "{terendah}. All of them in the Regency/city tab below.",
    ),
    "negara_kab_semua_hijau": (
        "Semua {total} kabupaten/kota yang mengirim data sudah di zona hijau.",
        "All {total} regencies/cities that sent figures are green.",
    ),
    "kpi_tidak_dibandingkan": (
        "Tidak dibandingkan dengan data {tanggal}: angka itu dijumlah dari {sebelum} wilayah, sekarang dari "
        "{sekarang} — selisihnya karena wilayah yang baru mengirim data, bukan perubahan.",
        "Not compared with the data of {tanggal}: those figures summed {sebelum} areas, these sum {sekarang} — "
        "the difference comes from areas that sent figures since, not from a change.",
    ),
    "rb_tidak_dibandingkan": ("tidak dibandingkan: wilayah berbeda", "not compared: other areas"),
    "home_peringkat_laju_beda": (
        "Naik per minggu: cakupan (poin persen) yang bertambah per minggu, diukur pada data {pendek} sampai {hari} "
        "hari terakhir (lebih pendek bila data wilayahnya lebih baru); perkiraan tercapai: kapan zona hijau "
        "({hijau}) tercapai pada laju itu.",
        "Gain per week: coverage (percentage points) gained per week, measured over the last {pendek} to {hari} "
        "days of data (fewer where an area's data is younger); projected date: when the green zone ({hijau}) is "
        "reached at that pace.",
    ),
    "peringkat_tertinggal": ("Data {jumlah} {tingkat} lebih dari {batas} hari lebih tua dari {tanggal}: {daftar}. "
                             "Angka mereka di halaman ini bukan keadaan {tanggal}; minta data terbaru.",
                             "Data more than {batas} days older than {tanggal} in {jumlah} of the {tingkat}: {daftar}. "
                             "Their figures on this page are not those of {tanggal}; ask for newer data."),
    "peta_perbesar": ("Perbesar peta untuk memuat kecamatan, lalu desa, yang ada di layar.",
                      "Zoom in to load the districts, then the villages, on screen."),
    "peta_layar_dimuat": ("Di layar: {jumlah} {tingkat} (dimuat untuk bagian peta ini; geser atau perkecil untuk "
                          "wilayah lain).",
                          "On screen: {jumlah} {tingkat} (loaded for this part of the map; pan or zoom out for "
                          "other areas)."),
    "peta_layar_terlalu_banyak": ("Terlalu banyak {tingkat} di layar ({jumlah}); perbesar peta untuk memuatnya.",
                                  "Too many {tingkat} on screen ({jumlah}); zoom in to load them."),
    "tingkat_jamak_provinsi": ("provinsi", "provinces"),
    "tingkat_jamak_kabupaten": ("kabupaten/kota", "regencies/cities"),
    "tingkat_jamak_kecamatan": ("kecamatan", "districts"),
    "tingkat_jamak_desa": ("desa/kelurahan", "villages"),
    # pages of one kabupaten/kota office, opened for a provinsi or the country (ui.state.kabupaten_only)
    "rencana_per_kabupaten": (
        "Rencana jemput bola disusun per kabupaten/kota: unit keliling dan kantornya milik Disdukcapil "
        "kabupaten/kota. Pilih satu kabupaten/kota di {wilayah} — yang paling banyak belum rekam paling atas.",
        "Mobile-unit plans are made per regency/city: the units and their offices belong to its civil "
        "registry office. Pick a regency/city in {wilayah} — the most not yet recorded at the top.",
    ),
    "kapasitas_per_wilayah": (
        "Kapasitas perekaman (alat dan operator tiap kecamatan) dilihat per provinsi atau kabupaten/kota. "
        "Pilih satu provinsi atau satu kabupaten/kota di {wilayah} — yang paling banyak belum rekam paling atas.",
        "Recording capacity (devices and operators of each district) is shown per province or regency/city. "
        "Pick a province or a regency/city in {wilayah} — the most not yet recorded at the top.",
    ),
    "pilih_provinsi_kerja": ("Buka provinsi", "Open a province"),
    "pilih_kabupaten_kerja": ("Buka kabupaten/kota", "Open a regency/city"),
    "pilih_kabupaten_opsi": ("{nama} — {belum} belum rekam", "{nama} — {belum} not recorded"),
}
