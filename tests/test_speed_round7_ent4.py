"""Round 7 entity shortcuts: the credit-line scan finds what the full regex scan finds."""
from __future__ import annotations

from conftest import corpus_lines

from normalizer.entities import _CREDIT_RX, _credit_lines

_TEXTS = [
    "(Reporting by Jane Doe in London; Editing by John Smith)",
    "Body text here.\n(Reporting by A in Seoul)\nWriting by B; editing by C\n  [Additional reporting by D]",
    "stood by him.\nReporting by X\r\nEdited by Y", "by the way\n by\nGraphics by Z\nGraphic by\nResearch by W.",
    "Compiled by\n\nProduced by Q — reporting by R by S", "no credit at all", "", " by", "\n by\n",
    "Further reporting by Ana Pérez en Madrid; edición de Juan", "Written by\tX\nWritten byline\n(Edited by",
]


def _variants(t: str) -> list[str]:
    return [t, t * 3, t.replace(" ", "\t"), t.replace("\n", " "), t.upper(), t.lower()]


def test_credit_lines_match_finditer() -> None:
    for base in _TEXTS:
        for t in _variants(base):
            assert _credit_lines(t) == [m.span() for m in _CREDIT_RX.finditer(t)], t


def test_credit_lines_on_corpus_lines() -> None:
    text = "\n".join(x for x in corpus_lines() if " by" in x)
    assert _credit_lines(text) == [m.span() for m in _CREDIT_RX.finditer(text)]
