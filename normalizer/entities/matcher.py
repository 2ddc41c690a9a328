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

import contextlib
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from .. import gazetteer
from ..rules import Rules

_FW = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FW.update({0x2019: 0x27, 0x2018: 0x27, 0x3000: 0x20, 0xA0: 0x20})
_FW_RX = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FW)) + "]")


def _fw_char(m: re.Match) -> str:
    return chr(_FW[ord(m.group())])


def mfold(s: str) -> str:
    """Width and case fold that keeps the length (so offsets carry over)."""
    if s.isascii():
        return s.lower()
    # str.translate is slow on non-ASCII text: replace the few characters found instead
    t = _FW_RX.sub(_fw_char, s) if _FW_RX.search(s) else s
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


def _compile(rules: Rules, ix: dict, sources: list[dict]) -> tuple:
    """The automaton (value: key number) and one compact record per key (entries as list positions)."""
    table = _table(rules, ix, sources)
    pos_place = {id(e): i for i, e in enumerate(ix["all_places"])}
    pos_org = {id(e): i for i, e in enumerate([*ix["all_orgs"], *sources])}
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    records = []
    for k in sorted(table):
        alias, pl, og, sh, exact = table[k]
        if len(pl) > 1:
            pl.sort(key=lambda e: (-gazetteer.rank(e), e["name"], e.get("geonames_id") or 0))
        records.append((len(k), alias, tuple(pos_place[id(e)] for e in pl), tuple(pos_org[id(e)] for e in og),
                        tuple(pos_org[id(e)] for e in sh), exact, script(k[0]), script(k[-1])))
        auto.add_word(_wide(k), len(records) - 1)
    auto.make_automaton()
    return auto, records


# bump when the compiled form or the key rules above change (the cache key also hashes this file)
_CACHE_VERSION = 1


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
            auto, records = pickle.load(fh)
        if isinstance(records, list) and len(auto) == len(records):
            return auto, records
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
    auto, records = compiled
    return {"automaton": auto, "records": records, "keys": [None] * len(records),
            "places": ix["all_places"], "orgs": [*ix["all_orgs"], *sources]}


def _key(view: dict, kid: int) -> tuple[int, Key]:
    keys = view["keys"]
    k = keys[kid]
    if k is None:
        n, alias, pl, og, sh, exact, first, last = view["records"][kid]
        places, orgs = view["places"], view["orgs"]
        k = keys[kid] = (n, Key(alias, tuple(places[i] for i in pl), tuple(orgs[i] for i in og),
                                tuple(orgs[i] for i in sh), exact, first, last))
    return k


def _wide(s: str) -> str:
    """Each character as two (its UTF-16 bytes): a small fan-out per trie node makes matching fast."""
    return s.encode("utf-16-be", "surrogatepass").decode("latin-1")


def automaton(rules: Rules):
    return rules.view("entities.matcher", _build)["automaton"]


def key(rules: Rules, kid: int) -> tuple[int, Key]:
    """The (folded length, Key) of an automaton value."""
    return _key(rules.view("entities.matcher", _build), kid)


_LATINISH_FIRST = frozenset(("Latn", "Cyrl", "digit"))
_LATINISH_LAST = frozenset(("Latn", "Cyrl"))


def find(rules: Rules, text: str, cased: bool = False) -> list[tuple[int, int, Key]]:
    """Leftmost-longest gazetteer names in ``text`` as (start, end, key), before boundary checks.

    ``cased`` leaves out Latin/Cyrillic/digit names whose first character in ``text`` is not a capital,
    which the boundary check (``places.boundary_ok``) always rejects: most raw matches are such words.
    """
    view = rules.view("entities.matcher", _build)
    auto = view["automaton"]
    if auto.kind == ahocorasick.EMPTY:
        return []
    folded = mfold(text)
    if not folded.isascii() and max(folded) > "\uffff":  # astral characters would take two UTF-16 units
        folded = "".join(c if c <= "\uffff" else "\ufffd" for c in folded)
    records, keys = view["records"], view["keys"]
    out = []
    for end, kid in auto.iter_long(_wide(folded)):
        rec = records[kid]
        n = rec[0]
        start = end + 1 - 2 * n
        if start % 2:
            continue
        start //= 2
        if cased and (rec[6] in _LATINISH_FIRST or rec[7] in _LATINISH_LAST) and not text[start].isupper():
            continue
        k = keys[kid] or _key(view, kid)
        out.append((start, start + n, k[1]))
    return out
