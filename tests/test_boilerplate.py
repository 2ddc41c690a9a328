"""Boilerplate kinds and languages on fixtures written for the project (shapes of real pages)."""
from __future__ import annotations

import pytest

PAGE_FOOTER = """Harbour city opens new ferry line
The city opened a new ferry line on Monday, linking the old harbour with the island districts for the first time in decades, officials said.
Commuters welcomed the service, which runs every twenty minutes during rush hours and every hour at night, according to the operator.
The operator plans to add two more boats next year if demand holds, a spokeswoman told reporters at the pier.
- About Us
- |
- Terms of Use
- |
- Contact Us
- |
- City Call Center: 961234
- |
- Tip-off hotline: 55501234
- 沪ICP证:沪ICP备01234567号-1
- |
- 互联网新闻信息服务许可证:31120000001
Copyright © 2001- Harbour Daily. All rights reserved.Preferably viewed with Internet Explorer 8 or newer browsers.
"""


def _entries(rec):
    return {b["text"]: b for b in rec["boilerplate"]}


def _entry_holding(rec, text):
    for b in rec["boilerplate"]:
        if text in b["text"]:
            return b
    return None


def test_mixed_zh_en_footer_kinds_and_languages(norm):
    rec = norm.normalize(PAGE_FOOTER)
    e = _entries(rec)
    assert e["- About Us"]["kind"] == "navigation" and e["- About Us"]["language"] == "en"
    assert e["- |"]["kind"] == "navigation"
    assert e["- City Call Center: 961234"]["kind"] == "contact"
    assert e["- Tip-off hotline: 55501234"]["kind"] == "contact"
    lic = e["- 沪ICP证:沪ICP备01234567号-1"]
    assert lic["kind"] == "license" and lic["language"] == "zh"
    assert e["- 互联网新闻信息服务许可证:31120000001"]["kind"] == "license"
    # the last line holds a copyright and a browser notice: two entries, each with its own span
    cp = e["Copyright © 2001- Harbour Daily. All rights reserved."]
    nt = e["Preferably viewed with Internet Explorer 8 or newer browsers."]
    assert cp["kind"] == "copyright" and nt["kind"] == "notice"
    assert cp["language"] == nt["language"] == "en"
    assert cp["span"][1] == nt["span"][0]
    text = PAGE_FOOTER
    for b in rec["boilerplate"]:
        assert text[b["span"][0]:b["span"][1]] == b["text"]
    assert len(rec["paragraphs"]) == 3


def test_ko_en_footer_is_one_copyright_entry_in_korean(norm):
    text = ("서울시, 새 버스 노선 개통\n"
            "서울시는 다음 달부터 도심과 외곽을 잇는 새 버스 노선을 운행한다고 밝혔다. 시는 출퇴근 시간대 배차 간격을 줄이고 "
            "심야 운행도 늘릴 계획이라고 설명했다.\n"
            "시 관계자는 이용객 의견을 반영해 정류장 위치도 조정하겠다고 덧붙였다.\n"
            "Copyright ⓒ Example Ilbo. 무단 전재 및 재배포 금지\n")
    rec = norm.normalize(text)
    b = _entry_holding(rec, "무단 전재 및 재배포 금지")
    assert b is not None and b["kind"] == "copyright" and b["language"] == "ko"
    assert b["text"].startswith("Copyright")


@pytest.mark.parametrize("line,kind", [
    ("京ICP证030173号", "license"),
    ("京公网安备 11000002000001号", "license"),
    ("版权所有 © 示例日报社 未经授权禁止转载", "copyright"),
    ("Copyright (c) 2019 Example Media Inc. All rights reserved.", "copyright"),
    ("記事・写真の無断転載を禁じます。", "copyright"),
    ("违法和不良信息举报电话：010-12345678", "contact"),
    ("地址：北京市朝阳区示例路1号", "contact"),
    ("电子信箱：news@example.cn", "contact"),
    ("为确保最佳浏览效果，建议您使用最新版浏览器。", "notice"),
    ("We use cookies to improve your experience on our site.", "notice"),
    ("免责声明：本文仅代表作者观点，不代表本站立场。", "notice"),
    ("微博 微信 分享 1,024", "share"),
    ("广告", "ad"),
    ("首页 > 新闻 > 正文", "navigation"),
    ("http://news.example.com/article/12345/", "navigation"),
])
def test_footer_line_kinds(norm, line, kind):
    body = ("The council approved the new budget on Tuesday after a long debate about school funding and road repairs in the northern districts.\n"
            "Members said the plan would be reviewed again in the spring, when new figures on tax income are expected from the treasury office.\n")
    rec = norm.normalize(body + line + "\n")
    b = _entry_holding(rec, line)
    assert b is not None, rec["boilerplate"]
    assert b["kind"] == kind


def test_related_block_and_menus_on_a_whole_page(norm):
    text = "\n".join([
        "* Home", "* World", "* Business", "* Sport", "* Culture", "* Opinion",
        "Search", "Sign In",
        "River levels fall after a week of floods",
        "March 3, 2021 10:15 AM",
        "Water levels on the river fell on Wednesday for the first time in a week, letting hundreds of families return to their homes in the lower town, emergency services said.",
        "Crews spent the night clearing mud from the main road, and the railway line is expected to reopen by the weekend if the weather stays dry, the regional transport office said.",
        "Forecasters warned that more rain could arrive early next week, and urged residents living near the banks to keep sandbags in place until further notice.",
        "Related articles",
        "* Farmers count the cost of a wet winter",
        "* Town council votes to raise flood defences",
        "* How the river shaped the old market town",
        "Share this:",
        "* Facebook",
        "* Twitter",
        "Copyright © 2021 Example Courier. All rights reserved.",
    ]) + "\n"
    rec = norm.normalize(text)
    kinds = {b["text"]: b["kind"] for b in rec["boilerplate"]}
    assert kinds["Related articles"] == "related"
    assert kinds["* Farmers count the cost of a wet winter"] == "related"
    assert kinds["* Home"] == "navigation"
    assert kinds["* Facebook"] == "share"
    assert kinds["Copyright © 2021 Example Courier. All rights reserved."] == "copyright"
    assert rec["title"] == "River levels fall after a week of floods"
    assert len(rec["paragraphs"]) == 3
    assert not any("Farmers" in p for p in rec["paragraphs"])


def test_prose_with_a_keyword_is_not_boilerplate(norm):
    text = ("Court rules on photo dispute\n"
            "The court ruled on Friday that the agency had not given up its copyright when it shared the photographs with the newspaper, "
            "ending a dispute that had lasted three years and cost both sides heavily.\n"
            "Lawyers for the newspaper said they would study the ruling before deciding whether to appeal.\n")
    rec = norm.normalize(text)
    assert rec["boilerplate"] == []
    assert len(rec["paragraphs"]) == 2


def test_every_line_placed_once(norm):
    rec = norm.normalize(PAGE_FOOTER)
    assert all(role in ("title", "header", "body", "duplicate", "boilerplate") for _, _, role, _ in rec["lines"])
