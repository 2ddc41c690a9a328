"""English wire-story classes on fixtures written for the project: credit lines, US states and New York,
currencies, organization names, town names that are people's first names, kinship appositives."""
from __future__ import annotations

from normalizer import gazetteer


def names(items):
    return [x["name"] for x in items]


CREDITS = """Storm shuts ports along the coast

HALDEN, Norway (Reuters) - A storm closed three ports in Norway on Monday, port officials said.

"We expect to reopen on Wednesday," harbour master Ola Brekke said.

(Reporting by Charlotte Dunmore in Sydney and Alexandra Voss in Paris; Editing by Jack Lund in Washington)

Reuters reporters Nigel Poole and Kent Ward in Bengaluru contributed to this report.
"""


def test_credit_lines_name_no_places_or_people(norm):
    r = norm.normalize(CREDITS)
    places = names(r["places"])
    assert "Norway" in places
    for p in ("Sydney", "Paris", "Washington", "Bengaluru", "Charlotte", "Alexandra", "Kent"):
        assert p not in places
    people = names(r["people"])
    assert "Ola Brekke" in people
    assert not any(n in people for n in ("Charlotte Dunmore", "Jack Lund", "Nigel Poole", "Kent Ward"))


STATES = """Snow snarls travel

Drivers in Virginia and Florida were told to stay home, while snow fell across upstate New York and
Northern Virginia. Flights from New York to Chicago were delayed, and crews in Washington state were ready.
"""


def test_us_states_new_york_and_compass_regions(norm):
    r = norm.normalize(STATES)
    by = {p["name"]: p for p in r["places"]}
    assert by["Virginia"]["country"] == "US" and by["Florida"]["country"] == "US"
    assert "New York City" in by and by["New York City"]["kind"] == "city"
    assert by["New York"]["kind"] == "region"       # upstate New York
    assert "Northern Virginia" in by and by["Northern Virginia"]["country"] == "US"
    assert any(p["kind"] == "region" and p["name"] == "Washington" for p in r["places"])


def test_division_rank_above_foreign_towns_below_big_cities(norm):
    rules = norm.rules
    assert gazetteer.place(rules, "Virginia")["country"] == "US"
    assert gazetteer.place(rules, "Washington")["kind"] == "city"


CURRENCY_ORGS = """Aid arrives after floods

The government allocated 1 million yuan (about 160,000 U.S. dollars) for relief.
A member of the Palestine Liberation Organization called for help. Ministers from Egypt and Jordan met in Cairo. The patient flew via
Casablanca in Morocco.
"""


def test_currency_org_names_listed_countries_and_via(norm):
    places = names(norm.normalize(CURRENCY_ORGS)["places"])
    assert "United States" not in places
    assert "Palestinian Territory" not in places
    assert "Jordan" in places and "Egypt" in places
    assert "Casablanca" in places


PEOPLE = """Families wait for news

Delays at John F. Kennedy airport grew. American Airlines' Kent Powell replied that six flights were cancelled.
She was waiting for her brother, Harun Tasik, and two of his children. Another aid worker, Willem Poolen,
recovered. Media quoted the head of the agency, Bram Soetedjo, as saying three bodies were found.
"""


def test_people_in_kinship_appositives_and_town_first_names(norm):
    r = norm.normalize(PEOPLE)
    people = names(r["people"])
    for p in ("Harun Tasik", "Willem Poolen", "Bram Soetedjo"):
        assert p in people
    places = names(r["places"])
    assert "Kennedy" not in places and "Kent" not in places


def test_dateline_second_desk_is_a_place(norm):
    r = norm.normalize("Rescue resumes\n\nSURABAYA, Indonesia/JAKARTA (Reuters) - Rescuers resumed the search "
                       "off Borneo on Tuesday, officials said.\n")
    assert "Jakarta" in names(r["places"])
