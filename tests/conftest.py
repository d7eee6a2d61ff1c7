"""Shared test fixtures: paths to the real public files beside the checkout."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_REAL = ROOT.parent / "shared" / "real"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """``../shared/real``; tests that need it are skipped, with the reason, when it is absent."""
    if not SHARED_REAL.is_dir():
        pytest.skip(f"real public files not found at {SHARED_REAL} (they live in ../shared/real beside the checkout)")
    return SHARED_REAL
