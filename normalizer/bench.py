"""``python -m normalizer.bench DIR [DIR...] [--json]``: how fast the pipeline runs, against its peers.

For each folder of ``.txt`` files (read into memory first, so disk time is not counted) it prints:

- docs/s on one core and MB/s of input, all fields on, best of ``--repeat`` passes. Each pass starts with
  every text memo emptied (``memo.clear_text_memos``), so no line is remembered from an earlier pass over
  the same documents: only what is built from the rules (indexes, automata) stays warm, as it does in a
  long run. ``--keep-memos`` skips that, to show what repeated lines save;
- the split of that time by stage (decode, ledger, each pipeline stage, record);
- docs/s with the dates stage off and with the entities stage off (``pipeline.run(skip=...)``);
- in the same run, on the same documents, the peers: ``dateparser.search_dates`` and ``langdetect.detect``
  over each whole decoded text (a bounded number of documents each), and the ratio of our docs/s to theirs.
  A ratio holds on a busy machine where an absolute figure does not;
- the peak resident memory of the process (``resource.getrusage``).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from . import Normalizer, memo, pipeline
from .decode import decode


def load_corpus(folder: str | Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(name, bytes) of the folder's ``*.txt`` files, sorted by name."""
    files = sorted(Path(folder).glob("*.txt"))[: limit or None]
    return [(f.name, f.read_bytes()) for f in files]


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KB, macOS bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _time_pass(norm: Normalizer, docs: list[tuple[str, bytes]], skip: frozenset[str] = frozenset(),
               timings: dict[str, float] | None = None, keep_memos: bool = False) -> float:
    if not keep_memos:
        memo.clear_text_memos()
    t0 = time.perf_counter()
    for name, data in docs:
        pipeline.run(data, norm.rules, input_id=name, skip=skip, timings=timings)
    return time.perf_counter() - t0


def _text(data: bytes) -> str | None:
    """The decoded text the peers get (None for what does not decode)."""
    try:
        return decode(data).text
    except ValueError:
        return None


def bench_pipeline(norm: Normalizer, docs: list[tuple[str, bytes]], repeat: int = 3,
                   keep_memos: bool = False) -> dict[str, Any]:
    """docs/s, MB/s, stage split, and docs/s without dates / without entities; each pass with the text
    memos emptied first unless ``keep_memos``."""
    n = len(docs)
    mb = sum(len(d) for _, d in docs) / 1e6
    for name, data in docs[:3]:  # warm the lazily built indexes (gazetteer, automata) out of the timing
        pipeline.run(data, norm.rules, input_id=name)
    best, best_timings = float("inf"), {}
    for _ in range(max(1, repeat)):
        timings: dict[str, float] = {}
        secs = _time_pass(norm, docs, timings=timings, keep_memos=keep_memos)
        if secs < best:
            best, best_timings = secs, timings
    staged = sum(best_timings.values()) or 1.0
    stages = {k: {"ms_per_doc": round(v / n * 1000, 3), "share": round(v / staged, 3)}
              for k, v in sorted(best_timings.items(), key=lambda kv: -kv[1])}
    without = {}
    for stage in ("dates", "entities", "language"):
        secs = min(_time_pass(norm, docs, frozenset({stage}), keep_memos=keep_memos) for _ in range(max(1, repeat - 1)))
        without[stage] = round(n / secs, 1)
    return {"docs": n, "mb": round(mb, 3), "seconds": round(best, 4), "docs_per_s": round(n / best, 1),
            "mb_per_s": round(mb / best, 3), "ms_per_doc": round(best / n * 1000, 3), "stages": stages,
            "docs_per_s_without": without, "text_memos": "kept" if keep_memos else "emptied before each pass"}


def bench_dateparser(texts: list[str]) -> dict[str, Any]:
    """``dateparser.search_dates`` over each whole text (what a naive pipeline would do)."""
    import warnings

    from dateparser.search import search_dates
    search_dates("Posted on 2008-04-28 12:52", languages=None)  # load its language data first
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for t in texts:
            try:
                search_dates(t)
            except Exception:  # noqa: BLE001 - a peer's failure is not ours to stop on
                pass
    secs = max(time.perf_counter() - t0, 1e-9)
    return {"docs": len(texts), "seconds": round(secs, 4), "docs_per_s": round(len(texts) / secs, 2)}


def bench_langdetect(texts: list[str]) -> dict[str, Any]:
    """``langdetect.detect`` (seeded) over each whole text."""
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException
    DetectorFactory.seed = 0
    detect("warm up the profiles")
    t0 = time.perf_counter()
    for t in texts:
        try:
            detect(t)
        except LangDetectException:
            pass
    secs = max(time.perf_counter() - t0, 1e-9)
    return {"docs": len(texts), "seconds": round(secs, 4), "docs_per_s": round(len(texts) / secs, 2)}


def run_bench(folders: list[str], *, rules: list[str] = (), repeat: int = 3, peer_docs: int = 40,
              dateparser_docs: int = 15, limit: int | None = None, keep_memos: bool = False) -> dict[str, Any]:
    """The whole benchmark as one dict (what ``--json`` prints)."""
    t0 = time.perf_counter()
    norm = Normalizer(rules)
    load_secs = time.perf_counter() - t0
    out: dict[str, Any] = {"rules_load_seconds": round(load_secs, 3), "corpora": {}}
    for folder in folders:
        docs = load_corpus(folder, limit)
        if not docs:
            out["corpora"][folder] = {"error": "no .txt files"}
            continue
        res = bench_pipeline(norm, docs, repeat, keep_memos)
        texts = [t for t in (_text(d) for _, d in docs) if t]
        peers = {"dateparser.search_dates": bench_dateparser(texts[:dateparser_docs]),
                 "langdetect.detect": bench_langdetect(texts[:peer_docs])}
        res["peers"] = peers
        res["ratio_vs"] = {k: round(res["docs_per_s"] / v["docs_per_s"], 2) if v["docs_per_s"] else None
                           for k, v in peers.items()}
        out["corpora"][folder] = res
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return out


def format_text(res: dict[str, Any]) -> str:
    lines = [f"rules compiled in {res['rules_load_seconds']:.2f}s"]
    for folder, r in res["corpora"].items():
        lines.append(f"\n== {folder}")
        if "error" in r:
            lines.append(f"  {r['error']}")
            continue
        lines.append(f"  {r['docs']} docs, {r['mb']:.2f} MB: {r['docs_per_s']:.1f} docs/s per core, "
                     f"{r['mb_per_s']:.2f} MB/s, {r['ms_per_doc']:.2f} ms/doc (all fields; text memos "
                     f"{r['text_memos']})")
        lines.append("  stages: " + "  ".join(f"{k} {v['ms_per_doc']:.2f}ms ({v['share']:.0%})"
                                              for k, v in r["stages"].items()))
        lines.append("  docs/s without: " + "  ".join(f"{k} {v:.1f}" for k, v in r["docs_per_s_without"].items()))
        for peer, p in r["peers"].items():
            lines.append(f"  peer {peer}: {p['docs_per_s']:.2f} docs/s on {p['docs']} docs "
                         f"-> normalizer is {r['ratio_vs'][peer]}x")
    lines.append(f"\npeak RSS: {res['peak_rss_mb']:.1f} MB")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m normalizer.bench", description=__doc__.split("\n")[0])
    p.add_argument("folders", nargs="+", metavar="DIR", help="folders of .txt files")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rules folder")
    p.add_argument("--repeat", type=int, default=3, help="timed passes over each corpus; the best counts")
    p.add_argument("--peer-docs", type=int, default=40, help="documents given to langdetect")
    p.add_argument("--dateparser-docs", type=int, default=15, help="documents given to dateparser (slow)")
    p.add_argument("--limit", type=int, default=None, help="at most this many documents per folder")
    p.add_argument("--keep-memos", action="store_true",
                   help="keep the line memos between passes (flatters the figure: every line was seen before)")
    a = p.parse_args(argv)
    res = run_bench(a.folders, rules=a.rules, repeat=a.repeat, peer_docs=a.peer_docs,
                    dateparser_docs=a.dateparser_docs, limit=a.limit, keep_memos=a.keep_memos)
    print(json.dumps(res, indent=2) if a.json else format_text(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
