"""The article body: every line no earlier stage placed becomes a paragraph (or part of one), repeated
paragraphs go to ``duplicates`` with ``of`` pointing at their first copy, and extraction debris inside
body lines is repaired with each repair recorded.
"""
from __future__ import annotations

import unicodedata

import regex

from .doc import Doc
from .lines import Line

# A hyphen glued to the start of a capitalised word after a space: link text the extractor prefixed
# (``the -Korean Peninsula``). Not a minus before a number, not a dash between words.
_STRAY_HYPHEN = regex.compile(r"(?<=(?:^|\s|\()[\p{L}'’]*\s)-(?=\p{Lu}\p{Ll})")
_INVISIBLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_KEY_DROP = regex.compile(r"[\W_]+")


def dup_key(text: str) -> str:
    """Paragraph identity for duplicates: case, width, spacing and punctuation do not count."""
    return _KEY_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def repair(doc: Doc, line: Line) -> str:
    """The line's text with stray hyphens and invisible characters removed; each repair recorded."""
    text = line.text
    out = text
    for m in reversed(list(_STRAY_HYPHEN.finditer(text))):
        doc.repairs.append({"kind": "stray_hyphen", "span": [line.start + m.start(), line.start + m.end()],
                            "before": text[max(0, m.start() - 20): m.end() + 20], "rule": "body.stray_hyphen"})
        out = out[: m.start()] + out[m.end():]
    if _INVISIBLE.search(out):
        n = len(_INVISIBLE.findall(out))
        out = _INVISIBLE.sub("", out)
        doc.repairs.append({"kind": "invisible_chars", "span": list(line.span), "count": n,
                            "rule": "body.invisible"})
    if out != text:
        doc.fire("body.stray_hyphen" if "-" in text else "body.invisible")
    return out


def _hard_wrapped(lines: list[Line], text: str) -> bool:
    """Wire copy broken at a fixed width (Reuters-21578): most lines of similar length, no blank lines."""
    if len(lines) < 4:
        return False
    lengths = sorted(len(ln.text) for ln in lines)
    typical = lengths[len(lengths) * 3 // 4]
    if not 40 <= typical <= 90:
        return False
    near = sum(1 for x in lengths if typical - 15 <= x <= typical + 2)
    return near >= 0.5 * len(lines)


def assemble(doc: Doc) -> None:
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
    for g in groups:
        parts = [repair(doc, ln) for ln in g]
        text = " ".join(parts) if wrapped else "\n".join(parts)
        key = dup_key(text)
        if key and key in seen and len(key) >= 20:
            duplicates.append({"text": text, "span": [g[0].start, g[-1].end], "of": seen[key],
                               "rule": "body.duplicate"})
            for ln in g:
                doc.ledger.claim(ln.index, "duplicate", "duplicate", "body.duplicate")
            doc.fire("body.duplicate")
            continue
        if key:
            seen.setdefault(key, len(paragraphs))
        rule = "body.wrapped" if len(g) > 1 else "body.line"
        for ln in g:
            doc.ledger.claim(ln.index, "body", None, rule)
        paragraphs.append({"text": text, "spans": [ln.span for ln in g], "rule": rule})
    doc.fields["paragraphs"] = paragraphs
    doc.fields["duplicates"] = duplicates


def _continues(text: str, prev: Line, cur: Line) -> bool:
    """In hard-wrapped copy, a line continues the paragraph unless a blank line or an indent starts one."""
    between = text[prev.end: cur.start]
    if between.count("\n") >= 2:
        return False
    indent = between.split("\n")[-1]
    return len(indent.expandtabs()) < 2
