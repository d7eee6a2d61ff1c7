"""Recording devices, operators, backlog, cards and blank stock.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- capacity ---
    "inv_kolom_hilang": (
        "Kolom '{kolom}' tidak ada. Berkas {berkas} perlu kolom: {wajib}. Unduh templatnya untuk contoh.",
        "Column '{kolom}' is missing. A {berkas} file needs the columns: {wajib}. Download the template for an "
        "example.",
    ),
    "inv_belum_ada_lokasi": (
        "Belum ada lokasi perekaman di basis data. Editor mengunggah daftarnya dulu di halaman Data, tab Titik & "
        "berkas lain, jenis Lokasi perekaman (templatnya di tab Templat), atau dengan python -m geo import-points "
        "BERKAS --kind lokasi.",
        "No recording sites in the database yet. An editor uploads their list first on the Data page, tab Points "
        "& other files, kind Recording sites (its template is in the Templates tab), or with python -m geo "
        "import-points FILE --kind lokasi.",
    ),
    "inv_lokasi_tidak_dikenal": (
        "Lokasi '{lokasi}' tidak ada di daftar lokasi perekaman. Tulis id lokasi yang ada (mis. {contoh}) atau "
        "impor dulu lokasinya.",
        "Site '{lokasi}' is not in the list of recording sites. Write an existing site id (e.g. {contoh}) or "
        "import the site first.",
    ),
    "inv_tanggal_salah": (
        "Tanggal '{nilai}' tidak dikenali. Tulis TTTT-BB-HH (2026-09-28) atau HH/BB/TTTT (28/09/2026).",
        "Date '{nilai}' is not recognised. Write YYYY-MM-DD (2026-09-28) or DD/MM/YYYY (28/09/2026).",
    ),
    "inv_pilihan_salah": (
        "Nilai '{nilai}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Value '{nilai}' is not recognised. Choose one of: {pilihan}.",
    ),
    "inv_bukan_jumlah": (
        "'{nilai}' bukan jumlah. Tulis bilangan bulat 0 atau lebih, mis. 2 atau 30.000.",
        "'{nilai}' is not a count. Write a whole number of 0 or more, e.g. 2 or 30,000.",
    ),
    "inv_wajib_diisi": ("Kolom ini wajib diisi pada baris {jenis}.", "This column is required on a {jenis} row."),
    "inv_jenis_kosong": (
        "Jenis alat {alat} belum pernah diisi. Isi jenis pada baris pertama alat itu.",
        "The kind of device {alat} was never given. Fill in the kind on that device's first row.",
    ),
    "inv_baris_ganda": (
        "Baris ganda: {kunci} sudah ada di baris {baris_lain}. Satu baris per {kunci_nama} dan tanggal.",
        "Duplicate row: {kunci} is already on row {baris_lain}. One row per {kunci_nama} and date.",
    ),
    "inv_baris_kosong": (
        "Baris lokasi tanpa operator maupun koneksi: isi salah satunya, atau hapus barisnya.",
        "A site row with neither operators nor connectivity: fill one in, or delete the row.",
    ),
    "blangko_kode_salah": (
        "Kode wilayah '{kode}' tidak dikenali. Tulis kode Kemendagri, mis. 36.74.",
        "Area code '{kode}' is not recognised. Write a Kemendagri code, e.g. 36.74.",
    ),
    "blangko_kosong": ("Isi 'diterima' atau 'dipakai' (boleh 0).", "Fill in 'diterima' or 'dipakai' (0 is fine)."),
    "kap_kode_salah": (
        "Kode wilayah '{kode}' tidak dikenali. Tulis kode Kemendagri, mis. 99.01.",
        "Area code '{kode}' is not recognised. Write a Kemendagri code, e.g. 99.01.",
    ),
    "kap_laju_salah": (
        "Laju '{nilai}' tidak masuk akal: tulis jumlah perekaman per alat per hari, lebih dari 0 (mis. 35).",
        "Rate '{nilai}' makes no sense: write recordings per device per day, above 0 (e.g. 35).",
    ),
    "kap_jumlah_salah": (
        "Jumlah '{nilai}' tidak sah: tulis bilangan bulat 0 atau lebih.",
        "Count '{nilai}' is not valid: write a whole number of 0 or more.",
    ),
    "kap_unit_salah": (
        "Unit '{unit}' tidak dikenal: alat atau operator.",
        "Unknown unit '{unit}': alat or operator.",
    ),
    "kap_impor_ok": ("Tersimpan sebagai versi {versi}: {ringkas}.", "Stored as version {versi}: {ringkas}."),
    "kap_ringkas_inventaris": (
        "{alat} alat, {lokasi} lokasi, {baris} baris",
        "{alat} devices, {lokasi} sites, {baris} rows",
    ),
    "kap_ringkas_blangko": ("{baris} catatan stok blangko", "{baris} blank-stock entries"),
    "kap_tak_hingga": ("∞ (tanpa alat)", "∞ (no device)"),
    "kap_maks": ("Lama tuntas terpanjang: {sebelum} → {sesudah} hari", "Longest backlog: {sebelum} → {sesudah} days"),
    "kap_sisa_unit": (
        "{jumlah} unit tidak ditempatkan: tidak ada kecamatan yang lama tuntasnya turun karenanya.",
        "{jumlah} {jumlah|unit|units} not placed: no district's backlog would fall with them.",
    ),
    "kap_macet": (
        "{nama} ({kode}): tidak ada alat perekam yang bekerja sejak {sejak} ({hari} hari). {alasan} {belum} "
        "wajib KTP belum rekam menunggu.",
        "{nama} ({kode}): no working recording device since {sejak} ({hari} days). {alasan} {belum} residents "
        "not yet recorded are waiting.",
    ),
    "kap_alasan": (
        "{lokasi}: alat {alat} {status} sejak {tanggal} — {keterangan}.",
        "{lokasi}: device {alat} {status} since {tanggal} — {keterangan}.",
    ),
    "kap_tanpa_operator": (
        "{nama} ({kode}): {alat} alat bekerja tetapi tidak ada operator.",
        "{nama} ({kode}): {alat} working {alat|device|devices} but no operator.",
    ),
    "kap_offline": (
        "{nama} ({kode}): lokasi {koneksi} — data perekaman tiba terlambat, angka belum rekam bisa lebih "
        "tinggi dari kenyataan.",
        "{nama} ({kode}): site {koneksi} — recordings arrive late, so not-yet-recorded may read higher than it "
        "is.",
    ),
    # the page's answer first: are the devices enough to finish by the deadline, and where not
    # first the target the other pages judge by (hijau), then everyone recorded (100%)
    "kap_jawaban_hijau_kurang": (
        "Alat belum cukup untuk zona hijau ({target}): {n} dari {dinilai} kecamatan tidak bisa mencapainya sebelum "
        "tenggat {tenggat} ({sisa} hari kerja lagi dari hari ini), walau alat yang bekerja merekam penuh: {daftar}.",
        "Devices are not enough for the green zone ({target}): {n} of {dinilai} {dinilai|district|districts} cannot "
        "reach it before the deadline of {tenggat} ({sisa} working days from today), even with the working devices "
        "recording at full pace: {daftar}.",
    ),
    "kap_jawaban_hijau_cukup": (
        "Alat cukup untuk zona hijau ({target}): semua {dinilai} kecamatan bisa mencapainya sebelum tenggat {tenggat} "
        "({sisa} hari kerja lagi dari hari ini) bila alat yang bekerja merekam penuh — yang kurang adalah warga yang "
        "datang, bukan alat.",
        "Devices are enough for the green zone ({target}): all {dinilai} {dinilai|district|districts} can reach it "
        "before the deadline of {tenggat} ({sisa} working days from today) with the working devices recording at "
        "full pace — what is short is people coming in, not devices.",
    ),
    "kap_jawaban_semua_kurang": (
        "Untuk merekam semua wajib KTP: {melebihi} dari {dinilai} kecamatan tidak tuntas sebelum tenggat{hijau}.",
        "To record everyone who must hold an e-KTP: {melebihi} of {dinilai} {dinilai|district|districts} will not "
        "finish before the deadline{hijau}.",
    ),
    "kap_jawaban_semua_cukup": (
        "Semua wajib KTP pun bisa terekam sebelum tenggat.",
        "Everyone who must hold an e-KTP can be recorded before the deadline too.",
    ),
    "kap_jawaban_sudah_hijau": (
        "; {n} di antaranya sudah hijau",
        "; {n} of them {n|is|are} already green",
    ),
    "kap_jawaban_lewat": (
        "Tenggat {tenggat} sudah lewat: {melebihi} dari {dinilai} kecamatan masih punya wajib KTP yang belum "
        "rekam{hijau}.",
        "The deadline of {tenggat} has passed: {melebihi} of {dinilai} {dinilai|district|districts} still have "
        "residents not yet recorded{hijau}.",
    ),
    "kap_jawaban_tanpa_alat": (
        "{nama} tidak bisa merekam sama sekali (lama tuntas ∞): tidak ada alat yang bekerja dengan operator.",
        "{nama} cannot record at all (backlog ∞): no device works with an operator.",
    ),
    "kap_jawaban_terlama": (
        "Terlama di antara yang masih merekam: {nama}, {hari} hari kerja.",
        "Longest of those still recording: {nama}, {hari} working days.",
    ),
    "kap_ringkasan_lewat": ("Alat tak cukup untuk hijau", "Devices short of green"),
    "kap_ringkasan_lewat_bantuan": (
        "Kecamatan yang alatnya, bila bekerja penuh, tidak bisa mengangkatnya ke zona hijau sebelum tenggat "
        "(tidak ada alat yang bekerja, atau terlalu sedikit). Beranda dan Tren menilai laju perekaman yang "
        "terjadi; di sini kemampuan alat.",
        "Districts whose devices, working at full pace, cannot lift them to the green zone before the deadline "
        "(no working device, or too few). Home and Trends judge the pace recorded; this is what the devices "
        "can do.",
    ),
    "kap_ringkasan_lewat_isi": ("{n} dari {dinilai}", "{n} of {dinilai}"),
    "kap_ringkasan_tenggat": ("tenggat {tenggat}", "deadline {tenggat}"),
    "kap_pengaturan": ("Pengaturan perhitungan", "Calculation setting"),
    "kap_laju_input": ("Perekaman per alat per hari", "Recordings per device per day"),
    "kap_laju_bantuan": ("Satu lokasi merekam 30–40 orang sehari.", "One site records 30–40 people a day."),
    "rencana_kapasitas_bantuan": (
        "Satu alat merekam 30–40 orang sehari; bawaan {n}, seperti Kapasitas Perekaman menghitung hari satu alat. "
        "Perjalanan unit dipotong dari harinya.",
        "One device records 30–40 people a day; {n} by default, as Recording Capacity counts a device's day. The "
        "unit's travel is taken off its day.",
    ),
    "kap_ringkasan_alat": ("Alat perekam bekerja", "Working recording devices"),
    "kap_ringkasan_operator": ("Operator", "Operators"),
    "kap_ringkasan_belum": ("Belum rekam", "Not yet recorded"),
    "kap_ringkasan_hari": ("Lama tuntas kabupaten (hari)", "Regency/city backlog days"),
    "kap_dari_alat": ("dari {total} alat", "of {total} devices"),
    "kap_tabel": (
        "Kapasitas per kecamatan (paling lama tuntas di atas)",
        "Capacity by district (longest backlog first)",
    ),
    "kap_tabel_catatan": (
        "Lama tuntas = hari kerja (hari layanan) sampai semua yang belum rekam terekam: belum rekam ÷ ({laju} "
        "perekaman × alat yang bekerja dan punya operator); dibandingkan dengan hari kerja Senin–Jumat dari hari "
        "ini sampai tenggat, tanpa hari libur nasional dan cuti bersama. Bila semua alat bisa dipindah ke mana saja, seluruh kabupaten tuntas dalam "
        "{kabupaten} hari — tetapi alat tidak berpindah sendiri, jadi yang menentukan adalah kecamatan terlama.",
        "Backlog days = not yet recorded ÷ ({laju} recordings × devices that work and have an operator), in "
        "working (service) days; compared with the Monday–Friday working days from today to the deadline, national "
        "holidays and joint leave days left out. If "
        "every device could move anywhere, the whole regency/city would finish in {kabupaten} days — but devices "
        "do not move by themselves, so the longest district decides.",
    ),
    "kap_alat_mati": ("Alat yang tidak bekerja sekarang", "Devices not working now"),
    "kap_semua_bekerja": ("Semua alat bekerja.", "All devices work."),
    "kap_usulan": ("Ke mana alat baru ditempatkan", "Where new devices should go"),
    "kap_jumlah_alat": ("Jumlah alat baru", "Number of new devices"),
    "kap_usulan_catatan": (
        "Setiap alat baru diberikan ke kecamatan yang paling lama tuntas saat itu; dengan cara ini lama tuntas "
        "terpanjang menjadi sependek mungkin. Alat baru dijalankan operator yang menganggur, atau perlu operator "
        "baru.",
        "Each new device goes to the district with the longest backlog at that point; this makes the longest "
        "backlog as short as it can be. An idle operator runs a new device, or a new operator is needed.",
    ),
    "kap_pinjam": ("Yang bisa meminjamkan set mobile", "Who can lend a mobile set"),
    "kap_pinjam_catatan": (
        "Set mobile (alat dan satu operator) bisa dipinjamkan bila pemiliknya tetap punya alat bekerja dan "
        "lama tuntasnya tetap tidak melebihi lama tuntas kabupaten secara keseluruhan ({batas} hari).",
        "A mobile set (device and one operator) can be lent when its owner keeps a working device and its "
        "backlog stays within the regency/city's overall backlog ({batas} days).",
    ),
    "kap_pinjam_tidak_ada": (
        "Tidak ada kecamatan yang bisa meminjamkan set mobile.",
        "No district can lend a mobile set.",
    ),
    "kap_belum_ada_inventaris": (
        "Belum ada inventaris alat dan operator. Editor mengunggahnya di halaman Data, tab Titik & berkas "
        "lain, jenis Perangkat & operator (templatnya di tab Templat), atau dengan python -m geo "
        "import-inventory BERKAS.",
        "No inventory of devices and operators yet. An editor uploads it on the Data page, tab Points & other "
        "files, kind Devices & operators (its template is in the Templates tab), or with python -m geo "
        "import-inventory FILE.",
    ),
    "kartu_judul": (  # the first place PRR shows on a page: said once what it is
        "Alur kartu: rekam → siap cetak (PRR) → tercetak",
        "Card pipeline: recorded → print-ready (PRR) → printed",
    ),
    "kartu_riwayat": (
        "Siap cetak yang menunggu dan kartu tercetak per minggu",
        "Print-ready waiting and cards printed per week",
    ),
    "kartu_per_kecamatan": ("Alur kartu per kecamatan", "Card pipeline by district"),
    "blangko_judul": ("Stok blangko KTP-el", "Blank e-KTP card stock"),
    "blangko_stok_perkiraan": ("Perkiraan stok", "Estimated stock"),
    "blangko_laju": ("Kartu dicetak per hari", "Cards printed per day"),
    "blangko_perkiraan_habis": ("Perkiraan habis", "Expected to run out"),
    "blangko_hari_lagi": ("{hari} hari lagi", "in {hari} days"),
    "blangko_kurang": ("Kurang untuk PRR yang menunggu", "Short for print-ready (PRR)"),
    "blangko_tidak_ada": (
        "Belum ada catatan stok blangko. Editor mengunggahnya di halaman Data, tab Titik & berkas lain, jenis "
        "Stok blangko (templatnya di tab Templat), atau dengan python -m geo import-blank-stock BERKAS.",
        "No blank-card stock entries yet. An editor uploads them on the Data page, tab Points & other files, "
        "kind Blank-card stock (its template is in the Templates tab), or with python -m geo import-blank-stock "
        "FILE.",
    ),
    "blangko_catatan": (
        "Stok tercatat {stok} per {tanggal_stok}; sejak itu {dicetak} kartu dicetak. Laju memakai jumlah sudah "
        "cetak data perekaman: kartu tercetak {awal} – {akhir} ÷ jumlah hari. {prr} kartu siap cetak (PRR) "
        "menunggu.",
        "Stock recorded {stok} on {tanggal_stok}; {dicetak} cards printed since. The rate uses the recording "
        "figures' printed counts: cards printed {awal} – {akhir} ÷ days. {prr} print-ready cards (PRR) are waiting.",
    ),
    # the blank-card answer in one sentence: the stock against the print-ready cards, then when it runs out
    "blangko_jawaban_kurang": (
        "Blangko KTP-el tidak cukup: stok sekitar {stok} keping untuk {prr} KTP-el siap cetak (PRR) — kurang "
        "{kurang} (data {tanggal}).",
        "Blank e-KTP cards are short: a stock of about {stok} for {prr} print-ready cards (PRR) — {kurang} short "
        "(data of {tanggal}).",
    ),
    "blangko_jawaban_cukup": (
        "Stok blangko sekitar {stok} keping cukup untuk {prr} KTP-el siap cetak (PRR) (data {tanggal}).",
        "A blank stock of about {stok} covers the {prr} print-ready cards (PRR) (data of {tanggal}).",
    ),
    "blangko_jawaban_stok": (
        "Stok blangko sekitar {stok} keping (data {tanggal}).",
        "Blank stock about {stok} (data of {tanggal}).",
    ),
    "blangko_jawaban_habis": (
        "Pada laju {laju} kartu per hari, stok habis sekitar {habis}: {lagi}.",
        "At {laju} cards a day the stock runs out around {habis}: {lagi}.",
    ),
    "blangko_jawaban_sudah_habis": (
        "Menurut laju {laju} kartu per hari, stok sudah habis sekitar {habis}.",
        "At {laju} cards a day the stock ran out around {habis}.",
    ),
    "blangko_hari_lagi_hari_ini": (
        "{hari} hari lagi dari hari ini",
        "{hari} {hari|day|days} from today",
    ),
    "blangko_habis_hari_ini": ("hari ini", "today"),
    "blangko_laju_buku": ("Blangko dipakai per hari (buku stok)", "Blanks used per day (stock ledger)"),
    "blangko_catatan_buku": (
        "Stok tercatat {stok} per {tanggal_stok}. Data perekaman tidak memuat jumlah sudah cetak yang baru, "
        "jadi laju memakai kolom 'dipakai' buku stok: blangko dipakai {awal} – {akhir} ÷ jumlah hari.",
        "Stock recorded {stok} on {tanggal_stok}. The recording figures hold no recent printed counts, so the "
        "rate uses the stock ledger's 'dipakai': blanks used {awal} – {akhir} ÷ days.",
    ),
    "gambar_blangko_laju_buku": ("dipakai {laju} per hari (buku stok)", "{laju} used a day (stock ledger)"),
    "kap_status_aktif": ("aktif", "working"),
    "kap_status_rusak": ("rusak", "broken"),
    "kap_status_perbaikan": ("dalam perbaikan", "under repair"),
    "kap_status_dihapus": ("dihapus", "written off"),
    "kap_jenis_statis": ("statis", "static"),
    "kap_jenis_mobile": ("mobile (keliling)", "mobile"),
    "kap_jenis_cetak": ("cetak", "printer"),
    "kap_koneksi_online": ("online", "online"),
    "kap_koneksi_tidak_stabil": ("tidak stabil", "unstable"),
    "kap_koneksi_offline": ("offline", "offline"),
    "kkap_kode": ("Kode", "Code"),
    "kkap_nama": ("Kecamatan", "District"),
    "kkap_alat": ("Alat bekerja", "Working devices"),
    "kkap_alat_isi": ("{aktif} dari {total}", "{aktif} of {total}"),
    "kkap_operator": ("Operator", "Operators"),
    "kkap_koneksi": ("Koneksi", "Connectivity"),
    "kkap_belum": ("Belum rekam", "Not recorded"),
    "kkap_belum_per_alat": ("Belum rekam per alat", "Not recorded per device"),
    "kkap_hari": ("Lama tuntas (hari)", "Backlog days"),
    "kkap_lokasi": ("Lokasi", "Site"),
    "kkap_alat_id": ("Alat", "Device"),
    "kkap_jenis": ("Jenis", "Kind"),
    "kkap_status": ("Status", "Status"),
    "kkap_sejak": ("Sejak", "Since"),
    "kkap_lama": ("Lama (hari)", "For (days)"),
    "kkap_keterangan": ("Keterangan", "Note"),
    "kkap_urutan": ("Alat ke-", "Device no."),
    "kkap_urutan_operator": ("Operator ke-", "Operator no."),
    "kkap_sebelum": ("Lama tuntas sebelum", "Backlog days before"),
    "kkap_sesudah": ("Lama tuntas sesudah", "Backlog days after"),
    "kkap_operator_baru": ("Perlu operator baru", "New operator needed"),
    "kkap_hari_pinjam": ("Bila dipinjamkan", "If lent"),
    "kkap_batas": ("Lama tuntas kabupaten (hari)", "Regency/city backlog (days)"),
    "kkap_tujuan": ("Usul dipinjamkan ke", "Suggested borrower"),
    "kkap_tujuan_hari": ("Peminjam sesudahnya", "Borrower after"),
    "kkap_mobile": ("Mobile bekerja", "Working mobile"),
    "kkap_sudah": ("Sudah rekam", "Recorded"),
    "kkap_prr": ("Siap cetak (PRR)", "Print-ready (PRR)"),
    "kkap_cetak": ("Sudah cetak", "Printed"),
    "kkap_diproses": ("Masih diproses / ditolak", "Processing / rejected"),
    "kkap_persen_cetak": ("% tercetak", "% printed"),
    "kap_ya": ("ya", "yes"),
    "kap_tidak": ("tidak", "no"),
}
