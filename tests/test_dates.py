"""Publication and modification times: shapes per locale, zones, which date is the publication.

Fixtures are written for these tests in the shapes real pages use (no text from ../shared)."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import shared_path

from normalizer import dates
from normalizer.dates_zones import zone_for
from normalizer.doc import Doc
from normalizer.lines import Ledger

BODY = {
    "en": "The city council approved the new budget on Tuesday after a long debate, officials said.",
    "de": "Der Stadtrat hat den neuen Haushalt nach einer langen Debatte am Dienstag beschlossen.",
    "fr": "Le conseil municipal a adopté le nouveau budget mardi après un long débat, selon les élus.",
    "es": "El ayuntamiento aprobó el nuevo presupuesto el martes tras un largo debate, dijeron fuentes.",
    "it": "Il consiglio comunale ha approvato il nuovo bilancio martedì dopo un lungo dibattito in aula.",
    "pt": "A câmara municipal aprovou o novo orçamento na terça-feira depois de um longo debate.",
    "nl": "De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting goedgekeurd, zeiden ze.",
    "ru": "Городской совет во вторник после долгих споров утвердил новый бюджет, сообщили депутаты.",
    "uk": "Міська рада у вівторок після довгих суперечок затвердила новий бюджет, повідомили депутати.",
    "pl": "Rada miasta po długiej debacie zatwierdziła we wtorek nowy budżet, poinformowali radni.",
    "tr": "Belediye meclisi salı günü uzun bir tartışmanın ardından yeni bütçeyi onayladı, dediler.",
    "ko": "시의회는 화요일 긴 논쟁 끝에 새 예산안을 통과시켰다고 관계자들이 밝혔다.",
    "ja": "市議会は火曜日、長い議論の末に新しい予算案を可決したと関係者が明らかにした。",
    "zh": "市议会周二经过长时间辩论后通过了新的预算案，有关官员表示。",
}


def page(header: str, lang: str = "en", title: str = "Council passes budget") -> str:
    return f"{title}\n\n{header}\n\n{BODY[lang]}\n\n{BODY[lang]}\n"


def pub(norm, text: str, **kw) -> dict | None:
    return norm.normalize(text, **kw)["published"]


# --- shapes of each locale ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,header,value", [
    ("en", "Published: April 28, 2008 at 12:52 p.m. ET", "2008-04-28T12:52:00-04:00"),
    ("en", "Posted on 28 April 2008", "2008-04-28"),
    ("de", "Veröffentlicht am 28.04.2008, 12:52 Uhr", "2008-04-28T12:52:00"),
    ("de", "Stand: 28.04.2008 12:52 Uhr", "2008-04-28T12:52:00"),
    ("de", "Erstellt am 28. April 2008", "2008-04-28"),
    ("fr", "Publié le 28 avril 2008 à 12:52", "2008-04-28T12:52:00"),
    ("es", "Publicado el 28 de abril de 2008", "2008-04-28"),
    ("it", "Pubblicato il 28 aprile 2008", "2008-04-28"),
    ("pt", "Publicado em 28 de abril de 2008", "2008-04-28"),
    ("nl", "Gepubliceerd op 28 april 2008", "2008-04-28"),
    ("ru", "Опубликовано 28 апреля 2008, 12:52 МСК", "2008-04-28T12:52:00+04:00"),
    ("uk", "Опубліковано 28 квітня 2008", "2008-04-28"),
    ("pl", "Data publikacji: 28 kwietnia 2008", "2008-04-28"),
    ("tr", "Yayınlanma: 28.04.2008 12:52 TSİ", "2008-04-28T12:52:00+03:00"),
    ("ko", "입력 2008.04.28 오후 12:52", "2008-04-28T12:52:00+09:00"),
    ("ko", "기사입력 2008-04-28 오전 9:05", "2008-04-28T09:05:00+09:00"),
    ("ja", "2008年4月28日 12時52分 公開", "2008-04-28T12:52:00+09:00"),
    ("ja", "公開日：2008年04月28日 午後1:05", "2008-04-28T13:05:00+09:00"),
    ("zh", "发布时间：2008年04月28日 12:52", "2008-04-28T12:52:00+08:00"),
    ("zh", "2008-04-28 12:52:33 来源：新华网", "2008-04-28T12:52:33+08:00"),
])
def test_locale_shapes(norm, lang, header, value):
    p = pub(norm, page(header, lang))
    assert p is not None, header
    assert p["value"] == value
    assert p["raw"] and p["rule"] and p["span"][1] > p["span"][0]


def test_evidence_span_points_at_raw(norm):
    text = page("Published: April 28, 2008 at 12:52 p.m. ET")
    p = pub(norm, text)
    assert text[p["span"][0]:p["span"][1]] == p["raw"]
    assert p["utc"] == "2008-04-28T16:52:00Z"


def test_published_and_modified(norm):
    r = norm.normalize(page("입력 2008.04.28 오전 9:05 수정 2008.04.28 오후 3:10", "ko"))
    assert r["published"]["value"] == "2008-04-28T09:05:00+09:00"
    assert r["modified"]["value"] == "2008-04-28T15:10:00+09:00"


def test_only_update_time_leaves_published_null(norm):
    r = norm.normalize(page("更新時間 2008年4月28日 12:52", "ja"))
    assert r["published"] is None
    assert r["modified"]["value"] == "2008-04-28T12:52:00+09:00"


def test_source_header_rule_with_kst(norm):
    text = page("Posted on : 2008-04-28 12:52 KST Modified on : 2008-04-29 08:00 KST")
    r = norm.normalize(text, source="hankyoreh")
    assert r["published"]["value"] == "2008-04-28T12:52:00+09:00"
    assert r["published"]["utc"] == "2008-04-28T03:52:00Z"
    assert r["modified"]["value"] == "2008-04-29T08:00:00+09:00"


def test_written_offset_and_iso(norm):
    p = pub(norm, page("2011-10-02T10:00:00+0900", "ja"))
    assert p["value"] == "2011-10-02T10:00:00+09:00"


def test_bare_date_stays_bare(norm):
    p = pub(norm, page("Published: 2008-04-28"))
    assert p["value"] == "2008-04-28" and p["utc"] is None


def test_era_year():
    assert dates._ymd({"ey": "113", "m": "1", "d": "2"}, None) == (2024, 1, 2)


# --- time zones -----------------------------------------------------------------------------------------

def _doc(norm, lang: str | None, source: dict | None = None) -> Doc:
    d = Doc("x", Ledger("x"), norm.rules)
    d.language, d.source = lang, source
    return d


@pytest.mark.parametrize("abbr,lang,country,offset", [
    ("CST", "zh-Hans", None, 8),
    ("CST", "en", None, -6),
    ("CST", "en", "CN", 8),
    ("IST", "en", None, 5.5),
    ("IST", "en", "IE", 1),      # Irish summer time, in July
    ("KST", "en", None, 9),
    ("JST", "ja", None, 9),
    ("ET", "en", None, -4),      # July: EDT
    ("UTC+8", "en", None, 8),
    ("+0530", "en", None, 5.5),
])
def test_zone_abbreviations(norm, abbr, lang, country, offset):
    src = {"id": "x", "country": country, "languages": [lang.split("-")[0]]} if country else None
    tz, rule = zone_for(abbr, _doc(norm, lang, src))
    assert tz is not None and rule
    assert dt.datetime(2020, 7, 1, 12, tzinfo=tz).utcoffset() == dt.timedelta(hours=offset)


def test_dst_by_date(norm):
    winter = pub(norm, page("Published: January 15, 2008 at 9:00 a.m. ET"))
    summer = pub(norm, page("Published: July 15, 2008 at 9:00 a.m. ET"))
    assert winter["value"] == "2008-01-15T09:00:00-05:00"
    assert summer["value"] == "2008-07-15T09:00:00-04:00"


def test_home_zone_is_inferred_and_named(norm):
    p = pub(norm, page("发布时间：2008年04月28日 12:52", "zh"))
    assert "zone.inferred" in p["rule"]
    assert p["utc"] == "2008-04-28T04:52:00Z"


def test_no_zone_known_keeps_local_time(norm):
    p = pub(norm, page("Veröffentlicht am 28.04.2008, 12:52 Uhr", "de"))
    assert p["value"] == "2008-04-28T12:52:00" and p["utc"] is None


# --- which date is the publication -----------------------------------------------------------------------

def test_date_in_body_sentence_is_an_event(norm):
    text = ("Council passes budget\n\nThe council met on April 28, 2008 and approved the plan after a long "
            "debate that lasted most of the day, officials said.\n\n" + BODY["en"] + "\n")
    assert pub(norm, text) is None


def test_copyright_year_not_taken(norm):
    text = page("By Jane Doe") + "\nCopyright © 2008 Example Media. All rights reserved.\n"
    assert pub(norm, text) is None


def test_footer_copyright_with_full_date_not_taken(norm):
    text = page("By Jane Doe") + "\nCopyright © 28.04.2008 Example Media GmbH\n"
    assert pub(norm, text) is None


def test_related_list_dates_not_taken(norm):
    related = "\n".join(f"* Another story about the city {d}" for d in
                        ("2008-04-20", "2008-04-21", "2008-04-22", "2008-04-23"))
    text = "Council passes budget\n\n" + BODY["en"] + "\n\nRelated articles\n" + related + "\n"
    assert pub(norm, text) is None


def test_comment_dates_not_taken(norm):
    text = page("By Jane Doe") + "\nComments\nReply\njohn wrote: 2008-04-29 10:00 great article\n"
    assert pub(norm, text) is None


def test_header_line_claimed_body_line_not(norm):
    text = page("Published: April 28, 2008")
    r = norm.normalize(text)
    assert "Published: April 28, 2008" not in (r["body"] or "")
    text2 = ("Council passes budget\n\nPublished: April 28, 2008 — the council approved the new budget on "
             "Tuesday after a long debate in which many members spoke, officials said late on Tuesday night.\n")
    r2 = norm.normalize(text2)
    assert "the council approved" in (r2["body"] or "")


def test_today_widget_skipped_for_article_day(norm):
    text = ("Thursday, November 9, 2023\n\nHome\nNews\n\nCouncil passes budget\n\nNovember 8, 2023\n\n"
            + BODY["en"] + "\n\n" + BODY["en"] + "\n")
    assert pub(norm, text)["value"] == "2023-11-08"


# --- relative times -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,header,ref,value", [
    ("en", "Updated 3 hours ago", "2024-03-05T12:00:00+00:00", ("modified", "2024-03-05T09:00:00+00:00")),
    ("de", "Veröffentlicht gestern", "2024-03-05", ("published", "2024-03-04")),
    ("ja", "1 時間前", "2024-03-05T12:00:00+09:00", ("published", "2024-03-05T11:00:00+09:00")),
    ("ko", "입력 어제", "2024-03-05", ("published", "2024-03-04")),
    ("ja", "公開 昨日", "2024-03-05", ("published", "2024-03-04")),
])
def test_relative_with_reference(norm, lang, header, ref, value):
    r = norm.normalize(page(header, lang), reference_date=ref)
    field, want = value
    assert r[field] is not None and r[field]["value"] == want
    assert r[field]["rule"].endswith(".relative")


def test_relative_without_reference_is_null_with_warning(norm):
    r = norm.normalize(page("Updated 3 hours ago"))
    assert r["published"] is None and r["modified"] is None
    assert any("reference_date" in w for w in r["warnings"])


def test_deterministic_and_no_crash(norm):
    for text in ("2008-02-30 12:99", "Published: 31.02.2008", "Juche 999.99.99.", "\x00" * 50,
                 "Published " + "2008-" * 2000, "年月日" * 1000):
        a, b = norm.normalize(text), norm.normalize(text)
        assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


# --- the shared corpora (skipped in a clone without ../shared) --------------------------------------------

def test_wire_published(norm):
    folder = shared_path("corpus", "wire")
    ok = n = fp = 0
    for gold_path in sorted(folder.glob("*.json")):
        g = json.loads(gold_path.read_text(encoding="utf-8"))
        r = norm.normalize(gold_path.with_suffix(".txt").read_bytes())
        got = (r["published"] or {}).get("value")
        if g.get("published"):
            n += 1
            ok += got is not None and got[:16] == g["published"][:16]
        elif got:
            fp += 1
    assert fp == 0 and ok / n >= 0.95


def test_time_stacked_over_three_header_lines(norm):
    """A portal header that prints year, month/day and time on lines of their own."""
    text = ("首页\n新闻\n儿童公园下月开放\n2019\n09/07\n19:02\n示例新闻\n分享\n"
            "市规划部门表示，儿童公园将于下月正式向市民开放，园内设施已经全部完成安装和检测。\n"
            "负责人介绍，公园开放后将实行预约入园，以保证游客的游览体验和安全。\n")
    rec = norm.normalize(text, source="tencent")
    assert rec["published"]["value"] == "2019-09-07T19:02:00+08:00"
    assert rec["published"]["rule"].startswith("dates.und.stacked_lines")
    roles = [r for _s, _e, r, how in rec["lines"] if how == "published"]
    assert roles == ["header", "header", "header"]
    # the same lines as a sentence of numbers inside the body are not a publication time
    body_only = "Scores\n\nThe team scored 2019 points in total over the season, the league said on Monday.\n"
    assert norm.normalize(body_only)["published"] is None
