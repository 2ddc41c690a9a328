"""Time zones of written times: offsets, IANA names, abbreviations by locale and source, home zones.

A written offset or zone name wins. An abbreviation is resolved by the source's languages, then the
article's language, then ``und`` (so CST is +08:00 in a Chinese source and -06:00 in a US one). With no
zone written, the source's home zone (its ``timezone``), else the locale's ``home_timezone`` (ja, ko, zh:
one zone for nearly all their news) is used, and the rule name says it was inferred.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from .doc import Doc

_OFFSET = regex.compile(r"^(?:UTC|GMT)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$")


@lru_cache(maxsize=512)
def zone(name: str) -> dt.tzinfo | None:
    """An offset (``+09:00``, ``UTC+8``) or an IANA name as a tzinfo, or None."""
    m = _OFFSET.match(name.strip())
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        h, mi = int(m.group(2)), int(m.group(3) or 0)
        if h > 14 or mi > 59:
            return None
        return dt.timezone(sign * dt.timedelta(hours=h, minutes=mi))
    if name in ("UTC", "GMT", "Z"):
        return dt.timezone.utc
    if "/" not in name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _langs(doc: Doc) -> list[str]:
    out: list[str] = []
    for code in list((doc.source or {}).get("languages", [])) + [doc.language or ""]:
        for c in (code, code.split("-")[0]):
            if c and c not in out and c in doc.rules.locales:
                out.append(c)
    return out + ["und"]


def zone_for(abbr: str, doc: Doc) -> tuple[dt.tzinfo | None, str]:
    """Resolve a zone abbreviation, name or offset in the context of the source and the article.

    A locale may qualify an abbreviation by the source's country (``"IST@IE" = "Europe/Dublin"``)."""
    a = abbr.strip().strip("()")
    if a[:1] in "+-−" or a[:3] in ("UTC", "GMT") or "/" in a:
        z = zone(a)
        if z is not None:
            return z, "offset" if "/" not in a else "tz.iana"
    country = (doc.source or {}).get("country")
    for lang in _langs(doc):
        tzs = doc.rules.locales[lang].get("timezones", {})
        tz = (tzs.get(f"{a}@{country}") if country else None) or tzs.get(a)
        if tz:
            z = zone(tz)
            if z is not None:
                return z, f"tz.{lang}.{a}"
    return None, ""


def home_zone(doc: Doc) -> tuple[dt.tzinfo | None, str]:
    """The zone a local time with no zone is read in: the source's, else the locale's, else none."""
    if doc.source and doc.source.get("timezone"):
        z = zone(doc.source["timezone"])
        if z is not None:
            return z, f"zone.inferred.{doc.source['id']}"
    for code in dict.fromkeys([doc.language or "", (doc.language or "").split("-")[0]]):
        if code and code in doc.rules.locales:
            tz = doc.rules.locales[code].get("dates", {}).get("home_timezone")
            if tz and zone(tz) is not None:
                return zone(tz), f"zone.inferred.locale.{code}"
    return None, ""
