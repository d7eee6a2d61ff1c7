"""Where a writer may write: an editor's area (``users.wilayah``), the one rule, and the refusal
every import and every rollback shares.

A province runs one store for many offices; each office's editors change only their own
kabupaten (or kecamatan, or province). An area is a dotted Kemendagri code; a writer's area
of None means everywhere (admins, the CLI, editors without an area). A row belongs to an
area when its code is that area's or lies below it; an area above the writer's (the
province of a kabupaten editor) is outside. A refused import or rollback writes nothing.
"""
from __future__ import annotations

from sqlalchemy import select

from geo.codes import official_name
from geo.columns import LOKASI_ID
from geo.names import normalize_code
from geo.schema import Col, RekamError
from geo.store import Store
from geo.store.tables import METADATA

SHOWN_CODES = 5  # codes named in a refusal; the rest are counted


class OutsideArea(RekamError):
    """Refused: the writer's area does not hold every area the write touches (nothing written)."""


def clean_area(value) -> str | None:
    """A writer's area as stored: a dotted Kemendagri code, or None (blank: everywhere).

    Accepts the code however written (``3601``, ``36.01``). Raises RekamError
    'wilayah_tidak_sah' for anything that is not a Kemendagri code.
    """
    if value is None or not str(value).strip():
        return None
    code = normalize_code(str(value).strip())
    if code is None:
        raise RekamError("wilayah_tidak_sah", wilayah=str(value)[:40])
    return code


def may_write(writer_area: str | None, kode: str | None) -> bool:
    """Whether a writer limited to ``writer_area`` (None: everywhere) may write rows of area ``kode``.

    True for the area itself and every area below it (``36.01`` holds ``36.01.05.2001``); False
    for areas beside or above it, and for a row without a code when the writer is limited.
    """
    if writer_area is None:
        return True
    if not kode:
        return False
    kode = str(kode)
    return kode == writer_area or kode.startswith(writer_area + ".")


def area_label(store: Store, kode: str) -> str:
    """``Nama (kode)`` from the stored areas, else the official table; the bare code when neither names it."""
    stored = store.areas(within=kode)
    named = stored.loc[stored[Col.KODE] == kode, Col.NAMA]
    name = named.iloc[0] if len(named) else official_name(kode)
    return f"{name} ({kode})" if name else kode


def _outside(writer_area: str | None, codes) -> list[str]:
    """The codes (a dash for a missing one) a writer limited to ``writer_area`` may not write, sorted."""
    if writer_area is None:  # may write everywhere: no code to look at (a national file has 84,000)
        return []
    return sorted({str(k) if k else "—" for k in codes if not may_write(writer_area, k)})


def _listed(codes: list[str]) -> str:
    shown = ", ".join(codes[:SHOWN_CODES])
    return shown + (f" … (+{len(codes) - SHOWN_CODES})" if len(codes) > SHOWN_CODES else "")


def refuse_outside(store: Store, writer_area: str | None, codes) -> None:
    """Raise OutsideArea 'di_luar_wilayah_pengguna' (the writer's area, how many areas are
    outside it and the first of them) unless every code of ``codes`` may be written."""
    outside = _outside(writer_area, codes)
    if outside:
        raise OutsideArea("di_luar_wilayah_pengguna", wilayah=area_label(store, writer_area), jumlah=len(outside),
                          kode=_listed(outside))


def site_areas(store: Store, site_ids) -> list[str | None]:
    """The area code of each recording site (``points`` of kind lokasi) in ``site_ids``; None when unknown."""
    sites = store.points("lokasi")
    codes = dict(zip(sites["id"].astype(str), sites[Col.KODE]))
    return [codes.get(str(s)) for s in site_ids]


def version_codes(store: Store, version_id: int) -> set[str | None]:
    """Every area code the rows of ``version_id`` name, in every versioned table (rows keyed by a
    recording site count under the site's area; None for a site the store does not know)."""
    codes: set[str | None] = set()
    with store.engine.connect() as conn:
        for table in METADATA.sorted_tables:
            if "version_id" not in table.c:
                continue
            for column, by_site in ((Col.KODE, False), (LOKASI_ID, True)):
                if column in table.c:
                    found = conn.execute(select(table.c[column]).distinct()
                                         .where(table.c.version_id == version_id)).scalars().all()
                    codes.update(site_areas(store, found) if by_site else found)
                    break
    return codes


def _derived(store: Store, version_id: int) -> set[str]:
    """The provinsi outlines ``version_id`` dissolved from its kabupaten/kota (its report's
    ``provinsi_digabung``): they go with the kabupaten/kota a writer may roll back."""
    history = store.history()
    report = history.loc[history["id"] == version_id, "report"]
    return set(report.iloc[0].get("provinsi_digabung", ())) if len(report) else set()


def rollback(store: Store, version_id: int, *, user: str = "cli", writer_area: str | None = None) -> dict:
    """Roll ``version_id`` back (``Store.rollback``) when the writer may write every area it holds.

    Raises OutsideArea 'versi_di_luar_wilayah' (nothing changed) when a row of the version lies
    outside ``writer_area``, and what ``Store.rollback`` raises. Rows of a version never change,
    so checking them before the rollback's own transaction is safe.
    """
    if writer_area is not None:  # a version that does not exist names no area: Store.rollback says so
        outside = _outside(writer_area, version_codes(store, version_id) - _derived(store, version_id))
        if outside:
            raise OutsideArea("versi_di_luar_wilayah", versi=version_id, wilayah=area_label(store, writer_area),
                              jumlah=len(outside), kode=_listed(outside))
    return store.rollback(version_id, user=user)
