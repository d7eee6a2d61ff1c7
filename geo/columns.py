"""Column names of the frames the analyses return, named once (as ``geo.schema.Col`` is for
the core columns).

Renderers and tables for people take their column names from here and from ``geo.schema``,
never from the analysis modules. Data columns keep their Indonesian names.
"""
from geo.schema import Col

# --- Trends and projections (geo.trend) and events (geo.events) --------------------------------
N_SUMBER = "n_sumber"  # stored rows summed into a value (from rollup.aggregate)
N_DIBAWA = "n_dibawa"  # of those, rows carried forward from an earlier date
TANGGAL_AWAL = "tanggal_awal"  # start of an interval (the previous snapshot)
HARI = "hari"  # days in an interval
REKAM_BARU = "rekam_baru"  # change of sudah_rekam over an interval (negative = correction)
WAJIB_BARU = "wajib_baru"  # change of wajib_ktp over an interval
REKAM_PER_HARI = "rekam_per_hari"
REKAM_PER_MINGGU = "rekam_per_minggu"  # rekam_per_hari × 7: comparable across irregular intervals
KOREKSI = "koreksi"  # True where sudah_rekam went down (a data correction, shown, never hidden)
SUMBER_BERUBAH = "sumber_berubah"  # True where the number of summed rows changed (a desa arrived)
LAJU = "laju_per_hari"  # recent recordings per day
LAJU_GALAT = "laju_galat"  # standard error of the rate (recordings per day)
PERTUMBUHAN_WAJIB = "pertumbuhan_wajib_per_hari"
JENDELA_AWAL = "jendela_awal"  # first snapshot of the window used
JENDELA_HARI = "jendela_hari"  # days between the first and last snapshot used
N_INTERVAL = "n_interval"
N_KOREKSI = "n_koreksi"  # decreasing intervals inside the window
TARGET = "target_pct"
TENGGAT = "tenggat"
HARI_KE_TARGET = "hari_ke_target"  # days from the last snapshot until the target (0 if reached)
TANGGAL_PROYEKSI = "tanggal_proyeksi"
TANGGAL_PROYEKSI_AWAL = "tanggal_proyeksi_awal"  # at rate + 1 standard error
TANGGAL_PROYEKSI_AKHIR = "tanggal_proyeksi_akhir"  # at rate − 1 standard error (None: never)
LAJU_DIBUTUHKAN = "laju_dibutuhkan"  # recordings per day needed to reach the target by the deadline
TEPAT_WAKTU = "tepat_waktu"  # True: reached, or projected on or before the deadline
TENGGAT_LEWAT = "tenggat_lewat"  # the deadline is not after the last snapshot
TERLAMBAT_HARI = "terlambat_hari"  # days the projected date falls after the deadline (0 when in time)
PROYEKSI_LEWAT = "proyeksi_lewat"  # True: the projected date is already past today (the data is old)
UMUR_DATA = "umur_data_hari"  # days from the last snapshot to today
STATUS = "status"
POIN_PER_MINGGU = "poin_per_minggu"  # coverage gained over the rate window, percentage points per week
# --- events (data/demo/peristiwa.csv) -----------------------------------------------------
MULAI = "tanggal_mulai"
SELESAI = "tanggal_selesai"  # empty: a one-day event
JENIS = "jenis"
KETERANGAN = "keterangan"
HUBUNGAN = "hubungan"  # how the event's area relates to the asked area
# --- values over time (geo.timeline) ----------------------------------------------------
PER_TANGGAL = "per_tanggal"  # the date a carried-forward row stands for (its own report may be older)
PROVINSI_NAMA = "provinsi"  # the provinsi's name beside a kabupaten/kota of a country ranking (geo.coverage)

# --- Devices, operators, sites, cards and blank stock (geo.capacity, geo.cards, geo.io.inventory) -
LOKASI_ID = "lokasi_id"
ALAT_ID = "alat_id"
TANGGAL_MULAI = "tanggal_mulai"
OPERATOR = "operator"
KONEKSI = "koneksi"
DITERIMA = "diterima"
DIPAKAI = "dipakai"
STOK = "stok"
SEJAK = "sejak"  # first day of the device's current working / not-working spell
KODE_KEC = "kode_kecamatan"
NAMA_KEC = "nama_kecamatan"
NAMA_LOKASI = "nama_lokasi"
LOKASI_LUMPUH = "lokasi_lumpuh"  # the site has no working recording device
ALAT_TOTAL = "alat_total"  # recording devices present (statis + mobile, not written off)
ALAT_AKTIF = "alat_aktif"
ALAT_MOBILE_AKTIF = "alat_mobile_aktif"
ALAT_EFEKTIF = "alat_efektif"  # working devices that have an operator
DATA_ALAT = "data_alat"  # the inventory knows at least one site in the kecamatan
BELUM_PER_ALAT = "belum_per_alat"
LAJU_PER_ALAT = "laju_per_alat"
KAPASITAS = "kapasitas_harian"
HARI_BACKLOG = "hari_backlog"
HARI_HIJAU = "hari_hijau"  # service days the working devices need to lift the area to the hijau threshold
TANPA_ALAT_SEJAK = "tanpa_alat_sejak"
HARI_TANPA_ALAT = "hari_tanpa_alat"
DIPROSES = "diproses"  # recorded, neither PRR nor printed: in processing or rejected
CETAK_PER_MINGGU = "cetak_per_minggu"  # cards printed since the previous date, per 7 days
PERSEN_CETAK = "persen_cetak"  # of sudah_rekam, percent
CETAK_BARU = "cetak_baru"  # cards printed since the previous date
URUTAN = "urutan"  # a new unit's place in the allocation order (1 = first)
HARI_SEBELUM = "hari_sebelum"  # backlog days of the receiving kecamatan before the unit
HARI_SESUDAH = "hari_sesudah"  # … and after it
OPERATOR_BARU = "operator_baru"  # 1: the new device needs a new operator, 0: an idle one runs it
MAKS_SEBELUM = "maks_sebelum"  # the longest backlog of all before the unit
MAKS_SESUDAH = "maks_sesudah"  # … and after it
TAMBAHAN = "tambahan"  # units a kecamatan receives
HARI_SETELAH_PINJAM = "hari_setelah_pinjam"  # the lender's backlog days while a mobile set is away
BATAS_HARI = "batas_hari"  # the kabupaten's overall backlog days: the most a lender may reach
TUJUAN_KODE = "tujuan_kode"  # the suggested borrower
TUJUAN_NAMA = "tujuan_nama"
TUJUAN_HARI_SESUDAH = "tujuan_hari_sesudah"  # the borrower's backlog days with the set
# Frames and files: an inventory file (and its template), a blank-stock file, the capacity table.
INVENTORY_COLUMNS = [LOKASI_ID, ALAT_ID, JENIS, TANGGAL_MULAI, STATUS, OPERATOR, KONEKSI, KETERANGAN]
BLANK_COLUMNS = [Col.TANGGAL, Col.KODE, DITERIMA, DIPAKAI, KETERANGAN]
CAPACITY_COLUMNS = [Col.KODE, Col.NAMA, ALAT_TOTAL, ALAT_AKTIF, ALAT_MOBILE_AKTIF, OPERATOR, ALAT_EFEKTIF,
                    KONEKSI, Col.BELUM, BELUM_PER_ALAT, LAJU_PER_ALAT, KAPASITAS, HARI_BACKLOG, HARI_HIJAU,
                    TANPA_ALAT_SEJAK, HARI_TANPA_ALAT, DATA_ALAT, Col.ZONA, Col.TANGGAL]

# --- The mobile-unit planner (geo.plan) --------------------------------------------------------
UNIT, DAY, EXPECTED, ACTUAL, SELISIH = "unit", "day", "expected", "actual", "selisih"
JENIS, KODE_DESA, KECAMATAN, JARAK, PERLU_HIJAU = "jenis", "kode_desa", "kecamatan", "jarak_km", "perlu_hijau"
LAT, LON = "lat", "lon"
LABEL, COLOUR = "label", "colour"  # with LAT, LON, STATUS: a point layer on a map (geo.render.maps)
ZONA_KEC = "zona_kecamatan"  # zone of the site's kecamatan (KODE_KEC names the kecamatan)
WAJIB_DESA, SUDAH_DESA = "wajib_desa", "sudah_desa"  # of the desa a site counts in (schools too)
WAJIB_KEC, SUDAH_KEC = "wajib_kecamatan", "sudah_kecamatan"  # of the site's kecamatan
DARATAN = "daratan"  # land group: 0 = connected by land to the base office, 1, 2 … = islands
JAM_TEMPUH = "jam_tempuh"  # travel hours from the base office, one way (boat included)
FAKTOR_JALAN = "faktor_jalan"  # road km per straight-line km around the site
JAM_AKSES = "jam_ke_lokasi"  # travel hours to the nearest working fixed recording site (inf: none)
LOKASI_TERDEKAT = "lokasi_terdekat"  # that site's name
ALAT_KEC = "alat_kecamatan"  # devices at the kecamatan's office: aktif | rusak | tanpa (no office known)
RUSAK_SEJAK = "rusak_sejak"  # since when none of them works (ISO date)
URUTAN = "urutan"  # stop number within a unit's day (1, 2 …)
ALASAN = "alasan"  # why a visit was chosen (words)

# --- Pockets and hot spots (geo.pockets) -------------------------------------------------------
MENUJU_HIJAU = "menuju_hijau"  # recordings still needed to reach hijau (0 when hijau)
MENUJU_BERIKUT = "menuju_zona_berikut"  # recordings to the next zone up (merah→kuning, kuning→hijau)
PERSEN_BELUM = "persen_belum"  # 100 × belum / wajib, percent (= 100 − cakupan)
PERINGKAT = "peringkat"  # rank, 1 = largest pocket
GI_Z = "gi_z"  # Gi* standardised against the permutations
P_SIM = "p_sim"  # two-sided pseudo p-value from the permutations
KELAS = "kelas"  # panas | dingin | tidak_signifikan
HOTSPOT = "hotspot"  # KELAS, as pockets_table names it
P_VALUE = "p_value"  # P_SIM, as pockets_table names it

# --- Schools (the sekolah point file, geo.io.points) -------------------------------------------
NPSN = "npsn"
JENJANG = "jenjang"
NAMA_DESA = "nama_desa"
SISWA_KELAS_12 = "siswa_kelas_12"
AKAN_17 = "akan_17_enam_bulan"  # students turning 17 within six months

# --- Events (geo.events) -----------------------------------------------------------------------
BERLANGSUNG = "berlangsung"  # True while an event has no end date (still going on)

# --- Targets per area and period (geo.targets) and alerts (geo.alerts) --------------------------
TARGET_PERSEN = "target_persen"  # the coverage to reach by the period's end (percent)
TARGET_REKAM = "target_rekam"  # or the people recorded (sudah rekam) to reach by then
SUMBER_TARGET = "sumber_target"  # bulan | tahun | induk | bawaan: where the target comes from
SELISIH_TARGET = "selisih_target"  # cakupan − target, percentage points (negative: behind)
STATUS_TARGET = "status_target"  # tercapai | di_jalur | tertinggal | data_kurang

# --- Boundary files named, not coded (geo.io.boundaries.named, geo.join.boundaries) -------------
NAMA_PROV = "nama_provinsi"  # a feature's provinsi as the file names it
NAMA_KAB = "nama_kabupaten"  # … its kabupaten/kota (NAMA_KEC: its kecamatan); also a pocket's, across a provinsi
INDUK_BARIS = "induk_baris"  # the feature of the same file, a level up, that contains this one
ANCESTOR_NAMES = {"provinsi": NAMA_PROV, "kabupaten": NAMA_KAB, "kecamatan": NAMA_KEC}  # by Level value
