"""Targets and alerts: target files, the Peringatan panel and the digest.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- target files ---
    "target_kolom_hilang": (
        "Berkas target perlu kolom kode (atau kode_wilayah), tahun, dan target_persen atau target_rekam. "
        "Kolom yang ada: {ada}.",
        "A target file needs the columns kode (or kode_wilayah), tahun, and target_persen or target_rekam. "
        "Columns found: {ada}.",
    ),
    "target_kode_salah": (
        "Kode wilayah '{kode}' tidak dikenali. Tulis kode Kemendagri, misalnya 99.01.06.",
        "Area code '{kode}' is not recognised. Write a Kemendagri code such as 99.01.06.",
    ),
    "target_tahun_salah": (
        "Tahun '{nilai}' tidak bisa dipakai. Tulis tahun empat angka, misalnya 2026.",
        "Year '{nilai}' cannot be used. Write a four-digit year, e.g. 2026.",
    ),
    "target_bulan_salah": (
        "Bulan '{nilai}' tidak dikenali. Tulis 1–12 atau nama bulan (Maret); kosongkan untuk target setahun.",
        "Month '{nilai}' is not recognised. Write 1–12 or a month's name (March); leave it empty for the year.",
    ),
    "target_persen_salah": (
        "Target '{nilai}' tidak bisa dipakai. Tulis persen di atas 0 sampai 100, misalnya 95 atau 95,5.",
        "Target '{nilai}' cannot be used. Write a percentage above 0 and up to 100, e.g. 95 or 95.5.",
    ),
    "target_kosong": (
        "Baris ini tidak punya target: isi target_persen atau target_rekam.",
        "This row has no target: fill in target_persen or target_rekam.",
    ),
    "target_ganda": (
        "Target wilayah {kode} untuk periode ini sudah ada di baris {baris_lain}. Hapus salah satunya.",
        "The target of area {kode} for this period is already on row {baris_lain}. Remove one of them.",
    ),
    "target_wilayah_tidak_ada": (
        "{jumlah} kode wilayah di berkas target tidak ada di batas wilayah yang tersimpan: {kode}. "
        "Periksa kodenya, atau impor batas wilayahnya dulu.",
        "{jumlah} area {jumlah|code|codes} in the target file {jumlah|is|are} not in the stored boundaries: "
        "{kode}. Check the codes, or import the boundaries first.",
    ),
    "target_diimpor": (
        "Target diimpor: versi {versi}, {n} baris.",
        "Targets imported: version {versi}, {n} {n|row|rows}.",
    ),
    # --- target status ---
    "target_sumber_bulan": ("target bulan ini", "this month's target"),
    "target_sumber_tahun": ("target tahunan", "the year's target"),
    "target_sumber_induk": ("target wilayah induk", "the parent area's target"),
    "target_sumber_bawaan": ("ambang hijau (bawaan)", "green threshold (default)"),
    # --- alert kinds (short titles) ---
    "peringatan_jenis_data_basi": ("Data lama", "Old data"),
    "peringatan_jenis_tanpa_data": ("Data belum lengkap", "Figures incomplete"),
    "peringatan_tanpa_data": (
        "{kosong} dari {semua} desa/kelurahan {nama} belum mengirim data; tanpa data sama sekali: {daftar}. "
        "Angka {nama} hanya dari yang sudah. Minta data yang belum masuk.",
        "{kosong} of the {semua} villages of {nama} {kosong|has|have} sent no figures; none at all from {daftar}. The "
        "figures of {nama} are the others' only. Ask for the missing data.",
    ),
    "peringatan_tanpa_data_sebagian": (
        "{kosong} dari {semua} desa/kelurahan {nama} belum mengirim data. Angka {nama} hanya dari yang sudah. "
        "Minta data yang belum masuk.",
        "{kosong} of the {semua} villages of {nama} {kosong|has|have} sent no figures. The figures of {nama} are the "
        "others' only. Ask for the missing data.",
    ),
    "peringatan_jenis_data_tertinggal": ("Data desa tertinggal", "Villages' figures behind"),
    "peringatan_data_tertinggal": (
        "{jumlah} dari {ada} desa/kelurahan {nama} tidak ada di data terbaru ({tanggal}): angka mereka lebih dari "
        "{batas} hari lebih tua, yang tertua per {tertua}, tetapi ikut dijumlah dengan data terbaru: {daftar}. "
        "Minta data terbaru mereka.",
        "{jumlah} of the {ada} villages of {nama} {jumlah|is|are} missing from the newest data ({tanggal}): their "
        "figures are more than {batas} days older, the oldest from {tertua}, yet summed with the newest: {daftar}. "
        "Ask for their newest data.",
    ),
    "peringatan_jenis_lokasi_lumpuh": ("Lokasi tak bisa merekam", "Site cannot record"),
    "peringatan_jenis_blangko_habis": ("Blangko menipis", "Blank cards running out"),
    "peringatan_jenis_tanpa_rekam": ("Tanpa perekaman", "No recordings"),
    "peringatan_jenis_zona_turun": ("Zona turun", "Zone dropped"),
    "peringatan_jenis_terlambat_target": ("Tidak tepat waktu mencapai target", "Not in time for the target"),
    "peringatan_jenis_alat_rusak": ("Alat rusak", "Device broken"),
    "peringatan_jenis_zona_merah": ("Zona merah", "Red zone"),
    "peringatan_jenis_di_atas_100": ("Di atas 100%", "Above 100%"),
    # --- alert lines ---
    "peringatan_data_basi": (
        "Data terbaru bertanggal {tanggal}, sudah {umur} hari (batas {batas} hari): angka lain mungkin "
        "sudah berubah. Unggah data baru.",
        "The newest data is from {tanggal}, {umur} days old (limit {batas} days): other figures may have "
        "changed. Upload new data.",
    ),
    "peringatan_lokasi_lumpuh": (
        "{lokasi} ({nama}) tidak bisa merekam selama {hari} hari: alat {alat} tidak berfungsi sejak {sejak}.",
        "{lokasi} ({nama}) has been unable to record for {hari} days: device {alat} down since {sejak}.",
    ),
    "peringatan_blangko_habis": (
        "Blangko {nama} tinggal ±{stok} keping pada {tanggal}; pada laju cetak {laju}/hari habis sekitar "
        "{tanggal_habis} ({hari} hari lagi). {prr} KTP-el menunggu cetak.",
        "{nama} has about {stok} blank cards on {tanggal}; at {laju} printed a day they run out around "
        "{tanggal_habis} ({hari} days). {prr} cards wait to be printed.",
    ),
    "peringatan_blangko_kosong": (
        "Blangko {nama} habis sejak {tanggal_habis}; {prr} KTP-el menunggu cetak.",
        "{nama} ran out of blank cards on {tanggal_habis}; {prr} cards wait to be printed.",
    ),
    "peringatan_tanpa_rekam": (
        "{nama}: tidak ada perekaman baru selama {hari} hari (sudah rekam tetap {sudah} sejak {sejak}).",
        "{nama}: no new recording for {hari} days (the recorded count has stayed at {sudah} since {sejak}).",
    ),
    "peringatan_zona_turun": (
        "{nama} turun dari zona {zona_lama} ke {zona}: {cakupan_lama} → {cakupan} ({tanggal_lama} → {tanggal}).",
        "{nama} fell from the {zona_lama} zone to {zona}: {cakupan_lama} → {cakupan} ({tanggal_lama} → {tanggal}).",
    ),
    "peringatan_terlambat_target": (
        "{nama}: {cakupan}, target {target} pada {tenggat}; pada laju {laju}/hari {kapan}. "
        "Perlu {laju_dibutuhkan} perekaman/hari.",
        "{nama}: {cakupan}, target {target} by {tenggat}; at {laju} a day the target is {kapan}. "
        "Needs {laju_dibutuhkan} recordings a day.",
    ),
    "peringatan_kapan_tanggal": ("tercapai {tanggal}", "reached on {tanggal}"),
    "peringatan_kapan_tidak": ("tidak tercapai", "never reached"),
    "peringatan_alat_rusak": (
        "Alat {alat} ({jenis}) di {lokasi}, {nama}: {status} selama {hari} hari (sejak {sejak}).",
        "Device {alat} ({jenis}) at {lokasi}, {nama}: {status} for {hari} days (since {sejak}).",
    ),
    "peringatan_zona_merah": (
        "{nama} zona merah: {cakupan}, {belum} orang belum rekam.",
        "{nama} is in the red zone: {cakupan}, {belum} people not yet recorded.",
    ),
    "peringatan_di_atas_100": (
        "{nama} kini {cakupan}: {kelebihan} rekam lebih banyak dari wajib KTP. Periksa data penduduk "
        "(penyebut) — jangan dibaca sebagai prestasi.",
        "{nama} is now at {cakupan}: {kelebihan} more recorded than must hold an e-KTP. Check the population figure "
        "(denominator) — not an achievement.",
    ),
    # --- digest ---
    "digest_judul": (
        "Peringatan Peta Rekam — {wilayah}, data {tanggal}: {n} peringatan",
        "Peta Rekam alerts — {wilayah}, data of {tanggal}: {n} {n|alert|alerts}",
    ),
    "digest_kosong": (
        "Peta Rekam — {wilayah}, data {tanggal}: tidak ada peringatan baru.",
        "Peta Rekam — {wilayah}, data of {tanggal}: no new alerts.",
    ),
    "digest_lainnya": (
        "… dan {n} peringatan lain: buka dasbor Peta Rekam.",
        "… and {n} more {n|alert|alerts}: open the Peta Rekam dashboard.",
    ),
    "digest_subjek": ("Peringatan Peta Rekam: {wilayah} ({n})", "Peta Rekam alerts: {wilayah} ({n})"),
    "digest_terkirim": (
        "Ringkasan terkirim ke {kepada} ({n} peringatan).",
        "Digest sent to {kepada} ({n} {n|alert|alerts}).",
    ),
    "digest_tidak_ada_yang_baru": (
        "Tidak ada peringatan baru sejak ringkasan terakhir; tidak ada yang dikirim.",
        "No new alerts since the last digest; nothing sent.",
    ),
    "surel_tidak_diatur": (
        "Surel belum diatur: isi [surel] host, dari dan kepada di data/config.toml (kata sandi lewat "
        "REKAM_SMTP_PASSWORD).",
        "E-mail is not set up: fill in [surel] host, dari and kepada in data/config.toml (the password "
        "through REKAM_SMTP_PASSWORD).",
    ),
    "surel_gagal": (
        "Surel tidak terkirim ke {host}:{port} ({detail}). Ringkasan tidak ditandai terkirim; coba lagi nanti.",
        "The e-mail could not be sent through {host}:{port} ({detail}). The digest is not marked sent; "
        "try again later.",
    ),
    "kol_target": ("Target", "Target"),
    "kol_tenggat": ("Tenggat", "Deadline"),
    "kol_selisih_target": ("Selisih dari target", "Against target"),
    "kol_status_target": ("Status target", "Target status"),
    "kol_sumber_target": ("Sumber target", "Target from"),
    "kol_jenis_peringatan": ("Peringatan", "Alert"),
    "kol_rincian": ("Rincian", "Details"),
    # --- the Peringatan panel, targets and digests on the pages ---
    "peringatan_judul": ("Peringatan ({n})", "Alerts ({n})"),
    "peringatan_judul_terbaru": ("Peringatan ({n}) pada data terbaru, {tanggal}",
                                 "Alerts ({n}) on the newest data, {tanggal}"),
    "peringatan_tidak_ada": ("Tidak ada peringatan untuk data terbaru.", "No alerts on the newest data."),
    "peringatan_lainnya": ("{n} peringatan lainnya", "{n} more {n|alert|alerts}"),
    "peringatan_buka": ("Buka {halaman}", "Open {halaman}"),
    "target_beranda_judul": ("Capaian terhadap target", "Progress against target"),
    # the target sentence: the late count in its level's words, the late named (first screen), then the
    # reached and in-time counts when not zero, joined by "; " and closed by "."
    "target_beranda_ringkas": (
        "{tertinggal} dari {n} kecamatan tidak tepat waktu mencapai target pada laju ini",
        "{tertinggal} of {n} districts will not reach the target in time at this rate",
    ),
    "target_beranda_ringkas_kabupaten": (
        "{tertinggal} dari {n} kabupaten/kota tidak tepat waktu mencapai target pada laju ini",
        "{tertinggal} of {n} regencies/cities will not reach the target in time at this rate",
    ),
    "target_beranda_ringkas_desa": (
        "{tertinggal} dari {n} desa/kelurahan tidak tepat waktu mencapai target pada laju ini",
        "{tertinggal} of {n} villages will not reach the target in time at this rate",
    ),
    "target_beranda_tercapai": ("{n} sudah mencapainya", "{n} reached it"),
    "target_beranda_jalur": ("{n} tepat waktu pada laju ini", "{n} in time at this rate"),
    "target_beranda_namun": ("Namun {kalimat}", "But {kalimat}"),
    "target_beranda_lewat": (
        "{n} lainnya mestinya sudah tercapai menurut laju terakhir, tetapi datanya lama.",
        "{n} more should have reached it by now at the last rate, but {n|its|their} data {n|is|are} old.",
    ),
    "target_belum_ada_wilayah": (
        "Target dan peringatan berlaku untuk wilayah: isi setelah batas wilayah (tab Batas wilayah) dan rekap "
        "perekaman (tab Data perekaman) diimpor.",
        "Targets and alerts belong to areas: fill them in once the boundaries (Boundaries tab) and the recording "
        "figures (Recording figures tab) are imported.",
    ),
    "target_editor_bantuan": (
        "Target per wilayah dan periode: tahun, bulan (kosong = setahun), target persen (92 atau 92,5) dan/atau "
        "jumlah sudah rekam (12.345). Tambah baris di bawah, hapus baris untuk mencabut target. Disimpan sebagai "
        "satu versi (bisa dibatalkan di Riwayat). Berkas target diimpor di tab Titik & berkas lain.",
        "Targets per area and period: year, month (empty = the whole year), target percent (92 or 92.5) and/or "
        "people recorded (12,345). Add rows at the bottom, delete a row to withdraw a target. Saved as one version "
        "(it can be rolled back in Version history). Target files are imported in the Points & other files tab.",
    ),
    "target_tenggat_catatan": ("Tenggat: {tenggat}.", "Deadline: {tenggat}."),
    "target_satu_catatan": ("Target semua wilayah: {target}, tenggat {tenggat}.",
                            "Every area's target: {target}, deadline {tenggat}."),
    "target_simpan": ("Simpan target", "Save targets"),
    "target_tersimpan": ("Target tersimpan sebagai versi {versi}.", "Targets stored as version {versi}."),
    "target_tidak_berubah": ("Tidak ada target yang berubah.", "No target changed."),
    "target_bawaan": (
        "Tanpa tabel target, target tiap wilayah adalah ambang hijau ({target}) dengan tenggat {tenggat}.",
        "Without a target table, every area's target is the green threshold ({target}) by {tenggat}.",
    ),
    "digest_judul_halaman": ("Ringkasan peringatan", "Alert digest"),
    "digest_bantuan": (
        "Ringkasan peringatan yang belum pernah dikirim (atau berubah sejak dikirim), muat dalam satu pesan "
        "WhatsApp. Salin teksnya, lalu tandai terkirim; atau kirim lewat surel bila server surel diatur.",
        "The alerts not sent before (or changed since), fitting one WhatsApp message. Copy the text, then mark it "
        "sent; or send it by e-mail when a mail server is set.",
    ),
    "digest_tandai": ("Tandai terkirim (WhatsApp)", "Mark as sent (WhatsApp)"),
    "digest_kirim_surel": ("Kirim lewat surel", "Send by e-mail"),
    "digest_dicatat": ("Ringkasan {id} dicatat ({n} peringatan).", "Digest {id} kept ({n} {n|alert|alerts})."),
    "digest_riwayat": ("Ringkasan yang sudah dikirim", "Digests sent"),
    "digest_riwayat_kosong": ("Belum ada ringkasan yang dikirim.", "No digest sent yet."),
    "kol_tahun": ("Tahun", "Year"),
    "kol_bulan": ("Bulan", "Month"),
    "kol_target_rekam": ("Target sudah rekam", "Target recorded"),
    "kol_waktu": ("Waktu", "Time"),
    "kol_pengguna": ("Pengguna", "User"),
    "kol_saluran": ("Lewat", "Channel"),
    "kol_penerima": ("Penerima", "Recipients"),
    "kol_jumlah_peringatan": ("Peringatan", "Alerts"),
    "kol_isi": ("Isi", "Content"),
    "saluran_cli": ("baris perintah", "command line"),
    "saluran_email": ("surel", "e-mail"),
    "saluran_whatsapp": ("WhatsApp", "WhatsApp"),
    "tab_target": ("Target & peringatan", "Targets & alerts"),
}
