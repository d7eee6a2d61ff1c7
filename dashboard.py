"""Peta Rekam e-KTP — entry: page config, the shared pickers (language, area, date) and navigation."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

import ui
from geo.schema import DATA_DIR

st.set_page_config(page_title="Peta Rekam e-KTP", page_icon=str(DATA_DIR / "ikon.png"), layout="wide")
HERE = Path(__file__).resolve().parent / "pages"
# (file under pages/, title key, icon): a page shows in the menu once its file exists.
PAGES = [
    ("beranda.py", "nav_beranda", ":material/home:"),
    ("peta.py", "nav_peta", ":material/map:"),
    ("tren.py", "nav_tren", ":material/trending_up:"),
    ("kantong.py", "nav_kantong", ":material/location_searching:"),
    ("rencana.py", "nav_rencana", ":material/airport_shuttle:"),
    ("kapasitas.py", "nav_kapasitas", ":material/fingerprint:"),
    ("data.py", "nav_data", ":material/database:"),
]
HOME = "beranda"


def to_home() -> None:
    """``/beranda``: on to the home page at "/", the link's parameters kept."""
    st.switch_page(pages[0], query_params=st.query_params.to_dict())


ctx = ui.context()
ui.sidebar(ctx)
ui.page_style()
ui.screenshot_mode(ctx)
# Streamlit serves its default page at "/" only; the home page reserves the name "awal" so that
# "/beranda" can be a hidden page that sends a deep link on to "/".
pages = [st.Page(str(HERE / name), title=ctx.t(key), icon=icon, default=name == f"{HOME}.py",
                 url_path="awal" if name == f"{HOME}.py" else name.removesuffix(".py"))
         for name, key, icon in PAGES if (HERE / name).exists()]
pages.append(st.Page(to_home, title=ctx.t("nav_beranda"), url_path=HOME, visibility="hidden"))
st.navigation(pages, position="hidden" if st.session_state.get("screenshot") else "sidebar").run()
ui.screenshot_exit(ctx)
