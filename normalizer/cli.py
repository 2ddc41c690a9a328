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
from .io import Item, Task, dumps, iter_items, resolve
from .record import error_record

SUMMARY_FIELDS = ("title", "language", "published", "modified", "dateline", "source", "authors", "people",
                  "places", "organizations")

# Documents per unit of work sent to a worker, and units in flight per worker: enough to keep every
# worker busy, few enough that memory stays flat however long the input is.
BATCH = 16
IN_FLIGHT = 4

Result = tuple[bytes, int]   # one JSON line, and its stats: bit 0 ok, bit i+1 SUMMARY_FIELDS[i] filled

_worker: Normalizer | None = None
_worker_args: tuple[str, str | None, str | None] = ("text", None, None)


_WARM_TEXTS = (
    "Seoul seeks military cooperation\nSEOUL, April 28 (Yonhap) -- South Korea's defense minister Kim "
    "said on Monday that Seoul and Tokyo will talk.\nCopyright 2008 Yonhap News. All rights reserved.",
    "韩国寻求与日本军事合作\n新华社首尔4月28日电 韩国国防部长官金宽镇28日表示。\n版权所有 沪ICP备05050403号",
)


def warm(norm: Normalizer) -> Normalizer:
    """Build the stages' lazily compiled indexes now (before forking workers, who then share them)."""
    for text in _WARM_TEXTS:
        norm.normalize(text)
    return norm


def _init_worker(rules_dirs: list[str], text_field: str, id_field: str | None, ref: str | None) -> None:
    global _worker, _worker_args
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops cleanly
    if _worker is None or _worker.rules_dirs != list(rules_dirs):  # spawn: nothing inherited
        _worker = Normalizer(rules_dirs)
    _worker_args = (text_field, id_field, ref)


def process(norm: Normalizer, task: Task, reference_date: str | None = None) -> dict:
    """The record of one task (an error record when the input could not be read)."""
    if task.error:
        return error_record(task.input_id, *task.error)
    return norm.normalize(task.data, source=task.source, url=task.url,
                          reference_date=task.reference_date or reference_date, input_id=task.input_id)


def stats_of(rec: dict) -> int:
    """The record's summary as a bitmask (cheap to send back from a worker)."""
    bits = 1 if rec.get("ok") else 0
    for i, f in enumerate(SUMMARY_FIELDS, 1):
        if rec.get(f):
            bits |= 1 << i
    return bits


def process_item(norm: Normalizer, item: Item, text_field: str = "text", id_field: str | None = None,
                 ref: str | None = None) -> Result:
    """One input item to (JSON line, stats); never raises on bad input."""
    task = resolve(item, text_field, id_field)
    try:
        rec = process(norm, task, ref)
        return dumps(rec), stats_of(rec)
    except Exception as e:  # noqa: BLE001 - last line of defence: a record, not a crash
        rec = error_record(task.input_id, "InternalError", f"{type(e).__name__}: {e}")
        return dumps(rec), 0


def _run_batch_in_worker(batch: list[Item]) -> list[Result]:
    text_field, id_field, ref = _worker_args
    return [process_item(_worker, it, text_field, id_field, ref) for it in batch]


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_batch(items: Iterable[Item], rules_dirs: list[str], jobs: int, ref: str | None = None,
              text_field: str = "text", id_field: str | None = None,
              norm: Normalizer | None = None) -> Iterator[Result]:
    """(JSON line, stats) per input, in input order, computed in ``jobs`` processes.

    At most ``jobs * IN_FLIGHT`` batches are read ahead, so memory does not grow with the input.
    ``norm`` (compiled for ``rules_dirs``) is reused instead of compiling the rules again.
    """
    norm = norm or Normalizer(rules_dirs)
    if jobs <= 1:
        for it in items:
            yield process_item(norm, it, text_field, id_field, ref)
        return
    import multiprocessing as mp
    from collections import deque
    global _worker
    fork = sys.platform.startswith("linux")
    ctx = mp.get_context("fork" if fork else "spawn")
    if fork:  # compile and warm once here; the forked workers share the pages copy-on-write
        _worker = warm(norm)
    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(rules_dirs, text_field, id_field, ref))
    pending: deque = deque()
    try:
        for batch in _batches(items, BATCH):
            pending.append(pool.apply_async(_run_batch_in_worker, (batch,)))
            while len(pending) >= jobs * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _summary(stats: Counter, n: int, secs: float, out) -> None:
    lines = [f"documents: {n}  ok: {stats['ok']}  errors: {n - stats['ok']}  "
             f"time: {secs:.1f}s  docs/s: {n / secs if secs else 0:.1f}"]
    if n:
        lines.append("filled: " + "  ".join(f"{f} {stats[f] / n:.0%}" for f in SUMMARY_FIELDS))
    for line in lines:
        print(line, file=out)


def _add_stats(stats: Counter, masks: Counter) -> None:
    for bits, count in masks.items():
        if bits & 1:
            stats["ok"] += count
        for i, f in enumerate(SUMMARY_FIELDS, 1):
            if bits & (1 << i):
                stats[f] += count


def cmd_normalize(a: argparse.Namespace) -> int:
    try:
        norm = Normalizer(a.rules)  # broken rules fail here, before any text is read
    except RuleError as e:
        print(f"newsnorm: rules: {e}", file=sys.stderr)
        return 2
    try:
        out = open(a.output, "wb") if a.output else sys.stdout.buffer
    except OSError as e:
        print(f"newsnorm: {a.output}: {e.strerror or e}", file=sys.stderr)
        return 2
    items = iter_items(a.paths, stdin_jsonl=a.jsonl)
    bar = None
    if not a.quiet and sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(unit="doc", file=sys.stderr, mininterval=0.5, leave=False)
    masks: Counter = Counter()   # stats bitmask -> count: one dict update per record
    n = 0
    t0 = time.perf_counter()
    try:
        for line, bits in run_batch(items, a.rules, a.jobs, a.reference_date, a.text_field, a.id_field, norm):
            out.write(line)
            n += 1
            masks[bits] += 1
            if bar is not None:
                bar.update(1)
    except KeyboardInterrupt:
        _flush_quietly(out)
        print(f"\nnewsnorm: interrupted after {n} records; every line written is a complete record",
              file=sys.stderr)
        return 130
    except BrokenPipeError:
        _close_stdout_quietly()
        os._exit(0)
    finally:
        if bar is not None:
            bar.close()
        _flush_quietly(out)
        if a.output:
            out.close()
    if not a.quiet:
        stats: Counter = Counter()
        _add_stats(stats, masks)
        _summary(stats, n, time.perf_counter() - t0, sys.stderr)
    return 0


def _flush_quietly(out) -> None:
    """Flush what was written (whole lines only); a second Ctrl-C or a closed pipe is not an error here."""
    for _ in range(3):
        try:
            out.flush()
            return
        except KeyboardInterrupt:
            continue
        except (BrokenPipeError, OSError, ValueError):
            return


def _close_stdout_quietly() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


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
