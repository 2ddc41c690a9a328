"""Cheap necessary conditions for rule regexes, so a timed ``Rx`` call runs only on text that can match.

Both checks are exact in one direction: they never say "cannot match" of text the pattern matches.

- ``can_start(rx, ch)``: can a match begin with the character ``ch`` (asked once per character, with a
  partial match of that one character, and remembered);
- ``has_required(rx, text)``: does ``text`` hold every character class or punctuation literal the pattern
  needs at its top level (``\\(`` in ``…\\((?P<agency>…)\\)``, ``[／/]``), read from the pattern source.
"""
from __future__ import annotations

import regex

# Patterns whose start depends on what stands before it: a single character cannot tell.
_CONTEXT = regex.compile(r"\(\?<[=!]|\\[BGbAZz]|\(\?\(")
_META = set(".^$*+?{}[]()|\\")
_QUANT = regex.compile(r"\{\d*,?\d*\}")


class _Info:
    __slots__ = ("rx", "starts", "branches", "anchored")

    def __init__(self, rx):
        self.rx = rx
        src = rx.pattern.pattern
        flags = rx.pattern.flags
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


_INFO: dict[int, _Info] = {}


def _info(rx) -> _Info:
    info = _INFO.get(id(rx))
    if info is None or info.rx is not rx:
        info = _INFO[id(rx)] = _Info(rx)
    return info


def can_start(rx, ch: str) -> bool:
    """Whether a match of ``rx`` (an ``Rx``) can begin with ``ch``."""
    info = _info(rx)
    memo = info.starts
    if memo is None:
        return True
    ok = memo.get(ch)
    if ok is None:
        try:
            ok = rx.pattern.match(ch, partial=True, timeout=1.0) is not None
        except TimeoutError:
            ok = True
        memo[ch] = ok
    return ok


def has_required(rx, text: str) -> bool:
    """Whether ``text`` holds every top-level atom that any match of ``rx`` must contain."""
    info = _info(rx)
    if not info.branches:
        return True
    for lits, classes in info.branches:
        if all(c in text for c in lits) and all(p.search(text) is not None for p in classes):
            return True
    return False


def may_search(rx, text: str) -> bool:
    """Whether ``rx.search(text)`` (from position 0) can find a match: ``has_required``, and for a pattern
    whose every alternative opens with ``^``, whether the first character can start one."""
    if not has_required(rx, text):
        return False
    info = _info(rx)
    if info.anchored and text and not can_start(rx, text[0]):
        return False
    return True


def _class_end(src: str, i: int) -> int | None:
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
            end = _class_end(src, i)
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
            end = _class_end(src, i)
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
