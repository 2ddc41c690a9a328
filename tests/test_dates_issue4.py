"""Issue 4: the article's head, lists and events, Solar Hijri dates, the dateparser fallback, a dateline's
day as the publication day, and the shipped CLDR word table.

Fixtures are written for these tests in the shapes real pages use (no text from ../shared)."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from normalizer import dates, datewords
from normalizer.dates_calendars import ascii_digits, solar_hijri_leap, solar_hijri_to_gregorian

PARA_DE = ("Der Stadtrat hat den neuen Haushalt nach einer langen Debatte am Dienstag beschlossen, wie "
           "mehrere Mitglieder des Rates nach der Sitzung am Abend gegenüber der Presse erklärten.")
PARA_EN = ("The city council approved the new budget on Tuesday after a long debate, several members of the "
           "council told reporters after the session ended late in the evening on the same day.")
PARA_FA = ("رئیس جمهور روز سه‌شنبه در جلسه هیئت دولت درباره بودجه سال آینده سخن گفت و گفت که دولت "
           "برنامه‌های تازه‌ای برای کاهش تورم و افزایش اشتغال در سال آینده دارد و آن را اجرا خواهد کرد.")
MENU = ["- Startseite", "- Politik", "- Wirtschaft", "- Sport", "- Kultur", "- Kontakt"]


def whole_page(head: list[str], para: str = PARA_DE, tail: list[str] | None = None) -> str:
    """A page: a menu, teaser lines, the article head, four paragraphs, a footer."""
    lines = MENU + ["Suche", "Anmelden"] + head + [para] * 4 + (tail or ["Impressum", "Datenschutz"])
    return "\n\n".join(lines) + "\n"


def pub(norm, text: str, **kw) -> dict | None:
    return norm.normalize(text, **kw)["published"]


# --- the date line over the article's first paragraph ------------------------------------------------------

def test_article_head_date_deep_in_a_page(norm):
    teasers = [f"Teaser Nummer {i} über etwas anderes" for i in range(40)]
    p = pub(norm, whole_page(teasers + ["Haushalt beschlossen", "14.03.2019"]))
    assert p["value"] == "2019-03-14" and p["rule"] == "dates.de.article_head"


def test_article_head_prefers_the_line_nearest_the_article(norm):
    p = pub(norm, whole_page(["Donnerstag, 9. November 2023", "Haushalt beschlossen", "3. November 2023 | Politik"]))
    assert p["value"] == "2023-11-03"


def test_head_date_in_a_menu_run_is_taken_back(norm):
    text = whole_page(["- Haushalt beschlossen", "- 13. Februar 2017", "- Politik"])
    rec = norm.normalize(text)
    assert rec["published"]["value"] == "2017-02-13"


def test_related_list_dates_are_not_the_publication(norm):
    items = []
    for i in range(1, 6):
        items += [f"Andere Meldung Nummer {i}", f"0{i}.02.2022"]
    text = "\n\n".join(["Haushalt beschlossen", PARA_DE, PARA_DE, "Weitere Meldungen"] + items) + "\n"
    assert pub(norm, text) is None


def test_lead_paragraph_opening_with_place_and_day(norm):
    text = "Haushalt beschlossen\n\nWien, 14. Dezember 2021 – " + PARA_DE + "\n\n" + PARA_DE + "\n"
    p = pub(norm, text)
    assert p["value"] == "2021-12-14" and p["rule"] == "dates.de.lead_paragraph"


def test_chronology_paragraphs_are_not_a_lead(norm):
    text = ("Zehn Jahre Blog\n\n" + PARA_EN + "\n\n8 August 2009: " + PARA_EN + "\n\n9 December 2009: "
            + PARA_EN + "\n")
    assert pub(norm, text) is None


@pytest.mark.parametrize("line", [
    "Protokoll der letzten Vorstandssitzung vom 5.8.2019",          # a phrase before "vom": the minutes' day
    "Aktionszeitraum: 21.10.2019 – 27.10.2019",                      # a range, both ends
    "am Samstag, 4.11. von 14 -20 Uhr und Sonntag, 5.11.2023 von 12 – 18 Uhr",  # opening hours
    "Version 3, 29 June 2007",                                       # a licence version
    '   "Timestamp": "2030-08-14 17:43:12",',                        # code
])
def test_event_and_boilerplate_dates_in_an_article_text(norm, line):
    text = "Vereinsnachrichten\n\n" + line + "\n\n" + PARA_DE + "\n\n" + PARA_DE + "\n"
    assert pub(norm, text) is None, line


def test_byline_am_is_not_an_event(norm):
    p = pub(norm, whole_page(["Haushalt beschlossen", "Frank Hahn am 18. September 2019"]))
    assert p["value"] == "2019-09-18"


def test_label_on_the_line_above(norm):
    p = pub(norm, whole_page(["Haushalt beschlossen", "Veröffentlicht:", "18.09.2019"]))
    assert p["value"] == "2019-09-18" and p["rule"] == "dates.label.published"
    assert pub(norm, whole_page(["Haushalt beschlossen", "Mitglied seit", "18.09.2019"])) is None


def test_byline_glued_to_a_sentence(norm):
    text = ("Ten easy dinners\n\nBy Ann Lee on 31 October, 2023 | 18 Comments. This post may contain affiliate "
            "links. As an associate I earn from qualifying purchases made through them.\n\n" + PARA_EN + "\n")
    p = pub(norm, text)
    assert p["value"] == "2023-10-31"
    assert pub(norm, "Ten easy dinners\n\n" + PARA_EN + " By March 5, 2020, the plan had failed.\n") is None


def test_edited_by_is_a_modification(norm):
    rec = norm.normalize(whole_page(["Haushalt beschlossen", "Posted on March 3, 2020",
                                     "Last edited by a moderator Oct 6, 2020"], PARA_EN))
    assert rec["published"]["value"] == "2020-03-03"
    assert rec["modified"]["value"] == "2020-10-06"


def test_copyright_after_a_labelled_date_does_not_cancel_it(norm):
    p = pub(norm, whole_page(["Haushalt beschlossen", "Veröffentlicht am 5. November 2023, 14:09 / ©Verlag"]))
    assert p["value"] == "2023-11-05T14:09:00"


def test_day_month_then_time_is_not_a_two_digit_year(norm):
    rows = [f"0{d}.11. 0{d}:20 Meldung {d}" for d in range(1, 5)]
    assert pub(norm, "Ticker\n\n" + "\n\n".join(rows) + "\n\n" + PARA_DE + "\n") is None


# --- Persian: digits and the Solar Hijri calendar ----------------------------------------------------------

@pytest.mark.parametrize("ymd,greg", [
    ((1402, 1, 1), (2023, 3, 21)),     # Nowruz 1402
    ((1403, 1, 1), (2024, 3, 20)),     # Nowruz after the leap year 1402/1403 boundary
    ((1404, 1, 1), (2025, 3, 21)),
    ((1403, 12, 30), (2025, 3, 20)),   # 1403 is a leap year: Esfand has 30 days
    ((1402, 10, 1), (2023, 12, 22)),   # 1 Dey
    ((1357, 11, 22), (1979, 2, 11)),
])
def test_solar_hijri_to_gregorian(ymd, greg):
    assert solar_hijri_to_gregorian(*ymd) == dt.date(*greg)


def test_solar_hijri_leap_years_and_invalid_days():
    assert [y for y in range(1390, 1410) if solar_hijri_leap(y)] == [1391, 1395, 1399, 1403, 1408]
    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(1402, 12, 30)  # 1402 is not a leap year
    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(1402, 7, 31)


def test_persian_digits_keep_length():
    s = "۱۴۰۲/۰۸/۱۵ ١٢:٣٠"
    assert ascii_digits(s) == "1402/08/15 12:30" and len(ascii_digits(s)) == len(s)


@pytest.mark.parametrize("header,value", [
    ("تاریخ انتشار: ۱۴۰۲/۰۸/۱۵ - ۱۴:۳۰", "2023-11-06T14:30:00+03:30"),
    ("سه‌شنبه ۱۶ آبان ۱۴۰۲ - ۱۰:۲۵", "2023-11-07T10:25:00+03:30"),
    ("کد خبر: ۱۲۳۴۵۶ | تاریخ: ۲۹ اسفند ۱۴۰۲", "2024-03-19"),
    ("تاریخ انتشار: 1402/08/15", "2023-11-06"),
])
def test_persian_headers(norm, header, value):
    text = f"عنوان خبر درباره بودجه\n\n{header}\n\n{PARA_FA}\n\n{PARA_FA}\n"
    p = pub(norm, text)
    assert p is not None and p["value"] == value
    assert text[p["span"][0]:p["span"][1]] == p["raw"]


def test_persian_update_label(norm):
    rec = norm.normalize(f"عنوان خبر\n\nبه‌روزرسانی: ۱۴۰۳/۰۱/۰۲ ساعت ۰۹:۱۵\n\n{PARA_FA}\n")
    assert rec["modified"]["value"].startswith("2024-03-21") and rec["published"] is None


# --- dateparser as a bounded fallback --------------------------------------------------------------------

def test_dateparser_reads_a_labelled_value_the_shapes_cannot(norm):
    p = pub(norm, "Titel der Meldung\n\nVeröffentlicht: Di., 3. Okt. 23, 14.30 Uhr\n\n" + PARA_DE + "\n")
    assert p["value"] == "2023-10-03T14:30:00" and p["rule"] == "dates.de.dateparser"


def test_dateparser_needs_a_written_year_and_no_relative_words(norm):
    assert pub(norm, "Titel\n\nAktualisiert: Dienstag, 3. Oktober, 14.30 Uhr\n\n" + PARA_DE + "\n") is None
    assert pub(norm, "Titel\n\nVeröffentlicht: vor 3 Tagen 14 23\n\n" + PARA_DE + "\n") is None


def test_dateparser_sees_only_a_bounded_value(monkeypatch, norm):
    seen: list[str] = []
    real = dates._dateparse.__wrapped__

    def spy(value, langs):
        seen.append(value)
        return real(value, langs)
    monkeypatch.setattr(dates, "_dateparse", spy)
    long_value = "Veröffentlicht: Di., 3. Okt. 23, 14.30 Uhr " + "x" * 200
    norm.normalize("Titel\n\n" + long_value[:120] + "\n\n" + PARA_DE + "\n")
    assert seen and all(len(v) <= dates.DP_VALUE for v in seen)


# --- a dateline's day as the publication day ---------------------------------------------------------------

WIRE = "SEOUL, April 28 (Yonhap) -- " + PARA_EN + "\n\n" + PARA_EN + "\n"


def test_dateline_day_needs_a_year(norm):
    assert pub(norm, WIRE) is None


def test_dateline_day_with_reference_date(norm):
    p = pub(norm, WIRE, reference_date="2008-04-29")
    assert p == {"value": "2008-04-28", "utc": None, "raw": "SEOUL, April 28 (Yonhap) --",
                 "rule": "dates.dateline_day+reference_year", "span": [0, 27]}


def test_dateline_day_with_its_year_written(norm):
    p = pub(norm, "LONDON, April 28, 2008 (AFP) - " + PARA_EN + "\n")
    assert p["value"] == "2008-04-28" and p["rule"] == "dates.dateline_day"


def test_dateline_day_with_a_header_year_but_not_a_copyright_year(norm):
    p = pub(norm, "Archive 2008\n\n" + WIRE)
    assert p["value"] == "2008-04-28" and p["rule"] == "dates.dateline_day+header_year"
    assert pub(norm, "© 2008 Yonhap\n\n" + WIRE) is None


def test_a_written_publication_wins_over_the_dateline(norm):
    p = pub(norm, "Posted on : 2008-04-30 12:52 KST\n\n" + WIRE, reference_date="2008-05-01")
    assert p["value"].startswith("2008-04-30")


# --- the shipped CLDR words ----------------------------------------------------------------------------------

def test_shipped_datewords_equal_what_the_script_builds():
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "scripts"))
    try:
        import build_datewords
    finally:
        sys.path.pop(0)
    assert datewords.DATA.read_text(encoding="utf-8") == build_datewords.render(datewords.build())


def test_datewords_fall_back_to_babel_without_the_file(monkeypatch, tmp_path):
    monkeypatch.setattr(datewords, "DATA", tmp_path / "missing.json")
    datewords._tables.cache_clear()
    try:
        assert datewords._tables()["months"]["april"] == 4
    finally:
        monkeypatch.undo()
        datewords._tables.cache_clear()


def test_process_starts_without_babel():
    code = ("import sys, normalizer; from normalizer import normalize; "
            "r = normalize('Titel\\n\\nVeröffentlicht am 28. April 2008\\n\\nText.'); "
            "assert r['published']['value'] == '2008-04-28', r['published']; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'babel')))")
    out = subprocess.run([sys.executable, "-c", "import json; " + code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
