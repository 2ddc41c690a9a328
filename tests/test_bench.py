"""normalizer.bench runs end to end on a small folder and reports what issue 8 asks for."""
from __future__ import annotations

import json

from conftest import FIXTURES

from normalizer import bench


def test_bench_json_on_fixtures(capsys, monkeypatch, norm):
    monkeypatch.setattr(bench, "Normalizer", lambda rules=(): norm)
    assert bench.main([str(FIXTURES / "scale"), "--json", "--repeat", "1", "--peer-docs", "3",
                       "--dateparser-docs", "1"]) == 0
    res = json.loads(capsys.readouterr().out)
    r = res["corpora"][str(FIXTURES / "scale")]
    assert r["docs"] == 5 and r["docs_per_s"] > 0 and r["mb_per_s"] > 0
    assert {"decode", "ledger", "language", "record"} <= set(r["stages"])
    assert set(r["ratio_vs"]) == {"dateparser.search_dates", "langdetect.detect"}
    assert set(r["docs_per_s_without"]) == {"dates", "entities", "language"}
    assert res["peak_rss_mb"] > 0


def test_bench_text_output(capsys, monkeypatch, norm, tmp_path):
    monkeypatch.setattr(bench, "Normalizer", lambda rules=(): norm)
    assert bench.main([str(FIXTURES / "scale"), str(tmp_path), "--repeat", "1", "--peer-docs", "2",
                       "--dateparser-docs", "1"]) == 0
    out = capsys.readouterr().out
    assert "docs/s per core" in out and "MB/s" in out and "peak RSS" in out and "no .txt files" in out
