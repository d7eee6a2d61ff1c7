"""Pockets of unrecorded people, hot spots, schools.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- pockets ---
    "hotspot_terlalu_sedikit": (
        "Analisis titik panas perlu minimal {minimum} wilayah dengan data; yang ada {jumlah}. Pilih tingkat "
        "desa atau wilayah yang lebih luas.",
        "Hot-spot analysis needs at least {minimum} areas with data; there are {jumlah}. Choose the village "
        "level or a larger area.",
    ),
    "pilihan_tidak_dikenal": (
        "Pilihan {nama}='{nilai}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown option {nama}='{nilai}'. Choose one of: {pilihan}.",
    ),
    "hotspot_metode": (
        "Gi* (Getis–Ord) atas laju belum rekam yang dihaluskan (Bayes empiris); tetangga: {k} wilayah "
        "terdekat; {permutasi} permutasi, seed {seed}; signifikan bila p ≤ {alpha} (dua sisi). Hasil: {panas} "
        "titik panas, {dingin} titik dingin.",
        "Gi* (Getis–Ord) on the empirical-Bayes smoothed rate of unrecorded people; neighbours: the {k} "
        "nearest areas; {permutasi} permutations, seed {seed}; significant when p ≤ {alpha} (two-sided). "
        "Result: {panas} hot spots, {dingin} cold spots.",
    ),
    "kelas_panas": ("titik panas", "hot spot"),
    "kelas_dingin": ("titik dingin", "cold spot"),
    "kelas_tidak_signifikan": ("tidak signifikan", "not significant"),
    "kol_peringkat": ("Peringkat", "Rank"),
    "kol_persen_belum": ("Belum rekam (%)", "Not recorded (%)"),
    "kol_menuju_hijau": ("Menuju hijau", "To green"),
    "kol_menuju_zona_berikut": ("Naik zona", "Up a zone"),  # short: both "to" columns fit a laptop's table
    "kol_hotspot": ("Titik panas/dingin", "Hot/cold spot"),
    "kol_p_value": ("p (pseudo)", "p (pseudo)"),
    "kol_npsn": ("NPSN", "School ID"),
    "kol_sekolah": ("Sekolah", "School"),
    "kol_jenjang": ("Jenjang", "Level"),
    "kol_nama_desa": ("Desa/kelurahan", "Village"),
    "kol_kabupaten": ("Kabupaten/kota", "Regency/city"),
    "kol_siswa_kelas_12": ("Siswa kelas 12", "Grade-12 students"),
    "kol_akan_17": ("Akan 17 tahun ≤ 6 bulan", "Turning 17 within 6 months"),
    "kol_belum_pemula": ("Belum rekam", "Not recorded"),
    "kol_pemula_belum": ("Pemula belum rekam", "First-timers not recorded"),
    "kol_pemula_sudah": ("Pemula sudah rekam", "First-timers recorded"),
    "belum_termasuk_pemula": (
        "{belum} belum rekam, termasuk {pemula} pemula ({persen}): remaja yang baru atau segera berumur 17 "
        "tahun, kebanyakan masih bersekolah.",
        "{belum} not recorded, including {pemula} first-timers ({persen}): young people just turning or about "
        "to turn 17, most of them still at school.",
    ),
    "beranda_pemula": (
        "{pemula} dari {belum} belum rekam adalah pemula ({persen}).",
        "{pemula} of the {belum} not recorded are first-timers ({persen}).",
    ),
    # the map's school layer: its name heads the legend, the point's words are its one row
    "lapisan_sekolah_kantong": ("Kantong pemula", "First-timers"),
    "lapisan_sekolah_kantong_titik": (
        "Sekolah dengan siswa akan 17 tahun yang belum rekam",
        "School with students turning 17 not recorded",
    ),
    "hotspot_label": ("{nama}: {kelas} (p = {p})", "{nama}: {kelas} (p = {p})"),
    "kantong_temuan": (
        "Terbanyak belum rekam: {nama}, {belum} orang — {persen} dari {total} belum rekam di {wilayah}.",
        "Most not yet recorded: {nama}, {belum} people — {persen} of the {total} in {wilayah}.",
    ),
    "kantong_temuan_teratas": (
        "{n} {tingkat} teratas memegang {jumlah} orang ({persen}).",
        "The top {n} {tingkat} hold {jumlah} people ({persen}).",
    ),
    "kantong_temuan_dekat": (
        "{k} dari {n} itu paling lama {menit} menit dari lokasi rekam yang berfungsi: warganya bisa datang "
        "sendiri, unit keliling lebih berguna di tempat yang jauh (Rencana Jemput Bola).",
        "{k} of those {n} lie within {menit} minutes of a working recording site: their people can come by "
        "themselves; the mobile units are of more use farther away (Mobile Unit Plan).",
    ),
    "kantong_temuan_kecamatan": ("Dari {n} itu, {daftar}.", "Of those {n}, {daftar}."),
    "kantong_temuan_kab": ("{k} dari {n} itu di {kabupaten}.", "{k} of those {n} are in {kabupaten}."),
    "kantong_temuan_kab_semua": ("Semuanya di {kabupaten}.", "All of them are in {kabupaten}."),
    "kantong_temuan_di": ("{k} di Kecamatan {kecamatan}", "{k} in {kecamatan} district"),
    "kantong_temuan_di_kab": ("{k} di Kecamatan {kecamatan} ({kabupaten})", "{k} in {kecamatan} district ({kabupaten})"),
    "kantong_intro": (
        "Di mana penduduk wajib KTP yang belum rekam? Wilayah diurutkan menurut jumlah dan menurut persentase "
        "belum rekam, dengan jumlah orang yang perlu direkam untuk naik zona dan untuk mencapai hijau.",
        "Where are the people who must hold an e-KTP but are not recorded yet? Areas ranked by number and by "
        "share not recorded, with how many people must record to move up a zone and to reach green.",
    ),
    "kantong_target": (
        "Menuju hijau: orang yang perlu direkam agar cakupan ≥ {hijau}. Naik zona: orang yang perlu direkam "
        "untuk keluar dari merah (ke kuning, ≥ {kuning}) atau dari kuning ke hijau; 0 bila sudah hijau.",
        "To green: people to record for coverage ≥ {hijau}. Up a zone: people to record to leave red (for "
        "yellow, ≥ {kuning}) or to go from yellow to green; 0 when already green.",
    ),
    "kantong_tab_jumlah": ("Menurut jumlah orang", "By number of people"),  # the intro names what is counted
    "kantong_tab_persen": ("Menurut persentase", "By share"),  # short: both fit a phone
    "kantong_peta": ("Peta kantong belum rekam", "Map of unrecorded pockets"),
    "kantong_hotspot_judul": ("Titik panas dan titik dingin", "Hot and cold spots"),
    "kantong_hotspot_hitung": ("Hitung titik panas/dingin", "Compute hot/cold spots"),
    "kantong_hotspot_info": (
        "Aktifkan untuk mencari kelompok wilayah bertetangga dengan laju belum rekam tinggi (titik panas) atau "
        "rendah (titik dingin). Hasilnya juga tampil sebagai titik di peta.",
        "Turn on to find groups of neighbouring areas with a high (hot spot) or low (cold spot) rate of "
        "unrecorded people. They also show as points on the map.",
    ),
    "kantong_hotspot_kosong": (
        "Tidak ada titik panas atau dingin yang signifikan.",
        "No significant hot or cold spots.",
    ),
    "kantong_pemula_judul": (
        "Kantong pemula: sekolah dengan siswa akan 17 tahun yang belum rekam",
        "First-timers: schools whose students turning 17 are not recorded",
    ),
    "kantong_pemula_tanpa_sekolah": (
        "Belum ada daftar sekolah di wilayah ini. Editor mengunggahnya di halaman Data, tab Titik & berkas lain, "
        "jenis Sekolah (templatnya di tab Templat), atau dengan python -m geo import-points BERKAS --kind sekolah.",
        "No list of schools for this area yet. An editor uploads it on the Data page, tab Points & other files, "
        "kind Schools (its template is in the Templates tab), or with python -m geo import-points FILE --kind "
        "sekolah.",
    ),
    "kantong_pemula_kosong": (
        "Tidak ada sekolah dengan siswa akan 17 tahun yang belum rekam.",
        "No school with students turning 17 who are not recorded.",
    ),
    "kantong_unduh_csv": ("Unduh CSV", "Download CSV"),
    "kantong_unduh_xlsx": ("Unduh XLSX", "Download XLSX"),
}
