"""Body paragraphs: repairs, duplicates, glued and hard-wrapped paragraphs (fixtures written for the project)."""
from __future__ import annotations

from normalizer.body import dup_key, split_glued


def test_stray_hyphens_and_invisible_characters_repaired(norm):
    text = ("Ports agree on joint patrols\n"
            "Officials said the patrols would cover the waters off the -Western Cape and the islands nearby, "
            "according to the Port -Authority.\n"
            "The plan still needs ap\u00adproval from the re\u200bgional council before the summer season.\n")
    rec = norm.normalize(text)
    body = rec["body"]
    assert "the Western Cape" in body and "Port Authority" in body and "-Western" not in body
    assert "approval" in body and "regional" in body
    kinds = {r["kind"] for r in rec["repairs"]}
    assert {"stray_hyphen", "invisible_chars"} <= kinds


def test_minus_and_dashes_are_not_stray_hyphens(norm):
    text = ("Temperatures drop\n"
            "Temperatures fell to -5 degrees overnight in the valley - the coldest night of the year so far, forecasters said.\n")
    rec = norm.normalize(text)
    assert "-5 degrees" in rec["body"] and "valley - the" in rec["body"]


def test_fullwidth_letters_and_digits(norm):
    text = "新型ＡＩ芯片发布\n该公司于２０１９年发布了新型ＡＩ芯片，性能比上一代提高了两倍，售价与上一代持平。\n"
    rec = norm.normalize(text)
    assert "2019年" in rec["body"] and "AI芯片" in rec["body"]
    assert any(r["kind"] == "fullwidth_alnum" for r in rec["repairs"])


def test_exact_and_near_duplicates_point_at_first_copy(norm):
    p1 = "The bridge will close for repairs from Monday, the transport office said in a statement on Friday."
    p2 = "Drivers are advised to use the northern ring road, which will have extra lanes open during the works."
    near = "The bridge will close for repairs from Monday , the transport office said in a statement on Friday"
    text = f"Bridge to close for repairs\n{p1}\n{p2}\n{p2}\n{near}\n"
    rec = norm.normalize(text)
    assert rec["paragraphs"] == [p1, p2]
    assert sorted(d["of"] for d in rec["duplicates"]) == [0, 1]
    for d in rec["duplicates"]:
        assert text[d["span"][0]:d["span"][1]] == d["text"]


def test_dup_key_ignores_width_case_spacing_punctuation():
    assert dup_key("Ｈello,  World!") == dup_key("hello world")


def test_glued_paragraphs_are_split():
    a = "The ministry said the agreement would be signed during the minister's visit later this year."
    b = "The formal text has yet to be finalised, and officials said more talks would be needed first."
    assert split_glued(a + b) == [a, b]
    # an abbreviation or a short tail is not a paragraph boundary
    assert split_glued("He met U.S. officials.Then he left.") == ["He met U.S. officials.Then he left."]


def test_glued_paragraphs_in_the_record(norm):
    a = "The ministry said the agreement would be signed during the minister's visit later this year."
    b = "The formal text has yet to be finalised, and officials said more talks would be needed first."
    text = "Ministers to sign pact\n" + a + b + "\n"
    rec = norm.normalize(text)
    assert rec["paragraphs"] == [a, b]
    spans = rec["evidence"]["paragraphs"]
    assert [text[s[0][0]:s[0][1]] for s in (p["spans"] for p in spans)] == [a, b]


def test_hard_wrapped_wire_copy_is_joined(norm):
    text = ("TOKYO, March 2 - The central bank left its key interest rate\n"
            "unchanged on Monday, saying the economy was recovering at a\n"
            "moderate pace despite weak exports to the region.\n"
            "    The bank also raised its view of household spending, which\n"
            "has held up better than expected since the autumn tax rise.\n"
            "    Analysts said the decision had been widely expected by the\n"
            "markets and the yen barely moved after the announcement.\n")
    rec = norm.normalize(text)
    assert len(rec["paragraphs"]) == 3
    assert rec["paragraphs"][0].startswith("TOKYO, March 2 - The central bank") or \
        rec["paragraphs"][0].startswith("The central bank")
    assert "at a moderate pace" in rec["body"]


def test_whole_page_keeps_article_lines_only(norm):
    menu = [f"* Section {i}" for i in range(1, 9)]
    article = [
        "Museum reopens after two-year renovation",
        "By Ana Lopes",
        "The city museum reopened on Saturday after a two-year renovation that added three new galleries and a rooftop garden, its director said.",
        "Visitors queued from early morning to see the restored ceiling paintings, which had been hidden behind scaffolding since the works began.",
        "New galleries",
        "The new rooms show the museum's collection of maps and ship models, most of which have never been on public display before now.",
        "Entry will be free for residents until the end of the month, after which the usual ticket prices will apply again, the museum said.",
    ]
    teasers = ["Most read", "* City hall unveils plan for new tram line", "* Five walks along the old canal",
               "* Local bakery wins national prize"]
    text = "\n".join(menu + article + teasers) + "\n"
    rec = norm.normalize(text)
    paras = rec["paragraphs"]
    assert paras[0].startswith("The city museum reopened")
    assert paras[-1].startswith("Entry will be free")
    assert "New galleries" in paras
    assert not any(p.startswith("* ") for p in paras)
