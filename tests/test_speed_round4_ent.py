"""Round-4 speed shortcuts of the entity stage, each checked against its slow path."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer.entities import matcher

SAMPLES = [
    "Seoul, South Korea (Reuters) - President Moon Jae-in met U.S. officials in New York on Monday.",
    "iPhone McDonald's eBay São Paulo Île-de-France ÉCOLE Ørsted Łódź Ｓｅｏｕｌ ＴＯＫＹＯ",
    "ΑBC xΑBC αBeta ΣΟΦΙΑ Αθήνα Москва и Санкт-Петербург, Владимир Путин",
    "İstanbul'da DİYARBAKIR ǅemal ǈubljana ǋ ﬀoo Straße STRAẞE ſtraße",
    "東京都のソウル支局で、Kim Jong Un氏と서울에서 Seoul과 만났다. 北京New York",
    "emoji 😀 Paris 𝐀bc 𝐁Ob Deseret 𐐀𐐨 Adlam 𞤀 after Astral: Berlin",
    "5Km 3G Apple2 A1 x-Ray U.S.-Japan anti-Japan Sino-Japan @Seoul #Tokyo_2020",
    "\ud800 lone surrogate Rome \udfff Vienna",
    "",
    "A",
    "aB",
]


def _slow(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in matcher._CAP_WORD.pattern.finditer(text)]


def test_cap_word_spans_match_the_regex_pattern_on_samples():
    for s in SAMPLES:
        assert matcher.cap_word_spans(s) == _slow(s), s


def test_cap_word_spans_match_on_random_mixed_scripts():
    rng = random.Random(4)
    # capitals and letters of several scripts, letters new to recent Unicode versions, marks, digits, blanks
    pool = list("AaZzÉéÆæİıſßẞǅǈΣσΑαЖжЁёԱաאبあア一가 \t\n-'’.0١²ⅧⓐＡａ") + ["\u0558", "\u1c89", "\U0001d400", "\U00010400"]
    for _ in range(3000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert matcher.cap_word_spans(s) == _slow(s), repr(s)


def test_cap_word_spans_match_on_every_bmp_capital_after_every_kind_of_letter():
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    caps = [c for c in bmp if c.isupper() or c.istitle()]
    before = ["", " ", "a", "Ж", "α", "1", "ア", "\u0558"]
    for b in before:
        s = "".join(b + c + "bc " for c in caps)
        assert matcher.cap_word_spans(s) == _slow(s)


def test_cap_word_spans_match_on_corpus_lines():
    lines = corpus_lines()
    for i in range(0, len(lines), 50):
        text = "\n".join(lines[i:i + 50])
        assert matcher.cap_word_spans(text) == _slow(text)
