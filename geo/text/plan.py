"""The mobile-unit (jemput bola) planner.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- plan ---
    "rencana_kolom_hilang": (
        "Daftar lokasi kurang kolom '{kolom}'. Yang diperlukan: {wajib}.",
        "The site list lacks the column '{kolom}'. Needed: {wajib}.",
    ),
    "rencana_angka_salah": ("{nama} harus {syarat} (tertulis {nilai}).", "{nama} must be {syarat} (got {nilai})."),
    "rencana_basis_tidak_ada": (
        "Kantor '{basis}' tidak ada di wilayah {wilayah}. Pilih kantor Disdukcapil atau kantor kecamatan dari "
        "daftar lokasi perekaman (impor titik 'lokasi').",
        "Office '{basis}' is not in area {wilayah}. Pick the Disdukcapil office or a kecamatan office from the "
        "recording sites (import 'lokasi' points).",
    ),
    "rencana_tanpa_basis": (
        "Wilayah {wilayah} belum punya kantor Disdukcapil atau kantor kecamatan di daftar lokasi perekaman: unit "
        "keliling berangkat dari sana. Editor mengunggah daftar itu di halaman Data, tab Titik & berkas lain, "
        "jenis Lokasi perekaman (templatnya di tab Templat), atau dengan python -m geo import-points BERKAS "
        "--kind lokasi.",
        "Area {wilayah} has no Disdukcapil or kecamatan office among its recording sites: mobile units set out "
        "from one. An editor uploads the list on the Data page, tab Points & other files, kind Recording sites "
        "(its template is in the Templates tab), or with python -m geo import-points FILE --kind lokasi.",
    ),
    "rencana_basis_perkiraan": (
        "Belum ada kantor Disdukcapil atau kantor kecamatan di daftar lokasi perekaman {wilayah}: rencana ini "
        "berangkat dari {basis}. Jarak dan waktu tempuh hanya perkiraan, dan jarak warga ke lokasi perekaman "
        "tetap belum diketahui, jadi tujuan yang menimbang jarak itu menghitung semua desa sama. Untuk rencana "
        "dari kantor sebenarnya, editor mengunggah daftar itu di halaman Data, tab Titik & berkas lain, jenis "
        "Lokasi perekaman (templatnya di tab Templat), atau dengan python -m geo import-points BERKAS --kind "
        "lokasi.",
        "No Disdukcapil or kecamatan office is among the recording sites of {wilayah}: this plan sets out from "
        "{basis}. Distances and travel times are estimates, and how far residents live from a recording site "
        "is not known yet, so objectives that weigh it count every desa alike. For a plan from the real office, "
        "an editor uploads that list on the Data page, tab Points & other files, kind Recording sites (its "
        "template is in the Templates tab), or with python -m geo import-points FILE --kind lokasi.",
    ),
    "rencana_basis_tengah": ("titik tengah Kec. {nama} (perkiraan)", "the centre of {nama} district (estimate)"),
    "rencana_slot_salah": (
        "Unit {unit} hari {hari} di luar rencana ({unit_maks} unit × {hari_maks} hari).",
        "Unit {unit} day {hari} is outside the plan ({unit_maks} units × {hari_maks} days).",
    ),
    "rencana_slot_terisi": (
        "Unit {unit} sudah punya kunjungan pada hari {hari}. Hapus dulu kunjungan itu.",
        "Unit {unit} already has a visit on day {hari}. Remove that visit first.",
    ),
    "rencana_situs_ganda": (
        "{nama} sudah dikunjungi unit lain pada hari {hari}: satu lokasi paling banyak satu unit per hari.",
        "{nama} is already visited by another unit on day {hari}: at most one unit per site per day.",
    ),
    "rencana_situs_tidak_ada": (
        "Lokasi '{kode}' tidak ada di daftar calon lokasi rencana ini.",
        "Site '{kode}' is not among this plan's candidate sites.",
    ),
    "rencana_penuh": (
        "Tidak ada hari kosong untuk {nama}. Hapus dulu satu kunjungan, atau tambah unit/hari.",
        "No free day for {nama}. Remove a visit first, or add units/days.",
    ),
    "rencana_nama_kosong": ("Beri nama rencana.", "Give the plan a name."),
    "rencana_nama_dipakai": (
        "Nama rencana '{nama}' sudah dipakai. Pilih nama lain atau centang 'Timpa'.",
        "The plan name '{nama}' is taken. Choose another name or tick 'Overwrite'.",
    ),
    "rencana_ada_realisasi": (
        "Rencana '{nama}' sudah berisi angka realisasi dan tidak ditimpa. Simpan dengan nama lain.",
        "Plan '{nama}' already holds actual figures and is not overwritten. Save under another name.",
    ),
    "rencana_tidak_ada": ("Rencana '{nama}' tidak ada.", "There is no plan named '{nama}'."),
    "rencana_kunjungan_tidak_ada": (
        "Rencana '{nama}' tidak punya kunjungan unit {unit} hari {hari}.",
        "Plan '{nama}' has no visit by unit {unit} on day {hari}.",
    ),
    "rencana_aktual_salah": (
        "Realisasi unit {unit} hari {hari} harus bilangan bulat 0 atau lebih (tertulis '{nilai}').",
        "The actual figure for unit {unit} day {hari} must be a whole number, 0 or more (got '{nilai}').",
    ),
    "rencana_status_optimal": ("optimal (terbukti)", "optimal (proven)"),
    "rencana_status_singkat_optimal": ("optimal", "optimal"),
    "rencana_status_singkat_time_limit": ("batas waktu", "time limit"),
    "rencana_status_singkat_greedy": ("pembanding", "baseline"),
    "rencana_status_singkat_edited": ("diubah", "edited"),
    "rencana_terbukti": ("terbukti", "proven"),
    # the solver's optimality gap: how far the plan may be from the best one, at most
    "rencana_celah": ("celah {gap}", "gap {gap}"),
    "rencana_status_time_limit": ("batas waktu tercapai", "time limit reached"),
    "rencana_status_greedy": (
        "cara pembanding dipakai (skornya lebih tinggi dari hasil pemecah)",
        "a baseline kept (it scored higher than the solver's plan)",
    ),
    "rencana_status_edited": ("diubah manual", "edited by hand"),
    "rencana_ringkas": (
        "Perkiraan direkam: {total} orang dalam {kunjungan} kunjungan ({unit} unit × {hari} hari); tujuan "
        "{tujuan}, skor {skor}; zona berubah: {kec} kecamatan, {desa} desa; {pembanding}; status: {status}, "
        "celah MIP {gap}; {detik} detik.",
        "Expected recorded: {total} people in {kunjungan} visits ({unit} units × {hari} days); objective "
        "{tujuan}, score {skor}; zones changing: {kec} districts, {desa} villages; {pembanding}; status: "
        "{status}, MIP gap {gap}; {detik} s.",
    ),
    "rencana_ringkas_pembanding": (
        "{cara}: skor {skor}, {total} orang, {kec} kecamatan dan {desa} desa berubah zona",
        "{cara}: score {skor}, {total} people, {kec} districts and {desa} villages change zone",
    ),
    "rencana_kol_unit": ("Unit", "Unit"),
    "rencana_kol_hari": ("Hari ke", "Day"),
    "rencana_kol_tanggal": ("Tanggal", "Date"),
    "rencana_kol_kode": ("Kode / NPSN", "Code / NPSN"),
    "rencana_kol_nama": ("Lokasi", "Site"),
    "rencana_kol_jenis": ("Jenis", "Kind"),
    "rencana_kol_kecamatan": ("Kecamatan", "District"),
    "rencana_kol_jarak": ("Jarak garis lurus (km)", "Straight-line distance (km)"),
    "rencana_kol_jam_tempuh": ("Jam tempuh dari titik berangkat", "Hours from the base"),
    "rencana_kol_jam_akses": ("Jam ke lokasi rekam berfungsi", "Hours to a working site"),
    "rencana_kol_urutan": ("Urutan", "Stop"),
    "rencana_kol_alasan": ("Alasan", "Why"),
    "rencana_alasan_kapan": ("Unit {unit}, hari {hari} ({tanggal})", "Unit {unit}, day {hari} ({tanggal})"),
    "rencana_kol_cara": ("Cara", "Method"),
    "rencana_kol_skor": ("Skor tujuan", "Objective score"),
    "rencana_kol_kec_berubah": ("Kecamatan berubah zona", "Districts changing zone"),
    "rencana_kol_desa_berubah": ("Desa berubah zona", "Villages changing zone"),
    "rencana_kol_desa_hijau": ("Desa menjadi hijau", "Villages turning green"),
    "rencana_kol_tingkat": ("Tingkat", "Level"),
    "rencana_kol_sekarang": ("Sekarang", "Now"),
    "rencana_kol_setelah": ("Setelah rencana", "After the plan"),
    "rencana_tingkat_kecamatan": ("kecamatan", "district"),
    "rencana_tingkat_desa": ("desa/kelurahan", "village"),
    "rencana_kol_belum": ("Belum rekam", "Not recorded"),
    "rencana_kol_kunjungan": ("Kunjungan", "Visits"),
    "rencana_kol_perkiraan": ("Perkiraan direkam", "Expected recorded"),
    "rencana_kol_aktual": ("Realisasi", "Actual"),
    "rencana_kol_selisih": ("Selisih", "Difference"),
    "rencana_kol_pilih": ("Dalam rencana", "In the plan"),
    "rencana_kol_cakupan_awal": ("Cakupan sekarang", "Coverage now"),
    "rencana_kol_zona_awal": ("Zona sekarang", "Zone now"),
    "rencana_kol_tambahan": ("Tambahan direkam", "Added recordings"),
    "rencana_kol_cakupan_akhir": ("Cakupan setelah rencana", "Coverage after the plan"),
    "rencana_kol_zona_akhir": ("Zona setelah rencana", "Zone after the plan"),
    "rencana_unit_n": ("Unit {n}", "Unit {n}"),
    "rencana_basis": ("Berangkat dari: {nama}", "Starting from: {nama}"),
    "rencana_total_unit": ("Unit {n}: {jumlah} orang", "Unit {n}: {jumlah} people"),
    "rencana_judul_cetak": ("Rencana jemput bola", "Mobile-unit plan"),
    "rencana_ringkas_cetak": (
        "{unit} unit × {hari} hari, {kapasitas} perekaman per unit per hari, tingkat respons {respons}. "
        "Perkiraan direkam: **{total}** orang.",
        "{unit} units × {hari} days, {kapasitas} recordings per unit per day, response {respons}. Expected "
        "recorded: **{total}** people.",
    ),
    "rencana_garis": (
        "Unit {unit}: {nama} (hari {hari}), perkiraan {jumlah}",
        "Unit {unit}: {nama} (day {hari}), expected {jumlah}",
    ),
    "rencana_rute": ("Unit {unit}, {hari}: {rute}", "Unit {unit}, {hari}: {rute}"),
    "rencana_hari_n": ("hari {n}", "day {n}"),
    "rencana_hari_rentang": ("hari {a}–{b}", "days {a}–{b}"),
    "rencana_in_unit": ("Jumlah unit keliling", "Mobile units"),
    "rencana_unit_inventaris": (
        "Inventaris: {n} unit keliling berfungsi — {daftar}{mati}.",
        "Inventory: {n} working mobile {n|set|sets} — {daftar}{mati}.",
    ),
    "rencana_unit_lebih": (
        "Rencana ini memakai {unit} unit, tetapi inventaris mencatat {n} unit keliling berfungsi — {daftar}{mati}. "
        "Kurangi jumlah unit, atau pastikan unit tambahan (pinjaman, selesai diperbaiki) tersedia.",
        "This plan uses {unit} {unit|unit|units}, but the inventory lists {n} working mobile {n|set|sets} — "
        "{daftar}{mati}. Lower the number of units, or make sure the others (borrowed, repaired) are available.",
    ),
    "rencana_unit_mati_daftar": ("; tidak berfungsi: {daftar}", "; not working: {daftar}"),
    "rencana_unit_mati": ("{nama} ({alat}, {status} sejak {sejak})", "{nama} ({alat}, {status} since {sejak})"),
    "rencana_in_kapasitas": ("Perekaman per unit per hari", "Recordings per unit per day"),
    "rencana_in_hari": ("Jumlah hari kerja", "Working days"),
    "rencana_in_mulai": ("Mulai tanggal", "Start date"),
    "rencana_in_respons": ("Bagian belum rekam yang datang", "Share of the unrecorded who come"),
    "rencana_in_respons_bantuan": (
        "Satu kunjungan merekam paling banyak kapasitas unit, dan paling banyak bagian ini dari yang masih "
        "belum rekam di lokasi itu; kunjungan berikutnya ke lokasi yang sama merekam lebih sedikit.",
        "A visit records at most the unit's capacity and at most this share of those still unrecorded at the "
        "site; a later visit to the same site records fewer.",
    ),
    "rencana_in_basis": ("Berangkat dari", "Starting from"),
    "rencana_in_jarak": (
        "Jarak terjauh (km, garis lurus; 0 = tanpa batas)",
        "Longest trip (km, straight line; 0 = no limit)",
    ),
    "rencana_in_akhir_pekan": ("Sabtu–Minggu juga bekerja", "Work on Saturdays and Sundays"),
    "rencana_in_sekolah": ("Termasuk sekolah", "Include schools"),
    "rencana_in_tujuan": ("Tujuan rencana", "Plan objective"),
    "rencana_tujuan_menuju_hijau": ("menuju hijau", "towards green"),
    "rencana_tujuan_sulit_dijangkau": ("yang sulit dijangkau", "hard to reach"),
    "rencana_tujuan_terbanyak": ("perekaman terbanyak", "most recordings"),
    "rencana_tujuan_menuju_hijau_kalimat": (
        "Tujuan: perubahan zona lebih dulu — keluar dari merah (dihitung {faktor}×), lalu mencapai hijau — untuk "
        "kecamatan dan desa, ditimbang menurut jumlah wajib KTP; perekaman, dan perubahan zona, warga yang "
        "tinggal dekat lokasi rekam yang berfungsi hanya sedikit dihitung.",
        "Objective: zone changes first — out of red (counted {faktor}×), then reaching green — for districts and "
        "villages, weighted by the people who must hold an e-KTP; the recordings, and zone changes, of people "
        "living near a working recording site count little.",
    ),
    "rencana_tujuan_sulit_dijangkau_kalimat": (
        "Tujuan: perekaman orang yang jauh dari lokasi rekam yang berfungsi (pulau, desa terpencil, kecamatan "
        "yang alatnya rusak) dan di sekolah; perekaman dekat lokasi rekam hanya sedikit dihitung.",
        "Objective: recording people far from a working recording site (islands, remote villages, districts "
        "whose device is broken) and at schools; recordings near a working site count little.",
    ),
    "rencana_tujuan_terbanyak_kalimat": (
        "Tujuan: perekaman sebanyak mungkin, di mana pun (cara lama, sebagai pembanding).",
        "Objective: as many recordings as possible, wherever they are (the old way, for comparison).",
    ),
    "rencana_pembanding_terbesar": ("belum rekam terbanyak dulu", "largest backlog first"),
    "rencana_pembanding_terdekat": ("terdekat dulu", "nearest first"),
    "rencana_cara_rencana": ("rencana ini", "this plan"),
    "rencana_m_skor": ("Skor: {tujuan}", "Score: {tujuan}"),
    "rencana_vs_pembanding": ("terhadap pembanding", "vs baselines"),
    "rencana_pembanding_singkat": ("pembanding", "baseline"),
    "rencana_m_zona": ("Naik zona (kecamatan · desa)", "Up a zone (districts · villages)"),
    "rencana_m_total": ("Perkiraan direkam", "Expected recorded"),
    "rencana_m_status": ("Hasil pemecah", "Solver result"),
    # what each headline figure means, under its (?) sign: the planner's words for the optimiser's
    "rencana_m_skor_bantuan": (
        "Angka yang dimaksimalkan rencana menurut tujuannya (kalimat tujuan ada di bawah pilihan Tujuan). "
        "Artinya hanya dalam perbandingan: rencana ini dengan dua rencana sederhana (terbesar dulu, terdekat "
        "dulu) dengan unit dan hari yang sama.",
        "The number the plan maximises for its objective (the objective's sentence is under the Objective "
        "choice). It means something only in comparison: this plan against two simple plans (largest first, "
        "nearest first) with the same units and days.",
    ),
    "rencana_m_zona_bantuan": (
        "Kecamatan dan desa yang naik zona bila setiap kunjungan merekam sebanyak perkiraannya; di bawahnya: "
        "rencana pembanding yang terbaik.",
        "Districts and villages that go up a zone if every visit records what it is expected to; below: the "
        "best of the simple plans.",
    ),
    "rencana_m_total_bantuan": (
        "Orang yang diperkirakan terekam oleh semua kunjungan. Bisa lebih sedikit dari pembanding: rencana ini "
        "mendahulukan warga yang jauh dari lokasi rekam dan wilayah yang bisa naik zona, bukan jumlah terbanyak "
        "di dekat kantor.",
        "People expected to be recorded by all visits. It can be fewer than the simple plans: this plan puts "
        "people far from a recording site and areas that can go up a zone first, not the most people near the "
        "office.",
    ),
    "rencana_m_status_bantuan": (
        "Optimal (terbukti): tidak ada rencana lain yang bernilai lebih tinggi dengan pengaturan ini. Celah: "
        "paling jauh sekian persen dari rencana terbaik.",
        "Optimal (proven): no other plan scores higher with these settings. Gap: at most this far, in percent, "
        "from the best plan.",
    ),
    "rencana_headline": (
        "Rencana ini ({tujuan}, skor {skor}) merekam ±{total} orang dan mengubah zona {kec} kecamatan dan {desa} "
        "desa; {pembanding}.",
        "This plan ({tujuan}, score {skor}) records about {total} people and changes the zone of {kec} "
        "{kec|district|districts} and {desa} {desa|village|villages}; {pembanding}.",
    ),
    "rencana_minggu_judul": (
        "Minggu pertama, {tanggal}: {unit} unit keliling ke {tempat} tempat",
        "First week, {tanggal}: {unit} mobile units to {tempat} places",
    ),
    "rencana_minggu_lainnya": (" ({n} pertama di bawah; semuanya di tab Jadwal)",
                               " (the first {n} below; all in the Schedule tab)"),
    "rencana_minggu_tempat": (
        "Kec. {kecamatan} · unit {unit}, {hari} · ±{orang} orang: {alasan}",
        "{kecamatan} district · unit {unit}, {hari} · ±{orang} people: {alasan}",
    ),
    "rencana_minggu_orang": ("{zona}{cakupan}{ke}, {belum} belum rekam", "{zona}{cakupan}{ke}, {belum} not recorded"),
    "rencana_minggu_kec": ("kecamatannya → {zona}{bersama}", "its district → {zona}{bersama}"),
    "rencana_headline_pembanding": (
        "cara {cara}: skor {skor}, ±{total} orang, {kec} kecamatan dan {desa} desa",
        "{cara}: score {skor}, about {total} people, {kec} {kec|district|districts} and {desa} "
        "{desa|village|villages}",
    ),
    "rencana_cara": (
        "Pemecah {pemecah} (MILP) memilih lokasi dan jumlah kunjungan: {status}, {detik} detik; jadwal, "
        "menginap di pulau dan rute harian disusun sesudahnya.",
        "The {pemecah} solver (MILP) chose the sites and how often: {status}, {detik} s; the calendar, island "
        "stays and daily routes were laid out after it.",
    ),
    "rencana_libur": (
        "Tanpa kunjungan pada hari libur nasional dan cuti bersama: {hari}.",
        "No visits on national holidays and joint leave days: {hari}.",
    ),
    "rencana_data_terlambat": (
        "Kecamatan {nama}: lokasi rekamnya offline, jadi angka belum rekam bisa lebih tinggi dari kenyataan. "
        "Tanyakan angka terbaru ke kantor kecamatan sebelum {n} hari-unit ke sana berangkat.",
        "{nama} district: its recording sites work offline, so its not-yet-recorded figures may be higher than "
        "they are. Ask the district office for its latest figures before the {n} unit-{n|day|days} there set "
        "out.",
    ),
    "rencana_libur_tidak_ada": (
        "Tidak ada hari libur nasional atau cuti bersama dalam periode ini.",
        "No national holiday or joint leave day in this period.",
    ),
    "rencana_perjalanan": (
        "Perjalanan: {jalan}, {kecepatan} km/jam; perahu {perahu} km/jam, menunggu {tunggu} tiap penyeberangan; "
        "hari kerja {hari} jam, {layanan} jam merekam sepenuh kapasitas; dekat lokasi rekam = paling lama "
        "{mudah}, jauh = {jauh} atau lebih.",
        "Travel: {jalan}, {kecepatan} km/h; boat {perahu} km/h, {tunggu} waiting per crossing; {hari}-hour "
        "working day, {layanan} hours to record a full day's capacity; near a recording site = at most "
        "{mudah}, far = {jauh} or more.",
    ),
    "rencana_jalan_garis": (
        "jarak garis lurus × {faktor} (tanpa data jaringan jalan)",
        "straight-line distance × {faktor} (no road network data)",
    ),
    "rencana_jalan_jaringan": ("jaringan jalan '{nama}'", "road network '{nama}'"),
    "rencana_menit": ("{n} menit", "{n} min"),
    "rencana_jam": ("{n} jam", "{n} h"),
    "rencana_alasan_langkah_desa": ("desa {nama} → {zona}{bersama}", "village {nama} → {zona}{bersama}"),
    "rencana_alasan_langkah_kecamatan": ("Kec. {nama} → {zona}{bersama}",
                                         "district {nama} → {zona}{bersama}"),
    # a zone step this visit only helps make: the plan's later visits complete it, on that date
    "rencana_alasan_bersama": (" bersama kunjungan berikutnya ({tanggal})",
                               " together with the later visits ({tanggal})"),
    "rencana_alasan_tetap": ("kunjungan tetap (dijanjikan)", "fixed visit (promised)"),
    "rencana_alasan_pulau": ("pulau: perahu, {jam} dari titik berangkat", "island: by boat, {jam} from the base"),
    "rencana_alasan_rusak": (
        "alat kantor kecamatan rusak sejak {sejak}",
        "the district office's device broken since {sejak}",
    ),
    "rencana_alasan_tanpa_lokasi": ("tidak ada lokasi rekam yang berfungsi", "no working recording site"),
    "rencana_alasan_akses": ("{jam} ke {lokasi}", "{jam} to {lokasi}"),
    "rencana_alasan_dekat": ("dekat {lokasi} ({jam})", "near {lokasi} ({jam})"),
    "rencana_alasan_sekolah": ("sekolah: pemula", "school: first-time recorders"),
    "rencana_alasan_singgah": ("singgah di rute hari itu", "a stop on that day's route"),
    "rencana_alasan_orang": ("{zona}{cakupan}, {belum} belum rekam", "{zona}{cakupan}, {belum} not recorded"),
    "rencana_tab_jadwal": ("Jadwal", "Schedule"),
    "rencana_tab_ubah": ("Ubah", "Edit"),
    "rencana_tab_cakupan": ("Cakupan setelah rencana", "Coverage after the plan"),
    "rencana_tab_peta": ("Peta", "Map"),
    "rencana_tab_cetak": ("Cetak & unduh", "Print & download"),
    "rencana_tab_simpan": ("Simpan & realisasi", "Save & actuals"),
    "rencana_ubah_bantuan": (
        "Centang lokasi untuk menambah satu kunjungan pada hari kosong pertama; hapus centang untuk membuang "
        "semua kunjungan ke lokasi itu. Angka di atas langsung dihitung ulang.",
        "Tick a site to add one visit on the first free day; untick it to drop all visits to it. The figures "
        "above are recomputed at once.",
    ),
    "rencana_unduh_xlsx": (
        "Unduh jadwal (XLSX, satu lembar per unit)",
        "Download the schedule (XLSX, a sheet per unit)",
    ),
    "rencana_perlu_login": (
        "Masuk sebagai petugas data di panel samping untuk menyimpan rencana dan mencatat realisasi.",
        "Log in as a data officer on the side panel to save plans and record actual figures.",
    ),
    "rencana_nama": ("Nama rencana", "Plan name"),
    "rencana_timpa": ("Timpa", "Overwrite"),
    "rencana_simpan": ("Simpan rencana", "Save plan"),
    "rencana_tersimpan": ("Rencana '{nama}' tersimpan.", "Plan '{nama}' saved."),
    "rencana_pilih_tersimpan": ("Rencana tersimpan", "Saved plan"),
    "rencana_simpan_aktual": ("Simpan realisasi", "Save actual figures"),
    "rencana_aktual_tersimpan": ("{jumlah} angka realisasi tersimpan.", "{jumlah} actual {jumlah|figure|figures} saved."),
    "rencana_m_rencana": ("Direncanakan (kunjungan terlapor)", "Planned (reported visits)"),
    "rencana_m_aktual": ("Realisasi", "Actual"),
    "rencana_m_terlapor": ("Kunjungan terlapor", "Visits reported"),
    "rencana_dari": ("{a} dari {b}", "{a} of {b}"),
    "rencana_kendali": ("Pilihan lokasi dan kunjungan tetap", "Which sites, and fixed visits"),
    "rencana_in_fokus": ("Hanya kecamatan", "Only these districts"),
    "rencana_in_hanya_mk": ("Hanya desa merah/kuning", "Only red/yellow villages"),
    "rencana_in_kecuali": ("Kecuali kecamatan/desa", "Leave out districts/villages"),
    "rencana_in_tetap": (
        "Kunjungan tetap (mis. hari sekolah yang sudah dijanjikan): unit, hari ke, lokasi",
        "Fixed visits (e.g. a promised school day): unit, day, site",
    ),
    "rencana_perjalanan_judul": ("Perjalanan dan hari kerja", "Travel and working day"),
    "rencana_in_faktor": ("Faktor jalan (km jalan per km garis lurus)", "Road factor (road km per straight km)"),
    "rencana_in_kecepatan": ("Kecepatan di jalan (km/jam)", "Road speed (km/h)"),
    "rencana_in_perahu": ("Kecepatan perahu (km/jam)", "Boat speed (km/h)"),
    "rencana_in_tunggu": ("Menunggu perahu (jam)", "Waiting for the boat (hours)"),
    "rencana_in_hari_jam": ("Hari kerja (jam, termasuk perjalanan)", "Working day (hours, travel included)"),
    "rencana_in_mudah": ("Dekat lokasi rekam: paling lama (jam)", "Near a recording site: at most (hours)"),
    "rencana_merah_jauh": (
        "Kecamatan {nama} (merah) tidak dikunjungi: dengan pengaturan ini tidak ada lokasinya yang terjangkau "
        "(lebih dari sehari perjalanan, atau menginap di pulau tidak muat dalam jumlah hari). Perpanjang hari "
        "kerja, tambah hari, atau ubah kecepatan dan waktu tunggu perahu.",
        "District {nama} (red) is not visited: with these settings none of its sites can be reached (more than "
        "a day's trip, or an island stay does not fit in the days). Lengthen the working day, add days, or "
        "change the speeds and the boat's waiting time.",
    ),
    "rencana_merah_tidak_dipilih": (
        "Kecamatan {nama} (merah) tidak dikunjungi: menurut tujuan ini kunjungan di tempat lain bernilai lebih "
        "tinggi.{akses} Tambahkan kunjungan tetap di sana, atau pilih kecamatan itu saja.",
        "District {nama} (red) is not visited: on this objective visits elsewhere are worth more.{akses} Add a "
        "fixed visit there, or focus on that district.",
    ),
    "rencana_merah_akses": (
        "Warganya yang belum rekam tinggal rata-rata {waktu} dari lokasi rekam yang berfungsi (terutama {lokasi}); "
        "unit keliling didahulukan ke warga yang lebih sulit dijangkau.",
        "Its residents not yet recorded live {waktu} from a working recording site on average (mostly {lokasi}); "
        "the mobile units go first to people harder to reach.",
    ),
    "rencana_tanpa_lokasi": (
        "Tidak ada lokasi dalam jarak ini. Perbesar jarak terjauh.",
        "No site within this distance. Increase the longest trip.",
    ),
    "rencana_pulau_libur": (
        "Unit {unit} tetap di pulau (Kec. {kecamatan}) pada {libur}, antara {dari} dan {ke}: hari itu bukan hari "
        "kerja — awak menginap di pulau, atau kembali dan menyeberang lagi (jadwal hanya menghitung hari kerja).",
        "Unit {unit} stays on the island ({kecamatan} district) on {libur}, between {dari} and {ke}: those are not "
        "working days — the crew stays overnight, or returns and crosses again (the schedule counts working days "
        "only).",
    ),
    "jenis_desa": ("desa", "village"),
    "jenis_kelurahan": ("kelurahan", "urban village"),
    "jenis_sekolah": ("sekolah", "school"),
    "rencana_tujuan_salah": (
        "Tujuan rencana '{tujuan}' tidak dikenal. Pilihan: {pilihan}.",
        "Unknown plan objective '{tujuan}'. Choices: {pilihan}.",
    ),
    "rencana_jalan_kosong": (
        "Berkas jaringan jalan tidak berisi garis jalan.",
        "The road network file holds no road lines.",
    ),
    "rencana_jalan_rusak": (
        "Berkas jaringan jalan {berkas} tidak bisa dibaca ({detail}).",
        "The road network file {berkas} cannot be read ({detail}).",
    ),
    "rencana_merah_banyak": (
        "{n} kecamatan merah tidak dikunjungi rencana ini. Alasannya per kecamatan ada di bawah; untuk "
        "mengunjungi salah satunya, tambahkan kunjungan tetap di sana atau pilih kecamatan itu saja.",
        "{n} red {n|district is|districts are} not visited by this plan. The reason for each is below; to visit "
        "one of them, add a fixed visit there or focus on that district.",
    ),
    "rencana_merah_alasan": (
        "Mengapa {n} kecamatan merah tidak dikunjungi",
        "Why {n} red {n|district is|districts are} not visited",
    ),
}
