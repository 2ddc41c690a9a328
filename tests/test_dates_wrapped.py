"""Hard-wrapped wire copy (lines of ~65 characters, as in old wire archives): dates in the story are
events, deadlines and fiscal periods, never the publication; a dateline's day needs a known year."""
from __future__ import annotations

STORY = """ACME STEEL <ACS> SEES FLAT VOLUMES IN 1987
PITTSBURGH, March 4 - Acme Steel Corp said it expected
shipment volumes to be flat in 1987 but said operating profit
would rise as costs fall.
    The company said claims filed with the court had to be
completed by June 30, 1986, or they would be set aside.
    Year ended December 31, 1986.
    At Feb 28, 1987, the redemption value was about 15 dlrs
per depositary receipt, it said.
"""


def test_dates_inside_a_wrapped_story_are_not_the_publication(norm):
    rec = norm.normalize(STORY)
    assert rec["dateline"]["raw"].startswith("PITTSBURGH, March 4")
    assert rec["published"] is None, rec["published"]


def test_deadline_after_by_is_not_a_byline(norm):
    rec = norm.normalize("Court sets claims deadline\nThe claims must be sent in\nby June 30, 1986, the court said.\n"
                         "The ruling covers every claimant in the state and was welcomed by lawyers.\n")
    assert rec["published"] is None, rec["published"]


def test_byline_with_a_name_still_dates_the_story(norm):
    rec = norm.normalize("Court sets claims deadline\nBy Ann Lee, June 30, 2016\n"
                         "The claims must be sent in before the end of the year, the court said on Monday "
                         "in a ruling welcomed by lawyers.\n")
    assert rec["published"]["value"] == "2016-06-30"


def test_dateline_day_takes_a_year_written_alone_above_it(norm):
    text = "2008\nHarbour reopens\nSEOUL, April 28 (Yonhap) -- The harbour reopened on Monday after repairs.\n"
    rec = norm.normalize(text)
    assert rec["published"]["value"] == "2008-04-28"
    assert rec["published"]["rule"] == "dates.dateline_day+header_year"


def test_dateline_day_does_not_take_a_year_from_the_title_or_story(norm):
    rec = norm.normalize(STORY.replace("ACME STEEL <ACS> SEES FLAT VOLUMES IN 1987", "ACME STEEL <ACS> YEAR 1986"))
    assert rec["published"] is None, rec["published"]
