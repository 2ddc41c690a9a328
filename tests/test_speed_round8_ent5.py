"""Round 8 entity pre-tests: a people pattern is run only on a text holding the character it needs."""
from __future__ import annotations

import pytest
from conftest import corpus_lines

from normalizer.entities import people

# (pattern, the character every match of it holds, texts with a match when that character is there)
_CASES = [
    ("ko_age", "(", ["홍길동(45) 씨가 말했다", "김민수(서울·회사원)는"]),
    ("ko_slash", "/", ["홍길동 / 김철수 인터뷰", "박지성/손흥민"]),
    ("zh_pair", "/", ["记者 王小明/李华 报道", "張三/李四"]),
    ("ja_of", "の", ["首相の岸田氏は", "大統領のバイデンが会見"]),
    ("ja_paren", "（", ["山田太郎（45）は", "鈴木（スズキ）さん"]),
]
_FILLER = ["", "서울에서 열린 회의", "北京时间 新华社", "東京都内の会見", "Reuters said on Monday", "(  ) / の （ ）"]


@pytest.mark.parametrize(("name", "needed", "texts"), _CASES)
def test_pattern_needs_its_character(norm, name: str, needed: str, texts: list[str]) -> None:
    pat = people._patterns(norm.rules)[name]
    for t in texts:
        assert needed in t and list(pat.finditer(t)), (name, t)  # the cases do match
        for f in _FILLER:
            without = (f + t + f).replace(needed, " ")
            assert not list(pat.finditer(without)), (name, without)  # and never without the character


_KO = ["배우 김민수가 말했다", "가수 이지은은", "CEO 박정훈,", "x전 대통령 문재인", "1감독 홍명보", "_감독 홍명보", "감독관 김철수.",
       "ㄱ배우 김민수 ", "전 대통령 이명박", "손흥민이 골을 넣었다. 손흥민은 손흥민의", "김민수가 김민수는 김민수", "a김민수가",
       "ﾡ김민수가", "김민수가\n", "1김민수는", "한국인이", "김해시는", "배우  김민수", "배우 김민수씨는", "멤버 민니와 우기 등",
       "é김민수를", "Ω김민수를", "김민수를é", "대표 홍길동(", "총리 한덕수’", "여사 김건희”"]


def _spans(ms, groups: tuple[str, ...]) -> list:
    return [(m.span(), *[(m.group(g), m.span(g)) for g in groups]) for m in ms]


def test_korean_stdlib_patterns_match_regex(norm) -> None:
    pats = people._patterns(norm.rules)
    fast = people._ko_bmp()
    texts = _KO + [" ".join(_KO)] + [x for x in corpus_lines() if any("\uac00" <= c <= "\ud7a3" for c in x)]
    for name, groups in (("ko_pre", ("role", "name")), ("ko_word", ("name", "tail"))):
        for t in texts:
            assert _spans(fast[name].finditer(t), groups) == _spans(pats[name].finditer(t), groups), (name, t)
        assert people._ko_pattern(pats, name, "김민수가 😀") is pats[name]  # an astral character: the regex
        assert people._ko_pattern(pats, name, "김민수가") is fast[name]
    for name in ("ko_word", "ko_pre"):
        assert sum(len(list(fast[name].finditer(t))) for t in _KO) >= 5, name  # the cases do match
