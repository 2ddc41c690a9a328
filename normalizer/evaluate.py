"""``python -m normalizer.evaluate DIR``: run the pipeline over a gold corpus and print per-field figures.

Layouts (those of ``shared/corpus``): a folder of ``NNN.txt`` + ``NNN.json`` gold files (wire, pages,
extraction, reuters), or a dates folder (``gold.jsonl`` beside ``page/`` and ``main/``; pass the
``page`` or ``main`` folder). Figures follow the corpus README's scoring: names folded for case, width,
accents, spaces, hyphens, dots and apostrophes. ``--by-language`` splits every figure by gold language.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from . import Normalizer

_FOLD_DROP = re.compile(r"[\s\-‐‑–—'’.]+")


def fold(s) -> str:
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(s or "")).casefold())
    s = unicodedata.normalize("NFC", re.sub(r"[\u0300-\u036f]", "", s))
    return _FOLD_DROP.sub("", s)


def _day(v):
    return v[:10] if isinstance(v, str) and re.match(r"\d{4}-\d\d-\d\d", v) else None


def _instant(v):
    if not isinstance(v, str):
        return None
    try:
        t = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return _day(v)
    if len(v) <= 10:
        return v
    return t.astimezone(dt.timezone.utc) if t.tzinfo else t.isoformat()


def _get(r, *keys):
    for k in keys:
        if not isinstance(r, dict):
            return None
        r = r.get(k)
    return r


def _match(pred, golds):
    found, fp = set(), 0
    for name, mentions in pred:
        names = {fold(name)} | {fold(m) for m in (mentions or []) if isinstance(m, str)}
        new = [i for i, g in enumerate(golds) if names & g and i not in found]
        if new:
            found.add(new[0])
        else:
            fp += 1
    return len(found), fp, len(golds) - len(found)


def _f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


class Tally:
    def __init__(self):
        self.c = defaultdict(int)

    def add(self, k, v=1):
        self.c[k] += v

    def figures(self) -> dict:
        c = self.c
        ratio = lambda a, b: c[a] / c[b] if c[b] else None  # noqa: E731
        figs = {
            "cases": c["n"],
            "ok_records": c["ok"],
            "language_accuracy": ratio("lang_ok", "lang_n"),
            "title_accuracy": ratio("title_ok", "title_n"),
            "dateline_f1": _f1(c["dl_tp"], c["dl_fp"], c["dl_fn"]) if c["dl_n"] else None,
            "dateline_false_positives": c["dl_fp"] if c["dl_n"] else None,
            "dateline_place_accuracy": ratio("dl_place_ok", "dl_tp"),
            "dateline_country_accuracy": ratio("dl_country_ok", "dl_tp"),
            "dateline_agency_accuracy": ratio("dl_agency_ok", "dl_agency_n"),
            "dateline_date_accuracy": ratio("dl_date_ok", "dl_date_n"),
            "published_accuracy": ratio("pub_ok", "pub_n"),
            "published_false_positives": c["pub_fp"] if c["pub_any"] else None,
            "modified_accuracy": ratio("mod_ok", "mod_n"),
            "people_f1": _f1(c["per_tp"], c["per_fp"], c["per_fn"]) if c["per_n"] else None,
            "places_f1": _f1(c["pl_tp"], c["pl_fp"], c["pl_fn"]) if c["pl_n"] else None,
            "boilerplate_line_f1": _f1(c["bp_tp"], c["bp_fp"], c["bp_fn"]) if c["bp_n"] else None,
            "body_line_precision": (c["body_tp"] / (c["body_tp"] + c["body_fp"])) if c["body_tp"] + c["body_fp"] else None,
            "body_line_recall": (c["body_tp"] / (c["body_tp"] + c["body_fn"])) if c["body_tp"] + c["body_fn"] else None,
            "body_line_f1": _f1(c["body_tp"], c["body_fp"], c["body_fn"]) if c["body_n"] else None,
            "source_accuracy": ratio("src_ok", "src_n"),
            "boilerplate_kind_recall": ratio("bk_ok", "bk_n"),
            "dates_answered": c["d_answered"] if c["d_n"] else None,
            "dates_precision": (c["d_ok"] / c["d_answered"] if c["d_answered"] else 0.0) if c["d_n"] else None,
            "dates_recall": (c["d_ok"] / c["d_n"]) if c["d_n"] else None,
        }
        return {k: v for k, v in figs.items() if v is not None}


def score_gold(r: dict, g: dict, text: str, t: Tally, misses: list | None = None, name: str = "") -> None:
    """Add one record's comparison with its gold to the tally (the rules of shared/corpus/README.md)."""
    t.add("n")
    t.add("ok", bool(r.get("ok")))
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]

    def miss(field, want, got):
        if misses is not None:
            misses.append((name, field, want, got))

    if "language" in g:
        t.add("lang_n")
        code, gc = (_get(r, "language", "code") or "").lower(), str(g["language"]).lower()
        ok = code == gc if gc.startswith("zh-") else code.split("-")[0] == gc.split("-")[0]
        t.add("lang_ok", ok)
        if not ok:
            miss("language", gc, code)
    if g.get("title"):
        t.add("title_n")
        ok = fold(r.get("title")) == fold(g["title"])
        t.add("title_ok", ok)
        if not ok:
            miss("title", g["title"], r.get("title"))
    if "dateline" in g:
        t.add("dl_n")
        gd, rd = g.get("dateline"), r.get("dateline")
        if gd and rd:
            t.add("dl_tp")
            names = {fold(x) for x in [gd.get("place_en")] + list(gd.get("place_aliases") or [])}
            ok = fold(_get(rd, "place", "name")) in names
            t.add("dl_place_ok", ok)
            if not ok:
                miss("dateline.place", gd.get("place_en"), _get(rd, "place", "name"))
            ok = (_get(rd, "place", "country") or "").upper() == (gd.get("country") or "").upper()
            t.add("dl_country_ok", ok)
            if not ok:
                miss("dateline.country", gd.get("country"), _get(rd, "place", "country"))
            if gd.get("agency"):
                t.add("dl_agency_n")
                ok = fold(rd.get("agency")) == fold(gd["agency"])
                t.add("dl_agency_ok", ok)
                if not ok:
                    miss("dateline.agency", gd["agency"], rd.get("agency"))
            if gd.get("date"):
                t.add("dl_date_n")
                ok = rd.get("date") in (gd["date"], gd.get("date_full"))
                t.add("dl_date_ok", ok)
                if not ok:
                    miss("dateline.date", gd["date"], rd.get("date"))
        elif gd:
            t.add("dl_fn")
            miss("dateline", gd.get("raw"), None)
        elif rd:
            t.add("dl_fp")
            miss("dateline", None, rd.get("raw"))
    for field, pre in (("published", "pub"), ("modified", "mod")):
        if field in g:
            t.add("pub_any")
            gv, rv = g.get(field), _get(r, field, "value")
            if gv:
                t.add(f"{pre}_n")
                gi, ri = _instant(gv), _instant(rv)
                ok = gi is not None and (ri == gi or (isinstance(gi, str) and _day(rv) == gi))
                t.add(f"{pre}_ok", ok)
                if not ok:
                    miss(field, gv, rv)
            elif rv:
                t.add(f"{pre}_fp")
                miss(field, None, rv)
    if "persons" in g:
        t.add("per_n")
        golds = [{fold(x)} for x in g.get("persons") or []]
        tp, fp, fn = _match([(p.get("name"), p.get("mentions")) for p in r.get("people") or []], golds)
        t.add("per_tp", tp), t.add("per_fp", fp), t.add("per_fn", fn)
        if fp or fn:
            miss("people", g.get("persons"), [p.get("name") for p in r.get("people") or []])
    if "places" in g:
        t.add("pl_n")
        golds = [{fold(x) for x in [p["en"]] + list(p.get("aliases") or [])} for p in g.get("places") or []]
        tp, fp, fn = _match([(p.get("name"), p.get("mentions")) for p in r.get("places") or []], golds)
        t.add("pl_tp", tp), t.add("pl_fp", fp), t.add("pl_fn", fn)
        if fp or fn:
            miss("places", [p["en"] for p in g.get("places") or []], [p.get("name") for p in r.get("places") or []])
    if "boilerplate_lines" in g:
        t.add("bp_n")
        gb = {x.strip() for x in g.get("boilerplate_lines") or [] if x.strip()}
        rb = set()
        for b in r.get("boilerplate") or []:
            rb.update(x.strip() for x in str(b.get("text") or "").splitlines() if x.strip())
        rb &= set(lines)
        t.add("bp_tp", len(gb & rb)), t.add("bp_fp", len(rb - gb)), t.add("bp_fn", len(gb - rb))
        if gb ^ rb:
            miss("boilerplate_lines", sorted(gb - rb)[:5], sorted(rb - gb)[:5])
    if "source" in g:
        t.add("src_n")
        gs = g.get("source")
        if gs:
            names = {fold(x) for x in [gs.get("name")] + list(gs.get("aliases") or [])}
            ok = fold(_get(r, "source", "name")) in names
        else:
            ok = not _get(r, "source", "name")
        t.add("src_ok", ok)
        if not ok:
            miss("source", gs and gs.get("name"), _get(r, "source", "name"))
    if "boilerplate_kinds" in g:
        entries = [(fold(b.get("text")), b.get("kind")) for b in r.get("boilerplate") or []]
        for kind, kl in (g.get("boilerplate_kinds") or {}).items():
            for line in kl:
                t.add("bk_n")
                ok = any(fold(line) in tx and k == kind for tx, k in entries)
                t.add("bk_ok", ok)
                if not ok:
                    miss(f"boilerplate_kind.{kind}", line, None)
    if "body_lines" in g:
        t.add("body_n")
        gbody = {fold(x) for x in g.get("body_lines") or [] if x.strip()}
        rbody = set()
        for para in r.get("paragraphs") or []:
            rbody.update(fold(x) for x in str(para).splitlines() if x.strip())
        rbody &= {fold(x) for x in lines}
        t.add("body_tp", len(gbody & rbody)), t.add("body_fp", len(rbody - gbody)), t.add("body_fn", len(gbody - rbody))


def _dates_layout(folder: Path) -> Path | None:
    for cand in (folder / "gold.jsonl", folder.parent / "gold.jsonl"):
        if cand.is_file():
            return cand
    return None


def evaluate(folder: Path, norm: Normalizer, by_language: bool = False, misses: list | None = None,
             limit: int | None = None) -> dict:
    t0 = time.perf_counter()
    total, groups = Tally(), defaultdict(Tally)
    gold_jsonl = _dates_layout(folder)
    n_docs = 0
    if gold_jsonl is not None and not list(folder.glob("*.json")):
        if (folder / "page").is_dir() and not list(folder.glob("*.txt")):
            folder = folder / "page"
        for line in open(gold_jsonl, encoding="utf-8"):
            g = json.loads(line)
            p = folder / g["file"]
            if not p.is_file():
                continue
            r = norm.normalize(p.read_bytes(), input_id=str(p))
            n_docs += 1
            total.add("n"), total.add("ok", bool(r.get("ok"))), total.add("d_n")
            d = _day(_get(r, "published", "value"))
            if d:
                total.add("d_answered")
                total.add("d_ok", d == g["date"])
            if misses is not None and d != g["date"]:
                misses.append((g["file"], "published", g["date"], _get(r, "published", "value")))
            if limit and n_docs >= limit:
                break
    else:
        for gp in sorted(folder.glob("*.json")):
            tp = gp.with_suffix(".txt")
            if not tp.is_file():
                continue
            g = json.loads(gp.read_text(encoding="utf-8"))
            data = tp.read_bytes()
            r = norm.normalize(data, input_id=str(tp))
            text = data.decode("utf-8", errors="replace")
            score_gold(r, g, text, total, misses, tp.name)
            if by_language:
                score_gold(r, g, text, groups[str(g.get("language", "?"))])
            n_docs += 1
            if limit and n_docs >= limit:
                break
    secs = time.perf_counter() - t0
    out = {"folder": str(folder), "figures": total.figures(), "seconds": round(secs, 2),
           "docs_per_s": round(n_docs / secs, 1) if secs else None}
    if by_language:
        out["by_language"] = {k: v.figures() for k, v in sorted(groups.items())}
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m normalizer.evaluate", description=__doc__.split("\n\n")[0])
    p.add_argument("folders", nargs="+")
    p.add_argument("--rules", action="append", default=[])
    p.add_argument("--json", action="store_true", help="one JSON object per folder")
    p.add_argument("--by-language", action="store_true")
    p.add_argument("--misses", action="store_true", help="list every disagreement with the gold")
    p.add_argument("--limit", type=int, default=None)
    a = p.parse_args(argv)
    norm = Normalizer(a.rules)
    for f in a.folders:
        misses: list | None = [] if a.misses else None
        res = evaluate(Path(f), norm, a.by_language, misses, a.limit)
        if a.json:
            print(json.dumps(res, ensure_ascii=False))
            continue
        print(f"== {res['folder']}  ({res['seconds']}s, {res['docs_per_s']} docs/s)")
        for k, v in res["figures"].items():
            print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
        for lang, figs in (res.get("by_language") or {}).items():
            print(f"  [{lang}] " + " ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                                             for k, v in figs.items()))
        for m in misses or []:
            print("MISS " + " | ".join(json.dumps(x, ensure_ascii=False)[:160] for x in m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
