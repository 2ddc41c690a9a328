"""Gazetteer place and organization names in a text, found in one pass per script family.

Keys are folded (width, case, apostrophes) without changing string length, so a match's offsets are
offsets into the original text.

- Latin/Cyrillic names only count from a capitalised word start, so they are looked up in a dict: at
  each capitalised word, the longest key that starts with that word's folded form (the lengths of the
  keys are listed per first word, the longer ones by the three characters after it, ``_lengths``). No
  per-character automaton runs over Latin text.
- Hangul, Kana, Han and other scripts have no word boundaries: one Aho-Corasick automaton over those
  keys only, run from the first character any of them can start with.

Keys that can never count (a Latin name after a digit or apostrophe: its first character is never a
capital) are left out. Boundaries are checked per script afterwards (``places.boundary_ok``):

- Latin/Cyrillic/digits: no letter or digit on either side; a capital first letter in the text; short
  all-capital aliases (``US``, ``UN``, ``WHO``) only as written.
- Hangul: the name starts a word and the rest of the word is a particle (``서울에서``, ``미국의``).
- Kana: no katakana on either side (``ソウルフード`` is not Seoul).
- Han: leftmost-longest wins; a name followed by an organization or event word (``ソウル新聞``,
  ``東京奧運``) is part of that name.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache
from itertools import chain, compress
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import regex

from .. import gazetteer
from ..rules import Rules
from ..rules.regexes import compile_rx

_FW = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FW.update({0x2019: 0x27, 0x2018: 0x27, 0x3000: 0x20, 0xA0: 0x20})
_FW_RX = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FW)) + "]")


def mfold(s: str) -> str:
    """Width and case fold that keeps the length (so offsets carry over)."""
    if s.isascii():
        return s.lower()
    # str.translate is slow on non-ASCII text: replace the few distinct characters found instead
    t = s
    if _FW_RX.search(s):
        for c in sorted(set(_FW_RX.findall(s))):
            t = t.replace(c, chr(_FW[ord(c)]))
    low = t.lower()
    if len(low) == len(t):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in t)


def script(ch: str) -> str:
    """Latn, Cyrl, Hang, Kana, Hani, digit or other for one character."""
    o = ord(ch)
    if o < 0x80:
        if "a" <= ch <= "z" or "A" <= ch <= "Z":
            return "Latn"
        return "Latn" if ch.isalpha() else ("digit" if ch.isdigit() else "other")
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F:
        return "Hang"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
        return "Kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "Hani"
    if 0x0400 <= o <= 0x04FF:
        return "Cyrl"
    if ch.isalpha():
        n = unicodedata.name(ch, "")
        return "Latn" if n.startswith("LATIN") else "other"
    return "digit" if ch.isdigit() else "other"


class Key(NamedTuple):
    """What one folded name stands for: the alias as written, and place/organization entries."""

    alias: str
    places: tuple
    orgs: tuple
    short_orgs: tuple
    exact_case: bool
    first: str
    last: str
    # the country a mention is evidence of (a country, or an unambiguous place of 100,000 people or more)
    evidence: str | None = None


def evidence_country(places: tuple) -> str | None:
    """The country a name of these places says the text is about, if it says one."""
    if not places or len({e.get("country") for e in places}) != 1:
        return None
    top = places[0]
    if top.get("kind") == "country" or gazetteer.rank(top) >= 100_000:
        return top.get("country") or None
    return None


def _cyrillic_forms(name: str) -> list[str]:
    """Nominative plus the common case forms of a Russian place name (Россия -> России, Вашингтоне)."""
    words = name.split(" ")
    last = words[-1]
    low = last.lower()
    if len(words) > 2 or not low or script(low[-1]) != "Cyrl" or last.isupper():
        return [name]
    if low.endswith("ия"):
        ends = [last[:-1] + e for e in ("и", "ю", "ей")]
    elif low.endswith(("а",)):
        ends = [last[:-1] + e for e in ("ы", "е", "у", "ой", "и")]
    elif low.endswith("я"):
        ends = [last[:-1] + e for e in ("и", "е", "ю", "ей")]
    elif low.endswith("й"):
        ends = [last[:-1] + e for e in ("я", "ю", "е", "ем")]
    elif low[-1] in "бвгджзклмнпрстфхцчшщ":
        ends = [last + e for e in ("а", "у", "е", "ом")]
    else:
        return [name]
    return [name] + [" ".join(words[:-1] + [e]) for e in ends]


def _table(rules: Rules, ix: dict, sources: list[dict]) -> dict[str, list]:
    """Folded key -> [alias, places, orgs, short_orgs, exact] over the gazetteer and source names."""
    table: dict[str, list] = {}
    slot_of = {"places": 1, "orgs": 2, "short_orgs": 3}

    def add(alias: str, kind: int, e: dict) -> None:
        if len(alias) < 2:
            return
        k = alias.lower() if alias.isascii() else mfold(alias)
        slot = table.get(k)
        if slot is None:
            slot = table[k] = [alias, [], [], [], False]
        if len(alias) <= 6 and alias[0] < "\u0500" and alias.isupper() and sum(c.isalpha() for c in alias) <= 5:
            slot[4] = True
            slot[0] = alias
        lst = slot[kind]
        if not lst:
            lst.append(e)
        elif lst[-1] is not e and not any(x is e for x in lst):
            lst.append(e)

    for e in ix["all_places"]:
        inflect = e.get("kind") != "city" or (e.get("population") or 0) >= 100_000 or e.get("capital")
        for n in [e["name"], *e.get("aliases", [])]:
            if inflect and n and "\u0400" <= n[0] <= "\u04ff":
                for f in _cyrillic_forms(n):
                    add(f, 1, e)
            elif " " in n and n and "\uac00" <= n[0] <= "\ud7a3":
                add(n, 1, e)
                add(n.replace(" ", ""), 1, e)
            else:
                add(n, 1, e)
    for e in ix["all_orgs"]:
        for n in [e["name"], *e.get("aliases", [])]:
            add(n, slot_of["orgs"], e)
        for n in e.get("short", []):
            add(n, slot_of["short_orgs"], e)
    for e, src in zip(sources, [rules.sources[sid] for sid in sorted(rules.sources)], strict=True):
        for n in [src["name"], *src.get("aliases", [])]:
            if len(n) >= 3 and not n.isupper() or len(n) >= 4:
                add(n, 2, e)
    return table


def _source_entries(rules: Rules) -> list[dict]:
    out = []
    for sid in sorted(rules.sources):
        src = rules.sources[sid]
        out.append({"name": src["name"], "country": src.get("country"), "source": sid})
    return out


# a word of Latin or Cyrillic letters (the unit a Latin/Cyrillic key is looked up by)
_WORD = compile_rx(r"[\p{Latin}\p{Cyrillic}]+", "entities.matcher.word")
# a capitalised word start: where a Latin/Cyrillic name may begin
_CAP_WORD = compile_rx(r"(?<![\p{Latin}\p{Cyrillic}])\p{Lu}[\p{Latin}\p{Cyrillic}]*", "entities.matcher.cap_word")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def no_astral(text: str) -> bool:
    """True when every character of ``text`` is in the BMP (where the stdlib twins of patterns apply)."""
    return len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


@lru_cache(maxsize=16)
def bmp_class(one_char: str) -> str:
    r"""A stdlib character class holding exactly the BMP characters the ``regex`` pattern ``one_char``
    (one character wide, such as ``\p{Lu}``) matches."""
    bmp = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    return _char_class(set(regex.findall(one_char, bmp)))


@lru_cache(maxsize=1)
def _bmp_cap_word() -> re.Pattern:
    """``_CAP_WORD`` for text without astral characters, as a stdlib pattern (about twice as fast): its
    classes hold exactly the BMP characters the ``regex`` classes match, and starting with the capital lets
    ``re`` skip to the next capital before it checks the letter before it."""
    lc, lu = bmp_class(r"[\p{Latin}\p{Cyrillic}]"), bmp_class(r"\p{Lu}")
    return re.compile(f"{lu}(?<!{lc}.){lc}*", re.S)


def cap_word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``_CAP_WORD`` in ``text``: where a Latin/Cyrillic name may begin, and its first word."""
    if no_astral(text):
        return [m.span() for m in _bmp_cap_word().finditer(text)]
    # the pattern is linear (no backtracking): called without Rx's per-call time limit, which costs ~1 µs a match
    return [m.span() for m in _CAP_WORD.pattern.finditer(text)]
_LATINISH_FIRST = frozenset(("Latn", "Cyrl", "digit"))
_LATINISH_LAST = frozenset(("Latn", "Cyrl"))


def _char_class(chars: set[str]) -> str:
    """A regex character class for ``chars`` (runs of consecutive code points as ranges)."""
    cps = sorted(ord(c) for c in chars)
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]" if parts else "(?!)"


def _compile(rules: Rules, ix: dict, sources: list[dict]) -> tuple:
    """Records (one per key, entries as list positions), the Latin/Cyrillic dict (key -> record number,
    first word -> ``_lengths``), the automaton of the other keys and their first characters."""
    table = _table(rules, ix, sources)
    pos_place = {id(e): i for i, e in enumerate(ix["all_places"])}
    pos_org = {id(e): i for i, e in enumerate([*ix["all_orgs"], *sources])}
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    records: list[tuple] = []
    latin: dict[str, int] = {}
    by_word: dict[str, list[str]] = {}
    firsts: set[str] = set()
    for k in sorted(table):
        alias, pl, og, sh, exact = table[k]
        if len(pl) > 1:
            pl.sort(key=lambda e: (-gazetteer.rank(e), e["name"], e.get("geonames_id") or 0))
        first, last = script(k[0]), script(k[-1])
        rec = (len(k), alias, tuple(pos_place[id(e)] for e in pl), tuple(pos_org[id(e)] for e in og),
               tuple(pos_org[id(e)] for e in sh), exact, first, last)
        word = _WORD.match(k) if first in ("Latn", "Cyrl") else None
        if word:
            records.append(rec)
            latin[k] = len(records) - 1
            by_word.setdefault(word.group(), []).append(k)
        elif first in _LATINISH_FIRST or last in _LATINISH_LAST or first == "other" and _WORD.search(k):
            continue  # a Latin name not starting with a letter (``'s-Hertogenbosch``): never a capital first
        else:
            records.append(rec)
            auto.add_word(_wide(k), len(records) - 1)
            firsts.add(k[0])
    if len(auto):
        auto.make_automaton()
    first_lens = {w: _lengths(w, ks) for w, ks in by_word.items()}
    return records, latin, first_lens, auto, _char_class(firsts)


_EXT = 3  # characters after a first word that pick the bucket of longer keys to try


def _lengths(word: str, keys: list[str]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]] | None]:
    """The lengths of the keys starting with ``word``, longest first, as (short, buckets): ``short`` are the
    lengths below ``len(word) + _EXT``; ``buckets`` maps the ``_EXT`` characters after the word to the
    lengths of the longer keys that go on with them (each longer than every short one)."""
    n0 = len(word)
    short = tuple(sorted({len(k) for k in keys if len(k) < n0 + _EXT}, reverse=True))
    buckets: dict[str, set[int]] = {}
    for k in keys:
        if len(k) >= n0 + _EXT:
            buckets.setdefault(k[n0:n0 + _EXT], set()).add(len(k))
    return short, ({x: tuple(sorted(ls, reverse=True)) for x, ls in sorted(buckets.items())} or None)


# bump when the compiled form or the key rules above change (the cache key also hashes this file)
_CACHE_VERSION = 4


def _cache_path(rules: Rules) -> Path | None:
    if os.environ.get("NEWSNORM_NO_CACHE"):
        return None
    try:
        h = hashlib.sha256()
        h.update(f"{_CACHE_VERSION} {sys.version_info[:2]} {ahocorasick.__file__}".encode())
        h.update(Path(__file__).read_bytes())
        srcs = {sid: [s.get("name"), s.get("country"), s.get("aliases")] for sid, s in rules.sources.items()}
        h.update(json.dumps([rules.gazetteer, srcs], sort_keys=True, default=repr,
                            ensure_ascii=False).encode("utf-8", "surrogatepass"))
        base = os.environ.get("NEWSNORM_CACHE_DIR") or os.path.join(
            os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "news-normalizer")
        return Path(base) / f"entities-{h.hexdigest()[:32]}.pickle"
    except Exception:  # noqa: BLE001 - any trouble means no cache
        return None


def _load(path: Path | None):
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            compiled = pickle.load(fh)
        records, latin, first_lens, auto, firsts = compiled
        if isinstance(records, list) and isinstance(latin, dict) and len(auto) + len(latin) == len(records):
            return compiled
    except Exception:  # noqa: BLE001 - a missing, stale or broken cache is rebuilt
        pass
    return None


def _save(path: Path | None, compiled: tuple) -> None:
    if path is None:
        return
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".entities-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(compiled, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        _prune(path.parent)
    except Exception:  # noqa: BLE001 - an unwritable cache dir only costs the rebuild next time
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(folder: Path, keep: int = 8) -> None:
    """Keep the most recent compiled indexes only (each gazetteer edit makes a new one)."""
    files = sorted(folder.glob("entities-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
    for f in files[keep:]:
        with contextlib.suppress(OSError):
            f.unlink()


def _build(rules: Rules) -> dict:
    ix = gazetteer.index(rules)
    sources = _source_entries(rules)
    path = _cache_path(rules)
    compiled = _load(path)
    if compiled is None:
        compiled = _compile(rules, ix, sources)
        _save(path, compiled)
    records, latin, first_lens, auto, firsts = compiled
    return {"automaton": auto, "records": records, "keys": [None] * len(records), "latin": latin,
            "first_lens": first_lens, "firsts": re.compile(firsts),  # stdlib re: fast on a large class
            "ascii_firsts": re.search(firsts, "".join(map(chr, range(128)))) is not None,
            "places": ix["all_places"], "orgs": [*ix["all_orgs"], *sources]}


def _key(view: dict, kid: int) -> tuple[int, Key]:
    keys = view["keys"]
    k = keys[kid]
    if k is None:
        n, alias, pl, og, sh, exact, first, last = view["records"][kid]
        places, orgs = view["places"], view["orgs"]
        pls = tuple(places[i] for i in pl)
        k = keys[kid] = (n, Key(alias, pls, tuple(orgs[i] for i in og), tuple(orgs[i] for i in sh), exact, first,
                                last, evidence_country(pls)))
    return k


def _wide(s: str) -> str:
    """Each character as two (its UTF-16 bytes): a small fan-out per trie node makes matching fast."""
    return s.encode("utf-16-be", "surrogatepass").decode("latin-1")


def key(rules: Rules, kid: int) -> tuple[int, Key]:
    """The (folded length, Key) of a record number."""
    return _key(rules.view("entities.matcher", _build), kid)


def find(rules: Rules, text: str) -> list[tuple[int, int, Key]]:
    """Leftmost-longest gazetteer names in ``text`` as (start, end, key), before boundary checks.

    Latin/Cyrillic names are found only where the text has a capital at a word start (the boundary
    check, ``places.boundary_ok``, rejects every other start).
    """
    view = rules.view("entities.matcher", _build)
    folded = mfold(text)
    records, keys = view["records"], view["keys"]
    hits: list[tuple[int, int]] = []  # (start, record number)
    latin, first_lens = view["latin"], view["first_lens"]
    end = 0
    spans = cap_word_spans(text)
    ents = [first_lens.get(folded[a:b]) for a, b in spans]
    # only the words some key starts with (an entry is a non-empty tuple)
    for (s, w), (short, buckets) in zip(compress(spans, ents), filter(None, ents), strict=True):
        if s < end:
            continue  # inside the previous name ("York" of "New York")
        ls = buckets.get(folded[w:w + _EXT]) if buckets is not None else None
        for n in (short if ls is None else chain(ls, short)):  # longest first: the bucket's, then the short
            kid = latin.get(folded[s:s + n])
            if kid is not None:
                hits.append((s, kid))
                end = s + n
                break
    auto = view["automaton"]
    first = view["firsts"].search(folded) if len(auto) and (view["ascii_firsts"] or not folded.isascii()) else None
    if first is not None:
        i0 = first.start()
        rest = folded[i0:]
        if _ASTRAL.search(rest):  # astral characters would take two UTF-16 units
            rest = "".join(c if c <= "\uffff" else "\ufffd" for c in rest)
        more = []
        for e, kid in auto.iter_long(_wide(rest)):
            s = e + 1 - 2 * records[kid][0]
            if not s % 2:
                more.append((i0 + s // 2, kid))
        if more:
            hits = _merge(hits, more, records) if hits else more
    out = []
    for s, kid in hits:
        k = keys[kid] or _key(view, kid)
        out.append((s, s + k[0], k[1]))
    return out


def _merge(a: list[tuple[int, int]], b: list[tuple[int, int]], records: list) -> list[tuple[int, int]]:
    """Two start-ordered hit lists as one, leftmost-longest first, without overlaps (``AP通信``)."""
    out: list[tuple[int, int]] = []
    end = 0
    for s, kid in sorted(a + b, key=lambda h: (h[0], -records[h[1]][0])):
        if s >= end:
            out.append((s, kid))
            end = s + records[kid][0]
    return out
