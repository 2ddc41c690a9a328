"""Round 8 datelines shortcut: a line lacking every character of a subset's ``marks`` is skipped without
running its rules; no rule of the subset can match anywhere in such a line."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer import Normalizer, datelines

_HANDMADE = (
    "WASHINGTON (Reuters) - The U.S. Senate on Tuesday",
    "PARIS, 3 mars (AFP) - Le gouvernement a annoncé",
    "BERLIN, 12. März (dpa) - Die Regierung",
    "MADRID, 5 de mayo (EFE) -- El Gobierno",
    "МОСКВА, 12 марта. /ТАСС/. Президент",
    "МОСКВА, 3 мая — РИА Новости. Власти",
    "(ANSA) - ROMA, 12 MAR - Il governo",
    "(서울=연합뉴스) 홍길동 기자 = 정부는",
    "[로이터=연합뉴스] 사진",
    "新华社北京3月5日电（记者 张三）",
    "本报北京3月5日电 记者李四",
    "【ワシントン共同】米政府は",
    "ROCHESTER, N.Y. — A man was",
    "LONDON: Shares fell",
    "Reuters",
    "The Associated Press contributed to this report.",
    "No dateline here at all",
    "",
)


def _all_rules(rules) -> list[tuple[str, dict]]:
    out = [(f"datelines.{code}.{r['name']}", r) for code in sorted(rules.locales)
           for r in rules.locales[code].get("datelines", {}).get("rules", [])]
    for sid, src in sorted(rules.sources.items()):
        out += [(f"source.{sid}.{r['name']}", r) for r in src.get("datelines", []) or []]
    return out


def test_marks_are_held_by_every_line_a_rule_matches():
    rules = Normalizer().rules
    prep = datelines._Prepared(_all_rules(rules))
    lines = [ln for ln in corpus_lines(strip=True) if len(ln) <= 400]
    lines = random.Random(8).sample(lines, min(len(lines), 1200)) + list(_HANDMADE)
    checked = 0
    for k, (name, r) in enumerate(prep.rules):
        marks = datelines._marks([prep.gates[k]])
        if marks is None:
            continue
        rx = r["pattern"].pattern
        for text in lines:
            if any(c in text for c in marks):
                continue
            checked += 1
            m = rx.search(text)
            assert m is None or m.end() == m.start(), (name, text)
    assert checked > 1000
    # the handmade shapes are matched by some rule, and each of those lines holds that rule's marks
    hits = 0
    for text in _HANDMADE:
        for k, (_, r) in enumerate(prep.rules):
            if r["pattern"].pattern.search(text):
                marks = datelines._marks([prep.gates[k]])
                assert marks is None or any(c in text for c in marks)
                hits += 1
    assert hits >= 8


def test_marks_join_one_gate_per_rule_and_need_all_rules_gated():
    a, b = frozenset("("), frozenset("-–—")
    assert datelines._marks([[a], [b, a]]) == ("(",)
    assert datelines._marks([[b], [a]]) == ("(", "-", "–", "—")
    assert datelines._marks([[a], []]) is None
    assert datelines._marks([]) == ()
