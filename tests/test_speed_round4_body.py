"""The round-4 shortcuts in body, title and the ledger give the same answers as the slow paths they skip."""
from __future__ import annotations

import random
import sys
import unicodedata
from collections.abc import Iterator

import regex
from conftest import corpus_lines

from normalizer import body, title
from normalizer.doc import Doc
from normalizer.layout import hard_wrapped
from normalizer.lines import _BREAKS, Ledger, Line, _segment

LINES = list(corpus_lines(strip=True))
RAW_LINES = list(corpus_lines(strip=False))


def _fuzz(n: int, seed: int, size: int = 40) -> list[str]:
    """Random strings over letters of several scripts, punctuation, spaces, marks and rare characters."""
    rnd = random.Random(seed)
    pool = (list("abcXYZ019 .,!?:;-_/|>»›\"'()’”“「」。、！？：年月日時TZ+") + list("ÄéßſİıΣσςЖж東京한국カナ") +
            ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\u0301", "\u093f", "\u203f", "\uff21", "\uff41",
             "\uff10", "\uff01", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85", "\ud800", "\udc00", "\U0001d400",
             "\u2163", "\u00bd", "\u0660", "\ufb01", "\u212a", "\t"])
    return ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, size))) for _ in range(n)]


FUZZ = _fuzz(4000, 4)


def test_character_classes_the_shortcuts_rely_on():
    """Over every code point: ``regex``'s white space is ``str.isspace`` white space, no letter is white
    space or a digit for ``regex``, every letter is a ``regex`` word character."""
    space, digit, word = regex.compile(r"\s"), regex.compile(r"\d"), regex.compile(r"\w")
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if space.match(ch):
            assert ch.isspace(), hex(i)
        if ch.isalpha():
            assert not space.match(ch) and not digit.match(ch) and word.match(ch), hex(i)


def test_dup_key_matches_the_regex():
    def slow(text: str) -> str:
        return body._KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())
    for text in LINES[::2] + FUZZ + ["", "Ｈello,  World!", "a_b", "\ud800-\udc00", "x\U0001f600y"]:
        assert body.dup_key(text) == slow(text), text


def _slow_repair(doc: Doc, line: Line) -> str:
    """``body.repair`` as written before its shortcuts."""
    text = out = line.text
    if "-" not in text and text.isascii():
        return text
    for m in reversed(list(body._STRAY_HYPHEN.finditer(text)) if "-" in text else ()):
        doc.repairs.append({"kind": "stray_hyphen", "span": [line.start + m.start(), line.start + m.end()],
                            "before": text[max(0, m.start() - 20): m.end() + 20], "rule": "body.stray_hyphen"})
        out = out[: m.start()] + out[m.end():]
    if out.isascii():
        if out != text:
            doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
        return out
    if body._INVISIBLE.search(out):
        n = len(body._INVISIBLE.findall(out))
        out = body._INVISIBLE.sub("", out)
        doc.repairs.append({"kind": "invisible_chars", "span": list(line.span), "count": n, "rule": "body.invisible"})
    if body._FULLWIDTH_ALNUM.search(out):
        n = len(body._FULLWIDTH_ALNUM.findall(out))
        out = body._FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), out)
        doc.repairs.append({"kind": "fullwidth_alnum", "span": list(line.span), "count": n, "rule": "body.fullwidth"})
        doc.fire("body.fullwidth")
    if out != text:
        doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
    return out


def test_repair_matches_the_slow_path(norm):
    crafted = ["the -Korean Peninsula and ap\u00adproval", "re\u200bgional ＡＩ ２０１９ -Port", "Ｘ only",
               "über -Straße", "\u00ad", "-5 degrees", "a - b", "(-Word) x -Ab"]
    for text in LINES[::3] + FUZZ + crafted:
        got, want = Doc(text, Ledger(text), norm.rules), Doc(text, Ledger(text), norm.rules)
        line = Line(0, text, 7, 7 + len(text))
        assert body.repair(got, line) == _slow_repair(want, line), text
        assert (got.repairs, got.fired) == (want.repairs, want.fired), text


def _slow_split(text: str) -> list[str]:
    """``body.split_glued`` without its pre-tests."""
    cuts, last = [], 0
    for m in body._GLUE_POINT.finditer(text):
        if m.start() - last >= body.MIN_GLUED_PART and len(text) - m.start() >= body.MIN_GLUED_PART:
            cuts.append(m.start())
            last = m.start()
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def test_split_glued_matches_the_slow_path():
    rnd = random.Random(5)
    sents = [x for x in LINES if 20 <= len(x) <= 200][:3000] or ["The ministry said the deal was done."]
    glued = []
    for _ in range(3000):
        parts = [rnd.choice(sents).rstrip() for _ in range(rnd.randint(2, 4))]
        glue = rnd.choice(["", "", " ", "\"", "”", ")"])
        glued.append(glue.join(parts))
    a = "x" * 76 + "ab."
    edge = [a + "Tail" + " y" * 40, a + "”Tail " + "y" * 80, "é" * 78 + "ß.Σίγμα " + "z" * 80,
            "w" * 78 + "cd!Ab " + "q" * 77, "w" * 78 + "cd!Ab " + "q" * 73]
    for text in LINES[::2] + glued + edge + FUZZ:
        assert body.split_glued(text) == _slow_split(text), text


def test_title_pretests_match_the_regexes():
    samples = LINES[::2] + FUZZ + ["2024", "2024-05-01", "T12:00Z", "By Ann Lee", "by: x", "SOURCE: AP",
                                   "Staff Writer", "reporters", "ſource: x", "Home | News", "— —", "a >> b",
                                   "Label:", "Label： ", "End.", "End..", "End…", "x。", "."]
    for t in samples:
        assert title._full_stop_end(t) == bool(title._FULL_STOP_END.search(t)), t
        assert title._label_end(t) == bool(title._LABEL_END.search(t)), t
        assert title._date_only(t) == bool(title._DATE_ONLY.match(t)), t
        assert title._nav(t) == bool(title._NAV.search(t)), t
        assert title._credit(t) == bool(title._CREDIT.search(t)), t
        assert title._sentences(t) == len(title._SENTENCES.findall(t)), t
        url = t.startswith(("http://", "https://", "www.")) and bool(title._URL.match(t))
        assert url == bool(title._URL.match(t)), t
        if title._TIMESTAMP.search(t):
            assert title._TIMESTAMP_HINT.search(t), t
        ln = Line(0, t, 0, len(t))
        slow = bool(title._DATEISH.search(t)) and title.weight(t) <= 20
        assert title._header_like(ln) == slow, t


def test_echo_index_matches_the_scan():
    rnd = random.Random(6)
    heads = ["Headline here", "正在阅读：Headline here", "Headline", "x", "", "Headline here, echoed"]
    for _ in range(300):
        texts = [rnd.choice(heads + LINES[:50] + FUZZ[:50]) for _ in range(rnd.randint(0, 12))]
        echoes = title.Echoes(texts)
        for i, b in enumerate(texts + heads + ["a\nb"]):
            assert echoes.echoed(b, i) == title._echoed(b, i, texts), (b, i, texts)
    texts = ["a\nHeadline", "Headline"]   # a text with a newline: the scan answers
    assert title.Echoes(texts).echoed("Headline", 1) == title._echoed("Headline", 1, texts)


def _slow_segment(text: str) -> Iterator[Line]:
    """The ledger's lines as a character-by-character reading of ``str.splitlines`` gives them."""
    pos = 0
    for piece in text.splitlines(keepends=True):
        raw = piece[:-2] if piece.endswith("\r\n") else piece[:-1] if piece[-1] in _BREAKS else piece
        if raw.strip():
            yield len(raw) - len(raw.lstrip()) + pos, raw.strip()
        pos += len(piece)


def test_segment_matches_splitlines():
    rnd = random.Random(7)
    breaks = ["\n"] * 8 + ["\r\n", "\r", "\u2028", "\x0c", "\x85", "\n\n", "  \n"]
    texts = []
    for k in range(600):
        lines = [rnd.choice(RAW_LINES[:4000] + FUZZ[:200] + ["", "   ", "\t x \t"]) for _ in range(rnd.randint(0, 20))]
        sep = [rnd.choice(breaks if k % 2 else ["\n", "\n", " \n"]) for _ in lines]
        texts.append("".join(x + s for x, s in zip(lines, sep, strict=True)) + rnd.choice(["", "tail", "\n"]))
    for text in texts + ["", "\n", "a", " a \n b\r\nc"]:
        got = _segment(text)
        assert [(ln.start, ln.text) for ln in got] == list(_slow_segment(text)), text
        assert [ln.index for ln in got] == list(range(len(got)))
        assert all(text[ln.start:ln.end] == ln.text for ln in got)


def test_table_rows_only_ever_unwrap():
    """``body._hard_wrapped`` asks about table rows only when the lengths alone read as hard-wrapped."""
    rnd = random.Random(8)
    for _ in range(5000):
        lengths = [rnd.choice([rnd.randint(0, 120), rnd.randint(55, 72)]) for _ in range(rnd.randint(0, 30))]
        tables = rnd.randint(0, len(lengths))
        if hard_wrapped(lengths, tables):
            assert hard_wrapped(lengths)
