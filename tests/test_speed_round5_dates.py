"""Speed round 5 (dates): each shortcut gives the same answer as the slow path it stands in for."""
from __future__ import annotations

from normalizer import dates
from normalizer.doc import Doc
from normalizer.lines import Ledger
from normalizer.rules import Rules
from normalizer.rx_prefilter import search_gate

TEXTS = ["입력 2008.04.28 12:52", "Veröffentlicht am 28. April 2008", "発行日：2008年4月28日", "no date here",
         "Published: April 28, 2008 3:45 p.m. EST", "2019-03-02T10:00:00+0900", "수정 2021-05-06 오후 3:04", ""]


def _rules_with_locale_patterns(norm) -> Rules:
    """The shipped rules, with ``de`` and ``ko`` holding date patterns of their own (shipped: ``und`` only)."""
    r = norm.rules
    und = r.locales["und"]["dates"]["date_patterns"]
    locales = dict(r.locales)
    for code, keep in (("de", 1), ("ko", 2)):
        loc = dict(locales[code])
        loc["dates"] = {**loc.get("dates", {}), "date_patterns": [{**p, "name": f"{code}{i}"} for i, p in
                                                                  enumerate((und * 2)[:keep])]}
        locales[code] = loc
    return Rules(locales, r.sources, r.gazetteer, r.files)


def _doc(rules: Rules, language: str | None, source: dict | None) -> Doc:
    text = "\n".join(TEXTS)
    return Doc(text, Ledger(text), rules, language=language, source=source)


def _same(fast, slow) -> None:
    assert [(n, id(r)) for n, r, _ in fast] == [(n, id(r)) for n, r in slow]
    for (_n, r, gate) in fast:
        want = search_gate(r["pattern"])
        assert [gate(t) for t in TEXTS] == [want(t) for t in TEXTS]


def test_gated_rules_kept_per_source_and_language_are_the_rules(norm):
    """``_gated`` (kept per rule set, source and languages) gives ``_rules`` with their gates, asked twice."""
    sources = [None] + [s for s in norm.rules.sources.values() if s.get("headers")] \
        + list(norm.rules.sources.values())[:3]
    langs = [None, "", "ko", "de", "de-AT", "zh-Hant", "ja", "xx", "und", "fa", "en-GB"]
    rules, ruleset, names = 0, _rules_with_locale_patterns(norm), set()
    for src in sources:
        for lang in langs:
            for _ in range(2):
                doc = _doc(ruleset, lang, src)
                slow = dates._rules(doc)
                _same(dates._gated(doc), slow)
                rules += len(slow)
                names.update(n.split(".")[1] for n, _r in slow)
    assert rules > 50 and {"ko", "de", "und", "hankyoreh"} <= names


def test_gated_rules_of_a_foreign_source_are_not_kept(norm):
    """A source dict that is not the rule set's own (same id, other headers) is read as given, not kept."""
    src = next(s for s in norm.rules.sources.values() if s.get("headers"))
    foreign = {**src, "headers": src["headers"][:1]}
    for lang in ("ko", "de"):
        dates._gated(_doc(norm.rules, lang, src))
        doc = _doc(norm.rules, lang, foreign)
        got = dates._gated(doc)
        _same(got, dates._rules(doc))
        assert len([n for n, _r, _g in got if n.startswith("source.")]) == 1


def test_weight_is_the_counted_weight():
    """``_weight`` (ASCII letters counted by ``len``) is the letter count with CJK characters weighing 3."""
    samples = TEXTS + ["Stand: 14.03.2024, 10:15 Uhr", "発行日 2008年", "Ünïcödé ünd Wörter", "abc 民國 def",
                       "x" * 50, "١٠ كانون الثاني", "", "12:52 — 3 comments", "ſtraße"]
    for s in samples:
        letters = dates._NOISE.sub("", s)
        assert dates._weight(s) == len(letters) + sum(2 for ch in letters if ord(ch) >= 0x2E80), s
    assert dates._weight("発行日 2008年") == 12 and dates._weight("Stand: 14.03.2024") == 5
