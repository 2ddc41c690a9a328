"""Speed round 8 (dates): the page scan for dated lines, the faster ``groups`` and the digit-first day shape
give the answers of the slow paths."""
from __future__ import annotations

import random
import re

from conftest import SHARED, corpus_lines

from normalizer import dates
from normalizer.dates_shapes import SHAPES, _unique_groups, groups, shapes
from normalizer.lines import _segment
from normalizer.rules import load_rules

TEXTS = ["Published: April 28, 2008 3:45 p.m. EST", "Veröffentlicht am 28. April 2008, 12:52 Uhr",
         "2008. április 28. 10:15", "le 3 mars 2019 à 10h15", "28 de abril de 2008", "28 апреля 2008 г.",
         "2008年4月28日 12時52分", "입력 2008.04.28 12:52", "2008년 4월 28일 오후 12:52", "Juche 113.1.2.",
         "民國105年3月19日", "主體105", "주체 105", "民国105年", "12/04/2019", "2019-03-02T10:00:00+0900",
         "Nicole Collignon22. Februar 2020", "09:31 August 20, 2019", "12:52, 28 April 2008", "1951950",
         "Stand: 14.03.2024", "١٠ كانون الثاني ٢٠٢٤", "5ſt 2008", "x 2049-1 y", "1. \n2.\n05. 20", "a.\n1.05.20",
         "On 3 May 2021 at 10:15 CET", "ab 01.01.2024 bis 02.01.2024", "Mittwoch, 01. November 2023 - 14:30"]


def _pages(n: int) -> list[str]:
    """Texts made of lines of ``TEXTS``, prose and blank or odd breaks, in shuffled orders, and corpus pages."""
    rnd = random.Random(8)
    filler = ["Lorem ipsum dolor sit amet. " * 7, "", "  ", "J. Smith", "Price 19.99", "No. 1. 2.", "\u2028x"]
    out = []
    for _ in range(n):
        parts = rnd.sample(TEXTS + filler, 12)
        out.append(rnd.choice(["\n", "\r\n", "\n\n", " \n"]).join(parts))
    if SHARED.exists():
        files = sorted((SHARED / "corpus").rglob("*.txt"))[::23]
        out += [f.read_bytes().decode("utf-8", "replace") for f in files]
    return out


def test_core_lines_hold_every_dated_line():
    """Every line ``_ANCHOR_CORE`` finds a match in (within its first ``PROSE``/``LEAD`` characters) is one of
    ``_core_lines``, so ``_dated_lines`` answers as the test of every line."""
    held = 0
    for text in _pages(300):
        lines = _segment(text)
        near = set(dates._core_lines(text, lines))
        for ln in lines:
            end = dates.PROSE if len(ln.text) <= dates.PROSE else dates.LEAD
            if dates._ANCHOR_CORE.search(ln.text, 0, end):
                assert ln.index in near, (ln.text, text)
                held += 1
    assert held > 100


def _old_groups(m: re.Match) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in m.groupdict().items():
        if v is not None:
            out.setdefault(k.split("_")[0], v)
    return out


def test_groups_and_digit_first_shape_match_the_slow_ones():
    """``groups`` gives what the ``groupdict`` fold gave (same keys, values, order), and the day-month-year
    shape with its ``(?=\\d)`` opening finds what it finds without it."""
    sh = shapes(load_rules())
    plain = re.compile(_unique_groups(SHAPES[6].removeprefix("(?=\\d)")), re.IGNORECASE)
    assert plain.pattern != sh.dates[6].pattern
    lines = TEXTS + list(corpus_lines(True)[::97])
    seen = 0
    for t in lines:
        want = [(m.span(), _old_groups(m)) for m in plain.finditer(t)]
        assert [(m.span(), groups(m)) for m in sh.dates[6].finditer(t)] == want, t
        for p in sh.dates + sh.hijri_dates:
            for m in p.finditer(t):
                assert list(groups(m).items()) == list(_old_groups(m).items()), t
                seen += 1
    assert seen > 50
