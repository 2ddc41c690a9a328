"""One Aho-Corasick automaton over every place and organization name of the gazetteer, built once.

Keys are folded (width, case, apostrophes) without changing string length, so a match's offsets are
offsets into the original text. Boundaries are checked per script afterwards:

- Latin/Cyrillic/digits: no letter or digit on either side; a capital first letter in the text; short
  all-capital aliases (``US``, ``UN``, ``WHO``) only as written.
- Hangul: the name starts a word and the rest of the word is a particle (``서울에서``, ``미국의``).
- Kana: no katakana on either side (``ソウルフード`` is not Seoul).
- Han: leftmost-longest wins; a name followed by an organization or event word (``ソウル新聞``,
  ``東京奧運``) is part of that name.
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

import ahocorasick

from .. import gazetteer
from ..rules import Rules

_FW = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FW.update({0x2019: 0x27, 0x2018: 0x27, 0x3000: 0x20, 0xA0: 0x20})


def mfold(s: str) -> str:
    """Width and case fold that keeps the length (so offsets carry over)."""
    t = s.translate(_FW)
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


def _build(rules: Rules) -> dict:
    ix = gazetteer.index(rules)
    table: dict[str, list] = {}  # folded key -> [alias, places, orgs, short_orgs, exact]
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
    for sid in sorted(rules.sources):
        src = rules.sources[sid]
        e = {"name": src["name"], "country": src.get("country"), "source": sid}
        for n in [src["name"], *src.get("aliases", [])]:
            if len(n) >= 3 and not n.isupper() or len(n) >= 4:
                add(n, 2, e)
    auto = ahocorasick.Automaton()
    for k in sorted(table):
        alias, pl, og, sh, exact = table[k]
        if len(pl) > 1:
            pl.sort(key=lambda e: (-gazetteer.rank(e), e["name"], e.get("geonames_id") or 0))
        key = Key(alias, tuple(pl), tuple(og), tuple(sh), exact, script(k[0]), script(k[-1]))
        auto.add_word(_wide(k), (len(k), key))
    auto.make_automaton()
    return {"automaton": auto}


def _wide(s: str) -> str:
    """Each character as two (its UTF-16 bytes): a small fan-out per trie node makes matching fast."""
    return s.encode("utf-16-be", "surrogatepass").decode("latin-1")


def automaton(rules: Rules):
    return rules.view("entities.matcher", _build)["automaton"]


def find(rules: Rules, text: str) -> list[tuple[int, int, Key]]:
    """Leftmost-longest gazetteer names in ``text`` as (start, end, key), before boundary checks."""
    auto = automaton(rules)
    if auto.kind == ahocorasick.EMPTY:
        return []
    folded = mfold(text)
    if not folded.isascii() and max(folded) > "\uffff":  # astral characters would take two UTF-16 units
        folded = "".join(c if c <= "\uffff" else "\ufffd" for c in folded)
    out = []
    for end, (n, key) in auto.iter_long(_wide(folded)):
        start = end + 1 - 2 * n
        if start % 2 == 0:
            out.append((start // 2, start // 2 + n, key))
    return out
