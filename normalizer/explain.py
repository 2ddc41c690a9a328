"""``newsnorm explain``: each line with the place it went and the rule, then each field with its evidence."""
from __future__ import annotations

import json

_FIELD_KEYS = ("published", "modified", "dateline", "source")


def explain(rec: dict, data: bytes | str) -> str:
    out = [f"# {rec.get('input')}  ok={rec.get('ok')}"]
    if not rec.get("ok"):
        out.append(f"error: {rec.get('error')}")
        return "\n".join(out) + "\n"
    from .decode import decode
    text = decode(data).text
    out.append("")
    out.append("## lines: [span] role/how: text")
    for start, end, role, how in rec.get("lines", []):
        snippet = text[start:end]
        snippet = snippet if len(snippet) <= 90 else snippet[:87] + "..."
        out.append(f"[{start:>6},{end:>6}) {role:<11} {how or '':<34} {snippet}")
    out.append("")
    out.append("## fields")
    ev = rec.get("evidence") or {}
    out.append(f"title: {rec.get('title')!r}  <- {(ev.get('title') or {}).get('rule')}")
    lang = rec.get("language") or {}
    out.append(f"language: {lang.get('code')} ({lang.get('confidence')})  <- {lang.get('rule')}")
    for k in _FIELD_KEYS:
        v = rec.get(k)
        if v is None:
            out.append(f"{k}: null")
        else:
            shown = {x: y for x, y in v.items() if x not in ("rule", "span", "raw")}
            out.append(f"{k}: {json.dumps(shown, ensure_ascii=False)}")
            out.append(f"    raw {v.get('raw')!r} span {v.get('span')} <- {v.get('rule')}")
    for k in ("authors", "people", "places", "organizations"):
        items = rec.get(k) or []
        out.append(f"{k}: " + ", ".join(str(i.get("name")) for i in items))
    out.append(f"paragraphs: {len(rec.get('paragraphs') or [])}  duplicates: {len(rec.get('duplicates') or [])}"
               f"  boilerplate entries: {len(rec.get('boilerplate') or [])}")
    for b in rec.get("boilerplate") or []:
        out.append(f"    {b['kind']:<10} {b['language']:<7} {b.get('rule', ''):<32} {b['text'][:70]}")
    for r in rec.get("repairs") or []:
        out.append(f"repair: {r.get('kind')} at {r.get('span')} <- {r.get('rule', r.get('step'))}")
    out.append("rules fired: " + ", ".join(rec.get("rules_fired") or []))
    for w in rec.get("warnings") or []:
        out.append(f"warning: {w}")
    return "\n".join(out) + "\n"
