"""Fuzz ``normalize`` at volume with hypothesis: no exception escapes, the record is valid JSON, the
ledger invariant holds, and the same input gives byte-identical output.

    python scripts/fuzz.py -n 100000 [--seed 0]   (run one per core with different seeds)

Inputs mix news-shaped lines (titles, datelines, "Posted on" headers, footers in several scripts and
encodings, URLs, numbers, dates) with arbitrary Unicode and raw bytes. tests/test_properties.py runs the
same checks on a few hundred examples; this script is for the long run. Exit status 1 on any failure,
with the failing input printed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from normalizer import Normalizer  # noqa: E402
from normalizer.lines import ROLES  # noqa: E402

FRAGMENTS = [
    "SEOUL, April 28 (Yonhap) -- ", "Posted on : 2008-04-28 12:52 KST", "By Jane Doe", "- About Us", "- |",
    "Share on Facebook", "Most viewed", "Copyright © 2020 Example News. All rights reserved.",
    "沪ICP备05050403号-1", "版权所有", "[서울=뉴시스]", "입력 2021.06.10 14:22", "2020年9月1日 10時00分",
    "新华社北京3月1日电", "（中央社記者）", "MOSCOW, March 3 (Reuters) -", "Veröffentlicht am 14.02.2019",
    "Updated: Monday, 3 March 2014, 10:00 GMT", "http://example.com/a?b=c", "the -Korean Peninsula",
    "Kim Kwan-jin, Defense Minister, said", "東京", "Сеул", "Madrid, 3 mar (EFE).-", "12:52", "2008-04-28",
    "((((((((((", "))))", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "\t", "\u200b", "\ufeff", "\r\n",
    "\u2028", "\x85", "\x00", "Ã©Ã¨", "â€™", "\ufffd",
]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c", " \n ", "\x85"]


def news_text() -> st.SearchStrategy[str]:
    """Texts shaped like news pages: lines of fragments and random words, joined by odd line breaks."""
    word = st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=0, max_size=30))
    line = st.lists(word, min_size=0, max_size=8).map(" ".join)
    return st.builds(lambda ls, br: br.join(ls), st.lists(line, min_size=0, max_size=25), st.sampled_from(BREAKS))


def encoded() -> st.SearchStrategy[bytes]:
    """News-shaped texts in the encodings pages come in, possibly cut mid-character."""
    encs = ["utf-8", "utf-8-sig", "utf-16", "cp949", "gb18030", "big5", "cp932", "cp1252", "latin-1"]
    return st.builds(lambda t, e, cut: t.encode(e, errors="replace")[:cut] if cut else t.encode(e, errors="replace"),
                     news_text(), st.sampled_from(encs), st.integers(0, 400))


def inputs() -> st.SearchStrategy[str | bytes]:
    return st.one_of(news_text(), st.text(max_size=300), st.binary(max_size=300), encoded())


def check(norm: Normalizer, data: str | bytes, twice: bool = True) -> None:
    """The properties every record must have; raises AssertionError (or the escaped exception)."""
    rec = norm.normalize(data, input_id="fuzz")
    out = orjson.dumps(rec)
    assert orjson.loads(out) == orjson.loads(orjson.dumps(orjson.loads(out)))
    assert rec["schema"] == "news-normalizer/1" and isinstance(rec["ok"], bool)
    if not rec["ok"]:
        assert rec["error"] and rec["error"]["type"]
        return
    lines = rec["lines"]
    assert lines, "an ok record places at least one line"
    prev_end = -1
    for start, end, role, _ in lines:
        assert role in ROLES, f"line {start}-{end} not placed (role {role!r})"
        assert prev_end <= start < end, f"spans overlap or go backwards at {start}-{end}"
        prev_end = end
    if isinstance(data, str) and not rec["repairs"] and "\x00" not in data:
        text = data[1:] if data.startswith("\ufeff") else data
        assert len(lines) == sum(1 for ln in text.splitlines() if ln.strip()), "a non-blank line is missing"
        for start, end, _, _ in lines:
            assert text[start:end].strip() == text[start:end] and text[start:end]
    if twice:
        assert orjson.dumps(norm.normalize(data, input_id="fuzz")) == out, "not deterministic"


def run(n: int, seed_value: int, norm: Normalizer | None = None, every: int = 10, progress: int = 0) -> int:
    """Run ``n`` examples; returns how many ran (raises on the first failure, after shrinking off)."""
    norm = norm or Normalizer()
    count = 0

    @seed(seed_value)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs())
    def one(data):
        nonlocal count
        check(norm, data, twice=count % every == 0)
        count += 1
        if progress and count % progress == 0:
            print(f"fuzz: {count} inputs passed (seed {seed_value})", flush=True)

    one()
    return count


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("-n", type=int, default=100_000, help="examples to run")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--progress", type=int, default=1000, help="print a line every this many inputs")
    a = p.parse_args(argv)
    t0 = time.perf_counter()
    norm = Normalizer()
    try:
        count = run(a.n, a.seed, norm, progress=a.progress)
    except Exception as e:  # noqa: BLE001
        print(f"FAIL after some examples: {type(e).__name__}: {e}", file=sys.stderr)
        raise
    secs = time.perf_counter() - t0
    print(f"fuzz: {count} inputs, 0 failures, {secs:.0f}s ({count / secs:.0f}/s), seed {a.seed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
