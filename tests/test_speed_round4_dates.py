"""Speed round 4 (dates): each shortcut gives the same answer as the slow path it stands in for."""
from __future__ import annotations

import random
import re
import sys

from conftest import FIXTURES, SHARED, corpus_lines

from normalizer import dates
from normalizer.dates_shapes import SHAPE_NEEDS, groups, shapes

LINES = list(corpus_lines(strip=True))
_RND = random.Random(4)
_PIECES = ["2008", "1999", "2049", "2050", "1949", "12.", "3.", "04.", "08", "1402", "1312", "/", "-", ".", " ",
           "\u00a0", "Juche", "JUCHE", "主體", "주체", "民國", "民国", "年", "월", "April", "avril", "de", "of", "th",
           "º", "°", ",", "\n", "9", "1", "2", "٢٠٢٣", "۱۴۰۲", "آبان", "Uhr", "10:15", "p.m.", "CET"]
FUZZ = ["".join(_RND.choice(_PIECES) for _ in range(_RND.randint(1, 10))) for _ in range(4000)] + [
    "".join(chr(_RND.randrange(0x20, 0x30000)) for _ in range(_RND.randint(1, 12))) for _ in range(1000)]
DATES = [
    "28. April 2008", "Veröffentlicht am 28. April 2008, 12:52 Uhr", "28 de abril de 2008", "28 апреля 2008 г.",
    "April 28, 2008", "Apr. 28 2008 3:45 p.m. EST", "April 28th, 2008", "2008. április 28.", "28 Nisan 2008 Pazartesi",
    "le 5 mars 2021 à 10:15", "Nicole Collignon22. Februar 2020", "12:52, 28 April 2008", "5-avril-2021",
    "Thursday, November 9, 2023", "2008-04-28 12:52", "28.04.2008", "28.4.08", "04/28/2008", "2008年4月28日 12時52分",
    "2008년 4월 28일 오후 12:52", "Juche 113.1.2.", "民國105年3月19日", "١٠ كانون الثاني ٢٠٢٥", "Stand: 14.03.2024",
    "3 comments 2008", "In 2008 we", "12 April", "28. April 2008 – 30. April 2008", "01 JANUARY 2020",
]
_OLD_ANCHOR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d(?!\d?[./\s]))|\d\.\s?\d{1,2}\.\s?\d\d(?!\d)"
                         r"|Juche|主體|주체|民國|民国")
_OLD_HIJRI = re.compile(_OLD_ANCHOR.pattern + r"|(?<!\d)1[34]\d\d(?=[\-./]\s?\d)|(?<=[\u0600-\u06ff]\s)1[34]\d\d(?!\d)")


def _spans(rx: re.Pattern, text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text, pos)]


def test_anchor_is_the_old_anchor():
    """``_ANCHOR`` (first character as a class, branches by a look-back) finds what the plain one found."""
    for text in LINES + FUZZ + DATES:
        for pos in (0, 1, 3):
            assert _spans(dates._ANCHOR, text, pos) == _spans(_OLD_ANCHOR, text, pos), text
            assert _spans(dates._ANCHOR_HIJRI, text, pos) == _spans(_OLD_HIJRI, text, pos), text


def test_anchor_core_is_in_every_anchor_hit():
    """A line, or a head of it, with an ``_ANCHOR`` hit holds an ``_ANCHOR_CORE`` match (``_dated_lines``)."""
    seen = 0
    for text in LINES + FUZZ + DATES:
        for end in {len(text), dates.LEAD, dates.PROSE, 7}:
            head = text[:end]
            for old, core in ((_OLD_ANCHOR, dates._ANCHOR_CORE), (_OLD_HIJRI, dates._ANCHOR_CORE_HIJRI)):
                if old.search(head):
                    seen += 1
                    assert core.search(text, 0, end), (head, core.pattern)
    assert seen > 1000


def test_era_gate_is_the_case_blind_alternation():
    """Shape 3's gate without ``re.I`` is ``juche|主體|주체|民國|民国`` with it."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in "juche":
        assert re.findall(letter, every, re.IGNORECASE) == [letter.upper(), letter]
    slow = re.compile("juche|主體|주체|民國|民国", re.IGNORECASE)
    for text in LINES + FUZZ + DATES + ["jUcHe 113", "xJUCHE", "民國", "主體105"]:
        assert bool(SHAPE_NEEDS[3].search(text)) == bool(slow.search(text)), text


def test_shape_gates_hold_in_every_match(norm):
    """Every match of a shape holds its gate (``SHAPE_NEEDS``), also the month-word shapes 6-8."""
    sh = shapes(norm.rules)
    hits = {k: 0 for k in SHAPE_NEEDS}
    for text in DATES + LINES[::2] + FUZZ:
        for k, need in SHAPE_NEEDS.items():
            for m in sh.dates[k].finditer(text):
                hits[k] += 1
                assert need.search(m.group(0)), (k, text)
    assert all(hits[k] for k in (0, 1, 2, 3, 4, 5, 6, 7, 8)), hits


def _find_slow(sh, text: str, hijri: bool = False) -> list[tuple[tuple[int, int], dict]]:
    """``dates._find`` with every shape run on every window (no gates)."""
    out, last = [], -1
    pats = sh.dates + sh.hijri_dates if hijri else sh.dates
    for hit in (_OLD_HIJRI if hijri else _OLD_ANCHOR).finditer(text):
        ws, we = max(0, hit.start() - 36), min(len(text), hit.end() + 48)
        if hit.start() < last:
            continue
        found = [(m, k) for k, p in enumerate(pats) for m in p.finditer(text, ws, we)
                 if m.start() < hit.end() and m.end() > hit.start()]
        for m, k in found:
            out.append((m, {**groups(m), "shape": k}))
        if found:
            last = max(m.end() for m, _ in found)
    out.sort(key=lambda x: (x[0].start(), -x[0].end()))
    return [(m.span(), g) for m, g in out]


def test_find_with_gates_is_find_without(norm):
    sh = shapes(norm.rules)
    found = 0
    for text in DATES + LINES + FUZZ:
        for hijri in (False, True):
            fast = [(m.span(), g) for m, g in dates._find(sh, text, hijri)]
            assert fast == _find_slow(sh, text, hijri), text
            found += len(fast)
    assert found > 100


def _pages(limit: int = 150) -> list[bytes]:
    folders = [FIXTURES] + ([SHARED / "corpus" / "dates" / "page"] if SHARED.exists() else [])
    files = [f for d in folders for f in sorted(d.rglob("*.txt"))][:limit]
    extra = ["Veröffentlicht am 28. April 2008\nText " * 3, "2019\n09/07\n19:02\nA story about things.\n",
             "Posted 3/4/2021\nOther 14/04/2020\nBody text here.", "نشر في ١٠ كانون الثاني ٢٠٢٥\nنص"]
    return [f.read_bytes() for f in files] + [t.encode() for t in extra]


def _run(data: bytes, norm) -> dict:
    from normalizer import pipeline
    rec = pipeline.run(data, norm.rules, input_id="x")
    return {k: rec.get(k) for k in ("published", "modified", "rules_fired", "boilerplate", "warnings")}


def test_dated_lines_change_nothing(norm, monkeypatch):
    """Skipping the lines ``_dated_lines`` leaves out gives the records that trying every line gives."""
    pages = _pages()
    fast = [_run(p, norm) for p in pages]

    def every_line(doc):
        got = doc.fields.get("_dated")
        if got is None:
            got = doc.fields["_dated"] = set(range(len(doc.ledger.lines)))
        return got

    monkeypatch.setattr(dates, "_dated_lines", every_line)
    slow = [_run(p, norm) for p in pages]
    assert fast == slow
    assert sum(1 for r in fast if r["published"]) > 3


def test_whole_page_asked_lazily_changes_nothing(norm, monkeypatch):
    """``whole_page`` asked only when a date needs it: asking it up front (it only reads) changes no record."""
    pages = _pages(80)
    fast = [_run(p, norm) for p in pages]
    asked = []
    real_layout, real_whole = dates.layout_of, dates.whole_page

    def eager_layout(doc):
        lay = real_layout(doc)
        asked.append(real_whole(doc, lay))
        return lay

    monkeypatch.setattr(dates, "layout_of", eager_layout)
    slow = [_run(p, norm) for p in pages]
    assert fast == slow and any(asked)


def test_stacked_lines_still_read(norm):
    rec = _run(b"2019\n09/07\n19:02\nA story about things that happened.\n", norm)
    assert rec["published"]["value"].startswith("2019-09-07T19:02")
    assert "dates.und.stacked_lines" in rec["rules_fired"]


def test_dated_lines_hold_every_anchor_hit(norm):
    """``_dated_lines`` (its ``in`` look-ups, then the core) keeps every line whose head has an anchor hit."""
    from normalizer.dates_calendars import ascii_digits
    from normalizer.doc import Doc
    from normalizer.lines import Ledger
    texts = DATES + FUZZ + LINES[::5] + ["۱۴۰۲/۰۸/۱۵", "۱۵ آبان ۱۴۰۲", "1402/08/15", "x 1312-01-02"]
    for hijri in (False, True):
        text = "\n".join(t.replace("\n", " ") for t in texts)
        doc = Doc(text, Ledger(text), norm.rules)
        doc.fields.update(_arabic=True, _hijri=hijri)
        got = dates._dated_lines(doc)
        kept = 0
        for ln in doc.ledger.lines:
            head = ascii_digits(ln.text)
            head = head if len(head) <= dates.PROSE else head[:dates.LEAD]
            if (_OLD_HIJRI if hijri else _OLD_ANCHOR).search(head):
                kept += 1
                assert ln.index in got, (hijri, head)
        assert kept > 500


def test_slash_dates_hold_a_year_and_the_gate():
    """``_slash_order`` looks at a line only when it holds ``/`` or ``-``, ``19`` or ``20``, and the gate."""
    seen = 0
    for text in LINES + FUZZ + DATES + ["12/03/2020", "1-2-1999", "3/4/2049", "31-12-1900"]:
        if dates._SLASH.search(text[: dates.PROSE * 2]):
            seen += 1
            assert ("/" in text or "-" in text) and ("20" in text or "19" in text), text
            assert dates._SLASH_GATE.search(text, 0, dates.PROSE * 2), text
    assert seen > 20
