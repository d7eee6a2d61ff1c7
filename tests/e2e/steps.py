"""Steps the browser tests take as people do: wait for a script run to finish, log in from the
sidebar, type a date into Streamlit's segmented date field."""
from __future__ import annotations

import pytest

expect = pytest.importorskip("playwright.sync_api").expect


def settled(page) -> None:
    """Wait until the script run has finished, and any run a component's answer starts right after."""
    for _ in range(2):
        expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
        page.wait_for_timeout(400)


def log_in(page, name: str, password: str, role: str) -> None:
    """Log in from the sidebar and wait until it says who is logged in, as which ``role``."""
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_label("Nama pengguna").fill(name)
    sidebar.get_by_label("Kata sandi").fill(password)
    sidebar.get_by_role("button", name="Masuk").click()
    expect(sidebar.get_by_text(f"Masuk sebagai {name} ({role})")).to_be_visible(timeout=60_000)


def set_date(page, label: str, iso: str) -> None:
    """Type a date into Streamlit's segmented date field (DD/MM/YYYY), then leave the field."""
    year, month, day = iso.split("-")
    page.get_by_role("spinbutton", name=f"day, {label}").click()
    page.keyboard.type(f"{day}{month}{year}")
    page.keyboard.press("Escape")  # close the calendar that typing opened; the typed date stays
    expect(page.get_by_role("spinbutton", name=f"year, {label}")).to_have_attribute("aria-valuenow", str(int(year)))
