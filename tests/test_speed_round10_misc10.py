"""Speed round 10 (language): ``script_counts`` counting whole CJK and Cyrillic blocks before its ``Counter``
gives what the script classes give, character by character."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer import language

TEXTS = [
    "", "abc", "中国国家主席今天在北京会见了来访的法国总统。", "서울 연합뉴스 기자 = 정부는 오늘 발표했다.",
    "東京のニュース・速報：カタカナとひらがな、漢字。ヴァ゠ヿ゛゜ゝゞヽヾ", "Президент заявил сегодня о переговорах. Ёё Ѐѐ ҂ Ґґ",
    "Le président a déclaré à Paris", "中文 mixed English 한국어 text 日本語 русский ελληνικά عربي",
    "　ideographic space ㄱ compat jamo ｶﾀｶﾅ halfwidth 𠀀 ext-B 㐀 ext-A 豈 compat ᄀ jamo",
    "\u4dff\u4e00\u9fff\ua000\uabff\uac00\ud7a3\ud7a4\u3040\u3041\u3096\u3097\u30a0\u30a1\u30fa\u30fb"
    "\u040f\u0410\u044f\u0450",
]


def slow(text: str) -> dict[str, int]:
    """The definition: letters per script class (the lengths of its runs), the other letters."""
    c = {name: sum(map(len, rx.findall(text))) for name, rx in language._SCRIPTS}
    c["other"] = max(0, sum(map(len, language._LETTERS.findall(text))) - sum(c.values()))
    return c


def _dense(rnd: random.Random, n: int) -> str:
    """Characters drawn around and inside the bulk blocks (their edges most of all)."""
    spots = [0x4E00, 0x9FFF, 0xAC00, 0xD7A3, 0x3041, 0x3096, 0x30A1, 0x30FA, 0x0410, 0x044F, 0x3400, 0xF900]
    return "".join(chr(max(0x20, rnd.choice(spots) + rnd.randint(-3, 3))) if rnd.random() < 0.7
                   else chr(rnd.randrange(0x20, 0x30000)) for _ in range(n))


def test_bulk_blocks_are_checked_and_used():
    assert {script for script, _ in language._bulk_blocks()} == {1, 2, 3, 4}   # hangul, kana, han, cyrillic


def test_script_counts_match_the_classes():
    rnd = random.Random(10)
    samples = TEXTS + [t * 7 for t in TEXTS] + [_dense(rnd, rnd.randint(1, 80)) for _ in range(400)]
    samples += list(corpus_lines(strip=True))[::17]
    for text in samples:
        assert language.script_counts(text) == slow(text), text
