"""``newsnorm``: normalize files, folders, stdin or JSONL into JSON Lines; check rules; explain a text.

    newsnorm PATH... [-o OUT] [-j N] [--rules DIR] [--text-field text] [--id-field id]
    newsnorm rules check [DIR...]
    newsnorm explain FILE [--rules DIR]

Exit codes: 0 done (bad documents get ``ok: false`` records), 2 usage error or unreadable rules.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator

from . import Normalizer, RuleError
from .io import Task, dumps, iter_tasks
from .record import error_record

SUMMARY_FIELDS = ("title", "language", "published", "modified", "dateline", "source", "authors", "people",
                  "places", "organizations")

_worker: Normalizer | None = None


def _init_worker(rules_dirs: list[str]) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops cleanly
    _worker = Normalizer(rules_dirs)


def process(norm: Normalizer, task: Task, reference_date: str | None = None) -> dict:
    if task.error:
        return error_record(task.input_id, *task.error)
    return norm.normalize(task.data, source=task.source, url=task.url,
                          reference_date=task.reference_date or reference_date, input_id=task.input_id)


def _run_in_worker(args: tuple[Task, str | None]) -> bytes:
    task, ref = args
    return dumps(process(_worker, task, ref))


def run_batch(tasks: Iterable[Task], rules_dirs: list[str], jobs: int, ref: str | None) -> Iterator[bytes]:
    """Records as JSON lines, in input order, computed in ``jobs`` processes."""
    if jobs <= 1:
        norm = Normalizer(rules_dirs)
        for t in tasks:
            yield dumps(process(norm, t, ref))
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(rules_dirs,)) as pool:
        yield from pool.imap(_run_in_worker, ((t, ref) for t in tasks), chunksize=8)


def _summary(stats: Counter, n: int, secs: float, out) -> None:
    lines = [f"documents: {n}  ok: {stats['ok']}  errors: {n - stats['ok']}  "
             f"time: {secs:.1f}s  docs/s: {n / secs if secs else 0:.1f}"]
    if n:
        lines.append("filled: " + "  ".join(f"{f} {stats[f] / n:.0%}" for f in SUMMARY_FIELDS))
    for line in lines:
        print(line, file=out)


def cmd_normalize(a: argparse.Namespace) -> int:
    try:
        Normalizer(a.rules)  # broken rules fail here, before any text is read
    except RuleError as e:
        print(f"newsnorm: rules: {e}", file=sys.stderr)
        return 2
    import orjson
    out = open(a.output, "wb") if a.output else sys.stdout.buffer
    tasks = iter_tasks(a.paths, a.text_field, a.id_field, stdin_jsonl=a.jsonl)
    bar = None
    show = not a.quiet and sys.stderr.isatty()
    if show:
        from tqdm import tqdm
        bar = tqdm(unit="doc", file=sys.stderr, mininterval=0.5, leave=False)
    stats: Counter = Counter()
    n = 0
    t0 = time.perf_counter()
    try:
        for line in run_batch(tasks, a.rules, a.jobs, a.reference_date):
            out.write(line)
            n += 1
            rec = orjson.loads(line) if not a.quiet else None
            if rec is not None:
                stats["ok"] += bool(rec.get("ok"))
                for f in SUMMARY_FIELDS:
                    stats[f] += bool(rec.get(f))
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        print("newsnorm: interrupted; every line written is a complete record", file=sys.stderr)
        out.flush()
        return 130
    except BrokenPipeError:
        os._exit(0)
    finally:
        if bar is not None:
            bar.close()
        out.flush()
        if a.output:
            out.close()
    if not a.quiet:
        _summary(stats, n, time.perf_counter() - t0, sys.stderr)
    return 0


def cmd_rules(a: argparse.Namespace) -> int:
    try:
        norm = Normalizer(a.dirs)
    except RuleError as e:
        print(f"newsnorm: rules: {e}", file=sys.stderr)
        return 2
    r = norm.rules
    print(f"ok: {len(r.files)} rule files")
    print(f"locales ({len(r.locales)}): {', '.join(sorted(r.locales))}")
    print(f"sources ({len(r.sources)}): {', '.join(sorted(r.sources))}")
    print(f"gazetteer ({len(r.gazetteer)}): {', '.join(sorted(r.gazetteer))}")
    if a.examples:
        from .examples import run_examples
        failures = run_examples(norm)
        for f in failures:
            print(f"FAIL {f}")
        print(f"examples: {len(failures)} failed")
        return 1 if failures else 0
    return 0


def cmd_explain(a: argparse.Namespace) -> int:
    try:
        norm = Normalizer(a.rules)
    except RuleError as e:
        print(f"newsnorm: rules: {e}", file=sys.stderr)
        return 2
    from .explain import explain
    try:
        data = sys.stdin.buffer.read() if a.file == "-" else open(a.file, "rb").read()
    except OSError as e:
        print(f"newsnorm: {a.file}: {e.strerror or e}", file=sys.stderr)
        return 2
    rec = norm.normalize(data, source=a.source, url=a.url, reference_date=a.reference_date, input_id=a.file)
    sys.stdout.write(explain(rec, data))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsnorm", description="Normalize raw news text into JSON records.")
    p.add_argument("paths", nargs="+", help="files, folders, '-' for stdin, or .jsonl files")
    p.add_argument("-o", "--output", help="write JSON Lines here instead of stdout")
    p.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="extra rules folder (repeatable)")
    p.add_argument("--text-field", default="text", help="JSONL field holding the text (default: text)")
    p.add_argument("--id-field", default=None, help="JSONL field holding the record id")
    p.add_argument("--jsonl", action="store_true", help="read stdin as JSONL")
    p.add_argument("--reference-date", default=None, help="crawl date for relative and year-less dates")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["rules", "check"]:
        rp = argparse.ArgumentParser(prog="newsnorm rules check")
        rp.add_argument("dirs", nargs="*", help="extra rules folders to validate with the shipped ones")
        rp.add_argument("--examples", action="store_true", help="also run every rule file's examples")
        return cmd_rules(rp.parse_args(argv[2:]))
    if argv[:1] == ["explain"]:
        ep = argparse.ArgumentParser(prog="newsnorm explain")
        ep.add_argument("file")
        ep.add_argument("--rules", action="append", default=[], metavar="DIR")
        ep.add_argument("--source")
        ep.add_argument("--url")
        ep.add_argument("--reference-date")
        return cmd_explain(ep.parse_args(argv[1:]))
    a = build_parser().parse_args(argv)
    if a.jobs < 1:
        print("newsnorm: -j must be at least 1", file=sys.stderr)
        return 2
    return cmd_normalize(a)


if __name__ == "__main__":
    sys.exit(main())
