"""Every kind of user rule regex runs under the time limit: a pathological pattern is cut, the warning
names the rule, and the document still gets a complete record."""
from __future__ import annotations

import pytest

from normalizer import Normalizer

# Catastrophic backtracking on a run of "a" not followed by a digit.
SLOW = "'^(a|a)*\\d$'"
TEXT = ("Harbour news\n" + "a" * 40 + " 2008\n"
        "The ferry will run at night from May, Slow News reported.\n")
SOURCE_HEAD = ('id = "slownews"\nname = "Slow News"\nlanguages = ["en"]\n\n'
               '[[detect]]\nname = "slownews.name"\nwhere = "any"\nweight = 1.0\npattern = \'Slow News\'\n\n')

SOURCE_KINDS = {
    "detect": f'[[detect]]\nname = "slow.rule"\nwhere = "any"\nweight = 0.1\npattern = {SLOW}\n',
    "headers": f'[[headers]]\nname = "slow.rule"\nfield = "published"\npattern = {SLOW}\n',
    "datelines": f'[[datelines]]\nname = "slow.rule"\npattern = {SLOW}\n',
    "boilerplate": f'[[boilerplate]]\nname = "slow.rule"\nkind = "other"\npattern = {SLOW}\n',
    "bylines": f'[[bylines]]\nname = "slow.rule"\npattern = {SLOW}\n',
}
LOCALE_KINDS = {
    "dates.date_patterns": f'[[dates.date_patterns]]\nname = "slow.rule"\nfield = "published"\npattern = {SLOW}\n',
    "boilerplate.rules": f'[[boilerplate.rules]]\nname = "slow.rule"\nkind = "other"\npattern = {SLOW}\n',
    "boilerplate.section_starts": (f'[[boilerplate.section_starts]]\nname = "slow.rule"\nkind = "related"\n'
                                   f'pattern = {SLOW}\n'),
    "datelines.rules": f'[[datelines.rules]]\nname = "slow.rule"\npattern = {SLOW}\n',
    "names.byline_patterns": f'[[names.byline_patterns]]\nname = "slow.rule"\npattern = {SLOW}\n',
}


def _check(rec: dict) -> None:
    assert rec["ok"] is True, rec
    assert any("slow.rule" in w and "time limit" in w for w in rec["warnings"]), rec["warnings"]
    assert len(rec["lines"]) == 3 and all(role for _, _, role, _ in rec["lines"])


@pytest.mark.parametrize("kind", sorted(SOURCE_KINDS))
def test_source_rule_is_cut_and_named(tmp_path, kind):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "slownews.toml").write_text(SOURCE_HEAD + SOURCE_KINDS[kind], encoding="utf-8")
    _check(Normalizer([tmp_path]).normalize(TEXT))


@pytest.mark.parametrize("kind", sorted(LOCALE_KINDS))
def test_locale_rule_is_cut_and_named(tmp_path, kind):
    # A user ``und`` locale applies to every document whatever its language.
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "und.toml").write_text('[locale]\ncode = "und"\n\n' + LOCALE_KINDS[kind],
                                                   encoding="utf-8")
    _check(Normalizer([tmp_path]).normalize(TEXT))


def test_combined_first_pass_does_not_hide_the_rule_name(tmp_path):
    """Boilerplate rules are tried through one combined regex first; when that is cut, the warning still
    names the user's rule and not the combined pass."""
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "und.toml").write_text('[locale]\ncode = "und"\n\n' + LOCALE_KINDS["boilerplate.rules"],
                                                   encoding="utf-8")
    rec = Normalizer([tmp_path]).normalize(TEXT)
    assert not any("boilerplate.any" in w for w in rec["warnings"]), rec["warnings"]


def test_relative_time_rule_is_cut_and_named(tmp_path):
    """A locale's ``dates.relative.ago`` pattern runs under the time limit like every other rule."""
    (tmp_path / "locales").mkdir()
    slow = "'^(?P<n>a|a)*(?P<unit>\\d)$'"
    (tmp_path / "locales" / "en.toml").write_text(
        f'[locale]\ncode = "en"\n\n[dates.relative]\nago = {slow}\n', encoding="utf-8")
    rec = Normalizer([tmp_path]).normalize(TEXT)
    assert rec["ok"] is True, rec
    assert any("dates.en.relative" in w and "time limit" in w for w in rec["warnings"]), rec["warnings"]
