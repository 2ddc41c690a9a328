"""The headline: the first line of the article that reads as one, or null when the text starts with
the dateline or the body.

On a whole web page (menus, teasers and footers around the article) the headline is looked for
among the lines above the article's main block: a line of headline length, close to the block,
followed by the header lines (date, source, byline), often printed twice or echoed elsewhere
(``正在阅读：…``); not a menu row, a breadcrumb, a label or a sentence of the lead.
"""
from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

import regex

from .boilerplate import layout_of, whole_page
from .doc import Doc
from .layout import Layout, menu_row, strip_marker, weight
from .lines import Line

MAX_TITLE = 250
WINDOW = 80                 # lines above the main block searched for the headline
INTO_MAIN = 10              # ...and the first lines of the block that are not prose
MIN_SCORE = 3.0
_SENTENCES = regex.compile(r"[.!?。！？]\s+\S|[。！？](?![」』）】”\"'’\s！？])\S")
_DATEISH = regex.compile(r"\d{1,4}\s*[-/.年月]\s*\d{1,2}|\d{1,2}:\d\d|^\d{4}$")
_DATE_ONLY = regex.compile(r"^[\d\s\-/.:+TZ年月日時分秒]+$")
_NAV = regex.compile(r"\s[|>›»]\s|>>|\s/\s|^\W*$")
_TIMESTAMP = regex.compile(r"\d{1,2}:\d\d|\d{4}-\d\d-\d\d|\d{4}年\d{1,2}月\d{1,2}日|\d{4}/\d{1,2}/\d{1,2}")
_CREDIT = regex.compile(
    r"^(?:来源|來源|出典|출처|source|作者|编辑|編輯|责编|責編|by)\s*[:：]|^by\s+\p{Lu}|記者|记者|編集委員|特派員|"
    r"기자|\breporter\b|staff writer|通讯员|通訊員|攝影|摄影|翻攝|图片来源|圖片來源", regex.IGNORECASE)
_GLUED = regex.compile(r"^[\p{Han}\p{Hangul}\p{Katakana}A-Za-z]+$")  # menu words glued together
_URL = regex.compile(r"^(?:https?://|www\.)\S+$")
_LABEL_END = regex.compile(r"[:：]\s*$")
_FULL_STOP_END = regex.compile(r"(?<![.…])[.。]\s*$")


def looks_like_title(text: str) -> bool:
    """Short, one sentence at most, not a list item or a bare number."""
    if not (2 <= len(text) <= MAX_TITLE) or text.replace(" ", "").isdigit():
        return False
    if _DATE_ONLY.match(text) or _URL.match(text):
        return False
    return len(_SENTENCES.findall(text)) <= 1


_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _echoed(body: str, index: int, texts: list[str]) -> bool:
    """Another line holds ``body`` and is at most 12 characters longer (printed twice, or echoed)."""
    return any(i != index and body in x and len(x) <= len(body) + 12 for i, x in enumerate(texts))


class Echoes:
    """``_echoed`` over all lines at once: the texts joined by newlines, searched with ``str.find``.

    An occurrence of a text without a newline lies inside one line, so the lines holding ``body`` are
    exactly the lines its occurrences in the joined text fall in (the newlines before it count the line).
    """

    def __init__(self, texts: list[str]):
        self.texts = texts
        self._joined: str | None = None
        self._mapped = False            # no text holds a newline: an offset maps to one line

    def echoed(self, body: str, index: int) -> bool:
        """``_echoed(body, index, texts)``."""
        texts = self.texts
        if self._joined is None:
            self._joined = "\n".join(texts)
            self._mapped = self._joined.count("\n") == len(texts) - 1
        if not self._mapped or not texts or "\n" in body:
            return _echoed(body, index, texts)
        joined, limit = self._joined, len(body) + 12
        pos = joined.find(body)
        if joined.find(body, pos + 1) < 0 and 0 <= index < len(texts) and body in texts[index]:
            return False    # one occurrence: the line's own (the common case)
        while pos >= 0:
            i = joined.count("\n", 0, pos)                 # the line the occurrence lies in
            end = joined.find("\n", pos)
            end = len(joined) if end < 0 else end
            if i != index and end - joined.rfind("\n", 0, pos) - 1 <= limit:
                return True
            pos = joined.find(body, end + 1)
        return False


def _start(ln: Line) -> int:
    return ln.start


class _Scan:
    """What scoring the candidate lines of one page shares: lines, texts, echoes, header-likeness.

    No line changes its role while the candidates are scored, so ``_header_like`` is kept per line.
    """

    def __init__(self, lines: list[Line], weights: list[float], page: str | None = None):
        self.lines = lines
        self.weights = weights      # ``weight(ln.text)`` per line (the layout's, read from the same texts)
        self.page = page            # the text the lines were cut from (``Ledger.text``), when at hand
        self._echoes: Echoes | None = None
        self._header: dict[int, bool] = {}
        self._menu: dict[str, bool] = {}

    @property
    def texts(self) -> list[str]:
        """The lines' texts (joined once, when a line's echo is first looked for)."""
        return self.echoes.texts

    @property
    def echoes(self) -> Echoes:
        if self._echoes is None:
            self._echoes = Echoes([ln.text for ln in self.lines])
        return self._echoes

    def echoed(self, body: str, index: int) -> bool:
        """``_echoed(body, index, texts)``. Each line's span of the page holds its text and the spans are in
        order and apart, so the lines holding ``body`` are those whose span holds one of its occurrences in
        the page (the texts need not be joined)."""
        page, lines = self.page, self.lines
        if page is None or not body:
            return self.echoes.echoed(body, index)
        size, limit = len(body), len(body) + 12
        pos = page.find(body)
        while pos >= 0:
            j = bisect.bisect_right(lines, pos, key=_start) - 1   # the last line starting at or before it
            if j >= 0:
                ln = lines[j]
                if pos + size <= ln.end and ln.index != index and len(ln.text) <= limit:
                    return True
            pos = page.find(body, pos + 1)
        return False

    def header_like(self, ln: Line) -> bool:
        """``_header_like(ln)``: a free line heavier than 20 words is not (its weight is at hand)."""
        v = self._header.get(ln.index)
        if v is None:
            if ln.role is None and self.weights[ln.index] > 20:
                v = False
            else:
                v = _header_like(ln)
            self._header[ln.index] = v
        return v

    def menu_row(self, text: str) -> bool:
        """``menu_row(text)``, once per text (a line is scored, and read as the line above the next)."""
        v = self._menu.get(text)
        if v is None:
            v = self._menu[text] = menu_row(text)
        return v


# Literal characters every match holds: a pattern is only run on text that has one of them.
_SENTENCE_HINT = re.compile("[.!?。！？]")
_NAV_HINT = re.compile("[|>›»/]")          # every alternative of ``_NAV`` but ``^\W*$``
_TIMESTAMP_HINT = re.compile("[-:年/]")
_DATEISH_HINT = re.compile("[-/.年月:]")    # every alternative of ``_DATEISH`` but ``^\d{4}$``


def _last_is(text: str, chars: str) -> bool | None:
    r"""Whether the last character is one of ``chars``; None when it is white space (or there is none).

    On a text that does not end in white space, a pattern ending ``[chars]\s*$`` can only match its
    last character (``regex``'s ``\s`` is white space for ``str.isspace`` too: checked in tests)."""
    last = text[-1:]
    if last and not last.isspace():
        return last in chars
    return None


def _full_stop_end(text: str) -> bool:
    """``_FULL_STOP_END.search(text)``."""
    end = _last_is(text, ".。")
    if end is None:
        return _FULL_STOP_END.search(text) is not None
    return end and text[-2:-1] not in (".", "…")


def _label_end(text: str) -> bool:
    """``_LABEL_END.search(text)``."""
    end = _last_is(text, ":：")
    return end if end is not None else _LABEL_END.search(text) is not None


def _date_only(text: str) -> bool:
    r"""``_DATE_ONLY.match(text)``; a text opening with a letter outside the class cannot match (no letter
    is a ``\d`` digit or white space: checked over every code point in tests)."""
    c = text[:1]
    if c.isalpha() and c not in "TZ年月日時分秒":
        return False
    return _DATE_ONLY.match(text) is not None


def _nav(text: str) -> bool:
    r"""``_NAV.search(text)``; without a separator character only ``^\W*$`` can match, which a text
    opening with a letter fails (every letter is a ``\w`` character: checked in tests)."""
    if _NAV_HINT.search(text) is None and text[:1].isalpha():
        return False
    return _NAV.search(text) is not None


def _credit(text: str) -> bool:
    """``_CREDIT.search(text)``. On ASCII text only its ASCII alternatives can match, and under
    ``IGNORECASE`` an ASCII character matches an ASCII letter of the pattern only as its lowercase does."""
    if text.isascii():
        low = text.lower()
        if not (low.startswith(("by", "source")) or "reporter" in low or "staff writer" in low):
            return False
    return _CREDIT.search(text) is not None


def _sentences(text: str) -> int:
    """``len(_SENTENCES.findall(text))``: every match opens with a sentence end."""
    return len(_SENTENCES.findall(text)) if _SENTENCE_HINT.search(text) else 0


def _rejected(scan: _Scan, body: str) -> bool:
    """Not a headline at all: a date, a URL, a menu row, a label, glued menu words (what ``_head``
    rejects for weight and length aside)."""
    return ((body.startswith(("http://", "https://", "www.")) and _URL.match(body) is not None)
            or _date_only(body) or _label_end(body) or _nav(body)
            or (len(body) >= 30 and _CJK.search(body) is not None
                and _GLUED.match(body.replace(" ", "")) is not None)
            or scan.menu_row(body))


class _Head(NamedTuple):
    """The cheap terms of a line's score, summed; the costly ones (``menu_row``, echoes) are left open."""

    ln: Line
    body: str
    s: float            # the exact sum of the terms known so far
    room: float         # the most the open terms can add (the echo; the head-of-group bonus when open)
    head_open: bool     # the head-of-group bonus depends on ``menu_row`` of the line above


_ECHO = 2.0             # what the echo adds
_GROUP_HEAD = 1.5       # what heading a group of lines adds


def _beats(s: float, index: int, best_s: float, best_index: int) -> bool:
    """Whether a score ``s`` of line ``index`` wins over ``best_s`` of line ``best_index``: a higher score,
    or the same score on an earlier line (the first line with the highest score wins); ``best_index``
    -1 asks for a higher score."""
    return s > best_s or (s == best_s and index < best_index)


def _head(scan: _Scan, ln: Line, start: int) -> _Head | None:
    """The cheap terms of ``ln``'s score; None when it is rejected for its weight or length alone."""
    t = ln.text
    i = ln.index
    lines, weights = scan.lines, scan.weights
    body = strip_marker(t)
    w = weights[i] if body is t else weight(body)
    if w < 2.5 or len(body) < 6 or len(t) > MAX_TITLE:
        return None
    s = 2.0 if 4 <= w <= 40 else 0.0
    if _full_stop_end(body):
        s -= 2.5
    s += max(0.0, 3.0 - 0.25 * abs(start - i))
    s += _after(scan, i)
    for x in lines[i + 1: i + 3]:
        if x.role == "boilerplate" and x.field == "share":
            s += 1.5  # share buttons under the headline
            break
    prev = lines[i - 1] if i else None
    head_open = not (prev is None or prev.role in ("boilerplate", "header") or weights[prev.index] < 2.5)
    if not head_open:
        s += _GROUP_HEAD  # the head of a group of lines (headline, standfirst, byline)
    return _Head(ln, body, s, _ECHO + (_GROUP_HEAD if head_open else 0.0), head_open)


def _after(scan: _Scan, i: int) -> float:
    """What the header lines (date, source, byline) next to line ``i`` add: under it, at most one free
    line between, or a date line above it."""
    lines, weights, header_like = scan.lines, scan.weights, scan.header_like
    between = 0
    for nxt in lines[i + 1: i + 5]:
        if header_like(nxt):
            return (6.0 if nxt.role == "header" else 4.0) / (1 + between)
        if nxt.role is None and weights[nxt.index] >= 2.5:
            between += 1
            if between > 1:
                break
    return 4.0 if i and lines[i - 1].role == "header" else 0.0  # the date line stands above the headline


def _finish(scan: _Scan, h: _Head, best_s: float, best_index: int) -> float | None:
    """The score of ``h.ln``, or None once it cannot beat ``best_s`` of line ``best_index`` (``_beats``).

    Every open term but the echo and the head-of-group bonus lowers the score (or rejects the line), so
    ``s + room`` bounds it at each step: the costly tests are left out once the bound cannot win."""
    ln, body, s, room = h.ln, h.body, h.s, h.room
    t = ln.text
    s -= 2.0 * _sentences(body)
    if _credit(body):
        s -= 4.0  # a source, byline or photo credit line
    if _TIMESTAMP_HINT.search(body) and _TIMESTAMP.search(body):
        s -= 4.0  # a date line, not a headline
    if body != t:
        s -= 2.0 if body in scan.texts else 0.5  # the plain copy of a headline printed as a list item too
    if not _beats(s + room, ln.index, best_s, best_index):
        return None
    if _rejected(scan, body):
        return -99.0
    if h.head_open:
        room -= _GROUP_HEAD
        if scan.menu_row(scan.lines[ln.index - 1].text):
            s += _GROUP_HEAD  # the head of a group: the line above is a menu row
        elif not _beats(s + room, ln.index, best_s, best_index):
            return None
    if scan.echoed(body, ln.index):
        s += _ECHO  # printed twice, or echoed (``正在阅读：…``)
    return s


def _score(scan: _Scan, ln: Line, start: int) -> float:
    """The headline score of ``ln``: -99 for a line that is no headline at all."""
    h = _head(scan, ln, start)
    if h is None:
        return -99.0
    s = _finish(scan, h, -math.inf, -1)
    assert s is not None  # nothing is left out against -inf
    return s


def _header_like(ln: Line) -> bool:
    if ln.role == "header":
        return True
    t = ln.text
    return (ln.role is None and (len(t) <= 5 or _DATEISH_HINT.search(t) is not None)
            and bool(_DATEISH.search(t)) and weight(t) <= 20)


def _near_header(scan: _Scan, ln: Line) -> bool:
    lines = scan.lines
    return any(scan.header_like(x) for x in lines[max(0, ln.index - 2): ln.index + 3] if x is not ln)


def _candidates(scan: _Scan, lay: Layout) -> list[_Head]:
    """The lines searched for the headline with their cheap terms, the best bound first (then by index)."""
    heads = []
    weights, start = lay.weights, lay.start
    for ln in scan.lines[max(0, start - WINDOW): start + INTO_MAIN]:
        if ln.role is not None or (ln.index >= start and lay.prose[ln.index] and (
                weights[ln.index] > 30 or _full_stop_end(ln.text))):
            continue
        if weights[ln.index] < 2.5 or not 6 <= len(ln.text) <= MAX_TITLE:
            continue  # ``_head`` rejects it: the line without its marker is no heavier nor longer
        h = _head(scan, ln, start)
        if h is not None:
            heads.append(h)
    heads.sort(key=lambda h: (-(h.s + h.room), h.ln.index))
    return heads


def _best_line(scan: _Scan, lay: Layout) -> tuple[Line | None, float]:
    """The first line with the highest score above ``MIN_SCORE`` (None without one), and its score.

    Lines are scored from the best bound down, and the search stops at the first bound that cannot
    win (``_beats``): lines rejected for weight or length alone score -99 and never win."""
    best, best_s, best_index = None, MIN_SCORE, -1
    for h in _candidates(scan, lay):
        if not _beats(h.s + h.room, h.ln.index, best_s, best_index):
            break  # neither this bound nor any after it can win
        if h.ln.index >= lay.start and not _near_header(scan, h.ln):
            continue  # inside the block only a line with the header lines beside it
        s = _finish(scan, h, best_s, best_index)
        if s is not None and _beats(s, h.ln.index, best_s, best_index):
            best, best_s, best_index = h.ln, s, h.ln.index
    return best, best_s


def _whole_page_title(doc: Doc) -> Line | None:
    lay = layout_of(doc)
    if lay.start < 0:
        return None
    scan = _Scan(doc.ledger.lines, lay.weights, doc.ledger.text)
    best, best_s = _best_line(scan, lay)
    weights = lay.weights
    if best is not None and best.index:
        # a headline with its standfirst or author line under it: the group's first line is the headline
        prev = doc.ledger.lines[best.index - 1]
        if (prev.role is None and weights[prev.index] >= 4 and strip_marker(prev.text) != best.text
                and len(prev.text) >= 0.5 * len(best.text)
                and _score(scan, prev, lay.start) >= max(MIN_SCORE, best_s - 3.5)):
            return prev
    return best


def _claim(doc: Doc, ln: Line, rule: str) -> None:
    doc.ledger.claim(ln.index, "title", "title", rule)
    doc.fields["title"] = {"text": ln.text, "span": ln.span, "rule": rule}
    doc.fire(rule)
    # an extractor that printed the headline twice: the copy is the title too
    for other in doc.ledger.lines[max(0, ln.index - 4): ln.index + 5]:
        if other.role is None and other.text == ln.text:
            doc.ledger.claim(other.index, "title", "title", "title.repeated")


def extract(doc: Doc) -> None:
    skipped = set()
    first = None    # the first free line that is not a bare timestamp
    for ln in doc.ledger.lines:
        if ln.role is None:
            if not _DATE_ONLY.match(ln.text):
                first = ln
                break
            skipped.add(ln.index)  # a bare timestamp line above the headline is header, whoever claims it
    if first is None:
        return
    dl = doc.fields.get("dateline")
    if dl and first.start <= dl["span"][0] < first.end:
        return  # the text starts with the dateline: no title
    lay = layout_of(doc)
    if whole_page(doc, lay):
        best = _whole_page_title(doc)
        if best is not None:
            _claim(doc, best, "title.whole_page")
        return
    # the first free line must come before any body-like line and be the first content of the text
    if first.index > 0 and any(ln.role in (None, "body") and ln.index not in skipped
                               for ln in doc.ledger.lines[: first.index]):
        return
    if not looks_like_title(first.text):
        return
    if len(first.text) > 120 and first.text.rstrip()[-1:] in ".。":
        return  # a long sentence ending in a full stop is a lead paragraph
    _claim(doc, first, "title.first_line")
