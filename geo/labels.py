"""UI text of the dashboard (Bahasa Indonesia, English), in one catalogue.

Kept in ``geo`` (no streamlit) so that the CLI, charts and exports can use the same words;
``download_table`` and ``csv_bytes`` put a table a person downloads into those words and
into the number format of the reader's spreadsheet.
"""
from __future__ import annotations

import pandas as pd

from geo import messages
from geo.schema import Col

messages.register(
    {
        "app_judul": ("Peta Rekam e-KTP", "e-KTP Recording Map"),
        "nav_beranda": ("Beranda", "Home"),
        "bahasa": ("Bahasa", "Language"),
        "pilih_wilayah": ("Kabupaten/kota", "Regency/city"),
        "pilih_tanggal": ("Data per tanggal", "Data as of"),
        "data_contoh": (
            "Data contoh sintetis — bukan data sebenarnya.",
            "Synthetic example data — not real figures.",
        ),
        "belum_ada_data": (
            "Belum ada data. Muat data contoh dengan `make run`, atau impor berkas Anda: "
            "`python -m geo import-boundaries BERKAS --level desa` lalu "
            "`python -m geo import-enrollment BERKAS --date TTTT-BB-HH`.",
            "No data yet. Load the example with `make run`, or import your files: "
            "`python -m geo import-boundaries FILE --level desa` then "
            "`python -m geo import-enrollment FILE --date YYYY-MM-DD`.",
        ),
        "kpi_wajib": ("Wajib KTP", "Must hold e-KTP"),
        "kpi_sudah": ("Sudah rekam", "Recorded"),
        "kpi_belum": ("Belum rekam", "Not yet recorded"),
        "kpi_cakupan": ("Cakupan", "Coverage"),
        "zona_hijau": ("Zona hijau", "Green zone"),
        "zona_kuning": ("Zona kuning", "Yellow zone"),
        "zona_merah": ("Zona merah", "Red zone"),
        "zona_none": ("Tidak ada data", "No data"),
        "sejak": ("sejak {tanggal}", "since {tanggal}"),
        "poin": (" poin", " pts"),
        "mode_tangkapan": ("Mode tangkapan layar", "Screenshot mode"),
        "mode_tangkapan_bantuan": ("Sembunyikan menu dan panel untuk tangkapan layar yang bersih.",
                                   "Hide menus and panels for a clean screenshot."),
        "mode_keluar": ("Keluar dari mode tangkapan layar", "Leave screenshot mode"),
        "sumber": ("Sumber: {sumber}, data per {tanggal}", "Source: {sumber}, data as of {tanggal}"),
        "home_judul": ("Cakupan perekaman KTP-el — {wilayah}", "e-KTP recording coverage — {wilayah}"),
        "home_peta": ("Zona per kecamatan", "Zones by district"),
        "home_top10": ("10 desa/kelurahan dengan belum rekam terbanyak", "10 villages with the most not yet recorded"),
        "nav_peta": ("Peta Cakupan", "Coverage Map"),
        "peta_tingkat": ("Tingkat", "Level"),
        "peta_ukuran": ("Warnai menurut", "Colour by"),
        "peta_sejak": ("Perubahan sejak", "Change since"),
        "peta_cari": ("Cari wilayah", "Find an area"),
        "pilih": ("Pilih…", "Choose…"),
        "unduh_gambar": ("Unduh gambar", "Download image"),
        "unduh_jenis": ("Gambar", "Image"),
        "unduh_ukuran": ("Ukuran", "Size"),
        "unduh_format": ("Format", "Format"),
        "unduh": ("Unduh", "Download"),
        "unduh_ringkasan": ("Ringkasan untuk bupati (PDF)", "Briefing for the bupati (PDF)"),
        "grafik_zona_bar": ("Cakupan per kecamatan (batang)", "Coverage by district (bars)"),
        "grafik_peta": ("Peta zona", "Zone map"),
        "grafik_kantong": ("Desa dengan belum rekam terbanyak", "Villages with most not recorded"),
        "grafik_tren": ("Tren cakupan", "Coverage trend"),
        "grafik_kartu": ("Alur kartu: rekam → siap cetak → dicetak", "Card pipeline: recorded → print-ready → printed"),
        "grafik_kartu_riwayat": ("Siap cetak menunggu dan kartu dicetak per minggu",
                                 "Print-ready waiting and cards printed per week"),
        "grafik_blangko": ("Stok blangko dan perkiraan habis", "Blank-card stock and run-out"),
        "ukuran_1200x675": ("1200×675 (berita)", "1200×675 (news)"),
        "ukuran_1080x1080": ("1080×1080 (persegi)", "1080×1080 (square)"),
        "ukuran_1080x1350": ("1080×1350 (potret)", "1080×1350 (portrait)"),
        "peta_lapisan": ("Lapisan titik", "Point layers"),
        "peta_satu_zona": (
            "Semua {jumlah} wilayah di peta ini ada di {zona}, jadi warnanya sama. Warnai menurut cakupan % "
            "untuk melihat mana yang tertinggal.",
            "All {jumlah} areas on this map are in the {zona}, so they share one colour. Colour by coverage % "
            "to see which lag behind.",
        ),
        "peta_ke_cakupan": ("Warnai menurut cakupan %", "Colour by coverage %"),
        "peta_klik": ("Klik kecamatan untuk melihat desanya; kembali lewat tombol di atas peta.",
                      "Click a district to see its villages; go back with the buttons above the map."),
        "tingkat_kabupaten": ("Kabupaten/kota", "Regency/city"),
        "tingkat_kecamatan": ("Kecamatan", "District"),
        "tingkat_desa": ("Desa/kelurahan", "Village"),
        "metrik_zona": ("Zona", "Zone"),
        "metrik_cakupan": ("Cakupan %", "Coverage %"),
        "metrik_belum_rekam": ("Belum rekam", "Not recorded"),
        "metrik_perubahan": ("Perubahan", "Change"),
        "lapisan_lokasi": ("Lokasi perekaman (status alat)", "Recording sites (device status)"),
        "lapisan_sekolah": ("Sekolah (SMA/SMK/MA, pesantren)", "Schools"),
        "nav_data": ("Data", "Data"),
        "data_perlu_login": ("Halaman ini untuk petugas data. Masuk di panel samping untuk mengunggah data.",
                             "This page is for data officers. Log in on the side panel to upload data."),
        "masuk_editor": ("Masuk petugas data", "Data officer login"),
        "masuk_sebagai": ("Masuk sebagai {nama} ({peran})", "Logged in as {nama} ({peran})"),
        "masuk": ("Masuk", "Log in"),
        "masuk_sso": ("Masuk dengan akun instansi (SSO)", "Log in with your organisation account (SSO)"),
        "keluar": ("Keluar", "Log out"),
        "sesi_habis": ("Sesi Anda berakhir. Silakan masuk lagi.", "Your session expired. Please log in again."),
        "nama_pengguna": ("Nama pengguna", "Username"),
        "kata_sandi": ("Kata sandi", "Password"),
        "peran": ("Peran", "Role"),
        "tambah_pengguna": ("Tambah pengguna", "Add user"),
        "data_pengguna_ditambah": ("Pengguna {nama} ditambahkan.", "User {nama} added."),
        "tab_rekam": ("Data perekaman", "Recording figures"),
        "tab_batas": ("Batas wilayah", "Boundaries"),
        "tab_titik": ("Lokasi, sekolah, perangkat", "Sites, schools, devices"),
        "tab_riwayat": ("Riwayat versi", "Version history"),
        "tab_templat": ("Templat", "Templates"),
        "tab_pengguna": ("Pengguna", "Users"),
        "unggah_rekam": ("Unggah rekap perekaman (CSV atau XLSX)", "Upload recording figures (CSV or XLSX)"),
        "unggah_batas": ("Unggah batas wilayah (GeoJSON, GeoPackage, Shapefile zip)",
                         "Upload boundaries (GeoJSON, GeoPackage, zipped Shapefile)"),
        "unggah_titik": ("Unggah berkas (CSV atau XLSX)", "Upload a file (CSV or XLSX)"),
        "jenis_berkas": ("Jenis berkas", "File kind"),
        "berkas_lokasi": ("Lokasi perekaman", "Recording sites"),
        "berkas_sekolah": ("Sekolah", "Schools"),
        "berkas_perangkat": ("Perangkat & operator", "Devices & operators"),
        "berkas_blangko": ("Stok blangko", "Blank-card stock"),
        "jenis_templat": ("Templat untuk", "Template for"),
        "templat_desa": ("Rekap per desa", "Figures by village"),
        "templat_kecamatan": ("Rekap per kecamatan", "Figures by district"),
        "templat_perangkat": ("Perangkat & operator", "Devices & operators"),
        "templat_blangko": ("Stok blangko", "Blank-card stock"),
        "data_tanggal": ("Data per tanggal", "Data as of"),
        "impor_ulang": ("Impor ulang berkas yang sama", "Re-import the same file"),
        "impor_ulang_bantuan": ("Centang bila berkas yang sama persis memang perlu diimpor lagi.",
                                "Tick when the very same file really has to be imported again."),
        "pratinjau": ("Pratinjau isi berkas", "Preview of the file"),
        "laporan_cocok": ("Laporan pencocokan wilayah", "Area matching report"),
        "perbaiki_baris": ("{jumlah} baris belum cocok. Pilih wilayah yang benar untuk tiap baris di bawah.",
                           "{jumlah} row(s) unmatched. Pick the right area for each row below."),
        "pilih_untuk_baris": ("Baris {baris} — '{nama}' adalah:", "Row {baris} — '{nama}' is:"),
        "simpan": ("Simpan sebagai versi baru", "Store as a new version"),
        "tersimpan": ("Tersimpan sebagai versi {versi} (data per {tanggal}).", "Stored as version {versi} (data as of {tanggal})."),
        "tersimpan_batas": ("Batas wilayah tersimpan sebagai versi {versi} ({jumlah} wilayah).",
                            "Boundaries stored as version {versi} ({jumlah} areas)."),
        "tersimpan_titik": ("Tersimpan sebagai versi {versi} ({jumlah} baris).", "Stored as version {versi} ({jumlah} rows)."),
        "pilih_versi": ("Versi yang dibatalkan", "Version to roll back"),
        "versi": ("Versi", "Version"),
        "yakin_batal": ("Saya yakin membatalkan versi {versi}", "I am sure to roll back version {versi}"),
        "batalkan_versi": ("Batalkan versi", "Roll back version"),
        "dibatalkan": ("Versi {versi} dibatalkan; data kembali seperti sebelumnya.", "Version {versi} rolled back; data is as before."),
        "aktif": ("aktif", "active"),
        "riwayat_id": ("Versi", "Version"),
        "riwayat_kind": ("Jenis", "Kind"),
        "riwayat_created_at": ("Waktu (UTC)", "Time (UTC)"),
        "riwayat_user": ("Oleh", "By"),
        "riwayat_file_name": ("Berkas", "File"),
        "riwayat_row_count": ("Baris", "Rows"),
        "riwayat_tanggal": ("Data per", "Data as of"),
        "riwayat_status": ("Status", "Status"),
        "jenis_versi_boundaries": ("batas wilayah", "boundaries"),
        "jenis_versi_enrollment": ("data perekaman", "recording figures"),
        "jenis_versi_points": ("titik", "points"),
        "jenis_versi_inventaris": ("perangkat & operator", "devices & operators"),
        "jenis_versi_blangko": ("stok blangko", "blank-card stock"),
        "jenis_versi_peristiwa": ("peristiwa", "event"),
        "dibatalkan_status": ("dibatalkan", "rolled back"),
        "unduh_csv": ("Unduh templat CSV", "Download CSV template"),
        "unduh_xlsx": ("Unduh templat XLSX", "Download XLSX template"),
        "cara_kode": ("kode", "code"),
        "cara_nama": ("nama", "name"),
        "cara_nama_mirip": ("nama mirip", "similar name"),
        "cara_manual": ("dipilih manual", "picked by hand"),
        "cara_tidak_cocok": ("tidak cocok", "unmatched"),
        "cara_ditolak": ("ditolak", "refused"),
        "lap_baris": ("Baris", "Row"),
        "lap_kode_file": ("Kode di berkas", "Code in file"),
        "lap_nama_file": ("Nama di berkas", "Name in file"),
        "lap_cara": ("Cocok lewat", "Matched by"),
        "lap_kode": ("Kode wilayah", "Area code"),
        "lap_nama": ("Nama wilayah", "Area name"),
        "lap_alasan": ("Keterangan", "Note"),
        "lap_kandidat": ("Kandidat terdekat", "Closest candidates"),
        "nav_tren": ("Tren", "Trends"),
        "nav_kantong": ("Kantong Belum Rekam", "Unrecorded Pockets"),
        "nav_rencana": ("Rencana Jemput Bola", "Mobile-Unit Plan"),
        "nav_kapasitas": ("Kapasitas Perekaman", "Recording Capacity"),
        # sheet names of table downloads (at most 31 characters, no / in them)
        "lembar_kantong_belum_rekam": ("Belum rekam (jumlah)", "Not recorded (number)"),
        "lembar_kantong_rate": ("Belum rekam (persen)", "Not recorded (share)"),
        "lembar_kantong_titik_panas": ("Titik panas dan dingin", "Hot and cold spots"),
        "lembar_kantong_sekolah": ("Sekolah pemula", "First-timer schools"),
    }
)

# How a spreadsheet in the reader's locale reads a CSV: Indonesian Excel splits on ";" and reads
# "92,28" as a number; English Excel splits on "," and reads "92.28".
CSV_FORMATS = {"id": {"sep": ";", "decimal": ","}, "en": {"sep": ",", "decimal": "."}}


def download_table(data: pd.DataFrame, headers, lang: str = "id") -> pd.DataFrame:
    """``data`` ready for a CSV/XLSX download in ``lang``.

    Numbers stay numbers; the columns take ``headers`` (the words the screen shows for the
    same columns, in the same order); coded words become words in ``lang``: Col.ZONA
    (``hijau`` → ``green``) and the hot/cold-spot class (``panas`` → ``hot spot``).
    Raises ValueError when ``headers`` and the columns differ in number.
    """
    from geo.pockets import HOTSPOT
    from geo.present import zone_label

    headers = list(headers)
    if len(headers) != data.shape[1]:
        raise ValueError(f"{len(headers)} headers for {data.shape[1]} columns: {list(data.columns)}")
    out = data.copy()
    if Col.ZONA in out:
        out[Col.ZONA] = [zone_label(z, lang) for z in out[Col.ZONA]]
    if HOTSPOT in out:
        out[HOTSPOT] = [messages.text(f"kelas_{v}", lang) if isinstance(v, str) else None for v in out[HOTSPOT]]
    out.columns = headers
    return out


def csv_bytes(frame: pd.DataFrame, lang: str = "id") -> bytes:
    """CSV bytes that a spreadsheet in ``lang``'s locale opens into columns of numbers
    (CSV_FORMATS): UTF-8 with a BOM, text that could run as a formula neutralised."""
    from geo.export import neutralise

    return neutralise(frame).to_csv(index=False, **CSV_FORMATS.get(lang, CSV_FORMATS["id"])).encode("utf-8-sig")
