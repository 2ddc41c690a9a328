"""Bytes to text: BOMs, legacy encodings by detection, mojibake repaired and recorded."""
from __future__ import annotations

import codecs

import pytest

from normalizer import normalize
from normalizer.decode import decode

KO = "정부는 이날 국무회의에서 내년도 예산안을 의결했다고 밝혔다. 예산안은 복지와 일자리에 중점을 뒀다."
ZH_HANS = "本市规划部门日前公布了中心公园改造方案，计划在明年年底前完成步道、照明和绿化的整体更新。"
ZH_HANT = "本市規劃部門日前公布了中心公園改造方案，計劃在明年年底前完成步道、照明和綠化的整體更新。"
JA = "国内の電機大手は、次世代型の蓄電池を来春から国内工場で量産すると発表した。担当者は話している。"
FR = "Le gouvernement a présenté mercredi un projet de réforme très attendu, déjà critiqué à gauche."


PL = "Zażółć gęślą jaźń, powiedział minister w środę w Warszawie podczas konferencji prasowej."


@pytest.mark.parametrize("text,enc", [(KO, "euc-kr"), (ZH_HANS, "gb18030"), (ZH_HANT, "big5"),
                                      (JA, "shift_jis"), (FR, "cp1252"), (PL, "cp1250")])
def test_legacy_encodings_are_detected(text, enc):
    d = decode(text.encode(enc))
    assert d.text == text
    assert any("decoded as" in w for w in d.warnings)


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                     (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_boms(bom, enc):
    d = decode(bom + KO.encode(enc))
    assert d.text == KO


def test_mojibake_is_repaired_and_recorded():
    broken = "Schöne Grüße aus München".encode().decode("latin-1")
    d = decode(("Title\n" + broken + "\n").encode())
    assert "Schöne Grüße aus München" in d.text
    assert d.repairs and d.repairs[0]["kind"] == "mojibake"
    assert any("mojibake" in w for w in d.warnings)


def test_clean_text_is_untouched():
    for t in (KO, ZH_HANS, JA, FR, "Copyright © 1999- Shanghai Daily. All rights reserved."):
        d = decode(t.encode())
        assert d.text == t and not d.repairs and not d.warnings


def test_language_of_legacy_encoded_page():
    rec = normalize(("예산안 국회 제출\n\n" + KO + "\n").encode("euc-kr"))
    assert rec["ok"] and rec["language"]["code"] == "ko"
    rec = normalize(("公園改造\n\n" + ZH_HANT + "\n").encode("big5"))
    assert rec["language"]["code"] == "zh-Hant"
