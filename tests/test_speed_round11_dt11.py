"""Speed round 11 (dates): ``_find``'s few-digit window test and the ``regex`` Arabic test change no answer."""
from __future__ import annotations

import re

from conftest import corpus_lines

from normalizer import Normalizer, dates
from normalizer.dates_shapes import SHAPE_NEEDS, groups, shapes

TEXTS = ["Published: April 28, 2008 3:45 p.m. EST", "Veröffentlicht am 28. April 2008, 12:52 Uhr",
         "2008. április 28. 10:15", "le 3 mars 2019 à 10h15", "28 de abril de 2008", "28 апреля 2008 г.",
         "2008年4月28日 12時52分", "입력 2008.04.28 12:52", "2008년 4월 28일 오후 12:52", "Juche 113.1.2.",
         "Juche 13.1.2.", "民國105年3月19日", "民国99年1月2日", "12/04/2019", "4/1/2019", "04-12-1999",
         "2019-03-02T10:00:00+0900", "2019-3-2", "Copyright 2023 Some Publisher Inc.", "1.2.24 und 01. 02. 2024",
         "1.2.24", "* März 2013", "+ Januar 2009 (16)", "Stand: 14.03.2024", "Apr. 8 2024", "8 Apr 2024",
         "2024 Apr 8", "१२ मार्च 2024", "٣ مارس ٢٠٢٤", "۱۵ آبان ۱۴۰۲ - ۱۴:۳۰", "۱۴۰۲/۰۸/۱۵", "1402/8/5",
         "5 آبان 1402", "Mittwoch, 1. November 2023", "9:31 August 20, 2019", "2019 3 4 2020 5", "", "1995"]


def _slow_find(sh, text: str, hijri: bool) -> list[tuple[int, int, dict]]:
    """``dates._find`` as it was: every shape whose gate holds, in every window."""
    out = []
    last = -1
    for hit in (dates._ANCHOR_HIJRI if hijri else dates._ANCHOR).finditer(text):
        hs, he = hit.span()
        if hs < last:
            continue
        ws, we = max(0, hs - 36), min(len(text), he + 48)
        found = [(m, k) for k, p, gate in (sh.hijri_runs if hijri else sh.runs)
                 if gate is None or gate(text[ws:we]) for m in p.finditer(text, ws, we)
                 if m.start() < he and m.end() > hs]
        for m, k in found:
            out.append((m, {**groups(m), "shape": k}))
        if found:
            last = max(m.end() for m, _ in found)
    out.sort(key=lambda x: (x[0].start(), -x[0].end()))
    return [(m.start(), m.end(), g) for m, g in out]


def test_find_answers_as_without_the_digit_test():
    sh = shapes(Normalizer().rules)
    texts = TEXTS + [dates.ascii_digits(t) for t in TEXTS] + list(corpus_lines(True)[::67])
    found = 0
    for t in texts:
        t = t[:dates.LEAD]
        for hijri in (False, True):
            want = _slow_find(sh, t, hijri)
            assert [(m.start(), m.end(), g) for m, g in dates._find(sh, t, hijri)] == want, (t, hijri)
            found += len(want)
    assert found > 50


def test_only_the_few_digit_shapes_match_fewer_than_five_digits():
    """Every shape outside ``FEW_DIGIT_SHAPES`` writes five digits at least (the reason of the test)."""
    sh = shapes(Normalizer().rules)
    digit = re.compile(r"\d")
    few = set()
    for t in TEXTS + [dates.ascii_digits(t) for t in TEXTS] + list(corpus_lines(True)[::97]):
        for k, p, _gate in sh.hijri_runs:
            for m in p.finditer(t):
                if len(digit.findall(m.group(0))) < 5:
                    few.add(k)
    assert few <= set(dates.FEW_DIGIT_SHAPES), few
    assert few, "the texts hold a short dotted date"


def test_arabic_test_answers_as_re():
    slow = re.compile(r"[\u0600-\u06ff]")
    for ch in ["a", "é", "\u05ff", "\u0600", "\u0633", "\u06ff", "\u0700", "\u0750", "\ufb50", "中", "😀"]:
        for t in (ch, "x" * 50 + ch + "y", "Ωx" + ch):
            assert (dates._ARABIC.search(t) is None) == (slow.search(t) is None), repr(t)


def test_day_year_needs_hold_a_year_after_a_digit():
    """Where a need of ``DAY_YEAR_SHAPES`` is found, ``_year_after_digit`` holds (it is a necessary test)."""
    held = 0
    for t in TEXTS + list(corpus_lines(True)[::61]) + ["2019 5 2020", "x 2020, 1 1999", "12019", "1 Jan 1995"]:
        for s in range(0, max(1, len(t) - 20), 17):
            win = t[s:s + 84]
            for k in dates.DAY_YEAR_SHAPES:
                if SHAPE_NEEDS[k].search(win):
                    assert dates._year_after_digit(win), (k, win)
                    held += 1
    assert held > 20
