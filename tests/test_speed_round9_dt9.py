"""Speed round 9 (dates): the page scan for slash dates and the candidate lines taken from ``_dated_lines``
give the answers of the slow paths (a test of every line)."""
from __future__ import annotations

import random

from conftest import SHARED

from normalizer import dates
from normalizer.lines import _segment

TEXTS = ["12/04/2019", "1-2-1999", "3/4/2049", "31-12-1900", "Posted 04/15/2020 | 10:15", "a/2019", "-2020-",
         "von 12-03-2021 bis 14-03-2021", "x /\n19 y", "12/03/\n2020", "/19", "2/20", "15/04/2020 und 03/04/2020",
         "Published: April 28, 2008", "Veröffentlicht am 28.04.2008", "2008年4月28日", "１２/０４/2019", "１/１/１９９９",
         "https://example.org/2019/05/story-2020", "Lorem ipsum dolor sit amet. " * 14 + "12/04/2019"]


def _pages(n: int) -> list[str]:
    """Texts made of lines of ``TEXTS`` and filler, in shuffled orders with odd breaks, and corpus pages."""
    rnd = random.Random(9)
    filler = ["Lorem ipsum dolor sit amet.", "", "  ", "J. Smith", "Price 19.99 /", "- 20", "\u2028x", "\t19/"]
    out = []
    for _ in range(n):
        parts = rnd.sample(TEXTS + filler, 14)
        out.append(rnd.choice(["\n", "\r\n", "\n\n", " \n", "\r"]).join(parts))
    if SHARED.exists():
        files = sorted((SHARED / "corpus").rglob("*.txt"))[::17]
        out += [f.read_bytes().decode("utf-8", "replace") for f in files]
    return out


def _slow_slash_lines(lines) -> list[int]:
    """The lines the old per-line test of ``_slash_order`` looked at further."""
    return [ln.index for ln in lines if ("/" in ln.text or "-" in ln.text) and ("20" in ln.text or "19" in ln.text)
            and dates._SLASH_GATE.search(ln.text, 0, dates.PROSE * 2) and dates._SLASH.search(ln.text[:dates.PROSE * 2])]


def test_slash_lines_hold_every_slash_date():
    """Every line with a ``_SLASH`` match in its head is one of ``_slash_lines`` (which may hold more)."""
    seen = 0
    for text in _pages(300):
        lines = _segment(text)
        got = set(dates._slash_lines(text, lines))
        assert got == set(sorted(got)) and all(0 <= i < len(lines) for i in got)
        want = _slow_slash_lines(lines)
        seen += len(want)
        assert set(want) <= got, (text, want, got)
        for i in got:   # a found line holds a separator and a year's first digits itself
            t = lines[i].text
            assert any(s in t for s in ("/19", "/20", "-19", "-20")), t
    assert seen > 200


class _Doc:
    """What ``_slash_order`` reads of a document."""

    def __init__(self, text: str):
        from normalizer.lines import Ledger
        self.text = text
        self.ledger = Ledger(text)
        self.fields: dict = {}


def test_slash_order_of_the_page_scan_is_the_order_of_every_line():
    """``_slash_order`` by the page scan votes as over every line ``_free_or_weak``."""
    rnd = random.Random(19)
    orders = set()
    for text in _pages(300):
        doc = _Doc(text)
        for ln in doc.ledger.lines:   # some lines placed, some by shape alone
            ln.role = rnd.choice([None, None, "boilerplate", "header"])
            ln.rule = rnd.choice(["boilerplate.menu_run", "boilerplate.footer", None])
        dates._slash_order(doc)
        fast = doc.fields.get("_slash_order")
        dates._slash_order(doc, [ln for ln in doc.ledger.lines if dates._free_or_weak(ln)])
        assert fast == doc.fields.get("_slash_order"), text
        orders.add(fast)
    assert orders == {None, "dmy", "mdy"}


def test_free_or_weak_is_the_old_filter():
    from normalizer.lines import Line
    for role in (None, "boilerplate", "header", "body"):
        for rule in (None, "", "boilerplate.menu_run", "boilerplate.words.x", "boilerplate.footer"):
            ln = Line(0, "x", 0, 1)
            ln.role, ln.rule = role, rule
            old = ln.role is None or (ln.role == "boilerplate" and (ln.rule or "").startswith(dates.WEAK_RULES))
            assert dates._free_or_weak(ln) == old
