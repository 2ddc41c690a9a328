"""The speed shortcuts (issue 8) give the same answers as the slow paths they skip."""
from __future__ import annotations

import bisect
import gc
import itertools
import random

import ftfy.badness
import regex
from conftest import corpus_lines

from normalizer import boilerplate, language, rx_prefilter
from normalizer.decode import may_be_mojibake
from normalizer.layout import _END, TABLE_ROW, ends_sentence, is_table_row
from normalizer.rules.regexes import Rx

LINES = list(corpus_lines(strip=False))


def test_mojibake_prefilter_never_skips_a_bad_line():
    rnd = random.Random(0)
    pool = [chr(c) for c in range(0x80, 0x2600)] + list("abcXYZ .,?!")
    fuzz = ["".join(rnd.choice(pool) for _ in range(rnd.randint(1, 8))) for _ in range(20000)]
    moji = []
    for line in LINES[:5000]:
        if not line.isascii():
            for enc in ("cp1252", "latin-1", "mac_roman", "cp1251", "cp1253", "cp1257"):
                moji.append(line.encode("utf-8").decode(enc, "replace"))
    checked = 0
    for text in LINES + moji + fuzz + ["Ã©tÃ©", "â€™", "Ð¿Ñ€Ð¸", "\x85", "œ.", "a Â "]:
        if ftfy.badness.is_bad(text):
            checked += 1
            assert may_be_mojibake(text), text
    assert checked > 100
    assert not may_be_mojibake("plain ascii") and not may_be_mojibake("Straße „Zitat“ – 東京")


def test_script_counts_match_the_regex_classes():
    def slow(text: str) -> dict[str, int]:
        c = {name: sum(map(len, rx.findall(text))) for name, rx in language._SCRIPTS}
        c["other"] = max(0, sum(map(len, language._LETTERS.findall(text))) - sum(c.values()))
        return c
    rnd = random.Random(1)
    samples = LINES[::7] + ["".join(chr(rnd.randrange(0x20, 0x30000)) for _ in range(50)) for _ in range(300)]
    for text in samples + ["", "ÄÖÜ äöü ß", "한국어 日本語 カタカナ 中文 русский ελληνικά عربي"]:
        assert language.script_counts(text) == slow(text), text


def test_line_end_and_table_shortcuts():
    for text in LINES[::3] + ["x.", "x. ", "x\u3000", "a  b  c  1  d", "x」", ""]:
        assert ends_sentence(text) == bool(_END.search(text)), text
        assert is_table_row(text) == bool(TABLE_ROW.search(text)), text


def test_candidates_select_agrees_with_the_prefilter():
    rxs = [Rx(r"\((?P<a>\w+)\)"), Rx(r"[（(]中央社"), Rx(r"(?P<p>\p{Lu}+), \d+"), Rx(r"^\s*x"),
           Rx(r"[\s　]+=\s*[(\[【]"), Rx(r"[a-z]+|\d+")]
    cands = rx_prefilter.Candidates(rxs)
    for text in LINES[::11] + ["(AP)", "（中央社", "SEOUL, 5", "x", "a =(", "=", ""]:
        first = text[:1]
        got = {i: check for i, check in cands.select(first, text)}
        for i, rx in enumerate(rxs):
            possible = (not first or rx_prefilter.can_start(rx, first)) and rx_prefilter.has_required(rx, text)
            listed = i in got and (not got[i] or cands.required(i, text))
            assert listed == possible, (text, rx)
            if rx.search(text) and (not first or rx.match(text)):
                assert i in got


def test_prefilter_table_does_not_grow_with_reloaded_rules():
    from regex import _main as regex_main
    cached = regex_main._MAXCACHE      # ``regex`` keeps up to this many compiled patterns alive
    gc.collect()
    before = len(rx_prefilter._INFO)
    for k in range(3 * cached):
        rx = Rx(rf"\(unique{k}\)")
        assert rx_prefilter.has_required(rx, f"(unique{k})")
        del rx
    gc.collect()
    assert len(rx_prefilter._INFO) <= before + cached + 5
    assert rx_prefilter.search_gate(Rx(r"\(x\)"))("no bracket") is False


def test_boilerplate_keywords_cover_every_line_their_pattern_matches(norm):
    """The keyword gate (``boilerplate._any_rule``) runs a rule only on lines holding one of its
    keywords: a line the pattern matches without one would be missed."""
    rules = norm.rules.view("boilerplate", boilerplate._build)
    assert rules and all(r.get("keywords") for r in rules)
    missed = []
    for line in LINES:
        folded = line.casefold()
        for r in rules:
            if r["pattern"].search(line) and not any(k.casefold() in folded for k in r["keywords"]):
                missed.append((r["locale"], r["name"], line[:80]))
    assert not missed, missed[:10]


def test_copyright_words_in_ascii_lines():
    from normalizer import sources
    ascii_words = [w.replace("\\", "") for w in sources._COPYRIGHT.pattern.split("|")
                   if w.replace("\\", "").isascii() and "\\s" not in w]
    assert sorted(ascii_words) == sorted(sources._COPYRIGHT_ASCII)
    assert regex.search(sources._COPYRIGHT, "(c) 2020")


BLOCK = 4000


def _keyword_stands(low: str, kw: str) -> bool:
    from normalizer import sources
    at = low.find(kw)
    while at >= 0:
        if sources._bounded(low, at, at + len(kw), kw):
            return True
        at = low.find(kw, at + 1)
    return False


def test_source_detect_keywords_cover_every_line_their_pattern_matches(norm):
    """Source ``detect`` rules run only on lines where the automaton finds one of their keywords (a rule
    without keywords runs on every line): every shipped rule has keywords, and every line its pattern
    matches holds one of them as the automaton sees it (NFKC, lowercased, standing as a word)."""
    import unicodedata

    from normalizer import sources
    missing = [(sid, r["name"]) for sid, src in sorted(norm.rules.sources.items())
               for r in src.get("detect", []) if not r.get("keywords")]
    assert not missing, missing
    rules = [(sid, r, regex.compile(r["pattern"].source, r["pattern"].pattern.flags | regex.MULTILINE))
             for sid, src in sorted(norm.rules.sources.items()) for r in src.get("detect", [])]
    # Lines are searched in blocks (one call per rule per block, ``^``/``$`` per line); each hit is checked
    # again on its own line, and the search goes on from the next line, so no matching line is skipped.
    missed = []
    for b in range(0, len(LINES), BLOCK):
        chunk = LINES[b:b + BLOCK]
        block = "\n".join(chunk)
        starts = list(itertools.accumulate((len(x) + 1 for x in chunk[:-1]), initial=0))
        for sid, r, rx in rules:
            pos = 0
            while (m := rx.search(block, pos)) is not None:
                i = bisect.bisect_right(starts, m.start()) - 1
                line = chunk[i]
                low = unicodedata.normalize("NFKC", line).lower()
                if len(low) != len(line):
                    low = line.lower()
                if r["pattern"].search(line) and not any(_keyword_stands(low, sources._kw(k))
                                                         for k in r["keywords"]):
                    missed.append((sid, r["name"], line[:80]))
                if i + 1 >= len(chunk):
                    break
                pos = starts[i + 1]
    assert not missed, sorted(missed)[:10]
