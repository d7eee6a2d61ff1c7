"""Maps and charts.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- maps ---
    "map_metrik_tidak_dikenal": (
        "Ukuran peta '{metrik}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown map measure '{metrik}'. Choose one of: {pilihan}.",
    ),
    "map_kolom_hilang": (
        "Data peta tidak punya kolom {kolom}. Hitung dulu cakupannya (geo.coverage).",
        "The map data has no column {kolom}. Compute coverage first (geo.coverage).",
    ),
    "map_judul_zona": ("Zona perekaman KTP-el", "e-KTP recording zone"),
    "map_judul_cakupan": ("Cakupan perekaman (%)", "Recording coverage (%)"),
    "map_judul_belum_rekam": ("Belum rekam (orang)", "Not yet recorded (people)"),
    "map_judul_perubahan": ("Perubahan cakupan (poin persen)", "Change in coverage (percentage points)"),
    "map_judul_target": ("Cakupan dibanding target (poin persen)", "Coverage against target (percentage points)"),
    "map_di_bawah_target": ("di bawah target", "below target"),
    "map_di_atas_target": ("di atas target", "above target"),
    "map_tip_target": ("Target: {target} · selisih {selisih}", "Target: {target} · difference {selisih}"),
    "map_zona_hijau": ("Hijau ≥ {hijau}", "Green ≥ {hijau}"),
    "map_zona_kuning": ("Kuning {kuning}–<{hijau}", "Yellow {kuning}–<{hijau}"),
    "map_zona_merah": ("Merah < {kuning}", "Red < {kuning}"),
    "map_tidak_ada_data": ("Tidak ada data", "No data"),
    "map_batas": ("batas {zona}", "{zona} threshold"),
    "map_turun": ("turun", "fell"),
    "map_naik": ("naik", "rose"),
    "map_data_per": ("Data per {tanggal}", "Data as of {tanggal}"),
    "map_sumber": ("Sumber: {sumber}", "Source: {sumber}"),
    "map_di_atas_100_jumlah": (
        "{jumlah} wilayah di atas 100% — periksa data wajib KTP",
        "{jumlah} {jumlah|area|areas} above 100% — check the number who must hold an e-KTP",
    ),
    "map_tanpa_batas": (
        "{jumlah} wilayah tanpa batas peta (tidak digambar)",
        "{jumlah} {jumlah|area|areas} without a boundary (not drawn)",
    ),
    "map_tanpa_batas_semua": (
        "Peta {tingkat} belum dapat digambar: basis data belum menyimpan batas wilayahnya. Unggah berkas batas "
        "wilayah di halaman Data, tab Batas wilayah; angka dan peringkat di halaman ini tetap berlaku.",
        "The map of the {tingkat} cannot be drawn yet: the database holds none of their boundaries. Upload a "
        "boundary file on the Data page, Boundaries tab; the figures and rankings on this page still hold.",
    ),
    "map_titik_tanpa_koordinat": ("{jumlah} titik tanpa koordinat", "{jumlah} {jumlah|point|points} without coordinates"),
    "map_tip_kode": ("Kode {kode}", "Code {kode}"),
    "map_tip_wajib": ("Wajib KTP: {nilai}", "Must hold e-KTP: {nilai}"),
    "map_tip_sudah": ("Sudah rekam: {nilai}", "Recorded: {nilai}"),
    "map_tip_belum": ("Belum rekam: {nilai}", "Not yet recorded: {nilai}"),
    "map_tip_cakupan": ("Cakupan: {nilai} (zona {zona})", "Coverage: {nilai} ({zona} zone)"),
    "map_tip_cakupan_kosong": ("Cakupan: tidak ada data", "Coverage: no data"),
    "map_tip_di_atas_100": (
        "di atas 100% (periksa data wajib KTP)",
        "above 100% (check the number who must hold an e-KTP)",
    ),
    "map_tip_perubahan": ("Perubahan: {nilai}", "Change: {nilai}"),
    "map_tip_tanggal": ("Data: {tanggal}", "Data: {tanggal}"),
    "map_poin": (" poin", " points"),
    "map_zona_kata_hijau": ("hijau", "green"),
    "map_zona_kata_kuning": ("kuning", "yellow"),
    "map_zona_kata_merah": ("merah", "red"),
    # --- charts ---
    "gambar_sumber": ("Sumber: {sumber}, data per {tanggal}", "Source: {sumber}, data as of {tanggal}"),
    "gambar_contoh": ("data contoh sintetis", "synthetic example data"),
    "gambar_zona_hijau": ("Hijau ≥ {ambang}", "Green ≥ {ambang}"),
    "gambar_zona_kuning": ("Kuning {bawah} – < {atas}", "Yellow {bawah} – < {atas}"),
    "gambar_zona_merah": ("Merah < {ambang}", "Red < {ambang}"),
    "gambar_zona_none": ("Tidak ada data", "No data"),
    "gambar_garis_hijau": ("Hijau ≥ {ambang}", "Green ≥ {ambang}"),
    "gambar_garis_kuning": ("Kuning ≥ {ambang}", "Yellow ≥ {ambang}"),
    "gambar_tingkat_kabupaten": ("kabupaten/kota", "regencies/cities"),
    "gambar_tingkat_kecamatan": ("kecamatan", "districts"),
    "gambar_tingkat_desa": ("desa/kelurahan", "villages"),
    "gambar_tingkat_provinsi": ("provinsi", "provinces"),
    "gambar_tingkat_provinsi_satu": ("provinsi", "province"),
    "gambar_tingkat_kabupaten_satu": ("kabupaten/kota", "regency/city"),
    "gambar_tingkat_kecamatan_satu": ("kecamatan", "district"),
    "gambar_tingkat_desa_satu": ("desa/kelurahan", "village"),
    "gambar_zona_judul": (
        "{wilayah}: {n} dari {total} {tingkat} di zona hijau",
        "{wilayah}: {n} of {total} {tingkat} in the green zone",
    ),
    "gambar_zona_judul_merah": (
        "{wilayah}: {merah} dari {total} {tingkat} masih merah",
        "{wilayah}: {merah} of {total} {tingkat} still red",
    ),
    "gambar_zona_terendah": (
        "{n} terendah dari {total} {tingkat}",
        "the lowest {n} of the {total} {tingkat}",
    ),
    "gambar_zona_sub": (
        "Cakupan perekaman KTP-el per {tingkat}, data per {tanggal}",
        "e-KTP recording coverage of the {tingkat}, data as of {tanggal}",
    ),
    "gambar_sumbu_cakupan": ("Cakupan perekaman (%)", "Recording coverage (%)"),
    "gambar_kantong_judul": (
        "{wilayah}: {n} {tingkat} dengan belum rekam terbanyak",
        "{wilayah}: the {n} {tingkat} with the most people not yet recorded",
    ),
    "gambar_kantong_judul_kab": (
        "{wilayah}: {k} dari {n} {tingkat} dengan belum rekam terbanyak ada di {kabupaten}",
        "{wilayah}: {k} of the {n} {tingkat} with the most people not yet recorded are in {kabupaten}",
    ),
    "gambar_kantong_judul_kab_semua": (
        "{wilayah}: {n} {tingkat} dengan belum rekam terbanyak semuanya di {kabupaten}",
        "{wilayah}: the {n} {tingkat} with the most people not yet recorded are all in {kabupaten}",
    ),
    "gambar_kantong_sub": (
        "Wajib KTP yang belum merekam KTP-el, data per {tanggal}",
        "People who must hold an e-KTP and have not recorded, data as of {tanggal}",
    ),
    "gambar_kantong_bagian": (
        "Bersama: {jumlah} dari {total} belum rekam di {wilayah} ({persen})",
        "Together: {jumlah} of the {total} not yet recorded in {wilayah} ({persen})",
    ),
    "gambar_sumbu_belum": ("Belum rekam (orang)", "Not yet recorded (people)"),
    "gambar_label_kantong": ("{belum} · cakupan {cakupan} ({zona})", "{belum} · coverage {cakupan} ({zona})"),
    "gambar_tren_naik": (
        "{wilayah}: cakupan naik dari {awal} menjadi {akhir}",
        "{wilayah}: coverage rose from {awal} to {akhir}",
    ),
    "gambar_tren_turun": (
        "{wilayah}: cakupan turun dari {awal} menjadi {akhir}",
        "{wilayah}: coverage fell from {awal} to {akhir}",
    ),
    "gambar_tren_tetap": ("{wilayah}: cakupan {akhir}", "{wilayah}: coverage {akhir}"),
    "gambar_tren_sebagian": (
        "{wilayah}: {cakupan} di {ada} dari {semua} {satuan} yang sudah mengirim data",
        "{wilayah}: {cakupan} in the {ada} of {semua} {satuan} that have sent figures",
    ),
    "gambar_sebagian_sub": (
        "Cakupan seluruh {wilayah} belum diketahui: {kosong} {satuan} belum mengirim data",
        "The coverage of all of {wilayah} is not known yet: {kosong} {satuan} have sent no figures",
    ),
    "gambar_tren_sub_satu": ("Cakupan perekaman KTP-el, data per {tanggal}", "e-KTP recording coverage, data as of {tanggal}"),
    "gambar_tren_sub": (
        "Cakupan perekaman KTP-el, {mulai} – {akhir}",
        "e-KTP recording coverage, {mulai} – {akhir}",
    ),
    "gambar_tren_garis": ("Cakupan {wilayah}", "Coverage of {wilayah}"),
    "gambar_hover_cakupan": (
        "Cakupan {cakupan} (zona {zona})<br>Sudah rekam {sudah} dari {wajib} wajib KTP<br>Belum rekam {belum}",
        "Coverage {cakupan} ({zona} zone)<br>Recorded {sudah} of {wajib} who must hold an e-KTP<br>Not yet "
        "recorded {belum}",
    ),
    "gambar_di_atas_100": ("⚠ di atas 100%", "⚠ above 100%"),
    "gambar_tidak_ada_data": ("tidak ada data", "no data"),
    "gambar_kartu_judul": (
        "{wilayah}: {persen} perekaman KTP-el sudah dicetak menjadi kartu",
        "{wilayah}: {persen} of e-KTP recordings have been printed as cards",
    ),
    "gambar_kartu_judul_tanpa": ("{wilayah}: alur kartu KTP-el", "{wilayah}: the e-KTP card pipeline"),
    "gambar_kartu_sub": (
        "Dari {sudah} wajib KTP yang sudah merekam: {cetak} kartu sudah dicetak, {prr} siap cetak (PRR) "
        "menunggu, {diproses} masih diproses atau ditolak. Data per {tanggal}",
        "Of the {sudah} people who have recorded: {cetak} cards printed, {prr} print-ready (PRR) waiting, "
        "{diproses} still processing or rejected. Data as of {tanggal}",
    ),
    "gambar_kartu_bagian_cetak": ("Sudah dicetak", "Printed"),
    "gambar_kartu_bagian_prr": ("Siap cetak, menunggu (PRR)", "Print-ready, waiting (PRR)"),
    "gambar_kartu_bagian_diproses": ("Masih diproses / ditolak", "Processing / rejected"),
    "gambar_kartu_baris_rekam": ("Sudah rekam", "Recorded"),
    "gambar_kartu_baris_verifikasi": ("Lolos verifikasi<br>(PRR + dicetak)", "Verified<br>(PRR + printed)"),
    "gambar_kartu_baris_cetak": ("Sudah dicetak", "Printed"),
    "gambar_kartu_riwayat_judul": (
        "{wilayah}: {prr} kartu siap cetak menunggu, {cetak} dicetak minggu terakhir",
        "{wilayah}: {prr} print-ready cards waiting, {cetak} printed in the last week",
    ),
    "gambar_kartu_riwayat_judul_tanpa": (
        "{wilayah}: kartu siap cetak dan kartu dicetak",
        "{wilayah}: print-ready and printed cards",
    ),
    "gambar_kartu_riwayat_sub": (
        "Kartu KTP-el siap cetak (PRR) yang menunggu, dan kartu dicetak per minggu, {mulai} – {akhir}",
        "Print-ready e-KTP cards (PRR) waiting, and cards printed per week, {mulai} – {akhir}",
    ),
    "gambar_kartu_per_minggu": ("Kartu dicetak per minggu", "Cards printed per week"),
    "gambar_kartu_menunggu": ("Siap cetak yang menunggu (PRR)", "Print-ready waiting (PRR)"),
    "gambar_kartu_puncak": ("Puncak: {n} menunggu<br>({tanggal})", "Peak: {n} waiting<br>({tanggal})"),
    "gambar_kartu_sumbu_kartu": ("Kartu", "Cards"),
    "gambar_blangko_judul": (
        "{wilayah}: blangko KTP-el diperkirakan habis {tanggal}",
        "{wilayah}: blank e-KTP cards expected to run out on {tanggal}",
    ),
    "gambar_blangko_judul_habis": (
        "{wilayah}: blangko KTP-el habis sejak {tanggal}",
        "{wilayah}: blank e-KTP cards ran out on {tanggal}",
    ),
    "gambar_blangko_judul_stok": (
        "{wilayah}: stok blangko KTP-el {stok} keping",
        "{wilayah}: {stok} blank e-KTP cards in stock",
    ),
    "gambar_blangko_sub": (
        "Stok blangko KTP-el setelah tiap kiriman dan pemakaian, {mulai} – {akhir}",
        "Blank e-KTP card stock after each delivery and use, {mulai} – {akhir}",
    ),
    "gambar_blangko_perkiraan": ("perkiraan {stok} keping pada {tanggal}", "estimated {stok} on {tanggal}"),
    "gambar_blangko_laju": ("dicetak {laju} per hari", "{laju} printed a day"),
    "gambar_blangko_kurang": (
        "kurang {kurang} untuk {prr} kartu siap cetak",
        "{kurang} short for {prr} print-ready cards",
    ),
    "gambar_blangko_cukup": ("{prr} kartu siap cetak menunggu", "{prr} print-ready cards waiting"),
    "gambar_blangko_stok": ("Stok blangko tercatat", "Recorded blank stock"),
    "gambar_blangko_proyeksi": ("Perkiraan pada laju cetak saat ini", "Projection at the current printing rate"),
    "gambar_blangko_habis_pada": (": habis sekitar {tanggal}", ": runs out about {tanggal}"),
    "gambar_blangko_sumbu": ("Blangko (keping)", "Blank cards"),
    "gambar_blangko_hover": (
        "{tanggal}<br>Stok {stok}<br>Diterima {diterima}, dipakai {dipakai}",
        "{tanggal}<br>Stock {stok}<br>Received {diterima}, used {dipakai}",
    ),
    # --- a map view prepared when first opened (ui.prepare) ---
    "peta_pertama_disiapkan": (
        "Menyiapkan peta {jumlah} {tingkat} untuk pertama kali (sekali saja): {langkah}",
        "Preparing the map of {jumlah} {tingkat} for the first time (once only): {langkah}",
    ),
    "peta_pertama_selesai": (
        "Peta {jumlah} {tingkat} sudah disiapkan; berikutnya langsung tampil.",
        "The map of {jumlah} {tingkat} is prepared; from now on it shows at once.",
    ),
    "peta_langkah_menunggu": ("menunggu giliran…", "waiting for its turn…"),
    "peta_langkah_repair": ("memeriksa dan merapikan batas…", "checking and repairing borders…"),
    "peta_langkah_simplify": ("menyederhanakan garis batas…", "simplifying the borders…"),
    "peta_langkah_quantise": ("membulatkan koordinat…", "rounding coordinates…"),
    "peta_langkah_store": ("menyimpan…", "saving…"),
}
