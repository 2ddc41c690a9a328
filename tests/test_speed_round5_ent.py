"""Round 5 entity shortcuts: each pre-test gives the same answer as the check it guards."""
from __future__ import annotations

from normalizer.entities import places
from normalizer.entities.matcher import Key

_KEY = Key("Seoul", (), (), (), False, "Latn", "Latn")
_TEXTS = [
    "Seoul National University said", "Seoul Administrationx", "Seoul Pharmaceutical-Co", "Seoul dollars", "x",
    "Hong Kong dollar.", "Hong Kong dollars,", "Hong Kong centsx", "Hong Kong cent", "Kent Powell reported",
    "Kent Ünal said", "Kent  Powell said", "Kent", "Kent Powell", "in Northern \nVirginia", "Northern Virginia",
    "Southwestern\nVirginia", "upstate Virginia", "Central  Virginia", "Seoul " + "A" * 40, "Seoul Bank",
    "Seoul Broadcasting", "Seoul Administrations", "Seoul Administration said", "Seoul Pharmaceutical", "Seoul Soccer-", "Bâle Straße Zoo", "Seoul Zoo\n",
]


def _org_follows_slow(text: str, e: int, key: Key) -> bool:
    j = e
    if text.startswith("'s", j) or text.startswith("’s", j):
        return False
    if not text.startswith(" ", j) or j + 1 >= len(text) or not text[j + 1].isupper():
        return False
    k = j + 1
    while k < len(text) and (text[k].isalpha() or text[k] == "-"):
        k += 1
    return text[j + 1:k] in places.ORG_WORDS_EN


def test_shortcuts_match_slow_paths() -> None:
    region = {"kind": "region", "country": "US", "name": "Virginia"}
    for text in _TEXTS:
        for e in range(len(text) + 1):
            assert places._org_follows(text, e, _KEY) == _org_follows_slow(text, e, _KEY), (text, e)
            assert places._currency(text, e) == (places._CURRENCY_RX.match(text, e) is not None), (text, e)
            slow = places._PERSON_NEXT_RX.match(text, e)
            want = bool(slow) and slow.group("w") not in places.DAYS_MONTHS | places.ORG_WORDS_EN | places._NOT_SURNAME
            assert places._person_next(text, e) == want, (text, e)
            if e >= 5:
                m = places._COMPASS_RX.search(text, max(0, e - 16), e)
                got = places._compass_region(region, text, e)
                assert (got is not None) == bool(m and m.group("w") != "Upstate"), (text, e)
