"""Datelines: where and when the story was filed, and by which agency.

Shapes are locale and source data (``[[datelines.rules]]`` in locale files, ``[[datelines]]`` in source
files). A pattern is matched at the start of a line (after stray quotes or bullets) and may use the groups

- ``place`` (``ROCHESTER, N.Y.``, ``SURABAYA, Indonesia/JAKARTA``, ``서울``, ``北京``): the first part is the
  place, the rest qualifiers (US states, Canadian provinces, countries) that give the country;
- ``reporter_place`` (``楊啟芳台北``): a reporter's name glued to a place, split where the place is known;
- ``m``/``d``/``y``: the date; ``agency`` (one or more, ``AFP, REUTERS``); ``reporter``: names for ``authors``.

A rule's ``where`` says where it may stand: ``lead`` (default: one of the first free lines), ``head``
(at the start of any line of the page's first part, for shapes that cannot be mistaken: ``(Yonhap) --``,
``=연합뉴스)``, ``新华社…电``), ``line`` (a line of its own anywhere: a trailing agency credit), ``inline`` (anywhere inside a line of the
page's first part, for shapes that carry their own proof, like ``(서울=연합뉴스) 홍길동 기자 =`` after
photo captions glued to the lead).
Rule keys ``agency``, ``place`` and ``country`` fix what the shape implies. Places resolve through the
gazetteer (any script); what a cities gazetteer lacks (state and province qualifiers, 1987 names, Taiwanese
short forms) is in ``gazetteer/dateline_qualifiers.toml``.
"""
from __future__ import annotations

import datetime as dt

import regex

from . import gazetteer
from .dates import month_number
from .doc import Doc
from .lines import Line
from .memo import TextDict
from .rules import Rules
from .rx_needs import holds, needs_of
from .rx_prefilter import Candidates

FIRST_LINES = 6     # a leading dateline sits in one of the first free lines
HEAD_LINES = 250    # strong shapes are looked for this far into a whole page
MAX_LINE = 5000     # lines longer than this are only looked at in their first part

_LEAD = regex.compile(r"[\s'\"‘“`*•·\-–—>]*")
_TRAIL = " -—–=:"
_SPLIT_AGENCY = regex.compile(r"\s*(?:,|/|、|·|\band\b|&)\s*")
_SMALL = {"of", "de", "la", "le", "du", "des", "del", "da", "do", "dos", "das", "on", "upon", "am", "an",
          "der", "di", "y", "e", "en", "sur", "the", "and"}
# A canonical name may carry a suffix the written dateline leaves off (``New York City``, ``Frankfurt am
# Main``): the written form is kept then, as the wires and the gold write it.
_SUFFIX = regex.compile(r"^(?:,?\s*(?:City|D\.\s?C\.|am Main|an der Oder|Metropolitan City|Special City|"
                        r"Special Municipality|-shi|-si|Shi|Si))$", regex.I)
_ABBR = regex.compile(r"(?i)(st|ste|ft|mt|pt)\.?\s+")
_ABBR_FULL = {"st": "Saint", "ste": "Sainte", "ft": "Fort", "mt": "Mount", "pt": "Port"}
_UMLAUT_E = regex.compile(r"(?i)([aou])e")
_PLACE_PARTS = regex.compile(r"\s*,\s*|\s*/\s*")
_AUTHOR_SPLIT = regex.compile(r"\s*(?:[、,，/／;；]|\s及\s|\s and\s)\s*|\s+(?=\p{Han}{2,4}$)")
_AUTHOR_TITLE = regex.compile(r"^(?:记者|記者|通讯员|通訊員|实习生|實習生|기자)\s*")
_AUTHOR_SUFFIX = regex.compile(r"\s*(?:기자|특파원|記者|记者|特派員|特派员)$")
_CJK_PLACE_SUFFIX = ("特別市", "特别市", "直轄市", "直辖市", "市", "縣", "县", "區", "区", "省", "都", "府", "道")


# --- the qualifier tables ---------------------------------------------------------------------------------

def fold(s: str) -> str:
    """Case, width, dots and spacing folded (``N.Y.`` = ``NY`` = ``n. y.``)."""
    return gazetteer.fold(s).replace(".", "").replace(" ", "").replace("-", "")


def _build_tables(rules: Rules) -> dict:
    """Qualifier → country, historic and short place names → modern ones, from every gazetteer file."""
    quals: dict[str, str] = {}
    renames: dict[str, dict] = {}
    for key in sorted(rules.gazetteer):
        data = rules.gazetteer[key]
        for e in data.get("dateline_qualifier", []) or []:
            for n in [e.get("name", ""), *e.get("aliases", [])]:
                if n and e.get("country"):
                    quals.setdefault(fold(n), e["country"])
        for e in data.get("dateline_place", []) or []:
            for n in e.get("aliases", []):
                renames.setdefault(fold(n), e)
    return {"quals": quals, "renames": renames}


def _tables(rules: Rules) -> dict:
    return rules.view("datelines.tables", _build_tables)


def _rules(doc: Doc) -> list[tuple[str, dict]]:
    out = []
    if doc.source:
        out += [(f"source.{doc.source['id']}.{r['name']}", r) for r in doc.source.get("datelines", [])]
    codes = [doc.language or "", (doc.language or "").split("-")[0]] + sorted(doc.rules.locales)
    for code in dict.fromkeys(c for c in codes if c in doc.rules.locales):
        rs = doc.rules.locales[code].get("datelines", {}).get("rules", [])
        out += [(f"datelines.{code}.{r['name']}", r) for r in rs]
    return out


def _marks(gates: list[list[frozenset[str]]]) -> tuple[str, ...] | None:
    """Characters one of which a line holds when any of these rules (their text gates given) can match
    in it: the smallest gate of each, joined; None when a rule has no gate."""
    out: set[str] = set()
    for gs in gates:
        if not gs:
            return None
        out |= min(gs, key=lambda g: (len(g), sorted(g)))
    return tuple(sorted(out))


class _Subset:
    """Some rules of a ``_Prepared`` (those that may stand in one zone of one document, or those of them
    that can open with a line's first characters), with their own prefilter (``rx_prefilter.Candidates``,
    in rule order): ``index`` maps its positions to the rules'."""

    __slots__ = ("prep", "index", "cands", "marks", "_opens", "_opening", "_narrow")

    MEMO = 4096        # line openings remembered
    MAX_NARROW = 256

    def __init__(self, prep: _Prepared, index: tuple[int, ...]):
        self.prep = prep
        self.index = index
        inline = frozenset(j for j, k in enumerate(index) if prep.wheres[k] == "inline")
        self.cands = Candidates([prep.rules[k][1]["pattern"] for k in index], always=inline)
        # what the first two characters of a match must be (None: no condition, inline rules too)
        self._opens = [None if j in inline else prep.opens[k] for j, k in enumerate(index)]
        self.marks = _marks([prep.gates[k] for k in index])
        self._opening: dict[str, _Subset] = {}
        self._narrow: dict[tuple[int, ...], _Subset] = {}

    def opening(self, head: str) -> _Subset:
        """The rules a match of which can open with ``head``, a line's first two characters (after its
        lead; fewer at its end): by the first one (``Candidates.starting_with``, inline rules whatever
        it is) and by both (``pattern_needs``)."""
        got = self._opening.get(head)
        if got is None:
            if len(self._opening) >= self.MEMO:
                self._opening.clear()
            starts = self.cands.starting_with(head[:1]) if head else self.cands.all
            index = tuple(self.index[j] for j in starts
                          if len(head) < 2 or self._opens[j] is None or self._opens[j].fullmatch(head) is not None)
            got = self._opening[head] = self._narrowed(index)
        return got

    def _narrowed(self, index: tuple[int, ...]) -> _Subset:
        got = self._narrow.get(index)
        if got is None:
            if len(self._narrow) >= self.MAX_NARROW:
                self._narrow.clear()
            got = self._narrow[index] = self if index == self.index else _Subset(self.prep, index)
        return got


class _Prepared:
    """A document's dateline rules, in order, with what each needs in a text (``pattern_needs``) and
    where each may stand; built once per (source, language) and kept with the rules, with the prefilters
    of the subsets of them that documents use."""

    __slots__ = ("rules", "wheres", "needs", "gates", "opens", "twin", "_gates", "_gate_index", "_subsets",
                 "_zones")

    MAX_SUBSETS = 64

    def __init__(self, rules: list[tuple[str, dict]], needs: dict | None = None):
        self.rules = rules
        self.wheres = [r.get("where", "lead") for _, r in rules]
        cache = {} if needs is None else needs
        found = [needs_of(cache, r["pattern"].pattern) for _, r in rules]
        self.needs = [n.line for n in found]
        self.gates = [n.text for n in found]
        self.opens = [n.opens for n in found]
        # the distinct gates (in first-seen order) and, per rule, the positions of its own among them
        distinct: dict[frozenset[str], int] = {}
        self._gate_index = [tuple(distinct.setdefault(g, len(distinct)) for g in gates) for gates in self.gates]
        self._gates = list(distinct)
        # the first rule with the same pattern (source, flags and name: the same answer, the same
        # warning): a line runs a pattern once for all its rules
        first: dict[tuple, int] = {}
        self.twin = [first.setdefault((rx.source, rx.pattern.flags, rx.name), k)
                     for k, rx in enumerate(r["pattern"] for _, r in rules)]
        self._subsets: dict[tuple[int, ...], _Subset] = {}
        self._zones: dict[tuple[tuple[int, ...], bool, bool], _Subset] = {}

    def allowed(self, k: int, pos: int, in_lead: bool) -> bool:
        """Whether rule ``k`` may stand on a line at ``pos`` (lead or not)."""
        where = self.wheres[k]
        if where == "lead":
            return in_lead
        if where in ("head", "inline"):
            return pos < HEAD_LINES
        return True

    def live(self, text: str) -> tuple[int, ...]:
        """The rules whose text gates ``text`` passes: the others cannot match in any part of it."""
        ok = [any(c in text for c in gate) for gate in self._gates]     # each distinct gate looked for once
        return tuple(k for k, idx in enumerate(self._gate_index) if all(ok[i] for i in idx))

    def subset(self, index: tuple[int, ...]) -> _Subset:
        got = self._subsets.get(index)
        if got is None:
            if len(self._subsets) >= self.MAX_SUBSETS:
                self._subsets.clear()
            got = self._subsets[index] = _Subset(self, index)
        return got

    def zone(self, live: tuple[int, ...], pos: int, in_lead: bool) -> _Subset:
        """The subset of ``live`` rules that may stand on a line at ``pos``."""
        key = (live, in_lead, pos < HEAD_LINES)
        got = self._zones.get(key)
        if got is None:
            if len(self._zones) >= self.MAX_SUBSETS:
                self._zones.clear()
            got = self._zones[key] = self.subset(tuple(k for k in live if self.allowed(k, pos, in_lead)))
        return got


def _prepared(doc: Doc) -> _Prepared:
    cache = doc.rules.view("datelines.prepared", lambda _rs: {})
    key = ((doc.source or {}).get("id"), doc.language)   # what ``_rules`` depends on
    prep = cache.get(key)
    if prep is None:
        needs = doc.rules.view("datelines.needs", lambda _rs: {})
        prep = cache[key] = _Prepared(_rules(doc), needs)
    return prep


# --- places ---------------------------------------------------------------------------------------------

def title_case(s: str) -> str:
    """``KING OF PRUSSIA`` → ``King of Prussia``; text not in capitals stays as written."""
    s = " ".join(s.split())
    if not s or not s.isupper():
        return s
    words = []
    for i, w in enumerate(s.split(" ")):
        lw = w.lower()
        if i and lw in _SMALL:
            words.append(lw)
        else:
            words.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(words)


def country_of(rules: Rules, qualifier: str) -> str | None:
    """The ISO country a dateline qualifier names: a US state, a Canadian province or a country."""
    q = qualifier.strip(" ,.;")
    if not q:
        return None
    c = _tables(rules)["quals"].get(fold(q))
    if c:
        return c
    e = gazetteer.place(rules, q)
    if e and e.get("kind") in ("country", "territory"):
        return e.get("country")
    return None


def _best(rules: Rules, name: str, country: str | None) -> dict | None:
    """The gazetteer entry for a name: in ``country`` when given; one whose own name is the written name
    before one that has it only as an alias (``SALVADOR`` is the Brazilian city, not El Salvador)."""
    try:
        cands = list(gazetteer.index(rules)["places"].get(gazetteer.fold(name)) or [])
    except (AttributeError, KeyError, TypeError):
        e = gazetteer.place(rules, name, country)
        cands = [e] if e else []
    if country:
        cands = [e for e in cands if e.get("country") == country]
    if not cands:
        return None
    want = fold(name)
    top = max((e.get("population") or 0) for e in cands)

    def rank(e: dict) -> tuple[int, int]:
        # a dateline names a town: a city before a state of its name; a place whose own name is the written
        # one before one that has it as an alias, unless that one is far bigger (HANOVER is Hannover)
        exact = fold(str(e.get("name", ""))) == want and (e.get("population") or 0) * 10 >= top
        return (0 if e.get("kind") == "city" else 1, 0 if exact else 1)
    return min(enumerate(cands), key=lambda ie: (rank(ie[1]), ie[0]))[1]


def _lookup(rules: Rules, name: str, country: str | None, _nested: bool = False) -> dict | None:
    """A gazetteer entry for a written place: as written, renamed, or (CJK) without a suffix or tail.

    The CJK fallbacks look each shorter form up directly (one level deep, never recursively): a
    recursive search over every prefix of every prefix is exponential in the length of the string."""
    ren = _tables(rules)["renames"].get(fold(name))
    if ren and (not country or ren.get("country") == country):
        e = gazetteer.place(rules, ren["name"], ren.get("country"))
        if e and (not ren.get("country") or e.get("country") == ren["country"]):
            return e
        return {"name": ren["name"], "country": ren.get("country"), "geonames_id": ren.get("geonames_id"),
                "kind": ren.get("kind", "city")}
    e = _best(rules, name, country)
    if e:
        return e
    m = _ABBR.match(name)
    if m:                                      # ST. PAUL → Saint Paul, FT. LAUDERDALE → Fort Lauderdale
        e = _best(rules, _ABBR_FULL[m.group(1).lower()] + " " + name[m.end():], country)
        if e:
            return e
    if name.isascii() and _UMLAUT_E.search(name):   # DUESSELDORF → Düsseldorf
        alt = _UMLAUT_E.sub(lambda x: {"a": "ä", "o": "ö", "u": "ü"}[x.group(1).lower()], name)
        e = _best(rules, alt, country)
        if e and e.get("country") in ("DE", "AT", "CH"):
            return {**e, "name": title_case(name)}
    if name and not name.isascii() and not _nested and len(name) <= MAX_CJK_PLACE:
        for suf in _CJK_PLACE_SUFFIX:        # 桃園市 → 桃園
            if name.endswith(suf) and len(name) > len(suf) + 1:
                e = _lookup(rules, name[:-len(suf)], country, _nested=True)
                if e:
                    return e
        for k in range(len(name) - 1, 1, -1):  # 桃園機場 → 桃園
            e = _lookup(rules, name[:k], country, _nested=True)
            if e:
                return e
    return None


# A CJK place part longer than this is not a place name: no prefix search on it.
MAX_CJK_PLACE = 16


def _dropped_initial(rules: Rules, name: str, country: str | None) -> dict | None:
    """``ERUSALEM`` → Jerusalem: a page's drop cap lost in extraction. Only a place in capitals that no
    entry has, and only when exactly one letter in front of it makes a known city."""
    if not (name.isascii() and name.isupper() and len(name) >= 5):
        return None
    found = []
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        e = _best(rules, ch + name, country)
        if e and e.get("kind") == "city":
            found.append(e)
    return found[0] if len(found) == 1 else None


MAX_PLACES = 4096    # place resolutions remembered per rules (the same towns head story after story)


def resolve_place(rules: Rules, written: str, country: str | None = None) -> dict | None:
    """``place`` of the record for the place part of a dateline, with its qualifiers (a fresh dict)."""
    cache = rules.view("datelines.places", lambda _rs: TextDict())
    key = (written, country)
    if key in cache:
        got = cache[key]
    else:
        if len(cache) >= MAX_PLACES:
            cache.clear()
        got = cache[key] = _resolve_place(rules, written, country)
    return None if got is None else dict(got)


def _resolve_place(rules: Rules, written: str, country: str | None) -> dict | None:
    written = written.strip(" ,.-–—:;/")
    if not written:
        return None
    parts = [p.strip() for p in _PLACE_PARTS.split(written) if p.strip()]
    if not parts:
        return None
    name, quals = parts[0], parts[1:]
    for q in quals:
        c = country_of(rules, q)
        if c:
            country = c
            break
    e = _lookup(rules, name, country)
    if e:
        rec = gazetteer.place_record(e)
        canon, shown = rec.get("name") or "", title_case(name)
        if canon != shown and canon.lower().startswith(shown.lower()) and _SUFFIX.match(canon[len(shown):]):
            rec["name"] = shown
        return rec
    fixed = _dropped_initial(rules, name, country)
    if fixed:
        rec = gazetteer.place_record(fixed)
        rec["repaired"] = "dropped_initial"
        return rec
    if country is None and not quals:
        c = country_of(rules, name)     # a country standing as the place (``BAHRAIN``)
        if c:
            return {"name": title_case(name), "country": c, "geonames_id": None, "kind": "country"}
    return {"name": title_case(name), "country": country, "geonames_id": None, "kind": None}


def _is_agency_name(rules: Rules, s: str) -> bool:
    """A photo credit names an agency where a dateline names a place (``[로이터=연합뉴스]``)."""
    return bool(s) and gazetteer.agency(rules, s) is not None and gazetteer.place(rules, s) is None


# --- dates and agencies ---------------------------------------------------------------------------------

def _year(doc: Doc, month: int, day: int) -> int | None:
    """The year of a dateline's month and day: from the publication time when that falls within weeks of
    it (a dateline is filed days before it is posted), else from ``reference_date``."""
    refs: list[dt.date] = []
    pub = doc.fields.get("published")
    if pub and str(pub.get("value", ""))[:4].isdigit():
        try:
            refs.append(dt.date.fromisoformat(str(pub["value"])[:10]))
        except ValueError:
            pass
    if doc.reference_date:
        refs.append(doc.reference_date.date())
    for i, ref in enumerate(refs):
        for y in (ref.year, ref.year - 1, ref.year + 1):
            try:
                gap = abs((dt.date(y, month, day) - ref).days)
            except ValueError:
                continue
            if gap <= 10 or (i == len(refs) - 1 and y == ref.year and not pub):
                return y
    return None


def _date(doc: Doc, g: dict) -> str | None:
    if not g.get("d") or not g.get("m"):
        return None
    mo = month_number(g["m"].strip(), doc)
    if not mo:
        return None
    try:
        d = int(g["d"])
    except ValueError:
        return None
    y = None
    if g.get("y"):
        try:
            y = int(g["y"])
        except ValueError:
            y = None
    y = y or _year(doc, mo, d)
    if y:
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    return f"--{mo:02d}-{d:02d}" if 1 <= d <= 31 else None


def canonical_agency(rules: Rules, written: str) -> str:
    """``REUTERS`` → ``Reuters``, ``AFP, REUTERS`` → ``AFP, Reuters``, ``연합뉴스`` → ``Yonhap``."""
    written = written.strip(" ()/.·")
    one = _one_agency(rules, written)
    if one:
        return one
    parts = [p for p in _SPLIT_AGENCY.split(written) if p]
    if len(parts) > 1:
        return ", ".join(dict.fromkeys(_one_agency(rules, p) or p for p in parts))
    return written


def _one_agency(rules: Rules, name: str) -> str | None:
    """An agency's canonical name, or the name of an outlet credited like one (``人民网`` → People's Daily
    Online, ``CNN``)."""
    e = gazetteer.agency(rules, name)
    if e:
        return e["name"]
    from .sources import by_name
    src = by_name(rules, name)
    return (src.get("agency") or src["name"]) if src else None


def known_agency(rules: Rules, written: str) -> bool:
    """Whether the agency written (or one of several) is in the rules."""
    written = written.strip(" ()/.·")
    return gazetteer.agency(rules, written) is not None or any(
        gazetteer.agency(rules, p) is not None for p in _SPLIT_AGENCY.split(written) if p)


def _agency(doc: Doc, g: dict, rule: dict) -> str | None:
    if rule.get("agency"):
        return rule["agency"]
    if not g.get("agency"):
        return None
    return canonical_agency(doc.rules, g["agency"])


def _split_reporter_place(rules: Rules, s: str) -> tuple[str, str]:
    """``楊啟芳台北`` → (``楊啟芳``, ``台北``): the split whose tail is a known place, else a 3-character name."""
    if len(s) <= 4 and _lookup(rules, s, None):
        return "", s
    for k in (3, 2, 4):
        if len(s) - k >= 2 and _lookup(rules, s[k:], None):
            return s[:k], s[k:]
    k = 3 if len(s) >= 5 else 2
    return s[:k], s[k:]


def _authors(names: str) -> list[str]:
    out = []
    for n in _AUTHOR_SPLIT.split(names.strip()):
        n = _AUTHOR_TITLE.sub("", n).strip()
        n = _AUTHOR_SUFFIX.sub("", n).strip()
        if 1 < len(n) <= 40:
            out.append(n)
    return out


# --- the stage ------------------------------------------------------------------------------------------

def _candidates(doc: Doc) -> list[tuple[Line, int]]:
    free = [ln for ln in doc.ledger.lines if ln.role in (None, "header")]
    return [(ln, i) for i, ln in enumerate(free)]


def match_line(doc: Doc, ln: Line, pos: int, rules: list[tuple[str, dict]] | _Prepared,
               in_lead: bool | None = None) -> dict | None:
    """The first rule that matches at the start of this line and may stand there, as a dateline field."""
    prep = rules if isinstance(rules, _Prepared) else _Prepared(rules)
    if in_lead is None:
        in_lead = pos < FIRST_LINES
    return _match(doc, ln, prep, prep.zone(tuple(range(len(prep.rules))), pos, in_lead))


def _match(doc: Doc, ln: Line, prep: _Prepared, sub: _Subset) -> dict | None:
    """``match_line`` with the rules that may stand on the line (``sub``) chosen."""
    text = ln.text if len(ln.text) <= MAX_LINE else ln.text[:MAX_LINE]
    # a letter or digit is no space, quote or bullet: nothing to skip
    lead = 0 if text[:1].isalnum() else _LEAD.match(text).end()
    sub = sub.opening(text[lead:lead + 2])
    if not sub.index:
        return None     # no rule can open a match with the line's first characters
    # only rules whose pattern can open a match with the line's first character (inline ones whatever
    # it is) and whose required punctuation the line holds (``rx_prefilter.Candidates``)
    return _run(doc, ln, text, lead, prep, sub, sub.cands.select(text[lead:lead + 1], text))


def _run(doc: Doc, ln: Line, text: str, lead: int, prep: _Prepared, sub: _Subset,
         selected: tuple[tuple[int, bool], ...]) -> dict | None:
    """``_match`` past its prefilters: the ``selected`` rules of ``sub`` tried on ``text`` (``ln``'s,
    cut at ``MAX_LINE``) from ``lead``."""
    cands = sub.cands
    chars: set[str] | None = None
    found: dict[regex.Pattern, bool] = {}
    tried: dict[int, object] = {}     # match at ``lead`` by the first rule of each pattern
    for j, check in selected:
        if check and not cands.required(j, text):
            continue        # the line lacks a character class the pattern needs
        k = sub.index[j]
        needs = prep.needs[k]
        if needs and not holds(needs, text, found):
            continue        # the line lacks characters (or a pair of them) every match holds
        name, r = prep.rules[k]
        where = prep.wheres[k]
        if where == "inline":
            if chars is None:
                chars = set(text)
            if not any(cands.can_start(j, ch) for ch in chars):
                continue    # no character of the line can open a match
            for m in r["pattern"].finditer(text):
                dl = _build(doc, m, r, name, ln) if m.end() > m.start() else None
                if dl is not None:
                    dl["_whole"] = False
                    return dl
            continue
        twin = prep.twin[k]
        if twin in tried:
            m = tried[twin]
        else:
            m = tried[twin] = r["pattern"].match(text, lead)
        if not m or m.end() == m.start():
            continue
        whole = m.end() >= len(text.rstrip(_TRAIL)) or not text[m.end():].strip(_TRAIL + "  ")
        if where == "line" and not whole:
            continue
        dl = _build(doc, m, r, name, ln)
        if dl is not None:
            dl["_whole"] = whole
            return dl
    return None


def _build(doc: Doc, m, r: dict, name: str, ln: Line) -> dict | None:
    g = {k: v for k, v in m.groupdict().items() if v}
    reporters: list[tuple[str, int, int]] = []
    written = r.get("place") or g.get("place") or ""
    if g.get("reporter_place"):
        who, where_ = _split_reporter_place(doc.rules, g["reporter_place"])
        written = written or where_
        s = m.start("reporter_place")
        if who:
            reporters.append((who, s, s + len(who)))
    if written and _is_agency_name(doc.rules, written.split(",")[0].split("/")[0].strip()):
        return None
    place = resolve_place(doc.rules, written) if written else None
    if r.get("known_place") and (place is None or (place.get("geonames_id") is None and not place.get("country"))):
        return None
    if g.get("agency") and not r.get("agency") and place is not None \
            and (place.get("country") is None or place.get("kind") not in ("city", None)) \
            and not known_agency(doc.rules, g["agency"]):
        return None   # ``Microsoft Corp (MSFT.O) -``, ``England (Group A):``: an unknown credit needs a town
    if place is not None and r.get("country") and not place.get("country"):
        place["country"] = r["country"]
    agency = _agency(doc, g, r)
    if place is None and agency is None:
        return None
    if g.get("reporter"):
        s = m.start("reporter")
        reporters.append((g["reporter"], s, m.end("reporter")))
    raw = m.group(0).rstrip()
    start = ln.start + m.start()
    dl = {"raw": raw, "place": place, "date": _date(doc, g), "agency": agency, "rule": name,
          "span": [start, start + len(raw)]}
    if place and place.pop("repaired", None):
        dl["rule"] = f"{name}+place.dropped_initial"
    dl["_reporters"] = [(n, ln.start + s, ln.start + e) for n, s, e in reporters]
    return dl


def extract(doc: Doc) -> None:
    """Set the ``dateline`` field; a dateline standing alone on its line places that line as a header."""
    prep = _prepared(doc)
    if not prep.rules:
        return
    cands = _candidates(doc)
    # on a whole page the article starts after its publication line: the lines after it are a lead too
    after = next((pos for ln, pos in cands if ln.field == "published"), None)
    live = None         # rules that can match some line from here on, read once past the first lines
    every = tuple(range(len(prep.rules)))
    zones: dict[tuple[bool, bool], _Subset] = {}
    for i, (ln, pos) in enumerate(cands):
        in_lead = pos < FIRST_LINES or (after is not None and after < pos <= after + FIRST_LINES)
        if live is None and i >= FIRST_LINES:
            live = prep.live("\n".join(c.text for c, _ in cands[i:]))
            zones.clear()
        zone = (in_lead, pos < HEAD_LINES)
        sub = zones.get(zone)
        if sub is None:
            sub = zones[zone] = prep.zone(every if live is None else live, pos, in_lead)
        if not sub.index:
            continue    # no rule may stand this far into the page
        # ``_match``, its prefilters inline: most lines stop at them
        text = ln.text if len(ln.text) <= MAX_LINE else ln.text[:MAX_LINE]
        lead = 0 if text[:1].isalnum() else _LEAD.match(text).end()
        head = text[lead:lead + 2]
        opened = sub._opening.get(head) or sub.opening(head)
        if not opened.index:
            continue
        marks = opened.marks
        if marks is not None and not any(map(text.__contains__, marks)):
            continue    # the line holds no character one of the rules needs
        selected = opened.cands.select(text[lead:lead + 1], text)
        if not selected:
            continue
        dl = _run(doc, ln, text, lead, prep, opened, selected)
        if dl is None:
            continue
        whole = dl.pop("_whole")
        reporters = dl.pop("_reporters")
        doc.fields["dateline"] = dl
        doc.fire(dl["rule"])
        for raw, s, e in reporters:
            for n in _authors(raw):
                authors = doc.fields.setdefault("authors", [])
                if all(a.get("name") != n for a in authors):
                    authors.append({"name": n, "raw": raw, "rule": dl["rule"], "span": [s, e]})
        if whole and ln.role is None:
            doc.ledger.claim(ln.index, "header", "dateline", dl["rule"])
        return
