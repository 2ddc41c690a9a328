"""Run the ``[[examples]]`` a rule file carries, so each source and locale file holds its own test cases.

An example is a short text with optional ``source``, ``url`` and ``reference_date``, and ``expect``: record
paths (``source.id``, ``dateline.agency``, ``dateline.place.name``, ``published.value``, ``authors.0.name``)
mapped to the value wanted; the string ``"null"`` means None.
"""
from __future__ import annotations

from typing import Any

_MISSING = object()


def lookup(rec: Any, path: str) -> Any:
    """The value at a dotted path of a record (list items by index), or ``_MISSING``."""
    cur = rec
    for key in path.split("."):
        if isinstance(cur, dict):
            if key not in cur:
                return None if cur is not None else _MISSING
            cur = cur[key]
        elif isinstance(cur, list) and key.lstrip("-").isdigit():
            i = int(key)
            if not -len(cur) <= i < len(cur):
                return None
            cur = cur[i]
        elif cur is None:
            return None
        else:
            return _MISSING
    return cur


def _same(got: Any, want: Any) -> bool:
    if want == "null":
        return got is None
    if isinstance(want, str) and not isinstance(got, str):
        return False
    return got == want


def check_example(norm, ex: dict, where: str) -> list[str]:
    """Failure strings for one example (empty when every expectation holds)."""
    rec = norm.normalize(ex["text"], source=ex.get("source"), url=ex.get("url"),
                         reference_date=ex.get("reference_date"), input_id=where)
    out = []
    if not rec.get("ok"):
        return [f"{where}: record not ok: {rec.get('error')}"]
    for path, want in sorted(ex["expect"].items()):
        got = lookup(rec, path)
        if got is _MISSING or not _same(got, want):
            out.append(f"{where}: {path}: want {want!r}, got {None if got is _MISSING else got!r}")
    return out


def iter_examples(rules) -> list[tuple[str, dict]]:
    """Every example of every source and locale file, named ``sources/<id>#<n> <name>``."""
    out = []
    for sid in sorted(rules.sources):
        for i, ex in enumerate(rules.sources[sid].get("examples", [])):
            out.append((f"sources/{sid}#{i} {ex.get('name', '')}".rstrip(), ex))
    for code in sorted(rules.locales):
        for i, ex in enumerate(rules.locales[code].get("examples", [])):
            out.append((f"locales/{code}#{i} {ex.get('name', '')}".rstrip(), ex))
    return out


def run_examples(norm) -> list[str]:
    """Run every example through ``norm``; return the failures (empty when all pass)."""
    failures = []
    for where, ex in iter_examples(norm.rules):
        try:
            failures += check_example(norm, ex, where)
        except Exception as e:  # a broken example must not hide the others
            failures.append(f"{where}: {type(e).__name__}: {e}")
    return failures
