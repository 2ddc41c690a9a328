"""Authors from byline lines (``By Jane Doe``, ``홍길동 기자``, ``记者 张三``) per locale and source data.

Patterns are ``[[names.byline_patterns]]`` of the locales and ``[[bylines]]`` of the source; each has a
``name`` group (one or more names, split on ``and``/``,``/``、``/``·``). A line that is only a byline is
placed as a header line; agencies never become authors.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from . import gazetteer
from .doc import Doc
from .rx_needs import holds, needs_of
from .rx_prefilter import Candidates

HEAD_LINES = 30
TAIL_LINES = 6
_SPLIT = regex.compile(r"\s*(?:,|;|、|·|/|\band\b|\bund\b|\bet\b|\by\b|및|和|與|与)\s*")


def _rules(doc: Doc) -> list[tuple[str, dict]]:
    return _prepared(doc).rules


class _Prepared:
    """A source's byline rules, in order, with their prefilter (``rx_prefilter.Candidates``: a full match
    opens with the line's first character) and what each needs in a line (``datelines.pattern_needs``);
    built once per source and kept with the rules."""

    __slots__ = ("rules", "cands", "needs")

    def __init__(self, rules: list[tuple[str, dict]], needs: dict):
        self.rules = rules
        self.cands = Candidates([r["pattern"] for _, r in rules])
        self.needs = [needs_of(needs, r["pattern"].pattern) for _, r in rules]

    def candidates(self, text: str) -> Iterator[tuple[str, dict]]:
        """The rules that may match all of ``text``, in order."""
        cands = self.cands
        found: dict = {}
        head = text[:2]
        for j, check in cands.select(text[:1], text):
            if check and not cands.required(j, text):
                continue
            need = self.needs[j]
            if need.opens is not None and len(head) == 2 and need.opens.fullmatch(head) is None:
                continue    # no match opens with these two characters
            if need.line and not holds(need.line, text, found):
                continue    # the line lacks characters every match holds
            yield self.rules[j]


def _build(doc: Doc) -> list[tuple[str, dict]]:
    out = []
    if doc.source:
        out += [(f"source.{doc.source['id']}.{r['name']}", r) for r in doc.source.get("bylines", [])]
    for code in sorted(doc.rules.locales):
        out += [(f"names.{code}.{r['name']}", r) for r in doc.rules.locales[code].get("names", {}).get("byline_patterns", [])]
    return out


def _prepared(doc: Doc) -> _Prepared:
    cache = doc.rules.view("bylines.prepared", lambda _rs: {})
    key = (doc.source or {}).get("id")     # what ``_build`` depends on
    prep = cache.get(key)
    if prep is None:
        prep = cache[key] = _Prepared(_build(doc), doc.rules.view("datelines.needs", lambda _rs: {}))
    return prep


def extract(doc: Doc) -> None:
    prep = _prepared(doc)
    if not prep.rules:
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
        for name, r in prep.candidates(ln.text):
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
