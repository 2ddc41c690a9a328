"""Round 5 speed shortcuts in ``sources`` and ``language`` give what their per-line slow paths gave."""
from __future__ import annotations

import random
import sys
import unicodedata

import ahocorasick
import regex
from conftest import corpus_lines

from normalizer import language, sources
from normalizer.lines import Ledger

LINES = list(corpus_lines(strip=True))
_RND = random.Random(5)
ODD = ["ΟΔΟΣ ΣΑΣ", "Σ", "aΣ", "İstanbul İİ", "e\u0301t\u0301é", "\u0301abc", "가\u11a8", "\u1100\u1161", "…end…",
       "ｆｕｌｌ ＮＨＫ", "ﬁle ½ ™", "© 2020 Foo", "무단 전재 금지", "all rightſ reserved", "版權所有", "\ud800x", "ǅ ǈ",
       "ⓒ 연합뉴스", "Ⓒ x", "COPYRIGHT (C) 2020", "tips@qq.com www.people.com.cn 来源：新华社"]
FUZZ = ["".join(chr(_RND.randrange(0x20, 0x30000)) for _ in range(_RND.randint(1, 12))) for _ in range(400)]


def _docs() -> list[list[str]]:
    pool = LINES + ODD + FUZZ
    rnd = random.Random(7)
    return [[t[: sources.MAX_LINE] for t in rnd.sample(pool, rnd.randint(1, 40))] for _ in range(300)] + \
        [[t] for t in ODD]


def test_lowered_lines_are_each_line_lowered():
    for texts in _docs():
        low, ends = sources._lowered_lines(texts)
        lows = [sources._lowered(t) for t in texts]
        assert low == "\n".join(lows), texts
        assert ends == [sum(len(x) + 1 for x in lows[:i]) + len(lows[i]) for i in range(len(lows))]


def test_lowercasing_and_nfkc_make_no_line_break():
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if ch != "\n":
            assert "\n" not in ch.lower() and "\n" not in unicodedata.normalize("NFKC", ch), hex(i)


def test_copyright_lines_are_the_per_line_test():
    for texts in _docs():
        low, ends = sources._lowered_lines(texts)
        lows = [sources._lowered(t) for t in texts]
        assert sources._copyright_lines(low, ends) == [i for i, x in enumerate(lows) if sources._is_copyright(x)]


def test_copyright_hints_hold_every_non_ascii_word_match():
    """No lowercase character but the hints' own folds under ``regex.I`` to a character of a non-ASCII word."""
    chars = sorted({ch for w in sources._COPYRIGHT.pattern.split("|") for ch in w.replace("\\s*", "")
                    if not ch.isascii()})
    rx = regex.compile("[" + "".join(chars) + "]", regex.I)
    for i in range(0x80, sys.maxunicode + 1):
        ch = chr(i)
        if ch.lower() == ch and ch not in chars:
            assert not rx.fullmatch(ch), hex(i)
    words = [w for ws in sources._COPYRIGHT_HINTS.values() for w in ws]
    for text in LINES + ODD + FUZZ:
        low = sources._lowered(text)
        if sources._COPYRIGHT.search(low) and not any(w in low for w in sources._COPYRIGHT_ASCII):
            assert any(w in low for w in words), low


def test_automaton_on_joined_lines_finds_what_each_line_gives(norm):
    """The reordered automaton on the joined lines, matches across lines dropped, gives each line's matches
    of the plain automaton, in the same order."""
    auto = sources.index(norm.rules)["auto"]
    plain = ahocorasick.Automaton()
    for w, v in sorted(auto.items()):
        if v[1]:
            plain.add_word(w, v)
    plain.make_automaton()
    extra = ["\x01", " \x01x", "people.com.cn\nxinhua", "新华社\n新华社"]
    for texts in _docs()[:150] + [[t] for t in extra]:
        low, ends = sources._lowered_lines(texts)
        fast = []
        for stop, (word, entries) in auto.iter(low):
            i = sources.bisect_left(ends, stop)
            first = ends[i - 1] + 1 if i else 0
            if entries and stop + 1 - len(word) >= first:
                fast.append((i, stop - first, word))
        slow = [(i, stop, word) for i, x in enumerate(sources._lowered(t) for t in texts)
                for stop, (word, _) in plain.iter(x)]
        assert fast == slow, texts


_SENTENCE = regex.compile(r"[^\W\d_][.!?…。！？](?:\s|$)")


def _sample_slow(lines: list) -> str:
    """Lines that end a sentence first, then by length, longest first, then in text order."""
    ranked = sorted(lines, key=lambda ln: (-bool(_SENTENCE.search(ln.text)), -len(ln.text), ln.index))
    picked, total = [], 0
    for ln in ranked:
        picked.append(ln)
        total += len(ln.text)
        if total >= language.SAMPLE_CHARS:
            break
    picked.sort(key=lambda ln: ln.index)
    return "\n".join(ln.text for ln in picked)[: language.SAMPLE_CHARS * 2]


def _wide_slow(lines: list) -> dict[str, int]:
    parts, total = [], 0
    for ln in lines:
        parts.append(ln.text)
        total += len(ln.text)
        if total >= language.WIDE_CHARS:
            break
    return language.script_counts("\n".join(parts)[: language.WIDE_CHARS])


def test_sample_and_wide_counts_match_the_loops():
    rnd = random.Random(9)
    for texts in _docs():
        lines = Ledger("\n".join(texts * rnd.randint(1, 30))).lines
        shuffled = rnd.sample(lines, len(lines))
        for ls in (lines, shuffled, lines[: rnd.randint(0, len(lines))]):
            assert language.sample(None, ls) == _sample_slow(ls)
            assert language.wide_counts(ls) == _wide_slow(ls)


def _stopword_slow(text: str) -> tuple[str | None, float]:
    index = language._stopwords()
    words = language._WORD.findall(text)[: language.MAX_WORDS] if text else []
    if len(words) < language.MIN_WORDS:
        return None, 0.0
    score: dict[str, float] = {}
    hits: dict[str, int] = {}
    for w in words:
        for code, weight in index.get(w.casefold()) or ():
            score[code] = score.get(code, 0.0) + weight
            hits[code] = hits.get(code, 0) + 1
    if not score:
        return None, 0.0
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    coverage = hits[best] / len(words)
    if top < language.MIN_SCORE or coverage < language.MIN_COVERAGE or top < language.MIN_MARGIN * second:
        return None, 0.0
    return best, round(min(0.99, 0.9 + 0.1 * (1 - second / top) * min(1.0, coverage / 0.4)), 3)


def test_stopword_guess_matches_the_loop():
    rnd = random.Random(3)
    for _ in range(400):
        text = " ".join(rnd.sample(LINES + ODD, min(len(LINES + ODD), rnd.randint(1, 8))))[:1200]
        assert language.stopword_guess(text) == _stopword_slow(text), text


def test_split_ascii_passes_lone_surrogates():
    for text in ["\ud83d\ude00a", "\ud800", "x\udfffé", "abc", ""] + ODD + FUZZ[:100]:
        letters, rest = language.split_ascii(text)
        assert rest == "".join(ch for ch in text if not ch.isascii())
        assert letters == sum(1 for ch in text if ch.isascii() and ch.isalpha())
