"""People, places and organizations on fixtures written for the project (en, ko, ja, zh-Hans, zh-Hant, ru)."""
from __future__ import annotations

import pytest


def names(items):
    return [x["name"] for x in items]


def find(items, name):
    for x in items:
        if x["name"] == name or name in x.get("mentions", []):
            return x
    return None


EN = """Seoul and Tokyo agree to share radar data

SEOUL, March 3 (Yonhap) -- South Korean Defense Minister Park Sung-ho met his Japanese counterpart Kenji Moriyama in Seoul on Tuesday, the Defense Ministry said.

Park told reporters that North Korea's missile tests threaten Japan's security as well as the Korean Peninsula. Moriyama said Tokyo would send a delegation next month.

"We will keep talking," Park said. Japanese officials and Korean analysts welcomed the step.
"""


def test_en_people_roles_country_and_folding(norm):
    r = norm.normalize(EN)
    park = find(r["people"], "Park Sung-ho")
    assert park and park["role"] == "Defense Minister" and park["country"] == "KR"
    assert "Park" in park["mentions"]
    mori = find(r["people"], "Kenji Moriyama")
    assert mori and mori["country"] == "JP" and "Moriyama" in mori["mentions"]
    assert len(r["people"]) == 2


def test_en_places_possessives_and_no_demonyms(norm):
    r = norm.normalize(EN)
    got = names(r["places"])
    for want in ("Seoul", "Tokyo", "North Korea", "Japan", "Korean Peninsula"):
        assert want in got
    # "South Korean", "Japanese", "Korean" are demonyms: no place from them alone
    assert "South Korea" not in got
    japan = find(r["places"], "Japan")
    assert japan["country"] == "JP" and japan["kind"] == "country" and japan["geonames_id"] == 1861060
    assert len(got) == len(set(got))


def test_en_organization_resolved_by_context(norm):
    r = norm.normalize(EN)
    mnd = find(r["organizations"], "Ministry of National Defense")
    assert mnd and mnd["country"] == "KR" and "Defense Ministry" in mnd["mentions"]


def test_en_short_forms_and_org_names(norm):
    text = ("U.S. and S. Korea hold talks\n\nWASHINGTON (AP) -- Officials of the U.S. and S. Korea met at Seoul "
            "National University on Monday. The Japan Coast Guard said a ship entered waters near Dokdo.\n")
    r = norm.normalize(text)
    got = names(r["places"])
    assert "United States" in got and "South Korea" in got and "Dokdo" in got
    # Seoul only inside a university name, Japan only inside the coast guard's name
    assert "Seoul" not in got and "Japan" not in got
    assert find(r["organizations"], "Japan Coast Guard")["country"] == "JP"


def test_en_ambiguous_place_by_country_context(norm):
    r = norm.normalize("Storm hits the South\n\nATLANTA (AP) -- A storm crossed Georgia and Alabama in the "
                       "United States on Friday, Governor Brian Kemp said.\n")
    ga = find(r["places"], "Georgia")
    assert ga and ga["country"] == "US" and ga["kind"] == "region"
    r = norm.normalize("Talks in the Caucasus\n\nGeorgia and Armenia signed a border deal in Tbilisi on Friday.\n")
    assert find(r["places"], "Georgia")["country"] == "GE"


def test_ko_people_places_aliases(norm):
    text = ("김철수 국방부 장관, 일본 방문\n\n김철수 국방부 장관은 3일 도쿄에서 일본 방위상과 회담했다고 국방부가 밝혔다.\n\n"
            "배우 이영희가 서울에서 열린 행사에 참석했다. 한국인 관광객도 많았다.\n\n홍길동 기자 gildong@example.com\n")
    r = norm.normalize(text)
    assert r["language"]["code"] == "ko"
    kim = find(r["people"], "김철수")
    assert kim and kim["role"] == "장관"
    assert find(r["people"], "이영희")
    assert find(r["people"], "홍길동") is None  # a reporter is never a person
    got = names(r["places"])
    assert "Tokyo" in got and "Japan" in got and "Seoul" in got
    assert find(r["places"], "도쿄")["name"] == "Tokyo"
    assert find(r["organizations"], "국방부")["country"] == "KR"


def test_ja_people_honorifics_and_places(norm):
    text = ("米アップルのジョブズ氏が来日\n\n米アップルのジョブズ氏は東京都内で記者会見を開いた。"
            "山田太郎防衛相は大阪で講演した。山田防衛相は「日米の協力が重要だ」と述べた。\n")
    r = norm.normalize(text)
    assert r["language"]["code"] == "ja"
    ppl = names(r["people"])
    assert "ジョブズ" in ppl and "山田太郎" in ppl
    yamada = find(r["people"], "山田太郎")
    assert yamada["role"] == "防衛相" and "山田" in yamada["mentions"]
    got = names(r["places"])
    assert "United States" in got and "Japan" in got and "Osaka" in got


def test_zh_hans_people_roles_and_abbreviations(norm):
    text = ("国家主席习近平会见美方代表\n\n新华社北京6月5日电 国家主席习近平5日在北京会见美国国务卿。"
            "国防部长梁光烈表示，中美两军应加强交流。韩方也表示欢迎。\n")
    r = norm.normalize(text)
    ppl = names(r["people"])
    assert "习近平" in ppl and "梁光烈" in ppl
    assert find(r["people"], "梁光烈")["role"] == "国防部长"
    got = names(r["places"])
    assert "Beijing" in got and "United States" in got and "China" in got and "South Korea" in got


def test_zh_hant_people_and_places(norm):
    text = ("台北市長柯大文出席記者會\n\n（中央社記者王小明台北1日電）台北市長柯大文今天表示，將與日本東京都合作。"
            "立委陳美玲和林志強也出席。\n")
    r = norm.normalize(text)
    ppl = names(r["people"])
    assert "柯大文" in ppl and "陳美玲" in ppl
    assert "王小明" not in ppl  # the reporter
    got = names(r["places"])
    assert "Taipei" in got and "Japan" in got


def test_ru_people_nominative_and_places(norm):
    text = ("Песков прокомментировал визит\n\nМОСКВА, 3 марта. /ТАСС/. Пресс-секретарь президента РФ "
            "Дмитрий Песков заявил, что Москва готова к диалогу с США и Китаем.\n")
    r = norm.normalize(text)
    assert "Дмитрий Песков" in names(r["people"])
    got = names(r["places"])
    assert "Russia" in got and "United States" in got and "China" in got


@pytest.mark.parametrize("text", ["", "\x00\x01", "Japan" * 5000, "米" * 3000, "(서울=" * 500, "Mr. " * 800])
def test_no_crash_on_odd_input(norm, text):
    r = norm.normalize(text)
    assert isinstance(r["places"], list) and isinstance(r["people"], list)


def test_deterministic(norm):
    a = norm.normalize(EN)
    b = norm.normalize(EN)
    assert a["people"] == b["people"] and a["places"] == b["places"] and a["organizations"] == b["organizations"]


def test_wire_corpus_targets(norm):
    from tests.conftest import shared_path
    folder = shared_path("corpus", "wire")
    from normalizer.evaluate import evaluate
    res = evaluate(folder, norm)
    figs = res if isinstance(res, dict) else {}
    if "people_f1" in figs:
        assert figs["people_f1"] >= 0.80 and figs["places_f1"] >= 0.80
