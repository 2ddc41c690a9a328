"""Sources: every source file loads and passes its own examples; detection from text, source= and url=."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from normalizer import sources
from normalizer.examples import check_example, iter_examples, lookup, run_examples
from normalizer.rules import shipped_dir

SOURCE_FILES = sorted(p.stem for p in (shipped_dir() / "sources").glob("*.toml"))


def test_enough_sources(norm):
    assert len(norm.rules.sources) >= 100
    by_country: dict[str, int] = {}
    for src in norm.rules.sources.values():
        by_country[src.get("country", "")] = by_country.get(src.get("country", ""), 0) + 1
    assert by_country["CN"] >= 30 and by_country["JP"] >= 15 and by_country["KR"] >= 15
    assert by_country["TW"] + by_country["HK"] >= 10


@pytest.mark.parametrize("sid", SOURCE_FILES)
def test_source_file(norm, sid):
    """Each file is complete and its own examples pass through the whole pipeline."""
    src = norm.rules.sources[sid]
    for key in ("name", "kind", "country", "languages", "timezone", "domains"):
        assert src.get(key), f"{sid}: {key} missing"
    assert src["kind"] in ("outlet", "agency", "portal")
    if src["kind"] == "agency":
        assert src.get("agency"), f"{sid}: an agency needs its canonical dateline name"
    examples = src.get("examples", [])
    assert examples, f"{sid}: no [[examples]]"
    failures = []
    for i, ex in enumerate(examples):
        failures += check_example(norm, ex, f"{sid}#{i}")
    assert not failures, failures


def test_every_example_passes(norm):
    assert run_examples(norm) == []
    assert len(iter_examples(norm.rules)) >= len(SOURCE_FILES)


def test_lookup_paths():
    rec = {"a": {"b": [{"c": 1}]}, "n": None}
    assert lookup(rec, "a.b.0.c") == 1
    assert lookup(rec, "n.x") is None
    assert lookup(rec, "a.z") is None


def test_given_source_and_url(norm):
    text = "A headline\n\nSome body text about the economy.\n"
    rec = norm.normalize(text, source="연합뉴스")
    assert rec["source"]["id"] == "yonhap" and rec["source"]["rule"] == "source.yonhap.given"
    rec = norm.normalize(text, url="https://www.hani.co.kr/arti/123.html")
    assert rec["source"]["id"] == "hankyoreh" and rec["source"]["rule"] == "source.hankyoreh.url"
    rec = norm.normalize(text, url="https://www.bbc.com/zhongwen/simp/world-123")
    assert rec["source"]["id"] == "bbcchinese"
    rec = norm.normalize(text, url="https://www.bbc.com/news/world-123")
    assert rec["source"]["id"] == "bbc"


def test_outlet_carrying_agency_copy(norm):
    text = ("Exports rise\n\nSEOUL, March 3 (Yonhap) -- Exports rose 5 percent in February, data showed.\n\n"
            "Copyright © 2024 The Korea Herald. All rights reserved.\n")
    rec = norm.normalize(text)
    assert rec["source"]["id"] == "koreaherald"
    assert rec["dateline"]["agency"] == "Yonhap"


def test_copyright_beats_source_label(norm):
    """A portal page crediting a paper (``来源：新京报``) is the portal's page."""
    text = ("房价小幅上涨\n2024-03-05 10:00:00 来源: 新京报\n\n统计局数据显示，房价小幅上涨。\n\n"
            "© 1997-2024 网易公司版权所有\n")
    assert norm.normalize(text)["source"]["id"] == "netease"


def test_label_alone_names_the_source(norm):
    text = "新品发布\n2024-03-05 10:00 来源：观察者网\n\n公司发布了新产品。\n"
    assert norm.normalize(text)["source"]["id"] == "guancha"


def test_domain_in_text(norm):
    text = "기사 제목\n\n본문입니다. 정부가 발표했다.\n\n홍길동 기자 hong@donga.com\n"
    assert norm.normalize(text)["source"]["id"] == "donga"


def test_webmail_names_no_outlet(norm):
    text = "小报新闻\n\n今天天气晴朗。\n\nCopyright © 江南晚报社 版权所有 值班邮箱：12345@qq.com\n"
    src = norm.normalize(text)["source"]
    assert src is None or src["id"] != "tencent"


def test_unknown_outlet_from_copyright_line(norm):
    text = "A headline\n\nBody text here.\n\n© 2010 - 2016 河西日报 京ICP备16058363号-1\n"
    src = norm.normalize(text)["source"]
    assert src["id"] is None and src["name"] == "河西日报" and src["rule"] == "source.copyright_line"


def test_script_decides_between_editions(norm):
    text = "新闻标题\n\n这是一篇中文报道，讲述了经济的发展情况。\n\nBBC © 2024 非本网站内容BBC概不负责\n"
    assert norm.normalize(text)["source"]["id"] == "bbcchinese"


def test_short_ascii_names_need_a_shape(norm):
    """``AP`` inside words or prose is no evidence; ``(AP) —`` is."""
    text = "Apple news\n\nAPPLE said the AP style guide changed.\n"
    assert norm.normalize(text)["source"] is None
    rec = norm.normalize("WASHINGTON (AP) — The Senate passed the bill on Tuesday.\n")
    assert rec["source"]["id"] == "ap" and rec["dateline"]["agency"] == "AP"


def test_detection_is_indexed_and_fast(norm):
    idx = sources.index(norm.rules)
    assert idx["auto"] is not None
    assert len(idx["always"]) <= 5     # rules without keywords run on every line; keep them few
    from normalizer import datelines
    from normalizer.doc import Doc
    from normalizer.lines import Ledger
    page = "\n".join(f"Line {i} of a long page about nothing in particular, © 2024." for i in range(3000))
    doc = Doc(page, Ledger(page), norm.rules)
    t0 = time.perf_counter()
    sources.detect(doc)
    datelines.extract(doc)
    assert time.perf_counter() - t0 < 1.0


def test_cli_rules_check_examples(tmp_path: Path):
    from normalizer.cli import main
    assert main(["rules", "check", "--examples"]) == 0
