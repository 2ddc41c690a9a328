"""People, places and organizations named in the title and body (the entity stage, issue 6).

1. One automaton over the gazetteer finds place and organization names in every script (``matcher``);
   boundaries per script and organization/event context drop names inside longer names (``places``).
2. People come from role and title shapes per language (``people``); reporters are never people.
3. Places inside a person's name are dropped; ambiguous places and shared organization names
   (``Defense Ministry``) resolve to the countries the text is about.

Only title and body are read (boilerplate never), plus the dateline's place. Nothing is guessed: a
name the text does not mark as a person, place or organization of a known kind is left out.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from .. import gazetteer
from ..doc import Doc
from . import people as people_mod
from .places import Mention, abbreviations, locative_towns, match_segment, resolve_places

# Credit lines of wire stories: their names are reporters and editors, their places the reporters' desks.
_CREDIT_RX = re.compile(r"(?m)^[ \t(\[]*(?:Additional |Further )?(?:[Rr]eporting|Writing|Written|Editing|Edited|"
                        r"Compiled|Research|Produced|Graphics?) by\b[^\n]*")
_CONTRIB_RX = re.compile(r"contributed (?:reporting )?to this (?:report|story|article)")
# a credit block holds one of these (plain substring tests: the regex runs only on texts that have one)
_CREDIT_CUES = ("eporting by", "diting by", "riting by", "contributed to this", "contributed reporting")


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Spans of credit lines (``(Reporting by A in London; Editing by B)``, ``X contributed to this report``)."""
    # every cue holds "ing by" or "contributed": two scans rule most texts out before the five
    if "ing by" not in text and "contributed" not in text or not any(c in text for c in _CREDIT_CUES):
        return []
    spans = _credit_lines(text) if "ing by" in text or "ed by" in text else []
    k = text.find("contributed")
    while k >= 0:  # ``X, Y and Z contributed to this report``: the whole line
        if _CONTRIB_RX.match(text, k):
            a, b = text.rfind("\n", 0, k) + 1, text.find("\n", k)
            spans.append((a, len(text) if b < 0 else b))
        k = text.find("contributed", k + 11)
    return spans


def _credit_lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``_CREDIT_RX.finditer(text)``: a match starts a line, holds " by" and ends with its line, so
    only the lines with " by" in them are tried (each once, in order)."""
    spans = []
    done = -1
    k = text.find(" by")
    while k >= 0:
        a = text.rfind("\n", 0, k) + 1
        if a > done:
            done = a
            m = _CREDIT_RX.match(text, a)
            if m:
                spans.append(m.span())
        k = text.find(" by", k + 3)
    return spans


LANG_COUNTRY = {"ko": "KR", "ja": "JP", "zh-Hans": "CN", "zh-Hant": "TW", "ru": "RU"}


def segments(doc: Doc) -> list[str]:
    """Title and body paragraphs, in reading order."""
    out = []
    t = doc.fields.get("title")
    if t and t.get("text"):
        out.append(str(t["text"]))
    for p in doc.fields.get("paragraphs") or []:
        if p.get("text"):
            out.append(str(p["text"]))
    return out


def extract(doc: Doc) -> None:
    doc.fields.setdefault("people", [])
    doc.fields.setdefault("places", [])
    doc.fields.setdefault("organizations", [])
    # title and paragraphs as one text (blank lines between): one pass of each matcher per document
    segs = ["\n\n".join(segments(doc))]
    lang = doc.language or ""
    rules = doc.rules
    raw_places: list[Mention] = []
    raw_orgs: list[Mention] = []
    for i, s in enumerate(segs):
        p, o = match_segment(rules, s, i)
        raw_places += p
        raw_orgs += o
    # countries the text is about: named countries, unambiguous big places, source, dateline, language
    context: Counter = Counter()
    for m in raw_places:
        cc = m.key.evidence
        if cc is None:
            continue
        if m.text.isupper() and len(m.text) > 3 and m.key.places[0].get("kind") != "country":
            continue  # "KARA": a capitalised word is no evidence of the country it would be in
        context[cc] += 1
    abbr = [(i, a) for i, s in enumerate(segs) for a in abbreviations(rules, s, i, lang)]
    for _, (_, _, _, cc) in abbr:
        context[cc] += 1
    dl = doc.fields.get("dateline") or {}
    dl_place = dl.get("place") if isinstance(dl, dict) else None
    if isinstance(dl_place, dict) and dl_place.get("country"):
        context[dl_place["country"]] += 1
    extra = set()
    src_country = (doc.source or {}).get("country")
    if src_country:
        extra.add(src_country)
    if lang in LANG_COUNTRY:
        extra.add(LANG_COUNTRY[lang])
    ctx = set(context) | extra
    main_country = context.most_common(1)[0][0] if context else (LANG_COUNTRY.get(lang) or src_country)
    # the country a shared name (``Defense Ministry``) means when the text does not qualify it
    dl_cc = dl_place.get("country") if isinstance(dl_place, dict) else None
    main_country = dl_cc or src_country or LANG_COUNTRY.get(lang) or main_country

    # small towns after a locative cue in an Iberian text about their country; such a name is no person
    towns = [m for i, s in enumerate(segs) for m in locative_towns(rules, s, i, lang, ctx)]
    persons = people_mod.extract(doc, segs, raw_places, raw_orgs, ctx, main_country)
    credits = credit_spans(segs[0]) if segs else []
    if credits:
        def in_credit(s: int, e: int) -> bool:
            return any(a <= s and e <= b for a, b in credits)
        raw_places = [m for m in raw_places if not in_credit(m.start, m.end)]
        kept = []
        for p in persons:
            spans = [sp for sp in p.get("_spans", []) if not in_credit(sp[1], sp[2])]
            if spans or not p.get("_spans"):
                p["_spans"] = spans
                kept.append(p)
        persons = kept
    if towns:
        persons = [p for p in persons if not any(t.seg == seg and s < t.end and t.start < e
                                                 for seg, s, e in p.get("_spans", []) for t in towns)]
    person_spans = {(seg, s, e) for p in persons for (seg, s, e) in p.pop("_spans", [])}

    # per segment: span starts in order and the furthest end of the spans starting at or before each
    starts: dict[int, list[int]] = {}
    reach: dict[int, list[int]] = {}
    for seg, s, e in sorted(person_spans):
        starts.setdefault(seg, []).append(s)
        r = reach.setdefault(seg, [])
        r.append(max(e, r[-1]) if r else e)

    def in_person(m: Mention) -> bool:
        """Inside one of the people's spans (a span starting at or before it reaches its end)."""
        st = starts.get(m.seg)
        if not st:
            return False
        i = bisect_right(st, m.start)
        return i > 0 and reach[m.seg][i - 1] >= m.end

    # CJK: a place written like a person's name or surname in the same text (川越 of 川越達也) is the person
    names = {n for p in persons for n in p["mentions"]} if lang in ("ja", "ko", "zh-Hans", "zh-Hant") else set()

    def person_word(m: Mention) -> bool:
        if not names:
            return False
        if m.key.first in ("Hani", "Hang", "Kana"):
            return any(n.startswith(m.text) for n in names)
        # "KAWAGOE" in a Japanese text about 川越達也: the place's own name in the text's script is the person's
        return m.text.isupper() and any(a in names for e in m.key.places[:1] for a in e.get("aliases", ()))

    places = resolve_places([m for m in raw_places if not in_person(m) and not person_word(m)], segs, ctx)
    if towns:  # a gazetteer name inside a town's name (``Pera`` of ``Castanheira de Pera``) is the town
        places = [m for m in places if not any(t.seg == m.seg and t.start < m.end and m.start < t.end for t in towns)]
        places += towns
    out: dict[tuple, dict] = {}
    order: list[tuple] = []

    def add_place(e: dict, written: str) -> None:
        k = (e["name"], e.get("country"), e.get("geonames_id"))
        if k not in out:
            out[k] = {**gazetteer.place_record(e), "mentions": []}
            order.append(k)
        if written not in out[k]["mentions"]:
            out[k]["mentions"].append(written)

    if isinstance(dl_place, dict) and dl_place.get("name") and not _home_desk(rules, dl, dl_place):
        e = gazetteer.place(rules, dl_place["name"], dl_place.get("country")) or dl_place
        written = str(dl.get("raw") or dl_place["name"])
        add_place(e, _dateline_word(written, e) or dl_place["name"])
        if "/" in written:  # ``SURABAYA, Indonesia/JAKARTA (Reuters)``: a second desk names a place too
            flat = written.replace("/", " ")
            for m in resolve_places(match_segment(rules, flat, 0)[0], [flat], ctx):
                if m.entry and (m.entry.get("kind") != "country") and m.start > written.index("/"):
                    add_place(m.entry, m.text)
    events = sorted([(m.seg, m.start, 0, m) for m in places] + [(i, a[0], 1, a) for i, a in abbr],
                    key=lambda x: (x[0], x[1], x[2]))
    for _, _, kind, item in events:
        if kind == 0:
            add_place(item.entry, item.text)
        else:
            e = _country_entry(rules, item[3])
            if e:
                add_place(e, item[2])
    doc.fields["places"] = [out[k] for k in order]
    doc.fields["organizations"] = people_mod.organizations(doc, segs, raw_orgs, raw_places, ctx, main_country)
    doc.fields["people"] = persons
    if doc.fields["places"] or persons or doc.fields["organizations"]:
        doc.fire("entities.gazetteer")


def _country_entry(rules, iso: str) -> dict | None:
    return gazetteer.index(rules)["countries"].get(iso)


def _dateline_word(raw: str, e: dict) -> str | None:
    names = [e.get("name") or "", *e.get("aliases", [])]
    low = raw.casefold()
    for n in sorted(names, key=len, reverse=True):
        if n and n.casefold() in low:
            i = low.index(n.casefold())
            return raw[i:i + len(n)]
    return None


def _home_desk(rules, dl: dict, place: dict) -> bool:
    """``(서울=연합뉴스)``: an agency's credit from its home capital names no place of the story."""
    raw = str(dl.get("raw") or "").strip()
    if not raw.startswith(("(", "[", "（", "【")) or "=" not in raw:
        return False
    ag = gazetteer.agency(rules, str(dl.get("agency") or "")) or gazetteer.organization(rules, str(dl.get("agency") or ""))
    cc = (ag or {}).get("country")
    e = gazetteer.place(rules, place.get("name") or "", place.get("country"))
    return bool(cc and e and e.get("country") == cc and (e.get("capital") or e.get("kind") == "country"))
