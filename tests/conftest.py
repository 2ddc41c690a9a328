"""Shared test helpers. ``../shared`` (the evaluation corpora) is optional: tests that read it skip
cleanly when it is absent, as in a user's clone."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("NEWSNORM_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is not there."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not present (the shared corpora are not part of a clone)")
    return p


@pytest.fixture(scope="session")
def norm():
    """One Normalizer with the shipped rules for the whole test session."""
    from normalizer import Normalizer
    return Normalizer()
