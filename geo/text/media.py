"""Media-pack images and the one-page PDF briefing.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- briefing ---
    "gambar_wilayah_tidak_ada": (
        "Wilayah {kode} tidak ada di basis data. Periksa kodenya (mis. 36.74) atau impor batas wilayahnya dulu.",
        "Area {kode} is not in the database. Check the code (e.g. 36.74) or import its boundaries first.",
    ),
    "gambar_wilayah_terkecil": (
        "Wilayah {kode} adalah desa/kelurahan: tidak ada wilayah di bawahnya untuk digambar. Pilih "
        "kabupaten/kota atau kecamatan.",
        "Area {kode} is a village: there are no areas below it to draw. Choose a regency/city or a district.",
    ),
    "gambar_peta_tanpa_batas": (
        "Peta {wilayah} belum dapat digambar: basis data belum menyimpan batas wilayah {tingkat} di dalamnya. "
        "Impor berkas batas wilayah dulu (halaman Data, tab Batas wilayah).",
        "The map of {wilayah} cannot be drawn yet: the database holds no boundaries of its {tingkat}. Import a "
        "boundary file first (Data page, Boundaries tab).",
    ),
    "gambar_tanpa_data": (
        "Belum ada data perekaman untuk {wilayah} ({kode}). Impor data perekaman dulu.",
        "No recording figures for {wilayah} ({kode}) yet. Import recording figures first.",
    ),
    "gambar_tanpa_data_tanggal": (
        "Tidak ada data perekaman untuk {wilayah} ({kode}) pada atau sebelum {tanggal}. Pilih tanggal yang "
        "lebih baru.",
        "No recording figures for {wilayah} ({kode}) on or before {tanggal}. Choose a later date.",
    ),
    "gambar_tanggal_salah": (
        "Tanggal '{nilai}' tidak dikenali. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-11-16.",
        "Date '{nilai}' is not recognised. Write it as YYYY-MM-DD, e.g. 2026-11-16.",
    ),
    "gambar_jenis_salah": (
        "Jenis gambar '{nilai}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown chart kind '{nilai}'. Choose one of: {pilihan}.",
    ),
    "gambar_tidak_tertulis": (
        "Berkas {path} tidak bisa ditulis ({detail}). Periksa foldernya dan izin menulis.",
        "Cannot write {path} ({detail}). Check the folder and write permission.",
    ),
    "gambar_folder_tidak_ada": (
        "Berkas {path} tidak bisa ditulis: folder {folder} tidak ada. Buat foldernya dulu atau pilih folder "
        "lain.",
        "Cannot write {path}: the folder {folder} does not exist. Create it first or choose another folder.",
    ),
    "gambar_kartu_tanpa_data": (
        "Data perekaman {wilayah} ({kode}) tidak memuat PRR dan sudah cetak: alur kartu tidak bisa digambar. "
        "Impor rekap yang berisi kolom PRR dan SUDAH CETAK.",
        "The recording figures of {wilayah} ({kode}) hold no print-ready (PRR) and printed counts: the card "
        "pipeline cannot be drawn. Import figures with PRR and SUDAH CETAK columns.",
    ),
    "gambar_tersimpan": ("Tersimpan: {path} ({ukuran}, {format}).", "Saved: {path} ({ukuran}, {format})."),
    "ringkasan_tersimpan": ("Tersimpan: {path} (1 halaman A4).", "Saved: {path} (1 A4 page)."),
    "rb_kepala": ("RINGKASAN UNTUK BUPATI · PEREKAMAN KTP-EL", "BRIEFING FOR THE BUPATI · E-KTP RECORDING"),
    "rb_kepala_kecamatan": ("RINGKASAN PEREKAMAN KTP-EL", "E-KTP RECORDING BRIEFING"),
    "rb_kepala_negara": ("RINGKASAN NASIONAL · PEREKAMAN KTP-EL", "NATIONAL BRIEFING · E-KTP RECORDING"),
    "rb_merah_dari_negara": (
        "{merah} dari {total} provinsi dan {merah_kab} dari {total_kab} kabupaten/kota masih merah.",
        "{merah} of {total} provinces and {merah_kab} of {total_kab} regencies/cities are still red.",
    ),
    "rb_kepala_provinsi": ("RINGKASAN PROVINSI · PEREKAMAN KTP-EL", "PROVINCE BRIEFING · E-KTP RECORDING"),
    "rb_merah_dari": (
        "{merah} dari {total} {tingkat} {wilayah} masih merah.",
        "{merah} of {total} {tingkat} in {wilayah} {merah|is|are} still red.",
    ),
    "rb_peta_anak": ("Zona per {tingkat}", "Zones of the {tingkat}"),
    "rb_peringkat": ("{tingkat}, cakupan terendah dulu", "{tingkat}, lowest coverage first"),
    "rb_kol_wilayah": ("Wilayah", "Area"),
    "rb_kol_naik": ("Naik/minggu", "Gain/week"),
    "rb_kol_hijau_pada": ("Hijau pada", "Green by"),
    "rb_peringkat_catatan": (
        "Naik/minggu: poin cakupan per minggu selama {hari} hari terakhir; hijau pada: kapan {hijau} tercapai "
        "pada laju itu.",
        "Gain/week: coverage points per week over the last {hari} days; green by: when {hijau} is reached at "
        "that pace.",
    ),
    "rb_peringkat_lainnya": ("Dan {n} lainnya.", "And {n} more."),
    "rb_tanggal": ("Data per {tanggal}", "Data as of {tanggal}"),
    "rb_banding": ("perubahan dibanding data {tanggal}", "change since the data of {tanggal}"),
    "rb_wajib": ("Wajib KTP", "Must hold e-KTP"),
    "rb_sudah": ("Sudah rekam", "Recorded"),
    "rb_belum": ("Belum rekam", "Not yet recorded"),
    "rb_cakupan": ("Cakupan", "Coverage"),
    "rb_zona": ("zona {zona}", "{zona} zone"),
    "rb_orang": ("{nilai} orang", "{nilai} people"),
    "rb_poin": ("{nilai} poin", "{nilai} points"),
    "rb_sejak": ("sejak {tanggal}", "since {tanggal}"),
    "rb_tanpa_banding": ("belum ada data sebelumnya", "no earlier data"),
    "rb_perlu_hijau": (
        "Perlu {n} perekaman lagi agar {wilayah} masuk zona hijau (≥ {ambang}).",
        "{n} more recordings would bring {wilayah} into the green zone (≥ {ambang}).",
    ),
    "rb_sudah_hijau": (
        "{wilayah} sudah di zona hijau (≥ {ambang}).",
        "{wilayah} is in the green zone (≥ {ambang}).",
    ),
    "rb_laju": (
        "Sejak {tanggal} bertambah {n} perekaman ({per_minggu} per minggu).",
        "Since {tanggal}, {n} more recordings have been made ({per_minggu} a week).",
    ),
    "rb_zona_anak": (
        "{tingkat}: {hijau} hijau · {kuning} kuning · {merah} merah{tanpa}{daftar}.",
        "{tingkat}: {hijau} green · {kuning} yellow · {merah} red{tanpa}{daftar}.",
    ),
    "rb_tertinggal_target": (
        "Tidak tepat waktu mencapai target pada laju ini ({n} {tingkat}, cakupan / target): {daftar}.",
        "Not on time for the target at this rate ({n} {tingkat}, coverage / target): {daftar}.",
    ),
    "rb_hambatan_lumpuh": (
        "Tidak bisa merekam: {lokasi} sejak {sejak} ({hari} hari){lain}.",
        "Cannot record: {lokasi} since {sejak} ({hari} days){lain}.",
    ),
    "rb_hambatan_blangko": (
        "Blangko tinggal ±{stok} keping, habis sekitar {habis}; {prr} KTP-el menunggu cetak.",
        "About {stok} blank cards left, running out around {habis}; {prr} cards wait to be printed.",
    ),
    "rb_lainnya": (", dan {n} lainnya", ", and {n} more"),
    "rb_data_lama": (
        "Data {n} kabupaten/kota lebih dari {batas} hari lebih tua dari {tanggal}, angkanya bukan keadaan "
        "{tanggal}: {daftar}.",
        "{n} {n|regency/city has|regencies/cities have} data more than {batas} days older than {tanggal}, "
        "so {n|its|their} figures are not those of {tanggal}: {daftar}.",
    ),
    "rb_zona_anak_tanpa": (" · {n} tanpa data", " · {n} without data"),
    "rb_merah": (" — merah: {daftar}", " — red: {daftar}"),
    "rb_di_atas_100": (
        "{n} desa/kelurahan di atas 100% — periksa data wajib KTP-nya: {daftar}.",
        "{n} {n|village|villages} above 100% — check the number who must hold an e-KTP: {daftar}.",
    ),
    "rb_peta": ("Zona per desa/kelurahan", "Zones by village"),
    "rb_peta_nomor": (
        "Angka 1–{n} di peta: desa/kelurahan dalam tabel kantong di bawah.",
        "Numbers 1–{n} on the map: the villages in the pockets table below.",
    ),
    "rb_peta_lingkaran": ("Dilingkari: {daftar}.", "Circled: {daftar}."),
    "rb_peta_garis": ("Garis tebal: batas kecamatan.", "Thick lines: district borders."),
    "rb_tren": ("Tren cakupan", "Coverage trend"),
    "rb_kantong": (
        "{n} desa/kelurahan dengan belum rekam terbanyak",
        "The {n} villages with the most not yet recorded",
    ),
    "rb_kol_no": ("No.", "No."),
    "rb_kol_desa": ("Desa/kelurahan", "Village"),
    "rb_kol_kecamatan": ("Kecamatan", "District"),
    "rb_kol_belum": ("Belum rekam", "Not recorded"),
    "rb_kol_cakupan": ("Cakupan", "Coverage"),
    "rb_kol_zona": ("Zona", "Zone"),
    "rb_kantong_bagian": (
        "Bersama {jumlah} dari {total} belum rekam ({persen}).",
        "Together {jumlah} of {total} not yet recorded ({persen}).",
    ),
    "rb_dibuat": (
        "Dibuat dengan Peta Rekam e-KTP. Cakupan = sudah rekam ÷ wajib KTP.",
        "Made with Peta Rekam e-KTP. Coverage = recorded ÷ must hold an e-KTP.",
    ),
    # --- images ---
    "gambar_ukuran_salah": (
        "Ukuran gambar '{nilai}' tidak bisa dipakai. Tulis lebar x tinggi dalam piksel, masing-masing "
        "{min}–{maks}, misalnya {contoh}.",
        "Image size '{nilai}' cannot be used. Write width x height in pixels, each {min}–{maks}, e.g. {contoh}.",
    ),
    "gambar_format_salah": (
        "Format gambar '{nilai}' tidak didukung. Pilih salah satu: {pilihan}.",
        "Image format '{nilai}' is not supported. Choose one of: {pilihan}.",
    ),
    "gambar_tanpa_peramban": (
        "Gambar tidak bisa dibuat: peramban Chromium tidak ditemukan. Pasang paket Debian 'chromium' atau isi "
        "BROWSER_PATH dengan lokasi Chromium/Chrome.",
        "Cannot make the image: no Chromium browser found. Install the Debian package 'chromium' or set "
        "BROWSER_PATH to a Chromium/Chrome executable.",
    ),
    "gambar_gagal": (
        "Gambar tidak bisa dibuat ({detail}). Coba lagi; bila berulang, mulai ulang aplikasi.",
        "Cannot make the image ({detail}). Try again; if it happens again, restart the application.",
    ),
    # --- static_map ---
    "peta_gambar_sub": (
        "Zona cakupan perekaman KTP-el per {tingkat}, data per {tanggal}",
        "e-KTP recording coverage zones of the {tingkat}, data as of {tanggal}",
    ),
    "peta_gambar_legenda": ("Zona cakupan", "Coverage zone"),
    "peta_gambar_jumlah": ("{label} · {n} {tingkat}", "{label} · {n} {tingkat}"),
    "peta_gambar_utara": ("U", "N"),
    "peta_gambar_km": ("{n} km", "{n} km"),
    # --- the plan's image and map legend ---
    "rencana_gambar_judul": (
        "Rencana jemput bola {wilayah}: perkiraan {total} orang direkam dalam {hari} hari kerja",
        "Mobile-unit plan for {wilayah}: {total} people expected to record in {hari} working days",
    ),
    "rencana_gambar_sub": (
        "{unit} unit keliling, {mulai} – {akhir}, {kapasitas} perekaman per unit per hari. Zona cakupan per "
        "desa/kelurahan, data per {tanggal}",
        "{unit} mobile units, {mulai} – {akhir}, {kapasitas} recordings per unit a day. Coverage zones by "
        "village, data as of {tanggal}",
    ),
    "rencana_gambar_zona": (
        " · {kec} kecamatan dan {desa} desa berubah zona",
        " · {kec} districts and {desa} villages change zone",
    ),
    "rencana_gambar_legenda": ("Rencana: {n} kunjungan, rute dari titik berangkat", "Plan: {n} visits, routes from the base"),
    "rencana_gambar_unit": (
        "Unit {n}: {kunjungan} kunjungan, {jumlah} orang",
        "Unit {n}: {kunjungan} visits, {jumlah} people",
    ),
    "rencana_peta_zona": ("Warna desa: zona ({zona})", "Village colours: zone ({zona})"),
    "rencana_gambar_perahu": ("putus-putus: menginap di pulau, naik perahu", "dashed: an island stay, by boat"),
    "rencana_gambar_jenis_sekolah": ("sekolah (SMA/SMK/MA, pesantren)", "school"),
    # --- the crews' sheets (one A4 page per unit, geo.render.crew_sheet) ---
    "kru_judul": ("Unit {n} — jadwal jemput bola, {tanggal}", "Unit {n} — mobile recording schedule, {tanggal}"),
    "kru_judul_lanjut": ("Unit {n} — jadwal jemput bola (lanjutan)", "Unit {n} — mobile recording schedule (cont.)"),
    "kru_sub": (
        "{wilayah} · berangkat dari {basis} · {hari} hari kerja · perkiraan direkam {jumlah} orang",
        "{wilayah} · setting out from {basis} · {hari} working {hari|day|days} · {jumlah} people expected",
    ),
    "kru_rencana": ("Rencana: {nama}", "Plan: {nama}"),
    "kru_pulau": (
        "Menginap di pulau, hari {awal}–{akhir}: menyeberang pada hari {awal}, kembali pada hari {akhir}.",
        "Staying on the island, days {awal}–{akhir}: crossing over on day {awal}, back on day {akhir}.",
    ),
    "kru_set": ("Set perekam: {nama}", "Recording set: {nama}"),
    "kru_set_tidak_ada": (
        "tidak ada set keliling yang berfungsi untuk unit ini di inventaris",
        "no working mobile set for this unit in the inventory",
    ),
    "kru_unit_kosong": ("Unit ini tidak punya kunjungan dalam rencana.", "This unit has no visits in the plan."),
    "kru_kol_hari": ("Hari", "Day"),
    "kru_kol_lokasi": ("Lokasi", "Site"),
    "kru_kol_perkiraan": ("Perkiraan", "Expected"),
    "kru_kol_direkam": ("Direkam*", "Recorded*"),
    "kru_isi": (
        "* Diisi awak unit: jumlah yang benar-benar direkam hari itu. Masukkan di halaman Rencana Jemput Bola, "
        "tab Simpan & realisasi.",
        "* Filled in by the crew: how many were actually recorded that day. Enter it on the Mobile-unit plan "
        "page, Save & actuals tab.",
    ),
    "kru_unduh": ("Unduh lembar kerja unit (PDF, satu halaman per unit)",
                  "Download the crews' sheets (PDF, a page per unit)"),
    "kru_bantuan": (
        "Untuk dicetak dan dibawa awak: tanggal, lokasi, perkiraan, kotak untuk jumlah yang benar-benar direkam, "
        "dan alasan memilih lokasi.",
        "To print and hand to each crew: dates, sites, expected numbers, a box for what was actually recorded, "
        "and why each site was chosen.",
    ),
    "rencana_lihat_cetak": ("Jadwal per unit sebagai teks", "The schedule per unit as text"),
    "rencana_tipis": (
        "Kecamatan {nama} naik ke zona {zona} dengan selisih tipis: cukup {selisih} orang lebih sedikit dari perkiraan "
        "(yang datang {respons}) dan ambang {ambang} tidak tercapai — zonanya tetap {zona_awal}. Tambahkan "
        "kunjungan di sana bila perubahan zona itu harus terjadi.",
        "{nama} district moves up to the {zona} zone by a hair: {selisih} fewer people than expected (a turnout of "
        "{respons}) and the {ambang} threshold is missed — it stays {zona_awal}. Add visits there if that zone "
        "change must happen.",
    ),
    "kru_tertulis": ("Lembar kerja unit ditulis ke {berkas} ({n} halaman).",
                     "Crews' sheets written to {berkas} ({n} {n|page|pages})."),
    "kru_dibuat": ("Dibuat {tanggal} dengan Peta Rekam e-KTP.", "Made on {tanggal} with Peta Rekam e-KTP."),
}
