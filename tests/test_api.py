"""The library surface: normalize() and Normalizer, the record contract, and bad inputs."""
from __future__ import annotations

import json
import os
import pickle

import pytest
from conftest import FIXTURES

import normalizer
from normalizer import Normalizer, normalize
from normalizer.record import BOILERPLATE_KINDS, FIELDS, SCHEMA

CONTRACT = ["schema", "input", "ok", "error", "title", "language", "published", "modified", "dateline", "source",
            "authors", "body", "paragraphs", "duplicates", "boilerplate", "people", "places", "organizations",
            "warnings"]


def test_record_has_every_contract_field():
    rec = normalize((FIXTURES / "pages" / "en_outlet_footer.txt").read_text(encoding="utf-8"), input_id="x")
    assert rec["schema"] == SCHEMA == "news-normalizer/1"
    for key in CONTRACT:
        assert key in rec, key
    assert list(rec)[: len(FIELDS)] == list(FIELDS)
    assert rec["ok"] is True and rec["error"] is None
    json.dumps(rec)  # serializable as is
    assert pickle.loads(pickle.dumps(rec)) == rec


def test_str_and_bytes_give_the_same_record():
    text = (FIXTURES / "pages" / "ja_article.txt").read_text(encoding="utf-8")
    a = normalize(text, input_id="j")
    b = normalize(text.encode("utf-8"), input_id="j")
    assert a == b


def test_footer_page_first_cut():
    rec = normalize((FIXTURES / "pages" / "en_outlet_footer.txt").read_bytes())
    assert rec["title"] == "Port city braces for record tides as storm nears"
    assert rec["language"]["code"] == "en"
    assert len(rec["paragraphs"]) == 3
    assert "across the Korea Strait" in rec["body"] and "-Korea" not in rec["body"]
    assert "Maritime Affairs Office" in rec["body"] and "-Maritime" not in rec["body"]
    assert [d["of"] for d in rec["duplicates"]] == [1, 2]
    assert any(r["kind"] == "stray_hyphen" for r in rec["repairs"]), "repairs are recorded, not silent"
    kinds = {b["text"]: (b["kind"], b["language"]) for b in rec["boilerplate"]}
    assert kinds["- About Us"] == ("navigation", "en")
    assert kinds["- Newsroom hotline: 02-555-0199"] == ("contact", "en")
    assert kinds["- 京ICP备12345678号-2"][0] == "license" and kinds["- 京ICP备12345678号-2"][1].startswith("zh")
    # the last line holds two notices: split into two entries with their own spans
    copy = [b for b in rec["boilerplate"] if b["kind"] == "copyright"]
    notice = [b for b in rec["boilerplate"] if b["kind"] == "notice"]
    assert copy[0]["text"] == "Copyright © 2001- Harbor Daily Times. All rights reserved."
    assert notice[0]["text"] == "Best viewed with Chrome 80 or newer browsers."
    assert copy[0]["span"][1] == notice[0]["span"][0]


def test_normalizer_is_reusable_and_picklable():
    n = Normalizer()
    n2 = pickle.loads(pickle.dumps(n))
    text = (FIXTURES / "pages" / "ko_wire.txt").read_text(encoding="utf-8")
    assert n.normalize(text) == n2.normalize(text) == normalize(text)


@pytest.mark.parametrize("data,err", [
    ("", "EmptyInput"), ("   \n\t\n  ", "EmptyInput"), (b"", "EmptyInput"),
    (b"\x00" * 4000, "EmptyInput"), (b"\x00\xff\x00\x9c" * 3000, "DecodeError"),
])
def test_bad_input_gets_an_error_record(data, err):
    rec = normalize(data, input_id="bad")
    assert rec["ok"] is False
    assert rec["error"]["type"] == err and rec["error"]["message"]
    assert rec["input"] == "bad"
    for key in CONTRACT:
        assert key in rec
    json.dumps(rec)


def test_binary_garbage_and_nul_bytes_do_not_crash():
    rnd = bytes((i * 7919 + 13) % 256 for i in range(20000))
    rec = normalize(rnd)
    assert "ok" in rec and json.dumps(rec)
    rec = normalize("Title line\x00 with NUL\n\nBody text here, long enough to read.\x00\n")
    assert rec["ok"] and any("NUL" in w for w in rec["warnings"])


def test_ten_megabyte_single_line():
    line = ("word " * 2_000_000)[:10_000_000]
    rec = normalize(line)
    assert rec["ok"] is True
    assert len(rec["paragraphs"]) + bool(rec["title"]) + len(rec["boilerplate"]) >= 1


def test_undecodable_bytes_are_replaced_with_a_warning():
    data = b"Seoul marks anniversary\n\nOfficials gathered on Monday.\n" + b"\xff\xfe\xfa\x80\x81 tail\n"
    rec = normalize(data)
    assert rec["ok"]
    assert rec["warnings"], "what was done to the bytes is said"


def test_bad_arguments():
    assert normalize("x", reference_date="not a date")["error"]["type"] == "BadArgument"
    assert normalize(12345)["error"]["type"] == "BadInput"  # type: ignore[arg-type]


def test_boilerplate_kinds_are_from_the_guide():
    for p in sorted((FIXTURES / "pages").glob("*.txt")):
        for b in normalize(p.read_bytes())["boilerplate"]:
            assert b["kind"] in BOILERPLATE_KINDS
            assert b["language"]


def test_package_version_and_exports():
    assert normalizer.__version__
    assert callable(normalizer.normalize) and normalizer.Normalizer is Normalizer
    assert os.path.isdir(normalizer.rules.shipped_dir())
