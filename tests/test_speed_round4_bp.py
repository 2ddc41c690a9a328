"""Speed round 4 (boilerplate, layout): each shortcut gives the answer of the slow path it stands in for."""
from __future__ import annotations

import random
import re
import sys

import regex
from conftest import corpus_lines

from normalizer import boilerplate, layout
from normalizer.lines import Ledger
from normalizer.rules import load_rules

LINES = list(corpus_lines(strip=True))
_RND = random.Random(11)
_ALPHABET = " \t*+-o•·>|»›123.,:!?'\"’”)(aAbBzZIéЖ中文ー한。、「」|/ \u3000\x1c\x85"
FUZZ = ["".join(chr(_RND.randrange(0x20, 0x30000)) for _ in range(_RND.randint(1, 12))) for _ in range(2000)] + [
    "".join(_RND.choice(_ALPHABET) for _ in range(_RND.randint(1, 40))) for _ in range(4000)]
CRAFTED = [
    "", "*", "* ", "*  About", "* About Us", "*\x1cx", "* \x1cx", "*\u3000x", "o x", "often", "1. Step", "12.x",
    "١٢. عربي", "- |", "» Next", "›Prev", "Home | News | Sport", "Home > News > Sport", "a / b / c", "x>>y",
    "Police Arrest Two After Downtown RobberyA 24-year-old man was arrested", "Hello World!Next Story here",
    "The said “Yes”Then I went", "SportsNews Update Today", "新闻 体育 财经 娱乐", "首页新闻中心体育频道财经频道科技频道",
    "뉴스 스포츠 연예 경제 사회", "ニュース スポーツ エンタメ", "Главная Новости Спорт Контакты", "1  2  3  4",
    "Team  12  4  8", "2024-05-01", "5月3日", "About Us.", "Contact \"us.\"", "Read more:", "Loading…",
    "Share this story, Facebook", "Startseite · Politik · Wirtschaft", "Accueil > Actualités",
]
TEXTS = LINES + FUZZ + CRAFTED

_OLD_GLUE = re.compile(r"(?:(?<=[A-Za-z][a-z]{3})|(?<=[)?!’”\"']))(?:[A-Z][a-z]*|A|I) ")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _old_glued(text: str) -> bool:
    for m in _OLD_GLUE.finditer(text[:150]):
        pre = text[: m.start() + 1].split()
        if len(pre) >= 3 and sum(1 for t in pre if t[:1].isupper() or t[:1].isdigit()) >= 0.6 * len(pre):
            return True
    return False


def _old_weight(text: str) -> float:
    c = len(_CJK.findall(text))
    return float(len(text.split())) if not c else len(text.split()) + c / 2.5


def _old_menu_row(text: str) -> bool:
    toks = text.split()
    if len(toks) < 3:
        return False
    if layout._HAN_KANA.search(text):
        lens = [len(t) for t in toks]
        return max(lens) <= 4 or (len(toks) >= 5 and sum(lens) / len(toks) <= 5)
    if _CJK.search(text):
        lens = [len(t) for t in toks]
        if layout._HANGUL_STOP.search(text) or layout.ends_sentence(text):
            return False
        return (len(toks) >= 5 and max(lens) <= 4) or (len(toks) >= 9 and sum(lens) / len(toks) <= 5)
    return len(toks) >= 4 and all(t[:1].isupper() or not t[:1].isalpha() for t in toks)


def _old_menu_body(body: str) -> bool:
    b = boilerplate
    return bool((b._NAV_SEP.search(body) and _old_weight(body) <= 30) or _old_menu_row(body)
                or b._GLUED_MENU.match(body) or (
                    _CJK.search(body) and not b._PUNCT.search(body) and not b._DIGIT.search(body)
                    and (len(body.split()) >= 3 or len(body) >= 24)))


def _old_guess_kind(kind_of, text: str) -> str:
    k = kind_of(text)
    if k:
        return k
    body = layout.MARKER.sub("", text, count=1)
    if _old_menu_body(body):
        return "navigation"
    if _old_glued(body) or (_old_weight(body) >= 5 and len(body) >= 12):
        return "related"
    return "navigation"


def _old_nav_item(text: str) -> bool:
    b = boilerplate
    if not b._MARKER.match(text):
        return False
    body = b._MARKER.sub("", text, count=1)
    return (_old_weight(body) <= 6 and len(body) <= 40
            and not b._SENTENCE_END.search(body) and not b._DATEISH.search(body))


def test_white_space_of_the_regex_engine_is_str_isspace():
    """``marker_end`` reads a character that is no ``str.isspace`` as one ``\\s`` does not match."""
    space = regex.compile(r"\s")
    for i in range(sys.maxunicode + 1):
        ch = chr(i)
        if space.match(ch):
            assert ch.isspace(), hex(i)


def test_glue_pattern_opening_with_the_capital():
    for text in TEXTS:
        head = text[:150]
        assert [m.start() for m in layout._GLUE.finditer(head)] == [m.start() for m in _OLD_GLUE.finditer(head)], text
        assert layout.glued_teaser(text) == _old_glued(text), text


def test_marker_shortcuts():
    for text in TEXTS:
        for chars, rx in ((layout._MARKER_CHARS, layout.MARKER), (boilerplate._MARKER_CHARS, boilerplate._MARKER)):
            m = rx.match(text)
            assert layout.marker_end(text, chars, rx) == (m.end() if m else -1), text
        assert layout.has_marker(text) == bool(layout.MARKER.match(text)), text
        assert layout.strip_marker(text) == layout.MARKER.sub("", text, count=1), text


def test_line_shape_shortcuts():
    b = boilerplate
    for text in TEXTS:
        assert layout.weight(text) == _old_weight(text), text
        assert layout.menu_row(text) == _old_menu_row(text), text
        assert b._menu_body(text) == _old_menu_body(text), text
        assert b._nav_sep(text) == bool(b._NAV_SEP.search(text)), text
        assert b._glued_menu(text) == bool(b._GLUED_MENU.match(text)), text
        assert b._sentence_end(text) == bool(b._SENTENCE_END.search(text)), text
        assert b._dateish(text) == bool(b._DATEISH.search(text)), text
        assert b._teaser_punct(text) == bool(b._TEASER_PUNCT.search(text)), text
        assert layout.is_table_row(text) == bool(layout.TABLE_ROW.search(text)), text
        assert b._is_nav_item(text) == _old_nav_item(text), text
        sep = bool(b._SEPARATOR.match(text))
        assert b._menu_line(text) == (_old_nav_item(text) or sep, bool(b._MARKER.match(text)) or sep), text


def test_guess_kind_reordered():
    words = {"share": "share", "home": "navigation"}
    for text in TEXTS:
        for kind_of in (lambda t: None, lambda t: words.get(t.casefold())):
            assert boilerplate._guess_kind(kind_of, text) == _old_guess_kind(kind_of, text), text


def _old_features(texts: list[str], is_section):
    w = [_old_weight(t) for t in texts]
    marker = [bool(layout.MARKER.match(t)) for t in texts]
    end = [bool(layout._END.search(t)) for t in texts]
    glued = [w[i] >= 8 and _old_glued(t) for i, t in enumerate(texts)]
    section = [w[i] < 16 and is_section(t) for i, t in enumerate(texts)]
    table = [bool(layout.TABLE_ROW.search(t)) for t in texts]
    prose = [(w[i] >= layout.PROSE_WORDS and (not marker[i] or (w[i] >= 14 and t[-1:] in layout._FULL_STOP))
              and (end[i] or w[i] >= 20) and not glued[i]) or table[i] for i, t in enumerate(texts)]
    return w, marker, end, glued, section, prose, sum(table)


def test_features_in_one_place():
    def is_section(t: str) -> bool:
        return t.casefold().startswith(("related", "comments", "相关"))
    for start in range(0, len(TEXTS), 97):
        texts = [t for t in TEXTS[start:start + 97] if t.strip() == t and t]
        new = layout._features(texts, is_section)
        old = _old_features(texts, is_section)
        assert new[:2] == old[:2] and new[3:] == old[3:]
        # the sentence end is asked only of lines of weight 5 or more
        assert new[2] == [wt >= 5 and e for wt, e in zip(old[0], old[2], strict=True)]


def _old_whole_page(doc, lay) -> bool:
    if lay.start < 0 or lay.wrapped:
        return False
    top = 0
    for ln in doc.ledger.lines[: lay.start]:
        top += (lay.weights[ln.index] <= 4 and ln.role != "header" and not boilerplate._DIGIT.search(ln.text)) \
            or layout.has_marker(ln.text) or ln.role == "boilerplate"
    if len(lay.main) < 12:
        return False
    if top >= 3:
        return True
    return sum(1 for ln in doc.ledger.lines if not lay.main[ln.index] and boilerplate._BULLET.match(ln.text)) >= 5


def test_whole_page_stops_early():
    class _Doc:
        pass
    rnd = random.Random(3)
    rules = load_rules()
    for n in range(400):
        lines = [rnd.choice(LINES + CRAFTED[1:]) for _ in range(rnd.randint(3, 60))]
        doc = _Doc()
        doc.ledger = Ledger("\n".join(lines))
        doc.rules = rules
        doc.fields = {}
        for ln in doc.ledger.lines:
            ln.role = rnd.choice((None, None, "header", "boilerplate"))
        lay = boilerplate.layout_of(doc)
        assert boilerplate.whole_page(doc, lay) == _old_whole_page(doc, lay), n
