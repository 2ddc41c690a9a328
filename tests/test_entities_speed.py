"""Issue 6, round 3: the faster entity helpers give the same answers as the plain forms they replace."""
from __future__ import annotations

import random

import ahocorasick
import pytest

from normalizer.entities import matcher, people, places


def _brute_longest(keys: set[str], folded: str, s: int, lens: list[int]) -> str | None:
    for n in sorted(lens, reverse=True):
        if folded[s:s + n] in keys:
            return folded[s:s + n]
    return None


def _bucketed_longest(keys: set[str], folded: str, s: int, w: int, entry: tuple) -> str | None:
    short, buckets = entry
    if buckets is not None:
        for n in buckets.get(folded[w:w + matcher._EXT], ()):
            if folded[s:s + n] in keys:
                return folded[s:s + n]
    for n in short:
        if folded[s:s + n] in keys:
            return folded[s:s + n]
    return None


def test_lengths_buckets_find_the_same_longest_key():
    keys = {"new", "new york", "new york city", "new zealand", "new y", "new yo", "new-york", "newt"}
    word_keys = [k for k in keys if k.startswith("new") and not k[3:4].isalpha()]
    entry = matcher._lengths("new", word_keys)
    short, buckets = entry
    assert short == (5, 3)  # below len("new") + _EXT, longest first
    assert buckets is not None and buckets[" yo"] == (13, 8, 6) and buckets[" ze"] == (11,)
    lens = [len(k) for k in word_keys]
    rnd = random.Random(6)
    tails = ["", " york", " york city", " yorker", " zealand", " y", " yo", "-york", " zeal", " paris", ".", " york cit"]
    for _ in range(200):
        text = "new" + rnd.choice(tails) + rnd.choice(["", " ", "s", " city"])
        assert _bucketed_longest(keys, text, 0, 3, entry) == _brute_longest(keys, text, 0, lens), text


def test_lengths_without_longer_keys_has_no_buckets():
    assert matcher._lengths("paris", ["paris"]) == ((5,), None)


def test_mfold_replaces_fullwidth_and_quotes_keeping_length():
    s = "Ｓｅｏｕｌ’s　ＡＰ‘x’ and\u00a0서울 Ｓ"
    f = matcher.mfold(s)
    assert len(f) == len(s)
    assert f == s.translate(matcher._FW).lower()
    assert matcher.mfold("Plain ASCII") == "plain ascii"


def _plain_automaton(words: dict[str, tuple]) -> ahocorasick.Automaton:
    a = ahocorasick.Automaton()
    for w in sorted(words):
        a.add_word(w, words[w])
    a.make_automaton()
    return a


def test_latin_automaton_finds_what_a_sorted_one_finds():
    words = {w: (len(w), "role", w) for w in ("President", "Vice President", "said", "Secretary",
                                               "Secretary of State", "Gen.", "Lt. Gen.", "head", "co-founder")}
    words[", a"] = (3, "appos", "a")
    text = ("Vice President Kim said, a co-founder of Secretary of State Lee's office, head of Lt. Gen. Park's unit "
            "said ahead of Secretary-General Guterres.")
    fast, plain = people._latin_automaton(words), _plain_automaton(words)
    assert list(fast.iter(text)) == list(plain.iter(text))
    assert list(fast.iter_long(text)) == list(plain.iter_long(text))
    assert people._letter_rank("ea") < people._letter_rank("ez") < people._letter_rank("e\u00e9")
    assert people._latin_automaton({}).kind == ahocorasick.EMPTY


def test_gazetteer_checks_are_remembered_without_changing_answers(norm):
    rules = norm.rules
    for s in ("Seoul", "Japan", "Kim Jong Un", "Defense Ministry", "Springfield", "서울", "Obama"):
        strong, name = people._gaz_strong(rules, s), people._gaz_name(rules, s)
        people._gaz_memo(rules).clear()
        assert people._gaz_strong(rules, s) == strong and people._gaz_name(rules, s) == name
        assert people._gaz_strong(rules, s) == strong  # from the memo now
    demonyms = people.gazetteer.index(rules)["demonyms"]
    for s in ("South Korean President", "The Japanese Defense Minister Kitazawa", "Seoul City Council", "Kim"):
        first = people._strip_en(rules, s, demonyms)
        assert first == people._strip_en_words(rules, s, demonyms) == people._strip_en(rules, s, demonyms)


def test_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(people, "_MEMO_MAX", 3)
    memo: dict = {}
    for i in range(10):
        assert people._memo_put(memo, i, True) is True
        assert len(memo) <= 3


@pytest.mark.parametrize("win", [
    "said the adviser, Steve Tsang, ", "Steve Tsang, director of the China ", "the official, who is ",
    "talks with Mohammed bin Salman, the ", "a, b, Ursula von der Leyen, the new ", "no comma here ",
    "met Kim Jong Un and Moon, ", "Tsang,\t", ", ",
])
def test_name_before_role_from_the_floor_finds_the_same_name(norm, win):
    pats = people._patterns(norm.rules)
    rx = pats["name_before_role"]
    full = rx.search(win)
    lc = win.rfind(",")
    fast = rx.search(win, people._name_floor(win[:lc])) if lc >= 0 else None
    assert (full and full.span("name")) == (fast and fast.span("name"))


def _reference_segment(rules, text: str, seg: int):
    """``match_segment`` as written before its checks were inlined."""
    out_places, out_orgs = [], []
    for s, e, key in matcher.find(rules, text):
        if not places.boundary_ok(text, s, e, key):
            continue
        if key.places and not key.orgs and (places._credit(rules, text, s, e, key)
                                              or key.first == "Hang" and places._ko_org_next(text, e)):
            continue
        if key.orgs:
            out_orgs.append((s, e, "org"))
            continue
        if key.places:
            if places._org_follows(text, e, key) or (key.first == "Latn" and (
                    places._org_precedes(text, s) or places._street_before(text, s))):
                continue
            if key.last == "Hani" and places._address_part(text, e):
                continue
            out_places.append((s, e, "place"))
        elif key.short_orgs:
            out_orgs.append((s, e, "short_org"))
    return out_places, out_orgs


@pytest.mark.parametrize("text", [
    "Officials in Seoul and Tokyo met at Seoul National University, the Bank of Korea and Calle de Francia.",
    "The University of Tokyo, Av.Paris and Vía Alemania; Seoul-based firms; anti-Japan protests; Sino-Japan ties.",
    "(서울=연합뉴스) 서울에서 미국의 대사관 앞. 서울시청 (도쿄=AP/뉴시스)",
    "東京都渋谷区代々木4丁目、ソウル新聞、北京市の東京奧運。ソウルフードとソウル。",
    "KARA visited Nice, France, and Washington's Defense Ministry in New York City.",
])
def test_match_segment_agrees_with_the_plain_checks(norm, text):
    got_places, got_orgs = places.match_segment(norm.rules, text, 0)
    want_places, want_orgs = _reference_segment(norm.rules, text, 0)
    assert [(m.start, m.end, m.kind) for m in got_places] == want_places
    assert [(m.start, m.end, m.kind) for m in got_orgs] == want_orgs
