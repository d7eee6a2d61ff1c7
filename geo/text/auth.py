"""Accounts, roles, login and sessions.

Each entry: key → (Bahasa Indonesia, English). Placeholders in braces are filled by ``tr``."""

TEXTS = {
    # --- auth ---
    "nama_pengguna_tidak_sah": (
        "Nama pengguna '{nama}' tidak sah: gunakan 3–32 huruf kecil, angka, titik, garis bawah atau tanda "
        "hubung.",
        "Username '{nama}' is not valid: use 3–32 lowercase letters, digits, dots, underscores or hyphens.",
    ),
    "email_tidak_sah": ("Alamat surel '{email}' tidak sah.", "Email address '{email}' is not valid."),
    "sandi_terlalu_pendek": (
        "Kata sandi terlalu pendek: minimal {minimal} karakter.",
        "Password too short: at least {minimal} characters.",
    ),
    "sandi_terlalu_panjang": (
        "Kata sandi terlalu panjang: maksimal {maksimal} bita (huruf beraksen dihitung 2–4 bita). Pakai yang "
        "lebih pendek.",
        "Password too long: at most {maksimal} bytes (accented letters count 2–4 bytes). Use a shorter one.",
    ),
    "sandi_sama_dengan_nama": (
        "Kata sandi tidak boleh sama dengan nama pengguna.",
        "The password must not be the username.",
    ),
    "sandi_tidak_cocok": (
        "Kedua kata sandi yang diketik tidak sama. Tidak ada yang diubah; ulangi.",
        "The two passwords typed differ. Nothing was changed; try again.",
    ),
    "sandi_perlu_tty": (
        "Tidak bisa menanyakan kata sandi tanpa terminal. Kirim lewat masukan standar dengan --password-stdin.",
        "Cannot prompt for a password without a terminal. Pipe it in with --password-stdin.",
    ),
    "peran_tidak_dikenal": (
        "Peran '{peran}' tidak dikenal. Pilih salah satu: viewer, editor, admin.",
        "Unknown role '{peran}'. Choose one of: viewer, editor, admin.",
    ),
    "pengguna_sudah_ada": (
        "Pengguna '{nama}' sudah ada. Ubah sandinya dengan: python -m geo user passwd {nama}",
        "User '{nama}' already exists. Change the password with: python -m geo user passwd {nama}",
    ),
    "pengguna_tidak_ada": (
        "Pengguna '{nama}' tidak ada. Lihat daftar dengan: python -m geo user list",
        "User '{nama}' does not exist. List users with: python -m geo user list",
    ),
    "admin_terakhir": (
        "'{nama}' adalah admin aktif terakhir; tambahkan admin lain dulu agar pengelolaan pengguna tetap bisa.",
        "'{nama}' is the last active admin; add another admin first so users can still be managed.",
    ),
    "login_gagal": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "login_dikunci": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {detik} detik.",
        "Too many failed attempts. Try again in {detik} seconds.",
    ),
    "perlu_login": (
        "Silakan masuk (login) dulu; sesi Anda belum ada atau sudah berakhir.",
        "Please log in; you have no session or it has expired.",
    ),
    "perlu_peran": (
        "Tindakan ini memerlukan peran {peran}; peran Anda {peran_sesi}.",
        "This action needs the {peran} role; your role is {peran_sesi}.",
    ),
    "pengguna_ditambah": (
        "Pengguna '{nama}' ditambahkan dengan peran {peran}.",
        "User '{nama}' added with role {peran}.",
    ),
    "sandi_diubah": ("Kata sandi '{nama}' diubah.", "Password of '{nama}' changed."),
    "peran_diubah": ("Peran '{nama}' sekarang {peran}.", "'{nama}' now has role {peran}."),
    "pengguna_dinonaktifkan": ("Pengguna '{nama}' dinonaktifkan.", "User '{nama}' deactivated."),
    "sandi_prompt": ("Kata sandi untuk {nama}: ", "Password for {nama}: "),
    "sandi_prompt_ulang": ("Ketik ulang kata sandi: ", "Type the password again: "),
    # --- an editor's area (users.wilayah) ---
    "wilayah_tidak_sah": (
        "Wilayah '{wilayah}' bukan kode Kemendagri (contoh: 36 untuk provinsi, 36.01 untuk kabupaten/kota, "
        "36.01.05 untuk kecamatan).",
        "Area '{wilayah}' is not a Kemendagri code (e.g. 36 for a province, 36.01 for a kabupaten/kota, 36.01.05 "
        "for a kecamatan).",
    ),
    "di_luar_wilayah_pengguna": (
        "Ditolak: Anda hanya boleh mengubah data wilayah {wilayah}, tetapi {jumlah} wilayah yang akan ditulis "
        "berada di luar wilayah itu ({kode}). Tidak ada yang disimpan. Hapus baris wilayah lain, atau minta kantor "
        "wilayah itu mengimpornya.",
        "Refused: you may only change data of {wilayah}, but {jumlah} {jumlah|area|areas} to be written "
        "{jumlah|lies|lie} outside it ({kode}). Nothing was stored. Remove the rows of other areas, or ask that area's office to "
        "import them.",
    ),
    "versi_di_luar_wilayah": (
        "Ditolak: versi {versi} berisi data {jumlah} wilayah di luar wilayah Anda {wilayah} ({kode}). Versi tidak "
        "dibatalkan; minta admin atau kantor wilayah itu membatalkannya.",
        "Refused: version {versi} holds data of {jumlah} {jumlah|area|areas} outside your area {wilayah} ({kode}). "
        "The version was not rolled back; ask an admin or that area's office to roll it back.",
    ),
    "pengguna_ditambah_wilayah": (
        "Pengguna '{nama}' ditambahkan dengan peran {peran}, terbatas pada wilayah {wilayah}.",
        "User '{nama}' added with role {peran}, limited to area {wilayah}.",
    ),
    "wilayah_diubah": ("Wilayah '{nama}' sekarang {wilayah}.", "'{nama}' is now limited to area {wilayah}."),
    "wilayah_semua": ("semua wilayah", "every area"),
    "wilayah_pengguna": ("Wilayah (kosong = semua)", "Area (empty = every area)"),
    "wilayah_pengguna_bantuan": (
        "Kode Kemendagri wilayah yang boleh diubah pengguna ini, mis. 36.01 untuk satu kabupaten/kota.",
        "Kemendagri code of the area this user may change, e.g. 36.01 for one kabupaten/kota.",
    ),
    "wilayah_anda": ("Wilayah Anda: {wilayah}", "Your area: {wilayah}"),
}
