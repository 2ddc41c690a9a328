"""Property tests: whatever the input, ``normalize`` returns a valid, complete, deterministic record.

The same checks run at volume in ``scripts/fuzz.py`` (>= 100,000 inputs); CI runs a few hundred here.
"""
from __future__ import annotations

import sys

import orjson
import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "scripts"))
import fuzz  # noqa: E402

CI_SETTINGS = settings(max_examples=120, deadline=None, database=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@CI_SETTINGS
@given(fuzz.news_text())
def test_news_shaped_text(norm, data):
    fuzz.check(norm, data)


@CI_SETTINGS
@given(st.text(max_size=400))
def test_any_unicode(norm, data):
    fuzz.check(norm, data)


@CI_SETTINGS
@given(st.one_of(st.binary(max_size=400), fuzz.encoded()))
def test_any_bytes(norm, data):
    fuzz.check(norm, data)


@pytest.mark.parametrize("value", [None, 42, 3.5, ["a"], {"text": "x"}, object()])
def test_non_text_gives_error_record(norm, value):
    rec = norm.normalize(value)
    assert rec["ok"] is False and rec["error"]["type"] == "BadInput"
    orjson.dumps(rec)


@pytest.mark.parametrize("ref", ["not a date", 12, "2020-13-45"])
def test_bad_reference_date_gives_error_record(norm, ref):
    rec = norm.normalize("Title\nBody line here.", reference_date=ref)
    assert rec["ok"] is False and rec["error"]["type"] == "BadArgument"


def test_pathological_user_regex_is_cut_and_recorded(tmp_path):
    """A user rule with catastrophic backtracking is stopped by the time limit, noted, and the run goes on."""
    from normalizer import Normalizer
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "slownews.toml").write_text(
        'id = "slownews"\nname = "Slow News"\nlanguages = ["en"]\n\n'
        '[[detect]]\nname = "slownews.detect"\nwhere = "any"\nweight = 1.0\npattern = \'^(a|a)*$\'\n\n'
        '[[boilerplate]]\nname = "slownews.footer"\nkind = "other"\npattern = \'^(a|a)*$\'\n',
        encoding="utf-8")
    norm = Normalizer([tmp_path])
    rec = norm.normalize("Harbour news\n" + "a" * 40 + "!\nThe ferry will run at night from May.\n")
    assert rec["ok"] is True
    assert any("slownews." in w and "time limit" in w for w in rec["warnings"]), rec["warnings"]
    assert len(rec["lines"]) == 3 and all(role for _, _, role, _ in rec["lines"])


def test_huge_line_and_many_lines(norm):
    text = "Title\n" + "x" * 200_000 + "\n" + "\n".join(f"line {i} of the body" for i in range(3000))
    rec = norm.normalize(text)
    assert rec["ok"] and len(rec["lines"]) == 3002
