"""Speed round 9 (layout, boilerplate): the cheap pre-tests of fresh lines give what the slow paths give."""
from __future__ import annotations

import regex
from conftest import corpus_lines

from normalizer import boilerplate, layout

TEXTS = [
    "", " ", "Home News Sport Weather", "行情 股吧 新闻 外汇 期货", "中国国家主席今天在北京会见了来访的法国总统。",
    "뉴스 정치 경제 사회 문화 국제", "ニュース 速報 経済 政治 国際 スポーツ", "Президент заявил сегодня о переговорах.",
    "Le président a déclaré que les négociations se poursuivront à Paris, mardi.", "ᄀ first jamo ᄂ", "⺀ radical",
    "“Quoted” — dashed text with curly quotes’ and no CJK at all, said the minister today.",
    "Ελληνικά νέα σήμερα από την Αθήνα", "ข่าว วันนี้ กรุงเทพ", "مرحبا بكم في الأخبار", "- About Us | Contact",
    "中文 mixed English 한국어 text 日本語", "　ideographic space ㄱ compat jamo ｶﾀｶﾅ halfwidth", "𠀀 ext-B han",
    "Mayor Wins Second Term In Tight RaceA 24-year-old woman was hurt on Monday in the city centre",
    "all lower case words in a rather long line of text without any capital letter here",
    "“Breaking News Story Today!”The minister said on Tuesday that talks would go on.",
    "1. First step of the recipe", "12.Second", "- Sport", "• Weather today", "-", "| - |", "» Next page",
    "- Click here for more information about the event.", "- 2024-05-01 Results", "- 年月 12 月 3", "* a b c d e f g",
    "Line with trailing space. ", "Ends with a quote.”", "Table  row  with  4  columns 12",
    "Ünïcode façade café crème brûlée über straße", "ÀÉÎÕÜ CAPITALS ÇÑ", "ǅ titlecase ǈ letters",
]


def _samples() -> list[str]:
    return TEXTS + [t * 5 for t in TEXTS if t] + list(corpus_lines(strip=True))[::31]


def test_maybe_cjk_ranges_hold_every_class_character():
    chars = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    outside = layout._MAYBE_CJK.sub("", chars)
    assert layout._CJK.search(outside) is None
    assert layout._MAYBE_CJK.search("é — “Zürich” ‘x’ …") is None    # Latin text's dashes and quotes skip it
    assert layout._MAYBE_HAN_KANA.sub("", chars[ord(layout.HAN_KANA_FLOOR):]) == ""
    assert layout._MAYBE_HAN_KANA.search(chars[: ord(layout.HAN_KANA_FLOOR)]) is None


def _old_has_cjk(text: str) -> bool:
    return layout._CJK.search(text) is not None


def _old_weight(text: str) -> float:
    c = len(layout._CJK.findall(text))
    return len(text.split()) + c / 2.5 if c else float(len(text.split()))


def _old_glued(text: str) -> bool:
    head = text[:150]
    for m in regex.finditer(r"(?:(?<=[A-Za-z][a-z]{3})|(?<=[)?!’”\"']))(?:[A-Z][a-z]*|A|I) ", head):
        pre = text[: m.start() + 1].split()
        if len(pre) >= 3 and sum(1 for t in pre if t[:1].isupper() or t[:1].isdigit()) >= 0.6 * len(pre):
            return True
    return False


def _old_line_features(t: str) -> tuple:
    wt = _old_weight(t)
    mk = layout.MARKER.match(t) is not None
    en = wt >= 5 and layout._END.search(t) is not None
    gl = wt >= 8 and _old_glued(t)
    tb = layout.TABLE_ROW.search(t) is not None
    prose = (wt >= layout.PROSE_WORDS and (not mk or (wt >= 14 and t[-1:] in layout._FULL_STOP)) and (en or wt >= 20)
             and not gl) or tb
    return wt, mk, en, gl, tb, prose


def test_line_features_weight_and_cjk_match_the_slow_paths():
    for t in _samples():
        assert layout.has_cjk(t) == _old_has_cjk(t), t
        assert layout.weight(t) == layout._weight(t) == layout.quick_weight(t) == _old_weight(t), t
        assert layout.glued_teaser(t) == _old_glued(t), t
        assert layout._line_features.__wrapped__(t) == _old_line_features(t), t


def test_menu_marks_skip_only_lines_that_cannot_be_menu_items():
    for t in _samples():
        if t[:1].isalpha():
            assert boilerplate._menu_line.__wrapped__(t) == boilerplate._NOT_MENU, t


def _old_nav_item(text: str) -> bool:
    m = boilerplate._MARKER.match(text)
    if m is None:
        return False
    body = text[m.end():]
    return (layout.weight(body) <= 6 and len(body) <= 40 and boilerplate._SENTENCE_END.search(body) is None
            and boilerplate._DATEISH.search(body) is None)


def test_reordered_menu_tests_match_the_slow_paths():
    for t in _samples():
        assert boilerplate._is_nav_item(t) == _old_nav_item(t), t
        assert boilerplate._short.__wrapped__(t) == (
            layout.weight(t) <= 3 and len(t) <= 16 and boilerplate._SENTENCE_END.search(t) is None
            and boilerplate._DIGIT.search(t) is None), t
        body = layout.strip_marker(t)
        assert boilerplate._teaser_item.__wrapped__(t) == (
            layout.weight(body) >= 4 and boilerplate._TEASER_PUNCT.search(body) is not None
            and not boilerplate._menu_body(body)), t
