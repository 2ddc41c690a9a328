"""The gazetteer: generated and hand-kept entries, aliases across scripts, lookups and load time."""
from __future__ import annotations

import time

import pytest

from normalizer import gazetteer


@pytest.mark.parametrize("alias", ["Seoul", "SEOUL", "Ｓｅｏｕｌ", "서울", "ソウル", "首尔", "首爾", "Сеул", "Seúl"])
def test_seoul_in_every_script(norm, alias):
    e = gazetteer.place(norm.rules, alias)
    assert e is not None and (e["name"], e["country"], e["geonames_id"]) == ("Seoul", "KR", 1835848)


@pytest.mark.parametrize("alias,name,cc", [
    ("S. Korea", "South Korea", "KR"), ("ROK", "South Korea", "KR"), ("대한민국", "South Korea", "KR"),
    ("韓国", "South Korea", "KR"), ("南韓", "South Korea", "KR"), ("DPRK", "North Korea", "KP"),
    ("북한", "North Korea", "KP"), ("朝鲜", "North Korea", "KP"), ("U.S.", "United States", "US"),
    ("米国", "United States", "US"), ("США", "United States", "US"), ("PRC", "China", "CN"),
    ("中華民國", "Taiwan", "TW"), ("РФ", "Russia", "RU"), ("UK", "United Kingdom", "GB"),
])
def test_country_short_forms(norm, alias, name, cc):
    e = gazetteer.place(norm.rules, alias)
    assert e is not None and e["name"] == name and e["country"] == cc and e["kind"] == "country"


@pytest.mark.parametrize("alias,name", [
    ("Sea of Japan", "East Sea"), ("동해", "East Sea"), ("Takeshima", "Dokdo"), ("Liancourt Rocks", "Dokdo"),
    ("竹島", "Dokdo"), ("Senkaku Islands", "Diaoyu Islands"), ("钓鱼岛", "Diaoyu Islands"),
    ("한반도", "Korean Peninsula"), ("朝鮮半島", "Korean Peninsula"),
])
def test_hand_kept_places(norm, alias, name):
    assert gazetteer.place(norm.rules, alias)["name"] == name


def test_every_capital_and_big_city_has_cjk_and_cyrillic_aliases(norm):
    ix = gazetteer.index(norm.rules)
    big = [e for e in ix["all_places"] if e.get("kind") == "city" and (e.get("population") or 0) >= 5_000_000]
    assert len(big) > 20
    from normalizer.entities.matcher import script
    for e in big:
        scripts = {script(a[0]) for a in e.get("aliases", []) if a}
        assert "Cyrl" in scripts or "Hani" in scripts or "Kana" in scripts, e["name"]
    capitals = [e for e in ix["all_places"] if e.get("capital")]
    assert len(capitals) > 150


def test_junk_aliases_dropped(norm):
    seoul = gazetteer.place(norm.rules, "Seoul")
    assert "SEL" not in seoul["aliases"]
    assert gazetteer.place(norm.rules, "SEL") is None


def test_ambiguous_name_prefers_country(norm):
    assert gazetteer.place(norm.rules, "Georgia")["country"] == "GE"
    assert gazetteer.place(norm.rules, "Georgia", "US")["kind"] == "region"
    assert gazetteer.place(norm.rules, "Paris")["country"] == "FR"
    assert gazetteer.place(norm.rules, "Paris", "US")["country"] == "US"


def test_organizations_and_short_names(norm):
    assert gazetteer.organization(norm.rules, "Defense Ministry", "KR")["name"] == "Ministry of National Defense"
    assert gazetteer.organization(norm.rules, "Defense Ministry", "JP")["country"] == "JP"
    assert gazetteer.organization(norm.rules, "국방부")["country"] == "KR" if gazetteer.organization(
        norm.rules, "국방부") else True
    assert gazetteer.organization(norm.rules, "Japan Coast Guard")["country"] == "JP"
    assert gazetteer.organization(norm.rules, "联合国")["name"] == "United Nations"


def test_load_time_is_reasonable():
    from normalizer import Normalizer
    t = time.perf_counter()
    Normalizer()
    assert time.perf_counter() - t < 5.0  # ~0.6 s on an idle machine; generous for loaded CI


def _found(norm, text):
    from normalizer.entities.matcher import find
    return [(text[s:e], k.alias) for s, e, k in find(norm.rules, text)]


def test_matcher_latin_names_start_at_a_capitalised_word(norm):
    got = [w for w, _ in _found(norm, "He will be ambassador to the Netherlands, not to china or CHINA.")]
    assert "Netherlands" in got  # a lower-case "the" no longer hides the name after it
    assert "china" not in got and "CHINA" in got
    # leftmost-longest: "York" inside "New York" is no second hit; "Seoul" inside a word is none
    got = [w for w, _ in _found(norm, "New York-based Seoulites flew from New York City to Paris.")]
    assert got.count("York") == 0 and "New York City" in got and "Paris" in got
    assert not any(w.startswith("Seoul") for w in got)


def test_matcher_cjk_and_mixed_script_names(norm):
    got = [w for w, _ in _found(norm, "서울에서 東京へ。AP通信によると")]
    assert "서울" in got and "東京" in got
    assert "AP通信" in got and "AP" not in got  # the mixed-script name is one hit, longest first


def test_towns_accent_fold_and_lookup(norm):
    assert gazetteer.accent_fold("Pêra  de Armação") == "pera de armacao"
    towns = gazetteer.towns(norm.rules)
    e = towns["cabezon de la sal"][0]
    assert (e["name"], e["country"], e["kind"]) == ("Cabezón de la Sal", "ES", "city")
    assert 1000 <= e["population"] < 15000
    assert gazetteer.place(norm.rules, "Cabezón de la Sal") is None  # towns are not gazetteer places
