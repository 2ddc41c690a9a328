"""The headline: the first line of the article that reads as one, or null when the text starts with
the dateline or the body.

On a whole web page (menus, teasers and footers around the article) the headline is looked for
among the lines above the article's main block: a line of headline length, close to the block,
followed by the header lines (date, source, byline), often printed twice or echoed elsewhere
(``正在阅读：…``); not a menu row, a breadcrumb, a label or a sentence of the lead.
"""
from __future__ import annotations

import regex

from .boilerplate import layout_of, whole_page
from .doc import Doc
from .layout import MARKER, menu_row, weight
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


def by_length(texts: list[str]) -> dict[int, list[tuple[int, str]]]:
    """(index, text) of the lines grouped by length, to find a line's echoes without a full scan."""
    out: dict[int, list[tuple[int, str]]] = {}
    for i, x in enumerate(texts):
        out.setdefault(len(x), []).append((i, x))
    return out


def _echoed(body: str, index: int, texts: list[str], lengths: dict[int, list[tuple[int, str]]] | None) -> bool:
    """Another line holds ``body`` and is at most 12 characters longer (printed twice, or echoed)."""
    if lengths is None:
        return any(i != index and body in x and len(x) <= len(body) + 12 for i, x in enumerate(texts))
    n = len(body)
    return any(i != index and body in x for size in range(n, n + 13) for i, x in lengths.get(size, ()))


def _score(doc: Doc, ln: Line, start: int, texts: list[str],
           lengths: dict[int, list[tuple[int, str]]] | None = None) -> float:
    t = ln.text
    body = MARKER.sub("", t, count=1)
    w = weight(body)
    if (w < 2.5 or len(body) < 6 or (len(body) >= 30 and _CJK.search(body) and _GLUED.match(body.replace(" ", ""))) or len(t) > MAX_TITLE or _DATE_ONLY.match(body) or _URL.match(body)
            or _NAV.search(body) or _LABEL_END.search(body) or menu_row(body)):
        return -99.0
    s = 2.0 if 4 <= w <= 40 else 0.0
    if _FULL_STOP_END.search(body):
        s -= 2.5
    s -= 2.0 * len(_SENTENCES.findall(body))
    gap = abs(start - ln.index)
    s += max(0.0, 3.0 - 0.25 * gap)
    lines = doc.ledger.lines
    between = 0
    after = 0.0
    for nxt in lines[ln.index + 1: ln.index + 5]:
        if _header_like(nxt):
            after = (6.0 if nxt.role == "header" else 4.0) / (1 + between)
            break
        if nxt.role is None and weight(nxt.text) >= 2.5:
            between += 1
            if between > 1:
                break
    if not after and ln.index and lines[ln.index - 1].role == "header":
        after = 4.0  # the date line stands above the headline
    s += after
    if _CREDIT.search(body):
        s -= 4.0  # a source, byline or photo credit line
    if _TIMESTAMP.search(body):
        s -= 4.0  # a date line, not a headline
    if any(x.role == "boilerplate" and x.field == "share" for x in lines[ln.index + 1: ln.index + 3]):
        s += 1.5  # share buttons under the headline
    prev = lines[ln.index - 1] if ln.index else None
    if prev is None or prev.role in ("boilerplate", "header") or menu_row(prev.text) or weight(prev.text) < 2.5:
        s += 1.5  # the head of a group of lines (headline, standfirst, byline)
    if _echoed(body, ln.index, texts, lengths):
        s += 2.0  # printed twice, or echoed (``正在阅读：…``)
    if body != t:
        s -= 2.0 if body in texts else 0.5  # the plain copy of a headline printed as a list item too
    return s


def _header_like(ln: Line) -> bool:
    return ln.role == "header" or (ln.role is None and bool(_DATEISH.search(ln.text)) and weight(ln.text) <= 20)


def _near_header(doc: Doc, ln: Line) -> bool:
    lines = doc.ledger.lines
    return any(_header_like(x) for x in lines[max(0, ln.index - 2): ln.index + 3] if x is not ln)


def _whole_page_title(doc: Doc) -> Line | None:
    lay = layout_of(doc)
    if lay.start < 0:
        return None
    texts = [ln.text for ln in doc.ledger.lines]
    lengths = by_length(texts)
    best, best_s = None, MIN_SCORE
    for ln in doc.ledger.lines[max(0, lay.start - WINDOW): lay.start + INTO_MAIN]:
        if ln.role is not None or (ln.index >= lay.start and lay.prose[ln.index] and (
                weight(ln.text) > 30 or _FULL_STOP_END.search(ln.text))):
            continue
        s = _score(doc, ln, lay.start, texts, lengths)
        if ln.index >= lay.start and not _near_header(doc, ln):
            continue  # inside the block only a line with the header lines beside it
        if s > best_s:
            best, best_s = ln, s
    if best is not None and best.index:
        # a headline with its standfirst or author line under it: the group's first line is the headline
        prev = doc.ledger.lines[best.index - 1]
        if (prev.role is None and weight(prev.text) >= 4 and MARKER.sub("", prev.text, count=1) != best.text
                and len(prev.text) >= 0.5 * len(best.text)
                and _score(doc, prev, lay.start, texts, lengths) >= max(MIN_SCORE, best_s - 3.5)):
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
    free = [ln for ln in doc.ledger.lines if ln.role is None]
    if not free:
        return
    skipped = set()
    for ln in free:  # a bare timestamp line above the headline is header, whoever claims it
        if not _DATE_ONLY.match(ln.text):
            break
        skipped.add(ln.index)
    first = next((ln for ln in free if ln.index not in skipped), None)
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
