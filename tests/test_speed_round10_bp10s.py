"""Speed round 10 (section starts): the keyword gate in front of the section-start rules never drops a line
a rule matches, and it really skips the rules on a line without keywords."""
from __future__ import annotations

import random
import sys

import pytest
import regex
from conftest import corpus_lines

from normalizer import boilerplate, layout
from normalizer.rules.regexes import Rx

LINES = [t for t in corpus_lines(strip=True)[::5] if len(t.split()) < 16]  # the lines the layout asks about

# A line for (nearly) every alternative of the shipped section starts, in several languages and scripts.
HEADINGS = [
    "3 comments", "12 Responses", "1 replies", "5 replies", "2 reactions", "Comments", "Comment (4)", "comments  ",
    "[ 7 comments", "Show all comments", "Top rated comments", "Load comments", "View all comments",
    "Read comments", "Leave a Reply", "Leave a comment", "Post a comment", "Add your comment", "Add a comment",
    "Join the discussion", "Join the conversation", "1. Maria says:", "12.  j.doe says:", "Kommentare",
    "Kommentare (3)", "Commentaires", "Comentarios", "Commenti", "Комментарии", "评论", "评论（12）", "网友评论",
    "热门评论", "최신댓글", "댓글 3", "コメント 5", "More great Sports stories", "More top World news",
    "More Business articles", "More Travel videos", "Don't miss", "Don’t Miss", "See more", "Featured video",
    "Featured stories", "Quick links", "Explore more", "What to read next", "More like this", "Keep reading",
    "From around the web", "Promoted stories", "Promoted links", "Read this next", "Weitere Beiträge",
    "Weitere Artikel", "Weitere Nachrichten", "Ähnliche Artikel", "Das könnte Sie auch interessieren",
    "Mehr zum Thema", "À lire aussi", "Lire aussi", "Articles similaires", "Sur le même sujet",
    "Noticias relacionadas", "Te puede interesar", "Lee también", "Articoli correlati", "Leggi anche",
    "Potrebbe interessarti", "Leia também", "Notícias relacionadas", "Veja também", "Читайте также",
    "Похожие новости", "Похожие статьи", "Другие новости", "Related", "Related Articles", "Most read",
    "Most viewed", "Most popular", "Most shared", "Most emailed", "Most commented", "More from BBC",
    "More in Sport", "More on this story", "More stories", "More news", "More articles", "Recommended",
    "We recommend", "Next up", "Read more", "Read next", "Read also", "You may also like", "You might enjoy",
    "You may be interested", "Trending", "Popular now", "Popular stories", "Popular posts", "Popular articles",
    "Latest news", "Latest stories", "Latest headlines", "Latest articles", "Latest posts", "Top stories",
    "Editor's picks", "Editor’s Picks", "Other stories", "Similar articles", "Other news", "See also",
    "Also read", "Previous article", "Previous post", "Next story", "Next article", "관련기사", "관련 기사",
    "많이 본 뉴스", "인기 기사", "相关新闻", "相关阅读", "相关文章", "相关推荐", "相关报道", "相關新聞", "相關閱讀",
    "相關文章", "热门文章", "热门推荐", "热门新闻", "熱門文章", "熱門新聞", "推荐阅读", "猜你喜欢", "精彩推荐",
    "更多新闻", "更多精彩", "関連記事", "関連ニュース", "アクセスランキング", "人気記事", "おすすめ記事", "相关内容",
    "相关信息", "相关链接", "相關內容", "相關連結", "与内文相关", "與內文相關", "最近文章", "推薦閱讀",
    "あなたにおすすめ", "アクセストップ", "阅读下一篇", "下一篇", "推薦新聞", "精彩组图", "Articles", "articles  ",
    "小编最近文章", "作者最近文章", "友情链接", "友情鏈接", "更多体育新闻", "更多財經新聞", "Share this", "Share on",
    "Share the love", "Share article", "Share story", "Share", "Share:", "Like this:", "Like this",
    "Spread the word", "分享到：", "공유하기", "Follow us", "Follow us on X", "关注我们", "關注我們", "フォローする",
    "Stay up to date", "Über den Autor", "Über die Autorin", "Sobre el autor", "À propos de l'auteur",
    "Об авторе", "About the author", "About the authors", "About author", "Tags:", "Tag :", "Filed under",
    "Topics:", "Topic:", "Like this article?", "Sign up", "Subscribe", "Newsletter", "Sponsored", "Advertisement",
    "Ad choices",
]
OTHERS = [
    "The minister said on Tuesday that the plan would go ahead.", "Home | News | Sport", "Ünïcode façade café",
    "Президент заявил в понедельник", "国务院总理今天会见了来宾", "서울 경제 뉴스", "東京の天気は晴れ", "",
    "İstanbul'da yağmur", "ΑΘΗΝΑ, Τρίτη", "Ⓒ 2024", "»", "--- ---",
]
PREFIXES = ["", "» ", "— ", "** ", "[", "  ", "▶ ", "1. "]
SUFFIXES = ["", " »", ":", " (12)", " ", "…"]


def _variants(s: str) -> set[str]:
    """Case and look-alike variants: every one the ``regex`` module may match under IGNORECASE."""
    forms = {s, s.upper(), s.lower(), s.title(), s.swapcase(), s.capitalize(),
             s.replace("i", "İ"), s.replace("I", "ı"), s.replace("s", "ſ"), s.replace("k", "\u212a"),
             s.upper().replace("I", "İ"), s.replace("ss", "ß")}
    return {p + f + q for i, f in enumerate(sorted(forms)) for p in PREFIXES[i % 4::4] for q in SUFFIXES[i % 3::3]}


def _texts() -> list[str]:
    out: set[str] = set(LINES)
    for s in HEADINGS + OTHERS:
        out |= _variants(s)
    return sorted(out)


@pytest.fixture(scope="module")
def sections(norm):
    return norm.rules.view("boilerplate.sections", boilerplate._build_sections)


def _slow(rules: list[dict], union: Rx | None, text: str) -> dict | None:
    """``_section_rule`` as it was: the union as a first pass, then every rule in order."""
    if union is not None and not union.may_match(text):
        return None
    return next((r for r in rules if r["pattern"].search(text)), None)


def test_every_heading_is_a_section_start(norm, sections):
    """The crafted headings do open sections (so the next test checks the gate where it matters)."""
    assert all(r.get("keywords") for r in sections)
    assert [h for h in HEADINGS if not any(r["pattern"].search(h) for r in sections)] == []


def test_keywords_are_literals_of_their_pattern(sections):
    """Each keyword's characters are written as in its pattern (the case-fold check below reads them)."""
    assert [(r["name"], k) for r in sections for k in r["keywords"] if not set(k) <= set(r["pattern"].source)] == []


def test_fold_agrees_with_regex_ignore_case():
    """Every character the ``regex`` module matches to a keyword character under IGNORECASE folds as that
    character does (``İ`` for ``i``, ``ſ`` for ``s``, ``K`` for ``k``…): a keyword the pattern matches is
    then found in the folded line. Checked over every code point."""
    from normalizer.rules import load_rules
    rules = load_rules()
    chars = sorted({c for r in rules.view("boilerplate.sections", boilerplate._build_sections)
                    for k in r["keywords"] for c in k})
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    some = set(regex.findall("[" + "".join(map(regex.escape, chars)) + "]", every, flags=regex.IGNORECASE))
    bad = [(c, x) for x in sorted(some) for c in chars if regex.fullmatch(regex.escape(c), x, flags=regex.IGNORECASE)
           and boilerplate.fold_keywords(x) != boilerplate.fold_keywords(c)]
    assert len(some) > len(chars)
    assert bad == []
    assert boilerplate.fold_keywords("İNTERESTED") == "interested"


def test_gate_never_drops_a_match(norm, sections):
    """Rule matches ⇒ the gate lists the rule, and the gated ``_section_rule`` gives the old answer."""
    gate = norm.rules.view("boilerplate.sections.gate", boilerplate._build_section_gate)
    assert gate is not None
    union = boilerplate._union(sections)
    doc = boilerplate._RulesOnly(norm.rules)
    missed, differ, matched = [], [], 0
    for t in _texts():
        hits = boilerplate._rule_candidates(gate, t)
        for i, r in enumerate(sections):
            if r["pattern"].search(t):
                matched += 1
                if i not in hits:
                    missed.append((r["name"], t))
        if boilerplate._section_rule(doc, t) is not _slow(sections, union, t):
            differ.append(t)
    assert matched > 2000
    assert missed == [] and differ == []


def test_gate_skips_the_rules(norm, monkeypatch):
    """A line holding no keyword is answered None without running any section regex."""
    doc = boilerplate._RulesOnly(norm.rules)
    assert boilerplate._section_rule(doc, "Related") is not None
    calls = []

    def spy(self, *args, **kwargs):
        calls.append(self.name)
        return None

    monkeypatch.setattr(Rx, "search", spy)
    monkeypatch.setattr(Rx, "may_match", spy)
    for t in ["The minister said on Tuesday", "国务院总理今天会见了来宾", "Home | News | Sport", "Читать"]:
        assert boilerplate._section_rule(doc, t) is None
    assert calls == []
    boilerplate._section_rule(doc, "Share this")
    assert calls  # a line with a keyword runs its rule


def test_no_gate_without_keywords(norm, monkeypatch):
    """A section rule without keywords (a user's) turns the gate off: the union and every rule run."""
    rules = norm.rules.view("boilerplate.sections", boilerplate._build_sections)
    plain = [*rules, {"name": "section.user", "kind": "other", "pattern": Rx("(?i)^zzz"), "locale": "xx"}]
    monkeypatch.setattr(boilerplate, "_build_sections", lambda _rs: plain)

    class _Rules:
        def __init__(self) -> None:
            self.views: dict = {}

        def view(self, key, build):
            if key not in self.views:
                self.views[key] = build(self)
            return self.views[key]

    doc = boilerplate._RulesOnly(_Rules())
    assert boilerplate._build_section_gate(doc.rules) is None
    assert boilerplate._section_rule(doc, "ZZZ top")["name"] == "section.user"
    assert boilerplate._section_rule(doc, "Related")["name"] == "section.related"
    assert boilerplate._section_rule(doc, "Nothing here") is None


def test_page_pass_asks_every_line_that_can_open_a_section(norm):
    """``_sections_of`` (one keyword pass over the page) gives ``_is_section`` of every line, on pages made
    of headings, their variants and corpus lines (with line breaks inside a line, dotted capitals…)."""
    rnd = random.Random(10)
    gate = norm.rules.view("boilerplate.sections.gate", boilerplate._build_section_gate)
    doc = boilerplate._RulesOnly(norm.rules)

    def is_section(t: str) -> bool:
        return boilerplate._section_rule(doc, t) is not None

    texts = _texts()
    odd = ["İ", "İİ Share", "a\nRelated", "\n", "ß", "Ο\u0307", "\u0307Related", "Related\u0307"]
    pages = 0
    for _ in range(150):
        page = [rnd.choice(texts) for _ in range(rnd.randint(0, 60))] + rnd.sample(odd, rnd.randint(0, 2))
        rnd.shuffle(page)
        assert boilerplate._sections_of(gate, is_section, page) == [is_section(t) for t in page], page
        pages += any(map(is_section, page))
    assert pages > 100


def test_layout_with_page_pass_is_the_same(norm):
    """``analyze`` with the page pass gives the layout it gives asking line by line."""
    rnd = random.Random(11)
    gate = norm.rules.view("boilerplate.sections.gate", boilerplate._build_section_gate)
    doc = boilerplate._RulesOnly(norm.rules)

    def is_section(t: str) -> bool:
        return boilerplate._section_rule(doc, t) is not None

    def is_comments(t: str) -> bool:
        return (boilerplate._section_rule(doc, t) or {}).get("name", "").startswith("comments.")
    texts = _texts()
    for _ in range(100):
        page = [rnd.choice(texts) for _ in range(rnd.randint(0, 80))]
        slow = layout.analyze(page, is_section, is_comments)
        fast = layout.analyze(page, is_section, is_comments, lambda ts: boilerplate._sections_of(gate, is_section, ts))
        assert fast == slow
