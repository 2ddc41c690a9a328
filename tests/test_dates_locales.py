"""Issue 4 round 2: publication dates on whole pages in the languages news is written in.

Each fixture in ``fixtures/dates/`` is a page written for these tests in the shape news sites use (menu lines,
title, the date line in that language's usual form, body, a related list with dates, comments with
timestamps, a copyright line, an event date in the body). ``expected.json`` says what the page writes:
published/modified (local wall time, a bare day when only a day is written), the UTC instant when a zone is
written or implied, the language. Distractors (related lists, comments, events, copyright) must stay out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalizer import dates
from normalizer.dates_shapes import shapes
from normalizer.doc import Doc
from normalizer.lines import Ledger

DIR = Path(__file__).resolve().parent / "fixtures" / "dates"
EXPECTED = json.loads((DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_locale_page(norm, name):
    want = EXPECTED[name]
    text = (DIR / name).read_text(encoding="utf-8")
    rec = norm.normalize(text, source=None)
    assert rec["language"]["code"] == want["language"]
    for field in ("published", "modified"):
        got, exp = rec[field], want.get(field)
        if exp is None:
            assert got is None, f"{field}: {got}"
            continue
        assert got is not None, f"{field} missing"
        if len(exp) == 10:
            assert got["value"] == exp
        else:
            assert got["value"].startswith(exp + ":"), got
        if want.get(f"{field}_utc"):
            assert got["utc"] == want[f"{field}_utc"]
        # evidence: the raw text is the span of the input
        s, e = got["span"]
        assert text[s:e] == got["raw"]


def test_distractor_days_never_chosen(norm):
    """No fixture answers with a day of its related list, comments or copyright (12, 11 March; 16 March)."""
    for name in EXPECTED:
        rec = norm.normalize((DIR / name).read_text(encoding="utf-8"))
        for field in ("published", "modified"):
            v = rec[field]
            if v:
                assert v["value"][:10] not in {"2024-03-12", "2024-03-11", "2024-03-16", "2024-04-01"}, name


# --- shapes, one at a time ---------------------------------------------------------------------------------

PARA = ("Die Stadt hat am Donnerstag nach einer langen Debatte den neuen Haushalt beschlossen, wie mehrere "
        "Mitglieder des Rates nach der Sitzung am Abend gegenüber der Presse erklärten und betonten.")


def page(date_line: str, para: str = PARA) -> str:
    return "\n".join(["Start", "Politik", "Sport", "Haushalt beschlossen", date_line, para, para, "© 2024"]) + "\n"


@pytest.mark.parametrize("line,value", [
    ("14 Mart 2024 Perşembe 10:15", "2024-03-14T10:15"),          # weekday between day and time
    ("Donnerstag, 14. März 2024, 10:15 Uhr", "2024-03-14T10:15"),
    ("14. März 2024 Berlin 10:15", "2024-03-14"),                  # not a weekday: no time of the date
])
def test_weekday_between_date_and_time(norm, line, value):
    p = norm.normalize(page(line))["published"]
    assert p["value"][:len(value)] == value and (len(value) > 10 or len(p["value"]) == 10)


def test_levantine_two_word_month(norm):
    sh = shapes(norm.rules)
    hits = dates._find(sh, "نشر في ١٠ كانون الثاني ٢٠٢٥".translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    assert any(g.get("mw") == "كانون الثاني" for _, g in hits)
    assert dates.month_number("كانون\xa0الثاني") == 1 and dates.month_number("آذار") == 3


def test_arabic_and_vietnamese_half_days(norm):
    base = {"y": "2024", "m": "3", "d": "14", "H": "10", "M": "15"}
    d = Doc("x", Ledger("x"), norm.rules)
    for word, hour in (("م", 22), ("ص", 10), ("CH", 22), ("SA", 10), ("p.m.", 22)):
        assert dates.to_value(d, {**base, "ampm": word}, "r", (0, 1), "t")["value"].startswith(f"2024-03-14T{hour}:15")


def test_fact_box_date_is_not_the_publication(norm):
    box = ["Buchinfos:", "ISBN: 9783000000000", "Seiten: 448", "Verlag: Beispiel", "Erscheinungsdatum: 14.08.2017",
           "Preis: 12,99 € (D)"]
    text = "\n".join(["Rezension: Ein Roman über den Sommer", PARA, *box, PARA, "© 2024"]) + "\n"
    assert norm.normalize(text)["published"] is None


def test_article_meta_block_date_still_counts(norm):
    meta = ["Autor: Max Beispiel", "Erscheinungsdatum: 14.08.2017", "Rubrik: Politik"]
    text = "\n".join(["Start", "Haushalt beschlossen", *meta, PARA, PARA, "© 2024"]) + "\n"
    assert norm.normalize(text)["published"]["value"] == "2017-08-14"


def test_name_particle_is_not_a_byline_label(norm):
    lines = ["Podcast", "Folge 12: Über Bücher", "Nicole Collignon22. Februar 2020", PARA,
             "Folge 11: Über Filme", "Romana von Mengershausen20. November 2018", "© 2024"]
    p = norm.normalize("\n".join(lines) + "\n")["published"]
    assert p["value"] == "2020-02-22"


def test_article_date_then_paragraphs_then_related_list(norm):
    """The date line over a short article is not an item of the related list below it."""
    related = [f"Andere Meldung {i} 1{i}.03.2024" for i in range(1, 4)]
    text = "\n".join(["Start", "Politik", "Haushalt beschlossen", "14.03.2024 10:15", PARA, PARA, "Mehr zum Thema",
                      *related, "© 2024"]) + "\n"
    assert norm.normalize(text)["published"]["value"].startswith("2024-03-14T10:15")


def test_blog_feed_dates_stay_a_list(norm):
    """Dated posts one under the other (each with its text) remain a list: the first is not chosen because
    the second is alone."""
    posts = []
    for d in ("19. Juli 2014", "9. Mai 2013", "22. Dezember 2012", "14. Dezember 2012"):
        posts += [f"[Samstag, {d}]", "Ein Titel", PARA]
    rec = norm.normalize("\n".join(["Neuigkeiten", *posts, "Kontakt"]) + "\n")
    assert rec["published"] is None or rec["published"]["value"] == "2014-07-19"


def test_glued_comment_count_after_the_year(norm):
    p = norm.normalize(page("06/11/20230 Kommentare"))["published"]
    assert p["value"] == "2023-11-06"


ARABIC_BODY = ("قال وزير الخارجية اليوم في القاهرة إن المحادثات مع الوفد كانت مثمرة وإن الجانبين اتفقا على "
               "مواصلة الحوار خلال الأسابيع المقبلة.\n")
PERSIAN_BODY = ("به گزارش خبرگزاری، رئیس جمهور امروز در تهران با وزیر امور خارجه دیدار کرد و درباره مسائل "
                "منطقه گفتگو کرد.\n")


def test_lunar_hijri_numeric_date_on_an_arabic_page_is_not_read_as_solar(norm):
    """``1445/09/04`` on an Arabic page is a lunar Hijri date: neither the Solar Hijri shapes nor the
    dateparser fallback may turn it into a Gregorian day (it stays null)."""
    rec = norm.normalize("الأخبار\nنشر في: ١٤٤٥/٠٩/٠٤\n" + ARABIC_BODY)
    assert rec["language"]["code"] == "ar"
    assert rec["published"] is None


def test_solar_hijri_numeric_date_on_a_persian_page(norm):
    rec = norm.normalize("خبرگزاری\nتاریخ انتشار: ۱۴۰۳/۰۱/۲۵ - ۱۰:۱۵\n" + PERSIAN_BODY)
    assert rec["language"]["code"] == "fa"
    assert rec["published"]["value"] == "2024-04-13T10:15:00+03:30"


def test_arabic_indic_digits_with_a_gregorian_month_on_an_arabic_page(norm):
    rec = norm.normalize("الأخبار\nنشر في: الخميس ١٤ آذار ٢٠٢٤ - ١٠:١٥\n" + ARABIC_BODY)
    assert rec["published"]["value"].startswith("2024-03-14T10:15")
