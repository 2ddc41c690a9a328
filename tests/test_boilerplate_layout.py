"""The main-block finder on lines of text alone, and regression guards on the shared corpora."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import shared_path

from normalizer.layout import analyze, glued_teaser, hard_wrapped, weight

PROSE = "The committee met on Tuesday to discuss the proposal, and members agreed to publish a full report next month."


def _lay(lines, sections=("Related",), comments=("3 comments",)):
    return analyze(lines, lambda t: t in sections or t in comments, lambda t: t in comments)


def test_weight_counts_cjk_characters():
    assert weight("one two three") == 3
    assert 9 < weight("记者从市交通局获悉，城市地铁五号线将于本月底开通试运营") < 13


def test_main_block_skips_menus_and_teasers():
    lines = ["* Home", "* News", "* Sport", "Headline of the story", PROSE, PROSE + " More.", PROSE + " Again.",
             "Related", "* Teaser one about something else", "* Teaser two about another thing"]
    lay = _lay(lines)
    assert [i for i, m in enumerate(lay.main) if m] == [4, 5, 6]


def test_main_block_bridges_an_inline_related_box():
    lines = ["* Home", "* News", PROSE, PROSE + " A.", PROSE + " A2.", "Related", "Other headline one",
             "Other headline two", PROSE + " B.", PROSE + " C.", "* Footer link", "* Another link"]
    lay = _lay(lines)
    assert [i for i, m in enumerate(lay.main) if m] == [2, 3, 4, 8, 9]


def test_comment_thread_is_not_article():
    lines = ["Title", PROSE, PROSE + " A.", "3 comments"] + [PROSE + f" Comment {i}." for i in range(6)]
    lay = _lay(lines)
    assert [i for i, m in enumerate(lay.main) if m] == [1, 2]


def test_glued_teaser_and_hard_wrap():
    assert glued_teaser("Police Arrest Two After Downtown RobberyA 24-year-old man was arrested on Monday")
    assert not glued_teaser("Singer Michael McDonald will tour with the band next year")
    assert hard_wrapped([62, 60, 58, 61, 63, 59, 30, 60])
    assert not hard_wrapped([120, 15, 300, 8, 45])


def _evaluate(folder: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "normalizer.evaluate", folder, "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.splitlines()[-1])["figures"]


def test_extraction_corpus_body_lines():
    figs = _evaluate(str(shared_path("corpus", "extraction")))
    assert figs["body_line_f1"] >= 0.85


def test_wire_corpus_boilerplate_and_titles():
    figs = _evaluate(str(shared_path("corpus", "wire")))
    assert figs["boilerplate_line_f1"] >= 0.85
    assert figs["title_accuracy"] >= 0.95


def test_pages_corpus_titles_and_kinds():
    figs = _evaluate(str(shared_path("corpus", "pages")))
    assert figs["title_accuracy"] >= 0.85
    assert figs["boilerplate_kind_recall"] >= 0.90
