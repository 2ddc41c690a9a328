"""Round 6 shortcuts of layout and boilerplate, compared with the slow paths they replace."""
from __future__ import annotations

import regex
from conftest import corpus_lines

from normalizer import boilerplate, layout

TEXTS = [
    "", "Home News Sport Weather", "行情 股吧 新闻 外汇 期货", "中国国家主席今天在北京会见了来访的法国总统。",
    "뉴스 정치 경제 사회 문화 국제", "ニュース 速報 経済 政治 国際 スポーツ", "Президент заявил сегодня о переговорах.",
    "Le président a déclaré que les négociations se poursuivront à Paris, mardi.", "ᄀ first jamo ᄂ", "⺀ radical",
    "Ελληνικά νέα σήμερα από την Αθήνα", "ข่าว วันนี้ กรุงเทพ", "مرحبا بكم في الأخبار", "- About Us | Contact",
    "中文 mixed English 한국어 text 日本語", "　ideographic space ㄱ compat jamo ｶﾀｶﾅ halfwidth", "𠀀 ext-B han",
]


def _all_chars() -> str:
    return "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_cjk_floors_hold_over_every_code_point():
    chars = _all_chars()
    below = chars[: ord(layout.CJK_FLOOR)]
    assert layout._CJK.search(below) is None and layout._CJK.search(layout.CJK_FLOOR)
    below = chars[: ord(layout.HAN_KANA_FLOOR)]
    assert layout._HAN_KANA.search(below) is None and layout._HAN_KANA.search(layout.HAN_KANA_FLOOR)


def test_has_cjk_and_run_count_match_the_class():
    for t in TEXTS + [t * 7 for t in TEXTS]:
        assert layout.has_cjk(t) == (layout._CJK.search(t) is not None), t
        assert sum(map(len, layout._CJK_RUN.findall(t))) == len(layout._CJK.findall(t)), t


def _old_weight(text: str) -> float:
    c = len(layout._CJK.findall(text))
    return len(text.split()) + c / 2.5 if c else float(len(text.split()))


def _old_menu_row(text: str) -> bool:
    toks = text.split()
    if len(toks) < 3:
        return False
    if layout._HAN_KANA.search(text):
        lens = [len(t) for t in toks]
        return max(lens) <= 4 or (len(toks) >= 5 and sum(lens) / len(toks) <= 5)
    if layout._CJK.search(text):
        lens = [len(t) for t in toks]
        if layout._HANGUL_STOP.search(text) or layout.ends_sentence(text):
            return False
        return (len(toks) >= 5 and max(lens) <= 4) or (len(toks) >= 9 and sum(lens) / len(toks) <= 5)
    return len(toks) >= 4 and all(t[:1].isupper() or not t[:1].isalpha() for t in toks)


_OLD_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _old_menu_body(body: str) -> bool:
    return bool((boilerplate._nav_sep(body) and layout.weight(body) <= 30) or layout.menu_row(body)
                or boilerplate._glued_menu(body) or (
                    _OLD_CJK.search(body) and not boilerplate._PUNCT.search(body)
                    and not boilerplate._DIGIT.search(body) and (len(body.split()) >= 3 or len(body) >= 24)))


def test_weight_menu_row_and_menu_body_match_the_slow_paths():
    lines = corpus_lines(strip=True)
    texts = TEXTS + [t * 9 for t in TEXTS] + list(lines[::20])
    for t in texts:
        assert layout.weight.__wrapped__(t) == _old_weight(t), t
        assert layout.weight(t) == _old_weight(t), t
        assert layout.menu_row(t) == _old_menu_row(t), t
        assert boilerplate._menu_body(t) == _old_menu_body(t), t


def test_text_memo_lookup_is_the_function():
    calls: list[str] = []

    @layout.text_memo(3, max_chars=8)
    def low(t: str) -> str:
        calls.append(t)
        return t.lower()

    texts = ["A", "B", "A", "a long text here", "C", "D", "A", "a long text here"]
    assert list(map(low.lookup, texts)) == [t.lower() for t in texts]
    assert calls.count("a long text here") == 2 and calls.count("A") == 2  # long: never kept; evicted when full
