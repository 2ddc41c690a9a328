"""Speed round 10 (boilerplate word kinds, notices): the shortcuts give what the slow paths give."""
from __future__ import annotations

import sys

import pytest
from conftest import RulesDoc, corpus_lines

from normalizer import boilerplate
from normalizer.layout import strip_marker
from normalizer.lines import Ledger

TEXTS = [
    "", " ", "Share", "Tweet", "- Facebook | Twitter | LinkedIn", "Linked In  Share  Email", "LINKED IN",
    "微博 微信 分享 106", "分享到：微博 QQ空间", "Print Email Share 12", "Advertisement", "广告", "k 万 K",
    "Facebook Twitter Google+ 1.2k", "Facebook ★ Twitter ☆ Email", "Share\u200bthis", "Home News Sport Weather",
    "© 2024 Example Media. All rights reserved.", "Copyright © 2023 新华网 版权所有", "Contact us: info@example.com",
    "Tél. 01 23 45 67 89 — Contact", "Поделиться ВКонтакте Telegram", "공유 페이스북 트위터", "シェア ツイート はてブ",
    "The minister said on Tuesday that talks would go on, share prices fell and Twitter users reacted.",
    "Follow us on Facebook, Twitter and Instagram for more", "| / · • , ： 、", "(12) 3,4 +5 -6", "linked inside",
    "\uf8ff private icon Share", "Ｓｈａｒｅ fullwidth", "K Share", "Kelvin \u212a share",
]


def _old_word_kind(doc, text: str) -> str | None:
    """``_word_kind`` before round 10."""
    words = doc.rules.view("boilerplate.words", boilerplate._build_words)
    body = boilerplate._LINKED_IN.sub("linkedin", strip_marker(text).strip())
    whole = words.get(body.casefold().replace(" ", ""))
    if whole:
        return whole
    kinds = []
    unknown = 0
    for tok in boilerplate._TOKEN_SPLIT.split(boilerplate._ICONS.sub("", body.casefold())):
        if not tok or boilerplate._COUNTER.match(tok) or boilerplate._SEPARATOR.match(tok):
            continue
        k = words.get(tok)
        if k is None:
            unknown += 1
            continue
        kinds.append(k)
    if not kinds or (unknown and (unknown > 1 or len(kinds) < 3)):
        return None
    order = boilerplate._KIND_ORDER
    return min(set(kinds), key=lambda k: (-kinds.count(k), order.index(k) if k in order else 9))


def _samples() -> list[str]:
    return TEXTS + [a + " " + b for a in TEXTS[:12] for b in TEXTS[:12]] + list(corpus_lines(strip=True))[::7]


def test_word_kind_matches_the_slow_path(rules):
    doc = RulesDoc(rules)
    found = 0
    for text in _samples():
        want = _old_word_kind(doc, text)
        assert boilerplate._word_kind(doc, text) == want, text
        found += want is not None
    assert found > 20


def test_character_classes_behind_the_pre_tests():
    """ASCII holds no icon; a letter outside ``kK万`` starts neither a counter nor a separator; no ASCII
    text but one holding ``linked in`` matches ``_LINKED_IN``; casefolding never makes a newline."""
    assert boilerplate._ICONS.search("".join(map(chr, range(128)))) is None
    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isalpha() and c not in boilerplate._COUNTER_FIRST:
            assert not boilerplate._filler(c + "x") and not boilerplate._COUNTER.match(c)
            assert not boilerplate._SEPARATOR.match(c), c
        if c != "\n":
            assert "\n" not in c.casefold()
    for c in map(chr, range(128)):
        probe = "linked in".replace("k", c)
        assert (boilerplate._LINKED_IN.search(probe) is not None) == ("linked in" in probe.lower())


def _old_notice_segments(rules, gate, text: str, whole: bool, head):
    """``_notices``' answer for one line before round 10 (first pass per line, then every rule)."""
    ln = Ledger(text).lines[0]
    probe = text if whole else text[:boilerplate.HEAD_PROBE]
    return boilerplate._segments(ln, rules, head) if boilerplate._any_rule(gate, rules, probe) else []


def test_gated_segments_match_the_slow_path(rules):
    rs = rules.view("boilerplate", boilerplate._build)
    gate = rules.view("boilerplate.gate", boilerplate._build_gate)
    texts = [t for t in _samples() if t.strip() and "\n" not in t.strip()]
    texts += [t + " " + "word " * 60 for t in TEXTS[16:24]] + ["word " * 30 + t for t in TEXTS[16:24]]
    lines = [Ledger(t).lines[0] for t in texts]
    prose = [len(ln.text) > 2 * boilerplate.HEAD_PROBE and i % 2 == 0 for i, ln in enumerate(lines)]
    probes = list(dict.fromkeys(ln.text if not p else ln.text[:boilerplate.HEAD_PROBE]
                                for ln, p in zip(lines, prose, strict=True)))
    cands = boilerplate._candidates_of(gate, probes, False)
    assert cands == {p: boilerplate._rule_candidates(gate, p) for p in probes}
    hits = 0
    for ln, p in zip(lines, prose, strict=True):
        head = 60 if len(ln.text) > boilerplate.MAX_LINE else None
        want = _old_notice_segments(rs, gate, ln.text, not p, head)
        assert boilerplate._gated_segments(ln, rs, gate, cands, not p, head) == want, ln.text
        assert boilerplate._gated_segments(ln, rs, gate, {}, not p, head) == want, ln.text
        hits += bool(want)
    assert hits > 5


@pytest.mark.parametrize("text", ["COPYRİGHT 2024 Example Media Inc.",
                                  "Customer servİce: +1 555 0100"])
def test_notice_gate_folds_dotted_capital_i_as_the_regex_does(rules, text):
    """``regex`` IGNORECASE matches ``i`` to ``İ`` while ``"İ".casefold()`` adds a combining dot: the gate
    folds keywords and text alike (``fold_keywords``), so such a notice still passes it."""
    rs = rules.view("boilerplate", boilerplate._build)
    gate = rules.view("boilerplate.gate", boilerplate._build_gate)
    assert any(r["pattern"].search(text) for r in rs)  # some notice rule matches the line itself
    assert boilerplate._any_rule(gate, rs, text)
    assert boilerplate._candidates_of(gate, [text, "plain words"], False)[text]


def test_word_kind_ties_do_not_depend_on_set_order(rules):
    """Two kinds outside ``_KIND_ORDER`` with equal counts: the first one seen wins, whatever the hash seed."""
    class _Rules:
        def __init__(self, words):
            self._v = {"boilerplate.words.index": (words, frozenset())}

        def view(self, key, build):
            return self._v[key]
    words = {"alpha": "zeta_kind", "beta": "eta_kind", "gamma": "zeta_kind", "delta": "eta_kind"}
    assert boilerplate._word_kind(RulesDoc(_Rules(words)), "alpha beta gamma delta") == "zeta_kind"
    assert boilerplate._word_kind(RulesDoc(_Rules(words)), "beta alpha delta gamma") == "eta_kind"
