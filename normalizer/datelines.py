"""Datelines: where and when the story was filed, and by which agency.

Shapes are locale and source data (``[[datelines.rules]]``, ``[[datelines]]``). Groups: ``place``,
``m``/``d``/``y`` for the date, ``agency``, ``reporter``. A dateline is looked for at the start of the
first body lines, and as a line of its own anywhere (an agency credit at the end of the article).
"""
from __future__ import annotations

import datetime as dt

from . import gazetteer
from .dates import month_number
from .doc import Doc

FIRST_LINES = 4  # a leading dateline sits in one of the first free lines


def _rules(doc: Doc) -> list[tuple[str, dict]]:
    out = []
    if doc.source:
        out += [(f"source.{doc.source['id']}.{r['name']}", r) for r in doc.source.get("datelines", [])]
    codes = [doc.language or "", (doc.language or "").split("-")[0]] + sorted(doc.rules.locales)
    for code in dict.fromkeys(c for c in codes if c in doc.rules.locales):
        out += [(f"datelines.{code}.{r['name']}", r) for r in doc.rules.locales[code].get("datelines", {}).get("rules", [])]
    return out


def _year(doc: Doc) -> int | None:
    pub = doc.fields.get("published")
    if pub and pub.get("value", "")[:4].isdigit():
        return int(pub["value"][:4])
    if doc.reference_date:
        return doc.reference_date.year
    return None


def _date(doc: Doc, g: dict) -> str | None:
    if not g.get("d") or not g.get("m"):
        return None
    mo = month_number(g["m"], doc)
    if not mo:
        return None
    d = int(g["d"])
    y = int(g["y"]) if g.get("y") else _year(doc)
    if y:
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    return f"--{mo:02d}-{d:02d}" if 1 <= d <= 31 else None


def _agency(doc: Doc, name: str | None, rule: dict) -> str | None:
    if rule.get("agency"):
        return rule["agency"]
    if not name:
        return None
    e = gazetteer.agency(doc.rules, name)
    return e["name"] if e else name.strip()


def extract(doc: Doc) -> None:
    """Set the ``dateline`` field; a dateline standing alone on its line places that line as a header."""
    rules = _rules(doc)
    free = [ln for ln in doc.ledger.lines if ln.role is None]
    candidates = [(ln, False) for ln in free[:FIRST_LINES]] + [(ln, True) for ln in free[FIRST_LINES:]]
    for ln, must_be_whole in candidates:
        for name, r in rules:
            m = r["pattern"].match(ln.text)
            if not m:
                continue
            whole = m.end() >= len(ln.text.rstrip(" -—–="))
            if must_be_whole and not whole:
                continue
            g = {k: v for k, v in m.groupdict().items() if v}
            raw = m.group(0).strip()
            p = gazetteer.place(doc.rules, r.get("place") or g.get("place", "")) if (r.get("place") or g.get("place")) else None
            place = gazetteer.place_record(p) if p else (
                {"name": g["place"].strip().title(), "country": None, "geonames_id": None, "kind": None}
                if g.get("place") else None)
            lead = len(m.group(0)) - len(m.group(0).lstrip())
            doc.fields["dateline"] = {
                "raw": raw, "place": place, "date": _date(doc, g), "agency": _agency(doc, g.get("agency"), r),
                "rule": name, "span": [ln.start + m.start() + lead, ln.start + m.start() + lead + len(raw)],
            }
            if g.get("reporter"):
                doc.fields.setdefault("authors", []).append(
                    {"name": g["reporter"].strip(), "raw": g["reporter"], "rule": name,
                     "span": [ln.start + m.start("reporter"), ln.start + m.end("reporter")]})
            doc.fire(name)
            if whole:
                doc.ledger.claim(ln.index, "header", "dateline", name)
            return
