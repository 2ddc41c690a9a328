"""The language fast paths: script counts and stopword profiles, with langdetect only when unsure."""
from __future__ import annotations

import pytest
from conftest import FIXTURES, shared_path

from normalizer import language


@pytest.mark.parametrize("text,code", [
    ("The council said on Tuesday that the new ferry service would start in May and run at night.", "en"),
    ("Der Stadtrat hat am Mittwoch beschlossen, dass in der Innenstadt neue Radwege gebaut werden.", "de"),
    ("El gobierno anunció el martes que el nuevo servicio de transbordadores comenzará en mayo, pero los "
     "vecinos dicen que todavía no saben cuándo habrá barcos por la noche y piden que se les explique.", "es"),
    ("Le conseil a annoncé mardi que le nouveau service de ferry commencera au mois de mai. Les habitants "
     "disent qu'ils ne savent pas encore si les bateaux vont circuler la nuit et demandent des réponses.", "fr"),
    ("Правительство заявило во вторник, что новая паромная служба начнет работу в мае и будет ночной.", "ru"),
])
def test_stopwords_decide_clear_cases(text, code):
    assert language.identify(text)[0] == code          # one sentence: the fast path may defer to langdetect
    para = " ".join([text] * 3)                         # a paragraph: the fast path decides alone
    assert language.stopword_guess(para)[0] == code
    got, conf, rule = language.identify(para)
    assert (got, rule) == (code, "language.stopwords") and 0.9 <= conf <= 0.99


@pytest.mark.parametrize("text", ["", "Seoul Tokyo Beijing", "12 34 56", "Apfel Butter Zucker Zwiebel Kartoffel Sahne Senf"])
def test_unsure_gives_none(text):
    assert language.stopword_guess(text) == (None, 0.0)


def test_stray_kana_does_not_make_a_chinese_page_japanese():
    text = "桃園市平鎮區一家輪胎行今天清晨發生大火，一名女子逃生不及。" * 10 + "日本語版に移動しますか"
    assert language.identify(text)[0] == "zh-Hant"


def test_script_counts():
    c = language.script_counts("abc é 서울 ソウル 首尔 Сеул αβ ١٢")
    assert (c["latin"], c["hangul"], c["kana"], c["han"], c["cyrillic"], c["greek"]) == (4, 2, 3, 2, 4, 2)


def test_deterministic_fallback():
    text = "Ini adalah sebuah kalimat dalam bahasa yang tidak punya profil."
    assert language.identify(text) == language.identify(text)


def test_fixtures(norm):
    for name, code in [("en_wire", "en"), ("de_page", "de"), ("ko_bom", "ko"), ("ja_sjis", "ja")]:
        rec = norm.normalize((FIXTURES / "scale" / f"{name}.txt").read_bytes())
        assert rec["language"]["code"] == code


def test_gold_language_accuracy(norm):
    import json
    for corpus in ("wire", "pages"):
        folder = shared_path("corpus", corpus)
        total = right = 0
        for f in sorted(folder.glob("*.txt")):
            gold = json.loads(f.with_suffix(".json").read_text(encoding="utf-8")).get("language")
            if gold:
                total += 1
                right += (norm.normalize(f.read_bytes())["language"] or {}).get("code") == gold
        assert right / total >= 0.98, (corpus, right, total)
