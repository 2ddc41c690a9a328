"""Cheap necessary conditions for rule regexes, so a timed ``Rx`` call runs only on text that can match.

Both checks are exact in one direction: they never say "cannot match" of text the pattern matches.

- ``can_start(rx, ch)``: can a match begin with the character ``ch`` (asked once per character, with a
  partial match of that one character, and remembered);
- ``has_required(rx, text)``: does ``text`` hold every character class or punctuation literal the pattern
  needs at its top level (``\\(`` in ``…\\((?P<agency>…)\\)``, ``[／/]``), read from the pattern source.
"""
from __future__ import annotations

import weakref
from collections.abc import Callable

import regex

# Patterns whose start depends on what stands before it: a single character cannot tell.
_CONTEXT = regex.compile(r"\(\?<[=!]|\\[BGbAZz]|\(\?\(")
_META = set(".^$*+?{}[]()|\\")
_QUANT = regex.compile(r"\{\d*,?\d*\}")


class _Info:
    __slots__ = ("ref", "starts", "branches", "anchored", "__weakref__")

    def __init__(self, pattern):
        self.ref = None       # weak reference to the pattern (set by ``_info``)
        src = pattern.pattern
        flags = pattern.flags
        self.starts: dict[str, bool] | None = None if _CONTEXT.search(src) else {}
        # one (literals, classes) per top-level alternative: a match needs every atom of one of them
        self.branches: tuple = ()
        self.anchored = False
        if not (flags & regex.VERBOSE) and "(?x" not in src and "(?" + "|" not in src:
            branches = []
            for part in _branches(src):
                lits, classes = _required(part)
                try:
                    cls = tuple(regex.compile(c, flags) for c in dict.fromkeys(classes))
                except regex.error:
                    branches = []
                    break
                if not lits and not cls:
                    branches = []     # a branch that needs nothing: no condition at all
                    break
                branches.append((tuple(dict.fromkeys(lits)), cls))
            self.branches = tuple(branches)
            parts = _branches(src)
            self.anchored = bool(parts) and all(p.startswith("^") for p in parts) \
                and not (flags & regex.MULTILINE) and "(?m" not in src

    def can_start(self, pattern, ch: str) -> bool:
        memo = self.starts
        if memo is None:
            return True
        ok = memo.get(ch)
        if ok is None:
            try:
                ok = pattern.match(ch, partial=True, timeout=1.0) is not None
            except TimeoutError:
                ok = True
            memo[ch] = ok
        return ok

    def has_required(self, text: str) -> bool:
        if not self.branches:
            return True
        for lits, classes in self.branches:
            if all(c in text for c in lits) and all(p.search(text) is not None for p in classes):
                return True
        return False


# Analyses by ``id`` of the compiled pattern; an entry holds only a weak reference to its pattern and
# is dropped when the pattern is collected, so reloading rules many times does not grow the table
# (and a new pattern that reuses a dead one's id never gets its analysis).
_INFO: dict[int, _Info] = {}


def _forget(key: int, ref: weakref.ref) -> None:
    info = _INFO.get(key)
    if info is not None and info.ref is ref:
        del _INFO[key]


def _info(rx) -> _Info:
    pattern = rx.pattern
    key = id(pattern)
    info = _INFO.get(key)
    if info is None or info.ref() is not pattern:
        info = _Info(pattern)
        info.ref = weakref.ref(pattern, lambda r, key=key: _forget(key, r))
        _INFO[key] = info
    return info


def can_start(rx, ch: str) -> bool:
    """Whether a match of ``rx`` (an ``Rx``) can begin with ``ch``."""
    return _info(rx).can_start(rx.pattern, ch)


def has_required(rx, text: str) -> bool:
    """Whether ``text`` holds every top-level atom that any match of ``rx`` must contain."""
    return _info(rx).has_required(text)


def may_search(rx, text: str) -> bool:
    """Whether ``rx.search(text)`` (from position 0) can find a match: ``has_required``, and for a pattern
    whose every alternative opens with ``^``, whether the first character can start one."""
    info = _info(rx)
    if not info.has_required(text):
        return False
    if info.anchored and text and not info.can_start(rx.pattern, text[0]):
        return False
    return True


def search_gate(rx) -> Callable[[str], bool]:
    """``may_search`` bound to one pattern: the analysis is looked up once, not per line."""
    info = _info(rx)
    pattern = rx.pattern
    if not info.branches and not info.anchored:
        return _always

    def gate(text: str) -> bool:
        if not info.has_required(text):
            return False
        return not (info.anchored and text and not info.can_start(pattern, text[0]))
    return gate


def _always(_text: str) -> bool:
    return True


class Candidates:
    """The prefilter of an ordered list of ``Rx``: which of them a text can match, in list order.

    ``select(ch, text)`` gives, in list order, the patterns whose match can begin with ``ch`` (all when
    ``ch`` is empty; ``always`` ones whatever ``ch``) and whose required punctuation ``text`` holds, each
    with a flag saying whether its required character classes still need a look (``required``). The
    answer depends only on ``ch`` and on which of the patterns' literals ``text`` holds, so it is
    remembered per such pair: a line costs one ``in`` test per distinct literal and one dict look-up."""

    MEMO = 20_000

    def __init__(self, rxs, always: frozenset[int] = frozenset()):
        self.rxs = list(rxs)
        self.infos = [_info(rx) for rx in self.rxs]
        self.always = always          # indices listed whatever the first character
        self.all = tuple(range(len(self.rxs)))
        self._first: dict[str, tuple[int, ...]] = {}
        # per pattern, per branch: (literals, sets of characters one of which must occur, classes to run)
        self._needs = [[(frozenset(lits), *_split_classes(classes)) for lits, classes in info.branches]
                       for info in self.infos]
        chars = {c for needs in self._needs for lits, sets, _ in needs for c in lits.union(*sets)}
        self._lits = tuple(sorted(chars))
        self._memo: dict[tuple[str, frozenset[str]], tuple[tuple[int, bool], ...]] = {}

    def starting_with(self, ch: str) -> tuple[int, ...]:
        """Indices (in order) of the patterns that can open a match with ``ch``, plus ``always``."""
        got = self._first.get(ch)
        if got is None:
            got = self._first[ch] = tuple(
                i for i in self.all
                if i in self.always or self.infos[i].can_start(self.rxs[i].pattern, ch))
        return got

    def can_start(self, i: int, ch: str) -> bool:
        return self.infos[i].can_start(self.rxs[i].pattern, ch)

    def required(self, i: int, text: str) -> bool:
        """``has_required`` of pattern ``i``."""
        return self.infos[i].has_required(text)

    def select(self, ch: str, text: str) -> tuple[tuple[int, bool], ...]:
        """(index, classes still to check) of every pattern that may match ``text`` by its start
        character ``ch`` and its required literals, in order (see the class docstring)."""
        present = frozenset([c for c in self._lits if c in text])
        key = (ch, present)
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) >= self.MEMO:
                self._memo.clear()
            out = []
            for i in (self.starting_with(ch) if ch else self.all):
                needs = self._needs[i]
                if not needs:
                    out.append((i, False))
                    continue
                fits = [not classes for lits, sets, classes in needs
                        if present.issuperset(lits) and all(not present.isdisjoint(x) for x in sets)]
                if any(fits):
                    out.append((i, False))      # a branch of literals only: nothing more to check
                elif fits:
                    out.append((i, True))       # only branches that also need a class
            got = self._memo[key] = tuple(out)
        return got


def _class_chars(cls) -> frozenset[str] | None:
    """The characters a compiled ``[...]`` class matches when it is a plain list of non-letters
    (``[（(]``, ``[,.]``, ``[\\[【]``), else None (ranges, negation, escapes like ``\\s``, letters)."""
    src = cls.pattern
    if len(src) < 3 or src[0] != "[" or src[-1] != "]" or src[1] == "^":
        return None
    out = set()
    i, body = 0, src[1:-1]
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body) or body[i + 1].isalnum():
                return None
            c = body[i + 1]
            i += 2
        elif c in "-[":
            return None
        else:
            i += 1
        if c.isalpha() or c.lower() != c or c.upper() != c or c.casefold() != c:
            return None   # a cased character: case flags would widen the class
        out.add(c)
    return frozenset(out) if out else None


def _split_classes(classes: tuple) -> tuple[tuple[frozenset[str], ...], tuple]:
    """(character sets of the plain classes, the other classes still to run)."""
    sets, rest = [], []
    for cls in classes:
        chars = _class_chars(cls)
        if chars is None:
            rest.append(cls)
        else:
            sets.append(chars)
    return tuple(sets), tuple(rest)


def class_end(src: str, i: int) -> int | None:
    """Index just past the ``[...]`` class that opens at ``src[i]``; None for a nested set, a POSIX
    class or an unterminated class (not read here)."""
    n = len(src)
    j = i + 1
    if j < n and src[j] == "^":
        j += 1
    if j < n and src[j] == "]":
        j += 1
    while j < n and src[j] != "]":
        if src[j] == "\\":
            j += 1
        elif src[j] == "[":
            return None
        j += 1
    return j + 1 if j < n else None


def _branches(src: str) -> list[str]:
    """The top-level alternatives of a pattern source (the whole source when it has none); [] when the
    source cannot be read."""
    parts: list[str] = []
    depth = 0
    start = 0
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            end = class_end(src, i)
            if end is None:
                return []
            i = end
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(src[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return []
    parts.append(src[start:])
    return parts


def _required(src: str) -> tuple[list[str], list[str]]:
    """Top-level atoms every match must hold: punctuation literals and ``[...]`` classes that are not
    optional. Nothing when the pattern has a top-level alternation."""
    lits: list[str] = []
    classes: list[str] = []
    atoms: list[tuple[str, str, int]] = []    # (kind, text, end index)
    depth = 0
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            if i + 1 >= n:
                return [], []
            e = src[i + 1]
            if depth == 0 and not e.isalnum() and e.isascii() and e not in " \t\n":
                atoms.append(("lit", e, i + 2))
            i += 2
            if e in "pPN" and i < n and src[i] == "{":
                j = src.find("}", i)
                if j < 0:
                    return [], []
                i = j + 1
            continue
        if c == "[":
            end = class_end(src, i)
            if end is None:
                return [], []
            if depth == 0:
                atoms.append(("cls", src[i:end], end))
            i = end
            continue
        if c == "{":
            q = _QUANT.match(src, i)
            if q:
                i = q.end()     # a counted repeat: its digits and comma are no literal
                continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return [], []
        elif depth == 0 and c not in _META and not c.isalnum() and not c.isspace() and c != "#":
            atoms.append(("lit", c, i + 1))
        i += 1
    if depth != 0:
        return [], []
    for kind, text, end in atoms:
        q = src[end:end + 1]
        if q in ("?", "*", "{"):
            continue            # optional (or a counted repeat that may be zero)
        if kind == "lit":
            lits.append(text)
        else:
            classes.append(text)
    return lits, classes
