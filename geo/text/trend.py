"""Trends over time, projections and dated events.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- trend ---
    "tren_tanggal_salah": (
        "Tanggal {nama} '{nilai}' tidak dikenali. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-31.",
        "The {nama} date '{nilai}' is not recognised. Write it as YYYY-MM-DD, e.g. 2026-12-31.",
    ),
    "tren_target_salah": (
        "Target '{nilai}' tidak bisa dipakai. Tulis persen di atas 0 sampai 100, misalnya 92 atau 92,5.",
        "Target '{nilai}' cannot be used. Write a percentage above 0 and up to 100, e.g. 92 or 92.5.",
    ),
    "tren_jendela_salah": (
        "Jendela '{nilai}' tidak bisa dipakai. Tulis jumlah hari sebagai bilangan bulat minimal 1, misalnya 28.",
        "Window '{nilai}' cannot be used. Write a whole number of days, at least 1, e.g. 28.",
    ),
    "tren_kode_salah": (
        "Kode wilayah '{nilai}' tidak dikenali. Tulis kode Kemendagri, misalnya 36.74 atau 36.74.01.",
        "Area code '{nilai}' is not recognised. Write a Kemendagri code such as 36.74 or 36.74.01.",
    ),
    "tren_tingkat_salah": (
        "Tingkat '{level}' tidak berada di bawah wilayah {kode}. Pilih tingkat yang lebih rinci, misalnya "
        "kecamatan atau desa.",
        "Level '{level}' is not below area {kode}. Choose a finer level such as kecamatan or desa.",
    ),
    "peristiwa_kolom_kurang": (
        "Berkas peristiwa {path} tidak memiliki kolom {kolom}. Kolom yang diperlukan: {perlu}.",
        "The events file {path} lacks these columns: {kolom}. Required columns: {perlu}.",
    ),
    "peristiwa_tidak_terbaca": (
        "Berkas peristiwa {path} tidak bisa dibaca ({detail}).",
        "The events file {path} cannot be read ({detail}).",
    ),
    "tren_status_sudah_tercapai": ("sudah tercapai", "already reached"),
    "tren_status_tercapai": ("tepat waktu pada laju ini", "in time at this rate"),
    "tren_status_tercapai_lewat": ("mestinya sudah tercapai (data lama)", "should be reached by now (old data)"),
    "tren_status_terlambat": ("terlambat pada laju ini", "late at this rate"),
    "tren_status_tidak_tercapai_pada_laju_ini": ("tidak tercapai pada laju ini", "not reached at this rate"),
    "tren_status_satu_snapshot": ("baru satu data: belum ada tren", "a single snapshot: no trend yet"),
    "tren_status_data_kurang": ("data kurang", "not enough data"),
    "peristiwa_alat_rusak": ("Alat rusak", "Device broken"),
    "peristiwa_jaringan_putus": ("Jaringan putus", "Network down"),
    "peristiwa_blangko_habis": ("Blangko habis", "Blank cards ran out"),
    "peristiwa_kampanye_sekolah": ("Perekaman di sekolah", "School campaign"),
    "peristiwa_layanan_akhir_pekan": ("Layanan akhir pekan", "Weekend service"),
    "peristiwa_jemput_bola": ("Jemput bola", "Mobile unit"),
    "peristiwa_koreksi_data": ("Koreksi data", "Data correction"),
    # --- events ---
    "peristiwa_jenis_salah": (
        "Jenis peristiwa '{nilai}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown event kind '{nilai}'. Choose one of: {pilihan}.",
    ),
    "peristiwa_tanggal_salah": (
        "Tanggal {nama} '{nilai}' tidak dikenali. Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-09-28.",
        "The {nama} date '{nilai}' is not recognised. Write it as YYYY-MM-DD, e.g. 2026-09-28.",
    ),
    "peristiwa_selesai_sebelum_mulai": (
        "Tanggal selesai {selesai} lebih awal dari tanggal mulai {mulai}. Perbaiki salah satunya.",
        "The end date {selesai} is before the start date {mulai}. Correct one of them.",
    ),
    "peristiwa_wilayah_tidak_ada": (
        "Wilayah berkode {nilai} tidak ada di basis data. Periksa kodenya, atau impor batas wilayahnya dulu.",
        "There is no area with code {nilai} in the database. Check the code, or import its boundaries first.",
    ),
    "peristiwa_keterangan_panjang": (
        "Keterangan terlalu panjang ({panjang} karakter); tulis paling banyak {maksimal} karakter.",
        "The note is too long ({panjang} characters); write at most {maksimal}.",
    ),
    "peristiwa_keterangan_nik": (
        "Keterangan memuat angka 16 digit yang mirip NIK. Data pribadi tidak disimpan: hapus angka itu.",
        "The note holds a 16-digit number that looks like a NIK. Personal data is not stored: remove it.",
    ),
    "peristiwa_ganda": (
        "Peristiwa {jenis} di {kode} mulai {mulai} tertulis lebih dari sekali (juga baris {baris_lain}). Hapus "
        "salah satunya.",
        "Event {jenis} in {kode} starting {mulai} is written more than once (also row {baris_lain}). Remove "
        "one of them.",
    ),
    "impor_peristiwa_ok": (
        "Tersimpan sebagai versi {versi}: {jumlah} peristiwa ({rincian}).",
        "Stored as version {versi}: {jumlah} {jumlah|event|events} ({rincian}).",
    ),
    "peristiwa_kolom_dipakai": ("Kolom berkas: {daftar}.", "File columns: {daftar}."),
    "peristiwa_kosong": (
        "Berkas peristiwa {path} tidak berisi satu peristiwa pun.",
        "The events file {path} holds no event.",
    ),
    "tren_judul": ("Tren dan proyeksi — {wilayah}", "Trend and projection — {wilayah}"),
    "tren_wilayah": ("Wilayah", "Area"),
    "tren_seluruh": ("{nama} (seluruh wilayah)", "{nama} (whole area)"),
    "tren_target": ("Target cakupan (%)", "Coverage target (%)"),
    "tren_target_bantuan": ("Bawaan: ambang zona hijau.", "Default: the green-zone threshold."),
    "tren_tenggat": ("Tenggat", "Deadline"),
    "tren_jendela": ("Jendela laju (hari)", "Rate window (days)"),
    "tren_jendela_bantuan": (
        "Laju saat ini = perekaman dalam sekian hari terakhir dibagi jumlah harinya.",
        "Current rate = recordings in the last N days (N set here) divided by N.",
    ),
    "tren_sasaran_hijau": ("zona hijau", "the green zone"),
    "tren_sasaran_lain": ("target {target}", "the {target} target"),
    "tren_kalimat_tercapai": (
        "Dengan laju saat ini, {sasaran} tercapai pada **{tanggal}**{rentang}.",
        "At the current rate, {sasaran} is reached on **{tanggal}**{rentang}.",
    ),
    "tren_kalimat_terlambat": (
        "**Terlambat {hari} hari**: dengan laju saat ini {sasaran} baru tercapai pada **{tanggal}**{rentang}, "
        "sesudah tenggat {tenggat}.",
        "**Late by {hari} days**: at the current rate {sasaran} is only reached on **{tanggal}**{rentang}, after "
        "the {tenggat} deadline.",
    ),
    "tren_kalimat_lewat": (
        "Pada laju sampai {data}, {sasaran} mestinya sudah tercapai sekitar **{tanggal}** — tanggal itu sudah lewat, "
        "tetapi data terakhir {data} ({umur} hari lalu). Impor data terbaru untuk memastikan.",
        "At the rate up to {data}, {sasaran} should have been reached around **{tanggal}** — a date already past, "
        "but the latest data is of {data} ({umur} days ago). Import newer data to be sure.",
    ),
    "tren_kalimat_lewat_ada": (
        "Pada laju sampai {data}, {sasaran} mestinya sudah tercapai sekitar **{tanggal}** — tanggal itu sudah lewat; "
        "ini data {data}, dan data {terbaru} sudah ada: pilih tanggal itu (Data per tanggal) untuk melihatnya.",
        "At the rate up to {data}, {sasaran} should have been reached around **{tanggal}** — a date already past; "
        "these are the figures of {data}, and those of {terbaru} are in: pick that date (Data as of) to see them.",
    ),
    "vonis_sudah": ("Sudah di {sasaran}: {cakupan} per {tanggal}.", "Already reached {sasaran}: {cakupan} as of {tanggal}."),
    "vonis_tepat": (
        "Tepat waktu: {sasaran} tercapai sekitar {tanggal}, sebelum tenggat {tenggat}.",
        "On track: {sasaran} is reached around {tanggal}, before the {tenggat} deadline.",
    ),
    "vonis_terlambat": (
        "Terlambat {hari} hari: {sasaran} baru tercapai sekitar {tanggal}; tenggat {tenggat}.",
        "Late by {hari} days: {sasaran} is only reached around {tanggal}; the deadline is {tenggat}.",
    ),
    "vonis_tidak": (
        "Tidak tercapai pada laju ini: {sasaran} tidak terkejar sebelum tenggat {tenggat}.",
        "Not reached at this rate: {sasaran} is out of reach before the {tenggat} deadline.",
    ),
    "gambar_tren_judul_data": (
        "{wilayah}: {cakupan} per {tanggal} — {perlu} perekaman lagi menuju {sasaran}",
        "{wilayah}: {cakupan} on {tanggal} — {perlu} more {perlu|recording|recordings} to {sasaran}",
    ),
    "vonis_lewat": (
        "Data sudah {umur} hari: pada laju terakhir {sasaran} mestinya sudah tercapai sekitar {tanggal}.",
        "The data is {umur} days old: at the last rate {sasaran} should have been reached around {tanggal}.",
    ),
    "vonis_tenggat_lewat": (
        "Tenggat {tenggat} sudah lewat; cakupan {cakupan} per {tanggal}.",
        "The {tenggat} deadline has passed; coverage {cakupan} as of {tanggal}.",
    ),
    "vonis_kurang": (
        "Belum bisa diproyeksikan: perlu data dari dua tanggal atau lebih.",
        "No projection yet: it needs data from two dates or more.",
    ),
    "vonis_laju": (
        "Perlu **{perlu} perekaman per hari** dari {sejak} sampai tenggat{rincian}; laju saat ini **{laju} per hari**.",
        "**{perlu} recordings a day** are needed from {sejak} until the deadline{rincian}; the current rate is "
        "**{laju} a day**.",
    ),
    "vonis_laju_cukup": (
        "Laju saat ini **{laju} per hari** cukup; perlu {perlu} per hari dari {sejak} sampai tenggat{rincian}.",
        "The current rate of **{laju} a day** is enough; {perlu} a day are needed from {sejak} until the "
        "deadline{rincian}.",
    ),
    # what the rate needed is made of, when the number who must hold an e-KTP grows: the ones still missing
    # today (the PDF's and the image's "… perekaman lagi") and the newcomers of each day
    "vonis_laju_rincian": (
        " ({sisa} perekaman lagi, ditambah ±{tumbuh} per hari untuk wajib KTP yang baru)",
        " ({sisa} more recordings, plus about {tumbuh} a day for newcomers who must hold an e-KTP)",
    ),
    "data_basi": (
        "Data terakhir {tanggal} — sudah {umur} hari. Angka dan proyeksi di sini mungkin tidak lagi sesuai "
        "keadaan; impor data terbaru.",
        "The latest data is of {tanggal} — {umur} days ago. Figures and projections here may no longer match "
        "reality; import newer data.",
    ),
    "bukan_data_terbaru": (
        "Bukan data terbaru: ini data {tanggal}; sudah ada data {terbaru}.",
        "Not the newest data: these are the figures of {tanggal}; there are figures of {terbaru}.",
    ),
    "data_basi_saran": (
        "Data terakhir {tanggal}: angka dan proyeksi di sini mungkin tidak lagi sesuai keadaan; impor data terbaru.",
        "The latest data is of {tanggal}: figures and projections here may no longer match reality; import newer "
        "data.",
    ),
    "tren_rentang": (" (rentang {awal} – {akhir})", " (range {awal} – {akhir})"),
    "tren_rentang_terbuka": (
        " (paling cepat {awal}; bila laju melambat, tidak tercapai)",
        " (at the earliest {awal}; if the rate slows, not reached)",
    ),
    "tren_kalimat_tidak": (
        "{sasaran_besar} **tidak tercapai pada laju ini**: {laju} perekaman per hari tidak cukup mengimbangi "
        "pertambahan wajib KTP ({tumbuh} orang per hari).",
        "{sasaran_besar} is **not reached at this rate**: {laju} recordings a day do not keep up with the "
        "growth of those who must hold an e-KTP ({tumbuh} people a day).",
    ),
    "tren_kalimat_tidak_nol": (
        "{sasaran_besar} **tidak tercapai pada laju ini**: tidak ada tambahan perekaman dalam {hari} hari "
        "terakhir ({awal} – {akhir}).",
        "{sasaran_besar} is **not reached at this rate**: no recordings were added in the last {hari} days "
        "({awal} – {akhir}).",
    ),
    "tren_kalimat_sudah": (
        "{sasaran_besar} **sudah tercapai**: cakupan {cakupan} per {tanggal}.",
        "{sasaran_besar} is **already reached**: coverage {cakupan} as of {tanggal}.",
    ),
    "tren_kalimat_satu": (
        "Baru ada satu data (per {tanggal}): belum ada tren, jadi belum ada proyeksi.",
        "There is one snapshot only (as of {tanggal}): no trend yet, so no projection.",
    ),
    "tren_kalimat_kurang": (
        "Belum ada data perekaman untuk wilayah ini.",
        "There are no recording figures for this area yet.",
    ),
    "tren_perlu": (
        "Perlu **{n} perekaman per hari** untuk {sasaran} pada {tenggat}.",
        "**{n} recordings a day** are needed for {sasaran} by {tenggat}.",
    ),
    "tren_perlu_tetap": (
        "Perlu {n} perekaman per hari agar tetap di {sasaran} sampai {tenggat}, karena wajib KTP terus "
        "bertambah.",
        "{n} recordings a day are needed to hold on to {sasaran} until {tenggat}, as the number who must hold an "
        "e-KTP keeps growing.",
    ),
    "tren_tenggat_lewat": (
        "Tenggat {tenggat} tidak sesudah data terakhir ({tanggal}); pilih tenggat yang lebih lambat.",
        "The deadline {tenggat} is not after the latest data ({tanggal}); choose a later deadline.",
    ),
    "tren_laju_keterangan": (
        "Laju saat ini: {laju} perekaman per hari, dari {awal} sampai {akhir} ({hari} hari); rentang = laju ± "
        "satu galat baku dari laju tiap minggu.",
        "Current rate: {laju} recordings a day, from {awal} to {akhir} ({hari} days); range = rate ± one "
        "standard error of the weekly rates.",
    ),
    "tren_m_cakupan": ("Cakupan terakhir", "Latest coverage"),
    "tren_m_laju": ("Laju saat ini (per hari)", "Current rate (per day)"),
    "tren_m_perlu": ("Perlu per hari", "Needed per day"),
    "tren_m_tanggal": ("Perkiraan tercapai", "Projected date"),
    "tren_m_tanggal_lewat": ("Mestinya sudah tercapai", "Should have been reached"),
    "tren_m_tidak": ("tidak tercapai", "not reached"),
    "tren_m_sudah": ("sudah tercapai", "already reached"),
    "tren_m_lewat": ("{tanggal} (lewat)", "{tanggal} (past)"),  # short: a column of dates fits a laptop
    "tren_grafik_cakupan": ("Cakupan dari waktu ke waktu", "Coverage over time"),
    "tren_grafik_cakupan_sub": (
        "Garis hitam tebal: {wilayah}; garis tipis: wilayah di bawahnya",
        "Thick black line: {wilayah}; thin lines: the areas within it",
    ),
    "tren_grafik_rekam": ("Perekaman per minggu — {wilayah}", "Recordings per week — {wilayah}"),
    "tren_rekam_kosong": (
        "Baru ada satu tanggal data ({tanggal}): perekaman per minggu dihitung di antara dua tanggal data, jadi "
        "belum ada yang bisa digambar.",
        "One data date only ({tanggal}): recordings per week are counted between two data dates, so there is "
        "nothing to draw yet.",
    ),
    "tren_grafik_rekam_catatan": (
        "Tiap batang: perekaman di antara dua tanggal data, disetarakan ke 7 hari (data tidak selalu tepat "
        "seminggu sekali).",
        "Each bar: recordings between two data dates, scaled to 7 days (data do not always come exactly a week "
        "apart).",
    ),
    "tren_tabel": ("Kapan tiap wilayah mencapai target", "When each area reaches the target"),
    "tren_tabel_urutan": (
        "Paling atas: yang tidak tercapai pada laju ini, lalu yang paling lama; yang sudah tercapai di bawah.",
        "On top: those that never reach it at this rate, then the latest; those already there at the bottom.",
    ),
    "tren_catatan": ("Catatan tentang data", "Notes on the data"),
    "kol_laju": ("Laju per hari", "Rate per day"),
    "kol_tanggal_proyeksi": ("Perkiraan tercapai", "Projected date"),
    "kol_poin_per_minggu": ("Naik per minggu", "Gain per week"),
    "tren_peringkat": ("{tingkat}: yang paling lambat dulu", "{tingkat}: slowest first"),
    "tren_peringkat_keterangan": (
        "Naik per minggu: cakupan (poin persen) yang bertambah per minggu selama {hari} hari terakhir. Perkiraan "
        "tercapai: kapan {sasaran} ({target}) tercapai pada laju itu. Paling atas: yang tidak tercapai pada laju "
        "ini, lalu yang paling lama.",
        "Gain per week: coverage (percentage points) gained per week over the last {hari} days. Projected date: "
        "when {sasaran} ({target}) is reached at that rate. On top: those that never reach it at this rate, then "
        "the latest.",
    ),
    "kol_status": ("Status", "Status"),
    "kol_perlu": ("Perlu per hari", "Needed per day"),
    "kol_hari_ke_target": ("Hari lagi", "Days to go"),
    "catatan_satu": (
        "Baru ada satu data per {tanggal}: belum ada tren. Proyeksi perlu paling sedikit dua tanggal.",
        "One snapshot only, as of {tanggal}: there is no trend. A projection needs two dates or more.",
    ),
    "catatan_koreksi": (
        "Koreksi data: sudah rekam turun {n} kali — {daftar}. Penurunan ditampilkan apa adanya, tidak "
        "disembunyikan.",
        "Data corrections: the recorded count went down {n} {n|time|times} — {daftar}. The falls are shown as they "
        "are, never hidden.",
    ),
    "catatan_koreksi_item": ("{nama} pada {tanggal} ({selisih})", "{nama} on {tanggal} ({selisih})"),
    "catatan_koreksi_jendela": (
        "{n} koreksi berada di dalam jendela laju, sehingga laju saat ini ikut turun.",
        "{n} {n|correction falls|corrections fall} inside the rate window, which lowers the current rate.",
    ),
    "catatan_penyebut": (
        "Penyebut berubah: wajib KTP {awal} pada {tanggal_awal} menjadi {akhir} pada {tanggal_akhir} "
        "({selisih}). Cakupan tiap tanggal memakai penyebut tanggal itu, dan proyeksi memperhitungkan "
        "pertambahannya ({per_hari} orang per hari).",
        "The denominator changes: {awal} must hold an e-KTP on {tanggal_awal}, {akhir} on {tanggal_akhir} "
        "({selisih}). Each date's coverage uses that date's denominator, and the projection allows for the "
        "growth ({per_hari} people a day).",
    ),
    "catatan_sumber": (
        "Jumlah desa yang melapor berubah pada {tanggal}: lonjakan pada tanggal itu sebagian datang dari desa "
        "yang baru masuk, bukan dari perekaman seminggu.",
        "The number of reporting desa changed on {tanggal}: part of the jump on that date comes from desa that "
        "joined, not from a week's recording.",
    ),
    "catatan_dibawa": (
        "{n} desa belum melapor per {tanggal}; data terakhirnya dipakai, jadi angkanya bisa naik saat data "
        "tiba.",
        "{n} desa {n|has|have} not reported as of {tanggal}; {n|its|their} last data is used, so the figure may rise when it "
        "arrives.",
    ),
    "peristiwa_judul": ("Peristiwa", "Events"),
    "peristiwa_kosong_info": (
        "Belum ada peristiwa tercatat untuk wilayah ini.",
        "No events are recorded for this area yet.",
    ),
    "peristiwa_tambah": ("Tambah peristiwa", "Add an event"),
    "peristiwa_f_tanggal": ("Tanggal mulai – selesai", "Start – end date"),
    "peristiwa_f_berlangsung": ("Masih berlangsung (belum selesai)", "Still going on (no end yet)"),
    "peristiwa_f_wilayah": ("Wilayah", "Area"),
    "peristiwa_f_jenis": ("Jenis", "Kind"),
    "peristiwa_f_keterangan": ("Keterangan", "Note"),
    "peristiwa_f_simpan": ("Simpan peristiwa", "Store the event"),
    "peristiwa_tersimpan": (
        "Peristiwa tersimpan sebagai versi {versi}. Membatalkannya: halaman Data → Riwayat versi.",
        "Event stored as version {versi}. To undo it: Data page → Version history.",
    ),
    "peristiwa_perlu_login": (
        "Petugas data dapat menambah peristiwa setelah masuk di halaman Data.",
        "Data officers can add events after logging in on the Data page.",
    ),
    "kol_mulai": ("Mulai", "Start"),
    "kol_selesai": ("Selesai", "End"),
    "kol_jenis": ("Jenis", "Kind"),
    "kol_keterangan": ("Keterangan", "Note"),
    "masih_berlangsung": ("masih berlangsung", "still going on"),
    "peristiwa_sejak": ("sejak {tanggal}, masih berlangsung", "since {tanggal}, still going on"),
    "peristiwa_semua": ("Semua peristiwa ({n}) sebagai tabel", "All events ({n}) as a table"),
    # --- trend_charts ---
    "grafik_sumber": ("Sumber: {sumber}", "Source: {sumber}"),
    "grafik_sumbu_cakupan": ("Cakupan perekaman (%)", "Recording coverage (%)"),
    "grafik_sumbu_rekam": ("Perekaman per minggu", "Recordings per week"),
    "grafik_zona_hijau": ("Zona hijau: ≥ {ambang}", "Green zone: ≥ {ambang}"),
    "grafik_zona_kuning": ("Zona kuning: {bawah} – < {atas}", "Yellow zone: {bawah} – < {atas}"),
    "grafik_zona_merah": ("Zona merah: < {ambang}", "Red zone: < {ambang}"),
    "grafik_hover_cakupan": (
        "Cakupan {cakupan}<br>Sudah rekam {sudah} dari {wajib} wajib KTP",
        "Coverage {cakupan}<br>Recorded {sudah} of {wajib} who must hold an e-KTP",
    ),
    "grafik_hover_dibawa": (
        "{n} desa belum melapor: memakai data terakhirnya",
        "{n} desa not reported yet: {n|its|their} last data is used",
    ),
    "grafik_hover_rekam": (
        "{awal} – {akhir} ({hari} hari)<br>{rekam} perekaman, {per_minggu} per minggu",
        "{awal} – {akhir} ({hari} days)<br>{rekam} recordings, {per_minggu} per week",
    ),
    "grafik_rekam_biasa": ("Perekaman per minggu", "Recordings per week"),
    "grafik_rekam_akhir_pekan": ("Minggu dengan layanan akhir pekan", "Weeks with weekend service"),
    "grafik_rekam_koreksi": ("Koreksi data (jumlah turun)", "Data correction (count went down)"),
    "grafik_target": ("Target {target}", "Target {target}"),
    "grafik_tenggat": ("Tenggat {tanggal}", "Deadline {tanggal}"),
    "grafik_proyeksi": ("Proyeksi pada laju saat ini", "Projection at the current rate"),
}
