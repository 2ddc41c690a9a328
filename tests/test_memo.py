"""Text memos are registered so that one call empties them all (what the benchmark does per pass)."""
from __future__ import annotations

import json

from conftest import FIXTURES

from normalizer import bench, layout, memo


def test_clear_text_memos_empties_the_line_memos_of_the_stages():
    line = "Most viewed stories"
    layout.weight(line)
    cache = layout.weight.lookup.__self__
    assert line in cache
    assert memo.clear_text_memos() >= 4       # layout's and boilerplate's line memos, dateparser's values
    assert line not in cache
    assert layout.weight(line) == 3.0         # and the memo fills again on the next call


def test_a_new_text_memo_is_registered():
    calls = []

    @memo.text_memo(8)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert upper("seoul") == upper("seoul") == "SEOUL" and calls == ["seoul"]
    memo.clear_text_memos()
    assert upper("seoul") == "SEOUL" and calls == ["seoul", "seoul"]


def _bench(monkeypatch, norm, capsys, *extra: str) -> tuple[int, dict]:
    monkeypatch.setattr(bench, "Normalizer", lambda rules=(): norm)
    cleared = []
    real = memo.clear_text_memos
    monkeypatch.setattr(memo, "clear_text_memos", lambda: cleared.append(1) or real())
    assert bench.main([str(FIXTURES / "scale"), "--json", "--repeat", "2", "--peer-docs", "1",
                       "--dateparser-docs", "1", *extra]) == 0
    return len(cleared), json.loads(capsys.readouterr().out)


def test_bench_empties_the_memos_before_every_timed_pass(monkeypatch, norm, capsys):
    n, res = _bench(monkeypatch, norm, capsys)
    # two passes with every field, then one pass each without dates, entities and language
    assert n == 2 + 3
    assert next(iter(res["corpora"].values()))["text_memos"] == "emptied before each pass"


def test_bench_keep_memos_keeps_them(monkeypatch, norm, capsys):
    n, res = _bench(monkeypatch, norm, capsys, "--keep-memos")
    assert n == 0 and next(iter(res["corpora"].values()))["text_memos"] == "kept"


def test_memos_held_by_the_rules_are_emptied_too(norm):
    page = ("Home | World | Business | Sport\n\nShare on Facebook\n\nMarkets rally as rates hold\n\n"
            "Stocks rose on Tuesday after the central bank left its key rate unchanged, traders said.\n\n"
            "Related\n\nMost viewed\n\nCopyright 2026 Example Media. All rights reserved.\n")
    norm.normalize(page)
    held = {k: v for k, v in norm.rules._views.items() if isinstance(v, memo.TextDict) and v}
    assert "boilerplate.word_kind.cache" in held
    memo.clear_text_memos()
    assert not any(held.values())


def test_a_text_dict_leaves_the_registry_with_its_owner():
    import gc
    d = memo.TextDict(a=1)
    key = id(d)
    assert memo._DICTS[key]() is d and d == {"a": 1}
    del d
    gc.collect()
    assert key not in memo._DICTS
