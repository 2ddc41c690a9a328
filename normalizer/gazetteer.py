"""Canonical places, organizations and agencies, from ``locale_rules/gazetteer/*.toml``.

Entries are tables in arrays named ``place``, ``organization`` and ``agency``::

    [[place]]
    name = "Seoul"; country = "KR"; geonames_id = 1835848; kind = "city"; population = 10349312
    aliases = ["서울", "ソウル", "首尔", "首爾", "Сеул"]

Lookups fold case, width and spacing, so ``SEOUL``, ``Ｓｅｏｕｌ`` and ``서울`` find the same entry.
"""
from __future__ import annotations

import unicodedata

from .rules import Rules

PLACE_KEYS = ("name", "country", "geonames_id", "kind")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold().replace("’", "'")
    return " ".join(s.replace(".", ". ").split()).replace(". ", ".").strip(". ") if "." in s else " ".join(s.split())


def _build(rules: Rules) -> dict:
    places: dict[str, list[dict]] = {}
    orgs: dict[str, list[dict]] = {}
    agencies: dict[str, dict] = {}
    for key in sorted(rules.gazetteer):
        data = rules.gazetteer[key]
        for e in data.get("place", []):
            for n in [e["name"], *e.get("aliases", [])]:
                places.setdefault(fold(n), []).append(e)
        for e in data.get("organization", []):
            for n in [e["name"], *e.get("aliases", [])]:
                orgs.setdefault(fold(n), []).append(e)
        for e in data.get("agency", []):
            for n in [e["name"], *e.get("aliases", [])]:
                agencies.setdefault(fold(n), e)
    for sid in sorted(rules.sources):
        src = rules.sources[sid]
        if src.get("kind") == "agency":
            e = {"name": src.get("agency") or src["name"], "country": src.get("country"), "source": sid}
            for n in [src["name"], src.get("agency") or "", *src.get("aliases", [])]:
                if n:
                    agencies.setdefault(fold(n), e)
    for table in (places, orgs):  # most prominent first: population, then name
        for v in table.values():
            v.sort(key=lambda e: (-(e.get("population") or 0), e["name"]))
    return {"places": places, "orgs": orgs, "agencies": agencies}


def index(rules: Rules) -> dict:
    return rules.view("gazetteer", _build)


def place(rules: Rules, name: str, country: str | None = None) -> dict | None:
    """The canonical place for a name in any script; ``country`` prefers a place in that country."""
    cands = index(rules)["places"].get(fold(name))
    if not cands:
        return None
    if country:
        for e in cands:
            if e.get("country") == country:
                return e
    return cands[0]


def place_record(e: dict) -> dict:
    return {k: e.get(k) for k in PLACE_KEYS}


def agency(rules: Rules, name: str) -> dict | None:
    """The agency entry for a name or alias (``Yonhap``, ``연합뉴스``, ``新华社``, ``AP``)."""
    return index(rules)["agencies"].get(fold(name))
