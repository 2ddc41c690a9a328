"""Speed round 5 (boilerplate, layout): per-document and per-rules shortcuts give the slow path's answer."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer import boilerplate, layout
from normalizer.rules import load_rules

LINES = list(corpus_lines(strip=True))[::7]
CRAFTED = [
    "Share", "Tweet", "Related", "Related stories", "3 comments", "分享到", "微博 微信 分享 106", "Home | News",
    "首页 新闻 体育 财经", "Главная Новости", "뉴스 스포츠 연예 경제 사회", "ニュース スポーツ", "Copyright 2024 Foo",
    "Police Arrest Two After Downtown RobberyA 24-year-old man was arrested on Monday", "- About Us", "* Contact",
    "The minister said on Tuesday that the plan would go ahead despite the protests.", "Ünïcode façade café",
    "Team  12  4  8  9", "Ingredients:", "1. Step one", "",
]
TEXTS = LINES + CRAFTED


class _Doc:
    def __init__(self, rules, language: str | None) -> None:
        self.rules = rules
        self.language = language
        self.fields: dict = {}


def _old_scores(texts, w, marker, end, glued, section, prose, is_comments):
    n = len(texts)
    sc, in_comments = [], []
    comments_from = None
    seen = 0
    for i in range(n):
        seen += prose[i]
        if section[i]:
            s = -10.0
            if comments_from is None and seen >= 2 and is_comments(texts[i]):
                comments_from = i
        elif prose[i]:
            s = min(w[i], 50) / 5 + 1
            if (i == 0 or not prose[i - 1]) and (i == n - 1 or not prose[i + 1]):
                s -= 2.5
            if comments_from is not None:
                s = -0.5
        elif glued[i]:
            s = -2.0
        elif marker[i]:
            s = -1.5
        elif w[i] >= 5 and end[i]:
            s = 0.0
        else:
            s = -1.0
        sc.append(s)
        in_comments.append(comments_from is not None)
    return sc, comments_from, in_comments


def test_scores_and_comment_thread():
    rnd = random.Random(5)

    def is_section(t: str) -> bool:
        return t.casefold().startswith(("related", "3 comments", "分享"))

    def is_comments(t: str) -> bool:
        return "comments" in t
    for _ in range(300):
        texts = [rnd.choice(TEXTS) for _ in range(rnd.randint(1, 40))]
        texts = [t for t in texts if t]
        w, marker, end, glued, section, prose, _tables = layout._features(texts, is_section)
        sc, cf = layout._scores(texts, w, marker, end, glued, section, prose, is_comments)
        old_sc, old_cf, in_comments = _old_scores(texts, w, marker, end, glued, section, prose, is_comments)
        assert (sc, cf) == (old_sc, old_cf)
        assert in_comments == [cf is not None and i >= cf for i in range(len(texts))]


def test_line_features_cached_and_fresh_agree():
    for t in TEXTS:
        cached = layout._line_features(t)
        assert cached == layout._line_features.__wrapped__(t), t


def test_memoized_lookups_match_direct_calls():
    rules = load_rules()
    doc = _Doc(rules, "en")
    kinds = boilerplate._word_kinds(doc)
    guess = boilerplate._guess_kinds(doc)
    rule_of = boilerplate._memoized(doc, "boilerplate.sections.cache", boilerplate._section_rule)
    for t in TEXTS:
        assert kinds(t) == boilerplate._word_kind(doc, t) == boilerplate.word_kind(doc, t), t
        assert guess(t) == boilerplate._guess_kind(lambda x: boilerplate._word_kind(doc, x), t), t
        assert rule_of(t) is boilerplate._section_rule(doc, t) or rule_of(t) == boilerplate._section_rule(doc, t), t
        assert boilerplate._is_section(doc, t) == (boilerplate._section_rule(doc, t) is not None), t
        assert boilerplate._menu_line(t) == boilerplate._menu_line.__wrapped__(t), t
        assert boilerplate._teaser_item(t) == boilerplate._teaser_item.__wrapped__(t), t


def test_memo_stays_bounded(monkeypatch):
    monkeypatch.setattr(boilerplate, "CACHE_SIZE", 5)
    doc = _Doc(load_rules(), "en")
    for i in range(20):
        kinds = boilerplate._word_kinds(doc)
        kinds(f"Share {i}")
        assert len(doc.rules.view("boilerplate.word_kind.cache", dict)) <= 5


def test_entry_languages_per_document():
    rules = load_rules()
    for lang in (None, "en", "de", "zh-Hans", "ja", "ko", "ru", "uk", "bg", "fr"):
        doc = _Doc(rules, lang)
        of = boilerplate._entry_languages(doc)
        for t in TEXTS:
            assert of(t) == boilerplate._entry_language(doc, t) == boilerplate.language_of(t, lang), (t, lang)


def test_text_memo_keeps_only_short_texts():
    calls: list[str] = []

    @layout.text_memo(4, max_chars=10)
    def upper(t: str) -> str:
        calls.append(t)
        return t.upper()

    assert upper("menu") == upper("menu") == "MENU" and calls == ["menu"]       # short: computed once
    long = "a long prose line " * 3
    assert upper(long) == upper(long) == long.upper() and calls.count(long) == 2   # long: never kept
    for t in "abcdefgh":
        upper(t)
    upper("menu")
    assert calls.count("menu") == 2    # evicted: the cache holds at most 4 texts
