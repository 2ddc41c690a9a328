"""Places and organizations named in the title and body: gazetteer matches checked for boundaries,
then resolved (ambiguous names by the countries the text is about)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import gazetteer
from ..rules import Rules
from ..rules.regexes import compile_rx
from .matcher import Key, find, script

# A match followed by one of these (same word for Latin, directly for CJK) is part of a longer name.
ORG_WORDS_EN = frozenset("""University College Institute Airport Airlines Air Airways National International Coast
Post Times Daily Herald Tribune Journal Olympics Olympic Games Stock Exchange Bank Group Electric Motor Motors
Club FC United City Council Party Ministry Police Station Hospital Church Cathedral Street Road Avenue Square
Hotel Stadium Center Centre Agency Foundation Association Corp Corporation Inc Co Company Committee Court
Cup Open Marathon Symphony Orchestra Museum Zoo Gazette Observer Review Chronicle Telegraph Broadcasting News
Radio TV Television Network Federation League Institute Academy School Fund Trust Holdings Energy Steel Gas
Oil Railway Railways Metro Subway Bridge Tower Palace Park Mall Plaza Port Harbor Harbour Memorial Prize Award
Festival Expo Fashion Week Summit Declaration Accord Treaty Agreement Protocol Convention Initiative Forum
Dialogue Philharmonic Opera Ballet Theatre Theater Studios Pictures Records Entertainment Chamber Red Cross
Development Investment Capital Securities Insurance Life Telecom Mobile Shipbuilding Heavy Industries
Industrial Industry Chemical Pharmaceutical Medical Hydro Nuclear Power Commission Government Army Navy
Guard Forces Command Coalition Alliance Front Movement Union Congress Parliament Assembly Senate Cabinet
Office Department Bureau Service Services Authority Administration Board Organization Organisation Liberation
Football Soccer""".split())
_ORG_WORD_MAX = max(map(len, ORG_WORDS_EN))
ORG_PREFIX_EN = frozenset("University Bank Republic Embassy Consulate Government Ministry Museum Port Mayor Governor".split())
CJK_ORG_SUFFIX = ("新聞", "新闻", "大学", "大學", "大会", "大會", "奥运", "奧運", "奥運", "五輪", "銀行", "银行",
                  "电视台", "電視台", "日報", "日报", "時報", "时报", "証券", "证券", "电力", "電力", "航空", "机场",
                  "機場", "空港", "駅", "站", "集团", "集團", "公司", "テレビ", "放送", "新報", "通信", "通讯社",
                  "通訊社", "电台", "電台", "商会", "商會", "交響", "交响", "球团", "球團", "联赛", "聯賽", "世博",
                  "地铁", "地下鉄", "博物馆", "博物館", "动物园", "動物園", "医院", "醫院", "病院", "高校", "中学",
                  "中學", "小学", "小學", "市场监督", "電視", "证券交易所", "體育館", "体育馆", "タワー", "市役所",
                  "県警", "府警", "警察", "地検", "地裁", "高裁", "公安局", "法院", "国际机场", "國際機場", "港湾",
                  "ガス", "電鉄", "大橋", "時間", "时间", "時間")
# Hangul: what may follow a name in the same word (particles and a few bound nouns).
KO_PARTICLES = frozenset("""은 는 이 가 을 를 의 에 에서 에게 으로 로 와 과 도 만 까지 부터 측 내 시 과의 와의 에서의 으로의
로의 에는 에도 에선 에서도 에서는 이나 나 이라 라 이다 였다 에서만 보다 처럼 등 쪽 발 간 및 전 후 으로부터 로부터 과는 와는
에게도 정부 현지 이며 이고 였던 이었던 이지만 과도 와도 까지의 으로는 로는 에서와 만의 령 쪽으로 에선 엔 은커녕 행""".split())
DAYS_MONTHS = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
# Place names that are also everyday capitalised English words or given names: counted only with
# their country named in the text.
COMMON_WORDS = frozenset("""Nice Split Reading Mobile Bath Bend Orange Independence Victoria Florence Hamilton
Lincoln Jackson Austin Aurora Phoenix Temple Union Providence Concord Eugene Surprise Hope Deal Marks Best Sale
Man Male Police Bar Of Bonus Gary Tyler Laredo Kent Warren Troy Logan Marion Sherman Chester Jordan Chad Georgia
Paris Victory Liberty Mercedes Salem Columbia Lafayette Alexandria Fairfield Franklin Madison Clinton Washington
Roma Pau Eagle March Young Santa Cruz Valencia Leon Cordoba Granada Trinidad Florida Douglas Wellington Stanley
Mercy Bell Mission Pine Oxford Cambridge Dover Marathon Barcelona Ponce Carmen Sucre Reno Boulder Leeds Bolton
Mesa Garland Tempe Pueblo Davis Layton Lowell Lawrence Sandy Palm Ram Said Ramadi Guinea Niger Tours Metz Nancy
Angers Brest Lens Sens Leer Essen Hof Halle Wels Ede Zug Chur Sion Aalen Hamm Bergen Hull Sale Street Swindon
Vladimir Nancy George University Airport Delta Kennedy Salinas Castro Bambang""".split())
PREPS = frozenset("""in at from to near outside into across toward towards via of en de desde hacia cerca aus
bei nach von im zum zur nahe""".split())


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    key: Key
    seg: int
    kind: str = ""          # "place" or "org"
    entry: dict | None = None


@dataclass
class SegmentMatches:
    text: str
    lang: str
    places: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or ch.isdigit()


def _ok_latin(text: str, s: int, e: int, key: Key) -> bool:
    if s > 0:
        c = text[s - 1]
        if c.isalpha() or c.isdigit() or c in "@/_" and s > 1 and _is_letter(text[s - 2]):
            return False
    if s > 1 and text[s - 1] == "-" and _is_letter(text[s - 2]) and not text[s - 2].isupper() and not (
            s > 2 and text[s - 3:s - 1].isupper()):
        # "Sino-Japan" / "U.S.-Japan" stay places; "anti-Japan", "pro-Beijing" do too only when capitalised
        j = s - 2
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        if not text[j].isupper():
            return False
    if e < len(text):
        c = text[e]
        if c.isalpha() or c.isdigit():
            return False
        if c in "@_" and e + 1 < len(text) and _is_letter(text[e + 1]):
            return False
        if c == "-" and e + 1 < len(text) and _is_letter(text[e + 1]) and not text[e + 1].isupper():
            return False  # "Seoul-based", "Japan-made"
        if c == "." and e + 1 < len(text) and _is_letter(text[e + 1]):
            return False
    w = text[s:e]
    if key.exact_case and w != key.alias:
        return False
    if not w[0].isupper():
        return False
    return True


def _ok_hangul(text: str, s: int, e: int) -> bool:
    if s > 0 and (script(text[s - 1]) == "Hang" or text[s - 1].isalnum()):
        return False
    j = e
    while j < len(text) and script(text[j]) == "Hang":
        j += 1
    rest = text[e:j]
    return not rest or rest in KO_PARTICLES


def _ok_kana(text: str, s: int, e: int) -> bool:
    def kat(c: str) -> bool:
        return script(c) == "Kana" and (0x30A0 <= ord(c) <= 0x30FF)
    if s > 0 and kat(text[s - 1]) and kat(text[s]):
        return False
    if e < len(text) and kat(text[e]) and kat(text[e - 1]):
        return False
    return True


def _org_follows(text: str, e: int, key: Key) -> bool:
    """The name is the start of a longer proper name (``Seoul National University``, ``ソウル新聞``)."""
    if key.last in ("Hani", "Kana"):
        return text.startswith(CJK_ORG_SUFFIX, e)
    if key.last in ("Latn", "Cyrl"):
        j = e
        if text.startswith("'s", j) or text.startswith("’s", j):
            return False
        # one blank, then a capitalised word (every ORG_WORDS_EN word starts with a capital)
        if not text.startswith(" ", j) or j + 1 >= len(text) or not text[j + 1].isupper():
            return False
        # the word after the blank: letters and hyphens (no ORG_WORDS_EN word is longer than _ORG_WORD_MAX)
        k, stop = j + 1, min(len(text), j + 2 + _ORG_WORD_MAX)
        while k < stop and (text[k].isalpha() or text[k] == "-"):
            k += 1
        return k - j - 1 <= _ORG_WORD_MAX and text[j + 1:k] in ORG_WORDS_EN
    return False


def _org_precedes(text: str, s: int) -> bool:
    """``University of Tokyo``, ``Bank of Korea``: the name ends a longer proper name."""
    a = max(0, s - 30)
    if text.find(" of ", a, s) < 0:  # no " of " in the window: nothing to split at
        return False
    before = text[a:s]
    parts = before.rsplit(" of ", 1)
    if len(parts) != 2 or parts[1].strip():
        return False
    words = parts[0].split()
    return bool(words) and words[-1] in ORG_PREFIX_EN


def boundary_ok(text: str, s: int, e: int, key: Key) -> bool:
    if key.first in ("Latn", "Cyrl", "digit") or key.last in ("Latn", "Cyrl"):
        if not _ok_latin(text, s, e, key):
            return False
    if key.first == "Hang":
        if not _ok_hangul(text, s, e):
            return False
    if key.first == "Kana" or key.last == "Kana":
        if not _ok_kana(text, s, e):
            return False
    return True


KO_ORG_NEXT = ("프리미어리그", "축구협회", "대표팀", "리그", "월드컵", "올림픽", "증시", "은행", "대학교", "대학", "공항",
               "구단", "국제영화제", "영화제", "시청", "경찰청", "지검", "지법", "고법", "교육청", "대사관", "총영사관")


def _credit(rules: Rules, text: str, s: int, e: int, key: Key) -> bool:
    """``(서울=연합뉴스)`` / ``[맨체스터=AP/뉴시스]``: a credit line; it names a story place only when it is not
    the agency's home capital and not a photo credit."""
    if s == 0 or text[s - 1] not in "([【〔" or not text.startswith("=", e):
        return False
    close = min([k for k in (text.find(")", e), text.find("]", e), text.find("】", e)) if k > 0] or [len(text)])
    agency = text[e + 1:close].strip()
    if "/" in agency or "사진" in text[close:close + 6]:
        return True
    ag = gazetteer.agency(rules, agency) or gazetteer.organization(rules, agency)
    cc = (ag or {}).get("country")
    top = key.places[0] if key.places else {}
    return bool(cc) and top.get("country") == cc and bool(top.get("capital") or top.get("kind") == "country")


def _ko_org_next(text: str, e: int) -> bool:
    j = e
    while j < len(text) and "\uac00" <= text[j] <= "\ud7a3":
        j += 1
    if j < len(text) and text[j] == " ":
        return text.startswith(KO_ORG_NEXT, j + 1)
    return text.startswith(KO_ORG_NEXT, e)


_LATIN_FIRST = frozenset(("Latn", "Cyrl", "digit"))
_LATIN_LAST = frozenset(("Latn", "Cyrl"))
_CJK_LAST = frozenset(("Hani", "Kana"))


def match_segment(rules: Rules, text: str, seg: int) -> tuple[list[Mention], list[Mention]]:
    """Place and organization mentions in one segment of text (boundaries checked, not yet resolved).

    The checks of ``boundary_ok``, ``_credit``, ``_org_follows`` and ``_org_precedes`` run inline where a
    character next to the name already decides them (most matches)."""
    places, orgs = [], []
    n = len(text)
    for s, e, key in find(rules, text):
        first, last = key.first, key.last
        latin = first in _LATIN_FIRST or last in _LATIN_LAST
        if latin and not _ok_latin(text, s, e, key):
            continue
        if first == "Hang" and not _ok_hangul(text, s, e):
            continue
        if (first == "Kana" or last == "Kana") and not _ok_kana(text, s, e):
            continue
        if key.places and not key.orgs and (s > 0 and text[s - 1] in "([【〔" and _credit(rules, text, s, e, key)
                                              or first == "Hang" and _ko_org_next(text, e)):
            continue
        m = Mention(s, e, text[s:e], key, seg)
        if key.orgs:
            m.kind = "org"
            orgs.append(m)
            continue
        if key.places:
            if last in _LATIN_LAST:
                # ``_org_follows`` needs a blank after the name; ``_org_precedes`` a blank before it
                if e < n and text[e] == " " and (_org_follows(text, e, key) or _currency(text, e)):
                    continue
            elif first == "Latn" and e < n and text[e] == " " and _currency(text, e):
                continue  # ``U.S. dollars``
            elif last in _CJK_LAST and text.startswith(CJK_ORG_SUFFIX, e):
                continue
            if first == "Latn" and s > 0 and (text[s - 1].isspace() and _org_precedes(text, s)
                                               or _street_before(text, s)):
                continue
            if last == "Hani" and _address_part(text, e):
                continue
            m.kind = "place"
            places.append(m)
        elif key.short_orgs:
            m.kind = "short_org"
            orgs.append(m)
    return places, orgs


STREET_WORDS = frozenset("""Vía Via Calle Avenida Avda Av Paseo Plaza Carrer Rúa Rua Rue Boulevard Bulevar Ronda
Travesía Camino Carretera Autopista Puerta Puente Estación Straße Strasse Platz Allee Piazza Viale Corso Largo Praça""".split())


def _street_before(text: str, s: int) -> bool:
    """``Vía Alemania``, ``calle de Francia``, ``Avenida de Mayo``: the name of a street, not a place."""
    words = text[max(0, s - 24):s].split()
    if words and words[-1] == "via":
        return False  # English ``via Casablanca``: a preposition, not ``Vía``
    if words and words[-1].lower() in ("de", "del", "de la", "la", "des", "du"):
        words = words[:-1]
    if words and words[-1].lower() == "la" and len(words) > 1 and words[-2].lower() == "de":
        words = words[:-2]
    return bool(words) and words[-1].rstrip(".").capitalize() in STREET_WORDS


_ADDRESS_NEXT = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十丁番")


def _address_part(text: str, e: int) -> bool:
    """``渋谷区代々木4丁目``: a name followed by a block number is a sub-ward address part."""
    return e < len(text) and text[e] in _ADDRESS_NEXT and (text[e] in "丁番" or any(
        c in "丁番" for c in text[e + 1:e + 4]) or text[e].isdigit())


HAN_PLACE_SUFFIX = ("市", "县", "縣", "区", "區", "镇", "鎮", "町", "村", "郡", "州", "省", "乡", "鄉")


# ``U.S. dollars``, ``Hong Kong dollar``: a currency, not the place
_CURRENCY_RX = compile_rx(r" (?:dollars?|cents?)(?![\p{L}])", "entities.place.currency")
# a capitalised word after a town's name, then no other capital: ``Kent Powell reported`` is a person
_PERSON_NEXT_RX = compile_rx(r" (?P<w>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?=[,.;:)]|[ \t]+[\p{Ll}(\d])",
                             "entities.place.person_next")
# ``Northern Virginia``, ``Northwest Arkansas``: a capitalised compass word before a state is a region
_COMPASS_RX = compile_rx(r"(?<![\p{L}])(?P<w>(?:North|South|East|West)(?:ern|east|west|eastern|western)?|Central|Upstate)[ ]$",
                         "entities.place.compass")
_CURRENCY_STARTS = (" dollar", " cent")


def _currency(text: str, e: int) -> bool:
    """``_CURRENCY_RX`` at ``e``; its literal start is tested first (most names are followed by other words)."""
    return text.startswith(_CURRENCY_STARTS, e) and _CURRENCY_RX.match(text, e) is not None


STATE_CUE_BEFORE = ("upstate ", "state of ", "State of ")
STATE_CUE_AFTER = (" state", " State")


def _person_next(text: str, e: int) -> bool:
    """A town's name followed by a capitalised word that is no stop word, month, place or organization word,
    then lower case: the first name of a person (``Kent Powell``, ``Charlotte Greenfield,``)."""
    # the pattern starts with a blank and a capital (\p{Lu} is a subset of str.isupper)
    if not (e + 1 < len(text) and text[e] == " " and text[e + 1].isupper()):
        return False
    m = _PERSON_NEXT_RX.match(text, e)
    if not m:
        return False
    w = m.group("w")
    return w not in DAYS_MONTHS and w not in ORG_WORDS_EN and w not in _NOT_SURNAME


_NOT_SURNAME = frozenset("""The A An And Or But In On At Of For To From With By As Is Was Were Has Had Have Will Would Can
Could County City State Province District Region Area Metro Police Mayor Governor President Minister Chief Officials
Residents Airport Bay Beach Valley River Island Islands Lake Mountains Hills Heights Street Road Avenue Square Park
North South East West Northern Southern Eastern Western Central Upper Lower Greater New Old Saint St""".split())


def _initial_before(text: str, s: int) -> bool:
    """``John F. Kennedy``, ``Brian M. Good``: a capitalised word and an initial before the name."""
    return s >= 4 and text[s - 1] == " " and text[s - 2] == "." and text[s - 3].isupper() and (
        text[s - 4] == " " and s >= 6 and text[s - 5].isalpha())


def _state_entry(cands: tuple, text: str, s: int, e: int) -> dict | None:
    """``upstate New York``, ``Washington state``: the first-level division of that name."""
    if not (text.startswith(STATE_CUE_AFTER, e) and (e + 6 >= len(text) or not text[e + 6].isalpha())
            or text[max(0, s - 9):s].endswith(STATE_CUE_BEFORE)):
        return None
    for c in cands:
        if c.get("kind") == "region" and c.get("country"):
            return c
    return None


def _compass_region(entry: dict, text: str, s: int) -> dict | None:
    """``Northern Virginia``: a region of a first-level division named with a capitalised compass word."""
    if entry.get("kind") != "region" or not entry.get("country") or s < 5 or " " not in text[s - 2:s]:
        return None  # the pattern ends with a blank at ``s`` (or before a final newline)
    m = _COMPASS_RX.search(text, max(0, s - 16), s)
    if not m or m.group("w") == "Upstate":
        return None
    return {"name": f"{m.group('w')} {entry['name']}", "country": entry["country"], "geonames_id": None,
            "kind": "region", "_start": m.start("w")}


_LIST_SEPS = (", ", " and ", " or ", ",")


def _fill(ends: set, starts: set, mentions: list[Mention]) -> set:
    """Fill the (segment, offset) sets of where mentions end and start (once, when first needed)."""
    ends.update((m.seg, m.end) for m in mentions)
    starts.update((m.seg, m.start) for m in mentions)
    return ends


def _listed(text: str, m: Mention, ends: set, starts: set) -> bool:
    """``Egypt and Jordan``, ``Jordan, Syria``: a country listed next to another place names itself."""
    for sep in _LIST_SEPS:
        k = len(sep)
        if (m.seg, m.start - k) in ends and text[m.start - k:m.start] == sep:
            return True
        if (m.seg, m.end + k) in starts and text[m.end:m.end + k] == sep:
            return True
    return False


def _prep_before(text: str, s: int) -> bool:
    w = text[max(0, s - 16):s].split()
    if w and w[-1].lower() == "the":
        w = w[:-1]
    return bool(w) and w[-1].lower().strip(",") in PREPS


def resolve_places(mentions: list[Mention], segments: list[str], context: set[str]) -> list[Mention]:
    """Pick the entry of each mention: one in a country the text names, else the most prominent.
    Small or ambiguous places need their country in the text (or a preposition before them)."""
    out = []
    rank = gazetteer.rank
    ends: set = set()
    starts: set = set()
    for m in mentions:
        cands = m.key.places
        best = None
        for e in cands:
            if e.get("country") in context:
                best = e
                break
        if best is None:
            best = cands[0]
        word = m.text
        seg_text = segments[m.seg]
        if len(cands) > 1 and best.get("kind") != "region":
            best = _state_entry(cands, seg_text, m.start, m.end) or best
        sc = script(word[0])
        kind = best.get("kind")
        r = rank(best) if kind == "city" else 0
        small = kind == "city" and r < 100_000
        if sc == "Hani":
            if len(word) <= 2 and kind == "city" and r < 300_000 \
                    and not segments[m.seg].startswith(HAN_PLACE_SUFFIX, m.end):
                continue
            if small and best.get("country") not in context:
                continue
        elif sc == "Latn":
            if small and not _prep_before(seg_text, m.start):
                continue
            if kind == "city" and " " not in word and (_initial_before(seg_text, m.start) or (
                    m.end < len(seg_text) and seg_text[m.end] == " " and _person_next(seg_text, m.end)
                    and not _prep_before(seg_text, m.start))):
                continue  # a person's name: ``John F. Kennedy``, ``Kent Powell said``
            if kind == "region":
                region = _compass_region(best, seg_text, m.start)
                if region:
                    m.start = region.pop("_start")
                    m.text = seg_text[m.start:m.end]
                    best = region
            if (small or word in COMMON_WORDS) and best.get("country") not in context and not (
                    kind == "country" and _listed(seg_text, m, ends or _fill(ends, starts, mentions), starts)):
                continue
            if word in DAYS_MONTHS:
                continue
            if len(word) > 3 and kind == "city" and r < 1_000_000 and word.isupper() \
                    and best.get("country") not in context:
                continue  # "KARA", "NICE": a capitalised acronym or brand, not a foreign town
        elif small and best.get("country") not in context:
            continue
        m.entry = best
        out.append(m)
    return out


_ABBR_CACHE: dict[int, tuple] = {}


def _abbr_rx(rules: Rules):
    def build(r: Rules):
        ab = gazetteer.index(r)["abbreviations"]
        han = ab.get("han") or {}
        if not han:
            return None
        chain = "".join(c for c in ab.get("chain", "") if c in han)
        sfx = sorted(ab.get("suffixes", []), key=len, reverse=True)
        pfx = sorted(ab.get("prefixes", []), key=len, reverse=True)
        single = "".join(c for c in han if c not in ab.get("chain_only", ""))
        esc = lambda xs: "|".join(x.replace("|", "") for x in xs)  # noqa: E731
        parts = []
        if chain:
            parts.append(f"(?<![\\p{{Han}}])(?P<chain>[{chain}]{{2,4}})(?![\\p{{Han}}])")
            parts.append(f"(?P<chain2>[{chain}]{{2,4}})(?=(?:{esc(sfx)}|关系|關係|関係|两国|兩國|両国|首脑|首腦|首脳|峰会|峰會|会谈|會談|会談|同盟|联合|聯合|合同|共同|贸易|貿易|外交|摩擦|对话|對話|対話|交流|合作|协议|協議|協定|军演|軍演|演习|演習|间|間|两|兩|双|雙|三国|三國|韩|韓))")
        if single and sfx:
            parts.append(f"(?<![\\p{{Han}}])(?P<s1>[{single}])(?=(?:{esc(sfx)}))")
        if single and pfx:
            parts.append(f"(?<=(?:{esc(pfx)}))(?P<s2>[{single}])(?![\\p{{Han}}])")
        ko_han = "".join(c for c in ab.get("ko_han", "") if c in han)
        ko_chain = ab.get("ko_chain") or {}
        ko_parts = []
        if ko_han:
            ko_parts.append(f"(?<![\\p{{Han}}\\p{{Hangul}}\\w])(?P<kh>[{ko_han}])(?![\\p{{Han}}\\w])")
        if ko_chain:
            kc = "".join(ko_chain)
            ko_parts.append(f"(?<![\\p{{Hangul}}\\w])(?P<kc>[{kc}]{{2,3}})(?=[\\s,·\\-\"'’”]|관계|정상|회담|동맹|훈련|연합|외교|무역|협력|갈등|간|양국|3국|공조|국방|외무|외교|대화|협의|협정|FTA|$)")
        if ab.get("ko_mi_next"):
            ko_parts.append(f"(?<![\\p{{Hangul}}\\w])(?P<km>미)\\s(?=(?:{esc(ab['ko_mi_next'])}))")
        ja_kata = "".join(c for c in ab.get("ja_before_katakana", "") if c in han)
        if ja_kata:
            parts.append(f"(?<![\\p{{Han}}])(?P<s3>[{ja_kata}])(?=[\\p{{Katakana}}A-Z])")
        cjk = compile_rx("|".join(parts), "entities.cjk_abbreviations") if parts else None
        ko = compile_rx("|".join(ko_parts), "entities.ko_abbreviations") if ko_parts else None
        return {"cjk": cjk, "ko": ko, "han": han, "ko_chain": ko_chain}
    return rules.view("entities.abbreviations", build)


def abbreviations(rules: Rules, text: str, seg: int, lang: str) -> list[tuple[int, int, str, str]]:
    """One-character country forms in CJK text as (start, end, written, ISO code)."""
    ab = _abbr_rx(rules)
    if not ab:
        return []
    out = []
    if lang.startswith(("zh", "ja")) and ab["cjk"] is not None:
        for m in ab["cjk"].finditer(text):
            for g in ("chain", "chain2", "s1", "s2", "s3"):
                if m.group(g):
                    s = m.start(g)
                    w = m.group(g)
                    if len(set(w)) != len(w):
                        break
                    for i, ch in enumerate(w):
                        out.append((s + i, s + i + 1, ch, ab["han"][ch]))
                    break
    if lang == "ko" and ab["ko"] is not None:
        for m in ab["ko"].finditer(text):
            if m.group("kh"):
                out.append((m.start("kh"), m.end("kh"), m.group("kh"), ab["han"][m.group("kh")]))
            elif m.group("kc"):
                w = m.group("kc")
                if len(set(w)) == len(w):
                    for i, ch in enumerate(w):
                        out.append((m.start("kc") + i, m.start("kc") + i + 1, ch, ab["ko_chain"][ch]))
            elif m.group("km"):
                out.append((m.start("km"), m.end("km"), "미", "US"))
    return out


# Iberian locative cues: a capitalised name after one of these (or listed after one with ``,`` / ``y`` / ``e``)
# is a place when it is a town of a country the text is about (``en la localidad de X``, ``em X``).
TOWN_LANGS = frozenset(("es", "pt", "gl", "ca"))
TOWN_PREPS = frozenset("en em no na desde hasta hacia".split())
TOWN_NOUNS = frozenset("""localidad localidades municipio municipios pueblo pueblos villa aldea aldeas ciudad ciudades
provincia distrito comarca parroquia concelho concelhos freguesia vila vilas cidade cidades povoação localidade
município municípios região estado departamento cantón partido condado cerca perto""".split())
_TOWN_TOK = r"\p{Lu}[\p{L}'’\-]*"
_TOWN_NAME = rf"{_TOWN_TOK}(?:[ \t]+(?:(?:de|da|do|dos|das|del|de la|de las|de los|la|el)[ \t]+)?{_TOWN_TOK}){{0,3}}"
# a preposition before a capital; ``de`` and its forms count only after a place noun (checked in code)
_TOWN_CUE_RX = compile_rx(r"(?<![\p{L}])(?:[Ee][nm]|[Nn][oa]|[Dd]esde|[Hh]asta|[Hh]acia|de|del|da|do|dos|das)[ \t]+(?=\p{Lu})",
                          "entities.town.cue")
_TOWN_NAME_RX = compile_rx(_TOWN_NAME, "entities.town.name")
_TOWN_NEXT_RX = compile_rx(r"[ \t]*(?:,[ \t]*(?:(?:y|e|o|ou)[ \t]+)?|[ \t]+(?:y|e|o|ou)[ \t]+)(?=\p{Lu})",
                           "entities.town.list")


def _town_key(e: dict) -> Key:
    return Key(e["name"], (e,), (), (), False, "Latn", "Latn", None)


def _town_at(rules: Rules, name: str, context: set[str]) -> dict | None:
    """The most populous town of a country in ``context`` written ``name`` (accents aside)."""
    for t in gazetteer.towns(rules).get(gazetteer.accent_fold(name)) or ():
        if t["country"] in context:
            return t
    return None


def locative_towns(rules: Rules, text: str, seg: int, lang: str, context: set[str]) -> list[Mention]:
    """Towns too small for the gazetteer (``towns_tsv``) named after an Iberian locative cue, in a text
    about their country: ``los incendios estallaron en Pedrogao Grande``, ``las localidades de X y Y``."""
    if lang not in TOWN_LANGS or not context:
        return []
    context = {c for c in context if c in gazetteer.town_countries(rules)}
    if not context:
        return []
    out: list[Mention] = []
    for cue in _TOWN_CUE_RX.finditer(text):
        pos = cue.end()
        if cue.group().split()[0].lower() not in TOWN_PREPS:
            prev = text[max(0, cue.start() - 16):cue.start()].split()
            if not prev or prev[-1].lower() not in TOWN_NOUNS:
                continue
        while True:
            m = _TOWN_NAME_RX.match(text, pos)
            if not m:
                break
            # the whole run of capitalised words is the town (``Libertad Digital`` is no town Libertad)
            e = _town_at(rules, m.group(), context)
            if e:
                out.append(Mention(m.start(), m.end(), m.group(), _town_key(e), seg, "place", e))
            nxt = _TOWN_NEXT_RX.match(text, m.end())
            if not nxt:
                break
            pos = nxt.end()
    return out
