"""The command line's help for the working tools: capacity and blank stock, the mobile-unit plan,
the media pack and the alerts (``geo.text.cli`` has argparse's own words and the other commands).

No help text may hold a bare ``%`` (argparse formats help with ``%``)."""
from __future__ import annotations

TEXTS = {
    # --- capacity and blank stock (geo.cli.capacity) ---
    "cli_h_capacity": ("kapasitas perekaman per kecamatan", "recording capacity per district"),
    "cli_h_kab_within": ("kode kabupaten/kota, mis. 99.01", "regency/city code, e.g. 99.01"),
    "cli_h_throughput": ("perekaman per alat per hari (bawaan {n})", "recordings per device per day (default {n})"),
    "cli_h_allocate": ("ke mana N alat (atau operator) baru", "where N new devices (or operators) go"),
    "cli_h_devices": ("jumlah alat/operator baru", "number of new devices/operators"),
    "cli_h_unit": ("yang ditambah: alat atau operator (bawaan {n})",
                   "what is added: devices or operators (default {n})"),
    "cli_h_import_inventory": ("impor inventaris alat dan operator (CSV, XLSX)",
                               "import the inventory of devices and operators (CSV, XLSX)"),
    "cli_h_import_blank_stock": ("impor stok blangko KTP-el (CSV, XLSX)",
                                 "import the blank e-KTP card stock (CSV, XLSX)"),
    "cli_h_blank_stock": ("stok blangko dan perkiraan habisnya", "blank card stock and when it should run out"),
    "cli_h_stok_within": ("kode wilayah pemegang stok, mis. 99.01", "code of the area holding the stock, e.g. 99.01"),
    "cli_h_window_days": ("jendela laju cetak, hari (bawaan {n})", "window of the printing rate, days (default {n})"),
    # --- the mobile-unit plan (geo.cli.plan) ---
    "cli_h_plan": ("rencana jemput bola: lokasi kunjungan unit keliling per hari",
                   "mobile-unit plan: the sites each mobile unit visits, day by day"),
    "cli_h_plan_within": ("kode kabupaten/kota atau kecamatan, mis. 99.01",
                          "regency/city or district code, e.g. 99.01"),
    "cli_h_units": ("jumlah unit keliling (bawaan: unit keliling yang berfungsi menurut inventaris, atau {n} "
                    "tanpa inventaris)",
                    "number of mobile units (default: the working mobile sets of the inventory, or {n} without "
                    "one)"),
    "cli_h_capacity_unit": ("perekaman per unit per hari (bawaan {n})", "recordings per unit per day (default {n})"),
    "cli_h_days": ("jumlah hari kerja", "number of working days"),
    "cli_h_response": ("bagian belum rekam yang datang (0–1, bawaan {n})",
                       "share of the people not recorded who come (0–1, default {n})"),
    "cli_h_objective": (
        "tujuan: menuju-hijau (perubahan zona dulu), sulit-dijangkau (jauh dari lokasi rekam yang berfungsi), "
        "terbanyak (perekaman terbanyak, pembanding)",
        "objective: menuju-hijau (zone changes first), sulit-dijangkau (far from a working recording site), "
        "terbanyak (most recordings, for comparison)",
    ),
    "cli_h_start": ("tanggal mulai, TTTT-BB-HH (bawaan: hari ini)", "start date, YYYY-MM-DD (default: today)"),
    "cli_h_weekends": ("Sabtu/Minggu juga hari kerja", "Saturday/Sunday are working days too"),
    "cli_h_base": (
        "id kantor asal (lokasi perekaman); bawaan: kantor Disdukcapil. Tanpa daftar kantor: tengah:KODE_KECAMATAN "
        "(titik tengah kecamatan; bawaan: yang paling tengah)",
        "id of the home office (a recording site); default: the Disdukcapil office. Without a list of offices: "
        "tengah:DISTRICT_CODE (the district's centre; default: the most central one)",
    ),
    "cli_h_max_km": ("jarak garis lurus terjauh dari kantor asal (km)",
                     "farthest straight-line distance from the home office (km)"),
    "cli_h_no_schools": ("tanpa sekolah", "leave schools out"),
    "cli_h_kecamatan": ("hanya kecamatan ini (kode, dipisah koma)", "only these districts (codes, comma-separated)"),
    "cli_h_only_red_yellow": ("hanya desa merah/kuning", "only red/yellow villages"),
    "cli_h_exclude": ("kecuali kecamatan/desa/sekolah ini (kode, dipisah koma)",
                      "except these districts/villages/schools (codes, comma-separated)"),
    "cli_h_fixed": ("kunjungan tetap yang dipertahankan (boleh berulang)",
                    "a fixed visit that is kept (may be repeated)"),
    "cli_mv_fixed": ("UNIT:HARI:KODE", "UNIT:DAY:CODE"),
    "cli_fixed_salah": ("'{nilai}': tulis UNIT:HARI:KODE, mis. 1:3:99906614",
                        "'{nilai}': write UNIT:DAY:CODE, e.g. 1:3:99906614"),
    "cli_h_max_stops": ("lokasi per unit per hari (bawaan {n})", "sites per unit per day (default {n})"),
    "cli_h_roads": ("jaringan jalan (garis GeoJSON/GPKG); bawaan: garis lurus × faktor",
                    "road network (GeoJSON/GPKG lines); default: straight line × factor"),
    # the travel options (geo.cli.plan.TRAVEL_OPTIONS), by the Travel field they set
    "cli_h_road_factor": ("km jalan per km garis lurus (bawaan {n})", "road km per straight-line km (default {n})"),
    "cli_h_road_kmh": ("kecepatan di jalan, km/jam (bawaan {n})", "speed on roads, km/h (default {n})"),
    "cli_h_boat_kmh": ("kecepatan perahu, km/jam (bawaan {n})", "boat speed, km/h (default {n})"),
    "cli_h_crossing_wait_h": ("menunggu perahu tiap penyeberangan, jam (bawaan {n})",
                              "waiting for the boat at each crossing, hours (default {n})"),
    "cli_h_day_h": ("hari kerja, termasuk perjalanan, jam (bawaan {n})",
                    "working day including travel, hours (default {n})"),
    "cli_h_service_h": ("jam merekam sepenuh kapasitas sehari (bawaan {n})",
                        "hours a day of recording at full capacity (default {n})"),
    "cli_h_easy_reach_h": ("dekat lokasi rekam: paling lama, jam (bawaan {n})",
                           "near a recording site: at most this many hours away (default {n})"),
    "cli_h_time_limit": ("batas waktu pemecah, detik (bawaan {n})", "solver time limit, seconds (default {n})"),
    "cli_h_save": ("simpan rencana dengan nama ini", "save the plan under this name"),
    "cli_h_sheets": ("tulis juga lembar kerja unit (PDF, satu halaman per unit) ke berkas ini",
                     "also write the crews' sheets (PDF, a page per unit) to this file"),
    "cli_h_overwrite": ("timpa rencana bernama sama (tanpa realisasi)",
                        "overwrite the plan of the same name (if it has no actual figures)"),
    # --- the media pack (geo.cli.media) ---
    "cli_h_briefing": ("ringkasan satu halaman (PDF A4) untuk bupati", "one-page briefing (A4 PDF) for the bupati"),
    "cli_h_media_within": ("kode provinsi, kabupaten/kota atau kecamatan, mis. 36 atau 36.74",
                           "province, regency/city or district code, e.g. 36 or 36.74"),
    "cli_h_out_pdf": ("berkas PDF keluaran", "output PDF file"),
    "cli_h_chart": ("gambar siap unggah (PNG/SVG)", "media-pack image ready to post (PNG/SVG)"),
    "cli_h_chart_kind": (
        "zona-bar: cakupan per wilayah; tren: cakupan dari waktu ke waktu; kantong: 10 desa belum rekam "
        "terbanyak; peta: peta zona; kartu: rekam → siap cetak → dicetak; kartu-riwayat: PRR menunggu dan kartu "
        "dicetak per minggu; blangko: stok blangko",
        "zona-bar: coverage per area; tren: coverage over time; kantong: the 10 villages with most people not "
        "recorded; peta: zone map; kartu: recorded → ready to print → printed; kartu-riwayat: PRR waiting and "
        "cards printed per week; blangko: blank card stock",
    ),
    "cli_h_out_image": ("berkas keluaran .png atau .svg", "output file, .png or .svg"),
    "cli_h_size": ("lebar x tinggi dalam piksel: {ukuran}", "width x height in pixels: {ukuran}"),
    # --- alerts and targets (geo.cli.alerts) ---
    "cli_h_alerts": ("peringatan: alat rusak, blangko, zona, target (ringkasan)",
                     "alerts: broken devices, blank cards, zones, targets (digest)"),
    "cli_h_alerts_within": ("kode kabupaten/kota (atau kecamatan), mis. 99.01",
                            "regency/city (or district) code, e.g. 99.01"),
    "cli_h_since": ("bandingkan perubahan zona dengan data per TTTT-BB-HH (bawaan: data sebelumnya)",
                    "compare zone changes with the figures as of YYYY-MM-DD (default: the previous figures)"),
    "cli_h_alerts_format": ("text (satu pesan WhatsApp), json, csv", "text (one WhatsApp message), json, csv"),
    "cli_h_digest": ("hanya peringatan yang belum pernah dikirim; dicatat sebagai ringkasan terkirim",
                     "only alerts never sent before; recorded as a sent digest"),
    "cli_h_send": ("kirim peringatan baru lewat surel ([surel] di config)",
                   "send new alerts by e-mail ([surel] in the config)"),
    "cli_h_targets": ("target per wilayah: capaian dan siapa tertinggal",
                      "targets per area: progress and who is behind"),
    "cli_h_import_targets": ("impor target per wilayah dan periode (CSV, XLSX)",
                             "import targets per area and period (CSV, XLSX)"),
    "cli_h_targets_file": ("berkas: kode, tahun, bulan (opsional), target_persen dan/atau target_rekam",
                           "file: kode, tahun, bulan (optional), target_persen and/or target_rekam"),
}
