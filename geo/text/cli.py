"""The command line's own words: argparse's ("usage:", "options", its usage errors) and the help of the
main parser and of the commands that import, read coverage, manage users, project and find pockets.

argparse's words keep argparse's ``%`` placeholders (``%s``, ``%(prog)s``): argparse fills them in
after ``geo.cli.main.argparse_speaks`` has given it the text. No help text may hold a bare ``%``
(argparse formats help with ``%`` too).
"""
from __future__ import annotations

TEXTS = {
    # --- argparse's own words (msgids of Python 3.11's argparse, mapped in geo.cli.main.ARGPARSE_WORDS) ---
    "cli_ap_penggunaan": ("penggunaan: ", "usage: "),
    "cli_ap_opsi": ("opsi", "options"),
    "cli_ap_argumen_posisi": ("argumen posisi", "positional arguments"),
    "cli_ap_bantuan": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    "cli_ap_kesalahan": ("%(prog)s: kesalahan: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli_ap_argumen": ("argumen %(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"),
    "cli_ap_wajib": ("argumen berikut wajib diisi: %s", "the following arguments are required: %s"),
    "cli_ap_salah_satu_wajib": ("salah satu argumen %s wajib diisi", "one of the arguments %s is required"),
    "cli_ap_tak_dikenal": ("argumen tidak dikenal: %s", "unrecognized arguments: %s"),
    "cli_ap_pilihan_salah": ("pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
                             "invalid choice: %(value)r (choose from %(choices)s)"),
    "cli_ap_nilai_salah": ("nilai %(type)s tidak sah: %(value)r", "invalid %(type)s value: %(value)r"),
    "cli_ap_perlu_satu": ("perlu satu nilai", "expected one argument"),
    "cli_ap_paling_banyak_satu": ("paling banyak satu nilai", "expected at most one argument"),
    "cli_ap_paling_sedikit_satu": ("perlu paling sedikit satu nilai", "expected at least one argument"),
    "cli_ap_tidak_bersama": ("tidak boleh bersama argumen %s", "not allowed with argument %s"),
    "cli_ap_nilai_diabaikan": ("nilai %r diabaikan", "ignored explicit argument %r"),
    "cli_ap_ambigu": ("opsi ambigu: %(option)s bisa berarti %(matches)s",
                      "ambiguous option: %(option)s could match %(matches)s"),
    "cli_ap_opsi_tak_terduga": ("opsi tak terduga: %s", "unexpected option string: %s"),
    # --- the main parser and what every command shares (geo.cli.main, geo.cli.output) ---
    "cli_h_program": ("Peta Rekam e-KTP: impor, cakupan, peta.", "Peta Rekam e-KTP: imports, coverage, maps."),
    "cli_h_lang": ("bahasa keluaran (bawaan: REKAM_LANG, atau id)", "output language (default: REKAM_LANG, or id)"),
    "cli_h_db": ("URL SQLAlchemy (bawaan: REKAM_DB_URL atau data/rekam.sqlite)",
                 "SQLAlchemy URL (default: REKAM_DB_URL or data/rekam.sqlite)"),
    "cli_h_format": ("bentuk keluaran: tabel untuk dibaca, csv atau json", "output form: a table to read, csv or json"),
    "cli_h_tanggal_data": ("data per tanggal, TTTT-BB-HH (bawaan: data terbaru)",
                           "figures as of this date, YYYY-MM-DD (default: the latest)"),
    "cli_h_induk": ("kode wilayah induk, mis. 36.74", "code of the parent area, e.g. 36.74"),
    "cli_h_force": ("impor lagi walau berkas yang sama sudah diimpor",
                    "import again even if the same file was imported already"),
    "cli_mv_perintah": ("PERINTAH", "COMMAND"),
    "cli_mv_berkas": ("BERKAS", "FILE"),
    "cli_mv_berkas_posisi": ("berkas", "file"),
    "cli_mv_nama_posisi": ("nama", "name"),
    "cli_mv_versi": ("versi", "version"),
    "cli_mv_kode": ("KODE", "CODE"),
    "cli_mv_nama": ("NAMA", "NAME"),
    # --- imports (geo.cli.imports) ---
    "cli_h_import_boundaries": (
        "impor batas wilayah (GeoJSON, GPKG, SHP zip; berkode Kemendagri, atau GADM/geoBoundaries/OSM/BIG "
        "dicocokkan menurut nama)",
        "import area boundaries (GeoJSON, GPKG, zipped SHP; with Kemendagri codes, or GADM/geoBoundaries/OSM/BIG "
        "matched by name)",
    ),
    "cli_h_batas_within": ("kode wilayah induk tempat nama dicari, mis. 36.74 (berkas tanpa kode)",
                           "code of the parent area whose names are searched, e.g. 36.74 (a file without codes)"),
    "cli_h_pick": ("pilih wilayah satu fitur dengan tangan, mis. 7=36.74.03.1005 (boleh berulang)",
                   "pick one feature's area by hand, e.g. 7=36.74.03.1005 (may be repeated)"),
    "cli_mv_pick": ("FITUR=KODE", "FEATURE=CODE"),
    "cli_h_lewati_fitur": ("simpan tanpa fitur yang tidak cocok", "store without the features that do not match"),
    "cli_h_lewati_baris": ("simpan tanpa baris yang tidak cocok", "store without the rows that do not match"),
    "cli_h_import_enrollment": ("impor data perekaman (CSV, XLSX)", "import recording figures (CSV, XLSX)"),
    "cli_h_tanggal_berkas": ("tanggal data, TTTT-BB-HH (bawaan: tanggal yang tertulis di judul berkas)",
                             "date of the figures, YYYY-MM-DD (default: the date written in the file's title)"),
    "cli_h_allow_date": ("terima tanggal di masa depan atau sebelum 2011 (sudah diperiksa)",
                         "accept a date in the future or before 2011 (checked already)"),
    "cli_h_report": ("tulis laporan pencocokan lengkap (satu baris per baris berkas) ke BERKAS .csv atau .xlsx",
                     "write the full matching report (one line per row of the file) to FILE, .csv or .xlsx"),
    "cli_h_import_points": ("impor titik: lokasi perekaman atau sekolah (CSV, XLSX)",
                            "import points: recording sites or schools (CSV, XLSX)"),
    "cli_h_import_events": ("impor peristiwa (CSV, XLSX): tanggal, kode, jenis, keterangan",
                            "import events (CSV, XLSX): date, code, kind, description"),
    "cli_h_history": ("daftar versi impor", "list the import versions"),
    "cli_h_rollback": ("batalkan satu versi impor", "undo one import version"),
    "cli_h_demo": ("buat/muat data contoh sintetis", "make/load synthetic sample data"),
    "cli_h_generate": ("tulis ulang data/demo dari generator", "rewrite data/demo from the generator"),
    "cli_h_load": ("muat data/demo ke basis data", "load data/demo into the database"),
    "cli_h_if_empty": ("hanya bila basis data masih kosong", "only when the database is still empty"),
    "cli_h_fresh": ("geser semua tanggal contoh per minggu utuh sampai data terbarunya minggu ini",
                    "shift every sample date by whole weeks until its latest figures are this week's"),
    # --- coverage and map (geo.cli.coverage) ---
    "cli_h_coverage": ("cakupan per wilayah", "coverage per area"),
    "cli_h_cakupan_within": ("kode wilayah (mis. 36 atau 36.03); tanpa ini: seluruh Indonesia",
                             "area code (e.g. 36 or 36.03); without it: all of Indonesia"),
    "cli_h_map": ("tulis peta HTML mandiri (tanpa internet)", "write a standalone HTML map (no internet needed)"),
    "cli_h_peta_within": ("kode wilayah induk, mis. 36.74 (bawaan: semua wilayah)",
                          "code of the parent area, e.g. 36.74 (default: every area)"),
    "cli_h_metric": ("yang diwarnai: zona, cakupan atau belum_rekam", "what is coloured: zona, cakupan or belum_rekam"),
    "cli_h_out_html": ("berkas .html keluaran", "output .html file"),
    # --- users (geo.cli.users) ---
    "cli_h_user": ("kelola pengguna (viewer, editor, admin)", "manage users (viewer, editor, admin)"),
    "cli_h_user_add": ("tambah pengguna", "add a user"),
    "cli_h_email": ("alamat surel untuk login SSO", "e-mail address for SSO login"),
    "cli_h_user_within": (
        "wilayah yang boleh diubah, kode Kemendagri (36 provinsi, 36.01 kabupaten); tanpa ini: semua",
        "the area the user may change, Kemendagri code (36 a province, 36.01 a regency); without it: all",
    ),
    "cli_h_password_stdin": ("baca kata sandi dari satu baris stdin", "read the password from one line of stdin"),
    "cli_h_user_list": ("daftar pengguna", "list the users"),
    "cli_h_user_role": ("ubah peran pengguna", "change a user's role"),
    "cli_h_user_area": ("batasi pengguna pada satu wilayah (atau semua)", "limit a user to one area (or all)"),
    "cli_h_area_code": ("kode Kemendagri wilayah, mis. 36.01", "the area's Kemendagri code, e.g. 36.01"),
    "cli_h_everywhere": ("hapus batas: semua wilayah", "remove the limit: every area"),
    "cli_h_user_passwd": ("ganti kata sandi (juga membuka kunci)", "change the password (also unlocks)"),
    "cli_h_user_disable": ("nonaktifkan pengguna", "deactivate a user"),
    # --- trend (geo.cli.trend) ---
    "cli_h_trend": ("tren dan proyeksi: kapan target cakupan tercapai",
                    "trend and projection: when the coverage target is reached"),
    "cli_h_trend_within": ("kode wilayah induk, mis. 36.74 (ID: seluruh Indonesia)",
                           "code of the parent area, e.g. 36.74 (ID: all of Indonesia)"),
    "cli_h_trend_level": ("tingkat wilayah yang diproyeksikan (bawaan: satu tingkat di bawah --within)",
                          "level of the areas projected (default: one level below --within)"),
    "cli_h_target": (
        "target cakupan dalam persen (bawaan: seperti halaman Tren — target yang berlaku untuk --within, atau "
        "ambang zona hijau di pengaturan)",
        "coverage target in percent (default: as on the Trends page — the target in force for --within, or the "
        "green zone's threshold in the settings)",
    ),
    "cli_h_deadline": (
        "tenggat, TTTT-BB-HH (bawaan: seperti halaman Tren — tenggat target yang berlaku, atau di pengaturan, "
        "atau 31 Desember tahun data)",
        "deadline, YYYY-MM-DD (default: as on the Trends page — the deadline of the target in force, or the "
        "settings', or 31 December of the figures' year)",
    ),
    "cli_h_window": ("jendela laju terkini dalam hari (bawaan {n})",
                     "window of the recent rate, in days (default {n})"),
    "cli_h_as_of": ("proyeksi seperti pada tanggal ini, TTTT-BB-HH (bawaan: data terbaru)",
                    "project as on this date, YYYY-MM-DD (default: the latest figures)"),
    # --- pockets (geo.cli.pockets) ---
    "cli_h_pockets": ("kantong belum rekam per wilayah (+ titik panas)",
                      "pockets of people not recorded, per area (+ hot spots)"),
    "cli_h_tingkat": ("tingkat wilayah (bawaan {n})", "level of the areas (default {n})"),
    "cli_h_hotspots": ("hitung titik panas/dingin (Gi*, permutasi)", "compute hot/cold spots (Gi*, permutations)"),
    "cli_h_k": ("jumlah tetangga terdekat (bawaan {n})", "number of nearest neighbours (default {n})"),
    "cli_h_permutations": ("jumlah permutasi (bawaan {n})", "number of permutations (default {n})"),
    "cli_h_seed": ("benih acak (bawaan {n})", "random seed (default {n})"),
}
