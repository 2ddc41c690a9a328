"""Round 6, title: the layout's per-line weights stand for ``weight(line.text)`` when the headline is scored."""
from __future__ import annotations

from normalizer import pipeline
from normalizer.boilerplate import layout_of
from normalizer.decode import decode
from normalizer.doc import Doc
from normalizer.layout import weight
from normalizer.lines import Ledger

PAGE = "\n".join([
    "Home | News | Sport | Business", "- World", "- Politics", "■ 経済ニュース", "首页 新闻 体育 财经 科技",
    "Markets rally as central bank holds rates steady", "2024-03-05 10:42 | Source: Example Wire",
    "By Jane Doe, staff writer",
    "The central bank left its benchmark rate unchanged on Tuesday, saying inflation was easing but that it "
    "would wait for more evidence before cutting borrowing costs this year.",
    "Investors had expected the decision, and stocks rose in early trading as bond yields fell slightly "
    "across the curve after the announcement.",
    "東京株式市場では日経平均株価が続伸し、前日比で三百円以上高い水準で取引を終えた。市場関係者は慎重な見方を示している。",
    "한국은행은 기준금리를 동결했다. 물가 상승률이 둔화하고 있지만 불확실성이 여전히 크다고 밝혔다 고 말했다.",
    "Analysts said the next move would depend on wage growth and energy prices over the coming months.",
    "Related", "* Oil prices slip", "* Tech shares climb", "Share  Tweet  Email", "© 2024 Example Media",
] * 2)


def test_layout_weights_are_line_weights(norm) -> None:
    """Title reads ``layout_of(doc).weights[i]`` instead of ``weight(lines[i].text)``: the same numbers."""
    dec = decode(PAGE)
    doc = Doc(dec.text, Ledger(dec.text), norm.rules)
    for name, stage in pipeline.STAGES:
        if name == "title":
            break
        stage(doc)
    lines = doc.ledger.lines
    assert layout_of(doc).weights == [weight(ln.text) for ln in lines]
    assert len(lines) > 30
