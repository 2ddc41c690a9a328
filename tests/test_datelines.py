"""Datelines: every shape of issue 5 on fixtures written for the project (none copied from ../shared)."""
from __future__ import annotations

import pytest

BODY_EN = " The ministry said on Tuesday that exports rose for a third month."

# text, place name, country, date, agency
SHAPES = [
    ("SEOUL, April 28 (Yonhap) --" + BODY_EN, "Seoul", "KR", "--04-28", "Yonhap"),
    ("BEIJING, April 28 (Xinhua) --" + BODY_EN, "Beijing", "CN", "--04-28", "Xinhua"),
    ("TOKYO (Kyodo) --" + BODY_EN, "Tokyo", "JP", None, "Kyodo"),
    ("WASHINGTON (AP) —" + BODY_EN, "Washington", "US", None, "AP"),
    ("PARIS, April 28 (Reuters) -" + BODY_EN, "Paris", "FR", "--04-28", "Reuters"),
    ("TOKYO, March 26 - " + BODY_EN, "Tokyo", "JP", "--03-26", None),
    ("LONDON, April 28, 2008 (AFP) -" + BODY_EN, "London", "GB", "2008-04-28", "AFP"),
    ("Pyongyang, April 28 (KCNA) --" + BODY_EN, "Pyongyang", "KP", "--04-28", "KCNA"),
    ("PARIS (AFP) - Le gouvernement a annoncé mardi une hausse des dépenses.", "Paris", "FR", None, "AFP"),
    ("BERLIN (dpa) - Die Regierung hat am Dienstag neue Ausgaben angekündigt.", "Berlin", "DE", None, "dpa"),
    ("MADRID, 28 abr (EFE) - El Gobierno anunció el martes un aumento del gasto.", "Madrid", "ES", "--04-28", "EFE"),
    ("МОСКВА, 28 апр — РИА Новости. Правительство во вторник объявило о росте расходов.", "Moscow", "RU",
     "--04-28", "RIA Novosti"),
    ("ВАШИНГТОН, 22 января. /ТАСС/. Правительство объявило о росте расходов.", "Washington", "US", "--01-22",
     "TASS"),
    ("(서울=연합뉴스) 홍길동 기자 = 정부는 화요일 수출이 석 달째 늘었다고 밝혔다.", "Seoul", "KR", None, "Yonhap"),
    ("[서울=뉴시스]홍길동 기자 = 정부는 화요일 수출이 석 달째 늘었다고 밝혔다.", "Seoul", "KR", None, "Newsis"),
    ("【서울=뉴시스】홍길동 기자 = 정부는 화요일 수출이 석 달째 늘었다고 밝혔다.", "Seoul", "KR", None, "Newsis"),
    ("【ソウル共同】韓国政府は火曜日、輸出が3カ月連続で増えたと発表した。", "Seoul", "KR", None, "Kyodo"),
    ("【北京時事】中国政府は火曜日、輸出が増えたと発表した。", "Beijing", "CN", None, "Jiji"),
    ("新华社北京4月28日电（记者 张三）国家统计局28日发布数据显示，出口连续三个月增长。", "Beijing", "CN", "--04-28",
     "Xinhua"),
    ("中新网北京4月28日电 国家统计局28日发布数据显示，出口连续三个月增长。", "Beijing", "CN", "--04-28",
     "China News Service"),
    ("新華社北京4月28日電 國家統計局28日發布數據顯示，出口連續三個月增長。", "Beijing", "CN", "--04-28", "Xinhua"),
    ("本报北京4月28日讯 国家统计局28日发布数据显示，出口连续三个月增长。", "Beijing", "CN", "--04-28", None),
    ("（中央社記者王大明台北31日電）行政院今天宣布，明年起調漲基本工資。", "Taipei", "TW", None, "CNA"),
    ("（中央社東京5日專電）日本政府今天宣布，明年起調漲基本工資。", "Tokyo", "JP", None, "CNA"),
    ("(ANSA) - ROMA, 28 APR - Il governo ha annunciato martedì un aumento della spesa.", "Rome", "IT", "--04-28",
     "ANSA"),
    ("МОСКВА. 28 апреля. INTERFAX.RU - Правительство объявило о росте расходов.", "Moscow", "RU", "--04-28",
     "Interfax"),
    ("［東京　３日　ロイター］ - 日本政府は3日、輸出が増えたと発表した。", "Tokyo", "JP", None, "Reuters"),
    ("MÉXICO, 5 de marzo (EFE) - El Gobierno anunció el martes un aumento del gasto.", "Mexico City", "MX", "--03-05",
     "EFE"),
    ("Frankfurt/Main (dpa/AFP) - Die Regierung hat am Dienstag neue Ausgaben angekündigt.", "Frankfurt", "DE", None,
     "dpa, AFP"),
    ("(평창=뉴스1) 홍길동 기자 = 대회가 화요일 개막했다.", "평창", "KR", None, "News1"),
    ("人民网北京4月28日电（记者张三）国家统计局28日发布数据显示，出口连续三个月增长。", "Beijing", "CN", "--04-28",
     "People's Daily Online"),
]


@pytest.mark.parametrize("text,place,country,date,agency", SHAPES, ids=[s[0][:24] for s in SHAPES])
def test_shape(norm, text, place, country, date, agency):
    dl = norm.normalize("Exports rise again\n\n" + text + "\n")["dateline"]
    assert dl is not None, text
    assert (dl["place"] or {}).get("name") == place
    assert (dl["place"] or {}).get("country") == country
    assert dl["date"] == date
    assert dl["agency"] == agency
    assert dl["rule"].startswith(("datelines.", "source."))


def test_cctv_credit_has_no_place(norm):
    dl = norm.normalize("出口连续增长\n\n（央视新闻）国家统计局28日发布数据显示，出口连续三个月增长。\n")["dateline"]
    assert dl["place"] is None and dl["agency"] == "CCTV"


def test_afp_japanese_date_only(norm):
    dl = norm.normalize("輸出が増加\n\n【4月28日 AFP】フランス政府は28日、輸出が増えたと発表した。\n")["dateline"]
    assert dl["place"] is None and dl["agency"] == "AFP" and dl["date"] == "--04-28"


def test_year_from_reference_date(norm):
    rec = norm.normalize("SEOUL, April 28 (Yonhap) --" + BODY_EN, reference_date="2008-04-29")
    assert rec["dateline"]["date"] == "2008-04-28"


def test_year_from_publication_time(norm):
    text = ("Parliament passes budget\n\nPosted on : 2008-04-28 12:52 KST Modified on : 2008-04-29 10:00 KST\n\n"
            "The assembly passed the budget, lawmakers said.\n\nSEOUL, April 28 (Yonhap)\n")
    rec = norm.normalize(text)
    dl = rec["dateline"]
    assert dl["raw"] == "SEOUL, April 28 (Yonhap)"
    assert dl["date"] == "2008-04-28" and dl["agency"] == "Yonhap"
    assert rec["source"]["id"] == "hankyoreh"      # the outlet, carrying the agency's copy


def test_us_state_qualifier_gives_country(norm):
    dl = norm.normalize("PLANT OPENS\nSPRINGDALE FALLS, N.Y., March 12 - Acme Corp said it opened a plant.\n")["dateline"]
    assert dl["place"]["name"] == "Springdale Falls"      # not in any gazetteer: the written name, title-cased
    assert dl["place"]["country"] == "US" and dl["date"] == "--03-12"


@pytest.mark.parametrize("qual,country", [("Fla.", "US"), ("Calif.", "US"), ("W. Va.", "US"), ("Alberta", "CA"),
                                          ("West Germany", "DE"), ("Belgium", "BE")])
def test_qualifiers(norm, qual, country):
    dl = norm.normalize(f"RESULTS\nSMALLTOWNVILLE, {qual}, March 2 - Acme Corp said profits rose.\n")["dateline"]
    assert dl["place"]["country"] == country


def test_1987_names_are_modernised(norm):
    dl = norm.normalize("TRADE TALKS\nPEKING, March 2 - China said it would cut tariffs.\n")["dateline"]
    assert dl["place"]["name"] == "Beijing" and dl["place"]["country"] == "CN"
    dl = norm.normalize("GOLD\nBERNE, March 2 - The Swiss National Bank said reserves rose.\n")["dateline"]
    assert dl["place"]["name"] == "Bern"


def test_reporters_go_to_authors(norm):
    rec = norm.normalize("수출 증가\n\n(서울=연합뉴스) 홍길동 기자 = 정부는 수출이 늘었다고 밝혔다.\n")
    assert [a["name"] for a in rec["authors"]] == ["홍길동"]
    rec = norm.normalize("行政院調漲基本工資\n\n（中央社記者王大明台北31日電）行政院今天宣布調漲基本工資。\n")
    assert "王大明" in [a["name"] for a in rec["authors"]]


def test_taiwanese_reporter_line(norm):
    text = "市府推動老屋改建\n2024-03-05 10:00 記者陳小華／南市報導\n台南市政府今天宣布，將補助老屋改建。\n"
    dl = norm.normalize(text)["dateline"]
    assert dl["raw"] == "記者陳小華／南市報導"
    assert dl["place"]["name"] == "Tainan" and dl["place"]["country"] == "TW" and dl["agency"] is None


def test_trailing_credit_line_is_a_header(norm):
    rec = norm.normalize("Budget passes\n\nLawmakers passed the budget on Monday.\n\nSEOUL, March 3 (Yonhap)\n")
    assert rec["dateline"]["raw"] == "SEOUL, March 3 (Yonhap)"
    assert all("SEOUL, March 3" not in p for p in rec["paragraphs"])


@pytest.mark.parametrize("text", [
    "손흥민 골\n\n[맨체스터=AP/뉴시스] 손흥민이 19일 경기에서 골을 넣었다.\n",      # photo credit
    "손흥민 골\n\n[로이터=연합뉴스] 손흥민이 19일 경기에서 골을 넣었다.\n",          # photo credit, an agency as place
    "손흥민 골\n\n[사진=연합뉴스] 손흥민이 19일 경기에서 골을 넣었다.\n",            # photo credit, no place
    "입술 관리\n\n[서울파이낸스 홍길동 기자] 겨울철 입술 관리에 관심이 높다.\n",     # bracketed byline, no place
    "市场观察\n\n新京报快讯（记者 张三）今日股市小幅上涨。\n",                        # no place
    "即時新聞\n〔即時新聞／綜合報導〕今天股市小幅上漲。\n",                           # no place
    "MICROSOFT <MSFT> RESULTS\nMicrosoft Corp (MSFT.O) - Shr 1.20 dlrs vs 1.10 dlrs.\n",
    "JAPAN: EXPORTS RISE\nExports rose for a third month, data showed.\n",       # a title in capitals
    "Fixtures\n\nEngland (Group A): Monday against Italy, Friday against Spain.\n",   # a country and a group
    "The meeting was held in Seoul on Monday, officials said.\n",
])
def test_not_datelines(norm, text):
    assert norm.normalize(text)["dateline"] is None


def test_no_crash_on_odd_input(norm):
    for text in ["(", "【", "SEOUL, April 99 (Yonhap) --", "（中央社記者", "新华社" * 500, "A, Foo 31 (X) -" * 200]:
        rec = norm.normalize(text)
        assert rec["ok"] or rec["error"]["type"] == "EmptyInput"


def test_dropped_drop_cap_is_repaired_and_said(norm):
    dl = norm.normalize("Talks resume\nERUSALEM (AFP, REUTERS) - Talks resumed on Sunday, officials said.\n")["dateline"]
    assert dl["place"]["name"] == "Jerusalem" and dl["agency"] == "AFP, Reuters"
    assert dl["rule"].endswith("+place.dropped_initial")


def test_lead_after_the_publication_line_of_a_page(norm):
    nav = "\n".join(f"- Menu item {i}" for i in range(12))
    text = (f"{nav}\nCity opens new port\nPublished: 2024-03-05 10:00\n"
            "OSAKA – The city opened a new ferry port on Tuesday, officials said.\n")
    dl = norm.normalize(text)["dateline"]
    assert dl is not None and dl["place"]["name"] == "Osaka" and dl["agency"] is None


def test_long_cjk_place_part_is_bounded():
    """A long CJK string in the place slot must not trigger an exponential prefix search."""
    import time

    from normalizer import Normalizer
    from normalizer.datelines import resolve_place
    rules = Normalizer().rules
    t = time.process_time()
    unknown = resolve_place(rules, "这是一个非常长的并不是地名的中文字符串用来测试" * 2)
    assert unknown is None or unknown["geonames_id"] is None
    assert resolve_place(rules, "桃園機場")["name"] == "Taoyuan"
    assert time.process_time() - t < 5.0
