"""Every table of the store, in one MetaData, created together when a store is opened.

Imports add *versions* (one row in ``versions``) and their rows (tagged ``version_id``);
rows are never updated in place, so the current state of a key is its row of the newest
active version (``Store.read_current``). Accounts, saved plans and map shapes are plain
tables. The same definitions serve SQLite and PostgreSQL/PostGIS.
"""
from __future__ import annotations

from sqlalchemy import (DDL, BigInteger, Boolean, Column, Float, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, event, func)
from sqlalchemy.types import UserDefinedType

from geo.columns import (ACTUAL, ALAT_ID, DAY, DIPAKAI, DITERIMA, EXPECTED, JENIS, KETERANGAN, KONEKSI, LOKASI_ID,
                         MULAI, OPERATOR, SELESAI, STATUS, TANGGAL_MULAI, UNIT)
from geo.schema import COUNT_COLUMNS, Col


class _PostGISGeometry(UserDefinedType):
    """A PostGIS geometry column that travels as WKB bytes, so both backends bind alike."""

    cache_ok = True

    def get_col_spec(self, **kw):
        return "geometry(Geometry,4326)"

    def bind_expression(self, bindvalue):
        return func.ST_GeomFromWKB(bindvalue, 4326)

    def column_expression(self, col):
        return func.ST_AsBinary(col, type_=LargeBinary)


GEOMETRY = LargeBinary().with_variant(_PostGISGeometry(), "postgresql")  # WKB on SQLite, PostGIS on PostgreSQL

METADATA = MetaData()

# --- versions and what they hold -----------------------------------------------------------
versions_table = Table(
    "versions", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),  # boundaries | enrollment | points:lokasi | …
    Column("created_at", String(32), nullable=False),
    Column("user", String(100), nullable=False),
    Column("file_name", String(255)),
    Column("file_hash", String(64), index=True),
    Column("row_count", Integer, nullable=False),
    Column(Col.TANGGAL, String(10)),
    Column("report", Text),  # JSON
    Column("active", Boolean, nullable=False, default=True),
    Column("rolled_back_at", String(32)),
    Column("rolled_back_by", String(100)),
)
areas_table = Table(
    "areas", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(Col.KODE, String(20), primary_key=True),
    Column(Col.NAMA, String(200), nullable=False),
    Column(Col.LEVEL, String(12), nullable=False),
    Column(Col.KODE_INDUK, String(20)),
    Column(Col.TIPE, String(12)),
    Column("geom", GEOMETRY),
)
# The current row of a code in one look-up (``geo.store.current``). Added after stores existed:
# ``Store.open`` creates it in a store that lacks it, as it adds new columns.
AREAS_KODE = Index("areas_kode", areas_table.c[Col.KODE], areas_table.c.version_id)
LATER_INDEXES = (AREAS_KODE,)
# PostGIS's spatial index, as plain DDL: an ``Index`` with ``postgresql_using`` would import
# SQLAlchemy's PostgreSQL dialect in every process, SQLite ones too (≈ 0.08 s per CLI command).
event.listen(areas_table, "after_create", DDL("CREATE INDEX IF NOT EXISTS areas_geom_gist ON areas USING gist (geom)")
             .execute_if(dialect="postgresql"))
enrollment_table = Table(
    "enrollment", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(Col.KODE, String(20), primary_key=True),
    Column(Col.TANGGAL, String(10), primary_key=True),
    *[Column(c, BigInteger) for c in COUNT_COLUMNS],
    Index("enrollment_kode_tanggal", Col.KODE, Col.TANGGAL),
)
points_table = Table(
    "points", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column("kind", String(20), primary_key=True),  # lokasi (recording sites) | sekolah (schools)
    Column("id", String(40), primary_key=True),
    Column(Col.NAMA, String(200), nullable=False),
    Column(Col.KODE, String(20), nullable=False),  # the area the point lies in
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("atribut", Text),  # JSON: the file's other columns
    Index("points_kind_kode", "kind", Col.KODE),
)
# Recording devices and the sites they stand at, each row valid from TANGGAL_MULAI on.
alat_table = Table(
    "inventaris_alat", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(ALAT_ID, String(60), primary_key=True),
    Column(TANGGAL_MULAI, String(10), primary_key=True),
    Column(LOKASI_ID, String(40), nullable=False),
    Column(JENIS, String(10)),  # None: as on the device's previous row
    Column(STATUS, String(10), nullable=False),
    Column(KETERANGAN, Text),
    Index("inventaris_alat_lokasi", LOKASI_ID),
)
lokasi_table = Table(
    "inventaris_lokasi", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(LOKASI_ID, String(40), primary_key=True),
    Column(TANGGAL_MULAI, String(10), primary_key=True),
    Column(OPERATOR, Integer),  # None: as on the site's previous row
    Column(KONEKSI, String(12)),
    Column(KETERANGAN, Text),
)
blangko_table = Table(
    "blangko", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(Col.KODE, String(20), primary_key=True),
    Column(Col.TANGGAL, String(10), primary_key=True),
    Column(DITERIMA, BigInteger),
    Column(DIPAKAI, BigInteger),
    Column(KETERANGAN, Text),
)
events_table = Table(
    "events", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column("id", Integer, primary_key=True),  # row number within its version: 1, 2, …
    Column(Col.KODE, String(20), nullable=False),
    Column(JENIS, String(30), nullable=False),
    Column(MULAI, String(10), nullable=False),
    Column(SELESAI, String(10)),  # NULL: still going on
    Column(KETERANGAN, Text),
    Index("events_kode_mulai", Col.KODE, MULAI),
)

# --- plain tables ---------------------------------------------------------------------------
users_table = Table(
    "users", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(32), nullable=False, unique=True),
    Column("email", String(254), unique=True),  # for SSO; optional
    Column("password_hash", String(60), nullable=False),
    Column("role", String(10), nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_count", Integer, nullable=False, default=0),
    Column("locked_until", String(32)),
    Column("wilayah", String(20)),  # the area an editor may change (dotted code); NULL: everywhere
)
audit_table = Table(
    "audit", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("time", String(32), nullable=False),
    Column("username", String(64), nullable=False),  # who acted (or tried to log in)
    Column("action", String(32), nullable=False),
    Column("detail", Text),  # JSON
)
plans_table = Table(
    "plans", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("within", String(20)),
    Column("data_date", String(10)),
    Column("created_at", String(32), nullable=False),
    Column("user", String(100), nullable=False),
    Column("params", Text, nullable=False),  # JSON
    Column("base", Text),  # JSON
    Column("sites", Text, nullable=False),  # JSON records (plan.SITE_COLUMNS)
    Column("total", Integer, nullable=False),
    Column("objective", Float, nullable=False),
    Column("turned_green", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("gap", Float),
    Column("greedy_total", Integer, nullable=False),
    Column("greedy_objective", Float, nullable=False),
    Column("solve_seconds", Float, nullable=False),
)
visits_table = Table(
    "plan_visits", METADATA,
    Column("plan_id", Integer, primary_key=True),
    Column(UNIT, Integer, primary_key=True),
    Column(DAY, Integer, primary_key=True),
    Column(Col.TANGGAL, String(10), nullable=False),
    Column(Col.KODE, String(40), nullable=False),
    Column(EXPECTED, Integer, nullable=False),
)
actuals_table = Table(
    "plan_actuals", METADATA,
    Column("plan_id", Integer, primary_key=True),
    Column(UNIT, Integer, primary_key=True),
    Column(DAY, Integer, primary_key=True),
    Column(ACTUAL, Integer, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("user", String(100), nullable=False),
)
# Simplified map geometry per view, prepared at import (geo.shapes), keyed by a digest.
map_shapes_table = Table(
    "map_shapes", METADATA,
    Column("key", String(64), primary_key=True),
    Column(Col.LEVEL, String(12), nullable=False),
    Column("n", Integer, nullable=False),
    Column("codes", Text, nullable=False),  # JSON list, aligned with the geometry blob
    Column("geometry", LargeBinary, nullable=False),  # length-prefixed WKB, one per code
)

# --- targets and alerts -----------------------------------------------------------------------
# Targets per area and period, versioned like every import (bulan 0: the whole year).
targets_table = Table(
    "targets", METADATA,
    Column("version_id", Integer, primary_key=True),
    Column(Col.KODE, String(20), primary_key=True),
    Column("tahun", Integer, primary_key=True),
    Column("bulan", Integer, primary_key=True),
    Column("target_persen", Float),  # coverage to reach by the period's end (percent)
    Column("target_rekam", BigInteger),  # or recordings (sudah rekam) to reach by then
    Column(KETERANGAN, Text),
)
# Alert digests as sent (who, when, to whom, what) and which alert went out in which digest.
digests_table = Table(
    "digests", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(32), nullable=False),
    Column("user", String(100), nullable=False),
    Column("within", String(20), nullable=False),
    Column("channel", String(20), nullable=False),  # cli (printed) | email
    Column("recipients", Text),
    Column("n_alerts", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
alerts_sent_table = Table(
    "alerts_sent", METADATA,
    Column("key", String(200), primary_key=True),  # kind|kode|subject: one alert, across digests
    Column("fingerprint", String(64), nullable=False),  # what it said; a change sends it again
    Column("digest_id", Integer, nullable=False),
    Column("sent_at", String(32), nullable=False),
)
