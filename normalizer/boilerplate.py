"""Lines that are not the article: navigation, share, related lists, copyright, license, contact,
notices, ads. Shapes and words are locale data (``[boilerplate]`` of every locale file: ``rules``,
``section_starts``, ``words``; ``und`` for script-neutral shapes; the source's own ``[[boilerplate]]``);
the decision is made here, in two passes around the header stages:

``classify`` (before dates, datelines, bylines) reads the page layout (``layout.analyze``: the article's
main block of prose) and claims what is boilerplate by itself: notices by shape (one combined regex as a
first pass), link titles above bare URLs, lines made only of share/ad/menu words, page sections opened by
a heading (``Related``, ``3 comments``, ``分享到``) and menu runs outside the article. Header lines (dates,
bylines, the headline) above the article are left for the later stages.

``sweep`` (called by the body stage, after the title) claims what is still free outside the main block
on a whole web page, with a kind guessed from its shape (menu row or teaser).

A line holding notices of two kinds (``Copyright … All rights reserved.Preferably viewed with …``) is
split at the start of a second notice of a kind in ``SPLIT_KINDS`` into two entries, each with its own
span, kind and language; a licence number or a contact inside a copyright line stays with it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

import ahocorasick
import regex

from .doc import Doc
from .layout import (
    Layout,
    analyze,
    glued_teaser,
    has_cjk,
    has_marker,
    marker_end,
    menu_row,
    quick_weight,
    strip_marker,
    text_memo,
    weight,
)
from .lines import Line
from .memo import TextDict
from .rules import Rules
from .rules.regexes import Rx

# A second notice of these kinds in a line is split off into its own entry (``Copyright … All rights
# reserved.Preferably viewed with …``); a licence number or contact inside a copyright line stays in it.
SPLIT_KINDS = frozenset({"notice"})
CACHE_SIZE = 50_000       # notice shapes of recent lines (a pure function of the text and the rules)
LINE_CACHE = 65536        # menu shapes of recent line texts (pure functions of the text)
HEAD_PROBE = 100         # characters of a long prose line the first pass reads
MAX_LINE = 400           # a longer line is prose, whatever keyword it holds
_MARKER = regex.compile(r"^(?:[-*•·+>|»›]|\d{1,2}\.)\s*")
_MARKER_CHARS = frozenset("-*•·+>|»›")  # its one-character markers
_SEPARATOR = regex.compile(r"^[\p{P}\p{S}\s]*$")
_SENTENCE_END = regex.compile(r"[.!?。！？]\s*$|[.!?。！？][\"'”’]\s*$")


def _build(rules: Rules) -> list[dict]:
    out = []
    for code in sorted(rules.locales):
        for r in rules.locales[code].get("boilerplate", {}).get("rules", []):
            out.append({**r, "locale": code})
    return out


def _union(rules: list[dict]) -> Rx | None:
    """One regex that matches where any of ``rules`` matches: a cheap first pass over every line."""
    if not rules:
        return None
    parts = []
    for r in rules:
        rx = r["pattern"]
        flags = "i" if rx.pattern.flags & regex.IGNORECASE else ""
        parts.append(f"(?{flags}:{rx.source})" if flags else f"(?:{rx.source})")
    try:
        return Rx("|".join(parts), "boilerplate.any")
    except regex.error:  # a user pattern that cannot be combined: no first pass
        return None


def _build_union(rules: Rules) -> Rx | None:
    return _union(rules.view("boilerplate", _build))


def _build_gate(rules: Rules):
    """The keyword gate of the notice rules (``_keyword_gate``)."""
    return _keyword_gate(rules.view("boilerplate", _build))


def _keyword_gate(rules: list[dict]):
    """An Aho-Corasick automaton over the folded ``keywords`` (``fold_keywords``) of every rule, each
    keyword mapped to the indexes of the rules that list it: a rule whose keywords a line does not hold
    cannot match it, so only the rules whose keyword occurs are run (``_rule_candidates``). None (no gate)
    when there is no rule, or a rule has no ``keywords`` or an empty one (it may match any line)."""
    words: dict[str, set[int]] = {}
    for i, r in enumerate(rules):
        kws = [fold_keywords(k) for k in r.get("keywords") or ()]
        if not kws or not all(kws):
            return None
        for k in kws:
            words.setdefault(k, set()).add(i)
    if not words:
        return None
    auto = ahocorasick.Automaton()
    for w, idx in words.items():
        auto.add_word(w, frozenset(idx))
    auto.make_automaton()
    return auto


def _any_rule(gate, rules: list[dict], text: str) -> bool:
    """Whether any notice rule matches ``text`` (what the combined regex would say), running only the
    rules whose keyword occurs in it."""
    return any(rules[i]["pattern"].search(text) for i in _rule_candidates(gate, text))


def _rule_candidates(gate, text: str) -> list[int]:
    """The sorted indices of the rules whose keyword occurs in ``text`` (``fold_keywords``): the only rules
    that can match it."""
    cand: set[int] = set()
    for _end, idx in gate.iter(fold_keywords(text)):
        cand |= idx
    return sorted(cand)


def _gate_spans_lines(rules: Rules) -> bool:
    """Whether a keyword of the gate holds a newline (it could match across two joined probes)."""
    return any("\n" in fold_keywords(k) for r in rules.view("boilerplate", _build) for k in r.get("keywords") or ())


def _candidates_of(gate, probes: list[str], spans_lines: bool) -> dict[str, list[int]]:
    """``_rule_candidates(gate, p)`` of every probe ``p`` (distinct texts), from one automaton pass over
    the probes joined by newlines: casefolding is per character and never makes a newline, so each
    probe's folded text lies between two newlines of the folded whole, and a keyword without a newline
    matches inside one probe only. Per probe when a probe or a keyword holds a newline."""
    joined = "\n".join(probes)
    if spans_lines or joined.count("\n") != len(probes) - 1:
        return {p: _rule_candidates(gate, p) for p in probes}
    folded = fold_keywords(joined)
    cands: list[set[int]] = [set() for _ in probes]
    k = 0
    stop = folded.find("\n")  # where probe ``k`` ends (-1: it is the last one)
    for end, idx in gate.iter(folded):
        while 0 <= stop < end:
            k += 1
            stop = folded.find("\n", stop + 1)
        cands[k] |= idx
    return {p: sorted(c) for p, c in zip(probes, cands, strict=True)}


def _build_sections(rules: Rules) -> list[dict]:
    out = []
    for code in sorted(rules.locales):
        for r in rules.locales[code].get("boilerplate", {}).get("section_starts", []):
            out.append({**r, "locale": code})
    return out


def _build_words(rules: Rules) -> dict[str, str]:
    out: dict[str, str] = {}
    for code in sorted(rules.locales):
        for kind, words in rules.locales[code].get("boilerplate", {}).get("words", {}).items():
            for w in words:
                out.setdefault(w.casefold(), kind)
    return out


_ICONS = regex.compile(r"[\p{Co}\p{So}\p{Cf}]")
_LINKED_IN = regex.compile(r"(?i)\blinked in\b")
_TOKEN_SPLIT = regex.compile(r"[\s|｜/·•,，:：、︱]+")
_COUNTER = regex.compile(r"^[\d,.()（）+\-kK万]+$")
_KIND_ORDER = ("share", "ad", "contact", "navigation")


def _new_cache(_rules: Rules) -> dict:
    return {}


def word_kind(doc: Doc, text: str) -> str | None:
    """The kind of a short line made only of share/ad/menu words (and counters), else None."""
    return _word_kinds(doc)(text)


class _RulesOnly:
    """What the memoized functions read of a document: its rules only (a cache must not hold a document)."""

    __slots__ = ("rules",)

    def __init__(self, rules: Rules) -> None:
        self.rules = rules


class _Memo(TextDict):
    """A per-rules cache of ``fn(rules, text)`` that computes a missing answer itself, so that a lookup
    is one call of ``dict.__getitem__``."""

    __slots__ = ("_fn", "_of")

    def __init__(self, fn, rules: Rules) -> None:
        super().__init__()
        self._fn = fn
        self._of = _RulesOnly(rules)

    def __missing__(self, text: str):
        v = self[text] = self._fn(self._of, text)
        return v


def _memoized(doc: Doc, key: str, fn) -> Callable[[str], object]:
    """``fn(doc, text)`` (a function of ``doc.rules`` and the text only) for many lines of one document,
    through the rules' cache ``key`` (bounded: cleared when full, checked once per document)."""
    cache = doc.rules.view(key, lambda rs: _Memo(fn, rs))
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    return cache.__getitem__


def _word_kinds(doc: Doc):
    """``word_kind`` for many lines of one document."""
    return _memoized(doc, "boilerplate.word_kind.cache", _word_kind)


def _word_kind(doc: Doc, text: str) -> str | None:
    words, fillers = doc.rules.view("boilerplate.words.index", _build_word_index)
    body = strip_marker(text).strip()
    if not body.isascii() or "linked in" in body.lower():  # ASCII text holds a match only so
        body = _LINKED_IN.sub("linkedin", body)
    folded = body.casefold()
    whole = words.get(folded.replace(" ", ""))
    if whole:
        return whole
    kinds = []
    unknown = 0
    for tok in _TOKEN_SPLIT.split(folded if folded.isascii() else _ICONS.sub("", folded)):
        if not tok:
            continue
        k = words.get(tok)
        if k is not None:
            if tok not in fillers:
                kinds.append(k)
        elif not _filler(tok):
            unknown += 1
            if unknown > 1:  # the final test below says None whatever follows
                return None
    if not kinds or (unknown and len(kinds) < 3):
        return None
    # the most frequent kind; ties go by ``_KIND_ORDER``, then by first appearance (never by set order)
    return min(dict.fromkeys(kinds), key=lambda k: (-kinds.count(k), _KIND_ORDER.index(k) if k in _KIND_ORDER else 9))


def _build_word_index(rules: Rules) -> tuple[dict[str, str], frozenset[str]]:
    """The share/ad/menu words (``_build_words``) and those of them a token skips as a counter or
    separator (``_filler``): such a word never counts as a kind."""
    words = rules.view("boilerplate.words", _build_words)
    return words, frozenset(w for w in words if w and (_COUNTER.match(w) or _SEPARATOR.match(w)))


_COUNTER_FIRST = frozenset("kK万")  # the letters ``_COUNTER``'s class holds


# A stdlib class holding every icon ``_word_kind`` drops (``_ICONS``: private use, other symbols, format
# characters), written as the complement of ranges that hold none (the common scripts and punctuation), so
# that a page is scanned fast. Checked over every code point in tests.
_MAYBE_ICON = re.compile(
    "[^\x00-\xa5\xa7\xa8\xaa-\xac\xaf\xb1-\u0481\u0483-\u058c\u0590-\u05ff\u0606-\u060d\u0610-\u061b\u061d-\u06dc"
    "\u06df-\u06e8\u06ea-\u06fc\u0710-\u07f5\u0900-\u09f9\u0e00-\u0f00\u10a0-\u138f\u1b7d-\u200a"
    "\u2010-\u2029\u202f-\u205f\u3000-\u3003\u3005-\u3011\u3014-\u301f\u3021-\u3035\u3038-\u303d"
    "\u3040-\u318f\u3400-\u4dbf\u4e00-\ua48f\uaa7a-\ud7ff\uff00-\uffe3]")
# What the casefolded ``linked in`` (``_LINKED_IN``, joined into ``linkedin``) opens with: each letter the
# pattern matches casefolds to itself, but ``İ`` (matched by ``i``), which casefolds to ``i`` and a dot.
_LINKED_FOLDS = ("linked", "li\u0307nked")
MARKER_CHARS = 3          # the characters of a list marker (``12.``) other than its white space


def _build_word_gate(rules: Rules) -> tuple[object, int] | None:
    """An Aho-Corasick automaton over the share/ad/menu words (and ``_LINKED_FOLDS``), and the most
    characters other than white space a line whose spaceless text is a word holds (see ``_word_hits``).
    None (no gate) when a word is empty or holds white space, an icon or a combining dot (U+0307)."""
    words, _fillers = rules.view("boilerplate.words.index", _build_word_index)
    if not words or any(not w or "\u0307" in w or _ICONS.search(w) or any(c.isspace() for c in w) for w in words):
        return None
    auto = ahocorasick.Automaton()
    for w in (*words, *_LINKED_FOLDS):
        auto.add_word(w, w)
    auto.make_automaton()
    return auto, max(map(len, words)) + MARKER_CHARS


def _solid(text: str) -> int:
    """The characters of ``text`` other than white space: a printable text holds no white space but spaces."""
    return len(text) - text.count(" ") if text.isprintable() else sum(map(len, text.split()))


def _word_hits(gate: tuple[object, int], texts: list[str]) -> list[bool]:
    """Per text, whether ``_word_kind`` may find a kind in it (False: it answers None). Its ``body`` (the
    line without its list marker and outer white space, ``linked in`` joined) is casefolded, and:

    - the spaceless casefolded body is a word: when it holds no space, the word lies in the casefolded line
      (or it holds the joined ``linkedin``: the line holds a ``_LINKED_FOLDS``); else the line holds a
      space and at most ``limit`` characters other than white space, and the word lies in the casefolded
      line without white space and combining dots (``İ`` casefolds to ``i`` and a dot);
    - or a token of it (icons dropped) is a word: the word lies in the casefolded line, unless an icon was
      dropped inside it (the line holds an icon) or it holds the joined ``linkedin`` (as above).

    Casefolding is per character and no word holds a line break, so the hits of one automaton pass over
    the casefolded lines joined by line breaks each lie inside one line."""
    auto, limit = gate
    page = "\n".join(texts)
    ascii_page = page.isascii()
    folded = page.lower() if ascii_page else page.casefold()
    lines = folded.split("\n")
    if len(lines) != len(texts):  # a line holding a line break: ask every line
        return [True] * len(texts)
    out = [False] * len(texts)
    _mark_lines(out, [end for end, _w in auto.iter(folded)], lines)
    if not ascii_page:
        _mark_lines(out, [m.start() for m in _MAYBE_ICON.finditer(page)], texts)
    spaced = [i for i, (hit, t) in enumerate(zip(out, texts, strict=True))
              if not hit and " " in t and (len(t) <= limit or _solid(t) <= limit)]
    if spaced:
        solid = ["".join(lines[i].split()).replace("\u0307", "") for i in spaced]
        found = [False] * len(spaced)
        _mark_lines(found, [end for end, _w in auto.iter("\n".join(solid))], solid)
        for i, hit in zip(spaced, found, strict=True):
            out[i] = hit
    return out


def _mark_lines(out: list[bool], positions: list[int], lines: list[str]) -> None:
    """Set ``out[i]`` for each line ``i`` of ``lines`` (joined by line breaks) holding one of ``positions``."""
    if not positions:
        return
    ends = list(accumulate(len(x) + 1 for x in lines))  # one past each line's break
    limit = -1  # positions below it lie in the line last marked
    for pos in positions:
        if pos >= limit:
            k = bisect_right(ends, pos)
            out[k] = True
            limit = ends[k]


def _filler(tok: str) -> bool:
    """``_COUNTER.match(tok) or _SEPARATOR.match(tok)`` of a non-empty token (a counter or punctuation):
    a token opening with a letter outside ``_COUNTER_FIRST`` matches neither (no letter is a digit,
    punctuation, symbol or space). Checked over every code point in tests."""
    c = tok[0]
    if c.isalpha() and c not in _COUNTER_FIRST:
        return False
    return bool(_COUNTER.match(tok) or _SEPARATOR.match(tok))


def section_rule(doc: Doc, text: str) -> dict | None:
    """The section-start rule (``Related``, ``3 comments``, ``分享到``…) a short line matches, if any."""
    return _memoized(doc, "boilerplate.sections.cache", _section_rule)(text)


def _section_rule(doc: Doc, text: str) -> dict | None:
    """The first section rule (in order) that matches ``text``: only the rules whose keywords the line
    holds are run (``_build_section_gate``), or, when a rule has no keywords, all of them behind their union."""
    rules = doc.rules.view("boilerplate.sections", _build_sections)
    gate = doc.rules.view("boilerplate.sections.gate", _build_section_gate)
    if gate is None:
        union = doc.rules.view("boilerplate.sections.any", lambda rs: _union(_build_sections(rs)))
        if union is not None and not union.may_match(text):
            return None
        candidates = range(len(rules))
    else:
        candidates = _rule_candidates(gate, text)
        if not candidates:
            return None
    for i in candidates:
        if rules[i]["pattern"].search(text):
            return rules[i]
    return None


def fold_keywords(text: str) -> str:
    """``text`` casefolded as keyword gates compare it: a character the ``regex`` module matches to a
    literal under IGNORECASE casefolds as that literal does, except ``İ`` (matched by ``i``, casefolded to
    ``i`` and a combining dot): the dot (U+0307) is dropped. Checked over every code point in tests."""
    folded = text.casefold()
    return folded if text.isascii() or "\u0307" not in folded else folded.replace("\u0307", "")


def _build_section_gate(rules: Rules):
    """The keyword gate of the section-start rules (``_keyword_gate``)."""
    return _keyword_gate(rules.view("boilerplate.sections", _build_sections))


def layout_of(doc: Doc) -> Layout:
    """The page layout (main block of prose), computed once per document."""
    lay = doc.fields.get("_layout")
    if lay is None:
        texts = [ln.text for ln in doc.ledger.lines]
        rule_of = _memoized(doc, "boilerplate.sections.cache", _section_rule)
        is_section = _memoized(doc, "boilerplate.is_section.cache", _is_section)
        gate = doc.rules.view("boilerplate.sections.gate", _build_section_gate)
        lay = analyze(texts, is_section, lambda t: (rule_of(t) or {}).get("name", "").startswith("comments."),
                      None if gate is None else lambda ts: _sections_of(gate, is_section, ts))
        doc.fields["_layout"] = lay
    return lay


def _sections_of(gate, is_section: Callable[[str], bool], texts: list[str]) -> list[bool]:
    """``is_section`` of each of ``texts``, asked only of the lines holding a keyword: the keywords are
    looked for in one pass over the page (folding is per character and keeps line breaks, so the folded
    page is the folded lines joined; a hit in a line's span may only add lines to ask)."""
    folded = fold_keywords("\n".join(texts))
    out = [False] * len(texts)
    hits = [end for end, _idx in gate.iter(folded)]
    if not hits:
        return out
    lines = folded.split("\n")
    if len(lines) != len(texts):  # a line holding a line break: ask line by line
        return [is_section(t) for t in texts]
    _mark_lines(out, hits, lines)
    return [hit and is_section(t) for hit, t in zip(out, texts, strict=True)]


def _is_section(doc: Doc, text: str) -> bool:
    """Whether a line opens a page section (``section_rule`` finds a rule)."""
    return section_rule(doc, text) is not None


@text_memo(LINE_CACHE)
def _teaser_item(text: str) -> bool:
    """A list item that reads as a headline (punctuated phrase), not a menu word."""
    body = strip_marker(text)
    return quick_weight(body) >= 4 and _teaser_punct(body) and not _menu_body(body)


def _teaser_punct(body: str) -> bool:
    """``_TEASER_PUNCT.search(body)``; of its characters, ASCII text can hold only ``,?!:``."""
    if body.isascii():
        return "," in body or "?" in body or "!" in body or ":" in body
    return _TEASER_PUNCT.search(body) is not None


_TEASER_PUNCT = regex.compile(r"[「」『』、，,“”‘’？?！!…:：]")


def menu_shaped(text: str) -> bool:
    """A row of menu links: separators, very short words side by side, or CJK menu words glued."""
    return _menu_body(strip_marker(text))


def _menu_body(body: str) -> bool:
    """``menu_shaped`` of a line whose list marker is already cut off."""
    return bool((_nav_sep(body) and quick_weight(body) <= 30) or menu_row(body) or _glued_menu(body) or (
        not body.isascii() and has_cjk(body) and not _PUNCT.search(body) and not _DIGIT.search(body)
        and (len(body.split()) >= 3 or len(body) >= 24)))


def _nav_sep(body: str) -> bool:
    """``_NAV_SEP.search(body)``: any ``|`` matches; the other separators need one of their characters."""
    if "|" in body:
        return True
    return ("/" in body or ">" in body or (not body.isascii() and ("›" in body or "»" in body))) \
        and _NAV_SEP.search(body) is not None


def _glued_menu(body: str) -> bool:
    """``_GLUED_MENU.match(body)``: its class holds no space, and it needs 16 characters."""
    return len(body) >= 16 and " " not in body and _GLUED_MENU.match(body) is not None


def guess_kind(doc: Doc, text: str) -> str:
    """The kind of a line left outside the article with no shape of its own: menu item or teaser."""
    return _guess_kind(_word_kinds(doc), text)


def _guess_kinds(doc: Doc) -> Callable[[str], str]:
    """``guess_kind`` for many lines of one document, through a per-rules cache (menus repeat; bounded:
    cleared when full, checked once per document), with the document's ``word_kind`` lookup at hand."""
    kind_of = _word_kinds(doc)
    cache = doc.rules.view("boilerplate.guess_kind.cache", _new_text_dict)
    if len(cache) >= CACHE_SIZE:
        cache.clear()
    get = cache.get

    def guess(text: str) -> str:
        v = get(text)
        if v is None:
            v = cache[text] = _guess_kind(kind_of, text)
        return v
    return guess


def _new_text_dict(_rules: Rules) -> TextDict:
    return TextDict()


def _guess_kind(kind_of, text: str) -> str:
    """``guess_kind`` with the document's ``word_kind`` lookup given (``_word_kinds``)."""
    k = kind_of(text)
    if k:
        return k
    body = strip_marker(text)
    if not ((len(body) >= 12 and quick_weight(body) >= 5) or glued_teaser(body)):
        return "navigation"
    return "navigation" if _menu_body(body) else "related"  # a teaser's shape, unless it is a menu row


# A run of CJK menu words glued together by the extractor: long, no punctuation, no spaces.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_PUNCT = regex.compile(r"[，。、！？：；,.!?:;「」“”\"'《》（）()…‘’]")
_GLUED_MENU = regex.compile(r"^[\p{Han}\p{Hangul}\p{Katakana}A-Za-z]{16,}$")
_NAV_SEP = regex.compile(r"\s[|>›»/]\s|\s>>\s|\|")


def language_of(text: str, doc_lang: str | None) -> str:
    """The language of one boilerplate entry, by script; Latin text takes the article's Latin language.

    What ``script_counts`` would say, read from only the scripts the answer needs: text without kana,
    hangul, han or cyrillic (``_DECISIVE``) takes the default; kana, then hangul, decide by presence;
    han and cyrillic are weighed against the latin letters (each script's count is the number of its
    characters: the classes do not overlap). Compared with the counts over every code point in tests."""
    if text.isascii() or _DECISIVE.search(text) is None:  # what the counts give for such text
        return doc_lang if doc_lang and not doc_lang.startswith(("zh", "ja", "ko", "ru", "uk")) else "en"
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    latin = -1  # counted when needed
    han = _HAN.subn("", text)[1]
    if han:
        latin = _LATIN.subn("", text)[1]
        if han >= latin / 4:
            return "zh"
    cyrillic = _CYRILLIC.subn("", text)[1]
    if cyrillic and cyrillic > (latin if latin >= 0 else _LATIN.subn("", text)[1]):
        return doc_lang if doc_lang in ("ru", "uk", "bg", "sr", "mk", "be") else "ru"
    if doc_lang and not doc_lang.startswith(("zh", "ja", "ko", "ru", "uk")):
        return doc_lang
    return "en"


# The character classes of ``language.script_counts``'s scripts ``language_of`` reads (one character per
# match, so ``subn`` counts characters), and their union.
_KANA_CLASS = "\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F"
_HANGUL_CLASS = "\uAC00-\uD7A3\u1100-\u11FF\u3130-\u318F"
_HAN_CLASS = "\u4E00-\u9FFF\u3400-\u4DBF\uF900-\uFAFF\U00020000-\U0002FA1F"
_CYRILLIC_CLASS = "\u0400-\u04FF"
_KANA = re.compile(f"[{_KANA_CLASS}]")
_HANGUL = re.compile(f"[{_HANGUL_CLASS}]")
_HAN = re.compile(f"[{_HAN_CLASS}]")
_CYRILLIC = re.compile(f"[{_CYRILLIC_CLASS}]")
_LATIN = re.compile("[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]")
_DECISIVE = re.compile(f"[{_KANA_CLASS}{_HANGUL_CLASS}{_HAN_CLASS}{_CYRILLIC_CLASS}]")


def _segments(line: Line, rules: list[dict], max_first: int | None = None) -> list[tuple[int, int, str, str, str | None]]:
    """Notice segments of a line: (start, end, kind, rule, language) in line offsets, or []."""
    text = line.text
    hits = []
    for r in rules:
        m = r["pattern"].search(text)
        if m:
            hits.append((m.start(), -(m.end() - m.start()), bool(r.get("whole_line")), r["kind"], r["name"],
                         r.get("language")))
    if not hits:
        return []
    hits.sort()
    first = hits[0][0]
    if max_first is not None and first > max_first:
        return []
    prefix = text[:first]
    limit = 3 if weight(text) >= 20 else max(3, 0.5 * len(text))  # a long line must open with the notice
    if first and not any(h[2] for h in hits) and len(prefix.strip(" -*|•·:：")) > limit:
        return []  # the keyword sits inside a sentence: prose, not a notice
    segs: list[list] = []
    for start, _neg, whole, kind, name, lang in hits:
        if segs and (kind == segs[-1][2] or start < segs[-1][0] + 8 or kind not in SPLIT_KINDS or whole):
            continue  # same notice, a match inside it, or a part that stays with the first notice
        segs.append([start, None, kind, name, lang])
    segs[0][0] = 0
    for i, s in enumerate(segs):
        s[1] = segs[i + 1][0] if i + 1 < len(segs) else len(text)
    return [tuple(s) for s in segs]


def _entry(doc: Doc, line: Line, a: int, b: int, kind: str, rule: str, lang: str | None) -> dict:
    raw = line.text[a:b]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    s = line.start + a + lead
    return {"text": raw, "kind": kind, "language": lang or _entry_language(doc, raw),
            "span": [s, s + len(raw)], "rule": rule}


def _whole_entry(doc: Doc, line: Line, kind: str, rule: str,
                 lang_of: Callable[[str], str | None] | None = None) -> dict:
    """``_entry(doc, line, 0, len(line.text), kind, rule, None)``: a ledger line is already stripped;
    ``lang_of`` is the document's ``_entry_languages`` when the caller makes many entries."""
    text = line.text
    return {"text": text, "kind": kind, "language": (lang_of or _entry_languages(doc))(text),
            "span": [line.start, line.end], "rule": rule}


class _Languages(TextDict):
    """``language_of(text, doc_lang)`` of non-ASCII texts for one document language, computed when missing
    (a lookup is one call of ``dict.__getitem__``)."""

    __slots__ = ("_doc_lang",)

    def __init__(self, doc_lang: str | None) -> None:
        super().__init__()
        self._doc_lang = doc_lang

    def __missing__(self, text: str) -> str:
        v = self[text] = language_of(text, self._doc_lang)
        return v


MAX_LANGUAGES = 64  # document languages with a table of their own (cleared all at once beyond)


def _language_table(doc: Doc) -> _Languages:
    """The per-rules table of entry languages for ``doc.language`` (bounded: each table is cleared when
    full, checked once per document, and all are dropped when too many document languages were seen)."""
    tables = doc.rules.view("boilerplate.language.cache", _new_cache)
    table = tables.get(doc.language)
    if table is None:
        if len(tables) >= MAX_LANGUAGES:
            tables.clear()
        table = tables[doc.language] = _Languages(doc.language)
    elif len(table) >= CACHE_SIZE:
        table.clear()
    return table


def _entry_languages(doc: Doc) -> Callable[[str], str | None]:
    """``_entry_language(doc, raw)`` for many entries of one document: the answer for ASCII text depends
    only on the document's language, so it is computed once (``language_of`` of the empty string)."""
    ascii_lang = language_of("", doc.language)
    lookup = _language_table(doc).__getitem__

    def of(raw: str) -> str | None:
        return ascii_lang if raw.isascii() else lookup(raw)
    return of


def _entry_language(doc: Doc, raw: str) -> str | None:
    """The language of a notice's text (non-ASCII answers cached per rules: footers repeat across pages)."""
    if raw.isascii():
        return language_of(raw, doc.language)
    return _language_table(doc)[raw]


def _claim_all(doc: Doc, idx: list[int], kinds: list[str], rule: str, entries: list[dict]) -> None:
    """Place the free ledger lines ``idx`` as boilerplate of ``kinds`` by ``rule`` and add their entries
    (``claim`` and ``_whole_entry`` of each, with the document's language table looked up once)."""
    if not idx:
        return
    lines = doc.ledger.lines
    doc.ledger.claim_many(idx, "boilerplate", kinds, rule)
    ascii_lang = language_of("", doc.language)
    lang = _language_table(doc).__getitem__
    entries.extend([{"text": (t := (ln := lines[i]).text), "kind": k,
                     "language": ascii_lang if t.isascii() else lang(t),
                     "span": [ln.start, ln.end], "rule": rule} for i, k in zip(idx, kinds, strict=True)])


# ``_MARKER`` opens with a marker or a digit, never a letter; ``_SEPARATOR`` can match no line opening with
# a letter or digit (those are neither punctuation, symbol nor space). Checked over every code point in tests.


def _is_separator(text: str) -> bool:
    """``_SEPARATOR.match(text)``, skipped for a line that opens with a letter or digit."""
    return not text[:1].isalnum() and _SEPARATOR.match(text) is not None


def _is_nav_item(text: str) -> bool:
    return _nav_item_after(text, marker_end(text, _MARKER_CHARS, _MARKER))


def _nav_item_after(text: str, end: int) -> bool:
    """``_is_nav_item(text)`` given ``end``, where the match of ``_MARKER`` at its start ends (-1: none)."""
    if end < 0:
        return False    # a list item opens with a marker
    body = text[end:]  # ``_MARKER.sub("", text, count=1)``: the anchored pattern matches only at the start
    return (len(body) <= 40 and quick_weight(body) <= 6
            and not _sentence_end(body) and not _dateish(body))


def _dateish(text: str) -> bool:
    """``_DATEISH.search(text)``, skipped when none of its separators is there."""
    return ("-" in text or "/" in text or "." in text or ":" in text or "年" in text or "月" in text) \
        and _DATEISH.search(text) is not None


_NOT_MENU = (False, False)


@text_memo(LINE_CACHE)
def _menu_line(text: str) -> tuple[bool, bool]:
    """For the menu pass: whether a free line can open a menu run (``_is_nav_item`` or ``_is_separator``),
    and whether it counts as one of its items (opens with a marker, or is a separator)."""
    end = marker_end(text, _MARKER_CHARS, _MARKER)
    if end >= 0:  # a separator line is all punctuation: one whose text goes on with a letter is none
        return _nav_item_after(text, end) or (not text[end:end + 1].isalnum() and _is_separator(text)), True
    sep = _is_separator(text)
    return sep, sep


def _sentence_end(text: str) -> bool:
    """``_SENTENCE_END.search(text)``: when the last character is no white space, ``\\s*$`` matches only
    the empty string at the end, so the answer is read from the last one or two characters."""
    last = text[-1:]
    if last and not last.isspace():
        return last in _STOPS or (last in _CLOSE_QUOTES and text[-2:-1] in _STOPS)
    return _SENTENCE_END.search(text) is not None


_STOPS = frozenset(".!?。！？")
_CLOSE_QUOTES = frozenset("\"'”’")


@text_memo(LINE_CACHE)
def _short(text: str) -> bool:
    """A short line that can continue a menu run (a few words, no sentence end, no digit)."""
    return len(text) <= 16 and quick_weight(text) <= 3 and not _sentence_end(text) and not _DIGIT.search(text)


_DIGIT = regex.compile(r"\d")
_DATEISH = regex.compile(r"\d{1,4}\s*[-/.年月:]\s*\d{1,2}")


def classify(doc: Doc) -> None:
    """Place every boilerplate line in the ledger and record its entries (``boilerplate`` field)."""
    entries: list[dict] = []
    lay = layout_of(doc)
    kind_of = _word_kinds(doc)
    _notices(doc, lay, entries)
    _link_titles(doc, lay, entries)
    _word_lines(doc, lay, kind_of, entries)
    _sections(doc, lay, kind_of, entries)
    _menus(doc, lay, kind_of, entries)
    entries.sort(key=lambda e: e["span"])
    doc.fields["boilerplate"] = entries


def _new_caches(_rules: Rules) -> tuple[dict, dict]:
    return TextDict(), TextDict()


def _notices(doc: Doc, lay: Layout, entries: list[dict]) -> None:
    """1. Notices by shape: the source's own rules first, then the locales' (through the first pass).
    Lines whose notice shape is known to be none (the per-rules cache says ``[]``) are skipped at once."""
    lines = doc.ledger.lines
    prose = lay.prose
    # the answers for lines read whole and for long prose lines read by their head (menus and footers
    # repeat across pages); the key is the text, which also fixes ``head`` (from its length)
    wholes, heads = doc.rules.view("boilerplate.cache", _new_caches)
    src_rules = [{**r, "locale": "source"} for r in (doc.source or {}).get("boilerplate", [])]
    if src_rules:
        todo = lines
    else:
        todo = [ln for ln, pr in zip(lines, prose, strict=True)
                if (heads.get(ln.text) if pr and len(ln.text) > 2 * HEAD_PROBE else wholes.get(ln.text)) != []]
    if not todo:
        return
    rules = doc.rules.view("boilerplate", _build)
    union = doc.rules.view("boilerplate.any", _build_union)
    gate = doc.rules.view("boilerplate.gate", _build_gate)
    src_prefix = f"source.{(doc.source or {}).get('id', '')}."
    gated = gate is not None and union is not None
    if gated:  # the candidate rules of every line still to be read, from one automaton pass
        cands = _candidates_of(gate, _pending_probes(todo, prose, wholes, heads),
                               doc.rules.view("boilerplate.gate.lines", _gate_spans_lines))
    for ln in todo:
        if ln.role is not None:
            continue
        text = ln.text
        size = len(text)
        if size > 4 * MAX_LINE:
            continue
        head = 60 if size > MAX_LINE else None  # a long line is a notice only when it opens with one
        segs = _segments(ln, src_rules, head) if src_rules else []
        prefix = src_prefix
        if not segs:
            # a long prose line is a notice only when it opens with one: the first pass reads its head
            whole = not (size > 2 * HEAD_PROBE and prose[ln.index])
            cache = wholes if whole else heads
            segs = cache.get(text)
            if segs is None:
                if gated:
                    segs = _gated_segments(ln, rules, gate, cands, whole, head)
                else:
                    probe = text if whole else text[:HEAD_PROBE]
                    hit = union is None or union.may_match(probe)
                    segs = _segments(ln, rules, head) if hit else []
                if len(cache) >= CACHE_SIZE:
                    cache.clear()
                cache[text] = segs
            prefix = "boilerplate."
        if segs:
            doc.ledger.claim(ln.index, "boilerplate", segs[0][2], prefix + segs[0][3])
            for a, b, kind, name, lang in segs:
                entries.append(_entry(doc, ln, a, b, kind, prefix + name, lang))
                doc.fire(prefix + name)


def _pending_probes(todo: list[Line], prose: list[bool], wholes: dict, heads: dict) -> list[str]:
    """The distinct probes (the text, or the head of a long prose line) of the lines of ``todo`` whose
    notice shape ``_notices`` will compute (free, not too long, not cached), in line order."""
    probes: dict[str, None] = {}
    for ln in todo:
        text = ln.text
        size = len(text)
        if ln.role is not None or size > 4 * MAX_LINE:
            continue
        if not (size > 2 * HEAD_PROBE and prose[ln.index]):
            if text not in wholes:
                probes[text] = None
        elif text not in heads:
            probes[text[:HEAD_PROBE]] = None
    return list(probes)


def _gated_segments(ln: Line, rules: list[dict], gate, cands: dict[str, list[int]], whole: bool,
                    head: int | None) -> list[tuple[int, int, str, str, str | None]]:
    """``_segments(ln, rules, head)`` of a line the first pass (``_any_rule`` on its probe) finds a
    notice in, else []. A rule whose keyword the text does not hold cannot match it, so only the
    candidate rules are run: those of the probe for a line read whole (the probe is the text), those
    of the whole text for a long prose line whose head holds a match."""
    text = ln.text
    if whole:
        cand = cands.get(text)
        if cand is None:  # the cache was emptied (when full) after the first pass: read it now
            cand = _rule_candidates(gate, text)
    else:
        probe = text[:HEAD_PROBE]
        head_cand = cands.get(probe)
        if not any(rules[i]["pattern"].search(probe)
                   for i in (_rule_candidates(gate, probe) if head_cand is None else head_cand)):
            return []
        cand = _rule_candidates(gate, text)
    return _segments(ln, [rules[i] for i in cand], head) if cand else []


def _link_titles(doc: Doc, lay: Layout, entries: list[dict]) -> None:
    """1a. A link title above a bare URL line is a teaser (``Headline`` / ``http://…``)."""
    lines = doc.ledger.lines
    for ln in lines:
        if ln.role == "boilerplate" and ln.rule == "boilerplate.navigation.url_line" and ln.index:
            prev = lines[ln.index - 1]
            if prev.role is None and not lay.prose[prev.index] and lay.weights[prev.index] <= 40:
                rule = "boilerplate.related.link_title"
                doc.ledger.claim(prev.index, "boilerplate", "related", rule)
                entries.append(_entry(doc, prev, 0, len(prev.text), "related", rule, None))
                doc.fire(rule)


def _word_lines(doc: Doc, lay: Layout, kind_of, entries: list[dict]) -> None:
    """1b. Short lines made only of share, ad or menu words (``微博 微信 分享 106``, ``Tweet``). The lines
    outside the main block in which ``_word_hits`` finds no word are answered None at once, in the
    word-kind cache the later steps read too (only such lines are asked of it)."""
    lines = doc.ledger.lines
    main, weights, prose = lay.main, lay.weights, lay.prose
    # the free lines this step asks (short, not prose) and those the later steps may ask (outside the block)
    asked = [ln for ln in lines if ln.role is None and (
        not main[ln.index] or (weights[ln.index] <= 15 and not prose[ln.index]))]
    gate = doc.rules.view("boilerplate.words.gate", _build_word_gate)
    if gate is not None:
        hits = _word_hits(gate, [ln.text for ln in asked])
        cache = getattr(kind_of, "__self__", None)
        if cache is not None:
            for ln, hit in zip(asked, hits, strict=True):
                if not hit and not main[ln.index]:
                    cache[ln.text] = None
        asked = [ln for ln, hit in zip(asked, hits, strict=True) if hit]
    by_kind: dict[str, list[int]] = {}  # line indices per kind, kinds in the order first seen
    for ln in asked:
        if weights[ln.index] <= 15 and not prose[ln.index]:
            kind = kind_of(ln.text)
            if kind:
                by_kind.setdefault(kind, []).append(ln.index)
    for kind, idx in by_kind.items():
        rule = f"boilerplate.words.{kind}"
        _claim_all(doc, idx, [kind] * len(idx), rule, entries)
        doc.fire(rule)


def _sections(doc: Doc, lay: Layout, kind_of, entries: list[dict]) -> None:
    """2. Page sections outside the article: a heading (``Related``, ``Share this``) and its short items.
    Only a section line can open one, and a run stops before the next: the loop visits those lines."""
    lines = doc.ledger.lines
    done = 0  # lines before this one belong to a section already read
    for i in [k for k, s in enumerate(lay.section) if s]:
        ln = lines[i]
        if i < done or ln.role is not None or lay.main[i]:
            continue
        r = section_rule(doc, ln.text) or {"kind": "other", "name": "section"}
        comments = r["name"].startswith("comments.")
        rule = "boilerplate." + r["name"]
        j = i
        above = lay.before_main(i)  # above the article only short items go: the headline may follow
        idx: list[int] = []
        kinds: list[str] = []
        while j < len(lines) and (j == i or ((comments or not lay.prose[j]) and not lay.section[j]
                                             and not (comments and _BULLET.match(lines[j].text)))):
            if lay.main[j] or (j > i and above and (lay.weights[j] > 4 or _DIGIT.search(lines[j].text))):
                break
            if lines[j].role is None:
                kind = r["kind"]
                if j > i and not comments:
                    kind = kind_of(lines[j].text) or (
                        "navigation" if menu_shaped(lines[j].text) or r["kind"] == "share" else kind)
                idx.append(j)
                kinds.append(kind)
            j += 1
        _claim_all(doc, idx, kinds, rule, entries)
        doc.fire(rule)
        done = max(j, i + 1)


def _menus(doc: Doc, lay: Layout, kind_of, entries: list[dict]) -> None:
    """3. Menus: runs of list-marker items and bare separators (``- About Us``, ``- |``) outside the
    article. Each free line is read once (``_menu_line``); only a line that can open a run is visited."""
    lines = doc.ledger.lines
    main = lay.main
    menu_line = _menu_line.lookup  # type: ignore[attr-defined]
    short = _short.lookup  # type: ignore[attr-defined]
    teaser = _teaser_item.lookup  # type: ignore[attr-defined]
    # a line opening with a letter has neither a marker nor only punctuation: ``_NOT_MENU`` without a call
    marks = [menu_line(t) if ln.role is None and not m and not (t := ln.text)[:1].isalpha() else _NOT_MENU
             for ln, m in zip(lines, main, strict=True)]
    done = 0  # lines before this one were read as part of a run
    for i in [k for k, (opens, _item) in enumerate(marks) if opens]:
        if i < done or lines[i].role is not None:
            continue
        j = i
        items = 0
        while j < len(lines) and (lines[j].role == "boilerplate" or (lines[j].role is None and not main[j] and (
                marks[j][0] or short(lines[j].text)))):
            items += lines[j].role is None and marks[j][1]
            j += 1
        if items >= 3:
            idx = [k for k in range(i, j) if lines[k].role is None]
            kinds = [kind_of(t) or ("related" if teaser(t) else "navigation") for t in [lines[k].text for k in idx]]
            _claim_all(doc, idx, kinds, "boilerplate.menu_run", entries)
            doc.fire("boilerplate.menu_run")
        done = max(j, i + 1)


def sweep(doc: Doc) -> None:
    """After the header stages: free lines outside the article's main block on a whole page are
    boilerplate (menus, teasers, captions). Short texts whose every line is article keep them."""
    lay = layout_of(doc)
    if lay.start < 0:
        return
    main = lay.main
    outside = [ln for ln in doc.ledger.lines if ln.role is None and not main[ln.index]]
    if not outside or not whole_page(doc, lay):
        return
    entries = doc.fields.setdefault("boilerplate", [])
    _claim_all(doc, [ln.index for ln in outside], list(map(_guess_kinds(doc), [ln.text for ln in outside])),
               "boilerplate.outside_main", entries)
    doc.fire("boilerplate.outside_main")
    entries.sort(key=lambda e: e["span"])


def whole_page(doc: Doc, lay: Layout) -> bool:
    """A whole web page (menus, lists, footers around the article), not a clean article text."""
    if lay.start < 0 or lay.wrapped or len(lay.main) < 12:
        return False
    top = 0  # menu-like lines above the article: what a clean article text does not have (three do)
    for ln in doc.ledger.lines[: lay.start]:
        if ln.role == "boilerplate" or (lay.weights[ln.index] <= 4 and ln.role != "header"
                                        and not _DIGIT.search(ln.text)) or has_marker(ln.text):
            top += 1
            if top >= 3:
                return True
    bullets = 0
    for ln in doc.ledger.lines:
        if not lay.main[ln.index] and ln.text[:1] in _BULLET_CHARS and _BULLET.match(ln.text):
            bullets += 1
            if bullets >= 5:
                return True
    return False


_BULLET = regex.compile(r"^[*+\-•] \S")
_BULLET_CHARS = frozenset("*+-•")  # a ``_BULLET`` line opens with one of these
