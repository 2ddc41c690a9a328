"""Speed round 11 (boilerplate word lines): the page-wide word gate never turns away a line that has a
word kind."""
from __future__ import annotations

import sys

import pytest
import regex
from conftest import RulesDoc, corpus_lines

from normalizer import boilerplate

TEXTS = [
    "", " ", "Share", "Tweet", "- Facebook | Twitter | LinkedIn", "Linked In  Share  Email", "LINKED IN",
    "lİnked in", "L\u0130NKED IN", "Lin\u212aed in", "o linked in", "olinked in", "1. linked in", "linked in",
    "Face book", "f a c e b o o k", "F\u00a0a\u2003c e\tbook", "12.  Face book", "•  Twitter", "* x", "x",
    "fa\u200bcebook", "face\u00adbook", "Share\u200bthis", "微博 微信 分享 106", "分享 到", "分 享", "分享到：微博 QQ空间",
    "Print Email Share 12", "Advertisement", "Ad vert", "广告", "k 万 K", "Facebook Twitter Google+ 1.2k",
    "Facebook ★ Twitter ☆ Email", "Home News Sport Weather", "© 2024 Example Media. All rights reserved.",
    "Tél. 01 23 45 67 89 — Contact", "Поделиться ВКонтакте Telegram", "공유 페이스북 트위터", "シェア ツイート はてブ",
    "The minister said on Tuesday that talks would go on, share prices fell and Twitter users reacted.",
    "Follow us on Facebook, Twitter and Instagram for more", "| / · • , ： 、", "(12) 3,4 +5 -6",
    "\uf8ff private icon Share", "Ｓｈａｒｅ fullwidth", "Kelvin \u212a share", "WeChat\U0001f4f1Weibo", "ß s",
    "STRASSE", "ﬀ", "Tw\u0307eet", "로그인  홈", "The head of the ad agency", "Wax", "Log out",
]
_ICONS = regex.compile(r"[\p{Co}\p{So}\p{Cf}]")


@pytest.fixture(scope="module")
def every_char() -> str:
    return "".join(map(chr, [*range(0xD800), *range(0xE000, sys.maxunicode + 1)]))


def _check(rules, texts: list[str]) -> int:
    """Every text the gate turns away has no word kind; returns how many it turns away."""
    gate = rules.view("boilerplate.words.gate", boilerplate._build_word_gate)
    assert gate is not None
    hits = boilerplate._word_hits(gate, texts)
    doc = RulesDoc(rules)
    for t, hit in zip(texts, hits, strict=True):
        if not hit:
            assert boilerplate._word_kind(doc, t) is None, t
    return hits.count(False)


def test_gate_keeps_every_word_line(rules):
    texts = TEXTS + [f"{a} {b}" for a in TEXTS[:30] for b in TEXTS[:30]]
    assert 0 < _check(rules, texts) < len(texts)
    assert boilerplate._word_hits(rules.view("boilerplate.words.gate", boilerplate._build_word_gate),
                                  ["Face book", "fa\u200bcebook", "lİnked in", "the news"]) == [True, True, True, False]


def test_gate_keeps_every_word_line_of_the_corpora(rules):
    lines = [t for t in corpus_lines(strip=True) if len(t) <= 400]
    if len(lines) < 1000:
        pytest.skip("shared corpora absent")
    _check(rules, lines[::8])


def test_gate_falls_back_on_line_breaks_and_odd_words(rules):
    gate = rules.view("boilerplate.words.gate", boilerplate._build_word_gate)
    assert boilerplate._word_hits(gate, ["a\nb", "the news"]) == [True, True]

    class _Rules:
        def __init__(self, words: dict[str, str]) -> None:
            self._words = words

        def view(self, _key, _fn):
            return self._words, frozenset()
    assert boilerplate._build_word_gate(_Rules({"a b": "share"})) is None
    assert boilerplate._build_word_gate(_Rules({"a\u200bb": "share"})) is None
    assert boilerplate._build_word_gate(_Rules({"": "share"})) is None


def test_character_facts_the_gate_rests_on(every_char):
    spaces = regex.findall(r"\s", every_char)
    assert all(c.isspace() for c in spaces)  # ``str.split`` drops whatever ``\s`` matches
    white = [c for c in every_char if c.isspace()]
    assert not any(c.isprintable() for c in white if c != " ")  # ``_solid``
    solid = "".join(every_char.split())
    assert len(solid.casefold().split()) == 1  # casefolding (per character) makes no white space
    icons = "".join(_ICONS.findall(every_char))
    assert len(boilerplate._MAYBE_ICON.findall(icons)) == len(icons) > 1000
    assert not _ICONS.search(_ICONS.sub("", every_char).casefold())  # nor an icon


def test_linked_in_letters_fold_to_themselves(every_char):
    for letter in "linked":
        for c in regex.findall("(?i)" + letter, every_char):
            assert c.casefold() == letter or (letter == "i" and c.casefold() == "i\u0307"), hex(ord(c))
    assert boilerplate._LINKED_IN.pattern == r"(?i)\blinked in\b"
    assert regex.findall("(?i) ", every_char) == [" "]
