"""Which outlet published the text: from ``source=``/``url=`` when given, else from its own lines.

Evidence, strongest first: a copyright line naming the outlet (by a name, an alias or a domain), a
source file's own ``detect`` rules (header shapes, footers, agency credits), the outlet's domain written
in the page (``www.people.com.cn``, ``reporter@donga.com``), a ``来源：``/``출처``/``出典``/``Source:`` label.
The outlet that carries agency copy wins over the agency. With no source file matching, a copyright line
still names the outlet (``© 2016 明日大盘``) with ``id`` null.

Detection stays fast with hundreds of source files: one Aho-Corasick automaton over every name, alias,
domain and rule keyword is built once (``rules.view``); a line is only looked at closer when it holds one
of them, and a ``detect`` rule with ``keywords`` only runs on such lines.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from operator import add, attrgetter
from urllib.parse import urlsplit

import ahocorasick
import regex

from .doc import Doc
from .language import split_ascii
from .rules import Rules
from .rx_prefilter import search_gate

HEAD_LINES = 40
FOOT_LINES = 40
MAX_LINE = 2000          # only the first part of a very long line is looked at
MIN_SCORE = 1.0

W_COPYRIGHT = 3.0
W_DOMAIN = 1.0
W_LABEL = 1.0
W_OUTLET = 0.5           # an outlet over the agency whose copy it carries
W_SCRIPT = 1.0           # a source writing in the text's script over one that does not
# Free mail: an address there names no outlet (``tips@qq.com`` on a small paper's page).
WEBMAIL = frozenset({"qq.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "yahoo.co.jp",
                     "naver.com", "hanmail.net", "daum.net", "gmail.com", "hotmail.com", "outlook.com"})

# What ``_COPYRIGHT`` can match in a lowercased ASCII line (its other words are not ASCII).
_COPYRIGHT_ASCII = ("(c)", "copyright", "all rights reserved")
_COPYRIGHT = regex.compile(
    r"©|\(c\)|ⓒ|copyright|all rights reserved|版权所有|版權所有|著作權所有|著作権|著作權|저작권|無断転載|无断转载|"
    r"不得转载|不得轉載|禁止转载|禁止轉載|未经授权|未經授權|무단\s*전재|재배포", regex.I)
_LABEL = regex.compile(r"(?:^|\s)(?:(?:来源|來源|出典|출처|source|提供)\s*[:：]|情報元|本文来源\s*[:：]?)\s*", regex.I)
_GENERIC = (
    regex.compile(r"(?:©\s*)?(?P<n>[\p{Han}\p{Hangul}\w.\-]{2,24})\s*(?:版权所有|版權所有|著作權所有)"),
    regex.compile(r"(?:版权所有|版權所有|著作權所有)\s*[:：]?\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                  r"(?P<n>[\p{Han}\p{L}\d.&' \-]{2,40}?)(?=\s|$|[,，;；|])"),
    regex.compile(r"(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:by\s+)?"
                  r"(?P<n>[^\s.,|·©][^.,|·©]{1,50}?)\s*(?:[.,]?\s*(?:all rights reserved|版权所有|版權所有)|\.?$|\s+[\p{Han}]{0,10}ICP)",
                  regex.I),
)
_CORP = regex.compile(r"(?:[\s,]+(?:Inc|Ltd|Limited|LLC|Co|Corp|Corporation|Company|Group|GmbH|S\.A|plc)\.?)+$|"
                      r"(?:股份有限公司|有限责任公司|有限公司|公司|株式会社|주식회사)$", regex.I)
_UNSET = object()
# The first characters of ``_COPYRIGHT``'s words that are not ASCII (and ``ſ``, which ``regex.I`` folds to
# ``s``): a text without any of them can only match its ASCII words.
_COPYRIGHT_OTHER = "©ⓒ版著저無无不禁未무재ſ"
_OTHER = re.compile(f"[{_COPYRIGHT_OTHER}]")
# What ``_COPYRIGHT`` can match in a lowercased line besides its ASCII words, by first character: its other
# words as literals (``무단`` stands for ``무단\s*전재``) and ``ſ``, which ``regex.I`` folds to ``s`` (tested).
_COPYRIGHT_HINTS: dict[str, tuple[str, ...]] = {}
for _w in [w.replace("\\", "").split("s*")[0] for w in _COPYRIGHT.pattern.split("|")] + ["ſ"]:
    if not _w.isascii():
        _COPYRIGHT_HINTS[_w[0]] = (*_COPYRIGHT_HINTS.get(_w[0], ()), _w)
# Characters the automaton tries first at its root (a linear scan there): frequent ones early. The order
# changes the speed only; words that are not keywords (a character and ``\x01``) hold no entries.
# Every word ``_copyright_lines`` looks for; the automaton holds them too (without entries unless keywords).
_COPYRIGHT_WORDS = frozenset([*_COPYRIGHT_ASCII, *(w for ws in _COPYRIGHT_HINTS.values() for w in ws)])
_ROOT_FIRST = " \netaoinshrdlcumwfgypbvkjxqz.,-0123456789:/()'\"’“”–äöüéèàáíóúñçß"
_TEXT = attrgetter("text")
_SCRIPT_LANG = (("Hangul", "ko"), ("Hiragana", "ja"), ("Katakana", "ja"), ("Han", "zh"), ("Cyrillic", "ru"))


def fold(s: str) -> str:
    """Case, width and spacing folded, for matching names and aliases."""
    return "".join(unicodedata.normalize("NFKC", s).casefold().split())


def _kw(s: str) -> str:
    return unicodedata.normalize("NFKC", s).lower().strip()


def _build(rules: Rules) -> dict:
    names: dict[str, str] = {}
    domains: list[tuple[str, str]] = []
    auto = ahocorasick.Automaton()
    hits: dict[str, set[tuple[str, str, int]]] = {}

    def add(word: str, sid: str, what: str, idx: int = -1) -> None:
        w = _kw(word)
        if len(w) < 2 or (w.isascii() and len(w) < 3 and what != "rule"):
            return   # ``AP`` alone is no evidence; it counts through a rule's own pattern
        hits.setdefault(w, set()).add((sid, what, idx))

    always: list[tuple[str, int]] = []
    for sid, src in sorted(rules.sources.items()):
        for n in [sid, src["name"], *src.get("aliases", [])]:
            names.setdefault(fold(n), sid)
        for n in [src["name"], *src.get("aliases", [])]:
            add(n, sid, "name")
        for d in src.get("domains", []):
            d = d.lower().lstrip(".")
            domains.append((d, sid))
            add(d, sid, "domain")
        for i, rule in enumerate(src.get("detect", [])):
            if rule.get("keywords"):
                for k in rule["keywords"]:
                    add(k, sid, "rule", i)
            else:
                always.append((sid, i))
    words = {w: (w, tuple(sorted(entries))) for w, entries in hits.items()}
    for w in _COPYRIGHT_WORDS:      # found in the same pass, for ``_copyright_lines``
        words.setdefault(w, (w, ()))
    for ch in _ROOT_FIRST:
        words.setdefault(ch + "\x01", (ch + "\x01", ()))
    rank = {ch: i for i, ch in enumerate(_ROOT_FIRST)}
    for w in sorted(words, key=lambda w: (rank.get(w[0], len(rank)), w)):
        auto.add_word(w, words[w])
    if hits:
        auto.make_automaton()
    domains.sort(key=lambda x: (-len(x[0]), x[0]))
    return {"names": names, "domains": domains, "auto": auto if hits else None, "always": always}


def index(rules: Rules) -> dict:
    return rules.view("sources", _build)


def by_name(rules: Rules, name: str) -> dict | None:
    """The source whose id, name or alias is ``name``."""
    sid = index(rules)["names"].get(fold(name))
    return rules.sources.get(sid) if sid else None


def by_url(rules: Rules, url: str) -> dict | None:
    """The source whose domain (or a parent domain of it) serves ``url``."""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower()
        path = parts.path.lower()
    except ValueError:
        return None
    for dom, sid in index(rules)["domains"]:   # longest first: ``bbc.com/zhongwen`` before ``bbc.com``
        d_host, _, d_path = dom.partition("/")
        if (host == d_host or host.endswith("." + d_host)) and (not d_path or path.startswith("/" + d_path)):
            return rules.sources[sid]
    return None


def _set(doc: Doc, src: dict | None, rule: str, raw: str | None = None, span: tuple[int, int] | None = None,
         name: str | None = None) -> None:
    doc.source = src
    doc.fields["source"] = {"id": src["id"] if src else None, "name": src["name"] if src else name,
                            "rule": rule, "raw": raw, "span": list(span) if span else None}
    doc.fire(rule)


def _bounded(text: str, start: int, end: int, word: str) -> bool:
    """An ASCII keyword must stand as a word (``cna`` not inside ``cnaught``)."""
    if not word.isascii():
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


@lru_cache(maxsize=65536)
def _char_lang(ch: str) -> str | None:
    """The language a non-ASCII character's script points to (``_SCRIPT_LANG``), or None."""
    name = unicodedata.name(ch, "")
    for script, lang in _SCRIPT_LANG:
        if name.startswith(script.upper()) or (script == "Han" and name.startswith("CJK UNIFIED")):
            return lang
    return None


# ``_char_lang`` of each character seen, read without a call (bounded like its cache).
_CHAR_LANG: dict[str, str | None] = {}


def _remember_char_lang(ch: str) -> str | None:
    if len(_CHAR_LANG) >= 65536:
        _CHAR_LANG.clear()
    lang = _CHAR_LANG[ch] = _char_lang(ch)
    return lang


def _script_language(doc: Doc) -> str | None:
    latin, rest = split_ascii(doc.text[:20000])   # ASCII letters, and the characters that are not ASCII
    counts = {lang: 0 for _, lang in _SCRIPT_LANG}
    known = _CHAR_LANG.get
    for ch, k in Counter(rest).items():   # each distinct character once
        lang = known(ch, _UNSET)
        if lang is _UNSET:
            lang = _remember_char_lang(ch)
        if lang is not None:
            counts[lang] += k
    if counts["ja"] > 20:
        return "ja"
    best = max(counts, key=lambda k: counts[k])
    if counts[best] > max(20, latin // 8):
        return best
    return "en" if latin else None


def detect(doc: Doc) -> None:
    """Set ``doc.source`` and the ``source`` field."""
    if doc.source_hint:
        src = by_name(doc.rules, doc.source_hint) or by_url(doc.rules, doc.source_hint)
        if src:
            _set(doc, src, f"source.{src['id']}.given", doc.source_hint)
            return
        doc.warn(f"source {doc.source_hint!r} is not in the rules")
    if doc.url:
        src = by_url(doc.rules, doc.url)
        if src:
            _set(doc, src, f"source.{src['id']}.url", doc.url)
            return
    from_text(doc)


def _is_copyright(low: str) -> bool:
    """``_COPYRIGHT.search(low)`` on a lowercased line: its ASCII words as substrings, and the regex only on a
    line holding a character of its other words (``regex.I`` folds no other lowercase character to them)."""
    if "copyright" in low or "(c)" in low or "all rights reserved" in low:
        return True
    return not low.isascii() and _OTHER.search(low) is not None and _COPYRIGHT.search(low) is not None


def _lowered(text: str) -> str:
    """A line as the automaton reads it: NFKC and lowercased (only lowercased when NFKC changes its length,
    so that spans stay exact)."""
    if text.isascii():      # NFKC keeps ASCII as it is
        return text.lower()
    low = unicodedata.normalize("NFKC", text).lower()
    return low if len(low) == len(text) else text.lower()


def _lowered_lines(texts: list[str]) -> tuple[str, list[int]]:
    """The lines as ``_lowered`` gives them, joined by ``\\n``, and where each ends there.

    Each line alone: an ASCII line is only lowercased (fast), the others go through ``_lowered``. Lowercasing
    the joined text at once gave the same (tested) but paid the slow path on every ASCII line of a page."""
    lows = []
    for t in texts:     # ``_lowered`` inlined: it runs on every line
        if t.isascii():
            lows.append(t.lower())
        else:
            low = unicodedata.normalize("NFKC", t).lower()
            lows.append(low if len(low) == len(t) else t.lower())
    return "\n".join(lows), list(map(add, accumulate(map(len, lows)), range(len(lows))))


def _line_texts(lines: list) -> list[str]:
    """Each line's text as far as it is looked at (``MAX_LINE``): sliced only when some line is longer."""
    texts = list(map(_TEXT, lines))
    if texts and max(map(len, texts)) > MAX_LINE:
        return [t[:MAX_LINE] for t in texts]
    return texts


def _find_all(low: str, words: tuple[str, ...] | list[str], at: set[int]) -> None:
    """Add to ``at`` where each of ``words`` starts in ``low``."""
    for w in words:
        k = low.find(w)
        while k >= 0:
            at.add(k)
            k = low.find(w, k + 1)


def _copyright_lines(low: str, ends: list[int], at: set[int] | None = None) -> list[int]:
    """The lines (by index) of ``low`` (the lowered lines joined by ``\\n``, line ``i`` ending at ``ends[i]``)
    on which ``_is_copyright`` holds: it runs only on lines holding a word it needs (``_COPYRIGHT_WORDS``).
    ``at``: where those words start in ``low``, when the automaton found them already."""
    if at is None:
        at = set()
        _find_all(low, _COPYRIGHT_ASCII, at)
        if not low.isascii():
            for first, words in _COPYRIGHT_HINTS.items():
                if first in low:
                    _find_all(low, words, at)
    return [i for i in sorted({bisect_left(ends, k) for k in at}) if _is_copyright(low[ends[i - 1] + 1 if i else 0:ends[i]])]


def _needs_language(rules: Rules, scores: dict[str, float]) -> bool:
    """Whether the text's script can change which source wins: only among several sources, one of which
    says its languages, when one of them has the score to win at all."""
    return len(scores) > 1 and max(scores.values()) >= MIN_SCORE and \
        any(rules.sources[sid].get("languages") for sid in scores)


def from_text(doc: Doc) -> None:
    """Score every source with evidence in the text; the best one above ``MIN_SCORE`` is the source."""
    idx = index(doc.rules)
    lines = doc.ledger.lines
    n = len(lines)
    # (score so far, evidence per kind) per source; evidence: rule name, raw, span, weight
    scores: dict[str, float] = {}
    best_ev: dict[str, tuple[float, str, str, tuple[int, int]]] = {}
    counted: dict[str, list[str]] = {}   # kinds credited per source, once per credit
    rule_lines: dict[tuple[str, int], list[int]] = {}

    def credit(sid: str, kind: str, w: float, rule: str, raw: str, span: tuple[int, int], cap: int = 1) -> None:
        kinds = counted.setdefault(sid, [])
        k = sum(1 for c in kinds if c.startswith(kind))   # as before: ``rule1`` counts ``rule10`` credits too
        if k >= cap:
            return
        kinds.append(kind)
        scores[sid] = scores.get(sid, 0.0) + w
        if sid not in best_ev or w > best_ev[sid][0]:
            best_ev[sid] = (w, rule, raw, span)

    auto = idx["auto"]
    texts = _line_texts(lines)
    low, ends = _lowered_lines(texts)
    copy: dict[int, bool] = {}      # _is_copyright per line looked at
    labels: dict[int, object] = {}
    copy_at: set[int] | None = set() if auto is not None else None   # where ``_COPYRIGHT_WORDS`` start
    for stop, (word, entries) in (auto.iter(low) if auto is not None else ()):
        if word in _COPYRIGHT_WORDS:
            copy_at.add(stop + 1 - len(word))
        if not entries:
            continue        # a word only there to order the automaton, or only for ``_copyright_lines``
        end = stop + 1
        i = bisect_left(ends, stop)
        first = ends[i - 1] + 1 if i else 0
        at = end - len(word)
        if at < first or not _bounded(low, at, end, word):
            continue        # across lines, or not standing as a word
        ln = lines[i]
        start = at - first
        span = (ln.start + start, ln.start + end - first)
        text = texts[i]
        raw = text[start:end - first]
        mail = at > first and low[at - 1] == "@"
        is_copy = copy.get(i)
        if is_copy is None:
            is_copy = copy[i] = _is_copyright(low[first:ends[i]])
        for sid, what, ridx in entries:
            if mail and (what != "domain" or word in WEBMAIL):
                continue
            if what == "rule":
                rule_lines.setdefault((sid, ridx), []).append(i)
            elif is_copy and not mail:
                credit(sid, "copyright", W_COPYRIGHT, f"source.{sid}.copyright", text, (ln.start, ln.end))
            elif what == "domain":
                credit(sid, "domain", W_DOMAIN, f"source.{sid}.domain", raw, span, cap=3)
            else:
                label = labels.get(i, _UNSET)
                if label is _UNSET:     # looked for only when a name is found on the line
                    label = labels[i] = _LABEL.search(low[first:ends[i]])
                if label and label.end() <= start <= label.end() + 2 and i < max(HEAD_LINES, n // 2):
                    credit(sid, "label", W_LABEL, f"source.{sid}.label", text, (ln.start, ln.end))
    # the source files' own detect rules: on their keyword lines, or on their region when they have none
    todo = sorted(rule_lines.items()) + [((sid, i), None) for sid, i in idx["always"]]
    for (sid, ridx), where_lines in todo:
        rule = doc.rules.sources[sid]["detect"][ridx]
        where = rule.get("where", "any")
        rng = range(min(n, HEAD_LINES)) if where == "header" else \
            range(max(0, n - FOOT_LINES), n) if where == "footer" else range(n)
        cand = [i for i in dict.fromkeys(where_lines) if i in rng] if where_lines is not None else list(rng)
        rx = rule["pattern"]
        may_search = search_gate(rx)
        for i in cand:
            t = lines[i].text[:MAX_LINE]
            if not may_search(t):
                continue    # the line lacks a character the pattern needs
            m = rx.search(t)
            if m:
                credit(sid, f"rule{ridx}", rule.get("weight", 1.0), f"source.{sid}.{rule['name']}", m.group(0),
                       (lines[i].start + m.start(), lines[i].start + m.end()))
                break
    if scores:
        lang = _script_language(doc) if _needs_language(doc.rules, scores) else None
        ranked = []
        for sid, sc in scores.items():
            src = doc.rules.sources[sid]
            if src.get("kind") != "agency":
                sc += W_OUTLET
            if lang and src.get("languages"):
                sc += W_SCRIPT if any(x.split("-")[0] == lang for x in src["languages"]) else -W_SCRIPT
            ranked.append((sc, -len(sid), sid))
        ranked.sort(reverse=True)
        sc, _, sid = ranked[0]
        if scores[sid] >= MIN_SCORE:
            _, rule, raw, span = best_ev[sid]
            _set(doc, doc.rules.sources[sid], rule, raw, span)
            return
    for i in reversed(_copyright_lines(low, ends, copy_at)[-6:]):   # no source file: the copyright line may still name it
        ln = lines[i]
        name = generic_name(ln.text[:MAX_LINE])
        if name:
            _set(doc, None, "source.copyright_line", ln.text, (ln.start, ln.end), name=name)
            return


# The words the first two ``_GENERIC`` patterns need (they take no flags): a line without any skips them.
_HOLDER_WORDS = ("版权所有", "版權所有", "著作權所有")
# What a holder's name must not be (``generic_name``), compiled once.
_ONLY_YEARS = regex.compile(r"[\d\s\-–]+")
_NOT_NAME = regex.compile(r"(?i)(?:all rights|reserved|\d{4})")
_REGISTRY = regex.compile(r"ICP|备|備|\d{5}")


def generic_name(line: str) -> str | None:
    """The holder named by a copyright line (``© 2010 - 2016 明日大盘 京ICP备…`` → ``明日大盘``), or None."""
    holder = any(w in line for w in _HOLDER_WORDS)
    for k, rx in enumerate(_GENERIC):
        if k < 2 and not holder:
            continue
        m = rx.search(line)
        if not m:
            continue
        n = m.group("n").strip(" -–:：©")
        n = _CORP.sub("", n).strip(" ,.-")
        if 2 <= len(n) <= 40 and not n.isdigit() and not _ONLY_YEARS.fullmatch(n) \
                and not _NOT_NAME.match(n) and not _REGISTRY.search(n):
            return n
    return None
