"""The article body: every line no earlier stage placed becomes a paragraph (or part of one), repeated
paragraphs go to ``duplicates`` with ``of`` pointing at their first copy, and extraction debris inside
body lines is repaired with each repair recorded.
"""
from __future__ import annotations

import re
import unicodedata

import regex

from .boilerplate import sweep
from .doc import Doc
from .layout import hard_wrapped, is_table_row
from .lines import Line

# A hyphen glued to the start of a capitalised word after a space: link text the extractor prefixed
# (``the -Korean Peninsula``). Not a minus before a number, not a dash between words.
_STRAY_HYPHEN = regex.compile(r"(?<=(?:^|\s|\()[\p{L}'’]*\s)-(?=\p{Lu}\p{Ll})")
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_KEY_DROP = regex.compile(r"[\W_]+")
# The ASCII characters ``_KEY_DROP`` removes, as bytes: UTF-8 writes every other character with bytes
# >= 0x80 only, so deleting these bytes from the encoded text deletes exactly these characters.
_KEY_DROP_ASCII = bytes(c for c in range(128) if _KEY_DROP.fullmatch(chr(c)))
# The characters the invisible and full-width repairs remove or replace (``re`` scans a class faster).
_RARE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def dup_key(text: str) -> str:
    """Paragraph identity for duplicates: case, width, spacing and punctuation do not count.

    ``_KEY_DROP.sub("", folded)``: the class's ASCII characters are deleted in C on the encoded text
    (deletion is per character), and the regex runs only when non-ASCII characters are left.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().encode("utf-8", "surrogatepass")
    key = folded.translate(None, _KEY_DROP_ASCII).decode("utf-8", "surrogatepass")
    return key if key.isascii() else _KEY_DROP.sub("", key)


def repair(doc: Doc, line: Line) -> str:
    """The line's text with stray hyphens and invisible characters removed; each repair recorded."""
    text = line.text
    out = text
    if "-" not in text and text.isascii():
        return text     # no hyphen to drop, and the other two repairs need a non-ASCII character
    for m in reversed(list(_STRAY_HYPHEN.finditer(text)) if "-" in text else ()):
        doc.repairs.append({"kind": "stray_hyphen", "span": [line.start + m.start(), line.start + m.end()],
                            "before": text[max(0, m.start() - 20): m.end() + 20], "rule": "body.stray_hyphen"})
        out = out[: m.start()] + out[m.end():]
    if out.isascii():
        if out != text:
            doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
        return out
    if _RARE.search(out) is None:    # neither repair below has anything to do
        if out != text:
            doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
        return out
    if _INVISIBLE.search(out):
        n = len(_INVISIBLE.findall(out))
        out = _INVISIBLE.sub("", out)
        doc.repairs.append({"kind": "invisible_chars", "span": list(line.span), "count": n,
                            "rule": "body.invisible"})
    if _FULLWIDTH_ALNUM.search(out):
        n = len(_FULLWIDTH_ALNUM.findall(out))
        out = _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), out)
        doc.repairs.append({"kind": "fullwidth_alnum", "span": list(line.span), "count": n,
                            "rule": "body.fullwidth"})
        doc.fire("body.fullwidth")
    if out != text:
        doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
    return out


# Full-width Latin letters and digits (``２０１９``, ``ＡＩ``) read as their ASCII forms in every script;
# full-width punctuation is left alone (it is the norm in CJK text).
_FULLWIDTH_ALNUM = regex.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")

# Two paragraphs glued by the extractor: a sentence end directly followed by a capitalised sentence,
# each side long enough to be a paragraph (``…the ministry said.The formal agreement is…``).
_GLUE_POINT = regex.compile(r"(?<=[a-z\p{Ll}]{2}[.!?][\"”’)]?)(?=\p{Lu}\p{Ll}+\s)")
MIN_GLUED_PART = 80
# What every glue point has around it: the sentence end, maybe a quote, then a capital letter.
_GLUE_HINT = regex.compile(r"[.!?][\"”’)]?\p{Lu}")


def split_glued(text: str) -> list[str]:
    """A line of two glued paragraphs as its parts (only where both sides are long sentences)."""
    n = len(text)
    # A cut at p needs MIN_GLUED_PART <= p <= n - MIN_GLUED_PART; the sentence end is at p - 1 or p - 2
    # and the capital at p, so only that stretch is searched for the hint.
    if n < 2 * MIN_GLUED_PART or _GLUE_HINT.search(text, MIN_GLUED_PART - 2, n - MIN_GLUED_PART + 1) is None:
        return [text]   # no room for two parts, or no glue point where a cut could be: no cut
    cuts, last = [], 0
    for m in _GLUE_POINT.finditer(text):
        if m.start() - last >= MIN_GLUED_PART and len(text) - m.start() >= MIN_GLUED_PART:
            cuts.append(m.start())
            last = m.start()
    if not cuts:
        return [text]
    parts, prev = [], 0
    for c in cuts:
        parts.append(text[prev:c])
        prev = c
    parts.append(text[prev:])
    return parts


def _hard_wrapped(lines: list[Line], text: str) -> bool:
    """Wire copy broken at a fixed width (Reuters-21578): most lines of similar length, no blank lines.

    Table rows can only make copy not hard-wrapped, so they are counted only for lines that would be.
    """
    lengths = [len(ln.text) for ln in lines]
    return hard_wrapped(lengths) and hard_wrapped(lengths, sum(1 for ln in lines if is_table_row(ln.text)))


def assemble(doc: Doc) -> None:
    sweep(doc)
    free = [ln for ln in doc.ledger.lines if ln.role is None]
    wrapped = _hard_wrapped(free, doc.text)
    groups: list[list[Line]] = []
    for ln in free:
        if wrapped and groups and _continues(doc.text, groups[-1][-1], ln):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    paragraphs: list[dict] = []
    duplicates: list[dict] = []
    seen: dict[str, int] = {}
    for g, text, span, rule in _pieces(doc, groups, wrapped):
        key = dup_key(text)
        if key and key in seen and len(key) >= 20:
            duplicates.append({"text": text, "span": list(span), "of": seen[key], "rule": "body.duplicate"})
            for ln in g:
                doc.ledger.claim(ln.index, "duplicate", "duplicate", "body.duplicate")
            doc.fire("body.duplicate")
            continue
        if key:
            seen.setdefault(key, len(paragraphs))
        for ln in g:
            if ln.role is None:
                doc.ledger.claim(ln.index, "body", None, rule)
        spans = [ln.span for ln in g] if len(g) > 1 else [tuple(span)]
        paragraphs.append({"text": text, "spans": spans, "rule": rule})
    doc.fields["paragraphs"] = paragraphs
    doc.fields["duplicates"] = duplicates


def _pieces(doc: Doc, groups: list[list[Line]], wrapped: bool):
    """(lines, text, span, rule) of each paragraph: joined wrapped lines, or a line split where two
    paragraphs were glued."""
    for g in groups:
        if len(g) > 1:
            parts = [_repaired(doc, ln) for ln in g]
            yield g, (" ".join(parts) if wrapped else "\n".join(parts)), (g[0].start, g[-1].end), "body.wrapped"
            continue
        ln = g[0]
        text = _repaired(doc, ln)
        # a repaired line is not split; a line too short for two parts has nothing to split
        if text != ln.text or len(text) < 2 * MIN_GLUED_PART or len(pieces := split_glued(text)) == 1:
            yield g, text, ln.span, "body.line"
            continue
        doc.repairs.append({"kind": "glued_paragraphs", "span": list(ln.span), "parts": len(pieces),
                            "rule": "body.split_glued"})
        doc.fire("body.split_glued")
        pos = ln.start
        for piece in pieces:
            yield g, piece, (pos, pos + len(piece)), "body.split_glued"
            pos += len(piece)


def _repaired(doc: Doc, ln: Line) -> str:
    """``repair(doc, ln)``, skipped for an ASCII line without a hyphen (``repair``'s own first test)."""
    text = ln.text
    return text if text.isascii() and "-" not in text else repair(doc, ln)


def _continues(text: str, prev: Line, cur: Line) -> bool:
    """In hard-wrapped copy, a line continues the paragraph unless a blank line or an indent starts one."""
    between = text[prev.end: cur.start]
    if between.count("\n") >= 2:
        return False
    indent = between.split("\n")[-1]
    return len(indent.expandtabs()) < 2
