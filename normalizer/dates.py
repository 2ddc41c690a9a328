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
from dataclasses import dataclass
from functools import lru_cache

import regex

from .dates_shapes import Shapes, groups, shapes
from .dates_zones import home_zone, zone_for
from .doc import Doc
from .lines import Line
from .rx_prefilter import may_search

TIMEOUT = 0.25          # seconds one regex call may take on one line
MAX_LINE = 400          # rules with a field are not tried on longer lines
LEAD = 100              # in a longer line only its first characters can hold a labelled date
PROSE = 160             # a line longer than this is a body paragraph, its dates are events
HEADER_RESIDUE = 48     # a date line may carry this many other characters (source, author, separators)
RELATIVE_LINES = 40     # a relative time (``3 hours ago``) counts only among the first free lines
FALLBACK_LINES = 0.7    # an unlabelled header date is looked for in this first share of the page

_DIGIT = re.compile(r"\d")
# Where a date can be: a year (19xx, 20xx), a two-digit-year dotted day, an era year.
_ANCHOR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d(?!\d?[./\s]))|\d\.\s?\d{1,2}\.\s?\d\d(?!\d)|Juche|主體|주체|民國|民国")
_NOISE = regex.compile(r"[\W\d_]+")
_PREV_WORD = regex.compile(r"(?:^|[\s(\[])([^\W\d_]+'?)[\s,]*$")
_RANGE = re.compile(r"\s*(?:[–—\-]|bis|to|until|au)\s*\d")
_CJK_WEEKDAY = re.compile(r"[（(](?:[月火水木金土日]|[월화수목금토일]|周[一二三四五六日]|星期[一二三四五六日天])[)）]")
_LAST_WORD = regex.compile(r"([^\W\d_]{2,}\.?)[\s,|\-–]*$")
_WORD = regex.compile(r"[^\W\d_]{2,}")
_BULLET = regex.compile(r"^\s*(?:[*+•·\-–—>]|\d{1,2}[.)])\s")


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


@lru_cache(maxsize=1)
def _weekdays() -> frozenset[str]:
    from .datewords import weekday_words
    return frozenset(w for w in weekday_words() if len(w) > 1)


def month_number(word: str, doc: Doc | None = None) -> int | None:
    """A month written as a number or a word of any locale (babel CLDR names, loaded once)."""
    if word.isdigit():
        n = int(word)
        return n if 1 <= n <= 12 else None
    from .datewords import month_lookup
    return month_lookup().get(word.casefold().rstrip("."))


def _ymd(g: dict, doc: Doc) -> tuple[int, int, int] | None:
    """Year, month, day from the groups of a match; None when they do not make a valid day."""
    try:
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
        if ampm in {"pm", "오후", "午後", "下午", "晚上"} and hh < 12:
            hh += 12
        elif ampm in {"am", "오전", "午前", "上午", "凌晨", "早上"} and hh == 12:
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


def _by_rules(doc: Doc, lines: list[Line]) -> None:
    rules = _rules(doc)
    if not rules:
        return
    for ln in lines:
        if len(ln.text) > MAX_LINE or not _ANCHOR.search(ln.text):
            continue
        for name, r in rules:
            field = r["field"]
            if field in doc.fields or not may_search(r["pattern"], ln.text):
                continue    # the line lacks a character the pattern needs (``rx_prefilter``)
            for m in r["pattern"].finditer(ln.text):
                g = {k: v for k, v in m.groupdict().items() if v}
                val = to_value(doc, g, m.group(0).strip(), (ln.start + m.start(), ln.start + m.end()), name,
                               r.get("timezone"))
                if val:
                    doc.fields[field] = val
                    doc.fire(name)
                    _claim(doc, ln, field, name, m.end() - m.start())
                    break


# --- pass 2 and 3: every date, read with its labels --------------------------------------------------------

_SLASH = re.compile(r"(?<![\d/])([0-3]?\d)[/\-]([0-3]?\d)[/\-](?:19|20)\d\d(?![\d/])")


def _slash_order(doc: Doc, lines: list[Line]) -> None:
    """Note the order the page's unambiguous ``a/b/yyyy`` dates use (``15/04/2020``: day first)."""
    votes = {"dmy": 0, "mdy": 0}
    for ln in lines:
        if "/" in ln.text or "-" in ln.text:
            for m in _SLASH.finditer(ln.text[:PROSE * 2]):
                a, b = int(m.group(1)), int(m.group(2))
                if a > 12 >= b:
                    votes["dmy"] += 1
                elif b > 12 >= a:
                    votes["mdy"] += 1
    doc.fields.pop("_slash_order", None)
    if votes["dmy"] != votes["mdy"]:
        doc.fields["_slash_order"] = max(votes, key=votes.get)


def _candidates(doc: Doc, sh: Shapes, lines: list[Line]) -> list[Cand]:
    out: list[Cand] = []
    _slash_order(doc, lines)
    for ln in lines:
        text = ln.text
        if not _DIGIT.search(text):
            continue
        if len(text) > PROSE:  # a paragraph: only a label and date opening it can be the publication
            text = text[:LEAD]
        taken = -1
        for m, g in _find(sh, text):
            if m.start() < taken:
                continue
            if _ymd(g, doc) is None:
                continue
            taken = m.end()
            end = m.end()
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
            c.event = (bool(prev) and prev.group(1).casefold() in sh.event_words) or bool(_RANGE.match(after))
            if m.start() <= LEAD:
                c.label, lab = _label(sh, before, after)
                if c.label:
                    c.lstart = c.start + lab if lab < 0 else c.start
            c.residue = _weight(before + after) if len(ln.text) <= PROSE else 999
            if c.label or c.residue <= 2 * HEADER_RESIDUE:
                c.neg = sh.neg.find_last(ln.text) is not None
            out.append(c)
    return out


_GAP = re.compile(r"[^\d\n]{0,28}")
_LEAD_PUNCT = re.compile(r"[\s)）\]】|·•,，:：\-–]{0,4}")


def _label(sh: Shapes, before: str, after: str) -> tuple[str | None, int]:
    """Which field the words around a date announce, and where the label starts in the line (-1: after)."""
    before = before[-60:]
    off = len(before)
    best: tuple[str, int, int] | None = None
    for field, labels in (("modified", sh.mod), ("published", sh.pub)):
        hit = labels.find_last(before)
        if hit and _GAP.fullmatch(before[hit[1]:]) and (best is None or hit[1] > best[2]):
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


def _find(sh: Shapes, text: str) -> list[tuple[re.Match, dict]]:
    """Every date in a line: the shapes run only in windows around a year (a cheap prefilter)."""
    out: list[tuple[re.Match, dict]] = []
    last = -1
    for hit in _ANCHOR.finditer(text):
        ws, we = max(0, hit.start() - 36), min(len(text), hit.end() + 48)
        if hit.start() < last:
            continue
        found = []
        for k, p in enumerate(sh.dates):
            for m in p.finditer(text, ws, we):
                if m.start() < hit.end() and m.end() > hit.start():
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


def _listed(doc: Doc, cands: list[Cand], c: Cand) -> bool:
    """The date is one of a list of dated lines (related articles, comments, archives)."""
    lines = doc.ledger.lines
    near = [o for o in cands if o.shape == c.shape and abs(o.line - c.line) <= 6 and o.line != c.line
            and not o.label            and (_is_header_line(doc, o) or (_BULLET.match(lines[o.line].text) and len(lines[o.line].text) <= PROSE))]
    if len(near) >= 2:
        return True
    return bool(_BULLET.match(lines[c.line].text)) and len(near) >= 1


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
    if c.neg or at > 60 or _sentence(ln.text, c):
        return False
    if len(ln.text) > PROSE and (at > 3 or c.start - (c.lstart if c.lstart >= 0 else c.start) < 6):
        return False  # a paragraph counts only when it opens with a real label (not ``Von wegen. Am …``)
    return not (_BULLET.match(ln.text) and _listed(doc, cands, c))


def _day(doc: Doc, c: Cand) -> dt.date:
    y, m, d = _ymd(c.groups, doc) or (1, 1, 1)
    return dt.date(y, m, d)


def _field(doc: Doc, c: Cand, rule: str) -> dict | None:
    raw_start = min(c.start, c.lstart) if c.lstart >= 0 else c.start
    raw = doc.text[raw_start:c.end].strip()
    return to_value(doc, c.groups, raw, (raw_start, raw_start + len(raw)), rule)


def _claim(doc: Doc, ln: Line, field: str, rule: str, used: int) -> None:
    """Place a header date line in the ledger, but only a line that is essentially the date."""
    if ln.role is None and len(ln.text) - used <= HEADER_RESIDUE and len(ln.text) <= PROSE:
        doc.ledger.claim(ln.index, "header", field, rule)


def _lang_tag(doc: Doc) -> str:
    return (doc.language or "und").split("-")[0]


def extract(doc: Doc) -> None:
    """Find ``published``/``modified`` and place their lines in the ledger."""
    free = [ln for ln in doc.ledger.lines if ln.role is None or ln.role == "header"]
    _by_rules(doc, free)
    if "published" in doc.fields and "modified" in doc.fields:
        return
    try:
        _extract(doc, free)
    finally:
        doc.fields.pop("_slash_order", None)


def _extract(doc: Doc, free: list[Line]) -> None:
    sh = shapes(doc.rules)
    cands = _candidates(doc, sh, [ln for ln in free if ln.role is None])
    tag = _lang_tag(doc)
    chosen: dict[str, Cand] = {}
    for field in ("published", "modified"):
        if field in doc.fields:
            continue
        for c in cands:
            if c.label == field and _labelled_ok(doc, cands, c):
                rule = f"dates.label.{field}"
                val = _field(doc, c, rule)
                if val:
                    doc.fields[field] = val
                    chosen[field] = c
                    doc.fire(rule)
                    _claim(doc, doc.ledger.lines[c.line], field, rule, c.end - min(c.start, c.lstart))
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
    pool = []
    for c in cands:
        if c.neg or c.label or c.event or c.line > max(12, int(n * FALLBACK_LINES)):
            continue
        if mod is not None and not (mod.line - 3 <= c.line <= mod.line):
            continue  # beside an update time only: an article whose only time is an update has no publication
        if _is_header_line(doc, c) and not _listed(doc, cands, c) and not _inside_body(doc, c):
            pool.append(c)
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
            doc.fields["published"] = val
            doc.fire(rule)
            _claim(doc, doc.ledger.lines[c.line], "published", rule, c.end - c.start)
            return


# --- a date stacked over three short lines -----------------------------------------------------------------

_STACK_Y = re.compile(r"(?:19|20)\d\d")
_STACK_MD = re.compile(r"(\d{1,2})[/.\-](\d{1,2})")
_STACK_T = re.compile(r"(\d{1,2}):(\d\d)(?::(\d\d))?")


def _stacked(doc: Doc, free: list[Line]) -> bool:
    """A publication time a portal prints over three header lines (``2019`` / ``09/07`` / ``19:02``)."""
    lines = [ln for ln in free if ln.role is None]
    limit = max(12, int(len(doc.ledger.lines) * FALLBACK_LINES))
    for a, b, c in zip(lines, lines[1:], lines[2:], strict=False):
        if a.index > limit:
            break
        if c.index - a.index != 2 or not _STACK_Y.fullmatch(a.text):
            continue
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
        return {"ago": regex.compile(ago, regex.IGNORECASE) if ago else None, "units": units, "days": days}
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
            try:
                m = data["ago"].search(text, timeout=TIMEOUT)
            except TimeoutError:
                m = None
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
