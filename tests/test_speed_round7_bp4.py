"""Speed round 7 (boilerplate, ledger): bulk claims and entries, and the notice pass's cache skip, give
what the line-by-line path gives."""
from __future__ import annotations

import pytest
from conftest import FIXTURES

from normalizer import boilerplate
from normalizer.lines import Ledger, LedgerError, Line
from normalizer.rules import load_rules

TEXTS = [
    "Share", "Tweet", "Related stories", "3 comments", "分享到", "微博 微信 分享 106", "Home | News",
    "首页 新闻 体育 财经", "Главная Новости", "뉴스 스포츠 연예 경제 사회", "ニュース スポーツ", "Copyright 2024 Foo",
    "- About Us", "* Contact", "Ünïcode façade café", "Мир 世界 world", "中文 and English words here",
    "Все права защищены", "© 2024 Société Générale. Tous droits réservés.", "",
]


class _Doc:
    def __init__(self, rules, language: str | None, text: str = "") -> None:
        self.rules = rules
        self.language = language
        self.fields: dict = {}
        self.ledger = Ledger(text)


def test_claim_many_is_claim_of_each():
    text = "\n".join(f"line {i}" for i in range(8))
    one, many = Ledger(text), Ledger(text)
    for led in (one, many):
        led.claim(2, "title")
        led.claim(5, "header", "dateline", "r0")
    idx, fields = [0, 2, 3, 5, 7], ["a", None, "b", "c", "d"]
    placed = sum(one.claim(i, "boilerplate", f, "r") for i, f in zip(idx, fields, strict=True))
    assert many.claim_many(idx, "boilerplate", fields, "r") == placed == 3
    assert [(ln.role, ln.field, ln.rule) for ln in one] == [(ln.role, ln.field, ln.rule) for ln in many]
    for i, f in zip(idx, fields, strict=True):
        one.claim(i, "body", f, "x", replace=True)
    assert many.claim_many(idx, "body", fields, "x", replace=True) == 5
    assert [(ln.role, ln.field, ln.rule) for ln in one] == [(ln.role, ln.field, ln.rule) for ln in many]
    with pytest.raises(LedgerError):
        many.claim_many([], "nowhere", [])


@pytest.mark.parametrize("lang", [None, "en", "de", "zh-Hans", "ja", "ko", "ru", "uk", "bg"])
def test_claim_all_is_whole_entry_of_each(lang):
    text = "\n".join(t for t in TEXTS if t)
    doc = _Doc(load_rules(), lang, text)
    lines = doc.ledger.lines
    idx = list(range(len(lines)))
    kinds = ["navigation" if i % 2 else "related" for i in idx]
    expect = [boilerplate._whole_entry(doc, Line(ln.index, ln.text, ln.start, ln.end), k, "r")
              for ln, k in zip(lines, kinds, strict=True)]
    got: list[dict] = []
    boilerplate._claim_all(doc, idx, kinds, "r", got)
    assert got == expect
    assert all(ln.role == "boilerplate" and ln.field == k and ln.rule == "r" for ln, k in zip(lines, kinds, strict=True))
    for t in TEXTS:
        assert boilerplate._entry_languages(doc)(t) == boilerplate.language_of(t, lang), t


def test_notices_warm_cache_is_cold_answer(norm):
    """The notice pass skips lines whose cached shape is none: a page read with a warm cache gives the
    record read with an empty one."""
    files = sorted(FIXTURES.rglob("*.txt"))[::8]
    rules = norm.rules
    cold = []
    for p in files:
        rules.view("boilerplate.cache", boilerplate._new_caches)[0].clear()
        rules.view("boilerplate.cache", boilerplate._new_caches)[1].clear()
        cold.append(norm.normalize(p.read_bytes(), input_id=p.name))
    warm = [norm.normalize(p.read_bytes(), input_id=p.name) for p in files]
    assert warm == cold
