"""Round 9 shortcut in ``language.sample``: lines are ranked as running text only when reached in length
order; the sample must be what ranking every line first and sorting gave."""
from __future__ import annotations

import random

from conftest import corpus_lines

from normalizer import language
from normalizer.lines import Ledger

_LINES = (
    "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed the bill.",
    "Le gouvernement a annoncé une réforme des retraites mardi soir.",
    "Home | News | Sport | Weather",
    "Monat auswählen Januar 2020 (1) Februar 2020 (3)",
    "МОСКВА, 12 марта. /ТАСС/. Президент подписал указ.",
    "정부는 12일 새 정책을 발표했다.",
    "新华社北京3月5日电（记者 张三）国务院总理今天说。",
    "Tags: economy, politics, world",
    "Is this a question?",
    "Version 2.0",
    "x" * 40,
    "Short.",
)


def _sample_slow(lines: list) -> str:
    ranked = sorted(lines, key=lambda ln: (-language._prose_ranks([ln.text])[0], -len(ln.text), ln.index))
    picked, total = [], 0
    for ln in ranked:
        picked.append(ln)
        total += len(ln.text)
        if total >= language.SAMPLE_CHARS:
            break
    picked.sort(key=lambda ln: ln.index)
    return "\n".join(ln.text for ln in picked)[: language.SAMPLE_CHARS * 2]


def test_sample_ranks_lazily_as_the_full_sort_did():
    rnd = random.Random(91)
    pool = list(_LINES) + list(corpus_lines(strip=True)[:3000])
    for _ in range(400):
        texts = rnd.choices(pool, k=rnd.randint(0, 40))
        lines = Ledger("\n".join(t for t in texts if t.strip())).lines
        for ls in (lines, rnd.sample(lines, len(lines))):
            assert language.sample(None, ls) == _sample_slow(ls), [ln.text for ln in ls]
