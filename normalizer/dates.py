"""Publication and modification times from header lines, with the time zone.

Three passes, strongest first:

1. a source's ``[[headers]]`` and the locales' ``[[dates.date_patterns]]``: named patterns whose groups say
   what they caught (``y m d``/``mw``, ``H M S``, ``ampm``, ``tz``) and whose ``field`` is ``published`` or
   ``modified``;
2. every absolute date in the page (``dates_shapes``), read with the labels around it: a label that
   announces a publication (``Published``, ``Veröffentlicht am``, ``发布时间``, ``입력``) or an update
   (``Updated``, ``Stand:``, ``更新時間``, ``수정``) decides the field;
3. when no labelled date exists, a line that is just a date (a header date line) near the top of the
   article, if it is not one of a list of dated lines (related articles, comments).

Dates inside body sentences are events, copyright years and footers are not publications. Relative times
(``3 hours ago``, ``gestern``, ``昨日``) resolve only with ``reference_date``. Zones: ``dates_zones``.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import memo
from .boilerplate import layout_of, whole_page
from .dates_calendars import ascii_digits, solar_hijri_to_gregorian
from .dates_shapes import SHAPE_NEEDS, Shapes, fact_key, groups, shapes
from .dates_zones import home_zone, zone_for
from .datewords import month_lookup
from .doc import Doc
from .lines import Line
from .rules.regexes import Rx
from .rx_prefilter import search_gate

TIMEOUT = 0.25          # seconds one regex call may take on one line
MAX_LINE = 400          # rules with a field are not tried on longer lines
LEAD = 100              # in a longer line only its first characters can hold a labelled date
PROSE = 160             # a line longer than this is a body paragraph, its dates are events
HEADER_RESIDUE = 48     # a date line may carry this many other characters (source, author, separators)
RELATIVE_LINES = 40     # a relative time (``3 hours ago``) counts only among the first free lines
FALLBACK_LINES = 0.7    # an unlabelled header date is looked for in this first share of the page
HEAD_WINDOW = 12        # ... or in these lines over the article's main block (``layout``)

_DIGIT = re.compile(r"\d")
# Where a date can be: a year (19xx, 20xx), a two-digit-year dotted day, an era year.
# (``(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d(?!\d?[./\s]))|\d\.\s?\d{1,2}\.\s?\d\d(?!\d)|Juche|主體|주체|民國|民国``,
# written with its first character as a class, which the regex engine skips to fast, and each branch picked
# by a look-back at that character.)
_ANCHOR = re.compile(r"[\dJ主주民](?:(?<=1)(?<!\d1)9[5-9]\d(?!\d(?!\d?[./\s]))|(?<=2)(?<!\d2)0[0-4]\d(?!\d(?!\d?[./\s]))"
                     r"|(?<=\d)\.\s?\d{1,2}\.\s?\d\d(?!\d)|(?<=J)uche|(?<=主)體|(?<=주)체|(?<=民)[國国])")
# ... and on a page in Arabic script, a Solar Hijri year (۱۴۰۲/۰۸/۱۵, ۱۵ آبان ۱۴۰۲)
_ANCHOR_HIJRI = re.compile(_ANCHOR.pattern + r"|(?<!\d)1[34]\d\d(?=[\-./]\s?\d)|(?<=[\u0600-\u06ff]\s)1[34]\d\d(?!\d)")
# (``regex``: on a page of text it skips to a character of a class many times faster than ``re``)
_ARABIC = regex.compile(r"[\u0600-\u06ff]")
# What every ``_ANCHOR`` (``_ANCHOR_HIJRI``) hit holds, without the look-arounds: a line without it can hold
# no date (``_dated_lines``). The first character is matched by a class (the regex engine then skips to such
# characters fast), the branch picked by a look-back at it.
_CORE = (r"(?<=1)9[5-9]\d|(?<=2)0[0-4]\d|(?<=\d)\.\s?\d{1,2}\.\s?\d\d"
         r"|(?<=J)uche|(?<=主)體|(?<=주)체|(?<=民)[國国]")
_ANCHOR_CORE = re.compile(rf"[\dJ主주民](?:{_CORE})")
_ANCHOR_CORE_HIJRI = re.compile(rf"[\dJ主주民](?:{_CORE}|(?<=1)[34]\d\d)")
SOLAR_HIJRI_LANGUAGES = ("fa", "ps", "prs")
_NOISE = regex.compile(r"[\W\d_]+")
_PREV_WORD = regex.compile(r"(?:^|[\s(\[])([^\W\d_]+'?)[\s,]*$")
_RANGE_BEFORE = re.compile(r"(?:\d\.?|\d{4})\s*(?:[–—\-]|bis|to|until|au)\s*$")
_CODE = re.compile(r"^\s*[\[{]?\s*\"[^\"]{1,40}\"\s*:")   # ``"Timestamp": "2030-08-14 17:43:12",``
_RANGE = re.compile(r"\s*(?:[–—\-]|bis|to|until|au)\s*(?:\d{1,2}(?:[.:/h]\s?\d|\s*(?:Uhr|h\b|[ap]\.?m))|\d{4})"
                    r"|\s*(?:von|from|de|dalle)\s+\d{1,2}(?:[.:]\d\d)?\s*(?:Uhr\s*)?(?:[–—\-]|bis|to|à|alle)\s*\d")
_CJK_WEEKDAY = re.compile(r"[（(](?:[月火水木金土日]|[월화수목금토일]|周[一二三四五六日]|星期[一二三四五六日天])[)）]")
_LAST_WORD = regex.compile(r"([^\W\d_]{2,}\.?)[\s,|\-–]*$")
_WORD = regex.compile(r"[^\W\d_]{2,}")
_BULLET = regex.compile(r"^\s*(?:[*+•·\-–—>]|\d{1,2}[.)](?!\s?\d{1,2}\.|\s[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d\d))\s")
# Rules by which the boilerplate stage placed a line by its shape alone (a run of short items, a section
# after a heading): a header date line can sit there (``* 13. Februar 2017`` among the menu items).
WEAK_RULES = ("boilerplate.menu_run", "boilerplate.section.related", "boilerplate.section.about",
              "boilerplate.section.share", "boilerplate.section.follow", "boilerplate.words.",
              "boilerplate.related.link_title")


@dataclass
class Cand:
    """One absolute date found in a line, with what surrounds it."""

    line: int
    start: int
    end: int
    groups: dict
    label: str | None = None       # "published" | "modified" | None
    lstart: int = -1               # where the label starts (absolute), for raw/span
    neg: bool = False
    residue: int = 0               # other letters on the line
    shape: int = -1                # which of the shapes matched
    event: bool = False            # ``ab 01.01.2024``, ``21.10.2019 – 27.10.2019``: a date the text talks about
    weekday: bool = False          # a weekday word stands right before it (``Thursday, November 9, 2023``)
    key: tuple = ()
    listed: bool = False           # one of a list of dated lines (``_mark_lists``)
    weak: bool = False             # on a line the boilerplate stage placed by shape (menu run, section)


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    from .datewords import weekday_words
    return frozenset(w for w in weekday_words() if len(w) > 1)


# Half-day words the shapes catch (others come from CLDR's day periods, ``datewords``).
_AMPM = {**dict.fromkeys(("pm", "오후", "午後", "下午", "晚上", "م", "مساء", "مساءً", "مساءا", "ch"), "pm"),
         **dict.fromkeys(("am", "오전", "午前", "上午", "凌晨", "早上", "ص", "صباحا", "صباحًا", "sa"), "am")}


@lru_cache(maxsize=1)
def _ampm_words() -> dict[str, str]:
    from .datewords import ampm_words
    return ampm_words()


def month_number(word: str, doc: Doc | None = None) -> int | None:
    """A month written as a number or a word of any locale (babel CLDR names, loaded once)."""
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    w = word.casefold().rstrip(".")
    return month_lookup().get(w if " " not in w and "\xa0" not in w else " ".join(w.split()))


def _ymd(g: dict, doc: Doc) -> tuple[int, int, int] | None:
    """Year, month, day from the groups of a match; None when they do not make a valid day."""
    try:
        if g.get("jy"):  # Solar Hijri
            jm = int(g["m"]) if g.get("m") else shapes(doc.rules).solar_hijri_months.get(str(g.get("jmw")).casefold())
            if jm is None:
                return None
            day = solar_hijri_to_gregorian(int(g["jy"]), jm, int(g["d"]))
            return day.year, day.month, day.day
        if g.get("ey"):
            y = int(g["ey"]) + 1911
        elif g.get("y2"):  # 28.04.08: only where day-month-year is the order (not 19.03.02 in Japanese)
            if _order(doc) != "dmy":
                return None
            y = 2000 + int(g["y2"]) if int(g["y2"]) < 70 else 1900 + int(g["y2"])
        else:
            y = int(g["y"])
        if g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            if a > 12 and b <= 12:
                mo, d = b, a
            elif b > 12 and a <= 12:
                mo, d = a, b
            else:
                order = _order(doc)
                if order is None:
                    return None
                mo, d = (a, b) if order == "mdy" else (b, a)
        else:
            mo = month_number(str(g.get("mw") or g.get("m") or ""), doc)
            d = int(g["d"])
        if mo is None:
            return None
        dt.date(y, mo, d)
    except (KeyError, TypeError, ValueError):
        return None
    return y, mo, d


def _order(doc: Doc) -> str | None:
    """``mdy`` or ``dmy`` for an ambiguous ``a/b/yyyy``: what the page's own unambiguous slash dates show
    (``14/04/2020`` elsewhere on the page), else the locale's order."""
    seen = doc.fields.get("_slash_order")
    if seen:
        return seen
    for code in [doc.language or "", (doc.language or "").split("-")[0]]:
        o = doc.rules.locale(code).get("dates", {}).get("order") if code else None
        if o:
            return o
    return None


def to_value(doc: Doc, g: dict, raw: str, span: tuple[int, int], rule: str,
             zone_rule: str | None = None) -> dict | None:
    """A record field from the groups of a match, or None when they do not make a valid date.

    ``zone_rule`` ``"none"`` keeps a written local time without a zone (no home zone inferred)."""
    ymd = _ymd(g, doc)
    if ymd is None:
        return None
    y, mo, d = ymd
    out = {"value": dt.date(y, mo, d).isoformat(), "utc": None, "raw": raw, "rule": rule, "span": list(span)}
    if g.get("H") is None or g.get("H") == "":
        return out
    try:
        hh, mm, ss = int(g["H"]), int(g.get("M") or 0), int(g.get("S") or 0)
        ampm = (g.get("ampm") or "").casefold().replace(".", "").replace(" ", "")
        half = _AMPM.get(ampm) or (_ampm_words().get(ampm) if ampm else None)
        if half == "pm" and hh < 12:
            hh += 12
        elif half == "am" and hh == 12:
            hh = 0
        if hh == 24 and mm == 0:
            hh = 0
        local = dt.datetime(y, mo, d, hh, mm, ss)
    except (ValueError, TypeError):
        return out
    tzinfo, how = (None, "")
    if g.get("tz"):
        tzinfo, how = zone_for(g["tz"], doc)
    if tzinfo is None and zone_rule != "none":
        if zone_rule:
            from .dates_zones import zone
            tzinfo, how = zone(zone_rule), f"zone.rule.{zone_rule}"
        else:
            tzinfo, how = home_zone(doc)
        if tzinfo is not None:
            out["rule"] = f"{rule}+{how}"
    if tzinfo is None:
        out["value"] = local.isoformat()
        return out
    if isinstance(tzinfo, dt.timezone):
        aware = local.replace(tzinfo=tzinfo)
    else:  # a zone with DST: the written wall time, folded to the first reading when ambiguous
        aware = local.replace(tzinfo=tzinfo, fold=0)
    out["value"] = aware.isoformat()
    out["utc"] = aware.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out["zone_rule"] = how
    return out


# --- pass 1: rules with a field --------------------------------------------------------------------------

def _rules(doc: Doc) -> list[tuple[str, dict]]:
    src = (doc.source or {}).get("headers", [])
    out = [(f"source.{doc.source['id']}.{r['name']}", r) for r in src] if src else []
    for code in dict.fromkeys([doc.language or "", (doc.language or "").split("-")[0], "und"]):
        if code and code in doc.rules.locales:
            for r in doc.rules.locales[code].get("dates", {}).get("date_patterns", []):
                out.append((f"dates.{code}.{r['name']}", r))
    return out


def _gated(doc: Doc) -> list[tuple[str, dict, Callable[[str], bool]]]:
    """``_rules`` with each pattern's prefilter gate, kept per rule set for each (source, languages): it
    depends on nothing else. A source that is not one of the rule set's own is not kept (bounded)."""
    src = doc.source
    sid = src["id"] if src else None
    if src and doc.rules.sources.get(sid) is not src:
        return [(name, r, search_gate(r["pattern"])) for name, r in _rules(doc)]
    lang = doc.language or ""
    key = (sid, tuple(c for c in dict.fromkeys([lang, lang.split("-")[0], "und"]) if c and c in doc.rules.locales))
    memo = doc.rules.view("dates.gated_rules", lambda _r: {})
    got = memo.get(key)
    if got is None:
        got = memo[key] = [(name, r, search_gate(r["pattern"])) for name, r in _rules(doc)]
    return got


def _by_rules(doc: Doc, lines: list[Line]) -> None:
    gated = _gated(doc)
    if not gated:
        return
    anchor = _anchor(doc)
    may_date = _dated_lines(doc)
    for ln in lines:
        size = len(ln.text)
        if size > MAX_LINE or (size <= PROSE and ln.index not in may_date):
            continue    # too long for a rule, or no year on the line (``anchor`` would find none)
        text = _text(doc, ln)
        dated = None    # whether the line holds a year (looked for once a rule may match: it costs more)
        for name, r, may in gated:
            field = r["field"]
            if field in doc.fields or not may(text):
                continue    # the line lacks a character the pattern needs (``rx_prefilter``)
            if dated is None:
                dated = anchor.search(text) is not None
            if not dated:
                break
            for m in r["pattern"].finditer(text):
                g = {k: v for k, v in m.groupdict().items() if v}
                val = to_value(doc, g, m.group(0).strip(), (ln.start + m.start(), ln.start + m.end()), name,
                               r.get("timezone"))
                if val:
                    _set(doc, field, val, name, ln, m.end() - m.start())
                    break


# --- pass 2 and 3: every date, read with its labels --------------------------------------------------------

_SLASH = re.compile(r"(?<![\d/])([0-3]?\d)[/\-]([0-3]?\d)[/\-](?:19|20)\d\d(?![\d/])")
_SLASH_GATE = re.compile(r"\d[/\-]")   # what every ``_SLASH`` match holds, found faster


def _slash_order(doc: Doc, lines: list[Line] | None = None) -> None:
    """Note the order the page's unambiguous ``a/b/yyyy`` dates use (``15/04/2020``: day first), in
    ``lines`` (by default every line ``_free_or_weak``, of which only those ``_slash_lines`` finds can hold one)."""
    votes = {"dmy": 0, "mdy": 0}
    if lines is None:
        every = doc.ledger.lines
        lines = [ln for ln in (every[i] for i in _slash_lines(doc.text, every)) if _free_or_weak(ln)]
    for ln in lines:
        text = ln.text
        if ("/" in text or "-" in text) and ("20" in text or "19" in text) \
                and _SLASH_GATE.search(text, 0, PROSE * 2):    # (a slash date holds a year 19xx or 20xx)
            for m in _SLASH.finditer(text[:PROSE * 2]):
                a, b = int(m.group(1)), int(m.group(2))
                if a > 12 >= b:
                    votes["dmy"] += 1
                elif b > 12 >= a:
                    votes["mdy"] += 1
    doc.fields.pop("_slash_order", None)
    if votes["dmy"] != votes["mdy"]:
        doc.fields["_slash_order"] = max(votes, key=votes.get)


# What every ``_SLASH`` match holds: a year's first two digits right after a separator (each pattern opens with
# a literal, which the regex engine skips to fast).
_SLASH_YEARS = (re.compile(r"19(?<=[/\-]19)"), re.compile(r"20(?<=[/\-]20)"))


def _slash_lines(full: str, lines: list[Line]) -> list[int]:
    """Indices of the lines (ascending) holding a ``_SLASH_YEARS`` match: every line with a ``_SLASH`` match is
    among them (one scan of the page per pattern instead of tests of every line)."""
    starts = [ln.start for ln in lines]
    touched: set[int] = set()
    for lit in _SLASH_YEARS:
        for m in lit.finditer(full):
            i = bisect_right(starts, m.start() - 1) - 1   # (the line the separator is in)
            if i >= 0 and m.end() <= lines[i].end:        # (a separator and year across a line break are none)
                touched.add(i)
    return sorted(touched)


def _free_or_weak(ln: Line) -> bool:
    """A line no stage placed, or one the boilerplate stage placed by shape alone (``WEAK_RULES``)."""
    return ln.role is None or (ln.role == "boilerplate" and (ln.rule or "").startswith(WEAK_RULES))


# A line of a product's or an event's fact box: a key with a number (``Seiten: 448``, ``ISO: 640``), or a price.
_SPEC = regex.compile(r"^[*\-•·]?\s*[\p{L}][\p{L}\-. ]{1,24}:\s*\d|\d[.,]\d\d\s?(?:€|EUR|CHF|zł|₽|₺)|(?:€|\$|£)\s?\d")
SPEC_NEAR = 4           # lines above and below a date line looked at for a fact box


def _spec_box(lines: list[Line], i: int, memo: dict[int, bool]) -> bool:
    """The line sits in a product's or an event's fact box: two lines at most ``SPEC_NEAR`` away state
    numbers (pages, price, ISO) and no date (``Erscheinungsdatum`` of a book, ``Datum`` of a photo)."""
    n = 0
    for j in range(max(0, i - SPEC_NEAR), min(len(lines), i + SPEC_NEAR + 1)):
        if j == i:
            continue
        if j not in memo:
            t = lines[j].text
            memo[j] = len(t) <= 60 and not _ANCHOR.search(t) and bool(_SPEC.search(t, timeout=TIMEOUT))
        n += memo[j]
    return n >= 2


def _candidates(doc: Doc, sh: Shapes, lines: list[Line] | None = None) -> list[Cand]:
    """The dates of ``lines`` (by default every line ``_free_or_weak``)."""
    out: list[Cand] = []
    spec: dict[int, bool] = {}
    neg_line: dict[int, bool] = {}   # a line holds a word saying its dates are no publication's
    _slash_order(doc, lines)
    may_date = _dated_lines(doc)
    hijri = bool(doc.fields.get("_hijri"))
    if lines is None:   # only the lines that may hold a date, in order: ``_find`` finds none in the others
        every = doc.ledger.lines
        lines = [ln for ln in (every[i] for i in sorted(may_date)) if _free_or_weak(ln)]
    for ln in lines:
        if ln.index not in may_date:
            continue    # no year on the line: ``_find`` would find no date
        text = _text(doc, ln)
        if not _DIGIT.search(text):
            continue
        if len(text) > PROSE:  # a paragraph: only a label and date opening it can be the publication
            text = text[:LEAD]
        taken = -1
        for m, g in _find(sh, text, hijri):
            if m.start() < taken:
                continue
            if _ymd(g, doc) is None:
                continue
            taken = m.end()
            end = m.end()
            wd = g.pop("wd", None)
            if wd and wd.casefold() not in _weekdays():  # ``14 March 2024 Berlin 10:15``: no time of the date
                for k in ("H", "M", "S", "ampm", "tz"):
                    g.pop(k, None)
                end = min(m.start(k) for k, v in m.groupdict().items() if v and k.split("_")[0] == "wd")
                end = len(text[:end].rstrip(" ,.-–—|/·•@"))
            tz = g.get("tz")
            if tz and not _known_zone(tz, sh):
                del g["tz"]
                end = min(m.start(k) for k, v in m.groupdict().items() if v and k.split("_")[0] == "tz")
            c = Cand(ln.index, ln.start + m.start(), ln.start + end, g, shape=g.pop("shape"))
            before, after = text[:m.start()], text[end:]
            w = _LAST_WORD.search(before[-24:])
            c.weekday = (bool(w) and w.group(1).casefold().rstrip(".") in _weekdays()) \
                or bool(_CJK_WEEKDAY.search(m.group(0)))
            head = before[:len(before) - len(before[-24:]) + w.start()] if c.weekday and w else before
            prev = _PREV_WORD.search(head[-40:])
            pw = prev.group(1).casefold() if prev else ""
            c.event = pw in sh.event_words or (pw in sh.phrase_words and len(_WORD.findall(head)) >= 5) \
                or bool(_RANGE.match(after)) \
                or bool(_RANGE_BEFORE.search(head[-12:])) or bool(_CODE.match(text))
            if m.start() <= LEAD:
                c.label, lab = _label(sh, before, after)
                if c.label:
                    c.lstart = c.start + lab if lab < 0 else c.start
            split = not c.label and ln.index > 0 and not before.strip(_OPENERS)
            if split:  # ``- Mitglied seit`` / ``- 28. Juni 2014``: the label on a line of its own above
                above = doc.ledger.lines[ln.index - 1].text.strip(_OPENERS + ":：")
                split = 0 < len(above) <= 40
                if split:
                    c.label = _whole_label(sh, above)
            c.residue = _weight(before + after) if len(ln.text) <= PROSE else 999
            if split and _whole(sh.neg, above):
                c.neg = True
            elif c.label:  # ``Veröffentlicht am 5. Mai 2023 / ©Verlag``: only a word between label and date says no
                lab_at = max(0, c.lstart - ln.start) if c.lstart >= 0 else m.start()
                c.neg = sh.neg.find_last(ln.text[lab_at:m.start()]) is not None
            elif c.residue <= 2 * HEADER_RESIDUE:
                if ln.index not in neg_line:   # (asked once per line, whichever of its dates asks)
                    neg_line[ln.index] = sh.neg.find_last(ln.text) is not None
                c.neg = neg_line[ln.index]
            c.weak = ln.role == "boilerplate"
            if c.label and not c.neg and c.lstart >= 0 and sh.fact_labels \
                    and fact_key(doc.text[c.lstart:c.start]) in sh.fact_labels \
                    and _spec_box(doc.ledger.lines, ln.index, spec):
                c.neg = True  # ``Seiten: 448 / Erscheinungsdatum: 14.08.2017 / Preis: 12,99 €``: a product's
            out.append(c)
    return out


_OPENERS = " \t*+•·|-–—>"
_GAP = re.compile(r"[^\d\n]{0,28}")
_BYLINE_WORD = re.compile(r"by|von|par|por|di|door")
_LETTER = regex.compile(r"\p{L}")
_LEAD_PUNCT = re.compile(r"[\s)）\]】|·•,，:：\-–]{0,4}")


def _whole(labels, text: str) -> bool:
    """``text`` is one of the label words, nothing more."""
    hit = labels.find_last(text)
    return hit is not None and hit[0] == 0 and hit[1] == len(text)


def _whole_label(sh: Shapes, text: str) -> str | None:
    """The field a line that is only a label announces (``Veröffentlicht:`` over the date line)."""
    for field, labels in (("modified", sh.mod), ("published", sh.pub)):
        if _whole(labels, text):
            return field
    return None


def _label(sh: Shapes, before: str, after: str) -> tuple[str | None, int]:
    """Which field the words around a date announce, and where the label starts in the line (-1: after)."""
    before = before[-60:]
    off = len(before)
    best: tuple[str, int, int] | None = None
    for field, labels in (("modified", sh.mod), ("published", sh.pub)):
        hit = labels.find_last(before)
        if hit and _GAP.fullmatch(before[hit[1]:]) and (best is None or hit[1] > best[2]):
            if best is not None and _DP_WEAK.fullmatch(before[hit[0]:hit[1]].casefold()):
                continue  # ``Last edited by a moderator Oct 6``: the byline word does not outrank the update
            if _BYLINE_WORD.fullmatch(before[hit[0]:hit[1]].casefold()) and not _LETTER.search(before[hit[1]:]):
                continue  # ``questionnaires by June 30, 1986``: a byline word needs a name, this is a deadline
            best = (field, hit[0], hit[1])
    if best:
        return best[0], best[1] - off  # negative: relative to the date's start
    lead = _LEAD_PUNCT.match(after).end()
    for field, labels in (("modified", sh.mod_suf), ("published", sh.pub_suf)):
        hit = labels.find_last(after[lead:lead + 8]) if labels else None
        if hit and hit[0] == 0:
            return field, 0
    return None, 0


def _known_zone(tz: str, sh: Shapes) -> bool:
    t = tz.strip("() ")
    return t in sh.zone_words or t[:1] in "+-−" or t[:3] in ("UTC", "GMT") or "/" in t or t == "Z"


# What every match of a shape holds (``dates_shapes.SHAPES``): the window is looked at for it first.
_SHAPE_NEEDS = SHAPE_NEEDS
# The shapes a match of which can hold fewer than five digits (``\d``): the dotted ``1.2.24`` (4) and the era
# ``Juche 13.1.2`` (4). Every other one writes a four-digit year and a day (``28 April 2008``, ``2008. április
# 28``: 5), most a month number too (6), the Solar Hijri ones a four-digit year and a day as well.
FEW_DIGIT_SHAPES = (3, 4)
_FIVE_DIGITS = re.compile(r"\d\D*\d\D*\d\D*\d\D*\d")
# The shapes whose need (``SHAPE_NEEDS``) opens with a digit (a day's) and ends with a year ``(?:19[5-9]|20[0-4])\d``
# (``28 April 2008``, ``April 28, 2008``): a window holds it only when such a year opens past its first digit.
DAY_YEAR_SHAPES = (6, 7)


def _year_after_digit(win: str) -> bool:
    """A year (``_CORE_19``, ``_CORE_20``) opens in ``win`` past its first digit."""
    d = _DIGIT.search(win)
    if d is None:
        return False
    i = d.end()
    return ("19" in win and _CORE_19.search(win, i) is not None) or ("20" in win and _CORE_20.search(win, i) is not None)


def _find(sh: Shapes, text: str, hijri: bool = False) -> list[tuple[re.Match, dict]]:
    """Every date in a line: the shapes run only in windows around a year (a cheap prefilter); the Solar
    Hijri shapes only on a page in a language whose civil calendar it is (``SOLAR_HIJRI_LANGUAGES``)."""
    out: list[tuple[re.Match, dict]] = []
    last = -1
    runs = sh.hijri_runs if hijri else sh.runs
    few_runs: list | None = None
    for hit in (_ANCHOR_HIJRI if hijri else _ANCHOR).finditer(text):
        hs, he = hit.span()
        if hs < last:
            continue
        ws, we = max(0, hs - 36), min(len(text), he + 48)
        found = []
        win = text[ws:we]
        pick = runs
        if _FIVE_DIGITS.search(win) is None:   # (a match lies in the window: only the shapes of few digits fit)
            if few_runs is None:
                few_runs = [r for r in runs if r[0] in FEW_DIGIT_SHAPES]
            pick = few_runs
        later: bool | None = None   # whether a year opens past the window's first digit (asked once)
        for k, p, gate in pick:
            if k in DAY_YEAR_SHAPES:
                if later is None:
                    later = _year_after_digit(win)
                if not later:
                    continue    # (their need opens with a day's digit and ends with a year)
            if gate is not None and not gate(win):
                continue    # the window lacks what every match of the shape holds (``年``, ``4/``, an era)
            for m in p.finditer(text, ws, we):
                if m.start() < he and m.end() > hs:
                    found.append((m, k))
        for m, k in found:
            g = groups(m)
            g["shape"] = k
            out.append((m, g))
        if found:
            last = max(m.end() for m, _ in found)
    out.sort(key=lambda x: (x[0].start(), -x[0].end()))
    return out


def _weight(s: str) -> int:
    """Letters of ``s``, a CJK character counting as a short word (it carries as much as 2-3 letters)."""
    letters = _NOISE.sub("", s)
    if letters.isascii():   # (no character at or past U+2E80)
        return len(letters)
    return len(letters) + sum(2 for ch in letters if ord(ch) >= 0x2E80)


def _sentence(text: str, c: Cand) -> bool:
    """The line reads as a sentence (ends like one, not with the date, and has words beyond the date):
    the date is an event."""
    t = text.rstrip()
    if t[-1:] not in ".!?。！？" or t.endswith(("a.m.", "p.m.", "A.M.", "P.M.", "г.", "р.")):
        return False
    return c.residue > 24 and len(_WORD.findall(t)) >= 6 if t.isascii() or " " in t else c.residue > 24


def _is_header_line(doc: Doc, c: Cand) -> bool:
    """The date stands on a short line of its own (with at most a source, an author, a label)."""
    ln = doc.ledger.lines[c.line]
    if len(ln.text) > PROSE or _sentence(ln.text, c) or (ln.text[:1] == "|" and ln.text[-1:] == "|"):
        return False  # a paragraph, a sentence, a table row
    # a line that opens with the date is a meta line (``2019年3月2日09:18 by 深海 | カテゴリー 社会``)
    limit = 2 * HEADER_RESIDUE if c.start - ln.start <= 2 else HEADER_RESIDUE
    return c.residue <= limit


def _mark_lists(doc: Doc, cands: list[Cand]) -> None:
    """Mark the dates that are items of a list of dated lines (related articles, comments, archives):
    alike lines (same date shape, all bulleted or none, short) with two others at most 6 lines away, or
    a bulleted one with another."""
    lines = doc.ledger.lines
    items: dict[tuple, list[Cand]] = {}
    for c in cands:
        bullet = bool(_BULLET.match(lines[c.line].text))
        if not c.label and not c.event and (_is_header_line(doc, c) or (bullet and len(lines[c.line].text) <= PROSE)):
            # a date alone on its line is not an item of a list of titles ending with their dates
            alone = c.residue <= 2 and c.start - lines[c.line].start <= 2
            items.setdefault((c.shape, bullet, alone), []).append(c)
    if not items:
        return
    # The first dated line, then paragraphs, then the dated lines of a related list: the first one is the
    # article's date line, not an item of the list below (a date with items before it, or beside it
    # without a paragraph between, stays an item).
    prose = [0]  # prose[i]: paragraphs among the lines before line i (counted as far as asked)

    def upto(i: int) -> int:
        for k in range(len(prose) - 1, i):
            text = lines[k].text
            prose.append(prose[-1] + (len(text) >= 80 and _paragraph(text)))   # (a paragraph is 80 long at least)
        return prose[i]

    for (_shape, bullet, _alone), group in items.items():
        at = [o.line for o in group]
        ordered = at == sorted(at)   # (as ``_candidates`` gives them: by line)
        for c in group:
            if ordered:   # the dates at most 6 lines away, in their order, found by bisection
                near = [o for o in group[bisect_left(at, c.line - 6):bisect_right(at, c.line + 6)]
                        if o.line != c.line]
            else:
                near = [o for o in group if o.line != c.line and abs(o.line - c.line) <= 6]
            if len(near) < (1 if bullet else 2):
                c.listed = False    # too few alike lines: whether they stand apart does not matter
                continue
            apart = all(o.line > c.line and upto(o.line) > upto(c.line + 1) for o in near)
            c.listed = not apart


def _paragraph(text: str) -> bool:
    """A body paragraph: a long line, or a sentence of a dozen words or more."""
    return len(text) > PROSE or (len(text) >= 80 and text.rstrip()[-1:] in ".!?。！？؟"
                                 and len(_WORD.findall(text)) >= 10)


def _listed(doc: Doc, cands: list[Cand], c: Cand) -> bool:
    """The date is one of a list of dated lines (``_mark_lists``), or a lone bulleted date beside one."""
    if c.listed:
        return True
    lines = doc.ledger.lines
    return bool(_BULLET.match(lines[c.line].text)) and any(
        o.listed and o.shape == c.shape and abs(o.line - c.line) <= 6 for o in cands)


def _inside_body(doc: Doc, c: Cand) -> bool:
    """A date line between two paragraphs (a long line before and after it) is part of the body: a
    table row, an event date, a section's date. A header date line opens the body, it does not sit in it."""
    if c.line <= 2:
        return False
    lines = doc.ledger.lines
    prev = lines[c.line - 1].text
    nxt = lines[c.line + 1].text if c.line + 1 < len(lines) else ""
    return len(prev) > PROSE and len(nxt) > PROSE


def _labelled_ok(doc: Doc, cands: list[Cand], c: Cand) -> bool:
    """A labelled date counts when the label opens a header-like line, not when it sits in prose or a list."""
    ln = doc.ledger.lines[c.line]
    at = (c.lstart if c.lstart >= 0 else c.start) - ln.start
    if c.neg or at > 60 or (_sentence(ln.text, c) and not _byline(doc, ln, c, at)):
        return False
    if c.lstart >= 0 and doc.text[c.start - 1].isalpha() and _WORD.search(ln.text[:at]) and _DP_WEAK.fullmatch(
            doc.text[c.lstart:c.start].strip(" :：,").split(" ")[0].casefold()):
        return False  # ``Romana von Mengershausen20. November 2018``: a name's particle, not a byline
    if len(ln.text) > PROSE and (at > 3 or c.start - (c.lstart if c.lstart >= 0 else c.start) < 6):
        return False  # a paragraph counts only when it opens with a real label (not ``Von wegen. Am …``)
    return not (_BULLET.match(ln.text) and _listed(doc, cands, c))


_NAME_GAP = regex.compile(r"^\S+\s+\p{Lu}[\p{L}.\-’']+(?:\s+\p{Lu}[\p{L}.\-’']+){0,3}\s*(?:on|am|le|el|il|op|,|\||•|·|-|–|—)\s*")


def _byline(doc: Doc, ln: Line, c: Cand, at: int) -> bool:
    """A byline with its date opening a line the extractor glued to more text (``By Ann Lee on 31 October,
    2023 | 18 Comments. This post ...``): label first, then a name, then the date."""
    if at > 3 or c.start - ln.start > 80 or c.lstart < 0:
        return False
    return bool(_NAME_GAP.match(doc.text[c.lstart:c.start]))


def _day(doc: Doc, c: Cand) -> dt.date:
    y, m, d = _ymd(c.groups, doc) or (1, 1, 1)
    return dt.date(y, m, d)


def _field(doc: Doc, c: Cand, rule: str) -> dict | None:
    raw_start = min(c.start, c.lstart) if c.lstart >= 0 else c.start
    raw = doc.text[raw_start:c.end].strip()
    return to_value(doc, c.groups, raw, (raw_start, raw_start + len(raw)), rule)


def _set(doc: Doc, field: str, val: dict, rule: str, ln: Line | None = None, used: int = 0) -> None:
    """Record ``field`` and the rule that read it; with ``ln``, place the date line in the ledger
    (``used``: how many of its characters the date and its label take)."""
    doc.fields[field] = val
    doc.fire(rule)
    if ln is not None:
        _claim(doc, ln, field, rule, used)


def _claim(doc: Doc, ln: Line, field: str, rule: str, used: int) -> None:
    """Place a header date line in the ledger, but only a line that is essentially the date. A line the
    boilerplate stage placed by shape alone is taken back from it (and its boilerplate entry dropped)."""
    if len(ln.text) - used > HEADER_RESIDUE or len(ln.text) > PROSE:
        return
    if ln.role is None:
        doc.ledger.claim(ln.index, "header", field, rule)
    elif _weak(ln):
        doc.ledger.claim(ln.index, "header", field, rule, replace=True)
        doc.fields["boilerplate"] = [e for e in doc.fields.get("boilerplate", [])
                                     if not (ln.start <= e["span"][0] and e["span"][1] <= ln.end)]


def _weak(ln: Line) -> bool:
    return ln.role == "boilerplate" and (ln.rule or "").startswith(WEAK_RULES)


def _lang_tag(doc: Doc) -> str:
    return (doc.language or "und").split("-")[0]


def _text(doc: Doc, ln: Line) -> str:
    """A line as the shapes read it: Persian and Arabic-Indic digits as ASCII on a page in Arabic script."""
    return ascii_digits(ln.text) if doc.fields.get("_arabic") else ln.text


def _dated_lines(doc: Doc) -> set[int]:
    """Indices of the lines that can hold a date: a line (its first ``LEAD`` characters when it is longer
    than ``PROSE``) without an ``_ANCHOR_CORE`` match has no ``_anchor`` hit in it (or in a head of it).
    Looked for once per page, for ``_by_rules`` and ``_candidates`` both."""
    got = doc.fields.get("_dated")
    if got is None:
        hijri = bool(doc.fields.get("_hijri"))
        search = (_ANCHOR_CORE_HIJRI if hijri else _ANCHOR_CORE).search
        full = ascii_digits(doc.text) if doc.fields.get("_arabic") else doc.text
        lines = doc.ledger.lines
        got = set()
        for i in (range(len(lines)) if hijri else _core_lines(full, lines)):
            ln = lines[i]
            text = ln.text if full is doc.text else full[ln.start:ln.end]
            if _has_core(text, PROSE if len(text) <= PROSE else LEAD, hijri, search):
                got.add(ln.index)
        doc.fields["_dated"] = got
    return got


# What every ``_ANCHOR_CORE`` match holds, each opening with a literal the regex engine skips to fast: a year, the
# dotted day from its first dot on, an era word (looked for when the page holds its first character: a search
# for one character costs far less than one for a word, or an alternation).
_CORE_PARTS = (re.compile(r"19[5-9]\d"), re.compile(r"20[0-4]\d"), re.compile(r"\.\s?\d{1,2}\.\s?\d\d"))
_CORE_ERAS = ("Juche", "主體", "주체", "民國", "民国")


def _core_lines(full: str, lines: list[Line]) -> list[int]:
    """Indices of the lines (ascending) a match of one of ``_CORE_PARTS`` or ``_CORE_ERAS`` in ``full``
    touches: every line holding an ``_ANCHOR_CORE`` match is among them (one scan of the page per part
    instead of one test per line). An occurrence ``finditer`` skips overlaps a match it reports, which so
    touches the same line."""
    starts = [ln.start for ln in lines]
    parts = list(_CORE_PARTS)
    parts += [re.compile(era) for era in _CORE_ERAS if era[0] in full and era in full]   # (cached by ``re``)
    touched: set[int] = set()
    for part in parts:
        for m in part.finditer(full):
            first = bisect_right(starts, m.start()) - 1
            last = bisect_right(starts, m.end() - 1) - 1
            touched.update(range(max(first, 0), last + 1))
    return sorted(touched)


# The year branches of ``_CORE`` as patterns opening with a literal (which the regex engine skips to fast), and
# what its dotted-day branch holds from its first dot on.
_CORE_19, _CORE_20 = re.compile(r"19[5-9]\d"), re.compile(r"20[0-4]\d")
_CORE_DOTS = re.compile(r"\.\s?\d{1,2}\.\s?\d\d")


def _has_core(text: str, end: int, hijri: bool, search: Callable) -> bool:
    """``search(text, 0, end)`` found something (``search``: of ``_ANCHOR_CORE`` or ``_ANCHOR_CORE_HIJRI``):
    each branch is looked for first with ``in`` or a literal-opening pattern, the core only when a branch
    other than a year may be there."""
    if ("19" in text and _CORE_19.search(text, 0, end)) or ("20" in text and _CORE_20.search(text, 0, end)):
        return True
    if ("." in text and _CORE_DOTS.search(text, 0, end)) or "J" in text or "主" in text or "주" in text \
            or "民" in text or (hijri and ("13" in text or "14" in text)):
        return search(text, 0, end) is not None
    return False


def _anchor(doc: Doc) -> re.Pattern:
    return _ANCHOR_HIJRI if doc.fields.get("_hijri") else _ANCHOR


def extract(doc: Doc) -> None:
    """Find ``published``/``modified`` and place their lines in the ledger."""
    # Solar Hijri shapes only where that calendar is the civil one (Persian, Dari, Pashto): on an Arabic
    # page ``1445/09/04`` is a lunar Hijri date, which must not be read as a Solar Hijri one.
    if not doc.text.isascii() and _ARABIC.search(doc.text):
        doc.fields["_arabic"] = True
        if _lang_tag(doc) in SOLAR_HIJRI_LANGUAGES:
            doc.fields["_hijri"] = True
    try:
        _extract_all(doc)
    finally:
        doc.fields.pop("_arabic", None)
        doc.fields.pop("_hijri", None)
        doc.fields.pop("_dated", None)


def _extract_all(doc: Doc) -> None:
    free = [ln for ln in doc.ledger.lines if ln.role is None or ln.role == "header"]
    _dated_lines(doc)
    _by_rules(doc, free)
    if "published" in doc.fields and "modified" in doc.fields:
        return
    try:
        _extract(doc, free)
    finally:
        doc.fields.pop("_slash_order", None)


def _extract(doc: Doc, free: list[Line]) -> None:
    sh = shapes(doc.rules)
    lay = layout_of(doc)
    cands = _candidates(doc, sh)   # the lines ``_free_or_weak``
    _mark_lists(doc, cands)
    tag = _lang_tag(doc)
    chosen: dict[str, Cand] = {}
    for field in ("published", "modified"):
        if field in doc.fields:
            continue
        for c in cands:
            if c.label == field and _labelled_ok(doc, cands, c) and (not c.weak or not _listed(doc, cands, c)):
                rule = f"dates.label.{field}"
                val = _field(doc, c, rule)
                if val:
                    chosen[field] = c
                    _set(doc, field, val, rule, doc.ledger.lines[c.line], c.end - min(c.start, c.lstart))
                    break
    if "published" in doc.fields:
        return
    if not cands or all(c.label is None and not _is_header_line(doc, c) for c in cands):
        _relative(doc, sh, [ln for ln in free if ln.role is None][:RELATIVE_LINES])
        if "published" in doc.fields:
            return
    if _stacked(doc, free):
        return
    mod = chosen.get("modified")
    n = len(doc.ledger.lines)
    pool, head = [], []
    clean: bool | None = None   # an article text without a page around it (asked once a date needs it)
    for c in cands:
        if c.neg or c.label or c.event:
            continue
        near = lay.start >= 0 and lay.start - HEAD_WINDOW <= c.line <= lay.start + 2
        if mod is not None and not (mod.line - 3 <= c.line <= mod.line) and not near:
            continue  # beside an update time only: an article whose only time is an update has no publication
        if (c.weak and not near) or (not near and c.line > max(12, int(n * FALLBACK_LINES))):
            continue
        if not near and 0 <= lay.start < c.line:
            if clean is None:
                clean = not whole_page(doc, lay)
            if clean:
                continue  # an article text without a page around it: a date line amid its paragraphs is an event's
        if _is_header_line(doc, c) and not _listed(doc, cands, c) and (
                not _inside_body(doc, c) or (near and c.line <= lay.start + 2)):
            (head if near else pool).append(c)
    if _lead(doc, cands, lay, tag):
        return
    if head:  # the date line over the article's first paragraph: the one closest to it
        best = min(head, key=lambda c: (abs(lay.start - c.line), c.line))
        rule = f"dates.{tag}.article_head"
        val = _field(doc, best, rule)
        if val:
            _set(doc, "published", val, rule, doc.ledger.lines[best.line], best.end - best.start)
            return
    # ``Thursday, November 9, 2023`` over the menu is the page's today, not the article's day: skipped
    # when another header date of the weeks before it follows
    if pool and pool[0].weekday and "H" not in pool[0].groups and pool[0].line <= 2:
        pool = pool[1:]  # ``Mittwoch, 01. November 2023`` as the page's first line
    if len(pool) > 1 and pool[0].weekday:
        today = _day(doc, pool[0])
        rest = [c for c in pool if c.line != pool[0].line and not (c.weekday and _day(doc, c) == today)]
        if any(today - dt.timedelta(days=60) <= _day(doc, c) <= today for c in rest):
            pool = rest
    for c in pool[:1]:
        rule = f"dates.{tag}.header_line"
        val = _field(doc, c, rule)
        if val:
            _set(doc, "published", val, rule, doc.ledger.lines[c.line], c.end - c.start)
            return
    _dateparser_fallback(doc, sh, cands, tag)


# --- dateparser, on a labelled value the shapes could not read ---------------------------------------------

DP_VALUE = 48           # dateparser reads at most this many characters of a labelled value
DP_LINES = 16           # ... on a header line among the first lines (or over the main block)
DP_CALLS = 2            # ... at most this many times per document (it costs milliseconds a call)
DP_YEARS = (1950, 2049)  # ... and its answer counts only in the years ``_ANCHOR`` reads (not ``1445/09/04``)
_DP_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["custom-formats", "absolute-time"],
                "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
_DP_NUMBERS = re.compile(r"\d\D{1,12}\d")   # a value worth reading writes a day and a year at least
_DP_HAS_TIME = re.compile(r"\d{1,2}\s*[:h.]\s*\d\d")


def _dp_languages(doc: Doc) -> list[str]:
    tag = _lang_tag(doc)
    langs = doc.rules.locale(tag).get("dates", {}).get("dateparser_languages") if tag != "und" else None
    return list(langs) if langs else ([tag] if tag != "und" else [])


def _dateparser_fallback(doc: Doc, sh: Shapes, cands: list[Cand], tag: str) -> None:
    """``Veröffentlicht: Di., 3. Okt. 23, 14.30 Uhr``: a header line opening with a publication or update
    label whose value none of the shapes read goes to dateparser, bounded: only the value (at most
    ``DP_VALUE`` characters), only in the article's languages, only absolute dates with day, month and
    year written, at most ``DP_CALLS`` calls. The rule name says ``dateparser``."""
    langs = _dp_languages(doc)
    if not langs:
        return
    lay = layout_of(doc)
    dated = {c.line for c in cands}
    calls = 0
    for ln in doc.ledger.lines:
        if ln.index > DP_LINES and not (lay.start >= 0 and lay.start - HEAD_WINDOW <= ln.index <= lay.start):
            continue
        if ln.role is not None or ln.index in dated or len(ln.text) > 2 * DP_VALUE + 40 \
                or not _DP_NUMBERS.search(ln.text):
            continue
        head = ln.text[:40]
        field, at, end = None, -1, -1
        for f, labels in (("modified", sh.mod), ("published", sh.pub)):
            hit = labels.find_last(head)
            if hit and hit[0] <= 3 and (field is None or hit[1] > end):
                field, at, end = f, hit[0], hit[1]
        if field is None or field in doc.fields or _DP_WEAK.fullmatch(ln.text[at:end].casefold()):
            continue
        lead = len(ln.text) - len(ln.text[end:].lstrip(" :：-–|,"))
        value = ln.text[lead:lead + DP_VALUE].strip()
        if not _DIGIT.search(value) or sh.neg.find_last(value):
            continue
        calls += 1
        when = _dateparse(value, tuple(langs))
        if when is not None and DP_YEARS[0] <= when.year <= DP_YEARS[1]:  # a year the shapes would read
            g = {"y": str(when.year), "m": str(when.month), "d": str(when.day)}
            if _DP_HAS_TIME.search(value):
                g.update(H=str(when.hour), M=str(when.minute))
            rule = f"dates.{tag}.dateparser"
            raw = ln.text[at:lead + len(value)].strip()
            start = ln.start + at
            val = to_value(doc, g, raw, (start, start + len(raw)), rule)
            if val:
                _set(doc, field, val, rule, ln, len(raw))
        if calls >= DP_CALLS or "published" in doc.fields:
            return


# Labels that also open bylines and other lines: no fallback on them (``By the end of the year``).
_DP_WEAK = re.compile(r"by|von|par|por|di|door|autor:?|datum|date:?|stand")


@lru_cache(maxsize=4096)
def _dateparse(value: str, langs: tuple[str, ...]) -> dt.datetime | None:
    """dateparser on one short value (imported on first use), None when it cannot or may not read it."""
    try:
        import dateparser
        return dateparser.parse(value[:DP_VALUE], languages=list(langs), settings=dict(_DP_SETTINGS))
    except Exception:  # an unknown language code, an odd value: the field stays null
        return None


memo.register(_dateparse.cache_clear)   # keyed by a value's text


# --- a date opening the article's first paragraph --------------------------------------------------------

# What may stand before the date: an opening bracket, a place and a comma (``Wien, 14. Dezember 2021 –``,
# ``Karlsruhe, (12.11.2021).``), an editor's mark (``Red. /``).
_LEAD_BEFORE = regex.compile(r"^[(\[]?(?:\p{Lu}[\p{L}\-’']+(?:[ \-]\p{Lu}[\p{L}\-’']+){0,2}\.?\s*[,/]\s*[(\[]?)?$")
# What follows it: a dash, a full stop, a closing bracket, a colon or an opening quote, then the text.
_LEAD_AFTER = regex.compile(r"^(?:\s*[)\]])?\s*(?:[.:]\s+|\s[–—\-]\s*|\s*[„“\"«]|,?\s+(?=\p{Lu}))\S")
LEAD_LINES = 2          # the paragraph must be one of the first this many of the main block


def _lead(doc: Doc, cands: list[Cand], lay, tag: str) -> bool:
    """``Wien, 14. Dezember 2021 – Aufgrund der ...``: the article's first paragraph opens with the day
    (a press release, a local paper). Only the first paragraphs of the main block count, only with nothing
    but a place before the date, and only when the date is not a range or an event."""
    if lay.start < 0:
        return False
    for c in cands:
        if c.line < lay.start or c.line > lay.start + LEAD_LINES - 1 or c.label or c.event or c.neg or c.weak:
            continue
        ln = doc.ledger.lines[c.line]
        if len(ln.text) <= PROSE:
            continue
        before, after = ln.text[:c.start - ln.start], ln.text[c.end - ln.start:]
        if not _LEAD_BEFORE.match(before.strip()) or not _LEAD_AFTER.match(after):
            continue
        if any(o.line != c.line and abs(o.line - c.line) <= 3 and o.start - doc.ledger.lines[o.line].start <= 2
               and _day(doc, o) != _day(doc, c) for o in cands):
            continue  # ``8 August 2009: ...`` / ``9 December 2009: ...``: a chronology, not a lead
        rule = f"dates.{tag}.lead_paragraph"
        val = _field(doc, c, rule)
        if val:
            _set(doc, "published", val, rule)
            return True
    return False


# --- a date stacked over three short lines -----------------------------------------------------------------

_STACK_Y = re.compile(r"(?:19|20)\d\d")
_STACK_MD = re.compile(r"(\d{1,2})[/.\-](\d{1,2})")
_STACK_T = re.compile(r"(\d{1,2}):(\d\d)(?::(\d\d))?")


def _stacked(doc: Doc, free: list[Line]) -> bool:
    """A publication time a portal prints over three header lines (``2019`` / ``09/07`` / ``19:02``)."""
    lines = [ln for ln in free if ln.role is None]
    limit = max(12, int(len(doc.ledger.lines) * FALLBACK_LINES))
    for k in range(len(lines) - 2):
        a = lines[k]
        if a.index > limit:
            break
        if len(a.text) != 4 or lines[k + 2].index - a.index != 2 or not _STACK_Y.fullmatch(a.text):
            continue    # (a year is four characters)
        b, c = lines[k + 1], lines[k + 2]
        md, tm = _STACK_MD.fullmatch(b.text), _STACK_T.fullmatch(c.text)
        if not (md and tm):
            continue
        g = {"y": a.text, "m": md.group(1), "d": md.group(2), "H": tm.group(1), "M": tm.group(2),
             "S": tm.group(3)}
        rule = "dates.und.stacked_lines"
        val = to_value(doc, {k: v for k, v in g.items() if v}, doc.text[a.start:c.end], (a.start, c.end), rule)
        if val:
            doc.fields["published"] = val
            doc.fire(rule)
            for ln in (a, b, c):
                doc.ledger.claim(ln.index, "header", "published", rule)
            return True
    return False


# --- relative times ----------------------------------------------------------------------------------------

_UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400}


def _relative_rules(rules, code: str) -> dict | None:
    """A locale's relative-time data compiled: the ``ago`` pattern, day words, unit words."""
    def build(r):
        rel = r.locales.get(code, {}).get("dates", {}).get("relative") or {}
        if not rel:
            return {}
        ago = rel.get("ago")
        units = {w.casefold(): u for u, ws in (rel.get("units") or {}).items() for w in ws}
        days = {str(k).casefold(): int(v) for k, v in (rel.get("days") or {}).items()}
        rx = Rx(ago, f"dates.{code}.relative", regex.IGNORECASE) if ago else None
        return {"ago": rx, "units": units, "days": days}
    return rules.view(f"dates.relative.{code}", build)


def _relative(doc: Doc, sh: Shapes, lines: list[Line]) -> None:
    """``Updated 3 hours ago``, ``어제``, ``昨日``, ``gestern`` on a header line: resolved with
    ``reference_date`` only; without it the field stays null and a warning says why."""
    code = (doc.language or "").split("-")[0]
    data = _relative_rules(doc.rules, code) if code in doc.rules.locales else None
    if not data:
        return
    for ln in lines:
        text = ln.text
        if len(text) > 80:
            continue
        hit = None
        if data["ago"] is not None:
            m = data["ago"].search(text)   # under the rule time limit; a cut call is a warning
            if m:
                n = m.group("n")
                n = int(n) if n and n.isdigit() else 1
                unit = data["units"].get(m.group("unit").casefold().rstrip("."))
                if unit:
                    hit = (m.start(), m.end(), dt.timedelta(seconds=n * _UNIT_SECONDS[unit]), unit)
        if hit is None:
            low = text.casefold()
            for w, off in data["days"].items():
                i = low.find(w)
                if i >= 0 and (not w[:1].isascii() or ((i == 0 or not low[i - 1].isalpha())
                                                     and (i + len(w) == len(low) or not low[i + len(w)].isalpha()))):
                    hit = (i, i + len(w), dt.timedelta(days=-off), "day")
                    break
        if hit is None:
            continue
        start, end, delta, unit = hit
        field, lab = _label(sh, text[:start], text[end:])
        rest = _weight(text[:start] + text[end:])
        if field is None and rest > 6:
            continue  # a relative word inside a line is not a header time
        field = field or "published"
        if field in doc.fields:
            continue
        raw_start = ln.start + (start + lab if lab < 0 else start)
        raw = doc.text[raw_start:ln.start + end]
        rule = f"dates.{code}.relative"
        if doc.reference_date is None:
            doc.warn(f"relative time {raw!r} not resolved: no reference_date given")
            return
        ref = doc.reference_date
        when = ref - delta
        if unit in ("day", "week"):
            value, utc = when.date().isoformat(), None
        elif when.tzinfo is not None:
            value = when.isoformat()
            utc = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        else:
            value, utc = when.isoformat(), None
        doc.fields[field] = {"value": value, "utc": utc, "raw": raw, "rule": rule,
                             "span": [raw_start, raw_start + len(raw)]}
        doc.fire(rule)
        _claim(doc, ln, field, rule, len(raw))
        return


# --- a dateline's day as the publication day (a stage after ``datelines``) -----------------------------------

_YEAR_LINE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
YEAR_LINES = 12         # a year for a dateline is looked for in the first header lines
YEAR_RESIDUE = 10       # ... on a line holding little else (``2008``, ``Monday, 2008``; not ``CALENDAR 1986``)


def fill_from_dateline(doc: Doc) -> None:
    """``SEOUL, April 28 (Yonhap) --`` with nothing else dated: the dateline's day becomes ``published`` as a
    bare day, when its year is known: written in the dateline, written alone in a header line above it
    (not a copyright line), or from ``reference_date`` (the latest such day not after it). The rule name
    says which."""
    dl = doc.fields.get("dateline")
    if "published" in doc.fields or not dl or not dl.get("date"):
        return
    date = str(dl["date"])
    raw = str(dl.get("raw") or "")
    try:
        if not date.startswith("--"):  # the datelines stage knew the year: written, or from reference_date
            how = "dateline_day" if date[:4] in raw else "dateline_day+reference_year"
            day = dt.date.fromisoformat(date)
        else:
            day, how = _dateline_year(doc, int(date[2:4]), int(date[5:7]))
    except (TypeError, ValueError):
        return
    if day is None:
        return
    rule = f"dates.{how}"
    doc.fields["published"] = {"value": day.isoformat(), "utc": None, "raw": raw, "rule": rule,
                               "span": list(dl.get("span") or [0, 0])}
    doc.fire(rule)


def _dateline_year(doc: Doc, mo: int, d: int) -> tuple[dt.date | None, str]:
    """The year of a dateline's month and day when one year alone is written in the first header lines
    (``2008`` over a menu, ``Monday, 2008``; never a copyright line)."""
    sh = shapes(doc.rules)
    years: list[str] = []
    at = (doc.fields.get("dateline") or {}).get("span") or [0]
    for ln in doc.ledger.lines[:YEAR_LINES]:
        if ln.end > at[0]:
            break   # only header lines above the dateline: a year in the story is the story's (``flat in 1987``)
        if ln.role not in (None, "header") or len(ln.text) > 80 or sh.neg.find_last(ln.text):
            continue
        years += [y for y in _YEAR_LINE.findall(ln.text) if _weight(_YEAR_LINE.sub("", ln.text)) <= YEAR_RESIDUE]
    if len(set(years)) == 1:
        return dt.date(int(years[0]), mo, d), "dateline_day+header_year"
    return None, ""
