"""Boundary files: reading them (with Kemendagri codes), and matching areas a file only names.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- boundary files with codes ---
    "batas_format": (
        "Jenis berkas '{ext}' tidak didukung untuk batas wilayah. Gunakan GeoJSON (.geojson/.json), GeoPackage "
        "(.gpkg) atau Shapefile yang dikemas dalam .zip.",
        "File type '{ext}' is not supported for boundaries. Use GeoJSON (.geojson/.json), GeoPackage (.gpkg) "
        "or a Shapefile packed in a .zip.",
    ),
    "batas_tidak_terbaca": (
        "Berkas batas wilayah '{berkas}' tidak bisa dibaca ({detail}). Periksa apakah berkasnya utuh.",
        "Boundary file '{berkas}' cannot be read ({detail}). Check that the file is complete.",
    ),
    "batas_zip_tidak_aman": (
        "Zip ditolak: berisi jalur berbahaya '{anggota}' (keluar folder atau jalur absolut). Kemas ulang "
        "berkas .shp, .shx, .dbf dan .prj langsung ke dalam zip baru, lalu unggah ulang.",
        "Zip refused: it holds an unsafe path '{anggota}' (leaves its folder or is absolute). Pack the .shp, "
        ".shx, .dbf and .prj files straight into a new zip, then upload again.",
    ),
    "batas_zip_tanpa_data": (
        "Zip tidak berisi Shapefile (.shp beserta .shx, .dbf, .prj). Isinya: {isi}.",
        "The zip holds no Shapefile (.shp with its .shx, .dbf, .prj). It holds: {isi}.",
    ),
    "batas_banyak_lapisan": (
        "Berkas berisi beberapa lapisan batas: {lapisan}. Simpan satu lapisan saja per berkas.",
        "The file holds several boundary layers: {lapisan}. Save one layer per file.",
    ),
    "batas_kosong": (
        "Berkas batas wilayah tidak berisi satu pun wilayah (poligon). Periksa lapisan yang diekspor dari "
        "aplikasi GIS (misalnya QGIS), ekspor ulang lapisan poligon wilayahnya, lalu unggah ulang.",
        "The boundary file holds no areas (polygons). Check the layer exported from the GIS application (e.g. "
        "QGIS), export the areas' polygon layer again, then upload again.",
    ),
    "batas_bukan_poligon": (
        "Berkas tidak berisi poligon (isinya {jenis}). Batas wilayah harus berupa poligon.",
        "The file holds no polygons (it holds {jenis}). Boundaries must be polygons.",
    ),
    "batas_koordinat_tak_terbatas": (
        "Fitur ke-{fitur} di berkas batas berisi koordinat yang bukan angka (NaN atau tak hingga). Perbaiki atau "
        "hapus fitur itu di aplikasi GIS, lalu unggah ulang.",
        "Feature {fitur} of the boundary file has coordinates that are not numbers (NaN or infinite). Fix or "
        "remove that feature in a GIS application, then upload again.",
    ),
    "batas_lintang_bujur_tertukar": (
        "Koordinat tampak tertukar: lintang tertulis di tempat bujur (mis. {contoh}; Indonesia ada di bujur 95–141, "
        "lintang −11–6). Simpan ulang berkas dengan urutan bujur, lintang (x = bujur), lalu unggah ulang.",
        "The coordinates look swapped: latitude where longitude belongs (e.g. {contoh}; Indonesia lies at "
        "longitude 95–141, latitude −11–6). Save the file again with longitude, latitude order (x = longitude), "
        "then upload again.",
    ),
    "batas_titik_di_luar": (
        "Fitur ke-{fitur} punya titik di luar bumi ({contoh}), padahal titik lain berupa derajat. Biasanya salah "
        "ketik satu koordinat; perbaiki titik itu di aplikasi GIS, lalu unggah ulang.",
        "Feature {fitur} has a vertex off the globe ({contoh}) while the others are in degrees. Usually one "
        "mistyped coordinate; fix that vertex in a GIS application, then upload again.",
    ),
    "batas_tanpa_crs": (
        "Koordinat berkas tampak dalam meter (proyeksi, misalnya {contoh}), tetapi berkas tidak menyebut "
        "sistem koordinatnya. Simpan ulang dengan CRS (Shapefile: sertakan berkas .prj; GeoPackage/GeoJSON: "
        "tetapkan CRS, misalnya EPSG:32748), atau ekspor dalam EPSG:4326.",
        "The coordinates look like metres (projected, e.g. {contoh}) but the file does not say which "
        "coordinate system it uses. Save it again with its CRS (Shapefile: include the .prj file; "
        "GeoPackage/GeoJSON: set the CRS, e.g. EPSG:32748), or export it in EPSG:4326.",
    ),
    "batas_kolom_tidak_ada": (
        "Kolom '{kolom}' tidak ada di berkas. Kolom yang tersedia: {tersedia}.",
        "Column '{kolom}' is not in the file. Available columns: {tersedia}.",
    ),
    "batas_tanpa_kode": (
        "Tidak ditemukan kolom kode wilayah Kemendagri (misalnya 'kode' atau 'KDEPUM'). Kolom yang tersedia: "
        "{tersedia}. Sebutkan kolom kodenya (CLI: --code-field).",
        "No Kemendagri area code column found (e.g. 'kode' or 'KDEPUM'). Available columns: {tersedia}. Name "
        "the code column (CLI: --code-field).",
    ),
    "batas_kode_bukan_kemendagri": (
        "Berkas ini berskema {skema}: pengenalnya ({contoh}) bukan kode Kemendagri. Impor lewat "
        "import-boundaries atau halaman Data, yang mencocokkan wilayahnya menurut nama dengan tabel kode resmi, "
        "atau sebutkan kolom berisi kode Kemendagri (CLI: --code-field). Kolom: {tersedia}.",
        "This file uses the {skema} schema: its identifiers ({contoh}) are not Kemendagri codes. Import it "
        "with import-boundaries or on the Data page, which match its areas by name to the official code "
        "table, or name a column holding Kemendagri codes (CLI: --code-field). Columns: {tersedia}.",
    ),
    "batas_kode_ganda": (
        "{jumlah} kode muncul lebih dari sekali dengan nama berbeda: {kode}. Setiap wilayah harus punya kodenya sendiri.",
        "{jumlah} {jumlah|code appears|codes appear} more than once with different names: {kode}. Each area needs its own code.",
    ),
    "batas_kode_bps": (
        "Kode '{kode}' berbentuk kode BPS, bukan kode Kemendagri (BPS dan Kemendagri memakai penomoran "
        "berbeda). Gunakan kode Kemendagri, misalnya 36.74.01.1001.",
        "Code '{kode}' has the shape of a BPS code, not a Kemendagri code (BPS and Kemendagri number areas "
        "differently). Use Kemendagri codes, e.g. 36.74.01.1001.",
    ),
    "batas_kode_tidak_sah": (
        "Kode '{kode}' bukan kode wilayah Kemendagri (bentuknya PP.KK.CC.DDDD, misalnya 36.74.01.1001).",
        "Code '{kode}' is not a Kemendagri area code (its form is PP.KK.CC.DDDD, e.g. 36.74.01.1001).",
    ),
    "batas_kode_kosong": ("Kode wilayah kosong.", "The area code is empty."),
    "batas_kode_tingkat_lain": (
        "Kode '{kode}' adalah kode tingkat {tingkat_kode}, bukan {level}.",
        "Code '{kode}' is a {tingkat_kode} code, not {level}.",
    ),
    "batas_level_salah": (
        "Tingkat '{level}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown level '{level}'. Choose one of: {pilihan}.",
    ),
    # --- boundary files that name their areas (GADM, geoBoundaries, OSM, BIG without codes) ---
    "batas_tanpa_nama": (
        "Berkas tidak punya kolom kode Kemendagri maupun kolom nama wilayah yang dikenal (GADM NAME_1…NAME_4, "
        "geoBoundaries shapeName, OSM name dan admin_level, BIG WADMKD…, atau nama/desa/kecamatan/kabupaten). "
        "Kolom yang tersedia: {tersedia}. Sebutkan kolom kodenya (CLI: --code-field) atau kolom namanya "
        "(--name-field).",
        "The file has neither a Kemendagri code column nor a known area-name column (GADM NAME_1…NAME_4, "
        "geoBoundaries shapeName, OSM name and admin_level, BIG WADMKD…, or nama/desa/kecamatan/kabupaten). "
        "Available columns: {tersedia}. Name its code column (CLI: --code-field) or its name column "
        "(--name-field).",
    ),
    "batas_tingkat_perlu": (
        "Berkas ({skema}) tidak menyebut tingkat wilayahnya. Pilih tingkatnya (CLI: --level): {pilihan}.",
        "The file ({skema}) does not say which level its areas are. Choose the level (CLI: --level): {pilihan}.",
    ),
    "batas_tingkat_lain": (
        "Fitur ini wilayah tingkat {tingkat_fitur}, bukan {level}. Pilih tingkat yang sesuai, atau pisahkan "
        "berkasnya per tingkat.",
        "This feature is a {tingkat_fitur} area, not {level}. Choose the matching level, or split the file by "
        "level.",
    ),
    "batas_tingkat_tidak_dikenal": (
        "Fitur '{nama}' tidak menyebut tingkat yang dikenal (OSM admin_level 4–7, geoBoundaries ADM1–ADM4). "
        "Pilih wilayahnya dengan tangan, atau lewati fitur itu (CLI: --skip-unmatched).",
        "Feature '{nama}' does not state a known level (OSM admin_level 4–7, geoBoundaries ADM1–ADM4). Pick "
        "its area by hand, or skip the feature (CLI: --skip-unmatched).",
    ),
    "batas_induk_tidak_cocok": (
        "Nama {tingkat} '{nama_induk}' tidak ditemukan di tabel kode Kemendagri; fiturnya dicari di wilayah yang "
        "lebih luas. Terdekat: {kandidat}.",
        "The {tingkat} name '{nama_induk}' is not in the Kemendagri code table; its features are searched in a "
        "wider area. Closest: {kandidat}.",
    ),
    "batas_induk_mirip": (
        "Nama {tingkat} '{nama_induk}' dianggap {nama} ({kode}), kemiripan {skor}.",
        "The {tingkat} name '{nama_induk}' is taken as {nama} ({kode}), similarity {skor}.",
    ),
    "batas_perlu_wilayah": (
        "{jumlah} fitur tingkat {level} (fitur {baris}) tidak bisa dicari: berkas hanya menyebut nama tingkat "
        "itu, tanpa kecamatan atau kabupaten induk yang dikenali. Sebutkan wilayah induknya (CLI: --within KODE, "
        "misalnya 36.74) agar nama dicocokkan di dalam wilayah itu saja.",
        "{jumlah} {level} {jumlah|feature|features} ({jumlah|feature|features} {baris}) cannot be searched: the file names only "
        "that level, with no recognised parent kecamatan or kabupaten. Give the parent area (CLI: --within "
        "CODE, e.g. 36.74) so that names are matched inside that area only.",
    ),
    "batas_ada_fitur_tak_cocok": (
        "{jumlah} fitur tidak cocok dengan wilayah mana pun (fitur {baris}). Pilih wilayahnya dengan tangan, atau "
        "lewati fitur itu (CLI: --skip-unmatched). Tidak ada yang disimpan.",
        "{jumlah} {jumlah|feature matches|features match} no area ({jumlah|feature|features} {baris}). Pick the area by hand, or "
        "skip {jumlah|it|them} (CLI: --skip-unmatched). Nothing was stored.",
    ),
    "batas_tidak_ada_yang_cocok": (
        "Tidak satu pun fitur '{berkas}' cocok dengan wilayah Kemendagri; tidak ada yang disimpan.",
        "No feature of '{berkas}' matches a Kemendagri area; nothing was stored.",
    ),
    "batas_wilayah_salah": (
        "Wilayah '{kode}' bukan kode Kemendagri (misalnya 36.74 atau 36.74.01).",
        "Area '{kode}' is not a Kemendagri code (e.g. 36.74 or 36.74.01).",
    ),
    "batas_skema_nama": (
        "Berkas tanpa kode Kemendagri ({skema}): {jumlah} fitur dicocokkan menurut nama dengan tabel kode resmi.",
        "A file without Kemendagri codes ({skema}): {jumlah} features matched by name to the official code table.",
    ),
    "batas_fitur_kandidat": ("fitur {baris} '{nama}': kandidat {kandidat}", "feature {baris} '{nama}': candidates {kandidat}"),
    "pilihan_fitur_salah": (
        "Pilihan '{nilai}' tidak bisa dibaca. Tulis nomor fitur dan kode wilayahnya, misalnya 7=36.74.03.1005.",
        "The choice '{nilai}' cannot be read. Write the feature number and the area code, e.g. 7=36.74.03.1005.",
    ),
    # The Data page's boundaries desk (ui/boundaries.py).
    "batas_tingkat_otomatis": ("Otomatis (menurut berkas)", "Automatic (as the file says)"),
    "batas_cari_di": ("Nama wilayah dicari di", "Area names are searched in"),
    "batas_cari_di_bantuan": (
        "Untuk berkas tanpa kode Kemendagri. Berkas yang menyebut provinsi dan kabupaten induknya (GADM, BIG) "
        "bisa dicari di seluruh Indonesia.",
        "For files without Kemendagri codes. A file naming its parent provinsi and kabupaten (GADM, BIG) can be "
        "searched in all of Indonesia.",
    ),
    "batas_cari_nasional": ("Seluruh Indonesia (menurut nama induk di berkas)",
                            "All of Indonesia (by the parents named in the file)"),
    "batas_perlu_dilihat": ("Fitur yang perlu dilihat", "Features to look at"),
    "batas_kol_fitur": ("Fitur", "Feature"),
    "batas_kol_induk": ("Induk di berkas", "Parent in file"),
    "batas_pilih_fitur": (
        "{jumlah} fitur belum cocok. Pilih wilayahnya di bawah, atau centang 'Simpan tanpa fitur yang tidak cocok'.",
        "{jumlah} {jumlah|feature is|features are} unmatched. Pick {jumlah|its|their} area below, or tick 'Store "
        "without the unmatched features'.",
    ),
    "batas_pilih_untuk_fitur": ("Fitur {baris} — '{nama}' adalah:", "Feature {baris} — '{nama}' is:"),
    "batas_lewati_tak_cocok": ("Simpan tanpa fitur yang tidak cocok", "Store without the unmatched features"),
    "batas_akan_disimpan": ("Akan disimpan: {ringkas}.", "To be stored: {ringkas}."),
}
