"""What every match of a rule pattern must hold, read from the pattern's source: cheap necessary
conditions (characters, pairs of adjacent characters, literal text gates, possible openings) that let a
stage skip a line before running the rule itself. Conditions only ever skip lines a pattern cannot match;
each rule still runs through ``Rx`` with its time limit. ``rx_prefilter`` reads top-level literals; this
reader walks the whole pattern tree, groups included."""
from __future__ import annotations

from typing import NamedTuple

import regex

from .rx_prefilter import class_end

# --- the pattern reader -------------------------------------------------------------
#
# ``rx_prefilter`` reads the punctuation a pattern needs at its top level. Dateline shapes keep what they
# need inside groups (``(?P<d>\d{1,2})``, ``\((?P<agency>[\p{Lu}]…)``), so the source is read here as a
# tree of single-character atoms, and what every match holds is collected: characters (``\d``) and pairs
# of adjacent characters (``(`` then a capital). Anything this reader does not know gives no condition.

_QUANTIFIER = regex.compile(r"(?:[*+?]|\{(?:\d+(?:,\d*)?|,\d+)\})[?+]?")
_ZERO_WIDTH_ESCAPES = set("bBAZzGKmM")
_CLASS_ESCAPES = set("dDwWsS")
_CONTROL_ESCAPES = set("tnrfva")
_SCOPED_FLAGS = regex.compile(r"\(\?([ism]*)(?:-([ism]+))?:")
_GROUP_OPEN = regex.compile(r"\(\?(?:P?<\w+>|[:>|])")
_LOOK_OPEN = regex.compile(r"\(\?(?:<?[=!])")
_ESCAPE = regex.compile(r"\\(?:[pP](?:\{[^}]*\}|\w)|x(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{2})|u[0-9a-fA-F]{4}"
                        r"|U[0-9a-fA-F]{8}|N\{[^}]*\})")
_PROBE = "".join(chr(c) for r in ((0x20, 0x7F), (0xA0, 0x180), (0x391, 0x3CA), (0x410, 0x450),
                                  (0x3000, 0x3040), (0x3041, 0x3097), (0x30A1, 0x30FB), (0x4E00, 0x4F00),
                                  (0xAC00, 0xAD00), (0xFF01, 0xFF5F)) for c in range(*r))


class _Unknown(Exception):
    """A pattern construct the reader does not know: the pattern gets no condition."""


Atoms = frozenset[str]


class _Node:
    """What every match of a piece of pattern holds: whether it may be empty or one character long, the
    atoms its first and last character come from, the conditions on a text it is found in (atom sets,
    pairs of adjacent atom sets) and the pairs of atom sets a match of two or more characters opens with."""

    __slots__ = ("nullable", "short", "first", "last", "needs", "opens")

    def __init__(self, nullable: bool, short: bool, first: Atoms, last: Atoms,
                 needs: frozenset[tuple[Atoms, ...]], opens: frozenset[tuple[Atoms, Atoms]]):
        self.nullable, self.short, self.first, self.last = nullable, short, first, last
        self.needs, self.opens = needs, opens


_EMPTY = _Node(True, False, frozenset(), frozenset(), frozenset(), frozenset())


def _atom(src: str, flags: str) -> _Node:
    """One character matched by ``src`` (a literal, an escape, a class or ``.``) under scoped ``flags``."""
    a = frozenset([f"(?{flags}:{src})"])
    return _Node(False, True, a, a, frozenset([(a,)]), frozenset())


def _seq(items: list[_Node]) -> _Node:
    needs: set[tuple[Atoms, ...]] = set().union(*(n.needs for n in items)) if items else set()
    # two pieces that cannot be empty, with only pieces that can between them: the last character
    # before the second comes from the first or from one between
    solid = [i for i, n in enumerate(items) if not n.nullable]
    for i, j in zip(solid, solid[1:], strict=False):
        before = frozenset().union(*(items[k].last for k in range(i, j)))
        if before and items[j].first:
            needs.add((before, items[j].first))
    # built from the end: the rest after a piece opens the match when the piece is empty, and gives the
    # second character when the piece is one character long
    rest = _EMPTY
    for n in reversed(items):
        opens = set(n.opens)
        if n.short and rest.first:
            opens.add((n.first, rest.first))
        if n.nullable:
            opens |= rest.opens
        rest = _Node(n.nullable and rest.nullable, (n.short and rest.nullable) or (n.nullable and rest.short),
                     n.first | rest.first if n.nullable else n.first,
                     rest.last | n.last if rest.nullable else rest.last, frozenset(), frozenset(opens))
    return _Node(rest.nullable, rest.short, rest.first, rest.last, frozenset(needs), rest.opens)


def _alt(branches: list[_Node]) -> _Node:
    needs = frozenset.intersection(*(b.needs for b in branches))
    nullable = any(b.nullable for b in branches)
    first = frozenset().union(*(b.first for b in branches))
    if not nullable and first:
        needs |= {(first,)}
    return _Node(nullable, any(b.short for b in branches), first, frozenset().union(*(b.last for b in branches)),
                 needs, frozenset().union(*(b.opens for b in branches)))


def _repeat(node: _Node, quantifier: str) -> _Node:
    q = quantifier[:quantifier.index("}") + 1] if quantifier[0] == "{" else quantifier[0]
    if q in ("*", "+", "?"):
        lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[q]
    else:
        body = q[1:-1]
        lo_s, _, hi_s = body.partition(",")
        lo = int(lo_s or 0)
        hi = int(hi_s) if hi_s else (lo if "," not in body else None)
    if hi == 0:
        return _EMPTY
    opens = set(node.opens)
    if node.short and (hi is None or hi >= 2):
        opens.add((node.first, node.first))     # two one-character rounds
    needs = set(node.needs) if lo else set()
    if lo >= 2 and not node.nullable and node.last and node.first:
        needs.add((node.last, node.first))
    return _Node(lo == 0 or node.nullable, node.short, node.first, node.last, frozenset(needs), frozenset(opens))


class _Reader:
    """A recursive reader of the ``regex`` (version 0) syntax that rule patterns use."""

    def __init__(self, src: str, ignore_case: bool, dotall: bool):
        self.src, self.i = src, 0
        self.flags = [ignore_case, dotall]     # IGNORECASE, DOTALL where the reader stands

    def read(self) -> _Node:
        node = self._alternation()
        if self.i != len(self.src):
            raise _Unknown(self.src[self.i:])
        return node

    def _alternation(self) -> _Node:
        branches = [self._sequence()]
        while self.src.startswith("|", self.i):
            self.i += 1
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else _alt(branches)

    def _sequence(self) -> _Node:
        items = []
        while self.i < len(self.src) and self.src[self.i] not in "|)":
            item = self._item()
            q = _QUANTIFIER.match(self.src, self.i)
            if q:
                self.i = q.end()
                item = _repeat(item, q.group())
            elif self.src.startswith("{", self.i):
                raise _Unknown("{")
            items.append(item)
        return _seq(items)

    def _item(self) -> _Node:
        src, i = self.src, self.i
        c = src[i]
        if c == "(":
            return self._group()
        if c == "[":
            end = self._class_end(i)
            self.i = end
            return _atom(src[i:end], self._flags())
        if c == "\\":
            return self._escape()
        if c in "^$":
            self.i += 1
            return _EMPTY
        if c in "*+?{":
            raise _Unknown(c)
        self.i += 1
        return _atom("." if c == "." else regex.escape(c), self._flags())

    def _flags(self) -> str:
        """The scoped flags an atom read now carries (``i-s``, ``-is``…), so it matches on its own
        as it does in the pattern."""
        on = "".join(f for f, set_ in zip("is", self.flags, strict=True) if set_)
        off = "".join(f for f, set_ in zip("is", self.flags, strict=True) if not set_)
        return on + ("-" + off if off else "")

    def _escape(self) -> _Node:
        src, i = self.src, self.i
        if i + 1 >= len(src):
            raise _Unknown("\\")
        e = src[i + 1]
        if e in _ZERO_WIDTH_ESCAPES:
            self.i += 2
            return _EMPTY
        if e in _CLASS_ESCAPES or e in _CONTROL_ESCAPES or not (e.isalnum() or e.isspace()):
            self.i += 2
            return _atom(src[i:i + 2], self._flags())
        m = _ESCAPE.match(src, i)
        if not m:
            raise _Unknown(src[i:i + 2])
        self.i = m.end()
        return _atom(m.group(), self._flags())

    def _class_end(self, i: int) -> int:
        end = class_end(self.src, i)
        if end is None:
            raise _Unknown("nested, POSIX or unterminated class")
        return end

    def _group(self) -> _Node:
        src, i = self.src, self.i
        saved = list(self.flags)
        look = False
        if not src.startswith("(?", i):
            self.i = i + 1
        elif m := _GROUP_OPEN.match(src, i):
            self.i = m.end()
        elif m := _LOOK_OPEN.match(src, i):
            self.i, look = m.end(), True
        elif m := _SCOPED_FLAGS.match(src, i):
            self.i = m.end()
            on, off = m.group(1), m.group(2) or ""
            for k, f in enumerate("is"):
                if f in on or f in off:
                    self.flags[k] = f in on
        else:
            raise _Unknown(src[i:i + 4])
        node = self._alternation()
        self.flags = saved
        if not src.startswith(")", self.i):
            raise _Unknown("unclosed group")
        self.i += 1
        return _EMPTY if look else node


def _breadth(rx_cache: dict[str, int], atoms: frozenset[str], flags: int) -> int:
    """How many characters of a sample of scripts some atom matches (a rough selectivity)."""
    total = 0
    for a in atoms:
        n = rx_cache.get(a)
        if n is None:
            n = rx_cache[a] = len(regex.findall(a, _PROBE, flags=flags))
        total += n
    return total


def _compile_need(need: tuple[frozenset[str], ...], flags: int) -> regex.Pattern:
    return regex.compile("".join("(?:" + "|".join(sorted(s)) + ")" for s in need), flags)


MAX_NEEDS = 2       # line conditions kept per pattern: the most selective ones
MAX_GATES = 1       # text gates kept per pattern
_LITERAL_ATOM = regex.compile(r"\(\?s?-[is]*i[is]*:(?P<ch>[^.\\]|\\[^\w\s]|\\ )\)")


class Needs(NamedTuple):
    """What a rule pattern needs in a text it matches (``pattern_needs``).

    ``line``: patterns written here, each of one or two single-character positions, that must be found;
    ``text``: sets of characters, one of each set must occur; ``opens``: a pattern the first two
    characters of every match fully match (None: a match may be one character long)."""

    line: tuple[regex.Pattern, ...]
    text: tuple[frozenset[str], ...]
    opens: regex.Pattern | None = None


_NO_NEEDS = Needs((), ())


def _literal(atom: str) -> str | None:
    """The character a case-sensitive literal atom (``(?-is:日)``, ``(?-is:\\()``) stands for."""
    m = _LITERAL_ATOM.fullmatch(atom)
    return m.group("ch")[-1] if m else None


def _text_gates(need: tuple[frozenset[str], ...]) -> list[frozenset[str]]:
    """Sets of characters one of which a text holds when ``need`` holds: each position of it whose atoms
    are all case-sensitive literals."""
    out = []
    for atoms in need:
        chars = {_literal(a) for a in atoms}
        if None not in chars:
            out.append(frozenset(chars))
    return out


def pattern_needs(pattern) -> Needs:
    """What ``pattern`` (a compiled rule regex) needs to find in a text it matches anywhere: at most
    ``MAX_NEEDS`` line conditions and text gates each, the rarest first; none when its source holds a
    construct not read here."""
    flags = pattern.flags
    src = pattern.pattern
    if flags & (regex.VERBOSE | regex.VERSION1 | regex.FULLCASE):
        return _NO_NEEDS
    ignore_case = bool(flags & regex.IGNORECASE)
    if src.startswith("(?i)"):
        src, ignore_case = src[4:], True
    base = flags & ~(regex.IGNORECASE | regex.DOTALL | regex.MULTILINE)
    try:
        node = _Reader(src, ignore_case, bool(flags & regex.DOTALL)).read()
        sizes: dict[str, int] = {}
        scored = []
        for need in node.needs:
            score = 1
            for atoms in need:
                score *= max(1, _breadth(sizes, atoms, base))
            if len(need) == 1:
                score *= len(_PROBE)    # one character against a pair of them
            scored.append((score, sorted(sorted(atoms) for atoms in need), need))
        scored.sort(key=lambda t: (t[0], t[1]))
        line = tuple(_compile_need(need, base) for _, _, need in scored[:MAX_NEEDS])
    except (_Unknown, regex.error, ValueError, IndexError):
        return _NO_NEEDS
    gates = {g for _, _, need in scored for g in _text_gates(need)}
    # the rarest first, by a rough measure: characters outside ASCII, and few of them
    ranked = sorted(gates, key=lambda g: (sum(c.isascii() for c in g), len(g), sorted(g)))
    opens = None
    if node.opens and not node.short:
        opens = regex.compile("|".join(sorted(
            "".join("(?:" + "|".join(sorted(atoms)) + ")" for atoms in pair) for pair in node.opens)), base)
    return Needs(line, tuple(ranked[:MAX_GATES]), opens)


def needs_of(cache: dict, pattern) -> Needs:
    """``pattern_needs``, shared by the rules' patterns (equal line conditions are one object, so a
    line tests each once)."""
    key = (pattern.pattern, pattern.flags)
    got = cache.get(key)
    if got is None:
        needs = pattern_needs(pattern)
        line = tuple(cache.setdefault((rx.pattern, rx.flags, "line"), rx) for rx in needs.line)
        got = cache[key] = Needs(line, needs.text, needs.opens)
    return got


def holds(needs: tuple[regex.Pattern, ...], text: str, found: dict[regex.Pattern, bool]) -> bool:
    """Whether ``text`` holds every condition (each looked for once per line, in ``found``)."""
    for rx in needs:
        ok = found.get(rx)
        if ok is None:
            ok = found[rx] = rx.search(text) is not None
        if not ok:
            return False
    return True
