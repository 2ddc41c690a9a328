"""Round 4 speed shortcuts in ``language`` and ``sources`` give what their slow paths give."""
from __future__ import annotations

import random

import pytest
import regex
from conftest import corpus_lines

from normalizer import language, sources

TEXTS = [
    "The prime minister said on Tuesday that the talks would resume next week in Geneva.",
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, contestée par les syndicats.",
    "Die Regierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen.",
    "El presidente anunció el martes un plan de inversión en infraestructuras y vivienda.",
    "O governo anunciou nesta terça-feira um novo pacote de medidas económicas.",
    "Regeringen meddelade på tisdagen att skatten på bensin sänks från och med juli.",
    "Правительство во вторник объявило о новых мерах поддержки экономики.",
    "Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την ενέργεια.",
    "Chính phủ Việt Nam công bố kế hoạch phát triển kinh tế mới vào thứ Ba.",
    "東京都は火曜日、新たな感染対策を発表した。",
    "国务院总理周二表示，将继续推进改革开放。",
    "정부는 화요일 새로운 경제 정책을 발표했다.",
    "BBC NEWS: UN SAYS TALKS WILL RESUME",
    "", "12 34 56", "http://example.com/a?b=c mail@example.com", "a", "  ",
]


def _samples() -> list[str]:
    rnd = random.Random(4)
    lines = list(corpus_lines(strip=True))
    picked = rnd.sample(lines, min(150, len(lines)))
    return TEXTS + [" ".join(picked[i:i + 5])[:1200] for i in range(0, len(picked), 5)]


def test_split_ascii_rest_is_the_non_ascii_characters():
    for text in _samples() + ["a\u00e9b\u4e2dc", "\u00e9\u00e9", "abc"]:
        letters, rest = language.split_ascii(text)
        assert rest == "".join(ch for ch in text if not ch.isascii())
        assert letters == sum(1 for ch in text if ch.isascii() and ch.isalpha())


@pytest.mark.parametrize("line", [
    "© 2010 - 2016 明日大盘 京ICP备12345678号", "版权所有 © 2015 新华网 All Rights Reserved",
    "Copyright (c) 2019 The Straits Times. All rights reserved.", "人民网版权所有，未经书面授权禁止使用",
    "著作權所有 © 中央社", "(C) Kyodo News", "nothing here", "版權所有：聯合報",
])
def test_generic_name_skips_only_patterns_that_cannot_match(line):
    def slow(text: str) -> str | None:
        for rx in sources._GENERIC:
            m = rx.search(text)
            if not m:
                continue
            n = m.group("n").strip(" -–:：©")
            n = sources._CORP.sub("", n).strip(" ,.-")
            if 2 <= len(n) <= 40 and not n.isdigit() and not regex.fullmatch(r"[\d\s\-–]+", n) \
                    and not regex.match(r"(?i)(?:all rights|reserved|\d{4})", n) and not regex.search(r"ICP|备|備|\d{5}", n):
                return n
        return None
    assert sources.generic_name(line) == slow(line)


def test_holder_words_are_what_the_first_patterns_need():
    for rx in sources._GENERIC[:2]:
        assert "版权所有|版權所有|著作權所有" in rx.pattern and not rx.flags & regex.IGNORECASE
