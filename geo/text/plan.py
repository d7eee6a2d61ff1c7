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
        "Wilayah {wilayah} belum punya kantor Disdukcapil atau kantor kecamatan di daftar lokasi perekaman. "
        "Impor titik 'lokasi' dulu.",
        "Area {wilayah} has no Disdukcapil or kecamatan office among its recording sites. Import 'lokasi' "
        "points first.",
    ),
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
    "rencana_status_singkat_greedy": ("cara rakus", "greedy"),
    "rencana_status_singkat_edited": ("diubah", "edited"),
    "rencana_terbukti": ("terbukti", "proven"),
    "rencana_status_time_limit": ("batas waktu tercapai", "time limit reached"),
    "rencana_status_greedy": ("cara rakus (pemecah gagal)", "greedy (solver failed)"),
    "rencana_status_edited": ("diubah manual", "edited by hand"),
    "rencana_ringkas": (
        "Perkiraan direkam: {total} orang dalam {kunjungan} kunjungan ({unit} unit × {hari} hari); cara rakus: "
        "{rakus}; status: {status}, celah MIP {gap}; {detik} detik.",
        "Expected recorded: {total} people in {kunjungan} visits ({unit} units × {hari} days); greedy: "
        "{rakus}; status: {status}, MIP gap {gap}; {detik} s.",
    ),
    "rencana_kol_unit": ("Unit", "Unit"),
    "rencana_kol_hari": ("Hari ke", "Day"),
    "rencana_kol_tanggal": ("Tanggal", "Date"),
    "rencana_kol_kode": ("Kode / NPSN", "Code / NPSN"),
    "rencana_kol_nama": ("Lokasi", "Site"),
    "rencana_kol_jenis": ("Jenis", "Kind"),
    "rencana_kol_kecamatan": ("Kecamatan", "District"),
    "rencana_kol_jarak": ("Jarak garis lurus (km)", "Straight-line distance (km)"),
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
    "rencana_in_unit": ("Jumlah unit keliling", "Mobile units"),
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
    "rencana_in_bobot": ("Utamakan jadi hijau", "Favour turning green"),
    "rencana_in_bobot_bantuan": (
        "Perekaman di desa merah dihitung 1,5×, di desa kuning 1,25×, dan tiap desa yang mencapai zona hijau "
        "mendapat nilai tambah setara satu hari kerja unit.",
        "Recordings in red villages count 1.5×, in yellow ones 1.25×, and each village that reaches the green "
        "zone earns a bonus worth one unit-day.",
    ),
    "rencana_m_total": ("Perkiraan direkam", "Expected recorded"),
    "rencana_m_rakus": ("Cara rakus (pembanding)", "Greedy baseline"),
    "rencana_m_hijau": ("Desa menjadi hijau", "Villages turning green"),
    "rencana_m_status": ("Hasil pemecah", "Solver result"),
    "rencana_vs_rakus": ("dibanding cara rakus", "vs greedy"),
    "rencana_cara": (
        "Pemecah {pemecah} (MILP): {status}, {detik} detik. Skor{bobot}: {skor} (cara rakus {skor_rakus}). "
        "Jarak dihitung garis lurus dari kantor asal; jarak jalan perlu data jaringan jalan dan tidak "
        "dihitung. Hari libur nasional tidak diketahui: hapus kunjungan pada hari libur di tab Ubah.",
        "Solver {pemecah} (MILP): {status}, {detik} s. Score{bobot}: {skor} (greedy {skor_rakus}). Distances "
        "are straight lines from the base office; road distance needs a road network and is not computed. "
        "Public holidays are not known: remove visits on holidays in the Edit tab.",
    ),
    "rencana_bobot": (" tertimbang", " (weighted)"),
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
    "rencana_tanpa_lokasi": (
        "Tidak ada lokasi dalam jarak ini. Perbesar jarak terjauh.",
        "No site within this distance. Increase the longest trip.",
    ),
    "rencana_gambar_judul": (
        "Rencana jemput bola {wilayah}: perkiraan {total} orang direkam dalam {hari} hari kerja",
        "Mobile-unit plan for {wilayah}: {total} people expected to record in {hari} working days",
    ),
    "rencana_gambar_sub": (
        "{unit} unit keliling, {mulai} – {akhir}, {kapasitas} perekaman per unit per hari; garis: jarak garis "
        "lurus dari kantor asal. Zona cakupan per desa/kelurahan, data per {tanggal}",
        "{unit} mobile units, {mulai} – {akhir}, {kapasitas} recordings per unit a day; lines: straight line "
        "from the base office. Coverage zones by village, data as of {tanggal}",
    ),
    "rencana_gambar_hijau": (" · {n} desa/kelurahan menjadi hijau", " · {n} villages turn green"),
    "rencana_gambar_legenda": ("Rencana: {n} kunjungan", "Plan: {n} visits"),
    "rencana_gambar_basis": ("Kantor asal: {nama}", "Base office: {nama}"),
    "rencana_gambar_unit": (
        "Unit {n}: {kunjungan} kunjungan, {jumlah} orang",
        "Unit {n}: {kunjungan} visits, {jumlah} people",
    ),
    "rencana_gambar_jenis_sekolah": ("sekolah (SMA/SMK/MA, pesantren)", "school"),
    "jenis_desa": ("desa", "village"),
    "jenis_kelurahan": ("kelurahan", "urban village"),
    "jenis_sekolah": ("sekolah", "school"),
}
