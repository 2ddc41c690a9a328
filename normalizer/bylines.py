"""Authors from byline lines (``By Jane Doe``, ``홍길동 기자``, ``记者 张三``) per locale and source data.

Patterns are ``[[names.byline_patterns]]`` of the locales and ``[[bylines]]`` of the source; each has a
``name`` group (one or more names, split on ``and``/``,``/``、``/``·``). A line that is only a byline is
placed as a header line; agencies never become authors.
"""
from __future__ import annotations

import regex

from . import gazetteer
from .doc import Doc

HEAD_LINES = 30
TAIL_LINES = 6
_SPLIT = regex.compile(r"\s*(?:,|;|、|·|/|\band\b|\bund\b|\bet\b|\by\b|및|和|與|与)\s*")


def _rules(doc: Doc) -> list[tuple[str, dict]]:
    out = []
    if doc.source:
        out += [(f"source.{doc.source['id']}.{r['name']}", r) for r in doc.source.get("bylines", [])]
    for code in sorted(doc.rules.locales):
        out += [(f"names.{code}.{r['name']}", r) for r in doc.rules.locales[code].get("names", {}).get("byline_patterns", [])]
    return out


def extract(doc: Doc) -> None:
    rules = _rules(doc)
    if not rules:
        return
    lines = doc.ledger.lines
    n = len(lines)
    idx = list(range(min(n, HEAD_LINES))) + list(range(max(HEAD_LINES, n - TAIL_LINES), n))
    authors = doc.fields.setdefault("authors", [])
    have = {a["name"] for a in authors}
    for i in idx:
        ln = lines[i]
        if ln.role is not None or len(ln.text) > 120:
            continue
        for name, r in rules:
            m = r["pattern"].fullmatch(ln.text)
            if not m or "name" not in m.groupdict() or not m.group("name"):
                continue
            base = ln.start + m.start("name")
            raw = m.group("name")
            pos = 0
            for part in _SPLIT.split(raw):
                part_s = raw.find(part, pos)
                pos = part_s + len(part)
                person = part.strip()
                if len(person) < 2 or person in have or gazetteer.agency(doc.rules, person):
                    continue
                have.add(person)
                authors.append({"name": person, "raw": ln.text, "rule": name,
                                "span": [base + part_s, base + part_s + len(part)]})
            doc.ledger.claim(i, "header", "byline", name)
            doc.fire(name)
            break
