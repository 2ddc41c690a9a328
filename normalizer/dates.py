"""Publication and modification times from header lines, with the time zone.

Rules are data: a source's ``[[headers]]`` and every locale's ``[[dates.date_patterns]]`` are named
patterns whose groups say what they caught: ``y m d`` (``m`` a number or a month word), ``H M S``,
``ampm``, ``tz`` (an abbreviation, a zone name or an offset). ``field`` is ``published`` or
``modified``. Zones: a written offset wins; an abbreviation is resolved by the source's locale, then
the article's, then ``und``; otherwise the source's home zone, with a rule name that says it was
inferred. A day with no time stays a bare day.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from .doc import Doc
from .lines import Line

HEAD_LINES = 60  # header lines are near the top; a page's footer time is not the article's
_OFFSET = regex.compile(r"^(?:UTC|GMT)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$")


def month_number(word: str, doc: Doc) -> int | None:
    """A month written as a number or a word of any locale (babel CLDR names, loaded once)."""
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    from .datewords import month_lookup
    return month_lookup().get(word.casefold().rstrip("."))


def zone_for(abbr: str, doc: Doc) -> tuple[dt.tzinfo | None, str]:
    """Resolve a zone abbreviation, name or offset in the context of the source and the article."""
    a = abbr.strip()
    m = _OFFSET.match(a)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        delta = dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return dt.timezone(sign * delta), "offset"
    langs = list((doc.source or {}).get("languages", [])) + [doc.language or "", "und"]
    for lang in langs:
        tz = doc.rules.locale(lang).get("timezones", {}).get(a) if lang else None
        if tz:
            z = _zone(tz)
            if z is not None:
                return z, f"tz.{lang}.{a}"
    z = _zone(a) if "/" in a else None
    return (z, "tz.iana") if z else (None, "")


def _zone(name: str) -> dt.tzinfo | None:
    m = _OFFSET.match(name)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _home_zone(doc: Doc) -> dt.tzinfo | None:
    tz = doc.timezone
    return _zone(tz) if tz else None


def to_value(doc: Doc, g: dict, raw: str, span: tuple[int, int], rule: str) -> dict | None:
    """A record field from the groups of a match, or None when they do not make a valid date."""
    try:
        y, d = int(g["y"]), int(g["d"])
    except (KeyError, TypeError, ValueError):
        return None
    mo = month_number(str(g.get("m") or ""), doc)
    if mo is None or y < 100:
        y = y + 2000 if y < 100 else y
    if mo is None:
        return None
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    out = {"value": day.isoformat(), "utc": None, "raw": raw, "rule": rule, "span": list(span)}
    if not g.get("H"):
        return out
    try:
        hh, mm, ss = int(g["H"]), int(g.get("M") or 0), int(g.get("S") or 0)
        ampm = (g.get("ampm") or "").casefold().replace(".", "")
        if ampm in {"pm", "오후", "午後", "下午"} and hh < 12:
            hh += 12
        elif ampm in {"am", "오전", "午前", "上午"} and hh == 12:
            hh = 0
        local = dt.datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return out
    tzinfo, how = (None, "")
    if g.get("tz"):
        tzinfo, how = zone_for(g["tz"], doc)
    if tzinfo is None:
        tzinfo = _home_zone(doc)
        if tzinfo is not None:
            how = "inferred"
            out["rule"] = f"{rule}+zone.inferred.{doc.source['id']}"
    if tzinfo is None:
        out["value"] = local.isoformat()
        return out
    aware = local.replace(tzinfo=tzinfo)
    out["value"] = aware.isoformat()
    out["utc"] = aware.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out["zone_rule"] = how
    return out


def _rules(doc: Doc) -> list[dict]:
    src = (doc.source or {}).get("headers", [])
    out = [(f"source.{doc.source['id']}.{r['name']}", r) for r in src] if src else []
    for code in dict.fromkeys([doc.language or "", (doc.language or "").split("-")[0], "und"]):
        if code:
            for r in doc.rules.locale(code).get("dates", {}).get("date_patterns", []) \
                    if code in doc.rules.locales else []:
                out.append((f"dates.{code}.{r['name']}", r))
    return out


def extract(doc: Doc) -> None:
    """Find ``published``/``modified`` in header lines and place those lines in the ledger."""
    rules = _rules(doc)
    lines: list[Line] = [ln for ln in doc.ledger.lines[:HEAD_LINES] if ln.role is None]
    # A short page's trailing lines may hold the time too (wire copy ends with a stamp).
    for ln in lines:
        if len(ln.text) > 200:
            continue
        for name, r in rules:
            for m in r["pattern"].finditer(ln.text):
                field = r["field"]
                if field in doc.fields:
                    continue
                g = {k: v for k, v in m.groupdict().items() if v}
                val = to_value(doc, g, m.group(0).strip(), (ln.start + m.start(), ln.start + m.end()), name)
                if val:
                    doc.fields[field] = val
                    doc.fire(name)
                    doc.ledger.claim(ln.index, "header", field, name)
