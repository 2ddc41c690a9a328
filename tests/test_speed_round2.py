"""Issue 8, round 2: each new shortcut gives the same answer as the slow path it stands in for."""
from __future__ import annotations

import random
import sys
from collections import Counter

import regex
from conftest import corpus_lines, slow_language_of

from normalizer import body, boilerplate, language, layout, sources
from normalizer.lines import Line

LINES = list(corpus_lines(strip=True))
_RND = random.Random(7)
FUZZ = ["".join(chr(_RND.randrange(0x20, 0x30000)) for _ in range(_RND.randint(1, 12))) for _ in range(3000)] + [
    "o Item", "- |", "12. Step", "١٢. x", "· dot", "・中黒", "» Next", "Ünïcode", "ſ", "abc", "—", "",
]


def test_no_letter_opens_a_marker_or_a_separator():
    """The first-character tests hold over every code point."""
    digit = regex.compile(r"\d")
    sep = regex.compile(r"[\p{P}\p{S}\s]")
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if ch.isalpha():
            assert not digit.match(ch), hex(i)
        if ch.isalnum():
            assert not sep.match(ch), hex(i)
    for ch in "-*•·+>|»›*+o•·・■▶►▷◆◇○●":
        assert not ch.isalpha() or ch == "o"


def test_marker_and_separator_shortcuts():
    for text in LINES + FUZZ:
        assert layout.has_marker(text) == bool(layout.MARKER.match(text)), text
        assert layout.strip_marker(text) == layout.MARKER.sub("", text, count=1), text
        assert boilerplate._is_separator(text) == bool(boilerplate._SEPARATOR.match(text)), text


def test_glued_teaser_prefilter():
    def slow(text: str) -> bool:
        for m in layout._GLUE.finditer(text[:150]):
            pre = text[: m.start() + 1].split()
            if len(pre) >= 3 and sum(1 for t in pre if t[:1].isupper() or t[:1].isdigit()) >= 0.6 * len(pre):
                return True
        return False
    for text in LINES + FUZZ + ["Police Arrest Two After Downtown RobberyA 24-year-old man"]:
        assert layout.glued_teaser(text) == slow(text), text


def test_language_of_ascii_path():
    for text in LINES[::3] + FUZZ + ["", "Share", "123"]:
        for lang in (None, "en", "de", "zh-Hans", "ja", "ru", "uk", "bg"):
            assert boilerplate.language_of(text, lang) == slow_language_of(text, lang), (text, lang)


def test_whole_entry_is_entry_of_the_whole_line():
    class _Doc:
        language = "en"
        rules = None
    from normalizer.rules import load_rules
    doc = _Doc()
    doc.rules = load_rules()
    for i, text in enumerate(LINES[::50] + ["Home | News", "首页 新闻"]):
        ln = Line(i, text, 10, 10 + len(text))
        assert boilerplate._whole_entry(doc, ln, "navigation", "r") == \
            boilerplate._entry(doc, ln, 0, len(text), "navigation", "r", None)


def test_split_ascii_and_script_counts():
    for text in LINES[::5] + FUZZ:
        letters, rest = language.split_ascii(text)
        assert letters == sum(1 for ch in text if ch.isascii() and ch.isalpha()), text
        assert rest == "".join(ch for ch in text if not ch.isascii()), text

    def slow(text: str) -> dict[str, int]:
        c = {name: sum(map(len, rx.findall(text))) for name, rx in language._SCRIPTS}
        c["other"] = max(0, sum(map(len, language._LETTERS.findall(text))) - sum(c.values()))
        return c
    for text in LINES[::11] + FUZZ[:500]:
        assert language.script_counts(text) == slow(text), text


def test_repair_fast_path_changes_nothing():
    class _Doc:
        def __init__(self):
            self.repairs: list[dict] = []
            self.fired: list[str] = []

        def fire(self, rule: str) -> None:
            if rule not in self.fired:
                self.fired.append(rule)

    def slow(doc, line: Line) -> str:   # the repair before the ASCII shortcut
        text = out = line.text
        for m in reversed(list(body._STRAY_HYPHEN.finditer(text))):
            doc.repairs.append({"kind": "stray_hyphen", "span": [line.start + m.start(), line.start + m.end()],
                                "before": text[max(0, m.start() - 20): m.end() + 20], "rule": "body.stray_hyphen"})
            out = out[: m.start()] + out[m.end():]
        if body._INVISIBLE.search(out):
            n = len(body._INVISIBLE.findall(out))
            out = body._INVISIBLE.sub("", out)
            doc.repairs.append({"kind": "invisible_chars", "span": list(line.span), "count": n,
                                "rule": "body.invisible"})
        if body._FULLWIDTH_ALNUM.search(out):
            n = len(body._FULLWIDTH_ALNUM.findall(out))
            out = body._FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), out)
            doc.repairs.append({"kind": "fullwidth_alnum", "span": list(line.span), "count": n,
                                "rule": "body.fullwidth"})
            doc.fire("body.fullwidth")
        if out != text:
            doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
        return out
    extra = ["the -Korean Peninsula", "a\u200bb", "ＡＩ ２０１９", "x -Yz\u00ad", "plain"]
    for text in LINES[::2] + extra:
        ln = Line(0, text, 5, 5 + len(text))
        a, b = _Doc(), _Doc()
        assert body.repair(a, ln) == slow(b, ln), text
        assert (a.repairs, a.fired) == (b.repairs, b.fired), text


def test_credit_count_matches_the_set_scan():
    """``from_text`` counts a source's credits of a kind from a list; the old set scan gave the same."""
    rnd = random.Random(3)
    kinds = ["copyright", "domain", "label", "rule1", "rule10", "rule2", "rule11"]
    for _ in range(300):
        counted: set[tuple[str, str]] = set()
        per: dict[str, list[str]] = {}
        for _ in range(20):
            sid, kind, cap = rnd.choice("ab"), rnd.choice(kinds), rnd.choice((1, 3))
            k_old = sum(1 for c in counted if c[0] == sid and c[1].startswith(kind))
            k_new = sum(1 for c in per.get(sid, ()) if c.startswith(kind))
            assert k_old == k_new
            if k_old < cap:
                counted.add((sid, f"{kind}#{k_old}"))
                per.setdefault(sid, []).append(kind)


def test_script_language_counts():
    """``sources._script_language`` counts ASCII letters apart; the per-character scan gave the same."""
    def slow(sample: str) -> str | None:   # the function before the shortcut
        sample = sample[:20000]
        counts = {lang: 0 for _, lang in sources._SCRIPT_LANG}
        latin = 0
        for ch, k in Counter(sample).items():
            if ch.isascii():
                if ch.isalpha():
                    latin += k
                continue
            lang = sources._char_lang(ch)
            if lang is not None:
                counts[lang] += k
        if counts["ja"] > 20:
            return "ja"
        best = max(counts, key=lambda k: counts[k])
        if counts[best] > max(20, latin // 8):
            return best
        return "en" if latin else None

    class _Doc:
        text = ""
    doc = _Doc()
    rnd = random.Random(5)
    for _ in range(200):
        doc.text = "\n".join(rnd.sample(LINES, 40)) + rnd.choice(FUZZ) * rnd.randint(0, 30)
        assert sources._script_language(doc) == slow(doc.text)
