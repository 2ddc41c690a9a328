"""The date/time shapes every language shares, compiled once from data.

Month words are babel's CLDR names (``datewords``); labels, am/pm words and zone abbreviations come from
every locale file's ``[dates]`` and ``[timezones]``. One pattern finds every absolute date in a line; its
groups say what it caught (``y m d`` or ``a b y`` for an ambiguous ``a/b/y``, ``mw`` a month word, ``ey``
a year of the 1912 era (Juche, Minguo), ``jy`` a Solar Hijri year (``jmw`` its month word), ``H M S``, ``ampm``, ``tz``). Label patterns tell whether the
words before or after a date announce a publication or an update.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import ahocorasick

from .rules import Rules

# A time after a date: optional connector, am/pm before (CJK, Korean) or after, optional zone. Words (month
# names, zone abbreviations) are matched as any word here and checked against the data in Python: a regex
# alternation of a thousand words costs a millisecond per line, a dictionary lookup nothing.
_CONNECT = (r"(?:[\s,，]*(?:um|at|à|a\s+las|a\s+la|às|as|alle|ore|om|в|o|saat|kl\.?|klo|le|@|-|–|—|\||/|·|•|T|,)?"
            r"[\s]*)")
_AMPM_PRE = r"(?:(?P<ampm>오전|오후|午前|午後|上午|下午|凌晨|早上|晚上|中午)\s*)"
# ... or after it: ``3:45 p.m.``, Arabic ``10:15 م`` (ص/م, صباحًا/مساءً), Vietnamese ``10:15 CH`` (SA/CH).
_AMPM_POST = (r"(?:\s?(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b|(?-i:SA|CH)\b"
              r"|(?:صباح|مساء)[\u064b\u0627]*|[صم](?![^\W\d_])))")
_CJK_TIME = (r"(?P<H>[01]?\d|2[0-4])\s*(?:[時时시點点]\s*(?:(?P<M>[0-5]?\d)\s*[分분]?)?"
             r"|[:：]\s*(?P<M>[0-5]\d)(?:[:：](?P<S>[0-5]\d))?)")
_TIME = r"(?P<H>[01]?\d|2[0-4])(?:[:：h.](?P<M>[0-5]\d)(?:[:：.](?P<S>[0-5]\d)(?:\.\d{1,6})?)?)"
_TZ = (r"(?:\s*\(?(?-i:(?P<tz>(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?|[+\-−](?:0\d|1[0-4]):?[0-5]\d(?!\d)"
       r"|Z(?![^\W_])|[A-Z\u0400-\u042f][A-Za-z\u0400-\u044f]?[A-Z\u0130\u0400-\u042f]{1,4}(?![^\W\d_])|[A-Z][a-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?"
       r"|[\u4e00-\u9fff]{2,9}(?=\s*$)|[\uac00-\ud7a3]{2,5}(?=\s*$)))\)?)")
_TZ_PRE = r"(?:(?!午前|午後|上午|下午|凌晨|早上|晚上|中午|오전|오후)(?P<tz>[\u4e00-\u9fff]{2,9}|[\uac00-\ud7a3]{2,5})\s*)"
_UHR = r"(?:\s*(?:Uhr|uhr|h\b|hs\b|horas|hrs\.?|น\.|ч\.?))"
# A weekday may stand between the date and the time (``14 Mart 2024 Perşembe 10:15``): caught as any
# word (``wd``) and checked against the weekday words in Python (not one: the time is dropped).
_WD = r"(?:(?!오전|오후|午前|午後|上午|下午|凌晨|早上|晚上|中午)(?P<wd>[^\W\d_]{2,12})\.?,?\s+(?:um\s|at\s|à\s|saat\s|ore\s|om\s|o\s|alle\s|-\s|,\s)?\s*)"
_TAIL = rf"(?:{_CONNECT}{_WD}?(?:{_AMPM_PRE}?{_TIME}(?:{_AMPM_POST})?{_UHR}?{_TZ}?))?"
_CJK_TAIL = (rf"(?:\s*[（(][^\W\d_]{{1,3}}[)）])?(?:[\s,，]*(?:{_TZ_PRE}?{_AMPM_PRE}?{_CJK_TIME}){_TZ}?)?")

# A time written before the date: ``09:31 August 20, 2019``, ``12:52, 28 April 2008``.
_PRE_TIME = (r"(?:(?<![\d:.])(?P<H>[01]?\d|2[0-3])[:：](?P<M>[0-5]\d)(?:\s?(?P<ampm>[ap]\.?\s?m\.?))?"
             r"(?:\s(?-i:(?P<tz>[A-Z]{2,5})))?[,\s]\s*)?")
_Y4 = r"(?P<y>(?:19[5-9]|20[0-4])\d)"
_D = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_M = r"(?P<m>0?[1-9]|1[0-2])"
# A month word; in Arabic script two words may make one (كانون الثاني, تشرين الأول: Levantine/Iraqi names).
_MW = r"(?P<mw>[^\W\d_]{2,14}(?:\s[\u0621-\u064a]{2,8}(?=[\s,\-]))?)\.?"

SHAPES = [
    # 2008-04-28 12:52, 2008.04.28, 2008/4/28, 2011-10-02T10:00:00+0900
    rf"(?<![\d.\-/]){_Y4}(?P<sep>[\-./])\s?{_M}(?P=sep)\s?{_D}(?![\d])(?!\.\d){_TAIL}",
    # 2008年4月28日 12時52分, 2008年04月28日 12:52
    rf"(?<!\d){_Y4}\s*年\s*{_M}\s*月\s*{_D}\s*[日号號]{_CJK_TAIL}",
    # 2008년 4월 28일 오후 12:52
    rf"(?<!\d){_Y4}\s*년\s*{_M}\s*월\s*{_D}\s*일(?:\s*[(（][\uac00-\ud7a3][)）])?(?:[\s,]*(?:{_AMPM_PRE}?{_CJK_TIME}))?",
    # Juche 113.1.2. / 民國105年3月19日 (years of the era that starts in 1912)
    r"(?:Juche\s?|主體|주체\s?|民國|民国)(?P<ey>\d{2,3})(?:\.|\s*年\s*)" + _M + r"(?:\.|\s*月\s*)" + _D
    + r"(?:\.|\s*日)?",
    # 28.04.2008, 12:52 Uhr / 28.4.08 / 28-04-2008 / 28/04/2008 (a/b: order from the locale)
    rf"(?<![\d.\-/]){_D}\.\s?{_M}\.\s?(?:{_Y4}(?!\d(?!\d?[./\s]))|(?P<y2>\d\d)(?![\d:]))(?!\.\d){_TAIL}",
    rf"(?<![\d.\-/])(?P<a>[0-3]?\d)(?P<sep>[/\-])(?P<b>[0-3]?\d)(?P=sep){_Y4}(?![/\-])(?!\d(?!\d?[./\-]|\s[^\W\d_])){_TAIL}",
    # 28 April 2008, 28. April 2008, 28 de abril de 2008, 28 апреля 2008 г.
    # (a day glued to a name before it, ``Nicole Collignon22. Februar 2020``, when a dot follows the day;
    # every match opens with a digit, of the time or the day: ``(?=\d)`` says so, cheaper than the rest)
    rf"(?=\d){_PRE_TIME}(?:(?<![^\W_])|(?<=[a-zß-ÿ])(?=\d{{1,2}}\.\s)){_D}(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+|-)?{_MW}(?:,|\s|-)\s*(?:de\s+|del\s+)?"
    rf"{_Y4}(?!\d(?!\d?[./\s]))(?:\s*(?:г\.|года|р\.|року|roku|yılı|m\.|ж\.))?{_TAIL}",
    # April 28, 2008 / Apr. 28 2008 / April 28th, 2008
    rf"{_PRE_TIME}(?<![^\W\d_]){_MW}\s*{_D}(?:st|nd|rd|th)?(?:,|\.)?\s*{_Y4}(?!\d(?!\d?[./\s])){_TAIL}",
    # 2008. április 28. (year-first month words)
    rf"(?<!\d){_Y4}\.?\s+{_MW}\s+{_D}\.?(?!\d){_TAIL}",
]

# What every match of a shape holds, a run of the shape's own atoms (``\d`` standing for the last digit of ``_D``):
# ``dates._find`` runs a shape on a window only when the window holds it. Each opens with a character
# class, which the regex engine skips to fast; the month-word ones (6-8) hold the month word by the year.
SHAPE_NEEDS = {
    # a year, its separator, the month's first digit (first character a class, the branch by a look-back)
    0: re.compile(r"[12](?:(?<=1)9[5-9]|(?<=2)0[0-4])\d[\-./]\s?\d"), 1: re.compile("年"), 2: re.compile("년"),
    # ``juche|主體|주체|民國|民国`` case-insensitively (``j u c h e`` fold only to their ASCII capitals)
    3: re.compile("[jJ主주民](?:(?<=[jJ])[uU][cC][hH][eE]|(?<=主)體|(?<=주)체|(?<=民)[國国])"),
    4: re.compile(r"\d\.\s?\d\d?\.\s?\d\d"), 5: re.compile(r"\d[/\-]"),
    6: re.compile(rf"\d(?:\.|st|nd|rd|th|er|º|°)?\s*(?:de\s+|of\s+|-)?{_MW}(?:,|\s|-)\s*(?:de\s+|del\s+)?{_Y4}",
                  re.IGNORECASE),
    7: re.compile(rf"\d(?:st|nd|rd|th)?(?:,|\.)?\s*{_Y4}", re.IGNORECASE),
    8: re.compile(rf"{_Y4}\.?\s+{_MW}\s+\d", re.IGNORECASE),
}

# Each need as a cheaper test with the same answer (``gate(win) == bool(SHAPE_NEEDS[k].search(win))``): the
# regex engine scans a pattern opening with a literal (``19``, ``20``) fast but tries one opening with a class
# or a group at every position, so a year-first need is split by its two literal year openings, and a need
# holding a literal character is asked only of a window holding it.
_NEED0 = (re.compile(r"19[5-9]\d[\-./]\s?\d"), re.compile(r"20[0-4]\d[\-./]\s?\d"))
_NEED8 = (re.compile(rf"19[5-9]\d\.?\s+{_MW}\s+\d", re.IGNORECASE),
          re.compile(rf"20[0-4]\d\.?\s+{_MW}\s+\d", re.IGNORECASE))


def _gate0(win: str) -> bool:
    return ("-" in win or "." in win or "/" in win) and (
        _NEED0[0].search(win) is not None or _NEED0[1].search(win) is not None)


def _gate3(win: str) -> bool:
    return ("j" in win or "J" in win or "主" in win or "주" in win or "民" in win) \
        and SHAPE_NEEDS[3].search(win) is not None


def _gate4(win: str) -> bool:
    return win.count(".") >= 2 and SHAPE_NEEDS[4].search(win) is not None


def _gate5(win: str) -> bool:
    return ("/" in win or "-" in win) and SHAPE_NEEDS[5].search(win) is not None


def _gate8(win: str) -> bool:
    return _NEED8[0].search(win) is not None or _NEED8[1].search(win) is not None


SHAPE_GATES: dict[int, Callable[[str], object]] = {   # (truthy: the window holds the need)
    0: _gate0, 1: lambda win: "年" in win, 2: lambda win: "년" in win, 3: _gate3, 4: _gate4, 5: _gate5,
    6: SHAPE_NEEDS[6].search, 7: SHAPE_NEEDS[7].search, 8: _gate8,
}

HIJRI_SHAPES = [
    # Solar Hijri: ۱۵ آبان ۱۴۰۲ - ۱۴:۳۰ / ۱۴۰۲/۰۸/۱۵ (digits made ASCII first; ``jy`` a year 1300-1499 AP)
    rf"(?<![^\W_]){_D}\s+(?P<jmw>[^\W\d_]{{2,10}})\s+(?P<jy>1[34]\d\d)(?!\d){_TAIL}",
    rf"(?<![\d.\-/])(?P<jy>1[34]\d\d)(?P<sep>[\-./])\s?{_M}(?P=sep)\s?{_D}(?![\d])(?!\.\d){_TAIL}",
]


def _unique_groups(pattern: str) -> str:
    """``(?P<x>`` twice in one pattern becomes ``(?P<x>`` and ``(?P<x_2>`` (the stdlib wants unique names);
    a back reference ``(?P=x)`` points at the first."""
    seen: dict[str, int] = {}

    def ren(m: re.Match) -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        return f"(?P<{name}>" if seen[name] == 1 else f"(?P<{name}_{seen[name]}>"
    return re.sub(r"\(\?P<(\w+)>", ren, pattern)


def groups(m: re.Match) -> dict[str, str]:
    """A match's named groups that caught something, with numeric suffixes folded away."""
    out: dict[str, str] = {}
    vals = m.groups()
    for i, base in _group_bases(m.re):
        v = vals[i]
        if v is not None:
            out.setdefault(base, v)
    return out


@lru_cache(maxsize=64)
def _group_bases(p: re.Pattern) -> tuple[tuple[int, str], ...]:
    """(index in ``groups()``, name without its numeric suffix) of each named group, in ``groupdict`` order."""
    return tuple((i - 1, name.split("_")[0]) for name, i in p.groupindex.items())


def _union(words) -> list[str]:
    return sorted({w for w in words if w}, key=lambda w: (-len(w), w))


class Labels:
    """A set of label words found by substring search (no regex: a dozen ``rfind`` cost less than one
    regex call with a time limit), each checked for word boundaries where it starts or ends with a letter."""

    def __init__(self, words: set[str]):
        self.plain: list[tuple[str, bool, bool]] = []
        # by first character, with their rank (longest first): a line is checked only against the labels
        # whose first character it holds
        self.by_first: dict[str, list[tuple[int, str, bool, bool]]] = {}
        # every label in one automaton (a label twice, after casefolding, keeps its first rank)
        self.auto = ahocorasick.Automaton()
        for w in _union(words):
            f = w.casefold()
            self.plain.append((f, f[:1].isalpha(), f[-1:].isalpha()))
            self.by_first.setdefault(f[0], []).append((len(self.plain) - 1, *self.plain[-1]))
            if f not in self.auto:
                self.auto.add_word(f, (len(self.plain) - 1, len(f)))
        if self.plain:
            self.auto.make_automaton()

    def find_last(self, text: str) -> tuple[int, int] | None:
        """The label in ``text`` that ends last (start, end), or None; of two ending there, the longer.

        One automaton pass finds every occurrence; per label the last one standing as a word counts, looked
        for as ``rfind`` would (each next one ends before the one refused starts)."""
        if not self.plain:
            return None
        low = text.casefold()
        if len(low) != len(text):
            low = text.lower() if len(text.lower()) == len(text) else text
        occ: dict[int, list[int]] = {}   # rank -> starts, ascending
        for end, (k, size) in self.auto.iter(low):
            occ.setdefault(k, []).append(end - size + 1)
        best: tuple[int, int] | None = None
        rank = 0
        n = len(low)
        for k, starts in occ.items():
            f, lb, rb = self.plain[k]
            size = len(f)
            j = len(starts) - 1
            while j >= 0:
                i = starts[j]
                e = i + size
                if (not lb or i == 0 or not _wordy(low[i - 1], f[0])) and \
                        (not rb or e == n or not _wordy(low[e], f[-1])):
                    if best is None or e > best[1] or (e == best[1] and k < rank):
                        best, rank = (i, e), k
                    break
                j -= 1
                while j >= 0 and starts[j] + size > i:   # ``rfind(f, 0, i)``: the next one ends by ``i``
                    j -= 1
        return best

    def __bool__(self) -> bool:
        return bool(self.plain)


def _wordy(ch: str, edge: str) -> bool:
    """``ch`` continues the word whose edge letter is ``edge`` (Latin, Cyrillic, Hangul: yes; Han, Kana:
    no, a CJK label glues to its neighbours)."""
    if not ch.isalpha():
        return False
    return not (_cjk(ch) or _cjk(edge))


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF66 <= o <= 0xFF9F


def fact_key(label: str) -> str:
    """A label as fact-box labels are compared: casefolded, without bullets, colons and spaces around."""
    return label.casefold().strip(" \t*-•·:：").strip()


class Shapes:
    """Compiled date shapes and label sets over all locales of a rule set."""

    def __init__(self, rules: Rules):
        pub, mod, pub_suf, mod_suf, neg, event, phrase = set(), set(), set(), set(), set(), set(), set()
        hijri: dict[str, int] = {}
        fact: set[str] = set()
        zones: set[str] = set()
        for loc in rules.locales.values():
            zones.update(k.split("@")[0] for k in loc.get("timezones", {}))
            d = loc.get("dates", {})
            pub.update(d.get("published_labels", []))
            mod.update(d.get("modified_labels", []))
            pub_suf.update(d.get("published_suffixes", []))
            mod_suf.update(d.get("modified_suffixes", []))
            neg.update(d.get("not_publication", []))
            event.update(w.casefold() for w in d.get("event_words", []))
            hijri.update({str(k).casefold(): int(v) for k, v in d.get("solar_hijri_months", {}).items()})
            phrase.update(w.casefold() for w in d.get("phrase_event_words", []))
            fact.update(fact_key(w) for w in d.get("fact_labels", []))
        self.zone_words = zones
        # Standard-library patterns (several times faster than ``regex`` on these shapes), one per shape,
        # bounded quantifiers only; group names repeated within a shape get a numeric suffix.
        self.dates = [re.compile(_unique_groups(s), re.IGNORECASE) for s in SHAPES]
        self.hijri_dates = [re.compile(_unique_groups(s), re.IGNORECASE) for s in HIJRI_SHAPES]
        # (shape number, pattern, the test of what a window must hold for it (``SHAPE_GATES``) or None), without
        # and with the Solar Hijri ones
        self.runs = [(k, p, SHAPE_GATES.get(k)) for k, p in enumerate(self.dates)]
        self.hijri_runs = self.runs + [(len(self.dates) + k, p, None) for k, p in enumerate(self.hijri_dates)]
        self.pub, self.mod = Labels(pub), Labels(mod)
        self.pub_suf, self.mod_suf = Labels(pub_suf), Labels(mod_suf)
        self.neg = Labels(neg)
        self.event_words = frozenset(event)
        self.phrase_words = frozenset(phrase)
        self.fact_labels = frozenset(fact)
        self.solar_hijri_months = hijri  # an event only after a phrase (``Sitzung vom``, not ``Max am``)


def shapes(rules: Rules) -> Shapes:
    """The compiled shapes of a rule set (built once per ``Rules``)."""
    return rules.view("dates.shapes", Shapes)
