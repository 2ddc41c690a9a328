"""Speed round 9 (title): the whole-page headline search scores the lines from the best bound down and
stops once no bound can win. Checked against the full search with the former scoring, kept here
verbatim, on hand-written pages in several languages and on the shared pages, with the main block's
start moved around to vary the candidates (ties, pages without any candidate)."""
from __future__ import annotations

import dataclasses
import random

import pytest
from conftest import shared_path

from normalizer import title
from normalizer.boilerplate import layout_of
from normalizer.layout import Layout, strip_marker, weight
from normalizer.lines import Ledger, Line


def _slow_rejected(scan: title._Scan, t: str, body: str, w: float) -> bool:
    n = len(body)
    return (w < 2.5 or n < 6 or len(t) > title.MAX_TITLE
            or (body.startswith(("http://", "https://", "www.")) and title._URL.match(body) is not None)
            or title._date_only(body) or title._label_end(body) or title._nav(body)
            or (n >= 30 and title._CJK.search(body) is not None
                and title._GLUED.match(body.replace(" ", "")) is not None)
            or scan.menu_row(body))


def _slow_score(scan: title._Scan, ln: Line, start: int) -> float:
    """The score as computed before the bounds (round 8)."""
    t = ln.text
    body = strip_marker(t)
    w = scan.weights[ln.index] if body is t else weight(body)
    if _slow_rejected(scan, t, body, w):
        return -99.0
    s = 2.0 if 4 <= w <= 40 else 0.0
    if title._full_stop_end(body):
        s -= 2.5
    s -= 2.0 * title._sentences(body)
    gap = abs(start - ln.index)
    s += max(0.0, 3.0 - 0.25 * gap)
    lines, weights = scan.lines, scan.weights
    between = 0
    after = 0.0
    for nxt in lines[ln.index + 1: ln.index + 5]:
        if title._header_like(nxt):
            after = (6.0 if nxt.role == "header" else 4.0) / (1 + between)
            break
        if nxt.role is None and weights[nxt.index] >= 2.5:
            between += 1
            if between > 1:
                break
    if not after and ln.index and lines[ln.index - 1].role == "header":
        after = 4.0
    s += after
    if title._credit(body):
        s -= 4.0
    if title._TIMESTAMP_HINT.search(body) and title._TIMESTAMP.search(body):
        s -= 4.0
    if any(x.role == "boilerplate" and x.field == "share" for x in lines[ln.index + 1: ln.index + 3]):
        s += 1.5
    prev = lines[ln.index - 1] if ln.index else None
    if prev is None or prev.role in ("boilerplate", "header") or weights[prev.index] < 2.5 or scan.menu_row(prev.text):
        s += 1.5
    if title._echoed(body, ln.index, [x.text for x in lines]):
        s += 2.0
    if body != t:
        s -= 2.0 if body in [x.text for x in lines] else 0.5
    return s


def _window(scan: title._Scan, lay) -> list[Line]:
    """The lines the former search scored (in order)."""
    out = []
    for ln in scan.lines[max(0, lay.start - title.WINDOW): lay.start + title.INTO_MAIN]:
        if ln.role is not None or (ln.index >= lay.start and lay.prose[ln.index] and (
                lay.weights[ln.index] > 30 or title._full_stop_end(ln.text))):
            continue
        if ln.index >= lay.start and not title._near_header(scan, ln):
            continue
        out.append(ln)
    return out


def _slow_best(scan: title._Scan, lay, stats: dict[str, int]) -> tuple[int | None, float]:
    best, best_s = None, title.MIN_SCORE
    scores = [(ln.index, _slow_score(scan, ln, lay.start)) for ln in _window(scan, lay)]
    for i, s in scores:
        if s > best_s:
            best, best_s = i, s
    if best is None:
        stats["none"] += 1
    elif any(s == best_s and i != best for i, s in scores):
        stats["tie"] += 1
    return best, best_s


def _compare(doc, stats: dict[str, int]) -> None:
    lay = layout_of(doc)
    if lay.start < 0:
        return
    n = len(doc.ledger.lines)
    for start in sorted({lay.start, *(lay.start + d for d in (-9, -4, -2, -1, 1, 2, 5, 12))}):
        if not 0 <= start < n:
            continue
        moved = dataclasses.replace(lay, start=start)
        scan = title._Scan(doc.ledger.lines, lay.weights)
        for ln in _window(scan, moved):
            assert title._score(scan, ln, start) == _slow_score(scan, ln, start), (ln.text, start)
        best, best_s = title._best_line(title._Scan(doc.ledger.lines, lay.weights), moved)
        assert ((best.index if best else None), best_s) == _slow_best(title._Scan(doc.ledger.lines, lay.weights), moved, stats), start
        stats["searches"] += 1


@pytest.fixture
def compared(monkeypatch):
    """Compares the searches on every page ``title`` reads as a whole page; yields the counts."""
    stats = {"searches": 0, "tie": 0, "none": 0}
    fast = title._whole_page_title

    def both(doc):
        _compare(doc, stats)
        return fast(doc)

    monkeypatch.setattr(title, "_whole_page_title", both)
    return stats


NAV_EN = ["* Home", "* News", "* World", "* Business", "* Sport", "* Weather", "Sign in | Register"]
NAV_ZH = ["首页", "* 新闻", "* 财经", "* 科技", "* 体育", "* 娱乐", "登录 注册", "新闻 > 国内 > 正文"]
NAV_DE = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Home > Politik > Inland"]
NAV_JA = ["ホーム", "ニュース", "経済", "スポーツ", "エンタメ", "トップ > 社会"]
NAV_KO = ["홈", "뉴스", "정치", "경제", "사회", "스포츠"]
NAV_ES = ["Inicio", "Nacional", "Internacional", "Economía", "Deportes", "Cultura"]
NAV_RU = ["Главная", "Новости", "Политика", "Экономика", "Спорт"]

BODY = {
    "en": ["The ferry service between the mainland and the islands resumed on Wednesday after three days of storms "
           "kept boats in port, the operator said.",
           "Passengers who had booked for the cancelled days can travel on any boat this week without paying extra, "
           "a spokesman said.",
           "The weather office expects calmer seas for the rest of the week, though strong winds may return on Sunday."],
    "zh": ["记者从市交通局获悉，城市地铁五号线将于本月底开通试运营，全线共设十八座车站，连接城东新区与老城区，预计日均客流超过二十万人次。",
           "交通局负责人表示，开通初期列车最小行车间隔为四分钟，早晚高峰将视客流情况加开列车，方便市民出行。",
           "据介绍，五号线还将与三条既有线路实现换乘，市民可在站内完成换乘，无需出站。"],
    "de": ["Die Stadtverwaltung hat am Dienstag angekündigt, dass die neue Straßenbahnlinie im kommenden Frühjahr "
           "in Betrieb gehen soll, wie ein Sprecher mitteilte.",
           "Die Bauarbeiten seien weitgehend abgeschlossen, nur an zwei Haltestellen werde noch gearbeitet, hieß es "
           "aus dem Rathaus am Nachmittag.",
           "Anwohner hatten sich über den Lärm der Baustellen beklagt, die Stadt versprach eine schnelle Lösung für "
           "alle betroffenen Straßen."],
    "ja": ["市の交通局は二十日、新しい地下鉄路線を来月から運行すると発表した。全線で十二の駅が設けられ、"
           "一日あたりの利用者は十万人を超える見込みだという。",
           "交通局の担当者によると、開業当初は四分間隔で運行し、朝夕の混雑時には増便する予定である。",
           "新路線は既存の三つの路線と接続し、駅構内で乗り換えができるようになる。"],
    "ko": ["서울시는 20일 새 지하철 노선이 다음 달부터 운행을 시작한다고 밝혔다. 전체 노선에는 열두 개의 역이 "
           "설치되며 하루 이용객은 십만 명을 넘을 것으로 예상된다.",
           "시 관계자는 개통 초기에는 사분 간격으로 열차를 운행하고 출퇴근 시간에는 증편할 계획이라고 말했다.",
           "새 노선은 기존 세 개 노선과 연결되어 역 안에서 환승할 수 있다."],
    "es": ["El Ayuntamiento anunció el martes que la nueva línea de tranvía entrará en servicio la próxima primavera, "
           "según informó un portavoz municipal.",
           "Las obras están prácticamente terminadas y solo quedan trabajos en dos paradas del recorrido, añadió el "
           "portavoz en una rueda de prensa.",
           "Los vecinos se habían quejado del ruido de las obras durante meses y la ciudad prometió una solución rápida."],
    "ru": ["Городские власти во вторник объявили, что новая трамвайная линия начнёт работать следующей весной, "
           "сообщил представитель мэрии.",
           "Строительные работы почти завершены, осталось закончить только две остановки на маршруте, добавил он.",
           "Жители несколько месяцев жаловались на шум стройки, и город пообещал быстро решить проблему."],
}

PAGES = [
    NAV_EN + ["Ferry service resumes after storm", "Updated: Jan 5, 2022, 10:05 IST", "Share on Facebook"] + BODY["en"]
    + ["Related stories", "* Storm closes ports", "* Islands count the cost", "Copyright © 2022 Example News"],
    NAV_EN + ["* Ferry service resumes after storm", "Ferry service resumes after storm", "By Ann Lee, staff writer",
              "Jan 5, 2022"] + BODY["en"],
    NAV_EN + ["Ferry service resumes after storm", "Ferry service resumes after storm", "2022-01-05 10:05"] + BODY["en"]
    + ["* About us", "* Contact", "* Site map"],
    NAV_EN + ["Storm keeps boats in port for a third day", "Ferry service resumes after storm",
              "Operator says timetable back to normal", "Jan 5, 2022 10:05"] + BODY["en"],
    NAV_ZH + ["地铁五号线月底开通试运营", "2021年06月20日 09:30 来源：示例日报", "微博 微信 分享"] + BODY["zh"]
    + ["相关新闻", "* 公交线路调整方案公布", "* 城东新区新建两所学校", "Copyright © 2021 示例日报 版权所有"],
    NAV_ZH + ["正在阅读：地铁五号线月底开通试运营", "地铁五号线月底开通试运营", "2021-06-20 09:30:00", "编辑：王明"] + BODY["zh"],
    NAV_ZH + ["地铁五号线月底开通试运营", "地铁五号线月底开通试运营", "2021-06-20 09:30:00"] + BODY["zh"]
    + ["* 关于我们", "* 联系我们", "* 网站地图"],
    NAV_DE + ["Neue Straßenbahnlinie soll im Frühjahr starten", "Stand: 05.01.2022 10:05 Uhr",
              "Von Anna Müller"] + BODY["de"] + ["Mehr zum Thema", "* Impressum", "* Datenschutz"],
    NAV_DE + ["Straßenbahn: Neue Linie im Frühjahr", "Straßenbahn: Neue Linie im Frühjahr", "05.01.2022"] + BODY["de"],
    NAV_JA + ["新しい地下鉄路線、来月から運行へ", "2022年1月5日 10:05", "シェア ツイート"] + BODY["ja"]
    + ["関連記事", "* 駅の工事が完了", "利用規約 プライバシー"],
    NAV_KO + ["새 지하철 노선 다음 달 운행 시작", "입력 2022.01.05 10:05", "김민수 기자"] + BODY["ko"]
    + ["많이 본 뉴스", "* 버스 노선 조정", "Copyright © 2022"],
    NAV_ES + ["La nueva línea de tranvía entrará en servicio en primavera", "05/01/2022 10:05",
              "Por María López"] + BODY["es"] + ["Noticias relacionadas", "* Aviso legal", "* Contacto"],
    NAV_RU + ["Новая трамвайная линия заработает весной", "05.01.2022 10:05", "Поделиться"] + BODY["ru"]
    + ["Читайте также", "* О проекте", "* Контакты"],
    # no candidate at all: only menus, labels, dates and URLs above the block
    NAV_EN + ["Latest:", "https://example.com/news/ferry", "2022-01-05", "Home > News > Ferries"] + BODY["en"],
    NAV_ZH + ["热点：", "www.example.cn/news", "2021-06-20"] + BODY["zh"],
    # ties: two lines of the same score, echoed lines, list copies
    NAV_EN + ["Ferry service resumes", "Ferry service resumes", "Ferry service resumes", "Jan 5, 2022"] + BODY["en"],
    NAV_EN + ["1. Ferry service resumes after storm", "2. Ferry service resumes after storm",
              "Ferry service resumes after storm in the north"] + BODY["en"],
    NAV_ES + ["Tranvía nuevo en primavera", "Sin fecha de apertura", "Tranvía nuevo en primavera", "05/01/2022"]
    + BODY["es"],
    # far from the block, where distance no longer counts: two headlines of the same shape
    NAV_EN + ["Ferry service resumes after storm", "Jan 5, 2022"] + NAV_EN + ["Storm closes all ports on coast",
                                                                             "Jan 4, 2022"] + NAV_EN + BODY["en"],
    NAV_JA + ["新しい地下鉄路線、来月から運行へ", "2022年1月5日"] + NAV_JA + ["駅の工事が予定通り完了した", "2022年1月4日"]
    + NAV_JA + NAV_JA + BODY["ja"],
    NAV_DE + ["Neue Straßenbahnlinie soll im Frühjahr starten"] + NAV_DE + ["Anwohner klagen über Baustellenlärm"]
    + NAV_DE + NAV_DE + BODY["de"],
]


def test_pruned_search_matches_the_full_search_on_written_pages(norm, compared):
    for page in PAGES:
        norm.normalize("\n".join(page) + "\n")
    assert compared["searches"] >= 5 * len(PAGES) // 2
    assert compared["tie"] and compared["none"]  # both cases were met


def test_pruned_search_matches_the_full_search_on_shared_pages(norm, compared):
    files = sorted(shared_path("corpus", "dates", "page").glob("*.txt"))[::40]
    for f in files:
        norm.normalize(f.read_bytes())
    assert compared["searches"] >= len(files)


POOL = [
    "Ferry service resumes after storm", "* Ferry service resumes after storm", "Storm closes all ports on coast",
    "地铁五号线月底开通试运营", "正在阅读：地铁五号线月底开通试运营", "新しい地下鉄路線、来月から運行へ", "새 지하철 노선 다음 달 운행 시작",
    "Neue Straßenbahnlinie soll im Frühjahr starten", "Tranvía nuevo en primavera", "Новая трамвайная линия заработает весной",
    "Jan 5, 2022 10:05", "2021年06月20日 09:30 来源：示例日报", "2022-01-05", "By Ann Lee, staff writer", "编辑：王明",
    "Home", "* News", "Home News Sport World Weather", "首页 新闻 财经 科技", "Home > News > Ferries", "Latest:",
    "https://example.com/news/ferry", "Share", "Operator says timetable back to normal.", "1. Storm closes all ports",
    "Passengers who had booked for the cancelled days can travel on any boat this week without paying extra.",
    "交通局负责人表示，开通初期列车最小行车间隔为四分钟，早晚高峰将视客流情况加开列车。", "Ferry service resumes",
]


def _random_page(rnd: random.Random) -> tuple[list[Line], Layout]:
    n = rnd.randint(1, 24)
    lines = []
    for i in range(n):
        role = rnd.choice([None, None, None, None, "header", "boilerplate", "body"])
        field = "share" if role == "boilerplate" and rnd.random() < 0.5 else None
        lines.append(Line(i, rnd.choice(POOL), 0, 0, role, field))
    weights = [weight(ln.text) for ln in lines]
    prose = [rnd.random() < 0.3 for _ in lines]
    return lines, Layout(prose, [False] * n, [False] * n, start=rnd.randrange(n), weights=weights)


def test_pruned_search_matches_the_full_search_on_random_pages():
    """Random pages from a small pool: many ties, echoes, list copies, header lines on either side."""
    rnd = random.Random(9)
    stats = {"tie": 0, "none": 0}
    for _ in range(3000):
        lines, lay = _random_page(rnd)
        best, best_s = title._best_line(title._Scan(lines, lay.weights), lay)
        assert ((best.index if best else None), best_s) == _slow_best(title._Scan(lines, lay.weights), lay, stats)
    assert stats["tie"] > 50 and stats["none"] > 50


def test_bound_never_below_the_score():
    """``_head``'s bound holds on lines of every shape (a line above, share buttons, headers around)."""
    texts = ["Home", "Ferry service resumes after storm", "* Ferry service resumes", "Jan 5, 2022 10:05",
             "By Ann Lee", "地铁五号线月底开通试运营", "正在阅读：地铁五号线月底开通试运营", "Share", "2022-01-05",
             "Neue Straßenbahnlinie soll im Frühjahr starten.", "Sports News World Business Weather",
             "새 지하철 노선 다음 달 운행 시작"]
    roles = [None, None, "header", None, "boilerplate", None, None, "header", None, None, None, None]
    fields = [None, None, None, None, "share", None, None, None, None, None, None, None]

    for shift in range(len(texts)):
        lines = [Line(i, texts[(i + shift) % len(texts)], 0, 0, roles[i], fields[i]) for i in range(len(texts))]
        scan = title._Scan(lines, [weight(ln.text) for ln in lines])
        for ln in lines:
            h = title._head(scan, ln, len(lines) - 1)
            slow = _slow_score(scan, ln, len(lines) - 1)
            if h is None:
                assert slow == -99.0
            else:
                assert slow <= h.s + h.room and title._score(scan, ln, len(lines) - 1) == slow


def test_echoes_read_from_the_page_match_the_scan_of_the_texts():
    """``_Scan.echoed`` finds the lines holding a text through its occurrences in the page and the spans."""
    rnd = random.Random(3)
    pieces = POOL + ["  indented line  ", "\t* Ferry service resumes after storm", "Ferry", "service resumes after",
                     "正在阅读：", "地铁五号线", "Ferry service resumes after storm (updated)", "x"]
    breaks = ["\n", "\n", "\r\n", "\n\n", "\u2028", "\r", " \n "]
    for _ in range(400):
        text = "".join(rnd.choice(pieces) + rnd.choice(breaks) for _ in range(rnd.randint(1, 14)))
        ledger = Ledger(text)
        lines = ledger.lines
        texts = [ln.text for ln in lines]
        scan = title._Scan(lines, [1.0] * len(lines), ledger.text)
        for ln in lines:
            other = rnd.choice(lines)   # and texts running over a line's end
            bodies = {ln.text, strip_marker(ln.text), ln.text[2:], ln.text[:-3], rnd.choice(pieces).strip(), "",
                      text[other.start + 1: other.end + 1], text[other.start: other.end + 2]}
            for body in bodies:
                assert scan.echoed(body, ln.index) == title._echoed(body, ln.index, texts), (body, texts)
