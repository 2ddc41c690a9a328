"""Speed round 11 (boilerplate sweep, menus, entries): the shortcuts give the slow paths' answers."""
from __future__ import annotations

import random
import sys

from conftest import corpus_lines, slow_language_of

from normalizer import boilerplate, language

LANGS = (None, "de", "zh-Hans", "ru", "uk")


def _members(pattern, text: str) -> set[int]:
    """The positions of ``text`` that ``pattern`` (a class, maybe repeated) matches."""
    return {i for m in pattern.finditer(text) for i in range(m.start(), m.end())}


def test_language_of_classes_are_the_counts_classes():
    """Over every code point: each class ``language_of`` reads is the one ``script_counts`` counts, and no
    character of it lies in another script's class (so counting it alone is what the counts give)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    scripts = {name: _members(rx, every) for name, rx in language._SCRIPTS}
    mine = {"kana": boilerplate._KANA, "hangul": boilerplate._HANGUL, "han": boilerplate._HAN,
            "cyrillic": boilerplate._CYRILLIC, "latin": boilerplate._LATIN}
    for name, rx in mine.items():
        got = _members(rx, every)
        assert got == scripts[name], name
        assert not any(got & s for other, s in scripts.items() if other != name), name
    decisive = _members(boilerplate._DECISIVE, every)
    assert decisive == scripts["kana"] | scripts["hangul"] | scripts["han"] | scripts["cyrillic"]
    for cp in range(0, sys.maxunicode + 1, 97):  # the whole function, on a sample of code points
        for text in (chr(cp), chr(cp) + "ab"):
            assert boilerplate.language_of(text, "uk") == slow_language_of(text, "uk"), hex(cp)


def test_language_of_mixed_strings():
    rnd = random.Random(11)
    pool = ("a", "Z", "é", "ß", "ÿ", "Ā", "ɏ", "ɐ", "×", "÷", "1", " ", "中", "國", "㐀", "豈", "\U00020000",
            "\U0002fa1f", "\U0002fa20", "あ", "カ", "ｦ", "ﾟ", "ㇰ", "한", "ᄀ", "ㄱ", "ㆎ", "Ж", "ї", "ӿ", "Ԁ",
            "α", "ا", "©", "»", "\ud800", "\u0301", "·")
    texts = ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 14))) for _ in range(2000)]
    texts += list(corpus_lines(strip=True))[::40]
    texts += ["Главная Новости", "新闻 News Sports", "ニュース", "뉴스", "Copyright © 2024 新华网 All rights reserved",
              "Київ Kyiv", "ab中", "abcde中", "abcdefgh中中", "Жa", "Жab"]
    for text in texts:
        for lang in LANGS:
            assert boilerplate.language_of(text, lang) == slow_language_of(text, lang), (text, lang)
