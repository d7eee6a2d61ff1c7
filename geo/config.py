"""Settings: ``data/config.toml``, each value overridable by an environment variable.

Loaded once at the edge (``python -m geo`` per command, the dashboard per run) and passed
down; nothing below reads the file or the environment by itself. Also the defaults of the
analyses a person can change on a page or with an option.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.schema import DATA_DIR, ConfigError, ZoneConfig

CONFIG_PATH = DATA_DIR / "config.toml"

# Defaults of the analyses (a page or a command option may change them).
K_NEIGHBOURS = 6  # hot spots: nearest neighbours per area
PERMUTATIONS = 999  # hot spots: permutations of the significance test
SEED = 20261123  # hot spots: fixed so that a result can be reproduced
DEFAULT_THROUGHPUT = 35.0  # recordings per device per service day ("30–40 people a day")
DEFAULT_RATE_WINDOW_DAYS = 28  # days of recent data a rate is measured over

# Mobile-unit planner (geo.plan): travel, access and the value of a zone step. A page or a command
# option may change each one; geo.plan.travel.Travel holds them together.
PLAN_UNITS = 3  # mobile units when the inventory lists no working mobile set
PLAN_ROAD_FACTOR = 1.4  # road km per straight-line km (winding rural roads; no road network supplied)
PLAN_ROAD_KMH = 30.0  # a unit's car (and a resident's motorbike) on those roads
PLAN_BOAT_KMH = 15.0  # a chartered or public boat
PLAN_CROSSING_WAIT_H = 1.0  # waiting for the boat, loading and landing, per crossing
PLAN_DAY_H = 9.0  # a unit's working day, travel included (07:00–16:00)
PLAN_SERVICE_H = 5.0  # hours of recording for a full day's capacity
PLAN_STOP_H = 0.5  # setting up at a site and packing up again
PLAN_EASY_REACH_H = 0.25  # a desa this close (travel hours) to a working fixed site is within easy reach
PLAN_FAR_H = 1.0  # from this far on, a recording counts in full for access
PLAN_NEAR_WEIGHT = 0.1  # what a recording within easy reach counts (1 = in full)
PLAN_SCHOOL_WEIGHT = 0.5  # at least this for a school's recordings (first-time recorders, pemula)
PLAN_STEP_PER_1000 = 40.0  # value of one zone step of an area per 1,000 wajib KTP, in full recordings
PLAN_RED_FACTOR = 4.0  # leaving merah counts this many times a step into hijau (out of red first)
PLAN_MAX_STOPS = 3  # sites one unit may visit in one day
PLAN_MIN_STOP = 10  # a stop added on a day's route records at least this many people
PLAN_OBJECTIVES = ("menuju-hijau", "sulit-dijangkau", "terbanyak")  # what the office wants, default first


@dataclass(frozen=True)
class Settings:
    zones: ZoneConfig
    max_upload_mb: float = 50.0
    public_view: bool = True  # viewers see dashboards without logging in
    session_minutes: int = 60
    bcrypt_rounds: int = 12  # password hashing cost; tests lower it (each step down halves an attacker's work)
    source_name: str = "Dinas Kependudukan dan Pencatatan Sipil"
    target_pct: float | None = None  # the coverage the office works to; None: the hijau threshold
    deadline: str | None = None  # ISO date of the target; None: 31 December of the data's year
    stale_days: int = 14  # data older than this is announced as old on every page
    alert_no_recording_days: int = 7  # an area with no new recording for this long raises an alert
    alert_device_days: int = 7  # a device broken this long raises an alert
    alert_blank_days: int = 30  # blank cards running out within this many days raise an alert
    smtp_host: str | None = None  # e-mail for alert digests ([surel]); None: no e-mail
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = None  # from REKAM_SMTP_PASSWORD only, never the file
    smtp_starttls: bool = True
    mail_from: str | None = None
    mail_to: tuple[str, ...] = ()

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def target(self) -> float:
        return float(self.target_pct) if self.target_pct is not None else float(self.zones.hijau)

    def deadline_for(self, data_date: str | None) -> str:
        """The deadline: the configured one, else 31 December of the data's year (of today's)."""
        if self.deadline:
            return self.deadline
        year = int(str(data_date)[:4]) if data_date else date.today().year
        return f"{year}-12-31"


DEFAULTS = Settings(zones=ZoneConfig())  # the documented defaults, read from no file


def _env_float(name: str) -> float | None:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return None
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        raise ConfigError("env_bukan_angka", nama=name, nilai=raw) from None


def _bcrypt_rounds(raw: str | None) -> int:
    """bcrypt cost from REKAM_BCRYPT_ROUNDS, clamped to bcrypt's 4–31; 12 when unset or not a number."""
    try:
        return min(max(int(raw), 4), 31) if raw else 12
    except ValueError:
        return 12


def _first(*values):
    return next(v for v in values if v is not None)


def load_settings(path: Path | None = None) -> Settings:
    """Settings from ``data/config.toml``, each overridable by an environment variable.

    Precedence: environment (``REKAM_HIJAU``, ``REKAM_KUNING``, ``REKAM_MAX_UPLOAD_MB``,
    ``REKAM_PUBLIC_VIEW``) > config file > defaults. Raises ConfigError on bad values.
    ``REKAM_BCRYPT_ROUNDS`` (environment only) sets the password hashing cost: clamped to
    4–31, 12 when unset or not a number.
    """
    path = path or Path(os.environ.get("REKAM_CONFIG", CONFIG_PATH))
    conf: dict = {}
    if path.exists():
        try:
            conf = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("config_rusak", path=str(path), detail=str(exc)) from None
    zona = conf.get("zona", {})
    hijau = _first(_env_float("REKAM_HIJAU"), zona.get("hijau"), 92.0)
    kuning = _first(_env_float("REKAM_KUNING"), zona.get("kuning"), 85.0)
    upload = conf.get("unggah", {})
    target = conf.get("target", {})
    akses = conf.get("akses", {})
    public_env = os.environ.get("REKAM_PUBLIC_VIEW")
    public = (public_env.lower() in ("1", "true", "ya", "yes")) if public_env else akses.get("publik", True)
    return Settings(
        zones=ZoneConfig(hijau=float(hijau), kuning=float(kuning)),
        max_upload_mb=float(_first(_env_float("REKAM_MAX_UPLOAD_MB"), upload.get("maks_mb"), 50)),
        public_view=bool(public),
        session_minutes=int(akses.get("sesi_menit", 60)),
        bcrypt_rounds=_bcrypt_rounds(os.environ.get("REKAM_BCRYPT_ROUNDS")),
        source_name=conf.get("sumber", {}).get("nama", Settings.source_name),
        target_pct=_float_or_none(target.get("persen"), "target.persen"),
        deadline=_deadline(target.get("tenggat")),
        stale_days=int(conf.get("data", {}).get("basi_hari", Settings.stale_days)),
        **_alert_settings(conf.get("peringatan", {}), conf.get("surel", {})),
    )


def _alert_settings(alerts: dict, mail: dict) -> dict:
    """[peringatan] thresholds and [surel] SMTP settings; the password only from the environment."""
    to = mail.get("kepada", ())
    return {
        "alert_no_recording_days": int(alerts.get("tanpa_rekam_hari", Settings.alert_no_recording_days)),
        "alert_device_days": int(alerts.get("alat_rusak_hari", Settings.alert_device_days)),
        "alert_blank_days": int(alerts.get("blangko_hari", Settings.alert_blank_days)),
        "smtp_host": os.environ.get("REKAM_SMTP_HOST") or mail.get("host"),
        "smtp_port": int(os.environ.get("REKAM_SMTP_PORT") or mail.get("port", Settings.smtp_port)),
        "smtp_user": mail.get("pengguna"),
        "smtp_password": os.environ.get("REKAM_SMTP_PASSWORD"),
        "smtp_starttls": bool(mail.get("starttls", True)),
        "mail_from": mail.get("dari"),
        "mail_to": tuple([to] if isinstance(to, str) else to),
    }


def _float_or_none(value, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        raise ConfigError("config_nilai_salah", nama=name, nilai=value) from None


def _deadline(value) -> str | None:
    """``tenggat`` as ISO text (TOML dates and text both accepted); ConfigError for a bad one."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ConfigError("config_nilai_salah", nama="target.tenggat", nilai=value) from None
