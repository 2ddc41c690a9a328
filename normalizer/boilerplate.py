"""Lines that are not the article: navigation, share, related lists, copyright, license, contact,
notices, ads. Shapes are locale data (``[[boilerplate.rules]]`` of every locale file, ``und`` for
script-neutral shapes, and the source's own ``[[boilerplate]]``); the decision is made here.

A line holding notices of two kinds (``Copyright © … All rights reserved.Preferably viewed with …``)
is split at the start of the second notice into two entries, each with its own span, kind and language.
"""
from __future__ import annotations

import regex

from .doc import Doc
from .language import script_counts
from .lines import Line
from .rules import Rules

MAX_LINE = 400           # a longer line is prose, whatever keyword it holds
_MARKER = regex.compile(r"^(?:[-*•·+>|»›]|\d{1,2}\.)\s*")
_SEPARATOR = regex.compile(r"^[\p{P}\p{S}\s]*$")
_SENTENCE_END = regex.compile(r"[.!?。！？]\s*$|[.!?。！？][\"'”’]\s*$")


def _build(rules: Rules) -> list[dict]:
    out = []
    for code in sorted(rules.locales):
        for r in rules.locales[code].get("boilerplate", {}).get("rules", []):
            out.append({**r, "locale": code})
    return out


def language_of(text: str, doc_lang: str | None) -> str:
    """The language of one boilerplate entry, by script; Latin text takes the article's Latin language."""
    c = script_counts(text)
    if c["kana"]:
        return "ja"
    if c["hangul"]:
        return "ko"
    if c["han"] and c["han"] >= c["latin"] / 4:
        return "zh"
    if c["cyrillic"] > c["latin"]:
        return doc_lang if doc_lang in ("ru", "uk", "bg", "sr", "mk", "be") else "ru"
    if doc_lang and not doc_lang.startswith(("zh", "ja", "ko", "ru", "uk")):
        return doc_lang
    return "en"


def _segments(line: Line, rules: list[dict]) -> list[tuple[int, int, str, str, str | None]]:
    """Notice segments of a line: (start, end, kind, rule, language) in line offsets, or []."""
    text = line.text
    hits = []
    for r in rules:
        m = r["pattern"].search(text)
        if m:
            start = 0 if r.get("whole_line") else m.start()
            hits.append((start, -(m.end() - m.start()), r["kind"], r["name"], r.get("language")))
    if not hits:
        return []
    hits.sort()
    first = hits[0][0]
    prefix = text[:first]
    if first and len(prefix.strip(" -*|•·:：")) > max(3, 0.5 * len(text)):
        return []  # the keyword sits deep inside a sentence: prose, not a notice
    segs: list[list] = []
    for start, _neg, kind, name, lang in hits:
        if segs and (kind == segs[-1][2] or start < segs[-1][0] + 8):
            continue  # same notice, or a second match inside the same one
        segs.append([start, None, kind, name, lang])
    segs[0][0] = 0
    for i, s in enumerate(segs):
        s[1] = segs[i + 1][0] if i + 1 < len(segs) else len(text)
    return [tuple(s) for s in segs]


def _entry(doc: Doc, line: Line, a: int, b: int, kind: str, rule: str, lang: str | None) -> dict:
    raw = line.text[a:b]
    lead = len(raw) - len(raw.lstrip())
    raw = raw.strip()
    s = line.start + a + lead
    return {"text": raw, "kind": kind, "language": lang or language_of(raw, doc.language),
            "span": [s, s + len(raw)], "rule": rule}


def _is_nav_item(text: str) -> bool:
    body = _MARKER.sub("", text, count=1)
    return bool(_MARKER.match(text)) and len(body.split()) <= 6 and len(body) <= 40 and not _SENTENCE_END.search(body)


def _short(text: str) -> bool:
    return len(text.split()) <= 4 and len(text) <= 30 and not _SENTENCE_END.search(text)


def classify(doc: Doc) -> None:
    """Place every boilerplate line in the ledger and record its entries (``boilerplate`` field)."""
    rules = doc.rules.view("boilerplate", _build)
    src_rules = [{**r, "locale": "source"} for r in (doc.source or {}).get("boilerplate", [])]
    src_id = (doc.source or {}).get("id", "")
    entries: list[dict] = []
    lines = doc.ledger.lines
    # 1. notices by shape
    for ln in lines:
        if ln.role is not None or len(ln.text) > MAX_LINE:
            continue
        segs = _segments(ln, src_rules) if src_rules else []
        prefix = f"source.{src_id}." if segs else ""
        if not segs:
            segs = _segments(ln, rules)
            prefix = "boilerplate."
        if segs:
            doc.ledger.claim(ln.index, "boilerplate", segs[0][2], prefix + segs[0][3])
            for a, b, kind, name, lang in segs:
                entries.append(_entry(doc, ln, a, b, kind, prefix + name, lang))
                doc.fire(prefix + name)
    # 2. menus: runs of list-marker items and bare separators (``- About Us``, ``- |``)
    i = 0
    while i < len(lines):
        if lines[i].role is None and (_is_nav_item(lines[i].text) or _SEPARATOR.match(lines[i].text)):
            j = i
            items = 0
            while j < len(lines) and (lines[j].role == "boilerplate" or (lines[j].role is None and (
                    _is_nav_item(lines[j].text) or _SEPARATOR.match(lines[j].text) or _short(lines[j].text)))):
                items += lines[j].role is None and bool(_MARKER.match(lines[j].text) or _SEPARATOR.match(lines[j].text))
                j += 1
            if items >= 3:
                for k in range(i, j):
                    ln = lines[k]
                    if ln.role is None:
                        doc.ledger.claim(k, "boilerplate", "navigation", "boilerplate.menu_run")
                        entries.append(_entry(doc, ln, 0, len(ln.text), "navigation", "boilerplate.menu_run", None))
                doc.fire("boilerplate.menu_run")
            i = max(j, i + 1)
        else:
            i += 1
    entries.sort(key=lambda e: e["span"])
    doc.fields["boilerplate"] = entries
