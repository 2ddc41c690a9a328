"""Which outlet published the text: from ``source=``/``url=`` when given, else from its own lines.

Each source file's ``detect`` rules are named patterns tried on the header (first lines), the footer
(last lines) or anywhere; the best-scoring source wins, an outlet over an agency whose copy it carries.
"""
from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from .doc import Doc
from .rules import Rules

HEAD_LINES = 40
FOOT_LINES = 40


def fold(s: str) -> str:
    """Case, width and spacing folded, for matching names and aliases."""
    return "".join(unicodedata.normalize("NFKC", s).casefold().split())


def _build(rules: Rules) -> dict:
    names: dict[str, str] = {}
    domains: list[tuple[str, str]] = []
    for sid, src in sorted(rules.sources.items()):
        for n in [sid, src["name"], *src.get("aliases", [])]:
            names.setdefault(fold(n), sid)
        for d in src.get("domains", []):
            domains.append((d.lower().lstrip("."), sid))
    domains.sort(key=lambda x: (-len(x[0]), x[0]))
    return {"names": names, "domains": domains}


def by_name(rules: Rules, name: str) -> dict | None:
    """The source whose id, name or alias is ``name``."""
    sid = rules.view("sources", _build)["names"].get(fold(name))
    return rules.sources.get(sid) if sid else None


def by_url(rules: Rules, url: str) -> dict | None:
    """The source whose domain (or a parent domain of it) serves ``url``."""
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:
        return None
    for dom, sid in rules.view("sources", _build)["domains"]:
        if host == dom or host.endswith("." + dom):
            return rules.sources[sid]
    return None


def _set(doc: Doc, src: dict, rule: str, raw: str | None = None, span: tuple[int, int] | None = None) -> None:
    doc.source = src
    doc.fields["source"] = {"id": src["id"], "name": src["name"], "rule": rule,
                            "raw": raw, "span": list(span) if span else None}
    doc.fire(rule)


def detect(doc: Doc) -> None:
    """Set ``doc.source`` and the ``source`` field."""
    if doc.source_hint:
        src = by_name(doc.rules, doc.source_hint) or by_url(doc.rules, doc.source_hint)
        if src:
            _set(doc, src, f"source.{src['id']}.given", doc.source_hint)
            return
        doc.warn(f"source {doc.source_hint!r} is not in the rules")
    if doc.url:
        src = by_url(doc.rules, doc.url)
        if src:
            _set(doc, src, f"source.{src['id']}.url", doc.url)
            return
    lines = doc.ledger.lines
    n = len(lines)
    best: tuple[float, int, str] | None = None
    found: dict[str, tuple[str, str, tuple[int, int]]] = {}
    for sid, src in sorted(doc.rules.sources.items()):
        score = 0.0
        for rule in src.get("detect", []):
            where = rule.get("where", "any")
            rng = range(min(n, HEAD_LINES)) if where == "header" else \
                range(max(0, n - FOOT_LINES), n) if where == "footer" else range(n)
            for i in rng:
                m = rule["pattern"].search(lines[i].text)
                if m:
                    score += rule.get("weight", 1.0)
                    found.setdefault(sid, (f"source.{sid}.{rule['name']}", m.group(0),
                                           (lines[i].start + m.start(), lines[i].start + m.end())))
                    break
        if score:
            if src.get("kind") != "agency":
                score += 0.5  # the outlet that carries agency copy is the source, not the agency
            key = (score, -len(sid), sid)
            if best is None or key > best:
                best = key
    if best:
        sid = best[2]
        rule, raw, span = found[sid]
        _set(doc, doc.rules.sources[sid], rule, raw, span)
