"""Errors, tables and messages shared by every part (store, imports, CLI).

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- messages ---
    "lokasi_baris": ("Baris {baris}", "Row {baris}"),
    "lokasi_lembar": ("Lembar '{lembar}'", "Sheet '{lembar}'"),
    "lokasi_baris_lembar": ("baris {baris}", "row {baris}"),
    "lokasi_kolom": ("kolom '{kolom}'", "column '{kolom}'"),
    "validasi_gagal": (
        "Berkas ditolak: {jumlah} masalah ditemukan. Perbaiki lalu unggah ulang; data lama tidak berubah.",
        "File refused: {jumlah} {jumlah|problem|problems} found. Fix them and upload again; existing data is unchanged.",
    ),
    "ambang_zona": (
        "Ambang zona tidak masuk akal: hijau={hijau}, kuning={kuning}. Pastikan 0 ≤ kuning ≤ hijau di "
        "data/config.toml.",
        "Zone thresholds make no sense: hijau={hijau}, kuning={kuning}. Make sure 0 ≤ kuning ≤ hijau in "
        "data/config.toml.",
    ),
    "env_bukan_angka": (
        "Variabel lingkungan {nama}='{nilai}' bukan angka. Tulis angka, misalnya 92 atau 92,5.",
        "Environment variable {nama}='{nilai}' is not a number. Write a number such as 92 or 92.5.",
    ),
    "config_nilai_salah": (
        "Nilai '{nilai}' untuk {nama} di data/config.toml tidak bisa dipakai. Tulis angka (mis. 95) atau "
        "tanggal TTTT-BB-HH sesuai contohnya.",
        "Value '{nilai}' for {nama} in data/config.toml cannot be used. Write a number (e.g. 95) or a date "
        "YYYY-MM-DD as in its example.",
    ),
    "config_rusak": (
        "Berkas konfigurasi {path} tidak bisa dibaca ({detail}). Periksa penulisan TOML-nya.",
        "Configuration file {path} cannot be read ({detail}). Check its TOML syntax.",
    ),
    # --- present ---
    "kol_kode": ("Kode", "Code"),
    "kol_nama": ("Nama wilayah", "Area"),
    "kol_induk": ("Kecamatan", "District"),
    "kol_wajib": ("Wajib KTP", "Must hold e-KTP"),
    "kol_sudah": ("Sudah rekam", "Recorded"),
    "kol_belum": ("Belum rekam", "Not recorded"),
    "kol_cakupan": ("Cakupan", "Coverage"),
    "kol_zona": ("Zona", "Zone"),
    "kol_perubahan": ("Perubahan cakupan", "Change in coverage"),
    "kol_tanggal": ("Data per", "Data as of"),
    "kol_baris": ("Baris", "Row"),
    "kol_kode_berkas": ("Kode di berkas", "Code in file"),
    "kol_prr": ("PRR", "PRR"),
    "kol_cetak": ("Sudah cetak", "Printed"),
    "kol_pemula": ("Pemula", "First-timers"),
    "zona_hijau_kata": ("hijau", "green"),
    "zona_kuning_kata": ("kuning", "yellow"),
    "zona_merah_kata": ("merah", "red"),
    "tidak_ada_data": ("tidak ada data", "no data"),
    "di_atas_100": ("di atas 100%: periksa data wajib KTP", "above 100%: check the number who must hold an e-KTP"),
    # --- store ---
    "db_tidak_bisa_dibuka": (
        "Basis data tidak bisa dibuka ({url}): {detail}. Periksa --db atau REKAM_DB_URL.",
        "The database cannot be opened ({url}): {detail}. Check --db or REKAM_DB_URL.",
    ),
    "db_skema_tidak_didukung": (
        "Basis data '{url}' memakai skema '{skema}' yang tidak didukung. Pakai SQLite (sqlite:///data/rekam.sqlite) "
        "atau PostgreSQL/PostGIS (postgresql+psycopg://pengguna@host:5432/nama).",
        "Database '{url}' uses the scheme '{skema}', which is not supported. Use SQLite (sqlite:///data/rekam.sqlite) "
        "or PostgreSQL/PostGIS (postgresql+psycopg://user@host:5432/name).",
    ),
    "db_url_tidak_dikenal": (
        "'{nilai}' bukan alamat basis data. Tulis berkas SQLite berakhiran .sqlite (mis. data/rekam.sqlite) atau "
        "URL seperti postgresql+psycopg://pengguna@host:5432/nama.",
        "'{nilai}' is not a database address. Write a SQLite file ending in .sqlite (e.g. data/rekam.sqlite) or a "
        "URL such as postgresql+psycopg://user@host:5432/name.",
    ),
    "db_folder_tidak_ada": (
        "Folder {folder} tidak ada, jadi basis data tidak bisa dibuat di sana. Buat foldernya dulu atau periksa "
        "--db / REKAM_DB_URL.",
        "Folder {folder} does not exist, so the database cannot be created there. Create it first or check --db / "
        "REKAM_DB_URL.",
    ),
    "db_rusak": (
        "Berkas basis data {path} rusak ({detail}); tidak ada yang ditulis ke dalamnya. Pulihkan dari cadangan, "
        "atau pindahkan berkas itu dan impor ulang data Anda.",
        "Database file {path} is damaged ({detail}); nothing was written to it. Restore it from a backup, or move "
        "the file away and import your data again.",
    ),
    "db_gagal_menulis": (
        "Gagal menyimpan ke basis data: {detail}. Tidak ada yang diubah; coba lagi.",
        "Could not write to the database: {detail}. Nothing was changed; try again.",
    ),
    "versi_tidak_ada": (
        "Versi {versi} tidak ada. Lihat daftar versi dengan: python -m geo history",
        "Version {versi} does not exist. List versions with: python -m geo history",
    ),
    "berkas_sudah_diimpor": (
        "Berkas yang sama persis sudah diimpor sebagai versi {versi} ({file_name}, {waktu}). Jika memang ingin "
        "mengimpor lagi, centang 'Impor ulang berkas yang sama'.",
        "The very same file was already imported as version {versi} ({file_name}, {waktu}). To import it again "
        "anyway, tick 'Re-import the same file'.",
    ),
    "versi_sudah_dibatalkan": (
        "Versi {versi} sudah dibatalkan sebelumnya.",
        "Version {versi} was already rolled back.",
    ),
    # --- ingest ---
    "tanggal_salah": (
        "Tanggal {nama} '{nilai}' tidak dikenali. Tulis TTTT-BB-HH (2026-09-28) atau HH/BB/TTTT (28/09/2026).",
        "The {nama} date '{nilai}' is not recognised. Write YYYY-MM-DD (2026-09-28) or DD/MM/YYYY (28/09/2026).",
    ),
    "tanggal_kosong": (
        "Tanggal {nama} kosong. Tulis TTTT-BB-HH (2026-09-28) atau HH/BB/TTTT (28/09/2026).",
        "The {nama} date is empty. Write YYYY-MM-DD (2026-09-28) or DD/MM/YYYY (28/09/2026).",
    ),
    # which date a message speaks of (geo.dates.parse_day's ``field``)
    "bidang_tanggal_data": ("data", "data"),
    "bidang_tanggal_tanggal": ("data", "data"),
    "bidang_tanggal_tenggat": ("tenggat", "deadline"),
    "bidang_tanggal_as_of": ("acuan", "reference"),
    "bidang_tanggal_today": ("hari ini", "today's"),
    "bidang_tanggal_mulai": ("mulai", "start"),
    "bidang_tanggal_selesai": ("selesai", "end"),
    "bidang_tanggal_open_until": ("batas buka", "open-until"),
    "tanggal_perlu": (
        "Berkas '{berkas}' tidak menyebut tanggal datanya (mis. 'Keadaan 30 September 2017' di judul). Tulis "
        "tanggalnya: --date TTTT-BB-HH (halaman Data: isi 'Data per tanggal').",
        "File '{berkas}' does not state its data date (e.g. 'Keadaan 30 September 2017' in its title). Give the "
        "date: --date YYYY-MM-DD (Data page: fill in 'Data as of').",
    ),
    "kolom_tanggal_beda": (
        "Kolom '{kolom}' memuat angka {n} tanggal ({daftar}), padahal satu impor memuat angka satu tanggal. "
        "Pisahkan berkasnya per tanggal, lalu impor satu per satu.",
        "Column '{kolom}' holds figures of {n} dates ({daftar}), but one import holds the figures of one date. "
        "Split the file by date, then import each.",
    ),
    "tanggal_berkas_beda": (
        "Berkas '{berkas}' menyebut tanggal berbeda ({daftar}, di judul atau kolom tanggal). Satu impor memuat "
        "angka satu tanggal: tulis tanggalnya dengan --date TTTT-BB-HH, atau pisahkan berkasnya per tanggal.",
        "File '{berkas}' names different dates ({daftar}, in its titles or date column). One import holds the "
        "figures of one date: give it with --date YYYY-MM-DD, or split the file by date.",
    ),
    "tanggal_dari_berkas": ("Tanggal data dari berkas: {tanggal} ('{teks}').",
                            "Data date from the file: {tanggal} ('{teks}')."),
    "tanggal_beda_berkas": (
        "tanggal {tanggal} dipakai, padahal berkas menyebut {berkas}; periksa lagi.",
        "date {tanggal} is used although the file says {berkas}; check it again.",
    ),
    "tanggal_masa_depan": (
        "Tanggal data {tanggal} ada di masa depan (hari ini {hari_ini}); tahun yang salah ketik akan menjadi data "
        "terbaru di setiap dasbor. Periksa tanggalnya; bila memang benar, konfirmasikan (halaman Data: centang "
        "'Tanggal sudah diperiksa').",
        "Data date {tanggal} is in the future (today is {hari_ini}); a mistyped year would become the newest data "
        "on every dashboard. Check the date; if it is right, confirm it (Data page: tick 'Date checked').",
    ),
    "tanggal_sebelum_program": (
        "Tanggal data {tanggal} lebih awal dari dimulainya perekaman KTP-el ({awal}). Periksa tahunnya; bila memang "
        "benar, konfirmasikan (halaman Data: centang 'Tanggal sudah diperiksa').",
        "Data date {tanggal} is before e-KTP recording began ({awal}). Check the year; if it is right, confirm it "
        "(Data page: tick 'Date checked').",
    ),
    "belum_ada_batas": (
        "Belum ada batas wilayah tingkat {level} di basis data. Impor dulu berkas batas wilayah: di halaman Data, "
        "tab Batas wilayah (atau python -m geo import-boundaries BERKAS --level desa).",
        "No {level} boundaries in the database yet. Import a boundary file first: on the Data page, Boundaries tab "
        "(or python -m geo import-boundaries FILE --level desa).",
    ),
    "ada_baris_tak_cocok": (
        "{jumlah} baris tidak dapat dicocokkan dengan wilayah dan tidak disimpan. Perbaiki kode/nama di "
        "berkas atau pilih wilayahnya di halaman Data.",
        "{jumlah:,} {jumlah|row|rows} could not be matched to an area and {jumlah|was|were} not stored. Fix the "
        "code/name in the file or pick the area on the Data page.",
    ),
    # --- ingest ---
    "berkas_tidak_terbaca": (
        "Berkas {path} tidak bisa dibuka ({detail}). Periksa nama dan lokasinya.",
        "File {path} cannot be opened ({detail}). Check its name and location.",
    ),
    # --- shapes ---
    "peta_disiapkan": (
        "Menyimpan batas wilayah dan menyiapkan peta tiap wilayah (sekali per berkas; untuk satu provinsi bisa "
        "setengah menit)…",
        "Storing the boundaries and preparing each area's map (once per file; up to half a minute for a "
        "province)…",
    ),
    # --- cli ---
    "galat_tak_terduga": (
        "Terjadi kesalahan tak terduga ({jenis}: {detail}). Data tidak diubah. Jalankan lagi dengan "
        "REKAM_DEBUG=1 dan laporkan keluarannya.",
        "An unexpected error occurred ({jenis}: {detail}). Data was not changed. Run again with REKAM_DEBUG=1 "
        "and report the output.",
    ),
    # what the CLI adds to a refusal (geo.cli.main.CLI_HINTS): its own option, where the page's words name a
    # box to tick (a page never shows these)
    "cli_paksa_impor": ("CLI: tambahkan --force untuk mengimpor lagi.", "CLI: add --force to import it again."),
    "cli_izinkan_tanggal": (
        "CLI: bila tanggalnya memang benar, tambahkan --allow-date.",
        "CLI: if the date is right, add --allow-date.",
    ),
    "cli_lewati_tak_cocok": (
        "CLI: tambahkan --skip-unmatched untuk menyimpan tanpa {jumlah} baris itu (daftarnya: --report BERKAS.csv).",
        "CLI: add --skip-unmatched to store without {jumlah|it|them} (the list: --report FILE.csv).",
    ),
    "cli_pilih_lembar": (
        "CLI: --sheet NAMA --date TTTT-BB-HH.",
        "CLI: --sheet NAME --date YYYY-MM-DD.",
    ),
    "impor_batas_ok": ("Tersimpan sebagai versi {versi}: {ringkas}.", "Stored as version {versi}: {ringkas}."),
    "impor_rekam_ok": (
        "Tersimpan sebagai versi {versi}: {jumlah} wilayah, data per {tanggal}.",
        "Stored as version {versi}: {jumlah} {jumlah|area|areas}, data as of {tanggal}.",
    ),
    "impor_titik_ok": (
        "Tersimpan sebagai versi {versi}: {jumlah} titik {jenis}.",
        "Stored as version {versi}: {jumlah} {jenis} points.",
    ),
    "rollback_ok": (
        "Versi {versi} dibatalkan. Data kembali seperti sebelum versi itu diimpor.",
        "Version {versi} rolled back. Data is as it was before that version was imported.",
    ),
    "cli_tidak_ada_data": ("Tidak ada data untuk pilihan ini.", "No data for this selection."),
    "demo_dimuat": (
        "Data contoh sintetis dimuat: versi {versi}.",
        "Synthetic example data loaded: versions {versi}.",
    ),
    "demo_sudah_ada": (
        "Basis data sudah berisi data; data contoh tidak dimuat.",
        "The database already holds data; the example data was not loaded.",
    ),
    "peringatan": ("Peringatan", "Warning"),
    "peta_ditulis": ("Peta ditulis ke {path} ({jumlah} wilayah).", "Map written to {path} ({jumlah} {jumlah|area|areas})."),
    "peta_judul_berkas": ("{tingkat} — {wilayah}", "{tingkat} — {wilayah}"),
    "semua_wilayah": ("semua wilayah", "all areas"),
    "peta_kosong": (
        "Tidak ada wilayah tingkat {level} di dalam {within}. Periksa --within dan impor batas wilayahnya.",
        "No {level} areas inside {within}. Check --within and import their boundaries.",
    ),
    "tidak_bisa_menulis": (
        "Tidak bisa menulis {path} ({detail}). Periksa foldernya.",
        "Cannot write {path} ({detail}). Check the folder.",
    ),
    "baris_cocok_lain": (
        "{jumlah} baris lain cocok tanpa catatan (semua baris: --report BERKAS.csv atau .xlsx).",
        "{jumlah} other {jumlah|row|rows} matched with nothing to note (every row: --report FILE.csv or .xlsx).",
    ),
    "laporan_ditulis": (
        "Laporan pencocokan ditulis ke {path} ({jumlah} baris).",
        "Matching report written to {path} ({jumlah} {jumlah|row|rows}).",
    ),
}
