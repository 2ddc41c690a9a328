"""Round 6 speed shortcut in ``sources``: the script of the text is only worked out when it can matter."""
from __future__ import annotations

import random

import pytest
from conftest import corpus_lines

from normalizer import Normalizer, sources
from normalizer.doc import Doc
from normalizer.lines import Ledger


@pytest.fixture(scope="module")
def rules():
    return Normalizer().rules


def _texts(rules) -> list[str]:
    """Texts naming several sources at once (names, domains, copyright lines) in several scripts."""
    rnd = random.Random(6)
    pool = list(corpus_lines(strip=True))
    srcs = sorted(rules.sources.values(), key=lambda s: s["id"])
    filler = ["据新华社报道，今天北京天气晴朗，气温回升。" * 3, "서울에서 열린 회의에서 정부는 새 정책을 발표했다." * 3,
              "東京で開かれた会議で、政府は新しい方針を発表した。" * 3, "The council met on Monday to discuss the budget.",
              "Правительство объявило о новых мерах поддержки."]
    out = []
    for _ in range(150):
        picked = rnd.sample(srcs, rnd.randint(1, 3))
        lines = [rnd.choice(filler) for _ in range(rnd.randint(1, 6))] + rnd.sample(pool, rnd.randint(0, 8))
        for s in picked:
            name = rnd.choice([s["name"], *s.get("aliases", []), *s.get("domains", [])])
            lines.insert(rnd.randrange(len(lines) + 1),
                         rnd.choice([f"© 2020 {name}", f"来源：{name}", f"Source: {name}", f"www.{name}", name]))
        out.append("\n".join(lines))
    return out


def test_script_is_skipped_only_when_it_cannot_change_the_source(rules, monkeypatch):
    def run(text: str) -> dict | None:
        doc = Doc(text, Ledger(text), rules)
        sources.detect(doc)
        return doc.fields.get("source")

    texts = _texts(rules)
    fast = [run(t) for t in texts]
    monkeypatch.setattr(sources, "_needs_language", lambda rules, scores: True)
    assert fast == [run(t) for t in texts]
