"""The page's structure read from its text alone: where the article's main block of prose lies.

Each line gets a score from cheap features (length in words, CJK characters counted at 1/2.5 word,
sentence punctuation, list markers, headline-and-teaser lines glued by the extractor, section
markers such as ``Related`` or ``3 comments`` from locale data). The main block is the
maximum-sum run of scores, trimmed to its first and last prose line and grown across short
interruptions (an inline related box) to neighbouring prose runs. Lines after a comment heading
do not count as prose. A list announced by a colon line right after the block belongs to it.

The result is advisory: ``boilerplate`` claims what is clearly not the article, ``title`` looks for
the headline just above the block, ``body`` keeps what is inside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import regex

from .memo import text_memo

_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
CJK_FLOOR = "\u1100"    # no character below it is matched by ``_CJK`` (U+1100, Hangul Jamo, is the first)
HAN_KANA_FLOOR = "\u2e80"  # nor by ``_HAN_KANA`` (U+2E80, CJK radicals): both checked over every code point


# Every character of ``_CJK`` lies in one of these ranges (Hangul Jamo, then CJK radicals on): a stdlib
# search for them is a cheap necessary condition (no per-character objects as ``max``; typographic quotes
# and dashes of Latin text fall between). Checked over every code point in tests.
_MAYBE_CJK = re.compile("[^\x00-\u10ff\u1200-\u2e7f]")  # the complement written: a faster scan


def has_cjk(text: str) -> bool:
    """``_CJK.search(text) is not None``, skipped when no character lies in the class's ranges."""
    return _MAYBE_CJK.search(text) is not None and _CJK.search(text) is not None
_END = regex.compile(r"[.!?。！？…:：\"”’)\]」』）]\s*$")
_FULL_STOP = ".!?。！？"
MARKER = regex.compile(r"^(?:[*+o\-•·・■▶►▷◆◇○●]|\d{1,2}\.)\s*")
# A capital glued to the word or punctuation before it, ending a word: the pattern
# ``(?:(?<=[A-Za-z][a-z]{3})|(?<=[)?!’”"']))(?:[A-Z][a-z]*|A|I) `` (``A`` and ``I`` are ``[A-Z]`` with no
# ``[a-z]``) written to open with the capital, so the stdlib engine skips to capitals before trying the
# lookbehinds (which now end after the capital). Same matches, same starts: compared in tests.
_GLUE = re.compile(r"[A-Z](?:(?<=[A-Za-z][a-z]{3}[A-Z])|(?<=[)?!’”\"'][A-Z]))[a-z]* ")

TABLE_ROW = regex.compile(r"^(?=.*\d)\S+(?: \S+)*(?: {2,}\S+(?: \S+)*){3,}$")  # columns laid out with spaces
_END_CHARS = frozenset(".!?。！？…:：\"”’)]」』）")   # the class of ``_END``
PROSE_WORDS = 10          # a prose line has at least this many words (or CJK equivalent)
GAP_LINES = 12            # an interruption of the block at most this long is bridged
BRIDGE_SCORE = 6.0        # a neighbouring run must be worth this much to be joined
BACK_GAP_LINES = 6
BACK_BRIDGE_SCORE = 10.0


_MARKER_CHARS = frozenset("*+o-•·・■▶►▷◆◇○●")  # the one-character markers of ``MARKER``


def marker_end(text: str, chars: frozenset[str], pattern: regex.Pattern) -> int:
    """``pattern.match(text).end()``, or -1 when it does not match, for a list-marker ``pattern`` of the
    shape ``^(?:[chars]|\\d{1,2}\\.)\\s*``. A one-character marker followed by a character that is no
    white space, or by one space and such a character, is read without the regex (every ``\\s`` is
    ``str.isspace``); a line opening with a letter outside ``chars`` has no marker (no letter is a ``\\d``
    digit). Both checked over every code point in tests."""
    c = text[:1]
    if c in chars:
        nxt = text[1:2]
        if not nxt.isspace():
            return 1
        if nxt == " " and not text[2:3].isspace():
            return 2
    elif c.isalpha():
        return -1
    m = pattern.match(text)
    return -1 if m is None else m.end()


def has_marker(text: str) -> bool:
    """``MARKER.match(text)``: any one-character marker matches (``\\s*`` may be empty); a line opening
    with another letter has none."""
    c = text[:1]
    if c in _MARKER_CHARS:
        return True
    if c.isalpha():
        return False
    return MARKER.match(text) is not None


def strip_marker(text: str) -> str:
    """``MARKER.sub("", text, count=1)``: the line without its list marker (the pattern is anchored: the
    only match ``sub`` can find is the one at the start)."""
    end = marker_end(text, _MARKER_CHARS, MARKER)
    return text if end < 0 else text[end:]


def is_table_row(text: str) -> bool:
    """``TABLE_ROW.search(text)``, skipped when the text lacks the three runs of two spaces or more every
    match holds (separated by other characters: ``str.count`` finds at least one pair in each)."""
    return "  " in text and text.count("  ") >= 3 and TABLE_ROW.search(text) is not None


def ends_sentence(text: str) -> bool:
    """``_END.search(text)``: when the last character is no whitespace, ``\\s*$`` can only match the
    empty string at the end, so the answer is whether that character is in the class."""
    last = text[-1:]
    if last and not last.isspace():
        return last in _END_CHARS
    return _END.search(text) is not None


@text_memo(65536)
def weight(text: str) -> float:
    """Words in a line, CJK characters counted as 1/2.5 word each."""
    return _weight(text)


def _weight(text: str) -> float:
    """``weight`` without its memo (a line's features are memoized as a whole)."""
    if text.isascii() or _MAYBE_CJK.search(text) is None:  # no CJK character: ``c`` below is 0
        return float(len(text.split()))
    c = sum(map(len, _CJK_RUN.findall(text)))  # ``len(_CJK.findall(text))``: each CJK character is in one run
    if not c:
        return float(len(text.split()))
    return len(text.split()) + c / 2.5


def quick_weight(text: str) -> float:
    """``weight(text)``, computed at once for ASCII text (cheaper than its memo on a fresh text)."""
    return float(len(text.split())) if text.isascii() else weight(text)


def glued_teaser(text: str) -> bool:
    """A capitalised headline glued to its teaser (``…Student-AthleteA 24-year-old woman…``)."""
    head = text[:150]
    m = _GLUE.search(head)
    while m is not None:  # ``_GLUE.finditer(head)``: matches end with a space, so none is empty
        pre = text[: m.start() + 1].split()
        if len(pre) >= 3 and sum(1 for t in pre if t[:1].isupper() or t[:1].isdigit()) >= 0.6 * len(pre):
            return True
        m = _GLUE.search(head, m.end())
    return False


_HANGUL_STOP = regex.compile(r"[.?!…‘’'\"“”,]")
_HAN_KANA = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_MAYBE_HAN_KANA = re.compile("[\u2e80-\U0010ffff]")  # ``max(text) >= HAN_KANA_FLOOR``, without a per-character loop


def menu_row(text: str) -> bool:
    """Several very short words side by side (``行情 股吧 新闻 外汇``, ``Home News Sport``)."""
    toks = text.split()
    if len(toks) < 3:
        return False
    ascii_text = text.isascii()  # no Han, kana or Hangul
    if not ascii_text and _MAYBE_HAN_KANA.search(text) and _HAN_KANA.search(text):
        lens = [len(t) for t in toks]
        return max(lens) <= 4 or (len(toks) >= 5 and sum(lens) / len(toks) <= 5)
    if not ascii_text and has_cjk(text):  # Hangul: words are spaced, headlines are short words too
        lens = [len(t) for t in toks]
        if _HANGUL_STOP.search(text) or ends_sentence(text):
            return False
        return (len(toks) >= 5 and max(lens) <= 4) or (len(toks) >= 9 and sum(lens) / len(toks) <= 5)
    return len(toks) >= 4 and all(t[:1].isupper() or not t[:1].isalpha() for t in toks)


@dataclass
class Layout:
    """Per line (ledger index): prose or not, inside the main block or not, section markers."""

    prose: list[bool]
    main: list[bool]
    section: list[bool]
    comments_from: int | None = None
    start: int = -1                   # first and last line of the main block (-1: none)
    end: int = -1
    weights: list[float] = field(default_factory=list)
    wrapped: bool = False             # hard-wrapped copy: lines are not paragraphs

    def before_main(self, i: int) -> bool:
        return self.start >= 0 and i < self.start


def hard_wrapped(lengths: list[int], tables: int = 0) -> bool:
    """Wire copy broken at a fixed width (Reuters-21578): most lines of similar length, and not a
    table whose rows (``tables`` of them) are laid out in columns."""
    if len(lengths) < 4 or tables > 0.3 * len(lengths):
        return False
    lengths = sorted(lengths)
    typical = lengths[len(lengths) * 3 // 4]
    if not 40 <= typical <= 90:
        return False
    near = sum(1 for x in lengths if typical - 15 <= x <= typical + 2)
    return near >= 0.5 * len(lengths)


_DATA_ITEM = regex.compile(r"\d|[(:：（]")
_DIGIT = regex.compile(r"\d")
_END_SENTENCE = regex.compile(r"[.!?。！？]\s*$")


def _body_list(texts: list[str], w: list[float], marker: list[bool], section: list[bool], j: int) -> int | None:
    """The last line of a list right after the article (an optional short heading or two, then at least
    three list items of data rather than teaser headlines), or None."""
    n = len(texts)
    k = j
    while k < n and k < j + 3 and not marker[k] and not section[k] and w[k] <= 8:
        k += 1  # headings (``Ingredients``, ``Qualified teams``)
    start = k
    numbered = k < n and texts[k].startswith("1.")
    bare = k < n and not marker[k]  # an unmarked list: dates, results, schedule lines with numbers
    while k < n and not section[k] and (
            (marker[k] and not bare and (w[k] <= 14 or (
                numbered and texts[k].startswith(f"{k - start + 1}.") and w[k] <= 40)))
            or (bare and not marker[k] and 3 <= w[k] <= 14 and _DIGIT.search(texts[k])
                and not _END_SENTENCE.search(texts[k]))):
        k += 1
    if bare and k - start < 5:
        return None
    items = texts[start:k]
    if len(items) < 3:
        return None
    if numbered and all(t.startswith(f"{i + 1}.") for i, t in enumerate(items)):
        return k - 1  # steps numbered 1, 2, 3…
    data = sum(1 for t in items if _DATA_ITEM.search(MARKER.sub("", t, count=1)))
    avg = sum(w[start:k]) / len(items)
    if data < 0.5 * len(items) or avg > 9:
        return None
    return k - 1


def _maxseg(sc: list[float], lo: int, hi: int) -> tuple[int, int, float]:
    best = cur = 0.0
    start, bs, be = lo, -1, -1
    for i in range(lo, hi):
        if cur <= 0:
            cur, start = 0.0, i
        cur += sc[i]
        if cur > best:
            best, bs, be = cur, start, i
    return bs, be, best


LINE_CACHE = 65536         # per-line features of recent texts (a pure function of the text)


@text_memo(LINE_CACHE)
def _line_features(t: str) -> tuple[float, bool, bool, bool, bool, bool]:
    """One line's weight, list marker, sentence end (only asked of lines of weight 5 or more: the only
    ones whose end is read), glued teaser, table row and prose (menus and footers repeat across pages)."""
    wt = float(len(t.split())) if t.isascii() else _weight(t)
    c = t[:1]  # ``has_marker(t)``
    mk = c in _MARKER_CHARS or (not c.isalpha() and MARKER.match(t) is not None)
    last = t[-1:]  # ``ends_sentence(t)``, inlined
    en = wt >= 5 and (last in _END_CHARS if not last.isspace() else _END.search(t) is not None)
    gl = wt >= 8 and glued_teaser(t)
    tb = "  " in t and is_table_row(t)  # the same test opens ``is_table_row``
    prose = (wt >= PROSE_WORDS and (not mk or (wt >= 14 and t[-1:] in _FULL_STOP)) and (en or wt >= 20)
             and not gl) or tb
    return wt, mk, en, gl, tb, prose


SECTION_WORDS = 16        # only a line lighter than this can open a section


def _features(texts: list[str], is_section, sections=None) -> tuple[list[float], list[bool], list[bool],
                                                                 list[bool], list[bool], list[bool], int]:
    """Per line: weight, list marker, sentence end, glued teaser, section marker, prose (``_line_features``);
    and the number of table rows. ``sections(short_texts)``, when given, answers ``is_section`` for all the
    short lines at once."""
    if not texts:
        return [], [], [], [], [], [], 0
    w, marker, end, glued, table, prose = map(list, zip(*map(_line_features.lookup, texts), strict=True))
    if sections is None:
        section = [wt < SECTION_WORDS and is_section(t) for t, wt in zip(texts, w, strict=True)]
    else:
        short = [i for i, wt in enumerate(w) if wt < SECTION_WORDS]
        section = [False] * len(texts)
        for i, s in zip(short, sections([texts[i] for i in short]), strict=True):
            section[i] = s
    return w, marker, end, glued, section, prose, sum(table)


def _scores(texts: list[str], w: list[float], marker: list[bool], end: list[bool], glued: list[bool],
            section: list[bool], prose: list[bool], is_comments) -> tuple[list[float], int | None]:
    """Each line's score for the main block, and the first line of a comment thread (None: none); a
    line is inside the thread from that line on."""
    sc: list[float] = []
    append = sc.append
    comments_from = None
    seen = 0
    prev = False  # the line before is prose
    nexts = prose[1:] + [False]
    for i, (pr, nxt, sec, wt, gl, mk, en) in enumerate(zip(prose, nexts, section, w, glued, marker, end,
                                                              strict=True)):
        seen += pr
        if sec:
            s = -10.0
            if comments_from is None and seen >= 2 and is_comments(texts[i]):
                comments_from = i
        elif pr:
            s = min(wt, 50) / 5 + 1
            if not prev and not nxt:
                s -= 2.5  # a lone long line among short ones: a teaser or a caption
            if comments_from is not None:
                s = -0.5
        elif gl:
            s = -2.0
        elif mk:
            s = -1.5
        elif wt >= 5 and en:
            s = 0.0
        else:
            s = -1.0
        append(s)
        prev = pr
    return sc, comments_from


def analyze(texts: list[str], is_section, is_comments, sections=None) -> Layout:
    """Find the main block of ``texts`` (stripped non-blank lines). ``is_section(text)`` and
    ``is_comments(text)`` say whether a short line opens a page section or a comment thread;
    ``sections(texts)``, when given, is ``is_section`` of many lines at once (a list of answers)."""
    n = len(texts)
    w, marker, end, glued, section, prose, tables = _features(texts, is_section, sections)
    sc, comments_from = _scores(texts, w, marker, end, glued, section, prose, is_comments)
    lay = Layout(prose, [False] * n, section, comments_from, weights=w,
                 wrapped=hard_wrapped([len(t) for t in texts], tables))
    bs, be, _ = _maxseg(sc, 0, n)
    if bs < 0:
        return lay
    while bs < be and not prose[bs]:
        bs += 1
    while be > bs and not prose[be]:
        be -= 1
    keep = set(range(bs, be + 1))
    a, b = bs, be
    while True:  # forward across short interruptions
        s2, e2, v = _maxseg(sc, b + 1, min(n, b + 60))
        if s2 < 0 or v < BRIDGE_SCORE or s2 - b > GAP_LINES or (comments_from is not None and s2 >= comments_from):
            break
        while e2 > s2 and not prose[e2]:
            e2 -= 1
        keep.update(range(s2, e2 + 1))
        b = e2
    while True:  # backward
        s2, e2, v = _maxseg(sc, max(0, a - 60), a)
        if s2 < 0 or v < BACK_BRIDGE_SCORE or a - e2 > BACK_GAP_LINES:
            break
        while s2 < e2 and not prose[s2]:
            s2 += 1
        keep.update(range(s2, e2 + 1))
        a = s2
    i = a
    while i <= b:  # runs inside the block that open with a section marker go out
        if prose[i]:
            i += 1
            continue
        j = i
        while j <= b and not prose[j]:
            j += 1
        if any(section[k] for k in range(i, j)):
            keep.difference_update(range(i, j))
        i = j
    j = b + 1  # a list announced by a colon line
    if j < n and texts[j][-1:] in ":：" and w[j] <= 14 and not section[j]:
        k = j + 1
        while k < n and k - j < 80 and w[k] >= 3 and not section[k] and not glued[k]:
            k += 1
        if k - j >= 3:
            keep.update(range(j, k))
            b = k - 1
    while True:  # lists that continue the article: ingredients, results, schedules
        nxt = _body_list(texts, w, marker, section, b + 1)
        if nxt is None:
            break
        keep.update(range(b + 1, nxt + 1))
        b = nxt
    for k in keep:
        lay.main[k] = True
    lay.start, lay.end = a, b
    return lay
