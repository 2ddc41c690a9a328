"""Canonical places, organizations and agencies, from ``locale_rules/gazetteer/*.toml``.

Entries are tables in arrays named ``place``, ``organization`` and ``agency``::

    place = [{name = "Seoul", country = "KR", geonames_id = 1835848, kind = "city", population = 10349312,
              aliases = ["서울", "ソウル", "首尔", "首爾", "Сеул"]}]

Generated files (``scripts/build_gazetteer.py``) may hold places as ``places_tsv``, one tab-separated row
per place: name, country, geonames_id, kind, population, capital (1/0), aliases... (fast to parse).
Organizations may carry ``short`` names shared by many countries (``Defense Ministry``), resolved by
the country the text is about. ``abbreviations`` holds one-character CJK country forms (see entities);
``demonyms`` maps ``Japanese`` -> JP (never a place: it gives people and organizations a country).
``towns_tsv`` rows (name, country, geonames_id, population) are small towns, not places: ``towns()``
looks them up without accents, for a locative cue in a text about their country (see entities).

Lookups fold case, width and spacing, so ``SEOUL``, ``Ｓｅｏｕｌ`` and ``서울`` find the same entry.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from .rules import RuleError, Rules

PLACE_KEYS = ("name", "country", "geonames_id", "kind")
# Hand-kept places without a population rank above every generated city but below countries' own rank.
HAND_RANK = 50_000_000
# Generated first-level divisions without a population (US states): above foreign towns of the same name
# (``Virginia``, ZA; ``Florida``, CU) but below a large city (``Washington`` is D.C.).
DIVISION_RANK = 500_000


def fold(s: str) -> str:
    s = s.lower() if s.isascii() else unicodedata.normalize("NFKC", s).casefold().replace("’", "'")
    return " ".join(s.replace(".", ". ").split()).replace(". ", ".").strip(". ") if "." in s else " ".join(s.split())


def rank(e: dict) -> int:
    """How prominent a place is: its population; hand-kept places without one rank high."""
    pop = e.get("population")
    if pop is None:
        return HAND_RANK if e.get("kind") not in ("city",) else 0
    if not pop and e.get("kind") == "region":
        return DIVISION_RANK
    return int(pop)


def _tsv_places(text: str, file: str) -> Iterator[dict]:
    for n, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        row = line.split("\t")
        if len(row) < 6:
            raise RuleError(file, f"places_tsv[{n}]", "a row needs name, country, geonames_id, kind, population, capital")
        try:
            gid, pop = int(row[2]) if row[2] else None, int(row[4] or 0)
        except ValueError:
            raise RuleError(file, f"places_tsv[{n}]", "geonames_id and population must be integers") from None
        yield {"name": row[0], "country": row[1] or None, "geonames_id": gid, "kind": row[3] or "city",
               "population": pop, "capital": row[5] == "1", "aliases": row[6:]}


def places_of(data: dict, file: str = "") -> Iterator[dict]:
    """Every place entry of one gazetteer file (tables and TSV rows)."""
    for i, e in enumerate(data.get("place", []) or []):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str):
            raise RuleError(file, f"place[{i}]", "a place needs a string name")
        yield e
    if data.get("places_tsv"):
        yield from _tsv_places(str(data["places_tsv"]), file)


def _build(rules: Rules) -> dict:
    places: dict[str, list[dict]] = {}
    orgs: dict[str, list[dict]] = {}
    short: dict[str, list[dict]] = {}
    agencies: dict[str, dict] = {}
    all_places: list[dict] = []
    all_orgs: list[dict] = []
    abbrev: dict = {}
    demonyms: dict[str, str] = {}
    for key in sorted(rules.gazetteer):
        data = rules.gazetteer[key]
        for e in places_of(data, key):
            all_places.append(e)
            for n in [e["name"], *e.get("aliases", [])]:
                places.setdefault(fold(n), []).append(e)
        for e in data.get("organization", []):
            all_orgs.append(e)
            for n in [e["name"], *e.get("aliases", [])]:
                orgs.setdefault(fold(n), []).append(e)
            for n in e.get("short", []):
                short.setdefault(fold(n), []).append(e)
        for e in data.get("agency", []):
            for n in [e["name"], *e.get("aliases", [])]:
                agencies.setdefault(fold(n), e)
        if isinstance(data.get("abbreviations"), dict):
            abbrev.update(data["abbreviations"])
        if isinstance(data.get("demonyms"), dict):
            demonyms.update({str(k): str(v) for k, v in data["demonyms"].items()})
    for sid in sorted(rules.sources):
        src = rules.sources[sid]
        if src.get("kind") == "agency":
            e = {"name": src.get("agency") or src["name"], "country": src.get("country"), "source": sid}
            for n in [src["name"], src.get("agency") or "", *src.get("aliases", [])]:
                if n:
                    agencies.setdefault(fold(n), e)
    countries = {}
    for e in all_places:
        if e.get("kind") == "country" and e.get("country"):
            countries.setdefault(e["country"], e)
    for v in places.values():  # most prominent first: population, then name
        if len(v) > 1:
            v.sort(key=lambda e: (-rank(e), e["name"], e.get("geonames_id") or 0))
    for table in (orgs, short):
        for v in table.values():
            if len(v) > 1:
                v.sort(key=lambda e: (e["name"], e.get("country") or ""))
    return {"places": places, "orgs": orgs, "short_orgs": short, "agencies": agencies,
            "all_places": all_places, "all_orgs": all_orgs, "abbreviations": abbrev,
            "demonyms": demonyms, "countries": countries}


def index(rules: Rules) -> dict:
    return rules.view("gazetteer", _build)


def accent_fold(s: str) -> str:
    """``fold`` without accents: ``Pedrógão Grande`` and ``PEDROGAO GRANDE`` are one key."""
    f = fold(s)
    if f.isascii():
        return f
    return "".join(c for c in unicodedata.normalize("NFKD", f) if not unicodedata.combining(c))


def _build_towns(rules: Rules) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for key in sorted(rules.gazetteer):
        text = rules.gazetteer[key].get("towns_tsv")
        if not text:
            continue
        for n, line in enumerate(str(text).splitlines()):
            if not line.strip():
                continue
            row = line.split("\t")
            try:
                e = {"name": row[0], "country": row[1], "geonames_id": int(row[2]), "kind": "city",
                     "population": int(row[3])}
            except (IndexError, ValueError):
                raise RuleError(key, f"towns_tsv[{n}]", "a row needs name, country, geonames_id, population") from None
            out.setdefault(accent_fold(e["name"]), []).append(e)
    for v in out.values():
        if len(v) > 1:
            v.sort(key=lambda e: (-rank(e), e["name"], e["geonames_id"]))
    return out


def towns(rules: Rules) -> dict[str, list[dict]]:
    """Small towns by accent-folded name, most populous first (``towns_tsv``)."""
    return rules.view("gazetteer.towns", _build_towns)


def town_countries(rules: Rules) -> frozenset[str]:
    """The countries ``towns_tsv`` has towns of."""
    return rules.view("gazetteer.town_countries",
                      lambda r: frozenset(e["country"] for v in towns(r).values() for e in v))


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


def organization(rules: Rules, name: str, country: str | None = None) -> dict | None:
    """The organization for a name or alias; a shared short name (``Defense Ministry``) needs ``country``."""
    ix = index(rules)
    cands = ix["orgs"].get(fold(name)) or []
    if country:
        for e in cands + (ix["short_orgs"].get(fold(name)) or []):
            if e.get("country") == country:
                return e
    return cands[0] if cands else None


def agency(rules: Rules, name: str) -> dict | None:
    """The agency entry for a name or alias (``Yonhap``, ``연합뉴스``, ``新华社``, ``AP``)."""
    return index(rules)["agencies"].get(fold(name))
