"""Speed round 6 (dates): the cheaper shape gates and line test give the answers of the slow patterns."""
from __future__ import annotations

from conftest import corpus_lines

from normalizer import dates
from normalizer.dates_shapes import SHAPE_GATES, SHAPE_NEEDS

TEXTS = ["Published: April 28, 2008 3:45 p.m. EST", "Veröffentlicht am 28. April 2008, 12:52 Uhr",
         "2008. április 28. 10:15", "le 3 mars 2019 à 10h15", "28 de abril de 2008", "28 апреля 2008 г.",
         "2008年4月28日 12時52分", "입력 2008.04.28 12:52", "2008년 4월 28일 오후 12:52", "수정 2021-05-06 오후 3:04", "Juche 113.1.2.",
         "jUcHe 105", "民國105年3月19日", "主體105", "12/04/2019", "04-12-1999", "2019-03-02T10:00:00+0900",
         "Copyright 2023 Some Publisher Inc.", "202020 12020 1995.", "1.2.24 und 01. 02. 2024", "--2021/",
         "2008 . április", "2008.\u00a0május 3", "ſt 2008", "5ſt, 2008", "x 2049-1 y", "1950/ 3", "...",
         "Stand: 14.03.2024", "١٠ كانون الثاني ٢٠٢٤", "१२ मार्च 2024", "", "19", "2050-01-01", "1949.1.1"]


def _windows(texts) -> list[str]:
    """Every text, and windows of the lengths ``dates._find`` cuts at several offsets of it."""
    out = []
    for t in texts:
        out.append(t)
        for s in range(0, max(1, len(t) - 20), 11):
            out += [t[s:s + 84], t[s:s + 40]]
    return out


def test_shape_gates_answer_as_the_needs():
    """``SHAPE_GATES[k](win)`` is truthy exactly when ``SHAPE_NEEDS[k]`` finds something in ``win``."""
    wins = _windows(TEXTS + list(corpus_lines(True)[::97]))
    held = {k: 0 for k in SHAPE_NEEDS}
    for w in wins:
        for k, need in SHAPE_NEEDS.items():
            want = need.search(w) is not None
            assert bool(SHAPE_GATES[k](w)) == want, (k, w)
            held[k] += want
    assert all(held.values()), held


def test_dated_line_test_answers_as_the_core():
    """``_has_core`` answers as the ``_ANCHOR_CORE`` (``_ANCHOR_CORE_HIJRI``) search up to ``end``."""
    hits = 0
    for t in TEXTS + ["1399/08/15", "۱۴۰۲/۰۸/۱۵", "a 1402 b", "x.1. 12.", "1.12.24"] + list(corpus_lines(True)[::13]):
        for hijri, rx in ((False, dates._ANCHOR_CORE), (True, dates._ANCHOR_CORE_HIJRI)):
            for end in (len(t), dates.LEAD, 12):
                want = rx.search(t, 0, end) is not None
                assert dates._has_core(t, end, hijri, rx.search) == want, (t, end, hijri)
                hits += want
    assert hits > 20
