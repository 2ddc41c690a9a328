"""Round 8 speed shortcuts in ``sources``: the copyright words are found by the automaton's own pass, and the
line texts are sliced only when a line is longer than ``MAX_LINE``."""
from __future__ import annotations

import random

import pytest
from conftest import corpus_lines

from normalizer import Normalizer, sources
from normalizer.doc import Doc
from normalizer.lines import Ledger

# Copyright lines naming no source file's outlet, in several scripts and cases (and ``ſ``, ``İ``, ``ⓒ``).
_COPY = ["© 2016 明日大盘 京ICP备12345678号", "Copyright (C) 2019 Small Town Gazette. All Rights Reserved.",
         "ⓒ 동네신문 무단 전재 및 재배포 금지", "本站版权所有 未经授权不得转载", "著作権 山田新聞社 無断転載を禁じます",
         "版權所有 © 2021 小鎮日報", "COPYRİGHT 2020 Example Ltd.", "(c) 2001-2024 Riverside Weekly Inc.",
         "all rights reserved", "禁止转载 本文", "ſome text about the copyright", "저작권자 © 시골일보",
         "Copyright © Kleine Zeitung GmbH 2023"]
_FILLER = ["The council met on Monday to discuss the budget.", "据新华社报道，今天北京天气晴朗，气温回升。",
           "서울에서 열린 회의에서 정부는 새 정책을 발표했다.", "東京で開かれた会議で、政府は新しい方針を発表した。",
           "Правительство объявило о новых мерах поддержки.", "copyrigh t (c ) all rights reserve"]


@pytest.fixture(scope="module")
def rules():
    return Normalizer().rules


def _texts() -> list[str]:
    rnd = random.Random(8)
    pool = list(corpus_lines(strip=True))
    out = []
    for _ in range(200):
        lines = [rnd.choice(_FILLER) for _ in range(rnd.randint(0, 5))] + rnd.sample(pool, min(len(pool), rnd.randint(0, 6)))
        for _ in range(rnd.randint(0, 4)):
            lines.insert(rnd.randrange(len(lines) + 1), rnd.choice(_COPY))
        out.append("\n".join(lines) or "x")
    return out + [t.upper() for t in out[:40]]


def test_copyright_lines_from_the_automaton_are_the_scanned_ones(rules):
    auto = sources.index(rules)["auto"]
    for text in _texts():
        texts = [ln.text for ln in Ledger(text).lines]
        low, ends = sources._lowered_lines(texts)
        at = {stop + 1 - len(word) for stop, (word, _) in auto.iter(low) if word in sources._COPYRIGHT_WORDS}
        assert sources._copyright_lines(low, ends, at) == sources._copyright_lines(low, ends), text


def test_source_is_the_same_with_the_scanned_copyright_lines(rules, monkeypatch):
    def run(text: str) -> dict | None:
        doc = Doc(text, Ledger(text), rules)
        sources.detect(doc)
        return doc.fields.get("source")

    texts = _texts()
    fast = [run(t) for t in texts]
    assert any(f and f["rule"] == "source.copyright_line" for f in fast)
    scanned = sources._copyright_lines
    monkeypatch.setattr(sources, "_copyright_lines", lambda low, ends, at=None: scanned(low, ends))
    assert fast == [run(t) for t in texts]


def test_line_texts_are_cut_at_max_line():
    text = "short\n" + "x" * (sources.MAX_LINE + 5) + "\nend"
    lines = Ledger(text).lines
    assert sources._line_texts(lines) == [ln.text[:sources.MAX_LINE] for ln in lines]
    assert sources._line_texts(lines[:1]) == ["short"] and sources._line_texts([]) == []
