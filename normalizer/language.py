"""Language of the article: fast paths first, langdetect (seeded) only when they are unsure.

1. Script: Hangul, Kana and Han decide ko, ja, zh-Hans/zh-Hant by character counts.
2. Stopwords: for Latin, Cyrillic and Greek script, the share of the sample's words that are stopwords of
   each language (``data/stopwords.json``, built by ``scripts/build_stopwords.py``), a word shared by k
   languages counting 1/k. A clear winner (enough words, coverage, margin) is the answer (~50 µs).
3. langdetect, seeded and deterministic, on the same bounded sample (~6 ms) when the fast path is unsure:
   few words, close languages (da/no, es/pt/ca, cs/sk, ru/uk/bg), or a language without a profile.

The sample is the longest free lines (body candidates), bounded in size, so a long page costs the same
as a short one and boilerplate in another language (an ICP footer on an English page) does not sway it.
"""
from __future__ import annotations

import json
import re
import threading
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

import hanzidentifier
import regex

from .doc import Doc

SAMPLE_CHARS = 600      # characters of text sampled for detection
WIDE_CHARS = 12_000     # characters whose scripts say what script family the page is in
_LANGDETECT_MAP = {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}
_lock = threading.Lock()
_factory_ready = False

# Stopword fast path: thresholds checked against langdetect and the gold corpora (see tests).
MAX_WORDS = 200          # words of the sample scored
MIN_WORDS = 8            # fewer words than this: unsure
MIN_SCORE = 4.0          # weighted stopword hits the winner needs
MIN_COVERAGE = 0.25      # share of the words that are the winner's stopwords
MIN_MARGIN = 2.0         # winner's score over the runner-up's
_WORD = regex.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# Below this character lie the alphabets (Latin, Greek, Cyrillic, ...): where ``_alphabet_word`` applies.
_ALPHABETS_END = "\u3000"
_PAST_ALPHABETS = re.compile(f"[{_ALPHABETS_END}-\U0010ffff]")


@lru_cache(maxsize=1)
def _alphabet_word() -> re.Pattern:
    r"""``_WORD`` for text below ``_ALPHABETS_END``, as a stdlib pattern (about twice as fast): its class
    holds exactly the characters there that ``regex`` matches with ``[^\W\d_]``, as ranges (the runs it
    finds in the string of those code points in order)."""
    runs = regex.findall(r"[^\W\d_]+", "".join(map(chr, range(ord(_ALPHABETS_END)))))
    letter = "[" + "".join(f"{re.escape(r[0])}-{re.escape(r[-1])}" for r in runs) + "]"
    return re.compile(f"{letter}+(?:['’]{letter}+)?")


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``: by its stdlib twin when no character is past the alphabets."""
    return _WORD.findall(text) if _PAST_ALPHABETS.search(text) else _alphabet_word().findall(text)


@lru_cache(maxsize=1)
def _stopwords() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> ((language, weight), ...), weight 1/k for a word listed by k languages."""
    data = json.loads((Path(__file__).parent / "data" / "stopwords.json").read_text(encoding="utf-8"))
    by_word: dict[str, list[str]] = {}
    for code, words in sorted(data["languages"].items()):
        for w in words:
            by_word.setdefault(w, []).append(code)
    return {w: tuple((c, 1.0 / len(codes)) for c in codes) for w, codes in by_word.items()}


def stopword_guess(text: str) -> tuple[str | None, float]:
    """(code, confidence) when the stopwords clearly point at one language, else (None, 0.0)."""
    index = _stopwords()
    words = _words(text)[:MAX_WORDS] if text else []
    if len(words) < MIN_WORDS:
        return None, 0.0
    found = [langs for langs in map(index.get, map(str.casefold, words)) if langs]
    score: dict[str, float] = {}
    get = score.get
    for langs in found:     # in word order, as each sum's floating-point rounding depends on it
        for code, weight in langs:
            score[code] = get(code, 0.0) + weight
    if not score:
        return None, 0.0
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    coverage = sum(code == best for langs in found for code, _ in langs) / len(words)    # best's hits
    if top < MIN_SCORE or coverage < MIN_COVERAGE or top < MIN_MARGIN * second:
        return None, 0.0
    return best, round(min(0.99, 0.9 + 0.1 * (1 - second / top) * min(1.0, coverage / 0.4)), 3)


_SCRIPTS = (  # runs of letters per script, counted at C speed
    ("latin", regex.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+")),
    ("hangul", regex.compile(r"[\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F]+")),
    ("kana", regex.compile(r"[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]+")),
    ("han", regex.compile(r"[\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF\U00020000-\U0002FA1F]+")),
    ("cyrillic", regex.compile(r"[\u0400-\u04FF]+")),
    ("arabic", regex.compile(r"[\u0600-\u06FF]+")),
    ("greek", regex.compile(r"[\u0370-\u03FF]+")),
)
_LETTERS = regex.compile(r"[^\W\d_]+")


_SCRIPT_NAMES = tuple(name for name, _ in _SCRIPTS)
# Per character seen: (index into _SCRIPTS or -1, whether ``_LETTERS`` matches it); bounded.
_CHAR_INFO: dict[str, tuple[int, bool]] = {}
_CHAR_INFO_MAX = 200_000


def _char_info(ch: str) -> tuple[int, bool]:
    """What ``script_counts`` needs to know of one character, from the same character classes."""
    script = next((i for i, (_, rx) in enumerate(_SCRIPTS) if rx.match(ch)), -1)
    info = (script, _LETTERS.match(ch) is not None)
    if len(_CHAR_INFO) >= _CHAR_INFO_MAX:
        _CHAR_INFO.clear()
    _CHAR_INFO[ch] = info
    return info


# Bytes kept to count ASCII letters, and the ASCII bytes (which a UTF-8 multi-byte sequence never holds).
_NOT_ASCII_ALPHA = bytes(c for c in range(256) if not (c < 128 and chr(c).isalpha()))
_ASCII_BYTES = bytes(range(128))


def split_ascii(text: str) -> tuple[int, str]:
    """(how many ASCII letters ``text`` holds, its non-ASCII characters run together), both at C speed:
    from its UTF-8 bytes, where the ASCII characters are the bytes below 128 (lone surrogates pass)."""
    data = text.encode("utf-8", "surrogatepass")
    letters = len(data.translate(None, _NOT_ASCII_ALPHA))
    if len(data) == len(text):
        return letters, ""
    return letters, data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


# Blocks of letters of one script, each character of which ``_char_info`` classifies alike (checked by
# ``_bulk_blocks``): (index into _SCRIPTS, stdlib pattern of the block's runs).
_BULK_BLOCKS = ((3, "\u4e00-\u9fff"), (1, "\uac00-\ud7a3"), (2, "\u3041-\u3096\u30a1-\u30fa"),
                (4, "\u0410-\u044f"))


@lru_cache(maxsize=1)
def _bulk_blocks() -> tuple[tuple[int, re.Pattern], ...]:
    """The ``_BULK_BLOCKS`` whose every character is a letter of their script and of no script listed before
    it (what ``_char_info`` says of it), each as a pattern of runs; a block failing the check is left out."""
    out = []
    for script, ranges in _BULK_BLOCKS:
        chars = "".join(chr(c) for lo, hi in re.findall("(.)-(.)", ranges) for c in range(ord(lo), ord(hi) + 1))
        if _SCRIPTS[script][1].fullmatch(chars) and _LETTERS.fullmatch(chars) \
                and not any(rx.search(chars) for _, rx in _SCRIPTS[:script]):
            out.append((script, re.compile(f"[{ranges}]+")))
    return tuple(out)


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: latin, hangul, kana, han, cyrillic, arabic, greek, other.

    Each script's count is the number of characters in its class (what summing the lengths of its runs
    gives); counted once per distinct character of the text (``Counter`` runs in C), each character
    classified once per process. ASCII letters are latin letters and no other ASCII character counts,
    so only the non-ASCII characters go through the ``Counter``; the letters of the main CJK and Cyrillic
    blocks (``_bulk_blocks``) are counted before it, by how much removing them shortens the text."""
    counts = [0] * len(_SCRIPTS)
    ascii_letters, rest = split_ascii(text)
    counts[0] = letters = ascii_letters     # _SCRIPTS[0] is latin
    if rest:
        for script, block in _bulk_blocks():
            left = block.sub("", rest)
            if len(left) != len(rest):
                counts[script] += len(rest) - len(left)
                letters += len(rest) - len(left)
                rest = left
    get = _CHAR_INFO.get
    for ch, k in Counter(rest).items():
        script, letter = get(ch) or _char_info(ch)
        if script >= 0:
            counts[script] += k
        if letter:
            letters += k
    c = dict(zip(_SCRIPT_NAMES, counts, strict=True))
    c["other"] = max(0, letters - sum(counts))
    return c


def han_variant(text: str) -> tuple[str, float]:
    """zh-Hans or zh-Hant for Chinese text (hanzidentifier's CC-CEDICT tables), with a confidence."""
    kind = hanzidentifier.identify(text)
    if kind == hanzidentifier.TRADITIONAL:
        return "zh-Hant", 0.95
    if kind == hanzidentifier.SIMPLIFIED:
        return "zh-Hans", 0.95
    if kind == hanzidentifier.MIXED:  # count characters that exist in only one of the two sets
        trad = sum(1 for ch in text if hanzidentifier.is_traditional(ch) and not hanzidentifier.is_simplified(ch))
        simp = sum(1 for ch in text if hanzidentifier.is_simplified(ch) and not hanzidentifier.is_traditional(ch))
        return ("zh-Hant", 0.7) if trad > simp else ("zh-Hans", 0.7)
    return "zh-Hans", 0.6


def identify(text: str, counts: dict[str, int] | None = None) -> tuple[str | None, float, str]:
    """(code, confidence, rule) for a bounded sample of text; ``counts`` (script counts of a wider
    sample of the same document) decide the script when given."""
    c = counts if counts is not None else script_counts(text)
    letters = sum(c.values())
    if not letters:
        return None, 0.0, "language.none"
    cj = c["han"] + c["kana"]
    # Japanese: kana in earnest (a kanji-heavy text still has some); a stray language-switch line on a
    # Chinese page ("日本語版に移動しますか") is not enough.
    if c["kana"] >= 0.05 * letters or (c["kana"] >= 0.03 * cj and c["kana"] >= c["hangul"] and cj > 0.3 * letters):
        return "ja", min(0.99, 0.8 + c["kana"] / letters), "language.script.kana"
    if c["hangul"] >= 0.2 * letters:
        return "ko", min(0.99, 0.7 + c["hangul"] / letters), "language.script.hangul"
    if c["han"] >= 0.3 * letters:
        code, conf = han_variant(text)
        return code, conf, "language.script.han"
    if c["cyrillic"] >= 0.5 * letters or c["latin"] >= 0.5 * letters or c["arabic"] >= 0.5 * letters \
            or c["greek"] >= 0.5 * letters:
        if c["arabic"] < 0.5 * letters:
            code, conf = stopword_guess(text)
            if code:
                return code, conf, "language.stopwords"
        code, conf = _langdetect(text)
        if code:
            return code, conf, "language.langdetect"
    return None, 0.0, "language.none"


def _family(c: dict[str, int], letters: int) -> str:
    """cjk, or the script with most letters."""
    if c["kana"] + c["han"] + c["hangul"] >= 0.3 * letters:
        return "cjk"
    return max(c, key=lambda k: (c[k], k))


def _langdetect(text: str) -> tuple[str | None, float]:
    """langdetect's best guess, seeded so the same text always gives the same answer."""
    global _factory_ready
    from langdetect import detector_factory
    from langdetect.lang_detect_exception import LangDetectException
    with _lock:
        if not _factory_ready:
            detector_factory.init_factory()
            _factory_ready = True
    det = detector_factory._factory.create()
    det.set_max_text_length(SAMPLE_CHARS)
    det.seed = 0  # langdetect draws random n-grams: a fixed seed makes it deterministic
    det.append(text)
    try:
        probs = det.get_probabilities()
    except LangDetectException:
        return None, 0.0
    if not probs:
        return None, 0.0
    best = probs[0]
    return _LANGDETECT_MAP.get(best.lang, best.lang), float(best.prob)


_TEXT = attrgetter("text")
_INDEX = attrgetter("index")


def _free_lines(doc: Doc) -> list:
    """Lines no stage has placed (footers found by sources are out), each distinct text once."""
    seen: set[str] = set()
    out = []
    for ln in doc.ledger:
        if ln.role is None and ln.text not in seen:
            seen.add(ln.text)
            out.append(ln)
    return out or list(doc.ledger)


# a sentence ends in the line: a stop, question or exclamation mark after a letter, then a space or the end
# (stdlib ``re``: a pattern that opens with a small class of literals is scanned for them at C speed)
_SENTENCE_END = re.compile(r"[.!?…。！？](?<=[^\W\d_].)(?!\S)")
_MARKS = frozenset(".!?…。！？")


def _prose_ranks(texts: list[str]) -> list[int]:
    r"""Per line, 1 for running text (it ends a sentence), 0 for a list, menu or archive widget.

    A line that ends with a mark after a letter is decided without the scan (every letter is in the
    pattern's ``[^\W\d_]``, and the end of the line is no ``\S``)."""
    search = _SENTENCE_END.search
    return [1 if t[-1:] in _MARKS and t[-2:-1].isalpha() or search(t) else 0 for t in texts]


def sample(doc: Doc, lines: list | None = None) -> str:
    """The longest distinct free lines in text order, up to SAMPLE_CHARS: body text, not menus or footers.

    Lines of running text (``_prose_rank``) come first, the longest first; lists without a sentence
    (``Monat auswählen Januar 2020 (1) …``, city pickers, tag clouds) only fill what they leave."""
    free = sorted(lines if lines is not None else _free_lines(doc), key=_INDEX)
    texts = list(map(_TEXT, free))
    lengths = list(map(len, texts))
    # running text first, longest first, in text order among equals (a stable sort keeps it): the lines
    # by length, running text taken on the way (each line ranked only when reached), the rest only after
    picked, total = [], 0
    rest = []
    search = _SENTENCE_END.search
    by_length = sorted(range(len(free)), key=lengths.__getitem__, reverse=True)
    for k in by_length:
        t = texts[k]
        if t[-1:] in _MARKS and t[-2:-1].isalpha() or search(t):    # ``_prose_ranks``
            picked.append(k)
            total += lengths[k]
            if total >= SAMPLE_CHARS:
                break
        else:
            rest.append(k)
    else:
        for k in rest:
            picked.append(k)
            total += lengths[k]
            if total >= SAMPLE_CHARS:
                break
    picked.sort()
    return "\n".join([free[k].text for k in picked])[: SAMPLE_CHARS * 2]


def wide_counts(lines: list) -> dict[str, int]:
    """Script counts over the free lines, bounded to WIDE_CHARS: the script of the page as a whole."""
    texts = list(map(_TEXT, lines))
    upto = bisect_left(list(accumulate(map(len, texts))), WIDE_CHARS)    # the line that reaches WIDE_CHARS
    return script_counts("\n".join(texts[:upto + 1])[:WIDE_CHARS])


def detect(doc: Doc) -> None:
    """Set ``doc.language`` from the sample; a source that writes one language breaks a tie."""
    lines = _free_lines(doc)
    text = sample(doc, lines)
    wide = wide_counts(lines)
    wide_letters = sum(wide.values())
    # The page as a whole says which script (CJK pages: how much kana, hangul, han); the sample speaks
    # only when both agree on an alphabet (so its counts are not needed when the page's is no alphabet).
    wide_family = _family(wide, wide_letters) if wide_letters else None
    if wide_family in ("cjk", "other"):
        counts = wide
    else:
        counts = script_counts(text)
        letters = sum(counts.values())
        if wide_letters and (not letters or wide_family != _family(counts, letters)):
            counts = wide
    code, conf, rule = identify(text, counts)
    if code is None and doc.source and len(doc.source.get("languages") or []) == 1:
        code, conf, rule = doc.source["languages"][0], 0.5, f"source.{doc.source['id']}.language"
    doc.language, doc.language_confidence = code, conf
    doc.fields["language_rule"] = rule
    doc.fire(rule)
