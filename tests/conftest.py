"""Shared test helpers. ``../shared`` (the evaluation corpora) is optional: tests that read it skip
cleanly when it is absent, as in a user's clone."""
from __future__ import annotations

import os
from functools import lru_cache
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


@lru_cache(maxsize=2)
def corpus_lines(strip: bool = False) -> tuple[str, ...]:
    """Every distinct line of the fixtures, and of the shared seeds and corpora when present (sorted;
    ``strip``: without surrounding white space, blank lines dropped). The speed shortcuts are checked
    against their slow paths on these."""
    files = list(FIXTURES.rglob("*.txt"))
    if SHARED.exists():
        files += list((SHARED / "seeds").glob("*.txt")) + list((SHARED / "corpus").rglob("*.txt"))
    out: set[str] = set()
    for f in files:
        lines = f.read_bytes().decode("utf-8", "replace").splitlines()
        out.update(x.strip() for x in lines) if strip else out.update(lines)
    if strip:
        out.discard("")
    return tuple(sorted(out))


@pytest.fixture(scope="session")
def norm():
    """One Normalizer with the shipped rules for the whole test session."""
    from normalizer import Normalizer
    return Normalizer()


@pytest.fixture(scope="session")
def rules(norm):
    """The shipped rules, compiled once for the session."""
    return norm.rules


class RulesDoc:
    """The least a stage helper reads of a document: its rules."""

    def __init__(self, rules) -> None:
        self.rules = rules


def slow_language_of(text: str, doc_lang: str | None) -> str:
    """``boilerplate.language_of`` before its shortcuts, from the full script counts: the oracle the fast
    paths are compared with."""
    from normalizer import language
    c = language.script_counts(text)
    if c["kana"]:
        return "ja"
    if c["hangul"]:
        return "ko"
    if c["han"] and c["han"] >= c["latin"] / 4:
        return "zh"
    if c["cyrillic"] > c["latin"]:
        return doc_lang if doc_lang in ("ru", "uk", "bg", "sr", "mk", "be") else "ru"
    if doc_lang and not doc_lang.startswith(("zh", "ja", "ko", "ru", "uk")):
        return doc_lang
    return "en"
