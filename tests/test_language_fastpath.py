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


# A blog page whose longest lines are widgets (an archive picker, a category list): the sample must be
# the post's running text, so the stopwords decide and langdetect is not needed.
_WIDGET_PAGE = "\n".join([
    "Kleiner Gartenblog",
    "* Startseite",
    "* Über mich",
    "Archiv Monat auswählen Oktober 2021 (3) September 2021 (5) August 2021 (2) Juli 2021 (4) Juni 2021 (1) "
    "Mai 2021 (6) April 2021 (2) März 2021 (3) Februar 2021 (1) Januar 2021 (2) Dezember 2020 (4)",
    "Kategorien Allgemein (12) Balkon (4) Beete (9) Kompost (3) Obstbäume (5) Rezepte (7) Saatgut (6) "
    "Tomaten (8) Werkzeug (2) Winterschutz (3) Zwiebeln (1) Kräuter (6) Hochbeet (4)",
    "Die ersten Tomaten sind reif",
    "Nach dem langen und kühlen Frühjahr hatte ich kaum noch damit gerechnet, aber in dieser Woche waren die "
    "ersten Tomaten am Balkon endlich rot.",
    "Im nächsten Jahr will ich die Pflanzen früher aussäen und sie an einer wärmeren Wand aufstellen.",
    "Kommentare (2)",
])


def test_sample_prefers_running_text_over_widgets(norm):
    rec = norm.normalize(_WIDGET_PAGE.encode())
    assert (rec["language"]["code"], rec["language"]["rule"]) == ("de", "language.stopwords")


def test_sample_puts_sentences_first():
    class _Line:
        def __init__(self, index: int, text: str) -> None:
            self.index, self.text, self.role = index, text, None

    texts = _WIDGET_PAGE.splitlines()
    more = [f"Am {d}. Tag habe ich wieder gegossen, und die Blätter sahen nach dem Regen viel besser aus als "
            f"in der Woche davor." for d in range(1, 6)]
    lines = [_Line(i, t) for i, t in enumerate(texts + more)]
    got = language.sample(None, lines)  # type: ignore[arg-type]
    # enough running text: the widgets, though longer, are left out; the sample keeps text order
    assert "Archiv Monat" not in got and "Kategorien" not in got
    assert got.startswith("Nach dem langen") and got.endswith(more[-1])
    got = language.sample(None, lines[:len(texts)])  # type: ignore[arg-type]
    assert "Nach dem langen" in got and "Im nächsten Jahr" in got   # the widgets only fill up
    widgets = [_Line(i, t * 3) for i, t in enumerate(texts[3:5])] + [_Line(9, "Schöne Grüße, bis bald.")]
    got = language.sample(None, widgets)  # type: ignore[arg-type]  # too little running text: longest first
    assert got.startswith("Archiv Monat") and got.endswith("bis bald.") and "Kategorien" not in got


@pytest.mark.parametrize("lines,ranks", [
    (["Hello world.", "a.b", "Version 3.", "Ende. Neu", "U.S.", "x!"], [1, 0, 0, 1, 1, 1]),
    (["…", "und dann…", "abc. ", "", "no end", "Fertig.\u00a0Weiter", "é.", "１.", "終わり。"], [0, 1, 1, 0, 0, 1, 1, 0, 1]),
    (["Monat auswählen Januar 2020 (1)", "Wie geht es weiter?"], [0, 1]),
])
def test_prose_ranks(lines, ranks):
    assert language._prose_ranks(lines) == ranks


def test_prose_ranks_shortcut_agrees_with_the_scan():
    """The end-of-line shortcut gives what the pattern gives, on letters, digits and other numerics."""
    ends = ["word.", "x².", "½!", "Ⅻ?", "3.", "_.", "é…", "終わり。", "ｘ！", "a?", ". ", "a.b", "", ".", "—.", "ß?"]
    lines = [pre + e for pre in ("", "Ende gut ", "Monat (1) ", "Fertig. ") for e in ends]
    want = [1 if language._SENTENCE_END.search(t) else 0 for t in lines]
    assert language._prose_ranks(lines) == want and 0 < sum(want) < len(want)
