"""What every page needs to know (read once per run by ``ui.state.context``) and its messages."""
from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from geo.config import Settings
from geo.ingest.rights import may_write
from geo.schema import Level, RekamError, ancestor_code, is_country, is_demo_code
from geo.text import describe, tr
from ui import queries


@dataclass(frozen=True)
class Context:
    """Where the data is, which area, which date, which language, and the settings of this run.

    ``settings`` are loaded once at the edge (``ui.state.context``) and travel with the
    context; cached queries take only their small values (e.g. ``settings.zones``).
    """

    url: str
    stamp: tuple[int, int]  # the store's version stamp: changes whenever data changes
    area: str | None  # kabupaten/kota code, a provinsi code (queries.province_list) or COUNTRY
    date: str | None  # ISO date, None = latest
    lang: str
    settings: Settings

    def t(self, key: str, **params) -> str:
        return tr(key, self.lang, **params)

    @property
    def is_province(self) -> bool:
        """True when a provinsi is picked: pages show its kabupaten/kota as the child level."""
        return bool(self.area) and not is_country(self.area) and Level.of_code(self.area) == Level.PROVINSI

    @property
    def is_country(self) -> bool:
        """True when the whole country is picked: pages show its provinsi and kabupaten/kota."""
        return is_country(self.area)

    @property
    def is_demo(self) -> bool:
        return bool(self.area) and is_demo_code(self.area)


def home_area(wilayah: str | None, current: str | None, offered: list[str]) -> str | None:
    """The area (of the pickers' ``offered`` codes) a user limited to ``wilayah`` opens on after
    logging in: ``current`` when it lies inside ``wilayah``; else ``wilayah`` itself when offered (a
    provinsi officer: the provinsi), else its kabupaten/kota (a kecamatan editor: its kabupaten), else
    the first offered area inside it; ``current`` when none is offered (an area the store lacks yet)."""
    if not wilayah or (current and may_write(wilayah, current)):
        return current
    own = ancestor_code(wilayah, Level.KABUPATEN)  # a provinsi or kabupaten/kota stays itself
    return own if own in offered else next((k for k in offered if may_write(own, k)), current)


def area_name(ctx: Context) -> str:
    """The picked area's name as the pickers give it ("Seluruh Indonesia" in ``ctx.lang`` for the
    country; its code when the pickers do not offer it)."""
    if ctx.is_country:
        return ctx.t("seluruh_indonesia")
    return dict(queries.area_list(ctx.url, ctx.stamp)).get(ctx.area, ctx.area)


def fail(ctx: Context, err: RekamError) -> None:
    """A typed error from geo/ as people read it (never a traceback)."""
    st.error(describe(err, ctx.lang))


# How long a confirmation stays once first shown: a run can be cut short by the next (a map reporting
# its view, a grid sending its edits) before the browser has drawn it, and the message must not be
# lost with it; a page's run can take seconds on a busy machine.
FLASH_SECONDS = 5.0
_now = time.monotonic  # the clock of flash messages (a test sets its own)


def flash(text: str) -> None:
    """A message for the runs that follow (``st.rerun``), shown by ``show_flash``."""
    st.session_state["flash"] = (text, None)


def show_flash() -> None:
    """The confirmation set by ``flash``: a toast the first time, and a success box in every run
    within FLASH_SECONDS of that first showing (then it is dropped)."""
    entry = st.session_state.get("flash")
    if not entry:
        return
    text, shown = entry
    now = _now()
    if shown is None:
        st.session_state["flash"] = (text, now)
        st.toast(text, icon=":material/check_circle:")
    elif now - shown > FLASH_SECONDS:
        del st.session_state["flash"]
        return
    st.success(text)


def zone_word(ctx: Context, zona: str | None) -> str:
    return ctx.t(f"zona_{zona or 'none'}")


def zone_badge(ctx: Context, zona: str | None) -> str:
    """A coloured badge that always carries the zone's word (readable without colour)."""
    from geo.schema import NO_DATA_COLOUR, ZONE_COLOURS, Zone

    colour = ZONE_COLOURS[Zone(zona)] if zona else NO_DATA_COLOUR
    ink = "#222" if zona == "kuning" else "#fff"
    return (f'<span style="background:{colour};color:{ink};padding:2px 10px;border-radius:10px;'
            f'font-weight:600">{zone_word(ctx, zona)}</span>')


KEPT = "_kept_"  # the prefix of the copies ``carry_widgets`` keeps


def carry_widgets(*keys: str) -> None:
    """Keep the values of a page's widgets (``keys``) across a visit to another page: Streamlit drops a
    widget's value after a run that does not draw it. Called before the widgets are drawn: a value
    dropped is put back from its copy, a value present (the reader's latest) is copied. Not for buttons
    or data editors, whose values cannot be set."""
    for key in keys:
        if key in st.session_state:
            st.session_state[KEPT + key] = st.session_state[key]
        elif KEPT + key in st.session_state:
            st.session_state[key] = st.session_state[KEPT + key]
