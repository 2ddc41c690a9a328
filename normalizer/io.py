"""Inputs for the CLI and the shells: files, folders, stdin and JSONL, streamed one document at a time.

Every input yields a ``Task``; one that cannot be read yields a task carrying the error, so it becomes
an ``ok: false`` record and the run goes on.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)


@dataclass
class Task:
    input_id: str
    data: bytes | str | None
    error: tuple[str, str] | None = None
    source: str | None = None
    url: str | None = None
    reference_date: str | None = None


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def iter_paths(paths: list[str]) -> Iterator[str]:
    """Files as given, folders walked recursively (``*.txt`` and JSONL files), sorted for a stable order."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in files:
                if f.lower().endswith(TEXT_SUFFIXES) or is_jsonl(f):
                    found.append(os.path.join(root, f))
        yield from sorted(found)


def _open_jsonl(path: str):
    if path == "-":
        return sys.stdin.buffer
    if path.lower().endswith(".gz"):
        import gzip
        return gzip.open(path, "rb")
    return open(path, "rb")


# A JSONL line longer than this becomes an error record (the rest of the line is skipped, not held).
MAX_LINE_BYTES = 64 * 1024 * 1024


@dataclass
class RawLine:
    """One JSONL line not parsed yet: parsing is left to the worker that normalizes it."""

    path: str
    n: int
    line: bytes


Item = Task | RawLine


def iter_tasks(paths: list[str], text_field: str = "text", id_field: str | None = None,
               stdin_jsonl: bool = False) -> Iterator[Task]:
    """Every input as a ``Task``, one at a time, in input order."""
    for item in iter_items(paths, stdin_jsonl=stdin_jsonl):
        yield resolve(item, text_field, id_field)


def iter_items(paths: list[str], stdin_jsonl: bool = False) -> Iterator[Item]:
    """Every input as a ``Task`` (files, stdin) or a ``RawLine`` (JSONL), streamed in input order."""
    for path in iter_paths(paths):
        if path == "-" and not stdin_jsonl:
            yield Task("-", sys.stdin.buffer.read())
        elif is_jsonl(path) or (path == "-" and stdin_jsonl):
            yield from _jsonl_lines(path)
        else:
            yield read_file_task(path)


def read_file_task(path: str) -> Task:
    """The file's bytes as a task, or a task carrying why it could not be read."""
    try:
        with open(path, "rb") as fh:
            return Task(path, fh.read())
    except FileNotFoundError:
        return Task(path, None, ("FileNotFound", f"{path}: no such file (or it vanished)"))
    except PermissionError:
        return Task(path, None, ("PermissionError", f"{path}: permission denied"))
    except IsADirectoryError:
        return Task(path, None, ("IsADirectory", f"{path}: is a directory"))
    except OSError as e:
        return Task(path, None, ("OSError", f"{path}: {e.strerror or e}"))
    except MemoryError:
        return Task(path, None, ("TooLarge", f"{path}: too large to read"))


def resolve(item: Item, text_field: str = "text", id_field: str | None = None) -> Task:
    """A ``Task`` from an item (parses a ``RawLine``)."""
    if isinstance(item, RawLine):
        return _jsonl_task(item.path, item.n, item.line, text_field, id_field)
    return item


def _jsonl_lines(path: str) -> Iterator[Item]:
    try:
        fh = _open_jsonl(path)
    except FileNotFoundError:
        yield Task(path, None, ("FileNotFound", f"{path}: no such file (or it vanished)"))
        return
    except OSError as e:
        yield Task(path, None, (type(e).__name__, f"{path}: {e.strerror or e}"))
        return
    with fh if path != "-" else _nullctx(fh):
        n = 0
        try:
            while True:
                line = fh.readline(MAX_LINE_BYTES)
                if not line:
                    break
                n += 1
                if len(line) >= MAX_LINE_BYTES and not line.endswith(b"\n"):
                    while (rest := fh.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                        pass
                    yield Task(f"{path}:{n}", None, ("TooLarge", f"line {n} is longer than {MAX_LINE_BYTES} bytes"))
                    continue
                yield RawLine(path, n, line)
        except (OSError, EOFError, ValueError) as e:  # truncated gzip, vanished file, read error
            yield Task(f"{path}:{n + 1}", None, (type(e).__name__, f"{path}: read failed after line {n}: {e}"))


def _jsonl_task(path: str, n: int, line: bytes, text_field: str, id_field: str | None) -> Task:
    default_id = f"{path}:{n}"
    if not line.strip():
        return Task(default_id, None, ("EmptyLine", f"line {n} is blank"))
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return Task(default_id, None, ("BadJSON", f"line {n}: {e}"))
    if not isinstance(obj, dict):
        return Task(default_id, None, ("BadJSON", f"line {n}: not a JSON object"))
    rid = obj.get(id_field) if id_field else None
    rid = default_id if rid is None else str(rid)
    text = obj.get(text_field)
    if not isinstance(text, str):
        return Task(rid, None, ("MissingText", f"line {n}: no string field {text_field!r}"))
    return Task(rid, text, source=_s(obj.get("source")), url=_s(obj.get("url")),
                reference_date=_iso(obj.get("reference_date") or obj.get("date")))


def _iso(v) -> str | None:
    """An ISO date or datetime string, or None (a crawl's odd ``date`` field must not fail the record)."""
    v = _s(v)
    if v is None:
        return None
    try:
        dt.datetime.fromisoformat(v.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return v


def _s(v) -> str | None:
    return v if isinstance(v, str) and v else None


class _nullctx:
    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        return self.obj

    def __exit__(self, *a):
        return False


def dumps(rec: dict) -> bytes:
    """One JSON line; key order is the record's own, so the bytes are the same on every run."""
    return orjson.dumps(rec) + b"\n"


def display_path(p: str | Path) -> str:
    return str(p)
