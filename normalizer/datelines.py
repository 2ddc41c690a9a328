"""Datelines: where and when the story was filed, and by which agency.

Shapes are locale and source data (``[[datelines.rules]]`` in locale files, ``[[datelines]]`` in source
files). A pattern is matched at the start of a line (after stray quotes or bullets) and may use the groups

- ``place`` (``ROCHESTER, N.Y.``, ``SURABAYA, Indonesia/JAKARTA``, ``서울``, ``北京``): the first part is the
  place, the rest qualifiers (US states, Canadian provinces, countries) that give the country;
- ``reporter_place`` (``楊啟芳台北``): a reporter's name glued to a place, split where the place is known;
- ``m``/``d``/``y``: the date; ``agency`` (one or more, ``AFP, REUTERS``); ``reporter``: names for ``authors``.

A rule's ``where`` says where it may stand: ``lead`` (default: one of the first free lines), ``head``
(at the start of any line of the page's first part, for shapes that cannot be mistaken: ``(Yonhap) --``,
``=연합뉴스)``, ``新华社…电``), ``line`` (a line of its own anywhere: a trailing agency credit).
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
from .rules import Rules

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


def _lookup(rules: Rules, name: str, country: str | None) -> dict | None:
    """A gazetteer entry for a written place: as written, renamed, or (CJK) without a suffix or tail."""
    ren = _tables(rules)["renames"].get(fold(name))
    if ren:
        e = gazetteer.place(rules, ren["name"], ren.get("country"))
        if e and (not ren.get("country") or e.get("country") == ren["country"]):
            return e
        return {"name": ren["name"], "country": ren.get("country"), "geonames_id": ren.get("geonames_id"),
                "kind": ren.get("kind", "city")}
    e = gazetteer.place(rules, name, country)
    if e and country and e.get("country") != country:
        e = None
    if e:
        return e
    if name and not name.isascii():
        for suf in _CJK_PLACE_SUFFIX:        # 桃園市 → 桃園
            if name.endswith(suf) and len(name) > len(suf) + 1:
                e = _lookup(rules, name[:-len(suf)], country)
                if e:
                    return e
        for k in range(len(name) - 1, 1, -1):  # 桃園機場 → 桃園
            e = _lookup(rules, name[:k], country)
            if e:
                return e
    return None


def resolve_place(rules: Rules, written: str, country: str | None = None) -> dict | None:
    """``place`` of the record for the place part of a dateline, with its qualifiers."""
    written = written.strip(" ,.-–—:;/")
    if not written:
        return None
    parts = [p.strip() for p in regex.split(r"\s*,\s*|\s*/\s*", written) if p.strip()]
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
    if country is None and not quals:
        c = country_of(rules, name)     # a country standing as the place (``BAHRAIN``)
        if c:
            return {"name": title_case(name), "country": c, "geonames_id": None, "kind": "country"}
    return {"name": title_case(name), "country": country, "geonames_id": None, "kind": None}


def _is_agency_name(rules: Rules, s: str) -> bool:
    """A photo credit names an agency where a dateline names a place (``[로이터=연합뉴스]``)."""
    return bool(s) and gazetteer.agency(rules, s) is not None and gazetteer.place(rules, s) is None


# --- dates and agencies ---------------------------------------------------------------------------------

def _year(doc: Doc, month: int) -> int | None:
    pub = doc.fields.get("published")
    ref: dt.date | None = None
    if pub and str(pub.get("value", ""))[:10].count("-") == 2 and pub["value"][:4].isdigit():
        try:
            ref = dt.date.fromisoformat(pub["value"][:10])
        except ValueError:
            ref = None
    if ref is None and doc.reference_date:
        ref = doc.reference_date.date()
    if ref is None:
        return None
    # a dateline of late December on a story published in early January belongs to the year before
    if month == 12 and ref.month == 1:
        return ref.year - 1
    if month == 1 and ref.month == 12:
        return ref.year + 1
    return ref.year


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
    y = y or _year(doc, mo)
    if y:
        try:
            return dt.date(y, mo, d).isoformat()
        except ValueError:
            return None
    return f"--{mo:02d}-{d:02d}" if 1 <= d <= 31 else None


def canonical_agency(rules: Rules, written: str) -> str:
    """``REUTERS`` → ``Reuters``, ``AFP, REUTERS`` → ``AFP, Reuters``, ``연합뉴스`` → ``Yonhap``."""
    written = written.strip(" ()/.·")
    e = gazetteer.agency(rules, written)
    if e:
        return e["name"]
    parts = [p for p in _SPLIT_AGENCY.split(written) if p]
    if len(parts) > 1:
        names = []
        for p in parts:
            e = gazetteer.agency(rules, p)
            names.append(e["name"] if e else p)
        return ", ".join(dict.fromkeys(names))
    return written


def _agency(doc: Doc, g: dict, rule: dict) -> str | None:
    if rule.get("agency"):
        return rule["agency"]
    if not g.get("agency"):
        return None
    return canonical_agency(doc.rules, g["agency"])


def _split_reporter_place(rules: Rules, s: str) -> tuple[str, str]:
    """``楊啟芳台北`` → (``楊啟芳``, ``台北``): the split whose tail is a known place, else a 3-character name."""
    for k in (3, 2, 4):
        if len(s) - k >= 2 and _lookup(rules, s[k:], None):
            return s[:k], s[k:]
    k = 3 if len(s) >= 5 else 2
    return s[:k], s[k:]


def _authors(names: str) -> list[str]:
    out = []
    for n in regex.split(r"\s*(?:[、,，/／;；]|\s及\s|\s and\s)\s*|\s+(?=\p{Han}{2,4}$)", names.strip()):
        n = regex.sub(r"^(?:记者|記者|通讯员|通訊員|实习生|實習生|기자)\s*", "", n).strip()
        n = regex.sub(r"\s*(?:기자|특파원|記者|记者|特派員|特派员)$", "", n).strip()
        if 1 < len(n) <= 40:
            out.append(n)
    return out


# --- the stage ------------------------------------------------------------------------------------------

def _candidates(doc: Doc) -> list[tuple[Line, int]]:
    free = [ln for ln in doc.ledger.lines if ln.role is None or (ln.role == "header" and ln.field is None)]
    return [(ln, i) for i, ln in enumerate(free)]


def match_line(doc: Doc, ln: Line, pos: int, rules: list[tuple[str, dict]]) -> dict | None:
    """The first rule that matches at the start of this line and may stand there, as a dateline field."""
    text = ln.text if len(ln.text) <= MAX_LINE else ln.text[:MAX_LINE]
    lead = _LEAD.match(text).end()
    for name, r in rules:
        where = r.get("where", "lead")
        if where == "lead" and pos >= FIRST_LINES:
            continue
        if where == "head" and pos >= HEAD_LINES:
            continue
        m = r["pattern"].match(text, lead)
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
        reporters.append((who, s, s + len(who)))
    if written and _is_agency_name(doc.rules, written.split(",")[0].split("/")[0].strip()):
        return None
    place = resolve_place(doc.rules, written, r.get("country")) if written else None
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
    dl["_reporters"] = [(n, ln.start + s, ln.start + e) for n, s, e in reporters]
    return dl


def extract(doc: Doc) -> None:
    """Set the ``dateline`` field; a dateline standing alone on its line places that line as a header."""
    rules = _rules(doc)
    if not rules:
        return
    for ln, pos in _candidates(doc):
        dl = match_line(doc, ln, pos, rules)
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
