"""Bytes to text: BOM, UTF-8, legacy encodings (charset-normalizer), mojibake repair (ftfy)."""
from __future__ import annotations

import bisect
import codecs
import itertools
import re
from dataclasses import dataclass, field
from re import _constants as _C
from re import _parser

import ftfy
import ftfy.badness
from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings charset-normalizer may name, mapped to the superset a news page really uses.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932",
              "big5": "big5hkscs", "iso8859_1": "cp1252", "ascii": "utf-8", "latin_1": "cp1252"}
# ftfy, restricted to what is safe on news text: no width folding or quote changes (spans stay honest).
_FTFY = ftfy.TextFixerConfig(unescape_html=False, fix_latin_ligatures=False, fix_character_width=False,
                             uncurl_quotes=False, fix_line_breaks=False, normalization=None,
                             remove_terminal_escapes=False, remove_control_chars=False, explain=True)


def _suspects() -> tuple[str, str]:
    """(characters any ``ftfy.badness`` match is made of, characters that make a match alone).

    Every alternative of ``BADNESS_RE`` needs two adjacent characters from its mojibake categories and
    literals (``Ã©``, ``â€``, ``Ð¾``), or one C1 control, ``Œ``/``œ`` or ``Ã``/``Â`` (``[a-z]\\s?[ÃÂ][ ]``):
    a line with neither cannot be bad, and the slow alternation need not run on it."""
    cats = "".join(ftfy.badness.MOJIBAKE_CATEGORIES.values())
    in_cats = re.compile("[" + cats.replace("\\", "\\\\").replace("]", "\\]").replace("[", "\\[") + "]")
    chars = {chr(c) for c in range(0x80, 0x10000) if in_cats.match(chr(c))}
    chars |= {ch for ch in ftfy.badness.BADNESS_RE.pattern if ord(ch) >= 0x80}
    chars |= {"\xa0", "\xad"}   # written as escapes in the pattern source
    alone = {chr(c) for c in range(0x80, 0xA0)} | set("ŒœÃÂ")
    return "".join(sorted(chars)), "".join(sorted(alone))


def _suspect_rx() -> re.Pattern:
    chars, alone = _suspects()
    cls = "[" + re.escape(chars) + "]"
    return re.compile(f"[{re.escape(alone)}]|{cls}{cls}")


_SUSPECT = _suspect_rx()


def may_be_mojibake(line: str) -> bool:
    """Whether ``ftfy.badness.is_bad(line)`` can be true: a fast necessary condition (see ``_suspects``)."""
    return not line.isascii() and _SUSPECT.search(line) is not None


def _charset(op, av) -> frozenset[str] | None:
    """The characters one parsed ``re`` item matches, when it is a literal or a plain class."""
    if op is _C.LITERAL:
        return frozenset([chr(av)])
    if op is not _C.IN:
        return None
    out: set[str] = set()
    for o, a in av:
        if o is _C.LITERAL:
            out.add(chr(a))
        elif o is _C.RANGE:
            out.update(chr(c) for c in range(a[0], a[1] + 1))
        else:
            return None         # a category (``\\s``) or a negation: not a short list
    return frozenset(out)


def _branch_needs(items) -> tuple[frozenset[str], ...] | None:
    """What every match of one ``BADNESS_RE`` alternative holds: one non-ASCII character of a set, or
    (better) two adjacent ones of two sets, read from its run of single-character items; None when
    the alternative has no such item."""
    seq: list[frozenset[str] | None] = []
    for op, av in items:
        if op is _C.AT:
            continue            # zero-width: the items around it stay adjacent
        seq.append(_charset(op, av) if op in (_C.LITERAL, _C.IN) else None)
    best = None
    for i, s in enumerate(seq):
        if s is None or not s.isdisjoint(_ASCII):
            continue
        cands = [(1, len(s), (s,))]
        t = seq[i + 1] if i + 1 < len(seq) else None
        if t is not None and t.isdisjoint(_ASCII):
            cands.append((0, len(s) * len(t), (s, t)))
        best = min([c for c in (best, *cands) if c is not None])
    return best[2] if best else None


def _badness_needs() -> tuple[frozenset[str], dict[str, frozenset[str]]] | None:
    """(characters that alone may start a match, {character: characters that may follow it}): every
    ``ftfy.badness.BADNESS_RE`` match holds one of these, read from the pattern as the ``re`` parser
    gives it; None when the pattern is not the flat alternation this reads."""
    rx = ftfy.badness.BADNESS_RE
    if rx.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(rx.pattern, rx.flags)
    except Exception:  # noqa: BLE001 - a changed parser: no shortcut
        return None
    if len(tree.data) != 1 or tree.data[0][0] is not _C.BRANCH:
        return None
    singles: set[str] = set()
    pairs: dict[str, set[str]] = {}
    for branch in tree.data[0][1][1]:
        need = _branch_needs(branch.data)
        if need is None:
            return None
        if len(need) == 1:
            singles |= need[0]
        else:
            for ch in need[0]:
                pairs.setdefault(ch, set()).update(need[1])
    return frozenset(singles), {ch: frozenset(v) for ch, v in pairs.items()}


def _class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _needs_scanner() -> tuple[frozenset[str], dict[str, frozenset[str]], re.Pattern] | None:
    needs = _badness_needs()
    if needs is None:
        return None
    singles, pairs = needs
    follow = frozenset().union(*pairs.values())
    # a character that may open a match, when it stands alone or a possible follower comes next; one
    # character long (the follower is looked at, not taken), so no start is skipped
    scan = re.compile(_class(singles | pairs.keys()) + "(?:(?<=" + _class(singles) + ")|(?=" + _class(follow) + "))")
    return singles, pairs, scan


_ASCII = frozenset(chr(c) for c in range(0x80))
_NEEDS = _needs_scanner()


def _bad_positions(text: str) -> list[int] | None:
    """Start positions in ``text`` of every character or pair that ``_badness_needs`` lists: a line
    with none of them is not ``ftfy.badness.is_bad``. None: no shortcut, look at every line."""
    if _NEEDS is None:
        return None
    singles, pairs, scan = _NEEDS
    out = []
    for m in scan.finditer(text):
        p = m.start()
        ch = text[p]
        if ch in singles or text[p + 1:p + 2] in pairs.get(ch, ()):
            out.append(p)
    return out


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)
    repairs: list[dict] = field(default_factory=list)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def decode(data: bytes | str) -> Decoded:
    """Decode ``data`` and repair mojibake; what was done goes in ``warnings``/``repairs``."""
    if isinstance(data, str):
        text, enc, warns = data, "str", []
    else:
        text, enc, warns = _decode_bytes(bytes(data))
    if "\x00" in text:
        warns.append("NUL characters removed")
        text = text.replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    fixed, repairs = _fix_mojibake(text)
    if repairs:
        warns.append("mojibake repaired: " + ", ".join(r["step"] for r in repairs))
        text = fixed
    return Decoded(text, enc, warns, repairs)


def _decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc, []
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 4:
        raise DecodeError("binary data: more than a quarter of the bytes are NUL")
    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is None:
        text = data.decode("utf-8", errors="replace")
        return text, "utf-8", ["encoding not detected; undecodable bytes replaced with U+FFFD"]
    enc = _SUPERSETS.get(best.encoding, best.encoding)
    if enc in _SINGLE_BYTE_LATIN:
        enc = _rerank_single_byte(data[:200_000], enc)
    text = data.decode(enc, errors="replace")
    warns = [f"decoded as {enc} (detected by charset-normalizer)"]
    if "\ufffd" in text:
        warns.append("undecodable bytes replaced with U+FFFD")
    return text, enc, warns


# Single-byte Latin code pages that a detector confuses on short texts (French read as cp1257).
_SINGLE_BYTE_LATIN = ("cp1252", "cp1250", "cp1257", "cp1254", "iso8859_2", "iso8859_13", "iso8859_15",
                      "iso8859_9", "mac_latin2", "mac_roman", "mac_iceland", "cp850", "latin_1")


def _rerank_single_byte(data: bytes, detected: str) -> str:
    """Among Latin code pages, the one that leaves the fewest non-letters glued inside words;
    ties go to cp1252, the most common legacy encoding of news pages."""
    def glued(enc: str) -> int:
        t = data.decode(enc, errors="replace")
        return sum(1 for i in range(1, len(t) - 1)
                   if ord(t[i]) > 127 and not t[i].isalpha() and t[i - 1].isalpha() and t[i + 1].isalpha())
    order = ["cp1252", detected] + [e for e in ("cp1250", "cp1257") if e != detected]
    return min(order, key=lambda e: (glued(e), order.index(e)))


def _fix_mojibake(text: str) -> tuple[str, list[dict]]:
    """ftfy's mojibake repair, line by line so a repair stays local; returns the text and each step.

    Only lines where ``_bad_positions`` finds a trace of a ``BADNESS_RE`` match are looked at: on any
    other line ``ftfy.badness.is_bad`` is false and the line stays as it is."""
    if text.isascii():
        return text, []
    hits = _bad_positions(text)
    if hits == []:
        return text, []
    lines = text.splitlines(keepends=True)
    look = None
    if hits is not None:
        ends = list(itertools.accumulate(map(len, lines)))
        look = {bisect.bisect_right(ends, p) for p in hits}
    out, repairs, pos = [], [], 0
    for i, line in enumerate(lines):
        if (look is not None and i not in look) or not may_be_mojibake(line) or not ftfy.badness.is_bad(line):
            out.append(line)
        else:
            fixed = ftfy.fix_and_explain(line, config=_FTFY)
            if fixed.text != line and len(fixed.text.splitlines()) == len(line.splitlines()):
                steps = ",".join(s[1] for s in (fixed.explanation or []))
                repairs.append({"kind": "mojibake", "step": steps or "ftfy", "span": [pos, pos + len(line)],
                                "before": line.strip()[:200], "after": fixed.text.strip()[:200]})
                out.append(fixed.text)
            else:
                out.append(line)
        pos += len(line)
    return "".join(out), repairs
