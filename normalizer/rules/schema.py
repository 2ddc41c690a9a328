"""What a rule file may hold. Each key maps to a type; the loader rejects anything else.

Types: ``str``, ``int``, ``float``, ``bool``, ``"regex"`` (a string compiled to ``Rx``), ``"any"``,
``[T]`` (a list of T), ``{"*": T}`` (a table of any keys with values of T), a dict (a table with
exactly these keys), or ``Required(T)``. Stages extend these tables with the keys they read.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Required:
    type: Any


# A named pattern: the name is the rule id recorded in the output.
PATTERN = {"name": Required(str), "pattern": Required("regex"), "ignore_case": bool, "note": str}

BOILERPLATE_RULE = {**PATTERN, "kind": Required(str), "language": str, "whole_line": bool, "keywords": [str]}
HEADER_RULE = {**PATTERN, "field": Required(str), "timezone": str, "order": str}
DATELINE_RULE = {**PATTERN, "agency": str, "place": str, "where": str, "country": str, "known_place": bool}
EXAMPLE = {"name": str, "text": Required(str), "source": str, "url": str, "reference_date": str,
           "expect": Required({"*": "any"})}

LOCALE: dict[str, Any] = {
    "locale": Required({"code": Required(str), "name": str, "scripts": [str], "languages": [str],
                        "note": str}),
    "dates": {
        "published_labels": [str], "modified_labels": [str], "labels_ignore_case": bool,
        "date_patterns": [HEADER_RULE], "relative": {"*": "any"}, "not_publication": [str],
        "dateparser_languages": [str], "order": str, "am": [str], "pm": [str],
        "published_suffixes": [str], "modified_suffixes": [str], "home_timezone": str, "event_words": [str],
        "phrase_event_words": [str], "solar_hijri_months": {"*": int}, "fact_labels": [str],
    },
    "timezones": {"*": str},
    "boilerplate": {"rules": [BOILERPLATE_RULE], "section_starts": [BOILERPLATE_RULE],
                    "words": {"*": [str]}},
    "datelines": {"rules": [DATELINE_RULE]},
    "names": {"honorifics": [str], "titles": {"*": "any"}, "reporter_words": [str],
              "byline_patterns": [PATTERN]},
    "examples": [EXAMPLE],
}

SOURCE: dict[str, Any] = {
    "id": Required(str),
    "name": Required(str),
    "aliases": [str],
    "kind": str,                  # outlet | agency | portal
    "country": str,
    "languages": [str],
    "timezone": str,              # IANA zone, e.g. Asia/Seoul
    "domains": [str],
    "agency": str,                # the canonical agency name as written in datelines (agencies)
    "detect": [{**PATTERN, "where": str, "weight": float, "keywords": [str]}],
    "headers": [HEADER_RULE],
    "datelines": [DATELINE_RULE],
    "boilerplate": [BOILERPLATE_RULE],
    "bylines": [PATTERN],
    "examples": [EXAMPLE],
    "note": str,
}

# Gazetteer files: free-form tables of entries, validated by the gazetteer stage when it compiles them.
GAZETTEER: dict[str, Any] = {"*": "any"}
