"""The output record (schema ``news-normalizer/1``) and the evidence every field carries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SCHEMA = "news-normalizer/1"

BOILERPLATE_KINDS = ("navigation", "share", "related", "copyright", "license", "contact", "notice", "ad", "other")

# Every key of the record, in output order; a field the text does not fill is None or [].
FIELDS: dict[str, Any] = {
    "schema": SCHEMA,
    "input": None,
    "ok": True,
    "error": None,
    "title": None,
    "language": None,
    "published": None,
    "modified": None,
    "dateline": None,
    "source": None,
    "authors": list,
    "body": "",
    "paragraphs": list,
    "duplicates": list,
    "boilerplate": list,
    "people": list,
    "places": list,
    "organizations": list,
    "repairs": list,
    "rules_fired": list,
    "warnings": list,
    "evidence": dict,
    "lines": list,
}


@dataclass(frozen=True)
class Evidence:
    """Why a field holds its value: the raw text, its [start, end) span in the decoded text, the rule."""

    raw: str
    span: tuple[int, int]
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {"raw": self.raw, "span": [self.span[0], self.span[1]], "rule": self.rule}


def empty_record(input_id: str | None = None) -> dict[str, Any]:
    """A record with every field present and empty."""
    rec: dict[str, Any] = {}
    for key, default in FIELDS.items():
        rec[key] = default() if callable(default) else default
    rec["input"] = input_id
    return rec


def error_record(input_id: str | None, err_type: str, message: str) -> dict[str, Any]:
    """The record of an input that could not be processed: ``ok`` false and an error saying why."""
    rec = empty_record(input_id)
    rec["ok"] = False
    rec["error"] = {"type": err_type, "message": message}
    return rec


def build(doc: Any, input_id: str | None) -> dict[str, Any]:
    """Turn a finished ``Doc`` into the output record. Fields keep the order of ``FIELDS``."""
    f = doc.fields
    rec = empty_record(input_id)
    t = f.get("title")
    rec["title"] = t["text"] if t else None
    if doc.language:
        rec["language"] = {"code": doc.language, "confidence": round(doc.language_confidence, 3),
                           "rule": f.get("language_rule")}
    rec["published"] = f.get("published")
    rec["modified"] = f.get("modified")
    rec["dateline"] = f.get("dateline")
    rec["source"] = f.get("source")
    rec["authors"] = f.get("authors", [])
    paras = f.get("paragraphs", [])
    rec["paragraphs"] = [p["text"] for p in paras]
    rec["body"] = "\n\n".join(rec["paragraphs"])
    rec["duplicates"] = f.get("duplicates", [])
    rec["boilerplate"] = f.get("boilerplate", [])
    rec["people"] = f.get("people", [])
    rec["places"] = f.get("places", [])
    rec["organizations"] = f.get("organizations", [])
    rec["repairs"] = doc.repairs
    rec["rules_fired"] = doc.fired
    rec["warnings"] = doc.warnings
    # Evidence for the plain-string fields, and where every line went (the ledger).
    rec["evidence"] = {
        "title": ({"raw": t["text"], "span": list(t["span"]), "rule": t["rule"]} if t else None),
        "paragraphs": [{"spans": list(map(list, p["spans"])), "rule": p.get("rule", "body")} for p in paras],
    }
    rec["lines"] = [[ln.start, ln.end, ln.role, ln.field or ln.rule] for ln in doc.ledger.lines]
    return rec
