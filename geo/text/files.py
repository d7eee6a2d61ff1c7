"""Reading files: spreadsheets, point files, matching rows to areas (boundary files: ``boundaries``).

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``.
A figure an error carries as ``geo.fmt.Count`` / ``Percent`` / ``Decimal`` says itself in Indonesian as
``{n}`` and in English as ``{n:,}`` (8.497 / 8,497; 22,2% / 22.2%)."""

TEXTS = {
    # --- enrollment ---
    "berkas_terlalu_besar": (
        "Berkas terlalu besar ({ukuran_mb} MB; batas {maks_mb} MB). Hapus lembar atau kolom yang tidak perlu, "
        "atau pecah per kecamatan, lalu unggah ulang.",
        "File too large ({ukuran_mb:,} MB; limit {maks_mb:,} MB). Remove sheets or columns that are not needed, or "
        "split it per kecamatan, then upload again.",
    ),
    "berkas_tidak_bisa_dibuka": (
        "Berkas '{file_name}' tidak bisa dibuka ({detail}). Periksa nama dan lokasi berkasnya.",
        "File '{file_name}' cannot be opened ({detail}). Check its name and location.",
    ),
    "berkas_kosong": (  # a CSV (or a file too short to tell): no sheet to name
        "Berkas '{file_name}' tidak berisi baris data. Isi satu baris per desa/kecamatan di bawah judul kolom, "
        "lalu unggah ulang.",
        "File '{file_name}' has no data rows. Put one row per desa/kecamatan under the column headers, then "
        "upload again.",
    ),
    "berkas_kosong_lembar": (
        "Berkas '{file_name}' tidak berisi baris data (lembar: {lembar}). Isi satu baris per desa/kecamatan di "
        "bawah judul kolom, lalu unggah ulang.",
        "File '{file_name}' has no data rows (sheet: {lembar}). Put one row per desa/kecamatan under the "
        "column headers, then upload again.",
    ),
    "format_tidak_dikenal": (
        "Jenis berkas '{ext}' ({file_name}) tidak dikenali. Simpan dari Excel sebagai .xlsx atau .csv, lalu "
        "unggah ulang.",
        "File type '{ext}' ({file_name}) is not recognised. Save it from Excel as .xlsx or .csv, then upload "
        "again.",
    ),
    "bukan_format": (
        "Berkas '{file_name}' bernama {ext} tetapi isinya tampak seperti {seperti}. Buka berkas aslinya di "
        "Excel dan simpan sebagai .xlsx (Excel Workbook) atau .csv, lalu unggah ulang.",
        "File '{file_name}' is named {ext} but its content looks like {seperti}. Open the original in Excel "
        "and save it as .xlsx (Excel Workbook) or .csv, then upload again.",
    ),
    "xls_tidak_didukung": (
        "Berkas '{file_name}' berformat Excel lama (.xls). Buka di Excel, pilih Simpan Sebagai → 'Excel "
        "Workbook (.xlsx)', lalu unggah berkas .xlsx itu.",
        "File '{file_name}' is an old Excel file (.xls). Open it in Excel, choose Save As → 'Excel Workbook "
        "(.xlsx)', then upload the .xlsx file.",
    ),
    "xlsx_rusak": (
        "Berkas Excel '{file_name}' rusak atau terpotong ({detail}). Buka di Excel; jika bisa, simpan ulang "
        "sebagai .xlsx; jika tidak, unduh atau salin lagi berkas aslinya.",
        "Excel file '{file_name}' is damaged or truncated ({detail}). Open it in Excel and save it again as "
        ".xlsx if it opens; otherwise download or copy the original again.",
    ),
    "csv_kutip": (
        "Berkas CSV '{file_name}': tanda kutip (\") di baris {baris} membuka sel yang baru ditutup di baris {sampai}, "
        "sehingga baris-baris di antaranya tergabung dan angkanya bisa pindah ke desa lain. Hapus tanda kutip itu "
        "(atau tutup di sel yang sama), lalu unggah ulang. Tidak ada data yang disimpan.",
        "CSV file '{file_name}': a quote (\") on row {baris} opens a cell that only closes on row {sampai}, so the "
        "rows between are merged and their figures could land on another village. Remove that quote (or close it "
        "in the same cell), then upload again. Nothing was stored.",
    ),
    "jumlah_kolom_beda": (
        "Baris ini berisi {ada} kolom, padahal judul kolom (baris {baris_judul}) berisi {judul}. Biasanya ada "
        "pemisah ({pemisah}) atau tanda kutip di dalam nama; perbaiki baris ini supaya angka tidak bergeser "
        "ke kolom lain.",
        "This row has {ada} fields but the header (row {baris_judul}) has {judul}. Usually a separator ({pemisah}) "
        "or a quote sits inside a name; fix this row so that no figure shifts into another column.",
    ),
    "berkas_terlalu_banyak_baris": (
        "Berkas '{file_name}' berisi lebih dari {maks_baris} baris (atau {maks_sel} sel) berisi data; rekap "
        "perekaman satu kabupaten biasanya ratusan baris. Hapus lembar yang tidak perlu atau pecah berkas per "
        "kabupaten, lalu unggah ulang.",
        "File '{file_name}' holds more than {maks_baris:,} rows (or {maks_sel:,} cells) with data; one kabupaten's "
        "recording figures are usually a few hundred rows. Remove sheets that are not needed or split the file "
        "per kabupaten, then upload again.",
    ),
    "lembar_banyak_periode": (
        "Berkas '{file_name}' berisi rekap beberapa periode di lembar berbeda ({lembar}); satu impor adalah satu "
        "tanggal data. Impor satu lembar sekali impor dengan tanggalnya (halaman Data: pilih lembarnya).",
        "File '{file_name}' holds several periods on different sheets ({lembar}); one import is one data date. "
        "Import one sheet at a time with its date (Data page: pick the sheet).",
    ),
    "lembar_tidak_dipilih": ("tidak dipilih", "not chosen"),
    "lembar_kosong": ("kosong", "empty"),
    "lembar_tersembunyi": ("lembar tersembunyi", "hidden sheet"),
    "lembar_tanpa_judul_rekap": ("tidak ada judul kolom rekap (WAJIB KTP, SUDAH REKAM)",
                                 "no recording-table header (WAJIB KTP, SUDAH REKAM)"),
    "lembar_dibaca": ("Lembar dibaca: {daftar}.", "Sheets read: {daftar}."),
    "lembar_dilewati": ("Lembar dilewati: {daftar}.", "Sheets left out: {daftar}."),
    "kolom_ganda": (
        "Kolom '{kolom}' ada {jumlah} kali (kolom {huruf}); tidak jelas angka mana yang benar. Hapus atau "
        "ganti nama kolom yang tidak dipakai, lalu unggah ulang.",
        "Column '{kolom}' appears {jumlah} times (columns {huruf}); it is unclear which figures are right. "
        "Delete or rename the column that is not used, then upload again.",
    ),
    "csv_rusak": (
        "Berkas CSV '{file_name}' tidak bisa dibaca sekitar baris {baris} ({detail}). Biasanya ada tanda kutip "
        '(") yang tidak ditutup; perbaiki atau simpan ulang dari Excel sebagai CSV.',
        "CSV file '{file_name}' cannot be read around row {baris} ({detail}). Usually a quote (\") is left "
        "open; fix it or save the file again from Excel as CSV.",
    ),
    "sheet_tidak_ada": (
        "Lembar '{sheet}' tidak ada di berkas. Lembar yang ada: {sheets}. Pilih salah satunya.",
        "Sheet '{sheet}' is not in the file. Sheets available: {sheets}. Choose one of them.",
    ),
    "berisi_nik": (  # a CSV: no sheet to name
        "Berkas ditolak untuk melindungi data pribadi: kolom {huruf} '{kolom}' tampak berisi NIK atau data "
        "perorangan ({n_nik} nilai 16 digit). Aplikasi ini hanya menerima angka rekapitulasi per wilayah. Hapus "
        "kolom itu dan nama penduduk, lalu unggah ulang; berkas ini tidak disimpan.",
        "File refused to protect personal data: column {huruf} '{kolom}' looks like NIKs or personal records "
        "({n_nik:,} 16-digit values). This application accepts only aggregate counts per area. Delete that "
        "column and residents' names, then upload again; this file was not stored.",
    ),
    "berisi_nik_lembar": (
        "Berkas ditolak untuk melindungi data pribadi: kolom {huruf} '{kolom}' (lembar {lembar}) tampak berisi "
        "NIK atau data perorangan ({n_nik} nilai 16 digit). Aplikasi ini hanya menerima angka rekapitulasi per "
        "wilayah. Hapus kolom itu dan nama penduduk, lalu unggah ulang; berkas ini tidak disimpan.",
        "File refused to protect personal data: column {huruf} '{kolom}' (sheet {lembar}) looks like NIKs or "
        "personal records ({n_nik:,} 16-digit values). This application accepts only aggregate counts per area. "
        "Delete that column and residents' names, then upload again; this file was not stored.",
    ),
    "kolom_hilang": (
        "kolom {dicari} tidak ditemukan. Judul kolom yang terbaca: {ditemukan}. Tambahkan kolom itu dengan "
        "salah satu judul berikut: {sinonim}.",
        "column {dicari} not found. Headers read: {ditemukan}. Add that column with one of these headers: "
        "{sinonim}.",
    ),
    "bukan_angka": (
        "nilai '{nilai}' bukan angka. Tulis bilangan bulat tanpa huruf atau tanda %, misalnya 1.234 atau 1234; "
        "tulis 0 bila nol.",
        "value '{nilai}' is not a number. Write a whole number without letters or %, e.g. 1.234 or 1234; write "
        "0 for zero.",
    ),
    "angka_negatif": (
        "nilai {nilai} negatif; jumlah orang tidak mungkin negatif. Perbaiki angkanya.",
        "value {nilai} is negative; a number of people cannot be negative. Correct it.",
    ),
    "bukan_bilangan_bulat": (
        "nilai '{nilai}' berpecahan; jumlah orang harus bilangan bulat. Untuk ribuan tulis 1.234 (tepat tiga "
        "angka setelah titik).",
        "value '{nilai}' has a fraction; a number of people must be whole. For thousands write 1.234 or 1,234 "
        "(exactly three digits after the separator).",
    ),
    "angka_terlalu_besar": (
        "nilai {nilai} terlalu besar untuk jumlah orang (lebih dari {maks}). Periksa apakah yang tertulis "
        "sebenarnya kode wilayah, NIK atau salah ketik.",
        "value {nilai} is too large for a number of people (more than {maks:,}). Check whether it is really an "
        "area code, a NIK or a typo.",
    ),
    "angka_kosong": (
        "kolom ini kosong padahal wajib diisi. Isi jumlahnya (tulis 0 bila memang nol).",
        "this column is empty but required. Fill in the count (write 0 if it is zero).",
    ),
    "tanpa_nama": (
        "baris berisi angka tetapi tanpa nama maupun kode wilayah. Isi nama desa/kecamatan atau kodenya; bila "
        "ini baris jumlah, tulis 'JUMLAH' di kolom nama.",
        "row has numbers but no area name or code. Fill in the desa/kecamatan name or code; if it is a total "
        "row, write 'JUMLAH' in the name column.",
    ),
    "melebihi_wajib": (
        "sudah rekam ({sudah}) lebih besar dari wajib KTP ({wajib}), cakupan di atas 100%. Diterima (data "
        "wajib KTP mungkin usang), tetapi periksa kedua angka.",
        "sudah rekam ({sudah:,}) is larger than wajib KTP ({wajib:,}), coverage above 100%. Accepted (the wajib "
        "KTP figure may be stale), but check both numbers.",
    ),
    "belum_tidak_sesuai": (
        "belum rekam tertulis {belum}, padahal wajib KTP − sudah rekam = {wajib} − {sudah} = {selisih}. "
        "Aplikasi memakai wajib − sudah; periksa angka mana yang salah.",
        "belum rekam says {belum:,}, but wajib KTP − sudah rekam = {wajib:,} − {sudah:,} = {selisih:,}. The "
        "application uses wajib − sudah; check which number is wrong.",
    ),
    "total_tidak_sesuai": (
        "baris jumlah '{label}' menulis {tertulis}, tetapi jumlah baris {dari_baris}–{sampai_baris} di atasnya "
        "{dihitung} (selisih {selisih}). Baris jumlah tidak diimpor; periksa baris yang hilang atau salah "
        "ketik.",
        "total row '{label}' says {tertulis:,}, but rows {dari_baris}–{sampai_baris} above it add up to "
        "{dihitung:,} (difference {selisih:,}). Total rows are not imported; look for a missing row or a typo.",
    ),
    "cakupan_tidak_sesuai": (
        "cakupan tertulis '{tertulis}', tetapi sudah rekam / wajib KTP = {dihitung}%. Aplikasi menghitung "
        "ulang dari angka; periksa apakah kolom-kolomnya tertukar.",
        "cakupan says '{tertulis}', but sudah rekam / wajib KTP = {dihitung:,}%. The application recomputes it "
        "from the counts; check whether columns are swapped.",
    ),
    "baris_tanpa_angka": (
        "baris '{teks}' tidak berisi angka, dibaca sebagai judul bagian dan tidak diimpor. Bila ini sebuah "
        "desa/kecamatan, isi angkanya.",
        "row '{teks}' has no numbers; it was read as a section heading and not imported. If it is a "
        "desa/kecamatan, fill in its numbers.",
    ),
    # what a file's content looks like (bukan_format)
    "isi_zip": ("arsip ZIP", "a ZIP archive"),
    "isi_xlsx": ("buku kerja Excel (.xlsx)", "an Excel workbook (.xlsx)"),
    "isi_docx": ("dokumen Word (.docx)", "a Word document (.docx)"),
    "isi_pptx": ("presentasi PowerPoint", "a PowerPoint presentation"),
    "isi_ods": ("lembar kerja OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "isi_ole": ("berkas Excel lama (.xls) atau buku kerja bersandi", "an old Excel file (.xls) or a password-protected workbook"),
    "isi_png": ("gambar PNG", "a PNG image"),
    "isi_jpeg": ("foto JPEG", "a JPEG photo"),
    "isi_gif": ("gambar GIF", "a GIF image"),
    "isi_pdf": ("dokumen PDF", "a PDF document"),
    "isi_gzip": ("arsip GZIP", "a GZIP archive"),
    "isi_rar": ("arsip RAR", "a RAR archive"),
    "isi_7z": ("arsip 7-Zip", "a 7-Zip archive"),
    "isi_rtf": ("dokumen RTF", "an RTF document"),
    "isi_html": ("halaman web (HTML)", "a web page (HTML)"),
    "isi_xml": ("berkas XML", "an XML file"),
    "isi_text": ("teks/CSV", "text/CSV"),
    "isi_binary": ("data biner yang tidak dikenal", "unknown binary data"),
    # --- points ---
    "titik_jenis_tidak_dikenal": (
        "Jenis titik '{jenis}' tidak dikenal. Pilih salah satu: {pilihan}.",
        "Unknown point kind '{jenis}'. Choose one of: {pilihan}.",
    ),
    "titik_kolom_hilang": (
        "Kolom '{kolom}' tidak ada. Berkas {jenis} perlu kolom: {wajib}.",
        "Column '{kolom}' is missing. A {jenis} file needs the columns: {wajib}.",
    ),
    "titik_koordinat_salah": (
        "Koordinat lat={lat}, lon={lon} tidak sah. Tulis derajat desimal, mis. lat -6,30 dan lon 106,70.",
        "Coordinates lat={lat}, lon={lon} are not valid. Write decimal degrees, e.g. lat -6.30 lon 106.70.",
    ),
    "titik_kode_salah": (
        "Kode wilayah '{kode}' tidak dikenali. Tulis kode Kemendagri, mis. 36.74.01.1001.",
        "Area code '{kode}' is not recognised. Write a Kemendagri code, e.g. 36.74.01.1001.",
    ),
    "lokasi_label": (
        "{nama}: {aktif} dari {total} alat aktif{rusak}",
        "{nama}: {aktif} of {total} devices working{rusak}",
    ),
    "lokasi_rusak_sejak": (", rusak sejak {tanggal}", ", broken since {tanggal}"),
    "sekolah_label": (
        "{nama} ({jenjang}): {akan_17} siswa akan 17 tahun dalam 6 bulan, {belum} belum rekam",
        "{nama} ({jenjang}): {akan_17} students turn 17 within 6 months, {belum} not recorded",
    ),
    # --- join ---
    "kode_bps": (
        "Kode '{kode}' adalah kode BPS, bukan kode Kemendagri, jadi tidak dipakai (nomor BPS berbeda dan bisa "
        "menunjuk wilayah lain). Tulis kode Kemendagri atau kosongkan kodenya agar dicocokkan lewat nama. Nama "
        "yang mirip dengan '{nama}': {kandidat}.",
        "Code '{kode}' is a BPS code, not a Kemendagri code, so it is not used (BPS numbers differ and may "
        "point to another area). Write the Kemendagri code or leave the code empty to match by name. Names "
        "like '{nama}': {kandidat}.",
    ),
    "kode_nama_beda": (
        "Kode {kode} adalah {nama_wilayah}, tetapi nama di berkas '{nama}' tidak cocok (kemiripan {skor}%). "
        "Mungkin kode BPS atau salah ketik; baris tidak dipakai. Wilayah lain yang terdekat: {kandidat}. "
        "Perbaiki kode atau nama, atau pilih wilayahnya di halaman Data.",
        "Code {kode} is {nama_wilayah}, but the file's name '{nama}' does not match it ({skor:,}% similar). "
        "Perhaps a BPS code or a typo; the row is not used. Closest other areas: {kandidat}. Fix the code or "
        "the name, or pick the area on the Data page.",
    ),
    "kode_nama_lemah": (
        "Kode {kode} ({nama_wilayah}) dipakai, tetapi nama di berkas '{nama}' hanya {skor}% mirip. Periksa "
        "apakah baris ini memang wilayah tersebut.",
        "Code {kode} ({nama_wilayah}) is used, but the file's name '{nama}' is only {skor:,}% similar. Check "
        "that this row really is that area.",
    ),
    "kode_belum_pasti": (
        "Kode '{kode}' bisa dibaca sebagai kode Kemendagri atau BPS dan baris ini tidak punya nama untuk "
        "memastikannya; dipakai sebagai {nama_wilayah} ({kode}). Tambahkan nama wilayah agar pasti.",
        "Code '{kode}' reads as a Kemendagri or a BPS code and this row has no name to tell which; used as "
        "{nama_wilayah} ({kode}). Add the area's name to be sure.",
    ),
    "kode_tidak_dikenal": (
        "Kode '{kode}' bukan kode {level} yang dikenal; baris dicocokkan lewat namanya bila ada.",
        "Code '{kode}' is not a known {level} code; the row is matched by its name when it has one.",
    ),
    "kode_di_luar_wilayah": (
        "Kode {kode} berada di luar wilayah yang dipilih ({wilayah}); baris tidak dipakai. Pilih wilayah yang "
        "benar atau hapus baris ini.",
        "Code {kode} lies outside the selected area ({wilayah}); the row is not used. Select the right area or "
        "remove this row.",
    ),
    "tanpa_kode_nama": (
        "Baris tanpa kode dan tanpa nama wilayah; tidak bisa dicocokkan. Isi kode atau nama.",
        "Row without an area code or name; it cannot be matched. Fill in the code or the name.",
    ),
    "nama_ganda": (
        "Nama '{nama}' dimiliki {jumlah} {level}: {kandidat}. Tambahkan kolom induk (mis. kecamatan) atau kode "
        "Kemendagri, atau pilih wilayahnya di halaman Data.",
        "The name '{nama}' belongs to {jumlah} {level} areas: {kandidat}. Add a parent column (e.g. kecamatan) "
        "or the Kemendagri code, or pick the area on the Data page.",
    ),
    "tidak_cocok": (
        "'{nama}' tidak ditemukan di antara {level} yang dikenal. Paling mirip: {kandidat}. Perbaiki nama atau "
        "pilih wilayahnya di halaman Data.",
        "'{nama}' was not found among the known {level} areas. Closest: {kandidat}. Fix the name or pick the "
        "area on the Data page.",
    ),
    "induk_tidak_dikenal": (
        "Induk '{nama_induk}' tidak dikenal; nama dicocokkan tanpa induk.",
        "Parent '{nama_induk}' is not known; the name is matched without it.",
    ),
    "wilayah_ganda": (
        "Baris {baris_semua} menunjuk wilayah yang sama, {nama} ({kode}). Satu wilayah hanya boleh satu baris: "
        "hapus atau perbaiki salah satunya.",
        "Rows {baris_semua} point to the same area, {nama} ({kode}). An area may have only one row: remove or "
        "fix one of them.",
    ),
    "manual_tidak_dikenal": (
        "Pilihan manual '{kode}' bukan {level} yang dikenal di wilayah ini; baris tidak dipakai.",
        "The manual choice '{kode}' is not a known {level} in this area; the row is not used.",
    ),
    "manual_tanpa_baris": (
        "Pilihan manual {kode} untuk baris {baris} diabaikan: baris itu tidak ada di berkas.",
        "The manual choice {kode} for row {baris} is ignored: the file has no such row.",
    ),
}
